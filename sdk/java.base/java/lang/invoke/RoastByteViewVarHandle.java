/*
 * roast SDK: a VarHandle viewing a byte[] as elements of a wider primitive type in a given
 * byte order (MethodHandles.byteArrayViewVarHandle). Coordinates: the byte[] and a byte
 * index. Plain get/set work at any index; the other modes need an index aligned to the
 * element size (IllegalStateException otherwise, as in HotSpot). Values travel as raw bits
 * in a long: `order` converts between the view's byte order and the machine's; updates
 * other than compare-and-set are compare-and-set loops.
 */
package java.lang.invoke;

import java.util.List;
import jdk.internal.misc.Unsafe;

final class RoastByteViewVarHandle extends VarHandle {
    private static final Unsafe U = RoastVarHandles.U;

    private final Class<?> viewArrayType;
    private final boolean bigEndian;
    private final int size;

    RoastByteViewVarHandle(Class<?> viewArrayType, Class<?> componentType, boolean bigEndian, boolean exact) {
        super(componentType, false, exact);
        this.viewArrayType = viewArrayType;
        this.bigEndian = bigEndian;
        this.size = (kind == 'J' || kind == 'D') ? 8 : (kind == 'I' || kind == 'F') ? 4 : 2;
    }

    /** Is the element type one a byte[] view supports? */
    static boolean isViewType(char kind) {
        return kind == 'S' || kind == 'C' || kind == 'I' || kind == 'J' || kind == 'F' || kind == 'D';
    }

    boolean supportsOp(int op) {
        if (op <= RoastVarHandles.OP_SET_VOLATILE) {
            return true;
        }
        if (op <= RoastVarHandles.OP_GET_AND_SET) {
            return size >= 4;
        }
        return kind == 'I' || kind == 'J';
    }

    @Override
    Object roastInvoke(int mode, Object[] args) {
        int op = RoastVarHandles.checkCall(this, mode, args, 2);
        byte[] ba = (byte[]) RoastVarHandles.coordinate(byte[].class, args[0]);
        int index = RoastVarHandles.toInt(args[1]);
        if (index < 0 || index > ba.length - size) {
            throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + (ba.length - size + 1));
        }
        if (op != RoastVarHandles.OP_GET && op != RoastVarHandles.OP_SET && (index & (size - 1)) != 0) {
            throw new IllegalStateException("Misaligned access at index: " + index);
        }
        long off = Unsafe.ARRAY_BYTE_BASE_OFFSET + index;
        switch (op) {
            case RoastVarHandles.OP_GET:
                return box(getPlain(ba, off));
            case RoastVarHandles.OP_SET:
                setPlain(ba, off, bits(args[2]));
                return null;
            case RoastVarHandles.OP_GET_VOLATILE:
                return box(order(getVolatile(ba, off)));
            case RoastVarHandles.OP_SET_VOLATILE:
                setVolatile(ba, off, order(bits(args[2])));
                return null;
            case RoastVarHandles.OP_CAS:
                return casRaw(ba, off, order(bits(args[2])), order(bits(args[3])));
            case RoastVarHandles.OP_CAE:
                return box(order(caeRaw(ba, off, order(bits(args[2])), order(bits(args[3])))));
            default:
                return box(update(op, ba, off, bits(args[2])));
        }
    }

    /** The raw bits of a call-site value for this view's element type. */
    private long bits(Object o) {
        switch (kind) {
            case 'S': return RoastVarHandles.toShort(o);
            case 'C': return RoastVarHandles.toChar(o);
            case 'I': return RoastVarHandles.toInt(o);
            case 'F': return Float.floatToRawIntBits(RoastVarHandles.toFloat(o));
            case 'D': return Double.doubleToRawLongBits(RoastVarHandles.toDouble(o));
            default: return RoastVarHandles.toLong(o);
        }
    }

    /** The boxed element value of raw bits. */
    private Object box(long bits) {
        switch (kind) {
            case 'S': return (short) bits;
            case 'C': return (char) bits;
            case 'I': return (int) bits;
            case 'F': return Float.intBitsToFloat((int) bits);
            case 'D': return Double.longBitsToDouble(bits);
            default: return bits;
        }
    }

    /** Converts between the view's byte order and the machine's (an involution). */
    private long order(long bits) {
        if (bigEndian == U.isBigEndian()) {
            return bits;
        }
        switch (size) {
            case 2: return Short.reverseBytes((short) bits);
            case 4: return Integer.reverseBytes((int) bits);
            default: return Long.reverseBytes(bits);
        }
    }

    private long getPlain(byte[] ba, long off) {
        switch (size) {
            case 2: return U.getShortUnaligned(ba, off, bigEndian);
            case 4: return U.getIntUnaligned(ba, off, bigEndian);
            default: return U.getLongUnaligned(ba, off, bigEndian);
        }
    }

    private void setPlain(byte[] ba, long off, long bits) {
        switch (size) {
            case 2: U.putShortUnaligned(ba, off, (short) bits, bigEndian); break;
            case 4: U.putIntUnaligned(ba, off, (int) bits, bigEndian); break;
            default: U.putLongUnaligned(ba, off, bits, bigEndian); break;
        }
    }

    /** Volatile read in machine order. */
    private long getVolatile(byte[] ba, long off) {
        switch (size) {
            case 2: return U.getShortVolatile(ba, off);
            case 4: return U.getIntVolatile(ba, off);
            default: return U.getLongVolatile(ba, off);
        }
    }

    /** Volatile write in machine order. */
    private void setVolatile(byte[] ba, long off, long raw) {
        switch (size) {
            case 2: U.putShortVolatile(ba, off, (short) raw); break;
            case 4: U.putIntVolatile(ba, off, (int) raw); break;
            default: U.putLongVolatile(ba, off, raw); break;
        }
    }

    private boolean casRaw(byte[] ba, long off, long expected, long next) {
        return size == 4
                ? U.compareAndSetInt(ba, off, (int) expected, (int) next)
                : U.compareAndSetLong(ba, off, expected, next);
    }

    private long caeRaw(byte[] ba, long off, long expected, long next) {
        return size == 4
                ? U.compareAndExchangeInt(ba, off, (int) expected, (int) next)
                : U.compareAndExchangeLong(ba, off, expected, next);
    }

    /** getAndSet, getAndAdd and the bitwise updates: returns the old value's bits. */
    private long update(int op, byte[] ba, long off, long operand) {
        for (;;) {
            long raw = getVolatile(ba, off);
            long old = order(raw);
            long next;
            switch (op) {
                case RoastVarHandles.OP_GET_AND_SET: next = operand; break;
                case RoastVarHandles.OP_GET_AND_ADD: next = old + operand; break;
                case RoastVarHandles.OP_OR: next = old | operand; break;
                case RoastVarHandles.OP_AND: next = old & operand; break;
                default: next = old ^ operand; break;
            }
            if (casRaw(ba, off, raw, order(next))) {
                return old;
            }
        }
    }

    @Override
    VarHandle roastWithExact(boolean exact) {
        return new RoastByteViewVarHandle(viewArrayType, varType, bigEndian, exact);
    }

    @Override
    public List<Class<?>> coordinateTypes() {
        return List.of(byte[].class, int.class);
    }
}
