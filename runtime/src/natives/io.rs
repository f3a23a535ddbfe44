//! Natives of `java.io` streams over file descriptors: `FileInputStream`, `FileOutputStream`,
//! `RandomAccessFile` (open, read, write, seek, length), `FileDescriptor` and
//! `FileCleanable` (close), as the JDK's `io_util_md.c` does them on Linux: a closed stream
//! (`fd == -1`) throws `IOException("Stream Closed")`, OS errors throw `IOException` with
//! glibc's message, failed opens `FileNotFoundException("<path> (<message>)")`.
//!
//! Files of the JDK home embedded in the executable (`<java.home>/lib/tzdb.dat`, see
//! `resources.rs`) open read-only as anonymous memory files with their contents.
//!
//! Invariant: the descriptor number lives in the `fd` field of the stream's `FileDescriptor`
//! (the stream's own `fd` field), exactly where the JDK's Java code reads it.

use super::fs::{c_path, error_text, last_error};
use crate::object::{class_by_name, field_offset, Obj};
use crate::strings::rust_string;
use crate::throw;

// `RandomAccessFile` open modes.
const RAF_O_RDONLY: i32 = 1;
const RAF_O_RDWR: i32 = 2;
const RAF_O_SYNC: i32 = 4;
const RAF_O_DSYNC: i32 = 8;

/// The `FileDescriptor` object of a stream of class `class`.
fn descriptor(stream: Obj, class: &str) -> Option<Obj> {
    stream.read_ref(field_offset(class_by_name(class)?, "fd")?)
}

fn fd_field() -> Option<usize> {
    field_offset(class_by_name("java/io/FileDescriptor")?, "fd")
}

/// The descriptor number of a stream (-1 when closed or missing).
fn fd_of(stream: Obj, class: &str) -> i32 {
    match (descriptor(stream, class), fd_field()) {
        (Some(d), Some(off)) => d.read::<i32>(off),
        _ => -1,
    }
}

/// The open descriptor of `this` (a stream of `class`), or None with an exception pending.
fn open_fd(this: *mut u8, class: &str) -> Option<i32> {
    let Some(this) = Obj::from_raw(this) else {
        throw::npe(None);
        return None;
    };
    let fd = fd_of(this, class);
    if fd == -1 {
        throw::io_exception("Stream Closed");
        return None;
    }
    Some(fd)
}

/// Runs a system call that may block as a GC safe region (a collection may run meanwhile;
/// the buffers are pinned by the caller's frame); its result and the `errno` it left.
fn blocking<T>(call: impl FnOnce() -> T) -> (T, i32) {
    crate::gc::safe_region(|| {
        let r = call();
        (
            r,
            std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
        )
    })
}

fn interrupted() -> bool {
    std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR)
}

/// `read(2)` into `len` bytes at `p`: the count, -1 at end of file, or an IOException.
fn read_some(fd: i32, p: *mut u8, len: i32) -> i32 {
    if len == 0 {
        return 0;
    }
    loop {
        // SAFETY: `p` points to `len` writable bytes (checked by the callers) of an array the
        // caller's frame pins.
        let (n, errno) = blocking(|| unsafe { libc::read(fd, p.cast(), len as usize) });
        match n {
            0 => return -1,
            n if n > 0 => return n as i32,
            _ if errno == libc::EINTR => continue,
            _ => {
                throw::io_exception(&error_text(errno));
                return -1;
            }
        }
    }
}

/// `write(2)` of all `len` bytes at `p`, or an IOException.
fn write_all(fd: i32, mut p: *const u8, mut len: usize) {
    while len > 0 {
        // SAFETY: `p` points to `len` readable bytes (checked by the callers) of an array the
        // caller's frame pins.
        let (n, errno) = blocking(|| unsafe { libc::write(fd, p.cast(), len) });
        if n < 0 {
            if errno == libc::EINTR {
                continue;
            }
            return throw::io_exception(&error_text(errno));
        }
        // SAFETY: `n <= len` bytes were written.
        p = unsafe { p.add(n as usize) };
        len -= n as usize;
    }
}

/// `lseek(2)`, or an IOException (-1).
fn seek(fd: i32, offset: i64, whence: i32) -> i64 {
    // SAFETY: no memory is involved.
    let pos = unsafe { libc::lseek(fd, offset, whence) };
    if pos < 0 {
        throw::io_exception(&last_error());
    }
    pos
}

