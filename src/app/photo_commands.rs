//! How photo commands are carried out ([`AppState::handle_photo`]), on the
//! open dossier's items or on the journal's entry being written; photos
//! being added, started and taken in; the photo cache fed before each
//! frame.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::dialogs::Dialog;
use super::handle::mark_pending;
use super::photos::{
    Adding, Album, Destination, PhotoCommand, PhotoDialog, PhotoImport, PhotoNotice, PhotosAdded, Removed,
};
use super::state::{AppState, Notice, Screen};
use super::tasks::{Job, TaskKind};
use crate::model::journal::EntryDraft;
use crate::model::{PhotoId, PhotoRef};
use crate::store::PhotoOwner;

impl AppState {
    /// Carries out a photo command.
    pub(super) fn handle_photo(&mut self, command: PhotoCommand) {
        let now = Utc::now();
        match command {
            PhotoCommand::Add { to, files } => {
                self.dialog = None;
                self.start_adding(&to, files, now);
            }
            PhotoCommand::AskPath(to) => {
                self.dialog = Some(Dialog::Photo(PhotoDialog::Path {
                    to,
                    path: String::new(),
                }));
            }
            PhotoCommand::SetCaption(album, id, caption) => match album {
                Album::Item(_) => self.edit(|d| d.set_photo_caption(&id, &caption, now)),
                Album::Draft => self.edit_draft(false, |d| d.set_photo_caption(&id, &caption)),
                Album::Entry(_) => {}
            },
            PhotoCommand::AskRemove(album, id) => {
                self.photos.viewer = None;
                if album.is_editable() {
                    self.dialog = Some(Dialog::Photo(PhotoDialog::ConfirmRemove(album, id)));
                }
            }
            PhotoCommand::Remove(album, id) => {
                self.dialog = None;
                self.photos.viewer = None;
                let removed = match album {
                    Album::Item(_) => self.remove_dossier_photo(&id, now),
                    Album::Draft => {
                        let mut removed = None;
                        self.edit_draft(true, |d| {
                            removed = d.remove_photo(&id);
                            removed.is_some()
                        });
                        removed.map(|(index, photo)| Removed::Draft(index, photo))
                    }
                    Album::Entry(_) => None,
                };
                if let Some(removed) = removed {
                    self.notice = Some(Notice::Photo(PhotoNotice::Removed(removed)));
                }
                self.photos.cache.evict(&id);
            }
            PhotoCommand::PutBack(removed) => {
                self.notice = None;
                self.put_back(removed, now);
            }
            PhotoCommand::Show(album, id) => self.photos.viewer = Some((album, id)),
            PhotoCommand::CloseViewer => self.photos.viewer = None,
            PhotoCommand::DroppedNowhere => self.notice = Some(Notice::Photo(PhotoNotice::DropNowhere)),
        }
    }

    /// Changes the journal's entry being written with `change`, which
    /// returns whether anything changed; `at_once`: saved now rather than
    /// after the autosave delay.
    fn edit_draft(&mut self, at_once: bool, change: impl FnOnce(&mut EntryDraft) -> bool) {
        self.edit_journal(at_once, |j| j.draft.as_mut().is_some_and(change));
    }

    /// Takes photo `id` off its item of the open dossier.
    fn remove_dossier_photo(&mut self, id: &PhotoId, now: DateTime<Utc>) -> Option<Removed> {
        let mut removed = None;
        self.edit(|d| {
            removed = d.remove_photo(id, now);
            removed.is_some()
        });
        let (item, photo) = removed?;
        let dossier = self.session.as_ref()?.id.clone();
        Some(Removed::Item(dossier, item, photo))
    }

