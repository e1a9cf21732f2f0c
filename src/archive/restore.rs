//! Restoring a backup: its files are staged in a temporary folder inside
//! the data folder while the file is read and checked; then moved into
//! place (renames within one file system), never over an existing file:
//! a dossier whose id is taken comes back under a new id, the settings,
//! checklists and household files already there are kept. If a move fails
//! half way, the ones done are moved back: the data folder is left as it
//! was.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::layout::{EXPOSURE_DIR, is_set_aside};
use super::{ArchiveError, OpenedBackup};
use crate::model::DossierId;
use crate::store::{
    DataFolder, IoAction, PHOTOS_EXT, StoreError, create_private_dir, split_trashed_name, sync_dir,
};

/// The temporary folder where a backup is staged: `.restore-<pid>-<n>.tmp`
/// in the data folder (removed when dropped, and by
/// [`crate::store::Store::open`] if a crash left it).
#[derive(Debug)]
pub(crate) struct Staging {
    dir: PathBuf,
}

impl Staging {
    pub(super) fn new(folder: &DataFolder) -> Result<Self, StoreError> {
        let mut n = 0_u32;
        loop {
            let dir = folder
                .root()
                .join(format!(".restore-{}-{n}.tmp", std::process::id()));
            if !dir.exists() {
                create_private_dir(&dir)?;
                return Ok(Self { dir });
            }
            n += 1;
        }
    }

    /// Where entry `name` is staged.
    pub(super) fn path(&self, name: &str) -> PathBuf {
        name.split('/').fold(self.dir.clone(), |p, part| p.join(part))
    }

