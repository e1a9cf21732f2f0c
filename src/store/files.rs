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

/// The largest file Vigie reads or writes in its data folder (256 MiB):
/// far more than any dossier or household file holds, and a cap on what a
/// hostile or damaged file can make Vigie hold in memory. A save that
/// would pass it is refused ([`StoreError::TooLarge`]).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file is not read: what it is instead of a regular file.
#[derive(Debug)]
pub struct NotRegular(&'static str);

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a regular file ({})", self.0)
    }
}

impl std::error::Error for NotRegular {}

impl NotRegular {
    /// Whether an I/O error is this refusal.
    #[must_use]
    pub fn is(error: &io::Error) -> bool {
        error
            .get_ref()
            .is_some_and(<dyn std::error::Error + Send + Sync>::is::<Self>)
    }

    /// What a file that is not regular is, in words.
    #[must_use]
    pub fn describe(meta: &fs::Metadata) -> &'static str {
        if meta.is_dir() {
            "a folder, not a file"
        } else if meta.is_file() {
            "a file"
        } else {
            "not a regular file (a pipe, a device or a socket)"
        }
    }
}

/// Reads a whole regular file of at most [`MAX_FILE_BYTES`]. A pipe (FIFO),
/// a device, a socket or a folder is refused at once, never opened for a
/// read that could wait forever; so is a larger file. On Linux the file is
/// opened without blocking and checked again once open, so that it cannot
/// be swapped for a pipe in between.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let refuse = |what: &'static str| io::Error::new(io::ErrorKind::InvalidInput, NotRegular(what));
    let check = |meta: &fs::Metadata| -> io::Result<u64> {
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(refuse("a folder"));
        }
        if !kind.is_file() {
            return Err(refuse("a pipe, a device or a socket"));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} bytes, more than the {MAX_FILE_BYTES} Vigie reads", meta.len()),
            ));
        }
        Ok(meta.len())
    };
    check(&fs::metadata(path)?)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // O_NONBLOCK: opening a pipe does not wait for a writer.
        options.custom_flags(0o4000);
    }
    let file = options.open(path)?;
    let len = check(&file.metadata()?)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    io::Read::read_to_end(&mut io::Read::take(file, MAX_FILE_BYTES + 1), &mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the file grew while it was read",
        ));
    }
    Ok(bytes)
}

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
        let bytes = read_regular(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
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

/// Makes an existing folder private (`0700`) when other users could open
/// it (a data folder made by hand, or copied, with `0755`). Returns whether
/// it had to. Nothing to do off Unix (see SECURITY.md).
pub(crate) fn make_private(dir: &Path) -> Result<bool, StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let meta = fs::metadata(dir).map_err(|e| StoreError::io(dir, IoAction::Read, e))?;
        if meta.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                .map_err(|e| StoreError::io(dir, IoAction::Write, e))?;
            return Ok(true);
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(false)
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
    replace_file(path, fault.and_then(|f| f(path)), |file| {
        file.write_all(bytes)
            .map_err(|e| StoreError::io(path, IoAction::Write, e))
    })
    .map(|_| ())
}

/// The temporary files being written right now, so that an interrupted
/// command (Ctrl-C, SIGTERM) removes them before it exits
/// ([`remove_temporary_files_in_progress`]).
static IN_PROGRESS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Removes the temporary files being written (the command line calls it
/// when it is interrupted, just before it exits). The files they were to
/// replace are untouched.
pub fn remove_temporary_files_in_progress() {
    let paths = match IN_PROGRESS.lock() {
        Ok(mut paths) => std::mem::take(&mut *paths),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for path in paths {
        let _ = fs::remove_file(path);
    }
}

/// Keeps a temporary file's path in [`IN_PROGRESS`] while it lives.
struct InProgress(std::path::PathBuf);

impl InProgress {
    fn new(path: &Path) -> Self {
        if let Ok(mut paths) = IN_PROGRESS.lock() {
            paths.push(path.to_owned());
        }
        Self(path.to_owned())
    }
}

impl Drop for InProgress {
    fn drop(&mut self) {
        if let Ok(mut paths) = IN_PROGRESS.lock() {
            paths.retain(|p| *p != self.0);
        }
    }
}

/// The one way Vigie replaces a file, in its data folder or where the user
/// exports: `body` writes a temporary file created **exclusively** (never
/// an existing file or link) under an **unpredictable** name
/// (`.NAME.<random>.tmp`, `0600`) in the same folder; it is flushed to disk
/// and renamed over `path`, and the folder is flushed. On any failure the
/// temporary file is removed and `path` is left as it was. `fault`, a test
/// seam, fails the write after the temporary file exists. Returns the
/// file's size.
pub fn replace_file<E: From<StoreError>>(
    path: &Path,
    fault: Option<io::ErrorKind>,
    body: impl FnOnce(&mut File) -> Result<(), E>,
) -> Result<u64, E> {
    // A bare file name ("plan.pdf") has an empty parent: the current folder.
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    // tempfile creates the file with O_EXCL and mode 0600, and deletes it
    // when dropped unless it was persisted.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .rand_bytes(12)
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
    let _in_progress = InProgress::new(tmp.path());
    if let Some(kind) = fault {
        return Err(StoreError::io(path, IoAction::Write, kind.into()).into());
    }
    body(tmp.as_file_mut())?;
    let file = tmp.as_file();
    file.sync_all()
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?;
    let len = file
        .metadata()
        .map_err(|e| StoreError::io(path, IoAction::Write, e))?
        .len();
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, IoAction::Move, e.error))?;
    sync_dir(dir)?;
    Ok(len)
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
