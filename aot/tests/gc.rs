//! Differential tests of the garbage collector (`runtime/src/gc/`): the programs under
//! `aot/tests/java/gc/` run on HotSpot with a heap limit and as roast executables with the
//! same limit (`ROAST_OPTS`), also in stress mode (`ROAST_GC_STRESS`: a collection every N
//! allocations, heap verifier after each); stdout and exit status must match.

mod common;

fn check(name: &str, xmx: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let opts = format!("-Xmx{xmx}");
    let mut native_env = vec![("ROAST_OPTS", opts.as_str())];
    native_env.extend_from_slice(env);
    common::check_with(
        "gc",
        name,
        &["-XDstringConcat=inline"],
        &[&opts],
        &native_env,
    )
}

#[test]
fn allocating_far_more_than_the_heap_limit() {
    check("HeapChurn", "32m", &[]).unwrap();
}

#[test]
fn out_of_memory_error_is_thrown_and_catchable() {
    check("OutOfMemory", "24m", &[]).unwrap();
}

#[test]
fn collections_stop_every_thread() {
    check("ThreadedChurn", "32m", &[]).unwrap();
}

#[test]
fn stress_mode_with_heap_verification() {
    check("ThreadedChurn", "64m", &[("ROAST_GC_STRESS", "5000")]).unwrap();
    check("HeapChurn", "64m", &[("ROAST_GC_STRESS", "20000")]).unwrap();
}

#[test]
fn array_allocation_edge_cases() {
    check("ArrayAlloc", "64m", &[]).unwrap();
}

#[test]
fn array_allocation_edge_cases_in_stress_mode() {
    check("ArrayAlloc", "64m", &[("ROAST_GC_STRESS", "5000")]).unwrap();
}

/// `newarray` and `anewarray` bump-allocate inline: one unsigned compare of the length
/// against the inline limit (8 KiB with the 16-byte header; a negative length compares
/// large) guards the thread-local bump, and the runtime's `roast_alloc_array` is only the
/// slow path. `multianewarray` stays a runtime call.
#[test]
fn newarray_and_anewarray_bump_inline() {
    let Ok(jdk) = roast_aot::jdk::Jdk::locate() else {
        eprintln!("skipping: no JDK found");
        return;
    };
    let roast = common::release_roast();
    let work = tempfile::tempdir().unwrap();
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/gc_ir/NewArrays.java");
    let javac = std::process::Command::new(jdk.javac())
        .arg("-d")
        .arg(work.path())
        .arg(&source)
        .status()
        .unwrap();
    assert!(javac.success());
    let exe = work.path().join("NewArrays");
    let out = std::process::Command::new(&roast)
        .args(["build", "--main", "NewArrays", "-o"])
        .arg(&exe)
        .arg(work.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "7\n");
    for (symbol, max_len) in [
        ("NewArrays.ints(I)[I", 2044),
        ("NewArrays.strings(I)[Ljava/lang/String;", 1022),
    ] {
        let code = common::disassemble(&exe, symbol);
        assert!(
            code.contains(&format!("cmp    ${max_len:#x},")),
            "{symbol}: no length check against {max_len}:\n{code}"
        );
        assert!(
            code.contains("<roast_alloc_array>"),
            "{symbol}: no slow path:\n{code}"
        );
    }
    let grid = common::disassemble(&exe, "NewArrays.grid(II)[[J");
    assert!(grid.contains("<roast_multi_array>"), "{grid}");
    assert!(!grid.contains("<roast_alloc_array>"), "{grid}");
}
