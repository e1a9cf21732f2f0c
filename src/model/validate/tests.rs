//! The validator's unit tests.

use super::*;
use crate::model::checklist::Tag;
use crate::model::family::Role;

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
                    sources: [
                        (
                            url: "https://www.service-public.fr/particuliers/vosdroits/F34634",
                            quote: "Vous pouvez bénéficier de l'opération tranquillité vacances.",
                        ),
                    ],
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

/// The `sources: [...]` field of the one item of `source`, whole lines.
fn sources_block(source: &str) -> &str {
    let start = source.find("                    sources: [").unwrap();
    let end = source[start..].find("\n                    ],\n").unwrap()
        + start
        + "\n                    ],\n".len();
    &source[start..end]
}

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
        .replace(sources_block(GOOD), "                    sources: [],\n")
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
    let item_end = GOOD[item_start..].find("\n                ),\n").unwrap()
        + item_start
        + "\n                ),\n".len();
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
    // No `verified` date, a site's home page, and a source without a quote.
    assert_eq!(warnings.problems.len(), 3, "{}", warnings.describe(Lang::En));
    // The same file built in is refused.
    assert!(parse_as(OLD_USER_FILE, true, &mut IdRegistry::new()).is_err());
}

#[test]
fn items_sharing_a_measure_have_the_same_priority() {
    let item_start = GOOD
        .find("                (\n                    id: \"garage.inner-door\"")
        .unwrap();
    let item_end = GOOD[item_start..].find("\n                ),\n").unwrap()
        + item_start
        + "\n                ),\n".len();
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
        ProblemKind::NoQuote {
            item: "a.b".into(),
            source: "https://x.org/page".into(),
        },
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
        let fr = message(&kind, Lang::Fr);
        let en = message(&kind, Lang::En);
        assert!(fr.contains("a.b") && en.contains("a.b"), "{fr} / {en}");
        assert_ne!(fr, en);
    }
}

#[test]
fn a_source_carries_its_quote() {
    let checklist = parse(GOOD).unwrap();
    let source = &checklist.sections[0].items[0].sources[0];
    assert_eq!(
        source.url,
        "https://www.service-public.fr/particuliers/vosdroits/F34634"
    );
    assert_eq!(
        source.quote.as_deref(),
        Some("Vous pouvez bénéficier de l'opération tranquillité vacances.")
    );
}

#[test]
fn a_plain_address_still_loads_with_a_warning_at_its_place() {
    let url = "https://www.service-public.fr/particuliers/vosdroits/F34634";
    let start = GOOD
        .find("                        (\n                            url:")
        .unwrap();
    let end = GOOD[start..].find("                        ),\n").unwrap()
        + start
        + "                        ),\n".len();
    let plain = GOOD.replace(
        &GOOD[start..end],
        &format!("                        \"{url}\",\n"),
    );
    for builtin in [true, false] {
        let parsed = parse_as(&plain, builtin, &mut IdRegistry::new()).unwrap();
        let item = &parsed.checklist.sections[0].items[0];
        assert_eq!(item.sources[0].url, url);
        assert_eq!(item.sources[0].quote, None);
        let warnings = parsed.warnings.unwrap();
        assert_eq!(
            kinds(&warnings),
            [(
                ProblemKind::NoQuote {
                    item: "garage.inner-door".into(),
                    source: url.into()
                },
                Severity::Warning
            )]
        );
        let line = plain.lines().position(|l| l.contains(url)).unwrap() + 1;
        assert_eq!(warnings.problems[0].position, Some((line, 25)));
        assert!(warnings.describe(Lang::En).contains("without a quote"));
    }
    // A blank quote is no quote.
    let blank = GOOD.replace(
        "quote: \"Vous pouvez bénéficier de l'opération tranquillité vacances.\"",
        "quote: \"  \"",
    );
    let warnings = parse_as(&blank, true, &mut IdRegistry::new())
        .unwrap()
        .warnings
        .unwrap();
    assert!(matches!(warnings.problems[0].kind, ProblemKind::NoQuote { .. }));
    // An unknown field in a source is an error, as anywhere else.
    let unknown = GOOD.replace(
        "quote: \"Vous",
        "page: 3,\n                            quote: \"Vous",
    );
    assert!(parse_as(&unknown, true, &mut IdRegistry::new()).is_err());
}
