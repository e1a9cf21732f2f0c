//! What the user asked for: the [`Command`]s that views send, each carrying
//! the data it needs (the validated visit header, the member to add, the new
//! passphrase), so that handling them never reads a view's drafts.

use std::collections::BTreeSet;
use std::path::PathBuf;

use age::secrecy::SecretString;
use chrono::NaiveDate;

use super::Page;
use crate::lang::Lang;
use crate::model::checklist::{ChecklistId, ItemId, Journey, Tag};
use crate::model::family::{MemberId, Role};
use crate::model::forms::{MemberForm, SignOffForm, VisitForm};
use crate::model::visit::{SignOff, Visit};
use crate::model::{DossierId, Status};
use crate::report::{Format, Profile};
use crate::settings::{HomeSort, IdleLock, Theme, Zoom};
use crate::store::TrashedId;

/// Where the user asked to go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigation {
    /// The list of dossiers.
    Home,
    /// A page of the open dossier.
    Page(Page),
    /// The summary of the open dossier.
    Summary,
    /// Closing the window.
    Quit,
}

/// A new dossier as described on the new dossier screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDossier {
    /// Its title.
    pub title: String,
    /// Its journey.
    pub journey: Journey,
    /// Its checklists, in order.
    pub checklists: Vec<ChecklistId>,
    /// The household profile.
    pub profile: BTreeSet<Tag>,
}

/// An export asked for on the summary screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    /// PDF or HTML.
    pub format: Format,
    /// What to print.
    pub profile: Profile,
    /// Where to write it.
    pub path: PathBuf,
    /// Open it with the system's viewer once written.
    pub open_after: bool,
}

