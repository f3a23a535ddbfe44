//! fdlibm's argument reduction by pi/2 (`e_rem_pio2.c`, `k_rem_pio2.c`): x = n pi/2 + y with
//! |y| <= pi/4, y returned as a head and a tail (y0 + y1) carrying more than 53 bits.
//!
//! Three regimes: |x| < 3pi/4 subtracts pi/2 once; |x| <= 2^19 pi/2 subtracts n pi/2 with
//! pi/2 split in 33-bit pieces (Cody-Waite, up to three rounds when cancellation is deep);
//! larger |x| multiplies the exact bits of x by enough bits of 2/pi (Payne-Hanek).

use super::{from_words, high_word, low_word, nan_from, scalbn};

/// 2/pi in 24-bit chunks: 1584 bits, enough for every exponent of a double.
const TWO_OVER_PI: [i32; 66] = [
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163,
    0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
    0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C,
    0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
    0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292,
    0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3,
    0x91615E, 0xE61B08, 0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
    0x73A8C9, 0x60E27B, 0xC08C6B,
];

/// High words of n pi/2 for n = 1..32: when x's high word equals one of them, x is close to
/// a multiple of pi/2 and the quick reduction may cancel too many bits.
const NPIO2_HW: [u32; 32] = [
    0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB,
    0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB,
    0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
    0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
];

const TWO24: f64 = f64::from_bits(0x4170000000000000); // 2^24
const TWON24: f64 = f64::from_bits(0x3E70000000000000); // 2^-24
const INVPIO2: f64 = f64::from_bits(0x3FE45F306DC9C883); // 2/pi, 53 bits
const PIO2_1: f64 = f64::from_bits(0x3FF921FB54400000); // first 33 bits of pi/2
const PIO2_1T: f64 = f64::from_bits(0x3DD0B4611A626331); // pi/2 - PIO2_1
const PIO2_2: f64 = f64::from_bits(0x3DD0B4611A600000); // second 33 bits of pi/2
const PIO2_2T: f64 = f64::from_bits(0x3BA3198A2E037073); // pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3: f64 = f64::from_bits(0x3BA3198A2E000000); // third 33 bits of pi/2
const PIO2_3T: f64 = f64::from_bits(0x397B839A252049C1); // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)

/// pi/2 cut in 24-bit chunks, for the product of the large reduction.
const PIO2_CHUNKS: [f64; 8] = [
    f64::from_bits(0x3FF921FB40000000), // 1.57079625129699707031e+00
    f64::from_bits(0x3E74442D00000000), // 7.54978941586159635335e-08
    f64::from_bits(0x3CF8469880000000), // 5.39030252995776476554e-15
    f64::from_bits(0x3B78CC5160000000), // 3.28200341580791294123e-22
    f64::from_bits(0x39F01B8380000000), // 1.27065575308067607349e-29
    f64::from_bits(0x387A252040000000), // 1.22933308981111328932e-36
    f64::from_bits(0x36E3822280000000), // 2.73370053816464559624e-44
    f64::from_bits(0x3569F31D00000000), // 2.16741683877804819444e-51
];

/// Reduces `x` by pi/2: returns `(n, y0, y1)` with x = n pi/2 + y0 + y1, |y0 + y1| <= pi/4
/// (n modulo 8 for large x, which is all the callers use).
pub(super) fn rem_pio2(x: f64) -> (i32, f64, f64) {
    let hx = high_word(x) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix <= 0x3fe9_21fb {
        // |x| <= pi/4: nothing to reduce.
        return (0, x, 0.0);
    }
    if ix < 0x4002_d97c {
        return reduce_one(x, hx, ix);
    }
    if ix <= 0x4139_21fb {
        return reduce_medium(x, hx, ix);
    }
    if ix >= 0x7ff0_0000 {
        // inf or NaN
        let nan = nan_from(x);
        return (0, nan, nan);
    }
    // Large |x|: split z = |x| scaled to [2^23, 2^24) into three 24-bit integers, exact.
    let e0 = (ix >> 20) - 1046; // ilogb(|x|) - 23
    let mut z = from_words((ix - (e0 << 20)) as u32, low_word(x));
    let mut tx = [0.0; 3];
    for t in tx.iter_mut().take(2) {
        *t = f64::from(z as i32);
        z = (z - *t) * TWO24;
    }
    tx[2] = z;
    let mut nx = 3;
    while tx[nx - 1] == 0.0 {
        nx -= 1;
    }
    let (n, y0, y1) = kernel_rem_pio2(&tx[..nx], e0);
    if hx < 0 {
        (-n, -y0, -y1)
    } else {
        (n, y0, y1)
    }
}

