//! The desktop application (egui).
//!
//! [`AppState`] holds everything; [`Screen`] says which screen is shown.
//! Views (`home`, `new_dossier`, `walkthrough`) read the state and return
//! [`Action`]s; [`AppState::apply`] is the one place that changes the model
//! and the files. Views may edit their own form drafts (text being typed,
//! boxes being ticked) directly, as egui widgets need; nothing else.

mod family;
mod home;
mod household;
mod new_dossier;
mod pages;
mod plan;
mod rows;
mod security;
mod summary;
pub mod theme;
mod visit;
mod walkthrough;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use zeroize::Zeroize as _;

pub use household::HouseholdDraft;
pub use new_dossier::NewDossierDraft;
pub use security::{Resume, SecurityDraft, UnlockDraft};
pub use summary::SummaryDraft;
pub use walkthrough::{StatusFilter, Walk};

pub use family::MemberDraft;
pub use pages::JourneyDrafts;
pub use visit::{FormProblem, SignOffDraft, VisitDraft};

use crate::i18n::{Lang, Tr, tr};
use crate::library::Library;
use crate::model::checklist::{ItemId, Tag};
use crate::model::family::MemberId;
use crate::model::{Dossier, DossierId, Status};
use crate::store::{Encryption, IdleLock, Listed, Settings, Store, StoreError, Theme};

/// How long after a change the dossier is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(800);

/// Which screen is shown.
#[derive(Debug)]
pub enum Screen {
    /// The list of dossiers.
    Home,
    /// Creating a dossier.
    NewDossier(NewDossierDraft),
    /// Working through a dossier's checklists.
    Walkthrough(Box<Walk>),
    /// The summary and export of the open dossier.
    Summary(Box<Walk>, SummaryDraft),
    /// The data folder is encrypted and locked: asks for the passphrase.
    Unlock(UnlockDraft),
}

/// The page of an open dossier (a [`Screen::Walkthrough`]): the item list,
/// or one of the journeys' pages. They share the open dossier and its
/// autosave, so they live inside the walkthrough screen.
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

/// A modal dialog over the current screen.
#[derive(Debug)]
pub enum Dialog {
    /// Renaming a dossier; holds the title being typed.
    Rename {
        /// The dossier.
        id: DossierId,
        /// The new title as typed.
        title: String,
    },
    /// Confirming that a dossier goes to the trash.
    ConfirmDelete {
        /// The dossier.
        id: DossierId,
        /// Its title.
        title: String,
    },
    /// Changing the open dossier's household profile.
    Profile(HouseholdDraft),
    /// Confirming that a member who acknowledged cards is removed.
    ConfirmRemoveMember {
        /// The member.
        id: MemberId,
        /// Their name.
        name: String,
        /// How many cards they acknowledged.
        acknowledged: usize,
    },
    /// Encryption on or off, the idle lock, lock now.
    Security(SecurityDraft),
    /// Asking what to do with a form (visit header, sign-off) holding
    /// something typed and not saved, before `then` leaves it.
    UnsavedForm {
        /// What the user asked for.
        then: Box<Action>,
    },
}

/// A message shown once at the top of the window until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Whether it reports a problem.
    pub is_error: bool,
    /// The text, already in the user's language.
    pub text: String,
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

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Back to the list of dossiers.
    GoHome,
    /// Show the new dossier screen.
    StartNewDossier,
    /// Create the dossier described by the new dossier screen's draft.
    CreateDossier,
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
    /// Close the dialog without doing anything.
    CloseDialog,
    /// Set an item's status.
    SetStatus(ItemId, Status),
    /// Set an item's note.
    SetNote(ItemId, String),
    /// Show a section (index in the walkthrough's section list).
    SelectSection(usize),
    /// Select an item.
    Select(ItemId),
    /// Move the selection by this many items (keyboard).
    MoveSelection(isize),
    /// Unfold or fold an item's guidance.
    ToggleDetails(ItemId),
    /// Open the household profile dialog.
    EditProfile,
    /// Apply a household profile to the open dossier.
    SetProfile(Option<BTreeSet<Tag>>),
    /// Change the language.
    SetLang(Lang),
    /// Change the theme.
    SetTheme(Theme),
    /// Hide the notice.
    DismissNotice,
    /// Save the open dossier now.
    SaveNow,
    /// Show the summary of the open dossier.
    ShowSummary,
    /// Back from the summary to the walkthrough.
    CloseSummary,
    /// Export the open dossier's summary to a file.
    Export(crate::report::Format, PathBuf),
    /// Show a page of the open dossier.
    ShowPage(Page),
    /// Save the visit header form and start the visit.
    SaveVisit,
    /// Sign off the visit with the sign-off form.
    SignOff,
    /// Set an item's recommendation.
    SetRecommendation(ItemId, String),
    /// Set who takes an item in hand.
    SetOwner(ItemId, String),
    /// Set an item's due date.
    SetDue(ItemId, Option<NaiveDate>),
    /// Set the open dossier's next review date.
    SetReviewDue(Option<NaiveDate>),
    /// Add the member described by the members form.
    AddMember,
    /// Remove a member (asks first when they acknowledged cards).
    RemoveMember(MemberId),
    /// Remove a member and their acknowledgements, without asking.
    RemoveMemberNow(MemberId),
    /// Record or withdraw a member's acknowledgement of a card.
    SetAcknowledged(ItemId, MemberId, bool),
    /// Create a new dossier reviewing this one, and open it.
    NewReview(DossierId),
    /// Show every section's items, most important first.
    ShowMostImportant,
    /// Open the security dialog.
    OpenSecurity,
    /// Unlock with the passphrase typed in the unlock screen.
    Unlock,
    /// Save, forget the key and show the unlock screen.
    Lock,
    /// Turn encryption on with the passphrase typed in the security dialog.
    EnableEncryption,
    /// Turn encryption off, with the current passphrase typed in the
    /// security dialog.
    DisableEncryption,
    /// Change the passphrase with the current and new ones typed in the
    /// security dialog.
    ChangePassphrase,
    /// Change the idle time after which the app locks itself.
    SetIdleLock(IdleLock),
    /// Close the window.
    Quit,
    /// Save the form of the page shown, then do this (unless the form is
    /// incomplete: it then shows what is missing).
    SaveFormThen(Box<Action>),
    /// Forget what was typed in the form of the page shown, then do this.
    DiscardFormThen(Box<Action>),
}

