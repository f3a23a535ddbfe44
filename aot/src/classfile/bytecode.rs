//! Decoding of a method's `code` array into instructions (JVMS §6.5, §4.7.3).
//!
//! Invariants of a successful [`decode`]:
//! - instructions are in pc order, contiguous, and cover the whole array;
//! - every branch, switch and `jsr` target is an absolute pc that is the start of an
//!   instruction of the same array;
//! - `wide` is folded into the instruction it modifies (its `len` includes the prefix).
//!
//! Errors carry the pc of the offending instruction in `offset`; the caller adds the method.

use super::error::ClassFormatError;

/// A value kind for loads, stores, arithmetic, conversions and returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `int` (and boolean/byte/char/short on the stack).
    Int,
    /// `long`.
    Long,
    /// `float`.
    Float,
    /// `double`.
    Double,
    /// A reference (or a `returnAddress` for `astore`).
    Ref,
}

/// The element kind of an array access, `newarray` or narrowing conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArrayKind {
    /// `byte` (also `boolean` for `baload`/`bastore`).
    Byte,
    /// `char`.
    Char,
    /// `short`.
    Short,
    /// `int`.
    Int,
    /// `long`.
    Long,
    /// `float`.
    Float,
    /// `double`.
    Double,
    /// A reference.
    Ref,
}

/// An arithmetic or bitwise operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArithOp {
    /// `xadd`
    Add,
    /// `xsub`
    Sub,
    /// `xmul`
    Mul,
    /// `xdiv`
    Div,
    /// `xrem`
    Rem,
    /// `xneg` (unary)
    Neg,
    /// `xshl`
    Shl,
    /// `xshr`
    Shr,
    /// `xushr`
    Ushr,
    /// `xand`
    And,
    /// `xor`
    Or,
    /// `xxor`
    Xor,
}

/// A comparison condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cond {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `>=`
    Ge,
    /// `>`
    Gt,
    /// `<=`
    Le,
}

/// A decoded instruction. Branch targets are absolute pcs; `u16` operands are
/// constant-pool indices unless stated otherwise.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// `nop`
    Nop,
    /// `aconst_null`
    AconstNull,
    /// `iconst_m1`..`iconst_5`, `bipush`, `sipush`.
    Iconst(i32),
    /// `lconst_0`, `lconst_1`.
    Lconst(i64),
    /// `fconst_0`..`fconst_2`.
    Fconst(f32),
    /// `dconst_0`, `dconst_1`.
    Dconst(f64),
    /// `ldc`, `ldc_w`, `ldc2_w`: constant-pool index.
    Ldc(u16),
    /// `xload`, `xload_n`: kind and local index.
    Load(Kind, u16),
    /// `xstore`, `xstore_n`: kind and local index.
    Store(Kind, u16),
    /// `xaload`.
    ArrayLoad(ArrayKind),
    /// `xastore`.
    ArrayStore(ArrayKind),
    /// `pop`
    Pop,
    /// `pop2`
    Pop2,
    /// `dup`
    Dup,
    /// `dup_x1`
    DupX1,
    /// `dup_x2`
    DupX2,
    /// `dup2`
    Dup2,
    /// `dup2_x1`
    Dup2X1,
    /// `dup2_x2`
    Dup2X2,
    /// `swap`
    Swap,
    /// Arithmetic on `Int`, `Long`, `Float` or `Double`.
    Arith(Kind, ArithOp),
    /// `iinc`: local index and increment.
    Iinc(u16, i32),
    /// `i2l`..`d2f`: from, to.
    Convert(Kind, Kind),
    /// `i2b` (Byte), `i2c` (Char), `i2s` (Short).
    Narrow(ArrayKind),
    /// `lcmp`
    Lcmp,
    /// `fcmpl`, `fcmpg`, `dcmpl`, `dcmpg`.
    Fcmp {
        /// True for `dcmpx`.
        double: bool,
        /// True for the `g` variants (NaN compares greater).
        nan_greater: bool,
    },
    /// `ifeq`..`ifle`: compare with zero, then branch.
    If(Cond, u32),
    /// `if_icmpeq`..`if_icmple`.
    IfICmp(Cond, u32),
    /// `if_acmpeq` (true) / `if_acmpne` (false).
    IfACmp(bool, u32),
    /// `ifnull`
    IfNull(u32),
    /// `ifnonnull`
    IfNonNull(u32),
    /// `goto`, `goto_w`.
    Goto(u32),
    /// `jsr`, `jsr_w`.
    Jsr(u32),
    /// `ret`: local index.
    Ret(u16),
    /// `tableswitch`.
    TableSwitch {
        /// Default target.
        default: u32,
        /// Key of `targets[0]`.
        low: i32,
        /// Targets for keys `low..=low + targets.len() - 1`.
        targets: Vec<u32>,
    },
    /// `lookupswitch`.
    LookupSwitch {
        /// Default target.
        default: u32,
        /// `(key, target)` sorted by strictly increasing key.
        pairs: Vec<(i32, u32)>,
    },
    /// `xreturn` (`None` for `return`).
    Return(Option<Kind>),
    /// `getstatic`
    GetStatic(u16),
    /// `putstatic`
    PutStatic(u16),
    /// `getfield`
    GetField(u16),
    /// `putfield`
    PutField(u16),
    /// `invokevirtual`
    InvokeVirtual(u16),
    /// `invokespecial`
    InvokeSpecial(u16),
    /// `invokestatic`
    InvokeStatic(u16),
    /// `invokeinterface`: index and the `count` operand.
    InvokeInterface(u16, u8),
    /// `invokedynamic`
    InvokeDynamic(u16),
    /// `new`
    New(u16),
    /// `newarray`: element kind, and true for `boolean[]` (whose kind is `Byte`).
    NewArray(ArrayKind, bool),
    /// `anewarray`
    ANewArray(u16),
    /// `arraylength`
    ArrayLength,
    /// `athrow`
    AThrow,
    /// `checkcast`
    CheckCast(u16),
    /// `instanceof`
    InstanceOf(u16),
    /// `monitorenter`
    MonitorEnter,
    /// `monitorexit`
    MonitorExit,
    /// `multianewarray`: class index and dimensions (>= 1).
    MultiANewArray(u16, u8),
}

