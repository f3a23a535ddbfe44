//! Reachability by rapid type analysis (RTA): starting from the entry points, find every
//! method that can run, every class that can be instantiated and every class initializer.
//!
//! Invariants:
//! - A virtual call site adds its selector (name + descriptor); every instantiated class's
//!   dispatch target for every seen selector is reachable, whatever order they are found in.
//! - `invokedynamic` sites are desugared here (through `desugar`), so the synthesized classes
//!   take part in the analysis like any other.
//! - Only methods in `Reachability::methods` are compiled; the call graph records
//!   caller → callee edges for diagnostics and later optimizations.

use crate::classfile::bytecode::{self, Op};
use crate::desugar;
use crate::lower::polymorphic;
use crate::program::{ClassId, ClassKind, MethodId, Program};
use indexmap::IndexSet;
use petgraph::graphmap::DiGraphMap;
use std::collections::{HashMap, HashSet};

/// The result of the analysis.
#[derive(Default)]
pub struct Reachability {
    /// Reachable methods, in discovery order.
    pub methods: IndexSet<MethodId>,
    /// Classes that may have instances.
    pub instantiated: IndexSet<ClassId>,
    /// Name+descriptor of every method invoked virtually, with the static receiver types
    /// of its call sites (None: any receiver).
    pub selectors: HashMap<(String, String), Vec<Option<ClassId>>>,
    /// Call graph: caller → callee (direct calls and possible virtual targets).
    pub call_graph: DiGraphMap<u32, ()>,
    /// The method synthesized for each `invokedynamic` site: (class, cp index) → method.
    pub indy_targets: HashMap<(ClassId, u16), Result<MethodId, String>>,
    /// Who made each method reachable first (for `roast build --why`).
    pub parent: HashMap<MethodId, MethodId>,
    /// Indices of the `reflective_roots::RULES` already applied.
    pub(crate) applied_rules: HashSet<usize>,
    /// Program (non-JDK) classes named by a class literal or a constant `Class.forName`.
    pub(crate) literal_classes: IndexSet<ClassId>,
    /// Literal classes whose constructors `reflective_roots` already kept.
    pub(crate) reflected_literals: HashSet<ClassId>,
    /// A program class calls `Class.forName` with a name that is not a constant.
    pub(crate) dynamic_for_name: bool,
    /// A program class calls a method that reflects on methods (`Class.getDeclaredMethods`,
    /// `getMethod`, ..., `Proxy.newProxyInstance`): the metadata then lists the methods of
    /// JDK classes that were not compiled too (`lower/member_meta.rs`).
    pub program_reflects_on_methods: bool,
    /// The program's own classes were kept in full (`reflective_roots`, rule 4).
    pub(crate) kept_program_classes: bool,
    /// The providers the program's `META-INF/services` files name were kept
    /// (`reflective_roots`, rule 6).
    pub(crate) kept_service_providers: bool,
    /// Proxy interface lists requested and the proxy classes synthesized (`proxies`).
    pub(crate) proxies: crate::proxies::ProxyState,
    /// Whether annotations are kept, and the classes examined for them (`annotation_roots`).
    pub annotations: crate::annotation_roots::AnnotationState,
    /// Core-API JDK classes whose public API was kept because classes defined at run time may use it
    /// (`reflective_roots`, rule 5).
    pub(crate) kept_for_loaders: HashSet<ClassId>,
    current: Option<MethodId>,
    worklist: Vec<MethodId>,
    initialized: HashSet<ClassId>,
    supertypes: HashMap<ClassId, HashSet<ClassId>>,
    /// Every supertype (itself included) of every instantiated class.
    instantiated_supertypes: HashSet<ClassId>,
    /// Statically bound instance calls (`invokespecial`, final/private `invokevirtual`) whose
    /// target's class has no instantiated subtype yet: (caller, target) by target class.
    pending_instance_calls: HashMap<ClassId, Vec<(MethodId, MethodId)>>,
}

