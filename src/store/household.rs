//! The household files at the root of the data folder: the log of
//! suspicious events (`journal.ron`) and the exposure inventory
//! (`exposure.ron`), each with its session backup (`.bak`).
//!
//! They are saved as dossiers are: crash-safely through the fault hook,
//! encrypted when encryption is on, the previous version kept as backup on
//! the first save of a session, and never over a change made by someone
//! else. A [`HouseholdFile`], handed out only by a successful load, carries
//! what a save needs to know: a file that fails to load gives no handle, so
//! it cannot be written over; the user may open its backup
//! ([`Store::load_household_backup`]) or start again
//! ([`Store::start_household_over`]), and either moves the damaged file
//! aside into `trash/` first.
//!
//! The conflict check compares a SHA-256 of the file's *plain* content with
//! the one loaded or saved last: turning encryption on or off rewrites the
//! bytes but not the content, so it is not taken for someone else's change.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

use super::crypt::{Keys, encrypt, is_age};
use super::files::{LOCK_FILE, lock_folder, sync_dir, write_atomic_with};
use super::format::to_ron;
use super::{IoAction, PhotoOwner, Store, StoreError, from_ron};
use crate::model::PhotoId;
use crate::model::exposure::{self, Inventory};
use crate::model::journal::{self, Journal};

/// A document kept in a household file at the root of the data folder.
pub trait HouseholdDoc: Serialize + DeserializeOwned {
    /// The file's name in the data folder (listed in
    /// [`super::PRIVATE_ROOT_FILES`], so that it is encrypted like dossiers).
    const FILE_NAME: &'static str;
    /// The format version this build writes.
    const FORMAT_VERSION: u32;
    /// The format version the document carries.
    fn format_version(&self) -> u32;
    /// The document of a household that has none yet.
    fn empty() -> Self;
    /// A rule the file's shape cannot express, broken: the message, and
    /// the text of the file to point at with its occurrence (0-based).
    fn broken_rule(&self) -> Option<(String, String, usize)> {
        None
    }
    /// The photo folder of the document and the photos it refers to, for a
    /// document that has photos.
    fn photos(&self) -> Option<(PhotoOwner, BTreeSet<PhotoId>)> {
        None
    }
}

impl HouseholdDoc for Journal {
    const FILE_NAME: &'static str = "journal.ron";
    const FORMAT_VERSION: u32 = journal::FORMAT_VERSION;

    fn format_version(&self) -> u32 {
        self.format_version
    }

    fn empty() -> Self {
        Self::new()
    }

    fn photos(&self) -> Option<(PhotoOwner, BTreeSet<PhotoId>)> {
        Some((PhotoOwner::Journal, self.photo_ids()))
    }

    fn broken_rule(&self) -> Option<(String, String, usize)> {
        self.duplicate_id().map(|id| {
            (
                format!("entry id {:?} is used twice", id.as_str()),
                format!("\"{id}\""),
                1,
            )
        })
    }
}

impl HouseholdDoc for Inventory {
    const FILE_NAME: &'static str = "exposure.ron";
    const FORMAT_VERSION: u32 = exposure::FORMAT_VERSION;

    fn format_version(&self) -> u32 {
        self.format_version
    }

    fn empty() -> Self {
        Self::new()
    }
}

/// What the store knows of a household file between a load and the saves
/// that follow: its content as last seen, and whether this session's
/// backup is made. Only a successful load hands one out.
pub struct HouseholdFile<T> {
    path: PathBuf,
    /// SHA-256 of the plain content as loaded or last saved; `None`: there
    /// was no file.
    known: Option<[u8; 32]>,
    /// Whether the backup of this session was made (or must not be
    /// touched: it was opened in place of a damaged file).
    backed_up: bool,
    /// Where a damaged file was moved, when this handle comes from
    /// [`Store::load_household_backup`] or [`Store::start_household_over`].
    set_aside: Option<PathBuf>,
    doc: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for HouseholdFile<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HouseholdFile")
            .field("path", &self.path)
            .field("exists", &self.known.is_some())
            .field("backed_up", &self.backed_up)
            .finish_non_exhaustive()
    }
}

impl<T> HouseholdFile<T> {
    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the damaged file was moved, if this handle replaced one.
    #[must_use]
    pub fn set_aside(&self) -> Option<&Path> {
        self.set_aside.as_deref()
    }
}

