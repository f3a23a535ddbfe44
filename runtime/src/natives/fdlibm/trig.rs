//! fdlibm's `sin`, `cos`, `tan` (`s_sin.c`, `s_cos.c`, `s_tan.c`): reduce the argument by
//! pi/2 (`rem_pio2`), then evaluate the kernel for the quadrant on [-pi/4, pi/4]
//! (`k_sin.c`, `k_cos.c`, `k_tan.c`; fdlibm 5.3's `k_tan`, as in the JDK).

use super::rem_pio2::rem_pio2;
use super::{high_word, low_word, nan_from, with_low_word};

/// Coefficients of sin(x) ~ x + S1 x^3 + ... + S6 x^13 on [-pi/4, pi/4].
const S1: f64 = f64::from_bits(0xBFC5555555555549); // -1.66666666666666324348e-01
const S2: f64 = f64::from_bits(0x3F8111111110F8A6); // 8.33333333332248946124e-03
const S3: f64 = f64::from_bits(0xBF2A01A019C161D5); // -1.98412698298579493134e-04
const S4: f64 = f64::from_bits(0x3EC71DE357B1FE7D); // 2.75573137070700676789e-06
const S5: f64 = f64::from_bits(0xBE5AE5E68A2B9CEB); // -2.50507602534068634195e-08
const S6: f64 = f64::from_bits(0x3DE5D93A5ACFD57C); // 1.58969099521155010221e-10

/// Coefficients of cos(x) ~ 1 - x^2/2 + C1 x^4 + ... + C6 x^14 on [-pi/4, pi/4].
const C1: f64 = f64::from_bits(0x3FA555555555554C); // 4.16666666666666019037e-02
const C2: f64 = f64::from_bits(0xBF56C16C16C15177); // -1.38888888888741095749e-03
const C3: f64 = f64::from_bits(0x3EFA01A019CB1590); // 2.48015872894767294178e-05
const C4: f64 = f64::from_bits(0xBE927E4F809C52AD); // -2.75573143513906633035e-07
const C5: f64 = f64::from_bits(0x3E21EE9EBDB4B1C4); // 2.08757232129817482790e-09
const C6: f64 = f64::from_bits(0xBDA8FAE9BE8838D4); // -1.13596475577881948265e-11

/// Coefficients of tan(x) ~ x + T0 x^3 + ... + T12 x^27 on [0, 0.67434].
const T: [f64; 13] = [
    f64::from_bits(0x3FD5555555555563), // 3.33333333333334091986e-01
    f64::from_bits(0x3FC111111110FE7A), // 1.33333333333201242699e-01
    f64::from_bits(0x3FABA1BA1BB341FE), // 5.39682539762260521377e-02
    f64::from_bits(0x3F9664F48406D637), // 2.18694882948595424599e-02
    f64::from_bits(0x3F8226E3E96E8493), // 8.86323982359930005737e-03
    f64::from_bits(0x3F6D6D22C9560328), // 3.59207910759131235356e-03
    f64::from_bits(0x3F57DBC8FEE08315), // 1.45620945432529025516e-03
    f64::from_bits(0x3F4344D8F2F26501), // 5.88041240820264096874e-04
    f64::from_bits(0x3F3026F71A8D1068), // 2.46463134818469906812e-04
    f64::from_bits(0x3F147E88A03792A6), // 7.81794442939557092300e-05
    f64::from_bits(0x3F12B80F32F0A7E9), // 7.14072491382608190305e-05
    f64::from_bits(0xBEF375CBDB605373), // -1.85586374855275456654e-05
    f64::from_bits(0x3EFB2A7074BF7AD4), // 2.59073051863633712884e-05
];
const PIO4: f64 = f64::from_bits(0x3FE921FB54442D18); // 7.85398163397448278999e-01
const PIO4_LO: f64 = f64::from_bits(0x3C81A62633145C07); // 3.06161699786838301793e-17

/// sin(x + y) for |x + y| <= pi/4, y the tail of x (`tail_is_zero` when y is known 0).
/// sin(x + y) ~ x + (S1 x^3 + (x^2 (r x^3 - y/2) + y)), r the rest of the polynomial.
fn kernel_sin(x: f64, y: f64, tail_is_zero: bool) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix < 0x3e40_0000 {
        // |x| < 2^-27: sin(x) rounds to x.
        return x;
    }
    let z = x * x;
    let v = z * x;
    let r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    if tail_is_zero {
        x + v * (S1 + z * r)
    } else {
        x - ((z * (0.5 * y - v * r) - y) - v * S1)
    }
}

