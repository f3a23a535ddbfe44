//! Fields, objects, arrays, type checks and monitors (JVMS §6.5 `getstatic`, `putstatic`,
//! `getfield`, `putfield`, `new`, `newarray`, `anewarray`, `multianewarray`, `arraylength`,
//! `<t>aload`, `<t>astore`, `checkcast`, `instanceof`, `monitorenter`, `monitorexit`).
//!
//! Implicit checks become explicit instructions before the access: a null check on the
//! object or array, a bounds check on array accesses, a store check on `aastore`.

use super::{Builder, Result};
use crate::classfile::bytecode::{ArrayKind, Op};
use crate::ir::inst::{FieldRef, Opcode};
use crate::ir::types::{MemKind, Type};

/// Translates `op` if it belongs to this family.
pub(super) fn translate(b: &mut Builder<'_>, op: &Op) -> Result<bool> {
    match op {
        Op::GetStatic(i) | Op::PutStatic(i) | Op::GetField(i) | Op::PutField(i) => {
            field(b, op, *i)?
        }
        Op::New(i) => {
            let class = class_name(b, *i)?;
            b.emit_push(Opcode::New(class), Vec::new(), Type::Ref)?;
        }
        Op::NewArray(kind, boolean) => new_array(b, primitive_descriptor(*kind, *boolean))?,
        Op::ANewArray(i) => {
            let class = class_name(b, *i)?;
            let desc = if class.starts_with('[') {
                class
            } else {
                format!("L{class};")
            };
            new_array(b, desc)?;
        }
        Op::MultiANewArray(i, dims) => multi_new_array(b, *i, *dims)?,
        Op::ArrayLength => {
            let a = b.pop(Type::Ref)?;
            b.null_check(a)?;
            b.emit_push(Opcode::ArrayLength, vec![a], Type::I32)?;
        }
        Op::ArrayLoad(kind) => array_load(b, MemKind::of_array_kind(*kind))?,
        Op::ArrayStore(kind) => array_store(b, MemKind::of_array_kind(*kind))?,
        Op::CheckCast(i) | Op::InstanceOf(i) => type_check(b, op, *i)?,
        Op::MonitorEnter | Op::MonitorExit => {
            let o = b.pop(Type::Ref)?;
            b.null_check(o)?;
            let op = if matches!(op, Op::MonitorEnter) {
                Opcode::MonitorEnter
            } else {
                Opcode::MonitorExit
            };
            b.emit(op, vec![o])?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn class_name(b: &Builder<'_>, index: u16) -> Result<String> {
    b.cp()
        .class_name(index)
        .map(str::to_string)
        .map_err(|e| b.fail(e.message))
}

/// Field access; instance fields null-check the object first.
fn field(b: &mut Builder<'_>, op: &Op, index: u16) -> Result<()> {
    let m = b.cp().member_ref(index).map_err(|e| b.fail(e.message))?;
    let fr = FieldRef {
        class: m.class.to_string(),
        name: m.name.to_string(),
        descriptor: m.descriptor.to_string(),
    };
    let ty = Type::of_descriptor(m.descriptor);
    match op {
        Op::GetStatic(_) => b.emit_push(Opcode::GetStatic(fr), Vec::new(), ty),
        Op::PutStatic(_) => {
            let v = b.pop(ty)?;
            b.emit(Opcode::PutStatic(fr), vec![v])
        }
        Op::GetField(_) => {
            let o = b.pop(Type::Ref)?;
            b.null_check(o)?;
            b.emit_push(Opcode::GetField(fr), vec![o], ty)
        }
        _ => {
            let v = b.pop(ty)?;
            let o = b.pop(Type::Ref)?;
            b.null_check(o)?;
            b.emit(Opcode::PutField(fr), vec![o, v])
        }
    }
}

fn primitive_descriptor(kind: ArrayKind, boolean: bool) -> String {
    let letter = match kind {
        ArrayKind::Byte if boolean => "Z",
        ArrayKind::Byte => "B",
        ArrayKind::Char => "C",
        ArrayKind::Short => "S",
        ArrayKind::Int => "I",
        ArrayKind::Long => "J",
        ArrayKind::Float => "F",
        ArrayKind::Double => "D",
        ArrayKind::Ref => "Ljava/lang/Object;",
    };
    letter.to_string()
}

/// `newarray`, `anewarray`: component descriptor, length from the stack.
fn new_array(b: &mut Builder<'_>, component: String) -> Result<()> {
    let len = b.pop(Type::I32)?;
    b.emit_push(Opcode::NewArray(component), vec![len], Type::Ref)
}

/// `multianewarray`: the class is the array type; `dims` counts from the stack.
fn multi_new_array(b: &mut Builder<'_>, index: u16, dims: u8) -> Result<()> {
    let desc = class_name(b, index)?;
    if desc.bytes().take_while(|&c| c == b'[').count() < usize::from(dims) {
        return Err(b.fail(format!("multianewarray of {desc} with {dims} dimensions")));
    }
    let mut counts = Vec::new();
    for _ in 0..dims {
        counts.push(b.pop(Type::I32)?);
    }
    counts.reverse();
    b.emit_push(Opcode::MultiNewArray(desc), counts, Type::Ref)
}

fn array_load(b: &mut Builder<'_>, kind: MemKind) -> Result<()> {
    let index = b.pop(Type::I32)?;
    let array = b.pop(Type::Ref)?;
    b.null_check(array)?;
    b.emit(Opcode::BoundsCheck, vec![array, index])?;
    b.emit_push(
        Opcode::ArrayLoad(kind),
        vec![array, index],
        kind.register_type(),
    )
}

fn array_store(b: &mut Builder<'_>, kind: MemKind) -> Result<()> {
    let value = b.pop(kind.register_type())?;
    let index = b.pop(Type::I32)?;
    let array = b.pop(Type::Ref)?;
    b.null_check(array)?;
    b.emit(Opcode::BoundsCheck, vec![array, index])?;
    if kind == MemKind::Ref {
        b.emit(Opcode::StoreCheck, vec![array, value])?;
    }
    b.emit(Opcode::ArrayStore(kind), vec![array, index, value])
}

fn type_check(b: &mut Builder<'_>, op: &Op, index: u16) -> Result<()> {
    let class = class_name(b, index)?;
    let v = b.pop(Type::Ref)?;
    match op {
        Op::CheckCast(_) => b.emit_push(Opcode::CheckCast(class), vec![v], Type::Ref),
        _ => b.emit_push(Opcode::InstanceOf(class), vec![v], Type::I32),
    }
}
