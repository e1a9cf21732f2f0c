//! Encryption in the window: the unlock screen shown while the data folder
//! is locked, and the security dialog (turn encryption on or off, the idle
//! lock, lock now).
//!
//! Passphrases are typed into drafts held in [`Zeroizing`] strings, wiped
//! when the draft is dropped, and never shown in `Debug` output. The slow
//! key derivation runs one frame after the click, so that "One moment…" is
//! drawn first.

use zeroize::Zeroizing;

use super::{Action, Walk, theme};
use crate::i18n::Tr;
use crate::model::DossierId;
use crate::passphrase::Strength;
use crate::store::{DataKey, Encryption, IdleLock, StoreError};

/// What to show again after unlocking.
#[derive(Debug)]
pub enum Resume {
    /// The dossier that was open, saved: opened again from its file.
    Reopen(DossierId),
    /// The dossier that was open, with changes that could not be saved:
    /// kept in memory so that nothing is lost.
    Unsaved(Box<Walk>),
}

/// The unlock screen's form.
#[derive(Default)]
pub struct UnlockDraft {
    /// The passphrase as typed.
    pub passphrase: Zeroizing<String>,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// The unlock button was clicked: unlock at the next frame.
    pub pending: bool,
    /// What to show once unlocked.
    pub resume: Option<Resume>,
    /// The passphrase field was given the keyboard focus once.
    pub focused: bool,
    /// The key being read on the `vigie-unlock` thread (the window only;
    /// see [`super::AppState::poll_unlock`]).
    pub reading: Option<std::thread::JoinHandle<Result<DataKey, StoreError>>>,
}

impl std::fmt::Debug for UnlockDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnlockDraft")
            .field("error", &self.error)
            .field("pending", &self.pending)
            .field("reading", &self.reading.is_some())
            .field("resume", &self.resume)
            .finish_non_exhaustive()
    }
}

/// The security dialog's form.
#[derive(Default)]
pub struct SecurityDraft {
    /// The new passphrase (turning encryption on).
    pub new_passphrase: Zeroizing<String>,
    /// The new passphrase again.
    pub confirm: Zeroizing<String>,
    /// The strength of the new passphrase, as last typed.
    pub strength: Option<Strength>,
    /// The current passphrase (turning encryption off).
    pub current: Zeroizing<String>,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// A button was clicked: carry out this action at the next frame.
    pub pending: Option<Action>,
    /// The passphrase change form is shown (encryption on).
    pub changing: bool,
}

impl std::fmt::Debug for SecurityDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecurityDraft")
            .field("strength", &self.strength)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

/// A labelled passphrase field. Returns its response.
fn passphrase_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .password(true)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// The unlock screen.
pub fn unlock_ui(ui: &mut egui::Ui, t: &'static Tr, draft: &mut UnlockDraft, actions: &mut Vec<Action>) {
    let tokens = theme::Tokens::of(ui.ctx());
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.set_max_width(420.0);
            ui.add_space(theme::SPACE_L * 3.0);
            ui.heading(t.locked_title);
            ui.add_space(theme::SPACE_M);
            ui.label(t.locked_help);
            ui.add_space(theme::SPACE_L);
            if draft.reading.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t.working);
                });
                return;
            }
            if draft.pending {
                ui.label(t.working);
                draft.pending = false;
                actions.push(Action::Unlock);
                return;
            }
            let edit = passphrase_field(ui, t.passphrase, &mut draft.passphrase);
            if !draft.focused {
                edit.request_focus();
                draft.focused = true;
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(theme::SPACE_M);
            let ready = !draft.passphrase.is_empty();
            let button = ui.add_enabled(ready, egui::Button::new(egui::RichText::new(t.unlock).strong()));
            if ready && (button.clicked() || enter) {
                draft.pending = true;
                draft.error = None;
                ui.ctx().request_repaint();
            }
            if let Some(error) = &draft.error {
                ui.add_space(theme::SPACE_M);
                ui.colored_label(tokens.critical, error);
            }
            ui.add_space(theme::SPACE_L);
            ui.label(egui::RichText::new(t.forgot_help).weak());
        });
    });
}

