//! Parsing and checking files of exposure sources (`checklists/exposure/`
//! and the user's own), as checklists are: RON parsed into raw structs,
//! then every rule checked, every problem listed with its line and column.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{ExposureSource, Scope, SourceId, SourceOrigin};
use crate::lang::Lang;
use crate::model::checklist::Text;

/// The longest re-check interval accepted, in days (ten years).
pub const MAX_RECHECK_DAYS: u32 = 3650;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    sources: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: Text,
    guidance: Text,
    scope: Scope,
    recheck_days: u32,
    sources: Vec<String>,
    verified: NaiveDate,
}

/// Which text of a source a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// The title.
    Title,
    /// The guidance.
    Guidance,
}

/// What is wrong, independent of the language it is told in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceProblemKind {
    /// The file could not be read.
    Unreadable(String),
    /// The RON parser's message.
    Syntax(String),
    /// The file lists no source.
    NoSource,
    /// An id has characters outside `a-z`, `0-9` and `-`.
    BadId(String),
    /// An id already used, in this file or another one.
    DuplicateId {
        /// The id.
        id: String,
        /// The file that has it first.
        first_in: String,
    },
    /// A text is empty in one language.
    EmptyText {
        /// The source's id.
        id: String,
        /// Which text.
        field: TextField,
        /// The language missing.
        lang: Lang,
    },
    /// The re-check interval is 0 or more than [`MAX_RECHECK_DAYS`].
    BadRecheck {
        /// The source's id.
        id: String,
        /// The interval written.
        days: u32,
    },
    /// The source cites no public page.
    NoLink(String),
    /// A link is not an `https://` address of a page (a site's home page
    /// alone is not enough).
    BadLink {
        /// The source's id.
        id: String,
        /// The link as written.
        link: String,
    },
    /// The verification date is in the future.
    VerifiedInFuture {
        /// The source's id.
        id: String,
        /// The date written.
        date: NaiveDate,
    },
}

impl SourceProblemKind {
    /// The problem told in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let field = |f: TextField| match (f, fr) {
            (TextField::Title, true) => "titre",
            (TextField::Title, false) => "title",
            (TextField::Guidance, true) => "conseil",
            (TextField::Guidance, false) => "guidance",
        };
        match (self, fr) {
            (Self::Unreadable(e), true) => format!("fichier illisible\u{a0}: {e}"),
            (Self::Unreadable(e), false) => format!("cannot read the file: {e}"),
            (Self::Syntax(e), true) => format!("erreur de syntaxe RON\u{a0}: {e}"),
            (Self::Syntax(e), false) => format!("RON syntax error: {e}"),
            (Self::NoSource, true) => "le fichier ne contient aucune source".to_owned(),
            (Self::NoSource, false) => "the file lists no source".to_owned(),
            (Self::BadId(id), true) => format!(
                "l’identifiant «\u{a0}{id}\u{a0}» ne doit contenir que des minuscules a-z, des chiffres et des tirets"
            ),
            (Self::BadId(id), false) => {
                format!("the id “{id}” may only hold lower-case letters a-z, digits and dashes")
            }
            (Self::DuplicateId { id, first_in }, true) => {
                format!("l’identifiant «\u{a0}{id}\u{a0}» existe déjà dans {first_in}")
            }
            (Self::DuplicateId { id, first_in }, false) => {
                format!("the id “{id}” already exists in {first_in}")
            }
            (
                Self::EmptyText {
                    id,
                    field: f,
                    lang: l,
                },
                true,
            ) => format!(
                "la source «\u{a0}{id}\u{a0}» n’a pas de {} en {}",
                field(*f),
                if *l == Lang::Fr { "français" } else { "anglais" }
            ),
            (
                Self::EmptyText {
                    id,
                    field: f,
                    lang: l,
                },
                false,
            ) => format!(
                "the source “{id}” has no {} in {}",
                field(*f),
                if *l == Lang::Fr { "French" } else { "English" }
            ),
            (Self::BadRecheck { id, days }, true) => format!(
                "la source «\u{a0}{id}\u{a0}»\u{a0}: recheck_days vaut {days}, il doit être entre 1 et {MAX_RECHECK_DAYS}"
            ),
            (Self::BadRecheck { id, days }, false) => {
                format!(
                    "the source “{id}”: recheck_days is {days}, it must be between 1 and {MAX_RECHECK_DAYS}"
                )
            }
            (Self::NoLink(id), true) => {
                format!("la source «\u{a0}{id}\u{a0}» ne cite aucune page publique (sources)")
            }
            (Self::NoLink(id), false) => format!("the source “{id}” cites no public page (sources)"),
            (Self::BadLink { id, link }, true) => format!(
                "la source «\u{a0}{id}\u{a0}» cite «\u{a0}{link}\u{a0}», qui n’est pas l’adresse https:// d’une page précise"
            ),
            (Self::BadLink { id, link }, false) => {
                format!("the source “{id}” cites “{link}”, which is not the https:// address of a page")
            }
            (Self::VerifiedInFuture { id, date }, true) => {
                format!("la source «\u{a0}{id}\u{a0}» est vérifiée le {date}, une date à venir")
            }
            (Self::VerifiedInFuture { id, date }, false) => {
                format!("the source “{id}” is verified on {date}, a date still to come")
            }
        }
    }
}

/// One problem, with where it is when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceProblem {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: SourceProblemKind,
}

/// Everything wrong with one file of sources.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct SourcesError {
    /// The file's name or path, as shown to the user.
    pub file: String,
    /// Every problem found, in file order where known.
    pub problems: Vec<SourceProblem>,
}

