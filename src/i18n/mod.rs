//! French and English, as a typed catalog.
//!
//! Every user-facing string is a field of [`Tr`]; [`fr::FR`] and [`en::EN`]
//! fill every field, so a missing translation does not compile. Strings with
//! values are functions, so word order can differ between languages.

mod en;
mod fr;

use serde::{Deserialize, Serialize};

use crate::model::checklist::{Journey, Priority, Tag};
use crate::model::dossier::Status;
use crate::model::validate::ProblemKind;
use crate::store::{StoreError, Theme};

/// A language of the interface and of the content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Self; 2] = [Self::Fr, Self::En];

    /// The language of a locale name such as `fr-FR`, `en_GB.UTF-8` or
    /// `de-DE`: English for English locales, French otherwise (French is the
    /// default).
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Fr
        }
    }

    /// The language of the system, French when unknown.
    #[must_use]
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::Fr, |l| Self::from_locale(&l))
    }

    /// The language's own name, as shown in the language switch.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fr => "Français",
            Self::En => "English",
        }
    }

    /// The two-letter code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Fr => "fr",
            Self::En => "en",
        }
    }
}

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
    /// Keyboard help.
    pub keyboard_help: &'static str,
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
    /// A checklist problem.
    pub problem: fn(&ProblemKind) -> String,
    /// A store error.
    pub store_error: fn(&StoreError) -> String,
    /// "Could not save: {reason}. Your changes are kept…".
    pub save_error: fn(&str) -> String,
    /// Retry button.
    pub retry: &'static str,
    /// "Could not open the data folder".
    pub data_folder_error: fn(&str) -> String,

    // Command line
    /// `vigie validate`: a file is valid.
    pub cli_valid: fn(&str, usize) -> String,
    /// `vigie validate`: summary with errors.
    pub cli_invalid_summary: fn(usize) -> String,
    /// `vigie list`: no dossier.
    pub cli_no_dossier: fn(&str) -> String,
    /// `vigie list`: a damaged dossier.
    pub cli_damaged: &'static str,

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
    /// Notice after turning encryption off.
    pub encryption_disabled: &'static str,
    /// Shown while the key is derived from the passphrase.
    pub working: &'static str,
    /// `vigie list` on an encrypted data folder.
    pub cli_locked: fn(&str) -> String,
}
