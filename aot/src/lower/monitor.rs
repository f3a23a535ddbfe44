//! The inline thin-lock fast paths of `monitorenter`/`monitorexit` and of synchronized
//! methods: compare-and-swap on the object's lock word (`contract::lock_word`), calling
//! `roast_monitor_enter`/`roast_monitor_exit` for every other case.
//!
//! Invariants (shared with `runtime/src/monitor.rs`, which owns the protocol):
//! - Enter: `cmpxchg(word, 0, thin(self, 1))` with acquire ordering takes a free lock; when
//!   the word is already thin(self, n) with n below the maximum, `cmpxchg(word, w, w + 1
//!   level)` adds a level. Exit: `cmpxchg(word, thin(self, 1), 0)` with release ordering
//!   frees it; thin(self, n > 1) loses one level by CAS. Any failure, or a thread id outside
//!   `1..=MAX_THIN_OWNER` (0: not assigned yet), takes the runtime call.
//! - The fast paths contain no call and no safepoint; the frame's pc is stored only before
//!   the runtime call (for stack traces of exceptions it throws).

use super::method::MethodCx;
use crate::contract::lock_word::{self, COUNT_MASK, COUNT_ONE, MAX_THIN_OWNER, OWNER_SHIFT};
use crate::contract::{rt, thread_offset, LOCK_WORD_OFFSET};
use inkwell::values::{IntValue, PointerValue};
use inkwell::{AtomicOrdering, IntPredicate};

/// Which monitor operation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MonitorOp {
    /// monitorenter (or entry of a synchronized method).
    Enter,
    /// monitorexit (or completion of a synchronized method).
    Exit,
}

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    /// Enters or exits the monitor of non-null `obj`; with `check`, an exception left by the
    /// runtime call (IllegalMonitorStateException) branches to the dispatch block.
    pub fn monitor_inline(&mut self, op: MonitorOp, obj: PointerValue<'ctx>, check: bool) {
        let ctx = self.l.ctx;
        let (i8t, i32t, i64t) = (ctx.i8_type(), ctx.i32_type(), ctx.i64_type());
        let fast = ctx.append_basic_block(self.func, "mon.fast");
        let again = ctx.append_basic_block(self.func, "mon.recursive");
        let step = ctx.append_basic_block(self.func, "mon.step");
        let slow = ctx.append_basic_block(self.func, "mon.slow");
        let done = ctx.append_basic_block(self.func, "mon.done");
        let b = &self.l.builder;

        // The thread id, and whether it can own a thin lock.
        let id_slot = unsafe {
            // SAFETY (of the generated code): `thread_id` is a field of `ThreadState`.
            b.build_gep(
                i8t,
                self.l.tls(),
                &[i64t.const_int(u64::from(thread_offset::THREAD_ID), false)],
                "tid.p",
            )
        }
        .expect("gep");
        let tid = b
            .build_load(i64t, id_slot, "tid")
            .expect("load")
            .into_int_value();
        let tid_minus_one = b
            .build_int_sub(tid, i64t.const_int(1, false), "tid1")
            .expect("sub");
        let fits = b
            .build_int_compare(
                IntPredicate::ULT,
                tid_minus_one,
                i64t.const_int(u64::from(MAX_THIN_OWNER), false),
                "tid.fits",
            )
            .expect("cmp");
        b.build_conditional_branch(fits, fast, slow).expect("br");

        // fast: one CAS between the free word and thin(self, 1).
        b.position_at_end(fast);
        let word = unsafe {
            // SAFETY (of the generated code): the lock word is inside every object's header.
            b.build_gep(
                i8t,
                obj,
                &[i64t.const_int(u64::from(LOCK_WORD_OFFSET), false)],
                "lockword",
            )
        }
        .expect("gep");
        let tid32 = b.build_int_truncate(tid, i32t, "tid32").expect("trunc");
        let owner_bits = b
            .build_or(
                b.build_left_shift(tid32, i32t.const_int(u64::from(OWNER_SHIFT), false), "own")
                    .expect("shl"),
                i32t.const_int(u64::from(lock_word::THIN), false),
                "own.thin",
            )
            .expect("or");
        let once = b
            .build_or(
                owner_bits,
                i32t.const_int(u64::from(COUNT_ONE), false),
                "thin1",
            )
            .expect("or");
        let zero = i32t.const_zero();
        let (expected, new, ordering) = match op {
            MonitorOp::Enter => (zero, once, AtomicOrdering::Acquire),
            MonitorOp::Exit => (once, zero, AtomicOrdering::Release),
        };
        let first = b
            .build_cmpxchg(word, expected, new, ordering, AtomicOrdering::Monotonic)
            .expect("cmpxchg");
        let first_ok = b
            .build_extract_value(first, 1, "cas.ok")
            .expect("extract")
            .into_int_value();
        b.build_conditional_branch(first_ok, done, again)
            .expect("br");

        // again: thin(self, n) -> n + 1 (enter, n below the maximum) or n - 1 (exit, n > 1).
        b.position_at_end(again);
        let old = b
            .build_extract_value(first, 0, "cas.old")
            .expect("extract")
            .into_int_value();
        let old_owner = b
            .build_and(
                old,
                i32t.const_int(u64::from(!COUNT_MASK), false),
                "old.own",
            )
            .expect("and");
        let mine = b
            .build_int_compare(IntPredicate::EQ, old_owner, owner_bits, "mine")
            .expect("cmp");
        let can_step: IntValue = match op {
            MonitorOp::Enter => {
                let levels = b
                    .build_and(old, i32t.const_int(u64::from(COUNT_MASK), false), "levels")
                    .expect("and");
                let room = b
                    .build_int_compare(
                        IntPredicate::NE,
                        levels,
                        i32t.const_int(u64::from(COUNT_MASK), false),
                        "room",
                    )
                    .expect("cmp");
                b.build_and(mine, room, "can").expect("and")
            }
            // The CAS above failed, so a thin(self, n) word has n > 1.
            MonitorOp::Exit => mine,
        };
        b.build_conditional_branch(can_step, step, slow)
            .expect("br");

        b.position_at_end(step);
        let one = i32t.const_int(u64::from(COUNT_ONE), false);
        let stepped = match op {
            MonitorOp::Enter => b.build_int_add(old, one, "level.up"),
            MonitorOp::Exit => b.build_int_sub(old, one, "level.down"),
        }
        .expect("step");
        let second = b
            .build_cmpxchg(
                word,
                old,
                stepped,
                AtomicOrdering::Monotonic,
                AtomicOrdering::Monotonic,
            )
            .expect("cmpxchg");
        let second_ok = b
            .build_extract_value(second, 1, "cas2.ok")
            .expect("extract")
            .into_int_value();
        b.build_conditional_branch(second_ok, done, slow)
            .expect("br");

        // slow: the runtime handles every state.
        self.l.builder.position_at_end(slow);
        let name = match op {
            MonitorOp::Enter => rt::MONITOR_ENTER,
            MonitorOp::Exit => rt::MONITOR_EXIT,
        };
        self.monitor_call(name, obj);
        if check {
            self.check_exception();
        }
        self.l.builder.build_unconditional_branch(done).expect("br");
        self.l.builder.position_at_end(done);
    }
}
