/*
 * roast: argument conversion for reflective calls, as HotSpot's Reflection::invoke does it
 * natively (runtime/reflection.cpp): the argument count must match ("wrong number of
 * arguments"); a reference parameter accepts null or an instance; a primitive parameter
 * accepts a wrapper whose primitive type widens to it (JLS 5.1.2), null is an
 * IllegalArgumentException without message, anything else is "argument type mismatch". The result holds, for each primitive parameter, a wrapper of
 * exactly the parameter's type, which the runtime unboxes.
 */
package jdk.internal.reflect;

final class RoastReflection {
    private RoastReflection() {}

    static Object[] convertArguments(Class<?>[] types, Object[] args) {
        int given = args == null ? 0 : args.length;
        if (given != types.length) {
            throw new IllegalArgumentException("wrong number of arguments");
        }
        Object[] out = new Object[given];
        for (int i = 0; i < given; i++) {
            out[i] = convert(types[i], args[i]);
        }
        return out;
    }

    /**
     * UnsupportedOperationException when the runtime's trampoline cannot pass the arguments:
     * {@code maxInts} integer-class and {@code maxFloats} floating-point ones travel in
     * registers, at most {@code maxStack} more on the stack.
     */
    static void checkCallable(Class<?>[] types, int maxInts, int maxFloats, int maxStack, Object what) {
        int ints = 0;
        int floats = 0;
        for (Class<?> t : types) {
            if (t == float.class || t == double.class) {
                floats++;
            } else {
                ints++;
            }
        }
        int onStack = Math.max(0, ints - maxInts) + Math.max(0, floats - maxFloats);
        if (onStack > maxStack) {
            throw new UnsupportedOperationException("roast: reflective calls with more than "
                    + (maxInts + maxFloats + maxStack) + " arguments of these kinds are not supported yet: " + what);
        }
    }

    /**
     * UnsupportedOperationException when the method a reflective call of member {@code slot}
     * of {@code decl} would run (dispatched on {@code receiver} when virtual) is abstract or not
     * compiled into the program, so that nothing is called and the failure is not mistaken for
     * an exception of the method.
     */
    static void checkTarget(Class<?> decl, int slot, Object receiver) {
        String problem = targetProblem0(decl, slot, receiver);
        if (problem != null) {
            throw new UnsupportedOperationException("roast: " + problem);
        }
    }

    private static native String targetProblem0(Class<?> decl, int slot, Object receiver);

    private static IllegalArgumentException mismatch() {
        return new IllegalArgumentException("argument type mismatch");
    }

    private static Object convert(Class<?> t, Object a) {
        if (!t.isPrimitive()) {
            if (a != null && !t.isInstance(a)) {
                throw mismatch();
            }
            return a;
        }
        if (a == null) {
            throw new IllegalArgumentException();
        }
        char from = kind(a);
        char to = kind(t);
        if (from == to) {
            return a;
        }
        if (from == 0 || !widens(from, to)) {
            throw mismatch();
        }
        if (from == 'F') {
            return Double.valueOf(((Float) a).doubleValue());
        }
        long l = from == 'C' ? ((Character) a).charValue() : ((Number) a).longValue();
        switch (to) {
            case 'S': return Short.valueOf((short) l);
            case 'I': return Integer.valueOf((int) l);
            case 'J': return Long.valueOf(l);
            case 'F': return Float.valueOf((float) l);
            default: return Double.valueOf((double) l);
        }
    }

    /** JLS 5.1.2 widening primitive conversions (identity excluded). */
    private static boolean widens(char from, char to) {
        switch (from) {
            case 'B': return "SIJFD".indexOf(to) >= 0;
            case 'S':
            case 'C': return "IJFD".indexOf(to) >= 0;
            case 'I': return "JFD".indexOf(to) >= 0;
            case 'J': return "FD".indexOf(to) >= 0;
            case 'F': return to == 'D';
            default: return false;
        }
    }

    private static char kind(Object boxed) {
        if (boxed instanceof Integer) return 'I';
        if (boxed instanceof Long) return 'J';
        if (boxed instanceof Double) return 'D';
        if (boxed instanceof Float) return 'F';
        if (boxed instanceof Boolean) return 'Z';
        if (boxed instanceof Character) return 'C';
        if (boxed instanceof Short) return 'S';
        if (boxed instanceof Byte) return 'B';
        return 0;
    }

    private static char kind(Class<?> primitive) {
        if (primitive == int.class) return 'I';
        if (primitive == long.class) return 'J';
        if (primitive == double.class) return 'D';
        if (primitive == float.class) return 'F';
        if (primitive == boolean.class) return 'Z';
        if (primitive == char.class) return 'C';
        if (primitive == short.class) return 'S';
        return 'B';
    }
}
