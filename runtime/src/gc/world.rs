//! Mutator threads and stop-the-world: the registry of threads that run Java code, their
//! RUNNING/SAFE states, and the handshake a collection uses to stop them.
//!
//! Protocol (all state transitions are `SeqCst`, which makes it a Dekker handshake):
//! - A collection sets [`roast_safepoint_requested`], snapshots the registry and waits until
//!   every registered thread is SAFE; MMTk then scans and collects; `resume_the_world`
//!   clears the flag and wakes the waiting threads.
//! - A thread is SAFE while it is parked at a safepoint poll (compiled code tests the flag at
//!   method entries and loop back-edges), blocked in the runtime (`safe_region`, used by
//!   `thread::with_status` around every blocking wait), or waiting in `block_for_gc` for a
//!   collection its allocation triggered. Before becoming SAFE it records its stack pointer
//!   and callee-saved registers ([`ThreadEntry`]), so the collector scans exactly the frames
//!   above and the values the registers held.
//! - Leaving SAFE stores RUNNING, then re-reads the flag; if a collection is requested it
//!   goes back to SAFE and waits. So the collector never sees RUNNING while a thread runs
//!   Java code during a collection, and no thread is missed.
//! - While SAFE a thread touches no reference fields of heap objects and allocates nothing.
//! - Rust locks that may be held across a transition to SAFE (class initialization) are
//!   taken with [`lock`], which waits for them in the SAFE state; otherwise a RUNNING thread
//!   blocked on such a lock would stall the collection forever.

use super::binding::Roast;
use crate::contract::ThreadState;
use mmtk::util::alloc::{BumpPointer, ImmixAllocator};
use mmtk::util::opaque_pointer::{OpaquePointer, VMMutatorThread, VMThread};
use mmtk::util::Address;
use mmtk::{AllocationSemantics, Mutator};
use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicI32, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

const RUNNING: u8 = 0;
const SAFE: u8 = 1;

/// Number of callee-saved registers recorded when a thread becomes SAFE.
const SAVED_REGS: usize = 12;

/// Non-zero while a collection wants every thread stopped; compiled code polls it.
#[no_mangle]
pub static roast_safepoint_requested: AtomicI32 = AtomicI32::new(0);

/// One registered mutator thread.
pub struct ThreadEntry {
    state: AtomicU8,
    mutator: UnsafeCell<*mut Mutator<Roast>>,
    /// The bump pointer of the mutator's default (Immix) allocator.
    bump: UnsafeCell<*mut BumpPointer>,
    /// Stack pointer recorded when the thread last became SAFE.
    sp: AtomicUsize,
    /// Callee-saved registers recorded with `sp`.
    regs: UnsafeCell<[usize; SAVED_REGS]>,
    /// Highest address of the thread's stack (exclusive).
    pub stack_hi: usize,
    /// The thread's `ThreadState` (pending exception, `Thread` object).
    pub tstate: *mut ThreadState,
}

// SAFETY: the fields behind UnsafeCell are written only by the owning thread while RUNNING
// and read by the collector only while the thread is SAFE (ordered by `state`).
unsafe impl Sync for ThreadEntry {}
// SAFETY: as above.
unsafe impl Send for ThreadEntry {}

impl ThreadEntry {
    /// The thread's MMTk mutator.
    pub fn mutator(&self) -> &'static mut Mutator<Roast> {
        // SAFETY: set at registration, freed only after the entry left the registry; used
        // by its thread while RUNNING and by the collector while the thread is SAFE.
        unsafe { &mut **self.mutator.get() }
    }

    /// The bump pointer of the thread's default allocator (its own thread only).
    #[allow(clippy::mut_from_ref)]
    pub fn bump(&self) -> &mut BumpPointer {
        // SAFETY: points into the mutator (boxed, stable), used only by the owning thread
        // while RUNNING.
        unsafe { &mut **self.bump.get() }
    }

    /// The stack range and saved registers to scan (valid while the thread is SAFE).
    pub fn stack_and_regs(&self) -> (usize, usize, [usize; SAVED_REGS]) {
        // SAFETY: written before the SAFE store that the collector observed.
        let regs = unsafe { *self.regs.get() };
        (self.sp.load(Ordering::SeqCst), self.stack_hi, regs)
    }

    fn is_safe(&self) -> bool {
        self.state.load(Ordering::SeqCst) == SAFE
    }

    /// Records the stack pointer and callee-saved registers, then becomes SAFE.
    #[inline(never)]
    fn enter_safe(&self) {
        let mut regs = [0usize; SAVED_REGS];
        let sp = capture_registers(&mut regs);
        // SAFETY: only this thread writes `regs`, and only while RUNNING.
        unsafe { *self.regs.get() = regs };
        self.sp.store(sp, Ordering::SeqCst);
        self.state.store(SAFE, Ordering::SeqCst);
    }

    /// Becomes RUNNING if no collection is requested; false (still SAFE) otherwise.
    fn try_leave_safe(&self) -> bool {
        self.state.store(RUNNING, Ordering::SeqCst);
        if roast_safepoint_requested.load(Ordering::SeqCst) == 0 {
            return true;
        }
        self.state.store(SAFE, Ordering::SeqCst);
        false
    }

    /// Becomes RUNNING, first waiting for a requested collection to end.
    fn leave_safe(&self) {
        while !self.try_leave_safe() {
            wait_while_requested();
        }
    }
}

