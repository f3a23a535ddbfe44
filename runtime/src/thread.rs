//! Access to the calling thread's `ThreadState` (defined in C as the thread-local
//! `roast_thread`, read directly by compiled code).

use crate::contract::ThreadState;
use crate::object::Obj;

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
