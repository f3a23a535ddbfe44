//! Differential test of `Math` and `StrictMath`: `aot/tests/java/math/MathBits.java` prints
//! checksums of result bits per function over thousands of inputs (special values, huge
//! arguments, neighbours of multiples of pi/2, random values) and a few values in full; the
//! roast-built program must print exactly what HotSpot prints.

mod common;

#[test]
fn math_results_are_bit_identical_to_hotspot() {
    if let Err(e) = common::check("math", "MathBits", &[]) {
        panic!("MathBits: {e}");
    }
}
