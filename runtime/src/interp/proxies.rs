//! `java.lang.reflect.Proxy` classes made at run time, for interface lists the compiler
//! could not prebuild because an interface was itself defined at run time (a plugin's
//! interface, a program interface or annotation type in an interpret-program build).
//!
//! The SDK's `Proxy` computes the method list in Java with HotSpot's `ProxyGenerator`
//! rules (Object's `hashCode`/`equals`/`toString` first, then each interface's public
//! instance methods, duplicates merged, the unique catch list) and hands it here as text;
//! the class file is synthesized by the compiler's own proxy generator
//! (`aot/src/desugar/proxy.rs` with its class builder, shared by `#[path]`), so a run-time
//! proxy has the shape of a prebuilt one, and is linked like any run-time class by the
//! loader the SDK chose.
//!
//! Invariant: the text is one line per method, `name descriptor declaring default-via
//! catch,list` (`-` for no default and an empty catch list), after a first line `name
//! public interface,list`; malformed text is an InternalError, never a guessed class.

// The compiler's class builder and proxy generator, shared as source; the compiler-only
// helpers in them are unused here.
#[allow(dead_code)]
#[path = "../../../aot/src/desugar/builder.rs"]
mod builder;
#[allow(dead_code)]
#[path = "../../../aot/src/desugar/proxy.rs"]
mod proxy;

/// The conversions `proxy.rs` uses (the compiler's `desugar/convert.rs` depends on its
/// lowering types, so the helpers are restated here).
mod convert {
    use crate::classfile::descriptor::FieldType;

    /// The wrapper class and unboxing method of a primitive type.
    pub fn wrapper(t: &FieldType) -> Option<(&'static str, &'static str)> {
        Some(match t {
            FieldType::Boolean => ("java/lang/Boolean", "booleanValue"),
            FieldType::Byte => ("java/lang/Byte", "byteValue"),
            FieldType::Char => ("java/lang/Character", "charValue"),
            FieldType::Short => ("java/lang/Short", "shortValue"),
            FieldType::Int => ("java/lang/Integer", "intValue"),
            FieldType::Long => ("java/lang/Long", "longValue"),
            FieldType::Float => ("java/lang/Float", "floatValue"),
            FieldType::Double => ("java/lang/Double", "doubleValue"),
            _ => return None,
        })
    }

    /// Descriptor letter ('L' for references).
    pub fn letter(t: &FieldType) -> u8 {
        match t {
            FieldType::Byte => b'B',
            FieldType::Char => b'C',
            FieldType::Double => b'D',
            FieldType::Float => b'F',
            FieldType::Int => b'I',
            FieldType::Long => b'J',
            FieldType::Short => b'S',
            FieldType::Boolean => b'Z',
            FieldType::Object(_) | FieldType::Array(_) => b'L',
        }
    }

    /// The class operand of `checkcast` for a reference type.
    pub fn class_operand(t: &FieldType) -> String {
        match t {
            FieldType::Object(n) => n.clone(),
            other => other.descriptor(),
        }
    }

    /// Stack slots of a value of this type.
    pub fn slots(t: &FieldType) -> u16 {
        if t.is_wide() {
            2
        } else {
            1
        }
    }
}

use crate::classes::roast_class_mirror;
use crate::object::Obj;
use crate::strings::rust_string;
use proxy::{ProxyMethod, ProxySpec};

/// Parses the SDK's description (see the module docs).
fn parse_spec(text: &str) -> Option<ProxySpec> {
    let mut lines = text.lines();
    let mut head = lines.next()?.split(' ');
    let name = head.next()?.to_string();
    let public = head.next()? == "true";
    let interfaces = head.next()?.split(',').map(str::to_string).collect();
    let mut methods = Vec::new();
    for line in lines {
        let parts: Vec<&str> = line.split(' ').collect();
        let [name, descriptor, declaring, via, catches] = parts[..] else {
            return None;
        };
        methods.push(ProxyMethod {
            name: name.to_string(),
            descriptor: descriptor.to_string(),
            declaring: declaring.to_string(),
            default_via: (via != "-").then(|| via.to_string()),
            catch_list: catches
                .split(',')
                .filter(|c| !c.is_empty() && *c != "-")
                .map(str::to_string)
                .collect(),
        });
    }
    Some(ProxySpec {
        name,
        public,
        interfaces,
        methods,
    })
}

/// Proxy.defineProxy0: synthesizes and defines the proxy class `spec` describes in `loader`.
#[export_name = "java/lang/reflect/Proxy.defineProxy0(Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;"]
pub extern "C" fn define_proxy0(loader: *mut u8, spec: *mut u8) -> *mut u8 {
    let (Some(l), Some(s)) = (Obj::from_raw(loader), Obj::from_raw(spec)) else {
        crate::throw::npe(None);
        return std::ptr::null_mut();
    };
    let text = rust_string(s);
    let Some(spec) = parse_spec(&text) else {
        crate::throw::linkage(
            crate::contract::error_kind::UNSUPPORTED,
            &format!("malformed proxy description: {text}"),
        );
        return std::ptr::null_mut();
    };
    let file = match proxy::synthesize(&spec) {
        Ok(f) => f,
        Err(e) => {
            crate::throw::linkage(
                crate::contract::error_kind::UNSUPPORTED,
                &format!("cannot make proxy class {}: {e}", spec.name),
            );
            return std::ptr::null_mut();
        }
    };
    match super::define::define_file(l.raw() as usize, file, 0) {
        Some(d) => roast_class_mirror(d),
        None => std::ptr::null_mut(),
    }
}
