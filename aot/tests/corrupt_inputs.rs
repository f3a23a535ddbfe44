//! Corrupted, truncated and fuzzed inputs for the class-file parser, the bytecode decoder and
//! the class path. Every input must yield `Ok` or `Err` — a panic fails the test. The classes
//! are compiled with `javac` from the JDK on the machine, once per test run.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use roast_aot::classfile::reader::Reader;
use roast_aot::classfile::{
    parse_class, parse_field_descriptor, parse_method_descriptor, ClassFile, ClassFormatError,
    ConstantPool, Instruction, Op,
};
use roast_aot::classpath::ClassPath;

const SAMPLE: &str = r#"
import java.util.*;
import java.util.function.*;
@Deprecated
public class Sample implements Comparable<Sample> {
    static final int LIMIT = 42;
    static final String GREETING = "h\u00e9llo \u0000 \uD83D\uDE00";
    int[][] grid = new int[3][4];
    long total;
    double ratio = 1.5;
    record Point(int x, int y) {}
    interface Shape { double area(); }
    enum Color { RED, GREEN }
    public int compareTo(Sample o) { return Long.compare(total, o.total); }
    int add(int a, int b) { return a + b; }
    static int dense(int k) {
        switch (k) { case 1: return 10; case 2: return 20; case 3: return 30; case 4: return 40; default: return -1; }
    }
    static int sparse(int k) {
        switch (k) { case -1000: return 1; case 7: return 2; case 100000: return 3; default: return 0; }
    }
    long loop(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) { if (i % 3 == 0) continue; s += i * (long) i; }
        return s;
    }
    String safe(Object o) {
        try { return o.toString(); } catch (NullPointerException e) { return "null"; } finally { total++; }
    }
    synchronized void sync() { total += 2; }
    Supplier<String> lambda(String s) { return () -> s + total; }
    List<Integer> boxes() { List<Integer> l = new ArrayList<>(); for (int i = 0; i < 300; i++) l.add(i); return l; }
    Object arrays() {
        boolean[] b = new boolean[2]; char[] c = new char[1]; Object[][] m = new Object[2][3];
        return new Object[] { b, c, m, new Point(1, 2), Color.RED };
    }
    static double math(double x, float y, long z) { return x * y / (z == 0 ? 1 : z) + (int) x; }
    Runnable anon() { return new Runnable() { public void run() { total--; } }; }
    public static void main(String[] args) { System.out.println(new Sample().loop(10) + GREETING); }
}
"#;

/// The classes compiled from [`SAMPLE`], by file stem (`Sample`, `Sample$Point`, ...).
fn compiled() -> &'static BTreeMap<String, Vec<u8>> {
    static CLASSES: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("Sample.java"), SAMPLE).expect("write source");
        let out = dir.path().join("out");
        let status = Command::new("javac")
            .arg("-g")
            .arg("-d")
            .arg(&out)
            .arg(dir.path().join("Sample.java"))
            .status()
            .expect("javac must be installed (JDK 17)");
        assert!(status.success(), "javac failed");
        let mut classes = BTreeMap::new();
        for entry in std::fs::read_dir(&out).expect("javac output") {
            let path = entry.expect("dir entry").path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            classes.insert(stem, std::fs::read(&path).expect("class bytes"));
        }
        classes
    })
}

fn sample() -> Vec<u8> {
    compiled()["Sample"].clone()
}

/// Parses, decodes every method and resolves every constant-pool operand.
fn exercise(bytes: &[u8]) -> Result<ClassFile, ClassFormatError> {
    let class = parse_class(bytes)?;
    for m in &class.methods {
        let insns = class.decode_method(m)?;
        for insn in &insns {
            touch_operand(&class.cp, &insn.op);
            if let Some(code) = &m.code {
                let _ = code.line_for_pc(insn.pc);
            }
        }
    }
    for bm in &class.bootstrap_methods {
        let _ = class.cp.method_handle(bm.method_handle);
        for arg in &bm.args {
            let _ = class.cp.loadable(*arg);
        }
    }
    for f in &class.fields {
        if let Some(cv) = f.constant_value {
            let _ = class.cp.loadable(cv);
        }
    }
    Ok(class)
}

