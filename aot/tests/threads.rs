//! Differential tests of threads, monitors and java.util.concurrent (`runtime/src/thread.rs`,
//! `runtime/src/monitor.rs`, the SDK's `java.lang.Thread`): every program under
//! `aot/tests/java/threads/` is compiled with javac, run on HotSpot and built with the
//! release `roast`; stdout and the exit code must be the same. The programs print only
//! deterministic results (they join before printing and check exact totals). `ThreadStress`
//! (8 threads allocating, locking and exchanging items through a queue) runs here with its
//! fixed workload; `ci/thread-stress.sh` runs it for 60 s. `LockWords` also runs with a
//! collection every few allocations, and `MonitorChurn` shows the thin-lock fast path in the
//! machine code and the recycling of fat monitors (bounded memory). `AtomicAccess` drives
//! every front end of `Unsafe`'s atomics from several threads with exact totals, and the
//! machine code of the JDK's atomic classes shows them inlined (`lower/unsafe_access.rs`).

mod common;

use roast_aot::jdk::Jdk;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The test programs (class name = file stem under `aot/tests/java/threads/`).
const PROGRAMS: &[&str] = &[
    "ThreadBasics",
    "ConcurrentWork",
    "ExitAndHooks",
    "ThreadStress",
    "LockWords",
    "MonitorChurn",
    "AtomicAccess",
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

#[test]
fn lock_words_survive_collections() {
    // A collection every 200 allocations while objects are locked, hashed and inflated.
    if let Err(e) = common::check_with(
        "threads",
        "LockWords",
        &[],
        &[],
        &[("ROAST_GC_STRESS", "200")],
    ) {
        panic!("LockWords under ROAST_GC_STRESS=200: {e}");
    }
}

/// Compiles `aot/tests/java/threads/<name>.java` and builds it with roast into `work`;
/// None without a JDK.
fn build_on_roast(work: &Path, name: &str) -> Option<PathBuf> {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping {name}: no JDK found");
        return None;
    };
    let roast = common::release_roast();
    let classes = work.join("classes");
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/java/threads")
        .join(format!("{name}.java"));
    let javac = Command::new(jdk.javac())
        .arg("-d")
        .arg(&classes)
        .arg(&source)
        .status()
        .expect("run javac");
    assert!(javac.success(), "javac failed on {name}");
    let exe = work.join(name);
    let build = Command::new(&roast)
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .args(["--main", name])
        .arg(&classes)
        .output()
        .expect("run roast build");
    assert!(
        build.status.success(),
        "roast build failed: {}",
        String::from_utf8_lossy(&build.stderr)
    );
    Some(exe)
}

#[test]
fn synchronized_code_inlines_the_thin_lock_fast_path_and_recycles_fat_monitors() {
    let work = tempfile::tempdir().expect("temp dir");
    let Some(exe) = build_on_roast(work.path(), "MonitorChurn") else {
        return;
    };
    // The synchronized method takes and releases a thin lock with inline CAS instructions
    // (enter: free -> owned, recursion; exit: owned -> free, recursion) and keeps the runtime
    // calls for the other cases.
    let text = common::disassemble(&exe, "MonitorChurn.bump(I)I");
    let cas = text.matches("lock cmpxchg").count();
    assert!(
        cas >= 4,
        "expected 4 inline CAS in MonitorChurn.bump, found {cas}:\n{text}"
    );
    for slow in ["roast_monitor_enter", "roast_monitor_exit"] {
        assert!(text.contains(slow), "no slow-path call to {slow}:\n{text}");
    }
    // Three million objects get a fat monitor each; with a 32 MB heap, collections recycle
    // the monitors of dead objects, so the peak RSS stays far below the ~260 MB that three
    // million monitors would take.
    let out = Command::new("/usr/bin/time")
        .args(["-f", "maxrss_kb=%M"])
        .arg(&exe)
        .env("ROAST_OPTS", "-Xmx32m")
        .output()
        .expect("run /usr/bin/time");
    assert!(out.status.success(), "MonitorChurn failed: {out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "total: 206064500\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss_kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("maxrss_kb="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no RSS in {stderr}"));
    assert!(
        rss_kb < 150 * 1024,
        "peak RSS {rss_kb} KB: fat monitors of dead objects were not recycled"
    );
}

#[test]
fn unsafe_atomics_are_inline_instructions_without_calls() {
    let work = tempfile::tempdir().expect("temp dir");
    let Some(exe) = build_on_roast(work.path(), "AtomicAccess") else {
        return;
    };
    // (method, the locked instruction its Unsafe call became). None of these methods may
    // call Unsafe (its natives or its Java loops): HotSpot inlines the same instructions.
    // (JDK 17's AtomicReference and the atomic arrays go through VarHandles instead.)
    let cases = [
        (
            "java/util/concurrent/atomic/AtomicInteger.incrementAndGet()I",
            "lock xadd",
        ),
        ("java/util/concurrent/atomic/AtomicInteger.getAndSet(I)I", "xchg"),
        (
            "java/util/concurrent/atomic/AtomicInteger.compareAndExchange(II)I",
            "lock cmpxchg",
        ),
        (
            "java/util/concurrent/atomic/AtomicLong.compareAndSet(JJ)Z",
            "lock cmpxchg",
        ),
        (
            "java/util/concurrent/atomic/AtomicLong.getAndAdd(J)J",
            "lock xadd",
        ),
        (
            "java/util/concurrent/atomic/AtomicReferenceFieldUpdater$AtomicReferenceFieldUpdaterImpl.getAndSet(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
            "xchg",
        ),
    ];
    for (symbol, instruction) in cases {
        let text = common::disassemble(&exe, symbol);
        assert!(
            text.contains(instruction),
            "no `{instruction}` in {symbol}:\n{text}"
        );
        assert!(
            !text.contains("jdk/internal/misc/Unsafe."),
            "{symbol} still calls Unsafe:\n{text}"
        );
    }
    // A release store through Unsafe (`lazySet`) is a plain store on x86-64, not a call.
    let text = common::disassemble(
        &exe,
        "java/util/concurrent/atomic/AtomicInteger.lazySet(I)V",
    );
    assert!(
        !text.contains("jdk/internal/misc/Unsafe.") && !text.contains("xchg"),
        "AtomicInteger.lazySet is not a plain store:\n{text}"
    );
}
