//! JDK 17 "helpful NullPointerException messages" (JEP 358), computed at build time.
//!
//! HotSpot describes a NullPointerException that the VM raises at bytecode index `pc` of a
//! method with a sentence such as `Cannot read field "value" because "<local1>.next" is null`.
//! It derives the sentence from the bytecode alone: a forward data-flow simulation of the
//! operand stack in which every slot remembers the pc of the instruction that pushed it, then
//! the failed action (from the failing opcode) and the cause (by walking back from the null
//! slot's pushing instruction). Since the sentence depends only on the class file, roast
//! computes it while compiling and passes it to `roast_throw_npe` as the exception's detail
//! message. This module reimplements that analysis as a pure function of class file, method
//! and pc ([`npe_message`]); [`NpeAnalysis`] runs the simulation once per method so that every
//! null check of the method can ask for its message.
//!
//! Invariants (each one is a rule of HotSpot's algorithm that changes the printed text):
//! - Slots record the pusher's pc, or "unknown" when merging paths disagree; `long` and
//!   `double` values take two slots; `checkcast` leaves the stack alone (the cause is the
//!   instruction before it); `iinc` and `void` results push nothing.
//! - The simulation sweeps the code in pc order until no instruction gets a new stack. A
//!   block's outgoing stack is merged into the fall-through successor first and the merged
//!   result is what the branch targets receive; switches also "fall through". Exception
//!   handlers start with one slot pushed "by the handler pc" and nothing written.
//! - HotSpot stops the simulation as soon as the sweep passes the failing pc with a stack
//!   there. Each pc's stack is therefore the one the sweep had when it first passed that pc
//!   (later merges from backward branches are not seen); this is recorded per pc in one run.
//! - A bitmask of written local slots (0..=63; higher slots always count as written) decides
//!   between `this`/`<parameterN>` and `<localN>` when there is no LocalVariableTable entry.
//! - The cause recursion gives up after 5 levels; array indices do not use up a level.
//! - Odd bytecode never panics: an analysis that cannot decide yields no message, or the
//!   failed action without a cause, never a guess.

use crate::classfile::bytecode::{self, ArrayKind, Instruction, Kind, Op};
use crate::classfile::constant_pool::Constant;
use crate::classfile::descriptor::{parse_method_descriptor, FieldType};
use crate::classfile::{ClassFile, Code, MethodInfo};

/// HotSpot's cap on the number of stack entries created by one analysis.
const MAX_ENTRIES: usize = 1_000_000;

/// HotSpot's maximum depth of the cause description.
const MAX_DETAIL: u32 = 5;

/// The message of an NPE raised at `pc` of `method` (a method of `file`), as
/// `NullPointerException.getMessage()` returns it on HotSpot; `None` when HotSpot gives none
/// (explicitly constructed NPEs, instructions that cannot raise one, undecodable code).
pub fn npe_message(file: &ClassFile, method: &MethodInfo, pc: u32) -> Option<String> {
    NpeAnalysis::new(file, method)?.message(file, method, pc)
}

/// The simulated operand stack at one pc.
#[derive(Clone, Debug, Default, PartialEq)]
struct SimStack {
    /// Pusher pcs, bottom first; `None` = unknown (paths disagree).
    slots: Vec<Option<u32>>,
    /// Bit `i` set: local slot `i` was written on some path to here.
    written: u64,
}

impl SimStack {
    fn push(&mut self, pc: u32, size: usize) {
        for _ in 0..size {
            self.slots.push(Some(pc));
        }
    }

    fn push_raw(&mut self, s: Option<u32>) {
        self.slots.push(s);
    }

    /// Pops `n` slots (fewer if the stack is shorter: malformed code gives unknown causes).
    fn pop(&mut self, n: usize) {
        let keep = self.slots.len().saturating_sub(n);
        self.slots.truncate(keep);
    }

    /// Slot `i` counted from the top (0 = top); unknown if the stack is shorter.
    fn get(&self, i: usize) -> Option<u32> {
        let len = self.slots.len();
        if i < len {
            self.slots[len - 1 - i]
        } else {
            None
        }
    }

    fn set_written(&mut self, local: u16) {
        if local <= 63 {
            self.written |= 1u64 << local;
        }
    }

    fn was_written(&self, local: u16) -> bool {
        local > 63 || self.written & (1u64 << local) != 0
    }

