//! The data folder: dossiers, their backups, the trash, settings, and the
//! user's own checklists.
//!
//! Layout under the data folder:
//!
//! ```text
//! dossiers/<id>.ron        one dossier per file
//! dossiers/<id>.ron.bak    the version before the current session's first save
//! trash/<id>-<time>.ron    deleted dossiers
//! checklists/*.ron         the user's own checklists
//! settings.ron             language, theme, idle lock (never secret)
//! key.age                  when encryption is on: the data key, encrypted
//!                          with the user's passphrase
//! ```
//!
//! Saves are crash-safe: the new version goes to a temporary file in the same
//! folder, is flushed to disk, then renamed over the old one, and the folder
//! itself is flushed. A crash leaves either the old or the new file, never a
//! mix. Files are created `0600` and folders `0700` on Unix. A file that fails
//! to load is never written over by a later save of another version: the
//! user is told, with the file and the line, and may open the backup.
//!
//! Encryption at rest is optional. When it is on, `key.age` holds an age
//! x25519 identity, itself encrypted with the user's passphrase (an age
//! scrypt recipient, one slow key derivation per session); every dossier,
//! backup and trashed file is an age file encrypted to that identity. Reads
//! recognise an age file by its header, so a folder half converted by a crash
//! still opens. The standard `age` tool decrypts all of it (see SECURITY.md).
//!
//! Writes go through one function, and tests can make it fail on purpose
//! with [`Store::set_fault_hook`] (a full disk, a read-only folder).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use age::secrecy::{ExposeSecret as _, SecretString};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

use crate::i18n::Lang;
use crate::model::dossier::FORMAT_VERSION;
use crate::model::{Dossier, DossierId};

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
    /// Encryption was asked to be turned on, and it is on already.
    #[error("encryption is already on")]
    AlreadyEncrypted,
    /// Encryption was asked to be turned off or unlocked, and it is off.
    #[error("encryption is off")]
    NotEncrypted,
}

impl StoreError {
    fn io(path: &Path, action: IoAction, source: io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            action,
            source,
        }
    }

    fn crypto(path: &Path, err: &impl std::fmt::Display) -> Self {
        Self::Crypto {
            path: path.to_owned(),
            message: err.to_string(),
        }
    }

    fn parse(path: &Path, err: &ron::error::SpannedError) -> Self {
        Self::Parse {
            path: path.to_owned(),
            line: err.span.start.line,
            col: err.span.start.col,
            message: err.code.to_string(),
        }
    }
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// The user's preferences, saved in `settings.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The language chosen; `None` follows the system locale.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The colour theme.
    #[serde(default)]
    pub theme: Theme,
    /// After how long without input an encrypted data folder locks itself.
    #[serde(default)]
    pub idle_lock: IdleLock,
}

/// After how many minutes without input the app locks an encrypted data
/// folder; `0` never. Defaults to 15 minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdleLock(pub u32);

impl Default for IdleLock {
    fn default() -> Self {
        Self(15)
    }
}

impl IdleLock {
    /// The choices offered in the settings, in minutes (`0`: never).
    pub const CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 0];

    /// The idle time, `None` for never.
    #[must_use]
    pub fn duration(self) -> Option<std::time::Duration> {
        (self.0 > 0).then(|| std::time::Duration::from_secs(u64::from(self.0) * 60))
    }
}

/// Whether the data folder is encrypted, and whether it is unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encryption {
    /// Files are plain text.
    Off,
    /// Files are encrypted and the key is not loaded: nothing can be read.
    Locked,
    /// Files are encrypted and the key is loaded for this session.
    Unlocked,
}

/// The data key, when encryption is on.
enum Keys {
    Off,
    Locked,
    Unlocked {
        identity: age::x25519::Identity,
        recipient: age::x25519::Recipient,
    },
}

/// A test seam: given the file about to be written, returns the error that
/// writing it should fail with (a simulated full disk or read-only folder),
/// or `None` to write normally.
pub type FaultHook = Arc<FaultFn>;

