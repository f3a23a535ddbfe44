//! `java.lang.ref` semantics: soft, weak and phantom references, the pending list the JDK's
//! Reference Handler thread drains, and the natives of the JDK's own `Reference` class
//! (`getAndClearReferencePendingList`, `hasReferencePendingList`,
//! `waitForReferencePendingList`, `refersTo0`, `clear0`).
//!
//! Mechanism (MMTk's binding-side weak processing, `Scanning::process_weak_refs`):
//! 1. **Discovery** (while tracing): when a `Reference` object is scanned and it is *active*
//!    (`next == null`) with a referent in the collected heap, its `referent` slot is not
//!    reported as a strong edge; the reference is recorded on the list of its kind.
//! 2. **Soft** (after the strong closure): a soft referent that is not reachable is kept
//!    (traced, then the closure is extended and newly discovered references are handled the
//!    same way) unless the collection is an *emergency* one. MMTk only reports an
//!    out-of-memory condition after an emergency collection, so every softly reachable
//!    object is cleared before an `OutOfMemoryError` is thrown, as on HotSpot.
//! 3. **Weak**, then **phantom**: an unreachable referent is cleared and the reference is
//!    put on the pending list; a reachable one gets its (possibly moved) new address.
//! 4. The pending list (linked through `Reference.discovered`, a GC root here) is handed
//!    to the Reference Handler thread, which enqueues each reference on its queue or runs
//!    it (`jdk.internal.ref.Cleaner`), exactly as the JDK's `Reference.java` does.
//!
//! Invariants:
//! - Only active references are discovered; inactive ones (enqueued or dequeued: `next` is
//!   set) and references whose referent is null or outside the heap (string literals) keep
//!   an ordinary strong `referent` field, as HotSpot's discovery does.
//! - A reference whose referent was already cleared is never put on the pending list
//!   twice: clearing happens before linking, and a cleared referent is skipped.
//! - `FinalReference` (finalization) is not discovered: roast never registers finalizable
//!   objects (see ARCHITECTURE.md, "Garbage collection"), so such references stay strong.
//! - Soft references are retained by every non-emergency collection, whatever their age
//!   (HotSpot's LRU policy also keeps recently used ones; `SoftReference.clock` is not
//!   advanced).

use super::binding::Roast;
use super::scan::{self, in_heap};
use crate::contract::{ClassDesc, KIND_INSTANCE};
use mmtk::scheduler::GCWorker;
use mmtk::util::ObjectReference;
use mmtk::vm::{ObjectTracer, ObjectTracerContext};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

/// The kinds of references that are discovered.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Soft,
    Weak,
    Phantom,
}

/// Field offsets of `java.lang.ref.Reference` and the descriptors of its direct subclasses.
struct Layout {
    referent: usize,
    next: usize,
    discovered: usize,
    soft: usize,
    weak: usize,
    phantom: usize,
}

/// The layout, when the program has `java.lang.ref.Reference` at all.
fn layout() -> Option<&'static Layout> {
    static LAYOUT: OnceLock<Option<Layout>> = OnceLock::new();
    LAYOUT
        .get_or_init(|| {
            let reference = crate::object::class_by_name("java/lang/ref/Reference")?;
            let desc_addr = |name: &str| {
                crate::object::class_by_name(name).map_or(0, |d| d as *const ClassDesc as usize)
            };
            Some(Layout {
                referent: crate::object::field_offset(reference, "referent")?,
                next: crate::object::field_offset(reference, "next")?,
                discovered: crate::object::field_offset(reference, "discovered")?,
                soft: desc_addr("java/lang/ref/SoftReference"),
                weak: desc_addr("java/lang/ref/WeakReference"),
                phantom: desc_addr("java/lang/ref/PhantomReference"),
            })
        })
        .as_ref()
}

/// The reference kind of instances of `desc` (None for every other class, `FinalReference`
/// included). `Reference` has depth 1, its direct subclasses depth 2.
#[inline]
fn kind_of(desc: &ClassDesc, l: &Layout) -> Option<Kind> {
    if desc.kind != KIND_INSTANCE || desc.depth < 2 {
        return None;
    }
    let mut d = desc;
    while d.depth > 2 {
        // SAFETY: a class of depth > 0 has a superclass descriptor (static data).
        d = unsafe { &*d.super_ };
    }
    let a = d as *const ClassDesc as usize;
    if a == l.weak {
        Some(Kind::Weak)
    } else if a == l.soft {
        Some(Kind::Soft)
    } else if a == l.phantom {
        Some(Kind::Phantom)
    } else {
        None
    }
}

