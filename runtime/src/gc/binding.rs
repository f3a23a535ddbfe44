//! The MMTk VM binding: how MMTk sees roast's objects (`ObjectModel`), threads
//! (`ActivePlan`, `Collection`) and roots (`Scanning`). Everything here delegates to the
//! other `gc` modules; this file only adapts them to MMTk's traits.
//!
//! Invariants:
//! - An `ObjectReference` is the address of the object's header (its first byte); objects are
//!   8-byte aligned. Immix may move (defragment) objects that are not pinned; every object a
//!   stack or register refers to is a pinning root, so code never sees an object move.
//! - All GC metadata (mark bits, log bits, VO bits) lives on the side: the header's two
//!   words belong to the runtime (klass, lock/hash).
//! - A mutator's `VMMutatorThread` is the address of its `world::ThreadEntry`.

use super::{references, roots, scan, world};
use mmtk::scheduler::GCWorker;
use mmtk::util::alloc::AllocationError;
use mmtk::util::copy::{CopySemantics, GCWorkerCopyContext};
use mmtk::util::opaque_pointer::{VMMutatorThread, VMThread, VMWorkerThread};
use mmtk::util::{Address, ObjectReference};
use mmtk::vm::slot::{SimpleSlot, UnimplementedMemorySlice};
use mmtk::vm::{
    ActivePlan, Collection, GCThreadContext, ObjectModel, ObjectTracerContext, ReferenceGlue,
    RootsWorkFactory, Scanning, SlotVisitor, VMBinding, VMGlobalLogBitSpec,
    VMLocalForwardingBitsSpec, VMLocalForwardingPointerSpec, VMLocalLOSMarkNurserySpec,
    VMLocalMarkBitSpec, VMLocalPinningBitSpec,
};
use mmtk::Mutator;

/// The roast VM as MMTk knows it.
#[derive(Default)]
pub struct Roast;

impl VMBinding for Roast {
    type VMObjectModel = Objects;
    type VMScanning = Roots;
    type VMCollection = Threads;
    type VMActivePlan = Threads;
    type VMReferenceGlue = References;
    type VMSlot = SimpleSlot;
    type VMMemorySlice = UnimplementedMemorySlice;
    const MIN_ALIGNMENT: usize = 8;
    const MAX_ALIGNMENT: usize = 8;
}

/// `ObjectModel`: layouts from `contract`, sizes from `scan`.
pub struct Objects;

impl ObjectModel<Roast> for Objects {
    const GLOBAL_LOG_BIT_SPEC: VMGlobalLogBitSpec = VMGlobalLogBitSpec::side_first();
    // The forwarding pointer overwrites the header of the old copy only.
    const LOCAL_FORWARDING_POINTER_SPEC: VMLocalForwardingPointerSpec =
        VMLocalForwardingPointerSpec::in_header(0);
    const LOCAL_FORWARDING_BITS_SPEC: VMLocalForwardingBitsSpec =
        VMLocalForwardingBitsSpec::side_first();
    const LOCAL_MARK_BIT_SPEC: VMLocalMarkBitSpec =
        VMLocalMarkBitSpec::side_after(Self::LOCAL_FORWARDING_BITS_SPEC.as_spec());
    const LOCAL_LOS_MARK_NURSERY_SPEC: VMLocalLOSMarkNurserySpec =
        VMLocalLOSMarkNurserySpec::side_after(Self::LOCAL_MARK_BIT_SPEC.as_spec());
    const LOCAL_PINNING_BIT_SPEC: VMLocalPinningBitSpec =
        VMLocalPinningBitSpec::side_after(Self::LOCAL_LOS_MARK_NURSERY_SPEC.as_spec());
    const OBJECT_REF_OFFSET_LOWER_BOUND: isize = 0;

