//! Differential tests of `java.lang.ref` (`runtime/src/gc/references.rs`): the programs
//! under `aot/tests/java/references/` run on HotSpot and as roast executables with the same
//! heap limit (`-Xmx` / `ROAST_OPTS`), also in stress mode (`ROAST_GC_STRESS`: a collection
//! every N allocations, heap verifier after each); stdout and exit status must match.
//! Weak, soft and phantom references, ReferenceQueue, WeakHashMap and Cleaner.

mod common;

fn check(name: &str, xmx: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let opts = format!("-Xmx{xmx}");
    let mut native_env = vec![("ROAST_OPTS", opts.as_str())];
    native_env.extend_from_slice(env);
    common::check_with("references", name, &[], &[&opts], &native_env)
}

#[test]
fn weak_references_are_cleared_and_enqueued() {
    check("WeakRefs", "64m", &[]).unwrap();
}

#[test]
fn weak_hash_map_entries_disappear() {
    check("WeakMaps", "64m", &[]).unwrap();
}

#[test]
fn phantom_references_and_cleaner() {
    check("PhantomAndCleaner", "64m", &[]).unwrap();
}

#[test]
fn soft_references_are_cleared_before_out_of_memory() {
    check("SoftRefs", "32m", &[]).unwrap();
}

#[test]
fn references_in_stress_mode() {
    check("WeakRefs", "64m", &[("ROAST_GC_STRESS", "2000")]).unwrap();
    check("WeakMaps", "64m", &[("ROAST_GC_STRESS", "500")]).unwrap();
    check("PhantomAndCleaner", "64m", &[("ROAST_GC_STRESS", "1000")]).unwrap();
}

/// Finalization is not supported: the build names every program class whose `finalize()`
/// has a body (not an empty one), and the method never runs.
#[test]
fn finalizers_are_reported_at_build_time_and_never_run() {
    if roast_aot::jdk::Jdk::locate().is_err() {
        eprintln!("skipping: no JDK found");
        return;
    }
    let roast = common::release_roast();
    let work = tempfile::tempdir().unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/java/references_roast/Finalizable.java");
    let exe = work.path().join("Finalizable");
    let build = std::process::Command::new(&roast)
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .args(["--main", "Finalizable"])
        .arg(&source)
        .output()
        .unwrap();
    assert!(build.status.success(), "{build:?}");
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        stderr.contains(
            "roast: warning: Finalizable.finalize() will never run: roast does not support \
             finalization"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("Finalizable$Empty"), "{stderr}");
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "finalized: 0\n");
}
