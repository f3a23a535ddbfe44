//! The last step of building: drop unreachable blocks, remove phis that became trivial once
//! dead edges were dropped, reject reachable uses of undefined values, and materialize the
//! phi operands as edge arguments.
//!
//! Invariants afterwards: the layout holds exactly the blocks reachable from the entry;
//! every block parameter is a non-trivial phi (or the exception of an exceptional target);
//! no `Undef` remains.

use super::ssa::{Edge, EdgeSlot, Slot, Ssa};
use super::{Builder, Result};
use crate::ir::entity::{Block, EntityRef, Value};
use crate::ir::function::{Function, ValueDef};
use crate::ir::inst::Opcode;
use std::collections::HashMap;

/// Finishes the function of `b` (see the module documentation).
pub(super) fn finish(b: &mut Builder<'_>) -> Result<()> {
    let f = &mut b.f;
    let ssa = &mut b.ssa;
    let mut live = vec![false; f.blocks.len()];
    for blk in f.reverse_postorder() {
        live[blk.index()] = true;
    }
    f.layout.retain(|blk| live[blk.index()]);
    let preds = live_preds(f, ssa, &live);
    remove_trivial_phis(f, ssa);
    check_undefs(f, ssa, &preds)?;
    write_edges(f, ssa, &preds);
    resolve_args(f, ssa);
    Ok(())
}

/// The phis of a block (parameters with operands, in order).
fn phis(f: &Function, ssa: &Ssa, blk: Block) -> Vec<Value> {
    let params = &f.blocks[blk].params;
    let skip = usize::from(ssa.is_exc_target(blk));
    params
        .iter()
        .skip(skip)
        .copied()
        .filter(|&p| ssa.phi_operands(p).is_some())
        .collect()
}

/// The live incoming edges of every live block; phi operands of dead edges are dropped.
fn live_preds(f: &Function, ssa: &mut Ssa, live: &[bool]) -> HashMap<Block, Vec<Edge>> {
    let mut out = HashMap::new();
    for &blk in &f.layout {
        let all = ssa.preds(blk).to_vec();
        let keep: Vec<bool> = all.iter().map(|e| live[e.from.index()]).collect();
        if keep.contains(&false) {
            for p in phis(f, ssa, blk) {
                let ops = ssa.phi_operands(p).cloned().unwrap_or_default();
                let kept = ops
                    .into_iter()
                    .zip(&keep)
                    .filter(|(_, k)| **k)
                    .map(|(v, _)| v)
                    .collect();
                ssa.set_phi_operands(p, kept);
            }
        }
        let edges = all
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(e, _)| e)
            .collect();
        out.insert(blk, edges);
    }
    out
}

/// Aliases every phi whose operands are itself and one other value, to a fixpoint.
fn remove_trivial_phis(f: &Function, ssa: &mut Ssa) {
    loop {
        let mut changed = false;
        for &blk in &f.layout {
            for p in phis(f, ssa, blk) {
                if ssa.is_aliased(p) {
                    continue;
                }
                if let Some(same) = unique_operand(ssa, p) {
                    ssa.set_alias(p, same);
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

fn unique_operand(ssa: &Ssa, p: Value) -> Option<Value> {
    let mut same = None;
    for &op in ssa.phi_operands(p)? {
        let op = ssa.resolve(op);
        if op == p || Some(op) == same {
            continue;
        }
        if same.is_some() {
            return None;
        }
        same = Some(op);
    }
    same
}

/// A reachable use of an `Undef` is a read of a variable that is not assigned on every path.
fn check_undefs(f: &Function, ssa: &Ssa, preds: &HashMap<Block, Vec<Edge>>) -> Result<()> {
    let undef = |v: Value, pc: u32| -> Result<()> {
        let v = ssa.resolve(v);
        let pc = ssa.undef_pc(v).unwrap_or(pc);
        let Some(var) = ssa.undef_var(v) else {
            return Ok(());
        };
        let what = match var.slot {
            Slot::Local(n) => format!("local {n}"),
            Slot::Stack(n) => format!("stack slot {n}"),
        };
        Err((
            Some(pc),
            format!(
                "{what} ({}) is read before it is assigned on every path",
                var.ty
            ),
        ))
    };
    for &blk in &f.layout {
        for &i in &f.blocks[blk].insts {
            for &a in &f.insts[i].args {
                undef(a, f.insts[i].pc)?;
            }
        }
        for p in phis(f, ssa, blk)
            .into_iter()
            .filter(|&p| !ssa.is_aliased(p))
        {
            let ops = ssa.phi_operands(p).cloned().unwrap_or_default();
            for (op, e) in ops.into_iter().zip(&preds[&blk]) {
                undef(op, f.insts[e.inst].pc)?;
            }
        }
    }
    Ok(())
}

/// Keeps the live phis as parameters and writes their operands onto the incoming edges.
fn write_edges(f: &mut Function, ssa: &Ssa, preds: &HashMap<Block, Vec<Edge>>) {
    let layout = f.layout.clone();
    for blk in layout {
        let kept: Vec<Value> = phis(f, ssa, blk)
            .into_iter()
            .filter(|&p| !ssa.is_aliased(p))
            .collect();
        let params: Vec<Value> = f.blocks[blk]
            .params
            .iter()
            .copied()
            .filter(|&p| ssa.phi_operands(p).is_none() || kept.contains(&p))
            .collect();
        for (n, &p) in params.iter().enumerate() {
            f.values[p].def = ValueDef::Param(blk, u32::try_from(n).unwrap_or(u32::MAX));
        }
        f.blocks[blk].params = params;
        for (k, e) in preds[&blk].iter().enumerate() {
            let args = kept
                .iter()
                .map(|&p| {
                    ssa.resolve(
                        ssa.phi_operands(p)
                            .and_then(|o| o.get(k).copied())
                            .unwrap_or(p),
                    )
                })
                .collect();
            let data = &mut f.insts[e.inst];
            let call = match e.slot {
                EdgeSlot::Succ(n) => data.succs.get_mut(n),
                EdgeSlot::Exc => data.exc.as_mut(),
            };
            if let Some(call) = call {
                call.args = args;
            }
        }
    }
}

/// Replaces aliased operands and deletes the (now unused) `Undef`s.
fn resolve_args(f: &mut Function, ssa: &Ssa) {
    let layout = f.layout.clone();
    for blk in layout {
        let insts = f.blocks[blk].insts.clone();
        for &i in &insts {
            for a in &mut f.insts[i].args {
                *a = ssa.resolve(*a);
            }
        }
        let keep: Vec<_> = insts
            .into_iter()
            .filter(|&i| !matches!(f.insts[i].op, Opcode::Undef(_)))
            .collect();
        f.blocks[blk].insts = keep;
    }
}
