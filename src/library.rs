//! The checklists Vigie offers: the built-in ones (embedded in the binary
//! from `checklists/`) and the user's own (`<data folder>/checklists/`).
//!
//! A user file with an error is reported and skipped; the others still load.
//! A user file with only warnings (see [`crate::model::validate::Severity`])
//! loads, and its warnings are kept beside the errors. Built-in checklists
//! load first, so a user file cannot take over one of their ids.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::checklist::{Checklist, Journey, Origin};
use crate::model::validate::{
    ChecklistError, IdRegistry, Parsed, Problem, ProblemKind, Rules, parse_checklist_with,
};

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The loaded checklists, the files that failed and the warnings of those
/// that loaded.
#[derive(Debug, Default)]
pub struct Library {
    /// Every valid checklist: built-in ones first, in file name order.
    pub checklists: Vec<Checklist>,
    /// Files that failed to load, with every problem.
    pub errors: Vec<ChecklistError>,
    /// Files that loaded with warnings (a user's own checklist citing a
    /// home page, or without `verified` dates…), with those warnings.
    pub warnings: Vec<ChecklistError>,
}

impl Library {
    /// Loads the built-in checklists, then the `*.ron` files of `user_dir`
    /// (when given and present), checked on the local date.
    #[must_use]
    pub fn load(user_dir: Option<&Path>) -> Self {
        Self::load_at(user_dir, chrono::Local::now().date_naive())
    }

    /// As [`Library::load`], with the user's files checked on `today` (a
    /// `verified` date after it is a warning).
    ///
    /// The built-in checklists are not checked against the clock here: a
    /// computer whose clock is behind must not lose them. Their dates are
    /// checked where the content is written, by `vigie validate` and the
    /// content tests.
    #[must_use]
    pub fn load_at(user_dir: Option<&Path>, today: NaiveDate) -> Self {
        let mut library = Self::default();
        let mut registry = IdRegistry::new();
        for (name, source) in BUILT_IN {
            let origin = Origin::BuiltIn((*name).to_owned());
            let rules = Rules::for_origin(&origin, NaiveDate::MAX);
            let result = parse_checklist_with(source, name, origin, &mut registry, rules);
            library.add(result.map(without_quote_warnings));
        }
        if let Some(dir) = user_dir {
            for path in ron_files(dir, &mut library.errors) {
                let result = read_and_parse(&path, Origin::User(path.clone()), &mut registry, today);
                library.add(result);
            }
        }
        library
    }

    fn add(&mut self, result: Result<Parsed, ChecklistError>) {
        match result {
            Ok(parsed) => {
                self.checklists.push(parsed.checklist);
                self.warnings.extend(parsed.warnings);
            }
            Err(err) => self.errors.push(err),
        }
    }

    /// The checklists offered in `journey`.
    pub fn for_journey(&self, journey: Journey) -> impl Iterator<Item = &Checklist> {
        self.checklists.iter().filter(move |c| c.offered_in(journey))
    }
}

/// A built-in checklist without its warnings about sources that give no
/// quote: those are listed by the content tests and by `vigie validate`,
/// not shown to every household at start.
fn without_quote_warnings(mut parsed: Parsed) -> Parsed {
    if let Some(warnings) = &mut parsed.warnings {
        warnings
            .problems
            .retain(|p| !matches!(p.kind, ProblemKind::NoQuote { .. }));
        if warnings.problems.is_empty() {
            parsed.warnings = None;
        }
    }
    parsed
}

/// Reads and parses the checklist file at `path`, with the rules of
/// `origin`'s kind.
fn read_and_parse(
    path: &Path,
    origin: Origin,
    registry: &mut IdRegistry,
    today: NaiveDate,
) -> Result<Parsed, ChecklistError> {
    let rules = Rules::for_origin(&origin, today);
    read_and_parse_with(path, origin, registry, rules)
}

fn read_and_parse_with(
    path: &Path,
    origin: Origin,
    registry: &mut IdRegistry,
    rules: Rules,
) -> Result<Parsed, ChecklistError> {
    let file = path.display().to_string();
    match fs::read_to_string(path) {
        Ok(source) => parse_checklist_with(&source, &file, origin, registry, rules),
        Err(err) => Err(ChecklistError {
            file,
            problems: vec![Problem::error(ProblemKind::Unreadable(err.to_string()))],
        }),
    }
}

