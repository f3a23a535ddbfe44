//! The interpreter loop: entry from compiled code (through a method's entry thunk), frames
//! with tagged locals and operand stack, control flow, exception dispatch (JVMS §2.10) and
//! frame records, so interpreted frames appear in stack traces and `getCallerClass`.
//!
//! Invariants:
//! - Exceptions follow the compiled code's "check after call" convention: a thrown
//!   exception is `roast_thread.pending_exception`; [`Thrown`] only says "one is pending".
//!   A method returning with an exception pending returns zeros.
//! - Every access to locals, the stack, the code array and the constant pool is checked;
//!   bad bytecode raises VerifyError (see `value.rs`) and never touches memory it should not.
//! - An interpreted frame links a `FrameRecord` for its whole activation and stores the
//!   current pc in it before every instruction.

use super::class::RtMethod;
use super::native_code::NativeRet;
use super::sig::Sig;
use super::value::{TypeError, Value};
use crate::classfile::{Instruction, Kind, Op};
use crate::contract::{self, FrameRecord};
use crate::object::Obj;
use crate::thread;

/// An exception is pending.
#[derive(Debug)]
pub struct Thrown;

/// Result of interpreter operations.
pub type R<T> = Result<T, Thrown>;

/// Raises VerifyError naming the method; always `Err`.
pub fn verify_fail<T>(m: &RtMethod, msg: &str) -> R<T> {
    crate::throw::linkage(
        contract::error_kind::VERIFY,
        &format!(
            "(class: {}, method: {} signature: {}) {msg}",
            m.class().name,
            m.name,
            m.descriptor
        ),
    );
    Err(Thrown)
}

/// Checks the pending exception after a call.
pub fn check() -> R<()> {
    if thread::pending().is_some() {
        Err(Thrown)
    } else {
        Ok(())
    }
}

/// One activation.
pub struct Frame {
    /// The method.
    pub m: &'static RtMethod,
    /// Local variables.
    pub locals: Vec<Value>,
    /// Operand stack.
    pub stack: Vec<Value>,
    /// The frame record linked into the thread's list.
    pub record: *mut FrameRecord,
}

impl Frame {
    /// Maps a type error to VerifyError.
    pub fn ty<T>(&self, r: Result<T, TypeError>) -> R<T> {
        r.or_else(|e| verify_fail(self.m, &e.0))
    }

    /// Pops a value.
    pub fn pop(&mut self) -> R<Value> {
        match self.stack.pop() {
            Some(v) => Ok(v),
            None => verify_fail(self.m, "operand stack underflow"),
        }
    }

    /// Pushes a value.
    pub fn push(&mut self, v: Value) -> R<()> {
        if self.stack.len() >= usize::from(self.m.max_stack) {
            return verify_fail(self.m, "operand stack overflow");
        }
        self.stack.push(v);
        Ok(())
    }

    /// Pops an int.
    pub fn pop_int(&mut self) -> R<i32> {
        let v = self.pop()?;
        self.ty(v.int())
    }

    /// Pops a reference (0 = null).
    pub fn pop_ref(&mut self) -> R<usize> {
        let v = self.pop()?;
        self.ty(v.reference())
    }

    /// Reads local `i`, which must have kind `k`.
    pub fn load(&self, k: Kind, i: u16) -> R<Value> {
        match self.locals.get(usize::from(i)) {
            Some(&v) if v.has_kind(k) => Ok(v),
            Some(v) => verify_fail(self.m, &format!("local {i} holds {v:?}, not {k:?}")),
            None => verify_fail(self.m, &format!("local {i} out of range")),
        }
    }

    /// Writes local `i` (two slots for long and double).
    pub fn store(&mut self, i: u16, v: Value) -> R<()> {
        let i = usize::from(i);
        let n = if v.is_wide() { 2 } else { 1 };
        if i + n > self.locals.len() {
            return verify_fail(self.m, &format!("local {i} out of range"));
        }
        // A write into the second half of a wide value invalidates it.
        if i > 0 && self.locals[i - 1].is_wide() {
            self.locals[i - 1] = Value::Top;
        }
        self.locals[i] = v;
        if n == 2 {
            self.locals[i + 1] = Value::Top;
        }
        Ok(())
    }

    /// Stores the current pc in the frame record.
    pub fn set_pc(&self, pc: u32) {
        // SAFETY: the record lives in `run`'s frame for the whole activation.
        unsafe { (*self.record).pc = pc as i32 };
    }
}

/// What an instruction does to control flow.
pub enum Flow {
    /// Continue with the next instruction.
    Next,
    /// Continue at this pc.
    Jump(u32),
    /// Return this value (`Top` for void).
    Return(Value),
}

