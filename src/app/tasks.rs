//! The background-task runner: slow work (writing a save, deriving a key
//! from a passphrase, converting every file when encryption is turned on or
//! off, decoding photos) runs on named threads so that it never holds up a
//! frame. [`Tasks`] starts them and hands their outcomes back, polled from
//! `App::logic`, which eframe calls even while the window is hidden.
//!
//! Tests mostly run tasks in line ([`Tasks::background`] off), which keeps
//! them step by step: the outcome is then ready at once.

use std::collections::VecDeque;
use std::sync::Arc;
use std::thread::JoinHandle;

use age::secrecy::SecretString;

use crate::store::{
    Conversion, ConversionDone, ConversionProgress, DataKey, IoAction, KeyReader, SaveDone, SaveJob, Store,
    StoreError,
};

/// What a task does.
pub enum Job {
    /// Write a dossier.
    Save(SaveJob),
    /// Read the data key with a passphrase.
    ReadKey(KeyReader, SecretString),
    /// Turn encryption on or off, or change the passphrase.
    Convert(Conversion, Arc<ConversionProgress>),
    /// Prepare and write photos for an item.
    Photos(super::photos::PhotoImport),
    /// Write or read a handover or backup file, import, restore.
    Archive(super::archive_job::ArchiveJob),
    /// Read the dossier list (at start-up, after the first frame).
    List(ListJob),
}

/// Reading the dossier list: a reading handle on the data folder, and the
/// checklists the progress is counted against.
pub struct ListJob {
    /// The data folder ([`Store::reader`]).
    pub store: Store,
    /// The checklists.
    pub checklists: Vec<crate::model::checklist::Checklist>,
}

impl std::fmt::Debug for ListJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListJob")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

/// The kind of a task, to ask whether one is under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskKind {
    /// A save.
    Save,
    /// Unlocking.
    Unlock,
    /// An encryption change.
    Convert,
    /// Photos being added.
    Photos,
    /// A handover, import, backup or restore.
    Archive,
    /// The dossier list being read.
    List,
}

/// What a finished task produced.
#[derive(Debug)]
pub enum Outcome {
    /// A save ended.
    Saved(SaveDone),
    /// The key was read, or not.
    KeyRead(Result<DataKey, StoreError>),
    /// An encryption change ended.
    Converted(ConversionDone),
    /// Photos were written, or refused.
    PhotosAdded(super::photos::PhotosAdded),
    /// A handover, import, backup or restore step ended.
    Archive(super::archive_job::ArchiveOutcome),
    /// The dossier list was read, or could not be.
    Listed(Result<Vec<crate::store::Listed>, StoreError>),
    /// The task's thread stopped unexpectedly.
    Crashed(TaskKind),
}

impl Job {
    fn kind(&self) -> TaskKind {
        match self {
            Self::Save(_) => TaskKind::Save,
            Self::ReadKey(..) => TaskKind::Unlock,
            Self::Convert(..) => TaskKind::Convert,
            Self::Photos(_) => TaskKind::Photos,
            Self::Archive(_) => TaskKind::Archive,
            Self::List(_) => TaskKind::List,
        }
    }

    fn run(self) -> Outcome {
        match self {
            Self::Save(job) => Outcome::Saved(job.run()),
            Self::ReadKey(reader, passphrase) => Outcome::KeyRead(reader.read(&passphrase)),
            Self::Convert(job, progress) => Outcome::Converted(job.run(&progress)),
            Self::Photos(job) => Outcome::PhotosAdded(job.run()),
            Self::Archive(job) => Outcome::Archive(job.run()),
            Self::List(job) => Outcome::Listed(job.store.list_with(&job.checklists)),
        }
    }
}

impl TaskKind {
    fn thread_name(self) -> &'static str {
        match self {
            Self::Save => "vigie-save",
            Self::Unlock => "vigie-unlock",
            Self::Convert => "vigie-encrypt",
            Self::Photos => "vigie-photo-import",
            Self::Archive => "vigie-archive",
            Self::List => "vigie-list",
        }
    }
}

struct Running {
    kind: TaskKind,
    handle: JoinHandle<Outcome>,
}

/// The tasks under way and the outcomes not yet taken.
#[derive(Default)]
pub struct Tasks {
    /// Whether tasks run on threads (the window) or in line (most tests).
    pub background: bool,
    running: Vec<Running>,
    done: VecDeque<Outcome>,
    /// The photo decoder's thread, started the first time a photo is
    /// drawn.
    decoder: Option<super::decoder::Decoder>,
}

