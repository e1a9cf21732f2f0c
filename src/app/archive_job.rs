//! The slow work of the `.vigie` dialogs ([`ArchiveJob`], run by the task
//! runner on the `vigie-archive` thread) and what it produced; the system's
//! file choosers for `.vigie` files.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{DateTime, Utc};

use super::archive::ArchiveAction;
use super::summary::{Chosen, NO_DIALOG_WITHIN};
use crate::archive::{
    ArchiveError, BackupOptions, IfAlreadyThere, ImportDone, ImportJob, Limits, OpenedBackup, OpenedHandover,
    Restored, Written,
};
use crate::model::{Dossier, DossierId};
use crate::store::DataFolder;

/// The slow work of a `.vigie` dialog; runs on any thread.
pub enum ArchiveJob {
    /// Write a handover file.
    Handover {
        /// The data folder.
        folder: DataFolder,
        /// The dossier's id.
        id: DossierId,
        /// The dossier, as open.
        dossier: Box<Dossier>,
        /// Where.
        path: PathBuf,
        /// The file's passphrase.
        passphrase: SecretString,
        /// When.
        now: DateTime<Utc>,
    },
    /// Write a backup.
    Backup {
        /// The data folder.
        folder: DataFolder,
        /// Where.
        path: PathBuf,
        /// The file's passphrase.
        passphrase: SecretString,
        /// What goes in.
        options: BackupOptions,
        /// When.
        now: DateTime<Utc>,
    },
    /// Read and check a handover file.
    OpenHandover {
        /// The file.
        path: PathBuf,
        /// Its passphrase.
        passphrase: SecretString,
    },
    /// Read, check and stage a backup.
    OpenBackup {
        /// The data folder.
        folder: DataFolder,
        /// The file.
        path: PathBuf,
        /// Its passphrase.
        passphrase: SecretString,
    },
    /// Write an imported dossier and its photos.
    Import(Box<ImportJob>, IfAlreadyThere),
    /// Move a staged backup into place.
    Restore {
        /// The data folder.
        folder: DataFolder,
        /// The backup.
        opened: Box<OpenedBackup>,
    },
}

/// What an [`ArchiveJob`] produced.
#[derive(Debug)]
pub enum ArchiveOutcome {
    /// A handover or a backup was written, or not.
    Written(ArchiveAction, Result<Written, ArchiveError>),
    /// A handover file was read, or not.
    HandoverOpened(Result<Box<OpenedHandover>, ArchiveError>),
    /// A backup was read and staged, or not.
    BackupOpened(Result<Box<OpenedBackup>, ArchiveError>),
    /// An import was written, with the choice made.
    Imported(Box<ImportDone>, IfAlreadyThere),
    /// A backup was restored, or not (the data folder then as it was).
    Restored(Result<Restored, ArchiveError>),
}

impl ArchiveJob {
    /// Does the work.
    #[must_use]
    pub fn run(self) -> ArchiveOutcome {
        match self {
            Self::Handover {
                folder,
                id,
                dossier,
                path,
                passphrase,
                now,
            } => ArchiveOutcome::Written(
                ArchiveAction::Handover,
                folder.write_handover(&id, &dossier, &path, &passphrase, now),
            ),
            Self::Backup {
                folder,
                path,
                passphrase,
                options,
                now,
            } => ArchiveOutcome::Written(
                ArchiveAction::Backup,
                folder.write_backup(&path, &passphrase, options, now),
            ),
            Self::OpenHandover { path, passphrase } => ArchiveOutcome::HandoverOpened(
                crate::archive::open_handover(&path, &passphrase, &Limits::default()).map(Box::new),
            ),
            Self::OpenBackup {
                folder,
                path,
                passphrase,
            } => ArchiveOutcome::BackupOpened(
                folder
                    .open_backup(&path, &passphrase, &Limits::default())
                    .map(Box::new),
            ),
            Self::Import(job, choice) => ArchiveOutcome::Imported(Box::new(job.run()), choice),
            Self::Restore { folder, opened } => ArchiveOutcome::Restored(folder.restore_backup(*opened)),
        }
    }
}

/// The documents folder (the home folder when there is none).
pub(super) fn documents() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| {
            d.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_default()
}

/// Asks where to write a `.vigie` file with the system's save dialog.
#[must_use]
pub fn save_dialog(name: &str, filter: &str) -> Chosen {
    let started = std::time::Instant::now();
    let chosen = rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter(filter, &[crate::archive::EXTENSION])
        .save_file();
    match chosen {
        Some(path) => Chosen::Path(path),
        None if started.elapsed() < NO_DIALOG_WITHIN => Chosen::NoDialog,
        None => Chosen::Cancelled,
    }
}

/// Asks for a `.vigie` file to open with the system's file chooser.
#[must_use]
pub fn open_dialog(filter: &str) -> Chosen {
    let started = std::time::Instant::now();
    let chosen = rfd::FileDialog::new()
        .add_filter(filter, &[crate::archive::EXTENSION])
        .pick_file();
    match chosen {
        Some(path) => Chosen::Path(path),
        None if started.elapsed() < NO_DIALOG_WITHIN => Chosen::NoDialog,
        None => Chosen::Cancelled,
    }
}
