//! Writing a `.vigie` file: a handover of one dossier with its photos, or
//! a backup of the whole data folder. The file is written crash-safely
//! (temporary file in the same folder, flushed, renamed) and `0600`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write as _};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::{
    ARCHIVE_VERSION, ArchiveError, ArchiveKind, DossierSummary, FORMAT_NAME, HANDOVER_DOSSIER,
    HANDOVER_PHOTOS, MANIFEST, Manifest, ManifestEntry, check_passphrase, sha256_hex,
};
use crate::model::{Dossier, DossierId};
use crate::store::{
    DataFolder, IoAction, PHOTOS_EXT, PRIVATE_ROOT_FILES, PhotoOwner, PhotoSize, StoreError,
    parse_dossier_bytes, sync_dir, to_ron,
};

/// What to leave out of a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupOptions {
    /// Whether the trash goes in (yes by default).
    pub include_trash: bool,
}

impl Default for BackupOptions {
    fn default() -> Self {
        Self { include_trash: true }
    }
}

/// A `.vigie` file written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// How many files it holds (the manifest aside).
    pub entries: usize,
    /// How many photos it holds.
    pub photos: usize,
}

impl DataFolder {
    /// Writes a handover file of dossier `id` (as `dossier`, which may hold
    /// changes not saved yet) and its photos to `out`, encrypted with
    /// `passphrase` (refused when too easy to guess). Slow (a second of key
    /// derivation, then every photo): run it on a background thread.
    pub fn write_handover(
        &self,
        id: &DossierId,
        dossier: &Dossier,
        out: &Path,
        passphrase: &SecretString,
        now: DateTime<Utc>,
    ) -> Result<Written, ArchiveError> {
        check_passphrase(passphrase)?;
        let owner = PhotoOwner::Dossier(id.clone());
        let text = Zeroizing::new(to_ron(dossier));
        let mut entries: Vec<(String, Zeroizing<Vec<u8>>)> = vec![(
            HANDOVER_DOSSIER.to_owned(),
            Zeroizing::new(text.as_bytes().to_vec()),
        )];
        let ids = dossier.photo_ids();
        for photo in &ids {
            for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
                let bytes = self.read_photo(&owner, photo, size)?;
                entries.push((format!("{HANDOVER_PHOTOS}/{}", size.file_name(photo)), bytes));
            }
        }
        let manifest = Manifest {
            format: FORMAT_NAME.to_owned(),
            version: ARCHIVE_VERSION,
            kind: ArchiveKind::Handover,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created: now,
            dossier: Some(DossierSummary {
                title: dossier.title.clone(),
                journey: dossier.journey,
                created: dossier.created,
                modified: dossier.modified,
            }),
            entries: entries
                .iter()
                .map(|(path, bytes)| ManifestEntry {
                    path: path.clone(),
                    size: bytes.len() as u64,
                    sha256: sha256_hex(bytes),
                    damaged: false,
                })
                .collect(),
        };
        let count = entries.len();
        let bytes = self.write_archive(out, passphrase, &manifest, entries.into_iter().map(Ok))?;
        Ok(Written {
            path: out.to_owned(),
            bytes,
            entries: count,
            photos: ids.len(),
        })
    }

    /// Writes a backup of the whole data folder to `out`, encrypted with
    /// `passphrase` (refused when too easy to guess): the dossiers with
    /// their backups and photos, the trash (unless left out), the user's
    /// checklists, the settings and the household files. Never the key
    /// file, the lock or temporary files. Every file is read twice (once
    /// for the manifest's checksums, once to write it): a file changed in
    /// between fails with [`ArchiveError::ChangedDuringBackup`]. Slow: run
    /// it on a background thread.
    pub fn write_backup(
        &self,
        out: &Path,
        passphrase: &SecretString,
        options: BackupOptions,
        now: DateTime<Utc>,
    ) -> Result<Written, ArchiveError> {
        check_passphrase(passphrase)?;
        let files = backup_files(self.root(), options)?;
        let mut manifest_entries = Vec::with_capacity(files.len());
        let mut photos = 0;
        for (name, path) in &files {
            let plain = self.read_for_backup(name, path)?;
            let damaged = is_dossier_entry(name) && parse_dossier_bytes(&plain, path).is_err();
            if crate::store::photo_id_of_file(name.rsplit('/').next().unwrap_or_default())
                .is_some_and(|(_, size)| size == crate::store::PhotoSize::Full)
            {
                photos += 1;
            }
            manifest_entries.push(ManifestEntry {
                path: name.clone(),
                size: plain.len() as u64,
                sha256: sha256_hex(&plain),
                damaged,
            });
        }
        let manifest = Manifest {
            format: FORMAT_NAME.to_owned(),
            version: ARCHIVE_VERSION,
            kind: ArchiveKind::Backup,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            created: now,
            dossier: None,
            entries: manifest_entries,
        };
        let count = files.len();
        let entries = files.iter().zip(&manifest.entries).map(|((name, path), entry)| {
            let plain = self.read_for_backup(name, path)?;
            if sha256_hex(&plain) != entry.sha256 {
                return Err(ArchiveError::ChangedDuringBackup { path: path.clone() });
            }
            Ok((name.clone(), plain))
        });
        let bytes = self.write_archive(out, passphrase, &manifest, entries)?;
        Ok(Written {
            path: out.to_owned(),
            bytes,
            entries: count,
            photos,
        })
    }

    /// A file of the data folder as it goes into a backup: plain.
    fn read_for_backup(&self, name: &str, path: &Path) -> Result<Zeroizing<Vec<u8>>, ArchiveError> {
        if is_private_entry(name) {
            Ok(self.read_private(path)?)
        } else {
            let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
            Ok(Zeroizing::new(bytes))
        }
    }

    /// Writes the archive: age with the passphrase, over tar, the manifest
    /// first. Returns the file's size.
    fn write_archive(
        &self,
        out: &Path,
        passphrase: &SecretString,
        manifest: &Manifest,
        entries: impl Iterator<Item = Result<(String, Zeroizing<Vec<u8>>), ArchiveError>>,
    ) -> Result<u64, ArchiveError> {
        let manifest_bytes = serde_json::to_vec_pretty(manifest).map_err(|e| StoreError::crypto(out, &e))?;
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        if let Some(log_n) = self.kdf_log_n() {
            recipient.set_work_factor(log_n);
        }
        let mtime = u64::try_from(manifest.created.timestamp()).unwrap_or(0);
        write_file_atomically(out, self.injected_fault(out), |file| {
            let io_error = |e: io::Error| ArchiveError::Store(StoreError::io(out, IoAction::Write, e));
            let encryptor =
                age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                    .map_err(|e| StoreError::crypto(out, &e))?;
            let writer = encryptor.wrap_output(BufWriter::new(file)).map_err(io_error)?;
            let mut tar = tar::Builder::new(writer);
            append(&mut tar, MANIFEST, &manifest_bytes, mtime).map_err(io_error)?;
            for entry in entries {
                let (name, bytes) = entry?;
                append(&mut tar, &name, &bytes, mtime).map_err(io_error)?;
            }
            let writer = tar.into_inner().map_err(io_error)?;
            let mut buffered = writer.finish().map_err(io_error)?;
            buffered.flush().map_err(io_error)?;
            Ok(())
        })
    }
}

