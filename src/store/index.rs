//! The dossier list, kept fast for thousands of dossiers by a small index
//! of what the list shows (`dossiers/.index`): for each dossier file, its
//! length and time when it was read, and its [`DossierSummary`].
//!
//! The index is a cache, never trusted over the files: a summary is used
//! only when the file still has the length and time it had when the summary
//! was made, and the checklists are the same (a fingerprint of what the
//! summaries depend on); otherwise the file is read again. A missing,
//! damaged or stale index is rebuilt. It is encrypted like the dossiers (it
//! holds their titles), private, written crash-safely, and left out of
//! backups (a dot file).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::{DOSSIER_EXT, IoAction, Listed, Store, StoreError};
use crate::model::DossierId;
use crate::model::checklist::Checklist;
use crate::model::summary::DossierSummary;

/// The index's file name, in the dossiers folder.
pub const INDEX_FILE: &str = ".index";

/// The version of the index's format; another version is rebuilt.
const INDEX_VERSION: u32 = 2;

/// What the index remembers of one dossier file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct IndexEntry {
    /// The file's length when its summary was made.
    len: u64,
    /// The file's time when its summary was made, in nanoseconds since
    /// 1970 (0 when unknown: never matches).
    modified_ns: u128,
    /// What the list shows.
    summary: DossierSummary,
}

/// The index file.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// The fingerprint of the checklists the summaries were made with.
    checklists: String,
    /// By dossier file name (a hash map: 10,000 names looked up at each
    /// start).
    entries: HashMap<String, IndexEntry>,
}

/// How long ago a file must have last changed for its summary to be kept
/// (two seconds: more than the coarsest file-system clocks' tick).
const SETTLED_NS: u128 = 2_000_000_000;

/// A fingerprint of what the summaries depend on in the checklists: their
/// ids and versions, each item's id, priority, tags and audience.
fn fingerprint(library: &[Checklist]) -> String {
    let mut hash = Sha256::new();
    for checklist in library {
        hash.update(format!("{}@{}|", checklist.id, checklist.version));
        for item in checklist.items() {
            hash.update(format!(
                "{}:{:?}:{:?}:{:?};",
                item.id, item.priority, item.applies_if, item.audience
            ));
        }
    }
    crate::model::photos::hex(&hash.finalize())
}

/// A file's length and time, as the index keeps them.
fn stamp_of(meta: &fs::Metadata) -> (u64, u128) {
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    (meta.len(), modified_ns)
}

impl Store {
    /// The index file.
    fn index_path(&self) -> PathBuf {
        self.dossiers_dir().join(INDEX_FILE)
    }

    /// Reads the index; anything wrong with it (missing, damaged, another
    /// version, other checklists) gives an empty one, to be rebuilt.
    fn read_index(&self, checklists: &str) -> Index {
        let path = self.index_path();
        let Ok(bytes) = super::files::read_regular(&path) else {
            return Index::default();
        };
        let Ok(plain) = self.decode(&path, bytes) else {
            return Index::default();
        };
        match serde_json::from_slice::<Index>(&plain) {
            Ok(index) if index.version == INDEX_VERSION && index.checklists == checklists => index,
            _ => Index::default(),
        }
    }

    /// Every dossier in the folder with what the list shows of it (progress
    /// counted against `library`), sorted by last change (newest first),
    /// the ones that fail to load last. Only the files changed since the
    /// index last saw them are read; the index is brought up to date
    /// (files changed in the last two seconds are always read again).
    pub fn list_with(&self, library: &[Checklist]) -> Result<Vec<Listed>, StoreError> {
        let checklists = fingerprint(library);
        let now_ns = std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let mut index = self.read_index(&checklists);
        let dir = self.dossiers_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
        let extension = format!(".{DOSSIER_EXT}");
        let backup_extension = format!(".{DOSSIER_EXT}.bak");
        // The dossiers that have a backup, by file name.
        let mut backed_up = HashSet::new();
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if let Some(stem) = name.strip_suffix(&backup_extension) {
                backed_up.insert(format!("{stem}{extension}"));
            } else if let Some(stem) = name.strip_suffix(&extension)
                && DossierId::is_valid(stem)
            {
                let stamp = entry.metadata().map(|m| stamp_of(&m)).ok();
                let id = DossierId(stem.to_owned());
                files.push((name, id, entry.path(), stamp));
            }
        }
        let mut listed = Vec::with_capacity(files.len());
        // The file name and stamp of each listed dossier whose summary can
        // be kept in the index.
        let mut stamps = Vec::with_capacity(files.len());
        // Whether the index must be written again: an entry read from its
        // file, or one left over from a file that is gone.
        let mut changed = false;
        for (name, id, path, stamp) in files {
            let known = index
                .entries
                .remove(&name)
                .filter(|e| stamp.is_some_and(|(len, ns)| e.len == len && e.modified_ns == ns && ns != 0));
            let summary = if let Some(entry) = known {
                Ok(entry.summary)
            } else {
                changed = true;
                self.read_dossier_file(&path)
                    .map(|d| DossierSummary::of(&d, library))
            };
            // A file changed within the last moments could change again
            // within the same tick of a coarse clock without its time
            // moving: its summary is not kept, so it is read next time.
            let settled = stamp.filter(|(_, ns)| now_ns.saturating_sub(*ns) >= SETTLED_NS);
            listed.push(Listed {
                has_backup: backed_up.contains(&name),
                id,
                path,
                summary,
            });
            stamps.push((name, settled));
        }
        if changed || !index.entries.is_empty() {
            // Made only when it is to be written: an index up to date costs
            // no copy of its 10,000 summaries.
            let fresh = Index {
                version: INDEX_VERSION,
                checklists,
                entries: listed
                    .iter()
                    .zip(stamps)
                    .filter_map(|(l, (name, stamp))| {
                        let ((len, modified_ns), summary) = (stamp?, l.summary.as_ref().ok()?);
                        let summary = summary.clone();
                        Some((
                            name,
                            IndexEntry {
                                len,
                                modified_ns,
                                summary,
                            },
                        ))
                    })
                    .collect(),
            };
            // A cache: when it cannot be written (locked, full disk), the
            // list is still right, only slower next time.
            let _ = self.write_index(&fresh);
        }
        sort_listed(&mut listed);
        Ok(listed)
    }

    fn write_index(&self, index: &Index) -> Result<(), StoreError> {
        let path = self.index_path();
        let json = serde_json::to_vec(index)
            .map_err(|e| StoreError::io(&path, IoAction::Write, std::io::Error::other(e)))?;
        let bytes = self.encode(&path, &json)?;
        self.write_file(&path, &bytes)
    }
}

/// Newest first, the ones that fail to load last.
pub(super) fn sort_listed(listed: &mut [Listed]) {
    listed.sort_by(|a, b| match (&a.summary, &b.summary) {
        (Ok(x), Ok(y)) => y.modified.cmp(&x.modified).then_with(|| a.id.cmp(&b.id)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.id.cmp(&b.id),
    });
}

/// Whether `path` is the index (for code that walks the dossiers folder).
#[must_use]
pub fn is_index(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == INDEX_FILE)
}
