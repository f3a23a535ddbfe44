/*
 * roast SDK: the boot loader's services as a roast executable has them. Every compiled class
 * is a boot class (found by name among the compiled classes); native libraries are linked
 * into the executable, so loadLibrary has nothing to load (HotSpot's version defines the
 * boot loader's unnamed module and opens libraries under java.home at class
 * initialization, which fails in a native executable). Module-system services (services
 * catalog, native-library registry, modules) throw UnsupportedOperationException.
 */
package jdk.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

public class BootLoader {
    private static final ConcurrentHashMap<?, ?> CLASS_LOADER_VALUE_MAP = new ConcurrentHashMap<>();

    private BootLoader() {}

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("roast: BootLoader." + what + " is not supported in native executables");
    }

    public static Module getUnnamedModule() {
        throw unsupported("getUnnamedModule");
    }

    public static jdk.internal.module.ServicesCatalog getServicesCatalog() {
        throw unsupported("getServicesCatalog");
    }

    public static ConcurrentHashMap<?, ?> getClassLoaderValueMap() {
        return CLASS_LOADER_VALUE_MAP;
    }

    public static NativeLibraries getNativeLibraries() {
        throw unsupported("getNativeLibraries");
    }

    public static boolean hasClassPath() {
        return false;
    }

    public static void loadModule(ModuleReference mref) {
        throw unsupported("loadModule");
    }

    /** A class compiled into the executable, or null. */
    public static Class<?> loadClassOrNull(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    public static Class<?> loadClass(Module module, String name) {
        return loadClassOrNull(name);
    }

    /** Natives are linked into the executable: nothing to load. */
    public static void loadLibrary(String name) {
    }

    public static URL findResource(String mn, String name) throws IOException {
        return null;
    }

    public static InputStream findResourceAsStream(String mn, String name) throws IOException {
        return null;
    }

    public static URL findResource(String name) {
        return null;
    }

    public static Enumeration<URL> findResources(String name) throws IOException {
        return Collections.emptyEnumeration();
    }

    public static Package definePackage(Class<?> c) {
        return null;
    }

    public static Package getDefinedPackage(String pn) {
        return null;
    }

    public static Stream<Package> packages() {
        return Stream.empty();
    }
}
