/*
 * roast SDK: the JavaLangAccess that HotSpot's System.initPhase1 installs, for the parts of
 * java.lang that other java.base packages reach through SharedSecrets. Module-system and
 * class-definition services are not available in a roast executable and fail loudly.
 */
package java.lang;

import java.lang.annotation.Annotation;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.security.AccessControlContext;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import jdk.internal.access.JavaLangAccess;
import jdk.internal.module.ServicesCatalog;
import jdk.internal.reflect.ConstantPool;
import sun.nio.ch.Interruptible;
import sun.reflect.annotation.AnnotationType;

final class RoastLangAccess implements JavaLangAccess {
    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("roast: " + what + " is not supported in native executables");
    }

    public List<Method> getDeclaredPublicMethods(Class<?> klass, String name, Class<?>... parameterTypes) {
        throw unsupported("JavaLangAccess.getDeclaredPublicMethods");
    }

    /** The pool of the class's kept annotations (see Class.getConstantPool). */
    public ConstantPool getConstantPool(Class<?> klass) {
        return klass.getConstantPool();
    }

    public boolean casAnnotationType(Class<?> klass, AnnotationType oldType, AnnotationType newType) {
        return klass.casAnnotationType(oldType, newType);
    }

    public AnnotationType getAnnotationType(Class<?> klass) {
        return klass.getAnnotationType();
    }

    public Map<Class<? extends Annotation>, Annotation> getDeclaredAnnotationMap(Class<?> klass) {
        return klass.getDeclaredAnnotationMap();
    }

    public byte[] getRawClassAnnotations(Class<?> klass) {
        return klass.getRawAnnotations();
    }

    public byte[] getRawClassTypeAnnotations(Class<?> klass) {
        throw unsupported("raw type annotations");
    }

    public byte[] getRawExecutableTypeAnnotations(Executable executable) {
        throw unsupported("raw type annotations");
    }

    @SuppressWarnings("unchecked")
    public <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass) {
        return (E[]) RoastVM.enumValues(klass);
    }

    public void blockedOn(Interruptible b) {
        Thread.blockedOn(b);
    }

    public void registerShutdownHook(int slot, boolean registerShutdownInProgress, Runnable hook) {
        Shutdown.add(slot, registerShutdownInProgress, hook);
    }

    public Thread newThreadWithAcc(Runnable target, AccessControlContext acc) {
        return new Thread(target);
    }

    @SuppressWarnings("deprecation")
    public void invokeFinalize(Object o) throws Throwable {
        o.finalize();
    }

    public ConcurrentHashMap<?, ?> createOrGetClassLoaderValueMap(ClassLoader cl) {
        throw unsupported("class loader value maps");
    }

    public Class<?> defineClass(ClassLoader cl, String name, byte[] b, ProtectionDomain pd, String source) {
        throw unsupported("defining classes");
    }

    public Class<?> defineClass(ClassLoader cl, Class<?> lookup, String name, byte[] b, ProtectionDomain pd,
            boolean initialize, int flags, Object classData) {
        throw unsupported("defining classes");
    }

    public Class<?> findBootstrapClassOrNull(String name) {
        return null;
    }

    public Package definePackage(ClassLoader cl, String name, Module module) {
        throw unsupported("defining packages");
    }

    public String fastUUID(long lsb, long msb) {
        return Long.fastUUID(lsb, msb);
    }

    public void addNonExportedPackages(ModuleLayer layer) {
        throw unsupported("module layers");
    }

    public void invalidatePackageAccessCache() {
    }

    public Module defineModule(ClassLoader loader, ModuleDescriptor descriptor, URI uri) {
        throw unsupported("defining modules");
    }

    /** A new unnamed module of this loader (the boot loader's, for BootLoader). */
    public Module defineUnnamedModule(ClassLoader loader) {
        return new Module(loader);
    }

    public void addReads(Module m1, Module m2) {
    }

    public void addReadsAllUnnamed(Module m) {
    }

    public void addExports(Module m, String pn) {
    }

    public void addExports(Module m, String pn, Module other) {
    }

    public void addExportsToAllUnnamed(Module m, String pn) {
    }

    public void addOpens(Module m, String pn, Module other) {
    }

    public void addOpensToAllUnnamed(Module m, String pn) {
    }

    public void addOpensToAllUnnamed(Module m, Set<String> concealedPkgs, Set<String> exportedPkgs) {
    }

    public void addUses(Module m, Class<?> service) {
    }

    public boolean isReflectivelyExported(Module module, String pn, Module other) {
        return true;
    }

    public boolean isReflectivelyOpened(Module module, String pn, Module other) {
        return true;
    }

    public Module addEnableNativeAccess(Module m) {
        return m;
    }

    public void addEnableNativeAccessAllUnnamed() {
    }

    public boolean isEnableNativeAccess(Module m) {
        return false;
    }

    public ServicesCatalog getServicesCatalog(ModuleLayer layer) {
        throw unsupported("module layers");
    }

    public void bindToLoader(ModuleLayer layer, ClassLoader loader) {
        throw unsupported("module layers");
    }

    public Stream<ModuleLayer> layers(ModuleLayer layer) {
        throw unsupported("module layers");
    }

    public Stream<ModuleLayer> layers(ClassLoader loader) {
        throw unsupported("module layers");
    }

    public String newStringNoRepl(byte[] bytes, Charset cs) throws CharacterCodingException {
        return String.newStringNoRepl(bytes, cs);
    }

    public byte[] getBytesNoRepl(String s, Charset cs) throws CharacterCodingException {
        return String.getBytesNoRepl(s, cs);
    }

    public String newStringUTF8NoRepl(byte[] bytes, int off, int len) {
        return String.newStringUTF8NoRepl(bytes, off, len);
    }

    public byte[] getBytesUTF8NoRepl(String s) {
        return String.getBytesUTF8NoRepl(s);
    }

    public void inflateBytesToChars(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
        StringLatin1.inflate(src, srcOff, dst, dstOff, len);
    }

    public int decodeASCII(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
        return String.decodeASCII(src, srcOff, dst, dstOff, len);
    }

    public int encodeASCII(char[] src, int srcOff, byte[] dst, int dstOff, int len) {
        return StringCoding.implEncodeAsciiArray(src, srcOff, dst, dstOff, len);
    }

    public void setCause(Throwable t, Throwable cause) {
        t.setCause(cause);
    }

    public ProtectionDomain protectionDomain(Class<?> c) {
        return null;
    }

    public java.lang.invoke.MethodHandle stringConcatHelper(String name, java.lang.invoke.MethodType methodType) {
        throw unsupported("StringConcatHelper method handles");
    }

    public long stringConcatInitialCoder() {
        return StringConcatHelper.initialCoder();
    }

    public long stringConcatMix(long lengthCoder, String constant) {
        return StringConcatHelper.mix(lengthCoder, constant);
    }

    public String join(String prefix, String suffix, String delimiter, String[] elements, int size) {
        return String.join(prefix, suffix, delimiter, elements, size);
    }

    public Object classData(Class<?> c) {
        return null;
    }

    public long findNative(ClassLoader loader, String entry) {
        return 0;
    }

    public void exit(int statusCode) {
        Shutdown.exit(statusCode);
    }

    public String getLoaderNameID(ClassLoader loader) {
        return loader == null ? "bootstrap" : "app";
    }
}
