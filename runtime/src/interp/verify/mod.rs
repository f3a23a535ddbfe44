//! Verification by type checking (JVMS §4.10.1) of classes defined at run time, before any
//! of their code runs: the security boundary between class files from a class loader and
//! the rest of the process. Bad bytecode raises `java.lang.VerifyError` with HotSpot's
//! message ("Bad type on operand stack", "Inconsistent stackmap frames at branch target N",
//! ...) followed by HotSpot-shaped details (location, reason, current frame).
//!
//! Modules: `types.rs` (verification types, assignability), `frame.rs` (type states,
//! StackMapTable decoding), `transfer.rs` (per-instruction type transfer), `opcodes.rs`
//! (mnemonics); this file is the
//! driver (per-method loop over instructions, branch targets, exception handlers,
//! fall-through) and the [`Hierarchy`] that loads classes through the defining loader.
//!
//! Invariants:
//! - A run-time class is verified once, when it is linked: before its initialization
//!   (`roast_init_class`) and, as a safety net, before the first interpretation of any of
//!   its methods ([`ensure_verified`]). A failed verification leaves the class unverified
//!   (the next use verifies again and fails the same way, as HotSpot does).
//! - Class files of version 50 and later are verified with their StackMapTable; older ones
//!   (no StackMapTable; HotSpot uses type inference) are rejected loudly (UnsupportedOperation).
//! - Classes synthesized by the runtime (lambda proxies) are trusted.
//! - Class loading during verification (assignability between class types) goes through
//!   the defining loader; a class that cannot be loaded leaves NoClassDefFoundError pending.

pub mod frame;
pub mod opcodes;
pub mod transfer;
pub mod types;

use super::class::RtClass;
use crate::classfile::{ClassFile, Instruction, MethodInfo, Op, VerificationType};
use crate::contract::{self, ClassDesc};
use crate::object::{cstr, DescExt};
use frame::{decode_stack_map, Frame};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use transfer::MethodCx;
use types::{Failed, Hierarchy, VType};

/// `RtClass::verified` states.
pub const UNVERIFIED: u8 = 0;
/// Verified (or trusted).
pub const VERIFIED: u8 = 1;

/// A verification error: HotSpot's message and, when it has one, the reason line.
#[derive(Debug)]
pub struct VerifyFail {
    /// The first line of the VerifyError message.
    pub message: String,
    /// The "Reason:" text.
    pub reason: Option<String>,
}

impl VerifyFail {
    /// An error without a reason line.
    pub fn plain(msg: &str) -> VerifyFail {
        VerifyFail {
            message: msg.into(),
            reason: None,
        }
    }
}

/// Why verification of a method stopped.
pub enum Stop {
    /// The code is not type-safe.
    Verify(VerifyFail),
    /// An exception is pending (class loading failed).
    Pending,
}

impl From<Failed> for Stop {
    fn from(_: Failed) -> Stop {
        Stop::Pending
    }
}

/// Verifies `class` unless it already was; false with an exception pending when it fails.
#[inline]
pub fn ensure_verified(class: &'static RtClass) -> bool {
    class.verified.load(Ordering::Acquire) == VERIFIED || verify_class(class)
}

/// Verifies `class` (not verified yet); false with an exception pending when it fails.
#[cold]
#[inline(never)]
fn verify_class(class: &'static RtClass) -> bool {
    if class.file.major < 50 {
        crate::throw::linkage(
            contract::error_kind::UNSUPPORTED,
            &format!(
                "roast: class {} has class file version {}.{}: the interpreter verifies only class files of version 50 or later (with StackMapTable); older class files need the type-inference verifier, which roast does not have",
                class.name.replace('/', "."),
                class.file.major,
                class.file.minor
            ),
        );
        return false;
    }
    let mut h = LoaderHierarchy {
        class,
        cache: HashMap::new(),
    };
    for (mi, rm) in class.file.methods.iter().zip(&class.methods) {
        match verify_method(&class.file, mi, &rm.code, &mut h) {
            Ok(()) => {}
            Err(MethodStop::Pending) => return false,
            Err(MethodStop::Verify((pc, frame, fail))) => {
                crate::throw::linkage(
                    contract::error_kind::VERIFY,
                    &details(&class.file, mi, pc, frame.as_ref(), &fail),
                );
                return false;
            }
        }
    }
    class.verified.store(VERIFIED, Ordering::Release);
    true
}

