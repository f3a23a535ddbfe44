//! The inline allocation fast paths of `new` (instances) and of `newarray`/`anewarray`
//! (arrays): compiled code bumps the thread's Immix allocation buffer directly, as the
//! runtime's `gc::alloc` does, and calls `roast_alloc` / `roast_alloc_array` only when the
//! buffer is exhausted (or absent), or, for arrays, when the length is negative or the array
//! larger than [`contract::INLINE_ARRAY_MAX_BYTES`] (the runtime throws
//! NegativeArraySizeException / OutOfMemoryError and places large arrays).
//!
//! Invariants (shared with `runtime/src/gc/`):
//! - `ThreadState::alloc_bump` points to the thread's `{cursor, limit}` pair (MMTk's
//!   `BumpPointer`, `repr(C)`), or is null; the runtime points it at an always-empty pair in
//!   stress mode so that every allocation reaches the runtime (and is counted).
//! - The buffer is zeroed; the fast path sets the object's valid-object bit (one bit per 8
//!   bytes in the table at `roast_vo_bits`), stores the klass word and, for arrays, the
//!   length. No safepoint lies between the bump and the header stores.
//! - Sizes are rounded up to 8 bytes exactly as `gc::size_for` computes them.

use super::method::MethodCx;
use crate::contract::{self, rt, symbols, thread_offset};
use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
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
        let ctx = self.l.ctx;
        let slow = ctx.append_basic_block(self.func, "alloc.slow");
        let done = ctx.append_basic_block(self.func, "alloc.done");
        let size = ctx.i64_type().const_int(size, false);
        let obj = self.bump_with_header(desc, size, slow);
        let fast_end = self.l.builder.get_insert_block().expect("block");
        self.l.builder.build_unconditional_branch(done).expect("br");
        self.l.builder.position_at_end(slow);
        let slow_obj = self
            .l
            .builder
            .build_call(slow_fn, &[desc.into()], "obj.slow")
            .expect("call")
            .try_as_basic_value()
            .basic()
            .expect("value");
        self.join_slow_path(obj, fast_end, slow_obj, done)
    }

    /// A new zeroed array of `len` (i32) elements of `elem_size` bytes with descriptor
    /// `desc`: inline when `0 <= len` and the array is at most
    /// [`contract::INLINE_ARRAY_MAX_BYTES`]; else, or when the buffer is exhausted,
    /// `roast_alloc_array` (which throws NegativeArraySizeException or OutOfMemoryError; a
    /// pending exception branches to the dispatch block).
    pub(super) fn alloc_array_inline(
        &mut self,
        desc: PointerValue<'ctx>,
        elem_size: u32,
        len: IntValue<'ctx>,
    ) -> BasicValueEnum<'ctx> {
        let slow_fn = self.l.runtime_fn(rt::ALLOC_ARRAY, |l| {
            l.ref_type()
                .fn_type(&[l.ptr().into(), l.ctx.i32_type().into()], false)
        });
        let ctx = self.l.ctx;
        let (i32t, i64t) = (ctx.i32_type(), ctx.i64_type());
        let sized = ctx.append_basic_block(self.func, "newarray.small");
        let slow = ctx.append_basic_block(self.func, "newarray.slow");
        let done = ctx.append_basic_block(self.func, "newarray.done");
        let max_len = (contract::INLINE_ARRAY_MAX_BYTES - contract::ARRAY_BASE_OFFSET) / elem_size;
        let b = &self.l.builder;
        // Unsigned: a negative length is a huge one and takes the slow path.
        let small = b
            .build_int_compare(
                IntPredicate::ULE,
                len,
                i32t.const_int(u64::from(max_len), false),
                "newarray.fits",
            )
            .expect("cmp");
        b.build_conditional_branch(small, sized, slow).expect("br");
        b.position_at_end(sized);
        let len64 = b.build_int_z_extend(len, i64t, "len64").expect("zext");
        let body = b
            .build_int_mul(len64, i64t.const_int(u64::from(elem_size), false), "body")
            .expect("mul");
        let raw = b
            .build_int_add(
                body,
                i64t.const_int(u64::from(contract::ARRAY_BASE_OFFSET) + 7, false),
                "raw",
            )
            .expect("add");
        let size = if elem_size.is_multiple_of(8) {
            b.build_int_sub(raw, i64t.const_int(7, false), "size")
                .expect("sub")
        } else {
            b.build_and(raw, i64t.const_int(!7u64, false), "size")
                .expect("and")
        };
        let obj = self.bump_with_header(desc, size, slow);
        let b = &self.l.builder;
        let len_ptr = unsafe {
            // SAFETY (of the generated code): the length lies inside the array's header.
            b.build_gep(
                ctx.i8_type(),
                obj,
                &[i64t.const_int(u64::from(contract::ARRAY_LENGTH_OFFSET), false)],
                "lenp",
            )
        }
        .expect("gep");
        b.build_store(len_ptr, len).expect("store");
        let fast_end = b.get_insert_block().expect("block");
        b.build_unconditional_branch(done).expect("br");
        b.position_at_end(slow);
        let slow_obj = b
            .build_call(slow_fn, &[desc.into(), len.into()], "arr.slow")
            .expect("call")
            .try_as_basic_value()
            .basic()
            .expect("value");
        self.join_slow_path(obj, fast_end, slow_obj, done)
    }

    /// After the slow path's call: dispatches a pending exception, then joins both paths
    /// in `done` (the builder ends there) and returns the object.
    fn join_slow_path(
        &mut self,
        fast_obj: PointerValue<'ctx>,
        fast_end: BasicBlock<'ctx>,
        slow_obj: BasicValueEnum<'ctx>,
        done: BasicBlock<'ctx>,
    ) -> BasicValueEnum<'ctx> {
        self.check_exception();
        let slow_end = self.l.builder.get_insert_block().expect("block");
        self.l.builder.build_unconditional_branch(done).expect("br");
        self.l.builder.position_at_end(done);
        let phi = self
            .l
            .builder
            .build_phi(self.l.ref_type(), "obj")
            .expect("phi");
        phi.add_incoming(&[(&fast_obj, fast_end), (&slow_obj, slow_end)]);
        phi.as_basic_value()
    }

    /// Bumps the thread's buffer by `size` bytes (i64, a multiple of 8), sets the new
    /// object's valid-object bit and klass word, and returns it; branches to `slow` when
    /// the thread has no buffer or it is exhausted. The builder ends in the fast path.
    fn bump_with_header(
        &mut self,
        desc: PointerValue<'ctx>,
        size: IntValue<'ctx>,
        slow: BasicBlock<'ctx>,
    ) -> PointerValue<'ctx> {
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
        let end = b.build_int_add(cursor, size, "end").expect("add");
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
        obj
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
