//! Natives behind roast's VarHandles (`sdk/java.base/java/lang/invoke/RoastVarHandles.java`):
//! field lookup by name and type in the compiler's field metadata (`FieldMeta`), array
//! component types and lengths, the array store check, and whether a class is part of the
//! JDK. Also the `Unsafe` volatile accessors of the sub-word and floating-point types, which
//! the VarHandle implementation reaches through `Unsafe.getAndAddByte` and friends (they
//! belong with `unsafe_mem.rs`; they live here to keep VarHandle support in one change), and
//! `AtomicLong.VMSupportsCS8`, which every program using `AtomicLong` initializes with.
//!
//! Field resolution follows JVMS §5.4.3.2: the class itself, then its superinterfaces, then
//! its superclasses; a field matches by name and by the descriptor of the requested type.

use super::lang::mirror_desc;
use crate::classes::roast_class_mirror;
use crate::contract::{self, ClassDesc, FieldMeta};
use crate::object::{cstr, DescExt, Obj};
use crate::strings::rust_string;
use std::sync::atomic::{AtomicI16, AtomicI8, AtomicU16, AtomicU32, AtomicU64, AtomicU8, Ordering};

/// The field descriptor of the type whose descriptor is `d` (`I`, `[J`, `Ljava/lang/String;`).
fn type_descriptor(d: &ClassDesc) -> String {
    match d.kind {
        contract::KIND_PRIMITIVE => (d.elem_kind as char).to_string(),
        contract::KIND_ARRAY => d.name().to_string(),
        _ => format!("L{};", d.name()),
    }
}

/// The fields declared by `d` (from its metadata).
fn declared_fields(d: &ClassDesc) -> &'static [FieldMeta] {
    match d.meta() {
        Some(meta) if !meta.fields.is_null() => {
            // SAFETY: the compiler emits `n_fields` entries.
            unsafe { std::slice::from_raw_parts(meta.fields, meta.n_fields as usize) }
        }
        _ => &[],
    }
}

/// The field `name` with descriptor `desc` declared by `d` itself.
fn declared_field(d: &ClassDesc, name: &str, desc: &str) -> Option<&'static FieldMeta> {
    declared_fields(d)
        .iter()
        .find(|f| cstr(f.name) == name && cstr(f.descriptor) == desc)
}

