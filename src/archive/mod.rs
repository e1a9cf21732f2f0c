//! The `.vigie` file: one dossier handed over from the référent to the
//! household (a *handover*), or the whole data folder (a *backup*).
//!
//! Format: an [age](https://age-encryption.org) file encrypted with a
//! passphrase chosen for it (scrypt), whatever the data folder's own
//! encryption, holding a `tar` archive. The archive's first entry is
//! `manifest.json` ([`Manifest`]: format version, kind, Vigie's version,
//! when it was made, and every other entry with its size and SHA-256);
//! the files inside are plain (the age layer protects them).
//!
//! ```text
//! handover: manifest.json, dossier.ron, photos/<id>.jpg, photos/<id>.thumb.jpg
//! backup:   manifest.json, dossiers/…, trash/…, checklists/*.ron,
//!           settings.ron, journal.ron…, journal.photos/…  (never key.age)
//! ```
//!
//! Reading checks everything before a file is written (see [`read`]):
//! the passphrase, the age layer's integrity (a truncated or altered file
//! fails), the format version, each entry (a plain file, a relative path
//! without `..`, where the kind expects it, the size and checksum the
//! manifest gives, under the [`Limits`]), and that dossiers parse. A
//! handover is held in memory ([`OpenedHandover`]); a backup is staged in
//! a temporary folder inside the data folder ([`OpenedBackup`]) and moved
//! into place only when all of it is checked.
//!
//! Every slow step (the key derivation takes about a second, then every
//! file is read or written) is a function over owned data or a
//! [`crate::store::DataFolder`], to run on a background thread; only
//! [`crate::store::Store::finish_import`] needs the store itself.

mod import;
pub mod layout;
mod read;
mod restore;
mod write;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::checklist::Journey;
use crate::model::{Dossier, DossierId, Status};
use crate::photo::PhotoError;
use crate::store::StoreError;

pub use import::{IfAlreadyThere, ImportDone, ImportJob, Imported};
pub use read::{OpenedBackup, OpenedHandover, open_handover};
pub use restore::Restored;
pub use write::{BackupOptions, Written};

/// The file name extension of handover and backup files.
pub const EXTENSION: &str = "vigie";

/// What the manifest's `format` field says.
pub const FORMAT_NAME: &str = "vigie-archive";

/// The archive format version written by this build.
pub const ARCHIVE_VERSION: u32 = 1;

/// The manifest's entry name.
pub const MANIFEST: &str = "manifest.json";

/// A handover's dossier entry.
pub const HANDOVER_DOSSIER: &str = "dossier.ron";

/// A handover's photo folder.
pub const HANDOVER_PHOTOS: &str = "photos";

/// What a `.vigie` file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArchiveKind {
    /// One dossier and its photos.
    Handover,
    /// The whole data folder.
    Backup,
}

/// The first entry of the archive: what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The archive format version ([`ARCHIVE_VERSION`] when written by
    /// this build).
    pub version: u32,
    /// What it holds.
    pub kind: ArchiveKind,
    /// The version of Vigie that wrote it.
    pub app_version: String,
    /// When it was written.
    pub created: DateTime<Utc>,
    /// A handover's dossier, for the preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier: Option<DossierSummary>,
    /// Every other entry, in archive order.
    pub entries: Vec<ManifestEntry>,
}

/// One entry of the archive, as the manifest gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Its path in the archive (`/`-separated, relative).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// The SHA-256 of its content, lowercase hexadecimal.
    pub sha256: String,
    /// A dossier file that already failed to load when the backup was
    /// made: restored as it is, not refused.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub damaged: bool,
}

/// A handover's dossier, as the manifest gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierSummary {
    /// Its title.
    pub title: String,
    /// Its journey.
    pub journey: Journey,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub modified: DateTime<Utc>,
}

/// What a `.vigie` file holds, to show before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// Handover or backup.
    pub kind: ArchiveKind,
    /// When the file was written.
    pub created: DateTime<Utc>,
    /// The version of Vigie that wrote it.
    pub app_version: String,
    /// A handover's dossier.
    pub dossier: Option<DossierPreview>,
    /// A backup's content.
    pub backup: Option<BackupCounts>,
}

/// A handover's dossier, counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DossierPreview {
    /// Its title.
    pub title: String,
    /// Its journey.
    pub journey: Journey,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub modified: DateTime<Utc>,
    /// Items answered (any status but unanswered).
    pub answered: usize,
    /// Items with a note or a recommendation.
    pub notes: usize,
    /// Photos.
    pub photos: usize,
    /// The référent who made the visit, if it is one.
    pub referent: Option<String>,
    /// Whether the visit is signed off.
    pub signed: bool,
}

impl DossierPreview {
    /// The counts of a dossier.
    #[must_use]
    pub fn of(dossier: &Dossier) -> Self {
        Self {
            title: dossier.title.clone(),
            journey: dossier.journey,
            created: dossier.created,
            modified: dossier.modified,
            answered: dossier
                .answers
                .values()
                .filter(|a| a.status != Status::Unanswered)
                .count(),
            notes: dossier
                .answers
                .values()
                .filter(|a| !a.note.is_empty() || !a.recommendation.is_empty())
                .count(),
            photos: dossier.photo_count(),
            referent: dossier.visit.as_ref().map(|v| v.referent_name.clone()),
            signed: dossier.signoff.is_some(),
        }
    }
}

/// A backup's content, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackupCounts {
    /// Dossiers (not counting backups and trashed ones).
    pub dossiers: usize,
    /// Photos (of dossiers, trashed dossiers and the journal).
    pub photos: usize,
    /// The user's own checklists.
    pub checklists: usize,
    /// Dossiers in the trash.
    pub trashed: usize,
    /// Whether the settings are in it.
    pub settings: bool,
    /// Household files (journal…), backups included.
    pub household_files: usize,
}