/// Writes the callee-saved registers into `regs` and returns the current stack pointer.
#[inline(always)]
fn capture_registers(regs: &mut [usize; SAVED_REGS]) -> usize {
    let sp: usize;
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only reads registers into the array.
    unsafe {
        std::arch::asm!(
            "mov [{r} + 0], rbx",
            "mov [{r} + 8], rbp",
            "mov [{r} + 16], r12",
            "mov [{r} + 24], r13",
            "mov [{r} + 32], r14",
            "mov [{r} + 40], r15",
            "mov {sp}, rsp",
            r = in(reg) regs.as_mut_ptr(),
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: only reads registers into the array.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{r}, #0]",
            "stp x21, x22, [{r}, #16]",
            "stp x23, x24, [{r}, #32]",
            "stp x25, x26, [{r}, #48]",
            "stp x27, x28, [{r}, #64]",
            "stp x29, x30, [{r}, #80]",
            "mov {sp}, sp",
            r = in(reg) regs.as_mut_ptr(),
            sp = out(reg) sp,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    compile_error!("roast's GC records callee-saved registers on x86-64 and aarch64 only");
    std::hint::black_box(&regs);
    sp
}

struct World {
    threads: Vec<&'static ThreadEntry>,
    completed_gcs: u64,
}

static WORLD: Mutex<World> = Mutex::new(World {
    threads: Vec::new(),
    completed_gcs: 0,
});
static WORLD_CHANGED: Condvar = Condvar::new();

fn world() -> MutexGuard<'static, World> {
    WORLD.lock().unwrap_or_else(|e| e.into_inner())
}

std::thread_local! {
    static CURRENT: Cell<Option<&'static ThreadEntry>> = const { Cell::new(None) };
    static OUT_OF_MEMORY: Cell<bool> = const { Cell::new(false) };
}

/// The calling thread's entry, if it is registered.
pub fn current() -> Option<&'static ThreadEntry> {
    CURRENT.with(|c| c.get())
}

fn wait_while_requested() {
    let mut w = world();
    while roast_safepoint_requested.load(Ordering::SeqCst) != 0 {
        w = WORLD_CHANGED.wait(w).unwrap_or_else(|e| e.into_inner());
    }
}

/// Registers the calling thread as a mutator (idempotent).
pub fn register_current(stack_hi: usize, tstate: *mut ThreadState) -> &'static ThreadEntry {
    if let Some(e) = current() {
        return e;
    }
    let entry: &'static ThreadEntry = Box::leak(Box::new(ThreadEntry {
        state: AtomicU8::new(RUNNING),
        mutator: UnsafeCell::new(std::ptr::null_mut()),
        bump: UnsafeCell::new(std::ptr::null_mut()),
        sp: AtomicUsize::new(0),
        regs: UnsafeCell::new([0; SAVED_REGS]),
        stack_hi,
        tstate,
    }));
    let tls = VMMutatorThread(VMThread(OpaquePointer::from_address(Address::from_ref(
        entry,
    ))));
    let mmtk = super::mmtk();
    let mut mutator = mmtk::memory_manager::bind_mutator(mmtk, tls);
    let selector = mmtk::memory_manager::get_allocator_mapping(mmtk, AllocationSemantics::Default);
    // SAFETY: Immix's default allocator is an ImmixAllocator; the entry is not shared yet.
    unsafe {
        let immix = mutator.allocator_impl_mut::<ImmixAllocator<Roast>>(selector);
        *entry.bump.get() = &mut immix.bump_pointer;
        *entry.mutator.get() = Box::into_raw(mutator);
    }
    let mut w = world();
    while roast_safepoint_requested.load(Ordering::SeqCst) != 0 {
        w = WORLD_CHANGED.wait(w).unwrap_or_else(|e| e.into_inner());
    }
    w.threads.push(entry);
    drop(w);
    CURRENT.with(|c| c.set(Some(entry)));
    entry
}

