//! Which `java.lang.reflect.Proxy` classes a program gets, and their methods.
//!
//! roast cannot define classes at run time, so proxy classes are synthesized at build time
//! (`desugar::proxy`) for the interface lists the program can ask for, and the SDK's
//! `Proxy` finds the prebuilt class by its interface list; a list without one throws
//! `IllegalArgumentException("roast: no proxy class was generated for [...]")`.
//!
//! Policy (which interface lists get a proxy class):
//! 1. Once reachable program (non-JDK) code calls `Proxy.newProxyInstance` or
//!    `Proxy.getProxyClass`: every `Class[]` built in place (`anewarray java/lang/Class`
//!    with a constant length, then `dup; iconst i; <element>; aastore` per element) in a
//!    reachable program method is a requested list when all its elements are class
//!    literals (wherever it is built: a field initializer, a helper). In a method that
//!    itself calls `newProxyInstance`/`getProxyClass`, an element that is not a class
//!    literal (a parameter, a field) stands for every interface named by a class literal
//!    in program code, so `helper(Class<T> iface) { ... new Class<?>[]{iface} ... }` gets a
//!    proxy for each interface the program names. Combinations are capped at
//!    [`MAX_COMBINATIONS`] per array. Lists that are not valid proxy lists (classes,
//!    repeated interfaces) are dropped.
//! 2. Every annotation type whose annotations are kept (see `annotation_roots`): the JDK's
//!    `AnnotationParser` creates annotation instances as proxies of `[type]`.
//! 3. When a method that creates proxies also calls `Class.getInterfaces()` (the decorator
//!    idiom `newProxyInstance(l, target.getClass().getInterfaces(), h)`), the direct
//!    interfaces of every instantiated program class.
//!
//! Methods follow HotSpot's `ProxyGenerator`: Object's `hashCode`, `equals`, `toString`
//! first, then the public non-static methods of each interface (its own, then inherited
//! ones) in order; duplicates by name and parameter types merge (the first `Method` is
//! handed to the handler, the checked exceptions are intersected, the most specific return
//! type wins, incompatible return types make the list invalid).
//!
//! Invariants: a list is synthesized at most once (by its internal names in order); an
//! invalid list (not interfaces, repeated interface, non-public interfaces of different
//! packages) gets no class, so the run-time request fails loudly.

use crate::classfile::access;
use crate::classfile::bytecode::{ArrayKind, Kind, Op};
use crate::classfile::constant_pool::Loadable;
use crate::classfile::ConstantPool;
use crate::desugar::proxy::{ProxyMethod, ProxySpec};
use crate::program::{ClassId, MethodId, Program};
use crate::reach::Reachability;
use indexmap::{IndexMap, IndexSet};

/// Most interface lists one `Class[]` with non-constant elements may stand for.
pub const MAX_COMBINATIONS: usize = 256;

/// Proxy requests found so far, and the classes synthesized for them.
#[derive(Default)]
pub struct ProxyState {
    /// Lists with unknown elements (None), from rule 1.
    templates: IndexSet<Vec<Option<String>>>,
    /// Interfaces named by class literals in program code: candidates for unknown elements.
    pub(crate) literal_interfaces: IndexSet<String>,
    /// Every list already handled, with its class (None: invalid list).
    done: IndexMap<Vec<String>, Option<ClassId>>,
    /// (templates, literal interfaces) counts at the last expansion.
    expanded: (usize, usize),
    /// Program code calls `Proxy.newProxyInstance` or `Proxy.getProxyClass`: rule 1 applies.
    used: bool,
    /// A method creating proxies calls `Class.getInterfaces()`: rule 3 applies.
    interfaces_of_classes: bool,
    /// How many of `Reachability::instantiated` rule 3 has looked at.
    instantiated_seen: usize,
}

