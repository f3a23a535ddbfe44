/*
 * roast SDK replacement for java.lang.invoke.VarHandle.
 *
 * HotSpot links every VarHandle access (`VALUE.compareAndSet(this, e, u)`) through
 * LambdaForms, VarForms and generated invokers: about 1300 methods of java.lang.invoke plus
 * reflection, ASM and class loading. roast keeps the public API that class files name and
 * replaces the machinery with one virtual entry point:
 *
 *  - The access methods stay `public final native` and signature-polymorphic, with exactly
 *    the JDK's descriptors, because call sites in JDK and user class files name them.
 *  - The compiler lowers a call `vh.m(args)` with call-site descriptor D to
 *    `vh.roastInvoke(MODE_M, new Object[] {boxed args...})` followed by a conversion of the
 *    Object result to D's return type (RoastVarHandles.toInt etc.); see
 *    aot/src/lower/polymorphic.rs. The MODE_ constants below are the access modes' numbers:
 *    they follow the order of AccessMode and the Rust table ACCESS_MODES (a unit test in
 *    polymorphic.rs compares them with this file).
 *  - The concrete handles (RoastFieldVarHandle, RoastStaticVarHandle, RoastArrayVarHandle,
 *    RoastByteViewVarHandle) are created by the shadow MethodHandles and access memory through
 *    jdk.internal.misc.Unsafe (RoastVarHandles.access).
 *
 * Differences from HotSpot: call-site types are converted like asType would for the common
 * cases (boxing, primitive widening, reference casts) but a mismatch throws
 * ClassCastException instead of WrongMethodTypeException; invoke-exact behaviour is recorded
 * but not enforced; acquire/release/opaque accesses use the stronger volatile accesses and
 * weak CAS is the strong one; accessModeType, toMethodHandle and describeConstable's
 * descriptor are not supported.
 */
package java.lang.invoke;

import java.lang.constant.Constable;
import java.lang.constant.ConstantDesc;
import java.util.List;
import java.util.Optional;
import jdk.internal.misc.Unsafe;

public abstract class VarHandle implements Constable {
    // Access-mode numbers passed to roastInvoke, in AccessMode order.
    static final int MODE_GET = 0;
    static final int MODE_SET = 1;
    static final int MODE_GET_VOLATILE = 2;
    static final int MODE_SET_VOLATILE = 3;
    static final int MODE_GET_ACQUIRE = 4;
    static final int MODE_SET_RELEASE = 5;
    static final int MODE_GET_OPAQUE = 6;
    static final int MODE_SET_OPAQUE = 7;
    static final int MODE_COMPARE_AND_SET = 8;
    static final int MODE_COMPARE_AND_EXCHANGE = 9;
    static final int MODE_COMPARE_AND_EXCHANGE_ACQUIRE = 10;
    static final int MODE_COMPARE_AND_EXCHANGE_RELEASE = 11;
    static final int MODE_WEAK_COMPARE_AND_SET_PLAIN = 12;
    static final int MODE_WEAK_COMPARE_AND_SET = 13;
    static final int MODE_WEAK_COMPARE_AND_SET_ACQUIRE = 14;
    static final int MODE_WEAK_COMPARE_AND_SET_RELEASE = 15;
    static final int MODE_GET_AND_SET = 16;
    static final int MODE_GET_AND_SET_ACQUIRE = 17;
    static final int MODE_GET_AND_SET_RELEASE = 18;
    static final int MODE_GET_AND_ADD = 19;
    static final int MODE_GET_AND_ADD_ACQUIRE = 20;
    static final int MODE_GET_AND_ADD_RELEASE = 21;
    static final int MODE_GET_AND_BITWISE_OR = 22;
    static final int MODE_GET_AND_BITWISE_OR_RELEASE = 23;
    static final int MODE_GET_AND_BITWISE_OR_ACQUIRE = 24;
    static final int MODE_GET_AND_BITWISE_AND = 25;
    static final int MODE_GET_AND_BITWISE_AND_RELEASE = 26;
    static final int MODE_GET_AND_BITWISE_AND_ACQUIRE = 27;
    static final int MODE_GET_AND_BITWISE_XOR = 28;
    static final int MODE_GET_AND_BITWISE_XOR_RELEASE = 29;
    static final int MODE_GET_AND_BITWISE_XOR_ACQUIRE = 30;
    static final int MODE_COUNT = 31;

    /** The type of the variable. */
    final Class<?> varType;
    /** Descriptor letter of varType: 'L' for references, else the primitive's letter. */
    final char kind;
    /** Only the get modes are supported (final fields). */
    final boolean readOnly;
    /** withInvokeExactBehavior was requested (recorded, not enforced). */
    final boolean exact;

    VarHandle(Class<?> varType, boolean readOnly, boolean exact) {
        this.varType = varType;
        this.kind = RoastVarHandles.kindOf(varType);
        this.readOnly = readOnly;
        this.exact = exact;
    }

    /**
     * roast's entry point for every access method: `mode` is a MODE_ constant, `args` the
     * call's arguments (coordinates, then values), primitives boxed. Returns the result boxed
     * in the variable's type, a Boolean for the compare-and-set modes, null for the set modes.
     */
    abstract Object roastInvoke(int mode, Object[] args);

    /** A copy of this handle with the given invoke-exact behaviour. */
    abstract VarHandle roastWithExact(boolean exact);

    /** Checks a reference about to be stored through this handle into `base`. */
    Object roastCheckStore(Object base, Object value) {
        return varType.cast(value);
    }