impl Reachability {
    /// Runs RTA from the given roots.
    pub fn compute(
        program: &mut Program,
        roots: &[MethodId],
        instantiated: &[ClassId],
    ) -> Reachability {
        let mut r = Reachability::default();
        for &c in instantiated {
            r.instantiate(program, c);
        }
        for &m in roots {
            r.add_method(program, None, m);
        }
        // Reflective keep-alive rules depend on what is reachable: run to a fixpoint.
        loop {
            while let Some(m) = r.worklist.pop() {
                r.scan(program, m);
            }
            let kept = crate::reflective_roots::extend(&mut r, program);
            let annotated = crate::annotation_roots::extend(&mut r, program);
            if !(crate::proxies::extend(&mut r, program) | kept | annotated) {
                break;
            }
        }
        r
    }

    /// Makes `m` reachable as a root (no caller), e.g. a constructor kept for reflection.
    pub fn add_root(&mut self, program: &Program, m: MethodId) {
        self.add_method(program, None, m);
    }

    fn add_method(&mut self, program: &Program, caller: Option<MethodId>, m: MethodId) {
        if let Some(c) = caller {
            self.call_graph.add_edge(c.0, m.0, ());
        }
        if self.methods.insert(m) {
            if let Some(p) = caller.or(self.current) {
                self.parent.insert(m, p);
            }
            self.worklist.push(m);
            // A method's class must be initialized before it runs statically.
            let class = program.method(m).class;
            if program.method(m).is_static() {
                self.initialize(program, class);
            }
        }
    }

    /// Marks `c` as initialized: its `<clinit>` and its superclasses' become reachable.
    pub fn initialize(&mut self, program: &Program, c: ClassId) {
        let mut cur = Some(c);
        while let Some(k) = cur {
            if !self.initialized.insert(k) {
                break;
            }
            if let Some(clinit) = program.declared_method(k, "<clinit>", "()V") {
                self.add_method(program, None, clinit);
            }
            for i in program.initialized_superinterfaces(k) {
                self.initialize(program, i);
            }
            cur = program.class(k).super_class;
        }
    }

    /// Marks `c` as instantiated and makes its dispatch targets for known selectors reachable.
    pub fn instantiate(&mut self, program: &mut Program, c: ClassId) {
        if !self.instantiated.insert(c) {
            return;
        }
        self.initialize(program, c);
        if program.class(c).is_interface() {
            return;
        }
        let supers = self.supertypes_of(program, c);
        // Sorted, like the selector names below: the discovery order (and with it the
        // order classes are loaded in, their ids) must not depend on hash order, so that
        // builds are reproducible and the data unit's cached object is reused.
        let mut ordered: Vec<ClassId> = supers.iter().copied().collect();
        ordered.sort();
        for s in ordered {
            if self.instantiated_supertypes.insert(s) {
                for (caller, target) in self.pending_instance_calls.remove(&s).unwrap_or_default() {
                    self.add_method(program, Some(caller), target);
                }
            }
        }
        let mut names: Vec<(String, String)> = Vec::new();
        for (key, receivers) in &self.selectors {
            if receivers
                .iter()
                .any(|r| r.is_none_or(|r| supers.contains(&r)))
            {
                names.push(key.clone());
            }
        }
        names.sort();
        for (name, desc) in names {
            for t in dispatch_targets(program, c, &name, &desc) {
                self.add_method(program, None, t);
            }
        }
    }

    /// `c`, its superclasses and all its interfaces (cached).
    fn supertypes_of(&mut self, program: &Program, c: ClassId) -> HashSet<ClassId> {
        if let Some(s) = self.supertypes.get(&c) {
            return s.clone();
        }
        let mut set: HashSet<ClassId> = program.all_interfaces(c).into_iter().collect();
        let mut k = Some(c);
        while let Some(cls) = k {
            set.insert(cls);
            k = program.class(cls).super_class;
        }
        self.supertypes.insert(c, set.clone());
        set
    }

