//! Parsing and validating checklist files.
//!
//! A file is parsed into the `Raw*` structs (its exact shape, as written by
//! people), then checked rule by rule. Every problem is collected, not just
//! the first, so that `vigie validate` can list them all, each with the line
//! and column where it can be found.
//!
//! Problems have a [`Severity`]. The built-in checklists are held to every
//! rule; a user's own file is held to the rules that keep Vigie working,
//! and only warned about the others (a missing `verified` date, a source
//! that is not an `https` page, a shared `measure` with another priority),
//! so that files written before those rules still load. A source without
//! its supporting `quote` is a warning in every file, built-in or not.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::checklist::{
    Checklist, ChecklistId, Item, ItemId, Origin, Priority, Section, SectionId, Source, Text,
};
use crate::lang::Lang;

mod messages;
mod problem;
mod raw;
#[cfg(test)]
mod tests;

pub use messages::message;
pub use problem::{ChecklistError, Field, IdKind, Problem, ProblemKind, Severity};
use raw::RawChecklist;

/// The ids already taken by the checklists loaded so far, so that ids are
/// unique across all of them, and the priority each shared `measure` key
/// was first given.
#[derive(Default, Debug)]
pub struct IdRegistry {
    checklists: BTreeSet<String>,
    items: BTreeMap<String, String>,
    /// Measure key → (first item, its priority).
    measures: BTreeMap<String, (String, Priority)>,
}

/// Which rules a file is held to, and the day it is checked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// The built-in checklists: every rule is an error. A user's own
    /// file: the newer content rules are warnings.
    pub builtin: bool,
    /// Today: a `verified` date after it is refused.
    pub today: NaiveDate,
}

impl Rules {
    /// The rules for a checklist loaded from `origin`, checked on `today`.
    #[must_use]
    pub fn for_origin(origin: &Origin, today: NaiveDate) -> Self {
        Self {
            builtin: matches!(origin, Origin::BuiltIn(_)),
            today,
        }
    }

    /// The severity of a content rule: an error for the built-in
    /// checklists, a warning for a user's own.
    fn content(self) -> Severity {
        if self.builtin {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

/// A checklist that loaded, with the warnings found in its file.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The checklist.
    pub checklist: Checklist,
    /// Its warnings, if any (never errors).
    pub warnings: Option<ChecklistError>,
}

impl IdRegistry {
    /// An empty registry.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

fn id_is_valid(id: &str, allow_dot: bool) -> bool {
    let mut chars = id.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_ascii_lowercase() || first.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || (allow_dot && c == '.'))
}

/// The 1-based line and column of the `nth` (0-based) occurrence of
/// `needle` in `source`.
fn find_position(source: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let offset = source.match_indices(needle).nth(nth)?.0;
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.chars().count(), |nl| before[nl + 1..].chars().count())
        + 1;
    Some((line, col))
}

struct Checker<'a> {
    source: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    /// Records an error found at the `nth` occurrence of `"quoted"` in the file.
    fn at_id(&mut self, quoted: &str, nth: usize, kind: ProblemKind) {
        self.at_id_as(quoted, nth, kind, Severity::Error);
    }

    /// Records a problem of `severity` found at the `nth` occurrence of
    /// `"quoted"` in the file.
    fn at_id_as(&mut self, quoted: &str, nth: usize, kind: ProblemKind, severity: Severity) {
        let position = find_position(self.source, &format!("\"{quoted}\""), nth);
        self.problems.push(Problem {
            position,
            kind,
            severity,
        });
    }

    fn text(&mut self, text: &Text, owner: &str, field: Field) {
        for (lang, value) in [(Lang::Fr, &text.fr), (Lang::En, &text.en)] {
            if value.trim().is_empty() {
                self.at_id(
                    owner,
                    0,
                    ProblemKind::EmptyText {
                        owner: owner.to_owned(),
                        field,
                        lang,
                    },
                );
            }
        }
    }
}

