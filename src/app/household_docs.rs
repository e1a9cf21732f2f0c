//! The household documents in the application: the log of suspicious
//! events and the exposure inventory, with the exposure sources, held in
//! [`AppState::household`] once read, beside the open dossier.
//!
//! They are read when first needed (the first frame, and again after an
//! unlock) and dropped from memory by a lock, like the dossier. Changes go
//! through [`AppState::handle`] (see `household_commands.rs`): a change of
//! structure (an entry saved or deleted, a member, a state, a re-check) is
//! written at once; text being typed (the entry's draft, a note, the
//! household's name) after the autosave delay, from `logic`. The files are
//! small, so they are written on the UI thread with
//! [`crate::store::Store::save_household`]. A file that fails to load
//! gets no handle, so it is never written over: its error is shown with
//! *Open the backup* and *Start over*.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::state::{AppState, Notice, SaveState};
use super::tasks::TaskKind;
use crate::exposure_library::ExposureLibrary;
use crate::model::exposure::Inventory;
use crate::model::journal::{Journal, Repeated, Verification};
use crate::report::Report;
use crate::store::{Encryption, HouseholdDoc, HouseholdFile, Store, StoreError};

/// Which household file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HouseholdFileKind {
    /// The log of suspicious events (`journal.ron`).
    Journal,
    /// The exposure inventory (`exposure.ron`).
    Inventory,
}

/// A household document read from its file, with the handle to save it.
#[derive(Debug)]
pub struct Doc<T> {
    /// The document, with the changes not yet saved.
    pub doc: T,
    /// Whether the changes are saved.
    pub save: SaveState,
    file: HouseholdFile<T>,
}

/// A household document, or why its file could not be read.
#[derive(Debug)]
pub enum Loaded<T> {
    /// Read (or new): it can be changed and saved.
    Open(Doc<T>),
    /// The file could not be read; it is left as it is.
    Failed(Arc<StoreError>),
}

impl<T> Loaded<T> {
    /// The document, if it was read.
    #[must_use]
    pub fn doc(&self) -> Option<&T> {
        self.open().map(|d| &d.doc)
    }

    /// The document and its save state, if it was read.
    #[must_use]
    pub fn open(&self) -> Option<&Doc<T>> {
        match self {
            Self::Open(doc) => Some(doc),
            Self::Failed(_) => None,
        }
    }

    fn open_mut(&mut self) -> Option<&mut Doc<T>> {
        match self {
            Self::Open(doc) => Some(doc),
            Self::Failed(_) => None,
        }
    }

    /// Why the file could not be read, if it could not.
    #[must_use]
    pub fn error(&self) -> Option<&StoreError> {
        match self {
            Self::Open(_) => None,
            Self::Failed(err) => Some(err),
        }
    }

    fn has_unsaved(&self) -> bool {
        self.open().is_some_and(|d| d.save != SaveState::Saved)
    }
}

/// The household's documents.
#[derive(Debug)]
pub struct HouseholdDocs {
    /// The log of suspicious events.
    pub journal: Loaded<Journal>,
    /// The exposure inventory.
    pub inventory: Loaded<Inventory>,
    /// The exposure sources: the built-in ones and the user's own.
    pub sources: ExposureLibrary,
    /// The plates, numbers and accounts seen in several entries (worked out
    /// again when the entries change).
    pub repeated: Vec<Repeated>,
    /// The check of the log's chain (done again when the entries change):
    /// a broken chain leaves the log read only, with a banner.
    pub check: Option<Verification>,
}

impl HouseholdDocs {
    /// Whether a document has changes not on disk.
    #[must_use]
    pub fn has_unsaved(&self) -> bool {
        self.journal.has_unsaved() || self.inventory.has_unsaved()
    }

    /// Whether the last save of a document failed.
    #[must_use]
    pub fn save_failed(&self) -> bool {
        self.journal.open().is_some_and(|d| d.save == SaveState::Failed)
            || self.inventory.open().is_some_and(|d| d.save == SaveState::Failed)
    }

    /// Works out again what is derived from the entries: what came back,
    /// and the check of the chain.
    pub fn refresh_repeated(&mut self) {
        self.repeated = self.journal.doc().map(Journal::repeated).unwrap_or_default();
        self.check = self.journal.doc().map(Journal::verify);
    }

    /// Whether the log can be changed: read, and its chain intact.
    #[must_use]
    pub fn journal_writable(&self) -> bool {
        self.journal.doc().is_some() && self.check.as_ref().is_none_or(Verification::is_intact)
    }
}