impl Action {
    /// Whether the action leaves `page` of the open dossier.
    fn leaves(&self, page: Page) -> bool {
        match self {
            Self::GoHome | Self::ShowSummary | Self::Quit => true,
            Self::ShowPage(other) => *other != page,
            _ => false,
        }
    }

    /// Whether the action only changes the open dossier in memory or what
    /// is shown (it need not wait for a background save).
    #[must_use]
    pub fn edits_in_memory(&self) -> bool {
        matches!(
            self,
            Self::SetStatus(..)
                | Self::SetNote(..)
                | Self::SelectSection(_)
                | Self::Select(_)
                | Self::MoveSelection(_)
                | Self::ToggleDetails(_)
                | Self::SetRecommendation(..)
                | Self::SetOwner(..)
                | Self::SetDue(..)
                | Self::SetReviewDue(_)
                | Self::ShowMostImportant
                | Self::DismissNotice
        )
    }
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
    /// The dialog shown, if any.
    pub dialog: Option<Dialog>,
    /// The dossiers, as last listed.
    pub dossiers: Vec<Listed>,
    /// The message shown, if any.
    pub notice: Option<Notice>,
    /// How long after a change the dossier is saved.
    pub autosave_delay: Duration,
    /// When the user last used the mouse or keyboard (for the idle lock).
    pub last_activity: Instant,
    /// Whether slow work runs on background threads, so that it never
    /// holds up a frame (the window turns it on; tests mostly leave it off
    /// to stay step by step): autosaves write the file on the `vigie-save`
    /// thread (other saves — leaving the dossier, exit, retry — wait for it
    /// and are done at once), and unlocking derives the key on the
    /// `vigie-unlock` thread.
    pub work_in_background: bool,
    /// The autosave being written on the background thread, if any.
    saving: Option<Saving>,
    /// The user asked to close the window (the frame passes it on).
    pub quit_requested: bool,
}

/// An autosave under way on the background thread.
#[derive(Debug)]
struct Saving {
    /// Its file, to name in an error.
    path: PathBuf,
    handle: std::thread::JoinHandle<crate::store::SaveDone>,
}

/// How often a frame checks whether a background save has ended.
const SAVE_POLL: Duration = Duration::from_millis(15);

impl AppState {
    /// Opens the data folder, loads the checklists and the dossier list.
    ///
    /// `lang` overrides the saved and system language.
    pub fn new(root: PathBuf, lang: Option<Lang>) -> Result<Self, crate::store::StoreError> {
        let store = Store::open(root)?;
        let mut notice = None;
        let settings = store.load_settings().unwrap_or_else(|err| {
            notice = Some(err);
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
            dialog: None,
            dossiers: Vec::new(),
            notice: None,
            autosave_delay: AUTOSAVE_DELAY,
            last_activity: Instant::now(),
            work_in_background: false,
            saving: None,
            quit_requested: false,
        };
        if let Some(err) = notice {
            state.error((state.tr().store_error)(&err));
        }
        if state.store.encryption() == Encryption::Locked {
            state.screen = Screen::Unlock(UnlockDraft::default());
        } else {
            state.refresh_list();
        }
        Ok(state)
    }

    /// The catalog of the current language.
    #[must_use]
    pub fn tr(&self) -> &'static Tr {
        tr(self.lang)
    }

    fn error(&mut self, text: String) {
        self.notice = Some(Notice { is_error: true, text });
    }

    fn info(&mut self, text: String) {
        self.notice = Some(Notice {
            is_error: false,
            text,
        });
    }

    /// Reads the dossier list again.
    pub fn refresh_list(&mut self) {
        match self.store.list() {
            Ok(list) => self.dossiers = list,
            Err(err) => self.error((self.tr().store_error)(&err)),
        }
    }

    /// The open dossier, if any.
    #[must_use]
    pub fn walk(&self) -> Option<&Walk> {
        match &self.screen {
            Screen::Walkthrough(walk) | Screen::Summary(walk, _) => Some(walk),
            _ => None,
        }
    }

    fn walk_mut(&mut self) -> Option<&mut Walk> {
        match &mut self.screen {
            Screen::Walkthrough(walk) | Screen::Summary(walk, _) => Some(walk),
            _ => None,
        }
    }

