//! Lowering of the reachable program to one LLVM module.
//!
//! Order of work (see [`lower_program`]): layouts → descriptor and static globals (declared
//! with their final types) → method bodies → descriptor initializers (vtables, itables,
//! metadata) → tables the runtime reads (class table, static roots, main entry).
//!
//! Invariants:
//! - Every reachable method becomes one function named `contract::method_symbol`; natives the
//!   runtime implements (`natives::IMPLEMENTED`) stay declarations, other natives get a body
//!   that throws `UnsatisfiedLinkError`.
//! - Vtable and itable entries of methods that are not reachable point to
//!   `roast_unreachable_method`, which aborts loudly (RTA says they cannot run).

mod alloc;
mod annotation_meta;
pub mod class_meta;
pub mod descs;
pub mod emit;
pub mod inline_copies;
mod member_meta;
pub mod method;
mod monitor;
pub mod natives;
pub mod npe_message;
mod ops_arith;
mod ops_control;
mod ops_invoke;
mod ops_object;
pub mod parallel;
pub mod pipeline;
pub mod polymorphic;
pub mod resources;
pub mod stack;
pub mod types;
mod unsafe_access;

use crate::contract;
use crate::program::{ClassId, MethodId, Program};
use crate::reach::Reachability;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicTypeEnum, StructType};
use inkwell::values::{FunctionValue, GlobalValue, PointerValue};
use inkwell::AddressSpace;
use std::collections::HashMap;

