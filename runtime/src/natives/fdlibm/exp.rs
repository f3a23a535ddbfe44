//! fdlibm's exponentials: `exp` (`e_exp.c`, used by the hyperbolic functions; the JDK's
//! `StrictMath.exp` is the same algorithm in Java), `expm1` (`s_expm1.c`), and `sinh`,
//! `cosh`, `tanh` (`e_sinh.c`, `e_cosh.c`, `s_tanh.c`) built on them.
//!
//! Both exponentials reduce x = k ln2 + r with |r| <= ln2/2 (ln2 in a head with trailing
//! zero bits, so k ln2_hi is exact, and a tail), approximate e^r, and scale by 2^k.

use super::{add_exponent, from_words, high_word, low_word};

const HUGE: f64 = f64::from_bits(0x7E37E43C8800759C); // 1.0e300
const TINY: f64 = f64::from_bits(0x01A56E1FC2F8F359); // 1.0e-300
const TWOM1000: f64 = f64::from_bits(0x0170000000000000); // 2^-1000
const O_THRESHOLD: f64 = f64::from_bits(0x40862E42FEFA39EF); // 7.09782712893383973096e+02
const U_THRESHOLD: f64 = f64::from_bits(0xC0874910D52D3051); // -7.45133219101941108420e+02
const LN2_HI: f64 = f64::from_bits(0x3FE62E42FEE00000); // 6.93147180369123816490e-01
const LN2_LO: f64 = f64::from_bits(0x3DEA39EF35793C76); // 1.90821492927058770002e-10
const INVLN2: f64 = f64::from_bits(0x3FF71547652B82FE); // 1.44269504088896338700e+00

/// Coefficients of the Remez polynomial R(r^2) in e^r = 1 + 2r / (R - r).
const P: [f64; 5] = [
    f64::from_bits(0x3FC555555555553E), // 1.66666666666666019037e-01
    f64::from_bits(0xBF66C16C16BEBD93), // -2.77777777770155933842e-03
    f64::from_bits(0x3F11566AAF25DE2C), // 6.61375632143793436117e-05
    f64::from_bits(0xBEBBBD41C5D26BF1), // -1.65339022054652515390e-06
    f64::from_bits(0x3E66376972BEA4D0), // 4.13813679705723846039e-08
];

/// Coefficients of expm1's scaled polynomial in (r^2/2).
const Q: [f64; 5] = [
    f64::from_bits(0xBFA11111111110F4), // -3.33333333333331316428e-02
    f64::from_bits(0x3F5A01A019FE5585), // 1.58730158725481460165e-03
    f64::from_bits(0xBF14CE199EAADBB7), // -7.93650757867487942473e-05
    f64::from_bits(0x3ED0CFCA86E65239), // 4.00821782732936239552e-06
    f64::from_bits(0xBE8AFDB76E09C32D), // -2.01099218183624371326e-07
];

/// x = k ln2 + (hi - lo) for |x| > ln2/2: k = ±1 below 1.5 ln2, else round(x / ln2).
fn reduce_ln2(x: f64, hx: u32, negative: bool) -> (i32, f64, f64) {
    if hx < 0x3FF0_A2B2 {
        // |x| < 1.5 ln2
        if negative {
            (-1, x + LN2_HI, -LN2_LO)
        } else {
            (1, x - LN2_HI, LN2_LO)
        }
    } else {
        let k = (INVLN2 * x + if negative { -0.5 } else { 0.5 }) as i32;
        let t = f64::from(k);
        (k, x - t * LN2_HI, t * LN2_LO)
    }
}

