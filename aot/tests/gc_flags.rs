//! Unit tests of the runtime's heap-size flag parsing (`runtime/src/gc/flags.rs`; the runtime
//! crate itself cannot link into a test harness, so its pure modules are included here).

#[path = "../../runtime/src/gc/flags.rs"]
#[allow(dead_code)]
mod flags;
