//! Pruned JDK methods, interpreted: when code the interpreter runs needs a method of a
//! compiled JDK class that the closed-world analysis did not compile, the method's bytecode
//! is taken from the class file the compiler embedded (`aot/src/jdk_bytecode.rs`: blocks of
//! compressed class files with an index resource per class, present only when the program
//! can define classes at run time) and run by the interpreter against the compiled
//! class: its descriptor, field layout, statics, vtable and compiled methods.
//!
//! A compiled class with an embedded class file gets a *library view*: an [`RtClass`] whose
//! descriptor is the compiled one, with the boot loader (0) as its loader, trusted (not
//! verified: the bytes are the JDK's own, which the compiler also compiled from). It is not
//! registered as a run-time class (its descriptor is not `RUNTIME_DEFINED`); the methods it
//! runs carry `method_flags::INTERPRETED` in their metadata so that their frame records are
//! recognized as interpreted ones (`roots.rs`). Their metadata names the compiled class, so
//! stack traces and `getCallerClass` show the JDK class, as on HotSpot.
//!
//! Invariants:
//! - A view is made at most once per descriptor (a race makes two and keeps the first);
//!   views, methods, metadata and thunks are leaked like every run-time class.
//! - No lock is held while an exception is raised or Java code runs.
//! - Only methods with code run here; a pruned native or abstract method still fails
//!   loudly (`resolve::pruned`).

use super::class::{RtClass, RtMethod};
use crate::classfile::access;
use crate::contract::{self, ClassDesc, MethodEntry, MethodMeta};
use crate::object::{cstr, DescExt};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Library views by descriptor address (None: no class file embedded, or it did not parse).
fn views() -> &'static Mutex<HashMap<usize, Option<&'static RtClass>>> {
    static V: OnceLock<Mutex<HashMap<usize, Option<&'static RtClass>>>> = OnceLock::new();
    V.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The embedded class file of the JDK class `name`, if any (its block inflated on first use
/// and kept; `aot/src/jdk_bytecode.rs` describes the resources).
fn embedded(name: &str) -> Option<&'static [u8]> {
    let index =
        crate::natives::resources::find(&format!("{}{name}.class", contract::JDK_CLASS_PREFIX))?;
    let word = |i: usize| -> Option<usize> {
        let b: [u8; 4] = index.get(4 * i..4 * i + 4)?.try_into().ok()?;
        Some(u32::from_le_bytes(b) as usize)
    };
    let (block, offset, len) = (word(0)?, word(1)?, word(2)?);
    inflated_block(block)?.get(offset..offset.checked_add(len)?)
}

/// Block `k` of the embedded class files, inflated once.
fn inflated_block(k: usize) -> Option<&'static [u8]> {
    static BLOCKS: OnceLock<Mutex<HashMap<usize, &'static [u8]>>> = OnceLock::new();
    let blocks = BLOCKS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = blocks.lock().ok()?;
    if let Some(&b) = map.get(&k) {
        return Some(b);
    }
    let compressed =
        crate::natives::resources::find(&format!("{}{k:05}", contract::JDK_BLOCK_PREFIX))?;
    match miniz_oxide::inflate::decompress_to_vec(compressed) {
        Ok(v) => {
            let b: &'static [u8] = Box::leak(v.into_boxed_slice());
            map.insert(k, b);
            Some(b)
        }
        Err(e) => {
            eprintln!("roast: embedded JDK class block {k} is corrupt ({e:?})");
            None
        }
    }
}

/// The library view of the compiled class `desc`, made on first use; None for run-time
/// classes and for classes without an embedded class file.
pub fn view_of(desc: &'static ClassDesc) -> Option<&'static RtClass> {
    let key = desc as *const ClassDesc as usize;
    if let Some(v) = views().lock().ok()?.get(&key) {
        return *v;
    }
    let flags = desc.meta().map_or(0, |m| m.flags);
    let made = if flags & contract::class_flags::RUNTIME_DEFINED != 0 {
        None
    } else {
        embedded(desc.name()).and_then(|bytes| make_view(desc, bytes))
    };
    let mut map = views().lock().ok()?;
    *map.entry(key).or_insert(made)
}

fn make_view(desc: &'static ClassDesc, bytes: &[u8]) -> Option<&'static RtClass> {
    let parsed = crate::classfile::parse_class(bytes)
        .map_err(|e| e.to_string())
        .and_then(|file| super::define::decode_all(&file).map(|methods| (file, methods)));
    let (file, methods) = match parsed {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "roast: the embedded class file of {} does not load: {e}",
                desc.name()
            );
            return None;
        }
    };
    if file.name != desc.name() {
        return None;
    }
    let class: &'static RtClass = Box::leak(Box::new(RtClass {
        name: file.name.clone(),
        loader: 0,
        file,
        methods,
        desc: OnceLock::new(),
        resolved: Mutex::new(HashMap::new()),
        verified: std::sync::atomic::AtomicU8::new(super::verify::VERIFIED),
    }));
    for m in &class.methods {
        let _ = m.class.set(class);
    }
    let _ = class.desc.set(desc);
    Some(class)
}

