//! The nest host of a class defined at run time, validated as HotSpot does
//! (`InstanceKlass::nest_host`, JDK 17): `Class.getNestHost` and `Reflection.areNestMates`.
//!
//! A class without a NestHost attribute is its own host. Otherwise the named host is
//! resolved through the class's defining loader (without initializing it) and accepted only
//! when it is in the same run-time package (same defining loader, same package name) and
//! its NestMembers attribute lists this very class; a failed resolution (any LinkageError,
//! which is cleared), another package or a host that does not claim the class make the class
//! its own host, as in JDK 15 and later. Other errors (VirtualMachineError) propagate.
//!
//! Invariants: the answer is computed once per class and cached (like HotSpot's `_nest_host`),
//! except when an error propagates. Hidden classes the runtime synthesizes (lambda proxies,
//! `class_flags::HIDDEN`) are nestmates of the class that made them, as a hidden class
//! defined with `NESTMATE` is: their recorded host is trusted. Compiled classes are never in
//! the run-time package of a run-time class.

use super::class::{of_desc, RtClass};
use crate::contract::{class_flags, ClassDesc};
use crate::object::{class_by_name, cstr, DescExt};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Validated hosts by descriptor address.
fn cache() -> &'static Mutex<HashMap<usize, usize>> {
    static C: OnceLock<Mutex<HashMap<usize, usize>>> = OnceLock::new();
    C.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The nest host of run-time class `rc`; None only with a pending exception that is not a
/// LinkageError.
pub fn host_of(rc: &'static RtClass) -> Option<&'static ClassDesc> {
    let own = rc.desc();
    let key = own as *const ClassDesc as usize;
    if let Some(&h) = cache().lock().unwrap().get(&key) {
        // SAFETY: the cache holds descriptor addresses, which are never freed.
        return Some(unsafe { &*(h as *const ClassDesc) });
    }
    let host = match rc.file.nest_host.as_deref() {
        None => own,
        Some(name) => validated(rc, name)?,
    };
    cache()
        .lock()
        .unwrap()
        .insert(key, host as *const ClassDesc as usize);
    Some(host)
}

fn validated(rc: &'static RtClass, host_name: &str) -> Option<&'static ClassDesc> {
    let own = rc.desc();
    let Some(host) = super::resolve::class_named(rc, host_name) else {
        let error = crate::thread::take_pending();
        if let Some(e) = error.filter(|e| !is_linkage_error(e.desc())) {
            crate::thread::set_pending(Some(e));
            return None;
        }
        return Some(own);
    };
    let hidden = own
        .meta()
        .is_some_and(|m| m.flags & class_flags::HIDDEN != 0);
    if hidden {
        return Some(host);
    }
    let Some(host_class) = of_desc(host) else {
        return Some(own); // a compiled class: another run-time package
    };
    if host_class.loader != rc.loader || package_of(&host_class.name) != package_of(&rc.name) {
        return Some(own);
    }
    let claims = host_class.file.nest_members.iter().any(|m| {
        *m == rc.name
            && super::resolve::class_named(host_class, m).is_some_and(|d| std::ptr::eq(d, own))
    });
    if crate::thread::pending().is_some() {
        let error = crate::thread::take_pending();
        if let Some(e) = error.filter(|e| !is_linkage_error(e.desc())) {
            crate::thread::set_pending(Some(e));
            return None;
        }
    }
    Some(if claims { host } else { own })
}

fn package_of(internal: &str) -> &str {
    internal.rfind('/').map_or("", |i| &internal[..i])
}

fn is_linkage_error(d: &ClassDesc) -> bool {
    class_by_name("java/lang/LinkageError").is_some_and(|l| crate::classes::is_subtype(d, l))
}

/// A nest host as `Reflection.areNestMates` compares them.
#[derive(PartialEq, Eq)]
pub enum Host {
    /// A loaded host, by descriptor address.
    Loaded(usize),
    /// The host named by a compiled class whose host is not compiled into the program.
    Named(&'static str),
}

/// The nest host of any class: the validated host of a run-time class, the recorded one of
/// a compiled class (compiled nests are closed: the compiler records what javac wrote); None
/// for arrays and primitives, or when resolving the host threw a non-linkage error.
pub fn host(d: &'static ClassDesc) -> Option<Host> {
    if d.is_array() || d.kind == crate::contract::KIND_PRIMITIVE {
        return None;
    }
    let addr = |h: &ClassDesc| Host::Loaded(h as *const ClassDesc as usize);
    if let Some(rc) = of_desc(d) {
        return host_of(rc).map(addr);
    }
    let Some(m) = d.meta() else {
        return Some(addr(d));
    };
    // SAFETY: null or a descriptor address.
    Some(match unsafe { m.nest_host.as_ref() } {
        Some(h) => addr(h),
        None if !m.nest_host_name.is_null() => Host::Named(cstr(m.nest_host_name)),
        None => addr(d),
    })
}

/// The failure of a lookup that left a Java exception pending.
#[derive(Debug)]
pub struct ExceptionPending;

/// `Class.getDeclaringClass0` of a run-time class (HotSpot's `compute_enclosing_class` and
/// `Reflection::check_for_inner_class`): the outer class of the class's own InnerClasses
/// entry, resolved through its loader, for a member class; None for top-level, local and
/// anonymous classes. The outer class (or, for a local or anonymous class, the class named by
/// EnclosingMethod) must list this very class in its own InnerClasses attribute, else
/// IncompatibleClassChangeError "<outer> and <inner> disagree on InnerClasses attribute".
/// Err: an exception is pending (resolution failed or the classes disagree).
pub fn declaring_class(
    rc: &'static RtClass,
) -> Result<Option<&'static ClassDesc>, ExceptionPending> {
    let own_entry = rc
        .file
        .inner_classes
        .iter()
        .find(|e| e.inner == rc.name && e.outer.is_some());
    let (outer_name, member) = match (own_entry, &rc.file.enclosing_method) {
        (Some(e), _) => (e.outer.as_deref().unwrap_or_default(), true),
        (None, Some(em)) => (em.class.as_str(), false),
        (None, None) => return Ok(None),
    };
    let outer = super::resolve::class_named(rc, outer_name).ok_or(ExceptionPending)?;
    if !claims_inner(outer, rc, member)? {
        crate::throw::linkage(
            crate::contract::error_kind::INCOMPATIBLE_CLASS_CHANGE,
            &format!(
                "{} and {} disagree on InnerClasses attribute",
                outer_name.replace('/', "."),
                rc.name.replace('/', ".")
            ),
        );
        return Err(ExceptionPending);
    }
    Ok(member.then_some(outer))
}

/// Does `outer` list `rc` in its InnerClasses attribute (as a member of `outer` when
/// `member`, else as a local or anonymous class), the name resolving through `outer`'s
/// loader to `rc` itself? A compiled outer class names compiled classes only.
fn claims_inner(
    outer: &'static ClassDesc,
    rc: &'static RtClass,
    member: bool,
) -> Result<bool, ExceptionPending> {
    let Some(outer_class) = of_desc(outer) else {
        return Ok(false);
    };
    let own = rc.desc();
    for e in &outer_class.file.inner_classes {
        let listed = e.inner == rc.name
            && match (&e.outer, member) {
                (Some(o), true) => *o == outer_class.name,
                (None, false) => true,
                _ => false,
            };
        if listed {
            let inner =
                super::resolve::class_named(outer_class, &e.inner).ok_or(ExceptionPending)?;
            if std::ptr::eq(inner, own) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
