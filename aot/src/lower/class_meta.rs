//! The part of `contract::ClassMeta` that backs the SDK's `java.lang.Class`: nesting
//! (InnerClasses, EnclosingMethod, NestHost), modifiers, record/sealed flags, direct
//! superinterfaces and the generic signature.
//!
//! Invariants:
//! - Everything `Class` reports about nesting comes from `crate::nest_info` (shared with the
//!   runtime for classes defined at run time), computed from the class's own attributes,
//!   as HotSpot does; javac lists every enclosing class in a nested class's InnerClasses
//!   attribute, so canonical names need no other class file.
//! - Lowering never loads classes: a related class (declaring, enclosing, nest host) that
//!   was not loaded gets a null descriptor and its name, and the runtime throws
//!   NoClassDefFoundError when a program asks for it.
//! - [`class_meta_type`] lists the fields in the order and with the types of
//!   `contract::ClassMeta` (checked by a unit test against the Rust layout).

use super::Lowerer;
use crate::classfile::access;
use crate::contract::class_flags;
use crate::nest_info::{nest_info, NestInfo};
use crate::program::{ClassId, ClassKind};
use inkwell::context::Context;
use inkwell::types::{BasicTypeEnum, StructType};
use inkwell::values::{BasicValueEnum, PointerValue};
use inkwell::AddressSpace;

/// `Class.getModifiers()` of an array class from its element class's modifiers (None for
/// primitive elements); also the modifiers of primitive classes (`array_modifiers(None)`).
pub fn array_modifiers(element: Option<u32>) -> u32 {
    let visibility = u32::from(access::PUBLIC | access::PRIVATE | access::PROTECTED);
    let fixed = u32::from(access::ABSTRACT | access::FINAL);
    match element {
        Some(m) => (m & visibility) | fixed,
        None => fixed | u32::from(access::PUBLIC),
    }
}

/// The LLVM type of `contract::ClassMeta`.
pub fn class_meta_type(ctx: &Context) -> StructType<'_> {
    let p: BasicTypeEnum = ctx.ptr_type(AddressSpace::default()).into();
    let i: BasicTypeEnum = ctx.i32_type().into();
    ctx.struct_type(
        &[
            p, p, i, i, p, i, p, // source_file .. enum_values
            p, i, i, i, // direct_interfaces, n_direct_interfaces, modifiers, flags
            p, p, // simple_name, canonical_name
            p, p, p, // declaring, enclosing, nest_host
            p, p, p, // their names
            p, // signature
            p, i, p, // pruned_methods, n_pruned_methods, method_extras
            p, p, p, // record_components, enclosing_method, permitted_subclasses
            p, // annotations
            p, i, // dispatch_names, n_dispatch_names
        ],
        false,
    )
}

