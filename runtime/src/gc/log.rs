//! `ROAST_GC_LOG=1`: one line per collection on stderr (time to stop the world, pause
//! length, heap size after, `java.lang.ref` references cleared), like HotSpot's `-Xlog:gc`.
//! Off by default.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();
static REQUESTED_NS: AtomicU64 = AtomicU64::new(0);
static STOPPED_NS: AtomicU64 = AtomicU64::new(0);
static COUNT: AtomicU64 = AtomicU64::new(0);

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("ROAST_GC_LOG").is_ok_and(|v| v == "1"))
}

fn now_ns() -> u64 {
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// A collection asked the threads to stop.
pub fn stop_requested() {
    if enabled() {
        REQUESTED_NS.store(now_ns(), Ordering::Relaxed);
    }
}

/// Every thread is stopped.
pub fn stopped() {
    if enabled() {
        STOPPED_NS.store(now_ns(), Ordering::Relaxed);
    }
}

/// The collection is over.
pub fn resumed() {
    static HEADER: AtomicBool = AtomicBool::new(false);
    if !enabled() {
        return;
    }
    let end = now_ns();
    let req = REQUESTED_NS.load(Ordering::Relaxed);
    let stop = STOPPED_NS.load(Ordering::Relaxed);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    if !HEADER.swap(true, Ordering::Relaxed) {
        eprintln!("[gc] #  at(ms) stop(us) pause(us) heap(MiB) used(MiB) refs-cleared");
    }
    let m = super::mmtk();
    eprintln!(
        "[gc] {n} {:.1} {} {} {} {} {}",
        req as f64 / 1e6,
        (stop - req) / 1000,
        (end - req) / 1000,
        mmtk::memory_manager::total_bytes(m) >> 20,
        mmtk::memory_manager::used_bytes(m) >> 20,
        super::references::take_cleared(),
    );
}
