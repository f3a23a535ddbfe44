//! `sun.nio.ch` natives behind `FileChannel` (hence `Files.newByteChannel`,
//! `newInputStream`/`newOutputStream`, `readAllBytes`, `write`, `lines`, ...), as HotSpot's
//! libnio does them on Linux: `FileDispatcherImpl` (read/write, positional and vectored,
//! seek, force, truncate, size, locks, close, dup), `IOUtil` (descriptor values, blocking
//! mode, limits), `FileChannelImpl` (allocation granularity, `mmap`/`munmap`,
//! `sendfile` transfers), `NativeThread` (the thread to signal when a channel is closed
//! under a blocked I/O) and `FileKey`.
//!
//! Conventions (libnio's `nio_util.c`): reads and writes return a count, `IOStatus.EOF` (-1)
//! for a read of 0 bytes, `UNAVAILABLE` (-2) for EAGAIN and `INTERRUPTED` (-3) for EINTR
//! (the Java code retries while the channel is open); other failures throw IOException
//! with glibc's message (`JNU_ThrowIOExceptionWithLastError`, the given text when `errno` is
//! 0) and return `THROWN` (-5).
//!
//! Invariants: descriptors live in the `fd` field of `java.io.FileDescriptor` objects;
//! buffers are native addresses (the JDK copies heap buffers through temporary direct
//! buffers); every call that may block runs as a GC safe region.

use super::nio_sys::{blocking_once, errno, retry};
use crate::object::{class_by_name, field_offset, Obj};
use crate::throw;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::OnceLock;

// sun.nio.ch.IOStatus
const IOS_EOF: i64 = -1;
const IOS_UNAVAILABLE: i64 = -2;
const IOS_INTERRUPTED: i64 = -3;
const IOS_THROWN: i64 = -5;
const IOS_UNSUPPORTED_CASE: i64 = -6;

// sun.nio.ch.FileDispatcher lock results
const NO_LOCK: i32 = -1;
const LOCKED: i32 = 0;
const LOCK_INTERRUPTED: i32 = 2;

// sun.nio.ch.FileChannelImpl map modes
const MAP_RO: i32 = 0;
const MAP_RW: i32 = 1;
const MAP_PV: i32 = 2;

// Linux mmap flags of synchronous mappings, and the block-device size request.
const MAP_SHARED_VALIDATE: libc::c_int = 0x03;
const MAP_SYNC: libc::c_int = 0x80000;
const BLKGETSIZE64: libc::c_ulong = 0x8008_1272;

/// The offset of `FileDescriptor.fd`.
fn fd_offset() -> Option<usize> {
    static OFFSET: OnceLock<Option<usize>> = OnceLock::new();
    *OFFSET.get_or_init(|| field_offset(class_by_name("java/io/FileDescriptor")?, "fd"))
}

/// The descriptor number held by a `FileDescriptor` (libnio's `fdval`); -1 for null.
fn fdval(fdo: *mut u8) -> i32 {
    match (Obj::from_raw(fdo), fd_offset()) {
        (Some(o), Some(off)) => o.read::<i32>(off),
        _ => -1,
    }
}

/// libnio's `convertReturnVal`/`convertLongReturnVal` for a call's result and `errno`.
fn convert(n: i64, e: i32, reading: bool) -> i64 {
    if n > 0 {
        n
    } else if n == 0 {
        if reading {
            IOS_EOF
        } else {
            0
        }
    } else if e == libc::EAGAIN || e == libc::EWOULDBLOCK {
        IOS_UNAVAILABLE
    } else if e == libc::EINTR {
        IOS_INTERRUPTED
    } else {
        throw::io_exception_errno(
            e,
            if reading {
                "Read failed"
            } else {
                "Write failed"
            },
        );
        IOS_THROWN
    }
}

/// libnio's `handle`: the value, `INTERRUPTED` for EINTR, or IOException (`THROWN`).
fn handle(rv: i64, e: i32, msg: &str) -> i64 {
    if rv >= 0 {
        rv
    } else if e == libc::EINTR {
        IOS_INTERRUPTED
    } else {
        throw::io_exception_errno(e, msg);
        IOS_THROWN
    }
}

