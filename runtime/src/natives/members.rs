//! Member reflection natives: the methods and fields of a class as the compiler's metadata
//! lists them (`ClassMeta::methods` + `pruned_methods`, `ClassMeta::fields`), their generic
//! signatures and `throws` clauses, record components, `java.lang.reflect.Field` objects and
//! the `Unsafe` field-offset queries on them. Calls of compiled methods are in
//! `method_calls.rs`.
//!
//! Invariants:
//! - A member's `slot` (in `Method.slot`, `Constructor.slot` and `Field.slot`) is its index
//!   in the reflective list of its declaring class: compiled methods, then declared methods
//!   that were not compiled (null entry; calling one throws an exception naming it). Fields
//!   are in declaration order.

use super::lang::mirror_desc;
use crate::contract::{ClassDesc, FieldMeta, MethodExtra, MethodMeta};
use crate::object::{class_by_name, cstr, field_offset, DescExt, Obj};
use crate::strings::java_string;

/// Integer-class argument registers used by [`call_compiled`] (receiver included).
pub const MAX_INT_ARGS: usize = 6;
/// Floating-point argument registers used by [`call_compiled`].
pub const MAX_FLOAT_ARGS: usize = 8;

pub(super) fn null() -> *mut u8 {
    std::ptr::null_mut()
}

/// The compiled methods listed in the metadata of `d`.
fn compiled_methods(d: &ClassDesc) -> &'static [MethodMeta] {
    match d.meta() {
        Some(m) if !m.methods.is_null() => {
            // SAFETY: the compiler emits `n_methods` contiguous records.
            unsafe { std::slice::from_raw_parts(m.methods, m.n_methods as usize) }
        }
        _ => &[],
    }
}

/// The declared methods of `d` that were not compiled.
fn pruned_methods(d: &ClassDesc) -> &'static [MethodMeta] {
    match d.meta() {
        Some(m) if !m.pruned_methods.is_null() => {
            // SAFETY: the compiler emits `n_pruned_methods` contiguous records.
            unsafe { std::slice::from_raw_parts(m.pruned_methods, m.n_pruned_methods as usize) }
        }
        _ => &[],
    }
}

/// Every declared method of `d` in slot order (compiled ones first).
pub(super) fn declared_methods(d: &ClassDesc) -> impl Iterator<Item = &'static MethodMeta> {
    compiled_methods(d).iter().chain(pruned_methods(d).iter())
}

/// The method of `d` at reflective slot `slot`.
pub(super) fn method_by_slot(d: &ClassDesc, slot: usize) -> Option<&'static MethodMeta> {
    let compiled = compiled_methods(d);
    match slot.checked_sub(compiled.len()) {
        None => compiled.get(slot),
        Some(i) => pruned_methods(d).get(i),
    }
}

/// The reflection extras of the method at `slot`.
fn method_extra(d: &ClassDesc, slot: usize) -> Option<&'static MethodExtra> {
    let m = d.meta()?;
    let n = m.n_methods as usize + m.n_pruned_methods as usize;
    if m.method_extras.is_null() || slot >= n {
        return None;
    }
    // SAFETY: `method_extras` has one record per method in slot order, `slot < n`.
    Some(unsafe { &*m.method_extras.add(slot) })
}

/// The fields listed in the metadata of `d`.
fn fields(d: &ClassDesc) -> &'static [FieldMeta] {
    match d.meta() {
        Some(m) if !m.fields.is_null() => {
            // SAFETY: the compiler emits `n_fields` records.
            unsafe { std::slice::from_raw_parts(m.fields, m.n_fields as usize) }
        }
        _ => &[],
    }
}

pub(super) fn method_at(this: *mut u8, slot: i32) -> Option<&'static MethodMeta> {
    let d = mirror_desc(this)?;
    usize::try_from(slot)
        .ok()
        .and_then(|i| method_by_slot(d, i))
}

fn field_at(this: *mut u8, slot: i32) -> Option<&'static FieldMeta> {
    let d = mirror_desc(this)?;
    usize::try_from(slot).ok().and_then(|i| fields(d).get(i))
}

pub(super) fn string(s: &str) -> *mut u8 {
    java_string(s).map_or(null(), |o| o.raw())
}

/// Class.methodCount0: the number of methods in the class's metadata.
#[export_name = "java/lang/Class.methodCount0()I"]
pub extern "C" fn class_method_count0(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| declared_methods(d).count() as i32)
}

