//! The log of suspicious events (*journal des faits*): the timeline,
//! newest first, filtered by kind and by "not reported yet" (with the
//! counts), each entry's summary with the plates, numbers and accounts
//! seen again pointed out ("vu 3 fois depuis le 12/11/2026"), each entry
//! as it stands with its history, *Amend* and *Withdraw…* while the
//! log's chain is intact, the chain's banner (`journal_history.rs`); the
//! export panel (`journal_export.rs`); and, while an entry is being typed,
//! its form (`journal_form.rs`). Also what the two household screens share: the
//! header, and a file that could not be read.

use super::command::{Command, Navigation};
use super::household_commands::{HouseholdCommand, save_state_ui};
use super::household_docs::{HouseholdDocs, HouseholdFileKind};
use super::pages::View;
use super::photo_strip::{StripMode, album_strip_ui};
use super::photos::Album;
use super::state::{AppState, SaveState, Screen};
use super::summary::Chosen;
use super::{exposure, journal_export, journal_form, rows, theme};
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::model::journal::{Entry, EventKind, Filter, Journal, Repeated};
use crate::report::Format;
use crate::report::household_text::{
    chronology_labels, contact_kind_name, date_format, datetime_format, event_kind_name,
    identifier_kind_name, reported_to_name, seen_times,
};
use crate::store::StoreError;

/// The journal screen's own state: the filter, the export's choices, and
/// whether saving the entry typed was tried (to show what is missing).
#[derive(Debug)]
pub struct JournalUi {
    /// Which entries the timeline shows.
    pub filter: Filter,
    /// Saving the entry was tried: what is missing shows.
    pub attempted: bool,
    /// Open the chronology with the system's viewer once written.
    pub open_after: bool,
    /// The path typed in the path field (used when no dialog is available).
    pub path: String,
    /// Asks for the file to write: the system's save dialog (tests put a
    /// stand-in here).
    pub chooser: fn(Lang, Format) -> Chosen,
    /// Asks for the evidence bundle's file (tests put a stand-in here).
    pub bundle_chooser: fn(Lang) -> Chosen,
}

impl Default for JournalUi {
    fn default() -> Self {
        Self {
            filter: Filter::default(),
            attempted: false,
            open_after: false,
            path: String::new(),
            chooser: journal_export::save_dialog,
            bundle_chooser: journal_export::bundle_dialog,
        }
    }
}

/// The journal or the exposure screen, whichever is shown.
pub fn screen_ui(ui: &mut egui::Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let tokens = theme::Tokens::of(ui.ctx());
    let view = View {
        t: state.tr(),
        lang: state.lang,
        tokens: &tokens,
        library: &state.library,
        today: chrono::Local::now().date_naive(),
        photos: &state.photos,
    };
    let Some(docs) = &state.household else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label(view.t.working);
        });
        return;
    };
    match state.screen {
        Screen::Exposure => exposure::exposure_ui(ui, &view, docs, &mut state.views.exposure, commands),
        _ => journal_ui(ui, &view, docs, &mut state.views.journal, commands),
    }
}

/// The header of a household screen: back to the dossiers, the title, the
/// save state, the other household screen, and what the screen is for.
pub fn header_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    screen: Screen,
    save: Option<&SaveState>,
    guard: bool,
    commands: &mut Vec<Command>,
) {
    let (t, j) = (view.t, view.t.journal);
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.back_to_list).clicked() {
            super::pages::go(Navigation::Home, guard, commands);
        }
        let (title, other, to_other) = if screen == Screen::Exposure {
            (t.exposure.title, j.title, HouseholdCommand::ShowJournal)
        } else {
            (j.title, t.exposure.title, HouseholdCommand::ShowExposure)
        };
        ui.heading(title);
        if let Some(save) = save {
            save_state_ui(ui, t, view.tokens, save);
        }
        ui.separator();
        if ui.button(format!("{other} →")).clicked() {
            if guard {
                commands.push(Command::ConfirmLeave(Navigation::Home));
            } else {
                commands.push(to_other.into());
            }
        }
    });
    let help = if screen == Screen::Exposure {
        t.exposure.help
    } else {
        j.help
    };
    ui.label(egui::RichText::new(help).weak());
    ui.add_space(theme::SPACE_S);
}

