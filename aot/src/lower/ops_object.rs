//! Objects, fields, arrays, type checks, monitors and constants (JVMS §6.5: new, getfield,
//! putfield, getstatic, putstatic, *aload, *astore, arraylength, newarray, anewarray,
//! multianewarray, checkcast, instanceof, monitorenter, monitorexit, ldc).

use super::method::MethodCx;
use super::monitor::MonitorOp;
use super::types::{array_letter, kind_of_letter, kind_type, memory_type, prim_array_name};
use crate::classfile::bytecode::{ArrayKind, Kind, Op};
use crate::classfile::constant_pool::Loadable;
use crate::contract::{self, rt};
use crate::program::resolve::ResolveError;
use crate::program::ClassId;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::IntPredicate;

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    pub(super) fn lower_object_op(&mut self, op: &Op) {
        match op {
            Op::GetField(i) | Op::PutField(i) | Op::GetStatic(i) | Op::PutStatic(i) => {
                self.field_op(op, *i)
            }
            Op::ArrayLoad(k) => self.array_load(*k),
            Op::ArrayStore(k) => self.array_store(*k),
            Op::ArrayLength => {
                let a = self.pop_ref();
                self.null_check(a);
                let len = self.array_length(a);
                self.push(len.into(), Kind::Int);
            }
            Op::New(i) => self.new_object(*i),
            Op::NewArray(k, is_bool) => {
                let name = prim_array_name(*k, *is_bool);
                self.new_array_named(name);
            }
            Op::ANewArray(i) => match self.file.cp.class_name(*i) {
                Ok(n) => {
                    let name = crate::reach::array_of(n);
                    self.new_array_named(&name)
                }
                Err(e) => self.fail_with(
                    contract::error_kind::NO_CLASS_DEF,
                    &e.to_string(),
                    &[Kind::Ref],
                ),
            },
            Op::MultiANewArray(i, dims) => self.multi_array(*i, *dims),
            Op::CheckCast(i) => self.check_cast(*i),
            Op::InstanceOf(i) => self.instance_of(*i),
            Op::MonitorEnter | Op::MonitorExit => {
                let o = self.pop_ref();
                self.null_check(o);
                let m = if matches!(op, Op::MonitorEnter) {
                    MonitorOp::Enter
                } else {
                    MonitorOp::Exit
                };
                self.monitor_inline(m, o, true);
            }
            Op::Ldc(i) => self.ldc(*i),
            Op::InvokeStatic(_)
            | Op::InvokeSpecial(_)
            | Op::InvokeVirtual(_)
            | Op::InvokeInterface(..) => self.lower_invoke(op),
            Op::InvokeDynamic(i) => self.lower_indy(*i),
            other => unreachable!("op {other:?} is lowered elsewhere"),
        }
    }

    /// Throws a linkage error here and continues in dead code with placeholder results.
    pub fn fail_with(&mut self, kind: i32, msg: &str, results: &[Kind]) {
        let f = self.l.throw_error_fn();
        let k = self.l.ctx.i32_type().const_int(kind as u64, true);
        let s = self.l.cstring(msg);
        self.set_frame_pc();
        self.l
            .builder
            .build_call(f, &[k.into(), s.into()], "")
            .expect("call");
        self.branch_to_dispatch();
        let dead = self.l.ctx.append_basic_block(self.func, "dead");
        self.l.builder.position_at_end(dead);
        for &r in results {
            let z = super::descs::zero_of(kind_type(self.l.ctx, r));
            self.push(z, r);
        }
    }

    /// Throws the resolution error (see [`MethodCx::fail_with`]).
    pub fn fail_resolve(&mut self, e: &ResolveError, results: &[Kind]) {
        self.fail_with(e.kind, &e.message, results);
    }

    /// Throws NullPointerException when `v` is null, with HotSpot's message for the current
    /// instruction (`npe_message`).
    pub fn null_check(&mut self, v: PointerValue<'ctx>) {
        let is_null = self.l.builder.build_is_null(v, "isnull").expect("cmp");
        let f = self.l.npe_fn();
        let msg = self.npe_message_arg();
        let throw = self.throw_block(f, &[msg.into()]);
        let ok = self.l.ctx.append_basic_block(self.func, "nonnull");
        self.l
            .builder
            .build_conditional_branch(is_null, throw, ok)
            .expect("br");
        self.l.builder.position_at_end(ok);
    }

    fn byte_gep(&self, base: PointerValue<'ctx>, offset: IntValue<'ctx>) -> PointerValue<'ctx> {
        // SAFETY: offsets come from the class layout or checked array indices.
        unsafe {
            self.l
                .builder
                .build_gep(self.l.ctx.i8_type(), base, &[offset], "addr")
                .expect("gep")
        }
    }

    fn const_offset(&self, off: u32) -> IntValue<'ctx> {
        self.l.ctx.i64_type().const_int(off as u64, false)
    }

    /// Loads a value of descriptor letter `letter` from memory, widened to its stack kind.
    pub fn load_typed(&self, p: PointerValue<'ctx>, letter: u8) -> BasicValueEnum<'ctx> {
        self.load_field(p, letter, false)
    }

    /// Makes a load or store of a `letter`-typed value a sequentially consistent atomic
    /// access (volatile fields, JLS §17.4: LLVM atomics keep the order and visibility).
    fn make_atomic(&self, inst: inkwell::values::InstructionValue<'ctx>, letter: u8) {
        let size = match letter {
            b'Z' | b'B' => 1,
            b'C' | b'S' => 2,
            b'I' | b'F' => 4,
            _ => 8,
        };
        inst.set_alignment(size).expect("alignment");
        inst.set_atomic_ordering(inkwell::AtomicOrdering::SequentiallyConsistent)
            .expect("atomic ordering");
    }

    /// Like `load_typed`; `volatile` makes the load atomic.
    fn load_field(
        &self,
        p: PointerValue<'ctx>,
        letter: u8,
        volatile: bool,
    ) -> BasicValueEnum<'ctx> {
        let b = &self.l.builder;
        let v = b
            .build_load(memory_type(self.l.ctx, letter), p, "f")
            .expect("load");
        if volatile {
            use inkwell::values::BasicValue;
            self.make_atomic(v.as_instruction_value().expect("load instruction"), letter);
        }
        let i32t = self.l.ctx.i32_type();
        match letter {
            b'B' | b'S' => b
                .build_int_s_extend(v.into_int_value(), i32t, "sx")
                .expect("sext")
                .into(),
            b'Z' | b'C' => b
                .build_int_z_extend(v.into_int_value(), i32t, "zx")
                .expect("zext")
                .into(),
            _ => v,
        }
    }

    /// Stores a stack value to memory of descriptor letter `letter`, narrowing it.
    pub fn store_typed(&self, p: PointerValue<'ctx>, letter: u8, v: BasicValueEnum<'ctx>) {
        self.store_field(p, letter, v, false)
    }

    /// Like `store_typed`; `volatile` makes the store atomic.
    fn store_field(
        &self,
        p: PointerValue<'ctx>,
        letter: u8,
        v: BasicValueEnum<'ctx>,
        volatile: bool,
    ) {
        let b = &self.l.builder;
        let v: BasicValueEnum = match letter {
            b'Z' => {
                let one = v.into_int_value().get_type().const_int(1, false);
                let masked = b.build_and(v.into_int_value(), one, "z").expect("and");
                b.build_int_truncate(masked, self.l.ctx.i8_type(), "t")
                    .expect("trunc")
                    .into()
            }
            b'B' => b
                .build_int_truncate(v.into_int_value(), self.l.ctx.i8_type(), "t")
                .expect("trunc")
                .into(),
            b'C' | b'S' => b
                .build_int_truncate(v.into_int_value(), self.l.ctx.i16_type(), "t")
                .expect("trunc")
                .into(),
            _ => v,
        };
        let st = b.build_store(p, v).expect("store");
        if volatile {
            self.make_atomic(st, letter);
        }
    }

    fn field_op(&mut self, op: &Op, idx: u16) {
        let r = match self.file.cp.member_ref(idx) {
            Ok(r) => (
                r.class.to_string(),
                r.name.to_string(),
                r.descriptor.to_string(),
            ),
            Err(e) => {
                return self.fail_with(contract::error_kind::NO_SUCH_FIELD, &e.to_string(), &[])
            }
        };
        let letter = match r.2.as_bytes()[0] {
            b'[' => b'L',
            c => c,
        };
        let kind = kind_of_letter(letter);
        let is_get = matches!(op, Op::GetField(_) | Op::GetStatic(_));
        let results: Vec<Kind> = if is_get { vec![kind] } else { vec![] };
        let field = match self.l.program.resolve_field(&r.0, &r.1, &r.2) {
            Ok(f) => f,
            Err(e) => {
                let pops = match op {
                    Op::PutField(_) => 2,
                    Op::GetField(_) | Op::PutStatic(_) => 1,
                    _ => 0,
                };
                for _ in 0..pops {
                    self.stack.pop();
                }
                return self.fail_resolve(&e, &results);
            }
        };
        let volatile = self.is_volatile(field.class, &field.name, &field.descriptor);
        match op {
            Op::GetStatic(_) | Op::PutStatic(_) => {
                self.ensure_initialized(field.class);
                let Some(p) = self.l.static_field(field.class, &field.name) else {
                    if !is_get {
                        self.stack.pop();
                    }
                    return self.fail_with(
                        contract::error_kind::NO_SUCH_FIELD,
                        &field.name,
                        &results,
                    );
                };
                if is_get {
                    let v = self.load_field(p, letter, volatile);
                    self.push(v, kind);
                } else {
                    let (v, _) = self.pop();
                    self.store_field(p, letter, v, volatile);
                }
            }
            _ => {
                let offset = self
                    .l
                    .program
                    .instance_field(field.class, &field.name, &field.descriptor)
                    .map(|f| f.offset);
                let value = if is_get { None } else { Some(self.pop().0) };
                let obj = self.pop_ref();
                let Some(offset) = offset else {
                    return self.fail_with(
                        contract::error_kind::INCOMPATIBLE_CLASS_CHANGE,
                        &field.name,
                        &results,
                    );
                };
                self.null_check(obj);
                let p = self.byte_gep(obj, self.const_offset(offset));
                match value {
                    None => {
                        let v = self.load_field(p, letter, volatile);
                        self.push(v, kind);
                    }
                    Some(v) => self.store_field(p, letter, v, volatile),
                }
            }
        }
    }

    /// Is the resolved field `class.name:descriptor` declared `volatile`?
    fn is_volatile(&self, class: ClassId, name: &str, descriptor: &str) -> bool {
        let c = self.l.program.class(class);
        c.file
            .as_ref()
            .and_then(|f| f.field(name, descriptor))
            .is_some_and(|f| f.access & crate::classfile::access::VOLATILE != 0)
    }

    /// Emits the class-initialization check for a use of `c` (JVMS §5.5), unless `c` is
    /// known to be initialized here (it is this class or one of its superclasses).
    pub fn ensure_initialized(&mut self, c: ClassId) {
        if !self.l.needs_init(c) {
            return;
        }
        let mut k = Some(self.class);
        while let Some(cls) = k {
            if cls == c {
                return;
            }
            k = self.l.program.class(cls).super_class;
        }
        let desc = self.l.desc(c);
        let i32t = self.l.ctx.i32_type();
        let state = self
            .l
            .builder
            .build_load(i32t, desc, "state")
            .expect("load");
        // Acquire: the class's static state written by the initializing thread is visible
        // once INIT_DONE is (JVMS §5.5, the runtime publishes it with a release store).
        {
            use inkwell::values::BasicValue;
            let inst = state.as_instruction_value().expect("load instruction");
            inst.set_alignment(4).expect("alignment");
            inst.set_atomic_ordering(inkwell::AtomicOrdering::Acquire)
                .expect("atomic ordering");
        }
        let state = state.into_int_value();
        let done = i32t.const_int(contract::INIT_DONE as u64, false);
        let ready = self
            .l
            .builder
            .build_int_compare(IntPredicate::EQ, state, done, "ready")
            .expect("cmp");
        let init = self.l.ctx.append_basic_block(self.func, "init");
        let cont = self.l.ctx.append_basic_block(self.func, "inited");
        self.l
            .builder
            .build_conditional_branch(ready, cont, init)
            .expect("br");
        self.l.builder.position_at_end(init);
        let f = self.l.init_class_fn();
        self.set_frame_pc();
        self.l
            .builder
            .build_call(f, &[desc.into()], "")
            .expect("call");
        self.check_exception();
        self.l.builder.build_unconditional_branch(cont).expect("br");
        self.l.builder.position_at_end(cont);
    }

    fn array_length(&self, a: PointerValue<'ctx>) -> IntValue<'ctx> {
        let p = self.byte_gep(a, self.const_offset(contract::ARRAY_LENGTH_OFFSET));
        self.l
            .builder
            .build_load(self.l.ctx.i32_type(), p, "len")
            .expect("load")
            .into_int_value()
    }

    /// Null and bounds checks, then the address of element `i`.
    fn element_address(
        &mut self,
        a: PointerValue<'ctx>,
        i: IntValue<'ctx>,
        letter: u8,
    ) -> PointerValue<'ctx> {
        self.null_check(a);
        let len = self.array_length(a);
        let oob = self
            .l
            .builder
            .build_int_compare(IntPredicate::UGE, i, len, "oob")
            .expect("cmp");
        let f = self.l.runtime_fn(rt::THROW_INDEX, |l| {
            l.ctx
                .void_type()
                .fn_type(&[l.ctx.i32_type().into(), l.ctx.i32_type().into()], false)
        });
        let throw = self.throw_block(f, &[i.into(), len.into()]);
        let ok = self.l.ctx.append_basic_block(self.func, "inbounds");
        self.l
            .builder
            .build_conditional_branch(oob, throw, ok)
            .expect("br");
        self.l.builder.position_at_end(ok);
        let b = &self.l.builder;
        let i64t = self.l.ctx.i64_type();
        let wide = b.build_int_z_extend(i, i64t, "i").expect("zext");
        let size = i64t.const_int(super::types::elem_size(letter) as u64, false);
        let scaled = b.build_int_mul(wide, size, "off").expect("mul");
        let off = b
            .build_int_add(
                scaled,
                self.const_offset(contract::ARRAY_BASE_OFFSET),
                "off",
            )
            .expect("add");
        self.byte_gep(a, off)
    }

    fn array_load(&mut self, k: ArrayKind) {
        let i = self.pop_int();
        let a = self.pop_ref();
        let letter = array_letter(k);
        let p = self.element_address(a, i, letter);
        let v = self.load_typed(p, letter);
        self.push(v, kind_of_letter(letter));
    }

    fn array_store(&mut self, k: ArrayKind) {
        let (v, _) = self.pop();
        let i = self.pop_int();
        let a = self.pop_ref();
        let letter = array_letter(k);
        let p = self.element_address(a, i, letter);
        if k == ArrayKind::Ref {
            let f = self.l.runtime_fn(rt::ARRAY_STORE_CHECK, |l| {
                l.ctx
                    .void_type()
                    .fn_type(&[l.ref_type().into(), l.ref_type().into()], false)
            });
            self.set_frame_pc();
            self.l
                .builder
                .build_call(f, &[a.into(), v.into()], "")
                .expect("call");
            self.check_exception();
        }
        // A byte store into a boolean[] keeps only the low bit.
        let letter = if letter == b'B' { b'B' } else { letter };
        self.store_typed(p, letter, v);
    }

    fn new_object(&mut self, idx: u16) {
        let name = match self.file.cp.class_name(idx) {
            Ok(n) => n.to_string(),
            Err(e) => {
                return self.fail_with(
                    contract::error_kind::NO_CLASS_DEF,
                    &e.to_string(),
                    &[Kind::Ref],
                )
            }
        };
        let c = match self.l.program.resolve_class(&name) {
            Ok(c) => c,
            Err(e) => return self.fail_resolve(&e, &[Kind::Ref]),
        };
        let acc = self.l.program.class(c).access();
        if acc & (crate::classfile::access::ABSTRACT | crate::classfile::access::INTERFACE) != 0 {
            return self.fail_with(
                contract::error_kind::INSTANTIATION,
                &name.replace('/', "."),
                &[Kind::Ref],
            );
        }
        self.ensure_initialized(c);
        let desc = self.l.desc(c);
        let size = self.l.program.layout(c).instance_size;
        self.set_frame_pc();
        let obj = self.alloc_instance_inline(desc, size);
        self.push(obj, Kind::Ref);
    }

    fn new_array_named(&mut self, name: &str) {
        let len = self.pop_int();
        let c = match self.l.program.resolve_class(name) {
            Ok(c) => c,
            Err(e) => return self.fail_resolve(&e, &[Kind::Ref]),
        };
        let desc = self.l.desc(c);
        self.set_frame_pc();
        let arr = self.alloc_array_inline(desc, array_element_size(name), len);
        self.push(arr, Kind::Ref);
    }

    fn multi_array(&mut self, idx: u16, dims: u8) {
        let mut lens = Vec::new();
        for _ in 0..dims {
            lens.push(self.pop_int());
        }
        lens.reverse();
        let name = match self.file.cp.class_name(idx) {
            Ok(n) => n.to_string(),
            Err(e) => {
                return self.fail_with(
                    contract::error_kind::NO_CLASS_DEF,
                    &e.to_string(),
                    &[Kind::Ref],
                )
            }
        };
        let c = match self.l.program.resolve_class(&name) {
            Ok(c) => c,
            Err(e) => return self.fail_resolve(&e, &[Kind::Ref]),
        };
        let i32t = self.l.ctx.i32_type();
        let arr_ty = i32t.array_type(dims as u32);
        let buf = self.l.builder.build_alloca(arr_ty, "dims").expect("alloca");
        for (i, len) in lens.iter().enumerate() {
            // SAFETY: i < dims, the array's length.
            let p = unsafe {
                self.l
                    .builder
                    .build_gep(
                        arr_ty,
                        buf,
                        &[i32t.const_zero(), i32t.const_int(i as u64, false)],
                        "d",
                    )
                    .expect("gep")
            };
            self.l.builder.build_store(p, *len).expect("store");
        }
        let desc = self.l.desc(c);
        let f = self.l.runtime_fn(rt::MULTI_ARRAY, |l| {
            l.ref_type().fn_type(
                &[l.ptr().into(), l.ctx.i32_type().into(), l.ptr().into()],
                false,
            )
        });
        self.set_frame_pc();
        let n = i32t.const_int(dims as u64, false);
        let arr = self
            .l
            .builder
            .build_call(f, &[desc.into(), n.into(), buf.into()], "marr")
            .expect("call");
        let arr = arr.try_as_basic_value().basic().expect("value");
        self.check_exception();
        self.push(arr, Kind::Ref);
    }

    fn type_operand(&mut self, idx: u16) -> Result<ClassId, ResolveError> {
        let name = self.file.cp.class_name(idx).map_err(|e| ResolveError {
            kind: contract::error_kind::NO_CLASS_DEF,
            message: e.to_string(),
        })?;
        let name = name.to_string();
        self.l.program.resolve_class(&name)
    }

    fn instance_of_call(&mut self, v: PointerValue<'ctx>, c: ClassId) -> IntValue<'ctx> {
        let desc = self.l.desc(c);
        let f = self.l.instance_of_fn();
        let r = self
            .l
            .builder
            .build_call(f, &[v.into(), desc.into()], "isinst")
            .expect("call");
        r.try_as_basic_value()
            .basic()
            .expect("value")
            .into_int_value()
    }

    fn check_cast(&mut self, idx: u16) {
        let v = self.pop_ref();
        let c = match self.type_operand(idx) {
            Ok(c) => c,
            Err(e) => return self.fail_resolve(&e, &[Kind::Ref]),
        };
        let is_null = self.l.builder.build_is_null(v, "null").expect("cmp");
        let test = self.l.ctx.append_basic_block(self.func, "cast");
        let ok = self.l.ctx.append_basic_block(self.func, "castok");
        self.l
            .builder
            .build_conditional_branch(is_null, ok, test)
            .expect("br");
        self.l.builder.position_at_end(test);
        let r = self.instance_of_call(v, c);
        let pass = self
            .l
            .builder
            .build_int_compare(IntPredicate::NE, r, r.get_type().const_zero(), "pass")
            .expect("cmp");
        let desc = self.l.desc(c);
        let f = self.l.runtime_fn(rt::CHECK_CAST_FAILED, |l| {
            l.ctx
                .void_type()
                .fn_type(&[l.ref_type().into(), l.ptr().into()], false)
        });
        let throw = self.throw_block(f, &[v.into(), desc.into()]);
        self.l
            .builder
            .build_conditional_branch(pass, ok, throw)
            .expect("br");
        self.l.builder.position_at_end(ok);
        self.push(v.into(), Kind::Ref);
    }

    fn instance_of(&mut self, idx: u16) {
        let v = self.pop_ref();
        let c = match self.type_operand(idx) {
            Ok(c) => c,
            Err(e) => return self.fail_resolve(&e, &[Kind::Int]),
        };
        let is_null = self.l.builder.build_is_null(v, "null").expect("cmp");
        let before = self.l.builder.get_insert_block().expect("block");
        let test = self.l.ctx.append_basic_block(self.func, "instof");
        let done = self.l.ctx.append_basic_block(self.func, "instdone");
        self.l
            .builder
            .build_conditional_branch(is_null, done, test)
            .expect("br");
        self.l.builder.position_at_end(test);
        let r = self.instance_of_call(v, c);
        let test_end = self.l.builder.get_insert_block().expect("block");
        self.l.builder.build_unconditional_branch(done).expect("br");
        self.l.builder.position_at_end(done);
        let i32t = self.l.ctx.i32_type();
        let phi = self.l.builder.build_phi(i32t, "inst").expect("phi");
        phi.add_incoming(&[(&i32t.const_zero(), before), (&r, test_end)]);
        self.push(phi.as_basic_value(), Kind::Int);
    }

    fn ldc(&mut self, idx: u16) {
        let ctx = self.l.ctx;
        let v: BasicValueEnum = match self.file.cp.loadable(idx) {
            Ok(Loadable::Int(v)) => ctx.i32_type().const_int(v as i64 as u64, true).into(),
            Ok(Loadable::Float(v)) => ctx.f32_type().const_float(v as f64).into(),
            Ok(Loadable::Long(v)) => ctx.i64_type().const_int(v as u64, true).into(),
            Ok(Loadable::Double(v)) => ctx.f64_type().const_float(v).into(),
            Ok(Loadable::String(s)) => {
                let s = s.to_vec();
                self.l.string_literal(&s).into()
            }
            Ok(Loadable::Class(name)) => {
                let name = name.to_string();
                let c = match self.l.program.resolve_class(&name) {
                    Ok(c) => c,
                    Err(e) => return self.fail_resolve(&e, &[Kind::Ref]),
                };
                let v = self.class_mirror(c);
                self.push(v.into(), Kind::Ref);
                return;
            }
            other => {
                let kind = super::stack::ldc_kind(&self.file.cp, idx).unwrap_or(Kind::Ref);
                let what = match other {
                    Ok(Loadable::MethodHandle { .. }) => "ldc of a MethodHandle constant",
                    Ok(Loadable::MethodType(_)) => "ldc of a MethodType constant",
                    Ok(Loadable::Dynamic { .. }) => "ldc of a dynamic constant",
                    _ => "malformed ldc constant",
                };
                self.l.warnings.push(format!(
                    "{}: {what} is not supported yet",
                    self.l.program.method_display(self.m)
                ));
                return self.fail_with(contract::error_kind::UNSUPPORTED, what, &[kind]);
            }
        };
        let k = super::stack::ldc_kind(&self.file.cp, idx).unwrap_or(Kind::Ref);
        self.push(v, k);
    }

    /// The `java.lang.Class` object of `c`.
    pub fn class_mirror(&mut self, c: ClassId) -> PointerValue<'ctx> {
        let desc = self.l.desc(c);
        let f = self.l.runtime_fn(rt::CLASS_MIRROR, |l| {
            l.ref_type().fn_type(&[l.ptr().into()], false)
        });
        let r = self
            .l
            .builder
            .build_call(f, &[desc.into()], "mirror")
            .expect("call");
        r.try_as_basic_value()
            .basic()
            .expect("value")
            .into_pointer_value()
    }
}

/// Bytes per element of the array class `name` (`[I`, `[Ljava/lang/String;`, `[[J`, ...),
/// as its class descriptor records it.
fn array_element_size(name: &str) -> u32 {
    super::types::elem_size(name.as_bytes().get(1).copied().unwrap_or(b'L'))
}