fn read<T: HouseholdDoc>(store: &Store) -> Loaded<T> {
    match store.load_household::<T>() {
        Ok((doc, file)) => Loaded::Open(Doc {
            doc,
            save: SaveState::Saved,
            file,
        }),
        Err(err) => Loaded::Failed(Arc::new(err)),
    }
}

/// A document taken from `result` (a backup opened, or started over).
fn opened<T>(doc: T, file: HouseholdFile<T>) -> Loaded<T> {
    // Written at once, so that the file is whole again.
    Loaded::Open(Doc {
        doc,
        save: SaveState::Pending {
            since: Instant::now(),
        },
        file,
    })
}

/// Marks a document changed.
fn mark_pending(save: &mut SaveState) {
    super::handle::mark_pending(save);
}

/// Saves `doc` if it has changes; returns the error, if any.
fn save_doc<T: HouseholdDoc>(store: &Store, doc: &mut Doc<T>) -> Option<StoreError> {
    if doc.save == SaveState::Saved {
        return None;
    }
    match store.save_household(&mut doc.file, &doc.doc) {
        Ok(()) => {
            doc.save = SaveState::Saved;
            None
        }
        Err(err) => {
            doc.save = SaveState::Failed;
            Some(err)
        }
    }
}

impl AppState {
    /// Reads the household documents if they are not in memory and the
    /// data folder is readable (not locked).
    pub fn load_household_if_needed(&mut self) {
        if self.household.is_some() || self.store.encryption() == Encryption::Locked {
            return;
        }
        let today = chrono::Local::now().date_naive();
        let mut docs = HouseholdDocs {
            journal: read(&self.store),
            inventory: read(&self.store),
            sources: ExposureLibrary::load(Some(&self.store.exposure_sources_dir()), today),
            repeated: Vec::new(),
            check: None,
        };
        docs.refresh_repeated();
        self.household = Some(docs);
    }

    /// Reads a household file again (after it was fixed by hand).
    pub(super) fn reload_household(&mut self, kind: HouseholdFileKind) {
        let Some(docs) = &mut self.household else {
            return self.load_household_if_needed();
        };
        match kind {
            HouseholdFileKind::Journal if !docs.journal.has_unsaved() => {
                docs.journal = read(&self.store);
                docs.refresh_repeated();
            }
            HouseholdFileKind::Inventory if !docs.inventory.has_unsaved() => {
                docs.inventory = read(&self.store);
            }
            _ => {}
        }
    }

    /// Opens a damaged household file's backup, or starts it over empty
    /// (`backup` false); the damaged file is moved aside into the trash.
    pub(super) fn replace_household(&mut self, kind: HouseholdFileKind, backup: bool) {
        self.load_household_if_needed();
        let now = chrono::Utc::now();
        let store = &self.store;
        let Some(docs) = &mut self.household else {
            return;
        };
        let result = match kind {
            HouseholdFileKind::Journal => {
                let loaded = if backup {
                    store.load_household_backup::<Journal>(now)
                } else {
                    store.start_household_over::<Journal>(now)
                };
                loaded.map(|(doc, file)| {
                    let aside = file.set_aside().map(std::path::Path::to_path_buf);
                    docs.journal = opened(doc, file);
                    docs.refresh_repeated();
                    aside
                })
            }
            HouseholdFileKind::Inventory => {
                let loaded = if backup {
                    store.load_household_backup::<Inventory>(now)
                } else {
                    store.start_household_over::<Inventory>(now)
                };
                loaded.map(|(doc, file)| {
                    let aside = file.set_aside().map(std::path::Path::to_path_buf);
                    docs.inventory = opened(doc, file);
                    aside
                })
            }
        };
        match result {
            Ok(aside) => {
                self.flush_household();
                if let Some(aside) = aside {
                    self.notice = Some(Notice::BackupOpened(aside));
                }
            }
            Err(err) => self.store_error(err),
        }
    }

    /// Changes the journal with `change`, which returns whether anything
    /// changed; the change is saved at once (`at_once`) or after the
    /// autosave delay (text being typed).
    pub(super) fn edit_journal(&mut self, at_once: bool, change: impl FnOnce(&mut Journal) -> bool) {
        let Some(docs) = &mut self.household else {
            return;
        };
        let Some(doc) = docs.journal.open_mut() else {
            return;
        };
        if !change(&mut doc.doc) {
            return;
        }
        mark_pending(&mut doc.save);
        if at_once {
            docs.refresh_repeated();
            self.save_household_now();
        }
    }

