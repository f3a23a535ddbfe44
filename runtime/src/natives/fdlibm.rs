//! `StrictMath` natives whose results must be bit-identical to HotSpot's, which computes
//! them with fdlibm (the C library of `libjava`): the system libm may differ in the last bit.
//!
//! Invariants: each function follows fdlibm's algorithm step by step in IEEE double
//! arithmetic (argument reduction, the same polynomial coefficients, the same evaluation
//! order); Rust never contracts `a * b + c` into a fused multiply-add, so the rounding of
//! every step is fdlibm's.

/// High 32 bits of a double.
fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

/// atan(x) for x in the four reduction intervals: the value at the interval's point (split
/// in a high and a low part).
const ATAN_HI: [f64; 4] = [
    4.636_476_090_008_060_935_15e-1, // atan(0.5)
    7.853_981_633_974_482_789_99e-1, // atan(1.0)
    9.827_937_232_473_290_540_82e-1, // atan(1.5)
    1.570_796_326_794_896_558_00e0,  // atan(inf)
];
const ATAN_LO: [f64; 4] = [
    2.269_877_745_296_168_709_24e-17,
    3.061_616_997_868_383_017_93e-17,
    1.390_331_103_123_099_845_16e-17,
    6.123_233_995_736_766_035_87e-17,
];
/// Coefficients of the odd polynomial approximating atan on [-7/16, 7/16].
const ATAN_T: [f64; 11] = [
    3.333_333_333_333_293_180_27e-1,
    -1.999_999_999_987_648_324_76e-1,
    1.428_571_427_250_346_637_11e-1,
    -1.111_111_040_546_235_578_80e-1,
    9.090_887_133_436_506_561_96e-2,
    -7.691_876_205_044_829_994_95e-2,
    6.661_073_137_387_531_206_69e-2,
    -5.833_570_133_790_573_486_45e-2,
    4.976_877_994_615_932_360_17e-2,
    -3.653_157_274_421_691_552_70e-2,
    1.628_582_011_536_578_236_23e-2,
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
