//! `Math.sin` and `Math.cos` as HotSpot's `StubRoutines::dsin` and `dcos` compute them
//! (Intel LIBM, table-driven; the two stubs share tables and code shape, cos(x) being
//! evaluated as sin(x + pi/2) by moving the table index 16 entries).
//!
//! Algorithm (from the stub's description): x = N pi/32 + r with N = round(x 32/pi) and
//! pi/32 in three parts (P_1, P_2 of 32 bits, so N P_i is exact, and P_3); B = (N mod 64)
//! pi/32 indexes a table of sin(B) (head S_hi and tail S_lo), C_hl = cos(B) - sigma and
//! sigma (the power of two closest to cos(B)); sin(B + r) is summed from
//! [S_hi + sigma r] + C_hl r + S_hi (cos(r) - 1) + (C_hl + sigma)(sin(r) - r) + corrections,
//! with compensated summations. Arguments of 2^-252 <= |x| < 90112 take that path
//! directly; larger ones are first reduced modulo pi/4 with an integer multiplication by 4/pi
//! (`super::reduce::reduce_large`).

use super::reduce::{reduce_large, CTABLE, SIN_COS};
use super::{f, word3};

/// 32/pi.
pub(super) const PI32INV: f64 = f(0x40245f306dc9c883);
/// pi/32 in three parts: two of 32 bits and the rest.
pub(super) const P_1: f64 = f(0x3fb921fb54400000);
pub(super) const P_2: f64 = f(0x3d90b4611a600000);
pub(super) const P_3: f64 = f(0x3b63198a2e037073);
/// Coefficients of the sin(r) - r (lane 0) and cos(r) - 1 (lane 1) polynomials.
const SC_1: [f64; 2] = [f(0xbfc5555555555555), f(0xbfe0000000000000)];
const SC_2: [f64; 2] = [f(0x3f81111111111111), f(0x3fa5555555555555)];
const SC_3: [f64; 2] = [f(0xbf2a01a01a01a01a), f(0xbf56c16c16c16c17)];
const SC_4: [f64; 2] = [f(0x3ec71de3a556c734), f(0x3efa01a01a01a01a)];

/// `Math.sin` on HotSpot x86-64.
#[no_mangle]
pub extern "C" fn roast_hotspot_sin(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let range = (hx & 0x7fff_0000).wrapping_sub(0x3030_0000);
    if range <= 0x10C5_0000 {
        // 2^-252 <= |x| < 90112
        return sin_reduced(x, 0.0, 0, SIN);
    }
    if (range as i32) <= 0x10C5_0000 {
        // |x| < 2^-252: zero and subnormals times (1 - 2^-53), others rounded from 2^55 x - x.
        if range >> 20 == 3325 {
            return x * f(0x3fefffffffffffff);
        }
        return (f(0x4360000000000000) * x - x) * f(0x3c80000000000000);
    }
    if word3(x) & 0x7ff0 == 0x7ff0 {
        return x * -0.0; // inf or NaN: NaN
    }
    let (hi, lo, quadrant) = reduce_large(x, &SIN_COS);
    sin_reduced(hi, lo, quadrant, SIN)
}

/// `Math.cos` on HotSpot x86-64.
#[no_mangle]
pub extern "C" fn roast_hotspot_cos(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let range = (hx & 0x7fff_0000).wrapping_sub(0x3030_0000);
    if range <= 0x10C5_0000 {
        return sin_reduced(x, 0.0, 0, COS);
    }
    if (range as i32) <= 0x10C5_0000 {
        // |x| < 2^-252: 1 - |x|.
        return 1.0 - x.abs();
    }
    if word3(x) & 0x7ff0 == 0x7ff0 {
        return x * -0.0; // inf or NaN: NaN
    }
    let (hi, lo, quadrant) = reduce_large(x, &SIN_COS);
    sin_reduced(hi, lo, quadrant, COS)
}

/// The stubs' table index bias (a multiple of 64) and offset: 0 for sin, 16 (pi/2) for cos.
const SIN: i32 = 1_865_216;
const COS: i32 = 1_865_232;

/// sin(x + lo + q pi/4 + bias pi/32): the stubs' main path on an argument x already reduced
/// (or small), with the tail `lo` of the reduction, `q` multiples of pi/4 and the stub's
/// index bias (`SIN` or `COS`) turned into a table index.
fn sin_reduced(x: f64, lo: f64, q: u32, bias: i32) -> f64 {
    // N = round-half-away(x 32/pi), by truncating x 32/pi ± 1/2.
    let half = f(0x3fe0000000000000 | (x.to_bits() & 0x8000_0000_0000_0000));
    let n = (x * PI32INV + half) as i32;
    let nd = f64::from(n);
    let index = (n.wrapping_add(bias).wrapping_add((q << 3) as i32) & 63) as usize;
    table_sum(x, lo, nd, index)
}

/// The sum of the stub for argument `x` (tail `lo`), N = `nd` and table entry `index`.
fn table_sum(x: f64, lo: f64, nd: f64, index: usize) -> f64 {
    let c_hl = f(CTABLE[4 * index]);
    let s_hi = f(CTABLE[4 * index + 1]);
    let s_lo = f(CTABLE[4 * index + 2]);
    let sigma = f(CTABLE[4 * index + 3]);
    let m1 = P_1 * nd;
    let m2 = P_2 * nd;
    let m3 = nd * P_3;
    let r1 = x - m1;
    let r = r1 - m2;
    let c2 = (r1 - r) - m2;
    let minus_c = (m3 - c2) - lo;
    let minus_d = s_hi * r - (c_hl + sigma);
    // Polynomial lanes: 0 is (sin(r) - r) / r^3, 1 is (cos(r) - 1) / r^2.
    let msc4 = [SC_4[0] * r1 * r, SC_4[1] * r1 * r];
    let r2 = r * r;
    let r4 = r2 * r2;
    let msc2 = [SC_2[0] * r2, SC_2[1] * r2];
    let weight = [(c_hl + sigma) * r * r2, s_hi * r2];
    let psc3 = [(msc4[0] + SC_3[0]) * r4, (msc4[1] + SC_3[1]) * r4];
    let psc1 = [msc2[0] + SC_1[0], msc2[1] + SC_1[1]];
    let pols = [
        (psc1[0] + psc3[0]) * weight[0],
        (psc1[1] + psc3[1]) * weight[1],
    ];
    // Compensated sums of S_hi + sigma r + C_hl r.
    let rs = sigma * r;
    let med = r * c_hl;
    let res_int = rs + s_hi;
    let res_hi = med + res_int;
    let k2 = (s_hi - res_int) + rs;
    let k3 = (res_int - res_hi) + med;
    let corr = minus_c * minus_d + s_lo;
    let res_lo = (((corr + k2) + k3) + pols[0]) + pols[1];
    res_hi + res_lo
}
