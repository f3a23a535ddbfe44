//! Attribute framing and the structured attributes of classes, members and code (JVMS §4.7).
//!
//! Invariants:
//! - every attribute body is parsed through a sub-reader bounded by `attribute_length`; an
//!   attribute this module understands must consume its body exactly;
//! - unknown attributes are skipped; known attributes that JVMS allows at most once are
//!   rejected when duplicated (`LineNumberTable`/`LocalVariableTable` may repeat and are merged);
//! - constant-pool names are resolved while parsing, and errors from the pool are located at
//!   the class-file offset of the index that failed.

use super::annotations::{read_annotations, Annotation};
use super::constant_pool::ConstantPool;
use super::error::ClassFormatError;
use super::reader::Reader;
use super::stack_map::{read_stack_map, StackMapFrame};

/// The `Code` attribute of a method (JVMS §4.7.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Maximum operand stack depth.
    pub max_stack: u16,
    /// Number of local variable slots.
    pub max_locals: u16,
    /// The bytecode, 1..=65535 bytes.
    pub code: Vec<u8>,
    /// Exception handlers in table order.
    pub handlers: Vec<ExceptionHandler>,
    /// All `LineNumberTable` entries (merged when several tables are present).
    pub line_numbers: Vec<LineNumber>,
    /// All `LocalVariableTable` entries.
    pub local_variables: Vec<LocalVariable>,
    /// The `StackMapTable`, if present.
    pub stack_map: Option<Vec<StackMapFrame>>,
}

impl Code {
    /// A `Code` attribute made by the compiler (or a test): bytecode and handlers, without
    /// debugging tables or a stack map.
    pub fn new(
        max_stack: u16,
        max_locals: u16,
        code: Vec<u8>,
        handlers: Vec<ExceptionHandler>,
    ) -> Code {
        Code {
            max_stack,
            max_locals,
            code,
            handlers,
            line_numbers: vec![],
            local_variables: vec![],
            stack_map: None,
        }
    }

    /// The source line of the instruction at `pc`: the entry with the greatest
    /// `start_pc <= pc`.
    pub fn line_for_pc(&self, pc: u32) -> Option<u16> {
        self.line_numbers
            .iter()
            .filter(|l| u32::from(l.start_pc) <= pc)
            .max_by_key(|l| l.start_pc)
            .map(|l| l.line)
    }
}

/// One entry of a method's exception table; `start_pc < end_pc <= code.len()` and
/// `handler_pc < code.len()` are checked while parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionHandler {
    /// First pc covered.
    pub start_pc: u16,
    /// First pc not covered.
    pub end_pc: u16,
    /// Start of the handler.
    pub handler_pc: u16,
    /// Internal name of the caught class; `None` catches everything (`finally`).
    pub catch_type: Option<String>,
}

/// One `LineNumberTable` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineNumber {
    /// First pc of the line.
    pub start_pc: u16,
    /// Source line number.
    pub line: u16,
}

/// One `LocalVariableTable` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalVariable {
    /// First pc where the variable is live.
    pub start_pc: u16,
    /// Length of the live range.
    pub length: u16,
    /// Variable name.
    pub name: String,
    /// Field descriptor of the variable.
    pub descriptor: String,
    /// Local slot.
    pub index: u16,
}

/// One entry of the `BootstrapMethods` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootstrapMethod {
    /// Constant-pool index of the `MethodHandle`.
    pub method_handle: u16,
    /// Constant-pool indices of the static arguments (loadable constants).
    pub args: Vec<u16>,
}

/// One `InnerClasses` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InnerClassEntry {
    /// Internal name of the inner class.
    pub inner: String,
    /// Internal name of the outer class, if it is a member class.
    pub outer: Option<String>,
    /// Simple name, `None` for anonymous classes.
    pub simple_name: Option<String>,
    /// Access flags as declared in source.
    pub access: u16,
}

/// The `EnclosingMethod` attribute of a local or anonymous class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnclosingMethod {
    /// Internal name of the innermost enclosing class.
    pub class: String,
    /// `(name, descriptor)` of the enclosing method, if any.
    pub method: Option<(String, String)>,
}

/// One component of the `Record` attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordComponent {
    /// Component name.
    pub name: String,
    /// Field descriptor of the component.
    pub descriptor: String,
    /// Generic signature, if any.
    pub signature: Option<String>,
    /// `RuntimeVisibleAnnotations` of the component.
    pub annotations: Vec<Annotation>,
}