impl Op {
    /// Every branch target of the instruction (switch targets include the default).
    pub fn branch_targets(&self) -> Vec<u32> {
        match self {
            Op::If(_, t)
            | Op::IfICmp(_, t)
            | Op::IfACmp(_, t)
            | Op::IfNull(t)
            | Op::IfNonNull(t)
            | Op::Goto(t)
            | Op::Jsr(t) => vec![*t],
            Op::TableSwitch {
                default, targets, ..
            } => std::iter::once(*default)
                .chain(targets.iter().copied())
                .collect(),
            Op::LookupSwitch { default, pairs } => std::iter::once(*default)
                .chain(pairs.iter().map(|p| p.1))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// True if control never falls through to the next instruction.
    pub fn ends_block(&self) -> bool {
        matches!(
            self,
            Op::Goto(_)
                | Op::Ret(_)
                | Op::TableSwitch { .. }
                | Op::LookupSwitch { .. }
                | Op::Return(_)
                | Op::AThrow
        )
    }
}

/// One decoded instruction.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    /// Offset of the opcode in the code array.
    pub pc: u32,
    /// Encoded length in bytes (including a `wide` prefix and switch padding).
    pub len: u32,
    /// The operation.
    pub op: Op,
}

/// Decodes a whole code array and validates its branch targets.
pub fn decode(code: &[u8]) -> Result<Vec<Instruction>, ClassFormatError> {
    if u32::try_from(code.len()).is_err() {
        return Err(ClassFormatError::new("code array longer than 4 GiB"));
    }
    let mut insns = Vec::with_capacity(code.len() / 2);
    let mut starts = vec![false; code.len()];
    let mut pc = 0usize;
    while pc < code.len() {
        let mut cur = Cursor { code, pc, pos: pc };
        let op = decode_one(&mut cur)?;
        if let Some(s) = starts.get_mut(pc) {
            *s = true;
        }
        insns.push(Instruction {
            pc: to_u32(pc),
            len: to_u32(cur.pos - pc),
            op,
        });
        pc = cur.pos;
    }
    check_targets(&insns, &starts)?;
    Ok(insns)
}

/// Converts a pc known to be below `code.len() <= u32::MAX`.
fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn check_targets(insns: &[Instruction], starts: &[bool]) -> Result<(), ClassFormatError> {
    for insn in insns {
        for t in insn.op.branch_targets() {
            let ok = usize::try_from(t)
                .ok()
                .and_then(|t| starts.get(t))
                .copied()
                .unwrap_or(false);
            if !ok {
                return Err(ClassFormatError::at(
                    insn.pc as usize,
                    format!("branch target {t} is not the start of an instruction"),
                ));
            }
        }
    }
    Ok(())
}

/// Reads the operands of the instruction starting at `pc`.
struct Cursor<'a> {
    code: &'a [u8],
    pc: usize,
    pos: usize,
}

