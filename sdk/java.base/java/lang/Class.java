/*
 * roast SDK replacement for java.lang.Class. HotSpot's Class is backed by VM natives and the
 * reflection machinery (ReflectionFactory, generated accessors, class definition, modules),
 * which would drag thousands of methods into every program. roast's mirror is a small object
 * created by the runtime (roast_class_mirror) whose roastDesc field holds the address of the
 * class's compiler-emitted descriptor; every query reads that descriptor and its ClassMeta
 * through small natives (runtime/src/natives/reflect.rs), with HotSpot's results.
 *
 * Constructors and fields are reflected from the compiler's metadata (the class's reachable
 * methods and its fields): Constructor objects come from JavaLangReflectAccess.newConstructor
 * with slot = index in the method metadata, Field objects from a native that builds them as
 * HotSpot's VM does, Method and RecordComponent objects by RoastMethods/RoastMembers. Annotations are not
 * supported yet: those methods throw UnsupportedOperationException. Methods of HotSpot's
 * Class that are absent here (getModule, getPackage internals, ...) become NoSuchMethodError
 * at run time if a program reaches them.
 */
package java.lang;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.constant.ClassDesc;
import java.lang.constant.Constable;
import java.lang.invoke.TypeDescriptor;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class Class<T> implements java.io.Serializable, GenericDeclaration, Type, AnnotatedElement,
        TypeDescriptor.OfField<Class<?>>, Constable {
    private static final long serialVersionUID = 3206093459760846163L;

    private static final int ANNOTATION = 0x00002000;
    private static final int ENUM = 0x00004000;
    private static final int SYNTHETIC = 0x00001000;

    /* Bits of classFlags0(), contract::class_flags. */
    private static final int FLAG_MEMBER = 1;
    static final int FLAG_LOCAL = 2;
    static final int FLAG_ANONYMOUS = 4;
    private static final int FLAG_RECORD = 8;
    private static final int FLAG_SEALED = 16;
    private static final int FLAG_JDK = 32;
    /* Defined at run time: nesting is resolved and validated when asked, as on HotSpot. */
    private static final int FLAG_RUNTIME_DEFINED = 512;

    /** Address of the class descriptor; written by the runtime when it creates the mirror. */
    private transient long roastDesc;
    private transient String name;
    private transient String packageName;
    private transient volatile T[] enumConstants;
    private transient volatile Map<String, T> enumConstantDirectory;
    private transient volatile RoastGenerics genericInfo;
    /* Used by java.lang.ClassValue. */
    transient ClassValue.ClassValueMap classValueMap;

    /* Mirrors are created by the runtime only. */
    private Class() {}

    private static UnsupportedOperationException reflection(String what) {
        return new UnsupportedOperationException("roast: reflection (Class." + what + ") is not supported yet");
    }

    // ---- natives (runtime/src/natives/reflect.rs) ----

    public native boolean isInstance(Object obj);
    public native boolean isAssignableFrom(Class<?> cls);
    public native boolean isInterface();
    public native boolean isArray();
    public native boolean isPrimitive();
    public native boolean isHidden();
    public native Class<? super T> getSuperclass();
    public native int getModifiers();
    static native Class<?> getPrimitiveClass(String name);
    private native String initClassName();
    native int classFlags0();
    private native int interfaceCount0();
    private native Class<?> interfaceAt0(int index);
    private native Class<?> componentType0();
    private native Class<?> arrayType0();
    private native String getSimpleBinaryName0();
    private native String canonicalName0();
    private native String getGenericSignature0();
    private native Class<?> getDeclaringClass0();
    private native Class<?> getEnclosingClass0();
    private native Class<?> getNestHost0();
    static native Class<?> findCompiled0(String binaryName);
    /* Member metadata (runtime/src/natives/members.rs); slot = index in the metadata. */
    native int methodCount0();
    native String methodName0(int slot);
    native String methodDescriptor0(int slot);
    native int methodModifiers0(int slot);
    private native int fieldCount0();
    private native String fieldName0(int slot);
    private native String fieldDescriptor0(int slot);
    private native int fieldModifiers0(int slot);
    private native String fieldSignature0(int slot);
    native String methodSignature0(int slot);
    native String methodExceptions0(int slot);
    native String recordComponents0();
    native String enclosingMethod0();
    native String permittedSubclasses0();
    private static native Field newField0(Class<?> decl, int slot, String name, Class<?> type, int modifiers,
            boolean trustedFinal, String signature);

    // ---- names ----

    public String toString() {
        String kind = isInterface() ? "interface " : isPrimitive() ? "" : "class ";
        return kind.concat(getName());
    }

    public String toGenericString() {
        if (isPrimitive()) {
            return toString();
        }
        StringBuilder sb = new StringBuilder();
        Class<?> component = this;
        int arrayDepth = 0;
        if (isArray()) {
            do {
                arrayDepth++;
                component = component.getComponentType();
            } while (component.isArray());
            sb.append(component.getName());
        } else {
            int modifiers = getModifiers() & java.lang.reflect.Modifier.classModifiers();
            if (modifiers != 0) {
                sb.append(java.lang.reflect.Modifier.toString(modifiers)).append(' ');
            }
            if (isAnnotation()) {
                sb.append('@');
            }
            if (isInterface()) {
                sb.append("interface");
            } else if (isEnum()) {
                sb.append("enum");
            } else if (isRecord()) {
                sb.append("record");
            } else {
                sb.append("class");
            }
            sb.append(' ').append(getName());
        }
        TypeVariable<?>[] params = component.getTypeParameters();
        if (params.length > 0) {
            sb.append('<');
            for (int i = 0; i < params.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(typeVarBounds(params[i]));
            }
            sb.append('>');
        }
        for (int i = 0; i < arrayDepth; i++) {
            sb.append("[]");
        }
        return sb.toString();
    }

    static String typeVarBounds(TypeVariable<?> typeVar) {
        Type[] bounds = typeVar.getBounds();
        if (bounds.length == 1 && bounds[0].equals(Object.class)) {
            return typeVar.getTypeName();
        }
        StringBuilder sb = new StringBuilder(typeVar.getTypeName()).append(" extends ");
        for (int i = 0; i < bounds.length; i++) {
            if (i > 0) {
                sb.append(" & ");
            }
            sb.append(bounds[i].getTypeName());
        }
        return sb.toString();
    }

    public String getName() {
        String n = name;
        return n != null ? n : initClassName();
    }

    public String getSimpleName() {
        if (isArray()) {
            return getComponentType().getSimpleName().concat("[]");
        }
        if (!isTopLevelClass()) {
            String simple = getSimpleBinaryName0();
            return simple == null ? "" : simple;
        }
        String n = getName();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    public String getTypeName() {
        if (isArray()) {
            Class<?> c = this;
            int dimensions = 0;
            do {
                dimensions++;
                c = c.getComponentType();
            } while (c.isArray());
            StringBuilder sb = new StringBuilder(c.getName());
            for (int i = 0; i < dimensions; i++) {
                sb.append("[]");
            }
            return sb.toString();
        }
        return getName();
    }

    public String getCanonicalName() {
        if (isArray()) {
            String component = getComponentType().getCanonicalName();
            return component == null ? null : component.concat("[]");
        }
        if (isPrimitive()) {
            return getName();
        }
        int flags = classFlags0();
        if ((flags & FLAG_RUNTIME_DEFINED) != 0) {
            // HotSpot's composition, which resolves and validates the enclosing classes.
            if ((flags & (FLAG_LOCAL | FLAG_ANONYMOUS)) != 0) {
                return null;
            }
            Class<?> enclosing = getEnclosingClass();
            if (enclosing == null) {
                return getName();
            }
            String outer = enclosing.getCanonicalName();
            return outer == null ? null : outer + "." + getSimpleName();
        }
        return canonicalName0();
    }

    public String getPackageName() {
        String pn = packageName;
        if (pn == null) {
            Class<?> c = isArray() ? elementType() : this;
            if (c.isPrimitive()) {
                pn = "java.lang";
            } else {
                String cn = c.getName();
                int dot = cn.lastIndexOf('.');
                pn = dot != -1 ? cn.substring(0, dot).intern() : "";
            }
            packageName = pn;
        }
        return pn;
    }

    public String descriptorString() {
        if (isPrimitive()) {
            switch (getName()) {
                case "boolean": return "Z";
                case "byte": return "B";
                case "char": return "C";
                case "short": return "S";
                case "int": return "I";
                case "long": return "J";
                case "float": return "F";
                case "double": return "D";
                default: return "V";
            }
        }
        if (isArray()) {
            return "[".concat(getComponentType().descriptorString());
        }
        return "L" + getName().replace('.', '/') + ";";
    }

    public Optional<ClassDesc> describeConstable() {
        Class<?> c = isArray() ? elementType() : this;
        return c.isHidden() ? Optional.empty() : Optional.of(ClassDesc.ofDescriptor(descriptorString()));
    }

    // ---- structure ----

    public boolean isAnnotation() {
        return (getModifiers() & ANNOTATION) != 0;
    }

    public boolean isSynthetic() {
        return (getModifiers() & SYNTHETIC) != 0;
    }

    public boolean isEnum() {
        return (getModifiers() & ENUM) != 0 && getSuperclass() == Enum.class;
    }

    public boolean isRecord() {
        return (classFlags0() & FLAG_RECORD) != 0;
    }

    public boolean isSealed() {
        if (isArray() || isPrimitive()) {
            return false;
        }
        return (classFlags0() & FLAG_SEALED) != 0;
    }

    public boolean isAnonymousClass() {
        return (classFlags0() & FLAG_ANONYMOUS) != 0;
    }

    public boolean isLocalClass() {
        return (classFlags0() & FLAG_LOCAL) != 0;
    }

    public boolean isMemberClass() {
        int flags = classFlags0();
        if ((flags & FLAG_RUNTIME_DEFINED) != 0 && (flags & (FLAG_LOCAL | FLAG_ANONYMOUS)) == 0) {
            return getDeclaringClass0() != null;
        }
        return (flags & FLAG_MEMBER) != 0;
    }

    /*
     * HotSpot asks getDeclaringClass0, which resolves the outer class and checks that it lists
     * this class (NoClassDefFoundError, IncompatibleClassChangeError); compiled classes answer
     * from the flags the compiler recorded.
     */
    private boolean isTopLevelClass() {
        int flags = classFlags0();
        if ((flags & (FLAG_LOCAL | FLAG_ANONYMOUS)) != 0) {
            return false;
        }
        if ((flags & FLAG_RUNTIME_DEFINED) != 0) {
            return getDeclaringClass0() == null;
        }
        return (flags & FLAG_MEMBER) == 0;
    }

    public Class<?>[] getInterfaces() {
        int n = interfaceCount0();
        Class<?>[] result = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            result[i] = interfaceAt0(i);
        }
        return result;
    }

    public Class<?> getComponentType() {
        return componentType0();
    }

    public Class<?> componentType() {
        return componentType0();
    }

    public Class<?> arrayType() {
        if (isPrimitive() && getName().equals("void")) {
            throw new IllegalArgumentException();
        }
        Class<?> a = arrayType0();
        if (a == null) {
            throw new UnsupportedOperationException("roast: the array class of " + getName()
                    + " is not compiled into this program");
        }
        return a;
    }

    private Class<?> elementType() {
        Class<?> c = this;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    public Class<?> getDeclaringClass() {
        return getDeclaringClass0();
    }

    public Class<?> getEnclosingClass() {
        return getEnclosingClass0();
    }

    public Class<?> getNestHost() {
        if (isPrimitive() || isArray()) {
            return this;
        }
        Class<?> host = getNestHost0();
        return host == null ? this : host;
    }

    public boolean isNestmateOf(Class<?> c) {
        Objects.requireNonNull(c);
        if (this == c) {
            return true;
        }
        if (isPrimitive() || isArray() || c.isPrimitive() || c.isArray()) {
            return false;
        }
        return getNestHost() == c.getNestHost();
    }

    // ---- generic signatures ----

    private RoastGenerics genericInfo() {
        RoastGenerics info = genericInfo;
        if (info == null) {
            String signature = getGenericSignature0();
            info = signature == null ? RoastGenerics.NONE : RoastGenerics.parseClass(this, signature);
            genericInfo = info;
        }
        return info == RoastGenerics.NONE ? null : info;
    }

    @SuppressWarnings("unchecked")
    public TypeVariable<Class<T>>[] getTypeParameters() {
        RoastGenerics info = genericInfo();
        if (info == null) {
            return (TypeVariable<Class<T>>[]) new TypeVariable<?>[0];
        }
        return (TypeVariable<Class<T>>[]) info.typeParameters.clone();
    }

    public Type getGenericSuperclass() {
        RoastGenerics info = genericInfo();
        if (info == null) {
            return getSuperclass();
        }
        return isInterface() ? null : info.superclass();
    }

    public Type[] getGenericInterfaces() {
        RoastGenerics info = genericInfo();
        return info == null ? getInterfaces() : info.interfaces().clone();
    }

    // ---- instances, casts, enums ----

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj)) {
            throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        }
        return (T) obj;
    }

    @SuppressWarnings("unchecked")
    public <U> Class<? extends U> asSubclass(Class<U> clazz) {
        if (clazz.isAssignableFrom(this)) {
            return (Class<? extends U>) this;
        }
        throw new ClassCastException(this.toString());
    }

    public T[] getEnumConstants() {
        T[] values = getEnumConstantsShared();
        return values != null ? values.clone() : null;
    }

    @SuppressWarnings("unchecked")
    T[] getEnumConstantsShared() {
        T[] constants = enumConstants;
        if (constants == null) {
            if (!isEnum()) {
                return null;
            }
            constants = (T[]) RoastVM.enumValues(this);
            enumConstants = constants;
        }
        return constants;
    }

    Map<String, T> enumConstantDirectory() {
        Map<String, T> directory = enumConstantDirectory;
        if (directory == null) {
            T[] universe = getEnumConstantsShared();
            if (universe == null) {
                throw new IllegalArgumentException(getName() + " is not an enum class");
            }
            directory = new HashMap<>((int) (universe.length / 0.75f) + 1);
            for (T constant : universe) {
                directory.put(((Enum<?>) constant).name(), constant);
            }
            enumConstantDirectory = directory;
        }
        return directory;
    }

    public boolean desiredAssertionStatus() {
        return false;
    }

    // ---- lookup by name, loaders, resources ----

    /**
     * Class.forName with the caller's loader: a class compiled into the program, or one the
     * caller's (run-time) defining loader loads.
     */
    @jdk.internal.reflect.CallerSensitive
    public static Class<?> forName(String className) throws ClassNotFoundException {
        Class<?> caller = jdk.internal.reflect.Reflection.getCallerClass();
        return forName(className, true, caller == null ? null : caller.getClassLoader());
    }

    /**
     * With a null loader: the class compiled into the program with this binary name (every
     * compiled class counts as defined by the boot loader). With a loader: its loadClass
     * (parent-first delegation; classes it defines are interpreted).
     */
    public static Class<?> forName(String name, boolean initialize, ClassLoader loader)
            throws ClassNotFoundException {
        Class<?> c = loader == null ? findCompiled0(name) : loader.loadClass(name);
        if (c == null) {
            throw new ClassNotFoundException(name);
        }
        if (initialize) {
            jdk.internal.misc.Unsafe.getUnsafe().ensureClassInitialized(c);
        }
        return c;
    }

    /**
     * The class with this binary name in {@code module}, not initialized, or null (as with
     * HotSpot, which also answers null when the class is not found).
     */
    public static Class<?> forName(Module module, String name) {
        Objects.requireNonNull(module);
        Objects.requireNonNull(name);
        Class<?> c = findCompiled0(name);
        return c != null && c.getModule() == module ? c : null;
    }

    /**
     * The defining loader: of the element type for an array; the loader that defined a class
     * at run time; null (the boot loader) for primitives and compiled JDK classes; the
     * application loader ({@link ClassLoader#getSystemClassLoader()}) for the program's
     * compiled classes, as on HotSpot.
     */
    public ClassLoader getClassLoader() {
        Class<?> c = isArray() ? elementType() : this;
        ClassLoader defining = c.classLoader0();
        if (defining != null || c.isPrimitive() || (c.classFlags0() & FLAG_JDK) != 0) {
            return defining;
        }
        return RoastAppClassLoader.instance();
    }

    ClassLoader getClassLoader0() {
        return getClassLoader();
    }

    /** Was this class defined at run time by a class loader (and so interpreted)? */
    boolean definedAtRunTime() {
        return classLoader0() != null;
    }

    private native ClassLoader classLoader0();

    /**
     * Reads a resource: through the defining loader for a class defined at run time, else
     * the copy embedded in the executable (every non-class file of the program's class
     * path, and the JDK resources compiled code names; see aot/src/resources.rs). A relative
     * name is resolved against this class's package, as on HotSpot.
     */
    public InputStream getResourceAsStream(String name) {
        String absolute = resolveResourceName(Objects.requireNonNull(name));
        ClassLoader loader = classLoader0();
        return loader != null ? loader.getResourceAsStream(absolute) : ClassLoader.getSystemResourceAsStream(absolute);
    }

    /**
     * Finds a resource: through the defining loader for a class defined at run time, else
     * the copy embedded in the executable (a `roast-resource:` URL, see RoastResourceURLs).
     */
    public URL getResource(String name) {
        String absolute = resolveResourceName(Objects.requireNonNull(name));
        ClassLoader loader = classLoader0();
        return loader != null ? loader.getResource(absolute) : ClassLoader.getSystemResource(absolute);
    }

    /** HotSpot's Class.resolveName: relative names are prefixed with the package path. */
    private String resolveResourceName(String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        String pkg = getPackageName();
        return pkg.isEmpty() ? name : pkg.replace('.', '/') + "/" + name;
    }

    // ---- reflection: not supported yet ----

    public Class<?>[] getClasses() {
        throw reflection("getClasses");
    }

    public Class<?>[] getDeclaredClasses() {
        throw reflection("getDeclaredClasses");
    }

    public Class<?>[] getNestMembers() {
        throw reflection("getNestMembers");
    }

    // ---- annotations (runtime/src/natives/annotations.rs) ----

    /* Kinds of rawAnnotations0. */
    static final int RAW_CLASS = 0;
    static final int RAW_MEMBER = 1;
    static final int RAW_PARAMETERS = 2;
    static final int RAW_DEFAULT = 3;
    /** Prefix of a record component's descriptor in rawAnnotations0 (see annotation_meta.rs). */
    static final String RECORD_COMPONENT = "@";

    /**
     * The runtime-visible annotation bytes of this class (kind RAW_CLASS) or of its member
     * {@code name} + {@code descriptor}, indexing {@link #getConstantPool()}; null when there
     * are none or they were not kept (aot/src/annotation_roots.rs).
     */
    native byte[] rawAnnotations0(int kind, String name, String descriptor);

    byte[] getRawAnnotations() {
        return rawAnnotations0(RAW_CLASS, null, null);
    }

    /** The pool the annotation bytes of this class and its members index. */
    jdk.internal.reflect.ConstantPool getConstantPool() {
        return new jdk.internal.reflect.ConstantPool(this);
    }

    private transient volatile RoastAnnotations annotationData;
    private transient volatile sun.reflect.annotation.AnnotationType annotationType;

    private RoastAnnotations annotationData() {
        RoastAnnotations data = annotationData;
        if (data == null) {
            Class<?> superClass = isInterface() || isPrimitive() || isArray() ? null : getSuperclass();
            data = RoastAnnotations.of(this, superClass == null ? null : superClass.annotationData());
            annotationData = data;
        }
        return data;
    }

    boolean casAnnotationType(sun.reflect.annotation.AnnotationType oldType,
            sun.reflect.annotation.AnnotationType newType) {
        synchronized (this) {
            if (annotationType != oldType) {
                return false;
            }
            annotationType = newType;
            return true;
        }
    }

    sun.reflect.annotation.AnnotationType getAnnotationType() {
        return annotationType;
    }

    Map<Class<? extends Annotation>, Annotation> getDeclaredAnnotationMap() {
        return annotationData().declaredAnnotations;
    }

    @SuppressWarnings("unchecked")
    public <A extends Annotation> A getAnnotation(Class<A> annotationClass) {
        Objects.requireNonNull(annotationClass);
        return (A) annotationData().annotations.get(annotationClass);
    }

    public boolean isAnnotationPresent(Class<? extends Annotation> annotationClass) {
        return getAnnotation(annotationClass) != null;
    }

    public <A extends Annotation> A[] getAnnotationsByType(Class<A> annotationClass) {
        Objects.requireNonNull(annotationClass);
        return sun.reflect.annotation.AnnotationSupport.getAssociatedAnnotations(
                annotationData().declaredAnnotations, this, annotationClass);
    }

    public Annotation[] getAnnotations() {
        return sun.reflect.annotation.AnnotationParser.toArray(annotationData().annotations);
    }

    @SuppressWarnings("unchecked")
    public <A extends Annotation> A getDeclaredAnnotation(Class<A> annotationClass) {
        Objects.requireNonNull(annotationClass);
        return (A) annotationData().declaredAnnotations.get(annotationClass);
    }

    public <A extends Annotation> A[] getDeclaredAnnotationsByType(Class<A> annotationClass) {
        Objects.requireNonNull(annotationClass);
        return sun.reflect.annotation.AnnotationSupport.getDirectlyAndIndirectlyPresent(
                annotationData().declaredAnnotations, annotationClass);
    }

    public Annotation[] getDeclaredAnnotations() {
        return sun.reflect.annotation.AnnotationParser.toArray(annotationData().declaredAnnotations);
    }

    // ---- members: constructors and fields from the compiler's metadata ----

    /* HotSpot's JVM_RECOGNIZED_METHOD_MODIFIERS and JVM_RECOGNIZED_FIELD_MODIFIERS. */
    static final int METHOD_MODIFIERS = 0x1DFF;
    private static final int FIELD_MODIFIERS = 0x50DF;
    static final Class<?>[] NO_CLASSES = new Class<?>[0];

    /**
     * JavaLangReflectAccess, which AccessibleObject's initializer installs (HotSpot initializes
     * AccessibleObject during startup). The static call initializes it at run time and makes
     * its initializer reachable for the compiler.
     */
    private static jdk.internal.access.JavaLangReflectAccess reflectAccess() {
        jdk.internal.access.JavaLangReflectAccess access = jdk.internal.access.SharedSecrets.getJavaLangReflectAccess();
        if (access == null) {
            AccessibleObject.setAccessible(new AccessibleObject[0], false);
            access = jdk.internal.access.SharedSecrets.getJavaLangReflectAccess();
        }
        return access;
    }

    Constructor<T> newConstructor(int slot, Class<?>[] parameterTypes) {
        int modifiers = methodModifiers0(slot) & METHOD_MODIFIERS;
        String descriptor = methodDescriptor0(slot);
        return reflectAccess().newConstructor(this, parameterTypes, NO_CLASSES, modifiers, slot, null,
                rawAnnotations0(RAW_MEMBER, "<init>", descriptor),
                rawAnnotations0(RAW_PARAMETERS, "<init>", descriptor));
    }

    @SuppressWarnings("unchecked")
    private Constructor<T>[] constructors(boolean publicOnly) {
        java.util.List<Constructor<T>> list = new java.util.ArrayList<>();
        if (!isInterface() && !isPrimitive() && !isArray()) {
            int n = methodCount0();
            for (int slot = 0; slot < n; slot++) {
                if (!"<init>".equals(methodName0(slot))
                        || (publicOnly && !java.lang.reflect.Modifier.isPublic(methodModifiers0(slot)))) {
                    continue;
                }
                java.util.List<String> params = RoastMembers.parameterDescriptors(methodDescriptor0(slot));
                Class<?>[] types = new Class<?>[params.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = RoastMembers.typeOf(params.get(i), this);
                }
                list.add(newConstructor(slot, types));
            }
        }
        return list.toArray((Constructor<T>[]) new Constructor<?>[0]);
    }

    private Constructor<T> getConstructor0(Class<?>[] parameterTypes, boolean publicOnly) throws NoSuchMethodException {
        String wanted = RoastMembers.constructorDescriptor(parameterTypes);
        if (wanted != null && !isInterface() && !isPrimitive() && !isArray()) {
            int n = methodCount0();
            for (int slot = 0; slot < n; slot++) {
                if ("<init>".equals(methodName0(slot)) && wanted.equals(methodDescriptor0(slot))
                        && (!publicOnly || java.lang.reflect.Modifier.isPublic(methodModifiers0(slot)))) {
                    return newConstructor(slot, parameterTypes == null ? NO_CLASSES : parameterTypes.clone());
                }
            }
        }
        throw new NoSuchMethodException(RoastMembers.methodToString(getName(), "<init>", parameterTypes));
    }

    /**
     * The constructors of this class that the program can run: roast compiles only reachable
     * constructors (see aot/src/reflective_roots.rs for those kept for reflection).
     */
    public Constructor<?>[] getDeclaredConstructors() {
        return constructors(false);
    }

    public Constructor<?>[] getConstructors() {
        return constructors(true);
    }

    public Constructor<T> getDeclaredConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        return getConstructor0(parameterTypes, false);
    }

    public Constructor<T> getConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        return getConstructor0(parameterTypes, true);
    }

    private Field newField(int slot) {
        String fieldName = fieldName0(slot).intern();
        Class<?> type = RoastMembers.typeOf(fieldDescriptor0(slot), this);
        int modifiers = fieldModifiers0(slot) & FIELD_MODIFIERS;
        boolean trustedFinal = java.lang.reflect.Modifier.isFinal(modifiers)
                && (java.lang.reflect.Modifier.isStatic(modifiers) || isRecord() || isHidden());
        return newField0(this, slot, fieldName, type, modifiers, trustedFinal, fieldSignature0(slot));
    }

    private Field[] fields(boolean publicOnly) {
        java.util.List<Field> list = new java.util.ArrayList<>();
        if (!isPrimitive() && !isArray()) {
            int n = fieldCount0();
            for (int slot = 0; slot < n; slot++) {
                if (!publicOnly || java.lang.reflect.Modifier.isPublic(fieldModifiers0(slot))) {
                    list.add(newField(slot));
                }
            }
        }
        return list.toArray(new Field[0]);
    }

    /** A field declared by this class, or null. */
    private Field declaredField(String fieldName, boolean publicOnly) {
        if (isPrimitive() || isArray()) {
            return null;
        }
        int n = fieldCount0();
        for (int slot = 0; slot < n; slot++) {
            if (fieldName.equals(fieldName0(slot))
                    && (!publicOnly || java.lang.reflect.Modifier.isPublic(fieldModifiers0(slot)))) {
                return newField(slot);
            }
        }
        return null;
    }

    /** HotSpot's public field lookup: this class, its superinterfaces, its superclass. */
    private Field publicField(String fieldName) {
        Field f = declaredField(fieldName, true);
        if (f != null) {
            return f;
        }
        for (Class<?> i : getInterfaces()) {
            f = i.publicField(fieldName);
            if (f != null) {
                return f;
            }
        }
        Class<?> s = isInterface() ? null : getSuperclass();
        return s == null ? null : s.publicField(fieldName);
    }

    private void publicFields(java.util.Set<Field> out) {
        for (Field f : fields(true)) {
            out.add(f);
        }
        for (Class<?> i : getInterfaces()) {
            i.publicFields(out);
        }
        Class<?> s = isInterface() ? null : getSuperclass();
        if (s != null) {
            s.publicFields(out);
        }
    }

    /**
     * The fields of this class in the compiler's metadata order (instance fields in layout
     * order, then static fields), which may differ from HotSpot's declaration order.
     */
    public Field[] getDeclaredFields() {
        return fields(false);
    }

    public Field[] getFields() {
        java.util.Set<Field> set = new java.util.LinkedHashSet<>();
        publicFields(set);
        return set.toArray(new Field[0]);
    }

    public Field getDeclaredField(String name) throws NoSuchFieldException {
        Objects.requireNonNull(name);
        Field f = declaredField(name, false);
        if (f == null) {
            throw new NoSuchFieldException(name);
        }
        return f;
    }

    public Field getField(String name) throws NoSuchFieldException {
        Objects.requireNonNull(name);
        Field f = publicField(name);
        if (f == null) {
            throw new NoSuchFieldException(name);
        }
        return f;
    }

    // ---- methods, enclosing members, records, sealed classes (RoastMethods) ----

    /**
     * Every method this class declares, compiled or not: a method of a JDK class that the
     * program never calls is listed but throws UnsupportedOperationException when invoked
     * (see aot/src/reflective_roots.rs for the methods kept for reflection).
     */
    public Method[] getDeclaredMethods() {
        return RoastMethods.declaredMethods(this, false, null);
    }

    public Method getDeclaredMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        return RoastMethods.declaredMethod(this, name, parameterTypes);
    }

    public Method getMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        return RoastMethods.publicMethod(this, name, parameterTypes);
    }

    public Method[] getMethods() {
        return RoastMethods.publicMethods(this);
    }

    public Method getEnclosingMethod() {
        java.lang.reflect.Executable e = RoastMethods.enclosingExecutable(this);
        return e instanceof Method ? (Method) e : null;
    }

    public Constructor<?> getEnclosingConstructor() {
        java.lang.reflect.Executable e = RoastMethods.enclosingExecutable(this);
        return e instanceof Constructor ? (Constructor<?>) e : null;
    }

    public RecordComponent[] getRecordComponents() {
        return isRecord() ? RoastMethods.recordComponents(this) : null;
    }

    public Class<?>[] getPermittedSubclasses() {
        return isSealed() ? RoastMethods.permittedSubclasses(this) : null;
    }

    // ---- packages, newInstance ----

    private static final Map<String, Package> PACKAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The Package of this class (one per package name and module), null for arrays and primitives. */
    public Package getPackage() {
        if (isPrimitive() || isArray()) {
            return null;
        }
        Module module = getModule();
        String pn = getPackageName();
        String key = (module.isNamed() ? module.getName() : "") + "/" + pn;
        return PACKAGES.computeIfAbsent(key, k -> new Package(pn, module));
    }

    @Deprecated(since = "9")
    @jdk.internal.reflect.CallerSensitive
    public T newInstance() throws InstantiationException, IllegalAccessException {
        if (this == Class.class) {
            throw new IllegalAccessException("Can not call newInstance() on the Class for java.lang.Class");
        }
        Constructor<T> ctor;
        try {
            ctor = getConstructor0(NO_CLASSES, false);
        } catch (NoSuchMethodException e) {
            throw (InstantiationException) new InstantiationException(getName()).initCause(e);
        }
        Class<?> caller = jdk.internal.reflect.Reflection.getCallerClass();
        try {
            return reflectAccess().newInstance(ctor, null, caller);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw Class.<RuntimeException>rethrow(e.getTargetException());
        }
    }

    /** Throws {@code t} unchanged, checked or not, as Class.newInstance does. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }

    // ---- modules ----

    /**
     * java.base for JDK classes (and primitive types), one unnamed module for the program's
     * classes (RoastModules); arrays are in their element's module.
     */
    public Module getModule() {
        Class<?> c = isArray() ? elementType() : this;
        if (c.isPrimitive() || (c.classFlags0() & FLAG_JDK) != 0) {
            return RoastModules.javaBase();
        }
        return RoastModules.unnamed();
    }
}
