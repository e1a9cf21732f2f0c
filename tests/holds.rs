//! The window never drops what could not be saved (issue #23, defects 1
//! and 4): leaving or closing with a failed save asks (keep as a new
//! dossier, save over the other version, discard); a panic that unwinds
//! through the window still saves.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Command, Navigation, Screen, VigieApp};
use vigie::i18n::Lang;
use vigie::model::checklist::ItemId;
use vigie::model::{DossierId, Status};
use vigie::store::Store;

use crate::util::{harness, sample_dossier};

const ITEM: &str = "perimeter.fence";

/// A dossier open in the window, then changed on disk by someone else
/// (`vigie attach`, another copy of Vigie), then changed in the window:
/// its save fails with a conflict.
fn conflict(root: &std::path::Path) -> (egui_kittest::Harness<'static, AppState>, DossierId) {
    let id = Store::open(root).unwrap().create(&sample_dossier()).unwrap();
    let mut h = harness(root, Lang::En);
    h.state_mut().handle(Command::Open(id.clone()));
    h.run();
    let mut other = Store::open(root).unwrap();
    let mut elsewhere = other.load(&id).unwrap();
    elsewhere.title = "Changed elsewhere".into();
    other.save(&id, &elsewhere).unwrap();
    h.state_mut()
        .handle(Command::SetStatus(ItemId::from(ITEM), Status::Done));
    h.run();
    (h, id)
}

fn on_disk(root: &std::path::Path, id: &DossierId) -> vigie::model::Dossier {
    Store::open(root).unwrap().load(id).unwrap()
}

#[test]
fn leaving_after_a_conflict_asks_and_saving_over_keeps_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = conflict(dir.path());
    h.state_mut().handle(Command::Navigate(Navigation::Home));
    h.run();
    assert!(
        h.query_by_label("Your changes are not saved").is_some(),
        "it asks"
    );
    assert!(matches!(h.state().screen, Screen::Dossier(_)), "still open");
    h.get_by_label("Save over it (the other version goes to the trash)")
        .click();
    h.run();
    assert_eq!(h.state().screen, Screen::Home);
    let saved = on_disk(dir.path(), &id);
    assert_eq!(saved.status(&ItemId::from(ITEM)), Status::Done, "mine saved");
    let store = Store::open(dir.path()).unwrap();
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(
        trash[0].dossier.as_ref().unwrap().title,
        "Changed elsewhere",
        "theirs kept"
    );
}

#[test]
fn keeping_as_a_new_dossier_leaves_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = conflict(dir.path());
    h.state_mut().handle(Command::Navigate(Navigation::Home));
    h.run();
    h.get_by_label("Keep as a new dossier").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Home);
    let store = Store::open(dir.path()).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(on_disk(dir.path(), &id).title, "Changed elsewhere");
    let copy = listed.iter().find(|l| l.id != id).unwrap();
    let copy = on_disk(dir.path(), &copy.id);
    assert_eq!(copy.status(&ItemId::from(ITEM)), Status::Done);
    assert_ne!(copy.uid, on_disk(dir.path(), &id).uid);
}

#[test]
fn closing_the_window_with_a_failed_save_asks_instead_of_dropping_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = conflict(dir.path());
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let commands = &h.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "{commands:?}"
    );
    h.run();
    assert!(h.query_by_label("Your changes are not saved").is_some());
    // Discarding is a choice, never a default.
    h.get_by_label("Discard my changes").click();
    h.run();
    assert_eq!(on_disk(dir.path(), &id).title, "Changed elsewhere");
    assert_eq!(
        on_disk(dir.path(), &id).status(&ItemId::from(ITEM)),
        Status::Unanswered
    );
}

#[test]
fn a_panic_through_the_window_still_saves() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut state = AppState::new(dir.path().to_owned(), Some(Lang::En)).unwrap();
    state.handle(Command::Open(id.clone()));
    let mut h = egui_kittest::Harness::builder()
        .with_size([1100.0, 760.0])
        .build_eframe(move |cc| {
            vigie::app::theme::setup_context(&cc.egui_ctx);
            VigieApp::new(state, Arc::new(AtomicBool::new(false)))
        });
    h.run();
    // A change waiting for its autosave (0.8 s away), then a panic while
    // the window is alive: it unwinds through the application.
    h.get_all_by_label("To do").next().unwrap().click();
    h.step();
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _window = h;
        panic!("a frame that fails");
    }));
    assert!(unwound.is_err());
    let saved = on_disk(dir.path(), &id);
    assert!(
        saved.answers.values().any(|a| a.status == Status::Todo),
        "the change was saved as the window went down"
    );
}

/// Whether the emergency sheet is shown.
fn sheet_shown(h: &egui_kittest::Harness<'_, AppState>) -> bool {
    h.query_by_label_contains("On the phone with 17").is_some()
}

#[test]
fn the_emergency_sheet_opens_over_any_dialog_which_stays_as_it_was() {
    use egui::Key;
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::En);
    let dialog = |h: &egui_kittest::Harness<'_, AppState>| h.state().dialog.is_some();
    // A dialog with a text field (rename), and one without focus in a
    // field (restore).
    h.get_by_label("Restore…").click();
    h.run();
    assert!(dialog(&h));
    h.key_press(Key::F2);
    h.run();
    assert!(sheet_shown(&h), "F2 opens the sheet over the restore dialog");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!dialog(&h));
    h.state_mut().handle(Command::AskRename(id.clone()));
    h.run();
    assert!(dialog(&h));
    // F2, the first time.
    h.key_press(Key::F2);
    h.run();
    assert!(sheet_shown(&h), "F2 opens the sheet over the dialog");
    assert!(dialog(&h), "the dialog stays");
    // Escape closes the sheet first, then the dialog.
    h.key_press(Key::Escape);
    h.run();
    assert!(!sheet_shown(&h));
    assert!(dialog(&h), "the dialog is still there");
    // The top bar's entry, clicked while the dialog covers the window.
    // A pointer click where the button is (it lands on the dialog's
    // backdrop, as in a real window).
    h.get_all_by_label("In danger now?").next().unwrap().click();
    h.run();
    assert!(sheet_shown(&h), "the click opens the sheet, the first time");
    assert!(dialog(&h), "and does not only close the dialog");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(!dialog(&h));
}

#[test]
fn a_date_typed_then_back_in_the_same_frame_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::En);
    h.state_mut().handle(Command::Open(id.clone()));
    h.state_mut()
        .handle(Command::Navigate(Navigation::Page(vigie::app::Page::Plan)));
    h.run();
    h.get_by_label("Next review").focus();
    h.run();
    h.get_by_label("Next review").type_text("2026-11-15");
    h.run();
    // The click on "← Dossiers" leaves the field in the same frame.
    h.get_by_label("← Dossiers").click();
    h.run();
    assert_eq!(h.state().screen, Screen::Home);
    assert_eq!(
        on_disk(dir.path(), &id).review_due,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15),
        "the date reached the dossier before it closed"
    );
}
