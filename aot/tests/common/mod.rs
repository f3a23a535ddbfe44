//! Shared harness of the differential tests: a Java program under `aot/tests/java/<dir>/` is
//! compiled with javac, run on HotSpot (`java`) and built with the release `roast`; stdout and
//! the exit status must be the same.
//!
//! The release compiler and runtime are brought up to date with `cargo build --release` first
//! (a no-op when they are current). A test is skipped with a message only when no JDK is found.

// Every test crate that includes this module uses a different part of it.
#![allow(dead_code)]

use roast_aot::jdk::Jdk;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("aot/ is inside the workspace")
        .to_path_buf()
}

/// `target/release/roast`, rebuilt if anything changed.
pub fn release_roast() -> PathBuf {
    let root = workspace_root();
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "roast",
            "-p",
            "roast-runtime",
        ])
        .current_dir(&root)
        .status()
        .expect("run cargo build --release");
    assert!(status.success(), "cargo build --release failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let roast = target.join("release/roast");
    assert!(roast.is_file(), "{} was not built", roast.display());
    roast
}

fn run(cmd: &mut Command) -> Result<Output, String> {
    cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))
}

fn require_success(what: &str, out: &Output) -> Result<(), String> {
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "{what} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    ))
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let i = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    format!(
        "line {}: java printed {:?}, roast printed {:?}",
        i + 1,
        e.get(i).copied().unwrap_or("<end>"),
        a.get(i).copied().unwrap_or("<end>")
    )
}

/// Copies the files below `from` (a program's `<name>.resources/` directory, if it exists)
/// into the class directory `to`, keeping their relative paths: the program's resources.
fn copy_resources(from: &Path, to: &Path) -> Result<(), String> {
    if !from.is_dir() {
        return Ok(());
    }
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| e.to_string())?;
            copy_resources(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Compiles `aot/tests/java/<dir>/<name>.java` (and copies `<name>.resources/` into its class
/// directory), runs it on HotSpot, builds it with roast, runs
/// the executable and compares stdout and exit status.
pub fn check(dir: &str, name: &str, javac_flags: &[&str]) -> Result<(), String> {
    check_program(dir, name, javac_flags, &[], &[], Plugins::None)
}

/// Like [`check`], with extra `java` flags (e.g. `-Xmx32m`) and environment variables for
/// the roast executable (e.g. `ROAST_OPTS`, `ROAST_GC_STRESS`).
pub fn check_with(
    dir: &str,
    name: &str,
    javac_flags: &[&str],
    java_flags: &[&str],
    native_env: &[(&str, &str)],
) -> Result<(), String> {
    check_program(
        dir,
        name,
        javac_flags,
        java_flags,
        native_env,
        Plugins::None,
    )
}

/// Like [`check`] for a program that loads classes at run time: every `.java` file of
/// `aot/tests/java/<dir>/<name>_plugins/` is compiled against the program's classes into a
/// separate directory, which roast never sees; both runs get its absolute path as `args[0]`
/// (the acceptance corpus's "dyn" convention).
pub fn check_with_plugins(dir: &str, name: &str) -> Result<(), String> {
    check_program(dir, name, &[], &[], &[], Plugins::Directory)
}

/// [`check_with_plugins`] with environment variables for the roast executable (e.g.
/// `ROAST_GC_STRESS`).
pub fn check_with_plugins_env(
    dir: &str,
    name: &str,
    native_env: &[(&str, &str)],
) -> Result<(), String> {
    check_program(dir, name, &[], &[], native_env, Plugins::Directory)
}

/// Like [`check_with_plugins`], and the plugin directory (with the files of
/// `<name>_plugins.resources/` copied in, e.g. `META-INF/services/...`) is also packed into a
/// jar with the JDK's `jar` tool, whose absolute path both runs get as `args[1]`.
pub fn check_with_plugin_jar(dir: &str, name: &str) -> Result<(), String> {
    check_program(dir, name, &[], &[], &[], Plugins::DirectoryAndJar)
}

/// What a test program gets compiled separately (see [`check_with_plugins`]).
#[derive(Clone, Copy, PartialEq)]
enum Plugins {
    None,
    Directory,
    DirectoryAndJar,
}

fn compile_plugins(
    jdk: &Jdk,
    source_dir: &Path,
    name: &str,
    classes: &Path,
    out: &Path,
) -> Result<(), String> {
    let plugin_dir = source_dir.join(format!("{name}_plugins"));
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&plugin_dir)
        .map_err(|e| format!("{}: {e}", plugin_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "java"))
        .collect();
    sources.sort();
    let javac = run(Command::new(jdk.javac())
        .arg("-cp")
        .arg(classes)
        .arg("-d")
        .arg(out)
        .args(&sources))?;
    require_success("javac (plugins)", &javac)
}

fn check_program(
    dir: &str,
    name: &str,
    javac_flags: &[&str],
    java_flags: &[&str],
    native_env: &[(&str, &str)],
    plugins: Plugins,
) -> Result<(), String> {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping {dir}/{name}: no JDK found");
        return Ok(());
    };
    let roast = release_roast();
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let classes = work.path().join("classes");
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/java")
        .join(dir)
        .join(format!("{name}.java"));
    let javac = run(Command::new(jdk.javac())
        .args(javac_flags)
        .arg("-d")
        .arg(&classes)
        .arg(&source))?;
    require_success("javac", &javac)?;
    copy_resources(&source.with_extension("resources"), &classes)?;
    let plugin_classes = work.path().join("plugins");
    let mut args = Vec::new();
    if plugins != Plugins::None {
        let source_dir = source.parent().expect("sources are in a directory");
        compile_plugins(&jdk, source_dir, name, &classes, &plugin_classes)?;
        let plugin_resources = source_dir.join(format!("{name}_plugins.resources"));
        copy_resources(&plugin_resources, &plugin_classes)?;
        args.push(plugin_classes.clone());
    }
    if plugins == Plugins::DirectoryAndJar {
        let jar = work.path().join("plugins.jar");
        let out = run(Command::new(jdk.home.join("bin/jar"))
            .arg("cf")
            .arg(&jar)
            .arg("-C")
            .arg(&plugin_classes)
            .arg("."))?;
        require_success("jar", &out)?;
        args.push(jar);
    }
    let java = run(Command::new(jdk.home.join("bin/java"))
        .args(java_flags)
        .arg("-cp")
        .arg(&classes)
        .arg(name)
        .args(&args))?;
    let exe = work.path().join(name);
    let build = run(Command::new(&roast)
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .args(["--main", name])
        .arg(&classes))?;
    require_success("roast build", &build)?;
    let native = run(Command::new(&exe)
        .args(&args)
        .envs(native_env.iter().copied()))?;
    let (expected, actual) = (
        String::from_utf8_lossy(&java.stdout),
        String::from_utf8_lossy(&native.stdout),
    );
    if expected != actual {
        return Err(format!(
            "stdout differs, {}\nroast stderr:\n{}",
            first_difference(&expected, &actual),
            String::from_utf8_lossy(&native.stderr)
        ));
    }
    if java.status.code() != native.status.code() {
        return Err(format!(
            "exit status differs: java {}, roast {}",
            java.status, native.status
        ));
    }
    Ok(())
}

