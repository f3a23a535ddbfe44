//! `LambdaMetafactory.metafactory` / `altMetafactory` expanded at compile time into a class
//! that implements the functional interface: captured values in fields, a static factory with
//! the call site's descriptor, and the interface method (plus bridges) calling the
//! implementation method with LambdaMetafactory's argument and result adaptations.
//!
//! Invariant: a non-capturing lambda site yields one shared instance (as HotSpot's constant
//! call site does); a capturing site a new instance per evaluation.

use super::builder::{op, Asm, ClassBuilder};
use super::convert::{adapt, letter, slots};
use crate::classfile::access;
use crate::classfile::constant_pool::MemberRef;
use crate::classfile::descriptor::{parse_method_descriptor, FieldType, MethodDescriptor};
use crate::classfile::ClassFile;

/// MethodHandle reference kinds (JVMS §4.4.8); REF_invokeVirtual (5) is the default case.
mod kind {
    pub const INVOKE_STATIC: u8 = 6;
    pub const INVOKE_SPECIAL: u8 = 7;
    pub const NEW_INVOKE_SPECIAL: u8 = 8;
    pub const INVOKE_INTERFACE: u8 = 9;
}

const FLAG_SERIALIZABLE: i32 = 1;
const FLAG_MARKERS: i32 = 2;
const FLAG_BRIDGES: i32 = 4;

/// What a lambda site asks for.
pub struct LambdaSite<'a> {
    /// The class file holding the site.
    pub file: &'a ClassFile,
    /// Interface method name.
    pub name: &'a str,
    /// The site's descriptor: captured values → interface type.
    pub factory: &'a str,
    /// Bootstrap arguments (constant-pool indices).
    pub args: &'a [u16],
    /// Whether the bootstrap is altMetafactory.
    pub alt: bool,
}

struct Impl<'a> {
    kind: u8,
    member: MemberRef<'a>,
}

fn int_arg(file: &ClassFile, idx: u16) -> Result<i32, String> {
    match file.cp.loadable(idx).map_err(|e| e.to_string())? {
        crate::classfile::constant_pool::Loadable::Int(v) => Ok(v),
        _ => Err("altMetafactory: expected an int argument".into()),
    }
}

/// A count followed by that many constants (altMetafactory's markers and bridges), each
/// read by `read`; returns the values and the index after the list.
fn counted(
    file: &ClassFile,
    args: &[u16],
    at: usize,
    what: &str,
    read: impl Fn(u16) -> Result<String, crate::classfile::ClassFormatError>,
) -> Result<(Vec<String>, usize), String> {
    let missing = || format!("altMetafactory: missing {what}");
    let n = int_arg(file, *args.get(at).ok_or_else(missing)?)? as usize;
    let mut out = Vec::new();
    for k in 0..n {
        let idx = *args.get(at + 1 + k).ok_or_else(missing)?;
        out.push(read(idx).map_err(|e| e.to_string())?);
    }
    Ok((out, at + 1 + n))
}

/// Interfaces and bridge descriptors requested through altMetafactory flags.
fn alt_extras(file: &ClassFile, args: &[u16]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut ifaces = Vec::new();
    let mut bridges = Vec::new();
    let flags = int_arg(file, *args.get(3).ok_or("altMetafactory: missing flags")?)?;
    let mut i = 4;
    if flags & FLAG_MARKERS != 0 {
        (ifaces, i) = counted(file, args, i, "marker", |idx| {
            file.cp.class_name(idx).map(str::to_string)
        })?;
    }
    if flags & FLAG_BRIDGES != 0 {
        (bridges, _) = counted(file, args, i, "bridge", |idx| {
            file.cp.method_type(idx).map(str::to_string)
        })?;
    }
    if flags & FLAG_SERIALIZABLE != 0 {
        ifaces.push("java/io/Serializable".into());
    }
    Ok((ifaces, bridges))
}