/// Appends one plain file to the archive: `0600`, a fixed time, no owner.
fn append<W: io::Write>(tar: &mut tar::Builder<W>, name: &str, bytes: &[u8], mtime: u64) -> io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Regular);
    header.set_size(bytes.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(mtime);
    header.set_uid(0);
    header.set_gid(0);
    tar.append_data(&mut header, name, bytes)
}

/// Writes `out` crash-safely: `body` writes a temporary file in the same
/// folder (`0600`), which is flushed to disk and renamed over `out`; the
/// folder is flushed. On failure the temporary file is removed and `out`
/// is left as it was. Returns the file's size.
pub(super) fn write_file_atomically(
    out: &Path,
    fault: Option<io::ErrorKind>,
    body: impl FnOnce(&mut File) -> Result<(), ArchiveError>,
) -> Result<u64, ArchiveError> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options
            .open(&tmp)
            .map_err(|e| StoreError::io(&tmp, IoAction::Write, e))?;
        if let Some(kind) = fault {
            return Err(StoreError::io(out, IoAction::Write, kind.into()).into());
        }
        body(&mut file)?;
        file.sync_all()
            .map_err(|e| StoreError::io(out, IoAction::Write, e))?;
        let len = file
            .metadata()
            .map_err(|e| StoreError::io(out, IoAction::Write, e))?
            .len();
        drop(file);
        fs::rename(&tmp, out).map_err(|e| StoreError::io(out, IoAction::Move, e))?;
        sync_dir(dir)?;
        Ok(len)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Whether a backup entry is a private file (encrypted at rest when
/// encryption is on): everything but the settings and the checklists.
pub(super) fn is_private_entry(name: &str) -> bool {
    name != "settings.ron" && !name.starts_with("checklists/")
}

/// Whether a backup entry is a dossier file that should parse (not a
/// backup copy, nor a copy set aside as damaged).
pub(super) fn is_dossier_entry(name: &str) -> bool {
    (name.starts_with("dossiers/") || name.starts_with("trash/"))
        && super::read::is_ron(name)
        && name.matches('/').count() == 1
}

/// Whether a file name is one that a backup leaves out: hidden files
/// (temporary files, the lock) and the key file.
fn left_out(name: &str) -> bool {
    name.starts_with('.') || name == crate::store::KEY_FILE
}

/// The files of a backup: archive name and file, sorted by name.
fn backup_files(root: &Path, options: BackupOptions) -> Result<Vec<(String, PathBuf)>, StoreError> {
    let mut files = Vec::new();
    let mut tops = vec!["dossiers", "checklists", crate::store::JOURNAL_PHOTOS];
    if options.include_trash {
        tops.push("trash");
    }
    for top in tops {
        let mut dirs = vec![(top.to_owned(), root.join(top))];
        while let Some((prefix, dir)) = dirs.pop() {
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(StoreError::io(&dir, IoAction::Read, e)),
            };
            for entry in entries {
                let entry = entry.map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
                let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                    continue;
                };
                if left_out(&name) {
                    continue;
                }
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                let archive_name = format!("{prefix}/{name}");
                // Only one level of folders: the photo folders.
                if kind.is_dir()
                    && prefix.matches('/').count() == 0
                    && name.ends_with(&format!(".{PHOTOS_EXT}"))
                {
                    dirs.push((archive_name, entry.path()));
                } else if kind.is_file() && (top != "checklists" || super::read::is_ron(&name)) {
                    files.push((archive_name, entry.path()));
                }
            }
        }
    }
    for name in std::iter::once(&"settings.ron").chain(PRIVATE_ROOT_FILES) {
        let path = root.join(name);
        if path.is_file() {
            files.push(((*name).to_owned(), path));
        }
    }
    files.sort();
    Ok(files)
}
