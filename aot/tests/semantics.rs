//! Differential tests of VM semantics the runtime implements (class initialization order,
//! stack traces and stack walking): every program under `aot/tests/java/semantics/` is
//! compiled with javac, run on HotSpot and built with the release `roast`; stdout and the
//! exit code must be the same.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/semantics/`).
const PROGRAMS: &[&str] = &["InterfaceInit", "StackWalking"];

#[test]
fn semantics_programs_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check("semantics", name, &[])
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
