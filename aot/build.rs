//! Compiles the Java sources under `sdk/` with the JDK's javac and embeds the class files in
//! the compiler (`sdk::classes`). The JDK is found like `jdk::Jdk::locate` does.

use std::path::{Path, PathBuf};
use std::process::Command;

fn javac() -> PathBuf {
    if let Some(home) = std::env::var_os("JAVA_HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(home).join("bin/javac");
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("javac"))
        .find(|p| p.is_file())
        .and_then(|p| std::fs::canonicalize(p).ok())
        .unwrap_or_else(|| PathBuf::from("javac"))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "java") {
            out.push(p);
        }
    }
}

fn classes(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            classes(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "class") {
            let rel = p.strip_prefix(base).expect("under base").with_extension("");
            out.push((rel.to_string_lossy().replace('\\', "/"), p));
        }
    }
}

fn main() {
    // Set by the runtime's build script, which compiles `src/classfile/` too.
    println!("cargo::rustc-check-cfg=cfg(roast_runtime)");
    // The manifest directory of this build, read when the script runs: `env!` would freeze
    // the directory the script was compiled in, and a target directory copied to another
    // checkout would then compile nothing once the first checkout is gone.
    let manifest_dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let sdk = manifest_dir.join("../sdk/java.base");
    println!("cargo:rerun-if-changed={}", sdk.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let classes_dir = out.join("sdk-classes");
    let _ = std::fs::remove_dir_all(&classes_dir);
    std::fs::create_dir_all(&classes_dir).expect("create sdk-classes");
    let mut srcs = Vec::new();
    sources(&sdk, &mut srcs);
    srcs.sort();
    assert!(
        !srcs.is_empty(),
        "no SDK sources found under {}: the compiler cannot work without them",
        sdk.display()
    );
    for s in &srcs {
        println!("cargo:rerun-if-changed={}", s.display());
    }
    let status = Command::new(javac())
        .arg("--patch-module")
        .arg(format!("java.base={}", sdk.display()))
        .args([
            "-XDstringConcat=inline",
            "-nowarn",
            "-g:source,lines",
            "-encoding",
            "UTF-8",
            "-d",
        ])
        .arg(&classes_dir)
        .args(&srcs)
        .status()
        .expect("javac (JDK 17) is needed to build roast's SDK classes; run ci/setup.sh");
    assert!(
        status.success(),
        "javac failed on the SDK sources under sdk/java.base"
    );
    let mut found = Vec::new();
    classes(&classes_dir, &classes_dir, &mut found);
    found.sort();
    let mut code = String::from("/// The SDK classes: (internal name, bytes).\npub static SDK_CLASSES: &[(&str, &[u8])] = &[\n");
    for (name, path) in found {
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    std::fs::write(out.join("sdk_classes.rs"), code).expect("write sdk_classes.rs");
}
