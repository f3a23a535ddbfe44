//! `Math.tan` as HotSpot's `StubRoutines::dtan` computes it (Intel LIBM, table-driven).
//!
//! Algorithm (from the stub's description): x = N pi/32 + r with 32 breakpoints per period
//! pi, each with its own polynomial of degree 15 (coefficients paired in SIMD lanes, the
//! higher terms in lane 0) and constants T_hi + T_lo (the constant term), Sigma + T_hl (the
//! coefficient of r), Tau (-1 or 0: whether the reciprocal of the remainder modulo pi/2
//! enters) and a mask for the reciprocal's head. The result is
//! tau recip_hi + t_hi + (sgn r + t_hl r) + low parts, summed with compensation. The
//! remainder modulo pi/2 (for the reciprocal) is computed in lane 0 at 16 times the scale.
//! |x| >= 12288 or so is first reduced with the stubs' integer reduction (`TAN`).

use super::reduce::{reduce_large, TAN};
use super::{f, word3};

/// (2/pi, 32/pi).
const PI32INV: [f64; 2] = [f(0x3fe45f306dc9c883), f(0x40245f306dc9c883)];
/// pi/32 in three parts, each pair scaled for lane 0 (N pi/2 as 16 N pi/32) and lane 1.
const P_1: [f64; 2] = [f(0x3fb921fb54444000), f(0x3fb921fb54440000)];
const P_2: [f64; 2] = [f(0xbd32e7b967674000), f(0x3d468c234c4c0000)];
const P_3: [f64; 2] = [f(0x3aa8a2e03707344a), f(0x3ae98a2e03707345)];
/// The second part of pi/32 for the head of the remainder modulo pi/2.
const QQ_2: f64 = f(0x3d32e7b9676733af);
/// Keeps 35 bits of the remainder, so that the head times the reciprocal's head is exact.
const MASK_35: u64 = 0xfffffffffffc0000;
/// Coefficients of tan(x) - x for small |x|.
const Q_3: f64 = f(0x3fd5555555555612);
const Q_5: f64 = f(0x3fc1111111092746);
const Q_7: f64 = f(0x3faba1ba52c4c8ab);
const Q_9: f64 = f(0x3f9664a0bf847a43);
const Q_11: f64 = f(0x3f82609ab8fe4d77);

/// `Math.tan` on HotSpot x86-64.
#[no_mangle]
pub extern "C" fn roast_hotspot_tan(x: f64) -> f64 {
    let range = (word3(x) & 0x7fff).wrapping_sub(16314);
    if range <= 270 {
        return tan_reduced(x, None, 0);
    }
    if (range as i32) <= 270 {
        return small(x);
    }
    if word3(x) & 0x7ff0 == 0x7ff0 {
        return x * -0.0; // inf or NaN: NaN
    }
    let (hi, lo, quadrant) = reduce_large(x, &TAN);
    tan_reduced(hi, Some(lo), quadrant)
}

/// |x| < 0.1015625: x itself for zero and subnormals, a rounding of x + 2^55 x below
/// 2^-29, else x + x^3 q(x^2).
fn small(x: f64) -> f64 {
    let w = word3(x);
    if w & 0x7ff0 == 0 {
        return x;
    }
    if (w & 0x7fff) < 15904 {
        return (x + f(0x4360000000000000) * x) * f(0x3c80000000000000);
    }
    let x2 = x * x;
    let x3 = x * x2;
    let q = ((((Q_11 * x2 + Q_9) * x2 + Q_7) * x2 + Q_5) * x2 + Q_3) * x3;
    x + q
}

/// One 16-byte pair of the table block (`offset` in bytes from the block start).
fn pair(block: usize, offset: usize) -> [f64; 2] {
    let i = block + offset / 8;
    [f(TAN_TABLE[i]), f(TAN_TABLE[i + 1])]
}

