/*
 * roast SDK: the implementation behind the shadow VarHandle (see VarHandle.java for the
 * design). Three parts:
 *
 *  - natives implemented by the runtime (runtime/src/natives/invoke.rs): field lookup by
 *    name and type in the compiler's field metadata, array component types, the array store
 *    check, and whether a class comes from the JDK;
 *  - conversions between call-site values and variable values: the compiler boxes every
 *    primitive argument and converts the Object result back with toInt, toLong, ... (they
 *    accept what MethodHandle.asType would: the exact box or a widening primitive
 *    conversion; anything else is a ClassCastException, null a NullPointerException);
 *  - access(): one memory access through jdk.internal.misc.Unsafe at (base, offset), by
 *    variable kind and access mode. Acquire/release/opaque modes use the volatile accesses
 *    and weak compare-and-set the strong one (both are allowed strengthenings).
 */
package java.lang.invoke;

import jdk.internal.misc.Unsafe;

final class RoastVarHandles {
    private RoastVarHandles() {}

    static final Unsafe U = Unsafe.getUnsafe();

    // Operations the access modes reduce to.
    static final int OP_GET = 0;
    static final int OP_GET_VOLATILE = 1;
    static final int OP_SET = 2;
    static final int OP_SET_VOLATILE = 3;
    static final int OP_CAS = 4;
    static final int OP_CAE = 5;
    static final int OP_GET_AND_SET = 6;
    static final int OP_GET_AND_ADD = 7;
    static final int OP_OR = 8;
    static final int OP_AND = 9;
    static final int OP_XOR = 10;

    /** The operation of each access mode, indexed by VarHandle.MODE_ number. */
    private static final byte[] OPS = {
        OP_GET, OP_SET, OP_GET_VOLATILE, OP_SET_VOLATILE, OP_GET_VOLATILE, OP_SET_VOLATILE,
        OP_GET_VOLATILE, OP_SET_VOLATILE, OP_CAS, OP_CAE, OP_CAE, OP_CAE, OP_CAS, OP_CAS,
        OP_CAS, OP_CAS, OP_GET_AND_SET, OP_GET_AND_SET, OP_GET_AND_SET, OP_GET_AND_ADD,
        OP_GET_AND_ADD, OP_GET_AND_ADD, OP_OR, OP_OR, OP_OR, OP_AND, OP_AND, OP_AND, OP_XOR,
        OP_XOR, OP_XOR,
    };

    // Natives (runtime/src/natives/invoke.rs).

    /** The class declaring field `name` of type `type` seen from `c` (JVMS 5.4.3.2), or null. */
    static native Class<?> fieldHolder(Class<?> c, String name, Class<?> type);

    /** Access flags of field `name` of type `type` declared by `holder`. */
    static native int fieldModifiers(Class<?> holder, String name, Class<?> type);

    /** Offset of an instance field, or the address of a static field's storage. */
    static native long fieldOffset(Class<?> holder, String name, Class<?> type);

    /** The component type of an array class, null for other classes. */
    static native Class<?> componentType(Class<?> arrayClass);

    /** Throws ArrayStoreException when `value` cannot be stored in `array`. */
    static native void storeCheck(Object array, Object value);

    /** The length of an array (of any type). */
    static native int arrayLength(Object array);

    /** Is the class part of the JDK (module java.base) rather than the application? */
    static native boolean isJdkClass(Class<?> c);

    // Helpers shared by the handles.

    /** The operation (OP_) of an access mode. */
    static int op(int mode) {
        return OPS[mode];
    }

    /** Number of value arguments (after the coordinates) of an operation. */
    static int valueCount(int op) {
        switch (op) {
            case OP_GET:
            case OP_GET_VOLATILE:
                return 0;
            case OP_CAS:
            case OP_CAE:
                return 2;
            default:
                return 1;
        }
    }

