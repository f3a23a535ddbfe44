//! The compiler–runtime contract: the one definition of the memory layouts and symbol names
//! that compiled code and the runtime both rely on.
//!
//! This file is compiled into the runtime crate and, through `#[path]`, into the compiler, so
//! both sides read the same constants. Invariants:
//! - Every object starts with an [`ObjectHeader`] of [`HEADER_SIZE`] bytes whose `klass` word is
//!   the low 32 bits of the address of the object's [`ClassDesc`]; class descriptors therefore
//!   live below 4 GiB (executables are linked without PIE; run-time descriptors are mapped low).
//! - Arrays store their length as an `i32` at [`ARRAY_LENGTH_OFFSET`] and their elements from
//!   [`ARRAY_BASE_OFFSET`], for every element type.
//! - Java references are plain 64-bit addresses (LLVM address space 1 in compiled code).
//! - Every field offset below is checked by a unit test against the `repr(C)` structs.
#![allow(dead_code)]

/// Size in bytes of the header of every object.
pub const HEADER_SIZE: u32 = 8;
/// Offset of the `i32` length of an array.
pub const ARRAY_LENGTH_OFFSET: u32 = 8;
/// Offset of element 0 of an array of any element type (also `Unsafe.arrayBaseOffset`).
pub const ARRAY_BASE_OFFSET: u32 = 16;

/// Largest array (header and elements, in bytes) that compiled code allocates inline by
/// bumping the thread's buffer; larger ones always call `roast_alloc_array`. Must not exceed
/// the collector's largest non-large-object size (checked by `gc::init`).
pub const INLINE_ARRAY_MAX_BYTES: u32 = 8192;

/// The header of every Java object.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ObjectHeader {
    /// Low 32 bits of the address of the object's class descriptor.
    pub klass: u32,
    /// Lock word: identity hash, thin lock or inflated monitor (see [`lock_word`]).
    pub lock: u32,
}

/// Byte offset of [`ObjectHeader::lock`].
pub const LOCK_WORD_OFFSET: u32 = 4;

/// Encoding of the header's lock word (`runtime/src/monitor.rs` owns the protocol; compiled
/// code inlines the thin-lock fast paths). States, by the low bits:
/// - `0`: unlocked, no identity hash yet.
/// - `...1` ([`HASHED`]): unlocked, identity hash `word >> 1` (31 bits, non-zero).
/// - `...10` ([`THIN`]): thin-locked by thread `word >> OWNER_SHIFT` (1..=[`MAX_THIN_OWNER`]),
///   held `(word >> COUNT_SHIFT) & 0xff` times (1..=[`MAX_THIN_COUNT`]); no hash yet.
/// - `...00`, non-zero ([`is_inflated`]): fat monitor number `word >> 2` (which keeps the
///   hash, if any).
///
/// Every change of a lock word is a compare-and-swap; taking a lock is an acquire, giving it
/// up a release.
pub mod lock_word {
    /// Low-bit tag of a hashed, unlocked word.
    pub const HASHED: u32 = 1;
    /// Mask of the two tag bits.
    pub const TAG_MASK: u32 = 3;
    /// Tag of a thin-locked word.
    pub const THIN: u32 = 2;
    /// Position of the recursion count of a thin lock.
    pub const COUNT_SHIFT: u32 = 2;
    /// One more recursion level of a thin lock.
    pub const COUNT_ONE: u32 = 1 << COUNT_SHIFT;
    /// Mask of the recursion count of a thin lock.
    pub const COUNT_MASK: u32 = 0xff << COUNT_SHIFT;
    /// Deepest recursion a thin lock records; one more inflates.
    pub const MAX_THIN_COUNT: u32 = 0xff;
    /// Position of the owner's thread id in a thin lock.
    pub const OWNER_SHIFT: u32 = 10;
    /// Largest thread id that can own a thin lock (others always use fat monitors).
    pub const MAX_THIN_OWNER: u32 = (1 << (32 - OWNER_SHIFT)) - 1;
    /// Position of a fat monitor's number in an inflated word.
    pub const MONITOR_SHIFT: u32 = 2;

    /// The thin-lock word of thread `owner` holding the lock `count` times.
    pub const fn thin(owner: u32, count: u32) -> u32 {
        (owner << OWNER_SHIFT) | (count << COUNT_SHIFT) | THIN
    }

    /// Is `w` a thin lock?
    pub const fn is_thin(w: u32) -> bool {
        w & TAG_MASK == THIN
    }

    /// Is `w` an inflated word (a fat monitor's number)?
    pub const fn is_inflated(w: u32) -> bool {
        w != 0 && w & TAG_MASK == 0
    }
}

/// `ClassDesc::kind`: an ordinary class.
pub const KIND_INSTANCE: u8 = 0;
/// `ClassDesc::kind`: an array class.
pub const KIND_ARRAY: u8 = 1;
/// `ClassDesc::kind`: a primitive type (`int.class`, `void.class`).
pub const KIND_PRIMITIVE: u8 = 2;
/// `ClassDesc::kind`: an interface.
pub const KIND_INTERFACE: u8 = 3;

/// `ClassDesc::init_state`: `<clinit>` not yet run.
pub const INIT_UNINITIALIZED: i32 = 0;
/// `ClassDesc::init_state`: initialization in progress by `init_thread`.
pub const INIT_IN_PROGRESS: i32 = 1;
/// `ClassDesc::init_state`: initialized (also the static state of classes without work).
pub const INIT_DONE: i32 = 2;
/// `ClassDesc::init_state`: initialization failed; uses throw `NoClassDefFoundError`.
pub const INIT_ERROR: i32 = 3;

/// Element type codes of arrays and primitive classes (`ClassDesc::elem_kind`), the JVM
/// descriptor letters.
pub mod elem {
    /// boolean
    pub const BOOLEAN: u8 = b'Z';
    /// byte
    pub const BYTE: u8 = b'B';
    /// char
    pub const CHAR: u8 = b'C';
    /// short
    pub const SHORT: u8 = b'S';
    /// int
    pub const INT: u8 = b'I';
    /// long
    pub const LONG: u8 = b'J';
    /// float
    pub const FLOAT: u8 = b'F';
    /// double
    pub const DOUBLE: u8 = b'D';
    /// reference
    pub const REF: u8 = b'L';
    /// void (only for `void.class`)
    pub const VOID: u8 = b'V';
}

/// A compiled method's entry point as stored in vtables and itables (signature varies).
pub type MethodEntry = *const u8;

