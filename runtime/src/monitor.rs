//! Java monitors (`synchronized`, `Object.wait/notify/notifyAll`, JVMS §2.11.10, §6.5
//! monitorenter/monitorexit) and identity hash codes, both kept in the header's lock word
//! (encoding in `contract::lock_word`): thin locks that inflate to fat monitors.
//!
//! Protocol (every change of a lock word is a compare-and-swap):
//! - Unlocked (`0`) → thin(self, 1) takes the lock (acquire); the owner alone adds and
//!   removes recursion levels of its thin lock, and thin(self, 1) → `0` releases it (release).
//!   Compiled code inlines exactly these transitions (`aot/src/lower/monitor.rs`) and calls
//!   [`roast_monitor_enter`]/[`roast_monitor_exit`] for everything else; the interpreter
//!   calls those functions.
//! - Inflation replaces a word by the number of a fat [`Monitor`] that carries the word's
//!   state over (thin owner and count, or hash). Any thread may inflate: a contender after a
//!   short spin, the owner on recursion overflow or `wait`/`notify`, a hasher of a thin-locked
//!   object, a locker of a hashed object, a thread whose id is too large for a thin lock. The
//!   CAS publishing the monitor fails if the word changed meanwhile (e.g. the owner released
//!   its thin lock), and the monitor goes back to the free list. An inflated word never
//!   changes again while its object lives, so the hash stays stable.
//! - The identity hash goes into an unlocked word (`HASHED`) or into the fat monitor.
//! - Fat monitors live in chunks that are never freed (a `&'static Monitor` stays valid); the
//!   collector ([`sweep`], during weak-reference processing, world stopped) updates the
//!   address of each monitor's object when it moved and recycles the monitors of dead
//!   objects when idle. Objects are therefore never pinned for locking.
//! - In a fat monitor, `owner` is the owning thread's id (`thread::current_id`, never 0) or
//!   0; only the owner changes `count`. Entering takes `owner` by CAS; a thread that must
//!   block registers in `blocked` before its last CAS under `lock`, and the exiting owner
//!   wakes one blocked thread under `lock`, so no wake-up is lost.
//! - Waiters hold a ticket in `waitset`; `notify` removes the oldest ticket, `notifyAll` all
//!   of them. A waiter releases the monitor and starts waiting without releasing `lock`, so a
//!   notification (which needs the monitor, then `lock`) cannot fall in between.

use crate::contract::lock_word::{
    self as lw, COUNT_MASK, COUNT_ONE, COUNT_SHIFT, HASHED, MAX_THIN_COUNT, MAX_THIN_OWNER,
    MONITOR_SHIFT, OWNER_SHIFT,
};
use crate::contract::LOCK_WORD_OFFSET;
use crate::thread::{self, status};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Instant;

/// The fat monitor of one object.
pub struct Monitor {
    owner: AtomicUsize,
    count: AtomicU32,
    blocked: AtomicUsize,
    /// The object's identity hash (0: none yet).
    hash: AtomicU32,
    /// The address of the object whose lock word names this monitor (0: free).
    object: AtomicUsize,
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
            hash: AtomicU32::new(0),
            object: AtomicUsize::new(0),
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

    /// No owner, no thread blocked or waiting: nobody can be using it.
    fn is_idle(&self) -> bool {
        self.owner.load(Ordering::SeqCst) == 0
            && self.blocked.load(Ordering::SeqCst) == 0
            && self.guard().tickets.is_empty()
    }

    /// Takes over the state of lock word `w` for the object at `obj` (before publishing).
    fn adopt(&self, obj: usize, w: u32) {
        let (owner, count, hash) = if lw::is_thin(w) {
            (
                (w >> OWNER_SHIFT) as usize,
                (w & COUNT_MASK) >> COUNT_SHIFT,
                0,
            )
        } else if w & HASHED != 0 {
            (0, 0, w >> 1)
        } else {
            (0, 0, 0)
        };
        self.owner.store(owner, Ordering::Relaxed);
        self.count.store(count, Ordering::Relaxed);
        self.hash.store(hash, Ordering::Relaxed);
        self.object.store(obj, Ordering::Relaxed);
    }
}

/// Monitors per chunk (a chunk is allocated whole and never freed).
const CHUNK_BITS: u32 = 12;
const CHUNK: usize = 1 << CHUNK_BITS;
/// Monitor numbers are the 30 bits above the tag of an inflated word.
const MAX_CHUNKS: usize = 1 << (32 - MONITOR_SHIFT - CHUNK_BITS);

/// Chunk `i` holds monitors `i * CHUNK ..`; null until first needed.
static CHUNKS: [AtomicPtr<Monitor>; MAX_CHUNKS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; MAX_CHUNKS];

