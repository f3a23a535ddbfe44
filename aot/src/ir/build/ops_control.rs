//! Control transfer (JVMS §6.5 `if<cond>`, `if_icmp<cond>`, `if_acmp<cond>`, `ifnull`,
//! `ifnonnull`, `goto`, `tableswitch`, `lookupswitch`, `<t>return`, `athrow`).
//!
//! Every conditional branch becomes `branch.<cond> a, b` with both successors explicit
//! (comparisons with zero or null compare with a constant).

use super::{Builder, Result};
use crate::classfile::bytecode::Op;
use crate::ir::entity::{Block, Value};
use crate::ir::inst::{Cond, Opcode};
use crate::ir::types::Type;

/// Translates `op` if it belongs to this family.
pub(super) fn translate(b: &mut Builder<'_>, op: &Op) -> Result<bool> {
    match op {
        Op::If(c, t) => {
            let v = b.pop(Type::I32)?;
            let zero = b.iconst(0)?;
            branch(b, *c, v, zero, *t)?;
        }
        Op::IfICmp(c, t) => {
            let rhs = b.pop(Type::I32)?;
            let lhs = b.pop(Type::I32)?;
            branch(b, *c, lhs, rhs, *t)?;
        }
        Op::IfACmp(eq, t) => {
            let rhs = b.pop(Type::Ref)?;
            let lhs = b.pop(Type::Ref)?;
            branch(b, if *eq { Cond::Eq } else { Cond::Ne }, lhs, rhs, *t)?;
        }
        Op::IfNull(t) | Op::IfNonNull(t) => {
            let v = b.pop(Type::Ref)?;
            let null = b.emit_value(Opcode::Null, Vec::new(), Type::Ref)?;
            let c = if matches!(op, Op::IfNull(_)) {
                Cond::Eq
            } else {
                Cond::Ne
            };
            branch(b, c, v, null, *t)?;
        }
        Op::Goto(t) => {
            let target = b.leader_block(*t)?;
            b.term(Opcode::Jump, Vec::new(), &[target])?;
        }
        Op::TableSwitch {
            default,
            low,
            targets,
        } => {
            let keys = (0..targets.len())
                .map(|i| low.wrapping_add(i as i32))
                .collect();
            switch(b, keys, true, *default, targets)?;
        }
        Op::LookupSwitch { default, pairs } => {
            let keys = pairs.iter().map(|p| p.0).collect();
            let targets: Vec<u32> = pairs.iter().map(|p| p.1).collect();
            switch(b, keys, false, *default, &targets)?;
        }
        Op::Return(kind) => ret(b, kind.map(Type::of_kind))?,
        Op::AThrow => {
            let v = b.pop(Type::Ref)?;
            b.null_check(v)?;
            b.term(Opcode::Throw, vec![v], &[])?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `branch.cond lhs, rhs -> target, fallthrough`.
fn branch(b: &mut Builder<'_>, c: Cond, lhs: Value, rhs: Value, target: u32) -> Result<()> {
    let taken = b.leader_block(target)?;
    let next = b.leader_block(b.next_pc)?;
    b.term(Opcode::Branch(c), vec![lhs, rhs], &[taken, next])
}

fn switch(
    b: &mut Builder<'_>,
    keys: Vec<i32>,
    table: bool,
    default: u32,
    targets: &[u32],
) -> Result<()> {
    let key = b.pop(Type::I32)?;
    let mut succs: Vec<Block> = vec![b.leader_block(default)?];
    for &t in targets {
        succs.push(b.leader_block(t)?);
    }
    b.term(Opcode::Switch { keys, table }, vec![key], &succs)
}

/// `return` and `<t>return`: the kind must match the method's return type (JVMS §4.10.1.9).
fn ret(b: &mut Builder<'_>, ty: Option<Type>) -> Result<()> {
    if ty != b.f.ret {
        return Err(b.fail(format!(
            "return of {ty:?} in a method returning {:?}",
            b.f.ret
        )));
    }
    let args = match ty {
        Some(t) => vec![b.pop(t)?],
        None => Vec::new(),
    };
    b.term(Opcode::Return, args, &[])
}
