//! Differential tests of the interpreter (`runtime/src/interp/`): programs under
//! `aot/tests/java/interp/` load classes at run time from a directory compiled separately
//! (`<Name>_plugins/`, never given to roast) and must behave as on HotSpot: interpreted
//! classes implementing compiled interfaces and extending compiled classes, calls in both
//! directions with many arguments, exceptions across the boundary, class initialization,
//! monitors, string concatenation, lambdas and method references made by interpreted code,
//! class loader delegation.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/interp/`).
const PROGRAMS: &[&str] = &["InterpBasics", "InterpLambdas"];

#[test]
fn interpreted_plugins_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check_with_plugins("interp", name)
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
