//! The resource unit: an LLVM module holding the embedded resources (see
//! `crate::resources`) as constant byte arrays and the table the runtime searches,
//! `contract::symbols::RESOURCE_TABLE` (`ResourceEntry`s sorted by name) and its length,
//! the build's JDK home (`contract::symbols::JAVA_HOME`) and the main class of an
//! interpret-program build (`contract::symbols::INTERPRETED_MAIN`, empty otherwise).
//!
//! The module has no code and depends only on the resources, so a program whose resources
//! did not change reuses its object from the cache. It is always emitted, with an empty
//! table when there are no resources.

use crate::contract::symbols;
use crate::resources::Resource;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::values::BasicValueEnum;
use inkwell::AddressSpace;

/// Builds the resource unit. `resources` must be sorted by name (as `resources::select`
/// returns them); `java_home` is the JDK home the class library came from, where the
/// program finds the JDK files among the resources (`contract::symbols::JAVA_HOME`).
pub fn resource_unit<'ctx>(
    ctx: &'ctx Context,
    resources: &[Resource],
    java_home: &str,
    interpreted_main: &str,
) -> Module<'ctx> {
    debug_assert!(resources.windows(2).all(|w| w[0].name < w[1].name));
    let module = ctx.create_module("roast.resources");
    let ptr = ctx.ptr_type(AddressSpace::default());
    let i32t = ctx.i32_type();
    let entry_ty = ctx.struct_type(&[ptr.into(), i32t.into(), i32t.into(), ptr.into()], false);
    let entries: Vec<_> = resources
        .iter()
        .map(|r| {
            let name = private_bytes(ctx, &module, r.name.as_bytes());
            let data = private_bytes(ctx, &module, &r.bytes);
            let fields: [BasicValueEnum; 4] = [
                name.into(),
                i32t.const_int(r.name.len() as u64, false).into(),
                i32t.const_int(r.bytes.len() as u64, false).into(),
                data.into(),
            ];
            entry_ty.const_named_struct(&fields)
        })
        .collect();
    let table = entry_ty.const_array(&entries);
    let g = module.add_global(table.get_type(), None, symbols::RESOURCE_TABLE);
    g.set_initializer(&table);
    g.set_constant(true);
    let count = module.add_global(i32t, None, symbols::RESOURCE_COUNT);
    count.set_initializer(&i32t.const_int(entries.len() as u64, false));
    count.set_constant(true);
    let home: Vec<u8> = java_home.bytes().chain(std::iter::once(0)).collect();
    let init = ctx.const_string(&home, false);
    let g = module.add_global(init.get_type(), None, symbols::JAVA_HOME);
    g.set_initializer(&init);
    g.set_constant(true);
    let main: Vec<u8> = interpreted_main.bytes().chain(std::iter::once(0)).collect();
    let init = ctx.const_string(&main, false);
    let g = module.add_global(init.get_type(), None, symbols::INTERPRETED_MAIN);
    g.set_initializer(&init);
    g.set_constant(true);
    module
}

/// A private constant global holding `bytes`; its address.
fn private_bytes<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    bytes: &[u8],
) -> inkwell::values::PointerValue<'ctx> {
    let init = ctx.const_string(bytes, false);
    let g = module.add_global(init.get_type(), None, "resource");
    g.set_initializer(&init);
    g.set_linkage(Linkage::Private);
    g.set_constant(true);
    g.as_pointer_value()
}