    /// A virtual call of `name`+`desc` on a receiver of any type.
    fn add_selector(&mut self, program: &Program, caller: MethodId, name: &str, desc: &str) {
        self.add_selector_for(program, Some(caller), None, name, desc);
    }

    /// A virtual call of `name`+`desc` whose receiver's static type is `receiver`: the
    /// dispatch targets of instantiated subtypes of `receiver` become reachable.
    pub(crate) fn add_selector_for(
        &mut self,
        program: &Program,
        caller: Option<MethodId>,
        receiver: Option<ClassId>,
        name: &str,
        desc: &str,
    ) {
        let key = (name.to_string(), desc.to_string());
        let receivers = self.selectors.entry(key).or_default();
        if receivers.iter().any(|r| r.is_none() || *r == receiver) {
            return;
        }
        receivers.push(receiver);
        let classes: Vec<ClassId> = self.instantiated.iter().copied().collect();
        for c in classes {
            if program.class(c).is_interface() {
                continue;
            }
            if let Some(r) = receiver {
                if !self.supertypes_of(program, c).contains(&r) {
                    continue;
                }
            }
            for t in dispatch_targets(program, c, name, desc) {
                self.add_method(program, caller, t);
            }
        }
    }

    fn scan(&mut self, program: &mut Program, m: MethodId) {
        self.current = Some(m);
        let class = program.method(m).class;
        let Some(file) = program.class(class).file.clone() else {
            return;
        };
        let Some(info) = file.methods.get(program.method(m).index) else {
            return;
        };
        let Some(code) = &info.code else { return };
        let Ok(insns) = bytecode::decode(&code.code) else {
            return;
        };
        let in_program = !program.class(class).in_jdk;
        if in_program && !program.is_synthesized(&file.name) {
            let ops: Vec<Op> = insns.iter().map(|i| i.op.clone()).collect();
            self.proxies.scan_program_method(&ops, &file.cp);
        }
        for (i, insn) in insns.iter().enumerate() {
            self.scan_op(program, m, class, &file, &insn.op);
            if in_program {
                self.note_method_reflection(&file.cp, &insn.op);
            }
            if let Op::InvokeStatic(call) = insn.op {
                let string = insns[i.saturating_sub(3)..i]
                    .iter()
                    .rev()
                    .find_map(|x| match x.op {
                        Op::Ldc(s) => Some(s),
                        _ => None,
                    });
                match string {
                    Some(string) => self.scan_for_name(program, &file.cp, string, call),
                    None if !program.class(class).in_jdk => {
                        self.note_dynamic_for_name(&file.cp, call)
                    }
                    None => {}
                }
            }
        }
    }

    /// `Class.forName("name")` or `Class.forName("name", init, loader)` with the `ldc` at
    /// most three instructions before the call: the named class is loaded and initialized
    /// (the JDK initializes classes this way, e.g. `SharedSecrets` reaching
    /// `ImmutableCollections$Access`), and kept with its no-argument constructor
    /// (`reflective_roots`, rule 2).
    fn scan_for_name(
        &mut self,
        program: &mut Program,
        cp: &crate::classfile::ConstantPool,
        string: u16,
        call: u16,
    ) {
        use crate::classfile::constant_pool::Loadable;
        let Ok(r) = cp.member_ref(call) else { return };
        if r.class != "java/lang/Class"
            || r.name != "forName"
            || !r.descriptor.starts_with("(Ljava/lang/String;")
        {
            return;
        }
        let Ok(Loadable::String(utf16)) = cp.loadable(string) else {
            return;
        };
        let name = String::from_utf16_lossy(utf16).replace('.', "/");
        if name.starts_with('[') {
            return;
        }
        let Ok(c) = program.load(&name) else { return };
        self.initialize(program, c);
        if !program.class(c).in_jdk {
            self.literal_classes.insert(c);
        }
        crate::reflective_roots::keep(self, program, c, Some("()V"));
    }

