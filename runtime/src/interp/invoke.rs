//! Method invocation from interpreted code (JVMS §6.5 invokestatic, invokespecial,
//! invokevirtual, invokeinterface). Every call selects its target through the real vtables
//! and itables; a compiled target is called through the native calling convention, an
//! interpreted one (an entry thunk, `native_code::interpreted_method`) directly with its
//! locals filled from the operand stack (`call_interpreted`).
//!
//! Invariants:
//! - Arguments are popped with their tags checked against the callee's descriptor letters;
//!   a virtual call's receiver must be an instance of the resolved class (its vtable then
//!   has the slot), so no call reads outside a vtable.
//! - A slot holding the runtime's pruned-method stub dispatches, by the receiver's class, to
//!   the method interpreted from the embedded class library (`library.rs`), and raises an
//!   error naming the method when there is none (policy in ARCHITECTURE.md, "Interpreter");
//!   the abstract stub raises AbstractMethodError as compiled code would.
//! - A direct interpreted call behaves exactly as the native round trip through the entry
//!   thunk would: same argument placement and sub-int narrowing, same result narrowing and
//!   return-type check, same exceptions.

use super::class::{Resolved, RtMethod};
use super::exec::{check, obj_of, run, spare_vec, verify_fail, Frame, Thrown, R};
use super::fast::code_of;
use super::link::vtable;
use super::native_code::{call_native, interpreted_method, NativeArgs};
use super::resolve::{self, find_declared, itable_slot, stub_kind, vtable_slot, Target};
use super::sig::{slots_of, Sig};
use super::value::Value;
use crate::classes::{is_subtype, java_name};
use crate::contract::{self, ClassDesc, MethodEntry};
use crate::object::{class_by_name, DescExt};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The invoke instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// `invokestatic`
    Static,
    /// `invokespecial`
    Special,
    /// `invokevirtual`
    Virtual,
    /// `invokeinterface`
    Interface,
}

/// A resolved call site (cached per constant-pool index; static targets only once their
/// class is initialized, so the initialization check runs until then).
#[derive(Clone)]
pub struct Site {
    class: &'static ClassDesc,
    /// The class whose vtable a `Target::Virtual` slot indexes.
    vclass: &'static ClassDesc,
    name: String,
    descriptor: String,
    target: Target,
    sig: Sig,
}

fn resolve_site(f: &Frame, how: How, idx: u16) -> R<Site> {
    let class = f.m.class();
    let mref = match class.file.cp.member_ref(idx) {
        Ok(m) => m,
        Err(e) => return verify_fail(f.m, &e.to_string()),
    };
    let (cname, name, descriptor) = (
        mref.class.to_string(),
        mref.name.to_string(),
        mref.descriptor.to_string(),
    );
    let c = resolve::class_named(class, &cname).ok_or(Thrown)?;
    let sig = format!("{name}{descriptor}");
    let label = format!("{}.{name}{descriptor}", java_name(c));
    let direct = |d: Option<(&'static ClassDesc, MethodEntry)>| match d {
        Some((holder, e)) if !e.is_null() => {
            if how == How::Static {
                crate::classes::roast_init_class(holder);
                check()?;
            }
            Ok(Target::Direct(e))
        }
        Some(_) => resolve::pruned(&format!("method {label}")).ok_or(Thrown),
        None => {
            crate::throw::linkage(
                contract::error_kind::NO_SUCH_METHOD,
                &format!("'{label}' (or it was removed from the program as unreachable)"),
            );
            Err(Thrown)
        }
    };
    let mut vclass = c;
    let target = match how {
        How::Static => direct(find_declared(c, &name, &descriptor))?,
        How::Special if name == "<init>" || c.is_interface() => {
            direct(find_declared(c, &name, &descriptor))?
        }
        How::Special => match vtable_slot(c, &sig) {
            Some(s) => Target::Direct(library_if_pruned(vtable(c)[s], c, &name, &descriptor)),
            None => direct(find_declared(c, &name, &descriptor))?,
        },
        How::Virtual => match vtable_slot(c, &sig) {
            Some(s) => Target::Virtual(s),
            None => direct(find_declared(c, &name, &descriptor))?,
        },
        // A private interface method (javac calls it with invokeinterface) is in no
        // itable: it is called directly (JVMS §6.5 invokeinterface, step "private").
        How::Interface if declares_private(c, &name, &descriptor) => {
            direct(find_declared(c, &name, &descriptor))?
        }
        How::Interface => match itable_slot(c, &sig) {
            Some((iface, i)) => Target::Interface(iface, i),
            None => {
                let object = class_by_name("java/lang/Object").ok_or(Thrown)?;
                vclass = object;
                match vtable_slot(object, &sig) {
                    Some(s) => Target::Virtual(s),
                    None => direct(None)?,
                }
            }
        },
    };
    let Some(sig) = Sig::parse(&descriptor) else {
        return verify_fail(f.m, "malformed method descriptor");
    };
    Ok(Site {
        class: c,
        vclass,
        name,
        descriptor,
        target,
        sig,
    })
}