/// The handle of the log of suspicious events.
pub type JournalFile = HouseholdFile<Journal>;
/// The handle of the exposure inventory.
pub type InventoryFile = HouseholdFile<Inventory>;

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Parses a household file's plain bytes; `path` names it in errors. A
/// file from a newer Vigie fails with [`StoreError::TooNew`].
fn parse_household<T: HouseholdDoc>(bytes: &[u8], path: &Path) -> Result<T, StoreError> {
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        format_version: u32,
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        StoreError::io(
            path,
            IoAction::Read,
            io::Error::new(io::ErrorKind::InvalidData, e),
        )
    })?;
    let too_new = |version| StoreError::TooNew {
        path: path.to_owned(),
        version,
    };
    let doc = from_ron::<T>(text).map_err(|err| match from_ron::<VersionOnly>(text) {
        Ok(v) if v.format_version > T::FORMAT_VERSION => too_new(v.format_version),
        _ => StoreError::parse(path, &err),
    })?;
    if doc.format_version() > T::FORMAT_VERSION {
        return Err(too_new(doc.format_version()));
    }
    if let Some((message, needle, nth)) = doc.broken_rule() {
        let (line, col) = position(text, &needle, nth).unwrap_or((1, 1));
        return Err(StoreError::Parse {
            path: path.to_owned(),
            line,
            col,
            message,
        });
    }
    Ok(doc)
}

fn handle<T>(
    path: PathBuf,
    known: Option<[u8; 32]>,
    backed_up: bool,
    set_aside: Option<PathBuf>,
) -> HouseholdFile<T> {
    HouseholdFile {
        path,
        known,
        backed_up,
        set_aside,
        doc: PhantomData,
    }
}

/// The 1-based line and column of the `nth` occurrence of `needle`.
fn position(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let offset = text.match_indices(needle).nth(nth)?.0;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.chars().count(), |nl| before[nl + 1..].chars().count())
        + 1;
    Some((line, col))
}

impl Store {
    /// The user's own exposure sources (`checklists/exposure/`).
    #[must_use]
    pub fn exposure_sources_dir(&self) -> PathBuf {
        self.checklists_dir().join("exposure")
    }

    /// A household file (`journal.ron`, `exposure.ron`).
    #[must_use]
    pub fn household_path<T: HouseholdDoc>(&self) -> PathBuf {
        self.root.join(T::FILE_NAME)
    }

    /// A household file's backup (`journal.ron.bak`).
    #[must_use]
    pub fn household_backup_path<T: HouseholdDoc>(&self) -> PathBuf {
        self.root.join(format!("{}.bak", T::FILE_NAME))
    }

