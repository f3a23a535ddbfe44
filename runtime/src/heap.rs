//! The heap: allocation of objects and arrays through one entry point each, so that a
//! collector can take it over. For now memory is never reclaimed: objects are bump-allocated
//! in large zeroed chunks obtained from the system.
//!
//! Invariants: every object is 8-byte aligned and zeroed except for its header; the header's
//! klass word is set before the object is returned. Allocation is thread-safe without locks:
//! each thread bumps through its own chunk (thread-local), and only taking a fresh chunk goes
//! to the system allocator. Another thread sees a new object only through a store that
//! publishes it (a data race in Java terms when not synchronized, as on HotSpot).

use crate::contract::{ClassDesc, ARRAY_BASE_OFFSET, ARRAY_LENGTH_OFFSET};
use crate::object::Obj;
use std::cell::Cell;

const CHUNK: usize = 32 << 20;

thread_local! {
    static BUMP: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

fn fresh_chunk(min: usize) -> (usize, usize) {
    let size = min.max(CHUNK);
    let layout = std::alloc::Layout::from_size_align(size, 16).expect("chunk layout");
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { std::alloc::alloc_zeroed(layout) };
    if p.is_null() {
        return (0, 0);
    }
    (p as usize, p as usize + size)
}

/// Allocates `size` zeroed bytes (rounded up to 8) or returns None when out of memory.
fn allocate(size: usize) -> Option<*mut u8> {
    let size = (size + 7) & !7;
    BUMP.with(|b| {
        let (mut top, mut end) = b.get();
        if top + size > end || top == 0 {
            (top, end) = fresh_chunk(size);
            if top == 0 {
                return None;
            }
        }
        b.set((top + size, end));
        Some(top as *mut u8)
    })
}

fn header(p: *mut u8, desc: &ClassDesc) -> Obj {
    let klass = desc as *const ClassDesc as usize;
    debug_assert!(klass < (1 << 32), "class descriptors live below 4 GiB");
    let o = Obj::from_raw(p).expect("non-null allocation");
    o.write::<u32>(0, klass as u32);
    o
}

/// Allocates an instance of `desc`; None (with OutOfMemoryError pending) on failure.
pub fn alloc_instance(desc: &ClassDesc) -> Option<Obj> {
    match allocate(desc.instance_size as usize) {
        Some(p) => Some(header(p, desc)),
        None => {
            crate::throw::out_of_memory();
            None
        }
    }
}

/// Allocates an array of class `desc` with `len` elements (len >= 0).
pub fn alloc_array(desc: &ClassDesc, len: usize) -> Option<Obj> {
    let elem = desc.instance_size as usize;
    let size = len
        .checked_mul(elem)
        .and_then(|b| b.checked_add(ARRAY_BASE_OFFSET as usize));
    match size.and_then(allocate) {
        Some(p) => {
            let o = header(p, desc);
            o.write::<i32>(ARRAY_LENGTH_OFFSET as usize, len as i32);
            Some(o)
        }
        None => {
            crate::throw::out_of_memory();
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
