//! The garbage collector: the only part of the runtime that talks to MMTk (pinned `mmtk`
//! 0.33, non-moving Immix). The rest of the runtime sees this narrow interface: [`init`],
//! [`alloc`], thread attach/detach, [`safe_region`]/[`lock`] for blocking waits, [`collect`]
//! and heap statistics.
//!
//! `java.lang.ref` (soft, weak and phantom references, the pending list the JDK's Reference
//! Handler thread drains) is `references`, through MMTk's `Scanning::process_weak_refs`.
//!
//! Invariants (see also `world` for the stop-the-world protocol and `roots` for the root
//! set):
//! - Every thread that runs Java code is attached (`attach_current_thread`) before its first
//!   Java frame and detached after its last.
//! - Objects never move; an object found from a stack word is pinned by construction.
//! - An allocation returns zeroed memory with the object's valid-object bit set; the caller
//!   writes the header before anything else can run on the thread (no safepoint between).
//! - The heap is `-Xms`..`-Xmx` (MMTk's dynamic heap size trigger); when a collection cannot
//!   free enough, `alloc` returns None and the caller throws OutOfMemoryError.

mod binding;
pub mod flags;
mod log;
pub mod options;
mod references;
mod roots;
mod scan;
mod verify;
mod world;

pub use scan::size_for;
pub use world::{lock, roast_safepoint_poll, roast_safepoint_requested, safe_region};

use binding::Roast;
use mmtk::util::alloc::BumpPointer;
use mmtk::util::options::{GCTriggerSelector, PlanSelector};
use mmtk::util::{Address, ObjectReference, VMThread};
use mmtk::{AllocationSemantics, MMTKBuilder, MMTK};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

static INSTANCE: OnceLock<&'static MMTK<Roast>> = OnceLock::new();

/// Objects larger than this go to the large-object space.
static MAX_NON_LOS: AtomicUsize = AtomicUsize::new(0);

/// The MMTk instance (after [`init`]).
pub fn mmtk() -> &'static MMTK<Roast> {
    INSTANCE.get().expect("gc::init runs before any allocation")
}

/// Creates the heap and starts the GC threads; then attaches the calling (main) thread.
pub fn init() {
    let opts = options::get();
    let mut builder = MMTKBuilder::new_no_env_vars();
    builder.options.plan.set(PlanSelector::Immix);
    builder
        .options
        .gc_trigger
        .set(GCTriggerSelector::DynamicHeapSize(
            opts.initial_heap,
            opts.max_heap,
        ));
    let mmtk: &'static MMTK<Roast> = Box::leak(mmtk::memory_manager::mmtk_init(&builder));
    if INSTANCE.set(mmtk).is_err() {
        return;
    }
    MAX_NON_LOS.store(
        mmtk.get_plan()
            .constraints()
            .max_non_los_default_alloc_bytes,
        Ordering::Relaxed,
    );
    assert!(
        crate::contract::INLINE_ARRAY_MAX_BYTES as usize <= MAX_NON_LOS.load(Ordering::Relaxed),
        "compiled code's inline array allocation stays below the large-object threshold"
    );
    let vo = &mmtk::util::metadata::vo_bit::VO_BIT_SIDE_METADATA_SPEC;
    assert!(
        vo.log_num_of_bits == 0 && vo.log_bytes_in_region == 3,
        "one valid-object bit per 8 bytes"
    );
    VO_BITS.store(vo.get_starting_address().as_usize(), Ordering::Relaxed);
    scan::set_heap_range(
        mmtk::memory_manager::starting_heap_address().as_usize(),
        mmtk::memory_manager::last_heap_address().as_usize(),
    );
    mmtk::memory_manager::initialize_collection(mmtk, VMThread::UNINITIALIZED);
    attach_current_thread();
}

/// The highest address of the calling thread's stack.
fn stack_top() -> usize {
    // SAFETY: pthread_getattr_np fills the attribute object we pass, which we destroy.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
            libc::pthread_attr_destroy(&mut attr);
            if ok {
                return addr as usize + size;
            }
        }
    }
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize + (64 << 10)
}

/// Registers the calling thread as a mutator (before it runs Java code) and gives compiled
/// code its allocation buffer.
pub fn attach_current_thread() {
    let st = crate::thread::state();
    let entry = world::register_current(stack_top(), st);
    st.alloc_bump = if options::get().stress > 0 {
        EMPTY_BUFFER.as_ptr() as *mut usize
    } else {
        entry.bump() as *mut BumpPointer as *mut usize
    };
}

/// Unregisters the calling thread (after its last Java frame).
pub fn detach_current_thread() {
    crate::thread::state().alloc_bump = std::ptr::null_mut();
    world::unregister_current();
}

thread_local! {
    static STRESS_COUNT: Cell<u64> = const { Cell::new(0) };
}