/// The `*.ron` files of `dir`, sorted by name. A missing folder has none; an
/// unreadable one is reported.
fn ron_files(dir: &Path, errors: &mut Vec<ChecklistError>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            errors.push(ChecklistError {
                file: dir.display().to_string(),
                problems: vec![Problem::error(ProblemKind::Unreadable(err.to_string()))],
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

/// Validates checklist files as `vigie validate` does, on the local date:
/// each against the built-in checklists and the files before it. Returns
/// one result per file.
#[must_use]
pub fn validate_files(paths: &[PathBuf]) -> Vec<Result<Parsed, ChecklistError>> {
    validate_files_at(paths, chrono::Local::now().date_naive())
}

/// As [`validate_files`], checked on `today`. A file that is itself one of
/// the built-in checklists is held to the built-in rules (every problem is
/// an error); any other file to a user's own.
#[must_use]
pub fn validate_files_at(paths: &[PathBuf], today: NaiveDate) -> Vec<Result<Parsed, ChecklistError>> {
    let mut registry = IdRegistry::new();
    let builtin_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let builtin_paths: Vec<(String, PathBuf)> = BUILT_IN
        .iter()
        .filter_map(|(name, _)| {
            fs::canonicalize(builtin_dir.join(name))
                .ok()
                .map(|p| ((*name).to_owned(), p))
        })
        .collect();
    let given: Vec<Option<PathBuf>> = paths.iter().map(|p| fs::canonicalize(p).ok()).collect();
    // A built-in file given on the command line is checked on its own, not
    // against its embedded copy.
    for (name, source) in BUILT_IN {
        let is_given = builtin_paths
            .iter()
            .any(|(n, p)| n == name && given.iter().flatten().any(|g| g == p));
        if is_given {
            continue;
        }
        // Only their ids and measures matter here.
        let origin = Origin::BuiltIn((*name).to_owned());
        let rules = Rules::for_origin(&origin, NaiveDate::MAX);
        let _ = parse_checklist_with(source, name, origin, &mut registry, rules);
    }
    paths
        .iter()
        .zip(&given)
        .map(|(path, canonical)| {
            let builtin = canonical
                .as_ref()
                .is_some_and(|c| builtin_paths.iter().any(|(_, p)| p == c));
            let rules = Rules { builtin, today };
            read_and_parse_with(path, Origin::User(path.clone()), &mut registry, rules)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A user's checklist as written before `verified`, `audience` and
    /// `measure` existed, citing a home page over http.
    const OLD_USER_FILE: &str = r#"(
    id: "my-visit",
    version: 1,
    title: (fr: "Ma visite", en: "My visit"),
    summary: (fr: "Ma liste.", en: "My checklist."),
    journeys: [Personal],
    sections: [
        (
            id: "mine",
            title: (fr: "À moi", en: "Mine"),
            items: [
                (
                    id: "mine.gate",
                    title: (fr: "Le portail est fermé", en: "The gate is shut"),
                    guidance: (fr: "Fermez-le.", en: "Shut it."),
                    priority: Medium,
                    sources: ["http://www.example.org/"],
                ),
            ],
        ),
    ],
)"#;

    #[test]
    fn the_builtin_checklists_load_without_errors_or_warnings() {
        let library = Library::load_at(None, day(2000, 1, 1));
        assert!(library.errors.is_empty(), "{:?}", library.errors);
        assert!(library.warnings.is_empty(), "{:?}", library.warnings);
        assert_eq!(library.checklists.len(), BUILT_IN.len());
    }

    #[test]
    fn an_old_user_file_loads_and_its_warnings_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("mine.ron"), OLD_USER_FILE).unwrap();
        let library = Library::load_at(Some(dir.path()), day(2026, 12, 1));
        assert!(library.errors.is_empty(), "{:?}", library.errors);
        assert!(library.checklists.iter().any(|c| c.id.as_str() == "my-visit"));
        assert_eq!(library.warnings.len(), 1);
        let problems = &library.warnings[0].problems;
        assert!(!library.warnings[0].has_errors());
        assert!(
            problems
                .iter()
                .any(|p| matches!(p.kind, ProblemKind::NoVerified(_)))
        );
        assert!(
            problems
                .iter()
                .any(|p| matches!(p.kind, ProblemKind::WeakSource { .. }))
        );
        // A plain address, the old form, still loads, with a warning that
        // it gives no quote.
        assert!(
            problems
                .iter()
                .any(|p| matches!(p.kind, ProblemKind::NoQuote { .. }))
        );
    }

    #[test]
    fn a_user_file_dated_in_the_future_loads_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let future = OLD_USER_FILE
            .replace(
                "\"http://www.example.org/\"",
                "(url: \"https://www.example.org/page\", quote: \"Shut the gate.\")",
            )
            .replace(
                "priority: Medium,",
                "priority: Medium,\n                    verified: \"2027-01-01\",",
            );
        fs::write(dir.path().join("mine.ron"), future).unwrap();
        let library = Library::load_at(Some(dir.path()), day(2026, 12, 1));
        assert!(library.errors.is_empty(), "{:?}", library.errors);
        assert_eq!(library.warnings.len(), 1);
        assert!(
            library.warnings[0]
                .problems
                .iter()
                .all(|p| matches!(p.kind, ProblemKind::FutureVerified { .. }))
        );
        // The next year, the same file loads without a warning.
        let library = Library::load_at(Some(dir.path()), day(2027, 1, 1));
        assert!(library.errors.is_empty() && library.warnings.is_empty());
    }

    #[test]
    fn a_user_file_giving_a_builtin_measure_another_priority_loads_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let door = OLD_USER_FILE
            .replace(
                "\"http://www.example.org/\"",
                "(url: \"https://www.example.org/page\", quote: \"Shut the gate.\")",
            )
            .replace(
                "priority: Medium,",
                "priority: Low,\n                    verified: \"2026-11-30\",\n                    measure: \"door-rule\",",
            );
        fs::write(dir.path().join("mine.ron"), door).unwrap();
        let library = Library::load_at(Some(dir.path()), day(2026, 12, 1));
        assert!(library.errors.is_empty(), "{:?}", library.errors);
        assert!(library.checklists.iter().any(|c| c.id.as_str() == "my-visit"));
        assert_eq!(library.warnings.len(), 1);
        assert!(matches!(
            &library.warnings[0].problems[..],
            [Problem {
                kind: ProblemKind::MeasurePriority { .. },
                ..
            }]
        ));
    }
}
