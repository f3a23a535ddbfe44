//! The closed-world program model: every class the build can see, loaded on demand from the
//! class path, with typed IDs for classes and methods, plus member resolution (JVMS §5.4.3).
//!
//! Invariants:
//! - A `ClassId` is an index into `Program::classes`; it is never removed.
//! - When a class is loaded, its superclass and superinterfaces are loaded first (or the class
//!   is recorded as broken with the reason, and never used for code generation).
//! - Array and primitive classes are synthesized; they have no class file.

pub mod layout;
pub mod resolve;

use crate::classfile::{self, access, ClassFile};
use crate::classpath::ClassPath;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Index of a class in [`Program::classes`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ClassId(pub u32);

/// Index of a method in [`Program::methods`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct MethodId(pub u32);

/// What sort of class a [`Class`] is.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassKind {
    /// An ordinary (possibly abstract) class.
    Instance,
    /// An interface.
    Interface,
    /// An array; the element descriptor letter (`contract::elem`) and the component class.
    Array {
        /// Descriptor letter of the element type.
        elem: u8,
        /// The component class.
        component: ClassId,
    },
    /// A primitive type's class (`int`, `void`, ...), with its descriptor letter.
    Primitive(u8),
}

/// A class of the program.
#[derive(Clone)]
pub struct Class {
    /// Internal name ("java/lang/String", "[I", "int").
    pub name: String,
    /// What sort of class.
    pub kind: ClassKind,
    /// The parsed class file (None for arrays and primitives).
    pub file: Option<Arc<ClassFile>>,
    /// Where it was loaded from.
    pub origin: String,
    /// True for classes of the JDK class library (and the SDK shadows).
    pub in_jdk: bool,
    /// Superclass.
    pub super_class: Option<ClassId>,
    /// Direct superinterfaces.
    pub interfaces: Vec<ClassId>,
    /// Declared methods, in class-file order.
    pub methods: Vec<MethodId>,
    /// Object layout, dispatch tables: filled by [`layout`].
    pub layout: Option<layout::ClassLayout>,
}

impl Class {
    /// Access flags (synthesized classes are public final).
    pub fn access(&self) -> u16 {
        match &self.file {
            Some(f) => f.access,
            None if matches!(self.kind, ClassKind::Array { .. } | ClassKind::Primitive(_)) => {
                access::PUBLIC | access::FINAL | access::ABSTRACT
            }
            None => access::PUBLIC | access::FINAL,
        }
    }

    /// Is this an interface?
    pub fn is_interface(&self) -> bool {
        self.kind == ClassKind::Interface
    }

    /// Is this an array class?
    pub fn is_array(&self) -> bool {
        matches!(self.kind, ClassKind::Array { .. })
    }

    /// The class's `<clinit>`, when it has one.
    pub fn has_clinit(&self) -> bool {
        self.file.as_ref().is_some_and(|f| {
            f.method("<clinit>", "()V")
                .is_some_and(|m| m.code.is_some())
        })
    }

    /// Is this an interface that declares a non-abstract, non-static method (a default or
    /// private instance method)? Initializing a class initializes such superinterfaces
    /// (JVMS §5.5 step 7).
    pub fn declares_default_methods(&self) -> bool {
        use crate::classfile::access;
        self.is_interface()
            && self.file.as_ref().is_some_and(|f| {
                f.methods
                    .iter()
                    .any(|m| m.access & (access::ABSTRACT | access::STATIC) == 0)
            })
    }
}

/// A method of the program.
#[derive(Clone)]
pub struct Method {
    /// Declaring class.
    pub class: ClassId,
    /// Index into the declaring class file's `methods`, or None for synthesized methods.
    pub index: usize,
    /// Name.
    pub name: String,
    /// Descriptor.
    pub descriptor: String,
    /// Access flags.
    pub access: u16,
}