    /// Stages one entry (already checked): private files encrypted as the
    /// data folder is.
    pub(super) fn put(&self, folder: &DataFolder, name: &str, plain: &[u8]) -> Result<(), ArchiveError> {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            create_private_dir(parent)?;
        }
        if super::write::is_private_entry(name) {
            folder.write_private(&path, plain)?;
        } else {
            folder.write_public(&path, plain)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// What a restore did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Each dossier restored: its id in the backup and its id now (another
    /// when the first was taken).
    pub dossiers: Vec<(DossierId, DossierId)>,
    /// Dossiers restored to the trash.
    pub trashed: usize,
    /// Photo files restored (photos and thumbnails).
    pub photo_files: usize,
    /// Checklists and exposure sources restored.
    pub checklists: usize,
    /// Household files that had been set aside as damaged, restored to
    /// the trash.
    pub set_aside: usize,
    /// Files of the backup not restored because the data folder already
    /// has them (settings, checklists, household files), by name.
    pub kept_existing: Vec<String>,
}

/// One rename of the restore.
struct Move {
    from: PathBuf,
    to: PathBuf,
}

impl DataFolder {
    /// Moves a checked backup's files into the data folder, beside what is
    /// there and never over it (see the module's documentation). Fast when
    /// the backup was opened on the same disk, but it may touch thousands of
    /// files: run it with the rest on a background thread. On failure
    /// nothing of the backup stays in the data folder.
    pub fn restore_backup(&self, opened: OpenedBackup) -> Result<Restored, ArchiveError> {
        let staging = &opened.staging;
        let root = self.root().to_owned();
        let mut restored = Restored::default();
        let mut moves = Vec::new();

        // Dossiers, with their backups and photos, under a free id.
        let staged_dossiers = staging.path("dossiers");
        let mut taken: BTreeSet<String> = BTreeSet::new();
        for stem in stems(&staged_dossiers) {
            let id = next_free(&stem, &root.join("dossiers"), &mut taken, renamed_id);
            restored
                .dossiers
                .push((DossierId(stem.clone()), DossierId(id.clone())));
            group_moves(
                &staged_dossiers,
                &root.join("dossiers"),
                &stem,
                &id,
                &mut moves,
                &mut restored,
            );
        }

        // The trash, under a free name.
        let staged_trash = staging.path("trash");
        let mut taken_trash: BTreeSet<String> = BTreeSet::new();
        for stem in stems(&staged_trash) {
            let name = next_free(&stem, &root.join("trash"), &mut taken_trash, |base, n| {
                let (id, when) = split_trashed_name(base);
                match when {
                    Some(when) => format!("{id}-{}-{n}", when.format("%Y%m%d-%H%M%S")),
                    None => format!("{base}-{n}"),
                }
            });
            if staged_trash.join(format!("{stem}.ron")).exists() {
                restored.trashed += 1;
            }
            group_moves(
                &staged_trash,
                &root.join("trash"),
                &stem,
                &name,
                &mut moves,
                &mut restored,
            );
        }

        // Household files set aside in the trash, under a free name.
        for name in files_in(&staged_trash).into_iter().filter(|n| is_set_aside(n)) {
            let mut to = root.join("trash").join(&name);
            let mut n = 1;
            while to.exists() || moves.iter().any(|m| m.to == to) {
                let stem = name.strip_suffix(".damaged").unwrap_or(&name);
                to = root.join("trash").join(format!("{stem}-r{n}.damaged"));
                n += 1;
            }
            restored.set_aside += 1;
            moves.push(Move {
                from: staged_trash.join(&name),
                to,
            });
        }

        // Checklists and exposure sources, settings and household files:
        // only where absent.
        for folder in ["checklists".to_owned(), format!("checklists/{EXPOSURE_DIR}")] {
            let names = files_in(&staging.path(&folder));
            if !names.is_empty() {
                create_private_dir(&root.join(&folder))?;
            }
            for name in names {
                let to = self.root().join(&folder).join(&name);
                if to.exists() {
                    restored.kept_existing.push(format!("{folder}/{name}"));
                } else {
                    restored.checklists += 1;
                    moves.push(Move {
                        from: staging.path(&folder).join(&name),
                        to,
                    });
                }
            }
        }
        let mut household: Vec<String> = files_in(&staging.dir);
        if staging.dir.join(crate::store::JOURNAL_PHOTOS).is_dir() {
            household.push(crate::store::JOURNAL_PHOTOS.to_owned());
        }
        // A household file goes with its backup and photos: all or none.
        let group_of = |name: &str| name.split('.').next().unwrap_or_default().to_owned();
        let groups: BTreeSet<String> = household.iter().map(|n| group_of(n)).collect();
        for group in groups {
            let members: Vec<&String> = household.iter().filter(|n| group_of(n) == group).collect();
            let present = fs::read_dir(&root).is_ok_and(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                    .any(|n| group_of(&n) == group && !n.starts_with('.'))
            });
            for name in members {
                if present {
                    restored.kept_existing.push(name.clone());
                } else {
                    if name == crate::store::JOURNAL_PHOTOS {
                        restored.photo_files += count_files(&staging.dir.join(name));
                    }
                    moves.push(Move {
                        from: staging.dir.join(name),
                        to: root.join(name),
                    });
                }
            }
        }

        let pairs: Vec<(PathBuf, PathBuf)> = moves.iter().map(|m| (m.from.clone(), m.to.clone())).collect();
        let underway = crate::store::restore_journal::begin(&root, &staging.dir, &pairs)?;
        if let Err(err) = self.apply_moves(&moves) {
            // Every move was undone: the list has nothing left to do.
            let _ = crate::store::restore_journal::finish(&root, underway);
            return Err(err);
        }
        for dir in [
            root.join("dossiers"),
            root.join("trash"),
            root.join("checklists"),
            root.clone(),
        ] {
            sync_dir(&dir)?;
        }
        crate::store::restore_journal::finish(&root, underway)?;
        // Deletes the staging folder, now empty of what was moved.
        drop(opened);
        Ok(restored)
    }

