//! What a program that reads annotations reflectively needs kept alive.
//!
//! Reading annotations goes through the JDK's `sun.reflect.annotation.AnnotationParser`
//! (see `sdk/java.base/java/lang/Class.java`). Once any of its methods is reachable (which
//! `Method.invoke` alone achieves, through `Reflection.isCallerSensitive`) and the program
//! has annotations to read (a program class with runtime-visible annotations, or an
//! annotation type named by a class literal in program code), annotations are *kept*: the
//! compiler emits the runtime-visible annotations of
//!
//! - every program (non-JDK) class: class, field, method, constructor, parameter and
//!   record-component annotations and annotation-element defaults;
//! - every annotation type (JDK ones included): its class annotations (the meta-annotations
//!   `@Retention`, `@Inherited`, `@Repeatable`, `@Target`, `@Documented` that
//!   `AnnotationType` reads) and its element defaults.
//!
//! JDK classes that are not annotation types keep none (a documented gap: reflecting on a
//! JDK member's annotations finds none). For every type those annotations use:
//! annotation types get a proxy class `[type]` (`proxies::request`: annotation instances are
//! proxies), enum types are initialized with `values()` reachable (`Enum.valueOf`), class
//! literals are loaded, and the array classes of array-valued elements of enum or annotation
//! type are instantiated (`AnnotationParser` creates them with `Array.newInstance`).
//!
//! Classes defined at run time (once the program can define classes: [`defines_classes`]) may carry
//! annotations of types the compiled program never uses itself: annotations are then kept
//! whenever the parser is reachable, every annotation type of the program gets its proxy
//! class, and so do the JDK's runtime-retained annotation types that plain code uses
//! ([`RUNTIME_JDK_ANNOTATIONS`]). The interpreter builds the annotation metadata of those
//! classes (`runtime/src/interp/annotations.rs`).
//!
//! Invariants: each class is examined once; newly loaded classes are examined in the same
//! call; [`extend`] reports whether it added anything (the analysis runs to a fixpoint).

use crate::annotation_encode::{referenced_types, value_types};
use crate::classfile::access;
use crate::program::{ClassId, Program};
use crate::reach::Reachability;
use std::collections::HashSet;

const PARSER: &str = "sun/reflect/annotation/AnnotationParser";

/// JDK annotation types with runtime retention that annotate ordinary classes and members
/// (the meta-annotations `@Retention` & co. are kept through the annotation types that use
/// them): their proxies exist whenever classes can be defined at run time.
pub const RUNTIME_JDK_ANNOTATIONS: &[&str] = &[
    "java/lang/Deprecated",
    "java/lang/FunctionalInterface",
    "java/lang/SafeVarargs",
];

/// Annotation keep-alive state.
#[derive(Default)]
pub struct AnnotationState {
    /// True once the program can read annotations: the compiler then emits them.
    pub enabled: bool,
    processed: HashSet<ClassId>,
    /// Annotation types whose proxy class was requested for classes defined at run time.
    proxied_for_loaders: HashSet<ClassId>,
}

/// Are `c`'s annotations emitted (when annotations are kept)?
pub fn keeps_annotations(program: &Program, c: ClassId) -> bool {
    let class = program.class(c);
    class.file.is_some()
        && !program.is_synthesized(&class.name)
        && (!class.in_jdk || class.access() & access::ANNOTATION != 0)
}

fn parser_reachable(reach: &Reachability, program: &Program) -> bool {
    program.lookup(PARSER).is_some_and(|p| {
        program
            .class(p)
            .methods
            .iter()
            .any(|m| reach.methods.contains(m))
    })
}

/// Does the program have annotations to read: a program class with runtime-visible
/// annotations, or an annotation type named by a class literal in program code (reading
/// the meta-annotations of a JDK annotation type)?
fn program_uses_annotations(reach: &Reachability, program: &Program) -> bool {
    if defines_classes(reach, program) {
        return true;
    }
    let named = reach.proxies.literal_interfaces.iter().any(|n| {
        program
            .lookup(n)
            .is_some_and(|c| program.class(c).access() & access::ANNOTATION != 0)
    });
    named
        || program.classes.iter().any(|class| {
            !class.in_jdk
                && class.file.as_ref().is_some_and(|f| {
                    !f.annotations.is_empty()
                        || f.fields.iter().any(|x| !x.annotations.is_empty())
                        || f.methods.iter().any(|m| {
                            !m.annotations.is_empty()
                                || m.parameter_annotations.iter().any(|p| !p.is_empty())
                        })
                        || f.record_components
                            .iter()
                            .flatten()
                            .any(|r| !r.annotations.is_empty())
                })
        })
}

