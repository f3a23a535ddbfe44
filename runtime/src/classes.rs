//! Class-related run-time services: initialization (JVMS §5.5), subtype tests, interface
//! dispatch, `java.lang.Class` mirrors (monitors are in `monitor.rs`).
//!
//! Mirrors: each descriptor has at most one `java.lang.Class` object (`ClassDesc::mirror`),
//! created on first use; the SDK's `Class` keeps the descriptor's address in its `long
//! roastDesc` field, so mirror → descriptor is one load.

use crate::contract::{self, ClassDesc, MethodEntry};
use crate::object::{DescExt, Obj};
use crate::thread;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Serializes the initialization-state transitions of every class (JVMS §5.5 "LC"): one
/// lock for all classes, with one condition for threads waiting on another's initializer.
static INIT_LOCK: Mutex<()> = Mutex::new(());
static INIT_DONE_CV: std::sync::Condvar = std::sync::Condvar::new();

/// What `claim` decided for the calling thread.
enum Claim {
    /// Initialized, or being initialized by this thread (recursive request): nothing to do.
    Ready,
    /// A previous attempt failed: NoClassDefFoundError.
    Failed,
    /// This thread now runs the initialization.
    Mine,
}

/// JVMS §5.5 steps 1–5: waits while another thread initializes `desc`, then claims it.
fn claim(desc: &ClassDesc) -> Claim {
    let me = thread::current_id();
    // Held across the safe region of the wait below: taken in the GC-safe state.
    let mut g = crate::gc::lock(&INIT_LOCK);
    loop {
        match desc.init_state.load(Ordering::Acquire) {
            contract::INIT_DONE => return Claim::Ready,
            contract::INIT_ERROR => return Claim::Failed,
            contract::INIT_IN_PROGRESS => {
                if desc.init_thread.load(Ordering::Relaxed) == me {
                    return Claim::Ready;
                }
                g = thread::with_status(thread::status::WAITING, || {
                    INIT_DONE_CV.wait(g).unwrap_or_else(|e| e.into_inner())
                });
            }
            _ => {
                desc.init_thread.store(me, Ordering::Relaxed);
                desc.init_state
                    .store(contract::INIT_IN_PROGRESS, Ordering::Release);
                return Claim::Mine;
            }
        }
    }
}

/// JVMS §5.5 steps 10–12: publishes the outcome and wakes waiting threads.
fn finish(desc: &ClassDesc, state: i32) {
    let _g = crate::gc::lock(&INIT_LOCK);
    desc.init_thread.store(0, Ordering::Relaxed);
    desc.init_state.store(state, Ordering::Release);
    INIT_DONE_CV.notify_all();
}

/// Runs the initialization of `desc` if needed (superclass first). Leaves an exception
/// pending on failure. Thread-safe per JVMS §5.5: other threads wait while one thread runs
/// the initializer; a recursive request by that thread returns at once.
#[no_mangle]
pub extern "C" fn roast_init_class(desc: &'static ClassDesc) {
    if desc.init_state.load(Ordering::Acquire) == contract::INIT_DONE {
        return;
    }
    // Linking (JVMS §5.4) precedes initialization: a run-time class is verified first, and
    // a VerifyError leaves it uninitialized (a later attempt verifies again).
    if !crate::interp::verify::verify_for_init(desc) {
        return;
    }
    match claim(desc) {
        Claim::Ready => return,
        Claim::Failed => return crate::throw::no_class_def_init(desc.name(), failure_of(desc)),
        Claim::Mine => {}
    }
    if let Some(s) = desc.super_desc() {
        roast_init_class(s);
        if thread::pending().is_some() {
            return finish(desc, contract::INIT_ERROR);
        }
    }
    if !desc.is_interface() {
        for &i in direct_interfaces(desc) {
            init_default_interfaces(i);
            if thread::pending().is_some() {
                return finish(desc, contract::INIT_ERROR);
            }
        }
    }
    if !desc.clinit.is_null() {
        // SAFETY: `clinit` is a compiled `static void <clinit>()`.
        let f: extern "C" fn() = unsafe { std::mem::transmute(desc.clinit) };
        f();
    }
    if let Some(original) = thread::pending() {
        if let Some(record) = crate::throw::initialization_failure(original) {
            failures()
                .lock()
                .expect("init failures")
                .insert(desc as *const ClassDesc as usize, record.raw() as usize);
        }
        crate::throw::wrap_initializer_error();
        finish(desc, contract::INIT_ERROR);
    } else {
        finish(desc, contract::INIT_DONE);
    }
}