/// Monitor numbers handed out: the next never-used one (0 is never used: an inflated word is
/// non-zero) and the recycled ones.
struct Numbers {
    next: u32,
    free: Vec<u32>,
}

static NUMBERS: Mutex<Numbers> = Mutex::new(Numbers {
    next: 1,
    free: Vec::new(),
});

fn numbers() -> MutexGuard<'static, Numbers> {
    NUMBERS.lock().unwrap_or_else(|e| e.into_inner())
}

/// The monitor with number `n` (from an inflated word or `allocate`).
fn monitor(n: u32) -> &'static Monitor {
    let chunk = CHUNKS[(n >> CHUNK_BITS) as usize].load(Ordering::Acquire);
    assert!(
        !chunk.is_null(),
        "lock word names monitor {n}, never allocated"
    );
    // SAFETY: a chunk is a leaked array of CHUNK monitors, published before any of its
    // numbers is handed out; the index is below CHUNK.
    unsafe { &*chunk.add(n as usize & (CHUNK - 1)) }
}

/// A free monitor and its number (reset: no owner, hash or waiters).
fn allocate() -> (u32, &'static Monitor) {
    let mut nums = numbers();
    if let Some(n) = nums.free.pop() {
        return (n, monitor(n));
    }
    let n = nums.next;
    let chunk = (n >> CHUNK_BITS) as usize;
    if chunk >= MAX_CHUNKS {
        panic!("roast: too many inflated monitors (2^30 in use)");
    }
    if CHUNKS[chunk].load(Ordering::Acquire).is_null() {
        let monitors: Box<[Monitor]> = (0..CHUNK).map(|_| Monitor::new()).collect();
        CHUNKS[chunk].store(Box::leak(monitors).as_mut_ptr(), Ordering::Release);
    }
    nums.next = n + 1;
    (n, monitor(n))
}

/// Returns an unpublished or dead object's monitor to the free list.
fn recycle(nums: &mut Numbers, n: u32) {
    let m = monitor(n);
    m.owner.store(0, Ordering::Relaxed);
    m.count.store(0, Ordering::Relaxed);
    m.hash.store(0, Ordering::Relaxed);
    m.object.store(0, Ordering::Relaxed);
    nums.free.push(n);
}

/// The lock word of the object at `obj`.
fn word(obj: *mut u8) -> &'static AtomicU32 {
    // SAFETY: every object starts with an 8-byte header; the lock word is its naturally
    // aligned second half, accessed only atomically. While a thread uses it, the object is
    // reachable from that thread's stack (so neither freed nor moved).
    unsafe { &*(obj.add(LOCK_WORD_OFFSET as usize) as *const AtomicU32) }
}

/// The monitor named by inflated word `w`.
fn inflated(w: u32) -> &'static Monitor {
    monitor(w >> MONITOR_SHIFT)
}

/// Replaces lock word `w` of `obj` by a fat monitor carrying its state; None when the word
/// changed meanwhile (the caller re-reads it).
fn inflate(obj: *mut u8, w: u32) -> Option<&'static Monitor> {
    let (n, m) = allocate();
    m.adopt(obj as usize, w);
    match word(obj).compare_exchange(w, n << MONITOR_SHIFT, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => Some(m),
        Err(_) => {
            recycle(&mut numbers(), n);
            None
        }
    }
}

/// The fat monitor of `obj`, inflating its lock word if needed.
fn fat(obj: *mut u8) -> &'static Monitor {
    loop {
        let w = word(obj).load(Ordering::Acquire);
        if lw::is_inflated(w) {
            return inflated(w);
        }
        if let Some(m) = inflate(obj, w) {
            return m;
        }
    }
}

/// The calling thread's thin-lock owner id, None when its id does not fit in a thin lock.
fn thin_id(me: usize) -> Option<u32> {
    (me <= MAX_THIN_OWNER as usize).then_some(me as u32)
}

/// Busy retries of a contended thin lock before inflating it.
const SPINS: u32 = 64;