impl Method {
    /// Is the method static?
    pub fn is_static(&self) -> bool {
        self.access & access::STATIC != 0
    }
    /// Is the method abstract?
    pub fn is_abstract(&self) -> bool {
        self.access & access::ABSTRACT != 0
    }
    /// Is the method native?
    pub fn is_native(&self) -> bool {
        self.access & access::NATIVE != 0
    }
    /// Is the method private?
    pub fn is_private(&self) -> bool {
        self.access & access::PRIVATE != 0
    }
    /// Does it take part in virtual dispatch (JVMS §5.4.5)?
    pub fn is_virtual(&self) -> bool {
        !self.is_static() && !self.is_private() && !self.name.starts_with('<')
    }
}

/// Why a class could not be loaded.
#[derive(Clone, Debug)]
pub struct LoadFailure {
    /// The class that was wanted.
    pub class: String,
    /// The reason (a missing class becomes NoClassDefFoundError at run time).
    pub reason: String,
    /// True when the class simply does not exist (NoClassDefFoundError); false when the class
    /// file was malformed (ClassFormatError, fatal at build time for user classes).
    pub missing: bool,
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class.replace('/', "."), self.reason)
    }
}

/// All classes the build can see. A clone shares the class path and the parsed class files;
/// the parallel lowering gives each worker thread its own clone.
#[derive(Clone)]
pub struct Program {
    classpath: Arc<ClassPath>,
    /// Classes by ID.
    pub classes: Vec<Class>,
    /// Methods by ID.
    pub methods: Vec<Method>,
    by_name: HashMap<String, Result<ClassId, LoadFailure>>,
    /// Class files synthesized by the compiler (lambdas, concatenation), by name.
    synthesized: HashMap<String, Arc<ClassFile>>,
}

impl Program {
    /// A program reading classes from `classpath`.
    pub fn new(classpath: ClassPath) -> Program {
        Program {
            classpath: Arc::new(classpath),
            classes: Vec::new(),
            methods: Vec::new(),
            by_name: HashMap::new(),
            synthesized: HashMap::new(),
        }
    }

    /// The class path.
    pub fn classpath(&self) -> &ClassPath {
        &self.classpath
    }

    /// The class with this ID.
    pub fn class(&self, id: ClassId) -> &Class {
        &self.classes[id.0 as usize]
    }

    /// The method with this ID.
    pub fn method(&self, id: MethodId) -> &Method {
        &self.methods[id.0 as usize]
    }

    /// The parsed class file of a method's class and the method's info.
    pub fn method_info(&self, id: MethodId) -> Option<&classfile::MethodInfo> {
        let m = self.method(id);
        self.class(m.class).file.as_ref()?.methods.get(m.index)
    }

    /// Registers a class file made by the compiler; it is loaded like any other.
    pub fn add_synthesized(&mut self, file: ClassFile) {
        self.synthesized.insert(file.name.clone(), Arc::new(file));
    }

    /// Was class `name` synthesized by the compiler (see [`Program::add_synthesized`])?
    pub fn is_synthesized(&self, name: &str) -> bool {
        self.synthesized.contains_key(name)
    }

    /// The ID of an already loaded class.
    pub fn lookup(&self, name: &str) -> Option<ClassId> {
        match self.by_name.get(name) {
            Some(Ok(id)) => Some(*id),
            _ => None,
        }
    }

    /// Loads a class (and its supertypes) by internal name or array descriptor.
    pub fn load(&mut self, name: &str) -> Result<ClassId, LoadFailure> {
        if let Some(r) = self.by_name.get(name) {
            return r.clone();
        }
        let result = self.load_uncached(name);
        self.by_name.insert(name.to_string(), result.clone());
        result
    }

