//! Differential tests of helpful NullPointerException messages (`lower::npe_message`): the
//! programs under `aot/tests/java/npe/` are compiled with javac, run on HotSpot and built with
//! the release `roast`; stdout (which prints `getMessage()` of every NPE) and the exit code
//! must be the same. `NpeActions` is compiled without flags (no LocalVariableTable: locals
//! print as `<localN>`/`<parameterN>`), `NpeNames` with `-g` (locals print by name).

mod common;

#[test]
fn npe_messages_without_local_names_match_hotspot() {
    if let Err(e) = common::check("npe", "NpeActions", &[]) {
        panic!("NpeActions: {e}");
    }
}

#[test]
fn npe_messages_with_local_names_match_hotspot() {
    if let Err(e) = common::check("npe", "NpeNames", &["-g"]) {
        panic!("NpeNames: {e}");
    }
}