/// The run-time descriptor of a class, emitted by the compiler as a global (one per class in
/// the program) and read by the runtime. The vtable follows the fixed part.
///
/// Fields that change at run time are atomics (interior mutability): descriptors are shared,
/// immutable statics otherwise.
#[repr(C)]
pub struct ClassDesc {
    /// One of the `INIT_*` constants.
    pub init_state: std::sync::atomic::AtomicI32,
    /// One of the `KIND_*` constants.
    pub kind: u8,
    /// For arrays the element kind, for primitives their own kind (`elem::*`), else 0.
    pub elem_kind: u8,
    /// JVM access flags of the class (ACC_INTERFACE, ACC_ABSTRACT, ACC_ENUM, ...).
    pub access: u16,
    /// Instances: total size in bytes including the header. Arrays: element size.
    pub instance_size: u32,
    /// Number of superclasses (java.lang.Object has 0).
    pub depth: u32,
    /// NUL-terminated binary name in internal form ("java/lang/String", "[I", "int").
    pub name: *const u8,
    /// Superclass descriptor, null for Object, interfaces and primitives.
    pub super_: *const ClassDesc,
    /// Component type of an array class.
    pub component: *const ClassDesc,
    /// Descriptor of the array class whose component this is, when emitted; else null.
    pub array_class: std::sync::atomic::AtomicPtr<ClassDesc>,
    /// Every interface this class implements, directly or not.
    pub interfaces: *const *const ClassDesc,
    /// Length of `interfaces`.
    pub n_interfaces: u32,
    /// Length of `ref_offsets`.
    pub n_refs: u32,
    /// Offsets of the reference-typed instance fields (the GC reference map).
    pub ref_offsets: *const u32,
    /// Interface dispatch tables.
    pub itable: *const ItableEntry,
    /// Length of `itable`.
    pub n_itable: u32,
    /// Length of the vtable that follows.
    pub vtable_len: u32,
    /// The class initializer work (`<clinit>` of this class only), or null.
    pub clinit: *const u8,
    /// The `java.lang.Class` object of this class, created on first use.
    pub mirror: std::sync::atomic::AtomicPtr<u8>,
    /// Identifier of the thread running `<clinit>` while `init_state == INIT_IN_PROGRESS`.
    pub init_thread: std::sync::atomic::AtomicUsize,
    /// Reflection metadata.
    pub meta: *const ClassMeta,
    /// The vtable (`vtable_len` entries).
    pub vtable: [MethodEntry; 0],
}

/// Byte offsets of the `ClassDesc` fields that compiled code reads directly.
pub mod desc_offset {
    /// `init_state`
    pub const INIT_STATE: u32 = 0;
    /// `instance_size`
    pub const INSTANCE_SIZE: u32 = 8;
    /// `vtable`
    pub const VTABLE: u32 = 120;
}

/// One interface implemented by a class: the interface and the class's implementations of
/// the interface's methods, in the interface's declaration order.
#[repr(C)]
pub struct ItableEntry {
    /// The interface.
    pub iface: *const ClassDesc,
    /// Implementations, indexed by the method's position among the interface's methods.
    pub methods: *const MethodEntry,
}

/// Reflection and diagnostics metadata of a class.
#[repr(C)]
pub struct ClassMeta {
    /// NUL-terminated SourceFile attribute, or null.
    pub source_file: *const u8,
    /// Declared methods.
    pub methods: *const MethodMeta,
    /// Length of `methods`.
    pub n_methods: u32,
    /// Length of `fields`.
    pub n_fields: u32,
    /// Declared fields.
    pub fields: *const FieldMeta,
    /// 1 when the class comes from the JDK (module java.base), 0 for application classes.
    pub in_jdk: u32,
    /// For enums: the compiled `values()` method (`fn() -> ref`), else null.
    pub enum_values: *const u8,
    /// Direct superinterfaces in declaration order (`Class.getInterfaces`); arrays list
    /// Cloneable and Serializable.
    pub direct_interfaces: *const *const ClassDesc,
    /// Length of `direct_interfaces`.
    pub n_direct_interfaces: u32,
    /// `Class.getModifiers()` as HotSpot computes it: the InnerClasses flags of the class when
    /// it has an entry for itself, else its access flags; ACC_SUPER removed.
    pub modifiers: u32,
    /// `class_flags::*` bits.
    pub flags: u32,
    /// NUL-terminated simple binary name from the class's own InnerClasses entry (member and
    /// local classes), null for top-level and anonymous classes.
    pub simple_name: *const u8,
    /// NUL-terminated canonical name (dotted) of an ordinary class, null when it has none
    /// (local and anonymous classes and their members); unused for arrays and primitives.
    pub canonical_name: *const u8,
    /// The declaring class (outer class of the class's own InnerClasses entry), or null.
    pub declaring: *const ClassDesc,
    /// The immediately enclosing class (EnclosingMethod class, else the declaring class).
    pub enclosing: *const ClassDesc,
    /// The nest host (NestHost attribute, else the class itself). Null for a class defined
    /// at run time with a NestHost attribute: validated when asked (`interp/nest.rs`).
    pub nest_host: *const ClassDesc,
    /// Internal names of `declaring`, `enclosing` and `nest_host`, null when there is none;
    /// a name with a null descriptor is a class that is not compiled into the program.
    pub declaring_name: *const u8,
    /// See `declaring_name`.
    pub enclosing_name: *const u8,
    /// See `declaring_name`.
    pub nest_host_name: *const u8,
    /// NUL-terminated generic signature of the class (Signature attribute), or null.
    pub signature: *const u8,
    /// Declared methods that are not compiled into the program (`entry` null, no line
    /// table), for reflection: member slot `n_methods + i` is `pruned_methods[i]`.
    pub pruned_methods: *const MethodMeta,
    /// Length of `pruned_methods`.
    pub n_pruned_methods: u32,
    /// Reflection extras of every method, parallel to `methods` followed by
    /// `pruned_methods`; null when no method has any.
    pub method_extras: *const MethodExtra,
    /// Record attribute: one line per component, `name descriptor signature` separated by
    /// spaces (`-` for no signature), each line ended by `\n`; null for non-records.
    pub record_components: *const u8,
    /// EnclosingMethod attribute's method as `name descriptor`, or null.
    pub enclosing_method: *const u8,
    /// PermittedSubclasses attribute: internal names separated by spaces, or null.
    pub permitted_subclasses: *const u8,
    /// Runtime-visible annotations of the class and its members, null when none are kept
    /// (see `aot/src/annotation_roots.rs`).
    pub annotations: *const AnnotationMeta,
    /// Dispatch-table names, `name` + `descriptor` as NUL-terminated strings ("area()D"):
    /// for classes one per vtable slot (pruned and abstract slots included), for interfaces
    /// one per itable index (the interface's own non-static, non-private methods in
    /// class-file order). The interpreter uses them to find slots by name at run time.
    pub dispatch_names: *const *const u8,
    /// Length of `dispatch_names`.
    pub n_dispatch_names: u32,
}

/// Reflection data of one method that frames and dispatch do not need.
#[repr(C)]
pub struct MethodExtra {
    /// NUL-terminated generic signature (Signature attribute), or null.
    pub signature: *const u8,
    /// Internal names of the declared exceptions (Exceptions attribute) separated by
    /// spaces, or null when there are none.
    pub exceptions: *const u8,
}

/// Runtime-visible annotations of one class, re-encoded against a small constant pool
/// (`aot/src/annotation_encode.rs`). Each blob is a `u32` little-endian length followed by
/// the bytes of a `RuntimeVisibleAnnotations`, `RuntimeVisibleParameterAnnotations` or
/// `AnnotationDefault` body; a null blob means "none".
#[repr(C)]
pub struct AnnotationMeta {
    /// Constants; pool index `i` is `pool[i - 1]`.
    pub pool: *const PoolEntry,
    /// Length of `pool`.
    pub n_pool: u32,
    /// Length of `members`.
    pub n_members: u32,
    /// The class's annotations.
    pub class_annotations: *const u8,
    /// Annotated fields, methods and constructors.
    pub members: *const MemberAnnotations,
}

/// One constant of an [`AnnotationMeta`] pool.
#[repr(C)]
pub struct PoolEntry {
    /// JVMS tag: 1 Utf8, 3 Integer, 4 Float, 5 Long, 6 Double.
    pub tag: u32,
    /// Byte length of a Utf8 entry's text.
    pub len: u32,
    /// The value's bits (Integer and Float in the low 32 bits), or the address of a Utf8
    /// entry's UTF-8 text.
    pub value: u64,
}

