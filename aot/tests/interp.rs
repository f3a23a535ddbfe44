//! Differential tests of the interpreter (`runtime/src/interp/`): programs under
//! `aot/tests/java/interp/` load classes at run time from a directory compiled separately
//! (`<Name>_plugins/`, never given to roast) and must behave as on HotSpot: interpreted
//! classes implementing compiled interfaces and extending compiled classes, calls in both
//! directions with many arguments, exceptions across the boundary, class initialization,
//! monitors, string concatenation, lambdas and method references made by interpreted code,
//! class loader delegation, two loaders defining the same class (separate statics),
//! `Class.forName` with a loader, annotations of run-time classes and their members, and
//! (`InterpJars`) jars, resources and `ServiceLoader` over a class loader, and
//! (`InterpNesting`) nesting metadata: nest hosts, InnerClasses, sealed classes.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/interp/`).
const PROGRAMS: &[&str] = &["InterpBasics", "InterpLambdas", "InterpIsolation"];

#[test]
fn interpreted_plugins_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check_with_plugins("interp", name)
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The same in the collector's stress mode: a collection every 100 allocations, each followed
/// by the heap verifier, which must know the descriptors of classes defined at run time and
/// of their array classes, and find every object interpreted frames refer to.
#[test]
fn interpreted_plugins_survive_gc_stress() {
    if let Err(e) =
        common::check_with_plugins_env("interp", "InterpBasics", &[("ROAST_GC_STRESS", "100")])
    {
        panic!("InterpBasics under ROAST_GC_STRESS=100: {e}");
    }
}

/// Classes, resources and service providers from a jar packed by the `jar` tool (and from a
/// jar the program writes itself), next to the plugin directory.
///
/// Opening a jar goes through `ZipFile.Source.get`, which reads the file's attributes with
/// `Files.readAttributes` (the java.nio.file natives, `runtime/src/natives/nio_*.rs`).
#[test]
fn jars_resources_and_service_loader_behave_as_on_hotspot() {
    if let Err(e) = common::check_with_plugin_jar("interp", "InterpJars") {
        panic!("InterpJars: {e}");
    }
}

/// Verification by type checking (`runtime/src/interp/verify/`): class files assembled in
/// memory with ill-typed code (class types of arguments, fields and receivers, locals,
/// stack depth, return types, branch targets and fall-through against stack map frames,
/// handlers and catch types, uninitialized objects, long halves, protected methods and
/// fields) fail with HotSpot's VerifyError message and location; a well-typed one and
/// tricky javac output (`InterpVerify_plugins/`) run; the last VerifyError is uncaught
/// (exit status).
#[test]
fn verifier_rejects_ill_typed_code_like_hotspot() {
    if let Err(e) = common::check_with_plugins("interp", "InterpVerify") {
        panic!("InterpVerify: {e}");
    }
}

/// JDK methods the build pruned, called by a class loaded at run time, interpreted from
/// the embedded class library (`runtime/src/interp/library.rs`, `aot/src/jdk_bytecode.rs`):
/// `BigInteger`/`MutableBigInteger` private helper chains (sqrt, modPow, modInverse through
/// `SignedMutableBigInteger`, a JDK class the build never loaded), `BigDecimal`, an exception
/// thrown inside interpreted JDK code with its stack trace, `Checksum`'s default method on
/// `CRC32`, `DecimalFormat` patterns, regex `Matcher`/`Pattern` methods, `ByteArrayOutputStream`'s
/// synchronized methods, `String.indent`/`stripIndent`/`translateEscapes`, `Collections.rotate`
/// and `BitSet`. The program itself uses each class only a little, so the classes are compiled.
#[test]
fn pruned_jdk_methods_run_from_the_class_library() {
    if let Err(e) = common::check_with_plugins("interp", "InterpLibrary") {
        panic!("InterpLibrary: {e}");
    }
    // Frames of interpreted JDK methods (`method_flags::INTERPRETED`) must be scanned.
    if let Err(e) =
        common::check_with_plugins_env("interp", "InterpLibrary", &[("ROAST_GC_STRESS", "100")])
    {
        panic!("InterpLibrary under ROAST_GC_STRESS=100: {e}");
    }
}

/// Nesting metadata of run-time classes (`runtime/src/interp/nest.rs`, `names.rs`, the
/// sealed check in `define.rs`): names, kinds and modifiers of every kind of nested class,
/// declaring/enclosing classes and enclosing methods, nest hosts validated as HotSpot does
/// (host in another loader, missing, or not listing the member), nestmate private access
/// through reflection, permitted subclasses (unloadable ones left out) and
/// IncompatibleClassChangeError for a subclass a sealed supertype does not permit.
#[test]
fn nesting_metadata_behaves_as_on_hotspot() {
    if let Err(e) = common::check_with_plugins("interp", "InterpNesting") {
        panic!("InterpNesting: {e}");
    }
}

/// What still fails loudly (roast only): a run-time class using a JDK class that is neither
/// compiled into the program nor embedded for the interpreter (here java.desktop's
/// `Point2D`, a module roast does not compile) gets a NoClassDefFoundError that says why.
#[test]
fn absent_jdk_class_fails_with_a_clear_message() {
    let Some(out) = common::run_on_roast_with_plugins("interp_roast", "LibraryMissing").unwrap()
    else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(
            "NoClassDefFoundError: java/awt/geom/Point2D$Double (roast: this JDK class is neither compiled into the program nor embedded for the interpreter"
        ),
        "{stdout}"
    );
}
