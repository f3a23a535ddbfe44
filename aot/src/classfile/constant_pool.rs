//! The constant pool (JVMS §4.4) and its typed accessors.
//!
//! Invariants:
//! - Entry 0 and the slot after every `Long`/`Double` are [`Constant::Unusable`]; the pool has
//!   exactly `constant_pool_count` slots, so valid indices are `1..len()`.
//! - Tags, entry lengths and modified UTF-8 are validated eagerly while reading; references
//!   between entries are validated lazily by the accessors, which return an error (never panic)
//!   on an out-of-range index or a wrong tag.

use super::error::ClassFormatError;
use super::reader::Reader;

/// A `CONSTANT_Utf8` entry decoded from modified UTF-8 (JVMS §4.4.7).
#[derive(Debug, Clone, PartialEq)]
pub struct Utf8Const {
    /// The text; unpaired surrogates are replaced by U+FFFD.
    pub text: String,
    /// The exact UTF-16 code units.
    pub utf16: Vec<u16>,
}

/// One constant-pool slot.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    /// Slot 0 and the second slot of a `Long` or `Double`.
    Unusable,
    /// `CONSTANT_Utf8`.
    Utf8(Utf8Const),
    /// `CONSTANT_Integer`.
    Integer(i32),
    /// `CONSTANT_Float`.
    Float(f32),
    /// `CONSTANT_Long` (takes two slots).
    Long(i64),
    /// `CONSTANT_Double` (takes two slots).
    Double(f64),
    /// `CONSTANT_Class`: index of the name.
    Class(u16),
    /// `CONSTANT_String`: index of the Utf8 contents.
    String(u16),
    /// `CONSTANT_Fieldref`.
    FieldRef {
        /// Index of the `Class`.
        class: u16,
        /// Index of the `NameAndType`.
        name_and_type: u16,
    },
    /// `CONSTANT_Methodref`.
    MethodRef {
        /// Index of the `Class`.
        class: u16,
        /// Index of the `NameAndType`.
        name_and_type: u16,
    },
    /// `CONSTANT_InterfaceMethodref`.
    InterfaceMethodRef {
        /// Index of the `Class`.
        class: u16,
        /// Index of the `NameAndType`.
        name_and_type: u16,
    },
    /// `CONSTANT_NameAndType`.
    NameAndType {
        /// Index of the Utf8 name.
        name: u16,
        /// Index of the Utf8 descriptor.
        descriptor: u16,
    },
    /// `CONSTANT_MethodHandle`.
    MethodHandle {
        /// Reference kind, 1..=9 (JVMS §5.4.3.5).
        kind: u8,
        /// Index of the referenced member.
        reference: u16,
    },
    /// `CONSTANT_MethodType`: index of the Utf8 descriptor.
    MethodType(u16),
    /// `CONSTANT_Dynamic`.
    Dynamic {
        /// Index into the `BootstrapMethods` attribute.
        bootstrap: u16,
        /// Index of the `NameAndType`.
        name_and_type: u16,
    },
    /// `CONSTANT_InvokeDynamic`.
    InvokeDynamic {
        /// Index into the `BootstrapMethods` attribute.
        bootstrap: u16,
        /// Index of the `NameAndType`.
        name_and_type: u16,
    },
    /// `CONSTANT_Module`: index of the Utf8 name.
    Module(u16),
    /// `CONSTANT_Package`: index of the Utf8 name.
    Package(u16),
}

impl Constant {
    /// A short human-readable name of the entry's kind, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Constant::Unusable => "unusable slot",
            Constant::Utf8(_) => "Utf8",
            Constant::Integer(_) => "Integer",
            Constant::Float(_) => "Float",
            Constant::Long(_) => "Long",
            Constant::Double(_) => "Double",
            Constant::Class(_) => "Class",
            Constant::String(_) => "String",
            Constant::FieldRef { .. } => "Fieldref",
            Constant::MethodRef { .. } => "Methodref",
            Constant::InterfaceMethodRef { .. } => "InterfaceMethodref",
            Constant::NameAndType { .. } => "NameAndType",
            Constant::MethodHandle { .. } => "MethodHandle",
            Constant::MethodType(_) => "MethodType",
            Constant::Dynamic { .. } => "Dynamic",
            Constant::InvokeDynamic { .. } => "InvokeDynamic",
            Constant::Module(_) => "Module",
            Constant::Package(_) => "Package",
        }
    }
}

