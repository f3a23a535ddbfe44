//! Differential tests of member reflection: every program under `aot/tests/java/reflection/`
//! is compiled with javac, run on HotSpot and built with the release `roast`; stdout and the
//! exit code must be the same. They cover `Method` lookup and invocation (dispatch, argument
//! and result conversions, HotSpot's exception messages, generic signatures),
//! `Field` access (declaration order, widening, HotSpot's messages, statics and finals),
//! class-level reflection (enclosing members, packages, `Class.newInstance`, record
//! components, sealed classes, `Class.forName` with computed names) and
//! `java.lang.reflect.Array`; `ManyArguments` calls with arguments beyond the registers
//! (passed on the stack by the runtime's trampoline).

mod common;

use std::process::Command;

/// The test programs (class name = file stem under `aot/tests/java/reflection/`).
const PROGRAMS: &[&str] = &[
    "MethodsDispatch",
    "FieldsReflect",
    "ClassMembers",
    "ArrayErrors",
    "ManyArguments",
];

#[test]
fn reflection_programs_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check("reflection", name, &[])
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A JDK method that was not compiled (roast keeps JDK methods only when the program calls
/// them) is listed by reflection, and invoking it fails loudly with an exception naming it,
/// never a crash or a wrong result (`aot/tests/java/reflection_roast/PrunedJdkMethod.java`).
#[test]
fn pruned_jdk_method_fails_loudly() {
    let work = tempfile::tempdir().expect("temporary directory");
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/java/reflection_roast/PrunedJdkMethod.java");
    let classes = work.path().join("classes");
    let javac = Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(&source)
        .status()
        .expect("javac (JDK 17) is needed");
    assert!(javac.success());
    let exe = work.path().join("pruned");
    let build = Command::new(common::release_roast())
        .args(["build", "-o"])
        .arg(&exe)
        .args(["--main", "PrunedJdkMethod"])
        .arg(&classes)
        .output()
        .expect("run roast");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let out = Command::new(&exe).output().expect("run the executable");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("found public static int java.lang.Integer.remainderUnsigned(int,int)")
    );
    // HotSpot prints the result; roast does too if the method happens to be reachable.
    let second = lines.next().unwrap_or("");
    assert!(
        second == "result 2"
            || second.starts_with(
                "roast: reflective call of java.lang.Integer.remainderUnsigned(II)I: the method is not compiled"
            ),
        "{stdout}"
    );
}
