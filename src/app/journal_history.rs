//! What the window shows of the log's record: an entry's history (when it
//! was written, each amendment with what it changed, its withdrawal), and
//! the banner of the chain's check (intact with its head, begun on an old
//! log, or broken: read only, each problem named, *Open the backup*).

use super::command::Command;
use super::household_commands::HouseholdCommand;
use super::household_docs::HouseholdFileKind;
use super::pages::View;
use super::theme;
use crate::model::journal::{Entry, Verification};
use crate::report::chronology::findings::{legacy_note, problem_text};
use crate::report::household_text::datetime_format;

/// A time of writing, in local time.
fn local(at: chrono::DateTime<chrono::Utc>, view: &View<'_>) -> String {
    at.with_timezone(&chrono::Local)
        .format(datetime_format(view.lang))
        .to_string()
}

/// An entry's history: written on, then each amendment and what it changed
/// (the chronology's words), then its withdrawal.
pub fn history_ui(ui: &mut egui::Ui, view: &View<'_>, entry: &Entry) {
    let j = view.t.journal;
    ui.add_space(theme::SPACE_S);
    ui.label(egui::RichText::new(j.history).strong());
    ui.label((j.written_on)(&local(entry.created, view)));
    if !entry.amendments.is_empty() {
        // What the amendments changed, as it was first written.
        let original = entry.facts();
        let mut changed: Vec<crate::model::journal::Change> = Vec::new();
        for amendment in &entry.amendments {
            for change in original.changes_from(&amendment.facts) {
                let kind = std::mem::discriminant(&change);
                if !changed.iter().any(|c| std::mem::discriminant(c) == kind) {
                    changed.push(change);
                }
            }
        }
        ui.label(egui::RichText::new(j.as_first_written).weak());
        for line in crate::report::chronology::change_lines(&changed, &original, view.lang) {
            ui.add(egui::Label::new(format!("  {line}")).wrap());
        }
    }
    for (amendment, changes) in entry.history() {
        ui.label(egui::RichText::new((j.amended_on)(&local(amendment.at, view))).strong());
        let lines = crate::report::chronology::change_lines(&changes, &amendment.facts, view.lang);
        for line in lines {
            ui.add(egui::Label::new(format!("  {line}")).wrap());
        }
    }
    if let Some(w) = &entry.withdrawn {
        ui.colored_label(
            view.tokens.critical,
            (j.withdrawn_on)(&local(w.at, view), w.reason.trim()),
        );
    }
}

/// The chain's check above the timeline.
pub fn chain_banner_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    check: &Verification,
    commands: &mut Vec<Command>,
) {
    let (t, j, tokens) = (view.t, view.t.journal, view.tokens);
    if check.is_intact() {
        let legacy = check
            .started
            .and_then(|(started, legacy)| legacy_note(started, legacy, view.lang));
        if let Some(head) = &check.head {
            let short: String = head.hash.chars().take(16).collect();
            ui.label(egui::RichText::new(format!("✔ {}…", (j.chain_intact)(head.records, &short))).weak());
        }
        if let Some(note) = legacy {
            ui.label(egui::RichText::new(note).weak());
        }
        ui.add_space(theme::SPACE_S);
        return;
    }
    egui::Frame::new()
        .fill(tokens.error_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let strong = tokens.strong_text;
            ui.label(
                egui::RichText::new(format!("▲ {}", j.chain_broken))
                    .strong()
                    .color(strong),
            );
            for problem in check.problems.iter().take(8) {
                ui.label(
                    egui::RichText::new(format!("• {}", problem_text(problem, view.lang))).color(strong),
                );
            }
            if check.problems.len() > 8 {
                ui.label(egui::RichText::new((t.home.and_more)(check.problems.len() - 8)).color(strong));
            }
            ui.label(egui::RichText::new(j.chain_broken_help).color(strong));
            if ui.button(t.open_backup).clicked() {
                commands.push(HouseholdCommand::OpenBackup(HouseholdFileKind::Journal).into());
            }
        });
    ui.add_space(theme::SPACE_S);
}
