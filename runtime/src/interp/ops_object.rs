//! Objects, fields, arrays and type checks (JVMS §6.5 ldc, getfield..putstatic, new,
//! newarray, anewarray, multianewarray, xaload, xastore, checkcast, instanceof).
//!
//! Invariants: every field access checks that the receiver is an instance of the field's
//! class, and every array access checks the array's element kind and bounds, so no access
//! reaches outside the object it names.

use super::class::Resolved;
use super::exec::{check, obj_of, verify_fail, Frame, Thrown, R};
use super::resolve;
use super::value::Value;
use crate::classes::is_subtype;
use crate::classfile::{ArrayKind, Kind, Loadable};
use crate::contract::{self, ClassDesc};
use crate::object::{class_by_name, DescExt, Obj};
use std::sync::OnceLock;

/// Pops a reference and throws NullPointerException when it is null.
#[inline]
pub fn non_null(f: &mut Frame) -> R<Obj> {
    let r = f.pop_ref()?;
    match obj_of(r) {
        Some(o) => Ok(o),
        None => {
            crate::throw::npe(None);
            Err(Thrown)
        }
    }
}

fn some<T>(v: Option<T>) -> R<T> {
    v.ok_or(Thrown)
}

/// `ldc`, `ldc_w`, `ldc2_w`.
pub fn ldc(f: &mut Frame, idx: u16) -> R<()> {
    let class = f.m.class();
    let c = match class.file.cp.loadable(idx) {
        Ok(c) => c,
        Err(e) => return verify_fail(f.m, &e.to_string()),
    };
    let v = match c {
        Loadable::Int(v) => Value::Int(v),
        Loadable::Float(v) => Value::Float(v),
        Loadable::Long(v) => Value::Long(v),
        Loadable::Double(v) => Value::Double(v),
        Loadable::String(units) => {
            let s = some(crate::strings::java_string_utf16(units))?;
            Value::Ref(crate::natives::lang::string_intern(s.raw()) as usize)
        }
        Loadable::Class(_) => {
            let d = some(resolve::class_ref(class, idx))?;
            Value::Ref(crate::classes::roast_class_mirror(d) as usize)
        }
        other => {
            crate::throw::linkage(
                contract::error_kind::UNSUPPORTED,
                &format!("ldc of {other:?} in interpreted code is not supported yet"),
            );
            return Err(Thrown);
        }
    };
    f.push(v)
}

#[inline]
fn receiver_check(f: &Frame, o: Obj, owner: &ClassDesc) -> R<()> {
    if is_subtype(o.desc(), owner) {
        Ok(())
    } else {
        let name = crate::classes::java_name(owner);
        verify_fail(
            f.m,
            &format!("field access on an object that is not a {name}"),
        )
    }
}

/// Reads a field value of descriptor letter `l` at `p`.
///
/// # Safety
/// `p` must point to storage of that field type.
#[inline]
unsafe fn read_at(p: *const u8, l: u8) -> Value {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match l {
            b'Z' => Value::Int(i32::from(p.read())),
            b'B' => Value::Int(i32::from((p as *const i8).read())),
            b'C' => Value::Int(i32::from((p as *const u16).read())),
            b'S' => Value::Int(i32::from((p as *const i16).read())),
            b'I' => Value::Int((p as *const i32).read()),
            b'J' => Value::Long((p as *const i64).read()),
            b'F' => Value::Float((p as *const f32).read()),
            b'D' => Value::Double((p as *const f64).read()),
            _ => Value::Ref((p as *const usize).read()),
        }
    }
}

/// Writes `v` as a field of letter `l` at `p`; false when the value has the wrong type.
///
/// # Safety
/// `p` must point to storage of that field type.
#[inline]
pub unsafe fn write_at(p: *mut u8, l: u8, v: Value) -> bool {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match (l, v) {
            (b'Z', Value::Int(x)) => p.write((x & 1) as u8),
            (b'B', Value::Int(x)) => p.write(x as u8),
            (b'C' | b'S', Value::Int(x)) => (p as *mut u16).write(x as u16),
            (b'I', Value::Int(x)) => (p as *mut i32).write(x),
            (b'J', Value::Long(x)) => (p as *mut i64).write(x),
            (b'F', Value::Float(x)) => (p as *mut f32).write(x),
            (b'D', Value::Double(x)) => (p as *mut f64).write(x),
            (b'L' | b'[', Value::Ref(x)) => (p as *mut usize).write(x),
            _ => return false,
        }
    }
    true
}

