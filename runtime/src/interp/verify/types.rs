//! Verification types (JVMS §4.10.1.2) and their assignability, as the type checker sees
//! them: HotSpot's representation, where `long` and `double` take two entries (the value
//! and a second-half marker) both in locals and on the operand stack.
//!
//! Invariants:
//! - A well-formed frame never has `Long2`/`Double2` without its first half right below
//!   (locals: right before) it; the transfer functions keep this.
//! - Reference types are named by internal name (`java/lang/String`) or array descriptor
//!   (`[I`, `[Ljava/lang/String;`). Assignability between class names needs class loading,
//!   which the [`Hierarchy`] supplies; interfaces are treated as `java/lang/Object` (JVMS
//!   §4.10.1.2), except that arrays are only assignable to `Cloneable` and `Serializable`.
//! - Pure (no runtime state): unit-tested in `aot/tests/interp_core.rs`, which includes it.

use crate::classfile::stack_map::VerificationType;
use crate::classfile::FieldType;

/// A verification type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VType {
    /// `top`: unusable (also the default of unset locals).
    Top,
    /// `int` (and boolean, byte, char, short).
    Int,
    /// `float`.
    Float,
    /// First half of a `long`.
    Long,
    /// Second half of a `long`.
    Long2,
    /// First half of a `double`.
    Double,
    /// Second half of a `double`.
    Double2,
    /// The `null` type.
    Null,
    /// `this` in a constructor before `super(...)`/`this(...)`.
    UninitializedThis,
    /// An object made by the `new` at this pc, not yet initialized.
    Uninitialized(u16),
    /// An initialized class or array type.
    Ref(String),
}

/// Where class loading happens during verification: answers subclass questions by name.
pub trait Hierarchy {
    /// Is `name` an interface? `Err` when it cannot be loaded (exception pending).
    fn is_interface(&mut self, name: &str) -> Result<bool, Failed>;
    /// Is class `sub` a subclass of (or equal to) class `sup`? Both are loaded.
    fn is_subclass(&mut self, sub: &str, sup: &str) -> Result<bool, Failed>;
    /// JVMS §4.10.1.8: is `class` a superclass of the class being verified whose member
    /// `name`/`desc` (found from `class` upwards) is protected and declared in another
    /// run-time package?
    fn protected_elsewhere(
        &mut self,
        class: &str,
        name: &str,
        desc: &str,
        is_method: bool,
    ) -> Result<bool, Failed>;
}

/// Verification stopped because an exception is pending (a class failed to load).
#[derive(Debug)]
pub struct Failed;

impl VType {
    /// The verification type of a value of field type `t` (first half for wide types).
    pub fn of_field(t: &FieldType) -> VType {
        match t {
            FieldType::Byte
            | FieldType::Char
            | FieldType::Int
            | FieldType::Short
            | FieldType::Boolean => VType::Int,
            FieldType::Float => VType::Float,
            FieldType::Long => VType::Long,
            FieldType::Double => VType::Double,
            FieldType::Object(n) => VType::Ref(n.clone()),
            FieldType::Array(_) => VType::Ref(t.descriptor()),
        }
    }

    /// The type as a stack map frame lists it.
    pub fn of_stack_map(t: &VerificationType) -> VType {
        match t {
            VerificationType::Top => VType::Top,
            VerificationType::Integer => VType::Int,
            VerificationType::Float => VType::Float,
            VerificationType::Long => VType::Long,
            VerificationType::Double => VType::Double,
            VerificationType::Null => VType::Null,
            VerificationType::UninitializedThis => VType::UninitializedThis,
            VerificationType::Object(n) => VType::Ref(n.clone()),
            VerificationType::Uninitialized(pc) => VType::Uninitialized(*pc),
        }
    }

    /// The second half of a wide type, if it is one.
    pub fn second_half(&self) -> Option<VType> {
        match self {
            VType::Long => Some(VType::Long2),
            VType::Double => Some(VType::Double2),
            _ => None,
        }
    }

    /// Is it the second half of a wide type?
    pub fn is_second_half(&self) -> bool {
        matches!(self, VType::Long2 | VType::Double2)
    }

    /// Any reference, initialized or not (HotSpot's `reference_check`).
    pub fn is_reference(&self) -> bool {
        matches!(
            self,
            VType::Null | VType::UninitializedThis | VType::Uninitialized(_) | VType::Ref(_)
        )
    }

    /// Is it an array type (by descriptor)?
    pub fn is_array(&self) -> bool {
        matches!(self, VType::Ref(n) if n.starts_with('['))
    }

