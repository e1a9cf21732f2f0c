//! The window, driven through `egui_kittest`: create a dossier, answer items,
//! quit and come back; rename, duplicate, delete; keyboard; language;
//! damaged files; the household profile.

use std::fs;
use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Screen};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::checklist::ItemId;
use vigie::model::{Dossier, Status};
use vigie::store::Store;

use crate::util::{harness, sample_dossier};

fn walk_dossier<'h>(h: &'h Harness<'_, AppState>) -> &'h Dossier {
    &h.state().session().expect("a dossier is open").dossier
}

fn only_dossier_file(root: &Path) -> String {
    let store = Store::open(root).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 1, "one dossier");
    fs::read_to_string(&listed[0].path).unwrap()
}

#[test]
fn create_a_dossier_answer_items_quit_and_find_them_again() {
    let dir = tempfile::tempdir().unwrap();
    let first_item;
    {
        let mut h = harness(dir.path(), Lang::Fr);
        h.get_by_label("Nouveau dossier…").click();
        h.run();
        assert!(matches!(h.state().screen, Screen::NewDossier));

        // Creating without a title says what is missing.
        h.get_by_label("Créer le dossier").click();
        h.run();
        assert!(matches!(h.state().screen, Screen::NewDossier));
        assert!(h.query_by_label("Donnez un titre au dossier.").is_some());

        h.get_by_label("Titre").focus();
        h.run();
        h.get_by_label("Titre").type_text("Maison de Lyon");
        h.run();
        h.get_by_label("Créer le dossier").click();
        h.run();
        let dossier = walk_dossier(&h);
        assert_eq!(dossier.title, "Maison de Lyon");
        assert_eq!(
            dossier.checklists.len(),
            6,
            "a personal dossier offers every checklist but none"
        );
        first_item = h.state().views.walk.selected.clone().unwrap();

        // Answer the first item with its "Done" button, then type a note.
        h.get_all_by_label("Fait").next().unwrap().click();
        h.run();
        assert_eq!(walk_dossier(&h).status(&first_item), Status::Done);
        h.get_all_by_label("Note").next().unwrap().focus();
        h.run();
        h.get_all_by_label("Note")
            .next()
            .unwrap()
            .type_text("Vu avec le référent");
        h.run();
        assert_eq!(walk_dossier(&h).note(&first_item), "Vu avec le référent");

        // The file on disk has both.
        let text = only_dossier_file(dir.path());
        assert!(text.contains(&format!("\"{first_item}\"")), "{text}");
        assert!(
            text.contains("status: Done") && text.contains("Vu avec le référent"),
            "{text}"
        );
    }

    // A new start finds everything as it was left.
    let mut h = harness(dir.path(), Lang::Fr);
    assert!(h.query_by_label("Maison de Lyon").is_some());
    h.get_by_label("Ouvrir").click();
    h.run();
    assert_eq!(walk_dossier(&h).status(&first_item), Status::Done);
    assert_eq!(walk_dossier(&h).note(&first_item), "Vu avec le référent");
}

fn with_sample(root: &Path) -> vigie::model::DossierId {
    Store::open(root).unwrap().create(&sample_dossier()).unwrap()
}

#[test]
fn the_keyboard_moves_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.get_by_label("Ouvrir").click();
    h.run();
    // A personal checklist opens on its most important items; walk a section.
    crate::util::select_section(&mut h, 0);
    h.run();
    let library = Library::load(None);
    let items: Vec<ItemId> = library.checklists[0].sections[0]
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(h.state().views.walk.selected.as_ref(), Some(&items[0]));

    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().views.walk.selected.as_ref(), Some(&items[1]));
    h.key_press(egui::Key::Num3);
    h.run();
    assert_eq!(walk_dossier(&h).status(&items[1]), Status::Todo);
    h.key_press(egui::Key::K);
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(walk_dossier(&h).status(&items[0]), Status::Partly);
    h.key_press(egui::Key::Num0);
    h.run();
    assert_eq!(walk_dossier(&h).status(&items[0]), Status::Unanswered);
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().views.walk.expanded.contains(&items[0]));

    // Past the end of a section, the next section begins.
    for _ in 0..items.len() {
        h.key_press(egui::Key::J);
        h.run();
    }
    let walk = &h.state().views.walk;
    assert_eq!(walk.section, 1);
    assert_eq!(
        walk.selected.as_ref(),
        Some(&library.checklists[0].sections[1].items[0].id)
    );
}

