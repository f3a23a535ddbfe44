//! Nesting facts of a run-time class for `Class.getModifiers`, `getSimpleName`,
//! `getCanonicalName`, `getDeclaringClass`, `getEnclosingClass`, `isSealed`, `isRecord` and
//! the member/local/anonymous predicates: the compiler's own computation
//! (`aot/src/nest_info.rs`, included by `#[path]`), so run-time and compiled classes answer
//! alike.
//!
//! Invariant: outer classes are recorded by name only (`declaring`/`enclosing` stay null),
//! as the contract allows; `natives/reflect.rs` resolves them through the class's loader.
//! The nest host is validated separately (`nest.rs`).

use super::link::leak_cstr;
use crate::classfile::ClassFile;
use crate::contract::ClassMeta;

#[path = "../../../aot/src/nest_info.rs"]
mod nest_info;

/// Fills `modifiers`, `flags`, `simple_name`, `canonical_name` and the outer names.
pub fn fill_nesting(meta: &mut ClassMeta, file: &ClassFile) {
    let info = nest_info::nest_info(file);
    let opt = |s: Option<&str>| s.map_or(std::ptr::null(), leak_cstr);
    meta.modifiers = info.modifiers;
    meta.flags |= info.flags;
    meta.simple_name = opt(info.simple_name.as_deref());
    meta.canonical_name = opt(info.canonical_name.as_deref());
    meta.declaring_name = opt(info.declaring.as_deref());
    meta.enclosing_name = opt(info.enclosing.as_deref());
}
