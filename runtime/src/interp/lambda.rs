//! `invokedynamic` with `LambdaMetafactory.metafactory`/`altMetafactory` in interpreted
//! code (lambdas and method references): a proxy class is made once per call site, as a
//! run-time class like any other — a synthetic class file (constant pool and decoded
//! instructions built here) linked by `link.rs` — implementing the functional interface
//! (plus marker interfaces) with one field per captured value and a method that loads the
//! captured values and its arguments, adapts them (casts, boxing, unboxing, widening), calls
//! the implementation method and adapts the result. The call site allocates the proxy and
//! stores the captured values.
//!
//! Invariants: proxies are `HIDDEN` (left out of stack traces, like HotSpot's) and defined by
//! the loader of the class containing the call site; the generated code is checked by the
//! interpreter like any other bytecode. Bridges (altMetafactory FLAG_BRIDGES) get the same
//! body with their own erased descriptor. Serializable lambdas are not serializable yet.

use super::class::{RtClass, RtMethod};
use super::exec::{verify_fail, Frame, Thrown, R};
use super::sig::Sig;
use super::value::Value;
use crate::classfile::{
    access, ArrayKind, ClassFile, Constant, ConstantPool, FieldInfo, Instruction, Kind, Loadable,
    MemberRef, Op, Utf8Const,
};
use crate::contract::ClassDesc;
use std::sync::{Mutex, OnceLock};

/// A constant pool under construction (slot 0 unusable).
struct Pool(Vec<Constant>);

impl Pool {
    fn add(&mut self, c: Constant) -> u16 {
        if let Some(i) = self.0.iter().position(|x| *x == c) {
            return i as u16;
        }
        self.0.push(c);
        (self.0.len() - 1) as u16
    }
    fn utf8(&mut self, s: &str) -> u16 {
        self.add(Constant::Utf8(Utf8Const {
            text: s.to_string(),
            utf16: s.encode_utf16().collect(),
        }))
    }
    fn class(&mut self, name: &str) -> u16 {
        let n = self.utf8(name);
        self.add(Constant::Class(n))
    }
    fn nat(&mut self, name: &str, desc: &str) -> u16 {
        let (name, descriptor) = (self.utf8(name), self.utf8(desc));
        self.add(Constant::NameAndType { name, descriptor })
    }
    fn member(&mut self, kind: u8, class: &str, name: &str, desc: &str) -> u16 {
        let (class, name_and_type) = (self.class(class), self.nat(name, desc));
        self.add(match kind {
            b'F' => Constant::FieldRef {
                class,
                name_and_type,
            },
            b'I' => Constant::InterfaceMethodRef {
                class,
                name_and_type,
            },
            _ => Constant::MethodRef {
                class,
                name_and_type,
            },
        })
    }
}

/// The field descriptors of a method descriptor's parameters and its return descriptor.
fn split(desc: &str) -> Option<(Vec<String>, String)> {
    let inner = desc.strip_prefix('(')?;
    let (params, ret) = inner.split_once(')')?;
    let b = params.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < b.len() {
        let start = i;
        while b[i] == b'[' {
            i += 1;
        }
        if b[i] == b'L' {
            i += b[i..].iter().position(|&c| c == b';')?;
        }
        i += 1;
        out.push(params.get(start..i)?.to_string());
    }
    Some((out, ret.to_string()))
}

fn kind_of(d: &str) -> Kind {
    match d.as_bytes()[0] {
        b'J' => Kind::Long,
        b'F' => Kind::Float,
        b'D' => Kind::Double,
        b'L' | b'[' => Kind::Ref,
        _ => Kind::Int,
    }
}

