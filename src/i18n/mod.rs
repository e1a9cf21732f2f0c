//! French and English, as a typed catalog.
//!
//! Every user-facing string is a field of [`Tr`]; [`fr::FR`] and [`en::EN`]
//! fill every field, so a missing translation does not compile. Strings with
//! values are functions, so word order can differ between languages.

pub mod archive;
mod en;
pub mod exposure;
mod fr;
pub mod home;
pub mod journal;
pub mod journeys;
pub mod keys;
pub mod photos;

pub use crate::lang::Lang;
use crate::model::checklist::{Journey, Priority, Tag};
use crate::model::dossier::Status;
use crate::settings::Theme;
use crate::store::StoreError;

/// The catalog for `lang`.
#[must_use]
pub fn tr(lang: Lang) -> &'static Tr {
    match lang {
        Lang::Fr => &fr::FR,
        Lang::En => &en::EN,
    }
}

/// Every user-facing string of Vigie in one language.
pub struct Tr {
    // General
    /// The application's name.
    pub app_name: &'static str,
    /// The application's one-line description.
    pub tagline: &'static str,
    /// "Cancel".
    pub cancel: &'static str,
    /// "Close".
    pub close: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Label of the theme switch.
    pub theme: &'static str,
    /// Theme names.
    pub theme_name: fn(Theme) -> &'static str,
    /// Journey names.
    pub journey_name: fn(Journey) -> &'static str,
    /// Journey descriptions (new dossier screen).
    pub journey_help: fn(Journey) -> &'static str,
    /// Priority names.
    pub priority_name: fn(Priority) -> &'static str,
    /// Status names (buttons).
    pub status_name: fn(Status) -> &'static str,
    /// Tag names (short).
    pub tag_name: fn(Tag) -> &'static str,
    /// "Saved".
    pub saved: &'static str,
    /// "Unsaved changes".
    pub unsaved: &'static str,
    /// "Saving failed".
    pub save_failed: &'static str,
    /// Date and time format for chrono (`%d/%m/%Y %H:%M`).
    pub datetime_format: &'static str,
    /// "Data folder: {path}".
    pub data_folder: fn(&str) -> String,

    // Home
    /// Home heading.
    pub home_title: &'static str,
    /// New dossier button.
    pub new_dossier: &'static str,
    /// Shown when there is no dossier.
    pub no_dossier: &'static str,
    /// Column: title.
    pub col_title: &'static str,
    /// Column: journey.
    pub col_journey: &'static str,
    /// Column: progress.
    pub col_progress: &'static str,
    /// Column: last change.
    pub col_modified: &'static str,
    /// Column: the dossier's file (`vigie list`).
    pub col_file: &'static str,
    /// Open button.
    pub open: &'static str,
    /// Rename button.
    pub rename: &'static str,
    /// Duplicate button.
    pub duplicate: &'static str,
    /// Delete button.
    pub delete: &'static str,
    /// "{title} (copy)".
    pub copy_of: fn(&str) -> String,
    /// Rename dialog title.
    pub rename_title: &'static str,
    /// Label of the title field.
    pub title_label: &'static str,
    /// Delete dialog: "Move «{title}» to the trash?".
    pub delete_question: fn(&str) -> String,
    /// Delete dialog explanation, with the trash folder.
    pub delete_explain: fn(&str) -> String,
    /// Delete dialog confirm button.
    pub move_to_trash: &'static str,
    /// "Moved to the trash: {path}".
    pub trashed: fn(&str) -> String,
    /// A dossier that cannot be loaded.
    pub damaged_dossier: &'static str,
    /// Open backup button.
    pub open_backup: &'static str,
    /// "The damaged file was kept as {path}."
    pub backup_opened: fn(&str) -> String,
    /// Heading over the user's checklists that failed to load.
    pub checklist_errors: &'static str,
    /// "{n} critical open".
    pub open_critical: fn(usize) -> String,
    /// "{answered}/{total} answered".
    pub answered_of: fn(usize, usize) -> String,
    /// "Score: {n}/100".
    pub score: fn(Option<u8>) -> String,
    /// What the score means (tooltip).
    pub score_help: &'static str,

