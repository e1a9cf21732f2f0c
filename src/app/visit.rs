//! The référent's visit: the header form, the step-by-step walk (one item at
//! a time, large previous and next buttons, usable on a laptop carried
//! through the home) and the sign-off.

use chrono::NaiveDate;

use super::pages::{Steps, View, steps_ui};
use super::walkthrough::{Walk, sections};
use super::{Action, Page, theme};
use crate::i18n::Tr;
use crate::library::Library;
use crate::model::checklist::{Item, Section};
use crate::model::dates::{DateError, parse_date};
use crate::model::visit::{SignOff, Visit, split_people};
use crate::model::{Dossier, Progress, Status};

/// Size of the finding buttons.
const FINDING_BUTTON: egui::Vec2 = egui::vec2(140.0, 40.0);

/// The visit header as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisitDraft {
    /// The référent's name.
    pub referent_name: String,
    /// The référent's unit.
    pub referent_unit: String,
    /// The household.
    pub household: String,
    /// The date as typed.
    pub date: String,
    /// The place.
    pub place: String,
    /// The people present, one per line.
    pub present: String,
    /// The address (optional, sensitive).
    pub address: String,
    /// Whether saving was tried (to show what is missing).
    pub attempted: bool,
}

/// What keeps a form from being saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormProblem {
    /// The référent's name is missing.
    ReferentName,
    /// The household is missing.
    Household,
    /// A name of the sign-off is missing.
    Names,
    /// The date is missing or wrong.
    Date(DateError),
}

/// Whether two forms hold the same text, the flag `attempted` returns
/// (whether saving was tried) aside.
fn same_text<T: Clone + PartialEq>(a: &T, b: &T, attempted: fn(&mut T) -> &mut bool) -> bool {
    let mut b = b.clone();
    *attempted(&mut b) = *attempted(&mut a.clone());
    *a == b
}

fn problem_text(t: &Tr, problem: FormProblem) -> &'static str {
    match problem {
        FormProblem::ReferentName => t.need_referent_name,
        FormProblem::Household => t.need_household,
        FormProblem::Names => t.need_both_names,
        FormProblem::Date(DateError::Missing) => t.date_missing,
        FormProblem::Date(DateError::Invalid) => t.date_invalid,
    }
}

impl VisitDraft {
    /// The form for `visit`, or an empty one dated `today`.
    #[must_use]
    pub fn from_visit(visit: Option<&Visit>, today: NaiveDate, date_format: &str) -> Self {
        let Some(v) = visit else {
            return Self {
                date: today.format(date_format).to_string(),
                ..Self::default()
            };
        };
        Self {
            referent_name: v.referent_name.clone(),
            referent_unit: v.referent_unit.clone(),
            household: v.household.clone(),
            date: v.date.format(date_format).to_string(),
            place: v.place.clone(),
            present: v.present.join("\n"),
            address: v.address.clone().unwrap_or_default(),
            attempted: false,
        }
    }

    /// Whether both forms hold the same text (whether saving was tried
    /// aside).
    #[must_use]
    pub fn same_fields(&self, other: &Self) -> bool {
        same_text(self, other, |form| &mut form.attempted)
    }

    /// The visit, or every problem in the form.
    pub fn to_visit(&self) -> Result<Visit, Vec<FormProblem>> {
        let mut problems = Vec::new();
        if self.referent_name.trim().is_empty() {
            problems.push(FormProblem::ReferentName);
        }
        if self.household.trim().is_empty() {
            problems.push(FormProblem::Household);
        }
        let date = parse_date(&self.date).map_err(|e| problems.push(FormProblem::Date(e)));
        match date {
            Ok(date) if problems.is_empty() => Ok(Visit {
                referent_name: self.referent_name.trim().to_owned(),
                referent_unit: self.referent_unit.trim().to_owned(),
                household: self.household.trim().to_owned(),
                date,
                place: self.place.trim().to_owned(),
                present: split_people(&self.present),
                address: Some(self.address.trim().to_owned()).filter(|a| !a.is_empty()),
            }),
            _ => Err(problems),
        }
    }
}

