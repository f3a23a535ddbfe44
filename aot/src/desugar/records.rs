//! `ObjectMethods.bootstrap` (record `toString`, `hashCode`, `equals`) expanded into static
//! methods with the call site's descriptor, with the results `java.lang.runtime.ObjectMethods`
//! produces: `Name[a=1, b=x]`, `31 * h + hash(c)` over the components, component-wise
//! equality (`Float.compare`/`Double.compare` for floating point, `Objects.equals` for
//! references).

use super::builder::{op, Asm, ClassBuilder};
use super::convert::{letter, wrapper};
use crate::classfile::access;
use crate::classfile::descriptor::{parse_field_descriptor, FieldType};
use crate::classfile::ClassFile;

/// One record component as the bootstrap names it: its getter field.
pub struct Component {
    /// Field name.
    pub name: String,
    /// Field descriptor.
    pub descriptor: String,
}

/// The record method requested.
pub struct RecordSite<'a> {
    /// "toString", "hashCode" or "equals".
    pub method: &'a str,
    /// The site's descriptor.
    pub desc: &'a str,
    /// The record class.
    pub record: &'a str,
    /// The record's simple name (for toString).
    pub simple_name: &'a str,
    /// Components in declaration order.
    pub components: Vec<Component>,
}

/// Synthesizes the class with the static method `invoke` implementing the site.
pub fn synthesize(site: &RecordSite<'_>, class_name: &str) -> Result<ClassFile, String> {
    let mut cb = ClassBuilder::new(class_name, "java/lang/Object", vec![]);
    let mut asm = Asm::default();
    match site.method {
        "toString" => to_string(&mut cb, &mut asm, site)?,
        "hashCode" => hash_code(&mut cb, &mut asm, site)?,
        "equals" => equals(&mut cb, &mut asm, site)?,
        other => {
            return Err(format!(
                "ObjectMethods.bootstrap for unknown method {other}"
            ))
        }
    }
    cb.method(access::PUBLIC | access::STATIC, "invoke", site.desc, asm);
    Ok(cb.build())
}

fn field_type(c: &Component) -> Result<FieldType, String> {
    parse_field_descriptor(&c.descriptor).map_err(|e| e.to_string())
}

fn get(cb: &mut ClassBuilder, asm: &mut Asm, site: &RecordSite<'_>, slot: u16, c: &Component) {
    let f = cb.field_ref(site.record, &c.name, &c.descriptor);
    asm.load(b'L', slot).op_u2(op::GETFIELD, f);
}

fn to_string(cb: &mut ClassBuilder, asm: &mut Asm, site: &RecordSite<'_>) -> Result<(), String> {
    const SB: &str = "java/lang/StringBuilder";
    let sb = cb.class(SB);
    let init = cb.method_ref(SB, "<init>", "()V", false);
    asm.op_u2(op::NEW, sb)
        .op(op::DUP)
        .op_u2(op::INVOKESPECIAL, init);
    let append_str = cb.method_ref(
        SB,
        "append",
        "(Ljava/lang/String;)Ljava/lang/StringBuilder;",
        false,
    );
    let mut text = format!("{}[", site.simple_name);
    for (i, c) in site.components.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&c.name);
        text.push('=');
        let s = cb.string(&text.encode_utf16().collect::<Vec<_>>());
        asm.op_u2(op::LDC_W, s).op_u2(op::INVOKEVIRTUAL, append_str);
        text.clear();
        get(cb, asm, site, 0, c);
        let t = field_type(c)?;
        let desc = super::concat::append_descriptor(&t);
        let m = cb.method_ref(SB, "append", desc, false);
        asm.op_u2(op::INVOKEVIRTUAL, m);
    }
    text.push(']');
    let s = cb.string(&text.encode_utf16().collect::<Vec<_>>());
    asm.op_u2(op::LDC_W, s).op_u2(op::INVOKEVIRTUAL, append_str);
    let ts = cb.method_ref(SB, "toString", "()Ljava/lang/String;", false);
    asm.op_u2(op::INVOKEVIRTUAL, ts).op(op::ARETURN);
    Ok(())
}

fn hash_code(cb: &mut ClassBuilder, asm: &mut Asm, site: &RecordSite<'_>) -> Result<(), String> {
    asm.op(op::ICONST_0);
    for c in &site.components {
        let t = field_type(c)?;
        let thirty_one = cb.int(31);
        asm.op_u2(op::LDC_W, thirty_one).op(op::IMUL);
        get(cb, asm, site, 0, c);
        let m = match wrapper(&t) {
            Some((w, _)) => cb.method_ref(w, "hashCode", &format!("({})I", t.descriptor()), false),
            None => cb.method_ref(
                "java/util/Objects",
                "hashCode",
                "(Ljava/lang/Object;)I",
                false,
            ),
        };
        asm.op_u2(op::INVOKESTATIC, m).op(op::IADD);
    }
    asm.op(op::IRETURN);
    Ok(())
}

fn equals(cb: &mut ClassBuilder, asm: &mut Asm, site: &RecordSite<'_>) -> Result<(), String> {
    let rec = cb.class(site.record);
    let not_equal = asm.label();
    asm.load(b'L', 1)
        .op_u2(op::INSTANCEOF, rec)
        .branch(op::IFEQ, not_equal);
    asm.load(b'L', 1).op_u2(op::CHECKCAST, rec).astore(2);
    for c in &site.components {
        let t = field_type(c)?;
        get(cb, asm, site, 0, c);
        get(cb, asm, site, 2, c);
        match t {
            FieldType::Float | FieldType::Double | FieldType::Long => {
                let m = match t {
                    FieldType::Float => {
                        Some(cb.method_ref("java/lang/Float", "compare", "(FF)I", false))
                    }
                    FieldType::Double => {
                        Some(cb.method_ref("java/lang/Double", "compare", "(DD)I", false))
                    }
                    _ => None,
                };
                match m {
                    Some(m) => asm.op_u2(op::INVOKESTATIC, m),
                    None => asm.op(op::LCMP),
                };
                asm.branch(op::IFNE, not_equal);
            }
            _ if letter(&t) == b'L' => {
                let m = cb.method_ref(
                    "java/util/Objects",
                    "equals",
                    "(Ljava/lang/Object;Ljava/lang/Object;)Z",
                    false,
                );
                asm.op_u2(op::INVOKESTATIC, m).branch(op::IFEQ, not_equal);
            }
            _ => {
                asm.branch(op::IF_ICMPNE, not_equal);
            }
        }
    }
    asm.op(op::ICONST_1).op(op::IRETURN);
    asm.place(not_equal).op(op::ICONST_0).op(op::IRETURN);
    Ok(())
}
