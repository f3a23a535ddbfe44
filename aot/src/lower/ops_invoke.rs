//! Method invocation (JVMS §6.5: invokestatic, invokespecial, invokevirtual,
//! invokeinterface, invokedynamic): direct calls where the target is known, vtable loads for
//! virtual calls, itable lookups for interface calls.

use super::method::MethodCx;
use super::polymorphic;
use super::types::{method_fn_type, method_kinds};
use super::unsafe_access;
use crate::classfile::bytecode::{Kind, Op};
use crate::contract::{self, desc_offset, rt};
use crate::program::{ClassId, MethodId};
use inkwell::types::FunctionType;
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, PointerValue};

impl<'ctx> MethodCx<'_, 'ctx, '_> {
    pub(super) fn lower_invoke(&mut self, op: &Op) {
        let idx = match op {
            Op::InvokeStatic(i)
            | Op::InvokeSpecial(i)
            | Op::InvokeVirtual(i)
            | Op::InvokeInterface(i, _) => *i,
            _ => unreachable!("not an invoke"),
        };
        let Ok(r) = self.file.cp.member_ref(idx) else {
            return self.fail_with(
                contract::error_kind::NO_SUCH_METHOD,
                "malformed method reference",
                &[],
            );
        };
        let (cname, name, desc, iface) = (
            r.class.to_string(),
            r.name.to_string(),
            r.descriptor.to_string(),
            r.interface,
        );
        let (params, ret) = method_kinds(&desc);
        let is_static = matches!(op, Op::InvokeStatic(_));
        let mut args: Vec<BasicMetadataValueEnum> = Vec::new();
        for _ in 0..params.len() {
            args.push(self.pop().0.into());
        }
        let receiver = if is_static {
            None
        } else {
            Some(self.pop_ref())
        };
        args.reverse();
        let results: Vec<Kind> = ret.into_iter().collect();
        let target = match self.l.program.resolve_method(&cname, &name, &desc, iface) {
            Ok(t) => t,
            Err(e) => return self.fail_resolve(&e, &results),
        };
        if self.l.program.method(target).is_static() != is_static {
            let msg = format!(
                "Expecting {} method {}",
                if is_static {
                    "a static"
                } else {
                    "a non-static"
                },
                self.l.program.method_display(target)
            );
            return self.fail_with(
                contract::error_kind::INCOMPATIBLE_CLASS_CHANGE,
                &msg,
                &results,
            );
        }
        if let Some(access) = unsafe_access::classify(self.l.program, target) {
            // Unsafe field/element accesses: inline loads, stores and atomics, no call.
            let receiver = receiver.expect("intrinsified Unsafe methods are virtual");
            let result = self.lower_unsafe_access(access, receiver, &args);
            if let (Some(v), Some(k)) = (result, ret) {
                self.push(v, k);
            }
            return;
        }
        if let Some(kind) = polymorphic::classify(self.l.program, target) {
            // Signature-polymorphic (VarHandle access, MethodHandle.invoke): see polymorphic.rs.
            let receiver = receiver.expect("polymorphic methods are virtual");
            let Some(call) = self.prepare_polymorphic(kind, &name, &desc, receiver, &args) else {
                return;
            };
            let r = self.dynamic_call(
                polymorphic::VAR_HANDLE,
                call.target,
                call.receiver,
                &call.args,
            );
            self.check_exception();
            return self.finish_polymorphic(r, &desc);
        }
        let mut all: Vec<BasicMetadataValueEnum> = Vec::new();
        if let Some(r) = receiver {
            self.null_check(r);
            all.push(r.into());
        }
        all.extend(args);
        let result = match op {
            Op::InvokeStatic(_) => {
                let tc = self.l.program.method(target).class;
                self.ensure_initialized(tc);
                self.direct_call(target, &all)
            }
            Op::InvokeSpecial(_) => {
                let t = crate::reach::special_target(self.l.program, self.class, target);
                if self.is_empty_method(t) {
                    // Nothing to run (`Object.<init>` above all: every constructor calls
                    // it): the receiver's null check above is the whole call.
                    return;
                }
                self.direct_call(t, &all)
            }
            _ => self.dynamic_call(&cname, target, receiver.expect("receiver"), &all),
        };
        self.check_exception();
        if let (Some(v), Some(k)) = (result, ret) {
            self.push(v, k);
        }
    }

    /// Is `target` a non-synchronized method whose bytecode is a lone `return`? Calling it
    /// has no effect (a statically bound call needs no class initialization besides the
    /// receiver's, which exists already).
    fn is_empty_method(&self, target: MethodId) -> bool {
        const RETURN: u8 = 0xb1;
        self.l.program.method_info(target).is_some_and(|m| {
            !m.is_synchronized() && m.code.as_ref().is_some_and(|c| c.code == [RETURN])
        })
    }

    fn call(
        &mut self,
        f: PointerValue<'ctx>,
        ty: FunctionType<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<BasicValueEnum<'ctx>> {
        self.set_frame_pc();
        let r = self
            .l
            .builder
            .build_indirect_call(ty, f, args, "call")
            .expect("call");
        r.try_as_basic_value().basic()
    }

