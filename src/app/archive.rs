//! The `.vigie` files in the window: *Hand over…* (the summary screen),
//! *Import a dossier…*, *Back up everything…* and *Restore…* (the home
//! screen). Each is a dialog ([`ArchiveDialog`]) whose slow work (scrypt,
//! then every file) runs as a task on the `vigie-archive` thread
//! ([`ArchiveJob`], in `archive_job.rs`); reading a file shows what it holds before anything is
//! written, and a choice (keep both or replace, restore) writes it.
//!
//! The passphrase chosen for a file is checked as for encryption at rest
//! (strength shown, weak ones refused, typed twice); passphrases are typed
//! into [`Zeroizing`] strings and sent as [`SecretString`]s.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use zeroize::{Zeroize as _, Zeroizing};

use super::archive_job::{ArchiveJob, ArchiveOutcome, documents};
use super::dialogs::Dialog;
use super::photos::Choosers;
use super::security::SecurityForm;
use super::state::{AppState, Notice};
use super::summary::file_stem;
use super::tasks::{Job, TaskKind};
use crate::archive::{ArchiveError, BackupOptions, IfAlreadyThere, OpenedBackup, OpenedHandover};
use crate::i18n::Tr;

/// Which `.vigie` file work a dialog does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArchiveAction {
    /// Write the open dossier's handover file.
    Handover,
    /// Read a handover file and add its dossier.
    Import,
    /// Write a backup of the whole data folder.
    Backup,
    /// Read a backup and restore it beside what is here.
    Restore,
}

impl ArchiveAction {
    /// Whether it writes a file (else it reads one).
    #[must_use]
    pub fn writes(self) -> bool {
        matches!(self, Self::Handover | Self::Backup)
    }
}

/// What the user asked of `.vigie` files.
#[derive(Debug)]
pub enum ArchiveCommand {
    /// Open the dialog of this action.
    Ask(ArchiveAction),
    /// Write the open dossier's handover file.
    WriteHandover {
        /// Where.
        path: PathBuf,
        /// The passphrase chosen for it.
        passphrase: SecretString,
    },
    /// Write a backup of everything.
    WriteBackup {
        /// Where.
        path: PathBuf,
        /// The passphrase chosen for it.
        passphrase: SecretString,
        /// Whether the trash goes in.
        include_trash: bool,
    },
    /// Read and check a handover file (nothing written).
    OpenHandover {
        /// The file.
        path: PathBuf,
        /// Its passphrase.
        passphrase: SecretString,
    },
    /// Read, check and stage a backup (nothing written in place).
    OpenBackup {
        /// The file.
        path: PathBuf,
        /// Its passphrase.
        passphrase: SecretString,
    },
    /// Import the handover file opened in the dialog.
    Import(IfAlreadyThere),
    /// Restore the backup opened in the dialog.
    Restore,
}

/// Why a `.vigie` dialog could not go on.
#[derive(Clone, Debug)]
pub enum ArchiveProblem {
    /// The passphrase chosen is too easy to guess.
    TooWeak,
    /// It was typed differently twice.
    Differ,
    /// No file was given.
    NoPath,
    /// The file could not be written or read.
    File(Arc<ArchiveError>),
    /// The work stopped unexpectedly.
    Crashed,
}

impl ArchiveProblem {
    /// The problem in words.
    #[must_use]
    pub fn text(&self, t: &Tr) -> String {
        match self {
            Self::TooWeak => t.passphrase_too_weak.to_owned(),
            Self::Differ => t.passphrases_differ.to_owned(),
            Self::NoPath => t.archive.need_path.to_owned(),
            Self::File(err) => (t.archive.archive_error)(err),
            Self::Crashed => t.archive.archive_crashed.to_owned(),
        }
    }
}

/// A file read and checked, waiting for the user's choice.
pub enum Opened {
    /// A handover: its dossier, and the titles of the same dossier already
    /// here.
    Handover(Box<OpenedHandover>, Vec<String>),
    /// A backup, staged.
    Backup(Box<OpenedBackup>),
}