    /// Merges `other` into `self`: disagreeing slots become unknown, written bits are united.
    fn merge(&mut self, other: &SimStack) {
        if self.slots.len() != other.slots.len() {
            // Not valid bytecode (the verifier rejects it): nothing below can be trusted.
            self.slots.iter_mut().for_each(|s| *s = None);
        } else {
            for (a, b) in self.slots.iter_mut().zip(&other.slots) {
                if *a != *b {
                    *a = None;
                }
            }
        }
        self.written |= other.written;
    }
}

/// The stack simulation of one method: for each instruction, the stack HotSpot's analysis
/// would see there when asked about that pc.
#[derive(Debug)]
pub struct NpeAnalysis {
    insns: Vec<Instruction>,
    /// Instruction index by pc (`usize::MAX` inside an instruction).
    index: Vec<usize>,
    /// The stack at each instruction as first seen by the sweep (see the module invariants).
    seen: Vec<Option<SimStack>>,
}

/// The mutable state of the sweeps.
struct Sweep<'a> {
    file: &'a ClassFile,
    insns: &'a [Instruction],
    index: &'a [usize],
    stacks: Vec<Option<SimStack>>,
    entries: usize,
    added_one: bool,
    all_processed: bool,
}

impl NpeAnalysis {
    /// Runs the simulation over `method`'s code; `None` if it has no decodable code.
    pub fn new(file: &ClassFile, method: &MethodInfo) -> Option<NpeAnalysis> {
        let code = method.code.as_ref()?;
        let insns = bytecode::decode(&code.code).ok()?;
        let mut index = vec![usize::MAX; code.code.len() + 1];
        for (i, insn) in insns.iter().enumerate() {
            index[insn.pc as usize] = i;
        }
        let seen = simulate(file, code, &insns, &index);
        Some(NpeAnalysis { insns, index, seen })
    }

    fn at(&self, pc: u32) -> Option<usize> {
        self.index
            .get(pc as usize)
            .copied()
            .filter(|&i| i != usize::MAX)
    }

    /// The message for an NPE raised by the instruction at `pc` (see [`npe_message`]).
    pub fn message(&self, file: &ClassFile, method: &MethodInfo, pc: u32) -> Option<String> {
        let insn = &self.insns[self.at(pc)?];
        let slot = null_slot(file, &insn.op)?;
        let mut out = failed_action(file, &insn.op)?;
        let d = Describer {
            a: self,
            file,
            method,
            code: method.code.as_ref()?,
        };
        if d.describe(&mut out, pc, slot, MAX_DETAIL, false, Some(" because \"")) {
            out.push_str("\" is null");
        }
        Some(out)
    }
}

/// Runs the sweeps and returns, per instruction, the stack at the moment the sweep first
/// passed it with a stack present (or the final stack where that never happened).
fn simulate(
    file: &ClassFile,
    code: &Code,
    insns: &[Instruction],
    index: &[usize],
) -> Vec<Option<SimStack>> {
    let n = insns.len();
    let mut s = Sweep {
        file,
        insns,
        index,
        stacks: vec![None; n],
        entries: 0,
        added_one: true,
        all_processed: false,
    };
    if n == 0 {
        return Vec::new();
    }
    s.stacks[0] = Some(SimStack::default());
    for h in &code.handlers {
        if let Some(i) = index
            .get(h.handler_pc as usize)
            .filter(|&&i| i != usize::MAX)
        {
            if s.stacks[*i].is_none() {
                let mut st = SimStack::default();
                st.push(u32::from(h.handler_pc), 1);
                s.stacks[*i] = Some(st);
            }
        }
    }
    let mut seen: Vec<Option<SimStack>> = vec![None; n];
    let mut passed = vec![false; n];
    'sweeps: while !s.all_processed && s.added_one {
        s.all_processed = true;
        s.added_one = false;
        for i in 0..n {
            s.step(i);
            let next = i + 1;
            if next < n && !passed[next] && s.stacks[next].is_some() {
                passed[next] = true;
                seen[next] = s.stacks[next].clone();
            }
            if s.entries > MAX_ENTRIES {
                break 'sweeps;
            }
        }
    }
    for i in 0..n {
        if !passed[i] {
            seen[i] = s.stacks[i].take();
        }
    }
    seen
}

/// Stack slots of a value of descriptor `desc` (0 for `V`).
fn desc_size(desc: &str) -> usize {
    match desc.as_bytes().first() {
        Some(b'J' | b'D') => 2,
        Some(b'V') | None => 0,
        _ => 1,
    }
}