    /// Carries out an action. The only place that changes the model or the
    /// files.
    pub fn apply(&mut self, action: Action) {
        if !action.edits_in_memory() {
            // Whatever may touch the files waits for a background save.
            self.finish_saving(true);
        }
        let now = Utc::now();
        if let Some(walk) = self.walk()
            && action.leaves(walk.page)
            && walk.has_unsaved_form()
        {
            // Something typed in a form would be lost: ask first.
            self.dialog = Some(Dialog::UnsavedForm {
                then: Box::new(action),
            });
            return;
        }
        match action {
            Action::GoHome => {
                self.flush();
                if matches!(self.walk().map(|w| &w.save), Some(SaveState::Failed)) {
                    // Leaving would lose the changes that could not be saved.
                    return;
                }
                self.screen = Screen::Home;
                self.dialog = None;
                self.refresh_list();
            }
            Action::StartNewDossier => {
                self.screen = Screen::NewDossier(NewDossierDraft::new(&self.library));
            }
            Action::CreateDossier => {
                let Screen::NewDossier(draft) = &mut self.screen else {
                    return;
                };
                draft.attempted = true;
                let Some(dossier) = draft.to_dossier(&self.library, now) else {
                    return;
                };
                match self.store.create(&dossier) {
                    Ok(id) => self.open_walk(id, dossier),
                    Err(err) => self.error((self.tr().store_error)(&err)),
                }
            }
            Action::Open(id) => match self.store.load(&id) {
                Ok(dossier) => self.open_walk(id, dossier),
                Err(err) => self.error((self.tr().store_error)(&err)),
            },
            Action::OpenBackup(id) => match self.store.load_backup(&id) {
                Ok(dossier) => {
                    let aside = self.store.dossier_path(&id).with_extension("ron.damaged");
                    // Write the backup back as the dossier right away, so
                    // that the list shows it again.
                    match self.store.save(&id, &dossier) {
                        Ok(()) => {
                            self.info((self.tr().backup_opened)(&aside.display().to_string()));
                            self.open_walk(id, dossier);
                        }
                        Err(err) => self.error((self.tr().store_error)(&err)),
                    }
                }
                Err(err) => self.error((self.tr().store_error)(&err)),
            },
            Action::AskRename(id) => {
                let title = self.listed_title(&id).unwrap_or_default();
                self.dialog = Some(Dialog::Rename { id, title });
            }
            Action::Rename(id, title) => {
                let title = title.trim().to_owned();
                if title.is_empty() {
                    return;
                }
                self.dialog = None;
                let result = self.store.load(&id).and_then(|mut dossier| {
                    dossier.title = title;
                    dossier.modified = now;
                    self.store.save(&id, &dossier)
                });
                if let Err(err) = result {
                    self.error((self.tr().store_error)(&err));
                }
                self.refresh_list();
            }
            Action::Duplicate(id) => {
                let title = (self.tr().copy_of)(&self.listed_title(&id).unwrap_or_default());
                if let Err(err) = self.store.duplicate(&id, &title, now) {
                    self.error((self.tr().store_error)(&err));
                }
                self.refresh_list();
            }
            Action::AskDelete(id) => {
                let title = self.listed_title(&id).unwrap_or_else(|| id.to_string());
                self.dialog = Some(Dialog::ConfirmDelete { id, title });
            }
            Action::Delete(id) => {
                self.dialog = None;
                match self.store.trash(&id, now) {
                    Ok(path) => self.info((self.tr().trashed)(&path.display().to_string())),
                    Err(err) => self.error((self.tr().store_error)(&err)),
                }
                self.refresh_list();
            }
            Action::CloseDialog => self.dialog = None,
            Action::SetStatus(item, status) => self.edit(|d| d.set_status(&item, status, now)),
            Action::SetNote(item, note) => self.edit(|d| d.set_note(&item, &note, now)),
            Action::SelectSection(index) => {
                let library = &self.library;
                if let Some(walk) = match &mut self.screen {
                    Screen::Walkthrough(walk) => Some(walk),
                    _ => None,
                } {
                    walk.select_section(index, library);
                }
            }
            Action::Select(item) => {
                if let Some(walk) = self.walk_mut() {
                    walk.selected = Some(item);
                }
            }
            Action::MoveSelection(delta) => {
                let library = &self.library;
                if let Screen::Walkthrough(walk) = &mut self.screen {
                    walk.move_selection(delta, library);
                }
            }
            Action::ToggleDetails(item) => {
                if let Some(walk) = self.walk_mut()
                    && !walk.expanded.remove(&item)
                {
                    walk.expanded.insert(item);
                }
            }
            Action::EditProfile => {
                if let Some(walk) = self.walk() {
                    self.dialog = Some(Dialog::Profile(HouseholdDraft::from_profile(
                        walk.dossier.profile.as_ref(),
                    )));
                }
            }
            Action::SetProfile(profile) => {
                self.dialog = None;
                self.edit(|d| {
                    if d.profile == profile {
                        return false;
                    }
                    d.profile = profile;
                    d.modified = now;
                    true
                });
            }
            Action::SetLang(lang) => {
                self.lang = lang;
                self.settings.lang = Some(lang);
                self.save_settings();
            }
            Action::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Action::DismissNotice => self.notice = None,
            Action::SaveNow => self.flush(),
            Action::ShowSummary => {
                self.flush();
                if let Screen::Walkthrough(walk) = std::mem::replace(&mut self.screen, Screen::Home) {
                    let draft = SummaryDraft::new(&walk.dossier.title);
                    self.screen = Screen::Summary(walk, draft);
                }
            }
            Action::CloseSummary => {
                if let Screen::Summary(walk, _) = std::mem::replace(&mut self.screen, Screen::Home) {
                    self.screen = Screen::Walkthrough(walk);
                }
            }
            Action::Export(format, path) => self.export(format, &path),
            Action::ShowPage(page) => {
                let t = self.tr();
                if let Some(walk) = self.walk_mut() {
                    walk.show_page(page, now.with_timezone(&chrono::Local).date_naive(), t);
                }
            }
            Action::SaveVisit => {
                if self.save_form(Page::VisitHeader, now) {
                    self.apply(Action::ShowPage(Page::Visit(0)));
                }
            }
            Action::SignOff => {
                self.save_form(Page::SignOff, now);
            }
            Action::SaveFormThen(then) => {
                self.dialog = None;
                let page = self.walk().map(|w| w.page);
                if page.is_some_and(|page| self.save_form(page, now)) {
                    self.apply(*then);
                }
            }
            Action::DiscardFormThen(then) => {
                self.dialog = None;
                if let Some(walk) = self.walk_mut() {
                    walk.discard_form();
                }
                self.apply(*then);
            }
            Action::Quit => self.quit_requested = true,
            Action::SetRecommendation(item, text) => self.edit(|d| d.set_recommendation(&item, &text, now)),
            Action::SetOwner(item, owner) => self.edit(|d| d.set_owner(&item, &owner, now)),
            Action::SetDue(item, due) => self.edit(|d| d.set_due(&item, due, now)),
            Action::SetReviewDue(due) => self.edit(|d| {
                if d.review_due == due {
                    return false;
                }
                d.review_due = due;
                d.modified = now;
                true
            }),
            Action::AddMember => {
                self.save_form(Page::Members, now);
            }
            Action::RemoveMember(member) => {
                let Some(walk) = self.walk() else {
                    return;
                };
                let d = &walk.dossier;
                let acknowledged = d
                    .acknowledgements
                    .values()
                    .filter(|a| a.contains(&member))
                    .count();
                let name = d.members.iter().find(|m| m.id == member).map(|m| m.name.clone());
                match name {
                    Some(name) if acknowledged > 0 => {
                        self.dialog = Some(Dialog::ConfirmRemoveMember {
                            id: member,
                            name,
                            acknowledged,
                        });
                    }
                    _ => self.apply(Action::RemoveMemberNow(member)),
                }
            }
            Action::RemoveMemberNow(member) => {
                self.dialog = None;
                self.edit(|d| d.remove_member(member, now));
            }
            Action::SetAcknowledged(item, member, yes) => {
                self.edit(|d| d.set_acknowledged(&item, member, yes, now));
            }
            Action::ShowMostImportant => {
                let library = &self.library;
                if let Screen::Walkthrough(walk) = &mut self.screen {
                    walk.show_most_important(library);
                }
            }
            Action::NewReview(id) => {
                self.flush();
                let previous = match self.store.load(&id) {
                    Ok(previous) => previous,
                    Err(err) => return self.error((self.tr().store_error)(&err)),
                };
                let date = now
                    .with_timezone(&chrono::Local)
                    .format(self.tr().date_format)
                    .to_string();
                let review =
                    Dossier::review_of(&previous, (self.tr().review_title)(&previous.title, &date), now);
                match self.store.create(&review) {
                    Ok(new_id) => self.open_walk(new_id, review),
                    Err(err) => self.error((self.tr().store_error)(&err)),
                }
            }
            Action::OpenSecurity => self.dialog = Some(Dialog::Security(SecurityDraft::default())),
            Action::Unlock => self.unlock(),
            Action::Lock => self.lock(),
            Action::EnableEncryption => self.enable_encryption(),
            Action::DisableEncryption => self.disable_encryption(),
            Action::ChangePassphrase => self.change_passphrase(),
            Action::SetIdleLock(idle) => {
                self.settings.idle_lock = idle;
                self.save_settings();
            }
        }
    }

