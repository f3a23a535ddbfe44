/*
 * roast: method reflection for the SDK's java.lang.Class, from the compiler's metadata
 * (runtime/src/natives/members.rs): Method objects for every declared method (slot = index in
 * the class's reflective method list; uncompiled methods included), HotSpot's lookups
 * (getDeclaredMethod: most specific return type; getMethod/getMethods: the JDK's own
 * PublicMethods merging over the class, its superclass and superinterfaces), the
 * EnclosingMethod attribute, record components and permitted subclasses. Classes named by
 * member descriptors are resolved from the declaring class (RoastMembers.typeOf: its defining
 * loader for a class defined at run time, else the compiled classes).
 */
package java.lang;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

final class RoastMethods {
    private RoastMethods() {}

    private static final Method[] NO_METHODS = new Method[0];
    private static final Class<?>[] NO_CLASSES = Class.NO_CLASSES;

    private static Class<?>[] exceptionTypes(Class<?> c, int slot) {
        String names = c.methodExceptions0(slot);
        if (names == null) {
            return NO_CLASSES;
        }
        String[] parts = names.split(" ");
        Class<?>[] out = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = RoastMembers.typeOf("L" + parts[i] + ";", c);
        }
        return out;
    }

    static Method newMethod(Class<?> c, int slot) {
        String descriptor = c.methodDescriptor0(slot);
        java.util.List<String> params = RoastMembers.parameterDescriptors(descriptor);
        Class<?>[] types = new Class<?>[params.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = RoastMembers.typeOf(params.get(i), c);
        }
        Class<?> returnType = RoastMembers.typeOf(descriptor.substring(descriptor.indexOf(')') + 1), c);
        int modifiers = c.methodModifiers0(slot) & Class.METHOD_MODIFIERS;
        String name = c.methodName0(slot).intern();
        Method m = RoastMembers.newMethod(c, name, types, returnType, exceptionTypes(c, slot),
                modifiers, slot, c.methodSignature0(slot));
        RoastMembers.putAnnotations(m, c.rawAnnotations0(Class.RAW_MEMBER, name, descriptor),
                c.rawAnnotations0(Class.RAW_PARAMETERS, name, descriptor),
                c.rawAnnotations0(Class.RAW_DEFAULT, name, descriptor));
        return m;
    }

    /**
     * The declared methods (no constructors or initializers), HotSpot's getDeclaredMethods0;
     * only those named {@code name} unless it is null. Lookups by name build only the Method
     * objects of that name, so a JDK class whose other members name classes missing from the
     * program can still be searched.
     */
    static Method[] declaredMethods(Class<?> c, boolean publicOnly, String name) {
        if (c.isPrimitive() || c.isArray()) {
            return NO_METHODS;
        }
        java.util.List<Method> list = new java.util.ArrayList<>();
        int n = c.methodCount0();
        for (int slot = 0; slot < n; slot++) {
            String slotName = c.methodName0(slot);
            if (slotName.charAt(0) == '<' || (name != null && !name.equals(slotName))
                    || (publicOnly && !java.lang.reflect.Modifier.isPublic(c.methodModifiers0(slot)))) {
                continue;
            }
            list.add(newMethod(c, slot));
        }
        return list.toArray(NO_METHODS);
    }

    /** The declared method with this name and these parameters whose return type is most specific. */
    private static Method searchMethods(Method[] methods, String name, Class<?>[] parameterTypes) {
        Class<?>[] wanted = parameterTypes == null ? NO_CLASSES : parameterTypes;
        Method res = null;
        for (Method m : methods) {
            if (m.getName().equals(name) && java.util.Arrays.equals(m.getParameterTypes(), wanted)
                    && (res == null || (res.getReturnType() != m.getReturnType()
                            && res.getReturnType().isAssignableFrom(m.getReturnType())))) {
                res = m;
            }
        }
        return res;
    }

    /** Class.getDeclaredMethod. */
    static Method declaredMethod(Class<?> c, String name, Class<?>[] parameterTypes) throws NoSuchMethodException {
        Objects.requireNonNull(name);
        Method m = searchMethods(declaredMethods(c, false, name), name, parameterTypes);
        if (m == null) {
            throw new NoSuchMethodException(RoastMembers.methodToString(c.getName(), name, parameterTypes));
        }
        return m;
    }

    /** HotSpot's public method lookup: declared public methods, superclass, superinterfaces. */
    private static PublicMethods.MethodList methodsRecursive(Class<?> c, String name, Class<?>[] parameterTypes,
            boolean includeStatic) {
        PublicMethods.MethodList res = PublicMethods.MethodList.filter(declaredMethods(c, true, name), name,
                parameterTypes, includeStatic);
        if (res != null) {
            return res;
        }
        Class<?> sc = c.getSuperclass();
        if (sc != null) {
            res = methodsRecursive(sc, name, parameterTypes, includeStatic);
        }
        for (Class<?> intf : c.getInterfaces()) {
            res = PublicMethods.MethodList.merge(res, methodsRecursive(intf, name, parameterTypes, false));
        }
        return res;
    }

    /** Class.getMethod. */
    static Method publicMethod(Class<?> c, String name, Class<?>[] parameterTypes) throws NoSuchMethodException {
        Objects.requireNonNull(name);
        PublicMethods.MethodList res = methodsRecursive(c, name, parameterTypes == null ? NO_CLASSES : parameterTypes,
                true);
        Method m = res == null ? null : res.getMostSpecific();
        if (m == null) {
            throw new NoSuchMethodException(RoastMembers.methodToString(c.getName(), name, parameterTypes));
        }
        return m;
    }

    /** Class.getMethods: declared public methods, superclass's, superinterfaces' (no statics). */
    static Method[] publicMethods(Class<?> c) {
        PublicMethods pms = new PublicMethods();
        for (Method m : declaredMethods(c, true, null)) {
            pms.merge(m);
        }
        Class<?> sc = c.getSuperclass();
        if (sc != null) {
            for (Method m : publicMethods(sc)) {
                pms.merge(m);
            }
        }
        for (Class<?> intf : c.getInterfaces()) {
            for (Method m : publicMethods(intf)) {
                if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    pms.merge(m);
                }
            }
        }
        return pms.toArray();
    }

    /** The method or constructor named by the EnclosingMethod attribute, or null. */
    static java.lang.reflect.Executable enclosingExecutable(Class<?> c) {
        if ((c.classFlags0() & (Class.FLAG_LOCAL | Class.FLAG_ANONYMOUS)) == 0) {
            return null;
        }
        String nameAndType = c.enclosingMethod0();
        Class<?> enclosing = c.getEnclosingClass();
        if (nameAndType == null || enclosing == null) {
            return null;
        }
        int space = nameAndType.indexOf(' ');
        String name = nameAndType.substring(0, space);
        String descriptor = nameAndType.substring(space + 1);
        int n = enclosing.methodCount0();
        for (int slot = 0; slot < n; slot++) {
            if (name.equals(enclosing.methodName0(slot)) && descriptor.equals(enclosing.methodDescriptor0(slot))) {
                if (name.equals("<init>")) {
                    java.util.List<String> params = RoastMembers.parameterDescriptors(descriptor);
                    Class<?>[] types = new Class<?>[params.size()];
                    for (int i = 0; i < types.length; i++) {
                        types[i] = RoastMembers.typeOf(params.get(i), enclosing);
                    }
                    return enclosing.newConstructor(slot, types);
                }
                return name.equals("<clinit>") ? null : newMethod(enclosing, slot);
            }
        }
        throw new InternalError("roast: enclosing method " + name + descriptor + " of " + c.getName()
                + " is missing from the metadata of " + enclosing.getName());
    }

    /** Class.getRecordComponents of a record class, from its Record attribute. */
    static RecordComponent[] recordComponents(Class<?> c) {
        String encoded = c.recordComponents0();
        if (encoded == null || encoded.isEmpty()) {
            return new RecordComponent[0];
        }
        String[] lines = encoded.split("\n");
        RecordComponent[] out = new RecordComponent[lines.length];
        Method[] declared = declaredMethods(c, false, null);
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].split(" ");
            String name = parts[0];
            Method accessor = searchMethods(declared, name, NO_CLASSES);
            out[i] = RoastMembers.newRecordComponent(c, name, RoastMembers.typeOf(parts[1], c),
                    parts[2].equals("-") ? null : parts[2], accessor);
            RoastMembers.putAnnotations(out[i],
                    c.rawAnnotations0(Class.RAW_MEMBER, name, Class.RECORD_COMPONENT + parts[1]));
        }
        return out;
    }

    /**
     * Class.getPermittedSubclasses of a sealed class, from its PermittedSubclasses attribute,
     * as HotSpot answers: for a class defined at run time, entries that do not resolve through
     * its loader (a LinkageError) are left out; then only direct subtypes are kept.
     */
    static Class<?>[] permittedSubclasses(Class<?> c) {
        String names = c.permittedSubclasses0();
        if (names == null) {
            return NO_CLASSES;
        }
        boolean runtimeDefined = c.definedAtRunTime();
        java.util.List<Class<?>> out = new java.util.ArrayList<>();
        for (String name : names.split(" ")) {
            Class<?> sub;
            try {
                sub = RoastMembers.typeOf("L" + name + ";", c);
            } catch (LinkageError e) {
                if (!runtimeDefined) {
                    throw e;
                }
                continue;
            }
            if (isDirectSubtype(c, sub)) {
                out.add(sub);
            }
        }
        return out.toArray(NO_CLASSES);
    }

    private static boolean isDirectSubtype(Class<?> sealed, Class<?> sub) {
        if (!sealed.isInterface()) {
            return sub.getSuperclass() == sealed;
        }
        for (Class<?> i : sub.getInterfaces()) {
            if (i == sealed) {
                return true;
            }
        }
        return false;
    }
}
