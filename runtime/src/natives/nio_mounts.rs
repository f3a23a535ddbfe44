//! `sun.nio.fs.LinuxNativeDispatcher`: the mount table (`/proc/mounts` through
//! `setmntent`/`getmntent_r`/`endmntent`) behind `Files.getFileStore` and
//! `FileSystem.getFileStores`, as libnio reads it.
//!
//! Invariant: a mount-table stream travels through Java as a `long` and is only passed back
//! to these natives; `getmntent0` fills the four byte-array fields of a
//! `sun.nio.fs.UnixMountEntry` (allocating them outside any GC safe region).

use super::nio_sys::{byte_array, c_bytes, c_path, errno};
use crate::object::{field_offset, Obj};
use crate::throw;

#[export_name = "sun/nio/fs/LinuxNativeDispatcher.init()V"]
pub extern "C" fn linux_init() {}

/// LinuxNativeDispatcher.setmntent0: opens a mount table (path and mode are native
/// strings).
#[export_name = "sun/nio/fs/LinuxNativeDispatcher.setmntent0(JJ)J"]
pub extern "C" fn linux_setmntent(path: i64, mode: i64) -> i64 {
    // SAFETY: NUL-terminated native strings.
    let fp = unsafe { libc::setmntent(c_path(path), c_path(mode)) };
    if fp.is_null() {
        throw::unix_exception(errno());
    }
    fp as i64
}

/// LinuxNativeDispatcher.getmntent0: the next entry into `entry` (0), or -1 at the end.
#[export_name = "sun/nio/fs/LinuxNativeDispatcher.getmntent0(JLsun/nio/fs/UnixMountEntry;JI)I"]
pub extern "C" fn linux_getmntent(stream: i64, entry: *mut u8, buffer: i64, len: i32) -> i32 {
    // SAFETY: an all-zero mntent is a valid value of the plain C struct.
    let mut ent: libc::mntent = unsafe { std::mem::zeroed() };
    // SAFETY: a stream from setmntent0 and a native buffer of `len` bytes for the strings.
    let m = unsafe {
        libc::getmntent_r(
            stream as *mut libc::FILE,
            &mut ent,
            buffer as *mut libc::c_char,
            len,
        )
    };
    if m.is_null() {
        return -1;
    }
    let Some(entry) = Obj::from_raw(entry) else {
        throw::npe(None);
        return -1;
    };
    let fields = [
        ("name", ent.mnt_fsname),
        ("dir", ent.mnt_dir),
        ("fstype", ent.mnt_type),
        ("opts", ent.mnt_opts),
    ];
    for (name, value) in fields {
        let Some(off) = field_offset(entry.desc(), name) else {
            throw::internal_error(Some("roast: UnixMountEntry lacks a field"));
            return -1;
        };
        let bytes = Obj::from_raw(byte_array(c_bytes(value)));
        if bytes.is_none() {
            return -1;
        }
        entry.write_ref(off, bytes);
    }
    0
}

#[export_name = "sun/nio/fs/LinuxNativeDispatcher.endmntent(J)V"]
pub extern "C" fn linux_endmntent(stream: i64) {
    // SAFETY: a stream from setmntent0, closed once.
    unsafe { libc::endmntent(stream as *mut libc::FILE) };
}
