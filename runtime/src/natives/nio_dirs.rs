//! `sun.nio.fs.UnixNativeDispatcher`, directory and `FILE` streams: opendir/fdopendir/
//! readdir/closedir for `UnixDirectoryStream` and `UnixSecureDirectoryStream` (hence
//! `Files.newDirectoryStream`, `list`, `walk`, `find`), and rewind/getlinelen on `FILE`
//! streams, as libnio does them.
//!
//! Invariants: a `DIR*`/`FILE*` travels through Java as a `long` and is only ever passed back
//! to these natives; `readdir` returns every entry, `.` and `..` included (the JDK's Java
//! code filters them), and null at the end of the directory.

use super::nio_sys::{byte_array, c_bytes, c_path, errno, set_errno};
use crate::throw;

#[export_name = "sun/nio/fs/UnixNativeDispatcher.opendir0(J)J"]
pub extern "C" fn unix_opendir(path: i64) -> i64 {
    // SAFETY: a NUL-terminated path buffer.
    let dir = unsafe { libc::opendir(c_path(path)) };
    if dir.is_null() {
        throw::unix_exception(errno());
    }
    dir as i64
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fdopendir(I)J"]
pub extern "C" fn unix_fdopendir(fd: i32) -> i64 {
    // SAFETY: no memory arguments; the stream takes the descriptor over.
    let dir = unsafe { libc::fdopendir(fd) };
    if dir.is_null() {
        throw::unix_exception(errno());
    }
    dir as i64
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.closedir(J)V"]
pub extern "C" fn unix_closedir(dir: i64) {
    // SAFETY: a DIR* from opendir0/fdopendir, closed once by the JDK's Java code.
    if unsafe { libc::closedir(dir as *mut libc::DIR) } == -1 {
        let e = errno();
        if e != libc::EINTR {
            throw::unix_exception(e);
        }
    }
}

/// UnixNativeDispatcher.readdir: the next entry's name, null at the end.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.readdir(J)[B"]
pub extern "C" fn unix_readdir(dir: i64) -> *mut u8 {
    set_errno(0);
    // SAFETY: a DIR* from opendir0/fdopendir, read by one thread at a time (the JDK's
    // directory iterators lock the stream).
    let entry = unsafe { libc::readdir(dir as *mut libc::DIR) };
    if entry.is_null() {
        let e = errno();
        if e != 0 {
            throw::unix_exception(e);
        }
        return std::ptr::null_mut();
    }
    // SAFETY: a dirent returned by readdir holds a NUL-terminated name.
    byte_array(c_bytes(unsafe { (*entry).d_name.as_ptr() }))
}

/// UnixNativeDispatcher.rewind: `rewind(FILE*)`, UnixException when the stream is in error.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.rewind(J)V"]
pub extern "C" fn unix_rewind(stream: i64) {
    let fp = stream as *mut libc::FILE;
    set_errno(0);
    // SAFETY: a FILE* the JDK got from these natives.
    unsafe { libc::rewind(fp) };
    let saved = errno();
    // SAFETY: as above.
    if unsafe { libc::ferror(fp) } != 0 {
        throw::unix_exception(saved);
    }
}

/// UnixNativeDispatcher.getlinelen: the length of the next line (-1 at end of file).
#[export_name = "sun/nio/fs/UnixNativeDispatcher.getlinelen(J)I"]
pub extern "C" fn unix_getlinelen(stream: i64) -> i32 {
    let fp = stream as *mut libc::FILE;
    let mut line: *mut libc::c_char = std::ptr::null_mut();
    let mut size: libc::size_t = 0;
    // SAFETY: getline allocates `line` with malloc; it is freed right after.
    let res = unsafe { libc::getline(&mut line, &mut size, fp) };
    let saved = errno();
    // SAFETY: freeing getline's buffer (free(NULL) is a no-op).
    unsafe { libc::free(line.cast()) };
    // SAFETY: a FILE* the JDK got from these natives.
    if unsafe { libc::feof(fp) } != 0 {
        return -1;
    }
    // SAFETY: as above.
    if unsafe { libc::ferror(fp) } != 0 && res == -1 {
        throw::unix_exception(saved);
        return -1;
    }
    if res > i32::MAX as isize {
        throw::unix_exception(libc::EOVERFLOW);
        return -1;
    }
    res as i32
}
