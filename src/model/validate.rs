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
//! so that files written before those rules still load.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;

use super::checklist::{
    Checklist, ChecklistId, Item, ItemId, Journey, Origin, Priority, Section, SectionId, Tag, Text,
};
use super::family::Role;
use crate::i18n::{Lang, tr};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    id: String,
    version: u32,
    title: Text,
    summary: Text,
    journeys: Vec<Journey>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: Text,
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    title: Text,
    guidance: Text,
    priority: Priority,
    #[serde(default)]
    applies_if: Vec<Tag>,
    #[serde(default)]
    sources: Vec<String>,
    // `verified` and `measure` are plain strings (empty when absent) rather
    // than `Option`s, so that a file reads the same whether or not RON's
    // implicit `Some` is turned on.
    #[serde(default)]
    verified: String,
    #[serde(default)]
    audience: Vec<Role>,
    #[serde(default)]
    measure: String,
}

/// Which kind of id a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A checklist id.
    Checklist,
    /// A section id.
    Section,
    /// An item id.
    Item,
}

/// Which text field a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A title.
    Title,
    /// The checklist summary.
    Summary,
    /// An item's guidance.
    Guidance,
}

/// What is wrong, independent of the language it is told in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read.
    Unreadable(String),
    /// The RON parser's message.
    Syntax(String),
    /// An id has characters outside the allowed set.
    BadId {
        /// Checklist, section or item.
        kind: IdKind,
        /// The id as written.
        id: String,
    },
    /// A section id used twice in the checklist.
    DuplicateSection(String),
    /// An item id already used, in this checklist or another one.
    DuplicateItem {
        /// The item id.
        id: String,
        /// The checklist that already has it.
        first_in: String,
    },
    /// A checklist id already used by another loaded checklist.
    DuplicateChecklist(String),
    /// A text is empty in one language.
    EmptyText {
        /// The id of the checklist, section or item the text belongs to.
        owner: String,
        /// Which text.
        field: Field,
        /// The language that is missing.
        lang: Lang,
    },
    /// The checklist is offered in no journey.
    NoJourney,
    /// The checklist has no section.
    NoSection,
    /// A section has no item.
    EmptySection(String),
    /// An item cites no source.
    NoSource(String),
    /// A source is not a web address.
    BadSource {
        /// The item id.
        item: String,
        /// The source as written.
        source: String,
    },
    /// A source is a web address but not an `https` page with a path (a
    /// plain `http` address or a site's home page).
    WeakSource {
        /// The item id.
        item: String,
        /// The source as written.
        source: String,
    },
    /// An item does not say when its advice was last checked.
    NoVerified(String),
    /// `verified` is not a date written `YYYY-MM-DD`.
    BadVerified {
        /// The item id.
        item: String,
        /// The value as written.
        value: String,
    },
    /// `verified` is a date after today.
    FutureVerified {
        /// The item id.
        item: String,
        /// The date as written.
        date: String,
    },
    /// A `measure` key has characters outside the allowed set.
    BadMeasure {
        /// The item id.
        item: String,
        /// The key as written.
        measure: String,
    },
    /// Two items share a `measure` key but not the same priority.
    MeasurePriority {
        /// The shared key.
        measure: String,
        /// The item found second.
        item: String,
        /// Its priority.
        priority: Priority,
        /// The item found first.
        other: String,
        /// The first item's priority.
        other_priority: Priority,
    },
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The checklist is not loaded.
    Error,
    /// The checklist loads; the problem should still be fixed.
    Warning,
}

/// One problem, with where it is when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Whether it stops the checklist from loading.
    pub severity: Severity,
}

impl Problem {
    /// An error found at no particular place (an unreadable file).
    #[must_use]
    pub fn error(kind: ProblemKind) -> Self {
        Self {
            position: None,
            kind,
            severity: Severity::Error,
        }
    }

    /// The problem told in `lang`, with its position.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let text = (tr(lang).problem)(&self.kind);
        match self.position {
            Some((line, col)) => format!("{line}:{col}: {text}"),
            None => text,
        }
    }
}

