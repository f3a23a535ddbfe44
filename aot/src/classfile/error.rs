//! The error type for malformed class files.
//!
//! Every failure of the class-file parser, the constant-pool accessors, the descriptor parser
//! and the bytecode decoder is a [`ClassFormatError`]. Invariants:
//! - `offset` is a byte offset into the class file while `method` is `None`, and a bytecode pc
//!   once `method` is set (context helpers convert between the two, see [`ClassFormatError::in_member`]).
//! - Context is only ever added, never overwritten: the innermost (most precise) location wins.

use std::fmt;

/// A malformed class file, constant-pool reference, descriptor or bytecode array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassFormatError {
    /// Internal name of the class being parsed, once known.
    pub class: Option<String>,
    /// The method being parsed, as `name(descriptor)`, once known.
    pub method: Option<String>,
    /// Byte offset in the class file, or the bytecode pc when `method` is set.
    pub offset: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl ClassFormatError {
    /// An error without any location.
    pub fn new(message: impl Into<String>) -> Self {
        ClassFormatError {
            class: None,
            method: None,
            offset: None,
            message: message.into(),
        }
    }

    /// An error at a byte offset of the class file (or a pc inside a bytecode array).
    pub fn at(offset: usize, message: impl Into<String>) -> Self {
        ClassFormatError {
            offset: Some(offset),
            ..ClassFormatError::new(message)
        }
    }

    /// Adds the class name unless a class is already recorded.
    pub fn with_class(mut self, class: &str) -> Self {
        if self.class.is_none() {
            self.class = Some(class.to_string());
        }
        self
    }

    /// Adds the method (`name(descriptor)`) and bytecode pc unless a method is already recorded.
    ///
    /// Use this for errors whose `offset` is already a pc (bytecode decoding).
    pub fn with_method_pc(mut self, name: &str, descriptor: &str) -> Self {
        if self.method.is_none() {
            self.method = Some(format!("{name}{descriptor}"));
        }
        self
    }

    /// Adds the method context to an error whose `offset` is a class-file byte offset.
    ///
    /// The byte offset is moved into the message (as it is not a pc) so that the invariant on
    /// `offset` holds.
    pub fn in_member(mut self, name: &str, descriptor: &str) -> Self {
        if self.method.is_some() {
            return self;
        }
        if let Some(off) = self.offset.take() {
            self.message = format!("{} (class-file offset {off})", self.message);
        }
        self.method = Some(format!("{name}{descriptor}"));
        self
    }

    /// Sets the byte offset if the error has no location yet (e.g. a constant-pool lookup
    /// failure, located at the class-file bytes holding the index).
    pub fn or_at(mut self, offset: usize) -> Self {
        if self.offset.is_none() && self.method.is_none() {
            self.offset = Some(offset);
        }
        self
    }

    /// Prefixes the message with extra context, e.g. `field foo`.
    pub fn context(mut self, what: &str) -> Self {
        self.message = format!("{what}: {}", self.message);
        self
    }
}

impl fmt::Display for ClassFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(class) = &self.class {
            parts.push(format!("class {class}"));
        }
        if let Some(method) = &self.method {
            parts.push(format!("method {method}"));
        }
        if let Some(offset) = self.offset {
            parts.push(format!("offset {offset}"));
        }
        if parts.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", parts.join(", "), self.message)
        }
    }
}

impl std::error::Error for ClassFormatError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_full_context() {
        let e = ClassFormatError::at(12, "truncated constant pool entry")
            .with_method_pc("bar", "(I)V")
            .with_class("Foo");
        assert_eq!(
            e.to_string(),
            "class Foo, method bar(I)V, offset 12: truncated constant pool entry"
        );
    }

    #[test]
    fn display_without_context() {
        assert_eq!(ClassFormatError::new("bad").to_string(), "bad");
        let e = ClassFormatError::at(3, "bad").with_class("A");
        assert_eq!(e.to_string(), "class A, offset 3: bad");
    }

    #[test]
    fn in_member_moves_byte_offset() {
        let e = ClassFormatError::at(40, "truncated").in_member("m", "()V");
        assert_eq!(e.offset, None);
        assert_eq!(
            e.to_string(),
            "method m()V: truncated (class-file offset 40)"
        );
    }

    #[test]
    fn innermost_context_wins() {
        let e = ClassFormatError::new("x").with_class("A").with_class("B");
        assert_eq!(e.class.as_deref(), Some("A"));
    }
}
