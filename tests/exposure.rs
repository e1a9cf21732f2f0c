//! The exposure inventory: the built-in sources hold to the content rules,
//! a user's own file loads or is reported, the inventory's operations and
//! due re-checks, the store, and the full report (never the family
//! handout).

use std::collections::BTreeSet;
use std::fs;

use chrono::{Local, NaiveDate, TimeZone as _};
use vigie::exposure_library::{ExposureLibrary, validate_files};
use vigie::lang::Lang;
use vigie::library::Library;
use vigie::model::exposure::validate::is_deep_link;
use vigie::model::exposure::{
    ExposureSource, ExposureState, Inventory, InventoryError, MemberError, Scope, SourceId, SourceOrigin,
    SourceProblemKind,
};
use vigie::report::exposure::add_exposure;
use vigie::report::{self, Format, Profile};
use vigie::store::{Store, StoreError};

use crate::util::sample_dossier;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn builtin() -> Vec<ExposureSource> {
    let library = ExposureLibrary::load(None, today());
    let errors: Vec<String> = library.errors.iter().map(|e| e.describe(Lang::En)).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    library.sources
}

#[test]
fn the_builtin_sources_cover_the_ways_a_household_is_found() {
    let sources = builtin();
    let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    for expected in [
        "company-kbis-rne",
        "company-filed-acts",
        "beneficial-owners",
        "electoral-roll",
        "phone-directory",
        "social-networks",
        "known-leaks",
        "photos-house-car",
        "street-view",
        "search-results",
        "domain-whois",
        "accounts-delivery-loyalty",
    ] {
        assert!(unique.contains(expected), "{expected} missing");
    }
    assert!(sources.iter().any(|s| s.scope == Scope::Household));
    assert!(sources.iter().any(|s| s.scope == Scope::PerMember));
    let kbis = sources
        .iter()
        .find(|s| s.id.as_str() == "company-kbis-rne")
        .unwrap();
    assert!(kbis.guidance.fr.contains("2025-840") && kbis.guidance.fr.contains("INPI"));
}

/// Sentences end with `.`, `!` or `?` followed by a capital letter or the
/// end of the text (so that "no. 2025-840" or "R. 123-54-1" do not count).
fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            matches!(c, '.' | '!' | '?')
                && chars[i + 1..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_none_or(|next| next.is_uppercase())
        })
        .count()
}

#[test]
fn every_builtin_source_is_bilingual_sourced_and_dated() {
    for s in builtin() {
        for (field, text) in [("title", &s.title), ("guidance", &s.guidance)] {
            assert!(
                !text.fr.trim().is_empty() && !text.en.trim().is_empty(),
                "{} {field}",
                s.id
            );
            assert_ne!(text.fr, text.en, "{} {field} is not translated", s.id);
            for bad in ["TODO", "lorem", "XXX", "FIXME"] {
                assert!(
                    !text.fr.contains(bad) && !text.en.contains(bad),
                    "{} {field}: {bad}",
                    s.id
                );
            }
        }
        for (lang, text) in [("fr", &s.guidance.fr), ("en", &s.guidance.en)] {
            let sentences = sentence_count(text);
            assert!(
                (1..=4).contains(&sentences),
                "{} {lang}: {sentences} sentences",
                s.id
            );
        }
        assert!(!s.sources.is_empty(), "{}", s.id);
        for link in &s.sources {
            assert!(is_deep_link(link), "{}: {link}", s.id);
        }
        assert!(s.verified <= today(), "{} verified in the future", s.id);
        assert!((7..=3650).contains(&s.recheck_days), "{}", s.id);
        assert!(matches!(s.origin, SourceOrigin::BuiltIn(_)));
    }
}

