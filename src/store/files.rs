//! The file system under the store: crash-safe writes (temporary file,
//! flush, rename, flush the folder), private files and folders (`0600`,
//! `0700`), the data folder's lock, and file stamps for conflict checks.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use sha2::{Digest as _, Sha256};

use super::{IoAction, StoreError};

/// A test seam: given the file about to be written, returns the error that
/// writing it should fail with (a simulated full disk or read-only folder),
/// or `None` to write normally.
pub type FaultHook = Arc<FaultFn>;

/// The function behind a [`FaultHook`].
pub type FaultFn = dyn Fn(&Path) -> Option<io::ErrorKind> + Send + Sync;

/// The lock file in the data folder: a save holds it from the conflict check
/// to the rename, so that two copies of Vigie on one folder cannot slip a
/// write in between. It holds nothing.
pub const LOCK_FILE: &str = ".lock";

/// How old a temporary file must be to be taken for a crash's leftover.
pub const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_mins(10);

/// A file's identity on disk, to notice changes made by someone else: its
/// time and length, and a hash of its content, since two writes within the
/// file system's time granularity may leave the same time and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: [u8; 32],
}

impl Stamp {
    pub(crate) fn new(meta: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            modified: meta.modified().ok(),
            len: meta.len(),
            hash: Sha256::digest(bytes).into(),
        }
    }

    /// The file's stamp and content; `None` when it does not exist.
    pub(crate) fn read(path: &Path) -> Result<Option<(Self, Vec<u8>)>, StoreError> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(path, IoAction::Read, e)),
        };
        let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
        Ok(Some((Self::new(&meta, &bytes), bytes)))
    }
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
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
    write_atomic_with(path, bytes, None)
}

/// [`write_atomic`], with a fault hook that may make the write fail as a
/// full disk or a read-only folder would, after the temporary file was
/// created (so that its clean-up is exercised too).
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    fault: Option<&FaultFn>,
) -> Result<(), StoreError> {
    // A bare file name ("plan.pdf") has an empty parent: the current folder.
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
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
        let injected = fault.and_then(|f| f(path));
        injected
            .map_or_else(|| file.write_all(bytes), |kind| Err(io::Error::from(kind)))
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

/// Takes the data folder's lock (an exclusive advisory lock on `path`,
/// created `0600` if missing), waiting while another save holds it.
pub(crate) fn lock_folder(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options
        .open(path)
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
    file.lock()
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
    Ok(file)
}

/// Flushes a folder's entries to disk (after a rename). No-op off Unix.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
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
