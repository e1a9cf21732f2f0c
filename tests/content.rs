//! The built-in checklists: they validate, and hold to the content rules
//! that can be checked by a program (counts, both languages, French
//! typography, honest priorities, sources that are real pages, dates of
//! verification, one priority per shared measure, no dangerous advice
//! wording). What only people can check is in `checklists/REVIEW.md`.

use std::collections::{BTreeMap, BTreeSet};

use vigie::library::Library;
use vigie::model::checklist::{Checklist, Item, Journey, Priority, Text};
use vigie::model::family::Role;

fn builtin() -> Vec<Checklist> {
    let library = Library::load(None);
    let problems: Vec<String> = library
        .errors
        .iter()
        .chain(&library.warnings)
        .map(|e| e.describe(vigie::i18n::Lang::En))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    library.checklists
}

/// Each built-in file given to the validator as `vigie validate` does:
/// the only warnings allowed are sources still waiting for their quote
/// (the app does not show those to households; see
/// `sources_without_a_quote_are_counted_and_no_critical_item_lacks_one`).
#[test]
fn the_validator_warns_about_builtin_files_only_for_missing_quotes() {
    use vigie::model::checklist::Origin;
    use vigie::model::validate::{IdRegistry, ProblemKind, Rules, parse_checklist_with};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let mut registry = IdRegistry::new();
    let today = chrono::Local::now().date_naive();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        let origin = Origin::BuiltIn(name.clone());
        let rules = Rules::for_origin(&origin, today);
        let parsed = parse_checklist_with(&source, &name, origin, &mut registry, rules)
            .unwrap_or_else(|e| panic!("{}", e.describe(vigie::i18n::Lang::En)));
        for problem in parsed.warnings.iter().flat_map(|w| &w.problems) {
            assert!(
                matches!(problem.kind, ProblemKind::NoQuote { .. }),
                "{name}: {}",
                problem.describe(vigie::i18n::Lang::En)
            );
            assert!(problem.position.is_some(), "{name}: a warning without its place");
        }
    }
}

fn items(checklists: &[Checklist]) -> Vec<&Item> {
    checklists.iter().flat_map(Checklist::items).collect()
}

/// Every text of a checklist with a label saying where it is.
fn texts(c: &Checklist) -> Vec<(String, &Text)> {
    let mut all = vec![
        (format!("{} title", c.id), &c.title),
        (format!("{} summary", c.id), &c.summary),
    ];
    for s in &c.sections {
        all.push((format!("section {}", s.id), &s.title));
        for i in &s.items {
            all.push((format!("{} title", i.id), &i.title));
            all.push((format!("{} guidance", i.id), &i.guidance));
        }
    }
    all
}

/// The title and guidance of every item, in each language, lower-cased,
/// with a label saying where they are.
fn item_texts(checklists: &[Checklist]) -> Vec<(String, String, &'static str)> {
    let mut all = Vec::new();
    for item in items(checklists) {
        for (field, text) in [("title", &item.title), ("guidance", &item.guidance)] {
            all.push((format!("{} {field}", item.id), text.fr.to_lowercase(), "fr"));
            all.push((format!("{} {field}", item.id), text.en.to_lowercase(), "en"));
        }
    }
    all
}

#[test]
fn the_six_builtin_checklists_load_in_order() {
    let ids: Vec<String> = builtin().iter().map(|c| c.id.to_string()).collect();
    assert_eq!(
        ids,
        [
            "home-consultation",
            "security-briefing",
            "family-vigilance",
            "emergency-readiness",
            "online-exposure",
            "crypto-holdings"
        ]
    );
}

#[test]
fn there_are_at_least_150_items_with_unique_ids() {
    let checklists = builtin();
    let ids: Vec<&str> = items(&checklists).iter().map(|i| i.id.as_str()).collect();
    assert!(ids.len() >= 150, "{} items", ids.len());
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    for c in &checklists {
        for s in &c.sections {
            for i in &s.items {
                assert!(
                    i.id.as_str().starts_with(&format!("{}.", s.id)),
                    "{} should start with its section id",
                    i.id
                );
            }
        }
    }
}

