/*
 * roast SDK replacement for jdk.internal.reflect.NativeMethodAccessorImpl. HotSpot's calls the
 * method through a VM native (Reflection::invoke_method) and, after 15 calls, "inflates" into
 * a class generated at run time, which an ahead-of-time compiled program cannot load. roast's
 * never inflates: it checks the receiver and converts the arguments the way HotSpot's
 * Reflection::invoke does (NullPointerException for a null receiver of an instance method,
 * "object is not an instance of declaring class", "wrong number of arguments", "argument type
 * mismatch"), initializes the declaring class, and calls the compiled method (Method.slot =
 * index in the class's method metadata) through runtime natives
 * (runtime/src/natives/method_calls.rs), which dispatch virtual methods on the receiver's
 * class. The result is boxed by return type; exceptions of the method come out wrapped in
 * InvocationTargetException. A method that is not compiled into the program (JDK methods the
 * program never calls directly) is an UnsupportedOperationException naming it.
 */
package jdk.internal.reflect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import jdk.internal.misc.Unsafe;

class NativeMethodAccessorImpl extends MethodAccessorImpl {
    /* Argument registers of the runtime's call trampoline (method_calls.rs). */
    private static final int MAX_INT_ARGS = 6;
    private static final int MAX_FLOAT_ARGS = 8;
    /** Arguments beyond the registers (runtime/src/natives/method_calls.rs, MAX_STACK_ARGS). */
    private static final int MAX_STACK_ARGS = 16;
    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long SLOT = U.objectFieldOffset(Method.class, "slot");

    private final Method method;
    private DelegatingMethodAccessorImpl parent;

    NativeMethodAccessorImpl(Method method) {
        this.method = method;
    }

    public Object invoke(Object obj, Object[] args) throws IllegalArgumentException, InvocationTargetException {
        Class<?> decl = method.getDeclaringClass();
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        U.ensureClassInitialized(decl);
        if (!isStatic) {
            if (obj == null) {
                throw new NullPointerException();
            }
            if (!decl.isInstance(obj)) {
                throw new IllegalArgumentException("object is not an instance of declaring class");
            }
        }
        Class<?>[] types = method.getParameterTypes();
        Object[] converted = RoastReflection.convertArguments(types, args);
        RoastReflection.checkCallable(types, isStatic ? MAX_INT_ARGS : MAX_INT_ARGS - 1, MAX_FLOAT_ARGS, MAX_STACK_ARGS, method);
        int slot = U.getInt(method, SLOT);
        Object receiver = isStatic ? null : obj;
        RoastReflection.checkTarget(decl, slot, receiver);
        Class<?> rt = method.getReturnType();
        try {
            if (!rt.isPrimitive()) {
                return invokeRef0(decl, slot, receiver, converted);
            }
            if (rt == void.class) {
                invokeRef0(decl, slot, receiver, converted);
                return null;
            }
            return box(rt, invokePrim0(decl, slot, receiver, converted));
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
    }

    private static Object box(Class<?> t, long v) {
        if (t == int.class) return Integer.valueOf((int) v);
        if (t == long.class) return Long.valueOf(v);
        if (t == boolean.class) return Boolean.valueOf(v != 0);
        if (t == double.class) return Double.valueOf(Double.longBitsToDouble(v));
        if (t == float.class) return Float.valueOf(Float.intBitsToFloat((int) v));
        if (t == char.class) return Character.valueOf((char) v);
        if (t == short.class) return Short.valueOf((short) v);
        return Byte.valueOf((byte) v);
    }

    void setParent(DelegatingMethodAccessorImpl parent) {
        this.parent = parent;
    }

    /** Runs method {@code slot} of {@code decl}; its reference result (null for void). */
    private static native Object invokeRef0(Class<?> decl, int slot, Object receiver, Object[] args);

    /** Runs method {@code slot} of {@code decl}; its primitive result widened to 64 bits. */
    private static native long invokePrim0(Class<?> decl, int slot, Object receiver, Object[] args);
}
