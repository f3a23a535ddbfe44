//! Builds the C part of the runtime (`runtime-c/`) into the runtime static library.
fn main() {
    println!("cargo:rerun-if-changed=../runtime-c/roast.c");
    println!("cargo:rerun-if-changed=../runtime-c/zip.c");
    cc::Build::new()
        .file("../runtime-c/roast.c")
        .file("../runtime-c/zip.c")
        .flag_if_supported("-ftls-model=initial-exec")
        .compile("roast_c");
}
