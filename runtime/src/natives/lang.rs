//! Natives of `java.lang`: System, Object, Throwable stack traces, Runtime, Shutdown,
//! String, Class.

use crate::classes::{desc_of_mirror, is_subtype, roast_class_mirror};
use crate::contract::{self, ClassDesc, FrameRecord, MethodMeta};
use crate::object::{class_by_name, cstr, field_offset, DescExt, Obj};
use crate::strings::{java_string, java_string_array, rust_string};

fn raw(o: Option<Obj>) -> *mut u8 {
    o.map_or(std::ptr::null_mut(), |o| o.raw())
}

/// System.initProperties()
#[export_name = "java/lang/System.initProperties()[Ljava/lang/String;"]
pub extern "C" fn system_init_properties() -> *mut u8 {
    let cwd = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "/".into());
    let home = std::env::var("HOME").unwrap_or_else(|_| "/".into());
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let tmp = std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".into());
    let pairs: Vec<(&str, String)> = vec![
        // java.version, java.vendor, java.runtime.* and java.class.version come from the
        // JDK's VersionProps (see the System shadow); these are the VM's.
        ("java.specification.version", "17".into()),
        (
            "java.specification.name",
            "Java Platform API Specification".into(),
        ),
        ("java.specification.vendor", "Oracle Corporation".into()),
        ("java.vm.specification.version", "17".into()),
        (
            "java.vm.specification.name",
            "Java Virtual Machine Specification".into(),
        ),
        ("java.vm.specification.vendor", "Oracle Corporation".into()),
        ("java.vm.name", "roast".into()),
        ("java.vm.vendor", "roast".into()),
        ("java.home", super::resources::java_home().into()),
        ("java.class.path", ".".into()),
        ("line.separator", "\n".into()),
        ("file.separator", "/".into()),
        ("path.separator", ":".into()),
        ("file.encoding", "UTF-8".into()),
        ("native.encoding", "UTF-8".into()),
        ("sun.jnu.encoding", "UTF-8".into()),
        ("stdout.encoding", "UTF-8".into()),
        ("stderr.encoding", "UTF-8".into()),
        ("user.dir", cwd),
        ("user.home", home),
        ("user.name", user),
        ("user.language", "en".into()),
        ("java.io.tmpdir", tmp),
        ("os.name", "Linux".into()),
        (
            "os.arch",
            if cfg!(target_arch = "aarch64") {
                "aarch64"
            } else {
                "amd64"
            }
            .into(),
        ),
        ("os.version", "6".into()),
        ("sun.arch.data.model", "64".into()),
    ];
    let flat: Vec<String> = pairs
        .into_iter()
        .flat_map(|(k, v)| [k.to_string(), v])
        .collect();
    raw(java_string_array(&flat))
}

fn set_system_stream(field: &str, value: *mut u8) {
    let Some(sys) = class_by_name("java/lang/System") else {
        return;
    };
    let Some(meta) = sys.meta() else { return };
    // SAFETY: `n_fields` entries.
    let fields = unsafe { std::slice::from_raw_parts(meta.fields, meta.n_fields as usize) };
    if let Some(f) = fields
        .iter()
        .find(|f| cstr(f.name) == field && !f.static_addr.is_null())
    {
        // SAFETY: the static storage of a reference field.
        unsafe { (f.static_addr as *mut *mut u8).write(value) };
    }
}

/// System.setIn0
#[export_name = "java/lang/System.setIn0(Ljava/io/InputStream;)V"]
pub extern "C" fn system_set_in0(s: *mut u8) {
    set_system_stream("in", s);
}

/// System.setOut0
#[export_name = "java/lang/System.setOut0(Ljava/io/PrintStream;)V"]
pub extern "C" fn system_set_out0(s: *mut u8) {
    set_system_stream("out", s);
}

/// System.setErr0
#[export_name = "java/lang/System.setErr0(Ljava/io/PrintStream;)V"]
pub extern "C" fn system_set_err0(s: *mut u8) {
    set_system_stream("err", s);
}

