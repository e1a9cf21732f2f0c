//! The form of an entry of the log of events, new or amended (an
//! amendment is kept beside the original, never over it). What is
//! typed is sent as it is typed and kept in the journal as its draft
//! (saved with it), so that nothing is lost; *Save the entry* sends the
//! validated entry. At the top, the reminders: in danger now, call 17
//! first; never write a code, a password or a recovery phrase.
//!
//! The date and the time are taken when their field is left or on Enter,
//! never while they are typed; one typed wrong stays in its field, with
//! why, and the entry is not saved until it is corrected. An event dated
//! after now is refused.

use chrono::NaiveDateTime;

use super::command::Command;
use super::household_commands::HouseholdCommand;
use super::pages::View;
use super::photo_strip::{StripMode, album_strip_ui};
use super::photos::{Album, Destination};
use super::visit::problem_text;
use super::{theme, widgets};
use crate::i18n::Tr;
use crate::model::dates::parse_date;
use crate::model::forms::FormProblem;
use crate::model::journal::{
    Contact, ContactKind, DraftProblem, EntryDraft, EntryProblem, EventKind, Person, Reported, ReportedTo,
    TimeError, Vehicle, parse_time,
};
use crate::report::household_text::{contact_kind_name, event_kind_name, reported_to_name};

/// The width of the form's text fields.
const FIELD_WIDTH: f32 = 360.0;

/// The entry form, for the journal's draft.
pub fn form_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    draft: &EntryDraft,
    attempted: &mut bool,
    commands: &mut Vec<Command>,
) {
    let (t, j) = (view.t, view.t.journal);
    let checked = draft.to_entry(chrono::Local::now().naive_local());
    egui::Panel::bottom("entry_buttons").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            let text = if draft.is_new() {
                j.save_entry
            } else {
                j.save_amendment
            };
            let save = egui::Button::new(egui::RichText::new(text).strong()).min_size(theme::BIG_BUTTON);
            // The photos being added go into the entry first.
            let adding = view.photos.adding_to(&Destination::draft(draft)) > 0;
            let save = ui
                .add_enabled(!adding, save)
                .on_disabled_hover_text(t.photos.wait_for_photos);
            if save.clicked() {
                match &checked {
                    Ok(entry) => commands.push(HouseholdCommand::SaveEntry(Box::new(entry.clone())).into()),
                    Err(_) => *attempted = true,
                }
            }
            let discard = if draft.is_new() {
                j.discard_new
            } else {
                j.discard_amendment
            };
            if ui.button(discard).clicked() {
                commands.push(HouseholdCommand::AskDiscardDraft.into());
            }
        });
        if *attempted && let Err(problems) = &checked {
            for p in problems {
                ui.colored_label(view.tokens.critical, format!("▲ {}", problem(t, *p)));
            }
        }
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 820.0);
            reminders_ui(ui, view, commands);
            ui.add_space(theme::SPACE_M);
            ui.heading(if draft.is_new() {
                j.new_entry_title
            } else {
                j.amend_entry_title
            });
            if !draft.is_new() {
                ui.label(egui::RichText::new(j.amend_note).strong());
            }
            ui.colored_label(view.tokens.priority(crate::model::Priority::High), j.draft_kept);
            ui.add_space(theme::SPACE_M);
            let mut form = draft.clone();
            fields_ui(ui, view, &mut form, commands);
            if form != *draft {
                commands.push(HouseholdCommand::EditDraft(Box::new(form)).into());
            }
        });
    });
}

/// Why the entry cannot be saved yet, in words.
fn problem(t: &Tr, p: DraftProblem) -> String {
    let j = t.journal;
    match p {
        DraftProblem::Entry(EntryProblem::NothingWritten) => j.need_what.to_owned(),
        DraftProblem::Entry(EntryProblem::ReportedToNobody) => j.need_report_place.to_owned(),
        DraftProblem::Day(err) => format!("{}{}", j.day_is, problem_text(t, FormProblem::Date(err))),
        DraftProblem::Time(_) => j.time_invalid.to_owned(),
        DraftProblem::InFuture => j.in_future.to_owned(),
        DraftProblem::ReportDay(i, err) => format!(
            "{}{}",
            (j.report_day_is)(i + 1),
            problem_text(t, FormProblem::Date(err))
        ),
    }
}

/// In danger now: call 17 first. Never write a secret.
fn reminders_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let (j, tokens) = (view.t.journal, view.tokens);
    egui::Frame::new()
        .fill(tokens.error_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let strong = tokens.strong_text;
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(format!("▲ {}", j.danger_now))
                        .strong()
                        .color(strong),
                );
                if ui.button(j.emergency_sheet).clicked() {
                    commands.push(Command::ShowEmergency);
                }
            });
            ui.label(egui::RichText::new(format!("✖ {}", j.no_secrets)).color(strong));
        });
}

