//! The root set: conservative roots from thread stacks and saved registers, precise roots
//! from thread states, static fields, class mirrors and the runtime's tables.
//!
//! Invariants:
//! - Conservative roots are objects: every stack word (and saved register) that points
//!   into the heap is resolved to the object containing it (interior pointers included,
//!   since LLVM may keep only a derived pointer to an array element live) through MMTk's
//!   valid-object bits. Such objects are pinned roots: never moved, never freed.
//! - Precise roots are slots (addresses of reference-holding words) whose value points into
//!   the heap; null and immortal objects (string literals) are skipped.
//! - Every place outside the heap that holds a reference for longer than a runtime call must
//!   be listed here (each runtime table offers a `for_each_root`).

use super::scan::{self, heap_range, in_heap};
use super::world::ThreadEntry;
use crate::contract::ThreadState;

/// The object containing the address `word`, if any (conservative test).
pub fn object_containing(word: usize) -> Option<usize> {
    let (start, end) = heap_range();
    if word < start || word >= end {
        return None;
    }
    let max_search = word - start;
    mmtk::memory_manager::find_object_from_internal_pointer(scan::addr(word), max_search)
        .map(|o| o.to_raw_address().as_usize())
}

/// Calls `f` with every object referenced from the stack and saved registers of the SAFE
/// thread `entry`.
pub fn thread_conservative(entry: &ThreadEntry, f: &mut dyn FnMut(usize)) {
    let (sp, hi, regs) = entry.stack_and_regs();
    for r in regs {
        if let Some(o) = object_containing(r) {
            f(o);
        }
    }
    let mut p = sp & !7;
    while p < hi {
        // SAFETY: [sp, stack_hi) is the live part of the stopped thread's stack.
        let w = unsafe { *(p as *const usize) };
        if let Some(o) = object_containing(w) {
            f(o);
        }
        p += 8;
    }
}

/// Calls `f` with the reference slots of the thread state of `entry`.
pub fn thread_precise(entry: &ThreadEntry, f: &mut dyn FnMut(usize)) {
    let st: *mut ThreadState = entry.tstate;
    if st.is_null() {
        return;
    }
    // SAFETY: the thread state lives as long as its thread, which is SAFE or registered.
    let (exc, thread) = unsafe {
        (
            std::ptr::addr_of_mut!((*st).pending_exception) as usize,
            std::ptr::addr_of_mut!((*st).java_thread) as usize,
        )
    };
    slot_if_heap(exc, f);
    slot_if_heap(thread, f);
    // Interpreted frames keep their locals and operand stacks in Rust vectors, reached
    // through the thread's frame records.
    // SAFETY: the thread is stopped (SAFE), so its record list is stable.
    unsafe {
        crate::interp::roots::frame_slots((*st).top_frame, &mut |s| slot_if_heap(s, f));
    }
}

/// Reports `slot` when it holds a heap reference.
pub fn slot_if_heap(slot: usize, f: &mut dyn FnMut(usize)) {
    // SAFETY: callers pass addresses of reference-sized words.
    let v = unsafe { *(slot as *const usize) };
    if in_heap(v) {
        f(slot);
    }
}

/// Calls `f` with every global root slot: static fields, class mirrors, string literals'
/// fields and the runtime's tables.
pub fn globals(f: &mut dyn FnMut(usize)) {
    extern "C" {
        static roast_static_roots: [*mut usize; 0];
        static roast_static_root_count: u32;
    }
    // SAFETY: the compiler emits the table of reference-typed static field addresses.
    let statics = unsafe {
        std::slice::from_raw_parts(
            roast_static_roots.as_ptr(),
            roast_static_root_count as usize,
        )
    };
    for &s in statics {
        slot_if_heap(s as usize, f);
    }
    for d in crate::object::all_classes() {
        slot_if_heap(d.mirror.as_ptr() as usize, f);
    }
    for lit in crate::strings::literals() {
        super::scan::for_each_ref_slot(lit.raw() as usize, &mut *f);
    }
    let mut filtered = |s: usize| slot_if_heap(s, f);
    crate::classes::for_each_runtime_mirror_root(&mut filtered);
    crate::natives::lang::for_each_interned_root(&mut filtered);
    crate::classes::for_each_failure_root(&mut filtered);
    crate::thread::for_each_starting_root(&mut filtered);
    super::for_each_runtime_root(&mut filtered);
    super::references::for_each_root(&mut filtered);
    crate::interp::roots::global_slots(&mut filtered);
}