    fn copy(
        from: ObjectReference,
        semantics: CopySemantics,
        copy_context: &mut GCWorkerCopyContext<Roast>,
    ) -> ObjectReference {
        let bytes = Self::get_current_size(from);
        let dst = copy_context.alloc_copy(from, bytes, 8, 0, semantics);
        // SAFETY: `dst` is a fresh `bytes`-byte region; `from` is a live object of that size.
        unsafe {
            std::ptr::copy_nonoverlapping(
                from.to_raw_address().to_ptr::<u8>(),
                dst.to_mut_ptr::<u8>(),
                bytes,
            )
        };
        let to = ObjectReference::from_raw_address(dst).expect("non-null copy");
        copy_context.post_copy(to, bytes, semantics);
        to
    }

    fn copy_to(_from: ObjectReference, _to: ObjectReference, _region: Address) -> Address {
        unreachable!("only sliding compaction plans copy to a given address; roast uses Immix")
    }

    fn get_reference_when_copied_to(_from: ObjectReference, to: Address) -> ObjectReference {
        ObjectReference::from_raw_address(to).expect("non-null copy target")
    }

    fn get_current_size(object: ObjectReference) -> usize {
        scan::object_size(object.to_raw_address().as_usize())
    }

    fn get_size_when_copied(object: ObjectReference) -> usize {
        Self::get_current_size(object)
    }

    fn get_align_when_copied(_object: ObjectReference) -> usize {
        8
    }

    fn get_align_offset_when_copied(_object: ObjectReference) -> usize {
        0
    }

    fn get_type_descriptor(_reference: ObjectReference) -> &'static [i8] {
        &[]
    }

    fn ref_to_object_start(object: ObjectReference) -> Address {
        object.to_raw_address()
    }

    fn ref_to_header(object: ObjectReference) -> Address {
        object.to_raw_address()
    }

    fn dump_object(object: ObjectReference) {
        eprintln!("{}", scan::describe(object.to_raw_address().as_usize()));
    }
}

/// `Scanning`: precise object scanning and the root sets.
pub struct Roots;

impl Scanning<Roast> for Roots {
    fn scan_object<SV: SlotVisitor<SimpleSlot>>(
        _tls: VMWorkerThread,
        object: ObjectReference,
        slot_visitor: &mut SV,
    ) {
        let obj = object.to_raw_address().as_usize();
        // An active java.lang.ref.Reference: its referent is not a strong edge.
        let weak_slot = references::discover(obj);
        scan::for_each_ref_slot(obj, |slot| {
            if Some(slot) != weak_slot {
                slot_visitor.visit_slot(SimpleSlot::from_address(scan::addr(slot)))
            }
        });
    }

    fn process_weak_refs(
        worker: &mut GCWorker<Roast>,
        tracer_context: impl ObjectTracerContext<Roast>,
    ) -> bool {
        let again = references::process(worker, tracer_context);
        if !again {
            // The strong closure is final: fat monitors follow their objects or die.
            crate::monitor::sweep(&|obj| {
                if scan::in_heap(obj) {
                    references::surviving(obj)
                } else {
                    Some(obj)
                }
            });
        }
        again
    }

    fn notify_initial_thread_scan_complete(_partial_scan: bool, _tls: VMWorkerThread) {}

    fn scan_roots_in_mutator_thread(
        _tls: VMWorkerThread,
        mutator: &'static mut Mutator<Roast>,
        mut factory: impl RootsWorkFactory<SimpleSlot>,
    ) {
        let entry = world::entry_of(mutator.mutator_tls);
        let mut nodes = Vec::new();
        roots::thread_conservative(entry, &mut |o| nodes.push(o));
        nodes.sort_unstable();
        nodes.dedup();
        let nodes: Vec<ObjectReference> = nodes.into_iter().filter_map(to_ref).collect();
        if !nodes.is_empty() {
            factory.create_process_pinning_roots_work(nodes);
        }
        let mut slots = Vec::new();
        roots::thread_precise(entry, &mut |s| slots.push(to_slot(s)));
        if !slots.is_empty() {
            factory.create_process_roots_work(slots);
        }
    }

