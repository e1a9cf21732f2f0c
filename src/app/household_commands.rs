//! What the user asks of the household documents ([`HouseholdCommand`],
//! sent inside [`Command::Household`]) and how it is carried out: the
//! screens, the entry being typed and the entries, the chronology's
//! export, the inventory's members, states, notes and re-checks; and the
//! questions asked first ([`HouseholdDialog`]).

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, Timelike as _};

use super::command::{Command, Navigation};
use super::dialogs::Dialog;
use super::household_docs::HouseholdFileKind;
use super::state::{AppState, Notice, SaveState, Screen};
use super::theme;
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::model::exposure::{ExposureState, SourceId};
use crate::model::journal::chain::sha256_hex;
use crate::model::journal::{Entry, EntryDraft, EntryId, EventKind};
use crate::report::household_text::{datetime_format, event_kind_name};
use crate::report::{Format, chronology};
use crate::store::{PhotoOwner, PhotoSize};

/// One line of the inventory: a source, for the household (`member`
/// `None`) or a member.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowKey {
    /// The source.
    pub source: SourceId,
    /// The member, for a source that concerns each member.
    pub member: Option<String>,
}

/// A chronology to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChronologyExport {
    /// PDF or HTML.
    pub format: Format,
    /// Where to write it.
    pub path: PathBuf,
    /// Open it with the system's viewer once written.
    pub open_after: bool,
}

/// Something asked of the household documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HouseholdCommand {
    /// Show the log of events.
    ShowJournal,
    /// Show the exposure inventory.
    ShowExposure,
    /// Show the exposure inventory at one of its lines.
    ShowExposureRow(RowKey),
    /// Read a household file again.
    Reload(HouseholdFileKind),
    /// Open a damaged household file's backup.
    OpenBackup(HouseholdFileKind),
    /// Ask before starting a damaged household file over.
    AskStartOver(HouseholdFileKind),
    /// Start a damaged household file over, empty.
    StartOver(HouseholdFileKind),
    /// Start typing a new entry, now.
    NewEntry,
    /// Start an amendment to an entry (the original stays).
    AmendEntry(EntryId),
    /// Keep what is typed in the entry form.
    EditDraft(Box<EntryDraft>),
    /// Save the entry typed (new, or an amendment to one).
    SaveEntry(Box<Entry>),
    /// Ask before dropping the entry being typed.
    AskDiscardDraft,
    /// Drop the entry being typed.
    DiscardDraft,
    /// Ask why before withdrawing an entry.
    AskWithdrawEntry(EntryId),
    /// Withdraw an entry (it stays in the log, marked, with the reason).
    WithdrawEntry {
        /// The entry.
        id: EntryId,
        /// Why.
        reason: String,
    },
    /// Write the evidence bundle (zip) of the log.
    ExportBundle(PathBuf),
    /// How the household is named on the chronology.
    SetHouseholdName(String),
    /// Write the chronology of events.
    ExportChronology(ChronologyExport),
    /// Add a member to the inventory.
    AddMember(String),
    /// Rename a member of the inventory.
    RenameMember {
        /// Their name.
        old: String,
        /// The new one.
        new: String,
    },
    /// Remove a member (asks first when they have answers).
    AskRemoveMember(String),
    /// Remove a member and their answers.
    RemoveMember(String),
    /// Set where a line stands.
    SetState(RowKey, ExposureState),
    /// Set a line's note.
    SetNote(RowKey, String),
    /// Set a line's re-check date by hand.
    SetRecheck(RowKey, Option<NaiveDate>),
    /// A line was looked at again today, unchanged.
    MarkRechecked(RowKey),
}

impl From<HouseholdCommand> for Command {
    fn from(command: HouseholdCommand) -> Self {
        Self::Household(command)
    }
}

/// A question asked before changing a household document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HouseholdDialog {
    /// Withdraw an entry, with the reason being typed.
    WithdrawEntry {
        /// The entry.
        id: EntryId,
        /// When it happened.
        when: NaiveDateTime,
        /// Its kind.
        kind: EventKind,
        /// The reason typed so far.
        reason: String,
    },
    /// Drop the entry being typed.
    DiscardDraft,
    /// Start a damaged file over.
    StartOver(HouseholdFileKind),
    /// Remove a member and their answers.
    RemoveMember {
        /// The member.
        name: String,
        /// How many answers they have.
        answers: usize,
    },
}

