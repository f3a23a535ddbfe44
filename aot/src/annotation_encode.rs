//! Runtime-visible annotations re-encoded for the reflection metadata: the bytes of
//! `RuntimeVisibleAnnotations`, `RuntimeVisibleParameterAnnotations` and `AnnotationDefault`
//! bodies (JVMS §4.7.16–§4.7.22) whose constant-pool indices point into a small per-class
//! [`Pool`] instead of the class file's constant pool. The SDK hands these bytes, with a
//! `jdk.internal.reflect.ConstantPool` over the pool, to the JDK's `AnnotationParser`.
//!
//! Invariants: the output is well-formed for the JDK parser whatever the input (the class-file
//! parser already validated the structure; a constant of the wrong kind is dropped with its
//! annotation); pool index 0 is unused, as in a class file; annotations whose type the `keep`
//! predicate rejects (not compiled into the program) are left out, as HotSpot skips
//! annotations of missing types.

use crate::classfile::constant_pool::Constant;
use crate::classfile::{Annotation, ConstantPool, ElementValue};
use std::collections::HashMap;

/// A constant of the reflection pool.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PoolConst {
    /// `CONSTANT_Utf8` (names, descriptors, strings).
    Utf8(String),
    /// `CONSTANT_Integer` (also boolean, byte, char, short elements).
    Int(i32),
    /// `CONSTANT_Float`, by bits.
    Float(u32),
    /// `CONSTANT_Long`.
    Long(i64),
    /// `CONSTANT_Double`, by bits.
    Double(u64),
}

impl PoolConst {
    /// The JVMS constant-pool tag (what the runtime's `ConstantPool` checks).
    pub fn tag(&self) -> u32 {
        match self {
            PoolConst::Utf8(_) => 1,
            PoolConst::Int(_) => 3,
            PoolConst::Float(_) => 4,
            PoolConst::Long(_) => 5,
            PoolConst::Double(_) => 6,
        }
    }
}

/// The de-duplicated constants of one class's annotations; index `i` is `entries[i - 1]`.
#[derive(Default)]
pub struct Pool {
    /// The constants, from index 1.
    pub entries: Vec<PoolConst>,
    index: HashMap<PoolConst, u16>,
}

impl Pool {
    fn add(&mut self, c: PoolConst) -> Option<u16> {
        if let Some(&i) = self.index.get(&c) {
            return Some(i);
        }
        let i = u16::try_from(self.entries.len() + 1).ok()?;
        self.entries.push(c.clone());
        self.index.insert(c, i);
        Some(i)
    }

    fn utf8(&mut self, s: &str, out: &mut Vec<u8>) -> Option<()> {
        let i = self.add(PoolConst::Utf8(s.to_string()))?;
        out.extend_from_slice(&i.to_be_bytes());
        Some(())
    }
}

/// Re-encodes annotations with indices into `pool`.
pub struct Encoder<'a> {
    /// The class file's constant pool (for constant element values).
    pub cp: &'a ConstantPool,
    /// The reflection pool being built.
    pub pool: &'a mut Pool,
    /// Whether an annotation of this type descriptor is kept.
    pub keep: &'a dyn Fn(&str) -> bool,
}

impl Encoder<'_> {
    /// A `RuntimeVisibleAnnotations` body, or None when no annotation is kept.
    pub fn annotations(&mut self, anns: &[Annotation]) -> Option<Vec<u8>> {
        let mut body = Vec::new();
        let mut n: u16 = 0;
        for a in anns {
            if (self.keep)(&a.type_descriptor) && self.annotation(a, &mut body).is_some() {
                n += 1;
            }
        }
        (n > 0).then(|| {
            let mut out = n.to_be_bytes().to_vec();
            out.extend(body);
            out
        })
    }

    /// A `RuntimeVisibleParameterAnnotations` body, or None when no parameter has a kept
    /// annotation.
    pub fn parameter_annotations(&mut self, params: &[Vec<Annotation>]) -> Option<Vec<u8>> {
        let count = u8::try_from(params.len()).ok()?;
        let mut out = vec![count];
        let mut any = false;
        for p in params {
            match self.annotations(p) {
                Some(body) => {
                    any = true;
                    out.extend(body);
                }
                None => out.extend_from_slice(&[0, 0]),
            }
        }
        any.then_some(out)
    }

    /// An `AnnotationDefault` body (one element value).
    pub fn element_value_bytes(&mut self, v: &ElementValue) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        self.element_value(v, &mut out)?;
        Some(out)
    }

    /// Appends one annotation; on failure `out` is left unchanged.
    fn annotation(&mut self, a: &Annotation, out: &mut Vec<u8>) -> Option<()> {
        let mut buf = Vec::new();
        self.pool.utf8(&a.type_descriptor, &mut buf)?;
        buf.extend_from_slice(&u16::try_from(a.elements.len()).ok()?.to_be_bytes());
        for (name, value) in &a.elements {
            self.pool.utf8(name, &mut buf)?;
            self.element_value(value, &mut buf)?;
        }
        out.extend(buf);
        Some(())
    }

    fn element_value(&mut self, v: &ElementValue, out: &mut Vec<u8>) -> Option<()> {
        match v {
            ElementValue::Const { tag, index } => {
                let c = match (tag, self.cp.get(*index).ok()?) {
                    (b's', Constant::Utf8(u)) => PoolConst::Utf8(u.text.clone()),
                    (b'B' | b'C' | b'I' | b'S' | b'Z', Constant::Integer(i)) => PoolConst::Int(*i),
                    (b'F', Constant::Float(f)) => PoolConst::Float(f.to_bits()),
                    (b'J', Constant::Long(l)) => PoolConst::Long(*l),
                    (b'D', Constant::Double(d)) => PoolConst::Double(d.to_bits()),
                    _ => return None,
                };
                out.push(*tag);
                out.extend_from_slice(&self.pool.add(c)?.to_be_bytes());
            }
            ElementValue::Enum {
                type_descriptor,
                name,
            } => {
                out.push(b'e');
                self.pool.utf8(type_descriptor, out)?;
                self.pool.utf8(name, out)?;
            }
            ElementValue::Class(d) => {
                out.push(b'c');
                self.pool.utf8(d, out)?;
            }
            ElementValue::Annotation(a) => {
                out.push(b'@');
                self.annotation(a, out)?;
            }
            ElementValue::Array(items) => {
                out.push(b'[');
                out.extend_from_slice(&u16::try_from(items.len()).ok()?.to_be_bytes());
                for i in items {
                    self.element_value(i, out)?;
                }
            }
        }
        Some(())
    }
}

