//! roast's SSA IR (DESIGN.md pipeline step 3): typed index entities, instructions with Java
//! semantics, a bytecode-to-SSA builder, a verifier, a printer and optimization passes.
//!
//! Entry points: [`build::build_function`] turns a method into a [`Function`];
//! [`verify::verify`] checks every invariant; [`print::print_function`] renders text;
//! [`passes::run_pipeline`] runs the passes (verifying after each one when asked);
//! [`check_methods`] builds and verifies many methods (`ROAST_VERIFY_IR=1`).
//!
//! Invariants: see [`function`] (SSA with block parameters), [`inst`] (explicit checks and
//! exceptional edges) and [`dom`] (where a throwing instruction's edge leaves). Lowering
//! still reads bytecode; moving it onto this IR is the next step.

pub mod build;
pub mod dom;
pub mod entity;
pub mod function;
pub mod inst;
pub mod passes;
pub mod print;
pub mod types;
pub mod verify;

#[cfg(test)]
mod tests;

pub use build::{build_function, BuildError};
pub use entity::{Block, Inst, Value};
pub use function::Function;
pub use verify::{verify, VerifyError};

use crate::classfile::{ClassFile, MethodInfo};
use crate::program::{ClassId, MethodId, Program};
use std::collections::HashMap;

/// Builds, verifies, runs the pass pipeline (verifying after each pass) on one method.
pub fn check_method(class: &ClassFile, method: &MethodInfo) -> Result<Function, String> {
    let mut f = build_function(class, method).map_err(|e| e.to_string())?;
    verify(&f).map_err(|e| e.to_string())?;
    passes::run_pipeline(&mut f, true).map_err(|e| e.to_string())?;
    Ok(f)
}

/// Checks every method with code among `methods`; returns the number checked or the errors.
pub fn check_methods<'a>(
    methods: impl IntoIterator<Item = (&'a ClassFile, &'a MethodInfo)>,
) -> Result<usize, Vec<String>> {
    let mut count = 0;
    let mut errors = Vec::new();
    for (class, method) in methods {
        if method.code.is_none() {
            continue;
        }
        count += 1;
        if let Err(e) = check_method(class, method) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(count)
    } else {
        Err(errors)
    }
}

/// Builds and verifies the IR of every listed method that has code (`ROAST_VERIFY_IR=1`).
///
/// Runs on a thread with a large stack (the builder's phi recursion grows with the depth of
/// the control-flow graph), on copies of the class files. Returns the number of methods
/// checked, or every error.
pub fn check_program(program: &Program, methods: &[MethodId]) -> Result<usize, Vec<String>> {
    let mut classes: HashMap<ClassId, (ClassFile, Vec<usize>)> = HashMap::new();
    for &m in methods {
        let method = program.method(m);
        let Some(file) = &program.class(method.class).file else {
            continue;
        };
        let entry = classes
            .entry(method.class)
            .or_insert_with(|| ((**file).clone(), Vec::new()));
        entry.1.push(method.index);
    }
    let mut work: Vec<(ClassFile, Vec<usize>)> = classes.into_values().collect();
    work.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    let check = move || {
        let pairs = work.iter().flat_map(|(c, idx)| {
            idx.iter()
                .filter_map(move |&i| Some((c, c.methods.get(i)?)))
        });
        check_methods(pairs)
    };
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, check);
        match spawned {
            Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            Err(e) => Err(vec![format!("cannot start the IR check thread: {e}")]),
        }
    })
}
