//! `java.io.UnixFileSystem` natives: what `java.io.File` asks the operating system (attributes,
//! lengths, times, permissions, listing, creating, deleting, renaming, canonical paths,
//! space), as the JDK's `UnixFileSystem_md.c` does it on Linux. Paths are Java strings
//! encoded as UTF-8 (`sun.jnu.encoding` under the C.UTF-8 and UTF-8 locales).
//!
//! Files of the JDK home embedded in the executable exist (as regular files of their
//! length) where the real ones are absent.
//!
//! Invariant: a `File`'s path comes from its `path` field, already normalized by the JDK's
//! Java code; a path that cannot be passed to the OS (an embedded NUL) answers like a
//! missing file.

use crate::object::{class_by_name, field_offset, Obj};
use crate::strings::{java_string, java_string_array, rust_string};
use crate::throw;
use std::ffi::{CStr, CString};

// `java.io.FileSystem` constants.
const BA_EXISTS: i32 = 0x01;
const BA_REGULAR: i32 = 0x02;
const BA_DIRECTORY: i32 = 0x04;
const ACCESS_READ: i32 = 0x04;
const ACCESS_WRITE: i32 = 0x02;
const ACCESS_EXECUTE: i32 = 0x01;
const SPACE_TOTAL: i32 = 0;
const SPACE_FREE: i32 = 1;
const SPACE_USABLE: i32 = 2;

/// The text of the current `errno` (glibc's `strerror`, as HotSpot reports it).
pub fn last_error() -> String {
    std::io::Error::last_os_error()
        .raw_os_error()
        .map_or_else(|| "Unknown error".to_string(), error_text)
}

/// glibc's message for an error number.
pub fn error_text(errno: i32) -> String {
    // SAFETY: strerror returns a NUL-terminated static or thread-local message.
    unsafe { CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned()
}

/// A Java string as a C path, or None when it holds a NUL.
pub fn c_path(s: Obj) -> Option<CString> {
    CString::new(rust_string(s)).ok()
}

/// The `path` of a `java.io.File`, as a C path.
fn file_path(file: *mut u8) -> Option<CString> {
    let f = Obj::from_raw(file)?;
    let off = field_offset(class_by_name("java/io/File")?, "path")?;
    c_path(f.read_ref(off)?)
}

fn stat_of(path: &CString) -> Option<libc::stat> {
    // SAFETY: stat into a zeroed struct of the platform's layout.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        (libc::stat(path.as_ptr(), &mut st) == 0).then_some(st)
    }
}

fn jbool(b: bool) -> i32 {
    b as i32
}

#[export_name = "java/io/UnixFileSystem.initIDs()V"]
pub extern "C" fn ufs_init_ids() {}

#[export_name = "java/io/UnixFileSystem.getBooleanAttributes0(Ljava/io/File;)I"]
pub extern "C" fn ufs_boolean_attributes(_this: *mut u8, file: *mut u8) -> i32 {
    let Some(path) = file_path(file) else {
        return 0;
    };
    let Some(st) = stat_of(&path) else {
        return match embedded(&path) {
            Some(_) => BA_EXISTS | BA_REGULAR,
            None => 0,
        };
    };
    let kind = st.st_mode & libc::S_IFMT;
    BA_EXISTS
        | if kind == libc::S_IFREG { BA_REGULAR } else { 0 }
        | if kind == libc::S_IFDIR {
            BA_DIRECTORY
        } else {
            0
        }
}

#[export_name = "java/io/UnixFileSystem.checkAccess(Ljava/io/File;I)Z"]
pub extern "C" fn ufs_check_access(_this: *mut u8, file: *mut u8, access: i32) -> i32 {
    let mode = match access {
        ACCESS_READ => libc::R_OK,
        ACCESS_WRITE => libc::W_OK,
        ACCESS_EXECUTE => libc::X_OK,
        _ => libc::F_OK,
    };
    let Some(p) = file_path(file) else { return 0 };
    // SAFETY: a valid C path.
    jbool(unsafe { libc::access(p.as_ptr(), mode) } == 0)
}

#[export_name = "java/io/UnixFileSystem.getLastModifiedTime(Ljava/io/File;)J"]
pub extern "C" fn ufs_last_modified(_this: *mut u8, file: *mut u8) -> i64 {
    file_path(file)
        .and_then(|p| stat_of(&p))
        .map_or(0, |st| st.st_mtime * 1000 + st.st_mtime_nsec / 1_000_000)
}

