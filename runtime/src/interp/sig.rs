//! Method descriptors as the interpreter needs them: one letter per parameter (`L` for
//! every reference, arrays included) and the return letter (`V` for void). Pure code,
//! unit-tested from `aot/tests/interp_core.rs`.
//!
//! Invariant: descriptors come from a parsed class file or compiler metadata, both
//! validated; malformed input yields `None`, never a panic.

/// Parameter letters and return letter of a method descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sig {
    /// One letter per parameter: `Z B C S I J F D L`.
    pub params: Vec<u8>,
    /// Return letter, `V` for void.
    pub ret: u8,
}

impl Sig {
    /// Parses `(params)ret`.
    pub fn parse(descriptor: &str) -> Option<Sig> {
        let b = descriptor.as_bytes();
        if b.first() != Some(&b'(') {
            return None;
        }
        let mut i = 1;
        let mut params = Vec::new();
        while *b.get(i)? != b')' {
            let (letter, next) = field_letter(b, i)?;
            params.push(letter);
            i = next;
        }
        let (ret, end) = if b.get(i + 1) == Some(&b'V') {
            (b'V', i + 2)
        } else {
            field_letter(b, i + 1)?
        };
        (end == b.len()).then_some(Sig { params, ret })
    }

    /// Number of local variable slots the parameters take (long and double take two),
    /// without the receiver.
    pub fn arg_slots(&self) -> usize {
        self.params.iter().map(|&l| slots_of(l)).sum()
    }
}

/// Local slots taken by a value of this letter.
pub fn slots_of(letter: u8) -> usize {
    if matches!(letter, b'J' | b'D') {
        2
    } else {
        1
    }
}

/// The letter of the field type starting at `i` and the index after it.
fn field_letter(b: &[u8], mut i: usize) -> Option<(u8, usize)> {
    let start = i;
    while *b.get(i)? == b'[' {
        i += 1;
    }
    let c = *b.get(i)?;
    let end = match c {
        b'L' => i + b[i..].iter().position(|&x| x == b';')? + 1,
        b'Z' | b'B' | b'C' | b'S' | b'I' | b'J' | b'F' | b'D' => i + 1,
        _ => return None,
    };
    let letter = if i > start || c == b'L' { b'L' } else { c };
    Some((letter, end))
}