fn load(slot: usize) -> usize {
    // SAFETY: callers pass the address of a reference field of a live object.
    unsafe { *(slot as *const usize) }
}

fn store(slot: usize, value: usize) {
    // SAFETY: as in `load`; reference fields are written by the collector only while the
    // world is stopped, or by the object's users through `clear0`.
    unsafe { *(slot as *mut usize) = value }
}

/// References discovered in the current collection, by kind.
static DISCOVERED: [Mutex<Vec<usize>>; 3] = [
    Mutex::new(Vec::new()),
    Mutex::new(Vec::new()),
    Mutex::new(Vec::new()),
];

fn discovered(kind: Kind) -> std::sync::MutexGuard<'static, Vec<usize>> {
    let i = match kind {
        Kind::Soft => 0,
        Kind::Weak => 1,
        Kind::Phantom => 2,
    };
    DISCOVERED[i].lock().unwrap_or_else(|e| e.into_inner())
}

/// Called when the collector scans `obj`: if it is an active reference with a heap
/// referent, records it and returns the address of its `referent` slot, which the caller
/// must not report as a strong edge.
#[inline]
pub fn discover(obj: usize) -> Option<usize> {
    let desc = scan::desc_of(obj);
    if desc.kind != KIND_INSTANCE || desc.depth < 2 {
        return None;
    }
    let l = layout()?;
    let kind = kind_of(desc, l)?;
    let slot = obj + l.referent;
    if !in_heap(load(slot)) || load(obj + l.next) != 0 {
        return None;
    }
    discovered(kind).push(obj);
    Some(slot)
}

/// Which step of reference processing the current collection is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Retaining soft referents (repeated while retaining extends the closure).
    Soft,
    /// Soft references settled: clearing weak and phantom ones.
    Final,
}

static PHASE: Mutex<Phase> = Mutex::new(Phase::Soft);

fn to_object(addr: usize) -> ObjectReference {
    ObjectReference::from_raw_address(scan::addr(addr)).expect("non-null referent")
}

/// The referent's address after this collection, or None when it is not reachable.
pub fn surviving(referent: usize) -> Option<usize> {
    let o = to_object(referent);
    o.is_reachable().then(|| {
        o.get_forwarded_object()
            .unwrap_or(o)
            .to_raw_address()
            .as_usize()
    })
}

/// `Scanning::process_weak_refs`: called after the strong closure; true asks MMTk to call it
/// again once the objects it retained have been traced.
pub fn process(worker: &mut GCWorker<Roast>, tracer: impl ObjectTracerContext<Roast>) -> bool {
    let Some(l) = layout() else {
        return false;
    };
    let mut phase = PHASE.lock().unwrap_or_else(|e| e.into_inner());
    let mut pending = Vec::new();
    if *phase == Phase::Soft {
        let softs = std::mem::take(&mut *discovered(Kind::Soft));
        let keep_all = !super::mmtk().is_emergency_collection();
        let mut retain = Vec::new();
        for r in softs {
            let slot = r + l.referent;
            let referent = load(slot);
            if referent == 0 {
                continue;
            }
            match surviving(referent) {
                Some(new) => store(slot, new),
                None if keep_all => retain.push(slot),
                None => {
                    store(slot, 0);
                    pending.push(r);
                }
            }
        }
        if !retain.is_empty() {
            tracer.with_tracer(worker, |t| {
                for &slot in &retain {
                    let kept = t.trace_object(to_object(load(slot)));
                    store(slot, kept.to_raw_address().as_usize());
                }
            });
            publish(l, &pending);
            return true;
        }
        *phase = Phase::Final;
    }
    for kind in [Kind::Weak, Kind::Phantom] {
        let refs = std::mem::take(&mut *discovered(kind));
        for r in refs {
            let slot = r + l.referent;
            let referent = load(slot);
            if referent == 0 {
                continue;
            }
            match surviving(referent) {
                Some(new) => store(slot, new),
                None => {
                    store(slot, 0);
                    pending.push(r);
                }
            }
        }
    }
    // References discovered after this point cannot exist (nothing more is traced), but
    // leave the lists empty for the next collection either way.
    *phase = Phase::Soft;
    publish(l, &pending);
    false
}