/// The annotations of one field, method or constructor.
#[repr(C)]
pub struct MemberAnnotations {
    /// NUL-terminated name.
    pub name: *const u8,
    /// NUL-terminated descriptor (a field descriptor for fields).
    pub descriptor: *const u8,
    /// `RuntimeVisibleAnnotations` blob.
    pub annotations: *const u8,
    /// `RuntimeVisibleParameterAnnotations` blob.
    pub parameter_annotations: *const u8,
    /// `AnnotationDefault` blob.
    pub annotation_default: *const u8,
}

/// Bits of `ClassMeta::flags`.
pub mod class_flags {
    /// A member class (declared in a class, not in a method).
    pub const MEMBER: u32 = 1;
    /// A local class (EnclosingMethod attribute and a simple name).
    pub const LOCAL: u32 = 2;
    /// An anonymous class (EnclosingMethod attribute, no simple name).
    pub const ANONYMOUS: u32 = 4;
    /// A record class (Record attribute, superclass java.lang.Record).
    pub const RECORD: u32 = 8;
    /// A sealed class (PermittedSubclasses attribute).
    pub const SEALED: u32 = 16;
    /// A class of the JDK class library or the roast SDK (defined by the boot loader).
    pub const JDK: u32 = 32;
    /// A class the compiler synthesized (lambda proxies, desugared invokedynamic helpers):
    /// HotSpot's equivalents are hidden classes and LambdaForms, whose frames stack traces
    /// and stack walks leave out.
    pub const HIDDEN: u32 = 64;
    /// An interface that declares a non-abstract, non-static method: initializing a class
    /// that implements it initializes it too (JVMS §5.5 step 7).
    pub const DEFAULT_METHODS: u32 = 128;
    /// A `java.lang.reflect.Proxy` class the compiler synthesized (`aot/src/proxies.rs`);
    /// not hidden: HotSpot's proxy classes are ordinary classes.
    pub const PROXY: u32 = 256;
    /// A class defined at run time by a class loader (`ClassLoader.defineClass`) and run by
    /// the interpreter (`runtime/src/interp/`); its descriptor is made by the runtime.
    pub const RUNTIME_DEFINED: u32 = 512;
}

/// Bits of `MethodMeta::access` above the class file's 16 access flags.
pub mod method_flags {
    /// The method runs in the interpreter although its class is compiled: a JDK method the
    /// build pruned, interpreted from the embedded class file (`runtime/src/interp/library.rs`).
    /// Its frame record heads an `InterpRecord`, like those of `RUNTIME_DEFINED` classes.
    pub const INTERPRETED: u32 = 1 << 16;
}

/// Name prefix of the index resources of JDK class files embedded for the interpreter when
/// the program can define classes at run time (`aot/src/jdk_bytecode.rs`):
/// `<prefix>java/util/BitSet.class` holds three little-endian `u32`s: the block number, the
/// offset and the length of the class file in the uncompressed block.
/// `Class.getResourceAsStream` never serves these resources.
pub const JDK_CLASS_PREFIX: &str = "roast:jdk-class/";

/// Name prefix of the blocks of JDK class files (raw DEFLATE of concatenated class files):
/// `<prefix>00042` is block 42.
pub const JDK_BLOCK_PREFIX: &str = "roast:jdk-block/";

/// Metadata of a method, referenced by frame records and reflection.
#[repr(C)]
pub struct MethodMeta {
    /// Declaring class.
    pub class: *const ClassDesc,
    /// NUL-terminated name.
    pub name: *const u8,
    /// NUL-terminated descriptor.
    pub descriptor: *const u8,
    /// Access flags.
    pub access: u32,
    /// Number of (pc, line) pairs in `lines`.
    pub n_lines: u32,
    /// Pairs of (start pc, line number), sorted by pc.
    pub lines: *const u32,
    /// Compiled entry point, or null when the method was not compiled.
    pub entry: *const u8,
}

/// Metadata of a field.
#[repr(C)]
pub struct FieldMeta {
    /// NUL-terminated name.
    pub name: *const u8,
    /// NUL-terminated descriptor.
    pub descriptor: *const u8,
    /// Access flags.
    pub access: u32,
    /// Byte offset in the object (instance fields).
    pub offset: u32,
    /// Address of the storage of a static field, or null.
    pub static_addr: *mut u8,
    /// NUL-terminated generic signature (Signature attribute), or null.
    pub signature: *const u8,
}

/// An embedded resource (a class-path file that is not a class), an entry of
/// [`symbols::RESOURCE_TABLE`]; the table is sorted by name (byte order).
#[repr(C)]
pub struct ResourceEntry {
    /// The name as a path inside its class-path entry (`java/lang/uniName.dat`), UTF-8.
    pub name: *const u8,
    /// Length of `name` in bytes.
    pub name_len: u32,
    /// Length of `data` in bytes.
    pub data_len: u32,
    /// The file's contents.
    pub data: *const u8,
}

/// A frame record: compiled methods link one into the thread's list on entry and store the
/// current bytecode pc before each call, which gives stack traces and `getCallerClass`.
#[repr(C)]
pub struct FrameRecord {
    /// The caller's record.
    pub prev: *mut FrameRecord,
    /// The method this frame runs.
    pub method: *const MethodMeta,
    /// Bytecode pc of the current call site.
    pub pc: i32,
}

/// Per-thread state shared by compiled code and the runtime (`roast_thread`, thread-local,
/// defined in runtime-c).
#[repr(C)]
pub struct ThreadState {
    /// The exception being propagated, or null. Compiled code tests it after each call.
    pub pending_exception: *mut u8,
    /// The innermost frame record.
    pub top_frame: *mut FrameRecord,
    /// Lowest usable stack address; method entries below it throw StackOverflowError.
    pub stack_limit: usize,
    /// The `java.lang.Thread` object of this thread.
    pub java_thread: *mut u8,
    /// Small integer identifying the thread (1 = main).
    pub thread_id: usize,
    /// The thread's allocation buffer `{cursor, limit}` (see `runtime/src/gc`), or null.
    pub alloc_bump: *mut usize,
}

/// Byte offsets of `ThreadState` fields used by compiled code.
pub mod thread_offset {
    /// `pending_exception`
    pub const PENDING_EXCEPTION: u32 = 0;
    /// `top_frame`
    pub const TOP_FRAME: u32 = 8;
    /// `stack_limit`
    pub const STACK_LIMIT: u32 = 16;
    /// `thread_id`
    pub const THREAD_ID: u32 = 32;
    /// `alloc_bump`
    pub const ALLOC_BUMP: u32 = 40;
}

