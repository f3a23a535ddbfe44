//! `StringConcatFactory.makeConcatWithConstants` / `makeConcat` (the `+` on strings since
//! Java 9) expanded into a static method that appends every piece to a `StringBuilder`.
//!
//! Invariant: arguments are converted exactly as the JDK does (`String.valueOf` semantics,
//! left to right); recipe constants become literal text.

use super::builder::{op, Asm, ClassBuilder};
use super::convert::{letter, slots};
use crate::classfile::constant_pool::Loadable;
use crate::classfile::descriptor::{parse_method_descriptor, FieldType};
use crate::classfile::ClassFile;

const SB: &str = "java/lang/StringBuilder";

/// The `append` overload `StringBuilder` uses for a value of type `t`.
pub(super) fn append_descriptor(t: &FieldType) -> &'static str {
    match t {
        FieldType::Boolean => "(Z)Ljava/lang/StringBuilder;",
        FieldType::Char => "(C)Ljava/lang/StringBuilder;",
        FieldType::Byte | FieldType::Short | FieldType::Int => "(I)Ljava/lang/StringBuilder;",
        FieldType::Long => "(J)Ljava/lang/StringBuilder;",
        FieldType::Float => "(F)Ljava/lang/StringBuilder;",
        FieldType::Double => "(D)Ljava/lang/StringBuilder;",
        FieldType::Object(n) if n == "java/lang/String" => {
            "(Ljava/lang/String;)Ljava/lang/StringBuilder;"
        }
        _ => "(Ljava/lang/Object;)Ljava/lang/StringBuilder;",
    }
}

/// One piece of the result.
enum Piece {
    Text(Vec<u16>),
    Arg(usize),
}

fn constant_text(file: &ClassFile, idx: u16) -> Result<Vec<u16>, String> {
    let text = match file.cp.loadable(idx).map_err(|e| e.to_string())? {
        Loadable::String(s) => return Ok(s.to_vec()),
        Loadable::Int(v) => v.to_string(),
        Loadable::Long(v) => v.to_string(),
        Loadable::Class(n) => format!("class {}", n.replace('/', ".")),
        _ => return Err("unsupported string concatenation constant".into()),
    };
    Ok(text.encode_utf16().collect())
}

fn pieces(
    file: &ClassFile,
    recipe: Option<&[u16]>,
    consts: &[u16],
    nargs: usize,
) -> Result<Vec<Piece>, String> {
    let Some(recipe) = recipe else {
        return Ok((0..nargs).map(Piece::Arg).collect());
    };
    let (mut out, mut text, mut arg, mut next_const) = (Vec::new(), Vec::new(), 0, 0);
    for &c in recipe {
        match c {
            1 | 2 => {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                if c == 1 {
                    out.push(Piece::Arg(arg));
                    arg += 1;
                } else {
                    let idx = *consts
                        .get(next_const)
                        .ok_or("missing concatenation constant")?;
                    out.push(Piece::Text(constant_text(file, idx)?));
                    next_const += 1;
                }
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(out)
}

/// Synthesizes `static String concat(args)` for a concatenation site.
pub fn synthesize(
    file: &ClassFile,
    class_name: &str,
    desc: &str,
    recipe: Option<&[u16]>,
    consts: &[u16],
) -> Result<ClassFile, String> {
    let md = parse_method_descriptor(desc).map_err(|e| e.to_string())?;
    let pieces = pieces(file, recipe, consts, md.params.len())?;
    let mut cb = ClassBuilder::new(class_name, "java/lang/Object", vec![]);
    let mut asm = Asm::default();
    let sb = cb.class(SB);
    let init = cb.method_ref(SB, "<init>", "()V", false);
    asm.op_u2(op::NEW, sb)
        .op(op::DUP)
        .op_u2(op::INVOKESPECIAL, init);
    let mut offsets = Vec::new();
    let mut slot = 0u16;
    for p in &md.params {
        offsets.push(slot);
        slot += slots(p);
    }
    for piece in pieces {
        let append = match piece {
            Piece::Text(t) => {
                let s = cb.string(&t);
                asm.op_u2(op::LDC_W, s);
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;"
            }
            Piece::Arg(i) => {
                let t = md
                    .params
                    .get(i)
                    .ok_or("recipe names more arguments than the call site has")?;
                asm.load(letter(t), offsets[i]);
                append_descriptor(t)
            }
        };
        let m = cb.method_ref(SB, "append", append, false);
        asm.op_u2(op::INVOKEVIRTUAL, m);
    }
    let to_string = cb.method_ref(SB, "toString", "()Ljava/lang/String;", false);
    asm.op_u2(op::INVOKEVIRTUAL, to_string).op(op::ARETURN);
    cb.method(
        crate::classfile::access::PUBLIC | crate::classfile::access::STATIC,
        "concat",
        desc,
        asm,
    );
    Ok(cb.build())
}
