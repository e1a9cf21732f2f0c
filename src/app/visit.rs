//! The référent's visit: the header form, the step-by-step walk (one item at
//! a time, large previous and next buttons, usable on a laptop carried
//! through the home) and the sign-off.
//!
//! What is typed in the header and the sign-off is sent as it is typed and
//! kept in the dossier as a draft (autosaved, never lost) until it is
//! complete and saved.

use super::command::{Command, Signing};
use super::pages::{Steps, View, steps_ui};
use super::state::{Page, Session};
use super::{theme, widgets};
use crate::i18n::Tr;
use crate::model::checklist::ItemId;
use crate::model::dates::DateError;
use crate::model::forms::{FormProblem, SignOffForm, VisitForm};
use crate::model::{Progress, Status};

/// Size of the finding buttons.
const FINDING_BUTTON: egui::Vec2 = egui::vec2(150.0, 40.0);

/// What a form problem says.
#[must_use]
pub fn problem_text(t: &Tr, problem: FormProblem) -> &'static str {
    match problem {
        FormProblem::ReferentName => t.need_referent_name,
        FormProblem::Household => t.need_household,
        FormProblem::Names => t.need_both_names,
        FormProblem::MemberName => t.journeys.need_member_name,
        FormProblem::Date(DateError::Missing) => t.date_missing,
        FormProblem::Date(DateError::Invalid) => t.date_invalid,
        FormProblem::Date(DateError::NoSuchDay) => t.journeys.date_no_such_day,
        FormProblem::SignedBeforeVisit => t.journeys.signed_before_visit,
        FormProblem::SignedInFuture => t.journeys.signed_in_future,
    }
}

/// A labelled single-line text field; returns whether it changed.
pub fn field_ui(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) -> egui::Response {
    let shown = ui.label(label);
    // Named by its label, so that a line appearing above it (the draft's
    // note, on the first letter typed) does not take its focus away.
    ui.add(
        egui::TextEdit::singleline(text)
            .id_salt(("field", label))
            .hint_text(hint)
            .desired_width(360.0),
    )
    .labelled_by(shown.id)
}

fn problems_ui(ui: &mut egui::Ui, view: &View<'_>, problems: &[FormProblem]) {
    for &p in problems {
        ui.colored_label(view.tokens.critical, problem_text(view.t, p));
    }
}

/// The visit header form.
pub fn visit_header_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    attempted: &mut bool,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let dossier = &session.dossier;
    let saved = VisitForm::of(dossier.visit.as_ref(), view.today, t.date_format);
    let mut form = dossier.drafts.visit.clone().unwrap_or_else(|| saved.clone());
    egui::Panel::bottom("visit_header_buttons").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        let text = if dossier.visit.is_some() {
            t.journeys.save_visit
        } else {
            t.start_visit
        };
        let button = egui::Button::new(egui::RichText::new(text).strong()).min_size(theme::BIG_BUTTON);
        if ui.add(button).clicked() {
            match form.to_visit() {
                Ok(visit) => commands.push(Command::SaveVisit(visit)),
                Err(_) => *attempted = true,
            }
        }
        if *attempted && let Err(problems) = form.to_visit() {
            problems_ui(ui, view, &problems);
        }
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.visit_title);
            ui.label(egui::RichText::new(t.visit_help).weak());
            if dossier.drafts.visit.is_some() {
                ui.colored_label(
                    view.tokens.priority(crate::model::Priority::High),
                    t.journeys.form_draft_kept,
                );
            }
            ui.add_space(theme::SPACE_M);
            let mut changed = false;
            changed |= field_ui(ui, t.referent_name, &mut form.referent_name, "").changed();
            changed |= field_ui(ui, t.referent_unit, &mut form.referent_unit, "").changed();
            changed |= field_ui(ui, t.household, &mut form.household, "").changed();
            changed |= field_ui(ui, t.visit_date, &mut form.date, t.date_hint).changed();
            changed |= field_ui(ui, t.place, &mut form.place, "").changed();
            let label = ui.label(t.people_present);
            changed |= ui
                .add(
                    egui::TextEdit::multiline(&mut form.present)
                        .id_salt("present")
                        .hint_text(t.journeys.people_present_hint)
                        .desired_rows(3)
                        .desired_width(360.0),
                )
                .labelled_by(label.id)
                .changed();
            ui.add_space(theme::SPACE_M);
            changed |= field_ui(ui, t.address, &mut form.address, "").changed();
            ui.colored_label(
                view.tokens.priority(crate::model::Priority::High),
                t.address_sensitive,
            );
            if changed {
                commands.push(Command::EditVisitForm(form));
            }
        });
    });
}