fn kind_size(k: Kind) -> usize {
    if matches!(k, Kind::Long | Kind::Double) {
        2
    } else {
        1
    }
}

fn array_size(k: ArrayKind) -> usize {
    if matches!(k, ArrayKind::Long | ArrayKind::Double) {
        2
    } else {
        1
    }
}

/// (argument slots without the receiver, result slots) of a method descriptor.
fn call_shape(desc: &str) -> Option<(usize, usize)> {
    let d = parse_method_descriptor(desc).ok()?;
    let ret = d.ret.as_ref().map_or(0, FieldType::slots);
    Some((d.arg_slots(), ret))
}

impl Sweep<'_> {
    fn target(&self, pc: u32) -> Option<usize> {
        self.index
            .get(pc as usize)
            .copied()
            .filter(|&i| i != usize::MAX)
    }

    /// Simulates instruction `i` and merges its outgoing stack into its successors.
    fn step(&mut self, i: usize) {
        let Some(mut st) = self.stacks[i].clone() else {
            self.all_processed = false;
            return;
        };
        let insn = &self.insns[i];
        let (falls, targets) = self.transfer(insn, &mut st);
        if falls && i + 1 < self.insns.len() {
            self.merge_into(i + 1, &mut st);
        }
        for t in targets {
            if let Some(ti) = self.target(t) {
                self.merge_into(ti, &mut st);
            }
        }
    }

    /// HotSpot's merge: the working stack absorbs the stored one, then replaces it.
    fn merge_into(&mut self, i: usize, st: &mut SimStack) {
        match &self.stacks[i] {
            Some(old) => st.merge(old),
            None => {
                self.added_one = true;
                self.entries += st.slots.len();
            }
        }
        self.stacks[i] = Some(st.clone());
    }

    /// Applies `insn` to `st`; returns (falls through, branch targets in merge order).
    fn transfer(&self, insn: &Instruction, st: &mut SimStack) -> (bool, Vec<u32>) {
        let pc = insn.pc;
        let cp = &self.file.cp;
        match &insn.op {
            Op::Nop | Op::Iinc(..) | Op::CheckCast(_) => {}
            Op::AconstNull | Op::Iconst(_) | Op::Fconst(_) | Op::New(_) => st.push(pc, 1),
            Op::Lconst(_) | Op::Dconst(_) => st.push(pc, 2),
            Op::Ldc(idx) => match cp.get(*idx) {
                Ok(Constant::Long(_) | Constant::Double(_)) => st.push(pc, 2),
                Ok(
                    Constant::Integer(_)
                    | Constant::Float(_)
                    | Constant::Class(_)
                    | Constant::String(_)
                    | Constant::MethodRef { .. }
                    | Constant::InterfaceMethodRef { .. }
                    | Constant::FieldRef { .. },
                ) => st.push(pc, 1),
                // HotSpot pushes nothing for the other loadable constants.
                _ => {}
            },
            Op::Load(k, _) => st.push(pc, kind_size(*k)),
            Op::Store(k, local) => {
                st.set_written(*local);
                st.pop(kind_size(*k));
            }
            Op::ArrayLoad(k) => {
                st.pop(2);
                st.push(pc, array_size(*k));
            }
            Op::ArrayStore(k) => st.pop(2 + array_size(*k)),
            Op::Pop | Op::MonitorEnter | Op::MonitorExit => st.pop(1),
            Op::Pop2 => st.pop(2),
            Op::Dup | Op::DupX1 | Op::DupX2 | Op::Dup2 | Op::Dup2X1 | Op::Dup2X2 | Op::Swap => {
                shuffle(&insn.op, st)
            }
            Op::Arith(k, op) => {
                let size = kind_size(*k);
                st.pop(match op {
                    bytecode::ArithOp::Neg => size,
                    bytecode::ArithOp::Shl | bytecode::ArithOp::Shr | bytecode::ArithOp::Ushr => {
                        1 + size
                    }
                    _ => 2 * size,
                });
                st.push(pc, size);
            }
            Op::Convert(from, to) => {
                st.pop(kind_size(*from));
                st.push(pc, kind_size(*to));
            }
            Op::Narrow(_) | Op::NewArray(..) | Op::ANewArray(_) | Op::InstanceOf(_) => {
                st.pop(1);
                st.push(pc, 1);
            }
            Op::ArrayLength => {
                st.pop(1);
                st.push(pc, 1);
            }
            Op::Lcmp => {
                st.pop(4);
                st.push(pc, 1);
            }
            Op::Fcmp { double, .. } => {
                st.pop(if *double { 4 } else { 2 });
                st.push(pc, 1);
            }
            Op::If(_, t) | Op::IfNull(t) | Op::IfNonNull(t) => {
                st.pop(1);
                return (true, vec![*t]);
            }
            Op::IfICmp(_, t) | Op::IfACmp(_, t) => {
                st.pop(2);
                return (true, vec![*t]);
            }
            Op::Goto(t) => return (false, vec![*t]),
            Op::Jsr(t) => {
                st.push(pc, 1);
                return (false, vec![*t]);
            }
            Op::Ret(_) => return (false, Vec::new()),
            Op::TableSwitch {
                default, targets, ..
            } => {
                st.pop(1);
                let all = std::iter::once(*default).chain(targets.iter().copied());
                return (true, all.collect());
            }
            Op::LookupSwitch { default, pairs } => {
                st.pop(1);
                let all = std::iter::once(*default).chain(pairs.iter().map(|p| p.1));
                return (true, all.collect());
            }
            Op::Return(k) => {
                st.pop(k.map_or(0, kind_size));
                return (false, Vec::new());
            }
            Op::AThrow => {
                st.pop(1);
                return (false, Vec::new());
            }
            Op::GetStatic(i) | Op::GetField(i) | Op::PutStatic(i) | Op::PutField(i) => {
                self.field(&insn.op, *i, pc, st)
            }
            Op::InvokeVirtual(i)
            | Op::InvokeSpecial(i)
            | Op::InvokeInterface(i, _)
            | Op::InvokeStatic(i) => {
                let shape = cp
                    .member_ref(*i)
                    .ok()
                    .and_then(|m| call_shape(m.descriptor));
                let (args, ret) = shape.unwrap_or((0, 0));
                if !matches!(insn.op, Op::InvokeStatic(_)) {
                    st.pop(1);
                }
                st.pop(args);
                st.push(pc, ret);
            }
            Op::InvokeDynamic(i) => {
                let shape = cp.invoke_dynamic(*i).ok().and_then(|d| call_shape(d.2));
                let (args, ret) = shape.unwrap_or((0, 0));
                st.pop(args);
                st.push(pc, ret);
            }
            Op::MultiANewArray(_, dims) => {
                st.pop(usize::from(*dims));
                st.push(pc, 1);
            }
        }
        (true, Vec::new())
    }

    fn field(&self, op: &Op, idx: u16, pc: u32, st: &mut SimStack) {
        let size = self
            .file
            .cp
            .member_ref(idx)
            .map_or(1, |m| desc_size(m.descriptor));
        match op {
            Op::GetStatic(_) => st.push(pc, size),
            Op::GetField(_) => {
                st.pop(1);
                st.push(pc, size);
            }
            Op::PutStatic(_) => st.pop(size),
            _ => st.pop(size + 1),
        }
    }
}

