//! The action plan screen: the open items of the dossier, most important
//! first then by due date, each with an owner and a due date; overdue items
//! stand out. Also the next review date, and what changed since the
//! previous dossier when the dossier reviews one.

use super::pages::View;
use super::walkthrough::Walk;
use super::{Action, rows, theme};
use crate::i18n::Tr;
use crate::model::checklist::Journey;
use crate::model::dates::parse_optional_date;
use crate::model::plan::action_plan;
use crate::model::{Progress, Status};

/// The status names of a journey: findings for a référent's visit.
#[must_use]
pub fn status_names(t: &Tr, journey: Journey) -> fn(Status) -> &'static str {
    if journey == Journey::Referent {
        t.finding_name
    } else {
        t.status_name
    }
}

/// A date field editing `text`; returns the date when the text is a valid
/// date (or empty: `Some(None)`), and shows why otherwise.
#[expect(
    clippy::option_option,
    reason = "no edit, or an edit that sets or clears the date"
)]
fn date_field_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    label: &str,
    text: &mut String,
) -> Option<Option<chrono::NaiveDate>> {
    let label = ui.label(label);
    let edit = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(view.t.date_hint)
                .desired_width(100.0),
        )
        .labelled_by(label.id);
    if let Ok(date) = parse_optional_date(text) {
        edit.changed().then_some(date)
    } else {
        ui.colored_label(view.tokens.critical, view.t.date_invalid);
        None
    }
}

/// The action plan screen.
pub fn plan_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &mut Walk, actions: &mut Vec<Action>) {
    let t = view.t;
    let checklists = &view.library.checklists;
    let names = status_names(t, walk.dossier.journey);
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                ui.heading(t.plan_title);
                ui.label(egui::RichText::new(t.plan_help).weak());
                ui.add_space(theme::SPACE_M);

                let dossier = &walk.dossier;
                let review = walk.drafts.review_due.get_or_insert_with(|| {
                    dossier
                        .review_due
                        .map(|d| d.format(t.date_format).to_string())
                        .unwrap_or_default()
                });
                ui.horizontal_wrapped(|ui| {
                    if let Some(date) = date_field_ui(ui, view, t.review_due_label, review) {
                        actions.push(Action::SetReviewDue(date));
                    }
                    if let Some(due) = dossier.review_due
                        && dossier.review_is_due(view.today)
                    {
                        let due = due.format(t.date_format).to_string();
                        ui.colored_label(view.tokens.critical, (t.review_due_badge)(&due));
                    }
                });
                ui.add_space(theme::SPACE_M);

                if let Some(changes) = dossier.changes(checklists)
                    && let Some(baseline) = &dossier.baseline
                {
                    let date = baseline
                        .modified
                        .with_timezone(&chrono::Local)
                        .format(t.date_format)
                        .to_string();
                    ui.strong((t.changes_since)(&baseline.title, &date));
                    for (title, items) in [
                        ((t.newly_done)(changes.newly_done.len()), &changes.newly_done),
                        (
                            (t.newly_failing)(changes.newly_failing.len()),
                            &changes.newly_failing,
                        ),
                        ((t.still_open)(changes.still_open.len()), &changes.still_open),
                    ] {
                        egui::CollapsingHeader::new(title)
                            .default_open(!items.is_empty() && items.len() <= 8)
                            .show(ui, |ui| {
                                for item in items {
                                    ui.label(format!("• {}", item.title.get(view.lang)));
                                }
                            });
                    }
                    ui.add_space(theme::SPACE_M);
                    ui.separator();
                }

                let plan = action_plan(dossier, checklists, view.today);
                let p = Progress::of_dossier(dossier, checklists);
                if plan.is_empty() {
                    ui.label(t.plan_empty);
                }
                let unanswered = p.total - p.answered;
                if unanswered > 0 {
                    ui.label(egui::RichText::new((t.not_in_plan)(unanswered)).weak());
                }
                ui.add_space(theme::SPACE_S);
                // Only the entries in view are drawn when the plan is long.
                let id = ui.scope_id().with("plan");
                rows::list_ui(ui, id, plan.len(), viewport, None, |ui, index| {
                    let entry = &plan[index];
                    let item = entry.item;
                    let stroke = if entry.overdue {
                        egui::Stroke::new(1.5, view.tokens.critical)
                    } else {
                        ui.visuals().widgets.noninteractive.bg_stroke
                    };
                    theme::card(view.tokens.card_bg, stroke).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.push_id(item.id.as_str(), |ui| {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(
                                    egui::RichText::new(format!("■ {}", (t.priority_name)(item.priority)))
                                        .color(view.tokens.priority(item.priority))
                                        .strong(),
                                );
                                let status = if dossier.journey == Journey::Referent {
                                    (t.finding_of)(names(entry.status))
                                } else {
                                    names(entry.status).to_owned()
                                };
                                ui.colored_label(view.tokens.status(entry.status), status);
                                ui.label(egui::RichText::new(item.title.get(view.lang)).strong());
                            });
                            ui.label(
                                egui::RichText::new(entry.section.title.get(view.lang))
                                    .weak()
                                    .small(),
                            );
                            ui.horizontal_wrapped(|ui| {
                                let mut owner = entry.owner.to_owned();
                                let label = ui.label(t.owner);
                                let edit = ui
                                    .add(
                                        egui::TextEdit::singleline(&mut owner)
                                            .hint_text(t.owner_hint)
                                            .desired_width(180.0),
                                    )
                                    .labelled_by(label.id);
                                if edit.changed() {
                                    actions.push(Action::SetOwner(item.id.clone(), owner));
                                }
                                let due = walk.drafts.due.entry(item.id.clone()).or_insert_with(|| {
                                    entry
                                        .due
                                        .map(|d| d.format(t.date_format).to_string())
                                        .unwrap_or_default()
                                });
                                if let Some(date) = date_field_ui(ui, view, t.due, due) {
                                    actions.push(Action::SetDue(item.id.clone(), date));
                                }
                                if entry.overdue {
                                    ui.colored_label(
                                        view.tokens.critical,
                                        egui::RichText::new(t.overdue).strong(),
                                    );
                                }
                            });
                        });
                    });
                    ui.add_space(theme::SPACE_S);
                });
            });
    });
}