/// tan(x + lo + q pi/2): the stub's main path on an argument already reduced (or
/// moderate); `lo` is the tail of the large reduction when there was one.
fn tan_reduced(x: f64, lo: Option<f64>, q: u32) -> f64 {
    let half = f(0x3fe0000000000000 | (x.to_bits() & 0x8000_0000_0000_0000));
    let y = [x * PI32INV[0] + half, x * PI32INV[1] + half];
    let n32 = y[1] as i32;
    // Lane 0: N2 = round(x 2/pi) scaled to 16 N2 (pi/2 = 16 pi/32); lane 1: N32.
    let n = [f64::from(y[0] as i32) * 16.0, f64::from(y[1] as i32) * 1.0];
    let j = (n32.wrapping_add(469_248).wrapping_add((q << 4) as i32) & 31) as usize;
    let block = 22 * j;
    let m1 = [P_1[0] * n[0], P_1[1] * n[1]];
    let qq = QQ_2 * n[0];
    let m2 = [P_2[0] * n[0], P_2[1] * n[1]];
    let a = [x - m1[0], x - m1[1]];
    let m3 = [n[0] * P_3[0], n[1] * P_3[1]];
    // Head of the remainder modulo pi/2, and its reciprocal.
    let z_hi = f((qq + a[0]).to_bits() & MASK_35);
    let b = [a[0] - m2[0], a[1] - m2[1]];
    let recip = 1.0 / z_hi;
    // Corrections of the reductions (what the subtractions of m2 and m3 lost).
    let mut d = [(a[0] - b[0]) - m2[0], (a[1] - b[1]) - m2[1]];
    d = [d[0] - m3[0], d[1] - m3[1]];
    if let Some(lo) = lo {
        d = [d[0] + lo, d[1] + lo];
    }
    let d0 = d[0] + (b[0] - z_hi);
    let r = b[1];
    // The polynomial, lane 0 holding c8..c15 and lane 1 c0..c7.
    let c = |k: usize| pair(block, 16 * k);
    let mul = |p: [f64; 2], v: f64| [p[0] * v, p[1] * v];
    let add = |p: [f64; 2], q: [f64; 2]| [p[0] + q[0], p[1] + q[1]];
    let mut p7 = mul(c(1), r);
    let mut p1 = mul(c(3), r);
    let mut p4 = mul(c(6), r);
    let r2 = r * r;
    p7 = add(p7, c(0));
    p1 = mul(add(p1, c(2)), r2);
    p4 = add(p4, c(5));
    p7 = add(p7, p1);
    p4 = add(p4, mul(c(7), r2));
    let r4 = r2 * r2;
    p7 = add(p7, mul(c(4), r4));
    let r5 = r * r4;
    let r8 = r4 * r4;
    let sigma = f(TAN_TABLE[block + 18]);
    let t_hl = f(TAN_TABLE[block + 19]);
    let sig = [r * sigma, r * t_hl];
    p4 = mul(p4, r5);
    p7 = add(p7, p4);
    let pol = r8 * p7[0] + p7[1];
    // Med = sigma r + t_hl r, compensated.
    let med_hi = sig[0] + sig[1];
    let med_lo = sig[1] + (sig[0] - med_hi);
    let t_hi = f(TAN_TABLE[block + 16]);
    let t_lo = f(TAN_TABLE[block + 17]);
    let tau = f(TAN_TABLE[block + 20]);
    let mask = TAN_TABLE[block + 21];
    let low = (((sigma + t_hl) * d[1]) + t_lo) + med_lo;
    let mut res = pol + low;
    // tau / (z + tail): the reciprocal's head and its correction.
    let e4 = d0 * recip;
    let recip_hi = f(mask & recip.to_bits());
    let zr = z_hi * recip_hi;
    let tau_recip = recip * tau;
    let high = recip_hi - t_hi;
    let corr = ((1.0 - zr) - e4) * tau_recip;
    let m3 = med_hi - high;
    let m4 = med_hi - (high + m3);
    res += m4;
    res -= corr;
    res + m3
}

