//! Unit tests of the NPE-message analysis on hand-assembled methods: the tricky cases of
//! HotSpot's algorithm (merges, stack shuffles, category-2 values, written locals, `wide`,
//! exception handlers, early stop in loops, name trimming). The differential test
//! `aot/tests/npe.rs` checks javac output against HotSpot itself.

use super::*;
use crate::classfile::{access, ExceptionHandler, LocalVariable};
use crate::desugar::builder::ClassBuilder;

/// Opcodes used below.
mod op {
    pub const ACONST_NULL: u8 = 0x01;
    pub const ICONST_0: u8 = 0x03;
    pub const ICONST_1: u8 = 0x04;
    pub const LCONST_0: u8 = 0x09;
    pub const LCONST_1: u8 = 0x0a;
    pub const BIPUSH: u8 = 0x10;
    pub const SIPUSH: u8 = 0x11;
    pub const ALOAD: u8 = 0x19;
    pub const ILOAD_0: u8 = 0x1a;
    pub const ILOAD_1: u8 = 0x1b;
    pub const LLOAD_0: u8 = 0x1e;
    pub const ALOAD_0: u8 = 0x2a;
    pub const ALOAD_1: u8 = 0x2b;
    pub const ALOAD_2: u8 = 0x2c;
    pub const IALOAD: u8 = 0x2e;
    pub const AALOAD: u8 = 0x32;
    pub const ASTORE_0: u8 = 0x4b;
    pub const ASTORE_1: u8 = 0x4c;
    pub const LASTORE: u8 = 0x50;
    pub const POP: u8 = 0x57;
    pub const POP2: u8 = 0x58;
    pub const DUP: u8 = 0x59;
    pub const DUP_X1: u8 = 0x5a;
    pub const DUP2_X1: u8 = 0x5d;
    pub const SWAP: u8 = 0x5f;
    pub const IADD: u8 = 0x60;
    pub const IFEQ: u8 = 0x99;
    pub const GOTO: u8 = 0xa7;
    pub const RETURN: u8 = 0xb1;
    pub const GETSTATIC: u8 = 0xb2;
    pub const GETFIELD: u8 = 0xb4;
    pub const PUTFIELD: u8 = 0xb5;
    pub const INVOKEVIRTUAL: u8 = 0xb6;
    pub const INVOKESPECIAL: u8 = 0xb7;
    pub const INVOKESTATIC: u8 = 0xb8;
    pub const NEW: u8 = 0xbb;
    pub const ARRAYLENGTH: u8 = 0xbe;
    pub const ATHROW: u8 = 0xbf;
    pub const CHECKCAST: u8 = 0xc0;
    pub const MONITORENTER: u8 = 0xc2;
    pub const WIDE: u8 = 0xc4;
}
use op::*;

/// A class `T` with a few constant-pool entries and one method under test.
struct Fixture {
    b: ClassBuilder,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture {
            b: ClassBuilder::new("T", "java/lang/Object", vec![]),
        }
    }

    /// Instruction bytes `opcode, idx` for a field of `Node`.
    fn field(&mut self, opcode: u8, name: &str, desc: &str) -> Vec<u8> {
        let i = self.b.field_ref("Node", name, desc);
        let [hi, lo] = i.to_be_bytes();
        vec![opcode, hi, lo]
    }

    fn call(&mut self, opcode: u8, class: &str, name: &str, desc: &str) -> Vec<u8> {
        let i = self.b.method_ref(class, name, desc, false);
        let [hi, lo] = i.to_be_bytes();
        vec![opcode, hi, lo]
    }

    /// The message at `pc` of a method with this access, descriptor and code.
    fn message(self, acc: u16, desc: &str, code: Code, pc: u32) -> Option<String> {
        let file = self.b.build();
        let m = method(acc, desc, code);
        npe_message(&file, &m, pc)
    }
}

fn code(bytes: Vec<u8>) -> Code {
    Code::new(10, 10, bytes, vec![])
}

fn method(acc: u16, desc: &str, code: Code) -> MethodInfo {
    MethodInfo::with_code(acc, "m", desc, code)
}

const STATIC: u16 = access::STATIC;

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

