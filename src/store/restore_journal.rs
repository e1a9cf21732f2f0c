//! A restore is all or nothing, even when Vigie is killed half way: before
//! its first move, the list of moves (from the staging folder into the
//! data folder) is written to `.restore.json`; it is deleted once the last
//! move is on disk. If Vigie stops in between (Ctrl-C, SIGTERM, power
//! loss), the next opening of the data folder finds the list and undoes
//! the moves that were made, so that the folder is as it was before the
//! restore, and says so ([`super::Store::interrupted_restore`]). The
//! backup file itself is untouched: the restore can simply be run again.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{read_regular, sync_dir, write_atomic};
use super::{IoAction, StoreError};

/// The list's file name in the data folder (hidden, never in a backup).
pub const RESTORE_JOURNAL: &str = ".restore.json";

/// The moves of a restore under way, relative to the data folder.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    /// The staging folder, removed when the restore is undone.
    staging: PathBuf,
    /// Each move: from (in the staging folder), to (in the data folder).
    moves: Vec<(PathBuf, PathBuf)>,
}

/// The lock a restore holds while it moves files: the data folder's own
/// (released by the system if Vigie dies; saves wait meanwhile). Another
/// copy of Vigie opening the folder during a restore does not take it for
/// one cut short.
const RESTORE_LOCK: &str = super::files::LOCK_FILE;

/// A restore under way: holds its lock until [`finish`].
#[derive(Debug)]
pub struct Underway {
    _lock: fs::File,
}

/// Takes the restore's lock, then writes the list of its moves before the
/// first one (paths inside `root`).
pub fn begin(root: &Path, staging: &Path, moves: &[(PathBuf, PathBuf)]) -> Result<Underway, StoreError> {
    let lock = super::files::lock_folder(&root.join(RESTORE_LOCK))?;
    let relative = |p: &Path| p.strip_prefix(root).map_or_else(|_| p.to_owned(), Path::to_owned);
    let journal = Journal {
        staging: relative(staging),
        moves: moves
            .iter()
            .map(|(from, to)| (relative(from), relative(to)))
            .collect(),
    };
    let path = root.join(RESTORE_JOURNAL);
    let bytes = serde_json::to_vec(&journal).map_err(|e| StoreError::Encode {
        path: path.clone(),
        message: e.to_string(),
    })?;
    write_atomic(&path, &bytes)?;
    Ok(Underway { _lock: lock })
}

/// Deletes the list: every move is done and on disk (or undone).
pub fn finish(root: &Path, underway: Underway) -> Result<(), StoreError> {
    let _underway = underway;
    let path = root.join(RESTORE_JOURNAL);
    fs::remove_file(&path).map_err(|e| StoreError::io(&path, IoAction::Write, e))?;
    sync_dir(root)
}

/// Undoes a restore that was cut short, if the data folder holds the list
/// of its moves: each move made is moved back (newest first), the staging
/// folder and the list are deleted. Returns how many moves were undone,
/// or `None` when there was nothing to undo. Only paths inside `root` are
/// touched, whatever the list says.
#[must_use]
pub fn recover(root: &Path) -> Option<usize> {
    let path = root.join(RESTORE_JOURNAL);
    let bytes = read_regular(&path).ok()?;
    // A restore holding its lock is under way in another copy of Vigie.
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(root.join(RESTORE_LOCK))
        .ok()?;
    if lock.try_lock().is_err() {
        return None;
    }
    let inside = |p: &Path| {
        p.is_relative()
            && p.components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
    };
    let mut undone = 0;
    if let Ok(journal) = serde_json::from_slice::<Journal>(&bytes) {
        for (from, to) in journal.moves.iter().rev() {
            if !inside(from) || !inside(to) {
                continue;
            }
            let (from, to) = (root.join(from), root.join(to));
            if to.exists() && !from.exists() {
                if let Some(parent) = from.parent() {
                    let _ = fs::create_dir_all(parent);
                }
                if fs::rename(&to, &from).is_ok() {
                    undone += 1;
                }
            }
        }
        if inside(&journal.staging) {
            let _ = fs::remove_dir_all(root.join(&journal.staging));
        }
    }
    let _ = fs::remove_file(&path);
    let _ = sync_dir(root);
    Some(undone)
}