    /// Saves the form of `page` (visit header, sign-off, new member) into
    /// the open dossier. Returns false when it is incomplete: the form then
    /// shows what is missing.
    fn save_form(&mut self, page: Page, now: DateTime<Utc>) -> bool {
        let Some(walk) = self.walk_mut() else {
            return false;
        };
        let drafts = &mut walk.drafts;
        match page {
            Page::VisitHeader => {
                drafts.visit.attempted = true;
                let Ok(visit) = drafts.visit.to_visit() else {
                    return false;
                };
                drafts.visit_shown = drafts.visit.clone();
                self.edit(|d| {
                    if d.visit.as_ref() == Some(&visit) {
                        return false;
                    }
                    d.visit = Some(visit);
                    d.modified = now;
                    true
                });
            }
            Page::SignOff => {
                drafts.signoff.attempted = true;
                let Ok(signoff) = drafts.signoff.to_signoff() else {
                    return false;
                };
                drafts.signoff_shown = drafts.signoff.clone();
                self.edit(|d| {
                    if d.signoff.as_ref() == Some(&signoff) {
                        return false;
                    }
                    d.signoff = Some(signoff);
                    d.modified = now;
                    true
                });
            }
            Page::Members => {
                let draft = drafts.member.clone();
                let mut added = false;
                self.edit(|d| {
                    added = d.add_member(draft.role, &draft.name, now).is_some();
                    added
                });
                if !added {
                    return false;
                }
                if let Some(walk) = self.walk_mut() {
                    walk.drafts.member.name.clear();
                }
            }
            _ => {}
        }
        true
    }

    /// Reads the data key with the passphrase typed in the unlock screen:
    /// on the `vigie-unlock` thread in the window, here otherwise.
    fn unlock(&mut self) {
        let Screen::Unlock(draft) = &mut self.screen else {
            return;
        };
        if draft.reading.is_some() {
            return;
        }
        let passphrase = age::secrecy::SecretString::from(draft.passphrase.as_str().to_owned());
        draft.passphrase.zeroize();
        let reader = self.store.key_reader();
        if self.work_in_background {
            // The window: the passphrase's slow key derivation (about a
            // second) runs off the UI thread, which shows a spinner.
            let on_thread = passphrase.clone();
            let thread_reader = reader.clone();
            let spawned = std::thread::Builder::new()
                .name("vigie-unlock".to_owned())
                .spawn(move || thread_reader.read(&on_thread));
            if let Ok(handle) = spawned {
                draft.reading = Some(handle);
                return;
            }
        }
        let key = reader.read(&passphrase);
        self.finish_unlock(key);
    }