/// Can the program define classes at run time (whose annotations the program may read)?
/// True once `ClassLoader.defineClass1` is reachable and a class loader the program can
/// hand class files to is instantiated: a program class or the SDK's `URLClassLoader`. (The
/// JDK's own built-in loaders make `defineClass1` reachable in every program, but they
/// never define classes in a roast executable.)
pub fn defines_classes(reach: &Reachability, program: &Program) -> bool {
    let Some(loader) = program.lookup("java/lang/ClassLoader") else {
        return false;
    };
    let url_loader = program.lookup("java/net/URLClassLoader");
    crate::reflective_roots::reachable(reach, program, "java/lang/ClassLoader", "defineClass1")
        && reach.instantiated.iter().any(|&c| {
            (Some(c) == url_loader || !program.class(c).in_jdk) && program.is_subtype(c, loader)
        })
}

/// Keeps what the annotations of newly examined classes need; true when something changed.
pub fn extend(reach: &mut Reachability, program: &mut Program) -> bool {
    if !reach.annotations.enabled {
        if !parser_reachable(reach, program) || !program_uses_annotations(reach, program) {
            return false;
        }
        reach.annotations.enabled = true;
    }
    let before = reach.methods.len() + reach.instantiated.len() + program.classes.len();
    if defines_classes(reach, program) {
        keep_annotation_types_for_loaders(reach, program);
    }
    let mut i = 0;
    while i < program.classes.len() {
        let c = ClassId(i as u32);
        i += 1;
        if !reach.annotations.processed.insert(c) || !keeps_annotations(program, c) {
            continue;
        }
        for t in used_types(program, c) {
            keep_type(reach, program, &t);
        }
    }
    reach.methods.len() + reach.instantiated.len() + program.classes.len() != before
}

/// Proxy classes for every annotation type of the program and for
/// [`RUNTIME_JDK_ANNOTATIONS`]: classes defined at run time may use any of them.
fn keep_annotation_types_for_loaders(reach: &mut Reachability, program: &mut Program) {
    for name in RUNTIME_JDK_ANNOTATIONS {
        let _ = program.load(name);
    }
    let candidates: Vec<ClassId> = (0..program.classes.len() as u32)
        .map(ClassId)
        .filter(|&c| {
            let class = program.class(c);
            class.is_interface()
                && class.access() & access::ANNOTATION != 0
                && (!class.in_jdk || RUNTIME_JDK_ANNOTATIONS.contains(&class.name.as_str()))
                && !reach.annotations.proxied_for_loaders.contains(&c)
        })
        .collect();
    for c in candidates {
        reach.annotations.proxied_for_loaders.insert(c);
        let descriptor = format!("L{};", program.class(c).name);
        keep_type(reach, program, &descriptor);
    }
}

/// Descriptors of every type the kept annotations of `c` use, plus, for an annotation type,
/// its elements' return types.
fn used_types(program: &Program, c: ClassId) -> Vec<String> {
    let Some(file) = program.class(c).file.clone() else {
        return vec![];
    };
    let mut out = Vec::new();
    referenced_types(&file.annotations, &mut out);
    if program.class(c).in_jdk {
        // An annotation type of the JDK: only its meta-annotations and defaults are kept.
        for m in &file.methods {
            if let Some(d) = &m.annotation_default {
                value_types(d, &mut out);
            }
        }
    } else {
        for f in &file.fields {
            referenced_types(&f.annotations, &mut out);
        }
        for rc in file.record_components.iter().flatten() {
            referenced_types(&rc.annotations, &mut out);
        }
        for m in &file.methods {
            referenced_types(&m.annotations, &mut out);
            for p in &m.parameter_annotations {
                referenced_types(p, &mut out);
            }
            if let Some(d) = &m.annotation_default {
                value_types(d, &mut out);
            }
        }
    }
    if file.access & access::ANNOTATION != 0 {
        for m in &file.methods {
            if let Some(ret) = m.descriptor.strip_prefix("()") {
                out.push(ret.to_string());
            }
        }
    }
    out
}

/// Keeps one type named by a field descriptor (see the module docs).
fn keep_type(reach: &mut Reachability, program: &mut Program, descriptor: &str) {
    let element = descriptor.trim_start_matches('[');
    let Some(name) = element.strip_prefix('L').and_then(|s| s.strip_suffix(';')) else {
        return;
    };
    let Ok(c) = program.load(name) else { return };
    let access = program.class(c).access();
    if descriptor.starts_with('[') && access & (access::ENUM | access::ANNOTATION) != 0 {
        if let Ok(array) = program.load(descriptor) {
            reach.instantiate(program, array);
        }
    }
    if access & access::ANNOTATION != 0 && program.class(c).is_interface() {
        crate::proxies::request(reach, program, vec![name.to_string()]);
    } else if access & access::ENUM != 0 {
        reach.initialize(program, c);
        let values = format!("()[L{name};");
        if let Some(m) = program.declared_method(c, "values", &values) {
            reach.add_root(program, m);
        }
    }
}
