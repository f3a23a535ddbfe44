//! Interpret-program builds (`roast build --interpret-program`): the program's own classes
//! run in the run-time interpreter (`runtime/src/interp/`) while the JDK stays compiled.
//! The mode exists to test the interpreter on whole programs.
//!
//! How: reachability runs as usual from the real `main`, so every JDK method the program
//! can reach is compiled and kept; the program's class files (every class of a user
//! class-path entry that the JDK does not shadow) are embedded as resources named
//! `pkg/Name.class`; the generated entry calls `RoastVM.runInterpretedMain` instead of
//! `main`, which loads the main class through the SDK's application class loader
//! (`java.lang.RoastAppClassLoader`: it defines embedded program classes itself, never
//! delegating them to the boot loader) and calls `main` through the interpreter.
//!
//! Invariant: the program's classes are still compiled too (the build is otherwise a normal
//! build), but nothing reaches the compiled copies except a lookup by name in the boot
//! loader (`Class.forName` with a null loader from JDK code), which programs do not do.

use crate::classpath::ClassPath;
use crate::program::{MethodId, Program};
use crate::resources::Resource;

/// The SDK method the entry calls in an interpret-program build.
const RUN_INTERPRETED_MAIN: (&str, &str) = ("runInterpretedMain", "([Ljava/lang/String;)V");

/// The method `roast_main_entry` calls: `RoastVM.runInterpretedMain(String[])`.
pub fn entry(program: &mut Program) -> Result<MethodId, String> {
    let vm = program
        .load(crate::driver::VM_CLASS)
        .map_err(|e| format!("internal error: the SDK is incomplete: {e}"))?;
    let (name, descriptor) = RUN_INTERPRETED_MAIN;
    program
        .declared_method(vm, name, descriptor)
        .ok_or_else(|| format!("internal error: the SDK has no RoastVM.{name}{descriptor}"))
}

/// Adds the program's class files to `resources` (kept sorted by name, see
/// `crate::resources`). A class the JDK also defines is left out: the JDK's wins, as it
/// does for compiled builds and on HotSpot.
pub fn embed_class_files(
    classpath: &ClassPath,
    resources: &mut Vec<Resource>,
) -> Result<(), String> {
    for name in classpath.user_classes() {
        let Some(found) = classpath.find(&name) else {
            continue;
        };
        let class = found.map_err(|e| format!("cannot embed class {name}: {e}"))?;
        if !class.user {
            continue;
        }
        let resource = format!("{name}.class");
        if resources.iter().all(|r| r.name != resource) {
            resources.push(Resource {
                name: resource,
                bytes: class.bytes,
            });
        }
    }
    resources.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(())
}
