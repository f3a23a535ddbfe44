//! The interpreter: classes defined at run time (`ClassLoader.defineClass`, the SDK's
//! `URLClassLoader`) run here, sharing the heap, object layout, dispatch tables, exceptions
//! and frame records with compiled code. See ARCHITECTURE.md, "Interpreter", for the design.
//!
//! Pipeline of a class: `define.rs` (parse with the compiler's own parser, shared through
//! `#[path]`; resolve supertypes through the loader) → `link.rs` (descriptor, vtable,
//! itables, metadata; `names.rs` for nesting facts, `annotations.rs` for runtime-visible annotations) →
//! `verify/` (JVMS §4.10.1 type checking, before initialization or the first call) → calls arrive through entry thunks
//! (`native_code.rs`) at `exec.rs`, which runs the bytecode (`ops_stack.rs`,
//! `ops_object.rs`, `invoke.rs`, `indy.rs` with `lambda.rs`, `monitors.rs`) and resolves symbolic references
//! lazily (`resolve.rs`). `roots.rs` lists the references it holds outside the heap.
//! `library.rs` runs JDK methods the build pruned from the embedded class files.
//!
//! Invariants: see each module. In short: run-time classes look like compiled classes to
//! every other part of the runtime (descriptors, metadata, mirrors); all values are tagged
//! and every memory access is checked, so bad bytecode raises VerifyError instead of
//! corrupting memory; exceptions use the pending-exception convention.

// The compiler's annotation re-encoder, shared as source (see `annotations.rs`); the
// compiler-only helpers in it are unused here.
#[allow(dead_code)]
#[path = "../../../aot/src/annotation_encode.rs"]
mod annotation_encode;
pub mod annotations;
pub mod arrays;
pub mod class;
pub mod define;
pub mod exec;
pub mod fast;
pub mod indy;
pub mod invoke;
pub mod lambda;
pub mod launch;
pub mod library;
pub mod link;
pub mod monitors;
pub mod names;
pub mod native_code;
pub mod natives;
pub mod nest;
pub mod npe;
pub mod ops_object;
pub mod ops_stack;
pub mod proxies;
pub mod record_methods;
pub mod resolve;
pub mod roots;
pub mod sig;
pub mod value;
pub mod verify;