/// A resolved field or method reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberRef<'a> {
    /// Internal name of the owning class (may be an array descriptor for methods on arrays).
    pub class: &'a str,
    /// Member name.
    pub name: &'a str,
    /// Member descriptor.
    pub descriptor: &'a str,
    /// True for `CONSTANT_InterfaceMethodref`.
    pub interface: bool,
}

/// A constant usable by `ldc`/`ldc_w`/`ldc2_w` or as a bootstrap argument (JVMS §4.4, loadable).
#[derive(Debug, Clone, PartialEq)]
pub enum Loadable<'a> {
    /// An `int`.
    Int(i32),
    /// A `float`.
    Float(f32),
    /// A `long`.
    Long(i64),
    /// A `double`.
    Double(f64),
    /// A string literal as UTF-16.
    String(&'a [u16]),
    /// A class literal (internal name or array descriptor).
    Class(&'a str),
    /// A method type (method descriptor).
    MethodType(&'a str),
    /// A method handle.
    MethodHandle {
        /// Reference kind, 1..=9.
        kind: u8,
        /// The referenced member.
        member: MemberRef<'a>,
    },
    /// A dynamically computed constant.
    Dynamic {
        /// Index into the `BootstrapMethods` attribute.
        bootstrap: u16,
        /// Constant name.
        name: &'a str,
        /// Field descriptor of the constant.
        descriptor: &'a str,
    },
}

/// The constant pool of one class.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConstantPool {
    entries: Vec<Constant>,
}

fn bad_index(idx: u16, message: &str) -> ClassFormatError {
    ClassFormatError::new(format!("constant pool index {idx}: {message}"))
}

fn wrong_tag(idx: u16, expected: &str, found: &Constant) -> ClassFormatError {
    bad_index(
        idx,
        &format!("expected {expected}, found {}", found.kind_name()),
    )
}

impl ConstantPool {
    /// Builds a pool from slots (slot 0 must be [`Constant::Unusable`]); used by tests and tools.
    pub fn from_entries(entries: Vec<Constant>) -> Self {
        ConstantPool { entries }
    }

    /// Reads `constant_pool_count` and the entries (JVMS §4.1, §4.4).
    pub fn read(r: &mut Reader<'_>) -> Result<Self, ClassFormatError> {
        let count = usize::from(r.u2("constant pool count")?);
        if count == 0 {
            return Err(r.error("constant pool count is 0"));
        }
        r.check_count(count - 1, 3, "constant pool")?;
        let mut entries = Vec::with_capacity(count);
        entries.push(Constant::Unusable);
        while entries.len() < count {
            let start = r.offset();
            let entry = read_entry(r).map_err(|e| {
                e.context(&format!(
                    "constant pool entry {} at offset {start}",
                    entries.len()
                ))
            })?;
            let wide = matches!(entry, Constant::Long(_) | Constant::Double(_));
            entries.push(entry);
            if wide {
                if entries.len() >= count {
                    return Err(ClassFormatError::at(
                        start,
                        "Long/Double constant occupies the last constant pool slot",
                    ));
                }
                entries.push(Constant::Unusable);
            }
        }
        Ok(ConstantPool { entries })
    }

    /// Number of slots (`constant_pool_count`); valid indices are `1..len()`.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the pool has no slots at all (only for a default-constructed pool).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Iterates over the usable entries with their indices.
    pub fn iter(&self) -> impl Iterator<Item = (u16, &Constant)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, c)| !matches!(c, Constant::Unusable))
            .filter_map(|(i, c)| Some((u16::try_from(i).ok()?, c)))
    }

    /// The entry at `idx`; index 0, out-of-range indices and unusable slots are errors.
    pub fn get(&self, idx: u16) -> Result<&Constant, ClassFormatError> {
        match self.entries.get(usize::from(idx)) {
            None => Err(bad_index(
                idx,
                &format!("out of range (pool has {} slots)", self.entries.len()),
            )),
            Some(Constant::Unusable) => Err(bad_index(idx, "refers to an unusable slot")),
            Some(c) => Ok(c),
        }
    }

    /// The `CONSTANT_Utf8` entry at `idx`.
    pub fn utf8_const(&self, idx: u16) -> Result<&Utf8Const, ClassFormatError> {
        match self.get(idx)? {
            Constant::Utf8(u) => Ok(u),
            other => Err(wrong_tag(idx, "Utf8", other)),
        }
    }

    /// The text of the `CONSTANT_Utf8` entry at `idx`.
    pub fn utf8(&self, idx: u16) -> Result<&str, ClassFormatError> {
        Ok(&self.utf8_const(idx)?.text)
    }

    /// The name of the `CONSTANT_Class` entry at `idx`.
    pub fn class_name(&self, idx: u16) -> Result<&str, ClassFormatError> {
        match self.get(idx)? {
            Constant::Class(name) => self.utf8(*name),
            other => Err(wrong_tag(idx, "Class", other)),
        }
    }

    /// The UTF-16 contents of the `CONSTANT_String` entry at `idx`.
    pub fn string_utf16(&self, idx: u16) -> Result<&[u16], ClassFormatError> {
        match self.get(idx)? {
            Constant::String(s) => Ok(&self.utf8_const(*s)?.utf16),
            other => Err(wrong_tag(idx, "String", other)),
        }
    }

    /// The Field/Method/InterfaceMethod reference at `idx`.
    pub fn member_ref(&self, idx: u16) -> Result<MemberRef<'_>, ClassFormatError> {
        let (class, nat, interface) = match self.get(idx)? {
            Constant::FieldRef {
                class,
                name_and_type,
            }
            | Constant::MethodRef {
                class,
                name_and_type,
            } => (*class, *name_and_type, false),
            Constant::InterfaceMethodRef {
                class,
                name_and_type,
            } => (*class, *name_and_type, true),
            other => return Err(wrong_tag(idx, "a field or method reference", other)),
        };
        let (name, descriptor) = self.name_and_type(nat)?;
        Ok(MemberRef {
            class: self.class_name(class)?,
            name,
            descriptor,
            interface,
        })
    }

    /// The `(name, descriptor)` of the `CONSTANT_NameAndType` entry at `idx`.
    pub fn name_and_type(&self, idx: u16) -> Result<(&str, &str), ClassFormatError> {
        match self.get(idx)? {
            Constant::NameAndType { name, descriptor } => {
                Ok((self.utf8(*name)?, self.utf8(*descriptor)?))
            }
            other => Err(wrong_tag(idx, "NameAndType", other)),
        }
    }

    /// `(bootstrap index, name, descriptor)` of the `CONSTANT_InvokeDynamic` entry at `idx`.
    pub fn invoke_dynamic(&self, idx: u16) -> Result<(u16, &str, &str), ClassFormatError> {
        match self.get(idx)? {
            Constant::InvokeDynamic {
                bootstrap,
                name_and_type,
            } => {
                let (name, desc) = self.name_and_type(*name_and_type)?;
                Ok((*bootstrap, name, desc))
            }
            other => Err(wrong_tag(idx, "InvokeDynamic", other)),
        }
    }

    /// `(bootstrap index, name, descriptor)` of the `CONSTANT_Dynamic` entry at `idx`.
    pub fn dynamic(&self, idx: u16) -> Result<(u16, &str, &str), ClassFormatError> {
        match self.get(idx)? {
            Constant::Dynamic {
                bootstrap,
                name_and_type,
            } => {
                let (name, desc) = self.name_and_type(*name_and_type)?;
                Ok((*bootstrap, name, desc))
            }
            other => Err(wrong_tag(idx, "Dynamic", other)),
        }
    }

    /// `(kind, member)` of the `CONSTANT_MethodHandle` entry at `idx`.
    pub fn method_handle(&self, idx: u16) -> Result<(u8, MemberRef<'_>), ClassFormatError> {
        match self.get(idx)? {
            Constant::MethodHandle { kind, reference } => Ok((*kind, self.member_ref(*reference)?)),
            other => Err(wrong_tag(idx, "MethodHandle", other)),
        }
    }

    /// The descriptor of the `CONSTANT_MethodType` entry at `idx`.
    pub fn method_type(&self, idx: u16) -> Result<&str, ClassFormatError> {
        match self.get(idx)? {
            Constant::MethodType(desc) => self.utf8(*desc),
            other => Err(wrong_tag(idx, "MethodType", other)),
        }
    }

    /// The loadable constant at `idx` (for `ldc` and bootstrap arguments).
    pub fn loadable(&self, idx: u16) -> Result<Loadable<'_>, ClassFormatError> {
        Ok(match self.get(idx)? {
            Constant::Integer(v) => Loadable::Int(*v),
            Constant::Float(v) => Loadable::Float(*v),
            Constant::Long(v) => Loadable::Long(*v),
            Constant::Double(v) => Loadable::Double(*v),
            Constant::String(_) => Loadable::String(self.string_utf16(idx)?),
            Constant::Class(_) => Loadable::Class(self.class_name(idx)?),
            Constant::MethodType(_) => Loadable::MethodType(self.method_type(idx)?),
            Constant::MethodHandle { .. } => {
                let (kind, member) = self.method_handle(idx)?;
                Loadable::MethodHandle { kind, member }
            }
            Constant::Dynamic { .. } => {
                let (bootstrap, name, descriptor) = self.dynamic(idx)?;
                Loadable::Dynamic {
                    bootstrap,
                    name,
                    descriptor,
                }
            }
            other => return Err(wrong_tag(idx, "a loadable constant", other)),
        })
    }
}

