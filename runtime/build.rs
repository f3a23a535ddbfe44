//! Builds the C part of the runtime (`runtime-c/`) into the runtime static library.
fn main() {
    println!("cargo:rerun-if-changed=../runtime-c/roast.c");
    println!("cargo:rerun-if-changed=../runtime-c/zip.c");
    // The compiler's class-file parser is compiled into the runtime too (`src/lib.rs`); its
    // tests that need the compiler's class path are left out here.
    println!("cargo::rustc-check-cfg=cfg(roast_runtime)");
    println!("cargo:rustc-cfg=roast_runtime");
    cc::Build::new()
        .file("../runtime-c/roast.c")
        .file("../runtime-c/zip.c")
        .flag_if_supported("-ftls-model=initial-exec")
        .compile("roast_c");
}
