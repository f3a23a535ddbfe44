//! `Math.log` as HotSpot's `StubRoutines::dlog` computes it (Intel LIBM, table-driven).
//!
//! Algorithm (from the stub's description): x = 2^k mx with mx in [1, 2); B ~ 1/mx from the
//! processor's `rcpps` rounded to 7 bits; r = B mx - 1 (computed exactly from a head and a
//! tail of mx); log(x) = k ln2 - log(B) + p(r), -log(B) from a table (head and tail), p a
//! polynomial of degree 7, the sum formed from high and low parts.

use super::{f, word3};
use std::arch::x86_64::{_mm_castps_si128, _mm_castsi128_ps};
use std::arch::x86_64::{_mm_cvtsi128_si32, _mm_rcp_ps, _mm_set_epi64x};

const ONE: u64 = 0x3ff0000000000000;
/// Exponent that puts the mantissa of x at 2^896, to meet B's exponent bias (see `reduce`).
const MANT_EXP: u64 = 0x77f0000000000000;
/// Keeps the sign, the exponent and the top 7 mantissa bits.
const HEAD_MASK: u64 = 0xffffe00000000000;
/// ln2/16 in a head and a tail (k is scaled by 16).
const LN2_16_HI: f64 = f(0x3fa62e42fefa3800);
const LN2_16_LO: f64 = f(0x3ceef35793c76730);
/// Polynomial coefficients as the stub pairs them in its registers.
const A7: f64 = f(0x3fc2492492492492); // 1/7
const A4: f64 = f(0xbfd0000000000000); // -1/4
const A6: f64 = f(0xbfc5555e3d6fb175); // ~ -1/6
const A3: f64 = f(0x3fd5555555555555); // 1/3
const A5: f64 = f(0x3fc999999999999a); // 1/5
const A2: f64 = f(0xbfe0000000000000); // -1/2