#[export_name = "java/io/UnixFileSystem.getLength(Ljava/io/File;)J"]
pub extern "C" fn ufs_length(_this: *mut u8, file: *mut u8) -> i64 {
    let Some(path) = file_path(file) else {
        return 0;
    };
    match stat_of(&path) {
        Some(st) => st.st_size,
        None => embedded(&path).map_or(0, |b| b.len() as i64),
    }
}

/// The embedded JDK home file at `path`, when the real one is absent.
fn embedded(path: &CString) -> Option<&'static [u8]> {
    super::resources::jdk_file(path.to_str().ok()?)
}

#[export_name = "java/io/UnixFileSystem.setPermission(Ljava/io/File;IZZ)Z"]
pub extern "C" fn ufs_set_permission(
    _this: *mut u8,
    file: *mut u8,
    access: i32,
    enable: i32,
    owner_only: i32,
) -> i32 {
    let bits = match (access, owner_only != 0) {
        (ACCESS_READ, true) => libc::S_IRUSR,
        (ACCESS_READ, false) => libc::S_IRUSR | libc::S_IRGRP | libc::S_IROTH,
        (ACCESS_WRITE, true) => libc::S_IWUSR,
        (ACCESS_WRITE, false) => libc::S_IWUSR | libc::S_IWGRP | libc::S_IWOTH,
        (ACCESS_EXECUTE, true) => libc::S_IXUSR,
        (ACCESS_EXECUTE, false) => libc::S_IXUSR | libc::S_IXGRP | libc::S_IXOTH,
        _ => return 0,
    };
    change_mode(file, |mode| {
        if enable != 0 {
            mode | bits
        } else {
            mode & !bits
        }
    })
}

/// chmod with a new mode computed from the current one.
fn change_mode(file: *mut u8, f: impl FnOnce(libc::mode_t) -> libc::mode_t) -> i32 {
    let Some(p) = file_path(file) else { return 0 };
    let Some(st) = stat_of(&p) else { return 0 };
    // SAFETY: a valid C path.
    jbool(unsafe { libc::chmod(p.as_ptr(), f(st.st_mode)) } == 0)
}

#[export_name = "java/io/UnixFileSystem.setReadOnly(Ljava/io/File;)Z"]
pub extern "C" fn ufs_set_read_only(_this: *mut u8, file: *mut u8) -> i32 {
    change_mode(file, |mode| {
        mode & !(libc::S_IWUSR | libc::S_IWGRP | libc::S_IWOTH)
    })
}

#[export_name = "java/io/UnixFileSystem.createFileExclusively(Ljava/lang/String;)Z"]
pub extern "C" fn ufs_create_exclusively(_this: *mut u8, path: *mut u8) -> i32 {
    let Some(p) = Obj::from_raw(path).and_then(c_path) else {
        return 0;
    };
    if p.as_bytes() == b"/" {
        return 0;
    }
    // SAFETY: a valid C path; the descriptor is closed at once.
    unsafe {
        let fd = libc::open(
            p.as_ptr(),
            libc::O_RDWR | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC,
            0o666,
        );
        if fd < 0 {
            if std::io::Error::last_os_error().raw_os_error() != Some(libc::EEXIST) {
                throw::io_exception(&last_error());
            }
            return 0;
        }
        libc::close(fd);
    }
    1
}

#[export_name = "java/io/UnixFileSystem.delete0(Ljava/io/File;)Z"]
pub extern "C" fn ufs_delete(_this: *mut u8, file: *mut u8) -> i32 {
    let Some(p) = file_path(file) else { return 0 };
    // SAFETY: a valid C path.
    jbool(unsafe { libc::remove(p.as_ptr()) } == 0)
}

#[export_name = "java/io/UnixFileSystem.createDirectory(Ljava/io/File;)Z"]
pub extern "C" fn ufs_create_directory(_this: *mut u8, file: *mut u8) -> i32 {
    let Some(p) = file_path(file) else { return 0 };
    // SAFETY: a valid C path.
    jbool(unsafe { libc::mkdir(p.as_ptr(), 0o777) } == 0)
}

#[export_name = "java/io/UnixFileSystem.rename0(Ljava/io/File;Ljava/io/File;)Z"]
pub extern "C" fn ufs_rename(_this: *mut u8, from: *mut u8, to: *mut u8) -> i32 {
    let (Some(a), Some(b)) = (file_path(from), file_path(to)) else {
        return 0;
    };
    // SAFETY: valid C paths.
    jbool(unsafe { libc::rename(a.as_ptr(), b.as_ptr()) } == 0)
}

