//! `java.util.zip` natives: CRC32, Adler32, Inflater and Deflater over the system zlib
//! (linked statically; C glue in `runtime-c/zip.c`), with the JDK's packing of results and
//! its exceptions, so compressed bytes, checksums and error messages are HotSpot's.
//!
//! Result packing of `inflate*`/`deflate*` (as the JDK's natives): bits 0..31 input bytes
//! used, bits 31..62 output bytes written, bit 62 finished, bit 63 "needs dictionary"
//! (Inflater) or "parameters still to set" (Deflater).
//!
//! Invariant: array ranges come from the JDK's Java code, which checks them before calling
//! (`Preconditions.checkFromIndexSize`); they are checked again here, and a bad range throws
//! ArrayIndexOutOfBoundsException instead of touching memory.

use crate::object::{cstr, Obj};
use crate::throw;
use std::ffi::c_void;

// zlib status codes.
const Z_OK: i32 = 0;
const Z_STREAM_END: i32 = 1;
const Z_NEED_DICT: i32 = 2;
const Z_STREAM_ERROR: i32 = -2;
const Z_DATA_ERROR: i32 = -3;
const Z_MEM_ERROR: i32 = -4;
const Z_BUF_ERROR: i32 = -5;

extern "C" {
    fn roast_zlib_inflate_new(nowrap: i32, ret: *mut i32) -> *mut c_void;
    fn roast_zlib_deflate_new(level: i32, strategy: i32, nowrap: i32, ret: *mut i32)
        -> *mut c_void;
    fn roast_zlib_inflate(
        z: *mut c_void,
        input: *const u8,
        in_len: i32,
        out: *mut u8,
        out_len: i32,
        in_left: *mut i32,
        out_left: *mut i32,
    ) -> i32;
    #[allow(clippy::too_many_arguments)]
    fn roast_zlib_deflate(
        z: *mut c_void,
        input: *const u8,
        in_len: i32,
        out: *mut u8,
        out_len: i32,
        flush: i32,
        params: i32,
        in_left: *mut i32,
        out_left: *mut i32,
    ) -> i32;
    fn roast_zlib_msg(z: *mut c_void) -> *const u8;
    fn roast_zlib_adler(z: *mut c_void) -> u64;
    fn roast_zlib_inflate_set_dictionary(z: *mut c_void, dict: *const u8, len: i32) -> i32;
    fn roast_zlib_deflate_set_dictionary(z: *mut c_void, dict: *const u8, len: i32) -> i32;
    fn roast_zlib_inflate_reset(z: *mut c_void) -> i32;
    fn roast_zlib_deflate_reset(z: *mut c_void) -> i32;
    fn roast_zlib_inflate_end(z: *mut c_void) -> i32;
    fn roast_zlib_deflate_end(z: *mut c_void) -> i32;
    fn roast_zlib_crc32(crc: u64, buf: *const u8, len: i32) -> u64;
    fn roast_zlib_adler32(adler: u64, buf: *const u8, len: i32) -> u64;
}

fn stream(addr: i64) -> *mut c_void {
    addr as usize as *mut c_void
}

/// zlib's message for the stream's last error, if any.
fn message(z: *mut c_void) -> Option<&'static str> {
    // SAFETY: `z` is a live stream made by `roast_zlib_*_new`.
    let m = unsafe { roast_zlib_msg(z) };
    (!m.is_null()).then(|| cstr(m))
}

fn pack(input_used: i32, output_used: i32, flag62: bool, flag63: bool) -> i64 {
    (input_used as i64)
        | ((output_used as i64) << 31)
        | ((flag62 as i64) << 62)
        | ((flag63 as i64) << 63)
}

// ---- checksums ----------------------------------------------------------------------------

/// The three natives of a checksum class over a zlib checksum function: one byte, a byte
/// array range, a direct buffer range.
macro_rules! checksum_natives {
    ($update:literal, $bytes:literal, $buffer:literal, $f:ident, $one:ident, $array:ident, $direct:ident) => {
        #[export_name = $update]
        pub extern "C" fn $one(sum: i32, b: i32) -> i32 {
            let byte = b as u8;
            // SAFETY: one byte on the stack.
            unsafe { $f(sum as u32 as u64, &byte, 1) as i32 }
        }

        #[export_name = $bytes]
        pub extern "C" fn $array(sum: i32, b: *mut u8, off: i32, len: i32) -> i32 {
            let Some(p) = super::byte_range(b, off, len) else {
                return 0;
            };
            // SAFETY: `p` is `len` bytes inside the array.
            unsafe { $f(sum as u32 as u64, p, len) as i32 }
        }

        #[export_name = $buffer]
        pub extern "C" fn $direct(sum: i32, addr: i64, off: i32, len: i32) -> i32 {
            let p = (addr + off as i64) as usize as *const u8;
            // SAFETY: a direct buffer's address and a range the JDK checked against its limit.
            unsafe { $f(sum as u32 as u64, p, len) as i32 }
        }
    };
}

