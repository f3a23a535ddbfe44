//! roast: an ahead-of-time compiler from JVM bytecode to native executables.
//!
//! The pipeline (see [`driver::build`]) loads class files, parses them, computes the
//! reachable program, lays out objects and dispatch tables, lowers bytecode to LLVM IR and
//! links the result with the runtime static library.
#![deny(missing_docs)]

pub mod annotation_encode;
pub mod annotation_roots;
pub mod cache;
pub mod classfile;
pub mod classpath;
#[path = "../../runtime/src/contract.rs"]
pub mod contract;
pub mod desugar;
pub mod driver;
pub mod interpret_program;
pub mod ir;
pub mod jdk;
pub mod jdk_bytecode;
pub mod link;
pub mod lower;
pub mod nest_info;
pub mod program;
pub mod proxies;
pub mod reach;
pub mod reflective_roots;
pub mod resources;
pub mod sdk;
