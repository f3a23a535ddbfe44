//! Interpreter values and Java arithmetic (JVMS §2.11.3, §6.5 for each opcode): pure code,
//! unit-tested from `aot/tests/interp_core.rs`.
//!
//! Invariants: every value on the operand stack and in locals is tagged with its
//! verification type; an operation that finds the wrong tag reports a type error (turned
//! into VerifyError), so ill-typed bytecode can never use an integer as an object address.
//! Long and double take two local slots (the second is [`Value::Top`]) but one stack entry.

use crate::classfile::{ArithOp, Cond, Kind};

/// A tagged value.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Value {
    /// Unusable (uninitialized local, second half of a long/double).
    #[default]
    Top,
    /// `int` (and boolean, byte, char, short).
    Int(i32),
    /// `long`.
    Long(i64),
    /// `float`.
    Float(f32),
    /// `double`.
    Double(f64),
    /// A reference (0 = null).
    Ref(usize),
}

/// A type error in the bytecode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError(pub String);

impl Value {
    /// Category 2 (long, double)?
    pub fn is_wide(self) -> bool {
        matches!(self, Value::Long(_) | Value::Double(_))
    }

    /// The `int`, or a type error.
    pub fn int(self) -> Result<i32, TypeError> {
        match self {
            Value::Int(v) => Ok(v),
            v => Err(expected("int", v)),
        }
    }

    /// The `long`.
    pub fn long(self) -> Result<i64, TypeError> {
        match self {
            Value::Long(v) => Ok(v),
            v => Err(expected("long", v)),
        }
    }

    /// The `float`.
    pub fn float(self) -> Result<f32, TypeError> {
        match self {
            Value::Float(v) => Ok(v),
            v => Err(expected("float", v)),
        }
    }

    /// The `double`.
    pub fn double(self) -> Result<f64, TypeError> {
        match self {
            Value::Double(v) => Ok(v),
            v => Err(expected("double", v)),
        }
    }

    /// The reference (0 = null).
    pub fn reference(self) -> Result<usize, TypeError> {
        match self {
            Value::Ref(v) => Ok(v),
            v => Err(expected("reference", v)),
        }
    }

    /// Does the value have this kind's type?
    pub fn has_kind(self, k: Kind) -> bool {
        matches!(
            (self, k),
            (Value::Int(_), Kind::Int)
                | (Value::Long(_), Kind::Long)
                | (Value::Float(_), Kind::Float)
                | (Value::Double(_), Kind::Double)
                | (Value::Ref(_), Kind::Ref)
        )
    }

    /// The value for a raw register of a descriptor letter (argument or result passing).
    pub fn from_raw(letter: u8, int: i64, float: f64) -> Value {
        match letter {
            b'Z' => Value::Int(i32::from(int as u8 != 0)),
            b'B' => Value::Int(i32::from(int as i8)),
            b'C' => Value::Int(i32::from(int as u16)),
            b'S' => Value::Int(i32::from(int as i16)),
            b'I' => Value::Int(int as i32),
            b'J' => Value::Long(int),
            b'F' => Value::Float(f32::from_bits(float.to_bits() as u32)),
            b'D' => Value::Double(float),
            _ => Value::Ref(int as usize),
        }
    }
}

fn expected(what: &str, got: Value) -> TypeError {
    TypeError(format!(
        "expected {what} on the operand stack, found {got:?}"
    ))
}

/// Why an arithmetic operation cannot produce a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArithError {
    /// Integer division or remainder by zero (ArithmeticException "/ by zero").
    DivByZero,
    /// Operands of the wrong type.
    Type(TypeError),
}

impl From<TypeError> for ArithError {
    fn from(e: TypeError) -> Self {
        ArithError::Type(e)
    }
}

/// A binary operation `a op b` (or unary `Neg` of `a`, `b` ignored) of kind `k`.
pub fn arith(k: Kind, op: ArithOp, a: Value, b: Value) -> Result<Value, ArithError> {
    Ok(match k {
        Kind::Int => Value::Int(int_op(
            op,
            a.int()?,
            if op == ArithOp::Neg { 0 } else { b.int()? },
        )?),
        Kind::Long => {
            let y = match op {
                ArithOp::Neg => 0,
                ArithOp::Shl | ArithOp::Shr | ArithOp::Ushr => i64::from(b.int()?),
                _ => b.long()?,
            };
            Value::Long(long_op(op, a.long()?, y)?)
        }
        Kind::Float => {
            let y = if op == ArithOp::Neg { 0.0 } else { b.float()? };
            Value::Float(float_op(op, a.float()?, y)?)
        }
        Kind::Double => {
            let y = if op == ArithOp::Neg { 0.0 } else { b.double()? };
            Value::Double(double_op(op, a.double()?, y)?)
        }
        Kind::Ref => {
            return Err(ArithError::Type(TypeError(
                "arithmetic on references".into(),
            )))
        }
    })
}

