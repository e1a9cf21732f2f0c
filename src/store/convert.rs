//! Changing the data folder's encryption: turning it on or off, or changing
//! the passphrase. Prepared on the UI thread ([`Store::conversion`]), run
//! anywhere ([`Conversion::run`], which the window runs on a thread of its
//! own, with its progress shown), and recorded by
//! [`Store::finish_conversion`].
//!
//! Every private file is converted in place, each replaced atomically: the
//! dossiers, their backups and photos, the trash, and the household files at
//! the root of the data folder ([`PRIVATE_ROOT_FILES`]). Temporary files
//! left by a crash are removed on the way: they may hold plain text.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use age::secrecy::{ExposeSecret as _, SecretString};
use zeroize::Zeroizing;

use super::crypt::{AGE_MAGIC, KEY_FILE, Keys, decode_with, encode_with, encrypt, read_key_file};
use super::files::{FaultFn, FaultHook, sync_dir, write_atomic_with};
use super::{IoAction, Store, StoreError};

/// The files at the root of the data folder that hold the household's
/// data (with their backups): encrypted like the dossiers.
pub const PRIVATE_ROOT_FILES: &[&str] = &[
    "journal.ron",
    "journal.ron.bak",
    "exposure.ron",
    "exposure.ron.bak",
];

/// What to change.
pub enum EncryptionChange {
    /// Turn encryption on with this new passphrase.
    Enable(SecretString),
    /// Turn encryption off; the current passphrase.
    Disable(SecretString),
    /// Change the passphrase.
    ChangePassphrase {
        /// The current passphrase.
        current: SecretString,
        /// The new one.
        new: SecretString,
    },
}

impl std::fmt::Debug for EncryptionChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Enable(_) => "Enable(…)",
            Self::Disable(_) => "Disable(…)",
            Self::ChangePassphrase { .. } => "ChangePassphrase(…)",
        })
    }
}

/// How far a conversion went: files converted out of files to look at.
/// Shared between the thread that converts and the window that shows it.
#[derive(Debug, Default)]
pub struct ConversionProgress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl ConversionProgress {
    /// Files looked at so far, and in all (0 in all until they are counted).
    #[must_use]
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// An encryption change ready to run, on any thread.
pub struct Conversion {
    change: EncryptionChange,
    root: PathBuf,
    kdf_log_n: Option<u8>,
    fault: Option<FaultHook>,
}

impl std::fmt::Debug for Conversion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conversion")
            .field("change", &self.change)
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// The data key after a conversion.
enum KeysAfter {
    /// Unchanged: the change failed before any file was touched.
    Unchanged,
    /// Encryption off.
    Off,
    /// Encryption on, with this key.
    On(age::x25519::Identity),
}

/// What a [`Conversion`] did, for [`Store::finish_conversion`].
pub struct ConversionDone {
    /// The data key from now on.
    keys: KeysAfter,
    /// Why it failed, if it did.
    error: Option<StoreError>,
}

impl std::fmt::Debug for ConversionDone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConversionDone")
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Prepares an encryption change. Fails at once when it makes no
    /// sense (encryption already on, or off).
    pub fn conversion(&self, change: EncryptionChange) -> Result<Conversion, StoreError> {
        let off = matches!(self.keys, Keys::Off);
        match change {
            EncryptionChange::Enable(_) if !off => return Err(StoreError::AlreadyEncrypted),
            EncryptionChange::Disable(_) | EncryptionChange::ChangePassphrase { .. } if off => {
                return Err(StoreError::NotEncrypted);
            }
            _ => {}
        }
        Ok(Conversion {
            change,
            root: self.root.clone(),
            kdf_log_n: self.kdf_log_n,
            fault: self.fault.clone(),
        })
    }

    /// Records what a conversion did: the data key from now on; returns its
    /// error. A conversion that failed half way leaves the store unlocked
    /// with the key, so that every file, converted or not, still reads.
    pub fn finish_conversion(&mut self, done: ConversionDone) -> Result<(), StoreError> {
        match done.keys {
            KeysAfter::On(identity) => {
                let recipient = identity.to_public();
                self.keys = Keys::Unlocked { identity, recipient };
            }
            KeysAfter::Off => self.keys = Keys::Off,
            KeysAfter::Unchanged => {}
        }
        self.refresh_stamps();
        done.error.map_or(Ok(()), Err)
    }
}