impl Cursor<'_> {
    fn error(&self, message: impl Into<String>) -> ClassFormatError {
        ClassFormatError::at(self.pc, message)
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], ClassFormatError> {
        let end = self.pos.checked_add(N);
        let bytes = end.and_then(|end| self.code.get(self.pos..end));
        let Some(bytes) = bytes else {
            let opcode = self.code.get(self.pc).copied().unwrap_or(0);
            return Err(self.error(format!("truncated instruction (opcode 0x{opcode:02x})")));
        };
        let mut out = [0u8; N];
        out.copy_from_slice(bytes);
        self.pos += N;
        Ok(out)
    }

    fn u1(&mut self) -> Result<u8, ClassFormatError> {
        Ok(self.take::<1>()?[0])
    }

    fn i1(&mut self) -> Result<i8, ClassFormatError> {
        Ok(i8::from_be_bytes(self.take()?))
    }

    fn u2(&mut self) -> Result<u16, ClassFormatError> {
        Ok(u16::from_be_bytes(self.take()?))
    }

    fn i2(&mut self) -> Result<i16, ClassFormatError> {
        Ok(i16::from_be_bytes(self.take()?))
    }

    fn i4(&mut self) -> Result<i32, ClassFormatError> {
        Ok(i32::from_be_bytes(self.take()?))
    }

    /// Converts a relative branch offset to an absolute pc inside the code array.
    fn target(&self, rel: i64) -> Result<u32, ClassFormatError> {
        let abs = i64::try_from(self.pc)
            .ok()
            .and_then(|pc| pc.checked_add(rel));
        match abs.and_then(|a| usize::try_from(a).ok()) {
            Some(a) if a < self.code.len() => Ok(to_u32(a)),
            _ => Err(self.error(format!(
                "branch offset {rel} leaves the code array (length {})",
                self.code.len()
            ))),
        }
    }

    fn branch16(&mut self) -> Result<u32, ClassFormatError> {
        let rel = self.i2()?;
        self.target(i64::from(rel))
    }

    fn branch32(&mut self) -> Result<u32, ClassFormatError> {
        let rel = self.i4()?;
        self.target(i64::from(rel))
    }

    fn remaining(&self) -> usize {
        self.code.len().saturating_sub(self.pos)
    }
}

const KINDS: [Kind; 5] = [Kind::Int, Kind::Long, Kind::Float, Kind::Double, Kind::Ref];
const ARRAY_KINDS: [ArrayKind; 8] = [
    ArrayKind::Int,
    ArrayKind::Long,
    ArrayKind::Float,
    ArrayKind::Double,
    ArrayKind::Ref,
    ArrayKind::Byte,
    ArrayKind::Char,
    ArrayKind::Short,
];
const CONDS: [Cond; 6] = [Cond::Eq, Cond::Ne, Cond::Lt, Cond::Ge, Cond::Gt, Cond::Le];

/// Looks up `table[i]`; the modulo keeps the access in bounds (callers pass in-range values).
fn pick<T: Copy, const N: usize>(table: &[T; N], i: u8) -> T {
    table[usize::from(i) % N]
}

