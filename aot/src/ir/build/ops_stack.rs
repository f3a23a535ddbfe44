//! Constants, local variables and operand-stack manipulation (JVMS §6.5 `nop`, `aconst_null`,
//! `xconst_n`, `bipush`, `sipush`, `ldc*`, `xload`, `xstore`, `iinc`, `pop*`, `dup*`, `swap`).
//!
//! Loads and stores of locals produce no instruction: they read and write builder variables.

use super::{Builder, Result};
use crate::classfile::bytecode::Op;
use crate::classfile::constant_pool::Loadable;
use crate::ir::inst::{BinOp, MethodRef, Opcode, RefConst};
use crate::ir::types::Type;

/// Translates `op` if it belongs to this family.
pub(super) fn translate(b: &mut Builder<'_>, op: &Op) -> Result<bool> {
    match op {
        Op::Nop => {}
        Op::AconstNull => b.emit_push(Opcode::Null, Vec::new(), Type::Ref)?,
        Op::Iconst(c) => b.emit_push(Opcode::Iconst(*c), Vec::new(), Type::I32)?,
        Op::Lconst(c) => b.emit_push(Opcode::Lconst(*c), Vec::new(), Type::I64)?,
        Op::Fconst(c) => b.emit_push(Opcode::Fconst(c.to_bits()), Vec::new(), Type::F32)?,
        Op::Dconst(c) => b.emit_push(Opcode::Dconst(c.to_bits()), Vec::new(), Type::F64)?,
        Op::Ldc(index) => ldc(b, *index)?,
        Op::Load(kind, n) => {
            let v = b.local(*n, Type::of_kind(*kind))?;
            b.push(v);
        }
        Op::Store(kind, n) => {
            let v = b.pop(Type::of_kind(*kind))?;
            b.set_local(*n, v)?;
        }
        Op::Iinc(n, delta) => iinc(b, *n, *delta)?,
        _ => return stack_op(b, op),
    }
    Ok(true)
}

/// `ldc`, `ldc_w`, `ldc2_w` (JVMS §6.5, §5.4.3.5 for the resolvable kinds).
fn ldc(b: &mut Builder<'_>, index: u16) -> Result<()> {
    let constant = b.cp().loadable(index).map_err(|e| b.fail(e.message))?;
    let (op, ty) = match constant {
        Loadable::Int(v) => (Opcode::Iconst(v), Type::I32),
        Loadable::Float(v) => (Opcode::Fconst(v.to_bits()), Type::F32),
        Loadable::Long(v) => (Opcode::Lconst(v), Type::I64),
        Loadable::Double(v) => (Opcode::Dconst(v.to_bits()), Type::F64),
        Loadable::String(s) => (Opcode::Const(RefConst::String(s.to_vec())), Type::Ref),
        Loadable::Class(c) => (Opcode::Const(RefConst::Class(c.to_string())), Type::Ref),
        Loadable::MethodType(d) => (
            Opcode::Const(RefConst::MethodType(d.to_string())),
            Type::Ref,
        ),
        Loadable::MethodHandle { kind, member } => {
            let m = MethodRef {
                class: member.class.to_string(),
                name: member.name.to_string(),
                descriptor: member.descriptor.to_string(),
                interface: member.interface,
            };
            (Opcode::Const(RefConst::MethodHandle(kind, m)), Type::Ref)
        }
        Loadable::Dynamic {
            bootstrap,
            name,
            descriptor,
        } => {
            let c = RefConst::Dynamic(bootstrap, name.to_string(), descriptor.to_string());
            (Opcode::Const(c), Type::of_descriptor(descriptor))
        }
    };
    b.emit_push(op, Vec::new(), ty)
}

/// `iinc`: local `n` += `delta`.
fn iinc(b: &mut Builder<'_>, n: u16, delta: i32) -> Result<()> {
    let v = b.local(n, Type::I32)?;
    let c = b.iconst(delta)?;
    let sum = b.emit_value(Opcode::Binary(BinOp::Add, Type::I32), vec![v, c], Type::I32)?;
    b.set_local(n, sum)
}

/// Pops entries totalling `words` stack words (long and double count 2), bottom first.
fn pop_words(b: &mut Builder<'_>, words: usize) -> Result<Vec<crate::ir::entity::Value>> {
    let mut taken = Vec::new();
    let mut n = 0;
    while n < words {
        let (v, ty) = b.pop_any()?;
        n += if ty.is_wide() { 2 } else { 1 };
        taken.push(v);
    }
    if n != words {
        return Err(b.fail("stack manipulation splits a long or double"));
    }
    taken.reverse();
    Ok(taken)
}

/// Drops entries totalling `words` stack words without reading them, so that a popped
/// value never creates a phi.
fn discard_words(b: &mut Builder<'_>, words: usize) -> Result<()> {
    let mut n = 0;
    while n < words {
        let ty = b
            .stack
            .pop()
            .ok_or_else(|| b.fail("operand stack underflow"))?;
        n += if ty.is_wide() { 2 } else { 1 };
    }
    if n != words {
        return Err(b.fail("stack manipulation splits a long or double"));
    }
    Ok(())
}

/// `pop`, `pop2`, `dup*`, `swap`: values are moved, never copied into new instructions.
fn stack_op(b: &mut Builder<'_>, op: &Op) -> Result<bool> {
    let (top, below) = match op {
        Op::Pop => return discard_words(b, 1).map(|_| true),
        Op::Pop2 => return discard_words(b, 2).map(|_| true),
        Op::Swap => (1, 1),
        Op::Dup => (1, 0),
        Op::DupX1 => (1, 1),
        Op::DupX2 => (1, 2),
        Op::Dup2 => (2, 0),
        Op::Dup2X1 => (2, 1),
        Op::Dup2X2 => (2, 2),
        _ => return Ok(false),
    };
    let upper = pop_words(b, top)?;
    let lower = pop_words(b, below)?;
    if matches!(op, Op::Swap) {
        for v in upper.iter().chain(&lower) {
            b.push(*v);
        }
        return Ok(true);
    }
    for v in upper.iter().chain(&lower).chain(&upper) {
        b.push(*v);
    }
    Ok(true)
}
