//! `java.lang.reflect.Proxy` classes synthesized at build time, with the shape HotSpot's
//! `ProxyGenerator` gives them: a final class extending `Proxy` that implements the
//! interfaces in order, one `private static Method m<N>` per proxy method (initialized by
//! `<clinit>` through `Class.getMethod`), a constructor taking the `InvocationHandler`, and
//! per method a body calling `h.invoke(this, m<N>, args)` with the arguments boxed (null
//! when there are none) and the result cast or unboxed (`null` for a primitive result is a
//! NullPointerException, another type a ClassCastException).
//!
//! Exceptions: when the method's unique catch list (computed by the caller as ProxyGenerator's
//! `computeUniqueCatchList`) is not empty, `Error`/`RuntimeException`/declared checked
//! exceptions pass through and any other `Throwable` is wrapped in
//! `UndeclaredThrowableException`; an empty list (a method declaring `Throwable`) lets
//! everything through.
//!
//! roast addition: `roastInvokeDefault(Method, Object[])` overrides the SDK `Proxy`'s method
//! of that name and calls the default method equal to the given `Method` with `invokespecial`
//! (what `InvocationHandler.invokeDefault` needs, without method handles); exceptions of the
//! default method come out wrapped in `InvocationTargetException`.
//!
//! Invariant: the synthesized class only depends on the [`ProxySpec`]; method order and
//! `m<N>` numbering follow the spec's order (Object's hashCode, equals, toString first).

use super::builder::{op, Asm, ClassBuilder};
use super::convert::{letter, slots, wrapper};
use crate::classfile::attributes::ExceptionHandler;
use crate::classfile::descriptor::{parse_method_descriptor, FieldType};
use crate::classfile::{access, ClassFile};

const PROXY: &str = "java/lang/reflect/Proxy";
const HANDLER: &str = "java/lang/reflect/InvocationHandler";
const METHOD: &str = "java/lang/reflect/Method";
const INVOKE_DESC: &str =
    "(Ljava/lang/Object;Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;";
/// The SDK Proxy's hook for `InvocationHandler.invokeDefault`.
pub const INVOKE_DEFAULT: &str = "roastInvokeDefault";
/// Descriptor of [`INVOKE_DEFAULT`].
pub const INVOKE_DEFAULT_DESC: &str =
    "(Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;";
/// Descriptor of the proxy constructor.
pub const CONSTRUCTOR_DESC: &str = "(Ljava/lang/reflect/InvocationHandler;)V";

/// One method of a proxy class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyMethod {
    /// Method name.
    pub name: String,
    /// Method descriptor (the most specific return type among merged duplicates).
    pub descriptor: String,
    /// Internal name of the class declaring the `Method` handed to the handler.
    pub declaring: String,
    /// The interface to call with `invokespecial` for `invokeDefault`; None when the method
    /// is not a default method.
    pub default_via: Option<String>,
    /// Internal names of the exception types rethrown unchanged (ProxyGenerator's unique
    /// catch list); empty means every exception passes through.
    pub catch_list: Vec<String>,
}

/// Everything a proxy class depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxySpec {
    /// Internal name of the class.
    pub name: String,
    /// Public when every interface is public.
    pub public: bool,
    /// Internal names of the interfaces, in the order asked for.
    pub interfaces: Vec<String>,
    /// The methods, `m0`, `m1`... in this order.
    pub methods: Vec<ProxyMethod>,
}

/// Synthesizes the proxy class of `spec`.
pub fn synthesize(spec: &ProxySpec) -> Result<ClassFile, String> {
    let mut cb = ClassBuilder::new(&spec.name, PROXY, spec.interfaces.clone());
    let public = if spec.public { access::PUBLIC } else { 0 };
    cb.set_access(public | access::FINAL | access::SUPER);
    let method_desc = format!("L{METHOD};");
    for i in 0..spec.methods.len() {
        cb.field(
            access::PRIVATE | access::STATIC,
            &format!("m{i}"),
            &method_desc,
        );
    }
    constructor(&mut cb);
    for (i, m) in spec.methods.iter().enumerate() {
        method(&mut cb, &spec.name, i, m)?;
    }
    static_init(&mut cb, spec)?;
    invoke_default(&mut cb, spec)?;
    Ok(cb.build())
}

