//! Run-time GC options: HotSpot's `-Xmx`/`-Xms` (and `-XX:MaxHeapSize=`/`-XX:InitialHeapSize=`)
//! read from the `ROAST_OPTS` environment variable (the executable's own arguments belong
//! to the program), plus roast's stress mode (`ROAST_GC_STRESS=N`: a collection every N
//! allocations of each thread, with the heap verifier after every collection) and
//! `ROAST_GC_VERIFY=1` (the verifier alone).
//!
//! Parsing and defaults are in `flags.rs` (pure, unit-tested).

pub use super::flags::{parse, GcOptions};
use std::sync::OnceLock;

static OPTIONS: OnceLock<GcOptions> = OnceLock::new();

/// The options in force (parsed from the environment on first use; a bad option ends the
/// process with HotSpot's message).
pub fn get() -> &'static GcOptions {
    OPTIONS.get_or_init(|| match from_env() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.");
            std::process::exit(1);
        }
    })
}

fn from_env() -> Result<GcOptions, String> {
    let physical = physical_memory();
    let opts = std::env::var("ROAST_OPTS").unwrap_or_default();
    let mut o = parse(&opts, physical)?;
    if let Ok(n) = std::env::var("ROAST_GC_STRESS") {
        o.stress = n
            .trim()
            .parse()
            .map_err(|_| format!("Invalid ROAST_GC_STRESS value: '{n}'"))?;
        o.verify |= o.stress > 0;
    }
    if std::env::var("ROAST_GC_VERIFY").is_ok_and(|v| v == "1") {
        o.verify = true;
    }
    Ok(o)
}

fn physical_memory() -> usize {
    // SAFETY: sysconf has no preconditions.
    let (pages, page) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    if pages > 0 && page > 0 {
        (pages as usize).saturating_mul(page as usize)
    } else {
        4 << 30
    }
}
