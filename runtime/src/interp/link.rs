//! Linking a run-time class: its [`ClassDesc`] (object layout extending the superclass's,
//! vtable, itables, interface list, reference map) and its metadata (`ClassMeta`,
//! `MethodMeta` with entry thunks, `FieldMeta` with offsets and static storage), so that
//! compiled code, reflection and the runtime treat it like a compiled class.
//!
//! Invariants:
//! - Inherited fields keep their offsets and inherited vtable slots their index; a method
//!   overrides the slot whose dispatch name ("name(descriptor)") is equal to its own
//!   (package-private overriding across packages is not distinguished yet). A slot an
//!   interface adds takes the first concrete default method found among the interfaces in
//!   `ClassDesc::interfaces` order (not yet the maximally specific one of JVMS §5.4.3.3).
//! - Every vtable slot and itable entry holds either a compiled entry, an entry thunk of an
//!   interpreted method, or one of the runtime's loud stubs (abstract / pruned); an inherited
//!   pruned slot holds the method interpreted from the class library when it is embedded.
//! - The descriptor lives below 4 GiB ([`super::native_code::alloc_low`]); metadata and
//!   tables are leaked (classes are never unloaded).

use super::class::{RtClass, RtMethod};
use super::native_code::{alloc_low, make_entry_thunk};
use crate::classfile::{access, ClassFile, Constant};
use crate::contract::{
    self, ClassDesc, ClassMeta, FieldMeta, ItableEntry, MethodEntry, MethodExtra, MethodMeta,
};
use crate::object::{cstr, DescExt};
use std::sync::atomic::{AtomicI32, AtomicPtr, AtomicUsize};

/// A leaked NUL-terminated copy of `s`.
pub fn leak_cstr(s: &str) -> *const u8 {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    Box::leak(v.into_boxed_slice()).as_ptr()
}

fn leak_slice<T>(v: Vec<T>) -> *const T {
    if v.is_empty() {
        return std::ptr::null();
    }
    Box::leak(v.into_boxed_slice()).as_ptr()
}

/// The dispatch names of a descriptor (`ClassMeta::dispatch_names`).
pub fn dispatch_names(d: &ClassDesc) -> Vec<&'static str> {
    match d.meta() {
        Some(m) if !m.dispatch_names.is_null() => {
            // SAFETY: `n_dispatch_names` NUL-terminated strings.
            let s = unsafe {
                std::slice::from_raw_parts(m.dispatch_names, m.n_dispatch_names as usize)
            };
            s.iter().map(|&p| cstr(p)).collect()
        }
        _ => Vec::new(),
    }
}

/// The metadata records of a descriptor's methods.
pub fn method_metas(d: &ClassDesc) -> &'static [MethodMeta] {
    match d.meta() {
        Some(m) if !m.methods.is_null() => {
            // SAFETY: `n_methods` contiguous records.
            unsafe { std::slice::from_raw_parts(m.methods, m.n_methods as usize) }
        }
        _ => &[],
    }
}

/// The field metadata of a descriptor.
pub fn field_metas_of(d: &ClassDesc) -> &'static [FieldMeta] {
    match d.meta() {
        Some(m) if !m.fields.is_null() => {
            // SAFETY: `n_fields` records.
            unsafe { std::slice::from_raw_parts(m.fields, m.n_fields as usize) }
        }
        _ => &[],
    }
}

/// The vtable of a descriptor.
pub fn vtable(d: &ClassDesc) -> &'static [MethodEntry] {
    // SAFETY: `vtable_len` entries follow the fixed part of every descriptor.
    unsafe { std::slice::from_raw_parts(d.vtable.as_ptr(), d.vtable_len as usize) }
}

fn field_size(letter: u8) -> u32 {
    match letter {
        b'J' | b'D' | b'L' | b'[' => 8,
        b'I' | b'F' => 4,
        b'S' | b'C' => 2,
        _ => 1,
    }
}

