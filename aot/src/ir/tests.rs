//! Verifier tests: functions broken on purpose must be rejected with a located message.

use crate::ir::entity::Block;
use crate::ir::function::Function;
use crate::ir::inst::{BinOp, BlockCall, InstData, Opcode};
use crate::ir::types::Type;
use crate::ir::verify::verify;

fn data(op: Opcode, args: Vec<crate::ir::Value>) -> InstData {
    InstData {
        op,
        args,
        result: None,
        succs: vec![],
        exc: None,
        pc: 0,
    }
}

/// `f(i32) -> i32`: block0(v0) jumps to block1(v0); block1(v1) returns v1 + 1.
fn sample() -> (Function, Block, Block) {
    let mut f = Function {
        name: "T.f(I)I".into(),
        is_static: true,
        ret: Some(Type::I32),
        ..Function::default()
    };
    let b0 = f.new_block();
    let b1 = f.new_block();
    f.entry = Some(b0);
    f.layout = vec![b0, b1];
    let v0 = f.add_param(b0, Type::I32);
    let v1 = f.add_param(b1, Type::I32);
    let mut jump = data(Opcode::Jump, vec![]);
    jump.succs = vec![BlockCall {
        block: b1,
        args: vec![v0],
    }];
    f.append(b0, jump, None);
    let (_, one) = f.append_value(b1, data(Opcode::Iconst(1), vec![]), Type::I32);
    let (_, sum) = f.append_value(
        b1,
        data(Opcode::Binary(BinOp::Add, Type::I32), vec![v1, one]),
        Type::I32,
    );
    f.append(b1, data(Opcode::Return, vec![sum]), None);
    (f, b0, b1)
}

fn expect_error(f: &Function, needle: &str) {
    let err = verify(f)
        .expect_err("broken function was accepted")
        .to_string();
    assert!(err.contains("T.f(I)I") && err.contains(needle), "{err}");
}

#[test]
fn sample_verifies() {
    verify(&sample().0).unwrap();
}

#[test]
fn missing_terminator() {
    let (mut f, _, b1) = sample();
    f.blocks[b1].insts.pop();
    expect_error(&f, "block1");
}

#[test]
fn use_before_definition() {
    let (mut f, _, b1) = sample();
    f.blocks[b1].insts.swap(0, 1);
    expect_error(&f, "not dominated");
}

#[test]
fn wrong_argument_count() {
    let (mut f, b0, _) = sample();
    let jump = f.blocks[b0].insts[0];
    f.insts[jump].succs[0].args.clear();
    expect_error(&f, "0 arguments for 1 parameters");
}

#[test]
fn wrong_operand_type() {
    let (mut f, _, b1) = sample();
    let add = f.blocks[b1].insts[1];
    f.insts[add].op = Opcode::Binary(BinOp::Add, Type::I64);
    expect_error(&f, "operand types");
}

#[test]
fn exceptional_edge_from_non_throwing_instruction() {
    let (mut f, b0, b1) = sample();
    let handler = f.new_block();
    f.add_param(handler, Type::Ref);
    f.layout.push(handler);
    let add = f.blocks[b1].insts[1];
    f.insts[add].exc = Some(BlockCall::new(handler));
    let _ = b0;
    expect_error(&f, "cannot throw");
}

/// `f(ref) -> i32`: block0 calls `o.hashCode()` with an exceptional edge to block2, then
/// block1 returns the result; block2(exc) returns 0.
fn with_handler() -> (Function, Block, crate::ir::Value) {
    use crate::ir::inst::{InvokeKind, MethodRef};
    let mut f = Function {
        name: "T.f(I)I".into(),
        is_static: true,
        ret: Some(Type::I32),
        ..Function::default()
    };
    let (b0, b1, b2) = (f.new_block(), f.new_block(), f.new_block());
    f.entry = Some(b0);
    f.layout = vec![b0, b1, b2];
    let o = f.add_param(b0, Type::Ref);
    f.add_param(b2, Type::Ref);
    let m = MethodRef {
        class: "java/lang/Object".into(),
        name: "hashCode".into(),
        descriptor: "()I".into(),
        interface: false,
    };
    let mut call = data(Opcode::Invoke(InvokeKind::Virtual, m), vec![o]);
    call.exc = Some(BlockCall::new(b2));
    let (_, h) = f.append_value(b0, call, Type::I32);
    let mut jump = data(Opcode::Jump, vec![]);
    jump.succs = vec![BlockCall::new(b1)];
    f.append(b0, jump, None);
    f.append(b1, data(Opcode::Return, vec![h]), None);
    let (_, zero) = f.append_value(b2, data(Opcode::Iconst(0), vec![]), Type::I32);
    f.append(b2, data(Opcode::Return, vec![zero]), None);
    (f, b2, h)
}

#[test]
fn exceptional_edge_sample_verifies() {
    verify(&with_handler().0).unwrap();
}

#[test]
fn throwing_result_does_not_dominate_its_handler() {
    let (mut f, b2, h) = with_handler();
    let ret = *f.blocks[b2].insts.last().unwrap();
    f.insts[ret].args = vec![h];
    expect_error(&f, "not dominated");
}

#[test]
fn exceptional_edge_must_be_last_before_terminator() {
    let (mut f, _, _) = with_handler();
    let b0 = f.entry.unwrap();
    let (extra, _) = f.append_value(b0, data(Opcode::Iconst(1), vec![]), Type::I32);
    let insts = &mut f.blocks[b0].insts;
    insts.pop();
    insts.insert(1, extra);
    expect_error(&f, "last one before the terminator");
}
