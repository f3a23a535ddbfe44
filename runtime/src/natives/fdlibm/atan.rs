//! fdlibm's inverse trigonometric functions: `atan` (`s_atan.c`), `atan2` (`e_atan2.c`),
//! `asin` (`e_asin.c`) and `acos` (`e_acos.c`).

use super::{high_word, invalid, low_word, with_low_word};

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

const PIO2_HI: f64 = f64::from_bits(0x3FF921FB54442D18); // 1.57079632679489655800e+00
const PIO2_LO: f64 = f64::from_bits(0x3C91A62633145C07); // 6.12323399573676603587e-17
const PIO4_HI: f64 = f64::from_bits(0x3FE921FB54442D18); // 7.85398163397448278999e-01
const PI: f64 = f64::from_bits(0x400921FB54442D18); // 3.14159265358979311600e+00
const PI_LO: f64 = f64::from_bits(0x3CA1A62633145C07); // 1.22464679914735317720e-16
const TINY: f64 = f64::from_bits(0x01A56E1FC2F8F359); // 1.0e-300

/// Coefficients of the rational approximation R(t) = P(t) / Q(t) of (asin(x) - x) / x^3,
/// t = x^2, shared by `asin` and `acos`.
const PS: [f64; 6] = [
    f64::from_bits(0x3FC5555555555555), // 1.66666666666666657415e-01
    f64::from_bits(0xBFD4D61203EB6F7D), // -3.25565818622400915405e-01
    f64::from_bits(0x3FC9C1550E884455), // 2.01212532134862925881e-01
    f64::from_bits(0xBFA48228B5688F3B), // -4.00555345006794114027e-02
    f64::from_bits(0x3F49EFE07501B288), // 7.91534994289814532176e-04
    f64::from_bits(0x3F023DE10DFDF709), // 3.47933107596021167570e-05
];
const QS: [f64; 4] = [
    f64::from_bits(0xC0033A271C8A2D4B), // -2.40339491173441421878e+00
    f64::from_bits(0x40002AE59C598AC8), // 2.02094576023350569471e+00
    f64::from_bits(0xBFE6066C1B8D0159), // -6.88283971605453293030e-01
    f64::from_bits(0x3FB3B8C5B12E9282), // 7.70381505559019352791e-02
];

/// The numerator t P(t) and the denominator Q(t) of the asin/acos approximation.
fn asin_p_q(t: f64) -> (f64, f64) {
    let p = t * (PS[0] + t * (PS[1] + t * (PS[2] + t * (PS[3] + t * (PS[4] + t * PS[5])))));
    let q = 1.0 + t * (QS[0] + t * (QS[1] + t * (QS[2] + t * QS[3])));
    (p, q)
}

/// `StrictMath.asin`: fdlibm's `asin`. For |x| < 0.5, asin(x) = x + x R(x^2); above,
/// asin(x) = pi/2 - 2 asin(sqrt((1 - |x|) / 2)), with sqrt split in a 21-bit head and a
/// correction below |x| = 0.975 for accuracy.
#[no_mangle]
pub extern "C" fn roast_fdlibm_asin(x: f64) -> f64 {
    let hx = high_word(x) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x3ff0_0000 {
        if (ix - 0x3ff0_0000) as u32 | low_word(x) == 0 {
            // asin(±1) = ±pi/2
            return x * PIO2_HI + x * PIO2_LO;
        }
        return invalid(x); // |x| > 1 or NaN
    }
    if ix < 0x3fe0_0000 {
        if ix < 0x3e40_0000 {
            // |x| < 2^-27: asin(x) rounds to x.
            return x;
        }
        let (p, q) = asin_p_q(x * x);
        let w = p / q;
        return x + x * w;
    }
    let w = 1.0 - x.abs();
    let t = w * 0.5;
    let (p, q) = asin_p_q(t);
    let s = t.sqrt();
    let t = if ix >= 0x3FEF_3333 {
        // |x| > 0.975
        let w = p / q;
        PIO2_HI - (2.0 * (s + s * w) - PIO2_LO)
    } else {
        let w = with_low_word(s, 0);
        let c = (t - w * w) / (s + w); // w + c = sqrt(t)
        let r = p / q;
        let p = 2.0 * s * r - (PIO2_LO - 2.0 * c);
        let q = PIO4_HI - 2.0 * w;
        PIO4_HI - (p - q)
    };
    if hx > 0 {
        t
    } else {
        -t
    }
}