/// Verifies the run-time class behind `desc`, if it is one (linking before initialization).
pub fn verify_for_init(desc: &ClassDesc) -> bool {
    match super::class::of_desc(desc) {
        Some(c) => ensure_verified(c),
        None => true,
    }
}

/// HotSpot's full VerifyError message: the error, then "Exception Details".
fn details(
    file: &ClassFile,
    mi: &MethodInfo,
    pc: Option<u32>,
    frame: Option<&Frame>,
    fail: &VerifyFail,
) -> String {
    let code = mi.code.as_ref().map_or(&[][..], |c| &c.code[..]);
    let mut s = format!(
        "{}\nException Details:\n  Location:\n    {}.{}{}",
        fail.message, file.name, mi.name, mi.descriptor
    );
    if let Some(pc) = pc {
        let op = code
            .get(pc as usize)
            .map_or("<invalid>", |&op| opcodes::mnemonic(op));
        s.push_str(&format!(" @{pc}: {op}"));
    }
    s.push_str("\n  Reason:\n    ");
    s.push_str(
        fail.reason
            .as_deref()
            .unwrap_or("Error exists in the bytecode"),
    );
    if let (Some(f), Some(pc)) = (frame, pc) {
        let list = |v: &[VType]| {
            let mut end = v.len();
            while end > 0 && v[end - 1] == VType::Top {
                end -= 1;
            }
            v[..end]
                .iter()
                .map(VType::describe)
                .collect::<Vec<_>>()
                .join(", ")
        };
        s.push_str(&format!(
            "\n  Current Frame:\n    bci: @{pc}\n    flags: {{ {}}}\n    locals: {{ {} }}\n    stack: {{ {} }}",
            if f.this_uninit { "flagThisUninit " } else { "" },
            list(&f.locals),
            list(&f.stack)
        ));
    }
    s
}

/// An error at a pc with the frame at that point.
type Located = (Option<u32>, Option<Frame>, VerifyFail);

/// Why a method failed: located verification error, or a pending exception.
enum MethodStop {
    Verify(Located),
    Pending,
}

impl From<Failed> for MethodStop {
    fn from(_: Failed) -> MethodStop {
        MethodStop::Pending
    }
}

fn at(pc: u32, frame: &Frame, stop: Stop) -> MethodStop {
    match stop {
        Stop::Pending => MethodStop::Pending,
        Stop::Verify(v) => MethodStop::Verify((Some(pc), Some(frame.clone()), v)),
    }
}

fn fail_at(pc: u32, frame: &Frame, msg: String, reason: Option<String>) -> MethodStop {
    MethodStop::Verify((
        Some(pc),
        Some(frame.clone()),
        VerifyFail {
            message: msg,
            reason,
        },
    ))
}

/// The initial locals of a method as listed verification types (JVMS §4.10.1.6).
fn initial_locals(file: &ClassFile, mi: &MethodInfo) -> Result<Vec<VerificationType>, VerifyFail> {
    let md = mi
        .parsed_descriptor()
        .map_err(|e| VerifyFail::plain(&format!("Illegal method descriptor: {e}")))?;
    let mut out = Vec::new();
    if !mi.is_static() {
        if mi.name == "<init>" && file.name != "java/lang/Object" {
            out.push(VerificationType::UninitializedThis);
        } else {
            out.push(VerificationType::Object(file.name.clone()));
        }
    }
    for p in &md.params {
        out.push(match VType::of_field(p) {
            VType::Int => VerificationType::Integer,
            VType::Float => VerificationType::Float,
            VType::Long => VerificationType::Long,
            VType::Double => VerificationType::Double,
            VType::Ref(n) => VerificationType::Object(n),
            _ => VerificationType::Top,
        });
    }
    Ok(out)
}

