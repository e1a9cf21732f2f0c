//! The age header, checked before age is given the file: what Vigie writes
//! is one recipient stanza in a header of a few hundred bytes, with an
//! scrypt work factor of at most [`MAX_SCRYPT_LOG_N`]. Anything else is
//! refused at once, before any key derivation: a file asking for scrypt
//! 2^23 would cost 8 GB and half a minute, a header of 80,000 stanzas
//! minutes of parsing.

/// The scrypt work factor Vigie writes (`N = 2^18`: about 0.7 s and
/// 256 MiB on this two-core machine; age's own choice on most computers).
/// With the strength check on every passphrase (`passphrase.rs`), this
/// keeps unlocking, a backup and a restore under their time and memory
/// budgets (BENCHMARKS.md).
pub const SCRYPT_LOG_N: u8 = 18;

/// The largest scrypt work factor Vigie accepts on reading (`N = 2^20`):
/// files written by earlier versions, which took age's "about a second on
/// this machine", never asked for more.
pub const MAX_SCRYPT_LOG_N: u8 = 20;

/// The largest header accepted, in bytes (Vigie's are under 300).
pub const MAX_HEADER: usize = 4096;

/// What is wrong with an age header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HeaderProblem {
    /// Not an age file.
    #[error("not an encrypted file")]
    NotAge,
    /// The header does not end within [`MAX_HEADER`] bytes.
    #[error("its header is longer than any Vigie writes")]
    TooLong,
    /// More than one recipient, or none.
    #[error("it is encrypted for {0} recipients; Vigie writes one")]
    Recipients(usize),
    /// A recipient of another kind than the one expected.
    #[error("it is not encrypted the way Vigie encrypts this kind of file")]
    WrongKind,
    /// An scrypt work factor above [`MAX_SCRYPT_LOG_N`].
    #[error(
        "it asks for a passphrase work factor of 2^{0}, more than Vigie ever writes (2^{MAX_SCRYPT_LOG_N}): refused rather than spend minutes and gigabytes on it"
    )]
    ExcessiveWork(u8),
}

/// The kind of recipient a file must be encrypted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A passphrase (handover and backup files, the key file).
    Scrypt,
    /// The data folder's key (dossiers and every private file).
    X25519,
}

/// Checks the header at the start of `head` (the file's first
/// [`MAX_HEADER`] bytes, or all of it when shorter).
pub fn check(head: &[u8], expect: Expect) -> Result<(), HeaderProblem> {
    let Some(rest) = head.strip_prefix(super::AGE_MAGIC) else {
        return Err(HeaderProblem::NotAge);
    };
    let window = &rest[..rest.len().min(MAX_HEADER.saturating_sub(super::AGE_MAGIC.len()))];
    let mut stanzas = Vec::new();
    let mut ended = false;
    for line in window.split(|b| *b == b'\n') {
        if line.starts_with(b"---") {
            ended = true;
            break;
        }
        if let Some(args) = line.strip_prefix(b"-> ") {
            stanzas.push(args);
        }
    }
    if !ended {
        return Err(HeaderProblem::TooLong);
    }
    // age adds a "grease" stanza of a random kind to the headers it writes
    // (so that readers keep accepting unknown ones): one or two such, no
    // more, besides the one recipient.
    let is_grease = |args: &[u8]| {
        args.split(|b| *b == b' ')
            .next()
            .is_some_and(|tag| tag.ends_with(b"-grease"))
    };
    let grease = stanzas.iter().filter(|s| is_grease(s)).count();
    let recipients: Vec<&&[u8]> = stanzas.iter().filter(|s| !is_grease(s)).collect();
    if grease > 2 {
        return Err(HeaderProblem::Recipients(stanzas.len()));
    }
    let [stanza] = recipients.as_slice() else {
        return Err(HeaderProblem::Recipients(recipients.len()));
    };
    let mut args = stanza.split(|b| *b == b' ');
    let tag = args.next().unwrap_or_default();
    match expect {
        Expect::X25519 if tag == b"X25519" => Ok(()),
        Expect::Scrypt if tag == b"scrypt" => {
            let _salt = args.next();
            let log_n = args
                .next()
                .and_then(|n| std::str::from_utf8(n).ok())
                .and_then(|n| n.parse::<u8>().ok())
                .ok_or(HeaderProblem::WrongKind)?;
            if log_n > MAX_SCRYPT_LOG_N {
                Err(HeaderProblem::ExcessiveWork(log_n))
            } else {
                Ok(())
            }
        }
        _ => Err(HeaderProblem::WrongKind),
    }
}

/// Reads the first [`MAX_HEADER`] bytes of `reader` (fewer when it ends).
pub fn read_head(reader: &mut impl std::io::Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(MAX_HEADER);
    std::io::Read::read_to_end(&mut std::io::Read::take(reader, MAX_HEADER as u64), &mut head)?;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(stanzas: &[&str]) -> Vec<u8> {
        let mut h = b"age-encryption.org/v1\n".to_vec();
        for s in stanzas {
            h.extend_from_slice(format!("-> {s}\nAAAA\n").as_bytes());
        }
        h.extend_from_slice(b"--- abc\n\x00\x01binary");
        h
    }

    #[test]
    fn what_vigie_writes_passes_and_the_rest_is_refused() {
        assert_eq!(check(&header(&["scrypt c2FsdA 19"]), Expect::Scrypt), Ok(()));
        assert_eq!(check(&header(&["X25519 abc"]), Expect::X25519), Ok(()));
        assert_eq!(
            check(&header(&["X25519 abc", "a-grease b"]), Expect::X25519),
            Ok(()),
            "age's grease"
        );
        assert_eq!(
            check(&header(&["scrypt c2FsdA 23"]), Expect::Scrypt),
            Err(HeaderProblem::ExcessiveWork(23))
        );
        assert_eq!(
            check(&header(&["X25519 a", "X25519 b"]), Expect::X25519),
            Err(HeaderProblem::Recipients(2))
        );
        assert_eq!(
            check(&header(&[]), Expect::Scrypt),
            Err(HeaderProblem::Recipients(0))
        );
        assert_eq!(
            check(&header(&["X25519 a"]), Expect::Scrypt),
            Err(HeaderProblem::WrongKind)
        );
        let many: Vec<String> = (0..80_000).map(|i| format!("X25519 {i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(check(&header(&many), Expect::X25519), Err(HeaderProblem::TooLong));
        assert_eq!(check(&[0_u8; 64], Expect::Scrypt), Err(HeaderProblem::NotAge));
    }
}
