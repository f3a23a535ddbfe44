//! The large-argument reduction of HotSpot's `dsin`, `dcos` and `dtan` stubs, and the
//! table of the sin/cos stubs.
//!
//! For |x| >= 90112 the stubs multiply the 53-bit integer mantissa of x by 4/pi, taken
//! from a table of 32-bit chunks (`PI_INV_TABLE`) starting at the chunk that matters for
//! x's exponent, in 64-bit integer arithmetic; the top bits of the product give the
//! multiple of pi/4 and the next bits the fraction, which is normalized, converted to a
//! head and a tail in double precision and multiplied by pi/4 (in two parts). The code
//! below replays the stub's register operations: 32-bit operations (`movl`, `shll`, ...)
//! truncate to the low 32 bits and zero the upper ones, as on x86-64.

use super::f;

/// 4/pi in 32-bit chunks (two zero chunks first).
#[rustfmt::skip]
const PI_INV_TABLE: [u32; 41] = [
    0x00000000, 0x00000000, 0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0,
    0xdb629599, 0x3c439041, 0xfe5163ab, 0xdebbc561, 0xb7246e3a, 0x424dd2e0,
    0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e, 0xe88235f5, 0x2ebb4484,
    0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4, 0x9c845f8b, 0xbdf9283b,
    0x1ff897ff, 0xde05980f, 0xef2f118b, 0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7,
    0x4f463f66, 0x9e5fea2d, 0x7527bac7, 0xebe5f17b, 0x3d0739f7, 0x8a5292ea,
    0x6bfb5fb1, 0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc21,
];

