//! One frame of the window: the top bar (with "In danger now?" on every
//! screen), the notice, the screen, the dialog and the windows over it;
//! then the commands the views sent are handled, in order.

use std::time::Instant;

use super::command::{Command, Navigation};
use super::dialogs::dialog_ui;
use super::pages::{self, View};
use super::photos::{PhotoCommand, PhotoNotice};
use super::shortcuts::{self, Scope, Shortcut};
use super::state::{AppState, Notice, Overlay, Page, SaveState, Screen};
use super::{home, new_dossier, security, summary, theme};
use crate::lang::Lang;
use crate::settings::{Theme, Zoom};
use crate::store::Encryption;

/// Runs one whole frame as eframe does: the background logic, then the
/// drawing. Tests and benchmarks drive the app through this.
pub fn frame(ui: &mut egui::Ui, state: &mut AppState) {
    state.logic(ui.ctx());
    app_ui(ui, state);
}

/// Draws one frame of the whole application and handles what the user did.
pub fn app_ui(ui: &mut egui::Ui, state: &mut AppState) {
    theme::apply(ui.ctx(), state.settings.theme, state.settings.zoom);
    if ui.input(|i| !i.events.is_empty() || i.pointer.is_moving()) {
        state.last_activity = Instant::now();
    }
    let mut commands = Vec::new();
    if ui.input(|i| i.viewport().close_requested()) {
        // Saved now; changes that cannot be saved are never dropped on the
        // way out: the window stays and asks what to do with them.
        state.flush();
        if state.save_has_failed() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            state.ask_about_unsaved(Navigation::Quit);
        }
    }
    if ui.input(|i| i.viewport().close_requested()) && !state.save_has_failed() && has_wrong_date(state) {
        // Ask about the date first (the dialog's answer closes the window).
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
        commands.push(Command::ConfirmLeave(Navigation::Quit));
    }
    global_keys(ui, state, &mut commands);
    top_bar_ui(ui, state, &mut commands);
    notice_ui(ui, state, &mut commands);
    screen_ui(ui, state, &mut commands);
    super::photo_view::drop_ui(ui, state, &mut commands);
    dialog_ui(ui, state, &mut commands);
    danger_above_ui(ui, state, &mut commands);
    overlay_ui(ui, state, &mut commands);
    super::photo_view::viewer_ui(ui, state, &mut commands);
    // What was typed or chosen in this frame is applied before any
    // navigation of the same frame: a date whose field is left by clicking
    // "← Dossiers" reaches the dossier before it closes. (A stable sort:
    // edits keep their order, and so does the rest.)
    commands.sort_by_key(|command| !command.edits_in_memory());
    for command in commands {
        state.handle(command);
    }
    if std::mem::take(&mut state.quit_requested) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
    if let Some(wait) = state.wake_after(Instant::now()) {
        ui.ctx().request_repaint_after(wait);
    }
}

fn has_wrong_date(state: &AppState) -> bool {
    (state.page() == Some(Page::Plan) && state.views.plan.has_wrong_date())
        || (state.screen == Screen::Exposure && state.views.exposure.has_wrong_date())
}

/// Zoom, the emergency sheet and the shortcuts help, from any screen.
fn global_keys(ui: &egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let zoom = state.settings.zoom;
    // Over a dialog, only the emergency sheet: it opens from everywhere.
    let dialog_open = state.dialog.is_some();
    for shortcut in shortcuts::pressed(ui, Scope::Global) {
        match shortcut {
            Shortcut::Emergency => commands.push(Command::ShowEmergency),
            _ if dialog_open => {}
            Shortcut::ZoomIn => commands.push(Command::SetZoom(zoom.larger())),
            Shortcut::ZoomOut => commands.push(Command::SetZoom(zoom.smaller())),
            Shortcut::ZoomReset => commands.push(Command::SetZoom(Zoom::default())),
            Shortcut::Help => commands.push(Command::ShowShortcuts),
            _ => {}
        }
    }
}

