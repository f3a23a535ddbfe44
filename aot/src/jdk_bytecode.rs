//! Class files of compiled JDK classes, embedded so that the run-time interpreter can run
//! the methods the closed-world analysis pruned (`runtime/src/interp/library.rs`).
//!
//! A class defined at run time may call any JDK method, but only the methods reachable from
//! `main` are compiled. When the program can define classes at run time (the condition of
//! [`crate::annotation_roots::defines_classes`]: `ClassLoader.defineClass1` reachable and a
//! program class loader or `URLClassLoader` instantiated), every JDK class that has a
//! descriptor in the executable and declares a method with code that was not compiled gets
//! its class file embedded, compressed with raw DEFLATE in blocks of several classes (see
//! [`embed`] for the resources). The interpreter then runs a pruned method's bytecode against
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

/// DEFLATE level: the best ratio (the bytes are compressed once per build).
const LEVEL: u8 = 9;

/// Uncompressed size at which a block of class files is closed. Compressing blocks instead
/// of single files saves about a quarter (java.base, 2,800 classes: 4.7 → 3.6 MB); the
/// interpreter inflates a whole block (about a millisecond) for its first class.
const BLOCK: usize = 64 * 1024;

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

/// Adds the class files of `classes` to `resources` (kept sorted by name): consecutive
/// classes (sorted by name, so mostly of one package) concatenated into blocks of at least
/// [`BLOCK`] bytes, each compressed, named [`contract::JDK_BLOCK_PREFIX`] + its number; and
/// per class an index entry [`contract::JDK_CLASS_PREFIX`] + `name.class` holding three
/// little-endian `u32`s: block number, offset and length in the uncompressed block.
/// Returns the number of bytes added.
pub fn embed(
    classpath: &ClassPath,
    classes: &[String],
    resources: &mut Vec<Resource>,
) -> Result<usize, String> {
    let mut added = 0;
    let mut block: Vec<u8> = Vec::new();
    let mut blocks = 0u32;
    for name in classes {
        let Some(found) = classpath.find(name) else {
            continue;
        };
        let class = found.map_err(|e| format!("cannot embed JDK class {name}: {e}"))?;
        let mut index = Vec::with_capacity(12);
        for v in [blocks, block.len() as u32, class.bytes.len() as u32] {
            index.extend_from_slice(&v.to_le_bytes());
        }
        added += index.len();
        resources.push(Resource {
            name: format!("{}{name}.class", contract::JDK_CLASS_PREFIX),
            bytes: index,
        });
        block.extend_from_slice(&class.bytes);
        if block.len() >= BLOCK {
            added += push_block(&mut block, &mut blocks, resources);
        }
    }
    added += push_block(&mut block, &mut blocks, resources);
    resources.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(added)
}

/// Compresses `block` (when not empty) into resource number `*blocks`, which is then
/// incremented; empties `block`. Returns the compressed size.
fn push_block(block: &mut Vec<u8>, blocks: &mut u32, resources: &mut Vec<Resource>) -> usize {
    if block.is_empty() {
        return 0;
    }
    let bytes = miniz_oxide::deflate::compress_to_vec(block, LEVEL);
    let size = bytes.len();
    resources.push(Resource {
        name: format!("{}{:05}", contract::JDK_BLOCK_PREFIX, *blocks),
        bytes,
    });
    block.clear();
    *blocks += 1;
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(resources: &[Resource], name: &str) -> (usize, usize, usize) {
        let r = resources
            .iter()
            .find(|r| r.name == format!("{}{name}.class", contract::JDK_CLASS_PREFIX))
            .expect("index entry");
        let w = |i: usize| u32::from_le_bytes(r.bytes[4 * i..4 * i + 4].try_into().unwrap());
        (w(0) as usize, w(1) as usize, w(2) as usize)
    }

    #[test]
    fn class_files_come_back_from_their_blocks() {
        let mut cp = ClassPath::new();
        let names: Vec<String> = (0..40).map(|i| format!("p/C{i:02}")).collect();
        // 40 files of 3,000 bytes: two blocks of 64 KB or more would need 22 files each.
        for (i, n) in names.iter().enumerate() {
            let bytes: Vec<u8> = (0..3000).map(|k| ((k * 7 + i) % 251) as u8).collect();
            cp.add_bytes_with_role(n, bytes, "test", false);
        }
        let mut resources = vec![Resource {
            name: "a.txt".into(),
            bytes: vec![1],
        }];
        embed(&cp, &names, &mut resources).unwrap();
        assert!(resources.windows(2).all(|w| w[0].name < w[1].name));
        let blocks: Vec<&Resource> = resources
            .iter()
            .filter(|r| r.name.starts_with(contract::JDK_BLOCK_PREFIX))
            .collect();
        assert_eq!(blocks.len(), 2);
        for (i, n) in names.iter().enumerate() {
            let (b, off, len) = index_of(&resources, n);
            let inflated = miniz_oxide::inflate::decompress_to_vec(&blocks[b].bytes).unwrap();
            let expected: Vec<u8> = (0..3000).map(|k| ((k * 7 + i) % 251) as u8).collect();
            assert_eq!(&inflated[off..off + len], &expected[..], "{n}");
        }
    }
}
