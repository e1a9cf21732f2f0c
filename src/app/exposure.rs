//! The exposure inventory screen: the household's members (first names or
//! nicknames), then every source for the whole household and for each
//! member, each with where it stands (choices in words), a note, a
//! re-check date (taken when the field is left or on Enter) and *Checked
//! today*; the source's guidance and links unfold. Re-checks that are due
//! stand out with a border, a ▲ and the words, not by colour alone. The
//! user's own source files that failed to load are listed with their
//! errors. Also the due re-checks of the home screen.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::command::Command;
use super::household_commands::{HouseholdCommand, RowKey};
use super::household_docs::{HouseholdDocs, HouseholdFileKind};
use super::journal::{file_error_ui, header_ui};
use super::pages::View;
use super::state::Screen;
use super::{rows, theme, widgets};
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::model::dates::parse_optional_date;
use crate::model::exposure::{ExposureState, Inventory, MemberError, Row};
use crate::report::household_text::{date_format, exposure_state_name, whole_household};

/// The exposure screen's own state: what is typed and not taken yet.
#[derive(Debug, Default)]
pub struct ExposureUi {
    /// The name of the member being added.
    pub new_member: String,
    /// The member being renamed, and the new name as typed.
    pub renaming: Option<(String, String)>,
    /// Re-check dates as typed, by line.
    pub recheck: BTreeMap<RowKey, String>,
    /// Dates of requests sent as typed, by line.
    pub request_day: BTreeMap<RowKey, String>,
    /// Show only the re-checks that are due.
    pub due_only: bool,
    /// The line to bring into view (from the home screen).
    pub scroll_to: Option<RowKey>,
}

impl ExposureUi {
    /// Whether a date typed is not a date (leaving would drop it).
    #[must_use]
    pub fn has_wrong_date(&self) -> bool {
        self.recheck
            .values()
            .chain(self.request_day.values())
            .any(|text| parse_optional_date(text).is_err())
    }
}

/// One line of the list: a group's title or a source's line.
enum Line<'a> {
    Group(String),
    Source(Row<'a>),
}

/// The exposure inventory screen.
pub fn exposure_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    docs: &HouseholdDocs,
    exposure_ui: &mut ExposureUi,
    commands: &mut Vec<Command>,
) {
    let x = view.t.exposure;
    let doc = docs.inventory.open();
    let guard = exposure_ui.has_wrong_date();
    let sources = &docs.sources.sources;
    egui::Panel::top("exposure_header").show(ui, |ui| {
        header_ui(ui, view, Screen::Exposure, doc.map(|d| &d.save), guard, commands);
        if let Some(inventory) = doc.map(|d| &d.doc) {
            let due = inventory.due_rechecks(sources, view.today).len();
            ui.horizontal_wrapped(|ui| {
                if due > 0 {
                    ui.colored_label(
                        view.tokens.critical,
                        egui::RichText::new(format!("▲ {}", (x.due_count)(due))).strong(),
                    );
                    ui.checkbox(&mut exposure_ui.due_only, x.due_only);
                } else {
                    exposure_ui.due_only = false;
                    ui.label(egui::RichText::new(x.nothing_due).weak());
                }
            });
            ui.add_space(theme::SPACE_S);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(doc) = doc else {
            if let Some(err) = docs.inventory.error() {
                file_error_ui(ui, view, HouseholdFileKind::Inventory, err, commands);
            }
            return;
        };
        let inventory = &doc.doc;
        let lines = lines(view, inventory, docs, exposure_ui.due_only);
        let scroll_to = exposure_ui.scroll_to.take().and_then(|key| {
            lines
                .iter()
                .position(|l| matches!(l, Line::Source(row) if key_of(row) == key))
        });
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                theme::limit_width(ui, 980.0);
                members_ui(ui, view, inventory, exposure_ui, commands);
                ui.add_space(theme::SPACE_M);
                let id = ui.scope_id().with("exposure_rows");
                rows::list_ui(
                    ui,
                    id,
                    lines.len(),
                    viewport,
                    scroll_to,
                    |ui, index| match &lines[index] {
                        Line::Group(title) => {
                            ui.add_space(theme::SPACE_M);
                            ui.heading(title);
                            ui.add_space(theme::SPACE_S);
                        }
                        Line::Source(row) => {
                            row_ui(ui, view, row, exposure_ui, commands);
                            ui.add_space(theme::SPACE_S);
                        }
                    },
                );
                if inventory.members.is_empty() && !exposure_ui.due_only {
                    ui.label(egui::RichText::new(x.no_members).weak());
                }
                orphans_ui(ui, view, inventory, docs);
                errors_ui(ui, view, docs);
            });
    });
}

fn key_of(row: &Row<'_>) -> RowKey {
    RowKey {
        source: row.source.id.clone(),
        member: row.member.map(str::to_owned),
    }
}

