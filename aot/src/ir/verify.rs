//! The IR verifier. A failure is a compiler bug (the builder or a pass broke an invariant),
//! never a property of the input program.
//!
//! Checked: the entry has no predecessors; every layout block is reachable, non-empty, ends
//! in exactly one terminator with nothing after it; every value is defined once and its
//! recorded definition matches; every use is dominated by its definition (with exceptional
//! edges leaving before the throwing instruction's result, see [`super::dom`]); edge
//! arguments match the target's parameters in number and type; operand and result types
//! match each operation; exceptional edges leave only from throwing instructions, at most
//! one per block, placed last before the terminator (or on a `throw`).

use super::dom::{Dominators, Point};
use super::entity::{Block, EntityRef, Inst, Value};
use super::function::{Function, ValueDef};
use super::inst::{BlockCall, InstData, InvokeKind, Opcode, RefConst};
use super::print::{print_inst, Names};
use super::types::{MemKind, Type};
use crate::classfile::parse_method_descriptor;
use std::collections::HashMap;
use std::fmt;

/// A broken invariant, located by method, block and instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyError {
    /// `class.name(descriptor)`.
    pub function: String,
    /// The block (printed name), if the error is in one.
    pub block: Option<String>,
    /// The instruction (printed), if the error is about one.
    pub inst: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IR verification failed in {}", self.function)?;
        if let Some(b) = &self.block {
            write!(f, ", {b}")?;
        }
        if let Some(i) = &self.inst {
            write!(f, ", `{i}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for VerifyError {}

type Result<T> = std::result::Result<T, VerifyError>;

/// Verifies all invariants of `f`.
pub fn verify(f: &Function) -> Result<()> {
    let v = Verifier {
        f,
        names: Names::new(f),
        dom: Dominators::compute(f),
        defs: HashMap::new(),
    };
    v.run()
}

struct Verifier<'a> {
    f: &'a Function,
    names: Names,
    dom: Dominators,
    /// Where each value is defined.
    defs: HashMap<Value, Point>,
}

impl Verifier<'_> {
    fn error(
        &self,
        block: Option<Block>,
        inst: Option<Inst>,
        message: impl Into<String>,
    ) -> VerifyError {
        VerifyError {
            function: self.f.name.clone(),
            block: block.map(|b| self.names.block(b)),
            inst: inst.map(|i| print_inst(self.f, &self.names, &self.f.insts[i])),
            message: message.into(),
        }
    }

    fn run(mut self) -> Result<()> {
        let Some(entry) = self.f.entry else {
            return Err(self.error(None, None, "no entry block"));
        };
        if self.f.layout.first() != Some(&entry) {
            return Err(self.error(
                Some(entry),
                None,
                "the entry block is not first in the layout",
            ));
        }
        self.collect_defs()?;
        for &b in &self.f.layout {
            self.check_block(b)?;
        }
        Ok(())
    }

    /// Records every definition and checks it is unique and consistent.
    fn collect_defs(&mut self) -> Result<()> {
        for &b in &self.f.layout {
            if !self.dom.is_reachable(b.index() * 2) {
                return Err(self.error(Some(b), None, "block is unreachable from the entry"));
            }
            for (n, &p) in self.f.blocks[b].params.iter().enumerate() {
                let expect = ValueDef::Param(b, u32::try_from(n).unwrap_or(u32::MAX));
                self.define(
                    p,
                    expect,
                    Point {
                        block: b,
                        pos: -1,
                        exc_edge: false,
                    },
                    b,
                    None,
                )?;
            }
            for (pos, &i) in self.f.blocks[b].insts.iter().enumerate() {
                if let Some(r) = self.f.insts[i].result {
                    let point = Point {
                        block: b,
                        pos: pos as isize,
                        exc_edge: false,
                    };
                    self.define(r, ValueDef::Result(i), point, b, Some(i))?;
                }
            }
        }
        Ok(())
    }

    fn define(
        &mut self,
        v: Value,
        expect: ValueDef,
        at: Point,
        b: Block,
        i: Option<Inst>,
    ) -> Result<()> {
        if !self.f.values.is_valid(v) || self.f.values[v].def != expect {
            return Err(self.error(
                Some(b),
                i,
                format!("value {v} has an inconsistent definition"),
            ));
        }
        if self.defs.insert(v, at).is_some() {
            return Err(self.error(Some(b), i, format!("value {v} is defined twice")));
        }
        Ok(())
    }

    fn check_block(&self, b: Block) -> Result<()> {
        let insts = &self.f.blocks[b].insts;
        let Some(&last) = insts.last() else {
            return Err(self.error(Some(b), None, "empty block"));
        };
        if !self.f.insts[last].op.is_terminator() {
            return Err(self.error(Some(b), Some(last), "block does not end in a terminator"));
        }
        let split = self.dom.split(b);
        for (pos, &i) in insts.iter().enumerate() {
            let d = &self.f.insts[i];
            if pos + 1 < insts.len() && d.op.is_terminator() {
                return Err(self.error(Some(b), Some(i), "terminator before the end of the block"));
            }
            self.check_exc_placement(b, i, pos, split)?;
            self.check_uses(b, i, pos)?;
            self.check_types(b, i)?;
        }
        Ok(())
    }

    fn check_exc_placement(
        &self,
        b: Block,
        i: Inst,
        pos: usize,
        split: Option<usize>,
    ) -> Result<()> {
        let d = &self.f.insts[i];
        let Some(exc) = &d.exc else { return Ok(()) };
        if !d.op.can_throw() {
            return Err(self.error(
                Some(b),
                Some(i),
                "exceptional edge on an instruction that cannot throw",
            ));
        }
        let len = self.f.blocks[b].insts.len();
        let placed =
            split == Some(pos) && (pos + 2 == len || (pos + 1 == len && d.op == Opcode::Throw));
        if !placed {
            return Err(self.error(Some(b), Some(i), "an instruction with an exceptional edge must be the last one before the terminator (or a throw)"));
        }
        let params = &self.f.blocks[exc.block].params;
        if params.first().map(|&p| self.f.ty(p)) != Some(Type::Ref) {
            return Err(self.error(
                Some(b),
                Some(i),
                "exceptional target does not take the exception as its first parameter",
            ));
        }
        self.check_call(b, i, exc, &params[1..])
    }

    fn check_call(&self, b: Block, i: Inst, call: &BlockCall, params: &[Value]) -> Result<()> {
        if Some(call.block) == self.f.entry || !self.f.layout.contains(&call.block) {
            return Err(self.error(
                Some(b),
                Some(i),
                format!("invalid successor {}", self.names.block(call.block)),
            ));
        }
        if call.args.len() != params.len() {
            let msg = format!(
                "{} arguments for {} parameters of {}",
                call.args.len(),
                params.len(),
                self.names.block(call.block)
            );
            return Err(self.error(Some(b), Some(i), msg));
        }
        for (&a, &p) in call.args.iter().zip(params) {
            if self.f.ty(a) != self.f.ty(p) {
                let msg = format!(
                    "argument {} has type {}, parameter {} has {}",
                    self.names.value(a),
                    self.f.ty(a),
                    self.names.value(p),
                    self.f.ty(p)
                );
                return Err(self.error(Some(b), Some(i), msg));
            }
        }
        Ok(())
    }

    /// Every operand and edge argument is defined and dominates its use.
    fn check_uses(&self, b: Block, i: Inst, pos: usize) -> Result<()> {
        let d = &self.f.insts[i];
        let at = Point {
            block: b,
            pos: pos as isize,
            exc_edge: false,
        };
        for &a in &d.args {
            self.check_use(b, i, a, at)?;
        }
        for c in &d.succs {
            for &a in &c.args {
                self.check_use(b, i, a, at)?;
            }
            self.check_call(b, i, c, &self.f.blocks[c.block].params)?;
        }
        let exc_at = Point {
            exc_edge: true,
            ..at
        };
        for &a in d.exc.iter().flat_map(|c| &c.args) {
            self.check_use(b, i, a, exc_at)?;
        }
        Ok(())
    }

    fn check_use(&self, b: Block, i: Inst, v: Value, at: Point) -> Result<()> {
        let Some(&def) = self.defs.get(&v) else {
            return Err(self.error(
                Some(b),
                Some(i),
                format!("use of {v}, which is not defined in the function"),
            ));
        };
        if !self.dom.available(def, at) {
            let msg = format!(
                "use of {} is not dominated by its definition",
                self.names.value(v)
            );
            return Err(self.error(Some(b), Some(i), msg));
        }
        Ok(())
    }

    fn check_types(&self, b: Block, i: Inst) -> Result<()> {
        let d = &self.f.insts[i];
        let sig = signature(self.f, d).map_err(|m| self.error(Some(b), Some(i), m))?;
        let actual: Vec<Type> = d.args.iter().map(|&a| self.f.ty(a)).collect();
        if actual != sig.args {
            return Err(self.error(
                Some(b),
                Some(i),
                format!("operand types {actual:?}, expected {:?}", sig.args),
            ));
        }
        let result = d.result.map(|r| self.f.ty(r));
        if result != sig.result {
            return Err(self.error(
                Some(b),
                Some(i),
                format!("result type {result:?}, expected {:?}", sig.result),
            ));
        }
        if d.succs.len() != sig.succs {
            return Err(self.error(
                Some(b),
                Some(i),
                format!("{} successors, expected {}", d.succs.len(), sig.succs),
            ));
        }
        Ok(())
    }
}

