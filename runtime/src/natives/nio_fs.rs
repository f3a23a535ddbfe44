//! `sun.nio.fs.UnixNativeDispatcher`, path and descriptor operations: what the JDK's
//! `UnixFileSystemProvider` (and `UnixPath`, `UnixCopyFile`, `UnixSecureDirectoryStream`,
//! the attribute views) asks the OS, as HotSpot's libnio (`UnixNativeDispatcher.c`) does it
//! on Linux: open/openat/close/dup, link/unlink/mknod/rename/mkdir/rmdir/symlink/readlink/
//! realpath, access/exists, ownership, permissions and times, `strerror`, `getcwd` and the
//! capabilities `init` reports. Attributes (`stat` & co.) are in `nio_attrs.rs`, directory
//! streams in `nio_dirs.rs`.
//!
//! Invariants: path arguments are addresses of NUL-terminated native buffers (made by
//! `sun.nio.fs.NativeBuffers`); a failed call raises `UnixException(errno)` — the JDK's Java
//! code maps it to NoSuchFileException, FileAlreadyExistsException, AccessDeniedException,
//! DirectoryNotEmptyException... with HotSpot's messages; natives that report failure
//! through their value (`stat1`, `exists0`) never raise.

use super::nio_sys::{blocking_once, byte_array, c_bytes, c_path, errno, retry, unix};

// `UnixNativeDispatcher` capabilities, as libnio reports them on Linux (no birth time).
const SUPPORTS_OPENAT: i32 = 1 << 1;
const SUPPORTS_FUTIMES: i32 = 1 << 2;
const SUPPORTS_FUTIMENS: i32 = 1 << 3;
const SUPPORTS_LUTIMES: i32 = 1 << 4;
const SUPPORTS_XATTR: i32 = 1 << 5;

/// UnixNativeDispatcher.init: the capabilities (openat & co., futimes, futimens, lutimes,
/// extended attributes).
#[export_name = "sun/nio/fs/UnixNativeDispatcher.init()I"]
pub extern "C" fn unix_init() -> i32 {
    SUPPORTS_OPENAT | SUPPORTS_FUTIMES | SUPPORTS_FUTIMENS | SUPPORTS_LUTIMES | SUPPORTS_XATTR
}

/// UnixNativeDispatcher.getcwd: the working directory's bytes.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.getcwd()[B"]
pub extern "C" fn unix_getcwd() -> *mut u8 {
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: getcwd writes at most `buf.len()` bytes, NUL included.
    let p = unsafe { libc::getcwd(buf.as_mut_ptr().cast(), buf.len()) };
    if p.is_null() {
        crate::throw::unix_exception(errno());
        return std::ptr::null_mut();
    }
    byte_array(c_bytes(p))
}

/// UnixNativeDispatcher.strerror: glibc's message for an error number.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.strerror(I)[B"]
pub extern "C" fn unix_strerror(error: i32) -> *mut u8 {
    byte_array(super::fs::error_text(error).as_bytes())
}

/// UnixNativeDispatcher.dup.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.dup(I)I"]
pub extern "C" fn unix_dup(fd: i32) -> i32 {
    // SAFETY: dup has no memory arguments.
    unix(retry(|| unsafe { libc::dup(fd) } as i64), -1) as i32
}

/// UnixNativeDispatcher.open0: `open(path, flags, mode)`, a GC safe region (opening a FIFO
/// blocks until the other end opens).
#[export_name = "sun/nio/fs/UnixNativeDispatcher.open0(JII)I"]
pub extern "C" fn unix_open(path: i64, flags: i32, mode: i32) -> i32 {
    let r = super::nio_sys::retry_blocking(|| {
        // SAFETY: a NUL-terminated path buffer.
        unsafe { libc::open(c_path(path), flags, mode as libc::c_uint) as i64 }
    });
    unix(r, -1) as i32
}

/// UnixNativeDispatcher.openat0: `openat(dfd, path, flags, mode)`.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.openat0(IJII)I"]
pub extern "C" fn unix_openat(dfd: i32, path: i64, flags: i32, mode: i32) -> i32 {
    let r = super::nio_sys::retry_blocking(|| {
        // SAFETY: a NUL-terminated path buffer.
        unsafe { libc::openat(dfd, c_path(path), flags, mode as libc::c_uint) as i64 }
    });
    unix(r, -1) as i32
}