#[test]
fn the_french_text_follows_french_typography() {
    let nbsp = |c: char| c == '\u{a0}' || c == '\u{202f}';
    for s in builtin() {
        for (field, text) in [("title", &s.title.fr), ("guidance", &s.guidance.fr)] {
            let chars: Vec<char> = text.chars().collect();
            for (i, &ch) in chars.iter().enumerate() {
                if matches!(ch, ':' | ';' | '?' | '!') && i > 0 {
                    assert!(
                        nbsp(chars[i - 1]),
                        "{} {field}: no no-break space before '{ch}'",
                        s.id
                    );
                }
                if ch == '«' {
                    assert!(chars.get(i + 1).is_some_and(|&c| nbsp(c)), "{} {field}: «", s.id);
                }
                if ch == '»' {
                    assert!(i > 0 && nbsp(chars[i - 1]), "{} {field}: »", s.id);
                }
            }
            assert!(
                !text.contains('"') && !text.contains('\''),
                "{} {field}: use « » and ’",
                s.id
            );
        }
    }
}

#[test]
fn the_checklist_loader_does_not_take_sources_for_checklists() {
    let dir = tempfile::tempdir().unwrap();
    let exposure = dir.path().join("exposure");
    fs::create_dir_all(&exposure).unwrap();
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/checklists/exposure/sources.ron"),
        exposure.join("copy.ron"),
    )
    .unwrap();
    let library = Library::load(Some(dir.path()));
    assert!(library.errors.is_empty(), "{:?}", library.errors);
    assert_eq!(library.checklists.len(), Library::load(None).checklists.len());
}

const USER_FILE: &str = r#"(
    sources: [
        (
            id: "club-website",
            title: (fr: "Site du club de tennis", en: "Tennis club website"),
            guidance: (fr: "Le club publie les noms et les horaires des membres.", en: "The club publishes members' names and schedules."),
            scope: PerMember,
            recheck_days: 180,
            sources: ["https://www.cnil.fr/le-droit-leffacement-supprimer-vos-donnees-en-ligne"],
            verified: "2026-11-01",
        ),
    ],
)"#;

#[test]
fn a_users_own_file_of_sources_loads_or_is_reported_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let user_dir = store.exposure_sources_dir();
    fs::create_dir_all(&user_dir).unwrap();
    fs::write(user_dir.join("a-mine.ron"), USER_FILE).unwrap();
    // A copy of a built-in source clashes on its id; a typo breaks a file.
    let clash = USER_FILE.replace("club-website", "street-view");
    fs::write(user_dir.join("b-clash.ron"), &clash).unwrap();
    let typo = USER_FILE.replace("scope: PerMember,", "scope: Everyone,");
    fs::write(user_dir.join("c-typo.ron"), &typo).unwrap();

    let library = ExposureLibrary::load(Some(&user_dir), today());
    let mine = library
        .source(&SourceId::from("club-website"))
        .expect("the user's source loads");
    assert!(matches!(&mine.origin, SourceOrigin::User(p) if p.ends_with("a-mine.ron")));
    assert_eq!(library.sources.len(), builtin().len() + 1);
    assert_eq!(library.errors.len(), 2);
    let clash_err = library.errors[0].describe(Lang::En);
    let line = clash.lines().position(|l| l.contains("street-view")).unwrap() + 1;
    assert!(clash_err.contains(&format!("b-clash.ron:{line}:")), "{clash_err}");
    assert!(clash_err.contains("already exists in sources.ron"), "{clash_err}");
    let typo_err = library.errors[1].describe(Lang::Fr);
    let line = typo.lines().position(|l| l.contains("Everyone")).unwrap() + 1;
    assert!(typo_err.contains(&format!("c-typo.ron:{line}:")), "{typo_err}");
    assert!(typo_err.contains("erreur de syntaxe RON"), "{typo_err}");

    // The same files checked one by one, as the app would load them.
    let results = validate_files(
        &[user_dir.join("a-mine.ron"), user_dir.join("c-typo.ron")],
        today(),
    );
    assert!(results[0].is_ok() && results[1].is_err());
}