/// -log(B) for the 129 values of B, as (head, tail).
#[rustfmt::skip]
const LOG_TABLE: [u64; 258] = [
    0x3fe62e42fefa3800, 0x3d2ef35793c76730,
    0x3fe5ee82aa241800, 0x3d2202380cda46be,
    0x3fe5af405c364800, 0x3d2dfa63ac10c9fb,
    0x3fe5707a26bb8c00, 0x3d09980bff3303dd,
    0x3fe5322e26867800, 0x3d05ccc45d257531,
    0x3fe4f45a835a5000, 0xbd2e6c516d93b8fb,
    0x3fe4b6fd6f970c00, 0x3cef7115ed4c541c,
    0x3fe47a1527e8a400, 0xbd22cb6af94d60aa,
    0x3fe43d9ff2f92400, 0xbcfd984f481051f7,
    0x3fe4019c2125cc00, 0xbd26ce7930f0c74c,
    0x3fe3c6080c36c000, 0xbd02b7367cfe13c2,
    0x3fe38ae217197800, 0xbd218b7abb5569a4,
    0x3fe35028ad9d8c00, 0x3d10b83f9527e6ac,
    0x3fe315da44340800, 0xbd274e93c5a0ed9c,
    0x3fe2dbf557b0e000, 0xbd17a6e507b9dc11,
    0x3fe2a2786d0ec000, 0x3d206d2be797882d,
    0x3fe269621134dc00, 0xbd0b61f105226250,
    0x3fe230b0d8bebc00, 0x3d12fc066e48667b,
    0x3fe1f8635fc61800, 0xbd2a7242c9fe81d3,
    0x3fe1c07849ae6000, 0x3cccacdeed70e667,
    0x3fe188ee40f23c00, 0x3d14cc4ef8ab4650,
    0x3fe151c3f6f29800, 0xbd2edd97a293ae49,
    0x3fe11af823c75c00, 0xbd258647bb9ddcb2,
    0x3fe0e4898611cc00, 0x3d1c299807801742,
    0x3fe0ae76e2d05400, 0x3d1f486b887e7e27,
    0x3fe078bf0533c400, 0x3d26812241edf5fd,
    0x3fe04360be760400, 0xbd04c45fe79539e0,
    0x3fe00e5ae5b20800, 0xbd053ba3b1727b1c,
    0x3fdfb358af7a4800, 0x3d0085fa3c164935,
    0x3fdf4aa7ee031800, 0x3d12cde56f014a8b,
    0x3fdee2a156b41000, 0x3d2f27f45a470251,
    0x3fde7b42c3ddb000, 0xbd2465505372bd08,
    0x3fde148a1a272800, 0xbd1326b207322938,
    0x3fddae75484c9800, 0xbd1ea42d60dc616a,
    0x3fdd490246def800, 0x3d235bafe9a767a8,
    0x3fdce42f18064800, 0xbd0797c33ec7a6b0,
    0x3fdc7ff9c7455800, 0xbd29b6ddc15249ae,
    0x3fdc1c60693fa000, 0x3d2cec807fe8e180,
    0x3fdbb9611b80e000, 0x3d27d85bf40a666d,
    0x3fdb56fa04462800, 0x3d1095252d841995,
    0x3fdaf5295248d000, 0xbd217cc552774458,
    0x3fda93ed3c8ad800, 0x3d1e36f2bea77a5d,
    0x3fda33440224f800, 0x3d23c6457f9d79f5,
    0x3fd9d32bea15f000, 0xbd26279e10d0c0b0,
    0x3fd973a343135800, 0xbd152313a502d9f0,
    0x3fd914a8635bf800, 0xbd1766b52ee6307d,
    0x3fd8b639a88b3000, 0xbd205ae1e5e70470,
    0x3fd85855776dc800, 0x3d2fd56f3333778a,
    0x3fd7fafa3bd81800, 0xbd272090c812566a,
    0x3fd79e26687cf800, 0x3d29ec7d2efd1778,
    0x3fd741d876c67800, 0x3d2d8b0949dc60b3,
    0x3fd6e60ee6af1800, 0x3d1721657c222d87,
    0x3fd68ac83e9c6800, 0x3d20a0d32756eba0,
    0x3fd630030b3ab000, 0xbd2db623e731ae00,
    0x3fd5d5bddf596000, 0xbd0a0b2a08a465dc,
    0x3fd57bf753c8d000, 0x3d1fadedee5d40ef,
    0x3fd522ae0738a000, 0x3d2ebe708164c759,
    0x3fd4c9e09e173000, 0xbd2e20891b0ad8a4,
    0x3fd4718dc271c800, 0xbd2f27ce0967d675,
    0x3fd419b423d5e800, 0x3d08e436ec90e09d,
    0x3fd3c25277333000, 0x3d183b54b606bd5c,
    0x3fd36b6776be1000, 0x3d116ecdb0f177c8,
    0x3fd314f1e1d36000, 0xbd28e27ad3213cb8,
    0x3fd2bef07cdc9000, 0x3d2a9cfa4a5004f4,
    0x3fd269621134d800, 0x3d2c93c1df5bb3b6,
    0x3fd214456d0eb800, 0x3d0a87deba46baea,
    0x3fd1bf99635a6800, 0x3d2ca6ed5147bdb7,
    0x3fd16b5ccbacf800, 0x3d2b9acdf7a51681,
    0x3fd1178e8227e800, 0xbd2c210e63a5f01c,
    0x3fd0c42d67616000, 0x3d27188b163ceae9,
    0x3fd07138604d5800, 0x3cf89cdb16ed4e91,
    0x3fd01eae5626c800, 0xbd16f08c1485e94a,
    0x3fcf991c6cb3b000, 0x3d1bcbecca0cdf30,
    0x3fcef5ade4dd0000, 0xbcca211565bb8e11,
    0x3fce530effe71000, 0x3cc212276041f430,
    0x3fcdb13db0d49000, 0xbd2aff2af715b035,
    0x3fcd1037f2656000, 0xbd084a7e75b6f6e4,
    0x3fcc6ffbc6f01000, 0xbcf1ec72c5962bd2,
    0x3fcbd087383be000, 0xbd2d4bc4595412b6,
    0x3fcb31d8575bd000, 0xbd0c358d4eace1aa,
    0x3fca93ed3c8ae000, 0xbd28724350562169,
    0x3fc9f6c407089000, 0x3d29904d6865817a,
    0x3fc95a5adcf70000, 0x3d07f22858a0ff6f,
    0x3fc8beafeb390000, 0xbd073d54aae92cd1,
    0x3fc823c16551a000, 0x3d1e0ddb9a631e83,
    0x3fc7898d85445000, 0xbd1c661070914305,
    0x3fc6f0128b757000, 0xbd25118de59c21e1,
    0x3fc6574ebe8c1000, 0x3d19cf8b2c3c2e78,
    0x3fc5bf406b544000, 0xbd127023eb68981c,
    0x3fc527e5e4a1b000, 0x3d2633e8e5697dc7,
    0x3fc4913d8333b000, 0x3d25837954fdb678,
    0x3fc3fb45a5993000, 0xbd2cd1d87e6a354d,
    0x3fc365fcb0159000, 0x3cc62fa8234b7289,
    0x3fc2d1610c868000, 0x3d039d6ccb81b4a1,
    0x3fc23d712a49c000, 0x3d100d238fd3df5c,
    0x3fc1aa2b7e23f000, 0x3d2ca78e44389934,
    0x3fc1178e8227e000, 0x3d21ef78ce2d07f2,
    0x3fc08598b59e4000, 0xbd27e5dd7009902c,
    0x3fbfe89139dbe000, 0xbd2534d64fa10afd,
    0x3fbec739830a2000, 0xbd2dc068afe645e0,
    0x3fbda72763844000, 0x3d1a89401fa71733,
    0x3fbc885801bc4000, 0x3d2646d1c65aacd3,
    0x3fbb6ac88dad6000, 0xbd1390802bf768e5,
    0x3fba4e7640b1c000, 0xbd0e42b6b94407c8,
    0x3fb9335e5d594000, 0x3d23115c3abd47da,
    0x3fb8197e2f40e000, 0x3d0f80dcf96ffdf7,
    0x3fb700d30aeac000, 0x3cec1e8da99ded32,
    0x3fb5e95a4d97a000, 0xbd2c69063c5d1d1e,
    0x3fb4d3115d208000, 0xbcf53a2582f4e1ef,
    0x3fb3bdf5a7d1e000, 0x3d2cc85ea5db4ed7,
    0x3fb2aa04a4472000, 0xbd20b6e8ae9c697d,
    0x3fb1973bd1466000, 0xbd25325d560d9e9b,
    0x3fb08598b59e4000, 0xbd17e5dd7009902c,
    0x3faeea31c006c000, 0xbd0e113e4fc93b7b,
    0x3faccb73cdddc000, 0xbd1a68f247d82807,
    0x3faaaef2d0fb0000, 0x3d20fc1a353bb42e,
    0x3fa894aa149fc000, 0xbd197995d05a267d,
    0x3fa67c94f2d4c000, 0xbd029efbec19afa2,
    0x3fa466aed42e0000, 0xbd2c167375bdfd28,
    0x3fa252f32f8d0000, 0x3d283e9ae021b67b,
    0x3fa0415d89e74000, 0x3d0111c05cf1d753,
    0x3f9c63d2ec148000, 0x3d2578c63f9eb2f3,
    0x3f98492528c90000, 0xbd2aa0ba325a0c34,
    0x3f9432a925980000, 0x3d098139928637fe,
    0x3f90205658938000, 0xbd23dc5b06e2f7d2,
    0x3f882448a3890000, 0xbd275577da74f640,
    0x3f80101575890000, 0xbd10c76b999d2be8,
    0x3f70080559580000, 0x3d2166afcb31c67b,
    0x0000000000000000, 0x8000000000000000,
];

