//! Unit tests of the SSA builder: Braun et al. corner cases (irreducible loops, unreachable
//! code, dead stack slots at merges, uninitialized locals) and malformed bytecode.

use super::build_function;
use crate::classfile::{access, ClassFile, Code, ExceptionHandler, MethodInfo};
use crate::desugar::builder::ClassBuilder;
use crate::ir::function::Function;
use crate::ir::print::print_function;
use crate::ir::verify::verify;

/// A class `T` with one static method `m` of descriptor `desc` and the given code.
fn class_with(
    desc: &str,
    max_locals: u16,
    code: &[u8],
    handlers: Vec<ExceptionHandler>,
) -> ClassFile {
    let mut cb = ClassBuilder::new("T", "java/lang/Object", vec![]);
    cb.class("java/lang/Exception");
    let mut class = cb.build();
    class.methods.push(MethodInfo::with_code(
        access::STATIC,
        "m",
        desc,
        Code::new(8, max_locals, code.to_vec(), handlers),
    ));
    class
}

fn build(desc: &str, max_locals: u16, code: &[u8]) -> Result<Function, String> {
    let class = class_with(desc, max_locals, code, vec![]);
    let f = build_function(&class, &class.methods[0]).map_err(|e| e.to_string())?;
    verify(&f).map_err(|e| format!("{e}\n{}", print_function(&f)))?;
    Ok(f)
}

fn phi_count(f: &Function) -> usize {
    f.layout
        .iter()
        .skip(1)
        .map(|&b| f.blocks[b].params.len())
        .sum()
}

#[test]
fn irreducible_loop_entered_twice() {
    // i = 0; if (x == 0) goto B; A: i++; B: if (i < 10) goto A; return i
    let code = [
        0x03, 0x3c, 0x1a, 0x99, 0x00, 0x06, 0x84, 0x01, 0x01, 0x1b, 0x10, 0x0a, 0xa1, 0xff, 0xfa,
        0x1b, 0xac,
    ];
    let f = build("(I)I", 2, &code).unwrap();
    // One phi for `i` at each of the loop's two entries.
    assert_eq!(phi_count(&f), 2, "{}", print_function(&f));
}

#[test]
fn loop_invariant_local_needs_no_phi() {
    // x is only read in the loop: for (i = 0; i < x; i++) {} return x
    let code = [
        0x03, 0x3c, // iconst_0, istore_1
        0x1b, 0x1a, 0xa2, 0x00, 0x09, // L: iload_1, iload_0, if_icmpge END
        0x84, 0x01, 0x01, 0xa7, 0xff, 0xf8, // iinc 1 1, goto L
        0x1a, 0xac, // END: iload_0, ireturn
    ];
    let f = build("(I)I", 2, &code).unwrap();
    assert_eq!(phi_count(&f), 1, "{}", print_function(&f));
}

#[test]
fn unreachable_code_is_skipped() {
    // iconst_0, ireturn, then an `iadd` that would underflow the stack.
    let f = build("()I", 0, &[0x03, 0xac, 0x60, 0xac]).unwrap();
    assert_eq!(f.layout.len(), 2);
}

#[test]
fn dead_stack_slot_at_merge_creates_no_phi() {
    // if (x == 0) push 2 else push 1; pop; return 3
    let code = [
        0x1a, 0x99, 0x00, 0x07, 0x04, 0xa7, 0x00, 0x04, 0x05, 0x57, 0x06, 0xac,
    ];
    let f = build("(I)I", 1, &code).unwrap();
    assert_eq!(phi_count(&f), 0, "{}", print_function(&f));
}

#[test]
fn live_stack_slot_at_merge_is_a_phi() {
    // return x == 0 ? 2 : 1 (the value crosses the merge on the stack)
    let code = [0x1a, 0x99, 0x00, 0x07, 0x04, 0xa7, 0x00, 0x04, 0x05, 0xac];
    let f = build("(I)I", 1, &code).unwrap();
    assert_eq!(phi_count(&f), 1, "{}", print_function(&f));
}

#[test]
fn uninitialized_local_is_an_error() {
    let err = build("()I", 2, &[0x1b, 0xac]).unwrap_err();
    assert!(
        err.contains("T.m()I at pc 0") && err.contains("local 1"),
        "{err}"
    );
    // Assigned on one path only: if (x != 0) y = 5; return y
    let code = [0x1a, 0x99, 0x00, 0x05, 0x08, 0x3c, 0x1b, 0xac];
    let err = build("(I)I", 2, &code).unwrap_err();
    assert!(
        err.contains("local 1 (i32) is read before it is assigned"),
        "{err}"
    );
}

#[test]
fn jsr_is_rejected_with_location() {
    // jsr +4; return; astore_0; ret 0
    let err = build("()V", 1, &[0xa8, 0x00, 0x04, 0xb1, 0x4b, 0xa9, 0x00]).unwrap_err();
    assert!(err.starts_with("T.m()V at pc 0: jsr/ret"), "{err}");
}

#[test]
fn malformed_bytecode_is_an_error_not_a_panic() {
    let cases: &[(&str, u16, &[u8])] = &[
        ("()I", 0, &[0x60, 0xac]),             // iadd on an empty stack
        ("()V", 0, &[0xa7, 0x00, 0x02, 0xb1]), // goto into an instruction
        ("()V", 0, &[0x10]),                   // truncated bipush
        ("()I", 0, &[0x0b, 0xac]),             // ireturn of a float
        ("()V", 1, &[0x03, 0x3f, 0xb1]),       // lstore of an int
        ("()V", 1, &[0x04, 0x3d, 0xb1]),       // istore_2 beyond max_locals
        ("()V", 0, &[0x03]),                   // falls off the end
        ("()I", 0, &[0x01, 0x04, 0x60, 0xac]), // iadd of a reference
    ];
    for (desc, locals, code) in cases {
        assert!(
            build(desc, *locals, code).is_err(),
            "{code:02x?} was accepted"
        );
    }
}

#[test]
fn handler_gets_dispatch_and_phi_of_locals() {
    // try { x = 1; x = 10 / x0; } catch (Exception e) { return x; } return x
    let code = [
        0x04, 0x3c, // iconst_1, istore_1          pc 0
        0x10, 0x0a, 0x1a, 0x6c, 0x3c, // bipush 10, iload_0, idiv, istore_1   pc 2..6
        0x1b, 0xac, // iload_1, ireturn            pc 7
        0x4d, 0x1b, 0xac, // astore_2, iload_1, ireturn   pc 9 (handler)
    ];
    let handler = ExceptionHandler {
        start_pc: 0,
        end_pc: 7,
        handler_pc: 9,
        catch_type: Some("java/lang/Exception".into()),
    };
    let class = class_with("(I)I", 3, &code, vec![handler]);
    let f = build_function(&class, &class.methods[0]).unwrap();
    verify(&f).unwrap();
    let text = print_function(&f);
    assert!(text.contains("div_zero_check v0 catch"), "{text}");
    assert!(text.contains("instanceof java/lang/Exception"), "{text}");
}
