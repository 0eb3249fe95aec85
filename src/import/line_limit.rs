//! A reader that gives up on a line longer than any real CSV row, so a
//! 100 MB file without a newline costs a megabyte of reading, not 100 MB of
//! memory and a parse.

use std::io::{self, Read};

/// Wraps a reader; fails with `InvalidData` once a line passes `limit` bytes.
pub struct LineLimit<R> {
    inner: R,
    limit: usize,
    /// Bytes read since the last newline.
    run: usize,
    /// 1-based number of the line being read.
    line: u64,
    overlong: Option<u64>,
}

impl<R: Read> LineLimit<R> {
    pub fn new(inner: R, limit: usize) -> LineLimit<R> {
        LineLimit {
            inner,
            limit,
            run: 0,
            line: 1,
            overlong: None,
        }
    }

    /// The line that was too long, once reading has failed because of it.
    pub fn overlong(&self) -> Option<u64> {
        self.overlong
    }
}

impl<R: Read> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(line) = self.overlong {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("line {line} is longer than {} bytes", self.limit),
            ));
        }
        let n = self.inner.read(buf)?;
        for &byte in &buf[..n] {
            if byte == b'\n' {
                self.run = 0;
                self.line += 1;
            } else {
                self.run += 1;
                if self.run > self.limit {
                    self.overlong = Some(self.line);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("line {} is longer than {} bytes", self.line, self.limit),
                    ));
                }
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn short_lines_pass_through_unchanged() {
        let mut out = String::new();
        LineLimit::new(&b"a,b\nc,d\n"[..], 3)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "a,b\nc,d\n");
    }

    #[test]
    fn a_long_line_fails_and_is_numbered() {
        let mut reader = LineLimit::new(&b"ok\nthis is too long\n"[..], 5);
        let mut out = Vec::new();
        assert!(reader.read_to_end(&mut out).is_err());
        assert_eq!(reader.overlong(), Some(2));
    }
}