/// For B = j pi/32, j = 0..63: C_hl = cos(B) - sigma, S_hi, S_lo (sin(B) in two parts),
/// sigma (the power of two closest to cos(B)).
#[rustfmt::skip]
pub(super) const CTABLE: [u64; 256] = [
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x3ff0000000000000,
    0xbf73b92e176d6d31, 0x3fb917a6bc29b42c, 0xbc3e2718e0000000, 0x3ff0000000000000,
    0xbf93ad06011469fb, 0x3fc8f8b83c69a60b, 0xbc626d19c0000000, 0x3ff0000000000000,
    0xbfa60bea939d225a, 0x3fd294062ed59f06, 0xbc75d28da0000000, 0x3ff0000000000000,
    0xbfb37ca1866b95cf, 0x3fd87de2a6aea963, 0xbc672cede0000000, 0x3ff0000000000000,
    0xbfbe3a6873fa1279, 0x3fde2b5d3806f63b, 0x3c5e0d8920000000, 0x3ff0000000000000,
    0xbfc592675bc57974, 0x3fe1c73b39ae68c8, 0x3c8b25dd20000000, 0x3ff0000000000000,
    0xbfcd0dfe53aba2fd, 0x3fe44cf325091dd6, 0x3c68076a20000000, 0x3ff0000000000000,
    0x3fca827999fcef32, 0x3fe6a09e667f3bcd, 0xbc8bdd3420000000, 0x3fe0000000000000,
    0x3fc133cc94247758, 0x3fe8bc806b151741, 0xbc82c5e120000000, 0x3fe0000000000000,
    0x3fac73b39ae68c87, 0x3fea9b66290ea1a3, 0x3c39f630e0000000, 0x3fe0000000000000,
    0xbf9d4a2c7f909c4e, 0x3fec38b2f180bdb1, 0xbc76e0b180000000, 0x3fe0000000000000,
    0xbfbe087565455a75, 0x3fed906bcf328d46, 0x3c7457e620000000, 0x3fe0000000000000,
    0x3fa4a03176acf82d, 0x3fee9f4156c62dda, 0x3c8760b1e0000000, 0x3fd0000000000000,
    0xbfac1d1f0e5967d5, 0x3fef6297cff75cb0, 0x3c75621720000000, 0x3fd0000000000000,
    0xbf9ba1650f592f50, 0x3fefd88da3d12526, 0xbc887df640000000, 0x3fc0000000000000,
    0x0000000000000000, 0x3ff0000000000000, 0x0000000000000000, 0x0000000000000000,
    0x3f9ba1650f592f50, 0x3fefd88da3d12526, 0xbc887df640000000, 0xbfc0000000000000,
    0x3fac1d1f0e5967d5, 0x3fef6297cff75cb0, 0x3c75621720000000, 0xbfd0000000000000,
    0xbfa4a03176acf82d, 0x3fee9f4156c62dda, 0x3c8760b1e0000000, 0xbfd0000000000000,
    0x3fbe087565455a75, 0x3fed906bcf328d46, 0x3c7457e620000000, 0xbfe0000000000000,
    0x3f9d4a2c7f909c4e, 0x3fec38b2f180bdb1, 0xbc76e0b180000000, 0xbfe0000000000000,
    0xbfac73b39ae68c87, 0x3fea9b66290ea1a3, 0x3c39f630e0000000, 0xbfe0000000000000,
    0xbfc133cc94247758, 0x3fe8bc806b151741, 0xbc82c5e120000000, 0xbfe0000000000000,
    0xbfca827999fcef32, 0x3fe6a09e667f3bcd, 0xbc8bdd3420000000, 0xbfe0000000000000,
    0x3fcd0dfe53aba2fd, 0x3fe44cf325091dd6, 0x3c68076a20000000, 0xbff0000000000000,
    0x3fc592675bc57974, 0x3fe1c73b39ae68c8, 0x3c8b25dd20000000, 0xbff0000000000000,
    0x3fbe3a6873fa1279, 0x3fde2b5d3806f63b, 0x3c5e0d8920000000, 0xbff0000000000000,
    0x3fb37ca1866b95cf, 0x3fd87de2a6aea963, 0xbc672cede0000000, 0xbff0000000000000,
    0x3fa60bea939d225a, 0x3fd294062ed59f06, 0xbc75d28da0000000, 0xbff0000000000000,
    0x3f93ad06011469fb, 0x3fc8f8b83c69a60b, 0xbc626d19c0000000, 0xbff0000000000000,
    0x3f73b92e176d6d31, 0x3fb917a6bc29b42c, 0xbc3e2718e0000000, 0xbff0000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0xbff0000000000000,
    0x3f73b92e176d6d31, 0xbfb917a6bc29b42c, 0x3c3e2718e0000000, 0xbff0000000000000,
    0x3f93ad06011469fb, 0xbfc8f8b83c69a60b, 0x3c626d19c0000000, 0xbff0000000000000,
    0x3fa60bea939d225a, 0xbfd294062ed59f06, 0x3c75d28da0000000, 0xbff0000000000000,
    0x3fb37ca1866b95cf, 0xbfd87de2a6aea963, 0x3c672cede0000000, 0xbff0000000000000,
    0x3fbe3a6873fa1279, 0xbfde2b5d3806f63b, 0xbc5e0d8920000000, 0xbff0000000000000,
    0x3fc592675bc57974, 0xbfe1c73b39ae68c8, 0xbc8b25dd20000000, 0xbff0000000000000,
    0x3fcd0dfe53aba2fd, 0xbfe44cf325091dd6, 0xbc68076a20000000, 0xbff0000000000000,
    0xbfca827999fcef32, 0xbfe6a09e667f3bcd, 0x3c8bdd3420000000, 0xbfe0000000000000,
    0xbfc133cc94247758, 0xbfe8bc806b151741, 0x3c82c5e120000000, 0xbfe0000000000000,
    0xbfac73b39ae68c87, 0xbfea9b66290ea1a3, 0xbc39f630e0000000, 0xbfe0000000000000,
    0x3f9d4a2c7f909c4e, 0xbfec38b2f180bdb1, 0x3c76e0b180000000, 0xbfe0000000000000,
    0x3fbe087565455a75, 0xbfed906bcf328d46, 0xbc7457e620000000, 0xbfe0000000000000,
    0xbfa4a03176acf82d, 0xbfee9f4156c62dda, 0xbc8760b1e0000000, 0xbfd0000000000000,
    0x3fac1d1f0e5967d5, 0xbfef6297cff75cb0, 0xbc75621720000000, 0xbfd0000000000000,
    0x3f9ba1650f592f50, 0xbfefd88da3d12526, 0x3c887df640000000, 0xbfc0000000000000,
    0x0000000000000000, 0xbff0000000000000, 0x0000000000000000, 0x0000000000000000,
    0xbf9ba1650f592f50, 0xbfefd88da3d12526, 0x3c887df640000000, 0x3fc0000000000000,
    0xbfac1d1f0e5967d5, 0xbfef6297cff75cb0, 0xbc75621720000000, 0x3fd0000000000000,
    0x3fa4a03176acf82d, 0xbfee9f4156c62dda, 0xbc8760b1e0000000, 0x3fd0000000000000,
    0xbfbe087565455a75, 0xbfed906bcf328d46, 0xbc7457e620000000, 0x3fe0000000000000,
    0xbf9d4a2c7f909c4e, 0xbfec38b2f180bdb1, 0x3c76e0b180000000, 0x3fe0000000000000,
    0x3fac73b39ae68c87, 0xbfea9b66290ea1a3, 0xbc39f630e0000000, 0x3fe0000000000000,
    0x3fc133cc94247758, 0xbfe8bc806b151741, 0x3c82c5e120000000, 0x3fe0000000000000,
    0x3fca827999fcef32, 0xbfe6a09e667f3bcd, 0x3c8bdd3420000000, 0x3fe0000000000000,
    0xbfcd0dfe53aba2fd, 0xbfe44cf325091dd6, 0xbc68076a20000000, 0x3ff0000000000000,
    0xbfc592675bc57974, 0xbfe1c73b39ae68c8, 0xbc8b25dd20000000, 0x3ff0000000000000,
    0xbfbe3a6873fa1279, 0xbfde2b5d3806f63b, 0xbc5e0d8920000000, 0x3ff0000000000000,
    0xbfb37ca1866b95cf, 0xbfd87de2a6aea963, 0x3c672cede0000000, 0x3ff0000000000000,
    0xbfa60bea939d225a, 0xbfd294062ed59f06, 0x3c75d28da0000000, 0x3ff0000000000000,
    0xbf93ad06011469fb, 0xbfc8f8b83c69a60b, 0x3c626d19c0000000, 0x3ff0000000000000,
    0xbf73b92e176d6d31, 0xbfb917a6bc29b42c, 0x3c3e2718e0000000, 0x3ff0000000000000,
];

