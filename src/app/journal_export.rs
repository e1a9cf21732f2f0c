//! The export panel of the log of events: the household's name on the
//! chronology, the warning that exports are not encrypted, the chronology
//! (PDF or HTML) and the evidence bundle (zip), through the system's save
//! dialog or the path typed.

use std::path::PathBuf;

use super::command::Command;
use super::household_commands::{ChronologyExport, HouseholdCommand};
use super::journal::JournalUi;
use super::pages::View;
use super::summary::Chosen;
use super::theme;
use crate::lang::Lang;
use crate::model::journal::Journal;
use crate::report::Format;
use crate::report::household_text::chronology_warning;

/// The evidence bundle's file name in `lang`.
fn bundle_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "preuves-journal-des-faits.zip",
        Lang::En => "log-of-events-evidence.zip",
    }
}

/// Asks for the evidence bundle's file with the system's save dialog.
pub fn bundle_dialog(lang: Lang) -> Chosen {
    let started = std::time::Instant::now();
    let chosen = rfd::FileDialog::new()
        .set_file_name(bundle_name(lang))
        .add_filter("ZIP", &["zip"])
        .save_file();
    match chosen {
        Some(path) => Chosen::Path(path),
        None if started.elapsed() < NO_DIALOG_WITHIN => Chosen::NoDialog,
        None => Chosen::Cancelled,
    }
}

/// The chronology's file name in `lang`.
pub fn file_name(lang: Lang, format: Format) -> String {
    let stem = match lang {
        Lang::Fr => "chronologie-des-faits",
        Lang::En => "chronology-of-events",
    };
    format!("{stem}.{}", format.extension())
}

/// How soon a dialog that came back empty is taken for one that could not
/// be shown: nobody cancels a file dialog that fast.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(300);

/// Asks for the chronology's file with the system's save dialog; says so
/// when none can be shown (the path field then serves).
pub fn save_dialog(lang: Lang, format: Format) -> Chosen {
    let started = std::time::Instant::now();
    let chosen = rfd::FileDialog::new()
        .set_file_name(file_name(lang, format))
        .add_filter(format.extension().to_uppercase(), &[format.extension()])
        .save_file();
    match chosen {
        Some(path) => Chosen::Path(path),
        None if started.elapsed() < NO_DIALOG_WITHIN => Chosen::NoDialog,
        None => Chosen::Cancelled,
    }
}

/// The export of the chronology: the household's name on it, the warning,
/// the buttons (save dialog) and the path field.
pub fn export_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    journal: &Journal,
    journal_ui: &mut JournalUi,
    commands: &mut Vec<Command>,
) {
    let (t, lang, j, tokens) = (view.t, view.lang, view.t.journal, view.tokens);
    ui.strong(j.export_title);
    ui.label(egui::RichText::new(j.export_help).weak());
    ui.add_space(theme::SPACE_S);
    let mut household = journal.household.clone();
    let label = ui.label(j.household_name);
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut household)
                .hint_text(j.household_name_hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if edit.changed() {
        commands.push(HouseholdCommand::SetHouseholdName(household).into());
    }
    ui.add_space(theme::SPACE_M);
    egui::Frame::new()
        .fill(tokens.error_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(chronology_warning(lang)).color(tokens.strong_text));
        });
    ui.add_space(theme::SPACE_M);
    ui.checkbox(&mut journal_ui.open_after, t.open_after_export);
    ui.add_space(theme::SPACE_S);
    let open_after = journal_ui.open_after;
    let request = |format, path| -> Command {
        HouseholdCommand::ExportChronology(ChronologyExport {
            format,
            path,
            open_after,
        })
        .into()
    };
    for (format, label) in [(Format::Pdf, j.export_pdf), (Format::Html, j.export_html)] {
        if ui.button(egui::RichText::new(label).strong()).clicked() {
            match (journal_ui.chooser)(lang, format) {
                Chosen::Path(path) => commands.push(request(format, path)),
                Chosen::Cancelled => {}
                Chosen::NoDialog => commands.push(Command::NoFileDialog),
            }
        }
    }
    ui.add_space(theme::SPACE_L);
    if journal_ui.path.is_empty() {
        journal_ui.path = default_path(lang);
    }
    let label = ui.label(t.export_path);
    ui.add(egui::TextEdit::singleline(&mut journal_ui.path).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if ui.button(j.export_to_path).clicked() && !journal_ui.path.trim().is_empty() {
        let path = PathBuf::from(journal_ui.path.trim());
        let html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        commands.push(request(if html { Format::Html } else { Format::Pdf }, path));
    }
    ui.add_space(theme::SPACE_L);
    ui.separator();
    ui.label(egui::RichText::new(j.export_bundle_help).weak());
    if ui.button(egui::RichText::new(j.export_bundle).strong()).clicked() {
        match (journal_ui.bundle_chooser)(lang) {
            Chosen::Path(path) => commands.push(HouseholdCommand::ExportBundle(path).into()),
            Chosen::Cancelled => {}
            Chosen::NoDialog => commands.push(Command::NoFileDialog),
        }
    }
    if ui.button(j.bundle_to_path).clicked() && !journal_ui.path.trim().is_empty() {
        let path = PathBuf::from(journal_ui.path.trim()).with_extension("zip");
        commands.push(HouseholdCommand::ExportBundle(path).into());
    }
}

/// The documents folder (or home), and the chronology's file name.
fn default_path(lang: Lang) -> String {
    let dir = directories::UserDirs::new()
        .and_then(|d| {
            d.document_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_default();
    dir.join(file_name(lang, Format::Pdf)).display().to_string()
}