/// The `Class[]` arrays built in place by a method's code (see the module docs): each
/// element a class literal's internal name, or None when it is not constant.
pub fn class_arrays(insns: &[Op], cp: &ConstantPool) -> Vec<Vec<Option<String>>> {
    let mut out = Vec::new();
    for (i, op) in insns.iter().enumerate() {
        let Op::ANewArray(idx) = op else { continue };
        if cp.class_name(*idx).ok() != Some("java/lang/Class") || i == 0 {
            continue;
        }
        let Op::Iconst(n) = insns[i - 1] else {
            continue;
        };
        let Ok(n) = usize::try_from(n) else { continue };
        // `Class<?>[] a = new Class<?>[n]; a[0] = ...;` stores the array in a local first.
        let (head, rest) = match insns.get(i + 1) {
            Some(Op::Store(Kind::Ref, local)) => (Op::Load(Kind::Ref, *local), &insns[i + 2..]),
            _ => (Op::Dup, &insns[i + 1..]),
        };
        if let Some(list) = array_elements(rest, cp, n, &head) {
            out.push(list);
        }
    }
    out
}

/// `n` times `<head>; iconst k; <element>; aastore` (head: `dup`, or the load of the local
/// holding the array), in any index order.
fn array_elements(
    rest: &[Op],
    cp: &ConstantPool,
    n: usize,
    head: &Op,
) -> Option<Vec<Option<String>>> {
    let mut list: Vec<Option<Option<String>>> = vec![None; n];
    let mut at = 0;
    for _ in 0..n {
        let window = rest.get(at..at + 4)?;
        let (h, Op::Iconst(k), elem, Op::ArrayStore(ArrayKind::Ref)) =
            (&window[0], &window[1], &window[2], &window[3])
        else {
            return None;
        };
        if h != head {
            return None;
        }
        let slot = list.get_mut(usize::try_from(*k).ok()?)?;
        *slot = Some(match elem {
            Op::Ldc(c) => match cp.loadable(*c) {
                Ok(Loadable::Class(name)) => Some(name.to_string()),
                _ => None,
            },
            Op::Load(Kind::Ref, _) | Op::GetStatic(_) | Op::GetField(_) => None,
            _ => return None,
        });
        at += 4;
    }
    list.into_iter().collect()
}

impl ProxyState {
    /// Records the `Class[]` arrays of a program method: constant ones always (the array may
    /// be passed on), ones with non-constant elements only when the method itself creates
    /// proxies.
    pub fn scan_program_method(&mut self, ops: &[Op], cp: &ConstantPool) {
        let creates = ops.iter().any(|op| creates_proxies(op, cp));
        self.used |= creates;
        self.interfaces_of_classes |= creates && ops.iter().any(|op| calls_get_interfaces(op, cp));
        for a in class_arrays(ops, cp) {
            if creates || a.iter().all(Option::is_some) {
                self.templates.insert(a);
            }
        }
    }

    /// Records requested lists directly (tests).
    pub fn add_requests(&mut self, arrays: Vec<Vec<Option<String>>>) {
        self.used = true;
        for a in arrays {
            self.templates.insert(a);
        }
    }

    /// The concrete lists not handled yet: templates expanded over the literal interfaces.
    pub fn pending(&mut self) -> Vec<Vec<String>> {
        let now = (self.templates.len(), self.literal_interfaces.len());
        if !self.used || now == self.expanded {
            return vec![];
        }
        self.expanded = now;
        let mut out = Vec::new();
        for t in &self.templates {
            let mut lists: Vec<Vec<String>> = vec![vec![]];
            for e in t {
                let choices: Vec<String> = match e {
                    Some(n) => vec![n.clone()],
                    None => self.literal_interfaces.iter().cloned().collect(),
                };
                if lists.len() * choices.len().max(1) > MAX_COMBINATIONS {
                    lists.clear();
                    break;
                }
                lists = lists
                    .iter()
                    .flat_map(|l| {
                        choices.iter().map(move |c| {
                            let mut l = l.clone();
                            l.push(c.clone());
                            l
                        })
                    })
                    .collect();
            }
            out.extend(lists.into_iter().filter(|l| !self.done.contains_key(l)));
        }
        out
    }