fn wrapper(prim: u8) -> Option<(&'static str, &'static str)> {
    Some(match prim {
        b'Z' => ("java/lang/Boolean", "booleanValue"),
        b'B' => ("java/lang/Byte", "byteValue"),
        b'C' => ("java/lang/Character", "charValue"),
        b'S' => ("java/lang/Short", "shortValue"),
        b'I' => ("java/lang/Integer", "intValue"),
        b'J' => ("java/lang/Long", "longValue"),
        b'F' => ("java/lang/Float", "floatValue"),
        b'D' => ("java/lang/Double", "doubleValue"),
        _ => return None,
    })
}

fn class_of(d: &str) -> &str {
    d.strip_prefix('L')
        .and_then(|s| s.strip_suffix(';'))
        .unwrap_or(d)
}

/// Code being generated: instructions (pc = index) and the pool.
struct Gen {
    pool: Pool,
    code: Vec<Op>,
}

impl Gen {
    /// Converts the value on top of the stack from type `from` to type `to` (method
    /// invocation / lambda adaptation conversions).
    fn adapt(&mut self, from: &str, to: &str) -> Result<(), String> {
        if from == to || to == "V" {
            return Ok(());
        }
        let (f, t) = (from.as_bytes()[0], to.as_bytes()[0]);
        let f_ref = matches!(f, b'L' | b'[');
        let t_ref = matches!(t, b'L' | b'[');
        match (f_ref, t_ref) {
            (true, true) => {
                if to != "Ljava/lang/Object;" {
                    let c = self.pool.class(class_of(to));
                    self.code.push(Op::CheckCast(c));
                }
            }
            (false, true) => {
                let (w, _) = wrapper(f).ok_or("bad primitive")?;
                let m = self
                    .pool
                    .member(b'M', w, "valueOf", &format!("({from})L{w};"));
                self.code.push(Op::InvokeStatic(m));
            }
            (true, false) => {
                let (w, getter) = wrapper(t).ok_or("bad primitive")?;
                let c = self.pool.class(w);
                self.code.push(Op::CheckCast(c));
                let m = self.pool.member(b'M', w, getter, &format!("(){to}"));
                self.code.push(Op::InvokeVirtual(m));
            }
            (false, false) => {
                let (fk, tk) = (kind_of(from), kind_of(to));
                if fk != tk {
                    self.code.push(Op::Convert(fk, tk));
                } else if fk == Kind::Int && t != b'I' && f != t {
                    self.code.push(Op::Narrow(match t {
                        b'B' => ArrayKind::Byte,
                        b'C' => ArrayKind::Char,
                        _ => ArrayKind::Short,
                    }));
                }
            }
        }
        Ok(())
    }
}

/// What the bootstrap arguments say.
struct Spec {
    sam_name: String,
    sam_desc: String,
    inst_desc: String,
    impl_kind: u8,
    impl_ref: (String, String, String, bool),
    captured: Vec<String>,
    iface: String,
    markers: Vec<String>,
    bridges: Vec<String>,
}