/// A household file that could not be read: its error (file, line,
/// column), and what can be done. The file itself is left as it is.
pub fn file_error_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    kind: HouseholdFileKind,
    err: &StoreError,
    commands: &mut Vec<Command>,
) {
    let (t, j) = (view.t, view.t.journal);
    egui::Frame::new()
        .fill(view.tokens.error_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let strong = view.tokens.strong_text;
            ui.label(
                egui::RichText::new(format!("▲ {}", j.file_damaged))
                    .strong()
                    .color(strong),
            );
            ui.label(egui::RichText::new((t.store_error)(err)).color(strong));
            ui.label(egui::RichText::new(j.file_damaged_help).color(strong));
        });
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        if ui.button(egui::RichText::new(t.open_backup).strong()).clicked() {
            commands.push(HouseholdCommand::OpenBackup(kind).into());
        }
        if ui.button(j.start_over_button).clicked() {
            commands.push(HouseholdCommand::AskStartOver(kind).into());
        }
        if ui.button(j.read_again).clicked() {
            commands.push(HouseholdCommand::Reload(kind).into());
        }
    });
}

/// The journal screen.
fn journal_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    docs: &HouseholdDocs,
    journal_ui: &mut JournalUi,
    commands: &mut Vec<Command>,
) {
    let doc = docs.journal.open();
    egui::Panel::top("journal_header").show(ui, |ui| {
        header_ui(ui, view, Screen::Journal, doc.map(|d| &d.save), false, commands);
    });
    let Some(doc) = doc else {
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(err) = docs.journal.error() {
                file_error_ui(ui, view, HouseholdFileKind::Journal, err, commands);
            }
        });
        return;
    };
    let journal = &doc.doc;
    if let Some(draft) = &journal.draft {
        journal_form::form_ui(ui, view, draft, &mut journal_ui.attempted, commands);
        return;
    }
    egui::Panel::right("chronology_export")
        .resizable(false)
        .default_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                journal_export::export_ui(ui, view, journal, journal_ui, commands);
            });
        });
    let writable = docs.journal_writable();
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(check) = &docs.check {
            super::journal_history::chain_banner_ui(ui, view, check, commands);
        }
        timeline_ui(
            ui,
            view,
            journal,
            &docs.repeated,
            &mut journal_ui.filter,
            writable,
            commands,
        );
    });
}

/// The button that starts an entry, the filters, what came back, and the
/// entries, newest first.
fn timeline_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    journal: &Journal,
    repeated: &[Repeated],
    filter: &mut Filter,
    writable: bool,
    commands: &mut Vec<Command>,
) {
    let j = view.t.journal;
    let new = egui::Button::new(egui::RichText::new(j.new_entry).strong().size(16.0))
        .min_size(egui::vec2(0.0, 36.0));
    if ui.add_enabled(writable, new).clicked() {
        commands.push(HouseholdCommand::NewEntry.into());
    }
    ui.add_space(theme::SPACE_S);
    filters_ui(ui, view, journal, filter);
    repeated_ui(ui, view, repeated);
    ui.separator();
    let shown = journal.timeline(filter);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            if journal.entries.is_empty() {
                ui.label(j.empty);
            } else if shown.is_empty() {
                ui.label(j.nothing_matches);
            }
            // Only the entries in view are drawn when the log is long.
            let id = ui.scope_id().with("timeline");
            rows::list_ui(ui, id, shown.len(), viewport, None, |ui, index| {
                entry_ui(ui, view, shown[index], repeated, writable, commands);
                ui.add_space(theme::SPACE_S);
            });
        });
}

