//! Natives of threads and monitors: the SDK `java.lang.Thread` shadow's natives,
//! `Object.wait/notify/notifyAll`, `Unsafe.park/unpark` (LockSupport).
//!
//! Thread records travel as the `long eetop` of the Thread object (see `thread::ThreadRec`).

use crate::monitor;
use crate::object::Obj;
use crate::thread::{self, ThreadRec};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Thread.currentThread0: the calling thread's Thread object (null until created).
#[export_name = "java/lang/Thread.currentThread0()Ljava/lang/Thread;"]
pub extern "C" fn thread_current_thread0() -> *mut u8 {
    thread::state().java_thread
}

/// Thread.setCurrentThread0
#[export_name = "java/lang/Thread.setCurrentThread0(Ljava/lang/Thread;)V"]
pub extern "C" fn thread_set_current_thread0(t: *mut u8) {
    thread::state().java_thread = t;
}

/// Thread.currentRecord0: the calling OS thread's record (for the main Thread object).
#[export_name = "java/lang/Thread.currentRecord0()J"]
pub extern "C" fn thread_current_record0() -> i64 {
    thread::current_rec() as *const ThreadRec as usize as i64
}

/// Thread.newRecord0: the record of a Thread under construction.
#[export_name = "java/lang/Thread.newRecord0()J"]
pub extern "C" fn thread_new_record0() -> i64 {
    thread::new_record()
}

/// Thread.start0: runs the thread on a new OS thread; false when that fails.
#[export_name = "java/lang/Thread.start0(JLjava/lang/Thread;ZJ)Z"]
pub extern "C" fn thread_start0(rec: i64, t: *mut u8, daemon: i32, stack: i64) -> i32 {
    match (ThreadRec::from_addr(rec), Obj::from_raw(t)) {
        (Some(r), Some(t)) => thread::start(r, t, daemon != 0, stack) as i32,
        _ => 0,
    }
}

/// Thread.sleep0: true (flag cleared) when interrupted.
#[export_name = "java/lang/Thread.sleep0(JI)Z"]
pub extern "C" fn thread_sleep0(millis: i64, nanos: i32) -> i32 {
    let d = Duration::from_millis(millis.max(0) as u64) + Duration::from_nanos(nanos as u64);
    match thread::deadline_after(d) {
        Some(deadline) => thread::sleep(deadline) as i32,
        None => thread::sleep(Instant::now() + Duration::from_secs(1 << 40)) as i32,
    }
}

/// Thread.interrupt0
#[export_name = "java/lang/Thread.interrupt0(J)V"]
pub extern "C" fn thread_interrupt0(rec: i64) {
    if let Some(r) = ThreadRec::from_addr(rec) {
        thread::interrupt(r);
    }
}

/// Thread.isInterrupted0: the flag, cleared when `clear`.
#[export_name = "java/lang/Thread.isInterrupted0(JZ)Z"]
pub extern "C" fn thread_is_interrupted0(rec: i64, clear: i32) -> i32 {
    let Some(r) = ThreadRec::from_addr(rec) else {
        return 0;
    };
    if clear != 0 {
        r.take_interrupt() as i32
    } else {
        r.interrupted.load(std::sync::atomic::Ordering::SeqCst) as i32
    }
}

/// Thread.status0: the `Thread.State` ordinal.
#[export_name = "java/lang/Thread.status0(J)I"]
pub extern "C" fn thread_status0(rec: i64) -> i32 {
    ThreadRec::from_addr(rec).map_or(thread::status::NEW, |r| {
        r.status.load(std::sync::atomic::Ordering::SeqCst)
    })
}

/// Thread.terminated0: the thread is ending (called under the Thread's monitor, before
/// `notifyAll` wakes joiners).
#[export_name = "java/lang/Thread.terminated0(J)V"]
pub extern "C" fn thread_terminated0(rec: i64) {
    if let Some(r) = ThreadRec::from_addr(rec) {
        thread::terminated(r);
    }
}

/// Thread.holdsLock0
#[export_name = "java/lang/Thread.holdsLock0(Ljava/lang/Object;)Z"]
pub extern "C" fn thread_holds_lock0(o: *mut u8) -> i32 {
    monitor::holds(o) as i32
}

/// Thread.yield
#[export_name = "java/lang/Thread.yield()V"]
pub extern "C" fn thread_yield() {
    std::thread::yield_now();
}

/// Thread.registerNatives
#[export_name = "java/lang/Thread.registerNatives()V"]
pub extern "C" fn thread_register_natives() {}

/// Object.notify: wakes one waiter; requires the monitor.
#[export_name = "java/lang/Object.notify()V"]
pub extern "C" fn object_notify(o: *mut u8) {
    monitor::notify(o, false);
}

/// Object.notifyAll: wakes every waiter; requires the monitor.
#[export_name = "java/lang/Object.notifyAll()V"]
pub extern "C" fn object_notify_all(o: *mut u8) {
    monitor::notify(o, true);
}

/// Object.wait(J): releases the monitor until notified, interrupted or timed out (0: no
/// timeout); InterruptedException when interrupted.
#[export_name = "java/lang/Object.wait(J)V"]
pub extern "C" fn object_wait(o: *mut u8, millis: i64) {
    if millis < 0 {
        return crate::throw::illegal_argument("timeout value is negative");
    }
    let Some(m) = monitor::owned(o) else { return };
    let deadline = if millis == 0 {
        None
    } else {
        thread::deadline_after(Duration::from_millis(millis as u64))
    };
    if m.wait(thread::current_id(), deadline) {
        crate::throw::interrupted(None);
    }
}

/// Unsafe.park: blocks until unparked, interrupted or the time passes (relative nanoseconds,
/// or an absolute deadline in epoch milliseconds); may return spuriously.
#[export_name = "jdk/internal/misc/Unsafe.park(ZJ)V"]
pub extern "C" fn unsafe_park(_this: *mut u8, absolute: i32, time: i64) {
    let deadline = if absolute != 0 {
        let now_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        if time <= now_ms {
            return;
        }
        thread::deadline_after(Duration::from_millis((time - now_ms) as u64))
    } else if time < 0 {
        return;
    } else if time == 0 {
        None
    } else {
        thread::deadline_after(Duration::from_nanos(time as u64))
    };
    thread::park(deadline);
}

/// Unsafe.unpark: makes the thread's permit available.
#[export_name = "jdk/internal/misc/Unsafe.unpark(Ljava/lang/Object;)V"]
pub extern "C" fn unsafe_unpark(_this: *mut u8, t: *mut u8) {
    if let Some(r) = Obj::from_raw(t).and_then(thread::rec_of) {
        thread::unpark(r);
    }
}
