//! The few file-system natives `java.nio.file.Path` needs to build paths and URIs
//! (`sun.nio.fs.UnixNativeDispatcher`: init, getcwd, stat1, exists0) and the off-heap
//! memory natives of `Unsafe`, and `java.io.UnixFileSystem.initIDs` (for `File` constants) that `NativeBuffer` uses to pass paths to them.
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

/// java.io.UnixFileSystem.initIDs: no cached JNI ids to set up (`File` needs the class
/// initialized for `File.separatorChar`, which file: URLs use).
#[export_name = "java/io/UnixFileSystem.initIDs()V"]
pub extern "C" fn unix_fs_init_ids() {}

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

extern "C" {
    fn malloc(n: usize) -> *mut u8;
    fn free(p: *mut u8);
}

/// Unsafe.allocateMemory0: off-heap memory from the C allocator.
#[export_name = "jdk/internal/misc/Unsafe.allocateMemory0(J)J"]
pub extern "C" fn unsafe_allocate_memory0(_this: *mut u8, bytes: i64) -> i64 {
    // SAFETY: plain C allocation; the JDK checked that `bytes` is not negative.
    let p = unsafe { malloc(bytes.max(1) as usize) };
    if p.is_null() {
        crate::throw::out_of_memory();
    }
    p as i64
}

/// Unsafe.freeMemory0.
#[export_name = "jdk/internal/misc/Unsafe.freeMemory0(J)V"]
pub extern "C" fn unsafe_free_memory0(_this: *mut u8, address: i64) {
    // SAFETY: `address` came from allocateMemory0 (the JDK's contract).
    unsafe { free(address as *mut u8) }
}

/// Unsafe.copyMemory0: `bytes` bytes from (srcBase + srcOffset) to (destBase + destOffset);
/// a null base makes the offset an absolute address.
#[export_name = "jdk/internal/misc/Unsafe.copyMemory0(Ljava/lang/Object;JLjava/lang/Object;JJ)V"]
pub extern "C" fn unsafe_copy_memory0(
    _this: *mut u8,
    src: *mut u8,
    src_off: i64,
    dst: *mut u8,
    dst_off: i64,
    bytes: i64,
) {
    let s = src.wrapping_add(src_off as usize);
    let d = dst.wrapping_add(dst_off as usize);
    // SAFETY: the JDK checks the ranges (Unsafe.copyMemory's contract); they may overlap.
    unsafe { std::ptr::copy(s, d, bytes as usize) }
}

/// Unsafe.setMemory0: fills `bytes` bytes at (base + offset) with `value`.
#[export_name = "jdk/internal/misc/Unsafe.setMemory0(Ljava/lang/Object;JJB)V"]
pub extern "C" fn unsafe_set_memory0(
    _this: *mut u8,
    base: *mut u8,
    off: i64,
    bytes: i64,
    value: i8,
) {
    let p = base.wrapping_add(off as usize);
    // SAFETY: the JDK checks the range (Unsafe.setMemory's contract).
    unsafe { std::ptr::write_bytes(p, value as u8, bytes as usize) }
}
