//! Golden tests of the SSA IR (cranelift filetest style): every `aot/tests/ir/*.java` is
//! compiled with javac; each method's IR is printed after building and after the pass
//! pipeline (the verifier runs after each step) and compared with `aot/tests/ir/<Name>.ir`.
//! `ROAST_BLESS=1` rewrites the golden files instead of comparing.

use roast_aot::classfile::parse_class;
use roast_aot::ir::{build_function, passes, print::print_function, verify};
use roast_aot::jdk::Jdk;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ir_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ir")
}

/// Compiles one source into a fresh directory and returns its class files, sorted.
fn compile(jdk: &Jdk, source: &Path, out: &Path) -> Vec<PathBuf> {
    let status = Command::new(jdk.javac())
        .arg("-d")
        .arg(out)
        .arg(source)
        .status()
        .expect("run javac");
    assert!(status.success(), "javac failed on {}", source.display());
    let mut classes: Vec<PathBuf> = std::fs::read_dir(out)
        .expect("javac output")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "class"))
        .collect();
    classes.sort();
    classes
}

/// The IR text of every method of one class file.
fn render(class_file: &Path) -> String {
    let bytes = std::fs::read(class_file).expect("read class");
    let class = parse_class(&bytes).expect("parse class");
    let mut out = String::new();
    for m in class.methods.iter().filter(|m| m.code.is_some()) {
        let mut f = build_function(&class, m).unwrap_or_else(|e| panic!("{e}"));
        verify(&f).unwrap_or_else(|e| panic!("{e}\n{}", print_function(&f)));
        let built = print_function(&f);
        passes::run_pipeline(&mut f, true).unwrap_or_else(|e| panic!("{e}"));
        let after = print_function(&f);
        out.push_str("; built\n");
        out.push_str(&built);
        if after == built {
            out.push_str("; passes: unchanged\n\n");
        } else {
            out.push_str("; after passes\n");
            out.push_str(&after);
            out.push('\n');
        }
    }
    out
}

fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let i = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    format!(
        "line {}: expected {:?}, got {:?}",
        i + 1,
        e.get(i).copied().unwrap_or("<end>"),
        a.get(i).copied().unwrap_or("<end>")
    )
}

#[test]
fn ir_golden_files() {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping IR golden tests: no JDK found");
        return;
    };
    let bless = std::env::var_os("ROAST_BLESS").is_some_and(|v| v == "1");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(ir_dir())
        .expect("aot/tests/ir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "java"))
        .collect();
    sources.sort();
    let mut failures = Vec::new();
    for source in &sources {
        let scratch = tempfile::tempdir().expect("temp dir");
        let mut text = String::new();
        for class in compile(&jdk, source, scratch.path()) {
            text.push_str(&render(&class));
        }
        let golden = source.with_extension("ir");
        if bless {
            std::fs::write(&golden, &text).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if expected != text {
            failures.push(format!(
                "{}: {}",
                golden.display(),
                first_difference(&expected, &text)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "IR differs from the golden files (rerun with ROAST_BLESS=1 to accept):\n{}",
        failures.join("\n")
    );
    eprintln!("{} golden files checked", sources.len());
}

/// A small deterministic generator (xorshift) for the mutation test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Replaces a one-byte instruction by another one-byte instruction (type confusion, stack
/// imbalance), or overwrites a random byte (broken encodings).
fn mutate(code: &mut [u8], rng: &mut Rng) {
    const ONE_BYTE: &[u8] = &[
        0x00, 0x01, 0x02, 0x03, 0x04, 0x09, 0x0b, 0x0e, 0x1a, 0x1b, 0x1e, 0x22, 0x26, 0x2a, 0x2b,
        0x2e, 0x32, 0x3b, 0x3c, 0x3f, 0x43, 0x47, 0x4b, 0x4c, 0x4f, 0x53, 0x57, 0x58, 0x59, 0x5a,
        0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x61, 0x62, 0x63, 0x68, 0x6c, 0x70, 0x74, 0x78, 0x7e,
        0x85, 0x86, 0x88, 0x8b, 0x8e, 0x91, 0x94, 0x95, 0x96, 0x97, 0xac, 0xad, 0xb0, 0xb1, 0xbe,
        0xbf, 0xc2, 0xc3,
    ];
    let Ok(insns) = roast_aot::classfile::decode(code) else {
        return;
    };
    let singles: Vec<usize> = insns
        .iter()
        .filter(|i| i.len == 1)
        .map(|i| i.pc as usize)
        .collect();
    if rng.below(4) == 0 || singles.is_empty() {
        let at = rng.below(code.len());
        code[at] = rng.next() as u8;
    } else {
        let at = singles[rng.below(singles.len())];
        code[at] = ONE_BYTE[rng.below(ONE_BYTE.len())];
    }
}

/// Corrupted bytecode must give a build error or IR that verifies, never a panic.
#[test]
fn mutated_bytecode_never_panics_and_builds_only_valid_ir() {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping: no JDK found");
        return;
    };
    let scratch = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut built, mut rejected) = (0, 0);
    for source in [
        "TryCatch.java",
        "Switches.java",
        "Loops.java",
        "Arrays.java",
    ] {
        for class_file in compile(&jdk, &ir_dir().join(source), scratch.path()) {
            let bytes = std::fs::read(&class_file).expect("read class");
            let class = parse_class(&bytes).expect("parse class");
            for (mi, m) in class
                .methods
                .iter()
                .enumerate()
                .filter(|(_, m)| m.code.is_some())
            {
                for _ in 0..40 {
                    let mut mutated = class.clone();
                    let code = &mut mutated.methods[mi].code.as_mut().expect("code").code;
                    mutate(code, &mut rng);
                    match build_function(&mutated, &mutated.methods[mi]) {
                        Ok(f) => {
                            verify(&f).unwrap_or_else(|e| {
                                panic!("{}: {e}\n{}", m.name, print_function(&f))
                            });
                            built += 1;
                        }
                        Err(_) => rejected += 1,
                    }
                }
            }
        }
    }
    eprintln!("mutations: {built} built and verified, {rejected} rejected");
}
