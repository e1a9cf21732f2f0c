//! Photos on items: what the window keeps of them ([`Photos`]), what the
//! user asks ([`PhotoCommand`]) and how it is carried out. The strip of an
//! item card is drawn by `photo_strip.rs`; the large view, files dropped
//! on the window and the photo dialogs by `photo_view.rs`.
//!
//! Adding runs as a task ([`PhotoImport`], on the `vigie-photo-import`
//! thread): the image files are prepared and written first (upright,
//! shrunk, no metadata, encrypted when encryption is on), then their
//! [`PhotoRef`]s are added to the dossier, which is saved as any change is.
//! Thumbnails come from the [`PhotoCache`].

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::dialogs::Dialog;
use super::handle::mark_pending;
use super::photo_cache::PhotoCache;
use super::state::{AppState, Notice};
use super::summary::Chosen;
use super::tasks::{Job, TaskKind};
use crate::i18n::Tr;
use crate::model::checklist::ItemId;
use crate::model::{Dossier, DossierId, PhotoId, PhotoRef};
use crate::store::{DataFolder, PhotoFileError, PhotoOwner, PhotoSize, StoreError};

/// What the image file chooser gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Files to add.
    Files(Vec<PathBuf>),
    /// The user closed it.
    Cancelled,
    /// No chooser could be shown: the path is typed instead.
    NoDialog,
}

/// The system's file choosers (tests put stand-ins here).
#[derive(Clone, Copy)]
pub struct Choosers {
    /// Image files to add (the filter's name).
    pub images: fn(&str) -> Picked,
    /// A `.vigie` file to write (the file name proposed, the filter's name).
    pub save: fn(&str, &str) -> Chosen,
    /// A `.vigie` file to open (the filter's name).
    pub open: fn(&str) -> Chosen,
}

impl Default for Choosers {
    fn default() -> Self {
        Self {
            images: pick_images,
            save: super::archive_job::save_dialog,
            open: super::archive_job::open_dialog,
        }
    }
}

impl std::fmt::Debug for Choosers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Choosers")
    }
}

/// Photos in the window: the textures, the photo shown large, the imports
/// under way, the file choosers.
#[derive(Debug, Default)]
pub struct Photos {
    /// The open dossier's photos as textures.
    pub cache: PhotoCache,
    /// The photo shown large, if any.
    pub viewer: Option<PhotoId>,
    /// Photos being added, by dossier and item.
    pub adding: Vec<Adding>,
    /// The file choosers.
    pub choosers: Choosers,
}

/// Photos being added to an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adding {
    /// The dossier.
    pub dossier: DossierId,
    /// The item.
    pub item: ItemId,
    /// How many files.
    pub files: usize,
}

impl Photos {
    /// How many photos are being added to `item` of `dossier`.
    #[must_use]
    pub fn adding_to(&self, dossier: &DossierId, item: &ItemId) -> usize {
        self.adding
            .iter()
            .filter(|a| &a.dossier == dossier && &a.item == item)
            .map(|a| a.files)
            .sum()
    }
}

/// What the user asked of photos.
#[derive(Debug)]
pub enum PhotoCommand {
    /// Add these image files to an item of the open dossier.
    Add {
        /// The item.
        item: ItemId,
        /// The files.
        files: Vec<PathBuf>,
    },
    /// No file chooser: ask for the photo's path.
    AskPath(ItemId),
    /// Change a photo's caption.
    SetCaption(PhotoId, String),
    /// Ask before removing a photo.
    AskRemove(PhotoId),
    /// Remove a photo from the open dossier (its files stay: *Undo* puts
    /// it back).
    Remove(PhotoId),
    /// Put a photo just removed back on its item of its dossier.
    PutBack(DossierId, ItemId, PhotoRef),
    /// Show a photo large.
    Show(PhotoId),
    /// Close the large view.
    CloseViewer,
    /// Files were dropped where no item is shown.
    DroppedNowhere,
}

impl PhotoCommand {
    /// Whether it only changes the open dossier in memory or what is shown.
    #[must_use]
    pub fn edits_in_memory(&self) -> bool {
        matches!(
            self,
            Self::SetCaption(..)
                | Self::PutBack(..)
                | Self::Show(_)
                | Self::CloseViewer
                | Self::DroppedNowhere
        )
    }
}

/// A photo dialog.
#[derive(Debug)]
pub enum PhotoDialog {
    /// No file chooser opened: the photo's path, as typed.
    Path {
        /// The item it goes to.
        item: ItemId,
        /// The path typed.
        path: String,
    },
    /// Removing a photo.
    ConfirmRemove(PhotoId),
}

