//! Linking: the program's object file, the runtime static library and the system libraries,
//! through the system C compiler, into a non-PIE executable (class descriptors must sit below
//! 4 GiB, see `contract`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Finds `libroast_runtime.a` for `target` (None: host): `$ROAST_RUNTIME_DIR`, else next to
/// the running `roast` executable (`target/<profile>/` or `target/<triple>/<profile>/`).
pub fn runtime_library(target: Option<&str>) -> Result<PathBuf, String> {
    let name = "libroast_runtime.a";
    if let Some(dir) = std::env::var_os("ROAST_RUNTIME_DIR") {
        let p = PathBuf::from(dir).join(name);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!(
                "{} does not exist (ROAST_RUNTIME_DIR)",
                p.display()
            ))
        };
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate roast itself: {e}"))?;
    let dir = exe.parent().ok_or("roast has no directory")?;
    let mut candidates = Vec::new();
    if let Some(t) = target {
        let profile = dir
            .file_name()
            .map(|p| p.to_os_string())
            .unwrap_or_default();
        if let Some(root) = dir.parent() {
            candidates.push(root.join(t).join(&profile).join(name));
        }
    } else {
        candidates.push(dir.join(name));
        if let Some(root) = dir.parent() {
            candidates.push(root.join("release").join(name));
        }
    }
    candidates.iter().find(|p| p.is_file()).cloned().ok_or_else(|| {
        format!(
            "the roast runtime library was not found (looked at {}); build it with `cargo build --release -p roast-runtime{}`",
            candidates.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
            target.map(|t| format!(" --target {t}")).unwrap_or_default()
        )
    })
}

/// The C compiler used as the linker driver for `target`.
fn linker(target: Option<&str>) -> String {
    if let Ok(cc) = std::env::var("ROAST_CC") {
        return cc;
    }
    match target {
        Some(t) if !t.starts_with("x86_64") => format!("{}-gcc", t.replace("-unknown-", "-")),
        _ => "cc".to_string(),
    }
}

/// Links the program's objects with the runtime into `output`, without debug sections
/// unless `debug_info` (the runtime library's line tables are most of a small program's
/// size; symbols stay, so profilers still name functions).
/// The object list goes through a response file in `scratch` (thousands of units would not
/// fit a command line).
pub fn link(
    objects: &[PathBuf],
    output: &Path,
    target: Option<&str>,
    debug_info: bool,
    scratch: &Path,
) -> Result<(), String> {
    let runtime = runtime_library(target)?;
    let cc = linker(target);
    let list = scratch.join("objects.rsp");
    let quoted: Vec<String> = objects.iter().map(|o| quote_response(o)).collect();
    std::fs::write(&list, quoted.join("\n"))
        .map_err(|e| format!("cannot write {}: {e}", list.display()))?;
    let mut command = Command::new(&cc);
    if !debug_info {
        command.arg("-Wl,--strip-debug");
    }
    let result = command
        .arg("-no-pie")
        .arg("-o")
        .arg(output)
        .arg(format!("@{}", list.display()))
        .arg(&runtime)
        // zlib (java.util.zip natives) statically, so executables need no libz at run time.
        .args(["-Wl,-Bstatic", "-lz", "-Wl,-Bdynamic"])
        .args(["-lm", "-lpthread", "-ldl", "-Wl,--gc-sections"])
        .output()
        .map_err(|e| format!("cannot run the linker `{cc}`: {e}"))?;
    if !result.status.success() {
        return Err(format!(
            "linking failed:\n{}",
            String::from_utf8_lossy(&result.stderr)
        ));
    }
    Ok(())
}

/// One path in a GCC response file: quoted, with backslashes and quotes escaped.
fn quote_response(path: &Path) -> String {
    let s = path.display().to_string();
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
