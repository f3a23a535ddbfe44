//! Signature-polymorphic calls (JVMS §2.9.3): `VarHandle` access methods and
//! `MethodHandle.invoke`/`invokeExact`.
//!
//! A call `vh.m(a1, ..., an)` on `java/lang/invoke/VarHandle` with call-site descriptor D
//! (from the constant pool, not the method's declared `([Ljava/lang/Object;)...`) becomes
//!
//! ```text
//! null check vh
//! args = new Object[n]; args[i] = ai, primitives boxed with Integer.valueOf & co.
//! r = vh.roastInvoke(MODE_M, args)          // virtual: the SDK's concrete VarHandles
//! convert r to D's return type               // RoastVarHandles.toInt & co., or a checkcast
//! ```
//!
//! The SDK side is `sdk/java.base/java/lang/invoke/VarHandle.java`; [`ACCESS_MODES`] lists
//! the access methods in the order of its `MODE_` constants and of its `AccessMode` enum (a
//! unit test below parses the Java file and compares). Reachability (`reach.rs`) marks what
//! this lowering calls: `roastInvoke` as a virtual selector, `Object[]`, the box methods of
//! D's primitive parameters and the conversion of D's return type ([`support_methods`]).
//!
//! `MethodHandle` invocations are not supported yet: they throw UnsupportedOperationException
//! at run time, with a build warning.

use super::method::MethodCx;
use crate::classfile::access;
use crate::classfile::bytecode::Kind;
use crate::classfile::descriptor::{parse_method_descriptor, FieldType};
use crate::contract::{self, rt};
use crate::lower::types::{kind_of_letter, letter_of};
use crate::program::{MethodId, Program};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, PointerValue};
use inkwell::IntPredicate;

/// The class whose access methods are lowered to `roastInvoke`.
pub const VAR_HANDLE: &str = "java/lang/invoke/VarHandle";
/// The class of `invoke`/`invokeExact`.
pub const METHOD_HANDLE: &str = "java/lang/invoke/MethodHandle";
/// Name of the SDK entry point every access method is lowered to.
pub const ROAST_INVOKE: &str = "roastInvoke";
/// Descriptor of [`ROAST_INVOKE`]: (access mode, boxed arguments) → boxed result.
pub const ROAST_INVOKE_DESC: &str = "(I[Ljava/lang/Object;)Ljava/lang/Object;";
/// The SDK class with the result conversions (`toInt` & co.).
pub const SUPPORT_CLASS: &str = "java/lang/invoke/RoastVarHandles";
/// The array class of the boxed arguments.
pub const ARGS_ARRAY: &str = "[Ljava/lang/Object;";

/// The `VarHandle` access methods; the index is the access mode passed to `roastInvoke`
/// (`VarHandle.MODE_*`, the ordinal of `VarHandle.AccessMode`).
pub const ACCESS_MODES: [&str; 31] = [
    "get",
    "set",
    "getVolatile",
    "setVolatile",
    "getAcquire",
    "setRelease",
    "getOpaque",
    "setOpaque",
    "compareAndSet",
    "compareAndExchange",
    "compareAndExchangeAcquire",
    "compareAndExchangeRelease",
    "weakCompareAndSetPlain",
    "weakCompareAndSet",
    "weakCompareAndSetAcquire",
    "weakCompareAndSetRelease",
    "getAndSet",
    "getAndSetAcquire",
    "getAndSetRelease",
    "getAndAdd",
    "getAndAddAcquire",
    "getAndAddRelease",
    "getAndBitwiseOr",
    "getAndBitwiseOrRelease",
    "getAndBitwiseOrAcquire",
    "getAndBitwiseAnd",
    "getAndBitwiseAndRelease",
    "getAndBitwiseAndAcquire",
    "getAndBitwiseXor",
    "getAndBitwiseXorRelease",
    "getAndBitwiseXorAcquire",
];

