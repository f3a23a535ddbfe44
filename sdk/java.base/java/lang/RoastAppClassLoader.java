/*
 * roast SDK: the application class loader (HotSpot's ClassLoaders$AppClassLoader plays its
 * part). getSystemClassLoader() answers its one instance (named "app", as HotSpot's), which
 * is also the context class loader of the main thread and the loader
 * Class.getClassLoader() reports for the program's compiled classes.
 *
 * - Compiled build: every class of the program and the JDK is compiled; the loader finds
 *   them by name (Class.findCompiled0) and reads resources from the copies embedded in the
 *   executable (its parent is null, the boot loader, whose resources those are).
 * - Interpret-program executable (`roast build --interpret-program`, see
 *   aot/src/interpret_program.rs): the program's class files are embedded as resources
 *   (`pkg/Name.class`); the loader defines them itself (they run in the interpreter,
 *   runtime/src/interp/) and finds every other class among the compiled ones. It never
 *   delegates a program class to the boot loader, which also holds compiled copies of the
 *   program's classes that nothing uses.
 */
package java.lang;

final class RoastAppClassLoader extends ClassLoader {
    private static final RoastAppClassLoader INSTANCE = new RoastAppClassLoader();

    /** The program's classes are interpreted (defined here from their embedded files). */
    private static final boolean INTERPRET_PROGRAM = RoastVM.interpretedMainClass() != null;

    private RoastAppClassLoader() {
        super("app", null);
    }

    /** The application class loader. */
    static ClassLoader instance() {
        return INSTANCE;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = INTERPRET_PROGRAM ? programClassBytes(name) : null;
                c = bytes != null ? defineClass(name, bytes, 0, bytes.length) : Class.findCompiled0(name);
            }
            if (c == null) {
                throw new ClassNotFoundException(name);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return loadClass(name, false);
    }

    /** The embedded class file of a program class with this binary name, or null. */
    private static byte[] programClassBytes(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.charAt(0) == '[') {
            return null;
        }
        return RoastVM.resourceBytes(name.replace('.', '/') + ".class");
    }

    @Override
    public String toString() {
        return "jdk.internal.loader.ClassLoaders$AppClassLoader@" + Integer.toHexString(hashCode());
    }
}
