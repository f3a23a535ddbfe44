//! Threads: the calling thread's `ThreadState` (defined in C as the thread-local
//! `roast_thread`, read directly by compiled code) and the run-time record of every
//! `java.lang.Thread` (interrupt flag, park permit, state), one OS thread per started Java
//! thread.
//!
//! Invariants:
//! - Every OS thread that runs Java code has a non-zero `ThreadState::thread_id` (main = 1)
//!   that is never reused; monitors and class initialization identify owners by it.
//! - A [`ThreadRec`] is created with its `java.lang.Thread` (the shadow keeps its address in
//!   the `long eetop` field, like HotSpot) and never freed (leaked Rust memory); the OS thread running
//!   it finds it through [`current_rec`].
//! - Blocking operations (sleep, park, `Object.wait`) check the interrupt flag while holding
//!   the lock that [`interrupt`] takes before waking them, so no interrupt is lost.
//! - The process ends (shutdown hooks, exit) when main has returned and the count of live
//!   non-daemon threads is zero ([`wait_for_non_daemon_threads`]).
//! - Every blocking wait below runs in `with_status`, a GC safe region (`gc::safe_region`),
//!   so a stop-the-world collection never waits for a blocked thread.
//! - A started thread's `Thread` object is a GC root ([`for_each_starting_root`]) from
//!   `start` until the new thread has attached to the collector and stored it in its state.

use crate::contract::ThreadState;
use crate::object::Obj;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

extern "C" {
    fn roast_thread_state() -> *mut ThreadState;
}

/// The calling thread's state.
pub fn state() -> &'static mut ThreadState {
    // SAFETY: the C function returns the address of this thread's thread-local state, which
    // lives as long as the thread; only this thread touches it.
    unsafe { &mut *roast_thread_state() }
}

/// The pending exception, if any.
pub fn pending() -> Option<Obj> {
    Obj::from_raw(state().pending_exception)
}

/// Sets (or clears) the pending exception.
pub fn set_pending(e: Option<Obj>) {
    state().pending_exception = e.map_or(std::ptr::null_mut(), |o| o.raw());
}

/// Takes the pending exception, clearing it.
pub fn take_pending() -> Option<Obj> {
    let e = pending();
    set_pending(None);
    e
}

/// The calling thread's identifier (assigned on first use for threads not started by roast).
pub fn current_id() -> usize {
    let st = state();
    if st.thread_id == 0 {
        st.thread_id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    }
    st.thread_id
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(2);

/// `Thread.State` ordinals.
pub mod status {
    /// Not started.
    pub const NEW: i32 = 0;
    /// Running (or runnable).
    pub const RUNNABLE: i32 = 1;
    /// Blocked entering a monitor.
    pub const BLOCKED: i32 = 2;
    /// Waiting without a timeout.
    pub const WAITING: i32 = 3;
    /// Waiting with a timeout.
    pub const TIMED_WAITING: i32 = 4;
    /// Ended.
    pub const TERMINATED: i32 = 5;
}

/// The run-time record of one `java.lang.Thread`.
pub struct ThreadRec {
    /// The interrupt status (`Thread.isInterrupted`).
    pub interrupted: AtomicBool,
    /// A `status::*` value (`Thread.getState`).
    pub status: AtomicI32,
    /// Whether the thread counts as non-daemon (fixed at start).
    daemon: AtomicBool,
    /// The monitor this thread waits on in `Object.wait`, for interrupts.
    pub blocker: AtomicPtr<crate::monitor::Monitor>,
    /// The park permit; its mutex also guards sleeping and parking.
    permit: Mutex<bool>,
    wake: Condvar,
}

impl ThreadRec {
    fn new() -> &'static ThreadRec {
        Box::leak(Box::new(ThreadRec {
            interrupted: AtomicBool::new(false),
            status: AtomicI32::new(status::NEW),
            daemon: AtomicBool::new(false),
            blocker: AtomicPtr::new(std::ptr::null_mut()),
            permit: Mutex::new(false),
            wake: Condvar::new(),
        }))
    }

    /// The record at an address from `Thread.eetop` (0: none).
    pub fn from_addr(addr: i64) -> Option<&'static ThreadRec> {
        // SAFETY: `eetop` holds 0 or an address returned by `new_record` (leaked, never freed).
        unsafe { (addr as usize as *const ThreadRec).as_ref() }
    }

    fn lock(&self) -> MutexGuard<'_, bool> {
        self.permit.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Clears the interrupt flag, returning whether it was set.
    pub fn take_interrupt(&self) -> bool {
        self.interrupted.swap(false, Ordering::SeqCst)
    }
}

