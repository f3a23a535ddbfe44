//! Arithmetic, conversions and comparisons (JVMS §6.5: iadd…dxor, i2l…i2s, lcmp, fcmp*,
//! iinc), with Java semantics: wrapping integer arithmetic, `/ by zero` checks, MIN / -1
//! defined, shift distances masked, saturating float-to-int conversion, NaN-aware compares.

use super::method::MethodCx;
use crate::classfile::bytecode::{ArithOp, ArrayKind, Kind, Op};
use crate::contract::rt;
use inkwell::values::{BasicValueEnum, FloatValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    pub(super) fn lower_arith(&mut self, op: &Op) {
        match op {
            Op::Arith(k, a) => self.arith(*k, *a),
            Op::Iinc(idx, delta) => {
                let p = self.local(*idx, Kind::Int);
                let b = &self.l.builder;
                let v = b
                    .build_load(self.l.ctx.i32_type(), p, "i")
                    .expect("load")
                    .into_int_value();
                let d = self.l.ctx.i32_type().const_int(*delta as i64 as u64, true);
                let r = b.build_int_add(v, d, "inc").expect("add");
                b.build_store(p, r).expect("store");
            }
            Op::Convert(from, to) => self.convert(*from, *to),
            Op::Narrow(k) => {
                let v = self.pop_int();
                let b = &self.l.builder;
                let r = match k {
                    ArrayKind::Byte => {
                        let t = b
                            .build_int_truncate(v, self.l.ctx.i8_type(), "t")
                            .expect("trunc");
                        b.build_int_s_extend(t, self.l.ctx.i32_type(), "i2b")
                            .expect("sext")
                    }
                    ArrayKind::Char => {
                        let t = b
                            .build_int_truncate(v, self.l.ctx.i16_type(), "t")
                            .expect("trunc");
                        b.build_int_z_extend(t, self.l.ctx.i32_type(), "i2c")
                            .expect("zext")
                    }
                    _ => {
                        let t = b
                            .build_int_truncate(v, self.l.ctx.i16_type(), "t")
                            .expect("trunc");
                        b.build_int_s_extend(t, self.l.ctx.i32_type(), "i2s")
                            .expect("sext")
                    }
                };
                self.push(r.into(), Kind::Int);
            }
            Op::Lcmp => {
                let b = self.pop().0.into_int_value();
                let a = self.pop().0.into_int_value();
                let r = self.three_way_int(a, b);
                self.push(r.into(), Kind::Int);
            }
            Op::Fcmp { nan_greater, .. } => {
                let b = self.pop().0.into_float_value();
                let a = self.pop().0.into_float_value();
                let r = self.three_way_float(a, b, *nan_greater);
                self.push(r.into(), Kind::Int);
            }
            _ => unreachable!("not an arithmetic op"),
        }
    }

    fn three_way_int(&self, a: IntValue<'ctx>, b: IntValue<'ctx>) -> IntValue<'ctx> {
        let bl = &self.l.builder;
        let i32t = self.l.ctx.i32_type();
        let gt = bl
            .build_int_compare(IntPredicate::SGT, a, b, "gt")
            .expect("cmp");
        let lt = bl
            .build_int_compare(IntPredicate::SLT, a, b, "lt")
            .expect("cmp");
        let gt = bl.build_int_z_extend(gt, i32t, "g").expect("zext");
        let lt = bl.build_int_z_extend(lt, i32t, "l").expect("zext");
        bl.build_int_sub(gt, lt, "cmp").expect("sub")
    }

    fn three_way_float(
        &self,
        a: FloatValue<'ctx>,
        b: FloatValue<'ctx>,
        nan_greater: bool,
    ) -> IntValue<'ctx> {
        let bl = &self.l.builder;
        let i32t = self.l.ctx.i32_type();
        // Unordered compares are true for NaN, which then decides the result.
        let (gt, lt) = if nan_greater {
            (
                bl.build_float_compare(FloatPredicate::UGT, a, b, "gt")
                    .expect("cmp"),
                bl.build_float_compare(FloatPredicate::OLT, a, b, "lt")
                    .expect("cmp"),
            )
        } else {
            (
                bl.build_float_compare(FloatPredicate::OGT, a, b, "gt")
                    .expect("cmp"),
                bl.build_float_compare(FloatPredicate::ULT, a, b, "lt")
                    .expect("cmp"),
            )
        };
        let gt = bl.build_int_z_extend(gt, i32t, "g").expect("zext");
        let lt = bl.build_int_z_extend(lt, i32t, "l").expect("zext");
        bl.build_int_sub(gt, lt, "cmp").expect("sub")
    }

    fn arith(&mut self, k: Kind, a: ArithOp) {
        if a == ArithOp::Neg {
            let (v, _) = self.pop();
            let b = &self.l.builder;
            let r: BasicValueEnum = match k {
                Kind::Float | Kind::Double => b
                    .build_float_neg(v.into_float_value(), "neg")
                    .expect("fneg")
                    .into(),
                _ => b
                    .build_int_neg(v.into_int_value(), "neg")
                    .expect("neg")
                    .into(),
            };
            self.push(r, k);
            return;
        }
        let (rhs, _) = self.pop();
        let (lhs, _) = self.pop();
        let r: BasicValueEnum = match k {
            Kind::Float | Kind::Double => self
                .float_op(a, lhs.into_float_value(), rhs.into_float_value())
                .into(),
            _ => self
                .int_op(k, a, lhs.into_int_value(), rhs.into_int_value())
                .into(),
        };
        self.push(r, k);
    }

    fn float_op(&self, a: ArithOp, x: FloatValue<'ctx>, y: FloatValue<'ctx>) -> FloatValue<'ctx> {
        let b = &self.l.builder;
        match a {
            ArithOp::Add => b.build_float_add(x, y, "fadd"),
            ArithOp::Sub => b.build_float_sub(x, y, "fsub"),
            ArithOp::Mul => b.build_float_mul(x, y, "fmul"),
            ArithOp::Div => b.build_float_div(x, y, "fdiv"),
            _ => b.build_float_rem(x, y, "frem"),
        }
        .expect("float op")
    }

    fn int_op(
        &mut self,
        k: Kind,
        a: ArithOp,
        x: IntValue<'ctx>,
        y: IntValue<'ctx>,
    ) -> IntValue<'ctx> {
        match a {
            ArithOp::Div | ArithOp::Rem => return self.int_div(a, x, y),
            ArithOp::Shl | ArithOp::Shr | ArithOp::Ushr => return self.shift(k, a, x, y),
            _ => {}
        }
        let b = &self.l.builder;
        match a {
            ArithOp::Add => b.build_int_add(x, y, "add"),
            ArithOp::Sub => b.build_int_sub(x, y, "sub"),
            ArithOp::Mul => b.build_int_mul(x, y, "mul"),
            ArithOp::And => b.build_and(x, y, "and"),
            ArithOp::Or => b.build_or(x, y, "or"),
            _ => b.build_xor(x, y, "xor"),
        }
        .expect("int op")
    }

    fn shift(&self, k: Kind, a: ArithOp, x: IntValue<'ctx>, y: IntValue<'ctx>) -> IntValue<'ctx> {
        let b = &self.l.builder;
        let ty = x.get_type();
        let mask = if k == Kind::Long { 63 } else { 31 };
        let y = if k == Kind::Long {
            b.build_int_z_extend(y, ty, "d").expect("zext")
        } else {
            y
        };
        let d = b
            .build_and(y, ty.const_int(mask, false), "dist")
            .expect("and");
        match a {
            ArithOp::Shl => b.build_left_shift(x, d, "shl"),
            ArithOp::Shr => b.build_right_shift(x, d, true, "shr"),
            _ => b.build_right_shift(x, d, false, "ushr"),
        }
        .expect("shift")
    }

    fn int_div(&mut self, a: ArithOp, x: IntValue<'ctx>, y: IntValue<'ctx>) -> IntValue<'ctx> {
        let ty = x.get_type();
        let zero = self
            .l
            .builder
            .build_int_compare(IntPredicate::EQ, y, ty.const_zero(), "z")
            .expect("cmp");
        let f = self.l.runtime_fn(rt::THROW_DIV_ZERO, |l| {
            l.ctx.void_type().fn_type(&[], false)
        });
        let throw = self.throw_block(f, &[]);
        let ok = self.l.ctx.append_basic_block(self.func, "divok");
        self.l
            .builder
            .build_conditional_branch(zero, throw, ok)
            .expect("br");
        self.l.builder.position_at_end(ok);
        let b = &self.l.builder;
        // x / -1 is computed as -x (MIN / -1 == MIN, MIN % -1 == 0); LLVM's sdiv would trap.
        let minus_one = b
            .build_int_compare(IntPredicate::EQ, y, ty.const_all_ones(), "m1")
            .expect("cmp");
        let safe = b
            .build_select(minus_one, ty.const_int(1, false), y, "d")
            .expect("select")
            .into_int_value();
        if a == ArithOp::Div {
            let q = b.build_int_signed_div(x, safe, "q").expect("div");
            let neg = b.build_int_neg(x, "negx").expect("neg");
            b.build_select(minus_one, neg, q, "div")
                .expect("select")
                .into_int_value()
        } else {
            let r = b.build_int_signed_rem(x, safe, "r").expect("rem");
            b.build_select(minus_one, ty.const_zero(), r, "rem")
                .expect("select")
                .into_int_value()
        }
    }

    fn convert(&mut self, from: Kind, to: Kind) {
        let (v, _) = self.pop();
        let ctx = self.l.ctx;
        let b = &self.l.builder;
        let r: BasicValueEnum = match (from, to) {
            (Kind::Int, Kind::Long) => b
                .build_int_s_extend(v.into_int_value(), ctx.i64_type(), "i2l")
                .expect("c")
                .into(),
            (Kind::Long, Kind::Int) => b
                .build_int_truncate(v.into_int_value(), ctx.i32_type(), "l2i")
                .expect("c")
                .into(),
            (Kind::Int | Kind::Long, Kind::Float) => b
                .build_signed_int_to_float(v.into_int_value(), ctx.f32_type(), "i2f")
                .expect("c")
                .into(),
            (Kind::Int | Kind::Long, Kind::Double) => b
                .build_signed_int_to_float(v.into_int_value(), ctx.f64_type(), "i2d")
                .expect("c")
                .into(),
            (Kind::Float, Kind::Double) => b
                .build_float_ext(v.into_float_value(), ctx.f64_type(), "f2d")
                .expect("c")
                .into(),
            (Kind::Double, Kind::Float) => b
                .build_float_trunc(v.into_float_value(), ctx.f32_type(), "d2f")
                .expect("c")
                .into(),
            (Kind::Float | Kind::Double, Kind::Int | Kind::Long) => {
                self.float_to_int(v.into_float_value(), to).into()
            }
            _ => v,
        };
        self.push(r, to);
    }

    /// Java's float-to-integer conversion: NaN is 0, out-of-range values saturate; exactly
    /// LLVM's `fptosi.sat`.
    fn float_to_int(&mut self, v: FloatValue<'ctx>, to: Kind) -> IntValue<'ctx> {
        let ctx = self.l.ctx;
        let (ity, bits) = if to == Kind::Long {
            (ctx.i64_type(), 64)
        } else {
            (ctx.i32_type(), 32)
        };
        let fbits = if v.get_type() == ctx.f64_type() {
            64
        } else {
            32
        };
        let name = format!("llvm.fptosi.sat.i{bits}.f{fbits}");
        let f = self.l.module.get_function(&name).unwrap_or_else(|| {
            self.l
                .module
                .add_function(&name, ity.fn_type(&[v.get_type().into()], false), None)
        });
        self.l
            .builder
            .build_call(f, &[v.into()], "f2i")
            .expect("call")
            .try_as_basic_value()
            .basic()
            .expect("value")
            .into_int_value()
    }
}
