//! Inlining across classes while every class stays its own code unit: after a class's own
//! methods are lowered, the small methods of other classes that they call with a statically
//! bound call (static, private, final, `invokespecial`, or a virtual call that reachability
//! devirtualized: every call that goes through `MethodCx::direct_call`) are lowered once more
//! into the same module, with `available_externally` linkage and `alwaysinline`: like
//! HotSpot, which inlines every callee of at most `MaxInlineSize` (35) bytes whatever the
//! call site's frequency. (LLVM's own cost model at O2 declined even `String.length()`: each
//! Java method carries a frame record, a stack-limit check and a safepoint poll.) The copies
//! themselves are never emitted (the real definition stays in the callee's own unit, which
//! every executable links).
//!
//! Invariants:
//! - A copy is the very body the callee's own unit defines (same lowering: frame record,
//!   stack-overflow check, safepoint poll, class-initialization checks of other classes,
//!   exception checks and helpful NPE messages), so inlining changes no observable
//!   behaviour: inlined frames still link their frame records, and stack traces list them
//!   as before. A copy omits nothing its callee's unit has: its own class needs no
//!   initialization check because the call site checked it (static calls) or an instance
//!   exists (instance calls), exactly as in the callee's unit.
//! - Off by default ([`DEFAULT_INLINE_MAX_BYTES`] is 0): `ROAST_XINLINE_BYTES=35` turns the
//!   copies on (see that constant for the measured cost that keeps them off).
//! - What may be copied ([`Lowerer::is_inline_candidate`]): a reachable method of another
//!   class with bytecode, at most [`inline_max_bytes`] bytes long, not native and not one
//!   whose Java body is replaced (`natives::lower_hotspot_math_body`). Callees of copies are
//!   copied too, up to [`INLINE_DEPTH`] levels.
//! - The copies are part of the unit's module, hence of its bitcode and of its object-cache
//!   key (`cache.rs`): a change to a callee's code, or to a lowering fact its copy uses
//!   (layouts, reachability, metadata indices), changes every unit that copied it.
//! - Copies are made in `MethodId` order, so the unit's bitcode is reproducible. Warnings
//!   raised while lowering a copy are dropped: the callee's own unit reports them.

use super::Lowerer;
use crate::program::{ClassId, MethodId};
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::module::Linkage;
use std::collections::BTreeSet;

/// Default largest bytecode size of a method copied into its callers' units: 0, copies are
/// off by default. Measured with 35 (HotSpot's `MaxInlineSize`) and depth 3, every call site
/// inlined (`alwaysinline`): hello world's executable grew from 34 MB to 79 MB and a cold
/// build took 30% more CPU time, because the copies bring in the cold paths of their callees
/// (exception construction, string concatenation) at every call site. A policy that keeps
/// those out (no `alwaysinline` below the first level, or no callees that construct
/// objects) must be measured before copies are turned on.
pub const DEFAULT_INLINE_MAX_BYTES: usize = 0;

/// How many levels of callees are copied (a copy's own small callees count as level 2).
pub const INLINE_DEPTH: usize = 3;

/// The bytecode size limit of copied callees: `ROAST_XINLINE_BYTES` if set (0 disables the
/// copies), else [`DEFAULT_INLINE_MAX_BYTES`].
pub fn inline_max_bytes() -> usize {
    std::env::var("ROAST_XINLINE_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_INLINE_MAX_BYTES)
}

impl Lowerer<'_, '_> {
    /// May `m` be copied into the unit of `unit_class`?
    fn is_inline_candidate(&self, m: MethodId, unit_class: ClassId, max_bytes: usize) -> bool {
        let meth = self.program.method(m);
        if meth.class == unit_class
            || meth.is_native()
            || meth.is_abstract()
            || !self.reach.methods.contains(&m)
            || super::natives::is_hotspot_math(self, m)
        {
            return false;
        }
        self.program
            .method_info(m)
            .and_then(|i| i.code.as_ref())
            .is_some_and(|code| code.code.len() <= max_bytes)
    }

    /// Lowers `available_externally` copies of the small statically bound callees of the
    /// methods lowered into the current unit (the unit of `unit_class`) since the last call.
    pub(super) fn lower_inline_copies(&mut self, unit_class: ClassId) {
        let max_bytes = self.inline_max_bytes;
        let mut frontier = std::mem::take(&mut self.direct_callees);
        if max_bytes == 0 {
            return;
        }
        let warnings = self.warnings.len();
        let always_inline = self
            .ctx
            .create_enum_attribute(Attribute::get_named_enum_kind_id("alwaysinline"), 0);
        let mut copied: BTreeSet<MethodId> = BTreeSet::new();
        for _ in 0..INLINE_DEPTH {
            let next: Vec<MethodId> = frontier
                .iter()
                .copied()
                .filter(|&m| !copied.contains(&m))
                .filter(|&m| self.is_inline_candidate(m, unit_class, max_bytes))
                .collect();
            if next.is_empty() {
                break;
            }
            for m in next {
                copied.insert(m);
                let func = self.function(m);
                if func.count_basic_blocks() > 0 {
                    continue;
                }
                self.lower_method_body(m);
                if func.count_basic_blocks() > 0 {
                    func.set_linkage(Linkage::AvailableExternally);
                    func.add_attribute(AttributeLoc::Function, always_inline);
                }
            }
            frontier = std::mem::take(&mut self.direct_callees);
        }
        self.direct_callees.clear();
        self.warnings.truncate(warnings);
    }
}
