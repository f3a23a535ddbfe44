//! Helpful NullPointerException messages (JEP 358) for NPEs the interpreter raises: the
//! compiler's own analysis (`aot/src/lower/npe_message.rs`, shared by `#[path]`, a pure
//! function of class file, method and pc) gives the sentence HotSpot prints, e.g.
//! `Cannot read field "value" because "<local1>.next" is null`.
//!
//! Invariant: only an NPE the interpreter itself raised at `pc` gets a message (the callers
//! are the instruction that failed, never a call that let a callee's NPE through), and only
//! when its detail message is still null.

// Not in the runtime's unit-test build: the shared file's own tests need the compiler.
#[cfg(not(test))]
#[allow(dead_code)]
#[path = "../../../aot/src/lower/npe_message.rs"]
mod npe_message;

use super::class::RtMethod;

/// Gives the pending exception, when it is a NullPointerException without a message raised
/// at `pc` of `m`, HotSpot's helpful message.
pub fn annotate(m: &RtMethod, pc: u32) {
    let Some(e) = crate::thread::pending() else {
        return;
    };
    use crate::object::DescExt;
    if e.desc().name() != "java/lang/NullPointerException" {
        return;
    }
    let Some(off) = crate::object::field_offset(e.desc(), "detailMessage") else {
        return;
    };
    if e.read_ref(off).is_some() {
        return;
    }
    let Some(text) = message(m, pc) else {
        return;
    };
    // Creating the string may allocate: keep the exception pending meanwhile.
    if let Some(s) = crate::strings::java_string(&text) {
        e.write_ref(off, Some(s));
    }
}

#[cfg(not(test))]
fn message(m: &RtMethod, pc: u32) -> Option<String> {
    let file = &m.class().file;
    let info = file
        .methods
        .iter()
        .find(|mi| mi.name == m.name && mi.descriptor == m.descriptor)?;
    npe_message::npe_message(file, info, pc)
}

#[cfg(test)]
fn message(_m: &RtMethod, _pc: u32) -> Option<String> {
    None
}