/// The access mode of a `VarHandle` access method.
pub fn access_mode(name: &str) -> Option<u32> {
    ACCESS_MODES
        .iter()
        .position(|&m| m == name)
        .map(|i| i as u32)
}

/// What kind of signature-polymorphic method a resolved call target is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polymorphic {
    /// A `VarHandle` access method with its access mode.
    VarHandle(u32),
    /// `MethodHandle.invoke`, `invokeExact` and the other `MethodHandle` natives of this shape.
    MethodHandle,
}

/// Classifies a resolved method: signature-polymorphic methods are the native varargs
/// methods of `MethodHandle` and `VarHandle` (JVMS §2.9.3).
pub fn classify(program: &Program, m: MethodId) -> Option<Polymorphic> {
    let meth = program.method(m);
    if !meth.is_native() || meth.access & access::VARARGS == 0 {
        return None;
    }
    match program.class(meth.class).name.as_str() {
        VAR_HANDLE => access_mode(&meth.name).map(Polymorphic::VarHandle),
        METHOD_HANDLE => Some(Polymorphic::MethodHandle),
        _ => None,
    }
}

/// The static method that boxes a value of descriptor letter `letter`: (class, name, desc).
pub fn box_method(letter: u8) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match letter {
        b'Z' => ("java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;"),
        b'B' => ("java/lang/Byte", "valueOf", "(B)Ljava/lang/Byte;"),
        b'C' => ("java/lang/Character", "valueOf", "(C)Ljava/lang/Character;"),
        b'S' => ("java/lang/Short", "valueOf", "(S)Ljava/lang/Short;"),
        b'I' => ("java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;"),
        b'J' => ("java/lang/Long", "valueOf", "(J)Ljava/lang/Long;"),
        b'F' => ("java/lang/Float", "valueOf", "(F)Ljava/lang/Float;"),
        b'D' => ("java/lang/Double", "valueOf", "(D)Ljava/lang/Double;"),
        _ => return None,
    })
}

/// The static method of [`SUPPORT_CLASS`] that converts an Object result to the primitive
/// of descriptor letter `letter`: (name, desc).
pub fn unbox_method(letter: u8) -> Option<(&'static str, &'static str)> {
    Some(match letter {
        b'Z' => ("toBoolean", "(Ljava/lang/Object;)Z"),
        b'B' => ("toByte", "(Ljava/lang/Object;)B"),
        b'C' => ("toChar", "(Ljava/lang/Object;)C"),
        b'S' => ("toShort", "(Ljava/lang/Object;)S"),
        b'I' => ("toInt", "(Ljava/lang/Object;)I"),
        b'J' => ("toLong", "(Ljava/lang/Object;)J"),
        b'F' => ("toFloat", "(Ljava/lang/Object;)F"),
        b'D' => ("toDouble", "(Ljava/lang/Object;)D"),
        _ => return None,
    })
}

/// The class a reference result is cast to, None for `Object` and non-references.
pub fn cast_class(t: &FieldType) -> Option<String> {
    match t {
        FieldType::Object(n) if n == "java/lang/Object" => None,
        FieldType::Object(n) => Some(n.clone()),
        FieldType::Array(_) => Some(t.descriptor()),
        _ => None,
    }
}

/// The static methods a `VarHandle` call site with descriptor `desc` calls besides
/// `roastInvoke`: the box methods of its primitive parameters and the conversion of its
/// primitive return type, as (class, name, descriptor).
pub fn support_methods(desc: &str) -> Vec<(&'static str, &'static str, &'static str)> {
    let Ok(d) = parse_method_descriptor(desc) else {
        return Vec::new();
    };
    let mut out: Vec<_> = d
        .params
        .iter()
        .filter_map(|p| box_method(letter_of(p)))
        .collect();
    if let Some((name, desc)) = d.ret.as_ref().and_then(|r| unbox_method(letter_of(r))) {
        out.push((SUPPORT_CLASS, name, desc));
    }
    out
}