/// What distinguishes the reduction of the sin/cos stubs (multiples of pi/4, the fraction
/// below bit 29 of the top word) from the tan stub's (multiples of pi/2, below bit 30).
pub(super) struct Reduction {
    /// Bit position of the binary point in the top word of the product.
    point: u32,
    /// The straddling case (the point in the word below) is taken for `ecx < below`, and
    /// shifts by `-ecx - extra`.
    below: i32,
    extra: i32,
    /// pi/4 in two parts (the stubs round the head differently).
    pi_4_hi: f64,
    pi_4_lo: f64,
    /// The sin/cos stubs return early when the fraction is 0; the tan stub converts it.
    zero_early: bool,
}

/// The sin and cos stubs' reduction.
pub(super) const SIN_COS: Reduction = Reduction {
    point: 29,
    below: 1,
    extra: 0,
    pi_4_hi: f(0x3fe921fb40000000),
    pi_4_lo: f(0x3e64442d18469899),
    zero_early: true,
};

/// The tan stub's reduction.
pub(super) const TAN: Reduction = Reduction {
    point: 30,
    below: 0,
    extra: 1,
    pi_4_hi: f(0x3fe921fb00000000),
    pi_4_lo: f(0x3e85110b4611a626),
    zero_early: false,
};

/// The low 32 bits of a register, zero-extended (a 32-bit `mov`).
fn lo32(v: u64) -> u64 {
    v & 0xffff_ffff
}

/// The 32-bit chunk of 4/pi at byte offset `off`.
fn chunk(off: usize) -> u64 {
    u64::from(PI_INV_TABLE[off / 4])
}