/// The function behind a [`FaultHook`].
pub type FaultFn = dyn Fn(&Path) -> Option<io::ErrorKind> + Send + Sync;

/// The age file header, how encrypted files are recognised.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// The name of the key file in the data folder.
pub const KEY_FILE: &str = "key.age";

/// The lock file in the data folder: a save holds it from the conflict check
/// to the rename, so that two copies of Vigie on one folder cannot slip a
/// write in between. It holds nothing.
pub const LOCK_FILE: &str = ".lock";

/// How old a temporary file must be to be taken for a crash's leftover.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_mins(10);

/// What the dossier list shows of one dossier file.
#[derive(Debug)]
pub struct Listed {
    /// The dossier's id.
    pub id: DossierId,
    /// Its file.
    pub path: PathBuf,
    /// The dossier, or why it could not be loaded.
    pub dossier: Result<Dossier, StoreError>,
    /// Whether a backup exists.
    pub has_backup: bool,
}

/// A file's identity on disk, to notice changes made by someone else: its
/// time and length, and a hash of its content, since two writes within the
/// file system's time granularity may leave the same time and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: [u8; 32],
}

impl Stamp {
    fn new(meta: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            modified: meta.modified().ok(),
            len: meta.len(),
            hash: Sha256::digest(bytes).into(),
        }
    }

    /// The file's stamp and content; `None` when it does not exist.
    fn read(path: &Path) -> Result<Option<(Self, Vec<u8>)>, StoreError> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(path, IoAction::Read, e)),
        };
        let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
        Ok(Some((Self::new(&meta, &bytes), bytes)))
    }
}

/// The disk work of one save (see [`Store::save_job`]); may run on another
/// thread.
pub struct SaveJob {
    id: DossierId,
    path: PathBuf,
    /// The new content, encrypted when encryption is on.
    bytes: Vec<u8>,
    /// Where the previous version goes, when this is the session's first
    /// save of the dossier.
    backup: Option<PathBuf>,
    /// The file's stamp as last loaded or saved by the store.
    known: Option<Stamp>,
    /// To encrypt a plain previous version kept as backup.
    recipient: Option<age::x25519::Recipient>,
    /// The data folder's [`LOCK_FILE`].
    lock: PathBuf,
    fault: Option<FaultHook>,
}

impl std::fmt::Debug for SaveJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaveJob")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// What a [`SaveJob`] did, for [`Store::finish_save`].
#[derive(Debug)]
pub struct SaveDone {
    id: DossierId,
    /// The new file's stamp, if it could be read back.
    result: Result<Option<Stamp>, StoreError>,
}

impl SaveJob {
    /// The dossier this job saves.
    #[must_use]
    pub fn id(&self) -> &DossierId {
        &self.id
    }

    /// Checks that nobody else changed the file, keeps the previous version
    /// as backup if due, and writes the new one crash-safely.
    #[must_use]
    pub fn run(self) -> SaveDone {
        let result = self.write();
        SaveDone { id: self.id, result }
    }

    fn write(&self) -> Result<Option<Stamp>, StoreError> {
        let path = &self.path;
        // Released when `_lock` is dropped (the file is closed).
        let _lock = lock_folder(&self.lock)?;
        let on_disk = Stamp::read(path)?;
        if let Some(known) = &self.known
            && on_disk.as_ref().is_none_or(|(now, _)| now != known)
        {
            // Changed, or removed, by someone else since we loaded it.
            return Err(StoreError::ChangedOnDisk { path: path.clone() });
        }
        let fault = self.fault.as_deref();
        if let Some((_, old)) = on_disk
            && let Some(backup) = &self.backup
        {
            // A plain old version is encrypted too when encryption is on.
            let old = match &self.recipient {
                Some(recipient) if !is_age(&old) => {
                    encrypt(recipient, &old).map_err(|e| StoreError::crypto(backup, &e))?
                }
                _ => old,
            };
            write_atomic_with(backup, &old, fault)?;
        }
        write_atomic_with(path, &self.bytes, fault)?;
        Ok(Stamp::read(path)?.map(|(stamp, _)| stamp))
    }
}