fn static_field(f: &Frame, idx: u16) -> R<(*mut u8, u8)> {
    match some(resolve::field_ref(f.m.class(), idx, true))? {
        Resolved::StaticField(p, l, holder) => {
            crate::classes::roast_init_class(holder);
            check()?;
            Ok((p, l))
        }
        _ => verify_fail(f.m, "static field expected"),
    }
}

fn instance_field(f: &Frame, idx: u16) -> R<(usize, u8, &'static ClassDesc)> {
    match some(resolve::field_ref(f.m.class(), idx, false))? {
        Resolved::InstanceField(off, l, owner) => Ok((off, l, owner)),
        _ => verify_fail(f.m, "instance field expected"),
    }
}

/// A resolved static field whose class is initialized, from the instruction's cache or
/// resolved (and cached once the class is initialized).
#[inline]
fn static_field_cached(f: &Frame, idx: u16, slot: &OnceLock<Resolved>) -> R<(*mut u8, u8)> {
    if let Some(&Resolved::StaticField(p, l, _)) = slot.get() {
        return Ok((p, l));
    }
    let (p, l) = static_field(f, idx)?;
    if let Some(r @ Resolved::StaticField(_, _, holder)) =
        resolve::field_ref(f.m.class(), idx, true)
    {
        if holder.init_state.load(std::sync::atomic::Ordering::Acquire) == contract::INIT_DONE {
            let _ = slot.set(r);
        }
    }
    Ok((p, l))
}

/// A resolved instance field, from the instruction's cache or resolved and cached.
#[inline]
fn instance_field_cached(
    f: &Frame,
    idx: u16,
    slot: &OnceLock<Resolved>,
) -> R<(usize, u8, &'static ClassDesc)> {
    if let Some(&Resolved::InstanceField(off, l, owner)) = slot.get() {
        return Ok((off, l, owner));
    }
    let (off, l, owner) = instance_field(f, idx)?;
    let _ = slot.set(Resolved::InstanceField(off, l, owner));
    Ok((off, l, owner))
}

/// `getstatic` through the instruction's resolution cache.
#[inline]
pub fn get_static_cached(f: &mut Frame, idx: u16, slot: &OnceLock<Resolved>) -> R<()> {
    let (p, l) = static_field_cached(f, idx, slot)?;
    // SAFETY: `p` is the field's storage (from the metadata), typed by its descriptor.
    let v = unsafe { read_at(p, l) };
    f.stack.push(v);
    Ok(())
}

/// `putstatic` through the instruction's resolution cache.
#[inline]
pub fn put_static_cached(f: &mut Frame, idx: u16, slot: &OnceLock<Resolved>) -> R<()> {
    let (p, l) = static_field_cached(f, idx, slot)?;
    let v = f.pop_kind(kind_of_letter(l))?;
    // SAFETY: as above.
    if !unsafe { write_at(p, l, v) } {
        return verify_fail(f.m, &format!("putstatic of {v:?}"));
    }
    Ok(())
}

/// `getfield` through the instruction's resolution cache.
#[inline]
pub fn get_field_cached(f: &mut Frame, idx: u16, slot: &OnceLock<Resolved>) -> R<()> {
    let (off, l, owner) = instance_field_cached(f, idx, slot)?;
    let o = non_null(f)?;
    receiver_check(f, o, owner)?;
    // SAFETY: `o` is an instance of the field's class, so the field is at `off`.
    let v = unsafe { read_at(o.at(off), l) };
    f.stack.push(v);
    Ok(())
}

/// `putfield` through the instruction's resolution cache.
#[inline]
pub fn put_field_cached(f: &mut Frame, idx: u16, slot: &OnceLock<Resolved>) -> R<()> {
    let (off, l, owner) = instance_field_cached(f, idx, slot)?;
    let v = f.pop_kind(kind_of_letter(l))?;
    let o = non_null(f)?;
    receiver_check(f, o, owner)?;
    // SAFETY: as in `get_field`.
    if !unsafe { write_at(o.at(off), l, v) } {
        return verify_fail(f.m, &format!("putfield of {v:?}"));
    }
    Ok(())
}

