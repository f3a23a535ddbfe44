//! Parallel code generation: the finished module is split into partitions that are
//! optimized and compiled to objects on separate threads (one LLVM context each), then
//! linked together.
//!
//! Invariants: every function body is compiled in exactly one partition; every global with
//! an initializer is defined in partition 0 only and declared in the others. Local symbols
//! are made hidden globals first so that partitions can refer to each other's definitions
//! (string literals keep one identity across partitions).

use inkwell::context::Context;
use inkwell::llvm_sys;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::values::AsValueRef;
use inkwell::GlobalVisibility;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Makes private and internal symbols hidden globals (unique names are kept).
fn externalize(module: &Module<'_>) {
    let mut n = 0usize;
    for g in module.get_globals() {
        if matches!(g.get_linkage(), Linkage::Private | Linkage::Internal) {
            g.set_name(&format!("roast.local.{n}"));
            n += 1;
            g.set_linkage(Linkage::External);
            g.set_visibility(GlobalVisibility::Hidden);
            g.set_unnamed_addr(false);
        }
    }
    for f in module.get_functions() {
        if f.count_basic_blocks() > 0
            && matches!(f.get_linkage(), Linkage::Private | Linkage::Internal)
        {
            f.set_linkage(Linkage::External);
            f.as_global_value().set_visibility(GlobalVisibility::Hidden);
        }
    }
}

/// Keeps the bodies of partition `k` of `parts` and turns everything else into declarations.
fn keep_partition(module: &Module<'_>, k: usize, parts: usize) {
    let mut index = 0usize;
    for f in module.get_functions() {
        if f.count_basic_blocks() == 0 {
            continue;
        }
        if index % parts != k {
            for bb in f.get_basic_blocks() {
                // SAFETY: the whole body is removed, so no instruction keeps a use of it.
                unsafe { bb.delete() }.expect("delete block");
            }
            f.set_linkage(Linkage::External);
        }
        index += 1;
    }
    if k != 0 {
        for g in module.get_globals() {
            if g.get_initializer().is_some() && !g.is_thread_local() {
                // SAFETY: removing the initializer turns the definition into a declaration.
                unsafe {
                    llvm_sys::core::LLVMSetInitializer(g.as_value_ref(), std::ptr::null_mut())
                };
                g.set_linkage(Linkage::External);
            }
        }
    }
}

/// Verifies `module`, then optimizes and compiles it in `parts` partitions in parallel;
/// returns the object files written into `dir`.
pub fn emit_objects(
    module: &Module<'_>,
    target: Option<&str>,
    dir: &Path,
    optimize: bool,
    parts: usize,
) -> Result<Vec<PathBuf>, String> {
    let tm = super::emit::target_machine(target)?;
    super::emit::prepare(module, &tm)?;
    if parts <= 1 {
        let path = dir.join("program.o");
        super::emit::emit_object(module, &tm, &path, optimize)?;
        return Ok(vec![path]);
    }
    externalize(module);
    let bitcode = Arc::new(module.write_bitcode_to_memory().as_slice().to_vec());
    let target = target.map(str::to_string);
    let handles: Vec<_> = (0..parts)
        .map(|k| {
            let bitcode = bitcode.clone();
            let target = target.clone();
            let path = dir.join(format!("program{k}.o"));
            std::thread::spawn(move || -> Result<PathBuf, String> {
                let ctx = Context::create();
                let buf = MemoryBuffer::create_from_memory_range_copy(&bitcode, "roast");
                let m = Module::parse_bitcode_from_buffer(&buf, &ctx).map_err(|e| e.to_string())?;
                keep_partition(&m, k, parts);
                let tm = super::emit::target_machine(target.as_deref())?;
                super::emit::emit_object(&m, &tm, &path, optimize)?;
                Ok(path)
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| {
            h.join()
                .map_err(|_| "code generation thread panicked".to_string())?
        })
        .collect()
}