/// `StrictMath.acos`: fdlibm's `acos`. For |x| < 0.5, pi/2 - (x + x R(x^2)); for x < -0.5,
/// pi - 2 asin(sqrt((1 + x) / 2)); for x > 0.5, 2 asin(sqrt((1 - x) / 2)) with the square
/// root split in a head and a correction.
#[no_mangle]
pub extern "C" fn roast_fdlibm_acos(x: f64) -> f64 {
    let hx = high_word(x) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x3ff0_0000 {
        if (ix - 0x3ff0_0000) as u32 | low_word(x) == 0 {
            // acos(1) = 0, acos(-1) = pi
            return if hx > 0 { 0.0 } else { PI + 2.0 * PIO2_LO };
        }
        return invalid(x); // |x| > 1 or NaN
    }
    if ix < 0x3fe0_0000 {
        if ix <= 0x3c60_0000 {
            // |x| < 2^-57
            return PIO2_HI + PIO2_LO;
        }
        let (p, q) = asin_p_q(x * x);
        let r = p / q;
        return PIO2_HI - (x - (PIO2_LO - x * r));
    }
    if hx < 0 {
        let z = (1.0 + x) * 0.5;
        let (p, q) = asin_p_q(z);
        let s = z.sqrt();
        let r = p / q;
        let w = r * s - PIO2_LO;
        PI - 2.0 * (s + w)
    } else {
        let z = (1.0 - x) * 0.5;
        let s = z.sqrt();
        let df = with_low_word(s, 0);
        let c = (z - df * df) / (s + df);
        let (p, q) = asin_p_q(z);
        let r = p / q;
        let w = r * s + c;
        2.0 * (df + w)
    }
}

/// `StrictMath.atan2`: fdlibm's `atan2`. Special cases for zeros, infinities and quotients
/// beyond 2^±60; otherwise atan(|y/x|) moved to the quadrant of (x, y) with pi split in a
/// head and a tail.
#[no_mangle]
pub extern "C" fn roast_fdlibm_atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x.to_bits() == 0x3ff0_0000_0000_0000 {
        // x = 1
        return roast_fdlibm_atan(y);
    }
    let hx = high_word(x) as i32;
    let ix = hx & 0x7fff_ffff;
    let hy = high_word(y) as i32;
    let iy = hy & 0x7fff_ffff;
    // m = 2 sign(x) + sign(y)
    let m = ((hy >> 31) & 1) | ((hx >> 30) & 2);
    if y == 0.0 {
        return match m {
            0 | 1 => y, // atan2(±0, +anything) = ±0
            2 => PI + TINY,
            _ => -PI - TINY,
        };
    }
    if x == 0.0 {
        return if hy < 0 {
            -PIO2_HI - TINY
        } else {
            PIO2_HI + TINY
        };
    }
    if ix == 0x7ff0_0000 {
        // x is infinite
        return if iy == 0x7ff0_0000 {
            match m {
                0 => PIO4_HI + TINY,
                1 => -PIO4_HI - TINY,
                2 => 3.0 * PIO4_HI + TINY,
                _ => -3.0 * PIO4_HI - TINY,
            }
        } else {
            match m {
                0 => 0.0,
                1 => -0.0,
                2 => PI + TINY,
                _ => -PI - TINY,
            }
        };
    }
    if iy == 0x7ff0_0000 {
        return if hy < 0 {
            -PIO2_HI - TINY
        } else {
            PIO2_HI + TINY
        };
    }
    let k = (iy - ix) >> 20;
    let z = if k > 60 {
        // |y/x| > 2^60
        PIO2_HI + 0.5 * PI_LO
    } else if hx < 0 && k < -60 {
        // |y|/x < -2^60
        0.0
    } else {
        roast_fdlibm_atan((y / x).abs())
    };
    match m {
        0 => z,
        1 => -z,
        2 => PI - (z - PI_LO),
        _ => (z - PI_LO) - PI,
    }
}
