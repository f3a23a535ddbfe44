//! `invokedynamic` in interpreted code (JVMS §6.5, §5.4.3.6). Supported bootstrap:
//! `StringConcatFactory.makeConcatWithConstants` (javac's string concatenation), evaluated
//! directly: the recipe's `\1` takes the next argument, `\2` the next constant;
//! `LambdaMetafactory` (lambdas, method references) in `lambda.rs`; records'
//! `ObjectMethods` in `record_methods.rs`. Other bootstraps (constant dynamics) raise
//! UnsupportedOperationException naming the bootstrap.
//!
//! Invariant: values are converted to strings as `String.valueOf` does, by calling the
//! compiled `toString` methods (`Float`/`Double.toString` for floating point, the receiver's
//! virtual `toString()` for objects).

use super::exec::{check, obj_of, verify_fail, Frame, Thrown, R};
use super::native_code::{call_native, NativeArgs};
use super::sig::Sig;
use super::value::Value;
use crate::classfile::Loadable;
use crate::contract;
use crate::object::{class_by_name, Obj};

/// Executes `invokedynamic` at constant-pool index `idx`.
pub fn invoke_dynamic(f: &mut Frame, idx: u16) -> R<()> {
    let file = &f.m.class().file;
    let (bsm_index, _name, descriptor) = match file.cp.invoke_dynamic(idx) {
        Ok(t) => t,
        Err(e) => return verify_fail(f.m, &e.to_string()),
    };
    let Some(bsm) = file.bootstrap_methods.get(usize::from(bsm_index)) else {
        return verify_fail(f.m, "bootstrap method index out of range");
    };
    let handle = match file.cp.method_handle(bsm.method_handle) {
        Ok((_, m)) => m,
        Err(e) => return verify_fail(f.m, &e.to_string()),
    };
    if handle.class == "java/lang/invoke/LambdaMetafactory" {
        return super::lambda::invoke(f, idx);
    }
    if handle.class == "java/lang/runtime/ObjectMethods" && handle.name == "bootstrap" {
        let (name, args) = (_name.to_string(), bsm.args.clone());
        return super::record_methods::invoke(f, &name, &args);
    }
    if handle.class != "java/lang/invoke/StringConcatFactory"
        || handle.name != "makeConcatWithConstants"
    {
        crate::throw::linkage(
            contract::error_kind::UNSUPPORTED,
            &format!(
                "invokedynamic with bootstrap {}.{} in interpreted code is not supported yet",
                handle.class.replace('/', "."),
                handle.name
            ),
        );
        return Err(Thrown);
    }
    let Some(sig) = Sig::parse(descriptor) else {
        return verify_fail(f.m, "malformed invokedynamic descriptor");
    };
    let recipe = match bsm.args.first().map(|&a| file.cp.loadable(a)) {
        Some(Ok(Loadable::String(units))) => units.to_vec(),
        _ => return verify_fail(f.m, "string concatenation without a recipe"),
    };
    let mut constants = Vec::new();
    for &a in &bsm.args[1..] {
        constants.push(match file.cp.loadable(a) {
            Ok(Loadable::String(u)) => u.to_vec(),
            Ok(Loadable::Int(v)) => v.to_string().encode_utf16().collect(),
            Ok(Loadable::Long(v)) => v.to_string().encode_utf16().collect(),
            _ => return verify_fail(f.m, "unsupported string concatenation constant"),
        });
    }
    let mut args = Vec::new();
    for &l in sig.params.iter().rev() {
        let v = f.pop()?;
        if !super::invoke::matches_letter(v, l) {
            return verify_fail(f.m, "string concatenation argument of the wrong type");
        }
        args.push((l, v));
    }
    args.reverse();
    let mut out: Vec<u16> = Vec::new();
    let (mut next_arg, mut next_const) = (args.into_iter(), constants.into_iter());
    for &u in &recipe {
        match u {
            1 => match next_arg.next() {
                Some((l, v)) => out.extend(stringify(l, v)?),
                None => return verify_fail(f.m, "recipe needs more arguments"),
            },
            2 => match next_const.next() {
                Some(c) => out.extend(c),
                None => return verify_fail(f.m, "recipe needs more constants"),
            },
            _ => out.push(u),
        }
    }
    let s = crate::strings::java_string_utf16(&out).ok_or(Thrown)?;
    f.push(Value::Ref(s.raw() as usize))
}

/// `String.valueOf` of one argument, as UTF-16.
pub fn stringify(letter: u8, v: Value) -> R<Vec<u16>> {
    let text = match (letter, v) {
        (b'Z', Value::Int(x)) => (if x != 0 { "true" } else { "false" }).to_string(),
        (b'C', Value::Int(x)) => return Ok(vec![x as u16]),
        (_, Value::Int(x)) => x.to_string(),
        (_, Value::Long(x)) => x.to_string(),
        (_, Value::Float(x)) => {
            let mut a = NativeArgs::default();
            a.float(u64::from(x.to_bits()));
            return call_to_string("java/lang/Float", "toString", "(F)Ljava/lang/String;", &a);
        }
        (_, Value::Double(x)) => {
            let mut a = NativeArgs::default();
            a.float(x.to_bits());
            return call_to_string("java/lang/Double", "toString", "(D)Ljava/lang/String;", &a);
        }
        (_, Value::Ref(r)) => match obj_of(r) {
            None => "null".to_string(),
            Some(o) => return object_to_string(o),
        },
        (_, Value::Top) => return Err(Thrown),
    };
    Ok(text.encode_utf16().collect())
}

fn string_result(raw: i64) -> R<Vec<u16>> {
    check()?;
    Ok(match Obj::from_raw(raw as *mut u8) {
        Some(s) => crate::strings::utf16(s),
        None => "null".encode_utf16().collect(),
    })
}

fn call_to_string(class: &str, name: &str, desc: &str, args: &NativeArgs) -> R<Vec<u16>> {
    let entry = class_by_name(class)
        .and_then(|c| super::resolve::find_declared(c, name, desc))
        .map(|(_, e)| e)
        .filter(|e| !e.is_null());
    let Some(entry) = entry else {
        return super::resolve::pruned(&format!("method {}.{name}{desc}", class.replace('/', ".")))
            .ok_or(Thrown);
    };
    // SAFETY: a compiled static method of this descriptor.
    let ret = unsafe { call_native(entry, args) };
    string_result(ret.int)
}

/// `o.toString()` through the receiver's vtable.
pub fn object_to_string(o: Obj) -> R<Vec<u16>> {
    let object = class_by_name("java/lang/Object").ok_or(Thrown)?;
    let Some(slot) = super::resolve::vtable_slot(object, "toString()Ljava/lang/String;") else {
        return super::resolve::pruned("method java.lang.Object.toString()").ok_or(Thrown);
    };
    let entry = super::link::vtable(o.desc())[slot];
    if super::resolve::stub_kind(entry).is_some() {
        let what = format!("method {}.toString()", crate::classes::java_name(o.desc()));
        return super::resolve::pruned(&what).ok_or(Thrown);
    }
    let mut a = NativeArgs::default();
    a.int(o.raw() as i64);
    // SAFETY: `toString()` of the receiver's class.
    let ret = unsafe { call_native(entry, &a) };
    string_result(ret.int)
}
