//! One save of a dossier split in two: [`SaveJob`] (the disk work, which
//! may run on another thread) and [`SaveDone`] (its outcome, recorded by
//! [`Store::finish_save`]).

use std::path::PathBuf;

use super::crypt::{encrypt, is_age};
use super::files::{FaultHook, Stamp, lock_folder, write_atomic_with};
use super::{DossierId, StoreError};

/// The disk work of one save (see [`Store::save_job`]); may run on another
/// thread.
pub struct SaveJob {
    pub(super) id: DossierId,
    pub(super) path: PathBuf,
    /// The new content, encrypted when encryption is on.
    pub(super) bytes: Vec<u8>,
    /// Where the previous version goes, when this is the session's first
    /// save of the dossier.
    pub(super) backup: Option<PathBuf>,
    /// The file's stamp as last loaded or saved by the store.
    pub(super) known: Option<Stamp>,
    /// To encrypt a plain previous version kept as backup.
    pub(super) recipient: Option<age::x25519::Recipient>,
    /// The data folder's [`LOCK_FILE`].
    pub(super) lock: PathBuf,
    pub(super) fault: Option<FaultHook>,
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
    pub(super) id: DossierId,
    /// The new file's stamp, if it could be read back.
    pub(super) result: Result<Option<Stamp>, StoreError>,
}

impl SaveDone {
    /// Whether the save failed.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.result.is_err()
    }
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
