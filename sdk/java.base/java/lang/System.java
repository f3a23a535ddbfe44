/*
 * roast SDK replacement for java.lang.System. HotSpot's System is initialized by the VM in
 * phases (initPhase1..3) through natives; roast's initializes itself in <clinit>: standard
 * streams exactly as HotSpot builds them (PrintStream over a 128-byte BufferedOutputStream,
 * autoflush, default charset UTF-8), system properties from the runtime, and the VM-bound
 * natives implemented by the runtime.
 */
package java.lang;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

public final class System {
    private System() {}

    public static final InputStream in;
    public static final PrintStream out;
    public static final PrintStream err;

    private static Properties props;
    private static String lineSeparator;

    static {
        props = new Properties();
        String[] init = initProperties();
        java.util.HashMap<String, String> initial = new java.util.HashMap<>();
        for (int i = 0; i + 1 < init.length; i += 2) {
            initial.put(init[i], init[i + 1]);
        }
        // The JDK's own version and vendor constants (java.version, java.vendor,
        // java.runtime.version, ...), exactly as the build JDK reports them.
        VersionProps.init(initial);
        for (Map.Entry<String, String> e : initial.entrySet()) {
            props.setProperty(e.getKey(), e.getValue());
        }
        lineSeparator = props.getProperty("line.separator");
        jdk.internal.access.SharedSecrets.setJavaLangAccess(new RoastLangAccess());
        jdk.internal.misc.VM.saveProperties(new java.util.HashMap<>(toMap(props)));
        in = new BufferedInputStream(new FileInputStream(FileDescriptor.in));
        out = newPrintStream(new FileOutputStream(FileDescriptor.out));
        err = newPrintStream(new FileOutputStream(FileDescriptor.err));
    }

    private static Map<String, String> toMap(Properties p) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }

    private static PrintStream newPrintStream(FileOutputStream fos) {
        return new PrintStream(new BufferedOutputStream(fos, 128), true, sun.nio.cs.UTF_8.INSTANCE);
    }

    /** Key/value pairs of the initial system properties, from the runtime. */
    private static native String[] initProperties();

    public static void setIn(InputStream in) {
        setIn0(in);
    }

    public static void setOut(PrintStream out) {
        setOut0(out);
    }

    public static void setErr(PrintStream err) {
        setErr0(err);
    }

    private static native void setIn0(InputStream in);
    private static native void setOut0(PrintStream out);
    private static native void setErr0(PrintStream err);

    public static Console console() {
        return null;
    }

    public static SecurityManager getSecurityManager() {
        return null;
    }

    public static void setSecurityManager(SecurityManager sm) {
        throw new UnsupportedOperationException("The Security Manager is deprecated and will be removed in a future release");
    }

    public static native long currentTimeMillis();

    public static native long nanoTime();

    public static native void arraycopy(Object src, int srcPos, Object dest, int destPos, int length);

    public static native int identityHashCode(Object x);

    public static Properties getProperties() {
        return props;
    }

    public static String lineSeparator() {
        return lineSeparator;
    }

    public static void setProperties(Properties p) {
        props = p == null ? new Properties() : p;
    }

    public static String getProperty(String key) {
        checkKey(key);
        return props.getProperty(key);
    }

    public static String getProperty(String key, String def) {
        checkKey(key);
        return props.getProperty(key, def);
    }

    public static String setProperty(String key, String value) {
        checkKey(key);
        return (String) props.setProperty(key, value);
    }

    public static String clearProperty(String key) {
        checkKey(key);
        return (String) props.remove(key);
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key can't be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key can't be empty");
        }
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        return getenv0(name);
    }

    private static native String getenv0(String name);

    public static Map<String, String> getenv() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        String[] all = environ0();
        for (int i = 0; i + 1 < all.length; i += 2) {
            m.put(all[i], all[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static native String[] environ0();

    public static void exit(int status) {
        Runtime.getRuntime().exit(status);
    }

    public static void gc() {
        Runtime.getRuntime().gc();
    }

    public static void runFinalization() {
    }

    public static void load(String filename) {
        throw new UnsatisfiedLinkError("roast: native libraries cannot be loaded: " + filename);
    }

    public static void loadLibrary(String libname) {
        throw new UnsatisfiedLinkError("roast: native libraries cannot be loaded: " + libname);
    }

    public static String mapLibraryName(String libname) {
        return "lib" + libname + ".so";
    }
}
