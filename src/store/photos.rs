//! Photo files in the data folder, next to what owns them:
//!
//! ```text
//! dossiers/<id>.photos/<photo-id>.jpg        the photo (≤ 2000 px)
//! dossiers/<id>.photos/<photo-id>.thumb.jpg  its thumbnail (≤ 320 px)
//! trash/<name>.photos/…                      a trashed dossier's photos
//! journal.photos/…                           the household journal's photos
//! ```
//!
//! Written crash-safely like dossiers (temporary file, flush, rename),
//! `0600` in `0700` folders, encrypted with the data key when encryption is
//! on (they keep their `.jpg` names).
//!
//! **Order of writes**: a photo's files are written first, then the dossier
//! that refers to them is saved. A crash in between leaves files that no
//! dossier refers to: they are **cleaned up** (deleted, not adopted: they
//! carry no item nor caption) when their dossier is next loaded
//! ([`Store::load`]), once they are older than [`STALE_TEMPORARY`] and
//! referred to neither by the dossier nor by its backup (a photo removed
//! from a dossier stays as long as the backup shows it, like its notes).
//! A crash while a dossier moves to or from the trash can leave its photo
//! folder behind on the other side: the folder is found again by the ids of
//! the photos it holds, when the dossier is loaded or restored.
//!
//! [`DataFolder`] does the file work without borrowing the [`Store`], so
//! that the window runs it on a background thread (preparing a photo takes
//! a few hundred milliseconds; decoding a thumbnail a few).

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::crypt::{Keys, decode_with, encode_with};
use super::files::{FaultHook, STALE_TEMPORARY, create_private_dir, sync_dir, write_atomic_with};
use super::{DOSSIER_EXT, IoAction, Store, StoreError};
use crate::model::{Dossier, DossierId, PhotoId, PhotoRef};
use crate::photo::{PhotoError, Pixels, Prepared};

/// The extension of a photo folder (`dossiers/<id>.photos`).
pub const PHOTOS_EXT: &str = "photos";

/// The journal's photo folder, at the root of the data folder.
pub const JOURNAL_PHOTOS: &str = "journal.photos";

/// Whose photos: a dossier's, or the household journal's.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PhotoOwner {
    /// A dossier's photos, in `dossiers/<id>.photos/`.
    Dossier(DossierId),
    /// The household journal's photos, in `journal.photos/`.
    Journal,
}

/// Which file of a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PhotoSize {
    /// The photo itself, for the large view and the report.
    Full,
    /// The thumbnail, for item cards.
    Thumbnail,
}

impl PhotoSize {
    /// The file name of photo `id` in this size.
    #[must_use]
    pub fn file_name(self, id: &PhotoId) -> String {
        match self {
            Self::Full => format!("{id}.jpg"),
            Self::Thumbnail => format!("{id}.thumb.jpg"),
        }
    }
}