/// System.currentTimeMillis
#[export_name = "java/lang/System.currentTimeMillis()J"]
pub extern "C" fn system_current_time_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// VM.getNanoTimeAdjustment(offset): the wall-clock time as nanoseconds since `offset`
/// seconds after the epoch (`Clock.systemUTC()`, `Instant.now()`), or -1 when it is 2^32
/// seconds or more away from `offset` (HotSpot's range; the JDK then re-bases and asks again).
#[export_name = "jdk/internal/misc/VM.getNanoTimeAdjustment(J)J"]
pub extern "C" fn vm_get_nano_time_adjustment(offset_seconds: i64) -> i64 {
    const MAX_DIFF_SECONDS: i64 = 1 << 32;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let diff = now.as_secs() as i64 - offset_seconds;
    if diff >= MAX_DIFF_SECONDS || diff <= -MAX_DIFF_SECONDS {
        return -1;
    }
    diff * 1_000_000_000 + i64::from(now.subsec_nanos())
}

/// System.nanoTime
#[export_name = "java/lang/System.nanoTime()J"]
pub extern "C" fn system_nano_time() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_nanos() as i64
        + 1_000_000_000
}

/// System.getenv0
#[export_name = "java/lang/System.getenv0(Ljava/lang/String;)Ljava/lang/String;"]
pub extern "C" fn system_getenv0(name: *mut u8) -> *mut u8 {
    let Some(n) = Obj::from_raw(name) else {
        return std::ptr::null_mut();
    };
    match std::env::var(rust_string(n)) {
        Ok(v) => raw(java_string(&v)),
        Err(_) => std::ptr::null_mut(),
    }
}

/// System.environ0
#[export_name = "java/lang/System.environ0()[Ljava/lang/String;"]
pub extern "C" fn system_environ0() -> *mut u8 {
    let flat: Vec<String> = std::env::vars().flat_map(|(k, v)| [k, v]).collect();
    raw(java_string_array(&flat))
}

fn array_copy_error(msg: String) {
    crate::throw::array_store(&msg);
}

fn type_name_for_copy(d: &ClassDesc) -> String {
    match d.component() {
        Some(c) if c.kind == contract::KIND_PRIMITIVE => format!("{}[]", c.name()),
        Some(_) => "object array[]".to_string(),
        None => crate::classes::java_name(d),
    }
}

/// System.arraycopy with HotSpot's checks and messages.
#[export_name = "java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V"]
pub extern "C" fn system_arraycopy(src: *mut u8, sp: i32, dst: *mut u8, dp: i32, len: i32) {
    let (Some(s), Some(d)) = (Obj::from_raw(src), Obj::from_raw(dst)) else {
        return crate::throw::npe(None);
    };
    let (sd, dd) = (s.desc(), d.desc());
    if !sd.is_array() {
        return array_copy_error(format!(
            "arraycopy: source type {} is not an array",
            crate::classes::java_name(sd)
        ));
    }
    if !dd.is_array() {
        return array_copy_error(format!(
            "arraycopy: destination type {} is not an array",
            crate::classes::java_name(dd)
        ));
    }
    let (sc, dc) = (
        sd.component().expect("array"),
        dd.component().expect("array"),
    );
    let prim = |c: &ClassDesc| c.kind == contract::KIND_PRIMITIVE;
    if (prim(sc) || prim(dc)) && !std::ptr::eq(sc, dc) {
        return array_copy_error(format!(
            "arraycopy: type mismatch: can not copy {} into {}",
            type_name_for_copy(sd),
            type_name_for_copy(dd)
        ));
    }
    let (slen, dlen) = (s.array_len() as i64, d.array_len() as i64);
    let check = |what: &str, pos: i32, alen: i64| -> Option<String> {
        if pos < 0 {
            Some(format!(
                "arraycopy: {what} index {pos} out of bounds for {}[{alen}]",
                elem_name(sd)
            ))
        } else if pos as i64 + len as i64 > alen {
            Some(format!(
                "arraycopy: last {what} index {} out of bounds for {}[{alen}]",
                pos as i64 + len as i64,
                elem_name(if what == "source" { sd } else { dd })
            ))
        } else {
            None
        }
    };
    if len < 0 {
        return crate::throw::index_out_of_bounds_msg(&format!(
            "arraycopy: length {len} is negative"
        ));
    }
    if let Some(m) = check("source", sp, slen).or_else(|| check("destination", dp, dlen)) {
        return crate::throw::index_out_of_bounds_msg(&m);
    }
    let esize = sd.instance_size as usize;
    // SAFETY: ranges checked above; `copy` handles overlap.
    let (from, to) = unsafe {
        (
            s.array_data().add(sp as usize * esize),
            d.array_data().add(dp as usize * esize),
        )
    };
    if prim(sc) || is_subtype(sd, dd) {
        // SAFETY: see above.
        unsafe { std::ptr::copy(from, to, len as usize * esize) };
        return;
    }
    for i in 0..len as usize {
        // SAFETY: within checked ranges.
        let v = unsafe { *(from as *const *mut u8).add(i) };
        if let Some(o) = Obj::from_raw(v) {
            if !is_subtype(o.desc(), dc) {
                return array_copy_error(format!(
                    "arraycopy: element type mismatch: can not cast one of the elements of {}[] to the type of the destination array, {}",
                    crate::classes::java_name(sc),
                    crate::classes::java_name(dc)
                ));
            }
        }
        // SAFETY: within checked ranges.
        unsafe { *(to as *mut *mut u8).add(i) = v };
    }
}

