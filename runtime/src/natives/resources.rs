//! Embedded resources: the table the compiler emits (`contract::symbols::RESOURCE_TABLE`,
//! see `aot/src/resources.rs` for which files are in it) and the native that hands a
//! resource's bytes to Java (`RoastVM.resourceBytes`, used by `Class.getResourceAsStream`).
//!
//! Files of the JDK home (resources named `/lib/...`, `/conf/...`) appear below `java.home`
//! (`roast_java_home`, the build's JDK): `jdk_file` finds them for the java.io natives, which
//! open them as anonymous memory files.
//!
//! Invariant: the table is sorted by name (byte order), so lookups are binary searches.

use crate::contract::ResourceEntry;
use crate::object::Obj;
use crate::strings::rust_string;

/// The embedded resources, sorted by name.
fn table() -> &'static [ResourceEntry] {
    extern "C" {
        static roast_resource_table: [ResourceEntry; 0];
        static roast_resource_count: u32;
    }
    // SAFETY: the compiler always emits the table (possibly empty) and its length.
    unsafe {
        std::slice::from_raw_parts(roast_resource_table.as_ptr(), roast_resource_count as usize)
    }
}

fn entry_name(e: &ResourceEntry) -> &'static [u8] {
    // SAFETY: `name` points to `name_len` bytes of a constant global.
    unsafe { std::slice::from_raw_parts(e.name, e.name_len as usize) }
}

/// The contents of the embedded resource `name` (a path such as `java/lang/uniName.dat`).
pub fn find(name: &str) -> Option<&'static [u8]> {
    let t = table();
    let i = t
        .binary_search_by(|e| entry_name(e).cmp(name.as_bytes()))
        .ok()?;
    let e = &t[i];
    // SAFETY: `data` points to `data_len` bytes of a constant global.
    Some(unsafe { std::slice::from_raw_parts(e.data, e.data_len as usize) })
}

/// RoastVM.resourceBytes: a new `byte[]` with the contents of the embedded resource of this
/// absolute name (no leading `/`), or null when there is none.
#[export_name = "java/lang/RoastVM.resourceBytes(Ljava/lang/String;)[B"]
pub extern "C" fn roast_vm_resource_bytes(name: *mut u8) -> *mut u8 {
    let Some(name) = Obj::from_raw(name) else {
        return std::ptr::null_mut();
    };
    let name = rust_string(name);
    // The interpreter's compressed JDK class files are not resources of the program.
    if name.starts_with(crate::contract::JDK_CLASS_PREFIX)
        || name.starts_with(crate::contract::JDK_BLOCK_PREFIX)
    {
        return std::ptr::null_mut();
    }
    let Some(bytes) = find(&name) else {
        return std::ptr::null_mut();
    };
    let Some(desc) = crate::object::class_by_name("[B") else {
        return std::ptr::null_mut();
    };
    let Some(array) = crate::heap::alloc_array(desc, bytes.len()) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the new array has room for `bytes.len()` elements.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), array.array_data(), bytes.len()) };
    array.raw()
}

/// `java.home`: the JDK home the program's class library came from (recorded at build time).
pub fn java_home() -> &'static str {
    extern "C" {
        static roast_java_home: [u8; 0];
    }
    // SAFETY: the compiler always emits the NUL-terminated string.
    crate::object::cstr(unsafe { roast_java_home.as_ptr() })
}

/// The embedded copy of a JDK home file (`<java.home>/lib/tzdb.dat`), if `path` names one.
pub fn jdk_file(path: &str) -> Option<&'static [u8]> {
    let rest = path.strip_prefix(java_home())?;
    rest.starts_with('/').then(|| find(rest)).flatten()
}

/// A read-only descriptor whose contents are `bytes` (an anonymous memory file), for opening
/// an embedded JDK file like a real one; -1 on failure (errno set).
pub fn memory_file(bytes: &[u8]) -> i32 {
    // SAFETY: creating an anonymous file and writing `bytes` into it from a valid slice.
    unsafe {
        let fd = libc::memfd_create(c"roast-jdk-file".as_ptr(), libc::MFD_CLOEXEC);
        if fd < 0 {
            return -1;
        }
        let mut written = 0;
        while written < bytes.len() {
            let n = libc::write(fd, bytes[written..].as_ptr().cast(), bytes.len() - written);
            if n <= 0 {
                libc::close(fd);
                return -1;
            }
            written += n as usize;
        }
        libc::lseek(fd, 0, libc::SEEK_SET);
        fd
    }
}
