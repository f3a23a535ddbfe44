/*
 * roast SDK: a VarHandle on a static field (MethodHandles.Lookup.findStaticVarHandle).
 * No coordinates: the field's storage is a global of the compiled program whose address
 * the runtime's field metadata gives; Unsafe accesses it with a null base (see
 * VarHandle.java). The declaring class is initialized when the handle is created, as
 * JDK 17 does.
 */
package java.lang.invoke;

import java.util.List;

final class RoastStaticVarHandle extends VarHandle {
    private final long address;

    RoastStaticVarHandle(long address, Class<?> varType, boolean readOnly, boolean exact) {
        super(varType, readOnly, exact);
        this.address = address;
    }

    @Override
    Object roastInvoke(int mode, Object[] args) {
        int op = RoastVarHandles.checkCall(this, mode, args, 0);
        return RoastVarHandles.access(this, op, null, address, args, 0);
    }

    @Override
    VarHandle roastWithExact(boolean exact) {
        return new RoastStaticVarHandle(address, varType, readOnly, exact);
    }

    @Override
    public List<Class<?>> coordinateTypes() {
        return List.of();
    }
}
