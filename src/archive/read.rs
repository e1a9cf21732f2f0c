//! Reading a `.vigie` file, checking everything before anything is
//! written: the passphrase, the integrity of the age layer (a truncated or
//! altered file fails), the format version, each entry (a plain file with a
//! safe relative path where this kind of file expects one, of the size and
//! checksum the manifest gives, under the [`Limits`]) and the dossiers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufReader, Read as _};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use serde::Deserialize;
use zeroize::Zeroizing;

use super::restore::Staging;
use super::write::is_dossier_entry;
use super::{
    ARCHIVE_VERSION, ArchiveError, ArchiveKind, BackupCounts, DossierPreview, FORMAT_NAME, HANDOVER_DOSSIER,
    HANDOVER_PHOTOS, Limits, MANIFEST, Manifest, ManifestEntry, Preview, sha256_hex,
};
use crate::model::{Dossier, DossierId, PhotoId};
use crate::photo::{MAX_SIDE, check_stored_jpeg};
use crate::store::{
    DataFolder, JOURNAL_PHOTOS, PHOTOS_EXT, PRIVATE_ROOT_FILES, PhotoSize, StoreError, parse_dossier_bytes,
    photo_id_of_file,
};

/// What receives each entry's content, once checked.
type Sink<'a> = &'a mut dyn FnMut(&str, Zeroizing<Vec<u8>>) -> Result<(), ArchiveError>;

/// The largest manifest accepted (16 MiB: 200,000 entries).
const MAX_MANIFEST: u64 = 16 * 1024 * 1024;

/// A handover file, read and checked, held in memory: nothing is written
/// yet. Import it with [`crate::store::Store::import_job`].
pub struct OpenedHandover {
    /// The file it was read from.
    pub file: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
    /// What it holds, for the user to confirm.
    pub preview: Preview,
    /// The dossier.
    pub dossier: Dossier,
    /// The photos' files, plain JPEG: (id, size) → bytes.
    pub(super) photos: BTreeMap<(PhotoId, PhotoSize), Zeroizing<Vec<u8>>>,
}

impl std::fmt::Debug for OpenedHandover {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenedHandover")
            .field("file", &self.file)
            .field("preview", &self.preview)
            .finish_non_exhaustive()
    }
}

/// A backup file, read, checked and staged in a temporary folder inside the
/// data folder (its private files encrypted with the folder's key when
/// encryption is on). Restore it with [`DataFolder::restore_backup`];
/// dropped without restoring, the staging folder is deleted.
#[derive(Debug)]
pub struct OpenedBackup {
    /// The file it was read from.
    pub file: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
    /// What it holds, for the user to confirm.
    pub preview: Preview,
    pub(super) staging: Staging,
}

/// Reads and checks a handover file. Slow (a second of key derivation):
/// run it on a background thread. Nothing is written.
pub fn open_handover(
    file: &Path,
    passphrase: &SecretString,
    limits: &Limits,
) -> Result<OpenedHandover, ArchiveError> {
    let mut dossier_bytes: Option<Zeroizing<Vec<u8>>> = None;
    let mut photos = BTreeMap::new();
    let manifest = read_archive(
        file,
        passphrase,
        limits,
        ArchiveKind::Handover,
        &mut |name, bytes| {
            if name == HANDOVER_DOSSIER {
                dossier_bytes = Some(bytes);
            } else if let Some((id, size)) = name
                .strip_prefix(&format!("{HANDOVER_PHOTOS}/"))
                .and_then(photo_id_of_file)
            {
                check_stored_jpeg(&bytes, MAX_SIDE, &entry_path(file, name))?;
                photos.insert((id, size), bytes);
            }
            Ok(())
        },
    )?;
    let Some(bytes) = dossier_bytes else {
        return Err(ArchiveError::Mismatch {
            path: file.to_owned(),
            entry: HANDOVER_DOSSIER.to_owned(),
            problem: "is missing",
        });
    };
    let dossier =
        parse_dossier_bytes(&bytes, &entry_path(file, HANDOVER_DOSSIER)).map_err(ArchiveError::Dossier)?;
    for id in dossier.photo_ids() {
        for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
            if !photos.contains_key(&(id.clone(), size)) {
                return Err(ArchiveError::Mismatch {
                    path: file.to_owned(),
                    entry: format!("{HANDOVER_PHOTOS}/{}", size.file_name(&id)),
                    problem: "is missing",
                });
            }
        }
    }
    // Photos the dossier does not refer to are not imported.
    let referenced = dossier.photo_ids();
    photos.retain(|(id, _), _| referenced.contains(id));
    let preview = Preview {
        kind: ArchiveKind::Handover,
        created: manifest.created,
        app_version: manifest.app_version.clone(),
        dossier: Some(DossierPreview::of(&dossier)),
        backup: None,
    };
    Ok(OpenedHandover {
        file: file.to_owned(),
        manifest,
        preview,
        dossier,
        photos,
    })
}