/// Synthesizes the lambda class; its static `get` method has the site's descriptor.
pub fn synthesize(site: &LambdaSite<'_>, class_name: &str) -> Result<ClassFile, String> {
    let cp = &site.file.cp;
    let err = |e: crate::classfile::ClassFormatError| e.to_string();
    let erased = cp
        .method_type(*site.args.first().ok_or("metafactory: missing arguments")?)
        .map_err(err)?;
    let (kind, member) = cp
        .method_handle(
            *site
                .args
                .get(1)
                .ok_or("metafactory: missing implementation")?,
        )
        .map_err(err)?;
    let instantiated = cp
        .method_type(
            *site
                .args
                .get(2)
                .ok_or("metafactory: missing instantiated type")?,
        )
        .map_err(err)?;
    let factory = parse_method_descriptor(site.factory).map_err(|e| e.to_string())?;
    let iface = match &factory.ret {
        Some(FieldType::Object(n)) => n.clone(),
        _ => return Err("lambda factory must return an interface".into()),
    };
    let (mut ifaces, mut bridges) = if site.alt {
        alt_extras(site.file, site.args)?
    } else {
        (vec![], vec![])
    };
    ifaces.insert(0, iface.clone());
    bridges.retain(|b| b != erased);
    let mut cb = ClassBuilder::new(class_name, "java/lang/Object", ifaces);
    let captures = factory.params.clone();
    for (i, t) in captures.iter().enumerate() {
        cb.field(
            access::PRIVATE | access::FINAL,
            &format!("cap{i}"),
            &t.descriptor(),
        );
    }
    constructor(&mut cb, &captures);
    factory_method(&mut cb, class_name, site.factory, &captures);
    let inst = parse_method_descriptor(instantiated).map_err(|e| e.to_string())?;
    let imp = Impl { kind, member };
    for desc in std::iter::once(erased.to_string()).chain(bridges) {
        let sam = parse_method_descriptor(&desc).map_err(|e| e.to_string())?;
        let code = body(&mut cb, class_name, &captures, &sam, &inst, &imp)?;
        cb.method(access::PUBLIC, site.name, &desc, code);
    }
    Ok(cb.build())
}

fn ctor_descriptor(captures: &[FieldType]) -> String {
    let params: String = captures.iter().map(|t| t.descriptor()).collect();
    format!("({params})V")
}

fn constructor(cb: &mut ClassBuilder, captures: &[FieldType]) {
    let mut asm = Asm::default();
    let object_init = cb.method_ref("java/lang/Object", "<init>", "()V", false);
    asm.load(b'L', 0).op_u2(op::INVOKESPECIAL, object_init);
    let class = cb_name(cb);
    let mut slot = 1;
    for (i, t) in captures.iter().enumerate() {
        let f = cb.field_ref(&class, &format!("cap{i}"), &t.descriptor());
        asm.load(b'L', 0)
            .load(letter(t), slot)
            .op_u2(op::PUTFIELD, f);
        slot += slots(t);
    }
    asm.op(op::RETURN);
    cb.method(access::PRIVATE, "<init>", &ctor_descriptor(captures), asm);
}

fn cb_name(cb: &ClassBuilder) -> String {
    cb.name().to_string()
}

fn factory_method(cb: &mut ClassBuilder, class_name: &str, factory: &str, captures: &[FieldType]) {
    let mut asm = Asm::default();
    let c = cb.class(class_name);
    let init = cb.method_ref(class_name, "<init>", &ctor_descriptor(captures), false);
    if captures.is_empty() {
        // One shared instance, created by <clinit>.
        let desc = format!("L{class_name};");
        cb.field(
            access::PRIVATE | access::STATIC | access::FINAL,
            "INSTANCE",
            &desc,
        );
        let f = cb.field_ref(class_name, "INSTANCE", &desc);
        let mut clinit = Asm::default();
        clinit
            .op_u2(op::NEW, c)
            .op(op::DUP)
            .op_u2(op::INVOKESPECIAL, init)
            .op_u2(op::PUTSTATIC, f)
            .op(op::RETURN);
        cb.method(access::STATIC, "<clinit>", "()V", clinit);
        asm.op_u2(op::GETSTATIC, f).op(op::ARETURN);
    } else {
        asm.op_u2(op::NEW, c).op(op::DUP);
        let mut slot = 0;
        for t in captures {
            asm.load(letter(t), slot);
            slot += slots(t);
        }
        asm.op_u2(op::INVOKESPECIAL, init).op(op::ARETURN);
    }
    cb.method(access::PUBLIC | access::STATIC, "get", factory, asm);
}

