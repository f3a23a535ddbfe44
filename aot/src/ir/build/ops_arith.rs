//! Arithmetic, bitwise operations, shifts, conversions and comparisons (JVMS §6.5 `iadd`..
//! `lxor`, `i2l`..`i2s`, `lcmp`, `fcmp<op>`, `dcmp<op>`; semantics in §2.8 and §2.11.3).
//!
//! Integer division and remainder get an explicit [`Opcode::DivZeroCheck`] on the divisor.

use super::{Builder, Result};
use crate::classfile::bytecode::{ArithOp, Op};
use crate::ir::inst::{BinOp, Opcode};
use crate::ir::types::{MemKind, Type};

/// Translates `op` if it belongs to this family.
pub(super) fn translate(b: &mut Builder<'_>, op: &Op) -> Result<bool> {
    match op {
        Op::Arith(kind, ArithOp::Neg) => {
            let ty = Type::of_kind(*kind);
            let v = b.pop(ty)?;
            b.emit_push(Opcode::Neg(ty), vec![v], ty)?;
        }
        Op::Arith(kind, aop) => binary(b, Type::of_kind(*kind), bin_op(*aop))?,
        Op::Convert(from, to) => {
            let (from, to) = (Type::of_kind(*from), Type::of_kind(*to));
            let v = b.pop(from)?;
            b.emit_push(Opcode::Convert(from, to), vec![v], to)?;
        }
        Op::Narrow(kind) => {
            let v = b.pop(Type::I32)?;
            b.emit_push(
                Opcode::Narrow(MemKind::of_array_kind(*kind)),
                vec![v],
                Type::I32,
            )?;
        }
        Op::Lcmp => compare(b, Type::I64, Opcode::Lcmp)?,
        Op::Fcmp {
            double,
            nan_greater,
        } => {
            let ty = if *double { Type::F64 } else { Type::F32 };
            compare(
                b,
                ty,
                Opcode::Fcmp {
                    ty,
                    nan_greater: *nan_greater,
                },
            )?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn bin_op(op: ArithOp) -> BinOp {
    match op {
        ArithOp::Add => BinOp::Add,
        ArithOp::Sub => BinOp::Sub,
        ArithOp::Mul => BinOp::Mul,
        ArithOp::Div => BinOp::Div,
        ArithOp::Rem => BinOp::Rem,
        ArithOp::Shl => BinOp::Shl,
        ArithOp::Shr => BinOp::Shr,
        ArithOp::Ushr => BinOp::Ushr,
        ArithOp::And => BinOp::And,
        ArithOp::Or => BinOp::Or,
        // `Neg` is handled before; `Xor` is the remaining case.
        ArithOp::Xor | ArithOp::Neg => BinOp::Xor,
    }
}

/// Two operands of `ty` (a shift count is `i32`); integer division checks the divisor.
fn binary(b: &mut Builder<'_>, ty: Type, op: BinOp) -> Result<()> {
    let bitwise = op.is_shift() || matches!(op, BinOp::And | BinOp::Or | BinOp::Xor);
    if bitwise && !ty.is_int() {
        return Err(b.fail(format!("{} on {ty}", op.name())));
    }
    let rhs = b.pop(if op.is_shift() { Type::I32 } else { ty })?;
    let lhs = b.pop(ty)?;
    if ty.is_int() && matches!(op, BinOp::Div | BinOp::Rem) {
        b.emit(Opcode::DivZeroCheck, vec![rhs])?;
    }
    b.emit_push(Opcode::Binary(op, ty), vec![lhs, rhs], ty)
}

/// `lcmp`, `fcmpl`, `fcmpg`, `dcmpl`, `dcmpg`: -1, 0 or 1.
fn compare(b: &mut Builder<'_>, ty: Type, op: Opcode) -> Result<()> {
    let rhs = b.pop(ty)?;
    let lhs = b.pop(ty)?;
    b.emit_push(op, vec![lhs, rhs], Type::I32)
}
