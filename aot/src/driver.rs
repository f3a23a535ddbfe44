//! The build pipeline, one straight-line function ([`build`]). Ordering rules:
//! 1. inputs are collected (and `.java` files compiled) before anything is loaded;
//! 2. the class path order is SDK shadows, then the JDK's java.base, then user inputs (the
//!    JDK wins over user classes of the same name, as with HotSpot's parent delegation);
//! 3. reachability runs before layouts: it loads every class the code can touch;
//! 4. lowering needs the closed program; linking needs the object.

use crate::classpath::ClassPath;
use crate::jdk::Jdk;
use crate::lower::{self, LowerOptions};
use crate::program::{ClassId, MethodId, Program};
use crate::reach::Reachability;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    /// A linked executable.
    Exe,
    /// Textual LLVM IR.
    LlvmIr,
    /// An object file (not linked).
    Obj,
}

/// Options of one build.
pub struct BuildOptions {
    /// Class directories, jars, `.class` and `.java` files.
    pub inputs: Vec<PathBuf>,
    /// The main class (dotted or internal form); from the jar manifest when None.
    pub main: Option<String>,
    /// Output path.
    pub output: PathBuf,
    /// Target triple (None: the host).
    pub target: Option<String>,
    /// What to produce.
    pub emit: Emit,
    /// Print progress and statistics.
    pub verbose: bool,
    /// Keep debug information in the executable (stripped otherwise).
    pub debug_info: bool,
    /// Run the LLVM optimization pipeline.
    pub optimize: bool,
    /// Reuse and store compiled units in the object cache (see `cache`).
    pub use_cache: bool,
    /// The object cache directory (None: the default, see `cache::ObjectCache::open`).
    pub cache_dir: Option<PathBuf>,
    /// Interpret the program's own classes (see [`crate::interpret_program`]): their class
    /// files are embedded and the entry runs `main` through the interpreter; the JDK they
    /// reach is compiled as usual.
    pub interpret_program: bool,
}

/// The SDK helper class the runtime calls into.
pub const VM_CLASS: &str = "java/lang/RoastVM";

fn progress(opts: &BuildOptions, start: Instant, what: &str) {
    if opts.verbose {
        eprintln!("[{:>6.2}s] {what}", start.elapsed().as_secs_f64());
    }
}