    /// Was `list` handled already?
    pub fn is_done(&self, list: &[String]) -> bool {
        self.done.contains_key(list)
    }

    /// Records the outcome for `list`.
    pub fn record(&mut self, list: Vec<String>, class: Option<ClassId>) {
        self.done.insert(list, class);
    }

    /// A fresh proxy number for the internal name of the next class.
    pub fn next_number(&self) -> usize {
        self.done.len()
    }
}

/// `Class.getModifiers()` of an interface as HotSpot reports it (InnerClasses flags).
fn is_public(program: &Program, c: ClassId) -> bool {
    program
        .class(c)
        .file
        .as_ref()
        .is_some_and(|f| crate::nest_info::nest_info(f).modifiers & 1 != 0)
}

fn package_of(name: &str) -> &str {
    name.rfind('/').map_or("", |i| &name[..i])
}

/// The proxy class specification for `list` (ProxyBuilder's validation + ProxyGenerator's
/// methods), named with `number`.
pub fn spec(program: &mut Program, list: &[String], number: usize) -> Result<ProxySpec, String> {
    let mut ids = Vec::new();
    for name in list {
        let c = program
            .load(name)
            .map_err(|e| format!("{name}: {}", e.reason))?;
        if !program.class(c).is_interface() {
            return Err(format!("{} is not an interface", name.replace('/', ".")));
        }
        if ids.contains(&c) {
            return Err(format!("repeated interface: {}", name.replace('/', ".")));
        }
        ids.push(c);
    }
    let mut package: Option<&str> = None;
    for (c, name) in ids.iter().zip(list) {
        if !is_public(program, *c) {
            let p = package_of(name);
            if package.is_some_and(|q| q != p) {
                return Err("non-public interfaces from different packages".into());
            }
            package = Some(p);
        }
    }
    let public = package.is_none();
    let prefix = match package {
        None => "jdk/proxy1/".to_string(),
        Some("") => String::new(),
        Some(p) => format!("{p}/"),
    };
    let mut name = format!("{prefix}$Proxy{number}");
    while program.lookup(&name).is_some() || program.is_synthesized(&name) {
        name.push('_');
    }
    let methods = proxy_methods(program, &ids)?;
    Ok(ProxySpec {
        name,
        public,
        interfaces: list.to_vec(),
        methods,
    })
}

/// A method before merging: the interface it came through and its `Method`.
struct Candidate {
    via: Option<ClassId>,
    method: MethodId,
    exceptions: Vec<String>,
}

fn object_method(program: &mut Program, name: &str, desc: &str) -> Result<MethodId, String> {
    let object = program.load("java/lang/Object").map_err(|e| e.reason)?;
    program
        .declared_method(object, name, desc)
        .ok_or_else(|| format!("java.lang.Object lacks {name}"))
}

fn exceptions_of(program: &Program, m: MethodId) -> Vec<String> {
    let meth = program.method(m);
    program
        .class(meth.class)
        .file
        .as_ref()
        .and_then(|f| f.methods.get(meth.index))
        .map(|info| info.exceptions.clone())
        .unwrap_or_default()
}

/// The public non-static methods of interface `c` as `getMethods()` lists them: its own,
/// then those of its superinterfaces not redeclared by a more specific interface.
fn interface_methods(program: &Program, c: ClassId, out: &mut Vec<MethodId>) {
    let mut seen = IndexSet::new();
    let mut queue = vec![c];
    while let Some(i) = queue.pop() {
        if !seen.insert(i) {
            continue;
        }
        for &m in &program.class(i).methods {
            let meth = program.method(m);
            if meth.is_static() || meth.is_private() || meth.name.starts_with('<') {
                continue;
            }
            let shadowed = out.iter().any(|&o| {
                let om = program.method(o);
                om.name == meth.name
                    && om.descriptor == meth.descriptor
                    && program.is_subtype(om.class, i)
            });
            if !shadowed && meth.access & access::PUBLIC != 0 {
                out.push(m);
            }
        }
        queue.extend(program.class(i).interfaces.iter().rev());
    }
}

