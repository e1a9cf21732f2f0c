//! The action plan screen: every open item of the dossier (the one plan
//! that the summary, the printed report and the home screen also show),
//! most important first, each with an owner and a due date; overdue items
//! stand out. Also the next review date, and what changed since the
//! previous dossier when the dossier reviews one.
//!
//! A date is taken when its field loses the keyboard or on Enter, never
//! while it is typed, so that the list never moves under the user's hands;
//! a date typed wrong stays in its field, with why, until corrected.

use std::collections::BTreeMap;

use super::command::Command;
use super::pages::{View, status_names};
use super::state::Session;
use super::{rows, theme, widgets};
use crate::model::checklist::{ItemId, Journey};
use crate::model::dates::parse_optional_date;
use crate::model::plan::action_plan;

/// Dates being typed on the action plan page, not taken yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanUi {
    /// Due dates as typed, by item.
    pub due: BTreeMap<ItemId, String>,
    /// The next review date as typed.
    pub review_due: Option<String>,
}

impl PlanUi {
    /// Whether a date typed is not a date (leaving would drop it).
    #[must_use]
    pub fn has_wrong_date(&self) -> bool {
        self.due
            .values()
            .chain(&self.review_due)
            .any(|text| parse_optional_date(text).is_err())
    }
}

/// The action plan screen.
pub fn plan_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    plan_ui: &mut PlanUi,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let dossier = &session.dossier;
    let checklists = &view.library.checklists;
    let names = status_names(t, dossier.journey);
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                ui.heading(t.plan_title);
                ui.label(egui::RichText::new(t.plan_help).weak());
                ui.add_space(theme::SPACE_M);
                ui.horizontal_wrapped(|ui| {
                    let review = &mut plan_ui.review_due;
                    if let Some(date) =
                        widgets::date_field_ui(ui, view, t.review_due_label, dossier.review_due, review)
                    {
                        commands.push(Command::SetReviewDue(date));
                    }
                    if let Some(due) = dossier.review_due
                        && dossier.review_is_due(view.today)
                    {
                        let due = due.format(t.date_format).to_string();
                        ui.colored_label(view.tokens.critical, (t.review_due_badge)(&due));
                    }
                });
                ui.add_space(theme::SPACE_M);
                changes_ui(ui, view, session);

                let plan = action_plan(dossier, checklists, view.today);
                if plan.is_empty() {
                    ui.label(t.plan_empty);
                } else {
                    let unanswered = plan
                        .iter()
                        .filter(|e| e.status == crate::model::Status::Unanswered)
                        .count();
                    ui.label((t.journeys.plan_counts)(
                        plan.len(),
                        unanswered,
                        dossier.journey == Journey::Referent,
                    ));
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
                                widgets::priority_badge(ui, t, view.tokens, item.priority);
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
                                    commands.push(Command::SetOwner(item.id.clone(), owner));
                                }
                                let mut typed = plan_ui.due.get(&item.id).cloned();
                                let taken = widgets::date_field_ui(ui, view, t.due, entry.due, &mut typed);
                                match typed {
                                    Some(text) => plan_ui.due.insert(item.id.clone(), text),
                                    None => plan_ui.due.remove(&item.id),
                                };
                                if let Some(date) = taken {
                                    commands.push(Command::SetDue(item.id.clone(), date));
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

/// What changed since the previous dossier, when this one reviews one.
fn changes_ui(ui: &mut egui::Ui, view: &View<'_>, session: &Session) {
    let t = view.t;
    let dossier = &session.dossier;
    let (Some(changes), Some(baseline)) = (dossier.changes(&view.library.checklists), &dossier.baseline)
    else {
        return;
    };
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