/// `entry`, or when it is the pruned-method stub, what the class library runs for an
/// instance of `class` (`library.rs`; the stub stays when nothing can run it).
fn library_if_pruned(
    entry: MethodEntry,
    class: &'static ClassDesc,
    name: &str,
    descriptor: &str,
) -> MethodEntry {
    if stub_kind(entry) != Some("pruned") {
        return entry;
    }
    super::library::dispatch(class, name, descriptor).unwrap_or(entry)
}

/// Does the run-time class `c` (or the class-library view of a compiled JDK interface)
/// declare a private instance method `name` `descriptor`?
fn declares_private(c: &'static ClassDesc, name: &str, descriptor: &str) -> bool {
    const PRIVATE: u16 = 0x0002;
    const STATIC: u16 = 0x0008;
    let view = || {
        if c.is_interface() {
            super::library::view_of(c)
        } else {
            None
        }
    };
    super::class::of_desc(c).or_else(view).is_some_and(|rc| {
        rc.methods.iter().any(|m| {
            m.name == name && m.descriptor == descriptor && m.access & (PRIVATE | STATIC) == PRIVATE
        })
    })
}

/// Executes an invoke instruction.
pub fn invoke(f: &mut Frame, how: How, idx: u16) -> R<()> {
    let site = cached_site(f, how, idx)?;
    call_site(f, how, &site)
}

/// Executes an invoke instruction whose site, once resolved for good, is kept in `slot`
/// (the instruction's entry in the pre-decoded code's cache, see `fast.rs`).
#[inline]
pub fn invoke_cached(f: &mut Frame, how: How, idx: u16, slot: &OnceLock<Resolved>) -> R<()> {
    if let Some(&Resolved::Call(site)) = slot.get() {
        return call_site(f, how, site);
    }
    let site = cached_site(f, how, idx)?;
    if let Cow::Borrowed(s) = site {
        let _ = slot.set(Resolved::Call(s));
    }
    call_site(f, how, &site)
}

/// Calls the target of `site` with the arguments on the operand stack (checked against
/// the descriptor's letters, then popped).
fn call_site(f: &mut Frame, how: How, site: &Site) -> R<()> {
    let sig = &site.sig;
    let n = sig.params.len();
    let has_receiver = how != How::Static;
    let len = f.stack.len();
    if len < n + usize::from(has_receiver) {
        return verify_fail(f.m, "operand stack underflow");
    }
    let base = len - n;
    for (v, &l) in f.stack[base..].iter().zip(&sig.params) {
        if !matches_letter(*v, l) {
            return verify_fail(
                f.m,
                &format!("argument {v:?} for a parameter of type {}", l as char),
            );
        }
    }
    let receiver = if has_receiver {
        match f.stack[base - 1] {
            Value::Ref(r) => Some(r),
            v => return verify_fail(f.m, &format!("receiver {v:?} is not a reference")),
        }
    } else {
        None
    };
    let entry = match (site.target, receiver) {
        (_, Some(0)) => {
            crate::throw::npe(None);
            // SAFETY: the record lives as long as the frame's activation.
            let pc = unsafe { (*f.record).pc };
            super::npe::annotate(f.m, pc as u32);
            return Err(Thrown);
        }
        (Target::Direct(e), _) => e,
        (Target::Virtual(slot), Some(r)) => {
            let o = obj_of(r).ok_or(Thrown)?;
            if !is_subtype(o.desc(), site.vclass) || slot >= o.desc().vtable_len as usize {
                return verify_fail(f.m, &format!("receiver is not a {}", java_name(site.class)));
            }
            vtable(o.desc())[slot]
        }
        (Target::Interface(iface, i), Some(r)) => {
            crate::classes::roast_itable_lookup(r as *mut u8, iface, i as i32)
        }
        (_, None) => return verify_fail(f.m, "missing receiver"),
    };
    let entry = match receiver {
        Some(r) if stub_kind(entry) == Some("pruned") => {
            let o = obj_of(r).ok_or(Thrown)?;
            library_if_pruned(entry, o.desc(), &site.name, &site.descriptor)
        }
        _ => entry,
    };
    if let Some(kind) = stub_kind(entry) {
        let label = format!("{}.{}{}", java_name(site.class), site.name, site.descriptor);
        if kind == "abstract" {
            crate::throw::linkage(contract::error_kind::ABSTRACT_METHOD, &label);
            return Err(Thrown);
        }
        return resolve::pruned(&format!("method {label}")).ok_or(Thrown);
    }
    if let Some(callee) = interpreted_method(entry) {
        if callee.is_static() == receiver.is_none() {
            if let Some(csig) = code_of(callee).sig.as_ref() {
                if same_letters(csig, sig) {
                    return call_interpreted(f, callee, csig, receiver, base);
                }
            }
        }
    }
    let mut native = NativeArgs::default();
    if let Some(r) = receiver {
        native.int(r as i64);
    }
    for v in &f.stack[base..] {
        push_arg(&mut native, *v);
    }
    f.stack.truncate(base - usize::from(has_receiver));
    // SAFETY: `entry` implements the resolved method, whose descriptor the arguments match.
    let ret = unsafe { call_native(entry, &native) };
    check()?;
    if sig.ret != b'V' {
        f.push(Value::from_raw(sig.ret, ret.int, ret.float))?;
    }
    Ok(())
}

