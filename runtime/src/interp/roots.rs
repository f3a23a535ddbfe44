//! The references the interpreter holds outside the heap, for a collector's root set:
//!
//! - **Frames** ([`frame_slots`]): locals and operand stacks of interpreted activations live
//!   in Rust vectors, which conservative stack scanning does not see. They are found through
//!   the thread's frame-record list: a record whose method belongs to a `RUNTIME_DEFINED`
//!   class, or carries `method_flags::INTERPRETED` (a pruned JDK method run from the class
//!   library, `library.rs`), heads an [`InterpRecord`].
//! - **Globals** ([`global_slots`]): static reference fields of run-time classes (storage
//!   mapped by `link.rs`) and their `Class` mirrors, and the mirrors of array classes made
//!   at run time (`arrays.rs`).
//! - **Pinned** ([`pinned_objects`]): defining loaders, whose addresses key the registry
//!   (`class.rs`); a moving collector must not move them.
//!
//! Invariant: every slot reported holds a reference (possibly null) and stays valid until
//! the thread (frames) or the process (globals) ends; a collector may update it in place.

use super::exec::InterpRecord;
use super::value::Value;
use crate::contract::{class_flags, method_flags, FrameRecord};
use crate::object::DescExt;

fn is_interpreted(r: &FrameRecord) -> bool {
    // SAFETY: records point to static method metadata, which points to its class.
    let Some(m) = (unsafe { r.method.as_ref() }) else {
        return false;
    };
    if m.access & method_flags::INTERPRETED != 0 {
        return true;
    }
    // SAFETY: as above.
    let class = unsafe { m.class.as_ref() };
    class
        .and_then(|c| c.meta())
        .is_some_and(|meta| meta.flags & class_flags::RUNTIME_DEFINED != 0)
}

/// Calls `f` with the address of every reference slot of the interpreted frames in the
/// record list starting at `top` (a stopped thread's `ThreadState::top_frame`).
///
/// # Safety
/// `top` must be the head of a live, stopped thread's frame-record list.
pub unsafe fn frame_slots(top: *mut FrameRecord, f: &mut dyn FnMut(usize)) {
    let mut r = top;
    // SAFETY: the list is live (caller's contract); interpreted records head InterpRecords.
    while let Some(rec) = unsafe { r.as_mut() } {
        if is_interpreted(rec) {
            // SAFETY: `InterpRecord` is `repr(C)` with the FrameRecord first.
            let ir = unsafe { &mut *(rec as *mut FrameRecord as *mut InterpRecord) };
            f(&mut ir.lock as *mut usize as usize);
            // SAFETY: the frame outlives its record (both live in `exec::run`).
            if let Some(frame) = unsafe { ir.frame.as_mut() } {
                for v in frame.locals.iter_mut().chain(frame.stack.iter_mut()) {
                    if let Value::Ref(p) = v {
                        f(p as *mut usize as usize);
                    }
                }
            }
        }
        r = rec.prev;
    }
}

/// Calls `f` with every global reference slot of run-time classes.
pub fn global_slots(f: &mut dyn FnMut(usize)) {
    super::arrays::made_mirror_slots(f);
    for class in super::class::all() {
        let d = class.desc();
        f(d.mirror.as_ptr() as usize);
        for (fi, fm) in class.file.fields.iter().zip(super::link::field_metas_of(d)) {
            let reference = matches!(fi.descriptor.as_bytes()[0], b'L' | b'[');
            if fi.is_static() && reference && !fm.static_addr.is_null() {
                f(fm.static_addr as usize);
            }
        }
    }
}

/// Calls `f` with every object that must never move: the defining loaders.
pub fn pinned_objects(f: &mut dyn FnMut(usize)) {
    for class in super::class::all() {
        // Classes of the boot loader (JDK classes from the class library) have none.
        if class.loader != 0 {
            f(class.loader);
        }
    }
}
