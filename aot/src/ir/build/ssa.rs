//! The variable builder of Braun, Buchwald, Hack, Leißa, Mallon and Zwinkau, "Simple and
//! Efficient Construction of Static Single Assignment Form" (CC 2013), over JVM locals and
//! operand-stack slots, with block parameters as phis.
//!
//! Invariants:
//! - a variable is a (slot, type) pair: the JVM verifier guarantees that on every path to a
//!   read of slot `n` as type `T` the last write to `n` had type `T` (JVMS §4.10.1), so
//!   keying by type never merges values of different types;
//! - a block is sealed only once all of its predecessor edges exist; reads in an unsealed
//!   block create incomplete phis that are completed when it is sealed;
//! - phi operands are kept here (one per predecessor edge, in edge order) and only written to
//!   the edges' arguments by [`Ssa::finish`], so that removing a trivial phi is an alias;
//! - a read that reaches a block without predecessors yields an `Undef` instruction; a
//!   reachable use of one is a build error (a local read before it is assigned).

use crate::ir::entity::{Block, Inst, SecondaryMap, Value};
use crate::ir::function::{Function, ValueDef};
use crate::ir::inst::{InstData, Opcode};
use crate::ir::types::Type;
use std::collections::{HashMap, HashSet};

/// A JVM storage location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Local variable `n`.
    Local(u16),
    /// Operand-stack entry at depth `n` (0 is the bottom; a long or double is one entry).
    Stack(u16),
}

/// A variable of the builder: a slot holding a value of one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Var {
    /// Where the value lives in the JVM frame.
    pub slot: Slot,
    /// Its type.
    pub ty: Type,
}

/// Which outgoing edge of an instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeSlot {
    /// Normal successor number `n` of a terminator.
    Succ(usize),
    /// The exceptional successor.
    Exc,
}

/// An incoming edge of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// The predecessor block.
    pub from: Block,
    /// The instruction carrying the edge.
    pub inst: Inst,
    /// Which of its edges.
    pub slot: EdgeSlot,
}

/// Braun et al.'s state.
#[derive(Default)]
pub struct Ssa {
    current_def: HashMap<(Var, Block), Value>,
    sealed: SecondaryMap<Block, bool>,
    incomplete: HashMap<Block, Vec<(Var, Value)>>,
    preds: SecondaryMap<Block, Vec<Edge>>,
    phi_ops: HashMap<Value, Vec<Value>>,
    phi_users: HashMap<Value, Vec<Value>>,
    alias: HashMap<Value, Value>,
    undefs: HashMap<Value, Var>,
    /// The pc of the first bytecode read that produced each undef.
    undef_pcs: HashMap<Value, u32>,
    /// Blocks whose first parameter is an exception, not a phi.
    exc_targets: HashSet<Block>,
}

impl Ssa {
    /// Records `v` as the value of `var` at the end of `block` so far.
    pub fn write(&mut self, var: Var, block: Block, v: Value) {
        self.current_def.insert((var, block), v);
    }

    /// Adds an edge into `to`; `to` must not be sealed yet.
    pub fn add_edge(&mut self, to: Block, edge: Edge) {
        self.preds[to].push(edge);
    }

    /// Marks `block` as a target of exceptional edges (its first parameter is the exception).
    pub fn mark_exc_target(&mut self, block: Block) {
        self.exc_targets.insert(block);
    }

    /// True once `block` is sealed.
    pub fn is_sealed(&self, block: Block) -> bool {
        self.sealed[block]
    }

    /// The alias-free representative of `v`.
    pub fn resolve(&self, mut v: Value) -> Value {
        while let Some(&next) = self.alias.get(&v) {
            v = next;
        }
        v
    }

    /// The value of `var` at the current end of `block` (Braun et al., Algorithm 1).
    pub fn read(&mut self, f: &mut Function, var: Var, block: Block) -> Value {
        if let Some(&v) = self.current_def.get(&(var, block)) {
            return self.resolve(v);
        }
        // Walk up single-predecessor chains iteratively (long `try` bodies make deep chains).
        let mut chain = vec![block];
        let mut b = block;
        while self.sealed[b] && self.preds[b].len() == 1 {
            b = self.preds[b][0].from;
            if let Some(&v) = self.current_def.get(&(var, b)) {
                return self.fill_chain(var, &chain, self.resolve(v));
            }
            if chain.len() > f.blocks.len() {
                break; // a cycle of single-predecessor blocks: unreachable code
            }
            chain.push(b);
        }
        let v = self.read_at_merge(f, var, b);
        self.fill_chain(var, &chain, v)
    }

    fn fill_chain(&mut self, var: Var, chain: &[Block], v: Value) -> Value {
        for &b in chain {
            self.write(var, b, v);
        }
        v
    }

