//! Natives behind annotation reflection: the raw annotation bytes of a class and of its
//! members (`Class.rawAnnotations0`) and the constant pool they index
//! (`jdk.internal.reflect.ConstantPool`, roast's SDK shadow), both read from the class's
//! `contract::AnnotationMeta` (see `aot/src/lower/annotation_meta.rs`).
//!
//! Invariants: a class without kept annotations behaves as one without annotations (null
//! bytes, empty pool); pool indices are checked by the SDK against `size0` before the
//! other natives are called, and checked again here (out of range reads as tag 0).

use super::lang::mirror_desc;
use crate::contract::{AnnotationMeta, MemberAnnotations, PoolEntry};
use crate::object::{cstr, DescExt};
use crate::strings::java_string;

extern "C" {
    #[link_name = "desc:[B"]
    static BYTE_ARRAY_DESC: crate::contract::ClassDesc;
}

/// Kinds of `Class.rawAnnotations0`.
mod kind {
    pub const CLASS: i32 = 0;
    pub const MEMBER: i32 = 1;
    pub const PARAMETERS: i32 = 2;
    pub const DEFAULT: i32 = 3;
}

fn meta_of(class: *mut u8) -> Option<&'static AnnotationMeta> {
    let m = mirror_desc(class)?.meta()?;
    // SAFETY: null or a static record emitted by the compiler.
    unsafe { m.annotations.as_ref() }
}

fn pool(meta: &AnnotationMeta) -> &'static [PoolEntry] {
    if meta.pool.is_null() {
        return &[];
    }
    // SAFETY: `n_pool` records.
    unsafe { std::slice::from_raw_parts(meta.pool, meta.n_pool as usize) }
}

fn members(meta: &AnnotationMeta) -> &'static [MemberAnnotations] {
    if meta.members.is_null() {
        return &[];
    }
    // SAFETY: `n_members` records.
    unsafe { std::slice::from_raw_parts(meta.members, meta.n_members as usize) }
}

fn entry(class: *mut u8, index: i32) -> Option<&'static PoolEntry> {
    let i = usize::try_from(index).ok()?.checked_sub(1)?;
    pool(meta_of(class)?).get(i)
}

/// The bytes of a length-prefixed blob.
fn blob(p: *const u8) -> Option<&'static [u8]> {
    if p.is_null() {
        return None;
    }
    // SAFETY: a blob starts with its u32 little-endian length, followed by that many bytes.
    unsafe {
        let len = u32::from_le_bytes(std::ptr::read_unaligned(p as *const [u8; 4])) as usize;
        Some(std::slice::from_raw_parts(p.add(4), len))
    }
}

fn byte_array(bytes: &[u8]) -> *mut u8 {
    // SAFETY: the compiler always emits byte[]'s descriptor.
    let Some(arr) = crate::heap::alloc_array(unsafe { &BYTE_ARRAY_DESC }, bytes.len()) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the new array holds `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), arr.array_data(), bytes.len()) };
    arr.raw()
}

fn java_str(o: *mut u8) -> Option<String> {
    crate::object::Obj::from_raw(o).map(|s| String::from_utf16_lossy(&crate::strings::utf16(s)))
}

/// The annotation bytes of member `name` + `descriptor` of class mirror `class` (`which`:
/// annotations, parameter annotations or default), or null.
pub fn member_bytes(class: *mut u8, which: i32, name: &str, descriptor: &str) -> *mut u8 {
    meta_of(class)
        .and_then(|meta| {
            members(meta)
                .iter()
                .find(|m| name == cstr(m.name) && descriptor == cstr(m.descriptor))
        })
        .and_then(|m| match which {
            kind::MEMBER => blob(m.annotations),
            kind::PARAMETERS => blob(m.parameter_annotations),
            kind::DEFAULT => blob(m.annotation_default),
            _ => None,
        })
        .map_or(std::ptr::null_mut(), byte_array)
}

/// The annotation bytes of a field (for `Field.annotations`), or null.
pub fn field_bytes(class: *mut u8, name: &str, descriptor: &str) -> *mut u8 {
    member_bytes(class, kind::MEMBER, name, descriptor)
}

/// Class.rawAnnotations0: the annotation bytes of the class (`kind` 0) or of the member
/// `name` + `descriptor` (1: annotations, 2: parameter annotations, 3: annotation default).
#[export_name = "java/lang/Class.rawAnnotations0(ILjava/lang/String;Ljava/lang/String;)[B"]
pub extern "C" fn class_raw_annotations0(
    this: *mut u8,
    which: i32,
    name: *mut u8,
    descriptor: *mut u8,
) -> *mut u8 {
    let Some(meta) = meta_of(this) else {
        return std::ptr::null_mut();
    };
    if which == kind::CLASS {
        return blob(meta.class_annotations).map_or(std::ptr::null_mut(), byte_array);
    }
    match (java_str(name), java_str(descriptor)) {
        (Some(n), Some(d)) => member_bytes(this, which, &n, &d),
        _ => std::ptr::null_mut(),
    }
}

/// ConstantPool.size0: the pool size (entries are 1..size-1, as in a class file).
#[export_name = "jdk/internal/reflect/ConstantPool.size0(Ljava/lang/Class;)I"]
pub extern "C" fn constant_pool_size0(class: *mut u8) -> i32 {
    meta_of(class).map_or(0, |m| pool(m).len() as i32 + 1)
}

/// ConstantPool.tag0: the JVMS tag of entry `index` (0 when out of range).
#[export_name = "jdk/internal/reflect/ConstantPool.tag0(Ljava/lang/Class;I)I"]
pub extern "C" fn constant_pool_tag0(class: *mut u8, index: i32) -> i32 {
    entry(class, index).map_or(0, |e| e.tag as i32)
}

/// ConstantPool.bits0: the value bits of a numeric entry.
#[export_name = "jdk/internal/reflect/ConstantPool.bits0(Ljava/lang/Class;I)J"]
pub extern "C" fn constant_pool_bits0(class: *mut u8, index: i32) -> i64 {
    entry(class, index).map_or(0, |e| e.value as i64)
}

/// ConstantPool.utf8At0: the text of a Utf8 entry.
#[export_name = "jdk/internal/reflect/ConstantPool.utf8At0(Ljava/lang/Class;I)Ljava/lang/String;"]
pub extern "C" fn constant_pool_utf8_at0(class: *mut u8, index: i32) -> *mut u8 {
    let Some(e) = entry(class, index).filter(|e| e.tag == 1) else {
        return std::ptr::null_mut();
    };
    // SAFETY: a Utf8 entry's value is the address of `len` bytes of UTF-8 text.
    let text = unsafe { std::slice::from_raw_parts(e.value as usize as *const u8, e.len as usize) };
    let s = String::from_utf8_lossy(text);
    java_string(&s).map_or(std::ptr::null_mut(), |o| o.raw())
}
