//! Reflective calls of compiled methods: `Constructor.newInstance` and `Method.invoke` end
//! in the SDK's `NativeConstructorAccessorImpl` / `NativeMethodAccessorImpl`, which convert
//! the arguments in Java and call the natives here.
//!
//! Invariants:
//! - Compiled code is called with the C calling convention through [`call_compiled`]:
//!   integer-class arguments (references, `int`-like values, `long`) fill the integer
//!   argument registers in order, `float`/`double` arguments the floating-point ones; the
//!   arguments beyond [`MAX_INT_ARGS`] integer-class or [`MAX_FLOAT_ARGS`] floating-point
//!   ones go to 8-byte stack slots in argument order, as the x86-64 SysV and Linux AAPCS64
//!   conventions place them. More than [`MAX_STACK_ARGS`] of those is refused before
//!   anything runs (the SDK checks it and throws UnsupportedOperationException).
//! - Arguments arrive already converted by the SDK to the wrapper class of each parameter
//!   type (method invocation conversion done in Java, with HotSpot's
//!   IllegalArgumentException messages), and the receiver already checked (non-null
//!   instance of the declaring class), so this side only unboxes and dispatches.
//! - Dispatch of a virtual method follows JVMS §5.4.6 by name and descriptor over the
//!   metadata: the receiver's class and its superclasses, then the default methods of its
//!   interfaces. A target that was not compiled (JDK methods stay pruned) is an
//!   UnsupportedOperationException naming it; nothing is called.
//! - Exceptions of the callee stay pending; the SDK wraps them in InvocationTargetException.

use super::members::{declared_methods, method_at, null};
use crate::contract::{ClassDesc, MethodMeta};
use crate::object::{cstr, field_offset, DescExt, Obj};

/// JVM access flags (JVMS Table 4.6-A) the dispatch looks at.
const PRIVATE: u16 = 0x0002;
const STATIC: u16 = 0x0008;
const ABSTRACT: u16 = 0x0400;

/// Integer-class argument registers used by [`call_compiled`] (receiver included).
pub const MAX_INT_ARGS: usize = 6;
/// Floating-point argument registers used by [`call_compiled`].
pub const MAX_FLOAT_ARGS: usize = 8;
/// Stack slots for the arguments beyond the registers (the SDK's `MAX_STACK_ARGS`).
pub const MAX_STACK_ARGS: usize = 16;

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

/// The return descriptor letter of a method descriptor.
fn return_letter(descriptor: &str) -> u8 {
    let ret = descriptor.rsplit(')').next().unwrap_or("V");
    ret.as_bytes().first().copied().unwrap_or(b'V')
}

/// Calls the compiled function at `entry` with these arguments (see the module docs); the
/// result is the integer return register, or with `float_result` the bits of the
/// floating-point one (an `f32` in the low 32 bits).
///
/// # Safety
/// `entry` must be a compiled method taking exactly these arguments, in this order and of
/// these classes, returning a floating-point value when `float_result` is set and `void`, a
/// reference or an integer-class value otherwise.
unsafe fn call_compiled(entry: *const u8, args: &[Arg], float_result: bool) -> Option<i64> {
    let mut ints = [0i64; MAX_INT_ARGS];
    let mut floats = [0f64; MAX_FLOAT_ARGS];
    let mut stack = [0i64; MAX_STACK_ARGS];
    let (mut ni, mut nf, mut ns) = (0, 0, 0);
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
            // A stack slot holds the value's bits (an f32 in the low 32 bits, as in a
            // register).
            Arg::Int(v) if ns < MAX_STACK_ARGS => {
                stack[ns] = v;
                ns += 1;
            }
            Arg::Float(v) if ns < MAX_STACK_ARGS => {
                stack[ns] = v.to_bits() as i64;
                ns += 1;
            }
            _ => return None,
        }
    }
    type Trampoline<R> = extern "C" fn(
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        f64,
        f64,
        f64,
        f64,
        f64,
        f64,
        f64,
        f64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) -> R;
    let [i0, i1, i2, i3, i4, i5] = ints;
    let [f0, f1, f2, f3, f4, f5, f6, f7] = floats;
    let [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15] = stack;
    if float_result {
        // SAFETY: on x86-64 SysV and Linux AAPCS64 the first six integer-class and eight
        // floating-point arguments travel in registers assigned by class in order and the
        // rest in 8-byte stack slots in argument order, so a callee taking a prefix of each
        // register class and of the slots sees exactly its arguments (the caller removes the
        // unused slots); a float or double result comes back in the first floating-point
        // register. The caller guarantees the callee's signature.
        let f: Trampoline<f64> = unsafe { std::mem::transmute(entry) };
        Some(
            f(
                i0, i1, i2, i3, i4, i5, f0, f1, f2, f3, f4, f5, f6, f7, s0, s1, s2, s3, s4, s5, s6,
                s7, s8, s9, s10, s11, s12, s13, s14, s15,
            )
            .to_bits() as i64,
        )
    } else {
        // SAFETY: as above, with an integer-class (or no) result.
        let f: Trampoline<i64> = unsafe { std::mem::transmute(entry) };
        Some(f(
            i0, i1, i2, i3, i4, i5, f0, f1, f2, f3, f4, f5, f6, f7, s0, s1, s2, s3, s4, s5, s6, s7,
            s8, s9, s10, s11, s12, s13, s14, s15,
        ))
    }
}

