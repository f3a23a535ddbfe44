//! Code generation of the lowered units: each unit is verified and written as bitcode; units
//! whose object is in the [`ObjectCache`] are reused, the others are optimized and compiled
//! on worker threads (one LLVM context each, largest units first) and stored in the cache.
//!
//! Invariants: the objects are returned in unit order, one per unit; a unit is compiled from
//! exactly the bitcode its cache key was computed from.

use crate::cache::ObjectCache;
use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::Module;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What code generation did.
pub struct EmitStats {
    /// Units in the program.
    pub units: usize,
    /// Units whose object came from the cache.
    pub cached: usize,
}

/// One unit to compile: its position, bitcode and cache key.
struct Job {
    index: usize,
    bitcode: Vec<u8>,
    key: u128,
    optimize: bool,
}

/// Verifies every unit and produces its object, from the cache or by compiling it on
/// `threads` threads; objects of new units are written to `scratch` and then cached.
pub fn emit_units(
    units: &[Module<'_>],
    target: Option<&str>,
    optimize: bool,
    cache: &ObjectCache,
    scratch: &Path,
    threads: usize,
) -> Result<(Vec<PathBuf>, EmitStats), String> {
    let tm = super::emit::target_machine(target)?;
    let mut objects: Vec<Option<PathBuf>> = vec![None; units.len()];
    let mut jobs = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        super::emit::set_target(unit, &tm);
        let bitcode = unit.write_bitcode_to_memory().as_slice().to_vec();
        let key = cache.key(&bitcode);
        match cache.lookup(key) {
            // The unit was verified when this object was compiled from the same bitcode.
            Some(path) => objects[index] = Some(path),
            None => {
                super::emit::verify(unit)?;
                jobs.push(Job {
                    index,
                    bitcode,
                    key,
                    // The data unit (last) is constants and one small entry function.
                    optimize: optimize && index + 1 < units.len(),
                })
            }
        }
    }
    let stats = EmitStats {
        units: units.len(),
        cached: units.len() - jobs.len(),
    };
    // Workers pop from the end: largest first, so that no thread is left with one big unit
    // at the end.
    jobs.sort_by_key(|j| j.bitcode.len());
    let queue = Arc::new(Mutex::new(jobs));
    let target = target.map(str::to_string);
    let workers: Vec<_> = (0..threads.max(1))
        .map(|_| {
            let queue = queue.clone();
            let target = target.clone();
            let scratch = scratch.to_path_buf();
            std::thread::spawn(move || compile_jobs(&queue, target.as_deref(), &scratch))
        })
        .collect();
    for w in workers {
        let done = w
            .join()
            .map_err(|_| "code generation thread panicked".to_string())??;
        for (index, key, path) in done {
            objects[index] = Some(cache.store(key, &path));
        }
    }
    let objects = objects
        .into_iter()
        .map(|o| o.ok_or_else(|| "internal error: a unit has no object".to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((objects, stats))
}

/// A worker: takes jobs until the queue is empty; returns (unit index, key, object path).
fn compile_jobs(
    queue: &Mutex<Vec<Job>>,
    target: Option<&str>,
    scratch: &Path,
) -> Result<Vec<(usize, u128, PathBuf)>, String> {
    let tm = super::emit::target_machine(target)?;
    let mut done = Vec::new();
    loop {
        let Some(job) = queue.lock().map_err(|e| e.to_string())?.pop() else {
            return Ok(done);
        };
        let ctx = Context::create();
        let buf = MemoryBuffer::create_from_memory_range_copy(&job.bitcode, "roast");
        let module = Module::parse_bitcode_from_buffer(&buf, &ctx).map_err(|e| e.to_string())?;
        let path = scratch.join(format!("unit{}.o", job.index));
        super::emit::emit_object(&module, &tm, &path, job.optimize)?;
        done.push((job.index, job.key, path));
    }
}

/// Links all units into the first one (for `--emit llvm-ir` and `--emit obj`).
pub fn link_units(units: Vec<Module<'_>>) -> Result<Module<'_>, String> {
    let mut units = units.into_iter();
    let first = units
        .next()
        .ok_or_else(|| "internal error: no units".to_string())?;
    for unit in units {
        first
            .link_in_module(unit)
            .map_err(|e| format!("internal error: cannot link units: {e}"))?;
    }
    Ok(first)
}