/// Entered from `roast_interp_stub` (see `native_code.rs`) with the spilled argument
/// registers and the caller's stack arguments.
///
/// # Safety
/// Called only by the stub: `m` is the `RtMethod` of the thunk; `ints` has 6 and `floats` 8
/// entries; `stack` points to the caller's stack arguments.
#[no_mangle]
pub unsafe extern "C" fn roast_interp_entry(
    m: &'static RtMethod,
    ints: *const i64,
    floats: *const f64,
    stack: *const i64,
) -> NativeRet {
    let Some(sig) = Sig::parse(&m.descriptor) else {
        let _ = verify_fail::<()>(m, "malformed descriptor");
        return NativeRet::default();
    };
    let mut locals = vec![Value::Top; usize::from(m.max_locals).max(sig.arg_slots() + 1)];
    let mut regs = ArgRegs {
        ints,
        floats,
        stack,
        ni: 0,
        nf: 0,
        ns: 0,
    };
    let mut slot = 0;
    if !m.is_static() {
        // SAFETY: the stub's register arrays and the caller's stack arguments.
        locals[0] = Value::Ref(unsafe { regs.int() } as usize);
        slot = 1;
    }
    for &l in &sig.params {
        // SAFETY: as above; the descriptor says how many arguments there are.
        let v = unsafe {
            if matches!(l, b'F' | b'D') {
                Value::from_raw(l, 0, regs.float())
            } else {
                Value::from_raw(l, regs.int(), 0.0)
            }
        };
        locals[slot] = v;
        slot += super::sig::slots_of(l);
    }
    let result = run(m, locals);
    match (result, sig.ret) {
        (Ok(Value::Int(v)), b'Z' | b'B' | b'C' | b'S' | b'I') => NativeRet {
            int: i64::from(v),
            float: 0.0,
        },
        (Ok(Value::Long(v)), b'J') => NativeRet { int: v, float: 0.0 },
        (Ok(Value::Float(v)), b'F') => NativeRet {
            int: 0,
            float: f64::from_bits(u64::from(v.to_bits())),
        },
        (Ok(Value::Double(v)), b'D') => NativeRet { int: 0, float: v },
        (Ok(Value::Ref(v)), b'L') => NativeRet {
            int: v as i64,
            float: 0.0,
        },
        (Ok(Value::Top), b'V') | (Err(Thrown), _) => NativeRet::default(),
        (Ok(v), _) => {
            let _ = verify_fail::<()>(
                m,
                &format!("returns {v:?} from a method returning {}", sig.ret as char),
            );
            NativeRet::default()
        }
    }
}

/// The argument registers spilled by the entry stub and the caller's stack arguments,
/// consumed in order as the calling convention assigns them.
struct ArgRegs {
    ints: *const i64,
    floats: *const f64,
    stack: *const i64,
    ni: usize,
    nf: usize,
    ns: usize,
}

impl ArgRegs {
    /// The next integer-class argument.
    ///
    /// # Safety
    /// The caller passed at least this many arguments.
    unsafe fn int(&mut self) -> i64 {
        self.ni += 1;
        // SAFETY: 6 spilled registers, then the caller's stack arguments.
        unsafe {
            if self.ni <= 6 {
                *self.ints.add(self.ni - 1)
            } else {
                self.ns += 1;
                *self.stack.add(self.ns - 1)
            }
        }
    }

    /// The next floating-point argument.
    ///
    /// # Safety
    /// As for [`ArgRegs::int`].
    unsafe fn float(&mut self) -> f64 {
        self.nf += 1;
        // SAFETY: 8 spilled registers, then the caller's stack arguments.
        unsafe {
            if self.nf <= 8 {
                *self.floats.add(self.nf - 1)
            } else {
                self.ns += 1;
                f64::from_bits(*self.stack.add(self.ns - 1) as u64)
            }
        }
    }
}

/// Margin kept above the thread's stack limit for interpreted frames.
const STACK_MARGIN: usize = 96 * 1024;