/// fdlibm's `exp` (`__ieee754_exp`). Exported for `StrictMath.exp` (Java code in JDK 17,
/// the same algorithm) and tests.
#[no_mangle]
pub extern "C" fn roast_fdlibm_exp(x: f64) -> f64 {
    let hx = high_word(x);
    let negative = (hx >> 31) != 0;
    let hx = hx & 0x7fff_ffff;
    if hx >= 0x4086_2E42 {
        // |x| >= 709.78...
        if hx >= 0x7ff0_0000 {
            if ((hx & 0xfffff) | low_word(x)) != 0 {
                return x + x; // NaN
            }
            return if negative { 0.0 } else { x }; // exp(-inf) = 0
        }
        if x > O_THRESHOLD {
            return HUGE * HUGE; // overflow
        }
        if x < U_THRESHOLD {
            return TWOM1000 * TWOM1000; // underflow
        }
    }
    let (k, hi, lo, x) = if hx > 0x3fd6_2e42 {
        // |x| > ln2/2
        let (k, hi, lo) = reduce_ln2(x, hx, negative);
        (k, hi, lo, hi - lo)
    } else if hx < 0x3e30_0000 {
        // |x| < 2^-28: e^x rounds to 1 + x.
        return 1.0 + x;
    } else {
        (0, 0.0, 0.0, x)
    };
    // e^r = 1 + r + r c / (2 - c), c = r - r^2 P(r^2)
    let t = x * x;
    let c = x - t * (P[0] + t * (P[1] + t * (P[2] + t * (P[3] + t * P[4]))));
    if k == 0 {
        return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    let y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if k >= -1021 {
        add_exponent(y, k)
    } else {
        add_exponent(y, k + 1000) * TWOM1000
    }
}

/// `StrictMath.expm1`: fdlibm's `expm1`. e^r - 1 for the reduced r uses a rational
/// approximation with a correction c for the rounding of the reduction; scaling by 2^k
/// then subtracts 1 in the order that keeps the result exact enough for each range of k.
#[no_mangle]
pub extern "C" fn roast_fdlibm_expm1(x: f64) -> f64 {
    let hx = high_word(x);
    let negative = (hx >> 31) != 0;
    let hx = hx & 0x7fff_ffff;
    if hx >= 0x4043_687A {
        // |x| >= 56 ln2
        if hx >= 0x4086_2E42 {
            // |x| >= 709.78...
            if hx >= 0x7ff0_0000 {
                if ((hx & 0xfffff) | low_word(x)) != 0 {
                    return x + x; // NaN
                }
                return if negative { -1.0 } else { x }; // expm1(±inf) = {-1, inf}
            }
            if x > O_THRESHOLD {
                return HUGE * HUGE; // overflow
            }
        }
        if negative {
            // x < -56 ln2: the result rounds to -1.
            return TINY - 1.0;
        }
    }
    let (k, x, c) = if hx > 0x3fd6_2e42 {
        // |x| > ln2/2
        let (k, hi, lo) = reduce_ln2(x, hx, negative);
        let r = hi - lo;
        (k, r, (hi - r) - lo)
    } else if hx < 0x3c90_0000 {
        // |x| < 2^-54: expm1(x) rounds to x.
        return x;
    } else {
        (0, x, 0.0)
    };
    let hfx = 0.5 * x;
    let hxs = x * hfx;
    let r1 = 1.0 + hxs * (Q[0] + hxs * (Q[1] + hxs * (Q[2] + hxs * (Q[3] + hxs * Q[4]))));
    let t = 3.0 - r1 * hfx;
    let e = hxs * ((r1 - t) / (6.0 - x * t));
    if k == 0 {
        return x - (x * e - hxs); // c is 0
    }
    let e = (x * (e - c) - c) - hxs;
    if k == -1 {
        return 0.5 * (x - e) - 0.5;
    }
    if k == 1 {
        return if x < -0.25 {
            -2.0 * (e - (x + 0.5))
        } else {
            1.0 + 2.0 * (x - e)
        };
    }
    if k <= -2 || k > 56 {
        // e^x - 1 rounds like e^x: scale 1 + r, then subtract 1.
        let y = 1.0 - (e - x);
        return add_exponent(y, k) - 1.0;
    }
    if k < 20 {
        let t = from_words(0x3ff0_0000 - (0x20_0000 >> k), 0); // 1 - 2^-k
        let y = t - (e - x);
        add_exponent(y, k)
    } else {
        let t = from_words(((0x3ff - k) << 20) as u32, 0); // 2^-k
        let y = (x - (e + t)) + 1.0;
        add_exponent(y, k)
    }
}

/// Is |x| (high word `ix`) at most the overflow threshold of sinh/cosh, ln(2 MAX_VALUE)?
fn below_sinh_overflow(ix: u32, x: f64) -> bool {
    ix < 0x4086_33CE || (ix == 0x4086_33ce && low_word(x) <= 0x8fb9_f87d)
}

/// `StrictMath.sinh`: fdlibm's `sinh`. From expm1 below 22 (sinh = (E + E / (E + 1)) / 2,
/// E = expm1(|x|)), from exp above, and as (exp(|x|/2) / 2) exp(|x|/2) near overflow.
#[no_mangle]
pub extern "C" fn roast_fdlibm_sinh(x: f64) -> f64 {
    let jx = high_word(x);
    let ix = jx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x + x; // inf or NaN
    }
    let h = if (jx as i32) < 0 { -0.5 } else { 0.5 };
    if ix < 0x4036_0000 {
        // |x| < 22
        if ix < 0x3e30_0000 {
            return x; // |x| < 2^-28: sinh(x) rounds to x
        }
        let t = roast_fdlibm_expm1(x.abs());
        if ix < 0x3ff0_0000 {
            return h * (2.0 * t - t * t / (t + 1.0));
        }
        return h * (t + t / (t + 1.0));
    }
    if ix < 0x4086_2E42 {
        // |x| < ln(MAX_VALUE)
        return h * roast_fdlibm_exp(x.abs());
    }
    if below_sinh_overflow(ix, x) {
        let w = roast_fdlibm_exp(0.5 * x.abs());
        let t = h * w;
        return t * w;
    }
    x * f64::from_bits(0x7FAC7B1F3CAC7433) // x * 1.0e307: overflow
}