/// The security dialog's content.
pub fn security_ui(
    ui: &mut egui::Ui,
    state_encryption: Encryption,
    idle_lock: IdleLock,
    t: &'static Tr,
    draft: &mut SecurityDraft,
    actions: &mut Vec<Action>,
) {
    let tokens = theme::Tokens::of(ui.ctx());
    ui.heading(t.security_title);
    ui.add_space(theme::SPACE_M);
    if let Some(action) = draft.pending.take() {
        ui.label(t.working);
        actions.push(action);
        return;
    }
    let on = state_encryption != Encryption::Off;
    if on && draft.changing {
        change_ui(ui, t, &tokens, draft);
        return;
    }
    ui.label(egui::RichText::new(if on { t.encryption_on } else { t.encryption_off }).strong());
    ui.add_space(theme::SPACE_M);
    if on {
        ui.horizontal(|ui| {
            let label = ui.label(t.idle_lock);
            egui::ComboBox::from_id_salt("idle_lock")
                .selected_text((t.idle_lock_choice)(idle_lock.0))
                .show_ui(ui, |ui| {
                    for minutes in IdleLock::CHOICES {
                        if ui
                            .selectable_label(idle_lock.0 == minutes, (t.idle_lock_choice)(minutes))
                            .clicked()
                        {
                            actions.push(Action::SetIdleLock(IdleLock(minutes)));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.lock).on_hover_text(t.lock_help).clicked() {
                actions.push(Action::Lock);
            }
            if ui.button(t.change_passphrase_button).clicked() {
                draft.changing = true;
                draft.error = None;
            }
        });
        ui.add_space(theme::SPACE_L);
        ui.separator();
        ui.label(t.disable_explain);
        passphrase_field(ui, t.current_passphrase, &mut draft.current);
        ui.add_space(theme::SPACE_S);
        if ui
            .add_enabled(!draft.current.is_empty(), egui::Button::new(t.disable_encryption))
            .clicked()
        {
            draft.error = None;
            draft.pending = Some(Action::DisableEncryption);
            ui.ctx().request_repaint();
        }
    } else {
        ui.label(t.encryption_explain);
        ui.add_space(theme::SPACE_M);
        new_passphrase_ui(ui, t, &tokens, draft);
        if ui
            .add_enabled(
                !draft.new_passphrase.is_empty(),
                egui::Button::new(t.enable_encryption),
            )
            .clicked()
        {
            draft.error = None;
            draft.pending = Some(Action::EnableEncryption);
            ui.ctx().request_repaint();
        }
    }
    error_ui(ui, &tokens, draft);
    ui.add_space(theme::SPACE_M);
    if ui.button(t.close).clicked() {
        actions.push(Action::CloseDialog);
    }
}

fn error_ui(ui: &mut egui::Ui, tokens: &theme::Tokens, draft: &SecurityDraft) {
    if let Some(error) = &draft.error {
        ui.add_space(theme::SPACE_M);
        ui.colored_label(tokens.critical, error);
    }
}

/// The new passphrase, its strength and its confirmation.
fn new_passphrase_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, draft: &mut SecurityDraft) {
    let edit = passphrase_field(ui, t.new_passphrase, &mut draft.new_passphrase);
    if edit.changed() || (draft.strength.is_none() && !draft.new_passphrase.is_empty()) {
        draft.strength = Some(Strength::of(&draft.new_passphrase));
    }
    if let Some(strength) = draft.strength.filter(|_| !draft.new_passphrase.is_empty()) {
        ui.add(
            egui::ProgressBar::new(strength.fraction())
                .desired_width(ui.available_width())
                .fill(if strength.is_enough() {
                    tokens.status(crate::model::Status::Done)
                } else {
                    tokens.critical
                })
                .text(egui::RichText::new((t.strength)(strength.score)).color(tokens.text_on_colour())),
        );
    }
    ui.add_space(theme::SPACE_S);
    passphrase_field(ui, t.confirm_passphrase, &mut draft.confirm);
    ui.add_space(theme::SPACE_S);
}

/// The passphrase change: the current one, then the new one twice.
fn change_ui(ui: &mut egui::Ui, t: &'static Tr, tokens: &theme::Tokens, draft: &mut SecurityDraft) {
    ui.label(t.change_passphrase_explain);
    ui.add_space(theme::SPACE_M);
    passphrase_field(ui, t.current_passphrase, &mut draft.current);
    ui.add_space(theme::SPACE_S);
    new_passphrase_ui(ui, t, tokens, draft);
    error_ui(ui, tokens, draft);
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(|ui| {
        let ready = !draft.current.is_empty() && !draft.new_passphrase.is_empty();
        let button = egui::Button::new(egui::RichText::new(t.change_passphrase).strong());
        if ui.add_enabled(ready, button).clicked() {
            draft.error = None;
            draft.pending = Some(Action::ChangePassphrase);
            ui.ctx().request_repaint();
        }
        if ui.button(t.back).clicked() {
            draft.changing = false;
            draft.error = None;
        }
    });
}
