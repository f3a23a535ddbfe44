//! Raising exceptions from the runtime: the exception objects are built by the SDK class
//! `java.lang.RoastVM` (compiled Java, HotSpot's messages) and left pending.

use crate::object::Obj;
use crate::strings::java_string;
use crate::thread;

mod vm {
    extern "C" {
        #[link_name = "java/lang/RoastVM.npe(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn npe(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.indexOutOfBounds(II)Ljava/lang/Throwable;"]
        pub fn index_out_of_bounds(i: i32, len: i32) -> *mut u8;
        #[link_name = "java/lang/RoastVM.indexOutOfBoundsMessage(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn index_out_of_bounds_msg(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.cloneNotSupported(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn clone_not_supported(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.divideByZero()Ljava/lang/Throwable;"]
        pub fn divide_by_zero() -> *mut u8;
        #[link_name = "java/lang/RoastVM.negativeArraySize(I)Ljava/lang/Throwable;"]
        pub fn negative_array_size(len: i32) -> *mut u8;
        #[link_name = "java/lang/RoastVM.arrayStore(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn array_store(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.stackOverflow()Ljava/lang/Throwable;"]
        pub fn stack_overflow() -> *mut u8;
        #[link_name = "java/lang/RoastVM.outOfMemory()Ljava/lang/Throwable;"]
        pub fn out_of_memory() -> *mut u8;
        #[link_name = "java/lang/RoastVM.illegalMonitorState()Ljava/lang/Throwable;"]
        pub fn illegal_monitor_state() -> *mut u8;
        #[link_name = "java/lang/RoastVM.classCast(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn class_cast(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.initializerError(Ljava/lang/Throwable;)Ljava/lang/Throwable;"]
        pub fn initializer_error(cause: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.noClassDefInit(Ljava/lang/String;Ljava/lang/Throwable;)Ljava/lang/Throwable;"]
        pub fn no_class_def_init(name: *mut u8, cause: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.initializationFailure(Ljava/lang/Throwable;)Ljava/lang/Throwable;"]
        pub fn initialization_failure(original: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.linkage(ILjava/lang/String;)Ljava/lang/Throwable;"]
        pub fn linkage(kind: i32, msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.interrupted(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn interrupted(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.illegalArgument(Ljava/lang/String;)Ljava/lang/Throwable;"]
        pub fn illegal_argument(msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.libraryError(ILjava/lang/String;)Ljava/lang/Throwable;"]
        pub fn library_error(kind: i32, msg: *mut u8) -> *mut u8;
        #[link_name = "java/lang/RoastVM.unixException(I)Ljava/lang/Throwable;"]
        pub fn unix_exception(errno: i32) -> *mut u8;
        #[link_name = "java/lang/RoastVM.uncaught(Ljava/lang/Throwable;)V"]
        pub fn uncaught(t: *mut u8);
        #[link_name = "java/lang/RoastVM.shutdown()V"]
        pub fn shutdown();
    }
}

/// Makes the result of a constructor helper the pending exception (unless constructing it
/// raised another exception, which then stays pending).
fn raise(make: impl FnOnce() -> *mut u8) {
    let e = make();
    if thread::pending().is_none() {
        thread::set_pending(Obj::from_raw(e));
    }
}

fn jstr(s: Option<&str>) -> *mut u8 {
    s.and_then(java_string)
        .map_or(std::ptr::null_mut(), |o| o.raw())
}

/// NullPointerException with an optional message.
pub fn npe(msg: Option<&str>) {
    let m = jstr(msg);
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::npe(m) });
}

/// InterruptedException with an optional message.
pub fn interrupted(msg: Option<&str>) {
    let m = jstr(msg);
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::interrupted(m) });
}

/// IllegalArgumentException with a message.
pub fn illegal_argument(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::illegal_argument(m) });
}

/// `java.util.zip.DataFormatException` with zlib's message (or none).
pub fn data_format(msg: Option<&str>) {
    let m = jstr(msg);
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::library_error(0, m) });
}

