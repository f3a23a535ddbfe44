//! Class descriptors, static fields, string literals, method metadata and the tables the
//! runtime reads (`contract::ClassDesc` and friends), as LLVM globals.
//!
//! Invariants: descriptor globals are created before any method body refers to them and get
//! their initializers last, when it is known which methods were compiled. String literals are
//! immortal static objects with the layout the program computed for `java.lang.String`.

use super::types::{kind_of_letter, kind_type, memory_type};
use super::Lowerer;
use crate::classfile::access;
use crate::contract::{self, symbols};
use crate::program::{ClassId, ClassKind, MethodId};
use inkwell::module::Linkage;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValueEnum, GlobalValue, PointerValue};
use std::collections::BTreeMap;

impl<'ctx> Lowerer<'ctx, '_> {
    pub(super) fn declare_descs(&mut self) {
        for i in 0..self.program.classes.len() {
            let c = ClassId(i as u32);
            if self.program.class(c).layout.is_some() {
                self.desc(c);
            }
        }
    }

    pub(super) fn declare_statics(&mut self) {
        for i in 0..self.program.classes.len() {
            let c = ClassId(i as u32);
            let Some(layout) = self.program.class(c).layout.clone() else {
                continue;
            };
            let file = self.program.class(c).file.clone();
            for f in &layout.statics {
                let ty = memory_type(self.ctx, f.letter());
                let sym = contract::static_symbol(&self.program.class(c).name, &f.name);
                let g = self.module.add_global(ty, None, &sym);
                let constant = file
                    .as_ref()
                    .and_then(|file| file.field(&f.name, &f.descriptor))
                    .and_then(|fi| fi.constant_value)
                    .and_then(|idx| self.constant_value(c, idx, f.letter()));
                g.set_initializer(&constant.unwrap_or_else(|| zero_of(ty)));
                self.statics.insert((c, f.name.clone()), g);
            }
        }
    }

    fn constant_value(&mut self, c: ClassId, idx: u16, letter: u8) -> Option<BasicValueEnum<'ctx>> {
        use crate::classfile::constant_pool::Loadable;
        let file = self.program.class(c).file.clone()?;
        Some(match file.cp.loadable(idx).ok()? {
            Loadable::Int(v) => match letter {
                b'Z' | b'B' => self.ctx.i8_type().const_int(v as i64 as u64, true).into(),
                b'C' | b'S' => self.ctx.i16_type().const_int(v as i64 as u64, true).into(),
                _ => self.ctx.i32_type().const_int(v as i64 as u64, true).into(),
            },
            Loadable::Long(v) => self.ctx.i64_type().const_int(v as u64, true).into(),
            Loadable::Float(v) => self.ctx.f32_type().const_float(v as f64).into(),
            Loadable::Double(v) => self.ctx.f64_type().const_float(v).into(),
            Loadable::String(s) => {
                let s = s.to_vec();
                self.string_literal(&s).into()
            }
            _ => return None,
        })
    }

    /// The storage of a static field (declared in code units, defined in the data unit).
    pub fn static_field(&mut self, c: ClassId, name: &str) -> Option<PointerValue<'ctx>> {
        if let Some(g) = self.statics.get(&(c, name.to_string())) {
            return Some(g.as_pointer_value());
        }
        let slot = self
            .program
            .layout(c)
            .statics
            .iter()
            .find(|f| f.name == name)?
            .clone();
        let ty = memory_type(self.ctx, slot.letter());
        let sym = contract::static_symbol(&self.program.class(c).name, name);
        let g = self.module.add_global(ty, None, &sym);
        self.statics.insert((c, name.to_string()), g);
        Some(g.as_pointer_value())
    }

    /// A string literal: an immortal `java.lang.String` (as a reference), named after its
    /// contents; code units declare it and the data unit defines it.
    pub fn string_literal(&mut self, utf16: &[u16]) -> PointerValue<'ctx> {
        if let Some(g) = self.strings.get(utf16) {
            return g
                .as_pointer_value()
                .const_address_space_cast(self.ref_type());
        }
        let sym = literal_symbol(utf16);
        let g = if self.in_data_unit {
            self.define_literal(&sym, utf16)
        } else {
            self.literal_requests
                .entry(sym.clone())
                .or_insert_with(|| utf16.to_vec());
            self.module.add_global(self.ctx.i8_type(), None, &sym)
        };
        self.strings.insert(utf16.to_vec(), g);
        g.as_pointer_value()
            .const_address_space_cast(self.ref_type())
    }

    /// Defines every literal the code units referred to (in the data unit).
    pub(super) fn define_literals(&mut self) {
        let requests = std::mem::take(&mut self.literal_requests);
        for utf16 in requests.values() {
            self.string_literal(utf16);
        }
    }

    fn define_literal(&mut self, sym: &str, utf16: &[u16]) -> GlobalValue<'ctx> {
        let latin1 = utf16.iter().all(|&c| c < 256);
        let bytes: Vec<u8> = if latin1 {
            utf16.iter().map(|&c| c as u8).collect()
        } else {
            utf16.iter().flat_map(|c| c.to_le_bytes()).collect()
        };
        let array = self.static_byte_array(&bytes);
        let string = self
            .program
            .lookup("java/lang/String")
            .expect("java.lang.String is loaded");
        let mut values: BTreeMap<String, BasicValueEnum<'ctx>> = BTreeMap::new();
        values.insert(
            "value".into(),
            array.const_address_space_cast(self.ref_type()).into(),
        );
        values.insert(
            "coder".into(),
            self.ctx
                .i8_type()
                .const_int(if latin1 { 0 } else { 1 }, false)
                .into(),
        );
        let g = self.static_object(string, &values);
        g.set_name(sym);
        g.set_linkage(Linkage::External);
        g.set_visibility(inkwell::GlobalVisibility::Hidden);
        g
    }

    fn header(&mut self, c: ClassId) -> Vec<BasicValueEnum<'ctx>> {
        let i32t = self.ctx.i32_type();
        let klass = self
            .desc(c)
            .const_to_int(self.ctx.i64_type())
            .const_truncate(i32t);
        vec![klass.into(), i32t.const_zero().into()]
    }

    fn static_byte_array(&mut self, bytes: &[u8]) -> PointerValue<'ctx> {
        let c = self.program.lookup("[B").expect("byte[] is loaded");
        let mut fields = self.header(c);
        let i32t = self.ctx.i32_type();
        fields.push(i32t.const_int(bytes.len() as u64, false).into());
        fields.push(i32t.const_zero().into());
        fields.push(self.ctx.const_string(bytes, false).into());
        let init = self.ctx.const_struct(&fields, false);
        let g = self.module.add_global(init.get_type(), None, "strbytes");
        g.set_initializer(&init);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        g.as_pointer_value()
    }

    /// An immortal instance of `c` with the given field values (others zero).
    fn static_object(
        &mut self,
        c: ClassId,
        values: &BTreeMap<String, BasicValueEnum<'ctx>>,
    ) -> GlobalValue<'ctx> {
        let mut slots: Vec<(u32, String, u8)> = Vec::new();
        let mut k = Some(c);
        while let Some(cls) = k {
            for f in &self.program.layout(cls).fields {
                slots.push((f.offset, f.name.clone(), f.letter()));
            }
            k = self.program.class(cls).super_class;
        }
        slots.sort();
        let mut fields = self.header(c);
        let mut offset = contract::HEADER_SIZE;
        for (off, name, letter) in slots {
            if off > offset {
                fields.push(
                    self.ctx
                        .i8_type()
                        .array_type(off - offset)
                        .const_zero()
                        .into(),
                );
            }
            let ty = memory_type(self.ctx, letter);
            fields.push(values.get(&name).copied().unwrap_or_else(|| zero_of(ty)));
            offset = off + super::types::elem_size(letter);
        }
        let size = self.program.layout(c).instance_size;
        if size > offset {
            fields.push(
                self.ctx
                    .i8_type()
                    .array_type(size - offset)
                    .const_zero()
                    .into(),
            );
        }
        let init = self.ctx.const_struct(&fields, true);
        let g = self.module.add_global(init.get_type(), None, "literal");
        g.set_initializer(&init);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        g
    }

    /// Defines the method metadata arrays, one per class with reachable methods, named
    /// `roast.methods.<class>` and ordered as in [`super::methods_by_class`].
    pub(super) fn declare_method_metas(&mut self) {
        let meta_ty = self.method_meta_type();
        for (c, methods) in super::methods_by_class(self.reach, self.program) {
            let mut entries = Vec::new();
            for &m in &methods {
                entries.push(self.method_meta_value(c, m));
            }
            let arr = meta_ty.const_array(&entries);
            let sym = methods_symbol(&self.program.class(c).name);
            let g = self.module.add_global(arr.get_type(), None, &sym);
            g.set_initializer(&arr);
            g.set_visibility(inkwell::GlobalVisibility::Hidden);
            for (i, &m) in methods.iter().enumerate() {
                let p = self.meta_element(g, methods.len(), i);
                self.method_metas.insert(m, p);
            }
        }
        self.define_meta_aliases();
    }

    /// Defines `roast.meta.<method symbol>`, an alias of the method's element of its class's
    /// metadata array, for every method whose metadata a code unit named that way.
    fn define_meta_aliases(&mut self) {
        let requests = std::mem::take(&mut self.meta_alias_requests);
        let meta_ty = self.method_meta_type();
        for m in requests {
            let Some(&element) = self.method_metas.get(&m) else {
                continue;
            };
            let sym = std::ffi::CString::new(method_meta_alias_symbol(&self.method_symbol(m)))
                .expect("method symbols have no NUL");
            use inkwell::types::AsTypeRef;
            use inkwell::values::AsValueRef;
            // SAFETY: the module, type and aliasee belong to this lowering's live context; the
            // aliasee is a constant GEP into a global of this module and the name is a valid C
            // string that LLVM copies.
            let alias = unsafe {
                inkwell::llvm_sys::core::LLVMAddAlias2(
                    self.module.as_mut_ptr(),
                    meta_ty.as_type_ref(),
                    0,
                    element.as_value_ref(),
                    sym.as_ptr(),
                )
            };
            // SAFETY: `alias` was just created in this module.
            unsafe {
                inkwell::llvm_sys::core::LLVMSetVisibility(
                    alias,
                    inkwell::llvm_sys::LLVMVisibility::LLVMHiddenVisibility,
                )
            };
        }
    }

    /// The address of element `i` of a metadata array of `n` records.
    fn meta_element(&self, array: GlobalValue<'ctx>, n: usize, i: usize) -> PointerValue<'ctx> {
        let i32t = self.ctx.i32_type();
        let ty = self.method_meta_type().array_type(n as u32);
        // SAFETY: `i < n`, the length of the array.
        unsafe {
            array
                .as_pointer_value()
                .const_gep(ty, &[i32t.const_zero(), i32t.const_int(i as u64, false)])
        }
    }

    fn method_meta_value(&mut self, c: ClassId, m: MethodId) -> inkwell::values::StructValue<'ctx> {
        let (name, desc, acc) = {
            let meth = self.program.method(m);
            (meth.name.clone(), meth.descriptor.clone(), meth.access)
        };
        let lines: Vec<u32> = self
            .program
            .method_info(m)
            .and_then(|i| i.code.as_ref())
            .map(|code| {
                code.line_numbers
                    .iter()
                    .flat_map(|l| [l.start_pc as u32, l.line as u32])
                    .collect()
            })
            .unwrap_or_default();
        let i32t = self.ctx.i32_type();
        let lines_ptr = if lines.is_empty() {
            self.ptr().const_null()
        } else {
            let vals: Vec<_> = lines
                .iter()
                .map(|&v| i32t.const_int(v as u64, false))
                .collect();
            let arr = i32t.const_array(&vals);
            let g = self.module.add_global(arr.get_type(), None, "lines");
            g.set_initializer(&arr);
            g.set_linkage(Linkage::Private);
            g.set_constant(true);
            g.as_pointer_value()
        };
        let entry = self.function(m).as_global_value().as_pointer_value();
        let fields: Vec<BasicValueEnum> = vec![
            self.desc(c).into(),
            self.cstring(&name).into(),
            self.cstring(&desc).into(),
            i32t.const_int(acc as u64, false).into(),
            i32t.const_int(lines.len() as u64 / 2, false).into(),
            lines_ptr.into(),
            entry.into(),
        ];
        self.method_meta_type().const_named_struct(&fields)
    }

    /// The metadata record of a reachable method (its class's array is declared in code
    /// units on first use).
    pub fn method_meta(&mut self, m: MethodId) -> PointerValue<'ctx> {
        if let Some(p) = self.method_metas.get(&m) {
            return *p;
        }
        let c = self.program.method(m).class;
        if !self.in_data_unit && self.unit_class != Some(c) && self.reach.methods.contains(&m) {
            // A method of another class (an `inline_copies` copy): its own alias, whose name
            // does not depend on which other methods of its class are reachable, so that the
            // unit's bitcode (and cache key) stays the same across programs.
            let sym = method_meta_alias_symbol(&self.method_symbol(m));
            let g = self.module.add_global(self.method_meta_type(), None, &sym);
            g.set_visibility(inkwell::GlobalVisibility::Hidden);
            self.meta_alias_requests.insert(m);
            let p = g.as_pointer_value();
            self.method_metas.insert(m, p);
            return p;
        }
        let mut methods: Vec<MethodId> = self
            .reach
            .methods
            .iter()
            .copied()
            .filter(|&x| self.program.method(x).class == c)
            .collect();
        methods.sort();
        let Some(i) = methods.iter().position(|&x| x == m) else {
            return self.ptr().const_null();
        };
        let ty = self.method_meta_type().array_type(methods.len() as u32);
        let sym = methods_symbol(&self.program.class(c).name);
        let g = self.module.add_global(ty, None, &sym);
        for (k, &x) in methods.iter().enumerate() {
            let p = self.meta_element(g, methods.len(), k);
            self.method_metas.insert(x, p);
        }
        self.method_metas[&methods[i]]
    }

    /// Does using class `c` require an initialization check (it or a superclass has work)?
    pub fn needs_init(&self, c: ClassId) -> bool {
        let mut k = Some(c);
        while let Some(cls) = k {
            if self.program.class(cls).has_clinit()
                || self
                    .program
                    .initialized_superinterfaces(cls)
                    .iter()
                    .any(|&i| self.program.class(i).has_clinit())
            {
                return true;
            }
            k = self.program.class(cls).super_class;
        }
        false
    }

    pub(super) fn define_descs(&mut self) {
        // In class order: initializers add globals (tables, metadata), and the data unit's
        // bitcode must not depend on hash order, or its cached object is never reused.
        let mut ids: Vec<ClassId> = self.descs.keys().copied().collect();
        ids.sort();
        for c in ids {
            let init = self.desc_initializer(c);
            let g = self.descs[&c];
            g.set_initializer(&init);
            g.set_alignment(8);
        }
    }

    fn ptr_array(&mut self, items: &[PointerValue<'ctx>], name: &str) -> PointerValue<'ctx> {
        if items.is_empty() {
            return self.ptr().const_null();
        }
        let arr = self.ptr().const_array(items);
        let g = self.module.add_global(arr.get_type(), None, name);
        g.set_initializer(&arr);
        g.set_linkage(Linkage::Private);
        g.as_pointer_value()
    }

    fn entry_or_stub(&mut self, m: Option<MethodId>) -> PointerValue<'ctx> {
        match m {
            Some(m) if self.reach.methods.contains(&m) && !self.program.method(m).is_abstract() => {
                self.function(m).as_global_value().as_pointer_value()
            }
            Some(m) if self.program.method(m).is_abstract() => self.stub("roast_abstract_method"),
            _ => self.stub("roast_unreachable_method"),
        }
    }

    fn stub(&mut self, name: &'static str) -> PointerValue<'ctx> {
        let f = self.runtime_fn(name, |l| l.ctx.void_type().fn_type(&[], false));
        f.as_global_value().as_pointer_value()
    }

    fn desc_initializer(&mut self, c: ClassId) -> inkwell::values::StructValue<'ctx> {
        let layout = self.program.layout(c).clone();
        let class = self.program.class(c);
        let (name, kind, super_class, acc) = (
            class.name.clone(),
            class.kind.clone(),
            class.super_class,
            class.access(),
        );
        let (i8t, i16t, i32t, i64t) = (
            self.ctx.i8_type(),
            self.ctx.i16_type(),
            self.ctx.i32_type(),
            self.ctx.i64_type(),
        );
        let null = self.ptr().const_null();
        let (kind_code, elem, size, component) = match kind {
            ClassKind::Instance => (contract::KIND_INSTANCE, 0, layout.instance_size, null),
            ClassKind::Interface => (contract::KIND_INTERFACE, 0, 0, null),
            ClassKind::Array { elem, component } => (
                contract::KIND_ARRAY,
                elem,
                super::types::elem_size(elem),
                self.desc(component),
            ),
            ClassKind::Primitive(l) => (contract::KIND_PRIMITIVE, l, 0, null),
        };
        let array_class = match self
            .program
            .lookup(&crate::reach::array_of(&name_as_component(&name, &kind)))
        {
            Some(a) if self.descs.contains_key(&a) => self.desc(a),
            _ => null,
        };
        let ifaces: Vec<ClassId> = self.program.all_interfaces(c);
        let iface_ptrs: Vec<PointerValue> = ifaces.iter().map(|&i| self.desc(i)).collect();
        let interfaces = self.ptr_array(&iface_ptrs, "ifaces");
        let refs = if layout.ref_offsets.is_empty() {
            null
        } else {
            let vals: Vec<_> = layout
                .ref_offsets
                .iter()
                .map(|&o| i32t.const_int(o as u64, false))
                .collect();
            let arr = i32t.const_array(&vals);
            let g = self.module.add_global(arr.get_type(), None, "refmap");
            g.set_initializer(&arr);
            g.set_linkage(Linkage::Private);
            g.set_constant(true);
            g.as_pointer_value()
        };
        let itable = self.itable(&layout.itables);
        let vtable: Vec<PointerValue> = layout
            .vtable
            .iter()
            .map(|&m| self.entry_or_stub(Some(m)))
            .collect();
        let clinit = match self.program.declared_method(c, "<clinit>", "()V") {
            Some(m) if self.reach.methods.contains(&m) => {
                self.function(m).as_global_value().as_pointer_value()
            }
            _ => null,
        };
        let init_state = if self.needs_init(c) {
            contract::INIT_UNINITIALIZED
        } else {
            contract::INIT_DONE
        };
        let super_ptr = super_class.map_or(null, |s| self.desc(s));
        let meta = self.class_meta(c);
        let name_ptr = self.cstring(&name);
        let fields: Vec<BasicValueEnum> = vec![
            i32t.const_int(init_state as u64, false).into(),
            i8t.const_int(kind_code as u64, false).into(),
            i8t.const_int(elem as u64, false).into(),
            i16t.const_int(acc as u64, false).into(),
            i32t.const_int(size as u64, false).into(),
            i32t.const_int(layout.depth as u64, false).into(),
            name_ptr.into(),
            super_ptr.into(),
            component.into(),
            array_class.into(),
            interfaces.into(),
            i32t.const_int(ifaces.len() as u64, false).into(),
            i32t.const_int(layout.ref_offsets.len() as u64, false)
                .into(),
            refs.into(),
            itable.into(),
            i32t.const_int(layout.itables.len() as u64, false).into(),
            i32t.const_int(layout.vtable.len() as u64, false).into(),
            clinit.into(),
            null.into(),
            i64t.const_zero().into(),
            meta.into(),
            self.ptr().const_array(&vtable).into(),
        ];
        self.desc_type(layout.vtable.len() as u32)
            .const_named_struct(&fields)
    }

    fn itable(&mut self, itables: &[(ClassId, Vec<Option<MethodId>>)]) -> PointerValue<'ctx> {
        if itables.is_empty() {
            return self.ptr().const_null();
        }
        let entry_ty = self
            .ctx
            .struct_type(&[self.ptr().into(), self.ptr().into()], false);
        let mut entries = Vec::new();
        for (iface, methods) in itables {
            let fns: Vec<PointerValue> = methods.iter().map(|&m| self.entry_or_stub(m)).collect();
            let table = self.ptr_array(&fns, "imethods");
            let d = self.desc(*iface);
            entries.push(entry_ty.const_named_struct(&[d.into(), table.into()]));
        }
        let arr = entry_ty.const_array(&entries);
        let g = self.module.add_global(arr.get_type(), None, "itable");
        g.set_initializer(&arr);
        g.set_linkage(Linkage::Private);
        g.as_pointer_value()
    }

    fn class_meta(&mut self, c: ClassId) -> PointerValue<'ctx> {
        let class = self.program.class(c);
        let source = class.file.as_ref().and_then(|f| f.source_file.clone());
        let in_jdk = class.in_jdk;
        let is_enum = class.access() & access::ENUM != 0;
        let name = class.name.clone();
        let mut methods: Vec<MethodId> = class
            .methods
            .iter()
            .copied()
            .filter(|m| self.reach.methods.contains(m))
            .collect();
        methods.sort();
        let source_ptr = match source {
            Some(s) => self.cstring(&s),
            None => self.ptr().const_null(),
        };
        let methods_ptr = methods
            .first()
            .map_or(self.ptr().const_null(), |&m| self.method_meta(m));
        let (fields_ptr, n_fields) = self.field_metas(c);
        let values_desc = format!("()[L{name};");
        let enum_values = match self.program.declared_method(c, "values", &values_desc) {
            Some(m) if is_enum && self.reach.methods.contains(&m) => {
                self.function(m).as_global_value().as_pointer_value()
            }
            _ => self.ptr().const_null(),
        };
        let i32t = self.ctx.i32_type();
        let ty = super::class_meta::class_meta_type(self.ctx);
        // The methods of a class are contiguous in its metadata array, in `reach` order.
        let mut values: Vec<BasicValueEnum<'ctx>> = vec![
            source_ptr.into(),
            methods_ptr.into(),
            i32t.const_int(methods.len() as u64, false).into(),
            i32t.const_int(n_fields as u64, false).into(),
            fields_ptr.into(),
            i32t.const_int(in_jdk as u64, false).into(),
            enum_values.into(),
        ];
        values.extend(self.class_meta_tail(c));
        values.extend(self.class_meta_reflection(c, &methods));
        values.push(self.annotation_meta(c).into());
        values.extend(self.class_meta_dispatch(c));
        let init = ty.const_named_struct(&values);
        let g = self.module.add_global(ty, None, "classmeta");
        g.set_initializer(&init);
        g.set_linkage(Linkage::Private);
        g.as_pointer_value()
    }

    fn field_metas(&mut self, c: ClassId) -> (PointerValue<'ctx>, usize) {
        let layout = self.program.layout(c).clone();
        let (p, i32t) = (self.ptr(), self.ctx.i32_type());
        let ty = self.ctx.struct_type(
            &[
                p.into(),
                p.into(),
                i32t.into(),
                i32t.into(),
                p.into(),
                p.into(),
            ],
            false,
        );
        let file = self.program.class(c).file.clone();
        // Declaration order, as HotSpot's getDeclaredFields reports them.
        let position = |f: &crate::program::layout::FieldSlot| {
            file.as_ref().and_then(|file| {
                file.fields
                    .iter()
                    .position(|d| d.name == f.name && d.descriptor == f.descriptor)
            })
        };
        let mut declared: Vec<_> = layout.fields.iter().chain(layout.statics.iter()).collect();
        declared.sort_by_key(|f| position(f).unwrap_or(usize::MAX));
        let mut entries = Vec::new();
        for f in declared {
            let signature = file
                .as_ref()
                .and_then(|file| file.field(&f.name, &f.descriptor))
                .and_then(|d| d.signature.clone());
            let is_static = f.access & access::STATIC != 0;
            let addr = if is_static {
                self.static_field(c, &f.name).unwrap_or(p.const_null())
            } else {
                p.const_null()
            };
            let name = self.cstring(&f.name);
            let desc = self.cstring(&f.descriptor);
            entries.push(ty.const_named_struct(&[
                name.into(),
                desc.into(),
                i32t.const_int(f.access as u64, false).into(),
                i32t.const_int(f.offset as u64, false).into(),
                addr.into(),
                self.opt_cstring(signature.as_deref()).into(),
            ]));
        }
        if entries.is_empty() {
            return (p.const_null(), 0);
        }
        let arr = ty.const_array(&entries);
        let g = self.module.add_global(arr.get_type(), None, "fields");
        g.set_initializer(&arr);
        g.set_linkage(Linkage::Private);
        (g.as_pointer_value(), entries.len())
    }

    pub(super) fn define_tables(&mut self, main: MethodId) {
        let i32t = self.ctx.i32_type();
        let mut ids: Vec<ClassId> = self.descs.keys().copied().collect();
        ids.sort();
        let descs: Vec<PointerValue> = ids
            .iter()
            .map(|&c| self.descs[&c].as_pointer_value())
            .collect();
        self.public_array(symbols::CLASS_TABLE, &descs);
        self.public_u32(symbols::CLASS_COUNT, descs.len() as u32);
        let mut roots: Vec<PointerValue> = Vec::new();
        let mut keys: Vec<(ClassId, String)> = self.statics.keys().cloned().collect();
        keys.sort();
        for (c, name) in keys {
            let is_ref = self
                .program
                .layout(c)
                .statics
                .iter()
                .any(|f| f.name == name && f.letter() == b'L');
            if is_ref {
                roots.push(self.statics[&(c, name)].as_pointer_value());
            }
        }
        self.public_array(symbols::STATIC_ROOTS, &roots);
        self.public_u32(symbols::STATIC_ROOT_COUNT, roots.len() as u32);
        let mut literals: Vec<(Vec<u16>, PointerValue)> = self
            .strings
            .iter()
            .map(|(s, g)| (s.clone(), g.as_pointer_value()))
            .collect();
        literals.sort_by(|a, b| a.0.cmp(&b.0));
        let literals: Vec<PointerValue> = literals.into_iter().map(|(_, p)| p).collect();
        self.public_array(symbols::STRING_TABLE, &literals);
        self.public_u32(symbols::STRING_COUNT, literals.len() as u32);
        let _ = i32t;
        self.define_main_entry(main);
    }

    fn public_array(&mut self, name: &str, items: &[PointerValue<'ctx>]) {
        let arr = self.ptr().const_array(items);
        let g = self.module.add_global(arr.get_type(), None, name);
        g.set_initializer(&arr);
    }

    fn public_u32(&mut self, name: &str, v: u32) {
        let t = self.ctx.i32_type();
        let g = self.module.add_global(t, None, name);
        g.set_initializer(&t.const_int(v as u64, false));
    }

    fn define_main_entry(&mut self, main: MethodId) {
        let ref_ty: BasicTypeEnum = kind_type(self.ctx, kind_of_letter(b'L'));
        let f = self.module.add_function(
            symbols::MAIN_ENTRY,
            self.ctx.void_type().fn_type(&[ref_ty.into()], false),
            None,
        );
        let entry = self.ctx.append_basic_block(f, "entry");
        self.builder.position_at_end(entry);
        let class = self.program.method(main).class;
        let desc = self.desc(class);
        let init = self.init_class_fn();
        self.builder
            .build_call(init, &[desc.into()], "")
            .expect("call");
        let pending = self.load_pending();
        let is_null = self.builder.build_is_null(pending, "ok").expect("cmp");
        let run = self.ctx.append_basic_block(f, "run");
        let done = self.ctx.append_basic_block(f, "done");
        self.builder
            .build_conditional_branch(is_null, run, done)
            .expect("br");
        self.builder.position_at_end(run);
        let mf = self.function(main);
        let arg = f.get_nth_param(0).expect("param");
        self.builder
            .build_call(mf, &[arg.into()], "")
            .expect("call");
        self.builder.build_unconditional_branch(done).expect("br");
        self.builder.position_at_end(done);
        self.builder.build_return(None).expect("ret");
    }

    /// `roast_init_class`.
    pub fn init_class_fn(&mut self) -> inkwell::values::FunctionValue<'ctx> {
        self.runtime_fn(contract::rt::INIT_CLASS, |l| {
            l.ctx.void_type().fn_type(&[l.ptr().into()], false)
        })
    }

    /// Loads the pending exception of the current thread (at the builder's position).
    pub fn load_pending(&self) -> PointerValue<'ctx> {
        self.builder
            .build_load(self.ptr(), self.tls(), "pending")
            .expect("load")
            .into_pointer_value()
    }
}