fn spec(host: &RtClass, idx: u16) -> Result<Spec, String> {
    let file = &host.file;
    let (bsm_index, name, desc) = file.cp.invoke_dynamic(idx).map_err(|e| e.to_string())?;
    let bsm = file
        .bootstrap_methods
        .get(usize::from(bsm_index))
        .ok_or("no bootstrap method")?;
    let arg = |i: usize| -> Result<Loadable<'_>, String> {
        let a = *bsm.args.get(i).ok_or("missing bootstrap argument")?;
        file.cp.loadable(a).map_err(|e| e.to_string())
    };
    let (
        Loadable::MethodType(sam),
        Loadable::MethodHandle { kind, member },
        Loadable::MethodType(inst),
    ) = (arg(0)?, arg(1)?, arg(2)?)
    else {
        return Err("unexpected LambdaMetafactory arguments".into());
    };
    let MemberRef {
        class,
        name: iname,
        descriptor: idesc,
        interface,
    } = member;
    let (captured, ret) = split(desc).ok_or("bad call site descriptor")?;
    let (mut markers, mut bridges) = (Vec::new(), Vec::new());
    if bsm.args.len() > 3 {
        let flags = match arg(3)? {
            Loadable::Int(f) => f,
            _ => return Err("altMetafactory flags".into()),
        };
        let mut i = 4;
        for (bit, list) in [(2, &mut markers), (4, &mut bridges)] {
            if flags & bit != 0 {
                let n = match arg(i)? {
                    Loadable::Int(n) => n as usize,
                    _ => return Err("altMetafactory count".into()),
                };
                for k in 0..n {
                    match arg(i + 1 + k)? {
                        Loadable::Class(c) => list.push(c.to_string()),
                        Loadable::MethodType(t) => list.push(t.to_string()),
                        _ => return Err("altMetafactory list".into()),
                    }
                }
                i += 1 + n;
            }
        }
    }
    Ok(Spec {
        sam_name: name.to_string(),
        sam_desc: sam.to_string(),
        inst_desc: inst.to_string(),
        impl_kind: kind,
        impl_ref: (
            class.to_string(),
            iname.to_string(),
            idesc.to_string(),
            interface,
        ),
        captured,
        iface: class_of(&ret).to_string(),
        markers,
        bridges,
    })
}

/// The body of the interface method with erased descriptor `desc`.
fn body(s: &Spec, this: &str, desc: &str) -> Result<(Vec<Op>, Pool, u16), String> {
    let mut g = Gen {
        pool: Pool(vec![Constant::Unusable]),
        code: Vec::new(),
    };
    let (sam_params, sam_ret) = split(desc).ok_or("bad SAM descriptor")?;
    let (inst_params, inst_ret) = split(&s.inst_desc).ok_or("bad instantiated descriptor")?;
    let (impl_class, impl_name, impl_desc, impl_iface) = &s.impl_ref;
    let (impl_params, impl_ret) = split(impl_desc).ok_or("bad implementation descriptor")?;
    let newinvoke = s.impl_kind == 8;
    let has_receiver = matches!(s.impl_kind, 5 | 7 | 9);
    // The implementation's full parameter list, receiver first.
    let mut targets: Vec<String> = Vec::new();
    if has_receiver {
        targets.push(format!("L{impl_class};"));
    }
    targets.extend(impl_params.iter().cloned());
    if newinvoke {
        let c = g.pool.class(impl_class);
        g.code.push(Op::New(c));
        g.code.push(Op::Dup);
    }
    let mut t = 0;
    for (i, c) in s.captured.iter().enumerate() {
        g.code.push(Op::Load(Kind::Ref, 0));
        let f = g.pool.member(b'F', this, &format!("arg${}", i + 1), c);
        g.code.push(Op::GetField(f));
        let to = targets.get(t).ok_or("too many captured values")?.clone();
        g.adapt(c, &to)?;
        t += 1;
    }
    let mut local = 1u16;
    for (j, p) in sam_params.iter().enumerate() {
        g.code.push(Op::Load(kind_of(p), local));
        local += if matches!(kind_of(p), Kind::Long | Kind::Double) {
            2
        } else {
            1
        };
        let inst = inst_params.get(j).unwrap_or(p).clone();
        if inst != *p {
            g.adapt(p, &inst)?;
        }
        let to = targets.get(t).ok_or("too many arguments")?.clone();
        g.adapt(&inst, &to)?;
        t += 1;
    }
    if t != targets.len() {
        return Err("argument count mismatch".into());
    }
    let m = g.pool.member(
        if *impl_iface { b'I' } else { b'M' },
        impl_class,
        impl_name,
        impl_desc,
    );
    g.code.push(match s.impl_kind {
        6 => Op::InvokeStatic(m),
        7 | 8 => Op::InvokeSpecial(m),
        9 => Op::InvokeInterface(m, 0),
        _ => Op::InvokeVirtual(m),
    });
    let produced = if newinvoke {
        format!("L{impl_class};")
    } else {
        impl_ret
    };
    if sam_ret == "V" {
        match kind_of(&produced) {
            _ if produced == "V" => {}
            Kind::Long | Kind::Double => g.code.push(Op::Pop2),
            _ => g.code.push(Op::Pop),
        }
        g.code.push(Op::Return(None));
    } else {
        g.adapt(&produced, &inst_ret)?;
        g.adapt(&inst_ret, &sam_ret)?;
        g.code.push(Op::Return(Some(kind_of(&sam_ret))));
    }
    Ok((g.code, g.pool, local))
}