/// Everything wrong with one checklist file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ChecklistError {
    /// The file's name or path, as shown to the user.
    pub file: String,
    /// Every problem found, in file order where known.
    pub problems: Vec<Problem>,
}

impl ChecklistError {
    /// Whether any problem is an error (and not only warnings).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Every problem as `file:line:col: message`, one per line, in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| format!("{}:{}", self.file, p.describe(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for ChecklistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

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
            for source_url in &item.sources {
                let is_web = source_url.starts_with("https://") || source_url.starts_with("http://");
                let problem = ProblemKind::BadSource {
                    item: item.id.clone(),
                    source: source_url.clone(),
                };
                if !is_web || source_url.contains(char::is_whitespace) {
                    check.at_id(source_url, 0, problem);
                } else if !is_https_page(source_url) {
                    check.at_id_as(
                        source_url,
                        0,
                        ProblemKind::WeakSource {
                            item: item.id.clone(),
                            source: source_url.clone(),
                        },
                        content,
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
                            sources: i.sources,
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

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"(
    id: "garage-visit",
    version: 1,
    title: (fr: "Visite du garage", en: "Garage visit"),
    summary: (fr: "Le garage.", en: "The garage."),
    journeys: [Personal, Referent],
    sections: [
        (
            id: "garage",
            title: (fr: "Garage", en: "Garage"),
            items: [
                (
                    id: "garage.inner-door",
                    title: (fr: "La porte intérieure est verrouillée", en: "The inner door is locked"),
                    guidance: (fr: "Verrouillez-la.", en: "Lock it."),
                    priority: High,
                    applies_if: [House],
                    sources: ["https://www.service-public.fr/particuliers/vosdroits/F34634"],
                    audience: [Adult, Staff],
                    measure: "inner-door",
                    verified: "2026-12-01",
                ),
            ],
        ),
    ],
)"#;

    /// A user's file written before `verified`, `audience` and `measure`
    /// existed, citing a site's home page.
    const OLD_USER_FILE: &str = r#"(
    id: "old-visit",
    version: 1,
    title: (fr: "Ancienne visite", en: "Old visit"),
    summary: (fr: "Une liste ancienne.", en: "An old checklist."),
    journeys: [Personal],
    sections: [
        (
            id: "old",
            title: (fr: "Ancienne", en: "Old"),
            items: [
                (
                    id: "old.gate",
                    title: (fr: "Le portail est fermé", en: "The gate is shut"),
                    guidance: (fr: "Fermez-le.", en: "Shut it."),
                    priority: Medium,
                    sources: ["http://www.example.org/"],
                ),
            ],
        ),
    ],
)"#;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn rules(builtin: bool) -> Rules {
        Rules {
            builtin,
            today: day(2026, 12, 1),
        }
    }

    fn parse_as(source: &str, builtin: bool, registry: &mut IdRegistry) -> Result<Parsed, ChecklistError> {
        let origin = if builtin {
            Origin::BuiltIn("test.ron".into())
        } else {
            Origin::User("test.ron".into())
        };
        parse_checklist_with(source, "test.ron", origin, registry, rules(builtin))
    }

    fn parse(source: &str) -> Result<Checklist, ChecklistError> {
        parse_as(source, true, &mut IdRegistry::new()).map(|p| {
            assert_eq!(p.warnings, None);
            p.checklist
        })
    }

    fn kinds(err: &ChecklistError) -> Vec<(ProblemKind, Severity)> {
        err.problems
            .iter()
            .map(|p| (p.kind.clone(), p.severity))
            .collect()
    }

