//! Natives of `jdk.internal.misc.Unsafe`: raw field and array-element access by offset,
//! compare-and-set, fences, layout queries. Volatile accesses and compare-and-set are real
//! atomics (sequentially consistent); Java's plain accesses stay plain. With a null base object the offset is an
//! absolute address. Compiled code inlines the int/long/reference accesses and atomics at
//! the call site with the same address computation (`aot/src/lower/unsafe_access.rs`); these
//! functions serve the interpreter and the other value types.

use super::lang::mirror_desc;
use crate::contract;
use crate::object::{cstr, DescExt, Obj};
use crate::strings::rust_string;
use std::sync::atomic::{fence, AtomicI32, AtomicI64, AtomicPtr, Ordering};

fn addr(base: *mut u8, off: i64) -> *mut u8 {
    base.wrapping_add(off as usize)
}

/// Unsafe.registerNatives
#[export_name = "jdk/internal/misc/Unsafe.registerNatives()V"]
pub extern "C" fn unsafe_register_natives() {}

/// Unsafe.arrayBaseOffset0
#[export_name = "jdk/internal/misc/Unsafe.arrayBaseOffset0(Ljava/lang/Class;)I"]
pub extern "C" fn unsafe_array_base_offset0(_this: *mut u8, _c: *mut u8) -> i32 {
    contract::ARRAY_BASE_OFFSET as i32
}

/// Unsafe.arrayIndexScale0
#[export_name = "jdk/internal/misc/Unsafe.arrayIndexScale0(Ljava/lang/Class;)I"]
pub extern "C" fn unsafe_array_index_scale0(_this: *mut u8, c: *mut u8) -> i32 {
    mirror_desc(c).map_or(8, |d| d.instance_size as i32)
}

/// Unsafe.addressSize0
#[export_name = "jdk/internal/misc/Unsafe.addressSize0()I"]
pub extern "C" fn unsafe_address_size0(_this: *mut u8) -> i32 {
    8
}

/// Unsafe.objectFieldOffset1: offset of a declared instance field by name.
#[export_name = "jdk/internal/misc/Unsafe.objectFieldOffset1(Ljava/lang/Class;Ljava/lang/String;)J"]
pub extern "C" fn unsafe_object_field_offset1(_this: *mut u8, c: *mut u8, name: *mut u8) -> i64 {
    let (Some(d), Some(n)) = (mirror_desc(c), Obj::from_raw(name)) else {
        return -1;
    };
    let name = rust_string(n);
    if let Some(meta) = d.meta() {
        if !meta.fields.is_null() {
            // SAFETY: `n_fields` entries.
            let fields = unsafe { std::slice::from_raw_parts(meta.fields, meta.n_fields as usize) };
            if let Some(f) = fields.iter().find(|f| cstr(f.name) == name) {
                return if f.static_addr.is_null() {
                    f.offset as i64
                } else {
                    f.static_addr as i64
                };
            }
        }
    }
    crate::throw::linkage(contract::error_kind::INCOMPATIBLE_CLASS_CHANGE + 100, &name);
    -1
}

/// Unsafe.storeFence
#[export_name = "jdk/internal/misc/Unsafe.storeFence()V"]
pub extern "C" fn unsafe_store_fence(_this: *mut u8) {
    fence(Ordering::Release);
}

/// Unsafe.loadFence
#[export_name = "jdk/internal/misc/Unsafe.loadFence()V"]
pub extern "C" fn unsafe_load_fence(_this: *mut u8) {
    fence(Ordering::Acquire);
}

/// Unsafe.fullFence
#[export_name = "jdk/internal/misc/Unsafe.fullFence()V"]
pub extern "C" fn unsafe_full_fence(_this: *mut u8) {
    fence(Ordering::SeqCst);
}

macro_rules! accessors {
    ($get:literal, $put:literal, $getv:literal, $putv:literal, $t:ty, $atomic:ty, $gf:ident, $pf:ident, $gvf:ident, $pvf:ident) => {
        /// Plain read.
        #[export_name = $get]
        pub extern "C" fn $gf(_this: *mut u8, base: *mut u8, off: i64) -> $t {
            // SAFETY: Unsafe's contract: base+offset addresses a value of this type.
            unsafe { (addr(base, off) as *const $t).read() }
        }
        /// Plain write.
        #[export_name = $put]
        pub extern "C" fn $pf(_this: *mut u8, base: *mut u8, off: i64, v: $t) {
            // SAFETY: as above.
            unsafe { (addr(base, off) as *mut $t).write(v) }
        }
        /// Volatile read: a sequentially consistent atomic load.
        #[export_name = $getv]
        pub extern "C" fn $gvf(_this: *mut u8, base: *mut u8, off: i64) -> $t {
            // SAFETY: as above; the value is naturally aligned, as the atomic type requires.
            let a = unsafe { &*(addr(base, off) as *const $atomic) };
            a.load(Ordering::SeqCst)
        }
        /// Volatile write: a sequentially consistent atomic store.
        #[export_name = $putv]
        pub extern "C" fn $pvf(_this: *mut u8, base: *mut u8, off: i64, v: $t) {
            // SAFETY: as above.
            let a = unsafe { &*(addr(base, off) as *const $atomic) };
            a.store(v, Ordering::SeqCst)
        }
    };
}