checksum_natives!(
    "java/util/zip/CRC32.update(II)I",
    "java/util/zip/CRC32.updateBytes0(I[BII)I",
    "java/util/zip/CRC32.updateByteBuffer0(IJII)I",
    roast_zlib_crc32,
    crc32_update,
    crc32_update_bytes,
    crc32_update_buffer
);

checksum_natives!(
    "java/util/zip/Adler32.update(II)I",
    "java/util/zip/Adler32.updateBytes(I[BII)I",
    "java/util/zip/Adler32.updateByteBuffer(IJII)I",
    roast_zlib_adler32,
    adler32_update,
    adler32_update_bytes,
    adler32_update_buffer
);

// ---- Inflater -----------------------------------------------------------------------------

#[export_name = "java/util/zip/Inflater.initIDs()V"]
pub extern "C" fn inflater_init_ids() {}

#[export_name = "java/util/zip/Inflater.init(Z)J"]
pub extern "C" fn inflater_init(nowrap: i32) -> i64 {
    let mut ret = 0;
    // SAFETY: allocates and initializes a stream; `ret` receives zlib's status.
    let z = unsafe { roast_zlib_inflate_new(nowrap, &mut ret) };
    if !z.is_null() {
        return z as usize as i64;
    }
    match ret {
        Z_MEM_ERROR => throw::out_of_memory(),
        _ => throw::internal_error(Some("inflateInit2 failed")),
    }
    0
}

/// `setDictionary` of both classes: zlib's status to the JDK's exceptions.
fn dictionary_status(ret: i32, z: *mut c_void, inflater: bool) {
    match ret {
        Z_OK => {}
        Z_STREAM_ERROR if !inflater => throw::illegal_argument_opt(None),
        Z_STREAM_ERROR | Z_DATA_ERROR if inflater => throw::illegal_argument_opt(message(z)),
        _ => throw::internal_error(message(z)),
    }
}

#[export_name = "java/util/zip/Inflater.setDictionary(J[BII)V"]
pub extern "C" fn inflater_set_dictionary(addr: i64, b: *mut u8, off: i32, len: i32) {
    let Some(p) = super::byte_range(b, off, len) else {
        return;
    };
    // SAFETY: a live stream and `len` bytes inside the array.
    let ret = unsafe { roast_zlib_inflate_set_dictionary(stream(addr), p, len) };
    dictionary_status(ret, stream(addr), true);
}

#[export_name = "java/util/zip/Inflater.setDictionaryBuffer(JJI)V"]
pub extern "C" fn inflater_set_dictionary_buffer(addr: i64, buf: i64, len: i32) {
    // SAFETY: a live stream and a direct buffer's range.
    let ret =
        unsafe { roast_zlib_inflate_set_dictionary(stream(addr), buf as usize as *const u8, len) };
    dictionary_status(ret, stream(addr), true);
}

/// One inflate step and the JDK's `checkInflateStatus`.
fn inflate(
    this: *mut u8,
    addr: i64,
    input: *const u8,
    in_len: i32,
    out: *mut u8,
    out_len: i32,
) -> i64 {
    let z = stream(addr);
    let (mut in_left, mut out_left) = (0, 0);
    // SAFETY: a live stream; the callers pass ranges inside arrays or direct buffers.
    let ret =
        unsafe { roast_zlib_inflate(z, input, in_len, out, out_len, &mut in_left, &mut out_left) };
    let (used_in, used_out) = (in_len - in_left, out_len - out_left);
    match ret {
        Z_STREAM_END => pack(used_in, used_out, true, false),
        Z_OK => pack(used_in, used_out, false, false),
        Z_NEED_DICT => pack(used_in, used_out, false, true),
        Z_BUF_ERROR => 0,
        Z_DATA_ERROR => {
            if let Some(this) = Obj::from_raw(this) {
                set_int_field(this, "inputConsumed", used_in);
                set_int_field(this, "outputConsumed", used_out);
            }
            throw::data_format(message(z));
            0
        }
        Z_MEM_ERROR => {
            throw::out_of_memory();
            0
        }
        _ => {
            throw::internal_error(message(z));
            0
        }
    }
}

fn set_int_field(o: Obj, name: &str, v: i32) {
    if let Some(off) = crate::object::field_offset(o.desc(), name) {
        o.write(off, v);
    }
}

