//! Inlining across classes (`lower::inline_copies`, off by default, on here with
//! `ROAST_XINLINE_BYTES=35`): small statically bound callees of other classes are copied
//! into their callers' units, and LLVM inlines them. Checked on the
//! machine code of `aot/tests/java/xinline/CrossClassInline.java` (no call of
//! `String.length()`, `String.charAt(int)`, another class's getters or `Math.min` is left in
//! its loops: an executable built without the copies (the default) has
//! the calls, which this test would report), and differentially: exceptions raised inside
//! inlined callees print HotSpot's stack traces and helpful NPE messages.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// `(caller symbol, callee symbols that must be inlined into it)`.
const INLINED: &[(&str, &[&str])] = &[
    (
        "CrossClassInline.count(Ljava/lang/String;C)I",
        &["java/lang/String.length()I", "java/lang/String.charAt(I)C"],
    ),
    (
        "CrossClassInline.sumPoints([LCrossClassInline$Point;)J",
        &[
            "CrossClassInline$Point.getX()I",
            "CrossClassInline$Point.getY()I",
            "java/lang/Math.min(II)I",
        ],
    ),
];

/// Compiles the test program and builds it with roast, copies on with HotSpot's
/// `MaxInlineSize` (they are off by default); returns the executable and checks that it
/// prints what HotSpot prints (stack traces and NPE messages from inside inlined callees).
fn build(work: &Path) -> Option<PathBuf> {
    let Ok(jdk) = roast_aot::jdk::Jdk::locate() else {
        eprintln!("skipping: no JDK found");
        return None;
    };
    let roast = common::release_roast();
    let classes = work.join("classes");
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/xinline/CrossClassInline.java");
    let javac = Command::new(jdk.javac())
        .arg("-d")
        .arg(&classes)
        .arg(&source)
        .status()
        .unwrap();
    assert!(javac.success());
    let exe = work.join("CrossClassInline");
    let out = Command::new(&roast)
        .args(["build", "--main", "CrossClassInline", "-o"])
        .arg(&exe)
        .arg(&classes)
        .env("ROAST_XINLINE_BYTES", "35")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let java = Command::new(jdk.home.join("bin/java"))
        .arg("-cp")
        .arg(&classes)
        .arg("CrossClassInline")
        .output()
        .unwrap();
    let native = Command::new(&exe).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&native.stdout),
        String::from_utf8_lossy(&java.stdout),
        "roast and java print differently"
    );
    assert_eq!(native.status.code(), java.status.code());
    Some(exe)
}

/// The callees of `INLINED` that `caller`'s machine code still calls.
fn remaining_calls(exe: &Path, caller: &str, callees: &[&str]) -> Vec<String> {
    let code = common::disassemble(exe, caller);
    callees
        .iter()
        .filter(|callee| code.contains(&format!("<{callee}>")))
        .map(|callee| callee.to_string())
        .collect()
}

#[test]
fn small_callees_of_other_classes_are_inlined_and_traces_match_hotspot() {
    let work = tempfile::tempdir().unwrap();
    let Some(exe) = build(work.path()) else {
        return;
    };
    for (caller, callees) in INLINED {
        let left = remaining_calls(&exe, caller, callees);
        assert!(
            left.is_empty(),
            "{caller} still calls {left:?}:\n{}",
            common::disassemble(&exe, caller)
        );
    }
}
