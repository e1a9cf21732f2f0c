//! The checklists Vigie offers: the built-in ones (embedded in the binary
//! from `checklists/`) and the user's own (`<data folder>/checklists/`).
//!
//! A user file with an error is reported and skipped; the others still load.
//! Built-in checklists load first, so a user file cannot take over one of
//! their ids.

use std::fs;
use std::path::Path;

use crate::model::checklist::{Checklist, Journey, Origin};
use crate::model::validate::{ChecklistError, IdRegistry, Problem, ProblemKind, parse_checklist};

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The loaded checklists and the files that failed.
#[derive(Debug, Default)]
pub struct Library {
    /// Every valid checklist: built-in ones first, in file name order.
    pub checklists: Vec<Checklist>,
    /// Files that failed to load, with every problem.
    pub errors: Vec<ChecklistError>,
}

impl Library {
    /// Loads the built-in checklists, then the `*.ron` files of `user_dir`
    /// (when given and present).
    #[must_use]
    pub fn load(user_dir: Option<&Path>) -> Self {
        let mut library = Self::default();
        let mut registry = IdRegistry::new();
        for (name, source) in BUILT_IN {
            library.add(parse_checklist(
                source,
                name,
                Origin::BuiltIn((*name).to_owned()),
                &mut registry,
            ));
        }
        if let Some(dir) = user_dir {
            for path in ron_files(dir, &mut library.errors) {
                let file = path.display().to_string();
                let result = match fs::read_to_string(&path) {
                    Ok(source) => parse_checklist(&source, &file, Origin::User(path.clone()), &mut registry),
                    Err(err) => Err(ChecklistError {
                        file,
                        problems: vec![Problem {
                            position: None,
                            kind: ProblemKind::Unreadable(err.to_string()),
                        }],
                    }),
                };
                library.add(result);
            }
        }
        library
    }

    fn add(&mut self, result: Result<Checklist, ChecklistError>) {
        match result {
            Ok(checklist) => self.checklists.push(checklist),
            Err(err) => self.errors.push(err),
        }
    }

    /// The checklists offered in `journey`.
    pub fn for_journey(&self, journey: Journey) -> impl Iterator<Item = &Checklist> {
        self.checklists.iter().filter(move |c| c.offered_in(journey))
    }
}

/// The `*.ron` files of `dir`, sorted by name. A missing folder has none; an
/// unreadable one is reported.
fn ron_files(dir: &Path, errors: &mut Vec<ChecklistError>) -> Vec<std::path::PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            errors.push(ChecklistError {
                file: dir.display().to_string(),
                problems: vec![Problem {
                    position: None,
                    kind: ProblemKind::Unreadable(err.to_string()),
                }],
            });
            return Vec::new();
        }
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Validates checklist files as `vigie validate` does: each against the
/// built-in checklists and the files before it. Returns one result per file.
#[must_use]
pub fn validate_files(paths: &[std::path::PathBuf]) -> Vec<Result<Checklist, ChecklistError>> {
    let mut registry = IdRegistry::new();
    // A file that is itself one of the built-in checklists is checked on its
    // own, not against its embedded copy.
    let given: Vec<String> = paths
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .map(|p| p.display().to_string())
        .collect();
    let builtin_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    for (name, source) in BUILT_IN {
        let builtin_path = fs::canonicalize(builtin_dir.join(name))
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if given.contains(&builtin_path) {
            continue;
        }
        let _ = parse_checklist(source, name, Origin::BuiltIn((*name).to_owned()), &mut registry);
    }
    paths
        .iter()
        .map(|path| {
            let file = path.display().to_string();
            match fs::read_to_string(path) {
                Ok(source) => parse_checklist(&source, &file, Origin::User(path.clone()), &mut registry),
                Err(err) => Err(ChecklistError {
                    file,
                    problems: vec![Problem {
                        position: None,
                        kind: ProblemKind::Unreadable(err.to_string()),
                    }],
                }),
            }
        })
        .collect()
}
