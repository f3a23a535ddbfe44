//! `Math` methods that HotSpot replaces with intrinsics on x86-64 (`StubRoutines::dexp`,
//! `dlog`, `dlog10`, ...): their results differ from `StrictMath`'s fdlibm in the last bit
//! for a few percent of the arguments, and a roast program must print what `java` prints.
//!
//! The stubs are Intel LIBM code that HotSpot assembles at startup
//! (`macroAssembler_x86_exp.cpp` etc.). Each function here replays the stub's instruction
//! sequence in scalar Rust: every SSE arithmetic instruction becomes the same IEEE double
//! operation with the same operands (packed instructions become one operation per lane that
//! the stub uses later), and the integer manipulations of bit patterns are done on `u64`.
//!
//! Invariants: the same operations in the same order as the stub, never a fused
//! multiply-add; the tables are the stubs' tables, bit for bit (as `u64` bit patterns, low
//! word first as in the stub's `juint` arrays); the functions are only correct on x86-64
//! (`rcpps` in `log` is the processor's own approximation, as in the stub).

pub mod exp;
pub mod log;
mod reduce;
pub mod sincos;
pub mod tan;

/// The double with these bits.
const fn f(bits: u64) -> f64 {
    f64::from_bits(bits)
}

/// Bits 48..63 of a double (`pextrw reg, xmm, 3`).
fn word3(x: f64) -> u32 {
    (x.to_bits() >> 48) as u32
}