/// Operand types, result type and number of normal successors of an instruction.
struct Signature {
    args: Vec<Type>,
    result: Option<Type>,
    succs: usize,
}

fn sig(args: Vec<Type>, result: Option<Type>) -> std::result::Result<Signature, String> {
    Ok(Signature {
        args,
        result,
        succs: 0,
    })
}

fn signature(f: &Function, d: &InstData) -> std::result::Result<Signature, String> {
    use Type::*;
    let arg = |n: usize| d.args.get(n).map(|&v| f.ty(v));
    match &d.op {
        Opcode::Iconst(_) => sig(vec![], Some(I32)),
        Opcode::Lconst(_) => sig(vec![], Some(I64)),
        Opcode::Fconst(_) => sig(vec![], Some(F32)),
        Opcode::Dconst(_) => sig(vec![], Some(F64)),
        Opcode::Null => sig(vec![], Some(Ref)),
        Opcode::Undef(_) => Err("undef in a built function".into()),
        Opcode::Const(RefConst::Dynamic(_, _, desc)) => {
            sig(vec![], Some(Type::of_descriptor(desc)))
        }
        Opcode::Const(_) => sig(vec![], Some(Ref)),
        Opcode::Binary(op, t) => sig(vec![*t, if op.is_shift() { I32 } else { *t }], Some(*t)),
        Opcode::Neg(t) => sig(vec![*t], Some(*t)),
        Opcode::Lcmp => sig(vec![I64, I64], Some(I32)),
        Opcode::Fcmp { ty, .. } if ty.is_float() => sig(vec![*ty, *ty], Some(I32)),
        Opcode::Fcmp { ty, .. } => Err(format!("float comparison of {ty}")),
        Opcode::Convert(a, b) => sig(vec![*a], Some(*b)),
        Opcode::Narrow(_) => sig(vec![I32], Some(I32)),
        Opcode::DivZeroCheck => match arg(0) {
            Some(t @ (I32 | I64)) => sig(vec![t], None),
            other => Err(format!("div_zero_check of {other:?}")),
        },
        Opcode::NullCheck | Opcode::MonitorEnter | Opcode::MonitorExit => sig(vec![Ref], None),
        Opcode::BoundsCheck => sig(vec![Ref, I32], None),
        Opcode::StoreCheck => sig(vec![Ref, Ref], None),
        Opcode::GetField(r) => sig(vec![Ref], Some(Type::of_descriptor(&r.descriptor))),
        Opcode::PutField(r) => sig(vec![Ref, Type::of_descriptor(&r.descriptor)], None),
        Opcode::GetStatic(r) => sig(vec![], Some(Type::of_descriptor(&r.descriptor))),
        Opcode::PutStatic(r) => sig(vec![Type::of_descriptor(&r.descriptor)], None),
        Opcode::New(_) => sig(vec![], Some(Ref)),
        Opcode::NewArray(_) => sig(vec![I32], Some(Ref)),
        Opcode::MultiNewArray(_) if !d.args.is_empty() => sig(vec![I32; d.args.len()], Some(Ref)),
        Opcode::MultiNewArray(_) => Err("multi_new_array without dimensions".into()),
        Opcode::ArrayLength => sig(vec![Ref], Some(I32)),
        Opcode::ArrayLoad(k) => sig(vec![Ref, I32], Some(k.register_type())),
        Opcode::ArrayStore(k) => sig(vec![Ref, I32, MemKind::register_type(*k)], None),
        Opcode::CheckCast(_) => sig(vec![Ref], Some(Ref)),
        Opcode::InstanceOf(_) => sig(vec![Ref], Some(I32)),
        Opcode::Invoke(kind, m) => call_signature(&m.descriptor, *kind != InvokeKind::Static),
        Opcode::InvokeDynamic { descriptor, .. } => call_signature(descriptor, false),
        _ => terminator_signature(f, d),
    }
}

