//! System-call plumbing shared by the `java.nio` natives (`nio_fs.rs`, `nio_attrs.rs`,
//! `nio_dirs.rs`, `nio_ch.rs`): `errno`, HotSpot's `RESTARTABLE` retry on EINTR, blocking
//! calls as GC safe regions, native path buffers, byte arrays and the `UnixException`
//! convention of libnio (`Result<T, errno>` turned into a pending exception).
//!
//! Invariants: a call that may block (reads, writes, opens of FIFOs, locks, copies) runs in
//! a GC safe region, which never allocates or touches the heap; `errno` is read inside the
//! same region, right after the call. Exceptions are raised only after the region ends.

use std::ffi::{c_char, CStr};

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Sets the calling thread's `errno` (libnio clears it before `readdir` & co.).
pub fn set_errno(value: i32) {
    // SAFETY: __errno_location returns the calling thread's errno slot.
    unsafe { *libc::__errno_location() = value };
}

/// HotSpot's `RESTARTABLE`: runs `call` until it does not fail with EINTR; the result, or
/// the `errno` of the failure (`-1`).
pub fn retry(mut call: impl FnMut() -> i64) -> Result<i64, i32> {
    loop {
        let r = call();
        if r != -1 {
            return Ok(r);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

/// [`retry`] as a GC safe region, for calls that may block.
pub fn retry_blocking(call: impl FnMut() -> i64) -> Result<i64, i32> {
    crate::gc::safe_region(|| retry(call))
}

/// One call as a GC safe region (no retry): its result and the `errno` it left (0 when it
/// succeeded).
pub fn blocking_once(call: impl FnOnce() -> i64) -> (i64, i32) {
    crate::gc::safe_region(|| {
        set_errno(0);
        let r = call();
        (r, if r < 0 { errno() } else { 0 })
    })
}

/// Raises `UnixException(errno)` for a failed call, like libnio's `throwUnixException`;
/// the value of a successful one. Failures yield `failed`.
pub fn unix<T>(r: Result<T, i32>, failed: T) -> T {
    r.unwrap_or_else(|e| {
        crate::throw::unix_exception(e);
        failed
    })
}

/// The NUL-terminated path at `addr` (a `NativeBuffer` the JDK filled).
pub fn c_path(addr: i64) -> *const c_char {
    addr as *const c_char
}

/// The bytes of the NUL-terminated string at `p`.
pub fn c_bytes<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: callers pass NUL-terminated strings from libc or the JDK's native buffers.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// A new `byte[]` holding `bytes` (null with OutOfMemoryError pending when the heap is
/// full). The descriptor is looked up once (directory walks make one array per entry).
pub fn byte_array(bytes: &[u8]) -> *mut u8 {
    // The descriptor's address (0: not compiled in); descriptors are static.
    static BYTE_ARRAY: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let addr = *BYTE_ARRAY
        .get_or_init(|| crate::object::class_by_name("[B").map_or(0, |d| d as *const _ as usize));
    // SAFETY: 0 or the address of a static class descriptor.
    let Some(d) = (unsafe { (addr as *const crate::contract::ClassDesc).as_ref() }) else {
        crate::throw::internal_error(Some("roast: byte[] is not compiled in"));
        return std::ptr::null_mut();
    };
    let Some(a) = crate::heap::alloc_array(d, bytes.len()) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the new array holds `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), a.array_data(), bytes.len()) };
    a.raw()
}
