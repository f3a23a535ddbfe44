/*
 * roast SDK: a VarHandle on the elements of an array type
 * (MethodHandles.arrayElementVarHandle). Coordinates: the array (non-null, of the handle's
 * array type) and an int index (bounds-checked with HotSpot's message). Stores of references
 * into an array whose class differs from the handle's also get the array store check.
 */
package java.lang.invoke;

import java.util.List;

final class RoastArrayVarHandle extends VarHandle {
    private final Class<?> arrayType;
    private final int base;
    private final int shift;

    RoastArrayVarHandle(Class<?> arrayType, Class<?> componentType, boolean exact) {
        super(componentType, false, exact);
        this.arrayType = arrayType;
        this.base = RoastVarHandles.U.arrayBaseOffset(arrayType);
        int scale = RoastVarHandles.U.arrayIndexScale(arrayType);
        this.shift = 31 - Integer.numberOfLeadingZeros(scale);
    }

    @Override
    Object roastInvoke(int mode, Object[] args) {
        int op = RoastVarHandles.checkCall(this, mode, args, 2);
        Object array = RoastVarHandles.coordinate(arrayType, args[0]);
        int index = RoastVarHandles.toInt(args[1]);
        int length = RoastVarHandles.arrayLength(array);
        if (index < 0 || index >= length) {
            throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + length);
        }
        long offset = base + ((long) index << shift);
        return RoastVarHandles.access(this, op, array, offset, args, 2);
    }

    @Override
    Object roastCheckStore(Object array, Object value) {
        Object v = varType.cast(value);
        if (v != null && array.getClass() != arrayType) {
            RoastVarHandles.storeCheck(array, v);
        }
        return v;
    }

    @Override
    VarHandle roastWithExact(boolean exact) {
        return new RoastArrayVarHandle(arrayType, varType, exact);
    }

    @Override
    public List<Class<?>> coordinateTypes() {
        return List.of(arrayType, int.class);
    }
}