/// A field whose text is kept in `typed` while it is typed, and shows
/// `shown` otherwise; the caller takes it when the field is left.
fn typed_field(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    shown: String,
    typed: &mut Option<String>,
    width: f32,
) -> egui::Response {
    let mut text = typed.clone().unwrap_or(shown);
    let label = ui.label(label);
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(width),
        )
        .labelled_by(label.id);
    if edit.changed() {
        *typed = Some(text);
    }
    edit
}

/// A labelled one-line field.
fn line_field(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, width: f32) {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(width),
    )
    .labelled_by(label.id);
}

/// When it happened: the day and the time, taken when left.
fn when_ui(ui: &mut egui::Ui, view: &View<'_>, form: &mut EntryDraft) {
    let (t, j) = (view.t, view.t.journal);
    let when = form.entry.when;
    ui.horizontal_wrapped(|ui| {
        let shown = when.format(t.date_format).to_string();
        let day = typed_field(ui, j.day, t.date_hint, shown, &mut form.day, 110.0);
        if day.lost_focus()
            && let Some(Ok(d)) = form.day.as_deref().map(parse_date)
        {
            form.entry.when = NaiveDateTime::new(d, form.entry.when.time());
            form.day = None;
        }
        let shown = when.format("%H:%M").to_string();
        let time = typed_field(ui, j.time, j.time_hint, shown, &mut form.time, 70.0);
        if time.lost_focus()
            && let Some(Ok(at)) = form.time.as_deref().map(parse_time)
        {
            form.entry.when = NaiveDateTime::new(form.entry.when.date(), at);
            form.time = None;
        }
        if !day.has_focus()
            && let Some(Err(err)) = form.day.as_deref().map(parse_date)
        {
            ui.colored_label(view.tokens.critical, problem_text(t, FormProblem::Date(err)));
        }
        if form.day.is_none() && form.time.is_none() && form.entry.when > chrono::Local::now().naive_local() {
            ui.colored_label(view.tokens.critical, j.in_future);
        }
        if !time.has_focus()
            && matches!(
                form.time.as_deref().map(parse_time),
                Some(Err(TimeError::Invalid | TimeError::Missing))
            )
        {
            ui.colored_label(view.tokens.critical, j.time_invalid);
        }
    });
}

/// Every field of the entry.
fn fields_ui(ui: &mut egui::Ui, view: &View<'_>, form: &mut EntryDraft, commands: &mut Vec<Command>) {
    let (lang, j) = (view.lang, view.t.journal);
    ui.label(egui::RichText::new(j.kind).strong());
    ui.horizontal_wrapped(|ui| {
        for kind in EventKind::ALL {
            ui.selectable_value(&mut form.entry.kind, kind, event_kind_name(kind, lang));
        }
    });
    ui.add_space(theme::SPACE_S);
    when_ui(ui, view, form);
    ui.add_space(theme::SPACE_S);
    line_field(ui, j.place, &mut form.entry.place, j.place_hint, f32::INFINITY);
    ui.add_space(theme::SPACE_S);
    let (_, what) = widgets::note_editor(
        ui,
        egui::RichText::new(j.what).strong(),
        &form.entry.what,
        j.what_hint,
        5,
    );
    if let Some(what) = what {
        form.entry.what = what;
    }
    ui.add_space(theme::SPACE_M);
    people_ui(ui, view, &mut form.entry.people);
    vehicles_ui(ui, view, &mut form.entry.vehicles);
    contacts_ui(ui, view, &mut form.entry.contacts);
    ui.add_space(theme::SPACE_S);
    let (_, witnesses) = widgets::note_editor(
        ui,
        egui::RichText::new(j.witnesses).strong(),
        &form.entry.witnesses,
        j.witnesses_hint,
        2,
    );
    if let Some(witnesses) = witnesses {
        form.entry.witnesses = witnesses;
    }
    ui.add_space(theme::SPACE_S);
    ui.strong(j.photos);
    // Photos change through commands (their files are written first); the
    // draft itself only shows them.
    let adding = view.photos.adding_to(&Destination::draft(form));
    album_strip_ui(
        ui,
        view,
        &Album::Draft,
        &form.entry.photos,
        adding,
        StripMode::Entry,
        commands,
    );
    ui.add_space(theme::SPACE_M);
    reports_ui(ui, view, form);
}

/// A group of the form: its title, each row with *Remove*, and *Add*.
fn group_ui<T>(
    ui: &mut egui::Ui,
    (title, add, remove): (&str, &str, &str),
    list: &mut Vec<T>,
    new: impl Fn() -> T,
    mut row_ui: impl FnMut(&mut egui::Ui, usize, &mut T),
) {
    ui.strong(title);
    let mut removed = None;
    for (i, item) in list.iter_mut().enumerate() {
        ui.push_id((title, i), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}.", i + 1)).weak());
                row_ui(ui, i, item);
                if ui.button(remove).clicked() {
                    removed = Some(i);
                }
            });
        });
    }
    if let Some(i) = removed {
        list.remove(i);
    }
    if ui.button(add).clicked() {
        list.push(new());
    }
    ui.add_space(theme::SPACE_M);
}