/// One call of `f` (as a GC safe region) converted the libnio way.
fn io_call(reading: bool, f: impl FnOnce() -> i64) -> i64 {
    let (n, e) = blocking_once(f);
    convert(n, e, reading)
}

// ---- FileDispatcherImpl --------------------------------------------------------------------

/// The descriptor `preClose0` duplicates over a descriptor to close it in two steps (one
/// end of a socket pair whose other end is closed, as libnio makes it).
static PRE_CLOSE_FD: AtomicI32 = AtomicI32::new(-1);

#[export_name = "sun/nio/ch/FileDispatcherImpl.init()V"]
pub extern "C" fn fdi_init() {
    let mut sp = [0 as libc::c_int; 2];
    // SAFETY: socketpair writes two descriptors.
    if unsafe { libc::socketpair(libc::PF_UNIX, libc::SOCK_STREAM, 0, sp.as_mut_ptr()) } < 0 {
        return throw::io_exception_errno(errno(), "socketpair failed");
    }
    PRE_CLOSE_FD.store(sp[0], Ordering::Release);
    // SAFETY: closing the other end just made.
    unsafe { libc::close(sp[1]) };
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.read0(Ljava/io/FileDescriptor;JI)I"]
pub extern "C" fn fdi_read0(fdo: *mut u8, address: i64, len: i32) -> i32 {
    let fd = fdval(fdo);
    // SAFETY: a native buffer of `len` bytes.
    io_call(true, || unsafe {
        libc::read(fd, address as *mut libc::c_void, len as usize) as i64
    }) as i32
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.pread0(Ljava/io/FileDescriptor;JIJ)I"]
pub extern "C" fn fdi_pread0(fdo: *mut u8, address: i64, len: i32, position: i64) -> i32 {
    let fd = fdval(fdo);
    // SAFETY: a native buffer of `len` bytes.
    io_call(true, || unsafe {
        libc::pread(fd, address as *mut libc::c_void, len as usize, position) as i64
    }) as i32
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.readv0(Ljava/io/FileDescriptor;JI)J"]
pub extern "C" fn fdi_readv0(fdo: *mut u8, address: i64, len: i32) -> i64 {
    let fd = fdval(fdo);
    // SAFETY: a native array of `len` iovecs over native buffers.
    io_call(true, || unsafe {
        libc::readv(fd, address as *const libc::iovec, len) as i64
    })
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.write0(Ljava/io/FileDescriptor;JI)I"]
pub extern "C" fn fdi_write0(fdo: *mut u8, address: i64, len: i32) -> i32 {
    let fd = fdval(fdo);
    // SAFETY: a native buffer of `len` bytes.
    io_call(false, || unsafe {
        libc::write(fd, address as *const libc::c_void, len as usize) as i64
    }) as i32
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.pwrite0(Ljava/io/FileDescriptor;JIJ)I"]
pub extern "C" fn fdi_pwrite0(fdo: *mut u8, address: i64, len: i32, position: i64) -> i32 {
    let fd = fdval(fdo);
    // SAFETY: a native buffer of `len` bytes.
    io_call(false, || unsafe {
        libc::pwrite(fd, address as *const libc::c_void, len as usize, position) as i64
    }) as i32
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.writev0(Ljava/io/FileDescriptor;JI)J"]
pub extern "C" fn fdi_writev0(fdo: *mut u8, address: i64, len: i32) -> i64 {
    let fd = fdval(fdo);
    // SAFETY: a native array of `len` iovecs over native buffers.
    io_call(false, || unsafe {
        libc::writev(fd, address as *const libc::iovec, len) as i64
    })
}

/// FileDispatcherImpl.seek0: the position after seeking to `offset` (a negative offset
/// asks for the current position).
#[export_name = "sun/nio/ch/FileDispatcherImpl.seek0(Ljava/io/FileDescriptor;J)J"]
pub extern "C" fn fdi_seek0(fdo: *mut u8, offset: i64) -> i64 {
    let fd = fdval(fdo);
    let (r, e) = blocking_once(|| {
        // SAFETY: no memory arguments.
        unsafe {
            if offset < 0 {
                libc::lseek(fd, 0, libc::SEEK_CUR)
            } else {
                libc::lseek(fd, offset, libc::SEEK_SET)
            }
        }
    });
    handle(r, e, "lseek64 failed")
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.force0(Ljava/io/FileDescriptor;Z)I"]
pub extern "C" fn fdi_force0(fdo: *mut u8, metadata: i32) -> i32 {
    let fd = fdval(fdo);
    let (r, e) = blocking_once(|| {
        // SAFETY: no memory arguments.
        unsafe {
            if metadata == 0 {
                libc::fdatasync(fd) as i64
            } else {
                libc::fsync(fd) as i64
            }
        }
    });
    handle(r, e, "Force failed") as i32
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.truncate0(Ljava/io/FileDescriptor;J)I"]
pub extern "C" fn fdi_truncate0(fdo: *mut u8, size: i64) -> i32 {
    let fd = fdval(fdo);
    // SAFETY: no memory arguments.
    let (r, e) = blocking_once(|| unsafe { libc::ftruncate(fd, size) as i64 });
    handle(r, e, "Truncation failed") as i32
}

/// FileDispatcherImpl.size0: the file's size (a block device's through BLKGETSIZE64).
#[export_name = "sun/nio/ch/FileDispatcherImpl.size0(Ljava/io/FileDescriptor;)J"]
pub extern "C" fn fdi_size0(fdo: *mut u8) -> i64 {
    let fd = fdval(fdo);
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat into a stat buffer.
    if unsafe { libc::fstat(fd, &mut st) } < 0 {
        return handle(-1, errno(), "Size failed");
    }
    if st.st_mode & libc::S_IFMT == libc::S_IFBLK {
        let mut size: u64 = 0;
        // SAFETY: BLKGETSIZE64 writes one u64.
        if unsafe { libc::ioctl(fd, BLKGETSIZE64, &mut size) } < 0 {
            return handle(-1, errno(), "Size failed");
        }
        return size as i64;
    }
    st.st_size
}

/// A `flock` record over `[pos, pos + size)`; a size of Long.MAX_VALUE locks to the end.
fn lock_record(kind: libc::c_int, pos: i64, size: i64) -> libc::flock {
    // SAFETY: an all-zero `flock` is a valid value of the plain C struct.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_whence = libc::SEEK_SET as libc::c_short;
    fl.l_start = pos;
    fl.l_len = if size == i64::MAX { 0 } else { size };
    fl.l_type = kind as libc::c_short;
    fl
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.lock0(Ljava/io/FileDescriptor;ZJJZ)I"]
pub extern "C" fn fdi_lock0(fdo: *mut u8, block: i32, pos: i64, size: i64, shared: i32) -> i32 {
    let fd = fdval(fdo);
    let kind = if shared != 0 {
        libc::F_RDLCK
    } else {
        libc::F_WRLCK
    };
    let fl = lock_record(kind, pos, size);
    let cmd = if block != 0 {
        libc::F_SETLKW
    } else {
        libc::F_SETLK
    };
    // SAFETY: fcntl with a flock record.
    let (r, e) = blocking_once(|| unsafe { libc::fcntl(fd, cmd, &fl) as i64 });
    if r < 0 {
        if cmd == libc::F_SETLK && (e == libc::EAGAIN || e == libc::EACCES) {
            return NO_LOCK;
        }
        if e == libc::EINTR {
            return LOCK_INTERRUPTED;
        }
        throw::io_exception_errno(e, "Lock failed");
    }
    LOCKED
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.release0(Ljava/io/FileDescriptor;JJ)V"]
pub extern "C" fn fdi_release0(fdo: *mut u8, pos: i64, size: i64) {
    let fd = fdval(fdo);
    let fl = lock_record(libc::F_UNLCK, pos, size);
    // SAFETY: fcntl with a flock record.
    if unsafe { libc::fcntl(fd, libc::F_SETLK, &fl) } < 0 {
        throw::io_exception_errno(errno(), "Release failed");
    }
}

/// libnio's `closeFileDescriptor`.
fn close_descriptor(fd: i32) {
    if fd != -1 {
        // SAFETY: closing a descriptor the channel owns.
        let (r, e) = blocking_once(|| unsafe { libc::close(fd) as i64 });
        if r < 0 {
            throw::io_exception_errno(e, "Close failed");
        }
    }
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.close0(Ljava/io/FileDescriptor;)V"]
pub extern "C" fn fdi_close0(fdo: *mut u8) {
    close_descriptor(fdval(fdo));
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.closeIntFD(I)V"]
pub extern "C" fn fdi_close_int_fd(fd: i32) {
    close_descriptor(fd);
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.preClose0(Ljava/io/FileDescriptor;)V"]
pub extern "C" fn fdi_pre_close0(fdo: *mut u8) {
    let pre = PRE_CLOSE_FD.load(Ordering::Acquire);
    // SAFETY: duplicating a descriptor we own over the channel's.
    if pre >= 0 && unsafe { libc::dup2(pre, fdval(fdo)) } < 0 {
        throw::io_exception_errno(errno(), "dup2 failed");
    }
}

#[export_name = "sun/nio/ch/FileDispatcherImpl.dup0(Ljava/io/FileDescriptor;Ljava/io/FileDescriptor;)V"]
pub extern "C" fn fdi_dup0(fdo1: *mut u8, fdo2: *mut u8) {
    // SAFETY: no memory arguments.
    if unsafe { libc::dup2(fdval(fdo1), fdval(fdo2)) } < 0 {
        throw::io_exception_errno(errno(), "dup2 failed");
    }
}

/// FileDispatcherImpl.canTransferToFromOverlappedMap0: true on Linux.
#[export_name = "sun/nio/ch/FileDispatcherImpl.canTransferToFromOverlappedMap0()Z"]
pub extern "C" fn fdi_can_transfer_overlapped() -> i32 {
    1
}

/// FileDispatcherImpl.setDirect0: turns on O_DIRECT; the file system's block size.
#[export_name = "sun/nio/ch/FileDispatcherImpl.setDirect0(Ljava/io/FileDescriptor;)I"]
pub extern "C" fn fdi_set_direct0(fdo: *mut u8) -> i32 {
    let fd = fdval(fdo);
    // SAFETY: fcntl and fstatvfs on an open descriptor, into a zeroed statvfs.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags == -1 || libc::fcntl(fd, libc::F_SETFL, flags | libc::O_DIRECT) == -1 {
            throw::io_exception_errno(errno(), "DirectIO setup failed");
            return -1;
        }
        let mut fs: libc::statvfs = std::mem::zeroed();
        if libc::fstatvfs(fd, &mut fs) == -1 {
            throw::io_exception_errno(errno(), "DirectIO setup failed");
            return -1;
        }
        fs.f_frsize as i32
    }
}

// ---- IOUtil --------------------------------------------------------------------------------

#[export_name = "sun/nio/ch/IOUtil.initIDs()V"]
pub extern "C" fn ioutil_init_ids() {}

#[export_name = "sun/nio/ch/IOUtil.iovMax()I"]
pub extern "C" fn ioutil_iov_max() -> i32 {
    // SAFETY: sysconf has no memory arguments.
    match unsafe { libc::sysconf(libc::_SC_IOV_MAX) } {
        -1 => 16,
        n => n as i32,
    }
}

#[export_name = "sun/nio/ch/IOUtil.fdLimit()I"]
pub extern "C" fn ioutil_fd_limit() -> i32 {
    // SAFETY: an all-zero rlimit is valid; getrlimit fills it.
    let mut rl: libc::rlimit = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut rl) } < 0 {
        throw::io_exception_errno(errno(), "getrlimit failed");
        return -1;
    }
    if rl.rlim_max == libc::RLIM_INFINITY || rl.rlim_max > i32::MAX as libc::rlim_t {
        i32::MAX
    } else {
        rl.rlim_max as i32
    }
}

#[export_name = "sun/nio/ch/IOUtil.fdVal(Ljava/io/FileDescriptor;)I"]
pub extern "C" fn ioutil_fd_val(fdo: *mut u8) -> i32 {
    fdval(fdo)
}

#[export_name = "sun/nio/ch/IOUtil.setfdVal(Ljava/io/FileDescriptor;I)V"]
pub extern "C" fn ioutil_set_fd_val(fdo: *mut u8, value: i32) {
    match (Obj::from_raw(fdo), fd_offset()) {
        (Some(o), Some(off)) => o.write(off, value),
        _ => throw::npe(None),
    }
}

#[export_name = "sun/nio/ch/IOUtil.configureBlocking(Ljava/io/FileDescriptor;Z)V"]
pub extern "C" fn ioutil_configure_blocking(fdo: *mut u8, blocking: i32) {
    let fd = fdval(fdo);
    // SAFETY: fcntl flag changes on a descriptor.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        let new = if blocking != 0 {
            flags & !libc::O_NONBLOCK
        } else {
            flags | libc::O_NONBLOCK
        };
        if flags == -1 || (new != flags && libc::fcntl(fd, libc::F_SETFL, new) == -1) {
            throw::io_exception_errno(errno(), "Configure blocking failed");
        }
    }
}

// ---- FileChannelImpl -----------------------------------------------------------------------

/// FileChannelImpl.initIDs: the allocation granularity of mappings (the page size).
#[export_name = "sun/nio/ch/FileChannelImpl.initIDs()J"]
pub extern "C" fn fci_init_ids() -> i64 {
    // SAFETY: sysconf has no memory arguments.
    unsafe { libc::sysconf(libc::_SC_PAGESIZE) as i64 }
}

/// FileChannelImpl.maxDirectTransferSize0: the most `sendfile` moves at once on Linux.
#[export_name = "sun/nio/ch/FileChannelImpl.maxDirectTransferSize0()I"]
pub extern "C" fn fci_max_direct_transfer() -> i32 {
    0x7fff_f000
}

/// FileChannelImpl.map0: `mmap` of `len` bytes at `offset` of the channel's file.
#[export_name = "sun/nio/ch/FileChannelImpl.map0(IJJZ)J"]
pub extern "C" fn fci_map0(this: *mut u8, prot: i32, offset: i64, len: i64, map_sync: i32) -> i64 {
    let Some(this) = Obj::from_raw(this) else {
        throw::npe(None);
        return IOS_THROWN;
    };
    let fdo = field_offset(this.desc(), "fd")
        .and_then(|off| this.read_ref(off))
        .map_or(std::ptr::null_mut(), Obj::raw);
    let fd = fdval(fdo);
    let (protection, flags) = match prot {
        MAP_RO => (libc::PROT_READ, libc::MAP_SHARED),
        MAP_RW => (libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED),
        MAP_PV => (libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE),
        _ => {
            throw::internal_error(Some("roast: unknown map mode"));
            return IOS_THROWN;
        }
    };
    // MAP_SYNC mappings (persistent memory, `ExtendedMapMode.READ_*_SYNC`), as libnio on
    // x86-64 Linux asks for them: the kernel refuses them on ordinary files.
    let flags = if map_sync != 0 {
        MAP_SHARED_VALIDATE | MAP_SYNC
    } else {
        flags
    };
    // SAFETY: a fresh mapping chosen by the kernel.
    let (addr, e) = blocking_once(|| unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len as usize,
            protection,
            flags,
            fd,
            offset,
        ) as i64
    });
    if addr == libc::MAP_FAILED as i64 {
        if map_sync != 0 && e == libc::EOPNOTSUPP {
            throw::io_exception_errno(e, "map with mode MAP_SYNC is unsupported");
            return IOS_THROWN;
        }
        if e == libc::ENOMEM {
            throw::out_of_memory_message("Map failed");
            return IOS_THROWN;
        }
        return handle(-1, e, "Map failed");
    }
    addr
}

#[export_name = "sun/nio/ch/FileChannelImpl.unmap0(JJ)I"]
pub extern "C" fn fci_unmap0(address: i64, len: i64) -> i32 {
    // SAFETY: unmapping a mapping map0 made.
    let r = unsafe { libc::munmap(address as *mut libc::c_void, len as usize) };
    handle(r as i64, errno(), "Unmap failed") as i32
}

/// FileChannelImpl.transferTo0: `sendfile` from `src` at `position` to `dst`.
#[export_name = "sun/nio/ch/FileChannelImpl.transferTo0(Ljava/io/FileDescriptor;JJLjava/io/FileDescriptor;)J"]
pub extern "C" fn fci_transfer_to0(
    _this: *mut u8,
    src: *mut u8,
    position: i64,
    count: i64,
    dst: *mut u8,
) -> i64 {
    let (src, dst) = (fdval(src), fdval(dst));
    let mut offset: libc::off_t = position;
    // SAFETY: sendfile between open descriptors with an offset variable.
    let (n, e) =
        blocking_once(|| unsafe { libc::sendfile(dst, src, &mut offset, count as usize) as i64 });
    if n < 0 {
        if e == libc::EAGAIN {
            return IOS_UNAVAILABLE;
        }
        if e == libc::EINVAL && count >= 0 {
            return IOS_UNSUPPORTED_CASE;
        }
        if e == libc::EINTR {
            return IOS_INTERRUPTED;
        }
        throw::io_exception_errno(e, "Transfer failed");
        return IOS_THROWN;
    }
    n
}

// ---- NativeThread and FileKey --------------------------------------------------------------

/// The signal that interrupts a thread blocked in I/O when another thread closes the
/// channel (libnio's INTERRUPT_SIGNAL); its handler does nothing, so the call fails with
/// EINTR.
fn interrupt_signal() -> libc::c_int {
    libc::SIGRTMAX() - 2
}

extern "C" fn ignore_signal(_: libc::c_int) {}

#[export_name = "sun/nio/ch/NativeThread.init()V"]
pub extern "C" fn native_thread_init() {
    // SAFETY: installs a handler that does nothing, without SA_RESTART.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = ignore_signal as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        if libc::sigaction(interrupt_signal(), &sa, std::ptr::null_mut()) < 0 {
            throw::io_exception_errno(errno(), "sigaction");
        }
    }
}

#[export_name = "sun/nio/ch/NativeThread.current()J"]
pub extern "C" fn native_thread_current() -> i64 {
    // SAFETY: no arguments.
    unsafe { libc::pthread_self() as i64 }
}

#[export_name = "sun/nio/ch/NativeThread.signal(J)V"]
pub extern "C" fn native_thread_signal(thread: i64) {
    // SAFETY: `thread` is a pthread_t from `current` of a thread still in the channel's set.
    if unsafe { libc::pthread_kill(thread as libc::pthread_t, interrupt_signal()) } != 0 {
        throw::io_exception_errno(errno(), "Thread signal failed");
    }
}

#[export_name = "sun/nio/ch/FileKey.initIDs()V"]
pub extern "C" fn file_key_init_ids() {}

/// FileKey.init: the device and inode of the descriptor's file.
#[export_name = "sun/nio/ch/FileKey.init(Ljava/io/FileDescriptor;)V"]
pub extern "C" fn file_key_init(this: *mut u8, fdo: *mut u8) {
    let fd = fdval(fdo);
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat into a stat buffer.
    if let Err(e) = retry(|| unsafe { libc::fstat(fd, &mut st) } as i64) {
        return throw::io_exception_errno(e, "fstat64 failed");
    }
    let Some(this) = Obj::from_raw(this) else {
        return throw::npe(None);
    };
    let d = this.desc();
    match (field_offset(d, "st_dev"), field_offset(d, "st_ino")) {
        (Some(dev), Some(ino)) => {
            this.write(dev, st.st_dev as i64);
            this.write(ino, st.st_ino as i64);
        }
        _ => throw::internal_error(Some("roast: FileKey lacks st_dev/st_ino")),
    }
}
