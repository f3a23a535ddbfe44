//! The top-level `ClassFile` structure (JVMS §4.1, §4.5, §4.6).
//!
//! Invariants of a successful parse: the magic and version are supported; the whole input was
//! consumed; `this_class`, `super_class` and interfaces resolve to class names; every field
//! and method descriptor is well formed; a method has a `Code` attribute exactly when it is
//! neither `abstract` nor `native`. Errors carry the class name once `this_class` is known and
//! the method (`name(descriptor)`) for failures inside a method.

use super::annotations::{read_annotations, read_element_value, read_parameter_annotations};
use super::attributes::{
    class_ref, read_attributes, read_bootstrap_methods, read_class_list, read_code,
    read_enclosing_method, read_inner_classes, read_record, utf8_ref,
};
use super::constant_pool::ConstantPool;
use super::descriptor::{is_valid_class_name, parse_field_descriptor, parse_method_descriptor};
use super::error::ClassFormatError;
use super::reader::Reader;
use super::{access, ClassFile, FieldInfo, MethodInfo};

/// The class-file magic number.
pub const MAGIC: u32 = 0xCAFE_BABE;
/// Oldest supported major version (JDK 1.1).
pub const MIN_MAJOR: u16 = 45;
/// Newest supported major version (Java 17).
pub const MAX_MAJOR: u16 = 61;
/// Maximum number of argument slots including `this` (JVMS §4.3.3).
const MAX_ARG_SLOTS: usize = 255;

/// Parses a complete class file.
pub fn parse_class(bytes: &[u8]) -> Result<ClassFile, ClassFormatError> {
    let mut r = Reader::new(bytes);
    let (minor, major) = read_header(&mut r)?;
    let cp = ConstantPool::read(&mut r)?;
    let access = r.u2("access flags")?;
    let at = r.offset();
    let name = class_ref(&mut r, &cp, "this_class")?;
    if !is_valid_class_name(&name) {
        return Err(ClassFormatError::at(
            at,
            format!("invalid class name `{name}`"),
        ));
    }
    read_body(&mut r, cp, minor, major, access, &name).map_err(|e| e.with_class(&name))
}

fn read_header(r: &mut Reader<'_>) -> Result<(u16, u16), ClassFormatError> {
    let magic = r.u4("magic")?;
    if magic != MAGIC {
        return Err(ClassFormatError::at(
            0,
            format!("bad magic 0x{magic:08X} (expected 0xCAFEBABE)"),
        ));
    }
    let minor = r.u2("minor version")?;
    let major = r.u2("major version")?;
    if !(MIN_MAJOR..=MAX_MAJOR).contains(&major) {
        return Err(ClassFormatError::at(
            6,
            format!(
                "unsupported class file version {major}.{minor} \
                 (supported major versions {MIN_MAJOR} to {MAX_MAJOR}, i.e. up to Java 17)"
            ),
        ));
    }
    Ok((minor, major))
}

fn read_body(
    r: &mut Reader<'_>,
    cp: ConstantPool,
    minor: u16,
    major: u16,
    access: u16,
    name: &str,
) -> Result<ClassFile, ClassFormatError> {
    let super_name = read_super(r, &cp, access, name)?;
    let interfaces = read_class_list(r, &cp, "interface")?;
    let fields = read_fields(r, &cp)?;
    let methods = read_methods(r, &cp)?;
    let mut class = ClassFile {
        minor,
        major,
        access,
        name: name.to_string(),
        super_name,
        interfaces,
        cp: ConstantPool::default(),
        fields,
        methods,
        source_file: None,
        signature: None,
        bootstrap_methods: Vec::new(),
        inner_classes: Vec::new(),
        enclosing_method: None,
        nest_host: None,
        nest_members: Vec::new(),
        permitted_subclasses: Vec::new(),
        record_components: None,
        annotations: Vec::new(),
    };
    read_attributes(r, &cp, CLASS_UNIQUE, |attr, body| {
        class_attribute(&mut class, attr, body, &cp)
    })?;
    r.expect_end("class file")?;
    class.cp = cp;
    Ok(class)
}

fn read_super(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    access: u16,
    name: &str,
) -> Result<Option<String>, ClassFormatError> {
    let at = r.offset();
    let idx = r.u2("super_class")?;
    if idx != 0 {
        let super_name = cp
            .class_name(idx)
            .map_err(|e| e.context("super_class").or_at(at))?;
        return Ok(Some(super_name.to_string()));
    }
    if name == "java/lang/Object" || access & access::MODULE != 0 {
        Ok(None)
    } else {
        Err(ClassFormatError::at(at, "class has no superclass"))
    }
}

const CLASS_UNIQUE: &[&str] = &[
    "SourceFile",
    "Signature",
    "BootstrapMethods",
    "InnerClasses",
    "EnclosingMethod",
    "NestHost",
    "NestMembers",
    "PermittedSubclasses",
    "Record",
    "RuntimeVisibleAnnotations",
];

