//! The code units of an executable, lowered and compiled on several threads: each worker has
//! its own LLVM context and its own clone of the [`Program`], takes the next class (in class
//! order), lowers its reachable methods into the class's code unit, and turns the unit into
//! an object at once — from the [`ObjectCache`] when its bitcode was compiled before,
//! otherwise by optimizing and compiling it and storing the result. A unit's module is
//! dropped as soon as its object exists, so memory holds one unit per worker, not the
//! whole program.
//!
//! Invariants:
//! - The units and their objects are those of [`super::lower_program`] (same modules, same
//!   bitcode, same cache keys), returned in class order whatever the scheduling; warnings
//!   are in class order too.
//! - Code units refer to other classes only by symbol, so a class that a worker loads while
//!   lowering (one that reachability did not load) changes nothing in other units; the
//!   workers report such classes by name and the caller loads them into its own program
//!   before lowering the data unit, which defines every loaded class's descriptor.

use super::{emit, methods_by_class, Lowerer};
use crate::cache::ObjectCache;
use crate::program::{ClassId, MethodId, Program};
use crate::reach::Reachability;
use inkwell::context::Context;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// How the code units of a program are compiled.
pub struct CodeUnitSettings<'a> {
    /// Target triple (None: the host).
    pub target: Option<&'a str>,
    /// Optimize at O2.
    pub optimize: bool,
    /// Where compiled units are reused from and stored.
    pub cache: &'a ObjectCache,
    /// Directory for objects that cannot be stored in the cache.
    pub scratch: &'a Path,
    /// Worker threads.
    pub threads: usize,
}

/// The compiled code units of a program.
pub struct CodeUnits {
    /// Object files, in class order.
    pub objects: Vec<PathBuf>,
    /// Build warnings of the lowering, in class order.
    pub warnings: Vec<String>,
    /// String literals the code units refer to, by symbol (the data unit defines them).
    pub literal_requests: BTreeMap<String, Vec<u16>>,
    /// Methods whose metadata the code units named by alias (the data unit defines them).
    pub meta_alias_requests: std::collections::BTreeSet<MethodId>,
    /// Classes a worker loaded while lowering that the program had not loaded, by name.
    pub loaded_classes: Vec<String>,
    /// Code units (classes with at least one method body).
    pub units: usize,
    /// Units whose object came from the cache.
    pub cached: usize,
}

/// What one worker produced.
#[derive(Default)]
struct WorkerOutput {
    /// (class position, object).
    objects: Vec<(usize, PathBuf)>,
    /// (class position, warning).
    warnings: Vec<(usize, String)>,
    literal_requests: BTreeMap<String, Vec<u16>>,
    meta_alias_requests: std::collections::BTreeSet<MethodId>,
    loaded_classes: Vec<String>,
    cached: usize,
}

/// Lowers and compiles the code unit of every class with reachable methods. `program` must
/// have its layouts computed.
pub fn compile_code_units(
    program: &Program,
    reach: &Reachability,
    settings: &CodeUnitSettings<'_>,
) -> Result<CodeUnits, String> {
    let classes = methods_by_class(reach, program);
    let next = AtomicUsize::new(0);
    let outputs: Vec<Result<WorkerOutput, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..settings.threads.max(1))
            .map(|_| scope.spawn(|| worker(program, reach, &classes, &next, settings)))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("internal error: a lowering thread panicked".into()))
            })
            .collect()
    });
    let mut objects = Vec::new();
    let mut warnings = Vec::new();
    let mut merged = CodeUnits {
        objects: Vec::new(),
        warnings: Vec::new(),
        literal_requests: BTreeMap::new(),
        meta_alias_requests: Default::default(),
        loaded_classes: Vec::new(),
        units: 0,
        cached: 0,
    };
    for output in outputs {
        let output = output?;
        objects.extend(output.objects);
        warnings.extend(output.warnings);
        merged.literal_requests.extend(output.literal_requests);
        merged
            .meta_alias_requests
            .extend(output.meta_alias_requests);
        merged.loaded_classes.extend(output.loaded_classes);
        merged.cached += output.cached;
    }
    objects.sort_by_key(|(position, _)| *position);
    // Stable: the warnings of one class keep their order.
    warnings.sort_by_key(|(position, _)| *position);
    merged.units = objects.len();
    merged.objects = objects.into_iter().map(|(_, o)| o).collect();
    merged.warnings = warnings.into_iter().map(|(_, w)| w).collect();
    merged.loaded_classes.sort();
    merged.loaded_classes.dedup();
    Ok(merged)
}

/// A worker: lowers and compiles classes until none is left.
fn worker(
    program: &Program,
    reach: &Reachability,
    classes: &[(ClassId, Vec<MethodId>)],
    next: &AtomicUsize,
    settings: &CodeUnitSettings<'_>,
) -> Result<WorkerOutput, String> {
    let ctx = Context::create();
    let tm = emit::target_machine(settings.target)?;
    let mut own = program.clone();
    let known_classes = own.classes.len();
    let mut output = WorkerOutput::default();
    let mut l = Lowerer::new(&ctx, &mut own, reach);
    loop {
        let position = next.fetch_add(1, Ordering::Relaxed);
        let Some((class, methods)) = classes.get(position) else {
            break;
        };
        let unit = l.lower_class_unit(*class, methods);
        output
            .warnings
            .extend(l.warnings.drain(..).map(|w| (position, w)));
        let Some(unit) = unit else {
            continue;
        };
        emit::set_target(&unit, &tm);
        let key = settings
            .cache
            .key(unit.write_bitcode_to_memory().as_slice());
        let object = match settings.cache.lookup(key) {
            // The unit was verified when this object was compiled from the same bitcode.
            Some(path) => {
                output.cached += 1;
                path
            }
            None => {
                emit::verify(&unit)?;
                let path = settings.scratch.join(format!("unit{position}.o"));
                emit::emit_object(&unit, &tm, &path, settings.optimize)?;
                settings.cache.store(key, &path)
            }
        };
        output.objects.push((position, object));
    }
    output.literal_requests = l.take_literal_requests();
    output.meta_alias_requests = l.take_meta_alias_requests();
    drop(l);
    output.loaded_classes = own.classes[known_classes..]
        .iter()
        .map(|c| c.name.clone())
        .collect();
    Ok(output)
}
