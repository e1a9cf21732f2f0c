//! Parsing and validating checklist files.
//!
//! A file is parsed into the `Raw*` structs (its exact shape, as written by
//! people), then checked rule by rule. Every problem is collected, not just
//! the first, so that `vigie validate` can list them all, each with the line
//! and column where it can be found.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;

use super::checklist::{
    Checklist, ChecklistId, Item, ItemId, Journey, Origin, Priority, Section, SectionId, Tag, Text,
};
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
}

/// One problem, with where it is when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
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
/// unique across all of them.
#[derive(Default, Debug)]
pub struct IdRegistry {
    checklists: BTreeSet<String>,
    items: BTreeMap<String, String>,
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
    /// Records a problem found at the `nth` occurrence of `"quoted"` in the file.
    fn at_id(&mut self, quoted: &str, nth: usize, kind: ProblemKind) {
        let position = find_position(self.source, &format!("\"{quoted}\""), nth);
        self.problems.push(Problem { position, kind });
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

/// Parses and validates one checklist file.
///
/// `file` names the file in messages; `registry` holds the ids of the
/// checklists already loaded and receives this one's when it is valid.
pub fn parse_checklist(
    source: &str,
    file: &str,
    origin: Origin,
    registry: &mut IdRegistry,
) -> Result<Checklist, ChecklistError> {
    let raw: RawChecklist = ron::Options::default()
        .from_str(source)
        .map_err(|err| ChecklistError {
            file: file.to_owned(),
            problems: vec![Problem {
                position: Some((err.span.start.line, err.span.start.col)),
                kind: ProblemKind::Syntax(err.code.to_string()),
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
        });
    }
    if raw.sections.is_empty() {
        check.problems.push(Problem {
            position: find_position(source, "sections", 0),
            kind: ProblemKind::NoSection,
        });
    }

    let mut section_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut item_ids: BTreeMap<&str, usize> = BTreeMap::new();
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
                if !is_web || source_url.contains(char::is_whitespace) {
                    check.at_id(
                        source_url,
                        0,
                        ProblemKind::BadSource {
                            item: item.id.clone(),
                            source: source_url.clone(),
                        },
                    );
                }
            }
        }
    }

    if !check.problems.is_empty() {
        let mut problems = check.problems;
        problems.sort_by_key(|p| p.position.unwrap_or((usize::MAX, 0)));
        return Err(ChecklistError {
            file: file.to_owned(),
            problems,
        });
    }

    registry.checklists.insert(raw.id.clone());
    for item in raw.sections.iter().flat_map(|s| &s.items) {
        registry.items.insert(item.id.clone(), raw.id.clone());
    }

    Ok(Checklist {
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
                    .map(|i| Item {
                        id: ItemId(i.id),
                        title: i.title,
                        guidance: i.guidance,
                        priority: i.priority,
                        applies_if: i.applies_if.into_iter().collect(),
                        sources: i.sources,
                    })
                    .collect(),
            })
            .collect(),
        origin,
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
                    sources: ["https://www.service-public.fr/"],
                ),
            ],
        ),
    ],
)"#;

    fn parse(source: &str) -> Result<Checklist, ChecklistError> {
        parse_checklist(
            source,
            "test.ron",
            Origin::BuiltIn("test.ron".into()),
            &mut IdRegistry::new(),
        )
    }

    #[test]
    fn a_good_checklist_parses() {
        let checklist = parse(GOOD).unwrap();
        assert_eq!(checklist.id.as_str(), "garage-visit");
        assert_eq!(checklist.sections[0].items[0].priority, Priority::High);
        assert!(checklist.sections[0].items[0].applies_if.contains(&Tag::House));
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
    fn unknown_priority_and_tag_are_errors() {
        let err = parse(&GOOD.replace("High", "Urgent")).unwrap_err();
        assert!(
            err.describe(Lang::En).contains("Urgent"),
            "{}",
            err.describe(Lang::En)
        );
        let err = parse(&GOOD.replace("[House]", "[Castle]")).unwrap_err();
        assert!(err.describe(Lang::En).contains("Castle"));
    }

    #[test]
    fn every_problem_is_listed() {
        let bad = GOOD
            .replace("en: \"Lock it.\"", "en: \"  \"")
            .replace("\"https://www.service-public.fr/\"", "")
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
        parse_checklist(GOOD, "a.ron", Origin::BuiltIn("a.ron".into()), &mut registry).unwrap();
        let other = GOOD.replace("garage-visit", "other-visit");
        let err =
            parse_checklist(&other, "b.ron", Origin::BuiltIn("b.ron".into()), &mut registry).unwrap_err();
        assert_eq!(
            err.problems[0].kind,
            ProblemKind::DuplicateItem {
                id: "garage.inner-door".into(),
                first_in: "garage-visit".into()
            }
        );
        let err = parse_checklist(GOOD, "c.ron", Origin::BuiltIn("c.ron".into()), &mut registry).unwrap_err();
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
        let err = parse(&GOOD.replace("https://www.service-public.fr/", "a book")).unwrap_err();
        assert!(matches!(err.problems[0].kind, ProblemKind::BadSource { .. }));
    }
}