impl DataFolder {
    /// Reads and checks a backup file, staging its files in a temporary
    /// folder inside the data folder (encrypted with the folder's key when
    /// encryption is on); the data folder itself is not changed. Slow: run
    /// it on a background thread.
    pub fn open_backup(
        &self,
        file: &Path,
        passphrase: &SecretString,
        limits: &Limits,
    ) -> Result<OpenedBackup, ArchiveError> {
        let staging = Staging::new(self)?;
        let mut counts = BackupCounts::default();
        let manifest = read_archive(
            file,
            passphrase,
            limits,
            ArchiveKind::Backup,
            &mut |name, bytes| {
                count(&mut counts, name);
                staging.put(self, name, &bytes)
            },
        )?;
        for entry in manifest
            .entries
            .iter()
            .filter(|e| is_dossier_entry(&e.path) && !e.damaged)
        {
            let bytes = self.read_private(&staging.path(&entry.path))?;
            parse_dossier_bytes(&bytes, &entry_path(file, &entry.path)).map_err(ArchiveError::Dossier)?;
        }
        let preview = Preview {
            kind: ArchiveKind::Backup,
            created: manifest.created,
            app_version: manifest.app_version.clone(),
            dossier: None,
            backup: Some(counts),
        };
        Ok(OpenedBackup {
            file: file.to_owned(),
            manifest,
            preview,
            staging,
        })
    }
}

/// Counts an entry of a backup for its preview.
fn count(counts: &mut BackupCounts, name: &str) {
    let photo = name
        .rsplit('/')
        .next()
        .and_then(photo_id_of_file)
        .is_some_and(|(_, size)| size == PhotoSize::Full);
    if photo {
        counts.photos += 1;
    } else if name == "settings.ron" {
        counts.settings = true;
    } else if name.starts_with("checklists/") {
        counts.checklists += 1;
    } else if is_dossier_entry(name) && name.starts_with("dossiers/") {
        counts.dossiers += 1;
    } else if is_dossier_entry(name) {
        counts.trashed += 1;
    } else if PRIVATE_ROOT_FILES.contains(&name) {
        counts.household_files += 1;
    }
}

/// How an entry is named in errors: `FILE.vigie:entry`.
fn entry_path(file: &Path, name: &str) -> PathBuf {
    PathBuf::from(format!("{}:{name}", file.display()))
}