/// A photo that could not be added or shown.
#[derive(Debug, thiserror::Error)]
pub enum PhotoFileError {
    /// The image itself (not an image, damaged, too large…).
    #[error(transparent)]
    Photo(#[from] PhotoError),
    /// Reading or writing the data folder.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The photo id named by a file name (`<id>.jpg` or `<id>.thumb.jpg`).
#[must_use]
pub fn photo_id_of_file(name: &str) -> Option<(PhotoId, PhotoSize)> {
    let (stem, size) = if let Some(stem) = name.strip_suffix(".thumb.jpg") {
        (stem, PhotoSize::Thumbnail)
    } else {
        (name.strip_suffix(".jpg")?, PhotoSize::Full)
    };
    PhotoId::is_valid(stem).then(|| (PhotoId(stem.to_owned()), size))
}

/// The data folder's photo files, with the data key: what a background
/// thread needs to add, read and tidy photos. Made by
/// [`Store::data_folder`]; it holds a copy of the data key, so drop it when
/// the store is locked and make a new one after unlocking.
#[derive(Clone)]
pub struct DataFolder {
    pub(super) root: PathBuf,
    pub(super) keys: Keys,
    pub(super) fault: Option<FaultHook>,
    /// The scrypt work factor for files encrypted with a passphrase (see
    /// [`Store::set_kdf_work_factor`]).
    pub(super) kdf_log_n: Option<u8>,
}

impl std::fmt::Debug for DataFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataFolder")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl DataFolder {
    /// The data folder.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The photo folder of `owner`.
    #[must_use]
    pub fn photos_dir(&self, owner: &PhotoOwner) -> PathBuf {
        photos_dir(&self.root, owner)
    }

    /// The file of photo `id` of `owner`, in `size`.
    #[must_use]
    pub fn photo_path(&self, owner: &PhotoOwner, id: &PhotoId, size: PhotoSize) -> PathBuf {
        self.photos_dir(owner).join(size.file_name(id))
    }

    /// Prepares the image file at `source` ([`crate::photo::prepare_file`]:
    /// upright, shrunk, no metadata) and writes it and its thumbnail into
    /// `owner`'s folder. Returns what the dossier should record: add it
    /// with [`Dossier::add_photo`] and save the dossier. Slow (a few
    /// hundred milliseconds): run it on a background thread. Nothing is
    /// written when the image is refused.
    pub fn add_photo_file(
        &self,
        owner: &PhotoOwner,
        source: &Path,
        caption: &str,
        now: DateTime<Utc>,
    ) -> Result<PhotoRef, PhotoFileError> {
        let prepared = crate::photo::prepare_file(source)?;
        let photo = prepared.photo_ref(caption, now);
        self.write_photo(owner, &photo.id, &prepared)?;
        Ok(photo)
    }

    /// Writes a prepared photo and its thumbnail under `id`, crash-safely
    /// (and encrypted when encryption is on).
    pub fn write_photo(
        &self,
        owner: &PhotoOwner,
        id: &PhotoId,
        prepared: &Prepared,
    ) -> Result<(), StoreError> {
        self.write_photo_bytes(owner, id, PhotoSize::Thumbnail, &prepared.thumbnail)?;
        self.write_photo_bytes(owner, id, PhotoSize::Full, &prepared.photo)
    }

    /// Writes one file of a photo (plain JPEG bytes, encrypted here when
    /// encryption is on), crash-safely; creates the folder if needed.
    pub fn write_photo_bytes(
        &self,
        owner: &PhotoOwner,
        id: &PhotoId,
        size: PhotoSize,
        jpeg: &[u8],
    ) -> Result<(), StoreError> {
        let dir = self.photos_dir(owner);
        create_private_dir(&dir)?;
        let path = dir.join(size.file_name(id));
        let bytes = encode_with(&self.keys, &path, jpeg)?;
        write_atomic_with(&path, &bytes, self.fault.as_deref())
    }

    /// Reads one file of a photo: its JPEG bytes, decrypted.
    pub fn read_photo(
        &self,
        owner: &PhotoOwner,
        id: &PhotoId,
        size: PhotoSize,
    ) -> Result<Zeroizing<Vec<u8>>, StoreError> {
        let path = self.photo_path(owner, id, size);
        let bytes =
            super::files::read_regular(&path).map_err(|e| StoreError::io(&path, IoAction::Read, e))?;
        decode_with(&self.keys, &path, bytes)
    }

    /// The JPEG bytes of a photo for a printed document (the photo itself,
    /// decrypted), or `None` when its file cannot be read: the document
    /// then shows its caption only.
    #[must_use]
    pub fn photo_for_report(&self, owner: &PhotoOwner, photo: &PhotoRef) -> Option<Vec<u8>> {
        self.read_photo(owner, &photo.id, PhotoSize::Full)
            .ok()
            .map(|bytes| bytes.to_vec())
    }

    /// Reads and decodes one file of a photo into RGBA pixels, for a
    /// texture. A few milliseconds for a thumbnail, more for a photo: run
    /// it on a background thread.
    pub fn load_pixels(
        &self,
        owner: &PhotoOwner,
        id: &PhotoId,
        size: PhotoSize,
    ) -> Result<Pixels, PhotoFileError> {
        let bytes = self.read_photo(owner, id, size)?;
        Ok(crate::photo::decode_rgba(
            &bytes,
            &self.photo_path(owner, id, size),
        )?)
    }

    /// The photos that have at least one file in `owner`'s folder.
    pub fn photo_files(&self, owner: &PhotoOwner) -> Result<BTreeSet<PhotoId>, StoreError> {
        ids_in(&self.photos_dir(owner))
    }

    /// Copies the files of photos `ids` from one owner's folder to
    /// another's (a duplicate, a review), each written crash-safely and
    /// encrypted as the folder is. A photo without files is skipped.
    pub fn copy_photos(
        &self,
        from: &PhotoOwner,
        to: &PhotoOwner,
        ids: &BTreeSet<PhotoId>,
    ) -> Result<(), StoreError> {
        create_private_dir(&self.photos_dir(to))?;
        for id in ids {
            for size in [PhotoSize::Thumbnail, PhotoSize::Full] {
                let source = self.photo_path(from, id, size);
                if !source.exists() {
                    continue;
                }
                let plain = self.read_photo(from, id, size)?;
                self.write_photo_bytes(to, id, size, &plain)?;
            }
        }
        Ok(())
    }

    /// Deletes the files in `owner`'s folder that belong to no photo of
    /// `keep` and are older than [`STALE_TEMPORARY`] (younger ones may be a
    /// photo being added by another copy of Vigie). Returns how many went.
    pub fn tidy_photos(&self, owner: &PhotoOwner, keep: &BTreeSet<PhotoId>) -> Result<usize, StoreError> {
        let dir = self.photos_dir(owner);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(StoreError::io(&dir, IoAction::Read, e)),
        };
        let now = SystemTime::now();
        let mut removed = 0;
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some((id, _)) = name.to_str().and_then(photo_id_of_file) else {
                continue;
            };
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMPORARY));
            if !keep.contains(&id) && old {
                let path = entry.path();
                fs::remove_file(&path).map_err(|e| StoreError::io(&path, IoAction::Write, e))?;
                removed += 1;
            }
        }
        if removed > 0 {
            sync_dir(&dir)?;
        }
        Ok(removed)
    }

    /// Reads a file of the data folder, decrypted if it is encrypted.
    pub fn read_private(&self, path: &Path) -> Result<Zeroizing<Vec<u8>>, StoreError> {
        let bytes = super::files::read_regular(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
        decode_with(&self.keys, path, bytes)
    }

    /// Writes a private file crash-safely, encrypted when encryption is on.
    pub fn write_private(&self, path: &Path, plain: &[u8]) -> Result<(), StoreError> {
        let bytes = encode_with(&self.keys, path, plain)?;
        write_atomic_with(path, &bytes, self.fault.as_deref())
    }

    /// Writes a file that is never encrypted (settings, checklists),
    /// crash-safely.
    pub fn write_public(&self, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
        write_atomic_with(path, bytes, self.fault.as_deref())
    }

    /// Whether the data folder is encrypted and locked: nothing private can
    /// be read or written.
    #[must_use]
    pub fn is_locked(&self) -> bool {
        matches!(self.keys, Keys::Locked)
    }

    /// The error the fault hook (tests) injects for writing `path`.
    pub(crate) fn injected_fault(&self, path: &Path) -> Option<io::ErrorKind> {
        self.fault.as_deref().and_then(|f| f(path))
    }

    /// The scrypt work factor to use for a passphrase-encrypted file.
    pub(crate) fn kdf_log_n(&self) -> Option<u8> {
        self.kdf_log_n
    }

    /// Deletes `owner`'s photo folder and everything in it.
    pub fn delete_photos(&self, owner: &PhotoOwner) -> Result<(), StoreError> {
        remove_dir_if_exists(&self.photos_dir(owner))
    }
}

