//! The printable summary: the builder's order, counts and profiles; the PDF
//! parsed back; HTML and typst escaping of user text.

use chrono::{Local, TimeZone as _};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::checklist::{Checklist, ItemId, Journey, Priority};
use vigie::model::{Dossier, Progress, Status};
use vigie::report::{self, Format, Profile};

use crate::util::date;

fn now() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

/// Every built-in checklist, every item answered in turn, with notes:
/// the largest dossier.
pub fn largest_dossier(library: &Library) -> Dossier {
    let t = date("2026-11-01T09:00:00Z");
    let mut d = Dossier::new(
        "Maison de Lyon — été",
        Journey::Personal,
        library.checklists.iter().map(|c| c.id.clone()).collect(),
        None,
        t,
    );
    for (n, item) in library.checklists.iter().flat_map(Checklist::items).enumerate() {
        d.set_status(&item.id, Status::CHOICES[n % 5], t);
        if n % 3 == 0 {
            d.set_note(
                &item.id,
                &format!("Note n° {n} : vérifier « à nouveau » l’accès côté jardin."),
                t,
            );
        }
    }
    d
}

fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).unwrap()
}

fn page_count(bytes: &[u8]) -> usize {
    lopdf::Document::load_mem(bytes).unwrap().get_pages().len()
}

#[test]
fn the_action_plan_holds_every_open_item_by_priority_then_section() {
    let library = Library::load(None);
    let d = largest_dossier(&library);
    let r = report::build(&d, &library, Profile::Full, Lang::Fr, now());
    let p = Progress::of_dossier(&d, &library.checklists);
    assert_eq!(r.plan.len(), p.total - p.done - p.not_applicable);
    assert_eq!(r.in_place.len(), p.done);
    assert_eq!(r.overall.answered, p.answered);

    // Order: priority first, then the order of the items in the dossier.
    // The one plan: by priority, what was found to need work before what
    // was not answered yet, then the checklist's order.
    let order: Vec<(Priority, bool, usize)> = r
        .plan
        .iter()
        .map(|row| {
            let item = library
                .checklists
                .iter()
                .flat_map(Checklist::items)
                .position(|i| i.id.as_str() == row.id);
            let priority = library
                .checklists
                .iter()
                .flat_map(Checklist::items)
                .find(|i| i.id.as_str() == row.id)
                .unwrap()
                .priority;
            let unanswered = row.status == "Non répondu";
            (priority, unanswered, item.unwrap())
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted);
    assert_eq!(r.plan[0].priority, "Critique");
    assert!(r.plan[0].critical);
    assert!(r.notes.len() > 50);
    assert!(
        r.sources.windows(2).all(|w| w[0] < w[1]),
        "sources are sorted and unique"
    );
}

#[test]
fn the_household_profile_filters_the_report() {
    let library = Library::load(None);
    let mut d = largest_dossier(&library);
    d.profile = Some([vigie::model::Tag::Flat].into_iter().collect());
    let r = report::build(&d, &library, Profile::Full, Lang::En, now());
    let crypto = ItemId::from("keys.nothing-at-home");
    assert!(!r.plan.iter().any(|row| row.id == crypto.as_str()));
    assert!(r.overall.total < library.checklists.iter().flat_map(Checklist::items).count());
}

#[test]
fn the_family_handout_holds_no_note_and_no_unmet_item() {
    let library = Library::load(None);
    let d = largest_dossier(&library);
    let r = report::build(&d, &library, Profile::Family, Lang::Fr, now());
    assert!(r.plan.is_empty() && r.notes.is_empty() && r.orphans.is_empty() && r.in_place.is_empty());
    let done: Vec<String> = library
        .checklists
        .iter()
        .flat_map(Checklist::items)
        .filter(|i| d.status(&i.id) == Status::Done)
        .map(|i| i.title.fr.clone())
        .collect();
    let printed: Vec<String> = r
        .practices
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.title.clone()))
        .collect();
    assert_eq!(printed, done);
    for format in [Format::Html, Format::Pdf] {
        let bytes = report::render(&r, format).unwrap();
        let text = match format {
            Format::Html => String::from_utf8(bytes).unwrap(),
            Format::Pdf => pdf_text(&bytes),
        };
        assert!(!text.contains("Note n°"), "{format:?} holds a note");
        let open = library
            .checklists
            .iter()
            .flat_map(Checklist::items)
            .find(|i| d.status(&i.id) == Status::Todo)
            .unwrap();
        assert!(!text.contains(&open.title.fr), "{format:?} holds an unmet item");
        assert!(text.contains("114"), "{format:?} holds the emergency sheet");
    }
}

