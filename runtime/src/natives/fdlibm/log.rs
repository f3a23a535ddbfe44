//! fdlibm's logarithms: `log` (`e_log.c`), `log10` (`e_log10.c`), `log1p` (`s_log1p.c`).
//!
//! All reduce x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), then
//! log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)), s = f / (2 + f), and add k ln2 in two parts.

use super::{high_word, invalid, low_word, with_high_word};

const LN2_HI: f64 = f64::from_bits(0x3FE62E42FEE00000); // 6.93147180369123816490e-01
const LN2_LO: f64 = f64::from_bits(0x3DEA39EF35793C76); // 1.90821492927058770002e-10
const TWO54: f64 = f64::from_bits(0x4350000000000000); // 2^54
/// Coefficients of R(z) ~ Lg1 z + ... + Lg7 z^7 (log1p calls them Lp1..Lp7: same values).
const LG: [f64; 7] = [
    f64::from_bits(0x3FE5555555555593), // 6.666666666666735130e-01
    f64::from_bits(0x3FD999999997FA04), // 3.999999999940941908e-01
    f64::from_bits(0x3FD2492494229359), // 2.857142874366239149e-01
    f64::from_bits(0x3FCC71C51D8E78AF), // 2.222219843214978396e-01
    f64::from_bits(0x3FC7466496CB03DE), // 1.818357216161805012e-01
    f64::from_bits(0x3FC39A09D078C69F), // 1.531383769920937332e-01
    f64::from_bits(0x3FC2F112DF3E5244), // 1.479819860511658591e-01
];
const THIRD: f64 = f64::from_bits(0x3FD5555555555555); // 0.33333333333333333
const TWO_THIRDS: f64 = f64::from_bits(0x3FE5555555555555); // 0.66666666666666666

const IVLN10: f64 = f64::from_bits(0x3FDBCB7B1526E50E); // 1/ln(10)
const LOG10_2HI: f64 = f64::from_bits(0x3FD34413509F6000); // head of log10(2)
const LOG10_2LO: f64 = f64::from_bits(0x3D59FEF311F12B36); // log10(2) - LOG10_2HI

/// The argument checks `log` and `log10` share: ±0 gives -inf, a negative x NaN, ±inf and
/// NaN themselves (`Err` with the result). Otherwise `Ok((x, high word, k))` with subnormals
/// scaled by 2^54 (k = -54) so that the exponent field is usable.
fn finite_positive(x: f64) -> Result<(f64, i32, i32), f64> {
    let mut x = x;
    let mut hx = high_word(x) as i32;
    let mut k = 0;
    if hx < 0x0010_0000 {
        // x < 2^-1022
        if ((hx & 0x7fff_ffff) as u32 | low_word(x)) == 0 {
            return Err(-TWO54 / 0.0); // log(±0) = -inf
        }
        if hx < 0 {
            return Err(invalid(x)); // log(negative) = NaN
        }
        // subnormal: scale up
        k -= 54;
        x *= TWO54;
        hx = high_word(x) as i32;
    }
    if hx >= 0x7ff0_0000 {
        return Err(x + x);
    }
    Ok((x, hx, k))
}

/// `StrictMath.log`: fdlibm's `log`.
#[no_mangle]
pub extern "C" fn roast_fdlibm_log(x: f64) -> f64 {
    let (mut x, mut hx, mut k) = match finite_positive(x) {
        Ok(v) => v,
        Err(r) => return r,
    };
    k += (hx >> 20) - 1023;
    hx &= 0x000f_ffff;
    // Normalize x or x/2 into [sqrt(2)/2, sqrt(2)): i is 0x100000 when the mantissa is
    // above sqrt(2), and then one more power of two goes into k.
    let i = (hx + 0x95f64) & 0x10_0000;
    x = with_high_word(x, (hx | (i ^ 0x3ff0_0000)) as u32);
    k += i >> 20;
    let f = x - 1.0;
    let dk = f64::from(k);
    if (0x000f_ffff & (2 + hx)) < 3 {
        // |f| < 2^-20: a short series.
        if f == 0.0 {
            return if k == 0 {
                0.0
            } else {
                dk * LN2_HI + dk * LN2_LO
            };
        }
        let r = f * f * (0.5 - THIRD * f);
        return if k == 0 {
            f - r
        } else {
            dk * LN2_HI - ((r - dk * LN2_LO) - f)
        };
    }
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG[1] + w * (LG[3] + w * LG[5]));
    let t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])));
    let r = t2 + t1;
    // f far from 0 on either side (the mantissa outside [0x6147a, 0x6b851]): subtract
    // f^2/2 separately for accuracy.
    let i = (hx - 0x6147a) | (0x6b851 - hx);
    if i > 0 {
        let hfsq = 0.5 * f * f;
        if k == 0 {
            f - (hfsq - s * (hfsq + r))
        } else {
            dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f)
        }
    } else if k == 0 {
        f - s * (f - r)
    } else {
        dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f)
    }
}

