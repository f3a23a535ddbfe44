/*
 * roast: helpers of the SDK's java.lang.Class for member reflection (descriptors to classes,
 * HotSpot's NoSuchMethodException messages, Method and RecordComponent objects). Classes are
 * looked up among those compiled into the program; a type that is not compiled in is a
 * NoClassDefFoundError, as HotSpot reports a type it cannot load.
 *
 * Method and RecordComponent have no constructor java.lang can call, and HotSpot's VM fills
 * their fields directly; so does this class, through Unsafe (allocateInstance initializes the
 * class, so AccessibleObject's reflection factory is installed before a Method is used).
 */
package java.lang;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import jdk.internal.misc.Unsafe;

final class RoastMembers {
    private RoastMembers() {}

    private static final Unsafe U = Unsafe.getUnsafe();

    private static void put(Object o, Class<?> c, String field, Object value) {
        U.putReference(o, U.objectFieldOffset(c, field), value);
    }

    /** A Method as HotSpot's Reflection::new_method builds it. */
    static Method newMethod(Class<?> decl, String name, Class<?>[] parameterTypes, Class<?> returnType,
            Class<?>[] exceptionTypes, int modifiers, int slot, String signature) {
        try {
            Method m = (Method) U.allocateInstance(Method.class);
            put(m, Method.class, "clazz", decl);
            put(m, Method.class, "name", name);
            put(m, Method.class, "parameterTypes", parameterTypes);
            put(m, Method.class, "returnType", returnType);
            put(m, Method.class, "exceptionTypes", exceptionTypes);
            put(m, Method.class, "signature", signature);
            U.putInt(m, U.objectFieldOffset(Method.class, "modifiers"), modifiers);
            U.putInt(m, U.objectFieldOffset(Method.class, "slot"), slot);
            return m;
        } catch (InstantiationException e) {
            throw new InternalError(e);
        }
    }

    /** Sets the annotation bytes of a Method (see Class.rawAnnotations0). */
    static void putAnnotations(Method m, byte[] annotations, byte[] parameterAnnotations, byte[] annotationDefault) {
        put(m, Method.class, "annotations", annotations);
        put(m, Method.class, "parameterAnnotations", parameterAnnotations);
        put(m, Method.class, "annotationDefault", annotationDefault);
    }

    /** Sets the annotation bytes of a RecordComponent. */
    static void putAnnotations(RecordComponent rc, byte[] annotations) {
        put(rc, RecordComponent.class, "annotations", annotations);
    }

    /** A RecordComponent as HotSpot's java_lang_reflect_RecordComponent::create builds it. */
    static RecordComponent newRecordComponent(Class<?> decl, String name, Class<?> type, String signature,
            Method accessor) {
        try {
            RecordComponent rc = (RecordComponent) U.allocateInstance(RecordComponent.class);
            put(rc, RecordComponent.class, "clazz", decl);
            put(rc, RecordComponent.class, "name", name.intern());
            put(rc, RecordComponent.class, "type", type);
            put(rc, RecordComponent.class, "signature", signature);
            put(rc, RecordComponent.class, "accessor", accessor);
            return rc;
        } catch (InstantiationException e) {
            throw new InternalError(e);
        }
    }

    /**
     * The class a field or parameter descriptor (or an internal class name) names, as seen
     * from the class {@code from} declaring the member: through its defining loader when it
     * was defined at run time, else among the compiled classes.
     */
    static Class<?> typeOf(String d, Class<?> from) {
        ClassLoader loader = from == null ? null : from.getClassLoader();
        if (loader == null) {
            return typeOf(d);
        }
        String name;
        switch (d.charAt(0)) {
            case '[': return typeOf(d.substring(1), from).arrayType();
            case 'L': name = d.substring(1, d.length() - 1); break;
            default:
                if (d.length() == 1) {
                    return typeOf(d);
                }
                name = d;
                break;
        }
        try {
            return Class.forName(name.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            NoClassDefFoundError error = new NoClassDefFoundError(name);
            error.initCause(e);
            throw error;
        }
    }

    /** The class a field or parameter descriptor names, among the compiled classes. */
    static Class<?> typeOf(String d) {
        String name;
        switch (d.charAt(0)) {
            case 'Z': return boolean.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'S': return short.class;
            case 'I': return int.class;
            case 'J': return long.class;
            case 'F': return float.class;
            case 'D': return double.class;
            case 'V': return void.class;
            case 'L': name = d.substring(1, d.length() - 1); break;
            default: name = d; break;
        }
        Class<?> c = Class.findCompiled0(name.replace('/', '.'));
        if (c == null) {
            throw new NoClassDefFoundError(name + " (roast: the class is not compiled into this program)");
        }
        return c;
    }

    /** The parameter descriptors of a method descriptor. */
    static java.util.List<String> parameterDescriptors(String methodDescriptor) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 1;
        while (methodDescriptor.charAt(i) != ')') {
            int start = i;
            while (methodDescriptor.charAt(i) == '[') {
                i++;
            }
            if (methodDescriptor.charAt(i) == 'L') {
                i = methodDescriptor.indexOf(';', i);
            }
            i++;
            out.add(methodDescriptor.substring(start, i));
        }
        return out;
    }

    /** "(" + the parameter descriptors + ")V", or null when a type is null. */
    static String constructorDescriptor(Class<?>[] parameterTypes) {
        StringBuilder sb = new StringBuilder("(");
        if (parameterTypes != null) {
            for (Class<?> p : parameterTypes) {
                if (p == null) {
                    return null;
                }
                sb.append(p.descriptorString());
            }
        }
        return sb.append(")V").toString();
    }

    /** HotSpot's Class.methodToString: "C.name(T1,T2)" with binary names, "null" for null. */
    static String methodToString(String className, String name, Class<?>[] argTypes) {
        StringBuilder sb = new StringBuilder(className).append('.').append(name).append('(');
        if (argTypes != null) {
            for (int i = 0; i < argTypes.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(argTypes[i] == null ? "null" : argTypes[i].getName());
            }
        }
        return sb.append(')').toString();
    }
}
