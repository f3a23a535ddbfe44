//! Bytecode to SSA (pipeline step 3): one [`Function`] per method with code.
//!
//! Blocks start at bytecode leaders (pc 0, branch targets, the instruction after a branch,
//! handler starts). A synthetic entry block holds the arguments and jumps to pc 0, so that
//! the entry has no predecessors even when pc 0 is a loop header. Each throwing instruction
//! covered by a handler gets an exceptional edge to a dispatch block (one per distinct chain
//! of covering handlers) that tests the catch types in exception-table order; the block is
//! split right after such an instruction, so a block's variables at its end are those at the
//! throw. Locals and stack slots are variables of the Braun et al. builder ([`ssa`]). The
//! operand-stack types at block starts come from [`crate::lower::stack::stack_types`]
//! (shared with the bytecode lowering until it moves onto this IR).
//!
//! Invariants: leaders are filled in pc order; a block is sealed once every leader that can
//! jump or throw into it has been filled (see [`Builder::plan`]); unreachable bytecode is
//! skipped; nothing panics on malformed bytecode: every problem is a [`BuildError`] naming
//! the class, method and pc. `jsr`/`ret` are rejected.

mod finish;
mod ops_arith;
mod ops_control;
mod ops_invoke;
mod ops_object;
mod ops_stack;
pub mod ssa;