fn touch_operand(cp: &ConstantPool, op: &Op) {
    match op {
        Op::Ldc(i) => drop(cp.loadable(*i)),
        Op::GetStatic(i)
        | Op::PutStatic(i)
        | Op::GetField(i)
        | Op::PutField(i)
        | Op::InvokeVirtual(i)
        | Op::InvokeSpecial(i)
        | Op::InvokeStatic(i)
        | Op::InvokeInterface(i, _) => {
            if let Ok(m) = cp.member_ref(*i) {
                let _ = parse_method_descriptor(m.descriptor);
                let _ = parse_field_descriptor(m.descriptor);
            }
        }
        Op::InvokeDynamic(i) => drop(cp.invoke_dynamic(*i)),
        Op::New(i)
        | Op::ANewArray(i)
        | Op::CheckCast(i)
        | Op::InstanceOf(i)
        | Op::MultiANewArray(i, _) => drop(cp.class_name(*i)),
        _ => {}
    }
}

/// Byte offsets of interesting structures in a valid class file.
#[derive(Debug, Default)]
struct Layout {
    /// `(offset of tag, tag)` of every constant-pool entry.
    cp_entries: Vec<(usize, u8)>,
    cp_end: usize,
    fields_count: usize,
    methods_count: usize,
    /// `(name, offset of the attribute header)` of every class attribute.
    class_attributes: Vec<(String, usize)>,
    /// `(name, descriptor, code)` of every method.
    methods: Vec<(String, String, Option<CodeLayout>)>,
}

#[derive(Debug, Clone)]
struct CodeLayout {
    code_length: usize,
    code: usize,
    handlers: usize,
    /// `(name, body offset)` of the attributes of the Code attribute.
    attributes: Vec<(String, usize)>,
}

fn layout(bytes: &[u8]) -> Layout {
    let class = parse_class(bytes).expect("layout needs a valid class");
    let mut r = Reader::new(bytes);
    r.bytes(8, "header").unwrap();
    let mut lay = Layout {
        cp_entries: cp_entries(&mut r),
        ..Layout::default()
    };
    lay.cp_end = r.offset();
    r.bytes(6, "access, this, super").unwrap();
    let interfaces = usize::from(r.u2("interfaces").unwrap());
    r.bytes(2 * interfaces, "interfaces").unwrap();
    lay.fields_count = r.offset();
    let nfields = r.u2("fields").unwrap();
    (0..nfields).for_each(|_| drop(member(&mut r, &class, bytes)));
    lay.methods_count = r.offset();
    let nmethods = r.u2("methods").unwrap();
    lay.methods = (0..nmethods)
        .map(|_| member(&mut r, &class, bytes))
        .collect();
    lay.class_attributes = attributes(&mut r, &class)
        .into_iter()
        .map(|(name, at, _)| (name, at - 6))
        .collect();
    lay
}

fn cp_entries(r: &mut Reader<'_>) -> Vec<(usize, u8)> {
    let count = r.u2("count").unwrap();
    let mut entries = Vec::new();
    let mut slot = 1;
    while slot < count {
        let at = r.offset();
        let tag = r.u1("tag").unwrap();
        let size = match tag {
            1 => usize::from(r.u2("len").unwrap()),
            5 | 6 => 8,
            7 | 8 | 16 | 19 | 20 => 2,
            15 => 3,
            _ => 4,
        };
        r.bytes(size, "entry").unwrap();
        entries.push((at, tag));
        slot += if tag == 5 || tag == 6 { 2 } else { 1 };
    }
    entries
}

fn attributes(r: &mut Reader<'_>, class: &ClassFile) -> Vec<(String, usize, usize)> {
    let count = r.u2("attributes").unwrap();
    (0..count)
        .map(|_| {
            let name = class.cp.utf8(r.u2("name").unwrap()).unwrap().to_string();
            let len = r.u4("len").unwrap() as usize;
            let at = r.offset();
            r.bytes(len, "body").unwrap();
            (name, at, len)
        })
        .collect()
}

