//! Encryption at rest: the data key in `key.age` (an age x25519 identity
//! encrypted with the user's passphrase), unlocking and locking, turning
//! encryption on and off, changing the passphrase, and how each file's
//! bytes are encrypted on the way to disk and decrypted on the way back.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use zeroize::Zeroizing;

use super::convert::{ConversionProgress, EncryptionChange, convert_files};
use super::files::{Stamp, write_atomic_with};
use super::{DossierId, IoAction, Store, StoreError};

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
#[derive(Clone)]
pub(super) enum Keys {
    Off,
    Locked,
    Unlocked {
        identity: age::x25519::Identity,
        recipient: age::x25519::Recipient,
    },
}

/// The age file header, how encrypted files are recognised.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// The name of the key file in the data folder.
pub const KEY_FILE: &str = "key.age";

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

impl Store {
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
    /// `passphrase`, then encrypts every private file in place (each
    /// replaced atomically, so no plain copy is left in the folders). If
    /// this is interrupted, the next unlock finishes it.
    pub fn enable_encryption(&mut self, passphrase: &SecretString) -> Result<(), StoreError> {
        self.convert_now(EncryptionChange::Enable(passphrase.clone()))
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
        self.convert_now(EncryptionChange::ChangePassphrase {
            current: current.clone(),
            new: new.clone(),
        })
    }

    /// Turns encryption off: checks the passphrase, decrypts every file in
    /// place, then removes the key file. A wrong passphrase fails with
    /// [`StoreError::WrongPassphrase`] and changes nothing.
    pub fn disable_encryption(&mut self, passphrase: &SecretString) -> Result<(), StoreError> {
        self.convert_now(EncryptionChange::Disable(passphrase.clone()))
    }

    /// Runs an encryption change here and now (the window runs it on a
    /// thread: [`Store::conversion`]).
    fn convert_now(&mut self, change: EncryptionChange) -> Result<(), StoreError> {
        let job = self.conversion(change)?;
        let done = job.run(&ConversionProgress::default());
        self.finish_conversion(done)
    }

    /// Encrypts every private file left in plain text by an interrupted
    /// conversion (only each file's first bytes are read to tell).
    fn convert_all(&mut self, encrypted: bool) -> Result<(), StoreError> {
        let keys = match &self.keys {
            Keys::Unlocked { identity, recipient } => Keys::Unlocked {
                identity: identity.clone(),
                recipient: recipient.clone(),
            },
            Keys::Off => Keys::Off,
            Keys::Locked => Keys::Locked,
        };
        convert_files(
            &self.root,
            &keys,
            encrypted,
            self.fault.as_deref(),
            &ConversionProgress::default(),
        )?;
        self.refresh_stamps();
        Ok(())
    }

    /// Reads again the stamps of the open dossiers' files, changed by our
    /// own hand.
    pub(super) fn refresh_stamps(&mut self) {
        let ids: Vec<DossierId> = self.stamps.keys().cloned().collect();
        for id in ids {
            if let Ok(Some((stamp, _))) = Stamp::read(&self.dossier_path(&id)) {
                self.stamps.insert(id, stamp);
            }
        }
    }

    /// A file's content as written to disk: encrypted when encryption is on.
    pub(crate) fn encode(&self, path: &Path, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        encode_with(&self.keys, path, plain)
    }

    /// A file's plain content: decrypted when it is an age file.
    pub(crate) fn decode(&self, path: &Path, bytes: Vec<u8>) -> Result<Zeroizing<Vec<u8>>, StoreError> {
        decode_with(&self.keys, path, bytes)
    }

    /// Writes a file crash-safely, through the fault hook.
    pub(crate) fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        write_atomic_with(path, bytes, self.fault.as_deref())
    }
}

/// A file's content as written to disk with `keys`: encrypted when
/// encryption is on.
pub(super) fn encode_with(keys: &Keys, path: &Path, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
    match keys {
        Keys::Off => Ok(plain.to_vec()),
        Keys::Locked => Err(StoreError::Locked {
            path: path.to_owned(),
        }),
        Keys::Unlocked { recipient, .. } => {
            encrypt(recipient, plain).map_err(|e| StoreError::crypto(path, &e))
        }
    }
}

/// A file's plain content with `keys`: decrypted when it is an age file.
pub(super) fn decode_with(
    keys: &Keys,
    path: &Path,
    bytes: Vec<u8>,
) -> Result<Zeroizing<Vec<u8>>, StoreError> {
    if !is_age(&bytes) {
        return Ok(Zeroizing::new(bytes));
    }
    match keys {
        Keys::Unlocked { identity, .. } => {
            super::age_header::check(&bytes, super::age_header::Expect::X25519)
                .map_err(|e| StoreError::crypto(path, &e))?;
            decrypt(identity, &bytes).map_err(|e| StoreError::crypto(path, &e))
        }
        Keys::Off | Keys::Locked => Err(StoreError::Locked {
            path: path.to_owned(),
        }),
    }
}

/// Whether these bytes are an age file.
#[must_use]
pub fn is_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// Encrypts `plain` to one age recipient.
pub(crate) fn encrypt(recipient: &dyn age::Recipient, plain: &[u8]) -> Result<Vec<u8>, String> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient)).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| e.to_string())?;
    writer.write_all(plain).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Decrypts an age file with one identity.
pub(crate) fn decrypt(
    identity: &dyn age::Identity,
    bytes: &[u8],
) -> Result<Zeroizing<Vec<u8>>, age::DecryptError> {
    let decryptor = age::Decryptor::new(bytes)?;
    let mut reader = decryptor.decrypt(std::iter::once(identity))?;
    let mut out = Zeroizing::new(Vec::new());
    reader.read_to_end(&mut out).map_err(age::DecryptError::Io)?;
    Ok(out)
}

/// Decrypts the key file at `path` with the passphrase.
pub(crate) fn read_key_file(
    path: &Path,
    passphrase: &SecretString,
) -> Result<age::x25519::Identity, StoreError> {
    let bytes = super::files::read_regular(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
    super::age_header::check(&bytes, super::age_header::Expect::Scrypt)
        .map_err(|e| StoreError::crypto(path, &e))?;
    let mut scrypt = age::scrypt::Identity::new(passphrase.clone());
    scrypt.set_max_work_factor(super::age_header::MAX_SCRYPT_LOG_N);
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