#[test]
fn field_chain_on_parameter_and_this() {
    let mut f = Fixture::new();
    let next = f.field(GETFIELD, "next", "LNode;");
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[&[ALOAD_0], &next, &value, &[POP, RETURN]]);
    let m = f.message(STATIC, "(LNode;)V", code(bytes.clone()), 4);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<parameter1>.next\" is null")
    );
    let mut f = Fixture::new();
    f.field(GETFIELD, "next", "LNode;");
    f.field(GETFIELD, "value", "I");
    let m = f.message(0, "()V", code(bytes), 1);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"next\" because \"this\" is null")
    );
}

#[test]
fn written_locals_are_no_longer_parameters() {
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[&[ALOAD_0, ASTORE_0, ALOAD_0], &value, &[POP, RETURN]]);
    let m = f.message(0, "()V", code(bytes.clone()), 3);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<local0>\" is null")
    );
    let mut f = Fixture::new();
    f.field(GETFIELD, "value", "I");
    let m = f.message(STATIC, "(LNode;)V", code(bytes), 3);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<local0>\" is null")
    );
}

#[test]
fn merges_forget_disagreeing_pushers_and_unite_written_slots() {
    // iload_0; ifeq L; aload_1; goto M; L: aload_2; M: getfield value
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[
        &[ILOAD_0, IFEQ, 0, 7, ALOAD_1, GOTO, 0, 4, ALOAD_2],
        &value,
        &[POP, RETURN],
    ]);
    let m = f.message(STATIC, "(ZLNode;LNode;)V", code(bytes), 9);
    assert_eq!(m.as_deref(), Some("Cannot read field \"value\""));

    // aload_1; iload_0; ifeq M; nop-free path writes slot 2; M: getfield value
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[
        &[ALOAD_1, ILOAD_0, IFEQ, 0, 5, ACONST_NULL, 0x4d], // astore_2
        &value,
        &[POP, ALOAD_2],
        &value,
        &[POP, RETURN],
    ]);
    let desc = "(ZLNode;LNode;)V";
    let m = f.message(STATIC, desc, code(bytes), 7);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<parameter2>\" is null")
    );
}

#[test]
fn written_slot_on_one_path_is_written_after_the_merge() {
    // iload_0; ifeq L; aconst_null; astore_1; L: aload_1; getfield value
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[
        &[ILOAD_0, IFEQ, 0, 5, ACONST_NULL, ASTORE_1, ALOAD_1],
        &value,
        &[POP, RETURN],
    ]);
    let m = f.message(STATIC, "(ZLNode;)V", code(bytes), 7);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<local1>\" is null")
    );
}

#[test]
fn dup_and_swap_move_pushers() {
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[&[ALOAD_0, ALOAD_1, SWAP], &value, &[POP, POP, RETURN]]);
    let m = f.message(STATIC, "(LNode;LNode;)V", code(bytes), 3);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<parameter1>\" is null")
    );
    // aload_0 aload_1 dup_x1 -> a1 a0 a1; pop -> a1 a0
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[&[ALOAD_0, ALOAD_1, DUP_X1, POP], &value, &[POP2, RETURN]]);
    let m = f.message(STATIC, "(LNode;LNode;)V", code(bytes), 4);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<parameter1>\" is null")
    );
}

#[test]
fn category_two_values_take_two_slots() {
    // static m(long, Node): aload_2; lload_0; dup2_x1; pop2; getfield value
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[&[ALOAD_2, LLOAD_0, DUP2_X1, POP2], &value, &[RETURN]]);
    let m = f.message(STATIC, "(JLNode;)V", code(bytes), 4);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"<parameter2>\" is null")
    );
    // putfield of a long: the object is below two slots.
    let mut f = Fixture::new();
    let put = f.field(PUTFIELD, "l", "J");
    let bytes = cat(&[&[ALOAD_2, LCONST_0], &put, &[RETURN]]);
    let m = f.message(STATIC, "(JLNode;)V", code(bytes), 2);
    assert_eq!(
        m.as_deref(),
        Some("Cannot assign field \"l\" because \"<parameter2>\" is null")
    );
    // lastore: array, index, two value slots.
    let bytes = vec![ALOAD_2, ICONST_0, LCONST_1, LASTORE, RETURN];
    let m = Fixture::new().message(STATIC, "(J[J)V", code(bytes), 3);
    assert_eq!(
        m.as_deref(),
        Some("Cannot store to long array because \"<parameter2>\" is null")
    );
}

