//! The one rule for what a `.vigie` file may hold: which paths, under which
//! names, and how much. The reader refuses what breaks it
//! ([`check_path`], [`check_manifest`]); the writer runs the same functions
//! on what it is about to write, and leaves out (naming it) what the reader
//! would refuse, so that every backup Vigie writes, Vigie restores.
//!
//! Names are of two kinds:
//! - **Vigie's own** (dossier ids, photo ids, the household files): the
//!   grammar Vigie uses when it makes them;
//! - **the user's** (their checklists and exposure sources): any name a
//!   person gives a file on Linux, macOS or Windows, accents, spaces and
//!   apostrophes included, but no control character, no character that
//!   Windows refuses in a name (`\ / : * ? " < > |`), no leading dot.

use std::collections::BTreeMap;
use std::path::Path;

use super::{ArchiveError, ArchiveKind, HANDOVER_DOSSIER, HANDOVER_PHOTOS, Limits, Manifest, ManifestEntry};
use crate::model::DossierId;
use crate::store::{JOURNAL_PHOTOS, PHOTOS_EXT, PRIVATE_ROOT_FILES, photo_id_of_file};

/// The largest manifest accepted: about 330 bytes for each of the
/// [`Limits::max_entries`] entries.
pub const MAX_MANIFEST: u64 = 80 * 1024 * 1024;

/// The longest entry path, in bytes.
pub const MAX_PATH: usize = 1024;

/// The longest name of one part of a path, in bytes (what file systems
/// accept).
pub const MAX_NAME: usize = 255;

/// The folder of the user's exposure sources, inside `checklists/`.
pub const EXPOSURE_DIR: &str = "exposure";

/// The household files set aside in the trash when they could not be read
/// (`trash/journal.ron-20261201-101500.damaged`).
const SET_ASIDE_SUFFIX: &str = ".damaged";

/// Checks an entry's path: relative, plain names only, and where this kind
/// of file puts its entries. Returns why it is refused.
pub fn check_path(name: &str, kind: ArchiveKind) -> Result<(), &'static str> {
    if name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":") {
        return Err("an absolute path");
    }
    let parts: Vec<&str> = name.split('/').collect();
    if parts.contains(&"..") {
        return Err("a path out of its folder (..)");
    }
    if name.len() > MAX_PATH || !parts.iter().all(|p| is_user_name(p)) {
        return Err("not a plain file name");
    }
    let photo = |p: &str| photo_id_of_file(p).is_some();
    let dossier_file = |p: &str, suffixes: &[&str]| {
        suffixes
            .iter()
            .any(|s| p.strip_suffix(s).is_some_and(DossierId::is_valid))
    };
    let trash_file = |p: &str, suffixes: &[&str]| {
        suffixes
            .iter()
            .any(|s| p.strip_suffix(s).is_some_and(is_trashed_stem))
    };
    let photo_folder =
        |p: &str, stem: fn(&str) -> bool| p.strip_suffix(&format!(".{PHOTOS_EXT}")).is_some_and(stem);
    let ok = match (kind, parts.as_slice()) {
        (ArchiveKind::Handover, [one]) => *one == HANDOVER_DOSSIER,
        (ArchiveKind::Handover, [HANDOVER_PHOTOS, p]) | (ArchiveKind::Backup, [JOURNAL_PHOTOS, p]) => {
            photo(p)
        }
        (ArchiveKind::Backup, [one]) => *one == "settings.ron" || PRIVATE_ROOT_FILES.contains(one),
        (ArchiveKind::Backup, ["checklists", c] | ["checklists", EXPOSURE_DIR, c]) => is_ron(c),
        (ArchiveKind::Backup, ["dossiers", d]) => dossier_file(d, &[".ron", ".ron.bak", ".ron.damaged"]),
        (ArchiveKind::Backup, ["trash", d]) => {
            trash_file(d, &[".ron", ".ron.bak", ".ron.damaged"]) || is_set_aside(d)
        }
        (ArchiveKind::Backup, ["dossiers", folder, p]) => {
            photo_folder(folder, DossierId::is_valid) && photo(p)
        }
        (ArchiveKind::Backup, ["trash", folder, p]) => photo_folder(folder, is_trashed_stem) && photo(p),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err("not a file this kind of archive holds")
    }
}

/// Whether `name` is a name a person may give a file: not empty, at most
/// [`MAX_NAME`] bytes, no leading dot, no control character and none of
/// `\ / : * ? " < > |`, not ending in a space or a dot (Windows drops
/// them).
#[must_use]
pub fn is_user_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && !name.starts_with('.')
        && !name.ends_with(['.', ' '])
        && !name
            .chars()
            .any(|c| c.is_control() || matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
}

