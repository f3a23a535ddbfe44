//! Native methods: which ones the runtime implements (the symbol list of the contract), and
//! the ones the compiler implements itself as small LLVM bodies (bit casts, calls of the
//! runtime's math functions); also the `Math` methods whose Java bodies are replaced by
//! HotSpot's x86-64 intrinsics (`HOTSPOT_MATH`).

use super::Lowerer;
use crate::contract::NATIVES;
use crate::program::MethodId;

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

/// `java.lang.Math` methods that HotSpot replaces with intrinsic stubs on x86-64, whose
/// results differ from `StrictMath`'s: their Java bodies are replaced by calls of the
/// runtime's replays of the stubs (`runtime/src/natives/hotspot/`). The other `Math`
/// methods keep the JDK's Java code (which calls `StrictMath`, as HotSpot's results do).
const HOTSPOT_MATH: &[(&str, &str)] = &[
    ("exp(D)D", "roast_hotspot_exp"),
    ("log(D)D", "roast_hotspot_log"),
    ("log10(D)D", "roast_hotspot_log10"),
    ("sin(D)D", "roast_hotspot_sin"),
    ("cos(D)D", "roast_hotspot_cos"),
    ("tan(D)D", "roast_hotspot_tan"),
];

/// `class.name descriptor` of a method, the key of the tables above.
fn method_key(l: &Lowerer<'_, '_>, m: MethodId) -> String {
    let meth = l.program.method(m);
    format!(
        "{}.{}{}",
        l.program.class(meth.class).name,
        meth.name,
        meth.descriptor
    )
}

/// The function of one of the tables for `key` under `prefix`, with its number of double
/// arguments.
fn table_function(
    table: &[(&str, &'static str)],
    prefix: &str,
    key: &str,
) -> Option<(&'static str, usize)> {
    key.strip_prefix(prefix).and_then(|rest| {
        table
            .iter()
            .find(|(k, _)| *k == rest)
            .map(|&(k, sym)| (sym, if k.contains("(DD)") { 2 } else { 1 }))
    })
}

/// Is `m` a `Math` method whose Java body is replaced by a stub call (see `HOTSPOT_MATH`)?
pub fn is_hotspot_math(l: &Lowerer<'_, '_>, m: MethodId) -> bool {
    table_function(HOTSPOT_MATH, "java/lang/Math.", &method_key(l, m)).is_some()
}

/// Emits the body of a `Math` method that HotSpot computes with an intrinsic stub (see
/// `HOTSPOT_MATH`). Returns false, emitting nothing, for other methods.
pub fn lower_hotspot_math_body(l: &mut Lowerer<'_, '_>, m: MethodId) -> bool {
    let key = method_key(l, m);
    match table_function(HOTSPOT_MATH, "java/lang/Math.", &key) {
        Some((sym, arity)) => {
            emit_double_call_body(l, m, sym, arity);
            true
        }
        None => false,
    }
}

/// Emits a body that returns `sym(arguments)`, for a function of `arity` doubles.
fn emit_double_call_body(l: &mut Lowerer<'_, '_>, m: MethodId, sym: &str, arity: usize) {
    let ctx = l.ctx;
    let func = l.function(m);
    let bb = ctx.append_basic_block(func, "entry");
    l.builder.position_at_end(bb);
    let d = ctx.f64_type();
    let types = vec![d.into(); arity];
    let f = l
        .module
        .get_function(sym)
        .unwrap_or_else(|| l.module.add_function(sym, d.fn_type(&types, false), None));
    let args: Vec<inkwell::values::BasicMetadataValueEnum> =
        func.get_params().iter().map(|&v| v.into()).collect();
    let v = l
        .builder
        .build_call(f, &args, "m")
        .expect("call")
        .try_as_basic_value()
        .basic()
        .expect("value");
    l.builder.build_return(Some(&v)).expect("ret");
}

/// Emits a body for natives the compiler implements inline. Returns false when `m` is not
/// one of them.
pub fn lower_intrinsic_body(l: &mut Lowerer<'_, '_>, m: MethodId) -> bool {
    let key = method_key(l, m);
    let ctx = l.ctx;
    let bitcast_to: Option<inkwell::types::BasicTypeEnum> = match key.as_str() {
        "java/lang/Float.floatToRawIntBits(F)I" => Some(ctx.i32_type().into()),
        "java/lang/Float.intBitsToFloat(I)F" => Some(ctx.f32_type().into()),
        "java/lang/Double.doubleToRawLongBits(D)J" => Some(ctx.i64_type().into()),
        "java/lang/Double.longBitsToDouble(J)D" => Some(ctx.f64_type().into()),
        _ => None,
    };
    if let Some(t) = bitcast_to {
        let func = l.function(m);
        let bb = ctx.append_basic_block(func, "entry");
        l.builder.position_at_end(bb);
        let param = func.get_params()[0];
        let v = l.builder.build_bit_cast(param, t, "bits").expect("cast");
        l.builder.build_return(Some(&v)).expect("ret");
        return true;
    }
    let math_fn = if key == "java/lang/StrictMath.sqrt(D)D" {
        Some(("llvm.sqrt.f64", 1))
    } else {
        table_function(STRICT_MATH, "java/lang/StrictMath.", &key)
    };
    match math_fn {
        Some((sym, arity)) => {
            emit_double_call_body(l, m, sym, arity);
            true
        }
        None => false,
    }
}