#[test]
fn the_home_consultation_walks_the_referent_zones() {
    let checklists = builtin();
    let home = &checklists[0];
    let zones: Vec<&str> = home.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        zones,
        [
            "perimeter",
            "entrances",
            "openings",
            "alarm",
            "inside",
            "vehicles",
            "absences"
        ]
    );
    assert!(home.offered_in(Journey::Referent));
}

#[test]
fn every_journey_offers_checklists() {
    let checklists = builtin();
    for journey in Journey::ALL {
        assert!(
            checklists.iter().filter(|c| c.offered_in(journey)).count() >= 2,
            "{journey:?}"
        );
    }
}

#[test]
fn every_text_exists_in_both_languages_and_items_are_translated() {
    for c in builtin() {
        for (place, text) in texts(&c) {
            assert!(
                !text.fr.trim().is_empty() && !text.en.trim().is_empty(),
                "{place}"
            );
            for bad in ["TODO", "lorem", "XXX", "FIXME"] {
                assert!(!text.fr.contains(bad) && !text.en.contains(bad), "{place}: {bad}");
            }
        }
        for item in c.items() {
            assert_ne!(
                item.title.fr, item.title.en,
                "{} title is not translated",
                item.id
            );
            assert_ne!(
                item.guidance.fr, item.guidance.en,
                "{} guidance is not translated",
                item.id
            );
        }
    }
}

#[test]
fn french_text_follows_french_typography() {
    let nbsp = |c: char| c == '\u{a0}' || c == '\u{202f}';
    for c in builtin() {
        for (place, text) in texts(&c) {
            let chars: Vec<char> = text.fr.chars().collect();
            for (i, &ch) in chars.iter().enumerate() {
                if matches!(ch, ':' | ';' | '?' | '!') && i > 0 {
                    assert!(
                        chars[i - 1] != ' ',
                        "{place}: plain space before '{ch}' in «{}»",
                        text.fr
                    );
                }
                if ch == '«' {
                    assert!(
                        chars.get(i + 1).is_some_and(|&c| nbsp(c)),
                        "{place}: « without a no-break space"
                    );
                }
                if ch == '»' {
                    assert!(i > 0 && nbsp(chars[i - 1]), "{place}: » without a no-break space");
                }
            }
            assert!(!text.fr.contains('"'), "{place}: use « » in French");
            assert!(!text.fr.contains('\''), "{place}: use ’ in French");
        }
    }
}

#[test]
fn guidance_is_one_to_six_sentences() {
    for c in builtin() {
        for item in c.items() {
            for (lang, text) in [("fr", &item.guidance.fr), ("en", &item.guidance.en)] {
                let sentences = text
                    .split_terminator(['.', '!', '?'])
                    .filter(|s| s.trim().chars().count() > 12)
                    .count();
                assert!(
                    (1..=6).contains(&sentences),
                    "{} {lang}: {sentences} sentences",
                    item.id
                );
            }
        }
    }
}

#[test]
fn critical_is_kept_for_what_attackers_exploit() {
    let checklists = builtin();
    let items = items(&checklists);
    let critical = items.iter().filter(|i| i.priority == Priority::Critical).count();
    assert!(critical > 0);
    assert!(
        critical * 4 <= items.len(),
        "{critical} critical of {}",
        items.len()
    );
    for p in Priority::ALL {
        assert!(items.iter().any(|i| i.priority == p), "{p:?} unused");
    }
}

#[test]
fn every_item_says_when_its_advice_was_verified_and_not_in_the_future() {
    let today = chrono::Local::now().date_naive();
    for item in items(&builtin()) {
        let verified = item
            .verified
            .unwrap_or_else(|| panic!("{} has no verified date", item.id));
        assert!(
            verified <= today,
            "{}: verified {verified} is after {today}",
            item.id
        );
    }
}

