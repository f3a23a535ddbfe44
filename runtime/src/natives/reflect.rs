//! Natives of `java.lang.Class` (roast's SDK shadow, `sdk/java.base/java/lang/Class.java`),
//! `java.lang.reflect.Array`, `jdk.internal.reflect.Reflection`, and the VM-state classes
//! (`jdk.internal.misc.VM`, `CDS`) that HotSpot implements.
//!
//! The Class natives answer from the class descriptor behind a mirror and its
//! compiler-emitted `ClassMeta` (nesting, modifiers, direct interfaces, generic signature);
//! they never load or define classes: a roast program is a closed world, and a class that is
//! named but not compiled in is reported loudly (NoClassDefFoundError or
//! UnsupportedOperationException), never answered with a wrong value.

use super::lang::mirror_desc;
use crate::classes::{is_subtype, mirror_or_null, roast_class_mirror};
use crate::contract::{self, ClassDesc, ClassMeta, FrameRecord};
use crate::object::{class_by_name, cstr, field_offset, DescExt, Obj};
use crate::strings::{java_string, rust_string};

/// Class.registerNatives
#[export_name = "java/lang/Class.registerNatives()V"]
pub extern "C" fn class_register_natives() {}

/// Class.getPrimitiveClass: the class of a primitive type (`Integer.TYPE` etc.).
#[export_name = "java/lang/Class.getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;"]
pub extern "C" fn class_get_primitive_class(name: *mut u8) -> *mut u8 {
    let Some(n) = Obj::from_raw(name) else {
        return std::ptr::null_mut();
    };
    mirror_or_null(crate::classes::primitive_class(&rust_string(n)))
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

/// Class.getModifiers: the compiler computes HotSpot's value.
#[export_name = "java/lang/Class.getModifiers()I"]
pub extern "C" fn class_get_modifiers(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| d.meta().map_or(0, |m| m.modifiers as i32))
}

/// Class.classFlags0: the `contract::class_flags` bits.
#[export_name = "java/lang/Class.classFlags0()I"]
pub extern "C" fn class_flags0(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| d.meta().map_or(0, |m| m.flags as i32))
}

/// Class.interfaceCount0: the number of direct superinterfaces.
#[export_name = "java/lang/Class.interfaceCount0()I"]
pub extern "C" fn class_interface_count0(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| direct_interfaces(d).len() as i32)
}

/// Class.interfaceAt0: direct superinterface `i` (declaration order).
#[export_name = "java/lang/Class.interfaceAt0(I)Ljava/lang/Class;"]
pub extern "C" fn class_interface_at0(this: *mut u8, i: i32) -> *mut u8 {
    let Some(d) = mirror_desc(this) else {
        return std::ptr::null_mut();
    };
    let ifaces = direct_interfaces(d);
    match usize::try_from(i).ok().and_then(|i| ifaces.get(i)) {
        // SAFETY: the compiler emits descriptor addresses.
        Some(&p) => mirror_or_null(unsafe { p.as_ref() }),
        None => std::ptr::null_mut(),
    }
}

fn direct_interfaces(d: &ClassDesc) -> &'static [*const ClassDesc] {
    match d.meta() {
        Some(m) if !m.direct_interfaces.is_null() => {
            // SAFETY: the compiler emits `n_direct_interfaces` entries.
            unsafe {
                std::slice::from_raw_parts(m.direct_interfaces, m.n_direct_interfaces as usize)
            }
        }
        _ => &[],
    }
}

/// Class.componentType0: the component type of an array class, else null.
#[export_name = "java/lang/Class.componentType0()Ljava/lang/Class;"]
pub extern "C" fn class_component_type0(this: *mut u8) -> *mut u8 {
    mirror_or_null(mirror_desc(this).and_then(|d| d.component()))
}

/// Class.arrayType0: the array class of this component type: the compiled one, else one
/// made at run time (`interp/arrays.rs`); null for `void` and for primitive array classes
/// the program does not have.
#[export_name = "java/lang/Class.arrayType0()Ljava/lang/Class;"]
pub extern "C" fn class_array_type0(this: *mut u8) -> *mut u8 {
    let Some(d) = mirror_desc(this) else {
        return std::ptr::null_mut();
    };
    if d.elem_kind == contract::elem::VOID {
        return std::ptr::null_mut();
    }
    mirror_or_null(crate::interp::arrays::array_of(d))
}

/// Class.getSimpleBinaryName0: the simple name from the class's own InnerClasses entry.
#[export_name = "java/lang/Class.getSimpleBinaryName0()Ljava/lang/String;"]
pub extern "C" fn class_simple_binary_name0(this: *mut u8) -> *mut u8 {
    meta_string(this, |m| m.simple_name)
}