/// Reads the data key from the key file with a passphrase
/// ([`Store::key_reader`]); it can run on another thread.
#[derive(Clone, Debug)]
pub struct KeyReader {
    path: PathBuf,
}

impl KeyReader {
    /// Decrypts the key file. A wrong passphrase fails with
    /// [`StoreError::WrongPassphrase`]; nothing is changed either way.
    pub fn read(&self, passphrase: &SecretString) -> Result<DataKey, StoreError> {
        read_key_file(&self.path, passphrase).map(DataKey)
    }
}

/// The data key read by a [`KeyReader`], for [`Store::unlock_with`].
pub struct DataKey(age::x25519::Identity);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

/// The data folder.
pub struct Store {
    root: PathBuf,
    /// Dossiers whose backup was already rotated in this session.
    backed_up: BTreeSet<DossierId>,
    /// The stamp of each dossier file as last loaded or saved by us.
    stamps: BTreeMap<DossierId, Stamp>,
    /// The data key, when encryption is on.
    keys: Keys,
    /// The scrypt work factor for a new key file; `None`: age's choice
    /// (about one second on this computer).
    kdf_log_n: Option<u8>,
    /// Makes writes fail on purpose, in tests.
    fault: Option<FaultHook>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("root", &self.root)
            .field("encryption", &self.encryption())
            .finish_non_exhaustive()
    }
}

const DOSSIER_EXT: &str = "ron";