/// Runs `m` with its locals; `Err` when it completes abruptly (exception pending).
pub fn run(m: &'static RtMethod, locals: Vec<Value>) -> R<Value> {
    // Linking verifies before initialization; this covers every other way in.
    if !super::verify::ensure_verified(m.class()) {
        return Err(Thrown);
    }
    let here = 0u8;
    let sp = &here as *const u8 as usize;
    let limit = thread::state().stack_limit;
    if limit != 0 && sp < limit + STACK_MARGIN {
        crate::throw::roast_throw_stack_overflow();
        return Err(Thrown);
    }
    let st = thread::state();
    let lock = super::monitors::lock_object(m, &locals);
    let mut rec = InterpRecord {
        record: FrameRecord {
            prev: st.top_frame,
            method: m.meta.get().map_or(std::ptr::null(), |&p| p as *const _),
            pc: 0,
        },
        frame: std::ptr::null_mut(),
        lock: lock.map_or(0, |o| o as usize),
    };
    let mut frame = Frame {
        m,
        locals,
        stack: Vec::with_capacity(usize::from(m.max_stack)),
        record: &mut rec.record,
    };
    rec.frame = &mut frame;
    st.top_frame = &mut rec.record;
    let result = super::monitors::enter(lock).and_then(|()| interpret(&mut frame));
    super::monitors::exit((rec.lock != 0).then_some(rec.lock as *mut u8));
    thread::state().top_frame = rec.record.prev;
    result
}

/// The frame record of an interpreted activation: the ordinary [`FrameRecord`] first (the
/// thread's record list points to it), then what a collector needs to find the frame's
/// references (see `roots.rs`). A record belongs to an interpreted frame exactly when its
/// method's class is `RUNTIME_DEFINED`.
#[repr(C)]
pub struct InterpRecord {
    /// The record linked into the thread's list.
    pub record: FrameRecord,
    /// The frame (locals and operand stack).
    pub frame: *mut Frame,
    /// The object a synchronized method locked (0 for none).
    pub lock: usize,
}

fn interpret(f: &mut Frame) -> R<Value> {
    let m = f.m;
    let mut idx = 0usize;
    loop {
        let Some(insn) = m.code.get(idx) else {
            return verify_fail(m, "falling off the end of the code");
        };
        f.set_pc(insn.pc);
        match step(f, insn) {
            Ok(Flow::Next) => idx += 1,
            Ok(Flow::Jump(pc)) => {
                if pc <= insn.pc {
                    safepoint_poll();
                }
                idx = target(m, pc)?
            }
            Ok(Flow::Return(v)) => return Ok(v),
            Err(Thrown) => {
                if !matches!(
                    insn.op,
                    Op::InvokeVirtual(_)
                        | Op::InvokeSpecial(_)
                        | Op::InvokeStatic(_)
                        | Op::InvokeInterface(..)
                        | Op::InvokeDynamic(_)
                        | Op::AThrow
                ) {
                    super::npe::annotate(m, insn.pc);
                }
                match handler_for(f, insn.pc)? {
                    Some(pc) => idx = target(m, pc)?,
                    None => return Err(Thrown),
                }
            }
        }
    }
}

/// A backward branch is a safepoint, as loop back-edges are in compiled code: a collection
/// requested by another thread waits for this one here. The frame's references are in its
/// record (`roots::frame_slots`), so a moving collection updates them in place.
fn safepoint_poll() {
    use std::sync::atomic::Ordering;
    if crate::gc::roast_safepoint_requested.load(Ordering::Acquire) != 0 {
        crate::gc::roast_safepoint_poll();
    }
}

fn target(m: &RtMethod, pc: u32) -> R<usize> {
    match m.pc_index.get(pc as usize) {
        Some(&i) if i != u32::MAX => Ok(i as usize),
        _ => verify_fail(m, &format!("jump to {pc}, not an instruction")),
    }
}

/// The handler pc for the pending exception thrown at `pc`, with the stack reset to the
/// exception; Ok(None) when no handler of this method catches it (still pending).
fn handler_for(f: &mut Frame, pc: u32) -> R<Option<u32>> {
    let m = f.m;
    for h in &m.handlers {
        if pc < u32::from(h.start_pc) || pc >= u32::from(h.end_pc) {
            continue;
        }
        let Some(exc) = thread::pending() else {
            return Ok(None);
        };
        let caught = match &h.catch_type {
            None => true,
            Some(name) => {
                let saved = thread::take_pending();
                let class = super::resolve::class_named(m.class(), name);
                match class {
                    Some(c) => {
                        thread::set_pending(saved);
                        crate::classes::is_subtype(exc.desc(), c)
                    }
                    None => return Ok(None),
                }
            }
        };
        if caught {
            thread::set_pending(None);
            f.stack.clear();
            f.stack.push(Value::Ref(exc.raw() as usize));
            return Ok(Some(u32::from(h.handler_pc)));
        }
    }
    Ok(None)
}

