//! Machine-level glue between compiled code and the interpreter (x86-64 SysV only so far):
//!
//! - **Low memory** ([`alloc_low`]): run-time class descriptors must live below 4 GiB (the
//!   object header holds 32 bits of the descriptor address), so they are carved from
//!   `MAP_32BIT` mappings.
//! - **Entry thunks** ([`make_entry_thunk`]): one small piece of generated code per
//!   interpreted method, stored in vtables, itables, `ClassDesc::clinit` and
//!   `MethodMeta::entry`. It loads the method's identity into `r10` and jumps to
//!   `roast_interp_stub`, which spills the six integer and eight floating-point argument
//!   registers, passes them with the address of the caller's stack arguments to
//!   [`super::exec::roast_interp_entry`], and returns its `(i64, f64)` result in `rax` and
//!   `xmm0` (so the thunk serves every return type).
//! - **Calls out** ([`call_native`]): `roast_interp_call` loads argument registers and
//!   stack arguments from arrays and calls a compiled function (or a thunk).
//!
//! Invariants: thunks are never freed (classes are never unloaded); the stubs keep the
//! stack 16-byte aligned at every call; on other architectures defining a class fails with
//! a clear error before any thunk is needed.

/// What a native call returns: the integer register and the floating-point register
/// (`rax`, `xmm0`); a `#[repr(C)]` pair of INTEGER and SSE class travels exactly there.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeRet {
    /// `rax`: int-like, long and reference results.
    pub int: i64,
    /// `xmm0`: float (low 32 bits) and double results.
    pub float: f64,
}

/// Integer-class argument registers.
pub const INT_REGS: usize = 6;
/// Floating-point argument registers.
pub const FLOAT_REGS: usize = 8;

#[cfg(target_arch = "x86_64")]
std::arch::global_asm!(
    ".text",
    ".globl roast_interp_stub",
    "roast_interp_stub:",
    "push rbp",
    "mov rbp, rsp",
    "sub rsp, 112",
    "mov [rsp], rdi",
    "mov [rsp + 8], rsi",
    "mov [rsp + 16], rdx",
    "mov [rsp + 24], rcx",
    "mov [rsp + 32], r8",
    "mov [rsp + 40], r9",
    "movsd [rsp + 48], xmm0",
    "movsd [rsp + 56], xmm1",
    "movsd [rsp + 64], xmm2",
    "movsd [rsp + 72], xmm3",
    "movsd [rsp + 80], xmm4",
    "movsd [rsp + 88], xmm5",
    "movsd [rsp + 96], xmm6",
    "movsd [rsp + 104], xmm7",
    "mov rdi, r10",
    "mov rsi, rsp",
    "lea rdx, [rsp + 48]",
    "lea rcx, [rbp + 16]",
    "call {entry}",
    "leave",
    "ret",
    "",
    ".globl roast_interp_call",
    "roast_interp_call:",
    // rdi = entry, rsi = ints, rdx = floats, rcx = stack args, r8 = stack arg count
    "push rbp",
    "mov rbp, rsp",
    "push rbx",
    "push r12",
    "mov r11, rdi",
    "mov rbx, rsi",
    "mov r12, rdx",
    "test r8, 1",
    "jz 2f",
    "sub rsp, 8",
    "2:",
    "test r8, r8",
    "jz 3f",
    "dec r8",
    "push qword ptr [rcx + r8 * 8]",
    "jmp 2b",
    "3:",
    "movsd xmm0, [r12]",
    "movsd xmm1, [r12 + 8]",
    "movsd xmm2, [r12 + 16]",
    "movsd xmm3, [r12 + 24]",
    "movsd xmm4, [r12 + 32]",
    "movsd xmm5, [r12 + 40]",
    "movsd xmm6, [r12 + 48]",
    "movsd xmm7, [r12 + 56]",
    "mov rdi, [rbx]",
    "mov rsi, [rbx + 8]",
    "mov rdx, [rbx + 16]",
    "mov rcx, [rbx + 24]",
    "mov r8, [rbx + 32]",
    "mov r9, [rbx + 40]",
    "call r11",
    "lea rsp, [rbp - 16]",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    entry = sym super::exec::roast_interp_entry,
);

