//! Compile-time expansion of `invokedynamic` (StringConcatFactory, LambdaMetafactory,
//! ObjectMethods) into ordinary synthesized methods that the rest of the pipeline compiles
//! like user code.
//!
//! Invariant: every site either gets a synthesized static method with exactly the site's
//! descriptor, or an error message that the call site turns into a run-time exception (and a
//! build warning) — never silently wrong code.

use crate::program::{ClassId, MethodId, Program};

/// The method that implements the `invokedynamic` at constant-pool index `idx` of `class`.
pub fn invokedynamic(program: &mut Program, class: ClassId, idx: u16) -> Result<MethodId, String> {
    let file = program.class(class).file.clone().ok_or("no class file")?;
    let (bsm_index, name, desc) = file.cp.invoke_dynamic(idx).map_err(|e| e.to_string())?;
    let bsm = file
        .bootstrap_methods
        .get(bsm_index as usize)
        .ok_or_else(|| format!("bootstrap method {bsm_index} missing"))?;
    let (_, handle) = file
        .cp
        .method_handle(bsm.method_handle)
        .map_err(|e| e.to_string())?;
    Err(format!(
        "invokedynamic {name}{desc} with bootstrap {}.{} is not supported yet",
        handle.class.replace('/', "."),
        handle.name
    ))
}