/// Addresses of print layouts: a source must be the page people read.
const PRINT_LAYOUTS: [&str; 7] = [
    "/imprimer",
    "print=",
    "version-imprimable",
    "/layout/set/print",
    "/print/",
    "format=print",
    "printable",
];

#[test]
fn every_source_is_an_https_page_with_a_path() {
    for item in items(&builtin()) {
        assert!(!item.sources.is_empty(), "{}", item.id);
        for source in item.sources.iter().map(|s| s.url.as_str()) {
            let rest = source
                .strip_prefix("https://")
                .unwrap_or_else(|| panic!("{}: {source} is not https", item.id));
            assert!(!source.contains(char::is_whitespace), "{}: {source}", item.id);
            let (host, path) = rest
                .split_once('/')
                .unwrap_or_else(|| panic!("{}: {source} is a home page", item.id));
            let path = path.split(['?', '#']).next().unwrap_or_default();
            assert!(host.contains('.'), "{}: {source}", item.id);
            assert!(
                !path.trim_matches('/').is_empty(),
                "{}: {source} is a site's home page, not the page that says it",
                item.id
            );
            let lower = source.to_lowercase();
            for layout in PRINT_LAYOUTS {
                assert!(!lower.contains(layout), "{}: {source} is a print layout", item.id);
            }
        }
    }
}

/// Lists of incidents: they show that a threat is real, never what to do.
fn is_incident_list(source: &str) -> bool {
    source.contains("github.com/jlopp/physical-bitcoin-attacks")
        && !source.contains("protect%20against%20wrench%20attacks")
}

#[test]
fn an_incident_list_is_never_an_items_only_source() {
    for item in items(&builtin()) {
        assert!(
            item.sources.iter().any(|s| !is_incident_list(&s.url)),
            "{}: an incident list is its only source",
            item.id
        );
    }
}

/// Each source gives the sentence of its page that supports the item
/// (`quote`). Every critical item has one for each of its sources and does
/// not rest on the community guide alone; the sources of the other items
/// still waiting for theirs are counted and listed (run with
/// `--nocapture` to see them).
#[test]
#[expect(
    clippy::print_stdout,
    reason = "lists the sources still waiting for their quote, for the next round"
)]
fn sources_without_a_quote_are_counted_and_no_critical_item_lacks_one() {
    let checklists = builtin();
    let items = items(&checklists);
    let mut missing = Vec::new();
    let mut total = 0;
    for item in &items {
        for source in &item.sources {
            total += 1;
            if source.quote.is_none() {
                missing.push(format!("{} ({:?}): {}", item.id, item.priority, source.url));
            }
        }
        for source in &item.sources {
            if let Some(quote) = &source.quote {
                assert_eq!(quote.trim(), quote, "{}: quote with outer spaces", item.id);
                assert!(
                    quote.chars().count() >= 10,
                    "{}: quote too short: {quote}",
                    item.id
                );
            }
        }
        if item.priority == Priority::Critical {
            assert!(
                item.sources.iter().all(|s| s.quote.is_some()),
                "critical item {} has a source without a quote",
                item.id
            );
            assert!(
                item.sources
                    .iter()
                    .any(|s| !s.url.starts_with("https://github.com/")),
                "critical item {} rests on a community guide alone",
                item.id
            );
        }
    }
    println!("{} of {total} sources still without a quote:", missing.len());
    for line in &missing {
        println!("  {line}");
    }
}

