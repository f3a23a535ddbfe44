//! The few file-system natives `java.nio.file.Path` needs to build paths and URIs
//! (`sun.nio.fs.UnixNativeDispatcher`: init, getcwd, stat1, exists0). The off-heap memory
//! natives of `Unsafe` that `NativeBuffer` uses to pass paths to them are in
//! `unsafe_offheap.rs`; `java.io.UnixFileSystem` in `fs.rs`.
//!
//! Invariants: path arguments are addresses of NUL-terminated native buffers (made by
//! `sun.nio.fs.NativeBuffers` with `Unsafe.allocateMemory`); natives that report failure
//! through a return value never raise exceptions. The rest of UnixNativeDispatcher (open,
//! read, directories, attributes beyond the mode) is not implemented yet: those calls
//! raise UnsatisfiedLinkError naming the native.

use std::ffi::CStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

fn path_at(addr: i64) -> Option<&'static std::path::Path> {
    if addr == 0 {
        return None;
    }
    // SAFETY: the JDK passes the address of a NUL-terminated buffer it allocated.
    let c = unsafe { CStr::from_ptr(addr as *const std::ffi::c_char) };
    Some(std::path::Path::new(std::ffi::OsStr::from_bytes(
        c.to_bytes(),
    )))
}

fn byte_array(bytes: &[u8]) -> *mut u8 {
    let Some(d) = crate::object::class_by_name("[B") else {
        return std::ptr::null_mut();
    };
    let Some(a) = crate::heap::alloc_array(d, bytes.len()) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the array holds `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), a.array_data(), bytes.len()) };
    a.raw()
}

/// UnixNativeDispatcher.init: no optional capabilities (openat, futimes, birth time).
#[export_name = "sun/nio/fs/UnixNativeDispatcher.init()I"]
pub extern "C" fn unix_init() -> i32 {
    0
}

/// UnixNativeDispatcher.getcwd: the working directory's bytes.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.getcwd()[B"]
pub extern "C" fn unix_getcwd() -> *mut u8 {
    match std::env::current_dir() {
        Ok(d) => byte_array(d.as_os_str().as_bytes()),
        Err(_) => {
            crate::throw::linkage(crate::contract::error_kind::UNSUPPORTED, "getcwd failed");
            std::ptr::null_mut()
        }
    }
}

/// UnixNativeDispatcher.stat1: the `st_mode` of a path, 0 when it cannot be read.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.stat1(J)I"]
pub extern "C" fn unix_stat1(path: i64) -> i32 {
    path_at(path)
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.mode() as i32)
}

/// UnixNativeDispatcher.exists0: does the path exist (following links)?
#[export_name = "sun/nio/fs/UnixNativeDispatcher.exists0(J)Z"]
pub extern "C" fn unix_exists0(path: i64) -> i32 {
    i32::from(path_at(path).is_some_and(|p| p.exists()))
}
