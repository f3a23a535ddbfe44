//! The instruction set: every operation javac 17 emits, with Java semantics spelled out.
//!
//! Invariants:
//! - locals and operand-stack slots do not exist here: they are SSA values (loads and stores
//!   of locals disappear while building, JVMS §2.6.1–§2.6.2);
//! - implicit checks are separate instructions ([`Opcode::NullCheck`], [`Opcode::BoundsCheck`],
//!   [`Opcode::DivZeroCheck`], [`Opcode::StoreCheck`]) placed right before the access they
//!   guard, so that passes can remove them; the guarded access itself never throws;
//! - only instructions for which [`Opcode::can_throw`] holds may carry an exceptional successor
//!   ([`InstData::exc`]); its target's first parameter receives the exception and the edge's
//!   arguments fill the remaining parameters;
//! - terminators ([`Opcode::is_terminator`]) end a block and nothing follows them.

use super::entity::{Block, Value};
use super::types::{MemKind, Type};
use std::fmt;

/// A field reference: owner class (internal name), field name, field descriptor.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldRef {
    /// Internal name of the class named by the instruction.
    pub class: String,
    /// Field name.
    pub name: String,
    /// Field descriptor.
    pub descriptor: String,
}

/// A method reference: owner class, name, descriptor, and whether it is an interface method.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MethodRef {
    /// Internal name (or array descriptor) of the class named by the instruction.
    pub class: String,
    /// Method name.
    pub name: String,
    /// Method descriptor.
    pub descriptor: String,
    /// True for a `CONSTANT_InterfaceMethodref`.
    pub interface: bool,
}

/// How a method is invoked (JVMS §6.5 `invokestatic`, `invokespecial`, `invokevirtual`,
/// `invokeinterface`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvokeKind {
    /// No receiver; the class is initialized first.
    Static,
    /// Receiver, no dynamic dispatch (constructors, private and `super` calls).
    Special,
    /// Receiver, dispatch through the class's vtable.
    Virtual,
    /// Receiver, dispatch through the interface tables.
    Interface,
}

/// Binary arithmetic and bitwise operations (JVMS §6.5 `iadd`..`lxor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// Two's-complement wrapping addition; IEEE 754 round-to-nearest for floats.
    Add,
    /// Wrapping subtraction.
    Sub,
    /// Wrapping multiplication.
    Mul,
    /// Integer: truncating division, `MIN / -1 == MIN` (the divisor is never zero: a
    /// [`Opcode::DivZeroCheck`] precedes it). Float: IEEE 754 division (x/0 is ±Inf or NaN).
    Div,
    /// Integer: remainder with the sign of the dividend, `MIN % -1 == 0` (divisor nonzero).
    /// Float: `fmod`-style remainder (truncating, sign of the dividend; not IEEE remainder).
    Rem,
    /// Shift left; the count is masked to 5 (int) or 6 (long) bits; the count is always `i32`.
    Shl,
    /// Arithmetic shift right, count masked as for `Shl`.
    Shr,
    /// Logical shift right, count masked as for `Shl`.
    Ushr,
    /// Bitwise and.
    And,
    /// Bitwise or.
    Or,
    /// Bitwise xor.
    Xor,
}

impl BinOp {
    /// True for the shifts, whose right operand is always `i32`.
    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr | BinOp::Ushr)
    }

    /// The printed name.
    pub fn name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::Div => "div",
            BinOp::Rem => "rem",
            BinOp::Shl => "shl",
            BinOp::Shr => "shr",
            BinOp::Ushr => "ushr",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Xor => "xor",
        }
    }
}

/// A branch condition, comparing two `i32` values (signed) or two references (`Eq`/`Ne`):
/// the bytecode decoder's conditions, used unchanged.
pub use crate::classfile::bytecode::Cond;

impl Cond {
    /// The printed name.
    pub fn name(self) -> &'static str {
        match self {
            Cond::Eq => "eq",
            Cond::Ne => "ne",
            Cond::Lt => "lt",
            Cond::Ge => "ge",
            Cond::Gt => "gt",
            Cond::Le => "le",
        }
    }
}

