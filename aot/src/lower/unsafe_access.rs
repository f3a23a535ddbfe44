//! Call-site intrinsics of `jdk.internal.misc.Unsafe`'s field and element accesses: a call of
//! `getIntVolatile`, `compareAndSetLong`, `getAndAddInt`, `getAndSetReference`, `getAndBitwiseOrLong`, ... is lowered
//! to an LLVM load, store, `cmpxchg` or `atomicrmw` on `base + offset` where the call is, as
//! HotSpot's C2 does, instead of a call of the runtime's native (`runtime/src/natives/
//! unsafe_mem.rs`, still used by the interpreter) or of the JDK's Java loop around
//! `weakCompareAndSet*`.
//!
//! Invariants:
//! - The address is `base + offset` as bytes, whatever the base: an object (the offset is a
//!   field offset of `objectFieldOffset` or `arrayBaseOffset + i * arrayIndexScale`, a byte
//!   offset from the object's header address) or null (the offset is an absolute address: a
//!   static field's, from `objectFieldOffset`/`staticFieldOffset`, or off-heap memory). This
//!   is exactly what the runtime's natives compute, so every case stays the same.
//! - Orderings follow the access mode (JDK 9 memory-order modes, which are C++11's):
//!   `Volatile` and every compare-and-set/exchange or read-modify-write are `seq_cst` (weak
//!   and acquire/release/plain CAS variants may be stronger than asked, never weaker);
//!   `Acquire` loads are `acquire`, `Release` stores `release`, `Opaque` accesses `monotonic`;
//!   plain `getInt`/`putInt` are plain accesses with alignment 1 (off-heap addresses need not
//!   be aligned). Atomic accesses are naturally aligned, as Java fields and array elements are.
//! - Reference accesses need nothing more than the value store: the collector has no write
//!   barrier (a compiled `putfield` of a reference is a plain store too) and stops the world
//!   only at safepoints, which these instructions are not.
//! - Only the methods of the table below are replaced; every other `Unsafe` method is called.
//!   The receiver (the `Unsafe` instance) is still null-checked as the call would be.

use super::method::MethodCx;
use super::types::memory_type;
use crate::program::{MethodId, Program};
use inkwell::values::{BasicMetadataValueEnum, BasicValue, BasicValueEnum, PointerValue};
use inkwell::{AtomicOrdering, AtomicRMWBinOp};

/// The class whose methods are intrinsified.
const UNSAFE: &str = "jdk/internal/misc/Unsafe";

/// One intrinsified access, on a value of descriptor letter `I`, `J` or `L`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsafeAccess {
    /// `get*`: a load with this ordering (`NotAtomic`: plain).
    Load(u8, AtomicOrdering),
    /// `put*`: a store with this ordering (`NotAtomic`: plain).
    Store(u8, AtomicOrdering),
    /// `compareAndSet*`/`weakCompareAndSet*`: `cmpxchg`, the boolean success.
    CompareAndSet(u8),
    /// `compareAndExchange*`: `cmpxchg`, the witness value.
    CompareAndExchange(u8),
    /// `getAndAdd*`, `getAndSet*`, `getAndBitwise{Or,And,Xor}*`: `atomicrmw`, the old value.
    GetAnd(u8, Rmw),
}

/// The operation of a `getAnd*` read-modify-write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rmw {
    /// `atomicrmw add`.
    Add,
    /// `atomicrmw xchg`.
    Set,
    /// `atomicrmw or`.
    Or,
    /// `atomicrmw and`.
    And,
    /// `atomicrmw xor`.
    Xor,
}

/// The value types the intrinsics cover: (method-name part, descriptor letter, descriptor).
const TYPES: &[(&str, u8, &str)] = &[
    ("Int", b'I', "I"),
    ("Long", b'J', "J"),
    ("Reference", b'L', "Ljava/lang/Object;"),
];

/// Which intrinsic, if any, replaces a call of `target`.
pub fn classify(program: &Program, target: MethodId) -> Option<UnsafeAccess> {
    let m = program.method(target);
    if program.class(m.class).name != UNSAFE || m.is_static() {
        return None;
    }
    classify_name(&m.name, &m.descriptor)
}

/// The operation families, by method-name prefix (longest first where one prefixes another).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    GetAnd(Rmw),
    WeakCas,
    Cas,
    Cax,
    Get,
    Put,
}

const FAMILIES: &[(&str, Family)] = &[
    ("getAndAdd", Family::GetAnd(Rmw::Add)),
    ("getAndSet", Family::GetAnd(Rmw::Set)),
    ("getAndBitwiseOr", Family::GetAnd(Rmw::Or)),
    ("getAndBitwiseAnd", Family::GetAnd(Rmw::And)),
    ("getAndBitwiseXor", Family::GetAnd(Rmw::Xor)),
    ("weakCompareAndSet", Family::WeakCas),
    ("compareAndSet", Family::Cas),
    ("compareAndExchange", Family::Cax),
    ("get", Family::Get),
    ("put", Family::Put),
];

