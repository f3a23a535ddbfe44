//! Null-check elimination: removes `null_check v` when `v` is known to be non-null.
//!
//! Known non-null: `this` of an instance method, results of `new`, `new_array`,
//! `multi_new_array`, string and class constants, caught exceptions (the first parameter of
//! an exceptional target), block parameters whose every incoming argument is one of these
//! (an optimistic fixpoint, so loops keep the fact), any value already null-checked at a
//! dominating point, and `v` in the only-predecessor successor of `branch.ne v, null` (taken)
//! or `branch.eq v, null` (not taken). A check that carries an exceptional edge only proves
//! its operand non-null on the normal path (the *post* node of its block, see
//! [`crate::ir::dom`]), never in its handler.
//!
//! Invariant: only `null_check` instructions are removed; blocks that lose their last
//! predecessor (dispatch blocks of removed checks) are dropped from the layout.

use crate::ir::dom::Dominators;
use crate::ir::entity::{Block, EntityRef, Inst, Value};
use crate::ir::function::{Function, ValueDef};
use crate::ir::inst::{Cond, Opcode, RefConst};
use crate::ir::types::Type;
use std::collections::{HashMap, HashSet};

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
    add_non_null_params(f, &mut known);
    known
}

/// Every incoming argument of each reference block parameter, by parameter.
fn param_args(f: &Function) -> HashMap<Value, Vec<Value>> {
    let mut args: HashMap<Value, Vec<Value>> = HashMap::new();
    for &b in &f.layout {
        for (call, exc) in f.edges(b) {
            let params = &f.blocks[call.block].params[usize::from(exc)..];
            for (&p, &a) in params.iter().zip(&call.args) {
                args.entry(p).or_default().push(a);
            }
        }
    }
    args.retain(|&p, _| f.ty(p) == Type::Ref);
    args
}

/// Adds the parameters all of whose arguments are known non-null: start by assuming all
/// are, then drop those with a possibly-null argument until nothing changes.
fn add_non_null_params(f: &Function, known: &mut HashSet<Value>) {
    let args = param_args(f);
    let mut assumed: HashSet<Value> = args.keys().copied().collect();
    loop {
        let dropped: Vec<Value> = assumed
            .iter()
            .copied()
            .filter(|p| {
                args[p]
                    .iter()
                    .any(|a| !known.contains(a) && !assumed.contains(a))
            })
            .collect();
        if dropped.is_empty() {
            break;
        }
        for p in dropped {
            assumed.remove(&p);
        }
    }
    known.extend(assumed);
}

/// Number of incoming edges of every block.
fn pred_counts(f: &Function) -> HashMap<Block, usize> {
    let mut counts = HashMap::new();
    for &b in &f.layout {
        for (call, _) in f.edges(b) {
            *counts.entry(call.block).or_insert(0) += 1;
        }
    }
    counts
}

/// The value a branch at the end of `node`'s block proves non-null in `child`: the
/// reference compared with null, when `child` is the block of the non-null outcome and has
/// no other predecessor.
fn branch_fact(
    f: &Function,
    preds: &HashMap<Block, usize>,
    node: usize,
    child: usize,
) -> Option<Value> {
    if !child.is_multiple_of(2) {
        return None;
    }
    let (block, target) = (Block::new(node / 2), Block::new(child / 2));
    let d = &f.insts[f.last_inst(block)?];
    let Opcode::Branch(cond) = d.op else {
        return None;
    };
    let outcome = match cond {
        Cond::Ne => 0,
        Cond::Eq => 1,
        _ => return None,
    };
    let is_null = |v: &Value| matches!(def_op(f, *v), Some(Opcode::Null));
    let v = match (d.args.first(), d.args.get(1)) {
        (Some(a), Some(n)) if is_null(n) && !is_null(a) => *a,
        (Some(n), Some(a)) if is_null(n) && !is_null(a) => *a,
        _ => return None,
    };
    let single = preds.get(&target) == Some(&1);
    (single && d.succs.get(outcome).map(|c| c.block) == Some(target)).then_some(v)
}

/// The operation defining `v`, if an instruction does.
fn def_op(f: &Function, v: Value) -> Option<&Opcode> {
    match f.values[v].def {
        ValueDef::Result(i) => Some(&f.insts[i].op),
        ValueDef::Param(..) => None,
    }
}

enum Step {
    Enter(usize, Option<Value>),
    Exit(Vec<Value>),
}

/// Walks the dominator tree with the set of values known non-null at each point.
fn redundant_checks(f: &Function, dom: &Dominators) -> HashSet<Inst> {
    let mut facts = known_non_null(f);
    let preds = pred_counts(f);
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
                    let fact = if is_post {
                        post_fact
                    } else {
                        branch_fact(f, &preds, node, c)
                    };
                    stack.push(Step::Enter(c, fact));
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