/// Reads one entry after its tag (JVMS Table 4.4-B).
fn read_entry(r: &mut Reader<'_>) -> Result<Constant, ClassFormatError> {
    let tag_offset = r.offset();
    let tag = r.u1("constant pool tag")?;
    Ok(match tag {
        1 => {
            let len = usize::from(r.u2("Utf8 length")?);
            let start = r.offset();
            let bytes = r.bytes(len, "Utf8 constant")?;
            Constant::Utf8(decode_modified_utf8(bytes).map_err(|(i, m)| {
                ClassFormatError::at(
                    start.saturating_add(i),
                    format!("invalid modified UTF-8: {m}"),
                )
            })?)
        }
        3 => Constant::Integer(r.u4("Integer constant")? as i32),
        4 => Constant::Float(f32::from_bits(r.u4("Float constant")?)),
        5 => Constant::Long(r.u64("Long constant")? as i64),
        6 => Constant::Double(f64::from_bits(r.u64("Double constant")?)),
        7 => Constant::Class(r.u2("Class constant")?),
        8 => Constant::String(r.u2("String constant")?),
        9..=11 => read_member_ref(r, tag)?,
        12 => Constant::NameAndType {
            name: r.u2("NameAndType constant")?,
            descriptor: r.u2("NameAndType constant")?,
        },
        15 => read_method_handle(r)?,
        16 => Constant::MethodType(r.u2("MethodType constant")?),
        17 => Constant::Dynamic {
            bootstrap: r.u2("Dynamic constant")?,
            name_and_type: r.u2("Dynamic constant")?,
        },
        18 => Constant::InvokeDynamic {
            bootstrap: r.u2("InvokeDynamic constant")?,
            name_and_type: r.u2("InvokeDynamic constant")?,
        },
        19 => Constant::Module(r.u2("Module constant")?),
        20 => Constant::Package(r.u2("Package constant")?),
        _ => {
            return Err(ClassFormatError::at(
                tag_offset,
                format!("unknown constant pool tag {tag}"),
            ))
        }
    })
}