accessors!(
    "jdk/internal/misc/Unsafe.getReference(Ljava/lang/Object;J)Ljava/lang/Object;",
    "jdk/internal/misc/Unsafe.putReference(Ljava/lang/Object;JLjava/lang/Object;)V",
    "jdk/internal/misc/Unsafe.getReferenceVolatile(Ljava/lang/Object;J)Ljava/lang/Object;",
    "jdk/internal/misc/Unsafe.putReferenceVolatile(Ljava/lang/Object;JLjava/lang/Object;)V",
    *mut u8,
    AtomicPtr<u8>,
    get_ref,
    put_ref,
    get_ref_v,
    put_ref_v
);
accessors!(
    "jdk/internal/misc/Unsafe.getInt(Ljava/lang/Object;J)I",
    "jdk/internal/misc/Unsafe.putInt(Ljava/lang/Object;JI)V",
    "jdk/internal/misc/Unsafe.getIntVolatile(Ljava/lang/Object;J)I",
    "jdk/internal/misc/Unsafe.putIntVolatile(Ljava/lang/Object;JI)V",
    i32,
    AtomicI32,
    get_int,
    put_int,
    get_int_v,
    put_int_v
);
accessors!(
    "jdk/internal/misc/Unsafe.getLong(Ljava/lang/Object;J)J",
    "jdk/internal/misc/Unsafe.putLong(Ljava/lang/Object;JJ)V",
    "jdk/internal/misc/Unsafe.getLongVolatile(Ljava/lang/Object;J)J",
    "jdk/internal/misc/Unsafe.putLongVolatile(Ljava/lang/Object;JJ)V",
    i64,
    AtomicI64,
    get_long,
    put_long,
    get_long_v,
    put_long_v
);

macro_rules! small {
    ($get:literal, $put:literal, $t:ty, $gf:ident, $pf:ident) => {
        /// Read, widened to i32.
        #[export_name = $get]
        pub extern "C" fn $gf(_this: *mut u8, base: *mut u8, off: i64) -> i32 {
            // SAFETY: Unsafe's contract.
            unsafe { (addr(base, off) as *const $t).read() as i32 }
        }
        /// Write, narrowed.
        #[export_name = $put]
        pub extern "C" fn $pf(_this: *mut u8, base: *mut u8, off: i64, v: i32) {
            // SAFETY: Unsafe's contract.
            unsafe { (addr(base, off) as *mut $t).write(v as $t) }
        }
    };
}

small!(
    "jdk/internal/misc/Unsafe.getByte(Ljava/lang/Object;J)B",
    "jdk/internal/misc/Unsafe.putByte(Ljava/lang/Object;JB)V",
    i8,
    get_byte,
    put_byte
);
small!(
    "jdk/internal/misc/Unsafe.getShort(Ljava/lang/Object;J)S",
    "jdk/internal/misc/Unsafe.putShort(Ljava/lang/Object;JS)V",
    i16,
    get_short,
    put_short
);
small!(
    "jdk/internal/misc/Unsafe.getChar(Ljava/lang/Object;J)C",
    "jdk/internal/misc/Unsafe.putChar(Ljava/lang/Object;JC)V",
    u16,
    get_char,
    put_char
);
small!(
    "jdk/internal/misc/Unsafe.getBoolean(Ljava/lang/Object;J)Z",
    "jdk/internal/misc/Unsafe.putBoolean(Ljava/lang/Object;JZ)V",
    u8,
    get_bool,
    put_bool
);

/// Unsafe.getFloat
#[export_name = "jdk/internal/misc/Unsafe.getFloat(Ljava/lang/Object;J)F"]
pub extern "C" fn get_float(_this: *mut u8, base: *mut u8, off: i64) -> f32 {
    // SAFETY: Unsafe's contract.
    unsafe { (addr(base, off) as *const f32).read() }
}

/// Unsafe.putFloat
#[export_name = "jdk/internal/misc/Unsafe.putFloat(Ljava/lang/Object;JF)V"]
pub extern "C" fn put_float(_this: *mut u8, base: *mut u8, off: i64, v: f32) {
    // SAFETY: Unsafe's contract.
    unsafe { (addr(base, off) as *mut f32).write(v) }
}

/// Unsafe.getDouble
#[export_name = "jdk/internal/misc/Unsafe.getDouble(Ljava/lang/Object;J)D"]
pub extern "C" fn get_double(_this: *mut u8, base: *mut u8, off: i64) -> f64 {
    // SAFETY: Unsafe's contract.
    unsafe { (addr(base, off) as *const f64).read() }
}