    /// Reads a household file (decrypted if needed): the document and the
    /// handle to save it with. No file yet: an empty document. A file that
    /// does not parse fails with its line and column ([`StoreError::Parse`])
    /// and one from a newer Vigie with [`StoreError::TooNew`]; it is left
    /// as it is, and no handle is given that could write over it.
    pub fn load_household<T: HouseholdDoc>(&self) -> Result<(T, HouseholdFile<T>), StoreError> {
        let path = self.household_path::<T>();
        let bytes = match super::files::read_regular(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((T::empty(), handle(path, None, false, None)));
            }
            Err(e) => return Err(StoreError::io(&path, IoAction::Read, e)),
        };
        let plain = self.decode(&path, bytes)?;
        let doc = parse_household::<T>(&plain, &path)?;
        let known = Some(digest(&plain));
        self.settle_household_photos(&doc);
        Ok((doc, handle(path, known, false, None)))
    }

    /// After a household document is loaded: deletes the files of its
    /// photo folder that neither it nor its backup refers to (photos of an
    /// entry deleted, of a draft dropped, or written just before a crash),
    /// once they are older than [`super::files::STALE_TEMPORARY`]. Best
    /// effort: a failure, or a backup that cannot be read, leaves every
    /// file in place, which is harmless.
    fn settle_household_photos<T: HouseholdDoc>(&self, doc: &T) {
        let Some((owner, mut keep)) = doc.photos() else {
            return;
        };
        let folder = self.data_folder();
        let Ok(on_disk) = folder.photo_files(&owner) else {
            return;
        };
        if on_disk.is_subset(&keep) {
            return;
        }
        let backup = self.household_backup_path::<T>();
        if backup.exists() {
            let previous = super::files::read_regular(&backup)
                .map_err(|e| StoreError::io(&backup, IoAction::Read, e))
                .and_then(|bytes| self.decode(&backup, bytes))
                .and_then(|plain| parse_household::<T>(&plain, &backup));
            match previous.map(|p| p.photos()) {
                Ok(Some((_, ids))) => keep.extend(ids),
                Ok(None) => {}
                Err(_) => return,
            }
        }
        let _ = folder.tidy_photos(&owner, &keep);
    }

    /// Opens a household file's backup in place of the file, which is moved
    /// aside into `trash/` (see [`HouseholdFile::set_aside`]). The backup
    /// is kept as it is until the next session: it is the only good copy.
    pub fn load_household_backup<T: HouseholdDoc>(
        &self,
        now: DateTime<Utc>,
    ) -> Result<(T, HouseholdFile<T>), StoreError> {
        let backup = self.household_backup_path::<T>();
        if !backup.exists() {
            return Err(StoreError::NoBackup { path: backup });
        }
        let bytes =
            super::files::read_regular(&backup).map_err(|e| StoreError::io(&backup, IoAction::Read, e))?;
        let plain = self.decode(&backup, bytes)?;
        let doc = parse_household::<T>(&plain, &backup)?;
        let aside = self.set_household_aside::<T>(now)?;
        Ok((doc, handle(self.household_path::<T>(), None, true, aside)))
    }

    /// Starts a household file over, empty, after moving the damaged one
    /// aside into `trash/` (see [`HouseholdFile::set_aside`]).
    pub fn start_household_over<T: HouseholdDoc>(
        &self,
        now: DateTime<Utc>,
    ) -> Result<(T, HouseholdFile<T>), StoreError> {
        let aside = self.set_household_aside::<T>(now)?;
        Ok((T::empty(), handle(self.household_path::<T>(), None, false, aside)))
    }

    /// Moves the household file, if any, to
    /// `trash/<name>-<YYYYmmdd-HHMMSS>[-n].damaged` (encrypted along with
    /// the trash, never listed as a dossier). Returns its new place.
    fn set_household_aside<T: HouseholdDoc>(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Option<PathBuf>, StoreError> {
        let path = self.household_path::<T>();
        if !path.exists() {
            return Ok(None);
        }
        let base = format!("{}-{}", T::FILE_NAME, now.format("%Y%m%d-%H%M%S"));
        let mut target = self.trash_dir().join(format!("{base}.damaged"));
        let mut n = 1;
        while target.exists() {
            target = self.trash_dir().join(format!("{base}-{n}.damaged"));
            n += 1;
        }
        fs::rename(&path, &target).map_err(|e| StoreError::io(&path, IoAction::Move, e))?;
        sync_dir(&self.root)?;
        sync_dir(&self.trash_dir())?;
        Ok(Some(target))
    }

    /// Saves a household file, crash-safely (and encrypted when encryption
    /// is on). The first save through a handle keeps the previous file as
    /// backup. Fails with [`StoreError::ChangedOnDisk`] when the file's
    /// content changed since it was loaded or last saved through `file` (or
    /// appeared, or was removed): nothing is written then.
    pub fn save_household<T: HouseholdDoc>(
        &self,
        file: &mut HouseholdFile<T>,
        doc: &T,
    ) -> Result<(), StoreError> {
        let path = file.path.clone();
        let text = Zeroizing::new(to_ron(doc, &path)?);
        let bytes = self.encode(&path, text.as_bytes())?;
        let fault = self.fault.as_deref();
        // Released when `_lock` is dropped (the file is closed).
        let _lock = lock_folder(&self.root.join(LOCK_FILE))?;
        let on_disk = match super::files::read_regular(&path) {
            Ok(old) => Some(old),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(StoreError::io(&path, IoAction::Read, e)),
        };
        let disk_content = match &on_disk {
            Some(old) => Some(digest(&self.decode(&path, old.clone())?)),
            None => None,
        };
        if disk_content != file.known {
            return Err(StoreError::ChangedOnDisk { path });
        }
        if !file.backed_up
            && let Some(old) = on_disk
        {
            let backup = self.household_backup_path::<T>();
            // A plain old version is encrypted too when encryption is on.
            let old = match &self.keys {
                Keys::Unlocked { recipient, .. } if !is_age(&old) => {
                    encrypt(recipient, &old).map_err(|e| StoreError::crypto(&backup, &e))?
                }
                _ => old,
            };
            write_atomic_with(&backup, &old, fault)?;
        }
        write_atomic_with(&path, &bytes, fault)?;
        file.known = Some(digest(text.as_bytes()));
        file.backed_up = true;
        Ok(())
    }
}