/// The head of the pending list (0 when empty), linked through `Reference.discovered`; a
/// root slot. Changed under `PENDING_LOCK`.
static PENDING_HEAD: AtomicUsize = AtomicUsize::new(0);
static PENDING_LOCK: Mutex<()> = Mutex::new(());
/// Signalled when references are added to the pending list.
static PENDING_ADDED: Condvar = Condvar::new();

fn pending_lock() -> std::sync::MutexGuard<'static, ()> {
    PENDING_LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// References cleared since the last `take_cleared` (for `ROAST_GC_LOG`).
static CLEARED: AtomicUsize = AtomicUsize::new(0);

/// The number of references cleared since the last call (one collection's worth).
pub fn take_cleared() -> usize {
    CLEARED.swap(0, Ordering::Relaxed)
}

/// Prepends `refs` (cleared references, in discovery order) to the pending list.
fn publish(l: &Layout, refs: &[usize]) {
    if refs.is_empty() {
        return;
    }
    CLEARED.fetch_add(refs.len(), Ordering::Relaxed);
    let guard = pending_lock();
    for &r in refs.iter().rev() {
        store(r + l.discovered, PENDING_HEAD.load(Ordering::SeqCst));
        PENDING_HEAD.store(r, Ordering::SeqCst);
    }
    drop(guard);
    PENDING_ADDED.notify_all();
}

/// The pending list's head slot, a root (the world is stopped).
pub fn for_each_root(f: &mut dyn FnMut(usize)) {
    f(PENDING_HEAD.as_ptr() as usize);
}

/// Reference.getAndClearReferencePendingList
#[export_name = "java/lang/ref/Reference.getAndClearReferencePendingList()Ljava/lang/ref/Reference;"]
pub extern "C" fn reference_get_and_clear_pending_list() -> *mut u8 {
    let _guard = pending_lock();
    PENDING_HEAD.swap(0, Ordering::SeqCst) as *mut u8
}

/// Reference.hasReferencePendingList
#[export_name = "java/lang/ref/Reference.hasReferencePendingList()Z"]
pub extern "C" fn reference_has_pending_list() -> i32 {
    (PENDING_HEAD.load(Ordering::SeqCst) != 0) as i32
}

/// Reference.waitForReferencePendingList: blocks (a GC safe region, like every blocking
/// wait) until the pending list is not empty. Not interruptible, and the thread stays
/// RUNNABLE while it waits, like HotSpot's (a wait inside the VM, not a Java wait).
#[export_name = "java/lang/ref/Reference.waitForReferencePendingList()V"]
pub extern "C" fn reference_wait_for_pending_list() {
    super::world::safe_region(|| {
        let mut guard = pending_lock();
        while PENDING_HEAD.load(Ordering::SeqCst) == 0 {
            guard = PENDING_ADDED.wait(guard).unwrap_or_else(|e| e.into_inner());
        }
    });
}

/// Reference.refersTo0: is the referent `o`? (Also `PhantomReference.refersTo0`, whose
/// `get` always answers null.)
#[export_name = "java/lang/ref/Reference.refersTo0(Ljava/lang/Object;)Z"]
pub extern "C" fn reference_refers_to0(this: *mut u8, o: *mut u8) -> i32 {
    refers_to(this, o)
}

/// PhantomReference.refersTo0
#[export_name = "java/lang/ref/PhantomReference.refersTo0(Ljava/lang/Object;)Z"]
pub extern "C" fn phantom_reference_refers_to0(this: *mut u8, o: *mut u8) -> i32 {
    refers_to(this, o)
}

fn refers_to(this: *mut u8, o: *mut u8) -> i32 {
    match layout() {
        Some(l) => (load(this as usize + l.referent) == o as usize) as i32,
        None => 0,
    }
}

/// Reference.clear0: clears the referent (the collector can no longer discover it).
#[export_name = "java/lang/ref/Reference.clear0()V"]
pub extern "C" fn reference_clear0(this: *mut u8) {
    if let Some(l) = layout() {
        store(this as usize + l.referent, 0);
    }
}
