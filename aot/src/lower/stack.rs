//! Operand-stack typing: the kind of every stack entry before every instruction, found by a
//! forward pass over the control-flow graph (the verifier guarantees that all paths agree).
//!
//! The lowering keeps each stack entry in a slot named by (depth, kind), so these kinds are
//! all it needs to know about the stack at block boundaries.

use crate::classfile::bytecode::{Instruction, Kind, Op};
use crate::classfile::constant_pool::Loadable;
use crate::classfile::{ConstantPool, ExceptionHandler};
use crate::lower::types::{is_wide, kind_of_letter, method_kinds};
use std::collections::HashMap;

/// Why the stack could not be typed (malformed or unsupported bytecode).
pub type StackError = String;

/// Stack kinds before each reachable instruction, by pc.
pub fn stack_types(
    insns: &[Instruction],
    handlers: &[ExceptionHandler],
    cp: &ConstantPool,
) -> Result<HashMap<u32, Vec<Kind>>, StackError> {
    let index: HashMap<u32, usize> = insns.iter().enumerate().map(|(i, x)| (x.pc, i)).collect();
    let mut states: HashMap<u32, Vec<Kind>> = HashMap::new();
    let mut work: Vec<(u32, Vec<Kind>)> = vec![(0, Vec::new())];
    for h in handlers {
        work.push((h.handler_pc as u32, vec![Kind::Ref]));
    }
    while let Some((pc, stack)) = work.pop() {
        let mut pc = pc;
        let mut stack = stack;
        loop {
            if let Some(old) = states.get(&pc) {
                if *old != stack {
                    return Err(format!("inconsistent operand stack at pc {pc}"));
                }
                break;
            }
            states.insert(pc, stack.clone());
            let &i = index
                .get(&pc)
                .ok_or_else(|| format!("no instruction at pc {pc}"))?;
            let insn = &insns[i];
            apply(&insn.op, cp, &mut stack).map_err(|e| format!("pc {pc}: {e}"))?;
            for t in branch_targets(&insn.op) {
                work.push((t, stack.clone()));
            }
            if !falls_through(&insn.op) {
                break;
            }
            pc = insn.pc + insn.len;
        }
    }
    Ok(states)
}

/// Explicit branch targets of an instruction.
pub fn branch_targets(op: &Op) -> Vec<u32> {
    match op {
        Op::If(_, t)
        | Op::IfICmp(_, t)
        | Op::IfACmp(_, t)
        | Op::IfNull(t)
        | Op::IfNonNull(t)
        | Op::Goto(t) => {
            vec![*t]
        }
        Op::TableSwitch {
            default, targets, ..
        } => {
            let mut v = targets.clone();
            v.push(*default);
            v
        }
        Op::LookupSwitch { default, pairs } => {
            let mut v: Vec<u32> = pairs.iter().map(|p| p.1).collect();
            v.push(*default);
            v
        }
        _ => vec![],
    }
}

/// Does control continue with the next instruction?
pub fn falls_through(op: &Op) -> bool {
    !matches!(
        op,
        Op::Goto(_)
            | Op::Return(_)
            | Op::AThrow
            | Op::TableSwitch { .. }
            | Op::LookupSwitch { .. }
            | Op::Jsr(_)
            | Op::Ret(_)
    )
}

fn pop(stack: &mut Vec<Kind>) -> Result<Kind, StackError> {
    stack
        .pop()
        .ok_or_else(|| "operand stack underflow".to_string())
}

/// Pops entries totalling `words` stack words.
pub fn pop_words(stack: &mut Vec<Kind>, words: usize) -> Result<Vec<Kind>, StackError> {
    let mut taken = Vec::new();
    let mut n = 0;
    while n < words {
        let k = pop(stack)?;
        n += if is_wide(k) { 2 } else { 1 };
        taken.push(k);
    }
    if n != words {
        return Err("stack manipulation splits a long or double".into());
    }
    taken.reverse();
    Ok(taken)
}

/// (words duplicated, words skipped) of the dup family.
pub fn dup_shape(op: &Op) -> Option<(usize, usize)> {
    Some(match op {
        Op::Dup => (1, 0),
        Op::DupX1 => (1, 1),
        Op::DupX2 => (1, 2),
        Op::Dup2 => (2, 0),
        Op::Dup2X1 => (2, 1),
        Op::Dup2X2 => (2, 2),
        _ => return None,
    })
}

/// Kind pushed by `ldc` of this constant.
pub fn ldc_kind(cp: &ConstantPool, idx: u16) -> Result<Kind, StackError> {
    Ok(match cp.loadable(idx).map_err(|e| e.to_string())? {
        Loadable::Int(_) => Kind::Int,
        Loadable::Float(_) => Kind::Float,
        Loadable::Long(_) => Kind::Long,
        Loadable::Double(_) => Kind::Double,
        Loadable::Dynamic { descriptor, .. } => {
            kind_of_letter(descriptor.as_bytes().first().copied().unwrap_or(b'L'))
        }
        _ => Kind::Ref,
    })
}