/// Allocates `size` bytes (a multiple of 8) of zeroed memory for an object; None when the
/// heap is exhausted even after a collection.
///
/// Fast path: bump the thread's Immix buffer and set the object's valid-object bit with a
/// plain store (buffers are whole Immix lines, so no other thread shares the metadata
/// byte, and collectors touch it only while the world is stopped). Buffers are zero: MMTk
/// zeroes them when it hands them out (see `alloc_slow`).
#[inline]
pub fn alloc(size: usize) -> Option<*mut u8> {
    let entry = match world::current() {
        Some(e) => e,
        None => {
            attach_current_thread();
            world::current()?
        }
    };
    if size <= MAX_NON_LOS.load(Ordering::Relaxed) && options::get().stress == 0 {
        let bump = entry.bump();
        let start = bump.cursor;
        let end = start + size;
        if end <= bump.limit {
            bump.cursor = end;
            set_valid_object_bit(start);
            return Some(start.to_mut_ptr());
        }
    }
    alloc_slow(entry, size)
}

/// Start of the valid-object bit table (one bit per 8 heap bytes, contiguous on 64-bit);
/// compiled code's inline allocation reads it (`contract::symbols::VO_BITS`).
#[no_mangle]
pub static roast_vo_bits: AtomicUsize = AtomicUsize::new(0);
use roast_vo_bits as VO_BITS;

/// An allocation buffer that is always full: compiled code's fast path given this one
/// always calls the runtime (stress mode).
static EMPTY_BUFFER: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];

#[inline]
fn set_valid_object_bit(obj: Address) {
    let a = obj.as_usize();
    let byte = VO_BITS.load(Ordering::Relaxed) + (a >> 6);
    // SAFETY: MMTk maps the metadata of every heap address it hands out; `obj` is in a
    // buffer only this thread allocates from, whose metadata bytes no other thread writes
    // while it runs (see `alloc`).
    unsafe { *(byte as *mut u8) |= 1 << ((a >> 3) & 7) };
}

#[inline(never)]
fn alloc_slow(entry: &'static world::ThreadEntry, size: usize) -> Option<*mut u8> {
    let stress = options::get().stress;
    if stress > 0 {
        stress_tick(stress);
    }
    let mutator = entry.mutator();
    let semantics = if size > MAX_NON_LOS.load(Ordering::Relaxed) {
        AllocationSemantics::Los
    } else {
        AllocationSemantics::Default
    };
    let addr = mmtk::memory_manager::alloc(mutator, size, 8, 0, semantics);
    if addr.is_zero() {
        world::take_out_of_memory();
        return None;
    }
    // No zeroing here: the Immix and large-object spaces are created `zeroed`, so MMTk
    // zeroes every block and large object when it acquires the pages and every run of
    // recyclable lines when it hands them to an allocator (the buffer this object and the
    // fast paths' next objects come from is zero already).
    let obj = ObjectReference::from_raw_address(addr)?;
    if semantics == AllocationSemantics::Default {
        set_valid_object_bit(addr);
    } else {
        mmtk::memory_manager::post_alloc(mutator, obj, size, semantics);
    }
    Some(addr.to_mut_ptr())
}

fn stress_tick(every: u64) {
    let n = STRESS_COUNT.with(|c| {
        let n = c.get() + 1;
        c.set(n);
        n
    });
    if n.is_multiple_of(every) {
        collect();
    }
}

/// Pins `obj` (never moved by later collections) when it is in the collected heap: for
/// objects whose address the runtime uses as a key (monitors) or keeps outside the root set
/// for a while (a `Thread` being started).
pub fn pin(obj: *mut u8) {
    if scan::in_heap(obj as usize) {
        if let Some(o) = ObjectReference::from_raw_address(scan::addr(obj as usize)) {
            mmtk::memory_manager::pin_object(o);
        }
    }
}

/// `System.gc()`: a full collection, now.
pub fn collect() {
    clear_stack_below();
    if let Some(entry) = world::current() {
        let tls = mmtk::util::VMMutatorThread(VMThread(
            mmtk::util::opaque_pointer::OpaquePointer::from_address(Address::from_ref(entry)),
        ));
        mmtk::memory_manager::handle_user_collection_request(mmtk(), tls);
    }
}

/// Zeroes the stack just below the caller's frame, so that frames the collection request
/// pushes there hold no stale addresses from earlier, returned calls: conservative stack
/// scanning would take those for live references (keeping weakly reachable objects alive
/// through an explicit `System.gc()`, for instance).
#[inline(never)]
fn clear_stack_below() {
    let mut scratch = [0usize; 4096];
    std::hint::black_box(&mut scratch);
}

/// `Runtime.maxMemory()`.
pub fn max_memory() -> usize {
    options::get().max_heap
}

/// `Runtime.totalMemory()`: the current heap size.
pub fn total_memory() -> usize {
    INSTANCE
        .get()
        .map_or(0, |m| mmtk::memory_manager::total_bytes(m))
}

/// `Runtime.freeMemory()`.
pub fn free_memory() -> usize {
    INSTANCE
        .get()
        .map_or(0, |m| mmtk::memory_manager::free_bytes(m))
}

/// Roots the runtime itself keeps: the preallocated OutOfMemoryError.
pub fn for_each_runtime_root(f: &mut dyn FnMut(usize)) {
    roots::slot_if_heap(crate::heap::preallocated_oom_slot(), f);
}