impl Store {
    /// The data folder to use: `--data-dir`, else `VIGIE_DATA_DIR`, else the
    /// platform's data folder (`~/.local/share/vigie` on Linux).
    #[must_use]
    pub fn default_root(explicit: Option<PathBuf>) -> Option<PathBuf> {
        explicit
            .or_else(|| {
                std::env::var_os("VIGIE_DATA_DIR")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| {
                directories::ProjectDirs::from("fr", "Vigie", "vigie").map(|d| d.data_dir().to_owned())
            })
    }

    /// Opens (and creates if needed) the data folder at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let mut store = Self {
            root: root.into(),
            backed_up: BTreeSet::new(),
            stamps: BTreeMap::new(),
            keys: Keys::Off,
            kdf_log_n: None,
            fault: None,
        };
        for dir in [
            store.root.clone(),
            store.dossiers_dir(),
            store.trash_dir(),
            store.checklists_dir(),
        ] {
            create_private_dir(&dir)?;
        }
        if store.key_path().exists() {
            store.keys = Keys::Locked;
        }
        store.remove_stale_temporary_files();
        Ok(store)
    }

    /// Removes the temporary files that a crash left behind (a save killed
    /// between writing its temporary file and renaming it). Only files
    /// older than [`STALE_TEMPORARY`] go, so that a save in progress in
    /// another copy of Vigie is left alone. Best effort: failures are
    /// ignored, the files are harmless.
    fn remove_stale_temporary_files(&self) {
        let now = SystemTime::now();
        for dir in [self.root.clone(), self.dossiers_dir(), self.trash_dir()] {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let path = entry.path();
                let is_temporary = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
                    && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tmp"));
                let is_old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMPORARY));
                if is_temporary && is_old {
                    let _ = fs::remove_file(&path);
                }
            }
        }
    }

    /// Sets the hook that makes writes fail on purpose (tests only).
    pub fn set_fault_hook(&mut self, hook: Option<FaultHook>) {
        self.fault = hook;
    }

    /// Sets the scrypt work factor (`N = 2^log_n`) used when a key file is
    /// written. The default, age's, takes about a second; tests use a small
    /// one to stay fast.
    pub fn set_kdf_work_factor(&mut self, log_n: u8) {
        self.kdf_log_n = Some(log_n.clamp(1, 30));
    }

    /// The key file, present when encryption is on.
    #[must_use]
    pub fn key_path(&self) -> PathBuf {
        self.root.join(KEY_FILE)
    }

    /// Whether files are encrypted, and whether the key is loaded.
    #[must_use]
    pub fn encryption(&self) -> Encryption {
        match self.keys {
            Keys::Off => Encryption::Off,
            Keys::Locked => Encryption::Locked,
            Keys::Unlocked { .. } => Encryption::Unlocked,
        }
    }

    /// Loads the data key with the passphrase, for this session. A wrong
    /// passphrase fails with [`StoreError::WrongPassphrase`] and changes
    /// nothing. Files left in plain text by an interrupted conversion are
    /// then encrypted.
    pub fn unlock(&mut self, passphrase: &SecretString) -> Result<(), StoreError> {
        if matches!(self.keys, Keys::Off) {
            return Err(StoreError::NotEncrypted);
        }
        let key = self.key_reader().read(passphrase)?;
        self.unlock_with(key)
    }

    /// What reads the key file with a passphrase: the slow part of
    /// [`Store::unlock`] (the passphrase's key derivation, about a second),
    /// which the window runs on a thread of its own.
    #[must_use]
    pub fn key_reader(&self) -> KeyReader {
        KeyReader {
            path: self.key_path(),
        }
    }

    /// Unlocks with a key read by a [`KeyReader`]: loads it for this
    /// session, then encrypts files left in plain text by an interrupted
    /// conversion.
    pub fn unlock_with(&mut self, key: DataKey) -> Result<(), StoreError> {
        if matches!(self.keys, Keys::Off) {
            return Err(StoreError::NotEncrypted);
        }
        let identity = key.0;
        let recipient = identity.to_public();
        self.keys = Keys::Unlocked { identity, recipient };
        self.convert_all(true)
    }

    /// Forgets the data key: nothing can be read or saved until
    /// [`Store::unlock`]. Does nothing when encryption is off.
    pub fn lock(&mut self) {
        if matches!(self.keys, Keys::Unlocked { .. }) {
            self.keys = Keys::Locked;
        }
    }

    /// Turns encryption on: writes a new data key encrypted with
    /// `passphrase`, then encrypts every dossier, backup and trashed file in
    /// place (each replaced atomically, so no plain copy is left in the
    /// folders). If this is interrupted, the next unlock finishes it.
    pub fn enable_encryption(&mut self, passphrase: &SecretString) -> Result<(), StoreError> {
        if !matches!(self.keys, Keys::Off) {
            return Err(StoreError::AlreadyEncrypted);
        }
        let identity = age::x25519::Identity::generate();
        self.write_key(&identity, passphrase)?;
        let recipient = identity.to_public();
        self.keys = Keys::Unlocked { identity, recipient };
        self.convert_all(true)
    }

    /// Changes the passphrase: checks the current one, then writes the same
    /// data key under the new one (the key file is replaced atomically; the
    /// dossiers are not touched). A wrong passphrase fails with
    /// [`StoreError::WrongPassphrase`] and changes nothing. Leaves the store
    /// unlocked.
    pub fn change_passphrase(
        &mut self,
        current: &SecretString,
        new: &SecretString,
    ) -> Result<(), StoreError> {
        if matches!(self.keys, Keys::Off) {
            return Err(StoreError::NotEncrypted);
        }
        let identity = self.read_key(current)?;
        self.write_key(&identity, new)?;
        let recipient = identity.to_public();
        self.keys = Keys::Unlocked { identity, recipient };
        Ok(())
    }

    /// Writes the key file: the data key encrypted with `passphrase`.
    fn write_key(
        &self,
        identity: &age::x25519::Identity,
        passphrase: &SecretString,
    ) -> Result<(), StoreError> {
        let text = Zeroizing::new(format!(
            "# Vigie data key: decrypt this file with your passphrase (age -d), then use it with age -d -i\n# public key: {}\n{}\n",
            identity.to_public(),
            identity.to_string().expose_secret()
        ));
        let mut scrypt = age::scrypt::Recipient::new(passphrase.clone());
        if let Some(log_n) = self.kdf_log_n {
            scrypt.set_work_factor(log_n);
        }
        let key_path = self.key_path();
        let encrypted = encrypt(&scrypt, text.as_bytes()).map_err(|e| StoreError::crypto(&key_path, &e))?;
        self.write_file(&key_path, &encrypted)
    }

    /// Turns encryption off: checks the passphrase, decrypts every file in
    /// place, then removes the key file. A wrong passphrase fails with
    /// [`StoreError::WrongPassphrase`] and changes nothing.
    pub fn disable_encryption(&mut self, passphrase: &SecretString) -> Result<(), StoreError> {
        if matches!(self.keys, Keys::Off) {
            return Err(StoreError::NotEncrypted);
        }
        let identity = self.read_key(passphrase)?;
        let recipient = identity.to_public();
        self.keys = Keys::Unlocked { identity, recipient };
        self.convert_all(false)?;
        let key_path = self.key_path();
        fs::remove_file(&key_path).map_err(|e| StoreError::io(&key_path, IoAction::Write, e))?;
        sync_dir(&self.root)?;
        self.keys = Keys::Off;
        Ok(())
    }

    /// Decrypts the key file with the passphrase.
    fn read_key(&self, passphrase: &SecretString) -> Result<age::x25519::Identity, StoreError> {
        read_key_file(&self.key_path(), passphrase)
    }

    /// Encrypts (`encrypted`) or decrypts every file of the dossier and
    /// trash folders that is not so already, each replaced atomically.
    /// Temporary files left by a crash are removed: they may hold plain
    /// text.
    fn convert_all(&mut self, encrypted: bool) -> Result<(), StoreError> {
        for dir in [self.dossiers_dir(), self.trash_dir()] {
            let entries = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .collect();
            paths.sort();
            for path in paths {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                if name.starts_with('.') && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tmp")) {
                    fs::remove_file(&path).map_err(|e| StoreError::io(&path, IoAction::Write, e))?;
                    continue;
                }
                let bytes = fs::read(&path).map_err(|e| StoreError::io(&path, IoAction::Read, e))?;
                if is_age(&bytes) == encrypted {
                    continue;
                }
                let new = if encrypted {
                    self.encode(&path, &bytes)?
                } else {
                    self.decode(&path, bytes)?.to_vec()
                };
                self.write_file(&path, &new)?;
            }
            sync_dir(&dir)?;
        }
        // The open dossiers' files changed by our own hand.
        let ids: Vec<DossierId> = self.stamps.keys().cloned().collect();
        for id in ids {
            if let Ok(Some((stamp, _))) = Stamp::read(&self.dossier_path(&id)) {
                self.stamps.insert(id, stamp);
            }
        }
        Ok(())
    }

    /// A file's content as written to disk: encrypted when encryption is on.
    fn encode(&self, path: &Path, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        match &self.keys {
            Keys::Off => Ok(plain.to_vec()),
            Keys::Locked => Err(StoreError::Locked {
                path: path.to_owned(),
            }),
            Keys::Unlocked { recipient, .. } => {
                encrypt(recipient, plain).map_err(|e| StoreError::crypto(path, &e))
            }
        }
    }

    /// A file's plain content: decrypted when it is an age file.
    fn decode(&self, path: &Path, bytes: Vec<u8>) -> Result<Zeroizing<Vec<u8>>, StoreError> {
        if !is_age(&bytes) {
            return Ok(Zeroizing::new(bytes));
        }
        match &self.keys {
            Keys::Unlocked { identity, .. } => {
                decrypt(identity, &bytes).map_err(|e| StoreError::crypto(path, &e))
            }
            Keys::Off | Keys::Locked => Err(StoreError::Locked {
                path: path.to_owned(),
            }),
        }
    }

    /// Writes a file crash-safely, through the fault hook.
    fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        write_atomic_with(path, bytes, self.fault.as_deref())
    }

    /// Reads and parses a dossier file, decrypting it if needed.
    pub fn read_dossier_file(&self, path: &Path) -> Result<Dossier, StoreError> {
        let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
        let plain = self.decode(path, bytes)?;
        parse_dossier_bytes(&plain, path)
    }

    /// The data folder.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where dossiers are saved.
    #[must_use]
    pub fn dossiers_dir(&self) -> PathBuf {
        self.root.join("dossiers")
    }

    /// Where deleted dossiers go.
    #[must_use]
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// The user's own checklists.
    #[must_use]
    pub fn checklists_dir(&self) -> PathBuf {
        self.root.join("checklists")
    }

    /// A dossier's file.
    #[must_use]
    pub fn dossier_path(&self, id: &DossierId) -> PathBuf {
        self.dossiers_dir().join(format!("{id}.{DOSSIER_EXT}"))
    }

    /// A dossier's backup file.
    #[must_use]
    pub fn backup_path(&self, id: &DossierId) -> PathBuf {
        self.dossiers_dir().join(format!("{id}.{DOSSIER_EXT}.bak"))
    }

    /// Every dossier in the folder, sorted by last change (newest first),
    /// with the ones that fail to load last.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let dir = self.dossiers_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some(DOSSIER_EXT) {
                continue;
            }
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if !DossierId::is_valid(stem) {
                continue;
            }
            let id = DossierId(stem.to_owned());
            listed.push(Listed {
                dossier: self.read_dossier_file(&path),
                has_backup: self.backup_path(&id).exists(),
                id,
                path,
            });
        }
        listed.sort_by(|a, b| match (&a.dossier, &b.dossier) {
            (Ok(x), Ok(y)) => y.modified.cmp(&x.modified).then_with(|| a.id.cmp(&b.id)),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.id.cmp(&b.id),
        });
        Ok(listed)
    }

    /// Loads a dossier and remembers its file's state, so that a later save
    /// notices if someone else changed it in between.
    pub fn load(&mut self, id: &DossierId) -> Result<Dossier, StoreError> {
        let path = self.dossier_path(id);
        let Some((stamp, bytes)) = Stamp::read(&path)? else {
            return Err(StoreError::io(
                &path,
                IoAction::Read,
                io::ErrorKind::NotFound.into(),
            ));
        };
        let plain = self.decode(&path, bytes)?;
        let dossier = parse_dossier_bytes(&plain, &path)?;
        self.stamps.insert(id.clone(), stamp);
        Ok(dossier)
    }

    /// Loads a dossier's backup. The damaged file is left as it is; the next
    /// save of this dossier first moves it aside to `<id>.ron.damaged`.
    pub fn load_backup(&mut self, id: &DossierId) -> Result<Dossier, StoreError> {
        let backup = self.backup_path(id);
        if !backup.exists() {
            return Err(StoreError::NoBackup { path: backup });
        }
        let dossier = self.read_dossier_file(&backup)?;
        let path = self.dossier_path(id);
        if path.exists() {
            let aside = self.dossiers_dir().join(format!("{id}.{DOSSIER_EXT}.damaged"));
            fs::rename(&path, &aside).map_err(|e| StoreError::io(&path, IoAction::Move, e))?;
            sync_dir(&self.dossiers_dir())?;
        }
        // The backup must survive the next save: it is the only good copy.
        self.backed_up.insert(id.clone());
        self.stamps.remove(id);
        Ok(dossier)
    }

    /// Saves a new dossier under a fresh id and returns the id.
    pub fn create(&mut self, dossier: &Dossier) -> Result<DossierId, StoreError> {
        let id = self.fresh_id(dossier.created);
        self.save(&id, dossier)?;
        Ok(id)
    }

    /// Saves a dossier, crash-safely.
    ///
    /// The first save of a dossier in a session keeps the previous file as
    /// its backup. Fails with [`StoreError::ChangedOnDisk`] when the file was
    /// changed by someone else since this store loaded or saved it; the file
    /// is then left as it is.
    pub fn save(&mut self, id: &DossierId, dossier: &Dossier) -> Result<(), StoreError> {
        let job = self.save_job(id, dossier)?;
        let done = job.run();
        self.finish_save(done)
    }

    /// The first half of [`Store::save`], cheap enough for the UI thread:
    /// the dossier written out (and encrypted). [`SaveJob::run`] does the
    /// disk work, on any thread; [`Store::finish_save`] records its outcome.
    /// Only one job per dossier may be under way at a time.
    pub fn save_job(&self, id: &DossierId, dossier: &Dossier) -> Result<SaveJob, StoreError> {
        let path = self.dossier_path(id);
        let text = Zeroizing::new(to_ron(dossier));
        let bytes = self.encode(&path, text.as_bytes())?;
        Ok(SaveJob {
            id: id.clone(),
            backup: (!self.backed_up.contains(id)).then(|| self.backup_path(id)),
            known: self.stamps.get(id).copied(),
            recipient: match &self.keys {
                Keys::Unlocked { recipient, .. } => Some(recipient.clone()),
                Keys::Off | Keys::Locked => None,
            },
            lock: self.root.join(LOCK_FILE),
            fault: self.fault.clone(),
            path,
            bytes,
        })
    }

    /// Records the outcome of a [`SaveJob`]: the file's new stamp (for the
    /// conflict check) and its backup made; returns the job's error.
    pub fn finish_save(&mut self, done: SaveDone) -> Result<(), StoreError> {
        let stamp = done.result?;
        self.backed_up.insert(done.id.clone());
        if let Some(stamp) = stamp {
            self.stamps.insert(done.id, stamp);
        }
        Ok(())
    }

    /// Copies a dossier under a new id with a new title.
    pub fn duplicate(
        &mut self,
        id: &DossierId,
        title: &str,
        now: DateTime<Utc>,
    ) -> Result<DossierId, StoreError> {
        let mut dossier = self.read_dossier_file(&self.dossier_path(id))?;
        title.clone_into(&mut dossier.title);
        dossier.created = now;
        dossier.modified = now;
        self.create(&dossier)
    }

    /// Moves a dossier (and its backup) to the trash folder. Returns the
    /// dossier's new place.
    pub fn trash(&mut self, id: &DossierId, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let stamp = now.format("%Y%m%d-%H%M%S");
        let target = self.trash_dir().join(format!("{id}-{stamp}.{DOSSIER_EXT}"));
        let path = self.dossier_path(id);
        fs::rename(&path, &target).map_err(|e| StoreError::io(&path, IoAction::Move, e))?;
        let backup = self.backup_path(id);
        if backup.exists() {
            let backup_target = self.trash_dir().join(format!("{id}-{stamp}.{DOSSIER_EXT}.bak"));
            fs::rename(&backup, &backup_target).map_err(|e| StoreError::io(&backup, IoAction::Move, e))?;
        }
        sync_dir(&self.dossiers_dir())?;
        sync_dir(&self.trash_dir())?;
        self.stamps.remove(id);
        self.backed_up.remove(id);
        Ok(target)
    }

    /// Loads the settings; missing file: the defaults.
    pub fn load_settings(&self) -> Result<Settings, StoreError> {
        let path = self.root.join("settings.ron");
        match fs::read_to_string(&path) {
            Ok(text) => ron::from_str(&text).map_err(|e| StoreError::parse(&path, &e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(StoreError::io(&path, IoAction::Read, e)),
        }
    }

    /// Saves the settings (never encrypted: they hold nothing secret).
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.write_file(&self.root.join("settings.ron"), to_ron(settings).as_bytes())
    }

    fn fresh_id(&self, created: DateTime<Utc>) -> DossierId {
        let base = created.format("%Y%m%d-%H%M%S").to_string();
        let mut n = 0_u32;
        loop {
            let candidate = if n == 0 {
                DossierId(base.clone())
            } else {
                DossierId(format!("{base}-{n}"))
            };
            if !self.dossier_path(&candidate).exists() && !self.backup_path(&candidate).exists() {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Pretty RON, stable from one save to the next.
fn to_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(6)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    // Serializing our own plain structs to a string cannot fail.
    ron::ser::to_string_pretty(value, config).unwrap_or_default()
}

/// Reads and parses a plain (not encrypted) dossier file; an encrypted one
/// fails with [`StoreError::Locked`]: use [`Store::read_dossier_file`].
pub fn read_dossier(path: &Path) -> Result<Dossier, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
    if is_age(&bytes) {
        return Err(StoreError::Locked {
            path: path.to_owned(),
        });
    }
    parse_dossier_bytes(&bytes, path)
}

/// Parses a dossier file's bytes (UTF-8 RON); `path` names it in errors.
pub fn parse_dossier_bytes(bytes: &[u8], path: &Path) -> Result<Dossier, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        StoreError::io(
            path,
            IoAction::Read,
            io::Error::new(io::ErrorKind::InvalidData, e),
        )
    })?;
    parse_dossier(text, path)
}