impl<'ctx> Lowerer<'ctx, '_> {
    /// The values of the `ClassMeta` fields after `enum_values`, in contract order.
    pub(super) fn class_meta_tail(&mut self, c: ClassId) -> Vec<BasicValueEnum<'ctx>> {
        let info = self.nest_info_of(c);
        let mut flags = info.flags;
        if self.program.class(c).in_jdk {
            flags |= class_flags::JDK;
        }
        if crate::proxies::is_proxy_class(self.program, c) {
            flags |= class_flags::PROXY;
        } else if self.program.is_synthesized(&self.program.class(c).name) {
            flags |= class_flags::HIDDEN;
        }
        if self.program.class(c).declares_default_methods() {
            flags |= class_flags::DEFAULT_METHODS;
        }
        let self_name = self.program.class(c).name.clone();
        let host = match self.program.class(c).kind {
            ClassKind::Instance | ClassKind::Interface => {
                Some(info.nest_host.clone().unwrap_or(self_name))
            }
            _ => None,
        };
        let signature = self
            .program
            .class(c)
            .file
            .as_ref()
            .and_then(|f| f.signature.clone());
        let (ifaces, n_ifaces) = self.direct_interfaces(c);
        let i32t = self.ctx.i32_type();
        vec![
            ifaces.into(),
            i32t.const_int(n_ifaces as u64, false).into(),
            i32t.const_int(u64::from(info.modifiers), false).into(),
            i32t.const_int(u64::from(flags), false).into(),
            self.opt_cstring(info.simple_name.as_deref()).into(),
            self.opt_cstring(info.canonical_name.as_deref()).into(),
            self.loaded_desc(info.declaring.as_deref()).into(),
            self.loaded_desc(info.enclosing.as_deref()).into(),
            self.loaded_desc(host.as_deref()).into(),
            self.opt_cstring(info.declaring.as_deref()).into(),
            self.opt_cstring(info.enclosing.as_deref()).into(),
            self.opt_cstring(host.as_deref()).into(),
            self.opt_cstring(signature.as_deref()).into(),
        ]
    }

    /// The values of `ClassMeta::dispatch_names` and `n_dispatch_names` (the last fields).
    pub(super) fn class_meta_dispatch(&mut self, c: ClassId) -> Vec<BasicValueEnum<'ctx>> {
        let (dispatch, n_dispatch) = self.dispatch_names(c);
        let i32t = self.ctx.i32_type();
        vec![
            dispatch.into(),
            i32t.const_int(n_dispatch as u64, false).into(),
        ]
    }

    /// `ClassMeta::dispatch_names`: "name(descriptor)" of every vtable slot of a class, or of
    /// every itable index of an interface.
    fn dispatch_names(&mut self, c: ClassId) -> (PointerValue<'ctx>, usize) {
        let layout = self.program.layout(c);
        let methods = match self.program.class(c).kind {
            ClassKind::Interface => layout.iface_methods.clone(),
            _ => layout.vtable.clone(),
        };
        let names: Vec<String> = methods
            .iter()
            .map(|&m| {
                let meth = self.program.method(m);
                format!("{}{}", meth.name, meth.descriptor)
            })
            .collect();
        let ptrs: Vec<PointerValue<'ctx>> = names.iter().map(|n| self.cstring(n)).collect();
        if ptrs.is_empty() {
            return (self.ptr().const_null(), 0);
        }
        let arr = self.ptr().const_array(&ptrs);
        let g = self
            .module
            .add_global(arr.get_type(), None, "dispatch_names");
        g.set_initializer(&arr);
        g.set_linkage(inkwell::module::Linkage::Private);
        g.set_constant(true);
        (g.as_pointer_value(), ptrs.len())
    }

    fn nest_info_of(&self, c: ClassId) -> NestInfo {
        let class = self.program.class(c);
        match (&class.kind, &class.file) {
            (ClassKind::Array { .. }, _) => NestInfo {
                modifiers: array_modifiers(self.element_modifiers(c)),
                ..NestInfo::default()
            },
            (_, Some(file)) => nest_info(file),
            _ => NestInfo {
                modifiers: array_modifiers(None),
                ..NestInfo::default()
            },
        }
    }

    /// Modifiers of the innermost element class of an array (None when primitive).
    fn element_modifiers(&self, array: ClassId) -> Option<u32> {
        let mut c = array;
        while let ClassKind::Array { component, .. } = self.program.class(c).kind {
            c = component;
        }
        self.program
            .class(c)
            .file
            .as_ref()
            .map(|f| nest_info(f).modifiers)
    }

    fn direct_interfaces(&mut self, c: ClassId) -> (PointerValue<'ctx>, usize) {
        let ifaces = self.program.class(c).interfaces.clone();
        let ptrs: Vec<PointerValue<'ctx>> = ifaces.iter().map(|&i| self.desc(i)).collect();
        if ptrs.is_empty() {
            return (self.ptr().const_null(), 0);
        }
        let arr = self.ptr().const_array(&ptrs);
        let g = self
            .module
            .add_global(arr.get_type(), None, "direct_ifaces");
        g.set_initializer(&arr);
        g.set_linkage(inkwell::module::Linkage::Private);
        g.set_constant(true);
        (g.as_pointer_value(), ptrs.len())
    }

    /// The descriptor of a class that is already part of the program, else null.
    fn loaded_desc(&mut self, name: Option<&str>) -> PointerValue<'ctx> {
        match name.and_then(|n| self.program.lookup(n)) {
            Some(id) if self.descs.contains_key(&id) => self.desc(id),
            _ => self.ptr().const_null(),
        }
    }

    pub(super) fn opt_cstring(&mut self, s: Option<&str>) -> PointerValue<'ctx> {
        match s {
            Some(s) => self.cstring(s),
            None => self.ptr().const_null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classfile::{ClassFile, ConstantPool, EnclosingMethod, InnerClassEntry};
    use crate::contract::ClassMeta;

    fn class(name: &str) -> ClassFile {
        ClassFile {
            minor: 0,
            major: 61,
            access: access::PUBLIC | access::SUPER,
            name: name.into(),
            super_name: Some("java/lang/Object".into()),
            interfaces: vec![],
            cp: ConstantPool::from_entries(vec![]),
            fields: vec![],
            methods: vec![],
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

    fn entry(inner: &str, outer: Option<&str>, simple: Option<&str>, acc: u16) -> InnerClassEntry {
        InnerClassEntry {
            inner: inner.into(),
            outer: outer.map(Into::into),
            simple_name: simple.map(Into::into),
            access: acc,
        }
    }

    #[test]
    fn top_level_class() {
        let info = nest_info(&class("p/Top"));
        assert_eq!(info.modifiers, 1);
        assert_eq!(info.flags, 0);
        assert_eq!(info.canonical_name.as_deref(), Some("p.Top"));
        assert_eq!(info.declaring, None);
    }

    #[test]
    fn member_class_uses_inner_flags() {
        let mut f = class("p/A$B$C");
        f.inner_classes = vec![
            entry("p/A$B", Some("p/A"), Some("B"), access::STATIC),
            entry(
                "p/A$B$C",
                Some("p/A$B"),
                Some("C"),
                access::PRIVATE | access::STATIC,
            ),
        ];
        let info = nest_info(&f);
        assert_eq!(info.modifiers, u32::from(access::PRIVATE | access::STATIC));
        assert_eq!(info.flags, class_flags::MEMBER);
        assert_eq!(info.canonical_name.as_deref(), Some("p.A.B.C"));
        assert_eq!(info.simple_name.as_deref(), Some("C"));
        assert_eq!(info.declaring.as_deref(), Some("p/A$B"));
        assert_eq!(info.enclosing.as_deref(), Some("p/A$B"));
    }

    #[test]
    fn anonymous_and_local_classes() {
        let mut anon = class("p/A$1");
        anon.inner_classes = vec![entry("p/A$1", None, None, 0)];
        anon.enclosing_method = Some(EnclosingMethod {
            class: "p/A".into(),
            method: None,
        });
        let info = nest_info(&anon);
        assert_eq!(info.flags, class_flags::ANONYMOUS);
        assert_eq!(info.canonical_name, None);
        assert_eq!(info.enclosing.as_deref(), Some("p/A"));
        assert_eq!(info.declaring, None);

        let mut member_of_local = class("p/A$1L$M");
        member_of_local.inner_classes = vec![
            entry("p/A$1L", None, Some("L"), 0),
            entry("p/A$1L$M", Some("p/A$1L"), Some("M"), 0),
        ];
        let info = nest_info(&member_of_local);
        assert_eq!(info.flags, class_flags::MEMBER);
        assert_eq!(info.canonical_name, None);
    }

    #[test]
    fn array_modifiers_follow_the_element() {
        assert_eq!(array_modifiers(None), 0x411);
        assert_eq!(array_modifiers(Some(0x0a)), 0x412);
    }

    #[test]
    fn llvm_layout_matches_the_contract() {
        use inkwell::targets::{InitializationConfig, Target, TargetMachine};
        Target::initialize_native(&InitializationConfig::default()).expect("native target");
        let triple = TargetMachine::get_default_triple();
        let target = Target::from_triple(&triple).expect("target");
        let tm = target
            .create_target_machine(
                &triple,
                "generic",
                "",
                inkwell::OptimizationLevel::None,
                inkwell::targets::RelocMode::Default,
                inkwell::targets::CodeModel::Default,
            )
            .expect("target machine");
        let data = tm.get_target_data();
        let ctx = Context::create();
        let ty = class_meta_type(&ctx);
        let offsets = [
            (11, std::mem::offset_of!(ClassMeta, simple_name)),
            (16, std::mem::offset_of!(ClassMeta, declaring_name)),
            (19, std::mem::offset_of!(ClassMeta, signature)),
            (22, std::mem::offset_of!(ClassMeta, method_extras)),
            (25, std::mem::offset_of!(ClassMeta, permitted_subclasses)),
            (26, std::mem::offset_of!(ClassMeta, annotations)),
            (27, std::mem::offset_of!(ClassMeta, dispatch_names)),
            (28, std::mem::offset_of!(ClassMeta, n_dispatch_names)),
        ];
        for (field, rust) in offsets {
            assert_eq!(data.offset_of_element(&ty, field), Some(rust as u64));
        }
        assert_eq!(
            data.get_abi_size(&ty),
            std::mem::size_of::<ClassMeta>() as u64
        );
    }
}