#[test]
fn wide_locals_and_high_slots() {
    let bytes = vec![WIDE, ALOAD, 1, 44, ARRAYLENGTH, POP, RETURN];
    let m = Fixture::new().message(STATIC, "()V", code(bytes), 4);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read the array length because \"<local300>\" is null")
    );
}

#[test]
fn local_variable_table_names_win() {
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let mut c = code(cat(&[
        &[ALOAD_0, ASTORE_1, ALOAD_1],
        &value,
        &[POP, RETURN],
    ]));
    c.local_variables.push(LocalVariable {
        start_pc: 2,
        length: 6,
        name: "node".into(),
        descriptor: "LNode;".into(),
        index: 1,
    });
    let m = f.message(STATIC, "(LNode;)V", c, 3);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"node\" is null")
    );
}

#[test]
fn handlers_start_with_nothing_written() {
    // try { aconst_null; astore_0; return } catch: pop; aload_0; monitorenter
    let mut c = code(vec![
        ACONST_NULL,
        ASTORE_0,
        RETURN,
        POP,
        ALOAD_0,
        MONITORENTER,
        RETURN,
    ]);
    c.handlers.push(ExceptionHandler {
        start_pc: 0,
        end_pc: 3,
        handler_pc: 3,
        catch_type: None,
    });
    let m = Fixture::new().message(STATIC, "(LNode;)V", c, 5);
    assert_eq!(
        m.as_deref(),
        Some("Cannot enter synchronized block because \"<parameter1>\" is null")
    );
}

#[test]
fn loops_are_described_as_first_reached() {
    // L: aload_0; getfield value; pop; aload_0; getfield next; astore_0; goto L
    // HotSpot stops at the first sweep that reaches the failing pc: the back edge (and its
    // write of slot 0) is never seen inside the loop, so slot 0 stays `<parameter1>`.
    let mut f = Fixture::new();
    let value = f.field(GETFIELD, "value", "I");
    let next = f.field(GETFIELD, "next", "LNode;");
    let bytes = cat(&[
        &[ALOAD_0],
        &value,
        &[POP, ALOAD_0],
        &next,
        &[ASTORE_0, GOTO, 0xff, 0xf6],
    ]);
    let file = f.b.build();
    let m = method(STATIC, "(LNode;)V", code(bytes));
    let a = NpeAnalysis::new(&file, &m).expect("analysable");
    assert_eq!(
        a.message(&file, &m, 1).as_deref(),
        Some("Cannot read field \"value\" because \"<parameter1>\" is null")
    );
    assert_eq!(
        a.message(&file, &m, 6).as_deref(),
        Some("Cannot read field \"next\" because \"<parameter1>\" is null")
    );
}

#[test]
fn array_causes_and_indices() {
    // static m(int[][], int): aload_0; iconst_1; aaload; iload_1; iaload
    let bytes = vec![ALOAD_0, ICONST_1, AALOAD, ILOAD_1, IALOAD, POP, RETURN];
    let m = Fixture::new().message(STATIC, "([[II)V", code(bytes), 4);
    assert_eq!(
        m.as_deref(),
        Some("Cannot load from int array because \"<parameter1>[1]\" is null")
    );
    // An index computed by iadd is not described.
    let bytes = vec![
        ALOAD_0, ILOAD_1, ICONST_1, IADD, AALOAD, ICONST_0, IALOAD, POP, RETURN,
    ];
    let m = Fixture::new().message(STATIC, "([[II)V", code(bytes), 6);
    assert_eq!(
        m.as_deref(),
        Some("Cannot load from int array because \"<parameter1>[...]\" is null")
    );
    // sipush prints unsigned, bipush signed.
    let bytes = vec![
        ALOAD_0,
        SIPUSH,
        0xff,
        0xff,
        AALOAD,
        ARRAYLENGTH,
        POP,
        RETURN,
    ];
    let m = Fixture::new().message(STATIC, "([[I)V", code(bytes), 5);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read the array length because \"<parameter1>[65535]\" is null")
    );
    let bytes = vec![ALOAD_0, BIPUSH, 0xff, AALOAD, ARRAYLENGTH, POP, RETURN];
    let m = Fixture::new().message(STATIC, "([[I)V", code(bytes), 4);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read the array length because \"<parameter1>[-1]\" is null")
    );
}