/// A constant that `ldc` loads and that needs resolution or allocation.
#[derive(Debug, Clone, PartialEq)]
pub enum RefConst {
    /// A string literal (UTF-16 contents); interned, never null.
    String(Vec<u16>),
    /// A class literal (internal name or array descriptor); never null.
    Class(String),
    /// A `MethodType` (method descriptor); resolution may throw.
    MethodType(String),
    /// A `MethodHandle` of reference kind 1..=9; resolution may throw.
    MethodHandle(u8, MethodRef),
    /// A dynamically computed constant (JVMS §5.4.3.6): bootstrap index, name, descriptor.
    Dynamic(u16, String, String),
}

/// An operation with its immediates. Operands are in [`InstData::args`].
#[derive(Debug, Clone, PartialEq)]
pub enum Opcode {
    /// An `i32` constant (`iconst`, `bipush`, `sipush`, `ldc`).
    Iconst(i32),
    /// An `i64` constant.
    Lconst(i64),
    /// An `f32` constant, as its bit pattern (keeps NaN payloads and -0.0 exact).
    Fconst(u32),
    /// An `f64` constant, as its bit pattern.
    Dconst(u64),
    /// The null reference.
    Null,
    /// An undefined value; exists only while building (the verifier rejects it).
    Undef(Type),
    /// A reference constant (`ldc` of a string, class, method type/handle or dynamic constant;
    /// a dynamic constant of primitive type has that type).
    Const(RefConst),
    /// Binary arithmetic of one type (shift counts are `i32`), see [`BinOp`].
    Binary(BinOp, Type),
    /// Negation: integer wrapping (`-MIN == MIN`), float sign flip (also of NaN and 0.0).
    Neg(Type),
    /// `lcmp`: -1, 0 or 1 as `i32`.
    Lcmp,
    /// `fcmpl`/`fcmpg`/`dcmpl`/`dcmpg` of the given float type: -1, 0, 1; when either operand
    /// is NaN the result is 1 if `nan_greater` (the `g` forms) and -1 otherwise.
    Fcmp {
        /// `F32` or `F64`.
        ty: Type,
        /// True for `fcmpg`/`dcmpg`.
        nan_greater: bool,
    },
    /// Conversion from one type to another (JVMS §2.8.3, §6.5 `i2l`..`d2f`): int widening is
    /// sign extension, `l2i` truncates, int→float rounds to nearest; float→int (`f2i`, `d2i`,
    /// `f2l`, `d2l`) rounds toward zero and saturates to MIN/MAX, NaN gives 0; `d2f` rounds
    /// to nearest (overflow to ±Inf), `f2d` is exact.
    Convert(Type, Type),
    /// `i2b`/`i2c`/`i2s`: truncate an `i32` to the memory kind and extend back (sign for
    /// byte/short, zero for char).
    Narrow(MemKind),
    /// Throws `ArithmeticException` if the integer operand is zero (before `idiv`..`lrem`).
    DivZeroCheck,
    /// Throws `NullPointerException` if the reference operand is null.
    NullCheck,
    /// Operands: array, index. Throws `ArrayIndexOutOfBoundsException` unless
    /// `0 <= index < length`. The array is already null-checked.
    BoundsCheck,
    /// Operands: array, value. Throws `ArrayStoreException` unless the (non-null) value is
    /// assignable to the array's component type (`aastore`, JVMS §6.5).
    StoreCheck,
    /// Reads an instance field of a non-null object.
    GetField(FieldRef),
    /// Writes an instance field of a non-null object (operands: object, value).
    PutField(FieldRef),
    /// Reads a static field, initializing its class first (may throw).
    GetStatic(FieldRef),
    /// Writes a static field, initializing its class first (may throw).
    PutStatic(FieldRef),
    /// Allocates an uninitialized instance of the class, initializing it first (may throw).
    New(String),
    /// Allocates an array of `length` elements with this component descriptor; throws
    /// `NegativeArraySizeException` if the length is negative.
    NewArray(String),
    /// `multianewarray`: array descriptor and the dimension counts as operands.
    MultiNewArray(String),
    /// Length of a non-null array.
    ArrayLength,
    /// Loads an element (operands: array, index) after the null and bounds checks.
    ArrayLoad(MemKind),
    /// Stores an element (operands: array, index, value) after the checks.
    ArrayStore(MemKind),
    /// Throws `ClassCastException` unless the operand is null or an instance of the class;
    /// the result is the operand.
    CheckCast(String),
    /// 1 if the operand is a non-null instance of the class, else 0.
    InstanceOf(String),
    /// A method call; the receiver (if any) is the first operand and already null-checked.
    Invoke(InvokeKind, MethodRef),
    /// `invokedynamic`: the call site's constant-pool index, bootstrap-method index, name and
    /// descriptor; the operands are the descriptor's arguments.
    InvokeDynamic {
        /// Index of the `CONSTANT_InvokeDynamic` entry.
        index: u16,
        /// Index into the `BootstrapMethods` attribute.
        bootstrap: u16,
        /// The bootstrap method (e.g. `LambdaMetafactory.metafactory`).
        bootstrap_method: MethodRef,
        /// The call site's name.
        name: String,
        /// The call site's method descriptor.
        descriptor: String,
    },
    /// Acquires the monitor of a non-null object.
    MonitorEnter,
    /// Releases the monitor of a non-null object; throws `IllegalMonitorStateException` if
    /// the thread does not own it.
    MonitorExit,
    /// Terminator: unconditional jump to `succs[0]`.
    Jump,
    /// Terminator: if `args[0] cond args[1]` go to `succs[0]`, else to `succs[1]`.
    Branch(Cond),
    /// Terminator: `succs[0]` is the default; `succs[i + 1]` is taken for `keys[i]`
    /// (`tableswitch` when `table`, keys consecutive; `lookupswitch` otherwise, keys sorted).
    Switch {
        /// Case keys, strictly increasing.
        keys: Vec<i32>,
        /// True if it came from a `tableswitch`.
        table: bool,
    },
    /// Terminator: returns the operand, if any.
    Return,
    /// Terminator: throws the (non-null) operand (`athrow` after its null check).
    Throw,
}