/// Caps on what a `.vigie` file may hold, checked on the manifest before
/// any content is read, and on each entry as it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest entry (256 MiB: more than any dossier Vigie writes,
    /// see [`crate::store::MAX_FILE_BYTES`]).
    pub max_entry: u64,
    /// All entries of a handover together (1 GiB: it is held in memory).
    pub max_handover: u64,
    /// All entries of a backup together (64 GiB).
    pub max_backup: u64,
    /// How many entries (250,000: a référent's caseload of 10,000
    /// dossiers with 100,000 photos fits twice).
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_entry: crate::store::MAX_FILE_BYTES,
            max_handover: 1024 * 1024 * 1024,
            max_backup: 64 * 1024 * 1024 * 1024,
            max_entries: 250_000,
        }
    }
}

/// Why a `.vigie` file could not be written or read. Nothing was written
/// in the data folder.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The passphrase chosen for the file is too easy to guess.
    #[error("the passphrase is too easy to guess")]
    WeakPassphrase,
    /// The passphrase does not open the file.
    #[error("{path}: wrong passphrase")]
    WrongPassphrase {
        /// The file.
        path: PathBuf,
    },
    /// Not a Vigie handover or backup file.
    #[error("{path}: not a Vigie handover or backup file")]
    NotAnArchive {
        /// The file.
        path: PathBuf,
    },
    /// A file Vigie would not have written, refused before any costly
    /// work: not a regular file, of an impossible size, or an encryption
    /// header that asks for more than Vigie ever does.
    #[error("{path}: refused: {reason}")]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
    /// The file is truncated or was altered.
    #[error("{path}: the file is damaged, incomplete or was altered ({message})")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What was found.
        message: String,
    },
    /// Written by a newer Vigie.
    #[error("{path}: written by a newer Vigie (format {version}); update Vigie to open it")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its format version.
        version: u32,
    },
    /// A handover where a backup was expected, or the other way round.
    #[error("{path}: this file holds a {found:?}, not a {expected:?}")]
    WrongKind {
        /// The file.
        path: PathBuf,
        /// What was asked for.
        expected: ArchiveKind,
        /// What the file holds.
        found: ArchiveKind,
    },
    /// An entry that could write outside its place or is not a plain file
    /// (absolute path, `..`, link, device), or that has no place in this
    /// kind of file.
    #[error("{path}: refused entry {entry:?}: {reason}")]
    UnsafeEntry {
        /// The file.
        path: PathBuf,
        /// The entry's path.
        entry: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// An entry larger than the manifest says, or than the limits.
    #[error("{path}: entry {entry:?} is {size} bytes, more than {max}")]
    EntryTooLarge {
        /// The file.
        path: PathBuf,
        /// The entry's path.
        entry: String,
        /// Its size.
        size: u64,
        /// What was allowed.
        max: u64,
    },
    /// The file holds more than the limits allow.
    #[error("{path}: too large a file ({entries} entries, {bytes} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Entries.
        entries: usize,
        /// Bytes, all entries together.
        bytes: u64,
    },
    /// An entry whose content does not match the manifest, is missing, or
    /// is not in it.
    #[error("{path}: entry {entry:?} {problem}")]
    Mismatch {
        /// The file.
        path: PathBuf,
        /// The entry's path.
        entry: String,
        /// What does not match.
        problem: &'static str,
    },
    /// A dossier in the file does not parse (or is from a newer Vigie);
    /// the error names the file and the entry, with the line.
    #[error(transparent)]
    Dossier(StoreError),
    /// A photo in the file is not a stored photo.
    #[error(transparent)]
    Photo(#[from] PhotoError),
    /// Reading or writing the data folder or the file.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file of the data folder changed while the backup was written: try
    /// again.
    #[error("{path} changed while the backup was being written; try again")]
    ChangedDuringBackup {
        /// The file.
        path: PathBuf,
    },
}

/// A dossier that is, for an import, "the same dossier again": one with
/// the same random identity ([`Dossier::uid`], kept through handovers; a
/// review or a copy gets a new one) and journey. A file cannot name
/// another household dossier this way without knowing its identity, which
/// never leaves this computer but in that dossier's own handover. Dossiers
/// without an identity (made before it existed) are never the same.
#[must_use]
pub fn is_same_dossier(existing: &Dossier, dossier: &Dossier) -> bool {
    existing.uid.is_some() && existing.uid == dossier.uid && existing.journey == dossier.journey
}

/// Checks that a passphrase chosen for a `.vigie` file is strong enough
/// (the same rule as encryption at rest: [`crate::passphrase`]).
pub fn check_passphrase(passphrase: &age::secrecy::SecretString) -> Result<(), ArchiveError> {
    use age::secrecy::ExposeSecret as _;
    if crate::passphrase::Strength::of(passphrase.expose_secret()).is_enough() {
        Ok(())
    } else {
        Err(ArchiveError::WeakPassphrase)
    }
}

/// The SHA-256 of `bytes`, lowercase hexadecimal.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    crate::model::photos::hex(&sha2::Sha256::digest(bytes))
}

/// The dossiers in `listed` that may be the same dossier as `dossier`
/// (same creation time and journey, from the list's summaries): the
/// candidates whose identity is then compared.
fn candidates(listed: &[crate::store::Listed], dossier: &Dossier) -> Vec<DossierId> {
    listed
        .iter()
        .filter(|l| {
            l.summary
                .as_ref()
                .is_ok_and(|s| s.created == dossier.created && s.journey == dossier.journey)
        })
        .map(|l| l.id.clone())
        .collect()
}
