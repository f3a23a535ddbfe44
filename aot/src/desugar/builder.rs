//! A small class-file builder for the classes the desugaring synthesizes: a constant pool with
//! de-duplicated entries, and a bytecode assembler with typed helpers and forward labels.
//!
//! Invariants: the produced `ClassFile` is what the parser would produce for equivalent
//! bytes (same constant-pool shapes), so every later pass treats synthesized classes exactly
//! like loaded ones; branch offsets are patched when the code is finished.

use crate::classfile::attributes::ExceptionHandler;
use crate::classfile::constant_pool::{Constant, ConstantPool, Utf8Const};
use crate::classfile::{access, ClassFile, Code, FieldInfo, MethodInfo};
use std::collections::HashMap;

/// Builds the constant pool and members of one class.
pub struct ClassBuilder {
    name: String,
    super_name: String,
    interfaces: Vec<String>,
    access: u16,
    entries: Vec<Constant>,
    index: HashMap<Key, u16>,
    fields: Vec<FieldInfo>,
    methods: Vec<MethodInfo>,
}

/// Hashable key of a constant (floats by bits).
#[derive(Hash, PartialEq, Eq)]
enum Key {
    Utf8(Vec<u16>),
    Other(u8, u32, u32),
}

fn key(c: &Constant) -> Key {
    match c {
        Constant::Utf8(u) => Key::Utf8(u.utf16.clone()),
        Constant::Integer(v) => Key::Other(3, *v as u32, 0),
        Constant::Class(i) => Key::Other(7, *i as u32, 0),
        Constant::String(i) => Key::Other(8, *i as u32, 0),
        Constant::FieldRef {
            class,
            name_and_type,
        } => Key::Other(9, *class as u32, *name_and_type as u32),
        Constant::MethodRef {
            class,
            name_and_type,
        } => Key::Other(10, *class as u32, *name_and_type as u32),
        Constant::InterfaceMethodRef {
            class,
            name_and_type,
        } => Key::Other(11, *class as u32, *name_and_type as u32),
        Constant::NameAndType { name, descriptor } => {
            Key::Other(12, *name as u32, *descriptor as u32)
        }
        _ => Key::Other(0, 0, 0),
    }
}

impl ClassBuilder {
    /// A new public final synthetic class.
    pub fn new(name: &str, super_name: &str, interfaces: Vec<String>) -> ClassBuilder {
        ClassBuilder {
            name: name.to_string(),
            super_name: super_name.to_string(),
            interfaces,
            access: access::PUBLIC | access::FINAL | access::SUPER | access::SYNTHETIC,
            entries: vec![Constant::Unusable],
            index: HashMap::new(),
            fields: Vec::new(),
            methods: Vec::new(),
        }
    }

    /// Replaces the class access flags (default: public final synthetic).
    pub fn set_access(&mut self, access: u16) {
        self.access = access;
    }

