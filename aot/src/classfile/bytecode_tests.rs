//! Unit tests of the bytecode decoder, one per opcode family.

use super::*;

fn ops(code: &[u8]) -> Vec<Op> {
    decode(code).unwrap().into_iter().map(|i| i.op).collect()
}

fn err(code: &[u8]) -> ClassFormatError {
    decode(code).unwrap_err()
}

#[test]
fn constants_family() {
    assert_eq!(
        ops(&[0x00, 0x01, 0x02, 0x08, 0x09, 0x0a, 0x0d, 0x0f]),
        vec![
            Op::Nop,
            Op::AconstNull,
            Op::Iconst(-1),
            Op::Iconst(5),
            Op::Lconst(0),
            Op::Lconst(1),
            Op::Fconst(2.0),
            Op::Dconst(1.0)
        ]
    );
    assert_eq!(
        ops(&[0x10, 0xff, 0x11, 0x80, 0x00, 0x12, 7, 0x13, 1, 2, 0x14, 0, 3]),
        vec![
            Op::Iconst(-1),
            Op::Iconst(-32768),
            Op::Ldc(7),
            Op::Ldc(258),
            Op::Ldc(3)
        ]
    );
}

#[test]
fn loads_and_stores() {
    assert_eq!(
        ops(&[0x15, 4, 0x19, 200, 0x1a, 0x21, 0x2d, 0x2e, 0x32, 0x33, 0x35]),
        vec![
            Op::Load(Kind::Int, 4),
            Op::Load(Kind::Ref, 200),
            Op::Load(Kind::Int, 0),
            Op::Load(Kind::Long, 3),
            Op::Load(Kind::Ref, 3),
            Op::ArrayLoad(ArrayKind::Int),
            Op::ArrayLoad(ArrayKind::Ref),
            Op::ArrayLoad(ArrayKind::Byte),
            Op::ArrayLoad(ArrayKind::Short),
        ]
    );
    assert_eq!(
        ops(&[0x37, 2, 0x3b, 0x4a, 0x4e, 0x4f, 0x52, 0x55, 0x56]),
        vec![
            Op::Store(Kind::Long, 2),
            Op::Store(Kind::Int, 0),
            Op::Store(Kind::Double, 3),
            Op::Store(Kind::Ref, 3),
            Op::ArrayStore(ArrayKind::Int),
            Op::ArrayStore(ArrayKind::Double),
            Op::ArrayStore(ArrayKind::Char),
            Op::ArrayStore(ArrayKind::Short),
        ]
    );
}

#[test]
fn stack_family() {
    assert_eq!(
        ops(&[0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f]),
        vec![
            Op::Pop,
            Op::Pop2,
            Op::Dup,
            Op::DupX1,
            Op::DupX2,
            Op::Dup2,
            Op::Dup2X1,
            Op::Dup2X2,
            Op::Swap
        ]
    );
}

#[test]
fn arithmetic_family() {
    assert_eq!(
        ops(&[0x60, 0x67, 0x6d, 0x73, 0x74, 0x78, 0x7d, 0x7e, 0x81, 0x83]),
        vec![
            Op::Arith(Kind::Int, ArithOp::Add),
            Op::Arith(Kind::Double, ArithOp::Sub),
            Op::Arith(Kind::Long, ArithOp::Div),
            Op::Arith(Kind::Double, ArithOp::Rem),
            Op::Arith(Kind::Int, ArithOp::Neg),
            Op::Arith(Kind::Int, ArithOp::Shl),
            Op::Arith(Kind::Long, ArithOp::Ushr),
            Op::Arith(Kind::Int, ArithOp::And),
            Op::Arith(Kind::Long, ArithOp::Or),
            Op::Arith(Kind::Long, ArithOp::Xor),
        ]
    );
    assert_eq!(ops(&[0x84, 3, 0xfe]), vec![Op::Iinc(3, -2)]);
}

#[test]
fn conversions_and_compares() {
    assert_eq!(
        ops(&[0x85, 0x88, 0x8c, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98]),
        vec![
            Op::Convert(Kind::Int, Kind::Long),
            Op::Convert(Kind::Long, Kind::Int),
            Op::Convert(Kind::Float, Kind::Long),
            Op::Convert(Kind::Double, Kind::Float),
            Op::Narrow(ArrayKind::Byte),
            Op::Narrow(ArrayKind::Char),
            Op::Narrow(ArrayKind::Short),
            Op::Lcmp,
            Op::Fcmp {
                double: false,
                nan_greater: false
            },
            Op::Fcmp {
                double: false,
                nan_greater: true
            },
            Op::Fcmp {
                double: true,
                nan_greater: false
            },
            Op::Fcmp {
                double: true,
                nan_greater: true
            },
        ]
    );
}