#[test]
fn items_sharing_a_measure_have_the_same_priority() {
    let checklists = builtin();
    let mut measures: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
    for item in items(&checklists) {
        if let Some(measure) = &item.measure {
            measures.entry(measure).or_default().push(item);
        }
    }
    for (measure, shared) in &measures {
        let priorities: BTreeSet<Priority> = shared.iter().map(|i| i.priority).collect();
        assert_eq!(
            priorities.len(),
            1,
            "measure {measure}: {:?}",
            shared
                .iter()
                .map(|i| (i.id.as_str(), i.priority))
                .collect::<Vec<_>>()
        );
    }
    // The door rule is one rule, told in the home visit, the briefing and
    // every family audience.
    let door: BTreeSet<&str> = measures["door-rule"].iter().map(|i| i.id.as_str()).collect();
    for id in [
        "entrances.visitors",
        "callers.door-visitors",
        "adults.door-rules",
        "children.door",
        "elderly.door",
        "staff.door-deliveries",
    ] {
        assert!(door.contains(id), "{id} should carry the door-rule measure");
    }
}

/// Whether `word` occurs in `text` as a whole word, not after a negation
/// (“ne résistez pas”, “without resisting”, “do not resist”).
fn tells_to(text: &str, word: &str) -> bool {
    const NEGATIONS: [&str; 11] = [
        "ne ", "n’", "sans ", "jamais ", "pas ", "not ", "n't ", "never ", "no ", "without ", "don’t ",
    ];
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let whole = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        let window: String = text[..at]
            .chars()
            .rev()
            .take(25)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        whole && !NEGATIONS.iter().any(|n| window.contains(n))
    })
}

#[test]
fn no_item_tells_people_to_open_the_door_ajar_or_on_its_chain() {
    // A chain or a limiter can be forced: the door stays shut to unexpected
    // visitors, everywhere (see the door-rule measure).
    const FR: [&str; 4] = ["entrebâill", "entrouv", "chaîne", "porte ouverte"];
    const EN: [&str; 8] = [
        "ajar",
        "door chain",
        "on its chain",
        "on the chain",
        "chain on",
        "door limiter",
        "crack the door",
        "open the door a crack",
    ];
    for (place, text, lang) in item_texts(&builtin()) {
        let words: &[&str] = if lang == "fr" { &FR } else { &EN };
        for word in words {
            assert!(!text.contains(word), "{place} ({lang}) mentions “{word}”: {text}");
        }
    }
}

#[test]
fn no_item_tells_people_to_resist_fight_or_chase() {
    const FR: [&str; 14] = [
        "résistez",
        "résister",
        "défendez-vous",
        "battez-vous",
        "ripostez",
        "poursuivez",
        "rattrapez",
        "affrontez",
        "confrontez",
        "désarmez",
        "maîtrisez",
        "neutralisez",
        "interpellez",
        "tenez tête",
    ];
    const EN: [&str; 11] = [
        "resist",
        "fight",
        "fight back",
        "chase",
        "pursue",
        "confront",
        "tackle",
        "disarm",
        "overpower",
        "stand up to",
        "go after",
    ];
    for (place, text, lang) in item_texts(&builtin()) {
        let words: &[&str] = if lang == "fr" { &FR } else { &EN };
        for word in words {
            assert!(!tells_to(&text, word), "{place} ({lang}) says “{word}”: {text}");
        }
    }
}

#[test]
fn no_item_trusts_what_an_impostor_can_show_or_do() {
    // Fake police officers wear uniforms and armbands, show cards and can
    // wait patiently at the door: none of these tells a genuine officer from
    // an impostor, only 17 does (review of 2 December 2026).
    const FR: [&str; 6] = [
        "adulte en uniforme",
        "un vrai policier attend",
        "un vrai agent attend",
        "un vrai policier porte",
        "un vrai agent porte",
        "un vrai policier montre",
    ];
    const EN: [&str; 6] = [
        "adult in uniform",
        "a genuine officer will wait",
        "a real officer will wait",
        "a genuine officer wears",
        "a real officer wears",
        "a genuine officer shows",
    ];
    for (place, text, lang) in item_texts(&builtin()) {
        let words: &[&str] = if lang == "fr" { &FR } else { &EN };
        let lower = text.to_lowercase();
        for word in words {
            assert!(!lower.contains(word), "{place} ({lang}) trusts “{word}”: {text}");
        }
    }
}

