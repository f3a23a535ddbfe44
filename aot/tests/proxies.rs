//! Differential tests of `java.lang.reflect.Proxy` and runtime-visible annotations: every
//! program under `aot/tests/java/proxies/` is compiled with javac, run on HotSpot and built
//! with the release `roast`; stdout and the exit code must be the same. Proxy classes are
//! synthesized at build time (`aot/src/proxies.rs`, `aot/src/desugar/proxy.rs`); annotations
//! are parsed by the JDK's `AnnotationParser` from the metadata `aot/src/annotation_roots.rs`
//! keeps. `proxies_roast/` holds programs whose expected behaviour is roast's own.

mod common;

/// The test programs (class name = file stem under `aot/tests/java/proxies/`).
const PROGRAMS: &[&str] = &[
    "ProxyBasics",
    "ProxySources",
    "ProxyDecorators",
    "AnnotationValues",
];

#[test]
fn proxy_and_annotation_programs_behave_as_on_hotspot() {
    let failures: Vec<String> = PROGRAMS
        .iter()
        .filter_map(|&name| {
            common::check("proxies", name, &[])
                .err()
                .map(|e| format!("{name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn interface_list_without_prebuilt_proxy_class_fails_loudly() {
    let Some(out) = common::run_on_roast("proxies_roast", "MissingProxy").unwrap() else {
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("roast: no proxy class was generated for [MissingProxy$Lonely]"),
        "{stdout}"
    );
}
