//! Natives of `java.lang.Class`, `jdk.internal.reflect.Reflection`, and the VM-state classes
//! (`jdk.internal.misc.VM`, `CDS`) that HotSpot implements.

use super::lang::mirror_desc;
use crate::classes::{is_subtype, roast_class_mirror};
use crate::contract::{self, FrameRecord};
use crate::object::{class_by_name, field_offset, DescExt, Obj};
use crate::strings::{java_string, rust_string};

/// Class.registerNatives
#[export_name = "java/lang/Class.registerNatives()V"]
pub extern "C" fn class_register_natives() {}

/// Class.getPrimitiveClass
#[export_name = "java/lang/Class.getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;"]
pub extern "C" fn class_get_primitive_class(name: *mut u8) -> *mut u8 {
    let Some(n) = Obj::from_raw(name) else {
        return std::ptr::null_mut();
    };
    match class_by_name(&rust_string(n)) {
        Some(d) => roast_class_mirror(d),
        None => std::ptr::null_mut(),
    }
}

/// Class.desiredAssertionStatus0: assertions are disabled, as with `java` by default.
#[export_name = "java/lang/Class.desiredAssertionStatus0(Ljava/lang/Class;)Z"]
pub extern "C" fn class_desired_assertion_status0(_c: *mut u8) -> i32 {
    0
}

/// Class.initClassName: sets and returns the binary name.
#[export_name = "java/lang/Class.initClassName()Ljava/lang/String;"]
pub extern "C" fn class_init_class_name(this: *mut u8) -> *mut u8 {
    let Some(d) = mirror_desc(this) else {
        return std::ptr::null_mut();
    };
    let name = java_string(&crate::classes::java_name(d));
    let this = Obj::from_raw(this).expect("checked");
    if let Some(off) = class_by_name("java/lang/Class").and_then(|c| field_offset(c, "name")) {
        this.write_ref(off, name);
    }
    name.map_or(std::ptr::null_mut(), |o| o.raw())
}

/// Class.isArray
#[export_name = "java/lang/Class.isArray()Z"]
pub extern "C" fn class_is_array(this: *mut u8) -> i32 {
    mirror_desc(this).is_some_and(|d| d.is_array()) as i32
}

/// Class.isPrimitive
#[export_name = "java/lang/Class.isPrimitive()Z"]
pub extern "C" fn class_is_primitive(this: *mut u8) -> i32 {
    mirror_desc(this).is_some_and(|d| d.kind == contract::KIND_PRIMITIVE) as i32
}

/// Class.isInterface
#[export_name = "java/lang/Class.isInterface()Z"]
pub extern "C" fn class_is_interface(this: *mut u8) -> i32 {
    mirror_desc(this).is_some_and(|d| d.is_interface()) as i32
}

/// Class.isHidden
#[export_name = "java/lang/Class.isHidden()Z"]
pub extern "C" fn class_is_hidden(_this: *mut u8) -> i32 {
    0
}

/// Class.isInstance
#[export_name = "java/lang/Class.isInstance(Ljava/lang/Object;)Z"]
pub extern "C" fn class_is_instance(this: *mut u8, o: *mut u8) -> i32 {
    let Some(d) = mirror_desc(this) else { return 0 };
    Obj::from_raw(o).is_some_and(|o| is_subtype(o.desc(), d)) as i32
}

/// Class.isAssignableFrom
#[export_name = "java/lang/Class.isAssignableFrom(Ljava/lang/Class;)Z"]
pub extern "C" fn class_is_assignable_from(this: *mut u8, other: *mut u8) -> i32 {
    let (Some(a), Some(b)) = (mirror_desc(this), mirror_desc(other)) else {
        return 0;
    };
    is_subtype(b, a) as i32
}

/// Class.getSuperclass
#[export_name = "java/lang/Class.getSuperclass()Ljava/lang/Class;"]
pub extern "C" fn class_get_superclass(this: *mut u8) -> *mut u8 {
    match mirror_desc(this).and_then(|d| {
        if d.is_interface() {
            None
        } else {
            d.super_desc()
        }
    }) {
        Some(s) => roast_class_mirror(s),
        None => std::ptr::null_mut(),
    }
}

/// Class.getModifiers
#[export_name = "java/lang/Class.getModifiers()I"]
pub extern "C" fn class_get_modifiers(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| (d.access & 0x7631) as i32)
}

/// Reflection.getCallerClass: the class of the caller of the method that calls this.
#[export_name = "jdk/internal/reflect/Reflection.getCallerClass()Ljava/lang/Class;"]
pub extern "C" fn reflection_get_caller_class() -> *mut u8 {
    let mut f = crate::thread::state().top_frame as *const FrameRecord;
    let mut n = 0;
    while !f.is_null() {
        // SAFETY: frame records linked by compiled code.
        let fr = unsafe { &*f };
        if n == 1 {
            // SAFETY: static metadata.
            if let Some(m) = unsafe { fr.method.as_ref() } {
                // SAFETY: as above.
                return roast_class_mirror(unsafe { &*m.class });
            }
        }
        n += 1;
        f = fr.prev;
    }
    std::ptr::null_mut()
}

/// Reflection.getClassAccessFlags
#[export_name = "jdk/internal/reflect/Reflection.getClassAccessFlags(Ljava/lang/Class;)I"]
pub extern "C" fn reflection_get_class_access_flags(c: *mut u8) -> i32 {
    mirror_desc(c).map_or(0, |d| d.access as i32)
}

/// CDS.isDumpingClassList0
#[export_name = "jdk/internal/misc/CDS.isDumpingClassList0()Z"]
pub extern "C" fn cds_dumping_class_list() -> i32 {
    0
}

/// CDS.isDumpingArchive0
#[export_name = "jdk/internal/misc/CDS.isDumpingArchive0()Z"]
pub extern "C" fn cds_dumping_archive() -> i32 {
    0
}

/// CDS.isSharingEnabled0
#[export_name = "jdk/internal/misc/CDS.isSharingEnabled0()Z"]
pub extern "C" fn cds_sharing_enabled() -> i32 {
    0
}

/// CDS.initializeFromArchive: nothing is archived.
#[export_name = "jdk/internal/misc/CDS.initializeFromArchive(Ljava/lang/Class;)V"]
pub extern "C" fn cds_initialize_from_archive(_c: *mut u8) {}

/// CDS.getRandomSeedForDumping
#[export_name = "jdk/internal/misc/CDS.getRandomSeedForDumping()J"]
pub extern "C" fn cds_random_seed() -> i64 {
    0
}

/// VM.initialize
#[export_name = "jdk/internal/misc/VM.initialize()V"]
pub extern "C" fn vm_initialize() {}

/// RoastVM.enumValues: calls the enum's compiled `values()`.
#[export_name = "java/lang/RoastVM.enumValues(Ljava/lang/Class;)[Ljava/lang/Object;"]
pub extern "C" fn roast_vm_enum_values(c: *mut u8) -> *mut u8 {
    let Some(d) = mirror_desc(c) else {
        return std::ptr::null_mut();
    };
    match d.meta() {
        Some(m) if !m.enum_values.is_null() => {
            crate::classes::roast_init_class(d);
            if crate::thread::pending().is_some() {
                return std::ptr::null_mut();
            }
            // SAFETY: `enum_values` is the compiled `static T[] values()`.
            let f: extern "C" fn() -> *mut u8 = unsafe { std::mem::transmute(m.enum_values) };
            f()
        }
        _ => std::ptr::null_mut(),
    }
}