#[cfg(target_arch = "x86_64")]
extern "C" {
    fn roast_interp_stub();
    fn roast_interp_call(
        entry: *const u8,
        ints: *const i64,
        floats: *const f64,
        stack: *const i64,
        n_stack: usize,
    ) -> NativeRet;
}

/// Arguments of a native call, classified as the C calling convention assigns them.
#[derive(Default, Debug)]
pub struct NativeArgs {
    ints: [i64; INT_REGS],
    floats: [f64; FLOAT_REGS],
    n_int: usize,
    n_float: usize,
    stack: Vec<i64>,
}

impl NativeArgs {
    /// Adds an integer-class argument (references, int-like values, long).
    pub fn int(&mut self, v: i64) {
        if self.n_int < INT_REGS {
            self.ints[self.n_int] = v;
            self.n_int += 1;
        } else {
            self.stack.push(v);
        }
    }

    /// Adds a floating-point argument (a `float` as the low 32 bits).
    pub fn float(&mut self, bits: u64) {
        if self.n_float < FLOAT_REGS {
            self.floats[self.n_float] = f64::from_bits(bits);
            self.n_float += 1;
        } else {
            self.stack.push(bits as i64);
        }
    }
}

/// Calls the function at `entry` with `args`.
///
/// # Safety
/// `entry` must be a compiled method (or entry thunk) whose parameters are exactly `args`.
#[cfg(target_arch = "x86_64")]
pub unsafe fn call_native(entry: *const u8, args: &NativeArgs) -> NativeRet {
    // SAFETY: the stub follows the SysV convention; the caller guarantees the signature.
    unsafe {
        roast_interp_call(
            entry,
            args.ints.as_ptr(),
            args.floats.as_ptr(),
            args.stack.as_ptr(),
            args.stack.len(),
        )
    }
}

/// See the x86-64 version; other targets have no interpreter glue yet.
///
/// # Safety
/// Never calls anything.
#[cfg(not(target_arch = "x86_64"))]
pub unsafe fn call_native(_entry: *const u8, _args: &NativeArgs) -> NativeRet {
    crate::throw::linkage(
        crate::contract::error_kind::UNSUPPORTED,
        "the interpreter's native call glue exists only for x86-64",
    );
    NativeRet::default()
}

extern "C" {
    fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
}

const PROT_READ: i32 = 1;
const PROT_WRITE: i32 = 2;
const PROT_EXEC: i32 = 4;
const MAP_PRIVATE: i32 = 2;
const MAP_ANONYMOUS: i32 = 0x20;
const MAP_32BIT: i32 = 0x40;
const CHUNK: usize = 1 << 20;

/// A bump region of mapped memory.
struct Region {
    next: usize,
    end: usize,
}

/// Allocates `size` bytes from `region`, mapping a new chunk when needed (and telling
/// `on_new_chunk` its start, before any of it is handed out).
fn bump(
    region: &std::sync::Mutex<Region>,
    size: usize,
    prot: i32,
    flags: i32,
    on_new_chunk: Option<&dyn Fn(usize) -> bool>,
) -> Option<*mut u8> {
    let size = size.div_ceil(16) * 16;
    let mut r = region.lock().ok()?;
    if r.next + size > r.end {
        let len = size.max(CHUNK);
        // SAFETY: an anonymous private mapping; the result is checked.
        let p = unsafe { mmap(std::ptr::null_mut(), len, prot, flags, -1, 0) };
        if p.is_null() || p as isize == -1 {
            return None;
        }
        if let Some(note) = on_new_chunk {
            if !note(p as usize) {
                return None;
            }
        }
        r.next = p as usize;
        r.end = p as usize + len;
    }
    let p = r.next;
    r.next += size;
    Some(p as *mut u8)
}

