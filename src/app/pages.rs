//! The open dossier's pages: the header row every page shares (back, title,
//! save state, progress, tabs), the dispatch to each page, and the big
//! *Previous* / *Next* buttons of the one-at-a-time pages.

use super::command::{Command, Navigation};
use super::shortcuts::{self, Scope, Shortcut};
use super::state::{Page, SaveState, Session, Views};
use super::{family, plan, theme, visit, walkthrough, widgets};
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::library::Library;
use crate::model::checklist::Journey;
use crate::model::{Progress, Status};

/// What every page reads besides the open dossier.
pub struct View<'a> {
    /// The catalog.
    pub t: &'static Tr,
    /// The language of the content.
    pub lang: Lang,
    /// The colours.
    pub tokens: &'a theme::Tokens,
    /// The checklists.
    pub library: &'a Library,
    /// Today, for due dates and defaults.
    pub today: chrono::NaiveDate,
    /// The photos' textures, imports under way and file choosers.
    pub photos: &'a super::photos::Photos,
}

/// The status names of a journey: findings for a référent's visit.
#[must_use]
pub fn status_names(t: &Tr, journey: Journey) -> fn(Status) -> &'static str {
    if journey == Journey::Referent {
        t.finding_name
    } else {
        t.status_name
    }
}

/// The pages offered in a journey, in the order of the tabs.
#[must_use]
pub fn pages_of(journey: Journey) -> &'static [Page] {
    match journey {
        Journey::Personal => &[Page::List, Page::Plan],
        Journey::Referent => &[
            Page::VisitHeader,
            Page::Visit(0),
            Page::List,
            Page::SignOff,
            Page::Plan,
        ],
        Journey::Family => &[
            Page::Members,
            Page::Cards(0),
            Page::Acknowledgements,
            Page::List,
            Page::Plan,
        ],
    }
}

fn page_name(t: &Tr, page: Page) -> &'static str {
    match page {
        Page::List => t.page_list,
        Page::VisitHeader => t.page_visit_header,
        Page::Visit(_) => t.page_visit,
        Page::SignOff => t.page_signoff,
        Page::Plan => t.page_plan,
        Page::Members => t.page_members,
        Page::Cards(_) => t.page_cards,
        Page::Acknowledgements => t.page_acks,
    }
}

/// Where a tab leads: the visit tab reopens where the visit stopped.
fn tab_target(page: Page, session: &Session, library: &Library) -> Page {
    match page {
        Page::Visit(_) => Page::Visit(session.dossier.visit_resume_step(&library.checklists)),
        other => other,
    }
}

/// Sends a navigation, or asks first when the page holds a date typed
/// wrong (`guard`).
pub fn go(to: Navigation, guard: bool, commands: &mut Vec<Command>) {
    commands.push(if guard {
        Command::ConfirmLeave(to)
    } else {
        Command::Navigate(to)
    });
}

/// The header row of the open dossier: back, title, journey, save state,
/// (with `progress`) the progress and the profile button, then the tabs.
pub fn header_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    page: Page,
    progress: bool,
    commands: &mut Vec<Command>,
) {
    header_guarded_ui(ui, view, session, page, progress, false, commands);
}

/// [`header_ui`], asking before leaving when `guard` is set.
pub fn header_guarded_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    page: Page,
    progress: bool,
    guard: bool,
    commands: &mut Vec<Command>,
) {
    let (t, tokens) = (view.t, view.tokens);
    let dossier = &session.dossier;
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.back_to_list).clicked() {
            go(Navigation::Home, guard, commands);
        }
        ui.heading(&dossier.title);
        ui.label(egui::RichText::new((t.journey_name)(dossier.journey)).weak());
        if !progress {
            save_state_ui(ui, t, tokens, session);
        }
    });
    if progress {
        ui.horizontal_wrapped(|ui| {
            let p = Progress::of_dossier(dossier, &view.library.checklists);
            widgets::progress_row(ui, t, tokens, &p);
            save_state_ui(ui, t, tokens, session);
            if ui.button(t.edit_profile).clicked() {
                commands.push(Command::EditProfile);
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        for &tab in pages_of(dossier.journey) {
            let current = std::mem::discriminant(&page) == std::mem::discriminant(&tab);
            if ui.selectable_label(current, page_name(t, tab)).clicked() && !current {
                go(
                    Navigation::Page(tab_target(tab, session, view.library)),
                    guard,
                    commands,
                );
            }
        }
        ui.separator();
        if ui
            .button(egui::RichText::new(t.summary_button).strong())
            .clicked()
        {
            go(Navigation::Summary, guard, commands);
        }
    });
    signed_changes_ui(ui, view, session);
    let missing = dossier.missing_checklists(&view.library.checklists);
    if !missing.is_empty() {
        let ids: Vec<&str> = missing.iter().map(crate::model::ChecklistId::as_str).collect();
        ui.colored_label(tokens.critical, (t.missing_checklists)(&ids.join(", ")));
    }
    ui.add_space(theme::SPACE_S);
}

/// A signed visit that changed since: says so on every page.
pub(super) fn signed_changes_ui(ui: &mut egui::Ui, view: &View<'_>, session: &Session) {
    let dossier = &session.dossier;
    let (Some(signoff), Some(changes)) = (&dossier.signoff, dossier.changes_since_signed()) else {
        return;
    };
    if changes.is_empty() {
        return;
    }
    let day = signoff.date.format(view.t.date_format).to_string();
    ui.colored_label(
        view.tokens.critical,
        egui::RichText::new((view.t.journeys.changed_since_signed)(
            &day,
            changes.findings.len(),
            !changes.header.is_empty(),
        ))
        .strong(),
    );
}

/// Whether the open dossier is saved, and whether a form is being typed.
pub fn save_state_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, session: &Session) {
    let weak = ui.visuals().weak_text_color();
    let (text, color) = match session.save {
        SaveState::Failed => (t.save_failed, tokens.critical),
        SaveState::Saved => (t.saved, weak),
        SaveState::Pending { .. } => (t.unsaved, weak),
    };
    ui.colored_label(color, text);
}

