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
use super::fast::FastCode;
use super::native_code::NativeRet;
use super::value::{TypeError, Value};
use crate::classfile::{ArithOp, Instruction, Kind, Op};
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

/// Pops a value of the pattern's variant, or raises VerifyError.
/// The tag and the payload are read separately from the top entry (not as one 16-byte
/// copy, which would defeat store-to-load forwarding from the push that wrote them).
macro_rules! pop_as {
    ($f:expr, $variant:ident) => {
        match $f.stack.last() {
            Some(&Value::$variant(x)) => {
                let n = $f.stack.len() - 1;
                $f.stack.truncate(n);
                x
            }
            other => return bad_operand($f, other.copied()),
        }
    };
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
    #[inline]
    pub fn push(&mut self, v: Value) -> R<()> {
        if self.stack.len() >= usize::from(self.m.max_stack) {
            return verify_fail(self.m, "operand stack overflow");
        }
        self.stack.push(v);
        Ok(())
    }

    /// Pops an int.
    #[inline]
    pub fn pop_int(&mut self) -> R<i32> {
        Ok(pop_as!(self, Int))
    }

    /// Pops a reference (0 = null).
    #[inline]
    pub fn pop_ref(&mut self) -> R<usize> {
        Ok(pop_as!(self, Ref))
    }

    /// Pops a value of kind `k` (reading its tag and payload separately, see `pop_as!`).
    #[inline]
    pub fn pop_kind(&mut self, k: Kind) -> R<Value> {
        let v = match (k, self.stack.last()) {
            (Kind::Int, Some(&Value::Int(x))) => Value::Int(x),
            (Kind::Long, Some(&Value::Long(x))) => Value::Long(x),
            (Kind::Float, Some(&Value::Float(x))) => Value::Float(x),
            (Kind::Double, Some(&Value::Double(x))) => Value::Double(x),
            (Kind::Ref, Some(&Value::Ref(x))) => Value::Ref(x),
            (_, other) => return bad_operand(self, other.copied()),
        };
        self.stack.truncate(self.stack.len() - 1);
        Ok(v)
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
    #[inline]
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
    let Some(sig) = super::fast::code_of(m).sig.as_ref() else {
        let _ = verify_fail::<()>(m, "malformed descriptor");
        return NativeRet::default();
    };
    let mut locals = spare_vec(usize::from(m.max_locals).max(sig.arg_slots() + 1));
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
        give_back(locals);
        return Err(Thrown);
    }
    let here = 0u8;
    let sp = &here as *const u8 as usize;
    let st = thread::state();
    let limit = st.stack_limit;
    if limit != 0 && sp < limit + STACK_MARGIN {
        give_back(locals);
        crate::throw::roast_throw_stack_overflow();
        return Err(Thrown);
    }
    let lock = if m.access & crate::classfile::access::SYNCHRONIZED != 0 {
        super::monitors::lock_object(m, &locals)
    } else {
        None
    };
    let mut rec = InterpRecord {
        record: FrameRecord {
            prev: st.top_frame,
            method: m.meta.get().map_or(std::ptr::null(), |&p| p as *const _),
            pc: 0,
        },
        frame: std::ptr::null_mut(),
        lock: lock.map_or(0, |o| o as usize),
    };
    let mut stack = spare_vec(0);
    stack.reserve(usize::from(m.max_stack));
    let mut frame = Frame {
        m,
        locals,
        stack,
        record: &mut rec.record,
    };
    rec.frame = &mut frame;
    st.top_frame = &mut rec.record;
    let result = if rec.lock == 0 {
        interpret(&mut frame)
    } else {
        let r = super::monitors::enter(lock).and_then(|()| interpret(&mut frame));
        super::monitors::exit(Some(rec.lock as *mut u8));
        r
    };
    thread::state().top_frame = rec.record.prev;
    let Frame { locals, stack, .. } = frame;
    give_back(locals);
    give_back(stack);
    result
}

/// Most spare vectors kept per thread, and the largest capacity kept.
const SPARE_MAX: usize = 256;
const SPARE_MAX_CAPACITY: usize = 1024;

thread_local! {
    /// Vectors of finished frames, reused for the locals and operand stacks of the next
    /// activations, so a call allocates nothing once the thread has run a few frames.
    /// Their stale contents are never read (see [`spare_vec`]) and are no GC roots: only
    /// the vectors of linked frames are (`roots.rs`).
    static SPARE: std::cell::RefCell<Vec<Vec<Value>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A vector of `len` `Top` values, reused from a finished frame when one is spare.
#[inline]
pub fn spare_vec(len: usize) -> Vec<Value> {
    let mut v = SPARE
        .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop()))
        .ok()
        .flatten()
        .unwrap_or_default();
    v.clear();
    v.resize(len, Value::Top);
    v
}