    /// The class being built.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn add(&mut self, c: Constant) -> u16 {
        let k = key(&c);
        if let Some(&i) = self.index.get(&k) {
            return i;
        }
        let i = self.entries.len() as u16;
        self.entries.push(c);
        self.index.insert(k, i);
        i
    }

    /// A CONSTANT_Utf8.
    pub fn utf8(&mut self, s: &str) -> u16 {
        self.add(Constant::Utf8(Utf8Const {
            text: s.to_string(),
            utf16: s.encode_utf16().collect(),
        }))
    }

    /// A CONSTANT_Class.
    pub fn class(&mut self, name: &str) -> u16 {
        let n = self.utf8(name);
        self.add(Constant::Class(n))
    }

    /// A CONSTANT_String with exact UTF-16 contents.
    pub fn string(&mut self, utf16: &[u16]) -> u16 {
        let text = String::from_utf16_lossy(utf16);
        let n = self.add(Constant::Utf8(Utf8Const {
            text,
            utf16: utf16.to_vec(),
        }));
        self.add(Constant::String(n))
    }

    /// A CONSTANT_Integer.
    pub fn int(&mut self, v: i32) -> u16 {
        self.add(Constant::Integer(v))
    }

    fn nat(&mut self, name: &str, desc: &str) -> u16 {
        let (name, descriptor) = (self.utf8(name), self.utf8(desc));
        self.add(Constant::NameAndType { name, descriptor })
    }

    /// A CONSTANT_Fieldref.
    pub fn field_ref(&mut self, class: &str, name: &str, desc: &str) -> u16 {
        let (class, name_and_type) = (self.class(class), self.nat(name, desc));
        self.add(Constant::FieldRef {
            class,
            name_and_type,
        })
    }

    /// A CONSTANT_Methodref, or an InterfaceMethodref when `interface`.
    pub fn method_ref(&mut self, class: &str, name: &str, desc: &str, interface: bool) -> u16 {
        let (class, name_and_type) = (self.class(class), self.nat(name, desc));
        if interface {
            self.add(Constant::InterfaceMethodRef {
                class,
                name_and_type,
            })
        } else {
            self.add(Constant::MethodRef {
                class,
                name_and_type,
            })
        }
    }

    /// Declares a field.
    pub fn field(&mut self, access: u16, name: &str, desc: &str) {
        self.fields.push(FieldInfo {
            access,
            name: name.into(),
            descriptor: desc.into(),
            constant_value: None,
            signature: None,
            annotations: vec![],
        });
    }

    /// Adds a method with the given code.
    pub fn method(&mut self, access: u16, name: &str, desc: &str, code: Asm) {
        self.method_with_handlers(access, name, desc, code, vec![]);
    }

    /// Adds a method with the given code and exception handlers (table order).
    pub fn method_with_handlers(
        &mut self,
        access: u16,
        name: &str,
        desc: &str,
        code: Asm,
        handlers: Vec<ExceptionHandler>,
    ) {
        let code = code.finish();
        self.methods.push(MethodInfo::with_code(
            access,
            name,
            desc,
            Code::new(255, 255, code, handlers),
        ));
    }

    /// The finished class file.
    pub fn build(self) -> ClassFile {
        ClassFile {
            minor: 0,
            major: 61,
            access: self.access,
            name: self.name,
            super_name: Some(self.super_name),
            interfaces: self.interfaces,
            cp: ConstantPool::from_entries(self.entries),
            fields: self.fields,
            methods: self.methods,
            source_file: None,
            signature: None,
            bootstrap_methods: vec![],
            inner_classes: vec![],
            enclosing_method: None,
            nest_host: None,
            nest_members: vec![],
            permitted_subclasses: vec![],
            record_components: None,
            annotations: vec![],
        }
    }
}

/// A forward branch target.
#[derive(Clone, Copy)]
pub struct Label(usize);

/// A bytecode assembler (JVMS §6.5 encodings).
#[derive(Default)]
pub struct Asm {
    code: Vec<u8>,
    labels: Vec<Option<usize>>,
    fixups: Vec<(usize, usize, Label)>,
}

/// Opcodes used by the desugaring.
pub mod op {
    #![allow(missing_docs)]
    pub const ACONST_NULL: u8 = 0x01;
    pub const ICONST_0: u8 = 0x03;
    pub const ICONST_1: u8 = 0x04;
    pub const BIPUSH: u8 = 0x10;
    pub const SIPUSH: u8 = 0x11;
    pub const AALOAD: u8 = 0x32;
    pub const AASTORE: u8 = 0x53;
    pub const ATHROW: u8 = 0xbf;
    pub const ANEWARRAY: u8 = 0xbd;
    pub const LDC_W: u8 = 0x13;
    pub const ILOAD: u8 = 0x15;
    pub const LLOAD: u8 = 0x16;
    pub const FLOAD: u8 = 0x17;
    pub const DLOAD: u8 = 0x18;
    pub const ALOAD: u8 = 0x19;
    pub const ASTORE: u8 = 0x3a;
    pub const POP: u8 = 0x57;
    pub const POP2: u8 = 0x58;
    pub const DUP: u8 = 0x59;
    pub const I2L: u8 = 0x85;
    pub const I2F: u8 = 0x86;
    pub const I2D: u8 = 0x87;
    pub const L2F: u8 = 0x89;
    pub const L2D: u8 = 0x8a;
    pub const F2D: u8 = 0x8d;
    pub const IMUL: u8 = 0x68;
    pub const IADD: u8 = 0x60;
    pub const LCMP: u8 = 0x94;
    pub const IFEQ: u8 = 0x99;
    pub const IFNE: u8 = 0x9a;
    pub const IF_ICMPNE: u8 = 0xa0;
    pub const IF_ACMPNE: u8 = 0xa6;
    pub const GOTO: u8 = 0xa7;
    pub const IRETURN: u8 = 0xac;
    pub const LRETURN: u8 = 0xad;
    pub const FRETURN: u8 = 0xae;
    pub const DRETURN: u8 = 0xaf;
    pub const ARETURN: u8 = 0xb0;
    pub const RETURN: u8 = 0xb1;
    pub const GETSTATIC: u8 = 0xb2;
    pub const PUTSTATIC: u8 = 0xb3;
    pub const GETFIELD: u8 = 0xb4;
    pub const PUTFIELD: u8 = 0xb5;
    pub const INVOKEVIRTUAL: u8 = 0xb6;
    pub const INVOKESPECIAL: u8 = 0xb7;
    pub const INVOKESTATIC: u8 = 0xb8;
    pub const INVOKEINTERFACE: u8 = 0xb9;
    pub const NEW: u8 = 0xbb;
    pub const CHECKCAST: u8 = 0xc0;
    pub const INSTANCEOF: u8 = 0xc1;
}