/// The photo folder of `owner` under the data folder `root`.
pub(crate) fn photos_dir(root: &Path, owner: &PhotoOwner) -> PathBuf {
    match owner {
        PhotoOwner::Dossier(id) => root.join("dossiers").join(format!("{id}.{PHOTOS_EXT}")),
        PhotoOwner::Journal => root.join(JOURNAL_PHOTOS),
    }
}

/// The photo ids that have a file in `dir` (none when it does not exist).
pub(crate) fn ids_in(dir: &Path) -> Result<BTreeSet<PhotoId>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(StoreError::io(dir, IoAction::Read, e)),
    };
    Ok(entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(photo_id_of_file)
                .map(|(id, _)| id)
        })
        .collect())
}

/// Removes a folder and its content; a missing folder is fine.
pub(crate) fn remove_dir_if_exists(dir: &Path) -> Result<(), StoreError> {
    match fs::remove_dir_all(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(dir, IoAction::Write, e)),
    }
    match dir.parent() {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

impl Store {
    /// The data folder's files with the data key, for background threads
    /// (photos, handover and backup files). Holds a copy of the key: make
    /// a new one after [`Store::unlock`], drop it on [`Store::lock`].
    #[must_use]
    pub fn data_folder(&self) -> DataFolder {
        DataFolder {
            root: self.root.clone(),
            keys: self.keys.clone(),
            fault: self.fault.clone(),
            kdf_log_n: self.kdf_log_n,
        }
    }

    /// The photo folder of `owner`.
    #[must_use]
    pub fn photos_dir(&self, owner: &PhotoOwner) -> PathBuf {
        photos_dir(&self.root, owner)
    }

    /// Saves `dossier` as a new dossier, with copies of the photo files it
    /// refers to taken from `from` (a review started from a previous
    /// dossier, a copy). The photos are written first, then the dossier.
    pub fn create_with_photos_from(
        &mut self,
        dossier: &Dossier,
        from: &PhotoOwner,
    ) -> Result<DossierId, StoreError> {
        let id = self.fresh_id(dossier.created);
        let ids = dossier.photo_ids();
        if !ids.is_empty() {
            // The folder reserves the id (see `fresh_id`) while photos are
            // copied. A dossier without photos gets no folder.
            self.data_folder()
                .copy_photos(from, &PhotoOwner::Dossier(id.clone()), &ids)?;
        }
        self.save(&id, dossier)?;
        Ok(id)
    }

    /// After a dossier is loaded: brings back its photo folder if a crash
    /// left it on the other side of the trash, then deletes photo files it
    /// and its backup no longer refer to. Best effort: a failure leaves
    /// files in place, which is harmless.
    pub(super) fn settle_photos(&self, id: &DossierId, dossier: &Dossier) {
        let owner = PhotoOwner::Dossier(id.clone());
        let referenced = dossier.photo_ids();
        let dir = self.photos_dir(&owner);
        if !referenced.is_empty()
            && !dir.exists()
            && let Some(found) = self.find_orphan_photos(&referenced)
        {
            let _ = fs::rename(&found, &dir);
            let _ = sync_dir(&self.dossiers_dir());
            let _ = sync_dir(&self.trash_dir());
        }
        let Ok(on_disk) = ids_in(&dir) else {
            return;
        };
        if on_disk.is_subset(&referenced) {
            return;
        }
        let mut keep = referenced;
        let backup = self.backup_path(id);
        if backup.exists() {
            match self.read_dossier_file(&backup) {
                Ok(previous) => keep.extend(previous.photo_ids()),
                // A backup that cannot be read: keep every file.
                Err(_) => return,
            }
        }
        let _ = self.data_folder().tidy_photos(&owner, &keep);
    }

    /// A photo folder that no dossier file stands beside (left by a crash
    /// while a dossier moved to or from the trash) and that holds some of
    /// the photos `ids`.
    pub(super) fn find_orphan_photos(&self, ids: &BTreeSet<PhotoId>) -> Option<PathBuf> {
        for (dir, has_owner) in [
            (
                self.dossiers_dir(),
                &(|d: &Path, stem: &str| {
                    d.join(format!("{stem}.{DOSSIER_EXT}")).exists()
                        || d.join(format!("{stem}.{DOSSIER_EXT}.bak")).exists()
                }) as &dyn Fn(&Path, &str) -> bool,
            ),
            (
                self.trash_dir(),
                &(|d: &Path, stem: &str| d.join(format!("{stem}.{DOSSIER_EXT}")).exists()),
            ),
        ] {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            let mut candidates: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir() && p.extension().and_then(|e| e.to_str()) == Some(PHOTOS_EXT))
                .collect();
            candidates.sort();
            for candidate in candidates {
                let Some(stem) = candidate.file_stem().and_then(|s| s.to_str()) else {
                    continue;
                };
                if has_owner(&dir, stem) {
                    continue;
                }
                if ids_in(&candidate).is_ok_and(|found| !found.is_disjoint(ids)) {
                    return Some(candidate);
                }
            }
        }
        None
    }
}
