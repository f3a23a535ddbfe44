/*
 * roast SDK: a small ClassLoader with the JDK's public behaviour for what programs use:
 * parent-first delegation in loadClass (a null parent is the boot loader, which finds every
 * class compiled into the program), findClass, defineClass (the runtime parses, links and
 * interprets the class: runtime/src/interp/), findLoadedClass, resources through
 * getResource(s)/findResource(s) (the parent's first), names and parents. HotSpot's ClassLoader drags in protection
 * domains, packages, native libraries and the module system; none of that is modelled.
 * getSystemClassLoader() answers the application loader (RoastAppClassLoader), the loader of
 * the program's compiled classes; getPlatformClassLoader() answers null (compiled JDK classes
 * count as boot classes). The boot loader's resources are the copies embedded in the
 * executable, with `roast-resource:` URLs (RoastResourceURLs).
 */
package java.lang;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

public abstract class ClassLoader {
    private final ClassLoader parent;
    private final String name;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    protected ClassLoader(String name, ClassLoader parent) {
        if (name != null && name.isEmpty()) {
            throw new IllegalArgumentException("name must be non-empty or null");
        }
        this.name = name;
        this.parent = parent;
    }

    protected ClassLoader(ClassLoader parent) {
        this(null, parent);
    }

    protected ClassLoader() {
        this(null, null);
    }

    public String getName() {
        return name;
    }

    public final ClassLoader getParent() {
        return parent;
    }

    public Class<?> loadClass(String name) throws ClassNotFoundException {
        return loadClass(name, false);
    }

    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (parent != null) {
                    try {
                        c = parent.loadClass(name, false);
                    } catch (ClassNotFoundException e) {
                        // not found by the parent: try this loader
                    }
                } else {
                    c = Class.findCompiled0(name);
                }
                if (c == null) {
                    c = findClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    protected Object getClassLoadingLock(String className) {
        Object lock = new Object();
        Object existing = locks.putIfAbsent(className, lock);
        return existing != null ? existing : lock;
    }

    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    protected Class<?> findClass(String moduleName, String name) {
        if (moduleName == null) {
            try {
                return findClass(name);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }

    protected final Class<?> defineClass(String name, byte[] b, int off, int len) throws ClassFormatError {
        return defineClass1(this, name, b, off, len);
    }

    protected final Class<?> defineClass(String name, byte[] b, int off, int len, ProtectionDomain protectionDomain)
            throws ClassFormatError {
        return defineClass1(this, name, b, off, len);
    }

    protected final Class<?> defineClass(String name, java.nio.ByteBuffer b, ProtectionDomain protectionDomain)
            throws ClassFormatError {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return defineClass1(this, name, bytes, 0, bytes.length);
    }

    protected final void resolveClass(Class<?> c) {
        Objects.requireNonNull(c);
    }

    protected final Class<?> findLoadedClass(String name) {
        return name == null ? null : findLoadedClass1(this, name);
    }

    protected final Class<?> findSystemClass(String name) throws ClassNotFoundException {
        Class<?> c = Class.findCompiled0(name);
        if (c == null) {
            throw new ClassNotFoundException(name);
        }
        return c;
    }

    protected final void setSigners(Class<?> c, Object[] signers) {
    }

    public URL getResource(String name) {
        Objects.requireNonNull(name);
        URL url = parent != null ? parent.getResource(name) : getSystemResource(name);
        return url != null ? url : findResource(name);
    }

    /** The parent's resources (the boot loader's for a null parent), then this loader's. */
    public Enumeration<URL> getResources(String name) throws IOException {
        Objects.requireNonNull(name);
        Enumeration<URL> first = parent != null ? parent.getResources(name) : getSystemResources(name);
        Enumeration<URL> second = findResources(name);
        java.util.ArrayList<URL> all = Collections.list(first);
        all.addAll(Collections.list(second));
        return Collections.enumeration(all);
    }

    /** Resources embedded in the executable: none or one (see getSystemResource). */
    public static Enumeration<URL> getSystemResources(String name) throws IOException {
        URL url = getSystemResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
    }

    public java.util.stream.Stream<URL> resources(String name) {
        Objects.requireNonNull(name);
        try {
            return Collections.list(getResources(name)).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public InputStream getResourceAsStream(String name) {
        Objects.requireNonNull(name);
        InputStream in = parent != null ? parent.getResourceAsStream(name) : getSystemResourceAsStream(name);
        if (in != null) {
            return in;
        }
        URL url = findResource(name);
        try {
            return url != null ? url.openStream() : null;
        } catch (IOException e) {
            return null;
        }
    }

    protected URL findResource(String name) {
        return null;
    }

    protected URL findResource(String moduleName, String name) throws IOException {
        return moduleName == null ? findResource(name) : null;
    }

    protected Enumeration<URL> findResources(String name) throws IOException {
        return Collections.emptyEnumeration();
    }

    /** A resource embedded in the executable (see aot/src/resources.rs) as a URL, or null. */
    public static URL getSystemResource(String name) {
        return RoastResourceURLs.find(Objects.requireNonNull(name));
    }

    /** A resource embedded in the executable (see aot/src/resources.rs), or null. */
    public static InputStream getSystemResourceAsStream(String name) {
        byte[] bytes = RoastVM.resourceBytes(Objects.requireNonNull(name));
        return bytes == null ? null : new java.io.ByteArrayInputStream(bytes);
    }

    /** The application class loader (the loader of the program's classes). */
    public static ClassLoader getSystemClassLoader() {
        return RoastAppClassLoader.instance();
    }

    public static ClassLoader getPlatformClassLoader() {
        return null;
    }

    protected static boolean registerAsParallelCapable() {
        return true;
    }

    public final boolean isRegisteredAsParallelCapable() {
        return true;
    }

    public void setDefaultAssertionStatus(boolean enabled) {
    }

    public void setPackageAssertionStatus(String packageName, boolean enabled) {
    }

    public void setClassAssertionStatus(String className, boolean enabled) {
    }

    public void clearAssertionStatus() {
    }

    public final Package getDefinedPackage(String name) {
        return null;
    }

    public final Package[] getDefinedPackages() {
        return new Package[0];
    }

    /** The loader of a class (null for the boot loader), as HotSpot's internal helper. */
    static ClassLoader getClassLoader(Class<?> caller) {
        return caller == null ? null : caller.getClassLoader();
    }

    /** Defines a class: parsed, linked and run by the interpreter (runtime/src/interp/). */
    private static native Class<?> defineClass1(ClassLoader loader, String name, byte[] b, int off, int len);

    /** The class {@code name} this loader defined, or null. */
    private static native Class<?> findLoadedClass1(ClassLoader loader, String name);
}
