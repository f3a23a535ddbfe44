//! Natives of the SDK's `java.lang.reflect.Proxy`: the proxy classes the compiler
//! synthesized (`class_flags::PROXY`, see `aot/src/proxies.rs`) and the renaming of a proxy
//! class to HotSpot's `$Proxy<N>` name when the program first asks for it.
//!
//! Stack traces show a named proxy class under its run-time name ([`frame_name`]).
//!
//! Invariant: the proxy classes are listed in class-table order, so index `i` names the same
//! class for the whole run.

use super::lang::mirror_desc;
use crate::classes::mirror_or_null;
use crate::contract::{class_flags, ClassDesc};
use crate::object::{all_classes, field_offset, DescExt, Obj};

fn proxy_classes() -> impl Iterator<Item = &'static ClassDesc> {
    all_classes()
        .iter()
        .copied()
        .filter(|d| d.meta().is_some_and(|m| m.flags & class_flags::PROXY != 0))
}

/// Proxy.proxyClassCount0: the number of prebuilt proxy classes.
#[export_name = "java/lang/reflect/Proxy.proxyClassCount0()I"]
pub extern "C" fn proxy_class_count0() -> i32 {
    proxy_classes().count() as i32
}

/// Proxy.proxyClassAt0: prebuilt proxy class `i`, or null.
#[export_name = "java/lang/reflect/Proxy.proxyClassAt0(I)Ljava/lang/Class;"]
pub extern "C" fn proxy_class_at0(i: i32) -> *mut u8 {
    let d = usize::try_from(i).ok().and_then(|i| proxy_classes().nth(i));
    mirror_or_null(d)
}

/// Proxy.setClassName0: sets the name `Class.getName()` reports for a proxy class.
#[export_name = "java/lang/reflect/Proxy.setClassName0(Ljava/lang/Class;Ljava/lang/String;)V"]
pub extern "C" fn proxy_set_class_name0(class: *mut u8, name: *mut u8) {
    if mirror_desc(class).is_none() {
        return;
    }
    let Some(mirror) = Obj::from_raw(class) else {
        return;
    };
    if let Some(off) = field_offset(mirror.desc(), "name") {
        mirror.write_ref(off, Obj::from_raw(name));
    }
}

/// The run-time name of a proxy class for stack traces (`Class.getName()` once the SDK named
/// it, see `Proxy.setClassName0`) and its module (`jdk.proxy1` for public proxy classes, as
/// HotSpot's dynamic module); None for other classes and for proxy classes not named yet.
pub fn frame_name(class: &'static ClassDesc) -> Option<(String, Option<&'static str>)> {
    if class
        .meta()
        .is_none_or(|m| m.flags & class_flags::PROXY == 0)
    {
        return None;
    }
    let mirror = Obj::from_raw(crate::classes::roast_class_mirror(class))?;
    let off = field_offset(mirror.desc(), "name")?;
    let name = String::from_utf16_lossy(&crate::strings::utf16(mirror.read_ref(off)?));
    let module = name.starts_with("jdk.proxy1.").then_some("jdk.proxy1");
    Some((name, module))
}