fn people_ui(ui: &mut egui::Ui, view: &View<'_>, people: &mut Vec<Person>) {
    let j = view.t.journal;
    let texts = (j.people, j.add_person, j.remove);
    group_ui(ui, texts, people, Person::default, |ui, _, p| {
        line_field(
            ui,
            j.description,
            &mut p.description,
            j.description_hint,
            FIELD_WIDTH,
        );
        line_field(ui, j.clothing, &mut p.clothing, "", 200.0);
        line_field(ui, j.language, &mut p.language, "", 140.0);
    });
}

fn vehicles_ui(ui: &mut egui::Ui, view: &View<'_>, vehicles: &mut Vec<Vehicle>) {
    let j = view.t.journal;
    let texts = (j.vehicles, j.add_vehicle, j.remove);
    group_ui(ui, texts, vehicles, Vehicle::default, |ui, _, v| {
        line_field(ui, j.make, &mut v.make, "", 180.0);
        line_field(ui, j.colour, &mut v.colour, "", 110.0);
        line_field(ui, j.plate, &mut v.plate, j.plate_hint, 130.0);
    });
}

fn contacts_ui(ui: &mut egui::Ui, view: &View<'_>, contacts: &mut Vec<Contact>) {
    let (lang, j) = (view.lang, view.t.journal);
    let texts = (j.contacts, j.add_contact, j.remove);
    let new = || Contact {
        kind: ContactKind::Phone,
        value: String::new(),
    };
    group_ui(ui, texts, contacts, new, |ui, i, contact| {
        let label = ui.label(j.contact_kind);
        egui::ComboBox::from_id_salt(("contact_kind", i))
            .selected_text(contact_kind_name(contact.kind, lang))
            .show_ui(ui, |ui| {
                for kind in ContactKind::ALL {
                    ui.selectable_value(&mut contact.kind, kind, contact_kind_name(kind, lang));
                }
            })
            .response
            .labelled_by(label.id);
        line_field(ui, j.contact_value, &mut contact.value, j.contact_hint, 240.0);
    });
}

/// The places an event can be reported to, in the order of the choices.
fn destinations() -> [ReportedTo; 6] {
    [
        ReportedTo::Police17,
        ReportedTo::PoliceStation,
        ReportedTo::Gendarmerie,
        ReportedTo::Cyber17,
        ReportedTo::Pharos,
        ReportedTo::Other(String::new()),
    ]
}

/// Where and when it was reported, with the reference.
fn reports_ui(ui: &mut egui::Ui, view: &View<'_>, form: &mut EntryDraft) {
    let (t, lang, j) = (view.t, view.lang, view.t.journal);
    ui.strong(j.reports);
    ui.label(egui::RichText::new(j.reports_help).weak());
    let mut removed = None;
    for i in 0..form.entry.reports.len() {
        ui.push_id(("report", i), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{}.", i + 1)).weak());
                let report = &mut form.entry.reports[i];
                let label = ui.label(j.reported_to_label);
                let shown = destination_name(t, &report.to, lang);
                egui::ComboBox::from_id_salt("to")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for to in destinations() {
                            let same = std::mem::discriminant(&to) == std::mem::discriminant(&report.to);
                            let name = destination_name(t, &to, lang);
                            if ui.selectable_label(same, name).clicked() && !same {
                                report.to = to;
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if let ReportedTo::Other(name) = &mut report.to {
                    line_field(ui, j.other_place, name, "", 180.0);
                }
                let shown = report.date.format(t.date_format).to_string();
                let mut typed = form.report_days.get(&i).cloned();
                let edit = typed_field(ui, j.report_day, t.date_hint, shown, &mut typed, 110.0);
                if edit.lost_focus()
                    && let Some(Ok(date)) = typed.as_deref().map(parse_date)
                {
                    form.entry.reports[i].date = date;
                    typed = None;
                }
                if !edit.has_focus()
                    && let Some(Err(err)) = typed.as_deref().map(parse_date)
                {
                    ui.colored_label(view.tokens.critical, problem_text(t, FormProblem::Date(err)));
                }
                match typed {
                    Some(text) => form.report_days.insert(i, text),
                    None => form.report_days.remove(&i),
                };
                line_field(
                    ui,
                    j.reference,
                    &mut form.entry.reports[i].reference,
                    j.reference_hint,
                    160.0,
                );
                if ui.button(j.remove).clicked() {
                    removed = Some(i);
                }
            });
        });
    }
    if let Some(i) = removed {
        form.remove_report(i);
    }
    if ui.button(j.add_report).clicked() {
        form.entry.reports.push(Reported {
            to: ReportedTo::Police17,
            date: view.today,
            reference: String::new(),
        });
    }
}

/// A destination's name in the choices ("Ailleurs" for another place).
fn destination_name(t: &Tr, to: &ReportedTo, lang: crate::lang::Lang) -> String {
    match to {
        ReportedTo::Other(_) => t.journal.elsewhere.to_owned(),
        other => reported_to_name(other, lang),
    }
}