impl SourcesError {
    /// A file that could not be read at all.
    #[must_use]
    pub fn unreadable(file: String, message: String) -> Self {
        Self {
            file,
            problems: vec![SourceProblem {
                position: None,
                kind: SourceProblemKind::Unreadable(message),
            }],
        }
    }

    /// Every problem as `file:line:col: message`, one per line, in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| match p.position {
                Some((line, col)) => format!("{}:{line}:{col}: {}", self.file, p.kind.describe(lang)),
                None => format!("{}: {}", self.file, p.kind.describe(lang)),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for SourcesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// The source ids already taken by the files loaded so far.
#[derive(Default, Debug)]
pub struct SourceRegistry {
    ids: BTreeMap<String, String>,
}

impl SourceRegistry {
    /// An empty registry.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

/// The 1-based line and column of the `nth` (0-based) occurrence of
/// `needle` in `text`.
fn find_position(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let offset = text.match_indices(needle).nth(nth)?.0;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.chars().count(), |nl| before[nl + 1..].chars().count())
        + 1;
    Some((line, col))
}

/// Whether `link` is the `https://` address of a page: a host, then a
/// path that is more than `/`, no spaces.
#[must_use]
pub fn is_deep_link(link: &str) -> bool {
    let Some(rest) = link.strip_prefix("https://") else {
        return false;
    };
    let Some((host, path)) = rest.split_once('/') else {
        return false;
    };
    host.contains('.')
        && !host.starts_with('.')
        && !link.contains(char::is_whitespace)
        && path
            .trim_matches(['/', '?', '#'])
            .chars()
            .any(char::is_alphanumeric)
}

/// Parses and checks one file of sources.
///
/// `file` names it in messages; `registry` holds the ids of the files
/// loaded before and receives this one's when it is valid; `today` is the
/// latest verification date accepted.
pub fn parse_sources(
    text: &str,
    file: &str,
    origin: &SourceOrigin,
    registry: &mut SourceRegistry,
    today: NaiveDate,
) -> Result<Vec<ExposureSource>, SourcesError> {
    let raw: RawFile = ron::Options::default()
        .from_str(text)
        .map_err(|err| SourcesError {
            file: file.to_owned(),
            problems: vec![SourceProblem {
                position: Some((err.span.start.line, err.span.start.col)),
                kind: SourceProblemKind::Syntax(err.code.to_string()),
            }],
        })?;
    let mut problems = Vec::new();
    let mut at = |quoted: &str, nth: usize, kind: SourceProblemKind| {
        problems.push(SourceProblem {
            position: find_position(text, &format!("\"{quoted}\""), nth),
            kind,
        });
    };
    if raw.sources.is_empty() {
        at("sources", 0, SourceProblemKind::NoSource);
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for source in &raw.sources {
        let id = source.id.as_str();
        let count = seen.entry(id).or_insert(0);
        if !SourceId::is_valid(id) {
            at(id, 0, SourceProblemKind::BadId(id.to_owned()));
        }
        if *count > 0 {
            at(
                id,
                *count,
                SourceProblemKind::DuplicateId {
                    id: id.to_owned(),
                    first_in: file.to_owned(),
                },
            );
        } else if let Some(other) = registry.ids.get(id) {
            at(
                id,
                0,
                SourceProblemKind::DuplicateId {
                    id: id.to_owned(),
                    first_in: other.clone(),
                },
            );
        }
        *count += 1;
        for (field, value) in [
            (TextField::Title, &source.title),
            (TextField::Guidance, &source.guidance),
        ] {
            for (lang, s) in [(Lang::Fr, &value.fr), (Lang::En, &value.en)] {
                if s.trim().is_empty() {
                    at(
                        id,
                        0,
                        SourceProblemKind::EmptyText {
                            id: id.to_owned(),
                            field,
                            lang,
                        },
                    );
                }
            }
        }
        if source.recheck_days == 0 || source.recheck_days > MAX_RECHECK_DAYS {
            at(
                id,
                0,
                SourceProblemKind::BadRecheck {
                    id: id.to_owned(),
                    days: source.recheck_days,
                },
            );
        }
        if source.sources.is_empty() {
            at(id, 0, SourceProblemKind::NoLink(id.to_owned()));
        }
        for link in &source.sources {
            if !is_deep_link(link) {
                at(
                    link,
                    0,
                    SourceProblemKind::BadLink {
                        id: id.to_owned(),
                        link: link.clone(),
                    },
                );
            }
        }
        if source.verified > today {
            at(
                id,
                0,
                SourceProblemKind::VerifiedInFuture {
                    id: id.to_owned(),
                    date: source.verified,
                },
            );
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.position.unwrap_or((usize::MAX, 0)));
        return Err(SourcesError {
            file: file.to_owned(),
            problems,
        });
    }
    for source in &raw.sources {
        registry.ids.insert(source.id.clone(), file.to_owned());
    }
    Ok(raw
        .sources
        .into_iter()
        .map(|s| ExposureSource {
            id: SourceId(s.id),
            title: s.title,
            guidance: s.guidance,
            scope: s.scope,
            recheck_days: s.recheck_days,
            sources: s.sources,
            verified: s.verified,
            origin: origin.clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_links_need_a_page() {
        assert!(is_deep_link("https://www.cnil.fr/fr/le-droit-au-dereferencement"));
        assert!(!is_deep_link("https://www.cnil.fr/"));
        assert!(!is_deep_link("https://www.cnil.fr"));
        assert!(!is_deep_link("http://www.cnil.fr/fr/x"));
        assert!(!is_deep_link("https://www.cnil.fr/a b"));
    }
}
