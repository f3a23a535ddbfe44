//! Deterministic text form of a [`Function`], for golden tests and debugging.
//!
//! Invariants: blocks are numbered in layout order and values in order of definition along
//! the layout (parameters, then results), so the text depends only on the function's shape,
//! not on the entity numbers left by building and passes. Format:
//!
//! ```text
//! function java/lang/Object.equals(Ljava/lang/Object;)Z -> i32 {
//! block0(v0: ref, v1: ref):
//!     branch.eq v0, v1 -> block1, block2
//! ...
//! }
//! ```

use super::entity::{Block, EntityRef, Value};
use super::function::Function;
use super::inst::{BlockCall, InstData, Opcode, RefConst};
use std::collections::HashMap;
use std::fmt::Write;

/// Renumbering of blocks and values for printing.
pub struct Names {
    blocks: HashMap<Block, usize>,
    values: HashMap<Value, usize>,
}

impl Names {
    /// Numbers the blocks and values of `f` in layout order.
    pub fn new(f: &Function) -> Names {
        let mut names = Names {
            blocks: HashMap::new(),
            values: HashMap::new(),
        };
        for (i, &b) in f.layout.iter().enumerate() {
            names.blocks.insert(b, i);
        }
        for &b in &f.layout {
            for &p in &f.blocks[b].params {
                names.value_number(p);
            }
            for &i in &f.blocks[b].insts {
                if let Some(r) = f.insts[i].result {
                    names.value_number(r);
                }
            }
        }
        names
    }

    fn value_number(&mut self, v: Value) {
        let n = self.values.len();
        self.values.entry(v).or_insert(n);
    }

    /// The printed name of a value (`v?N` if it is not defined in the layout).
    pub fn value(&self, v: Value) -> String {
        match self.values.get(&v) {
            Some(n) => format!("v{n}"),
            None => format!("v?{}", v.index()),
        }
    }

    /// The printed name of a block.
    pub fn block(&self, b: Block) -> String {
        match self.blocks.get(&b) {
            Some(n) => format!("block{n}"),
            None => format!("block?{}", b.index()),
        }
    }

    fn call(&self, c: &BlockCall) -> String {
        let mut s = self.block(c.block);
        if !c.args.is_empty() {
            let args: Vec<String> = c.args.iter().map(|&v| self.value(v)).collect();
            let _ = write!(s, "({})", args.join(", "));
        }
        s
    }
}

/// The whole function as text.
pub fn print_function(f: &Function) -> String {
    let names = Names::new(f);
    let mut out = format!("function {}", f.name);
    if f.is_static {
        out.push_str(" static");
    }
    if f.is_synchronized {
        out.push_str(" synchronized");
    }
    if let Some(t) = f.ret {
        let _ = write!(out, " -> {t}");
    }
    out.push_str(" {\n");
    for &b in &f.layout {
        let params: Vec<String> = f.blocks[b]
            .params
            .iter()
            .map(|&p| format!("{}: {}", names.value(p), f.ty(p)))
            .collect();
        let _ = write!(out, "{}", names.block(b));
        if !params.is_empty() {
            let _ = write!(out, "({})", params.join(", "));
        }
        out.push_str(":\n");
        for &i in &f.blocks[b].insts {
            let _ = writeln!(out, "    {}", print_inst(f, &names, &f.insts[i]));
        }
    }
    out.push_str("}\n");
    out
}

/// One instruction as text (without indentation).
pub fn print_inst(f: &Function, names: &Names, d: &InstData) -> String {
    let mut s = String::new();
    if let Some(r) = d.result {
        let _ = write!(s, "{} = ", names.value(r));
    }
    s.push_str(&op_text(&d.op));
    let args: Vec<String> = d.args.iter().map(|&v| names.value(v)).collect();
    if !args.is_empty() {
        let _ = write!(s, " {}", args.join(", "));
    }
    s.push_str(&succ_text(names, d));
    if let Some(c) = &d.exc {
        let _ = write!(s, " catch {}", names.call(c));
    }
    let _ = f;
    s
}

fn succ_text(names: &Names, d: &InstData) -> String {
    match &d.op {
        Opcode::Switch { keys, .. } => {
            let mut cases: Vec<String> = Vec::new();
            for (k, c) in keys.iter().zip(d.succs.iter().skip(1)) {
                cases.push(format!("{k}: {}", names.call(c)));
            }
            let default = d.succs.first().map(|c| names.call(c)).unwrap_or_default();
            format!(" [{}] default {default}", cases.join(", "))
        }
        _ if d.succs.is_empty() => String::new(),
        _ => {
            let calls: Vec<String> = d.succs.iter().map(|c| names.call(c)).collect();
            format!(" -> {}", calls.join(", "))
        }
    }
}