/// The filters by kind and "not reported yet", each with its count.
fn filters_ui(ui: &mut egui::Ui, view: &View<'_>, journal: &Journal, filter: &mut Filter) {
    let (lang, j) = (view.lang, view.t.journal);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(j.show).weak());
        if ui
            .selectable_label(filter.kind.is_none(), (j.all_kinds)(journal.entries.len()))
            .clicked()
        {
            filter.kind = None;
        }
        for kind in EventKind::ALL {
            let count = journal
                .entries
                .iter()
                .filter(|e| e.current().kind == kind)
                .count();
            if count == 0 && filter.kind != Some(kind) {
                continue;
            }
            let text = format!("{} ({count})", event_kind_name(kind, lang));
            if ui.selectable_label(filter.kind == Some(kind), text).clicked() {
                filter.kind = if filter.kind == Some(kind) {
                    None
                } else {
                    Some(kind)
                };
            }
        }
    });
    ui.checkbox(
        &mut filter.not_reported,
        (j.not_reported_only)(journal.unreported_count()),
    );
}

/// The identifiers seen in more than one entry.
fn repeated_ui(ui: &mut egui::Ui, view: &View<'_>, repeated: &[Repeated]) {
    if repeated.is_empty() {
        return;
    }
    let (lang, j, tokens) = (view.lang, view.t.journal, view.tokens);
    ui.add_space(theme::SPACE_S);
    egui::Frame::new()
        .fill(tokens.info_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new(j.repeated_title)
                    .strong()
                    .color(tokens.strong_text),
            );
            for r in repeated.iter().take(6) {
                ui.label(egui::RichText::new(repeated_line(r, lang)).color(tokens.strong_text));
            }
            if repeated.len() > 6 {
                ui.label(
                    egui::RichText::new((view.t.home.and_more)(repeated.len() - 6)).color(tokens.strong_text),
                );
            }
        });
}

/// "⟳ AB-123-CD (plaque) : vu 3 fois depuis le 12/11/2026".
fn repeated_line(r: &Repeated, lang: Lang) -> String {
    let since = r.first_seen.format(date_format(lang)).to_string();
    let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
    format!(
        "⟳ {} ({}){colon}{}",
        r.shown,
        identifier_kind_name(r.kind, lang),
        seen_times(r.count(), &since, lang)
    )
}

/// One entry of the timeline: when, what kind, where, the start of what
/// happened, whether it was reported, what came back; its details unfold.
fn entry_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    original: &Entry,
    repeated: &[Repeated],
    writable: bool,
    commands: &mut Vec<Command>,
) {
    let (lang, j, tokens) = (view.lang, view.t.journal, view.tokens);
    let entry = &*original.current();
    let involved: Vec<&Repeated> = repeated.iter().filter(|r| r.involves(&entry.id)).collect();
    let stroke = if involved.is_empty() {
        ui.visuals().widgets.noninteractive.bg_stroke
    } else {
        egui::Stroke::new(1.5, tokens.priority(crate::model::Priority::High))
    };
    theme::card(tokens.card_bg, stroke).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(entry.id.as_str(), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(entry.when.format(datetime_format(lang)).to_string())
                        .strong()
                        .size(15.0),
                );
                ui.label(egui::RichText::new(event_kind_name(entry.kind, lang)).strong());
                if !entry.place.trim().is_empty() {
                    ui.label(egui::RichText::new(entry.place.trim()).weak());
                }
            });
            ui.add(egui::Label::new(first_lines(&entry.what, 2)).wrap());
            let album = Album::Entry(entry.id.clone());
            album_strip_ui(ui, view, &album, &entry.photos, 0, StripMode::ReadOnly, commands);
            ui.horizontal_wrapped(|ui| {
                reported_badge_ui(ui, view, entry);
                for r in &involved {
                    ui.label(
                        egui::RichText::new(repeated_line(r, lang))
                            .strong()
                            .color(tokens.priority(crate::model::Priority::High)),
                    );
                }
            });
            if let Some(w) = &entry.withdrawn {
                let at =
                    w.at.with_timezone(&chrono::Local)
                        .format(datetime_format(lang))
                        .to_string();
                ui.colored_label(
                    tokens.critical,
                    format!("✖ {}", (j.withdrawn_on)(&at, w.reason.trim())),
                );
            }
            egui::CollapsingHeader::new(j.details)
                .id_salt("details")
                .show(ui, |ui| {
                    details_ui(ui, view, entry);
                    super::journal_history::history_ui(ui, view, original);
                });
            if writable && !entry.is_withdrawn() {
                ui.horizontal_wrapped(|ui| {
                    if ui.button(j.amend_entry).clicked() {
                        commands.push(HouseholdCommand::AmendEntry(entry.id.clone()).into());
                    }
                    if ui.button(j.withdraw_entry_button).clicked() {
                        commands.push(HouseholdCommand::AskWithdrawEntry(entry.id.clone()).into());
                    }
                });
            }
        });
    });
}

