//! The data folder: dossiers, their backups, the trash, settings, and the
//! user's own checklists.
//!
//! Layout under the data folder:
//!
//! ```text
//! dossiers/<id>.ron        one dossier per file
//! dossiers/<id>.ron.bak    the version before the current session's first save
//! trash/<id>-<time>.ron    deleted dossiers
//! checklists/*.ron         the user's own checklists
//! settings.ron             language and theme
//! ```
//!
//! Saves are crash-safe: the new version goes to a temporary file in the same
//! folder, is flushed to disk, then renamed over the old one, and the folder
//! itself is flushed. A crash leaves either the old or the new file, never a
//! mix. Files are created `0600` and folders `0700` on Unix. A file that fails
//! to load is never written over by a later save of another version: the
//! user is told, with the file and the line, and may open the backup.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::dossier::FORMAT_VERSION;
use crate::model::{Dossier, DossierId};

/// What the store was doing when an I/O error happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    /// Creating a folder.
    CreateFolder,
    /// Reading a file or folder.
    Read,
    /// Writing a file.
    Write,
    /// Moving a file (to the trash, or into place after a save).
    Move,
}

/// An error about the user's data files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file system operation failed.
    #[error("{action:?} {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done.
        action: IoAction,
        /// The operating system's error.
        source: io::Error,
    },
    /// A dossier or settings file is not valid RON of the expected shape.
    #[error("{path}:{line}:{col}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The parser's message.
        message: String,
    },
    /// A dossier written by a newer Vigie.
    #[error("{path}: format version {version} is newer than this Vigie")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        version: u32,
    },
    /// The file changed on disk since it was loaded (another copy of Vigie,
    /// or another program): saving would silently overwrite that change.
    #[error("{path} changed on disk since it was opened")]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The dossier has no backup.
    #[error("{path}: no backup")]
    NoBackup {
        /// The backup file that does not exist.
        path: PathBuf,
    },
}

impl StoreError {
    fn io(path: &Path, action: IoAction, source: io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            action,
            source,
        }
    }

    fn parse(path: &Path, err: &ron::error::SpannedError) -> Self {
        Self::Parse {
            path: path.to_owned(),
            line: err.span.start.line,
            col: err.span.start.col,
            message: err.code.to_string(),
        }
    }
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// The user's preferences, saved in `settings.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The language chosen; `None` follows the system locale.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The colour theme.
    #[serde(default)]
    pub theme: Theme,
}

/// What the dossier list shows of one dossier file.
#[derive(Debug)]
pub struct Listed {
    /// The dossier's id.
    pub id: DossierId,
    /// Its file.
    pub path: PathBuf,
    /// The dossier, or why it could not be loaded.
    pub dossier: Result<Dossier, StoreError>,
    /// Whether a backup exists.
    pub has_backup: bool,
}

/// A file's identity on disk, to notice changes made by someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = fs::metadata(path).ok()?;
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// The data folder.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    /// Dossiers whose backup was already rotated in this session.
    backed_up: BTreeSet<DossierId>,
    /// The stamp of each dossier file as last loaded or saved by us.
    stamps: BTreeMap<DossierId, Stamp>,
}

