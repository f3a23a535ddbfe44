//! Member reflection natives: the methods and fields of a class as the compiler's metadata
//! lists them (`ClassMeta::methods`, `ClassMeta::fields`), `java.lang.reflect.Field` objects,
//! the `Unsafe` field-offset queries on them, and calls of compiled constructors from
//! `jdk.internal.reflect.NativeConstructorAccessorImpl` (roast's SDK shadow).
//!
//! Invariants:
//! - A member's `slot` (in `Constructor.slot` and `Field.slot`) is its index in the metadata
//!   array of its declaring class; only reachable methods are listed, so reflection sees the
//!   constructors the program can run (see `aot/src/reflective_roots.rs`).
//! - Compiled code is called with the C calling convention through [`call_compiled`]:
//!   integer-class arguments (references, `int`-like values, `long`) fill the integer
//!   argument registers in order, `float`/`double` arguments the floating-point ones; more
//!   than [`MAX_INT_ARGS`] or [`MAX_FLOAT_ARGS`] is refused before anything runs (the SDK
//!   checks it and throws UnsupportedOperationException).
//! - Arguments reach [`accessor_invoke0`] already converted by the SDK to the wrapper class
//!   of each parameter type (method invocation conversion done in Java, with HotSpot's
//!   IllegalArgumentException messages), so this side only unboxes.

use super::lang::mirror_desc;
use crate::contract::{ClassDesc, FieldMeta, MethodMeta};
use crate::object::{class_by_name, cstr, field_offset, DescExt, Obj};
use crate::strings::java_string;

/// Integer-class argument registers used by [`call_compiled`] (receiver included).
pub const MAX_INT_ARGS: usize = 6;
/// Floating-point argument registers used by [`call_compiled`].
pub const MAX_FLOAT_ARGS: usize = 8;

fn null() -> *mut u8 {
    std::ptr::null_mut()
}

/// The methods listed in the metadata of `d`.
fn methods(d: &ClassDesc) -> &'static [MethodMeta] {
    match d.meta() {
        Some(m) if !m.methods.is_null() => {
            // SAFETY: the compiler emits `n_methods` contiguous records.
            unsafe { std::slice::from_raw_parts(m.methods, m.n_methods as usize) }
        }
        _ => &[],
    }
}

/// The fields listed in the metadata of `d`.
fn fields(d: &ClassDesc) -> &'static [FieldMeta] {
    match d.meta() {
        Some(m) if !m.fields.is_null() => {
            // SAFETY: the compiler emits `n_fields` records.
            unsafe { std::slice::from_raw_parts(m.fields, m.n_fields as usize) }
        }
        _ => &[],
    }
}

fn method_at(this: *mut u8, slot: i32) -> Option<&'static MethodMeta> {
    let d = mirror_desc(this)?;
    usize::try_from(slot).ok().and_then(|i| methods(d).get(i))
}

fn field_at(this: *mut u8, slot: i32) -> Option<&'static FieldMeta> {
    let d = mirror_desc(this)?;
    usize::try_from(slot).ok().and_then(|i| fields(d).get(i))
}

fn string(s: &str) -> *mut u8 {
    java_string(s).map_or(null(), |o| o.raw())
}

/// Class.methodCount0: the number of methods in the class's metadata.
#[export_name = "java/lang/Class.methodCount0()I"]
pub extern "C" fn class_method_count0(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| methods(d).len() as i32)
}

/// Class.methodName0: the name of method `slot`.
#[export_name = "java/lang/Class.methodName0(I)Ljava/lang/String;"]
pub extern "C" fn class_method_name0(this: *mut u8, slot: i32) -> *mut u8 {
    method_at(this, slot).map_or(null(), |m| string(cstr(m.name)))
}

/// Class.methodDescriptor0: the descriptor of method `slot`.
#[export_name = "java/lang/Class.methodDescriptor0(I)Ljava/lang/String;"]
pub extern "C" fn class_method_descriptor0(this: *mut u8, slot: i32) -> *mut u8 {
    method_at(this, slot).map_or(null(), |m| string(cstr(m.descriptor)))
}

/// Class.methodModifiers0: the access flags of method `slot`.
#[export_name = "java/lang/Class.methodModifiers0(I)I"]
pub extern "C" fn class_method_modifiers0(this: *mut u8, slot: i32) -> i32 {
    method_at(this, slot).map_or(0, |m| m.access as i32)
}

/// Class.fieldCount0: the number of fields in the class's metadata.
#[export_name = "java/lang/Class.fieldCount0()I"]
pub extern "C" fn class_field_count0(this: *mut u8) -> i32 {
    mirror_desc(this).map_or(0, |d| fields(d).len() as i32)
}

/// Class.fieldName0: the name of field `slot`.
#[export_name = "java/lang/Class.fieldName0(I)Ljava/lang/String;"]
pub extern "C" fn class_field_name0(this: *mut u8, slot: i32) -> *mut u8 {
    field_at(this, slot).map_or(null(), |f| string(cstr(f.name)))
}

