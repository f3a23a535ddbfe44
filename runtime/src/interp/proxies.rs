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

// The compiler's value conversions, which `proxy.rs` uses.
#[allow(dead_code)]
#[path = "../../../aot/src/desugar/convert.rs"]
mod convert;

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
    match super::define::define_file(
        l.raw() as usize,
        file,
        0,
        super::define::Origin::Synthesized,
    ) {
        Some(d) => roast_class_mirror(d),
        None => std::ptr::null_mut(),
    }
}
