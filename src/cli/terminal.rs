//! Text from files reaches the terminal harmless: a title or a note from a
//! handover could hold escape sequences that retitle the terminal, clear
//! it, move the cursor or print fake warnings, or bidirectional overrides
//! that show text in another order than it is. Everything the command line
//! prints goes through [`TerminalSafe`], which shows such characters
//! escaped (`\x1b`, `\u{202e}`) instead of sending them.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Whether a character must not reach a terminal as it is: control
/// characters (C0 but line feed and tab, DEL, C1) and the bidirectional
/// embeddings, overrides and isolates.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character shown escaped.
#[must_use]
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = if u32::from(c) < 0x80 {
                write!(out, "\\x{:02x}", u32::from(c))
            } else {
                write!(out, "\\u{{{:x}}}", u32::from(c))
            };
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that escapes what [`is_unsafe`] names before it reaches the
/// terminal (or a file the output is sent to). Text is checked one
/// `write` at a time; a character cut between two writes (which Rust's
/// formatting never does) is passed on as bytes.
pub struct TerminalSafe<'w> {
    inner: &'w mut dyn Write,
}

impl<'w> TerminalSafe<'w> {
    /// Wraps `inner`.
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Self { inner }
    }
}

impl Write for TerminalSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(text) => self.inner.write_all(terminal_safe(text).as_bytes())?,
            Err(_) => {
                // Not UTF-8 as a whole: escape the ASCII controls, pass the
                // rest on.
                for &b in buf {
                    if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
                        write!(self.inner, "\\x{b:02x}")?;
                    } else {
                        self.inner.write_all(&[b])?;
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_shown_not_sent() {
        assert_eq!(terminal_safe("Visite Martin"), "Visite Martin");
        assert_eq!(
            terminal_safe("a\u{1b}]0;owned\u{7}b\u{1b}[2J"),
            "a\\x1b]0;owned\\x07b\\x1b[2J"
        );
        assert_eq!(terminal_safe("x\u{202e}gpj.exe"), "x\\u{202e}gpj.exe");
        assert_eq!(terminal_safe("c\u{9b}31m"), "c\\u{9b}31m");
        assert_eq!(terminal_safe("line\n\tnext"), "line\n\tnext");
        let mut out = Vec::new();
        let fake = "\u{1b}[31mFAKE";
        writeln!(TerminalSafe::new(&mut out), "T: {fake}").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "T: \\x1b[31mFAKE\n");
    }
}
