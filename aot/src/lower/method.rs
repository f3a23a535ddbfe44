//! Lowering of one method body: frame record, locals and stack slots, basic blocks at
//! bytecode leaders, and exception dispatch.
//!
//! Invariants:
//! - Each local variable index and each stack depth gets one `alloca` per kind it is used
//!   with (named by (index, kind)); LLVM's mem2reg turns them into SSA values.
//! - Every instruction that may throw is followed by a test of the thread's pending
//!   exception; a pending exception branches to the dispatch block of the current pc, which
//!   tries the covering handlers in class-file order and otherwise returns to the caller with
//!   the exception still pending.
//! - The frame record is linked on entry and unlinked on every return, normal or not.

use super::monitor::MonitorOp;
use super::npe_message::NpeAnalysis;
use super::stack::stack_types;
use super::types::{kind_type, method_kinds};
use super::Lowerer;
use crate::classfile::bytecode::{self, Instruction, Kind};
use crate::classfile::{access, ClassFile, ExceptionHandler};
use crate::contract::{self, rt};
use crate::program::{ClassId, MethodId};
use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValue, BasicValueEnum, FunctionValue, IntValue, PointerValue};
use inkwell::IntPredicate;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Per-method lowering state.
pub struct MethodCx<'a, 'ctx, 'p> {
    /// The program-wide lowering state.
    pub l: &'a mut Lowerer<'ctx, 'p>,
    /// The method.
    pub m: MethodId,
    /// Its class.
    pub class: ClassId,
    /// Its class file.
    pub file: Arc<ClassFile>,
    /// Its function.
    pub func: FunctionValue<'ctx>,
    /// Current operand-stack kinds.
    pub stack: Vec<Kind>,
    /// Current bytecode pc.
    pub pc: u32,
    alloca_block: BasicBlock<'ctx>,
    prologue_block: BasicBlock<'ctx>,
    locals: HashMap<(u16, Kind), PointerValue<'ctx>>,
    slots: HashMap<(usize, Kind), PointerValue<'ctx>>,
    blocks: HashMap<u32, BasicBlock<'ctx>>,
    dispatch: HashMap<Vec<usize>, BasicBlock<'ctx>>,
    landings: HashMap<u32, BasicBlock<'ctx>>,
    handlers: Vec<ExceptionHandler>,
    frame: PointerValue<'ctx>,
    exit: Option<BasicBlock<'ctx>>,
    sync_object: Option<PointerValue<'ctx>>,
    /// The NPE-message analysis of this method, run on the first null check that needs it
    /// (`Some(None)`: the method cannot be analysed).
    npe: Option<Option<NpeAnalysis>>,
    /// Return kind of the method.
    pub ret: Option<Kind>,
}