/// The lines: the whole household's sources, then each member's.
fn lines<'a>(
    view: &View<'_>,
    inventory: &'a Inventory,
    docs: &'a HouseholdDocs,
    due_only: bool,
) -> Vec<Line<'a>> {
    let x = view.t.exposure;
    let today = view.today;
    let rows: Vec<Row<'a>> = inventory
        .rows(&docs.sources.sources)
        .into_iter()
        .filter(|r| !due_only || r.recheck().is_some_and(|d| d <= today))
        .collect();
    let mut lines = Vec::new();
    let mut group = |title: String, member: Option<&str>| {
        let mut of: Vec<Line<'a>> = rows
            .iter()
            .filter(|r| r.member == member)
            .map(|r| Line::Source(*r))
            .collect();
        if !of.is_empty() {
            lines.push(Line::Group(title));
            lines.append(&mut of);
        }
    };
    group(whole_household(view.lang).to_owned(), None);
    for member in &inventory.members {
        group((x.for_member)(member), Some(member.as_str()));
    }
    lines
}

/// The members: each with *Rename* and *Remove…*, and a field to add one.
fn members_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    inventory: &Inventory,
    exposure_ui: &mut ExposureUi,
    commands: &mut Vec<Command>,
) {
    let (t, x) = (view.t, view.t.exposure);
    ui.strong(x.members);
    ui.label(egui::RichText::new(x.members_help).weak());
    for member in &inventory.members {
        ui.push_id(("member", member.as_str()), |ui| {
            ui.horizontal_wrapped(|ui| {
                let renaming = exposure_ui.renaming.as_mut().filter(|(old, _)| old == member);
                if let Some((old, new)) = renaming {
                    let label = ui.label((x.new_name_of)(old));
                    let edit = ui
                        .add(egui::TextEdit::singleline(new).desired_width(180.0))
                        .labelled_by(label.id);
                    let checked = inventory.check_member_name(new, Some(old));
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if (ui
                        .add_enabled(checked.is_ok(), egui::Button::new(t.apply))
                        .clicked()
                        || enter)
                        && let Ok(name) = checked.clone()
                    {
                        commands.push(
                            HouseholdCommand::RenameMember {
                                old: old.clone(),
                                new: name,
                            }
                            .into(),
                        );
                    }
                    if ui.button(t.cancel).clicked() {
                        exposure_ui.renaming = None;
                    } else if let Err(err) = checked
                        && !new.trim().is_empty()
                    {
                        ui.colored_label(view.tokens.critical, member_problem(t, &err));
                    }
                } else {
                    ui.label(egui::RichText::new(member).strong());
                    if ui.button((x.rename)(member)).clicked() {
                        exposure_ui.renaming = Some((member.clone(), member.clone()));
                    }
                    if ui.button((x.remove_button)(member)).clicked() {
                        commands.push(HouseholdCommand::AskRemoveMember(member.clone()).into());
                    }
                }
            });
        });
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(x.member_name);
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut exposure_ui.new_member)
                    .hint_text(x.member_name_hint)
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
        let checked = inventory.check_member_name(&exposure_ui.new_member, None);
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(checked.is_ok(), egui::Button::new(x.add_member));
        if (add.clicked() || enter)
            && let Ok(name) = checked.clone()
        {
            commands.push(HouseholdCommand::AddMember(name).into());
        }
        if let Err(err) = checked
            && !exposure_ui.new_member.trim().is_empty()
        {
            ui.colored_label(view.tokens.critical, member_problem(t, &err));
        }
    });
}

fn member_problem(t: &Tr, err: &MemberError) -> String {
    let x = t.exposure;
    match err {
        MemberError::Empty | MemberError::Unknown(_) => x.name_empty.to_owned(),
        MemberError::TooLong => x.name_too_long.to_owned(),
        MemberError::Taken(name) => (x.name_taken)(name),
    }
}

/// The choices of where a line stands, in order.
fn states(today: NaiveDate, current: ExposureState) -> [ExposureState; 5] {
    let sent = match current {
        ExposureState::RequestSent(day) => day,
        _ => today,
    };
    [
        ExposureState::Unknown,
        ExposureState::Exposed,
        ExposureState::RequestSent(sent),
        ExposureState::MaskedOrRemoved,
        ExposureState::NotApplicable,
    ]
}

/// A state's name among the choices (without the request's date).
fn state_choice(t: &Tr, state: ExposureState, lang: Lang) -> String {
    match state {
        ExposureState::RequestSent(_) => t.exposure.request_sent.to_owned(),
        other => exposure_state_name(other, lang),
    }
}

/// A date field whose text is kept in `typed`, by line, until taken (see
/// [`widgets::date_field_ui`]).
#[expect(
    clippy::option_option,
    reason = "no change, or a change that sets or clears the date"
)]
fn line_date_field_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    label: &str,
    stored: Option<NaiveDate>,
    typed: &mut BTreeMap<RowKey, String>,
    key: &RowKey,
) -> Option<Option<NaiveDate>> {
    let mut text = typed.remove(key);
    let taken = widgets::date_field_ui(ui, view, label, stored, &mut text);
    if let Some(text) = text {
        typed.insert(key.clone(), text);
    }
    taken
}