fn decode_one(c: &mut Cursor<'_>) -> Result<Op, ClassFormatError> {
    let opcode = c.u1()?;
    match opcode {
        0x00..=0x14 => constants(c, opcode),
        0x15..=0x35 => loads(c, opcode),
        0x36..=0x56 => stores(c, opcode),
        0x57..=0x5f => Ok(stack_op(opcode)),
        0x60..=0x84 => arith(c, opcode),
        0x85..=0x98 => Ok(conversion_or_compare(opcode)),
        0x99..=0xa8 | 0xc6..=0xc9 => branch(c, opcode),
        0xa9 => Ok(Op::Ret(u16::from(c.u1()?))),
        0xaa => table_switch(c),
        0xab => lookup_switch(c),
        0xac..=0xb1 => Ok(Op::Return(return_kind(opcode))),
        0xb2..=0xba => member_access(c, opcode),
        0xbb..=0xc3 | 0xc5 => objects(c, opcode),
        0xc4 => wide(c),
        _ => Err(c.error(format!("unknown opcode 0x{opcode:02x}"))),
    }
}

/// JVMS §6.5 `nop`, `aconst_null`, `xconst_n`, `bipush`, `sipush`, `ldc*`.
fn constants(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    Ok(match opcode {
        0x00 => Op::Nop,
        0x01 => Op::AconstNull,
        0x02..=0x08 => Op::Iconst(i32::from(opcode) - 3),
        0x09..=0x0a => Op::Lconst(i64::from(opcode.wrapping_sub(0x09))),
        0x0b..=0x0d => Op::Fconst(f32::from(opcode.wrapping_sub(0x0b))),
        0x0e..=0x0f => Op::Dconst(f64::from(opcode.wrapping_sub(0x0e))),
        0x10 => Op::Iconst(i32::from(c.i1()?)),
        0x11 => Op::Iconst(i32::from(c.i2()?)),
        0x12 => Op::Ldc(u16::from(c.u1()?)),
        _ => Op::Ldc(c.u2()?),
    })
}

/// JVMS §6.5 `xload`, `xload_n`, `xaload`.
fn loads(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    Ok(match opcode {
        0x15..=0x19 => Op::Load(pick(&KINDS, opcode.wrapping_sub(0x15)), u16::from(c.u1()?)),
        0x1a..=0x2d => {
            let n = opcode.wrapping_sub(0x1a);
            Op::Load(pick(&KINDS, n / 4), u16::from(n % 4))
        }
        _ => Op::ArrayLoad(pick(&ARRAY_KINDS, opcode.wrapping_sub(0x2e))),
    })
}

/// JVMS §6.5 `xstore`, `xstore_n`, `xastore`.
fn stores(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    Ok(match opcode {
        0x36..=0x3a => Op::Store(pick(&KINDS, opcode.wrapping_sub(0x36)), u16::from(c.u1()?)),
        0x3b..=0x4e => {
            let n = opcode.wrapping_sub(0x3b);
            Op::Store(pick(&KINDS, n / 4), u16::from(n % 4))
        }
        _ => Op::ArrayStore(pick(&ARRAY_KINDS, opcode.wrapping_sub(0x4f))),
    })
}

/// JVMS §6.5 `pop`..`swap`.
fn stack_op(opcode: u8) -> Op {
    match opcode {
        0x57 => Op::Pop,
        0x58 => Op::Pop2,
        0x59 => Op::Dup,
        0x5a => Op::DupX1,
        0x5b => Op::DupX2,
        0x5c => Op::Dup2,
        0x5d => Op::Dup2X1,
        0x5e => Op::Dup2X2,
        _ => Op::Swap,
    }
}

