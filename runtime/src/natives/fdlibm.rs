//! `StrictMath` natives whose results must be bit-identical to HotSpot's, which computes
//! them with fdlibm (the C library of `libjava`): the system libm may differ in the last bit.
//!
//! Invariants: each function follows fdlibm's algorithm step by step in IEEE double
//! arithmetic (argument reduction, the same polynomial coefficients, the same evaluation
//! order); Rust never contracts `a * b + c` into a fused multiply-add, so the rounding of
//! every step is fdlibm's.

// Constants are written as bit patterns: they are fdlibm's decimal constants rounded to
// double, and the bit pattern is what must not change.

/// High 32 bits of a double.
fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

/// atan(x) for x in the four reduction intervals: the value at the interval's point (split
/// in a high and a low part).
const ATAN_HI: [f64; 4] = [
    f64::from_bits(0x3fddac670561bb4f), // atan(0.5)
    f64::from_bits(0x3fe921fb54442d18), // atan(1.0)
    f64::from_bits(0x3fef730bd281f69b), // atan(1.5)
    f64::from_bits(0x3ff921fb54442d18), // atan(inf)
];
const ATAN_LO: [f64; 4] = [
    f64::from_bits(0x3c7a2b7f222f65e2),
    f64::from_bits(0x3c81a62633145c07),
    f64::from_bits(0x3c7007887af0cbbd),
    f64::from_bits(0x3c91a62633145c07),
];
/// Coefficients of the odd polynomial approximating atan on [-7/16, 7/16].
const ATAN_T: [f64; 11] = [
    f64::from_bits(0x3fd555555555550d),
    f64::from_bits(0xbfc999999998ebc4),
    f64::from_bits(0x3fc24924920083ff),
    f64::from_bits(0xbfbc71c6fe231671),
    f64::from_bits(0x3fb745cdc54c206e),
    f64::from_bits(0xbfb3b0f2af749a6d),
    f64::from_bits(0x3fb10d66a0d03d51),
    f64::from_bits(0xbfadde2d52defd9a),
    f64::from_bits(0x3fa97b4b24760deb),
    f64::from_bits(0xbfa2b4442c6a6c2f),
    f64::from_bits(0x3f90ad3ae322da11),
];

/// `StrictMath.atan`: fdlibm's `atan`. The argument is reduced to |x| < 7/16 with
/// atan(x) = atan(c) + atan((x - c) / (1 + x c)) for c in {0.5, 1, 1.5, inf}.
#[no_mangle]
pub extern "C" fn roast_fdlibm_atan(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    let negative = (hx as i32) < 0;
    if ix >= 0x4410_0000 {
        // |x| >= 2^66: the result is ±pi/2 (or NaN).
        if x.is_nan() {
            return x + x;
        }
        let r = ATAN_HI[3] + ATAN_LO[3];
        return if negative { -r } else { r };
    }
    let (id, x) = if ix < 0x3fdc_0000 {
        // |x| < 0.4375
        if ix < 0x3e20_0000 {
            // |x| < 2^-29: atan(x) rounds to x.
            return x;
        }
        (None, x)
    } else {
        let a = x.abs();
        if ix < 0x3ff3_0000 {
            if ix < 0x3fe6_0000 {
                // 7/16 <= |x| < 11/16
                (Some(0), (2.0 * a - 1.0) / (2.0 + a))
            } else {
                // 11/16 <= |x| < 19/16
                (Some(1), (a - 1.0) / (a + 1.0))
            }
        } else if ix < 0x4003_8000 {
            // 19/16 <= |x| < 39/16
            (Some(2), (a - 1.5) / (1.0 + 1.5 * a))
        } else {
            // 39/16 <= |x| < 2^66
            (Some(3), -1.0 / a)
        }
    };
    let z = x * x;
    let w = z * z;
    let t = &ATAN_T;
    let s1 = z * (t[0] + w * (t[2] + w * (t[4] + w * (t[6] + w * (t[8] + w * t[10])))));
    let s2 = w * (t[1] + w * (t[3] + w * (t[5] + w * (t[7] + w * t[9]))));
    match id {
        None => x - x * (s1 + s2),
        Some(i) => {
            let r = ATAN_HI[i] - ((x * (s1 + s2) - ATAN_LO[i]) - x);
            if negative {
                -r
            } else {
                r
            }
        }
    }
}
