//! The content of the `.vigie` dialogs (see `archive.rs`): the file and
//! its passphrase, then what a file read holds before the choice that
//! writes it.

use std::path::PathBuf;

use zeroize::Zeroize as _;

use super::archive::{ArchiveAction, ArchiveCommand, ArchiveDialog, ArchiveProblem, Opened};
use super::command::Command;
use super::security;
use super::summary::{Chosen, file_stem};
use super::theme;
use crate::archive::{IfAlreadyThere, Preview};
use crate::i18n::Tr;

/// Draws a `.vigie` dialog and sends what the user chose.
pub fn dialog_ui(ui: &mut egui::Ui, t: &'static Tr, dialog: &mut ArchiveDialog, commands: &mut Vec<Command>) {
    let tokens = theme::Tokens::of(ui.ctx());
    let p = t.archive;
    ui.heading(match dialog.action {
        ArchiveAction::Handover => p.handover_title,
        ArchiveAction::Import => p.import_title,
        ArchiveAction::Backup => p.backup_title,
        ArchiveAction::Restore => p.restore_title,
    });
    ui.add_space(theme::SPACE_S);
    if dialog.busy {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(if dialog.action.writes() || dialog.opened.is_some() {
                p.writing
            } else {
                p.reading
            });
        });
        return;
    }
    // No scroll area: inside a modal it keeps the height of its first
    // frame, and the strength line or an error would push the buttons out
    // of sight. Each step fits an 800 × 600 window.
    match (dialog.action, &dialog.opened) {
        (ArchiveAction::Import, Some(Opened::Handover(opened, same))) => {
            import_preview_ui(ui, t, &tokens, &opened.preview, same, commands);
        }
        (ArchiveAction::Restore, Some(Opened::Backup(opened))) => {
            restore_preview_ui(ui, t, &tokens, &opened.preview, dialog.existing, commands);
        }
        (ArchiveAction::Handover | ArchiveAction::Backup, _) => write_ui(ui, t, &tokens, dialog, commands),
        (ArchiveAction::Import | ArchiveAction::Restore, _) => read_ui(ui, t, &tokens, dialog, commands),
    }
}

/// The file to write or read, with *Choose…* (the system's chooser; when
/// none can open, the path is typed).
fn path_ui(ui: &mut egui::Ui, t: &Tr, dialog: &mut ArchiveDialog) {
    let p = t.archive;
    let label = ui.label(if dialog.action.writes() {
        p.file_to_write
    } else {
        p.file_to_open
    });
    ui.horizontal(|ui| {
        let choose = ui.button(p.choose);
        ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(ui.available_width()))
            .labelled_by(label.id);
        if choose.clicked() {
            let chosen = if dialog.action.writes() {
                let name = PathBuf::from(dialog.path.trim()).file_name().map_or_else(
                    || format!("{}.{}", file_stem(""), crate::archive::EXTENSION),
                    |n| n.to_string_lossy().into_owned(),
                );
                (dialog.choosers.save)(&name, p.vigie_filter)
            } else {
                (dialog.choosers.open)(p.vigie_filter)
            };
            match chosen {
                Chosen::Path(path) => {
                    dialog.path = path.display().to_string();
                    dialog.no_chooser = false;
                }
                Chosen::Cancelled => {}
                Chosen::NoDialog => dialog.no_chooser = true,
            }
        }
    });
    if dialog.no_chooser {
        ui.label(egui::RichText::new(p.no_chooser_path).weak());
    }
}

fn error_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, error: Option<&ArchiveProblem>) {
    if let Some(error) = error {
        ui.add_space(theme::SPACE_S);
        ui.colored_label(tokens.critical, error.text(t));
    }
}

/// A box that stands out: the advice of the two channels, what a restore
/// will do, the same dossier already here.
fn boxed(ui: &mut egui::Ui, tokens: &theme::Tokens, fill: egui::Color32, text: &str) {
    egui::Frame::new()
        .fill(fill)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(text).color(tokens.strong_text));
        });
}

