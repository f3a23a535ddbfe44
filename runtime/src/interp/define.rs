//! `ClassLoader.defineClass` (JVMS §5.3.5): parse the class file with the shared parser,
//! check what the interpreter relies on, resolve the superclass and superinterfaces through
//! the defining loader, decode every method, make entry thunks, link and register.
//!
//! Invariants:
//! - Failures leave the JDK's exception pending: ClassFormatError (malformed bytes or
//!   bytecode), NoClassDefFoundError (wrong name, missing supertype), IncompatibleClassChangeError
//!   (class as interface or the reverse, a sealed supertype that does not permit the class),
//!   VerifyError (final superclass), LinkageError (duplicate definition).
//! - No lock is held while Java code runs (supertypes are loaded by calling the loader).

use super::class::{register, RtClass, RtMethod};
use super::link::{link, make_thunks, Supers};
use crate::classfile::{access, parse_class, ClassFile, Constant};
use crate::contract::{error_kind, ClassDesc};
use crate::object::DescExt;
use std::sync::{Mutex, OnceLock};

fn fail(kind: i32, msg: &str) -> Option<&'static ClassDesc> {
    crate::throw::linkage(kind, msg);
    None
}

/// Defines a class from `bytes` with `loader` as its defining loader. `expected` is the
/// binary name passed to defineClass (dotted), if any.
pub fn define(loader: usize, expected: Option<&str>, bytes: &[u8]) -> Option<&'static ClassDesc> {
    let file = match parse_class(bytes) {
        Ok(f) => f,
        Err(e) => return fail(error_kind::CLASS_FORMAT, &e.to_string()),
    };
    if let Some(n) = expected {
        if n.replace('.', "/") != file.name {
            let msg = format!("{} (wrong name: {})", n.replace('.', "/"), file.name);
            return fail(error_kind::NO_CLASS_DEF, &msg);
        }
    }
    if file.name.starts_with("java/") {
        return fail(
            error_kind::SECURITY,
            &format!("Prohibited package name: {}", package_of(&file.name)),
        );
    }
    define_file(loader, file, 0, Origin::Untrusted)
}

/// Where the bytes of a class defined at run time come from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A class loader's bytes: verified (JVMS §4.10) before it is initialized or run.
    Untrusted,
    /// Made by the runtime's own generators (`Proxy` classes): trusted like the lambda
    /// proxies, which carry no StackMapTable either.
    Synthesized,
}

/// Defines a parsed or synthesized class file with `loader` as its defining loader;
/// `flags` are added to its `ClassMeta::flags`.
pub fn define_file(
    loader: usize,
    file: ClassFile,
    flags: u32,
    origin: Origin,
) -> Option<&'static ClassDesc> {
    let methods = decode_methods(&file)?;
    let verified = match origin {
        Origin::Untrusted => super::verify::UNVERIFIED,
        Origin::Synthesized => super::verify::VERIFIED,
    };
    let class: &'static RtClass = Box::leak(Box::new(RtClass {
        name: file.name.clone(),
        loader,
        file,
        methods,
        desc: OnceLock::new(),
        resolved: Mutex::new(Default::default()),
        verified: std::sync::atomic::AtomicU8::new(verified),
    }));
    finish(class, flags)
}