fn is_virtual(m: &RtMethod) -> bool {
    m.access & (access::STATIC | access::PRIVATE) == 0 && !m.name.starts_with('<')
}

/// The superclass, the direct interfaces and every interface, resolved.
pub struct Supers {
    /// Superclass descriptor.
    pub super_: &'static ClassDesc,
    /// Direct superinterfaces in class-file order.
    pub direct: Vec<&'static ClassDesc>,
    /// Extra `ClassMeta::flags` (`HIDDEN` for lambda proxies).
    pub flags: u32,
}

fn all_interfaces(s: &Supers) -> Vec<*const ClassDesc> {
    let mut out: Vec<*const ClassDesc> = s.super_.interfaces().to_vec();
    for &i in &s.direct {
        for &j in std::iter::once(&(i as *const ClassDesc)).chain(i.interfaces()) {
            if !out.contains(&j) {
                out.push(j);
            }
        }
    }
    out
}

/// The entry of the default method `sig` among `ifaces`, or the abstract-method stub.
fn default_entry(ifaces: &[*const ClassDesc], sig: &str) -> MethodEntry {
    for &i in ifaces {
        // SAFETY: interface descriptors are static.
        let d = unsafe { &*i };
        for m in method_metas(d) {
            let m_sig = format!("{}{}", cstr(m.name), cstr(m.descriptor));
            let concrete = m.access as u16 & (access::ABSTRACT | access::STATIC) == 0;
            if m_sig == sig && concrete && !m.entry.is_null() {
                return m.entry;
            }
        }
    }
    // A default method the build pruned: interpreted from the class library, if embedded.
    if let Some(open) = sig.find('(') {
        for &i in ifaces {
            // SAFETY: interface descriptors are static.
            let d: &'static ClassDesc = unsafe { &*i };
            if let Some(m) = super::library::declared(d, &sig[..open], &sig[open..]) {
                if m.access & (access::ABSTRACT | access::STATIC) == 0 {
                    let e = super::library::entry_of(m);
                    if !e.is_null() {
                        return e;
                    }
                }
            }
        }
    }
    crate::throw::roast_abstract_method as MethodEntry
}

/// An inherited vtable entry: the pruned-method stub is replaced by the method interpreted
/// from the class library (`library.rs`) when there is one, so that compiled callers of
/// the slot reach it too.
fn library_if_pruned(entry: MethodEntry, sup: &'static ClassDesc, sig: &str) -> MethodEntry {
    if super::resolve::stub_kind(entry) != Some("pruned") {
        return entry;
    }
    let Some(open) = sig.find('(') else {
        return entry;
    };
    super::library::dispatch(sup, &sig[..open], &sig[open..]).unwrap_or(entry)
}