/// Class.methodName0: the name of method `slot`.
#[export_name = "java/lang/Class.methodName0(I)Ljava/lang/String;"]
pub extern "C" fn class_method_name0(this: *mut u8, slot: i32) -> *mut u8 {
    method_at(this, slot).map_or(null(), |m| string(cstr(m.name)))
}

/// Class.methodDescriptor0: the descriptor of method `slot`.
#[export_name = "java/lang/Class.methodDescriptor0(I)Ljava/lang/String;"]
pub extern "C" fn class_method_descriptor0(this: *mut u8, slot: i32) -> *mut u8 {
    method_at(this, slot).map_or(null(), |m| string(cstr(m.descriptor)))
}

/// Class.methodModifiers0: the access flags of method `slot`.
#[export_name = "java/lang/Class.methodModifiers0(I)I"]
pub extern "C" fn class_method_modifiers0(this: *mut u8, slot: i32) -> i32 {
    method_at(this, slot).map_or(0, |m| m.access as i32)
}

/// A string of the metadata, or null.
fn opt_string(p: *const u8) -> *mut u8 {
    if p.is_null() {
        null()
    } else {
        string(cstr(p))
    }
}

/// Class.methodSignature0: the generic signature of method `slot`, or null.
#[export_name = "java/lang/Class.methodSignature0(I)Ljava/lang/String;"]
pub extern "C" fn class_method_signature0(this: *mut u8, slot: i32) -> *mut u8 {
    let extra = mirror_desc(this).and_then(|d| method_extra(d, usize::try_from(slot).ok()?));
    extra.map_or(null(), |e| opt_string(e.signature))
}

/// Class.methodExceptions0: the declared exceptions of method `slot` (internal names
/// separated by spaces), or null.
#[export_name = "java/lang/Class.methodExceptions0(I)Ljava/lang/String;"]
pub extern "C" fn class_method_exceptions0(this: *mut u8, slot: i32) -> *mut u8 {
    let extra = mirror_desc(this).and_then(|d| method_extra(d, usize::try_from(slot).ok()?));
    extra.map_or(null(), |e| opt_string(e.exceptions))
}

/// Class.recordComponents0: the Record attribute (see `contract::ClassMeta`), or null.
#[export_name = "java/lang/Class.recordComponents0()Ljava/lang/String;"]
pub extern "C" fn class_record_components0(this: *mut u8) -> *mut u8 {
    let meta = mirror_desc(this).and_then(|d| d.meta());
    meta.map_or(null(), |m| opt_string(m.record_components))
}

/// Class.enclosingMethod0: the EnclosingMethod method as "name descriptor", or null.
#[export_name = "java/lang/Class.enclosingMethod0()Ljava/lang/String;"]
pub extern "C" fn class_enclosing_method0(this: *mut u8) -> *mut u8 {
    let meta = mirror_desc(this).and_then(|d| d.meta());
    meta.map_or(null(), |m| opt_string(m.enclosing_method))
}

/// Class.permittedSubclasses0: the PermittedSubclasses names separated by spaces, or null.
#[export_name = "java/lang/Class.permittedSubclasses0()Ljava/lang/String;"]
pub extern "C" fn class_permitted_subclasses0(this: *mut u8) -> *mut u8 {
    let meta = mirror_desc(this).and_then(|d| d.meta());
    meta.map_or(null(), |m| opt_string(m.permitted_subclasses))
}

/// Class.fieldSignature0: the generic signature of field `slot`, or null.
#[export_name = "java/lang/Class.fieldSignature0(I)Ljava/lang/String;"]
pub extern "C" fn class_field_signature0(this: *mut u8, slot: i32) -> *mut u8 {
    field_at(this, slot).map_or(null(), |f| opt_string(f.signature))
}

/// Class.fieldCount0: the number of fields in the class's metadata.
#[export_name = "java/lang/Class.fieldCount0()I"]
pub extern "C" fn class_field_count0(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| fields(d).len() as i32)
}

/// Class.fieldName0: the name of field `slot`.
#[export_name = "java/lang/Class.fieldName0(I)Ljava/lang/String;"]
pub extern "C" fn class_field_name0(this: *mut u8, slot: i32) -> *mut u8 {
    field_at(this, slot).map_or(null(), |f| string(cstr(f.name)))
}