    static char kindOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return 'L';
        }
        if (type == int.class) return 'I';
        if (type == long.class) return 'J';
        if (type == boolean.class) return 'Z';
        if (type == byte.class) return 'B';
        if (type == short.class) return 'S';
        if (type == char.class) return 'C';
        if (type == float.class) return 'F';
        if (type == double.class) return 'D';
        return 'V';
    }

    /** Does a handle of this variable kind support the operation? */
    static boolean supports(VarHandle vh, int mode) {
        int op = op(mode);
        if (vh.readOnly && op != OP_GET && op != OP_GET_VOLATILE) {
            return false;
        }
        if (vh instanceof RoastByteViewVarHandle) {
            return ((RoastByteViewVarHandle) vh).supportsOp(op);
        }
        switch (vh.kind) {
            case 'L':
                return op <= OP_GET_AND_SET;
            case 'Z':
                return op != OP_GET_AND_ADD;
            case 'F':
            case 'D':
                return op <= OP_GET_AND_ADD;
            default:
                return true;
        }
    }

    static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("roast: " + what + " is not supported yet");
    }

    /** Checks the argument count, the access mode and the read-only flag; returns the op. */
    static int checkCall(VarHandle vh, int mode, Object[] args, int coordinates) {
        if (mode < 0 || mode >= VarHandle.MODE_COUNT) {
            throw new IllegalArgumentException("bad access mode " + mode);
        }
        int op = op(mode);
        if (args.length != coordinates + valueCount(op)) {
            throw new WrongMethodTypeException("roast: " + VarHandle.AccessMode.values()[mode].methodName()
                    + " with " + args.length + " arguments on " + vh);
        }
        if (!supports(vh, mode)) {
            throw new UnsupportedOperationException();
        }
        return op;
    }

    /** A non-null receiver or array coordinate of type `type`. */
    static Object coordinate(Class<?> type, Object o) {
        if (o == null) {
            throw new NullPointerException();
        }
        return type.cast(o);
    }

    // Conversions from call-site values (boxed) to variable values, also used by compiled
    // code for results.

    static boolean toBoolean(Object o) {
        if (o instanceof Boolean) return ((Boolean) o).booleanValue();
        throw mismatch(o, Boolean.class);
    }

    static byte toByte(Object o) {
        if (o instanceof Byte) return ((Byte) o).byteValue();
        throw mismatch(o, Byte.class);
    }

    static short toShort(Object o) {
        if (o instanceof Short) return ((Short) o).shortValue();
        if (o instanceof Byte) return ((Byte) o).byteValue();
        throw mismatch(o, Short.class);
    }

    static char toChar(Object o) {
        if (o instanceof Character) return ((Character) o).charValue();
        throw mismatch(o, Character.class);
    }

    static int toInt(Object o) {
        if (o instanceof Integer) return ((Integer) o).intValue();
        if (o instanceof Character) return ((Character) o).charValue();
        if (o instanceof Short || o instanceof Byte) return ((Number) o).intValue();
        throw mismatch(o, Integer.class);
    }

    static long toLong(Object o) {
        if (o instanceof Long) return ((Long) o).longValue();
        if (o instanceof Integer || o instanceof Short || o instanceof Byte || o instanceof Character) {
            return toInt(o);
        }
        throw mismatch(o, Long.class);
    }

    static float toFloat(Object o) {
        if (o instanceof Float) return ((Float) o).floatValue();
        if (o instanceof Long) return ((Long) o).longValue();
        if (o instanceof Integer || o instanceof Short || o instanceof Byte || o instanceof Character) {
            return toInt(o);
        }
        throw mismatch(o, Float.class);
    }

    static double toDouble(Object o) {
        if (o instanceof Double) return ((Double) o).doubleValue();
        if (o instanceof Float) return ((Float) o).floatValue();
        if (o instanceof Long) return ((Long) o).longValue();
        if (o instanceof Integer || o instanceof Short || o instanceof Byte || o instanceof Character) {
            return toInt(o);
        }
        throw mismatch(o, Double.class);
    }

    private static RuntimeException mismatch(Object o, Class<?> expected) {
        if (o == null) {
            return new NullPointerException();
        }
        return new ClassCastException("Cannot cast " + o.getClass().getName() + " to " + expected.getName());
    }

    // Memory access.

    /**
     * Runs operation `op` on the variable of `vh`'s kind at (base, off); the values are
     * args[v] and, for compare-and-set/exchange, args[v + 1].
     */
    static Object access(VarHandle vh, int op, Object base, long off, Object[] args, int v) {
        switch (vh.kind) {
            case 'L': return accessReference(vh, op, base, off, args, v);
            case 'I': return accessInt(op, base, off, args, v);
            case 'J': return accessLong(op, base, off, args, v);
            case 'Z': return accessBoolean(op, base, off, args, v);
            case 'B': return accessByte(op, base, off, args, v);
            case 'S': return accessShort(op, base, off, args, v);
            case 'C': return accessChar(op, base, off, args, v);
            case 'F': return accessFloat(op, base, off, args, v);
            case 'D': return accessDouble(op, base, off, args, v);
            default: throw new UnsupportedOperationException();
        }
    }

    private static Object accessReference(VarHandle vh, int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getReference(b, o);
            case OP_GET_VOLATILE: return U.getReferenceVolatile(b, o);
            case OP_SET: U.putReference(b, o, vh.roastCheckStore(b, a[v])); return null;
            case OP_SET_VOLATILE: U.putReferenceVolatile(b, o, vh.roastCheckStore(b, a[v])); return null;
            case OP_CAS: return U.compareAndSetReference(b, o, a[v], vh.roastCheckStore(b, a[v + 1]));
            case OP_CAE: return U.compareAndExchangeReference(b, o, a[v], vh.roastCheckStore(b, a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetReference(b, o, vh.roastCheckStore(b, a[v]));
            default: throw new UnsupportedOperationException();
        }
    }

    private static Object accessInt(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getInt(b, o);
            case OP_GET_VOLATILE: return U.getIntVolatile(b, o);
            case OP_SET: U.putInt(b, o, toInt(a[v])); return null;
            case OP_SET_VOLATILE: U.putIntVolatile(b, o, toInt(a[v])); return null;
            case OP_CAS: return U.compareAndSetInt(b, o, toInt(a[v]), toInt(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeInt(b, o, toInt(a[v]), toInt(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetInt(b, o, toInt(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddInt(b, o, toInt(a[v]));
            case OP_OR: return U.getAndBitwiseOrInt(b, o, toInt(a[v]));
            case OP_AND: return U.getAndBitwiseAndInt(b, o, toInt(a[v]));
            default: return U.getAndBitwiseXorInt(b, o, toInt(a[v]));
        }
    }

    private static Object accessLong(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getLong(b, o);
            case OP_GET_VOLATILE: return U.getLongVolatile(b, o);
            case OP_SET: U.putLong(b, o, toLong(a[v])); return null;
            case OP_SET_VOLATILE: U.putLongVolatile(b, o, toLong(a[v])); return null;
            case OP_CAS: return U.compareAndSetLong(b, o, toLong(a[v]), toLong(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeLong(b, o, toLong(a[v]), toLong(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetLong(b, o, toLong(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddLong(b, o, toLong(a[v]));
            case OP_OR: return U.getAndBitwiseOrLong(b, o, toLong(a[v]));
            case OP_AND: return U.getAndBitwiseAndLong(b, o, toLong(a[v]));
            default: return U.getAndBitwiseXorLong(b, o, toLong(a[v]));
        }
    }

    private static Object accessBoolean(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getBoolean(b, o);
            case OP_GET_VOLATILE: return U.getBooleanVolatile(b, o);
            case OP_SET: U.putBoolean(b, o, toBoolean(a[v])); return null;
            case OP_SET_VOLATILE: U.putBooleanVolatile(b, o, toBoolean(a[v])); return null;
            case OP_CAS: return U.compareAndSetBoolean(b, o, toBoolean(a[v]), toBoolean(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeBoolean(b, o, toBoolean(a[v]), toBoolean(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetBoolean(b, o, toBoolean(a[v]));
            case OP_OR: return U.getAndBitwiseOrBoolean(b, o, toBoolean(a[v]));
            case OP_AND: return U.getAndBitwiseAndBoolean(b, o, toBoolean(a[v]));
            case OP_XOR: return U.getAndBitwiseXorBoolean(b, o, toBoolean(a[v]));
            default: throw new UnsupportedOperationException();
        }
    }

    private static Object accessByte(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getByte(b, o);
            case OP_GET_VOLATILE: return U.getByteVolatile(b, o);
            case OP_SET: U.putByte(b, o, toByte(a[v])); return null;
            case OP_SET_VOLATILE: U.putByteVolatile(b, o, toByte(a[v])); return null;
            case OP_CAS: return U.compareAndSetByte(b, o, toByte(a[v]), toByte(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeByte(b, o, toByte(a[v]), toByte(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetByte(b, o, toByte(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddByte(b, o, toByte(a[v]));
            case OP_OR: return U.getAndBitwiseOrByte(b, o, toByte(a[v]));
            case OP_AND: return U.getAndBitwiseAndByte(b, o, toByte(a[v]));
            default: return U.getAndBitwiseXorByte(b, o, toByte(a[v]));
        }
    }

    private static Object accessShort(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getShort(b, o);
            case OP_GET_VOLATILE: return U.getShortVolatile(b, o);
            case OP_SET: U.putShort(b, o, toShort(a[v])); return null;
            case OP_SET_VOLATILE: U.putShortVolatile(b, o, toShort(a[v])); return null;
            case OP_CAS: return U.compareAndSetShort(b, o, toShort(a[v]), toShort(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeShort(b, o, toShort(a[v]), toShort(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetShort(b, o, toShort(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddShort(b, o, toShort(a[v]));
            case OP_OR: return U.getAndBitwiseOrShort(b, o, toShort(a[v]));
            case OP_AND: return U.getAndBitwiseAndShort(b, o, toShort(a[v]));
            default: return U.getAndBitwiseXorShort(b, o, toShort(a[v]));
        }
    }

    private static Object accessChar(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getChar(b, o);
            case OP_GET_VOLATILE: return U.getCharVolatile(b, o);
            case OP_SET: U.putChar(b, o, toChar(a[v])); return null;
            case OP_SET_VOLATILE: U.putCharVolatile(b, o, toChar(a[v])); return null;
            case OP_CAS: return U.compareAndSetChar(b, o, toChar(a[v]), toChar(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeChar(b, o, toChar(a[v]), toChar(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetChar(b, o, toChar(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddChar(b, o, toChar(a[v]));
            case OP_OR: return U.getAndBitwiseOrChar(b, o, toChar(a[v]));
            case OP_AND: return U.getAndBitwiseAndChar(b, o, toChar(a[v]));
            default: return U.getAndBitwiseXorChar(b, o, toChar(a[v]));
        }
    }

    private static Object accessFloat(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getFloat(b, o);
            case OP_GET_VOLATILE: return U.getFloatVolatile(b, o);
            case OP_SET: U.putFloat(b, o, toFloat(a[v])); return null;
            case OP_SET_VOLATILE: U.putFloatVolatile(b, o, toFloat(a[v])); return null;
            case OP_CAS: return U.compareAndSetFloat(b, o, toFloat(a[v]), toFloat(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeFloat(b, o, toFloat(a[v]), toFloat(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetFloat(b, o, toFloat(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddFloat(b, o, toFloat(a[v]));
            default: throw new UnsupportedOperationException();
        }
    }

    private static Object accessDouble(int op, Object b, long o, Object[] a, int v) {
        switch (op) {
            case OP_GET: return U.getDouble(b, o);
            case OP_GET_VOLATILE: return U.getDoubleVolatile(b, o);
            case OP_SET: U.putDouble(b, o, toDouble(a[v])); return null;
            case OP_SET_VOLATILE: U.putDoubleVolatile(b, o, toDouble(a[v])); return null;
            case OP_CAS: return U.compareAndSetDouble(b, o, toDouble(a[v]), toDouble(a[v + 1]));
            case OP_CAE: return U.compareAndExchangeDouble(b, o, toDouble(a[v]), toDouble(a[v + 1]));
            case OP_GET_AND_SET: return U.getAndSetDouble(b, o, toDouble(a[v]));
            case OP_GET_AND_ADD: return U.getAndAddDouble(b, o, toDouble(a[v]));
            default: throw new UnsupportedOperationException();
        }
    }
}
