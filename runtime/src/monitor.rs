//! Java monitors (`synchronized`, `Object.wait/notify/notifyAll`, JVMS §2.11.10, §6.5
//! monitorenter/monitorexit) as fat monitors in a runtime table keyed by object address.
//!
//! Invariants:
//! - An object that is ever entered (`of`) is pinned by the collector, so its address
//!   identifies it while it lives. Monitors (leaked) are never removed: when an object dies,
//!   its monitor is idle (no owner: the owner's stack kept the object alive; no waiters,
//!   likewise), and a later object allocated at the same address reuses it, which is
//!   indistinguishable from a fresh monitor. The table grows with the number of distinct
//!   addresses ever locked. Next step: thin locks in the header's lock word inflating to
//!   monitors reachable from the header.
//! - `owner` is the owning thread's id (`thread::current_id`, never 0) or 0; only the owner
//!   changes `count`. Entering takes `owner` by CAS; a thread that must block registers in
//!   `blocked` before its last CAS under `lock`, and the exiting owner wakes one blocked
//!   thread under `lock`, so no wake-up is lost.
//! - Waiters hold a ticket in `waitset`; `notify` removes the oldest ticket, `notifyAll` all
//!   of them. A waiter releases the monitor and starts waiting without releasing `lock`, so a
//!   notification (which needs the monitor, then `lock`) cannot fall in between.

use crate::thread::{self, status};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Instant;

/// The fat monitor of one object.
pub struct Monitor {
    owner: AtomicUsize,
    count: AtomicU32,
    blocked: AtomicUsize,
    lock: Mutex<WaitSet>,
    entry: Condvar,
    waiting: Condvar,
}

#[derive(Default)]
struct WaitSet {
    tickets: VecDeque<u64>,
    next: u64,
}

impl Monitor {
    fn new() -> Monitor {
        Monitor {
            owner: AtomicUsize::new(0),
            count: AtomicU32::new(0),
            blocked: AtomicUsize::new(0),
            lock: Mutex::new(WaitSet::default()),
            entry: Condvar::new(),
            waiting: Condvar::new(),
        }
    }

    fn guard(&self) -> MutexGuard<'_, WaitSet> {
        self.lock.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn try_take(&self, me: usize) -> bool {
        self.owner
            .compare_exchange(0, me, Ordering::SeqCst, Ordering::Relaxed)
            .is_ok()
    }

    /// Enters the monitor (recursively when already owned).
    pub fn enter(&self, me: usize) {
        if self.owner.load(Ordering::Relaxed) == me {
            self.count.fetch_add(1, Ordering::Relaxed);
            return;
        }
        if !self.try_take(me) {
            thread::with_status(status::BLOCKED, || self.enter_slow(me));
        }
        self.count.store(1, Ordering::Relaxed);
    }

