//! Block merging: a block that ends in `jump B`, where `B` has no other predecessor, absorbs
//! `B` (its parameters become the jump's arguments). Cleans up the chains of single-edge
//! blocks left by splitting after throwing instructions once their checks are gone.
//!
//! Invariant: a block that still has an exceptional edge is never extended (its throwing
//! instruction must stay last before the terminator), and the entry is never absorbed.

use crate::ir::entity::{Block, EntityRef, Value};
use crate::ir::function::Function;
use crate::ir::inst::Opcode;
use std::collections::HashMap;

/// Runs the pass; true if a block was merged.
pub fn run(f: &mut Function) -> bool {
    let preds = pred_counts(f);
    let mut subst: HashMap<Value, Value> = HashMap::new();
    let mut absorbed = vec![false; f.blocks.len()];
    for a in f.layout.clone() {
        if absorbed[a.index()] {
            continue;
        }
        while let Some(b) = mergeable_successor(f, &preds, a) {
            absorb(f, a, b, &mut subst);
            absorbed[b.index()] = true;
        }
    }
    if subst.is_empty() && !absorbed.contains(&true) {
        return false;
    }
    f.layout.retain(|b| !absorbed[b.index()]);
    rewrite_uses(f, &subst);
    true
}

fn pred_counts(f: &Function) -> HashMap<Block, usize> {
    let mut counts = HashMap::new();
    for &b in &f.layout {
        for (call, _) in f.edges(b) {
            *counts.entry(call.block).or_insert(0) += 1;
        }
    }
    counts
}

/// The block `a` can absorb, if any.
fn mergeable_successor(f: &Function, preds: &HashMap<Block, usize>, a: Block) -> Option<Block> {
    let d = &f.insts[f.last_inst(a)?];
    let b = match (&d.op, d.succs.as_slice()) {
        (Opcode::Jump, [call]) => call.block,
        _ => return None,
    };
    let has_exc = f.blocks[a].insts.iter().any(|&i| f.insts[i].exc.is_some());
    let ok = b != a && Some(b) != f.entry && preds.get(&b) == Some(&1) && !has_exc;
    ok.then_some(b)
}

/// Moves `b`'s instructions into `a` in place of the jump; `b`'s parameters become aliases.
fn absorb(f: &mut Function, a: Block, b: Block, subst: &mut HashMap<Value, Value>) {
    let Some(jump) = f.blocks[a].insts.pop() else {
        return;
    };
    let args = f.insts[jump]
        .succs
        .first()
        .map(|c| c.args.clone())
        .unwrap_or_default();
    for (&p, &v) in f.blocks[b].params.iter().zip(&args) {
        subst.insert(p, v);
    }
    let moved = std::mem::take(&mut f.blocks[b].insts);
    f.blocks[a].insts.extend(moved);
}

fn resolve(subst: &HashMap<Value, Value>, mut v: Value) -> Value {
    while let Some(&next) = subst.get(&v) {
        v = next;
    }
    v
}

/// Replaces every use of an absorbed parameter by its argument.
fn rewrite_uses(f: &mut Function, subst: &HashMap<Value, Value>) {
    for b in f.layout.clone() {
        for i in f.blocks[b].insts.clone() {
            let d = &mut f.insts[i];
            for v in d.args.iter_mut() {
                *v = resolve(subst, *v);
            }
            for call in d.succs.iter_mut().chain(d.exc.iter_mut()) {
                for v in call.args.iter_mut() {
                    *v = resolve(subst, *v);
                }
            }
        }
    }
}