/// Unregisters the calling thread (at its end): it runs no Java code afterwards.
pub fn unregister_current() {
    let Some(entry) = current() else {
        return;
    };
    entry.enter_safe();
    let mut w = world();
    while roast_safepoint_requested.load(Ordering::SeqCst) != 0 {
        w = WORLD_CHANGED.wait(w).unwrap_or_else(|e| e.into_inner());
    }
    w.threads.retain(|e| !std::ptr::eq(*e, entry));
    drop(w);
    CURRENT.with(|c| c.set(None));
    // SAFETY: the entry left the registry while no collection was running, so nothing else
    // refers to the mutator any more.
    let mut mutator = unsafe { Box::from_raw(*entry.mutator.get()) };
    mmtk::memory_manager::destroy_mutator(&mut mutator);
}

/// Is `addr` the address of a registered entry?
pub fn is_registered(addr: usize) -> bool {
    world()
        .threads
        .iter()
        .any(|e| *e as *const ThreadEntry as usize == addr)
}

/// The entry behind an MMTk mutator thread handle.
pub fn entry_of(tls: VMMutatorThread) -> &'static ThreadEntry {
    // SAFETY: every VMMutatorThread handed to MMTk is the address of a leaked entry.
    unsafe { &*(tls.0 .0.to_address().to_ptr::<ThreadEntry>()) }
}

/// A snapshot of the registered threads.
pub fn entries() -> Vec<&'static ThreadEntry> {
    world().threads.clone()
}

/// Requests a stop and waits until every registered thread is SAFE; returns them.
pub fn stop_the_world() -> Vec<&'static ThreadEntry> {
    super::log::stop_requested();
    roast_safepoint_requested.store(1, Ordering::SeqCst);
    let threads = entries();
    for e in &threads {
        let mut spins = 0u32;
        while !e.is_safe() {
            spins += 1;
            if spins < 64 {
                std::hint::spin_loop();
            } else if spins < 256 {
                std::thread::yield_now();
            } else {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
        }
    }
    super::log::stopped();
    threads
}

/// Ends a stop: clears the request and wakes every waiting thread.
pub fn resume_the_world() {
    super::log::resumed();
    let mut w = world();
    w.completed_gcs += 1;
    roast_safepoint_requested.store(0, Ordering::SeqCst);
    drop(w);
    WORLD_CHANGED.notify_all();
}

/// Called by MMTk on the thread whose allocation triggered a collection: waits (SAFE) until
/// a collection has completed.
pub fn block_for_gc() {
    let Some(entry) = current() else {
        return;
    };
    let start = world().completed_gcs;
    entry.enter_safe();
    let mut w = world();
    while w.completed_gcs == start {
        w = WORLD_CHANGED.wait(w).unwrap_or_else(|e| e.into_inner());
    }
    drop(w);
    entry.leave_safe();
}

/// `roast_safepoint_poll`: called by compiled code when it sees the request flag set.
#[no_mangle]
pub extern "C" fn roast_safepoint_poll() {
    if let Some(entry) = current() {
        entry.enter_safe();
        entry.leave_safe();
    }
}

/// Runs `f` as SAFE (a blocking wait in the runtime). `f` must not touch reference fields
/// or allocate.
pub fn safe_region<R>(f: impl FnOnce() -> R) -> R {
    let Some(entry) = current() else {
        return f();
    };
    if entry.is_safe() {
        // Nested: the outer region already recorded the stack and stays SAFE.
        return f();
    }
    entry.enter_safe();
    let r = f();
    entry.leave_safe();
    r
}

/// Locks `m`, waiting for it in the SAFE state (for locks held across safepoints).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    if let Ok(g) = m.try_lock() {
        return g;
    }
    safe_region(|| m.lock().unwrap_or_else(|e| e.into_inner()))
}

/// Records that the calling thread's allocation failed with the heap full.
pub fn note_out_of_memory() {
    OUT_OF_MEMORY.with(|c| c.set(true));
}

/// Takes the calling thread's out-of-memory note.
pub fn take_out_of_memory() -> bool {
    OUT_OF_MEMORY.with(|c| c.replace(false))
}