/// A `.vigie` dialog: what is typed, and where the work stands.
pub struct ArchiveDialog {
    /// What it does.
    pub action: ArchiveAction,
    /// The file, as typed or chosen.
    pub path: String,
    /// The passphrase chosen for a file written, twice, with its strength.
    pub form: SecurityForm,
    /// The passphrase of a file read.
    pub passphrase: Zeroizing<String>,
    /// A backup includes the trash.
    pub include_trash: bool,
    /// A handover: the dossier's title and how many photos it has.
    pub dossier: (String, usize),
    /// How many dossiers the data folder holds (what a restore will do).
    pub existing: usize,
    /// Work under way on the file.
    pub busy: bool,
    /// The file chooser could not open: the path is typed.
    pub no_chooser: bool,
    /// Why the last attempt failed.
    pub error: Option<ArchiveProblem>,
    /// The file read, waiting for a choice.
    pub opened: Option<Opened>,
    /// The file choosers.
    pub choosers: Choosers,
}

impl std::fmt::Debug for ArchiveDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArchiveDialog")
            .field("action", &self.action)
            .field("path", &self.path)
            .field("busy", &self.busy)
            .field("error", &self.error)
            .field("opened", &self.opened.is_some())
            .finish_non_exhaustive()
    }
}

impl ArchiveDialog {
    fn new(action: ArchiveAction, path: String, choosers: Choosers) -> Self {
        Self {
            action,
            path,
            form: SecurityForm::default(),
            passphrase: Zeroizing::default(),
            include_trash: true,
            dossier: (String::new(), 0),
            existing: 0,
            busy: false,
            no_chooser: false,
            error: None,
            opened: None,
            choosers,
        }
    }

    /// A file dropped on the window while the dialog is open: the file to
    /// open, when it reads one and has not read it yet.
    pub fn dropped(&mut self, path: &Path) {
        if !self.action.writes() && self.opened.is_none() && !self.busy {
            self.path = path.display().to_string();
            self.no_chooser = false;
        }
    }
}

/// Something to tell about `.vigie` files.
#[derive(Clone, Debug)]
pub enum ArchiveNotice {
    /// A handover file was written (where, how many photos).
    HandedOver(PathBuf, usize),
    /// A dossier was imported (its title, how many were replaced).
    Imported(String, Vec<String>),
    /// A backup was written (where, files, photos, files of the folder
    /// left out because a backup cannot hold them).
    BackedUp(PathBuf, usize, usize, Vec<String>),
    /// A backup was restored (dossiers, trashed, files kept).
    Restored(usize, usize, usize),
    /// The work failed after its dialog was closed.
    Failed(ArchiveProblem),
}

impl ArchiveNotice {
    /// Whether it reports a problem.
    #[must_use]
    pub fn is_error(&self) -> bool {
        matches!(self, Self::Failed(_))
    }

    /// The notice in words.
    #[must_use]
    pub fn text(&self, t: &Tr) -> String {
        let p = t.archive;
        match self {
            Self::HandedOver(path, photos) => (p.handed_over)(&path.display().to_string(), *photos),
            Self::Imported(title, replaced) => (p.imported)(title, &replaced.join(", "), replaced.len()),
            Self::BackedUp(path, files, photos, left_out) => {
                let mut text = (p.backed_up)(&path.display().to_string(), *files, *photos);
                if !left_out.is_empty() {
                    text.push(' ');
                    text.push_str(&(p.backup_left_out)(&left_out.join(", ")));
                }
                text
            }
            Self::Restored(dossiers, trashed, kept) => (p.restored)(*dossiers, *trashed, *kept),
            Self::Failed(problem) => problem.text(t),
        }
    }
}

