//! Array classes made at run time: `anewarray`/`multianewarray` of a class defined at run
//! time (`Plugin[]`), `Array.newInstance` and `Class.arrayType()` of any reference type
//! whose array class the compiler did not emit.
//!
//! An array class of references is a copy of the compiled `[Ljava/lang/Object;` descriptor
//! (Object's vtable, `Cloneable`/`Serializable`, element size 8, its metadata) with its own
//! name, component and mirror. Subtyping between arrays is structural
//! (`classes::is_subtype` compares components), so `aastore`, casts and `instanceof` work
//! unchanged.
//!
//! Invariants:
//! - One array class per component: the result is published in the component's
//!   `array_class` under [`MADE`]'s lock, and looked up there first.
//! - A compiled array class is used only when its component is this very descriptor (a
//!   compiled copy of a program class has the same name as the run-time class).
//! - Made descriptors live below 4 GiB (object headers hold 32-bit descriptor addresses) and
//!   are never freed; their mirrors are GC roots ([`made_mirror_slots`]).

use crate::contract::{self, ClassDesc};
use crate::object::{class_by_name, DescExt};
use std::sync::atomic::{AtomicI32, AtomicPtr, AtomicUsize, Ordering};
use std::sync::Mutex;

/// Array classes made here (their mirrors are roots).
static MADE: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// The array-class name of a component ("[I", "[[LFoo;", "[LFoo;").
fn array_name(component: &ClassDesc) -> String {
    match component.kind {
        contract::KIND_PRIMITIVE => format!("[{}", component.elem_kind as char),
        contract::KIND_ARRAY => format!("[{}", component.name()),
        _ => format!("[L{};", component.name()),
    }
}

/// The array class whose component is `component`, made if needed; None for `void` and for
/// primitive array classes the program does not have, or when memory runs out.
pub fn array_of(component: &'static ClassDesc) -> Option<&'static ClassDesc> {
    if let Some(a) = published(component) {
        return Some(a);
    }
    let name = array_name(component);
    if let Some(a) = class_by_name(&name) {
        if a.component().is_some_and(|c| std::ptr::eq(c, component))
            || component.kind == contract::KIND_PRIMITIVE
        {
            return Some(a);
        }
    }
    if component.kind == contract::KIND_PRIMITIVE {
        return None;
    }
    let mut made = MADE.lock().ok()?;
    if let Some(a) = published(component) {
        return Some(a);
    }
    let a = make(component, &name)?;
    component
        .array_class
        .store(a as *const ClassDesc as *mut ClassDesc, Ordering::Release);
    made.push(a as *const ClassDesc as usize);
    Some(a)
}

fn published(component: &ClassDesc) -> Option<&'static ClassDesc> {
    let a = component.array_class.load(Ordering::Acquire);
    // SAFETY: null or a descriptor that lives forever.
    unsafe { a.as_ref() }
}

/// A copy of the `Object[]` descriptor for `component`.
fn make(component: &'static ClassDesc, name: &str) -> Option<&'static ClassDesc> {
    let template = class_by_name("[Ljava/lang/Object;")?;
    let vtable_len = template.vtable_len as usize;
    let size = std::mem::size_of::<ClassDesc>() + vtable_len * std::mem::size_of::<usize>();
    let mem = super::native_code::alloc_low(size)? as *mut ClassDesc;
    let desc = ClassDesc {
        init_state: AtomicI32::new(contract::INIT_DONE),
        kind: contract::KIND_ARRAY,
        elem_kind: template.elem_kind,
        access: array_access(component),
        instance_size: template.instance_size,
        depth: template.depth,
        name: super::link::leak_cstr(name),
        super_: template.super_,
        component,
        array_class: AtomicPtr::new(std::ptr::null_mut()),
        interfaces: template.interfaces,
        n_interfaces: template.n_interfaces,
        n_refs: template.n_refs,
        ref_offsets: template.ref_offsets,
        itable: template.itable,
        n_itable: template.n_itable,
        vtable_len: template.vtable_len,
        clinit: std::ptr::null(),
        mirror: AtomicPtr::new(std::ptr::null_mut()),
        init_thread: AtomicUsize::new(0),
        meta: array_meta(template, component),
        vtable: [],
    };
    // SAFETY: `mem` is `size` fresh bytes: the fixed part, then room for the vtable, which
    // is copied from the template's `vtable_len` entries.
    unsafe {
        std::ptr::write(mem, desc);
        std::ptr::copy_nonoverlapping(
            template.vtable.as_ptr(),
            (*mem).vtable.as_ptr() as *mut contract::MethodEntry,
            vtable_len,
        );
        Some(&*mem)
    }
}

/// The template's metadata with the array's own `Class.getModifiers()` value.
fn array_meta(template: &ClassDesc, component: &ClassDesc) -> *const contract::ClassMeta {
    let Some(m) = template.meta() else {
        return std::ptr::null();
    };
    // SAFETY: `ClassMeta` is plain data (integers and pointers to static data), so a bitwise
    // copy is a valid record; the copy is leaked and lives forever like the original.
    let mut copy: contract::ClassMeta = unsafe { std::ptr::read(m) };
    let component_modifiers = component
        .meta()
        .map_or(u32::from(component.access), |cm| cm.modifiers);
    copy.modifiers = (component_modifiers & 0x0007) | 0x0410;
    Box::leak(Box::new(copy))
}

/// HotSpot's access flags of an array class: the component's public/private/protected,
/// plus abstract and final.
fn array_access(component: &ClassDesc) -> u16 {
    const VISIBILITY: u16 = 0x0007;
    const ABSTRACT_FINAL: u16 = 0x0410;
    (component.access & VISIBILITY) | ABSTRACT_FINAL
}

/// The descriptor addresses of the array classes made here (for the heap verifier).
pub fn made_descriptors() -> Vec<usize> {
    MADE.lock().map(|m| m.clone()).unwrap_or_default()
}

/// Calls `f` with the mirror slot of every array class made here.
pub fn made_mirror_slots(f: &mut dyn FnMut(usize)) {
    let made = MADE.lock().map(|m| m.clone()).unwrap_or_default();
    for a in made {
        // SAFETY: entries are descriptors made by `make`, never freed.
        let d = unsafe { &*(a as *const ClassDesc) };
        f(d.mirror.as_ptr() as usize);
    }
}
