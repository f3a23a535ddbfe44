//! Differential tests of threads, monitors and java.util.concurrent (`runtime/src/thread.rs`,
//! `runtime/src/monitor.rs`, the SDK's `java.lang.Thread`): every program under
//! `aot/tests/java/threads/` is compiled with javac, run on HotSpot and built with the
//! release `roast`; stdout and the exit code must be the same. The programs print only
//! deterministic results (they join before printing and check exact totals). `ThreadStress`
//! (8 threads allocating, locking and exchanging items through a queue) runs here with its
//! fixed workload; `ci/thread-stress.sh` runs it for 60 s.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/threads/`).
const PROGRAMS: &[&str] = &[
    "ThreadBasics",
    "ConcurrentWork",
    "ExitAndHooks",
    "ThreadStress",
];

#[test]
fn thread_programs_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check("threads", name, &[])
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
