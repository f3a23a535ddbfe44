//! Operand-stack shuffles (JVMS §6.5 pop..swap, by value category), arithmetic, comparisons,
//! branches and returns.

use super::exec::{verify_fail, Flow, Frame, Thrown, R};
use super::value::{arith, cond, convert, fcmp, ArithError, Value};
use crate::classfile::{ArrayKind, Cond, Kind, Op};

/// `pop`..`swap`. Category-2 values are one stack entry, so the forms are chosen by the
/// categories of the values involved, as JVMS describes.
pub fn shuffle(f: &mut Frame, op: &Op) -> R<()> {
    let s = &mut f.stack;
    let n = s.len();
    let wide = |i: usize| s.get(n.wrapping_sub(i)).is_some_and(|v| v.is_wide());
    // How many entries form the top "two words".
    let two = if wide(1) { 1 } else { 2 };
    let need = match op {
        Op::Pop | Op::Dup => 1,
        Op::Swap | Op::DupX1 => 2,
        Op::Pop2 | Op::Dup2 => two,
        Op::DupX2 => 1 + if wide(2) { 1 } else { 2 },
        Op::Dup2X1 => two + 1,
        Op::Dup2X2 => {
            let below = n.saturating_sub(two);
            two + if s.get(below.wrapping_sub(1)).is_some_and(|v| v.is_wide()) {
                1
            } else {
                2
            }
        }
        _ => 0,
    };
    if n < need {
        return verify_fail(f.m, "operand stack underflow");
    }
    let s = &mut f.stack;
    match op {
        Op::Pop | Op::Pop2 => s.truncate(n - need),
        Op::Dup => s.push(s[n - 1]),
        Op::Swap => s.swap(n - 1, n - 2),
        Op::DupX1 | Op::DupX2 => {
            let v = s[n - 1];
            s.insert(n - need, v);
        }
        Op::Dup2 => {
            let top: Vec<Value> = s[n - need..].to_vec();
            s.extend(top);
        }
        Op::Dup2X1 | Op::Dup2X2 => {
            let top: Vec<Value> = s[n - two..].to_vec();
            let at = n - need;
            for (k, v) in top.into_iter().enumerate() {
                s.insert(at + k, v);
            }
        }
        _ => {}
    }
    if f.stack.len() > usize::from(f.m.max_stack) {
        return verify_fail(f.m, "operand stack overflow");
    }
    Ok(())
}

/// Arithmetic, conversions and comparisons.
pub fn math(f: &mut Frame, op: &Op) -> R<()> {
    let v = match op {
        Op::Arith(k, o) => {
            let b = if *o == crate::classfile::ArithOp::Neg {
                Value::Top
            } else {
                f.pop()?
            };
            let a = f.pop()?;
            match arith(*k, *o, a, b) {
                Ok(v) => v,
                Err(ArithError::DivByZero) => {
                    crate::throw::roast_throw_div_zero();
                    return Err(Thrown);
                }
                Err(ArithError::Type(e)) => return verify_fail(f.m, &e.0),
            }
        }
        Op::Convert(from, to) => {
            let a = f.pop()?;
            f.ty(convert(*from, *to, a))?
        }
        Op::Narrow(k) => {
            let a = f.pop_int()?;
            Value::Int(match k {
                ArrayKind::Byte => i32::from(a as i8),
                ArrayKind::Char => i32::from(a as u16),
                _ => i32::from(a as i16),
            })
        }
        Op::Lcmp => {
            let b = f.pop()?;
            let a = f.pop()?;
            let (a, b) = (f.ty(a.long())?, f.ty(b.long())?);
            Value::Int((a > b) as i32 - (a < b) as i32)
        }
        Op::Fcmp {
            double,
            nan_greater,
        } => {
            let b = f.pop()?;
            let a = f.pop()?;
            let (x, y) = if *double {
                (f.ty(a.double())?, f.ty(b.double())?)
            } else {
                (f64::from(f.ty(a.float())?), f64::from(f.ty(b.float())?))
            };
            Value::Int(fcmp(x, y, *nan_greater))
        }
        _ => return Ok(()),
    };
    f.push(v)
}

/// Conditional and unconditional branches.
pub fn branch(f: &mut Frame, op: &Op) -> R<Flow> {
    let (taken, t) = match op {
        Op::If(c, t) => (cond(*c, f.pop_int()?, 0), *t),
        Op::IfICmp(c, t) => {
            let b = f.pop_int()?;
            let a = f.pop_int()?;
            (cond(*c, a, b), *t)
        }
        Op::IfACmp(eq, t) => {
            let b = f.pop_ref()?;
            let a = f.pop_ref()?;
            ((a == b) == *eq, *t)
        }
        Op::IfNull(t) => (f.pop_ref()? == 0, *t),
        Op::IfNonNull(t) => (f.pop_ref()? != 0, *t),
        Op::Goto(t) => (true, *t),
        _ => (cond(Cond::Eq, 0, 1), 0),
    };
    Ok(if taken { Flow::Jump(t) } else { Flow::Next })
}

/// `xreturn`: the value must have the method's return kind.
pub fn ret(f: &mut Frame, k: Option<Kind>) -> R<Flow> {
    let Some(k) = k else {
        return Ok(Flow::Return(Value::Top));
    };
    let v = f.pop()?;
    if !v.has_kind(k) {
        return verify_fail(f.m, &format!("return of {v:?} as {k:?}"));
    }
    Ok(Flow::Return(v))
}
