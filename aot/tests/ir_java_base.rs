//! Builds, verifies and runs the pass pipeline (verifying after each pass) on the SSA IR of
//! every method with code in the JDK's `java.base` module: proof that every opcode javac
//! emits is handled and that the builder's output always satisfies the verifier.

use roast_aot::classfile::{parse_class, ClassFile, MethodInfo};
use roast_aot::classpath::ClassPath;
use roast_aot::ir::inst::Opcode;
use roast_aot::ir::{build_function, passes, verify, Function};
use roast_aot::jdk::Jdk;
use std::time::Instant;

/// Builds, verifies and runs the passes (verifying after each); returns the number of null
/// checks before and after the passes.
fn check(class: &ClassFile, m: &MethodInfo) -> Result<(usize, usize), String> {
    let mut f = build_function(class, m).map_err(|e| e.to_string())?;
    verify(&f).map_err(|e| e.to_string())?;
    let before = null_checks(&f);
    passes::run_pipeline(&mut f, true).map_err(|e| e.to_string())?;
    Ok((before, null_checks(&f)))
}

fn null_checks(f: &Function) -> usize {
    let insts = f.layout.iter().flat_map(|&b| f.blocks[b].insts.iter());
    insts
        .filter(|&&i| f.insts[i].op == Opcode::NullCheck)
        .count()
}

fn check_java_base() {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping: no JDK found");
        return;
    };
    let start = Instant::now();
    let mut cp = ClassPath::new();
    cp.add(&jdk.java_base()).expect("open java.base.jmod");
    let names = cp.user_classes();
    let (mut methods, mut failures) = (0usize, Vec::new());
    let (mut checks_before, mut checks_after) = (0usize, 0usize);
    for name in &names {
        let bytes = cp
            .find(name)
            .expect("listed class")
            .expect("readable class")
            .bytes;
        let class = parse_class(&bytes).expect("java.base class parses");
        for m in class.methods.iter().filter(|m| m.code.is_some()) {
            methods += 1;
            match check(&class, m) {
                Ok((before, after)) => {
                    checks_before += before;
                    checks_after += after;
                }
                Err(e) => failures.push(e),
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "java.base: {} classes, {methods} methods with code built and verified in {secs:.1} s ({} failures); null checks: {checks_before} built, {checks_after} after the passes",
        names.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} methods failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_java_base_method_builds_and_verifies() {
    // Deep single-predecessor chains and phi recursion in huge methods need a large stack.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(check_java_base)
        .expect("spawn")
        .join()
        .expect("java.base check");
}
