//! The inline allocation fast path of `new` (instances): compiled code bumps the thread's
//! Immix allocation buffer directly, as the runtime's `gc::alloc` does, and calls
//! `roast_alloc` only when the buffer is exhausted (or absent).
//!
//! Invariants (shared with `runtime/src/gc/`):
//! - `ThreadState::alloc_bump` points to the thread's `{cursor, limit}` pair (MMTk's
//!   `BumpPointer`, `repr(C)`), or is null; the runtime points it at an always-empty pair in
//!   stress mode so that every allocation reaches the runtime.
//! - The buffer is zeroed; the fast path sets the object's valid-object bit (one bit per 8
//!   bytes in the table at `roast_vo_bits`) and stores the klass word. No safepoint lies
//!   between the bump and the header store.

use super::method::MethodCx;
use crate::contract::{rt, symbols, thread_offset};
use inkwell::values::{BasicValueEnum, PointerValue};
use inkwell::IntPredicate;

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    /// A new zeroed instance of `size` bytes with descriptor `desc`; a pending exception
    /// (OutOfMemoryError) branches to the dispatch block.
    pub(super) fn alloc_instance_inline(
        &mut self,
        desc: PointerValue<'ctx>,
        size: u32,
    ) -> BasicValueEnum<'ctx> {
        let size = u64::from((size + 7) & !7);
        let slow_fn = self.l.runtime_fn(rt::ALLOC, |l| {
            l.ref_type().fn_type(&[l.ptr().into()], false)
        });
        let vo_bits = match self.l.module.get_global(symbols::VO_BITS) {
            Some(g) => g,
            None => self
                .l
                .module
                .add_global(self.l.ctx.i64_type(), None, symbols::VO_BITS),
        };
        let (ctx, b) = (self.l.ctx, &self.l.builder);
        let (i8t, i32t, i64t) = (ctx.i8_type(), ctx.i32_type(), ctx.i64_type());
        let fast = ctx.append_basic_block(self.func, "alloc.bump");
        let fits = ctx.append_basic_block(self.func, "alloc.fits");
        let slow = ctx.append_basic_block(self.func, "alloc.slow");
        let done = ctx.append_basic_block(self.func, "alloc.done");
        let slot = unsafe_gep(self, thread_offset::ALLOC_BUMP);
        let bump = b
            .build_load(self.l.ptr(), slot, "bump")
            .expect("load")
            .into_pointer_value();
        let absent = b.build_is_null(bump, "nobump").expect("cmp");
        b.build_conditional_branch(absent, slow, fast).expect("br");
        b.position_at_end(fast);
        let cursor = b
            .build_load(i64t, bump, "cursor")
            .expect("load")
            .into_int_value();
        let limit_ptr = unsafe {
            // SAFETY (of the generated code): `limit` follows `cursor` in the pair.
            b.build_gep(i8t, bump, &[i64t.const_int(8, false)], "limitp")
        }
        .expect("gep");
        let limit = b
            .build_load(i64t, limit_ptr, "limit")
            .expect("load")
            .into_int_value();
        let end = b
            .build_int_add(cursor, i64t.const_int(size, false), "end")
            .expect("add");
        let ok = b
            .build_int_compare(IntPredicate::ULE, end, limit, "fits")
            .expect("cmp");
        b.build_conditional_branch(ok, fits, slow).expect("br");
        b.position_at_end(fits);
        b.build_store(bump, end).expect("store");
        let base = b
            .build_load(i64t, vo_bits.as_pointer_value(), "vobits")
            .expect("load")
            .into_int_value();
        let byte_addr = b
            .build_int_add(
                base,
                b.build_right_shift(cursor, i64t.const_int(6, false), false, "vo.off")
                    .expect("shr"),
                "vo.addr",
            )
            .expect("add");
        let byte_ptr = b
            .build_int_to_ptr(byte_addr, self.l.ptr(), "vo.ptr")
            .expect("i2p");
        let bit_index = b
            .build_and(
                b.build_right_shift(cursor, i64t.const_int(3, false), false, "vo.word")
                    .expect("shr"),
                i64t.const_int(7, false),
                "vo.bit",
            )
            .expect("and");
        let bit = b
            .build_int_truncate(
                b.build_left_shift(i64t.const_int(1, false), bit_index, "vo.mask")
                    .expect("shl"),
                i8t,
                "vo.mask8",
            )
            .expect("trunc");
        let old = b
            .build_load(i8t, byte_ptr, "vo.old")
            .expect("load")
            .into_int_value();
        let new = b.build_or(old, bit, "vo.new").expect("or");
        b.build_store(byte_ptr, new).expect("store");
        let obj = b
            .build_int_to_ptr(cursor, self.l.ref_type(), "obj.fast")
            .expect("i2p");
        let klass = b
            .build_int_truncate(
                b.build_ptr_to_int(desc, i64t, "klass64").expect("p2i"),
                i32t,
                "klass",
            )
            .expect("trunc");
        b.build_store(obj, klass).expect("store");
        b.build_unconditional_branch(done).expect("br");
        b.position_at_end(slow);
        let slow_obj = b
            .build_call(slow_fn, &[desc.into()], "obj.slow")
            .expect("call")
            .try_as_basic_value()
            .basic()
            .expect("value");
        self.check_exception();
        let slow_end = self.l.builder.get_insert_block().expect("block");
        self.l.builder.build_unconditional_branch(done).expect("br");
        self.l.builder.position_at_end(done);
        let phi = self
            .l
            .builder
            .build_phi(self.l.ref_type(), "obj")
            .expect("phi");
        phi.add_incoming(&[(&obj, fits), (&slow_obj, slow_end)]);
        phi.as_basic_value()
    }
}

/// The address of a `ThreadState` field of the current thread.
fn unsafe_gep<'ctx>(cx: &MethodCx<'_, 'ctx, '_>, offset: u32) -> PointerValue<'ctx> {
    let i8t = cx.l.ctx.i8_type();
    // SAFETY (of the generated code): `offset` is a field offset inside `ThreadState`.
    unsafe {
        cx.l.builder.build_gep(
            i8t,
            cx.l.tls(),
            &[cx.l.ctx.i64_type().const_int(u64::from(offset), false)],
            "tls.field",
        )
    }
    .expect("gep")
}