/// Class.canonicalName0: the canonical name the compiler computed (non-array classes).
#[export_name = "java/lang/Class.canonicalName0()Ljava/lang/String;"]
pub extern "C" fn class_canonical_name0(this: *mut u8) -> *mut u8 {
    meta_string(this, |m| m.canonical_name)
}

/// Class.getGenericSignature0: the Signature attribute of the class.
#[export_name = "java/lang/Class.getGenericSignature0()Ljava/lang/String;"]
pub extern "C" fn class_generic_signature0(this: *mut u8) -> *mut u8 {
    meta_string(this, |m| m.signature)
}

fn meta_string(this: *mut u8, field: impl Fn(&ClassMeta) -> *const u8) -> *mut u8 {
    match mirror_desc(this).and_then(|d| d.meta()).map(field) {
        Some(p) if !p.is_null() => java_string(cstr(p)).map_or(std::ptr::null_mut(), |o| o.raw()),
        _ => std::ptr::null_mut(),
    }
}

/// Class.getDeclaringClass0: the outer class of a member class.
#[export_name = "java/lang/Class.getDeclaringClass0()Ljava/lang/Class;"]
pub extern "C" fn class_declaring_class0(this: *mut u8) -> *mut u8 {
    if let Some(rc) = mirror_desc(this).and_then(crate::interp::class::of_desc) {
        // A run-time class's outer class must agree that it is nested, as on HotSpot.
        return match crate::interp::nest::declaring_class(rc) {
            Ok(Some(d)) => roast_class_mirror(d),
            _ => std::ptr::null_mut(),
        };
    }
    related_class(this, |m| (m.declaring, m.declaring_name))
}

/// Class.getEnclosingClass0: the immediately enclosing class (for a run-time member class
/// the validated declaring class, HotSpot's `getEnclosingClass` without EnclosingMethod).
#[export_name = "java/lang/Class.getEnclosingClass0()Ljava/lang/Class;"]
pub extern "C" fn class_enclosing_class0(this: *mut u8) -> *mut u8 {
    let run_time = mirror_desc(this).and_then(crate::interp::class::of_desc);
    if run_time.is_some_and(|rc| rc.file.enclosing_method.is_none()) {
        return class_declaring_class0(this);
    }
    related_class(this, |m| (m.enclosing, m.enclosing_name))
}

/// Class.getNestHost0: the nest host (the class itself when it has no NestHost attribute).
#[export_name = "java/lang/Class.getNestHost0()Ljava/lang/Class;"]
pub extern "C" fn class_nest_host0(this: *mut u8) -> *mut u8 {
    if let Some(rc) = mirror_desc(this).and_then(crate::interp::class::of_desc) {
        // A run-time class's NestHost attribute is validated as HotSpot does.
        return crate::interp::nest::host_of(rc)
            .map_or(std::ptr::null_mut(), |h| roast_class_mirror(h));
    }
    related_class(this, |m| (m.nest_host, m.nest_host_name))
}

/// The mirror of a class named in the metadata; NoClassDefFoundError when the class is
/// named but was not compiled into the program (nothing in it could use the class).
fn related_class(
    this: *mut u8,
    field: impl Fn(&ClassMeta) -> (*const ClassDesc, *const u8),
) -> *mut u8 {
    let Some(own) = mirror_desc(this) else {
        return std::ptr::null_mut();
    };
    let Some((desc, name)) = own.meta().map(field) else {
        return std::ptr::null_mut();
    };
    // SAFETY: null or a descriptor address.
    if let Some(d) = unsafe { desc.as_ref() } {
        return roast_class_mirror(d);
    }
    // A class defined at run time names its relatives: resolve them through its loader.
    if let (Some(rc), false) = (crate::interp::class::of_desc(own), name.is_null()) {
        let internal = cstr(name).replace('.', "/");
        return match crate::interp::resolve::class_named(rc, &internal) {
            Some(d) => roast_class_mirror(d),
            None => std::ptr::null_mut(),
        };
    }
    if !name.is_null() {
        crate::throw::linkage(
            contract::error_kind::NO_CLASS_DEF,
            &format!(
                "{} (roast: the class is not compiled into this program)",
                cstr(name)
            ),
        );
    }
    std::ptr::null_mut()
}

