//! Encryption in the window: the unlock screen shown while the data folder
//! is locked, and the security dialog (turn encryption on or off, change
//! the passphrase, the idle lock, lock now).
//!
//! Passphrases are typed into [`Zeroizing`] strings, wiped when the form
//! is dropped or sent, never shown in `Debug` output, and sent to command
//! handling as [`SecretString`]s.

use age::secrecy::SecretString;
use zeroize::{Zeroize as _, Zeroizing};

use super::command::Command;
use super::dialogs::{SecurityDialog, SecurityError};
use super::theme;
use crate::i18n::Tr;
use crate::passphrase::Strength;
use crate::settings::IdleLock;
use crate::store::Encryption;

/// The unlock screen's form.
#[derive(Default)]
pub struct UnlockDraft {
    /// The passphrase as typed.
    pub passphrase: Zeroizing<String>,
    /// The passphrase field was given the keyboard focus once.
    pub focused: bool,
}

impl std::fmt::Debug for UnlockDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnlockDraft").finish_non_exhaustive()
    }
}

/// The security dialog's passphrases as typed.
#[derive(Default)]
pub struct SecurityForm {
    /// The new passphrase (turning encryption on, changing it).
    pub new_passphrase: Zeroizing<String>,
    /// The new passphrase again.
    pub confirm: Zeroizing<String>,
    /// The strength of the new passphrase, as last typed.
    pub strength: Option<Strength>,
    /// The current passphrase (turning encryption off, changing it).
    pub current: Zeroizing<String>,
    /// The passphrase change form is shown (encryption on).
    pub changing: bool,
}

impl std::fmt::Debug for SecurityForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecurityForm")
            .field("strength", &self.strength)
            .field("changing", &self.changing)
            .finish_non_exhaustive()
    }
}

/// Takes a typed passphrase out of its field (the field is wiped).
fn take_secret(text: &mut Zeroizing<String>) -> SecretString {
    let secret = SecretString::from(text.as_str().to_owned());
    text.zeroize();
    secret
}

/// A copy of a typed passphrase to send (the field is wiped when its form
/// is dropped, or by the handling of a failure).
fn secret_of(text: &Zeroizing<String>) -> SecretString {
    SecretString::from(text.as_str().to_owned())
}

impl SecurityForm {
    /// The new passphrase, if it is strong enough and typed twice the
    /// same; else why not.
    pub(super) fn new_secret(&self) -> Result<SecretString, SecurityError> {
        if !Strength::of(&self.new_passphrase).is_enough() {
            return Err(SecurityError::TooWeak);
        }
        if *self.new_passphrase != *self.confirm {
            return Err(SecurityError::Differ);
        }
        Ok(secret_of(&self.new_passphrase))
    }
}

/// A labelled passphrase field. Returns its response.
pub(super) fn passphrase_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .password(true)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// The unlock screen. `reading` says that the key is being derived;
/// `error` why the last attempt failed.
pub fn unlock_ui(
    ui: &mut egui::Ui,
    t: &'static Tr,
    draft: &mut UnlockDraft,
    reading: bool,
    error: Option<String>,
    commands: &mut Vec<Command>,
) {
    let tokens = theme::Tokens::of(ui.ctx());
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.set_max_width(420.0);
            ui.add_space(theme::SPACE_L * 3.0);
            ui.heading(t.locked_title);
            ui.add_space(theme::SPACE_M);
            ui.label(t.locked_help);
            ui.add_space(theme::SPACE_L);
            if reading {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t.working);
                });
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
                commands.push(Command::Unlock(take_secret(&mut draft.passphrase)));
                draft.focused = false;
            }
            if let Some(error) = error {
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
    encryption: Encryption,
    idle_lock: IdleLock,
    t: &'static Tr,
    dialog: &mut SecurityDialog,
    commands: &mut Vec<Command>,
) {
    let tokens = theme::Tokens::of(ui.ctx());
    ui.heading(t.security_title);
    ui.add_space(theme::SPACE_M);
    if let Some(progress) = &dialog.progress {
        let (done, total) = progress.get();
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(t.working);
        });
        if total > 0 {
            ui.add(
                egui::ProgressBar::new(done as f32 / total as f32)
                    .desired_width(ui.available_width())
                    .text((t.journeys.files_converted)(done, total)),
            );
        }
        return;
    }
    let on = encryption != Encryption::Off;
    let form = &mut dialog.form;
    if on && form.changing {
        change_ui(ui, t, &tokens, dialog, commands);
        return;
    }
    ui.label(egui::RichText::new(if on { t.encryption_on } else { t.encryption_off }).strong());
    ui.add_space(theme::SPACE_M);
    if on {
        idle_lock_ui(ui, t, idle_lock, commands);
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.lock).on_hover_text(t.lock_help).clicked() {
                commands.push(Command::Lock);
            }
            if ui.button(t.change_passphrase_button).clicked() {
                form.changing = true;
                dialog.error = None;
            }
        });
        ui.add_space(theme::SPACE_L);
        ui.separator();
        ui.label(t.disable_explain);
        passphrase_field(ui, t.current_passphrase, &mut form.current);
        ui.add_space(theme::SPACE_S);
        if ui
            .add_enabled(!form.current.is_empty(), egui::Button::new(t.disable_encryption))
            .clicked()
        {
            commands.push(Command::DisableEncryption(secret_of(&form.current)));
        }
    } else {
        ui.label(t.encryption_explain);
        ui.add_space(theme::SPACE_M);
        new_passphrase_ui(ui, t, &tokens, form);
        if ui
            .add_enabled(
                !form.new_passphrase.is_empty(),
                egui::Button::new(t.enable_encryption),
            )
            .clicked()
        {
            match form.new_secret() {
                Ok(passphrase) => commands.push(Command::EnableEncryption(passphrase)),
                Err(err) => dialog.error = Some(err),
            }
        }
    }
    error_ui(ui, t, &tokens, dialog.error.as_ref());
    ui.add_space(theme::SPACE_M);
    if ui.button(t.close).clicked() {
        commands.push(Command::CloseDialog);
    }
}