fn screen_ui(ui: &mut egui::Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    // The list's and the steps' single keys work when no text field and no
    // dialog or window over the screen has the keyboard.
    let keyboard = state.dialog.is_none()
        && state.overlay.is_none()
        && state.photos.viewer.is_none()
        && !ui.ctx().egui_wants_keyboard_input();
    match state.screen {
        Screen::Home => home::home_ui(ui, state, commands),
        Screen::NewDossier => {
            let views = &mut state.views;
            new_dossier::new_dossier_ui(
                ui,
                t,
                state.lang,
                &state.library,
                &mut views.new_dossier,
                &mut views.attempted.new_dossier,
                commands,
            );
        }
        Screen::Unlock => {
            let reading = state.tasks.is_running(super::tasks::TaskKind::Unlock);
            let error = state.unlock_error.as_ref().map(|e| (t.store_error)(e));
            security::unlock_ui(ui, t, &mut state.views.unlock, reading, error, commands);
        }
        Screen::Dossier(page) => {
            let Some(session) = &state.session else {
                return;
            };
            let view = View {
                t,
                lang: state.lang,
                tokens: &tokens,
                library: &state.library,
                today: chrono::Local::now().date_naive(),
                photos: &state.photos,
            };
            pages::page_ui(ui, &view, session, &mut state.views, page, keyboard, commands);
        }
        Screen::Summary => {
            let Some(session) = &state.session else {
                return;
            };
            let view = View {
                t,
                lang: state.lang,
                tokens: &tokens,
                library: &state.library,
                today: chrono::Local::now().date_naive(),
                photos: &state.photos,
            };
            summary::summary_ui(ui, &view, session, &mut state.views.summary, commands);
        }
        Screen::Journal | Screen::Exposure => super::journal::screen_ui(ui, state, commands),
    }
}

fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(egui::RichText::new(t.app_name).strong());
            let danger = egui::Button::new(
                egui::RichText::new(t.keys.in_danger)
                    .strong()
                    .color(tokens.text_on_colour()),
            )
            .fill(tokens.critical);
            let danger = ui.add(danger).on_hover_text(t.keys.in_danger_help);
            if danger.clicked() {
                commands.push(Command::ShowEmergency);
            }
            ui.ctx()
                .data_mut(|d| d.insert_temp(danger_rect_id(), danger.rect));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("?").on_hover_text(t.keys.shortcuts_title).clicked() {
                    commands.push(Command::ShowShortcuts);
                }
                if state.screen != Screen::Unlock {
                    if state.store.encryption() == Encryption::Unlocked
                        && ui.button(t.lock).on_hover_text(t.lock_help).clicked()
                    {
                        commands.push(Command::Lock);
                    }
                    if ui.button(t.security_button).clicked() {
                        commands.push(Command::OpenSecurity);
                    }
                }
                let theme = state.settings.theme;
                egui::ComboBox::from_id_salt("theme")
                    .selected_text((t.theme_name)(theme))
                    .show_ui(ui, |ui| {
                        for choice in [Theme::System, Theme::Light, Theme::Dark] {
                            if ui
                                .selectable_label(theme == choice, (t.theme_name)(choice))
                                .clicked()
                            {
                                commands.push(Command::SetTheme(choice));
                            }
                        }
                    })
                    .response
                    .on_hover_text(t.theme);
                for lang in Lang::ALL.into_iter().rev() {
                    if ui
                        .selectable_label(state.lang == lang, lang.code().to_uppercase())
                        .on_hover_text(lang.native_name())
                        .clicked()
                    {
                        commands.push(Command::SetLang(lang));
                    }
                }
                // The tagline takes what room is left, cut short ("…") in a
                // narrow window rather than drawn under the buttons.
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(t.tagline).weak()).truncate());
                });
            });
        });
    });
}

