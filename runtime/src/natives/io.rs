//! Natives of `java.io`: file descriptors and the standard streams.

use crate::object::Obj;

fn fd_of(stream: Obj, class: &str) -> i32 {
    let d = crate::object::class_by_name(class);
    let fd_off = d.and_then(|d| crate::object::field_offset(d, "fd"));
    let fdesc = fd_off.and_then(|o| stream.read_ref(o));
    let fd_class = crate::object::class_by_name("java/io/FileDescriptor");
    match (
        fdesc,
        fd_class.and_then(|c| crate::object::field_offset(c, "fd")),
    ) {
        (Some(f), Some(off)) => f.read::<i32>(off),
        _ => -1,
    }
}

fn write_all(fd: i32, mut bytes: &[u8]) {
    extern "C" {
        fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    }
    while !bytes.is_empty() {
        // SAFETY: writing from a valid buffer (a Java array pinned by the caller's frame, or
        // Rust memory); the write may block, so it runs as a GC safe region.
        let n = crate::gc::safe_region(|| unsafe { write(fd, bytes.as_ptr(), bytes.len()) });
        if n <= 0 {
            break;
        }
        bytes = &bytes[n as usize..];
    }
}

/// FileOutputStream.writeBytes([BIIZ)V
#[export_name = "java/io/FileOutputStream.writeBytes([BIIZ)V"]
pub extern "C" fn fos_write_bytes(this: *mut u8, b: *mut u8, off: i32, len: i32, _append: i32) {
    let (Some(this), Some(b)) = (Obj::from_raw(this), Obj::from_raw(b)) else {
        return crate::throw::npe(None);
    };
    if off < 0 || len < 0 || (off as usize + len as usize) > b.array_len() {
        return crate::throw::index_out_of_bounds(off, b.array_len() as i32);
    }
    let fd = fd_of(this, "java/io/FileOutputStream");
    // SAFETY: the range was checked against the array length.
    let data =
        unsafe { std::slice::from_raw_parts(b.array_data().add(off as usize), len as usize) };
    write_all(fd, data);
}

/// FileOutputStream.write(IZ)V
#[export_name = "java/io/FileOutputStream.write(IZ)V"]
pub extern "C" fn fos_write(this: *mut u8, byte: i32, _append: i32) {
    let Some(this) = Obj::from_raw(this) else {
        return;
    };
    write_all(fd_of(this, "java/io/FileOutputStream"), &[byte as u8]);
}

/// FileInputStream.readBytes([BII)I
#[export_name = "java/io/FileInputStream.readBytes([BII)I"]
pub extern "C" fn fis_read_bytes(this: *mut u8, b: *mut u8, off: i32, len: i32) -> i32 {
    extern "C" {
        fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
    }
    let (Some(this), Some(b)) = (Obj::from_raw(this), Obj::from_raw(b)) else {
        crate::throw::npe(None);
        return -1;
    };
    if off < 0 || len < 0 || (off as usize + len as usize) > b.array_len() {
        crate::throw::index_out_of_bounds(off, b.array_len() as i32);
        return -1;
    }
    if len == 0 {
        return 0;
    }
    let fd = fd_of(this, "java/io/FileInputStream");
    let dst = b.array_data().wrapping_add(off as usize);
    // SAFETY: the range was checked against the array length; the array is pinned by the
    // caller's frame. A read may block: it runs as a GC safe region.
    let n = crate::gc::safe_region(|| unsafe { read(fd, dst, len as usize) });
    if n <= 0 {
        -1
    } else {
        n as i32
    }
}

/// FileInputStream.read0()I
#[export_name = "java/io/FileInputStream.read0()I"]
pub extern "C" fn fis_read0(this: *mut u8) -> i32 {
    extern "C" {
        fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
    }
    let Some(this) = Obj::from_raw(this) else {
        return -1;
    };
    let mut b = 0u8;
    let fd = fd_of(this, "java/io/FileInputStream");
    // SAFETY: reading one byte into a local; may block, so a GC safe region.
    let n = crate::gc::safe_region(|| unsafe { read(fd, &mut b, 1) });
    if n == 1 {
        b as i32
    } else {
        -1
    }
}

/// FileInputStream.available0()I
#[export_name = "java/io/FileInputStream.available0()I"]
pub extern "C" fn fis_available0(_this: *mut u8) -> i32 {
    0
}

/// FileDescriptor.initIDs()V and friends: nothing to do.
#[export_name = "java/io/FileDescriptor.initIDs()V"]
pub extern "C" fn fd_init_ids() {}

/// FileOutputStream.initIDs()V
#[export_name = "java/io/FileOutputStream.initIDs()V"]
pub extern "C" fn fos_init_ids() {}

/// FileInputStream.initIDs()V
#[export_name = "java/io/FileInputStream.initIDs()V"]
pub extern "C" fn fis_init_ids() {}

/// FileDescriptor.getHandle(I)J
#[export_name = "java/io/FileDescriptor.getHandle(I)J"]
pub extern "C" fn fd_get_handle(_fd: i32) -> i64 {
    -1
}

/// FileDescriptor.getAppend(I)Z
#[export_name = "java/io/FileDescriptor.getAppend(I)Z"]
pub extern "C" fn fd_get_append(_fd: i32) -> i32 {
    0
}