/// Class.findCompiled0: the class with this binary name ("java.lang.String",
/// "[Ljava.lang.String;", "[I") among the classes compiled into the program, or null.
/// Primitive types are not found by name, as with `Class.forName`.
#[export_name = "java/lang/Class.findCompiled0(Ljava/lang/String;)Ljava/lang/Class;"]
pub extern "C" fn class_find_compiled0(name: *mut u8) -> *mut u8 {
    let Some(n) = Obj::from_raw(name) else {
        crate::throw::npe(None);
        return std::ptr::null_mut();
    };
    let binary = rust_string(n);
    if binary.contains('/') {
        return std::ptr::null_mut();
    }
    let internal = binary.replace('.', "/");
    // Compiled classes, and JDK classes embedded for the interpreter (`interp/library.rs`).
    let found = if internal.starts_with('[') {
        class_by_name(&internal)
    } else {
        crate::interp::library::boot_class(&internal)
    };
    match found {
        Some(d) if d.kind != contract::KIND_PRIMITIVE => roast_class_mirror(d),
        _ => std::ptr::null_mut(),
    }
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

/// RoastVM.enumValues: a fresh array of the constants of an enum class, from its compiled
/// `values()`, or, when the program never calls `values()`, a copy of the synthetic static
/// array that javac's `values()` clones (`$VALUES`). Null for other classes.
#[export_name = "java/lang/RoastVM.enumValues(Ljava/lang/Class;)[Ljava/lang/Object;"]
pub extern "C" fn roast_vm_enum_values(c: *mut u8) -> *mut u8 {
    let Some(d) = mirror_desc(c) else {
        return std::ptr::null_mut();
    };
    let Some(m) = d.meta() else {
        return std::ptr::null_mut();
    };
    crate::classes::roast_init_class(d);
    if crate::thread::pending().is_some() {
        return std::ptr::null_mut();
    }
    if !m.enum_values.is_null() {
        // SAFETY: `enum_values` is the compiled `static T[] values()`.
        let f: extern "C" fn() -> *mut u8 = unsafe { std::mem::transmute(m.enum_values) };
        return f();
    }
    match values_array(d, m) {
        Some(a) => super::lang::object_clone(a.raw()),
        None if is_enum(d) => {
            // Nothing in the program initializes the enum, so its constants were not compiled.
            crate::throw::linkage(
                contract::error_kind::UNSUPPORTED,
                &format!(
                    "the constants of enum {} are not compiled into this program",
                    crate::classes::java_name(d)
                ),
            );
            std::ptr::null_mut()
        }
        None => std::ptr::null_mut(),
    }
}

/// An enum class: ACC_ENUM and a direct subclass of java.lang.Enum.
fn is_enum(d: &ClassDesc) -> bool {
    const ACC_ENUM: u16 = 0x4000;
    d.access & ACC_ENUM != 0 && d.super_desc().is_some_and(|s| s.name() == "java/lang/Enum")
}

/// The synthetic static field of type `T[]` of enum class `T` (javac's `$VALUES`).
fn values_array(d: &ClassDesc, m: &ClassMeta) -> Option<Obj> {
    const SYNTHETIC_STATIC: u32 = 0x1008;
    if m.fields.is_null() {
        return None;
    }
    // SAFETY: `n_fields` entries.
    let fields = unsafe { std::slice::from_raw_parts(m.fields, m.n_fields as usize) };
    let wanted = format!("[L{};", d.name());
    let f = fields.iter().find(|f| {
        f.access & SYNTHETIC_STATIC == SYNTHETIC_STATIC
            && !f.static_addr.is_null()
            && cstr(f.descriptor) == wanted
    })?;
    // SAFETY: the static storage of a reference field.
    Obj::from_raw(unsafe { (f.static_addr as *const *mut u8).read() })
}

/// Array.newArray: a new array of `length` elements of the component type `c`. The array
/// class must be compiled into the program (the compiler emits the array classes code can
/// create); UnsupportedOperationException names it otherwise.
#[export_name = "java/lang/reflect/Array.newArray(Ljava/lang/Class;I)Ljava/lang/Object;"]
pub extern "C" fn array_new_array(c: *mut u8, length: i32) -> *mut u8 {
    let Some(component) = mirror_desc(c) else {
        return std::ptr::null_mut();
    };
    let array = class_array_type0(c);
    match Obj::from_raw(array).and_then(crate::classes::desc_of_mirror) {
        Some(a) if component.elem_kind != contract::elem::VOID => {
            crate::heap::roast_alloc_array(a, length)
        }
        _ => {
            crate::throw::linkage(
                contract::error_kind::UNSUPPORTED,
                &format!(
                    "the array class {}[] is not compiled into this program",
                    crate::classes::java_name(component)
                ),
            );
            std::ptr::null_mut()
        }
    }
}

/// Reflection.areNestMates: do two classes belong to the same nest? Compiled classes by the
/// NestHost attributes the compiler recorded, run-time classes by their validated host
/// (`interp/nest.rs`). Arrays and primitives have no nest.
#[export_name = "jdk/internal/reflect/Reflection.areNestMates(Ljava/lang/Class;Ljava/lang/Class;)Z"]
pub extern "C" fn reflection_are_nest_mates(a: *mut u8, b: *mut u8) -> i32 {
    let (Some(a), Some(b)) = (mirror_desc(a), mirror_desc(b)) else {
        return 0;
    };
    let host = crate::interp::nest::host;
    match (host(a), host(b)) {
        (Some(x), Some(y)) => (x == y) as i32,
        _ => 0,
    }
}