/// A `VarHandle` call prepared for the virtual call of `roastInvoke`.
pub struct PreparedCall<'ctx> {
    /// `VarHandle.roastInvoke`.
    pub target: MethodId,
    /// The VarHandle (null-checked).
    pub receiver: PointerValue<'ctx>,
    /// Receiver, access mode, boxed arguments.
    pub args: Vec<BasicMetadataValueEnum<'ctx>>,
}

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    /// Lowers everything of a signature-polymorphic call before the virtual call of
    /// `roastInvoke`. Returns None when the call site was lowered to a throw instead
    /// (`MethodHandle` invocations, or a VarHandle class without `roastInvoke`).
    pub(super) fn prepare_polymorphic(
        &mut self,
        kind: Polymorphic,
        name: &str,
        desc: &str,
        receiver: PointerValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<PreparedCall<'ctx>> {
        let results: Vec<Kind> = super::types::method_kinds(desc).1.into_iter().collect();
        let Polymorphic::VarHandle(mode) = kind else {
            self.unsupported_method_handle(name, &results);
            return None;
        };
        let target =
            match self
                .l
                .program
                .resolve_method(VAR_HANDLE, ROAST_INVOKE, ROAST_INVOKE_DESC, false)
            {
                Ok(t) => t,
                Err(e) => {
                    self.fail_resolve(&e, &results);
                    return None;
                }
            };
        self.null_check(receiver);
        let Some(array) = self.boxed_arguments(desc, args) else {
            // A throw was emitted; the dead code after it still needs the call's result.
            for &k in &results {
                let zero = super::descs::zero_of(super::types::kind_type(self.l.ctx, k));
                self.push(zero, k);
            }
            return None;
        };
        let mode = self.l.ctx.i32_type().const_int(mode as u64, false);
        Some(PreparedCall {
            target,
            receiver,
            args: vec![receiver.into(), mode.into(), array.into()],
        })
    }

    /// `MethodHandle.invoke*`: a build warning and a throw at run time.
    fn unsupported_method_handle(&mut self, name: &str, results: &[Kind]) {
        let msg = format!(
            "{}.{name} (MethodHandle invocation) is not supported yet",
            METHOD_HANDLE.replace('/', ".")
        );
        self.l
            .warnings
            .push(format!("{}: {msg}", self.l.program.method_display(self.m)));
        self.fail_with(contract::error_kind::UNSUPPORTED, &msg, results);
    }

    /// A new `Object[]` holding the arguments, primitives boxed. None when it could not be
    /// created (the throw is emitted).
    fn boxed_arguments(
        &mut self,
        desc: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<PointerValue<'ctx>> {
        let params = parse_method_descriptor(desc).map_or(Vec::new(), |d| d.params);
        let array = self.new_args_array(args.len() as u32)?;
        for (i, (arg, ty)) in args.iter().zip(&params).enumerate() {
            let value = self.boxed(*arg, letter_of(ty))?;
            self.store_element(array, i as u32, value);
        }
        Some(array)
    }

    fn new_args_array(&mut self, len: u32) -> Option<PointerValue<'ctx>> {
        let c = match self.l.program.resolve_class(ARGS_ARRAY) {
            Ok(c) => c,
            Err(e) => {
                self.fail_resolve(&e, &[]);
                return None;
            }
        };
        let desc = self.l.desc(c);
        let n = self.l.ctx.i32_type().const_int(len as u64, false);
        self.set_frame_pc();
        let arr = self.alloc_array_inline(desc, 8, n).into_pointer_value();
        Some(arr)
    }

    /// Stores reference `v` as element `i` of the fresh `Object[]` `array` (in bounds, no
    /// store check needed).
    fn store_element(&mut self, array: PointerValue<'ctx>, i: u32, v: BasicValueEnum<'ctx>) {
        let off = contract::ARRAY_BASE_OFFSET as u64 + 8 * i as u64;
        let off = self.l.ctx.i64_type().const_int(off, false);
        // SAFETY: `i` is below the array's length (it was allocated with one slot per
        // argument).
        let p = unsafe {
            self.l
                .builder
                .build_gep(self.l.ctx.i8_type(), array, &[off], "elem")
                .expect("gep")
        };
        self.l.builder.build_store(p, v).expect("store");
    }

    /// The argument as a reference: primitives through their box class's `valueOf`.
    fn boxed(
        &mut self,
        arg: BasicMetadataValueEnum<'ctx>,
        letter: u8,
    ) -> Option<BasicValueEnum<'ctx>> {
        let Some((class, name, desc)) = box_method(letter) else {
            return Some(metadata_to_basic(arg));
        };
        self.call_static(class, name, desc, &[arg])
    }

    /// Calls a static method by name (initializing its class), then checks for exceptions.
    /// None when it does not resolve (the throw is emitted).
    fn call_static(
        &mut self,
        class: &str,
        name: &str,
        desc: &str,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<BasicValueEnum<'ctx>> {
        let m = match self.l.program.resolve_method(class, name, desc, false) {
            Ok(m) => m,
            Err(e) => {
                self.fail_resolve(&e, &[]);
                return None;
            }
        };
        let c = self.l.program.method(m).class;
        self.ensure_initialized(c);
        let f = self.l.function(m);
        self.set_frame_pc();
        let r = self.l.builder.build_call(f, args, "poly").expect("call");
        self.check_exception();
        r.try_as_basic_value().basic()
    }

    /// Converts the Object result of `roastInvoke` to the return type of the call-site
    /// descriptor and pushes it.
    pub(super) fn finish_polymorphic(&mut self, result: Option<BasicValueEnum<'ctx>>, desc: &str) {
        let Some(ret) = parse_method_descriptor(desc).ok().and_then(|d| d.ret) else {
            return;
        };
        let letter = letter_of(&ret);
        let kind = kind_of_letter(letter);
        let zero = super::descs::zero_of(super::types::kind_type(self.l.ctx, kind));
        let value = match (result, unbox_method(letter)) {
            (None, _) => None,
            (Some(r), Some((name, d))) => self.call_static(SUPPORT_CLASS, name, d, &[r.into()]),
            (Some(r), None) => Some(self.cast_result(r.into_pointer_value(), &ret).into()),
        };
        self.push(value.unwrap_or(zero), kind);
    }

    /// Checkcast of a reference result to the call site's declared return class.
    fn cast_result(&mut self, v: PointerValue<'ctx>, ret: &FieldType) -> PointerValue<'ctx> {
        let Some(c) = cast_class(ret).and_then(|n| self.l.program.lookup(&n)) else {
            return v;
        };
        let is_null = self.l.builder.build_is_null(v, "null").expect("cmp");
        let test = self.l.ctx.append_basic_block(self.func, "polycast");
        let ok = self.l.ctx.append_basic_block(self.func, "polycastok");
        self.l
            .builder
            .build_conditional_branch(is_null, ok, test)
            .expect("br");
        self.l.builder.position_at_end(test);
        let desc = self.l.desc(c);
        let f = self.l.instance_of_fn();
        let r = self
            .l
            .builder
            .build_call(f, &[v.into(), desc.into()], "isinst")
            .expect("call")
            .try_as_basic_value()
            .basic()
            .expect("value")
            .into_int_value();
        let pass = self
            .l
            .builder
            .build_int_compare(IntPredicate::NE, r, r.get_type().const_zero(), "pass")
            .expect("cmp");
        let fail = self.l.runtime_fn(rt::CHECK_CAST_FAILED, |l| {
            l.ctx
                .void_type()
                .fn_type(&[l.ref_type().into(), l.ptr().into()], false)
        });
        let throw = self.throw_block(fail, &[v.into(), desc.into()]);
        self.l
            .builder
            .build_conditional_branch(pass, ok, throw)
            .expect("br");
        self.l.builder.position_at_end(ok);
        v
    }
}