/// The sign-off as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignOffDraft {
    /// The référent's name.
    pub referent_name: String,
    /// The household member's name.
    pub household_name: String,
    /// The date as typed.
    pub date: String,
    /// Whether signing was tried.
    pub attempted: bool,
}

impl SignOffDraft {
    /// The form for the dossier's sign-off, or a new one: the référent's
    /// name from the visit header, dated `today`; the household member
    /// types their own name.
    #[must_use]
    pub fn for_dossier(dossier: &Dossier, today: NaiveDate, date_format: &str) -> Self {
        if let Some(s) = &dossier.signoff {
            return Self {
                referent_name: s.referent_name.clone(),
                household_name: s.household_name.clone(),
                date: s.date.format(date_format).to_string(),
                attempted: false,
            };
        }
        Self {
            referent_name: dossier
                .visit
                .as_ref()
                .map(|v| v.referent_name.clone())
                .unwrap_or_default(),
            household_name: String::new(),
            date: today.format(date_format).to_string(),
            attempted: false,
        }
    }

    /// Whether both forms hold the same text (whether signing was tried
    /// aside).
    #[must_use]
    pub fn same_fields(&self, other: &Self) -> bool {
        same_text(self, other, |form| &mut form.attempted)
    }

    /// The sign-off, or every problem in the form.
    pub fn to_signoff(&self) -> Result<SignOff, Vec<FormProblem>> {
        let mut problems = Vec::new();
        if self.referent_name.trim().is_empty() || self.household_name.trim().is_empty() {
            problems.push(FormProblem::Names);
        }
        let date = parse_date(&self.date).map_err(|e| problems.push(FormProblem::Date(e)));
        match date {
            Ok(date) if problems.is_empty() => Ok(SignOff {
                referent_name: self.referent_name.trim().to_owned(),
                household_name: self.household_name.trim().to_owned(),
                date,
            }),
            _ => Err(problems),
        }
    }
}

/// One step of the visit: an item, its zone, and where it stands.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The zone (section).
    pub section: &'a Section,
    /// The item.
    pub item: &'a Item,
    /// 1-based position in the zone.
    pub in_zone: usize,
    /// Number of items of the zone.
    pub zone_len: usize,
}

/// The visit's steps: every item that applies to the household, zone by
/// zone.
#[must_use]
pub fn visit_steps<'a>(dossier: &Dossier, library: &'a Library) -> Vec<Step<'a>> {
    let mut steps = Vec::new();
    for (_, section) in sections(dossier, library) {
        let items: Vec<&Item> = section.items.iter().filter(|i| dossier.applies(i)).collect();
        let zone_len = items.len();
        for (i, item) in items.into_iter().enumerate() {
            steps.push(Step {
                section,
                item,
                in_zone: i + 1,
                zone_len,
            });
        }
    }
    steps
}

/// A labelled single-line text field.
pub fn field_ui(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) -> egui::Response {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(360.0),
    )
    .labelled_by(label.id)
}

fn problems_ui(ui: &mut egui::Ui, view: &View<'_>, problems: &[FormProblem]) {
    for &p in problems {
        ui.colored_label(view.tokens.critical, problem_text(view.t, p));
    }
}

/// The visit header form.
pub fn visit_header_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &mut Walk, actions: &mut Vec<Action>) {
    let t = view.t;
    let draft = &mut walk.drafts.visit;
    egui::Panel::bottom("visit_header_buttons").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        if ui
            .add(egui::Button::new(egui::RichText::new(t.start_visit).strong()).min_size(theme::BIG_BUTTON))
            .clicked()
        {
            actions.push(Action::SaveVisit);
        }
        if draft.attempted
            && let Err(problems) = draft.to_visit()
        {
            problems_ui(ui, view, &problems);
        }
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.visit_title);
            ui.label(egui::RichText::new(t.visit_help).weak());
            ui.add_space(theme::SPACE_M);
            field_ui(ui, t.referent_name, &mut draft.referent_name, "");
            field_ui(ui, t.referent_unit, &mut draft.referent_unit, "");
            field_ui(ui, t.household, &mut draft.household, "");
            field_ui(ui, t.visit_date, &mut draft.date, t.date_hint);
            field_ui(ui, t.place, &mut draft.place, "");
            let label = ui.label(t.people_present);
            ui.add(
                egui::TextEdit::multiline(&mut draft.present)
                    .desired_rows(3)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            ui.add_space(theme::SPACE_M);
            field_ui(ui, t.address, &mut draft.address, "");
            ui.colored_label(
                view.tokens.priority(crate::model::Priority::High),
                t.address_sensitive,
            );
        });
    });
}