fn fstat(fd: i32) -> Option<libc::stat> {
    // SAFETY: fstat into a zeroed struct of the platform's layout.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        (libc::fstat(fd, &mut st) == 0).then_some(st)
    }
}

/// Opens `path` for a stream of `class` and stores the descriptor in its `FileDescriptor`;
/// directories and failures throw `FileNotFoundException("<path> (<reason>)")`.
fn open_into(this: *mut u8, class: &str, path: *mut u8, flags: i32) {
    let (Some(this), Some(path)) = (Obj::from_raw(this), Obj::from_raw(path)) else {
        return throw::npe(None);
    };
    let name = rust_string(path);
    let embedded = (flags & libc::O_ACCMODE == libc::O_RDONLY)
        .then(|| super::resources::jdk_file(&name))
        .flatten();
    let fd = match c_path(path) {
        Some(_) if embedded.is_some() => super::resources::memory_file(embedded.unwrap_or(&[])),
        // SAFETY: a valid C path.
        Some(p) => unsafe { libc::open(p.as_ptr(), flags | libc::O_CLOEXEC, 0o666) },
        None => {
            return throw::file_not_found(&format!("{name} (Invalid argument)"));
        }
    };
    if fd < 0 {
        return throw::file_not_found(&format!("{name} ({})", last_error()));
    }
    if fstat(fd).is_some_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFDIR) {
        // SAFETY: closing the descriptor just opened.
        unsafe { libc::close(fd) };
        return throw::file_not_found(&format!("{name} (Is a directory)"));
    }
    match (descriptor(this, class), fd_field()) {
        (Some(d), Some(off)) => d.write(off, fd),
        _ => {
            // SAFETY: closing the descriptor just opened.
            unsafe { libc::close(fd) };
            throw::io_exception("roast: stream has no FileDescriptor");
        }
    }
}

/// Closes a descriptor as the JDK does: the standard streams are redirected to /dev/null
/// instead of being closed.
fn close_fd(fd: i32) {
    if (0..=2).contains(&fd) {
        // SAFETY: opening /dev/null and duplicating it over a standard descriptor.
        unsafe {
            let devnull = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
            if devnull < 0 {
                return throw::io_exception(&last_error());
            }
            libc::dup2(devnull, fd);
            libc::close(devnull);
        }
        return;
    }
    // SAFETY: closing a descriptor the Java object owned.
    if unsafe { libc::close(fd) } == -1 && !interrupted() {
        throw::io_exception(&last_error());
    }
}

// ---- FileInputStream ---------------------------------------------------------------------

const FIS: &str = "java/io/FileInputStream";

#[export_name = "java/io/FileInputStream.initIDs()V"]
pub extern "C" fn fis_init_ids() {}

#[export_name = "java/io/FileInputStream.open0(Ljava/lang/String;)V"]
pub extern "C" fn fis_open(this: *mut u8, path: *mut u8) {
    open_into(this, FIS, path, libc::O_RDONLY);
}

#[export_name = "java/io/FileInputStream.readBytes([BII)I"]
pub extern "C" fn fis_read_bytes(this: *mut u8, b: *mut u8, off: i32, len: i32) -> i32 {
    let Some(p) = super::byte_range(b, off, len) else {
        return -1;
    };
    let Some(fd) = open_fd(this, FIS) else {
        return -1;
    };
    read_some(fd, p, len)
}

#[export_name = "java/io/FileInputStream.read0()I"]
pub extern "C" fn fis_read0(this: *mut u8) -> i32 {
    let Some(fd) = open_fd(this, FIS) else {
        return -1;
    };
    let mut byte = 0u8;
    match read_some(fd, &mut byte, 1) {
        1 => byte as i32,
        _ => -1,
    }
}

#[export_name = "java/io/FileInputStream.length0()J"]
pub extern "C" fn fis_length(this: *mut u8) -> i64 {
    let Some(fd) = open_fd(this, FIS) else {
        return 0;
    };
    match fstat(fd) {
        Some(st) => st.st_size,
        None => {
            throw::io_exception(&last_error());
            0
        }
    }
}