/// The symbol of the string literal with these UTF-16 units (named by a hash of its
/// contents, so that code units referring to it stay identical across programs).
fn literal_symbol(utf16: &[u16]) -> String {
    let bytes: Vec<u8> = utf16.iter().flat_map(|c| c.to_le_bytes()).collect();
    format!("roast.str.{:032x}", twox_hash::XxHash3_128::oneshot(&bytes))
}

/// The alias of one method's metadata record (see [`Lowerer::method_meta`]).
fn method_meta_alias_symbol(method_symbol: &str) -> String {
    format!("roast.meta.{method_symbol}")
}

/// The symbol of the method metadata array of a class.
fn methods_symbol(class: &str) -> String {
    format!("roast.methods.{class}")
}

fn name_as_component(name: &str, kind: &ClassKind) -> String {
    match kind {
        ClassKind::Primitive(l) => (*l as char).to_string(),
        _ => name.to_string(),
    }
}

/// The zero value of a type.
pub fn zero_of(ty: BasicTypeEnum<'_>) -> BasicValueEnum<'_> {
    match ty {
        BasicTypeEnum::IntType(t) => t.const_zero().into(),
        BasicTypeEnum::FloatType(t) => t.const_zero().into(),
        BasicTypeEnum::PointerType(t) => t.const_null().into(),
        BasicTypeEnum::ArrayType(t) => t.const_zero().into(),
        BasicTypeEnum::StructType(t) => t.const_zero().into(),
        BasicTypeEnum::VectorType(t) => t.const_zero().into(),
        BasicTypeEnum::ScalableVectorType(t) => t.const_zero().into(),
    }
}