    #[test]
    fn a_good_checklist_parses() {
        let checklist = parse(GOOD).unwrap();
        assert_eq!(checklist.id.as_str(), "garage-visit");
        let item = &checklist.sections[0].items[0];
        assert_eq!(item.priority, Priority::High);
        assert!(item.applies_if.contains(&Tag::House));
        assert_eq!(item.verified, Some(day(2026, 12, 1)));
        assert_eq!(item.audience, [Role::Adult, Role::Staff].into_iter().collect());
        assert_eq!(item.measure.as_deref(), Some("inner-door"));
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let broken = GOOD.replace("priority: High,", "priority: High");
        let err = parse(&broken).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let (line, _) = err.problems[0].position.unwrap();
        assert_eq!(line, 17, "{}", err.describe(Lang::En));
        assert!(err.describe(Lang::En).starts_with("test.ron:17:"));
    }

    #[test]
    fn unknown_priority_tag_and_role_are_errors() {
        let err = parse(&GOOD.replace("High", "Urgent")).unwrap_err();
        assert!(
            err.describe(Lang::En).contains("Urgent"),
            "{}",
            err.describe(Lang::En)
        );
        let err = parse(&GOOD.replace("[House]", "[Castle]")).unwrap_err();
        assert!(err.describe(Lang::En).contains("Castle"));
        let err = parse(&GOOD.replace("[Adult, Staff]", "[Butler]")).unwrap_err();
        assert!(err.describe(Lang::En).contains("Butler"));
    }

    #[test]
    fn every_problem_is_listed() {
        let bad = GOOD
            .replace("en: \"Lock it.\"", "en: \"  \"")
            .replace(
                "\"https://www.service-public.fr/particuliers/vosdroits/F34634\"",
                "",
            )
            .replace("\"garage-visit\"", "\"Garage Visit\"");
        let err = parse(&bad).unwrap_err();
        let kinds: Vec<_> = err.problems.iter().map(|p| p.kind.clone()).collect();
        assert!(kinds.contains(&ProblemKind::BadId {
            kind: IdKind::Checklist,
            id: "Garage Visit".into()
        }));
        assert!(kinds.contains(&ProblemKind::NoSource("garage.inner-door".into())));
        assert!(kinds.contains(&ProblemKind::EmptyText {
            owner: "garage.inner-door".into(),
            field: Field::Guidance,
            lang: Lang::En
        }));
        assert!(err.problems.iter().all(|p| p.position.is_some()));
    }

    #[test]
    fn duplicate_items_across_checklists_are_errors() {
        let mut registry = IdRegistry::new();
        parse_as(GOOD, true, &mut registry).unwrap();
        let other = GOOD.replace("garage-visit", "other-visit");
        let err = parse_as(&other, true, &mut registry).unwrap_err();
        assert_eq!(
            err.problems[0].kind,
            ProblemKind::DuplicateItem {
                id: "garage.inner-door".into(),
                first_in: "garage-visit".into()
            }
        );
        let err = parse_as(GOOD, true, &mut registry).unwrap_err();
        assert!(
            err.problems
                .iter()
                .any(|p| p.kind == ProblemKind::DuplicateChecklist("garage-visit".into()))
        );
    }

    #[test]
    fn duplicate_item_in_the_same_checklist_points_at_the_second() {
        let item_start = GOOD
            .find("                (\n                    id: \"garage.inner-door\"")
            .unwrap();
        let item_end = GOOD[item_start..].find("                ),\n").unwrap()
            + item_start
            + "                ),\n".len();
        let item = &GOOD[item_start..item_end];
        let doubled = GOOD.replace(item, &format!("{item}{item}"));
        let err = parse(&doubled).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        let first_line = find_position(&doubled, "\"garage.inner-door\"", 0).unwrap().0;
        assert!(err.problems[0].position.unwrap().0 > first_line);
    }

    #[test]
    fn sources_must_be_web_addresses() {
        let url = "https://www.service-public.fr/particuliers/vosdroits/F34634";
        let err = parse(&GOOD.replace(url, "a book")).unwrap_err();
        assert!(matches!(err.problems[0].kind, ProblemKind::BadSource { .. }));
        // Not a web address at all: an error in a user's file too.
        let err = parse_as(&GOOD.replace(url, "a book"), false, &mut IdRegistry::new()).unwrap_err();
        assert!(matches!(err.problems[0].kind, ProblemKind::BadSource { .. }));
    }