    fn direct_call(
        &mut self,
        target: MethodId,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<BasicValueEnum<'ctx>> {
        if !self.l.reach.methods.contains(&target) {
            return self.unreachable_call(target);
        }
        self.l.direct_callees.insert(target);
        let f = self.l.function(target);
        self.set_frame_pc();
        let r = self.l.builder.build_call(f, args, "call").expect("call");
        r.try_as_basic_value().basic()
    }

    /// A statically bound call that reachability proved cannot run (no instance of the
    /// target's class exists, so the null check before it always throws): aborts loudly if it
    /// is ever reached; the result is a placeholder of the right type.
    fn unreachable_call(&mut self, target: MethodId) -> Option<BasicValueEnum<'ctx>> {
        let f = self.l.runtime_fn("roast_unreachable_method", |l| {
            l.ctx.void_type().fn_type(&[], false)
        });
        self.l.builder.build_call(f, &[], "").expect("call");
        let (_, ret) = method_kinds(&self.l.program.method(target).descriptor);
        ret.map(|k| crate::lower::types::kind_type(self.l.ctx, k).const_zero())
    }

    fn dynamic_call(
        &mut self,
        ref_class: &str,
        target: MethodId,
        receiver: PointerValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Option<BasicValueEnum<'ctx>> {
        let tm = self.l.program.method(target);
        let tclass = tm.class;
        if crate::reach::is_direct_virtual(self.l.program, target) {
            return self.direct_call(target, args);
        }
        let ty = method_fn_type(self.l.ctx, &tm.descriptor, false);
        if self.l.program.class(tclass).is_interface() {
            let Some(index) = self.l.program.itable_index(tclass, target) else {
                return self.direct_call(target, args);
            };
            let desc = self.l.desc(tclass);
            let f = self.l.runtime_fn(rt::ITABLE_LOOKUP, |l| {
                l.ptr().fn_type(
                    &[l.ref_type().into(), l.ptr().into(), l.ctx.i32_type().into()],
                    false,
                )
            });
            let i = self.l.ctx.i32_type().const_int(index as u64, false);
            self.set_frame_pc();
            let fp = self
                .l
                .builder
                .build_call(f, &[receiver.into(), desc.into(), i.into()], "imethod")
                .expect("call");
            let fp = fp
                .try_as_basic_value()
                .basic()
                .expect("value")
                .into_pointer_value();
            return self.call(fp, ty, args);
        }
        let static_class = self.vtable_class(ref_class, tclass);
        let Some(slot) = self.l.program.vtable_slot(static_class, target) else {
            return self.direct_call(target, args);
        };
        let fp = self.vtable_entry(receiver, slot);
        self.call(fp, ty, args)
    }

    /// The class whose vtable layout a virtual call site uses.
    fn vtable_class(&mut self, ref_class: &str, resolved: ClassId) -> ClassId {
        match self.l.program.lookup(ref_class) {
            Some(c)
                if !self.l.program.class(c).is_interface()
                    && !self.l.program.class(c).is_array() =>
            {
                c
            }
            _ => resolved,
        }
    }

    /// Loads vtable entry `slot` of the receiver's class.
    fn vtable_entry(&mut self, receiver: PointerValue<'ctx>, slot: u32) -> PointerValue<'ctx> {
        let b = &self.l.builder;
        let i32t = self.l.ctx.i32_type();
        let i64t = self.l.ctx.i64_type();
        let klass = b
            .build_load(i32t, receiver, "klass")
            .expect("load")
            .into_int_value();
        let klass = b.build_int_z_extend(klass, i64t, "k").expect("zext");
        let off = i64t.const_int((desc_offset::VTABLE + slot * 8) as u64, false);
        let addr = b.build_int_add(klass, off, "slot").expect("add");
        let p = b
            .build_int_to_ptr(addr, self.l.ptr(), "slotp")
            .expect("i2p");
        b.build_load(self.l.ptr(), p, "entry")
            .expect("load")
            .into_pointer_value()
    }

    pub(super) fn lower_indy(&mut self, idx: u16) {
        let (_, _, desc) = match self.file.cp.invoke_dynamic(idx) {
            Ok(x) => x,
            Err(e) => {
                return self.fail_with(contract::error_kind::UNSUPPORTED, &e.to_string(), &[])
            }
        };
        let (params, ret) = method_kinds(desc);
        let mut args: Vec<BasicMetadataValueEnum> = Vec::new();
        for _ in 0..params.len() {
            args.push(self.pop().0.into());
        }
        args.reverse();
        let results: Vec<Kind> = ret.into_iter().collect();
        let target = self.l.reach.indy_targets.get(&(self.class, idx)).cloned();
        match target {
            Some(Ok(t)) => {
                let class = self.l.program.method(t).class;
                self.ensure_initialized(class);
                let v = self.direct_call(t, &args);
                self.check_exception();
                if let (Some(v), Some(k)) = (v, ret) {
                    self.push(v, k);
                }
            }
            Some(Err(msg)) => self.fail_with(contract::error_kind::UNSUPPORTED, &msg, &results),
            None => self.fail_with(
                contract::error_kind::UNSUPPORTED,
                "invokedynamic site not analysed",
                &results,
            ),
        }
    }
}
