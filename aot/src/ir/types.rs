//! IR value types and memory kinds.
//!
//! Invariants: SSA values have one of the five register types of the JVM operand stack
//! ([`Type`]); `boolean`, `byte`, `char` and `short` exist only in memory (fields and array
//! elements, [`MemKind`]) and are `i32` in registers (JVMS §2.11.1).

use crate::classfile::bytecode::{ArrayKind, Kind};
use std::fmt;

/// The type of an SSA value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// `int` (and boolean/byte/char/short in registers).
    I32,
    /// `long`.
    I64,
    /// `float`.
    F32,
    /// `double`.
    F64,
    /// A reference (possibly null).
    Ref,
}

impl Type {
    /// The register type of a bytecode value kind.
    pub fn of_kind(k: Kind) -> Type {
        match k {
            Kind::Int => Type::I32,
            Kind::Long => Type::I64,
            Kind::Float => Type::F32,
            Kind::Double => Type::F64,
            Kind::Ref => Type::Ref,
        }
    }

    /// The register type of a descriptor's first letter (`V` is not a value type).
    pub fn of_descriptor(desc: &str) -> Type {
        MemKind::of_descriptor(desc).register_type()
    }

    /// True for `long` and `double` (two JVM stack words).
    pub fn is_wide(self) -> bool {
        matches!(self, Type::I64 | Type::F64)
    }

    /// True for `i32` and `i64`.
    pub fn is_int(self) -> bool {
        matches!(self, Type::I32 | Type::I64)
    }

    /// True for `f32` and `f64`.
    pub fn is_float(self) -> bool {
        matches!(self, Type::F32 | Type::F64)
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Type::I32 => "i32",
            Type::I64 => "i64",
            Type::F32 => "f32",
            Type::F64 => "f64",
            Type::Ref => "ref",
        })
    }
}

/// The kind of a value in memory: a field or an array element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemKind {
    /// `boolean` (one byte, 0 or 1).
    Bool,
    /// `byte` (sign-extended when loaded).
    Byte,
    /// `char` (zero-extended when loaded).
    Char,
    /// `short` (sign-extended when loaded).
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

impl MemKind {
    /// The memory kind of a field descriptor (anything unknown is a reference).
    pub fn of_descriptor(desc: &str) -> MemKind {
        match desc.as_bytes().first() {
            Some(b'Z') => MemKind::Bool,
            Some(b'B') => MemKind::Byte,
            Some(b'C') => MemKind::Char,
            Some(b'S') => MemKind::Short,
            Some(b'I') => MemKind::Int,
            Some(b'J') => MemKind::Long,
            Some(b'F') => MemKind::Float,
            Some(b'D') => MemKind::Double,
            _ => MemKind::Ref,
        }
    }

    /// The element kind of a bytecode array access (`baload` serves byte and boolean arrays).
    pub fn of_array_kind(k: ArrayKind) -> MemKind {
        match k {
            ArrayKind::Byte => MemKind::Byte,
            ArrayKind::Char => MemKind::Char,
            ArrayKind::Short => MemKind::Short,
            ArrayKind::Int => MemKind::Int,
            ArrayKind::Long => MemKind::Long,
            ArrayKind::Float => MemKind::Float,
            ArrayKind::Double => MemKind::Double,
            ArrayKind::Ref => MemKind::Ref,
        }
    }

    /// The type a loaded value has in a register.
    pub fn register_type(self) -> Type {
        match self {
            MemKind::Bool | MemKind::Byte | MemKind::Char | MemKind::Short | MemKind::Int => {
                Type::I32
            }
            MemKind::Long => Type::I64,
            MemKind::Float => Type::F32,
            MemKind::Double => Type::F64,
            MemKind::Ref => Type::Ref,
        }
    }
}

impl fmt::Display for MemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MemKind::Bool => "bool",
            MemKind::Byte => "i8",
            MemKind::Char => "u16",
            MemKind::Short => "i16",
            MemKind::Int => "i32",
            MemKind::Long => "i64",
            MemKind::Float => "f32",
            MemKind::Double => "f64",
            MemKind::Ref => "ref",
        })
    }
}