    fn scan_vm_specific_roots(
        _tls: VMWorkerThread,
        mut factory: impl RootsWorkFactory<SimpleSlot>,
    ) {
        let mut slots = Vec::new();
        roots::globals(&mut |s| slots.push(to_slot(s)));
        for chunk in slots.chunks(4096) {
            factory.create_process_roots_work(chunk.to_vec());
        }
    }

    fn supports_return_barrier() -> bool {
        false
    }

    fn prepare_for_roots_re_scanning() {}
}

fn to_ref(addr: usize) -> Option<ObjectReference> {
    ObjectReference::from_raw_address(scan::addr(addr))
}

fn to_slot(addr: usize) -> SimpleSlot {
    SimpleSlot::from_address(scan::addr(addr))
}

/// `ActivePlan` and `Collection`: the thread registry and stop-the-world protocol of `world`.
pub struct Threads;

impl ActivePlan<Roast> for Threads {
    fn is_mutator(tls: VMThread) -> bool {
        world::is_registered(tls.0.to_address().as_usize())
    }

    fn mutator(tls: VMMutatorThread) -> &'static mut Mutator<Roast> {
        world::entry_of(tls).mutator()
    }

    fn mutators<'a>() -> Box<dyn Iterator<Item = &'a mut Mutator<Roast>> + 'a> {
        Box::new(world::entries().into_iter().map(|e| e.mutator()))
    }

    fn number_of_mutators() -> usize {
        world::entries().len()
    }
}

impl Collection<Roast> for Threads {
    fn stop_all_mutators<F>(_tls: VMWorkerThread, mut mutator_visitor: F)
    where
        F: FnMut(&'static mut Mutator<Roast>),
    {
        for e in world::stop_the_world() {
            mutator_visitor(e.mutator());
        }
    }

    fn resume_mutators(_tls: VMWorkerThread) {
        if super::options::get().verify {
            super::verify::verify_heap();
        }
        world::resume_the_world();
    }

    fn block_for_gc(_tls: VMMutatorThread) {
        world::block_for_gc();
    }

    fn spawn_gc_thread(_tls: VMThread, ctx: GCThreadContext<Roast>) {
        let GCThreadContext::Worker(worker) = ctx;
        let spawned = std::thread::Builder::new()
            .name("roast-gc-worker".into())
            .spawn(move || {
                let tls = VMWorkerThread(VMThread::UNINITIALIZED);
                mmtk::memory_manager::start_worker(super::mmtk(), tls, worker);
            });
        if spawned.is_err() {
            eprintln!("Error occurred during initialization of VM\ncannot start a GC thread");
            std::process::exit(1);
        }
    }

    fn out_of_memory(_tls: VMThread, err_kind: AllocationError) {
        match err_kind {
            AllocationError::HeapOutOfMemory => world::note_out_of_memory(),
            AllocationError::MmapOutOfMemory => {
                eprintln!("roast: out of address space or swap for the Java heap");
                std::process::abort();
            }
        }
    }
}

/// `ReferenceGlue`: required by MMTk; roast registers no candidates with MMTk's built-in
/// reference processor (java.lang.ref is implemented binding-side in `references`, through
/// `Scanning::process_weak_refs`), so only the field accessors are meaningful.
pub struct References;

impl ReferenceGlue<Roast> for References {
    type FinalizableType = ObjectReference;

    fn clear_referent(new_reference: ObjectReference) {
        scan::set_referent(new_reference.to_raw_address().as_usize(), 0);
    }

    fn get_referent(object: ObjectReference) -> Option<ObjectReference> {
        to_ref(scan::referent(object.to_raw_address().as_usize()))
    }

    fn set_referent(reff: ObjectReference, referent: ObjectReference) {
        scan::set_referent(
            reff.to_raw_address().as_usize(),
            referent.to_raw_address().as_usize(),
        );
    }

    fn enqueue_references(_references: &[ObjectReference], _tls: VMWorkerThread) {}
}
