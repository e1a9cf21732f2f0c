//! The home screen: the three journeys at first launch, the danger entry
//! from every screen, the caseload (search, sort, filter) with a few
//! hundred dossiers, text size, and Escape on each dialog.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use vigie::app::{AppState, Screen};
use vigie::i18n::Lang;
use vigie::model::Dossier;
use vigie::model::checklist::Journey;
use vigie::settings::{HomeSort, Zoom};
use vigie::store::Store;

use crate::util::{click, date, harness, sample_dossier, type_into};

/// Whether the emergency sheet is shown.
fn sheet_shown(h: &Harness<'_, AppState>) -> bool {
    h.query_by_label_contains("On the phone with 17").is_some()
}

/// Opens the emergency sheet with the entry of the top bar, checks what it
/// says, closes it with Escape and checks the screen is as it was.
fn danger_entry_works(h: &mut Harness<'_, AppState>) {
    let screen = h.state().screen;
    assert!(!sheet_shown(h), "closed to begin with");
    h.get_by_label("In danger now?").click();
    h.run();
    assert!(sheet_shown(h), "the sheet opens on {screen:?}");
    assert!(
        h.query_all_by_label_contains("114").count() > 0,
        "SMS 114 is on the sheet"
    );
    assert!(
        h.query_all_by_label_contains("112").count() > 0,
        "112 is on the sheet"
    );
    assert_eq!(h.state().screen, screen, "the screen's work stays in place");
    h.key_press(Key::Escape);
    h.run();
    assert!(!sheet_shown(h), "Escape closes the sheet on {screen:?}");
    assert_eq!(h.state().screen, screen, "still on the same screen");
}

#[test]
fn each_journey_card_starts_its_journey() {
    for (button, journey) in [
        ("Start my checklist", Journey::Personal),
        ("Start a visit", Journey::Referent),
        ("Start the family briefing", Journey::Family),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness(dir.path(), Lang::En);
        assert!(h.state().dossiers.is_empty());
        click(&mut h, button);
        assert_eq!(h.state().screen, Screen::NewDossier, "{button}");
        assert_eq!(h.state().views.new_dossier.journey, journey, "{button}");
        type_into(&mut h, "Title", "Mon dossier");
        click(&mut h, "Create the dossier");
        let listed = Store::open(dir.path()).unwrap().list().unwrap();
        assert_eq!(listed.len(), 1, "{button} created one dossier");
        assert_eq!(listed[0].summary.as_ref().unwrap().journey, journey, "{button}");
    }
}

#[test]
fn the_danger_entry_works_from_three_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.create(&sample_dossier()).unwrap();
    let mut h = harness(dir.path(), Lang::En);
    // The home screen.
    assert_eq!(h.state().screen, Screen::Home);
    danger_entry_works(&mut h);
    // A dossier's items.
    click(&mut h, "Open");
    assert!(
        matches!(h.state().screen, Screen::Dossier(_)),
        "{:?}",
        h.state().screen
    );
    danger_entry_works(&mut h);
    // The log of events.
    h.state_mut().screen = Screen::Home;
    h.run();
    h.get_by_label_contains("Log of events").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Journal);
    danger_entry_works(&mut h);
    // F2 opens it too.
    h.key_press(Key::F2);
    h.run();
    assert!(sheet_shown(&h), "F2 opens the sheet");
}

/// A data folder with `n` dossiers of the three journeys; every tenth is
/// titled "Famille Martin".
fn caseload(root: &std::path::Path, n: usize) {
    let mut store = Store::open(root).unwrap();
    for i in 0..n {
        let journey = [Journey::Personal, Journey::Referent, Journey::Family][i % 3];
        let title = if i % 10 == 0 {
            format!("Famille Martin {i:03}")
        } else {
            format!("Dossier {i:03}")
        };
        let d = Dossier::new(
            title,
            journey,
            vec!["home-consultation".into()],
            None,
            date("2026-11-01T09:00:00Z") + chrono::Duration::minutes(i64::try_from(i).unwrap()),
        );
        store.create(&d).unwrap();
    }
}

