//! Autosaves written on a background thread (as in the window): the file
//! ends up saved, a conflict or a full disk is still reported and keeps the
//! changes, and leaving the dossier waits for the save.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use vigie::app::{AppState, Command, SaveState};
use vigie::i18n::Lang;
use vigie::model::Status;
use vigie::model::checklist::ItemId;
use vigie::store::Store;

use crate::util::sample_dossier;

/// One frame as eframe runs it: the background logic, then the drawing.
fn frame(ctx: &egui::Context, state: &mut AppState) {
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| vigie::app::frame(ui, state));
    output.textures_delta.clear();
}

/// An app with the sample dossier open, autosaving at once in the
/// background.
fn open(root: &Path) -> (AppState, egui::Context, std::path::PathBuf) {
    let mut store = Store::open(root).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let path = store.dossier_path(&id);
    let mut state = AppState::new(root.to_owned(), Some(Lang::Fr)).unwrap();
    state.autosave_delay = Duration::ZERO;
    state.tasks.background = true;
    state.handle(Command::Open(id));
    let ctx = egui::Context::default();
    vigie::app::theme::setup_context(&ctx);
    (state, ctx, path)
}

fn lighting() -> ItemId {
    ItemId::from("alarm.lighting")
}

#[test]
fn an_autosave_in_the_background_reaches_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut state, ctx, path) = open(dir.path());
    state.handle(Command::SetStatus(lighting(), Status::Todo));
    // The frame starts the save and does not wait for it.
    frame(&ctx, &mut state);
    frame(&ctx, &mut state);
    // Leaving the dossier waits for it.
    state.handle(Command::Navigate(vigie::app::Navigation::Home));
    assert!(state.notice.is_none(), "{:?}", state.notice);
    let saved = vigie::store::read_dossier(&path).unwrap();
    assert_eq!(saved.status(&lighting()), Status::Todo);
    assert!(!state.tasks.any_running());
}

#[test]
fn a_background_save_still_notices_a_change_made_by_someone_else() {
    let dir = tempfile::tempdir().unwrap();
    let (mut state, ctx, path) = open(dir.path());
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Domicile principal", "Changé ailleurs");
    fs::write(&path, &theirs).unwrap();
    state.handle(Command::SetStatus(lighting(), Status::Todo));
    frame(&ctx, &mut state);
    frame(&ctx, &mut state);
    state.finish_saving(true);
    let walk = state.session().unwrap();
    assert_eq!(walk.save, SaveState::Failed);
    assert_eq!(
        walk.dossier.status(&lighting()),
        Status::Todo,
        "the change is kept"
    );
    assert!(state.notice.as_ref().is_some_and(vigie::app::Notice::is_error));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their file is left as it is"
    );
}

#[test]
fn a_full_disk_during_a_background_save_is_reported_and_retried() {
    let dir = tempfile::tempdir().unwrap();
    let (mut state, ctx, path) = open(dir.path());
    let before = fs::read_to_string(&path).unwrap();
    state
        .store
        .set_fault_hook(Some(Arc::new(|_: &Path| Some(io::ErrorKind::StorageFull))));
    state.handle(Command::SetStatus(lighting(), Status::Todo));
    frame(&ctx, &mut state);
    frame(&ctx, &mut state);
    state.finish_saving(true);
    assert_eq!(state.session().unwrap().save, SaveState::Failed);
    assert!(state.notice.as_ref().is_some_and(vigie::app::Notice::is_error));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    // Room again: the retry saves and the error goes away.
    state.store.set_fault_hook(None);
    state.handle(Command::SaveNow);
    assert_eq!(state.session().unwrap().save, SaveState::Saved);
    assert!(state.notice.is_none());
    let saved = vigie::store::read_dossier(&path).unwrap();
    assert_eq!(saved.status(&lighting()), Status::Todo);
}
