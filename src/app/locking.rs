//! Encryption in the application: unlocking (the key derived from the
//! passphrase on the `vigie-unlock` thread), locking by hand or when idle,
//! and turning encryption on or off or changing the passphrase (every file
//! converted on the `vigie-encrypt` thread, its progress shown).

use std::sync::Arc;
use std::time::{Duration, Instant};

use age::secrecy::SecretString;

use super::dialogs::{Dialog, SecurityError};
use super::state::{AppState, Notice, Resume, SaveState, Screen};
use super::tasks::Job;
use crate::passphrase::Strength;
use crate::store::{ConversionDone, ConversionProgress, DataKey, Encryption, EncryptionChange, StoreError};

impl AppState {
    /// Starts reading the data key with the passphrase.
    pub(super) fn unlock(&mut self, passphrase: SecretString) {
        if self.screen != Screen::Unlock || self.tasks.is_running(super::tasks::TaskKind::Unlock) {
            return;
        }
        self.unlock_error = None;
        self.tasks
            .start(Job::ReadKey(self.store.key_reader(), passphrase));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// Unlocks with the key read (or says why not), then shows what was
    /// shown before locking.
    pub(super) fn finish_unlock(&mut self, key: Result<DataKey, StoreError>) {
        let result = key.and_then(|key| self.store.unlock_with(key));
        if self.store.encryption() != Encryption::Unlocked {
            // Nothing was changed: say why and ask again.
            if let Err(err) = result {
                self.unlock_error = Some(Arc::new(err));
            }
            return;
        }
        self.views.unlock = super::security::UnlockDraft::default();
        self.unlock_error = None;
        self.screen = Screen::Home;
        self.last_activity = Instant::now();
        self.refresh_list();
        if let Err(err) = result {
            // The key is loaded, but a file left in plain text by an
            // interrupted conversion could not be encrypted.
            self.store_error(err);
        }
        match self.resume.take() {
            Some(Resume::Reopen(id, screen)) => {
                self.handle(super::command::Command::Open(id));
                if self.session.is_some() && matches!(screen, Screen::Dossier(_) | Screen::Summary) {
                    self.screen = screen;
                }
            }
            Some(Resume::Unsaved(session, screen)) => {
                self.session = Some(*session);
                self.screen = screen;
                self.flush();
            }
            Some(Resume::Screen(screen)) => {
                self.load_household_if_needed();
                self.screen = screen;
            }
            None => {}
        }
    }

    /// Saves the open dossier, forgets the key and shows the unlock screen.
    /// A dossier whose changes could not be saved is kept in memory, behind
    /// the unlock screen, so that nothing is lost.
    pub(super) fn lock(&mut self) {
        if self.store.encryption() != Encryption::Unlocked {
            return;
        }
        // Photos being added and files being written finish first (each
        // holds a copy of the key until it ends).
        self.finish_photo_imports();
        self.finish_archive_work();
        self.flush();
        let screen = self.screen;
        self.resume = match self.session.take() {
            Some(session) if session.save == SaveState::Saved => Some(Resume::Reopen(session.id, screen)),
            Some(session) => Some(Resume::Unsaved(Box::new(session), screen)),
            None if matches!(screen, Screen::Journal | Screen::Exposure) => Some(Resume::Screen(screen)),
            None => self.resume.take(),
        };
        self.forget_household();
        self.store.lock();
        // The photos' textures and the decoder's copy of the key go too.
        self.photos.cache.forget(&self.tasks);
        self.photos.viewer = None;
        self.dialog = None;
        self.overlay = None;
        self.notice = None;
        self.dossiers.clear();
        self.list_generation += 1;
        self.views = super::state::Views {
            home: std::mem::take(&mut self.views.home),
            journal: std::mem::take(&mut self.views.journal),
            exposure: std::mem::take(&mut self.views.exposure),
            ..super::state::Views::default()
        };
        self.screen = Screen::Unlock;
    }

    /// Locks the app if it was idle for the chosen time. Returns how long
    /// until it would lock, if it may.
    pub fn idle_lock(&mut self, now: Instant) -> Option<Duration> {
        if self.store.encryption() != Encryption::Unlocked {
            return None;
        }
        let deadline = self.last_activity + self.settings.idle_lock.duration()?;
        if now >= deadline {
            self.lock();
            None
        } else {
            Some(deadline - now)
        }
    }

    /// Turns encryption on, if the passphrase is strong enough.
    pub(super) fn enable_encryption(&mut self, passphrase: SecretString) {
        if !self.strong_enough(&passphrase) {
            return;
        }
        self.convert(EncryptionChange::Enable(passphrase));
    }

    /// Turns encryption off with the current passphrase.
    pub(super) fn disable_encryption(&mut self, passphrase: SecretString) {
        self.convert(EncryptionChange::Disable(passphrase));
    }

    /// Changes the passphrase, if the new one is strong enough.
    pub(super) fn change_passphrase(&mut self, current: SecretString, new: SecretString) {
        if !self.strong_enough(&new) {
            return;
        }
        self.convert(EncryptionChange::ChangePassphrase { current, new });
    }

    /// Whether a new passphrase is strong enough; the dialog says so if not
    /// (the view checks too, this is the rule).
    fn strong_enough(&mut self, passphrase: &SecretString) -> bool {
        use age::secrecy::ExposeSecret as _;
        if Strength::of(passphrase.expose_secret()).is_enough() {
            return true;
        }
        if let Some(Dialog::Security(dialog)) = &mut self.dialog {
            dialog.error = Some(SecurityError::TooWeak);
        }
        false
    }

    /// Starts an encryption change: the open dossier is saved first, then
    /// converted with every other file, on a thread.
    fn convert(&mut self, change: EncryptionChange) {
        // Photos being written with the old key are in before the change.
        self.finish_photo_imports();
        self.flush();
        let job = match self.store.conversion(change) {
            Ok(job) => job,
            Err(err) => return self.conversion_failed(err),
        };
        let progress = Arc::new(ConversionProgress::default());
        if let Some(Dialog::Security(dialog)) = &mut self.dialog {
            dialog.error = None;
            dialog.progress = Some(Arc::clone(&progress));
        }
        self.tasks.start(Job::Convert(job, progress));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// Takes in the outcome of an encryption change: closes the dialog and
    /// says what happened, or keeps it open with the error.
    pub(super) fn finish_conversion(&mut self, done: ConversionDone) {
        let before = self.store.encryption();
        match self.store.finish_conversion(done) {
            Ok(()) => {
                self.dialog = None;
                self.last_activity = Instant::now();
                self.notice = Some(match (before, self.store.encryption()) {
                    (Encryption::Off, _) => Notice::EncryptionEnabled,
                    (_, Encryption::Off) => Notice::EncryptionDisabled,
                    _ => Notice::PassphraseChanged,
                });
            }
            Err(err) => self.conversion_failed(err),
        }
        self.refresh_list();
    }

    /// An encryption change failed: the dialog says why.
    pub(super) fn conversion_failed(&mut self, err: StoreError) {
        match &mut self.dialog {
            Some(Dialog::Security(dialog)) => {
                use zeroize::Zeroize as _;
                // A wrong current passphrase is typed again; the new one
                // stays until the change is done.
                dialog.form.current.zeroize();
                dialog.progress = None;
                dialog.error = Some(SecurityError::Store(Arc::new(err)));
            }
            _ => self.store_error(err),
        }
    }
}