/// One source for the household or a member.
fn row_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    row: &Row<'_>,
    exposure_ui: &mut ExposureUi,
    commands: &mut Vec<Command>,
) {
    let (t, lang, x, tokens) = (view.t, view.lang, view.t.exposure, view.tokens);
    let key = key_of(row);
    let state = row.state();
    let due = row.recheck().filter(|d| *d <= view.today);
    let stroke = if due.is_some() {
        egui::Stroke::new(2.0, tokens.critical)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let send = |c: HouseholdCommand| -> Command { c.into() };
    theme::card(tokens.card_bg, stroke).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new(row.source.title.get(lang))
                    .strong()
                    .size(15.0),
            );
            if let Some(day) = due {
                let day = day.format(date_format(lang)).to_string();
                ui.colored_label(
                    tokens.critical,
                    egui::RichText::new(format!("▲ {}", (x.due_since)(&day))).strong(),
                );
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(x.state).weak());
            for choice in states(view.today, state) {
                let same = std::mem::discriminant(&choice) == std::mem::discriminant(&state);
                if ui.selectable_label(same, state_choice(t, choice, lang)).clicked() && !same {
                    commands.push(send(HouseholdCommand::SetState(key.clone(), choice)));
                }
            }
            if let ExposureState::RequestSent(day) = state
                && let Some(Some(date)) =
                    line_date_field_ui(ui, view, x.sent_on, Some(day), &mut exposure_ui.request_day, &key)
            {
                commands.push(send(HouseholdCommand::SetState(
                    key.clone(),
                    ExposureState::RequestSent(date),
                )));
            }
        });
        let note = row.entry.map_or("", |e| e.note.as_str());
        let mut text = note.to_owned();
        ui.horizontal(|ui| {
            let label = ui.label(x.note);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text(x.note_hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if edit.changed() {
                commands.push(send(HouseholdCommand::SetNote(key.clone(), text)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(date) = line_date_field_ui(
                ui,
                view,
                x.recheck_on,
                row.recheck(),
                &mut exposure_ui.recheck,
                &key,
            ) {
                commands.push(send(HouseholdCommand::SetRecheck(key.clone(), date)));
            }
            if state != ExposureState::Unknown && ui.button(x.checked_today).clicked() {
                commands.push(send(HouseholdCommand::MarkRechecked(key.clone())));
            }
            let mut every = (x.every_days)(row.source.recheck_days);
            if let Some(checked) = row.entry.and_then(|e| e.checked) {
                let day = checked.format(date_format(lang)).to_string();
                every = format!("{every} · {}", (x.last_checked)(&day));
            }
            ui.label(egui::RichText::new(every).weak());
        });
        egui::CollapsingHeader::new(t.guidance_and_sources)
            .id_salt(("guidance", &key))
            .show(ui, |ui| {
                ui.label(row.source.guidance.get(lang));
                ui.add_space(theme::SPACE_S);
                ui.label(egui::RichText::new(t.sources).weak());
                for link in &row.source.sources {
                    ui.hyperlink(link);
                }
                let day = row.source.verified.format(date_format(lang)).to_string();
                ui.label(egui::RichText::new((t.journeys.verified_on)(&day)).weak().small());
            });
    });
}

/// Answers kept whose source is no longer loaded (or whose member left).
fn orphans_ui(ui: &mut egui::Ui, view: &View<'_>, inventory: &Inventory, docs: &HouseholdDocs) {
    let orphans = inventory.orphans(&docs.sources.sources);
    if orphans.is_empty() {
        return;
    }
    let lang = view.lang;
    ui.add_space(theme::SPACE_L);
    ui.strong(view.t.exposure.orphans);
    for e in orphans {
        let who = e.member.as_deref().unwrap_or(whole_household(lang));
        ui.label(format!(
            "• {} — {who} — {}",
            e.source,
            exposure_state_name(e.state, lang)
        ));
    }
}

/// The user's own source files that failed to load.
fn errors_ui(ui: &mut egui::Ui, view: &View<'_>, docs: &HouseholdDocs) {
    if docs.sources.errors.is_empty() {
        return;
    }
    ui.add_space(theme::SPACE_L);
    ui.strong(view.t.exposure.source_errors);
    for err in &docs.sources.errors {
        ui.colored_label(view.tokens.critical, format!("▲ {}", err.describe(view.lang)));
    }
}

/// The re-checks due, for the home screen's "what is due": each in words,
/// with the command that shows it.
#[must_use]
pub fn due_lines(
    t: &Tr,
    lang: Lang,
    docs: Option<&HouseholdDocs>,
    today: NaiveDate,
) -> Vec<(String, HouseholdCommand)> {
    let Some(docs) = docs else {
        return Vec::new();
    };
    let Some(inventory) = docs.inventory.doc() else {
        return Vec::new();
    };
    inventory
        .due_rechecks(&docs.sources.sources, today)
        .into_iter()
        .map(|due| {
            let who = due.member.unwrap_or(whole_household(lang));
            let day = due.recheck.format(date_format(lang)).to_string();
            let text = (t.exposure.home_due)(due.source.title.get(lang), who, &day);
            let key = RowKey {
                source: due.source.id.clone(),
                member: due.member.map(str::to_owned),
            };
            (text, HouseholdCommand::ShowExposureRow(key))
        })
        .collect()
}