#[export_name = "java/util/zip/Inflater.inflateBytesBytes(J[BII[BII)J"]
pub extern "C" fn inflater_bytes_bytes(
    this: *mut u8,
    addr: i64,
    input: *mut u8,
    in_off: i32,
    in_len: i32,
    out: *mut u8,
    out_off: i32,
    out_len: i32,
) -> i64 {
    let Some(i) = super::byte_range(input, in_off, in_len) else {
        return 0;
    };
    let Some(o) = super::byte_range(out, out_off, out_len) else {
        return 0;
    };
    inflate(this, addr, i, in_len, o, out_len)
}

#[export_name = "java/util/zip/Inflater.inflateBytesBuffer(J[BIIJI)J"]
pub extern "C" fn inflater_bytes_buffer(
    this: *mut u8,
    addr: i64,
    input: *mut u8,
    in_off: i32,
    in_len: i32,
    out: i64,
    out_len: i32,
) -> i64 {
    let Some(i) = super::byte_range(input, in_off, in_len) else {
        return 0;
    };
    inflate(this, addr, i, in_len, out as usize as *mut u8, out_len)
}

#[export_name = "java/util/zip/Inflater.inflateBufferBytes(JJI[BII)J"]
pub extern "C" fn inflater_buffer_bytes(
    this: *mut u8,
    addr: i64,
    input: i64,
    in_len: i32,
    out: *mut u8,
    out_off: i32,
    out_len: i32,
) -> i64 {
    let Some(o) = super::byte_range(out, out_off, out_len) else {
        return 0;
    };
    inflate(this, addr, input as usize as *const u8, in_len, o, out_len)
}

#[export_name = "java/util/zip/Inflater.inflateBufferBuffer(JJIJI)J"]
pub extern "C" fn inflater_buffer_buffer(
    this: *mut u8,
    addr: i64,
    input: i64,
    in_len: i32,
    out: i64,
    out_len: i32,
) -> i64 {
    inflate(
        this,
        addr,
        input as usize as *const u8,
        in_len,
        out as usize as *mut u8,
        out_len,
    )
}

#[export_name = "java/util/zip/Inflater.getAdler(J)I"]
pub extern "C" fn inflater_get_adler(addr: i64) -> i32 {
    // SAFETY: a live stream.
    unsafe { roast_zlib_adler(stream(addr)) as i32 }
}

#[export_name = "java/util/zip/Inflater.reset(J)V"]
pub extern "C" fn inflater_reset(addr: i64) {
    // SAFETY: a live stream.
    if unsafe { roast_zlib_inflate_reset(stream(addr)) } != Z_OK {
        throw::internal_error(None);
    }
}

#[export_name = "java/util/zip/Inflater.end(J)V"]
pub extern "C" fn inflater_end(addr: i64) {
    // SAFETY: a live stream, freed here; the JDK calls end once (its cleaner).
    if unsafe { roast_zlib_inflate_end(stream(addr)) } == Z_STREAM_ERROR {
        throw::internal_error(None);
    }
}

// ---- Deflater -----------------------------------------------------------------------------

#[export_name = "java/util/zip/Deflater.init(IIZ)J"]
pub extern "C" fn deflater_init(level: i32, strategy: i32, nowrap: i32) -> i64 {
    let mut ret = 0;
    // SAFETY: allocates and initializes a stream; `ret` receives zlib's status.
    let z = unsafe { roast_zlib_deflate_new(level, strategy, nowrap, &mut ret) };
    if !z.is_null() {
        return z as usize as i64;
    }
    match ret {
        Z_MEM_ERROR => throw::out_of_memory(),
        Z_STREAM_ERROR => throw::illegal_argument_opt(None),
        _ => throw::internal_error(Some("deflateInit2 failed")),
    }
    0
}

#[export_name = "java/util/zip/Deflater.setDictionary(J[BII)V"]
pub extern "C" fn deflater_set_dictionary(addr: i64, b: *mut u8, off: i32, len: i32) {
    let Some(p) = super::byte_range(b, off, len) else {
        return;
    };
    // SAFETY: a live stream and `len` bytes inside the array.
    let ret = unsafe { roast_zlib_deflate_set_dictionary(stream(addr), p, len) };
    dictionary_status(ret, stream(addr), false);
}

#[export_name = "java/util/zip/Deflater.setDictionaryBuffer(JJI)V"]
pub extern "C" fn deflater_set_dictionary_buffer(addr: i64, buf: i64, len: i32) {
    // SAFETY: a live stream and a direct buffer's range.
    let ret =
        unsafe { roast_zlib_deflate_set_dictionary(stream(addr), buf as usize as *const u8, len) };
    dictionary_status(ret, stream(addr), false);
}