fn idle_lock_ui(ui: &mut egui::Ui, t: &Tr, idle_lock: IdleLock, commands: &mut Vec<Command>) {
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
                        commands.push(Command::SetIdleLock(IdleLock(minutes)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn error_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, error: Option<&SecurityError>) {
    if let Some(error) = error {
        ui.add_space(theme::SPACE_M);
        ui.colored_label(tokens.critical, error.text(t));
    }
}

/// The new passphrase, its strength and its confirmation.
fn new_passphrase_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, form: &mut SecurityForm) {
    passphrase_pair_ui(ui, t, tokens, form, t.new_passphrase, t.confirm_passphrase);
}

/// A passphrase being chosen (labelled `label`), its strength, and its
/// confirmation (labelled `again`).
pub(super) fn passphrase_pair_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    form: &mut SecurityForm,
    label: &str,
    again: &str,
) {
    let edit = passphrase_field(ui, label, &mut form.new_passphrase);
    if edit.changed() || (form.strength.is_none() && !form.new_passphrase.is_empty()) {
        form.strength = Some(Strength::of(&form.new_passphrase));
    }
    if let Some(strength) = form.strength.filter(|_| !form.new_passphrase.is_empty()) {
        let colour = if strength.is_enough() {
            tokens.status(crate::model::Status::Done)
        } else {
            tokens.critical
        };
        // The words under a thin bar rather than inside it: over the bar's
        // empty part they could not be read.
        ui.add(
            egui::ProgressBar::new(strength.fraction())
                .desired_width(ui.available_width())
                .desired_height(6.0)
                .fill(colour),
        );
        ui.label(egui::RichText::new((t.strength)(strength.score)).color(colour));
    }
    ui.add_space(theme::SPACE_S);
    passphrase_field(ui, again, &mut form.confirm);
    ui.add_space(theme::SPACE_S);
}

/// The passphrase change: the current one, then the new one twice.
fn change_ui(
    ui: &mut egui::Ui,
    t: &'static Tr,
    tokens: &theme::Tokens,
    dialog: &mut SecurityDialog,
    commands: &mut Vec<Command>,
) {
    let form = &mut dialog.form;
    ui.label(t.change_passphrase_explain);
    ui.add_space(theme::SPACE_M);
    passphrase_field(ui, t.current_passphrase, &mut form.current);
    ui.add_space(theme::SPACE_S);
    new_passphrase_ui(ui, t, tokens, form);
    error_ui(ui, t, tokens, dialog.error.as_ref());
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(|ui| {
        let form = &mut dialog.form;
        let ready = !form.current.is_empty() && !form.new_passphrase.is_empty();
        let button = egui::Button::new(egui::RichText::new(t.change_passphrase).strong());
        if ui.add_enabled(ready, button).clicked() {
            match form.new_secret() {
                Ok(new) => commands.push(Command::ChangePassphrase {
                    current: secret_of(&form.current),
                    new,
                }),
                Err(err) => dialog.error = Some(err),
            }
        }
        if ui.button(t.back).clicked() {
            dialog.form.changing = false;
            dialog.error = None;
        }
    });
}