impl Asm {
    /// An opcode without operands.
    pub fn op(&mut self, op: u8) -> &mut Self {
        self.code.push(op);
        self
    }

    /// An opcode with a u2 operand (constant-pool index).
    pub fn op_u2(&mut self, op: u8, idx: u16) -> &mut Self {
        self.code.push(op);
        self.code.extend_from_slice(&idx.to_be_bytes());
        self
    }

    /// `invokeinterface` with its argument-slot count.
    pub fn invokeinterface(&mut self, idx: u16, arg_slots: u8) -> &mut Self {
        self.op_u2(op::INVOKEINTERFACE, idx);
        self.code.push(arg_slots);
        self.code.push(0);
        self
    }

    /// Loads local `slot` of descriptor letter `letter` (wide form: any slot number).
    pub fn load(&mut self, letter: u8, slot: u16) -> &mut Self {
        let opcode = match letter {
            b'J' => op::LLOAD,
            b'F' => op::FLOAD,
            b'D' => op::DLOAD,
            b'L' | b'[' => op::ALOAD,
            _ => op::ILOAD,
        };
        self.wide_local(opcode, slot)
    }

    /// Stores a reference into local `slot`.
    pub fn astore(&mut self, slot: u16) -> &mut Self {
        self.wide_local(op::ASTORE, slot)
    }

    fn wide_local(&mut self, opcode: u8, slot: u16) -> &mut Self {
        if slot < 256 {
            self.code.push(opcode);
            self.code.push(slot as u8);
        } else {
            self.code.push(0xc4);
            self.code.push(opcode);
            self.code.extend_from_slice(&slot.to_be_bytes());
        }
        self
    }

    /// The return instruction for descriptor letter `letter` (`V` for void).
    pub fn ret(&mut self, letter: u8) -> &mut Self {
        self.op(match letter {
            b'V' => op::RETURN,
            b'J' => op::LRETURN,
            b'F' => op::FRETURN,
            b'D' => op::DRETURN,
            b'L' | b'[' => op::ARETURN,
            _ => op::IRETURN,
        })
    }

    /// Pushes the int constant `v` (iconst, bipush or sipush; ldc is not needed here).
    pub fn iconst(&mut self, v: i16) -> &mut Self {
        match v {
            -1..=5 => self.op((i16::from(op::ICONST_0) + v) as u8),
            -128..=127 => {
                self.code.push(op::BIPUSH);
                self.code.push(v as u8);
                self
            }
            _ => {
                self.code.push(op::SIPUSH);
                self.code.extend_from_slice(&v.to_be_bytes());
                self
            }
        }
    }

    /// The current code offset (for exception-table ranges).
    pub fn pos(&self) -> u16 {
        self.code.len() as u16
    }

    /// A new, unplaced label.
    pub fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    /// Places `l` at the current position.
    pub fn place(&mut self, l: Label) -> &mut Self {
        self.labels[l.0] = Some(self.code.len());
        self
    }

    /// A branch instruction to `l`.
    pub fn branch(&mut self, opcode: u8, l: Label) -> &mut Self {
        let at = self.code.len();
        self.code.push(opcode);
        self.code.extend_from_slice(&[0, 0]);
        self.fixups.push((at, at + 1, l));
        self
    }

    /// The code bytes with branch offsets resolved.
    pub fn finish(mut self) -> Vec<u8> {
        for (insn, operand, l) in std::mem::take(&mut self.fixups) {
            let target = self.labels[l.0].expect("every label is placed");
            let rel = (target as i64 - insn as i64) as i16;
            self.code[operand..operand + 2].copy_from_slice(&rel.to_be_bytes());
        }
        self.code
    }
}
