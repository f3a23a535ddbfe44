//! Mapping of JVM types to LLVM types, and small descriptor helpers used by the lowering.
//!
//! Invariants: `int`, `short`, `char`, `byte` and `boolean` values are `i32` in registers,
//! arguments and return values; they are only narrower in memory (fields, array elements).
//! References are `ptr addrspace(1)`.

use crate::classfile::bytecode::{ArrayKind, Kind};
use crate::classfile::descriptor::{parse_method_descriptor, FieldType};
use inkwell::context::Context;
use inkwell::types::{BasicMetadataTypeEnum, BasicTypeEnum, FunctionType};
use inkwell::AddressSpace;

/// The address space of Java references.
pub const REF_SPACE: u16 = 1;

/// Stack kind of a descriptor letter.
pub fn kind_of_letter(letter: u8) -> Kind {
    match letter {
        b'J' => Kind::Long,
        b'F' => Kind::Float,
        b'D' => Kind::Double,
        b'L' | b'[' => Kind::Ref,
        _ => Kind::Int,
    }
}

/// Descriptor letter of a field type ([`FieldType::letter`]).
pub fn letter_of(t: &FieldType) -> u8 {
    t.letter()
}

/// Is this kind two stack words wide?
pub fn is_wide(k: Kind) -> bool {
    matches!(k, Kind::Long | Kind::Double)
}

/// LLVM type of a stack kind.
pub fn kind_type(ctx: &Context, k: Kind) -> BasicTypeEnum<'_> {
    match k {
        Kind::Int => ctx.i32_type().into(),
        Kind::Long => ctx.i64_type().into(),
        Kind::Float => ctx.f32_type().into(),
        Kind::Double => ctx.f64_type().into(),
        Kind::Ref => ctx.ptr_type(AddressSpace::from(REF_SPACE)).into(),
    }
}

/// LLVM type of a value stored in memory with the given descriptor letter.
pub fn memory_type(ctx: &Context, letter: u8) -> BasicTypeEnum<'_> {
    match letter {
        b'Z' | b'B' => ctx.i8_type().into(),
        b'C' | b'S' => ctx.i16_type().into(),
        other => kind_type(ctx, kind_of_letter(other)),
    }
}

/// Descriptor letter of an array element kind.
pub fn array_letter(k: ArrayKind) -> u8 {
    match k {
        ArrayKind::Byte => b'B',
        ArrayKind::Char => b'C',
        ArrayKind::Short => b'S',
        ArrayKind::Int => b'I',
        ArrayKind::Long => b'J',
        ArrayKind::Float => b'F',
        ArrayKind::Double => b'D',
        ArrayKind::Ref => b'L',
    }
}

/// Internal name of the primitive array class created by `newarray`.
pub fn prim_array_name(k: ArrayKind, is_bool: bool) -> &'static str {
    match k {
        ArrayKind::Byte if is_bool => "[Z",
        ArrayKind::Byte => "[B",
        ArrayKind::Char => "[C",
        ArrayKind::Short => "[S",
        ArrayKind::Int => "[I",
        ArrayKind::Long => "[J",
        ArrayKind::Float => "[F",
        ArrayKind::Double => "[D",
        ArrayKind::Ref => "[Ljava/lang/Object;",
    }
}

/// Element size in bytes of an array with the given element letter.
pub fn elem_size(letter: u8) -> u32 {
    crate::program::layout::field_size(letter)
}

/// Parameter kinds and return kind of a method descriptor (receiver not included).
pub fn method_kinds(desc: &str) -> (Vec<Kind>, Option<Kind>) {
    match parse_method_descriptor(desc) {
        Ok(d) => (
            d.params
                .iter()
                .map(|p| kind_of_letter(letter_of(p)))
                .collect(),
            d.ret.as_ref().map(|r| kind_of_letter(letter_of(r))),
        ),
        Err(_) => (Vec::new(), None),
    }
}

/// The LLVM function type of a compiled method.
pub fn method_fn_type<'c>(ctx: &'c Context, desc: &str, is_static: bool) -> FunctionType<'c> {
    let (params, ret) = method_kinds(desc);
    let mut args: Vec<BasicMetadataTypeEnum> = Vec::new();
    if !is_static {
        args.push(kind_type(ctx, Kind::Ref).into());
    }
    args.extend(
        params
            .iter()
            .map(|&k| BasicMetadataTypeEnum::from(kind_type(ctx, k))),
    );
    match ret {
        Some(k) => {
            use inkwell::types::BasicType;
            kind_type(ctx, k).fn_type(&args, false)
        }
        None => ctx.void_type().fn_type(&args, false),
    }
}