/// Unsafe.putDouble
#[export_name = "jdk/internal/misc/Unsafe.putDouble(Ljava/lang/Object;JD)V"]
pub extern "C" fn put_double(_this: *mut u8, base: *mut u8, off: i64, v: f64) {
    // SAFETY: Unsafe's contract.
    unsafe { (addr(base, off) as *mut f64).write(v) }
}

/// Unsafe.compareAndSetReference
#[export_name = "jdk/internal/misc/Unsafe.compareAndSetReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Z"]
pub extern "C" fn cas_ref(_this: *mut u8, base: *mut u8, off: i64, e: *mut u8, x: *mut u8) -> i32 {
    // SAFETY: Unsafe's contract; reference fields are pointer-aligned.
    let a = unsafe { &*(addr(base, off) as *const AtomicPtr<u8>) };
    a.compare_exchange(e, x, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok() as i32
}

/// Unsafe.compareAndExchangeReference
#[export_name = "jdk/internal/misc/Unsafe.compareAndExchangeReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"]
pub extern "C" fn cax_ref(
    _this: *mut u8,
    base: *mut u8,
    off: i64,
    e: *mut u8,
    x: *mut u8,
) -> *mut u8 {
    // SAFETY: as above.
    let a = unsafe { &*(addr(base, off) as *const AtomicPtr<u8>) };
    a.compare_exchange(e, x, Ordering::SeqCst, Ordering::SeqCst)
        .unwrap_or_else(|v| v)
}

/// Unsafe.compareAndSetInt
#[export_name = "jdk/internal/misc/Unsafe.compareAndSetInt(Ljava/lang/Object;JII)Z"]
pub extern "C" fn cas_int(_this: *mut u8, base: *mut u8, off: i64, e: i32, x: i32) -> i32 {
    // SAFETY: as above.
    let a = unsafe { &*(addr(base, off) as *const AtomicI32) };
    a.compare_exchange(e, x, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok() as i32
}

/// Unsafe.compareAndExchangeInt
#[export_name = "jdk/internal/misc/Unsafe.compareAndExchangeInt(Ljava/lang/Object;JII)I"]
pub extern "C" fn cax_int(_this: *mut u8, base: *mut u8, off: i64, e: i32, x: i32) -> i32 {
    // SAFETY: as above.
    let a = unsafe { &*(addr(base, off) as *const AtomicI32) };
    a.compare_exchange(e, x, Ordering::SeqCst, Ordering::SeqCst)
        .unwrap_or_else(|v| v)
}

/// Unsafe.compareAndSetLong
#[export_name = "jdk/internal/misc/Unsafe.compareAndSetLong(Ljava/lang/Object;JJJ)Z"]
pub extern "C" fn cas_long(_this: *mut u8, base: *mut u8, off: i64, e: i64, x: i64) -> i32 {
    // SAFETY: as above.
    let a = unsafe { &*(addr(base, off) as *const AtomicI64) };
    a.compare_exchange(e, x, Ordering::SeqCst, Ordering::SeqCst)
        .is_ok() as i32
}

/// Unsafe.compareAndExchangeLong
#[export_name = "jdk/internal/misc/Unsafe.compareAndExchangeLong(Ljava/lang/Object;JJJ)J"]
pub extern "C" fn cax_long(_this: *mut u8, base: *mut u8, off: i64, e: i64, x: i64) -> i64 {
    // SAFETY: as above.
    let a = unsafe { &*(addr(base, off) as *const AtomicI64) };
    a.compare_exchange(e, x, Ordering::SeqCst, Ordering::SeqCst)
        .unwrap_or_else(|v| v)
}

/// Unsafe.ensureClassInitialized0
#[export_name = "jdk/internal/misc/Unsafe.ensureClassInitialized0(Ljava/lang/Class;)V"]
pub extern "C" fn unsafe_ensure_init(_this: *mut u8, c: *mut u8) {
    if let Some(d) = mirror_desc(c) {
        crate::classes::roast_init_class(d);
    }
}

/// Unsafe.shouldBeInitialized0
#[export_name = "jdk/internal/misc/Unsafe.shouldBeInitialized0(Ljava/lang/Class;)Z"]
pub extern "C" fn unsafe_should_init(_this: *mut u8, c: *mut u8) -> i32 {
    mirror_desc(c).is_some_and(|d| {
        d.init_state.load(std::sync::atomic::Ordering::Acquire) != contract::INIT_DONE
    }) as i32
}

/// Unsafe.allocateInstance
#[export_name = "jdk/internal/misc/Unsafe.allocateInstance(Ljava/lang/Class;)Ljava/lang/Object;"]
pub extern "C" fn unsafe_allocate_instance(_this: *mut u8, c: *mut u8) -> *mut u8 {
    let Some(d) = mirror_desc(c) else {
        return std::ptr::null_mut();
    };
    crate::classes::roast_init_class(d);
    crate::heap::alloc_instance(d).map_or(std::ptr::null_mut(), |o| o.raw())
}
