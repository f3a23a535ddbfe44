//! A bounded big-endian byte cursor over a class file.
//!
//! Invariants: the cursor never reads outside its slice; every read either succeeds completely
//! or returns a [`ClassFormatError`] carrying the absolute class-file offset of the failed read,
//! leaving the cursor unchanged. Sub-readers ([`Reader::sub`]) keep absolute offsets so that
//! errors inside attributes still point into the original file.

use super::error::ClassFormatError;

/// A cursor over `bytes`, whose first byte sits at absolute offset `base` in the class file.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    /// A cursor at the start of `bytes`, which begin at absolute offset 0.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            base: 0,
        }
    }

    /// Absolute offset of the next byte to be read.
    pub fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    /// Number of bytes left.
    pub fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    /// True when every byte has been consumed.
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// An error located at the current offset.
    pub fn error(&self, message: impl Into<String>) -> ClassFormatError {
        ClassFormatError::at(self.offset(), message)
    }

    /// Reads `n` bytes, or fails with "truncated `what`".
    pub fn bytes(&mut self, n: usize, what: &str) -> Result<&'a [u8], ClassFormatError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.error(format!("truncated {what}")))?;
        let slice = self.bytes.get(self.pos..end).unwrap_or_default();
        self.pos = end;
        Ok(slice)
    }

    /// Reads a fixed-size array of bytes.
    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], ClassFormatError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.bytes(N, what)?);
        Ok(out)
    }

    /// Reads an unsigned byte.
    pub fn u1(&mut self, what: &str) -> Result<u8, ClassFormatError> {
        Ok(self.array::<1>(what)?[0])
    }

    /// Reads a big-endian `u16`.
    pub fn u2(&mut self, what: &str) -> Result<u16, ClassFormatError> {
        Ok(u16::from_be_bytes(self.array(what)?))
    }

    /// Reads a big-endian `u32`.
    pub fn u4(&mut self, what: &str) -> Result<u32, ClassFormatError> {
        Ok(u32::from_be_bytes(self.array(what)?))
    }

    /// Reads a big-endian `u64` (JVMS stores it as `high_bytes`, `low_bytes`).
    pub fn u64(&mut self, what: &str) -> Result<u64, ClassFormatError> {
        Ok(u64::from_be_bytes(self.array(what)?))
    }

    /// Splits off the next `len` bytes as a sub-reader (keeping absolute offsets).
    pub fn sub(&mut self, len: usize, what: &str) -> Result<Reader<'a>, ClassFormatError> {
        let base = self.offset();
        let bytes = self.bytes(len, what)?;
        Ok(Reader {
            bytes,
            pos: 0,
            base,
        })
    }

    /// Fails unless every byte has been consumed.
    pub fn expect_end(&self, what: &str) -> Result<(), ClassFormatError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self.error(format!(
                "{} unexpected bytes at end of {what}",
                self.remaining()
            )))
        }
    }

    /// Fails if `count` items of at least `min_size` bytes each cannot fit in the rest.
    ///
    /// Used before allocating vectors from untrusted counts.
    pub fn check_count(
        &self,
        count: usize,
        min_size: usize,
        what: &str,
    ) -> Result<(), ClassFormatError> {
        match count.checked_mul(min_size) {
            Some(n) if n <= self.remaining() => Ok(()),
            _ => Err(self.error(format!("{what} count {count} exceeds the remaining bytes"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_big_endian() {
        let data = [0xCA, 0xFE, 0xBA, 0xBE, 0, 1, 2];
        let mut r = Reader::new(&data);
        assert_eq!(r.u4("magic").unwrap(), 0xCAFE_BABE);
        assert_eq!(r.u2("x").unwrap(), 1);
        assert_eq!(r.u1("y").unwrap(), 2);
        assert!(r.is_empty());
    }

    #[test]
    fn truncated_read_reports_offset_and_keeps_position() {
        let data = [1, 2, 3];
        let mut r = Reader::new(&data);
        r.u1("a").unwrap();
        let e = r.u4("thing").unwrap_err();
        assert_eq!(e.offset, Some(1));
        assert_eq!(e.message, "truncated thing");
        assert_eq!(r.u2("b").unwrap(), 0x0203);
    }

    #[test]
    fn sub_reader_keeps_absolute_offsets() {
        let data = [0, 0, 9, 9, 9];
        let mut r = Reader::new(&data);
        r.u2("pad").unwrap();
        let mut s = r.sub(2, "attr").unwrap();
        s.u2("x").unwrap();
        assert_eq!(s.u1("y").unwrap_err().offset, Some(4));
        assert_eq!(r.remaining(), 1);
        assert!(r.sub(2, "attr").is_err());
    }

    #[test]
    fn check_count_overflow() {
        let r = Reader::new(&[0; 4]);
        assert!(r.check_count(2, 2, "x").is_ok());
        assert!(r.check_count(usize::MAX, 2, "x").is_err());
        assert!(r.check_count(3, 2, "x").is_err());
    }
}
