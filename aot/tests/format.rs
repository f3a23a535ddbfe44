//! Differential tests of formatting and member reflection: every program under
//! `aot/tests/java/format/` is compiled with javac, run on HotSpot and built with the release
//! `roast`; stdout and the exit code must be the same. `String.format` exercises the JDK's
//! own locale machinery (locale provider adapters and resource bundles instantiated by
//! reflection, kept by `reflective_roots`); `ReflectConstructors` the reflective
//! constructors and fields backed by the compiler's metadata. Programs are compiled with
//! `-XDstringConcat=inline` so that they do not depend on the desugaring of `invokedynamic`
//! string concatenation.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/format/`).
const PROGRAMS: &[&str] = &["FormatBasics", "ReflectConstructors"];

#[test]
fn format_programs_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check("format", name, &["-XDstringConcat=inline"])
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