/// Per breakpoint j (22 words): pairs (c8, c0) .. (c15, c7), then T_hi, T_lo, Sigma, T_hl,
/// Tau, Mask.
#[rustfmt::skip]
const TAN_TABLE: [u64; 704] = [
    0x0000000000000000, 0x0000000000000000,
    0x3f9664f4882c10fa, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000,
    0x3f8226e355e6c23d, 0x3fd5555555555555,
    0x0000000000000000, 0x0000000000000000,
    0x3f6d6d3d0e157de0, 0x3fc1111111111111,
    0x0000000000000000, 0x0000000000000000,
    0x3f57da36452b75e3, 0x3faba1ba1ba1ba1c,
    0x0000000000000000, 0x0000000000000000,
    0x3ff0000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000,
    0x3f953f834e435f9b, 0x0000000000000000,
    0x3f9b74ea3c6e8e46, 0x0000000000000000,
    0x3f85ad63da5b7511, 0x3fb97558dc230b9b,
    0x3f88130826cb3788, 0x3fd62ac976fc4985,
    0x3f757c8577bb08ba, 0x3fb1381eb6247521,
    0x3f754e955922170c, 0x3fc27f838746482d,
    0x3f64e39111055b30, 0x3fa3e6093e666320,
    0x3f6301df0de9dae3, 0x3fafa8ae1f1dca06,
    0x3fb936bb8c5b2da2, 0x3c587d054e88f7a5,
    0x3ff0000000000000, 0x3f83dde2a8935dd9,
    0x0000000000000000, 0x0000000000000000,
    0x3faa34075a279ea3, 0x0000000000000000,
    0x3fa70153432d65fa, 0x0000000000000000,
    0x3f9d03ef891a4602, 0x3fca77d9d62ca5f8,
    0x3f97a265b35f4628, 0x3fd8cf51433258fa,
    0x3f8f88e3b58fd909, 0x3fc2b15401771cea,
    0x3f888f57f3562f8e, 0x3fc7370fc028a723,
    0x3f80f44c20b7f9f0, 0x3fb6dfaa214368e9,
    0x3f79b4b628891863, 0x3fb6cb8e172dbbf0,
    0x3fc975f5e0553158, 0x3c2ef5d3593fe814,
    0x3ff0000000000000, 0x3fa4420303dec550,
    0x0000000000000000, 0x0000000000000000,
    0x3fbb8ec59314533e, 0x0000000000000000,
    0x3fb6d3f409aa36d0, 0x0000000000000000,
    0x3fb13950dcb427fd, 0x3fd5335ed87ab0bb,
    0x3fabb382ce0ae8a5, 0x3fddba4179143126,
    0x3fa552f15f2b28d4, 0x3fd015ab59f21a6d,
    0x3fa0e98422c27d95, 0x3fd0576ce19fc6aa,
    0x3f9a48988f2c2950, 0x3fc59462c0b3f22c,
    0x3f94b61c1883a4b8, 0x3fc30eb83f838640,
    0x3fd36a08355c63dc, 0xbc6d704d1dce993d,
    0x3ff0000000000000, 0x3fb78e922b82ab63,
    0x0000000000000000, 0x0000000000000000,
    0x3fccfc5656f37042, 0x0000000000000000,
    0x3fc90125aa563951, 0x0000000000000000,
    0x3fc505333d0e7c5d, 0x3fdf0ed99bed9b2e,
    0x3fc1f2505fe7c47c, 0x3fe2edd996c125e5,
    0x3fbe5c715a02bbd8, 0x3fda08b786362c20,
    0x3fb9d3424b4435ed, 0x3fd911bd4b494091,
    0x3fb5e4c7b56658be, 0x3fd3c09293a2fd76,
    0x3fb29910da271794, 0x3fd189be3303df2b,
    0x3fda827999fcef32, 0x3c708b2fb68c1467,
    0x3ff0000000000000, 0x3fc5f619980c4337,
    0x0000000000000000, 0x0000000000000000,
    0x3fdff10fcc03e501, 0x0000000000000000,
    0x3fddb63b44a4e845, 0x0000000000000000,
    0x3fdb72a43768ad9f, 0x3fe5fdb93dd01cca,
    0x3fd972b2a61d2811, 0x3fe977f95645ad0b,
    0x3fd78ca3d013b3ab, 0x3fe4f192bf0bf914,
    0x3fd5d0604d53e730, 0x3fe499333f8b9000,
    0x3fd4322ae2b82f08, 0x3fe27ae15936a835,
    0x3fd2b3fbb1c61c9b, 0x3fe1659eef478605,
    0x3fe11ab7190834ec, 0xbc8e564bcdb625ea,
    0x3ff0000000000000, 0x3fd248f1b07217e3,
    0x0000000000000000, 0x0000000000000000,
    0x3ff2de9c2b2c49d0, 0x0000000000000000,
    0x3ff33e582655bc98, 0x0000000000000000,
    0x3ff3972eff691fa2, 0x3feeed87e93463bd,
    0x3ff3f5b2070e10a0, 0x3ff20c10f4d790a4,
    0x3ff4541aa04e8ea3, 0x3ff1369e386accd3,
    0x3ff4b521222a66dd, 0x3ff2081722a9777e,
    0x3ff5178f52a04a6e, 0x3ff22137ddaa0031,
    0x3ff57c014447d47c, 0x3ff293111e9c7f1d,
    0x3fe561b82ab7f990, 0x3c87a8c5209c7df1,
    0x3ff0000000000000, 0x3fdc92d84170bcc6,
    0x0000000000000000, 0x0000000000000000,
    0x40085e24c7ab4d5a, 0x0000000000000000,
    0x400b963de93ea75d, 0x0000000000000000,
    0x400f37e294a7f25a, 0x3ff5f9844b6261cb,
    0x4011aab05a9dd812, 0x3ffaf5a574c30018,
    0x4013fe8b7f2ce8e3, 0x3ffd7334fe8e54fa,
    0x4016a10c670d618d, 0x4000e0124db97058,
    0x40199c5f24df44dd, 0x4003006e697d6ece,
    0x401cfc4d83298b82, 0x40058c1919d490d6,
    0x3fea43002ae42850, 0xbc7a6db8118e20e6,
    0x4000000000000000, 0xbfd4e526e33345b8,
    0x0000000000000000, 0x0000000000000000,
    0x4021965965965966, 0x0000000000000000,
    0x402664f4882c10fa, 0x0000000000000000,
    0x402c834283cd3723, 0x4000000000000000,
    0x403226e355e6c23d, 0x4005555555555555,
    0x40371c9634451939, 0x400aaaaaaaaaaaab,
    0x403d6d3d0e157de0, 0x4011111111111111,
    0x4042bbcea738201f, 0x4015b05b05b05b06,
    0x4047da36452b75e3, 0x401ba1ba1ba1ba1c,
    0x3ff0000000000000, 0x0000000000000000,
    0x4000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000,
    0xbf33eaf94f48b8d3, 0x0000000000000000,
    0x3f20b8ea0cf7586f, 0x0000000000000000,
    0xbf0abaf3d0258911, 0xbfab5a8c23e49fe9,
    0x3ef60d152d53222e, 0x3fa172b221169451,
    0xbee1d3b5bb254dbc, 0xbf84c7dbdbf93b8e,
    0x3ecd336405b4630b, 0x3f743924ee9aada7,
    0xbeb7b7b9794a8297, 0xbf5d41f5e015f797,
    0x3ea35dfbe41a4a56, 0x3f49a2abe4c2a251,
    0xbfce49ce5af9e000, 0x3d1eb8608c743719,
    0x0000000000000000, 0x3fd782941b4863cf,
    0x3ff0000000000000, 0xfffffff800000000,
    0xbf2b9320535ad890, 0x0000000000000000,
    0x3f16d61d018fdf1f, 0x0000000000000000,
    0xbf0139e40359f1be, 0xbfa67e17a4317c6d,
    0x3eebb40582672d0f, 0x3f9f455b2f1b621e,
    0xbed5531751ccf238, 0xbf804beef437b9ac,
    0x3ec0e993c791a2b5, 0x3f7080c2919a1db2,
    0xbeaa48a2336a5b0e, 0xbf55a4430a268358,
    0x3e94b61fdfd978e4, 0x3f431806d7767a58,
    0xbfc9bbe82aea0000, 0xbd3a23697723ea61,
    0x0000000000000000, 0x3fd6e642df7796ff,
    0x3ff0000000000000, 0xfffffff800000000,
    0xbf231c78b9ff07ce, 0x0000000000000000,
    0x3f0ff0e0a5517182, 0x0000000000000000,
    0xbef66191790b4cbc, 0xbfa21ac0848a46c6,
    0x3ee1d3ecb16435fa, 0x3f9c71ea2a1aa832,
    0xbec9dd1afdd299ef, 0xbf7933633f8dbaaf,
    0x3eb415d6309fc6ea, 0x3f6b83babee60471,
    0xbe9dae1194a0a697, 0xbf4fd07b3e5c67b3,
    0x3e86bd759a8f3e3e, 0x3f3d1eb1a4beb7a4,
    0xbfc549ce29cfc000, 0xbd397b33bf159358,
    0x0000000000000000, 0x3fd666f0871fee6c,
    0x3ff0000000000000, 0xfffffff800000000,
    0xbf1a39587d98a556, 0x0000000000000000,
    0x3f0704c29d88dc01, 0x0000000000000000,
    0xbeed054a73742a2b, 0xbf9c2a1358844587,
    0x3ed7a32655688a79, 0x3f9a48f4ee33f1d6,
    0xbebf8939a8dc9888, 0xbf72f746aad4b5b8,
    0x3ea88f829102efa1, 0x3f678228dabc29cf,
    0xbe90f4569289afb8, 0xbf46f3a3741fb4ed,
    0x3e79b4bfa97f6663, 0x3f36db70ca89ff3f,
    0xbfc0ee13a8a2a000, 0xbd338b9f3da24be1,
    0x0000000000000000, 0x3fd601fd11cd6c69,
    0x3ff0000000000000, 0xfffffff800000000,
    0xbf116b011a154b97, 0x0000000000000000,
    0x3f0147bf2d427630, 0x0000000000000000,
    0xbee264d4b93820c8, 0xbf94ab8cbb6cbb18,
    0x3ed0568b888d4d92, 0x3f98b19b60730f7c,
    0xbeb2f950e4b1fb11, 0xbf6b21cd22cf9f74,
    0x3e9f499e4a3ff0a6, 0x3f64aad7fd2b83ce,
    0xbe83487c637b73af, 0xbf3fc092e522591a,
    0x3e6e3aaea158e8bc, 0x3f329d2fe5e82ffa,
    0xbfb9477fd636a000, 0xbd135ef9c2c2d2bc,
    0x0000000000000000, 0x3fd5b566f2fdb123,
    0x3ff0000000000000, 0xfffffff800000000,
    0xbf05448dc41acb64, 0x0000000000000000,
    0x3efb7ad2dbb03d6f, 0x0000000000000000,
    0xbed5aea59e42962d, 0xbf8b23982579f8ef,
    0x3ec81441288a1ed9, 0x3f979a3ab0198dc5,
    0xbea57cd32fdfe253, 0xbf617caa5766336f,
    0x3e954ed6600944c3, 0x3f62c646a4e0aaf8,
    0xbe74e3a36b8fb29c, 0xbf33f952dc4c0409,
    0x3e6301ec9bffe365, 0x3f2fc566b8869e44,
    0xbfb0cc62e1e04000, 0xbd119cbc016b907f,
    0x0000000000000000, 0x3fd57fb3e6b9d8fa,
    0x3ff0000000000000, 0xfffffff800000000,
    0xbef429d75daf22a6, 0x0000000000000000,
    0x3ef7a27d06bca545, 0x0000000000000000,
    0xbec41c3e7211c19a, 0xbf7ae3f4956ed53e,
    0x3ec3901bee750e72, 0x3f96f71391d443f5,
    0xbe936e0936661e6c, 0xbf5122e8506f9381,
    0x3e9041b9cb6dd43f, 0x3f61b0c76698b2ff,
    0xbe625a8a576bf12b, 0xbf23499de5a0e9dc,
    0x3e5b1c2c110384dd, 0x3f2cb89968d43db6,
    0xbfa0c4146ecac000, 0x3d13500fcd7dd58c,
    0x0000000000000000, 0x3fd55fe085a2c8fb,
    0x3ff0000000000000, 0xfffffff800000000,
    0x0000000000000000, 0x0000000000000000,
    0x3ef66a8f2bf70ebe, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000,
    0x3ec22805d644267f, 0x3f96c16c16c16c17,
    0x0000000000000000, 0x0000000000000000,
    0x3e8d6db2c4e09162, 0x3f61566abc011567,
    0x0000000000000000, 0x0000000000000000,
    0x3e57da4e1f79955c, 0x3f2bbd779334ef0b,
    0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x3fd5555555555555,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3ef429d75daf22a6, 0x0000000000000000,
    0x3ef7a27d06bca545, 0x0000000000000000,
    0x3ec41c3e7211c19a, 0x3f7ae3f4956ed53e,
    0x3ec3901bee750e72, 0x3f96f71391d443f5,
    0x3e936e0936661e6c, 0x3f5122e8506f9381,
    0x3e9041b9cb6dd43f, 0x3f61b0c76698b2ff,
    0x3e625a8a576bf12b, 0x3f23499de5a0e9dc,
    0x3e5b1c2c110384dd, 0x3f2cb89968d43db6,
    0x3fa0c4146ecac000, 0xbd13500fcd7dd58c,
    0x0000000000000000, 0x3fd55fe085a2c8fb,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3f05448dc41acb64, 0x0000000000000000,
    0x3efb7ad2dbb03d6f, 0x0000000000000000,
    0x3ed5aea59e42962d, 0x3f8b23982579f8ef,
    0x3ec81441288a1ed9, 0x3f979a3ab0198dc5,
    0x3ea57cd32fdfe253, 0x3f617caa5766336f,
    0x3e954ed6600944c3, 0x3f62c646a4e0aaf8,
    0x3e74e3a36b8fb29c, 0x3f33f952dc4c0409,
    0x3e6301ec9bffe365, 0x3f2fc566b8869e44,
    0x3fb0cc62e1e04000, 0x3d119cbc016b907f,
    0x0000000000000000, 0x3fd57fb3e6b9d8fa,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3f116b011a154b97, 0x0000000000000000,
    0x3f0147bf2d427630, 0x0000000000000000,
    0x3ee264d4b93820c8, 0x3f94ab8cbb6cbb18,
    0x3ed0568b888d4d92, 0x3f98b19b60730f7c,
    0x3eb2f950e4b1fb11, 0x3f6b21cd22cf9f74,
    0x3e9f499e4a3ff0a6, 0x3f64aad7fd2b83ce,
    0x3e83487c637b73af, 0x3f3fc092e522591a,
    0x3e6e3aaea158e8bc, 0x3f329d2fe5e82ffa,
    0x3fb9477fd636a000, 0x3d135ef9c2c2d2bc,
    0x0000000000000000, 0x3fd5b566f2fdb123,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3f1a39587d98a556, 0x0000000000000000,
    0x3f0704c29d88dc01, 0x0000000000000000,
    0x3eed054a73742a2b, 0x3f9c2a1358844587,
    0x3ed7a32655688a79, 0x3f9a48f4ee33f1d6,
    0x3ebf8939a8dc9888, 0x3f72f746aad4b5b8,
    0x3ea88f829102efa1, 0x3f678228dabc29cf,
    0x3e90f4569289afb8, 0x3f46f3a3741fb4ed,
    0x3e79b4bfa97f6663, 0x3f36db70ca89ff3f,
    0x3fc0ee13a8a2a000, 0x3d338b9f3da24be1,
    0x0000000000000000, 0x3fd601fd11cd6c69,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3f231c78b9ff07ce, 0x0000000000000000,
    0x3f0ff0e0a5517182, 0x0000000000000000,
    0x3ef66191790b4cbc, 0x3fa21ac0848a46c6,
    0x3ee1d3ecb16435fa, 0x3f9c71ea2a1aa832,
    0x3ec9dd1afdd299ef, 0x3f7933633f8dbaaf,
    0x3eb415d6309fc6ea, 0x3f6b83babee60471,
    0x3e9dae1194a0a697, 0x3f4fd07b3e5c67b3,
    0x3e86bd759a8f3e3e, 0x3f3d1eb1a4beb7a4,
    0x3fc549ce29cfc000, 0x3d397b33bf159358,
    0x0000000000000000, 0x3fd666f0871fee6c,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3f2b9320535ad890, 0x0000000000000000,
    0x3f16d61d018fdf1f, 0x0000000000000000,
    0x3f0139e40359f1be, 0x3fa67e17a4317c6d,
    0x3eebb40582672d0f, 0x3f9f455b2f1b621e,
    0x3ed5531751ccf238, 0x3f804beef437b9ac,
    0x3ec0e993c791a2b5, 0x3f7080c2919a1db2,
    0x3eaa48a2336a5b0e, 0x3f55a4430a268358,
    0x3e94b61fdfd978e4, 0x3f431806d7767a58,
    0x3fc9bbe82aea0000, 0x3d3a23697723ea61,
    0x0000000000000000, 0x3fd6e642df7796ff,
    0x3ff0000000000000, 0xfffffff800000000,
    0x3f33eaf94f48b8d3, 0x0000000000000000,
    0x3f20b8ea0cf7586f, 0x0000000000000000,
    0x3f0abaf3d0258911, 0x3fab5a8c23e49fe9,
    0x3ef60d152d53222e, 0x3fa172b221169451,
    0x3ee1d3b5bb254dbc, 0x3f84c7dbdbf93b8e,
    0x3ecd336405b4630b, 0x3f743924ee9aada7,
    0x3eb7b7b9794a8297, 0x3f5d41f5e015f797,
    0x3ea35dfbe41a4a56, 0x3f49a2abe4c2a251,
    0x3fce49ce5af9e000, 0xbd1eb8608c743719,
    0x0000000000000000, 0x3fd782941b4863cf,
    0x3ff0000000000000, 0xfffffff800000000,
    0xc021965965965966, 0x0000000000000000,
    0x402664f4882c10fa, 0x0000000000000000,
    0xc02c834283cd3723, 0xc000000000000000,
    0x403226e355e6c23d, 0x4005555555555555,
    0xc0371c9634451939, 0xc00aaaaaaaaaaaab,
    0x403d6d3d0e157de0, 0x4011111111111111,
    0xc042bbcea738201f, 0xc015b05b05b05b06,
    0x4047da36452b75e3, 0x401ba1ba1ba1ba1c,
    0xbff0000000000000, 0x0000000000000000,
    0x4000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000,
    0xc0085e24c7ab4d5a, 0x0000000000000000,
    0x400b963de93ea75d, 0x0000000000000000,
    0xc00f37e294a7f25a, 0xbff5f9844b6261cb,
    0x4011aab05a9dd812, 0x3ffaf5a574c30018,
    0xc013fe8b7f2ce8e3, 0xbffd7334fe8e54fa,
    0x4016a10c670d618d, 0x4000e0124db97058,
    0xc0199c5f24df44dd, 0xc003006e697d6ece,
    0x401cfc4d83298b82, 0x40058c1919d490d6,
    0xbfea43002ae42850, 0x3c7a6db8118e20e6,
    0x4000000000000000, 0xbfd4e526e33345b8,
    0x0000000000000000, 0x0000000000000000,
    0xbff2de9c2b2c49d0, 0x0000000000000000,
    0x3ff33e582655bc98, 0x0000000000000000,
    0xbff3972eff691fa2, 0xbfeeed87e93463bd,
    0x3ff3f5b2070e10a0, 0x3ff20c10f4d790a4,
    0xbff4541aa04e8ea3, 0xbff1369e386accd3,
    0x3ff4b521222a66dd, 0x3ff2081722a9777e,
    0xbff5178f52a04a6e, 0xbff22137ddaa0031,
    0x3ff57c014447d47c, 0x3ff293111e9c7f1d,
    0xbfe561b82ab7f990, 0xbc87a8c5209c7df1,
    0x3ff0000000000000, 0x3fdc92d84170bcc6,
    0x0000000000000000, 0x0000000000000000,
    0xbfdff10fcc03e501, 0x0000000000000000,
    0x3fddb63b44a4e845, 0x0000000000000000,
    0xbfdb72a43768ad9f, 0xbfe5fdb93dd01cca,
    0x3fd972b2a61d2811, 0x3fe977f95645ad0b,
    0xbfd78ca3d013b3ab, 0xbfe4f192bf0bf914,
    0x3fd5d0604d53e730, 0x3fe499333f8b9000,
    0xbfd4322ae2b82f08, 0xbfe27ae15936a835,
    0x3fd2b3fbb1c61c9b, 0x3fe1659eef478605,
    0xbfe11ab7190834ec, 0x3c8e564bcdb625ea,
    0x3ff0000000000000, 0x3fd248f1b07217e3,
    0x0000000000000000, 0x0000000000000000,
    0xbfccfc5656f37042, 0x0000000000000000,
    0x3fc90125aa563951, 0x0000000000000000,
    0xbfc505333d0e7c5d, 0xbfdf0ed99bed9b2e,
    0x3fc1f2505fe7c47c, 0x3fe2edd996c125e5,
    0xbfbe5c715a02bbd8, 0xbfda08b786362c20,
    0x3fb9d3424b4435ed, 0x3fd911bd4b494091,
    0xbfb5e4c7b56658be, 0xbfd3c09293a2fd76,
    0x3fb29910da271794, 0x3fd189be3303df2b,
    0xbfda827999fcef32, 0xbc708b2fb68c1467,
    0x3ff0000000000000, 0x3fc5f619980c4337,
    0x0000000000000000, 0x0000000000000000,
    0xbfbb8ec59314533e, 0x0000000000000000,
    0x3fb6d3f409aa36d0, 0x0000000000000000,
    0xbfb13950dcb427fd, 0xbfd5335ed87ab0bb,
    0x3fabb382ce0ae8a5, 0x3fddba4179143126,
    0xbfa552f15f2b28d4, 0xbfd015ab59f21a6d,
    0x3fa0e98422c27d95, 0x3fd0576ce19fc6aa,
    0xbf9a48988f2c2950, 0xbfc59462c0b3f22c,
    0x3f94b61c1883a4b8, 0x3fc30eb83f838640,
    0xbfd36a08355c63dc, 0x3c6d704d1dce993d,
    0x3ff0000000000000, 0x3fb78e922b82ab63,
    0x0000000000000000, 0x0000000000000000,
    0xbfaa34075a279ea3, 0x0000000000000000,
    0x3fa70153432d65fa, 0x0000000000000000,
    0xbf9d03ef891a4602, 0xbfca77d9d62ca5f8,
    0x3f97a265b35f4628, 0x3fd8cf51433258fa,
    0xbf8f88e3b58fd909, 0xbfc2b15401771cea,
    0x3f888f57f3562f8e, 0x3fc7370fc028a723,
    0xbf80f44c20b7f9f0, 0xbfb6dfaa214368e9,
    0x3f79b4b628891863, 0x3fb6cb8e172dbbf0,
    0xbfc975f5e0553158, 0xbc2ef5d3593fe814,
    0x3ff0000000000000, 0x3fa4420303dec550,
    0x0000000000000000, 0x0000000000000000,
    0xbf953f834e435f9b, 0x0000000000000000,
    0x3f9b74ea3c6e8e46, 0x0000000000000000,
    0xbf85ad63da5b7511, 0xbfb97558dc230b9b,
    0x3f88130826cb3788, 0x3fd62ac976fc4985,
    0xbf757c8577bb08ba, 0xbfb1381eb6247521,
    0x3f754e955922170c, 0x3fc27f838746482d,
    0xbf64e39111055b30, 0xbfa3e6093e666320,
    0x3f6301df0de9dae3, 0x3fafa8ae1f1dca06,
    0xbfb936bb8c5b2da2, 0xbc587d054e88f7a5,
    0x3ff0000000000000, 0x3f83dde2a8935dd9,
    0x0000000000000000, 0x0000000000000000,
];
