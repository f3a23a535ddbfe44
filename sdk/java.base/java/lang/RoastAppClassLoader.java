/*
 * roast SDK: the application class loader of an interpret-program executable
 * (`roast build --interpret-program`, see aot/src/interpret_program.rs). The program's class
 * files are embedded as resources (`pkg/Name.class`); this loader defines them itself (they
 * run in the interpreter, runtime/src/interp/) and finds every other class among the
 * compiled ones (the boot loader). It never delegates a program class to the boot loader,
 * which also holds compiled copies of the program's classes that nothing uses.
 *
 * getSystemClassLoader() answers the one instance (named "app", as HotSpot's); in compiled
 * builds there is none and it answers null.
 */
package java.lang;

final class RoastAppClassLoader extends ClassLoader {
    private static final RoastAppClassLoader INSTANCE =
            RoastVM.interpretedMainClass() == null ? null : new RoastAppClassLoader();

    private RoastAppClassLoader() {
        super("app", null);
    }

    /** The loader of an interpret-program executable, or null in a compiled build. */
    static ClassLoader instance() {
        return INSTANCE;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = programClassBytes(name);
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