#[test]
fn every_problem_of_a_source_is_listed() {
    let bad = USER_FILE
        .replace("\"club-website\"", "\"Club Website\"")
        .replace("en: \"Tennis club website\"", "en: \" \"")
        .replace("recheck_days: 180", "recheck_days: 0")
        .replace(
            "\"https://www.cnil.fr/le-droit-leffacement-supprimer-vos-donnees-en-ligne\"",
            "\"https://www.cnil.fr/\", \"http://example.org/page\"",
        )
        .replace("2026-11-01", "2099-01-01");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(&path, &bad).unwrap();
    let err = validate_files(&[path], today()).remove(0).unwrap_err();
    let kinds: Vec<&SourceProblemKind> = err.problems.iter().map(|p| &p.kind).collect();
    assert!(
        kinds.iter().any(|k| matches!(k, SourceProblemKind::BadId(_))),
        "{err}"
    );
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, SourceProblemKind::EmptyText { lang: Lang::En, .. })),
        "{err}"
    );
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, SourceProblemKind::BadRecheck { days: 0, .. })),
        "{err}"
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| matches!(k, SourceProblemKind::BadLink { .. }))
            .count(),
        2,
        "a home page and an http link: {err}"
    );
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, SourceProblemKind::VerifiedInFuture { .. })),
        "{err}"
    );
    assert!(err.problems.iter().all(|p| p.position.is_some()), "{err}");
}

fn source(id: &str, scope: Scope, recheck_days: u32) -> ExposureSource {
    ExposureSource {
        id: SourceId::from(id),
        title: vigie::model::Text::new(format!("Titre {id}"), format!("Title {id}")),
        guidance: vigie::model::Text::new("Conseil.", "Guidance."),
        scope,
        recheck_days,
        sources: vec!["https://www.cnil.fr/fr/le-droit-au-dereferencement".into()],
        verified: day("2026-11-01"),
        origin: SourceOrigin::BuiltIn("test.ron".into()),
    }
}

#[test]
fn a_recheck_goes_from_due_to_done() {
    let street = source("street-view", Scope::Household, 365);
    let social = source("social-networks", Scope::PerMember, 90);
    let sources = vec![street.clone(), social.clone()];
    let mut inventory = Inventory::new();
    inventory.add_member("Léa").unwrap();
    let d0 = day("2026-11-02");

    // A state change sets the re-check from the source's interval.
    assert_eq!(
        inventory.set_state(&social, Some("léa"), ExposureState::Exposed, d0),
        Ok(true)
    );
    let entry = inventory.entry(&social.id, Some("Léa")).unwrap();
    assert_eq!(entry.recheck, Some(day("2027-01-31")));
    assert_eq!(entry.checked, Some(d0));
    // The same state again changes nothing.
    assert_eq!(
        inventory.set_state(&social, Some("Léa"), ExposureState::Exposed, d0),
        Ok(false)
    );
    inventory
        .set_state(&street, None, ExposureState::RequestSent(d0), d0)
        .unwrap();
    assert_eq!(
        inventory.entry(&street.id, None).unwrap().recheck,
        Some(day("2027-11-02"))
    );

    assert!(inventory.due_rechecks(&sources, day("2027-01-30")).is_empty());
    assert_eq!(
        inventory.next_recheck(&sources, day("2027-01-30")),
        Some(day("2027-01-31"))
    );
    let due = inventory.due_rechecks(&sources, day("2027-01-31"));
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].source.id.as_str(), due[0].member),
        ("social-networks", Some("Léa"))
    );
    assert_eq!(due[0].state, ExposureState::Exposed);
    // Both are due a year on, the oldest first.
    let due = inventory.due_rechecks(&sources, day("2027-12-01"));
    let order: Vec<&str> = due.iter().map(|d| d.source.id.as_str()).collect();
    assert_eq!(order, ["social-networks", "street-view"]);

    // Done: looked at again, masked now; the next re-check is 90 days on.
    let d1 = day("2027-02-03");
    inventory
        .set_state(&social, Some("Léa"), ExposureState::MaskedOrRemoved, d1)
        .unwrap();
    assert!(inventory.due_rechecks(&sources, d1).is_empty());
    assert_eq!(
        inventory.entry(&social.id, Some("Léa")).unwrap().recheck,
        Some(day("2027-05-04"))
    );
    // Looked at again with nothing changed: the date moves on too.
    assert_eq!(
        inventory.mark_rechecked(&social, Some("Léa"), day("2027-05-04")),
        Ok(true)
    );
    assert_eq!(
        inventory.entry(&social.id, Some("Léa")).unwrap().recheck,
        Some(day("2027-08-02"))
    );
    // Back to "not checked": no re-check date.
    inventory
        .set_state(&street, None, ExposureState::Unknown, d1)
        .unwrap();
    assert_eq!(inventory.entry(&street.id, None).unwrap().recheck, None);
}

