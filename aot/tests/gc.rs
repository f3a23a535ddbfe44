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
