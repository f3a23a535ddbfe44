//! `sun.nio.fs.UnixNativeDispatcher`, attributes: `stat`/`lstat`/`fstat`/`fstatat` into a
//! `sun.nio.fs.UnixFileAttributes` (libnio's `prepAttributes`: mode, inode, devices, link
//! count, owner, size and the three times with nanoseconds; no birth time on Linux),
//! `stat1` (the mode or 0), `statvfs` into a `UnixFileStoreAttributes`, and the user and
//! group database lookups of the owner attribute views.
//!
//! Invariant: the attribute objects are instances of the JDK classes named above; their
//! field offsets are looked up once by name (a missing field is an InternalError, never a
//! silent write elsewhere).

use super::nio_sys::{byte_array, c_bytes, c_path, errno, retry, set_errno, unix};
use crate::object::{field_offset, Obj};
use crate::throw;
use std::sync::OnceLock;

/// Offsets of `UnixFileAttributes`' fields, in libnio's order.
struct AttrFields {
    mode: usize,
    ino: usize,
    dev: usize,
    rdev: usize,
    nlink: usize,
    uid: usize,
    gid: usize,
    size: usize,
    atime_sec: usize,
    atime_nsec: usize,
    mtime_sec: usize,
    mtime_nsec: usize,
    ctime_sec: usize,
    ctime_nsec: usize,
}

fn attr_fields(attrs: Obj) -> Option<&'static AttrFields> {
    static FIELDS: OnceLock<Option<AttrFields>> = OnceLock::new();
    FIELDS
        .get_or_init(|| {
            let d = attrs.desc();
            let f = |name: &str| field_offset(d, name);
            Some(AttrFields {
                mode: f("st_mode")?,
                ino: f("st_ino")?,
                dev: f("st_dev")?,
                rdev: f("st_rdev")?,
                nlink: f("st_nlink")?,
                uid: f("st_uid")?,
                gid: f("st_gid")?,
                size: f("st_size")?,
                atime_sec: f("st_atime_sec")?,
                atime_nsec: f("st_atime_nsec")?,
                mtime_sec: f("st_mtime_sec")?,
                mtime_nsec: f("st_mtime_nsec")?,
                ctime_sec: f("st_ctime_sec")?,
                ctime_nsec: f("st_ctime_nsec")?,
            })
        })
        .as_ref()
}

/// Copies a `stat` result into a `UnixFileAttributes` (libnio's `prepAttributes`).
fn fill(attrs: *mut u8, st: &libc::stat) {
    let Some(attrs) = Obj::from_raw(attrs) else {
        return throw::npe(None);
    };
    let Some(f) = attr_fields(attrs) else {
        return throw::internal_error(Some("roast: UnixFileAttributes lacks a stat field"));
    };
    attrs.write(f.mode, st.st_mode as i32);
    attrs.write(f.ino, st.st_ino as i64);
    attrs.write(f.dev, st.st_dev as i64);
    attrs.write(f.rdev, st.st_rdev as i64);
    attrs.write(f.nlink, st.st_nlink as i32);
    attrs.write(f.uid, st.st_uid as i32);
    attrs.write(f.gid, st.st_gid as i32);
    attrs.write(f.size, st.st_size);
    attrs.write(f.atime_sec, st.st_atime);
    attrs.write(f.atime_nsec, st.st_atime_nsec);
    attrs.write(f.mtime_sec, st.st_mtime);
    attrs.write(f.mtime_nsec, st.st_mtime_nsec);
    attrs.write(f.ctime_sec, st.st_ctime);
    attrs.write(f.ctime_nsec, st.st_ctime_nsec);
}