/// Do both signatures have the same parameter and return letters? (An inline loop: the
/// lists are short and this runs on every interpreted-to-interpreted call.)
#[inline]
fn same_letters(a: &Sig, b: &Sig) -> bool {
    a.ret == b.ret
        && a.params.len() == b.params.len()
        && a.params.iter().zip(&b.params).all(|(x, y)| x == y)
}

/// Calls the interpreted method `callee` directly (no trip through the native convention):
/// the receiver and the arguments `f.stack[base..]` (tags already checked against `sig`)
/// become the callee's locals exactly as `exec::roast_interp_entry` would place them, and
/// the result is narrowed by the return letter as the native return would narrow it, so
/// both ways of calling behave alike.
fn call_interpreted(
    f: &mut Frame,
    callee: &'static RtMethod,
    sig: &Sig,
    receiver: Option<usize>,
    base: usize,
) -> R<()> {
    // Verified first, while the arguments are still on the caller's (scanned) stack.
    if !super::verify::ensure_verified(callee.class()) {
        return Err(Thrown);
    }
    let mut locals = spare_vec(usize::from(callee.max_locals).max(sig.arg_slots() + 1));
    let mut slot = 0;
    if let Some(r) = receiver {
        locals[0] = Value::Ref(r);
        slot = 1;
    }
    for (&v, &l) in f.stack[base..].iter().zip(&sig.params) {
        locals[slot] = match v {
            Value::Int(x) => Value::from_raw(l, i64::from(x), 0.0),
            v => v,
        };
        slot += slots_of(l);
    }
    f.stack.truncate(base - usize::from(receiver.is_some()));
    let v = run(callee, locals)?;
    let v = match (v, sig.ret) {
        (Value::Top, b'V') => return Ok(()),
        (Value::Int(x), b'Z' | b'B' | b'C' | b'S' | b'I') => {
            Value::from_raw(sig.ret, i64::from(x), 0.0)
        }
        (v @ Value::Long(_), b'J')
        | (v @ Value::Float(_), b'F')
        | (v @ Value::Double(_), b'D')
        | (v @ Value::Ref(_), b'L') => v,
        (v, _) => {
            return verify_fail(
                callee,
                &format!("returns {v:?} from a method returning {}", sig.ret as char),
            )
        }
    };
    f.push(v)
}

/// The call site `idx`, resolved once (a static call's site is cached once its class is
/// initialized, so that later calls need no initialization check).
fn cached_site(f: &Frame, how: How, idx: u16) -> R<Cow<'static, Site>> {
    let class = f.m.class();
    if let Some(Resolved::Call(s)) = class
        .resolved
        .lock()
        .ok()
        .and_then(|m| m.get(&idx).copied())
    {
        return Ok(Cow::Borrowed(s));
    }
    let site = resolve_site(f, how, idx)?;
    // The declaring class of a static target is the resolved class or a superclass, which
    // JVMS §5.5 initializes first.
    let initialized = how != How::Static
        || site
            .class
            .init_state
            .load(std::sync::atomic::Ordering::Acquire)
            == contract::INIT_DONE;
    if !initialized {
        return Ok(Cow::Owned(site));
    }
    let site: &'static Site = Box::leak(Box::new(site));
    if let Ok(mut m) = class.resolved.lock() {
        m.insert(idx, Resolved::Call(site));
    }
    Ok(Cow::Borrowed(site))
}

/// Does a value fit a parameter of this descriptor letter?
pub fn matches_letter(v: Value, l: u8) -> bool {
    matches!(
        (v, l),
        (Value::Int(_), b'Z' | b'B' | b'C' | b'S' | b'I')
            | (Value::Long(_), b'J')
            | (Value::Float(_), b'F')
            | (Value::Double(_), b'D')
            | (Value::Ref(_), b'L')
    )
}

/// Adds a value to native call arguments.
pub fn push_arg(native: &mut NativeArgs, v: Value) {
    match v {
        Value::Int(x) => native.int(i64::from(x)),
        Value::Long(x) => native.int(x),
        Value::Float(x) => native.float(u64::from(x.to_bits())),
        Value::Double(x) => native.float(x.to_bits()),
        Value::Ref(x) => native.int(x as i64),
        Value::Top => native.int(0),
    }
}