impl Conversion {
    /// Carries out the change, counting the files in `progress`.
    #[must_use]
    pub fn run(self, progress: &ConversionProgress) -> ConversionDone {
        let fault = self.fault.as_deref();
        let key_path = self.root.join(KEY_FILE);
        match &self.change {
            EncryptionChange::Enable(passphrase) => {
                let identity = age::x25519::Identity::generate();
                if let Err(error) = write_key(&key_path, &identity, passphrase, self.kdf_log_n, fault) {
                    return ConversionDone {
                        keys: KeysAfter::Unchanged,
                        error: Some(error),
                    };
                }
                let keys = unlocked(&identity);
                let error = convert_files(&self.root, &keys, true, fault, progress).err();
                ConversionDone {
                    keys: KeysAfter::On(identity),
                    error,
                }
            }
            EncryptionChange::Disable(passphrase) => {
                let identity = match read_key_file(&key_path, passphrase) {
                    Ok(identity) => identity,
                    Err(error) => {
                        return ConversionDone {
                            keys: KeysAfter::Unchanged,
                            error: Some(error),
                        };
                    }
                };
                let keys = unlocked(&identity);
                let result = convert_files(&self.root, &keys, false, fault, progress).and_then(|()| {
                    fs::remove_file(&key_path).map_err(|e| StoreError::io(&key_path, IoAction::Write, e))?;
                    sync_dir(&self.root)
                });
                match result {
                    Ok(()) => ConversionDone {
                        keys: KeysAfter::Off,
                        error: None,
                    },
                    Err(error) => ConversionDone {
                        keys: KeysAfter::On(identity),
                        error: Some(error),
                    },
                }
            }
            EncryptionChange::ChangePassphrase { current, new } => {
                let result = read_key_file(&key_path, current).and_then(|identity| {
                    write_key(&key_path, &identity, new, self.kdf_log_n, fault)?;
                    Ok(identity)
                });
                match result {
                    Ok(identity) => ConversionDone {
                        keys: KeysAfter::On(identity),
                        error: None,
                    },
                    Err(error) => ConversionDone {
                        keys: KeysAfter::Unchanged,
                        error: Some(error),
                    },
                }
            }
        }
    }
}

fn unlocked(identity: &age::x25519::Identity) -> Keys {
    Keys::Unlocked {
        identity: identity.clone(),
        recipient: identity.to_public(),
    }
}

/// Writes the key file: the data key encrypted with `passphrase`.
fn write_key(
    key_path: &Path,
    identity: &age::x25519::Identity,
    passphrase: &SecretString,
    kdf_log_n: Option<u8>,
    fault: Option<&FaultFn>,
) -> Result<(), StoreError> {
    let text = Zeroizing::new(format!(
        "# Vigie data key: decrypt this file with your passphrase (age -d), then use it with age -d -i\n# public key: {}\n{}\n",
        identity.to_public(),
        identity.to_string().expose_secret()
    ));
    let mut scrypt = age::scrypt::Recipient::new(passphrase.clone());
    scrypt.set_work_factor(kdf_log_n.unwrap_or(super::age_header::SCRYPT_LOG_N));
    let encrypted = encrypt(&scrypt, text.as_bytes()).map_err(|e| StoreError::crypto(key_path, &e))?;
    write_atomic_with(key_path, &encrypted, fault)
}

/// Every private file of the data folder: everything under `dossiers/` and
/// `trash/` (photos included), the journal's photos, and
/// [`PRIVATE_ROOT_FILES`], sorted.
pub(crate) fn private_files(root: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut files = Vec::new();
    let mut dirs = vec![
        root.join("dossiers"),
        root.join("trash"),
        root.join(super::JOURNAL_PHOTOS),
    ];
    while let Some(dir) = dirs.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(StoreError::io(&dir, IoAction::Read, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                dirs.push(entry.path());
            } else if kind.is_file() {
                files.push(entry.path());
            }
        }
    }
    files.extend(
        PRIVATE_ROOT_FILES
            .iter()
            .map(|name| root.join(name))
            .filter(|path| path.is_file()),
    );
    files.sort();
    Ok(files)
}

/// Whether a file begins with the age header (only its first bytes are
/// read).
fn starts_as_age(path: &Path) -> Result<bool, StoreError> {
    let mut head = [0_u8; AGE_MAGIC.len()];
    let mut file = fs::File::open(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(StoreError::io(path, IoAction::Read, e)),
        }
    }
    Ok(read == head.len() && head == AGE_MAGIC)
}

/// Encrypts (`encrypted`) or decrypts every private file that is not so
/// already, each replaced atomically; removes temporary files left by a
/// crash.
pub(super) fn convert_files(
    root: &Path,
    keys: &Keys,
    encrypted: bool,
    fault: Option<&FaultFn>,
    progress: &ConversionProgress,
) -> Result<(), StoreError> {
    let files = private_files(root)?;
    progress.total.store(files.len(), Ordering::Relaxed);
    for path in files {
        progress.done.fetch_add(1, Ordering::Relaxed);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with('.') && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tmp")) {
            fs::remove_file(&path).map_err(|e| StoreError::io(&path, IoAction::Write, e))?;
            continue;
        }
        if starts_as_age(&path)? == encrypted {
            continue;
        }
        let bytes =
            super::files::read_regular(&path).map_err(|e| StoreError::io(&path, IoAction::Read, e))?;
        let new = if encrypted {
            encode_with(keys, &path, &bytes)?
        } else {
            decode_with(keys, &path, bytes)?.to_vec()
        };
        // Flushes the folder too.
        write_atomic_with(&path, &new, fault)?;
    }
    Ok(())
}
