//! The modal dialogs: rename, delete, remove a member, household profile,
//! security, signing with points not seen, the trash, and leaving with a
//! date typed wrong. Escape, or a click outside, closes each one.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::command::{Command, Navigation, Signing};
use super::household::{self, HouseholdDraft};
use super::security::{self, SecurityForm};
use super::state::AppState;
use super::theme;
use crate::i18n::Tr;
use crate::model::DossierId;
use crate::model::family::MemberId;
use crate::model::visit::SignOff;
use crate::store::{ConversionProgress, StoreError, TrashedId};

/// A modal dialog over the current screen.
#[derive(Debug)]
pub enum Dialog {
    /// Renaming a dossier; holds the title being typed.
    Rename {
        /// The dossier.
        id: DossierId,
        /// The new title as typed.
        title: String,
    },
    /// Confirming that a dossier goes to the trash.
    ConfirmDelete {
        /// The dossier.
        id: DossierId,
        /// Its title.
        title: String,
    },
    /// Changing the open dossier's household profile.
    Profile(HouseholdDraft),
    /// Confirming that a member who acknowledged cards is removed.
    ConfirmRemoveMember {
        /// The member.
        id: MemberId,
        /// Their name.
        name: String,
        /// How many cards they acknowledged.
        acknowledged: usize,
    },
    /// Encryption on or off, the passphrase, the idle lock, lock now.
    Security(Box<SecurityDialog>),
    /// A date typed in the action plan is not a date: correct it, or leave
    /// without it.
    UnsavedDates {
        /// Where the user asked to go.
        then: Navigation,
    },
    /// Leaving or closing while the open dossier's changes could not be
    /// saved: keep them as a new dossier, save them over the other version
    /// (a conflict), or drop them.
    UnsavedChanges {
        /// Where the user asked to go.
        then: Navigation,
        /// Why the save failed, in words.
        why: String,
        /// Whether it failed because the file changed on disk.
        conflict: bool,
    },
    /// Signing a visit with points not seen yet, or one already signed.
    ConfirmSign {
        /// How many points were not seen.
        unseen: usize,
        /// The sign-off it replaces, if any.
        replacing: Option<Box<SignOff>>,
        /// The sign-off typed, checked.
        signing: Signing,
    },
    /// What the trash holds, as read when the dialog opened or last
    /// changed.
    Trash(Vec<TrashRow>),
    /// Emptying the trash for good.
    ConfirmEmptyTrash,
    /// A question about the log of events or the exposure inventory.
    Household(super::household_commands::HouseholdDialog),
    /// A photo's path, or removing a photo.
    Photo(super::photos::PhotoDialog),
    /// A handover, import, backup or restore.
    Archive(Box<super::archive::ArchiveDialog>),
}

/// The security dialog: what is typed, and what happened.
#[derive(Debug, Default)]
pub struct SecurityDialog {
    /// The passphrases being typed.
    pub form: SecurityForm,
    /// Why the last attempt failed.
    pub error: Option<SecurityError>,
    /// The files converted so far, while encryption is turned on or off.
    pub progress: Option<Arc<ConversionProgress>>,
}

/// Why the security dialog could not do what was asked.
#[derive(Clone, Debug)]
pub enum SecurityError {
    /// The new passphrase is too easy to guess.
    TooWeak,
    /// The new passphrase was typed differently twice.
    Differ,
    /// The store refused (wrong passphrase, full disk…).
    Store(Arc<StoreError>),
}

impl SecurityError {
    /// The error in words.
    #[must_use]
    pub fn text(&self, t: &Tr) -> String {
        match self {
            Self::TooWeak => t.passphrase_too_weak.to_owned(),
            Self::Differ => t.passphrases_differ.to_owned(),
            Self::Store(err) => (t.store_error)(err),
        }
    }
}

/// A row of the trash dialog.
#[derive(Clone, Debug)]
pub struct TrashRow {
    /// Its name in the trash.
    pub id: TrashedId,
    /// The dossier's title, or its file when it cannot be read.
    pub title: String,
    /// When it was deleted.
    pub deleted: Option<DateTime<Utc>>,
}