#[test]
fn branches_are_absolute() {
    // 0: ifeq +6 -> 6; 3: goto -3 -> 0; 6: if_icmple -6 -> 0; 9: ifnonnull 0 -> 9 ...
    let code = [
        0x99, 0, 6, 0xa7, 0xff, 0xfd, 0xa4, 0xff, 0xfa, 0xc7, 0, 0, 0xa5, 0xff, 0xf4, 0xc8, 0xff,
        0xff, 0xff, 0xf1, 0xa8, 0, 0, 0xc9, 0, 0, 0, 0, 0xc6, 0xff, 0xe4, 0xa6, 0, 0,
    ];
    assert_eq!(
        ops(&code),
        vec![
            Op::If(Cond::Eq, 6),
            Op::Goto(0),
            Op::IfICmp(Cond::Le, 0),
            Op::IfNonNull(9),
            Op::IfACmp(true, 0),
            Op::Goto(0),
            Op::Jsr(20),
            Op::Jsr(23),
            Op::IfNull(0),
            Op::IfACmp(false, 31),
        ]
    );
}

#[test]
fn branch_errors_name_the_pc() {
    let e = err(&[0x00, 0xa7, 0x00, 0x10]);
    assert_eq!(e.offset, Some(1));
    assert!(e.message.contains("leaves the code array"));
    // goto into the middle of sipush (pc 1 is an operand byte).
    let e = err(&[0x11, 0, 0, 0xa7, 0xff, 0xfe]);
    assert_eq!(e.offset, Some(3));
    assert!(e.message.contains("not the start of an instruction"));
    assert!(err(&[0xa7, 0x80, 0x00]).message.contains("leaves"));
}

#[test]
fn tableswitch_padding_depends_on_pc() {
    for prefix in 0..4usize {
        let mut code = vec![0x00; prefix];
        let pc = prefix;
        code.push(0xaa);
        while code.len() % 4 != 0 {
            code.push(0);
        }
        let base = i32::try_from(pc).unwrap();
        let end = i32::try_from(code.len() + 20).unwrap();
        for v in [end - base, 1, 2, end - base, -base] {
            code.extend_from_slice(&v.to_be_bytes());
        }
        code.push(0xb1);
        let insns = decode(&code).unwrap();
        let sw = &insns[prefix];
        assert_eq!(sw.pc as usize, pc);
        assert_eq!(sw.len as usize, code.len() - 1 - pc);
        assert_eq!(
            sw.op,
            Op::TableSwitch {
                default: end as u32,
                low: 1,
                targets: vec![end as u32, 0]
            }
        );
    }
}

#[test]
fn lookupswitch_decodes_and_checks_order() {
    let mut code = vec![0x00, 0xab, 0, 0];
    for v in [27i32, 2, -5, 27, 7, -1] {
        code.extend_from_slice(&v.to_be_bytes());
    }
    code.push(0xb1);
    let insns = decode(&code).unwrap();
    assert_eq!(
        insns[1].op,
        Op::LookupSwitch {
            default: 28,
            pairs: vec![(-5, 28), (7, 0)]
        }
    );
    assert_eq!(insns[1].len, 27);
    // Unsorted keys.
    let mut bad = code.clone();
    bad[12..16].copy_from_slice(&9i32.to_be_bytes());
    assert!(err(&bad).message.contains("not sorted"));
    // Negative and huge pair counts.
    let mut bad = code.clone();
    bad[8..12].copy_from_slice(&(-1i32).to_be_bytes());
    assert!(decode(&bad).is_err());
    bad[8..12].copy_from_slice(&i32::MAX.to_be_bytes());
    assert!(decode(&bad).is_err());
}

#[test]
fn tableswitch_bounds() {
    let mut code = vec![0xaa, 0, 0, 0];
    for v in [0i32, i32::MIN, i32::MAX] {
        code.extend_from_slice(&v.to_be_bytes());
    }
    assert!(err(&code).message.contains("truncated"));
    let mut code = vec![0xaa, 0, 0, 0];
    for v in [0i32, 5, 4] {
        code.extend_from_slice(&v.to_be_bytes());
    }
    assert!(err(&code).message.contains("low 5 > high 4"));
}