fn elem_name(d: &ClassDesc) -> String {
    match d.component() {
        Some(c) if c.kind == contract::KIND_PRIMITIVE => c.name().to_string(),
        _ => "object array".to_string(),
    }
}

/// The identity hash of an object (kept in its lock word or fat monitor, see `monitor`).
pub fn identity_hash(o: Obj) -> i32 {
    crate::monitor::identity_hash(o.raw())
}

/// System.identityHashCode
#[export_name = "java/lang/System.identityHashCode(Ljava/lang/Object;)I"]
pub extern "C" fn system_identity_hash_code(o: *mut u8) -> i32 {
    Obj::from_raw(o).map_or(0, identity_hash)
}

/// Object.hashCode
#[export_name = "java/lang/Object.hashCode()I"]
pub extern "C" fn object_hash_code(o: *mut u8) -> i32 {
    Obj::from_raw(o).map_or(0, identity_hash)
}

/// Object.getClass
#[export_name = "java/lang/Object.getClass()Ljava/lang/Class;"]
pub extern "C" fn object_get_class(o: *mut u8) -> *mut u8 {
    Obj::from_raw(o).map_or(std::ptr::null_mut(), |o| roast_class_mirror(o.desc()))
}

/// Object.clone: shallow copy of arrays and Cloneable objects.
#[export_name = "java/lang/Object.clone()Ljava/lang/Object;"]
pub extern "C" fn object_clone(o: *mut u8) -> *mut u8 {
    let Some(o) = Obj::from_raw(o) else {
        return std::ptr::null_mut();
    };
    let d = o.desc();
    let copy = if d.is_array() {
        crate::heap::alloc_array(d, o.array_len())
    } else {
        let cloneable = class_by_name("java/lang/Cloneable");
        if !cloneable.is_some_and(|c| is_subtype(d, c)) {
            crate::throw::clone_not_supported(&crate::classes::java_name(d));
            return std::ptr::null_mut();
        }
        crate::heap::alloc_instance(d)
    };
    let Some(c) = copy else {
        return std::ptr::null_mut();
    };
    let size = if d.is_array() {
        contract::ARRAY_BASE_OFFSET as usize + o.array_len() * d.instance_size as usize
    } else {
        d.instance_size as usize
    };
    // SAFETY: both objects have `size` bytes; the header (first 8 bytes) is kept.
    unsafe { std::ptr::copy_nonoverlapping(o.at(8), c.at(8), size - 8) };
    c.raw()
}

const MAX_TRACE: usize = 1024;

/// Frames of hidden classes (see `contract::class_flags::HIDDEN`) are left out of traces.
pub fn is_hidden(class: &ClassDesc) -> bool {
    class
        .meta()
        .is_some_and(|m| m.flags & contract::class_flags::HIDDEN != 0)
}