    // New dossier
    /// New dossier heading.
    pub new_title: &'static str,
    /// "1. The journey".
    pub step_journey: &'static str,
    /// "2. The checklists".
    pub step_checklists: &'static str,
    /// "3. Your household".
    pub step_household: &'static str,
    /// Why the household questions are asked.
    pub household_help: &'static str,
    /// "4. A title".
    pub step_title: &'static str,
    /// Hint in the title field.
    pub title_hint: &'static str,
    /// Create button.
    pub create: &'static str,
    /// Shown when the title is empty.
    pub need_title: &'static str,
    /// Shown when no checklist is chosen.
    pub need_checklist: &'static str,
    /// "{n} items".
    pub item_count: fn(usize) -> String,
    /// Dwelling question.
    pub q_dwelling: &'static str,
    /// Dwelling: a house.
    pub dwelling_house: &'static str,
    /// Dwelling: a flat.
    pub dwelling_flat: &'static str,
    /// Dwelling: both or rather not say.
    pub dwelling_both: &'static str,
    /// Question for each yes/no tag.
    pub question: fn(Tag) -> &'static str,
    /// Household profile dialog title.
    pub profile_title: &'static str,
    /// Household profile button.
    pub edit_profile: &'static str,
    /// Apply button.
    pub apply: &'static str,
    /// "{n} items hidden by the household profile".
    pub hidden_by_profile: fn(usize) -> String,