/// Whether `source` is an `https` address of a page: a host, then a path
/// that is more than `/` (a query or fragment alone does not count).
fn is_https_page(source: &str) -> bool {
    let Some(rest) = source.strip_prefix("https://") else {
        return false;
    };
    let Some((host, path)) = rest.split_once('/') else {
        return false;
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    host.contains('.') && !path.trim_matches('/').is_empty()
}

/// A `verified` date: exactly `YYYY-MM-DD`.
fn parse_day(value: &str) -> Option<NaiveDate> {
    let well_formed = value.len() == 10
        && value.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !well_formed {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// Parses and validates one checklist file, checked on the local date, with
/// the rules of its origin (see [`parse_checklist_with`]).
pub fn parse_checklist(
    source: &str,
    file: &str,
    origin: Origin,
    registry: &mut IdRegistry,
) -> Result<Parsed, ChecklistError> {
    let rules = Rules::for_origin(&origin, chrono::Local::now().date_naive());
    parse_checklist_with(source, file, origin, registry, rules)
}

/// Parses and validates one checklist file.
///
/// `file` names the file in messages; `registry` holds the ids and measure
/// keys of the checklists already loaded and receives this one's when it
/// loads. A file with only warnings loads: they come back in
/// [`Parsed::warnings`]. A file with an error does not: the error lists
/// every problem, warnings included.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the file, rule after rule, in file order"
)]
pub fn parse_checklist_with(
    source: &str,
    file: &str,
    origin: Origin,
    registry: &mut IdRegistry,
    rules: Rules,
) -> Result<Parsed, ChecklistError> {
    let raw: RawChecklist = ron::Options::default()
        .from_str(source)
        .map_err(|err| ChecklistError {
            file: file.to_owned(),
            problems: vec![Problem {
                position: Some((err.span.start.line, err.span.start.col)),
                kind: ProblemKind::Syntax(err.code.to_string()),
                severity: Severity::Error,
            }],
        })?;

    let mut check = Checker {
        source,
        problems: Vec::new(),
    };

    if !id_is_valid(&raw.id, false) {
        check.at_id(
            &raw.id,
            0,
            ProblemKind::BadId {
                kind: IdKind::Checklist,
                id: raw.id.clone(),
            },
        );
    }
    if registry.checklists.contains(&raw.id) {
        check.at_id(&raw.id, 0, ProblemKind::DuplicateChecklist(raw.id.clone()));
    }
    check.text(&raw.title, &raw.id, Field::Title);
    check.text(&raw.summary, &raw.id, Field::Summary);
    if raw.journeys.is_empty() {
        check.problems.push(Problem {
            position: find_position(source, "journeys", 0),
            kind: ProblemKind::NoJourney,
            severity: Severity::Error,
        });
    }
    if raw.sections.is_empty() {
        check.problems.push(Problem {
            position: find_position(source, "sections", 0),
            kind: ProblemKind::NoSection,
            severity: Severity::Error,
        });
    }

    let content = rules.content();
    let mut section_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut item_ids: BTreeMap<&str, usize> = BTreeMap::new();
    // Measure keys of this file → (first item, its priority).
    let mut measures: BTreeMap<&str, (&str, Priority)> = BTreeMap::new();
    let mut verified: BTreeMap<String, NaiveDate> = BTreeMap::new();
    // How many times each source address was met so far: a problem points
    // at that occurrence in the file.
    let mut url_seen: BTreeMap<&str, usize> = BTreeMap::new();
    for section in &raw.sections {
        let seen = section_ids.entry(&section.id).or_insert(0);
        if !id_is_valid(&section.id, true) {
            check.at_id(
                &section.id,
                0,
                ProblemKind::BadId {
                    kind: IdKind::Section,
                    id: section.id.clone(),
                },
            );
        }
        if *seen > 0 {
            check.at_id(
                &section.id,
                *seen,
                ProblemKind::DuplicateSection(section.id.clone()),
            );
        }
        *seen += 1;
        check.text(&section.title, &section.id, Field::Title);
        if section.items.is_empty() {
            check.at_id(&section.id, 0, ProblemKind::EmptySection(section.id.clone()));
        }
        for item in &section.items {
            let seen = item_ids.entry(&item.id).or_insert(0);
            if !id_is_valid(&item.id, true) {
                check.at_id(
                    &item.id,
                    0,
                    ProblemKind::BadId {
                        kind: IdKind::Item,
                        id: item.id.clone(),
                    },
                );
            }
            if *seen > 0 {
                check.at_id(
                    &item.id,
                    *seen,
                    ProblemKind::DuplicateItem {
                        id: item.id.clone(),
                        first_in: raw.id.clone(),
                    },
                );
            } else if let Some(other) = registry.items.get(&item.id) {
                check.at_id(
                    &item.id,
                    0,
                    ProblemKind::DuplicateItem {
                        id: item.id.clone(),
                        first_in: other.clone(),
                    },
                );
            }
            *seen += 1;
            check.text(&item.title, &item.id, Field::Title);
            check.text(&item.guidance, &item.id, Field::Guidance);
            if item.sources.is_empty() {
                check.at_id(&item.id, 0, ProblemKind::NoSource(item.id.clone()));
            }
            for source in &item.sources {
                let source_url = source.url();
                let nth = {
                    let seen = url_seen.entry(source_url).or_insert(0);
                    *seen += 1;
                    *seen - 1
                };
                let is_web = source_url.starts_with("https://") || source_url.starts_with("http://");
                let problem = ProblemKind::BadSource {
                    item: item.id.clone(),
                    source: source_url.to_owned(),
                };
                if !is_web || source_url.contains(char::is_whitespace) {
                    check.at_id(source_url, nth, problem);
                } else if !is_https_page(source_url) {
                    check.at_id_as(
                        source_url,
                        nth,
                        ProblemKind::WeakSource {
                            item: item.id.clone(),
                            source: source_url.to_owned(),
                        },
                        content,
                    );
                }
                if source.quote().is_none() {
                    check.at_id_as(
                        source_url,
                        nth,
                        ProblemKind::NoQuote {
                            item: item.id.clone(),
                            source: source_url.to_owned(),
                        },
                        Severity::Warning,
                    );
                }
            }
            let date = item.verified.trim();
            if date.is_empty() {
                check.at_id_as(&item.id, 0, ProblemKind::NoVerified(item.id.clone()), content);
            } else {
                match parse_day(date) {
                    None => check.at_id(
                        &item.verified,
                        0,
                        ProblemKind::BadVerified {
                            item: item.id.clone(),
                            value: item.verified.clone(),
                        },
                    ),
                    Some(day) if day > rules.today => check.at_id_as(
                        &item.verified,
                        0,
                        ProblemKind::FutureVerified {
                            item: item.id.clone(),
                            date: date.to_owned(),
                        },
                        content,
                    ),
                    Some(day) => {
                        verified.insert(item.id.clone(), day);
                    }
                }
            }
            let measure = item.measure.trim();
            if !measure.is_empty() {
                if !id_is_valid(measure, true) {
                    check.at_id(
                        &item.measure,
                        0,
                        ProblemKind::BadMeasure {
                            item: item.id.clone(),
                            measure: item.measure.clone(),
                        },
                    );
                }
                let first = measures
                    .get(measure)
                    .map(|&(other, priority)| (other.to_owned(), priority))
                    .or_else(|| registry.measures.get(measure).cloned());
                match first {
                    Some((other, other_priority)) if other_priority != item.priority => {
                        check.at_id_as(
                            &item.id,
                            0,
                            ProblemKind::MeasurePriority {
                                measure: measure.to_owned(),
                                item: item.id.clone(),
                                priority: item.priority,
                                other,
                                other_priority,
                            },
                            content,
                        );
                    }
                    Some(_) => {}
                    None => {
                        measures.insert(measure, (&item.id, item.priority));
                    }
                }
            }
        }
    }

    let mut problems = check.problems;
    problems.sort_by_key(|p| p.position.unwrap_or((usize::MAX, 0)));
    let error = |problems: Vec<Problem>| ChecklistError {
        file: file.to_owned(),
        problems,
    };
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(error(problems));
    }

    registry.checklists.insert(raw.id.clone());
    for item in raw.sections.iter().flat_map(|s| &s.items) {
        registry.items.insert(item.id.clone(), raw.id.clone());
    }
    for (measure, (item, priority)) in measures {
        registry
            .measures
            .entry(measure.to_owned())
            .or_insert_with(|| (item.to_owned(), priority));
    }

    let checklist = Checklist {
        id: ChecklistId(raw.id),
        version: raw.version,
        title: raw.title,
        summary: raw.summary,
        journeys: raw.journeys,
        sections: raw
            .sections
            .into_iter()
            .map(|s| Section {
                id: SectionId(s.id),
                title: s.title,
                items: s
                    .items
                    .into_iter()
                    .map(|i| {
                        let measure = i.measure.trim();
                        Item {
                            verified: verified.get(i.id.as_str()).copied(),
                            measure: (!measure.is_empty()).then(|| measure.to_owned()),
                            audience: i.audience.into_iter().collect(),
                            id: ItemId(i.id),
                            title: i.title,
                            guidance: i.guidance,
                            priority: i.priority,
                            applies_if: i.applies_if.into_iter().collect(),
                            sources: i
                                .sources
                                .into_iter()
                                .map(|source| Source {
                                    quote: source.quote().map(str::to_owned),
                                    url: source.url().to_owned(),
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        origin,
    };
    Ok(Parsed {
        checklist,
        warnings: (!problems.is_empty()).then(|| error(problems)),
    })
}
