//! Differential tests of VarHandle support (`lower::polymorphic`, the SDK's
//! `java.lang.invoke` shadows): every program under `aot/tests/java/varhandles/` is compiled
//! with javac, run on HotSpot and built with the release `roast`; stdout and the exit code
//! must be the same. Programs are compiled with `-XDstringConcat=inline` so that they do not
//! depend on the desugaring of `invokedynamic` string concatenation.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/varhandles/`).
const PROGRAMS: &[&str] = &["VarHandleBasics", "ConcurrentUtilities"];

#[test]
fn varhandle_programs_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check("varhandles", name, &["-XDstringConcat=inline"])
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
