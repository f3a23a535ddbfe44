//! Native methods of JDK classes (the list is `contract::NATIVES`). Each is exported under
//! the compiled-method symbol of the Java declaration and follows the compiled calling
//! convention: receiver (instance methods) then arguments; `int`-like values as i32,
//! references as raw addresses, exceptions through the pending-exception slot.

pub mod annotations;
pub mod fdlibm;
pub mod fs;
pub mod hotspot;
pub mod invoke;
pub mod io;
pub mod lang;
pub mod members;
pub mod method_calls;
pub mod nio_attrs;
pub mod nio_ch;
pub mod nio_copy;
pub mod nio_dirs;
pub mod nio_fs;
pub mod nio_mounts;
pub mod nio_sys;
pub mod proxy;
pub mod reflect;
pub mod resources;
pub mod threads;
pub mod timezone;
pub mod unsafe_mem;
pub mod unsafe_offheap;
pub mod zip;

/// The address of `len` bytes at `off` of the byte array `b`, or None with an exception
/// pending (NullPointerException for a null array, ArrayIndexOutOfBoundsException for a
/// range outside it). Natives that take `(byte[], off, len)` check with this before touching
/// memory, even where the JDK's Java code has checked already.
pub(crate) fn byte_range(b: *mut u8, off: i32, len: i32) -> Option<*mut u8> {
    let Some(b) = crate::object::Obj::from_raw(b) else {
        crate::throw::npe(None);
        return None;
    };
    if off < 0 || len < 0 || off as usize + len as usize > b.array_len() {
        crate::throw::index_out_of_bounds(off, b.array_len() as i32);
        return None;
    }
    // SAFETY: the range was checked against the array length.
    Some(unsafe { b.array_data().add(off as usize) })
}
