//! Process start-up: thread state, arguments, `main`, uncaught exceptions, waiting for
//! non-daemon threads, shutdown.

use crate::thread;

/// Bytes of stack kept free below the limit for raising StackOverflowError.
pub const STACK_RESERVE: usize = 256 << 10;

extern "C" {
    fn roast_main_entry(args: *mut u8);
}

/// Sets the calling thread's stack limit for a stack of `size` bytes that began just above
/// the current frame (a margin covers what lies between: thread-local storage, start-up frames).
pub fn set_stack_limit(size: usize) {
    let marker = 0u8;
    let sp = std::hint::black_box(&marker) as *const u8 as usize;
    thread::state().stack_limit = sp.saturating_sub(size) + STACK_RESERVE + (64 << 10);
}

/// The main thread's stack size (RLIMIT_STACK, 8 MiB when unknown or unlimited).
fn main_stack_size() -> usize {
    let mut rl = libc_rlimit {
        cur: 8 << 20,
        max: 0,
    };
    // SAFETY: getrlimit writes into the struct we pass.
    if unsafe { getrlimit(3, &mut rl) } == 0 && rl.cur > 0 && rl.cur < (1 << 40) {
        rl.cur as usize
    } else {
        8 << 20
    }
}

#[repr(C)]
struct libc_rlimit {
    cur: u64,
    max: u64,
}

extern "C" {
    fn getrlimit(resource: i32, rlim: *mut libc_rlimit) -> i32;
}

/// Called by the C `main`.
#[no_mangle]
pub extern "C" fn roast_start(argc: i32, argv: *const *const u8) -> i32 {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("roast: internal runtime error: {info}");
        std::process::abort();
    }));
    set_stack_limit(main_stack_size());
    thread::state().thread_id = 1;
    crate::gc::init();
    let args: Vec<String> = (1..argc as usize)
        .map(|i| {
            // SAFETY: argv has argc valid C strings.
            let p = unsafe { *argv.add(i) };
            crate::object::cstr(p).to_string()
        })
        .collect();
    let Some(jargs) = crate::strings::java_string_array(&args) else {
        eprintln!("Error occurred during initialization of VM\nOut of memory");
        return 1;
    };
    // Like HotSpot's start-up, the classes whose instances exist before any `new` (string
    // literals, class mirrors) and System are initialized before the main class.
    for name in ["java/lang/String", "java/lang/Class", "java/lang/System"] {
        if let Some(d) = crate::object::class_by_name(name) {
            crate::classes::roast_init_class(d);
        }
    }
    if thread::pending().is_none() {
        crate::heap::preallocate_out_of_memory_error();
    }
    if thread::pending().is_none() {
        // SAFETY: the compiler-generated entry takes the String[] of arguments.
        unsafe { roast_main_entry(jargs.raw()) };
    }
    let mut status = 0;
    if let Some(e) = thread::take_pending() {
        crate::throw::report_uncaught(e);
        status = 1;
    }
    // Like HotSpot's DestroyJavaVM: the process lives while non-daemon threads do.
    thread::wait_for_non_daemon_threads();
    crate::throw::shutdown();
    status
}
