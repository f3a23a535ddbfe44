//! Pre-decoded code: each method's decoded instructions translated once (on its first
//! activation) into compact [`FastOp`]s that the interpreter loop (`exec.rs`) executes inline,
//! without a call per instruction.
//!
//! - Branch targets are instruction indexes (no pc lookup per jump).
//! - `ldc` of a numeric constant becomes a push of the value (no constant-pool decoding).
//! - Arithmetic, loads, stores and array accesses are specialized by type, so the loop
//!   matches once per instruction.
//! - Everything else is [`FastOp::Slow`]: the general path (`exec::step`) runs the decoded
//!   [`Instruction`] at the same index.
//!
//! Invariants:
//! - `ops[i]` and `pcs[i]` describe `RtMethod::code[i]`; a translation never changes what an
//!   instruction means (a form that cannot be translated exactly stays `Slow`).
//! - Every fast operation still checks its operands' tags (values stay tagged, see
//!   `value.rs`), so ill-typed code raises VerifyError through the same messages' path and
//!   never touches memory it should not; classes are verified (JVMS §4.10) before they run,
//!   so those checks never fail on the hot path.

use super::class::{Resolved, RtMethod};
use super::invoke::How;
use super::sig::Sig;
use super::value::Value;
use crate::classfile::{ArithOp, ArrayKind, Cond, Kind, Loadable, Op};
use std::sync::OnceLock;

/// One pre-decoded instruction. `u32` operands named `t` are instruction indexes.
#[derive(Clone, Copy, Debug)]
pub enum FastOp {
    /// Executed by the general path on the decoded instruction.
    Slow,
    /// `nop`.
    Nop,
    /// Pushes a constant (`xconst`, `bipush`, `sipush`, numeric `ldc`).
    Push(Value),
    /// `iload`.
    ILoad(u16),
    /// `aload`.
    ALoad(u16),
    /// `dload`.
    DLoad(u16),
    /// `lload`, `fload`.
    Load(Kind, u16),
    /// `istore`.
    IStore(u16),
    /// `astore` (of a reference, not of a `returnAddress`).
    AStore(u16),
    /// `lstore`, `fstore`, `dstore`.
    Store(Kind, u16),
    /// `iinc`.
    IInc(u16, i32),
    /// `iadd`.
    IAdd,
    /// `isub`.
    ISub,
    /// `imul`.
    IMul,
    /// Other `int` arithmetic (may throw for division by zero).
    IArith(ArithOp),
    /// `dadd`.
    DAdd,
    /// `dsub`.
    DSub,
    /// `dmul`.
    DMul,
    /// `ddiv`.
    DDiv,
    /// `long`, `float` and other `double` arithmetic.
    Arith(Kind, ArithOp),
    /// `i2d`.
    I2D,
    /// `d2i`.
    D2I,
    /// `i2l`.
    I2L,
    /// `l2i`.
    L2I,
    /// Other conversions.
    Convert(Kind, Kind),
    /// `lcmp`.
    Lcmp,
    /// `dcmpl`/`dcmpg` (true for `g`).
    Dcmp(bool),
    /// `fcmpl`/`fcmpg` (true for `g`).
    Fcmp(bool),
    /// `ifeq`..`ifle`.
    If(Cond, u32),
    /// `if_icmpeq`..`if_icmple`.
    IfICmp(Cond, u32),
    /// `if_acmpeq` (true) / `if_acmpne`.
    IfACmp(bool, u32),
    /// `ifnull`.
    IfNull(u32),
    /// `ifnonnull`.
    IfNonNull(u32),
    /// `goto`.
    Goto(u32),
    /// `xaload` of a primitive or reference array.
    ArrayLoad(ArrayKind),
    /// `xastore` of a primitive array (reference stores need the store check: `Slow`).
    ArrayStore(ArrayKind),
    /// `arraylength`.
    ArrayLength,
    /// `dup`.
    Dup,
    /// `pop` of a category-1 value.
    Pop,
    /// `getfield` (constant-pool index), resolution cached in [`FastCode::cache`].
    GetField(u16),
    /// `putfield`.
    PutField(u16),
    /// `getstatic`.
    GetStatic(u16),
    /// `putstatic`.
    PutStatic(u16),
    /// `invokevirtual`, `invokespecial`, `invokestatic`, `invokeinterface`.
    Invoke(How, u16),
    /// `return` (None), `ireturn`..`areturn`.
    Return(Option<Kind>),
}

impl FastOp {
    /// Can this operation raise an exception (so the frame record must hold its pc)?
    pub fn may_throw(self) -> bool {
        matches!(
            self,
            FastOp::Slow
                | FastOp::IArith(ArithOp::Div | ArithOp::Rem)
                | FastOp::Arith(Kind::Long, ArithOp::Div | ArithOp::Rem)
                | FastOp::ArrayLoad(_)
                | FastOp::ArrayStore(_)
                | FastOp::ArrayLength
                | FastOp::GetField(_)
                | FastOp::PutField(_)
                | FastOp::GetStatic(_)
                | FastOp::PutStatic(_)
                | FastOp::Invoke(..)
        )
    }
}

/// The pre-decoded form of one method.
pub struct FastCode {
    /// One operation per decoded instruction.
    pub ops: Box<[FastOp]>,
    /// The pc of each instruction.
    pub pcs: Box<[u32]>,
    /// Per instruction: the resolved field or call site of a field access or invoke, once
    /// resolution succeeded (and, for static members, the class is initialized), so later
    /// executions skip the class's resolution table.
    pub cache: Box<[OnceLock<Resolved>]>,
    /// The method's parameter and return letters (None for a malformed descriptor).
    pub sig: Option<Sig>,
}