fn member(
    r: &mut Reader<'_>,
    class: &ClassFile,
    bytes: &[u8],
) -> (String, String, Option<CodeLayout>) {
    r.u2("access").unwrap();
    let name = class.cp.utf8(r.u2("name").unwrap()).unwrap().to_string();
    let desc = class.cp.utf8(r.u2("desc").unwrap()).unwrap().to_string();
    let code = attributes(r, class)
        .into_iter()
        .find(|a| a.0 == "Code")
        .map(|(_, at, len)| code_layout(&bytes[at..at + len], at, class));
    (name, desc, code)
}

/// Lays out a Code attribute body found at absolute offset `at`.
fn code_layout(body: &[u8], at: usize, class: &ClassFile) -> CodeLayout {
    let mut c = Reader::new(body);
    c.bytes(4, "max").unwrap();
    let code_len = c.u4("code length").unwrap() as usize;
    c.bytes(code_len, "code").unwrap();
    let handlers = at + c.offset();
    let nhandlers = usize::from(c.u2("handlers").unwrap());
    c.bytes(8 * nhandlers, "handlers").unwrap();
    let attributes = attributes(&mut c, class)
        .into_iter()
        .map(|(name, off, _)| (name, at + off))
        .collect();
    CodeLayout {
        code_length: at + 4,
        code: at + 8,
        handlers,
        attributes,
    }
}

fn method_code(lay: &Layout, name: &str) -> CodeLayout {
    lay.methods
        .iter()
        .find(|m| m.0 == name)
        .and_then(|m| m.2.clone())
        .unwrap_or_else(|| panic!("no code for {name}"))
}

fn put_u2(bytes: &mut [u8], at: usize, v: u16) {
    bytes[at..at + 2].copy_from_slice(&v.to_be_bytes());
}

