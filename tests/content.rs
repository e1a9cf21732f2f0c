//! The built-in checklists: they validate, and hold to the content rules
//! (counts, both languages, French typography, honest priorities, sources).

use std::collections::BTreeSet;

use vigie::library::Library;
use vigie::model::checklist::{Checklist, Journey, Priority, Text};

fn builtin() -> Vec<Checklist> {
    let library = Library::load(None);
    let errors: Vec<String> = library
        .errors
        .iter()
        .map(|e| e.describe(vigie::i18n::Lang::En))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    library.checklists
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
    let ids: Vec<&str> = checklists
        .iter()
        .flat_map(Checklist::items)
        .map(|i| i.id.as_str())
        .collect();
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
        }
    }
}

#[test]
fn guidance_is_one_to_four_sentences() {
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
    let items: Vec<_> = checklists.iter().flat_map(Checklist::items).collect();
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
fn every_item_cites_a_public_source() {
    for c in builtin() {
        for item in c.items() {
            assert!(!item.sources.is_empty(), "{}", item.id);
            assert!(
                item.sources.iter().any(|s| s.starts_with("https://")),
                "{}",
                item.id
            );
        }
    }
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