fn notice_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(notice) = &state.notice else {
        return;
    };
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    egui::Panel::top("notice").show(ui, |ui| {
        egui::Frame::new()
            .fill(if notice.is_error() {
                tokens.error_bg
            } else {
                tokens.info_bg
            })
            .inner_margin(theme::SPACE_M)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(notice.text(t)).color(tokens.strong_text));
                    let failed = state
                        .session
                        .as_ref()
                        .is_some_and(|s| s.save == SaveState::Failed)
                        || state.household_save_failed();
                    if failed && ui.button(t.retry).clicked() {
                        commands.push(Command::SaveNow);
                    }
                    if let Notice::Photo(PhotoNotice::Removed(removed)) = notice
                        && ui.button(t.photos.undo).clicked()
                    {
                        commands.push(Command::Photo(PhotoCommand::PutBack(removed.clone())));
                    }
                    if ui.button(t.close).clicked() {
                        commands.push(Command::DismissNotice);
                    }
                });
            });
    });
}

/// The emergency sheet or the shortcuts, in a window that leaves the
/// screen's work in place; Escape or its button closes it.
fn danger_rect_id() -> egui::Id {
    egui::Id::unique("vigie_danger_rect")
}

/// Where "In danger now?" is on the window, as last drawn: a click there
/// while a dialog covers the window opens the emergency sheet (see
/// [`super::dialogs::dialog_ui`]).
pub(super) fn danger_rect(ctx: &egui::Context) -> Option<egui::Rect> {
    ctx.data(|d| d.get_temp::<egui::Rect>(danger_rect_id()))
}

/// While a dialog or the photo viewer covers the window, "In danger now?"
/// is drawn again above its backdrop, in its place, so that it does not
/// look out of reach; the click itself lands on the backdrop, which
/// opens the emergency sheet (above the dialog, which stays as it was)
/// instead of closing the dialog.
fn danger_above_ui(ui: &egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    if state.dialog.is_none() && state.photos.viewer.is_none() {
        return;
    }
    let Some(rect) = ui.ctx().data(|d| d.get_temp::<egui::Rect>(danger_rect_id())) else {
        return;
    };
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    egui::Area::new(egui::Id::unique("vigie_danger_above"))
        .order(egui::Order::Tooltip)
        .interactable(false)
        .fixed_pos(rect.min)
        .show(ui.ctx(), |ui| {
            let danger = egui::Button::new(
                egui::RichText::new(t.keys.in_danger)
                    .strong()
                    .color(tokens.text_on_colour()),
            )
            .fill(tokens.critical)
            .min_size(rect.size());
            if ui.add(danger).clicked() {
                commands.push(Command::ShowEmergency);
            }
        });
}

fn overlay_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(overlay) = state.overlay else {
        return;
    };
    let t = state.tr();
    let mut open = true;
    let title = match overlay {
        Overlay::Emergency => t.keys.emergency_title,
        Overlay::Shortcuts => t.keys.shortcuts_title,
    };
    // Above a dialog when one is open (it stays as it was beneath).
    let order = if state.dialog.is_some() || state.photos.viewer.is_some() {
        egui::Order::Tooltip
    } else {
        egui::Order::Middle
    };
    egui::Window::new(title)
        .id(egui::Id::unique("vigie_overlay"))
        .order(order)
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(460.0)
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical()
                .max_height(460.0)
                .show(ui, |ui| match overlay {
                    Overlay::Emergency => super::emergency::emergency_ui(ui, t, state.lang),
                    Overlay::Shortcuts => shortcuts_ui(ui, t),
                });
            ui.add_space(theme::SPACE_S);
            if ui.button(t.close).clicked() {
                commands.push(Command::CloseOverlay);
            }
        });
    if !open || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        commands.push(Command::CloseOverlay);
    }
}

fn shortcuts_ui(ui: &mut egui::Ui, t: &crate::i18n::Tr) {
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for (scope, keys, what) in shortcuts::help_rows(t) {
            ui.label(egui::RichText::new(scope).weak());
            ui.monospace(keys);
            ui.label(what);
            ui.end_row();
        }
    });
}