/// Draws the dialog, if any, and sends what the user chose.
pub fn dialog_ui(ui: &mut egui::Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let t = state.tr();
    let AppState {
        dialog,
        store,
        settings,
        lang,
        overlay,
        ..
    } = state;
    let lang = *lang;
    let Some(dialog) = dialog else {
        return;
    };
    let encryption = store.encryption();
    let idle_lock = settings.idle_lock;
    let overlay_closed = overlay.is_none();
    let modal = egui::Modal::new(egui::Id::unique("vigie_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        match dialog {
            Dialog::Rename { id, title } => rename_ui(ui, t, id, title, commands),
            Dialog::ConfirmDelete { id, title } => {
                ui.heading((t.delete_question)(title));
                ui.label((t.delete_explain)(&store.trash_dir().display().to_string()));
                buttons(ui, t, commands, |ui, commands| {
                    if ui.button(t.move_to_trash).clicked() {
                        commands.push(Command::Delete(id.clone()));
                    }
                });
            }
            Dialog::ConfirmRemoveMember {
                id,
                name,
                acknowledged,
            } => {
                ui.heading((t.remove_member_question)(name));
                ui.label((t.remove_member_explain)(*acknowledged));
                buttons(ui, t, commands, |ui, commands| {
                    if ui.button((t.remove_member)(name)).clicked() {
                        commands.push(Command::RemoveMemberNow(*id));
                    }
                });
            }
            Dialog::Profile(draft) => {
                ui.heading(t.profile_title);
                ui.label(t.household_help);
                ui.add_space(theme::SPACE_M);
                household::household_ui(ui, t, draft);
                ui.add_space(theme::SPACE_M);
                buttons(ui, t, commands, |ui, commands| {
                    if ui.button(t.apply).clicked() {
                        commands.push(Command::SetProfile(draft.tags()));
                    }
                });
            }
            Dialog::Security(dialog) => security::security_ui(ui, encryption, idle_lock, t, dialog, commands),
            Dialog::UnsavedDates { then } => {
                ui.heading(t.unsaved_form_title);
                ui.label(t.unsaved_date_explain);
                ui.add_space(theme::SPACE_S);
                ui.horizontal_wrapped(|ui| {
                    if ui.button(t.discard_form).clicked() {
                        commands.push(Command::Navigate(*then));
                    }
                    if ui
                        .button(egui::RichText::new(t.journeys.correct_date).strong())
                        .clicked()
                    {
                        commands.push(Command::CloseDialog);
                    }
                });
            }
            Dialog::UnsavedChanges { then, why, conflict } => {
                unsaved_changes_ui(ui, t, *then, why, *conflict, commands);
            }
            Dialog::ConfirmSign {
                unseen,
                replacing,
                signing,
            } => {
                let j = t.journeys;
                if let Some(earlier) = replacing {
                    let day = earlier.date.format(t.date_format).to_string();
                    ui.heading((j.replace_signoff)(
                        &day,
                        &earlier.referent_name,
                        &earlier.household_name,
                    ));
                    ui.label(j.replace_signoff_explain);
                }
                if *unseen > 0 {
                    let question = (j.sign_with_unseen)(*unseen);
                    if replacing.is_some() {
                        ui.add_space(theme::SPACE_S);
                        ui.strong(question);
                    } else {
                        ui.heading(question);
                    }
                    ui.label(j.sign_with_unseen_explain);
                }
                let action = if replacing.is_some() {
                    j.replace_signoff_action
                } else {
                    j.sign_anyway
                };
                buttons(ui, t, commands, |ui, commands| {
                    if ui.button(action).clicked() {
                        commands.push(Command::SignOff(signing.clone()));
                    }
                });
            }
            Dialog::Trash(rows) => trash_ui(ui, t, rows, commands),
            Dialog::Household(question) => {
                super::household_commands::dialog_ui(ui, t, lang, question, commands);
            }
            Dialog::Photo(dialog) => super::photo_view::dialog_ui(ui, t, dialog, commands),
            Dialog::Archive(dialog) => super::archive_ui::dialog_ui(ui, t, dialog, commands),
            Dialog::ConfirmEmptyTrash => {
                ui.heading(t.home.empty_trash_question);
                ui.label(t.home.empty_trash_explain);
                buttons(ui, t, commands, |ui, commands| {
                    if ui.button(t.home.empty_trash).clicked() {
                        commands.push(Command::EmptyTrash);
                    }
                });
            }
        }
    });
    // Escape, or a click beside it, closes the dialog, unless the
    // emergency sheet is open above it (Escape closes that first).
    let on_danger = modal.backdrop_response.clicked()
        && ui
            .input(|i| i.pointer.interact_pos())
            .zip(super::frame::danger_rect(ui.ctx()))
            .is_some_and(|(pos, rect)| rect.contains(pos));
    if on_danger {
        // "In danger now?" clicked over the dialog: the sheet opens above
        // it, and the dialog stays as it was.
        commands.push(Command::ShowEmergency);
    } else if overlay_closed && modal.should_close() && commands.is_empty() {
        commands.push(Command::CloseDialog);
    }
}