/// Class.fieldDescriptor0: the descriptor of field `slot`.
#[export_name = "java/lang/Class.fieldDescriptor0(I)Ljava/lang/String;"]
pub extern "C" fn class_field_descriptor0(this: *mut u8, slot: i32) -> *mut u8 {
    field_at(this, slot).map_or(null(), |f| string(cstr(f.descriptor)))
}

/// Class.fieldModifiers0: the access flags of field `slot`.
#[export_name = "java/lang/Class.fieldModifiers0(I)I"]
pub extern "C" fn class_field_modifiers0(this: *mut u8, slot: i32) -> i32 {
    field_at(this, slot).map_or(0, |f| f.access as i32)
}

/// Class.newField0: a `java.lang.reflect.Field` built the way HotSpot's
/// `Reflection::new_field` builds one (its constructor is private to java.lang.reflect).
#[export_name = "java/lang/Class.newField0(Ljava/lang/Class;ILjava/lang/String;Ljava/lang/Class;IZ)Ljava/lang/reflect/Field;"]
pub extern "C" fn class_new_field0(
    decl: *mut u8,
    slot: i32,
    name: *mut u8,
    ty: *mut u8,
    modifiers: i32,
    trusted_final: i32,
) -> *mut u8 {
    let Some(field_class) = class_by_name("java/lang/reflect/Field") else {
        crate::throw::linkage(
            crate::contract::error_kind::UNSUPPORTED,
            "java.lang.reflect.Field is not compiled into this program",
        );
        return null();
    };
    let Some(f) = crate::heap::alloc_instance(field_class) else {
        return null();
    };
    let set_ref = |n: &str, v: *mut u8| {
        if let Some(off) = field_offset(field_class, n) {
            f.write_ref(off, Obj::from_raw(v));
        }
    };
    set_ref("clazz", decl);
    set_ref("name", name);
    set_ref("type", ty);
    if let Some(meta) = field_at(decl, slot) {
        let bytes = super::annotations::field_bytes(decl, cstr(meta.name), cstr(meta.descriptor));
        set_ref("annotations", bytes);
    }
    if let Some(off) = field_offset(field_class, "slot") {
        f.write::<i32>(off, slot);
    }
    if let Some(off) = field_offset(field_class, "modifiers") {
        f.write::<i32>(off, modifiers);
    }
    if let Some(off) = field_offset(field_class, "trustedFinal") {
        f.write::<u8>(off, trusted_final as u8);
    }
    f.raw()
}

/// The metadata of the field a `java.lang.reflect.Field` stands for (NPE when null).
fn reflected_field(field: *mut u8) -> Option<&'static FieldMeta> {
    let Some(f) = Obj::from_raw(field) else {
        crate::throw::npe(None);
        return None;
    };
    let class = f.desc();
    let clazz = field_offset(class, "clazz").and_then(|o| f.read_ref(o))?;
    let slot: i32 = field_offset(class, "slot").map_or(-1, |o| f.read(o));
    field_at(clazz.raw(), slot)
}

/// Unsafe.objectFieldOffset0: the offset of an instance field.
#[export_name = "jdk/internal/misc/Unsafe.objectFieldOffset0(Ljava/lang/reflect/Field;)J"]
pub extern "C" fn unsafe_object_field_offset0(_this: *mut u8, field: *mut u8) -> i64 {
    reflected_field(field).map_or(-1, |f| f.offset as i64)
}

/// Unsafe.staticFieldOffset0: the address of a static field's storage (used with a null
/// base, see `staticFieldBase0`).
#[export_name = "jdk/internal/misc/Unsafe.staticFieldOffset0(Ljava/lang/reflect/Field;)J"]
pub extern "C" fn unsafe_static_field_offset0(_this: *mut u8, field: *mut u8) -> i64 {
    reflected_field(field).map_or(-1, |f| f.static_addr as i64)
}

/// Unsafe.staticFieldBase0: null, static field offsets are absolute addresses.
#[export_name = "jdk/internal/misc/Unsafe.staticFieldBase0(Ljava/lang/reflect/Field;)Ljava/lang/Object;"]
pub extern "C" fn unsafe_static_field_base0(_this: *mut u8, field: *mut u8) -> *mut u8 {
    let _ = reflected_field(field);
    null()
}

/// One argument of a compiled call.
enum Arg {
    Int(i64),
    Float(f64),
}

/// The value of a wrapper object (`Integer`, `Double`, ...) for a parameter whose descriptor
/// letter is `letter`, as an argument register value.
fn unbox(letter: u8, boxed: Option<Obj>) -> Option<Arg> {
    let b = boxed?;
    let off = field_offset(b.desc(), "value")?;
    Some(match letter {
        b'Z' => Arg::Int(i64::from(b.read::<u8>(off))),
        b'B' => Arg::Int(i64::from(b.read::<i8>(off))),
        b'C' => Arg::Int(i64::from(b.read::<u16>(off))),
        b'S' => Arg::Int(i64::from(b.read::<i16>(off))),
        b'I' => Arg::Int(i64::from(b.read::<i32>(off))),
        b'J' => Arg::Int(b.read::<i64>(off)),
        // An f32 travels in the low 32 bits of a floating-point register.
        b'F' => Arg::Float(f64::from_bits(u64::from(b.read::<f32>(off).to_bits()))),
        b'D' => Arg::Float(b.read::<f64>(off)),
        _ => return None,
    })
}

