//! Differential tests of member reflection: every program under `aot/tests/java/reflection/`
//! is compiled with javac, run on HotSpot and built with the release `roast`; stdout and the
//! exit code must be the same. They cover `Method` lookup and invocation (dispatch, argument
//! and result conversions, HotSpot's exception messages, generic signatures),
//! `Field` access (declaration order, widening, HotSpot's messages, statics and finals),
//! class-level reflection (enclosing members, packages, `Class.newInstance`, record
//! components, sealed classes, `Class.forName` with computed names) and
//! `java.lang.reflect.Array`.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/reflection/`).
const PROGRAMS: &[&str] = &[
    "MethodsDispatch",
    "FieldsReflect",
    "ClassMembers",
    "ArrayErrors",
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
