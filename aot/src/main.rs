//! The `roast` command line: `roast build` compiles Java bytecode into a native executable,
//! `roast run` compiles (with a cache) and runs a program.

use clap::{Parser, Subcommand, ValueEnum};
use roast_aot::driver::{self, BuildOptions, Emit};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "roast",
    version,
    about = "Ahead-of-time compiler from JVM bytecode to native executables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum EmitArg {
    /// A linked executable (default).
    Exe,
    /// Textual LLVM IR.
    LlvmIr,
    /// An unlinked object file.
    Obj,
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Class directories, .jar files, .class files or .java sources (compiled with javac).
    inputs: Vec<PathBuf>,
    /// Output file.
    #[arg(short = 'o', long = "output", default_value = "a.out")]
    output: PathBuf,
    /// Main class (e.g. com.x.Main); defaults to the jar manifest's Main-Class.
    #[arg(long = "main", short = 'm')]
    main: Option<String>,
    /// Class path entries, separated by ':' (like java -cp); added to the inputs.
    #[arg(
        long = "class-path",
        visible_alias = "cp",
        short = 'c',
        value_name = "PATH"
    )]
    classpath: Option<String>,
    /// Target triple for cross-compilation (default: the host), e.g. aarch64-unknown-linux-gnu.
    #[arg(long)]
    target: Option<String>,
    /// What to produce.
    #[arg(long, value_enum, default_value = "exe")]
    emit: EmitArg,
    /// Skip LLVM optimizations (faster builds, slower code).
    #[arg(long = "O0")]
    no_opt: bool,
    /// Print progress and build statistics.
    #[arg(short, long)]
    verbose: bool,
    /// Keep the runtime's debug information (line tables, for gdb and perf) in the
    /// executable; by default it is stripped (symbols stay).
    #[arg(short = 'g', long = "debug-info")]
    debug_info: bool,
    /// Do not reuse or store compiled code in the object cache.
    #[arg(long)]
    no_cache: bool,
    /// Object cache directory (default: $ROAST_CACHE_DIR, else $XDG_CACHE_HOME/roast, else
    /// ~/.cache/roast). Compiled classes are reused across builds and programs.
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Run the program's own classes in the interpreter (the JDK stays compiled): their
    /// class files are embedded and loaded at start-up by an application class loader.
    /// For testing the interpreter on whole programs.
    #[arg(long)]
    interpret_program: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Compile classes, jars or Java sources into a native executable.
    Build(BuildArgs),
    /// Compile a program (cached) and run it: roast run Hello.java [args...]
    Run {
        /// A .java file, a jar, or a class directory (with --main).
        input: PathBuf,
        /// Main class, when the input does not say.
        #[arg(long = "main", short = 'm')]
        main: Option<String>,
        /// Run the program's own classes in the interpreter (see `roast build
        /// --interpret-program`).
        #[arg(long = "interpret-program")]
        interpret_program: bool,
        /// HotSpot-style VM options for the run: `-Xmx32m`, `-Xms8m` (passed to the
        /// executable through the ROAST_OPTS environment variable).
        #[arg(short = 'X', value_name = "OPTION", allow_hyphen_values = true)]
        vm_options: Vec<String>,
        /// Arguments for the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

fn build_options(a: BuildArgs) -> BuildOptions {
    let mut inputs = a.inputs;
    if let Some(cp) = a.classpath {
        inputs.extend(cp.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
    }
    BuildOptions {
        inputs,
        main: a.main,
        output: a.output,
        target: a.target,
        emit: match a.emit {
            EmitArg::Exe => Emit::Exe,
            EmitArg::LlvmIr => Emit::LlvmIr,
            EmitArg::Obj => Emit::Obj,
        },
        verbose: a.verbose,
        debug_info: a.debug_info,
        optimize: !a.no_opt,
        use_cache: !a.no_cache,
        cache_dir: a.cache_dir,
        interpret_program: a.interpret_program,
    }
}

fn run(
    input: PathBuf,
    main: Option<String>,
    interpret_program: bool,
    vm_options: Vec<String>,
    args: Vec<String>,
) -> Result<ExitCode, String> {
    let main = main.or_else(|| {
        (input.extension().is_some_and(|e| e == "java"))
            .then(|| input.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .flatten()
    });
    let source = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let key = format!(
        "{:016x}",
        fnv1a(&source) ^ fnv1a(env!("CARGO_PKG_VERSION").as_bytes()) ^ u64::from(interpret_program)
    );
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("roast")
        .join(key);
    let exe = cache.join("program");
    if !exe.is_file() {
        std::fs::create_dir_all(&cache).map_err(|e| format!("{}: {e}", cache.display()))?;
        let opts = BuildOptions {
            inputs: vec![input],
            main,
            output: exe.clone(),
            target: None,
            emit: Emit::Exe,
            verbose: false,
            debug_info: false,
            optimize: true,
            use_cache: true,
            cache_dir: None,
            interpret_program,
        };
        driver::build(&opts)?;
    }
    let mut command = std::process::Command::new(&exe);
    if !vm_options.is_empty() {
        let mut opts: Vec<String> = std::env::var("ROAST_OPTS").into_iter().collect();
        opts.extend(vm_options.iter().map(|o| format!("-X{o}")));
        command.env("ROAST_OPTS", opts.join(" "));
    }
    let status = command
        .args(args)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    Ok(ExitCode::from(status.code().unwrap_or(1) as u8))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(a) => {
            let verbose = a.verbose;
            driver::build(&build_options(a)).map(|warnings| {
                if verbose {
                    for w in &warnings {
                        eprintln!("roast: warning: {w}");
                    }
                }
                ExitCode::SUCCESS
            })
        }
        Command::Run {
            input,
            main,
            interpret_program,
            vm_options,
            args,
        } => run(input, main, interpret_program, vm_options, args),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("roast: error: {msg}");
            ExitCode::from(1)
        }
    }
}