    /// A `Class.forName` call in a program class whose name is not a constant: the program
    /// may load any of its classes by name (`reflective_roots`, rule 4).
    fn note_dynamic_for_name(&mut self, cp: &crate::classfile::ConstantPool, call: u16) {
        if let Ok(r) = cp.member_ref(call) {
            if r.class == "java/lang/Class" && r.name == "forName" {
                self.dynamic_for_name = true;
            }
        }
    }

    /// A call in a program class of a method that reflects on methods
    /// (`reflective_roots::is_method_reflection`).
    fn note_method_reflection(&mut self, cp: &crate::classfile::ConstantPool, op: &Op) {
        let (Op::InvokeStatic(idx) | Op::InvokeVirtual(idx) | Op::InvokeInterface(idx, _)) = *op
        else {
            return;
        };
        if let Ok(r) = cp.member_ref(idx) {
            if crate::reflective_roots::is_method_reflection(r.class, r.name) {
                self.program_reflects_on_methods = true;
            }
        }
    }

    fn scan_op(
        &mut self,
        program: &mut Program,
        m: MethodId,
        class: ClassId,
        file: &crate::classfile::ClassFile,
        op: &Op,
    ) {
        let cp = &file.cp;
        match *op {
            Op::New(idx) => {
                if let Ok(name) = cp.class_name(idx) {
                    if let Ok(c) = program.load(name) {
                        self.instantiate(program, c);
                    }
                }
            }
            Op::ANewArray(idx)
            | Op::MultiANewArray(idx, _)
            | Op::CheckCast(idx)
            | Op::InstanceOf(idx) => {
                if let Ok(name) = cp.class_name(idx) {
                    let array = if matches!(op, Op::ANewArray(_)) {
                        array_of(name)
                    } else {
                        name.to_string()
                    };
                    if let Ok(c) = program.load(&array) {
                        if matches!(op, Op::ANewArray(_) | Op::MultiANewArray(..)) {
                            self.instantiate_array_chain(program, c);
                        }
                    }
                }
            }
            Op::NewArray(kind, is_bool) => {
                let name = crate::lower::types::prim_array_name(kind, is_bool);
                if let Ok(c) = program.load(name) {
                    self.instantiate(program, c);
                }
            }
            Op::Ldc(idx) => self.scan_ldc(program, cp, idx),
            Op::GetStatic(idx) | Op::PutStatic(idx) => {
                if let Ok(r) = cp.member_ref(idx) {
                    let (c, n, d) = (
                        r.class.to_string(),
                        r.name.to_string(),
                        r.descriptor.to_string(),
                    );
                    if let Ok(f) = program.resolve_field(&c, &n, &d) {
                        self.initialize(program, f.class);
                    }
                }
            }
            Op::GetField(idx) | Op::PutField(idx) => {
                if let Ok(r) = cp.member_ref(idx) {
                    let (c, n, d) = (
                        r.class.to_string(),
                        r.name.to_string(),
                        r.descriptor.to_string(),
                    );
                    let _ = program.resolve_field(&c, &n, &d);
                }
            }
            Op::InvokeStatic(idx)
            | Op::InvokeSpecial(idx)
            | Op::InvokeVirtual(idx)
            | Op::InvokeInterface(idx, _) => self.scan_invoke(program, m, class, cp, op, idx),
            Op::InvokeDynamic(idx) => {
                let target = desugar::invokedynamic(program, class, idx);
                if let Ok(t) = &target {
                    let t = *t;
                    let tc = program.method(t).class;
                    self.instantiate(program, tc);
                    self.add_method(program, Some(m), t);
                }
                self.indy_targets.insert((class, idx), target);
            }
            _ => {}
        }
    }

    fn instantiate_array_chain(&mut self, program: &mut Program, c: ClassId) {
        self.instantiate(program, c);
        if let ClassKind::Array {
            component,
            elem: b'L',
        } = program.class(c).kind
        {
            if program.class(component).is_array() {
                self.instantiate_array_chain(program, component);
            }
        }
    }

