//! Data transfer natives of `sun.nio.fs`: `UnixNativeDispatcher.read`/`write` on native
//! buffers and `UnixCopyFile.transfer` (the data part of `Files.copy` and of `Files.move`
//! across file systems), which libnio does inside the kernel with `sendfile` on Linux.
//!
//! Invariant: every call here may block and runs as a GC safe region; buffers are native
//! (`NativeBuffer`) memory, never the Java heap.

use super::nio_sys::{retry_blocking, unix};
use crate::throw;

#[export_name = "sun/nio/fs/UnixNativeDispatcher.read(IJI)I"]
pub extern "C" fn unix_read(fd: i32, address: i64, nbytes: i32) -> i32 {
    // SAFETY: a native buffer of `nbytes` bytes.
    let r = retry_blocking(|| unsafe {
        libc::read(fd, address as *mut libc::c_void, nbytes as usize) as i64
    });
    unix(r, -1) as i32
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.write(IJI)I"]
pub extern "C" fn unix_write(fd: i32, address: i64, nbytes: i32) -> i32 {
    // SAFETY: a native buffer of `nbytes` bytes.
    let r = retry_blocking(|| unsafe {
        libc::write(fd, address as *const libc::c_void, nbytes as usize) as i64
    });
    unix(r, -1) as i32
}

/// Bytes per `sendfile` call when the copy can be cancelled (libnio's value), else the
/// largest count Linux accepts.
const CANCELLABLE_CHUNK: usize = 1 << 20;
const WHOLE_CHUNK: usize = 0x7fff_f000;

/// UnixCopyFile.transfer(dst, src, cancel): copies the rest of `src` to `dst`; `cancel` is
/// the address of an int that becomes non-zero when the copy is cancelled (0: none).
#[export_name = "sun/nio/fs/UnixCopyFile.transfer(IIJ)V"]
pub extern "C" fn unix_copy_transfer(dst: i32, src: i32, cancel: i64) {
    let chunk = if cancel != 0 {
        CANCELLABLE_CHUNK
    } else {
        WHOLE_CHUNK
    };
    loop {
        // SAFETY: both descriptors are open; sendfile reads from the current offset.
        let sent = retry_blocking(|| unsafe {
            libc::sendfile(dst, src, std::ptr::null_mut(), chunk) as i64
        });
        let sent = match sent {
            Ok(n) => n,
            Err(e) => return throw::unix_exception(e),
        };
        // SAFETY: `cancel` is the address of an int the JDK allocated for this copy.
        if cancel != 0 && unsafe { std::ptr::read_volatile(cancel as *const i32) } != 0 {
            return throw::unix_exception(libc::ECANCELED);
        }
        if sent == 0 {
            return;
        }
    }
}