/// Runs the whole pipeline. Returns the build warnings.
pub fn build(opts: &BuildOptions) -> Result<Vec<String>, String> {
    let start = Instant::now();
    let jdk = Jdk::locate()?;
    let scratch =
        tempfile::tempdir().map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let inputs = compile_java_sources(&jdk, &opts.inputs, scratch.path())?;
    let mut cp = ClassPath::new();
    for (name, bytes) in crate::sdk::classes() {
        cp.add_bytes_with_role(name, bytes.to_vec(), "roast sdk", false);
    }
    cp.add_with_role(&jdk.java_base(), false)
        .map_err(|e| e.to_string())?;
    for module in jdk.platform_modules() {
        cp.add_with_role(&module, false)
            .map_err(|e| e.to_string())?;
    }
    for input in &inputs {
        cp.add_with_role(input, true).map_err(|e| e.to_string())?;
    }
    let main_class = match &opts.main {
        Some(m) => m.replace('.', "/"),
        None => manifest_main(&inputs)?,
    };
    let mut program = Program::new(cp);
    let main = find_main(&mut program, &main_class)?;
    progress(opts, start, "loaded inputs");
    let (roots, instantiated) = roots(&mut program, main)?;
    let reach = Reachability::compute(&mut program, &roots, &instantiated);
    progress(
        opts,
        start,
        &format!(
            "reachability: {} methods, {} classes loaded",
            reach.methods.len(),
            program.classes.len()
        ),
    );
    for w in unsupported_finalizers(&program) {
        eprintln!("roast: warning: {w}");
    }
    if std::env::var_os("ROAST_VERIFY_IR").is_some_and(|v| v == "1") {
        verify_ir(opts, start, &program, &reach)?;
    }
    if std::env::var_os("ROAST_STATS").is_some() {
        print_package_stats(&program, &reach);
    }
    if let Ok(pattern) = std::env::var("ROAST_WHY") {
        for &m in reach
            .methods
            .iter()
            .filter(|&&m| program.method_display(m).contains(&pattern))
            .take(3)
        {
            eprintln!("why {}:", program.method_display(m));
            for step in crate::reach::why(&reach, &program, m) {
                eprintln!("    {step}");
            }
        }
    }
    let entry = if opts.interpret_program {
        crate::interpret_program::entry(&mut program)?
    } else {
        main
    };
    let context = inkwell::context::Context::create();
    let embed = Embedding {
        jdk: &jdk,
        main_class: &main_class,
        interpret_program: opts.interpret_program,
    };
    if opts.emit != Emit::Exe {
        let lowered = lower::lower_program(
            &context,
            &mut program,
            &reach,
            &LowerOptions { main: entry },
        );
        let mut units = lowered.units;
        let jdk_classes = crate::jdk_bytecode::classes_to_embed(&program, &reach);
        let (resource_unit, summary) =
            embed.resource_unit(&context, &program, &lowered.literals, &jdk_classes)?;
        // The resource unit goes before the data unit, which stays last.
        units.insert(units.len() - 1, resource_unit);
        progress(
            opts,
            start,
            &format!("lowered to LLVM IR ({} units, {summary})", units.len()),
        );
        let module = lower::parallel::link_units(units)?;
        let tm = lower::emit::target_machine(opts.target.as_deref())?;
        lower::emit::prepare(&module, &tm)?;
        if opts.emit == Emit::LlvmIr {
            module
                .print_to_file(&opts.output)
                .map_err(|e| e.to_string())?;
        } else {
            lower::emit::emit_object(&module, &tm, &opts.output, opts.optimize)?;
        }
        return Ok(lowered.warnings);
    }
    let codegen = format!(
        "{} O{}",
        opts.target.as_deref().unwrap_or("host"),
        if opts.optimize { 2 } else { 0 }
    );
    let cache =
        crate::cache::ObjectCache::open(opts.cache_dir.as_deref(), opts.use_cache, &codegen);
    let threads = codegen_threads();
    program.compute_layouts();
    let code = lower::pipeline::compile_code_units(
        &program,
        &reach,
        &lower::pipeline::CodeUnitSettings {
            target: opts.target.as_deref(),
            optimize: opts.optimize,
            cache: &cache,
            scratch: scratch.path(),
            threads,
        },
    )?;
    progress(
        opts,
        start,
        &format!(
            "lowered and compiled {} code units, {} from the cache{} ({threads} threads)",
            code.units,
            code.cached,
            if cache.enabled() { "" } else { " (disabled)" }
        ),
    );
    // Classes the workers loaded while lowering get descriptors in the data unit.
    for name in &code.loaded_classes {
        let _ = program.load(name);
    }
    program.compute_layouts();
    let mut warnings = code.warnings;
    let mut lowering = lower::Lowerer::new(&context, &mut program, &reach);
    lowering.add_literal_requests(code.literal_requests);
    lowering.add_meta_alias_requests(code.meta_alias_requests);
    let (data_unit, literals) = lowering.lower_data_unit(entry);
    warnings.append(&mut lowering.warnings);
    drop(lowering);
    // Resources are chosen after lowering: JDK resources are kept when a literal of the
    // compiled code names them. The data unit stays last.
    let jdk_classes = crate::jdk_bytecode::classes_to_embed(&program, &reach);
    let (resource_unit, summary) =
        embed.resource_unit(&context, &program, &literals, &jdk_classes)?;
    let (tail, tail_stats) = lower::parallel::emit_units(
        &[resource_unit, data_unit],
        opts.target.as_deref(),
        opts.optimize,
        &cache,
        scratch.path(),
        threads,
    )?;
    progress(
        opts,
        start,
        &format!(
            "lowered and compiled the data and resource units, {} from the cache ({summary})",
            tail_stats.cached
        ),
    );
    let mut objects = code.objects;
    objects.extend(tail);
    crate::link::link(
        &objects,
        &opts.output,
        opts.target.as_deref(),
        opts.debug_info,
        scratch.path(),
    )?;
    progress(opts, start, &format!("linked {}", opts.output.display()));
    Ok(warnings)
}