impl AppState {
    /// Carries out a `.vigie` command.
    pub(super) fn handle_archive(&mut self, command: ArchiveCommand) {
        let now = Utc::now();
        match command {
            ArchiveCommand::Ask(action) => self.ask_archive(action, now),
            ArchiveCommand::WriteHandover { path, passphrase } => {
                if !self.file_passphrase_ok(&passphrase) {
                    return;
                }
                self.flush();
                let Some(session) = &self.session else {
                    return;
                };
                let job = ArchiveJob::Handover {
                    folder: self.store.data_folder(),
                    id: session.id.clone(),
                    dossier: Box::new(session.dossier.clone()),
                    path,
                    passphrase,
                    now,
                };
                self.start_archive(job);
            }
            ArchiveCommand::WriteBackup {
                path,
                passphrase,
                include_trash,
            } => {
                if !self.file_passphrase_ok(&passphrase) {
                    return;
                }
                self.flush();
                let job = ArchiveJob::Backup {
                    folder: self.store.data_folder(),
                    path,
                    passphrase,
                    options: BackupOptions { include_trash },
                    now,
                };
                self.start_archive(job);
            }
            ArchiveCommand::OpenHandover { path, passphrase } => {
                self.start_archive(ArchiveJob::OpenHandover { path, passphrase });
            }
            ArchiveCommand::OpenBackup { path, passphrase } => {
                let folder = self.store.data_folder();
                self.start_archive(ArchiveJob::OpenBackup {
                    folder,
                    path,
                    passphrase,
                });
            }
            ArchiveCommand::Import(choice) => {
                let Some(Dialog::Archive(dialog)) = &mut self.dialog else {
                    return;
                };
                let Some(Opened::Handover(opened, _)) = dialog.opened.take() else {
                    return;
                };
                match self.store.import_job(*opened) {
                    Ok(job) => self.start_archive(ArchiveJob::Import(Box::new(job), choice)),
                    Err(err) => self.archive_failed(err),
                }
            }
            ArchiveCommand::Restore => {
                let Some(Dialog::Archive(dialog)) = &mut self.dialog else {
                    return;
                };
                let Some(Opened::Backup(opened)) = dialog.opened.take() else {
                    return;
                };
                let folder = self.store.data_folder();
                self.start_archive(ArchiveJob::Restore { folder, opened });
            }
        }
    }

    fn ask_archive(&mut self, action: ArchiveAction, now: DateTime<Utc>) {
        let t = self.tr();
        let choosers = self.photos.choosers;
        let dialog = match action {
            ArchiveAction::Handover => {
                let Some(session) = &self.session else {
                    return;
                };
                let title = session.dossier.title.clone();
                let name = format!("{}.{}", file_stem(&title), crate::archive::EXTENSION);
                let mut dialog =
                    ArchiveDialog::new(action, documents().join(name).display().to_string(), choosers);
                dialog.dossier = (title, session.dossier.photo_count());
                dialog
            }
            ArchiveAction::Backup => {
                let day = now.with_timezone(&chrono::Local).format("%Y-%m-%d");
                let name = format!("{}-{day}.{}", t.archive.backup_file, crate::archive::EXTENSION);
                ArchiveDialog::new(action, documents().join(name).display().to_string(), choosers)
            }
            ArchiveAction::Import | ArchiveAction::Restore => {
                let mut dialog = ArchiveDialog::new(action, String::new(), choosers);
                dialog.existing = self.dossiers.len();
                dialog
            }
        };
        self.dialog = Some(Dialog::Archive(Box::new(dialog)));
    }

    /// Whether a passphrase chosen for a file is strong enough; the dialog
    /// says so if not (the view checks too, this is the rule).
    fn file_passphrase_ok(&mut self, passphrase: &SecretString) -> bool {
        if crate::archive::check_passphrase(passphrase).is_ok() {
            return true;
        }
        if let Some(Dialog::Archive(dialog)) = &mut self.dialog {
            dialog.error = Some(ArchiveProblem::TooWeak);
        }
        false
    }

