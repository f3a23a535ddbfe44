//! Field and method descriptors (JVMS §4.3).
//!
//! Invariants: a parsed descriptor consumed its whole input; array types have at most 255
//! dimensions; object class names are non-empty, contain no `.`, `;` or `[` and have no empty
//! `/`-separated segments. `FieldType::descriptor` is the exact inverse of parsing.

use super::error::ClassFormatError;

/// The maximum number of array dimensions (JVMS §4.3.2).
pub const MAX_ARRAY_DIMENSIONS: usize = 255;

/// A field type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// `B`
    Byte,
    /// `C`
    Char,
    /// `D`
    Double,
    /// `F`
    Float,
    /// `I`
    Int,
    /// `J`
    Long,
    /// `S`
    Short,
    /// `Z`
    Boolean,
    /// `Lname;` with the internal class name.
    Object(String),
    /// `[component`
    Array(Box<FieldType>),
}

/// A parsed method descriptor.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MethodDescriptor {
    /// Parameter types in order.
    pub params: Vec<FieldType>,
    /// Return type; `None` for `void`.
    pub ret: Option<FieldType>,
}

impl FieldType {
    /// The descriptor string, e.g. `[Ljava/lang/String;`.
    pub fn descriptor(&self) -> String {
        let mut out = String::new();
        self.write_descriptor(&mut out);
        out
    }

    fn write_descriptor(&self, out: &mut String) {
        match self {
            FieldType::Byte => out.push('B'),
            FieldType::Char => out.push('C'),
            FieldType::Double => out.push('D'),
            FieldType::Float => out.push('F'),
            FieldType::Int => out.push('I'),
            FieldType::Long => out.push('J'),
            FieldType::Short => out.push('S'),
            FieldType::Boolean => out.push('Z'),
            FieldType::Object(name) => {
                out.push('L');
                out.push_str(name);
                out.push(';');
            }
            FieldType::Array(elem) => {
                out.push('[');
                elem.write_descriptor(out);
            }
        }
    }

    /// The descriptor's first letter: the primitive's letter, `L` for every reference type
    /// (arrays included), as value kinds are told apart.
    pub fn letter(&self) -> u8 {
        match self {
            FieldType::Byte => b'B',
            FieldType::Char => b'C',
            FieldType::Double => b'D',
            FieldType::Float => b'F',
            FieldType::Int => b'I',
            FieldType::Long => b'J',
            FieldType::Short => b'S',
            FieldType::Boolean => b'Z',
            FieldType::Object(_) | FieldType::Array(_) => b'L',
        }
    }

    /// True for `long` and `double`, which take two local-variable and stack slots.
    pub fn is_wide(&self) -> bool {
        matches!(self, FieldType::Long | FieldType::Double)
    }

    /// True for class and array types.
    pub fn is_reference(&self) -> bool {
        matches!(self, FieldType::Object(_) | FieldType::Array(_))
    }

    /// Number of slots the value occupies (2 for long/double, 1 otherwise).
    pub fn slots(&self) -> usize {
        if self.is_wide() {
            2
        } else {
            1
        }
    }
}

impl MethodDescriptor {
    /// Number of argument slots, not counting `this`; longs and doubles count 2.
    pub fn arg_slots(&self) -> usize {
        self.params.iter().map(FieldType::slots).sum()
    }
}

fn error(s: &str, message: &str) -> ClassFormatError {
    ClassFormatError::new(format!("invalid descriptor `{s}`: {message}"))
}

/// Parses a field descriptor such as `I` or `[Ljava/lang/Object;`.
pub fn parse_field_descriptor(s: &str) -> Result<FieldType, ClassFormatError> {
    let mut p = Parser { s, pos: 0 };
    let ty = p.field_type()?;
    if p.pos != s.len() {
        return Err(error(s, "trailing characters"));
    }
    Ok(ty)
}

/// Parses a method descriptor such as `(I[J)Ljava/lang/String;`.
pub fn parse_method_descriptor(s: &str) -> Result<MethodDescriptor, ClassFormatError> {
    let mut p = Parser { s, pos: 0 };
    if p.next() != Some(b'(') {
        return Err(error(s, "expected `(`"));
    }
    let mut params = Vec::new();
    while p.peek() != Some(b')') {
        params.push(p.field_type()?);
    }
    p.pos += 1;
    let ret = if p.peek() == Some(b'V') {
        p.pos += 1;
        None
    } else {
        Some(p.field_type()?)
    };
    if p.pos != s.len() {
        return Err(error(s, "trailing characters"));
    }
    Ok(MethodDescriptor { params, ret })
}

