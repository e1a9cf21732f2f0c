//! Saving the open dossier: the autosave (on the `vigie-save` thread in the
//! window), saving at once when leaving it or closing the window, and what a
//! failed save leaves (the changes in memory, said once, retried).

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::state::{AppState, Notice, SaveState};
use super::tasks::{Job, Outcome, TaskKind};

/// How often a background save is looked at until it ends.
pub const TASK_POLL: Duration = Duration::from_millis(15);

impl AppState {
    /// Starts the autosave if it is due. Returns how long to wait for the
    /// next look, if a save is pending.
    pub fn autosave(&mut self, now: Instant) -> Option<Duration> {
        let since = match self.session.as_ref()?.save {
            SaveState::Pending { since } => since,
            SaveState::Saved | SaveState::Failed => return None,
        };
        let due = since + self.autosave_delay;
        if now < due {
            return Some(due - now);
        }
        if self.tasks.is_running(TaskKind::Save) || self.tasks.is_running(TaskKind::Convert) {
            // The previous save, or an encryption change, is under way.
            return Some(TASK_POLL);
        }
        self.start_saving();
        None
    }

    /// Starts writing the open dossier as a task (see [`super::tasks`]).
    fn start_saving(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        match self.store.save_job(&session.id, &session.dossier) {
            Ok(job) => {
                // Changes made while it is written make it pending again.
                session.save = SaveState::Saved;
                self.tasks.start(Job::Save(job));
                let done = self.tasks.take_done();
                self.settle(done);
            }
            Err(err) => self.save_failed(err),
        }
    }

    /// Takes in the outcome of a background save once it has ended (with
    /// `wait`, waits for it), and of any other task that ended.
    pub fn finish_saving(&mut self, wait: bool) {
        let done = if wait {
            self.tasks.wait_for(TaskKind::Save)
        } else {
            self.tasks.take_done()
        };
        self.settle(done);
    }

    /// Carries out what finished tasks produced.
    pub(super) fn settle(&mut self, outcomes: Vec<Outcome>) {
        for outcome in outcomes {
            match outcome {
                Outcome::Saved(done) => match self.store.finish_save(done) {
                    Ok(()) => self.clear_error_notice(),
                    Err(err) => self.save_failed(err),
                },
                Outcome::KeyRead(key) => self.finish_unlock(key),
                Outcome::Converted(done) => self.finish_conversion(done),
                Outcome::PhotosAdded(done) => self.finish_adding(done),
                Outcome::Archive(done) => self.finish_archive(done),
                Outcome::Listed(list) => self.finish_listing(list),
                Outcome::Crashed(kind) => {
                    let path = match (&self.session, kind) {
                        (Some(session), TaskKind::Save) => self.store.dossier_path(&session.id),
                        _ => self.store.key_path(),
                    };
                    let err = Outcome::crash_error(kind, path);
                    match kind {
                        TaskKind::Save => self.save_failed(err),
                        TaskKind::Unlock => self.finish_unlock(Err(err)),
                        TaskKind::Convert => self.conversion_failed(err),
                        TaskKind::Photos => self.adding_crashed(),
                        TaskKind::Archive => self.archive_crashed(),
                        // Read here instead.
                        TaskKind::List => self.refresh_list(),
                    }
                }
            }
        }
    }

    fn clear_error_notice(&mut self) {
        if self.notice.as_ref().is_some_and(Notice::is_error) {
            self.notice = None;
        }
    }

    /// The last resort when Vigie must end without asking (a termination
    /// signal, a panic) while the open dossier's changes could not be
    /// saved: they are kept as a new dossier ("Copie de …", with copies of
    /// its photos) rather than lost. Does nothing otherwise; safe to call
    /// twice.
    pub fn rescue_unsaved(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        if session.save != SaveState::Failed {
            return;
        }
        let mut dossier = session.dossier.clone();
        dossier.title = (self.tr().copy_of)(&dossier.title);
        dossier.uid = Some(crate::model::dossier::new_uid());
        let from = crate::store::PhotoOwner::Dossier(session.id.clone());
        if let Ok(id) = self.store.create_with_photos_from(&dossier, &from)
            && let Some(session) = &mut self.session
        {
            session.id = id;
            session.dossier = dossier;
            session.save = SaveState::Saved;
        }
    }

    /// [`Self::save_failed`], for the command handler.
    pub(super) fn save_failed_now(&mut self, err: crate::store::StoreError) {
        self.save_failed(err);
    }

    /// The open dossier could not be saved: its changes stay in memory and
    /// the user is told.
    fn save_failed(&mut self, err: crate::store::StoreError) {
        if let Some(session) = &mut self.session {
            session.save = SaveState::Failed;
        }
        self.notice = Some(Notice::SaveFailed(Arc::new(err)));
    }

    /// Saves the open dossier now if it has unsaved changes (also on exit).
    /// Waits for a background save, and an encryption change, first.
    pub fn flush(&mut self) {
        let converted = self.tasks.wait_for(TaskKind::Convert);
        self.settle(converted);
        self.flush_household();
        self.finish_saving(true);
        let Some(session) = &mut self.session else {
            return;
        };
        if session.save == SaveState::Saved {
            return;
        }
        match self.store.save(&session.id, &session.dossier) {
            Ok(()) => {
                session.save = SaveState::Saved;
                self.clear_error_notice();
            }
            Err(err) => self.save_failed(err),
        }
    }
}