    fn scan_ldc(&mut self, program: &mut Program, cp: &crate::classfile::ConstantPool, idx: u16) {
        use crate::classfile::constant_pool::Loadable;
        match cp.loadable(idx) {
            Ok(Loadable::String(_)) => {
                if let Ok(s) = program.load("java/lang/String") {
                    self.instantiate(program, s);
                }
            }
            Ok(Loadable::Class(name)) => {
                let name = name.to_string();
                if let Ok(c) = program.load(&name) {
                    if !program.class(c).in_jdk && !program.class(c).is_array() {
                        self.literal_classes.insert(c);
                    }
                    let in_program = self
                        .current
                        .map(|m| program.class(program.method(m).class))
                        .is_some_and(|k| !k.in_jdk && !program.is_synthesized(&k.name));
                    if in_program && program.class(c).is_interface() {
                        self.proxies.literal_interfaces.insert(name);
                    }
                }
            }
            _ => {}
        }
    }

    fn scan_invoke(
        &mut self,
        program: &mut Program,
        m: MethodId,
        caller_class: ClassId,
        cp: &crate::classfile::ConstantPool,
        op: &Op,
        idx: u16,
    ) {
        let Ok(r) = cp.member_ref(idx) else { return };
        let (c, n, d, iface) = (
            r.class.to_string(),
            r.name.to_string(),
            r.descriptor.to_string(),
            r.interface,
        );
        let Ok(target) = program.resolve_method(&c, &n, &d, iface) else {
            return;
        };
        if let Some(kind) = polymorphic::classify(program, target) {
            return self.scan_polymorphic(program, m, kind, &d);
        }
        match op {
            Op::InvokeStatic(_) => {
                let tc = program.method(target).class;
                self.initialize(program, tc);
                self.add_method(program, Some(m), target);
            }
            Op::InvokeSpecial(_) => {
                let t = special_target(program, caller_class, target);
                self.add_instance_call(program, m, t);
            }
            _ => {
                let tm = program.method(target);
                if is_direct_virtual(program, target) {
                    self.add_instance_call(program, m, target);
                } else {
                    let (name, desc) = (tm.name.clone(), tm.descriptor.clone());
                    let receiver = program.lookup(&c).filter(|&r| !program.class(r).is_array());
                    self.add_selector_for(program, Some(m), receiver, &name, &desc);
                    if tm.is_native() {
                        // Native virtual methods are called directly.
                        self.add_method(program, Some(m), target);
                    }
                }
            }
        }
    }

    /// A statically bound call of instance method `target`: it can only run on an instance
    /// of its class, so it waits until a subtype of that class is instantiated (a call on a
    /// receiver that can only be null throws NullPointerException before it).
    fn add_instance_call(&mut self, program: &Program, caller: MethodId, target: MethodId) {
        let tc = program.method(target).class;
        if program.method(target).is_static() || self.instantiated_supertypes.contains(&tc) {
            self.add_method(program, Some(caller), target);
        } else {
            self.call_graph.add_edge(caller.0, target.0, ());
            self.pending_instance_calls
                .entry(tc)
                .or_default()
                .push((caller, target));
        }
    }

    /// A signature-polymorphic call site with descriptor `desc` (see `lower::polymorphic`):
    /// a VarHandle access calls `roastInvoke` virtually with an `Object[]` of boxed arguments
    /// and converts the result; a MethodHandle invocation throws and reaches nothing.
    fn scan_polymorphic(
        &mut self,
        program: &mut Program,
        m: MethodId,
        kind: polymorphic::Polymorphic,
        desc: &str,
    ) {
        if kind == polymorphic::Polymorphic::MethodHandle {
            return;
        }
        if let Ok(array) = program.load(polymorphic::ARGS_ARRAY) {
            self.instantiate_array_chain(program, array);
        }
        self.add_selector(
            program,
            m,
            polymorphic::ROAST_INVOKE,
            polymorphic::ROAST_INVOKE_DESC,
        );
        for (class, name, d) in polymorphic::support_methods(desc) {
            if let Ok(t) = program.resolve_method(class, name, d, false) {
                let tc = program.method(t).class;
                self.initialize(program, tc);
                self.add_method(program, Some(m), t);
            }
        }
        let ret = crate::classfile::descriptor::parse_method_descriptor(desc)
            .ok()
            .and_then(|d| d.ret);
        if let Some(name) = ret.as_ref().and_then(polymorphic::cast_class) {
            let _ = program.load(&name);
        }
    }
}

