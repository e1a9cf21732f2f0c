//! Photos on items and on the journal's entries: what the window keeps of
//! them ([`Photos`]), what the user asks ([`PhotoCommand`], which names the
//! [`Album`] it is about) and how it is carried out. The strip of an item
//! card or of an entry is drawn by `photo_strip.rs`; the large view, files
//! dropped on the window and the photo dialogs by `photo_view.rs`.
//!
//! Adding runs as a task ([`PhotoImport`], on the `vigie-photo-import`
//! thread): the image files are prepared and written first (upright,
//! shrunk, no metadata, encrypted when encryption is on), then their
//! [`PhotoRef`]s are added to the dossier, or to the journal's entry being
//! written, which is saved as any change is. Thumbnails come from the
//! [`PhotoCache`].

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::photo_cache::PhotoCache;
use super::state::AppState;
use super::summary::Chosen;
use crate::i18n::Tr;
use crate::model::checklist::ItemId;
use crate::model::journal::{EntryDraft, EntryId};
use crate::model::{Dossier, DossierId, PhotoId, PhotoRef};
use crate::store::{DataFolder, PhotoFileError, PhotoOwner, StoreError};

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

/// Where photos are shown: an item of the open dossier, the journal's
/// entry being written, or an entry of the journal (looked at only: its
/// photos change through its form).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Album {
    /// An item of the open dossier.
    Item(ItemId),
    /// The journal's entry being written (new or changed).
    Draft,
    /// An entry of the journal, as saved.
    Entry(EntryId),
}

impl Album {
    /// Whether its photos can be added, captioned and removed here.
    #[must_use]
    pub fn is_editable(&self) -> bool {
        !matches!(self, Self::Entry(_))
    }
}

/// Where photos being added go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// An item of a dossier.
    Item(DossierId, ItemId),
    /// The journal's entry being written: this one, and no other begun
    /// since (a new entry's id is the same for all; the time it was begun
    /// tells them apart).
    Draft(EntryId, DateTime<Utc>),
}

impl Destination {
    /// The destination of photos added to `draft`.
    #[must_use]
    pub fn draft(draft: &EntryDraft) -> Self {
        Self::Draft(draft.entry.id.clone(), draft.entry.created)
    }

    /// The photo folder its files go to.
    #[must_use]
    pub fn owner(&self) -> PhotoOwner {
        match self {
            Self::Item(dossier, _) => PhotoOwner::Dossier(dossier.clone()),
            Self::Draft(..) => PhotoOwner::Journal,
        }
    }
}

/// Photos in the window: the textures, the photo shown large, the imports
/// under way, the file choosers.
#[derive(Debug, Default)]
pub struct Photos {
    /// The shown photos' textures: the open dossier's, or the journal's.
    pub cache: PhotoCache,
    /// The photo shown large, if any, and where it is.
    pub viewer: Option<(Album, PhotoId)>,
    /// Photos being added, by destination.
    pub adding: Vec<Adding>,
    /// The file choosers.
    pub choosers: Choosers,
}

/// Photos being added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adding {
    /// Where they go.
    pub to: Destination,
    /// How many files.
    pub files: usize,
}

impl Photos {
    /// How many photos are being added to `to`.
    #[must_use]
    pub fn adding_to(&self, to: &Destination) -> usize {
        self.adding.iter().filter(|a| &a.to == to).map(|a| a.files).sum()
    }
}

/// A photo just removed, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removed {
    /// From an item of a dossier.
    Item(DossierId, ItemId, PhotoRef),
    /// From the journal's entry being written, at this place.
    Draft(usize, PhotoRef),
}

/// What the user asked of photos.
#[derive(Debug)]
pub enum PhotoCommand {
    /// Add these image files to an item of the open dossier, or to the
    /// entry being written.
    Add {
        /// Where.
        to: Album,
        /// The files.
        files: Vec<PathBuf>,
    },
    /// No file chooser: ask for the photo's path.
    AskPath(Album),
    /// Change a photo's caption.
    SetCaption(Album, PhotoId, String),
    /// Ask before removing a photo.
    AskRemove(Album, PhotoId),
    /// Remove a photo (its files stay: *Undo* puts it back).
    Remove(Album, PhotoId),
    /// Put a photo just removed back where it was.
    PutBack(Removed),
    /// Show a photo large.
    Show(Album, PhotoId),
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
                | Self::Show(..)
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
        /// Where it goes.
        to: Album,
        /// The path typed.
        path: String,
    },
    /// Removing a photo.
    ConfirmRemove(Album, PhotoId),
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
    /// A photo was removed (*Undo* puts it back).
    Removed(Removed),
    /// Photos were ready after their entry was saved or dropped: they
    /// were not added (how many).
    EntryClosed(usize),
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
            Self::Removed(Removed::Item(..)) => p.removed.to_owned(),
            Self::Removed(Removed::Draft(..)) => p.removed_from_entry.to_owned(),
            Self::EntryClosed(n) => (p.entry_closed)(*n),
            Self::Crashed => p.import_crashed.to_owned(),
        }
    }
}

/// The disk work of adding photos to an item: each file prepared and
/// written; runs on any thread.
#[derive(Debug)]
pub struct PhotoImport {
    folder: DataFolder,
    to: Destination,
    files: Vec<PathBuf>,
    now: DateTime<Utc>,
}

/// What a [`PhotoImport`] did.
#[derive(Debug)]
pub struct PhotosAdded {
    /// Where they go.
    pub to: Destination,
    /// How many files were given.
    pub files: usize,
    /// The photos written, for the dossier to record.
    pub added: Vec<PhotoRef>,
    /// The files refused (nothing written for them).
    pub refused: Vec<PhotoFileError>,
}

impl PhotoImport {
    /// The work of writing `files` for `to`, added at `now`.
    #[must_use]
    pub fn new(folder: DataFolder, to: Destination, files: Vec<PathBuf>, now: DateTime<Utc>) -> Self {
        Self {
            folder,
            to,
            files,
            now,
        }
    }

    /// Prepares and writes each file; a refused one writes nothing.
    #[must_use]
    pub fn run(self) -> PhotosAdded {
        let owner = self.to.owner();
        let mut added = Vec::new();
        let mut refused = Vec::new();
        for file in &self.files {
            match self.folder.add_photo_file(&owner, file, "", self.now) {
                Ok(photo) => added.push(photo),
                Err(err) => refused.push(err),
            }
        }
        PhotosAdded {
            to: self.to,
            files: self.files.len(),
            added,
            refused,
        }
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
        folder.photo_for_report(&owner, photo)
    });
}