/// Every type an annotation list depends on: annotation types (nested ones too), enum types
/// and class literals, as field or return descriptors.
pub fn referenced_types(anns: &[Annotation], out: &mut Vec<String>) {
    for a in anns {
        out.push(a.type_descriptor.clone());
        for (_, v) in &a.elements {
            value_types(v, out);
        }
    }
}

/// The types an element value depends on (see [`referenced_types`]).
pub fn value_types(v: &ElementValue, out: &mut Vec<String>) {
    match v {
        ElementValue::Const { .. } => {}
        ElementValue::Enum {
            type_descriptor, ..
        } => out.push(type_descriptor.clone()),
        ElementValue::Class(d) => out.push(d.clone()),
        ElementValue::Annotation(a) => referenced_types(std::slice::from_ref(a), out),
        ElementValue::Array(items) => items.iter().for_each(|i| value_types(i, out)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classfile::constant_pool::decode_modified_utf8;

    fn cp() -> ConstantPool {
        let utf8 = |s: &str| Constant::Utf8(decode_modified_utf8(s.as_bytes()).unwrap());
        ConstantPool::from_entries(vec![
            Constant::Unusable,
            Constant::Integer(7),
            utf8("text"),
            Constant::Long(1),
            Constant::Unusable,
        ])
    }

    fn ann(ty: &str, elements: Vec<(&str, ElementValue)>) -> Annotation {
        Annotation {
            type_descriptor: ty.into(),
            elements: elements
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect(),
        }
    }

    #[test]
    fn annotations_are_reencoded_against_the_reflection_pool() {
        let cp = cp();
        let mut pool = Pool::default();
        let keep = |d: &str| d != "LGone;";
        let anns = vec![
            ann("LGone;", vec![]),
            ann(
                "LA;",
                vec![
                    (
                        "v",
                        ElementValue::Const {
                            tag: b'I',
                            index: 1,
                        },
                    ),
                    (
                        "a",
                        ElementValue::Array(vec![ElementValue::Const {
                            tag: b's',
                            index: 2,
                        }]),
                    ),
                    ("c", ElementValue::Class("Ljava/lang/String;".into())),
                ],
            ),
        ];
        let bytes = Encoder {
            cp: &cp,
            pool: &mut pool,
            keep: &keep,
        }
        .annotations(&anns)
        .unwrap();
        assert_eq!(
            pool.entries,
            vec![
                PoolConst::Utf8("LA;".into()),
                PoolConst::Utf8("v".into()),
                PoolConst::Int(7),
                PoolConst::Utf8("a".into()),
                PoolConst::Utf8("text".into()),
                PoolConst::Utf8("c".into()),
                PoolConst::Utf8("Ljava/lang/String;".into()),
            ]
        );
        assert_eq!(
            bytes,
            vec![
                0, 1, 0, 1, 0, 3, // one annotation of type #1 with three elements
                0, 2, b'I', 0, 3, // v = #3
                0, 4, b'[', 0, 1, b's', 0, 5, // a = {#5}
                0, 6, b'c', 0, 7, // c = #7
            ]
        );
    }

    #[test]
    fn wrong_constant_kind_drops_the_annotation() {
        let cp = cp();
        let mut pool = Pool::default();
        let keep = |_: &str| true;
        let anns = vec![ann(
            "LA;",
            vec![(
                "v",
                ElementValue::Const {
                    tag: b'J',
                    index: 1,
                },
            )],
        )];
        let mut e = Encoder {
            cp: &cp,
            pool: &mut pool,
            keep: &keep,
        };
        assert_eq!(e.annotations(&anns), None);
        let params = vec![vec![], anns.clone()];
        assert_eq!(e.parameter_annotations(&params), None);
    }
}