/// Leaving or closing with changes that could not be saved: what the user
/// can do with them.
fn unsaved_changes_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    then: Navigation,
    why: &str,
    conflict: bool,
    commands: &mut Vec<Command>,
) {
    ui.heading(t.unsaved_changes_title);
    ui.label(why);
    ui.label((t.unsaved_changes_explain)(conflict));
    ui.add_space(theme::SPACE_S);
    ui.vertical(|ui| {
        if ui.button(egui::RichText::new(t.save_as_new).strong()).clicked() {
            commands.push(Command::SaveAsNew(then));
        }
        if conflict && ui.button(t.overwrite_other).clicked() {
            commands.push(Command::Overwrite(then));
        }
        if ui.button(t.discard_changes).clicked() {
            commands.push(Command::DiscardChanges(then));
        }
        if ui.button(t.stay).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}

/// The dialog's action buttons, then *Cancel*.
fn buttons(
    ui: &mut egui::Ui,
    t: &Tr,
    commands: &mut Vec<Command>,
    add: impl FnOnce(&mut egui::Ui, &mut Vec<Command>),
) {
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        add(ui, commands);
        if ui.button(t.cancel).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}

fn rename_ui(ui: &mut egui::Ui, t: &Tr, id: &DossierId, title: &mut String, commands: &mut Vec<Command>) {
    ui.heading(t.rename_title);
    let label = ui.label(t.title_label);
    let edit = ui
        .add(egui::TextEdit::singleline(title).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    edit.request_focus();
    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    buttons(ui, t, commands, |ui, commands| {
        let ok = ui.add_enabled(!title.trim().is_empty(), egui::Button::new(t.apply));
        if ok.clicked() || (enter && !title.trim().is_empty()) {
            commands.push(Command::Rename(id.clone(), title.clone()));
        }
    });
}

/// The trash's rows, newest first.
pub fn trash_rows(store: &crate::store::Store) -> Vec<TrashRow> {
    store
        .list_trash()
        .unwrap_or_default()
        .into_iter()
        .map(|t| TrashRow {
            title: t
                .dossier
                .as_ref()
                .map_or_else(|_| t.path.display().to_string(), |d| d.title.clone()),
            id: t.id,
            deleted: t.deleted,
        })
        .collect()
}

fn trash_ui(ui: &mut egui::Ui, t: &Tr, rows: &[TrashRow], commands: &mut Vec<Command>) {
    ui.heading(t.home.trash_title);
    ui.label(egui::RichText::new(t.home.trash_help).weak());
    ui.add_space(theme::SPACE_M);
    if rows.is_empty() {
        ui.label(t.home.trash_empty);
    }
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        for row in rows {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&row.title).strong());
                if let Some(when) = row.deleted {
                    let when = when
                        .with_timezone(&chrono::Local)
                        .format(t.datetime_format)
                        .to_string();
                    ui.label(egui::RichText::new((t.home.deleted_on)(&when)).weak());
                }
                if ui.button((t.home.restore)(&row.title)).clicked() {
                    commands.push(Command::Restore(row.id.clone()));
                }
            });
        }
    });
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(|ui| {
        if !rows.is_empty() && ui.button(t.home.empty_trash_button).clicked() {
            commands.push(Command::AskEmptyTrash);
        }
        if ui.button(t.close).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}