/// Reads a pool index and resolves it as a `CONSTANT_Utf8`.
pub(crate) fn utf8_ref(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    what: &str,
) -> Result<String, ClassFormatError> {
    let at = r.offset();
    let idx = r.u2(what)?;
    cp.utf8(idx)
        .map(str::to_owned)
        .map_err(|e| e.context(what).or_at(at))
}

/// Reads a pool index and resolves it as a `CONSTANT_Class` name.
pub(crate) fn class_ref(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    what: &str,
) -> Result<String, ClassFormatError> {
    let at = r.offset();
    let idx = r.u2(what)?;
    cp.class_name(idx)
        .map(str::to_owned)
        .map_err(|e| e.context(what).or_at(at))
}

/// Like [`class_ref`], but index 0 means "none".
pub(crate) fn opt_class_ref(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    what: &str,
) -> Result<Option<String>, ClassFormatError> {
    let at = r.offset();
    match r.u2(what)? {
        0 => Ok(None),
        idx => cp
            .class_name(idx)
            .map(|s| Some(s.to_owned()))
            .map_err(|e| e.context(what).or_at(at)),
    }
}

/// Like [`utf8_ref`], but index 0 means "none".
fn opt_utf8_ref(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    what: &str,
) -> Result<Option<String>, ClassFormatError> {
    let at = r.offset();
    match r.u2(what)? {
        0 => Ok(None),
        idx => cp
            .utf8(idx)
            .map(|s| Some(s.to_owned()))
            .map_err(|e| e.context(what).or_at(at)),
    }
}

/// Reads `attributes_count` and the attributes, calling `visit(name, body)` for each.
///
/// `visit` returns `true` when it understood the attribute; the body must then be fully
/// consumed. `unique` lists the attributes that may appear at most once.
pub(crate) fn read_attributes<'a>(
    r: &mut Reader<'a>,
    cp: &ConstantPool,
    unique: &[&str],
    mut visit: impl FnMut(&str, &mut Reader<'a>) -> Result<bool, ClassFormatError>,
) -> Result<(), ClassFormatError> {
    let count = usize::from(r.u2("attributes count")?);
    r.check_count(count, 6, "attribute")?;
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..count {
        let at = r.offset();
        let name = utf8_ref(r, cp, "attribute name")?;
        let len = usize::try_from(r.u4("attribute length")?)
            .map_err(|_| ClassFormatError::at(at, "attribute length overflows"))?;
        let mut body = r.sub(len, &format!("{name} attribute"))?;
        if unique.contains(&name.as_str()) {
            if seen.contains(&name) {
                return Err(ClassFormatError::at(
                    at,
                    format!("duplicate {name} attribute"),
                ));
            }
            seen.push(name.clone());
        }
        let known = visit(&name, &mut body).map_err(|e| e.context(&format!("{name} attribute")))?;
        if known {
            body.expect_end(&format!("{name} attribute"))?;
        }
    }
    Ok(())
}

/// Reads a `u2` count followed by that many class references (e.g. `NestMembers`).
pub(crate) fn read_class_list(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    what: &str,
) -> Result<Vec<String>, ClassFormatError> {
    let count = usize::from(r.u2(what)?);
    r.check_count(count, 2, what)?;
    (0..count).map(|_| class_ref(r, cp, what)).collect()
}

/// Reads a `Code` attribute body (JVMS §4.7.3).
pub(crate) fn read_code(r: &mut Reader<'_>, cp: &ConstantPool) -> Result<Code, ClassFormatError> {
    let max_stack = r.u2("max_stack")?;
    let max_locals = r.u2("max_locals")?;
    let at = r.offset();
    let code_len = r.u4("code length")?;
    if !(1..=65535).contains(&code_len) {
        return Err(ClassFormatError::at(
            at,
            format!("code length {code_len} is outside 1..=65535"),
        ));
    }
    let code = r
        .bytes(usize::from(code_len as u16), "code array")?
        .to_vec();
    let handlers = read_exception_table(r, cp, code.len())?;
    let mut code = Code {
        max_stack,
        max_locals,
        code,
        handlers,
        line_numbers: Vec::new(),
        local_variables: Vec::new(),
        stack_map: None,
    };
    read_attributes(r, cp, &["StackMapTable"], |name, body| {
        code_attribute(&mut code, name, body, cp)
    })?;
    Ok(code)
}