/// The direct superinterfaces of `desc`, in class-file order.
fn direct_interfaces(desc: &ClassDesc) -> &'static [&'static ClassDesc] {
    match desc.meta() {
        Some(m) if !m.direct_interfaces.is_null() && m.n_direct_interfaces > 0 => {
            // SAFETY: the compiler emits `n_direct_interfaces` descriptor pointers there;
            // descriptors are static.
            unsafe {
                std::slice::from_raw_parts(
                    m.direct_interfaces as *const &'static ClassDesc,
                    m.n_direct_interfaces as usize,
                )
            }
        }
        _ => &[],
    }
}

/// JVMS §5.5 step 7 for one superinterface: its own superinterfaces first, then itself if
/// it declares default methods.
fn init_default_interfaces(iface: &'static ClassDesc) {
    for &i in direct_interfaces(iface) {
        init_default_interfaces(i);
        if thread::pending().is_some() {
            return;
        }
    }
    let declares = iface
        .meta()
        .is_some_and(|m| m.flags & contract::class_flags::DEFAULT_METHODS != 0);
    if declares {
        roast_init_class(iface);
    }
}

/// The recorded failures of class initializers: descriptor → throwable (kept alive forever,
/// a GC root: [`for_each_failure_root`]).
fn failures() -> &'static Mutex<HashMap<usize, usize>> {
    static F: std::sync::OnceLock<Mutex<HashMap<usize, usize>>> = std::sync::OnceLock::new();
    F.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Calls `f` with the root slots of the recorded failures (the world is stopped).
pub fn for_each_failure_root(f: &mut dyn FnMut(usize)) {
    if let Ok(mut m) = failures().lock() {
        for v in m.values_mut() {
            f(v as *mut usize as usize);
        }
    }
}

/// The recorded initialization failure of `desc`, if any.
fn failure_of(desc: &ClassDesc) -> Option<Obj> {
    let f = *failures()
        .lock()
        .ok()?
        .get(&(desc as *const ClassDesc as usize))?;
    Obj::from_raw(f as *mut u8)
}

/// Is class `sub` assignable to `sup` (JVMS §6.5.checkcast rules)?
pub fn is_subtype(sub: &ClassDesc, sup: &ClassDesc) -> bool {
    if std::ptr::eq(sub, sup) {
        return true;
    }
    // java.lang.Object (the only instance class without a superclass) is a supertype of
    // every reference type, interfaces included (their `super_` is null).
    if sup.kind == contract::KIND_INSTANCE && sup.super_.is_null() {
        return sub.kind != contract::KIND_PRIMITIVE;
    }
    if sup.is_interface() {
        return sub.interfaces().iter().any(|&i| std::ptr::eq(i, sup));
    }
    if sup.is_array() {
        if !sub.is_array() {
            return false;
        }
        return match (sub.component(), sup.component()) {
            (Some(a), Some(b)) => {
                a.kind != contract::KIND_PRIMITIVE
                    && b.kind != contract::KIND_PRIMITIVE
                    && is_subtype(a, b)
            }
            _ => false,
        };
    }
    let mut cur = sub.super_desc();
    while let Some(c) = cur {
        if std::ptr::eq(c, sup) {
            return true;
        }
        cur = c.super_desc();
    }
    false
}

/// `roast_instance_of`.
#[no_mangle]
pub extern "C" fn roast_instance_of(obj: *mut u8, desc: &ClassDesc) -> i32 {
    match Obj::from_raw(obj) {
        Some(o) => is_subtype(o.desc(), desc) as i32,
        None => 0,
    }
}

/// Java-style class name for messages ("java.lang.String", "[I").
pub fn java_name(d: &ClassDesc) -> String {
    d.name().replace('/', ".")
}

fn in_jdk(d: &ClassDesc) -> bool {
    let mut c = d;
    while let Some(comp) = c.component() {
        c = comp;
    }
    c.kind == contract::KIND_PRIMITIVE || c.meta().is_some_and(|m| m.in_jdk != 0)
}

fn loader_text(d: &ClassDesc) -> &'static str {
    if in_jdk(d) {
        "module java.base of loader 'bootstrap'"
    } else {
        "unnamed module of loader 'app'"
    }
}

