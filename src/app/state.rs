//! What the application holds: [`AppState`], with the screen shown
//! ([`Screen`]), the open dossier ([`Session`], which only command handling
//! and background work change), the dialog, the notice, and the views' own
//! state ([`Views`]: drafts, filters, selection, which views change as the
//! user types).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::dialogs::Dialog;
use super::home::HomeUi;
use super::new_dossier::NewDossierDraft;
use super::plan::PlanUi;
use super::security::UnlockDraft;
use super::summary::SummaryDraft;
use super::tasks::Tasks;
use super::walkthrough::WalkUi;
use crate::i18n::{Tr, tr};
use crate::lang::Lang;
use crate::library::Library;
use crate::model::{Dossier, DossierId};
use crate::report::ExportError;
use crate::settings::Settings;
use crate::store::{Encryption, Listed, Store, StoreError};

/// How long after a change the dossier is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(800);

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The list of dossiers.
    Home,
    /// Creating a dossier.
    NewDossier,
    /// A page of the open dossier.
    Dossier(Page),
    /// The summary and export of the open dossier.
    Summary,
    /// The data folder is encrypted and locked: asks for the passphrase.
    Unlock,
    /// The household's log of suspicious events.
    Journal,
    /// The household's exposure inventory.
    Exposure,
}

/// A page of the open dossier: the item list, or one of the journeys'
/// pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// Every item, section by section.
    List,
    /// The référent's visit header form.
    VisitHeader,
    /// The step-by-step visit, at this step.
    Visit(usize),
    /// The sign-off of a visit.
    SignOff,
    /// The action plan.
    Plan,
    /// The family members.
    Members,
    /// The family cards, at this card.
    Cards(usize),
    /// Who read and agreed which card.
    Acknowledgements,
}

/// Whether the open dossier's changes are on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is saved.
    Saved,
    /// Changes wait for the autosave.
    Pending {
        /// When the first unsaved change was made.
        since: Instant,
    },
    /// The last save failed; the changes are kept in memory.
    Failed,
}

/// The open dossier.
#[derive(Debug)]
pub struct Session {
    /// The dossier's id.
    pub id: DossierId,
    /// The dossier, with the changes not yet saved.
    pub dossier: Dossier,
    /// Whether the changes are saved.
    pub save: SaveState,
}

/// Something to tell the user once, until dismissed. Kept as what
/// happened, and put into words when drawn, in the language of the moment.
#[derive(Clone, Debug)]
pub enum Notice {
    /// A file could not be read or written.
    StoreError(Arc<StoreError>),
    /// The open dossier could not be saved; its changes are kept.
    SaveFailed(Arc<StoreError>),
    /// A damaged dossier's backup was opened; the damaged file is there.
    BackupOpened(PathBuf),
    /// A dossier went to the trash, there.
    Trashed(PathBuf),
    /// A dossier came back from the trash.
    Restored(String),
    /// The trash was emptied of this many dossiers.
    TrashEmptied(usize),
    /// A restore cut short was undone when the data folder was opened
    /// (this many files moved back).
    RestoreUndone(usize),
    /// The data folder could be opened by other users: it was made private.
    FolderTightened(PathBuf),
    /// The summary was written there.
    Exported(PathBuf),
    /// The summary was written there, without this many photos that could
    /// not be read (their captions are printed).
    ExportedWithout(PathBuf, usize),
    /// The summary could not be written.
    ExportFailed(Arc<ExportError>),
    /// The file written could not be opened.
    OpenFailed(PathBuf, String),
    /// No file dialog could be shown: type the path instead.
    NoFileDialog,
    /// Encryption is on.
    EncryptionEnabled,
    /// Encryption is off.
    EncryptionDisabled,
    /// The passphrase changed.
    PassphraseChanged,
    /// About photos.
    Photo(super::photos::PhotoNotice),
    /// About handover, import, backup and restore.
    Archive(super::archive::ArchiveNotice),
}

impl Notice {
    /// Whether it reports a problem.
    #[must_use]
    pub fn is_error(&self) -> bool {
        match self {
            Self::Photo(notice) => notice.is_error(),
            Self::Archive(notice) => notice.is_error(),
            _ => matches!(
                self,
                Self::StoreError(_) | Self::SaveFailed(_) | Self::ExportFailed(_) | Self::OpenFailed(..)
            ),
        }
    }