fn verify_method(
    file: &ClassFile,
    mi: &MethodInfo,
    insns: &[Instruction],
    h: &mut LoaderHierarchy,
) -> Result<(), MethodStop> {
    let Some(code) = &mi.code else {
        return Ok(());
    };
    let unlocated = |v: VerifyFail| MethodStop::Verify((None, None, v));
    let max_locals = usize::from(code.max_locals);
    let max_stack = usize::from(code.max_stack);
    let listed = initial_locals(file, mi).map_err(unlocated)?;
    let mut initial = Frame {
        locals: Vec::new(),
        stack: Vec::new(),
        this_uninit: listed.contains(&VerificationType::UninitializedThis),
    };
    for t in &listed {
        let v = VType::of_stack_map(t);
        let second = v.second_half();
        initial.locals.push(v);
        initial.locals.extend(second);
    }
    if initial.locals.len() > max_locals {
        return Err(unlocated(VerifyFail::plain(
            "Too many arguments in method signature",
        )));
    }
    initial.locals.resize(max_locals, VType::Top);
    let starts: std::collections::HashSet<u32> = insns.iter().map(|i| i.pc).collect();
    let table = code.stack_map.as_deref().unwrap_or(&[]);
    let frames = decode_stack_map(table, &listed, max_locals, max_stack, &|pc| {
        starts.contains(&pc)
    })
    .map_err(unlocated)?;
    let frames: HashMap<u32, Frame> = frames.into_iter().collect();
    let ret = mi
        .parsed_descriptor()
        .map_err(|e| unlocated(VerifyFail::plain(&e.to_string())))?
        .ret
        .as_ref()
        .map(VType::of_field);
    // Catch types must be Throwables.
    for hd in &code.handlers {
        if let Some(ct) = &hd.catch_type {
            if !types::reference_assignable(ct, "java/lang/Throwable", h)? {
                // HotSpot locates it at the handler.
                return Err(MethodStop::Verify((
                    Some(u32::from(hd.handler_pc)),
                    None,
                    VerifyFail::plain(&format!(
                        "Catch type is not a subclass of Throwable in exception handler {}",
                        hd.handler_pc
                    )),
                )));
            }
        }
    }
    let mut cx = MethodCx {
        file,
        name: &mi.name,
        ret,
        max_stack,
        insns,
        h,
    };
    let mut cur = initial;
    let mut no_control_flow = false;
    for insn in insns {
        let pc = insn.pc;
        if let Some(mapped) = frames.get(&pc) {
            if !no_control_flow {
                if let Some(m) = cur.assignable_to(mapped, cx.h)? {
                    return Err(fail_at(
                        pc,
                        &cur,
                        "Instruction type does not match stack map".into(),
                        Some(m.reason()),
                    ));
                }
            }
            cur = mapped.clone();
        } else if no_control_flow {
            return Err(fail_at(
                pc,
                &cur,
                "Expecting a stack map frame".into(),
                None,
            ));
        }
        let opcode = code.code.get(pc as usize).copied().unwrap_or(0);
        let is_store = matches!(insn.op, Op::Store(..));
        if is_store {
            check_handlers(&mut cx, code, pc, &cur, false, &frames)?;
        }
        let fx = cx
            .step(&mut cur, insn, opcode)
            .map_err(|s| at(pc, &cur, s))?;
        for target in insn.op.branch_targets() {
            check_target(&mut cx, pc, &cur, target, &frames, None)?;
        }
        if !is_store {
            check_handlers(&mut cx, code, pc, &cur, fx.this_was_uninit, &frames)?;
        }
        no_control_flow = insn.op.ends_block();
    }
    if !no_control_flow {
        let end = code.code.len() as u32;
        return Err(fail_at(
            end,
            &cur,
            "Control flow falls through code end".into(),
            None,
        ));
    }
    Ok(())
}

