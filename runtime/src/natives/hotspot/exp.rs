//! `Math.exp` as HotSpot's `StubRoutines::dexp` computes it (Intel LIBM, table-driven).
//!
//! Algorithm (from the stub's description): x = m ln2/64 + r with |r| <= ln2/128, m rounded
//! from x 64/ln2 with the 1.5 2^52 shifter; m = 64 n + j; e^x = 2^n T[j] (1 + p(r)) with
//! T[j] = 2^(j/64) tabulated as a relative low part (lane 0) and the mantissa bits of the
//! high part (lane 1, completed with the exponent n). Results that are not normal doubles
//! (n outside [-894, 1022]) are scaled in two steps.

use super::{f, word3};

/// 64/ln2.
const L2E64: f64 = f(0x40571547652b82fe);
/// 1.5 2^52: adding it rounds to an integer kept in the low mantissa bits.
const SHIFTER: f64 = f(0x4338000000000000);
/// ln2/64 in a head (trailing zeros, so m ln2/64 is exact) and a tail.
const LN2_64_HI: f64 = f(0x3f862e42fefa0000);
const LN2_64_LO: f64 = f(0x3d1cf79abc9e3b3a);
/// Just below 1/2: the coefficient of r^2.
const HALF: f64 = f(0x3fdffffffffffffe);
/// Polynomial coefficients, as the stub pairs them: (c0, c1) multiply r, (c2, c3) are added.
const C0: f64 = f(0x3f56c15ce3289860);
const C1: f64 = f(0x3fa55555555b9e25);
const C2: f64 = f(0x3f811115c090cf0f);
const C3: f64 = f(0x3fc5555555548ba1);
const ONE: u64 = 0x3ff0000000000000;

/// 2^(j/64), j = 0..63: pairs (relative low part, mantissa bits of the high part).
#[rustfmt::skip]
const EXP_TABLE: [u64; 128] = [
    0x0000000000000000, 0x0000000000000000,
    0x3cad7bbf0e03754d, 0x00002c9a3e778060,
    0x3c8cd2523567f613, 0x000059b0d3158574,
    0x3c60f74e61e6c861, 0x0000874518759bc8,
    0x3c979aa65d837b6c, 0x0000b5586cf9890f,
    0x3c3ebe3d702f9cd1, 0x0000e3ec32d3d1a2,
    0x3ca3516e1e63bcd8, 0x00011301d0125b50,
    0x3ca4c55426f0387b, 0x0001429aaea92ddf,
    0x3ca9515362523fb6, 0x000172b83c7d517a,
    0x3c8b898c3f1353bf, 0x0001a35beb6fcb75,
    0x3c9aecf73e3a2f5f, 0x0001d4873168b9aa,
    0x3c8a6f4144a6c38d, 0x0002063b88628cd6,
    0x3c968efde3a8a894, 0x0002387a6e756238,
    0x3c80472b981fe7f2, 0x00026b4565e27cdd,
    0x3c82f7e16d09ab31, 0x00029e9df51fdee1,
    0x3c8b3782720c0ab3, 0x0002d285a6e4030b,
    0x3c834d754db0abb6, 0x000306fe0a31b715,
    0x3c8fdd395dd3f84a, 0x00033c08b26416ff,
    0x3ca12f8ccc187d29, 0x000371a7373aa9ca,
    0x3ca7d229738b5e8b, 0x0003a7db34e59ff6,
    0x3c859f48a72a4c6d, 0x0003dea64c123422,
    0x3ca8b846259d9205, 0x0004160a21f72e29,
    0x3c4363ed60c2ac12, 0x00044e086061892d,
    0x3c6ecce1daa10379, 0x000486a2b5c13cd0,
    0x3c7690cebb7aafb0, 0x0004bfdad5362a27,
    0x3ca083cc9b282a09, 0x0004f9b2769d2ca6,
    0x3ca509b0c1aae707, 0x0005342b569d4f81,
    0x3c93350518fdd78e, 0x00056f4736b527da,
    0x3c9063e1e21c5409, 0x0005ab07dd485429,
    0x3c9432e62b64c035, 0x0005e76f15ad2148,
    0x3ca0128499f08c0a, 0x0006247eb03a5584,
    0x3c99f0870073dc06, 0x0006623882552224,
    0x3c998d4d0da05571, 0x0006a09e667f3bcc,
    0x3ca52bb986ce4786, 0x0006dfb23c651a2e,
    0x3ca32092206f0dab, 0x00071f75e8ec5f73,
    0x3ca061228e17a7a6, 0x00075feb564267c8,
    0x3ca244ac461e9f86, 0x0007a11473eb0186,
    0x3c65ebe1abd66c55, 0x0007e2f336cf4e62,
    0x3c96fe9fbbff67d0, 0x00082589994cce12,
    0x3c951f1414c801df, 0x000868d99b4492ec,
    0x3c8db72fc1f0eab4, 0x0008ace5422aa0db,
    0x3c7bf68359f35f44, 0x0008f1ae99157736,
    0x3ca360ba9c06283c, 0x00093737b0cdc5e4,
    0x3c95e8d120f962aa, 0x00097d829fde4e4f,
    0x3c71affc2b91ce27, 0x0009c49182a3f090,
    0x3c9b6d34589a2ebd, 0x000a0c667b5de564,
    0x3c95277c9ab89880, 0x000a5503b23e255c,
    0x3c8469846e735ab3, 0x000a9e6b5579fdbf,
    0x3c8c1a7792cb3387, 0x000ae89f995ad3ad,
    0x3ca22466dc2d1d96, 0x000b33a2b84f15fa,
    0x3ca1112eb19505ae, 0x000b7f76f2fb5e46,
    0x3c74ffd70a5fddcd, 0x000bcc1e904bc1d2,
    0x3c736eae30af0cb3, 0x000c199bdd85529c,
    0x3c84e08fd10959ac, 0x000c67f12e57d14b,
    0x3c676b2c6c921968, 0x000cb720dcef9069,
    0x3c93700936df99b3, 0x000d072d4a07897b,
    0x3c74a385a63d07a7, 0x000d5818dcfba487,
    0x3c8e5a50d5c192ac, 0x000da9e603db3285,
    0x3c98bb731c4a9792, 0x000dfc97337b9b5e,
    0x3c74b604603a88d3, 0x000e502ee78b3ff6,
    0x3c916f2792094926, 0x000ea4afa2a490d9,
    0x3c8ec3bc41aa2008, 0x000efa1bee615a27,
    0x3c8a64a931d185ee, 0x000f50765b6e4540,
    0x3c77893b4d91cd9d, 0x000fa7c1819e90d8,
];