fn method(name: &str, desc: &str, code: Vec<Op>, max_locals: u16) -> RtMethod {
    let n = code.len();
    let code: Vec<Instruction> = code
        .into_iter()
        .enumerate()
        .map(|(i, op)| Instruction {
            pc: i as u32,
            len: 1,
            op,
        })
        .collect();
    RtMethod {
        class: OnceLock::new(),
        name: name.to_string(),
        descriptor: desc.to_string(),
        access: access::PUBLIC,
        code,
        pc_index: (0..n as u32).collect(),
        handlers: Vec::new(),
        lines: Vec::new(),
        max_locals,
        max_stack: 255,
        meta: OnceLock::new(),
        entry: OnceLock::new(),
        fast: OnceLock::new(),
    }
}

fn next_id() -> u32 {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Makes the proxy class of the lambda call site `idx` of `host`.
fn make_proxy(host: &'static RtClass, s: &Spec) -> Result<&'static ClassDesc, String> {
    let this = format!("{}$$Lambda${}", host.name, next_id());
    let mut descs = vec![s.sam_desc.clone()];
    for b in &s.bridges {
        if !descs.contains(b) {
            descs.push(b.clone());
        }
    }
    let mut pool = Pool(vec![Constant::Unusable]);
    let mut methods = Vec::new();
    for d in &descs {
        let (code, p, locals) = body(s, &this, d)?;
        // Each method's references live in one shared pool: re-home them.
        let code = rehome(code, &p, &mut pool)?;
        methods.push(method(&s.sam_name, d, code, locals));
    }
    let fields = s
        .captured
        .iter()
        .enumerate()
        .map(|(i, c)| FieldInfo {
            access: access::PRIVATE | access::FINAL,
            name: format!("arg${}", i + 1),
            descriptor: c.clone(),
            constant_value: None,
            signature: None,
            annotations: Vec::new(),
        })
        .collect();
    let mut interfaces = vec![s.iface.clone()];
    interfaces.extend(s.markers.iter().cloned());
    let file = ClassFile {
        minor: 0,
        major: 61,
        access: access::FINAL | access::SYNTHETIC | access::SUPER,
        name: this.clone(),
        super_name: Some("java/lang/Object".into()),
        interfaces,
        cp: ConstantPool::from_entries(pool.0),
        fields,
        methods: Vec::new(),
        source_file: None,
        signature: None,
        bootstrap_methods: Vec::new(),
        inner_classes: Vec::new(),
        enclosing_method: None,
        nest_host: Some(host.name.clone()),
        nest_members: Vec::new(),
        permitted_subclasses: Vec::new(),
        record_components: None,
        annotations: Vec::new(),
    };
    let class: &'static RtClass = Box::leak(Box::new(RtClass {
        name: this,
        loader: host.loader,
        file,
        methods,
        desc: OnceLock::new(),
        resolved: Mutex::new(Default::default()),
        verified: std::sync::atomic::AtomicU8::new(super::verify::VERIFIED),
    }));
    super::define::finish(class, crate::contract::class_flags::HIDDEN)
        .ok_or_else(|| "proxy linking failed".into())
}