/// One deflate step and the JDK's `checkDeflateStatus`.
#[allow(clippy::too_many_arguments)]
fn deflate(
    addr: i64,
    input: *const u8,
    in_len: i32,
    out: *mut u8,
    out_len: i32,
    flush: i32,
    params: i32,
) -> i64 {
    let z = stream(addr);
    let (mut in_left, mut out_left) = (0, 0);
    // SAFETY: a live stream; the callers pass ranges inside arrays or direct buffers.
    let ret = unsafe {
        roast_zlib_deflate(
            z,
            input,
            in_len,
            out,
            out_len,
            flush,
            params,
            &mut in_left,
            &mut out_left,
        )
    };
    let (used_in, used_out) = (in_len - in_left, out_len - out_left);
    if params & 1 != 0 {
        match ret {
            Z_OK => pack(used_in, used_out, false, false),
            Z_BUF_ERROR => pack(used_in, used_out, false, true),
            _ => {
                throw::internal_error(Some("deflateParams failed"));
                0
            }
        }
    } else {
        match ret {
            Z_STREAM_END => pack(used_in, used_out, true, false),
            Z_OK => pack(used_in, used_out, false, false),
            Z_BUF_ERROR => 0,
            _ => {
                throw::internal_error(message(z));
                0
            }
        }
    }
}

#[export_name = "java/util/zip/Deflater.deflateBytesBytes(J[BII[BIIII)J"]
pub extern "C" fn deflater_bytes_bytes(
    _this: *mut u8,
    addr: i64,
    input: *mut u8,
    in_off: i32,
    in_len: i32,
    out: *mut u8,
    out_off: i32,
    out_len: i32,
    flush: i32,
    params: i32,
) -> i64 {
    let Some(i) = super::byte_range(input, in_off, in_len) else {
        return 0;
    };
    let Some(o) = super::byte_range(out, out_off, out_len) else {
        return 0;
    };
    deflate(addr, i, in_len, o, out_len, flush, params)
}

#[export_name = "java/util/zip/Deflater.deflateBytesBuffer(J[BIIJIII)J"]
pub extern "C" fn deflater_bytes_buffer(
    _this: *mut u8,
    addr: i64,
    input: *mut u8,
    in_off: i32,
    in_len: i32,
    out: i64,
    out_len: i32,
    flush: i32,
    params: i32,
) -> i64 {
    let Some(i) = super::byte_range(input, in_off, in_len) else {
        return 0;
    };
    deflate(
        addr,
        i,
        in_len,
        out as usize as *mut u8,
        out_len,
        flush,
        params,
    )
}

#[export_name = "java/util/zip/Deflater.deflateBufferBytes(JJI[BIIII)J"]
pub extern "C" fn deflater_buffer_bytes(
    _this: *mut u8,
    addr: i64,
    input: i64,
    in_len: i32,
    out: *mut u8,
    out_off: i32,
    out_len: i32,
    flush: i32,
    params: i32,
) -> i64 {
    let Some(o) = super::byte_range(out, out_off, out_len) else {
        return 0;
    };
    deflate(
        addr,
        input as usize as *const u8,
        in_len,
        o,
        out_len,
        flush,
        params,
    )
}

#[export_name = "java/util/zip/Deflater.deflateBufferBuffer(JJIJIII)J"]
pub extern "C" fn deflater_buffer_buffer(
    _this: *mut u8,
    addr: i64,
    input: i64,
    in_len: i32,
    out: i64,
    out_len: i32,
    flush: i32,
    params: i32,
) -> i64 {
    deflate(
        addr,
        input as usize as *const u8,
        in_len,
        out as usize as *mut u8,
        out_len,
        flush,
        params,
    )
}

#[export_name = "java/util/zip/Deflater.getAdler(J)I"]
pub extern "C" fn deflater_get_adler(addr: i64) -> i32 {
    // SAFETY: a live stream.
    unsafe { roast_zlib_adler(stream(addr)) as i32 }
}

#[export_name = "java/util/zip/Deflater.reset(J)V"]
pub extern "C" fn deflater_reset(addr: i64) {
    // SAFETY: a live stream.
    if unsafe { roast_zlib_deflate_reset(stream(addr)) } != Z_OK {
        throw::internal_error(None);
    }
}

#[export_name = "java/util/zip/Deflater.end(J)V"]
pub extern "C" fn deflater_end(addr: i64) {
    // SAFETY: a live stream, freed here; the JDK calls end once (its cleaner).
    if unsafe { roast_zlib_deflate_end(stream(addr)) } == Z_STREAM_ERROR {
        throw::internal_error(None);
    }
}