/// The step-by-step visit, at step `index`.
pub fn visit_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    index: usize,
    keyboard: bool,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let dossier = &session.dossier;
    let steps = dossier.visit_steps(&view.library.checklists);
    let index = index.min(steps.len().saturating_sub(1));
    let stepper = Steps {
        index,
        count: steps.len(),
        page: Page::Visit,
        then: Page::SignOff,
        then_text: t.to_signoff,
        status_keys: true,
    };
    let key = steps_ui(ui, "visit_buttons", t, &stepper, keyboard, commands);
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(step) = steps.get(index) else {
            ui.label(t.nothing_to_visit);
            return;
        };
        let item = step.item;
        let status = dossier.status(&item.id);
        if let Some(new) = key.filter(|&new| new != status) {
            commands.push(Command::SetStatus(item.id.clone(), new));
        }
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 900.0);
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
            widgets::priority_badge(ui, t, view.tokens, item.priority);
            ui.label(egui::RichText::new(item.title.get(view.lang)).size(20.0).strong());
            ui.add_space(theme::SPACE_M);
            ui.strong(t.finding);
            ui.horizontal_wrapped(|ui| {
                for choice in [Status::Done, Status::Partly, Status::Todo, Status::NotApplicable] {
                    let text = egui::RichText::new((t.finding_name)(choice)).size(17.0);
                    let button = egui::Button::new(text)
                        .selected(choice == status)
                        .min_size(FINDING_BUTTON);
                    // Clicking the finding already chosen keeps it: clearing
                    // is its own, deliberate button.
                    if ui.add(button).clicked() && choice != status {
                        commands.push(Command::SetStatus(item.id.clone(), choice));
                    }
                }
                if status != Status::Unanswered
                    && ui
                        .button(t.journeys.clear_finding)
                        .on_hover_text(t.journeys.clear_finding_help)
                        .clicked()
                {
                    commands.push(Command::SetStatus(item.id.clone(), Status::Unanswered));
                }
            });
            ui.add_space(theme::SPACE_M);
            let (_, note) = widgets::note_editor(
                ui,
                egui::RichText::new(t.observation).strong(),
                dossier.note(&item.id),
                t.note_hint,
                3,
            );
            if let Some(note) = note {
                commands.push(Command::SetNote(item.id.clone(), note));
            }
            let current = dossier.answer(&item.id).map_or("", |a| a.recommendation.as_str());
            let (_, recommendation) =
                widgets::note_editor(ui, egui::RichText::new(t.recommendation).strong(), current, "", 3);
            if let Some(text) = recommendation {
                commands.push(Command::SetRecommendation(item.id.clone(), text));
            }
            ui.add_space(theme::SPACE_M);
            super::photo_strip::strip_ui(
                ui,
                view,
                session,
                &item.id,
                super::photo_strip::StripMode::Step,
                commands,
            );
            ui.add_space(theme::SPACE_M);
            widgets::guidance_fold(ui, t, view.lang, item, None);
        });
    });
}