/// The SHA-256 of a photo file of the log (decrypted), for its seal.
fn photo_hasher(
    folder: &crate::store::DataFolder,
) -> impl FnMut(&crate::model::PhotoRef) -> Option<String> + '_ {
    |p| {
        folder
            .read_photo(&PhotoOwner::Journal, &p.id, PhotoSize::Full)
            .ok()
            .map(|bytes| sha256_hex(&bytes))
    }
}

/// The time of a new entry: now, to the minute.
fn now_local() -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.with_second(0)
        .and_then(|n| n.with_nanosecond(0))
        .unwrap_or(now)
}

impl AppState {
    /// Carries out a command on the household documents.
    pub(super) fn handle_household(&mut self, command: HouseholdCommand) {
        let today = chrono::Local::now().date_naive();
        match command {
            HouseholdCommand::ShowJournal => self.show_household(Screen::Journal),
            HouseholdCommand::ShowExposure => self.show_household(Screen::Exposure),
            HouseholdCommand::ShowExposureRow(row) => {
                self.show_household(Screen::Exposure);
                if self.screen == Screen::Exposure {
                    self.views.exposure.scroll_to = Some(row);
                }
            }
            HouseholdCommand::Reload(kind) => self.reload_household(kind),
            HouseholdCommand::OpenBackup(kind) => self.replace_household(kind, true),
            HouseholdCommand::AskStartOver(kind) => {
                self.dialog = Some(Dialog::Household(HouseholdDialog::StartOver(kind)));
            }
            HouseholdCommand::StartOver(kind) => {
                self.dialog = None;
                self.replace_household(kind, false);
            }
            HouseholdCommand::NewEntry
            | HouseholdCommand::AmendEntry(_)
            | HouseholdCommand::EditDraft(_)
            | HouseholdCommand::SaveEntry(_)
            | HouseholdCommand::AskDiscardDraft
            | HouseholdCommand::DiscardDraft
            | HouseholdCommand::AskWithdrawEntry(_)
            | HouseholdCommand::WithdrawEntry { .. }
            | HouseholdCommand::ExportBundle(_) => self.handle_journal(command),
            HouseholdCommand::SetHouseholdName(name) => self.edit_journal(false, |j| {
                let changed = j.household != name;
                j.household = name;
                changed
            }),
            HouseholdCommand::ExportChronology(export) => self.export_chronology(&export),
            HouseholdCommand::AddMember(name) => {
                let mut added = false;
                self.edit_inventory(true, |inv, _| {
                    added = inv.add_member(&name).is_ok();
                    added
                });
                if added {
                    self.views.exposure.new_member.clear();
                }
            }
            HouseholdCommand::RenameMember { old, new } => {
                self.views.exposure.renaming = None;
                self.edit_inventory(true, |inv, _| inv.rename_member(&old, &new).is_ok());
            }
            HouseholdCommand::AskRemoveMember(name) => self.ask_remove_member_of_inventory(name),
            HouseholdCommand::RemoveMember(name) => {
                self.dialog = None;
                self.edit_inventory(true, |inv, _| inv.remove_member(&name).is_ok());
            }
            HouseholdCommand::SetState(row, state) => self.edit_inventory(true, |inv, lib| {
                lib.source(&row.source).is_some_and(|source| {
                    inv.set_state(source, row.member.as_deref(), state, today) == Ok(true)
                })
            }),
            HouseholdCommand::SetNote(row, note) => self.edit_inventory(false, |inv, lib| {
                lib.source(&row.source)
                    .is_some_and(|source| inv.set_note(source, row.member.as_deref(), &note) == Ok(true))
            }),
            HouseholdCommand::SetRecheck(row, date) => self.edit_inventory(true, |inv, lib| {
                lib.source(&row.source)
                    .is_some_and(|source| inv.set_recheck(source, row.member.as_deref(), date) == Ok(true))
            }),
            HouseholdCommand::MarkRechecked(row) => self.edit_inventory(true, |inv, lib| {
                lib.source(&row.source).is_some_and(|source| {
                    inv.mark_rechecked(source, row.member.as_deref(), today) == Ok(true)
                })
            }),
        }
    }

