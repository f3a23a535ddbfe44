//! The optimization passes and the one place that defines their order.
//!
//! Every pass is a function `fn(&mut Function) -> bool` (true if it changed something) in
//! its own file. Invariant: each pass takes and leaves a function that passes
//! [`crate::ir::verify`]; [`run_pipeline`] checks that after every pass when asked to (tests
//! and `ROAST_VERIFY_IR=1` always ask).

pub mod merge_blocks;
pub mod null_check_elim;

use super::function::Function;
use super::verify::{verify, VerifyError};

/// The signature shared by all passes.
pub type Pass = fn(&mut Function) -> bool;

/// The pipeline, in order: (name, pass).
pub const PIPELINE: &[(&str, Pass)] = &[
    ("null_check_elim", null_check_elim::run),
    ("merge_blocks", merge_blocks::run),
];

/// Runs [`PIPELINE`] on `f`, verifying after each pass if `verify_each`.
pub fn run_pipeline(f: &mut Function, verify_each: bool) -> Result<(), VerifyError> {
    for (name, pass) in PIPELINE {
        pass(f);
        if verify_each {
            verify(f).map_err(|mut e| {
                e.message = format!("after pass {name}: {}", e.message);
                e
            })?;
        }
    }
    Ok(())
}