/// Something to tell about photos.
#[derive(Clone, Debug)]
pub enum PhotoNotice {
    /// Files refused (each error names its file); how many others were
    /// added.
    Refused {
        /// Why, file by file.
        errors: Vec<Arc<PhotoFileError>>,
        /// How many were added.
        added: usize,
    },
    /// Photos added to a dossier closed meanwhile (how many, its title).
    AddedTo(usize, String),
    /// The dossier could not take the photos.
    NotAdded(Arc<StoreError>),
    /// Files dropped where no item is shown.
    DropNowhere,
    /// A photo was removed from an item of a dossier (*Undo* puts it
    /// back).
    Removed(DossierId, ItemId, PhotoRef),
    /// The import stopped unexpectedly.
    Crashed,
}

impl PhotoNotice {
    /// Whether it reports a problem.
    #[must_use]
    pub fn is_error(&self) -> bool {
        !matches!(self, Self::AddedTo(..) | Self::DropNowhere | Self::Removed(..))
    }

    /// The notice in words.
    #[must_use]
    pub fn text(&self, t: &Tr) -> String {
        let p = t.photos;
        match self {
            Self::Refused { errors, added } => {
                let errors: Vec<String> = errors.iter().map(|e| (p.photo_error)(e)).collect();
                (p.refused)(&errors, *added)
            }
            Self::AddedTo(n, title) => (p.added_to)(*n, title),
            Self::NotAdded(err) => (p.not_added)(&(t.store_error)(err)),
            Self::DropNowhere => p.drop_nowhere.to_owned(),
            Self::Removed(..) => p.removed.to_owned(),
            Self::Crashed => p.import_crashed.to_owned(),
        }
    }
}

/// The disk work of adding photos to an item: each file prepared and
/// written; runs on any thread.
#[derive(Debug)]
pub struct PhotoImport {
    folder: DataFolder,
    dossier: DossierId,
    item: ItemId,
    files: Vec<PathBuf>,
    now: DateTime<Utc>,
}

/// What a [`PhotoImport`] did.
#[derive(Debug)]
pub struct PhotosAdded {
    /// The dossier.
    pub dossier: DossierId,
    /// The item.
    pub item: ItemId,
    /// How many files were given.
    pub files: usize,
    /// The photos written, for the dossier to record.
    pub added: Vec<PhotoRef>,
    /// The files refused (nothing written for them).
    pub refused: Vec<PhotoFileError>,
}

impl PhotoImport {
    /// Prepares and writes each file; a refused one writes nothing.
    #[must_use]
    pub fn run(self) -> PhotosAdded {
        let owner = PhotoOwner::Dossier(self.dossier.clone());
        let mut added = Vec::new();
        let mut refused = Vec::new();
        for file in &self.files {
            match self.folder.add_photo_file(&owner, file, "", self.now) {
                Ok(photo) => added.push(photo),
                Err(err) => refused.push(err),
            }
        }
        PhotosAdded {
            dossier: self.dossier,
            item: self.item,
            files: self.files.len(),
            added,
            refused,
        }
    }
}

impl AppState {
    /// Carries out a photo command.
    pub(super) fn handle_photo(&mut self, command: PhotoCommand) {
        let now = Utc::now();
        match command {
            PhotoCommand::Add { item, files } => {
                self.dialog = None;
                self.start_adding(item, files, now);
            }
            PhotoCommand::AskPath(item) => {
                self.dialog = Some(Dialog::Photo(PhotoDialog::Path {
                    item,
                    path: String::new(),
                }));
            }
            PhotoCommand::SetCaption(id, caption) => self.edit(|d| d.set_photo_caption(&id, &caption, now)),
            PhotoCommand::AskRemove(id) => {
                self.photos.viewer = None;
                self.dialog = Some(Dialog::Photo(PhotoDialog::ConfirmRemove(id)));
            }
            PhotoCommand::Remove(id) => {
                self.dialog = None;
                self.photos.viewer = None;
                let mut removed = None;
                self.edit(|d| {
                    removed = d.remove_photo(&id, now);
                    removed.is_some()
                });
                if let (Some((item, photo)), Some(session)) = (removed, &self.session) {
                    let dossier = session.id.clone();
                    self.notice = Some(Notice::Photo(PhotoNotice::Removed(dossier, item, photo)));
                }
                self.photos.cache.evict(&id);
            }
            PhotoCommand::PutBack(dossier, item, photo) => {
                self.notice = None;
                // Its files stay in the data folder while the dossier is
                // open, so the photo comes back whole.
                let open_without_it = self
                    .session
                    .as_ref()
                    .is_some_and(|s| s.id == dossier && s.dossier.find_photo(&photo.id).is_none());
                if open_without_it {
                    self.edit(|d| {
                        d.add_photo(&item, photo, now);
                        true
                    });
                }
            }
            PhotoCommand::Show(id) => self.photos.viewer = Some(id),
            PhotoCommand::CloseViewer => self.photos.viewer = None,
            PhotoCommand::DroppedNowhere => self.notice = Some(Notice::Photo(PhotoNotice::DropNowhere)),
        }
    }