#[test]
fn the_full_pdf_parses_back_with_accents_and_page_numbers() {
    let library = Library::load(None);
    let d = largest_dossier(&library);
    let r = report::build(&d, &library, Profile::Full, Lang::Fr, now());
    let pdf = report::render(&r, Format::Pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = page_count(&pdf);
    assert!(pages >= 5, "{pages} pages");
    let text = pdf_text(&pdf);
    for expected in [
        "Maison de Lyon — été",
        "Plan d’action",
        "Critique",
        "CONFIDENTIEL",
        "vérifier « à nouveau »",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    assert!(text.contains(&format!("Page {pages} / {pages}")), "page n / N");
}

#[test]
fn the_emergency_sheet_is_one_page() {
    let library = Library::load(None);
    let d = largest_dossier(&library);
    for lang in [Lang::Fr, Lang::En] {
        let r = report::build(&d, &library, Profile::Emergency, lang, now());
        let pdf = report::render(&r, Format::Pdf).unwrap();
        assert_eq!(page_count(&pdf), 1, "{lang:?}");
        let text = pdf_text(&pdf);
        assert!(text.contains("114") && text.contains("17Cyber"));
        assert!(!text.contains("Note n°"));
    }
}

#[test]
fn each_document_says_what_it_holds_and_only_the_full_report_speaks_of_weak_points() {
    let library = Library::load(None);
    let d = largest_dossier(&library);
    for profile in [Profile::Full, Profile::Family, Profile::Emergency, Profile::Blank] {
        let r = report::build(&d, &library, profile, Lang::Fr, now());
        // PDF text extraction breaks lines and hyphenates: compare words.
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let pdf = words(&pdf_text(&report::render(&r, Format::Pdf).unwrap()));
        let html = String::from_utf8(report::render(&r, Format::Html).unwrap()).unwrap();
        let describes = "il décrit les points faibles";
        assert_eq!(
            pdf.contains(describes),
            profile == Profile::Full,
            "{profile:?}: {}",
            r.footer
        );
        assert_eq!(html.contains(describes), profile == Profile::Full, "{profile:?}");
        assert!(html.contains(&format!("<footer>{}", r.footer)), "{profile:?}");
    }
}

#[test]
fn a_blank_form_has_every_item_and_empty_boxes() {
    let library = Library::load(None);
    let home = &library.checklists[0];
    let r = report::build_blank(home, Lang::En, now());
    assert_eq!(
        r.blank.iter().map(|g| g.items.len()).sum::<usize>(),
        home.items().count()
    );
    let html = report::html::render(&r);
    assert_eq!(html.matches('☐').count(), home.items().count() * 4);
    let pdf = report::render(&r, Format::Pdf).unwrap();
    assert!(pdf_text(&pdf).contains(&home.sections[0].items[0].title.en));
}

#[test]
fn user_text_is_never_markup() {
    let library = Library::load(None);
    let t = date("2026-11-01T09:00:00Z");
    let hostile = "<script>alert('x')</script> & co #set page(width: 2cm) *gras* $x^2$ #panic(\"boom\") ]";
    let mut d = Dossier::new(
        hostile,
        Journey::Personal,
        vec!["home-consultation".into()],
        None,
        t,
    );
    d.set_status(&ItemId::from("entrances.locked-at-home"), Status::Todo, t);
    d.set_note(&ItemId::from("entrances.locked-at-home"), hostile, t);
    let r = report::build(&d, &library, Profile::Full, Lang::En, now());

    let html = report::html::render(&r);
    assert!(!html.contains("<script>"));
    assert!(
        html.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co #set page(width: 2cm) *gras*"
        )
    );

    let pdf = report::render(&r, Format::Pdf).unwrap();
    let text = pdf_text(&pdf);
    assert!(
        text.contains("#set page(width: 2cm) *gras* $x^2$ #panic(\"boom\")"),
        "{text}"
    );
}

#[test]
fn html_is_self_contained() {
    let library = Library::load(None);
    let d = largest_dossier(&library);
    for profile in Profile::ALL {
        let html = report::html::render(&report::build(&d, &library, profile, Lang::Fr, now()));
        assert!(html.contains("default-src 'none'"));
        for external in ["<link", "<script", "src=", "url(", "@import"] {
            assert!(!html.contains(external), "{profile:?} has {external}");
        }
        assert!(html.contains("@page"));
    }
}

#[test]
fn export_writes_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::load(None);
    let d = largest_dossier(&library);
    let path = dir.path().join("rapport.html");
    report::export(
        &report::build(&d, &library, Profile::Full, Lang::Fr, now()),
        Format::Html,
        &path,
    )
    .unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("Maison de Lyon"));
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&path), 0o600);
}

#[test]
fn the_full_report_shows_each_source_with_the_sentence_that_supports_it() {
    // A user's checklist: one source with its quote, one plain address
    // (the old form, still read).
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.ron"),
        r#"(
    id: "my-garage",
    version: 1,
    title: (fr: "Mon garage", en: "My garage"),
    summary: (fr: "Le garage.", en: "The garage."),
    journeys: [Personal],
    sections: [(
        id: "my-garage",
        title: (fr: "Garage", en: "Garage"),
        items: [(
            id: "my-garage.door",
            title: (fr: "La porte est fermée", en: "The door is shut"),
            guidance: (fr: "Fermez-la.", en: "Shut it."),
            priority: High,
            verified: "2026-12-01",
            sources: [
                (url: "https://example.org/garage", quote: "Fermez la porte « à clé » & partez."),
                "https://example.org/old",
            ],
        )],
    )],
)"#,
    )
    .unwrap();
    let library = Library::load(Some(dir.path()));
    assert!(library.errors.is_empty(), "{:?}", library.errors);
    let mine = library
        .checklists
        .iter()
        .find(|c| c.id.as_str() == "my-garage")
        .unwrap();
    let d = Dossier::new(
        "Garage",
        Journey::Personal,
        vec![mine.id.clone()],
        None,
        date("2026-11-01T09:00:00Z"),
    );
    let r = report::build(&d, &library, Profile::Full, Lang::Fr, now());
    let quote = "Fermez la porte « à clé » & partez.";
    let quoted = r.sources.iter().find(|s| s.source.contains("/garage")).unwrap();
    assert_eq!(quoted.quotes, [quote]);
    let plain = r.sources.iter().find(|s| s.source.contains("/old")).unwrap();
    assert!(plain.quotes.is_empty());
    let html = report::html::render(&r);
    assert!(html.contains(&format!(
        "<blockquote class=\"quote\">{}</blockquote>",
        report::html::escape(quote)
    )));
    assert!(html.contains("&amp; partez"));
}
