//! The trash: deleted dossiers are moved there with their backup and their
//! photos, can be listed, restored, or deleted for good.
//!
//! A trashed dossier is `trash/<id>-<YYYYmmdd-HHMMSS>.ron` (and `.ron.bak`,
//! and its photo folder `.photos/`); the name keeps the dossier's id and
//! when it was deleted. The dossier file moves first and its photo folder
//! last, both ways; a crash in between is mended when the dossier is next
//! loaded or restored (see [`super::PhotoOwner`]).

use std::fs;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::files::sync_dir;
use super::photos::{PHOTOS_EXT, remove_dir_if_exists};
use super::{DOSSIER_EXT, IoAction, PhotoOwner, Store, StoreError};
use crate::model::{Dossier, DossierId};

/// A trashed dossier's name in the trash folder: `<id>-<time>`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TrashedId(pub String);

impl std::fmt::Display for TrashedId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A dossier in the trash.
#[derive(Debug)]
pub struct Trashed {
    /// Its name in the trash.
    pub id: TrashedId,
    /// The id it had.
    pub dossier_id: DossierId,
    /// Its file.
    pub path: PathBuf,
    /// When it was deleted, if its name says.
    pub deleted: Option<DateTime<Utc>>,
    /// The dossier, or why it cannot be read.
    pub dossier: Result<Dossier, StoreError>,
}

impl Store {
    /// Moves a dossier (and its backup and photos) to the trash folder.
    /// Returns the dossier's new place.
    pub fn trash(&mut self, id: &DossierId, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let base = format!("{id}-{}", now.format("%Y%m%d-%H%M%S"));
        // Two deletions of one id within a second get different names.
        let mut name = base.clone();
        let mut n = 1;
        while self.trash_dir().join(format!("{name}.{DOSSIER_EXT}")).exists() {
            name = format!("{base}-{n}");
            n += 1;
        }
        let target = self.trash_dir().join(format!("{name}.{DOSSIER_EXT}"));
        let path = self.dossier_path(id);
        fs::rename(&path, &target).map_err(|e| StoreError::io(&path, IoAction::Move, e))?;
        let backup = self.backup_path(id);
        if backup.exists() {
            let backup_target = self.trash_dir().join(format!("{name}.{DOSSIER_EXT}.bak"));
            fs::rename(&backup, &backup_target).map_err(|e| StoreError::io(&backup, IoAction::Move, e))?;
        }
        let photos = self.photos_dir(&PhotoOwner::Dossier(id.clone()));
        if photos.exists() {
            let photos_target = self.trash_dir().join(format!("{name}.{PHOTOS_EXT}"));
            fs::rename(&photos, &photos_target).map_err(|e| StoreError::io(&photos, IoAction::Move, e))?;
        }
        sync_dir(&self.dossiers_dir())?;
        sync_dir(&self.trash_dir())?;
        self.stamps.remove(id);
        self.backed_up.remove(id);
        Ok(target)
    }