/// The stub's `rcpps` step on the bits of `x | 1.0` shifted into single-precision lanes:
/// returns the low lane of the reciprocal (and of the neighbouring lane, whose low 3 bits
/// reach the 64-bit lane after the later shift) as the 64-bit lane.
fn reciprocal_lane(x_or_one: u64) -> u64 {
    let v = x_or_one >> 27;
    // psrld 2 on both 32-bit halves
    let v = ((v & 0xffff_ffff) >> 2) | (((v >> 32) >> 2) << 32);
    // SAFETY: SSE2 is part of the x86-64 baseline; these intrinsics only move and compute
    // register values.
    unsafe {
        let r = _mm_castps_si128(_mm_rcp_ps(_mm_castsi128_ps(_mm_set_epi64x(0, v as i64))));
        let lo = _mm_cvtsi128_si32(r) as u32 as u64;
        let hi = _mm_cvtsi128_si32(std::arch::x86_64::_mm_srli_si128(r, 4)) as u32 as u64;
        (hi << 32) | lo
    }
}

/// `Math.log` on HotSpot x86-64.
#[no_mangle]
pub extern "C" fn roast_hotspot_log(x: f64) -> f64 {
    let top = word3(x);
    if top.wrapping_sub(16) >= 32736 {
        // Not a positive normal finite double.
        return special(x, top);
    }
    core(x, top.wrapping_sub(16), 0x3fe0)
}