/// Shared state of the lowering of one program.
pub struct Lowerer<'ctx, 'p> {
    /// The LLVM context.
    pub ctx: &'ctx Context,
    /// The module being built.
    pub module: Module<'ctx>,
    /// The instruction builder.
    pub builder: Builder<'ctx>,
    /// The program.
    pub program: &'p mut Program,
    /// What is reachable.
    pub reach: &'p Reachability,
    /// Build warnings (unsupported features that will throw at run time).
    pub warnings: Vec<String>,
    /// Per-module caches of declarations (cleared when the lowering moves to another unit).
    descs: HashMap<ClassId, GlobalValue<'ctx>>,
    statics: HashMap<(ClassId, String), GlobalValue<'ctx>>,
    strings: HashMap<Vec<u16>, GlobalValue<'ctx>>,
    cstrings: HashMap<String, GlobalValue<'ctx>>,
    method_metas: HashMap<MethodId, PointerValue<'ctx>>,
    tls: GlobalValue<'ctx>,
    runtime_fns: HashMap<&'static str, FunctionValue<'ctx>>,
    /// True while the data unit (descriptors, metadata, literals, tables) is built: literals
    /// and metadata are defined there and only declared in code units.
    in_data_unit: bool,
    /// Every string literal a code unit referred to, by symbol (defined in the data unit).
    literal_requests: std::collections::BTreeMap<String, Vec<u16>>,
    /// Targets of the statically bound calls lowered since the last unit's copies were made
    /// (see `inline_copies`).
    direct_callees: std::collections::BTreeSet<MethodId>,
    /// Largest bytecode size of a callee copied into its callers' units (0: none).
    inline_max_bytes: usize,
    /// The class whose code unit is being lowered.
    unit_class: Option<ClassId>,
    /// Methods of other classes whose metadata code units named by alias (defined in the
    /// data unit, see `Lowerer::method_meta`).
    meta_alias_requests: std::collections::BTreeSet<MethodId>,
}

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    /// The pointer type of address space 0.
    pub fn ptr(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::default())
    }

    /// The type of Java references.
    pub fn ref_type(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::from(types::REF_SPACE))
    }

    /// The struct type of the fixed part of a class descriptor followed by `n` vtable slots.
    pub fn desc_type(&self, vtable_len: u32) -> StructType<'ctx> {
        let c = self.ctx;
        let (i8t, i16t, i32t, i64t, p) = (
            c.i8_type(),
            c.i16_type(),
            c.i32_type(),
            c.i64_type(),
            self.ptr(),
        );
        let fields: Vec<BasicTypeEnum> = vec![
            i32t.into(),
            i8t.into(),
            i8t.into(),
            i16t.into(),
            i32t.into(),
            i32t.into(),
            p.into(),
            p.into(),
            p.into(),
            p.into(),
            p.into(),
            i32t.into(),
            i32t.into(),
            p.into(),
            p.into(),
            i32t.into(),
            i32t.into(),
            p.into(),
            p.into(),
            i64t.into(),
            p.into(),
            p.array_type(vtable_len).into(),
        ];
        c.struct_type(&fields, false)
    }

    /// The struct type of `contract::MethodMeta`.
    pub fn method_meta_type(&self) -> StructType<'ctx> {
        let (p, i32t) = (self.ptr(), self.ctx.i32_type());
        self.ctx.struct_type(
            &[
                p.into(),
                p.into(),
                p.into(),
                i32t.into(),
                i32t.into(),
                p.into(),
                p.into(),
            ],
            false,
        )
    }

    /// The struct type of `contract::ThreadState` (the prefix compiled code uses).
    pub fn thread_state_type(&self) -> StructType<'ctx> {
        let (p, i64t) = (self.ptr(), self.ctx.i64_type());
        self.ctx.struct_type(
            &[
                p.into(),
                p.into(),
                i64t.into(),
                p.into(),
                i64t.into(),
                p.into(),
            ],
            false,
        )
    }

    /// The struct type of `contract::FrameRecord`.
    pub fn frame_type(&self) -> StructType<'ctx> {
        let p = self.ptr();
        self.ctx
            .struct_type(&[p.into(), p.into(), self.ctx.i32_type().into()], false)
    }

    /// Starts a new unit: later declarations and bodies go into a fresh module named `name`;
    /// the previous module is returned. Declaration caches belong to one module and are reset.
    fn begin_unit(&mut self, name: &str) -> Module<'ctx> {
        let module = self.ctx.create_module(name);
        let tls = declare_thread_state(self.ctx, &module);
        self.descs.clear();
        self.statics.clear();
        self.strings.clear();
        self.cstrings.clear();
        self.method_metas.clear();
        self.runtime_fns.clear();
        self.tls = tls;
        std::mem::replace(&mut self.module, module)
    }

    /// The thread-local `roast_thread`.
    pub fn tls(&self) -> PointerValue<'ctx> {
        self.tls.as_pointer_value()
    }

    /// The descriptor global of a class.
    pub fn desc(&mut self, c: ClassId) -> PointerValue<'ctx> {
        if let Some(g) = self.descs.get(&c) {
            return g.as_pointer_value();
        }
        if self.program.class(c).layout.is_none() {
            self.program.compute_layouts();
        }
        let name = self.program.class(c).name.clone();
        let len = self
            .program
            .class(c)
            .layout
            .as_ref()
            .map_or(0, |l| l.vtable.len() as u32);
        let ty = self.desc_type(len);
        let g = self
            .module
            .add_global(ty, None, &contract::desc_symbol(&name));
        self.descs.insert(c, g);
        g.as_pointer_value()
    }

    /// The function of a method (declared on first use).
    pub fn function(&mut self, m: MethodId) -> FunctionValue<'ctx> {
        let meth = self.program.method(m);
        let class = &self.program.class(meth.class).name;
        let sym = contract::method_symbol(class, &meth.name, &meth.descriptor);
        if let Some(f) = self.module.get_function(&sym) {
            return f;
        }
        let ty = types::method_fn_type(self.ctx, &meth.descriptor, meth.is_static());
        self.module.add_function(&sym, ty, Some(Linkage::External))
    }

    /// A NUL-terminated constant string (private global).
    pub fn cstring(&mut self, s: &str) -> PointerValue<'ctx> {
        if let Some(g) = self.cstrings.get(s) {
            return g.as_pointer_value();
        }
        let bytes: Vec<u8> = s.bytes().chain(std::iter::once(0)).collect();
        let init = self.ctx.const_string(&bytes, false);
        let g = self.module.add_global(init.get_type(), None, "str");
        g.set_initializer(&init);
        g.set_linkage(Linkage::Private);
        g.set_constant(true);
        g.set_unnamed_addr(true);
        self.cstrings.insert(s.to_string(), g);
        g.as_pointer_value()
    }

    /// A runtime function from the contract, declared with the given type on first use.
    pub fn runtime_fn(
        &mut self,
        name: &'static str,
        ty: impl FnOnce(&Self) -> inkwell::types::FunctionType<'ctx>,
    ) -> FunctionValue<'ctx> {
        if let Some(f) = self.runtime_fns.get(name) {
            return *f;
        }
        let t = ty(self);
        let f = self
            .module
            .get_function(name)
            .unwrap_or_else(|| self.module.add_function(name, t, None));
        self.runtime_fns.insert(name, f);
        f
    }
}