/// The step-by-step visit, at step `index`.
pub fn visit_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &Walk, index: usize, actions: &mut Vec<Action>) {
    let t = view.t;
    let steps = visit_steps(&walk.dossier, view.library);
    let index = index.min(steps.len().saturating_sub(1));
    let stepper = Steps {
        index,
        count: steps.len(),
        page: Page::Visit,
        then: Page::SignOff,
        then_text: t.to_signoff,
    };
    steps_ui(ui, "visit_buttons", t, &stepper, actions);
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(step) = steps.get(index) else {
            ui.label(t.nothing_to_visit);
            return;
        };
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 900.0);
            let item = step.item;
            ui.label(
                egui::RichText::new(step.section.title.get(view.lang))
                    .size(24.0)
                    .strong(),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new((t.zone_position)(step.in_zone, step.zone_len)).size(16.0));
                ui.label(egui::RichText::new((t.visit_position)(index + 1, steps.len())).weak());
            });
            ui.add_space(theme::SPACE_L);
            ui.label(
                egui::RichText::new(format!("■ {}", (t.priority_name)(item.priority)))
                    .color(view.tokens.priority(item.priority))
                    .strong(),
            );
            ui.label(egui::RichText::new(item.title.get(view.lang)).size(20.0).strong());
            ui.add_space(theme::SPACE_M);
            ui.strong(t.finding);
            let status = walk.dossier.status(&item.id);
            ui.horizontal_wrapped(|ui| {
                for choice in [Status::Done, Status::Partly, Status::Todo, Status::NotApplicable] {
                    let text = egui::RichText::new((t.finding_name)(choice)).size(17.0);
                    let button = egui::Button::new(text)
                        .selected(choice == status)
                        .min_size(FINDING_BUTTON);
                    if ui.add(button).clicked() {
                        let new = if choice == status {
                            Status::Unanswered
                        } else {
                            choice
                        };
                        actions.push(Action::SetStatus(item.id.clone(), new));
                    }
                }
            });
            ui.add_space(theme::SPACE_M);
            let mut note = walk.dossier.note(&item.id).to_owned();
            let label = ui.strong(t.observation);
            let edit = ui
                .add(
                    egui::TextEdit::multiline(&mut note)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text(t.note_hint),
                )
                .labelled_by(label.id);
            if edit.changed() {
                actions.push(Action::SetNote(item.id.clone(), note));
            }
            let mut recommendation = walk
                .dossier
                .answer(&item.id)
                .map(|a| a.recommendation.clone())
                .unwrap_or_default();
            let label = ui.strong(t.recommendation);
            let edit = ui
                .add(
                    egui::TextEdit::multiline(&mut recommendation)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if edit.changed() {
                actions.push(Action::SetRecommendation(item.id.clone(), recommendation));
            }
            ui.add_space(theme::SPACE_M);
            egui::CollapsingHeader::new(t.guidance_and_sources)
                .id_salt(("visit_details", item.id.as_str()))
                .show(ui, |ui| {
                    ui.label(item.guidance.get(view.lang));
                    ui.add_space(theme::SPACE_S);
                    ui.label(egui::RichText::new(t.sources).weak());
                    for source in &item.sources {
                        ui.hyperlink(source);
                    }
                });
        });
    });
}