    /// The notice in words.
    #[must_use]
    pub fn text(&self, t: &Tr) -> String {
        let shown = |p: &PathBuf| p.display().to_string();
        match self {
            Self::StoreError(err) => (t.store_error)(err),
            Self::SaveFailed(err) => (t.save_error)(&(t.store_error)(err)),
            Self::BackupOpened(path) => (t.backup_opened)(&shown(path)),
            Self::Trashed(path) => (t.trashed)(&shown(path)),
            Self::Restored(title) => (t.home.restored)(title),
            Self::TrashEmptied(n) => (t.home.trash_emptied)(*n),
            Self::RestoreUndone(n) => (t.restore_undone)(*n),
            Self::FolderTightened(path) => (t.cli_tightened)(&shown(path)),
            Self::Exported(path) => (t.exported)(&shown(path)),
            Self::ExportedWithout(path, n) => {
                format!("{} {}", (t.exported)(&shown(path)), (t.photos_left_out)(*n))
            }
            Self::ExportFailed(err) => match &**err {
                ExportError::Write(err) => (t.export_failed)(&(t.store_error)(err)),
                other @ ExportError::Layout(_) => (t.export_failed)(&other.to_string()),
            },
            Self::OpenFailed(path, why) => (t.open_failed)(&shown(path), why),
            Self::NoFileDialog => t.journeys.no_file_dialog.to_owned(),
            Self::EncryptionEnabled => t.encryption_enabled.to_owned(),
            Self::EncryptionDisabled => t.encryption_disabled.to_owned(),
            Self::PassphraseChanged => t.passphrase_changed.to_owned(),
            Self::Photo(notice) => notice.text(t),
            Self::Archive(notice) => notice.text(t),
        }
    }
}

/// A window over the screen that does not hide its work (not modal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The emergency sheet: who to call, what to say.
    Emergency,
    /// The keyboard shortcuts.
    Shortcuts,
}

/// The views' own state: what is being typed, filters, selection. Views
/// change it as the user types; command handling only resets it.
#[derive(Debug, Default)]
pub struct Views {
    /// The home screen's search.
    pub home: HomeUi,
    /// The new dossier being described.
    pub new_dossier: NewDossierDraft,
    /// How the open dossier's items are looked at.
    pub walk: WalkUi,
    /// Whether saving a form was tried (to show what is missing), by form.
    pub attempted: Attempted,
    /// Dates being typed in the action plan.
    pub plan: PlanUi,
    /// The summary screen's choices.
    pub summary: SummaryDraft,
    /// The unlock screen's passphrase.
    pub unlock: UnlockDraft,
    /// The log of events' filter and export choices.
    pub journal: super::journal::JournalUi,
    /// What is typed on the exposure screen and not taken yet.
    pub exposure: super::exposure::ExposureUi,
}

/// Which forms the user tried to save, so that what is missing shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one flag per form, shown independently"
)]
pub struct Attempted {
    /// The visit header.
    pub visit: bool,
    /// The sign-off.
    pub signoff: bool,
    /// The new member.
    pub member: bool,
    /// The new dossier.
    pub new_dossier: bool,
}

/// What to show again after unlocking.
#[derive(Debug)]
pub enum Resume {
    /// The dossier that was open, saved: opened again from its file, on
    /// the page it was on.
    Reopen(DossierId, Screen),
    /// The dossier that was open, with changes that could not be saved:
    /// kept in memory so that nothing is lost.
    Unsaved(Box<Session>, Screen),
    /// A screen without a dossier (the log of events, the inventory).
    Screen(Screen),
}

/// Everything the application holds.
#[derive(Debug)]
pub struct AppState {
    /// The data folder.
    pub store: Store,
    /// The checklists.
    pub library: Library,
    /// The user's preferences.
    pub settings: Settings,
    /// The language in use.
    pub lang: Lang,
    /// The screen shown.
    pub screen: Screen,
    /// The open dossier, if any.
    pub session: Option<Session>,
    /// The dialog shown, if any.
    pub dialog: Option<Dialog>,
    /// The window shown over the screen, if any.
    pub overlay: Option<Overlay>,
    /// The dossiers, as last listed, with what the list shows of each.
    pub dossiers: Vec<Listed>,
    /// Counts the readings of the dossier list, so that views know when to
    /// work out again what they derive from it.
    pub list_generation: u64,
    /// The dossier list is being read (at start-up): the home screen says
    /// so rather than showing an empty list or the first launch.
    pub list_loading: bool,
    /// The message shown, if any.
    pub notice: Option<Notice>,
    /// Why the last unlock failed.
    pub unlock_error: Option<Arc<StoreError>>,
    /// What to show once unlocked.
    pub resume: Option<Resume>,
    /// The views' own state.
    pub views: Views,
    /// Work under way on background threads.
    pub tasks: Tasks,
    /// How long after a change the dossier is saved.
    pub autosave_delay: Duration,
    /// When the user last used the mouse or keyboard (for the idle lock).
    pub last_activity: Instant,
    /// The user asked to close the window (the frame passes it on).
    pub quit_requested: bool,
    /// The log of events and the exposure inventory, once read.
    pub household: Option<super::household_docs::HouseholdDocs>,
    /// Photos: textures, the photo shown large, imports, file choosers.
    pub photos: super::photos::Photos,
}

impl AppState {
    /// Opens the data folder, loads the checklists and the dossier list.
    ///
    /// `lang` overrides the saved and system language.
    pub fn new(root: PathBuf, lang: Option<Lang>) -> Result<Self, StoreError> {
        let mut state = Self::open(root, lang)?;
        if state.store.encryption() != Encryption::Locked {
            state.refresh_list();
        }
        Ok(state)
    }

