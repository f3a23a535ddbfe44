/*
 * roast SDK replacement for jdk.internal.reflect.NativeConstructorAccessorImpl. HotSpot's
 * calls the constructor through a VM native and, after 15 calls, "inflates" into a class
 * generated at run time (MethodAccessorGenerator), which an ahead-of-time compiled program
 * cannot load. roast's never inflates: it converts the arguments the way HotSpot's
 * Reflection::invoke does (unboxing plus widening primitive conversions, with HotSpot's
 * IllegalArgumentException messages), allocates the instance and calls the compiled
 * constructor (Constructor.slot = index in the class's method metadata) through a runtime
 * native (runtime/src/natives/method_calls.rs). Exceptions thrown by the constructor come out
 * wrapped in InvocationTargetException, as with HotSpot.
 */
package jdk.internal.reflect;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import jdk.internal.access.SharedSecrets;
import jdk.internal.misc.Unsafe;

class NativeConstructorAccessorImpl extends ConstructorAccessorImpl {
    /* Argument registers of the runtime's call trampoline (members.rs). */
    private static final int MAX_INT_ARGS = 6;
    private static final int MAX_FLOAT_ARGS = 8;
    /** Arguments beyond the registers (runtime/src/natives/method_calls.rs, MAX_STACK_ARGS). */
    private static final int MAX_STACK_ARGS = 16;

    private final Constructor<?> c;
    private DelegatingConstructorAccessorImpl parent;

    NativeConstructorAccessorImpl(Constructor<?> c) {
        this.c = c;
    }

    public Object newInstance(Object[] args)
            throws InstantiationException, IllegalArgumentException, InvocationTargetException {
        Class<?> decl = c.getDeclaringClass();
        int slot = SharedSecrets.getJavaLangReflectAccess().getConstructorSlot(c);
        Object receiver = Unsafe.getUnsafe().allocateInstance(decl);
        Object[] converted = RoastReflection.convertArguments(c.getParameterTypes(), args);
        RoastReflection.checkCallable(c.getParameterTypes(), MAX_INT_ARGS - 1, MAX_FLOAT_ARGS, MAX_STACK_ARGS, c);
        RoastReflection.checkTarget(decl, slot, null);
        try {
            invoke0(decl, slot, receiver, converted);
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
        return receiver;
    }

    void setParent(DelegatingConstructorAccessorImpl parent) {
        this.parent = parent;
    }

    /** Runs compiled method {@code slot} of {@code decl} on {@code receiver}. */
    private static native void invoke0(Class<?> decl, int slot, Object receiver, Object[] args);
}