/// Symbol names shared by compiler and runtime.
pub mod symbols {
    /// The thread-local [`super::ThreadState`].
    pub const THREAD_STATE: &str = "roast_thread";
    /// Generated: `void roast_main_entry(ref args)` runs the main class's `main`.
    pub const MAIN_ENTRY: &str = "roast_main_entry";
    /// Generated: array of all class descriptors (`*const ClassDesc`), and its length.
    pub const CLASS_TABLE: &str = "roast_class_table";
    /// Generated: `u32` number of entries in [`CLASS_TABLE`].
    pub const CLASS_COUNT: &str = "roast_class_count";
    /// Generated: array of addresses of reference-typed static fields (GC roots), and length.
    pub const STATIC_ROOTS: &str = "roast_static_roots";
    /// Generated: `u32` number of entries in [`STATIC_ROOTS`].
    pub const STATIC_ROOT_COUNT: &str = "roast_static_root_count";
    /// Generated: array of every string literal object (they are interned).
    pub const STRING_TABLE: &str = "roast_string_table";
    /// Generated: `u32` number of entries in [`STRING_TABLE`].
    pub const STRING_COUNT: &str = "roast_string_count";
    /// Generated: `ResourceEntry[]`, the embedded resources sorted by name.
    pub const RESOURCE_TABLE: &str = "roast_resource_table";
    /// Generated: `u32` number of entries in [`RESOURCE_TABLE`].
    pub const RESOURCE_COUNT: &str = "roast_resource_count";
    /// Generated: NUL-terminated `java.home` (the JDK the class library was read from); the
    /// embedded JDK files (resources named `/lib/...`) appear below it.
    pub const JAVA_HOME: &str = "roast_java_home";
    /// Generated: NUL-terminated binary name of the main class when the program's own
    /// classes are interpreted (`roast build --interpret-program`), else empty.
    pub const INTERPRETED_MAIN: &str = "roast_interpreted_main";
    /// Runtime: `i32`, non-zero while a collection asks every thread to stop; compiled code
    /// reads it (volatile) at method entries and loop back-edges.
    pub const SAFEPOINT_REQUESTED: &str = "roast_safepoint_requested";
    /// Runtime: `u64`, the address of the valid-object bit table (one bit per 8 heap
    /// bytes, byte `addr >> 6`, bit `(addr >> 3) & 7`), set at start-up.
    pub const VO_BITS: &str = "roast_vo_bits";
    /// Prefix of the symbol of a class descriptor: `desc:` + internal name.
    pub const DESC_PREFIX: &str = "desc:";
}

/// Runtime functions that compiled code calls. All are `extern "C"`; `ref` is an object
/// address (`ptr addrspace(1)` in LLVM).
pub mod rt {
    /// `ref roast_alloc(*ClassDesc)`: a zeroed instance.
    pub const ALLOC: &str = "roast_alloc";
    /// `ref roast_alloc_array(*ClassDesc array_class, i32 length)`; negative length throws.
    pub const ALLOC_ARRAY: &str = "roast_alloc_array";
    /// `ref roast_multi_array(*ClassDesc array_class, i32 dims, *i32 lengths)`.
    pub const MULTI_ARRAY: &str = "roast_multi_array";
    /// `void roast_init_class(*ClassDesc)`: JVMS §5.5 initialization; may leave an exception.
    pub const INIT_CLASS: &str = "roast_init_class";
    /// `i32 roast_instance_of(ref non-null, *ClassDesc)`.
    pub const INSTANCE_OF: &str = "roast_instance_of";
    /// `void roast_check_cast_failed(ref, *ClassDesc)`: throws ClassCastException.
    pub const CHECK_CAST_FAILED: &str = "roast_check_cast_failed";
    /// `void roast_array_store_check(ref array, ref value)`: may throw ArrayStoreException.
    pub const ARRAY_STORE_CHECK: &str = "roast_array_store_check";
    /// `ptr roast_itable_lookup(ref receiver, *ClassDesc iface, i32 index)`.
    pub const ITABLE_LOOKUP: &str = "roast_itable_lookup";
    /// `void roast_throw_npe(*u8 message or null)`.
    pub const THROW_NPE: &str = "roast_throw_npe";
    /// `void roast_throw_index(i32 index, i32 length)`: ArrayIndexOutOfBoundsException.
    pub const THROW_INDEX: &str = "roast_throw_index";
    /// `void roast_throw_div_zero()`: ArithmeticException "/ by zero".
    pub const THROW_DIV_ZERO: &str = "roast_throw_div_zero";
    /// `void roast_throw_stack_overflow()`.
    pub const THROW_STACK_OVERFLOW: &str = "roast_throw_stack_overflow";
    /// `void roast_throw_error(i32 kind, *u8 message)`: linkage errors found at build time.
    pub const THROW_ERROR: &str = "roast_throw_error";
    /// `void roast_monitor_enter(ref)` and `void roast_monitor_exit(ref)`: the slow paths of
    /// the inlined thin-lock fast paths (any lock word state).
    pub const MONITOR_ENTER: &str = "roast_monitor_enter";
    /// See [`MONITOR_ENTER`].
    pub const MONITOR_EXIT: &str = "roast_monitor_exit";
    /// `ref roast_class_mirror(*ClassDesc)`: the `java.lang.Class` object.
    pub const CLASS_MIRROR: &str = "roast_class_mirror";
    /// `void roast_safepoint_poll()`: parks the thread while a collection runs.
    pub const SAFEPOINT_POLL: &str = "roast_safepoint_poll";
}

/// `roast_throw_error` kinds.
pub mod error_kind {
    /// UnsatisfiedLinkError
    pub const UNSATISFIED_LINK: i32 = 1;
    /// AbstractMethodError
    pub const ABSTRACT_METHOD: i32 = 2;
    /// NoSuchMethodError
    pub const NO_SUCH_METHOD: i32 = 3;
    /// NoSuchFieldError
    pub const NO_SUCH_FIELD: i32 = 4;
    /// NoClassDefFoundError
    pub const NO_CLASS_DEF: i32 = 5;
    /// IncompatibleClassChangeError
    pub const INCOMPATIBLE_CLASS_CHANGE: i32 = 6;
    /// IllegalAccessError
    pub const ILLEGAL_ACCESS: i32 = 7;
    /// InstantiationError
    pub const INSTANTIATION: i32 = 8;
    /// UnsupportedOperationException for features roast does not implement yet.
    pub const UNSUPPORTED: i32 = 9;
    /// ClassFormatError
    pub const CLASS_FORMAT: i32 = 10;
    /// VerifyError
    pub const VERIFY: i32 = 11;
    /// LinkageError
    pub const LINKAGE: i32 = 12;
    /// SecurityException
    pub const SECURITY: i32 = 13;
}

/// Mangled symbol of a compiled method: `class.name(descriptor)`.
pub fn method_symbol(class: &str, name: &str, descriptor: &str) -> String {
    format!("{class}.{name}{descriptor}")
}

/// Symbol of a class descriptor.
pub fn desc_symbol(class: &str) -> String {
    format!("{}{class}", symbols::DESC_PREFIX)
}

/// Symbol of a static field's storage.
pub fn static_symbol(class: &str, name: &str) -> String {
    format!("static:{class}.{name}")
}