/// Returns a frame's vector for reuse by [`spare_vec`].
#[inline]
fn give_back(v: Vec<Value>) {
    if v.capacity() == 0 || v.capacity() > SPARE_MAX_CAPACITY {
        return;
    }
    let _ = SPARE.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            if s.len() < SPARE_MAX {
                s.push(v);
            }
        }
    });
}

/// The frame record of an interpreted activation: the ordinary [`FrameRecord`] first (the
/// thread's record list points to it), then what a collector needs to find the frame's
/// references (see `roots.rs`). A record belongs to an interpreted frame exactly when its
/// method's class is `RUNTIME_DEFINED` or the method carries `method_flags::INTERPRETED`.
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
    let code = super::fast::code_of(m);
    let mut idx = 0usize;
    loop {
        match fast_step(f, code, &mut idx) {
            Ok(None) => {}
            Ok(Some(v)) => return Ok(v),
            Err(Thrown) => {
                let Some(insn) = m.code.get(idx) else {
                    return Err(Thrown);
                };
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

/// Reads a local of the pattern's variant, or raises VerifyError.
macro_rules! local_as {
    ($f:expr, $i:expr, $variant:ident) => {
        match $f.locals.get(usize::from($i)) {
            Some(&Value::$variant(x)) => x,
            _ => return bad_local($f, Kind::$variant, $i),
        }
    };
}

#[cold]
#[inline(never)]
fn bad_local<T>(f: &Frame, k: Kind, i: u16) -> R<T> {
    f.load(k, i)?;
    verify_fail(f.m, &format!("local {i} is not of kind {k:?}"))
}

/// Raises VerifyError for a missing or ill-typed operand.
#[cold]
#[inline(never)]
pub fn bad_operand<T>(f: &Frame, v: Option<Value>) -> R<T> {
    match v {
        None => verify_fail(f.m, "operand stack underflow"),
        Some(v) => verify_fail(f.m, &format!("operand {v:?} of the wrong type")),
    }
}

/// Executes the instruction at `*idx` and advances `*idx` (left unchanged when the
/// instruction completes abruptly, so the caller finds its handler); `Some` when the method
/// returns.
#[inline(always)]
fn fast_step(f: &mut Frame, code: &FastCode, idx: &mut usize) -> R<Option<Value>> {
    use super::fast::FastOp as F;
    let i = *idx;
    let Some(&op) = code.ops.get(i) else {
        return verify_fail(f.m, "falling off the end of the code");
    };
    if op.may_throw() {
        f.set_pc(code.pcs[i]);
    }
    let v = match op {
        F::Slow => {
            let m = f.m;
            let insn = &m.code[i];
            return match step(f, insn)? {
                Flow::Next => {
                    *idx = i + 1;
                    Ok(None)
                }
                Flow::Jump(pc) => {
                    if pc <= insn.pc {
                        safepoint_poll();
                    }
                    *idx = target(m, pc)?;
                    Ok(None)
                }
                Flow::Return(v) => Ok(Some(v)),
            };
        }
        F::Nop => {
            *idx = i + 1;
            return Ok(None);
        }
        F::Push(v) => v,
        F::ILoad(l) => Value::Int(local_as!(f, l, Int)),
        F::ALoad(l) => Value::Ref(local_as!(f, l, Ref)),
        F::DLoad(l) => Value::Double(local_as!(f, l, Double)),
        F::Load(Kind::Long, l) => Value::Long(local_as!(f, l, Long)),
        F::Load(Kind::Float, l) => Value::Float(local_as!(f, l, Float)),
        F::Load(k, l) => f.load(k, l)?,
        F::IStore(l) => {
            let v = pop_as!(f, Int);
            store_narrow(f, l, Value::Int(v))?;
            *idx = i + 1;
            return Ok(None);
        }
        F::AStore(l) => {
            let v = pop_as!(f, Ref);
            store_narrow(f, l, Value::Ref(v))?;
            *idx = i + 1;
            return Ok(None);
        }
        F::Store(k, l) => {
            let v = match k {
                Kind::Double => Value::Double(pop_as!(f, Double)),
                Kind::Long => Value::Long(pop_as!(f, Long)),
                Kind::Float => Value::Float(pop_as!(f, Float)),
                Kind::Int => Value::Int(pop_as!(f, Int)),
                Kind::Ref => Value::Ref(pop_as!(f, Ref)),
            };
            store_any(f, l, v)?;
            *idx = i + 1;
            return Ok(None);
        }
        F::IInc(l, d) => {
            let v = local_as!(f, l, Int);
            f.locals[usize::from(l)] = Value::Int(v.wrapping_add(d));
            *idx = i + 1;
            return Ok(None);
        }
        F::IAdd => {
            let b = pop_as!(f, Int);
            let a = pop_as!(f, Int);
            Value::Int(a.wrapping_add(b))
        }
        F::ISub => {
            let b = pop_as!(f, Int);
            let a = pop_as!(f, Int);
            Value::Int(a.wrapping_sub(b))
        }
        F::IMul => {
            let b = pop_as!(f, Int);
            let a = pop_as!(f, Int);
            Value::Int(a.wrapping_mul(b))
        }
        F::DAdd => {
            let b = pop_as!(f, Double);
            let a = pop_as!(f, Double);
            Value::Double(a + b)
        }
        F::DSub => {
            let b = pop_as!(f, Double);
            let a = pop_as!(f, Double);
            Value::Double(a - b)
        }
        F::DMul => {
            let b = pop_as!(f, Double);
            let a = pop_as!(f, Double);
            Value::Double(a * b)
        }
        F::DDiv => {
            let b = pop_as!(f, Double);
            let a = pop_as!(f, Double);
            Value::Double(a / b)
        }
        F::Arith(Kind::Long, o)
            if matches!(
                o,
                ArithOp::Add
                    | ArithOp::Sub
                    | ArithOp::Mul
                    | ArithOp::And
                    | ArithOp::Or
                    | ArithOp::Xor
            ) =>
        {
            let b = pop_as!(f, Long);
            let a = pop_as!(f, Long);
            Value::Long(match o {
                ArithOp::Add => a.wrapping_add(b),
                ArithOp::Sub => a.wrapping_sub(b),
                ArithOp::Mul => a.wrapping_mul(b),
                ArithOp::And => a & b,
                ArithOp::Or => a | b,
                _ => a ^ b,
            })
        }
        F::IArith(o)
            if matches!(
                o,
                ArithOp::And
                    | ArithOp::Or
                    | ArithOp::Xor
                    | ArithOp::Shl
                    | ArithOp::Shr
                    | ArithOp::Ushr
            ) =>
        {
            let b = pop_as!(f, Int);
            let a = pop_as!(f, Int);
            Value::Int(match o {
                ArithOp::And => a & b,
                ArithOp::Or => a | b,
                ArithOp::Xor => a ^ b,
                ArithOp::Shl => a.wrapping_shl(b as u32 & 31),
                ArithOp::Shr => a.wrapping_shr(b as u32 & 31),
                _ => ((a as u32) >> (b as u32 & 31)) as i32,
            })
        }
        F::IArith(o) => return generic(f, &Op::Arith(Kind::Int, o), idx),
        F::Arith(k, o) => return generic(f, &Op::Arith(k, o), idx),
        F::I2D => Value::Double(f64::from(pop_as!(f, Int))),
        F::D2I => Value::Int(pop_as!(f, Double) as i32),
        F::I2L => Value::Long(i64::from(pop_as!(f, Int))),
        F::L2I => Value::Int(pop_as!(f, Long) as i32),
        F::Convert(a, b) => return generic(f, &Op::Convert(a, b), idx),
        F::Lcmp => {
            let b = pop_as!(f, Long);
            let a = pop_as!(f, Long);
            Value::Int((a > b) as i32 - (a < b) as i32)
        }
        F::Dcmp(g) => {
            let b = pop_as!(f, Double);
            let a = pop_as!(f, Double);
            Value::Int(super::value::fcmp(a, b, g))
        }
        F::Fcmp(g) => {
            let b = pop_as!(f, Float);
            let a = pop_as!(f, Float);
            Value::Int(super::value::fcmp(f64::from(a), f64::from(b), g))
        }
        F::If(c, t) => {
            let a = pop_as!(f, Int);
            return Ok(jump(idx, super::value::cond(c, a, 0), t));
        }
        F::IfICmp(c, t) => {
            let b = pop_as!(f, Int);
            let a = pop_as!(f, Int);
            return Ok(jump(idx, super::value::cond(c, a, b), t));
        }
        F::IfACmp(eq, t) => {
            let b = pop_as!(f, Ref);
            let a = pop_as!(f, Ref);
            return Ok(jump(idx, (a == b) == eq, t));
        }
        F::IfNull(t) => {
            let a = pop_as!(f, Ref);
            return Ok(jump(idx, a == 0, t));
        }
        F::IfNonNull(t) => {
            let a = pop_as!(f, Ref);
            return Ok(jump(idx, a != 0, t));
        }
        F::Goto(t) => return Ok(jump(idx, true, t)),
        F::ArrayLoad(k) => {
            super::ops_object::array_load(f, k)?;
            *idx = i + 1;
            return Ok(None);
        }
        F::ArrayStore(k) => {
            super::ops_object::array_store(f, k)?;
            *idx = i + 1;
            return Ok(None);
        }
        F::ArrayLength => {
            let a = super::ops_object::non_null(f)?;
            Value::Int(a.array_len() as i32)
        }
        F::Dup => match f.stack.last() {
            Some(&v) => v,
            None => return bad_operand(f, None),
        },
        F::GetField(cp) => {
            super::ops_object::get_field_cached(f, cp, &code.cache[i])?;
            *idx = i + 1;
            return Ok(None);
        }
        F::PutField(cp) => {
            super::ops_object::put_field_cached(f, cp, &code.cache[i])?;
            *idx = i + 1;
            return Ok(None);
        }
        F::GetStatic(cp) => {
            super::ops_object::get_static_cached(f, cp, &code.cache[i])?;
            *idx = i + 1;
            return Ok(None);
        }
        F::PutStatic(cp) => {
            super::ops_object::put_static_cached(f, cp, &code.cache[i])?;
            *idx = i + 1;
            return Ok(None);
        }
        F::Invoke(how, cp) => {
            super::invoke::invoke_cached(f, how, cp, &code.cache[i])?;
            *idx = i + 1;
            return Ok(None);
        }
        F::Return(None) => return Ok(Some(Value::Top)),
        F::Return(Some(k)) => {
            return match (k, f.stack.last()) {
                (Kind::Int, Some(&Value::Int(_)))
                | (Kind::Ref, Some(&Value::Ref(_)))
                | (Kind::Long, Some(&Value::Long(_)))
                | (Kind::Double, Some(&Value::Double(_)))
                | (Kind::Float, Some(&Value::Float(_))) => Ok(f.stack.pop()),
                _ => slow_return(f, k),
            };
        }
        F::Pop => {
            if f.stack.pop().is_none() {
                return bad_operand(f, None);
            }
            *idx = i + 1;
            return Ok(None);
        }
    };
    f.stack.push(v);
    *idx = i + 1;
    Ok(None)
}

/// A return whose operand does not have the expected tag: the general path's error.
#[cold]
#[inline(never)]
fn slow_return(f: &mut Frame, k: Kind) -> R<Option<Value>> {
    match super::ops_stack::ret(f, Some(k))? {
        Flow::Return(v) => Ok(Some(v)),
        _ => verify_fail(f.m, "return without a value"),
    }
}

/// Moves to instruction `t` when `taken` (polling for a safepoint on a backward branch),
/// else to the next instruction.
#[inline(always)]
fn jump(idx: &mut usize, taken: bool, t: u32) -> Option<Value> {
    if taken {
        let t = t as usize;
        if t <= *idx {
            safepoint_poll();
        }
        *idx = t;
    } else {
        *idx += 1;
    }
    None
}

/// A less frequent operation through the general code of `ops_stack.rs`.
#[inline(never)]
fn generic(f: &mut Frame, op: &Op, idx: &mut usize) -> R<Option<Value>> {
    super::ops_stack::math(f, op)?;
    *idx += 1;
    Ok(None)
}

/// Stores a value of any category into local `l` (as [`Frame::store`] does), inline.
#[inline(always)]
fn store_any(f: &mut Frame, l: u16, v: Value) -> R<()> {
    let l = usize::from(l);
    let wide = v.is_wide();
    if l + usize::from(wide) >= f.locals.len() {
        return f.store(l as u16, v);
    }
    if l > 0 && f.locals[l - 1].is_wide() {
        f.locals[l - 1] = Value::Top;
    }
    f.locals[l] = v;
    if wide {
        f.locals[l + 1] = Value::Top;
    }
    Ok(())
}

/// Stores a category-1 value into local `l` (as [`Frame::store`] does).
#[inline(always)]
fn store_narrow(f: &mut Frame, l: u16, v: Value) -> R<()> {
    let l = usize::from(l);
    if l >= f.locals.len() {
        return f.store(l as u16, v);
    }
    // A write into the second half of a wide value invalidates it.
    if l > 0 && f.locals[l - 1].is_wide() {
        f.locals[l - 1] = Value::Top;
    }
    f.locals[l] = v;
    Ok(())
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
