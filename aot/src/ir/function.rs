//! A method in SSA form: blocks with parameters, instructions, values.
//!
//! Invariants (checked by [`super::verify`]):
//! - every value is defined exactly once, by an instruction result or a block parameter, and
//!   its [`ValueData::def`] says where;
//! - block parameters are the only merge points ("phis"); every edge passes one argument per
//!   parameter (an exceptional edge: one per parameter after the exception);
//! - [`Function::entry`] has no predecessors; its parameters are the method's arguments
//!   (`this` first for instance methods), with sub-int types widened to `i32`;
//! - `layout` lists the blocks in the function in print order; blocks not in it are dead.

use super::entity::{Block, Inst, PrimaryMap, Value};
use super::inst::{BlockCall, InstData, Opcode};
use super::types::Type;

/// Where a value is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueDef {
    /// The result of an instruction.
    Result(Inst),
    /// Parameter number `n` of a block.
    Param(Block, u32),
}

/// A value's type and definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueData {
    /// The value's type.
    pub ty: Type,
    /// Its definition.
    pub def: ValueDef,
}

/// A basic block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockData {
    /// Parameters (merged values).
    pub params: Vec<Value>,
    /// Instructions in order; the last one is the terminator.
    pub insts: Vec<Inst>,
}

/// A method in SSA form.
#[derive(Debug, Clone, Default)]
pub struct Function {
    /// `class.name(descriptor)`, for messages and printing.
    pub name: String,
    /// True for a `static` method.
    pub is_static: bool,
    /// True for a `synchronized` method (the monitor operations are implicit).
    pub is_synchronized: bool,
    /// Return type; `None` for `void`.
    pub ret: Option<Type>,
    /// All blocks ever created.
    pub blocks: PrimaryMap<Block, BlockData>,
    /// All instructions ever created.
    pub insts: PrimaryMap<Inst, InstData>,
    /// All values ever created.
    pub values: PrimaryMap<Value, ValueData>,
    /// The blocks of the function, entry first.
    pub layout: Vec<Block>,
    /// The entry block.
    pub entry: Option<Block>,
}

impl Function {
    /// A new empty block (not yet in the layout).
    pub fn new_block(&mut self) -> Block {
        self.blocks.push(BlockData::default())
    }

    /// Appends a parameter of type `ty` to `block`.
    pub fn add_param(&mut self, block: Block, ty: Type) -> Value {
        let n = u32::try_from(self.blocks[block].params.len()).unwrap_or(u32::MAX);
        let v = self.values.push(ValueData {
            ty,
            def: ValueDef::Param(block, n),
        });
        self.blocks[block].params.push(v);
        v
    }

    /// Appends an instruction to `block`, creating its result if `result` is a type.
    pub fn append(&mut self, block: Block, data: InstData, result: Option<Type>) -> Inst {
        let inst = self.insts.push(data);
        if let Some(ty) = result {
            let v = self.values.push(ValueData {
                ty,
                def: ValueDef::Result(inst),
            });
            self.insts[inst].result = Some(v);
        }
        self.blocks[block].insts.push(inst);
        inst
    }

    /// Appends an instruction with a result of type `ty` and returns the result.
    pub fn append_value(&mut self, block: Block, data: InstData, ty: Type) -> (Inst, Value) {
        let inst = self.insts.push(data);
        let v = self.values.push(ValueData {
            ty,
            def: ValueDef::Result(inst),
        });
        self.insts[inst].result = Some(v);
        self.blocks[block].insts.push(inst);
        (inst, v)
    }

    /// The result of an instruction, if any.
    pub fn result(&self, inst: Inst) -> Option<Value> {
        self.insts[inst].result
    }

    /// The type of a value.
    pub fn ty(&self, v: Value) -> Type {
        self.values[v].ty
    }

    /// The last instruction of a block, if any.
    pub fn last_inst(&self, block: Block) -> Option<Inst> {
        self.blocks[block].insts.last().copied()
    }

    /// Every outgoing edge of a block: the terminator's successors, then the exceptional
    /// edges of its instructions.
    pub fn edges(&self, block: Block) -> impl Iterator<Item = (&BlockCall, bool)> {
        self.blocks[block].insts.iter().flat_map(move |&i| {
            let d = &self.insts[i];
            d.succs
                .iter()
                .map(|c| (c, false))
                .chain(d.exc.iter().map(|c| (c, true)))
        })
    }

    /// Successor blocks (normal and exceptional), in edge order, possibly repeated.
    pub fn successors(&self, block: Block) -> Vec<Block> {
        self.edges(block).map(|(c, _)| c.block).collect()
    }

    /// The blocks reachable from the entry, in reverse postorder.
    pub fn reverse_postorder(&self) -> Vec<Block> {
        let Some(entry) = self.entry else {
            return Vec::new();
        };
        let mut seen = vec![false; self.blocks.len()];
        let mut post = Vec::new();
        let mut stack = vec![(entry, self.successors(entry), 0usize)];
        seen[entry.index_usize()] = true;
        while let Some((b, succs, i)) = stack.last_mut() {
            if let Some(&s) = succs.get(*i) {
                *i += 1;
                if !seen[s.index_usize()] {
                    seen[s.index_usize()] = true;
                    let next = self.successors(s);
                    stack.push((s, next, 0));
                }
            } else {
                post.push(*b);
                stack.pop();
            }
        }
        post.reverse();
        post
    }

    /// The number of instructions in the layout's blocks.
    pub fn inst_count(&self) -> usize {
        self.layout
            .iter()
            .map(|&b| self.blocks[b].insts.len())
            .sum()
    }

    /// Drops the blocks that are no longer reachable from the entry from the layout.
    pub fn remove_unreachable_blocks(&mut self) {
        let mut live = vec![false; self.blocks.len()];
        for b in self.reverse_postorder() {
            live[b.index_usize()] = true;
        }
        self.layout.retain(|b| live[b.index_usize()]);
    }

    /// Is this operation a terminator? (convenience for passes)
    pub fn is_terminator(&self, inst: Inst) -> bool {
        self.insts[inst].op.is_terminator()
    }

    /// The opcode of an instruction.
    pub fn op(&self, inst: Inst) -> &Opcode {
        &self.insts[inst].op
    }
}

/// `usize` index of an entity (shorthand for [`super::entity::EntityRef::index`]).
trait IndexUsize {
    fn index_usize(self) -> usize;
}

impl IndexUsize for Block {
    fn index_usize(self) -> usize {
        super::entity::EntityRef::index(self)
    }
}