/// Class.fieldDescriptor0: the descriptor of field `slot`.
#[export_name = "java/lang/Class.fieldDescriptor0(I)Ljava/lang/String;"]
pub extern "C" fn class_field_descriptor0(this: *mut u8, slot: i32) -> *mut u8 {
    field_at(this, slot).map_or(null(), |f| string(cstr(f.descriptor)))
}

/// Class.fieldModifiers0: the access flags of field `slot`.
#[export_name = "java/lang/Class.fieldModifiers0(I)I"]
pub extern "C" fn class_field_modifiers0(this: *mut u8, slot: i32) -> i32 {
    field_at(this, slot).map_or(0, |f| f.access as i32)
}

/// Class.newField0: a `java.lang.reflect.Field` built the way HotSpot's
/// `Reflection::new_field` builds one (its constructor is private to java.lang.reflect).
/// The Field class is initialized first (its superclass AccessibleObject's initializer
/// installs the reflection factory that field accessors come from).
#[export_name = "java/lang/Class.newField0(Ljava/lang/Class;ILjava/lang/String;Ljava/lang/Class;IZLjava/lang/String;)Ljava/lang/reflect/Field;"]
pub extern "C" fn class_new_field0(
    decl: *mut u8,
    slot: i32,
    name: *mut u8,
    ty: *mut u8,
    modifiers: i32,
    trusted_final: i32,
    signature: *mut u8,
) -> *mut u8 {
    let Some(field_class) = class_by_name("java/lang/reflect/Field") else {
        crate::throw::linkage(
            crate::contract::error_kind::UNSUPPORTED,
            "java.lang.reflect.Field is not compiled into this program",
        );
        return null();
    };
    crate::classes::roast_init_class(field_class);
    if crate::thread::pending().is_some() {
        return null();
    }
    let Some(f) = crate::heap::alloc_instance(field_class) else {
        return null();
    };
    let set_ref = |n: &str, v: *mut u8| {
        if let Some(off) = field_offset(field_class, n) {
            f.write_ref(off, Obj::from_raw(v));
        }
    };
    set_ref("clazz", decl);
    set_ref("name", name);
    set_ref("type", ty);
    set_ref("signature", signature);
    if let Some(off) = field_offset(field_class, "slot") {
        f.write::<i32>(off, slot);
    }
    if let Some(off) = field_offset(field_class, "modifiers") {
        f.write::<i32>(off, modifiers);
    }
    if let Some(off) = field_offset(field_class, "trustedFinal") {
        f.write::<u8>(off, trusted_final as u8);
    }
    f.raw()
}

/// The metadata of the field a `java.lang.reflect.Field` stands for (NPE when null).
fn reflected_field(field: *mut u8) -> Option<&'static FieldMeta> {
    let Some(f) = Obj::from_raw(field) else {
        crate::throw::npe(None);
        return None;
    };
    let class = f.desc();
    let clazz = field_offset(class, "clazz").and_then(|o| f.read_ref(o))?;
    let slot: i32 = field_offset(class, "slot").map_or(-1, |o| f.read(o));
    field_at(clazz.raw(), slot)
}

/// Unsafe.objectFieldOffset0: the offset of an instance field.
#[export_name = "jdk/internal/misc/Unsafe.objectFieldOffset0(Ljava/lang/reflect/Field;)J"]
pub extern "C" fn unsafe_object_field_offset0(_this: *mut u8, field: *mut u8) -> i64 {
    reflected_field(field).map_or(-1, |f| f.offset as i64)
}

/// Unsafe.staticFieldOffset0: the address of a static field's storage (used with a null
/// base, see `staticFieldBase0`).
#[export_name = "jdk/internal/misc/Unsafe.staticFieldOffset0(Ljava/lang/reflect/Field;)J"]
pub extern "C" fn unsafe_static_field_offset0(_this: *mut u8, field: *mut u8) -> i64 {
    reflected_field(field).map_or(-1, |f| f.static_addr as i64)
}

/// Unsafe.staticFieldBase0: null, static field offsets are absolute addresses.
#[export_name = "jdk/internal/misc/Unsafe.staticFieldBase0(Ljava/lang/reflect/Field;)Ljava/lang/Object;"]
pub extern "C" fn unsafe_static_field_base0(_this: *mut u8, field: *mut u8) -> *mut u8 {
    let _ = reflected_field(field);
    null()
}
