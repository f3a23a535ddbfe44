//! Resolution of symbolic references from interpreted code (JVMS §5.4.3): class names
//! through the defining loader (run-time classes first, then `ClassLoader.loadClass` in
//! Java, which delegates to the parent and finally to the compiled classes), fields by
//! name in the metadata of the class and its supertypes, methods to a call target.
//!
//! Invariants:
//! - A class reference resolves to a descriptor or leaves an exception pending
//!   (NoClassDefFoundError for a class no loader finds, like HotSpot).
//! - Results are cached per constant-pool index in [`RtClass::resolved`].
//! - A method of a compiled JDK class that was not compiled (pruned by the closed-world
//!   analysis) resolves to its bytecode from the embedded class library (`library.rs`) when
//!   it has code and the class file is embedded; otherwise resolution or the call raises a
//!   clear error ([`pruned`]).
//! - Code of the boot loader (interpreted JDK methods) resolves class names to compiled
//!   classes only.

use super::class::{find_defined, Resolved, RtClass};
use super::link::dispatch_names;
use crate::contract::{self, ClassDesc, MethodEntry};
use crate::object::{class_by_name, cstr, DescExt, Obj};
use crate::thread;

mod vm {
    extern "C" {
        #[link_name = "java/lang/RoastVM.loadClass(Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;"]
        pub fn load_class(loader: *mut u8, name: *mut u8) -> *mut u8;
    }
}

/// Loads `name` (internal form) through `loader` in Java (`loader.loadClass`); None with an
/// exception pending when it fails.
pub fn load_through(loader: usize, name: &str) -> Option<&'static ClassDesc> {
    let jname = crate::strings::java_string(&name.replace('/', "."))?;
    // SAFETY: calling a compiled SDK method with a loader object and a string.
    let mirror = unsafe { vm::load_class(loader as *mut u8, jname.raw()) };
    if thread::pending().is_some() {
        return None;
    }
    Obj::from_raw(mirror).and_then(crate::classes::desc_of_mirror)
}

fn no_class_def(name: &str) {
    crate::throw::linkage(contract::error_kind::NO_CLASS_DEF, name);
}

/// Resolves a class name (internal form or array descriptor) as seen from `from`.
pub fn class_named(from: &RtClass, name: &str) -> Option<&'static ClassDesc> {
    if let Some(elem) = name.strip_prefix('[') {
        // The component through the loader first: a compiled array class of the same name
        // may hold the compiled copy of a program class (interpret-program builds).
        let component = match elem.as_bytes().first() {
            Some(b'L') => match elem[1..].strip_suffix(';') {
                Some(e) => class_named(from, e)?,
                None => return verify_error(&format!("bad array class name {name}")),
            },
            Some(b'[') => class_named(from, elem)?,
            _ => match class_by_name(name) {
                Some(d) => return Some(d),
                None => return unsupported_array(name),
            },
        };
        return match super::arrays::array_of(component) {
            Some(a) => Some(a),
            None => unsupported_array(name),
        };
    }
    if name == from.name {
        return Some(from.desc());
    }
    if let Some(d) = find_defined(from.loader, name) {
        return Some(d);
    }
    if from.loader == 0 {
        // Interpreted JDK code (`library.rs`): the boot loader's classes are the compiled ones
        // and the embedded ones.
        if let Some(d) = super::library::boot_class(name) {
            return Some(d);
        }
        if thread::pending().is_some() {
            return None;
        }
        crate::throw::linkage(
            contract::error_kind::UNSUPPORTED,
            &format!(
                "class {} is used by the interpreted JDK code of {} but is neither compiled into this program nor embedded for the interpreter",
                name.replace('/', "."),
                from.name.replace('/', ".")
            ),
        );
        return None;
    }
    match load_through(from.loader, name) {
        Some(d) => Some(d),
        None => {
            // ClassNotFoundException from the loader becomes NoClassDefFoundError.
            let cause = thread::take_pending();
            if is_jdk_package(name) {
                // HotSpot would find it in the class library; say why roast does not.
                no_class_def(&format!("{name} (roast: this JDK class is neither compiled into the program nor embedded for the interpreter: only JDK classes the program or the embedded class library uses are present)"));
            } else {
                no_class_def(name);
            }
            if let (Some(e), Some(c)) = (thread::pending(), cause) {
                set_cause(e, c);
            }
            None
        }
    }
}

/// Is `name` (internal form) in a package of the Java class library?
fn is_jdk_package(name: &str) -> bool {
    ["java/", "javax/", "jdk/", "sun/", "com/sun/"]
        .iter()
        .any(|p| name.starts_with(p))
}

fn set_cause(e: Obj, cause: Obj) {
    if let Some(off) = crate::object::field_offset(e.desc(), "cause") {
        e.write_ref(off, Some(cause));
    }
}

fn unsupported_array(name: &str) -> Option<&'static ClassDesc> {
    crate::throw::linkage(
        contract::error_kind::UNSUPPORTED,
        &format!("array class {name} is not compiled into this program"),
    );
    None
}

/// Resolves constant-pool class entry `idx` of `from`, cached.
pub fn class_ref(from: &RtClass, idx: u16) -> Option<&'static ClassDesc> {
    if let Some(Resolved::Class(d)) = cached(from, idx) {
        return Some(d);
    }
    let name = match from.file.cp.class_name(idx) {
        Ok(n) => n.to_string(),
        Err(e) => return verify_error(&format!("{}: {e}", from.name)),
    };
    let d = class_named(from, &name)?;
    remember(from, idx, Resolved::Class(d));
    Some(d)
}

