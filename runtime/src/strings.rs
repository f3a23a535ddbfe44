//! Java strings made and read by the runtime, with the JDK's compact-string layout (`value`
//! byte array, `coder` 0 = Latin-1, 1 = UTF-16 little-endian).

use crate::contract::ClassDesc;
use crate::object::{field_offset, Obj};
use std::sync::OnceLock;

extern "C" {
    #[link_name = "desc:java/lang/String"]
    static STRING_DESC: ClassDesc;
    #[link_name = "desc:[B"]
    static BYTE_ARRAY_DESC: ClassDesc;
}

struct Offsets {
    value: usize,
    coder: usize,
}

fn offsets() -> &'static Offsets {
    static O: OnceLock<Offsets> = OnceLock::new();
    O.get_or_init(|| {
        // SAFETY: the compiler always emits the String descriptor.
        let d = unsafe { &STRING_DESC };
        Offsets {
            value: field_offset(d, "value").expect("String.value"),
            coder: field_offset(d, "coder").expect("String.coder"),
        }
    })
}

/// A new Java string with the contents of `s` (None when out of memory).
pub fn java_string(s: &str) -> Option<Obj> {
    let latin1 = s.chars().all(|c| (c as u32) < 256);
    let bytes: Vec<u8> = if latin1 {
        s.chars().map(|c| c as u8).collect()
    } else {
        s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
    };
    // SAFETY: descriptors emitted by the compiler.
    let arr = crate::heap::alloc_array(unsafe { &BYTE_ARRAY_DESC }, bytes.len())?;
    // SAFETY: the array has room for `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), arr.array_data(), bytes.len()) };
    // SAFETY: as above.
    let s = crate::heap::alloc_instance(unsafe { &STRING_DESC })?;
    let o = offsets();
    s.write_ref(o.value, Some(arr));
    s.write::<u8>(o.coder, if latin1 { 0 } else { 1 });
    Some(s)
}

/// A new Java string with exactly these UTF-16 code units (None when out of memory).
pub fn java_string_utf16(units: &[u16]) -> Option<Obj> {
    let latin1 = units.iter().all(|&u| u < 256);
    let bytes: Vec<u8> = if latin1 {
        units.iter().map(|&u| u as u8).collect()
    } else {
        units.iter().flat_map(|u| u.to_le_bytes()).collect()
    };
    // SAFETY: descriptors emitted by the compiler.
    let arr = crate::heap::alloc_array(unsafe { &BYTE_ARRAY_DESC }, bytes.len())?;
    // SAFETY: the array has room for `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), arr.array_data(), bytes.len()) };
    // SAFETY: as above.
    let s = crate::heap::alloc_instance(unsafe { &STRING_DESC })?;
    let o = offsets();
    s.write_ref(o.value, Some(arr));
    s.write::<u8>(o.coder, if latin1 { 0 } else { 1 });
    Some(s)
}

/// The exact UTF-16 contents of a Java string.
pub fn utf16(s: Obj) -> Vec<u16> {
    let o = offsets();
    let Some(arr) = s.read_ref(o.value) else {
        return Vec::new();
    };
    // SAFETY: the array holds `array_len` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(arr.array_data(), arr.array_len()) };
    if s.read::<u8>(o.coder) == 0 {
        bytes.iter().map(|&b| b as u16).collect()
    } else {
        bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    }
}

/// Every string literal of the program (immortal, interned).
pub fn literals() -> &'static [Obj] {
    extern "C" {
        static roast_string_table: [Obj; 0];
        static roast_string_count: u32;
    }
    // SAFETY: the compiler emits the table and its length.
    unsafe { std::slice::from_raw_parts(roast_string_table.as_ptr(), roast_string_count as usize) }
}

/// The contents of a Java string.
pub fn rust_string(s: Obj) -> String {
    let o = offsets();
    let Some(arr) = s.read_ref(o.value) else {
        return String::new();
    };
    let len = arr.array_len();
    // SAFETY: the array holds `len` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(arr.array_data(), len) };
    if s.read::<u8>(o.coder) == 0 {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    }
}

/// A Java `String[]` from Rust strings.
pub fn java_string_array(items: &[String]) -> Option<Obj> {
    let desc = crate::object::class_by_name("[Ljava/lang/String;")?;
    let arr = crate::heap::alloc_array(desc, items.len())?;
    for (i, s) in items.iter().enumerate() {
        let js = java_string(s)?;
        arr.write_ref(
            crate::contract::ARRAY_BASE_OFFSET as usize + i * 8,
            Some(js),
        );
    }
    Some(arr)
}