fn proxy_methods(program: &mut Program, ids: &[ClassId]) -> Result<Vec<ProxyMethod>, String> {
    let mut by_sig: IndexMap<String, Vec<Candidate>> = IndexMap::new();
    for (n, d) in [
        ("hashCode", "()I"),
        ("equals", "(Ljava/lang/Object;)Z"),
        ("toString", "()Ljava/lang/String;"),
    ] {
        let m = object_method(program, n, d)?;
        add_candidate(program, &mut by_sig, None, m, vec![]);
    }
    for &c in ids {
        let mut ms = Vec::new();
        interface_methods(program, c, &mut ms);
        for m in ms {
            let ex = exceptions_of(program, m);
            add_candidate(program, &mut by_sig, Some(c), m, ex);
        }
    }
    let mut out = Vec::new();
    for (sig, cands) in by_sig {
        check_return_types(program, &sig, &cands)?;
        for c in &cands {
            out.push(to_proxy_method(program, c)?);
        }
    }
    Ok(out)
}

fn signature(program: &Program, m: MethodId) -> (String, String) {
    let meth = program.method(m);
    let params = meth.descriptor.split(')').next().unwrap_or("(").to_string();
    (
        format!("{}{params})", meth.name),
        return_of(&meth.descriptor),
    )
}

fn return_of(desc: &str) -> String {
    desc.rsplit(')').next().unwrap_or("V").to_string()
}

/// ProxyGenerator.addProxyMethod: same signature and return type merge (intersection of
/// the exceptions); another return type is kept for `checkReturnTypes`.
fn add_candidate(
    program: &mut Program,
    by_sig: &mut IndexMap<String, Vec<Candidate>>,
    via: Option<ClassId>,
    m: MethodId,
    exceptions: Vec<String>,
) {
    let (sig, ret) = signature(program, m);
    let list = by_sig.entry(sig).or_default();
    if let Some(pm) = list
        .iter_mut()
        .find(|pm| return_of(&program.method(pm.method).descriptor) == ret)
    {
        let mut legal = Vec::new();
        compatible_types(program, &exceptions, &pm.exceptions, &mut legal);
        compatible_types(program, &pm.exceptions, &exceptions, &mut legal);
        pm.exceptions = legal;
        return;
    }
    list.push(Candidate {
        via,
        method: m,
        exceptions,
    });
}

fn subclass(program: &mut Program, sub: &str, sup: &str) -> bool {
    match (program.load(sub), program.load(sup)) {
        (Ok(a), Ok(b)) => program.is_subtype(a, b),
        _ => false,
    }
}

/// ProxyGenerator.collectCompatibleTypes: each of `from` that is a subtype of some `with`.
fn compatible_types(
    program: &mut Program,
    from: &[String],
    with: &[String],
    out: &mut Vec<String>,
) {
    for f in from {
        if !out.contains(f) && with.iter().any(|w| subclass(program, f, w)) {
            out.push(f.clone());
        }
    }
}