/// Where a one-at-a-time page (a visit step, a family card) stands.
pub struct Steps {
    /// The step shown.
    pub index: usize,
    /// How many steps there are.
    pub count: usize,
    /// The page of a step.
    pub page: fn(usize) -> Page,
    /// Where *Next* goes after the last step, and what it then says.
    pub then: Page,
    /// The text of *Next* on the last step.
    pub then_text: &'static str,
    /// Whether the status keys (1–4, 0) apply: the findings of a visit do,
    /// a family card (ticked by each member) does not.
    pub status_keys: bool,
}

/// The big *Previous* and *Next* buttons at the bottom of a one-at-a-time
/// page, and the ← / → keys (when `keyboard`: no text field has it).
/// Returns the status key pressed, if any (1–4, 0), for the page to apply.
pub fn steps_ui(
    ui: &mut egui::Ui,
    id: &str,
    t: &Tr,
    steps: &Steps,
    keyboard: bool,
    commands: &mut Vec<Command>,
) -> Option<Status> {
    let Steps {
        index, count, page, ..
    } = *steps;
    let go_to = |page: Page| Command::Navigate(Navigation::Page(page));
    egui::Panel::bottom(id.to_owned()).show(ui, |ui| {
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            let previous =
                egui::Button::new(egui::RichText::new(t.previous).size(18.0)).min_size(theme::BIG_BUTTON);
            if ui.add_enabled(index > 0, previous).clicked() {
                commands.push(go_to(page(index - 1)));
            }
            let last = index + 1 >= count;
            let text = if last { steps.then_text } else { t.next };
            let next =
                egui::Button::new(egui::RichText::new(text).size(18.0).strong()).min_size(theme::BIG_BUTTON);
            if ui.add(next).clicked() {
                commands.push(go_to(if last { steps.then } else { page(index + 1) }));
            }
        });
        ui.add_space(theme::SPACE_S);
        ui.label(
            egui::RichText::new(shortcuts::help_line(
                t,
                Scope::Steps,
                steps.status_keys.then_some(Journey::Referent),
            ))
            .weak()
            .small(),
        );
        ui.add_space(theme::SPACE_S);
    });
    let mut status = None;
    if keyboard {
        for shortcut in shortcuts::pressed(ui, Scope::Steps) {
            match shortcut {
                Shortcut::PreviousStep if index > 0 => commands.push(go_to(page(index - 1))),
                Shortcut::NextStep if index + 1 < count => commands.push(go_to(page(index + 1))),
                Shortcut::SetStatus(s) => status = Some(s),
                _ => {}
            }
        }
    }
    status
}

/// Draws a page of the open dossier.
pub fn page_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    views: &mut Views,
    page: Page,
    keyboard: bool,
    commands: &mut Vec<Command>,
) {
    if page == Page::List {
        walkthrough::walkthrough_ui(ui, view, session, &mut views.walk, keyboard, commands);
        return;
    }
    let guard = page == Page::Plan && views.plan.has_wrong_date();
    egui::Panel::top("page_header").show(ui, |ui| {
        header_guarded_ui(ui, view, session, page, false, guard, commands);
    });
    match page {
        Page::List => {}
        Page::VisitHeader => visit::visit_header_ui(ui, view, session, &mut views.attempted.visit, commands),
        Page::Visit(index) => visit::visit_ui(ui, view, session, index, keyboard, commands),
        Page::SignOff => visit::signoff_ui(ui, view, session, &mut views.attempted.signoff, commands),
        Page::Plan => plan::plan_ui(ui, view, session, &mut views.plan, commands),
        Page::Members => family::members_ui(ui, view, session, &mut views.attempted.member, commands),
        Page::Cards(index) => family::cards_ui(ui, view, session, index, keyboard, commands),
        Page::Acknowledgements => family::acks_ui(ui, view, session),
    }
}
