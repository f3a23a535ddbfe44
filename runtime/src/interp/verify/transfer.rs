//! The type transfer of each instruction (JVMS §4.10.1.9), in HotSpot's order of checks so
//! that the first failing check gives HotSpot's message ("Bad type on operand stack",
//! "Bad local variable type", "Operand stack underflow", ...).
//!
//! Invariants:
//! - [`step`] either updates the frame to the state after the instruction or returns the
//!   first error; it never indexes outside the frame (`max_locals`/`max_stack` are checked).
//! - Branch targets, exception handlers and fall-through are the driver's (`mod.rs`); the
//!   frame left here is the one compared with the targets' stack map frames.

use super::frame::Frame;
use super::opcodes::mnemonic;
use super::types::{assignable, reference_assignable, Hierarchy, VType};
use super::{Stop, VerifyFail};
use crate::classfile::descriptor::{parse_field_descriptor, parse_method_descriptor};
use crate::classfile::{access, ArrayKind, ClassFile, Instruction, Kind, Loadable, Op};

/// What a method's instructions are checked against.
pub struct MethodCx<'a> {
    /// The class being verified.
    pub file: &'a ClassFile,
    /// Name of the method.
    pub name: &'a str,
    /// Return type (`None` for void).
    pub ret: Option<VType>,
    /// Operand stack limit (entries; wide types count 2).
    pub max_stack: usize,
    /// The decoded instructions (to find the `new` of an uninitialized type).
    pub insns: &'a [Instruction],
    /// Class loading for assignability.
    pub h: &'a mut dyn Hierarchy,
}

/// Extra facts about an instruction the driver needs.
#[derive(Default)]
pub struct Effects {
    /// An `<init>` call on `uninitializedThis` (exception handlers keep the flag).
    pub this_was_uninit: bool,
}

fn bad(msg: &str, reason: String) -> Stop {
    Stop::Verify(VerifyFail {
        message: msg.into(),
        reason: Some(reason),
    })
}

fn plain(msg: &str) -> Stop {
    Stop::Verify(VerifyFail::plain(msg))
}

