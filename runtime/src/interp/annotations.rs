//! Runtime-visible annotations of run-time classes: the `contract::AnnotationMeta` that the
//! compiler emits for compiled classes (`aot/src/lower/annotation_meta.rs`), built here from
//! the parsed class file when a class is linked. The annotation bodies are re-encoded by the
//! compiler's own encoder (`aot/src/annotation_encode.rs`, shared as source) against a small
//! pool, so `Class.rawAnnotations0`, the SDK `ConstantPool` and the JDK's `AnnotationParser`
//! (`runtime/src/natives/annotations.rs`, `sdk/.../RoastAnnotations.java`) treat interpreted
//! and compiled classes alike.
//!
//! Invariants:
//! - Every annotation is kept, whatever its type: the JDK's parser resolves the type through
//!   the class's defining loader when it is read and skips annotations whose type is missing,
//!   as HotSpot does (the compiler drops them at build time instead, where it knows the
//!   closed world).
//! - Members are listed by name and descriptor; record components have their field's name
//!   and a descriptor prefixed with `@` (the SDK's `Class.RECORD_COMPONENT`).
//! - Everything is leaked: classes are never unloaded.

use super::annotation_encode::{Encoder, Pool, PoolConst};
use super::link::leak_cstr;
use crate::classfile::ClassFile;
use crate::contract::{AnnotationMeta, MemberAnnotations, PoolEntry};

/// Prefix of a record component's descriptor in the member list.
const RECORD_COMPONENT: &str = "@";

/// The blobs of one member: (name, descriptor, annotations, parameter annotations, default).
type MemberBlobs = (
    String,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

/// The annotation pool and blobs of a class file: (pool, class annotations, members).
pub fn encode(file: &ClassFile) -> (Pool, Option<Vec<u8>>, Vec<MemberBlobs>) {
    let keep = |_: &str| true;
    let mut pool = Pool::default();
    let mut enc = Encoder {
        cp: &file.cp,
        pool: &mut pool,
        keep: &keep,
    };
    let class_blob = enc.annotations(&file.annotations);
    let mut members: Vec<MemberBlobs> = Vec::new();
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
    for m in &file.methods {
        let a = enc.annotations(&m.annotations);
        let p = enc.parameter_annotations(&m.parameter_annotations);
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

/// The leaked `AnnotationMeta` of a run-time class, or null when it has no annotations.
pub fn annotation_meta(file: &ClassFile) -> *const AnnotationMeta {
    let (pool, class_blob, members) = encode(file);
    if class_blob.is_none() && members.is_empty() {
        return std::ptr::null();
    }
    let entries: Vec<PoolEntry> = pool.entries.iter().map(pool_entry).collect();
    let n_pool = entries.len() as u32;
    let members: Vec<MemberAnnotations> = members
        .iter()
        .map(|(name, desc, a, p, d)| MemberAnnotations {
            name: leak_cstr(name),
            descriptor: leak_cstr(desc),
            annotations: leak_blob(a.as_deref()),
            parameter_annotations: leak_blob(p.as_deref()),
            annotation_default: leak_blob(d.as_deref()),
        })
        .collect();
    let n_members = members.len() as u32;
    Box::leak(Box::new(AnnotationMeta {
        pool: leak_vec(entries),
        n_pool,
        n_members,
        class_annotations: leak_blob(class_blob.as_deref()),
        members: leak_vec(members),
    }))
}

fn pool_entry(c: &PoolConst) -> PoolEntry {
    let (len, value) = match c {
        PoolConst::Utf8(s) => {
            let text: &'static [u8] = Box::leak(s.as_bytes().to_vec().into_boxed_slice());
            (s.len() as u32, text.as_ptr() as u64)
        }
        PoolConst::Int(v) => (0, u64::from(*v as u32)),
        PoolConst::Float(b) => (0, u64::from(*b)),
        PoolConst::Long(v) => (0, *v as u64),
        PoolConst::Double(b) => (0, *b),
    };
    PoolEntry {
        tag: c.tag(),
        len,
        value,
    }
}

fn leak_vec<T>(v: Vec<T>) -> *const T {
    if v.is_empty() {
        return std::ptr::null();
    }
    Box::leak(v.into_boxed_slice()).as_ptr()
}

/// A leaked length-prefixed blob (u32 little-endian length, then the bytes), or null.
fn leak_blob(bytes: Option<&[u8]>) -> *const u8 {
    let Some(bytes) = bytes else {
        return std::ptr::null();
    };
    let mut data = (bytes.len() as u32).to_le_bytes().to_vec();
    data.extend_from_slice(bytes);
    Box::leak(data.into_boxed_slice()).as_ptr()
}