/// The chain of methods through which `m` became reachable, `m` first.
pub fn why(reach: &Reachability, program: &Program, m: MethodId) -> Vec<String> {
    let mut out = vec![program.method_display(m)];
    let mut cur = m;
    while let Some(&p) = reach.parent.get(&cur) {
        if out.len() > 200 || p == cur {
            break;
        }
        out.push(program.method_display(p));
        cur = p;
    }
    out
}

/// Does a virtual or interface call of `target` bind statically (private or final method,
/// or final class)? The lowering calls such targets directly.
pub fn is_direct_virtual(program: &Program, target: MethodId) -> bool {
    let tm = program.method(target);
    let class = program.class(tm.class);
    tm.is_private()
        || tm.access & crate::classfile::access::FINAL != 0
        || (class.access() & crate::classfile::access::FINAL != 0 && !class.is_interface())
}

/// The method `invokespecial` runs (JVMS §6.5.invokespecial): for a superclass method called
/// from a class with ACC_SUPER, the lookup restarts at the caller's superclass.
pub fn special_target(program: &Program, caller: ClassId, resolved: MethodId) -> MethodId {
    let rm = program.method(resolved);
    let rc = rm.class;
    if rm.name == "<init>"
        || program.class(rc).is_interface()
        || rc == caller
        || !program.is_subtype(caller, rc)
    {
        return resolved;
    }
    let mut cur = program.class(caller).super_class;
    while let Some(k) = cur {
        if let Some(found) = program.declared_method(k, &rm.name, &rm.descriptor) {
            if !program.method(found).is_static() {
                return found;
            }
        }
        cur = program.class(k).super_class;
    }
    resolved
}

/// The methods a virtual call of `name`+`desc` on an instance of `class` may run (JVMS
/// §5.4.6): the nearest declaration in the superclass chain, and further up every
/// declaration that the ones below cannot override (a package-private method of another
/// package keeps its own vtable slot, so a call resolved to it runs it); else the maximally
/// specific default method.
pub fn dispatch_targets(
    program: &Program,
    class: ClassId,
    name: &str,
    desc: &str,
) -> Vec<MethodId> {
    let mut found: Vec<MethodId> = Vec::new();
    let mut below: Vec<MethodId> = Vec::new();
    let mut cur = Some(class);
    while let Some(k) = cur {
        if let Some(m) = program.declared_method(k, name, desc) {
            let meth = program.method(m);
            if !meth.is_static() && !meth.is_private() {
                if below.iter().all(|&b| program.can_override(b, m)) && !below.is_empty() {
                    break;
                }
                if !meth.is_abstract() {
                    found.push(m);
                }
                below.push(m);
            }
        }
        cur = program.class(k).super_class;
    }
    if !below.is_empty() {
        return found;
    }
    dispatch_default(program, class, name, desc)
        .into_iter()
        .collect()
}

/// The maximally specific default method of `name`+`desc` among `class`'s interfaces.
fn dispatch_default(program: &Program, class: ClassId, name: &str, desc: &str) -> Option<MethodId> {
    let mut found: Option<MethodId> = None;
    for iface in program.all_interfaces(class) {
        if let Some(m) = program.declared_method(iface, name, desc) {
            let meth = program.method(m);
            if meth.is_abstract() || meth.is_static() || meth.is_private() {
                continue;
            }
            match found {
                Some(f) if program.is_subtype(program.method(f).class, iface) => {}
                _ => found = Some(m),
            }
        }
    }
    found
}

/// Internal name of the array class whose component is `name` (a class name or descriptor).
pub fn array_of(name: &str) -> String {
    if name.starts_with('[') {
        format!("[{name}")
    } else {
        format!("[L{name};")
    }
}
