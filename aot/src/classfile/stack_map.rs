//! The `StackMapTable` attribute (JVMS §4.7.4).
//!
//! Invariants: frames are kept exactly as encoded (deltas, not absolute pcs); class names of
//! `Object` verification types are resolved from the constant pool while parsing. Frame types
//! 128..=246 are reserved and rejected.

use super::attributes::class_ref;
use super::constant_pool::ConstantPool;
use super::error::ClassFormatError;
use super::reader::Reader;

/// A verification type (JVMS §4.7.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VerificationType {
    /// `top`
    Top,
    /// `int`
    Integer,
    /// `float`
    Float,
    /// `long` (the implicit second slot is not listed)
    Long,
    /// `double` (the implicit second slot is not listed)
    Double,
    /// `null`
    Null,
    /// `uninitializedThis`
    UninitializedThis,
    /// A class or array type, by internal name or array descriptor.
    Object(String),
    /// An object created by the `new` at the given pc and not yet initialized.
    Uninitialized(u16),
}

/// One stack map frame, as encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StackMapFrame {
    /// `same_frame` and `same_frame_extended`.
    Same {
        /// Offset delta from the previous frame.
        offset_delta: u16,
    },
    /// `same_locals_1_stack_item_frame` and its extended form.
    SameLocals1 {
        /// Offset delta from the previous frame.
        offset_delta: u16,
        /// The single stack entry.
        stack: VerificationType,
    },
    /// `chop_frame`: the last `k` (1..=3) locals are absent.
    Chop {
        /// Offset delta from the previous frame.
        offset_delta: u16,
        /// Number of chopped locals.
        k: u8,
    },
    /// `append_frame`: 1..=3 additional locals.
    Append {
        /// Offset delta from the previous frame.
        offset_delta: u16,
        /// The appended locals.
        locals: Vec<VerificationType>,
    },
    /// `full_frame`.
    Full {
        /// Offset delta from the previous frame.
        offset_delta: u16,
        /// All locals.
        locals: Vec<VerificationType>,
        /// All stack entries.
        stack: Vec<VerificationType>,
    },
}

/// Reads a `StackMapTable` body.
pub(crate) fn read_stack_map(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<StackMapFrame>, ClassFormatError> {
    let count = usize::from(r.u2("stack map frame count")?);
    r.check_count(count, 1, "stack map frame")?;
    (0..count).map(|_| read_frame(r, cp)).collect()
}

fn read_frame(r: &mut Reader<'_>, cp: &ConstantPool) -> Result<StackMapFrame, ClassFormatError> {
    let at = r.offset();
    let tag = r.u1("stack map frame type")?;
    Ok(match tag {
        0..=63 => StackMapFrame::Same {
            offset_delta: u16::from(tag),
        },
        64..=127 => StackMapFrame::SameLocals1 {
            offset_delta: u16::from(tag - 64),
            stack: read_type(r, cp)?,
        },
        247 => StackMapFrame::SameLocals1 {
            offset_delta: r.u2("offset delta")?,
            stack: read_type(r, cp)?,
        },
        248..=250 => StackMapFrame::Chop {
            offset_delta: r.u2("offset delta")?,
            k: 251 - tag,
        },
        251 => StackMapFrame::Same {
            offset_delta: r.u2("offset delta")?,
        },
        252..=254 => {
            let offset_delta = r.u2("offset delta")?;
            let locals = read_types(r, cp, usize::from(tag - 251))?;
            StackMapFrame::Append {
                offset_delta,
                locals,
            }
        }
        255 => read_full_frame(r, cp)?,
        _ => {
            return Err(ClassFormatError::at(
                at,
                format!("reserved stack map frame type {tag}"),
            ))
        }
    })
}

fn read_full_frame(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<StackMapFrame, ClassFormatError> {
    let offset_delta = r.u2("offset delta")?;
    let nlocals = usize::from(r.u2("full frame locals count")?);
    let locals = read_types(r, cp, nlocals)?;
    let nstack = usize::from(r.u2("full frame stack count")?);
    let stack = read_types(r, cp, nstack)?;
    Ok(StackMapFrame::Full {
        offset_delta,
        locals,
        stack,
    })
}

fn read_types(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    count: usize,
) -> Result<Vec<VerificationType>, ClassFormatError> {
    r.check_count(count, 1, "verification type")?;
    (0..count).map(|_| read_type(r, cp)).collect()
}

fn read_type(r: &mut Reader<'_>, cp: &ConstantPool) -> Result<VerificationType, ClassFormatError> {
    let at = r.offset();
    let tag = r.u1("verification type")?;
    Ok(match tag {
        0 => VerificationType::Top,
        1 => VerificationType::Integer,
        2 => VerificationType::Float,
        3 => VerificationType::Double,
        4 => VerificationType::Long,
        5 => VerificationType::Null,
        6 => VerificationType::UninitializedThis,
        7 => VerificationType::Object(class_ref(r, cp, "verification type class")?),
        8 => VerificationType::Uninitialized(r.u2("uninitialized offset")?),
        _ => {
            return Err(ClassFormatError::at(
                at,
                format!("invalid verification type tag {tag}"),
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classfile::constant_pool::{decode_modified_utf8, Constant};

    fn cp() -> ConstantPool {
        ConstantPool::from_entries(vec![
            Constant::Unusable,
            Constant::Utf8(decode_modified_utf8(b"java/lang/String").unwrap()),
            Constant::Class(1),
        ])
    }

    #[test]
    fn parses_every_frame_kind() {
        let bytes = [
            0, 7, // 7 frames
            5, // same
            65, 1, // same_locals_1 delta 1, int
            247, 0, 100, 7, 0, 2, // extended, Object String
            249, 0, 3, // chop 2
            251, 1, 0, // same extended 256
            253, 0, 4, 4, 8, 0, 9, // append long, uninit(9)
            255, 0, 1, 0, 1, 6, 0, 2, 5, 0, // full
        ];
        let frames = read_stack_map(&mut Reader::new(&bytes), &cp()).unwrap();
        assert_eq!(
            frames,
            vec![
                StackMapFrame::Same { offset_delta: 5 },
                StackMapFrame::SameLocals1 {
                    offset_delta: 1,
                    stack: VerificationType::Integer
                },
                StackMapFrame::SameLocals1 {
                    offset_delta: 100,
                    stack: VerificationType::Object("java/lang/String".into())
                },
                StackMapFrame::Chop {
                    offset_delta: 3,
                    k: 2
                },
                StackMapFrame::Same { offset_delta: 256 },
                StackMapFrame::Append {
                    offset_delta: 4,
                    locals: vec![VerificationType::Long, VerificationType::Uninitialized(9)]
                },
                StackMapFrame::Full {
                    offset_delta: 1,
                    locals: vec![VerificationType::UninitializedThis],
                    stack: vec![VerificationType::Null, VerificationType::Top]
                },
            ]
        );
    }

    #[test]
    fn rejects_reserved_and_bad_types() {
        let e = read_stack_map(&mut Reader::new(&[0, 1, 200]), &cp()).unwrap_err();
        assert!(e.message.contains("reserved"));
        let e = read_stack_map(&mut Reader::new(&[0, 1, 64, 9]), &cp()).unwrap_err();
        assert!(e.message.contains("verification type tag 9"));
        let e = read_stack_map(&mut Reader::new(&[0, 1, 64, 7, 0, 1]), &cp()).unwrap_err();
        assert!(e.message.contains("expected Class"));
        assert!(read_stack_map(&mut Reader::new(&[0, 2, 0]), &cp()).is_err());
    }
}
