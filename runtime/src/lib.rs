//! The roast runtime, linked as a static library into every executable roast builds.
//!
//! It provides what compiled code calls through the contract (`contract::rt`): allocation,
//! class initialization, type checks, interface dispatch, exception raising, monitors; the
//! native methods of the JDK classes (`contract::NATIVES`); and the process start-up.
//!
//! Invariants: every function exported to compiled code is `extern "C"` and never unwinds
//! (a Rust panic aborts the process with a message); Java exceptions travel only through
//! `ThreadState::pending_exception`.
#![allow(clippy::missing_safety_doc)]
// The exported `extern "C"` functions are the boundary with compiled Java code, which
// passes raw object addresses by contract; marking them `unsafe fn` would not change who
// upholds the contract.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub mod classes;
// The compiler's class-file parser, shared as source (the runtime cannot depend on the
// compiler crate, which links LLVM).
#[allow(dead_code, missing_docs)]
#[path = "../../aot/src/classfile/mod.rs"]
pub mod classfile;
pub mod contract;
pub mod gc;
pub mod heap;
pub mod interp;
pub mod monitor;
pub mod natives;
pub mod object;
pub mod start;
pub mod strings;
pub mod thread;
pub mod throw;
