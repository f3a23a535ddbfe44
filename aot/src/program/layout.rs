//! Object layout and dispatch tables: instance field offsets, reference maps, vtables and
//! itables, computed once per class after the program is closed.
//!
//! Invariants:
//! - A subclass's layout extends its superclass's: inherited fields keep their offsets and
//!   inherited vtable slots keep their index (overrides replace the entry in place).
//! - Field offsets are aligned to the field size; the instance size is a multiple of 8.
//! - An interface's dispatch list (`iface_methods`) holds its own non-static, non-private
//!   methods in class-file order; itable entries follow that order.

use super::{ClassId, ClassKind, MethodId, Program};
use crate::classfile::access;
use crate::contract::HEADER_SIZE;

/// One field of a class.
#[derive(Clone, Debug)]
pub struct FieldSlot {
    /// Field name.
    pub name: String,
    /// Field descriptor.
    pub descriptor: String,
    /// Byte offset in the object (instance fields only).
    pub offset: u32,
    /// Access flags.
    pub access: u16,
}

impl FieldSlot {
    /// Descriptor letter, 'L' for objects and arrays.
    pub fn letter(&self) -> u8 {
        match self.descriptor.as_bytes()[0] {
            b'[' => b'L',
            c => c,
        }
    }
}

/// Layout and dispatch tables of one class.
#[derive(Clone, Debug, Default)]
pub struct ClassLayout {
    /// Size of an instance in bytes, header included.
    pub instance_size: u32,
    /// Number of superclasses.
    pub depth: u32,
    /// Instance fields declared by this class.
    pub fields: Vec<FieldSlot>,
    /// Static fields declared by this class.
    pub statics: Vec<FieldSlot>,
    /// Offsets of every reference field, inherited ones included.
    pub ref_offsets: Vec<u32>,
    /// The vtable: implementation (or abstract declaration) per slot.
    pub vtable: Vec<MethodId>,
    /// For interfaces: the methods dispatched through itables, in itable order.
    pub iface_methods: Vec<MethodId>,
    /// For classes: per implemented interface, the implementation of each `iface_methods`
    /// entry (None when there is none: AbstractMethodError).
    pub itables: Vec<(ClassId, Vec<Option<MethodId>>)>,
}

/// Size in bytes of a field of the given descriptor letter.
pub fn field_size(letter: u8) -> u32 {
    match letter {
        b'J' | b'D' | b'L' | b'[' => 8,
        b'I' | b'F' => 4,
        b'S' | b'C' => 2,
        _ => 1,
    }
}

impl Program {
    /// Computes the layout of every loaded class (supertypes first).
    pub fn compute_layouts(&mut self) {
        for i in 0..self.classes.len() {
            self.ensure_layout(ClassId(i as u32));
        }
    }

    /// The layout of a class; panics if [`Program::compute_layouts`] has not covered it.
    pub fn layout(&self, id: ClassId) -> &ClassLayout {
        self.class(id)
            .layout
            .as_ref()
            .expect("layout computed after the program is closed")
    }

    fn ensure_layout(&mut self, id: ClassId) {
        if self.class(id).layout.is_some() {
            return;
        }
        let c = self.class(id);
        let supers: Vec<ClassId> = c
            .super_class
            .iter()
            .copied()
            .chain(c.interfaces.iter().copied())
            .collect();
        for s in supers {
            self.ensure_layout(s);
        }
        let layout = self.build_layout(id);
        self.classes[id.0 as usize].layout = Some(layout);
    }

    fn build_layout(&self, id: ClassId) -> ClassLayout {
        let c = self.class(id);
        let base = c
            .super_class
            .map(|s| self.layout(s).clone())
            .unwrap_or_default();
        let mut layout = ClassLayout {
            instance_size: base.instance_size.max(HEADER_SIZE),
            depth: c.super_class.map_or(0, |s| self.layout(s).depth + 1),
            ref_offsets: base.ref_offsets.clone(),
            vtable: base.vtable.clone(),
            ..Default::default()
        };
        if let Some(file) = &c.file {
            let mut instance: Vec<FieldSlot> = Vec::new();
            for f in &file.fields {
                let slot = FieldSlot {
                    name: f.name.clone(),
                    descriptor: f.descriptor.clone(),
                    offset: 0,
                    access: f.access,
                };
                if f.access & access::STATIC != 0 {
                    layout.statics.push(slot);
                } else {
                    instance.push(slot);
                }
            }
            // Largest first; stable so that declaration order breaks ties.
            instance.sort_by_key(|f| std::cmp::Reverse(field_size(f.letter())));
            let mut offset = layout.instance_size;
            for mut f in instance {
                let size = field_size(f.letter());
                offset = offset.div_ceil(size) * size;
                f.offset = offset;
                offset += size;
                if f.letter() == b'L' {
                    layout.ref_offsets.push(f.offset);
                }
                layout.fields.push(f);
            }
            layout.instance_size = offset.div_ceil(8) * 8;
        }
        match c.kind {
            ClassKind::Interface => {
                layout.vtable.clear();
                layout.iface_methods = c
                    .methods
                    .iter()
                    .copied()
                    .filter(|&m| self.method(m).is_virtual())
                    .collect();
            }
            ClassKind::Instance | ClassKind::Array { .. } => {
                self.fill_vtable(id, &mut layout);
                layout.itables = self.build_itables(id, &layout);
            }
            ClassKind::Primitive(_) => {}
        }
        layout
    }