/// Options of the lowering.
pub struct LowerOptions {
    /// The method `roast_main_entry` calls.
    pub main: MethodId,
}

/// The lowered program: one module per class with compiled methods ("code units", whose
/// contents depend only on that class's methods and the layouts they use, so that their
/// object code can be cached) and a last module with the program-wide data.
pub struct LoweredProgram<'ctx> {
    /// Code units in class order, then the data unit.
    pub units: Vec<Module<'ctx>>,
    /// Build warnings (unsupported features that will throw at run time).
    pub warnings: Vec<String>,
    /// Every string literal of the compiled code, sorted.
    pub literals: Vec<String>,
}

/// Declares the thread-local `roast_thread` in `module`.
fn declare_thread_state<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>) -> GlobalValue<'ctx> {
    let p = ctx.ptr_type(AddressSpace::default());
    let ty = ctx.struct_type(
        &[
            p.into(),
            p.into(),
            ctx.i64_type().into(),
            p.into(),
            ctx.i64_type().into(),
        ],
        false,
    );
    let tls = module.add_global(ty, None, contract::symbols::THREAD_STATE);
    tls.set_thread_local(true);
    tls.set_thread_local_mode(Some(inkwell::ThreadLocalMode::InitialExecTLSModel));
    tls.set_externally_initialized(true);
    tls
}

/// Does `module` define any function?
fn has_bodies(module: &Module<'_>) -> bool {
    module.get_functions().any(|f| f.count_basic_blocks() > 0)
}

/// The reachable methods of each class, classes and methods in id order (the order of
/// functions in a code unit and of its method metadata array).
pub fn methods_by_class(reach: &Reachability, program: &Program) -> Vec<(ClassId, Vec<MethodId>)> {
    let mut by_class: std::collections::BTreeMap<ClassId, Vec<MethodId>> = Default::default();
    for &m in &reach.methods {
        by_class.entry(program.method(m).class).or_default().push(m);
    }
    by_class
        .into_iter()
        .map(|(c, mut ms)| {
            ms.sort();
            (c, ms)
        })
        .collect()
}

/// Lowers the reachable program into modules of `ctx` (see [`LoweredProgram`]), on this
/// thread. Executables are built by [`pipeline`], which lowers the code units on several
/// threads and compiles each as soon as it is lowered; the units are the same.
pub fn lower_program<'ctx>(
    ctx: &'ctx Context,
    program: &mut Program,
    reach: &Reachability,
    options: &LowerOptions,
) -> LoweredProgram<'ctx> {
    program.compute_layouts();
    let mut l = Lowerer::new(ctx, program, reach);
    let mut units = Vec::new();
    for (c, methods) in methods_by_class(reach, l.program) {
        units.extend(l.lower_class_unit(c, &methods));
    }
    let (data, literals) = l.lower_data_unit(options.main);
    units.push(data);
    LoweredProgram {
        units,
        warnings: l.warnings,
        literals,
    }
}