/// A call argument as a value (arguments are always basic values).
fn metadata_to_basic(v: BasicMetadataValueEnum<'_>) -> BasicValueEnum<'_> {
    match v {
        BasicMetadataValueEnum::PointerValue(p) => p.into(),
        BasicMetadataValueEnum::IntValue(i) => i.into(),
        BasicMetadataValueEnum::FloatValue(f) => f.into(),
        other => panic!("unexpected call argument {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAVA: &str = include_str!("../../../sdk/java.base/java/lang/invoke/VarHandle.java");

    /// `compareAndExchangeAcquire` → `COMPARE_AND_EXCHANGE_ACQUIRE`.
    fn screaming(name: &str) -> String {
        let mut out = String::new();
        for c in name.chars() {
            if c.is_ascii_uppercase() {
                out.push('_');
            }
            out.push(c.to_ascii_uppercase());
        }
        out
    }

    #[test]
    fn mode_constants_match_the_java_shadow() {
        for (i, name) in ACCESS_MODES.iter().enumerate() {
            let line = format!("static final int MODE_{} = {i};", screaming(name));
            assert!(JAVA.contains(&line), "VarHandle.java lacks `{line}`");
        }
        let count = format!("static final int MODE_COUNT = {};", ACCESS_MODES.len());
        assert!(JAVA.contains(&count), "VarHandle.java lacks `{count}`");
    }

    #[test]
    fn access_mode_enum_matches_the_java_shadow() {
        let entries: Vec<&str> = JAVA
            .lines()
            .map(str::trim)
            .filter(|l| {
                l.split_once("(\"").is_some_and(|(constant, _)| {
                    !constant.is_empty()
                        && constant
                            .bytes()
                            .all(|b| b.is_ascii_uppercase() || b == b'_')
                })
            })
            .collect();
        let expected: Vec<String> = ACCESS_MODES
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let end = if i + 1 == ACCESS_MODES.len() {
                    ';'
                } else {
                    ','
                };
                format!("{}(\"{n}\"){end}", screaming(n))
            })
            .collect();
        assert_eq!(entries, expected);
    }

    #[test]
    fn every_mode_is_a_polymorphic_native() {
        for name in ACCESS_MODES {
            let decl = format!(" {name}(Object... args);");
            let line = JAVA
                .lines()
                .find(|l| l.contains(&decl))
                .unwrap_or_else(|| panic!("no declaration of {name}"));
            assert!(line.contains("public final native @MethodHandle.PolymorphicSignature"));
        }
    }

    #[test]
    fn support_methods_box_parameters_and_convert_the_result() {
        let m = support_methods("(Ljava/lang/Object;JI)J");
        assert_eq!(
            m,
            vec![
                ("java/lang/Long", "valueOf", "(J)Ljava/lang/Long;"),
                ("java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;"),
                (SUPPORT_CLASS, "toLong", "(Ljava/lang/Object;)J"),
            ]
        );
        assert!(support_methods("(Ljava/lang/Object;)Ljava/lang/Object;").is_empty());
        assert_eq!(access_mode("getAndBitwiseXorAcquire"), Some(30));
        assert_eq!(access_mode("invokeExact"), None);
    }

    #[test]
    fn reference_results_are_cast_to_their_class() {
        let obj = FieldType::Object("java/lang/Object".into());
        let s = FieldType::Object("java/lang/String".into());
        let a = FieldType::Array(Box::new(FieldType::Int));
        assert_eq!(cast_class(&obj), None);
        assert_eq!(cast_class(&s).as_deref(), Some("java/lang/String"));
        assert_eq!(cast_class(&a).as_deref(), Some("[I"));
    }
}