    /// Opens the data folder and loads the checklists, the log of events
    /// and the exposure inventory (unless the folder is locked); the
    /// dossier list is
    /// left to [`AppState::start_listing`] (the window reads it on a
    /// thread while it draws its first frame).
    pub fn open(root: PathBuf, lang: Option<Lang>) -> Result<Self, StoreError> {
        let store = Store::open(root)?;
        let mut notice = match (store.interrupted_restore(), store.tightened_folders().first()) {
            (Some(n), _) => Some(Notice::RestoreUndone(n)),
            (None, Some(dir)) => Some(Notice::FolderTightened(dir.clone())),
            (None, None) => None,
        };
        let settings = store.load_settings().unwrap_or_else(|err| {
            notice = Some(Notice::StoreError(Arc::new(err)));
            Settings::default()
        });
        let lang = lang.or(settings.lang).unwrap_or_else(Lang::from_system);
        let library = Library::load(Some(&store.checklists_dir()));
        let mut state = Self {
            store,
            library,
            settings,
            lang,
            screen: Screen::Home,
            session: None,
            dialog: None,
            overlay: None,
            dossiers: Vec::new(),
            list_generation: 0,
            list_loading: false,
            notice,
            unlock_error: None,
            resume: None,
            views: Views::default(),
            tasks: Tasks::default(),
            autosave_delay: AUTOSAVE_DELAY,
            last_activity: Instant::now(),
            quit_requested: false,
            household: None,
            photos: super::photos::Photos::default(),
        };
        state.views.new_dossier = NewDossierDraft::new(&state.library);
        if state.store.encryption() == Encryption::Locked {
            state.screen = Screen::Unlock;
        }
        // Read here, on the thread that opens the folder, rather than in
        // the first frame.
        state.load_household_if_needed();
        Ok(state)
    }

    /// Starts reading the dossier list as a task (nothing while the data
    /// folder is locked: unlocking reads it).
    pub fn start_listing(&mut self) {
        if self.store.encryption() == Encryption::Locked {
            return;
        }
        self.list_loading = true;
        self.tasks.start(super::tasks::Job::List(super::tasks::ListJob {
            store: self.store.reader(),
            checklists: self.library.checklists.clone(),
        }));
        let done = self.tasks.take_done();
        self.settle(done);
    }

    /// Takes in the list read by [`AppState::start_listing`], unless the
    /// list was read again since (it would be older).
    pub(super) fn finish_listing(&mut self, list: Result<Vec<Listed>, StoreError>) {
        if !self.list_loading {
            return;
        }
        self.list_loading = false;
        match list {
            Ok(list) => self.dossiers = list,
            Err(err) => self.notice = Some(Notice::StoreError(Arc::new(err))),
        }
        self.list_generation += 1;
    }

    /// The catalog of the current language.
    #[must_use]
    pub fn tr(&self) -> &'static Tr {
        tr(self.lang)
    }

    /// The open dossier, if any.
    #[must_use]
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The page of the open dossier shown, if one is.
    #[must_use]
    pub fn page(&self) -> Option<Page> {
        match self.screen {
            Screen::Dossier(page) => Some(page),
            _ => None,
        }
    }

    /// Reads the dossier list again.
    pub fn refresh_list(&mut self) {
        self.list_loading = false;
        match self.store.list_with(&self.library.checklists) {
            Ok(list) => self.dossiers = list,
            Err(err) => self.notice = Some(Notice::StoreError(Arc::new(err))),
        }
        self.list_generation += 1;
    }

    /// The title of a listed dossier.
    #[must_use]
    pub fn listed_title(&self, id: &DossierId) -> Option<String> {
        self.dossiers
            .iter()
            .find(|l| &l.id == id)
            .and_then(|l| l.summary.as_ref().ok())
            .map(|s| s.title.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tasks::Outcome;

    #[test]
    fn a_list_read_again_meanwhile_is_not_replaced_by_the_older_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = AppState::open(dir.path().to_owned(), None).unwrap();
        state.list_loading = true;
        let d = crate::model::Dossier::new(
            "Maison",
            crate::model::checklist::Journey::Personal,
            vec![],
            None,
            chrono::Utc::now(),
        );
        state.store.create(&d).unwrap();
        // A dossier was created while the first list was on its way: the
        // list is read again.
        state.refresh_list();
        assert_eq!(state.dossiers.len(), 1);
        // The first list, read before the dossier existed, comes in late.
        state.settle(vec![Outcome::Listed(Ok(Vec::new()))]);
        assert_eq!(state.dossiers.len(), 1, "the newer list stays");

        // Without a newer one, it is taken in.
        state.list_loading = true;
        state.settle(vec![Outcome::Listed(Ok(Vec::new()))]);
        assert!(state.dossiers.is_empty() && !state.list_loading);
    }
}