fn class_attribute(
    class: &mut ClassFile,
    name: &str,
    body: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<bool, ClassFormatError> {
    match name {
        "SourceFile" => class.source_file = Some(utf8_ref(body, cp, "source file")?),
        "Signature" => class.signature = Some(utf8_ref(body, cp, "signature")?),
        "BootstrapMethods" => class.bootstrap_methods = read_bootstrap_methods(body)?,
        "InnerClasses" => class.inner_classes = read_inner_classes(body, cp)?,
        "EnclosingMethod" => class.enclosing_method = Some(read_enclosing_method(body, cp)?),
        "NestHost" => class.nest_host = Some(class_ref(body, cp, "nest host")?),
        "NestMembers" => class.nest_members = read_class_list(body, cp, "nest member")?,
        "PermittedSubclasses" => {
            class.permitted_subclasses = read_class_list(body, cp, "permitted subclass")?
        }
        "Record" => class.record_components = Some(read_record(body, cp)?),
        "RuntimeVisibleAnnotations" => class.annotations = read_annotations(body, cp)?,
        _ => return Ok(false),
    }
    Ok(true)
}

fn read_fields(r: &mut Reader<'_>, cp: &ConstantPool) -> Result<Vec<FieldInfo>, ClassFormatError> {
    let count = usize::from(r.u2("fields count")?);
    r.check_count(count, 8, "field")?;
    (0..count).map(|_| read_field(r, cp)).collect()
}

fn read_field(r: &mut Reader<'_>, cp: &ConstantPool) -> Result<FieldInfo, ClassFormatError> {
    let access = r.u2("field access flags")?;
    let name = utf8_ref(r, cp, "field name")?;
    let at = r.offset();
    let descriptor = utf8_ref(r, cp, "field descriptor")?;
    let in_field = |e: ClassFormatError| e.context(&format!("field {name} {descriptor}"));
    parse_field_descriptor(&descriptor).map_err(|e| in_field(e.or_at(at)))?;
    let mut field = FieldInfo {
        access,
        name: name.clone(),
        descriptor: descriptor.clone(),
        constant_value: None,
        signature: None,
        annotations: Vec::new(),
    };
    let unique = ["ConstantValue", "Signature", "RuntimeVisibleAnnotations"];
    read_attributes(r, cp, &unique, |attr, body| {
        match attr {
            "ConstantValue" => field.constant_value = Some(body.u2("constant value index")?),
            "Signature" => field.signature = Some(utf8_ref(body, cp, "signature")?),
            "RuntimeVisibleAnnotations" => field.annotations = read_annotations(body, cp)?,
            _ => return Ok(false),
        }
        Ok(true)
    })
    .map_err(in_field)?;
    Ok(field)
}

fn read_methods(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
) -> Result<Vec<MethodInfo>, ClassFormatError> {
    let count = usize::from(r.u2("methods count")?);
    r.check_count(count, 8, "method")?;
    (0..count).map(|_| read_method(r, cp)).collect()
}

fn read_method(r: &mut Reader<'_>, cp: &ConstantPool) -> Result<MethodInfo, ClassFormatError> {
    let access = r.u2("method access flags")?;
    let name = utf8_ref(r, cp, "method name")?;
    let at = r.offset();
    let descriptor = utf8_ref(r, cp, "method descriptor")?;
    let mut method = MethodInfo {
        access,
        name,
        descriptor,
        code: None,
        exceptions: Vec::new(),
        signature: None,
        annotations: Vec::new(),
        parameter_annotations: Vec::new(),
        annotation_default: None,
    };
    let result = check_method_descriptor(&method)
        .map_err(|e| e.or_at(at))
        .and_then(|()| read_method_attributes(r, cp, &mut method))
        .and_then(|()| check_code_presence(&method).map_err(|e| e.or_at(at.saturating_sub(4))));
    result.map_err(|e| e.in_member(&method.name, &method.descriptor))?;
    Ok(method)
}

fn check_method_descriptor(method: &MethodInfo) -> Result<(), ClassFormatError> {
    let desc = parse_method_descriptor(&method.descriptor)?;
    let this_slot = usize::from(method.access & access::STATIC == 0);
    let slots = desc.arg_slots().saturating_add(this_slot);
    if slots > MAX_ARG_SLOTS {
        return Err(ClassFormatError::new(format!(
            "method takes {slots} argument slots (limit {MAX_ARG_SLOTS})"
        )));
    }
    Ok(())
}

fn check_code_presence(method: &MethodInfo) -> Result<(), ClassFormatError> {
    let bodiless = method.access & (access::ABSTRACT | access::NATIVE) != 0;
    match (bodiless, method.code.is_some()) {
        (true, true) => Err(ClassFormatError::new(
            "abstract or native method has a Code attribute",
        )),
        (false, false) => Err(ClassFormatError::new(
            "method is neither abstract nor native but has no Code attribute",
        )),
        _ => Ok(()),
    }
}

const METHOD_UNIQUE: &[&str] = &[
    "Code",
    "Exceptions",
    "Signature",
    "RuntimeVisibleAnnotations",
    "RuntimeVisibleParameterAnnotations",
    "AnnotationDefault",
];

fn read_method_attributes(
    r: &mut Reader<'_>,
    cp: &ConstantPool,
    method: &mut MethodInfo,
) -> Result<(), ClassFormatError> {
    read_attributes(r, cp, METHOD_UNIQUE, |attr, body| {
        match attr {
            "Code" => method.code = Some(read_code(body, cp)?),
            "Exceptions" => method.exceptions = read_class_list(body, cp, "exception")?,
            "Signature" => method.signature = Some(utf8_ref(body, cp, "signature")?),
            "RuntimeVisibleAnnotations" => method.annotations = read_annotations(body, cp)?,
            "RuntimeVisibleParameterAnnotations" => {
                method.parameter_annotations = read_parameter_annotations(body, cp)?
            }
            "AnnotationDefault" => {
                method.annotation_default = Some(read_element_value(body, cp, 0)?)
            }
            _ => return Ok(false),
        }
        Ok(true)
    })
}
