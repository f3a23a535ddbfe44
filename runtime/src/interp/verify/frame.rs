//! Type states (JVMS §4.10.1.3: locals, operand stack, `flagThisUninit`) and the decoding
//! of a method's `StackMapTable` into one full frame per listed pc (JVMS §4.7.4).
//!
//! Invariants:
//! - `locals` always has exactly `max_locals` entries (unset ones are `Top`); a stack map
//!   frame's locals are padded the same way, so frames compare entry by entry.
//! - Wide types take two entries (see `types.rs`); a decoded frame whose locals or stack do
//!   not fit `max_locals`/`max_stack` is a verification error, never a panic.
//! - Decoded frames are sorted by strictly increasing pc, each at an instruction start.

use super::types::{assignable, Failed, Hierarchy, VType};
use super::VerifyFail;
use crate::classfile::{StackMapFrame, VerificationType};

/// A type state.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// One entry per local slot.
    pub locals: Vec<VType>,
    /// Operand stack, bottom first; wide types as two entries.
    pub stack: Vec<VType>,
    /// `flagThisUninit`: some local holds `uninitializedThis`.
    pub this_uninit: bool,
}

/// Why a frame is not assignable to another (HotSpot's "Reason" text).
pub enum Mismatch {
    /// Different stack depths.
    StackSize,
    /// A local differs: index, current, expected.
    Local(usize, VType, VType),
    /// A stack entry differs: index, current, expected.
    Stack(usize, VType, VType),
    /// `flagThisUninit` differs.
    Flags,
}

impl Mismatch {
    /// The reason in HotSpot's words.
    pub fn reason(&self) -> String {
        match self {
            Mismatch::StackSize => "Current frame's stack size doesn't match stackmap.".into(),
            Mismatch::Local(i, cur, exp) => format!(
                "Type {} (current frame, locals[{i}]) is not assignable to {} (stack map, locals[{i}])",
                cur.describe(),
                exp.describe()
            ),
            Mismatch::Stack(i, cur, exp) => format!(
                "Type {} (current frame, stack[{i}]) is not assignable to {} (stack map, stack[{i}])",
                cur.describe(),
                exp.describe()
            ),
            Mismatch::Flags => "Current frame's flags are not assignable to stack map frame's.".into(),
        }
    }
}

impl Frame {
    /// Is this state assignable to `target` (JVMS `frameIsAssignable`)? `Ok(None)` if so.
    pub fn assignable_to(
        &self,
        target: &Frame,
        h: &mut dyn Hierarchy,
    ) -> Result<Option<Mismatch>, Failed> {
        if self.stack.len() != target.stack.len() {
            return Ok(Some(Mismatch::StackSize));
        }
        for (i, (cur, exp)) in self.locals.iter().zip(&target.locals).enumerate() {
            if !assignable(cur, exp, h)? {
                return Ok(Some(Mismatch::Local(i, cur.clone(), exp.clone())));
            }
        }
        for (i, (cur, exp)) in self.stack.iter().zip(&target.stack).enumerate() {
            if !assignable(cur, exp, h)? {
                return Ok(Some(Mismatch::Stack(i, cur.clone(), exp.clone())));
            }
        }
        if self.this_uninit && !target.this_uninit {
            return Ok(Some(Mismatch::Flags));
        }
        Ok(None)
    }
}

/// Expands listed verification types into entries (wide types get their second half).
fn expand(types: &[VerificationType]) -> Vec<VType> {
    let mut out = Vec::with_capacity(types.len());
    for t in types {
        let v = VType::of_stack_map(t);
        let second = v.second_half();
        out.push(v);
        out.extend(second);
    }
    out
}

/// Decodes `table` against the initial locals (as listed types, wide types once) into
/// `(pc, frame)` pairs. `is_start(pc)` tells whether an instruction starts at `pc`.
pub fn decode_stack_map(
    table: &[StackMapFrame],
    initial_locals: &[VerificationType],
    max_locals: usize,
    max_stack: usize,
    is_start: &dyn Fn(u32) -> bool,
) -> Result<Vec<(u32, Frame)>, VerifyFail> {
    let mut listed: Vec<VerificationType> = initial_locals.to_vec();
    let mut out: Vec<(u32, Frame)> = Vec::with_capacity(table.len());
    let mut prev: Option<u32> = None;
    for entry in table {
        let (delta, stack) = match entry {
            StackMapFrame::Same { offset_delta } => (*offset_delta, Vec::new()),
            StackMapFrame::SameLocals1 {
                offset_delta,
                stack,
            } => (*offset_delta, vec![stack.clone()]),
            StackMapFrame::Chop { offset_delta, k } => {
                let k = usize::from(*k);
                if k > listed.len() {
                    return Err(format_error(prev, "bad chop frame"));
                }
                listed.truncate(listed.len() - k);
                (*offset_delta, Vec::new())
            }
            StackMapFrame::Append {
                offset_delta,
                locals,
            } => {
                listed.extend(locals.iter().cloned());
                (*offset_delta, Vec::new())
            }
            StackMapFrame::Full {
                offset_delta,
                locals,
                stack,
            } => {
                listed = locals.clone();
                (*offset_delta, stack.clone())
            }
        };
        let pc = match prev {
            None => u32::from(delta),
            Some(p) => p + u32::from(delta) + 1,
        };
        if !is_start(pc) {
            return Err(VerifyFail::plain("StackMapTable error: bad offset"));
        }
        let mut locals = expand(&listed);
        if locals.len() > max_locals {
            return Err(format_error(Some(pc), "local variable table overflow"));
        }
        locals.resize(max_locals, VType::Top);
        let stack = expand(&stack);
        if stack.len() > max_stack {
            return Err(format_error(Some(pc), "operand stack overflow"));
        }
        let this_uninit = locals.contains(&VType::UninitializedThis);
        out.push((
            pc,
            Frame {
                locals,
                stack,
                this_uninit,
            },
        ));
        prev = Some(pc);
    }
    Ok(out)
}

fn format_error(pc: Option<u32>, what: &str) -> VerifyFail {
    let at = pc.map_or(String::new(), |p| format!(" at pc {p}"));
    VerifyFail::plain(&format!("StackMapTable format error: {what}{at}"))
}