    /// Takes in the key read on the `vigie-unlock` thread once it is ready.
    /// Returns whether it is still being read.
    pub fn poll_unlock(&mut self) -> bool {
        let Screen::Unlock(draft) = &mut self.screen else {
            return false;
        };
        let Some(handle) = draft.reading.take_if(|h| h.is_finished()) else {
            return draft.reading.is_some();
        };
        let key_path = self.store.key_path();
        let key = handle.join().unwrap_or_else(|_| {
            Err(StoreError::Io {
                path: key_path,
                action: crate::store::IoAction::Read,
                source: std::io::Error::other("reading the key stopped unexpectedly"),
            })
        });
        self.finish_unlock(key);
        false
    }

    /// Unlocks with the key read with the passphrase typed (or says why
    /// not), then shows what was shown before locking.
    fn finish_unlock(&mut self, key: Result<crate::store::DataKey, StoreError>) {
        let result = key.and_then(|key| self.store.unlock_with(key));
        if self.store.encryption() != Encryption::Unlocked {
            // Nothing was changed: say why and ask again.
            let t = tr(self.lang);
            if let (Screen::Unlock(draft), Err(err)) = (&mut self.screen, result) {
                draft.error = Some((t.store_error)(&err));
            }
            return;
        }
        let Screen::Unlock(draft) = std::mem::replace(&mut self.screen, Screen::Home) else {
            return;
        };
        self.last_activity = Instant::now();
        self.refresh_list();
        if let Err(err) = result {
            // The key is loaded, but a file left in plain text by an
            // interrupted conversion could not be encrypted.
            self.error((self.tr().store_error)(&err));
        }
        match draft.resume {
            Some(Resume::Reopen(id)) => self.apply(Action::Open(id)),
            Some(Resume::Unsaved(walk)) => {
                self.screen = Screen::Walkthrough(walk);
                self.flush();
            }
            None => {}
        }
    }

    /// Saves the open dossier, forgets the key and shows the unlock screen.
    /// A dossier whose changes could not be saved is kept in memory, behind
    /// the unlock screen, so that nothing is lost.
    fn lock(&mut self) {
        if self.store.encryption() != Encryption::Unlocked {
            return;
        }
        self.flush();
        let resume = match std::mem::replace(&mut self.screen, Screen::Home) {
            Screen::Walkthrough(walk) | Screen::Summary(walk, _)
                if walk.save == SaveState::Saved && !walk.has_unsaved_form() =>
            {
                Some(Resume::Reopen(walk.id))
            }
            Screen::Walkthrough(walk) | Screen::Summary(walk, _) => Some(Resume::Unsaved(walk)),
            Screen::Unlock(draft) => draft.resume,
            Screen::Home | Screen::NewDossier(_) => None,
        };
        self.store.lock();
        self.dialog = None;
        self.notice = None;
        self.dossiers.clear();
        self.screen = Screen::Unlock(UnlockDraft {
            resume,
            ..UnlockDraft::default()
        });
    }

    /// Turns encryption on with the passphrase of the security dialog.
    fn enable_encryption(&mut self) {
        let t = tr(self.lang);
        let Some(passphrase) = self.new_passphrase() else {
            return;
        };
        // The open dossier is saved first, then converted with the others.
        self.flush();
        let result = self.store.enable_encryption(&passphrase);
        self.after_conversion(result, t.encryption_enabled);
    }

    /// The new passphrase of the security dialog, if it is strong enough
    /// and typed twice the same; else the dialog says why.
    fn new_passphrase(&mut self) -> Option<age::secrecy::SecretString> {
        let t = tr(self.lang);
        let Some(Dialog::Security(draft)) = &mut self.dialog else {
            return None;
        };
        let strength = crate::passphrase::Strength::of(&draft.new_passphrase);
        if !strength.is_enough() {
            draft.error = Some(t.passphrase_too_weak.to_owned());
            return None;
        }
        if *draft.new_passphrase != *draft.confirm {
            draft.error = Some(t.passphrases_differ.to_owned());
            return None;
        }
        Some(age::secrecy::SecretString::from(
            draft.new_passphrase.as_str().to_owned(),
        ))
    }

    /// Changes the passphrase with the current and new ones of the security
    /// dialog (the dossiers are not rewritten).
    fn change_passphrase(&mut self) {
        let t = tr(self.lang);
        let Some(new) = self.new_passphrase() else {
            return;
        };
        let Some(Dialog::Security(draft)) = &mut self.dialog else {
            return;
        };
        let current = age::secrecy::SecretString::from(draft.current.as_str().to_owned());
        let result = self.store.change_passphrase(&current, &new);
        self.after_conversion(result, t.passphrase_changed);
    }

    /// Turns encryption off with the current passphrase of the security
    /// dialog.
    fn disable_encryption(&mut self) {
        let t = tr(self.lang);
        let Some(Dialog::Security(draft)) = &mut self.dialog else {
            return;
        };
        let passphrase = age::secrecy::SecretString::from(draft.current.as_str().to_owned());
        self.flush();
        let result = self.store.disable_encryption(&passphrase);
        self.after_conversion(result, t.encryption_disabled);
    }

    /// Closes the security dialog and says what happened, or keeps it open
    /// with the error.
    fn after_conversion(&mut self, result: Result<(), StoreError>, done: &str) {
        let t = tr(self.lang);
        match result {
            Ok(()) => {
                self.dialog = None;
                self.last_activity = Instant::now();
                self.info(done.to_owned());
            }
            Err(err) => {
                if let Some(Dialog::Security(draft)) = &mut self.dialog {
                    draft.current.zeroize();
                    draft.error = Some((t.store_error)(&err));
                }
            }
        }
        self.refresh_list();
    }