    /// Algorithm 2's `readVariableRecursive` for a block that is unsealed, has no
    /// predecessors, or has several.
    fn read_at_merge(&mut self, f: &mut Function, var: Var, block: Block) -> Value {
        if !self.sealed[block] {
            let phi = f.add_param(block, var.ty);
            self.incomplete.entry(block).or_default().push((var, phi));
            self.write(var, block, phi);
            return phi;
        }
        if self.preds[block].is_empty() {
            let v = self.undef(f, var, block);
            self.write(var, block, v);
            return v;
        }
        let phi = f.add_param(block, var.ty);
        self.write(var, block, phi);
        let v = self.add_phi_operands(f, var, phi, block);
        self.write(var, block, v);
        v
    }

    /// An `Undef` of `var`'s type at the start of `block`.
    fn undef(&mut self, f: &mut Function, var: Var, block: Block) -> Value {
        let data = InstData {
            op: Opcode::Undef(var.ty),
            args: Vec::new(),
            result: None,
            succs: Vec::new(),
            exc: None,
            pc: 0,
        };
        let (inst, v) = f.append_value(block, data, var.ty);
        let insts = &mut f.blocks[block].insts;
        insts.pop();
        insts.insert(0, inst);
        self.undefs.insert(v, var);
        v
    }

    fn add_phi_operands(&mut self, f: &mut Function, var: Var, phi: Value, block: Block) -> Value {
        let preds = self.preds[block].clone();
        let mut ops = Vec::with_capacity(preds.len());
        for e in preds {
            let op = self.read(f, var, e.from);
            if op != phi && !self.undefs.contains_key(&op) {
                self.phi_users.entry(op).or_default().push(phi);
            }
            ops.push(op);
        }
        self.phi_ops.insert(phi, ops);
        self.try_remove_trivial(f, phi, block)
    }

    /// Algorithm 3: replaces a phi whose operands are itself and one other value.
    fn try_remove_trivial(&mut self, f: &mut Function, phi: Value, block: Block) -> Value {
        let mut same = None;
        for &op in self.phi_ops.get(&phi).into_iter().flatten() {
            let op = self.resolve(op);
            if Some(op) == same || op == phi {
                continue;
            }
            if same.is_some() {
                return phi;
            }
            same = Some(op);
        }
        let same = match same {
            Some(v) => v,
            None => self.undef(
                f,
                Var {
                    slot: Slot::Local(u16::MAX),
                    ty: f.ty(phi),
                },
                block,
            ),
        };
        self.alias.insert(phi, same);
        for user in self.phi_users.remove(&phi).unwrap_or_default() {
            if user != phi && !self.alias.contains_key(&user) {
                if let ValueDef::Param(b, _) = f.values[user].def {
                    self.try_remove_trivial(f, user, b);
                }
            }
        }
        same
    }

    /// Seals `block`: no predecessor will be added (Algorithm 4).
    pub fn seal(&mut self, f: &mut Function, block: Block) {
        if self.sealed[block] {
            return;
        }
        let mut i = 0;
        while let Some(&(var, phi)) = self.incomplete.get(&block).and_then(|l| l.get(i)) {
            self.add_phi_operands(f, var, phi, block);
            i += 1;
        }
        self.incomplete.remove(&block);
        self.sealed[block] = true;
    }

    /// The edges into `block`, in order.
    pub fn preds(&self, block: Block) -> &[Edge] {
        &self.preds[block]
    }

    /// Remembers `pc` as the read of `v` if `v` is an undef read for the first time.
    pub fn note_read(&mut self, v: Value, pc: u32) {
        if self.undefs.contains_key(&v) {
            self.undef_pcs.entry(v).or_insert(pc);
        }
    }

    /// The pc of the first read of an undef.
    pub fn undef_pc(&self, v: Value) -> Option<u32> {
        self.undef_pcs.get(&v).copied()
    }

    /// The variable an `Undef` stands for, if `v` is one.
    pub fn undef_var(&self, v: Value) -> Option<Var> {
        self.undefs.get(&v).copied()
    }

    /// True if `block`'s first parameter is an exception.
    pub fn is_exc_target(&self, block: Block) -> bool {
        self.exc_targets.contains(&block)
    }

    /// The operands of a live phi (one per incoming edge), if `v` is a phi.
    pub fn phi_operands(&self, v: Value) -> Option<&Vec<Value>> {
        self.phi_ops.get(&v)
    }

    /// Replaces the operand list of a phi (dead edges removed).
    pub fn set_phi_operands(&mut self, v: Value, ops: Vec<Value>) {
        self.phi_ops.insert(v, ops);
    }

    /// Makes `phi` an alias of `v`.
    pub fn set_alias(&mut self, phi: Value, v: Value) {
        self.alias.insert(phi, v);
    }

    /// True if `v` was replaced.
    pub fn is_aliased(&self, v: Value) -> bool {
        self.alias.contains_key(&v)
    }
}
