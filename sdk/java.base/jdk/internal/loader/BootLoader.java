/*
 * roast SDK: the boot class loader's services. HotSpot's BootLoader defines the boot loader's
 * unnamed module through the VM, knows the boot class path and JAVA_HOME's modules and loads
 * native libraries; in a roast executable every compiled class (JDK and program) is a boot
 * class found by name, natives are part of the runtime (linked statically) and there is no
 * boot class path. Services that
 * have no meaning here throw UnsupportedOperationException instead of answering wrongly.
 */
package jdk.internal.loader;

import java.io.InputStream;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import jdk.internal.access.SharedSecrets;
import jdk.internal.module.ServicesCatalog;

public class BootLoader {
    private BootLoader() {}

    private static final ServicesCatalog SERVICES_CATALOG = ServicesCatalog.create();
    private static final ConcurrentHashMap<?, ?> CLASS_LOADER_VALUE_MAP = new ConcurrentHashMap<>();
    private static Module unnamedModule;

    /** The boot loader's unnamed module (distinct from the program's, as on HotSpot). */
    public static synchronized Module getUnnamedModule() {
        if (unnamedModule == null) {
            unnamedModule = SharedSecrets.getJavaLangAccess().defineUnnamedModule(null);
        }
        return unnamedModule;
    }

    /** Services of boot-loader modules: none are registered (see the ServiceLoader shadow). */
    public static ServicesCatalog getServicesCatalog() {
        return SERVICES_CATALOG;
    }

    /** Per-loader values of the boot loader (ClassLoaderValue, used by Proxy and others). */
    public static ConcurrentHashMap<?, ?> getClassLoaderValueMap() {
        return CLASS_LOADER_VALUE_MAP;
    }

    public static NativeLibraries getNativeLibraries() {
        throw unsupported("native libraries of the boot loader (JDK natives are linked into the executable)");
    }

    /** There is no boot class path (-Xbootclasspath/a) in an executable. */
    public static boolean hasClassPath() {
        return false;
    }

    public static void loadModule(ModuleReference mref) {
        throw unsupported("loading modules into the boot layer");
    }

    /**
     * A class compiled into the executable, or null. Compiled program classes count as the
     * boot loader's too (their getClassLoader() is null), so class loaders whose parent is
     * the boot loader link plugins against them.
     */
    public static Class<?> loadClassOrNull(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    public static Class<?> loadClass(Module module, String name) {
        return loadClassOrNull(name);
    }

    /** JDK natives are part of the roast runtime, linked statically: nothing to load. */
    public static void loadLibrary(String name) {}

    /** A java.base resource embedded in the executable, or null. */
    public static InputStream findResourceAsStream(String mn, String name) {
        return "java.base".equals(mn) ? Object.class.getResourceAsStream("/" + name) : null;
    }

    public static URL findResource(String mn, String name) {
        return "java.base".equals(mn) ? Object.class.getResource("/" + name) : null;
    }

    public static URL findResource(String name) {
        return Object.class.getResource("/" + name);
    }

    public static Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
    }

    public static Package definePackage(Class<?> c) {
        throw unsupported("BootLoader.definePackage");
    }

    public static Package getDefinedPackage(String pn) {
        throw unsupported("BootLoader.getDefinedPackage");
    }

    public static Stream<Package> packages() {
        throw unsupported("BootLoader.packages");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("roast: " + what + " is not supported in native executables");
    }
}