    /// What the frame shows that applying actions or saving may change: the
    /// notice, the save state and the screen.
    fn shown(&self) -> (Option<Notice>, Option<SaveState>, std::mem::Discriminant<Screen>) {
        (
            self.notice.clone(),
            self.walk().map(|w| w.save.clone()),
            std::mem::discriminant(&self.screen),
        )
    }

    /// Locks the app if it was idle for the chosen time. Returns how long
    /// until it would lock, if it may.
    pub fn idle_lock(&mut self, now: Instant) -> Option<Duration> {
        if self.store.encryption() != Encryption::Unlocked {
            return None;
        }
        let deadline = self.last_activity + self.settings.idle_lock.duration()?;
        if now >= deadline {
            self.lock();
            None
        } else {
            Some(deadline - now)
        }
    }

    fn listed_title(&self, id: &DossierId) -> Option<String> {
        self.dossiers
            .iter()
            .find(|l| &l.id == id)
            .and_then(|l| l.dossier.as_ref().ok())
            .map(|d| d.title.clone())
    }

    fn open_walk(&mut self, id: DossierId, dossier: Dossier) {
        self.dialog = None;
        let mut walk = Walk::new(id, dossier, &self.library);
        // Fill the first page's forms with dates in the user's language.
        walk.show_page(walk.page, chrono::Local::now().date_naive(), self.tr());
        self.screen = Screen::Walkthrough(Box::new(walk));
    }

    /// Changes the open dossier with `change`, which returns whether
    /// anything changed; a change schedules the autosave.
    fn edit(&mut self, change: impl FnOnce(&mut Dossier) -> bool) {
        let Some(walk) = self.walk_mut() else {
            return;
        };
        if change(&mut walk.dossier) {
            walk.save = match walk.save {
                SaveState::Pending { since } => SaveState::Pending { since },
                SaveState::Saved | SaveState::Failed => SaveState::Pending {
                    since: Instant::now(),
                },
            };
        }
    }

    /// Saves the open dossier if its autosave is due. Returns how long to
    /// wait for the next one, if one is pending.
    pub fn autosave(&mut self, now: Instant) -> Option<Duration> {
        let delay = self.autosave_delay;
        let since = match self.walk()?.save {
            SaveState::Pending { since } => since,
            SaveState::Saved | SaveState::Failed => return None,
        };
        let due = since + delay;
        if now >= due && self.saving.is_some() {
            // The previous save is still being written.
            Some(SAVE_POLL)
        } else if now >= due && self.work_in_background {
            self.start_saving();
            None
        } else if now >= due {
            self.flush();
            None
        } else {
            Some(due - now)
        }
    }

    /// Starts writing the open dossier on the background thread (see
    /// [`AppState::work_in_background`]).
    fn start_saving(&mut self) {
        let (Screen::Walkthrough(walk) | Screen::Summary(walk, _)) = &mut self.screen else {
            return;
        };
        let job = match self.store.save_job(&walk.id, &walk.dossier) {
            Ok(job) => job,
            Err(err) => return self.save_failed(&err),
        };
        let path = self.store.dossier_path(job.id());
        let spawned = std::thread::Builder::new()
            .name("vigie-save".to_owned())
            .spawn(move || job.run());
        match spawned {
            Ok(handle) => {
                // Changes made while it is written make it pending again.
                walk.save = SaveState::Saved;
                self.saving = Some(Saving { path, handle });
            }
            // No thread to be had: save here and now.
            Err(_) => self.flush(),
        }
    }

    /// Takes in the background save's outcome once it has ended (or, with
    /// `wait`, waits for it). Returns whether it is still under way.
    pub fn finish_saving(&mut self, wait: bool) -> bool {
        let Some(saving) = self.saving.take() else {
            return false;
        };
        if !wait && !saving.handle.is_finished() {
            self.saving = Some(saving);
            return true;
        }
        let result = match saving.handle.join() {
            Ok(done) => self.store.finish_save(done),
            Err(_) => Err(StoreError::Io {
                path: saving.path,
                action: crate::store::IoAction::Write,
                source: std::io::Error::other("the save stopped unexpectedly"),
            }),
        };
        match result {
            Ok(()) => {
                if self.notice.as_ref().is_some_and(|n| n.is_error) {
                    self.notice = None;
                }
            }
            Err(err) => self.save_failed(&err),
        }
        false
    }

    /// The open dossier could not be saved: its changes stay in memory and
    /// the user is told.
    fn save_failed(&mut self, err: &StoreError) {
        if let Some(walk) = self.walk_mut() {
            walk.save = SaveState::Failed;
        }
        let t = tr(self.lang);
        self.notice = Some(Notice {
            is_error: true,
            text: (t.save_error)(&(t.store_error)(err)),
        });
    }

    /// Saves the open dossier now if it has unsaved changes (also on exit).
    /// Waits for a background save first.
    pub fn flush(&mut self) {
        self.finish_saving(true);
        let (Screen::Walkthrough(walk) | Screen::Summary(walk, _)) = &mut self.screen else {
            return;
        };
        if walk.save == SaveState::Saved {
            return;
        }
        match self.store.save(&walk.id, &walk.dossier) {
            Ok(()) => {
                walk.save = SaveState::Saved;
                if self.notice.as_ref().is_some_and(|n| n.is_error) {
                    self.notice = None;
                }
            }
            Err(err) => {
                walk.save = SaveState::Failed;
                let t = tr(self.lang);
                self.notice = Some(Notice {
                    is_error: true,
                    text: (t.save_error)(&(t.store_error)(&err)),
                });
            }
        }
    }

