//! Precise scanning of heap objects: sizes and reference slots from the class descriptors
//! the compiler emits (`ClassDesc::ref_offsets`, the per-class reference map including
//! inherited fields; arrays of `elem::REF` elements).
//!
//! Invariants:
//! - A slot is reported only when it holds a reference into the collected heap; null and
//!   references to immortal objects outside it (string literals in the data segment) are
//!   skipped, so MMTk only ever traces its own objects.
//! - Sizes are rounded up to 8 bytes, exactly as `heap::allocate` requests them.

use crate::contract::{elem, ClassDesc, ARRAY_BASE_OFFSET, ARRAY_LENGTH_OFFSET, KIND_ARRAY};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Start and end of the address range MMTk allocates from (set once at start-up).
static HEAP_START: AtomicUsize = AtomicUsize::new(0);
static HEAP_END: AtomicUsize = AtomicUsize::new(0);

/// Records the heap's address range.
pub fn set_heap_range(start: usize, end: usize) {
    HEAP_START.store(start, Ordering::Relaxed);
    HEAP_END.store(end, Ordering::Relaxed);
}

/// The heap's address range.
pub fn heap_range() -> (usize, usize) {
    (
        HEAP_START.load(Ordering::Relaxed),
        HEAP_END.load(Ordering::Relaxed),
    )
}

/// Is `addr` inside the collected heap's address range?
#[inline]
pub fn in_heap(addr: usize) -> bool {
    let (s, e) = heap_range();
    addr >= s && addr < e
}

/// The class descriptor of the object at `obj`.
#[inline]
pub fn desc_of(obj: usize) -> &'static ClassDesc {
    // SAFETY: `obj` is a live object; its first word is the low 32 bits of its descriptor's
    // address, and descriptors are static (below 4 GiB).
    unsafe { &*((*(obj as *const u32)) as usize as *const ClassDesc) }
}

fn array_len(obj: usize) -> usize {
    // SAFETY: arrays store their length at ARRAY_LENGTH_OFFSET.
    unsafe { *((obj + ARRAY_LENGTH_OFFSET as usize) as *const i32) as usize }
}

/// Bytes an instance of `desc` with `len` elements (arrays) occupies, rounded up to 8.
pub fn size_for(desc: &ClassDesc, len: usize) -> Option<usize> {
    let raw = if desc.kind == KIND_ARRAY {
        len.checked_mul(desc.instance_size as usize)?
            .checked_add(ARRAY_BASE_OFFSET as usize)?
    } else {
        desc.instance_size as usize
    };
    raw.checked_add(7).map(|s| s & !7)
}

/// The size in bytes of the object at `obj`.
pub fn object_size(obj: usize) -> usize {
    let desc = desc_of(obj);
    let len = if desc.kind == KIND_ARRAY {
        array_len(obj)
    } else {
        0
    };
    size_for(desc, len).unwrap_or(usize::MAX)
}

/// Calls `f` with the address of every reference slot of the object at `obj` that points
/// into the heap.
#[inline]
pub fn for_each_ref_slot(obj: usize, mut f: impl FnMut(usize)) {
    let desc = desc_of(obj);
    let mut visit = |slot: usize| {
        // SAFETY: `slot` is a reference field or element of a live object.
        let v = unsafe { *(slot as *const usize) };
        if in_heap(v) {
            f(slot);
        }
    };
    if desc.kind == KIND_ARRAY {
        if desc.elem_kind == elem::REF {
            let base = obj + ARRAY_BASE_OFFSET as usize;
            for i in 0..array_len(obj) {
                visit(base + i * 8);
            }
        }
        return;
    }
    if desc.n_refs == 0 || desc.ref_offsets.is_null() {
        return;
    }
    // SAFETY: the compiler emits `n_refs` offsets.
    let offsets = unsafe { std::slice::from_raw_parts(desc.ref_offsets, desc.n_refs as usize) };
    for &off in offsets {
        visit(obj + off as usize);
    }
}

/// A one-line description of an object for diagnostics.
pub fn describe(obj: usize) -> String {
    use crate::object::DescExt;
    let desc = desc_of(obj);
    format!(
        "object {obj:#x} of class {} ({} bytes)",
        desc.name(),
        object_size(obj)
    )
}

fn referent_offset() -> Option<usize> {
    static OFFSET: AtomicUsize = AtomicUsize::new(0);
    let off = OFFSET.load(Ordering::Relaxed);
    if off != 0 {
        return Some(off);
    }
    let desc = crate::object::class_by_name("java/lang/ref/Reference")?;
    let off = crate::object::field_offset(desc, "referent")?;
    OFFSET.store(off, Ordering::Relaxed);
    Some(off)
}

/// `Reference.referent` of the reference object at `obj` (0 when null or unknown).
pub fn referent(obj: usize) -> usize {
    match referent_offset() {
        // SAFETY: `obj` is a java.lang.ref.Reference, which has the field at this offset.
        Some(off) => unsafe { *((obj + off) as *const usize) },
        None => 0,
    }
}

/// Sets `Reference.referent` of the reference object at `obj`.
pub fn set_referent(obj: usize, value: usize) {
    if let Some(off) = referent_offset() {
        // SAFETY: as in `referent`.
        unsafe { *((obj + off) as *mut usize) = value };
    }
}

/// An MMTk `Address` from a plain address.
#[inline]
pub fn addr(a: usize) -> mmtk::util::Address {
    // SAFETY: `Address` is a plain integer wrapper; creating one dereferences nothing.
    unsafe { mmtk::util::Address::from_usize(a) }
}
