//! Null-check elimination: removes `null_check v` when `v` is non-null on every path.
//!
//! Non-null by construction: `this` of an instance method, results of `new`, `new_array`,
//! `multi_new_array`, string and class constants, and caught exceptions (the first parameter
//! of an exceptional target). Non-null on every path: a forward must-analysis over the CFG
//! (intersection at merges, optimistic start, so loops keep their facts) where a
//! `null_check v` makes `v` non-null after it, `branch.ne v, null` makes `v` non-null on the
//! taken edge (`branch.eq` on the other one), and a block parameter is non-null when its
//! argument is non-null on each incoming edge.
//!
//! Invariants: a check with an exceptional edge proves nothing on that edge (the handler
//! runs exactly when it failed); only `null_check` instructions are removed; blocks that lose
//! their last predecessor (dispatch blocks of removed checks) leave the layout.

use crate::ir::entity::{Block, Inst, Value};
use crate::ir::function::{Function, ValueDef};
use crate::ir::inst::{BlockCall, Cond, Opcode, RefConst};
use crate::ir::types::Type;
use std::collections::{HashMap, HashSet};

/// Runs the pass; true if a check was removed.
pub fn run(f: &mut Function) -> bool {
    let removed = redundant_checks(f);
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

/// A set of tracked values, as a bit set over their indices.
#[derive(Clone, PartialEq)]
struct Set(Vec<u64>);

impl Set {
    fn empty(n: usize) -> Set {
        Set(vec![0; n.div_ceil(64)])
    }

    fn full(n: usize) -> Set {
        Set(vec![u64::MAX; n.div_ceil(64)])
    }

    fn has(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn add(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn intersect(&mut self, other: &Set) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// An incoming edge: source block, whether it is exceptional, the call, a proven value.
struct InEdge<'a> {
    from: Block,
    exc: bool,
    call: &'a BlockCall,
    fact: Option<Value>,
}

/// The analysis state: tracked reference values and the facts at block boundaries.
struct Analysis<'a> {
    f: &'a Function,
    known: HashSet<Value>,
    index: HashMap<Value, usize>,
    incoming: HashMap<Block, Vec<InEdge<'a>>>,
    /// Facts at the end of each block, and where its exceptional edge leaves.
    out: HashMap<Block, (Set, Set)>,
}

impl<'a> Analysis<'a> {
    fn new(f: &'a Function) -> Self {
        let mut index = HashMap::new();
        for (v, data) in f.values.iter() {
            if data.ty == Type::Ref {
                let n = index.len();
                index.insert(v, n);
            }
        }
        let mut incoming: HashMap<Block, Vec<InEdge<'a>>> = HashMap::new();
        for &b in &f.layout {
            for &i in &f.blocks[b].insts {
                let d = &f.insts[i];
                for (n, call) in d.succs.iter().enumerate() {
                    let fact = branch_fact(f, b, n);
                    let e = InEdge {
                        from: b,
                        exc: false,
                        call,
                        fact,
                    };
                    incoming.entry(call.block).or_default().push(e);
                }
                if let Some(call) = &d.exc {
                    let e = InEdge {
                        from: b,
                        exc: true,
                        call,
                        fact: None,
                    };
                    incoming.entry(call.block).or_default().push(e);
                }
            }
        }
        Analysis {
            f,
            known: known_non_null(f),
            index,
            incoming,
            out: HashMap::new(),
        }
    }

    fn non_null(&self, v: Value, facts: &Set) -> bool {
        self.known.contains(&v) || self.index.get(&v).is_some_and(|&i| facts.has(i))
    }

    fn add(&self, v: Value, facts: &mut Set) {
        if let Some(&i) = self.index.get(&v) {
            facts.add(i);
        }
    }

    /// Facts at the start of `b`: the intersection over its incoming edges.
    fn entry_facts(&self, b: Block) -> Set {
        let n = self.index.len();
        if Some(b) == self.f.entry {
            return Set::empty(n);
        }
        let mut facts = Set::full(n);
        let params = &self.f.blocks[b].params;
        for e in self.incoming.get(&b).into_iter().flatten() {
            let Some((end, at_exc)) = self.out.get(&e.from) else {
                continue;
            };
            let mut along = if e.exc { at_exc.clone() } else { end.clone() };
            if let Some(v) = e.fact {
                self.add(v, &mut along);
            }
            let targets = &params[usize::from(e.exc)..];
            let mut edge = along.clone();
            for (&p, &a) in targets.iter().zip(&e.call.args) {
                if self.non_null(a, &along) {
                    self.add(p, &mut edge);
                }
            }
            facts.intersect(&edge);
        }
        facts
    }

    /// Walks `b` from `facts`; returns the facts at its end and at its exceptional edge, and
    /// reports each check of an already non-null value.
    fn transfer(&self, b: Block, mut facts: Set, redundant: &mut impl FnMut(Inst)) -> (Set, Set) {
        let mut at_exc = facts.clone();
        for &i in &self.f.blocks[b].insts {
            let d = &self.f.insts[i];
            if d.exc.is_some() {
                at_exc = facts.clone();
            }
            if let (Opcode::NullCheck, Some(&v)) = (&d.op, d.args.first()) {
                if self.non_null(v, &facts) {
                    redundant(i);
                }
                self.add(v, &mut facts);
            }
        }
        (facts, at_exc)
    }

    /// Iterates to the greatest fixpoint in reverse postorder.
    fn solve(&mut self) {
        let order = self.f.reverse_postorder();
        loop {
            let mut changed = false;
            for &b in &order {
                let out = self.transfer(b, self.entry_facts(b), &mut |_| {});
                if self.out.get(&b) != Some(&out) {
                    self.out.insert(b, out);
                    changed = true;
                }
            }
            if !changed {
                return;
            }
        }
    }
}

/// The null checks whose operand is non-null on every path.
fn redundant_checks(f: &Function) -> HashSet<Inst> {
    let mut analysis = Analysis::new(f);
    analysis.solve();
    let mut removed = HashSet::new();
    for &b in &f.layout {
        analysis.transfer(b, analysis.entry_facts(b), &mut |i| {
            removed.insert(i);
        });
    }
    removed
}

/// The value proven non-null along normal edge `n` of `block`'s terminator, if it is a
/// comparison with null (`ne`: the taken edge 0; `eq`: the other edge 1).
fn branch_fact(f: &Function, block: Block, n: usize) -> Option<Value> {
    let d = &f.insts[f.last_inst(block)?];
    let outcome = match d.op {
        Opcode::Branch(Cond::Ne) => 0,
        Opcode::Branch(Cond::Eq) => 1,
        _ => return None,
    };
    let is_null = |v: Value| matches!(def_op(f, v), Some(Opcode::Null));
    let v = match d.args.as_slice() {
        [a, n] if is_null(*n) && !is_null(*a) => *a,
        [n, a] if is_null(*n) && !is_null(*a) => *a,
        _ => return None,
    };
    (n == outcome).then_some(v)
}

/// The operation defining `v`, if an instruction does.
fn def_op(f: &Function, v: Value) -> Option<&Opcode> {
    match f.values[v].def {
        ValueDef::Result(i) => Some(&f.insts[i].op),
        ValueDef::Param(..) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Set;

    #[test]
    fn bit_sets() {
        let mut a = Set::full(70);
        let mut b = Set::empty(70);
        b.add(65);
        a.intersect(&b);
        assert!(a.has(65) && !a.has(3));
    }
}
