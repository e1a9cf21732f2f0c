//! Fixtures shared by the integration tests.

use std::path::Path;

use chrono::{DateTime, Utc};
use egui_kittest::kittest::Queryable as _;
use vigie::model::checklist::{ItemId, Journey};
use vigie::model::{Dossier, Status};

/// A fixed date, so that files are reproducible.
pub fn date(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A dossier on the home consultation with two answers.
pub fn sample_dossier() -> Dossier {
    let t0 = date("2026-11-01T09:00:00Z");
    let mut d = Dossier::new(
        "Domicile principal",
        Journey::Personal,
        vec!["home-consultation".into()],
        None,
        t0,
    );
    d.set_status(&ItemId::from("entrances.locked-at-home"), Status::Done, t0);
    d.set_status(&ItemId::from("alarm.lighting"), Status::Partly, t0);
    d.set_note(
        &ItemId::from("alarm.lighting"),
        "Côté jardin « à revoir » & <b>",
        t0,
    );
    d
}

/// The Unix permission bits of a path.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The whole window in a test harness, on the data folder `root`, saving at
/// once after each change.
pub fn harness(root: &Path, lang: vigie::i18n::Lang) -> egui_kittest::Harness<'static, vigie::app::AppState> {
    let mut state = vigie::app::AppState::new(root.to_owned(), Some(lang)).unwrap();
    state.autosave_delay = std::time::Duration::ZERO;
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1100.0, 760.0])
        .with_context_setup(vigie::app::theme::setup_context)
        .build_ui_state(vigie::app::frame, state);
    harness.run();
    harness
}

/// Types `text` into the field labelled `label`, as a user would.
pub fn type_into(h: &mut egui_kittest::Harness<'_, vigie::app::AppState>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Clicks the widget labelled `label`.
pub fn click(h: &mut egui_kittest::Harness<'_, vigie::app::AppState>, label: &str) {
    // Scrolled into view first, as a person would before clicking.
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Shows section `index` of the open dossier's item list, as clicking it
/// in the side panel does.
pub fn select_section(h: &mut egui_kittest::Harness<'_, vigie::app::AppState>, index: usize) {
    let vigie::app::AppState {
        views,
        session,
        library,
        lang,
        ..
    } = h.state_mut();
    let dossier = &session.as_ref().expect("a dossier is open").dossier;
    views.walk.select_section(index, dossier, library, *lang);
}