    #[test]
    fn a_source_must_be_an_https_page() {
        let url = "https://www.service-public.fr/particuliers/vosdroits/F34634";
        for weak in [
            "http://www.service-public.fr/particuliers/vosdroits/F34634",
            "https://www.service-public.fr/",
            "https://www.service-public.fr",
            "https://www.service-public.fr/?page=2",
            "https:///particuliers",
        ] {
            let source = GOOD.replace(url, weak);
            let err = parse_as(&source, true, &mut IdRegistry::new()).unwrap_err();
            assert_eq!(
                kinds(&err),
                [(
                    ProblemKind::WeakSource {
                        item: "garage.inner-door".into(),
                        source: weak.into()
                    },
                    Severity::Error
                )],
                "{weak}"
            );
            let parsed = parse_as(&source, false, &mut IdRegistry::new()).unwrap();
            let warnings = parsed.warnings.unwrap();
            assert_eq!(warnings.problems[0].severity, Severity::Warning, "{weak}");
            assert!(!warnings.has_errors());
        }
        assert!(parse(&GOOD.replace(url, "https://www.service-public.fr/F34634?x=1#top")).is_ok());
    }

    #[test]
    fn verified_is_required_in_builtin_checklists_and_optional_in_user_files() {
        let source = GOOD.replace("                    verified: \"2026-12-01\",\n", "");
        let err = parse_as(&source, true, &mut IdRegistry::new()).unwrap_err();
        assert_eq!(
            kinds(&err),
            [(
                ProblemKind::NoVerified("garage.inner-door".into()),
                Severity::Error
            )]
        );
        let parsed = parse_as(&source, false, &mut IdRegistry::new()).unwrap();
        assert_eq!(parsed.checklist.sections[0].items[0].verified, None);
        assert_eq!(
            kinds(&parsed.warnings.unwrap()),
            [(
                ProblemKind::NoVerified("garage.inner-door".into()),
                Severity::Warning
            )]
        );
    }

    #[test]
    fn verified_must_be_a_date_and_not_in_the_future() {
        for bad in ["2026-12-1", "01/12/2026", "2026-13-01", "soon"] {
            let err = parse_as(&GOOD.replace("2026-12-01", bad), false, &mut IdRegistry::new()).unwrap_err();
            assert_eq!(
                kinds(&err),
                [(
                    ProblemKind::BadVerified {
                        item: "garage.inner-door".into(),
                        value: bad.into()
                    },
                    Severity::Error
                )],
                "{bad}"
            );
        }
        // Today is allowed, tomorrow is not.
        assert!(parse(GOOD).is_ok());
        let tomorrow = GOOD.replace("2026-12-01", "2026-12-02");
        let err = parse_as(&tomorrow, true, &mut IdRegistry::new()).unwrap_err();
        assert_eq!(
            kinds(&err),
            [(
                ProblemKind::FutureVerified {
                    item: "garage.inner-door".into(),
                    date: "2026-12-02".into()
                },
                Severity::Error
            )]
        );
        let parsed = parse_as(&tomorrow, false, &mut IdRegistry::new()).unwrap();
        assert_eq!(parsed.warnings.unwrap().problems[0].severity, Severity::Warning);
        // The rules take today as a parameter.
        let later = Rules {
            builtin: true,
            today: day(2027, 1, 1),
        };
        let mut registry = IdRegistry::new();
        let origin = Origin::BuiltIn("test.ron".into());
        assert!(parse_checklist_with(&tomorrow, "test.ron", origin, &mut registry, later).is_ok());
    }