/// The parameter types the implementation method receives (receiver first for instance
/// methods) and its result type.
fn impl_signature(imp: &Impl<'_>) -> Result<(Vec<FieldType>, Option<FieldType>), String> {
    let d: MethodDescriptor =
        parse_method_descriptor(imp.member.descriptor).map_err(|e| e.to_string())?;
    let mut params = Vec::new();
    match imp.kind {
        kind::INVOKE_STATIC => {}
        kind::NEW_INVOKE_SPECIAL => {
            return Ok((
                d.params,
                Some(FieldType::Object(imp.member.class.to_string())),
            ));
        }
        _ => params.push(FieldType::Object(imp.member.class.to_string())),
    }
    params.extend(d.params);
    Ok((params, d.ret))
}

fn body(
    cb: &mut ClassBuilder,
    class_name: &str,
    captures: &[FieldType],
    sam: &MethodDescriptor,
    inst: &MethodDescriptor,
    imp: &Impl<'_>,
) -> Result<Asm, String> {
    let (targets, result) = impl_signature(imp)?;
    if targets.len() != captures.len() + sam.params.len() {
        return Err(format!(
            "lambda implementation {}.{}{} does not match its interface method",
            imp.member.class, imp.member.name, imp.member.descriptor
        ));
    }
    let mut asm = Asm::default();
    if imp.kind == kind::NEW_INVOKE_SPECIAL {
        let c = cb.class(imp.member.class);
        asm.op_u2(op::NEW, c).op(op::DUP);
    }
    for (i, t) in captures.iter().enumerate() {
        let f = cb.field_ref(class_name, &format!("cap{i}"), &t.descriptor());
        asm.load(b'L', 0).op_u2(op::GETFIELD, f);
        adapt(cb, &mut asm, t, &targets[i], None);
    }
    let mut slot = 1;
    for (j, p) in sam.params.iter().enumerate() {
        asm.load(letter(p), slot);
        slot += slots(p);
        adapt(
            cb,
            &mut asm,
            p,
            &targets[captures.len() + j],
            inst.params.get(j),
        );
    }
    invoke(cb, &mut asm, imp, &targets);
    match (&result, &sam.ret) {
        (None, None) => {}
        (Some(r), None) => {
            asm.op(if r.is_wide() { op::POP2 } else { op::POP });
        }
        (Some(r), Some(t)) => adapt(cb, &mut asm, r, t, inst.ret.as_ref()),
        (None, Some(_)) => {
            asm.op(op::ACONST_NULL);
        }
    }
    asm.ret(sam.ret.as_ref().map_or(b'V', letter));
    Ok(asm)
}

fn invoke(cb: &mut ClassBuilder, asm: &mut Asm, imp: &Impl<'_>, targets: &[FieldType]) {
    let m = &imp.member;
    let r = cb.method_ref(m.class, m.name, m.descriptor, m.interface);
    match imp.kind {
        kind::INVOKE_STATIC => asm.op_u2(op::INVOKESTATIC, r),
        kind::INVOKE_SPECIAL | kind::NEW_INVOKE_SPECIAL => asm.op_u2(op::INVOKESPECIAL, r),
        kind::INVOKE_INTERFACE => {
            let arg_slots: u16 = targets.iter().map(slots).sum();
            asm.invokeinterface(r, arg_slots as u8)
        }
        _ => asm.op_u2(op::INVOKEVIRTUAL, r),
    };
}