/// A trashed dossier's stem: `<id>-<YYYYmmdd-HHMMSS>[-n]`, or any dossier
/// id (a stem the restore had to rename).
#[must_use]
pub fn is_trashed_stem(stem: &str) -> bool {
    stem.len() <= 120
        && !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A household file set aside in the trash: `journal.ron-<time>[-n].damaged`.
#[must_use]
pub fn is_set_aside(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(SET_ASIDE_SUFFIX) else {
        return false;
    };
    PRIVATE_ROOT_FILES.iter().any(|file| {
        stem.strip_prefix(file)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|when| {
                !when.is_empty() && when.len() <= 40 && when.chars().all(|c| c.is_ascii_digit() || c == '-')
            })
    })
}

/// Whether a file name ends in `.ron`.
#[must_use]
pub fn is_ron(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Checks the manifest against the limits and the layout; returns its
/// entries by path. The writer runs it on its own manifest before writing.
pub fn check_manifest<'m>(
    manifest: &'m Manifest,
    kind: ArchiveKind,
    limits: &Limits,
    file: &Path,
) -> Result<BTreeMap<&'m str, &'m ManifestEntry>, ArchiveError> {
    let total: u64 = manifest
        .entries
        .iter()
        .map(|e| e.size)
        .fold(0, u64::saturating_add);
    let max_total = match kind {
        ArchiveKind::Handover => limits.max_handover,
        ArchiveKind::Backup => limits.max_backup,
    };
    if manifest.entries.len() > limits.max_entries || total > max_total {
        return Err(ArchiveError::TooLarge {
            path: file.to_owned(),
            entries: manifest.entries.len(),
            bytes: total,
        });
    }
    let mut by_path = BTreeMap::new();
    for entry in &manifest.entries {
        check_path(&entry.path, kind).map_err(|reason| ArchiveError::UnsafeEntry {
            path: file.to_owned(),
            entry: entry.path.clone(),
            reason,
        })?;
        if entry.size > limits.max_entry {
            return Err(ArchiveError::EntryTooLarge {
                path: file.to_owned(),
                entry: entry.path.clone(),
                size: entry.size,
                max: limits.max_entry,
            });
        }
        if by_path.insert(entry.path.as_str(), entry).is_some() {
            return Err(ArchiveError::Mismatch {
                path: file.to_owned(),
                entry: entry.path.clone(),
                problem: "appears twice in the manifest",
            });
        }
    }
    Ok(by_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_paths_are_checked() {
        let h = ArchiveKind::Handover;
        let b = ArchiveKind::Backup;
        assert!(check_path("dossier.ron", h).is_ok());
        assert!(check_path("photos/abc.jpg", h).is_ok());
        assert!(check_path("photos/abc.thumb.jpg", h).is_ok());
        assert_eq!(check_path("/etc/passwd", h), Err("an absolute path"));
        assert_eq!(
            check_path("photos/../../x.jpg", h),
            Err("a path out of its folder (..)")
        );
        assert!(check_path("photos/.hidden.jpg", h).is_err());
        assert!(
            check_path("dossiers/a.ron", h).is_err(),
            "a backup path in a handover"
        );
        assert!(check_path("dossiers/2026-1.ron", b).is_ok());
        assert!(check_path("dossiers/2026-1.photos/ab.jpg", b).is_ok());
        assert!(check_path("trash/2026-1-20261201-101500.ron.bak", b).is_ok());
        assert!(check_path("key.age", b).is_err());
        assert!(check_path("journal.photos/ab.thumb.jpg", b).is_ok());
        assert!(check_path("C:/x", b).is_err());
    }

    #[test]
    fn the_users_names_and_set_aside_files_are_accepted() {
        let b = ArchiveKind::Backup;
        assert!(check_path("checklists/Ma liste été.ron", b).is_ok());
        assert!(check_path("checklists/l’abri d'Ève.ron", b).is_ok());
        assert!(check_path("checklists/exposure/Mes sources.ron", b).is_ok());
        assert!(check_path("trash/journal.ron-20261201-101500.damaged", b).is_ok());
        assert!(check_path("trash/exposure.ron-20261201-101500-2.damaged", b).is_ok());
        let long_id = "a".repeat(80);
        assert!(check_path(&format!("trash/{long_id}-20261201-101500.ron"), b).is_ok());
        assert!(check_path(&format!("trash/{long_id}-20261201-101500.photos/ab.jpg"), b).is_ok());
        for bad in [
            "checklists/a\u{1b}]0;x.ron",
            "checklists/a:b.ron",
            "checklists/notes.txt",
            "trash/key.age-1.damaged",
            "checklists/exposure/deeper/x.ron",
        ] {
            assert!(check_path(bad, b).is_err(), "{bad}");
        }
    }
}