#[test]
fn the_negation_check_tells_advice_from_warnings() {
    assert!(tells_to("résistez aux agresseurs", "résistez"));
    assert!(!tells_to("ne résistez pas", "résistez"));
    assert!(!tells_to("il donne son téléphone sans résister", "résister"));
    assert!(tells_to("you should resist", "resist"));
    assert!(!tells_to("do not resist", "resist"));
    assert!(!tells_to("a key resists phishing", "resist"));
}

#[test]
fn family_cards_name_who_acts_on_them() {
    let checklists = builtin();
    let family = checklists
        .iter()
        .find(|c| c.id.as_str() == "family-vigilance")
        .unwrap();
    for item in family.items() {
        assert!(!item.audience.is_empty(), "{} has no audience", item.id);
    }
    // A child does not get the card about what parents give the school.
    let school = family
        .items()
        .find(|i| i.id.as_str() == "children.school-list")
        .unwrap();
    assert_eq!(school.audience, [Role::Adult].into_iter().collect());
    // The practices everyone must know reach every member.
    for id in ["numbers.police-17", "attempt.call-17", "plan.safe-room"] {
        let item = items(&checklists)
            .into_iter()
            .find(|i| i.id.as_str() == id)
            .unwrap();
        assert_eq!(item.audience.len(), Role::ALL.len(), "{id}");
    }
}

#[test]
fn a_kidnapping_or_ransom_call_has_its_own_critical_item() {
    let checklists = builtin();
    let item = items(&checklists)
        .into_iter()
        .find(|i| i.id.as_str() == "attempt.ransom-call")
        .unwrap();
    assert_eq!(item.priority, Priority::Critical);
    assert!(item.guidance.fr.contains("17") && item.guidance.en.contains("17"));
    assert!(item.guidance.fr.contains("même si") && item.guidance.en.contains("even if"));
}

#[test]
fn summaries_name_the_measures_as_the_ministry_did() {
    let checklists = builtin();
    let briefing = &checklists[1].summary;
    assert!(
        briefing.fr.contains("le GIGN, le RAID ou la BRI PP"),
        "{}",
        briefing.fr
    );
    assert!(
        briefing.en.contains("the GIGN, the RAID or the BRI PP"),
        "{}",
        briefing.en
    );
    assert!(briefing.fr.contains("n’est pas public"), "{}", briefing.fr);
    let consultation = &checklists[0].summary;
    assert!(consultation.fr.contains("oralement"), "{}", consultation.fr);
    assert!(consultation.en.contains("orally"), "{}", consultation.en);
}

#[test]
fn the_crypto_checklist_only_shows_to_holders() {
    let checklists = builtin();
    let crypto = checklists
        .iter()
        .find(|c| c.id.as_str() == "crypto-holdings")
        .unwrap();
    for item in crypto.items() {
        assert!(
            item.applies_if.contains(&vigie::model::Tag::CryptoHoldings),
            "{}",
            item.id
        );
    }
}

/// What a child or a teenager reads never lets a voice on a telephone end
/// the hiding: anyone can call, or hold out a phone, and say "it is the
/// police" (second review of 8 December 2026, S1). Only a known adult of
/// the family, there, ends it.
#[test]
fn no_card_for_a_child_lets_a_phone_call_end_the_hiding() {
    let checklists = builtin();
    let trusted_phone = [
        "police au téléphone",
        "gendarmerie au téléphone",
        "police on the phone",
        "police on the telephone",
        "officer on the phone",
    ];
    for item in items(&checklists) {
        if !(item.audience.contains(&Role::Child) || item.audience.contains(&Role::Teenager)) {
            continue;
        }
        for text in [&item.title, &item.guidance] {
            for language in [text.fr.to_lowercase(), text.en.to_lowercase()] {
                for phrase in trusted_phone {
                    assert!(
                        !language.contains(phrase),
                        "{}: a child's card trusts a phone call ({phrase})",
                        item.id
                    );
                }
            }
        }
    }
}