/// Runs [`check`] on every program of `aot/tests/java/<dir>/` named in `names` and fails with
/// all differences at once.
pub fn check_all(dir: &str, names: &[&str], javac_flags: &[&str]) {
    let failures: Vec<String> = names
        .iter()
        .filter_map(|&name| {
            check(dir, name, javac_flags)
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Compiles `aot/tests/java/<dir>/<name>.java`, builds it with roast and runs the executable
/// (for behaviour that is roast's own, such as its diagnostics for unsupported features).
pub fn run_on_roast(dir: &str, name: &str) -> Result<Option<Output>, String> {
    run_on_roast_with(dir, name, false)
}

/// [`run_on_roast`] for a program with plugins (`<name>_plugins/`, compiled against the
/// program's classes and never given to roast): the plugin directory is the argument.
pub fn run_on_roast_with_plugins(dir: &str, name: &str) -> Result<Option<Output>, String> {
    run_on_roast_with(dir, name, true)
}

fn run_on_roast_with(dir: &str, name: &str, plugins: bool) -> Result<Option<Output>, String> {
    let Ok(jdk) = Jdk::locate() else {
        eprintln!("skipping {dir}/{name}: no JDK found");
        return Ok(None);
    };
    let roast = release_roast();
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let classes = work.path().join("classes");
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/java")
        .join(dir)
        .join(format!("{name}.java"));
    let javac = run(Command::new(jdk.javac())
        .arg("-d")
        .arg(&classes)
        .arg(&source))?;
    require_success("javac", &javac)?;
    let exe = work.path().join(name);
    let build = run(Command::new(&roast)
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .args(["--main", name])
        .arg(&classes))?;
    require_success("roast build", &build)?;
    let mut command = Command::new(&exe);
    if plugins {
        let plugin_classes = work.path().join("plugins");
        let source_dir = source.parent().ok_or("no source directory")?;
        compile_plugins(&jdk, source_dir, name, &classes, &plugin_classes)?;
        command.arg(&plugin_classes);
    }
    run(&mut command).map(Some)
}

/// The machine code of one function of `exe` (an exact symbol, e.g. a method symbol
/// `java/lang/String.length()I`), disassembled with objdump; panics if it is not there.
pub fn disassemble(exe: &Path, symbol: &str) -> String {
    let dump = Command::new("objdump")
        .args(["-d", "--no-show-raw-insn"])
        .arg(format!("--disassemble={symbol}"))
        .arg(exe)
        .output()
        .expect("run objdump");
    let text = String::from_utf8_lossy(&dump.stdout).into_owned();
    assert!(
        text.contains(&format!("<{symbol}>:")),
        "{symbol} not found in the executable:\n{text}"
    );
    text
}
