//! `StrictMath` natives whose results must be bit-identical to HotSpot's, which computes
//! them with fdlibm (the C library of `libjava`): the system libm may differ in the last bit.
//!
//! Invariants: each function follows fdlibm's algorithm step by step in IEEE double
//! arithmetic (argument reduction, the same polynomial coefficients, the same evaluation
//! order); Rust never contracts `a * b + c` into a fused multiply-add, so the rounding of
//! every step is fdlibm's. Constants are written as bit patterns: they are fdlibm's decimal
//! constants rounded to double, and the bit pattern is what must not change.
//!
//! Families: `atan` (inverse trigonometric), `trig` (sin, cos, tan and their kernels on
//! [-pi/4, pi/4]), `rem_pio2` (argument reduction by pi/2), `log` (log, log10, log1p),
//! `exp` (exp, expm1 and the hyperbolic functions built on them).

pub mod atan;
pub mod exp;
pub mod log;
mod rem_pio2;
pub mod trig;

/// High 32 bits of a double.
fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

/// Low 32 bits of a double.
fn low_word(x: f64) -> u32 {
    x.to_bits() as u32
}

/// The double with these high and low words.
fn from_words(high: u32, low: u32) -> f64 {
    f64::from_bits((u64::from(high) << 32) | u64::from(low))
}

/// `x` with its high word replaced.
fn with_high_word(x: f64, high: u32) -> f64 {
    from_words(high, low_word(x))
}

/// `x` with its low word replaced (fdlibm clears it to get a value whose square is exact).
fn with_low_word(x: f64, low: u32) -> f64 {
    from_words(high_word(x), low)
}

/// `x * 2^n`, exact while the result is a normal double (the only use in fdlibm's kernels).
fn scalbn(x: f64, n: i32) -> f64 {
    let pow2 = |e: i32| f64::from_bits(((e + 1023) as u64) << 52);
    if (-1022..=1023).contains(&n) {
        x * pow2(n)
    } else {
        // Two steps keep every factor a normal power of two.
        let half = n / 2;
        x * pow2(half) * pow2(n - half)
    }
}

/// Adds `k` to the binary exponent of a finite, normal `y` (fdlibm's `__HI(y) += k << 20`).
fn add_exponent(y: f64, k: i32) -> f64 {
    f64::from_bits(y.to_bits().wrapping_add((i64::from(k) << 52) as u64))
}

/// The NaN that an invalid operation on `x` yields in fdlibm, `(x - x) / (x - x)`: `x`
/// itself (quieted) when it is NaN, else the processor's default NaN.
#[allow(clippy::eq_op)]
fn invalid(x: f64) -> f64 {
    (x - x) / (x - x)
}

/// fdlibm's `x - x` for infinite or NaN `x`: NaN (`x` quieted, or the default NaN).
#[allow(clippy::eq_op)]
fn nan_from(x: f64) -> f64 {
    x - x
}