/// What the resource unit embeds besides the selected resources.
struct Embedding<'a> {
    jdk: &'a Jdk,
    /// Internal name of the main class.
    main_class: &'a str,
    /// `--interpret-program`: the program's class files are embedded and the entry starts
    /// the main class in the interpreter.
    interpret_program: bool,
}

impl Embedding<'_> {
    /// Selects the resources (JDK resources named by a literal of the compiled code, the
    /// program's resources, the class files of `jdk_classes` for the interpreter: see
    /// [`crate::jdk_bytecode`]) and lowers the resource unit.
    fn resource_unit<'ctx>(
        &self,
        context: &'ctx inkwell::context::Context,
        program: &Program,
        literals: &[String],
        jdk_classes: &[String],
    ) -> Result<(inkwell::module::Module<'ctx>, String), String> {
        let mut resources = crate::resources::select(program.classpath(), literals)?;
        let jdk_bytes =
            crate::jdk_bytecode::embed(program.classpath(), jdk_classes, &mut resources)?;
        let interpreted_main = if self.interpret_program {
            crate::interpret_program::embed_class_files(program.classpath(), &mut resources)?;
            self.main_class.replace('/', ".")
        } else {
            String::new()
        };
        if std::env::var_os("ROAST_STATS").is_some() {
            print_resource_stats(&resources);
        }
        let summary = format!(
            "{} resources embedded, {} KB, {} of them JDK class files for the interpreter ({} KB)",
            resources.len(),
            resources.iter().map(|r| r.bytes.len()).sum::<usize>() / 1024,
            jdk_classes.len(),
            jdk_bytes / 1024
        );
        let unit = lower::resources::resource_unit(
            context,
            &resources,
            &self.jdk.home.to_string_lossy(),
            &interpreted_main,
        );
        Ok((unit, summary))
    }
}

