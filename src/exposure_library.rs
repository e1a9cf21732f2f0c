//! The exposure sources Vigie offers: the built-in ones (embedded in the
//! binary from `checklists/exposure/`) and the user's own
//! (`<data folder>/checklists/exposure/*.ron`, see
//! `checklists/exposure/README.md`).
//!
//! As with checklists, a user file with an error is reported and skipped;
//! the others still load, and built-in sources load first so that a user
//! file cannot take over one of their ids.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::exposure::{ExposureSource, SourceOrigin, SourceRegistry, SourcesError, parse_sources};

include!(concat!(env!("OUT_DIR"), "/builtin_exposure.rs"));

/// The loaded exposure sources and the files that failed.
#[derive(Debug, Default)]
pub struct ExposureLibrary {
    /// Every valid source: built-in ones first, in file then file order.
    pub sources: Vec<ExposureSource>,
    /// Files that failed to load, with every problem.
    pub errors: Vec<SourcesError>,
}

impl ExposureLibrary {
    /// Loads the built-in sources, then the `*.ron` files of `user_dir`
    /// (when given and present). `today` is the latest verification date
    /// accepted.
    #[must_use]
    pub fn load(user_dir: Option<&Path>, today: NaiveDate) -> Self {
        let mut library = Self::default();
        let mut registry = SourceRegistry::new();
        for (name, text) in BUILT_IN_EXPOSURE {
            let origin = SourceOrigin::BuiltIn((*name).to_owned());
            library.add(parse_sources(text, name, &origin, &mut registry, today));
        }
        if let Some(dir) = user_dir {
            for path in ron_files(dir, &mut library.errors) {
                library.add(load_file(&path, &mut registry, today));
            }
        }
        library
    }

    fn add(&mut self, result: Result<Vec<ExposureSource>, SourcesError>) {
        match result {
            Ok(sources) => self.sources.extend(sources),
            Err(err) => self.errors.push(err),
        }
    }

    /// The source with this id.
    #[must_use]
    pub fn source(&self, id: &crate::model::exposure::SourceId) -> Option<&ExposureSource> {
        self.sources.iter().find(|s| &s.id == id)
    }
}

/// Reads and checks one file of sources (a user's own).
fn load_file(
    path: &Path,
    registry: &mut SourceRegistry,
    today: NaiveDate,
) -> Result<Vec<ExposureSource>, SourcesError> {
    let file = path.display().to_string();
    match fs::read_to_string(path) {
        Ok(text) => parse_sources(
            &text,
            &file,
            &SourceOrigin::User(path.to_owned()),
            registry,
            today,
        ),
        Err(err) => Err(SourcesError::unreadable(file, err.to_string())),
    }
}

/// Checks files of sources as the app loads them: each against the
/// built-in sources and the files before it (a file that is itself a
/// built-in one is checked on its own). One result per file.
#[must_use]
pub fn validate_files(paths: &[PathBuf], today: NaiveDate) -> Vec<Result<Vec<ExposureSource>, SourcesError>> {
    let mut registry = SourceRegistry::new();
    let given: Vec<PathBuf> = paths.iter().filter_map(|p| fs::canonicalize(p).ok()).collect();
    let builtin_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("checklists")
        .join("exposure");
    for (name, text) in BUILT_IN_EXPOSURE {
        if fs::canonicalize(builtin_dir.join(name)).is_ok_and(|p| given.contains(&p)) {
            continue;
        }
        let origin = SourceOrigin::BuiltIn((*name).to_owned());
        let _ = parse_sources(text, name, &origin, &mut registry, today);
    }
    paths.iter().map(|p| load_file(p, &mut registry, today)).collect()
}

/// The `*.ron` files of `dir`, sorted by name. A missing folder has none;
/// an unreadable one is reported.
fn ron_files(dir: &Path, errors: &mut Vec<SourcesError>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            errors.push(SourcesError::unreadable(
                dir.display().to_string(),
                err.to_string(),
            ));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}