/// JVMS §5.4.3.2 field resolution: the class declaring the field seen from `c`.
fn resolve_field(c: &'static ClassDesc, name: &str, desc: &str) -> Option<&'static ClassDesc> {
    if declared_field(c, name, desc).is_some() {
        return Some(c);
    }
    for &i in c.interfaces() {
        // SAFETY: interface entries point to static descriptors.
        let iface = unsafe { &*i };
        if declared_field(iface, name, desc).is_some() {
            return Some(iface);
        }
    }
    c.super_desc().and_then(|s| resolve_field(s, name, desc))
}

/// The arguments of a field native as (class, name, descriptor); None with an exception
/// pending when a mirror is null.
fn field_args(
    c: *mut u8,
    name: *mut u8,
    ty: *mut u8,
) -> Option<(&'static ClassDesc, String, String)> {
    let class = mirror_desc(c)?;
    let ty = mirror_desc(ty)?;
    let Some(name) = Obj::from_raw(name) else {
        crate::throw::npe(None);
        return None;
    };
    Some((class, rust_string(name), type_descriptor(ty)))
}

/// RoastVarHandles.fieldHolder: the declaring class of the field, or null.
#[export_name = "java/lang/invoke/RoastVarHandles.fieldHolder(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Class;"]
pub extern "C" fn field_holder(c: *mut u8, name: *mut u8, ty: *mut u8) -> *mut u8 {
    let Some((class, name, desc)) = field_args(c, name, ty) else {
        return std::ptr::null_mut();
    };
    resolve_field(class, &name, &desc).map_or(std::ptr::null_mut(), |d| roast_class_mirror(d))
}

/// RoastVarHandles.fieldModifiers: access flags of a field declared by the class, or -1.
#[export_name = "java/lang/invoke/RoastVarHandles.fieldModifiers(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)I"]
pub extern "C" fn field_modifiers(c: *mut u8, name: *mut u8, ty: *mut u8) -> i32 {
    field_args(c, name, ty)
        .and_then(|(class, name, desc)| declared_field(class, &name, &desc))
        .map_or(-1, |f| f.access as i32)
}

/// RoastVarHandles.fieldOffset: the offset of an instance field or the address of a static
/// field's storage (Unsafe's convention for a null base), or -1.
#[export_name = "java/lang/invoke/RoastVarHandles.fieldOffset(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)J"]
pub extern "C" fn field_offset(c: *mut u8, name: *mut u8, ty: *mut u8) -> i64 {
    let Some(f) =
        field_args(c, name, ty).and_then(|(class, name, desc)| declared_field(class, &name, &desc))
    else {
        return -1;
    };
    if f.access as u16 & ACC_STATIC != 0 {
        f.static_addr as i64
    } else {
        f.offset as i64
    }
}

/// JVM access flag of static members.
const ACC_STATIC: u16 = 0x0008;

/// RoastVarHandles.componentType: the component type of an array class, or null.
#[export_name = "java/lang/invoke/RoastVarHandles.componentType(Ljava/lang/Class;)Ljava/lang/Class;"]
pub extern "C" fn component_type(c: *mut u8) -> *mut u8 {
    match mirror_desc(c) {
        Some(d) if d.is_array() => d
            .component()
            .map_or(std::ptr::null_mut(), |d| roast_class_mirror(d)),
        _ => std::ptr::null_mut(),
    }
}

/// RoastVarHandles.storeCheck: ArrayStoreException when the value does not fit the array.
#[export_name = "java/lang/invoke/RoastVarHandles.storeCheck(Ljava/lang/Object;Ljava/lang/Object;)V"]
pub extern "C" fn store_check(array: *mut u8, value: *mut u8) {
    crate::classes::roast_array_store_check(array, value);
}

/// RoastVarHandles.arrayLength: the length of an array of any type.
#[export_name = "java/lang/invoke/RoastVarHandles.arrayLength(Ljava/lang/Object;)I"]
pub extern "C" fn array_length(array: *mut u8) -> i32 {
    match Obj::from_raw(array) {
        Some(a) => a.array_len() as i32,
        None => {
            crate::throw::npe(None);
            0
        }
    }
}

/// RoastVarHandles.isJdkClass: does the class come from the JDK (or roast's SDK)?
#[export_name = "java/lang/invoke/RoastVarHandles.isJdkClass(Ljava/lang/Class;)Z"]
pub extern "C" fn is_jdk_class(c: *mut u8) -> i32 {
    mirror_desc(c)
        .and_then(|d| d.meta())
        .is_some_and(|m| m.in_jdk != 0) as i32
}

/// AtomicLong.VMSupportsCS8: 64-bit compare-and-set is lock-free on every roast target.
#[export_name = "java/util/concurrent/atomic/AtomicLong.VMSupportsCS8()Z"]
pub extern "C" fn atomic_long_supports_cs8() -> i32 {
    1
}

fn addr(base: *mut u8, off: i64) -> *mut u8 {
    base.wrapping_add(off as usize)
}

macro_rules! volatile_accessors {
    ($get:literal, $put:literal, $atomic:ty, $reg:ty, $gf:ident, $pf:ident, $to_reg:expr, $to_mem:expr) => {
        /// Volatile read: a sequentially consistent atomic load.
        #[export_name = $get]
        pub extern "C" fn $gf(_this: *mut u8, base: *mut u8, off: i64) -> $reg {
            // SAFETY: Unsafe's contract: base+offset addresses a naturally aligned value of
            // this size, which is what the atomic type requires.
            let a = unsafe { &*(addr(base, off) as *const $atomic) };
            ($to_reg)(a.load(Ordering::SeqCst))
        }
        /// Volatile write: a sequentially consistent atomic store.
        #[export_name = $put]
        pub extern "C" fn $pf(_this: *mut u8, base: *mut u8, off: i64, v: $reg) {
            // SAFETY: as above.
            let a = unsafe { &*(addr(base, off) as *const $atomic) };
            a.store(($to_mem)(v), Ordering::SeqCst)
        }
    };
}

volatile_accessors!(
    "jdk/internal/misc/Unsafe.getBooleanVolatile(Ljava/lang/Object;J)Z",
    "jdk/internal/misc/Unsafe.putBooleanVolatile(Ljava/lang/Object;JZ)V",
    AtomicU8,
    i32,
    get_boolean_volatile,
    put_boolean_volatile,
    |v: u8| v as i32,
    |v: i32| v as u8
);
volatile_accessors!(
    "jdk/internal/misc/Unsafe.getByteVolatile(Ljava/lang/Object;J)B",
    "jdk/internal/misc/Unsafe.putByteVolatile(Ljava/lang/Object;JB)V",
    AtomicI8,
    i32,
    get_byte_volatile,
    put_byte_volatile,
    |v: i8| v as i32,
    |v: i32| v as i8
);
volatile_accessors!(
    "jdk/internal/misc/Unsafe.getShortVolatile(Ljava/lang/Object;J)S",
    "jdk/internal/misc/Unsafe.putShortVolatile(Ljava/lang/Object;JS)V",
    AtomicI16,
    i32,
    get_short_volatile,
    put_short_volatile,
    |v: i16| v as i32,
    |v: i32| v as i16
);
volatile_accessors!(
    "jdk/internal/misc/Unsafe.getCharVolatile(Ljava/lang/Object;J)C",
    "jdk/internal/misc/Unsafe.putCharVolatile(Ljava/lang/Object;JC)V",
    AtomicU16,
    i32,
    get_char_volatile,
    put_char_volatile,
    |v: u16| v as i32,
    |v: i32| v as u16
);
volatile_accessors!(
    "jdk/internal/misc/Unsafe.getFloatVolatile(Ljava/lang/Object;J)F",
    "jdk/internal/misc/Unsafe.putFloatVolatile(Ljava/lang/Object;JF)V",
    AtomicU32,
    f32,
    get_float_volatile,
    put_float_volatile,
    f32::from_bits,
    f32::to_bits
);
volatile_accessors!(
    "jdk/internal/misc/Unsafe.getDoubleVolatile(Ljava/lang/Object;J)D",
    "jdk/internal/misc/Unsafe.putDoubleVolatile(Ljava/lang/Object;JD)V",
    AtomicU64,
    f64,
    get_double_volatile,
    put_double_volatile,
    f64::from_bits,
    f64::to_bits
);
