//! Parsing of the heap-size flags (pure functions, no dependencies: the compiler's tests
//! include this file to unit-test it). HotSpot's meaning: `-Xmx` is the maximum heap size,
//! `-Xms` the initial one; sizes are bytes with an optional k/m/g/t suffix.
//!
//! Defaults: the maximum heap is 1/4 of physical memory (HotSpot's ergonomics); the initial
//! heap is 1/64 of physical memory capped at [`DEFAULT_INITIAL_CAP`] (smaller than HotSpot's
//! 1/64: MMTk's heap grows on demand, and a small start keeps resident memory small).

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

/// Cap of the default initial heap size.
pub const DEFAULT_INITIAL_CAP: usize = 128 << 20;

/// Parses an option string (whitespace-separated HotSpot flags) given the machine's memory.
pub fn parse(opts: &str, physical: usize) -> Result<GcOptions, String> {
    let mut max = None;
    let mut initial = None;
    for flag in opts.split_whitespace() {
        if let Some(v) = flag
            .strip_prefix("-Xmx")
            .or_else(|| flag.strip_prefix("-XX:MaxHeapSize="))
        {
            max = Some(size(v).ok_or_else(|| format!("Invalid maximum heap size: {flag}"))?);
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
    let initial_heap = initial.unwrap_or_else(|| {
        (physical / 64)
            .clamp(8 << 20, DEFAULT_INITIAL_CAP)
            .min(max_heap)
    });
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
        assert_eq!(o.initial_heap, DEFAULT_INITIAL_CAP);
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
        assert!(parse("-verbose:gc", GIB)
            .unwrap_err()
            .contains("Unrecognized option"));
    }
}