/// `dup*` and `swap`: HotSpot copies slot entries as they are (category-2 values are two
/// entries, so `dup2` of a `long` duplicates both halves).
fn shuffle(op: &Op, st: &mut SimStack) {
    let t: Vec<Option<u32>> = (0..4).map(|i| st.get(i)).collect();
    let (popped, pushed): (usize, &[usize]) = match op {
        Op::Dup => (0, &[0]),
        Op::DupX1 => (2, &[0, 1, 0]),
        Op::DupX2 => (3, &[0, 2, 1, 0]),
        Op::Dup2 => (0, &[1, 0]),
        Op::Dup2X1 => (3, &[1, 0, 2, 1, 0]),
        Op::Dup2X2 => (4, &[1, 0, 3, 2, 1, 0]),
        _ => (2, &[0, 1]),
    };
    st.pop(popped);
    for &i in pushed {
        st.push_raw(t[i]);
    }
}

/// The operand-stack slot (0 = top) that holds the null reference when the instruction
/// raises an NPE; `None` for instructions that cannot raise one and for `invokespecial
/// <init>` (an NPE constructed explicitly, which HotSpot leaves without a message).
fn null_slot(file: &ClassFile, op: &Op) -> Option<usize> {
    match op {
        Op::GetField(_) | Op::ArrayLength | Op::AThrow | Op::MonitorEnter | Op::MonitorExit => {
            Some(0)
        }
        Op::ArrayLoad(_) => Some(1),
        Op::ArrayStore(k) => Some(1 + array_size(*k)),
        Op::PutField(i) => Some(desc_size(file.cp.member_ref(*i).ok()?.descriptor)),
        Op::InvokeVirtual(i) | Op::InvokeSpecial(i) | Op::InvokeInterface(i, _) => {
            let m = file.cp.member_ref(*i).ok()?;
            if m.name == "<init>" {
                return None;
            }
            Some(call_shape(m.descriptor)?.0)
        }
        _ => None,
    }
}

