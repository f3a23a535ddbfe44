//! Object references and class descriptors as the runtime sees them (layouts from
//! `contract`): typed wrappers with the few raw accesses in one place.

use crate::contract::{self, ClassDesc, ARRAY_BASE_OFFSET, ARRAY_LENGTH_OFFSET};

/// A non-null reference to a Java object.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Obj(*mut u8);

impl Obj {
    /// Wraps a raw reference; None for null.
    pub fn from_raw(p: *mut u8) -> Option<Obj> {
        if p.is_null() {
            None
        } else {
            Some(Obj(p))
        }
    }

    /// The raw address.
    pub fn raw(self) -> *mut u8 {
        self.0
    }

    /// The object's class descriptor.
    pub fn desc(self) -> &'static ClassDesc {
        // SAFETY: every object starts with a header whose klass word is the low 32 bits of
        // its descriptor's address; descriptors are static and below 4 GiB.
        unsafe { &*((*(self.0 as *const u32)) as usize as *const ClassDesc) }
    }

    /// Address of the byte at `offset` in the object.
    pub fn at(self, offset: usize) -> *mut u8 {
        // SAFETY: callers pass offsets inside the object (field offsets from metadata,
        // checked array indices).
        unsafe { self.0.add(offset) }
    }

    /// Reads a value at `offset`.
    pub fn read<T: Copy>(self, offset: usize) -> T {
        // SAFETY: see `at`; fields are naturally aligned.
        unsafe { (self.at(offset) as *const T).read() }
    }

    /// Writes a value at `offset`.
    pub fn write<T: Copy>(self, offset: usize, v: T) {
        // SAFETY: see `at`.
        unsafe { (self.at(offset) as *mut T).write(v) }
    }

    /// Reads a reference field.
    pub fn read_ref(self, offset: usize) -> Option<Obj> {
        Obj::from_raw(self.read::<*mut u8>(offset))
    }

    /// Writes a reference field.
    pub fn write_ref(self, offset: usize, v: Option<Obj>) {
        self.write::<*mut u8>(offset, v.map_or(std::ptr::null_mut(), |o| o.raw()));
    }

    /// Length of an array.
    pub fn array_len(self) -> usize {
        self.read::<i32>(ARRAY_LENGTH_OFFSET as usize) as usize
    }

    /// Pointer to element 0 of an array.
    pub fn array_data(self) -> *mut u8 {
        self.at(ARRAY_BASE_OFFSET as usize)
    }
}

/// Helpers on class descriptors.
pub trait DescExt {
    /// The internal name.
    fn name(&self) -> &'static str;
    /// Is it an array class?
    fn is_array(&self) -> bool;
    /// Is it an interface?
    fn is_interface(&self) -> bool;
    /// The superclass.
    fn super_desc(&self) -> Option<&'static ClassDesc>;
    /// The component class of an array class.
    fn component(&self) -> Option<&'static ClassDesc>;
    /// The implemented interfaces.
    fn interfaces(&self) -> &'static [*const ClassDesc];
    /// Reflection metadata.
    fn meta(&self) -> Option<&'static contract::ClassMeta>;
}

/// A NUL-terminated static string as &str.
pub fn cstr(p: *const u8) -> &'static str {
    if p.is_null() {
        return "";
    }
    // SAFETY: the compiler emits NUL-terminated UTF-8 constants that live forever.
    unsafe { std::ffi::CStr::from_ptr(p as *const std::ffi::c_char) }
        .to_str()
        .unwrap_or("?")
}

impl DescExt for ClassDesc {
    fn name(&self) -> &'static str {
        cstr(self.name)
    }
    fn is_array(&self) -> bool {
        self.kind == contract::KIND_ARRAY
    }
    fn is_interface(&self) -> bool {
        self.kind == contract::KIND_INTERFACE
    }
    fn super_desc(&self) -> Option<&'static ClassDesc> {
        // SAFETY: descriptor pointers are null or point to static descriptors.
        unsafe { self.super_.as_ref() }
    }
    fn component(&self) -> Option<&'static ClassDesc> {
        // SAFETY: as above.
        unsafe { self.component.as_ref() }
    }
    fn interfaces(&self) -> &'static [*const ClassDesc] {
        if self.interfaces.is_null() {
            return &[];
        }
        // SAFETY: the compiler emits `n_interfaces` entries.
        unsafe { std::slice::from_raw_parts(self.interfaces, self.n_interfaces as usize) }
    }
    fn meta(&self) -> Option<&'static contract::ClassMeta> {
        // SAFETY: null or a static metadata record.
        unsafe { self.meta.as_ref() }
    }
}

/// Every class descriptor of the program.
pub fn all_classes() -> &'static [&'static ClassDesc] {
    extern "C" {
        static roast_class_table: [&'static ClassDesc; 0];
        static roast_class_count: u32;
    }
    // SAFETY: the compiler emits the table and its length.
    unsafe { std::slice::from_raw_parts(roast_class_table.as_ptr(), roast_class_count as usize) }
}

/// The descriptor of the class with this internal name.
pub fn class_by_name(name: &str) -> Option<&'static ClassDesc> {
    all_classes().iter().copied().find(|d| d.name() == name)
}

/// Offset of an instance field declared by `class` or a superclass.
pub fn field_offset(class: &ClassDesc, field: &str) -> Option<usize> {
    let mut cur = Some(class);
    while let Some(c) = cur {
        if let Some(meta) = c.meta() {
            if !meta.fields.is_null() {
                // SAFETY: `n_fields` entries.
                let fields =
                    unsafe { std::slice::from_raw_parts(meta.fields, meta.n_fields as usize) };
                if let Some(f) = fields
                    .iter()
                    .find(|f| cstr(f.name) == field && f.static_addr.is_null())
                {
                    return Some(f.offset as usize);
                }
            }
        }
        cur = c.super_desc();
    }
    None
}