    fn load_uncached(&mut self, name: &str) -> Result<ClassId, LoadFailure> {
        if let Some(elem) = name.strip_prefix('[') {
            return self.load_array(name, elem);
        }
        if let Some(letter) = primitive_letter(name) {
            return Ok(self.push_class(Class {
                name: name.to_string(),
                kind: ClassKind::Primitive(letter),
                file: None,
                origin: "<primitive>".into(),
                in_jdk: true,
                super_class: None,
                interfaces: vec![],
                methods: vec![],
                layout: None,
            }));
        }
        let (file, origin, in_jdk) = self.read_class_file(name)?;
        if file.name != name {
            return Err(LoadFailure {
                class: name.to_string(),
                reason: format!(
                    "{origin} contains class {} (wrong name)",
                    file.name.replace('/', ".")
                ),
                missing: true,
            });
        }
        self.link_class(file, origin, in_jdk)
    }

    fn read_class_file(
        &mut self,
        name: &str,
    ) -> Result<(Arc<ClassFile>, String, bool), LoadFailure> {
        if let Some(f) = self.synthesized.get(name) {
            return Ok((f.clone(), "<generated>".to_string(), false));
        }
        let fail = |reason: String, missing: bool| LoadFailure {
            class: name.to_string(),
            reason,
            missing,
        };
        let found = match self.classpath.find(name) {
            None => return Err(fail("class not found on the class path".into(), true)),
            Some(Err(e)) => return Err(fail(e.to_string(), false)),
            Some(Ok(b)) => b,
        };
        let in_jdk = !found.user;
        match classfile::parse_class(&found.bytes) {
            Ok(f) => Ok((Arc::new(f), found.origin, in_jdk)),
            Err(e) => Err(fail(format!("{}: {e}", found.origin), false)),
        }
    }

    fn link_class(
        &mut self,
        file: Arc<ClassFile>,
        origin: String,
        in_jdk: bool,
    ) -> Result<ClassId, LoadFailure> {
        let name = file.name.clone();
        // Guard against circularity: a class that (indirectly) extends itself.
        self.by_name.insert(
            name.clone(),
            Err(LoadFailure {
                class: name.clone(),
                reason: "class circularity".into(),
                missing: false,
            }),
        );
        let super_class = match &file.super_name {
            Some(s) => Some(self.load(s).map_err(|e| LoadFailure {
                class: name.clone(),
                ..e
            })?),
            None => None,
        };
        let mut interfaces = Vec::new();
        for i in &file.interfaces {
            interfaces.push(self.load(i).map_err(|e| LoadFailure {
                class: name.clone(),
                ..e
            })?);
        }
        let kind = if file.access & access::INTERFACE != 0 {
            ClassKind::Interface
        } else {
            ClassKind::Instance
        };
        let id = self.push_class(Class {
            name: name.clone(),
            kind,
            file: Some(file.clone()),
            origin,
            in_jdk,
            super_class,
            interfaces,
            methods: vec![],
            layout: None,
        });
        let mut methods = Vec::new();
        for (index, m) in file.methods.iter().enumerate() {
            let mid = MethodId(self.methods.len() as u32);
            self.methods.push(Method {
                class: id,
                index,
                name: m.name.clone(),
                descriptor: m.descriptor.clone(),
                access: m.access,
            });
            methods.push(mid);
        }
        self.classes[id.0 as usize].methods = methods;
        Ok(id)
    }

    fn load_array(&mut self, name: &str, elem: &str) -> Result<ClassId, LoadFailure> {
        let (letter, component) = if let Some(obj) = elem.strip_prefix('L') {
            let inner = obj.strip_suffix(';').ok_or_else(|| LoadFailure {
                class: name.to_string(),
                reason: "malformed array descriptor".into(),
                missing: true,
            })?;
            (b'L', self.load(inner)?)
        } else if elem.starts_with('[') {
            (b'L', self.load(elem)?)
        } else {
            let prim = match elem {
                "Z" => "boolean",
                "B" => "byte",
                "C" => "char",
                "S" => "short",
                "I" => "int",
                "J" => "long",
                "F" => "float",
                "D" => "double",
                _ => {
                    return Err(LoadFailure {
                        class: name.to_string(),
                        reason: "malformed array descriptor".into(),
                        missing: true,
                    })
                }
            };
            (elem.as_bytes()[0], self.load(prim)?)
        };
        let object = self.load("java/lang/Object")?;
        let cloneable = self.load("java/lang/Cloneable")?;
        let serializable = self.load("java/io/Serializable")?;
        Ok(self.push_class(Class {
            name: name.to_string(),
            kind: ClassKind::Array {
                elem: letter,
                component,
            },
            file: None,
            origin: "<array>".into(),
            in_jdk: self.class(component).in_jdk,
            super_class: Some(object),
            interfaces: vec![cloneable, serializable],
            methods: vec![],
            layout: None,
        }))
    }

