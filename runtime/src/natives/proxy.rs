//! Natives of the SDK's `java.lang.reflect.Proxy`: the proxy classes the compiler
//! synthesized (`class_flags::PROXY`, see `aot/src/proxies.rs`) and the renaming of a proxy
//! class to HotSpot's `$Proxy<N>` name when the program first asks for it.
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
