//! The Java natives of class loading (`ClassLoader.defineClass1`, `findLoadedClass1`,
//! `Class.classLoader0`), declared by the SDK's `ClassLoader` and `Class` shadows.
//!
//! Invariant: the byte range given to defineClass is checked against the array before it
//! is read (IndexOutOfBoundsException otherwise, as the JDK's checks do).

use crate::classes::{desc_of_mirror, roast_class_mirror};
use crate::object::Obj;
use crate::strings::rust_string;

fn null() -> *mut u8 {
    std::ptr::null_mut()
}

/// ClassLoader.defineClass1: defines a class from `bytes[off..off+len]`.
#[export_name = "java/lang/ClassLoader.defineClass1(Ljava/lang/ClassLoader;Ljava/lang/String;[BII)Ljava/lang/Class;"]
pub extern "C" fn define_class1(
    loader: *mut u8,
    name: *mut u8,
    bytes: *mut u8,
    off: i32,
    len: i32,
) -> *mut u8 {
    let (Some(l), Some(b)) = (Obj::from_raw(loader), Obj::from_raw(bytes)) else {
        crate::throw::npe(None);
        return null();
    };
    let n = b.array_len();
    if off < 0 || len < 0 || off as usize + len as usize > n {
        crate::throw::index_out_of_bounds_msg(&format!(
            "Range [{off}, {off} + {len}) out of bounds for length {n}"
        ));
        return null();
    }
    // SAFETY: the range lies within the byte array (checked above).
    let data =
        unsafe { std::slice::from_raw_parts(b.array_data().add(off as usize), len as usize) }
            .to_vec();
    let expected = Obj::from_raw(name).map(rust_string);
    match super::define::define(l.raw() as usize, expected.as_deref(), &data) {
        Some(d) => roast_class_mirror(d),
        None => null(),
    }
}

/// ClassLoader.findLoadedClass1: the class `name` (binary name) defined by `loader`, or null.
#[export_name = "java/lang/ClassLoader.findLoadedClass1(Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;"]
pub extern "C" fn find_loaded_class1(loader: *mut u8, name: *mut u8) -> *mut u8 {
    let Some(n) = Obj::from_raw(name) else {
        return null();
    };
    let internal = rust_string(n).replace('.', "/");
    match super::class::find_defined(loader as usize, &internal) {
        Some(d) => roast_class_mirror(d),
        None => null(),
    }
}

/// Class.classLoader0: the defining loader of a run-time class, null for compiled classes.
#[export_name = "java/lang/Class.classLoader0()Ljava/lang/ClassLoader;"]
pub extern "C" fn class_loader0(this: *mut u8) -> *mut u8 {
    Obj::from_raw(this)
        .and_then(desc_of_mirror)
        .and_then(super::class::of_desc)
        .map_or(null(), |c| c.loader as *mut u8)
}

fn file_arg(path: *mut u8) -> Option<String> {
    Obj::from_raw(path).map(rust_string)
}

/// URLClassLoader.readFile0: the bytes of a regular file, or null.
#[export_name = "java/net/URLClassLoader.readFile0(Ljava/lang/String;)[B"]
pub extern "C" fn url_read_file0(path: *mut u8) -> *mut u8 {
    let Some(p) = file_arg(path) else {
        crate::throw::npe(None);
        return null();
    };
    let Ok(bytes) = std::fs::read(&p) else {
        return null();
    };
    let Some(d) = crate::object::class_by_name("[B") else {
        return null();
    };
    let Some(a) = crate::heap::alloc_array(d, bytes.len()) else {
        return null();
    };
    // SAFETY: the array holds `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), a.array_data(), bytes.len()) };
    a.raw()
}

/// URLClassLoader.exists0: does the file exist?
#[export_name = "java/net/URLClassLoader.exists0(Ljava/lang/String;)Z"]
pub extern "C" fn url_exists0(path: *mut u8) -> i32 {
    i32::from(file_arg(path).is_some_and(|p| std::path::Path::new(&p).exists()))
}