fn describe(m: &MethodMeta) -> String {
    // SAFETY: metadata records point to their class's descriptor.
    let class = unsafe { &*m.class };
    format!(
        "{}.{}{}",
        crate::classes::java_name(class),
        cstr(m.name),
        cstr(m.descriptor)
    )
}

fn unsupported(m: &MethodMeta, what: &str) {
    crate::throw::linkage(
        crate::contract::error_kind::UNSUPPORTED,
        &format!("reflective call of {}: {what}", describe(m)),
    );
}

/// The method a virtual call of `m` on an instance of `class` runs (JVMS §5.4.6).
fn dispatch(m: &'static MethodMeta, class: &'static ClassDesc) -> &'static MethodMeta {
    let access = m.access as u16;
    if access & (STATIC | PRIVATE) != 0 || cstr(m.name).starts_with('<') {
        return m;
    }
    let (name, desc) = (cstr(m.name), cstr(m.descriptor));
    let matches = |x: &MethodMeta| {
        x.access as u16 & (STATIC | PRIVATE) == 0
            && cstr(x.name) == name
            && cstr(x.descriptor) == desc
    };
    let mut cur = Some(class);
    while let Some(c) = cur {
        if let Some(found) = declared_methods(c).find(|x| matches(x)) {
            if found.access as u16 & ABSTRACT == 0 {
                return found;
            }
            break;
        }
        cur = c.super_desc();
    }
    for &iface in class.interfaces() {
        // SAFETY: interface tables hold static descriptors.
        let iface = unsafe { &*iface };
        if let Some(found) =
            declared_methods(iface).find(|x| matches(x) && x.access as u16 & ABSTRACT == 0)
        {
            return found;
        }
    }
    m
}

/// Why a reflective call of `m` cannot run, or None.
fn problem(m: &MethodMeta) -> Option<&'static str> {
    if !m.entry.is_null() {
        None
    } else if m.access as u16 & ABSTRACT != 0 {
        Some("the method is abstract")
    } else {
        Some("the method is not compiled into this program (roast keeps a JDK method only when the program calls it directly)")
    }
}

/// The method a reflective call of `slot` of `decl` runs on `receiver`.
fn target(decl: *mut u8, slot: i32, receiver: *mut u8) -> Option<&'static MethodMeta> {
    let declared = method_at(decl, slot)?;
    Some(match Obj::from_raw(receiver) {
        Some(r) => dispatch(declared, r.desc()),
        None => declared,
    })
}

/// RoastReflection.targetProblem0: null when the call can run, else a message naming the
/// method and the reason.
#[export_name = "jdk/internal/reflect/RoastReflection.targetProblem0(Ljava/lang/Class;ILjava/lang/Object;)Ljava/lang/String;"]
pub extern "C" fn reflection_target_problem0(
    decl: *mut u8,
    slot: i32,
    receiver: *mut u8,
) -> *mut u8 {
    match target(decl, slot, receiver) {
        Some(m) => match problem(m) {
            Some(why) => {
                super::members::string(&format!("reflective call of {}: {why}", describe(m)))
            }
            None => null(),
        },
        None => null(),
    }
}