/// Executes one instruction.
fn step(f: &mut Frame, insn: &Instruction) -> R<Flow> {
    use super::{ops_object as obj, ops_stack as stk};
    match &insn.op {
        Op::Nop => {}
        Op::AconstNull => f.push(Value::Ref(0))?,
        Op::Iconst(v) => f.push(Value::Int(*v))?,
        Op::Lconst(v) => f.push(Value::Long(*v))?,
        Op::Fconst(v) => f.push(Value::Float(*v))?,
        Op::Dconst(v) => f.push(Value::Double(*v))?,
        Op::Ldc(i) => obj::ldc(f, *i)?,
        Op::Load(k, i) => {
            let v = f.load(*k, *i)?;
            f.push(v)?
        }
        Op::Store(k, i) => {
            let v = f.pop()?;
            if !v.has_kind(*k) {
                return verify_fail(f.m, &format!("store of {v:?} as {k:?}"));
            }
            f.store(*i, v)?
        }
        Op::Iinc(i, d) => {
            let v = f.load(Kind::Int, *i)?;
            let n = f.ty(v.int())?.wrapping_add(*d);
            f.store(*i, Value::Int(n))?
        }
        Op::Pop
        | Op::Pop2
        | Op::Dup
        | Op::DupX1
        | Op::DupX2
        | Op::Dup2
        | Op::Dup2X1
        | Op::Dup2X2
        | Op::Swap => stk::shuffle(f, &insn.op)?,
        Op::Arith(..) | Op::Convert(..) | Op::Narrow(_) | Op::Lcmp | Op::Fcmp { .. } => {
            stk::math(f, &insn.op)?
        }
        Op::If(..)
        | Op::IfICmp(..)
        | Op::IfACmp(..)
        | Op::IfNull(_)
        | Op::IfNonNull(_)
        | Op::Goto(_) => return stk::branch(f, &insn.op),
        Op::TableSwitch {
            default,
            low,
            targets,
        } => {
            let k = f.pop_int()?;
            let i = i64::from(k) - i64::from(*low);
            let t = usize::try_from(i)
                .ok()
                .and_then(|i| targets.get(i))
                .unwrap_or(default);
            return Ok(Flow::Jump(*t));
        }
        Op::LookupSwitch { default, pairs } => {
            let k = f.pop_int()?;
            let t = pairs.iter().find(|p| p.0 == k).map_or(*default, |p| p.1);
            return Ok(Flow::Jump(t));
        }
        Op::Return(k) => return stk::ret(f, *k),
        Op::Jsr(_) | Op::Ret(_) => {
            return verify_fail(
                f.m,
                "jsr/ret are not supported (class files before version 51)",
            )
        }
        Op::GetStatic(i) => obj::get_static(f, *i)?,
        Op::PutStatic(i) => obj::put_static(f, *i)?,
        Op::GetField(i) => obj::get_field(f, *i)?,
        Op::PutField(i) => obj::put_field(f, *i)?,
        Op::InvokeVirtual(i) => super::invoke::invoke(f, super::invoke::How::Virtual, *i)?,
        Op::InvokeSpecial(i) => super::invoke::invoke(f, super::invoke::How::Special, *i)?,
        Op::InvokeStatic(i) => super::invoke::invoke(f, super::invoke::How::Static, *i)?,
        Op::InvokeInterface(i, _) => super::invoke::invoke(f, super::invoke::How::Interface, *i)?,
        Op::InvokeDynamic(i) => super::indy::invoke_dynamic(f, *i)?,
        Op::New(i) => obj::new(f, *i)?,
        Op::NewArray(k, boolean) => obj::new_array(f, *k, *boolean)?,
        Op::ANewArray(i) => obj::anew_array(f, *i)?,
        Op::MultiANewArray(i, d) => obj::multi_array(f, *i, *d)?,
        Op::ArrayLength => {
            let a = obj::non_null(f)?;
            f.push(Value::Int(a.array_len() as i32))?
        }
        Op::ArrayLoad(k) => obj::array_load(f, *k)?,
        Op::ArrayStore(k) => obj::array_store(f, *k)?,
        Op::AThrow => {
            let e = match obj::non_null(f) {
                Ok(e) => e,
                Err(Thrown) => {
                    // `throw null`: the NPE is the interpreter's own.
                    super::npe::annotate(f.m, insn.pc);
                    return Err(Thrown);
                }
            };
            thread::set_pending(Some(e));
            return Err(Thrown);
        }
        Op::CheckCast(i) => obj::check_cast(f, *i)?,
        Op::InstanceOf(i) => obj::instance_of(f, *i)?,
        Op::MonitorEnter => {
            let o = obj::non_null(f)?;
            crate::monitor::roast_monitor_enter(o.raw());
        }
        Op::MonitorExit => {
            let o = obj::non_null(f)?;
            crate::monitor::roast_monitor_exit(o.raw());
            check()?
        }
    }
    Ok(Flow::Next)
}

/// The object of a non-null reference value.
pub fn obj_of(r: usize) -> Option<Obj> {
    Obj::from_raw(r as *mut u8)
}