#[export_name = "java/io/FileInputStream.position0()J"]
pub extern "C" fn fis_position(this: *mut u8) -> i64 {
    let Some(fd) = open_fd(this, FIS) else {
        return 0;
    };
    seek(fd, 0, libc::SEEK_CUR)
}

#[export_name = "java/io/FileInputStream.skip0(J)J"]
pub extern "C" fn fis_skip(this: *mut u8, n: i64) -> i64 {
    let Some(fd) = open_fd(this, FIS) else {
        return 0;
    };
    let cur = seek(fd, 0, libc::SEEK_CUR);
    if cur < 0 {
        return 0;
    }
    let end = seek(fd, n, libc::SEEK_CUR);
    if end < 0 {
        return 0;
    }
    end - cur
}

#[export_name = "java/io/FileInputStream.available0()I"]
pub extern "C" fn fis_available(this: *mut u8) -> i32 {
    let Some(fd) = open_fd(this, FIS) else {
        return 0;
    };
    if let Some(st) = fstat(fd) {
        let kind = st.st_mode & libc::S_IFMT;
        if kind == libc::S_IFCHR || kind == libc::S_IFIFO || kind == libc::S_IFSOCK {
            let mut n: libc::c_int = 0;
            // SAFETY: FIONREAD writes one int.
            if unsafe { libc::ioctl(fd, libc::FIONREAD, &mut n) } >= 0 {
                return n;
            }
        }
    }
    // SAFETY: plain lseek calls restoring the position.
    let (cur, end) = unsafe {
        let cur = libc::lseek(fd, 0, libc::SEEK_CUR);
        let end = libc::lseek(fd, 0, libc::SEEK_END);
        if cur >= 0 {
            libc::lseek(fd, cur, libc::SEEK_SET);
        }
        (cur, end)
    };
    if cur < 0 || end < 0 {
        throw::io_exception(&last_error());
        return 0;
    }
    (end - cur).min(i32::MAX as i64) as i32
}

// ---- FileOutputStream --------------------------------------------------------------------

const FOS: &str = "java/io/FileOutputStream";

#[export_name = "java/io/FileOutputStream.initIDs()V"]
pub extern "C" fn fos_init_ids() {}

#[export_name = "java/io/FileOutputStream.open0(Ljava/lang/String;Z)V"]
pub extern "C" fn fos_open(this: *mut u8, path: *mut u8, append: i32) {
    let mode = if append != 0 {
        libc::O_APPEND
    } else {
        libc::O_TRUNC
    };
    open_into(this, FOS, path, libc::O_WRONLY | libc::O_CREAT | mode);
}

#[export_name = "java/io/FileOutputStream.writeBytes([BIIZ)V"]
pub extern "C" fn fos_write_bytes(this: *mut u8, b: *mut u8, off: i32, len: i32, _append: i32) {
    let Some(p) = super::byte_range(b, off, len) else {
        return;
    };
    let Some(fd) = open_fd(this, FOS) else { return };
    write_all(fd, p, len as usize);
}

#[export_name = "java/io/FileOutputStream.write(IZ)V"]
pub extern "C" fn fos_write(this: *mut u8, byte: i32, _append: i32) {
    let Some(fd) = open_fd(this, FOS) else { return };
    write_all(fd, &(byte as u8), 1);
}

// ---- RandomAccessFile --------------------------------------------------------------------

const RAF: &str = "java/io/RandomAccessFile";

#[export_name = "java/io/RandomAccessFile.initIDs()V"]
pub extern "C" fn raf_init_ids() {}

#[export_name = "java/io/RandomAccessFile.open0(Ljava/lang/String;I)V"]
pub extern "C" fn raf_open(this: *mut u8, path: *mut u8, mode: i32) {
    let flags = if mode & RAF_O_RDONLY != 0 {
        libc::O_RDONLY
    } else if mode & RAF_O_RDWR != 0 {
        let sync = if mode & RAF_O_SYNC != 0 {
            libc::O_SYNC
        } else if mode & RAF_O_DSYNC != 0 {
            libc::O_DSYNC
        } else {
            0
        };
        libc::O_RDWR | libc::O_CREAT | sync
    } else {
        return throw::illegal_argument("Illegal mode");
    };
    open_into(this, RAF, path, flags);
}

