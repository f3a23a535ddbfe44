//! Builds, verifies and runs the pass pipeline (verifying after each pass) on the SSA IR of
//! every method with code in the JDK's `java.base` module: proof that every opcode javac
//! emits is handled and that the builder's output always satisfies the verifier.

use roast_aot::classfile::parse_class;
use roast_aot::classpath::ClassPath;
use roast_aot::jdk::Jdk;
use std::time::Instant;

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
    for name in &names {
        let bytes = cp
            .find(name)
            .expect("listed class")
            .expect("readable class")
            .bytes;
        let class = parse_class(&bytes).expect("java.base class parses");
        let with_code = class.methods.iter().map(|m| (&class, m));
        match roast_aot::ir::check_methods(with_code) {
            Ok(n) => methods += n,
            Err(errors) => failures.extend(errors),
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "java.base: {} classes, {methods} methods with code built and verified in {secs:.1} s ({} failures)",
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
