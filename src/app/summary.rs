//! The summary screen: the dossier's figures, a preview of the action plan,
//! and the export of the printable summary (PDF or HTML), with the warning
//! that exports are not encrypted.

use std::path::PathBuf;

use super::{Action, AppState, Screen, theme};
use crate::model::Progress;
use crate::report::{self, Format, Profile};

/// How many action plan rows the preview shows.
const PREVIEW_ROWS: usize = 12;

/// The choices being made on the summary screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryDraft {
    /// What to print.
    pub profile: Profile,
    /// Open the file with the system viewer once written.
    pub open_after: bool,
    /// The path typed in the path field (used when no dialog is available).
    pub path: String,
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
pub fn summary_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    let t = state.tr();
    let library = &state.library;
    let Screen::Summary(walk, draft) = &mut state.screen else {
        return;
    };
    let tokens = theme::Tokens::of(ui.ctx());
    let progress = Progress::of_dossier(&walk.dossier, &library.checklists);
    let preview = report::build(&walk.dossier, library, Profile::Full, lang, chrono::Local::now());

    egui::Panel::top("summary_header").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.back_to_walk).clicked() {
                actions.push(Action::CloseSummary);
            }
            ui.heading(format!("{} — {}", t.summary_title, walk.dossier.title));
        });
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::ProgressBar::new(progress.answered_fraction())
                    .desired_width(160.0)
                    .text((t.answered_of)(progress.answered, progress.total)),
            );
            ui.label(egui::RichText::new((t.score)(progress.score())).strong())
                .on_hover_text(t.score_help);
            if progress.open_critical > 0 {
                ui.colored_label(tokens.critical, (t.open_critical)(progress.open_critical));
            }
        });
        ui.add_space(theme::SPACE_S);
    });

    egui::Panel::right("export")
        .resizable(false)
        .default_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
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
                        ui.label(egui::RichText::new(t.export_warning).color(tokens.strong_text));
                    });
                ui.add_space(theme::SPACE_M);
                ui.checkbox(&mut draft.open_after, t.open_after_export);
                ui.add_space(theme::SPACE_M);
                for (format, label) in [(Format::Pdf, t.export_pdf), (Format::Html, t.export_html)] {
                    if ui.button(egui::RichText::new(label).strong()).clicked()
                        && let Some(path) = save_dialog(&walk.dossier.title, draft.profile, format)
                    {
                        actions.push(Action::Export(format, path));
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
                    actions.push(Action::Export(format, path));
                }
            });
        });

    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading((t.plan_preview)(preview.plan.len()));
            if preview.plan.is_empty() {
                ui.label(preview.labels.nothing);
            }
            for row in preview.plan.iter().take(PREVIEW_ROWS) {
                ui.horizontal_wrapped(|ui| {
                    let priority = egui::RichText::new(&row.priority);
                    if row.critical {
                        ui.colored_label(tokens.critical, priority.strong());
                    } else {
                        ui.label(priority);
                    }
                    ui.label(&row.title);
                    ui.label(egui::RichText::new(&row.status).weak());
                });
            }
            if preview.plan.len() > PREVIEW_ROWS {
                ui.label(egui::RichText::new("…").weak());
            }
        });
    });
}

/// Asks for the file to write with the system's save dialog. `None` when
/// cancelled or when no dialog is available (the path field then serves).
fn save_dialog(title: &str, profile: Profile, format: Format) -> Option<PathBuf> {
    let name = format!(
        "{}-{}.{}",
        file_stem(title),
        format!("{profile:?}").to_lowercase(),
        format.extension()
    );
    rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter(format.extension().to_uppercase(), &[format.extension()])
        .save_file()
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