#[test]
fn wide_forms() {
    assert_eq!(
        ops(&[0xc4, 0x15, 1, 0, 0xc4, 0x3a, 0, 9, 0xc4, 0x84, 1, 1, 0xff, 0x9c, 0xc4, 0xa9, 0, 1]),
        vec![
            Op::Load(Kind::Int, 256),
            Op::Store(Kind::Ref, 9),
            Op::Iinc(257, -100),
            Op::Ret(1),
        ]
    );
    let insns = decode(&[0xc4, 0x84, 0, 1, 0, 1, 0xb1]).unwrap();
    assert_eq!(insns[0].len, 6);
    assert_eq!(insns[1].pc, 6);
    assert!(err(&[0xc4, 0x60, 0, 0]).message.contains("wide applied"));
    assert!(err(&[0xc4, 0x15, 0]).message.contains("truncated"));
}

#[test]
fn members_and_objects() {
    let code = [
        0xb2, 0, 1, 0xb3, 0, 2, 0xb4, 0, 3, 0xb5, 0, 4, 0xb6, 0, 5, 0xb7, 0, 6, 0xb8, 0, 7, 0xb9,
        0, 8, 2, 0, 0xba, 0, 9, 0, 0, 0xbb, 0, 10, 0xbc, 4, 0xbc, 10, 0xbd, 0, 11, 0xbe, 0xbf,
        0xc0, 0, 12, 0xc1, 0, 13, 0xc2, 0xc3, 0xc5, 0, 14, 2, 0xac, 0xad, 0xb0, 0xb1,
    ];
    assert_eq!(
        ops(&code),
        vec![
            Op::GetStatic(1),
            Op::PutStatic(2),
            Op::GetField(3),
            Op::PutField(4),
            Op::InvokeVirtual(5),
            Op::InvokeSpecial(6),
            Op::InvokeStatic(7),
            Op::InvokeInterface(8, 2),
            Op::InvokeDynamic(9),
            Op::New(10),
            Op::NewArray(ArrayKind::Byte, true),
            Op::NewArray(ArrayKind::Int, false),
            Op::ANewArray(11),
            Op::ArrayLength,
            Op::AThrow,
            Op::CheckCast(12),
            Op::InstanceOf(13),
            Op::MonitorEnter,
            Op::MonitorExit,
            Op::MultiANewArray(14, 2),
            Op::Return(Some(Kind::Int)),
            Op::Return(Some(Kind::Long)),
            Op::Return(Some(Kind::Ref)),
            Op::Return(None),
        ]
    );
}

#[test]
fn operand_validation() {
    assert!(err(&[0xbc, 3]).message.contains("atype 3"));
    assert!(decode(&[0xb9, 0, 1, 0, 0]).is_err());
    assert!(decode(&[0xb9, 0, 1, 1, 1]).is_err());
    assert!(decode(&[0xba, 0, 1, 0, 1]).is_err());
    assert!(decode(&[0xc5, 0, 1, 0]).is_err());
}

#[test]
fn unknown_opcodes_are_errors() {
    for op in [0xcau8, 0xcb, 0xfe, 0xff] {
        let e = err(&[0x00, op]);
        assert_eq!(e.offset, Some(1));
        assert!(e.message.contains(&format!("unknown opcode 0x{op:02x}")));
    }
}

#[test]
fn every_opcode_with_any_operands_never_panics() {
    for op in 0..=255u8 {
        for fill in [0x00u8, 0x01, 0x7f, 0x80, 0xff] {
            for len in 0..12 {
                let mut code = vec![op];
                code.extend(std::iter::repeat_n(fill, len));
                let _ = decode(&code);
            }
        }
    }
}

#[test]
fn empty_code_and_lengths() {
    assert!(decode(&[]).unwrap().is_empty());
    let insns = decode(&[0x10, 1, 0x11, 0, 1, 0xb1]).unwrap();
    let lens: Vec<u32> = insns.iter().map(|i| i.len).collect();
    assert_eq!(lens, vec![2, 3, 1]);
    assert!(insns[2].op.ends_block());
    assert!(Op::Goto(0).ends_block());
    assert!(!Op::If(Cond::Eq, 0).ends_block());
}