/// The intrinsic of `Unsafe.name descriptor` (pure, for tests): the name is family + value
/// type + access mode, and the descriptor must be the family's over that type.
pub fn classify_name(name: &str, descriptor: &str) -> Option<UnsafeAccess> {
    use AtomicOrdering::*;
    let &(prefix, family) = FAMILIES.iter().find(|(p, _)| name.starts_with(p))?;
    let rest = &name[prefix.len()..];
    let &(tname, letter, t) = TYPES.iter().find(|(n, _, _)| rest.starts_with(n))?;
    let mode = &rest[tname.len()..];
    let expected = match family {
        Family::Get => format!("(Ljava/lang/Object;J){t}"),
        Family::Put => format!("(Ljava/lang/Object;J{t})V"),
        Family::Cas | Family::WeakCas => format!("(Ljava/lang/Object;J{t}{t})Z"),
        Family::Cax => format!("(Ljava/lang/Object;J{t}{t}){t}"),
        Family::GetAnd(_) => format!("(Ljava/lang/Object;J{t}){t}"),
    };
    if descriptor != expected {
        return None;
    }
    match (family, mode) {
        (Family::Get, "") => Some(UnsafeAccess::Load(letter, NotAtomic)),
        (Family::Get, "Volatile") => Some(UnsafeAccess::Load(letter, SequentiallyConsistent)),
        (Family::Get, "Acquire") => Some(UnsafeAccess::Load(letter, Acquire)),
        (Family::Get, "Opaque") => Some(UnsafeAccess::Load(letter, Monotonic)),
        (Family::Put, "") => Some(UnsafeAccess::Store(letter, NotAtomic)),
        (Family::Put, "Volatile") => Some(UnsafeAccess::Store(letter, SequentiallyConsistent)),
        (Family::Put, "Release") => Some(UnsafeAccess::Store(letter, Release)),
        (Family::Put, "Opaque") => Some(UnsafeAccess::Store(letter, Monotonic)),
        (Family::Cas, "") | (Family::WeakCas, "" | "Plain" | "Acquire" | "Release") => {
            Some(UnsafeAccess::CompareAndSet(letter))
        }
        (Family::Cax, "" | "Acquire" | "Release") => Some(UnsafeAccess::CompareAndExchange(letter)),
        // Arithmetic on references does not exist; exchange does.
        (Family::GetAnd(op), "" | "Acquire" | "Release") if letter != b'L' || op == Rmw::Set => {
            Some(UnsafeAccess::GetAnd(letter, op))
        }
        _ => None,
    }
}

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    /// Emits `access` on `args` = (base, offset, values...) of a call whose receiver was
    /// `receiver`; the result (if the method returns one) as a stack value.
    pub(super) fn lower_unsafe_access(
        &mut self,
        access: UnsafeAccess,
        receiver: PointerValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<BasicValueEnum<'ctx>> {
        self.null_check(receiver);
        let ctx = self.l.ctx;
        let b = &self.l.builder;
        let base = args[0].into_pointer_value();
        let offset = args[1].into_int_value();
        let arg = |i: usize| -> BasicValueEnum<'ctx> {
            args[i].try_into().expect("basic value argument")
        };
        // SAFETY (of the generated code): Unsafe's contract; `base + offset` addresses a
        // value of this type (an absolute address when `base` is null). Not `inbounds`.
        let addr =
            unsafe { b.build_gep(ctx.i8_type(), base, &[offset], "unsafe.addr") }.expect("gep");
        let size = |letter: u8| if letter == b'I' { 4 } else { 8 };
        match access {
            UnsafeAccess::Load(letter, ordering) => {
                let v = b
                    .build_load(memory_type(ctx, letter), addr, "unsafe.get")
                    .expect("load");
                let inst = v.as_instruction_value().expect("load instruction");
                if ordering == AtomicOrdering::NotAtomic {
                    inst.set_alignment(1).expect("alignment");
                } else {
                    inst.set_alignment(size(letter)).expect("alignment");
                    inst.set_atomic_ordering(ordering).expect("ordering");
                }
                Some(v)
            }
            UnsafeAccess::Store(letter, ordering) => {
                let st = b.build_store(addr, arg(2)).expect("store");
                if ordering == AtomicOrdering::NotAtomic {
                    st.set_alignment(1).expect("alignment");
                } else {
                    st.set_alignment(size(letter)).expect("alignment");
                    st.set_atomic_ordering(ordering).expect("ordering");
                }
                None
            }
            UnsafeAccess::CompareAndSet(_) | UnsafeAccess::CompareAndExchange(_) => {
                let seq = AtomicOrdering::SequentiallyConsistent;
                let pair = b
                    .build_cmpxchg(addr, arg(2), arg(3), seq, seq)
                    .expect("cmpxchg");
                if matches!(access, UnsafeAccess::CompareAndSet(_)) {
                    let ok = b
                        .build_extract_value(pair, 1, "cas.ok")
                        .expect("extract")
                        .into_int_value();
                    Some(
                        b.build_int_z_extend(ok, ctx.i32_type(), "cas.z")
                            .expect("zext")
                            .into(),
                    )
                } else {
                    Some(
                        b.build_extract_value(pair, 0, "cas.witness")
                            .expect("extract"),
                    )
                }
            }
            UnsafeAccess::GetAnd(letter, rmw) => {
                let op = match rmw {
                    Rmw::Add => AtomicRMWBinOp::Add,
                    Rmw::Set => AtomicRMWBinOp::Xchg,
                    Rmw::Or => AtomicRMWBinOp::Or,
                    Rmw::And => AtomicRMWBinOp::And,
                    Rmw::Xor => AtomicRMWBinOp::Xor,
                };
                let seq = AtomicOrdering::SequentiallyConsistent;
                if letter == b'L' {
                    // A reference exchange as a 64-bit integer exchange (atomicrmw of
                    // pointers is not in inkwell's API); the collector scans conservatively
                    // and precisely by slot, so the round trip loses nothing.
                    let i64t = ctx.i64_type();
                    let new = b
                        .build_ptr_to_int(arg(2).into_pointer_value(), i64t, "xchg.new")
                        .expect("ptrtoint");
                    let old = b.build_atomicrmw(op, addr, new, seq).expect("atomicrmw");
                    let old = b
                        .build_int_to_ptr(old, base.get_type(), "xchg.old")
                        .expect("inttoptr");
                    Some(old.into())
                } else {
                    let old = b
                        .build_atomicrmw(op, addr, arg(2).into_int_value(), seq)
                        .expect("atomicrmw");
                    Some(old.into())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UnsafeAccess::*;
    use super::*;
    use inkwell::AtomicOrdering::*;

    #[test]
    fn classifies_the_access_modes() {
        let o = "Ljava/lang/Object;";
        assert_eq!(
            classify_name("getIntVolatile", "(Ljava/lang/Object;J)I"),
            Some(Load(b'I', SequentiallyConsistent))
        );
        assert_eq!(
            classify_name("getInt", "(Ljava/lang/Object;J)I"),
            Some(Load(b'I', NotAtomic))
        );
        assert_eq!(
            classify_name("getReferenceAcquire", &format!("({o}J){o}")),
            Some(Load(b'L', Acquire))
        );
        assert_eq!(
            classify_name("putLongRelease", "(Ljava/lang/Object;JJ)V"),
            Some(Store(b'J', Release))
        );
        assert_eq!(
            classify_name("putIntOpaque", "(Ljava/lang/Object;JI)V"),
            Some(Store(b'I', Monotonic))
        );
        assert_eq!(
            classify_name("compareAndSetLong", "(Ljava/lang/Object;JJJ)Z"),
            Some(CompareAndSet(b'J'))
        );
        assert_eq!(
            classify_name("weakCompareAndSetIntPlain", "(Ljava/lang/Object;JII)Z"),
            Some(CompareAndSet(b'I'))
        );
        assert_eq!(
            classify_name(
                "compareAndExchangeReferenceAcquire",
                &format!("({o}J{o}{o}){o}")
            ),
            Some(CompareAndExchange(b'L'))
        );
        assert_eq!(
            classify_name("getAndAddInt", "(Ljava/lang/Object;JI)I"),
            Some(GetAnd(b'I', Rmw::Add))
        );
        assert_eq!(
            classify_name("getAndAddLongRelease", "(Ljava/lang/Object;JJ)J"),
            Some(GetAnd(b'J', Rmw::Add))
        );
        assert_eq!(
            classify_name("getAndSetReference", &format!("({o}J{o}){o}")),
            Some(GetAnd(b'L', Rmw::Set))
        );
        assert_eq!(
            classify_name("getAndBitwiseXorLongAcquire", "(Ljava/lang/Object;JJ)J"),
            Some(GetAnd(b'J', Rmw::Xor))
        );
    }

    #[test]
    fn leaves_other_methods_alone() {
        let o = "Ljava/lang/Object;";
        // Other value types, other shapes, address-only overloads, unknown modes.
        assert_eq!(classify_name("getByte", "(Ljava/lang/Object;J)B"), None);
        assert_eq!(classify_name("getInt", "(J)I"), None);
        assert_eq!(classify_name("putInt", "(JI)V"), None);
        assert_eq!(
            classify_name("compareAndSetByte", "(Ljava/lang/Object;JBB)Z"),
            None
        );
        assert_eq!(
            classify_name("getAndAddShort", "(Ljava/lang/Object;JS)S"),
            None
        );
        assert_eq!(
            classify_name("getAndBitwiseOrReference", &format!("({o}J{o}){o}")),
            None
        );
        assert_eq!(
            classify_name("getIntUnaligned", "(Ljava/lang/Object;J)I"),
            None
        );
        assert_eq!(
            classify_name("compareAndSetIntPlain", "(Ljava/lang/Object;JII)Z"),
            None
        );
        assert_eq!(
            classify_name("getAndAddReference", &format!("({o}J{o}){o}")),
            None
        );
    }
}