fn put_u4(bytes: &mut [u8], at: usize, v: u32) {
    bytes[at..at + 4].copy_from_slice(&v.to_be_bytes());
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

fn decoded(class: &ClassFile, name: &str, desc: &str) -> Vec<Instruction> {
    class
        .decode_method(class.method(name, desc).unwrap())
        .unwrap()
}

fn expect_err(bytes: &[u8]) -> ClassFormatError {
    match exercise(bytes) {
        Ok(c) => panic!("expected an error, parsed {}", c.name),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------------------
// Sanity: the real classes parse, and the parser sees what javac wrote.

#[test]
fn real_classes_parse_and_decode() {
    for (name, bytes) in compiled() {
        exercise(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let class = parse_class(&sample()).unwrap();
    assert_eq!(class.name, "Sample");
    assert_eq!(class.source_file.as_deref(), Some("Sample.java"));
    assert_eq!(class.interfaces, vec!["java/lang/Comparable".to_string()]);
    assert_eq!(
        class.annotations[0].type_descriptor,
        "Ljava/lang/Deprecated;"
    );
    assert!(!class.bootstrap_methods.is_empty());
    assert!(class
        .inner_classes
        .iter()
        .any(|i| i.inner == "Sample$Point"));
    assert!(class.nest_members.contains(&"Sample$1".to_string()));
    assert!(class.field("grid", "[[I").is_some());
    let greeting = class.field("GREETING", "Ljava/lang/String;").unwrap();
    let text = class
        .cp
        .string_utf16(greeting.constant_value.unwrap())
        .unwrap();
    assert_eq!(String::from_utf16(text).unwrap(), "h\u{e9}llo \0 \u{1F600}");
    let dense = decoded(&class, "dense", "(I)I");
    assert!(dense.iter().any(|i| matches!(i.op, Op::TableSwitch { .. })));
    let sparse = decoded(&class, "sparse", "(I)I");
    assert!(sparse
        .iter()
        .any(|i| matches!(i.op, Op::LookupSwitch { .. })));
    let safe = class
        .method("safe", "(Ljava/lang/Object;)Ljava/lang/String;")
        .unwrap();
    let code = safe.code.as_ref().unwrap();
    assert!(code.handlers.iter().any(|h| h.catch_type.is_none()));
    assert!(code.stack_map.is_some());
    assert!(code.line_for_pc(0).is_some());
    assert!(!code.local_variables.is_empty());
    let point = parse_class(&compiled()["Sample$Point"]).unwrap();
    assert_eq!(point.record_components.as_ref().map(Vec::len), Some(2));
    let anon = parse_class(&compiled()["Sample$1"]).unwrap();
    assert_eq!(anon.enclosing_method.unwrap().class, "Sample");
}

// ---------------------------------------------------------------------------------------
// Fuzz-style: every truncation and every single-byte flip of every compiled class.

#[test]
fn every_truncation_is_an_error() {
    for (name, bytes) in compiled() {
        for len in 0..bytes.len() {
            assert!(
                exercise(&bytes[..len]).is_err(),
                "{name} truncated at {len}"
            );
        }
    }
}

#[test]
fn every_byte_flip_is_handled() {
    let mut errors = 0usize;
    let mut total = 0usize;
    for bytes in compiled().values() {
        for i in 0..bytes.len() {
            let mut mutated = bytes.clone();
            mutated[i] ^= 0xFF;
            total += 1;
            if let Err(e) = exercise(&mutated) {
                errors += 1;
                assert!(!e.to_string().is_empty());
            }
        }
    }
    eprintln!("byte flips: {total} inputs, {errors} rejected");
    assert!(errors > total / 4);
}

/// Deterministic xorshift64 generator for the random-mutation fuzz.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_multi_byte_mutations_are_handled() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let classes: Vec<&Vec<u8>> = compiled().values().collect();
    for _ in 0..20_000 {
        let mut bytes = classes[rng.below(classes.len())].clone();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(bytes.len());
            bytes[at] = match rng.below(4) {
                0 => 0,
                1 => 0xFF,
                2 => bytes[at].wrapping_add(1),
                _ => rng.next() as u8,
            };
        }
        let _ = exercise(&bytes);
    }
}

// ---------------------------------------------------------------------------------------
// Targeted corruptions of the header and constant pool.

#[test]
fn empty_input() {
    let e = expect_err(&[]);
    assert_eq!(e.to_string(), "offset 0: truncated magic");
}

#[test]
fn bad_magic() {
    let mut b = sample();
    b[3] = 0xBF;
    let e = expect_err(&b);
    assert!(
        e.to_string().contains("offset 0: bad magic 0xCAFEBABF"),
        "{e}"
    );
}

#[test]
fn version_too_new() {
    let mut b = sample();
    put_u2(&mut b, 6, 62);
    let e = expect_err(&b);
    assert!(
        e.message.contains("unsupported class file version 62.0"),
        "{e}"
    );
    assert_eq!(e.offset, Some(6));
}

#[test]
fn version_too_old() {
    let mut b = sample();
    put_u2(&mut b, 6, 44);
    assert!(expect_err(&b)
        .message
        .contains("unsupported class file version 44"));
}

#[test]
fn constant_pool_count_zero() {
    let mut b = sample();
    put_u2(&mut b, 8, 0);
    assert!(expect_err(&b).message.contains("constant pool count is 0"));
}

#[test]
fn constant_pool_count_huge() {
    let mut b = sample();
    put_u2(&mut b, 8, 0xFFFF);
    let e = expect_err(&b);
    assert!(e.class.is_none(), "class is not known yet: {e}");
}

#[test]
fn truncated_constant_pool_entry() {
    let b = sample();
    let lay = layout(&b);
    let (at, _) = lay.cp_entries[lay.cp_entries.len() / 2];
    let e = expect_err(&b[..at + 2]);
    assert!(e.message.contains("truncated"), "{e}");
    assert!(e.message.contains(&format!("at offset {at}")), "{e}");
}

#[test]
fn unknown_constant_pool_tag() {
    let mut b = sample();
    let lay = layout(&b);
    let (at, _) = lay.cp_entries[3];
    b[at] = 2;
    let e = expect_err(&b);
    assert_eq!(e.offset, Some(at));
    assert!(e.message.contains("unknown constant pool tag 2"), "{e}");
}

#[test]
fn utf8_length_beyond_end_of_file() {
    let mut b = sample();
    let lay = layout(&b);
    let &(at, _) = lay.cp_entries.iter().find(|e| e.1 == 1).unwrap();
    put_u2(&mut b, at + 1, 0xFFFF);
    assert!(expect_err(&b).message.contains("truncated Utf8 constant"));
}

#[test]
fn invalid_modified_utf8() {
    let mut b = sample();
    let at = find_bytes(&b, b"Sample.java");
    b[at + 3] = 0;
    let e = expect_err(&b);
    assert!(
        e.message.contains("invalid modified UTF-8: NUL byte"),
        "{e}"
    );
    assert_eq!(e.offset, Some(at + 3));
    b[at + 3] = 0xF8;
    assert!(expect_err(&b).message.contains("invalid lead byte"));
}

#[test]
fn invalid_method_handle_kind() {
    let mut b = sample();
    let lay = layout(&b);
    let &(at, _) = lay.cp_entries.iter().find(|e| e.1 == 15).unwrap();
    b[at + 1] = 10;
    assert!(expect_err(&b)
        .message
        .contains("invalid method handle kind 10"));
}

#[test]
fn this_class_points_to_utf8() {
    let mut b = sample();
    let lay = layout(&b);
    let utf8 = lay.cp_entries.iter().position(|e| e.1 == 1).unwrap() + 1;
    put_u2(&mut b, lay.cp_end + 2, u16::try_from(utf8).unwrap());
    let e = expect_err(&b);
    assert!(e.message.contains("expected Class, found Utf8"), "{e}");
    assert_eq!(e.offset, Some(lay.cp_end + 2));
}

#[test]
fn this_class_out_of_range() {
    let mut b = sample();
    let lay = layout(&b);
    put_u2(&mut b, lay.cp_end + 2, 0xFFFF);
    assert!(expect_err(&b).message.contains("out of range"));
}

#[test]
fn bogus_super_class_names_the_class() {
    let mut b = sample();
    let lay = layout(&b);
    put_u2(&mut b, lay.cp_end + 4, 0xFFF0);
    let e = expect_err(&b);
    assert!(e.to_string().starts_with("class Sample, offset"), "{e}");
    assert!(e.message.contains("super_class"), "{e}");
}

#[test]
fn member_ref_turned_into_name_and_type_fails_lazily() {
    let mut b = sample();
    let lay = layout(&b);
    let idx = lay.cp_entries.iter().position(|e| e.1 == 10).unwrap();
    b[lay.cp_entries[idx].0] = 12;
    let class = exercise(&b).expect("structurally still valid");
    let e = class
        .cp
        .member_ref(u16::try_from(idx + 1).unwrap())
        .unwrap_err();
    assert!(
        e.message.contains("expected a field or method reference"),
        "{e}"
    );
}

#[test]
fn renamed_attribute_is_still_valid() {
    // Point the SourceFile attribute's name at another Utf8: it becomes an unknown attribute.
    let mut b = sample();
    let class = parse_class(&b).unwrap();
    let (_, at) = layout(&b)
        .class_attributes
        .into_iter()
        .find(|a| a.0 == "SourceFile")
        .unwrap();
    let (other, _) = class
        .cp
        .iter()
        .find(|(i, _)| class.cp.utf8(*i) == Ok("Sample"))
        .unwrap();
    put_u2(&mut b, at, other);
    assert_eq!(exercise(&b).unwrap().source_file, None);
}

// ---------------------------------------------------------------------------------------
// Targeted corruptions of members and code.

#[test]
fn bad_method_descriptor_names_class_and_method() {
    let mut b = sample();
    let at = find_bytes(&b, b"(DFJ)D");
    b[at + 2] = b'Q';
    let e = expect_err(&b);
    assert_eq!(e.class.as_deref(), Some("Sample"));
    assert_eq!(e.method.as_deref(), Some("math(DQJ)D"));
    assert!(e.to_string().contains("invalid descriptor `(DQJ)D`"), "{e}");
}

#[test]
fn bad_field_descriptor_names_the_field() {
    let mut b = sample();
    let at = find_bytes(&b, b"\x00\x03[[I");
    b[at + 4] = b'[';
    let e = expect_err(&b);
    assert!(e.to_string().starts_with("class Sample, offset"), "{e}");
    assert!(e.message.contains("field grid [[["), "{e}");
}

#[test]
fn huge_fields_count() {
    let mut b = sample();
    let lay = layout(&b);
    put_u2(&mut b, lay.fields_count, 0xFFFF);
    let e = expect_err(&b);
    assert!(e.message.contains("field count 65535 exceeds"), "{e}");
}

#[test]
fn huge_methods_count() {
    let mut b = sample();
    let lay = layout(&b);
    put_u2(&mut b, lay.methods_count, 0x7FFF);
    assert!(expect_err(&b).message.contains("method count"));
}

#[test]
fn code_length_overflow_names_the_method() {
    let mut b = sample();
    let code = method_code(&layout(&b), "loop");
    put_u4(&mut b, code.code_length, 0x7FFF_FFFF);
    let e = expect_err(&b);
    assert_eq!(e.method.as_deref(), Some("loop(I)J"));
    assert!(
        e.message
            .contains("code length 2147483647 is outside 1..=65535"),
        "{e}"
    );
}

#[test]
fn code_length_zero() {
    let mut b = sample();
    let code = method_code(&layout(&b), "add");
    put_u4(&mut b, code.code_length, 0);
    let e = expect_err(&b);
    assert!(e.to_string().contains("method add(II)I"), "{e}");
}

#[test]
fn code_length_larger_than_attribute() {
    let mut b = sample();
    let code = method_code(&layout(&b), "add");
    put_u4(&mut b, code.code_length, 60000);
    assert!(expect_err(&b).message.contains("truncated code array"));
}

#[test]
fn branch_into_middle_of_instruction() {
    let mut b = sample();
    let code = method_code(&layout(&b), "loop");
    let insns = decoded(&parse_class(&b).unwrap(), "loop", "(I)J");
    let goto = insns
        .iter()
        .find(|i| matches!(i.op, Op::Goto(_) | Op::If(..) | Op::IfICmp(..)))
        .unwrap();
    put_u2(&mut b, code.code + goto.pc as usize + 1, 1);
    let class = parse_class(&b).expect("structure is intact");
    let e = class
        .decode_method(class.method("loop", "(I)J").unwrap())
        .unwrap_err();
    assert_eq!(e.offset, Some(goto.pc as usize));
    assert_eq!(
        e.to_string(),
        format!(
            "class Sample, method loop(I)J, offset {}: branch target {} is not the start of an instruction",
            goto.pc,
            goto.pc + 1
        )
    );
}

#[test]
fn branch_outside_the_code() {
    let mut b = sample();
    let code = method_code(&layout(&b), "dense");
    let insns = decoded(&parse_class(&b).unwrap(), "dense", "(I)I");
    let sw = insns
        .iter()
        .find(|i| matches!(i.op, Op::TableSwitch { .. }))
        .unwrap();
    let pad = 3 - (sw.pc as usize % 4);
    put_u4(&mut b, code.code + sw.pc as usize + 1 + pad, 0x7000_0000);
    let e = expect_err(&b);
    assert!(e.to_string().contains("method dense(I)I"), "{e}");
    assert!(e.message.contains("leaves the code array"), "{e}");
}

#[test]
fn unknown_opcode_names_the_pc() {
    let mut b = sample();
    let code = method_code(&layout(&b), "add");
    b[code.code] = 0xCB;
    let e = expect_err(&b);
    assert_eq!(
        e.to_string(),
        "class Sample, method add(II)I, offset 0: unknown opcode 0xcb"
    );
}

#[test]
fn instruction_truncated_by_code_end() {
    let mut b = sample();
    let code = method_code(&layout(&b), "add");
    // iload_1 iload_2 iadd ireturn: turn ireturn into sipush with a missing operand.
    b[code.code + 3] = 0x11;
    assert!(expect_err(&b)
        .message
        .contains("truncated instruction (opcode 0x11)"));
}

#[test]
fn bogus_constant_pool_index_in_code_fails_in_accessor() {
    let mut b = sample();
    let code = method_code(&layout(&b), "compareTo");
    let insns = decoded(&parse_class(&b).unwrap(), "compareTo", "(LSample;)I");
    let get = insns
        .iter()
        .find(|i| matches!(i.op, Op::GetField(_)))
        .unwrap();
    put_u2(&mut b, code.code + get.pc as usize + 1, 0xFFFE);
    let class = exercise(&b).expect("decoding does not resolve the pool");
    let e = class.cp.member_ref(0xFFFE).unwrap_err();
    assert!(e.message.contains("out of range"), "{e}");
}

#[test]
fn exception_handler_outside_code() {
    let mut b = sample();
    let code = method_code(&layout(&b), "safe");
    put_u2(&mut b, code.handlers + 2 + 4, 0xFFFF);
    let e = expect_err(&b);
    assert!(e.message.contains("invalid exception handler"), "{e}");
    assert!(e.to_string().contains("method safe("), "{e}");
}

#[test]
fn reserved_stack_map_frame_type() {
    let mut b = sample();
    let code = method_code(&layout(&b), "loop");
    let (_, at) = code
        .attributes
        .iter()
        .find(|a| a.0 == "StackMapTable")
        .unwrap();
    b[at + 2] = 200;
    let e = expect_err(&b);
    assert!(
        e.message.contains("reserved stack map frame type 200"),
        "{e}"
    );
    assert_eq!(e.method.as_deref(), Some("loop(I)J"));
}

#[test]
fn trailing_bytes() {
    let mut b = sample();
    b.extend_from_slice(&[0, 0, 0]);
    let e = expect_err(&b);
    assert!(e.to_string().starts_with("class Sample, offset"), "{e}");
    assert!(e
        .message
        .contains("3 unexpected bytes at end of class file"));
}

// ---------------------------------------------------------------------------------------
// Class-path inputs.

fn write_zip(path: &Path, header: &[u8], files: &[(&str, &[u8])]) {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in files {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
    let mut bytes = header.to_vec();
    bytes.extend_from_slice(buf.get_ref());
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn jar_that_is_not_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let jar = dir.path().join("app.jar");
    std::fs::write(&jar, sample()).unwrap();
    let e = ClassPath::new().add(&jar).unwrap_err();
    assert_eq!(e.path, jar);
    assert!(e.to_string().contains("not a valid zip archive"), "{e}");
    assert!(ClassPath::jar_main_class(&jar).is_err());
}

#[test]
fn zip_with_corrupted_entry() {
    let dir = tempfile::tempdir().unwrap();
    let jar = dir.path().join("app.jar");
    let class = sample();
    write_zip(&jar, &[], &[("Sample.class", &class)]);
    let mut bytes = std::fs::read(&jar).unwrap();
    let at = find_bytes(&bytes, &class[..64]);
    bytes[at + 100] ^= 0x55;
    std::fs::write(&jar, bytes).unwrap();
    let mut cp = ClassPath::new();
    cp.add(&jar).unwrap();
    let e = cp.find("Sample").unwrap().unwrap_err();
    assert!(e.to_string().contains("Sample.class"), "{e}");
}

#[test]
fn jmod_with_bad_header() {
    let dir = tempfile::tempdir().unwrap();
    let jmod = dir.path().join("m.jmod");
    write_zip(&jmod, b"PK\x01\x00", &[("classes/Sample.class", &sample())]);
    let e = ClassPath::new().add(&jmod).unwrap_err();
    assert!(e.message.contains("bad jmod header"), "{e}");
    write_zip(&jmod, b"JM\x01\x00", &[("classes/Sample.class", &sample())]);
    let mut cp = ClassPath::new();
    cp.add(&jmod).unwrap();
    assert_eq!(cp.find("Sample").unwrap().unwrap().bytes, sample());
}

#[test]
fn corrupt_class_file_on_the_class_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Sample.class");
    let mut b = sample();
    b[0] = 0;
    std::fs::write(&file, &b).unwrap();
    let e = ClassPath::new().add(&file).unwrap_err();
    assert!(
        e.to_string().contains("Sample.class: offset 0: bad magic"),
        "{e}"
    );
    let e = ClassPath::new().add(&dir.path().join("nope")).unwrap_err();
    assert!(e.message.contains("No such file"), "{e}");
}