fn constructor(cb: &mut ClassBuilder) {
    let init = cb.method_ref(PROXY, "<init>", CONSTRUCTOR_DESC, false);
    let mut asm = Asm::default();
    asm.load(b'L', 0)
        .load(b'L', 1)
        .op_u2(op::INVOKESPECIAL, init)
        .op(op::RETURN);
    cb.method(access::PUBLIC, "<init>", CONSTRUCTOR_DESC, asm);
}

fn parse(desc: &str) -> Result<crate::classfile::descriptor::MethodDescriptor, String> {
    parse_method_descriptor(desc).map_err(|e| format!("proxy method {desc}: {e}"))
}

/// Boxes the value of type `t` on top of the stack (ProxyGenerator: `Wrapper.valueOf`).
fn box_value(cb: &mut ClassBuilder, asm: &mut Asm, t: &FieldType) {
    if let Some((w, _)) = wrapper(t) {
        let m = cb.method_ref(w, "valueOf", &format!("({})L{w};", t.descriptor()), false);
        asm.op_u2(op::INVOKESTATIC, m);
    }
}

/// Converts the reference on top of the stack to `t`: checkcast to the wrapper + unboxing
/// for primitives, checkcast for references other than Object.
fn unbox_value(cb: &mut ClassBuilder, asm: &mut Asm, t: &FieldType) {
    match wrapper(t) {
        Some((w, getter)) => {
            let c = cb.class(w);
            let m = cb.method_ref(w, getter, &format!("(){}", t.descriptor()), false);
            asm.op_u2(op::CHECKCAST, c).op_u2(op::INVOKEVIRTUAL, m);
        }
        None => {
            let target = super::convert::class_operand(t);
            if target != "java/lang/Object" {
                let c = cb.class(&target);
                asm.op_u2(op::CHECKCAST, c);
            }
        }
    }
}

/// `new Object[] { boxed parameters }` (or null without parameters) from the locals
/// starting at slot `first`.
fn pack_args(cb: &mut ClassBuilder, asm: &mut Asm, params: &[FieldType], first: u16) {
    if params.is_empty() {
        asm.op(op::ACONST_NULL);
        return;
    }
    let object = cb.class("java/lang/Object");
    asm.iconst(params.len() as i16).op_u2(op::ANEWARRAY, object);
    let mut slot = first;
    for (i, t) in params.iter().enumerate() {
        asm.op(op::DUP).iconst(i as i16).load(letter(t), slot);
        box_value(cb, asm, t);
        asm.op(op::AASTORE);
        slot += slots(t);
    }
}

fn method(cb: &mut ClassBuilder, class: &str, i: usize, m: &ProxyMethod) -> Result<(), String> {
    let desc = parse(&m.descriptor)?;
    let h = cb.field_ref(PROXY, "h", &format!("L{HANDLER};"));
    let field = cb.field_ref(class, &format!("m{i}"), &format!("L{METHOD};"));
    let invoke = cb.method_ref(HANDLER, "invoke", INVOKE_DESC, true);
    let mut asm = Asm::default();
    let start = asm.pos();
    asm.load(b'L', 0)
        .op_u2(op::GETFIELD, h)
        .load(b'L', 0)
        .op_u2(op::GETSTATIC, field);
    pack_args(cb, &mut asm, &desc.params, 1);
    asm.invokeinterface(invoke, 4);
    match &desc.ret {
        None => {
            asm.op(op::POP).op(op::RETURN);
        }
        Some(t) => {
            unbox_value(cb, &mut asm, t);
            asm.ret(letter(t));
        }
    }
    let end = asm.pos();
    let mut handlers = Vec::new();
    if !m.catch_list.is_empty() {
        let rethrow = asm.pos();
        asm.op(op::ATHROW);
        for c in &m.catch_list {
            handlers.push(ExceptionHandler {
                start_pc: start,
                end_pc: end,
                handler_pc: rethrow,
                catch_type: Some(c.clone()),
            });
        }
        let wrap = asm.pos();
        let ute = "java/lang/reflect/UndeclaredThrowableException";
        let (c, init) = (
            cb.class(ute),
            cb.method_ref(ute, "<init>", "(Ljava/lang/Throwable;)V", false),
        );
        let local = params_slots(&desc.params) + 1;
        asm.astore(local)
            .op_u2(op::NEW, c)
            .op(op::DUP)
            .load(b'L', local)
            .op_u2(op::INVOKESPECIAL, init)
            .op(op::ATHROW);
        handlers.push(ExceptionHandler {
            start_pc: start,
            end_pc: end,
            handler_pc: wrap,
            catch_type: Some("java/lang/Throwable".into()),
        });
    }
    cb.method_with_handlers(
        access::PUBLIC | access::FINAL,
        &m.name,
        &m.descriptor,
        asm,
        handlers,
    );
    Ok(())
}