/// Writing a handover or a backup: what it holds, the advice, the
/// passphrase twice with its strength, the file.
fn write_ui(
    ui: &mut egui::Ui,
    t: &'static Tr,
    tokens: &theme::Tokens,
    dialog: &mut ArchiveDialog,
    commands: &mut Vec<Command>,
) {
    let p = t.archive;
    match dialog.action {
        ArchiveAction::Handover => ui.label((p.handover_explain)(&dialog.dossier.0, dialog.dossier.1)),
        _ => ui.label(p.backup_explain),
    };
    ui.add_space(theme::SPACE_S);
    boxed(ui, tokens, tokens.info_bg, p.two_channels);
    ui.add_space(theme::SPACE_M);
    security::passphrase_pair_ui(
        ui,
        t,
        tokens,
        &mut dialog.form,
        p.file_passphrase,
        p.file_passphrase_again,
    );
    if dialog.action == ArchiveAction::Backup {
        ui.checkbox(&mut dialog.include_trash, p.include_trash);
        ui.add_space(theme::SPACE_S);
    }
    path_ui(ui, t, dialog);
    error_ui(ui, t, tokens, dialog.error.as_ref());
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(|ui| {
        let text = if dialog.action == ArchiveAction::Handover {
            p.write_handover
        } else {
            p.write_backup
        };
        let ready = !dialog.form.new_passphrase.is_empty();
        let write = ui.add_enabled(ready, egui::Button::new(egui::RichText::new(text).strong()));
        if write.clicked() {
            let path = dialog.path.trim();
            match dialog.form.new_secret() {
                _ if path.is_empty() => dialog.error = Some(ArchiveProblem::NoPath),
                Ok(passphrase) => {
                    let path = PathBuf::from(path);
                    commands.push(Command::Archive(match dialog.action {
                        ArchiveAction::Backup => ArchiveCommand::WriteBackup {
                            path,
                            passphrase,
                            include_trash: dialog.include_trash,
                        },
                        _ => ArchiveCommand::WriteHandover { path, passphrase },
                    }));
                }
                Err(super::dialogs::SecurityError::Differ) => dialog.error = Some(ArchiveProblem::Differ),
                Err(_) => dialog.error = Some(ArchiveProblem::TooWeak),
            }
        }
        if ui.button(t.cancel).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}

/// Reading an import or a restore: the file and its passphrase.
fn read_ui(
    ui: &mut egui::Ui,
    t: &'static Tr,
    tokens: &theme::Tokens,
    dialog: &mut ArchiveDialog,
    commands: &mut Vec<Command>,
) {
    let p = t.archive;
    ui.label(if dialog.action == ArchiveAction::Import {
        p.import_explain
    } else {
        p.restore_explain
    });
    ui.add_space(theme::SPACE_M);
    path_ui(ui, t, dialog);
    ui.add_space(theme::SPACE_S);
    let edit = security::passphrase_field(ui, p.passphrase_of_file, &mut dialog.passphrase);
    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    error_ui(ui, t, tokens, dialog.error.as_ref());
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(|ui| {
        let ready = !dialog.passphrase.is_empty();
        let open = ui.add_enabled(
            ready,
            egui::Button::new(egui::RichText::new(p.open_file).strong()),
        );
        if ready && (open.clicked() || enter) {
            let path = dialog.path.trim();
            if path.is_empty() {
                dialog.error = Some(ArchiveProblem::NoPath);
            } else {
                let path = PathBuf::from(path);
                let passphrase = age::secrecy::SecretString::from(dialog.passphrase.as_str().to_owned());
                dialog.passphrase.zeroize();
                commands.push(Command::Archive(if dialog.action == ArchiveAction::Import {
                    ArchiveCommand::OpenHandover { path, passphrase }
                } else {
                    ArchiveCommand::OpenBackup { path, passphrase }
                }));
            }
        }
        if ui.button(t.cancel).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}

/// When and by which Vigie a file was written.
fn written_line(ui: &mut egui::Ui, t: &Tr, preview: &Preview) {
    let when = preview
        .created
        .with_timezone(&chrono::Local)
        .format(t.datetime_format)
        .to_string();
    ui.label(egui::RichText::new((t.archive.preview_written)(&when, &preview.app_version)).weak());
}

/// What a handover file holds, then *Import* (or, the same dossier being
/// here, *Keep both* and *Replace the old one*).
fn import_preview_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    preview: &Preview,
    same: &[String],
    commands: &mut Vec<Command>,
) {
    let p = t.archive;
    ui.strong(p.preview_heading);
    if let Some(d) = &preview.dossier {
        let date = |d: chrono::DateTime<chrono::Utc>| {
            d.with_timezone(&chrono::Local)
                .format(t.datetime_format)
                .to_string()
        };
        theme::card(tokens.card_bg, ui.visuals().widgets.noninteractive.bg_stroke).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&d.title).strong().size(16.0));
                ui.label(egui::RichText::new((t.journey_name)(d.journey)).weak());
            });
            ui.label((p.preview_dates)(&date(d.created), &date(d.modified)));
            ui.label((p.preview_counts)(d.answered, d.notes, d.photos));
            if let Some(referent) = &d.referent {
                ui.label((p.preview_referent)(referent, d.signed));
            }
            written_line(ui, t, preview);
        });
    }
    ui.label(egui::RichText::new(p.nothing_written_yet).weak());
    ui.add_space(theme::SPACE_M);
    let import = |choice| Command::Archive(ArchiveCommand::Import(choice));
    if !same.is_empty() {
        boxed(ui, tokens, tokens.error_bg, &(p.already_here)(same));
        ui.add_space(theme::SPACE_S);
    }
    ui.horizontal_wrapped(|ui| {
        if same.is_empty() {
            if ui.button(egui::RichText::new(p.import).strong()).clicked() {
                commands.push(import(IfAlreadyThere::KeepBoth));
            }
        } else {
            if ui.button(egui::RichText::new(p.keep_both).strong()).clicked() {
                commands.push(import(IfAlreadyThere::KeepBoth));
            }
            if ui.button(p.replace).clicked() {
                commands.push(import(IfAlreadyThere::Replace));
            }
        }
        if ui.button(t.cancel).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}

/// What a backup holds and what restoring it will do, then *Restore*.
fn restore_preview_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    preview: &Preview,
    existing: usize,
    commands: &mut Vec<Command>,
) {
    let p = t.archive;
    ui.strong(p.preview_heading);
    if let Some(counts) = &preview.backup {
        theme::card(tokens.card_bg, ui.visuals().widgets.noninteractive.bg_stroke).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new((p.backup_counts)(counts)).strong());
            written_line(ui, t, preview);
        });
    }
    ui.add_space(theme::SPACE_S);
    boxed(ui, tokens, tokens.info_bg, &(p.restore_what_happens)(existing));
    ui.label(egui::RichText::new(p.nothing_written_yet).weak());
    ui.add_space(theme::SPACE_M);
    ui.horizontal_wrapped(|ui| {
        if ui.button(egui::RichText::new(p.restore).strong()).clicked() {
            commands.push(Command::Archive(ArchiveCommand::Restore));
        }
        if ui.button(t.cancel).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}

/// The home screen's buttons of `.vigie` files (in a right-to-left row:
/// *Restore…* comes last): *Import a dossier…*, *Back up everything…*,
/// *Restore…*.
pub fn home_buttons_ui(ui: &mut egui::Ui, t: &Tr, commands: &mut Vec<Command>) {
    let p = t.archive;
    let ask = |action| Command::Archive(ArchiveCommand::Ask(action));
    if ui.button(p.import_button).clicked() {
        commands.push(ask(ArchiveAction::Import));
    }
    if ui.button(p.backup_button).clicked() {
        commands.push(ask(ArchiveAction::Backup));
    }
    if ui.button(p.restore_button).clicked() {
        commands.push(ask(ArchiveAction::Restore));
    }
}