/// The stack kind of a field descriptor letter.
#[inline]
fn kind_of_letter(l: u8) -> Kind {
    match l {
        b'J' => Kind::Long,
        b'F' => Kind::Float,
        b'D' => Kind::Double,
        b'L' | b'[' => Kind::Ref,
        _ => Kind::Int,
    }
}

/// `getstatic`.
pub fn get_static(f: &mut Frame, idx: u16) -> R<()> {
    let (p, l) = static_field(f, idx)?;
    // SAFETY: `p` is the field's storage (from the metadata), typed by its descriptor.
    let v = unsafe { read_at(p, l) };
    f.push(v)
}

/// `putstatic`.
pub fn put_static(f: &mut Frame, idx: u16) -> R<()> {
    let (p, l) = static_field(f, idx)?;
    let v = f.pop()?;
    // SAFETY: as above.
    if !unsafe { write_at(p, l, v) } {
        return verify_fail(f.m, &format!("putstatic of {v:?}"));
    }
    Ok(())
}

/// `getfield`.
pub fn get_field(f: &mut Frame, idx: u16) -> R<()> {
    let (off, l, owner) = instance_field(f, idx)?;
    let o = non_null(f)?;
    receiver_check(f, o, owner)?;
    // SAFETY: `o` is an instance of the field's class, so the field is at `off`.
    let v = unsafe { read_at(o.at(off), l) };
    f.push(v)
}

/// `putfield`.
pub fn put_field(f: &mut Frame, idx: u16) -> R<()> {
    let (off, l, owner) = instance_field(f, idx)?;
    let v = f.pop()?;
    let o = non_null(f)?;
    receiver_check(f, o, owner)?;
    // SAFETY: as in `get_field`.
    if !unsafe { write_at(o.at(off), l, v) } {
        return verify_fail(f.m, &format!("putfield of {v:?}"));
    }
    Ok(())
}

/// `new`.
pub fn new(f: &mut Frame, idx: u16) -> R<()> {
    let d = some(resolve::class_ref(f.m.class(), idx))?;
    if d.kind != contract::KIND_INSTANCE || d.access & crate::classfile::access::ABSTRACT != 0 {
        crate::throw::linkage(
            contract::error_kind::INSTANTIATION,
            &crate::classes::java_name(d),
        );
        return Err(Thrown);
    }
    crate::classes::roast_init_class(d);
    check()?;
    let o = some(crate::heap::alloc_instance(d))?;
    f.push(Value::Ref(o.raw() as usize))
}