/// Something the user asked for. [`super::AppState::handle`] carries it out.
#[derive(Debug)]
pub enum Command {
    /// Go somewhere (home, a page, the summary, quit).
    Navigate(Navigation),
    /// Ask before going somewhere: the page holds a date typed wrong.
    ConfirmLeave(Navigation),
    /// The open dossier's changes could not be saved: keep them as a new
    /// dossier, then go on.
    SaveAsNew(Navigation),
    /// The open dossier changed on disk: set that version aside in the
    /// trash, save these changes over it, then go on.
    Overwrite(Navigation),
    /// Drop the open dossier's unsaved changes, then go on.
    DiscardChanges(Navigation),
    /// Show the new dossier screen.
    StartNewDossier,
    /// Show the new dossier screen with this journey chosen.
    StartJourney(Journey),
    /// Create a dossier and open it.
    CreateDossier(NewDossier),
    /// Open a dossier.
    Open(DossierId),
    /// Open a damaged dossier's backup.
    OpenBackup(DossierId),
    /// Ask for a new title.
    AskRename(DossierId),
    /// Rename a dossier.
    Rename(DossierId, String),
    /// Copy a dossier.
    Duplicate(DossierId),
    /// Ask before moving a dossier to the trash.
    AskDelete(DossierId),
    /// Move a dossier to the trash.
    Delete(DossierId),
    /// Show what the trash holds.
    ShowTrash,
    /// Bring a dossier back from the trash.
    Restore(TrashedId),
    /// Ask before emptying the trash.
    AskEmptyTrash,
    /// Delete everything in the trash for good.
    EmptyTrash,
    /// Create a new dossier reviewing this one, and open it.
    NewReview(DossierId),
    /// Close the dialog without doing anything.
    CloseDialog,
    /// Set an item's status.
    SetStatus(ItemId, Status),
    /// Set an item's note.
    SetNote(ItemId, String),
    /// Set an item's recommendation.
    SetRecommendation(ItemId, String),
    /// Set who takes an item in hand.
    SetOwner(ItemId, String),
    /// Set an item's due date.
    SetDue(ItemId, Option<NaiveDate>),
    /// Set the open dossier's next review date.
    SetReviewDue(Option<NaiveDate>),
    /// Open the household profile dialog.
    EditProfile,
    /// Apply a household profile to the open dossier.
    SetProfile(BTreeSet<Tag>),
    /// Keep what is typed in the visit header form.
    EditVisitForm(VisitForm),
    /// Save the visit header and start the visit.
    SaveVisit(Visit),
    /// Keep what is typed in the sign-off form.
    EditSignOffForm(SignOffForm),
    /// Ask before signing a visit with points not seen, or one already
    /// signed.
    AskSign {
        /// How many points were not seen.
        unseen: usize,
        /// The sign-off it replaces, if any.
        replacing: Option<Box<SignOff>>,
        /// The names and date typed, checked.
        signing: Signing,
    },
    /// Sign the visit off with these names and date.
    SignOff(Signing),
    /// Keep what is typed in the new member form.
    EditMemberForm(MemberForm),
    /// Add a family member.
    AddMember(Role, String),
    /// Remove a member (asks first when they acknowledged cards).
    RemoveMember(MemberId),
    /// Remove a member and their acknowledgements, without asking.
    RemoveMemberNow(MemberId),
    /// Record or withdraw a member's acknowledgement of a card.
    SetAcknowledged(ItemId, MemberId, bool),
    /// Export the open dossier's summary.
    Export(ExportRequest),
    /// Change the language.
    SetLang(Lang),
    /// Change the theme.
    SetTheme(Theme),
    /// Change the text size.
    SetZoom(Zoom),
    /// Change how the dossier list is sorted.
    SetHomeSort(HomeSort),
    /// Show only the dossiers of one journey, or all.
    SetHomeFilter(Option<Journey>),
    /// Hide the notice.
    DismissNotice,
    /// Save the open dossier now.
    SaveNow,
    /// Open the security dialog.
    OpenSecurity,
    /// Unlock with this passphrase.
    Unlock(SecretString),
    /// Save, forget the key and show the unlock screen.
    Lock,
    /// Turn encryption on with this new passphrase.
    EnableEncryption(SecretString),
    /// Turn encryption off; the current passphrase.
    DisableEncryption(SecretString),
    /// Change the passphrase.
    ChangePassphrase {
        /// The current passphrase.
        current: SecretString,
        /// The new one.
        new: SecretString,
    },
    /// Change the idle time after which the app locks itself.
    SetIdleLock(IdleLock),
    /// Show the emergency sheet over the screen.
    ShowEmergency,
    /// Show the keyboard shortcuts.
    ShowShortcuts,
    /// Close the emergency sheet or the shortcuts.
    CloseOverlay,
    /// Tell the user that no file dialog could be shown.
    NoFileDialog,
    /// Something asked of the log of events or the exposure inventory.
    Household(super::household_commands::HouseholdCommand),
    /// Photos on items.
    Photo(super::photos::PhotoCommand),
    /// Handover, import, backup and restore.
    Archive(super::archive::ArchiveCommand),
}

/// The names and date of a sign-off, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signing {
    /// The référent's name.
    pub referent_name: String,
    /// The household member's name.
    pub household_name: String,
    /// The day.
    pub date: NaiveDate,
}

impl Command {
    /// Whether the command only changes the open dossier in memory or what
    /// is shown, so that it need not wait for a background save.
    #[must_use]
    pub fn edits_in_memory(&self) -> bool {
        if let Self::Photo(photo) = self {
            return photo.edits_in_memory();
        }
        matches!(
            self,
            Self::SetStatus(..)
                | Self::SetNote(..)
                | Self::SetRecommendation(..)
                | Self::SetOwner(..)
                | Self::SetDue(..)
                | Self::SetReviewDue(_)
                | Self::EditVisitForm(_)
                | Self::EditSignOffForm(_)
                | Self::EditMemberForm(_)
                | Self::SetAcknowledged(..)
                | Self::DismissNotice
                | Self::ShowEmergency
                | Self::ShowShortcuts
                | Self::CloseOverlay
                | Self::CloseDialog
                | Self::Household(super::household_commands::HouseholdCommand::EditDraft(_))
        )
    }
}

impl From<Navigation> for Command {
    fn from(to: Navigation) -> Self {
        Self::Navigate(to)
    }
}
