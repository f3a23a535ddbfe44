//! Run-time GC options: HotSpot's `-Xmx`/`-Xms` (and `-XX:MaxHeapSize=`/`-XX:InitialHeapSize=`)
//! read from the `ROAST_OPTS` environment variable (the executable's own arguments belong
//! to the program), plus roast's stress mode (`ROAST_GC_STRESS=N`: a collection every N
//! allocations of each thread, with the heap verifier after every collection) and
//! `ROAST_GC_VERIFY=1` (the verifier alone).
//!
//! Defaults follow HotSpot's ergonomics: the maximum heap is 1/4 of physical memory, the
//! initial heap 1/64 of it (at least 8 MiB).

use std::sync::OnceLock;

/// Parsed options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GcOptions {
    /// Maximum heap size in bytes (`-Xmx`).
    pub max_heap: usize,
    /// Initial heap size in bytes (`-Xms`).
    pub initial_heap: usize,
    /// Collect every this many allocations per thread (0: off).
    pub stress: u64,
    /// Run the heap verifier after every collection.
    pub verify: bool,
}

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

/// Parses an option string (whitespace-separated HotSpot flags) given the machine's memory.
pub fn parse(opts: &str, physical: usize) -> Result<GcOptions, String> {
    let mut max = None;
    let mut initial = None;
    for flag in opts.split_whitespace() {
        if let Some(v) = flag
            .strip_prefix("-Xmx")
            .or_else(|| flag.strip_prefix("-XX:MaxHeapSize="))
        {
            max = Some(size(v).ok_or_else(|| {
                format!("Invalid maximum heap size: {flag}")
            })?);
        } else if let Some(v) = flag
            .strip_prefix("-Xms")
            .or_else(|| flag.strip_prefix("-XX:InitialHeapSize="))
        {
            initial = Some(size(v).ok_or_else(|| format!("Invalid initial heap size: {flag}"))?);
        } else {
            return Err(format!("Unrecognized option: {flag}"));
        }
    }
    const MIN_HEAP: usize = 2 << 20;
    if max.is_some_and(|m| m < MIN_HEAP) {
        return Err("Error occurred during initialization of VM\nToo small maximum heap".into());
    }
    let default_max = (physical / 4).max(MIN_HEAP);
    let max_heap = max.unwrap_or_else(|| default_max.max(initial.unwrap_or(0)));
    let initial_heap = initial.unwrap_or_else(|| (physical / 64).max(8 << 20).min(max_heap));
    if initial_heap > max_heap {
        return Err("Error occurred during initialization of VM\nInitial heap size set to a larger value than the maximum heap size".into());
    }
    Ok(GcOptions {
        max_heap,
        initial_heap,
        stress: 0,
        verify: false,
    })
}

/// A HotSpot size: digits with an optional k/m/g/t suffix (either case).
pub fn size(s: &str) -> Option<usize> {
    let (digits, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1usize << 10),
        'm' | 'M' => (&s[..s.len() - 1], 1 << 20),
        'g' | 'G' => (&s[..s.len() - 1], 1 << 30),
        't' | 'T' => (&s[..s.len() - 1], 1 << 40),
        _ => (s, 1),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<usize>().ok()?.checked_mul(mult)
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

#[cfg(test)]
mod tests {
    use super::*;

    const GIB: usize = 1 << 30;

    #[test]
    fn sizes_follow_hotspot_suffixes() {
        assert_eq!(size("32m"), Some(32 << 20));
        assert_eq!(size("2G"), Some(2 << 30));
        assert_eq!(size("4096"), Some(4096));
        assert_eq!(size("12k"), Some(12 << 10));
        assert_eq!(size(""), None);
        assert_eq!(size("m"), None);
        assert_eq!(size("-1m"), None);
        assert_eq!(size("1x"), None);
    }

    #[test]
    fn defaults_are_fractions_of_physical_memory() {
        let o = parse("", 16 * GIB).unwrap();
        assert_eq!(o.max_heap, 4 * GIB);
        assert_eq!(o.initial_heap, 256 << 20);
    }

    #[test]
    fn xmx_and_xms() {
        let o = parse("-Xmx32m -Xms16m", 16 * GIB).unwrap();
        assert_eq!((o.max_heap, o.initial_heap), (32 << 20, 16 << 20));
        let o = parse("-Xmx32m", 16 * GIB).unwrap();
        assert_eq!(o.initial_heap, 32 << 20);
        let o = parse("-XX:MaxHeapSize=64m", 16 * GIB).unwrap();
        assert_eq!(o.max_heap, 64 << 20);
    }

    #[test]
    fn bad_options_are_errors() {
        assert!(parse("-Xmx1k", GIB).is_err());
        assert!(parse("-Xmx16m -Xms32m", GIB).is_err());
        assert!(parse("-Xmxlots", GIB).is_err());
        assert!(parse("-verbose:gc", GIB).unwrap_err().contains("Unrecognized option"));
    }
}