/// Whether these bytes are an age file.
#[must_use]
pub fn is_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// Encrypts `plain` to one age recipient.
fn encrypt(recipient: &dyn age::Recipient, plain: &[u8]) -> Result<Vec<u8>, String> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient)).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| e.to_string())?;
    writer.write_all(plain).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Decrypts an age file with one identity.
fn decrypt(identity: &dyn age::Identity, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>, age::DecryptError> {
    let decryptor = age::Decryptor::new(bytes)?;
    let mut reader = decryptor.decrypt(std::iter::once(identity))?;
    let mut out = Zeroizing::new(Vec::new());
    reader.read_to_end(&mut out).map_err(age::DecryptError::Io)?;
    Ok(out)
}

/// Parses a dossier's text; `path` names it in errors.
pub fn parse_dossier(text: &str, path: &Path) -> Result<Dossier, StoreError> {
    /// Only the version, to explain a failure on a file from a newer Vigie.
    #[derive(Deserialize)]
    struct VersionOnly {
        format_version: u32,
    }
    let dossier = ron::from_str::<Dossier>(text).map_err(|err| match ron::from_str::<VersionOnly>(text) {
        Ok(v) if v.format_version > FORMAT_VERSION => StoreError::TooNew {
            path: path.to_owned(),
            version: v.format_version,
        },
        _ => StoreError::parse(path, &err),
    })?;
    if dossier.format_version > FORMAT_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            version: dossier.format_version,
        });
    }
    Ok(dossier)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| StoreError::io(dir, IoAction::CreateFolder, e))
}

