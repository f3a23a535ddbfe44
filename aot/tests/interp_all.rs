//! Interpret-program builds (`roast build --interpret-program`): whole sample programs run
//! with their own classes in the interpreter and the JDK compiled, and must behave as on
//! HotSpot (stdout and exit status; for an uncaught exception also the first stderr line).
//! The samples cover records (`ObjectMethods`), interface default methods, lambdas, method
//! references, streams, `printf`, nested and inner classes, exceptions with causes and
//! suppressed exceptions, collections and comparators; `InterpAllFeatures` adds arrays of
//! interpreted classes, enum switches, `getClassLoader`/`getSystemClassLoader`,
//! `Class.forName` of a program class and an uncaught exception's stack trace;
//! `InterpProxies` annotation instances and `Proxy` classes of interpreted interfaces.

mod common;

use roast_aot::jdk::Jdk;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

/// Compiles `source`, runs it on `java` and as an interpret-program executable; the
/// differences, if any.
fn check_interpreted(source: &Path) -> Result<(), String> {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping {}: no JDK found", source.display());
        return Ok(());
    };
    let roast = common::release_roast();
    let name = source
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a .java file")
        .to_string();
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let classes = work.path().join("classes");
    let javac = run(Command::new(jdk.javac())
        .arg("-d")
        .arg(&classes)
        .arg(source));
    if !javac.status.success() {
        return Err(format!("javac: {}", String::from_utf8_lossy(&javac.stderr)));
    }
    let java = run(Command::new(jdk.home.join("bin/java"))
        .arg("-cp")
        .arg(&classes)
        .arg(&name)
        .current_dir(work.path()));
    let exe = work.path().join(&name);
    let build = run(Command::new(&roast)
        .args(["build", "--interpret-program", "--main", &name, "-o"])
        .arg(&exe)
        .arg(&classes));
    if !build.status.success() {
        return Err(format!(
            "roast build: {}",
            String::from_utf8_lossy(&build.stderr)
        ));
    }
    let native = run(Command::new(&exe).current_dir(work.path()));
    let (expected, actual) = (
        String::from_utf8_lossy(&java.stdout),
        String::from_utf8_lossy(&native.stdout),
    );
    if expected != actual {
        let i = expected
            .lines()
            .zip(actual.lines())
            .take_while(|(a, b)| a == b)
            .count();
        return Err(format!(
            "stdout differs at line {}: java {:?}, roast {:?}\nroast stderr:\n{}",
            i + 1,
            expected.lines().nth(i).unwrap_or("<end>"),
            actual.lines().nth(i).unwrap_or("<end>"),
            String::from_utf8_lossy(&native.stderr)
        ));
    }
    if java.status.code() != native.status.code() {
        return Err(format!(
            "exit status differs: java {}, roast {}\nroast stderr:\n{}",
            java.status,
            native.status,
            String::from_utf8_lossy(&native.stderr)
        ));
    }
    if !java.status.success() {
        let first = |o: &Output| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .next()
                .unwrap_or("")
                .to_string()
        };
        if first(&java) != first(&native) {
            return Err(format!(
                "first stderr line differs: java {:?}, roast {:?}",
                first(&java),
                first(&native)
            ));
        }
    }
    Ok(())
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("aot/ is in the workspace")
        .to_path_buf()
}

#[test]
fn samples_run_interpreted_as_on_hotspot() {
    let failures: Vec<String> = ["Shapes", "Exceptions", "Collections"]
        .iter()
        .filter_map(|name| {
            let source = workspace().join("samples").join(format!("{name}.java"));
            check_interpreted(&source)
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn interpreted_program_features_behave_as_on_hotspot() {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/interp/InterpAllFeatures.java");
    if let Err(e) = check_interpreted(&source) {
        panic!("InterpAllFeatures: {e}");
    }
}

#[test]
fn interpreter_fast_paths_behave_as_on_hotspot() {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/interp/InterpFastPaths.java");
    if let Err(e) = check_interpreted(&source) {
        panic!("InterpFastPaths: {e}");
    }
}

/// Calls from interpreted to interpreted code (taken directly, not through the native
/// convention) must behave as the native round trip does: sub-int arguments and results
/// narrowed, many register and stack arguments, dispatch mixing interpreted and compiled
/// targets, exceptions and stack traces, synchronized callees, StackOverflowError.
#[test]
fn direct_interpreted_calls_behave_as_on_hotspot() {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/interp/InterpDirectCalls.java");
    if let Err(e) = check_interpreted(&source) {
        panic!("InterpDirectCalls: {e}");
    }
}

/// Annotation instances and `Proxy.newProxyInstance` for interfaces of an interpreted program:
/// the runtime synthesizes those proxy classes while the program runs, and trusts them as
/// it trusts lambda proxies (they carry no StackMapTable for the verifier).
#[test]
fn proxies_of_interpreted_interfaces_behave_as_on_hotspot() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/interp/InterpProxies.java");
    if let Err(e) = check_interpreted(&source) {
        panic!("InterpProxies: {e}");
    }
}