/// 0 - (hi:mid:lo) as the stub computes it with `sub`/`sbb`, `hi` starting from `top`.
fn negate(top: u64, hi: u64, mid: u64, lo: u64) -> (u64, u64, u64) {
    let (new_lo, b1) = 0u64.overflowing_sub(lo);
    let (t, b2a) = 0u64.overflowing_sub(mid);
    let (new_mid, b2b) = t.overflowing_sub(u64::from(b1));
    let new_hi = top.wrapping_sub(hi).wrapping_sub(u64::from(b2a || b2b));
    (new_hi, new_mid, new_lo)
}

/// Reduces a finite |x| >= 90112: returns (head, tail, q) where head + tail is the reduced
/// argument (times pi/4 already) and q the multiple of pi/4 as the stub leaves it in eax.
pub(super) fn reduce_large(x: f64, how: &Reduction) -> (f64, f64, u32) {
    let bits = x.to_bits();
    let w3 = (bits >> 48) as u32;
    let off = ((((w3 & 0x7ff0).wrapping_sub(16224)) >> 7) & 65532) as usize;
    // The mantissa with its implicit bit: rax (21 high bits) and rdx (32 low bits).
    let rax = u64::from((((bits >> 21) as u32) | 0x8000_0000) >> 11);
    let rdx = lo32(bits);
    // The product of the mantissa by the chunks of 4/pi, column by column.
    let mut r10 = chunk(off + 20);
    let mut r8 = chunk(off + 24);
    let mut r9 = r10;
    r10 = r10.wrapping_mul(rdx);
    r9 = r9.wrapping_mul(rax);
    r8 = r8.wrapping_mul(rax);
    let mut rsi = chunk(off + 16);
    let mut rdi = chunk(off + 12);
    let mut r11 = lo32(r10);
    r10 >>= 32;
    r9 = r9.wrapping_add(r10);
    r11 = r11.wrapping_add(r8);
    r8 = lo32(r11);
    r11 >>= 32;
    r9 = r9.wrapping_add(r11);
    r10 = rsi;
    rsi = rsi.wrapping_mul(rdx);
    r10 = r10.wrapping_mul(rax);
    r11 = rdi;
    rdi = rdi.wrapping_mul(rdx);
    let mut rbx = lo32(rsi);
    rsi >>= 32;
    r9 = r9.wrapping_add(rbx);
    rbx = lo32(r9);
    r9 >>= 32;
    r10 = r10.wrapping_add(rsi).wrapping_add(r9);
    rbx <<= 32;
    r8 |= rbx;
    r11 = r11.wrapping_mul(rax);
    r9 = chunk(off + 8);
    rsi = chunk(off + 4);
    rbx = lo32(rdi);
    rdi >>= 32;
    r10 = r10.wrapping_add(rbx);
    rbx = lo32(r10);
    r10 >>= 32;
    r11 = r11.wrapping_add(rdi).wrapping_add(r10);
    rdi = r9;
    r9 = r9.wrapping_mul(rdx);
    rdi = rdi.wrapping_mul(rax);
    r10 = lo32(r9);
    r9 >>= 32;
    r11 = r11.wrapping_add(r10);
    r10 = lo32(r11);
    r11 >>= 32;
    rdi = rdi.wrapping_add(r9).wrapping_add(r11);
    r9 = rsi;
    rsi = rsi.wrapping_mul(rdx);
    r9 = r9.wrapping_mul(rax);
    r10 <<= 32;
    r10 |= rbx;
    let first = chunk(off);
    r11 = lo32(rsi);
    rsi >>= 32;
    rdi = rdi.wrapping_add(r11);
    r11 = lo32(rdi);
    rdi >>= 32;
    r9 = r9.wrapping_add(rsi).wrapping_add(rdi);
    let rdx = rdx.wrapping_mul(first);
    // Position of the binary point relative to r9's bits.
    let sign = w3 & 0x8000;
    let exponent = ((w3 >> 4) & 2047) as i32 - 1023;
    let ecx = ((off as i32) * 8 + 19).wrapping_sub(exponent);
    r9 = r9.wrapping_add(rdx);
    let mut edx = ecx.wrapping_add(32);
    let negated: u32;
    let mut edi: u64;
    let point = how.point;
    let one = 1u32 << point; // the unit of the multiple in the top word
    if ecx < how.below {
        // The integer bits straddle r9 and r11.
        let cl = ecx.wrapping_neg().wrapping_sub(how.extra) as u32 & 63;
        r9 = ((r9 << 32) | r11) << cl;
        edi = r9;
        let fraction_at_least_half = r9 & 0x8000_0000 != 0;
        r9 = lo32(r9) >> (cl & 31);
        edi >>= 32 - point;
        if fraction_at_least_half {
            // Take 1 - fraction and round the multiple up.
            (r9, r10, r8) = negate(0x1_0000_0000u64 >> cl, r9, r10, r8);
            negated = 0x8000;
            edi = lo32(edi.wrapping_add(u64::from(one)));
        } else {
            negated = 0;
        }
    } else {
        let cl = (29 - ecx) as u32 & 31;
        r9 = lo32(r9 << cl);
        edi = r9;
        r9 &= u64::from(one - 1);
        if r9 & u64::from(one >> 1) != 0 {
            // Fraction at least 1/2: take 1 - fraction and round the multiple up.
            r9 >>= cl;
            let top = u64::from(one >> cl) << 32;
            r9 = (r9 << 32) | r11;
            edi = lo32(edi.wrapping_add(u64::from(one)));
            (r9, r10, r8) = negate(top, r9, r10, r8);
            negated = 0x8000;
        } else {
            r9 >>= cl;
            negated = 0;
            r9 = (r9 << 32) | r11;
        }
    }
    // Normalize the fraction r9:r10:r8 so that its top bit is bit 29 of r9.
    if r9 == 0 {
        edx = edx.wrapping_add(64);
        r9 = r10;
        r10 = r8;
        r8 = 0;
        if r9 == 0 {
            edx = edx.wrapping_add(64);
            r9 = r10;
            r10 = r8;
            if r9 == 0 && how.zero_early {
                // An exact multiple of pi/4 (the stub leaves the first chunk in eax).
                return (0.0, 0.0, first as u32);
            }
        }
    }
    let shift = if r9 == 0 {
        0
    } else {
        29 - (63 - r9.leading_zeros() as i32)
    };
    if shift > 0 {
        let cl = shift as u32;
        let rax = r10;
        r9 <<= cl;
        r10 <<= cl;
        edx = edx.wrapping_add(shift);
        r9 |= rax >> (64 - cl);
        r10 |= r8 >> (64 - cl);
    } else if shift < 0 {
        let cl = shift.wrapping_neg() as u32;
        let rax = r9;
        r10 >>= cl;
        r9 >>= cl;
        edx = edx.wrapping_sub(cl as i32);
        r10 |= rax << (64 - cl);
    }
    // The fraction as head + tail scaled by 2^-edx (with x's sign, flipped when negated),
    // then times pi/4 with a compensated sum.
    let head = r9 as i64 as f64;
    let tail = (r10 >> 1) as i64 as f64;
    let e = ((edx.wrapping_shl(4).wrapping_neg().wrapping_add(16368)) as u32 | sign) ^ negated;
    let scale = f(u64::from(e & 0xffff) << 48);
    let scale_tail = f(u64::from(e.wrapping_sub(1008) & 0xffff) << 48);
    let head = head * scale;
    let tail = tail * scale_tail;
    let sum = head + tail;
    let hi = head * how.pi_4_hi;
    let tail_pi = tail * how.pi_4_hi;
    let s = if sign != 0 { u32::MAX } else { 0 };
    let q = (((lo32(edi) >> point) as u32).wrapping_add(s)) ^ s;
    let lo = how.pi_4_lo * sum + tail_pi;
    let res = hi + lo;
    let lo = lo + (hi - res);
    (res, lo, q)
}
