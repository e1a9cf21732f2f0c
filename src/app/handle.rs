//! [`AppState::handle`]: the one place that carries out what the user asked
//! for, and so the only place (with the background work of `logic.rs`) that
//! changes the model or the files.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::command::{Command, ExportRequest, Navigation, NewDossier};
use super::dialogs::Dialog;
use super::household::HouseholdDraft;
use super::new_dossier::NewDossierDraft;
use super::state::{AppState, Notice, Overlay, Page, SaveState, Screen, Session, Views};
use super::summary::SummaryDraft;
use super::walkthrough::WalkUi;
use crate::model::checklist::Journey;
use crate::model::{Dossier, DossierId};

impl AppState {
    /// Carries out a command.
    #[expect(
        clippy::too_many_lines,
        reason = "the one place that carries out commands: one short arm per command"
    )]
    pub fn handle(&mut self, command: Command) {
        if !command.edits_in_memory() {
            // Whatever may touch the files waits for a background save.
            self.finish_saving(true);
        }
        let now = Utc::now();
        match command {
            Command::Navigate(to) => {
                self.dialog = None;
                self.navigate(to);
            }
            Command::ConfirmLeave(then) => self.dialog = Some(Dialog::UnsavedDates { then }),
            Command::SaveAsNew(then) => self.save_as_new(then),
            Command::Overwrite(then) => self.overwrite(then, now),
            Command::DiscardChanges(then) => {
                if let Some(session) = &mut self.session {
                    // Nothing left to save: leaving drops them.
                    session.save = SaveState::Saved;
                }
                self.dialog = None;
                self.clear_save_failure();
                self.navigate(then);
            }
            Command::StartNewDossier => {
                self.views.new_dossier = NewDossierDraft::new(&self.library);
                self.views.attempted.new_dossier = false;
                self.screen = Screen::NewDossier;
            }
            Command::StartJourney(journey) => {
                self.views.new_dossier = NewDossierDraft::new(&self.library);
                self.views.new_dossier.set_journey(journey, &self.library);
                self.views.attempted.new_dossier = false;
                self.screen = Screen::NewDossier;
            }
            Command::CreateDossier(new) => self.create(new, now),
            Command::Open(id) => match self.store.load(&id) {
                Ok(dossier) => self.open_session(id, dossier),
                Err(err) => self.store_error(err),
            },
            Command::OpenBackup(id) => self.open_backup(id),
            Command::AskRename(id) => {
                let title = self.listed_title(&id).unwrap_or_default();
                self.dialog = Some(Dialog::Rename { id, title });
            }
            Command::Rename(id, title) => self.rename(&id, &title, now),
            Command::Duplicate(id) => {
                let title = (self.tr().copy_of)(&self.listed_title(&id).unwrap_or_default());
                if let Err(err) = self.store.duplicate(&id, &title, now) {
                    self.store_error(err);
                }
                self.refresh_list();
            }
            Command::AskDelete(id) => {
                let title = self.listed_title(&id).unwrap_or_else(|| id.to_string());
                self.dialog = Some(Dialog::ConfirmDelete { id, title });
            }
            Command::Delete(id) => {
                self.dialog = None;
                match self.store.trash(&id, now) {
                    Ok(path) => self.notice = Some(Notice::Trashed(path)),
                    Err(err) => self.store_error(err),
                }
                self.refresh_list();
            }
            Command::ShowTrash => self.dialog = Some(Dialog::Trash(super::dialogs::trash_rows(&self.store))),
            Command::Restore(trashed) => {
                match self.store.restore(&trashed) {
                    Ok(id) => {
                        self.refresh_list();
                        let title = self.listed_title(&id).unwrap_or_else(|| id.to_string());
                        self.notice = Some(Notice::Restored(title));
                    }
                    Err(err) => self.store_error(err),
                }
                self.refresh_list();
                if let Some(Dialog::Trash(rows)) = &mut self.dialog {
                    *rows = super::dialogs::trash_rows(&self.store);
                }
            }
            Command::AskEmptyTrash => self.dialog = Some(Dialog::ConfirmEmptyTrash),
            Command::EmptyTrash => {
                self.dialog = None;
                match self.store.empty_trash() {
                    Ok(n) => self.notice = Some(Notice::TrashEmptied(n)),
                    Err(err) => self.store_error(err),
                }
            }
            Command::NewReview(id) => self.new_review(&id, now),
            Command::CloseDialog => self.dialog = None,
            Command::SetStatus(item, status) => self.edit(|d| d.set_status(&item, status, now)),
            Command::SetNote(item, note) => self.edit(|d| d.set_note(&item, &note, now)),
            Command::SetRecommendation(item, text) => self.edit(|d| d.set_recommendation(&item, &text, now)),
            Command::SetOwner(item, owner) => self.edit(|d| d.set_owner(&item, &owner, now)),
            Command::SetDue(item, due) => self.edit(|d| d.set_due(&item, due, now)),
            Command::SetReviewDue(due) => self.edit(|d| {
                let changed = d.review_due != due;
                d.review_due = due;
                changed
            }),
            Command::EditProfile => {
                if let Some(session) = &self.session {
                    let draft = HouseholdDraft::from_profile(session.dossier.profile.as_ref());
                    self.dialog = Some(Dialog::Profile(draft));
                }
            }
            Command::SetProfile(profile) => {
                self.dialog = None;
                self.edit(|d| {
                    let profile = Some(profile);
                    let changed = d.profile != profile;
                    d.profile = profile;
                    changed
                });
            }
            Command::EditVisitForm(form) => self.edit(|d| {
                let form = Some(form);
                let changed = d.drafts.visit != form;
                d.drafts.visit = form;
                changed
            }),
            Command::SaveVisit(visit) => {
                self.views.attempted.visit = false;
                self.edit(|d| {
                    d.drafts.visit = None;
                    d.visit = Some(visit);
                    true
                });
                let step = self
                    .session
                    .as_ref()
                    .map_or(0, |s| s.dossier.visit_resume_step(&self.library.checklists));
                self.navigate(Navigation::Page(Page::Visit(step)));
            }
            Command::EditSignOffForm(form) => self.edit(|d| {
                let form = Some(form);
                let changed = d.drafts.signoff != form;
                d.drafts.signoff = form;
                changed
            }),
            Command::AskSign {
                unseen,
                replacing,
                signing,
            } => {
                self.dialog = Some(Dialog::ConfirmSign {
                    unseen,
                    replacing,
                    signing,
                });
            }
            Command::SignOff(signing) => {
                self.dialog = None;
                self.views.attempted.signoff = false;
                self.edit(|d| {
                    d.drafts.signoff = None;
                    d.sign(signing.referent_name, signing.household_name, signing.date, now);
                    true
                });
            }
            Command::EditMemberForm(form) => self.edit(|d| {
                let form = Some(form).filter(|f| *f != crate::model::forms::MemberForm::default());
                let changed = d.drafts.member != form;
                d.drafts.member = form;
                changed
            }),
            Command::AddMember(role, name) => {
                self.views.attempted.member = false;
                let library = &self.library.checklists;
                let Some(session) = &mut self.session else {
                    return;
                };
                let dossier = &mut session.dossier;
                if dossier.add_member(role, &name, now).is_some() {
                    dossier.drafts.member = None;
                    dossier.sync_card_statuses(library, now);
                    mark_pending(&mut session.save);
                }
            }
            Command::RemoveMember(member) => self.ask_remove_member(member),
            Command::RemoveMemberNow(member) => {
                self.dialog = None;
                let library = &self.library.checklists;
                let Some(session) = &mut self.session else {
                    return;
                };
                if session.dossier.remove_member(member, now) {
                    session.dossier.sync_card_statuses(library, now);
                    mark_pending(&mut session.save);
                }
            }
            Command::SetAcknowledged(item, member, yes) => {
                let library = &self.library.checklists;
                let Some(session) = &mut self.session else {
                    return;
                };
                if session.dossier.set_acknowledged(&item, member, yes, now) {
                    session.dossier.sync_card_statuses(library, now);
                    mark_pending(&mut session.save);
                }
            }
            Command::Export(request) => self.export(&request),
            Command::SetLang(lang) => {
                self.lang = lang;
                self.settings.lang = Some(lang);
                self.save_settings();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Command::SetZoom(zoom) => {
                self.settings.zoom = zoom;
                self.save_settings();
            }
            Command::SetHomeSort(sort) => {
                self.settings.home_sort = sort;
                self.save_settings();
            }
            Command::SetHomeFilter(filter) => {
                self.settings.home_filter = filter;
                self.save_settings();
            }
            Command::DismissNotice => self.notice = None,
            Command::SaveNow => self.flush(),
            Command::OpenSecurity => self.dialog = Some(Dialog::Security(Box::default())),
            Command::Unlock(passphrase) => self.unlock(passphrase),
            Command::Lock => self.lock(),
            Command::EnableEncryption(passphrase) => self.enable_encryption(passphrase),
            Command::DisableEncryption(passphrase) => self.disable_encryption(passphrase),
            Command::ChangePassphrase { current, new } => self.change_passphrase(current, new),
            Command::SetIdleLock(idle) => {
                self.settings.idle_lock = idle;
                self.save_settings();
            }
            Command::ShowEmergency => self.overlay = Some(Overlay::Emergency),
            Command::ShowShortcuts => self.overlay = Some(Overlay::Shortcuts),
            Command::CloseOverlay => self.overlay = None,
            Command::NoFileDialog => self.notice = Some(Notice::NoFileDialog),
            Command::Household(command) => self.handle_household(command),
            Command::Photo(command) => self.handle_photo(command),
            Command::Archive(command) => self.handle_archive(command),
        }
    }

    /// Whether the open dossier's changes could not be saved.
    pub(super) fn save_has_failed(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.save == SaveState::Failed)
    }

    /// Asks what to do with changes that could not be saved before going
    /// to `then`: keep them as a new dossier, save them over the version
    /// on disk (when that is why), or drop them; never silently.
    pub(super) fn ask_about_unsaved(&mut self, then: Navigation) {
        let (why, conflict) = match &self.notice {
            Some(Notice::SaveFailed(err)) => (
                (self.tr().store_error)(err),
                matches!(**err, crate::store::StoreError::ChangedOnDisk { .. }),
            ),
            _ => (String::new(), false),
        };
        self.dialog = Some(Dialog::UnsavedChanges { then, why, conflict });
    }

    fn clear_save_failure(&mut self) {
        if matches!(self.notice, Some(Notice::SaveFailed(_))) {
            self.notice = None;
        }
    }

    /// Keeps the open dossier's changes as a new dossier (with copies of
    /// its photos), which becomes the open one, then goes to `then`.
    fn save_as_new(&mut self, then: Navigation) {
        let Some(session) = &self.session else {
            return;
        };
        let mut dossier = session.dossier.clone();
        dossier.title = (self.tr().copy_of)(&dossier.title);
        // Another dossier: an import never takes one for the other.
        dossier.uid = Some(crate::model::dossier::new_uid());
        let from = crate::store::PhotoOwner::Dossier(session.id.clone());
        match self.store.create_with_photos_from(&dossier, &from) {
            Ok(id) => {
                if let Some(session) = &mut self.session {
                    session.id = id;
                    session.dossier = dossier;
                    session.save = SaveState::Saved;
                }
                self.dialog = None;
                self.clear_save_failure();
                self.refresh_list();
                self.navigate(then);
            }
            Err(err) => {
                self.save_failed_now(err);
                self.ask_about_unsaved(then);
            }
        }
    }

    /// Sets the version on disk aside in the trash and saves the open
    /// dossier's changes over it, then goes to `then`.
    fn overwrite(&mut self, then: Navigation, now: DateTime<Utc>) {
        let Some(session) = &mut self.session else {
            return;
        };
        match self.store.overwrite(&session.id, &session.dossier, now) {
            Ok(_) => {
                session.save = SaveState::Saved;
                self.dialog = None;
                self.clear_save_failure();
                self.navigate(then);
            }
            Err(err) => {
                self.save_failed_now(err);
                self.ask_about_unsaved(then);
            }
        }
    }

    /// Goes home, to a page, to the summary, or closes the window. Leaving
    /// the open dossier saves it first; when its changes cannot be saved,
    /// the user is asked what to do with them ([`Self::ask_about_unsaved`]).
    pub(super) fn navigate(&mut self, to: Navigation) {
        match to {
            Navigation::Home => {
                self.flush();
                if self.save_has_failed() {
                    self.ask_about_unsaved(to);
                    return;
                }
                self.session = None;
                self.screen = Screen::Home;
                self.dialog = None;
                self.views.plan = super::plan::PlanUi::default();
                self.refresh_list();
            }
            Navigation::Page(page) => {
                if self.session.is_none() {
                    return;
                }
                if let Page::Visit(index) = page {
                    self.remember_visit_step(index);
                }
                if page == Page::List {
                    self.views.walk.scroll_to_selected = true;
                }
                if page != Page::Plan {
                    // Dates typed wrong are left behind with the page.
                    self.views.plan = super::plan::PlanUi::default();
                }
                self.screen = Screen::Dossier(page);
            }
            Navigation::Summary => {
                let Some(session) = &self.session else {
                    return;
                };
                self.views.summary = SummaryDraft::new(&session.dossier.title);
                self.views.plan = super::plan::PlanUi::default();
                self.flush();
                self.screen = Screen::Summary;
            }
            Navigation::Quit => {
                self.flush();
                if self.save_has_failed() {
                    self.ask_about_unsaved(to);
                    return;
                }
                self.quit_requested = true;
            }
        }
    }

    /// Remembers where the step-by-step visit is, so that it reopens there
    /// (saved with the next change; not a change of the dossier itself).
    fn remember_visit_step(&mut self, index: usize) {
        let library = &self.library.checklists;
        let Some(session) = &mut self.session else {
            return;
        };
        let item = session
            .dossier
            .visit_steps(library)
            .get(index)
            .map(|s| s.item.id.clone());
        if item.is_some() && session.dossier.visit_position != item {
            session.dossier.visit_position = item;
            mark_pending(&mut session.save);
        }
    }

    fn create(&mut self, new: NewDossier, now: DateTime<Utc>) {
        let dossier = Dossier::new(new.title, new.journey, new.checklists, Some(new.profile), now);
        match self.store.create(&dossier) {
            Ok(id) => self.open_session(id, dossier),
            Err(err) => self.store_error(err),
        }
    }

    fn open_backup(&mut self, id: DossierId) {
        match self.store.load_backup(&id) {
            Ok(dossier) => {
                let aside = self.store.dossier_path(&id).with_extension("ron.damaged");
                // Write the backup back as the dossier right away, so that
                // the list shows it again.
                match self.store.save(&id, &dossier) {
                    Ok(()) => {
                        self.open_session(id, dossier);
                        self.notice = Some(Notice::BackupOpened(aside));
                    }
                    Err(err) => self.store_error(err),
                }
            }
            Err(err) => self.store_error(err),
        }
    }

    fn rename(&mut self, id: &DossierId, title: &str, now: DateTime<Utc>) {
        let title = crate::model::dossier::clean_title(title);
        if title.is_empty() {
            return;
        }
        self.dialog = None;
        let result = self.store.load(id).and_then(|mut dossier| {
            dossier.title = title;
            dossier.modified = now;
            self.store.save(id, &dossier)
        });
        if let Err(err) = result {
            self.store_error(err);
        }
        self.refresh_list();
    }

    fn new_review(&mut self, id: &DossierId, now: DateTime<Utc>) {
        self.flush();
        let previous = match self.store.load(id) {
            Ok(previous) => previous,
            Err(err) => return self.store_error(err),
        };
        let date = now
            .with_timezone(&chrono::Local)
            .format(self.tr().date_format)
            .to_string();
        let review = Dossier::review_of(&previous, (self.tr().review_title)(&previous.title, &date), now);
        // The photos carried by the review get copies of their files.
        let from = crate::store::PhotoOwner::Dossier(id.clone());
        match self.store.create_with_photos_from(&review, &from) {
            Ok(new_id) => self.open_session(new_id, review),
            Err(err) => self.store_error(err),
        }
    }

    fn ask_remove_member(&mut self, member: crate::model::family::MemberId) {
        let Some(session) = &self.session else {
            return;
        };
        let d = &session.dossier;
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
            _ => self.handle(Command::RemoveMemberNow(member)),
        }
    }

    /// Opens a dossier on the page it should open on: the visit header
    /// until it has one, then where the visit stopped; the members until
    /// there are some, then the cards; the item list otherwise.
    pub(super) fn open_session(&mut self, id: DossierId, dossier: Dossier) {
        self.dialog = None;
        let library = &self.library;
        let page = match dossier.journey {
            Journey::Personal => Page::List,
            Journey::Referent if dossier.visit.is_none() => Page::VisitHeader,
            Journey::Referent => Page::Visit(dossier.visit_resume_step(&library.checklists)),
            Journey::Family if dossier.members.is_empty() => Page::Members,
            Journey::Family => Page::Cards(0),
        };
        self.views = Views {
            walk: WalkUi::new(&dossier, library, self.lang),
            unlock: std::mem::take(&mut self.views.unlock),
            home: std::mem::take(&mut self.views.home),
            ..Views::default()
        };
        self.session = Some(Session {
            id,
            dossier,
            save: SaveState::Saved,
        });
        self.screen = Screen::Dossier(page);
    }

    /// Changes the open dossier with `change`, which returns whether
    /// anything changed; a change schedules the autosave.
    pub(super) fn edit(&mut self, change: impl FnOnce(&mut Dossier) -> bool) {
        let Some(session) = &mut self.session else {
            return;
        };
        if change(&mut session.dossier) {
            mark_pending(&mut session.save);
        }
    }

    fn export(&mut self, request: &ExportRequest) {
        let Some(session) = &self.session else {
            return;
        };
        let mut report = crate::report::build(
            &session.dossier,
            &self.library,
            request.profile,
            self.lang,
            chrono::Local::now(),
        );
        self.add_household_to_report(&mut report);
        super::photos::attach_report_photos(self, &mut report, &session.id, &session.dossier);
        let path = &request.path;
        match crate::report::export(&report, request.format, path) {
            Ok(()) => {
                self.notice = Some(match report.photos.missing {
                    0 => Notice::Exported(path.clone()),
                    n => Notice::ExportedWithout(path.clone(), n),
                });
                if request.open_after
                    && let Err(err) = open::that_detached(path)
                {
                    self.notice = Some(Notice::OpenFailed(path.clone(), err.to_string()));
                }
            }
            Err(err) => self.notice = Some(Notice::ExportFailed(Arc::new(err))),
        }
    }

    pub(super) fn store_error(&mut self, err: crate::store::StoreError) {
        self.notice = Some(Notice::StoreError(Arc::new(err)));
    }

    pub(super) fn save_settings(&mut self) {
        if let Err(err) = self.store.save_settings(&self.settings) {
            self.store_error(err);
        }
    }
}

/// A change was made: the dossier waits for its autosave.
pub(super) fn mark_pending(save: &mut SaveState) {
    *save = match *save {
        SaveState::Pending { since } => SaveState::Pending { since },
        SaveState::Saved | SaveState::Failed => SaveState::Pending {
            since: std::time::Instant::now(),
        },
    };
}