/// The descriptor letters of the parameters of a method descriptor (`L`/`[` for references).
fn parameter_letters(descriptor: &str) -> Vec<u8> {
    let bytes = descriptor.as_bytes();
    let mut out = Vec::new();
    let mut i = 1;
    while i < bytes.len() && bytes[i] != b')' {
        let start = i;
        while bytes[i] == b'[' {
            i += 1;
        }
        if bytes[i] == b'L' {
            while i < bytes.len() && bytes[i] != b';' {
                i += 1;
            }
        }
        out.push(if i > start { b'[' } else { bytes[i] });
        i += 1;
    }
    out
}

/// Calls the compiled function at `entry` with these arguments (see the module docs).
///
/// # Safety
/// `entry` must be a compiled method taking exactly these arguments, in this order and of
/// these classes, and returning `void`, a reference or an integer-class value.
unsafe fn call_compiled(entry: *const u8, args: &[Arg]) -> Option<i64> {
    let mut ints = [0i64; MAX_INT_ARGS];
    let mut floats = [0f64; MAX_FLOAT_ARGS];
    let (mut ni, mut nf) = (0, 0);
    for a in args {
        match *a {
            Arg::Int(v) if ni < MAX_INT_ARGS => {
                ints[ni] = v;
                ni += 1;
            }
            Arg::Float(v) if nf < MAX_FLOAT_ARGS => {
                floats[nf] = v;
                nf += 1;
            }
            _ => return None,
        }
    }
    type Trampoline =
        extern "C" fn(i64, i64, i64, i64, i64, i64, f64, f64, f64, f64, f64, f64, f64, f64) -> i64;
    // SAFETY: on x86-64 SysV and AAPCS64 the first six integer-class and eight floating-point
    // arguments travel in registers assigned by class in order, so a callee taking a prefix
    // of each sees exactly its arguments; the caller guarantees the callee's signature.
    let f: Trampoline = unsafe { std::mem::transmute(entry) };
    let [i0, i1, i2, i3, i4, i5] = ints;
    let [f0, f1, f2, f3, f4, f5, f6, f7] = floats;
    Some(f(i0, i1, i2, i3, i4, i5, f0, f1, f2, f3, f4, f5, f6, f7))
}

/// NativeConstructorAccessorImpl.invoke0: runs compiled method `slot` of `decl` on
/// `receiver` with the boxed arguments (each of its parameter's wrapper class). Exceptions
/// of the method stay pending (the SDK wraps them in InvocationTargetException).
#[export_name = "jdk/internal/reflect/NativeConstructorAccessorImpl.invoke0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)V"]
pub extern "C" fn accessor_invoke0(decl: *mut u8, slot: i32, receiver: *mut u8, args: *mut u8) {
    let Some(m) = method_at(decl, slot) else {
        return;
    };
    let unsupported = |what: &str| {
        crate::throw::linkage(
            crate::contract::error_kind::UNSUPPORTED,
            &format!(
                "reflective call of {}.{}{}: {what}",
                crate::classes::java_name(
                    // SAFETY: metadata records point to their class's descriptor.
                    unsafe { &*m.class }
                ),
                cstr(m.name),
                cstr(m.descriptor)
            ),
        )
    };
    if m.entry.is_null() {
        return unsupported("the method is not compiled into this program");
    }
    let letters = parameter_letters(cstr(m.descriptor));
    let mut call = vec![Arg::Int(receiver as i64)];
    let array = Obj::from_raw(args);
    let n = array.map_or(0, |a| a.array_len());
    if n != letters.len() {
        return unsupported("wrong argument count after conversion");
    }
    for (i, &letter) in letters.iter().enumerate() {
        let elem = array.and_then(|a| {
            // SAFETY: `i < n`, the array's length; elements are references.
            Obj::from_raw(unsafe { (a.array_data() as *const *mut u8).add(i).read() })
        });
        let arg = match letter {
            b'L' | b'[' => Some(Arg::Int(elem.map_or(0, |o| o.raw() as i64))),
            _ => unbox(letter, elem),
        };
        match arg {
            Some(a) => call.push(a),
            None => return unsupported("an argument is not of its parameter's wrapper class"),
        }
    }
    // SAFETY: `entry` is the compiled method of this descriptor; the arguments were built
    // from it (receiver first).
    if unsafe { call_compiled(m.entry, &call) }.is_none() {
        unsupported("too many arguments for roast's reflective call trampoline");
    }
}

#[cfg(test)]
mod tests {
    use super::parameter_letters;

    #[test]
    fn parameter_letters_classify_descriptors() {
        assert_eq!(parameter_letters("()V"), b"");
        assert_eq!(
            parameter_letters("(IJLjava/lang/String;[[DZ[Ljava/lang/Object;F)V"),
            b"IJL[Z[F"
        );
    }
}
