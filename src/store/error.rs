//! The store's errors: what failed, on which file, and (for a file that
//! does not parse) at which line and column.

use std::io;
use std::path::{Path, PathBuf};

/// What the store was doing when an I/O error happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    /// Creating a folder.
    CreateFolder,
    /// Reading a file or folder.
    Read,
    /// Writing a file.
    Write,
    /// Moving a file (to the trash, or into place after a save).
    Move,
}

/// An error about the user's data files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file system operation failed.
    #[error("{action:?} {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done.
        action: IoAction,
        /// The operating system's error.
        source: io::Error,
    },
    /// A dossier or settings file is not valid RON of the expected shape.
    #[error("{path}:{line}:{col}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The parser's message.
        message: String,
    },
    /// A dossier written by a newer Vigie.
    #[error("{path}: format version {version} is newer than this Vigie")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        version: u32,
    },
    /// The file changed on disk since it was loaded (another copy of Vigie,
    /// or another program): saving would silently overwrite that change.
    #[error("{path} changed on disk since it was opened")]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The dossier has no backup.
    #[error("{path}: no backup")]
    NoBackup {
        /// The backup file that does not exist.
        path: PathBuf,
    },
    /// The passphrase does not open the key file. Nothing was changed.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The file is encrypted and the data folder is locked.
    #[error("{path}: encrypted, and the data folder is locked")]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// An encrypted file could not be decrypted or encrypted (damaged file,
    /// or encrypted with another key).
    #[error("{path}: {message}")]
    Crypto {
        /// The file.
        path: PathBuf,
        /// What age said.
        message: String,
    },
    /// A value could not be written out as text (should not happen): the
    /// file on disk is unchanged.
    #[error("{path}: could not be written out ({message}); the file on disk is unchanged")]
    Encode {
        /// The file.
        path: PathBuf,
        /// What the serializer said.
        message: String,
    },
    /// A file larger than Vigie reads back ([`super::MAX_FILE_BYTES`]):
    /// not written.
    #[error("{path}: {bytes} bytes, more than Vigie can read back; not written")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// Encryption was asked to be turned on, and it is on already.
    #[error("encryption is already on")]
    AlreadyEncrypted,
    /// Encryption was asked to be turned off or unlocked, and it is off.
    #[error("encryption is off")]
    NotEncrypted,
}

impl StoreError {
    pub(crate) fn io(path: &Path, action: IoAction, source: io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            action,
            source,
        }
    }

    pub(crate) fn crypto(path: &Path, err: &impl std::fmt::Display) -> Self {
        Self::Crypto {
            path: path.to_owned(),
            message: err.to_string(),
        }
    }

    pub(crate) fn parse(path: &Path, err: &ron::error::SpannedError) -> Self {
        Self::Parse {
            path: path.to_owned(),
            line: err.span.start.line,
            col: err.span.start.col,
            message: parse_message(&err.code),
        }
    }
}

/// The parser's message, in words for the person who reads it: the
/// advice meant for programmers (raise a recursion limit) is not passed on.
fn parse_message(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            "values nested too deeply: this is not a file Vigie writes".to_owned()
        }
        other => other.to_string(),
    }
}