    /// Starts the work, the dialog showing it under way.
    fn start_archive(&mut self, job: ArchiveJob) {
        if let Some(Dialog::Archive(dialog)) = &mut self.dialog {
            dialog.busy = true;
            dialog.error = None;
            dialog.no_chooser = false;
        }
        self.tasks.start(Job::Archive(job));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// The dialog open, if it is a `.vigie` one.
    fn archive_dialog(&mut self) -> Option<&mut ArchiveDialog> {
        match &mut self.dialog {
            Some(Dialog::Archive(dialog)) => Some(dialog),
            _ => None,
        }
    }

    /// The work failed: the dialog says why (or a notice, when it was
    /// closed meanwhile). A wrong passphrase is typed again.
    fn archive_failed(&mut self, err: ArchiveError) {
        let wrong = matches!(err, ArchiveError::WrongPassphrase { .. });
        let problem = ArchiveProblem::File(Arc::new(err));
        match self.archive_dialog() {
            Some(dialog) => {
                dialog.busy = false;
                if wrong {
                    dialog.passphrase.zeroize();
                }
                dialog.error = Some(problem);
            }
            None => self.notice = Some(Notice::Archive(ArchiveNotice::Failed(problem))),
        }
    }

    /// The `.vigie` thread stopped unexpectedly.
    pub(super) fn archive_crashed(&mut self) {
        match self.archive_dialog() {
            Some(dialog) => {
                dialog.busy = false;
                dialog.error = Some(ArchiveProblem::Crashed);
            }
            None => {
                self.notice = Some(Notice::Archive(ArchiveNotice::Failed(ArchiveProblem::Crashed)));
            }
        }
    }

    /// Closes the dialog and says what was done.
    fn archive_done(&mut self, notice: ArchiveNotice) {
        if matches!(self.dialog, Some(Dialog::Archive(_))) {
            self.dialog = None;
        }
        self.notice = Some(Notice::Archive(notice));
    }

    /// Takes in what the `.vigie` work produced.
    pub(super) fn finish_archive(&mut self, outcome: ArchiveOutcome) {
        match outcome {
            ArchiveOutcome::Written(action, Ok(written)) => self.archive_done(match action {
                ArchiveAction::Backup => ArchiveNotice::BackedUp(
                    written.path,
                    written.entries,
                    written.photos,
                    written.left_out.into_iter().map(|(name, _)| name).collect(),
                ),
                _ => ArchiveNotice::HandedOver(written.path, written.photos),
            }),
            ArchiveOutcome::HandoverOpened(Ok(opened)) => {
                let same: Vec<String> = match self.store.same_dossiers(&opened.dossier) {
                    Ok(same) => same.into_iter().map(|(_, title)| title).collect(),
                    Err(err) => return self.archive_failed(err.into()),
                };
                if let Some(dialog) = self.archive_dialog() {
                    dialog.busy = false;
                    dialog.passphrase.zeroize();
                    dialog.opened = Some(Opened::Handover(opened, same));
                }
            }
            ArchiveOutcome::BackupOpened(Ok(opened)) => {
                let existing = self.dossiers.len();
                if let Some(dialog) = self.archive_dialog() {
                    dialog.busy = false;
                    dialog.passphrase.zeroize();
                    dialog.existing = existing;
                    dialog.opened = Some(Opened::Backup(opened));
                }
            }
            ArchiveOutcome::Imported(done, choice) => {
                let result = self.store.finish_import(*done, choice, Utc::now());
                self.refresh_list();
                match result {
                    Ok(imported) => self.archive_done(ArchiveNotice::Imported(
                        imported.dossier.title,
                        imported.replaced.into_iter().map(|(_, title)| title).collect(),
                    )),
                    Err(err) => self.archive_failed(err),
                }
            }
            ArchiveOutcome::Restored(Ok(restored)) => {
                // Checklists and settings restored where there were none.
                self.library = crate::library::Library::load(Some(&self.store.checklists_dir()));
                if let Ok(settings) = self.store.load_settings() {
                    self.settings = settings;
                }
                self.refresh_list();
                self.archive_done(ArchiveNotice::Restored(
                    restored.dossiers.len(),
                    restored.trashed,
                    restored.kept_existing.len(),
                ));
            }
            ArchiveOutcome::Written(_, Err(err))
            | ArchiveOutcome::HandoverOpened(Err(err))
            | ArchiveOutcome::BackupOpened(Err(err))
            | ArchiveOutcome::Restored(Err(err)) => {
                self.refresh_list();
                self.archive_failed(err);
            }
        }
    }

    /// Waits for the `.vigie` work under way (before locking) and takes it
    /// in.
    pub(super) fn finish_archive_work(&mut self) {
        let done = self.tasks.wait_for(TaskKind::Archive);
        self.settle(done);
    }
}
