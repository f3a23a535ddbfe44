//! Unit tests of the interpreter's pure core (`runtime/src/interp/sig.rs`, `value.rs`,
//! `verify/types.rs`, `verify/opcodes.rs`):
//! descriptor classification and Java arithmetic, conversions and comparisons. The runtime
//! crate cannot host tests (it defines `main`), so these modules, which depend only on the
//! shared class-file module, are compiled in here.

// `value.rs` names the decoder's enums through `crate::classfile`.
use roast_aot::classfile;

#[allow(dead_code)]
#[path = "../../runtime/src/interp/sig.rs"]
mod sig;
#[allow(dead_code)]
#[path = "../../runtime/src/interp/value.rs"]
mod value;
// The verifier's pure parts: verification types with assignability (its tests run here) and
// the opcode mnemonics of VerifyError locations.
#[allow(dead_code)]
#[path = "../../runtime/src/interp/verify/opcodes.rs"]
mod verify_opcodes;
#[allow(dead_code)]
#[path = "../../runtime/src/interp/verify/types.rs"]
mod verify_types;

use classfile::{ArithOp, Cond, Kind};
use sig::Sig;
use value::{arith, cond, convert, fcmp, ArithError, Value};

#[test]
fn descriptors_classify_parameters_and_results() {
    let s = Sig::parse("(IJLjava/lang/String;[[DZ[Ljava/lang/Object;F)V").expect("valid");
    assert_eq!(s.params, b"IJLLZLF");
    assert_eq!(s.ret, b'V');
    assert_eq!(s.arg_slots(), 8);
    assert_eq!(Sig::parse("()[I").map(|s| s.ret), Some(b'L'));
    assert_eq!(Sig::parse("(D)D").map(|s| s.arg_slots()), Some(2));
    for bad in [
        "",
        "I",
        "(",
        "(X)V",
        "(Ljava/lang/String)V",
        "()",
        "()VV",
        "(I)",
    ] {
        assert_eq!(Sig::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn integer_arithmetic_wraps_and_traps_like_java() {
    let i = |v| Value::Int(v);
    assert_eq!(
        arith(Kind::Int, ArithOp::Add, i(i32::MAX), i(1)),
        Ok(i(i32::MIN))
    );
    assert_eq!(
        arith(Kind::Int, ArithOp::Div, i(i32::MIN), i(-1)),
        Ok(i(i32::MIN))
    );
    assert_eq!(arith(Kind::Int, ArithOp::Rem, i(i32::MIN), i(-1)), Ok(i(0)));
    assert_eq!(arith(Kind::Int, ArithOp::Rem, i(7), i(-3)), Ok(i(1)));
    assert_eq!(
        arith(Kind::Int, ArithOp::Div, i(1), i(0)),
        Err(ArithError::DivByZero)
    );
    assert_eq!(arith(Kind::Int, ArithOp::Shl, i(1), i(33)), Ok(i(2)));
    assert_eq!(arith(Kind::Int, ArithOp::Ushr, i(-1), i(28)), Ok(i(15)));
    assert_eq!(
        arith(Kind::Int, ArithOp::Neg, i(i32::MIN), Value::Top),
        Ok(i(i32::MIN))
    );
    let l = |v| Value::Long(v);
    assert_eq!(arith(Kind::Long, ArithOp::Shr, l(-8), i(65)), Ok(l(-4)));
    assert_eq!(
        arith(Kind::Long, ArithOp::Rem, l(5), l(0)),
        Err(ArithError::DivByZero)
    );
    assert!(matches!(
        arith(Kind::Long, ArithOp::Add, l(1), i(1)),
        Err(ArithError::Type(_))
    ));
    assert!(matches!(
        arith(Kind::Int, ArithOp::Add, Value::Ref(8), i(1)),
        Err(ArithError::Type(_))
    ));
}

#[test]
fn floating_point_follows_ieee_and_java_conversions() {
    let d = |v| Value::Double(v);
    assert_eq!(
        arith(Kind::Double, ArithOp::Rem, d(5.5), d(-2.0)),
        Ok(d(1.5))
    );
    assert!(
        matches!(arith(Kind::Double, ArithOp::Div, d(1.0), d(0.0)), Ok(Value::Double(x)) if x == f64::INFINITY)
    );
    assert_eq!(
        convert(Kind::Double, Kind::Int, d(f64::NAN)),
        Ok(Value::Int(0))
    );
    assert_eq!(
        convert(Kind::Double, Kind::Int, d(1e20)),
        Ok(Value::Int(i32::MAX))
    );
    assert_eq!(
        convert(Kind::Float, Kind::Long, Value::Float(-1e30)),
        Ok(Value::Long(i64::MIN))
    );
    assert_eq!(
        convert(Kind::Long, Kind::Int, Value::Long(1 << 32 | 5)),
        Ok(Value::Int(5))
    );
    assert_eq!(
        convert(Kind::Int, Kind::Float, Value::Int(16_777_217)),
        Ok(Value::Float(16_777_216.0))
    );
    assert!(convert(Kind::Int, Kind::Long, Value::Float(1.0)).is_err());
    assert_eq!(fcmp(f64::NAN, 1.0, true), 1);
    assert_eq!(fcmp(f64::NAN, 1.0, false), -1);
    assert_eq!(fcmp(-0.0, 0.0, false), 0);
    assert!(cond(Cond::Le, -1, -1) && !cond(Cond::Gt, 0, 1));
}

#[test]
fn values_check_their_tags() {
    assert!(Value::Int(1).reference().is_err());
    assert!(Value::Ref(0).int().is_err());
    assert!(Value::Long(1).is_wide() && Value::Double(1.0).is_wide() && !Value::Int(1).is_wide());
    assert_eq!(Value::from_raw(b'Z', 0x100, 0.0), Value::Int(0));
    assert_eq!(Value::from_raw(b'B', 0xff, 0.0), Value::Int(-1));
    assert_eq!(Value::from_raw(b'C', -1, 0.0), Value::Int(0xffff));
    let f = Value::from_raw(b'F', 0, f64::from_bits(u64::from(1.5f32.to_bits())));
    assert_eq!(f, Value::Float(1.5));
}
