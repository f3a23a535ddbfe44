//! Nesting facts of a class as `java.lang.Class` reports them (modifiers, member/local/
//! anonymous/record/sealed flags, simple and canonical names, declaring and enclosing
//! classes, nest host), computed from the class's own InnerClasses, EnclosingMethod,
//! NestHost, Record and PermittedSubclasses attributes as HotSpot does.
//!
//! Shared by the compiler (`lower/class_meta.rs`, for compiled classes) and the runtime
//! (`runtime/src/interp/names.rs` includes this file by `#[path]`, for classes defined at
//! run time), so both kinds of class answer alike. Pure: needs only `crate::classfile` and
//! `crate::contract`, which both crates provide.
//!
//! Invariant: javac lists every enclosing class in a nested class's InnerClasses attribute,
//! so canonical names need no other class file.

use crate::classfile::{access, ClassFile};
use crate::contract::class_flags;

/// HotSpot's `JVM_ACC_WRITTEN_FLAGS`: the class flags `Class.getModifiers` can report.
const WRITTEN_FLAGS: u16 = 0x7fff;

/// Nesting facts about one class, as `java.lang.Class` reports them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NestInfo {
    /// `Class.getModifiers()`.
    pub modifiers: u32,
    /// `contract::class_flags` bits (without `JDK`).
    pub flags: u32,
    /// Simple binary name from the class's own InnerClasses entry.
    pub simple_name: Option<String>,
    /// Canonical name (dotted), None when the class has none.
    pub canonical_name: Option<String>,
    /// Internal name of the declaring class.
    pub declaring: Option<String>,
    /// Internal name of the immediately enclosing class.
    pub enclosing: Option<String>,
    /// Internal name of the nest host named by a NestHost attribute.
    pub nest_host: Option<String>,
}

/// The nesting facts of a class from its class file.
pub fn nest_info(file: &ClassFile) -> NestInfo {
    let own = file.inner_classes.iter().find(|e| e.inner == file.name);
    let declaring = own.and_then(|e| e.outer.clone());
    let simple_name = own.and_then(|e| e.simple_name.clone());
    let flags = nesting_flags(file, declaring.is_some(), simple_name.is_some());
    let access = own.map_or(file.access, |e| e.access);
    NestInfo {
        modifiers: u32::from(access & !access::SUPER & WRITTEN_FLAGS),
        flags,
        canonical_name: canonical_name(file),
        enclosing: file
            .enclosing_method
            .as_ref()
            .map(|m| m.class.clone())
            .or_else(|| declaring.clone()),
        declaring,
        simple_name,
        nest_host: file.nest_host.clone(),
    }
}

fn nesting_flags(file: &ClassFile, has_declaring: bool, has_simple_name: bool) -> u32 {
    let mut flags = match (file.enclosing_method.is_some(), has_simple_name) {
        (true, true) => class_flags::LOCAL,
        (true, false) => class_flags::ANONYMOUS,
        (false, _) if has_declaring => class_flags::MEMBER,
        _ => 0,
    };
    if file.record_components.is_some() && file.super_name.as_deref() == Some("java/lang/Record") {
        flags |= class_flags::RECORD;
    }
    if !file.permitted_subclasses.is_empty() {
        flags |= class_flags::SEALED;
    }
    flags
}

/// `Class.getCanonicalName()` of an ordinary class: the binary name for top-level classes,
/// the enclosing class's canonical name + "." + simple name for member classes, None for
/// local and anonymous classes and for classes nested in them.
pub fn canonical_name(file: &ClassFile) -> Option<String> {
    if file.enclosing_method.is_some() {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut name = file.name.as_str();
    // Each step moves to an outer class; the bound only guards against malformed cycles.
    for _ in 0..256 {
        let Some(entry) = file.inner_classes.iter().find(|e| e.inner == name) else {
            parts.push(name);
            parts.reverse();
            return Some(parts.join(".").replace('/', "."));
        };
        match (&entry.outer, &entry.simple_name) {
            (Some(outer), Some(simple)) => {
                parts.push(simple);
                name = outer;
            }
            _ => return None,
        }
    }
    None
}
