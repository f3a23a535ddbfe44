//! `invokedynamic` with the bootstrap `java.lang.runtime.ObjectMethods.bootstrap`: the
//! `toString`, `hashCode` and `equals` javac generates for records, evaluated directly with
//! the JDK 17 semantics of `ObjectMethods`:
//! - `toString`: `Simple[a=1, b=x]` (the class's simple name, components in order, each as
//!   `String.valueOf` prints it);
//! - `hashCode`: `31 * h + hash(c)` over the components from 0, `hash` being the wrapper's
//!   `hashCode` for primitives (`Float.floatToIntBits`, `Double.doubleToLongBits` folded)
//!   and `Objects.hashCode` for references;
//! - `equals`: the other object is an instance of the record class and every component is
//!   equal: `==` for integral values, `Float.compare`/`Double.compare == 0`, `Objects.equals`.
//!
//! Invariant: the components are the bootstrap's getter handles (`REF_getField` of the
//! record class, JVMS §4.4.8), read directly from the object's fields by name; a handle of
//! another kind, or a field the class does not have, is a VerifyError.

use super::exec::{check, obj_of, verify_fail, Frame, Thrown, R};
use super::native_code::{call_native, NativeArgs};
use super::value::Value;
use crate::classfile::Loadable;
use crate::object::{class_by_name, cstr, field_offset, DescExt, Obj};

/// `REF_getField` (JVMS Table 5.4.3.5-A).
const REF_GET_FIELD: u8 = 1;

/// One record component: field name, descriptor letter, byte offset.
struct Component {
    name: String,
    letter: u8,
    offset: usize,
}

/// Executes the call site `name`/`descriptor` of an ObjectMethods bootstrap with arguments
/// `args` (constant-pool indices).
pub fn invoke(f: &mut Frame, name: &str, args: &[u16]) -> R<()> {
    let file = &f.m.class().file;
    let record = match args.first().map(|&a| file.cp.loadable(a)) {
        Some(Ok(Loadable::Class(c))) => c.to_string(),
        _ => return verify_fail(f.m, "ObjectMethods bootstrap without a record class"),
    };
    let record = super::resolve::class_named(f.m.class(), &record).ok_or(Thrown)?;
    let mut components = Vec::new();
    for &a in args.iter().skip(2) {
        let (kind, member) = match file.cp.method_handle(a) {
            Ok(h) => h,
            Err(e) => return verify_fail(f.m, &e.to_string()),
        };
        let offset = field_offset(record, member.name);
        let (Some(offset), REF_GET_FIELD) = (offset, kind) else {
            return verify_fail(f.m, "ObjectMethods component is not a field getter");
        };
        components.push(Component {
            name: member.name.to_string(),
            letter: member.descriptor.as_bytes()[0],
            offset,
        });
    }
    match name {
        "toString" => {
            let this = receiver(f, record)?;
            let mut out: Vec<u16> = simple_name(record).encode_utf16().collect();
            out.push(u16::from(b'['));
            for (i, c) in components.iter().enumerate() {
                if i > 0 {
                    out.extend(", ".encode_utf16());
                }
                out.extend(c.name.encode_utf16());
                out.push(u16::from(b'='));
                out.extend(super::indy::stringify(sig_letter(c.letter), read(this, c))?);
            }
            out.push(u16::from(b']'));
            let s = crate::strings::java_string_utf16(&out).ok_or(Thrown)?;
            f.push(Value::Ref(s.raw() as usize))
        }
        "hashCode" => {
            let this = receiver(f, record)?;
            let mut h: i32 = 0;
            for c in &components {
                h = h
                    .wrapping_mul(31)
                    .wrapping_add(hash(c.letter, read(this, c))?);
            }
            f.push(Value::Int(h))
        }
        "equals" => {
            let other = f.pop()?;
            let this = receiver(f, record)?;
            let Value::Ref(other) = other else {
                return verify_fail(f.m, "equals argument is not a reference");
            };
            let result = match obj_of(other) {
                Some(o) if crate::classes::is_subtype(o.desc(), record) => {
                    let mut all = true;
                    for c in &components {
                        if !equal(read(this, c), read(o, c))? {
                            all = false;
                            break;
                        }
                    }
                    all
                }
                _ => false,
            };
            f.push(Value::Int(i32::from(result)))
        }
        _ => {
            crate::throw::linkage(
                crate::contract::error_kind::UNSUPPORTED,
                &format!("ObjectMethods.bootstrap for method {name} is not supported"),
            );
            Err(Thrown)
        }
    }
}