#[export_name = "java/io/RandomAccessFile.read0()I"]
pub extern "C" fn raf_read0(this: *mut u8) -> i32 {
    let Some(fd) = open_fd(this, RAF) else {
        return -1;
    };
    let mut byte = 0u8;
    match read_some(fd, &mut byte, 1) {
        1 => byte as i32,
        _ => -1,
    }
}

#[export_name = "java/io/RandomAccessFile.readBytes([BII)I"]
pub extern "C" fn raf_read_bytes(this: *mut u8, b: *mut u8, off: i32, len: i32) -> i32 {
    let Some(p) = super::byte_range(b, off, len) else {
        return -1;
    };
    let Some(fd) = open_fd(this, RAF) else {
        return -1;
    };
    read_some(fd, p, len)
}

#[export_name = "java/io/RandomAccessFile.write0(I)V"]
pub extern "C" fn raf_write0(this: *mut u8, byte: i32) {
    let Some(fd) = open_fd(this, RAF) else { return };
    write_all(fd, &(byte as u8), 1);
}

#[export_name = "java/io/RandomAccessFile.writeBytes([BII)V"]
pub extern "C" fn raf_write_bytes(this: *mut u8, b: *mut u8, off: i32, len: i32) {
    let Some(p) = super::byte_range(b, off, len) else {
        return;
    };
    let Some(fd) = open_fd(this, RAF) else { return };
    write_all(fd, p, len as usize);
}

#[export_name = "java/io/RandomAccessFile.getFilePointer()J"]
pub extern "C" fn raf_file_pointer(this: *mut u8) -> i64 {
    let Some(fd) = open_fd(this, RAF) else {
        return -1;
    };
    seek(fd, 0, libc::SEEK_CUR)
}

#[export_name = "java/io/RandomAccessFile.seek0(J)V"]
pub extern "C" fn raf_seek(this: *mut u8, pos: i64) {
    let Some(fd) = open_fd(this, RAF) else { return };
    seek(fd, pos, libc::SEEK_SET);
}

#[export_name = "java/io/RandomAccessFile.length()J"]
pub extern "C" fn raf_length(this: *mut u8) -> i64 {
    let Some(fd) = open_fd(this, RAF) else {
        return -1;
    };
    match fstat(fd) {
        Some(st) => st.st_size,
        None => {
            throw::io_exception(&last_error());
            -1
        }
    }
}

#[export_name = "java/io/RandomAccessFile.setLength(J)V"]
pub extern "C" fn raf_set_length(this: *mut u8, len: i64) {
    let Some(fd) = open_fd(this, RAF) else { return };
    let cur = seek(fd, 0, libc::SEEK_CUR);
    if cur < 0 {
        return;
    }
    // SAFETY: truncating an open descriptor.
    if unsafe { libc::ftruncate(fd, len) } == -1 {
        return throw::io_exception(&last_error());
    }
    seek(fd, cur.min(len), libc::SEEK_SET);
}

// ---- FileDescriptor and FileCleanable ------------------------------------------------------

#[export_name = "java/io/FileDescriptor.initIDs()V"]
pub extern "C" fn fd_init_ids() {}

#[export_name = "java/io/FileDescriptor.getHandle(I)J"]
pub extern "C" fn fd_get_handle(_fd: i32) -> i64 {
    -1
}

#[export_name = "java/io/FileDescriptor.getAppend(I)Z"]
pub extern "C" fn fd_get_append(fd: i32) -> i32 {
    // SAFETY: F_GETFL has no memory arguments.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    (flags >= 0 && flags & libc::O_APPEND != 0) as i32
}

/// FileDescriptor.close0: marks the descriptor closed (-1), then closes it.
#[export_name = "java/io/FileDescriptor.close0()V"]
pub extern "C" fn fd_close0(this: *mut u8) {
    let (Some(this), Some(off)) = (Obj::from_raw(this), fd_field()) else {
        return;
    };
    let fd = this.read::<i32>(off);
    if fd == -1 {
        return;
    }
    this.write(off, -1i32);
    close_fd(fd);
}

#[export_name = "java/io/FileCleanable.cleanupClose0(IJ)V"]
pub extern "C" fn file_cleanable_close(fd: i32, _handle: i64) {
    if fd != -1 {
        close_fd(fd);
    }
}