/// log(x) for positive normal `x`: `top` is the exponent word the stub keeps in eax (the
/// top 16 bits, minus 16 on the normal path) and `bias` the exponent word of 2^0 for it.
fn core(x: f64, top: u32, bias: i32) -> f64 {
    let rcp = reciprocal_lane(x.to_bits() | ONE);
    // Round the reciprocal to 7 mantissa bits: add half a unit of bit 16 of its float lane.
    let rcp = (rcp & 0xffff_ffff_0000_0000) | u64::from((rcp as u32).wrapping_add(0x8000));
    let index = (((rcp as u32) & 0x00ff_0000) >> 12) as usize / 16;
    // B as a double: the float's fields moved up by 29 bits (its exponent bias cancels
    // against the 2^896 of the mantissa below).
    let b = f((rcp << 29) & HEAD_MASK);
    let mant = f(((x.to_bits() << 12) >> 12) | MANT_EXP);
    let mant_hi = f(mant.to_bits() & HEAD_MASK);
    let mant_lo = mant - mant_hi;
    let k16 = f64::from(((top & 0x7ff0) as i32) - bias); // 16 k
                                                                  // r = B mx - 1, exactly: B mx_hi is exact, B mx_lo carries the rest.
    let r = mant_lo * b + (mant_hi * b - 1.0);
    let t_hi = f(LOG_TABLE[2 * index]);
    let t_lo = f(LOG_TABLE[2 * index + 1]);
    let head = t_hi + LN2_16_HI * k16; // -log(B) + k ln2, head
    let tail = k16 * LN2_16_LO + t_lo;
    let sum = head + r;
    let r_err = r + (head - sum); // what the addition of r lost
    let r2 = r * r;
    let r4 = r2 * r2;
    let odd = ((A6 * r + A5) * r + (A7 * r) * r2) * r4;
    let even = ((A3 * r + A2) + A4 * r2) * r2;
    let low = ((r_err + tail) + odd) + even;
    sum + low
}

/// Zero, subnormals, negative numbers, infinities and NaN.
fn special(x: f64, top: u32) -> f64 {
    if top >= 32768 {
        // Negative (or -0, -inf, negative NaN).
        let lo = x.to_bits() as u32;
        let hi2 = ((x.to_bits() >> 32) as u32).wrapping_add((x.to_bits() >> 32) as u32);
        if hi2 >= 0xffe0_0000 {
            if hi2 > 0xffe0_0000 || lo != 0 {
                return x + x; // NaN
            }
            return invalid(); // -inf
        }
        if (lo | hi2) == 0 {
            return f(0xbff0000000000000) / 0.0; // log(-0) = -inf
        }
        return invalid();
    }
    if top >= 16 {
        return x + x; // +inf or NaN
    }
    // +0 or subnormal
    if (0.0 + x).to_bits() == 0 {
        return f(0xbff0000000000000) / 0.0; // log(+0) = -inf
    }
    // Scale by 2^128 and take the normal path with the exponent bias moved accordingly.
    let y = x * f(0x47f0000000000000);
    core(y, word3(y), 0x47f0)
}

/// The stub's NaN for invalid arguments: 0 * inf (the default NaN).
fn invalid() -> f64 {
    let zero = std::hint::black_box(0.0f64);
    zero * f64::INFINITY
}
