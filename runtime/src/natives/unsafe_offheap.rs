//! `Unsafe` natives for memory outside the Java heap (direct `ByteBuffer`s, `Cleaner`-freed
//! blocks) and bulk copies: allocate/reallocate/free through the C allocator, fill, copy and
//! byte-swapping copy. Addresses are `base + offset` as for every Unsafe access (a null base
//! makes the offset absolute).
//!
//! Invariant: the JDK's Java wrappers (`Unsafe.allocateMemory`, `copyMemory`,
//! `copySwapMemory`, `setMemory`) check sizes, alignment and ranges before calling these;
//! a zero-byte allocation returns 0 as HotSpot's does, and a failed one returns 0, which the
//! wrapper turns into `OutOfMemoryError`.

fn addr(base: *mut u8, off: i64) -> *mut u8 {
    base.wrapping_add(off as usize)
}

/// Unsafe.allocateMemory0: `bytes` bytes from the C allocator, or 0.
#[export_name = "jdk/internal/misc/Unsafe.allocateMemory0(J)J"]
pub extern "C" fn unsafe_allocate_memory(_this: *mut u8, bytes: i64) -> i64 {
    if bytes <= 0 {
        return 0;
    }
    // SAFETY: plain C allocation of a positive size.
    unsafe { libc_malloc(bytes as usize) as usize as i64 }
}

/// Unsafe.reallocateMemory0.
#[export_name = "jdk/internal/misc/Unsafe.reallocateMemory0(JJ)J"]
pub extern "C" fn unsafe_reallocate_memory(_this: *mut u8, address: i64, bytes: i64) -> i64 {
    if bytes <= 0 {
        unsafe_free_memory(_this, address);
        return 0;
    }
    // SAFETY: `address` is 0 or a block from allocateMemory0.
    unsafe { libc_realloc(address as usize as *mut u8, bytes as usize) as usize as i64 }
}

/// Unsafe.freeMemory0.
#[export_name = "jdk/internal/misc/Unsafe.freeMemory0(J)V"]
pub extern "C" fn unsafe_free_memory(_this: *mut u8, address: i64) {
    // SAFETY: `address` is 0 or a block from allocateMemory0, freed once (JDK contract).
    unsafe { libc_free(address as usize as *mut u8) }
}

/// Unsafe.setMemory0: fills `bytes` bytes with `value`.
#[export_name = "jdk/internal/misc/Unsafe.setMemory0(Ljava/lang/Object;JJB)V"]
pub extern "C" fn unsafe_set_memory(
    _this: *mut u8,
    base: *mut u8,
    off: i64,
    bytes: i64,
    value: i32,
) {
    // SAFETY: Unsafe's contract: the range is inside the object or block.
    unsafe { std::ptr::write_bytes(addr(base, off), value as u8, bytes as usize) }
}

/// Unsafe.copyMemory0: copies `bytes` bytes; the ranges may overlap.
#[export_name = "jdk/internal/misc/Unsafe.copyMemory0(Ljava/lang/Object;JLjava/lang/Object;JJ)V"]
pub extern "C" fn unsafe_copy_memory(
    _this: *mut u8,
    src_base: *mut u8,
    src_off: i64,
    dst_base: *mut u8,
    dst_off: i64,
    bytes: i64,
) {
    // SAFETY: Unsafe's contract: both ranges are inside their objects or blocks.
    unsafe {
        std::ptr::copy(
            addr(src_base, src_off),
            addr(dst_base, dst_off),
            bytes as usize,
        )
    }
}

/// Unsafe.copySwapMemory0: copies `bytes` bytes as units of `elem_size` (2, 4 or 8) bytes,
/// reversing the byte order of each unit.
#[export_name = "jdk/internal/misc/Unsafe.copySwapMemory0(Ljava/lang/Object;JLjava/lang/Object;JJJ)V"]
pub extern "C" fn unsafe_copy_swap_memory(
    _this: *mut u8,
    src_base: *mut u8,
    src_off: i64,
    dst_base: *mut u8,
    dst_off: i64,
    bytes: i64,
    elem_size: i64,
) {
    let (n, size) = (bytes as usize, elem_size.max(1) as usize);
    // SAFETY: Unsafe's contract: both ranges are inside their objects or blocks; the units
    // are copied through a buffer, so overlapping ranges are handled.
    unsafe {
        let src = std::slice::from_raw_parts(addr(src_base, src_off), n).to_vec();
        let dst = std::slice::from_raw_parts_mut(addr(dst_base, dst_off), n);
        for (d, s) in dst.chunks_mut(size).zip(src.chunks(size)) {
            for (i, b) in s.iter().rev().enumerate() {
                d[i] = *b;
            }
        }
    }
}

extern "C" {
    #[link_name = "malloc"]
    fn libc_malloc(size: usize) -> *mut u8;
    #[link_name = "realloc"]
    fn libc_realloc(p: *mut u8, size: usize) -> *mut u8;
    #[link_name = "free"]
    fn libc_free(p: *mut u8);
}

/// UnsafeConstants.pageSize (SDK shadow): the operating system's page size.
#[export_name = "jdk/internal/misc/UnsafeConstants.pageSize()I"]
pub extern "C" fn unsafe_constants_page_size() -> i32 {
    extern "C" {
        fn sysconf(name: i32) -> i64;
    }
    // _SC_PAGESIZE on Linux (x86-64 and aarch64).
    const SC_PAGESIZE: i32 = 30;
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { sysconf(SC_PAGESIZE) };
    if size > 0 {
        size as i32
    } else {
        4096
    }
}