fn float_text(v: f64, bits: u64) -> String {
    if v.is_nan() {
        format!("NaN(0x{bits:x})")
    } else {
        format!("{v:?}")
    }
}

/// The operation and its immediates.
pub fn op_text(op: &Opcode) -> String {
    match op {
        Opcode::Iconst(v) => format!("iconst {v}"),
        Opcode::Lconst(v) => format!("lconst {v}"),
        Opcode::Fconst(b) => format!(
            "fconst {}",
            float_text(f64::from(f32::from_bits(*b)), u64::from(*b))
        ),
        Opcode::Dconst(b) => format!("dconst {}", float_text(f64::from_bits(*b), *b)),
        Opcode::Null => "null".into(),
        Opcode::Undef(t) => format!("undef.{t}"),
        Opcode::Const(c) => const_text(c),
        Opcode::Binary(o, t) => format!("{}.{t}", o.name()),
        Opcode::Neg(t) => format!("neg.{t}"),
        Opcode::Lcmp => "lcmp".into(),
        Opcode::Fcmp { ty, nan_greater } => {
            format!("{}.{ty}", if *nan_greater { "cmpg" } else { "cmpl" })
        }
        Opcode::Convert(a, b) => format!("convert.{a}.{b}"),
        Opcode::Narrow(k) => format!("narrow.{k}"),
        Opcode::DivZeroCheck => "div_zero_check".into(),
        Opcode::NullCheck => "null_check".into(),
        Opcode::BoundsCheck => "bounds_check".into(),
        Opcode::StoreCheck => "store_check".into(),
        Opcode::GetField(r) => format!("getfield {}.{}:{}", r.class, r.name, r.descriptor),
        Opcode::PutField(r) => format!("putfield {}.{}:{}", r.class, r.name, r.descriptor),
        Opcode::GetStatic(r) => format!("getstatic {}.{}:{}", r.class, r.name, r.descriptor),
        Opcode::PutStatic(r) => format!("putstatic {}.{}:{}", r.class, r.name, r.descriptor),
        Opcode::New(c) => format!("new {c}"),
        Opcode::NewArray(c) => format!("new_array {c}"),
        Opcode::MultiNewArray(c) => format!("multi_new_array {c}"),
        Opcode::ArrayLength => "array_length".into(),
        Opcode::ArrayLoad(k) => format!("array_load.{k}"),
        Opcode::ArrayStore(k) => format!("array_store.{k}"),
        Opcode::CheckCast(c) => format!("checkcast {c}"),
        Opcode::InstanceOf(c) => format!("instanceof {c}"),
        Opcode::Invoke(k, m) => format!(
            "invoke.{} {}.{}{}",
            format!("{k:?}").to_lowercase(),
            m.class,
            m.name,
            m.descriptor
        ),
        Opcode::InvokeDynamic {
            bootstrap,
            bootstrap_method: m,
            name,
            descriptor,
            ..
        } => format!(
            "invoke.dynamic {name}{descriptor} bootstrap #{bootstrap} {}.{}",
            m.class, m.name
        ),
        Opcode::MonitorEnter => "monitor_enter".into(),
        Opcode::MonitorExit => "monitor_exit".into(),
        Opcode::Jump => "jump".into(),
        Opcode::Branch(c) => format!("branch.{}", c.name()),
        Opcode::Switch { table, .. } => (if *table {
            "tableswitch"
        } else {
            "lookupswitch"
        })
        .into(),
        Opcode::Return => "return".into(),
        Opcode::Throw => "throw".into(),
    }
}

fn const_text(c: &RefConst) -> String {
    match c {
        RefConst::String(s) => format!("const.string {:?}", String::from_utf16_lossy(s)),
        RefConst::Class(n) => format!("const.class {n}"),
        RefConst::MethodType(d) => format!("const.method_type {d}"),
        RefConst::MethodHandle(k, m) => format!(
            "const.method_handle {k} {}.{}{}",
            m.class, m.name, m.descriptor
        ),
        RefConst::Dynamic(b, n, d) => format!("const.dynamic #{b} {n}:{d}"),
    }
}
