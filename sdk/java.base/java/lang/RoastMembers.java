/*
 * roast: helpers of the SDK's java.lang.Class for member reflection (descriptors to classes,
 * HotSpot's NoSuchMethodException messages). Classes are looked up among those compiled into
 * the program; a type that is not compiled in is a NoClassDefFoundError, as HotSpot reports
 * a type it cannot load.
 */
package java.lang;

final class RoastMembers {
    private RoastMembers() {}

    /** The class a field or parameter descriptor names. */
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