impl MethodCx<'_> {
    fn this_type(&self) -> VType {
        VType::Ref(self.file.name.clone())
    }

    fn pop_any(&mut self, f: &mut Frame) -> Result<VType, Stop> {
        f.stack
            .pop()
            .ok_or_else(|| plain("Operand stack underflow"))
    }

    fn mismatch(f: &Frame, got: &VType, want: &VType, msg: &str) -> Stop {
        bad(
            msg,
            format!(
                "Type {} (current frame, stack[{}]) is not assignable to {}",
                got.describe(),
                f.stack.len(),
                want.describe()
            ),
        )
    }

    /// Pops a value assignable to `want` (both halves of a wide type).
    fn pop(&mut self, f: &mut Frame, want: &VType) -> Result<VType, Stop> {
        self.pop_msg(f, want, "Bad type on operand stack")
    }

    fn pop_msg(&mut self, f: &mut Frame, want: &VType, msg: &str) -> Result<VType, Stop> {
        if let Some(second) = want.second_half() {
            let top = self.pop_any(f)?;
            if top != second {
                return Err(Self::mismatch(f, &top, &second, msg));
            }
            let first = self.pop_any(f)?;
            if first != *want {
                return Err(Self::mismatch(f, &first, want, msg));
            }
            return Ok(first);
        }
        let top = self.pop_any(f)?;
        if !assignable(&top, want, self.h)? {
            return Err(Self::mismatch(f, &top, want, msg));
        }
        Ok(top)
    }

    /// Pops any reference, initialized or not (HotSpot's `reference_check`).
    fn pop_ref(&mut self, f: &mut Frame) -> Result<VType, Stop> {
        let top = self.pop_any(f)?;
        if !top.is_reference() {
            return Err(bad(
                "Bad type on operand stack",
                format!(
                    "Type {} (current frame, stack[{}]) is not assignable to reference type",
                    top.describe(),
                    f.stack.len()
                ),
            ));
        }
        Ok(top)
    }

    /// Pops one category-1 entry.
    fn pop_cat1(&mut self, f: &mut Frame) -> Result<VType, Stop> {
        let top = self.pop_any(f)?;
        if top.is_second_half() || top == VType::Top {
            return Err(bad(
                "Bad type on operand stack",
                format!(
                    "Type {} (current frame, stack[{}]) is not a category 1 type",
                    top.describe(),
                    f.stack.len()
                ),
            ));
        }
        Ok(top)
    }

    /// Pops two entries that form one category-2 value or two category-1 values; bottom first.
    fn pop_pair(&mut self, f: &mut Frame) -> Result<[VType; 2], Stop> {
        let top = self.pop_any(f)?;
        let below = self.pop_any(f)?;
        let whole = below.second_half().as_ref() == Some(&top);
        let two = !top.is_second_half() && !below.is_second_half() && below.second_half().is_none();
        if !(whole || two) {
            return Err(bad(
                "Bad type on operand stack",
                format!(
                    "Type {} (current frame, stack[{}]) is not a category 1 type",
                    below.describe(),
                    f.stack.len()
                ),
            ));
        }
        Ok([below, top])
    }

    fn push(&self, f: &mut Frame, t: VType) -> Result<(), Stop> {
        let second = t.second_half();
        let need = 1 + usize::from(second.is_some());
        if f.stack.len() + need > self.max_stack {
            return Err(plain("Operand stack overflow"));
        }
        f.stack.push(t);
        f.stack.extend(second);
        Ok(())
    }

    fn push_raw(&self, f: &mut Frame, ts: &[VType]) -> Result<(), Stop> {
        if f.stack.len() + ts.len() > self.max_stack {
            return Err(plain("Operand stack overflow"));
        }
        f.stack.extend(ts.iter().cloned());
        Ok(())
    }

    fn local(&mut self, f: &Frame, i: usize, want: &VType) -> Result<VType, Stop> {
        let wide = want.second_half();
        let last = i + usize::from(wide.is_some());
        if last >= f.locals.len() {
            return Err(plain("Local variable table overflow"));
        }
        let got = f.locals[i].clone();
        let ok = match (&wide, want) {
            (Some(second), _) => got == *want && f.locals[i + 1] == *second,
            (None, VType::Top) => got.is_reference(),
            (None, _) => assignable(&got, want, self.h)?,
        };
        if !ok {
            let target = if *want == VType::Top {
                "reference type".to_string()
            } else {
                want.describe()
            };
            return Err(bad(
                "Bad local variable type",
                format!(
                    "Type {} (current frame, locals[{i}]) is not assignable to {target}",
                    got.describe()
                ),
            ));
        }
        Ok(got)
    }

    fn set_local(f: &mut Frame, i: usize, t: VType) -> Result<(), Stop> {
        let second = t.second_half();
        let last = i + usize::from(second.is_some());
        if last >= f.locals.len() {
            return Err(plain("Local variable table overflow"));
        }
        for j in i..=last {
            // Overwriting half of a wide value leaves the other half unusable.
            if f.locals[j].second_half().is_some() && j + 1 < f.locals.len() {
                f.locals[j + 1] = VType::Top;
            }
            if f.locals[j].is_second_half() && j > 0 {
                f.locals[j - 1] = VType::Top;
            }
        }
        f.locals[i] = t;
        if let Some(s) = second {
            f.locals[i + 1] = s;
        }
        Ok(())
    }

    fn class_type(&self, idx: u16) -> Result<VType, Stop> {
        let name = self
            .file
            .cp
            .class_name(idx)
            .map_err(|e| plain(&format!("Illegal constant pool index {idx}: {e}")))?;
        Ok(VType::Ref(name.to_string()))
    }

    /// Replaces every occurrence of an uninitialized type by its initialized type.
    fn initialize(f: &mut Frame, from: &VType, to: &VType) {
        for t in f.locals.iter_mut().chain(f.stack.iter_mut()) {
            if t == from {
                *t = to.clone();
            }
        }
        if *from == VType::UninitializedThis {
            f.this_uninit = false;
        }
    }

    fn field_type(desc: &str) -> Result<VType, Stop> {
        parse_field_descriptor(desc)
            .map(|t| VType::of_field(&t))
            .map_err(|e| plain(&format!("Illegal field descriptor: {e}")))
    }

    fn kind_type(k: Kind) -> VType {
        match k {
            Kind::Int => VType::Int,
            Kind::Long => VType::Long,
            Kind::Float => VType::Float,
            Kind::Double => VType::Double,
            Kind::Ref => VType::Top,
        }
    }

    fn array_check(&mut self, f: &mut Frame, kind: ArrayKind, op: &str) -> Result<VType, Stop> {
        let arr = self.pop_ref(f)?;
        let ok = match &arr {
            VType::Null => true,
            VType::Ref(n) => {
                let c = n.as_bytes();
                c.len() > 1
                    && c[0] == b'['
                    && match kind {
                        ArrayKind::Byte => c[1] == b'B' || c[1] == b'Z',
                        ArrayKind::Char => c[1] == b'C',
                        ArrayKind::Short => c[1] == b'S',
                        ArrayKind::Int => c[1] == b'I',
                        ArrayKind::Long => c[1] == b'J',
                        ArrayKind::Float => c[1] == b'F',
                        ArrayKind::Double => c[1] == b'D',
                        ArrayKind::Ref => c[1] == b'L' || c[1] == b'[',
                    }
            }
            _ => false,
        };
        if !ok {
            return Err(bad(
                &format!("Bad type on operand stack in {op}"),
                format!(
                    "Type {} (current frame, stack[{}]) is not assignable to array type",
                    arr.describe(),
                    f.stack.len()
                ),
            ));
        }
        Ok(arr)
    }

    fn elem_type(kind: ArrayKind) -> VType {
        match kind {
            ArrayKind::Long => VType::Long,
            ArrayKind::Float => VType::Float,
            ArrayKind::Double => VType::Double,
            ArrayKind::Ref => VType::Top,
            _ => VType::Int,
        }
    }

    fn return_value(&mut self, f: &Frame, got: &VType) -> Result<(), Stop> {
        let Some(ret) = self.ret.clone() else {
            return Err(plain("Method does not expect a return value"));
        };
        if !assignable(got, &ret, self.h)? {
            return Err(bad(
                "Bad return type",
                format!(
                    "Type {} (current frame, stack[{}]) is not assignable to {} (from method signature)",
                    got.describe(),
                    f.stack.len(),
                    ret.describe()
                ),
            ));
        }
        Ok(())
    }

    /// Type transfer of `insn` (at index `at` of the method's instructions) on `f`.
    pub fn step(&mut self, f: &mut Frame, insn: &Instruction, opcode: u8) -> Result<Effects, Stop> {
        let mut fx = Effects::default();
        match &insn.op {
            Op::Nop => {}
            Op::AconstNull => self.push(f, VType::Null)?,
            Op::Iconst(_) => self.push(f, VType::Int)?,
            Op::Lconst(_) => self.push(f, VType::Long)?,
            Op::Fconst(_) => self.push(f, VType::Float)?,
            Op::Dconst(_) => self.push(f, VType::Double)?,
            Op::Ldc(idx) => {
                let wide = opcode == 0x14;
                let t = match self.file.cp.loadable(*idx) {
                    Ok(Loadable::Int(_)) if !wide => VType::Int,
                    Ok(Loadable::Float(_)) if !wide => VType::Float,
                    Ok(Loadable::Long(_)) if wide => VType::Long,
                    Ok(Loadable::Double(_)) if wide => VType::Double,
                    Ok(Loadable::String(_)) if !wide => VType::Ref("java/lang/String".into()),
                    Ok(Loadable::Class(_)) if !wide => VType::Ref("java/lang/Class".into()),
                    Ok(Loadable::MethodType(_)) if !wide => {
                        VType::Ref("java/lang/invoke/MethodType".into())
                    }
                    Ok(Loadable::MethodHandle { .. }) if !wide => {
                        VType::Ref("java/lang/invoke/MethodHandle".into())
                    }
                    Ok(Loadable::Dynamic { descriptor, .. }) => {
                        let t = Self::field_type(descriptor)?;
                        if wide != t.second_half().is_some() {
                            return Err(illegal_cp(*idx, &self.file.name));
                        }
                        t
                    }
                    _ => return Err(illegal_cp(*idx, &self.file.name)),
                };
                self.push(f, t)?;
            }
            Op::Load(k, i) => {
                let t = self.local(f, usize::from(*i), &Self::kind_type(*k))?;
                self.push(f, t)?;
            }
            Op::Store(k, i) => {
                let t = if *k == Kind::Ref {
                    self.pop_ref(f)?
                } else {
                    self.pop(f, &Self::kind_type(*k))?
                };
                Self::set_local(f, usize::from(*i), t)?;
            }
            Op::ArrayLoad(kind) => {
                self.pop(f, &VType::Int)?;
                let arr = self.array_check(f, *kind, mnemonic(opcode))?;
                let t = if *kind == ArrayKind::Ref {
                    arr.component().unwrap_or(VType::Null)
                } else {
                    Self::elem_type(*kind)
                };
                self.push(f, t)?;
            }
            Op::ArrayStore(kind) => {
                if *kind == ArrayKind::Ref {
                    self.pop_ref(f)?;
                } else {
                    self.pop(f, &Self::elem_type(*kind))?;
                }
                self.pop(f, &VType::Int)?;
                self.array_check(f, *kind, mnemonic(opcode))?;
            }
            Op::Pop => {
                self.pop_cat1(f)?;
            }
            Op::Pop2 => {
                self.pop_pair(f)?;
            }
            Op::Dup => {
                let v = self.pop_cat1(f)?;
                self.push_raw(f, &[v.clone(), v])?;
            }
            Op::DupX1 => {
                let v1 = self.pop_cat1(f)?;
                let v2 = self.pop_cat1(f)?;
                self.push_raw(f, &[v1.clone(), v2, v1])?;
            }
            Op::DupX2 => {
                let v1 = self.pop_cat1(f)?;
                let [a, b] = self.pop_pair(f)?;
                self.push_raw(f, &[v1.clone(), a, b, v1])?;
            }
            Op::Dup2 => {
                let [a, b] = self.pop_pair(f)?;
                self.push_raw(f, &[a.clone(), b.clone(), a, b])?;
            }
            Op::Dup2X1 => {
                let [a, b] = self.pop_pair(f)?;
                let c = self.pop_cat1(f)?;
                self.push_raw(f, &[a.clone(), b.clone(), c, a, b])?;
            }
            Op::Dup2X2 => {
                let [a, b] = self.pop_pair(f)?;
                let [c, d] = self.pop_pair(f)?;
                self.push_raw(f, &[a.clone(), b.clone(), c, d, a, b])?;
            }
            Op::Swap => {
                let v1 = self.pop_cat1(f)?;
                let v2 = self.pop_cat1(f)?;
                self.push_raw(f, &[v1, v2])?;
            }
            Op::Arith(k, op) => {
                let t = Self::kind_type(*k);
                use crate::classfile::ArithOp::*;
                match op {
                    Neg => {}
                    Shl | Shr | Ushr => {
                        self.pop(f, &VType::Int)?;
                    }
                    _ => {
                        self.pop(f, &t)?;
                    }
                }
                self.pop(f, &t)?;
                self.push(f, t)?;
            }
            Op::Iinc(i, _) => {
                self.local(f, usize::from(*i), &VType::Int)?;
            }
            Op::Convert(from, to) => {
                self.pop(f, &Self::kind_type(*from))?;
                self.push(f, Self::kind_type(*to))?;
            }
            Op::Narrow(_) => {
                self.pop(f, &VType::Int)?;
                self.push(f, VType::Int)?;
            }
            Op::Lcmp => {
                self.pop(f, &VType::Long)?;
                self.pop(f, &VType::Long)?;
                self.push(f, VType::Int)?;
            }
            Op::Fcmp { double, .. } => {
                let t = if *double { VType::Double } else { VType::Float };
                self.pop(f, &t)?;
                self.pop(f, &t)?;
                self.push(f, VType::Int)?;
            }
            Op::If(..) | Op::TableSwitch { .. } | Op::LookupSwitch { .. } => {
                self.pop(f, &VType::Int)?;
            }
            Op::IfICmp(..) => {
                self.pop(f, &VType::Int)?;
                self.pop(f, &VType::Int)?;
            }
            Op::IfACmp(..) => {
                self.pop_ref(f)?;
                self.pop_ref(f)?;
            }
            Op::IfNull(_) | Op::IfNonNull(_) | Op::MonitorEnter | Op::MonitorExit => {
                self.pop_ref(f)?;
            }
            Op::Goto(_) => {}
            Op::Jsr(_) | Op::Ret(_) => return Err(plain(
                "Bad instruction: jsr/ret are not allowed in class files of version 51 and later \
                     (roast verifies version 50 class files by type checking only)",
            )),
            Op::Return(None) => {
                if self.ret.is_some() {
                    return Err(plain("Method expects a return value"));
                }
                if self.name == "<init>" && f.this_uninit {
                    return Err(plain(
                        "Constructor must call super() or this() before return",
                    ));
                }
            }
            Op::Return(Some(k)) => {
                let got = if *k == Kind::Ref {
                    self.pop_ref(f)?
                } else {
                    self.pop(f, &Self::kind_type(*k))?
                };
                self.return_value(f, &got)?;
            }
            Op::GetStatic(idx) | Op::PutStatic(idx) | Op::GetField(idx) | Op::PutField(idx) => {
                self.field(f, idx, insn, opcode)?;
            }
            Op::InvokeVirtual(idx)
            | Op::InvokeSpecial(idx)
            | Op::InvokeStatic(idx)
            | Op::InvokeInterface(idx, _) => {
                fx.this_was_uninit = self.invoke(f, *idx, &insn.op)?;
            }
            Op::InvokeDynamic(idx) => {
                let (_, _, desc) = self
                    .file
                    .cp
                    .invoke_dynamic(*idx)
                    .map_err(|_| illegal_cp(*idx, &self.file.name))?;
                self.pop_args_push_result(f, desc)?;
            }
            Op::New(idx) => {
                let t = self.class_type(*idx)?;
                if t.is_array() {
                    return Err(plain("Illegal new instruction"));
                }
                let pc = u16::try_from(insn.pc).map_err(|_| plain("Illegal new instruction"))?;
                self.push(f, VType::Uninitialized(pc))?;
            }
            Op::NewArray(kind, boolean) => {
                self.pop(f, &VType::Int)?;
                let letter = match kind {
                    ArrayKind::Byte if *boolean => 'Z',
                    ArrayKind::Byte => 'B',
                    ArrayKind::Char => 'C',
                    ArrayKind::Short => 'S',
                    ArrayKind::Int => 'I',
                    ArrayKind::Long => 'J',
                    ArrayKind::Float => 'F',
                    ArrayKind::Double => 'D',
                    ArrayKind::Ref => return Err(plain("Illegal newarray instruction")),
                };
                self.push(f, VType::Ref(format!("[{letter}")))?;
            }
            Op::ANewArray(idx) => {
                self.pop(f, &VType::Int)?;
                let VType::Ref(n) = self.class_type(*idx)? else {
                    unreachable!("class_type gives a reference")
                };
                let arr = if n.starts_with('[') {
                    format!("[{n}")
                } else {
                    format!("[L{n};")
                };
                if arr.bytes().take_while(|&b| b == b'[').count() > 255 {
                    return Err(plain(
                        "Illegal anewarray instruction, array has more than 255 dimensions",
                    ));
                }
                self.push(f, VType::Ref(arr))?;
            }
            Op::MultiANewArray(idx, dims) => {
                let t = self.class_type(*idx)?;
                let VType::Ref(n) = &t else {
                    unreachable!("class_type gives a reference")
                };
                if n.bytes().take_while(|&b| b == b'[').count() < usize::from(*dims) {
                    return Err(plain(&format!(
                        "Illegal dimension in multianewarray instruction: {dims}"
                    )));
                }
                for _ in 0..*dims {
                    self.pop(f, &VType::Int)?;
                }
                self.push(f, t)?;
            }
            Op::ArrayLength => {
                let t = self.pop_ref(f)?;
                if !(t == VType::Null || t.is_array()) {
                    return Err(bad(
                        "Bad type on operand stack in arraylength",
                        format!(
                            "Type {} (current frame, stack[{}]) is not assignable to array type",
                            t.describe(),
                            f.stack.len()
                        ),
                    ));
                }
                self.push(f, VType::Int)?;
            }
            Op::AThrow => {
                self.pop(f, &VType::Ref("java/lang/Throwable".into()))?;
            }
            Op::CheckCast(idx) => {
                let t = self.class_type(*idx)?;
                self.pop(f, &VType::Ref("java/lang/Object".into()))?;
                self.push(f, t)?;
            }
            Op::InstanceOf(idx) => {
                self.class_type(*idx)?;
                self.pop(f, &VType::Ref("java/lang/Object".into()))?;
                self.push(f, VType::Int)?;
            }
        }
        Ok(fx)
    }

    fn field(
        &mut self,
        f: &mut Frame,
        idx: &u16,
        insn: &Instruction,
        opcode: u8,
    ) -> Result<(), Stop> {
        let r = self
            .file
            .cp
            .member_ref(*idx)
            .map_err(|_| illegal_cp(*idx, &self.file.name))?;
        let (class, name, desc) = (
            r.class.to_string(),
            r.name.to_string(),
            r.descriptor.to_string(),
        );
        let t = Self::field_type(&desc)?;
        let owner = VType::Ref(class.clone());
        match insn.op {
            Op::GetStatic(_) => self.push(f, t)?,
            Op::PutStatic(_) => {
                self.pop(f, &t)?;
            }
            Op::GetField(_) => {
                let recv = self.pop(f, &owner)?;
                self.protected_check(&recv, &class, &name, &desc, false, opcode)?;
                self.push(f, t)?;
            }
            _ => {
                self.pop(f, &t)?;
                let mut recv = self.pop_any(f)?;
                let declared_here = self
                    .file
                    .fields
                    .iter()
                    .any(|fi| fi.name == name && fi.descriptor == desc);
                if recv == VType::UninitializedThis && class == self.file.name && declared_here {
                    recv = self.this_type();
                }
                if !assignable(&recv, &owner, self.h)? {
                    return Err(Self::mismatch(
                        f,
                        &recv,
                        &owner,
                        "Bad type on operand stack in putfield",
                    ));
                }
                self.protected_check(&recv, &class, &name, &desc, false, opcode)?;
            }
        }
        Ok(())
    }

    /// JVMS §4.10.1.8: a protected member of a superclass in another run-time package may
    /// only be accessed through a receiver of the current class (or a subclass).
    fn protected_check(
        &mut self,
        recv: &VType,
        class: &str,
        name: &str,
        desc: &str,
        is_method: bool,
        opcode: u8,
    ) -> Result<(), Stop> {
        let VType::Ref(recv_name) = recv else {
            return Ok(());
        };
        if recv_name == &self.file.name {
            return Ok(());
        }
        if !self.h.protected_elsewhere(class, name, desc, is_method)? {
            return Ok(());
        }
        if is_method && name == "clone" && class == "java/lang/Object" && recv_name.starts_with('[')
        {
            return Ok(());
        }
        if !reference_assignable(recv_name, &self.file.name, self.h)? {
            return Err(bad(
                &format!("Bad access to protected data in {}", mnemonic(opcode)),
                format!(
                    "Type {} (current frame, stack[0]) is not assignable to '{}'",
                    recv.describe(),
                    self.file.name
                ),
            ));
        }
        Ok(())
    }

    /// Pops the arguments of `desc` (last first); pushes its result.
    fn pop_args_push_result(&mut self, f: &mut Frame, desc: &str) -> Result<(), Stop> {
        let md = parse_method_descriptor(desc)
            .map_err(|e| plain(&format!("Illegal method descriptor: {e}")))?;
        for p in md.params.iter().rev() {
            self.pop(f, &VType::of_field(p))?;
        }
        if let Some(r) = &md.ret {
            self.push(f, VType::of_field(r))?;
        }
        Ok(())
    }

    /// An invoke instruction; true when it initialized `uninitializedThis`.
    fn invoke(&mut self, f: &mut Frame, idx: u16, op: &Op) -> Result<bool, Stop> {
        let r = self
            .file
            .cp
            .member_ref(idx)
            .map_err(|_| illegal_cp(idx, &self.file.name))?;
        let (class, name, desc, iface) = (
            r.class.to_string(),
            r.name.to_string(),
            r.descriptor.to_string(),
            r.interface,
        );
        let md = parse_method_descriptor(&desc)
            .map_err(|e| plain(&format!("Illegal method descriptor: {e}")))?;
        if let Op::InvokeInterface(_, count) = op {
            let slots = 1 + md.arg_slots();
            if usize::from(*count) != slots {
                return Err(plain("Inconsistent args count operand in invokeinterface"));
            }
        }
        let is_init = name == "<init>";
        if name == "<clinit>" || (is_init && !matches!(op, Op::InvokeSpecial(_))) {
            return Err(plain("Illegal call to internal method"));
        }
        let owner = VType::Ref(class.clone());
        let super_name = self.file.super_name.clone().unwrap_or_default();
        if matches!(op, Op::InvokeSpecial(_))
            && !is_init
            && class != self.file.name
            && class != super_name
            && !self.file.interfaces.contains(&class)
        {
            if !reference_assignable(&self.file.name, &class, self.h)? {
                return Err(plain(
                    "Bad invokespecial instruction: current class isn't assignable to reference class.",
                ));
            } else if iface {
                return Err(plain(
                    "Bad invokespecial instruction: interface method reference is in an indirect superinterface.",
                ));
            }
        }
        for p in md.params.iter().rev() {
            self.pop(f, &VType::of_field(p))?;
        }
        let mut initialized_this = false;
        match op {
            Op::InvokeStatic(_) => {}
            Op::InvokeSpecial(_) if is_init => {
                if md.ret.is_some() {
                    return Err(plain("Return type must be void in <init> method"));
                }
                let recv = self.pop_any(f)?;
                match &recv {
                    VType::UninitializedThis => {
                        if class != self.file.name && class != super_name {
                            return Err(plain("Bad <init> method call"));
                        }
                        Self::initialize(f, &recv, &self.this_type());
                        initialized_this = true;
                    }
                    VType::Uninitialized(pc) => {
                        let new_class = self
                            .insns
                            .iter()
                            .find(|i| i.pc == u32::from(*pc))
                            .and_then(|i| match i.op {
                                Op::New(c) => Some(c),
                                _ => None,
                            })
                            .ok_or_else(|| plain("Expecting new instruction"))?;
                        let t = self.class_type(new_class)?;
                        if t != owner {
                            return Err(plain("Call to wrong <init> method"));
                        }
                        Self::initialize(f, &recv, &t);
                    }
                    _ => {
                        return Err(bad(
                            "Bad operand type when invoking <init>",
                            format!(
                                "Type {} (current frame, stack[{}]) is not assignable to uninitialized type",
                                recv.describe(),
                                f.stack.len()
                            ),
                        ))
                    }
                }
            }
            Op::InvokeSpecial(_) => {
                let this = self.this_type();
                self.pop(f, &this)?;
            }
            _ => {
                let recv = self.pop(f, &owner)?;
                if matches!(op, Op::InvokeVirtual(_)) {
                    self.protected_check(&recv, &class, &name, &desc, true, 0xb6)?;
                }
            }
        }
        if let Some(r) = &md.ret {
            self.push(f, VType::of_field(r))?;
        }
        Ok(initialized_this)
    }
}

fn illegal_cp(idx: u16, class: &str) -> Stop {
    plain(&format!(
        "Illegal type at constant pool entry {idx} in class {}",
        class.replace('/', ".")
    ))
}

/// True if `access` has `ACC_PROTECTED`.
pub fn is_protected(flags: u32) -> bool {
    flags & u32::from(access::PROTECTED) != 0
}
