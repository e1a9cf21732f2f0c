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

use super::layout::{MAX_MANIFEST, check_manifest, check_path};
use super::restore::Staging;
use super::write::is_dossier_entry;
use super::{
    ARCHIVE_VERSION, ArchiveError, ArchiveKind, BackupCounts, DossierPreview, FORMAT_NAME, HANDOVER_DOSSIER,
    HANDOVER_PHOTOS, Limits, MANIFEST, Manifest, Preview, sha256_hex,
};
use crate::model::{Dossier, PhotoId};
use crate::photo::{MAX_SIDE, THUMB_SIDE, sanitize_stored};
use crate::store::{
    DataFolder, IoAction, PRIVATE_ROOT_FILES, PhotoSize, StoreError, age_header, parse_dossier_bytes,
    photo_id_of_file,
};

/// What receives each entry's content, once checked.
type Sink<'a> = &'a mut dyn FnMut(&str, Zeroizing<Vec<u8>>) -> Result<(), ArchiveError>;

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
                let clean = sanitize_photo(&bytes, size, &entry_path(file, name))?;
                photos.insert((id, size), clean);
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
    refuse_unsafe_title(&dossier, file)?;
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
        // Photos are decoded and stripped by helpers on the other cores
        // while the archive is read (the decoding is most of a restore's
        // time); the first error a helper finds stops the reading.
        let failed: std::sync::Mutex<Option<ArchiveError>> = std::sync::Mutex::new(None);
        let (sender, receiver) = std::sync::mpsc::sync_channel::<(String, Zeroizing<Vec<u8>>, PhotoSize)>(8);
        let receiver = std::sync::Mutex::new(receiver);
        let read = std::thread::scope(|scope| {
            let workers = std::thread::available_parallelism()
                .map_or(1, std::num::NonZero::get)
                .clamp(1, 4);
            let started = (0..workers)
                .filter(|n| {
                    let (receiver, failed, staging) = (&receiver, &failed, &staging);
                    std::thread::Builder::new()
                        .name(format!("vigie-restore-photos-{n}"))
                        .spawn_scoped(scope, move || {
                            loop {
                                let next = receiver.lock().ok().and_then(|r| r.recv().ok());
                                let Some((name, bytes, size)) = next else {
                                    return;
                                };
                                let done = sanitize_photo(&bytes, size, &entry_path(file, &name))
                                    .and_then(|clean| staging.put(self, &name, &clean));
                                if let Err(err) = done
                                    && let Ok(mut failed) = failed.lock()
                                {
                                    failed.get_or_insert(err);
                                }
                            }
                        })
                        .is_ok()
                })
                .count();
            let sender = sender;
            read_archive(
                file,
                passphrase,
                limits,
                ArchiveKind::Backup,
                &mut |name, bytes| {
                    if let Some(err) = failed.lock().ok().and_then(|mut f| f.take()) {
                        return Err(err);
                    }
                    count(&mut counts, name);
                    match name.rsplit('/').next().and_then(photo_id_of_file) {
                        Some((_, size)) if started > 0 => {
                            // Only fails once every helper is gone.
                            let _ = sender.send((name.to_owned(), bytes, size));
                            Ok(())
                        }
                        Some((_, size)) => {
                            let clean = sanitize_photo(&bytes, size, &entry_path(file, name))?;
                            staging.put(self, name, &clean)
                        }
                        None => staging.put(self, name, &bytes),
                    }
                },
            )
            // `sender` is dropped here: the helpers end once the queue is
            // empty, and the scope waits for them.
        });
        let manifest = read?;
        if let Some(err) = failed.into_inner().ok().flatten() {
            return Err(err);
        }
        for entry in manifest
            .entries
            .iter()
            .filter(|e| is_dossier_entry(&e.path) && !e.damaged)
        {
            let bytes = self.read_private(&staging.path(&entry.path))?;
            // A title with control characters is not refused here: the
            // backup is the user's own record, and every output escapes them.
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

/// A photo or thumbnail of a file from someone else, taken in as a photo
/// added by hand would be: decoded within limits, no larger than Vigie
/// stores it, every piece of metadata dropped ([`sanitize_stored`]).
fn sanitize_photo(bytes: &[u8], size: PhotoSize, path: &Path) -> Result<Zeroizing<Vec<u8>>, ArchiveError> {
    let max_side = match size {
        PhotoSize::Full => MAX_SIDE,
        PhotoSize::Thumbnail => THUMB_SIDE,
    };
    Ok(Zeroizing::new(sanitize_stored(bytes, max_side, path)?))
}

/// Refuses a dossier whose title holds control characters or
/// bidirectional overrides: Vigie never writes one, and on a terminal they
/// could retitle it, clear it or print fake warnings.
fn refuse_unsafe_title(dossier: &Dossier, path: &Path) -> Result<(), ArchiveError> {
    if crate::model::dossier::title_is_unsafe(&dossier.title) {
        return Err(ArchiveError::Refused {
            path: path.to_owned(),
            reason: "the dossier's title holds control characters".to_owned(),
        });
    }
    Ok(())
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
    let mut handle = open_checked(file, limits)?;
    let decryptor = age::Decryptor::new_buffered(BufReader::new(&mut handle)).map_err(|e| match e {
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
    let mut identity = age::scrypt::Identity::new(passphrase.clone());
    identity.set_max_work_factor(age_header::MAX_SCRYPT_LOG_N);
    let reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::ExcessiveWork { required, .. } => ArchiveError::Refused {
                path: file.to_owned(),
                reason: age_header::HeaderProblem::ExcessiveWork(required).to_string(),
            },
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

/// Opens a `.vigie` file after checking, without waiting and before any
/// key derivation, that it is a regular file of a size Vigie could have
/// written, and that its age header is one Vigie writes (one passphrase
/// stanza, a work factor Vigie uses, a short header). Returns it at its
/// start.
fn open_checked(file: &Path, limits: &Limits) -> Result<File, ArchiveError> {
    let refused = |reason: String| ArchiveError::Refused {
        path: file.to_owned(),
        reason,
    };
    let meta = std::fs::metadata(file).map_err(|e| StoreError::io(file, IoAction::Read, e))?;
    if !meta.is_file() {
        return Err(refused(crate::store::NotRegular::describe(&meta).to_owned()));
    }
    // The archive adds a header per entry, padding and age's tags: 1 KiB
    // an entry is far more than enough.
    let plausible = limits
        .max_backup
        .max(limits.max_handover)
        .saturating_add(MAX_MANIFEST)
        .saturating_add((limits.max_entries as u64).saturating_mul(1024));
    if meta.len() > plausible {
        return Err(refused(format!(
            "{} bytes, more than a Vigie file can hold",
            meta.len()
        )));
    }
    let mut handle = File::open(file).map_err(|e| StoreError::io(file, IoAction::Read, e))?;
    if !handle
        .metadata()
        .map_err(|e| StoreError::io(file, IoAction::Read, e))?
        .is_file()
    {
        return Err(refused("not a regular file".to_owned()));
    }
    let head = age_header::read_head(&mut handle).map_err(|e| StoreError::io(file, IoAction::Read, e))?;
    match age_header::check(&head, age_header::Expect::Scrypt) {
        Ok(()) => {}
        Err(age_header::HeaderProblem::NotAge) => {
            return Err(ArchiveError::NotAnArchive {
                path: file.to_owned(),
            });
        }
        Err(problem) => return Err(refused(problem.to_string())),
    }
    io::Seek::rewind(&mut handle).map_err(|e| StoreError::io(file, IoAction::Read, e))?;
    Ok(handle)
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
