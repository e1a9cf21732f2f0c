//! The home screen: the dossiers, with new, open, rename, duplicate and
//! delete; damaged files with their error and their backup; the user's
//! checklists that failed to load.

use super::{Action, AppState, rows, theme};
use crate::model::Progress;
use crate::store::Listed;

/// The home screen.
pub fn home_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    let today = chrono::Local::now().date_naive();
    egui::Panel::bottom("home_footer").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.label(
            egui::RichText::new((t.data_folder)(&state.store.root().display().to_string()))
                .weak()
                .small(),
        );
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(t.home_title);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(egui::RichText::new(t.new_dossier).strong()).clicked() {
                    actions.push(Action::StartNewDossier);
                }
            });
        });
        ui.add_space(theme::SPACE_M);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                if state.dossiers.is_empty() {
                    ui.add_space(theme::SPACE_L);
                    ui.label(t.no_dossier);
                }
                let mut dossier_ui = |ui: &mut egui::Ui, listed: &Listed| {
                    egui::Frame::group(ui.style())
                        .fill(tokens.card_bg)
                        .inner_margin(theme::SPACE_M)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            match &listed.dossier {
                                Ok(dossier) => {
                                    let p = Progress::of_dossier(dossier, &state.library.checklists);
                                    ui.horizontal_wrapped(|ui| {
                                        ui.label(egui::RichText::new(&dossier.title).strong().size(16.0));
                                        ui.label(
                                            egui::RichText::new((t.journey_name)(dossier.journey)).weak(),
                                        );
                                    });
                                    ui.horizontal_wrapped(|ui| {
                                        ui.add(
                                            egui::ProgressBar::new(p.answered_fraction())
                                                .desired_width(140.0)
                                                .text((t.answered_of)(p.answered, p.total)),
                                        );
                                        ui.label((t.score)(p.score())).on_hover_text(t.score_help);
                                        if p.open_critical > 0 {
                                            ui.colored_label(
                                                tokens.critical,
                                                (t.open_critical)(p.open_critical),
                                            );
                                        }
                                        let modified = dossier
                                            .modified
                                            .with_timezone(&chrono::Local)
                                            .format(t.datetime_format)
                                            .to_string();
                                        ui.label(egui::RichText::new((t.changed_on)(&modified)).weak());
                                        if dossier.journey == crate::model::Journey::Family {
                                            let members = dossier.member_cards(&state.library.checklists);
                                            let cards = members.iter().flat_map(|m| m.cards.iter());
                                            let (read, total) = cards.fold((0, 0), |(r, n), (_, ack)| {
                                                (r + usize::from(*ack), n + 1)
                                            });
                                            if total > 0 {
                                                ui.label((t.acks_count)(read, total));
                                            }
                                        }
                                        if let Some(due) = dossier.review_due
                                            && dossier.review_is_due(today)
                                        {
                                            let due = due.format(t.date_format).to_string();
                                            ui.colored_label(
                                                tokens.critical,
                                                egui::RichText::new((t.review_due_badge)(&due)).strong(),
                                            );
                                        }
                                    });
                                    ui.horizontal_wrapped(|ui| {
                                        if ui.button(egui::RichText::new(t.open).strong()).clicked() {
                                            actions.push(Action::Open(listed.id.clone()));
                                        }
                                        if ui.button(t.rename).clicked() {
                                            actions.push(Action::AskRename(listed.id.clone()));
                                        }
                                        if ui.button(t.duplicate).clicked() {
                                            actions.push(Action::Duplicate(listed.id.clone()));
                                        }
                                        if ui.button(t.new_review).clicked() {
                                            actions.push(Action::NewReview(listed.id.clone()));
                                        }
                                        if ui.button(t.delete).clicked() {
                                            actions.push(Action::AskDelete(listed.id.clone()));
                                        }
                                    });
                                }
                                Err(err) => {
                                    ui.label(egui::RichText::new(listed.path.display().to_string()).strong());
                                    ui.colored_label(tokens.critical, t.damaged_dossier);
                                    ui.label((t.store_error)(err));
                                    ui.horizontal_wrapped(|ui| {
                                        if listed.has_backup && ui.button(t.open_backup).clicked() {
                                            actions.push(Action::OpenBackup(listed.id.clone()));
                                        }
                                        if ui.button(t.delete).clicked() {
                                            actions.push(Action::AskDelete(listed.id.clone()));
                                        }
                                    });
                                }
                            }
                        });
                    ui.add_space(theme::SPACE_S);
                };
                // Only the dossiers in view are drawn when the list is long.
                let id = ui.scope_id().with("dossiers");
                rows::list_ui(ui, id, state.dossiers.len(), viewport, None, |ui, index| {
                    dossier_ui(ui, &state.dossiers[index]);
                });
                if !state.library.errors.is_empty() {
                    ui.add_space(theme::SPACE_L);
                    ui.strong(t.checklist_errors);
                    for err in &state.library.errors {
                        ui.colored_label(tokens.critical, err.describe(state.lang));
                    }
                }
            });
    });
}