fn primitive_array(k: ArrayKind, boolean: bool) -> &'static str {
    match k {
        ArrayKind::Byte if boolean => "[Z",
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

fn alloc(f: &mut Frame, d: &'static ClassDesc) -> R<()> {
    let n = f.pop_int()?;
    let a = crate::heap::roast_alloc_array(d, n);
    check()?;
    f.push(Value::Ref(a as usize))
}

/// `newarray`.
pub fn new_array(f: &mut Frame, k: ArrayKind, boolean: bool) -> R<()> {
    let name = primitive_array(k, boolean);
    match class_by_name(name) {
        Some(d) => alloc(f, d),
        None => some(resolve::pruned::<()>(&format!("array class {name}"))),
    }
}

/// `anewarray`.
pub fn anew_array(f: &mut Frame, idx: u16) -> R<()> {
    let class = f.m.class();
    let elem = match class.file.cp.class_name(idx) {
        Ok(n) => n.to_string(),
        Err(e) => return verify_fail(f.m, &e.to_string()),
    };
    let name = if elem.starts_with('[') {
        format!("[{elem}")
    } else {
        format!("[L{elem};")
    };
    let d = some(resolve::class_named(class, &name))?;
    alloc(f, d)
}

/// `multianewarray`.
pub fn multi_array(f: &mut Frame, idx: u16, dims: u8) -> R<()> {
    let d = some(resolve::class_ref(f.m.class(), idx))?;
    let mut lens = Vec::new();
    for _ in 0..dims {
        lens.push(f.pop_int()?);
    }
    lens.reverse();
    let a = crate::heap::roast_multi_array(d, i32::from(dims), lens.as_ptr());
    check()?;
    f.push(Value::Ref(a as usize))
}

/// The element letter an array access of kind `k` needs.
#[inline]
fn elem_ok(d: &ClassDesc, k: ArrayKind) -> bool {
    let e = d.elem_kind;
    match k {
        ArrayKind::Byte => e == b'B' || e == b'Z',
        ArrayKind::Char => e == b'C',
        ArrayKind::Short => e == b'S',
        ArrayKind::Int => e == b'I',
        ArrayKind::Long => e == b'J',
        ArrayKind::Float => e == b'F',
        ArrayKind::Double => e == b'D',
        ArrayKind::Ref => e == b'L',
    }
}

#[inline]
fn letter(k: ArrayKind) -> (u8, usize) {
    match k {
        ArrayKind::Byte => (b'B', 1),
        ArrayKind::Char => (b'C', 2),
        ArrayKind::Short => (b'S', 2),
        ArrayKind::Int => (b'I', 4),
        ArrayKind::Long => (b'J', 8),
        ArrayKind::Float => (b'F', 4),
        ArrayKind::Double => (b'D', 8),
        ArrayKind::Ref => (b'L', 8),
    }
}

/// The address of element `i` after the null, kind and bounds checks.
#[inline]
fn element(f: &mut Frame, a: usize, i: i32, k: ArrayKind) -> R<*mut u8> {
    let Some(a) = obj_of(a) else {
        crate::throw::npe(None);
        return Err(Thrown);
    };
    if !a.desc().is_array() || !elem_ok(a.desc(), k) {
        return verify_fail(f.m, "array access of the wrong element type");
    }
    let len = a.array_len();
    if i < 0 || i as usize >= len {
        crate::throw::index_out_of_bounds(i, len as i32);
        return Err(Thrown);
    }
    // SAFETY: `i` is within the array's bounds.
    Ok(unsafe { a.array_data().add(i as usize * letter(k).1) })
}

/// `xaload`.
#[inline]
pub fn array_load(f: &mut Frame, k: ArrayKind) -> R<()> {
    let i = f.pop_int()?;
    let a = f.pop_ref()?;
    let p = element(f, a, i, k)?;
    // SAFETY: `p` is an element of the checked kind. Booleans are stored as bytes.
    let v = unsafe { read_at(p, letter(k).0) };
    f.push(v)
}

/// `xastore` (with the array store check for references).
#[inline]
pub fn array_store(f: &mut Frame, k: ArrayKind) -> R<()> {
    let v = match k {
        ArrayKind::Byte | ArrayKind::Char | ArrayKind::Short | ArrayKind::Int => {
            f.pop_kind(Kind::Int)?
        }
        ArrayKind::Long => f.pop_kind(Kind::Long)?,
        ArrayKind::Float => f.pop_kind(Kind::Float)?,
        ArrayKind::Double => f.pop_kind(Kind::Double)?,
        ArrayKind::Ref => f.pop_kind(Kind::Ref)?,
    };
    let i = f.pop_int()?;
    let a = f.pop_ref()?;
    let p = element(f, a, i, k)?;
    if let Value::Ref(r) = v {
        crate::classes::roast_array_store_check(a as *mut u8, r as *mut u8);
        check()?;
    }
    // SAFETY: as in `array_load`.
    if !unsafe { write_at(p, letter(k).0, v) } {
        return verify_fail(f.m, &format!("array store of {v:?}"));
    }
    Ok(())
}

/// `checkcast`.
pub fn check_cast(f: &mut Frame, idx: u16) -> R<()> {
    let r = f.pop_ref()?;
    f.push(Value::Ref(r))?;
    let Some(o) = obj_of(r) else {
        return Ok(());
    };
    let d = some(resolve::class_ref(f.m.class(), idx))?;
    if !is_subtype(o.desc(), d) {
        crate::classes::roast_check_cast_failed(o.raw(), d);
        return Err(Thrown);
    }
    Ok(())
}

/// `instanceof`.
pub fn instance_of(f: &mut Frame, idx: u16) -> R<()> {
    let r = f.pop_ref()?;
    let v = match obj_of(r) {
        None => 0,
        Some(o) => {
            let d = some(resolve::class_ref(f.m.class(), idx))?;
            i32::from(is_subtype(o.desc(), d))
        }
    };
    f.push(Value::Int(v))
}