    /// Puts a photo just removed back where it was. Its files stay in the
    /// data folder while its dossier or entry is open, so it comes back
    /// whole.
    fn put_back(&mut self, removed: Removed, now: DateTime<Utc>) {
        match removed {
            Removed::Item(dossier, item, photo) => {
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
            Removed::Draft(index, photo) => self.edit_draft(true, |d| d.put_back_photo(index, photo)),
        }
    }

    /// Where photos added to `album` now would go, if anywhere.
    fn destination(&self, album: &Album) -> Option<Destination> {
        match album {
            Album::Item(item) => {
                let session = self.session.as_ref()?;
                Some(Destination::Item(session.id.clone(), item.clone()))
            }
            Album::Draft => {
                let journal = self.household.as_ref()?.journal.doc()?;
                journal.draft.as_ref().map(Destination::draft)
            }
            Album::Entry(_) => None,
        }
    }

    /// Starts preparing and writing `files` for `album`.
    fn start_adding(&mut self, album: &Album, files: Vec<PathBuf>, now: DateTime<Utc>) {
        let Some(to) = self.destination(album) else {
            return;
        };
        if files.is_empty() {
            return;
        }
        self.photos.adding.push(Adding {
            to: to.clone(),
            files: files.len(),
        });
        self.tasks.start(Job::Photos(PhotoImport::new(
            self.store.data_folder(),
            to,
            files,
            now,
        )));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// Takes in photos written: recorded where they go (the open dossier,
    /// or the one that was open, loaded and saved; the entry being
    /// written); refused files said once.
    pub(super) fn finish_adding(&mut self, done: PhotosAdded) {
        let now = Utc::now();
        let mine = Adding {
            to: done.to.clone(),
            files: done.files,
        };
        if let Some(i) = self.photos.adding.iter().position(|a| *a == mine) {
            self.photos.adding.remove(i);
        }
        let count = done.added.len();
        if count > 0 {
            match done.to {
                Destination::Item(dossier, item) => self.add_to_item(&dossier, &item, done.added, now),
                Destination::Draft(..) => self.add_to_draft(&mine.to, done.added),
            }
        }
        if !done.refused.is_empty() {
            self.notice = Some(Notice::Photo(PhotoNotice::Refused {
                errors: done.refused.into_iter().map(Arc::new).collect(),
                added: count,
            }));
        }
    }

    /// Records photos written for an item: in the open dossier, or in its
    /// file when it was closed meanwhile, so that they are not lost.
    fn add_to_item(
        &mut self,
        dossier: &crate::model::DossierId,
        item: &crate::model::checklist::ItemId,
        added: Vec<PhotoRef>,
        now: DateTime<Utc>,
    ) {
        let count = added.len();
        match &mut self.session {
            Some(session) if &session.id == dossier => {
                for photo in added {
                    session.dossier.add_photo(item, photo, now);
                }
                mark_pending(&mut session.save);
            }
            _ => {
                let saved = self.store.load(dossier).and_then(|mut d| {
                    for photo in added {
                        d.add_photo(item, photo, now);
                    }
                    self.store.save(dossier, &d).map(|()| d.title)
                });
                self.notice = Some(Notice::Photo(match saved {
                    Ok(title) => PhotoNotice::AddedTo(count, title),
                    Err(err) => PhotoNotice::NotAdded(Arc::new(err)),
                }));
            }
        }
    }

    /// Records photos written for the entry being written, when it is still
    /// the one they were added to; else says they were not added (their
    /// files, referred to by nothing, are deleted later).
    fn add_to_draft(&mut self, to: &Destination, added: Vec<PhotoRef>) {
        let count = added.len();
        let mut taken = false;
        self.edit_draft(true, |draft| {
            if Destination::draft(draft) != *to {
                return false;
            }
            draft.entry.photos.extend(added);
            taken = true;
            true
        });
        if !taken {
            self.notice = Some(Notice::Photo(PhotoNotice::EntryClosed(count)));
        }
    }

    /// The photo import's thread stopped unexpectedly.
    pub(super) fn adding_crashed(&mut self) {
        if !self.tasks.is_running(TaskKind::Photos) {
            self.photos.adding.clear();
        }
        self.notice = Some(Notice::Photo(PhotoNotice::Crashed));
    }

    /// Before each frame: the textures of the photos shown (see
    /// [`super::photo_cache::PhotoCache::pump`]): the open dossier's, or,
    /// on the journal's screen, the journal's.
    pub(super) fn pump_photos(&mut self, ctx: &egui::Context) {
        let owner = match &self.session {
            Some(session) => Some(PhotoOwner::Dossier(session.id.clone())),
            None if self.screen == Screen::Journal => Some(PhotoOwner::Journal),
            None => None,
        };
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