#[export_name = "java/io/UnixFileSystem.setLastModifiedTime(Ljava/io/File;J)Z"]
pub extern "C" fn ufs_set_last_modified(_this: *mut u8, file: *mut u8, millis: i64) -> i32 {
    let Some(p) = file_path(file) else { return 0 };
    let Some(st) = stat_of(&p) else { return 0 };
    let times = [
        libc::timeval {
            tv_sec: st.st_atime,
            tv_usec: st.st_atime_nsec / 1000,
        },
        libc::timeval {
            tv_sec: millis / 1000,
            tv_usec: (millis % 1000) * 1000,
        },
    ];
    // SAFETY: a valid C path and two timevals.
    jbool(unsafe { libc::utimes(p.as_ptr(), times.as_ptr()) } == 0)
}

#[export_name = "java/io/UnixFileSystem.list(Ljava/io/File;)[Ljava/lang/String;"]
pub extern "C" fn ufs_list(_this: *mut u8, file: *mut u8) -> *mut u8 {
    let Some(p) = file_path(file) else {
        return std::ptr::null_mut();
    };
    let path = std::path::Path::new(
        <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(p.as_bytes()),
    );
    let Ok(entries) = std::fs::read_dir(path) else {
        return std::ptr::null_mut();
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    java_string_array(&names).map_or(std::ptr::null_mut(), Obj::raw)
}

#[export_name = "java/io/UnixFileSystem.getSpace(Ljava/io/File;I)J"]
pub extern "C" fn ufs_get_space(_this: *mut u8, file: *mut u8, kind: i32) -> i64 {
    let Some(p) = file_path(file) else { return 0 };
    // SAFETY: statvfs into a zeroed struct of the platform's layout.
    let fs = unsafe {
        let mut fs: libc::statvfs = std::mem::zeroed();
        if libc::statvfs(p.as_ptr(), &mut fs) != 0 {
            return 0;
        }
        fs
    };
    let blocks = match kind {
        SPACE_TOTAL => fs.f_blocks,
        SPACE_FREE => fs.f_bfree,
        SPACE_USABLE => fs.f_bavail,
        _ => return 0,
    };
    (fs.f_frsize as i64).saturating_mul(blocks as i64)
}

#[export_name = "java/io/UnixFileSystem.getNameMax0(Ljava/lang/String;)J"]
pub extern "C" fn ufs_name_max(_this: *mut u8, path: *mut u8) -> i64 {
    let Some(p) = Obj::from_raw(path).and_then(c_path) else {
        return 255;
    };
    // SAFETY: a valid C path.
    let n = unsafe { libc::pathconf(p.as_ptr(), libc::_PC_NAME_MAX) };
    if n > 0 {
        n
    } else {
        255
    }
}

#[export_name = "java/io/UnixFileSystem.canonicalize0(Ljava/lang/String;)Ljava/lang/String;"]
pub extern "C" fn ufs_canonicalize(_this: *mut u8, path: *mut u8) -> *mut u8 {
    let Some(p) = Obj::from_raw(path) else {
        throw::npe(None);
        return std::ptr::null_mut();
    };
    let original = rust_string(p);
    if original.len() > libc::PATH_MAX as usize {
        throw::io_exception("Bad pathname");
        return std::ptr::null_mut();
    }
    java_string(&canonicalize(&original)).map_or(std::ptr::null_mut(), Obj::raw)
}

/// The JDK's canonicalization: `realpath` of the whole path; else `realpath` of the longest
/// prefix that resolves, followed by the rest with `.` and `..` collapsed textually.
fn canonicalize(original: &str) -> String {
    if let Ok(real) = std::fs::canonicalize(original) {
        return real.to_string_lossy().into_owned();
    }
    let mut prefix = original.trim_end_matches('/');
    while let Some(slash) = prefix.rfind('/') {
        prefix = &prefix[..slash];
        let base = if prefix.is_empty() { "/" } else { prefix };
        if let Ok(real) = std::fs::canonicalize(base) {
            let rest = &original[slash..];
            return collapse(&format!(
                "{}{rest}",
                real.to_string_lossy().trim_end_matches('/')
            ));
        }
    }
    collapse(original)
}

/// Removes `.` components and `name/..` pairs from an absolute path, textually.
fn collapse(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." {
            parts.pop();
        } else {
            parts.push(part);
        }
    }
    format!("/{}", parts.join("/"))
}
