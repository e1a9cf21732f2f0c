//! No work while idle: once the window has settled, a frame with no input
//! asks for no repaint (no animation or polling loop), on the home screen
//! and with a dossier open; a pending autosave asks for one repaint, later.

use std::time::Duration;

use vigie::app::{AppState, Command, frame};
use vigie::i18n::Lang;
use vigie::model::Status;
use vigie::model::checklist::ItemId;
use vigie::store::Store;

use crate::util::sample_dossier;

/// Draws `frames` frames with no input; returns the last one's repaint delay.
fn settle(ctx: &egui::Context, state: &mut AppState, frames: usize) -> Duration {
    let mut delay = Duration::ZERO;
    for _ in 0..frames {
        // Time goes on between frames (half a second), so that animations
        // such as a scroll end.
        let time = ctx.input(|i| i.time) + 0.5;
        let input = egui::RawInput {
            time: Some(time),
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1100.0, 760.0),
            )),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| frame(ui, state));
        // No painter here: the font atlas is dropped on purpose.
        output.textures_delta.clear();
        delay = output.viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    }
    delay
}

#[test]
fn an_idle_window_asks_for_no_repaint() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut state = AppState::new(dir.path().to_owned(), Some(Lang::Fr)).unwrap();
    let ctx = egui::Context::default();
    vigie::app::theme::setup_context(&ctx);

    assert_eq!(settle(&ctx, &mut state, 5), Duration::MAX, "home screen");

    state.handle(Command::Open(id));
    assert!(state.session().is_some());
    assert_eq!(settle(&ctx, &mut state, 5), Duration::MAX, "walkthrough");

    // A change waits for the autosave: one repaint, later, not a loop.
    state.handle(Command::SetStatus(ItemId::from("alarm.lighting"), Status::Done));
    let delay = settle(&ctx, &mut state, 2);
    assert!(
        delay > Duration::ZERO && delay <= vigie::app::AUTOSAVE_DELAY,
        "{delay:?}"
    );
}
