//! Differential tests of `java.lang.Class` (roast's SDK shadow and the metadata behind it):
//! every program under `tests/java/classes/` is compiled with javac, run with `java`, built
//! with `target/release/roast` and run; stdout and the exit code must be the same.
//!
//! The roast compiler under test is `target/release/roast` with its runtime library, both
//! brought up to date by `common::release_roast` (a different profile lock than `cargo test`'s).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// `target/release/roast` with the release runtime library, brought up to date once.
fn roast() -> &'static Path {
    static ROAST: OnceLock<PathBuf> = OnceLock::new();
    ROAST.get_or_init(common::release_roast)
}

/// The test programs compiled by javac into one directory (once per test run).
fn classes() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let sources: Vec<PathBuf> = std::fs::read_dir(workspace().join("aot/tests/java/classes"))
            .expect("aot/tests/java/classes")
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "java"))
            .collect();
        // Inline string concatenation keeps these tests independent of invokedynamic support.
        let status = Command::new("javac")
            .args(["-XDstringConcat=inline", "-encoding", "UTF-8", "-d"])
            .arg(dir.path())
            .args(&sources)
            .status()
            .expect("javac (JDK 17) is needed");
        assert!(status.success(), "javac failed on aot/tests/java/classes");
        dir
    })
    .path()
}

/// Builds `main` with roast into the classes directory and returns the executable.
fn build(main: &str) -> PathBuf {
    let exe = classes().join(format!("{main}.roast"));
    let out = Command::new(roast())
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .args(["--main", main])
        .arg(classes())
        .output()
        .expect("run roast");
    assert!(
        out.status.success(),
        "roast build {main} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run program")
}

/// Runs `main` on HotSpot and as a roast executable; stdout and exit code must match.
fn differential(main: &str) -> PathBuf {
    let java = run(Command::new("java").arg("-cp").arg(classes()).arg(main));
    let exe = build(main);
    let native = run(&mut Command::new(&exe));
    let (expected, actual) = (
        String::from_utf8_lossy(&java.stdout),
        String::from_utf8_lossy(&native.stdout),
    );
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{main}: stdout differs from java at line {}\n--- java:\n{expected}\n--- roast:\n{actual}\n--- roast stderr:\n{}",
            first + 1,
            String::from_utf8_lossy(&native.stderr)
        );
    }
    assert_eq!(
        java.status.code(),
        native.status.code(),
        "{main}: exit code differs; roast stderr:\n{}",
        String::from_utf8_lossy(&native.stderr)
    );
    exe
}

#[test]
fn class_names_and_nesting() {
    let exe = differential("ClassNames");
    // Member reflection works as on HotSpot (aot/tests/reflection.rs covers it in depth).
    let out = run(Command::new(exe).arg("--reflect"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true\n");
}

#[test]
fn class_generic_signatures() {
    differential("ClassGenerics");
}

#[test]
fn class_lookup_casts_and_enums() {
    let exe = differential("ClassLookup");
    // An enum that only a class literal names (EnumSet.allOf(Dormant.class)) is kept with
    // its constants by reachability: the same set as on HotSpot.
    let out = run(Command::new(exe).arg("--dormant-enum"));
    let java = run(Command::new("java")
        .arg("-cp")
        .arg(classes())
        .arg("ClassLookup")
        .arg("--dormant-enum"));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&java.stdout),
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), java.status.code());
}
