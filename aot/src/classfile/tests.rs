//! Tests of `parse_class` on hand-assembled classes and on the whole JDK `java.base` module.

use super::*;
use crate::classpath::ClassPath;
use std::path::PathBuf;

/// Assembles class files for tests.
#[derive(Default)]
struct Builder {
    cp: Vec<u8>,
    count: u16,
}

impl Builder {
    fn entry(&mut self, bytes: &[u8]) -> u16 {
        self.cp.extend_from_slice(bytes);
        self.count += 1;
        self.count
    }

    fn utf8(&mut self, s: &str) -> u16 {
        let mut b = vec![1];
        b.extend_from_slice(&u16::try_from(s.len()).unwrap().to_be_bytes());
        b.extend_from_slice(s.as_bytes());
        self.entry(&b)
    }

    fn class(&mut self, name: &str) -> u16 {
        let n = self.utf8(name);
        let [hi, lo] = n.to_be_bytes();
        self.entry(&[7, hi, lo])
    }

    /// A method with optional code (`max_stack` 2, `max_locals` 2, no handlers).
    fn method(&mut self, access: u16, name: &str, desc: &str, code: Option<&[u8]>) -> Vec<u8> {
        let mut m = access.to_be_bytes().to_vec();
        m.extend_from_slice(&self.utf8(name).to_be_bytes());
        m.extend_from_slice(&self.utf8(desc).to_be_bytes());
        match code {
            None => m.extend_from_slice(&[0, 0]),
            Some(code) => {
                m.extend_from_slice(&[0, 1]);
                m.extend_from_slice(&self.utf8("Code").to_be_bytes());
                let len = u32::try_from(12 + code.len()).unwrap();
                m.extend_from_slice(&len.to_be_bytes());
                m.extend_from_slice(&[0, 2, 0, 2]);
                m.extend_from_slice(&u32::try_from(code.len()).unwrap().to_be_bytes());
                m.extend_from_slice(code);
                m.extend_from_slice(&[0, 0, 0, 0]);
            }
        }
        m
    }

    fn finish(mut self, name: &str, fields: &[Vec<u8>], methods: &[Vec<u8>]) -> Vec<u8> {
        let this = self.class(name);
        let sup = self.class("java/lang/Object");
        let mut b = vec![0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61];
        b.extend_from_slice(&(self.count + 1).to_be_bytes());
        b.extend_from_slice(&self.cp);
        b.extend_from_slice(&[0, 0x21]);
        b.extend_from_slice(&this.to_be_bytes());
        b.extend_from_slice(&sup.to_be_bytes());
        b.extend_from_slice(&[0, 0]);
        for list in [fields, methods] {
            b.extend_from_slice(&u16::try_from(list.len()).unwrap().to_be_bytes());
            list.iter().for_each(|m| b.extend_from_slice(m));
        }
        b.extend_from_slice(&[0, 0]);
        b
    }
}

fn field(b: &mut Builder, name: &str, desc: &str) -> Vec<u8> {
    let mut f = vec![0, 0x2];
    f.extend_from_slice(&b.utf8(name).to_be_bytes());
    f.extend_from_slice(&b.utf8(desc).to_be_bytes());
    f.extend_from_slice(&[0, 0]);
    f
}

#[test]
fn parses_hand_built_class() {
    let mut b = Builder::default();
    let f = field(&mut b, "count", "J");
    let m1 = b.method(0x9, "run", "(I)V", Some(&[0x1b, 0x57, 0xb1]));
    let m2 = b.method(0x401, "todo", "()Ljava/lang/String;", None);
    let class = parse_class(&b.finish("p/Demo", &[f], &[m1, m2])).unwrap();
    assert_eq!(class.name, "p/Demo");
    assert_eq!(class.super_name.as_deref(), Some("java/lang/Object"));
    assert_eq!(class.major, 61);
    assert!(class.field("count", "J").is_some());
    assert!(class.field("count", "I").is_none());
    let run = class.method("run", "(I)V").unwrap();
    assert!(run.is_static());
    assert_eq!(run.code.as_ref().unwrap().max_stack, 2);
    let insns = class.decode_method(run).unwrap();
    assert_eq!(insns.len(), 3);
    assert_eq!(insns[0].op, Op::Load(Kind::Int, 1));
    let todo = class.method("todo", "()Ljava/lang/String;").unwrap();
    assert!(class.decode_method(todo).unwrap().is_empty());
}