    fn push_class(&mut self, class: Class) -> ClassId {
        let id = ClassId(self.classes.len() as u32);
        self.by_name.insert(class.name.clone(), Ok(id));
        self.classes.push(class);
        id
    }

    /// Is `sub` the same as, or a subclass / subinterface / implementor of, `sup`?
    pub fn is_subtype(&self, sub: ClassId, sup: ClassId) -> bool {
        if sub == sup {
            return true;
        }
        let c = self.class(sub);
        if let (
            ClassKind::Array {
                elem: b'L',
                component: a,
            },
            ClassKind::Array {
                elem: b'L',
                component: b,
            },
        ) = (&c.kind, &self.class(sup).kind)
        {
            return self.is_subtype(*a, *b);
        }
        c.super_class.is_some_and(|s| self.is_subtype(s, sup))
            || c.interfaces.iter().any(|&i| self.is_subtype(i, sup))
    }

    /// The superinterfaces that initializing class `id` initializes after its superclass
    /// (JVMS §5.5 step 7): those declaring default methods, each after its own
    /// superinterfaces, in the order of the interfaces arrays.
    pub fn initialized_superinterfaces(&self, id: ClassId) -> Vec<ClassId> {
        let mut out = Vec::new();
        if !self.class(id).is_interface() {
            for &i in &self.class(id).interfaces {
                self.collect_default_interfaces(i, &mut out);
            }
        }
        out
    }

    fn collect_default_interfaces(&self, id: ClassId, out: &mut Vec<ClassId>) {
        for &i in &self.class(id).interfaces {
            self.collect_default_interfaces(i, out);
        }
        if self.class(id).declares_default_methods() && !out.contains(&id) {
            out.push(id);
        }
    }

    /// Every interface `id` implements, transitively, each once, supertypes after subtypes.
    pub fn all_interfaces(&self, id: ClassId) -> Vec<ClassId> {
        let mut out = Vec::new();
        self.collect_interfaces(id, &mut out);
        out
    }

    fn collect_interfaces(&self, id: ClassId, out: &mut Vec<ClassId>) {
        let c = self.class(id);
        for &i in &c.interfaces {
            if !out.contains(&i) {
                out.push(i);
            }
            self.collect_interfaces(i, out);
        }
        if let Some(s) = c.super_class {
            self.collect_interfaces(s, out);
        }
    }

    /// Declared method of a class by name and descriptor.
    pub fn declared_method(&self, class: ClassId, name: &str, desc: &str) -> Option<MethodId> {
        self.class(class)
            .methods
            .iter()
            .copied()
            .find(|&m| self.method(m).name == name && self.method(m).descriptor == desc)
    }

    /// "java.lang.String.charAt(I)C" style name for messages.
    pub fn method_display(&self, id: MethodId) -> String {
        let m = self.method(id);
        format!(
            "{}.{}{}",
            self.class(m.class).name.replace('/', "."),
            m.name,
            m.descriptor
        )
    }
}

/// Descriptor letter of a primitive class name.
pub fn primitive_letter(name: &str) -> Option<u8> {
    Some(match name {
        "boolean" => b'Z',
        "byte" => b'B',
        "char" => b'C',
        "short" => b'S',
        "int" => b'I',
        "long" => b'J',
        "float" => b'F',
        "double" => b'D',
        "void" => b'V',
        _ => return None,
    })
}