/// Decrypts and reads the archive at `file`, checking every entry, and
/// hands each one's content to `sink` (in archive order) once its size and
/// checksum are right. Returns the manifest once the whole file has been
/// read and authenticated.
fn read_archive(
    file: &Path,
    passphrase: &SecretString,
    limits: &Limits,
    kind: ArchiveKind,
    sink: Sink<'_>,
) -> Result<Manifest, ArchiveError> {
    let damaged = |message: String| ArchiveError::Damaged {
        path: file.to_owned(),
        message,
    };
    let handle = File::open(file).map_err(|e| StoreError::io(file, crate::store::IoAction::Read, e))?;
    let decryptor = age::Decryptor::new_buffered(BufReader::new(handle)).map_err(|e| match e {
        age::DecryptError::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => damaged(e.to_string()),
        age::DecryptError::InvalidHeader | age::DecryptError::UnknownFormat | age::DecryptError::Io(_) => {
            ArchiveError::NotAnArchive {
                path: file.to_owned(),
            }
        }
        other => damaged(other.to_string()),
    })?;
    if !decryptor.is_scrypt() {
        return Err(ArchiveError::NotAnArchive {
            path: file.to_owned(),
        });
    }
    let identity = age::scrypt::Identity::new(passphrase.clone());
    let reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed
            | age::DecryptError::NoMatchingKeys
            | age::DecryptError::KeyDecryptionFailed => ArchiveError::WrongPassphrase {
                path: file.to_owned(),
            },
            other => damaged(other.to_string()),
        })?;
    let mut archive = tar::Archive::new(reader);
    let manifest = {
        let mut entries = archive.entries().map_err(|e| damaged(e.to_string()))?;
        let first = entries
            .next()
            .ok_or_else(|| ArchiveError::NotAnArchive {
                path: file.to_owned(),
            })?
            .map_err(|e| damaged(e.to_string()))?;
        let name = String::from_utf8_lossy(&first.path_bytes()).into_owned();
        if name != MANIFEST || first.header().entry_type() != tar::EntryType::Regular {
            return Err(ArchiveError::NotAnArchive {
                path: file.to_owned(),
            });
        }
        let bytes = read_entry(first, MAX_MANIFEST, file, &name)?;
        let manifest = parse_manifest(&bytes, file)?;
        if manifest.kind != kind {
            return Err(ArchiveError::WrongKind {
                path: file.to_owned(),
                expected: kind,
                found: manifest.kind,
            });
        }
        let expected = check_manifest(&manifest, kind, limits, file)?;
        let mut seen = BTreeSet::new();
        for entry in entries {
            let entry = entry.map_err(|e| damaged(e.to_string()))?;
            let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
            check_entry_type(&entry, &name, file)?;
            check_path(&name, kind).map_err(|reason| unsafe_entry(file, &name, reason))?;
            let Some(listed) = expected.get(name.as_str()) else {
                return Err(mismatch(file, &name, "is not in the manifest"));
            };
            if !seen.insert(name.clone()) {
                return Err(mismatch(file, &name, "appears twice"));
            }
            if entry.size() > listed.size {
                return Err(ArchiveError::EntryTooLarge {
                    path: file.to_owned(),
                    entry: name,
                    size: entry.size(),
                    max: listed.size,
                });
            }
            let bytes = read_entry(entry, listed.size, file, &name)?;
            if bytes.len() as u64 != listed.size {
                return Err(mismatch(file, &name, "is shorter than the manifest says"));
            }
            if sha256_hex(&bytes) != listed.sha256 {
                return Err(mismatch(file, &name, "does not match its checksum"));
            }
            sink(&name, bytes)?;
        }
        if let Some(missing) = expected.keys().find(|name| !seen.contains(**name)) {
            return Err(mismatch(file, missing, "is missing"));
        }
        manifest
    };
    // Read to the end, so that age authenticates the last chunk: a file cut
    // after the archive's last entry fails here.
    let mut rest = archive.into_inner();
    io::copy(&mut rest, &mut io::sink()).map_err(|e| damaged(e.to_string()))?;
    Ok(manifest)
}

/// Reads an entry of at most `max` bytes.
fn read_entry<R: io::Read>(
    entry: tar::Entry<'_, R>,
    max: u64,
    file: &Path,
    name: &str,
) -> Result<Zeroizing<Vec<u8>>, ArchiveError> {
    if entry.size() > max {
        return Err(ArchiveError::EntryTooLarge {
            path: file.to_owned(),
            entry: name.to_owned(),
            size: entry.size(),
            max,
        });
    }
    let mut bytes = Zeroizing::new(Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0)));
    entry
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ArchiveError::Damaged {
            path: file.to_owned(),
            message: e.to_string(),
        })?;
    if bytes.len() as u64 > max {
        return Err(ArchiveError::EntryTooLarge {
            path: file.to_owned(),
            entry: name.to_owned(),
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// Parses the manifest, recognising a file from a newer Vigie first.
fn parse_manifest(bytes: &[u8], file: &Path) -> Result<Manifest, ArchiveError> {
    /// Only what any future manifest will have.
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
    }
    let head: Head = serde_json::from_slice(bytes).map_err(|_| ArchiveError::NotAnArchive {
        path: file.to_owned(),
    })?;
    if head.format != FORMAT_NAME {
        return Err(ArchiveError::NotAnArchive {
            path: file.to_owned(),
        });
    }
    if head.version > ARCHIVE_VERSION {
        return Err(ArchiveError::TooNew {
            path: file.to_owned(),
            version: head.version,
        });
    }
    serde_json::from_slice(bytes).map_err(|e| ArchiveError::Damaged {
        path: file.to_owned(),
        message: format!("{MANIFEST}: {e}"),
    })
}

/// Checks the manifest against the limits and the layout; returns its
/// entries by path.
fn check_manifest<'m>(
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
        check_path(&entry.path, kind).map_err(|reason| unsafe_entry(file, &entry.path, reason))?;
        if entry.size > limits.max_entry {
            return Err(ArchiveError::EntryTooLarge {
                path: file.to_owned(),
                entry: entry.path.clone(),
                size: entry.size,
                max: limits.max_entry,
            });
        }
        if by_path.insert(entry.path.as_str(), entry).is_some() {
            return Err(mismatch(file, &entry.path, "appears twice in the manifest"));
        }
    }
    Ok(by_path)
}