/// `ROAST_VERIFY_IR=1`: builds and verifies the SSA IR of every reachable method (a check
/// only; lowering still reads bytecode).
fn verify_ir(
    opts: &BuildOptions,
    start: Instant,
    program: &Program,
    reach: &Reachability,
) -> Result<(), String> {
    let methods: Vec<MethodId> = reach.methods.iter().copied().collect();
    match crate::ir::check_program(program, &methods) {
        Ok(n) => {
            progress(
                opts,
                start,
                &format!("SSA IR built and verified for {n} methods"),
            );
            Ok(())
        }
        Err(errors) => Err(format!(
            "SSA IR check failed for {} methods:\n{}",
            errors.len(),
            errors
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

/// Compiles `.java` inputs with javac into one directory; other inputs pass through.
fn compile_java_sources(
    jdk: &Jdk,
    inputs: &[PathBuf],
    scratch: &Path,
) -> Result<Vec<PathBuf>, String> {
    let (java, mut other): (Vec<PathBuf>, Vec<PathBuf>) = inputs
        .iter()
        .cloned()
        .partition(|p| p.extension().is_some_and(|e| e == "java"));
    for p in &other {
        if !p.exists() {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    if java.is_empty() {
        return Ok(other);
    }
    let out = scratch.join("javac-classes");
    let mut cmd = std::process::Command::new(jdk.javac());
    cmd.arg("-d").arg(&out).args(["-encoding", "UTF-8"]);
    if !other.is_empty() {
        let cp: Vec<String> = other.iter().map(|p| p.display().to_string()).collect();
        cmd.arg("-cp").arg(cp.join(":"));
    }
    let status = cmd
        .args(&java)
        .status()
        .map_err(|e| format!("cannot run javac: {e}"))?;
    if !status.success() {
        return Err("javac failed on the .java inputs (see its messages above)".into());
    }
    other.insert(0, out);
    Ok(other)
}

fn manifest_main(inputs: &[PathBuf]) -> Result<String, String> {
    for i in inputs {
        if i.extension().is_some_and(|e| e == "jar") {
            if let Some(m) = ClassPath::jar_main_class(i).map_err(|e| e.to_string())? {
                return Ok(m.replace('.', "/"));
            }
        }
    }
    Err("no main class: pass --main CLASS (or a jar whose manifest has Main-Class)".into())
}

fn find_main(program: &mut Program, main_class: &str) -> Result<MethodId, String> {
    let shown = main_class.replace('/', ".");
    let c = program.load(main_class).map_err(|e| {
        if e.missing {
            format!(
                "Error: Could not find or load main class {shown}\nCaused by: {}",
                e.reason
            )
        } else {
            format!("cannot load main class {shown}: {}", e.reason)
        }
    })?;
    program
        .declared_method(c, "main", "([Ljava/lang/String;)V")
        .filter(|&m| program.method(m).is_static())
        .ok_or_else(|| {
            format!(
                "Error: Main method not found in class {shown}, please define the main method as:\n   public static void main(String[] args)"
            )
        })
}

/// Entry points besides `main`: every method of the SDK's VM class (the runtime calls them),
/// and the classes the runtime instantiates itself.
fn roots(program: &mut Program, main: MethodId) -> Result<(Vec<MethodId>, Vec<ClassId>), String> {
    let vm = program
        .load(VM_CLASS)
        .map_err(|e| format!("internal error: the SDK is incomplete: {e}"))?;
    let mut roots = vec![main];
    roots.extend(program.class(vm).methods.iter().copied());
    let mut instantiated = Vec::new();
    for name in [
        "java/lang/String",
        "[B",
        "[C",
        "java/lang/Class",
        "[Ljava/lang/String;",
        "[J",
    ] {
        instantiated.push(
            program
                .load(name)
                .map_err(|e| format!("internal error: {e}"))?,
        );
    }
    Ok((roots, instantiated))
}

/// Program classes that declare a `finalize()` with a body other than a lone `return`
/// (HotSpot's test for registering instances with its Finalizer): roast does not run
/// finalizers (ARCHITECTURE.md, "Garbage collection"), and says so at every build rather
/// than diverge silently.
fn unsupported_finalizers(program: &Program) -> Vec<String> {
    const RETURN: u8 = 0xb1;
    let mut out = Vec::new();
    for class in program.classes.iter().filter(|c| !c.in_jdk) {
        let Some(file) = &class.file else { continue };
        let finalizes = file.methods.iter().any(|m| {
            m.name == "finalize"
                && m.descriptor == "()V"
                && m.access & crate::classfile::access::STATIC == 0
                && m.code.as_ref().is_some_and(|c| c.code != [RETURN])
        });
        if finalizes {
            out.push(format!(
                "{}.finalize() will never run: roast does not support finalization \
                 (java.lang.ref.Cleaner is supported)",
                class.name.replace('/', ".")
            ));
        }
    }
    out
}

/// Reachable methods per package (ROAST_STATS), to find what makes a program large.
fn print_package_stats(program: &Program, reach: &Reachability) {
    let mut by_package: std::collections::BTreeMap<&str, usize> = Default::default();
    for &m in &reach.methods {
        let class = &program.class(program.method(m).class).name;
        *by_package
            .entry(crate::program::layout::package_of(class))
            .or_default() += 1;
    }
    let mut sorted: Vec<_> = by_package.into_iter().collect();
    sorted.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    for (p, n) in sorted.iter().take(40) {
        eprintln!("{n:>6} {p}");
    }
}

/// The largest embedded resources (ROAST_STATS), to find what makes a program large.
fn print_resource_stats(resources: &[crate::resources::Resource]) {
    let mut by_size: Vec<_> = resources.iter().collect();
    by_size.sort_by_key(|r| std::cmp::Reverse(r.bytes.len()));
    for r in by_size.iter().take(15) {
        eprintln!("{:>9} B {}", r.bytes.len(), r.name);
    }
}

/// Code generation threads: one per available core.
fn codegen_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
}