impl<'ctx> Lowerer<'ctx, '_> {
    /// Lowers the body of a reachable method (nothing for abstract methods and for natives
    /// that the runtime implements).
    pub(super) fn lower_method_body(&mut self, m: MethodId) {
        if !self.program.method(m).is_native() && super::natives::lower_hotspot_math_body(self, m) {
            return;
        }
        let meth = self.program.method(m);
        if meth.is_abstract() {
            return;
        }
        let sym = contract::method_symbol(
            &self.program.class(meth.class).name,
            &meth.name,
            &meth.descriptor,
        );
        if meth.is_native() {
            if !super::natives::is_implemented(&sym)
                && !super::natives::lower_intrinsic_body(self, m)
            {
                self.warnings.push(format!(
                    "native method {} is not implemented by the runtime",
                    self.program.method_display(m)
                ));
                let msg = self.program.method_display(m);
                self.error_body(m, contract::error_kind::UNSATISFIED_LINK, &msg);
            }
            return;
        }
        let Some(code) = self.program.method_info(m).and_then(|i| i.code.clone()) else {
            return;
        };
        let class = meth.class;
        let file = self
            .program
            .class(class)
            .file
            .clone()
            .expect("methods have class files");
        let insns = match bytecode::decode(&code.code) {
            Ok(i) => i,
            Err(e) => return self.unsupported_body(m, &e.to_string()),
        };
        let types = match stack_types(&insns, &code.handlers, &file.cp) {
            Ok(t) => t,
            Err(e) => return self.unsupported_body(m, &e),
        };
        let func = self.function(m);
        let mut cx = MethodCx::new(self, m, class, file, func, code.handlers.clone());
        cx.prologue();
        cx.body(&insns, &types);
    }

    fn unsupported_body(&mut self, m: MethodId, why: &str) {
        let msg = format!("{}: {why}", self.program.method_display(m));
        self.warnings.push(format!("cannot compile {msg}"));
        self.error_body(m, contract::error_kind::UNSUPPORTED, &msg);
    }

    /// A body that throws a linkage or unsupported-feature error.
    fn error_body(&mut self, m: MethodId, kind: i32, msg: &str) {
        let func = self.function(m);
        let bb = self.ctx.append_basic_block(func, "entry");
        self.builder.position_at_end(bb);
        let f = self.throw_error_fn();
        let k = self.ctx.i32_type().const_int(kind as u64, true);
        let s = self.cstring(msg);
        self.builder
            .build_call(f, &[k.into(), s.into()], "")
            .expect("call");
        self.build_zero_return(func);
    }

    /// `roast_throw_error(i32, ptr)`.
    pub fn throw_error_fn(&mut self) -> FunctionValue<'ctx> {
        self.runtime_fn(rt::THROW_ERROR, |l| {
            l.ctx
                .void_type()
                .fn_type(&[l.ctx.i32_type().into(), l.ptr().into()], false)
        })
    }

    /// Returns a zero value of the function's return type.
    pub fn build_zero_return(&self, func: FunctionValue<'ctx>) {
        match func.get_type().get_return_type() {
            None => self.builder.build_return(None),
            Some(t) => self.builder.build_return(Some(&super::descs::zero_of(t))),
        }
        .expect("ret");
    }
}

impl<'a, 'ctx, 'p> MethodCx<'a, 'ctx, 'p> {
    fn new(
        l: &'a mut Lowerer<'ctx, 'p>,
        m: MethodId,
        class: ClassId,
        file: Arc<ClassFile>,
        func: FunctionValue<'ctx>,
        handlers: Vec<ExceptionHandler>,
    ) -> Self {
        let alloca_block = l.ctx.append_basic_block(func, "allocas");
        l.builder.position_at_end(alloca_block);
        let frame = l
            .builder
            .build_alloca(l.frame_type(), "frame")
            .expect("alloca");
        let prologue_block = l.ctx.append_basic_block(func, "prologue");
        l.builder.position_at_end(prologue_block);
        let ret = method_kinds(&l.program.method(m).descriptor).1;
        MethodCx {
            l,
            m,
            class,
            file,
            func,
            stack: Vec::new(),
            pc: 0,
            alloca_block,
            prologue_block,
            locals: HashMap::new(),
            slots: HashMap::new(),
            blocks: HashMap::new(),
            dispatch: HashMap::new(),
            landings: HashMap::new(),
            handlers,
            frame,
            exit: None,
            sync_object: None,
            npe: None,
            ret,
        }
    }

    /// HotSpot's helpful message for an NPE raised by the instruction at the current pc
    /// (see `npe_message`). None in synthesized classes: their frames are hidden on HotSpot,
    /// which gives no message there (e.g. `String::length` applied to null).
    pub fn npe_message(&mut self) -> Option<String> {
        if self.l.program.is_synthesized(&self.file.name) {
            return None;
        }
        let file = self.file.clone();
        let info = file.methods.get(self.l.program.method(self.m).index)?;
        let analysis = self
            .npe
            .get_or_insert_with(|| NpeAnalysis::new(&file, info))
            .as_ref()?;
        analysis.message(&file, info, self.pc)
    }