std::thread_local! {
    static CURRENT: std::cell::Cell<Option<&'static ThreadRec>> = const { std::cell::Cell::new(None) };
}

/// A new record (for a `Thread` under construction); its address for `eetop`.
pub fn new_record() -> i64 {
    ThreadRec::new() as *const ThreadRec as usize as i64
}

/// The calling thread's record (created on first use, e.g. for main).
pub fn current_rec() -> &'static ThreadRec {
    CURRENT.with(|c| match c.get() {
        Some(r) => r,
        None => {
            let r = ThreadRec::new();
            r.status.store(status::RUNNABLE, Ordering::SeqCst);
            c.set(Some(r));
            r
        }
    })
}

/// The record of a `java.lang.Thread` object (its `eetop` field).
pub fn rec_of(thread: Obj) -> Option<&'static ThreadRec> {
    static OFFSET: AtomicUsize = AtomicUsize::new(0);
    let mut off = OFFSET.load(Ordering::Relaxed);
    if off == 0 {
        off = crate::object::field_offset(thread.desc(), "eetop")?;
        OFFSET.store(off, Ordering::Relaxed);
    }
    ThreadRec::from_addr(thread.read::<i64>(off))
}

/// Sets the interrupt flag of `rec` and wakes it from sleep, park or `Object.wait`.
pub fn interrupt(rec: &ThreadRec) {
    rec.interrupted.store(true, Ordering::SeqCst);
    {
        let _g = rec.lock();
        rec.wake.notify_all();
    }
    let m = rec.blocker.load(Ordering::SeqCst);
    // SAFETY: fat monitors live in chunks that are never freed, so a stale pointer is still
    // valid (a recycled monitor's waiters only wake up spuriously and re-check).
    if let Some(m) = unsafe { m.as_ref() } {
        m.wake_waiters();
    }
}

/// Runs `f` with the thread's state set to `st`, restoring RUNNABLE afterwards. `f` runs
/// as a GC safe region (a blocking wait: it must not allocate or write reference fields).
pub fn with_status<R>(st: i32, f: impl FnOnce() -> R) -> R {
    let rec = current_rec();
    rec.status.store(st, Ordering::SeqCst);
    let r = crate::gc::safe_region(f);
    rec.status.store(status::RUNNABLE, Ordering::SeqCst);
    r
}

