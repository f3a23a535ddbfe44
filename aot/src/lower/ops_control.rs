//! Control transfer (JVMS §6.5: if*, goto, tableswitch, lookupswitch, *return, athrow).

use super::method::MethodCx;
use crate::classfile::bytecode::{Cond, Instruction, Kind, Op};
use crate::contract::rt;
use inkwell::IntPredicate;

fn predicate(c: Cond) -> IntPredicate {
    match c {
        Cond::Eq => IntPredicate::EQ,
        Cond::Ne => IntPredicate::NE,
        Cond::Lt => IntPredicate::SLT,
        Cond::Ge => IntPredicate::SGE,
        Cond::Gt => IntPredicate::SGT,
        Cond::Le => IntPredicate::SLE,
    }
}

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    pub(super) fn lower_branch(&mut self, insn: &Instruction) {
        let next = insn.pc + insn.len;
        let (cond, target) = match insn.op {
            Op::Goto(t) => {
                if t <= insn.pc {
                    self.safepoint_poll();
                }
                let b = self.block_at(t);
                self.l.builder.build_unconditional_branch(b).expect("br");
                return;
            }
            Op::If(c, t) => {
                let v = self.pop_int();
                let z = v.get_type().const_zero();
                (
                    self.l
                        .builder
                        .build_int_compare(predicate(c), v, z, "if")
                        .expect("cmp"),
                    t,
                )
            }
            Op::IfICmp(c, t) => {
                let b = self.pop_int();
                let a = self.pop_int();
                (
                    self.l
                        .builder
                        .build_int_compare(predicate(c), a, b, "icmp")
                        .expect("cmp"),
                    t,
                )
            }
            Op::IfACmp(eq, t) => {
                let b = self.pop_ref();
                let a = self.pop_ref();
                let p = if eq {
                    IntPredicate::EQ
                } else {
                    IntPredicate::NE
                };
                (
                    self.l
                        .builder
                        .build_int_compare(p, a, b, "acmp")
                        .expect("cmp"),
                    t,
                )
            }
            Op::IfNull(t) | Op::IfNonNull(t) => {
                let a = self.pop_ref();
                let c = if matches!(insn.op, Op::IfNull(_)) {
                    self.l.builder.build_is_null(a, "null")
                } else {
                    self.l.builder.build_is_not_null(a, "nonnull")
                };
                (c.expect("cmp"), t)
            }
            _ => unreachable!("not a branch"),
        };
        if target <= insn.pc {
            self.safepoint_poll();
        }
        let (t, f) = (self.block_at(target), self.block_at(next));
        self.l
            .builder
            .build_conditional_branch(cond, t, f)
            .expect("br");
    }

    pub(super) fn lower_switch(&mut self, op: &Op) {
        let key = self.pop_int();
        let i32t = self.l.ctx.i32_type();
        let (default, cases): (u32, Vec<(i32, u32)>) = match op {
            Op::TableSwitch {
                default,
                low,
                targets,
            } => (
                *default,
                targets
                    .iter()
                    .enumerate()
                    .map(|(i, &t)| (low.wrapping_add(i as i32), t))
                    .collect(),
            ),
            Op::LookupSwitch { default, pairs } => (*default, pairs.clone()),
            _ => unreachable!("not a switch"),
        };
        let d = self.block_at(default);
        let cases: Vec<_> = cases
            .into_iter()
            .map(|(k, t)| (i32t.const_int(k as i64 as u64, true), self.block_at(t)))
            .collect();
        self.l.builder.build_switch(key, d, &cases).expect("switch");
    }

    pub(super) fn lower_return(&mut self) {
        let v = self.ret.map(|_| self.pop().0);
        // `boolean` results are normalized to 0/1 (JVMS §6.5.ireturn).
        let v = match (v, self.bool_return()) {
            (Some(v), true) => {
                let b = &self.l.builder;
                Some(
                    b.build_and(
                        v.into_int_value(),
                        v.into_int_value().get_type().const_int(1, false),
                        "z",
                    )
                    .expect("and")
                    .into(),
                )
            }
            (v, _) => v,
        };
        self.build_return(v);
    }

    fn bool_return(&self) -> bool {
        self.ret == Some(Kind::Int) && self.l.program.method(self.m).descriptor.ends_with(")Z")
    }

    pub(super) fn lower_athrow(&mut self) {
        let exc = self.pop_ref();
        let is_null = self.l.builder.build_is_null(exc, "null").expect("cmp");
        let npe = self.l.npe_fn();
        let msg = self.npe_message_arg();
        let throw_npe = self.throw_block(npe, &[msg.into()]);
        let ok = self.l.ctx.append_basic_block(self.func, "throw");
        self.l
            .builder
            .build_conditional_branch(is_null, throw_npe, ok)
            .expect("br");
        self.l.builder.position_at_end(ok);
        let raw = self
            .l
            .builder
            .build_address_space_cast(exc, self.l.ptr(), "raw")
            .expect("cast");
        self.l
            .builder
            .build_store(self.l.tls(), raw)
            .expect("store");
        self.set_frame_pc();
        self.branch_to_dispatch();
    }
}

impl<'ctx> super::Lowerer<'ctx, '_> {
    /// `roast_throw_npe(ptr message)`.
    pub fn npe_fn(&mut self) -> inkwell::values::FunctionValue<'ctx> {
        self.runtime_fn(rt::THROW_NPE, |l| {
            l.ctx.void_type().fn_type(&[l.ptr().into()], false)
        })
    }

    /// `roast_instance_of(ref, ptr) -> i32`.
    pub fn instance_of_fn(&mut self) -> inkwell::values::FunctionValue<'ctx> {
        self.runtime_fn(rt::INSTANCE_OF, |l| {
            l.ctx
                .i32_type()
                .fn_type(&[l.ref_type().into(), l.ptr().into()], false)
        })
    }
}