/// InternalError with an optional message.
pub fn internal_error(msg: Option<&str>) {
    let m = jstr(msg);
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::library_error(1, m) });
}

/// IOException with a message.
pub fn io_exception(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::library_error(2, m) });
}

/// `sun.nio.fs.UnixException` for an error number (the JDK turns it into
/// NoSuchFileException, AccessDeniedException, ... with HotSpot's messages).
pub fn unix_exception(errno: i32) {
    // SAFETY: calling compiled Java code with a plain int.
    raise(|| unsafe { vm::unix_exception(errno) });
}

/// IOException whose message is the text of `errno` (glibc's `strerror`), or `default` when
/// `errno` is 0: the JDK's `JNU_ThrowIOExceptionWithLastError`.
pub fn io_exception_errno(errno: i32, default: &str) {
    if errno == 0 {
        io_exception(default)
    } else {
        io_exception(&crate::natives::fs::error_text(errno))
    }
}

/// OutOfMemoryError with a message (not the heap's: e.g. "Map failed").
pub fn out_of_memory_message(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::library_error(4, m) });
}

/// FileNotFoundException with a message.
pub fn file_not_found(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::library_error(3, m) });
}

/// IllegalArgumentException with an optional message.
pub fn illegal_argument_opt(msg: Option<&str>) {
    let m = jstr(msg);
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::illegal_argument(m) });
}

/// ArrayIndexOutOfBoundsException.
pub fn index_out_of_bounds(i: i32, len: i32) {
    // SAFETY: as above.
    raise(|| unsafe { vm::index_out_of_bounds(i, len) });
}

/// ArrayIndexOutOfBoundsException with a message.
pub fn index_out_of_bounds_msg(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::index_out_of_bounds_msg(m) });
}

/// CloneNotSupportedException.
pub fn clone_not_supported(class: &str) {
    let m = jstr(Some(class));
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::clone_not_supported(m) });
}

/// NegativeArraySizeException.
pub fn negative_array_size(len: i32) {
    // SAFETY: as above.
    raise(|| unsafe { vm::negative_array_size(len) });
}

/// ArrayStoreException with a message.
pub fn array_store(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: as above.
    raise(|| unsafe { vm::array_store(m) });
}

/// ClassCastException with a message.
pub fn class_cast(msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: as above.
    raise(|| unsafe { vm::class_cast(m) });
}

/// OutOfMemoryError: Java heap space.
pub fn out_of_memory() {
    // SAFETY: as above.
    raise(|| unsafe { vm::out_of_memory() });
}

/// IllegalMonitorStateException.
pub fn illegal_monitor_state() {
    // SAFETY: as above.
    raise(|| unsafe { vm::illegal_monitor_state() });
}

/// Wraps the pending exception of a failed `<clinit>` (ExceptionInInitializerError unless it
/// is an Error).
pub fn wrap_initializer_error() {
    if let Some(cause) = thread::take_pending() {
        // SAFETY: as above.
        raise(|| unsafe { vm::initializer_error(cause.raw()) });
    }
}

/// NoClassDefFoundError for a class whose initialization failed before.
pub fn no_class_def_init(class: &str, cause: Option<Obj>) {
    let m = jstr(Some(&class.replace('/', ".")));
    let c = cause.map_or(std::ptr::null_mut(), |c| c.raw());
    // SAFETY: calling compiled Java code with valid arguments.
    raise(|| unsafe { vm::no_class_def_init(m, c) });
}

/// The record of a failed initialization, made from the exception `<clinit>` threw (which
/// stays pending).
pub fn initialization_failure(original: Obj) -> Option<Obj> {
    thread::set_pending(None);
    // SAFETY: calling compiled Java code with a valid throwable.
    let record = Obj::from_raw(unsafe { vm::initialization_failure(original.raw()) });
    thread::set_pending(Some(original));
    record
}