/// Checks an internal class name (JVMS §4.2.1): non-empty `/`-separated unqualified names.
pub fn is_valid_class_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .split('/')
            .all(|seg| !seg.is_empty() && !seg.contains(['.', ';', '[']))
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn field_type(&mut self) -> Result<FieldType, ClassFormatError> {
        let mut dims = 0usize;
        while self.peek() == Some(b'[') {
            self.pos += 1;
            dims += 1;
        }
        if dims > MAX_ARRAY_DIMENSIONS {
            return Err(error(self.s, "more than 255 array dimensions"));
        }
        let mut ty = self.base_type()?;
        for _ in 0..dims {
            ty = FieldType::Array(Box::new(ty));
        }
        Ok(ty)
    }

    fn base_type(&mut self) -> Result<FieldType, ClassFormatError> {
        Ok(match self.next() {
            Some(b'B') => FieldType::Byte,
            Some(b'C') => FieldType::Char,
            Some(b'D') => FieldType::Double,
            Some(b'F') => FieldType::Float,
            Some(b'I') => FieldType::Int,
            Some(b'J') => FieldType::Long,
            Some(b'S') => FieldType::Short,
            Some(b'Z') => FieldType::Boolean,
            Some(b'L') => self.class_name()?,
            Some(_) => return Err(error(self.s, "unexpected character")),
            None => return Err(error(self.s, "unexpected end")),
        })
    }

    fn class_name(&mut self) -> Result<FieldType, ClassFormatError> {
        let rest = self.s.get(self.pos..).unwrap_or_default();
        let end = rest.find(';').ok_or_else(|| error(self.s, "missing `;`"))?;
        let name = rest.get(..end).unwrap_or_default();
        if !is_valid_class_name(name) {
            return Err(error(self.s, "invalid class name"));
        }
        self.pos += end + 1;
        Ok(FieldType::Object(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(n: &str) -> FieldType {
        FieldType::Object(n.to_string())
    }

    #[test]
    fn parses_primitives_and_objects() {
        assert_eq!(parse_field_descriptor("I").unwrap(), FieldType::Int);
        assert_eq!(parse_field_descriptor("Z").unwrap(), FieldType::Boolean);
        assert_eq!(
            parse_field_descriptor("Ljava/lang/String;").unwrap(),
            obj("java/lang/String")
        );
        let arr = parse_field_descriptor("[[J").unwrap();
        assert_eq!(
            arr,
            FieldType::Array(Box::new(FieldType::Array(Box::new(FieldType::Long))))
        );
        assert_eq!(arr.descriptor(), "[[J");
        assert!(arr.is_reference());
        assert!(!arr.is_wide());
        assert!(FieldType::Double.is_wide());
    }

    #[test]
    fn parses_method_descriptors() {
        let d = parse_method_descriptor("(IJ[Ljava/lang/Object;D)V").unwrap();
        assert_eq!(d.params.len(), 4);
        assert_eq!(d.ret, None);
        assert_eq!(d.arg_slots(), 6);
        let d = parse_method_descriptor("()Ljava/lang/String;").unwrap();
        assert!(d.params.is_empty());
        assert_eq!(d.ret, Some(obj("java/lang/String")));
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "V",
            "X",
            "II",
            "L;",
            "Ljava/lang/String",
            "La.b;",
            "La//b;",
            "[",
            "L/a;",
        ] {
            assert!(parse_field_descriptor(bad).is_err(), "{bad}");
        }
        for bad in [
            "", "I", "(", "(V)V", "()", "()VV", "(I", "()[V", "(L;)V", ")V",
        ] {
            assert!(parse_method_descriptor(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn array_dimension_limit() {
        let ok = format!("{}I", "[".repeat(255));
        assert!(parse_field_descriptor(&ok).is_ok());
        let bad = format!("{}I", "[".repeat(256));
        let e = parse_field_descriptor(&bad).unwrap_err();
        assert!(e.message.contains("255"));
    }

    #[test]
    fn non_ascii_names() {
        let t = parse_field_descriptor("Lé/ü;").unwrap();
        assert_eq!(t.descriptor(), "Lé/ü;");
    }
}