#[test]
fn method_names_trim_object_and_string() {
    let mut f = Fixture::new();
    let get = f.call(INVOKESTATIC, "T", "get", "()Ljava/lang/String;");
    let len = f.call(INVOKEVIRTUAL, "java/lang/String", "length", "()I");
    let bytes = cat(&[&get, &len, &[POP, RETURN]]);
    let m = f.message(STATIC, "()V", code(bytes), 3);
    assert_eq!(
        m.as_deref(),
        Some("Cannot invoke \"String.length()\" because the return value of \"T.get()\" is null")
    );
    let mut f = Fixture::new();
    let desc = "(Ljava/lang/Object;[Ljava/lang/String;Ltest/java/lang/String;\
                Ljava/lang/StringBuilder;I)V";
    let foo = f.call(INVOKEVIRTUAL, "test/java/lang/String", "foo", desc);
    let bytes = cat(&[
        &[
            ACONST_NULL,
            ACONST_NULL,
            ACONST_NULL,
            ACONST_NULL,
            ACONST_NULL,
        ],
        &[ICONST_0],
        &foo,
        &[RETURN],
    ]);
    let m = f.message(STATIC, "()V", code(bytes), 6);
    assert_eq!(
        m.as_deref(),
        Some(
            "Cannot invoke \"test.java.lang.String.foo(Object, String[], \
             test.java.lang.String, StringBuilder, int)\" because \"null\" is null"
        )
    );
}

#[test]
fn static_fields_and_checkcast() {
    let mut f = Fixture::new();
    let s = f.field(GETSTATIC, "head", "Ljava/lang/Object;");
    let cls = f.b.class("Node");
    let [hi, lo] = cls.to_be_bytes();
    let value = f.field(GETFIELD, "value", "I");
    let bytes = cat(&[&s, &[CHECKCAST, hi, lo], &value, &[POP, RETURN]]);
    let m = f.message(STATIC, "()V", code(bytes), 6);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"value\" because \"Node.head\" is null")
    );
}

#[test]
fn explicit_construction_and_non_throwing_instructions_have_no_message() {
    let mut f = Fixture::new();
    let cls = f.b.class("java/lang/NullPointerException");
    let [hi, lo] = cls.to_be_bytes();
    let init = f.call(
        INVOKESPECIAL,
        "java/lang/NullPointerException",
        "<init>",
        "()V",
    );
    let bytes = cat(&[&[NEW, hi, lo, DUP], &init, &[ATHROW]]);
    let file = f.b.build();
    let m = method(STATIC, "()V", code(bytes));
    assert_eq!(npe_message(&file, &m, 4), None);
    assert_eq!(npe_message(&file, &m, 0), None);
    // The athrow's operand comes from `new`, which cannot be described; HotSpot has already
    // printed the opening of the cause then (unobservable: `new` is never null).
    assert_eq!(
        npe_message(&file, &m, 7).as_deref(),
        Some("Cannot throw exception because \"")
    );
}

#[test]
fn cause_depth_is_limited() {
    // aload_0; getfield f1..f6; getfield f7 fails: only five levels are described.
    let mut f = Fixture::new();
    let mut bytes = vec![ALOAD_0];
    for i in 1..=7 {
        bytes.extend(f.field(GETFIELD, &format!("f{i}"), "LNode;"));
    }
    bytes.extend([POP, RETURN]);
    let m = f.message(STATIC, "(LNode;)V", code(bytes), 19);
    assert_eq!(
        m.as_deref(),
        Some("Cannot read field \"f7\" because \"f2.f3.f4.f5.f6\" is null")
    );
}

#[test]
fn odd_code_never_panics() {
    // Pops below an empty stack, a dup of nothing, a branch into an empty stack.
    let bytes = vec![POP, DUP, ARRAYLENGTH, ILOAD_0, IFEQ, 0, 4, RETURN, RETURN];
    let file = Fixture::new().b.build();
    let m = method(STATIC, "()V", code(bytes));
    for pc in 0..10 {
        let _ = npe_message(&file, &m, pc);
    }
    let m = method(STATIC, "()V", code(vec![0xff]));
    assert_eq!(npe_message(&file, &m, 0), None);
}