    /// Saves `dossier` over a file that changed on disk since it was
    /// opened (another copy of Vigie, `vigie attach`): the version on disk
    /// is first copied to the trash as a deleted dossier of its own (its
    /// photos stay with the dossier), so that nothing is lost; then the
    /// dossier is saved. Returns where the other version went.
    pub fn overwrite(
        &mut self,
        id: &DossierId,
        dossier: &Dossier,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, StoreError> {
        let path = self.dossier_path(id);
        let Some((stamp, bytes)) = super::files::Stamp::read(&path)? else {
            // Gone from the disk: nothing to set aside.
            self.stamps.remove(id);
            self.save(id, dossier)?;
            return Ok(path);
        };
        let base = format!("{id}-{}", now.format("%Y%m%d-%H%M%S"));
        let mut name = base.clone();
        let mut n = 1;
        while self.trash_dir().join(format!("{name}.{DOSSIER_EXT}")).exists() {
            name = format!("{base}-{n}");
            n += 1;
        }
        let aside = self.trash_dir().join(format!("{name}.{DOSSIER_EXT}"));
        super::files::write_atomic(&aside, &bytes)?;
        self.stamps.insert(id.clone(), stamp);
        self.save(id, dossier)?;
        Ok(aside)
    }

    /// What the trash holds, the most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<Trashed>, StoreError> {
        let dir = self.trash_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
        let mut list = Vec::new();
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
            let (dossier_id, deleted) = split_trashed_name(stem);
            list.push(Trashed {
                id: TrashedId(stem.to_owned()),
                dossier_id,
                dossier: self.read_dossier_file(&path),
                path,
                deleted,
            });
        }
        list.sort_by(|a, b| b.deleted.cmp(&a.deleted).then_with(|| a.id.cmp(&b.id)));
        Ok(list)
    }

    /// Brings a dossier back from the trash with its backup and photos,
    /// under its old id if it is free, else a new one. Returns its id.
    pub fn restore(&mut self, trashed: &TrashedId) -> Result<DossierId, StoreError> {
        let from = self.trash_dir().join(format!("{trashed}.{DOSSIER_EXT}"));
        let dossier = self.read_dossier_file(&from)?;
        let (old_id, _) = split_trashed_name(&trashed.0);
        let id = if self.dossier_path(&old_id).exists()
            || self.backup_path(&old_id).exists()
            || self.photos_dir(&PhotoOwner::Dossier(old_id.clone())).exists()
        {
            self.fresh_id(dossier.created)
        } else {
            old_id
        };
        let to = self.dossier_path(&id);
        fs::rename(&from, &to).map_err(|e| StoreError::io(&from, IoAction::Move, e))?;
        let backup = self.trash_dir().join(format!("{trashed}.{DOSSIER_EXT}.bak"));
        if backup.exists() {
            let backup_to = self.backup_path(&id);
            fs::rename(&backup, &backup_to).map_err(|e| StoreError::io(&backup, IoAction::Move, e))?;
        }
        let mut photos = self.trash_dir().join(format!("{trashed}.{PHOTOS_EXT}"));
        if !photos.exists()
            && let Some(found) = self.find_orphan_photos(&dossier.photo_ids())
        {
            // Left behind by a crash while the dossier was trashed.
            photos = found;
        }
        if photos.exists() {
            let photos_to = self.photos_dir(&PhotoOwner::Dossier(id.clone()));
            fs::rename(&photos, &photos_to).map_err(|e| StoreError::io(&photos, IoAction::Move, e))?;
        }
        sync_dir(&self.trash_dir())?;
        sync_dir(&self.dossiers_dir())?;
        Ok(id)
    }

    /// Deletes a trashed dossier (and its backup and photos) for good. The
    /// photos go first, so that a crash never leaves them without their
    /// dossier.
    pub fn delete_forever(&mut self, trashed: &TrashedId) -> Result<(), StoreError> {
        let photos = self.trash_dir().join(format!("{trashed}.{PHOTOS_EXT}"));
        if !photos.exists()
            && let Ok(dossier) =
                self.read_dossier_file(&self.trash_dir().join(format!("{trashed}.{DOSSIER_EXT}")))
            && let Some(found) = self.find_orphan_photos(&dossier.photo_ids())
        {
            // Left behind by a crash while the dossier was trashed.
            remove_dir_if_exists(&found)?;
        }
        remove_dir_if_exists(&photos)?;
        for ext in [DOSSIER_EXT.to_owned(), format!("{DOSSIER_EXT}.bak")] {
            let path = self.trash_dir().join(format!("{trashed}.{ext}"));
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::io(&path, IoAction::Write, e)),
            }
        }
        sync_dir(&self.trash_dir())
    }

    /// Deletes everything in the trash for good. Returns how many dossiers
    /// went.
    pub fn empty_trash(&mut self) -> Result<usize, StoreError> {
        let trashed = self.list_trash()?;
        for t in &trashed {
            self.delete_forever(&t.id)?;
        }
        Ok(trashed.len())
    }
}

/// Splits `<id>-<YYYYmmdd>-<HHMMSS>[-n]` into the dossier's id and when it
/// was deleted.
pub(crate) fn split_trashed_name(stem: &str) -> (DossierId, Option<DateTime<Utc>>) {
    let parts: Vec<&str> = stem.split('-').collect();
    // Find the last "<8 digits>-<6 digits>" pair: the deletion time.
    for i in (0..parts.len().saturating_sub(1)).rev() {
        let (day, time) = (parts[i], parts[i + 1]);
        let rest = &parts[i + 2..];
        let only_counter = rest.len() <= 1 && rest.iter().all(|r| r.bytes().all(|b| b.is_ascii_digit()));
        if i > 0
            && only_counter
            && day.len() == 8
            && time.len() == 6
            && let Ok(when) = NaiveDateTime::parse_from_str(&format!("{day}{time}"), "%Y%m%d%H%M%S")
        {
            return (DossierId(parts[..i].join("-")), Some(when.and_utc()));
        }
    }
    (DossierId(stem.to_owned()), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trashed_names_give_back_the_id_and_the_time() {
        let (id, when) = split_trashed_name("20261101-090000-20261201-101500");
        assert_eq!(id.as_str(), "20261101-090000");
        assert_eq!(when.unwrap().to_rfc3339(), "2026-12-01T10:15:00+00:00");
        let (id, when) = split_trashed_name("20261101-090000-2-20261201-101500-1");
        assert_eq!(id.as_str(), "20261101-090000-2");
        assert!(when.is_some());
        let (id, when) = split_trashed_name("odd");
        assert_eq!((id.as_str(), when), ("odd", None));
    }
}
