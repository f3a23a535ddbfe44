//! The SDK classes (`sdk/`, compiled by `build.rs` with javac) embedded in the compiler.
//! They shadow JDK classes of the same name (see `sdk/README.md` for the list and reasons).

include!(concat!(env!("OUT_DIR"), "/sdk_classes.rs"));

/// Every embedded SDK class as (internal name, class-file bytes).
pub fn classes() -> &'static [(&'static str, &'static [u8])] {
    SDK_CLASSES
}