impl Opcode {
    /// True if the operation may throw an exception (and so may carry an exceptional edge).
    pub fn can_throw(&self) -> bool {
        match self {
            Opcode::Const(c) => !matches!(c, RefConst::String(_) | RefConst::Class(_)),
            Opcode::DivZeroCheck
            | Opcode::NullCheck
            | Opcode::BoundsCheck
            | Opcode::StoreCheck
            | Opcode::GetStatic(_)
            | Opcode::PutStatic(_)
            | Opcode::New(_)
            | Opcode::NewArray(_)
            | Opcode::MultiNewArray(_)
            | Opcode::CheckCast(_)
            | Opcode::Invoke(..)
            | Opcode::InvokeDynamic { .. }
            | Opcode::MonitorExit
            | Opcode::Throw => true,
            _ => false,
        }
    }

    /// True if the operation ends a block.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Opcode::Jump
                | Opcode::Branch(_)
                | Opcode::Switch { .. }
                | Opcode::Return
                | Opcode::Throw
        )
    }
}

/// A control-flow edge: target block and the arguments for its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockCall {
    /// Target block.
    pub block: Block,
    /// One argument per parameter (for an exceptional edge: per parameter after the first).
    pub args: Vec<Value>,
}

impl BlockCall {
    /// An edge without arguments.
    pub fn new(block: Block) -> Self {
        BlockCall {
            block,
            args: Vec::new(),
        }
    }
}

impl fmt::Display for BlockCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.block)?;
        if !self.args.is_empty() {
            let args: Vec<String> = self.args.iter().map(Value::to_string).collect();
            write!(f, "({})", args.join(", "))?;
        }
        Ok(())
    }
}

/// One instruction.
#[derive(Debug, Clone, PartialEq)]
pub struct InstData {
    /// The operation.
    pub op: Opcode,
    /// Operands.
    pub args: Vec<Value>,
    /// The result, if the operation produces one.
    pub result: Option<Value>,
    /// Normal successors (terminators only).
    pub succs: Vec<BlockCall>,
    /// Exceptional successor, when a handler covers this throwing instruction.
    pub exc: Option<BlockCall>,
    /// Bytecode offset this instruction came from.
    pub pc: u32,
}