    fn export(&mut self, format: crate::report::Format, path: &std::path::Path) {
        let Screen::Summary(walk, draft) = &self.screen else {
            return;
        };
        let t = tr(self.lang);
        let report = crate::report::build(
            &walk.dossier,
            &self.library,
            draft.profile,
            self.lang,
            chrono::Local::now(),
        );
        let open_after = draft.open_after;
        let shown = path.display().to_string();
        match crate::report::export(&report, format, path) {
            Ok(()) => {
                self.info((t.exported)(&shown));
                if open_after && let Err(err) = open::that_detached(path) {
                    self.error((t.open_failed)(&shown, &err.to_string()));
                }
            }
            Err(crate::report::ExportError::Write(err)) => {
                self.error((t.export_failed)(&(t.store_error)(&err)));
            }
            Err(err) => self.error((t.export_failed)(&err.to_string())),
        }
    }

    fn save_settings(&mut self) {
        if let Err(err) = self.store.save_settings(&self.settings) {
            self.error((self.tr().store_error)(&err));
        }
    }
}

/// Draws one frame of the whole application and applies what the user did.
pub fn app_ui(ui: &mut egui::Ui, state: &mut AppState) {
    theme::apply(ui.ctx(), state.settings.theme);
    if ui.input(|i| !i.events.is_empty() || i.pointer.is_moving()) {
        state.last_activity = Instant::now();
    }
    let mut actions = Vec::new();
    if ui.input(|i| i.viewport().close_requested()) && state.walk().is_some_and(Walk::has_unsaved_form) {
        // Ask about the form first (the dialog's answer closes the window).
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
        actions.push(Action::Quit);
    }
    top_bar_ui(ui, state, &mut actions);
    notice_ui(ui, state, &mut actions);
    let t = state.tr();
    match &mut state.screen {
        Screen::Home => home::home_ui(ui, state, &mut actions),
        Screen::NewDossier(_) => new_dossier::new_dossier_ui(ui, state, &mut actions),
        Screen::Walkthrough(walk) if walk.page != Page::List => pages::page_ui(ui, state, &mut actions),
        Screen::Walkthrough(_) => walkthrough::walkthrough_ui(ui, state, &mut actions),
        Screen::Summary(..) => summary::summary_ui(ui, state, &mut actions),
        Screen::Unlock(draft) => security::unlock_ui(ui, t, draft, &mut actions),
    }
    dialog_ui(ui, state, &mut actions);
    let before = state.shown();
    for action in actions {
        state.apply(action);
    }
    if std::mem::take(&mut state.quit_requested) {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
    if let Some(wait) = state.autosave(Instant::now()) {
        ui.ctx().request_repaint_after(wait);
    }
    if state.finish_saving(false) {
        ui.ctx().request_repaint_after(SAVE_POLL);
    }
    if let Some(wait) = state.idle_lock(Instant::now()) {
        ui.ctx().request_repaint_after(wait);
    }
    if state.poll_unlock() {
        ui.ctx().request_repaint_after(SAVE_POLL);
    }
    // What changed after drawing (a save that failed or succeeded in the
    // background, a lock when idle) must show at once, not at the next
    // mouse move.
    if state.shown() != before {
        ui.ctx().request_repaint();
    }
}

fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let t = state.tr();
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(egui::RichText::new(t.app_name).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !matches!(state.screen, Screen::Unlock(_)) {
                    if state.store.encryption() == Encryption::Unlocked
                        && ui.button(t.lock).on_hover_text(t.lock_help).clicked()
                    {
                        actions.push(Action::Lock);
                    }
                    if ui.button(t.security_button).clicked() {
                        actions.push(Action::OpenSecurity);
                    }
                }
                let theme = state.settings.theme;
                egui::ComboBox::from_id_salt("theme")
                    .selected_text((t.theme_name)(theme))
                    .show_ui(ui, |ui| {
                        for choice in [Theme::System, Theme::Light, Theme::Dark] {
                            if ui
                                .selectable_label(theme == choice, (t.theme_name)(choice))
                                .clicked()
                            {
                                actions.push(Action::SetTheme(choice));
                            }
                        }
                    })
                    .response
                    .on_hover_text(t.theme);
                for lang in Lang::ALL.into_iter().rev() {
                    if ui
                        .selectable_label(state.lang == lang, lang.code().to_uppercase())
                        .on_hover_text(lang.native_name())
                        .clicked()
                    {
                        actions.push(Action::SetLang(lang));
                    }
                }
                // The tagline takes what room is left, cut short ("…") in a
                // narrow window rather than drawn under the buttons.
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(t.tagline).weak()).truncate());
                });
            });
        });
    });
}

fn notice_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(notice) = &state.notice else {
        return;
    };
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    egui::Panel::top("notice").show(ui, |ui| {
        egui::Frame::new()
            .fill(if notice.is_error {
                tokens.error_bg
            } else {
                tokens.info_bg
            })
            .inner_margin(theme::SPACE_M)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(&notice.text).color(tokens.strong_text));
                    if matches!(state.walk().map(|w| &w.save), Some(SaveState::Failed))
                        && ui.button(t.retry).clicked()
                    {
                        actions.push(Action::SaveNow);
                    }
                    if ui.button(t.close).clicked() {
                        actions.push(Action::DismissNotice);
                    }
                });
            });
    });
}