impl<'ctx, 'p> Lowerer<'ctx, 'p> {
    /// A lowering of `program` into modules of `ctx`; layouts must have been computed.
    pub fn new(
        ctx: &'ctx Context,
        program: &'p mut Program,
        reach: &'p Reachability,
    ) -> Lowerer<'ctx, 'p> {
        let module = ctx.create_module("roast.start");
        let tls = declare_thread_state(ctx, &module);
        Lowerer {
            ctx,
            module,
            builder: ctx.create_builder(),
            program,
            reach,
            warnings: Vec::new(),
            descs: HashMap::new(),
            statics: HashMap::new(),
            strings: HashMap::new(),
            cstrings: HashMap::new(),
            method_metas: HashMap::new(),
            tls,
            runtime_fns: HashMap::new(),
            in_data_unit: false,
            literal_requests: Default::default(),
            direct_callees: Default::default(),
            inline_max_bytes: inline_copies::inline_max_bytes(),
            unit_class: None,
            meta_alias_requests: Default::default(),
        }
    }

    /// Lowers the reachable `methods` of class `c` into a fresh module, the class's code
    /// unit; None when none of them has a body (abstract methods, runtime natives).
    pub fn lower_class_unit(&mut self, c: ClassId, methods: &[MethodId]) -> Option<Module<'ctx>> {
        let name = format!("roast.unit.{}", self.program.class(c).name);
        self.begin_unit(&name);
        self.unit_class = Some(c);
        self.direct_callees.clear();
        for &m in methods {
            self.lower_method_body(m);
        }
        self.lower_inline_copies(c);
        self.unit_class = None;
        let unit = self.begin_unit("roast.between-units");
        has_bodies(&unit).then_some(unit)
    }

    /// Takes the string literals the code units lowered so far referred to (by symbol), for
    /// the data unit of another lowering (see [`Lowerer::add_literal_requests`]).
    pub fn take_literal_requests(&mut self) -> std::collections::BTreeMap<String, Vec<u16>> {
        std::mem::take(&mut self.literal_requests)
    }

    /// Takes the methods whose metadata the code units lowered so far named by alias, for the
    /// data unit of another lowering (see [`Lowerer::add_meta_alias_requests`]).
    pub fn take_meta_alias_requests(&mut self) -> std::collections::BTreeSet<MethodId> {
        std::mem::take(&mut self.meta_alias_requests)
    }

    /// Adds metadata aliases that code units lowered elsewhere named: the data unit defines
    /// them.
    pub fn add_meta_alias_requests(&mut self, requests: std::collections::BTreeSet<MethodId>) {
        self.meta_alias_requests.extend(requests);
    }

    /// The symbol of a method's function.
    pub fn method_symbol(&self, m: MethodId) -> String {
        let meth = self.program.method(m);
        contract::method_symbol(
            &self.program.class(meth.class).name,
            &meth.name,
            &meth.descriptor,
        )
    }

    /// Adds literals that code units lowered elsewhere referred to: the data unit defines them.
    pub fn add_literal_requests(&mut self, requests: std::collections::BTreeMap<String, Vec<u16>>) {
        self.literal_requests.extend(requests);
    }

    /// Lowers the data unit (descriptors, statics, literals, metadata, the runtime's tables;
    /// `main` is the method `roast_main_entry` calls) after every code unit. Returns it with
    /// every string literal of the compiled code, sorted.
    pub fn lower_data_unit(&mut self, main: MethodId) -> (Module<'ctx>, Vec<String>) {
        self.begin_unit("roast.data");
        self.in_data_unit = true;
        let mut literals: Vec<String> = self
            .literal_requests
            .values()
            .map(|utf16| String::from_utf16_lossy(utf16))
            .collect();
        literals.sort();
        self.declare_descs();
        self.declare_statics();
        self.define_literals();
        self.declare_method_metas();
        self.define_descs();
        self.define_tables(main);
        let data = self.begin_unit("roast.after-data");
        (data, literals)
    }
}