/// The method `name` `descriptor` that the compiled class `desc` itself declares, according
/// to its embedded class file.
pub fn declared(
    desc: &'static ClassDesc,
    name: &str,
    descriptor: &str,
) -> Option<&'static RtMethod> {
    view_of(desc)?
        .methods
        .iter()
        .find(|m| m.name == name && m.descriptor == descriptor)
}

/// What a method declared by the class file contributes as a call target: its entry thunk
/// (metadata and thunk made on first use) when it has code, else null (abstract, native).
pub fn entry_of(m: &'static RtMethod) -> MethodEntry {
    if m.access & (access::ABSTRACT | access::NATIVE) != 0 {
        return std::ptr::null();
    }
    if let Some(&e) = m.entry.get() {
        return e;
    }
    let Some(thunk) = super::native_code::make_entry_thunk(m as *const RtMethod as *const u8)
    else {
        return std::ptr::null();
    };
    let class = m.class();
    let meta: &'static MethodMeta = Box::leak(Box::new(MethodMeta {
        class: class.desc(),
        name: super::link::leak_cstr(&m.name),
        descriptor: super::link::leak_cstr(&m.descriptor),
        access: u32::from(m.access) | contract::method_flags::INTERPRETED,
        n_lines: (m.lines.len() / 2) as u32,
        lines: if m.lines.is_empty() {
            std::ptr::null()
        } else {
            Box::leak(m.lines.clone().into_boxed_slice()).as_ptr()
        },
        entry: thunk,
    }));
    // The metadata first: the thunk may run as soon as another thread sees the entry.
    let _ = m.meta.set(meta);
    *m.entry.get_or_init(|| thunk)
}

/// The entry that `name` `descriptor` dispatches to for an instance of `receiver`, when its
/// vtable or itable slot holds the pruned-method stub: the first declaration in the class
/// chain (compiled, run-time or interpreted from the class library), then a default method
/// of the interfaces. None when nothing implements it with code.
pub fn dispatch(receiver: &'static ClassDesc, name: &str, descriptor: &str) -> Option<MethodEntry> {
    let key = (
        receiver as *const ClassDesc as usize,
        format!("{name}{descriptor}"),
    );
    static CACHE: OnceLock<Mutex<HashMap<(usize, String), usize>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(&e) = cache.lock().ok()?.get(&key) {
        return Some(e as MethodEntry);
    }
    let found = find_implementation(receiver, name, descriptor)?;
    cache.lock().ok()?.insert(key, found as usize);
    Some(found)
}

fn find_implementation(
    receiver: &'static ClassDesc,
    name: &str,
    descriptor: &str,
) -> Option<MethodEntry> {
    let mut cur = Some(receiver);
    while let Some(c) = cur {
        if let Some(e) = declared_entry(c, name, descriptor) {
            return (!e.is_null()).then_some(e);
        }
        cur = c.super_desc();
    }
    for &i in receiver.interfaces() {
        // SAFETY: interface descriptors are static.
        let iface: &'static ClassDesc = unsafe { &*i };
        if let Some(e) = declared_entry(iface, name, descriptor) {
            if !e.is_null() {
                return Some(e);
            }
        }
    }
    None
}

/// The entry of `name` `descriptor` as declared by `c` itself: Some(entry) when `c` declares
/// it (null for a declaration without code, or a compiled one without entry that the class
/// library cannot supply), None when it does not. Static methods count (the callers ask for
/// static, private and special targets too).
pub fn declared_entry(c: &'static ClassDesc, name: &str, descriptor: &str) -> Option<MethodEntry> {
    let compiled = super::link::method_metas(c)
        .iter()
        .find(|m| cstr(m.name) == name && cstr(m.descriptor) == descriptor);
    match compiled {
        Some(m) if !m.entry.is_null() && super::resolve::stub_kind(m.entry).is_none() => {
            Some(m.entry)
        }
        _ => match declared(c, name, descriptor) {
            Some(m) => Some(entry_of(m)),
            None => compiled.map(|m| m.entry),
        },
    }
}

/// The boot loader's class `name` (internal form): a compiled class, or a JDK class the build
/// did not load but embedded (defined here on first use, like a run-time class of the boot
/// loader: interpreted, trusted, in its real package). None, without an exception, when
/// there is neither.
pub fn boot_class(name: &str) -> Option<&'static ClassDesc> {
    if let Some(d) = crate::object::class_by_name(name) {
        return Some(d);
    }
    if let Some(d) = super::class::find_defined(0, name) {
        return Some(d);
    }
    let bytes = embedded(name)?;
    let file = match crate::classfile::parse_class(bytes) {
        Ok(f) => f,
        Err(e) => {
            crate::throw::linkage(contract::error_kind::CLASS_FORMAT, &e.to_string());
            return None;
        }
    };
    let defined = super::define::define_file(0, file, 0, super::define::Origin::Synthesized);
    if defined.is_none() {
        // Another thread defined it meanwhile (duplicate definition): use that one.
        if let Some(d) = super::class::find_defined(0, name) {
            crate::thread::take_pending();
            return Some(d);
        }
    }
    defined
}