    /// Changes the inventory with `change` (given the sources), which
    /// returns whether anything changed; saved as [`AppState::edit_journal`]
    /// does.
    pub(super) fn edit_inventory(
        &mut self,
        at_once: bool,
        change: impl FnOnce(&mut Inventory, &ExposureLibrary) -> bool,
    ) {
        let Some(docs) = &mut self.household else {
            return;
        };
        let HouseholdDocs {
            inventory, sources, ..
        } = docs;
        let Some(doc) = inventory.open_mut() else {
            return;
        };
        if !change(&mut doc.doc, sources) {
            return;
        }
        mark_pending(&mut doc.save);
        if at_once {
            self.save_household_now();
        }
    }

    /// Saves the household documents now, unless an encryption change is
    /// under way (the autosave then saves them once it is done).
    fn save_household_now(&mut self) {
        if !self.tasks.is_running(TaskKind::Convert) {
            self.write_household();
        }
    }

    /// Saves the household documents that have changes: waits for an
    /// encryption change first. Run by [`AppState::flush`] (leaving,
    /// locking, closing) and by *Try again*.
    pub fn flush_household(&mut self) {
        let converted = self.tasks.wait_for(TaskKind::Convert);
        self.settle(converted);
        self.write_household();
    }

    /// Saves the documents whose autosave is due.
    pub fn household_autosave(&mut self, now: Instant) {
        let Some(docs) = &self.household else {
            return;
        };
        let due = |save: &SaveState| matches!(save, SaveState::Pending { since } if *since + self.autosave_delay <= now);
        let journal = docs.journal.open().is_some_and(|d| due(&d.save));
        let inventory = docs.inventory.open().is_some_and(|d| due(&d.save));
        if (journal || inventory) && !self.tasks.is_running(TaskKind::Convert) {
            self.write_household();
        }
    }

    /// How long until a household document's autosave is due.
    #[must_use]
    pub fn household_wake_after(&self, now: Instant) -> Option<Duration> {
        let docs = self.household.as_ref()?;
        let wait = |save: &SaveState| match save {
            SaveState::Pending { since } => {
                Some((*since + self.autosave_delay).saturating_duration_since(now))
            }
            SaveState::Saved | SaveState::Failed => None,
        };
        let journal = docs.journal.open().and_then(|d| wait(&d.save));
        let inventory = docs.inventory.open().and_then(|d| wait(&d.save));
        [journal, inventory].into_iter().flatten().min().map(|wait| {
            if wait.is_zero() && self.tasks.is_running(TaskKind::Convert) {
                super::saving::TASK_POLL
            } else {
                wait
            }
        })
    }

    /// Whether the last save of a household document failed.
    #[must_use]
    pub fn household_save_failed(&self) -> bool {
        self.household.as_ref().is_some_and(HouseholdDocs::save_failed)
    }

    fn write_household(&mut self) {
        let Some(docs) = &mut self.household else {
            return;
        };
        let mut errors = Vec::new();
        if let Some(doc) = docs.journal.open_mut() {
            errors.extend(save_doc(&self.store, doc));
        }
        if let Some(doc) = docs.inventory.open_mut() {
            errors.extend(save_doc(&self.store, doc));
        }
        if let Some(err) = errors.into_iter().next() {
            self.notice = Some(Notice::SaveFailed(Arc::new(err)));
        } else if matches!(self.notice, Some(Notice::SaveFailed(_)))
            && !self.session.as_ref().is_some_and(|s| s.save == SaveState::Failed)
        {
            self.notice = None;
        }
    }

    /// Forgets the household documents, as a lock does: they are saved
    /// first; ones whose changes could not be saved stay in memory, behind
    /// the unlock screen, so that nothing is lost.
    pub(super) fn forget_household(&mut self) {
        if !self.household.as_ref().is_some_and(HouseholdDocs::has_unsaved) {
            self.household = None;
        }
    }

    /// Adds the exposure inventory to a full report (any other profile is
    /// left without it).
    pub(super) fn add_household_to_report(&self, report: &mut Report) {
        let Some(docs) = &self.household else {
            return;
        };
        if let Some(inventory) = docs.inventory.doc() {
            let today = chrono::Local::now().date_naive();
            crate::report::exposure::add_exposure(report, inventory, &docs.sources.sources, self.lang, today);
        }
    }
}
