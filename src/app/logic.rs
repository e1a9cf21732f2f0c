//! The background logic of a frame: eframe calls it before every frame and
//! also while the window is hidden or minimised (`App::logic`), so that the
//! idle lock, the autosave and the background tasks run even when nothing
//! is drawn.
//!
//! The idle lock is looked at first, before the frame's own input counts as
//! activity: a window left alone comes back locked, and its first frame
//! draws the unlock screen.

use std::time::{Duration, Instant};

use super::saving::TASK_POLL;
use super::state::{AppState, SaveState};
use super::tasks::TaskKind;
use crate::store::Encryption;

impl AppState {
    /// Runs timers and takes in finished background work; asks egui to
    /// come back when the next deadline is due.
    pub fn logic(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        self.idle_lock(now);
        self.load_household_if_needed();
        self.finish_saving(false);
        self.autosave(now);
        self.household_autosave(now);
        self.pump_photos(ctx);
        if let Some(wait) = self.wake_after(now) {
            ctx.request_repaint_after(wait);
        }
    }

    /// How long until something is due: the autosave, the idle lock, or a
    /// look at the background tasks. `None`: nothing is, no repaint needed.
    #[must_use]
    pub fn wake_after(&self, now: Instant) -> Option<Duration> {
        let blocked = self.tasks.is_running(TaskKind::Save) || self.tasks.is_running(TaskKind::Convert);
        let autosave = match self.session.as_ref().map(|s| &s.save) {
            Some(SaveState::Pending { since }) => {
                let wait = (*since + self.autosave_delay).saturating_duration_since(now);
                // Due but blocked by a save or an encryption change under
                // way: look again shortly; due and free: at once.
                Some(if wait.is_zero() && blocked {
                    TASK_POLL
                } else {
                    wait
                })
            }
            _ => None,
        };
        let idle = if self.store.encryption() == Encryption::Unlocked {
            self.settings
                .idle_lock
                .duration()
                .map(|d| (self.last_activity + d).saturating_duration_since(now))
        } else {
            None
        };
        let tasks = self.tasks.any_running().then_some(TASK_POLL);
        let household = self.household_wake_after(now);
        [autosave, idle, tasks, household].into_iter().flatten().min()
    }
}