/// `Math.exp` on HotSpot x86-64.
#[no_mangle]
pub extern "C" fn roast_hotspot_exp(x: f64) -> f64 {
    // Fast path for 2^-54 <= |x| < 1024 (checked on the top 16 bits).
    let top = (word3(x) & 0x7fff) as i32;
    if ((16527 - top) | (top - 15504)) < 0 {
        return special(x);
    }
    // m = round(x 64/ln2); its integer is in the low bits of `shifted`.
    let shifted = x * L2E64 + SHIFTER;
    let m = shifted - SHIFTER;
    let r_hi = x - m * LN2_64_HI;
    let k = shifted.to_bits() as u32 as i32;
    let j = (k & 63) as usize;
    let n = k >> 6;
    // 2^n as bits: ((64 n mod 2^32) + 64 * 1023) << 46, wrapping like the stub's paddq/psllq.
    let scale = ((shifted.to_bits() & 0xffff_ffc0).wrapping_add(0xffc0)) << 46;
    let r = r_hi - m * LN2_64_LO;
    let t_lo = f(EXP_TABLE[2 * j]);
    let t_frac = EXP_TABLE[2 * j + 1];
    // p = r^3 (c3 + c1 r) + ((r + T_lo) + r^5 (c2 + c0 r)) + r^2 HALF
    let r2 = r * r;
    let r3 = r * r2;
    let r5 = r3 * r2;
    let q_even = C2 + C0 * r;
    let q_odd = C3 + C1 * r;
    let half_r2 = r2 * HALF;
    let low = (r + t_lo) + r5 * q_even;
    let p = (r3 * q_odd + low) + half_r2;
    let t_bits = t_frac | scale; // 2^n T[j]
    if ((n + 894) as u32) <= 1916 {
        let t = f(t_bits);
        return p * t + t;
    }
    scaled_result(p, t_bits, n)
}

/// e^x = 2^n T (1 + p) when 2^n is not a normal double: T is first scaled by
/// 2^-(n >> 1) (on the exponent field, wrapping), the result by 2^(n >> 1); near the
/// subnormal range T is split so that the final multiplication is exact, and a subnormal
/// result is assembled by adding bit patterns.
fn scaled_result(p: f64, t_bits: u64, n: i32) -> f64 {
    let shift = -1022 - n;
    // psllq by a count above 63 (also a negative count, zero-extended) clears everything.
    let mask = if (shift as u32) < 64 {
        u64::MAX << shift
    } else {
        0
    };
    let half_n = u64::from((n >> 1) as u32 & 0xffff);
    let half_n_exp = (half_n << 48) << 4; // (n >> 1) in the exponent field
    let t = f(t_bits.wrapping_sub(half_n_exp)); // psubd on the high word
    let scale = f(half_n_exp.wrapping_add(ONE)); // 2^(n >> 1) (paddd on the high word)
    let res = p * t;
    if shift > 52 {
        // Deep underflow: one rounding.
        return (res + t) * scale;
    }
    let t_hi = f(mask & t.to_bits());
    let res = res + (t - t_hi);
    if n >= 1023 {
        return (res + t_hi) * scale;
    }
    let negative = word3(res) & 0x8000;
    if (shift as u32 | negative) == 0 {
        return (res + t_hi) * scale;
    }
    let out = (res + t_hi) * scale;
    if word3(out) & 0x7ff0 != 0 {
        return out;
    }
    // Subnormal result: scale both parts (the head exactly) and add them as integers.
    let low = (res * scale).to_bits();
    let high = (t_hi * scale).to_bits();
    let magnitude = low & !(1 << 63);
    let signed = if ((low ^ high) >> 63) != 0 {
        magnitude.wrapping_neg()
    } else {
        magnitude
    };
    f(signed.wrapping_add(high))
}

/// |x| < 2^-54, |x| >= 1024, infinities and NaN.
fn special(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let ax = hx & 0x7fff_ffff;
    if ax < 0x4090_0000 {
        return x + 1.0; // tiny: e^x rounds to 1 + x
    }
    if ax < 0x7ff0_0000 {
        return if (hx as i32) < 0 {
            f(0x0010000000000000) * f(0x0010000000000000) // underflow to 0
        } else {
            f(0x7fefffffffffffff) * f(0x7fefffffffffffff) // overflow to inf
        };
    }
    if ax > 0x7ff0_0000 || x.to_bits() as u32 != 0 {
        return x + x; // NaN
    }
    if hx == 0x7ff0_0000 {
        f64::INFINITY
    } else {
        0.0
    }
}