/// ProxyGenerator.checkReturnTypes: methods with the same name and parameters but other
/// return types all get a method of their own (like bridges), provided one reference return
/// type is a subtype of all others; a primitive one among several is an error.
fn check_return_types(program: &mut Program, sig: &str, cands: &[Candidate]) -> Result<(), String> {
    if cands.len() < 2 {
        return Ok(());
    }
    let incompatible =
        || format!("methods with same signature {sig} but incompatible return types");
    let class_of = |d: &str| -> Option<String> {
        d.strip_prefix('L')
            .and_then(|s| s.strip_suffix(';'))
            .map(str::to_string)
            .or_else(|| d.starts_with('[').then(|| d.to_string()))
    };
    let mut uncovered: Vec<String> = Vec::new();
    for c in cands {
        let r = return_of(&program.method(c.method).descriptor);
        let Some(rc) = class_of(&r) else {
            return Err(incompatible());
        };
        if uncovered.iter().any(|u| subclass(program, u, &rc)) {
            continue;
        }
        uncovered.retain(|u| !subclass(program, &rc, u));
        uncovered.push(rc);
    }
    if uncovered.len() > 1 {
        return Err(incompatible());
    }
    Ok(())
}

/// ProxyGenerator.computeUniqueCatchList: Error, RuntimeException and the declared checked
/// exceptions without subclasses of others; empty when Throwable is declared.
fn catch_list(program: &mut Program, exceptions: &[String]) -> Vec<String> {
    let mut list = vec![
        "java/lang/Error".to_string(),
        "java/lang/RuntimeException".to_string(),
    ];
    for ex in exceptions {
        if ex == "java/lang/Throwable" {
            return vec![];
        }
        if !subclass(program, ex, "java/lang/Throwable") {
            continue;
        }
        if list.iter().any(|l| subclass(program, ex, l)) {
            continue;
        }
        let kept: Vec<String> = list
            .iter()
            .filter(|l| !subclass(program, l, ex))
            .cloned()
            .collect();
        list = kept;
        list.push(ex.clone());
    }
    list
}

fn to_proxy_method(program: &mut Program, c: &Candidate) -> Result<ProxyMethod, String> {
    let meth = program.method(c.method);
    let (name, descriptor) = (meth.name.clone(), meth.descriptor.clone());
    let declaring = program.class(meth.class).name.clone();
    let is_default = !meth.is_abstract() && program.class(meth.class).is_interface();
    let default_via = match c.via {
        Some(v) if is_default => Some(program.class(v).name.clone()),
        _ => None,
    };
    let catch_list = catch_list(program, &c.exceptions);
    Ok(ProxyMethod {
        name,
        descriptor,
        declaring,
        default_via,
        catch_list,
    })
}

/// Is `c` a proxy class synthesized by [`request`]?
pub fn is_proxy_class(program: &Program, c: ClassId) -> bool {
    let class = program.class(c);
    program.is_synthesized(&class.name)
        && class.file.as_ref().and_then(|f| f.super_name.as_deref())
            == Some("java/lang/reflect/Proxy")
}

/// Synthesizes the proxy class of `list` (once) and keeps it instantiated with its
/// constructor reachable; None for an invalid list.
pub fn request(
    reach: &mut Reachability,
    program: &mut Program,
    list: Vec<String>,
) -> Option<ClassId> {
    if reach.proxies.is_done(&list) {
        return None;
    }
    let number = reach.proxies.next_number();
    let built = spec(program, &list, number).and_then(|s| crate::desugar::proxy::synthesize(&s));
    let class = built.ok().and_then(|file| {
        let name = file.name.clone();
        program.add_synthesized(file);
        program.load(&name).ok()
    });
    reach.proxies.record(list, class);
    let c = class?;
    crate::reflective_roots::keep(
        reach,
        program,
        c,
        Some(crate::desugar::proxy::CONSTRUCTOR_DESC),
    );
    Some(c)
}