/// Runs a `stat`-like call into a fresh buffer and fills `attrs`, or raises UnixException.
fn stat_into(attrs: *mut u8, call: impl Fn(*mut libc::stat) -> libc::c_int) {
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unix(retry(|| call(&mut st) as i64).map(|_| true), false) {
        fill(attrs, &st);
    }
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.stat0(JLsun/nio/fs/UnixFileAttributes;)V"]
pub extern "C" fn unix_stat0(path: i64, attrs: *mut u8) {
    // SAFETY: a NUL-terminated path buffer and a stat buffer.
    stat_into(attrs, |st| unsafe { libc::stat(c_path(path), st) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.lstat0(JLsun/nio/fs/UnixFileAttributes;)V"]
pub extern "C" fn unix_lstat0(path: i64, attrs: *mut u8) {
    // SAFETY: a NUL-terminated path buffer and a stat buffer.
    stat_into(attrs, |st| unsafe { libc::lstat(c_path(path), st) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fstat(ILsun/nio/fs/UnixFileAttributes;)V"]
pub extern "C" fn unix_fstat(fd: i32, attrs: *mut u8) {
    // SAFETY: a stat buffer.
    stat_into(attrs, |st| unsafe { libc::fstat(fd, st) });
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.fstatat0(IJILsun/nio/fs/UnixFileAttributes;)V"]
pub extern "C" fn unix_fstatat0(dfd: i32, path: i64, flag: i32, attrs: *mut u8) {
    // SAFETY: a NUL-terminated path buffer and a stat buffer.
    stat_into(attrs, |st| unsafe {
        libc::fstatat(dfd, c_path(path), st, flag)
    });
}

/// UnixNativeDispatcher.stat1: the `st_mode` of a path, 0 when it cannot be read.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.stat1(J)I"]
pub extern "C" fn unix_stat1(path: i64) -> i32 {
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path buffer and a stat buffer.
    match retry(|| unsafe { libc::stat(c_path(path), &mut st) } as i64) {
        Ok(_) => st.st_mode as i32,
        Err(_) => 0,
    }
}

/// UnixNativeDispatcher.statvfs0: block size and counts into a `UnixFileStoreAttributes`.
#[export_name = "sun/nio/fs/UnixNativeDispatcher.statvfs0(JLsun/nio/fs/UnixFileStoreAttributes;)V"]
pub extern "C" fn unix_statvfs0(path: i64, attrs: *mut u8) {
    // SAFETY: an all-zero `statvfs` is a valid value of the plain C struct.
    let mut fs: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path buffer and a statvfs buffer.
    if !unix(
        retry(|| unsafe { libc::statvfs(c_path(path), &mut fs) } as i64).map(|_| true),
        false,
    ) {
        return;
    }
    let Some(attrs) = Obj::from_raw(attrs) else {
        return throw::npe(None);
    };
    let d = attrs.desc();
    let values = [
        ("f_frsize", fs.f_frsize as i64),
        ("f_blocks", fs.f_blocks as i64),
        ("f_bfree", fs.f_bfree as i64),
        ("f_bavail", fs.f_bavail as i64),
    ];
    for (name, v) in values {
        match field_offset(d, name) {
            Some(off) => attrs.write(off, v),
            None => {
                return throw::internal_error(Some(
                    "roast: UnixFileStoreAttributes lacks a statvfs field",
                ))
            }
        }
    }
}

// ---- users and groups (owner attribute views) --------------------------------------------

/// The buffer size for the reentrant database lookups.
fn entry_buffer_size(name: libc::c_int) -> usize {
    // SAFETY: sysconf has no memory arguments.
    let n = unsafe { libc::sysconf(name) };
    if n > 0 {
        n as usize
    } else {
        1024
    }
}

/// A user or group name, or UnixException (ENOENT when there is no entry).
fn name_or_error(found: Option<&[u8]>, saved_errno: i32) -> *mut u8 {
    match found {
        Some(name) if !name.is_empty() => byte_array(name),
        _ => {
            throw::unix_exception(if saved_errno == 0 {
                libc::ENOENT
            } else {
                saved_errno
            });
            std::ptr::null_mut()
        }
    }
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.getpwuid(I)[B"]
pub extern "C" fn unix_getpwuid(uid: i32) -> *mut u8 {
    let mut buf = vec![0u8; entry_buffer_size(libc::_SC_GETPW_R_SIZE_MAX)];
    // SAFETY: an all-zero passwd is a valid value of the plain C struct.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    set_errno(0);
    // SAFETY: getpwuid_r writes into `entry` and at most `buf.len()` bytes of `buf`.
    let res = unsafe {
        libc::getpwuid_r(
            uid as libc::uid_t,
            &mut entry,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    let saved = errno();
    let found =
        (res == 0 && !result.is_null() && !entry.pw_name.is_null()).then(|| c_bytes(entry.pw_name));
    name_or_error(found, saved)
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.getgrgid(I)[B"]
pub extern "C" fn unix_getgrgid(gid: i32) -> *mut u8 {
    let mut size = entry_buffer_size(libc::_SC_GETGR_R_SIZE_MAX);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: an all-zero group is a valid value of the plain C struct.
        let mut entry: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        set_errno(0);
        // SAFETY: getgrgid_r writes into `entry` and at most `buf.len()` bytes of `buf`.
        let res = unsafe {
            libc::getgrgid_r(
                gid as libc::gid_t,
                &mut entry,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            )
        };
        let saved = errno();
        if res == libc::ERANGE {
            size += 1024;
            continue;
        }
        let found = (res == 0 && !result.is_null() && !entry.gr_name.is_null())
            .then(|| c_bytes(entry.gr_name));
        return name_or_error(found, saved);
    }
}

/// Is this `errno` of a failed name lookup a real error (libnio: anything but "not found")?
fn lookup_error(e: i32) -> bool {
    e != 0 && e != libc::ENOENT && e != libc::ESRCH && e != libc::EBADF && e != libc::EPERM
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.getpwnam0(J)I"]
pub extern "C" fn unix_getpwnam(name: i64) -> i32 {
    let mut buf = vec![0u8; entry_buffer_size(libc::_SC_GETPW_R_SIZE_MAX)];
    // SAFETY: an all-zero passwd is a valid value of the plain C struct.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    set_errno(0);
    // SAFETY: a NUL-terminated name; getpwnam_r writes into `entry` and `buf`.
    let res = unsafe {
        libc::getpwnam_r(
            c_path(name),
            &mut entry,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
        )
    };
    let saved = errno();
    if res != 0 || result.is_null() || entry.pw_name.is_null() || c_bytes(entry.pw_name).is_empty()
    {
        if lookup_error(saved) {
            throw::unix_exception(saved);
        }
        return -1;
    }
    entry.pw_uid as i32
}

#[export_name = "sun/nio/fs/UnixNativeDispatcher.getgrnam0(J)I"]
pub extern "C" fn unix_getgrnam(name: i64) -> i32 {
    let mut size = entry_buffer_size(libc::_SC_GETGR_R_SIZE_MAX);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: an all-zero group is a valid value of the plain C struct.
        let mut entry: libc::group = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::group = std::ptr::null_mut();
        set_errno(0);
        // SAFETY: a NUL-terminated name; getgrnam_r writes into `entry` and `buf`.
        let res = unsafe {
            libc::getgrnam_r(
                c_path(name),
                &mut entry,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            )
        };
        let saved = errno();
        if res == libc::ERANGE {
            size += 1024;
            continue;
        }
        if res != 0
            || result.is_null()
            || entry.gr_name.is_null()
            || c_bytes(entry.gr_name).is_empty()
        {
            if lookup_error(saved) {
                throw::unix_exception(saved);
            }
            return -1;
        }
        return entry.gr_gid as i32;
    }
}