fn read_member_ref(r: &mut Reader<'_>, tag: u8) -> Result<Constant, ClassFormatError> {
    let class = r.u2("member reference constant")?;
    let name_and_type = r.u2("member reference constant")?;
    Ok(match tag {
        9 => Constant::FieldRef {
            class,
            name_and_type,
        },
        10 => Constant::MethodRef {
            class,
            name_and_type,
        },
        _ => Constant::InterfaceMethodRef {
            class,
            name_and_type,
        },
    })
}

fn read_method_handle(r: &mut Reader<'_>) -> Result<Constant, ClassFormatError> {
    let at = r.offset();
    let kind = r.u1("MethodHandle constant")?;
    let reference = r.u2("MethodHandle constant")?;
    if !(1..=9).contains(&kind) {
        return Err(ClassFormatError::at(
            at,
            format!("invalid method handle kind {kind}"),
        ));
    }
    Ok(Constant::MethodHandle { kind, reference })
}

/// Decodes modified UTF-8 (JVMS §4.4.7). On failure returns the byte index and a reason.
pub fn decode_modified_utf8(bytes: &[u8]) -> Result<Utf8Const, (usize, &'static str)> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err((i, "NUL byte"));
    }
    if bytes.is_ascii() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let utf16 = bytes.iter().map(|&b| u16::from(b)).collect();
        return Ok(Utf8Const { text, utf16 });
    }
    let mut utf16 = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (unit, len) = decode_unit(bytes, i, b)?;
        utf16.push(unit);
        i += len;
    }
    let text = String::from_utf16_lossy(&utf16);
    Ok(Utf8Const { text, utf16 })
}