/// Throwable.fillInStackTrace(I): records (method, pc) pairs of the current frames in the
/// `backtrace` field (a long[]), skipping the exception's own construction frames.
#[export_name = "java/lang/Throwable.fillInStackTrace(I)Ljava/lang/Throwable;"]
pub extern "C" fn throwable_fill_in(this: *mut u8, _dummy: i32) -> *mut u8 {
    let Some(t) = Obj::from_raw(this) else {
        return this;
    };
    let throwable = class_by_name("java/lang/Throwable");
    let mut frames: Vec<(i64, i64)> = Vec::new();
    let mut f = crate::thread::state().top_frame as *const FrameRecord;
    let mut skipping = true;
    while !f.is_null() && frames.len() < MAX_TRACE {
        // SAFETY: frame records are linked by compiled code and live on the stack.
        let fr = unsafe { &*f };
        // SAFETY: method metadata is static.
        if let Some(m) = unsafe { fr.method.as_ref() } {
            // SAFETY: as above.
            let class = unsafe { &*m.class };
            let name = cstr(m.name);
            if name == "roastRun" && class.name() == "java/lang/Thread" {
                // The entry of a started thread: HotSpot's traces end at `Thread.run`.
                break;
            }
            let is_ctor_frame = name == "fillInStackTrace"
                || (name == "<init>" && throwable.is_some_and(|th| is_subtype(class, th)))
                || class.name() == "java/lang/RoastVM";
            if !(skipping && is_ctor_frame) {
                skipping = false;
                if !is_hidden(class) {
                    frames.push((m as *const MethodMeta as i64, fr.pc as i64));
                }
            }
        }
        f = fr.prev;
    }
    let Some(long_arr) = class_by_name("[J") else {
        return this;
    };
    let Some(bt) = crate::heap::alloc_array(long_arr, frames.len() * 2) else {
        return this;
    };
    for (i, (m, pc)) in frames.iter().enumerate() {
        bt.write::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16, *m);
        bt.write::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16 + 8, *pc);
    }
    let d = t.desc();
    if let Some(off) = field_offset(d, "backtrace") {
        t.write_ref(off, Some(bt));
    }
    if let Some(off) = field_offset(d, "depth") {
        t.write::<i32>(off, frames.len() as i32);
    }
    this
}

fn line_of(m: &MethodMeta, pc: i64) -> i32 {
    if m.lines.is_null() {
        return -1;
    }
    // SAFETY: `n_lines` (pc, line) pairs.
    let lines = unsafe { std::slice::from_raw_parts(m.lines, m.n_lines as usize * 2) };
    let mut best: Option<(u32, u32)> = None;
    for pair in lines.chunks_exact(2) {
        if pair[0] as i64 <= pc && best.is_none_or(|(p, _)| pair[0] >= p) {
            best = Some((pair[0], pair[1]));
        }
    }
    best.map_or(-1, |(_, l)| l as i32)
}

/// "class.method(File:line)" for each recorded frame of a throwable (for diagnostics printed
/// by the runtime itself).
pub fn backtrace_lines(t: Obj) -> Vec<String> {
    let Some(bt) = field_offset(t.desc(), "backtrace").and_then(|off| t.read_ref(off)) else {
        return vec![];
    };
    if !bt.desc().is_array() {
        return vec![];
    }
    (0..bt.array_len() / 2)
        .map(|i| {
            let m =
                bt.read::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16) as *const MethodMeta;
            let pc = bt.read::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16 + 8);
            // SAFETY: recorded from frame records: static metadata.
            let m = unsafe { &*m };
            // SAFETY: as above.
            let class = unsafe { &*m.class };
            format!(
                "{}.{}{} (pc {pc}, line {})",
                crate::classes::java_name(class),
                cstr(m.name),
                cstr(m.descriptor),
                line_of(m, pc)
            )
        })
        .collect()
}