fn call_signature(descriptor: &str, receiver: bool) -> std::result::Result<Signature, String> {
    let desc = parse_method_descriptor(descriptor).map_err(|e| e.message)?;
    let mut args = Vec::new();
    if receiver {
        args.push(Type::Ref);
    }
    args.extend(desc.params.iter().map(crate::ir::build::type_of_field));
    sig(args, desc.ret.as_ref().map(crate::ir::build::type_of_field))
}

fn terminator_signature(f: &Function, d: &InstData) -> std::result::Result<Signature, String> {
    let first = d.args.first().map(|&v| f.ty(v));
    let (args, succs) = match &d.op {
        Opcode::Jump => (vec![], 1),
        Opcode::Branch(c) => match first {
            Some(Type::I32) => (vec![Type::I32, Type::I32], 2),
            Some(Type::Ref) if matches!(c, super::inst::Cond::Eq | super::inst::Cond::Ne) => {
                (vec![Type::Ref, Type::Ref], 2)
            }
            other => return Err(format!("branch on {other:?}")),
        },
        Opcode::Switch { keys, .. } => {
            if keys.windows(2).any(|w| w[0] >= w[1]) {
                return Err("switch keys are not strictly increasing".into());
            }
            (vec![Type::I32], keys.len() + 1)
        }
        Opcode::Return => (f.ret.into_iter().collect(), 0),
        Opcode::Throw => (vec![Type::Ref], 0),
        other => return Err(format!("unexpected operation {other:?}")),
    };
    Ok(Signature {
        args,
        result: None,
        succs,
    })
}