/// Builds and publishes the descriptor of `class` (its methods already have thunks).
pub fn link(class: &'static RtClass, supers: &Supers) -> Result<&'static ClassDesc, String> {
    let file = &class.file;
    let sup = supers.super_;
    let ifaces = all_interfaces(supers);
    let is_iface = file.is_interface();
    // Vtable: the superclass's, overridden and extended by name.
    let (mut names, mut entries): (Vec<String>, Vec<MethodEntry>) = if is_iface {
        (Vec::new(), Vec::new())
    } else {
        let n = dispatch_names(sup);
        if n.len() != sup.vtable_len as usize {
            return Err(format!(
                "superclass {} has no dispatch metadata",
                crate::classes::java_name(sup)
            ));
        }
        let inherited = vtable(sup)
            .iter()
            .zip(&n)
            .map(|(&e, sig)| library_if_pruned(e, sup, sig))
            .collect();
        (n.iter().map(|s| s.to_string()).collect(), inherited)
    };
    for m in class.methods.iter().filter(|m| is_virtual(m)) {
        let sig = format!("{}{}", m.name, m.descriptor);
        let entry = match m.entry.get() {
            Some(&e) => e,
            None => crate::throw::roast_abstract_method as MethodEntry,
        };
        match names.iter().position(|n| *n == sig) {
            Some(i) if !is_iface => entries[i] = entry,
            Some(_) => {}
            None => {
                names.push(sig);
                entries.push(entry);
            }
        }
    }
    if !is_iface {
        for &i in &ifaces {
            // SAFETY: interface descriptors are static.
            for sig in dispatch_names(unsafe { &*i }) {
                if !names.iter().any(|n| n == sig) {
                    names.push(sig.to_string());
                    entries.push(default_entry(&ifaces, sig));
                }
            }
        }
    }
    let itables: Vec<ItableEntry> = if is_iface {
        Vec::new()
    } else {
        ifaces
            .iter()
            .map(|&i| {
                // SAFETY: as above.
                let methods: Vec<MethodEntry> = dispatch_names(unsafe { &*i })
                    .iter()
                    .map(|sig| match names.iter().position(|n| n == sig) {
                        Some(k) => entries[k],
                        None => crate::throw::roast_abstract_method as MethodEntry,
                    })
                    .collect();
                ItableEntry {
                    iface: i,
                    methods: leak_slice(methods),
                }
            })
            .collect()
    };
    // Fields: instance fields after the superclass's, largest first.
    let mut instance: Vec<(usize, u8)> = file
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.is_static())
        .map(|(i, f)| (i, f.descriptor.as_bytes()[0]))
        .collect();
    instance.sort_by_key(|&(_, l)| std::cmp::Reverse(field_size(l)));
    let mut offset = if is_iface {
        8
    } else {
        sup.instance_size.max(8)
    };
    let mut offsets = vec![0u32; file.fields.len()];
    let mut refs: Vec<u32> = if is_iface || sup.ref_offsets.is_null() {
        Vec::new()
    } else {
        // SAFETY: `n_refs` offsets.
        unsafe { std::slice::from_raw_parts(sup.ref_offsets, sup.n_refs as usize) }.to_vec()
    };
    for (i, letter) in instance {
        let size = field_size(letter);
        offset = offset.div_ceil(size) * size;
        offsets[i] = offset;
        if matches!(letter, b'L' | b'[') {
            refs.push(offset);
        }
        offset += size;
    }
    let instance_size = offset.div_ceil(8) * 8;
    let desc_size = std::mem::size_of::<ClassDesc>() + 8 * entries.len();
    let mem = alloc_low(desc_size).ok_or("cannot map memory for a class descriptor")?;
    let desc_ptr = mem as *mut ClassDesc;
    let field_metas = field_metas(class, &offsets)?;
    let method_metas: Vec<MethodMeta> = class
        .methods
        .iter()
        .map(|m| method_meta(m, desc_ptr))
        .collect();
    let n_fields = field_metas.len() as u32;
    let n_methods = method_metas.len() as u32;
    let methods_ptr = leak_slice(method_metas);
    for (i, m) in class.methods.iter().enumerate() {
        // SAFETY: `methods_ptr` has `n_methods` records.
        let _ = m.meta.set(unsafe { &*methods_ptr.add(i) });
    }
    let direct: Vec<*const ClassDesc> = supers.direct.iter().map(|&d| d as *const _).collect();
    let n_direct = direct.len() as u32;
    let meta = Box::leak(Box::new(ClassMeta {
        source_file: file
            .source_file
            .as_deref()
            .map_or(std::ptr::null(), leak_cstr),
        methods: methods_ptr,
        n_methods,
        n_fields,
        fields: leak_slice(field_metas),
        in_jdk: 0,
        enum_values: std::ptr::null(),
        direct_interfaces: leak_slice(direct),
        n_direct_interfaces: n_direct,
        modifiers: 0,
        flags: contract::class_flags::RUNTIME_DEFINED | supers.flags | default_methods_flag(file),
        simple_name: std::ptr::null(),
        canonical_name: std::ptr::null(),
        declaring: std::ptr::null(),
        enclosing: std::ptr::null(),
        // A NestHost attribute is validated when asked (`nest.rs`).
        nest_host: if file.nest_host.is_some() {
            std::ptr::null()
        } else {
            desc_ptr
        },
        declaring_name: std::ptr::null(),
        enclosing_name: std::ptr::null(),
        nest_host_name: leak_cstr(file.nest_host.as_deref().unwrap_or(&file.name)),
        signature: file
            .signature
            .as_deref()
            .map_or(std::ptr::null(), leak_cstr),
        pruned_methods: std::ptr::null(),
        n_pruned_methods: 0,
        method_extras: leak_slice(method_extras(class)),
        record_components: record_components(file),
        enclosing_method: file
            .enclosing_method
            .as_ref()
            .and_then(|e| e.method.as_ref())
            .map_or(std::ptr::null(), |(n, d)| leak_cstr(&format!("{n} {d}"))),
        permitted_subclasses: if file.permitted_subclasses.is_empty() {
            std::ptr::null()
        } else {
            leak_cstr(&file.permitted_subclasses.join(" "))
        },
        annotations: super::annotations::annotation_meta(file),
        dispatch_names: std::ptr::null(),
        n_dispatch_names: 0,
    }));
    super::names::fill_nesting(meta, file);
    let dispatch: Vec<*const u8> = if is_iface {
        class
            .methods
            .iter()
            .filter(|m| is_virtual(m))
            .map(|m| leak_cstr(&format!("{}{}", m.name, m.descriptor)))
            .collect()
    } else {
        names.iter().map(|n| leak_cstr(n)).collect()
    };
    meta.n_dispatch_names = dispatch.len() as u32;
    meta.dispatch_names = leak_slice(dispatch);
    let clinit = class
        .methods
        .iter()
        .find(|m| m.name == "<clinit>")
        .and_then(|m| m.entry.get().copied())
        .unwrap_or(std::ptr::null());
    let n_itable = itables.len() as u32;
    let n_ifaces = ifaces.len() as u32;
    let n_refs = refs.len() as u32;
    let desc = ClassDesc {
        init_state: AtomicI32::new(contract::INIT_UNINITIALIZED),
        kind: if is_iface {
            contract::KIND_INTERFACE
        } else {
            contract::KIND_INSTANCE
        },
        elem_kind: 0,
        access: file.access,
        instance_size,
        depth: if is_iface { 0 } else { sup.depth + 1 },
        name: leak_cstr(&file.name),
        super_: if is_iface { std::ptr::null() } else { sup },
        component: std::ptr::null(),
        array_class: AtomicPtr::new(std::ptr::null_mut()),
        interfaces: leak_slice(ifaces),
        n_interfaces: n_ifaces,
        n_refs,
        ref_offsets: leak_slice(refs),
        itable: leak_slice(itables),
        n_itable,
        vtable_len: entries.len() as u32,
        clinit,
        mirror: AtomicPtr::new(std::ptr::null_mut()),
        init_thread: AtomicUsize::new(0),
        meta,
        vtable: [],
    };
    // SAFETY: `mem` is `desc_size` fresh bytes: the fixed part, then the vtable entries.
    unsafe {
        std::ptr::write(desc_ptr, desc);
        let vt = (*desc_ptr).vtable.as_ptr() as *mut MethodEntry;
        std::ptr::copy_nonoverlapping(entries.as_ptr(), vt, entries.len());
        Ok(&*desc_ptr)
    }
}

