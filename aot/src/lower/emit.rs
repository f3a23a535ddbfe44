//! Object emission: optimization pipeline and machine code for the target triple.

use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple,
};
use inkwell::OptimizationLevel;
use std::path::Path;

/// Revision of code generation from bitcode (pass pipeline, target machine options): part
/// of every object-cache key. Bump it whenever this file changes what an object contains.
pub const CODEGEN_REVISION: u32 = 1;

/// Creates the target machine for `triple` (None: the host).
pub fn target_machine(triple: Option<&str>) -> Result<TargetMachine, String> {
    Target::initialize_all(&InitializationConfig::default());
    let triple = match triple {
        Some(t) => TargetTriple::create(t),
        None => TargetMachine::get_default_triple(),
    };
    let target =
        Target::from_triple(&triple).map_err(|e| format!("unknown target {triple:?}: {e}"))?;
    let (cpu, features) = if triple == TargetMachine::get_default_triple() {
        ("x86-64-v2".to_string(), String::new())
    } else {
        ("generic".to_string(), String::new())
    };
    let cpu = if triple.as_str().to_string_lossy().starts_with("x86_64") {
        cpu
    } else {
        "generic".to_string()
    };
    target
        .create_target_machine(
            &triple,
            &cpu,
            &features,
            OptimizationLevel::Default,
            RelocMode::Static,
            CodeModel::Small,
        )
        .ok_or_else(|| format!("cannot create a target machine for {triple:?}"))
}

/// Sets the target triple and data layout of `module`.
pub fn set_target(module: &Module, tm: &TargetMachine) {
    module.set_triple(&tm.get_triple());
    module.set_data_layout(&tm.get_target_data().get_data_layout());
}

/// Verifies `module` (an invalid module is an internal error).
pub fn verify(module: &Module) -> Result<(), String> {
    module
        .verify()
        .map_err(|e| format!("internal error: invalid LLVM IR: {}", e.to_string_lossy()))
}

/// Sets the target of `module` and verifies it.
pub fn prepare(module: &Module, tm: &TargetMachine) -> Result<(), String> {
    set_target(module, tm);
    verify(module)
}

/// Optimizes (`default<O2>`) a prepared module and writes it as an object file.
pub fn emit_object(
    module: &Module,
    tm: &TargetMachine,
    path: &Path,
    optimize: bool,
) -> Result<(), String> {
    if optimize {
        let opts = PassBuilderOptions::create();
        module
            .run_passes("default<O2>", tm, opts)
            .map_err(|e| format!("LLVM optimization failed: {e}"))?;
    }
    tm.write_to_file(module, FileType::Object, path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