#[test]
fn search_and_filters_narrow_the_items() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.get_by_label("Ouvrir").click();
    h.run();
    h.get_by_label("Rechercher").focus();
    h.run();
    h.get_by_label("Rechercher").type_text("alarme");
    h.run();
    let library = Library::load(None);
    let found = h
        .state()
        .views
        .walk
        .visible_items(walk_dossier(&h), &library, Lang::Fr);
    assert!(found.len() >= 2);
    assert!(found.iter().all(|i| {
        format!("{} {}", i.title.fr, i.guidance.fr)
            .to_lowercase()
            .contains("alarme")
    }));
    assert!(h.query_by_label_contains("Résultats de la recherche").is_some());
}

#[test]
fn rename_duplicate_and_delete_from_the_list() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::En);

    h.get_by_label("Rename…").click();
    h.run();
    h.get_by_label("Title").type_text(" bis");
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert!(h.query_by_label("Domicile principal bis").is_some());

    h.get_by_label("Duplicate").click();
    h.run();
    assert_eq!(h.state().dossiers.len(), 2);
    assert!(h.query_by_label("Domicile principal bis (copy)").is_some());

    // Delete asks first; cancel keeps the dossier.
    h.get_all_by_label("Delete…").next().unwrap().click();
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().dossiers.len(), 2);
    h.get_all_by_label("Delete…").next().unwrap().click();
    h.run();
    h.get_by_label("Move to the trash").click();
    h.run();
    assert_eq!(h.state().dossiers.len(), 1);
    let trash = Store::open(dir.path()).unwrap().trash_dir();
    assert_eq!(fs::read_dir(trash).unwrap().count(), 1);
}

#[test]
fn the_language_switches_at_once_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    assert!(h.query_by_label("Vos dossiers").is_some());
    h.get_by_label("EN").click();
    h.run();
    assert!(h.query_by_label("Your dossiers").is_some());
    assert!(h.query_by_label("Vos dossiers").is_none());
    drop(h);
    let state = AppState::new(dir.path().to_owned(), None).unwrap();
    assert_eq!(state.lang, Lang::En);
}

#[test]
fn a_damaged_dossier_is_shown_and_its_backup_can_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let id = with_sample(dir.path());
    let mut store = Store::open(dir.path()).unwrap();
    let d = store.load(&id).unwrap();
    store.save(&id, &d).unwrap(); // a second session's save: the backup exists
    let path = store.dossier_path(&id);
    fs::write(&path, "(format_version: 1, title: \"Domicile").unwrap();

    let mut h = harness(dir.path(), Lang::En);
    assert!(
        h.query_by_label("This dossier cannot be opened. The file is left as it is.")
            .is_some()
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(format_version: 1, title: \"Domicile"
    );
    h.get_by_label("Open the backup").click();
    h.run();
    assert_eq!(walk_dossier(&h).title, "Domicile principal");
    assert!(
        h.state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text(h.state().tr()).contains(".damaged"))
    );
    assert_eq!(
        fs::read_to_string(path.with_extension("ron.damaged")).unwrap(),
        "(format_version: 1, title: \"Domicile"
    );
}

#[test]
fn changing_the_household_profile_hides_items_but_keeps_answers() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.get_by_label("Open").click();
    h.run();
    // The sample's first section has house-only items; answer one.
    let fence = ItemId::from("perimeter.fence");
    h.state_mut()
        .handle(vigie::app::Command::SetStatus(fence.clone(), Status::Done));
    h.run();

    h.get_by_label("Household profile…").click();
    h.run();
    h.get_by_label("a flat").click();
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    let library = Library::load(None);
    let dossier = walk_dossier(&h);
    assert!(
        dossier
            .profile
            .as_ref()
            .unwrap()
            .contains(&vigie::model::Tag::Flat)
    );
    assert!(
        !h.state()
            .views
            .walk
            .visible_items(dossier, &library, Lang::En)
            .iter()
            .any(|i| i.id == fence)
    );
    assert_eq!(dossier.status(&fence), Status::Done, "the answer is kept");
    assert!(
        h.query_by_label_contains("hidden by the household profile")
            .is_some()
    );
    assert!(only_dossier_file(dir.path()).contains("Flat"));
}

#[test]
fn the_summary_previews_the_plan_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label("Summary and export…").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Summary));
    assert!(h.query_by_label_contains("Action plan (").is_some());
    assert!(h.query_by_label_contains("not encrypted").is_some());

    let target = dir.path().join("out").join("handout.html");
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    h.get_by_label("Family handout").click();
    h.run();
    h.get_by_label("Save as").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Save as").type_text(target.to_str().unwrap());
    h.run();
    h.get_by_label("Export").click();
    h.run();
    let html = fs::read_to_string(&target).unwrap();
    assert!(html.contains("Our vigilance practices"));
    assert!(
        h.state()
            .notice
            .as_ref()
            .is_some_and(|n| !n.is_error() && n.text(h.state().tr()).contains("handout.html"))
    );

    h.get_by_label("← Back to the items").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Dossier(_)));
}