    fn fill_vtable(&self, id: ClassId, layout: &mut ClassLayout) {
        for &m in &self.class(id).methods {
            let method = self.method(m);
            if !method.is_virtual() {
                continue;
            }
            let existing = layout.vtable.iter().position(|&v| {
                let vm = self.method(v);
                vm.name == method.name
                    && vm.descriptor == method.descriptor
                    && self.can_override(m, v)
            });
            match existing {
                Some(slot) => layout.vtable[slot] = m,
                None => layout.vtable.push(m),
            }
        }
        // Interface methods (defaults and abstract "miranda" methods) get slots too, so that
        // invokevirtual on a class type can reach an inherited default method.
        for iface in self.all_interfaces(id) {
            for &m in &self.layout(iface).iface_methods {
                let method = self.method(m);
                let slot = layout.vtable.iter().position(|&v| {
                    let vm = self.method(v);
                    vm.name == method.name && vm.descriptor == method.descriptor
                });
                match slot {
                    None => layout.vtable.push(self.select_default(id, m)),
                    Some(s) => {
                        let current = layout.vtable[s];
                        let cur = self.method(current);
                        if self.class(cur.class).is_interface() {
                            layout.vtable[s] = self.select_default(id, current);
                        }
                    }
                }
            }
        }
    }

    /// JVMS §5.4.5: can `m` override `sup` (package-private methods only within the package)?
    pub fn can_override(&self, m: MethodId, sup: MethodId) -> bool {
        let s = self.method(sup);
        if s.access & (access::PUBLIC | access::PROTECTED) != 0 {
            return true;
        }
        package_of(&self.class(self.method(m).class).name) == package_of(&self.class(s.class).name)
    }

    /// The maximally specific default method for `m`'s signature among `class`'s interfaces,
    /// or `m` itself when no non-abstract candidate exists.
    fn select_default(&self, class: ClassId, m: MethodId) -> MethodId {
        let method = self.method(m);
        let mut candidates: Vec<MethodId> = Vec::new();
        for iface in self.all_interfaces(class) {
            if let Some(d) = self.declared_method(iface, &method.name, &method.descriptor) {
                if self.method(d).is_virtual() {
                    candidates.push(d);
                }
            }
        }
        let specific: Vec<MethodId> = candidates
            .iter()
            .copied()
            .filter(|&a| {
                !candidates
                    .iter()
                    .any(|&b| b != a && self.is_subtype(self.method(b).class, self.method(a).class))
            })
            .collect();
        let concrete: Vec<MethodId> = specific
            .iter()
            .copied()
            .filter(|&d| !self.method(d).is_abstract())
            .collect();
        if concrete.len() == 1 {
            concrete[0]
        } else {
            specific.first().copied().unwrap_or(m)
        }
    }

    fn build_itables(
        &self,
        id: ClassId,
        layout: &ClassLayout,
    ) -> Vec<(ClassId, Vec<Option<MethodId>>)> {
        let mut out = Vec::new();
        for iface in self.all_interfaces(id) {
            let entries = self
                .layout(iface)
                .iface_methods
                .iter()
                .map(|&im| {
                    let imeth = self.method(im);
                    let found = layout.vtable.iter().copied().find(|&v| {
                        let vm = self.method(v);
                        vm.name == imeth.name && vm.descriptor == imeth.descriptor
                    });
                    found.filter(|&v| !self.method(v).is_abstract())
                })
                .collect();
            out.push((iface, entries));
        }
        out
    }

    /// The vtable slot a call resolved to `target` uses on receivers of static type `class`
    /// (a subclass of `target`'s class or that class): `target`'s own slot, which overriding
    /// methods take over in place. A method that does not override a package-private
    /// method of another package with the same name and descriptor has a slot of its own,
    /// so the slot is found by identity, not by name. Interface methods (reached through a
    /// class type) are found by name and descriptor.
    pub fn vtable_slot(&self, class: ClassId, target: MethodId) -> Option<u32> {
        let t = self.method(target);
        let owner = t.class;
        if !self.class(owner).is_interface() {
            if let Some(s) = self.layout(owner).vtable.iter().position(|&v| v == target) {
                return Some(s as u32);
            }
        }
        self.layout(class)
            .vtable
            .iter()
            .position(|&v| {
                self.method(v).name == t.name && self.method(v).descriptor == t.descriptor
            })
            .map(|s| s as u32)
    }

    /// The index of `m` in its interface's itable list.
    pub fn itable_index(&self, iface: ClassId, m: MethodId) -> Option<u32> {
        self.layout(iface)
            .iface_methods
            .iter()
            .position(|&x| x == m)
            .map(|i| i as u32)
    }

    /// An instance field of `class` (declared there) by name.
    pub fn instance_field(&self, class: ClassId, name: &str, desc: &str) -> Option<&FieldSlot> {
        self.layout(class)
            .fields
            .iter()
            .find(|f| f.name == name && f.descriptor == desc)
    }
}

/// Package part of an internal class name ("java/lang" for "java/lang/String").
pub fn package_of(name: &str) -> &str {
    name.rsplit_once('/').map_or("", |(p, _)| p)
}