/// Sleeps until `deadline`; true (flag cleared) when interrupted first.
pub fn sleep(deadline: Instant) -> bool {
    let rec = current_rec();
    with_status(status::TIMED_WAITING, || {
        let mut g = rec.lock();
        loop {
            if rec.take_interrupt() {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            g = rec
                .wake
                .wait_timeout(g, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    })
}

/// `Unsafe.park`: waits for the permit, an interrupt or the deadline (None: forever).
pub fn park(deadline: Option<Instant>) {
    let rec = current_rec();
    let st = if deadline.is_some() {
        status::TIMED_WAITING
    } else {
        status::WAITING
    };
    with_status(st, || {
        let mut g = rec.lock();
        loop {
            if *g {
                *g = false;
                return;
            }
            if rec.interrupted.load(Ordering::SeqCst) {
                return;
            }
            g = match deadline {
                None => rec.wake.wait(g).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return;
                    }
                    rec.wake
                        .wait_timeout(g, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
            };
        }
    })
}

/// `Unsafe.unpark`: makes the permit available and wakes the thread.
pub fn unpark(rec: &ThreadRec) {
    let mut g = rec.lock();
    *g = true;
    rec.wake.notify_all();
}

/// Live non-daemon threads (main not counted), with the condition main waits on.
static NON_DAEMON: Mutex<usize> = Mutex::new(0);
static NON_DAEMON_DONE: Condvar = Condvar::new();

/// Default stack size of started threads (HotSpot's is 1 MiB; compiled frames are larger
/// than HotSpot's and the stack is only reserved, so roast uses its main-thread default).
const DEFAULT_STACK: usize = 8 << 20;

struct StartArgs {
    rec: &'static ThreadRec,
    thread: usize,
    id: usize,
    stack: usize,
}

/// Starts `thread` (with record `rec`) on a new OS thread running `RoastVM.runThread`.
/// False when the OS refuses.
pub fn start(rec: &'static ThreadRec, thread: Obj, daemon: bool, stack_size: i64) -> bool {
    let stack = if stack_size > 0 {
        (stack_size as usize).max(crate::start::STACK_RESERVE * 4)
    } else {
        DEFAULT_STACK
    };
    rec.daemon.store(daemon, Ordering::SeqCst);
    rec.status.store(status::RUNNABLE, Ordering::SeqCst);
    crate::gc::pin(thread.raw());
    starting().push(thread.raw() as usize);
    if !daemon {
        *NON_DAEMON.lock().unwrap_or_else(|e| e.into_inner()) += 1;
    }
    let args = StartArgs {
        rec,
        thread: thread.raw() as usize,
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        stack,
    };
    let spawned = std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || thread_main(args));
    if spawned.is_err() {
        forget_starting(thread.raw() as usize);
        rec.status.store(status::NEW, Ordering::SeqCst);
        if !daemon {
            *NON_DAEMON.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
        }
        return false;
    }
    true
}

fn thread_main(args: StartArgs) {
    extern "C" {
        #[link_name = "java/lang/RoastVM.runThread(Ljava/lang/Thread;)V"]
        fn run_thread(t: *mut u8);
    }
    crate::start::set_stack_limit(args.stack);
    let st = state();
    st.thread_id = args.id;
    st.java_thread = args.thread as *mut u8;
    CURRENT.with(|c| c.set(Some(args.rec)));
    crate::gc::attach_current_thread();
    forget_starting(args.thread);
    // SAFETY: compiled Java entry taking the Thread object; exceptions end in the pending slot.
    unsafe { run_thread(args.thread as *mut u8) };
    set_pending(None);
    state().java_thread = std::ptr::null_mut();
    crate::gc::detach_current_thread();
    // `Thread.exit` normally ended the thread already (`terminated`); this covers failures.
    terminated(args.rec);
}

/// `Thread` objects of threads being started (GC roots until the thread runs).
fn starting() -> MutexGuard<'static, Vec<usize>> {
    static STARTING: Mutex<Vec<usize>> = Mutex::new(Vec::new());
    STARTING.lock().unwrap_or_else(|e| e.into_inner())
}

fn forget_starting(thread: usize) {
    let mut s = starting();
    if let Some(i) = s.iter().position(|&t| t == thread) {
        s.swap_remove(i);
    }
}

/// Calls `f` with the root slots of threads being started (the world is stopped).
pub fn for_each_starting_root(f: &mut dyn FnMut(usize)) {
    for t in starting().iter() {
        f(t as *const usize as usize);
    }
}

/// Marks the thread of `rec` TERMINATED and releases its non-daemon count (once).
pub fn terminated(rec: &ThreadRec) {
    let old = rec.status.swap(status::TERMINATED, Ordering::SeqCst);
    if old == status::TERMINATED || old == status::NEW {
        return;
    }
    if !rec.daemon.load(Ordering::SeqCst) {
        let mut n = NON_DAEMON.lock().unwrap_or_else(|e| e.into_inner());
        *n -= 1;
        if *n == 0 {
            NON_DAEMON_DONE.notify_all();
        }
    }
}

/// Blocks until every non-daemon thread has ended (HotSpot's DestroyJavaVM).
pub fn wait_for_non_daemon_threads() {
    crate::gc::safe_region(|| {
        let mut n = NON_DAEMON.lock().unwrap_or_else(|e| e.into_inner());
        while *n > 0 {
            n = NON_DAEMON_DONE.wait(n).unwrap_or_else(|e| e.into_inner());
        }
    });
}

/// A deadline `d` from now, None when it overflows (treated as forever).
pub fn deadline_after(d: Duration) -> Option<Instant> {
    Instant::now().checked_add(d)
}
