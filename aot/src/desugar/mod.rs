//! Compile-time expansion of `invokedynamic` (StringConcatFactory, LambdaMetafactory,
//! ObjectMethods) into ordinary synthesized classes that the rest of the pipeline compiles
//! like user code.
//!
//! Invariant: every site either gets a synthesized static method with exactly the site's
//! descriptor, or an error message that the call site turns into a run-time exception (and a
//! build warning) — never silently wrong code. One synthesized class per (class, constant-pool
//! index): sites sharing an entry share the expansion.

pub mod builder;
mod concat;
mod convert;
mod lambda;
pub mod proxy;
mod records;

use crate::classfile::ClassFile;
use crate::program::{ClassId, MethodId, Program};
use std::sync::Arc;

/// The method that implements the `invokedynamic` at constant-pool index `idx` of `class`.
pub fn invokedynamic(program: &mut Program, class: ClassId, idx: u16) -> Result<MethodId, String> {
    let file = program.class(class).file.clone().ok_or("no class file")?;
    let (bsm_index, name, desc) = file.cp.invoke_dynamic(idx).map_err(|e| e.to_string())?;
    let bsm = file
        .bootstrap_methods
        .get(bsm_index as usize)
        .ok_or_else(|| format!("bootstrap method {bsm_index} missing"))?;
    let (_, handle) = file
        .cp
        .method_handle(bsm.method_handle)
        .map_err(|e| e.to_string())?;
    let args = &bsm.args;
    let (synth, method) = match (handle.class, handle.name) {
        ("java/lang/invoke/StringConcatFactory", "makeConcatWithConstants") => {
            let recipe = file
                .cp
                .string_utf16(*args.first().ok_or("missing recipe")?)
                .map_err(|e| e.to_string())?;
            let n = format!("{}$$Concat${idx}", file.name);
            (
                concat::synthesize(&file, &n, desc, Some(recipe), &args[1..])?,
                "concat",
            )
        }
        ("java/lang/invoke/StringConcatFactory", "makeConcat") => {
            let n = format!("{}$$Concat${idx}", file.name);
            (concat::synthesize(&file, &n, desc, None, &[])?, "concat")
        }
        ("java/lang/invoke/LambdaMetafactory", m @ ("metafactory" | "altMetafactory")) => {
            let site = lambda::LambdaSite {
                file: &file,
                name,
                factory: desc,
                args,
                alt: m == "altMetafactory",
            };
            let n = format!("{}$$Lambda${idx}", file.name);
            (lambda::synthesize(&site, &n)?, "get")
        }
        ("java/lang/runtime/ObjectMethods", "bootstrap") => {
            let n = format!("{}$$Record${idx}", file.name);
            (record_site(program, &file, name, desc, args, &n)?, "invoke")
        }
        (c, m) => {
            return Err(format!(
                "invokedynamic {name}{desc} with bootstrap {}.{m} is not supported yet",
                c.replace('/', ".")
            ))
        }
    };
    let synth_name = synth.name.clone();
    if program.lookup(&synth_name).is_none() {
        program.add_synthesized(synth);
    }
    let c = program.load(&synth_name).map_err(|e| e.to_string())?;
    program
        .declared_method(c, method, desc)
        .ok_or_else(|| format!("internal error: {synth_name} lacks {method}"))
}

fn record_site(
    program: &mut Program,
    file: &ClassFile,
    method: &str,
    desc: &str,
    args: &[u16],
    class_name: &str,
) -> Result<ClassFile, String> {
    let record = file
        .cp
        .class_name(*args.first().ok_or("ObjectMethods: missing record class")?)
        .map_err(|e| e.to_string())?;
    let mut components = Vec::new();
    for &h in args.iter().skip(2) {
        let (_, m) = file.cp.method_handle(h).map_err(|e| e.to_string())?;
        components.push(records::Component {
            name: m.name.to_string(),
            descriptor: m.descriptor.to_string(),
        });
    }
    let rec_file: Option<Arc<ClassFile>> = program
        .load(record)
        .ok()
        .and_then(|c| program.class(c).file.clone());
    let simple = rec_file
        .as_ref()
        .and_then(|f| {
            f.inner_classes
                .iter()
                .find(|e| e.inner == record)
                .and_then(|e| e.simple_name.clone())
        })
        .unwrap_or_else(|| record.rsplit('/').next().unwrap_or(record).to_string());
    let site = records::RecordSite {
        method,
        desc,
        record,
        simple_name: &simple,
        components,
    };
    records::synthesize(&site, class_name)
}
