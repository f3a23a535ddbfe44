//! The heap verifier (stress mode, `ROAST_GC_VERIFY=1`): after a collection, with the world
//! still stopped, walks everything reachable from the roots and checks that each object is
//! still a valid MMTk object (its valid-object bit survived the sweep) with a known class
//! descriptor: a compiled one, or one the interpreter made (classes defined at run time,
//! their array classes). A failure means a missed root or reference map error: it prints
//! the path's last edge and aborts.

use super::roots;
use super::scan::{self, in_heap};
use std::collections::HashSet;

/// Verifies the heap; aborts the process on the first inconsistency.
pub fn verify_heap() {
    let mut classes: HashSet<usize> = crate::object::all_classes()
        .iter()
        .map(|d| *d as *const _ as usize)
        .collect();
    classes.extend(crate::interp::class::descriptors());
    classes.extend(crate::interp::arrays::made_descriptors());
    let mut seen: HashSet<usize> = HashSet::new();
    let mut stack: Vec<(usize, &'static str)> = Vec::new();
    for e in super::world::entries() {
        roots::thread_conservative(e, &mut |o| stack.push((o, "a thread stack")));
        roots::thread_precise(e, &mut |s| stack.push((load(s), "a thread state")));
    }
    roots::globals(&mut |s| stack.push((load(s), "a global root")));
    while let Some((obj, from)) = stack.pop() {
        if !seen.insert(obj) {
            continue;
        }
        check(obj, from, &classes);
        scan::for_each_ref_slot(obj, |s| {
            let v = load(s);
            if in_heap(v) {
                stack.push((v, "a heap object"));
            }
        });
    }
}

fn load(slot: usize) -> usize {
    // SAFETY: slots are addresses of reference-sized words in live memory.
    unsafe { *(slot as *const usize) }
}

fn check(obj: usize, from: &str, classes: &HashSet<usize>) {
    if obj & 7 != 0 || mmtk::memory_manager::is_mmtk_object(scan::addr(obj)).is_none() {
        fail(&format!(
            "{obj:#x}, referenced from {from}, is not a live object"
        ));
    }
    // SAFETY: a valid object starts with its klass word.
    let klass = unsafe { *(obj as *const u32) } as usize;
    if !classes.contains(&klass) {
        fail(&format!(
            "{obj:#x}, referenced from {from}, has bad class word {klass:#x}"
        ));
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("roast: heap verification failed after a collection: {msg}");
    std::process::abort();
}