impl std::fmt::Debug for Tasks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kinds: Vec<TaskKind> = self.running.iter().map(|r| r.kind).collect();
        f.debug_struct("Tasks")
            .field("background", &self.background)
            .field("running", &kinds)
            .field("done", &self.done.len())
            .field("decoder", &self.decoder)
            .finish()
    }
}

impl Tasks {
    /// Starts a job: on a thread of its own in the background, else here
    /// and now (its outcome is then ready for [`Tasks::take_done`]).
    pub fn start(&mut self, job: Job) {
        let kind = job.kind();
        if self.background {
            let spawned = std::thread::Builder::new()
                .name(kind.thread_name().to_owned())
                .spawn(move || job.run());
            match spawned {
                Ok(handle) => self.running.push(Running { kind, handle }),
                // No thread to be had: the job is lost with the closure, so
                // say so rather than wait forever.
                Err(_) => self.done.push_back(Outcome::Crashed(kind)),
            }
        } else {
            self.done.push_back(job.run());
        }
    }

    /// The photo decoder (its `vigie-photos` thread started the first
    /// time); `None` when no thread can be had.
    pub fn decoder(&mut self, ctx: &egui::Context) -> Option<&super::decoder::Decoder> {
        if self.decoder.is_none() {
            self.decoder = super::decoder::Decoder::start(ctx.clone());
        }
        self.decoder.as_ref()
    }

    /// The photo decoder, if it was started.
    #[must_use]
    pub fn running_decoder(&self) -> Option<&super::decoder::Decoder> {
        self.decoder.as_ref()
    }

    /// Whether a task of this kind is under way.
    #[must_use]
    pub fn is_running(&self, kind: TaskKind) -> bool {
        self.running.iter().any(|r| r.kind == kind)
    }

    /// Whether any task is under way.
    #[must_use]
    pub fn any_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// The outcomes of the tasks that ended, in the order they were
    /// collected.
    pub fn take_done(&mut self) -> Vec<Outcome> {
        let mut still = Vec::with_capacity(self.running.len());
        for running in self.running.drain(..) {
            if running.handle.is_finished() {
                self.done.push_back(join(running));
            } else {
                still.push(running);
            }
        }
        self.running = still;
        self.done.drain(..).collect()
    }

    /// Waits for every task of this kind to end, then returns every
    /// outcome not yet taken.
    pub fn wait_for(&mut self, kind: TaskKind) -> Vec<Outcome> {
        let mut still = Vec::with_capacity(self.running.len());
        for running in self.running.drain(..) {
            if running.kind == kind {
                self.done.push_back(join(running));
            } else {
                still.push(running);
            }
        }
        self.running = still;
        self.take_done()
    }
}

fn join(running: Running) -> Outcome {
    running.handle.join().unwrap_or(Outcome::Crashed(running.kind))
}

impl Outcome {
    /// The error to show for a task whose thread stopped unexpectedly.
    #[must_use]
    pub fn crash_error(kind: TaskKind, path: std::path::PathBuf) -> StoreError {
        let what = match kind {
            TaskKind::Save => "the save stopped unexpectedly",
            TaskKind::Unlock => "reading the key stopped unexpectedly",
            TaskKind::Convert => "the encryption change stopped unexpectedly",
            TaskKind::Photos => "adding the photos stopped unexpectedly",
            TaskKind::Archive => "the handover or backup stopped unexpectedly",
            TaskKind::List => "reading the dossier list stopped unexpectedly",
        };
        StoreError::Io {
            path,
            action: if matches!(kind, TaskKind::Unlock | TaskKind::List) {
                IoAction::Read
            } else {
                IoAction::Write
            },
            source: std::io::Error::other(what),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_line_tasks_are_done_at_once_and_taken_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(dir.path()).unwrap();
        let mut tasks = Tasks::default();
        tasks.start(Job::ReadKey(
            store.key_reader(),
            SecretString::from("x".to_owned()),
        ));
        assert!(
            !tasks.is_running(TaskKind::Unlock),
            "in line: nothing left running"
        );
        let done = tasks.take_done();
        assert!(matches!(done.as_slice(), [Outcome::KeyRead(Err(_))]), "{done:?}");
        assert!(tasks.take_done().is_empty(), "taken once");
    }

    #[test]
    fn background_tasks_run_on_named_threads() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(dir.path()).unwrap();
        let mut tasks = Tasks {
            background: true,
            ..Tasks::default()
        };
        tasks.start(Job::ReadKey(
            store.key_reader(),
            SecretString::from("x".to_owned()),
        ));
        let done = tasks.wait_for(TaskKind::Unlock);
        assert!(matches!(done.as_slice(), [Outcome::KeyRead(Err(_))]), "{done:?}");
        assert!(!tasks.any_running());
    }
}