    /// Carries out a command on the log of events: the entry being typed,
    /// saving it (new or amended, sealed), withdrawing, the exports.
    fn handle_journal(&mut self, command: HouseholdCommand) {
        let now = chrono::Utc::now();
        match command {
            HouseholdCommand::NewEntry => {
                self.views.journal.attempted = false;
                if !self.journal_is_sealed_intact() {
                    return;
                }
                self.edit_journal(false, |j| {
                    if j.draft.is_some() {
                        return false;
                    }
                    j.draft = Some(EntryDraft::new(EventKind::Other, now_local(), now));
                    true
                });
            }
            HouseholdCommand::AmendEntry(id) => {
                self.views.journal.attempted = false;
                if !self.journal_is_sealed_intact() {
                    return;
                }
                self.edit_journal(false, |j| {
                    let Some(entry) = j.get(&id).filter(|e| j.draft.is_none() && !e.is_withdrawn()) else {
                        return false;
                    };
                    j.draft = Some(EntryDraft::amending(entry));
                    true
                });
            }
            HouseholdCommand::EditDraft(draft) => self.edit_journal(false, |j| {
                let draft = Some(*draft);
                let changed = j.draft != draft;
                j.draft = draft;
                changed
            }),
            HouseholdCommand::SaveEntry(entry) => {
                self.views.journal.attempted = false;
                // A broken chain is not sealed over; an event after now is
                // refused (the form says so first).
                if !self.journal_is_sealed_intact() || entry.when > chrono::Local::now().naive_local() {
                    return;
                }
                let folder = self.store.data_folder();
                let mut hash = photo_hasher(&folder);
                self.edit_journal(true, |j| {
                    let entry = *entry;
                    let id = entry.id.clone();
                    if id.as_str() == EntryId::UNSAVED || j.get(&id).is_none() {
                        j.add_with(entry, now, &mut hash);
                    } else if j.amend_with(&id, &entry, now, &mut hash).is_err() {
                        return false;
                    }
                    j.draft = None;
                    true
                });
            }
            HouseholdCommand::AskDiscardDraft => {
                let blank = self
                    .household
                    .as_ref()
                    .and_then(|d| d.journal.doc())
                    .and_then(|j| j.draft.as_ref())
                    .is_none_or(EntryDraft::is_blank);
                if blank {
                    self.handle_household(HouseholdCommand::DiscardDraft);
                } else {
                    self.dialog = Some(Dialog::Household(HouseholdDialog::DiscardDraft));
                }
            }
            HouseholdCommand::DiscardDraft => {
                self.dialog = None;
                self.views.journal.attempted = false;
                self.edit_journal(true, |j| j.draft.take().is_some());
            }
            HouseholdCommand::AskWithdrawEntry(id) => {
                let entry = self
                    .household
                    .as_ref()
                    .and_then(|d| d.journal.doc())
                    .and_then(|j| j.get(&id))
                    .filter(|e| !e.is_withdrawn());
                if let Some(entry) = entry {
                    let current = entry.current();
                    let (when, kind) = (current.when, current.kind);
                    self.dialog = Some(Dialog::Household(HouseholdDialog::WithdrawEntry {
                        id,
                        when,
                        kind,
                        reason: String::new(),
                    }));
                }
            }
            HouseholdCommand::WithdrawEntry { id, reason } => {
                if !self.journal_is_sealed_intact() || reason.trim().is_empty() {
                    return;
                }
                self.dialog = None;
                let folder = self.store.data_folder();
                let mut hash = photo_hasher(&folder);
                self.edit_journal(true, |j| j.withdraw_with(&id, &reason, now, &mut hash).is_ok());
            }
            HouseholdCommand::ExportBundle(path) => self.export_bundle(&path),
            _ => {}
        }
    }

    /// Shows the journal or the inventory: leaves the open dossier first
    /// (saved; kept when its changes could not be saved).
    fn show_household(&mut self, screen: Screen) {
        if self.session.is_some() {
            self.navigate(Navigation::Home);
            if self.session.is_some() {
                return;
            }
        }
        self.dialog = None;
        self.load_household_if_needed();
        self.screen = screen;
    }

    fn ask_remove_member_of_inventory(&mut self, name: String) {
        let answers = self
            .household
            .as_ref()
            .and_then(|d| d.inventory.doc())
            .map_or(0, |inv| {
                inv.entries
                    .iter()
                    .filter(|e| e.member.as_deref() == Some(name.as_str()))
                    .count()
            });
        if answers == 0 {
            self.handle_household(HouseholdCommand::RemoveMember(name));
        } else {
            self.dialog = Some(Dialog::Household(HouseholdDialog::RemoveMember { name, answers }));
        }
    }

    /// Whether the log can be changed: read, and its chain intact (a
    /// broken chain is never sealed over: the log stays read only).
    fn journal_is_sealed_intact(&self) -> bool {
        self.household
            .as_ref()
            .is_some_and(super::household_docs::HouseholdDocs::journal_writable)
    }