fn code_attribute(
    code: &mut Code,
    name: &str,
    body: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<bool, ClassFormatError> {
    match name {
        "LineNumberTable" => code.line_numbers.extend(read_line_numbers(body)?),
        "LocalVariableTable" => code.local_variables.extend(read_local_variables(body, cp)?),
        "StackMapTable" => code.stack_map = Some(read_stack_map(body, cp)?),
        _ => return Ok(false),
    }
    Ok(true)
}

fn read_exception_table(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    code_len: usize,
) -> Result<Vec<ExceptionHandler>, ClassFormatError> {
    let count = usize::from(r.u2("exception table length")?);
    r.check_count(count, 8, "exception table entry")?;
    let mut handlers = Vec::with_capacity(count);
    for _ in 0..count {
        let at = r.offset();
        let start_pc = r.u2("exception table entry")?;
        let end_pc = r.u2("exception table entry")?;
        let handler_pc = r.u2("exception table entry")?;
        let catch_type = opt_class_ref(r, cp, "catch type")?;
        let valid = start_pc < end_pc
            && usize::from(end_pc) <= code_len
            && usize::from(handler_pc) < code_len;
        if !valid {
            return Err(ClassFormatError::at(
                at,
                format!(
                    "invalid exception handler range {start_pc}..{end_pc} -> {handler_pc} \
                     (code length {code_len})"
                ),
            ));
        }
        handlers.push(ExceptionHandler {
            start_pc,
            end_pc,
            handler_pc,
            catch_type,
        });
    }
    Ok(handlers)
}

fn read_line_numbers(r: &mut Reader<'_>) -> Result<Vec<LineNumber>, ClassFormatError> {
    let count = usize::from(r.u2("line number table length")?);
    r.check_count(count, 4, "line number")?;
    (0..count)
        .map(|_| {
            Ok(LineNumber {
                start_pc: r.u2("line number entry")?,
                line: r.u2("line number entry")?,
            })
        })
        .collect()
}

fn read_local_variables(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<LocalVariable>, ClassFormatError> {
    let count = usize::from(r.u2("local variable table length")?);
    r.check_count(count, 10, "local variable")?;
    (0..count)
        .map(|_| {
            Ok(LocalVariable {
                start_pc: r.u2("local variable entry")?,
                length: r.u2("local variable entry")?,
                name: utf8_ref(r, cp, "local variable name")?,
                descriptor: utf8_ref(r, cp, "local variable descriptor")?,
                index: r.u2("local variable entry")?,
            })
        })
        .collect()
}

/// Reads a `BootstrapMethods` body (JVMS §4.7.23).
pub(crate) fn read_bootstrap_methods(
    r: &mut Reader<'_>,
) -> Result<Vec<BootstrapMethod>, ClassFormatError> {
    let count = usize::from(r.u2("bootstrap method count")?);
    r.check_count(count, 4, "bootstrap method")?;
    (0..count)
        .map(|_| {
            let method_handle = r.u2("bootstrap method")?;
            let nargs = usize::from(r.u2("bootstrap argument count")?);
            r.check_count(nargs, 2, "bootstrap argument")?;
            let args = (0..nargs)
                .map(|_| r.u2("bootstrap argument"))
                .collect::<Result<_, _>>()?;
            Ok(BootstrapMethod {
                method_handle,
                args,
            })
        })
        .collect()
}

/// Reads an `InnerClasses` body (JVMS §4.7.6).
pub(crate) fn read_inner_classes(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<InnerClassEntry>, ClassFormatError> {
    let count = usize::from(r.u2("inner class count")?);
    r.check_count(count, 8, "inner class")?;
    (0..count)
        .map(|_| {
            Ok(InnerClassEntry {
                inner: class_ref(r, cp, "inner class")?,
                outer: opt_class_ref(r, cp, "outer class")?,
                simple_name: opt_utf8_ref(r, cp, "inner class name")?,
                access: r.u2("inner class access flags")?,
            })
        })
        .collect()
}

/// Reads an `EnclosingMethod` body (JVMS §4.7.7).
pub(crate) fn read_enclosing_method(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<EnclosingMethod, ClassFormatError> {
    let class = class_ref(r, cp, "enclosing class")?;
    let at = r.offset();
    let method = match r.u2("enclosing method")? {
        0 => None,
        idx => {
            let (name, desc) = cp
                .name_and_type(idx)
                .map_err(|e| e.context("enclosing method").or_at(at))?;
            Some((name.to_owned(), desc.to_owned()))
        }
    };
    Ok(EnclosingMethod { class, method })
}

/// Reads a `Record` body (JVMS §4.7.30).
pub(crate) fn read_record(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<RecordComponent>, ClassFormatError> {
    let count = usize::from(r.u2("record component count")?);
    r.check_count(count, 6, "record component")?;
    (0..count).map(|_| read_record_component(r, cp)).collect()
}

fn read_record_component(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<RecordComponent, ClassFormatError> {
    let mut component = RecordComponent {
        name: utf8_ref(r, cp, "record component name")?,
        descriptor: utf8_ref(r, cp, "record component descriptor")?,
        signature: None,
        annotations: Vec::new(),
    };
    let unique = ["Signature", "RuntimeVisibleAnnotations"];
    read_attributes(r, cp, &unique, |name, body| {
        match name {
            "Signature" => component.signature = Some(utf8_ref(body, cp, "signature")?),
            "RuntimeVisibleAnnotations" => component.annotations = read_annotations(body, cp)?,
            _ => return Ok(false),
        }
        Ok(true)
    })
    .map_err(|e| e.context(&format!("record component {}", component.name)))?;
    Ok(component)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classfile::constant_pool::{decode_modified_utf8, Constant};

    fn cp() -> ConstantPool {
        let utf8 = |s: &str| Constant::Utf8(decode_modified_utf8(s.as_bytes()).unwrap());
        ConstantPool::from_entries(vec![
            Constant::Unusable,
            utf8("LineNumberTable"),
            utf8("java/lang/Exception"),
            Constant::Class(2),
            utf8("Custom"),
            utf8("StackMapTable"),
        ])
    }

    fn code_bytes(code_len: u32, handler: [u16; 4], attrs: &[u8]) -> Vec<u8> {
        let mut b = vec![0, 2, 0, 1];
        b.extend_from_slice(&code_len.to_be_bytes());
        b.extend(std::iter::repeat_n(0, code_len.min(100) as usize));
        b.extend_from_slice(&[0, 1]);
        for h in handler {
            b.extend_from_slice(&h.to_be_bytes());
        }
        b.extend_from_slice(attrs);
        b
    }

    #[test]
    fn parses_code_with_line_numbers() {
        let attrs = [
            0, 3, // three attributes
            0, 1, 0, 0, 0, 10, 0, 2, 0, 0, 0, 7, 0, 3, 0, 9, // LNT (0 -> 7, 3 -> 9)
            0, 4, 0, 0, 0, 2, 0xAB, 0xCD, // unknown attribute, skipped
            0, 1, 0, 0, 0, 6, 0, 1, 0, 1, 0, 8, // second LNT (1 -> 8)
        ];
        let bytes = code_bytes(4, [0, 2, 3, 3], &attrs);
        let code = read_code(&mut Reader::new(&bytes), &cp()).unwrap();
        assert_eq!(code.code.len(), 4);
        assert_eq!(
            code.handlers[0].catch_type.as_deref(),
            Some("java/lang/Exception")
        );
        assert_eq!(code.line_numbers.len(), 3);
        assert_eq!(code.line_for_pc(0), Some(7));
        assert_eq!(code.line_for_pc(2), Some(8));
        assert_eq!(code.line_for_pc(100), Some(9));
    }

    #[test]
    fn rejects_bad_code_attributes() {
        let e = read_code(&mut Reader::new(&code_bytes(0, [0; 4], &[0, 0])), &cp()).unwrap_err();
        assert!(e.message.contains("code length 0"));
        let e = read_code(&mut Reader::new(&code_bytes(70000, [0; 4], &[0, 0])), &cp());
        assert!(e.unwrap_err().message.contains("code length 70000"));
        let e = read_code(
            &mut Reader::new(&code_bytes(4, [2, 2, 0, 0], &[0, 0])),
            &cp(),
        );
        assert!(e.unwrap_err().message.contains("invalid exception handler"));
        let e = read_code(
            &mut Reader::new(&code_bytes(4, [0, 1, 0, 1], &[0, 0])),
            &cp(),
        );
        assert!(e.unwrap_err().message.contains("expected Class"));
        // LineNumberTable whose length leaves a trailing byte.
        let attrs = [0, 1, 0, 1, 0, 0, 0, 3, 0, 0, 0];
        let e = read_code(
            &mut Reader::new(&code_bytes(4, [0, 1, 0, 0], &attrs)),
            &cp(),
        );
        assert!(e.unwrap_err().message.contains("unexpected bytes"));
        // Duplicate StackMapTable.
        let attrs = [0, 2, 0, 5, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0];
        let e = read_code(
            &mut Reader::new(&code_bytes(4, [0, 1, 0, 0], &attrs)),
            &cp(),
        );
        assert!(e.unwrap_err().message.contains("duplicate StackMapTable"));
    }

    #[test]
    fn attribute_length_beyond_end() {
        let bytes = [0, 1, 0, 4, 0xff, 0xff, 0xff, 0xff, 0];
        let e = read_attributes(&mut Reader::new(&bytes), &cp(), &[], |_, _| Ok(false));
        assert!(e
            .unwrap_err()
            .message
            .contains("truncated Custom attribute"));
    }
}