fn params_slots(params: &[FieldType]) -> u16 {
    params.iter().map(slots).sum()
}

/// Pushes the `Class` of `t`: a class literal, or `Wrapper.TYPE` for a primitive.
fn push_class(cb: &mut ClassBuilder, asm: &mut Asm, t: &FieldType) {
    match wrapper(t) {
        Some((w, _)) => {
            let f = cb.field_ref(w, "TYPE", "Ljava/lang/Class;");
            asm.op_u2(op::GETSTATIC, f);
        }
        None => {
            let c = cb.class(&super::convert::class_operand(t));
            asm.op_u2(op::LDC_W, c);
        }
    }
}

/// `m<N> = Declaring.class.getMethod(name, parameter classes)` for every method.
fn static_init(cb: &mut ClassBuilder, spec: &ProxySpec) -> Result<(), String> {
    let get_method = cb.method_ref(
        "java/lang/Class",
        "getMethod",
        "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;",
        false,
    );
    let class_class = cb.class("java/lang/Class");
    let mut asm = Asm::default();
    for (i, m) in spec.methods.iter().enumerate() {
        let desc = parse(&m.descriptor)?;
        let decl = cb.class(&m.declaring);
        let name: Vec<u16> = m.name.encode_utf16().collect();
        let name = cb.string(&name);
        asm.op_u2(op::LDC_W, decl)
            .op_u2(op::LDC_W, name)
            .iconst(desc.params.len() as i16)
            .op_u2(op::ANEWARRAY, class_class);
        for (k, t) in desc.params.iter().enumerate() {
            asm.op(op::DUP).iconst(k as i16);
            push_class(cb, &mut asm, t);
            asm.op(op::AASTORE);
        }
        let field = cb.field_ref(&spec.name, &format!("m{i}"), &format!("L{METHOD};"));
        asm.op_u2(op::INVOKEVIRTUAL, get_method)
            .op_u2(op::PUTSTATIC, field);
    }
    asm.op(op::RETURN);
    cb.method(access::STATIC, "<clinit>", "()V", asm);
    Ok(())
}

