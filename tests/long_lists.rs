//! Long lists (the dossier list, the item list, the action plan) draw only
//! the rows in view, and every row can still be reached by scrolling.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Command, Page};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::plan::action_plan;
use vigie::store::Store;

use crate::synthetic::{SYNTHETIC, answered, data_folder, many_dossiers};
use crate::util::harness;

/// Turns the mouse wheel over the middle of the window: a negative `dy`
/// scrolls down.
fn wheel(h: &mut Harness<'_, AppState>, dy: f32) {
    h.event(egui::Event::PointerMoved(egui::pos2(550.0, 450.0)));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    settle(h);
}

/// Runs until a scroll has ended: scrolling is animated over a few frames.
fn settle(h: &mut Harness<'_, AppState>) {
    h.run_steps(12);
    h.run();
}

/// How many nodes of the accessibility tree carry exactly `label`.
fn count(h: &Harness<'_, AppState>, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

/// Whether some node's label contains `text`.
fn shown(h: &Harness<'_, AppState>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn a_long_dossier_list_draws_only_what_is_in_view() {
    let dir = many_dossiers(300);
    let mut h = harness(dir.path(), Lang::Fr);
    let open_buttons = count(&h, "Ouvrir");
    assert!(
        (1..40).contains(&open_buttons),
        "{open_buttons} of 300 dossiers drawn"
    );
    assert!(shown(&h, "Dossier 00000"));
    assert!(!shown(&h, "Dossier 00299"));

    wheel(&mut h, -1_000_000.0);
    assert!(shown(&h, "Dossier 00299"), "the last dossier is reached");
    assert!(!shown(&h, "Dossier 00000"));
    assert!((1..40).contains(&count(&h, "Ouvrir")));

    // A row drawn after scrolling works like any other.
    let last = h.state().dossiers.last().unwrap().id.clone();
    h.get_all_by_label("Ouvrir").last().unwrap().click();
    h.run();
    assert_eq!(h.state().session().unwrap().id, last);
}

#[test]
fn a_long_item_list_draws_only_what_is_in_view_and_follows_the_keyboard() {
    let dir = data_folder(5_000);
    let library = Library::load(Some(&dir.path().join("checklists")));
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&answered(&library, &[SYNTHETIC], 20)).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().handle(Command::Open(id));
    h.run();

    let drawn = h.query_all_by_label_contains("Point de contrôle numéro").count();
    assert!((1..60).contains(&drawn), "{drawn} of 5,000 items drawn");
    assert!(shown(&h, "numéro 0"));
    assert!(!shown(&h, "numéro 4999"));

    wheel(&mut h, -10_000_000.0);
    assert!(shown(&h, "numéro 4999"), "the last item is reached");
    assert!(!shown(&h, "numéro 0"));

    // ↓ selects an item near the top: the list scrolls back to it.
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    let selected = h.state().views.walk.selected.as_ref().unwrap().as_str();
    let number = selected.strip_prefix("bench.item-").unwrap();
    assert!(number.parse::<usize>().unwrap() < 20, "{selected}");
    let title = format!("Point de contrôle numéro {number}");
    assert_eq!(count(&h, &title), 1, "the selected item is scrolled into view");
    assert!(!shown(&h, "numéro 4999"));
}

#[test]
fn a_long_action_plan_draws_only_what_is_in_view() {
    let dir = data_folder(1_000);
    let library = Library::load(Some(&dir.path().join("checklists")));
    let mut store = Store::open(dir.path()).unwrap();
    let dossier = answered(&library, &[SYNTHETIC], 1_000);
    let plan: Vec<String> = action_plan(&dossier, &library.checklists, chrono::Local::now().date_naive())
        .iter()
        .map(|entry| entry.item.title.fr.clone())
        .collect();
    assert!(plan.len() >= 300, "{} entries", plan.len());
    let id = store.create(&dossier).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().handle(Command::Open(id));
    h.state_mut()
        .handle(Command::Navigate(vigie::app::Navigation::Page(Page::Plan)));
    h.run();

    let owners = count(&h, "Responsable");
    assert!(
        (1..40).contains(&owners),
        "{owners} of {} entries drawn",
        plan.len()
    );
    let (first, last) = (&plan[0], &plan[plan.len() - 1]);
    assert_eq!(count(&h, first), 1);
    assert_eq!(count(&h, last), 0);

    wheel(&mut h, -10_000_000.0);
    assert_eq!(count(&h, last), 1, "the last entry is reached");
    assert_eq!(count(&h, first), 0);

    // A field drawn after scrolling edits its own entry.
    h.get_all_by_label("Responsable").last().unwrap().focus();
    h.run();
    h.get_all_by_label("Responsable")
        .last()
        .unwrap()
        .type_text("Camille");
    h.run();
    let walk = h.state().session().unwrap();
    let item = library
        .checklists
        .iter()
        .flat_map(vigie::model::checklist::Checklist::items)
        .find(|item| &item.title.fr == last)
        .unwrap();
    assert_eq!(walk.dossier.answers[&item.id].owner, "Camille");
}