    /// Renames each staged file into place; on a failure, moves back the
    /// ones done, newest first.
    fn apply_moves(&self, moves: &[Move]) -> Result<(), ArchiveError> {
        for (done, m) in moves.iter().enumerate() {
            let result = match self.injected_fault(&m.to) {
                Some(kind) => Err(std::io::Error::from(kind)),
                None if m.to.exists() => Err(std::io::ErrorKind::AlreadyExists.into()),
                None => fs::rename(&m.from, &m.to),
            };
            if let Err(e) = result {
                for back in moves[..done].iter().rev() {
                    let _ = fs::rename(&back.to, &back.from);
                }
                return Err(StoreError::io(&m.to, IoAction::Move, e).into());
            }
        }
        Ok(())
    }
}

/// The stems of the dossier files and photo folders staged in `dir`
/// (`<stem>.ron`, `.ron.bak`, `.ron.damaged`, `.photos`), sorted.
fn stems(dir: &Path) -> BTreeSet<String> {
    files_in(dir)
        .into_iter()
        .chain(dirs_in(dir))
        .filter_map(|name| {
            [".ron.damaged", ".ron.bak", ".ron", &format!(".{PHOTOS_EXT}")]
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix).map(str::to_owned))
        })
        .collect()
}

/// `base` if no file of that stem is in `dest` nor taken by this restore,
/// else the first free `make(base, n)`.
fn next_free(
    base: &str,
    dest: &Path,
    taken: &mut BTreeSet<String>,
    make: impl Fn(&str, u32) -> String,
) -> String {
    let used = |stem: &str| {
        taken.contains(stem)
            || [".ron", ".ron.bak", ".ron.damaged", &format!(".{PHOTOS_EXT}")]
                .iter()
                .any(|suffix| dest.join(format!("{stem}{suffix}")).exists())
    };
    let mut candidate = base.to_owned();
    let mut n = 1;
    while used(&candidate) {
        candidate = make(base, n);
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// A dossier id made free by a number: `<id>-<n>`, the id shortened so
/// that the whole stays a valid id (at most 80 characters).
fn renamed_id(base: &str, n: u32) -> String {
    let suffix = format!("-{n}");
    let keep = 80_usize.saturating_sub(suffix.len());
    // Ids are ASCII: any byte index is a character boundary.
    let cut = base.get(..keep.min(base.len())).unwrap_or(base);
    format!("{cut}{suffix}")
}

/// The moves of one dossier's files and photo folder, from `stem` in the
/// staging folder to `to_stem` in `dest`.
fn group_moves(
    staged: &Path,
    dest: &Path,
    stem: &str,
    to_stem: &str,
    moves: &mut Vec<Move>,
    restored: &mut Restored,
) {
    // Photos first: the dossier file, moved last, makes the set visible.
    let photos = staged.join(format!("{stem}.{PHOTOS_EXT}"));
    if photos.is_dir() {
        restored.photo_files += count_files(&photos);
        moves.push(Move {
            from: photos,
            to: dest.join(format!("{to_stem}.{PHOTOS_EXT}")),
        });
    }
    for suffix in [".ron.bak", ".ron.damaged", ".ron"] {
        let from = staged.join(format!("{stem}{suffix}"));
        if from.is_file() {
            moves.push(Move {
                from,
                to: dest.join(format!("{to_stem}{suffix}")),
            });
        }
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    names_in(dir, fs::FileType::is_file)
}

fn dirs_in(dir: &Path) -> Vec<String> {
    names_in(dir, fs::FileType::is_dir)
}

fn names_in(dir: &Path, keep: impl Fn(&fs::FileType) -> bool) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| keep(&t)))
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn count_files(dir: &Path) -> usize {
    files_in(dir)
        .iter()
        .filter(|n| crate::store::photo_id_of_file(n).is_some())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_id_stays_a_valid_id() {
        let long = "a".repeat(80);
        for n in [1, 9, 10, 12_345] {
            let id = renamed_id(&long, n);
            assert!(DossierId::is_valid(&id), "{id}");
            assert!(id.ends_with(&format!("-{n}")));
        }
        assert_eq!(renamed_id("2026-1", 2), "2026-1-2");
    }
}
