//! The data folder: dossiers, their backups, the trash, settings, and the
//! user's own checklists.
//!
//! Layout under the data folder:
//!
//! ```text
//! dossiers/<id>.ron        one dossier per file
//! dossiers/<id>.ron.bak    the version before the current session's first save
//! dossiers/<id>.photos/    its photos (see `photos.rs`)
//! trash/<id>-<time>.ron    deleted dossiers (and `.ron.bak`, `.photos/`)
//! journal.photos/          the household journal's photos
//! checklists/*.ron         the user's own checklists
//! settings.ron             language, theme, idle lock (never secret)
//! key.age                  when encryption is on: the data key, encrypted
//!                          with the user's passphrase
//! ```
//!
//! Saves are crash-safe: the new version goes to a temporary file in the same
//! folder, is flushed to disk, then renamed over the old one, and the folder
//! itself is flushed. A crash leaves either the old or the new file, never a
//! mix. Files are created `0600` and folders `0700` on Unix. A file that fails
//! to load is never written over by a later save of another version: the
//! user is told, with the file and the line, and may open the backup.
//!
//! Encryption at rest is optional. When it is on, `key.age` holds an age
//! x25519 identity, itself encrypted with the user's passphrase (an age
//! scrypt recipient, one slow key derivation per session); every dossier,
//! backup and trashed file is an age file encrypted to that identity. Reads
//! recognise an age file by its header, so a folder half converted by a crash
//! still opens. The standard `age` tool decrypts all of it (see SECURITY.md).
//!
//! Writes go through one function, and tests can make it fail on purpose
//! with [`Store::set_fault_hook`] (a full disk, a read-only folder).

pub mod age_header;
mod convert;
mod crypt;
mod error;
mod files;
mod format;
mod household;
mod index;
mod photos;
pub mod restore_journal;
mod save;
mod trash;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use crate::model::summary::DossierSummary;
use crate::model::{Dossier, DossierId};
use crate::settings::Settings;
pub use convert::{Conversion, ConversionDone, ConversionProgress, EncryptionChange, PRIVATE_ROOT_FILES};
use crypt::Keys;
pub use crypt::{AGE_MAGIC, DataKey, Encryption, KEY_FILE, KeyReader, is_age};
pub use error::{IoAction, StoreError};
use files::Stamp;
pub use files::{
    FaultFn, FaultHook, LOCK_FILE, MAX_FILE_BYTES, NotRegular, STALE_TEMPORARY, read_regular,
    remove_temporary_files_in_progress, replace_file, write_atomic,
};
pub(crate) use files::{create_private_dir, sync_dir};
pub(crate) use format::to_ron;
pub use format::{from_ron, parse_dossier, parse_dossier_bytes, read_dossier};
pub use household::{HouseholdDoc, HouseholdFile, InventoryFile, JournalFile};
pub use index::{INDEX_FILE, is_index};
pub use photos::{
    DataFolder, JOURNAL_PHOTOS, PHOTOS_EXT, PhotoFileError, PhotoOwner, PhotoSize, photo_id_of_file,
};
pub use save::{SaveDone, SaveJob};
pub(crate) use trash::split_trashed_name;
pub use trash::{Trashed, TrashedId};

/// What the dossier list shows of one dossier file.
#[derive(Debug)]
pub struct Listed {
    /// The dossier's id.
    pub id: DossierId,
    /// Its file.
    pub path: PathBuf,
    /// What the list shows of it, or why it could not be loaded.
    pub summary: Result<DossierSummary, StoreError>,
    /// Whether a backup exists.
    pub has_backup: bool,
}

/// The data folder.
pub struct Store {
    root: PathBuf,
    /// Dossiers whose backup was already rotated in this session.
    backed_up: BTreeSet<DossierId>,
    /// The stamp of each dossier file as last loaded or saved by us.
    stamps: BTreeMap<DossierId, Stamp>,
    /// The data key, when encryption is on.
    keys: Keys,
    /// The scrypt work factor for a new key file; `None`: age's choice
    /// (about one second on this computer).
    kdf_log_n: Option<u8>,
    /// Makes writes fail on purpose, in tests.
    fault: Option<FaultHook>,
    /// Folders made private when the store was opened.
    tightened: Vec<PathBuf>,
    /// A restore cut short, undone when the store was opened: how many
    /// files were moved back.
    interrupted_restore: Option<usize>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("root", &self.root)
            .field("encryption", &self.encryption())
            .finish_non_exhaustive()
    }
}

pub(crate) const DOSSIER_EXT: &str = "ron";