/// cos(x + y) for |x + y| <= pi/4, y the tail of x: 1 - (x^2/2 - (r - x y)). For
/// |x| >= 0.3 a quarter qx of x^2/2 (exactly representable) is moved out of the
/// subtraction: (1 - qx) - ((x^2/2 - qx) - (r - x y)).
fn kernel_cos(x: f64, y: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix < 0x3e40_0000 {
        // |x| < 2^-27: cos(x) rounds to 1.
        return 1.0;
    }
    let z = x * x;
    let r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if ix < 0x3fd3_3333 {
        // |x| < 0.3
        return 1.0 - (0.5 * z - (z * r - x * y));
    }
    let qx = if ix > 0x3fe9_0000 {
        // |x| > 0.78125
        f64::from_bits(0x3FD2000000000000) // 0.28125
    } else {
        super::from_words(ix - 0x0020_0000, 0) // |x|/4 with the low word cleared
    };
    let hz = 0.5 * z - qx;
    let a = 1.0 - qx;
    a - (hz - (z * r - x * y))
}

/// -1/(x + r) computed carefully: w = x + r, the quotient's head t has a cleared low word
/// so that 1 + t z (z = w's head) is exact, and the correction uses the tail v of w.
fn minus_reciprocal(x: f64, r: f64, w: f64) -> f64 {
    let z = with_low_word(w, 0);
    let v = r - (z - x); // z + v = x + r
    let a = -1.0 / w;
    let t = with_low_word(a, 0);
    let s = 1.0 + t * z;
    t + a * (s + t * v)
}

/// tan(x + y) (`k == 1`) or -1/tan(x + y) (`k == -1`) for |x + y| <= pi/4, y the tail of x.
/// For |x| >= 0.6744, tan(x) = tan(pi/4 - x') with x' = pi/4 - x is computed as
/// 1 - 2 (tan(x') - tan(x')^2 / (1 + tan(x'))).
fn kernel_tan(x: f64, y: f64, k: i32) -> f64 {
    let hx = high_word(x) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix < 0x3e30_0000 {
        // |x| < 2^-28
        if ((ix as u32 | low_word(x)) | (k + 1) as u32) == 0 {
            // -1/tan(±0)
            return 1.0 / x.abs();
        }
        if k == 1 {
            return x;
        }
        let w = x + y;
        return minus_reciprocal(x, y, w);
    }
    let big = ix >= 0x3FE5_9428; // |x| >= 0.6744
    let (x, y) = if big {
        let (x, y) = if hx < 0 { (-x, -y) } else { (x, y) };
        let z = PIO4 - x;
        let w = PIO4_LO - y;
        (z + w, 0.0)
    } else {
        (x, y)
    };
    let z = x * x;
    let w = z * z;
    // x^5 (T1 + x^2 T2 + ...) split in odd and even powers of x^4.
    let r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
    let v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
    let s = z * x;
    let mut r = y + z * (s * (r + v) + y);
    r += T[0] * s;
    let w = x + r;
    if big {
        let v = f64::from(k);
        let sign = f64::from(1 - ((hx >> 30) & 2));
        return sign * (v - 2.0 * (x - (w * w / (w + v) - r)));
    }
    if k == 1 {
        w
    } else {
        minus_reciprocal(x, r, w)
    }
}

/// `StrictMath.sin`: fdlibm's `sin`.
#[no_mangle]
pub extern "C" fn roast_fdlibm_sin(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix <= 0x3fe9_21fb {
        return kernel_sin(x, 0.0, true);
    }
    if ix >= 0x7ff0_0000 {
        return nan_from(x);
    }
    let (n, y0, y1) = rem_pio2(x);
    match n & 3 {
        0 => kernel_sin(y0, y1, false),
        1 => kernel_cos(y0, y1),
        2 => -kernel_sin(y0, y1, false),
        _ => -kernel_cos(y0, y1),
    }
}

/// `StrictMath.cos`: fdlibm's `cos`.
#[no_mangle]
pub extern "C" fn roast_fdlibm_cos(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix <= 0x3fe9_21fb {
        return kernel_cos(x, 0.0);
    }
    if ix >= 0x7ff0_0000 {
        return nan_from(x);
    }
    let (n, y0, y1) = rem_pio2(x);
    match n & 3 {
        0 => kernel_cos(y0, y1),
        1 => -kernel_sin(y0, y1, false),
        2 => -kernel_cos(y0, y1),
        _ => kernel_sin(y0, y1, false),
    }
}

/// `StrictMath.tan`: fdlibm's `tan` (odd quadrants give -1/tan of the reduced argument).
#[no_mangle]
pub extern "C" fn roast_fdlibm_tan(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix <= 0x3fe9_21fb {
        return kernel_tan(x, 0.0, 1);
    }
    if ix >= 0x7ff0_0000 {
        return nan_from(x);
    }
    let (n, y0, y1) = rem_pio2(x);
    kernel_tan(y0, y1, 1 - ((n & 1) << 1))
}