#[test]
fn decode_errors_carry_class_method_and_pc() {
    let mut b = Builder::default();
    let m = b.method(0x9, "jump", "()V", Some(&[0x00, 0xa7, 0x00, 0x02, 0xb1]));
    let class = parse_class(&b.finish("p/Bad", &[], &[m])).unwrap();
    let e = class.decode_method(&class.methods[0]).unwrap_err();
    assert_eq!(e.offset, Some(1));
    assert!(e
        .to_string()
        .starts_with("class p/Bad, method jump()V, offset 1: branch target 3 is not the start"));
}

#[test]
fn member_level_errors_carry_context() {
    let mut b = Builder::default();
    let m = b.method(0x9, "broken", "(Q)V", Some(&[0xb1]));
    let e = parse_class(&b.finish("p/C", &[], &[m])).unwrap_err();
    assert_eq!(e.class.as_deref(), Some("p/C"));
    assert_eq!(e.method.as_deref(), Some("broken(Q)V"));
    assert!(e.message.contains("invalid descriptor"));

    let mut b = Builder::default();
    let m = b.method(0x401, "abs", "()V", Some(&[0xb1]));
    let e = parse_class(&b.finish("p/C", &[], &[m])).unwrap_err();
    assert!(e.message.contains("has a Code attribute"));

    let mut b = Builder::default();
    let m = b.method(0x1, "body", "()V", None);
    let e = parse_class(&b.finish("p/C", &[], &[m])).unwrap_err();
    assert!(e.to_string().contains("method body()V"));

    let mut b = Builder::default();
    let f = field(&mut b, "f", "[[");
    let e = parse_class(&b.finish("p/C", &[f], &[])).unwrap_err();
    assert!(e.to_string().contains("field f [["));

    let mut b = Builder::default();
    let desc = format!("({})V", "J".repeat(128));
    let m = b.method(0x9, "wide", &desc, Some(&[0xb1]));
    let e = parse_class(&b.finish("p/C", &[], &[m])).unwrap_err();
    assert!(e.message.contains("argument slots"));
}

#[test]
fn header_errors() {
    let good = Builder::default().finish("A", &[], &[]);
    assert!(parse_class(&good).is_ok());
    let mut bad = good.clone();
    bad[0] = 0xCB;
    assert!(parse_class(&bad).unwrap_err().message.contains("bad magic"));
    let mut bad = good.clone();
    bad[7] = 62;
    let e = parse_class(&bad).unwrap_err();
    assert!(e.message.contains("unsupported class file version 62.0"));
    bad[7] = 44;
    assert!(parse_class(&bad).is_err());
    let mut bad = good.clone();
    bad.push(0);
    let e = parse_class(&bad).unwrap_err();
    assert!(e.to_string().starts_with("class A, offset"));
    assert!(e.message.contains("unexpected bytes at end of class file"));
    assert!(parse_class(&[])
        .unwrap_err()
        .message
        .contains("truncated magic"));
}

#[test]
fn missing_superclass_is_rejected() {
    let mut good = Builder::default().finish("A", &[], &[]);
    let n = good.len();
    // super_class sits after access (2) and this_class (2), before 8 bytes of empty counts.
    good[n - 10] = 0;
    good[n - 9] = 0;
    let e = parse_class(&good).unwrap_err();
    assert!(e.message.contains("no superclass"));
    let object = Builder::default().finish("java/lang/Object", &[], &[]);
    let mut object = object.clone();
    let n = object.len();
    object[n - 10] = 0;
    object[n - 9] = 0;
    assert_eq!(parse_class(&object).unwrap().super_name, None);
}

fn java_base_jmod() -> Option<PathBuf> {
    let home = std::env::var_os("JAVA_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/jvm/java-17-openjdk-amd64"));
    let path = home.join("jmods/java.base.jmod");
    path.is_file().then_some(path)
}

#[test]
fn parses_and_decodes_all_of_java_base() {
    let Some(jmod) = java_base_jmod() else {
        eprintln!("java.base.jmod not found; skipping");
        return;
    };
    let start = std::time::Instant::now();
    let mut cp = ClassPath::new();
    cp.add_with_role(&jmod, true).unwrap();
    let opened = start.elapsed();
    let names = cp.user_classes();
    let (mut classes, mut methods) = (0usize, 0usize);
    for name in &names {
        let found = cp.find(name).unwrap().unwrap();
        let class = parse_class(&found.bytes).unwrap_or_else(|e| panic!("{}: {e}", found.origin));
        assert_eq!(&class.name, name);
        for m in &class.methods {
            class.decode_method(m).unwrap_or_else(|e| panic!("{e}"));
            methods += 1;
        }
        classes += 1;
    }
    eprintln!(
        "java.base: {classes} classes, {methods} methods; opened in {opened:?}, total {:?}",
        start.elapsed()
    );
    assert!(classes > 5000, "only {classes} classes");
    assert!(cp.find("java/lang/Object").is_some());
}
