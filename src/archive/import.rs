//! Importing a checked handover as a new dossier: its photos are written
//! first, then the dossier, under a fresh id ([`ImportJob`], on any
//! thread); [`Store::finish_import`] records the save and, when asked,
//! moves "the same dossier" already there to the trash (see
//! [`super::is_same_dossier`]).

use chrono::{DateTime, Utc};

use super::{ArchiveError, OpenedHandover, candidates, is_same_dossier};
use crate::model::{Dossier, DossierId};
use crate::store::{DataFolder, PhotoOwner, SaveDone, SaveJob, Store, StoreError};

/// What to do when the data folder already holds the same dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IfAlreadyThere {
    /// Keep it, and add the imported one beside it.
    KeepBoth,
    /// Move it (with its photos) to the trash once the imported one is
    /// saved.
    Replace,
}

/// The disk work of an import (see [`Store::import_job`]); may run on
/// another thread.
pub struct ImportJob {
    id: DossierId,
    dossier: Dossier,
    opened: OpenedHandover,
    folder: DataFolder,
    save: SaveJob,
}

impl std::fmt::Debug for ImportJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportJob")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// What an [`ImportJob`] did, for [`Store::finish_import`].
#[derive(Debug)]
pub struct ImportDone {
    id: DossierId,
    dossier: Dossier,
    result: Result<SaveDone, ArchiveError>,
}

/// A dossier imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Its id in this data folder.
    pub id: DossierId,
    /// The dossier.
    pub dossier: Dossier,
    /// The dossiers moved to the trash ([`IfAlreadyThere::Replace`]),
    /// with their titles.
    pub replaced: Vec<(DossierId, String)>,
}

impl ImportJob {
    /// Writes the photos, then the dossier. On failure, the photos written
    /// are removed: nothing is left.
    #[must_use]
    pub fn run(self) -> ImportDone {
        let owner = PhotoOwner::Dossier(self.id.clone());
        let photos = (|| {
            for ((photo, size), bytes) in &self.opened.photos {
                self.folder.write_photo_bytes(&owner, photo, *size, bytes)?;
            }
            Ok::<(), StoreError>(())
        })();
        let result = match photos {
            Ok(()) => Ok(self.save.run()),
            Err(e) => Err(e.into()),
        };
        let failed = match &result {
            Ok(done) => done.failed(),
            Err(_) => true,
        };
        if failed {
            let _ = self.folder.delete_photos(&owner);
        }
        ImportDone {
            id: self.id,
            dossier: self.dossier,
            result,
        }
    }
}

impl Store {
    /// The dossiers of the data folder that are the same dossier as
    /// `dossier` ([`super::is_same_dossier`]), with their titles: the ones
    /// that [`IfAlreadyThere::Replace`] sends to the trash.
    pub fn same_dossiers(&self, dossier: &Dossier) -> Result<Vec<(DossierId, String)>, StoreError> {
        let mut same = Vec::new();
        for id in candidates(&self.list()?, dossier) {
            let Ok(existing) = self.read_dossier_file(&self.dossier_path(&id)) else {
                continue;
            };
            if is_same_dossier(&existing, dossier) {
                same.push((id, existing.title));
            }
        }
        Ok(same)
    }

    /// Prepares the import of a checked handover as a new dossier, under a
    /// fresh id (reserved at once by its photo folder). [`ImportJob::run`]
    /// writes it, on any thread; [`Store::finish_import`] records it.
    pub fn import_job(&self, opened: OpenedHandover) -> Result<ImportJob, ArchiveError> {
        let dossier = opened.dossier.clone();
        let id = self.fresh_id(dossier.created);
        if !dossier.photos.is_empty() {
            // Reserves the id while the photos are written.
            crate::store::create_private_dir(&self.photos_dir(&PhotoOwner::Dossier(id.clone())))?;
        }
        let save = self.save_job(&id, &dossier)?;
        Ok(ImportJob {
            id,
            dossier,
            opened,
            folder: self.data_folder(),
            save,
        })
    }

    /// Records an import; with [`IfAlreadyThere::Replace`], moves the same
    /// dossier already there to the trash (after the new one is saved, so
    /// that a failure never loses both).
    pub fn finish_import(
        &mut self,
        done: ImportDone,
        choice: IfAlreadyThere,
        now: DateTime<Utc>,
    ) -> Result<Imported, ArchiveError> {
        let saved = done.result?;
        self.finish_save(saved)?;
        let mut replaced = Vec::new();
        if choice == IfAlreadyThere::Replace {
            for (id, title) in self.same_dossiers(&done.dossier)? {
                if id != done.id {
                    self.trash(&id, now)?;
                    replaced.push((id, title));
                }
            }
        }
        Ok(Imported {
            id: done.id,
            dossier: done.dossier,
            replaced,
        })
    }

    /// Imports a checked handover here and now ([`Store::import_job`], its
    /// run, then [`Store::finish_import`]).
    pub fn import_handover(
        &mut self,
        opened: OpenedHandover,
        choice: IfAlreadyThere,
        now: DateTime<Utc>,
    ) -> Result<Imported, ArchiveError> {
        let job = self.import_job(opened)?;
        let done = job.run();
        self.finish_import(done, choice, now)
    }
}