/// The pre-decoded code of `m`, made on first use.
pub fn code_of(m: &'static RtMethod) -> &'static FastCode {
    m.fast.get_or_init(|| translate(m))
}

fn translate(m: &RtMethod) -> FastCode {
    let index = |pc: u32| -> Option<u32> {
        m.pc_index
            .get(pc as usize)
            .copied()
            .filter(|&i| i != u32::MAX)
    };
    let class = m.class.get();
    let ops = m
        .code
        .iter()
        .map(|insn| {
            let branch =
                |pc: u32, make: &dyn Fn(u32) -> FastOp| index(pc).map_or(FastOp::Slow, make);
            match insn.op {
                Op::Nop => FastOp::Nop,
                Op::AconstNull => FastOp::Push(Value::Ref(0)),
                Op::Iconst(v) => FastOp::Push(Value::Int(v)),
                Op::Lconst(v) => FastOp::Push(Value::Long(v)),
                Op::Fconst(v) => FastOp::Push(Value::Float(v)),
                Op::Dconst(v) => FastOp::Push(Value::Double(v)),
                Op::Ldc(i) => match class.map(|c| c.file.cp.loadable(i)) {
                    Some(Ok(Loadable::Int(v))) => FastOp::Push(Value::Int(v)),
                    Some(Ok(Loadable::Long(v))) => FastOp::Push(Value::Long(v)),
                    Some(Ok(Loadable::Float(v))) => FastOp::Push(Value::Float(v)),
                    Some(Ok(Loadable::Double(v))) => FastOp::Push(Value::Double(v)),
                    _ => FastOp::Slow,
                },
                Op::Load(Kind::Int, i) => FastOp::ILoad(i),
                Op::Load(Kind::Ref, i) => FastOp::ALoad(i),
                Op::Load(Kind::Double, i) => FastOp::DLoad(i),
                Op::Load(k, i) => FastOp::Load(k, i),
                Op::Store(Kind::Int, i) => FastOp::IStore(i),
                Op::Store(Kind::Ref, i) => FastOp::AStore(i),
                Op::Store(k, i) => FastOp::Store(k, i),
                Op::Iinc(i, d) => FastOp::IInc(i, d),
                Op::Arith(Kind::Int, ArithOp::Add) => FastOp::IAdd,
                Op::Arith(Kind::Int, ArithOp::Sub) => FastOp::ISub,
                Op::Arith(Kind::Int, ArithOp::Mul) => FastOp::IMul,
                Op::Arith(Kind::Int, o) => FastOp::IArith(o),
                Op::Arith(Kind::Double, ArithOp::Add) => FastOp::DAdd,
                Op::Arith(Kind::Double, ArithOp::Sub) => FastOp::DSub,
                Op::Arith(Kind::Double, ArithOp::Mul) => FastOp::DMul,
                Op::Arith(Kind::Double, ArithOp::Div) => FastOp::DDiv,
                Op::Arith(k, o) if k != Kind::Ref => FastOp::Arith(k, o),
                Op::Convert(Kind::Int, Kind::Double) => FastOp::I2D,
                Op::Convert(Kind::Double, Kind::Int) => FastOp::D2I,
                Op::Convert(Kind::Int, Kind::Long) => FastOp::I2L,
                Op::Convert(Kind::Long, Kind::Int) => FastOp::L2I,
                Op::Convert(a, b) => FastOp::Convert(a, b),
                Op::Lcmp => FastOp::Lcmp,
                Op::Fcmp {
                    double: true,
                    nan_greater,
                } => FastOp::Dcmp(nan_greater),
                Op::Fcmp {
                    double: false,
                    nan_greater,
                } => FastOp::Fcmp(nan_greater),
                Op::If(c, pc) => branch(pc, &|t| FastOp::If(c, t)),
                Op::IfICmp(c, pc) => branch(pc, &|t| FastOp::IfICmp(c, t)),
                Op::IfACmp(eq, pc) => branch(pc, &|t| FastOp::IfACmp(eq, t)),
                Op::IfNull(pc) => branch(pc, &FastOp::IfNull),
                Op::IfNonNull(pc) => branch(pc, &FastOp::IfNonNull),
                Op::Goto(pc) => branch(pc, &FastOp::Goto),
                Op::ArrayLoad(k) => FastOp::ArrayLoad(k),
                Op::ArrayStore(k) if k != ArrayKind::Ref => FastOp::ArrayStore(k),
                Op::ArrayLength => FastOp::ArrayLength,
                Op::Dup => FastOp::Dup,
                Op::Pop => FastOp::Pop,
                Op::GetField(i) => FastOp::GetField(i),
                Op::PutField(i) => FastOp::PutField(i),
                Op::GetStatic(i) => FastOp::GetStatic(i),
                Op::PutStatic(i) => FastOp::PutStatic(i),
                Op::InvokeVirtual(i) => FastOp::Invoke(How::Virtual, i),
                Op::InvokeSpecial(i) => FastOp::Invoke(How::Special, i),
                Op::InvokeStatic(i) => FastOp::Invoke(How::Static, i),
                Op::InvokeInterface(i, _) => FastOp::Invoke(How::Interface, i),
                Op::Return(k) => FastOp::Return(k),
                _ => FastOp::Slow,
            }
        })
        .collect();
    FastCode {
        ops,
        pcs: m.code.iter().map(|i| i.pc).collect(),
        cache: m.code.iter().map(|_| OnceLock::new()).collect(),
        sig: Sig::parse(&m.descriptor),
    }
}
