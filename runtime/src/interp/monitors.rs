//! Monitors of `synchronized` interpreted methods (JVMS §2.11.10): entered before the first
//! instruction on the receiver (or the class mirror for static methods), exited on every
//! completion, normal or abrupt. They go through `roast_monitor_enter`/`roast_monitor_exit`,
//! the same lock-word protocol as compiled code's inline fast paths (`crate::monitor`).

use super::class::RtMethod;
use super::exec::{check, R};
use super::value::Value;
use crate::classfile::access;

/// The object a synchronized method locks (None for other methods).
pub fn lock_object(m: &RtMethod, locals: &[Value]) -> Option<*mut u8> {
    if m.access & access::SYNCHRONIZED == 0 {
        return None;
    }
    if m.is_static() {
        Some(crate::classes::roast_class_mirror(m.class().desc()))
    } else {
        match locals.first() {
            Some(Value::Ref(r)) => Some(*r as *mut u8),
            _ => None,
        }
    }
}

/// Enters the monitor of `lock`, if any.
pub fn enter(lock: Option<*mut u8>) -> R<()> {
    if let Some(o) = lock {
        crate::monitor::roast_monitor_enter(o);
        check()?;
    }
    Ok(())
}

/// Exits the monitor of `lock`, if any (keeping a pending exception).
pub fn exit(lock: Option<*mut u8>) {
    if let Some(o) = lock {
        let pending = crate::thread::take_pending();
        crate::monitor::roast_monitor_exit(o);
        if pending.is_some() {
            crate::thread::set_pending(pending);
        }
    }
}
