//! The reflection part of `contract::ClassMeta`: declared methods that were not compiled
//! (`pruned_methods`), per-method generic signatures and `throws` clauses
//! (`method_extras`), record components, the EnclosingMethod method and the permitted
//! subclasses, all in the data unit.
//!
//! Invariants:
//! - A class's reflective method list is its compiled methods (`ClassMeta::methods`, in
//!   `MethodId` order) followed by its other declared methods in `MethodId` order (entry
//!   null, no line table); a member's slot is its index in that list, and `method_extras`
//!   is parallel to it.
//! - Code units never refer to these tables, so adding reflection data does not change the
//!   bitcode (and object-cache keys) of code units.
//! - Encodings are plain text the SDK decodes (see `contract::ClassMeta`): names and
//!   descriptors contain no spaces or newlines (JVMS §4.2.2 forbids neither, but javac never
//!   emits them, and a malformed name only garbles reflection of that class).

use super::Lowerer;
use crate::program::{ClassId, MethodId};
use inkwell::module::Linkage;
use inkwell::values::{BasicValueEnum, PointerValue};

impl<'ctx> Lowerer<'ctx, '_> {
    /// The values of the `ClassMeta` fields after `signature`, in contract order, for a class
    /// whose compiled methods (metadata order) are `compiled`.
    pub(super) fn class_meta_reflection(
        &mut self,
        c: ClassId,
        compiled: &[MethodId],
    ) -> Vec<BasicValueEnum<'ctx>> {
        let pruned: Vec<MethodId> = self
            .program
            .class(c)
            .methods
            .iter()
            .copied()
            .filter(|m| !compiled.contains(m))
            .collect();
        let (pruned_ptr, n_pruned) = self.pruned_metas(c, &pruned);
        let all: Vec<MethodId> = compiled.iter().chain(pruned.iter()).copied().collect();
        let extras = self.method_extras(&all);
        let file = self.program.class(c).file.clone();
        let records = file
            .as_ref()
            .and_then(|f| f.record_components.as_ref())
            .map(|rcs| {
                rcs.iter()
                    .map(|rc| {
                        let sig = rc.signature.as_deref().unwrap_or("-");
                        format!("{} {} {sig}\n", rc.name, rc.descriptor)
                    })
                    .collect::<String>()
            });
        let enclosing = file
            .as_ref()
            .and_then(|f| f.enclosing_method.as_ref())
            .and_then(|e| e.method.as_ref())
            .map(|(n, d)| format!("{n} {d}"));
        let permitted = file
            .as_ref()
            .filter(|f| !f.permitted_subclasses.is_empty())
            .map(|f| f.permitted_subclasses.join(" "));
        let i32t = self.ctx.i32_type();
        vec![
            pruned_ptr.into(),
            i32t.const_int(n_pruned as u64, false).into(),
            extras.into(),
            self.opt_cstring(records.as_deref()).into(),
            self.opt_cstring(enclosing.as_deref()).into(),
            self.opt_cstring(permitted.as_deref()).into(),
        ]
    }

    /// `MethodMeta` records without entry point for methods that were not compiled.
    fn pruned_metas(&mut self, c: ClassId, pruned: &[MethodId]) -> (PointerValue<'ctx>, usize) {
        if pruned.is_empty() {
            return (self.ptr().const_null(), 0);
        }
        let i32t = self.ctx.i32_type();
        let null = self.ptr().const_null();
        let mut entries = Vec::with_capacity(pruned.len());
        for &m in pruned {
            let (name, desc, acc) = {
                let meth = self.program.method(m);
                (meth.name.clone(), meth.descriptor.clone(), meth.access)
            };
            let values: Vec<BasicValueEnum> = vec![
                self.desc(c).into(),
                self.cstring(&name).into(),
                self.cstring(&desc).into(),
                i32t.const_int(u64::from(acc), false).into(),
                i32t.const_zero().into(),
                null.into(),
                null.into(),
            ];
            entries.push(self.method_meta_type().const_named_struct(&values));
        }
        let arr = self.method_meta_type().const_array(&entries);
        let g = self
            .module
            .add_global(arr.get_type(), None, "pruned_methods");
        g.set_initializer(&arr);
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        (g.as_pointer_value(), pruned.len())
    }

    /// `MethodExtra` records parallel to `methods`, or null when none has any data.
    fn method_extras(&mut self, methods: &[MethodId]) -> PointerValue<'ctx> {
        let data: Vec<(Option<String>, Option<String>)> = methods
            .iter()
            .map(|&m| match self.program.method_info(m) {
                Some(info) => (
                    info.signature.clone(),
                    (!info.exceptions.is_empty()).then(|| info.exceptions.join(" ")),
                ),
                None => (None, None),
            })
            .collect();
        if data.iter().all(|(s, e)| s.is_none() && e.is_none()) {
            return self.ptr().const_null();
        }
        let p = self.ptr();
        let ty = self.ctx.struct_type(&[p.into(), p.into()], false);
        let mut entries = Vec::with_capacity(data.len());
        for (sig, exc) in &data {
            let s = self.opt_cstring(sig.as_deref());
            let e = self.opt_cstring(exc.as_deref());
            entries.push(ty.const_named_struct(&[s.into(), e.into()]));
        }
        let arr = ty.const_array(&entries);
        let g = self
            .module
            .add_global(arr.get_type(), None, "method_extras");
        g.set_initializer(&arr);
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.as_pointer_value()
    }
}