fn apply(op: &Op, cp: &ConstantPool, s: &mut Vec<Kind>) -> Result<(), StackError> {
    use Kind::*;
    match op {
        Op::Nop | Op::Goto(_) | Op::Iinc(..) | Op::Return(None) => {}
        Op::AconstNull => s.push(Ref),
        Op::Iconst(_) => s.push(Int),
        Op::Lconst(_) => s.push(Long),
        Op::Fconst(_) => s.push(Float),
        Op::Dconst(_) => s.push(Double),
        Op::Ldc(i) => s.push(ldc_kind(cp, *i)?),
        Op::Load(k, _) => s.push(*k),
        Op::Store(..)
        | Op::Pop
        | Op::If(..)
        | Op::IfNull(_)
        | Op::IfNonNull(_)
        | Op::Return(Some(_))
        | Op::AThrow => {
            pop(s)?;
        }
        Op::TableSwitch { .. } | Op::LookupSwitch { .. } | Op::MonitorEnter | Op::MonitorExit => {
            pop(s)?;
        }
        Op::ArrayLoad(k) => {
            pop(s)?;
            pop(s)?;
            s.push(kind_of_letter(crate::lower::types::array_letter(*k)));
        }
        Op::ArrayStore(_) => {
            pop(s)?;
            pop(s)?;
            pop(s)?;
        }
        Op::Pop2 => {
            pop_words(s, 2)?;
        }
        Op::Swap => {
            let a = pop(s)?;
            let b = pop(s)?;
            s.push(a);
            s.push(b);
        }
        Op::Arith(k, crate::classfile::bytecode::ArithOp::Neg) => {
            pop(s)?;
            s.push(*k);
        }
        Op::Arith(k, _) => {
            pop(s)?;
            pop(s)?;
            s.push(*k);
        }
        Op::Convert(_, to) => {
            pop(s)?;
            s.push(*to);
        }
        Op::Narrow(_) | Op::ArrayLength | Op::InstanceOf(_) => {
            pop(s)?;
            s.push(Int);
        }
        Op::Lcmp | Op::Fcmp { .. } => {
            pop(s)?;
            pop(s)?;
            s.push(Int);
        }
        Op::IfICmp(..) | Op::IfACmp(..) => {
            pop(s)?;
            pop(s)?;
        }
        Op::GetStatic(i) => s.push(field_kind(cp, *i)?),
        Op::PutStatic(_) => {
            pop(s)?;
        }
        Op::GetField(i) => {
            pop(s)?;
            s.push(field_kind(cp, *i)?);
        }
        Op::PutField(_) => {
            pop(s)?;
            pop(s)?;
        }
        Op::InvokeVirtual(i)
        | Op::InvokeSpecial(i)
        | Op::InvokeInterface(i, _)
        | Op::InvokeStatic(i) => {
            let r = cp.member_ref(*i).map_err(|e| e.to_string())?;
            let (params, ret) = method_kinds(r.descriptor);
            for _ in 0..params.len() {
                pop(s)?;
            }
            if !matches!(op, Op::InvokeStatic(_)) {
                pop(s)?;
            }
            s.extend(ret);
        }
        Op::InvokeDynamic(i) => {
            let (_, _, desc) = cp.invoke_dynamic(*i).map_err(|e| e.to_string())?;
            let (params, ret) = method_kinds(desc);
            for _ in 0..params.len() {
                pop(s)?;
            }
            s.extend(ret);
        }
        Op::New(_) => s.push(Ref),
        Op::NewArray(..) | Op::ANewArray(_) | Op::CheckCast(_) => {
            pop(s)?;
            s.push(Ref);
        }
        Op::MultiANewArray(_, dims) => {
            for _ in 0..*dims {
                pop(s)?;
            }
            s.push(Ref);
        }
        Op::Jsr(_) | Op::Ret(_) => {
            return Err("jsr/ret subroutines are not supported (class files before Java 7)".into())
        }
        Op::Dup | Op::DupX1 | Op::DupX2 | Op::Dup2 | Op::Dup2X1 | Op::Dup2X2 => {
            let (a, b) = dup_shape(op).unwrap_or((1, 0));
            let top = pop_words(s, a)?;
            let below = pop_words(s, b)?;
            s.extend(top.iter().copied());
            s.extend(below);
            s.extend(top);
        }
    }
    Ok(())
}

fn field_kind(cp: &ConstantPool, idx: u16) -> Result<Kind, StackError> {
    let r = cp.member_ref(idx).map_err(|e| e.to_string())?;
    Ok(kind_of_letter(
        r.descriptor.as_bytes().first().copied().unwrap_or(b'I'),
    ))
}
