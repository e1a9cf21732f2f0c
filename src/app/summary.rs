//! The summary screen: the dossier's figures, a preview of the action plan,
//! and the export of the printable summary (PDF or HTML), with the warning
//! that exports are not encrypted.

use std::path::PathBuf;

use super::command::{Command, ExportRequest, Navigation};
use super::pages::View;
use super::state::{Page, Session};
use super::{theme, widgets};
use crate::model::Progress;
use crate::report::{Format, Profile};

/// How many action plan rows the preview shows.
const PREVIEW_ROWS: usize = 12;

/// The choices being made on the summary screen.
#[derive(Clone, Debug)]
pub struct SummaryDraft {
    /// What to print.
    pub profile: Profile,
    /// Open the file with the system viewer once written.
    pub open_after: bool,
    /// The path typed in the path field (used when no dialog is available).
    pub path: String,
    /// Asks for the file to write: the system's save dialog (tests put a
    /// stand-in here).
    pub chooser: fn(&str, Profile, Format) -> Chosen,
}

impl Default for SummaryDraft {
    fn default() -> Self {
        Self::new("vigie")
    }
}

impl SummaryDraft {
    /// Defaults: the full report, saved in the documents folder.
    #[must_use]
    pub fn new(title: &str) -> Self {
        let dir = directories::UserDirs::new()
            .and_then(|d| {
                d.document_dir()
                    .map(std::path::Path::to_path_buf)
                    .or_else(|| Some(d.home_dir().to_path_buf()))
            })
            .unwrap_or_default();
        Self {
            profile: Profile::Full,
            open_after: false,
            path: dir
                .join(format!("{}.pdf", file_stem(title)))
                .display()
                .to_string(),
            chooser: save_dialog,
        }
    }
}

/// A file name made from a title: letters, digits and dashes.
#[must_use]
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() { "vigie".to_owned() } else { stem }
}

/// The summary screen.
pub fn summary_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    draft: &mut SummaryDraft,
    commands: &mut Vec<Command>,
) {
    let (t, lang, library, tokens) = (view.t, view.lang, view.library, view.tokens);
    let dossier = &session.dossier;
    let progress = Progress::of_dossier(dossier, &library.checklists);
    let plan = crate::model::plan::action_plan(dossier, &library.checklists, view.today);

    egui::Panel::top("summary_header").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.back_to_walk).clicked() {
                commands.push(Command::Navigate(Navigation::Page(Page::List)));
            }
            ui.heading(format!("{} — {}", t.summary_title, dossier.title));
        });
        ui.horizontal_wrapped(|ui| widgets::progress_row(ui, t, tokens, &progress));
        // What is exported here: a signed visit that changed says so.
        super::pages::signed_changes_ui(ui, view, session);
        ui.add_space(theme::SPACE_S);
    });

    egui::Panel::right("export")
        .resizable(false)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| export_ui(ui, view, dossier, draft, commands));
        });

    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading((t.plan_preview)(plan.len()));
            if plan.is_empty() {
                ui.label(t.plan_empty);
            }
            let names = super::pages::status_names(t, dossier.journey);
            for entry in plan.iter().take(PREVIEW_ROWS) {
                ui.horizontal_wrapped(|ui| {
                    widgets::priority_badge(ui, t, tokens, entry.item.priority);
                    ui.label(entry.item.title.get(lang));
                    ui.label(egui::RichText::new(names(entry.status)).weak());
                });
            }
            if plan.len() > PREVIEW_ROWS {
                ui.label(egui::RichText::new((t.journeys.more_in_plan)(plan.len() - PREVIEW_ROWS)).weak());
            }
        });
    });
}

/// The profile choice, the warning, and the export buttons.
fn export_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    dossier: &crate::model::Dossier,
    draft: &mut SummaryDraft,
    commands: &mut Vec<Command>,
) {
    let (t, tokens) = (view.t, view.tokens);
    ui.strong(t.summary_profile);
    for profile in Profile::ALL {
        ui.radio_value(&mut draft.profile, profile, (t.profile_name)(profile));
        ui.indent(("profile_help", profile as u8), |ui| {
            ui.label(egui::RichText::new((t.profile_help)(profile)).weak());
        });
    }
    ui.add_space(theme::SPACE_M);
    egui::Frame::new()
        .fill(tokens.error_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new((t.journeys.export_warning_for)(draft.profile)).color(tokens.strong_text),
            );
        });
    ui.add_space(theme::SPACE_M);
    ui.checkbox(&mut draft.open_after, t.open_after_export);
    ui.add_space(theme::SPACE_M);
    let request = |format, path| {
        Command::Export(ExportRequest {
            format,
            profile: draft.profile,
            path,
            open_after: draft.open_after,
        })
    };
    for (format, label) in [(Format::Pdf, t.export_pdf), (Format::Html, t.export_html)] {
        if ui.button(egui::RichText::new(label).strong()).clicked() {
            match (draft.chooser)(&dossier.title, draft.profile, format) {
                Chosen::Path(path) => commands.push(request(format, path)),
                Chosen::Cancelled => {}
                Chosen::NoDialog => commands.push(Command::NoFileDialog),
            }
        }
    }
    ui.add_space(theme::SPACE_L);
    let label = ui.label(t.export_path);
    ui.add(egui::TextEdit::singleline(&mut draft.path).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if ui.button(t.export_to_path).clicked() && !draft.path.trim().is_empty() {
        let path = PathBuf::from(draft.path.trim());
        let format = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("html")) {
            Format::Html
        } else {
            Format::Pdf
        };
        commands.push(request(format, path));
    }
    ui.add_space(theme::SPACE_L);
    ui.separator();
    // The handover file: the dossier and its photos, encrypted.
    ui.label(egui::RichText::new(t.archive.handover_help).weak());
    if ui
        .button(egui::RichText::new(t.archive.handover_button).strong())
        .clicked()
    {
        commands.push(Command::Archive(super::archive::ArchiveCommand::Ask(
            super::archive::ArchiveAction::Handover,
        )));
    }
}

/// What the save dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// A file to write.
    Path(PathBuf),
    /// The user closed it.
    Cancelled,
    /// No dialog could be shown (no desktop portal): it came back at once.
    NoDialog,
}

/// How soon a dialog that came back empty is taken for one that could not
/// be shown: nobody cancels a file dialog that fast.
pub(super) const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(300);

/// Asks for the file to write with the system's save dialog. When none can
/// be shown (no desktop portal, as under a bare X server), says so: the
/// path field then serves.
pub fn save_dialog(title: &str, profile: Profile, format: Format) -> Chosen {
    let started = std::time::Instant::now();
    let name = format!(
        "{}-{}.{}",
        file_stem(title),
        format!("{profile:?}").to_lowercase(),
        format.extension()
    );
    let chosen = rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter(format.extension().to_uppercase(), &[format.extension()])
        .save_file();
    match chosen {
        Some(path) => Chosen::Path(path),
        None if started.elapsed() < NO_DIALOG_WITHIN => Chosen::NoDialog,
        None => Chosen::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Maison / Lyon : été 2026"), "Maison-Lyon-été-2026");
        assert_eq!(file_stem("../.."), "vigie");
    }
}