#[test]
fn members_and_scopes_are_checked_and_answers_follow_members() {
    let street = source("street-view", Scope::Household, 365);
    let social = source("social-networks", Scope::PerMember, 90);
    let sources = vec![street.clone(), social.clone()];
    let mut inventory = Inventory::new();
    assert_eq!(inventory.add_member("  "), Err(MemberError::Empty));
    inventory.add_member("Léa").unwrap();
    inventory.add_member("Marc").unwrap();
    assert_eq!(inventory.add_member("LÉA"), Err(MemberError::Taken("Léa".into())));
    assert_eq!(inventory.add_member(&"x".repeat(41)), Err(MemberError::TooLong));
    let d0 = day("2026-11-02");
    assert_eq!(
        inventory.set_state(&social, None, ExposureState::Exposed, d0),
        Err(InventoryError::Scope(social.id.clone()))
    );
    assert_eq!(
        inventory.set_state(&street, Some("Léa"), ExposureState::Exposed, d0),
        Err(InventoryError::Scope(street.id.clone()))
    );
    assert_eq!(
        inventory.set_state(&social, Some("Zoé"), ExposureState::Exposed, d0),
        Err(InventoryError::Member(MemberError::Unknown("Zoé".into())))
    );

    // One line per household source, one per member for the others.
    let rows = inventory.rows(&sources);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.state() == ExposureState::Unknown));
    assert_eq!(inventory.unchecked_count(&sources), 3);

    inventory
        .set_state(&social, Some("Marc"), ExposureState::Exposed, d0)
        .unwrap();
    inventory
        .set_note(&social, Some("Marc"), "Profil public sur deux réseaux")
        .unwrap();
    inventory.rename_member("marc", "Marco").unwrap();
    assert_eq!(
        inventory.entry(&social.id, Some("Marco")).unwrap().note,
        "Profil public sur deux réseaux"
    );
    let removed = inventory.remove_member("Marco").unwrap();
    assert_eq!(removed.len(), 1);
    assert!(inventory.entries.is_empty());

    // An answer whose source is gone is kept and listed.
    inventory
        .set_state(&street, None, ExposureState::Exposed, d0)
        .unwrap();
    assert!(inventory.orphans(&sources).is_empty());
    assert_eq!(inventory.orphans(&[social]).len(), 1);
}