    /// Starts preparing and writing `files` for `item` of the open dossier.
    fn start_adding(&mut self, item: ItemId, files: Vec<PathBuf>, now: DateTime<Utc>) {
        let Some(session) = &self.session else {
            return;
        };
        if files.is_empty() {
            return;
        }
        self.photos.adding.push(Adding {
            dossier: session.id.clone(),
            item: item.clone(),
            files: files.len(),
        });
        self.tasks.start(Job::Photos(PhotoImport {
            folder: self.store.data_folder(),
            dossier: session.id.clone(),
            item,
            files,
            now,
        }));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// Takes in photos written: recorded in their dossier (the open one, or
    /// the one that was open, loaded and saved); refused files said once.
    pub(super) fn finish_adding(&mut self, done: PhotosAdded) {
        let now = Utc::now();
        let mine = Adding {
            dossier: done.dossier.clone(),
            item: done.item.clone(),
            files: done.files,
        };
        if let Some(i) = self.photos.adding.iter().position(|a| *a == mine) {
            self.photos.adding.remove(i);
        }
        let count = done.added.len();
        if count > 0 {
            match &mut self.session {
                Some(session) if session.id == done.dossier => {
                    for photo in done.added {
                        session.dossier.add_photo(&done.item, photo, now);
                    }
                    mark_pending(&mut session.save);
                }
                _ => {
                    // The dossier was closed meanwhile: the photos go to its
                    // file, so that they are not lost.
                    let saved = self.store.load(&done.dossier).and_then(|mut dossier| {
                        for photo in done.added {
                            dossier.add_photo(&done.item, photo, now);
                        }
                        self.store.save(&done.dossier, &dossier).map(|()| dossier.title)
                    });
                    self.notice = Some(Notice::Photo(match saved {
                        Ok(title) => PhotoNotice::AddedTo(count, title),
                        Err(err) => PhotoNotice::NotAdded(Arc::new(err)),
                    }));
                }
            }
        }
        if !done.refused.is_empty() {
            self.notice = Some(Notice::Photo(PhotoNotice::Refused {
                errors: done.refused.into_iter().map(Arc::new).collect(),
                added: count,
            }));
        }
    }

    /// The photo import's thread stopped unexpectedly.
    pub(super) fn adding_crashed(&mut self) {
        if !self.tasks.is_running(TaskKind::Photos) {
            self.photos.adding.clear();
        }
        self.notice = Some(Notice::Photo(PhotoNotice::Crashed));
    }

    /// Before each frame: the textures of the open dossier's photos (see
    /// [`PhotoCache::pump`]).
    pub(super) fn pump_photos(&mut self, ctx: &egui::Context) {
        let owner = self.session.as_ref().map(|s| PhotoOwner::Dossier(s.id.clone()));
        if owner.is_none() {
            self.photos.viewer = None;
        }
        self.photos.cache.pump(ctx, &self.store, owner, &mut self.tasks);
    }

    /// Waits for the photos being added (before locking, before an
    /// encryption change) and takes them in.
    pub(super) fn finish_photo_imports(&mut self) {
        let done = self.tasks.wait_for(TaskKind::Photos);
        self.settle(done);
    }
}

/// Asks for image files with the system's file chooser; when none can be
/// shown, says so (a path is then typed).
pub fn pick_images(filter: &str) -> Picked {
    let started = std::time::Instant::now();
    let extensions = [
        "jpg", "jpeg", "png", "webp", "heic", "heif", "JPG", "JPEG", "PNG", "WEBP", "HEIC", "HEIF",
    ];
    match rfd::FileDialog::new()
        .add_filter(filter, &extensions)
        .pick_files()
    {
        Some(files) => Picked::Files(files),
        None if started.elapsed() < super::summary::NO_DIALOG_WITHIN => Picked::NoDialog,
        None => Picked::Cancelled,
    }
}

/// The photos of a full report, read from the data folder (decrypted);
/// a photo whose file cannot be read is left out. On the UI thread, as the
/// export itself: a few milliseconds a photo.
pub(super) fn attach_report_photos(
    state: &AppState,
    report: &mut crate::report::Report,
    id: &DossierId,
    dossier: &Dossier,
) {
    let folder = state.store.data_folder();
    let owner = PhotoOwner::Dossier(id.clone());
    crate::report::attach_photos(report, dossier, &state.library, state.lang, &mut |photo| {
        folder
            .read_photo(&owner, &photo.id, PhotoSize::Full)
            .ok()
            .map(|bytes| bytes.to_vec())
    });
}