/// `StrictMath.cosh`: fdlibm's `cosh`. 1 + expm1(|x|)^2 / (2 e^|x|) below ln2/2,
/// (e^|x| + 1/e^|x|) / 2 below 22, e^|x| / 2 above, and in two halves near overflow.
#[no_mangle]
pub extern "C" fn roast_fdlibm_cosh(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x * x; // inf or NaN
    }
    if ix < 0x3fd6_2e43 {
        // |x| < ln2/2
        let t = roast_fdlibm_expm1(x.abs());
        let w = 1.0 + t;
        if ix < 0x3c80_0000 {
            return w; // cosh(tiny) = 1
        }
        return 1.0 + (t * t) / (w + w);
    }
    if ix < 0x4036_0000 {
        // |x| < 22
        let t = roast_fdlibm_exp(x.abs());
        return 0.5 * t + 0.5 / t;
    }
    if ix < 0x4086_2E42 {
        return 0.5 * roast_fdlibm_exp(x.abs());
    }
    if below_sinh_overflow(ix, x) {
        let w = roast_fdlibm_exp(0.5 * x.abs());
        let t = 0.5 * w;
        return t * w;
    }
    HUGE * HUGE // overflow
}

/// `StrictMath.tanh`: fdlibm's `tanh`. 1 - 2 / (expm1(2|x|) + 2) for |x| >= 1,
/// -expm1(-2|x|) / (expm1(-2|x|) + 2) below, ±1 from 22 on.
#[no_mangle]
pub extern "C" fn roast_fdlibm_tanh(x: f64) -> f64 {
    let jx = high_word(x);
    let ix = jx & 0x7fff_ffff;
    let negative = (jx as i32) < 0;
    if ix >= 0x7ff0_0000 {
        // tanh(±inf) = ±1, tanh(NaN) = NaN
        return if negative {
            1.0 / x - 1.0
        } else {
            1.0 / x + 1.0
        };
    }
    let z = if ix < 0x4036_0000 {
        // |x| < 22
        if ix < 0x3c80_0000 {
            return x * (1.0 + x); // |x| < 2^-55
        }
        if ix >= 0x3ff0_0000 {
            let t = roast_fdlibm_expm1(2.0 * x.abs());
            1.0 - 2.0 / (t + 2.0)
        } else {
            let t = roast_fdlibm_expm1(-2.0 * x.abs());
            -t / (t + 2.0)
        }
    } else {
        1.0 - TINY // |x| >= 22: ±1 with inexact
    };
    if negative {
        -z
    } else {
        z
    }
}
