//! The pages of an open dossier besides the item list (the visit, the
//! sign-off, the action plan, the family members and cards), the tabs that
//! lead to them, and the form drafts they edit.

use std::collections::BTreeMap;

use super::family::{self, MemberDraft};
use super::visit::{self, SignOffDraft, VisitDraft};
use super::walkthrough::Walk;
use super::{Action, AppState, Page, SaveState, Screen, plan, theme};
use crate::i18n::{Lang, Tr};
use crate::library::Library;
use crate::model::checklist::{ItemId, Journey};

/// What every journey page reads besides the open dossier.
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
}

/// What is being typed on the journey pages, before it is valid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JourneyDrafts {
    /// The visit header form.
    pub visit: VisitDraft,
    /// The sign-off form.
    pub signoff: SignOffDraft,
    /// The visit header form as filled from the dossier (to tell whether
    /// something typed is not saved yet).
    pub visit_shown: VisitDraft,
    /// The sign-off form as filled from the dossier.
    pub signoff_shown: SignOffDraft,
    /// The new member form.
    pub member: MemberDraft,
    /// Due dates as typed, by item (filled from the dossier when shown).
    pub due: BTreeMap<ItemId, String>,
    /// The next review date as typed (`None`: not filled yet).
    pub review_due: Option<String>,
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

/// The tabs of the open dossier's pages.
pub fn pages_bar_ui(ui: &mut egui::Ui, t: &Tr, walk: &Walk, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for &page in pages_of(walk.dossier.journey) {
            let current = std::mem::discriminant(&walk.page) == std::mem::discriminant(&page);
            if ui.selectable_label(current, page_name(t, page)).clicked() && !current {
                actions.push(Action::ShowPage(page));
            }
        }
        ui.separator();
        if ui
            .button(egui::RichText::new(t.summary_button).strong())
            .clicked()
        {
            actions.push(Action::ShowSummary);
        }
    });
}

/// The back button, the dossier's title and its journey (the start of the
/// open dossier's header row).
pub fn title_ui(ui: &mut egui::Ui, t: &Tr, walk: &Walk, actions: &mut Vec<Action>) {
    if ui.button(t.back_to_list).clicked() {
        actions.push(Action::GoHome);
    }
    ui.heading(&walk.dossier.title);
    ui.label(egui::RichText::new((t.journey_name)(walk.dossier.journey)).weak());
}

/// Whether the open dossier is saved, or a form on its page is not.
pub fn save_state_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, walk: &Walk) {
    let weak = ui.visuals().weak_text_color();
    let (text, color) = match walk.save {
        SaveState::Failed => (t.save_failed, tokens.critical),
        _ if walk.has_unsaved_form() => (t.form_not_saved, weak),
        SaveState::Saved => (t.saved, weak),
        SaveState::Pending { .. } => (t.unsaved, weak),
    };
    ui.colored_label(color, text);
}

fn header_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, walk: &Walk, actions: &mut Vec<Action>) {
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        title_ui(ui, t, walk, actions);
        save_state_ui(ui, t, tokens, walk);
    });
    pages_bar_ui(ui, t, walk, actions);
    ui.add_space(theme::SPACE_S);
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
}

/// The big *Previous* and *Next* buttons at the bottom of a one-at-a-time
/// page, and the ← / → keys (when no text field has the keyboard).
pub fn steps_ui(ui: &mut egui::Ui, id: &str, t: &Tr, steps: &Steps, actions: &mut Vec<Action>) {
    let Steps {
        index, count, page, ..
    } = *steps;
    egui::Panel::bottom(id.to_owned()).show(ui, |ui| {
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            let previous =
                egui::Button::new(egui::RichText::new(t.previous).size(18.0)).min_size(theme::BIG_BUTTON);
            if ui.add_enabled(index > 0, previous).clicked() {
                actions.push(Action::ShowPage(page(index - 1)));
            }
            let last = index + 1 >= count;
            let text = if last { steps.then_text } else { t.next };
            let next =
                egui::Button::new(egui::RichText::new(text).size(18.0).strong()).min_size(theme::BIG_BUTTON);
            if ui.add(next).clicked() {
                actions.push(Action::ShowPage(if last { steps.then } else { page(index + 1) }));
            }
        });
        ui.add_space(theme::SPACE_M);
    });
    if !ui.ctx().egui_wants_keyboard_input() {
        ui.input(|input| {
            if input.key_pressed(egui::Key::ArrowLeft) && index > 0 {
                actions.push(Action::ShowPage(page(index - 1)));
            }
            if input.key_pressed(egui::Key::ArrowRight) && index + 1 < count {
                actions.push(Action::ShowPage(page(index + 1)));
            }
        });
    }
}

/// Draws the open dossier's page when it is not the item list.
pub fn page_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    let t = state.tr();
    let library = &state.library;
    let Screen::Walkthrough(walk) = &mut state.screen else {
        return;
    };
    let tokens = theme::Tokens::of(ui.ctx());
    let today = chrono::Local::now().date_naive();
    egui::Panel::top("page_header").show(ui, |ui| header_ui(ui, t, &tokens, walk, actions));
    let view = View {
        t,
        lang,
        tokens: &tokens,
        library,
        today,
    };
    match walk.page {
        Page::List => {}
        Page::VisitHeader => visit::visit_header_ui(ui, &view, walk, actions),
        Page::Visit(index) => visit::visit_ui(ui, &view, walk, index, actions),
        Page::SignOff => visit::signoff_ui(ui, &view, walk, actions),
        Page::Plan => plan::plan_ui(ui, &view, walk, actions),
        Page::Members => family::members_ui(ui, &view, walk, actions),
        Page::Cards(index) => family::cards_ui(ui, &view, walk, index, actions),
        Page::Acknowledgements => family::acks_ui(ui, &view, walk),
    }
}