fn int_op(op: ArithOp, x: i32, y: i32) -> Result<i32, ArithError> {
    Ok(match op {
        ArithOp::Add => x.wrapping_add(y),
        ArithOp::Sub => x.wrapping_sub(y),
        ArithOp::Mul => x.wrapping_mul(y),
        ArithOp::Div if y == 0 => return Err(ArithError::DivByZero),
        ArithOp::Div => x.wrapping_div(y),
        ArithOp::Rem if y == 0 => return Err(ArithError::DivByZero),
        ArithOp::Rem => x.wrapping_rem(y),
        ArithOp::Neg => x.wrapping_neg(),
        ArithOp::Shl => x.wrapping_shl(y as u32 & 31),
        ArithOp::Shr => x.wrapping_shr(y as u32 & 31),
        ArithOp::Ushr => ((x as u32) >> (y as u32 & 31)) as i32,
        ArithOp::And => x & y,
        ArithOp::Or => x | y,
        ArithOp::Xor => x ^ y,
    })
}

fn long_op(op: ArithOp, x: i64, y: i64) -> Result<i64, ArithError> {
    Ok(match op {
        ArithOp::Add => x.wrapping_add(y),
        ArithOp::Sub => x.wrapping_sub(y),
        ArithOp::Mul => x.wrapping_mul(y),
        ArithOp::Div if y == 0 => return Err(ArithError::DivByZero),
        ArithOp::Div => x.wrapping_div(y),
        ArithOp::Rem if y == 0 => return Err(ArithError::DivByZero),
        ArithOp::Rem => x.wrapping_rem(y),
        ArithOp::Neg => x.wrapping_neg(),
        ArithOp::Shl => x.wrapping_shl(y as u32 & 63),
        ArithOp::Shr => x.wrapping_shr(y as u32 & 63),
        ArithOp::Ushr => ((x as u64) >> (y as u32 & 63)) as i64,
        ArithOp::And => x & y,
        ArithOp::Or => x | y,
        ArithOp::Xor => x ^ y,
    })
}

fn float_op(op: ArithOp, x: f32, y: f32) -> Result<f32, ArithError> {
    Ok(match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div => x / y,
        ArithOp::Rem => x % y,
        ArithOp::Neg => -x,
        _ => {
            return Err(ArithError::Type(TypeError(
                "bitwise operation on float".into(),
            )))
        }
    })
}

fn double_op(op: ArithOp, x: f64, y: f64) -> Result<f64, ArithError> {
    Ok(match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div => x / y,
        ArithOp::Rem => x % y,
        ArithOp::Neg => -x,
        _ => {
            return Err(ArithError::Type(TypeError(
                "bitwise operation on double".into(),
            )))
        }
    })
}

/// `i2l` .. `d2f` (JVMS §6.5: float-to-integer conversions saturate, NaN gives 0, which is
/// what Rust's `as` does).
pub fn convert(from: Kind, to: Kind, v: Value) -> Result<Value, TypeError> {
    let wide: f64 = match from {
        Kind::Int => f64::from(v.int()?),
        Kind::Float => f64::from(v.float()?),
        Kind::Double => v.double()?,
        Kind::Long => {
            let l = v.long()?;
            return Ok(match to {
                Kind::Int => Value::Int(l as i32),
                Kind::Float => Value::Float(l as f32),
                Kind::Double => Value::Double(l as f64),
                _ => Value::Long(l),
            });
        }
        Kind::Ref => return Err(TypeError("conversion of a reference".into())),
    };
    Ok(match (from, to) {
        (Kind::Int, Kind::Long) => Value::Long(i64::from(v.int()?)),
        (Kind::Int, Kind::Float) => Value::Float(v.int()? as f32),
        (Kind::Float, Kind::Int) => Value::Int(v.float()? as i32),
        (Kind::Float, Kind::Long) => Value::Long(v.float()? as i64),
        (Kind::Double, Kind::Int) => Value::Int(wide as i32),
        (Kind::Double, Kind::Long) => Value::Long(wide as i64),
        (Kind::Double, Kind::Float) => Value::Float(wide as f32),
        (_, Kind::Double) => Value::Double(wide),
        _ => return Err(TypeError(format!("bad conversion {from:?} to {to:?}"))),
    })
}

/// `fcmpl`/`fcmpg`/`dcmpl`/`dcmpg` on two doubles (floats widen exactly).
pub fn fcmp(a: f64, b: f64, nan_greater: bool) -> i32 {
    if a.is_nan() || b.is_nan() {
        return if nan_greater { 1 } else { -1 };
    }
    match a.partial_cmp(&b) {
        Some(std::cmp::Ordering::Less) => -1,
        Some(std::cmp::Ordering::Greater) => 1,
        _ => 0,
    }
}

/// Evaluates a branch condition on `a` compared with `b`.
pub fn cond(c: Cond, a: i32, b: i32) -> bool {
    match c {
        Cond::Eq => a == b,
        Cond::Ne => a != b,
        Cond::Lt => a < b,
        Cond::Ge => a >= b,
        Cond::Gt => a > b,
        Cond::Le => a <= b,
    }
}