/// JVMS §6.5 arithmetic, shifts, bitwise operations and `iinc`.
fn arith(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    const NUMERIC: [Kind; 4] = [Kind::Int, Kind::Long, Kind::Float, Kind::Double];
    const OPS: [ArithOp; 6] = [
        ArithOp::Add,
        ArithOp::Sub,
        ArithOp::Mul,
        ArithOp::Div,
        ArithOp::Rem,
        ArithOp::Neg,
    ];
    const BITS: [ArithOp; 6] = [
        ArithOp::Shl,
        ArithOp::Shr,
        ArithOp::Ushr,
        ArithOp::And,
        ArithOp::Or,
        ArithOp::Xor,
    ];
    Ok(match opcode {
        0x60..=0x77 => {
            let n = opcode.wrapping_sub(0x60);
            Op::Arith(pick(&NUMERIC, n % 4), pick(&OPS, n / 4))
        }
        0x78..=0x83 => {
            let n = opcode.wrapping_sub(0x78);
            Op::Arith(pick(&NUMERIC, n % 2), pick(&BITS, n / 2))
        }
        _ => {
            let index = u16::from(c.u1()?);
            Op::Iinc(index, i32::from(c.i1()?))
        }
    })
}

/// JVMS §6.5 `i2l`..`i2s`, `lcmp`, `fcmpx`, `dcmpx`.
fn conversion_or_compare(opcode: u8) -> Op {
    use Kind::{Double as D, Float as F, Int as I, Long as L};
    const CONVERSIONS: [(Kind, Kind); 12] = [
        (I, L),
        (I, F),
        (I, D),
        (L, I),
        (L, F),
        (L, D),
        (F, I),
        (F, L),
        (F, D),
        (D, I),
        (D, L),
        (D, F),
    ];
    match opcode {
        0x85..=0x90 => {
            let (from, to) = pick(&CONVERSIONS, opcode.wrapping_sub(0x85));
            Op::Convert(from, to)
        }
        0x91 => Op::Narrow(ArrayKind::Byte),
        0x92 => Op::Narrow(ArrayKind::Char),
        0x93 => Op::Narrow(ArrayKind::Short),
        0x94 => Op::Lcmp,
        _ => Op::Fcmp {
            double: opcode >= 0x97,
            nan_greater: opcode == 0x96 || opcode == 0x98,
        },
    }
}

/// JVMS §6.5 conditional branches, `goto`, `jsr` and their wide forms.
fn branch(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    Ok(match opcode {
        0x99..=0x9e => Op::If(pick(&CONDS, opcode.wrapping_sub(0x99)), c.branch16()?),
        0x9f..=0xa4 => Op::IfICmp(pick(&CONDS, opcode.wrapping_sub(0x9f)), c.branch16()?),
        0xa5 => Op::IfACmp(true, c.branch16()?),
        0xa6 => Op::IfACmp(false, c.branch16()?),
        0xa7 => Op::Goto(c.branch16()?),
        0xa8 => Op::Jsr(c.branch16()?),
        0xc6 => Op::IfNull(c.branch16()?),
        0xc7 => Op::IfNonNull(c.branch16()?),
        0xc8 => Op::Goto(c.branch32()?),
        _ => Op::Jsr(c.branch32()?),
    })
}

/// Skips the 0-3 padding bytes that align switch operands to a multiple of 4 from pc 0.
fn skip_switch_padding(c: &mut Cursor<'_>) -> Result<(), ClassFormatError> {
    while !c.pos.is_multiple_of(4) {
        c.u1()?;
    }
    Ok(())
}

/// JVMS §6.5 `tableswitch`.
fn table_switch(c: &mut Cursor<'_>) -> Result<Op, ClassFormatError> {
    skip_switch_padding(c)?;
    let default = c.branch32()?;
    let low = c.i4()?;
    let high = c.i4()?;
    if low > high {
        return Err(c.error(format!("tableswitch low {low} > high {high}")));
    }
    let count = i64::from(high) - i64::from(low) + 1;
    let fits = usize::try_from(count)
        .ok()
        .and_then(|n| n.checked_mul(4))
        .is_some_and(|bytes| bytes <= c.remaining());
    if !fits {
        return Err(c.error(format!("tableswitch with {count} targets is truncated")));
    }
    let mut targets = Vec::new();
    for _ in 0..count {
        targets.push(c.branch32()?);
    }
    Ok(Op::TableSwitch {
        default,
        low,
        targets,
    })
}