/// A branch (or handler, with `handler` set) from `pc` to `target` with state `f`.
fn check_target(
    cx: &mut MethodCx<'_>,
    pc: u32,
    f: &Frame,
    target: u32,
    frames: &HashMap<u32, Frame>,
    handler: Option<u32>,
) -> Result<(), MethodStop> {
    let Some(mapped) = frames.get(&target) else {
        return Err(fail_at(
            pc,
            f,
            format!("Expecting a stackmap frame at branch target {target}"),
            Some("Expected stackmap frame at this location.".into()),
        ));
    };
    if let Some(m) = f.assignable_to(mapped, cx.h)? {
        let msg = match handler {
            Some(h) => format!("Stack map does not match the one at exception handler {h}"),
            None => format!("Inconsistent stackmap frames at branch target {target}"),
        };
        // HotSpot locates a mismatch at the target.
        return Err(fail_at(target, f, msg, Some(m.reason())));
    }
    Ok(())
}

/// Every handler covering `pc` must accept the locals of `f` with its catch type on the stack.
fn check_handlers(
    cx: &mut MethodCx<'_>,
    code: &crate::classfile::Code,
    pc: u32,
    f: &Frame,
    this_was_uninit: bool,
    frames: &HashMap<u32, Frame>,
) -> Result<(), MethodStop> {
    for hd in &code.handlers {
        if pc < u32::from(hd.start_pc) || pc >= u32::from(hd.end_pc) {
            continue;
        }
        let catch = hd
            .catch_type
            .clone()
            .unwrap_or_else(|| "java/lang/Throwable".into());
        let hf = Frame {
            locals: f.locals.clone(),
            stack: vec![VType::Ref(catch)],
            this_uninit: f.this_uninit || this_was_uninit,
        };
        let target = u32::from(hd.handler_pc);
        check_target(cx, pc, &hf, target, frames, Some(target))?;
    }
    Ok(())
}

/// Class loading for verification: names resolve through the class's defining loader.
struct LoaderHierarchy {
    class: &'static RtClass,
    cache: HashMap<String, &'static ClassDesc>,
}

impl LoaderHierarchy {
    fn load(&mut self, name: &str) -> Result<&'static ClassDesc, Failed> {
        if let Some(d) = self.cache.get(name) {
            return Ok(d);
        }
        let d = super::resolve::class_named(self.class, name).ok_or(Failed)?;
        self.cache.insert(name.to_string(), d);
        Ok(d)
    }

    /// The superclass of the class being verified named `name`, if any.
    fn ancestor(&self, name: &str) -> Option<&'static ClassDesc> {
        let mut d = self.class.desc().super_desc();
        while let Some(s) = d {
            if s.name() == name {
                return Some(s);
            }
            d = s.super_desc();
        }
        None
    }
}

fn loader_of(d: &ClassDesc) -> Option<usize> {
    super::class::of_desc(d).map(|c| c.loader)
}

fn package(name: &str) -> &str {
    name.rsplit_once('/').map_or("", |p| p.0)
}

impl Hierarchy for LoaderHierarchy {
    fn is_interface(&mut self, name: &str) -> Result<bool, Failed> {
        Ok(self.load(name)?.is_interface())
    }

    fn is_subclass(&mut self, sub: &str, sup: &str) -> Result<bool, Failed> {
        let sup = self.load(sup)?;
        let mut d = Some(self.load(sub)?);
        while let Some(c) = d {
            if std::ptr::eq(c, sup) {
                return Ok(true);
            }
            d = c.super_desc();
        }
        Ok(false)
    }

    fn protected_elsewhere(
        &mut self,
        class: &str,
        name: &str,
        desc: &str,
        is_method: bool,
    ) -> Result<bool, Failed> {
        let Some(start) = self.ancestor(class) else {
            return Ok(false);
        };
        let mut d = Some(start);
        while let Some(c) = d {
            let flags = if is_method {
                super::link::method_metas(c)
                    .iter()
                    .find(|m| cstr(m.name) == name && cstr(m.descriptor) == desc)
                    .map(|m| m.access)
            } else {
                super::link::field_metas_of(c)
                    .iter()
                    .find(|f| cstr(f.name) == name && cstr(f.descriptor) == desc)
                    .map(|f| f.access)
            };
            if let Some(flags) = flags {
                let same_package = loader_of(c) == Some(self.class.loader)
                    && package(c.name()) == package(&self.class.name);
                return Ok(transfer::is_protected(flags) && !same_package);
            }
            d = c.super_desc();
        }
        Ok(false)
    }
}