/// The sign-off.
pub fn signoff_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    attempted: &mut bool,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let dossier = &session.dossier;
    let p = Progress::of_dossier(dossier, &view.library.checklists);
    let saved = SignOffForm::of(
        dossier.signoff.as_ref(),
        dossier.visit.as_ref(),
        view.today,
        t.date_format,
    );
    let mut form = dossier.drafts.signoff.clone().unwrap_or_else(|| saved.clone());
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.signoff_title);
            if let Some(visit) = &dossier.visit {
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
            let unseen = p.total - p.answered;
            ui.label((t.findings_summary)(
                p.done,
                p.partly,
                p.todo,
                p.not_applicable,
                unseen,
            ));
            attested_ui(ui, view, dossier);
            ui.add_space(theme::SPACE_M);
            ui.label(egui::RichText::new(t.signoff_help).weak());
            ui.add_space(theme::SPACE_M);
            let mut changed = false;
            changed |= field_ui(ui, t.referent_name, &mut form.referent_name, "").changed();
            changed |= field_ui(ui, t.signoff_household, &mut form.household_name, "").changed();
            changed |= field_ui(ui, t.signoff_date, &mut form.date, t.date_hint).changed();
            ui.add_space(theme::SPACE_M);
            let text = if dossier.signoff.is_some() {
                t.journeys.sign_again
            } else {
                t.sign
            };
            let button = egui::Button::new(egui::RichText::new(text).strong()).min_size(theme::BIG_BUTTON);
            let checked = form.to_names(dossier.visit.as_ref().map(|v| v.date), view.today);
            if ui.add(button).clicked() {
                match &checked {
                    Ok((referent_name, household_name, date)) => {
                        let signing = Signing {
                            referent_name: referent_name.clone(),
                            household_name: household_name.clone(),
                            date: *date,
                        };
                        // Signing again, or with points not seen, asks first.
                        commands.push(if unseen > 0 || dossier.signoff.is_some() {
                            Command::AskSign {
                                unseen,
                                replacing: dossier.signoff.clone().map(Box::new),
                                signing,
                            }
                        } else {
                            Command::SignOff(signing)
                        });
                    }
                    Err(_) => *attempted = true,
                }
            }
            if *attempted && let Err(problems) = &checked {
                problems_ui(ui, view, problems);
            }
            if let Some(s) = &dossier.signoff {
                ui.add_space(theme::SPACE_M);
                ui.strong((t.signed)(
                    &s.date.format(t.date_format).to_string(),
                    &s.referent_name,
                    &s.household_name,
                ));
                changes_ui(ui, view, session);
            }
            for earlier in dossier.earlier_signoffs.iter().rev() {
                let s = &earlier.signoff;
                let replaced = earlier.replaced_at.with_timezone(&chrono::Local).date_naive();
                ui.label(
                    egui::RichText::new((t.journeys.earlier_signed)(
                        &s.date.format(t.date_format).to_string(),
                        &s.referent_name,
                        &s.household_name,
                        &replaced.format(t.date_format).to_string(),
                    ))
                    .weak(),
                );
            }
            if changed {
                commands.push(Command::EditSignOffForm(form));
            }
        });
    });
}

/// How many of the findings to deal with the sign-off page lists.
const ATTESTED_SHOWN: usize = 12;

/// The findings that the two people attest were presented: those to deal
/// with, critical first, then not compliant before to improve.
fn attested_ui(ui: &mut egui::Ui, view: &View<'_>, dossier: &crate::model::Dossier) {
    let t = view.t;
    let mut failing: Vec<_> = dossier
        .visit_steps(&view.library.checklists)
        .into_iter()
        .filter(|s| matches!(dossier.status(&s.item.id), Status::Todo | Status::Partly))
        .collect();
    if failing.is_empty() {
        return;
    }
    failing.sort_by_key(|s| (s.item.priority, dossier.status(&s.item.id) != Status::Todo));
    ui.add_space(theme::SPACE_S);
    ui.strong(t.journeys.attested_findings);
    for step in failing.iter().take(ATTESTED_SHOWN) {
        let item = step.item;
        let finding = (t.finding_name)(dossier.status(&item.id));
        let mut line = format!("• {} — {finding}", item.title.get(view.lang));
        if item.priority == crate::model::Priority::Critical {
            line = format!("{line} ({})", (t.priority_name)(item.priority));
        }
        ui.label(line);
    }
    if failing.len() > ATTESTED_SHOWN {
        ui.label(egui::RichText::new((t.journeys.more_attested)(failing.len() - ATTESTED_SHOWN)).weak());
    }
}

/// What changed in a signed visit since it was signed, point by point.
fn changes_ui(ui: &mut egui::Ui, view: &View<'_>, session: &Session) {
    let t = view.t;
    let Some(changes) = session.dossier.changes_since_signed() else {
        return;
    };
    if changes.is_empty() {
        ui.label(egui::RichText::new(t.journeys.unchanged_since_signed).weak());
        return;
    }
    ui.add_space(theme::SPACE_S);
    ui.colored_label(
        view.tokens.critical,
        egui::RichText::new(t.journeys.changes_since_signed_title).strong(),
    );
    let steps = session.dossier.visit_steps(&view.library.checklists);
    let changes = changes.in_visit_order(&steps);
    let title = |id: &ItemId| {
        steps
            .iter()
            .find(|s| &s.item.id == id)
            .map_or_else(|| id.to_string(), |s| s.item.title.get(view.lang).to_owned())
    };
    for line in crate::words::signoff_changes(view.lang, &changes, &title) {
        ui.label(format!("• {line}"));
    }
    ui.label(egui::RichText::new(t.journeys.sign_again_help).weak());
}