/// HotSpot's name of an array element kind in "Cannot load from ... array".
fn array_word(k: ArrayKind) -> &'static str {
    match k {
        ArrayKind::Byte => "byte/boolean",
        ArrayKind::Char => "char",
        ArrayKind::Short => "short",
        ArrayKind::Int => "int",
        ArrayKind::Long => "long",
        ArrayKind::Float => "float",
        ArrayKind::Double => "double",
        ArrayKind::Ref => "object",
    }
}

/// The first half of the message: what could not be done.
fn failed_action(file: &ClassFile, op: &Op) -> Option<String> {
    Some(match op {
        Op::ArrayLoad(k) => format!("Cannot load from {} array", array_word(*k)),
        Op::ArrayStore(k) => format!("Cannot store to {} array", array_word(*k)),
        Op::ArrayLength => "Cannot read the array length".into(),
        Op::AThrow => "Cannot throw exception".into(),
        Op::MonitorEnter => "Cannot enter synchronized block".into(),
        Op::MonitorExit => "Cannot exit synchronized block".into(),
        Op::GetField(i) => format!(
            "Cannot read field \"{}\"",
            file.cp.member_ref(*i).ok()?.name
        ),
        Op::PutField(i) => {
            format!(
                "Cannot assign field \"{}\"",
                file.cp.member_ref(*i).ok()?.name
            )
        }
        Op::InvokeVirtual(i) | Op::InvokeSpecial(i) | Op::InvokeInterface(i, _) => {
            format!("Cannot invoke \"{}\"", method_name(file, *i)?)
        }
        _ => return None,
    })
}

/// A class name as HotSpot prints it: external form, `Object` and `String` unqualified.
fn class_name(internal: &str) -> String {
    let ext = internal.replace('/', ".");
    match ext.as_str() {
        "java.lang.Object" => "Object".into(),
        "java.lang.String" => "String".into(),
        _ => ext,
    }
}

/// A parameter type in external form (`int`, `java.util.List`, `byte[][]`).
fn external_type(t: &FieldType) -> String {
    match t {
        FieldType::Byte => "byte".into(),
        FieldType::Char => "char".into(),
        FieldType::Double => "double".into(),
        FieldType::Float => "float".into(),
        FieldType::Int => "int".into(),
        FieldType::Long => "long".into(),
        FieldType::Short => "short".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Object(n) => n.replace('/', "."),
        FieldType::Array(e) => format!("{}[]", external_type(e)),
    }
}

/// A parameter type with HotSpot's trimming: a type that *starts* with `java.lang.Object` or
/// `java.lang.String` loses `java.lang.` (so also `java.lang.StringBuilder`, but never
/// `test.java.lang.String`).
fn trimmed_param(t: &FieldType) -> String {
    let ext = external_type(t);
    if ext.starts_with("java.lang.Object") || ext.starts_with("java.lang.String") {
        ext["java.lang.".len()..].to_string()
    } else {
        ext
    }
}

/// `Class.method(param, param)` for the method reference at constant-pool index `idx`.
fn method_name(file: &ClassFile, idx: u16) -> Option<String> {
    let m = file.cp.member_ref(idx).ok()?;
    let d = parse_method_descriptor(m.descriptor).ok()?;
    let params: Vec<String> = d.params.iter().map(trimmed_param).collect();
    Some(format!(
        "{}.{}({})",
        class_name(m.class),
        m.name,
        params.join(", ")
    ))
}

/// Builds the cause half of the message by walking back over the recorded stacks.
struct Describer<'a> {
    a: &'a NpeAnalysis,
    file: &'a ClassFile,
    method: &'a MethodInfo,
    code: &'a Code,
}