/// `roast_monitor_enter`: any lock word state (the slow path of compiled code's fast path).
#[no_mangle]
pub extern "C" fn roast_monitor_enter(obj: *mut u8) {
    let me = thread::current_id();
    let a = word(obj);
    let mut spins = 0;
    loop {
        let w = a.load(Ordering::Acquire);
        if lw::is_inflated(w) {
            return inflated(w).enter(me);
        }
        if w == 0 {
            if let Some(id) = thin_id(me) {
                if a.compare_exchange(0, lw::thin(id, 1), Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
                {
                    return;
                }
                continue;
            }
        } else if lw::is_thin(w) {
            if w >> OWNER_SHIFT == me as u32 && thin_id(me).is_some() {
                if (w & COUNT_MASK) >> COUNT_SHIFT < MAX_THIN_COUNT {
                    if a.compare_exchange(w, w + COUNT_ONE, Ordering::Relaxed, Ordering::Relaxed)
                        .is_ok()
                    {
                        return;
                    }
                    continue;
                }
            } else if spins < SPINS {
                spins += 1;
                if spins % 16 == 0 {
                    std::thread::yield_now();
                } else {
                    std::hint::spin_loop();
                }
                continue;
            }
        }
        // Hashed, recursion overflow, contention, or an id too large for thin locks.
        if let Some(m) = inflate(obj, w) {
            return m.enter(me);
        }
    }
}

/// `roast_monitor_exit`: IllegalMonitorStateException when not held.
#[no_mangle]
pub extern "C" fn roast_monitor_exit(obj: *mut u8) {
    let me = thread::current_id();
    let a = word(obj);
    loop {
        let w = a.load(Ordering::Relaxed);
        if lw::is_inflated(w) {
            if !inflated(w).exit(me) {
                crate::throw::illegal_monitor_state();
            }
            return;
        }
        if !lw::is_thin(w) || w >> OWNER_SHIFT != me as u32 || thin_id(me).is_none() {
            return crate::throw::illegal_monitor_state();
        }
        let new = if (w & COUNT_MASK) == COUNT_ONE {
            0
        } else {
            w - COUNT_ONE
        };
        if a.compare_exchange(w, new, Ordering::Release, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
    }
}

/// Does the current thread hold the monitor of `obj`?
pub fn holds(obj: *mut u8) -> bool {
    let me = thread::current_id();
    let w = word(obj).load(Ordering::Acquire);
    if lw::is_inflated(w) {
        inflated(w).owned_by(me)
    } else {
        lw::is_thin(w) && w >> OWNER_SHIFT == me as u32 && thin_id(me).is_some()
    }
}

/// The fat monitor of `obj` (inflated now if needed) when the current thread owns it; else
/// IllegalMonitorStateException and None.
pub fn owned(obj: *mut u8) -> Option<&'static Monitor> {
    if !holds(obj) {
        crate::throw::illegal_monitor_state();
        return None;
    }
    Some(fat(obj))
}

/// `notify`/`notifyAll` on `obj`: IllegalMonitorStateException unless held. A thin lock has
/// no waiters (waiting inflates), so it stays thin.
pub fn notify(obj: *mut u8, all: bool) {
    if !holds(obj) {
        return crate::throw::illegal_monitor_state();
    }
    let w = word(obj).load(Ordering::Acquire);
    if lw::is_inflated(w) {
        inflated(w).notify(all);
    }
}

/// The identity hash of the object at `obj` (31 bits, non-zero), chosen on first use.
pub fn identity_hash(obj: *mut u8) -> i32 {
    let a = word(obj);
    loop {
        let w = a.load(Ordering::Acquire);
        if w & HASHED != 0 {
            return (w >> 1) as i32;
        }
        if w == 0 {
            let h = new_hash();
            if a.compare_exchange(0, (h << 1) | HASHED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                return h as i32;
            }
            continue;
        }
        // Thin-locked (the hash moves into a fat monitor) or inflated.
        let m = fat(obj);
        let h = m.hash.load(Ordering::Acquire);
        if h != 0 {
            return h as i32;
        }
        let h = new_hash();
        return match m
            .hash
            .compare_exchange(0, h, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => h as i32,
            Err(existing) => existing as i32,
        };
    }
}

/// A fresh pseudo-random 31-bit non-zero hash (xorshift).
fn new_hash() -> u32 {
    static SEED: AtomicU32 = AtomicU32::new(0x2545_f491);
    let mut x = SEED.load(Ordering::Relaxed);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    SEED.store(x, Ordering::Relaxed);
    (x & 0x7fff_ffff).max(1)
}

/// After a collection's strong closure (world stopped): each fat monitor learns its
/// object's new address (`surviving` gives it, None when the object died); monitors of dead
/// objects that are idle go back to the free list.
pub fn sweep(surviving: &dyn Fn(usize) -> Option<usize>) {
    let mut nums = numbers();
    for n in 1..nums.next {
        let m = monitor(n);
        let obj = m.object.load(Ordering::Relaxed);
        if obj == 0 {
            continue;
        }
        match surviving(obj) {
            Some(new) => m.object.store(new, Ordering::Relaxed),
            None if m.is_idle() => recycle(&mut nums, n),
            None => {}
        }
    }
}

/// Number of fat monitors in use (for tests and diagnostics).
pub fn inflated_count() -> usize {
    let nums = numbers();
    (1..nums.next)
        .filter(|&n| monitor(n).object.load(Ordering::Relaxed) != 0)
        .count()
}