#[test]
fn in_a_narrow_window_the_visit_fields_stay_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut dossier = sample_dossier();
    dossier.journey = vigie::model::checklist::Journey::Referent;
    let id = Store::open(dir.path()).unwrap().create(&dossier).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.set_size(egui::vec2(700.0, 560.0));
    h.state_mut().handle(vigie::app::Command::Open(id));
    h.state_mut()
        .handle(vigie::app::Command::Navigate(vigie::app::Navigation::Page(
            vigie::app::Page::Visit(0),
        )));
    h.run();
    for label in ["Observation", "Recommandation"] {
        let right = h.get_by_label(label).rect().max.x;
        assert!(right <= 700.0, "{label} ends at {right}, past the window's 700");
    }
}

#[test]
fn in_english_the_arrow_keys_walk_the_search_results_shown() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.get_by_label("Open").click();
    h.run();
    // "door" is an English word: the French texts do not have it.
    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text("door");
    h.run();
    let library = Library::load(None);
    let shown: Vec<ItemId> = h
        .state()
        .views
        .walk
        .visible_items(walk_dossier(&h), &library, Lang::En)
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert!(shown.len() >= 2, "{shown:?}");
    // Leave the search field, then walk the results with the keyboard.
    h.key_press(egui::Key::Escape);
    h.run();
    h.state_mut().views.walk.selected = None;
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().views.walk.selected.as_ref(), Some(&shown[0]));
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().views.walk.selected.as_ref(),
        Some(&shown[1]),
        "the second result shown in English"
    );
}

#[test]
fn a_notice_follows_a_change_of_language() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    h.get_by_label("Supprimer…").click();
    h.run();
    h.get_by_label("Mettre à la corbeille").click();
    h.run();
    assert!(h.query_by_label_contains("déplacé dans la corbeille").is_some());
    let french = h.state().notice.as_ref().unwrap().text(h.state().tr());
    h.get_by_label("EN").click();
    h.run();
    let english = h.state().notice.as_ref().unwrap().text(h.state().tr());
    assert_ne!(
        french, english,
        "the notice is put into words in the language of the moment"
    );
    assert!(h.query_by_label_contains(&english).is_some(), "{english}");
}

#[test]
fn without_a_file_dialog_the_export_says_so_and_offers_the_path_field() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label("Summary and export…").click();
    h.run();
    // As under a bare X server: no desktop portal, the dialog comes back at once.
    h.state_mut().views.summary.chooser = |_, _, _| vigie::app::Chosen::NoDialog;
    h.get_by_label("Export PDF…").click();
    h.run();
    let notice = h.state().notice.as_ref().expect("told, not silent");
    assert!(
        notice.text(h.state().tr()).contains("No file chooser"),
        "{notice:?}"
    );
    // The path field serves instead: typed there, the export is written.
    let target = dir.path().join("plan.pdf");
    h.get_by_label("Save as").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Save as").type_text(target.to_str().unwrap());
    h.run();
    h.get_by_label("Export").click();
    h.run();
    assert!(target.exists(), "exported through the path field");
}

#[test]
fn the_trash_restores_a_dossier_and_empties() {
    let dir = tempfile::tempdir().unwrap();
    with_sample(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    h.get_by_label("Delete…").click();
    h.run();
    h.get_by_label("Move to the trash").click();
    h.run();
    assert!(h.state().dossiers.is_empty());
    h.get_by_label("Trash…").click();
    h.run();
    h.get_by_label("Restore “Domicile principal”").click();
    h.run();
    assert_eq!(h.state().dossiers.len(), 1, "back in the list");
    assert!(h.query_by_label("The trash is empty.").is_some());
    h.get_all_by_label("Close").last().unwrap().click();
    h.run();

    // Deleted again, then the trash emptied for good (after a question).
    h.get_by_label("Delete…").click();
    h.run();
    h.get_by_label("Move to the trash").click();
    h.run();
    h.get_by_label("Trash…").click();
    h.run();
    h.get_by_label("Empty the trash…").click();
    h.run();
    h.get_by_label("Delete for good").click();
    h.run();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.list_trash().unwrap().is_empty());
    assert_eq!(fs::read_dir(store.trash_dir()).unwrap().count(), 0);
}