const DOSSIER_EXT: &str = "ron";

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
        let store = Self {
            root: root.into(),
            backed_up: BTreeSet::new(),
            stamps: BTreeMap::new(),
        };
        for dir in [
            store.root.clone(),
            store.dossiers_dir(),
            store.trash_dir(),
            store.checklists_dir(),
        ] {
            create_private_dir(&dir)?;
        }
        Ok(store)
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

    /// Every dossier in the folder, sorted by last change (newest first),
    /// with the ones that fail to load last.
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
                dossier: read_dossier(&path),
                has_backup: self.backup_path(&id).exists(),
                id,
                path,
            });
        }
        listed.sort_by(|a, b| match (&a.dossier, &b.dossier) {
            (Ok(x), Ok(y)) => y.modified.cmp(&x.modified).then_with(|| a.id.cmp(&b.id)),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.id.cmp(&b.id),
        });
        Ok(listed)
    }

    /// Loads a dossier and remembers its file's state, so that a later save
    /// notices if someone else changed it in between.
    pub fn load(&mut self, id: &DossierId) -> Result<Dossier, StoreError> {
        let path = self.dossier_path(id);
        let stamp = Stamp::of(&path);
        let dossier = read_dossier(&path)?;
        if let Some(stamp) = stamp {
            self.stamps.insert(id.clone(), stamp);
        }
        Ok(dossier)
    }

    /// Loads a dossier's backup. The damaged file is left as it is; the next
    /// save of this dossier first moves it aside to `<id>.ron.damaged`.
    pub fn load_backup(&mut self, id: &DossierId) -> Result<Dossier, StoreError> {
        let backup = self.backup_path(id);
        if !backup.exists() {
            return Err(StoreError::NoBackup { path: backup });
        }
        let dossier = read_dossier(&backup)?;
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
        let path = self.dossier_path(id);
        let on_disk = Stamp::of(&path);
        if let (Some(known), Some(now)) = (self.stamps.get(id), on_disk)
            && *known != now
        {
            return Err(StoreError::ChangedOnDisk { path });
        }
        let text = to_ron(dossier);
        if on_disk.is_some() && !self.backed_up.contains(id) {
            let backup = self.backup_path(id);
            let old = fs::read(&path).map_err(|e| StoreError::io(&path, IoAction::Read, e))?;
            write_atomic(&backup, &old)?;
        }
        write_atomic(&path, text.as_bytes())?;
        self.backed_up.insert(id.clone());
        if let Some(stamp) = Stamp::of(&path) {
            self.stamps.insert(id.clone(), stamp);
        }
        Ok(())
    }

    /// Copies a dossier under a new id with a new title.
    pub fn duplicate(
        &mut self,
        id: &DossierId,
        title: &str,
        now: DateTime<Utc>,
    ) -> Result<DossierId, StoreError> {
        let mut dossier = read_dossier(&self.dossier_path(id))?;
        title.clone_into(&mut dossier.title);
        dossier.created = now;
        dossier.modified = now;
        self.create(&dossier)
    }

    /// Moves a dossier (and its backup) to the trash folder. Returns the
    /// dossier's new place.
    pub fn trash(&mut self, id: &DossierId, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        let stamp = now.format("%Y%m%d-%H%M%S");
        let target = self.trash_dir().join(format!("{id}-{stamp}.{DOSSIER_EXT}"));
        let path = self.dossier_path(id);
        fs::rename(&path, &target).map_err(|e| StoreError::io(&path, IoAction::Move, e))?;
        let backup = self.backup_path(id);
        if backup.exists() {
            let backup_target = self.trash_dir().join(format!("{id}-{stamp}.{DOSSIER_EXT}.bak"));
            fs::rename(&backup, &backup_target).map_err(|e| StoreError::io(&backup, IoAction::Move, e))?;
        }
        sync_dir(&self.dossiers_dir())?;
        sync_dir(&self.trash_dir())?;
        self.stamps.remove(id);
        self.backed_up.remove(id);
        Ok(target)
    }

    /// Loads the settings; missing file: the defaults.
    pub fn load_settings(&self) -> Result<Settings, StoreError> {
        let path = self.root.join("settings.ron");
        match fs::read_to_string(&path) {
            Ok(text) => ron::from_str(&text).map_err(|e| StoreError::parse(&path, &e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(StoreError::io(&path, IoAction::Read, e)),
        }
    }

    /// Saves the settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        write_atomic(&self.root.join("settings.ron"), to_ron(settings).as_bytes())
    }

    fn fresh_id(&self, created: DateTime<Utc>) -> DossierId {
        let base = created.format("%Y%m%d-%H%M%S").to_string();
        let mut n = 0_u32;
        loop {
            let candidate = if n == 0 {
                DossierId(base.clone())
            } else {
                DossierId(format!("{base}-{n}"))
            };
            if !self.dossier_path(&candidate).exists() && !self.backup_path(&candidate).exists() {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Pretty RON, stable from one save to the next.
fn to_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(6)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    // Serializing our own plain structs to a string cannot fail.
    ron::ser::to_string_pretty(value, config).unwrap_or_default()
}

/// Reads and parses a dossier file.
pub fn read_dossier(path: &Path) -> Result<Dossier, StoreError> {
    let text = fs::read_to_string(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
    parse_dossier(&text, path)
}

/// Parses a dossier's text; `path` names it in errors.
pub fn parse_dossier(text: &str, path: &Path) -> Result<Dossier, StoreError> {
    /// Only the version, to explain a failure on a file from a newer Vigie.
    #[derive(Deserialize)]
    struct VersionOnly {
        format_version: u32,
    }
    let dossier = ron::from_str::<Dossier>(text).map_err(|err| match ron::from_str::<VersionOnly>(text) {
        Ok(v) if v.format_version > FORMAT_VERSION => StoreError::TooNew {
            path: path.to_owned(),
            version: v.format_version,
        },
        _ => StoreError::parse(path, &err),
    })?;
    if dossier.format_version > FORMAT_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            version: dossier.format_version,
        });
    }
    Ok(dossier)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| StoreError::io(dir, IoAction::CreateFolder, e))
}

/// Writes `bytes` to `path` crash-safely: temporary file in the same
/// folder, flushed, renamed over `path`, folder flushed. The file is `0600`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
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
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
        drop(file);
        fs::rename(&tmp, path).map_err(|e| StoreError::io(path, IoAction::Move, e))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Flushes a folder's entries to disk (after a rename). No-op off Unix.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io(dir, IoAction::Write, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