/// pi/4 < |x| < 3pi/4: n = ±1, one subtraction of pi/2 (in 33 + 53 bits, or 33 + 33 + 53
/// bits when x is near pi/2 and the first subtraction cancels).
fn reduce_one(x: f64, hx: i32, ix: i32) -> (i32, f64, f64) {
    let near_pio2 = ix == 0x3ff9_21fb;
    if hx > 0 {
        let mut z = x - PIO2_1;
        let tail = if near_pio2 {
            z -= PIO2_2;
            PIO2_2T
        } else {
            PIO2_1T
        };
        let y0 = z - tail;
        (1, y0, (z - y0) - tail)
    } else {
        let mut z = x + PIO2_1;
        let tail = if near_pio2 {
            z += PIO2_2;
            PIO2_2T
        } else {
            PIO2_1T
        };
        let y0 = z + tail;
        (-1, y0, (z - y0) + tail)
    }
}

/// |x| <= 2^19 pi/2: n = round(|x| 2/pi), then |x| - n pi/2 with pi/2 in 33-bit pieces; a
/// second (third) piece is subtracted when the exponent dropped by more than 16 (49) bits.
fn reduce_medium(x: f64, hx: i32, ix: i32) -> (i32, f64, f64) {
    let t = x.abs();
    let n = (t * INVPIO2 + 0.5) as i32;
    let fn_ = f64::from(n);
    let mut r = t - fn_ * PIO2_1;
    let mut w = fn_ * PIO2_1T; // first round, good to 85 bits
    let y0 = if n < 32 && ix as u32 != NPIO2_HW[(n - 1) as usize] {
        // x is not close to n pi/2: no cancellation.
        r - w
    } else {
        let j = ix >> 20;
        let exponent_drop = |y: f64| j - ((high_word(y) >> 20) & 0x7ff) as i32;
        let mut y0 = r - w;
        if exponent_drop(y0) > 16 {
            // second round, good to 118 bits
            let t = r;
            w = fn_ * PIO2_2;
            r = t - w;
            w = fn_ * PIO2_2T - ((t - r) - w);
            y0 = r - w;
            if exponent_drop(y0) > 49 {
                // third round, 151 bits: covers every double
                let t = r;
                w = fn_ * PIO2_3;
                r = t - w;
                w = fn_ * PIO2_3T - ((t - r) - w);
                y0 = r - w;
            }
        }
        y0
    };
    let y1 = (r - y0) - w;
    if hx < 0 {
        (-n, -y0, -y1)
    } else {
        (n, y0, y1)
    }
}

