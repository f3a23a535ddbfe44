//! Differential tests of `java.security` paths that create provider classes by name (kept by
//! `aot/src/reflective_roots.rs`): the default `SecureRandom` (the SUN provider's
//! `NativePRNG`, built with its `SecureRandomParameters` constructor) and the `SHA` digest
//! it mixes its output with (`SecureRandomDefault`); every SUN message digest, SecureRandom
//! by algorithm, and `java.version`/`java.vendor` as the JDK's VersionProps says
//! (`SecurityAndVersion`). Programs under `aot/tests/java/security/`, run on HotSpot and
//! built with the release `roast`; stdout and the exit code must be the same.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/security/`).
const PROGRAMS: &[&str] = &["SecureRandomDefault", "SecurityAndVersion"];

#[test]
fn security_programs_behave_as_on_hotspot() {
    common::check_all("security", PROGRAMS, &[]);
}