/// `roastInvokeDefault(Method m, Object[] args)`: for each default method, when
/// `m.equals(m<N>)`, unpacks `args`, calls the default method with `invokespecial` and
/// returns its boxed result (null for void); exceptions of the call are wrapped in
/// `InvocationTargetException`. Other methods go to `Proxy.roastInvokeDefault`, which throws.
fn invoke_default(cb: &mut ClassBuilder, spec: &ProxySpec) -> Result<(), String> {
    let mut asm = Asm::default();
    let mut handlers = Vec::new();
    let equals = cb.method_ref(METHOD, "equals", "(Ljava/lang/Object;)Z", false);
    let ite = "java/lang/reflect/InvocationTargetException";
    for (i, m) in spec.methods.iter().enumerate() {
        let Some(via) = &m.default_via else { continue };
        let desc = parse(&m.descriptor)?;
        let field = cb.field_ref(&spec.name, &format!("m{i}"), &format!("L{METHOD};"));
        let next = asm.label();
        asm.load(b'L', 1)
            .op_u2(op::GETSTATIC, field)
            .op_u2(op::INVOKEVIRTUAL, equals)
            .branch(op::IFEQ, next);
        asm.load(b'L', 0);
        for (k, t) in desc.params.iter().enumerate() {
            asm.load(b'L', 2).iconst(k as i16).op(op::AALOAD);
            unbox_value(cb, &mut asm, t);
        }
        let target = cb.method_ref(via, &m.name, &m.descriptor, true);
        let start = asm.pos();
        asm.op_u2(op::INVOKESPECIAL, target);
        let end = asm.pos();
        match &desc.ret {
            None => {
                asm.op(op::ACONST_NULL);
            }
            Some(t) => box_value(cb, &mut asm, t),
        }
        asm.op(op::ARETURN);
        let handler = asm.pos();
        let (c, init) = (
            cb.class(ite),
            cb.method_ref(ite, "<init>", "(Ljava/lang/Throwable;)V", false),
        );
        asm.astore(3)
            .op_u2(op::NEW, c)
            .op(op::DUP)
            .load(b'L', 3)
            .op_u2(op::INVOKESPECIAL, init)
            .op(op::ATHROW);
        handlers.push(ExceptionHandler {
            start_pc: start,
            end_pc: end,
            handler_pc: handler,
            catch_type: None,
        });
        asm.place(next);
    }
    let sup = cb.method_ref(PROXY, INVOKE_DEFAULT, INVOKE_DEFAULT_DESC, false);
    asm.load(b'L', 0)
        .load(b'L', 1)
        .load(b'L', 2)
        .op_u2(op::INVOKESPECIAL, sup)
        .op(op::ARETURN);
    cb.method_with_handlers(
        access::PROTECTED,
        INVOKE_DEFAULT,
        INVOKE_DEFAULT_DESC,
        asm,
        handlers,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ProxySpec {
        ProxySpec {
            name: "jdk/proxy1/$Proxy0".into(),
            public: true,
            interfaces: vec!["p/Calc".into()],
            methods: vec![
                ProxyMethod {
                    name: "hashCode".into(),
                    descriptor: "()I".into(),
                    declaring: "java/lang/Object".into(),
                    default_via: None,
                    catch_list: vec![
                        "java/lang/RuntimeException".into(),
                        "java/lang/Error".into(),
                    ],
                },
                ProxyMethod {
                    name: "add".into(),
                    descriptor: "(IJLjava/lang/String;)D".into(),
                    declaring: "p/Calc".into(),
                    default_via: Some("p/Calc".into()),
                    catch_list: vec![],
                },
            ],
        }
    }

    #[test]
    fn proxy_class_has_generator_shape() {
        let f = synthesize(&spec()).unwrap();
        assert_eq!(f.super_name.as_deref(), Some(PROXY));
        assert_eq!(f.access, access::PUBLIC | access::FINAL | access::SUPER);
        let fields: Vec<_> = f.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(fields, ["m0", "m1"]);
        let methods: Vec<_> = f.methods.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            methods,
            ["<init>", "hashCode", "add", "<clinit>", INVOKE_DEFAULT]
        );
        let hash = &f.methods[1];
        // Two rethrow handlers and the UndeclaredThrowableException wrapper.
        assert_eq!(hash.code.as_ref().unwrap().handlers.len(), 3);
        let add = &f.methods[2];
        assert!(add.code.as_ref().unwrap().handlers.is_empty());
        let default = &f.methods[4];
        assert_eq!(default.code.as_ref().unwrap().handlers.len(), 1);
    }

    #[test]
    fn proxy_class_decodes_and_verifies_as_bytecode() {
        let f = synthesize(&spec()).unwrap();
        for m in &f.methods {
            let code = &m.code.as_ref().unwrap().code;
            assert!(
                crate::classfile::bytecode::decode(code).is_ok(),
                "{}",
                m.name
            );
        }
    }
}