impl Describer<'_> {
    /// Appends a Java-like expression for the value in stack slot `slot` (0 = top) at `pc`;
    /// returns false if it could not (HotSpot's `print_NPE_cause0`). `prefix` is printed
    /// first at the top level, except before a method call, which has its own wording.
    fn describe(
        &self,
        out: &mut String,
        pc: u32,
        slot: usize,
        detail: u32,
        inner: bool,
        prefix: Option<&str>,
    ) -> bool {
        if detail == 0 {
            return false;
        }
        let Some(stack) = self.a.at(pc).and_then(|i| self.a.seen[i].as_ref()) else {
            return false;
        };
        let Some(source) = stack.get(slot) else {
            return false;
        };
        let Some(src) = self.a.at(source).map(|i| &self.a.insns[i]) else {
            return false;
        };
        let is_call = matches!(
            src.op,
            Op::InvokeVirtual(_)
                | Op::InvokeSpecial(_)
                | Op::InvokeStatic(_)
                | Op::InvokeInterface(..)
        );
        if detail == MAX_DETAIL && !is_call {
            if let Some(p) = prefix {
                out.push_str(p);
            }
        }
        match &src.op {
            Op::Load(Kind::Int | Kind::Ref, local) => {
                self.local(out, source, *local, !stack.was_written(*local));
                true
            }
            Op::AconstNull => {
                out.push_str("null");
                true
            }
            // `sipush` prints its operand as unsigned, like HotSpot.
            Op::Iconst(v) if src.len == 3 => {
                out.push_str(&(*v as u16).to_string());
                true
            }
            Op::Iconst(v) => {
                out.push_str(&v.to_string());
                true
            }
            Op::ArrayLoad(ArrayKind::Int | ArrayKind::Ref) => {
                if !self.describe(out, source, 1, detail - 1, inner, None) {
                    out.push_str("<array>");
                }
                out.push('[');
                if !self.describe(out, source, 0, detail, true, None) {
                    out.push_str("...");
                }
                out.push(']');
                true
            }
            Op::GetStatic(i) => match self.file.cp.member_ref(*i) {
                Ok(m) => {
                    out.push_str(&format!("{}.{}", class_name(m.class), m.name));
                    true
                }
                Err(_) => false,
            },
            Op::GetField(i) => {
                if self.describe(out, source, 0, detail - 1, inner, None) {
                    out.push('.');
                }
                match self.file.cp.member_ref(*i) {
                    Ok(m) => out.push_str(m.name),
                    Err(_) => return false,
                }
                true
            }
            Op::InvokeVirtual(i)
            | Op::InvokeSpecial(i)
            | Op::InvokeStatic(i)
            | Op::InvokeInterface(i, _) => {
                if detail == MAX_DETAIL && !inner {
                    out.push_str(" because the return value of \"");
                }
                match method_name(self.file, *i) {
                    Some(n) => {
                        out.push_str(&n);
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// A local variable: its LocalVariableTable name at `pc`, else `this`, `<parameterN>`
    /// (1-based, not yet written) or `<localN>`.
    fn local(&self, out: &mut String, pc: u32, local: u16, is_parameter: bool) {
        let named = self.code.local_variables.iter().find(|v| {
            let start = u32::from(v.start_pc);
            v.index == local && start <= pc && pc < start + u32::from(v.length)
        });
        if let Some(v) = named {
            out.push_str(&v.name);
            return;
        }
        let is_static = self.method.is_static();
        if !is_static && local == 0 && is_parameter {
            out.push_str("this");
            return;
        }
        let param = is_parameter
            .then(|| self.parameter_of(local, is_static))
            .flatten();
        match param {
            Some(n) => out.push_str(&format!("<parameter{n}>")),
            None => out.push_str(&format!("<local{local}>")),
        }
    }

    /// The 1-based number of the parameter that occupies local slot `local`, if any.
    fn parameter_of(&self, local: u16, is_static: bool) -> Option<usize> {
        let d = parse_method_descriptor(&self.method.descriptor).ok()?;
        let mut cur = usize::from(!is_static);
        for (n, p) in d.params.iter().enumerate() {
            let size = p.slots();
            if (cur..cur + size).contains(&usize::from(local)) {
                return Some(n + 1);
            }
            cur += size;
        }
        None
    }
}

#[cfg(test)]
#[path = "npe_message_tests.rs"]
mod tests;
