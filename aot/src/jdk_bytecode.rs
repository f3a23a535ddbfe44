//! Class files of compiled JDK classes, embedded so that the run-time interpreter can run
//! the methods the closed-world analysis pruned (`runtime/src/interp/library.rs`).
//!
//! A class defined at run time may call any JDK method, but only the methods reachable from
//! `main` are compiled. When the program can define classes at run time (the condition of
//! [`crate::annotation_roots::defines_classes`]: `ClassLoader.defineClass1` reachable and a
//! program class loader or `URLClassLoader` instantiated), every JDK class that has a
//! descriptor in the executable and declares a method with code that was not compiled gets
//! its class file embedded as a resource named [`contract::JDK_CLASS_PREFIX`] + `name.class`,
//! compressed with raw DEFLATE. The interpreter then runs a pruned method's bytecode against
//! the compiled class (its layout, statics, vtable and compiled methods).
//!
//! Invariants:
//! - Nothing is embedded for programs that cannot define classes (hello world pays nothing).
//! - The bytes are the ones the compiler read (SDK shadows first, then the JDK's modules:
//!   [`ClassPath::find`] order), so the interpreted code matches the compiled layout.
//! - JDK classes that were not loaded at build time are embedded when an embedded class's
//!   constant pool names them (transitively): the interpreter defines them in the boot loader
//!   on first use. Any other JDK class that was not loaded is absent at run time, and
//!   interpreted JDK code that uses one fails loudly.

use crate::classfile::{ClassFile, Constant};
use crate::classpath::ClassPath;
use crate::contract;
use crate::program::{ClassKind, Program};
use crate::reach::Reachability;
use crate::resources::Resource;
use std::collections::BTreeSet;

/// DEFLATE level: the best ratio (the bytes are compressed once per build; measured on a
/// dyn/ program, level 9 costs about 0.1 s more than level 6).
const LEVEL: u8 = 9;

/// Internal names of the JDK classes whose class files are embedded (sorted): the compiled
/// JDK classes with pruned methods, and the closure of the JDK classes their constant pools
/// name that the build did not load (the interpreter defines those in the boot loader).
pub fn classes_to_embed(program: &Program, reach: &Reachability) -> Vec<String> {
    if !crate::annotation_roots::defines_classes(reach, program) {
        return Vec::new();
    }
    let compiled: Vec<&crate::program::Class> = program
        .classes
        .iter()
        .filter(|c| c.in_jdk && c.layout.is_some() && c.file.is_some())
        .filter(|c| matches!(c.kind, ClassKind::Instance | ClassKind::Interface))
        .filter(|c| !program.is_synthesized(&c.name))
        .filter(|c| {
            c.methods.iter().any(|&m| {
                let method = program.method(m);
                !method.is_abstract() && !method.is_native() && !reach.methods.contains(&m)
            })
        })
        .collect();
    let mut names: BTreeSet<String> = compiled.iter().map(|c| c.name.clone()).collect();
    let mut queue: Vec<std::sync::Arc<ClassFile>> =
        compiled.iter().filter_map(|c| c.file.clone()).collect();
    while let Some(file) = queue.pop() {
        for name in named_classes(&file) {
            if names.contains(&name) || program.lookup(&name).is_some() {
                continue;
            }
            let Some(Ok(found)) = program.classpath().find(&name) else {
                continue;
            };
            if found.user {
                continue;
            }
            if let Ok(parsed) = crate::classfile::parse_class(&found.bytes) {
                names.insert(name);
                queue.push(std::sync::Arc::new(parsed));
            }
        }
    }
    names.into_iter().collect()
}

/// The classes a class file's constant pool names (array element classes included).
fn named_classes(file: &ClassFile) -> Vec<String> {
    (1..file.cp.len() as u16)
        .filter(|&i| matches!(file.cp.get(i), Ok(Constant::Class(_))))
        .filter_map(|i| file.cp.class_name(i).ok())
        .filter_map(|n| {
            let element = n.trim_start_matches('[');
            if element.len() == n.len() {
                Some(n.to_string())
            } else {
                element
                    .strip_prefix('L')
                    .and_then(|e| e.strip_suffix(';'))
                    .map(str::to_string)
            }
        })
        .collect()
}

/// Adds the compressed class files of `classes` to `resources` (kept sorted by name).
/// Returns the number of bytes added.
pub fn embed(
    classpath: &ClassPath,
    classes: &[String],
    resources: &mut Vec<Resource>,
) -> Result<usize, String> {
    let mut added = 0;
    for name in classes {
        let Some(found) = classpath.find(name) else {
            continue;
        };
        let class = found.map_err(|e| format!("cannot embed JDK class {name}: {e}"))?;
        let bytes = miniz_oxide::deflate::compress_to_vec(&class.bytes, LEVEL);
        added += bytes.len();
        resources.push(Resource {
            name: format!("{}{name}.class", contract::JDK_CLASS_PREFIX),
            bytes,
        });
    }
    resources.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(added)
}