/// StackTraceElement.initStackTraceElements: fills the elements from a backtrace.
#[export_name = "java/lang/StackTraceElement.initStackTraceElements([Ljava/lang/StackTraceElement;Ljava/lang/Throwable;I)V"]
pub extern "C" fn ste_init(elements: *mut u8, throwable: *mut u8, depth: i32) {
    let (Some(arr), Some(t)) = (Obj::from_raw(elements), Obj::from_raw(throwable)) else {
        return;
    };
    let Some(bt) = field_offset(t.desc(), "backtrace").and_then(|off| t.read_ref(off)) else {
        return;
    };
    let Some(ste) = class_by_name("java/lang/StackTraceElement") else {
        return;
    };
    let off = |n: &str| field_offset(ste, n);
    for i in 0..(depth as usize)
        .min(arr.array_len())
        .min(bt.array_len() / 2)
    {
        let Some(e) = arr.read_ref(contract::ARRAY_BASE_OFFSET as usize + i * 8) else {
            continue;
        };
        let m = bt.read::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16) as *const MethodMeta;
        let pc = bt.read::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16 + 8);
        // SAFETY: recorded from frame records: static metadata.
        let m = unsafe { &*m };
        // SAFETY: as above.
        let class = unsafe { &*m.class };
        let file = class
            .meta()
            .map(|cm| cm.source_file)
            .filter(|p| !p.is_null())
            .map(cstr);
        let in_jdk = class.meta().is_some_and(|cm| cm.in_jdk != 0);
        let proxy = super::proxy::frame_name(class);
        if let Some(o) = off("declaringClass") {
            let name = match &proxy {
                Some((n, _)) => n.clone(),
                None => crate::classes::java_name(class),
            };
            e.write_ref(o, java_string(&name));
        }
        if let (Some(o), Some((_, Some(module)))) = (off("moduleName"), &proxy) {
            e.write_ref(o, java_string(module));
        }
        if let Some(o) = off("methodName") {
            e.write_ref(o, java_string(cstr(m.name)));
        }
        if let (Some(o), Some(f)) = (off("fileName"), file) {
            e.write_ref(o, java_string(f));
        }
        if let Some(o) = off("lineNumber") {
            let native = m.access & 0x0100 != 0;
            e.write::<i32>(o, if native { -2 } else { line_of(m, pc) });
        }
        if let (Some(o), true) = (off("moduleName"), in_jdk) {
            e.write_ref(o, java_string("java.base"));
        }
    }
}

/// StackWalker.roastFrameInfo: for each of the first `classes.length` frames of a
/// throwable's backtrace, its declaring class, bytecode index and method descriptor.
#[export_name = "java/lang/StackWalker.roastFrameInfo(Ljava/lang/Throwable;[Ljava/lang/Class;[I[Ljava/lang/String;)V"]
pub extern "C" fn stack_walker_frame_info(
    throwable: *mut u8,
    classes: *mut u8,
    bcis: *mut u8,
    descriptors: *mut u8,
) {
    let (Some(t), Some(classes), Some(bcis), Some(descs)) = (
        Obj::from_raw(throwable),
        Obj::from_raw(classes),
        Obj::from_raw(bcis),
        Obj::from_raw(descriptors),
    ) else {
        return;
    };
    let Some(bt) = field_offset(t.desc(), "backtrace").and_then(|off| t.read_ref(off)) else {
        return;
    };
    let n = (bt.array_len() / 2)
        .min(classes.array_len())
        .min(bcis.array_len())
        .min(descs.array_len());
    for i in 0..n {
        let m = bt.read::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16) as *const MethodMeta;
        let pc = bt.read::<i64>(contract::ARRAY_BASE_OFFSET as usize + i * 16 + 8);
        // SAFETY: recorded from frame records: static metadata.
        let m = unsafe { &*m };
        // SAFETY: as above.
        let class = unsafe { &*m.class };
        let mirror = Obj::from_raw(roast_class_mirror(class));
        classes.write_ref(contract::ARRAY_BASE_OFFSET as usize + i * 8, mirror);
        bcis.write::<i32>(contract::ARRAY_BASE_OFFSET as usize + i * 4, pc as i32);
        descs.write_ref(
            contract::ARRAY_BASE_OFFSET as usize + i * 8,
            java_string(cstr(m.descriptor)),
        );
    }
}

/// Shutdown.halt0
#[export_name = "java/lang/Shutdown.halt0(I)V"]
pub extern "C" fn shutdown_halt0(status: i32) {
    std::process::exit(status);
}

/// Shutdown.beforeHalt
#[export_name = "java/lang/Shutdown.beforeHalt()V"]
pub extern "C" fn shutdown_before_halt() {}