/// JVMS §6.5 `lookupswitch`.
fn lookup_switch(c: &mut Cursor<'_>) -> Result<Op, ClassFormatError> {
    skip_switch_padding(c)?;
    let default = c.branch32()?;
    let npairs = c.i4()?;
    let fits = usize::try_from(npairs)
        .ok()
        .and_then(|n| n.checked_mul(8))
        .is_some_and(|bytes| bytes <= c.remaining());
    if !fits {
        return Err(c.error(format!(
            "lookupswitch with {npairs} pairs is invalid or truncated"
        )));
    }
    let mut pairs: Vec<(i32, u32)> = Vec::new();
    for _ in 0..npairs {
        let key = c.i4()?;
        if pairs.last().is_some_and(|&(prev, _)| prev >= key) {
            return Err(c.error("lookupswitch keys are not sorted"));
        }
        pairs.push((key, c.branch32()?));
    }
    Ok(Op::LookupSwitch { default, pairs })
}

fn return_kind(opcode: u8) -> Option<Kind> {
    KINDS.get(usize::from(opcode.saturating_sub(0xac))).copied()
}

/// JVMS §6.5 field access and method invocation.
fn member_access(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    let index = c.u2()?;
    Ok(match opcode {
        0xb2 => Op::GetStatic(index),
        0xb3 => Op::PutStatic(index),
        0xb4 => Op::GetField(index),
        0xb5 => Op::PutField(index),
        0xb6 => Op::InvokeVirtual(index),
        0xb7 => Op::InvokeSpecial(index),
        0xb8 => Op::InvokeStatic(index),
        0xb9 => {
            let count = c.u1()?;
            let zero = c.u1()?;
            if count == 0 || zero != 0 {
                return Err(c.error("invokeinterface has a zero count or a nonzero fourth byte"));
            }
            Op::InvokeInterface(index, count)
        }
        _ => {
            if c.u2()? != 0 {
                return Err(c.error("invokedynamic has nonzero third and fourth bytes"));
            }
            Op::InvokeDynamic(index)
        }
    })
}

/// JVMS §6.5 object and array creation, type checks, `athrow` and monitors.
fn objects(c: &mut Cursor<'_>, opcode: u8) -> Result<Op, ClassFormatError> {
    Ok(match opcode {
        0xbb => Op::New(c.u2()?),
        0xbc => new_array(c)?,
        0xbd => Op::ANewArray(c.u2()?),
        0xbe => Op::ArrayLength,
        0xbf => Op::AThrow,
        0xc0 => Op::CheckCast(c.u2()?),
        0xc1 => Op::InstanceOf(c.u2()?),
        0xc2 => Op::MonitorEnter,
        0xc3 => Op::MonitorExit,
        _ => {
            let index = c.u2()?;
            let dims = c.u1()?;
            if dims == 0 {
                return Err(c.error("multianewarray with 0 dimensions"));
            }
            Op::MultiANewArray(index, dims)
        }
    })
}

fn new_array(c: &mut Cursor<'_>) -> Result<Op, ClassFormatError> {
    let atype = c.u1()?;
    let (kind, boolean) = match atype {
        4 => (ArrayKind::Byte, true),
        5 => (ArrayKind::Char, false),
        6 => (ArrayKind::Float, false),
        7 => (ArrayKind::Double, false),
        8 => (ArrayKind::Byte, false),
        9 => (ArrayKind::Short, false),
        10 => (ArrayKind::Int, false),
        11 => (ArrayKind::Long, false),
        _ => return Err(c.error(format!("newarray with invalid atype {atype}"))),
    };
    Ok(Op::NewArray(kind, boolean))
}

/// JVMS §6.5 `wide`.
fn wide(c: &mut Cursor<'_>) -> Result<Op, ClassFormatError> {
    let opcode = c.u1()?;
    let index = c.u2()?;
    Ok(match opcode {
        0x15..=0x19 => Op::Load(pick(&KINDS, opcode.wrapping_sub(0x15)), index),
        0x36..=0x3a => Op::Store(pick(&KINDS, opcode.wrapping_sub(0x36)), index),
        0xa9 => Op::Ret(index),
        0x84 => Op::Iinc(index, i32::from(c.i2()?)),
        _ => return Err(c.error(format!("wide applied to opcode 0x{opcode:02x}"))),
    })
}

#[cfg(test)]
#[path = "bytecode_tests.rs"]
mod tests;
