//! The new dossier screen: the journey, the checklists, the household
//! questions and a title.

use std::collections::BTreeSet;

use super::command::{Command, Navigation, NewDossier};
use super::household::{self, HouseholdDraft};
use super::theme;
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::library::Library;
use crate::model::checklist::{ChecklistId, Journey};

/// The new dossier being described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDossierDraft {
    /// The journey chosen.
    pub journey: Journey,
    /// The title as typed.
    pub title: String,
    /// The checklists ticked.
    pub chosen: BTreeSet<ChecklistId>,
    /// The household answers.
    pub household: HouseholdDraft,
}

impl Default for NewDossierDraft {
    fn default() -> Self {
        Self {
            journey: Journey::Personal,
            title: String::new(),
            chosen: BTreeSet::new(),
            household: HouseholdDraft::default(),
        }
    }
}

impl NewDossierDraft {
    /// A draft for a personal checklist with every offered checklist ticked.
    #[must_use]
    pub fn new(library: &Library) -> Self {
        let mut draft = Self::default();
        draft.set_journey(Journey::Personal, library);
        draft
    }

    /// Changes the journey and ticks every checklist it offers.
    pub fn set_journey(&mut self, journey: Journey, library: &Library) {
        self.journey = journey;
        self.chosen = library.for_journey(journey).map(|c| c.id.clone()).collect();
    }

    /// The dossier to create, when the draft is complete: a title and at
    /// least one checklist offered in the journey (kept in the library's
    /// order).
    #[must_use]
    pub fn to_new_dossier(&self, library: &Library) -> Option<NewDossier> {
        let title = crate::model::dossier::clean_title(&self.title);
        let checklists: Vec<ChecklistId> = library
            .for_journey(self.journey)
            .filter(|c| self.chosen.contains(&c.id))
            .map(|c| c.id.clone())
            .collect();
        if title.is_empty() || checklists.is_empty() {
            return None;
        }
        Some(NewDossier {
            title,
            journey: self.journey,
            checklists,
            profile: self.household.tags(),
        })
    }
}

/// The new dossier screen.
pub fn new_dossier_ui(
    ui: &mut egui::Ui,
    t: &'static Tr,
    lang: Lang,
    library: &Library,
    draft: &mut NewDossierDraft,
    attempted: &mut bool,
    commands: &mut Vec<Command>,
) {
    let mut create = false;
    egui::Panel::bottom("new_dossier_buttons").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            if ui.button(t.cancel).clicked() {
                commands.push(Command::Navigate(Navigation::Home));
            }
            if ui
                .add(egui::Button::new(egui::RichText::new(t.create).strong()))
                .clicked()
            {
                create = true;
            }
            if *attempted {
                let tokens = theme::Tokens::of(ui.ctx());
                if draft.title.trim().is_empty() {
                    ui.colored_label(tokens.critical, t.need_title);
                }
                if draft.chosen.is_empty() {
                    ui.colored_label(tokens.critical, t.need_checklist);
                }
            }
        });
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.new_title);
            ui.add_space(theme::SPACE_L);

            ui.strong(t.step_journey);
            for journey in Journey::ALL {
                let selected = draft.journey == journey;
                if ui.radio(selected, (t.journey_name)(journey)).clicked() && !selected {
                    draft.set_journey(journey, library);
                }
                ui.indent(("journey_help", journey), |ui| {
                    ui.label(egui::RichText::new((t.journey_help)(journey)).weak());
                });
            }
            ui.add_space(theme::SPACE_L);

            ui.strong(t.step_checklists);
            for checklist in library.for_journey(draft.journey) {
                let mut on = draft.chosen.contains(&checklist.id);
                let label = format!(
                    "{} ({})",
                    checklist.title.get(lang),
                    (t.item_count)(checklist.items().count())
                );
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        draft.chosen.insert(checklist.id.clone());
                    } else {
                        draft.chosen.remove(&checklist.id);
                    }
                }
                ui.indent(("summary", checklist.id.as_str()), |ui| {
                    ui.label(egui::RichText::new(checklist.summary.get(lang)).weak());
                });
            }
            ui.add_space(theme::SPACE_L);

            ui.strong(t.step_household);
            ui.label(egui::RichText::new(t.household_help).weak());
            household::household_ui(ui, t, &mut draft.household);
            ui.add_space(theme::SPACE_L);

            ui.strong(t.step_title);
            let label = ui.label(t.title_label);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.title)
                        .hint_text(t.title_hint)
                        .desired_width(400.0),
                )
                .labelled_by(label.id);
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                create = true;
            }
        });
    });
    if create {
        match draft.to_new_dossier(library) {
            Some(new) => commands.push(Command::CreateDossier(new)),
            None => *attempted = true,
        }
    }
}