    fn enter_slow(&self, me: usize) {
        let mut g = self.guard();
        self.blocked.fetch_add(1, Ordering::SeqCst);
        while !self.try_take(me) {
            g = self.entry.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        self.blocked.fetch_sub(1, Ordering::SeqCst);
    }

    /// Exits once; false when `me` does not own the monitor.
    pub fn exit(&self, me: usize) -> bool {
        if self.owner.load(Ordering::Relaxed) != me {
            return false;
        }
        if self.count.fetch_sub(1, Ordering::Relaxed) > 1 {
            return true;
        }
        self.release();
        true
    }

    /// Gives up ownership completely and wakes one blocked thread.
    fn release(&self) {
        self.owner.store(0, Ordering::SeqCst);
        if self.blocked.load(Ordering::SeqCst) > 0 {
            let _g = self.guard();
            self.entry.notify_one();
        }
    }

    /// Does `me` own the monitor?
    pub fn owned_by(&self, me: usize) -> bool {
        self.owner.load(Ordering::Relaxed) == me
    }

    /// Wakes every waiter so that each re-checks its ticket and interrupt flag.
    pub fn wake_waiters(&self) {
        let _g = self.guard();
        self.waiting.notify_all();
    }

    /// `notify` (one waiter) or `notifyAll`; the caller owns the monitor.
    pub fn notify(&self, all: bool) {
        let mut g = self.guard();
        if all {
            g.tickets.clear();
        } else if g.tickets.pop_front().is_none() {
            return;
        }
        self.waiting.notify_all();
    }

    /// `Object.wait`: the caller owns the monitor. Returns true when interrupted (the flag
    /// is then cleared). `deadline` None waits until notified.
    pub fn wait(&'static self, me: usize, deadline: Option<Instant>) -> bool {
        let rec = thread::current_rec();
        if rec.take_interrupt() {
            return true;
        }
        let st = if deadline.is_some() {
            status::TIMED_WAITING
        } else {
            status::WAITING
        };
        let saved = self.count.load(Ordering::Relaxed);
        rec.blocker
            .store(self as *const Monitor as *mut Monitor, Ordering::SeqCst);
        let interrupted = thread::with_status(st, || {
            let mut g = self.guard();
            let ticket = g.next;
            g.next += 1;
            g.tickets.push_back(ticket);
            self.count.store(0, Ordering::Relaxed);
            self.owner.store(0, Ordering::SeqCst);
            if self.blocked.load(Ordering::SeqCst) > 0 {
                self.entry.notify_one();
            }
            let interrupted = loop {
                if rec.interrupted.load(Ordering::SeqCst) {
                    break true;
                }
                if !g.tickets.contains(&ticket) {
                    break false;
                }
                g = match deadline {
                    None => self.waiting.wait(g).unwrap_or_else(|e| e.into_inner()),
                    Some(d) => {
                        let now = Instant::now();
                        if now >= d {
                            break false;
                        }
                        self.waiting
                            .wait_timeout(g, d - now)
                            .unwrap_or_else(|e| e.into_inner())
                            .0
                    }
                };
            };
            g.tickets.retain(|&t| t != ticket);
            interrupted
        });
        rec.blocker.store(std::ptr::null_mut(), Ordering::SeqCst);
        if !self.try_take(me) {
            thread::with_status(status::BLOCKED, || self.enter_slow(me));
        }
        self.count.store(saved, Ordering::Relaxed);
        interrupted && rec.take_interrupt()
    }
}

const SHARDS: usize = 64;

type Shard = Mutex<HashMap<usize, &'static Monitor>>;

fn shards() -> &'static [Shard; SHARDS] {
    static TABLE: std::sync::OnceLock<[Shard; SHARDS]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|_| Mutex::new(HashMap::new())))
}

const CACHE: usize = 32;

std::thread_local! {
    /// Per-thread cache of recent (object address, monitor) pairs: valid forever (entered
    /// objects are pinned, and monitors are never removed).
    static RECENT: std::cell::Cell<[(usize, usize); CACHE]> = const { std::cell::Cell::new([(0, 0); CACHE]) };
}

/// The monitor of the object at `obj`, created on first use. The object is pinned: its
/// address stays its key.
pub fn of(obj: *mut u8) -> &'static Monitor {
    crate::gc::pin(obj);
    lookup(obj, true).expect("created on demand")
}

/// The monitor of `obj` if it was ever used.
pub fn existing(obj: *mut u8) -> Option<&'static Monitor> {
    lookup(obj, false)
}

fn lookup(obj: *mut u8, create: bool) -> Option<&'static Monitor> {
    let key = obj as usize;
    let slot = (key >> 3) % CACHE;
    let cached = RECENT.with(|c| c.get()[slot]);
    if cached.0 == key {
        // SAFETY: the cache holds only leaked monitors.
        return Some(unsafe { &*(cached.1 as *const Monitor) });
    }
    let shard = &shards()[(key >> 3) % SHARDS];
    let mut map = shard.lock().unwrap_or_else(|e| e.into_inner());
    let m: &'static Monitor = match map.get(&key) {
        Some(m) => m,
        None if create => map
            .entry(key)
            .or_insert(Box::leak(Box::new(Monitor::new()))),
        None => return None,
    };
    RECENT.with(|c| {
        let mut a = c.get();
        a[slot] = (key, m as *const Monitor as usize);
        c.set(a);
    });
    Some(m)
}

/// `roast_monitor_enter`.
#[no_mangle]
pub extern "C" fn roast_monitor_enter(obj: *mut u8) {
    of(obj).enter(thread::current_id());
}

/// `roast_monitor_exit`: IllegalMonitorStateException when not held.
#[no_mangle]
pub extern "C" fn roast_monitor_exit(obj: *mut u8) {
    let held = existing(obj).is_some_and(|m| m.exit(thread::current_id()));
    if !held {
        crate::throw::illegal_monitor_state();
    }
}

/// Does the current thread hold the monitor of `obj`?
pub fn holds(obj: *mut u8) -> bool {
    existing(obj).is_some_and(|m| m.owned_by(thread::current_id()))
}

/// The monitor of `obj` when the current thread owns it; else IllegalMonitorStateException.
pub fn owned(obj: *mut u8) -> Option<&'static Monitor> {
    let m = existing(obj).filter(|m| m.owned_by(thread::current_id()));
    if m.is_none() {
        crate::throw::illegal_monitor_state();
    }
    m
}