/// UnixNativeDispatcher.close0: `close(fd)`; EINTR is not an error (the descriptor is gone).
#[export_name = "sun/nio/fs/UnixNativeDispatcher.close0(I)V"]
pub extern "C" fn unix_close(fd: i32) {
    let (r, e) = blocking_once(|| {
        // SAFETY: closing a descriptor the JDK owns.
        unsafe { libc::close(fd) as i64 }
    });
    if r == -1 && e != libc::EINTR {
        crate::throw::unix_exception(e);
    }
}

/// A path operation returning 0 or -1, with `UnixException` on failure.
fn path_op(call: impl FnMut() -> libc::c_int) {
    let mut call = call;
    unix(retry(|| call() as i64).map(|_| ()), ());
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.link0(JJ)V"]
pub extern "C" fn unix_link(existing: i64, new: i64) {
    // SAFETY: NUL-terminated path buffers.
    path_op(|| unsafe { libc::link(c_path(existing), c_path(new)) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.unlink0(J)V"]
pub extern "C" fn unix_unlink(path: i64) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::unlink(c_path(path)) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.unlinkat0(IJI)V"]
pub extern "C" fn unix_unlinkat(dfd: i32, path: i64, flags: i32) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::unlinkat(dfd, c_path(path), flags) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.mknod0(JIJ)V"]
pub extern "C" fn unix_mknod(path: i64, mode: i32, dev: i64) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::mknod(c_path(path), mode as libc::mode_t, dev as libc::dev_t) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.rename0(JJ)V"]
pub extern "C" fn unix_rename(from: i64, to: i64) {
    // SAFETY: NUL-terminated path buffers.
    path_op(|| unsafe { libc::rename(c_path(from), c_path(to)) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.renameat0(IJIJ)V"]
pub extern "C" fn unix_renameat(from_dfd: i32, from: i64, to_dfd: i32, to: i64) {
    // SAFETY: NUL-terminated path buffers.
    path_op(|| unsafe { libc::renameat(from_dfd, c_path(from), to_dfd, c_path(to)) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.mkdir0(JI)V"]
pub extern "C" fn unix_mkdir(path: i64, mode: i32) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::mkdir(c_path(path), mode as libc::mode_t) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.rmdir0(J)V"]
pub extern "C" fn unix_rmdir(path: i64) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::rmdir(c_path(path)) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.symlink0(JJ)V"]
pub extern "C" fn unix_symlink(target: i64, link: i64) {
    // SAFETY: NUL-terminated path buffers.
    path_op(|| unsafe { libc::symlink(c_path(target), c_path(link)) });
}

/// UnixNativeDispatcher.readlink0: the link's target (truncated to PATH_MAX bytes, as
/// libnio does).
#[export_name = "sun/nio/fs/UnixNativeDispatcher.readlink0(J)[B"]
pub extern "C" fn unix_readlink(path: i64) -> *mut u8 {
    let mut target = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: readlink writes at most `target.len()` bytes.
    let n = unsafe { libc::readlink(c_path(path), target.as_mut_ptr().cast(), target.len()) };
    if n == -1 {
        crate::throw::unix_exception(errno());
        return std::ptr::null_mut();
    }
    let n = (n as usize).min(target.len() - 1);
    byte_array(&target[..n])
}

/// UnixNativeDispatcher.realpath0: the canonical path.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.realpath0(J)[B"]
pub extern "C" fn unix_realpath(path: i64) -> *mut u8 {
    let mut resolved = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: realpath writes at most PATH_MAX bytes plus the NUL.
    let p = unsafe { libc::realpath(c_path(path), resolved.as_mut_ptr().cast()) };
    if p.is_null() {
        crate::throw::unix_exception(errno());
        return std::ptr::null_mut();
    }
    byte_array(c_bytes(p))
}

/// UnixNativeDispatcher.access0: `access(path, mode)`, UnixException when denied.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.access0(JI)V"]
pub extern "C" fn unix_access(path: i64, mode: i32) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::access(c_path(path), mode) });
}

/// UnixNativeDispatcher.exists0: `access(path, F_OK) == 0`.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.exists0(J)Z"]
pub extern "C" fn unix_exists0(path: i64) -> i32 {
    // SAFETY: a NUL-terminated path buffer.
    i32::from(retry(|| unsafe { libc::access(c_path(path), libc::F_OK) } as i64).is_ok())
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.chown0(JII)V"]
pub extern "C" fn unix_chown(path: i64, uid: i32, gid: i32) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::chown(c_path(path), uid as libc::uid_t, gid as libc::gid_t) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.lchown0(JII)V"]
pub extern "C" fn unix_lchown(path: i64, uid: i32, gid: i32) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::lchown(c_path(path), uid as libc::uid_t, gid as libc::gid_t) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fchown(III)V"]
pub extern "C" fn unix_fchown(fd: i32, uid: i32, gid: i32) {
    // SAFETY: no memory arguments.
    path_op(|| unsafe { libc::fchown(fd, uid as libc::uid_t, gid as libc::gid_t) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.chmod0(JI)V"]
pub extern "C" fn unix_chmod(path: i64, mode: i32) {
    // SAFETY: a NUL-terminated path buffer.
    path_op(|| unsafe { libc::chmod(c_path(path), mode as libc::mode_t) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fchmod(II)V"]
pub extern "C" fn unix_fchmod(fd: i32, mode: i32) {
    // SAFETY: no memory arguments.
    path_op(|| unsafe { libc::fchmod(fd, mode as libc::mode_t) });
}

/// Two `timeval`s from times in microseconds (libnio's conversion).
fn timevals(access_us: i64, modification_us: i64) -> [libc::timeval; 2] {
    let tv = |us: i64| libc::timeval {
        tv_sec: us / 1_000_000,
        tv_usec: us % 1_000_000,
    };
    [tv(access_us), tv(modification_us)]
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.utimes0(JJJ)V"]
pub extern "C" fn unix_utimes(path: i64, access: i64, modification: i64) {
    let times = timevals(access, modification);
    // SAFETY: a NUL-terminated path buffer and two timevals.
    path_op(|| unsafe { libc::utimes(c_path(path), times.as_ptr()) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.lutimes0(JJJ)V"]
pub extern "C" fn unix_lutimes(path: i64, access: i64, modification: i64) {
    let times = timevals(access, modification);
    // SAFETY: a NUL-terminated path buffer and two timevals.
    path_op(|| unsafe { libc::lutimes(c_path(path), times.as_ptr()) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.futimes(IJJ)V"]
pub extern "C" fn unix_futimes(fd: i32, access: i64, modification: i64) {
    let times = timevals(access, modification);
    // SAFETY: two timevals.
    path_op(|| unsafe { libc::futimes(fd, times.as_ptr()) });
}

/// UnixNativeDispatcher.futimens: times in nanoseconds.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.futimens(IJJ)V"]
pub extern "C" fn unix_futimens(fd: i32, access: i64, modification: i64) {
    let ts = |ns: i64| libc::timespec {
        tv_sec: ns / 1_000_000_000,
        tv_nsec: ns % 1_000_000_000,
    };
    let times = [ts(access), ts(modification)];
    // SAFETY: two timespecs.
    path_op(|| unsafe { libc::futimens(fd, times.as_ptr()) });
}

// ---- extended attributes (user-defined attribute views, COPY_ATTRIBUTES) -----------------

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fgetxattr0(IJJI)I"]
pub extern "C" fn unix_fgetxattr(fd: i32, name: i64, value: i64, len: i32) -> i32 {
    // SAFETY: a NUL-terminated name and a native buffer of `len` bytes.
    let r = retry(|| unsafe {
        libc::fgetxattr(fd, c_path(name), value as *mut libc::c_void, len as usize) as i64
    });
    unix(r, -1) as i32
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fsetxattr0(IJJI)V"]
pub extern "C" fn unix_fsetxattr(fd: i32, name: i64, value: i64, len: i32) {
    // SAFETY: a NUL-terminated name and a native buffer of `len` bytes.
    path_op(|| unsafe {
        libc::fsetxattr(
            fd,
            c_path(name),
            value as *const libc::c_void,
            len as usize,
            0,
        )
    });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fremovexattr0(IJ)V"]
pub extern "C" fn unix_fremovexattr(fd: i32, name: i64) {
    // SAFETY: a NUL-terminated name.
    path_op(|| unsafe { libc::fremovexattr(fd, c_path(name)) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.flistxattr(IJI)I"]
pub extern "C" fn unix_flistxattr(fd: i32, list: i64, size: i32) -> i32 {
    // SAFETY: a native buffer of `size` bytes.
    let r =
        retry(|| unsafe { libc::flistxattr(fd, list as *mut libc::c_char, size as usize) as i64 });
    unix(r, -1) as i32
}
