//! The heap: allocation of objects and arrays through one entry point each; memory comes
//! from the garbage collector (`gc`).
//!
//! Invariants: every object is 8-byte aligned and zeroed except for its header; the header's
//! klass word is set before the object is returned, with no safepoint in between (so a
//! collection never sees an object without a class). A failed allocation leaves
//! OutOfMemoryError ("Java heap space") pending: a new one when it can be allocated, else the
//! error preallocated at start-up (as HotSpot does).

use crate::contract::{ClassDesc, ARRAY_BASE_OFFSET, ARRAY_LENGTH_OFFSET};
use crate::object::Obj;
use std::cell::Cell;
use std::sync::atomic::{AtomicPtr, Ordering};

fn header(p: *mut u8, desc: &ClassDesc) -> Obj {
    let klass = desc as *const ClassDesc as usize;
    debug_assert!(klass < (1 << 32), "class descriptors live below 4 GiB");
    let o = Obj::from_raw(p).expect("non-null allocation");
    o.write::<u32>(0, klass as u32);
    o
}

/// The OutOfMemoryError thrown when even constructing a new one fails (a GC root).
static PREALLOCATED_OOM: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());

thread_local! {
    static RAISING_OOM: Cell<bool> = const { Cell::new(false) };
}

/// The address of the preallocated error's slot (for the root set).
pub fn preallocated_oom_slot() -> usize {
    PREALLOCATED_OOM.as_ptr() as usize
}

/// Creates the preallocated OutOfMemoryError (at start-up, after `gc::init`).
pub fn preallocate_out_of_memory_error() {
    crate::throw::out_of_memory();
    if let Some(e) = crate::thread::take_pending() {
        PREALLOCATED_OOM.store(e.raw(), Ordering::SeqCst);
    }
}

/// Leaves OutOfMemoryError pending.
fn out_of_memory() {
    if RAISING_OOM.with(|r| r.replace(true)) {
        // Constructing the error itself ran out of memory.
        crate::thread::set_pending(Obj::from_raw(PREALLOCATED_OOM.load(Ordering::SeqCst)));
        return;
    }
    crate::throw::out_of_memory();
    if crate::thread::pending().is_none() {
        crate::thread::set_pending(Obj::from_raw(PREALLOCATED_OOM.load(Ordering::SeqCst)));
    }
    RAISING_OOM.with(|r| r.set(false));
}

/// Allocates an instance of `desc`; None (with OutOfMemoryError pending) on failure.
pub fn alloc_instance(desc: &ClassDesc) -> Option<Obj> {
    let size = crate::gc::size_for(desc, 0)?;
    match crate::gc::alloc(size) {
        Some(p) => Some(header(p, desc)),
        None => {
            out_of_memory();
            None
        }
    }
}

/// HotSpot's largest array length on 64-bit (`arrayOopDesc::max_array_length`: `max_jint`
/// less the two header words); longer requests throw OutOfMemoryError "Requested array
/// size exceeds VM limit" whatever the heap size.
const MAX_ARRAY_LENGTH: usize = i32::MAX as usize - 2;

/// Allocates an array of class `desc` with `len` elements (len >= 0).
pub fn alloc_array(desc: &ClassDesc, len: usize) -> Option<Obj> {
    if len > MAX_ARRAY_LENGTH {
        crate::throw::out_of_memory_message("Requested array size exceeds VM limit");
        return None;
    }
    let size = crate::gc::size_for(desc, len).filter(|&s| s <= crate::gc::max_memory());
    match size.and_then(crate::gc::alloc) {
        Some(p) => {
            let o = header(p, desc);
            o.write::<i32>(ARRAY_LENGTH_OFFSET as usize, len as i32);
            Some(o)
        }
        None => {
            out_of_memory();
            None
        }
    }
}

/// `roast_alloc`: a zeroed instance.
#[no_mangle]
pub extern "C" fn roast_alloc(desc: &ClassDesc) -> *mut u8 {
    alloc_instance(desc).map_or(std::ptr::null_mut(), |o| o.raw())
}

/// `roast_alloc_array`: an array, or NegativeArraySizeException.
#[no_mangle]
pub extern "C" fn roast_alloc_array(desc: &ClassDesc, len: i32) -> *mut u8 {
    if len < 0 {
        crate::throw::negative_array_size(len);
        return std::ptr::null_mut();
    }
    alloc_array(desc, len as usize).map_or(std::ptr::null_mut(), |o| o.raw())
}

/// `roast_multi_array`: `new T[l0][l1]...` (JVMS §6.5.multianewarray).
#[no_mangle]
pub extern "C" fn roast_multi_array(desc: &ClassDesc, dims: i32, lens: *const i32) -> *mut u8 {
    // SAFETY: compiled code passes `dims` lengths.
    let lens = unsafe { std::slice::from_raw_parts(lens, dims as usize) };
    if let Some(&bad) = lens.iter().find(|&&l| l < 0) {
        crate::throw::negative_array_size(bad);
        return std::ptr::null_mut();
    }
    multi(desc, lens).map_or(std::ptr::null_mut(), |o| o.raw())
}

fn multi(desc: &ClassDesc, lens: &[i32]) -> Option<Obj> {
    use crate::object::DescExt;
    let arr = alloc_array(desc, lens[0] as usize)?;
    if lens.len() > 1 {
        let comp = desc.component()?;
        for i in 0..lens[0] as usize {
            let sub = multi(comp, &lens[1..])?;
            arr.write_ref(ARRAY_BASE_OFFSET as usize + i * 8, Some(sub));
        }
    }
    Some(arr)
}