/// `size` zeroed bytes below 4 GiB, 16-byte aligned, never freed.
pub fn alloc_low(size: usize) -> Option<*mut u8> {
    static LOW: std::sync::Mutex<Region> = std::sync::Mutex::new(Region { next: 0, end: 0 });
    bump(
        &LOW,
        size,
        PROT_READ | PROT_WRITE,
        MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
        None,
    )
}

/// The most thunk chunks there can be (each holds `CHUNK / THUNK_SIZE` thunks).
const MAX_THUNK_CHUNKS: usize = 256;
/// Bytes reserved per entry thunk.
const THUNK_SIZE: usize = 32;
/// Offset of the `RtMethod` address (the `movabs r10` immediate) in a thunk.
const THUNK_METHOD_AT: usize = 2;

/// Start addresses of the executable chunks that hold entry thunks (0: unused), published
/// before any thunk in them exists, so [`interpreted_method`] can tell a thunk by address.
static THUNK_CHUNKS: [std::sync::atomic::AtomicUsize; MAX_THUNK_CHUNKS] =
    [const { std::sync::atomic::AtomicUsize::new(0) }; MAX_THUNK_CHUNKS];

/// Records a new thunk chunk; false when the table is full.
fn note_thunk_chunk(start: usize) -> bool {
    use std::sync::atomic::Ordering;
    THUNK_CHUNKS.iter().any(|c| {
        c.compare_exchange(0, start, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    })
}

/// The interpreted method whose entry thunk is `entry`, or None when `entry` is compiled
/// code (or a runtime stub). Lets interpreted callers call interpreted callees directly
/// (`invoke.rs`) instead of through the native convention.
#[inline]
pub fn interpreted_method(entry: *const u8) -> Option<&'static super::class::RtMethod> {
    use std::sync::atomic::Ordering;
    let e = entry as usize;
    for c in &THUNK_CHUNKS {
        let start = c.load(Ordering::Acquire);
        if start == 0 {
            return None;
        }
        if e >= start && e < start + CHUNK {
            if !(e - start).is_multiple_of(THUNK_SIZE) {
                return None;
            }
            // SAFETY: `e` is a thunk slot of a chunk `make_entry_thunk` filled before it
            // published the thunk (entries are only ever published thunks or compiled
            // code); its `movabs r10` immediate is the address of a leaked `RtMethod`.
            return unsafe {
                let p = (e + THUNK_METHOD_AT) as *const u64;
                ((p.read_unaligned()) as usize as *const super::class::RtMethod).as_ref()
            };
        }
    }
    None
}

/// Makes the entry thunk of an interpreted method whose identity is `method` (see the
/// module docs); None when executable memory cannot be mapped or on other targets.
#[cfg(target_arch = "x86_64")]
pub fn make_entry_thunk(method: *const u8) -> Option<*const u8> {
    static CODE: std::sync::Mutex<Region> = std::sync::Mutex::new(Region { next: 0, end: 0 });
    let p = bump(
        &CODE,
        THUNK_SIZE,
        PROT_READ | PROT_WRITE | PROT_EXEC,
        MAP_PRIVATE | MAP_ANONYMOUS,
        Some(&note_thunk_chunk),
    )?;
    let mut code = Vec::with_capacity(THUNK_SIZE);
    code.extend_from_slice(&[0x49, 0xBA]); // movabs r10, imm64
    code.extend_from_slice(&(method as u64).to_le_bytes());
    code.extend_from_slice(&[0x49, 0xBB]); // movabs r11, imm64
    code.extend_from_slice(&(roast_interp_stub as *const () as usize as u64).to_le_bytes());
    code.extend_from_slice(&[0x41, 0xFF, 0xE3]); // jmp r11
                                                 // SAFETY: `p` is 32 fresh writable bytes; the thunk is 23 bytes.
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), p, code.len()) };
    Some(p)
}

/// See the x86-64 version.
#[cfg(not(target_arch = "x86_64"))]
pub fn make_entry_thunk(_method: *const u8) -> Option<*const u8> {
    None
}
