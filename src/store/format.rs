//! Dossier files as text: RON written pretty and stable, read back with
//! errors that name the file, line and column, and files from a newer
//! Vigie recognised as such.

use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::crypt::is_age;
use super::{IoAction, StoreError};
use crate::model::Dossier;
use crate::model::dossier::FORMAT_VERSION;

/// Pretty RON, stable from one save to the next; `path` names the file in
/// errors. A value that cannot be written out, or whose text would pass
/// [`super::MAX_FILE_BYTES`] (more than Vigie reads back), is an error:
/// nothing is written and the file on disk stays as it was.
pub(crate) fn to_ron<T: Serialize>(value: &T, path: &Path) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(6)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let text = ron::ser::to_string_pretty(value, config).map_err(|e| StoreError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    if text.len() as u64 > super::MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_owned(),
            bytes: text.len() as u64,
        });
    }
    Ok(text)
}

/// Reads RON written by Vigie or by hand. An optional value may be written
/// `Some("2026-12-20")` (as Vigie writes it) or just `"2026-12-20"` (RON's
/// implicit `Some`), so that a person editing a file is not tripped up.
pub fn from_ron<T: serde::de::DeserializeOwned>(text: &str) -> ron::error::SpannedResult<T> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

/// Reads and parses a plain (not encrypted) dossier file; an encrypted one
/// fails with [`StoreError::Locked`]: use [`Store::read_dossier_file`].
pub fn read_dossier(path: &Path) -> Result<Dossier, StoreError> {
    let bytes = super::files::read_regular(path).map_err(|e| StoreError::io(path, IoAction::Read, e))?;
    if is_age(&bytes) {
        return Err(StoreError::Locked {
            path: path.to_owned(),
        });
    }
    parse_dossier_bytes(&bytes, path)
}

/// Parses a dossier file's bytes (UTF-8 RON); `path` names it in errors.
pub fn parse_dossier_bytes(bytes: &[u8], path: &Path) -> Result<Dossier, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        StoreError::io(
            path,
            IoAction::Read,
            io::Error::new(io::ErrorKind::InvalidData, e),
        )
    })?;
    parse_dossier(text, path)
}

/// Parses a dossier's text; `path` names it in errors.
pub fn parse_dossier(text: &str, path: &Path) -> Result<Dossier, StoreError> {
    /// Only the version, to explain a failure on a file from a newer Vigie.
    #[derive(Deserialize)]
    struct VersionOnly {
        format_version: u32,
    }
    let dossier = from_ron::<Dossier>(text).map_err(|err| match from_ron::<VersionOnly>(text) {
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