/// Payne-Hanek reduction (fdlibm's `__kernel_rem_pio2` with 53-bit result precision):
/// `x` holds |x| / 2^e0 as 24-bit integer chunks. Multiplies them by the chunks of 2/pi
/// that matter for this exponent, keeps the fraction (the integer part modulo 8 is n) and
/// multiplies it back by pi/2. Returns `(n mod 8, y0, y1)`.
fn kernel_rem_pio2(x: &[f64], e0: i32) -> (i32, f64, f64) {
    const JK: usize = 4; // terms of q computed initially (double precision result)
    const JP: usize = JK;
    let jx = x.len() - 1;
    // jv: first chunk of 2/pi whose product with x has bits above the binary point
    // modulo 8; q0: exponent of q[0]'s unit.
    let jv = ((e0 - 3) / 24).max(0);
    let mut q0 = e0 - 24 * (jv + 1);

    // f[i] = ipio2[jv - jx + i] (0 before the table's start).
    let mut f = [0.0f64; 20];
    let chunk = |j: i32| {
        if j < 0 {
            0.0
        } else {
            f64::from(TWO_OVER_PI[j as usize])
        }
    };
    for (i, fi) in f.iter_mut().enumerate().take(jx + JK + 1) {
        *fi = chunk(jv - jx as i32 + i as i32);
    }
    // q[i] = sum over j of x[j] f[jx + i - j]: the product in 24-bit columns.
    let column = |f: &[f64; 20], i: usize| {
        let mut fw = 0.0;
        for (j, &xj) in x.iter().enumerate() {
            fw += xj * f[jx + i - j];
        }
        fw
    };
    let mut q = [0.0f64; 20];
    for (i, qi) in q.iter_mut().enumerate().take(JK + 1) {
        *qi = column(&f, i);
    }

    let mut iq = [0i32; 20];
    let mut jz = JK;
    let (mut n, mut z, ih) = loop {
        // Distill q[] into 24-bit integers iq[], lowest column first.
        let mut z = q[jz];
        for i in 0..jz {
            let fw = f64::from((TWON24 * z) as i32);
            iq[i] = (z - TWO24 * fw) as i32;
            z = q[jz - i - 1] + fw;
        }
        // The integer part of the product modulo 8 is n; z keeps the fraction.
        z = scalbn(z, q0);
        z -= 8.0 * (z * 0.125).floor();
        let mut n = z as i32;
        z -= f64::from(n);
        let mut ih = 0;
        if q0 > 0 {
            // iq[jz-1] holds integer bits too.
            let i = iq[jz - 1] >> (24 - q0);
            n += i;
            iq[jz - 1] -= i << (24 - q0);
            ih = iq[jz - 1] >> (23 - q0);
        } else if q0 == 0 {
            ih = iq[jz - 1] >> 23;
        } else if z >= 0.5 {
            ih = 2;
        }
        if ih > 0 {
            // Fraction >= 0.5: round n up and take 1 - fraction (the result is negative).
            n += 1;
            let mut carry = false;
            for d in iq.iter_mut().take(jz) {
                if carry {
                    *d = 0xffffff - *d;
                } else if *d != 0 {
                    carry = true;
                    *d = 0x1000000 - *d;
                }
            }
            match q0 {
                1 => iq[jz - 1] &= 0x7fffff,
                2 => iq[jz - 1] &= 0x3fffff,
                _ => {}
            }
            if ih == 2 {
                z = 1.0 - z;
                if carry {
                    z -= scalbn(1.0, q0);
                }
            }
        }
        // The fraction cancelled entirely in the computed columns: add more of 2/pi.
        if z == 0.0 && iq[JK..jz].iter().all(|&d| d == 0) {
            let mut k = 1;
            while iq[JK - k] == 0 {
                k += 1;
            }
            for i in jz + 1..=jz + k {
                f[jx + i] = chunk(jv + i as i32);
                q[i] = column(&f, i);
            }
            jz += k;
            continue;
        }
        break (n, z, ih);
    };

    // Drop zero chunks at the end, or store the remaining fraction bits as chunks.
    if z == 0.0 {
        jz -= 1;
        q0 -= 24;
        while iq[jz] == 0 {
            jz -= 1;
            q0 -= 24;
        }
    } else {
        z = scalbn(z, -q0);
        if z >= TWO24 {
            let fw = f64::from((TWON24 * z) as i32);
            iq[jz] = (z - TWO24 * fw) as i32;
            jz += 1;
            q0 += 24;
            iq[jz] = fw as i32;
        } else {
            iq[jz] = z as i32;
        }
    }
    // Chunks back to floating point, then multiply by pi/2 column by column.
    let mut fw = scalbn(1.0, q0);
    for i in (0..=jz).rev() {
        q[i] = fw * f64::from(iq[i]);
        fw *= TWON24;
    }
    let mut fq = [0.0f64; 20];
    for i in (0..=jz).rev() {
        let mut fw = 0.0;
        let mut k = 0;
        while k <= JP && k <= jz - i {
            fw += PIO2_CHUNKS[k] * q[i + k];
            k += 1;
        }
        fq[jz - i] = fw;
    }
    // Compress into a head and a tail.
    let mut fw = 0.0;
    for &v in fq[..=jz].iter().rev() {
        fw += v;
    }
    let y0 = if ih == 0 { fw } else { -fw };
    let mut fw = fq[0] - fw;
    for &v in &fq[1..=jz] {
        fw += v;
    }
    let y1 = if ih == 0 { fw } else { -fw };
    n &= 7;
    (n, y0, y1)
}