/// A linkage error or unsupported-feature exception (`contract::error_kind`).
pub fn linkage(kind: i32, msg: &str) {
    let m = jstr(Some(msg));
    // SAFETY: as above.
    raise(|| unsafe { vm::linkage(kind, m) });
}

/// Prints an uncaught exception like HotSpot. When the Java printing itself fails (e.g.
/// `System` could not be initialized), a plain description is printed from here.
pub fn report_uncaught(e: Obj) {
    // SAFETY: as above.
    unsafe { vm::uncaught(e.raw()) };
    if let Some(second) = thread::take_pending() {
        eprintln!("Exception in thread \"main\" {}", describe(e));
        eprintln!("roast: while printing it: {}", describe(second));
        let mut cur = Some(e);
        while let Some(t) = cur {
            for line in crate::natives::lang::backtrace_lines(t) {
                eprintln!("\tat {line}");
            }
            cur = crate::object::field_offset(t.desc(), "cause")
                .and_then(|off| t.read_ref(off))
                .filter(|&c| c != t);
            if let Some(c) = cur {
                eprintln!("Caused by: {}", describe(c));
            }
        }
    }
}

/// "class.Name: message" of a throwable, read directly from its fields.
pub fn describe(e: Obj) -> String {
    let d = e.desc();
    let name = crate::classes::java_name(d);
    let msg = crate::object::field_offset(d, "detailMessage")
        .and_then(|off| e.read_ref(off))
        .map(crate::strings::rust_string);
    let mut s = match msg {
        Some(m) => format!("{name}: {m}"),
        None => name,
    };
    if let Some(cause) = crate::object::field_offset(d, "cause").and_then(|off| e.read_ref(off)) {
        if cause != e {
            s.push_str(&format!(" [caused by {}]", describe(cause)));
        }
    }
    s
}

/// Runs the Java shutdown sequence.
pub fn shutdown() {
    // SAFETY: as above.
    unsafe { vm::shutdown() };
    thread::set_pending(None);
}

/// `roast_throw_npe`.
#[no_mangle]
pub extern "C" fn roast_throw_npe(msg: *const u8) {
    let m = if msg.is_null() {
        None
    } else {
        Some(crate::object::cstr(msg))
    };
    npe(m);
}

/// `roast_throw_index`.
#[no_mangle]
pub extern "C" fn roast_throw_index(i: i32, len: i32) {
    index_out_of_bounds(i, len);
}

/// `roast_throw_div_zero`.
#[no_mangle]
pub extern "C" fn roast_throw_div_zero() {
    // SAFETY: as above.
    raise(|| unsafe { vm::divide_by_zero() });
}

/// `roast_throw_stack_overflow`: builds the error with the limit lowered so that the
/// constructor itself has stack to run on.
#[no_mangle]
pub extern "C" fn roast_throw_stack_overflow() {
    let st = thread::state();
    let limit = st.stack_limit;
    st.stack_limit = limit.saturating_sub(crate::start::STACK_RESERVE / 2);
    // SAFETY: as above.
    raise(|| unsafe { vm::stack_overflow() });
    thread::state().stack_limit = limit;
}

/// `roast_throw_error`.
#[no_mangle]
pub extern "C" fn roast_throw_error(kind: i32, msg: *const u8) {
    linkage(kind, crate::object::cstr(msg));
}

/// Entry of vtable/itable slots for abstract methods.
#[no_mangle]
pub extern "C" fn roast_abstract_method() {
    linkage(
        crate::contract::error_kind::ABSTRACT_METHOD,
        "abstract method called",
    );
}

/// Entry of vtable slots that the reachability analysis proved unused.
#[no_mangle]
pub extern "C" fn roast_unreachable_method() {
    eprintln!("roast: internal error: a method the compiler found unreachable was called");
    std::process::abort();
}
