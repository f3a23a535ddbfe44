//! Run-time classes: what the interpreter keeps about a class defined by a class loader
//! (its parsed class file, decoded methods, field storage) and the registry that finds them
//! by descriptor and by (defining loader, name).
//!
//! Invariants:
//! - Every [`RtClass`] and [`RtMethod`] is leaked (`'static`): classes are never unloaded,
//!   and entry thunks embed the address of their `RtMethod`.
//! - A run-time class's descriptor has `class_flags::RUNTIME_DEFINED` in its metadata and is
//!   registered here before any object of it exists; [`of_desc`] is the way back.
//! - A (loader, name) pair is defined at most once (`ClassLoader.defineClass` of a
//!   duplicate raises LinkageError, as on HotSpot).

use crate::classfile::{ClassFile, ExceptionHandler, Instruction};
use crate::contract::{ClassDesc, MethodMeta};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A method of a run-time class, ready to interpret.
pub struct RtMethod {
    /// The declaring class (set once the class is registered).
    pub class: OnceLock<&'static RtClass>,
    /// Name.
    pub name: String,
    /// Descriptor.
    pub descriptor: String,
    /// Access flags.
    pub access: u16,
    /// Decoded instructions (empty for abstract and native methods).
    pub code: Vec<Instruction>,
    /// Instruction index of every pc that starts an instruction (`u32::MAX` elsewhere).
    pub pc_index: Vec<u32>,
    /// Exception handlers in table order.
    pub handlers: Vec<ExceptionHandler>,
    /// (start pc, line) pairs of the LineNumberTable, sorted by pc.
    pub lines: Vec<u32>,
    /// Local variable slots.
    pub max_locals: u16,
    /// Operand stack slots.
    pub max_stack: u16,
    /// The metadata record (in the class's `MethodMeta` array).
    pub meta: OnceLock<&'static MethodMeta>,
    /// The entry thunk compiled code calls.
    pub entry: OnceLock<*const u8>,
    /// The pre-decoded code (`fast.rs`), made on the first activation.
    pub fast: OnceLock<super::fast::FastCode>,
}

// SAFETY: the raw entry pointer is immutable code; the rest is immutable after linking.
unsafe impl Sync for RtMethod {}
// SAFETY: as above.
unsafe impl Send for RtMethod {}

impl RtMethod {
    /// Is it `static`?
    pub fn is_static(&self) -> bool {
        self.access & crate::classfile::access::STATIC != 0
    }

    /// The declaring class.
    pub fn class(&self) -> &'static RtClass {
        self.class
            .get()
            .copied()
            .expect("method registered with its class")
    }
}

/// A resolved constant-pool entry, cached per class.
#[derive(Clone, Copy)]
pub enum Resolved {
    /// A class.
    Class(&'static ClassDesc),
    /// An instance field: offset, descriptor letter and the class named by the reference
    /// (receivers must be instances of it).
    InstanceField(usize, u8, &'static ClassDesc),
    /// A call site of an invoke instruction.
    Call(&'static super::invoke::Site),
    /// A static field: storage address, descriptor letter and the class to initialize.
    StaticField(*mut u8, u8, &'static ClassDesc),
}

// SAFETY: descriptors and static storage live forever; access to the storage follows the
// Java memory model like compiled code's.
unsafe impl Send for Resolved {}

/// A class defined at run time.
pub struct RtClass {
    /// Internal name.
    pub name: String,
    /// The defining loader object (never null).
    pub loader: usize,
    /// The parsed class file.
    pub file: ClassFile,
    /// Methods, in class-file order (the same order as the `MethodMeta` array).
    pub methods: Vec<RtMethod>,
    /// The descriptor (set once linked).
    pub desc: OnceLock<&'static ClassDesc>,
    /// Resolution cache by constant-pool index.
    pub resolved: Mutex<HashMap<u16, Resolved>>,
    /// `verify::UNVERIFIED` until the class passed verification (`verify::VERIFIED`).
    pub verified: std::sync::atomic::AtomicU8,
}

// SAFETY: descriptors are immutable after linking except for their atomics; the rest of
// the class is immutable or behind a mutex.
unsafe impl Sync for RtClass {}
// SAFETY: as above.
unsafe impl Send for RtClass {}

impl RtClass {
    /// The descriptor.
    pub fn desc(&self) -> &'static ClassDesc {
        self.desc.get().copied().expect("class linked")
    }
}

#[derive(Default)]
struct Registry {
    by_desc: HashMap<usize, &'static RtClass>,
    by_loader_name: HashMap<(usize, String), usize>,
}

fn registry() -> &'static Mutex<Registry> {
    static R: OnceLock<Mutex<Registry>> = OnceLock::new();
    R.get_or_init(|| Mutex::new(Registry::default()))
}

/// The run-time class behind a descriptor, if it is one.
pub fn of_desc(d: &ClassDesc) -> Option<&'static RtClass> {
    let flags = crate::object::DescExt::meta(d).map_or(0, |m| m.flags);
    if flags & crate::contract::class_flags::RUNTIME_DEFINED == 0 {
        return None;
    }
    let r = registry().lock().ok()?;
    r.by_desc.get(&(d as *const ClassDesc as usize)).copied()
}

/// Every registered run-time class.
pub fn all() -> Vec<&'static RtClass> {
    registry()
        .lock()
        .map(|r| r.by_desc.values().copied().collect())
        .unwrap_or_default()
}

/// The descriptor addresses of every registered run-time class (for the heap verifier).
pub fn descriptors() -> Vec<usize> {
    registry()
        .lock()
        .map(|r| r.by_desc.keys().copied().collect())
        .unwrap_or_default()
}

/// The class `name` defined by `loader`, if any.
pub fn find_defined(loader: usize, name: &str) -> Option<&'static ClassDesc> {
    let r = registry().lock().ok()?;
    let d = *r.by_loader_name.get(&(loader, name.to_string()))?;
    // SAFETY: only descriptors of linked run-time classes are registered; they live forever.
    unsafe { (d as *const ClassDesc).as_ref() }
}

/// Registers a linked class; false when the loader already defined that name.
pub fn register(class: &'static RtClass) -> bool {
    let Ok(mut r) = registry().lock() else {
        return false;
    };
    let key = (class.loader, class.name.clone());
    if r.by_loader_name.contains_key(&key) {
        return false;
    }
    let d = class.desc();
    r.by_loader_name.insert(key, d as *const ClassDesc as usize);
    r.by_desc.insert(d as *const ClassDesc as usize, class);
    if class.loader != 0 {
        // The loader's address keys the registry: the collector must never move it.
        crate::gc::pin(class.loader as *mut u8);
    }
    true
}