    /// Writes the evidence bundle of the log to `path`.
    fn export_bundle(&mut self, path: &std::path::Path) {
        let Some(journal) = self.household.as_ref().and_then(|d| d.journal.doc()) else {
            return;
        };
        let folder = self.store.data_folder();
        let mut load = |p: &crate::model::PhotoRef| folder.photo_for_report(&PhotoOwner::Journal, p);
        match chronology::bundle::export_bundle(journal, self.lang, chrono::Local::now(), &mut load, path) {
            Ok(_) => self.notice = Some(Notice::Exported(path.to_owned())),
            Err(err) => self.notice = Some(Notice::ExportFailed(Arc::new(err))),
        }
    }

    fn export_chronology(&mut self, export: &ChronologyExport) {
        let Some(journal) = self.household.as_ref().and_then(|d| d.journal.doc()) else {
            return;
        };
        let mut chronology = chronology::build(journal, self.lang, chrono::Local::now());
        // The photos are read here, on the UI thread, as the full report's
        // are: a few milliseconds each.
        let folder = self.store.data_folder();
        chronology::attach_photos(&mut chronology, journal, &mut |p| {
            folder.photo_for_report(&crate::store::PhotoOwner::Journal, p)
        });
        let path = &export.path;
        match chronology::export(&chronology, export.format, path) {
            Ok(()) => {
                self.notice = Some(Notice::Exported(path.clone()));
                if export.open_after
                    && let Err(err) = open::that_detached(path)
                {
                    self.notice = Some(Notice::OpenFailed(path.clone(), err.to_string()));
                }
            }
            Err(err) => self.notice = Some(Notice::ExportFailed(Arc::new(err))),
        }
    }
}

/// The saved state of a household document, in words beside its title.
pub fn save_state_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, save: &SaveState) {
    let weak = ui.visuals().weak_text_color();
    let (text, color) = match save {
        SaveState::Failed => (t.save_failed, tokens.critical),
        SaveState::Saved => (t.saved, weak),
        SaveState::Pending { .. } => (t.unsaved, weak),
    };
    ui.colored_label(color, text);
}

/// Draws a household question.
pub fn dialog_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    lang: Lang,
    dialog: &mut HouseholdDialog,
    commands: &mut Vec<Command>,
) {
    let (j, x) = (t.journal, t.exposure);
    let (question, explain, action, command): (String, String, &str, HouseholdCommand) = match dialog {
        HouseholdDialog::WithdrawEntry {
            id,
            when,
            kind,
            reason,
        } => {
            ui.heading((j.withdraw_entry_question)(
                &when.format(datetime_format(lang)).to_string(),
                event_kind_name(*kind, lang),
            ));
            ui.label(j.withdraw_entry_explain);
            ui.add_space(theme::SPACE_S);
            let label = ui.label(j.withdraw_reason);
            ui.add(
                egui::TextEdit::multiline(reason)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.add_space(theme::SPACE_S);
            ui.horizontal_wrapped(|ui| {
                let ready = !reason.trim().is_empty();
                let withdraw = ui
                    .add_enabled(ready, egui::Button::new(j.withdraw_entry))
                    .on_disabled_hover_text(j.withdraw_needs_reason);
                if withdraw.clicked() {
                    commands.push(
                        HouseholdCommand::WithdrawEntry {
                            id: id.clone(),
                            reason: reason.trim().to_owned(),
                        }
                        .into(),
                    );
                }
                if ui.button(egui::RichText::new(t.cancel).strong()).clicked() {
                    commands.push(Command::CloseDialog);
                }
            });
            return;
        }
        HouseholdDialog::DiscardDraft => (
            j.discard_draft_question.to_owned(),
            j.discard_draft_explain.to_owned(),
            j.discard_draft,
            HouseholdCommand::DiscardDraft,
        ),
        HouseholdDialog::StartOver(kind) => (
            (j.start_over_question)(*kind == HouseholdFileKind::Journal),
            j.start_over_explain.to_owned(),
            j.start_over,
            HouseholdCommand::StartOver(*kind),
        ),
        HouseholdDialog::RemoveMember { name, answers } => (
            (x.remove_member_question)(name),
            (x.remove_member_explain)(*answers),
            x.remove_member,
            HouseholdCommand::RemoveMember(name.clone()),
        ),
    };
    ui.heading(question);
    ui.label(explain);
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        if ui.button(action).clicked() {
            commands.push(command.into());
        }
        if ui.button(egui::RichText::new(t.cancel).strong()).clicked() {
            commands.push(Command::CloseDialog);
        }
    });
}