/// Pops the receiver: a non-null instance of the record class.
fn receiver(f: &mut Frame, record: &crate::contract::ClassDesc) -> R<Obj> {
    match f.pop()? {
        Value::Ref(r) => match obj_of(r) {
            Some(o) if crate::classes::is_subtype(o.desc(), record) => Ok(o),
            Some(_) => verify_fail(f.m, "record method on an object of another class"),
            None => {
                crate::throw::npe(None);
                Err(Thrown)
            }
        },
        _ => verify_fail(f.m, "record method receiver is not a reference"),
    }
}

/// `Class.getSimpleName()` of a (non-array) class.
fn simple_name(d: &crate::contract::ClassDesc) -> String {
    match d.meta().map(|m| m.simple_name).filter(|p| !p.is_null()) {
        Some(p) => cstr(p).to_string(),
        None => d.name().rsplit('/').next().unwrap_or("").to_string(),
    }
}

/// The letter `stringify` expects (references as `L`).
fn sig_letter(letter: u8) -> u8 {
    if letter == b'[' {
        b'L'
    } else {
        letter
    }
}

fn read(o: Obj, c: &Component) -> Value {
    match c.letter {
        b'Z' => Value::Int(i32::from(o.read::<u8>(c.offset))),
        b'B' => Value::Int(i32::from(o.read::<i8>(c.offset))),
        b'C' => Value::Int(i32::from(o.read::<u16>(c.offset))),
        b'S' => Value::Int(i32::from(o.read::<i16>(c.offset))),
        b'I' => Value::Int(o.read::<i32>(c.offset)),
        b'J' => Value::Long(o.read::<i64>(c.offset)),
        b'F' => Value::Float(o.read::<f32>(c.offset)),
        b'D' => Value::Double(o.read::<f64>(c.offset)),
        _ => Value::Ref(o.read_ref(c.offset).map_or(0, |r| r.raw() as usize)),
    }
}

/// The hash of a component with descriptor letter `letter` (see the module docs).
fn hash(letter: u8, v: Value) -> R<i32> {
    Ok(match v {
        Value::Int(x) if letter == b'Z' => {
            if x != 0 {
                1231
            } else {
                1237
            }
        }
        Value::Int(x) => x,
        Value::Long(x) => (x ^ ((x as u64) >> 32) as i64) as i32,
        Value::Float(x) => float_bits(x) as i32,
        Value::Double(x) => {
            let b = double_bits(x);
            (b ^ (b >> 32)) as i32
        }
        Value::Ref(r) => match obj_of(r) {
            None => 0,
            Some(o) => call_object_method(o, "hashCode()I", None)? as i32,
        },
        Value::Top => return Err(Thrown),
    })
}

/// `Float.floatToIntBits` (NaN canonical).
fn float_bits(x: f32) -> u32 {
    if x.is_nan() {
        0x7fc0_0000
    } else {
        x.to_bits()
    }
}

/// `Double.doubleToLongBits` (NaN canonical).
fn double_bits(x: f64) -> u64 {
    if x.is_nan() {
        0x7ff8_0000_0000_0000
    } else {
        x.to_bits()
    }
}

fn equal(a: Value, b: Value) -> R<bool> {
    Ok(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Long(x), Value::Long(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => float_bits(x) == float_bits(y),
        (Value::Double(x), Value::Double(y)) => double_bits(x) == double_bits(y),
        (Value::Ref(x), Value::Ref(y)) => {
            x == y
                || match obj_of(x) {
                    None => false,
                    Some(o) => {
                        call_object_method(o, "equals(Ljava/lang/Object;)Z", Some(y))? & 1 != 0
                    }
                }
        }
        _ => false,
    })
}

/// Calls a virtual method of `java.lang.Object` on `o` through its vtable, with an
/// optional reference argument; the integer result.
fn call_object_method(o: Obj, method: &str, arg: Option<usize>) -> R<i64> {
    let object = class_by_name("java/lang/Object").ok_or(Thrown)?;
    let Some(slot) = super::resolve::vtable_slot(object, method) else {
        return super::resolve::pruned(&format!("method java.lang.Object.{method}")).ok_or(Thrown);
    };
    let entry = super::link::vtable(o.desc())[slot];
    if super::resolve::stub_kind(entry).is_some() {
        let what = format!("method {}.{method}", crate::classes::java_name(o.desc()));
        return super::resolve::pruned(&what).ok_or(Thrown);
    }
    let mut a = NativeArgs::default();
    a.int(o.raw() as i64);
    if let Some(x) = arg {
        a.int(x as i64);
    }
    // SAFETY: a virtual method of Object taking (this[, Object]) from the receiver's vtable.
    let ret = unsafe { call_native(entry, &a) };
    check()?;
    Ok(ret.int)
}
