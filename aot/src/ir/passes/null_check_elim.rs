//! Null-check elimination: removes `null_check v` when `v` is known to be non-null.
//!
//! Known non-null: `this` of an instance method, results of `new`, `new_array`,
//! `multi_new_array`, string and class constants, caught exceptions (the first parameter of
//! an exceptional target), and any value already null-checked at a dominating point. A
//! check that carries an exceptional edge only proves its operand non-null on the normal
//! path (the *post* node of its block, see [`crate::ir::dom`]), never in its handler.
//!
//! Invariant: only `null_check` instructions are removed; blocks that lose their last
//! predecessor (dispatch blocks of removed checks) are dropped from the layout.

use crate::ir::dom::Dominators;
use crate::ir::entity::{Block, EntityRef, Inst, Value};
use crate::ir::function::Function;
use crate::ir::inst::{Opcode, RefConst};
use std::collections::HashSet;

/// Runs the pass; true if a check was removed.
pub fn run(f: &mut Function) -> bool {
    let dom = Dominators::compute(f);
    let removed = redundant_checks(f, &dom);
    if removed.is_empty() {
        return false;
    }
    for &b in &f.layout {
        f.blocks[b].insts.retain(|i| !removed.contains(i));
    }
    f.remove_unreachable_blocks();
    true
}

/// Values non-null by construction.
fn known_non_null(f: &Function) -> HashSet<Value> {
    let mut known = HashSet::new();
    if let (false, Some(entry)) = (f.is_static, f.entry) {
        known.extend(f.blocks[entry].params.first().copied());
    }
    for &b in &f.layout {
        for &i in &f.blocks[b].insts {
            let d = &f.insts[i];
            if let Some(c) = &d.exc {
                known.extend(f.blocks[c.block].params.first().copied());
            }
            let fresh = matches!(
                d.op,
                Opcode::New(_)
                    | Opcode::NewArray(_)
                    | Opcode::MultiNewArray(_)
                    | Opcode::Const(RefConst::String(_) | RefConst::Class(_))
            );
            if fresh {
                known.extend(d.result);
            }
        }
    }
    known
}

enum Step {
    Enter(usize, Option<Value>),
    Exit(Vec<Value>),
}

/// Walks the dominator tree with the set of values known non-null at each point.
fn redundant_checks(f: &Function, dom: &Dominators) -> HashSet<Inst> {
    let mut facts = known_non_null(f);
    let mut removed = HashSet::new();
    let mut stack = vec![Step::Enter(dom.entry(), None)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(added) => {
                for v in added {
                    facts.remove(&v);
                }
            }
            Step::Enter(node, extra) => {
                let mut added = Vec::new();
                if let Some(v) = extra.filter(|&v| facts.insert(v)) {
                    added.push(v);
                }
                let post_fact = scan_node(f, dom, node, &mut facts, &mut added, &mut removed);
                stack.push(Step::Exit(added));
                for &c in dom.children(node).iter().rev() {
                    let is_post = node % 2 == 0 && c == node + 1;
                    stack.push(Step::Enter(c, if is_post { post_fact } else { None }));
                }
            }
        }
    }
    removed
}

/// Processes the instructions of one node; returns the operand of a check with an
/// exceptional edge (known non-null only in the post node).
fn scan_node(
    f: &Function,
    dom: &Dominators,
    node: usize,
    facts: &mut HashSet<Value>,
    added: &mut Vec<Value>,
    removed: &mut HashSet<Inst>,
) -> Option<Value> {
    let block = Block::new(node / 2);
    let insts = &f.blocks[block].insts;
    let split = dom.split(block);
    let range = match (node % 2, split) {
        (0, Some(k)) => 0..k + 1,
        (0, None) => 0..insts.len(),
        (_, Some(k)) => k + 1..insts.len(),
        (_, None) => 0..0,
    };
    let mut post_fact = None;
    for j in range {
        let i = insts[j];
        let d = &f.insts[i];
        let Some(&v) = d.args.first().filter(|_| d.op == Opcode::NullCheck) else {
            continue;
        };
        if facts.contains(&v) {
            removed.insert(i);
        } else if split == Some(j) {
            post_fact = Some(v);
        } else {
            facts.insert(v);
            added.push(v);
        }
    }
    post_fact
}