/// Runtime.availableProcessors
#[export_name = "java/lang/Runtime.availableProcessors()I"]
pub extern "C" fn runtime_available_processors(_this: *mut u8) -> i32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as i32)
}

/// Runtime.freeMemory
#[export_name = "java/lang/Runtime.freeMemory()J"]
pub extern "C" fn runtime_free_memory(_this: *mut u8) -> i64 {
    crate::gc::free_memory() as i64
}

/// Runtime.totalMemory
#[export_name = "java/lang/Runtime.totalMemory()J"]
pub extern "C" fn runtime_total_memory(_this: *mut u8) -> i64 {
    crate::gc::total_memory() as i64
}

/// Runtime.maxMemory
#[export_name = "java/lang/Runtime.maxMemory()J"]
pub extern "C" fn runtime_max_memory(_this: *mut u8) -> i64 {
    crate::gc::max_memory() as i64
}

/// Runtime.gc: a full collection.
#[export_name = "java/lang/Runtime.gc()V"]
pub extern "C" fn runtime_gc(_this: *mut u8) {
    crate::gc::collect();
}

/// The intern table: contents → canonical string. Strong (a GC root), unlike HotSpot's.
type InternTable = std::collections::HashMap<Vec<u16>, usize>;
static INTERNED: std::sync::Mutex<Option<InternTable>> = std::sync::Mutex::new(None);

/// Calls `f` with the root slots of the intern table (the world is stopped).
pub fn for_each_interned_root(f: &mut dyn FnMut(usize)) {
    if let Ok(mut t) = INTERNED.lock() {
        for v in t.iter_mut().flat_map(|t| t.values_mut()) {
            f(v as *mut usize as usize);
        }
    }
}

/// String.intern: one canonical string per content.
#[export_name = "java/lang/String.intern()Ljava/lang/String;"]
pub extern "C" fn string_intern(this: *mut u8) -> *mut u8 {
    let Some(s) = Obj::from_raw(this) else {
        return this;
    };
    let mut t = INTERNED.lock().expect("intern table");
    let table = t.get_or_insert_with(|| {
        // String literals are interned from the start.
        crate::strings::literals()
            .iter()
            .map(|&l| (crate::strings::utf16(l), l.raw() as usize))
            .collect()
    });
    *table
        .entry(crate::strings::utf16(s))
        .or_insert(this as usize) as *mut u8
}

/// StringUTF16.isBigEndian: UTF-16 strings are little-endian here.
#[export_name = "java/lang/StringUTF16.isBigEndian()Z"]
pub extern "C" fn string_utf16_is_big_endian() -> i32 {
    0
}

/// NullPointerException.getExtendedNPEMessage: no helpful message yet.
#[export_name = "java/lang/NullPointerException.getExtendedNPEMessage()Ljava/lang/String;"]
pub extern "C" fn npe_extended_message(_this: *mut u8) -> *mut u8 {
    std::ptr::null_mut()
}

/// ScopedMemoryAccess.registerNatives
#[export_name = "jdk/internal/misc/ScopedMemoryAccess.registerNatives()V"]
pub extern "C" fn sma_register_natives() {}

/// AccessController.getStackAccessControlContext: no security contexts.
#[export_name = "java/security/AccessController.getStackAccessControlContext()Ljava/security/AccessControlContext;"]
pub extern "C" fn acc_get_stack_context() -> *mut u8 {
    std::ptr::null_mut()
}

/// AccessController.ensureMaterializedForStackWalk
#[export_name = "java/security/AccessController.ensureMaterializedForStackWalk(Ljava/lang/Object;)V"]
pub extern "C" fn acc_ensure_materialized(_o: *mut u8) {}

/// The descriptor of a mirror argument, or null-pointer exception.
pub fn mirror_desc(m: *mut u8) -> Option<&'static ClassDesc> {
    let d = Obj::from_raw(m).and_then(desc_of_mirror);
    if d.is_none() {
        crate::throw::npe(None);
    }
    d
}

/// ClassLoader.registerNatives: the natives are linked statically; nothing to register.
#[export_name = "java/lang/ClassLoader.registerNatives()V"]
pub extern "C" fn class_loader_register_natives() {}