use crate::classfile::bytecode::{decode, Instruction, Kind, Op};
use crate::classfile::{ClassFile, Code, ConstantPool, FieldType, MethodInfo};
use crate::ir::entity::{Block, Inst, Value};
use crate::ir::function::Function;
use crate::ir::inst::{BlockCall, InstData, Opcode};
use crate::ir::types::Type;
use crate::lower::stack::stack_types;
use ssa::{Edge, EdgeSlot, Slot, Ssa, Var};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Why a method could not be turned into SSA (malformed or unsupported bytecode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    /// Internal name of the class.
    pub class: String,
    /// `name(descriptor)` of the method.
    pub method: String,
    /// The bytecode offset, when known.
    pub pc: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.class, self.method)?;
        if let Some(pc) = self.pc {
            write!(f, " at pc {pc}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for BuildError {}

/// Builds the SSA form of `method` of `class`.
pub fn build_function(
    class: &ClassFile,
    method: &MethodInfo,
) -> std::result::Result<Function, BuildError> {
    let fail = |pc: Option<u32>, message: String| BuildError {
        class: class.name.clone(),
        method: format!("{}{}", method.name, method.descriptor),
        pc,
        message,
    };
    let code = method
        .code
        .as_ref()
        .ok_or_else(|| fail(None, "the method has no code".into()))?;
    let insns = decode(&code.code).map_err(|e| fail(e.offset.map(to_u32), e.message))?;
    if let Some(i) = insns
        .iter()
        .find(|i| matches!(i.op, Op::Jsr(_) | Op::Ret(_)))
    {
        let msg = "jsr/ret subroutines are not supported (class files before Java 7)";
        return Err(fail(Some(i.pc), msg.into()));
    }
    let kinds = stack_types(&insns, &code.handlers, &class.cp).map_err(|e| fail(None, e))?;
    let mut b = Builder::new(class, method, code, &insns, &kinds);
    b.run().map_err(|(pc, m)| fail(pc, m))?;
    finish::finish(&mut b).map_err(|(pc, m)| fail(pc, m))?;
    Ok(b.f)
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// A builder error before the class and method are attached: pc and message.
type Fail = (Option<u32>, String);
type Result<T> = std::result::Result<T, Fail>;

/// The state of building one method.
pub(crate) struct Builder<'a> {
    class: &'a ClassFile,
    method: &'a MethodInfo,
    code: &'a Code,
    insns: &'a [Instruction],
    kinds: &'a HashMap<u32, Vec<Kind>>,
    pub(crate) f: Function,
    pub(crate) ssa: Ssa,
    /// The block being filled.
    cur: Block,
    /// Types of the operand-stack entries (one per value, long/double included).
    stack: Vec<Type>,
    /// Pc of the instruction being translated, and of the next one.
    pc: u32,
    next_pc: u32,
    /// Leader pcs in order, and their blocks.
    leader_pcs: Vec<u32>,
    leaders: BTreeMap<u32, Block>,
    /// Blocks to seal after filling leader `i`.
    seal_after: Vec<Vec<Block>>,
    /// Dispatch blocks by covering-handler chain (indices into the exception table).
    dispatch: HashMap<Vec<usize>, Block>,
    /// Dispatch blocks and their test blocks, laid out after the leaders.
    tail: Vec<Block>,
}

impl<'a> Builder<'a> {
    fn new(
        class: &'a ClassFile,
        method: &'a MethodInfo,
        code: &'a Code,
        insns: &'a [Instruction],
        kinds: &'a HashMap<u32, Vec<Kind>>,
    ) -> Self {
        let mut f = Function {
            name: format!("{}.{}{}", class.name, method.name, method.descriptor),
            is_static: method.is_static(),
            is_synchronized: method.is_synchronized(),
            ..Function::default()
        };
        let entry = f.new_block();
        Builder {
            class,
            method,
            code,
            insns,
            kinds,
            f,
            ssa: Ssa::default(),
            cur: entry,
            stack: Vec::new(),
            pc: 0,
            next_pc: 0,
            leader_pcs: Vec::new(),
            leaders: BTreeMap::new(),
            seal_after: Vec::new(),
            dispatch: HashMap::new(),
            tail: Vec::new(),
        }
    }

    fn run(&mut self) -> Result<()> {
        let immediate = self.plan()?;
        self.entry()?;
        for b in immediate {
            self.ssa.seal(&mut self.f, b);
        }
        for i in 0..self.leader_pcs.len() {
            self.fill(i)?;
            for b in std::mem::take(&mut self.seal_after[i]) {
                self.ssa.seal(&mut self.f, b);
            }
        }
        let all: Vec<Block> = self.f.blocks.keys().collect();
        for b in all {
            self.ssa.seal(&mut self.f, b);
        }
        let tail = std::mem::take(&mut self.tail);
        self.f.layout.extend(tail);
        Ok(())
    }

    /// Finds the leaders, creates their blocks and schedules their sealing. Returns the
    /// blocks that can be sealed before any leader is filled.
    fn plan(&mut self) -> Result<Vec<Block>> {
        let reachable = |pc: u32| self.kinds.contains_key(&pc);
        let mut pcs = std::collections::BTreeSet::from([0u32]);
        for insn in self.insns.iter().filter(|i| reachable(i.pc)) {
            let targets = insn.op.branch_targets();
            let next = insn.pc + insn.len;
            if (insn.op.ends_block() || !targets.is_empty()) && reachable(next) {
                pcs.insert(next);
            }
            pcs.extend(targets);
        }
        pcs.extend(self.code.handlers.iter().map(|h| u32::from(h.handler_pc)));
        self.leader_pcs = pcs.into_iter().filter(|&pc| reachable(pc)).collect();
        for &pc in &self.leader_pcs {
            let b = self.f.new_block();
            self.leaders.insert(pc, b);
        }
        self.seal_after = vec![Vec::new(); self.leader_pcs.len()];
        self.schedule_seals()
    }

    /// Block `j` is sealed after the last leader that may branch, fall or throw into it.
    fn schedule_seals(&mut self) -> Result<Vec<Block>> {
        let n = self.leader_pcs.len();
        let mut ready: Vec<Option<usize>> = vec![None; n];
        for i in 0..n {
            let body = self.leader_insns(i)?;
            let Some(last) = body.last() else { continue };
            for insn in body {
                for t in insn.op.branch_targets() {
                    let j = self.leader_index(t)?;
                    ready[j] = ready[j].max(Some(i));
                }
            }
            if !last.op.ends_block() && i + 1 < n {
                ready[i + 1] = ready[i + 1].max(Some(i));
            }
        }
        for h in &self.code.handlers {
            let j = self.leader_index(u32::from(h.handler_pc))?;
            ready[j] = ready[j].max(self.last_leader_before(u32::from(h.end_pc)));
        }
        let mut immediate = Vec::new();
        for (j, r) in ready.into_iter().enumerate() {
            let b = self.leaders[&self.leader_pcs[j]];
            match r {
                Some(i) => self.seal_after[i].push(b),
                None => immediate.push(b),
            }
        }
        Ok(immediate)
    }

    /// Index of the last leader starting before `end`.
    fn last_leader_before(&self, end: u32) -> Option<usize> {
        self.leader_pcs.partition_point(|&p| p < end).checked_sub(1)
    }

    fn leader_index(&self, pc: u32) -> Result<usize> {
        self.leader_pcs.binary_search(&pc).map_err(|_| {
            (
                Some(pc),
                "branch into unreachable or misaligned code".into(),
            )
        })
    }

    /// The instructions of leader `i`: up to the next leader or the first branch or end.
    fn leader_insns(&self, i: usize) -> Result<&'a [Instruction]> {
        let start_pc = self.leader_pcs[i];
        let end_pc = self.leader_pcs.get(i + 1).copied().unwrap_or(u32::MAX);
        let insns = self.insns;
        let start = insns
            .binary_search_by_key(&start_pc, |x| x.pc)
            .map_err(|_| (Some(start_pc), "no instruction at a leader".to_string()))?;
        let mut end = start;
        while let Some(insn) = insns.get(end).filter(|x| x.pc < end_pc) {
            end += 1;
            if insn.op.ends_block() || !insn.op.branch_targets().is_empty() {
                break;
            }
        }
        Ok(&insns[start..end])
    }

    /// The synthetic entry block: parameters become locals 0.. (JVMS §2.6.1).
    fn entry(&mut self) -> Result<()> {
        let entry = self.cur;
        self.f.entry = Some(entry);
        self.f.layout.push(entry);
        let desc = self
            .method
            .parsed_descriptor()
            .map_err(|e| (None, e.message))?;
        self.f.ret = desc.ret.as_ref().map(type_of_field);
        let mut slot = 0usize;
        if !self.method.is_static() {
            self.define_param(entry, slot, Type::Ref)?;
            slot += 1;
        }
        for p in &desc.params {
            self.define_param(entry, slot, type_of_field(p))?;
            slot += p.slots();
        }
        if slot > usize::from(self.code.max_locals) {
            return Err((
                None,
                format!(
                    "arguments need {slot} locals, max_locals is {}",
                    self.code.max_locals
                ),
            ));
        }
        self.ssa.seal(&mut self.f, entry);
        let first = self.leader_block(0)?;
        self.put_term(entry, Opcode::Jump, Vec::new(), &[first]);
        Ok(())
    }

    fn define_param(&mut self, entry: Block, slot: usize, ty: Type) -> Result<()> {
        let v = self.f.add_param(entry, ty);
        let n = u16::try_from(slot).map_err(|_| (None, "too many parameters".to_string()))?;
        self.ssa.write(
            Var {
                slot: Slot::Local(n),
                ty,
            },
            entry,
            v,
        );
        Ok(())
    }

    /// Translates the instructions of leader `i` into its block.
    fn fill(&mut self, i: usize) -> Result<()> {
        let pc = self.leader_pcs[i];
        self.cur = self.leader_block(pc)?;
        self.f.layout.push(self.cur);
        self.stack = self
            .kinds
            .get(&pc)
            .map(|k| k.iter().map(|&k| Type::of_kind(k)).collect())
            .unwrap_or_default();
        let body = self.leader_insns(i)?;
        for insn in body {
            self.pc = insn.pc;
            self.next_pc = insn.pc + insn.len;
            self.translate(&insn.op)?;
        }
        match body.last() {
            Some(last) if !last.op.ends_block() && last.op.branch_targets().is_empty() => {
                let next = self.leader_block(self.next_pc)?;
                self.term(Opcode::Jump, Vec::new(), &[next])
            }
            _ => Ok(()),
        }
    }

    /// Dispatches one instruction to its family (JVMS §6.5).
    fn translate(&mut self, op: &Op) -> Result<()> {
        if ops_stack::translate(self, op)?
            || ops_arith::translate(self, op)?
            || ops_control::translate(self, op)?
            || ops_object::translate(self, op)?
            || ops_invoke::translate(self, op)?
        {
            return Ok(());
        }
        Err(self.fail(format!("unsupported instruction {op:?}")))
    }

    // ---- helpers for the opcode families ----

    fn fail(&self, message: impl Into<String>) -> Fail {
        (Some(self.pc), message.into())
    }

    fn cp(&self) -> &'a ConstantPool {
        &self.class.cp
    }

    fn leader_block(&self, pc: u32) -> Result<Block> {
        self.leaders.get(&pc).copied().ok_or_else(|| {
            (
                Some(pc),
                "control flows to a pc that is not a block start".into(),
            )
        })
    }

    /// Pops a value that must have type `ty`.
    fn pop(&mut self, ty: Type) -> Result<Value> {
        let (v, t) = self.pop_any()?;
        if t != ty {
            return Err(self.fail(format!("expected {ty} on the operand stack, found {t}")));
        }
        Ok(v)
    }

    /// Pops the top value, whatever its type.
    fn pop_any(&mut self) -> Result<(Value, Type)> {
        let ty = self
            .stack
            .pop()
            .ok_or_else(|| self.fail("operand stack underflow"))?;
        let depth = u16::try_from(self.stack.len()).unwrap_or(u16::MAX);
        let v = self.ssa.read(
            &mut self.f,
            Var {
                slot: Slot::Stack(depth),
                ty,
            },
            self.cur,
        );
        Ok((v, ty))
    }

    /// Pushes a value.
    fn push(&mut self, v: Value) {
        let ty = self.f.ty(v);
        let depth = u16::try_from(self.stack.len()).unwrap_or(u16::MAX);
        self.ssa.write(
            Var {
                slot: Slot::Stack(depth),
                ty,
            },
            self.cur,
            v,
        );
        self.stack.push(ty);
    }

    /// Checks that local `n` (and `n + 1` for wide types) exists.
    fn check_local(&self, n: u16, ty: Type) -> Result<()> {
        let top = usize::from(n) + usize::from(ty.is_wide());
        if top >= usize::from(self.code.max_locals) {
            return Err(self.fail(format!(
                "local {n} is out of range (max_locals {})",
                self.code.max_locals
            )));
        }
        Ok(())
    }

    fn local(&mut self, n: u16, ty: Type) -> Result<Value> {
        self.check_local(n, ty)?;
        let var = Var {
            slot: Slot::Local(n),
            ty,
        };
        let v = self.ssa.read(&mut self.f, var, self.cur);
        self.ssa.note_read(v, self.pc);
        Ok(v)
    }

    fn set_local(&mut self, n: u16, v: Value) -> Result<()> {
        let ty = self.f.ty(v);
        self.check_local(n, ty)?;
        self.ssa.write(
            Var {
                slot: Slot::Local(n),
                ty,
            },
            self.cur,
            v,
        );
        Ok(())
    }

    fn data(&self, op: Opcode, args: Vec<Value>) -> InstData {
        InstData {
            op,
            args,
            result: None,
            succs: Vec::new(),
            exc: None,
            pc: self.pc,
        }
    }

    /// Emits a non-terminator without result.
    fn emit(&mut self, op: Opcode, args: Vec<Value>) -> Result<()> {
        let data = self.data(op, args);
        let inst = self.f.append(self.cur, data, None);
        self.after_emit(inst)
    }

    /// Emits a non-terminator with a result of type `ty`.
    fn emit_value(&mut self, op: Opcode, args: Vec<Value>, ty: Type) -> Result<Value> {
        let data = self.data(op, args);
        let (inst, v) = self.f.append_value(self.cur, data, ty);
        self.after_emit(inst)?;
        Ok(v)
    }

    /// Emits and pushes a value.
    fn emit_push(&mut self, op: Opcode, args: Vec<Value>, ty: Type) -> Result<()> {
        let v = self.emit_value(op, args, ty)?;
        self.push(v);
        Ok(())
    }

    fn iconst(&mut self, c: i32) -> Result<Value> {
        self.emit_value(Opcode::Iconst(c), Vec::new(), Type::I32)
    }

    fn null_check(&mut self, v: Value) -> Result<()> {
        self.emit(Opcode::NullCheck, vec![v])
    }

    /// Attaches the exceptional edge of a covered throwing instruction and splits the block.
    fn after_emit(&mut self, inst: Inst) -> Result<()> {
        if !self.attach_exc(inst)? {
            return Ok(());
        }
        let next = self.f.new_block();
        self.f.layout.push(next);
        self.put_term(self.cur, Opcode::Jump, Vec::new(), &[next]);
        self.ssa.seal(&mut self.f, next);
        self.cur = next;
        Ok(())
    }

    /// Gives a throwing `inst` its exceptional successor, if a handler covers the pc.
    fn attach_exc(&mut self, inst: Inst) -> Result<bool> {
        if !self.f.insts[inst].op.can_throw() {
            return Ok(false);
        }
        let chain = self.covering_chain();
        if chain.is_empty() {
            return Ok(false);
        }
        let target = self.dispatch_block(chain)?;
        self.f.insts[inst].exc = Some(BlockCall::new(target));
        let edge = Edge {
            from: self.cur,
            inst,
            slot: EdgeSlot::Exc,
        };
        self.ssa.add_edge(target, edge);
        Ok(true)
    }

    /// The handlers covering the current pc in table order, up to the first catch-all.
    fn covering_chain(&self) -> Vec<usize> {
        let mut chain = Vec::new();
        for (i, h) in self.code.handlers.iter().enumerate() {
            if u32::from(h.start_pc) <= self.pc && self.pc < u32::from(h.end_pc) {
                chain.push(i);
                if h.catch_type.is_none() {
                    break;
                }
            }
        }
        chain
    }

    /// The block that receives exceptions thrown under `chain` and picks the handler
    /// (JVMS §2.10: the first entry whose class matches, in table order).
    fn dispatch_block(&mut self, chain: Vec<usize>) -> Result<Block> {
        if let Some(&b) = self.dispatch.get(&chain) {
            return Ok(b);
        }
        let d = self.f.new_block();
        let exc = self.f.add_param(d, Type::Ref);
        self.ssa.mark_exc_target(d);
        let slot0 = Var {
            slot: Slot::Stack(0),
            ty: Type::Ref,
        };
        self.ssa.write(slot0, d, exc);
        self.tail.push(d);
        self.dispatch.insert(chain.clone(), d);
        let saved = self.pc;
        let filled = self.fill_dispatch(d, exc, &chain);
        self.pc = saved;
        let code = self.code;
        let ends = chain.iter().map(|&h| u32::from(code.handlers[h].end_pc));
        let ready = ends.filter_map(|end| self.last_leader_before(end)).max();
        self.schedule(d, ready);
        filled.map(|()| d)
    }

    /// The catch tests of a dispatch block; their instructions carry the handler's pc.
    fn fill_dispatch(&mut self, d: Block, exc: Value, chain: &[usize]) -> Result<()> {
        let code = self.code;
        let mut at = d;
        for handler in chain.iter().map(|&h| &code.handlers[h]) {
            self.pc = u32::from(handler.handler_pc);
            let target = self.leader_block(self.pc)?;
            match &handler.catch_type {
                None => {
                    self.put_term(at, Opcode::Jump, Vec::new(), &[target]);
                    return Ok(());
                }
                Some(class) => at = self.catch_test(at, exc, class.clone(), target),
            }
        }
        self.put_term(at, Opcode::Throw, vec![exc], &[]);
        Ok(())
    }

    /// `if (exc instanceof class) goto target`; returns the block for the next test.
    fn catch_test(&mut self, at: Block, exc: Value, class: String, target: Block) -> Block {
        let t = self.put_value(at, Opcode::InstanceOf(class), vec![exc], Type::I32);
        let zero = self.put_value(at, Opcode::Iconst(0), Vec::new(), Type::I32);
        let next = self.f.new_block();
        self.tail.push(next);
        self.put_term(
            at,
            Opcode::Branch(crate::ir::inst::Cond::Ne),
            vec![t, zero],
            &[target, next],
        );
        self.ssa.seal(&mut self.f, next);
        next
    }

    fn schedule(&mut self, b: Block, after: Option<usize>) {
        match after.and_then(|i| self.seal_after.get_mut(i)) {
            Some(list) => list.push(b),
            None => self.ssa.seal(&mut self.f, b),
        }
    }

    fn put_value(&mut self, block: Block, op: Opcode, args: Vec<Value>, ty: Type) -> Value {
        let data = self.data(op, args);
        self.f.append_value(block, data, ty).1
    }

    /// Appends a terminator to `block` and records its edges.
    fn put_term(&mut self, block: Block, op: Opcode, args: Vec<Value>, succs: &[Block]) -> Inst {
        let mut data = self.data(op, args);
        data.succs = succs.iter().map(|&b| BlockCall::new(b)).collect();
        let inst = self.f.append(block, data, None);
        for (n, &s) in succs.iter().enumerate() {
            self.ssa.add_edge(
                s,
                Edge {
                    from: block,
                    inst,
                    slot: EdgeSlot::Succ(n),
                },
            );
        }
        inst
    }

    /// Ends the current block with a terminator (a covered `Throw` gets its exceptional edge).
    fn term(&mut self, op: Opcode, args: Vec<Value>, succs: &[Block]) -> Result<()> {
        let inst = self.put_term(self.cur, op, args, succs);
        self.attach_exc(inst)?;
        Ok(())
    }
}

/// The register type of a field type.
pub fn type_of_field(t: &FieldType) -> Type {
    match t {
        FieldType::Long => Type::I64,
        FieldType::Float => Type::F32,
        FieldType::Double => Type::F64,
        FieldType::Object(_) | FieldType::Array(_) => Type::Ref,
        _ => Type::I32,
    }
}

#[cfg(test)]
mod tests;