fn dialog_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let t = tr(state.lang);
    let store_trash = state.store.trash_dir().display().to_string();
    let encryption = state.store.encryption();
    let idle_lock = state.settings.idle_lock;
    let form_page = state.walk().map(|w| w.page);
    let Some(dialog) = &mut state.dialog else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("vigie_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        match dialog {
            Dialog::Rename { id, title } => {
                ui.heading(t.rename_title);
                let label = ui.label(t.title_label);
                let edit = ui
                    .add(egui::TextEdit::singleline(title).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                edit.request_focus();
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(!title.trim().is_empty(), egui::Button::new(t.apply));
                    if ok.clicked() || (enter && !title.trim().is_empty()) {
                        actions.push(Action::Rename(id.clone(), title.clone()));
                    }
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmDelete { id, title } => {
                ui.heading((t.delete_question)(title));
                ui.label((t.delete_explain)(&store_trash));
                ui.horizontal(|ui| {
                    if ui.button(t.move_to_trash).clicked() {
                        actions.push(Action::Delete(id.clone()));
                    }
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmRemoveMember {
                id,
                name,
                acknowledged,
            } => {
                ui.heading((t.remove_member_question)(name));
                ui.label((t.remove_member_explain)(*acknowledged));
                ui.horizontal(|ui| {
                    if ui.button((t.remove_member)(name)).clicked() {
                        actions.push(Action::RemoveMemberNow(*id));
                    }
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Profile(draft) => {
                ui.heading(t.profile_title);
                ui.label(t.household_help);
                ui.add_space(theme::SPACE_M);
                household::household_ui(ui, t, draft);
                ui.add_space(theme::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button(t.apply).clicked() {
                        actions.push(Action::SetProfile(Some(draft.tags())));
                    }
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Security(draft) => security::security_ui(ui, encryption, idle_lock, t, draft, actions),
            Dialog::UnsavedForm { then } => {
                ui.heading(t.unsaved_form_title);
                ui.label(if form_page == Some(Page::Plan) {
                    t.unsaved_date_explain
                } else {
                    t.unsaved_form_explain
                });
                ui.add_space(theme::SPACE_S);
                ui.horizontal_wrapped(|ui| {
                    let save = match form_page {
                        Some(Page::SignOff) => Some(t.sign),
                        Some(Page::Members) => Some(t.add_member),
                        // Only a wrong date is unsaved there: nothing to save.
                        Some(Page::Plan) => None,
                        _ => Some(t.save_form),
                    };
                    if let Some(save) = save
                        && ui.button(egui::RichText::new(save).strong()).clicked()
                    {
                        actions.push(Action::SaveFormThen(then.clone()));
                    }
                    if ui.button(t.discard_form).clicked() {
                        actions.push(Action::DiscardFormThen(then.clone()));
                    }
                    if ui.button(t.cancel).clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
        }
    });
    if modal.should_close() && actions.is_empty() {
        actions.push(Action::CloseDialog);
    }
}

/// The eframe application: the state plus the window's life cycle.
pub struct VigieApp {
    state: AppState,
    /// Close after the first frame ([`EXIT_AFTER_FIRST_FRAME`]).
    exit_after_first_frame: bool,
}

/// The environment variable that makes the window close right after its
/// first frame (for the start-up benchmark, `benches/startup.sh`).
pub const EXIT_AFTER_FIRST_FRAME: &str = "VIGIE_EXIT_AFTER_FIRST_FRAME";

impl eframe::App for VigieApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        app_ui(ui, &mut self.state);
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.flush();
    }
}

/// Shown instead of the application when the data folder cannot be opened.
struct ErrorApp {
    message: String,
}

impl eframe::App for ErrorApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Vigie");
            ui.label(&self.message);
        });
    }
}

/// Opens the window. Returns when it is closed.
///
/// The data folder (settings, checklists, the dossier list) is read on a
/// thread of its own while the main thread creates the window and its GL
/// context, which is most of what a start costs; the first frame then has
/// the whole list, without an empty "loading" state in between.
pub fn run(data_dir: Option<PathBuf>, lang: Option<Lang>) -> anyhow::Result<()> {
    let root = Store::default_root(data_dir)
        .ok_or_else(|| anyhow::anyhow!("no data folder could be determined; use --data-dir"))?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Vigie")
            .with_app_id("vigie")
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([640.0, 480.0]),
        ..Default::default()
    };
    let opening = Opening::start(root, lang);
    eframe::run_native(
        "Vigie",
        options,
        Box::new(move |cc| {
            theme::setup_context(&cc.egui_ctx);
            Ok(opening.finish(lang))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// The data folder being opened on the `vigie-open` thread (or here, when no
/// thread can be had).
enum Opening {
    Thread(std::thread::JoinHandle<Result<AppState, crate::store::StoreError>>),
    Done(Box<Result<AppState, crate::store::StoreError>>),
}

impl Opening {
    fn start(root: PathBuf, lang: Option<Lang>) -> Self {
        let thread_root = root.clone();
        let spawned = std::thread::Builder::new()
            .name("vigie-open".to_owned())
            .spawn(move || AppState::new(thread_root, lang));
        match spawned {
            Ok(handle) => Self::Thread(handle),
            Err(_) => Self::Done(Box::new(AppState::new(root, lang))),
        }
    }

    /// Waits for the state and wraps it in the application, or in the
    /// window that says why the data folder could not be opened.
    fn finish(self, lang: Option<Lang>) -> Box<dyn eframe::App> {
        let opened = match self {
            Self::Thread(handle) => handle.join(),
            Self::Done(result) => Ok(*result),
        };
        let lang = lang.unwrap_or_else(Lang::from_system);
        let message = match opened {
            Ok(Ok(mut state)) => {
                state.work_in_background = true;
                return Box::new(VigieApp {
                    state,
                    exit_after_first_frame: std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some(),
                });
            }
            Ok(Err(err)) => (tr(lang).store_error)(&err),
            // The thread panicked.
            Err(_) => tr(lang).open_interrupted.to_owned(),
        };
        Box::new(ErrorApp {
            message: (tr(lang).data_folder_error)(&message),
        })
    }
}