/// `class_flags::DEFAULT_METHODS` for an interface declaring a non-abstract, non-static
/// method (initializing an implementing class initializes it first, JVMS §5.5 step 7).
fn default_methods_flag(file: &ClassFile) -> u32 {
    let is_iface = file.access & access::INTERFACE != 0;
    let declares_default = file
        .methods
        .iter()
        .any(|m| m.access & (access::ABSTRACT | access::STATIC) == 0 && m.name != "<clinit>");
    if is_iface && declares_default {
        contract::class_flags::DEFAULT_METHODS
    } else {
        0
    }
}

/// `ClassMeta::method_extras`: generic signatures and declared exceptions, parallel to the
/// methods.
fn method_extras(class: &RtClass) -> Vec<MethodExtra> {
    let file = &class.file;
    class
        .methods
        .iter()
        .map(|m| {
            let info = file.method(&m.name, &m.descriptor);
            MethodExtra {
                signature: info
                    .and_then(|i| i.signature.as_deref())
                    .map_or(std::ptr::null(), leak_cstr),
                exceptions: match info {
                    Some(i) if !i.exceptions.is_empty() => leak_cstr(&i.exceptions.join(" ")),
                    _ => std::ptr::null(),
                },
            }
        })
        .collect()
}

/// `ClassMeta::record_components`: `name descriptor signature` lines, or null.
fn record_components(file: &crate::classfile::ClassFile) -> *const u8 {
    let Some(rc) = &file.record_components else {
        return std::ptr::null();
    };
    let text: String = rc
        .iter()
        .map(|c| {
            format!(
                "{} {} {}\n",
                c.name,
                c.descriptor,
                c.signature.as_deref().unwrap_or("-")
            )
        })
        .collect();
    leak_cstr(&text)
}