/// Copies the constants `code` uses from `from` into `to`, renumbering the operands.
fn rehome(code: Vec<Op>, from: &Pool, to: &mut Pool) -> Result<Vec<Op>, String> {
    let mut copy = |i: u16| -> u16 { deep_copy(from, to, i) };
    Ok(code
        .into_iter()
        .map(|op| match op {
            Op::GetField(i) => Op::GetField(copy(i)),
            Op::CheckCast(i) => Op::CheckCast(copy(i)),
            Op::New(i) => Op::New(copy(i)),
            Op::InvokeStatic(i) => Op::InvokeStatic(copy(i)),
            Op::InvokeVirtual(i) => Op::InvokeVirtual(copy(i)),
            Op::InvokeSpecial(i) => Op::InvokeSpecial(copy(i)),
            Op::InvokeInterface(i, n) => Op::InvokeInterface(copy(i), n),
            other => other,
        })
        .collect())
}

fn deep_copy(from: &Pool, to: &mut Pool, i: u16) -> u16 {
    let c = from.0[usize::from(i)].clone();
    let mut sub = |j: u16| deep_copy(from, to, j);
    let c = match c {
        Constant::Class(n) => Constant::Class(sub(n)),
        Constant::NameAndType { name, descriptor } => Constant::NameAndType {
            name: sub(name),
            descriptor: sub(descriptor),
        },
        Constant::FieldRef {
            class,
            name_and_type,
        } => Constant::FieldRef {
            class: sub(class),
            name_and_type: sub(name_and_type),
        },
        Constant::MethodRef {
            class,
            name_and_type,
        } => Constant::MethodRef {
            class: sub(class),
            name_and_type: sub(name_and_type),
        },
        Constant::InterfaceMethodRef {
            class,
            name_and_type,
        } => Constant::InterfaceMethodRef {
            class: sub(class),
            name_and_type: sub(name_and_type),
        },
        other => other,
    };
    to.add(c)
}

/// Executes a LambdaMetafactory `invokedynamic`: the proxy instance with the captured values.
pub fn invoke(f: &mut Frame, idx: u16) -> R<()> {
    let host = f.m.class();
    let cached = host.resolved.lock().ok().and_then(|m| m.get(&idx).copied());
    let proxy = match cached {
        Some(super::class::Resolved::Class(d)) => d,
        _ => {
            let made = spec(host, idx).and_then(|s| make_proxy(host, &s));
            let d = match made {
                Ok(d) => d,
                Err(e) if crate::thread::pending().is_some() => {
                    let _ = e;
                    return Err(Thrown);
                }
                Err(e) => return verify_fail(f.m, &format!("lambda call site: {e}")),
            };
            if let Ok(mut m) = host.resolved.lock() {
                m.insert(idx, super::class::Resolved::Class(d));
            }
            d
        }
    };
    let (_, _, desc) = host.file.cp.invoke_dynamic(idx).map_err(|_| Thrown)?;
    let Some(sig) = Sig::parse(desc) else {
        return verify_fail(f.m, "malformed invokedynamic descriptor");
    };
    let mut values = Vec::new();
    for &l in sig.params.iter().rev() {
        let v = f.pop()?;
        if !super::invoke::matches_letter(v, l) {
            return verify_fail(f.m, "captured value of the wrong type");
        }
        values.push(v);
    }
    values.reverse();
    let o = crate::heap::alloc_instance(proxy).ok_or(Thrown)?;
    let metas = super::link::field_metas_of(proxy);
    for ((v, fm), &letter) in values.into_iter().zip(metas).zip(&sig.params) {
        // SAFETY: the field of the fresh proxy object, of the captured value's type.
        unsafe { super::ops_object::write_at(o.at(fm.offset as usize), letter_of(fm, letter), v) };
    }
    f.push(Value::Ref(o.raw() as usize))
}

/// The descriptor letter of a proxy field (the call site's letter folds arrays into `L`).
fn letter_of(fm: &crate::contract::FieldMeta, site: u8) -> u8 {
    let d = crate::object::cstr(fm.descriptor);
    d.as_bytes().first().copied().unwrap_or(site)
}