/// `roast_check_cast_failed`: ClassCastException with HotSpot's message.
#[no_mangle]
pub extern "C" fn roast_check_cast_failed(obj: *mut u8, target: &ClassDesc) {
    let Some(o) = Obj::from_raw(obj) else { return };
    let from = o.desc();
    let (a, b) = (java_name(from), java_name(target));
    let where_ = if loader_text(from) == loader_text(target) {
        format!("{a} and {b} are in {}", loader_text(from))
    } else {
        format!(
            "{a} is in {}; {b} is in {}",
            loader_text(from),
            loader_text(target)
        )
    };
    crate::throw::class_cast(&format!("class {a} cannot be cast to class {b} ({where_})"));
}

/// `roast_array_store_check`: ArrayStoreException when `value` does not fit `array`.
#[no_mangle]
pub extern "C" fn roast_array_store_check(array: *mut u8, value: *mut u8) {
    let (Some(a), Some(v)) = (Obj::from_raw(array), Obj::from_raw(value)) else {
        return;
    };
    if let Some(comp) = a.desc().component() {
        if !is_subtype(v.desc(), comp) {
            crate::throw::array_store(&java_name(v.desc()));
        }
    }
}

/// `roast_itable_lookup`: the implementation of interface method `index` of `iface` for
/// the receiver's class.
#[no_mangle]
pub extern "C" fn roast_itable_lookup(obj: *mut u8, iface: &ClassDesc, index: i32) -> MethodEntry {
    let Some(o) = Obj::from_raw(obj) else {
        return crate::throw::roast_abstract_method as MethodEntry;
    };
    let d = o.desc();
    if !d.itable.is_null() {
        // SAFETY: `n_itable` entries, each with a method table of the interface's length.
        let table = unsafe { std::slice::from_raw_parts(d.itable, d.n_itable as usize) };
        for e in table {
            if std::ptr::eq(e.iface, iface) {
                // SAFETY: index < the interface's method count (checked by the compiler).
                return unsafe { *e.methods.add(index as usize) };
            }
        }
    }
    incompatible as MethodEntry
}

extern "C" fn incompatible() {
    crate::throw::linkage(
        contract::error_kind::INCOMPATIBLE_CLASS_CHANGE,
        "Class does not implement the requested interface",
    );
}

/// A class descriptor defined by the runtime itself (statics of the executable, which is not
/// position-independent, so they live below 4 GiB like compiled descriptors).
struct RuntimeDesc(ClassDesc);

// SAFETY: the raw pointers point to immutable statics; the mutable parts are atomics.
unsafe impl Sync for RuntimeDesc {}

struct RuntimeMeta(contract::ClassMeta);

// SAFETY: all pointers are null; the record is never written.
unsafe impl Sync for RuntimeMeta {}

/// Metadata of the primitive classes: `public abstract final`, defined by the boot loader.
static PRIMITIVE_META: RuntimeMeta = RuntimeMeta(contract::ClassMeta {
    source_file: std::ptr::null(),
    methods: std::ptr::null(),
    n_methods: 0,
    n_fields: 0,
    fields: std::ptr::null(),
    in_jdk: 1,
    enum_values: std::ptr::null(),
    direct_interfaces: std::ptr::null(),
    n_direct_interfaces: 0,
    modifiers: 0x411,
    flags: contract::class_flags::JDK,
    simple_name: std::ptr::null(),
    canonical_name: std::ptr::null(),
    declaring: std::ptr::null(),
    enclosing: std::ptr::null(),
    nest_host: std::ptr::null(),
    declaring_name: std::ptr::null(),
    enclosing_name: std::ptr::null(),
    nest_host_name: std::ptr::null(),
    signature: std::ptr::null(),
    pruned_methods: std::ptr::null(),
    n_pruned_methods: 0,
    method_extras: std::ptr::null(),
    record_components: std::ptr::null(),
    enclosing_method: std::ptr::null(),
    permitted_subclasses: std::ptr::null(),
    annotations: std::ptr::null(),
    dispatch_names: std::ptr::null(),
    n_dispatch_names: 0,
});

const fn primitive_desc(name: &'static [u8], letter: u8) -> RuntimeDesc {
    RuntimeDesc(ClassDesc {
        init_state: std::sync::atomic::AtomicI32::new(contract::INIT_DONE),
        kind: contract::KIND_PRIMITIVE,
        elem_kind: letter,
        access: 0x411,
        instance_size: 0,
        depth: 0,
        name: name.as_ptr(),
        super_: std::ptr::null(),
        component: std::ptr::null(),
        array_class: std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()),
        interfaces: std::ptr::null(),
        n_interfaces: 0,
        n_refs: 0,
        ref_offsets: std::ptr::null(),
        itable: std::ptr::null(),
        n_itable: 0,
        vtable_len: 0,
        clinit: std::ptr::null(),
        mirror: std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()),
        init_thread: AtomicUsize::new(0),
        meta: &PRIMITIVE_META.0,
        vtable: [],
    })
}