/// Native methods implemented by the runtime, by `method_symbol`. The compiler leaves these
/// as external declarations; other natives get a body that throws UnsatisfiedLinkError.
pub const NATIVES: &[&str] = &[
    "java/lang/System.initProperties()[Ljava/lang/String;",
    "java/lang/System.setIn0(Ljava/io/InputStream;)V",
    "java/lang/System.setOut0(Ljava/io/PrintStream;)V",
    "java/lang/System.setErr0(Ljava/io/PrintStream;)V",
    "java/lang/System.currentTimeMillis()J",
    "java/lang/System.nanoTime()J",
    "java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V",
    "java/lang/System.identityHashCode(Ljava/lang/Object;)I",
    "java/lang/System.getenv0(Ljava/lang/String;)Ljava/lang/String;",
    "java/lang/System.environ0()[Ljava/lang/String;",
    "java/lang/RoastVM.enumValues(Ljava/lang/Class;)[Ljava/lang/Object;",
    "java/lang/RoastVM.resourceBytes(Ljava/lang/String;)[B",
    "java/lang/RoastVM.interpretedMainClass()Ljava/lang/String;",
    "java/lang/reflect/Proxy.defineProxy0(Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;",
    "java/lang/RoastVM.invokeMain(Ljava/lang/Class;[Ljava/lang/String;)V",
    "java/lang/ClassLoader.registerNatives()V",
    "java/io/FileInputStream.open0(Ljava/lang/String;)V",
    "java/io/FileInputStream.length0()J",
    "java/io/FileInputStream.position0()J",
    "java/io/FileInputStream.skip0(J)J",
    "java/io/FileOutputStream.open0(Ljava/lang/String;Z)V",
    "java/io/RandomAccessFile.initIDs()V",
    "java/io/RandomAccessFile.open0(Ljava/lang/String;I)V",
    "java/io/RandomAccessFile.read0()I",
    "java/io/RandomAccessFile.readBytes([BII)I",
    "java/io/RandomAccessFile.write0(I)V",
    "java/io/RandomAccessFile.writeBytes([BII)V",
    "java/io/RandomAccessFile.getFilePointer()J",
    "java/io/RandomAccessFile.seek0(J)V",
    "java/io/RandomAccessFile.length()J",
    "java/io/RandomAccessFile.setLength(J)V",
    "java/io/FileDescriptor.close0()V",
    "java/io/FileCleanable.cleanupClose0(IJ)V",
    "java/io/UnixFileSystem.initIDs()V",
    "java/io/UnixFileSystem.getBooleanAttributes0(Ljava/io/File;)I",
    "java/io/UnixFileSystem.checkAccess(Ljava/io/File;I)Z",
    "java/io/UnixFileSystem.getLastModifiedTime(Ljava/io/File;)J",
    "java/io/UnixFileSystem.getLength(Ljava/io/File;)J",
    "java/io/UnixFileSystem.setPermission(Ljava/io/File;IZZ)Z",
    "java/io/UnixFileSystem.setReadOnly(Ljava/io/File;)Z",
    "java/io/UnixFileSystem.createFileExclusively(Ljava/lang/String;)Z",
    "java/io/UnixFileSystem.delete0(Ljava/io/File;)Z",
    "java/io/UnixFileSystem.createDirectory(Ljava/io/File;)Z",
    "java/io/UnixFileSystem.rename0(Ljava/io/File;Ljava/io/File;)Z",
    "java/io/UnixFileSystem.setLastModifiedTime(Ljava/io/File;J)Z",
    "java/io/UnixFileSystem.list(Ljava/io/File;)[Ljava/lang/String;",
    "java/io/UnixFileSystem.getSpace(Ljava/io/File;I)J",
    "java/io/UnixFileSystem.getNameMax0(Ljava/lang/String;)J",
    "java/io/UnixFileSystem.canonicalize0(Ljava/lang/String;)Ljava/lang/String;",
    "java/util/TimeZone.getSystemTimeZoneID(Ljava/lang/String;)Ljava/lang/String;",
    "java/util/TimeZone.getSystemGMTOffsetID()Ljava/lang/String;",
    "jdk/internal/misc/UnsafeConstants.pageSize()I",
    "jdk/internal/misc/Unsafe.allocateMemory0(J)J",
    "jdk/internal/misc/Unsafe.reallocateMemory0(JJ)J",
    "jdk/internal/misc/Unsafe.freeMemory0(J)V",
    "jdk/internal/misc/Unsafe.setMemory0(Ljava/lang/Object;JJB)V",
    "jdk/internal/misc/Unsafe.copyMemory0(Ljava/lang/Object;JLjava/lang/Object;JJ)V",
    "jdk/internal/misc/Unsafe.copySwapMemory0(Ljava/lang/Object;JLjava/lang/Object;JJJ)V",
    "java/util/zip/CRC32.update(II)I",
    "java/util/zip/CRC32.updateBytes0(I[BII)I",
    "java/util/zip/CRC32.updateByteBuffer0(IJII)I",
    "java/util/zip/Adler32.update(II)I",
    "java/util/zip/Adler32.updateBytes(I[BII)I",
    "java/util/zip/Adler32.updateByteBuffer(IJII)I",
    "java/util/zip/Inflater.initIDs()V",
    "java/util/zip/Inflater.init(Z)J",
    "java/util/zip/Inflater.setDictionary(J[BII)V",
    "java/util/zip/Inflater.setDictionaryBuffer(JJI)V",
    "java/util/zip/Inflater.inflateBytesBytes(J[BII[BII)J",
    "java/util/zip/Inflater.inflateBytesBuffer(J[BIIJI)J",
    "java/util/zip/Inflater.inflateBufferBytes(JJI[BII)J",
    "java/util/zip/Inflater.inflateBufferBuffer(JJIJI)J",
    "java/util/zip/Inflater.getAdler(J)I",
    "java/util/zip/Inflater.reset(J)V",
    "java/util/zip/Inflater.end(J)V",
    "java/util/zip/Deflater.init(IIZ)J",
    "java/util/zip/Deflater.setDictionary(J[BII)V",
    "java/util/zip/Deflater.setDictionaryBuffer(JJI)V",
    "java/util/zip/Deflater.deflateBytesBytes(J[BII[BIIII)J",
    "java/util/zip/Deflater.deflateBytesBuffer(J[BIIJIII)J",
    "java/util/zip/Deflater.deflateBufferBytes(JJI[BIIII)J",
    "java/util/zip/Deflater.deflateBufferBuffer(JJIJIII)J",
    "java/util/zip/Deflater.getAdler(J)I",
    "java/util/zip/Deflater.reset(J)V",
    "java/util/zip/Deflater.end(J)V",
    "java/lang/Object.getClass()Ljava/lang/Class;",
    "java/lang/Object.hashCode()I",
    "java/lang/Object.clone()Ljava/lang/Object;",
    "java/lang/Object.notify()V",
    "java/lang/Object.notifyAll()V",
    "java/lang/Object.wait(J)V",
    "java/io/FileOutputStream.writeBytes([BIIZ)V",
    "java/io/FileOutputStream.write(IZ)V",
    "java/io/FileInputStream.readBytes([BII)I",
    "java/io/FileInputStream.read0()I",
    "java/io/FileInputStream.available0()I",
    "java/io/FileDescriptor.initIDs()V",
    "java/io/FileDescriptor.getHandle(I)J",
    "java/io/FileDescriptor.getAppend(I)Z",
    "java/io/FileOutputStream.initIDs()V",
    "java/io/FileInputStream.initIDs()V",
    "java/lang/Throwable.fillInStackTrace(I)Ljava/lang/Throwable;",
    "java/lang/StackTraceElement.initStackTraceElements([Ljava/lang/StackTraceElement;Ljava/lang/Throwable;I)V",
    "java/lang/StackWalker.roastFrameInfo(Ljava/lang/Throwable;[Ljava/lang/Class;[I[Ljava/lang/String;)V",
    "java/lang/Shutdown.halt0(I)V",
    "java/lang/Shutdown.beforeHalt()V",
    "java/lang/Runtime.availableProcessors()I",
    "java/lang/Runtime.freeMemory()J",
    "java/lang/Runtime.totalMemory()J",
    "java/lang/Runtime.maxMemory()J",
    "java/lang/Runtime.gc()V",
    // java.lang.ref: the JDK's own Reference class over the collector (runtime/src/gc/references.rs).
    "java/lang/ref/Reference.getAndClearReferencePendingList()Ljava/lang/ref/Reference;",
    "java/lang/ref/Reference.hasReferencePendingList()Z",
    "java/lang/ref/Reference.waitForReferencePendingList()V",
    "java/lang/ref/Reference.refersTo0(Ljava/lang/Object;)Z",
    "java/lang/ref/Reference.clear0()V",
    "java/lang/ref/PhantomReference.refersTo0(Ljava/lang/Object;)Z",
    "java/lang/String.intern()Ljava/lang/String;",
    "java/lang/StringUTF16.isBigEndian()Z",
    "java/lang/Class.registerNatives()V",
    "java/lang/Class.getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;",
    "java/lang/Class.desiredAssertionStatus0(Ljava/lang/Class;)Z",
    "java/lang/Class.initClassName()Ljava/lang/String;",
    "java/lang/Class.isArray()Z",
    "java/lang/Class.isPrimitive()Z",
    "java/lang/Class.isInterface()Z",
    "java/lang/Class.isInstance(Ljava/lang/Object;)Z",
    "java/lang/Class.isAssignableFrom(Ljava/lang/Class;)Z",
    "java/lang/Class.getSuperclass()Ljava/lang/Class;",
    "java/lang/Class.getModifiers()I",
    "java/lang/Class.isHidden()Z",
    "java/lang/NullPointerException.getExtendedNPEMessage()Ljava/lang/String;",
    "jdk/internal/misc/CDS.isDumpingClassList0()Z",
    "jdk/internal/misc/CDS.isDumpingArchive0()Z",
    "jdk/internal/misc/CDS.isSharingEnabled0()Z",
    "jdk/internal/misc/CDS.initializeFromArchive(Ljava/lang/Class;)V",
    "jdk/internal/misc/CDS.getRandomSeedForDumping()J",
    "jdk/internal/misc/VM.initialize()V",
    "jdk/internal/misc/VM.getNanoTimeAdjustment(J)J",
    "jdk/internal/misc/Unsafe.registerNatives()V",
    "jdk/internal/misc/Unsafe.arrayBaseOffset0(Ljava/lang/Class;)I",
    "jdk/internal/misc/Unsafe.arrayIndexScale0(Ljava/lang/Class;)I",
    "jdk/internal/misc/Unsafe.addressSize0()I",
    "jdk/internal/misc/Unsafe.objectFieldOffset1(Ljava/lang/Class;Ljava/lang/String;)J",
    "jdk/internal/misc/Unsafe.storeFence()V",
    "jdk/internal/misc/Unsafe.loadFence()V",
    "jdk/internal/misc/Unsafe.fullFence()V",
    "jdk/internal/misc/Unsafe.getReference(Ljava/lang/Object;J)Ljava/lang/Object;",
    "jdk/internal/misc/Unsafe.putReference(Ljava/lang/Object;JLjava/lang/Object;)V",
    "jdk/internal/misc/Unsafe.getReferenceVolatile(Ljava/lang/Object;J)Ljava/lang/Object;",
    "jdk/internal/misc/Unsafe.putReferenceVolatile(Ljava/lang/Object;JLjava/lang/Object;)V",
    "jdk/internal/misc/Unsafe.getInt(Ljava/lang/Object;J)I",
    "jdk/internal/misc/Unsafe.putInt(Ljava/lang/Object;JI)V",
    "jdk/internal/misc/Unsafe.getIntVolatile(Ljava/lang/Object;J)I",
    "jdk/internal/misc/Unsafe.putIntVolatile(Ljava/lang/Object;JI)V",
    "jdk/internal/misc/Unsafe.getLong(Ljava/lang/Object;J)J",
    "jdk/internal/misc/Unsafe.putLong(Ljava/lang/Object;JJ)V",
    "jdk/internal/misc/Unsafe.getLongVolatile(Ljava/lang/Object;J)J",
    "jdk/internal/misc/Unsafe.putLongVolatile(Ljava/lang/Object;JJ)V",
    "jdk/internal/misc/Unsafe.getByte(Ljava/lang/Object;J)B",
    "jdk/internal/misc/Unsafe.putByte(Ljava/lang/Object;JB)V",
    "jdk/internal/misc/Unsafe.getShort(Ljava/lang/Object;J)S",
    "jdk/internal/misc/Unsafe.putShort(Ljava/lang/Object;JS)V",
    "jdk/internal/misc/Unsafe.getChar(Ljava/lang/Object;J)C",
    "jdk/internal/misc/Unsafe.putChar(Ljava/lang/Object;JC)V",
    "jdk/internal/misc/Unsafe.getBoolean(Ljava/lang/Object;J)Z",
    "jdk/internal/misc/Unsafe.putBoolean(Ljava/lang/Object;JZ)V",
    "jdk/internal/misc/Unsafe.getFloat(Ljava/lang/Object;J)F",
    "jdk/internal/misc/Unsafe.putFloat(Ljava/lang/Object;JF)V",
    "jdk/internal/misc/Unsafe.getDouble(Ljava/lang/Object;J)D",
    "jdk/internal/misc/Unsafe.putDouble(Ljava/lang/Object;JD)V",
    "jdk/internal/misc/Unsafe.compareAndSetReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Z",
    "jdk/internal/misc/Unsafe.compareAndExchangeReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
    "jdk/internal/misc/Unsafe.compareAndSetInt(Ljava/lang/Object;JII)Z",
    "jdk/internal/misc/Unsafe.compareAndExchangeInt(Ljava/lang/Object;JII)I",
    "jdk/internal/misc/Unsafe.compareAndSetLong(Ljava/lang/Object;JJJ)Z",
    "jdk/internal/misc/Unsafe.compareAndExchangeLong(Ljava/lang/Object;JJJ)J",
    "jdk/internal/misc/Unsafe.ensureClassInitialized0(Ljava/lang/Class;)V",
    "jdk/internal/misc/Unsafe.shouldBeInitialized0(Ljava/lang/Class;)Z",
    "jdk/internal/misc/Unsafe.allocateInstance(Ljava/lang/Class;)Ljava/lang/Object;",
    "jdk/internal/reflect/Reflection.getCallerClass()Ljava/lang/Class;",
    "jdk/internal/reflect/Reflection.getClassAccessFlags(Ljava/lang/Class;)I",
    "java/lang/Thread.currentThread0()Ljava/lang/Thread;",
    "java/lang/Thread.setCurrentThread0(Ljava/lang/Thread;)V",
    "java/lang/Thread.sleep0(JI)Z",
    "java/lang/Thread.currentRecord0()J",
    "java/lang/Thread.newRecord0()J",
    "java/lang/Thread.start0(JLjava/lang/Thread;ZJ)Z",
    "java/lang/Thread.interrupt0(J)V",
    "java/lang/Thread.isInterrupted0(JZ)Z",
    "java/lang/Thread.status0(J)I",
    "java/lang/Thread.terminated0(J)V",
    "java/lang/Thread.yield()V",
    "jdk/internal/misc/Unsafe.park(ZJ)V",
    "jdk/internal/misc/Unsafe.unpark(Ljava/lang/Object;)V",
    "java/lang/Thread.holdsLock0(Ljava/lang/Object;)Z",
    "jdk/internal/misc/ScopedMemoryAccess.registerNatives()V",
    "java/lang/Thread.registerNatives()V",
    "java/security/AccessController.getStackAccessControlContext()Ljava/security/AccessControlContext;",
    "java/security/AccessController.ensureMaterializedForStackWalk(Ljava/lang/Object;)V",
    "java/lang/Class.classFlags0()I",
    "java/lang/Class.interfaceCount0()I",
    "java/lang/Class.interfaceAt0(I)Ljava/lang/Class;",
    "java/lang/reflect/Proxy.proxyClassCount0()I",
    "java/lang/Class.rawAnnotations0(ILjava/lang/String;Ljava/lang/String;)[B",
    "jdk/internal/reflect/ConstantPool.size0(Ljava/lang/Class;)I",
    "jdk/internal/reflect/ConstantPool.tag0(Ljava/lang/Class;I)I",
    "jdk/internal/reflect/ConstantPool.bits0(Ljava/lang/Class;I)J",
    "jdk/internal/reflect/ConstantPool.utf8At0(Ljava/lang/Class;I)Ljava/lang/String;",
    "java/lang/reflect/Proxy.proxyClassAt0(I)Ljava/lang/Class;",
    "java/lang/reflect/Proxy.setClassName0(Ljava/lang/Class;Ljava/lang/String;)V",
    "java/lang/Class.componentType0()Ljava/lang/Class;",
    "java/lang/Class.arrayType0()Ljava/lang/Class;",
    "java/lang/Class.getSimpleBinaryName0()Ljava/lang/String;",
    "java/lang/Class.canonicalName0()Ljava/lang/String;",
    "java/lang/Class.getGenericSignature0()Ljava/lang/String;",
    "java/lang/Class.getDeclaringClass0()Ljava/lang/Class;",
    "java/lang/Class.getEnclosingClass0()Ljava/lang/Class;",
    "java/lang/Class.getNestHost0()Ljava/lang/Class;",
    "java/lang/Class.findCompiled0(Ljava/lang/String;)Ljava/lang/Class;",
    "java/lang/reflect/Array.newArray(Ljava/lang/Class;I)Ljava/lang/Object;",
    // VarHandle support (runtime/src/natives/invoke.rs).
    "java/lang/invoke/RoastVarHandles.fieldHolder(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Class;",
    "java/lang/invoke/RoastVarHandles.fieldModifiers(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)I",
    "java/lang/invoke/RoastVarHandles.fieldOffset(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)J",
    "java/lang/invoke/RoastVarHandles.componentType(Ljava/lang/Class;)Ljava/lang/Class;",
    "java/lang/invoke/RoastVarHandles.storeCheck(Ljava/lang/Object;Ljava/lang/Object;)V",
    "java/lang/invoke/RoastVarHandles.arrayLength(Ljava/lang/Object;)I",
    "java/lang/invoke/RoastVarHandles.isJdkClass(Ljava/lang/Class;)Z",
    "jdk/internal/misc/Unsafe.getBooleanVolatile(Ljava/lang/Object;J)Z",
    "jdk/internal/misc/Unsafe.putBooleanVolatile(Ljava/lang/Object;JZ)V",
    "jdk/internal/misc/Unsafe.getByteVolatile(Ljava/lang/Object;J)B",
    "jdk/internal/misc/Unsafe.putByteVolatile(Ljava/lang/Object;JB)V",
    "jdk/internal/misc/Unsafe.getShortVolatile(Ljava/lang/Object;J)S",
    "jdk/internal/misc/Unsafe.putShortVolatile(Ljava/lang/Object;JS)V",
    "jdk/internal/misc/Unsafe.getCharVolatile(Ljava/lang/Object;J)C",
    "jdk/internal/misc/Unsafe.putCharVolatile(Ljava/lang/Object;JC)V",
    "jdk/internal/misc/Unsafe.getFloatVolatile(Ljava/lang/Object;J)F",
    "jdk/internal/misc/Unsafe.putFloatVolatile(Ljava/lang/Object;JF)V",
    "jdk/internal/misc/Unsafe.getDoubleVolatile(Ljava/lang/Object;J)D",
    "jdk/internal/misc/Unsafe.putDoubleVolatile(Ljava/lang/Object;JD)V",
    "java/util/concurrent/atomic/AtomicLong.VMSupportsCS8()Z",
    // Member reflection (runtime/src/natives/members.rs).
    "java/lang/Class.methodCount0()I",
    "java/lang/Class.methodName0(I)Ljava/lang/String;",
    "java/lang/Class.methodDescriptor0(I)Ljava/lang/String;",
    "java/lang/Class.methodModifiers0(I)I",
    "java/lang/Class.fieldCount0()I",
    "java/lang/Class.fieldName0(I)Ljava/lang/String;",
    "java/lang/Class.fieldDescriptor0(I)Ljava/lang/String;",
    "java/lang/Class.fieldModifiers0(I)I",
    "java/lang/Class.newField0(Ljava/lang/Class;ILjava/lang/String;Ljava/lang/Class;IZLjava/lang/String;)Ljava/lang/reflect/Field;",
    "java/lang/Class.methodSignature0(I)Ljava/lang/String;",
    "java/lang/Class.methodExceptions0(I)Ljava/lang/String;",
    "java/lang/Class.recordComponents0()Ljava/lang/String;",
    "java/lang/Class.enclosingMethod0()Ljava/lang/String;",
    "java/lang/Class.permittedSubclasses0()Ljava/lang/String;",
    "java/lang/Class.fieldSignature0(I)Ljava/lang/String;",
    "jdk/internal/reflect/RoastReflection.targetProblem0(Ljava/lang/Class;ILjava/lang/Object;)Ljava/lang/String;",
    "jdk/internal/reflect/NativeMethodAccessorImpl.invokeRef0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;",
    "jdk/internal/reflect/NativeMethodAccessorImpl.invokePrim0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)J",
    "jdk/internal/misc/Unsafe.objectFieldOffset0(Ljava/lang/reflect/Field;)J",
    "jdk/internal/misc/Unsafe.staticFieldOffset0(Ljava/lang/reflect/Field;)J",
    "jdk/internal/misc/Unsafe.staticFieldBase0(Ljava/lang/reflect/Field;)Ljava/lang/Object;",
    "jdk/internal/reflect/Reflection.areNestMates(Ljava/lang/Class;Ljava/lang/Class;)Z",
    "jdk/internal/reflect/NativeConstructorAccessorImpl.invoke0(Ljava/lang/Class;ILjava/lang/Object;[Ljava/lang/Object;)V",
    // Class loading and the interpreter (runtime/src/interp/natives.rs).
    "java/lang/ClassLoader.defineClass1(Ljava/lang/ClassLoader;Ljava/lang/String;[BII)Ljava/lang/Class;",
    "java/lang/ClassLoader.findLoadedClass1(Ljava/lang/ClassLoader;Ljava/lang/String;)Ljava/lang/Class;",
    "java/lang/Class.classLoader0()Ljava/lang/ClassLoader;",
    "java/net/URLClassLoader.readFile0(Ljava/lang/String;)[B",
    "java/net/URLClassLoader.exists0(Ljava/lang/String;)Z",
    // java.nio.file and FileChannel (runtime/src/natives/nio_*.rs).
    "sun/nio/fs/UnixNativeDispatcher.init()I",
    "sun/nio/fs/LinuxNativeDispatcher.init()V",
    "sun/nio/fs/LinuxNativeDispatcher.setmntent0(JJ)J",
    "sun/nio/fs/LinuxNativeDispatcher.getmntent0(JLsun/nio/fs/UnixMountEntry;JI)I",
    "sun/nio/fs/LinuxNativeDispatcher.endmntent(J)V",
    "sun/nio/fs/UnixNativeDispatcher.getcwd()[B",
    "sun/nio/fs/UnixNativeDispatcher.strerror(I)[B",
    "sun/nio/fs/UnixNativeDispatcher.dup(I)I",
    "sun/nio/fs/UnixNativeDispatcher.open0(JII)I",
    "sun/nio/fs/UnixNativeDispatcher.openat0(IJII)I",
    "sun/nio/fs/UnixNativeDispatcher.close0(I)V",
    "sun/nio/fs/UnixNativeDispatcher.link0(JJ)V",
    "sun/nio/fs/UnixNativeDispatcher.unlink0(J)V",
    "sun/nio/fs/UnixNativeDispatcher.unlinkat0(IJI)V",
    "sun/nio/fs/UnixNativeDispatcher.mknod0(JIJ)V",
    "sun/nio/fs/UnixNativeDispatcher.rename0(JJ)V",
    "sun/nio/fs/UnixNativeDispatcher.renameat0(IJIJ)V",
    "sun/nio/fs/UnixNativeDispatcher.mkdir0(JI)V",
    "sun/nio/fs/UnixNativeDispatcher.rmdir0(J)V",
    "sun/nio/fs/UnixNativeDispatcher.symlink0(JJ)V",
    "sun/nio/fs/UnixNativeDispatcher.readlink0(J)[B",
    "sun/nio/fs/UnixNativeDispatcher.realpath0(J)[B",
    "sun/nio/fs/UnixNativeDispatcher.access0(JI)V",
    "sun/nio/fs/UnixNativeDispatcher.exists0(J)Z",
    "sun/nio/fs/UnixNativeDispatcher.chown0(JII)V",
    "sun/nio/fs/UnixNativeDispatcher.lchown0(JII)V",
    "sun/nio/fs/UnixNativeDispatcher.fchown(III)V",
    "sun/nio/fs/UnixNativeDispatcher.chmod0(JI)V",
    "sun/nio/fs/UnixNativeDispatcher.fchmod(II)V",
    "sun/nio/fs/UnixNativeDispatcher.utimes0(JJJ)V",
    "sun/nio/fs/UnixNativeDispatcher.lutimes0(JJJ)V",
    "sun/nio/fs/UnixNativeDispatcher.futimes(IJJ)V",
    "sun/nio/fs/UnixNativeDispatcher.futimens(IJJ)V",
    "sun/nio/fs/UnixNativeDispatcher.fgetxattr0(IJJI)I",
    "sun/nio/fs/UnixNativeDispatcher.fsetxattr0(IJJI)V",
    "sun/nio/fs/UnixNativeDispatcher.fremovexattr0(IJ)V",
    "sun/nio/fs/UnixNativeDispatcher.flistxattr(IJI)I",
    "sun/nio/fs/UnixNativeDispatcher.stat0(JLsun/nio/fs/UnixFileAttributes;)V",
    "sun/nio/fs/UnixNativeDispatcher.lstat0(JLsun/nio/fs/UnixFileAttributes;)V",
    "sun/nio/fs/UnixNativeDispatcher.fstat(ILsun/nio/fs/UnixFileAttributes;)V",
    "sun/nio/fs/UnixNativeDispatcher.fstatat0(IJILsun/nio/fs/UnixFileAttributes;)V",
    "sun/nio/fs/UnixNativeDispatcher.stat1(J)I",
    "sun/nio/fs/UnixNativeDispatcher.statvfs0(JLsun/nio/fs/UnixFileStoreAttributes;)V",
    "sun/nio/fs/UnixNativeDispatcher.getpwuid(I)[B",
    "sun/nio/fs/UnixNativeDispatcher.getgrgid(I)[B",
    "sun/nio/fs/UnixNativeDispatcher.getpwnam0(J)I",
    "sun/nio/fs/UnixNativeDispatcher.getgrnam0(J)I",
    "sun/nio/fs/UnixNativeDispatcher.opendir0(J)J",
    "sun/nio/fs/UnixNativeDispatcher.fdopendir(I)J",
    "sun/nio/fs/UnixNativeDispatcher.closedir(J)V",
    "sun/nio/fs/UnixNativeDispatcher.readdir(J)[B",
    "sun/nio/fs/UnixNativeDispatcher.rewind(J)V",
    "sun/nio/fs/UnixNativeDispatcher.getlinelen(J)I",
    "sun/nio/fs/UnixNativeDispatcher.read(IJI)I",
    "sun/nio/fs/UnixNativeDispatcher.write(IJI)I",
    "sun/nio/fs/UnixCopyFile.transfer(IIJ)V",
    "sun/nio/ch/FileDispatcherImpl.init()V",
    "sun/nio/ch/FileDispatcherImpl.read0(Ljava/io/FileDescriptor;JI)I",
    "sun/nio/ch/FileDispatcherImpl.pread0(Ljava/io/FileDescriptor;JIJ)I",
    "sun/nio/ch/FileDispatcherImpl.readv0(Ljava/io/FileDescriptor;JI)J",
    "sun/nio/ch/FileDispatcherImpl.write0(Ljava/io/FileDescriptor;JI)I",
    "sun/nio/ch/FileDispatcherImpl.pwrite0(Ljava/io/FileDescriptor;JIJ)I",
    "sun/nio/ch/FileDispatcherImpl.writev0(Ljava/io/FileDescriptor;JI)J",
    "sun/nio/ch/FileDispatcherImpl.seek0(Ljava/io/FileDescriptor;J)J",
    "sun/nio/ch/FileDispatcherImpl.force0(Ljava/io/FileDescriptor;Z)I",
    "sun/nio/ch/FileDispatcherImpl.truncate0(Ljava/io/FileDescriptor;J)I",
    "sun/nio/ch/FileDispatcherImpl.size0(Ljava/io/FileDescriptor;)J",
    "sun/nio/ch/FileDispatcherImpl.lock0(Ljava/io/FileDescriptor;ZJJZ)I",
    "sun/nio/ch/FileDispatcherImpl.release0(Ljava/io/FileDescriptor;JJ)V",
    "sun/nio/ch/FileDispatcherImpl.close0(Ljava/io/FileDescriptor;)V",
    "sun/nio/ch/FileDispatcherImpl.closeIntFD(I)V",
    "sun/nio/ch/FileDispatcherImpl.preClose0(Ljava/io/FileDescriptor;)V",
    "sun/nio/ch/FileDispatcherImpl.dup0(Ljava/io/FileDescriptor;Ljava/io/FileDescriptor;)V",
    "sun/nio/ch/FileDispatcherImpl.canTransferToFromOverlappedMap0()Z",
    "sun/nio/ch/FileDispatcherImpl.setDirect0(Ljava/io/FileDescriptor;)I",
    "sun/nio/ch/IOUtil.initIDs()V",
    "sun/nio/ch/IOUtil.iovMax()I",
    "sun/nio/ch/IOUtil.fdLimit()I",
    "sun/nio/ch/IOUtil.fdVal(Ljava/io/FileDescriptor;)I",
    "sun/nio/ch/IOUtil.setfdVal(Ljava/io/FileDescriptor;I)V",
    "sun/nio/ch/IOUtil.configureBlocking(Ljava/io/FileDescriptor;Z)V",
    "sun/nio/ch/FileChannelImpl.initIDs()J",
    "sun/nio/ch/FileChannelImpl.maxDirectTransferSize0()I",
    "sun/nio/ch/FileChannelImpl.map0(IJJZ)J",
    "sun/nio/ch/FileChannelImpl.unmap0(JJ)I",
    "sun/nio/ch/FileChannelImpl.transferTo0(Ljava/io/FileDescriptor;JJLjava/io/FileDescriptor;)J",
    "sun/nio/ch/NativeThread.init()V",
    "sun/nio/ch/NativeThread.current()J",
    "sun/nio/ch/NativeThread.signal(J)V",
    "sun/nio/ch/FileKey.initIDs()V",
    "sun/nio/ch/FileKey.init(Ljava/io/FileDescriptor;)V",
];

// Layout checks of the offsets compiled code uses (evaluated at build time).
const _: () = assert!(
    std::mem::offset_of!(ThreadState, thread_id) == thread_offset::THREAD_ID as usize
        && std::mem::offset_of!(ThreadState, alloc_bump) == thread_offset::ALLOC_BUMP as usize
        && std::mem::offset_of!(ObjectHeader, lock) == LOCK_WORD_OFFSET as usize
);