#[test]
fn the_inventory_round_trips_and_a_hand_written_file_reads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let street = source("street-view", Scope::Household, 365);
    let (mut inventory, mut file) = store.load_household::<Inventory>().unwrap();
    inventory.add_member("Léa").unwrap();
    inventory
        .set_state(
            &street,
            None,
            ExposureState::RequestSent(day("2026-11-02")),
            day("2026-11-02"),
        )
        .unwrap();
    store.save_household(&mut file, &inventory).unwrap();
    let text = fs::read_to_string(store.household_path::<Inventory>()).unwrap();
    assert!(text.contains("RequestSent(\"2026-11-02\")"), "{text}");
    assert_eq!(store.load_household::<Inventory>().unwrap().0, inventory);

    // Written by hand, with the implicit Some of dates and members.
    fs::write(
        store.household_path::<Inventory>(),
        r#"(
    format_version: 1,
    members: ["Léa"],
    entries: [
        (source: "social-networks", member: "Léa", state: Exposed, recheck: "2027-01-31"),
        (source: "street-view", state: NotApplicable),
    ],
)"#,
    )
    .unwrap();
    let (read, _) = store.load_household::<Inventory>().unwrap();
    assert_eq!(read.entries[0].member.as_deref(), Some("Léa"));
    assert_eq!(read.entries[0].recheck, Some(day("2027-01-31")));
    assert_eq!(read.entries[1].state, ExposureState::NotApplicable);

    fs::write(
        store.household_path::<Inventory>(),
        "(format_version: 1, entries: [(source: 3)])",
    )
    .unwrap();
    let err = store.load_household::<Inventory>().unwrap_err();
    assert!(matches!(err, StoreError::Parse { line: 1, .. }), "{err}");
}

fn made_on() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

#[test]
fn the_inventory_is_in_the_full_report_and_never_in_the_family_handout() {
    let library = Library::load(None);
    let sources = builtin();
    let kbis = sources
        .iter()
        .find(|s| s.id.as_str() == "company-kbis-rne")
        .unwrap();
    let street = sources.iter().find(|s| s.id.as_str() == "street-view").unwrap();
    let mut inventory = Inventory::new();
    inventory.add_member("Léa").unwrap();
    let d0 = day("2026-11-02");
    inventory
        .set_state(kbis, Some("Léa"), ExposureState::Exposed, d0)
        .unwrap();
    inventory
        .set_note(kbis, Some("Léa"), "Adresse visible sur le Kbis de la SAS")
        .unwrap();
    inventory
        .set_state(street, None, ExposureState::MaskedOrRemoved, d0)
        .unwrap();

    let dossier = sample_dossier();
    let mut full = report::build(&dossier, &library, Profile::Full, Lang::Fr, made_on());
    add_exposure(&mut full, &inventory, &sources, Lang::Fr, day("2027-12-01"));
    assert_eq!(full.exposure.len(), inventory.rows(&sources).len());
    assert!(full.exposure[0].exposed, "exposed first");
    assert_eq!(full.exposure[0].member, "Léa");
    assert!(full.exposure[0].due);
    let html = report::html::render(&full);
    assert!(html.contains("Exposition publique du foyer") && html.contains("Adresse visible sur le Kbis"));
    let pdf = pdf_extract::extract_text_from_mem(&report::render(&full, Format::Pdf).unwrap()).unwrap();
    assert!(pdf.contains("Exposition publique du foyer"), "{pdf}");
    assert!(pdf.contains("Adresse visible sur le Kbis"), "{pdf}");

    for profile in [Profile::Family, Profile::Emergency, Profile::Blank] {
        let mut r = report::build(&dossier, &library, profile, Lang::Fr, made_on());
        add_exposure(&mut r, &inventory, &sources, Lang::Fr, day("2027-12-01"));
        assert!(r.exposure.is_empty(), "{profile:?}");
        for format in [Format::Html, Format::Pdf] {
            let bytes = report::render(&r, format).unwrap();
            let text = match format {
                Format::Html => String::from_utf8(bytes).unwrap(),
                Format::Pdf => pdf_extract::extract_text_from_mem(&bytes).unwrap(),
            };
            assert!(
                !text.contains("Adresse visible sur le Kbis"),
                "{profile:?} {format:?}"
            );
            assert!(!text.contains("Exposition publique"), "{profile:?} {format:?}");
        }
    }

    // Nothing checked yet: no section at all.
    let mut empty = report::build(&dossier, &library, Profile::Full, Lang::En, made_on());
    add_exposure(&mut empty, &Inventory::new(), &sources, Lang::En, d0);
    assert!(empty.exposure.is_empty());
    assert!(!report::html::render(&empty).contains("Public exposure"));
}