impl Store {
    /// The data folder to use: `--data-dir`, else `VIGIE_DATA_DIR`, else the
    /// platform's data folder (`~/.local/share/vigie` on Linux).
    #[must_use]
    pub fn default_root(explicit: Option<PathBuf>) -> Option<PathBuf> {
        explicit
            .or_else(|| {
                std::env::var_os("VIGIE_DATA_DIR")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| {
                directories::ProjectDirs::from("fr", "Vigie", "vigie").map(|d| d.data_dir().to_owned())
            })
    }

    /// Opens (and creates if needed) the data folder at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let mut store = Self {
            root: root.into(),
            backed_up: BTreeSet::new(),
            stamps: BTreeMap::new(),
            keys: Keys::Off,
            kdf_log_n: None,
            fault: None,
            tightened: Vec::new(),
            interrupted_restore: None,
        };
        for dir in [
            store.root.clone(),
            store.dossiers_dir(),
            store.trash_dir(),
            store.checklists_dir(),
        ] {
            create_private_dir(&dir)?;
            if files::make_private(&dir)? {
                store.tightened.push(dir);
            }
        }
        if store.key_path().exists() {
            store.keys = Keys::Locked;
        }
        store.interrupted_restore = restore_journal::recover(&store.root);
        store.remove_stale_temporary_files();
        Ok(store)
    }

    /// Another handle on the same data folder, with the same key, for a
    /// background thread that only reads the folder (the dossier list).
    /// It knows nothing of this one's saves.
    #[must_use]
    pub fn reader(&self) -> Self {
        Self {
            root: self.root.clone(),
            backed_up: BTreeSet::new(),
            stamps: BTreeMap::new(),
            keys: self.keys.clone(),
            kdf_log_n: self.kdf_log_n,
            fault: self.fault.clone(),
            tightened: Vec::new(),
            interrupted_restore: None,
        }
    }

    /// The folders that other users of this computer could open, made
    /// private (`0700`) when the data folder was opened: to tell the user.
    #[must_use]
    pub fn tightened_folders(&self) -> &[PathBuf] {
        &self.tightened
    }

    /// Whether a restore was cut short (Vigie killed half way) and undone
    /// when the data folder was opened, with how many files were moved
    /// back: to tell the user that the folder is as it was before that
    /// restore, which can be run again.
    #[must_use]
    pub fn interrupted_restore(&self) -> Option<usize> {
        self.interrupted_restore
    }

    /// Removes the temporary files that a crash left behind (a save killed
    /// between writing its temporary file and renaming it). Only files
    /// older than [`STALE_TEMPORARY`] go, so that a save in progress in
    /// another copy of Vigie is left alone. Best effort: failures are
    /// ignored, the files are harmless.
    fn remove_stale_temporary_files(&self) {
        let now = SystemTime::now();
        // The photo folders (the journal's, the dossiers', the trashed
        // dossiers') are found on the way, each folder being read once: a
        // folder of 10,000 dossiers is walked once, without a stat per
        // file.
        let mut dirs = vec![
            self.root.clone(),
            self.dossiers_dir(),
            self.trash_dir(),
            self.root.join(JOURNAL_PHOTOS),
        ];
        let photos_suffix = format!(".{PHOTOS_EXT}");
        let mut next = 0;
        while let Some(dir) = dirs.get(next).cloned() {
            next += 1;
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            let holds_photo_folders = dir == self.dossiers_dir() || dir == self.trash_dir();
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                let Some(name) = name.to_str() else {
                    continue;
                };
                let is_dir = || entry.file_type().is_ok_and(|t| t.is_dir());
                if holds_photo_folders && name.ends_with(&photos_suffix) && is_dir() {
                    if dir == self.dossiers_dir() && self.is_abandoned_photo_folder(name, &entry, now) {
                        let _ = fs::remove_dir_all(entry.path());
                    } else {
                        dirs.push(entry.path());
                    }
                    continue;
                }
                let is_temporary = name.starts_with('.')
                    && Path::new(name)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("tmp"));
                if !is_temporary {
                    continue;
                }
                // Only a temporary file's age is asked for.
                let is_old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMPORARY));
                if is_old {
                    let path = entry.path();
                    // A restore's staging folder is a temporary folder.
                    let _ = if is_dir() {
                        fs::remove_dir_all(&path)
                    } else {
                        fs::remove_file(&path)
                    };
                }
            }
        }
    }

    /// Whether a dossier's photo folder was left by an import or a new
    /// dossier killed before its dossier file was written: no dossier file
    /// nor backup of its id, no trashed dossier of its id (a trash move cut
    /// short leaves the photos behind for a while, and they are then
    /// fetched), and older than [`STALE_TEMPORARY`] (an import under way in
    /// another copy of Vigie is left alone).
    fn is_abandoned_photo_folder(&self, name: &str, entry: &fs::DirEntry, now: SystemTime) -> bool {
        let Some(stem) = name.strip_suffix(&format!(".{PHOTOS_EXT}")) else {
            return false;
        };
        let dossiers = self.dossiers_dir();
        if [".ron", ".ron.bak", ".ron.damaged"]
            .iter()
            .any(|suffix| dossiers.join(format!("{stem}{suffix}")).exists())
        {
            return false;
        }
        let trashed = fs::read_dir(self.trash_dir()).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.strip_prefix(stem).is_some_and(|rest| rest.starts_with('-')))
            })
        });
        !trashed
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_TEMPORARY))
    }

    /// Sets the hook that makes writes fail on purpose (tests only).
    pub fn set_fault_hook(&mut self, hook: Option<FaultHook>) {
        self.fault = hook;
    }

    /// Sets the scrypt work factor (`N = 2^log_n`) used when a key file is
    /// written. The default, age's, takes about a second; tests use a small
    /// one to stay fast.
    pub fn set_kdf_work_factor(&mut self, log_n: u8) {
        self.kdf_log_n = Some(log_n.clamp(1, 30));
    }
    /// Reads and parses a dossier file, decrypting it if needed.
    pub fn read_dossier_file(&self, path: &Path) -> Result<Dossier, StoreError> {
        let bytes = files::read_regular(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
        let plain = self.decode(path, bytes)?;
        parse_dossier_bytes(&plain, path)
    }

    /// The data folder.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where dossiers are saved.
    #[must_use]
    pub fn dossiers_dir(&self) -> PathBuf {
        self.root.join("dossiers")
    }

    /// Where deleted dossiers go.
    #[must_use]
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// The user's own checklists.
    #[must_use]
    pub fn checklists_dir(&self) -> PathBuf {
        self.root.join("checklists")
    }

    /// A dossier's file.
    #[must_use]
    pub fn dossier_path(&self, id: &DossierId) -> PathBuf {
        self.dossiers_dir().join(format!("{id}.{DOSSIER_EXT}"))
    }

    /// A dossier's backup file.
    #[must_use]
    pub fn backup_path(&self, id: &DossierId) -> PathBuf {
        self.dossiers_dir().join(format!("{id}.{DOSSIER_EXT}.bak"))
    }

    /// Every dossier in the folder, read whole, sorted by last change
    /// (newest first), the ones that fail to load last. Their summaries
    /// count no progress (that needs the checklists: see
    /// [`Store::list_with`], which the window uses, with its index).
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let dir = self.dossiers_dir();
        let entries = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&dir, IoAction::Read, e))?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some(DOSSIER_EXT) {
                continue;
            }
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if !DossierId::is_valid(stem) {
                continue;
            }
            let id = DossierId(stem.to_owned());
            listed.push(Listed {
                summary: self.read_dossier_file(&path).map(|d| DossierSummary::of(&d, &[])),
                has_backup: self.backup_path(&id).exists(),
                id,
                path,
            });
        }
        index::sort_listed(&mut listed);
        Ok(listed)
    }

    /// Loads a dossier and remembers its file's state, so that a later save
    /// notices if someone else changed it in between. Its photo folder is
    /// settled on the way: brought back if a crash left it in the trash,
    /// and rid of files that neither the dossier nor its backup refer to
    /// (see [`PhotoOwner`]).
    pub fn load(&mut self, id: &DossierId) -> Result<Dossier, StoreError> {
        let path = self.dossier_path(id);
        let Some((stamp, bytes)) = Stamp::read(&path)? else {
            return Err(StoreError::io(
                &path,
                IoAction::Read,
                io::ErrorKind::NotFound.into(),
            ));
        };
        let plain = self.decode(&path, bytes)?;
        let dossier = parse_dossier_bytes(&plain, &path)?;
        self.stamps.insert(id.clone(), stamp);
        self.settle_photos(id, &dossier);
        Ok(dossier)
    }

    /// Loads a dossier's backup. The damaged file is left as it is; the next
    /// save of this dossier first moves it aside to `<id>.ron.damaged`.
    pub fn load_backup(&mut self, id: &DossierId) -> Result<Dossier, StoreError> {
        let backup = self.backup_path(id);
        if !backup.exists() {
            return Err(StoreError::NoBackup { path: backup });
        }
        let dossier = self.read_dossier_file(&backup)?;
        let path = self.dossier_path(id);
        if path.exists() {
            let aside = self.dossiers_dir().join(format!("{id}.{DOSSIER_EXT}.damaged"));
            fs::rename(&path, &aside).map_err(|e| StoreError::io(&path, IoAction::Move, e))?;
            sync_dir(&self.dossiers_dir())?;
        }
        // The backup must survive the next save: it is the only good copy.
        self.backed_up.insert(id.clone());
        self.stamps.remove(id);
        Ok(dossier)
    }

    /// Saves a new dossier under a fresh id and returns the id.
    pub fn create(&mut self, dossier: &Dossier) -> Result<DossierId, StoreError> {
        let id = self.fresh_id(dossier.created);
        self.save(&id, dossier)?;
        Ok(id)
    }

    /// Saves a dossier, crash-safely.
    ///
    /// The first save of a dossier in a session keeps the previous file as
    /// its backup. Fails with [`StoreError::ChangedOnDisk`] when the file was
    /// changed by someone else since this store loaded or saved it; the file
    /// is then left as it is.
    pub fn save(&mut self, id: &DossierId, dossier: &Dossier) -> Result<(), StoreError> {
        let job = self.save_job(id, dossier)?;
        let done = job.run();
        self.finish_save(done)
    }

    /// The first half of [`Store::save`], cheap enough for the UI thread:
    /// the dossier written out (and encrypted). [`SaveJob::run`] does the
    /// disk work, on any thread; [`Store::finish_save`] records its outcome.
    /// Only one job per dossier may be under way at a time.
    pub fn save_job(&self, id: &DossierId, dossier: &Dossier) -> Result<SaveJob, StoreError> {
        let path = self.dossier_path(id);
        let text = Zeroizing::new(to_ron(dossier, &path)?);
        let bytes = self.encode(&path, text.as_bytes())?;
        Ok(SaveJob {
            id: id.clone(),
            backup: (!self.backed_up.contains(id)).then(|| self.backup_path(id)),
            known: self.stamps.get(id).copied(),
            recipient: match &self.keys {
                Keys::Unlocked { recipient, .. } => Some(recipient.clone()),
                Keys::Off | Keys::Locked => None,
            },
            lock: self.root.join(LOCK_FILE),
            fault: self.fault.clone(),
            path,
            bytes,
        })
    }

    /// Records the outcome of a [`SaveJob`]: the file's new stamp (for the
    /// conflict check) and its backup made; returns the job's error.
    pub fn finish_save(&mut self, done: SaveDone) -> Result<(), StoreError> {
        let stamp = done.result?;
        self.backed_up.insert(done.id.clone());
        if let Some(stamp) = stamp {
            self.stamps.insert(done.id, stamp);
        }
        Ok(())
    }

    /// Copies a dossier under a new id with a new title, with copies of its
    /// photos; the copy is not signed (a visit's sign-off stays with the
    /// dossier that was signed).
    pub fn duplicate(
        &mut self,
        id: &DossierId,
        title: &str,
        now: DateTime<Utc>,
    ) -> Result<DossierId, StoreError> {
        let mut dossier = self.read_dossier_file(&self.dossier_path(id))?;
        title.clone_into(&mut dossier.title);
        dossier.created = now;
        dossier.modified = now;
        // A copy is another dossier: an import never takes one for the other.
        dossier.uid = Some(crate::model::dossier::new_uid());
        // Nobody signed the copy.
        dossier.signoff = None;
        dossier.earlier_signoffs.clear();
        self.create_with_photos_from(&dossier, &PhotoOwner::Dossier(id.clone()))
    }

    /// Loads the settings; missing file: the defaults.
    pub fn load_settings(&self) -> Result<Settings, StoreError> {
        let path = self.root.join("settings.ron");
        match files::read_regular(&path).and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
        }) {
            Ok(text) => from_ron(&text).map_err(|e| StoreError::parse(&path, &e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(StoreError::io(&path, IoAction::Read, e)),
        }
    }

    /// Saves the settings (never encrypted: they hold nothing secret).
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let path = self.root.join("settings.ron");
        self.write_file(&path, to_ron(settings, &path)?.as_bytes())
    }

    pub(crate) fn fresh_id(&self, created: DateTime<Utc>) -> DossierId {
        let base = created.format("%Y%m%d-%H%M%S").to_string();
        let mut n = 0_u32;
        loop {
            let candidate = if n == 0 {
                DossierId(base.clone())
            } else {
                DossierId(format!("{base}-{n}"))
            };
            // A photo folder left without its dossier keeps its id taken.
            if !self.dossier_path(&candidate).exists()
                && !self.backup_path(&candidate).exists()
                && !self.photos_dir(&PhotoOwner::Dossier(candidate.clone())).exists()
            {
                return candidate;
            }
            n += 1;
        }
    }
}