/// Writes `bytes` to `path` crash-safely: temporary file in the same
/// folder, flushed, renamed over `path`, folder flushed. The file is `0600`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic_with(path, bytes, None)
}

/// [`write_atomic`], with a fault hook that may make the write fail as a
/// full disk or a read-only folder would, after the temporary file was
/// created (so that its clean-up is exercised too).
fn write_atomic_with(path: &Path, bytes: &[u8], fault: Option<&FaultFn>) -> Result<(), StoreError> {
    // A bare file name ("plan.pdf") has an empty parent: the current folder.
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options
            .open(&tmp)
            .map_err(|e| StoreError::io(&tmp, IoAction::Write, e))?;
        let injected = fault.and_then(|f| f(path));
        injected
            .map_or_else(|| file.write_all(bytes), |kind| Err(io::Error::from(kind)))
            .and_then(|()| file.sync_all())
            .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
        drop(file);
        fs::rename(&tmp, path).map_err(|e| StoreError::io(path, IoAction::Move, e))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Decrypts the key file at `path` with the passphrase.
fn read_key_file(path: &Path, passphrase: &SecretString) -> Result<age::x25519::Identity, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
    let scrypt = age::scrypt::Identity::new(passphrase.clone());
    let text = decrypt(&scrypt, &bytes).map_err(|e| match e {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed => StoreError::WrongPassphrase,
        other => StoreError::crypto(path, &other),
    })?;
    let text = std::str::from_utf8(&text).map_err(|e| StoreError::crypto(path, &e))?;
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .ok_or_else(|| StoreError::crypto(path, &"no key in the key file"))?
        .parse::<age::x25519::Identity>()
        .map_err(|e| StoreError::crypto(path, &e))
}

/// Takes the data folder's lock (an exclusive advisory lock on `path`,
/// created `0600` if missing), waiting while another save holds it.
fn lock_folder(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options
        .open(path)
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
    file.lock()
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
    Ok(file)
}

/// Flushes a folder's entries to disk (after a rename). No-op off Unix.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io(dir, IoAction::Write, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
