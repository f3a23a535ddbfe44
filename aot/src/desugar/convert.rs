//! Value conversions between the types of a call site and of a target method, as
//! LambdaMetafactory performs them (JLS boxing, unboxing, primitive widening, reference casts).

use super::builder::{op, Asm, ClassBuilder};
use crate::classfile::descriptor::FieldType;

/// The wrapper class and unboxing method of a primitive type.
pub fn wrapper(t: &FieldType) -> Option<(&'static str, &'static str)> {
    Some(match t {
        FieldType::Boolean => ("java/lang/Boolean", "booleanValue"),
        FieldType::Byte => ("java/lang/Byte", "byteValue"),
        FieldType::Char => ("java/lang/Character", "charValue"),
        FieldType::Short => ("java/lang/Short", "shortValue"),
        FieldType::Int => ("java/lang/Integer", "intValue"),
        FieldType::Long => ("java/lang/Long", "longValue"),
        FieldType::Float => ("java/lang/Float", "floatValue"),
        FieldType::Double => ("java/lang/Double", "doubleValue"),
        _ => return None,
    })
}

/// The primitive type a wrapper class boxes.
fn unwrapped(class: &str) -> Option<FieldType> {
    Some(match class {
        "java/lang/Boolean" => FieldType::Boolean,
        "java/lang/Byte" => FieldType::Byte,
        "java/lang/Character" => FieldType::Char,
        "java/lang/Short" => FieldType::Short,
        "java/lang/Integer" => FieldType::Int,
        "java/lang/Long" => FieldType::Long,
        "java/lang/Float" => FieldType::Float,
        "java/lang/Double" => FieldType::Double,
        _ => return None,
    })
}

/// Descriptor letter ('L' for references).
pub fn letter(t: &FieldType) -> u8 {
    t.letter()
}

/// Stack slots of a value of this type.
pub fn slots(t: &FieldType) -> u16 {
    if t.is_wide() {
        2
    } else {
        1
    }
}

/// The class operand of `checkcast` for a reference type.
pub fn class_operand(t: &FieldType) -> String {
    match t {
        FieldType::Object(n) => n.clone(),
        other => other.descriptor(),
    }
}

fn is_primitive(t: &FieldType) -> bool {
    letter(t) != b'L'
}

/// Emits the conversion of the value on top of the stack from `from` to `to`. `hint` is the
/// instantiated (more precise) type of the value when known, used to pick the wrapper when
/// unboxing an erased reference.
pub fn adapt(
    cb: &mut ClassBuilder,
    asm: &mut Asm,
    from: &FieldType,
    to: &FieldType,
    hint: Option<&FieldType>,
) {
    if from == to {
        return;
    }
    match (is_primitive(from), is_primitive(to)) {
        (true, true) => widen(asm, from, to),
        (true, false) => {
            let (w, _) = wrapper(from).expect("primitive");
            let m = cb.method_ref(
                w,
                "valueOf",
                &format!(
                    "({}){}",
                    from.descriptor(),
                    FieldType::Object(w.into()).descriptor()
                ),
                false,
            );
            asm.op_u2(op::INVOKESTATIC, m);
            if let FieldType::Object(target) = to {
                if target != w && target != "java/lang/Object" {
                    let c = cb.class(target);
                    asm.op_u2(op::CHECKCAST, c);
                }
            }
        }
        (false, true) => {
            let source = match hint.or(Some(from)) {
                Some(FieldType::Object(n)) if unwrapped(n).is_some() => n.clone(),
                _ => wrapper(to).expect("primitive").0.to_string(),
            };
            let prim = unwrapped(&source).expect("wrapper");
            let (_, getter) = wrapper(&prim).expect("primitive");
            let c = cb.class(&source);
            asm.op_u2(op::CHECKCAST, c);
            let m = cb.method_ref(&source, getter, &format!("(){}", prim.descriptor()), false);
            asm.op_u2(op::INVOKEVIRTUAL, m);
            widen(asm, &prim, to);
        }
        (false, false) => {
            let target = class_operand(to);
            if target != "java/lang/Object" {
                let c = cb.class(&target);
                asm.op_u2(op::CHECKCAST, c);
            }
        }
    }
}

/// Primitive widening (JLS §5.1.2); narrower int-like types need no code.
fn widen(asm: &mut Asm, from: &FieldType, to: &FieldType) {
    let code = match (letter(from), letter(to)) {
        (b'B' | b'S' | b'C' | b'I', b'J') => Some(op::I2L),
        (b'B' | b'S' | b'C' | b'I', b'F') => Some(op::I2F),
        (b'B' | b'S' | b'C' | b'I', b'D') => Some(op::I2D),
        (b'J', b'F') => Some(op::L2F),
        (b'J', b'D') => Some(op::L2D),
        (b'F', b'D') => Some(op::F2D),
        _ => None,
    };
    if let Some(c) = code {
        asm.op(c);
    }
}
