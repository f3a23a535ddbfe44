//! Nesting facts of a run-time class for `Class.getModifiers`, `getSimpleName`,
//! `getCanonicalName` and `getDeclaringClass`, computed from its InnerClasses and
//! EnclosingMethod attributes as the compiler does for compiled classes
//! (`aot/src/lower/class_meta.rs`).
//!
//! Invariant: outer classes are recorded by name only (`declaring` stays null), as the
//! contract allows for classes not compiled into the program. The canonical name of a member
//! class is its outer class's binary name with `$` read as `.` (exact unless a class name
//! itself contains `$`).

use super::link::leak_cstr;
use crate::classfile::{access, ClassFile};
use crate::contract::{class_flags, ClassMeta};

/// Fills `modifiers`, `flags`, `simple_name`, `canonical_name` and the outer names.
pub fn fill_nesting(meta: &mut ClassMeta, file: &ClassFile) {
    let own = file.inner_classes.iter().find(|e| e.inner == file.name);
    let modifiers = own.map_or(file.access, |e| e.access) & !access::SUPER;
    meta.modifiers = u32::from(modifiers);
    let dotted = file.name.replace('/', ".");
    match own {
        None => {
            meta.canonical_name = leak_cstr(&dotted);
        }
        Some(e) => {
            if let Some(simple) = &e.simple_name {
                meta.simple_name = leak_cstr(simple);
            }
            match (&e.outer, &e.simple_name) {
                (Some(outer), Some(simple)) => {
                    meta.flags |= class_flags::MEMBER;
                    meta.declaring_name = leak_cstr(outer);
                    meta.enclosing_name = leak_cstr(outer);
                    let canonical = format!("{}.{simple}", outer.replace(['/', '$'], "."));
                    meta.canonical_name = leak_cstr(&canonical);
                }
                (None, Some(_)) => meta.flags |= class_flags::LOCAL,
                _ => meta.flags |= class_flags::ANONYMOUS,
            }
        }
    }
    if let Some(em) = &file.enclosing_method {
        meta.enclosing_name = leak_cstr(&em.class);
    }
    if file.record_components.is_some() {
        meta.flags |= class_flags::RECORD;
    }
}