/// The sign-off.
pub fn signoff_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &mut Walk, actions: &mut Vec<Action>) {
    let t = view.t;
    let p = Progress::of_dossier(&walk.dossier, &view.library.checklists);
    let signed = walk.dossier.signoff.clone();
    let draft = &mut walk.drafts.signoff;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.signoff_title);
            if let Some(visit) = &walk.dossier.visit {
                let referent = if visit.referent_unit.is_empty() {
                    visit.referent_name.clone()
                } else {
                    format!("{} ({})", visit.referent_name, visit.referent_unit)
                };
                ui.label(format!(
                    "{referent} — {} — {}",
                    visit.household,
                    visit.date.format(t.date_format)
                ));
            }
            ui.label((t.findings_summary)(
                p.done,
                p.partly,
                p.todo,
                p.not_applicable,
                p.total - p.answered,
            ));
            ui.add_space(theme::SPACE_M);
            ui.label(egui::RichText::new(t.signoff_help).weak());
            ui.add_space(theme::SPACE_M);
            field_ui(ui, t.referent_name, &mut draft.referent_name, "");
            field_ui(ui, t.signoff_household, &mut draft.household_name, "");
            field_ui(ui, t.signoff_date, &mut draft.date, t.date_hint);
            ui.add_space(theme::SPACE_M);
            if ui
                .add(egui::Button::new(egui::RichText::new(t.sign).strong()).min_size(theme::BIG_BUTTON))
                .clicked()
            {
                actions.push(Action::SignOff);
            }
            if draft.attempted
                && let Err(problems) = draft.to_signoff()
            {
                problems_ui(ui, view, &problems);
            }
            if let Some(s) = signed {
                ui.add_space(theme::SPACE_M);
                ui.strong((t.signed)(
                    &s.date.format(t.date_format).to_string(),
                    &s.referent_name,
                    &s.household_name,
                ));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_header_form_says_what_is_missing() {
        let mut draft = VisitDraft::from_visit(None, today(), "%d/%m/%Y");
        assert_eq!(draft.date, "22/11/2026");
        draft.date = "31/02/2026".into();
        assert_eq!(
            draft.to_visit(),
            Err(vec![
                FormProblem::ReferentName,
                FormProblem::Household,
                FormProblem::Date(DateError::Invalid)
            ])
        );
        draft.referent_name = "Adjudant Martin".into();
        draft.household = "Famille D.".into();
        draft.date = "2026-11-22".into();
        draft.present = "Mme D.\nM. D.".into();
        let visit = draft.to_visit().unwrap();
        assert_eq!(visit.present.len(), 2);
        assert_eq!(visit.address, None, "an empty address is no address");
        assert_eq!(
            VisitDraft::from_visit(Some(&visit), today(), "%d/%m/%Y").household,
            "Famille D."
        );
    }

    #[test]
    fn forms_compare_their_text_not_whether_saving_was_tried() {
        let shown = VisitDraft::from_visit(None, today(), "%d/%m/%Y");
        let mut typed = shown.clone();
        typed.attempted = true;
        assert!(typed.same_fields(&shown) && shown.same_fields(&typed));
        typed.place = "Lyon".into();
        assert!(!typed.same_fields(&shown));
        let signoff = SignOffDraft {
            attempted: true,
            ..SignOffDraft::default()
        };
        assert!(signoff.same_fields(&SignOffDraft::default()));
        let named = SignOffDraft {
            household_name: "Claire".into(),
            ..SignOffDraft::default()
        };
        assert!(!named.same_fields(&signoff));
    }

    #[test]
    fn the_signoff_needs_both_names() {
        let d = Dossier::new(
            "v",
            crate::model::Journey::Referent,
            vec![],
            None,
            chrono::Utc::now(),
        );
        let mut draft = SignOffDraft::for_dossier(&d, today(), "%Y-%m-%d");
        assert_eq!(draft.to_signoff(), Err(vec![FormProblem::Names]));
        draft.referent_name = "Martin".into();
        draft.household_name = "Claire".into();
        assert_eq!(draft.to_signoff().unwrap().date, today());
    }
}