/// `StrictMath.log10`: fdlibm's `log10`. x = 2^n y with y in [1, 2) (or [1/2, 1) when n is
/// negative); log10(x) = n log10(2) + log(y) / ln(10), log10(2) in two parts.
#[no_mangle]
pub extern "C" fn roast_fdlibm_log10(x: f64) -> f64 {
    let (mut x, mut hx, mut k) = match finite_positive(x) {
        Ok(v) => v,
        Err(r) => return r,
    };
    k += (hx >> 20) - 1023;
    let i = ((k as u32) & 0x8000_0000) >> 31;
    hx = (hx & 0x000f_ffff) | ((0x3ff - i as i32) << 20);
    let y = f64::from(k + i as i32);
    x = with_high_word(x, hx as u32);
    let z = y * LOG10_2LO + IVLN10 * roast_fdlibm_log(x);
    z + y * LOG10_2HI
}

/// `StrictMath.log1p`: fdlibm's `log1p`. For 1 + x away from 1, u = 1 + x is reduced like
/// `log` and a correction c = (x - (u - 1)) / u accounts for the rounding of u.
#[no_mangle]
pub extern "C" fn roast_fdlibm_log1p(x: f64) -> f64 {
    let hx = high_word(x) as i32;
    let ax = hx & 0x7fff_ffff;
    let mut k = 1;
    let mut f = 0.0;
    let mut hu = 0;
    let mut c = 0.0;
    if hx < 0x3FDA_827A {
        // x < 0.41422
        if ax >= 0x3ff0_0000 {
            // x <= -1
            return if x == -1.0 {
                -TWO54 / 0.0 // log1p(-1) = -inf
            } else {
                invalid(x) // NaN
            };
        }
        if ax < 0x3e20_0000 {
            // |x| < 2^-29
            if ax < 0x3c90_0000 {
                return x; // |x| < 2^-54
            }
            return x - x * x * 0.5;
        }
        if hx > 0 || hx <= 0xbfd2_bec3_u32 as i32 {
            // -0.2929 < x < 0.41422: no reduction.
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if hx >= 0x7ff0_0000 {
        return x + x;
    }
    if k != 0 {
        let mut u;
        if hx < 0x4340_0000 {
            u = 1.0 + x;
            hu = high_word(u) as i32;
            k = (hu >> 20) - 1023;
            // correction term for the rounding of 1 + x
            c = if k > 0 { 1.0 - (u - x) } else { x - (u - 1.0) };
            c /= u;
        } else {
            u = x;
            hu = high_word(u) as i32;
            k = (hu >> 20) - 1023;
            c = 0.0;
        }
        hu &= 0x000f_ffff;
        if hu < 0x6a09e {
            u = with_high_word(u, (hu | 0x3ff0_0000) as u32); // normalize u
        } else {
            k += 1;
            u = with_high_word(u, (hu | 0x3fe0_0000) as u32); // normalize u/2
            hu = (0x0010_0000 - hu) >> 2;
        }
        f = u - 1.0;
    }
    let hfsq = 0.5 * f * f;
    let dk = f64::from(k);
    if hu == 0 {
        // |f| < 2^-20
        if f == 0.0 {
            if k == 0 {
                return 0.0;
            }
            c += dk * LN2_LO;
            return dk * LN2_HI + c;
        }
        let r = hfsq * (1.0 - TWO_THIRDS * f);
        return if k == 0 {
            f - r
        } else {
            dk * LN2_HI - ((r - (dk * LN2_LO + c)) - f)
        };
    }
    let s = f / (2.0 + f);
    let z = s * s;
    let r = z
        * (LG[0] + z * (LG[1] + z * (LG[2] + z * (LG[3] + z * (LG[4] + z * (LG[5] + z * LG[6]))))));
    if k == 0 {
        f - (hfsq - s * (hfsq + r))
    } else {
        dk * LN2_HI - ((hfsq - (s * (hfsq + r) + (dk * LN2_LO + c))) - f)
    }
}