    // The signature-polymorphic access methods (descriptors as in the JDK).

    public final native @MethodHandle.PolymorphicSignature Object get(Object... args);

    public final native @MethodHandle.PolymorphicSignature void set(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getVolatile(Object... args);

    public final native @MethodHandle.PolymorphicSignature void setVolatile(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getOpaque(Object... args);

    public final native @MethodHandle.PolymorphicSignature void setOpaque(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature void setRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature boolean compareAndSet(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object compareAndExchange(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object compareAndExchangeAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object compareAndExchangeRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature boolean weakCompareAndSetPlain(Object... args);

    public final native @MethodHandle.PolymorphicSignature boolean weakCompareAndSet(Object... args);

    public final native @MethodHandle.PolymorphicSignature boolean weakCompareAndSetAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature boolean weakCompareAndSetRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndSet(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndSetAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndSetRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndAdd(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndAddAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndAddRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseOr(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseOrAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseOrRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseAnd(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseAndAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseAndRelease(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseXor(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseXorAcquire(Object... args);

    public final native @MethodHandle.PolymorphicSignature Object getAndBitwiseXorRelease(Object... args);

    // Introspection.

    public boolean hasInvokeExactBehavior() {
        return exact;
    }

    public VarHandle withInvokeExactBehavior() {
        return exact ? this : roastWithExact(true);
    }

    public VarHandle withInvokeBehavior() {
        return exact ? roastWithExact(false) : this;
    }

    public Class<?> varType() {
        return varType;
    }

    public abstract List<Class<?>> coordinateTypes();

    @Override
    public final String toString() {
        return "VarHandle[varType=" + varType.getName() + ", coord=" + coordinateTypes() + "]";
    }

    public final MethodType accessModeType(AccessMode accessMode) {
        throw RoastVarHandles.unsupported("VarHandle.accessModeType");
    }

    public final boolean isAccessModeSupported(AccessMode accessMode) {
        return RoastVarHandles.supports(this, accessMode.ordinal());
    }

    public MethodHandle toMethodHandle(AccessMode accessMode) {
        throw RoastVarHandles.unsupported("VarHandle.toMethodHandle");
    }

    @Override
    public Optional<? extends ConstantDesc> describeConstable() {
        return Optional.empty();
    }

    // Fences.

    public static void fullFence() {
        Unsafe.getUnsafe().fullFence();
    }

    public static void acquireFence() {
        Unsafe.getUnsafe().loadFence();
    }

    public static void releaseFence() {
        Unsafe.getUnsafe().storeFence();
    }

    public static void loadLoadFence() {
        Unsafe.getUnsafe().loadFence();
    }

    public static void storeStoreFence() {
        Unsafe.getUnsafe().storeFence();
    }

    /** The access modes, in MODE_ order (ordinal == mode number). */
    public enum AccessMode {
        GET("get"),
        SET("set"),
        GET_VOLATILE("getVolatile"),
        SET_VOLATILE("setVolatile"),
        GET_ACQUIRE("getAcquire"),
        SET_RELEASE("setRelease"),
        GET_OPAQUE("getOpaque"),
        SET_OPAQUE("setOpaque"),
        COMPARE_AND_SET("compareAndSet"),
        COMPARE_AND_EXCHANGE("compareAndExchange"),
        COMPARE_AND_EXCHANGE_ACQUIRE("compareAndExchangeAcquire"),
        COMPARE_AND_EXCHANGE_RELEASE("compareAndExchangeRelease"),
        WEAK_COMPARE_AND_SET_PLAIN("weakCompareAndSetPlain"),
        WEAK_COMPARE_AND_SET("weakCompareAndSet"),
        WEAK_COMPARE_AND_SET_ACQUIRE("weakCompareAndSetAcquire"),
        WEAK_COMPARE_AND_SET_RELEASE("weakCompareAndSetRelease"),
        GET_AND_SET("getAndSet"),
        GET_AND_SET_ACQUIRE("getAndSetAcquire"),
        GET_AND_SET_RELEASE("getAndSetRelease"),
        GET_AND_ADD("getAndAdd"),
        GET_AND_ADD_ACQUIRE("getAndAddAcquire"),
        GET_AND_ADD_RELEASE("getAndAddRelease"),
        GET_AND_BITWISE_OR("getAndBitwiseOr"),
        GET_AND_BITWISE_OR_RELEASE("getAndBitwiseOrRelease"),
        GET_AND_BITWISE_OR_ACQUIRE("getAndBitwiseOrAcquire"),
        GET_AND_BITWISE_AND("getAndBitwiseAnd"),
        GET_AND_BITWISE_AND_RELEASE("getAndBitwiseAndRelease"),
        GET_AND_BITWISE_AND_ACQUIRE("getAndBitwiseAndAcquire"),
        GET_AND_BITWISE_XOR("getAndBitwiseXor"),
        GET_AND_BITWISE_XOR_RELEASE("getAndBitwiseXorRelease"),
        GET_AND_BITWISE_XOR_ACQUIRE("getAndBitwiseXorAcquire");

        private final String methodName;

        AccessMode(String methodName) {
            this.methodName = methodName;
        }

        public String methodName() {
            return methodName;
        }

        public static AccessMode valueFromMethodName(String methodName) {
            for (AccessMode m : values()) {
                if (m.methodName.equals(methodName)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("No AccessMode value for method name " + methodName);
        }
    }
}