    // Walkthrough
    /// Back to the list.
    pub back_to_list: &'static str,
    /// Search field label.
    pub search: &'static str,
    /// Search hint.
    pub search_hint: &'static str,
    /// Status filter label.
    pub filter_status: &'static str,
    /// Priority filter label.
    pub filter_priority: &'static str,
    /// "All".
    pub all: &'static str,
    /// "Open items".
    pub open_items: &'static str,
    /// Note field label.
    pub note: &'static str,
    /// Note hint: no secrets.
    pub note_hint: &'static str,
    /// Guidance and sources header.
    pub guidance_and_sources: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// No item matches.
    pub nothing_matches: &'static str,
    /// "Search results ({n})".
    pub search_results: fn(usize) -> String,
    /// Keyboard help, with the status names of the journey.
    pub keyboard_help: fn(fn(Status) -> &'static str) -> String,
    /// Heading for answers whose item no longer exists.
    pub orphans_title: &'static str,
    /// Explanation for those answers.
    pub orphans_help: &'static str,
    /// Checklists of the dossier that are not loaded.
    pub missing_checklists: fn(&str) -> String,
    /// "Last changed {date}".
    pub changed_on: fn(&str) -> String,
    /// "Critical item still open" badge tooltip.
    pub critical_open_help: &'static str,
    /// Section list heading.
    pub sections: &'static str,

    // Errors and messages
    /// A store error.
    pub store_error: fn(&StoreError) -> String,
    /// "Could not save: {reason}. Your changes are kept…".
    pub save_error: fn(&str) -> String,
    /// Retry button.
    pub retry: &'static str,
    /// "Could not open the data folder".
    pub data_folder_error: fn(&str) -> String,
    /// Why the data folder could not be opened when reading it stopped on an
    /// internal error (a panic), not on a file.
    pub open_interrupted: &'static str,

    // Command line
    /// `vigie validate`: a file is valid.
    pub cli_valid: fn(&str, usize) -> String,
    /// `vigie validate`: summary with errors.
    pub cli_invalid_summary: fn(usize) -> String,
    /// `vigie list`: no dossier.
    pub cli_no_dossier: fn(&str) -> String,
    /// `vigie list`: a damaged dossier.
    pub cli_damaged: &'static str,

    // Summary and export
    /// Profile names.
    pub profile_name: fn(crate::report::Profile) -> &'static str,
    /// Profile descriptions.
    pub profile_help: fn(crate::report::Profile) -> &'static str,
    /// Summary button.
    pub summary_button: &'static str,
    /// Back from the summary to the items.
    pub back_to_walk: &'static str,
    /// Summary screen heading.
    pub summary_title: &'static str,
    /// "What to print".
    pub summary_profile: &'static str,
    /// Export PDF button.
    pub export_pdf: &'static str,
    /// Export HTML button.
    pub export_html: &'static str,
    /// "Open after export".
    pub open_after_export: &'static str,
    /// Label of the path field when no dialog is available.
    pub export_path: &'static str,
    /// Export button next to the path field.
    pub export_to_path: &'static str,
    /// "Exported to {path}".
    pub exported: fn(&str) -> String,
    /// "Could not export: {why}".
    pub export_failed: fn(&str) -> String,
    /// "Could not open {path}: {why}".
    pub open_failed: fn(&str, &str) -> String,
    /// Preview heading: the first items of the action plan.
    pub plan_preview: fn(usize) -> String,
    /// `vigie export`: the prompt for an encrypted folder's passphrase.
    pub passphrase_prompt: &'static str,
    /// `vigie export`: done.
    pub cli_exported: fn(&str) -> String,
    // Journeys
    /// Referent findings: the status names of a référent's visit.
    pub finding_name: fn(Status) -> &'static str,
    /// Page tab: every item of the dossier.
    pub page_list: &'static str,
    /// Page tab: the visit header.
    pub page_visit_header: &'static str,
    /// Page tab: the visit, one item at a time.
    pub page_visit: &'static str,
    /// Page tab: the sign-off.
    pub page_signoff: &'static str,
    /// Page tab: the action plan.
    pub page_plan: &'static str,
    /// Page tab: the family members.
    pub page_members: &'static str,
    /// Page tab: the family cards.
    pub page_cards: &'static str,
    /// Page tab: who acknowledged which card.
    pub page_acks: &'static str,
    /// chrono format of a day (`%d/%m/%Y`).
    pub date_format: &'static str,
    /// Hint in a date field (`JJ/MM/AAAA`).
    pub date_hint: &'static str,
    /// A date that cannot be read.
    pub date_invalid: &'static str,
    /// A date that is needed and missing.
    pub date_missing: &'static str,
    /// Visit header heading.
    pub visit_title: &'static str,
    /// Visit header explanation.
    pub visit_help: &'static str,
    /// "Référent's name".
    pub referent_name: &'static str,
    /// "Unit".
    pub referent_unit: &'static str,
    /// "Household".
    pub household: &'static str,
    /// "Date of the visit".
    pub visit_date: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "People present".
    pub people_present: &'static str,
    /// "Address (optional)".
    pub address: &'static str,
    /// Why the address is sensitive.
    pub address_sensitive: &'static str,
    /// Button that saves the header and starts the visit.
    pub start_visit: &'static str,
    /// Missing référent name.
    pub need_referent_name: &'static str,
    /// Missing household.
    pub need_household: &'static str,
    /// "Item {i} of {n} in this zone".
    pub zone_position: fn(usize, usize) -> String,
    /// "{i} / {n} in the whole visit".
    pub visit_position: fn(usize, usize) -> String,
    /// "Finding".
    pub finding: &'static str,
    /// "Observation".
    pub observation: &'static str,
    /// "Recommendation".
    pub recommendation: &'static str,
    /// Previous button.
    pub previous: &'static str,
    /// Next button.
    pub next: &'static str,
    /// Last step of the visit: on to the sign-off.
    pub to_signoff: &'static str,
    /// Nothing to visit (every item hidden).
    pub nothing_to_visit: &'static str,
    /// Sign-off heading.
    pub signoff_title: &'static str,
    /// What typing the names means.
    pub signoff_help: &'static str,
    /// Label of the household member's name.
    pub signoff_household: &'static str,
    /// Sign-off date label.
    pub signoff_date: &'static str,
    /// Sign button.
    pub sign: &'static str,
    /// Save state of a dossier whose form (visit header, sign-off) holds
    /// text not saved yet.
    pub form_not_saved: &'static str,
    /// Title of the dialog asking about a form not saved.
    pub unsaved_form_title: &'static str,
    /// Leaving or closing with changes that could not be saved.
    pub unsaved_changes_title: &'static str,
    /// What the choices do (whether the file changed on disk).
    pub unsaved_changes_explain: fn(bool) -> String,
    /// Keep the changes as a new dossier.
    pub save_as_new: &'static str,
    /// Save over the version on disk, which goes to the trash.
    pub overwrite_other: &'static str,
    /// Drop the changes.
    pub discard_changes: &'static str,
    /// Close the question and stay.
    pub stay: &'static str,
    /// Its explanation.
    pub unsaved_form_explain: &'static str,
    /// Its explanation on the action plan, where only a wrong date can be
    /// unsaved.
    pub unsaved_date_explain: &'static str,
    /// Its button that saves the visit header.
    pub save_form: &'static str,
    /// Its button that forgets what was typed.
    pub discard_form: &'static str,
    /// Both names are needed.
    pub need_both_names: &'static str,
    /// "Signed on {date} by {referent} and {household}".
    pub signed: fn(&str, &str, &str) -> String,
    /// Findings counts: compliant, to improve, critical, not applicable, not seen.
    pub findings_summary: fn(usize, usize, usize, usize, usize) -> String,
    /// Action plan heading.
    pub plan_title: &'static str,
    /// What the action plan holds.
    pub plan_help: &'static str,
    /// No item in the plan.
    pub plan_empty: &'static str,
    /// "{n} items not answered yet are not in the plan".
    pub not_in_plan: fn(usize) -> String,
    /// Owner field label.
    pub owner: &'static str,
    /// Owner field hint.
    pub owner_hint: &'static str,
    /// Due date field label.
    pub due: &'static str,
    /// Overdue badge.
    pub overdue: &'static str,
    /// Next review field label.
    pub review_due_label: &'static str,
    /// Home badge: "Review due since {date}".
    pub review_due_badge: fn(&str) -> String,
    /// "Since «{title}» ({date})".
    pub changes_since: fn(&str, &str) -> String,
    /// "Newly done ({n})".
    pub newly_done: fn(usize) -> String,
    /// "Newly failing ({n})".
    pub newly_failing: fn(usize) -> String,
    /// "Still open ({n})".
    pub still_open: fn(usize) -> String,
    /// Button at the end of the checklist: on to the action plan.
    pub to_plan: &'static str,
    /// Home: start a review from a dossier.
    pub new_review: &'static str,
    /// Title of a review: "{title} – review of {date}".
    pub review_title: fn(&str, &str) -> String,
    /// Members heading.
    pub members_title: &'static str,
    /// Why a first name is enough.
    pub members_help: &'static str,
    /// Role names.
    pub role_name: fn(crate::model::family::Role) -> &'static str,
    /// Role field label.
    pub role: &'static str,
    /// First name field label.
    pub member_name: &'static str,
    /// Add member button.
    pub add_member: &'static str,
    /// "Remove {name}" button.
    pub remove_member: fn(&str) -> String,
    /// No member yet.
    pub no_members: &'static str,
    /// On to the cards.
    pub to_cards: &'static str,
    /// "Card {i} of {n}".
    pub card_position: fn(usize, usize) -> String,
    /// "{name}: read and agreed".
    pub read_and_agreed: fn(&str) -> String,
    /// No card to read.
    pub no_cards: &'static str,
    /// On to the acknowledgements.
    pub to_acks: &'static str,
    /// Acknowledgements heading.
    pub acks_title: &'static str,
    /// "{read} of {n} cards read and agreed".
    pub acks_count: fn(usize, usize) -> String,
    /// "Finding: {finding}" (the action plan of a visit).
    pub finding_of: fn(&str) -> String,
    /// The personal checklist's first entry: every item, most important first.
    pub most_important_first: &'static str,
    /// "Remove {name}?"
    pub remove_member_question: fn(&str) -> String,
    /// What removing a member loses: "{n} acknowledgements".
    pub remove_member_explain: fn(usize) -> String,
    // Security
    /// Top bar button that opens the security dialog.
    pub security_button: &'static str,
    /// "Lock" button.
    pub lock: &'static str,
    /// Lock button tooltip.
    pub lock_help: &'static str,
    /// Unlock screen heading.
    pub locked_title: &'static str,
    /// Unlock screen explanation.
    pub locked_help: &'static str,
    /// Passphrase field label.
    pub passphrase: &'static str,
    /// "Unlock" button.
    pub unlock: &'static str,
    /// Nobody can recover a forgotten passphrase.
    pub forgot_help: &'static str,
    /// Security dialog heading.
    pub security_title: &'static str,
    /// Encryption is on.
    pub encryption_on: &'static str,
    /// Encryption is off.
    pub encryption_off: &'static str,
    /// How to choose a passphrase, and what forgetting it means.
    pub encryption_explain: &'static str,
    /// New passphrase field label.
    pub new_passphrase: &'static str,
    /// Confirmation field label.
    pub confirm_passphrase: &'static str,
    /// Current passphrase field label (to turn encryption off).
    pub current_passphrase: &'static str,
    /// "Strength: {word}" for a score from 0 to 4.
    pub strength: fn(u8) -> String,
    /// A passphrase below the minimum strength.
    pub passphrase_too_weak: &'static str,
    /// The two passphrases differ.
    pub passphrases_differ: &'static str,
    /// "Turn encryption on" button.
    pub enable_encryption: &'static str,
    /// "Turn encryption off" button.
    pub disable_encryption: &'static str,
    /// What turning encryption off does.
    pub disable_explain: &'static str,
    /// Idle lock setting label.
    pub idle_lock: &'static str,
    /// An idle lock choice, in minutes (0: never).
    pub idle_lock_choice: fn(u32) -> String,
    /// Notice after turning encryption on.
    pub encryption_enabled: &'static str,
    /// Button of the security dialog opening the passphrase change.
    pub change_passphrase_button: &'static str,
    /// What changing the passphrase does (and does not).
    pub change_passphrase_explain: &'static str,
    /// Button that changes the passphrase.
    pub change_passphrase: &'static str,
    /// Notice after changing the passphrase.
    pub passphrase_changed: &'static str,
    /// Back from the passphrase change to the security dialog.
    pub back: &'static str,
    /// Notice after turning encryption off.
    pub encryption_disabled: &'static str,
    /// Shown while the key is derived from the passphrase.
    pub working: &'static str,
    /// Photos left out of a report (unreadable), their captions kept.
    pub photos_left_out: fn(usize) -> String,
    /// A restore cut short was undone at start (files moved back).
    pub restore_undone: fn(usize) -> String,
    /// `vigie list`: a data folder others could open was made private.
    pub cli_tightened: fn(&str) -> String,
    /// `vigie list` on an encrypted data folder.
    pub cli_locked: fn(&str) -> String,
    /// The home screen.
    pub home: &'static home::HomeTr,
    /// Keyboard shortcuts, "In danger now?" and the windows over the screen.
    pub keys: &'static keys::KeysTr,
    /// The journeys' pages, the signed record, the action plan, the cards.
    pub journeys: &'static journeys::JourneysTr,
    /// The log of suspicious events.
    pub journal: &'static journal::JournalTr,
    /// The exposure inventory.
    pub exposure: &'static exposure::ExposureTr,
    /// Photos on items.
    pub photos: &'static photos::PhotosTr,
    /// The handover, import, backup and restore files.
    pub archive: &'static archive::ArchiveTr,
}