/// Synthesizes the classes of the lists requested since the last call (rule 1); true when
/// something was added.
pub fn extend(reach: &mut Reachability, program: &mut Program) -> bool {
    let mut added = false;
    for list in reach.proxies.pending() {
        added |= request(reach, program, list).is_some();
    }
    if reach.proxies.interfaces_of_classes {
        while reach.proxies.instantiated_seen < reach.instantiated.len() {
            let c = reach.instantiated[reach.proxies.instantiated_seen];
            reach.proxies.instantiated_seen += 1;
            let class = program.class(c);
            if class.in_jdk || program.is_synthesized(&class.name) || class.interfaces.is_empty() {
                continue;
            }
            let list: Vec<String> = class
                .interfaces
                .iter()
                .map(|&i| program.class(i).name.clone())
                .collect();
            added |= request(reach, program, list).is_some();
        }
    }
    added
}

/// Is `op` a call of `Class.getInterfaces()`?
fn calls_get_interfaces(op: &Op, cp: &ConstantPool) -> bool {
    let Op::InvokeVirtual(idx) = op else {
        return false;
    };
    cp.member_ref(*idx)
        .is_ok_and(|r| r.class == "java/lang/Class" && r.name == "getInterfaces")
}

/// Is `op` a call of `Proxy.newProxyInstance` or `Proxy.getProxyClass`?
pub fn creates_proxies(op: &Op, cp: &ConstantPool) -> bool {
    let Op::InvokeStatic(idx) = op else {
        return false;
    };
    cp.member_ref(*idx).is_ok_and(|r| {
        r.class == "java/lang/reflect/Proxy"
            && matches!(r.name, "newProxyInstance" | "getProxyClass")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classfile::bytecode::decode;
    use crate::desugar::builder::{op, Asm, ClassBuilder};

    #[test]
    fn class_arrays_reads_constant_and_unknown_elements() {
        let mut cb = ClassBuilder::new("T", "java/lang/Object", vec![]);
        let (class, a, b) = (
            cb.class("java/lang/Class"),
            cb.class("p/A"),
            cb.class("p/B"),
        );
        let mut asm = Asm::default();
        asm.iconst(3)
            .op_u2(op::ANEWARRAY, class)
            .op(op::DUP)
            .iconst(0)
            .op_u2(op::LDC_W, a)
            .op(op::AASTORE)
            .op(op::DUP)
            .iconst(1)
            .load(b'L', 4)
            .op(op::AASTORE)
            .op(op::DUP)
            .iconst(2)
            .op_u2(op::LDC_W, b)
            .op(op::AASTORE);
        let code = asm.finish();
        let cp = cb.build().cp;
        let ops: Vec<Op> = decode(&code).unwrap().into_iter().map(|i| i.op).collect();
        assert_eq!(
            class_arrays(&ops, &cp),
            vec![vec![Some("p/A".to_string()), None, Some("p/B".to_string())]]
        );
    }

    #[test]
    fn class_arrays_reads_arrays_filled_through_a_local() {
        let mut cb = ClassBuilder::new("T", "java/lang/Object", vec![]);
        let (class, a) = (cb.class("java/lang/Class"), cb.class("p/A"));
        let mut asm = Asm::default();
        asm.iconst(1)
            .op_u2(op::ANEWARRAY, class)
            .astore(2)
            .load(b'L', 2)
            .iconst(0)
            .op_u2(op::LDC_W, a)
            .op(op::AASTORE);
        let code = asm.finish();
        let cp = cb.build().cp;
        let ops: Vec<Op> = decode(&code).unwrap().into_iter().map(|i| i.op).collect();
        assert_eq!(class_arrays(&ops, &cp), vec![vec![Some("p/A".to_string())]]);
    }

    #[test]
    fn pending_expands_unknown_elements_over_literal_interfaces() {
        let mut s = ProxyState::default();
        s.add_requests(vec![vec![None, Some("p/X".into())]]);
        s.literal_interfaces.insert("p/A".into());
        s.literal_interfaces.insert("p/B".into());
        let p = s.pending();
        assert_eq!(
            p,
            vec![
                vec!["p/A".to_string(), "p/X".to_string()],
                vec!["p/B".to_string(), "p/X".to_string()]
            ]
        );
        assert!(s.pending().is_empty());
    }
}