/// "✔ Signalé : 17, le 12/11/2026" or "○ Pas encore signalé".
fn reported_badge_ui(ui: &mut egui::Ui, view: &View<'_>, entry: &Entry) {
    let (lang, j) = (view.lang, view.t.journal);
    let Some(last) = entry.reports.last() else {
        ui.label(egui::RichText::new(format!("○ {}", j.not_reported)).strong());
        return;
    };
    let day = last.date.format(date_format(lang)).to_string();
    ui.colored_label(
        view.tokens.status(crate::model::Status::Done),
        format!("✔ {}", (j.reported_to)(&reported_to_name(&last.to, lang), &day)),
    );
}

/// The first `n` lines of a text, "…" when there is more.
fn first_lines(text: &str, n: usize) -> String {
    let text = text.trim();
    let mut lines: Vec<&str> = text.lines().take(n).collect();
    let more = text.lines().count() > n;
    if let Some(last) = lines.last_mut()
        && last.chars().count() > 240
    {
        let cut: usize = last.char_indices().nth(240).map_or(last.len(), |(i, _)| i);
        *last = &last[..cut];
        return format!("{}…", lines.join("\n"));
    }
    if more {
        format!("{}…", lines.join("\n"))
    } else {
        lines.join("\n")
    }
}

/// Everything an entry holds, as typed.
fn details_ui(ui: &mut egui::Ui, view: &View<'_>, entry: &Entry) {
    let (lang, j) = (view.lang, view.t.journal);
    let labels = chronology_labels(lang);
    let colon = j.colon.trim_end();
    let mut line = |label: &str, value: String| {
        if !value.trim().is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{label}{colon}")).strong());
                ui.label(value);
            });
        }
    };
    line(labels.what, entry.what.trim().to_owned());
    for p in &entry.people {
        let parts = [p.description.as_str(), p.clothing.as_str(), p.language.as_str()];
        line(j.person, join(&parts));
    }
    for v in &entry.vehicles {
        line(
            j.vehicle,
            join(&[v.make.as_str(), v.colour.as_str(), v.plate.as_str()]),
        );
    }
    for c in &entry.contacts {
        line(contact_kind_name(c.kind, lang), c.value.clone());
    }
    line(labels.witnesses, entry.witnesses.clone());
    for r in &entry.reports {
        let day = r.date.format(date_format(lang)).to_string();
        let mut text = (j.reported_to)(&reported_to_name(&r.to, lang), &day);
        if !r.reference.trim().is_empty() {
            text = format!("{text} — {}", (j.reference_is)(r.reference.trim()));
        }
        line(j.report, text);
    }
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The journal's entry on the home screen: "Journal des faits (3)".
#[must_use]
pub fn home_button_text(t: &Tr, docs: Option<&HouseholdDocs>) -> String {
    match docs.map(|d| &d.journal) {
        Some(loaded) => match loaded.doc() {
            Some(journal) => (t.journal.home_button)(journal.entries.len(), journal.draft.is_some()),
            None => format!("▲ {}", t.journal.title),
        },
        None => t.journal.title.to_owned(),
    }
}