/// Resolves the supertypes of a class built in memory (defined or synthesized), makes its
/// entry thunks, links and registers it; `flags` are added to its `ClassMeta::flags`.
pub fn finish(class: &'static RtClass, flags: u32) -> Option<&'static ClassDesc> {
    for m in &class.methods {
        let _ = m.class.set(class);
    }
    let mut supers = resolve_supers(class)?;
    supers.flags = flags;
    if let Err(e) = make_thunks(class) {
        return fail(error_kind::UNSUPPORTED, &e);
    }
    let desc = match link(class, &supers) {
        Ok(d) => d,
        Err(e) => {
            return fail(
                error_kind::UNSUPPORTED,
                &format!("linking {}: {e}", class.name),
            )
        }
    };
    let _ = class.desc.set(desc);
    init_constant_strings(class);
    if !register(class) {
        let msg = format!(
            "loader attempted duplicate class definition for {}.",
            class.name.replace('/', ".")
        );
        return fail(error_kind::LINKAGE, &msg);
    }
    Some(desc)
}

fn package_of(name: &str) -> String {
    name.rsplit_once('/').map_or("", |p| p.0).replace('/', ".")
}

fn decode_methods(file: &ClassFile) -> Option<Vec<RtMethod>> {
    match decode_all(file) {
        Ok(methods) => Some(methods),
        Err(e) => {
            fail(error_kind::CLASS_FORMAT, &e);
            None
        }
    }
}

/// Decodes every method of `file` (no exception raised: the caller reports the error).
pub fn decode_all(file: &ClassFile) -> Result<Vec<RtMethod>, String> {
    let mut out = Vec::new();
    for mi in &file.methods {
        let code = file.decode_method(mi).map_err(|e| e.to_string())?;
        let attr = mi.code.as_ref();
        let len = attr.map_or(0, |c| c.code.len());
        let mut pc_index = vec![u32::MAX; len];
        for (i, insn) in code.iter().enumerate() {
            pc_index[insn.pc as usize] = i as u32;
        }
        let mut lines: Vec<u32> = attr
            .map(|c| {
                c.line_numbers
                    .iter()
                    .flat_map(|l| [u32::from(l.start_pc), u32::from(l.line)])
                    .collect()
            })
            .unwrap_or_default();
        sort_pairs(&mut lines);
        out.push(RtMethod {
            class: OnceLock::new(),
            name: mi.name.clone(),
            descriptor: mi.descriptor.clone(),
            access: mi.access,
            code,
            pc_index,
            handlers: attr.map(|c| c.handlers.clone()).unwrap_or_default(),
            lines,
            max_locals: attr.map_or(0, |c| c.max_locals),
            max_stack: attr.map_or(0, |c| c.max_stack),
            meta: OnceLock::new(),
            entry: OnceLock::new(),
            fast: OnceLock::new(),
        });
    }
    Ok(out)
}

fn sort_pairs(v: &mut Vec<u32>) {
    let mut pairs: Vec<(u32, u32)> = v.chunks_exact(2).map(|c| (c[0], c[1])).collect();
    pairs.sort();
    *v = pairs.into_iter().flat_map(|(a, b)| [a, b]).collect();
}

fn resolve_supers(class: &'static RtClass) -> Option<Supers> {
    let file = &class.file;
    let super_name = file
        .super_name
        .clone()
        .unwrap_or_else(|| "java/lang/Object".into());
    let super_ = super::resolve::class_named(class, &super_name)?;
    if super_.is_interface() || super_.kind != crate::contract::KIND_INSTANCE {
        let msg = format!(
            "class {} has interface {} as super class",
            dotted(&file.name),
            dotted(&super_name)
        );
        fail(error_kind::INCOMPATIBLE_CLASS_CHANGE, &msg);
        return None;
    }
    if super_.access & access::FINAL != 0 {
        let msg = format!("Cannot inherit from final class {}", dotted(&super_name));
        fail(error_kind::VERIFY, &msg);
        return None;
    }
    if !permits(super_, class) {
        let msg = format!(
            "class {} cannot inherit from sealed class {}",
            dotted(&file.name),
            dotted(&super_name)
        );
        fail(error_kind::INCOMPATIBLE_CLASS_CHANGE, &msg);
        return None;
    }
    let mut direct = Vec::new();
    for i in &file.interfaces {
        let d = super::resolve::class_named(class, i)?;
        if !d.is_interface() {
            let msg = format!(
                "class {} can not implement {}, because it is not an interface",
                dotted(&file.name),
                dotted(i)
            );
            fail(error_kind::INCOMPATIBLE_CLASS_CHANGE, &msg);
            return None;
        }
        if !permits(d, class) {
            let verb = if file.access & access::INTERFACE != 0 {
                "extend"
            } else {
                "implement"
            };
            let msg = format!(
                "class {} cannot {verb} sealed interface {}",
                dotted(&file.name),
                dotted(i)
            );
            fail(error_kind::INCOMPATIBLE_CLASS_CHANGE, &msg);
            return None;
        }
        direct.push(d);
    }
    Some(Supers {
        super_,
        direct,
        flags: 0,
    })
}

/// May `class` extend or implement `sup` (HotSpot's `has_as_permitted_subclass`)? Always
/// when `sup` is not sealed; else only within one module (for run-time classes: the same
/// defining loader, so never a compiled sealed class), within one package unless `class` is
/// public, and when `sup`'s PermittedSubclasses attribute names `class`.
fn permits(sup: &ClassDesc, class: &RtClass) -> bool {
    let sealed = sup
        .meta()
        .is_some_and(|m| m.flags & crate::contract::class_flags::SEALED != 0);
    if !sealed {
        return true;
    }
    let Some(sealed_class) = super::class::of_desc(sup) else {
        return false;
    };
    if sealed_class.loader != class.loader {
        return false;
    }
    let public = class.file.access & access::PUBLIC != 0;
    if !public && package_of(&sealed_class.name) != package_of(&class.name) {
        return false;
    }
    sealed_class.file.permitted_subclasses.contains(&class.name)
}

fn dotted(n: &str) -> String {
    n.replace('/', ".")
}

/// Static final String fields with a ConstantValue get their (interned) string.
fn init_constant_strings(class: &'static RtClass) {
    let metas = super::link::field_metas_of(class.desc());
    for (fi, fm) in class.file.fields.iter().zip(metas) {
        let Some(cv) = fi.constant_value else {
            continue;
        };
        if !fi.is_static() || fm.static_addr.is_null() {
            continue;
        }
        if let Ok(Constant::String(_)) = class.file.cp.get(cv) {
            if let Ok(units) = class.file.cp.string_utf16(cv) {
                if let Some(s) = crate::strings::java_string_utf16(units) {
                    let interned = crate::natives::lang::string_intern(s.raw());
                    // SAFETY: a reference field's 8-byte static storage.
                    unsafe { (fm.static_addr as *mut usize).write(interned as usize) };
                }
            }
        }
    }
}