    /// `roast_throw_npe`'s argument for an NPE raised at the current pc: the message as a C
    /// string, or null.
    pub fn npe_message_arg(&mut self) -> PointerValue<'ctx> {
        match self.npe_message() {
            Some(m) => self.l.cstring(&m),
            None => self.l.ptr().const_null(),
        }
    }

    fn alloca(&mut self, k: Kind, name: &str) -> PointerValue<'ctx> {
        let ty = kind_type(self.l.ctx, k);
        let b = self.l.ctx.create_builder();
        match self.alloca_block.get_first_instruction() {
            Some(i) => b.position_before(&i),
            None => b.position_at_end(self.alloca_block),
        }
        b.build_alloca(ty, name).expect("alloca")
    }

    /// Storage of local `idx` holding a `k` value.
    pub fn local(&mut self, idx: u16, k: Kind) -> PointerValue<'ctx> {
        if let Some(p) = self.locals.get(&(idx, k)) {
            return *p;
        }
        let p = self.alloca(k, &format!("l{idx}"));
        self.locals.insert((idx, k), p);
        p
    }

    fn slot(&mut self, depth: usize, k: Kind) -> PointerValue<'ctx> {
        if let Some(p) = self.slots.get(&(depth, k)) {
            return *p;
        }
        let p = self.alloca(k, &format!("s{depth}"));
        self.slots.insert((depth, k), p);
        p
    }

    /// Pushes a value of kind `k`.
    pub fn push(&mut self, v: BasicValueEnum<'ctx>, k: Kind) {
        let p = self.slot(self.stack.len(), k);
        self.l.builder.build_store(p, v).expect("store");
        self.stack.push(k);
    }

    /// Pops the top value.
    pub fn pop(&mut self) -> (BasicValueEnum<'ctx>, Kind) {
        let k = self.stack.pop().expect("stack typed by the pre-pass");
        let p = self.slot(self.stack.len(), k);
        let v = self
            .l
            .builder
            .build_load(kind_type(self.l.ctx, k), p, "v")
            .expect("load");
        (v, k)
    }

    /// Pops an int.
    pub fn pop_int(&mut self) -> IntValue<'ctx> {
        self.pop().0.into_int_value()
    }

    /// Pops a reference.
    pub fn pop_ref(&mut self) -> PointerValue<'ctx> {
        self.pop().0.into_pointer_value()
    }

    fn tls_field(&self, index: u32) -> PointerValue<'ctx> {
        self.l
            .builder
            .build_struct_gep(self.l.thread_state_type(), self.l.tls(), index, "tls")
            .expect("gep")
    }

    fn frame_field(&self, index: u32) -> PointerValue<'ctx> {
        self.l
            .builder
            .build_struct_gep(self.l.frame_type(), self.frame, index, "fr")
            .expect("gep")
    }

    fn prologue(&mut self) {
        let meta = self.l.method_meta(self.m);
        let l = &*self.l;
        let b = &l.builder;
        let top_ptr = self.tls_field(1);
        let prev = b.build_load(l.ptr(), top_ptr, "prev").expect("load");
        b.build_store(self.frame_field(0), prev).expect("store");
        b.build_store(self.frame_field(1), meta).expect("store");
        b.build_store(self.frame_field(2), l.ctx.i32_type().const_zero())
            .expect("store");
        b.build_store(top_ptr, self.frame).expect("store");
        // Stack overflow: the frame's address is below the thread's limit.
        let limit_ptr = self.tls_field(2);
        let limit = b
            .build_load(l.ctx.i64_type(), limit_ptr, "limit")
            .expect("load")
            .into_int_value();
        let here = b
            .build_ptr_to_int(self.frame, l.ctx.i64_type(), "sp")
            .expect("p2i");
        let low = b
            .build_int_compare(IntPredicate::ULT, here, limit, "low")
            .expect("cmp");
        let overflow = l.ctx.append_basic_block(self.func, "overflow");
        let ok = l.ctx.append_basic_block(self.func, "params");
        b.build_conditional_branch(low, overflow, ok).expect("br");
        b.position_at_end(overflow);
        let f = self.l.runtime_fn(rt::THROW_STACK_OVERFLOW, |l| {
            l.ctx.void_type().fn_type(&[], false)
        });
        self.l.builder.build_call(f, &[], "").expect("call");
        let exit = self.exit_block();
        self.l.builder.build_unconditional_branch(exit).expect("br");
        self.l.builder.position_at_end(ok);
        self.safepoint_poll();
        self.store_params();
        if self.l.program.method(self.m).access & access::SYNCHRONIZED != 0 {
            self.enter_method_monitor();
        }
    }

    fn store_params(&mut self) {
        let meth = self.l.program.method(self.m);
        let (params, _) = method_kinds(&meth.descriptor);
        let mut kinds = Vec::new();
        if !meth.is_static() {
            kinds.push(Kind::Ref);
        }
        kinds.extend(params);
        let mut idx: u16 = 0;
        for (i, k) in kinds.into_iter().enumerate() {
            let v = self.func.get_nth_param(i as u32).expect("param");
            let p = self.local(idx, k);
            self.l.builder.build_store(p, v).expect("store");
            idx += if super::types::is_wide(k) { 2 } else { 1 };
        }
    }

    fn enter_method_monitor(&mut self) {
        let obj = if self.l.program.method(self.m).is_static() {
            let d = self.l.desc(self.class);
            let f = self.l.runtime_fn(rt::CLASS_MIRROR, |l| {
                l.ref_type().fn_type(&[l.ptr().into()], false)
            });
            self.l
                .builder
                .build_call(f, &[d.into()], "mirror")
                .expect("call")
                .try_as_basic_value()
                .basic()
                .expect("value")
        } else {
            let p = self.local(0, Kind::Ref);
            self.l
                .builder
                .build_load(self.l.ref_type(), p, "this")
                .expect("load")
        };
        let holder = self.alloca(Kind::Ref, "monitor");
        self.l.builder.build_store(holder, obj).expect("store");
        self.sync_object = Some(holder);
        self.monitor_inline(MonitorOp::Enter, obj.into_pointer_value(), true);
    }

    /// Calls `roast_monitor_enter` / `roast_monitor_exit` (the slow paths of `monitor_inline`).
    pub fn monitor_call(&mut self, name: &'static str, obj: PointerValue<'ctx>) {
        let f = self.l.runtime_fn(name, |l| {
            l.ctx.void_type().fn_type(&[l.ref_type().into()], false)
        });
        self.set_frame_pc();
        self.l
            .builder
            .build_call(f, &[obj.into()], "")
            .expect("call");
    }

    fn leave_method_monitor(&mut self) {
        if let Some(holder) = self.sync_object {
            let obj = self
                .l
                .builder
                .build_load(self.l.ref_type(), holder, "mon")
                .expect("load")
                .into_pointer_value();
            self.monitor_inline(MonitorOp::Exit, obj, false);
        }
    }

    fn unlink_frame(&mut self) {
        let prev = self
            .l
            .builder
            .build_load(self.l.ptr(), self.frame_field(0), "prev")
            .expect("load");
        let top = self.tls_field(1);
        self.l.builder.build_store(top, prev).expect("store");
    }

    /// Normal return with an optional value.
    pub fn build_return(&mut self, v: Option<BasicValueEnum<'ctx>>) {
        self.leave_method_monitor();
        self.unlink_frame();
        self.l
            .builder
            .build_return(v.as_ref().map(|v| v as &dyn inkwell::values::BasicValue))
            .expect("ret");
    }

    /// The block that returns to the caller with an exception pending.
    fn exit_block(&mut self) -> BasicBlock<'ctx> {
        if let Some(b) = self.exit {
            return b;
        }
        let saved = self.l.builder.get_insert_block();
        let bb = self.l.ctx.append_basic_block(self.func, "unwind");
        self.l.builder.position_at_end(bb);
        if let Some(holder) = self.sync_object {
            // Release the monitor without losing the pending exception.
            let pending_ptr = self.tls_field(0);
            let exc = self
                .l
                .builder
                .build_load(self.l.ptr(), pending_ptr, "exc")
                .expect("load");
            self.l
                .builder
                .build_store(pending_ptr, self.l.ptr().const_null())
                .expect("store");
            let obj = self
                .l
                .builder
                .build_load(self.l.ref_type(), holder, "mon")
                .expect("load")
                .into_pointer_value();
            self.monitor_inline(MonitorOp::Exit, obj, false);
            self.l.builder.build_store(pending_ptr, exc).expect("store");
        }
        self.unlink_frame();
        self.l.build_zero_return(self.func);
        if let Some(s) = saved {
            self.l.builder.position_at_end(s);
        }
        self.exit = Some(bb);
        bb
    }

    /// A safepoint poll (method entry, loop back-edge): when the runtime's request flag is
    /// set, call `roast_safepoint_poll`, which parks the thread while a collection runs. The
    /// flag is read with a volatile load so that LLVM keeps it inside loops.
    pub fn safepoint_poll(&mut self) {
        let i32t = self.l.ctx.i32_type();
        let flag = match self
            .l
            .module
            .get_global(contract::symbols::SAFEPOINT_REQUESTED)
        {
            Some(g) => g,
            None => self
                .l
                .module
                .add_global(i32t, None, contract::symbols::SAFEPOINT_REQUESTED),
        };
        let b = &self.l.builder;
        let v = b
            .build_load(i32t, flag.as_pointer_value(), "sp.flag")
            .expect("load");
        v.as_instruction_value()
            .expect("load instruction")
            .set_volatile(true)
            .expect("volatile");
        let set = b
            .build_int_compare(
                IntPredicate::NE,
                v.into_int_value(),
                i32t.const_zero(),
                "sp.set",
            )
            .expect("cmp");
        let poll = self.l.ctx.append_basic_block(self.func, "safepoint");
        let cont = self.l.ctx.append_basic_block(self.func, "sp.cont");
        self.l
            .builder
            .build_conditional_branch(set, poll, cont)
            .expect("br");
        self.l.builder.position_at_end(poll);
        let f = self.l.runtime_fn(rt::SAFEPOINT_POLL, |l| {
            l.ctx.void_type().fn_type(&[], false)
        });
        self.l.builder.build_call(f, &[], "").expect("call");
        self.l.builder.build_unconditional_branch(cont).expect("br");
        self.l.builder.position_at_end(cont);
    }

    /// Records the current pc in the frame record (before calls, for stack traces).
    pub fn set_frame_pc(&mut self) {
        let pc = self.l.ctx.i32_type().const_int(self.pc as u64, false);
        let p = self.frame_field(2);
        self.l.builder.build_store(p, pc).expect("store");
    }

    /// After a call that may throw: continue, or go to the dispatch block of this pc.
    pub fn check_exception(&mut self) {
        let pending = self.l.load_pending();
        let is_null = self.l.builder.build_is_null(pending, "noexc").expect("cmp");
        let cont = self.l.ctx.append_basic_block(self.func, "cont");
        let dispatch = self.dispatch_block();
        self.l
            .builder
            .build_conditional_branch(is_null, cont, dispatch)
            .expect("br");
        self.l.builder.position_at_end(cont);
    }

    /// Branch to the exception dispatch of this pc (an exception is pending).
    pub fn branch_to_dispatch(&mut self) {
        let d = self.dispatch_block();
        self.l.builder.build_unconditional_branch(d).expect("br");
    }

    /// A block that calls `f(args)` (which leaves an exception pending) and dispatches it.
    pub fn throw_block(
        &mut self,
        f: FunctionValue<'ctx>,
        args: &[inkwell::values::BasicMetadataValueEnum<'ctx>],
    ) -> BasicBlock<'ctx> {
        let saved = self.l.builder.get_insert_block().expect("positioned");
        let bb = self.l.ctx.append_basic_block(self.func, "throw");
        self.l.builder.position_at_end(bb);
        self.set_frame_pc();
        self.l.builder.build_call(f, args, "").expect("call");
        self.branch_to_dispatch();
        self.l.builder.position_at_end(saved);
        bb
    }

    fn dispatch_block(&mut self) -> BasicBlock<'ctx> {
        let pc = self.pc;
        let covering: Vec<usize> = self
            .handlers
            .iter()
            .enumerate()
            .filter(|(_, h)| (h.start_pc as u32) <= pc && pc < h.end_pc as u32)
            .map(|(i, _)| i)
            .collect();
        if covering.is_empty() {
            return self.exit_block();
        }
        if let Some(b) = self.dispatch.get(&covering) {
            return *b;
        }
        let saved = self.l.builder.get_insert_block();
        let bb = self.l.ctx.append_basic_block(self.func, "dispatch");
        self.l.builder.position_at_end(bb);
        for &i in &covering {
            let h = self.handlers[i].clone();
            let landing = self.landing(h.handler_pc as u32);
            match &h.catch_type {
                None => {
                    self.l
                        .builder
                        .build_unconditional_branch(landing)
                        .expect("br");
                    break;
                }
                Some(name) => {
                    let Ok(c) = self.l.program.load(name) else {
                        continue;
                    };
                    let desc = self.l.desc(c);
                    let pending = self.l.load_pending();
                    let exc = self
                        .l
                        .builder
                        .build_address_space_cast(pending, self.l.ref_type(), "exc")
                        .expect("cast");
                    let f = self.l.instance_of_fn();
                    let r = self
                        .l
                        .builder
                        .build_call(f, &[exc.into(), desc.into()], "is")
                        .expect("call");
                    let r = r
                        .try_as_basic_value()
                        .basic()
                        .expect("value")
                        .into_int_value();
                    let hit = self
                        .l
                        .builder
                        .build_int_compare(IntPredicate::NE, r, r.get_type().const_zero(), "hit")
                        .expect("cmp");
                    let next = self.l.ctx.append_basic_block(self.func, "next");
                    self.l
                        .builder
                        .build_conditional_branch(hit, landing, next)
                        .expect("br");
                    self.l.builder.position_at_end(next);
                }
            }
        }
        if self
            .l
            .builder
            .get_insert_block()
            .and_then(|b| b.get_terminator())
            .is_none()
        {
            let exit = self.exit_block();
            self.l.builder.build_unconditional_branch(exit).expect("br");
        }
        if let Some(s) = saved {
            self.l.builder.position_at_end(s);
        }
        self.dispatch.insert(covering, bb);
        bb
    }

    fn landing(&mut self, handler_pc: u32) -> BasicBlock<'ctx> {
        if let Some(b) = self.landings.get(&handler_pc) {
            return *b;
        }
        let saved = self.l.builder.get_insert_block();
        let bb = self.l.ctx.append_basic_block(self.func, "catch");
        self.l.builder.position_at_end(bb);
        let pending_ptr = self.tls_field(0);
        let exc = self.l.load_pending();
        self.l
            .builder
            .build_store(pending_ptr, self.l.ptr().const_null())
            .expect("store");
        let exc = self
            .l
            .builder
            .build_address_space_cast(exc, self.l.ref_type(), "exc")
            .expect("cast");
        let slot = self.slot(0, Kind::Ref);
        self.l.builder.build_store(slot, exc).expect("store");
        let target = self.block_at(handler_pc);
        self.l
            .builder
            .build_unconditional_branch(target)
            .expect("br");
        if let Some(s) = saved {
            self.l.builder.position_at_end(s);
        }
        self.landings.insert(handler_pc, bb);
        bb
    }

    /// The basic block starting at bytecode `pc`.
    pub fn block_at(&mut self, pc: u32) -> BasicBlock<'ctx> {
        if let Some(b) = self.blocks.get(&pc) {
            return *b;
        }
        let b = self.l.ctx.append_basic_block(self.func, &format!("pc{pc}"));
        self.blocks.insert(pc, b);
        b
    }

    fn body(&mut self, insns: &[Instruction], types: &HashMap<u32, Vec<Kind>>) {
        let mut leaders: HashSet<u32> = HashSet::new();
        leaders.insert(0);
        for h in &self.handlers {
            leaders.insert(h.handler_pc as u32);
        }
        for insn in insns {
            let targets = super::stack::branch_targets(&insn.op);
            if !targets.is_empty() || !super::stack::falls_through(&insn.op) {
                leaders.extend(targets);
                leaders.insert(insn.pc + insn.len);
            }
        }
        let first = self.block_at(0);
        self.l
            .builder
            .build_unconditional_branch(first)
            .expect("br");
        // The allocas block falls into the prologue.
        let b = self.l.ctx.create_builder();
        b.position_at_end(self.alloca_block);
        b.build_unconditional_branch(self.prologue_block)
            .expect("br");
        let mut live = false;
        for insn in insns {
            if leaders.contains(&insn.pc) {
                let block = self.block_at(insn.pc);
                if live {
                    self.l
                        .builder
                        .build_unconditional_branch(block)
                        .expect("br");
                }
                self.l.builder.position_at_end(block);
                match types.get(&insn.pc) {
                    Some(s) => {
                        self.stack = s.clone();
                        live = true;
                    }
                    None => {
                        // Unreachable code (no path reaches it).
                        self.l.builder.build_unreachable().expect("unreachable");
                        live = false;
                    }
                }
            }
            if !live {
                continue;
            }
            self.pc = insn.pc;
            self.lower_op(insn);
            // Branches emit their own terminators; the next instruction is then a leader.
            live = super::stack::falls_through(&insn.op)
                && super::stack::branch_targets(&insn.op).is_empty();
        }
        // Blocks created for targets that never got code (unreachable) need a terminator.
        let blocks: Vec<BasicBlock> = self.blocks.values().copied().collect();
        for b in blocks {
            if b.get_terminator().is_none() {
                self.l.builder.position_at_end(b);
                self.l.builder.build_unreachable().expect("unreachable");
            }
        }
    }

    fn lower_op(&mut self, insn: &Instruction) {
        use bytecode::Op;
        match &insn.op {
            Op::Nop => {}
            Op::AconstNull => {
                let n = self.l.ref_type().const_null();
                self.push(n.into(), Kind::Ref);
            }
            Op::Iconst(v) => self.push(
                self.l
                    .ctx
                    .i32_type()
                    .const_int(*v as i64 as u64, true)
                    .into(),
                Kind::Int,
            ),
            Op::Lconst(v) => self.push(
                self.l.ctx.i64_type().const_int(*v as u64, true).into(),
                Kind::Long,
            ),
            Op::Fconst(v) => self.push(
                self.l.ctx.f32_type().const_float(*v as f64).into(),
                Kind::Float,
            ),
            Op::Dconst(v) => self.push(self.l.ctx.f64_type().const_float(*v).into(), Kind::Double),
            Op::Load(k, i) => {
                let p = self.local(*i, *k);
                let v = self
                    .l
                    .builder
                    .build_load(kind_type(self.l.ctx, *k), p, "ld")
                    .expect("load");
                self.push(v, *k);
            }
            Op::Store(k, i) => {
                let (v, _) = self.pop();
                let p = self.local(*i, *k);
                self.l.builder.build_store(p, v).expect("store");
            }
            Op::Pop => {
                self.stack.pop();
            }
            Op::Pop2 => {
                let _ = super::stack::pop_words(&mut self.stack, 2);
            }
            Op::Swap => {
                let (a, ka) = self.pop();
                let (b, kb) = self.pop();
                self.push(a, ka);
                self.push(b, kb);
            }
            Op::Dup | Op::DupX1 | Op::DupX2 | Op::Dup2 | Op::Dup2X1 | Op::Dup2X2 => {
                self.dup(&insn.op)
            }
            Op::Arith(..)
            | Op::Iinc(..)
            | Op::Convert(..)
            | Op::Narrow(_)
            | Op::Lcmp
            | Op::Fcmp { .. } => self.lower_arith(&insn.op),
            Op::If(..)
            | Op::IfICmp(..)
            | Op::IfACmp(..)
            | Op::IfNull(_)
            | Op::IfNonNull(_)
            | Op::Goto(_) => self.lower_branch(insn),
            Op::TableSwitch { .. } | Op::LookupSwitch { .. } => self.lower_switch(&insn.op),
            Op::Return(_) => self.lower_return(),
            Op::AThrow => self.lower_athrow(),
            Op::Jsr(_) | Op::Ret(_) => {
                let f = self.l.throw_error_fn();
                let k = self
                    .l
                    .ctx
                    .i32_type()
                    .const_int(contract::error_kind::UNSUPPORTED as u64, false);
                let s = self.l.cstring("jsr/ret subroutines are not supported");
                self.l
                    .builder
                    .build_call(f, &[k.into(), s.into()], "")
                    .expect("call");
                self.branch_to_dispatch();
            }
            _ => self.lower_object_op(&insn.op),
        }
    }

    fn dup(&mut self, op: &bytecode::Op) {
        let (a, b) = super::stack::dup_shape(op).unwrap_or((1, 0));
        let top = self.pop_group(a);
        let below = self.pop_group(b);
        for (v, k) in top.iter().chain(below.iter()).chain(top.iter()) {
            self.push(*v, *k);
        }
    }

    fn pop_group(&mut self, words: usize) -> Vec<(BasicValueEnum<'ctx>, Kind)> {
        let mut out = Vec::new();
        let mut n = 0;
        while n < words {
            let (v, k) = self.pop();
            n += if super::types::is_wide(k) { 2 } else { 1 };
            out.push((v, k));
        }
        out.reverse();
        out
    }
}