    /// The component type of an array type (`None` if it is not one).
    pub fn component(&self) -> Option<VType> {
        let VType::Ref(n) = self else { return None };
        let c = n.strip_prefix('[')?;
        crate::classfile::descriptor::parse_field_descriptor(c)
            .ok()
            .map(|t| VType::of_field(&t))
    }

    /// HotSpot's name of the type in error messages (`'java/lang/String'`, `integer`, ...).
    pub fn describe(&self) -> String {
        match self {
            VType::Top => "top".into(),
            VType::Int => "integer".into(),
            VType::Float => "float".into(),
            VType::Long => "long".into(),
            VType::Long2 => "long_2nd".into(),
            VType::Double => "double".into(),
            VType::Double2 => "double_2nd".into(),
            VType::Null => "null".into(),
            VType::UninitializedThis => "uninitializedThis".into(),
            VType::Uninitialized(pc) => format!("uninitialized({pc})"),
            VType::Ref(n) => format!("'{n}'"),
        }
    }
}

/// Is a value of type `from` assignable to `to` (JVMS §4.10.1.2 `isAssignable`)?
pub fn assignable(from: &VType, to: &VType, h: &mut dyn Hierarchy) -> Result<bool, Failed> {
    if from == to || *to == VType::Top {
        return Ok(true);
    }
    match (from, to) {
        (VType::Null, VType::Ref(_)) => Ok(true),
        (VType::Ref(f), VType::Ref(t)) => reference_assignable(f, t, h),
        _ => Ok(false),
    }
}

/// Assignability between two (initialized) reference type names.
pub fn reference_assignable(from: &str, to: &str, h: &mut dyn Hierarchy) -> Result<bool, Failed> {
    if from == to || to == "java/lang/Object" {
        return Ok(true);
    }
    if let Some(to_elem) = to.strip_prefix('[') {
        let Some(from_elem) = from.strip_prefix('[') else {
            return Ok(false);
        };
        return match (element_class(from_elem), element_class(to_elem)) {
            (Some(f), Some(t)) => reference_assignable(f, t, h),
            _ => Ok(from_elem == to_elem),
        };
    }
    if h.is_interface(to)? {
        return Ok(!from.starts_with('[')
            || to == "java/lang/Cloneable"
            || to == "java/io/Serializable");
    }
    if from.starts_with('[') {
        return Ok(false);
    }
    h.is_subclass(from, to)
}

/// The reference name of an array component descriptor (`Lx;` → `x`, `[..` stays), or
/// `None` for a primitive component.
fn element_class(elem: &str) -> Option<&str> {
    if elem.starts_with('[') {
        Some(elem)
    } else {
        elem.strip_prefix('L').and_then(|e| e.strip_suffix(';'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `A <: B`, `I` an interface; everything else unknown.
    struct Toy;
    impl Hierarchy for Toy {
        fn is_interface(&mut self, name: &str) -> Result<bool, Failed> {
            Ok(name == "I" || name == "java/lang/Cloneable")
        }
        fn is_subclass(&mut self, sub: &str, sup: &str) -> Result<bool, Failed> {
            Ok(sub == sup || (sub == "A" && sup == "B"))
        }
        fn protected_elsewhere(
            &mut self,
            _: &str,
            _: &str,
            _: &str,
            _: bool,
        ) -> Result<bool, Failed> {
            Ok(false)
        }
    }

    fn r(n: &str) -> VType {
        VType::Ref(n.into())
    }

    #[test]
    fn assignability_follows_jvms() {
        let h = &mut Toy;
        assert!(assignable(&r("A"), &r("B"), h).unwrap());
        assert!(!assignable(&r("B"), &r("A"), h).unwrap());
        assert!(assignable(&r("B"), &r("I"), h).unwrap());
        assert!(assignable(&VType::Null, &r("[I"), h).unwrap());
        assert!(assignable(&r("[LA;"), &r("[LB;"), h).unwrap());
        assert!(assignable(&r("[[LA;"), &r("[Ljava/lang/Object;"), h).unwrap());
        assert!(!assignable(&r("[I"), &r("[J"), h).unwrap());
        assert!(!assignable(&r("[I"), &r("[Ljava/lang/Object;"), h).unwrap());
        assert!(assignable(&r("[I"), &r("java/lang/Cloneable"), h).unwrap());
        assert!(!assignable(&r("[I"), &r("I"), h).unwrap());
        assert!(!assignable(&VType::Int, &VType::Float, h).unwrap());
        assert!(assignable(&VType::Long2, &VType::Top, h).unwrap());
        assert!(!assignable(&VType::Uninitialized(3), &r("java/lang/Object"), h).unwrap());
        assert!(!assignable(&VType::UninitializedThis, &r("A"), h).unwrap());
    }
}
