//! Method invocation (JVMS §6.5 `invokevirtual`, `invokespecial`, `invokestatic`,
//! `invokeinterface`, `invokedynamic`; §5.4.3.3–§5.4.3.6 for the references).
//!
//! Instance calls null-check the receiver with a separate instruction first; the call then
//! takes the receiver as its first operand.

use super::{type_of_field, Builder, Result};
use crate::classfile::bytecode::Op;
use crate::classfile::parse_method_descriptor;
use crate::ir::entity::Value;
use crate::ir::inst::{InvokeKind, MethodRef, Opcode};
use crate::ir::types::Type;

/// Translates `op` if it belongs to this family.
pub(super) fn translate(b: &mut Builder<'_>, op: &Op) -> Result<bool> {
    let (kind, index) = match op {
        Op::InvokeStatic(i) => (InvokeKind::Static, *i),
        Op::InvokeSpecial(i) => (InvokeKind::Special, *i),
        Op::InvokeVirtual(i) => (InvokeKind::Virtual, *i),
        Op::InvokeInterface(i, _) => (InvokeKind::Interface, *i),
        Op::InvokeDynamic(i) => return invoke_dynamic(b, *i).map(|_| true),
        _ => return Ok(false),
    };
    let m = b.cp().member_ref(index).map_err(|e| b.fail(e.message))?;
    let method = MethodRef {
        class: m.class.to_string(),
        name: m.name.to_string(),
        descriptor: m.descriptor.to_string(),
        interface: m.interface,
    };
    invoke(b, kind, method)?;
    Ok(true)
}

/// Pops the arguments of `descriptor` (last first); returns them in order and the result type.
fn pop_args(b: &mut Builder<'_>, descriptor: &str) -> Result<(Vec<Value>, Option<Type>)> {
    let desc = parse_method_descriptor(descriptor).map_err(|e| b.fail(e.message))?;
    let mut args = Vec::with_capacity(desc.params.len() + 1);
    for p in desc.params.iter().rev() {
        args.push(b.pop(type_of_field(p))?);
    }
    args.reverse();
    Ok((args, desc.ret.as_ref().map(type_of_field)))
}

fn invoke(b: &mut Builder<'_>, kind: InvokeKind, method: MethodRef) -> Result<()> {
    let (mut args, ret) = pop_args(b, &method.descriptor)?;
    if kind != InvokeKind::Static {
        let receiver = b.pop(Type::Ref)?;
        b.null_check(receiver)?;
        args.insert(0, receiver);
    }
    push_call(b, Opcode::Invoke(kind, method), args, ret)
}

fn invoke_dynamic(b: &mut Builder<'_>, index: u16) -> Result<()> {
    let cp = b.cp();
    let (bootstrap, name, descriptor) = cp.invoke_dynamic(index).map_err(|e| b.fail(e.message))?;
    let bootstrap_method = bootstrap_method(b, bootstrap)?;
    let (args, ret) = pop_args(b, descriptor)?;
    let op = Opcode::InvokeDynamic {
        index,
        bootstrap,
        bootstrap_method,
        name: name.to_string(),
        descriptor: descriptor.to_string(),
    };
    push_call(b, op, args, ret)
}

/// The method handle of `BootstrapMethods[index]` (JVMS §4.7.23).
fn bootstrap_method(b: &Builder<'_>, index: u16) -> Result<MethodRef> {
    let entry = b.class.bootstrap_methods.get(usize::from(index));
    let entry = entry.ok_or_else(|| b.fail(format!("no bootstrap method {index}")))?;
    let (_, m) = b
        .cp()
        .method_handle(entry.method_handle)
        .map_err(|e| b.fail(e.message))?;
    Ok(MethodRef {
        class: m.class.to_string(),
        name: m.name.to_string(),
        descriptor: m.descriptor.to_string(),
        interface: m.interface,
    })
}

fn push_call(b: &mut Builder<'_>, op: Opcode, args: Vec<Value>, ret: Option<Type>) -> Result<()> {
    match ret {
        Some(ty) => b.emit_push(op, args, ty),
        None => b.emit(op, args),
    }
}
