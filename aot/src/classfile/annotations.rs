//! Annotations and element values (JVMS §4.7.16, §4.7.17, §4.7.18, §4.7.22).
//!
//! Invariants: names and descriptors are resolved from the constant pool while parsing;
//! constant element values keep their constant-pool index (validated lazily by the user).
//! Nesting depth of element values is bounded by [`MAX_NESTING`] so that malicious input
//! cannot overflow the stack.

use super::attributes::utf8_ref;
use super::constant_pool::ConstantPool;
use super::error::ClassFormatError;
use super::reader::Reader;

/// Maximum nesting depth of annotation element values.
pub const MAX_NESTING: usize = 128;

/// One annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Field descriptor of the annotation interface, e.g. `Ljava/lang/Deprecated;`.
    pub type_descriptor: String,
    /// `(element name, value)` pairs in class-file order.
    pub elements: Vec<(String, ElementValue)>,
}

/// The value of an annotation element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ElementValue {
    /// A primitive or string constant: `tag` is one of `BCDFIJSZs`, `index` a pool index.
    Const {
        /// The element tag byte.
        tag: u8,
        /// Constant-pool index of the value (Utf8 for `s`).
        index: u16,
    },
    /// An enum constant.
    Enum {
        /// Field descriptor of the enum class.
        type_descriptor: String,
        /// Name of the constant.
        name: String,
    },
    /// A class literal, as a return descriptor (e.g. `Ljava/lang/String;` or `V`).
    Class(String),
    /// A nested annotation.
    Annotation(Annotation),
    /// An array of values.
    Array(Vec<ElementValue>),
}

/// Reads `num_annotations` followed by the annotations.
pub(crate) fn read_annotations(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<Annotation>, ClassFormatError> {
    let count = usize::from(r.u2("annotation count")?);
    r.check_count(count, 4, "annotation")?;
    (0..count).map(|_| read_annotation(r, cp, 0)).collect()
}

/// Reads a `RuntimeVisibleParameterAnnotations` body.
pub(crate) fn read_parameter_annotations(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<Vec<Annotation>>, ClassFormatError> {
    let count = usize::from(r.u1("parameter count")?);
    r.check_count(count, 2, "parameter annotation")?;
    (0..count).map(|_| read_annotations(r, cp)).collect()
}

fn read_annotation(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    depth: usize,
) -> Result<Annotation, ClassFormatError> {
    let type_descriptor = utf8_ref(r, cp, "annotation type")?;
    let count = usize::from(r.u2("element-value pair count")?);
    r.check_count(count, 5, "element-value pair")?;
    let mut elements = Vec::with_capacity(count);
    for _ in 0..count {
        let name = utf8_ref(r, cp, "element name")?;
        elements.push((name, read_element_value(r, cp, depth)?));
    }
    Ok(Annotation {
        type_descriptor,
        elements,
    })
}

/// Reads one `element_value`, nested at most [`MAX_NESTING`] deep.
pub(crate) fn read_element_value(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    depth: usize,
) -> Result<ElementValue, ClassFormatError> {
    if depth >= MAX_NESTING {
        return Err(r.error("annotation element values nested too deeply"));
    }
    let at = r.offset();
    let tag = r.u1("element value tag")?;
    Ok(match tag {
        b'B' | b'C' | b'D' | b'F' | b'I' | b'J' | b'S' | b'Z' | b's' => ElementValue::Const {
            tag,
            index: r.u2("constant element value")?,
        },
        b'e' => ElementValue::Enum {
            type_descriptor: utf8_ref(r, cp, "enum type")?,
            name: utf8_ref(r, cp, "enum constant name")?,
        },
        b'c' => ElementValue::Class(utf8_ref(r, cp, "class element value")?),
        b'@' => ElementValue::Annotation(read_annotation(r, cp, depth + 1)?),
        b'[' => {
            let count = usize::from(r.u2("array element count")?);
            r.check_count(count, 3, "array element")?;
            let values: Result<Vec<_>, _> = (0..count)
                .map(|_| read_element_value(r, cp, depth + 1))
                .collect();
            ElementValue::Array(values?)
        }
        _ => {
            return Err(ClassFormatError::at(
                at,
                format!("unknown element value tag 0x{tag:02x}"),
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classfile::constant_pool::{decode_modified_utf8, Constant};

    fn cp() -> ConstantPool {
        let utf8 = |s: &str| Constant::Utf8(decode_modified_utf8(s.as_bytes()).unwrap());
        ConstantPool::from_entries(vec![
            Constant::Unusable,
            utf8("LAnn;"),
            utf8("value"),
            Constant::Integer(3),
            utf8("LE;"),
            utf8("A"),
        ])
    }

    #[test]
    fn parses_nested_values() {
        let bytes = [
            0, 1, // one annotation
            0, 1, 0, 3, // type LAnn;, 3 pairs
            0, 2, b'I', 0, 3, // value = 3
            0, 2, b'e', 0, 4, 0, 5, // value = E.A
            0, 2, b'[', 0, 2, b'c', 0, 4, b'@', 0, 1, 0, 0, // value = {E.class, @Ann}
        ];
        let anns = read_annotations(&mut Reader::new(&bytes), &cp()).unwrap();
        assert_eq!(anns.len(), 1);
        let a = &anns[0];
        assert_eq!(a.type_descriptor, "LAnn;");
        assert_eq!(
            a.elements[0].1,
            ElementValue::Const {
                tag: b'I',
                index: 3
            }
        );
        assert_eq!(
            a.elements[1].1,
            ElementValue::Enum {
                type_descriptor: "LE;".into(),
                name: "A".into()
            }
        );
        let ElementValue::Array(items) = &a.elements[2].1 else {
            panic!("not an array")
        };
        assert_eq!(items[0], ElementValue::Class("LE;".into()));
        assert!(matches!(items[1], ElementValue::Annotation(_)));
    }

    #[test]
    fn rejects_bad_tag_and_deep_nesting() {
        let bytes = [b'?', 0, 0];
        let e = read_element_value(&mut Reader::new(&bytes), &cp(), 0).unwrap_err();
        assert!(e.message.contains("unknown element value tag"));
        let mut deep = Vec::new();
        for _ in 0..1000 {
            deep.extend_from_slice(&[b'[', 0, 1]);
        }
        deep.extend_from_slice(&[b'I', 0, 3]);
        let e = read_element_value(&mut Reader::new(&deep), &cp(), 0).unwrap_err();
        assert!(e.message.contains("nested too deeply"));
    }

    #[test]
    fn bad_pool_reference_is_located() {
        let bytes = [0, 1, 0, 3, 0, 0];
        let e = read_annotations(&mut Reader::new(&bytes), &cp()).unwrap_err();
        assert_eq!(e.offset, Some(2));
        assert!(e.message.contains("expected Utf8"));
    }
}