fn method_meta(m: &RtMethod, class: *const ClassDesc) -> MethodMeta {
    let lines = m.lines.clone();
    MethodMeta {
        class,
        name: leak_cstr(&m.name),
        descriptor: leak_cstr(&m.descriptor),
        access: u32::from(m.access),
        n_lines: (lines.len() / 2) as u32,
        lines: leak_slice(lines),
        entry: m.entry.get().copied().unwrap_or(std::ptr::null()),
    }
}

/// Field metadata: instance offsets, and static storage (initialized from ConstantValue
/// attributes where the constant is primitive; string constants are set by
/// [`super::define::init_constant_strings`]).
fn field_metas(class: &RtClass, offsets: &[u32]) -> Result<Vec<FieldMeta>, String> {
    let file = &class.file;
    let mut out = Vec::new();
    for (i, f) in file.fields.iter().enumerate() {
        let static_addr = if f.is_static() {
            let p = alloc_low(8).ok_or("cannot map memory for static fields")?;
            if let Some(cv) = f.constant_value {
                // SAFETY: `p` is 8 writable bytes.
                unsafe {
                    match file.cp.get(cv) {
                        Ok(Constant::Integer(v)) => write_int(p, f.descriptor.as_bytes()[0], *v),
                        Ok(Constant::Long(v)) => (p as *mut i64).write(*v),
                        Ok(Constant::Float(v)) => (p as *mut f32).write(*v),
                        Ok(Constant::Double(v)) => (p as *mut f64).write(*v),
                        _ => {}
                    }
                }
            }
            p
        } else {
            std::ptr::null_mut()
        };
        out.push(FieldMeta {
            name: leak_cstr(&f.name),
            descriptor: leak_cstr(&f.descriptor),
            access: u32::from(f.access),
            offset: offsets[i],
            static_addr,
            signature: f.signature.as_deref().map_or(std::ptr::null(), leak_cstr),
        });
    }
    Ok(out)
}

/// Stores an int constant in a field of the given descriptor letter.
///
/// # Safety
/// `p` must be writable for the field's size.
unsafe fn write_int(p: *mut u8, letter: u8, v: i32) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match letter {
            b'Z' | b'B' => p.write(v as u8),
            b'C' | b'S' => (p as *mut u16).write(v as u16),
            _ => (p as *mut i32).write(v),
        }
    }
}

/// Makes the entry thunk of every method with code.
pub fn make_thunks(class: &'static RtClass) -> Result<(), String> {
    for m in &class.methods {
        if m.access & (access::ABSTRACT | access::NATIVE) != 0 {
            continue;
        }
        let t = make_entry_thunk(m as *const RtMethod as *const u8)
            .ok_or("cannot make interpreter entry thunks on this target")?;
        let _ = m.entry.set(t);
    }
    Ok(())
}
