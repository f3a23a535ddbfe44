//! Symbolic reference resolution (JVMS §5.4.3): fields, class methods and interface methods.
//!
//! Resolution failures are values, not errors of the build: HotSpot raises them lazily when
//! the instruction runs, so the code generator turns them into a throw at that site.

use super::{ClassId, MethodId, Program};
use crate::contract::error_kind;

/// A resolution failure, raised at run time where the reference is used.
#[derive(Clone, Debug)]
pub struct ResolveError {
    /// One of `contract::error_kind`.
    pub kind: i32,
    /// HotSpot-style message.
    pub message: String,
}

impl ResolveError {
    fn new(kind: i32, message: String) -> ResolveError {
        ResolveError { kind, message }
    }
}

/// A resolved field reference.
#[derive(Clone, Debug)]
pub struct FieldRef {
    /// The class that declares the field.
    pub class: ClassId,
    /// Field name.
    pub name: String,
    /// Field descriptor.
    pub descriptor: String,
    /// Whether it is static.
    pub is_static: bool,
}

impl Program {
    /// Loads a class named by a constant-pool reference, as a resolution error on failure.
    pub fn resolve_class(&mut self, name: &str) -> Result<ClassId, ResolveError> {
        self.load(name).map_err(|e| {
            let missing = if e.class == name {
                name.to_string()
            } else {
                e.class.clone()
            };
            ResolveError::new(error_kind::NO_CLASS_DEF, missing)
        })
    }

    /// Field resolution (JVMS §5.4.3.2): the class, its superinterfaces, then superclasses.
    pub fn resolve_field(
        &mut self,
        class: &str,
        name: &str,
        desc: &str,
    ) -> Result<FieldRef, ResolveError> {
        let c = self.resolve_class(class)?;
        match self.find_field(c, name, desc) {
            Some((owner, is_static)) => Ok(FieldRef {
                class: owner,
                name: name.into(),
                descriptor: desc.into(),
                is_static,
            }),
            None => Err(ResolveError::new(
                error_kind::NO_SUCH_FIELD,
                name.to_string(),
            )),
        }
    }

    fn find_field(&self, c: ClassId, name: &str, desc: &str) -> Option<(ClassId, bool)> {
        let class = self.class(c);
        if let Some(file) = &class.file {
            if let Some(f) = file.field(name, desc) {
                return Some((c, f.access & crate::classfile::access::STATIC != 0));
            }
        }
        for &i in &class.interfaces {
            if let Some(r) = self.find_field(i, name, desc) {
                return Some(r);
            }
        }
        class
            .super_class
            .and_then(|s| self.find_field(s, name, desc))
    }

    /// Method resolution (JVMS §5.4.3.3 / §5.4.3.4). `interface` says whether the reference was
    /// an InterfaceMethodref.
    pub fn resolve_method(
        &mut self,
        class: &str,
        name: &str,
        desc: &str,
        interface: bool,
    ) -> Result<MethodId, ResolveError> {
        let c = self.resolve_class(class)?;
        let is_iface = self.class(c).is_interface();
        if is_iface != interface && !self.class(c).is_array() {
            let what = if is_iface { "interface" } else { "class" };
            return Err(ResolveError::new(
                error_kind::INCOMPATIBLE_CLASS_CHANGE,
                format!(
                    "Found {what} {}, but {} was expected",
                    class.replace('/', "."),
                    if is_iface { "class" } else { "interface" }
                ),
            ));
        }
        let found = if is_iface {
            self.declared_method(c, name, desc)
                .or_else(|| self.object_method(name, desc))
                .or_else(|| self.superinterface_method(c, name, desc))
        } else {
            self.superclass_method(c, name, desc)
                .or_else(|| self.superinterface_method(c, name, desc))
        };
        found.ok_or_else(|| {
            ResolveError::new(
                error_kind::NO_SUCH_METHOD,
                format!("'{}'", self.method_signature_text(class, name, desc)),
            )
        })
    }

    fn object_method(&mut self, name: &str, desc: &str) -> Option<MethodId> {
        let object = self.load("java/lang/Object").ok()?;
        self.declared_method(object, name, desc).filter(|&m| {
            let meth = self.method(m);
            meth.access & crate::classfile::access::PUBLIC != 0 && !meth.is_static()
        })
    }

    fn superclass_method(&self, c: ClassId, name: &str, desc: &str) -> Option<MethodId> {
        let mut cur = Some(c);
        while let Some(k) = cur {
            if let Some(m) = self.declared_method(k, name, desc) {
                return Some(m);
            }
            if let Some(m) = self.signature_polymorphic(k, name) {
                return Some(m);
            }
            cur = self.class(k).super_class;
        }
        None
    }

    /// `MethodHandle.invoke*` and the `VarHandle` access methods match any descriptor.
    fn signature_polymorphic(&self, k: ClassId, name: &str) -> Option<MethodId> {
        let cname = &self.class(k).name;
        if cname != "java/lang/invoke/MethodHandle" && cname != "java/lang/invoke/VarHandle" {
            return None;
        }
        self.class(k).methods.iter().copied().find(|&m| {
            let meth = self.method(m);
            meth.name == name
                && meth.is_native()
                && meth.access & crate::classfile::access::VARARGS != 0
        })
    }

    fn superinterface_method(&self, c: ClassId, name: &str, desc: &str) -> Option<MethodId> {
        let mut candidates = Vec::new();
        for iface in self.all_interfaces(c) {
            if let Some(m) = self.declared_method(iface, name, desc) {
                let meth = self.method(m);
                if !meth.is_static() && !meth.is_private() {
                    candidates.push(m);
                }
            }
        }
        // Prefer a maximally specific non-abstract method, else any candidate.
        let specific: Vec<MethodId> = candidates
            .iter()
            .copied()
            .filter(|&a| {
                !candidates
                    .iter()
                    .any(|&b| b != a && self.is_subtype(self.method(b).class, self.method(a).class))
            })
            .collect();
        specific
            .iter()
            .copied()
            .find(|&m| !self.method(m).is_abstract())
            .or_else(|| specific.first().copied())
    }

    /// HotSpot's rendering of a method in NoSuchMethodError: "void a.B.m(int)".
    pub fn method_signature_text(&self, class: &str, name: &str, desc: &str) -> String {
        match crate::classfile::descriptor::parse_method_descriptor(desc) {
            Ok(d) => {
                let params: Vec<String> = d.params.iter().map(java_type_name).collect();
                let ret = d.ret.as_ref().map_or("void".to_string(), java_type_name);
                format!(
                    "{ret} {}.{name}({})",
                    class.replace('/', "."),
                    params.join(", ")
                )
            }
            Err(_) => format!("{}.{name}{desc}", class.replace('/', ".")),
        }
    }
}

/// Java source name of a field type ("int", "java.lang.String[]").
pub fn java_type_name(t: &crate::classfile::descriptor::FieldType) -> String {
    use crate::classfile::descriptor::FieldType as T;
    match t {
        T::Byte => "byte".into(),
        T::Char => "char".into(),
        T::Double => "double".into(),
        T::Float => "float".into(),
        T::Int => "int".into(),
        T::Long => "long".into(),
        T::Short => "short".into(),
        T::Boolean => "boolean".into(),
        T::Object(n) => n.replace('/', "."),
        T::Array(e) => format!("{}[]", java_type_name(e)),
    }
}