/// Refuses anything but a plain file.
fn check_entry_type<R: io::Read>(
    entry: &tar::Entry<'_, R>,
    name: &str,
    file: &Path,
) -> Result<(), ArchiveError> {
    let kind = entry.header().entry_type();
    if kind == tar::EntryType::Regular {
        return Ok(());
    }
    let reason = if kind.is_symlink() || kind.is_hard_link() {
        "a link"
    } else if kind.is_dir() {
        "a folder"
    } else {
        "not a plain file"
    };
    Err(unsafe_entry(file, name, reason))
}

/// Checks an entry's path: relative, plain names only, and where this kind
/// of file puts its entries. Returns why it is refused.
pub(super) fn check_path(name: &str, kind: ArchiveKind) -> Result<(), &'static str> {
    if name.starts_with('/') || name.starts_with('\\') || name.get(1..2) == Some(":") {
        return Err("an absolute path");
    }
    let parts: Vec<&str> = name.split('/').collect();
    if parts.contains(&"..") {
        return Err("a path out of its folder (..)");
    }
    let plain = |p: &&str| {
        !p.is_empty()
            && p.len() <= 120
            && !p.starts_with('.')
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    if name.len() > 255 || !parts.iter().all(plain) {
        return Err("not a plain file name");
    }
    let photo = |p: &str| photo_id_of_file(p).is_some();
    let dossier_file = |p: &str, suffixes: &[&str]| {
        suffixes
            .iter()
            .any(|s| p.strip_suffix(s).is_some_and(DossierId::is_valid))
    };
    let photo_folder = |p: &str| {
        p.strip_suffix(&format!(".{PHOTOS_EXT}"))
            .is_some_and(DossierId::is_valid)
    };
    let ok = match (kind, parts.as_slice()) {
        (ArchiveKind::Handover, [one]) => *one == HANDOVER_DOSSIER,
        (ArchiveKind::Handover, [HANDOVER_PHOTOS, p]) | (ArchiveKind::Backup, [JOURNAL_PHOTOS, p]) => {
            photo(p)
        }
        (ArchiveKind::Backup, [one]) => *one == "settings.ron" || PRIVATE_ROOT_FILES.contains(one),
        (ArchiveKind::Backup, ["checklists", c]) => is_ron(c),
        (ArchiveKind::Backup, ["dossiers", d]) => dossier_file(d, &[".ron", ".ron.bak", ".ron.damaged"]),
        (ArchiveKind::Backup, ["trash", d]) => dossier_file(d, &[".ron", ".ron.bak"]),
        (ArchiveKind::Backup, ["dossiers" | "trash", folder, p]) => photo_folder(folder) && photo(p),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err("not a file this kind of archive holds")
    }
}

/// Whether a file name ends in `.ron`.
pub(super) fn is_ron(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

fn unsafe_entry(file: &Path, name: &str, reason: &'static str) -> ArchiveError {
    ArchiveError::UnsafeEntry {
        path: file.to_owned(),
        entry: name.to_owned(),
        reason,
    }
}

fn mismatch(file: &Path, name: &str, problem: &'static str) -> ArchiveError {
    ArchiveError::Mismatch {
        path: file.to_owned(),
        entry: name.to_owned(),
        problem,
    }
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
}
