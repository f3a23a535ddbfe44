/*
 * roast SDK: a VarHandle on an instance field (MethodHandles.Lookup.findVarHandle).
 * Coordinates: the receiver, checked non-null and of the declaring class before the field
 * is accessed at its layout offset through Unsafe (see VarHandle.java).
 */
package java.lang.invoke;

import java.util.List;

final class RoastFieldVarHandle extends VarHandle {
    private final Class<?> receiverType;
    private final long offset;

    RoastFieldVarHandle(Class<?> receiverType, long offset, Class<?> varType, boolean readOnly, boolean exact) {
        super(varType, readOnly, exact);
        this.receiverType = receiverType;
        this.offset = offset;
    }

    @Override
    Object roastInvoke(int mode, Object[] args) {
        int op = RoastVarHandles.checkCall(this, mode, args, 1);
        Object receiver = RoastVarHandles.coordinate(receiverType, args[0]);
        return RoastVarHandles.access(this, op, receiver, offset, args, 1);
    }

    @Override
    VarHandle roastWithExact(boolean exact) {
        return new RoastFieldVarHandle(receiverType, offset, varType, readOnly, exact);
    }

    @Override
    public List<Class<?>> coordinateTypes() {
        return List.of(receiverType);
    }
}