/// Primitive classes for the ones the program has no compiled descriptor of (the compiler
/// emits a primitive class only when code uses it, e.g. through an array of it).
static RUNTIME_PRIMITIVES: [RuntimeDesc; 9] = [
    primitive_desc(b"boolean\0", contract::elem::BOOLEAN),
    primitive_desc(b"byte\0", contract::elem::BYTE),
    primitive_desc(b"char\0", contract::elem::CHAR),
    primitive_desc(b"short\0", contract::elem::SHORT),
    primitive_desc(b"int\0", contract::elem::INT),
    primitive_desc(b"long\0", contract::elem::LONG),
    primitive_desc(b"float\0", contract::elem::FLOAT),
    primitive_desc(b"double\0", contract::elem::DOUBLE),
    primitive_desc(b"void\0", contract::elem::VOID),
];

/// Calls `f` with the mirror slots of the runtime's own primitive descriptors (GC roots).
pub fn for_each_runtime_mirror_root(f: &mut dyn FnMut(usize)) {
    for r in &RUNTIME_PRIMITIVES {
        f(r.0.mirror.as_ptr() as usize);
    }
}

/// The descriptor of a primitive class by name ("int", "void"): the compiled one when the
/// program has it, else the runtime's.
pub fn primitive_class(name: &str) -> Option<&'static ClassDesc> {
    let d = crate::object::class_by_name(name).filter(|d| d.kind == contract::KIND_PRIMITIVE);
    d.or_else(|| {
        RUNTIME_PRIMITIVES
            .iter()
            .map(|r| &r.0)
            .find(|d| d.name() == name)
    })
}

/// The descriptor of `java.lang.Class` (the SDK shadow, always compiled in).
fn class_class() -> &'static ClassDesc {
    extern "C" {
        #[link_name = "desc:java/lang/Class"]
        static CLASS_DESC: ClassDesc;
    }
    // SAFETY: the compiler always emits java.lang.Class.
    unsafe { &CLASS_DESC }
}

/// Offset of the `long roastDesc` field of the SDK's `java.lang.Class`, which holds the
/// address of the mirror's descriptor. Looked up once in the field metadata.
fn desc_field_offset() -> usize {
    static OFFSET: AtomicUsize = AtomicUsize::new(0);
    let cached = OFFSET.load(Ordering::Relaxed);
    if cached != 0 {
        return cached;
    }
    let Some(off) = crate::object::field_offset(class_class(), "roastDesc") else {
        eprintln!("roast: java.lang.Class has no roastDesc field (the SDK shadow is missing)");
        std::process::abort();
    };
    OFFSET.store(off, Ordering::Relaxed);
    off
}

/// `roast_class_mirror`: the `java.lang.Class` object of a descriptor, created once. The
/// mirror's `roastDesc` field holds the descriptor's address.
#[no_mangle]
pub extern "C" fn roast_class_mirror(desc: &'static ClassDesc) -> *mut u8 {
    let existing = desc.mirror.load(Ordering::Acquire);
    if !existing.is_null() {
        return existing;
    }
    let Some(m) = crate::heap::alloc_instance(class_class()) else {
        return std::ptr::null_mut();
    };
    m.write::<usize>(desc_field_offset(), desc as *const ClassDesc as usize);
    match desc.mirror.compare_exchange(
        std::ptr::null_mut(),
        m.raw(),
        Ordering::AcqRel,
        Ordering::Acquire,
    ) {
        Ok(_) => m.raw(),
        Err(winner) => winner,
    }
}

/// The mirror of an optional descriptor, or null.
pub fn mirror_or_null(desc: Option<&'static ClassDesc>) -> *mut u8 {
    desc.map_or(std::ptr::null_mut(), |d| roast_class_mirror(d))
}

/// The descriptor behind a `java.lang.Class` object.
pub fn desc_of_mirror(mirror: Obj) -> Option<&'static ClassDesc> {
    let d = mirror.read::<usize>(desc_field_offset());
    // SAFETY: the runtime stores only descriptor addresses in `roastDesc`, and only it
    // creates mirrors; descriptors are static.
    unsafe { (d as *const ClassDesc).as_ref() }
}
