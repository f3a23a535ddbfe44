//! Native methods: which ones the runtime implements (the symbol list of the contract), and
//! the ones the compiler implements itself as small LLVM bodies (bit casts, libm calls).

use super::Lowerer;
use crate::contract::NATIVES;
use crate::program::MethodId;
use inkwell::values::BasicValueEnum;

/// Does the runtime define this native method symbol?
pub fn is_implemented(symbol: &str) -> bool {
    NATIVES.contains(&symbol)
}

/// Functions that implement the `StrictMath` natives of one or two doubles (JDK 17: `exp`,
/// `cbrt`, `pow` and `hypot` are Java code). fdlibm's algorithms are ported to the runtime
/// (`runtime/src/natives/fdlibm/`, bit-identical to HotSpot's `libjava`); `IEEEremainder` is
/// exact in IEEE arithmetic, so the system libm's `remainder` gives HotSpot's result; `sqrt`
/// is an LLVM intrinsic (also exact).
const STRICT_MATH: &[(&str, &str)] = &[
    ("sin(D)D", "roast_fdlibm_sin"),
    ("cos(D)D", "roast_fdlibm_cos"),
    ("tan(D)D", "roast_fdlibm_tan"),
    ("asin(D)D", "roast_fdlibm_asin"),
    ("acos(D)D", "roast_fdlibm_acos"),
    ("atan(D)D", "roast_fdlibm_atan"),
    ("log(D)D", "roast_fdlibm_log"),
    ("log10(D)D", "roast_fdlibm_log10"),
    ("sinh(D)D", "roast_fdlibm_sinh"),
    ("cosh(D)D", "roast_fdlibm_cosh"),
    ("tanh(D)D", "roast_fdlibm_tanh"),
    ("expm1(D)D", "roast_fdlibm_expm1"),
    ("log1p(D)D", "roast_fdlibm_log1p"),
    ("atan2(DD)D", "roast_fdlibm_atan2"),
    ("IEEEremainder(DD)D", "remainder"),
];

/// Emits a body for natives the compiler implements inline. Returns false when `m` is not
/// one of them.
pub fn lower_intrinsic_body(l: &mut Lowerer<'_, '_>, m: MethodId) -> bool {
    let meth = l.program.method(m);
    let key = format!(
        "{}.{}{}",
        l.program.class(meth.class).name,
        meth.name,
        meth.descriptor
    );
    let ctx = l.ctx;
    let bitcast_to: Option<inkwell::types::BasicTypeEnum> = match key.as_str() {
        "java/lang/Float.floatToRawIntBits(F)I" => Some(ctx.i32_type().into()),
        "java/lang/Float.intBitsToFloat(I)F" => Some(ctx.f32_type().into()),
        "java/lang/Double.doubleToRawLongBits(D)J" => Some(ctx.i64_type().into()),
        "java/lang/Double.longBitsToDouble(J)D" => Some(ctx.f64_type().into()),
        _ => None,
    };
    let libm_fn = if key == "java/lang/StrictMath.sqrt(D)D" {
        Some(("llvm.sqrt.f64", 1))
    } else {
        key.strip_prefix("java/lang/StrictMath.").and_then(|rest| {
            STRICT_MATH
                .iter()
                .find(|(k, _)| *k == rest)
                .map(|&(k, sym)| (sym, if k.contains("(DD)") { 2 } else { 1 }))
        })
    };
    if bitcast_to.is_none() && libm_fn.is_none() {
        return false;
    }
    let func = l.function(m);
    let bb = ctx.append_basic_block(func, "entry");
    l.builder.position_at_end(bb);
    let params: Vec<BasicValueEnum> = func.get_params();
    let v = match (bitcast_to, libm_fn) {
        (Some(t), _) => l
            .builder
            .build_bit_cast(params[0], t, "bits")
            .expect("cast"),
        (None, Some((sym, arity))) => {
            let d = ctx.f64_type();
            let types = vec![d.into(); arity];
            let f = l
                .module
                .get_function(sym)
                .unwrap_or_else(|| l.module.add_function(sym, d.fn_type(&types, false), None));
            let args: Vec<inkwell::values::BasicMetadataValueEnum> =
                params.iter().map(|&v| v.into()).collect();
            l.builder
                .build_call(f, &args, "m")
                .expect("call")
                .try_as_basic_value()
                .basic()
                .expect("value")
        }
        (None, None) => return false,
    };
    l.builder.build_return(Some(&v)).expect("ret");
    true
}
