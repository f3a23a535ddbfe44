//! `contract::AnnotationMeta`: the runtime-visible annotations of a class and its members in
//! the data unit, re-encoded by `annotation_encode` against a per-class pool.
//!
//! Invariants: emitted only when the program can read annotations
//! (`reach.annotations.enabled`) and for the classes `annotation_roots::keeps_annotations`
//! accepts; an annotation whose type is not loaded is left out (HotSpot skips annotations of
//! missing types); members (fields, methods, constructors, record components, the latter
//! with descriptors prefixed by [`RECORD_COMPONENT`]) are listed by name and descriptor, so
//! the table does not depend on the order of the method or field metadata.

use super::Lowerer;
use crate::annotation_encode::{Encoder, Pool, PoolConst};
use crate::program::ClassId;
use inkwell::module::Linkage;
use inkwell::values::{BasicValueEnum, PointerValue};

/// Prefix of a record component's descriptor in the member list (the SDK's
/// `Class.RECORD_COMPONENT`): a component has the name and descriptor of its field.
const RECORD_COMPONENT: &str = "@";

/// The blobs of one member: (name, descriptor, annotations, parameter annotations, default).
type MemberBlobs = (
    String,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

impl<'ctx> Lowerer<'ctx, '_> {
    /// The address of `c`'s `AnnotationMeta`, or null.
    pub(super) fn annotation_meta(&mut self, c: ClassId) -> PointerValue<'ctx> {
        let null = self.ptr().const_null();
        if !self.reach.annotations.enabled
            || !crate::annotation_roots::keeps_annotations(self.program, c)
        {
            return null;
        }
        let Some(file) = self.program.class(c).file.clone() else {
            return null;
        };
        let (pool, class_blob, members) = encode_class(self.program, c, &file);
        if class_blob.is_none() && members.is_empty() {
            return null;
        }
        let (pool_ptr, n_pool) = self.annotation_pool(&pool.entries);
        let class_ptr = self.blob(class_blob.as_deref());
        let (members_ptr, n_members) = self.member_annotations(&members);
        let (p, i32t) = (self.ptr(), self.ctx.i32_type());
        let ty = self.ctx.struct_type(
            &[p.into(), i32t.into(), i32t.into(), p.into(), p.into()],
            false,
        );
        let values: [BasicValueEnum; 5] = [
            pool_ptr.into(),
            i32t.const_int(n_pool as u64, false).into(),
            i32t.const_int(n_members as u64, false).into(),
            class_ptr.into(),
            members_ptr.into(),
        ];
        self.private_global(ty.const_named_struct(&values).into(), "annotations")
    }

    fn private_global(&mut self, init: BasicValueEnum<'ctx>, name: &str) -> PointerValue<'ctx> {
        let g = self.module.add_global(init.get_type(), None, name);
        g.set_initializer(&init);
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_alignment(8);
        g.as_pointer_value()
    }

    /// A length-prefixed blob (see `contract::AnnotationMeta`), or null.
    fn blob(&mut self, bytes: Option<&[u8]>) -> PointerValue<'ctx> {
        let Some(bytes) = bytes else {
            return self.ptr().const_null();
        };
        let mut data = (bytes.len() as u32).to_le_bytes().to_vec();
        data.extend_from_slice(bytes);
        let init = self.ctx.const_string(&data, false);
        self.private_global(init.into(), "annotation_bytes")
    }

    fn annotation_pool(&mut self, entries: &[PoolConst]) -> (PointerValue<'ctx>, usize) {
        let (i32t, i64t) = (self.ctx.i32_type(), self.ctx.i64_type());
        let ty = self
            .ctx
            .struct_type(&[i32t.into(), i32t.into(), i64t.into()], false);
        let mut values = Vec::new();
        for e in entries {
            let (len, value) = match e {
                PoolConst::Utf8(s) => {
                    let text = self.ctx.const_string(s.as_bytes(), false);
                    let g = self.private_global(text.into(), "annotation_text");
                    (s.len() as u64, g.const_to_int(i64t))
                }
                PoolConst::Int(v) => (0, i64t.const_int(*v as u32 as u64, false)),
                PoolConst::Float(b) => (0, i64t.const_int(u64::from(*b), false)),
                PoolConst::Long(v) => (0, i64t.const_int(*v as u64, false)),
                PoolConst::Double(b) => (0, i64t.const_int(*b, false)),
            };
            values.push(ty.const_named_struct(&[
                i32t.const_int(u64::from(e.tag()), false).into(),
                i32t.const_int(len, false).into(),
                value.into(),
            ]));
        }
        if values.is_empty() {
            return (self.ptr().const_null(), 0);
        }
        let arr = ty.const_array(&values);
        (
            self.private_global(arr.into(), "annotation_pool"),
            values.len(),
        )
    }

    fn member_annotations(&mut self, members: &[MemberBlobs]) -> (PointerValue<'ctx>, usize) {
        let p = self.ptr();
        let ty = self.ctx.struct_type(&[p.into(); 5], false);
        let mut values = Vec::new();
        for (name, desc, a, params, default) in members {
            let fields: [BasicValueEnum; 5] = [
                self.cstring(name).into(),
                self.cstring(desc).into(),
                self.blob(a.as_deref()).into(),
                self.blob(params.as_deref()).into(),
                self.blob(default.as_deref()).into(),
            ];
            values.push(ty.const_named_struct(&fields));
        }
        if values.is_empty() {
            return (p.const_null(), 0);
        }
        let arr = ty.const_array(&values);
        (
            self.private_global(arr.into(), "member_annotations"),
            values.len(),
        )
    }
}

/// The pool and blobs of `c`'s kept annotations.
fn encode_class(
    program: &crate::program::Program,
    c: ClassId,
    file: &crate::classfile::ClassFile,
) -> (Pool, Option<Vec<u8>>, Vec<MemberBlobs>) {
    let keep = |d: &str| {
        d.strip_prefix('L')
            .and_then(|s| s.strip_suffix(';'))
            .is_some_and(|n| program.lookup(n).is_some())
    };
    let in_jdk = program.class(c).in_jdk;
    let mut pool = Pool::default();
    let mut enc = Encoder {
        cp: &file.cp,
        pool: &mut pool,
        keep: &keep,
    };
    let class_blob = enc.annotations(&file.annotations);
    let mut members: Vec<MemberBlobs> = Vec::new();
    if !in_jdk {
        for rc in file.record_components.iter().flatten() {
            if let Some(a) = enc.annotations(&rc.annotations) {
                let desc = format!("{RECORD_COMPONENT}{}", rc.descriptor);
                members.push((rc.name.clone(), desc, Some(a), None, None));
            }
        }
        for f in &file.fields {
            if let Some(a) = enc.annotations(&f.annotations) {
                members.push((f.name.clone(), f.descriptor.clone(), Some(a), None, None));
            }
        }
    }
    for m in &file.methods {
        let (a, p) = if in_jdk {
            (None, None)
        } else {
            (
                enc.annotations(&m.annotations),
                enc.parameter_annotations(&m.parameter_annotations),
            )
        };
        let d = m
            .annotation_default
            .as_ref()
            .and_then(|v| enc.element_value_bytes(v));
        if a.is_some() || p.is_some() || d.is_some() {
            members.push((m.name.clone(), m.descriptor.clone(), a, p, d));
        }
    }
    (pool, class_blob, members)
}