#[test]
fn a_caseload_of_hundreds_is_searched_sorted_and_filtered_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    caseload(dir.path(), 300);
    let mut h = harness(dir.path(), Lang::En);
    assert_eq!(h.state().dossiers.len(), 300);
    // The counts by journey.
    assert!(h.query_by_label("All (300)").is_some());
    for name in [
        "Personal checklist (100)",
        "Security referent visit (100)",
        "Family briefing (100)",
    ] {
        assert!(h.query_by_label(name).is_some(), "{name}");
    }
    // Newest first: the last one created is at the top.
    assert!(h.query_by_label("Dossier 299").is_some(), "the newest is in view");
    // Search.
    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text("martin");
    h.run();
    assert!(h.query_by_label("Famille Martin 290").is_some());
    assert!(
        h.query_by_label("Dossier 299").is_none(),
        "filtered out by the search"
    );
    assert_eq!(h.query_all_by_label_contains("Famille Martin").count(), 30);
    // Filter by journey: Martin dossiers are every tenth, so a third of them
    // per journey (0, 30, 60… are personal).
    h.state_mut().views.home.search.clear();
    h.run();
    h.get_by_label("Security referent visit (100)").click();
    h.run();
    assert_eq!(h.state().settings.home_filter, Some(Journey::Referent));
    assert!(h.query_by_label("Dossier 298").is_some(), "298 % 3 == 1: a visit");
    assert!(
        h.query_by_label("Dossier 299").is_none(),
        "299 % 3 == 2: a family"
    );
    // Sort by journey, then restart: sort and filter are remembered.
    h.get_by_label("Sort by").click();
    h.run();
    h.get_by_label("Journey").click();
    h.run();
    assert_eq!(h.state().settings.home_sort, HomeSort::Journey);
    drop(h);
    let h = harness(dir.path(), Lang::En);
    assert_eq!(h.state().settings.home_sort, HomeSort::Journey);
    assert_eq!(h.state().settings.home_filter, Some(Journey::Referent));
    assert!(h.query_by_label("Dossier 299").is_none(), "still filtered");
}

#[test]
fn text_size_follows_the_keys_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::En);
    let normal = Zoom::default();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    let larger = h.state().settings.zoom;
    assert!(larger.0 > normal.0, "{larger:?}");
    assert!(
        (h.ctx.zoom_factor() - larger.factor()).abs() < 1e-3,
        "applied to the window"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    let largest = h.state().settings.zoom;
    assert!(largest.0 > larger.0);
    drop(h);
    let mut h = harness(dir.path(), Lang::En);
    assert_eq!(h.state().settings.zoom, largest, "remembered");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert_eq!(h.state().settings.zoom, larger);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().settings.zoom, normal);
}

/// Opens a dialog with `open`, checks it is open, presses Escape and
/// checks it closed and nothing else happened.
fn escape_closes(h: &mut Harness<'_, AppState>, name: &str, open: impl FnOnce(&mut Harness<'_, AppState>)) {
    open(h);
    assert!(h.state().dialog.is_some(), "{name} opens");
    let dossiers = h.state().dossiers.len();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().dialog.is_none(), "Escape closes {name}");
    assert_eq!(h.state().dossiers.len(), dossiers, "{name}: nothing done");
}

#[test]
fn escape_closes_each_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.create(&sample_dossier()).unwrap();
    let mut h = harness(dir.path(), Lang::En);
    escape_closes(&mut h, "rename", |h| click(h, "Rename…"));
    escape_closes(&mut h, "delete", |h| {
        h.get_all_by_label("Delete…").next().unwrap().click();
        h.run();
    });
    escape_closes(&mut h, "trash", |h| click(h, "Trash…"));
    escape_closes(&mut h, "security", |h| {
        click(h, "Security…");
    });
    // The shortcuts help (F1) is an overlay: Escape closes it too.
    h.key_press(Key::F1);
    h.run();
    assert!(
        h.query_by_label_contains("Keyboard shortcuts").is_some(),
        "F1 opens the help"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().overlay.is_none(), "Escape closes the help");
    // In the dossier: the household profile.
    click(&mut h, "Open");
    assert!(
        matches!(h.state().screen, Screen::Dossier(_)),
        "{:?}",
        h.state().screen
    );
    escape_closes(&mut h, "household profile", |h| {
        click(h, "Household profile…");
    });
    assert!(
        matches!(h.state().screen, Screen::Dossier(_)),
        "still in the dossier"
    );
}

#[test]
fn at_800_by_600_every_home_button_is_inside_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store.create(&sample_dossier()).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let mut h = harness(dir.path(), lang);
        h.set_size(egui::vec2(800.0, 600.0));
        h.run();
        let buttons: &[&str] = match lang {
            Lang::Fr => &[
                "Nouveau dossier…",
                "Inventaire d’exposition",
                "Importer un dossier…",
                "Restaurer…",
                "Corbeille…",
            ],
            Lang::En => &["New dossier…", "Exposure inventory", "Trash…"],
        };
        let journal = match lang {
            Lang::Fr => "Journal des faits",
            Lang::En => "Log of events",
        };
        let rect = h.get_by_label_contains(journal).rect();
        assert!(
            rect.min.x >= 0.0,
            "{lang:?}: the log's button at {rect:?}, cut off on the left"
        );
        for label in buttons {
            let rect = h.get_by_label(label).rect();
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= 800.0,
                "{lang:?}: {label} at {rect:?}, outside the 800 px window"
            );
        }
    }
}