    #[test]
    fn a_user_file_without_the_new_fields_still_loads() {
        let parsed = parse_as(OLD_USER_FILE, false, &mut IdRegistry::new()).unwrap();
        let item = &parsed.checklist.sections[0].items[0];
        assert_eq!(item.verified, None);
        assert!(item.audience.is_empty());
        assert_eq!(item.measure, None);
        let warnings = parsed.warnings.unwrap();
        assert!(!warnings.has_errors());
        assert_eq!(warnings.problems.len(), 2, "{}", warnings.describe(Lang::En));
        // The same file built in is refused.
        assert!(parse_as(OLD_USER_FILE, true, &mut IdRegistry::new()).is_err());
    }

    #[test]
    fn items_sharing_a_measure_have_the_same_priority() {
        let item_start = GOOD
            .find("                (\n                    id: \"garage.inner-door\"")
            .unwrap();
        let item_end = GOOD[item_start..].find("                ),\n").unwrap()
            + item_start
            + "                ),\n".len();
        let item = &GOOD[item_start..item_end];
        let second = item
            .replace("garage.inner-door", "garage.side-door")
            .replace("High", "Low");
        let conflict = GOOD.replace(item, &format!("{item}{second}"));
        let expected = ProblemKind::MeasurePriority {
            measure: "inner-door".into(),
            item: "garage.side-door".into(),
            priority: Priority::Low,
            other: "garage.inner-door".into(),
            other_priority: Priority::High,
        };
        let err = parse_as(&conflict, true, &mut IdRegistry::new()).unwrap_err();
        assert_eq!(kinds(&err), [(expected.clone(), Severity::Error)]);
        let warnings = parse_as(&conflict, false, &mut IdRegistry::new())
            .unwrap()
            .warnings
            .unwrap();
        assert_eq!(kinds(&warnings), [(expected, Severity::Warning)]);
        // Same priority: no problem.
        let agreeing = GOOD.replace(
            item,
            &format!("{item}{}", item.replace("garage.inner-door", "garage.side-door")),
        );
        assert!(parse(&agreeing).is_ok());
    }

    #[test]
    fn a_shared_measure_is_checked_across_checklists() {
        let mut registry = IdRegistry::new();
        parse_as(GOOD, true, &mut registry).unwrap();
        let other = GOOD
            .replace("garage-visit", "other-visit")
            .replace("garage.inner-door", "other.inner-door")
            .replace("High", "Critical");
        let err = parse_as(&other, true, &mut registry).unwrap_err();
        assert!(matches!(
            &err.problems[0].kind,
            ProblemKind::MeasurePriority { other, .. } if other == "garage.inner-door"
        ));
        // A user's file that disagrees with a built-in checklist still loads.
        let parsed = parse_as(&other, false, &mut registry).unwrap();
        assert_eq!(parsed.warnings.unwrap().problems[0].severity, Severity::Warning);
    }

    #[test]
    fn a_measure_key_has_the_id_characters() {
        let err = parse(&GOOD.replace("\"inner-door\"", "\"Inner Door\"")).unwrap_err();
        assert!(matches!(err.problems[0].kind, ProblemKind::BadMeasure { .. }));
    }

    #[test]
    fn problems_are_told_in_both_languages() {
        let kinds = [
            ProblemKind::WeakSource {
                item: "a.b".into(),
                source: "http://x.org".into(),
            },
            ProblemKind::NoVerified("a.b".into()),
            ProblemKind::BadVerified {
                item: "a.b".into(),
                value: "soon".into(),
            },
            ProblemKind::FutureVerified {
                item: "a.b".into(),
                date: "2099-01-01".into(),
            },
            ProblemKind::BadMeasure {
                item: "a.b".into(),
                measure: "X Y".into(),
            },
            ProblemKind::MeasurePriority {
                measure: "door-rule".into(),
                item: "a.b".into(),
                priority: Priority::High,
                other: "c.d".into(),
                other_priority: Priority::Critical,
            },
        ];
        for kind in kinds {
            let fr = (tr(Lang::Fr).problem)(&kind);
            let en = (tr(Lang::En).problem)(&kind);
            assert!(fr.contains("a.b") && en.contains("a.b"), "{fr} / {en}");
            assert_ne!(fr, en);
        }
    }
}