/// Decodes the code unit starting at `bytes[i] == b`; returns it with its encoded length.
fn decode_unit(bytes: &[u8], i: usize, b: u8) -> Result<(u16, usize), (usize, &'static str)> {
    let cont = |k: usize| -> Result<u16, (usize, &'static str)> {
        match bytes.get(i + k) {
            Some(&c) if c & 0xC0 == 0x80 => Ok(u16::from(c & 0x3F)),
            Some(_) => Err((i + k, "bad continuation byte")),
            None => Err((i, "truncated multi-byte sequence")),
        }
    };
    match b {
        0x01..=0x7F => Ok((u16::from(b), 1)),
        0xC0..=0xDF => Ok(((u16::from(b & 0x1F) << 6) | cont(1)?, 2)),
        0xE0..=0xEF => Ok(((u16::from(b & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?, 3)),
        _ => Err((i, "invalid lead byte")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(bytes: &[u8]) -> Result<ConstantPool, ClassFormatError> {
        ConstantPool::read(&mut Reader::new(bytes))
    }

    #[test]
    fn modified_utf8_ascii_and_nul() {
        let u = decode_modified_utf8(b"abc").unwrap();
        assert_eq!(u.text, "abc");
        let u = decode_modified_utf8(&[b'a', 0xC0, 0x80, b'b']).unwrap();
        assert_eq!(u.text, "a\0b");
        assert_eq!(u.utf16, vec![0x61, 0, 0x62]);
        assert!(decode_modified_utf8(&[b'a', 0]).is_err());
    }

    #[test]
    fn modified_utf8_two_and_three_bytes() {
        // U+00E9 and U+20AC
        let u = decode_modified_utf8(&[0xC3, 0xA9, 0xE2, 0x82, 0xAC]).unwrap();
        assert_eq!(u.text, "é€");
        assert_eq!(u.utf16, vec![0xE9, 0x20AC]);
    }

    #[test]
    fn modified_utf8_surrogate_pair() {
        // U+1F600 as the surrogate pair D83D DE00, each encoded in three bytes.
        let bytes = [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80];
        let u = decode_modified_utf8(&bytes).unwrap();
        assert_eq!(u.utf16, vec![0xD83D, 0xDE00]);
        assert_eq!(u.text, "\u{1F600}");
    }

    #[test]
    fn modified_utf8_unpaired_surrogate_is_lossy() {
        let u = decode_modified_utf8(&[0xED, 0xA0, 0xBD, b'x']).unwrap();
        assert_eq!(u.utf16, vec![0xD83D, 0x78]);
        assert_eq!(u.text, "\u{FFFD}x");
    }

    #[test]
    fn modified_utf8_rejects_bad_sequences() {
        assert_eq!(decode_modified_utf8(&[0xF0, 0x9F]).unwrap_err().0, 0);
        assert_eq!(decode_modified_utf8(&[b'a', 0xC3]).unwrap_err().0, 1);
        assert_eq!(decode_modified_utf8(&[0xE2, 0x82, 0x41]).unwrap_err().0, 2);
        assert!(decode_modified_utf8(&[0x80]).is_err());
    }

    #[test]
    fn reads_pool_with_wide_entries() {
        // count 5: #1 Long (2 slots), #3 Utf8 "A", #4 Class #3
        let bytes = [0, 5, 5, 0, 0, 0, 0, 0, 0, 0, 7, 1, 0, 1, b'A', 7, 0, 3];
        let cp = pool(&bytes).unwrap();
        assert_eq!(cp.len(), 5);
        assert_eq!(cp.get(1).unwrap(), &Constant::Long(7));
        assert!(cp.get(2).is_err());
        assert!(cp.get(0).is_err());
        assert!(cp.get(5).is_err());
        assert_eq!(cp.class_name(4).unwrap(), "A");
        assert!(cp
            .class_name(3)
            .unwrap_err()
            .to_string()
            .contains("expected Class"));
        assert_eq!(cp.loadable(4).unwrap(), Loadable::Class("A"));
        assert_eq!(cp.iter().count(), 3);
    }

    #[test]
    fn rejects_bad_tags_and_truncation() {
        assert!(pool(&[0, 2, 2, 0, 0])
            .unwrap_err()
            .message
            .contains("unknown constant pool tag 2"));
        assert!(pool(&[0, 2, 1, 0, 5, b'a']).is_err());
        assert!(pool(&[0, 0]).is_err());
        // Long in the last slot.
        assert!(pool(&[0, 2, 5, 0, 0, 0, 0, 0, 0, 0, 1]).is_err());
        // Bad method handle kind.
        assert!(pool(&[0, 2, 15, 10, 0, 1]).is_err());
    }

    #[test]
    fn resolves_members_lazily() {
        let cp = ConstantPool::from_entries(vec![
            Constant::Unusable,
            Constant::Utf8(decode_modified_utf8(b"C").unwrap()),
            Constant::Class(1),
            Constant::Utf8(decode_modified_utf8(b"m").unwrap()),
            Constant::Utf8(decode_modified_utf8(b"()V").unwrap()),
            Constant::NameAndType {
                name: 3,
                descriptor: 4,
            },
            Constant::InterfaceMethodRef {
                class: 2,
                name_and_type: 5,
            },
            Constant::MethodHandle {
                kind: 9,
                reference: 6,
            },
            Constant::String(1),
            Constant::MethodRef {
                class: 2,
                name_and_type: 99,
            },
            Constant::InvokeDynamic {
                bootstrap: 0,
                name_and_type: 5,
            },
        ]);
        let m = cp.member_ref(6).unwrap();
        assert_eq!(
            (m.class, m.name, m.descriptor, m.interface),
            ("C", "m", "()V", true)
        );
        assert_eq!(cp.method_handle(7).unwrap().0, 9);
        assert_eq!(cp.string_utf16(8).unwrap(), &[0x43]);
        assert!(cp.member_ref(9).is_err());
        assert_eq!(cp.invoke_dynamic(10).unwrap(), (0, "m", "()V"));
        assert!(cp.loadable(6).is_err());
    }
}
