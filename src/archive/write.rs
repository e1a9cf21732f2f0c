//! Writing a `.vigie` file: a handover of one dossier with its photos, or
//! a backup of the whole data folder. The file is written crash-safely
//! (temporary file in the same folder, flushed, renamed) and `0600`.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write as _};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::layout::{EXPOSURE_DIR, MAX_MANIFEST, check_manifest, check_path};
use super::{
    ARCHIVE_VERSION, ArchiveError, ArchiveKind, DossierSummary, FORMAT_NAME, HANDOVER_DOSSIER,
    HANDOVER_PHOTOS, Limits, MANIFEST, Manifest, ManifestEntry, check_passphrase, sha256_hex,
};
use crate::model::{Dossier, DossierId};
use crate::store::{
    DataFolder, IoAction, PHOTOS_EXT, PRIVATE_ROOT_FILES, PhotoOwner, PhotoSize, StoreError,
    parse_dossier_bytes, to_ron,
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
    /// Files of the data folder that a backup cannot hold (a stray file
    /// in one of Vigie's folders, a name no other system could take), by
    /// their path in the data folder, with why: the user is told.
    pub left_out: Vec<(String, &'static str)>,
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
        let text = Zeroizing::new(to_ron(dossier, out)?);
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
        check_manifest(&manifest, ArchiveKind::Handover, &Limits::default(), out)?;
        let count = entries.len();
        let bytes = self.write_archive(out, passphrase, &manifest, entries.into_iter().map(Ok))?;
        Ok(Written {
            path: out.to_owned(),
            bytes,
            entries: count,
            photos: ids.len(),
            left_out: Vec::new(),
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
        let BackupFiles {
            take: files,
            left_out,
        } = backup_files(self.root(), options)?;
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
        // The reader's rule, run on what is about to be written: a backup
        // that could not be restored is never written.
        check_manifest(&manifest, ArchiveKind::Backup, &Limits::default(), out)?;
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
            left_out,
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
        let manifest_bytes = serde_json::to_vec(manifest).map_err(|e| StoreError::crypto(out, &e))?;
        if manifest_bytes.len() as u64 > MAX_MANIFEST {
            return Err(ArchiveError::TooLarge {
                path: out.to_owned(),
                entries: manifest.entries.len(),
                bytes: manifest_bytes.len() as u64,
            });
        }
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        recipient.set_work_factor(self.kdf_log_n().unwrap_or(crate::store::age_header::SCRYPT_LOG_N));
        let mtime = u64::try_from(manifest.created.timestamp()).unwrap_or(0);
        crate::store::replace_file(out, self.injected_fault(out), |file: &mut File| {
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

/// Whether a backup entry is a private file (encrypted at rest when
/// encryption is on): everything but the settings and the checklists.
pub(super) fn is_private_entry(name: &str) -> bool {
    name != "settings.ron" && !name.starts_with("checklists/")
}

/// Whether a backup entry is a dossier file that should parse (not a
/// backup copy, nor a copy set aside as damaged).
pub(super) fn is_dossier_entry(name: &str) -> bool {
    (name.starts_with("dossiers/") || name.starts_with("trash/"))
        && super::layout::is_ron(name)
        && name.matches('/').count() == 1
}

/// Whether a file name is one that a backup leaves out without a word:
/// hidden files (temporary files, the lock) and the key file.
fn left_out(name: &str) -> bool {
    name.starts_with('.') || name == crate::store::KEY_FILE
}

/// The files of a backup, sorted by name: what goes in (archive name and
/// file), and what the reader would refuse, left out with why (a stray
/// file in a folder of Vigie's, a name no other system could take).
fn backup_files(root: &Path, options: BackupOptions) -> Result<BackupFiles, StoreError> {
    let mut files = BackupFiles::default();
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
                    files.left_out.push((
                        format!("{prefix}/{}", entry.file_name().to_string_lossy()),
                        "a name that is not valid Unicode",
                    ));
                    continue;
                };
                if left_out(&name) {
                    continue;
                }
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                let archive_name = format!("{prefix}/{name}");
                // One level of folders: the photo folders, and the user's
                // exposure sources.
                let photo_folder = prefix.matches('/').count() == 0
                    && top != "checklists"
                    && name.ends_with(&format!(".{PHOTOS_EXT}"));
                let exposure = prefix == "checklists" && name == EXPOSURE_DIR;
                if kind.is_dir() && (photo_folder || exposure) {
                    dirs.push((archive_name, entry.path()));
                } else if !kind.is_file() {
                    files.left_out.push((archive_name, "not a plain file"));
                } else if let Err(reason) = check_path(&archive_name, ArchiveKind::Backup) {
                    files.left_out.push((archive_name, reason));
                } else {
                    files.take.push((archive_name, entry.path()));
                }
            }
        }
    }
    for name in std::iter::once(&"settings.ron").chain(PRIVATE_ROOT_FILES) {
        let path = root.join(name);
        if path.is_file() {
            files.take.push(((*name).to_owned(), path));
        }
    }
    files.take.sort();
    files.left_out.sort();
    Ok(files)
}

/// What [`backup_files`] found.
#[derive(Default)]
struct BackupFiles {
    /// What goes in: archive name and file.
    take: Vec<(String, PathBuf)>,
    /// What is left out, and why.
    left_out: Vec<(String, &'static str)>,
}