fn cached(from: &RtClass, idx: u16) -> Option<Resolved> {
    from.resolved.lock().ok()?.get(&idx).copied()
}

fn remember(from: &RtClass, idx: u16, r: Resolved) {
    if let Ok(mut m) = from.resolved.lock() {
        m.insert(idx, r);
    }
}

/// Raises VerifyError with a message; always None.
pub fn verify_error<T>(msg: &str) -> Option<T> {
    crate::throw::linkage(contract::error_kind::VERIFY, msg);
    None
}

/// Resolves a field reference: instance fields to their offset, static fields to their
/// storage (JVMS §5.4.3.2: the class, then its superinterfaces, then its superclass).
pub fn field_ref(from: &RtClass, idx: u16, want_static: bool) -> Option<Resolved> {
    if let Some(r) = cached(from, idx) {
        return Some(r);
    }
    let mref = match from.file.cp.member_ref(idx) {
        Ok(m) => m,
        Err(e) => return verify_error(&format!("{}: {e}", from.name)),
    };
    let (cname, fname, fdesc) = (
        mref.class.to_string(),
        mref.name.to_string(),
        mref.descriptor.to_string(),
    );
    let class = class_named(from, &cname)?;
    let Some((holder, f)) = find_field(class, &fname, &fdesc) else {
        crate::throw::linkage(
            contract::error_kind::NO_SUCH_FIELD,
            &format!(
                "Class {} does not have member field '{fdesc} {fname}'",
                cname.replace('/', ".")
            ),
        );
        return None;
    };
    let is_static =
        !f.static_addr.is_null() || f.access as u16 & crate::classfile::access::STATIC != 0;
    if is_static != want_static {
        crate::throw::linkage(
            contract::error_kind::INCOMPATIBLE_CLASS_CHANGE,
            &format!(
                "Expected {} field {}.{fname}",
                if want_static { "static" } else { "non-static" },
                cname.replace('/', ".")
            ),
        );
        return None;
    }
    let letter = fdesc.as_bytes()[0];
    let r = if is_static {
        if f.static_addr.is_null() {
            return pruned(&format!(
                "static field {}.{fname}",
                crate::classes::java_name(holder)
            ));
        }
        Resolved::StaticField(f.static_addr, letter, holder)
    } else {
        Resolved::InstanceField(f.offset as usize, letter, class)
    };
    remember(from, idx, r);
    Some(r)
}

fn find_field(
    class: &'static ClassDesc,
    name: &str,
    desc: &str,
) -> Option<(&'static ClassDesc, &'static contract::FieldMeta)> {
    let own = class.meta().and_then(|m| {
        if m.fields.is_null() {
            return None;
        }
        // SAFETY: `n_fields` records.
        let fs = unsafe { std::slice::from_raw_parts(m.fields, m.n_fields as usize) };
        fs.iter()
            .find(|f| cstr(f.name) == name && cstr(f.descriptor) == desc)
    });
    if let Some(f) = own {
        return Some((class, f));
    }
    for &i in class.interfaces() {
        // SAFETY: static descriptors.
        if let Some(r) = find_field(unsafe { &*i }, name, desc) {
            return Some(r);
        }
    }
    class.super_desc().and_then(|s| find_field(s, name, desc))
}

/// Raises the error for a member the closed-world analysis removed; always None.
pub fn pruned<T>(what: &str) -> Option<T> {
    crate::throw::linkage(
        contract::error_kind::UNSUPPORTED,
        &format!("{what} is called from interpreted code but was not compiled into this program (removed as unreachable at build time)"),
    );
    None
}

/// Where a call goes.
#[derive(Clone, Copy)]
pub enum Target {
    /// A fixed entry point (static, private, constructor and super calls).
    Direct(MethodEntry),
    /// Virtual dispatch through this vtable slot of the receiver's class.
    Virtual(usize),
    /// Interface dispatch: the interface and the method's itable index.
    Interface(&'static ClassDesc, usize),
}

/// The method `name`+`desc` declared in `class` or a superclass, with its entry (for a
/// compiled JDK class, a method the build pruned is interpreted from the class library:
/// `library.rs`; the entry is null only when nothing can run it).
pub fn find_declared(
    class: &'static ClassDesc,
    name: &str,
    desc: &str,
) -> Option<(&'static ClassDesc, MethodEntry)> {
    let mut cur = Some(class);
    while let Some(c) = cur {
        if let Some(e) = super::library::declared_entry(c, name, desc) {
            return Some((c, e));
        }
        cur = c.super_desc();
    }
    None
}

/// The vtable slot of `sig` in `class`.
pub fn vtable_slot(class: &ClassDesc, sig: &str) -> Option<usize> {
    dispatch_names(class).iter().position(|n| *n == sig)
}

/// The interface among `iface` and its superinterfaces that dispatches `sig`, with the index.
pub fn itable_slot(iface: &'static ClassDesc, sig: &str) -> Option<(&'static ClassDesc, usize)> {
    if let Some(i) = dispatch_names(iface).iter().position(|n| *n == sig) {
        return Some((iface, i));
    }
    iface.interfaces().iter().find_map(|&i| {
        // SAFETY: static descriptors.
        let d = unsafe { &*i };
        dispatch_names(d)
            .iter()
            .position(|n| *n == sig)
            .map(|k| (d, k))
    })
}

/// Is `e` one of the runtime's stubs for slots without code?
pub fn stub_kind(e: MethodEntry) -> Option<&'static str> {
    if e == crate::throw::roast_unreachable_method as MethodEntry {
        Some("pruned")
    } else if e == crate::throw::roast_abstract_method as MethodEntry {
        Some("abstract")
    } else {
        None
    }
}
