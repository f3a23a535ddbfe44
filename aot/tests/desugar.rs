//! Differential test of the invokedynamic desugaring (string concatenation, lambdas and
//! method references of every kind, altMetafactory markers, record methods) against HotSpot.

mod common;

#[test]
fn desugared_invokedynamic_behaves_like_hotspot() {
    if let Err(e) = common::check("desugar", "Desugar", &[]) {
        panic!("desugar/Desugar: {e}");
    }
}