/// Calls method `slot` of `decl` (dispatched on the receiver's class when virtual) with the
/// converted arguments; None when nothing was called (an exception is pending).
fn invoke(decl: *mut u8, slot: i32, receiver: *mut u8, args: *mut u8) -> Option<(i64, u8)> {
    let m = target(decl, slot, receiver)?;
    if let Some(why) = problem(m) {
        unsupported(m, why);
        return None;
    }
    let descriptor = cstr(m.descriptor);
    let letters = parameter_letters(descriptor);
    let mut call = Vec::with_capacity(letters.len() + 1);
    if m.access as u16 & STATIC == 0 {
        call.push(Arg::Int(receiver as i64));
    }
    let array = Obj::from_raw(args);
    let n = array.map_or(0, |a| a.array_len());
    if n != letters.len() {
        unsupported(m, "wrong argument count after conversion");
        return None;
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
            None => {
                unsupported(m, "an argument is not of its parameter's wrapper class");
                return None;
            }
        }
    }
    let ret = return_letter(descriptor);
    // SAFETY: `entry` is the compiled method of this descriptor; the arguments were built
    // from it (receiver first for instance methods), the result class from its return type.
    match unsafe { call_compiled(m.entry, &call, matches!(ret, b'F' | b'D')) } {
        Some(v) => Some((v, ret)),
        None => {
            unsupported(
                m,
                "too many arguments for roast's reflective call trampoline",
            );
            None
        }
    }
}

/// NativeConstructorAccessorImpl.invoke0: runs constructor `slot` of `decl` on `receiver`.
#[export_name = "jdk/internal/reflect/NativeConstructorAccessorImpl.invoke0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)V"]
pub extern "C" fn constructor_invoke0(decl: *mut u8, slot: i32, receiver: *mut u8, args: *mut u8) {
    let _ = invoke(decl, slot, receiver, args);
}

/// NativeMethodAccessorImpl.invokeRef0: runs a method returning a reference (or void:
/// null) and returns its result.
#[export_name = "jdk/internal/reflect/NativeMethodAccessorImpl.invokeRef0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"]
pub extern "C" fn method_invoke_ref0(
    decl: *mut u8,
    slot: i32,
    receiver: *mut u8,
    args: *mut u8,
) -> *mut u8 {
    match invoke(decl, slot, receiver, args) {
        Some((v, b'L' | b'[')) => v as *mut u8,
        _ => null(),
    }
}

/// NativeMethodAccessorImpl.invokePrim0: runs a method returning a primitive and returns
/// its value widened to 64 bits (`int`-like values sign- or zero-extended as their type,
/// `float`/`double` as their raw bits); the SDK boxes it.
#[export_name = "jdk/internal/reflect/NativeMethodAccessorImpl.invokePrim0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)J"]
pub extern "C" fn method_invoke_prim0(
    decl: *mut u8,
    slot: i32,
    receiver: *mut u8,
    args: *mut u8,
) -> i64 {
    match invoke(decl, slot, receiver, args) {
        Some((v, letter)) => match letter {
            b'Z' => i64::from(v as u8 != 0),
            b'B' => i64::from(v as i8),
            b'C' => i64::from(v as u16),
            b'S' => i64::from(v as i16),
            b'I' => i64::from(v as i32),
            b'F' => i64::from(v as u32),
            _ => v,
        },
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{parameter_letters, return_letter};

    #[test]
    fn parameter_letters_classify_descriptors() {
        assert_eq!(parameter_letters("()V"), b"");
        assert_eq!(
            parameter_letters("(IJLjava/lang/String;[[DZ[Ljava/lang/Object;F)V"),
            b"IJL[Z[F"
        );
    }

    #[test]
    fn return_letters() {
        assert_eq!(return_letter("(I)V"), b'V');
        assert_eq!(return_letter("()[I"), b'[');
        assert_eq!(return_letter("(Ljava/lang/String;)D"), b'D');
    }
}
