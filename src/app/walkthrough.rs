//! The walkthrough: sections in a side panel with their progress, items with
//! their priority, status buttons, note, and guidance and sources that
//! unfold; filters, search and keyboard shortcuts.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::visit::{SignOffDraft, VisitDraft};
use super::{Action, AppState, JourneyDrafts, Page, SaveState, Screen, pages, plan, rows, theme};
use crate::i18n::{Lang, Tr};
use crate::library::Library;
use crate::model::checklist::{Checklist, Item, ItemId, Journey, Priority, Section};
use crate::model::dates::parse_optional_date;
use crate::model::{Dossier, DossierId, Progress, Status};

/// Which statuses the item list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Every item.
    #[default]
    All,
    /// Items still open (unanswered, to do, partly).
    Open,
    /// Items with this status.
    Is(Status),
}

impl StatusFilter {
    fn accepts(self, status: Status) -> bool {
        match self {
            Self::All => true,
            Self::Open => status.is_open(),
            Self::Is(s) => s == status,
        }
    }
}

/// An open dossier and how it is being looked at.
#[derive(Debug)]
pub struct Walk {
    /// The dossier's id.
    pub id: DossierId,
    /// The dossier, with the changes not yet saved.
    pub dossier: Dossier,
    /// Whether the changes are saved.
    pub save: SaveState,
    /// The section shown (index in [`sections`]).
    pub section: usize,
    /// The selected item (keyboard shortcuts act on it).
    pub selected: Option<ItemId>,
    /// Items whose guidance is unfolded.
    pub expanded: BTreeSet<ItemId>,
    /// The search text; when not empty, every section is searched.
    pub search: String,
    /// The status filter.
    pub status_filter: StatusFilter,
    /// The priority filter.
    pub priority_filter: Option<Priority>,
    /// Scroll to the selected item at the next frame.
    pub scroll_to_selected: bool,
    /// Whether the list shows every section's items, most important
    /// first, instead of one section (the personal checklist opens so).
    pub most_important_first: bool,
    /// The page shown: the item list or a journey page.
    pub page: Page,
    /// The journey pages' form drafts.
    pub drafts: JourneyDrafts,
}

/// The dossier's sections, in order, with their checklist.
#[must_use]
pub fn sections<'a>(dossier: &Dossier, library: &'a Library) -> Vec<(&'a Checklist, &'a Section)> {
    dossier
        .checklists
        .iter()
        .filter_map(|id| library.checklists.iter().find(|c| &c.id == id))
        .flat_map(|c| c.sections.iter().map(move |s| (c, s)))
        .collect()
}

impl Walk {
    /// Opens `dossier` on its first section, first item selected.
    #[must_use]
    pub fn new(id: DossierId, dossier: Dossier, library: &Library) -> Self {
        let mut walk = Self {
            id,
            dossier,
            save: SaveState::Saved,
            section: 0,
            selected: None,
            expanded: BTreeSet::new(),
            search: String::new(),
            status_filter: StatusFilter::All,
            priority_filter: None,
            scroll_to_selected: false,
            most_important_first: false,
            page: Page::List,
            drafts: JourneyDrafts::default(),
        };
        if walk.dossier.journey == Journey::Personal {
            walk.show_most_important(library);
        } else {
            walk.select_section(0, library);
        }
        // A visit opens on its header until it has one, then on the
        // step-by-step visit; a briefing on its members until it has some,
        // then on the cards.
        // (Forms are filled in French here; `AppState` fills them again in
        // the user's language.)
        let today = chrono::Local::now().date_naive();
        let t = crate::i18n::tr(Lang::Fr);
        let page = match walk.dossier.journey {
            Journey::Personal => Page::List,
            Journey::Referent if walk.dossier.visit.is_none() => Page::VisitHeader,
            Journey::Referent => Page::Visit(0),
            Journey::Family if walk.dossier.members.is_empty() => Page::Members,
            Journey::Family => Page::Cards(0),
        };
        walk.show_page(page, today, t);
        walk
    }

    /// Whether the page shown is a form (the visit header, the sign-off, a
    /// new family member, the action plan's dates) holding something typed
    /// that is not in the dossier yet. (A date typed in the action plan goes
    /// into the dossier as soon as it is valid, so only one that is not is
    /// unsaved.)
    #[must_use]
    pub fn has_unsaved_form(&self) -> bool {
        let d = &self.drafts;
        match self.page {
            Page::VisitHeader => !d.visit.same_fields(&d.visit_shown),
            Page::SignOff => !d.signoff.same_fields(&d.signoff_shown),
            Page::Members => !d.member.name.trim().is_empty(),
            Page::Plan => d
                .due
                .values()
                .chain(&d.review_due)
                .any(|text| parse_optional_date(text).is_err()),
            _ => false,
        }
    }

    /// Puts the form of the page shown back as it was filled from the
    /// dossier.
    pub fn discard_form(&mut self) {
        let d = &mut self.drafts;
        match self.page {
            Page::VisitHeader => d.visit = d.visit_shown.clone(),
            Page::SignOff => d.signoff = d.signoff_shown.clone(),
            Page::Members => d.member.name.clear(),
            Page::Plan => {
                d.due.clear();
                d.review_due = None;
            }
            _ => {}
        }
    }

    /// Shows `page`, filling its form from the dossier (dates written with
    /// `t`'s format).
    pub fn show_page(&mut self, page: Page, today: NaiveDate, t: &Tr) {
        match page {
            Page::VisitHeader => {
                self.drafts.visit = VisitDraft::from_visit(self.dossier.visit.as_ref(), today, t.date_format);
                self.drafts.visit_shown = self.drafts.visit.clone();
            }
            Page::SignOff => {
                self.drafts.signoff = SignOffDraft::for_dossier(&self.dossier, today, t.date_format);
                self.drafts.signoff_shown = self.drafts.signoff.clone();
            }
            Page::Plan => {
                self.drafts.due.clear();
                self.drafts.review_due = None;
            }
            Page::List => self.scroll_to_selected = true,
            Page::Visit(_) | Page::Members | Page::Cards(_) | Page::Acknowledgements => {}
        }
        self.page = page;
    }

    /// The items shown: the search results across every section when
    /// searching, else the current section's items; in both cases only the
    /// items that apply to the household and pass the filters.
    #[must_use]
    pub fn visible_items<'a>(&self, library: &'a Library, lang: Lang) -> Vec<&'a Item> {
        let needle = self.search.trim().to_lowercase();
        let sections = sections(&self.dossier, library);
        let pool: Vec<&Item> = if needle.is_empty() && self.most_important_first {
            sections.iter().flat_map(|(_, s)| s.items.iter()).collect()
        } else if needle.is_empty() {
            sections
                .get(self.section)
                .map(|(_, s)| s.items.iter().collect())
                .unwrap_or_default()
        } else {
            sections
                .iter()
                .flat_map(|(_, s)| s.items.iter())
                .filter(|item| {
                    item.title.get(lang).to_lowercase().contains(&needle)
                        || item.guidance.get(lang).to_lowercase().contains(&needle)
                        || self.dossier.note(&item.id).to_lowercase().contains(&needle)
                })
                .collect()
        };
        let mut items: Vec<&Item> = pool
            .into_iter()
            .filter(|item| self.dossier.applies(item))
            .filter(|item| self.status_filter.accepts(self.dossier.status(&item.id)))
            .filter(|item| self.priority_filter.is_none_or(|p| p == item.priority))
            .collect();
        if self.dossier.journey == Journey::Personal {
            // The personal checklist puts the most important items first
            // (a stable sort keeps the checklist's order among equals).
            items.sort_by_key(|item| item.priority);
        }
        items
    }

    /// Shows section `index`, clears the search and selects its first item.
    pub fn select_section(&mut self, index: usize, library: &Library) {
        self.section = index;
        self.most_important_first = false;
        self.select_first(library);
    }

    /// Shows every section's items, most important first, and selects the
    /// first.
    pub fn show_most_important(&mut self, library: &Library) {
        self.most_important_first = true;
        self.select_first(library);
    }

    /// Clears the search and selects the first item shown.
    fn select_first(&mut self, library: &Library) {
        self.search.clear();
        self.selected = self
            .visible_items(library, Lang::Fr)
            .first()
            .map(|item| item.id.clone());
        self.scroll_to_selected = true;
    }

    /// Moves the selection by `delta` items; past the end of a section, on
    /// to the next or previous section.
    pub fn move_selection(&mut self, delta: isize, library: &Library) {
        let visible: Vec<ItemId> = self
            .visible_items(library, Lang::Fr)
            .iter()
            .map(|i| i.id.clone())
            .collect();
        let current = self
            .selected
            .as_ref()
            .and_then(|s| visible.iter().position(|v| v == s));
        let target = match current {
            None => Some(0),
            Some(i) => i.checked_add_signed(delta).filter(|&t| t < visible.len()),
        };
        self.scroll_to_selected = true;
        if let Some(t) = target {
            self.selected = visible.get(t).cloned();
            return;
        }
        if !self.search.trim().is_empty() || self.most_important_first {
            return;
        }
        // Past either end: move to the next (or previous) section that has
        // visible items.
        let count = sections(&self.dossier, library).len();
        let mut section = self.section;
        loop {
            section = match section.checked_add_signed(delta.signum()) {
                Some(s) if s < count => s,
                _ => return,
            };
            self.section = section;
            let items = self.visible_items(library, Lang::Fr);
            let pick = if delta > 0 { items.first() } else { items.last() };
            if let Some(item) = pick {
                self.selected = Some(item.id.clone());
                return;
            }
        }
    }
}

/// The walkthrough screen.
pub fn walkthrough_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    let t = state.tr();
    let library = &state.library;
    let Screen::Walkthrough(walk) = &mut state.screen else {
        return;
    };
    let tokens = theme::Tokens::of(ui.ctx());
    let sections = sections(&walk.dossier, library);

    if state.dialog.is_none() && !ui.ctx().egui_wants_keyboard_input() {
        keyboard(ui, walk, actions);
    }

    egui::Panel::top("walk_header").show(ui, |ui| {
        header_ui(ui, t, &tokens, walk, library, actions);
    });

    egui::Panel::bottom("walk_keys").show(ui, |ui| {
        let names = plan::status_names(t, walk.dossier.journey);
        ui.label(egui::RichText::new((t.keyboard_help)(names)).weak().small());
    });

    egui::Panel::left("sections")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.strong(t.sections);
                if walk.dossier.journey == Journey::Personal {
                    ui.add_space(theme::SPACE_S);
                    let selected = walk.search.trim().is_empty() && walk.most_important_first;
                    if ui.selectable_label(selected, t.most_important_first).clicked() {
                        actions.push(Action::ShowMostImportant);
                    }
                }
                let mut last_checklist = None;
                for (index, (checklist, section)) in sections.iter().enumerate() {
                    if last_checklist != Some(&checklist.id) {
                        ui.add_space(theme::SPACE_M);
                        ui.label(egui::RichText::new(checklist.title.get(lang)).weak());
                        last_checklist = Some(&checklist.id);
                    }
                    let p = Progress::of_items(&section.items, &walk.dossier);
                    if p.total == 0 {
                        // Every item is hidden by the household profile.
                        continue;
                    }
                    let mut text = egui::text::LayoutJob::default();
                    let body = egui::TextFormat {
                        color: ui.visuals().text_color(),
                        ..Default::default()
                    };
                    text.append(section.title.get(lang), 0.0, body.clone());
                    text.append(
                        &format!("  {}/{}", p.answered, p.total),
                        0.0,
                        egui::TextFormat {
                            color: ui.visuals().weak_text_color(),
                            ..Default::default()
                        },
                    );
                    if p.open_critical > 0 {
                        text.append(
                            "  ●",
                            0.0,
                            egui::TextFormat {
                                color: tokens.critical,
                                ..Default::default()
                            },
                        );
                    }
                    let selected =
                        walk.search.trim().is_empty() && !walk.most_important_first && walk.section == index;
                    let response = ui.selectable_label(selected, text);
                    let response = if p.open_critical > 0 {
                        response.on_hover_text((t.open_critical)(p.open_critical))
                    } else {
                        response
                    };
                    if response.clicked() {
                        actions.push(Action::SelectSection(index));
                    }
                }
            });
        });

    egui::CentralPanel::default().show(ui, |ui| {
        filter_bar_ui(ui, t, walk);
        ui.separator();
        let visible = walk.visible_items(library, lang);
        let scroll_to = std::mem::take(&mut walk.scroll_to_selected);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                if !walk.search.trim().is_empty() {
                    ui.strong((t.search_results)(visible.len()));
                } else if walk.most_important_first {
                    ui.heading(t.most_important_first);
                    let hidden = sections
                        .iter()
                        .flat_map(|(_, s)| s.items.iter())
                        .filter(|i| !walk.dossier.applies(i))
                        .count();
                    if hidden > 0 {
                        ui.label(egui::RichText::new((t.hidden_by_profile)(hidden)).weak());
                    }
                } else if let Some((_, section)) = sections.get(walk.section) {
                    ui.heading(section.title.get(lang));
                    let hidden = section.items.iter().filter(|i| !walk.dossier.applies(i)).count();
                    if hidden > 0 {
                        ui.label(egui::RichText::new((t.hidden_by_profile)(hidden)).weak());
                    }
                }
                if visible.is_empty() {
                    ui.label(t.nothing_matches);
                }
                // Only the items in view are drawn when the list is long.
                let selected = walk
                    .selected
                    .as_ref()
                    .and_then(|s| visible.iter().position(|i| &i.id == s))
                    .filter(|_| scroll_to);
                let id = ui.scope_id().with("items");
                rows::list_ui(ui, id, visible.len(), viewport, selected, |ui, index| {
                    item_ui(ui, t, lang, &tokens, walk, visible[index], actions);
                    ui.add_space(theme::SPACE_S);
                });
                if walk.search.trim().is_empty()
                    && (walk.most_important_first || walk.section + 1 >= sections.len())
                {
                    ui.add_space(theme::SPACE_M);
                    let (text, page) = match walk.dossier.journey {
                        Journey::Referent => (t.to_signoff, Page::SignOff),
                        Journey::Personal | Journey::Family => (t.to_plan, Page::Plan),
                    };
                    if ui.button(egui::RichText::new(text).strong()).clicked() {
                        actions.push(Action::ShowPage(page));
                    }
                }
                orphans_ui(ui, t, walk, library);
            });
    });
}

fn keyboard(ui: &egui::Ui, walk: &Walk, actions: &mut Vec<Action>) {
    use egui::Key;
    ui.input(|input| {
        if input.key_pressed(Key::ArrowDown) || input.key_pressed(Key::J) {
            actions.push(Action::MoveSelection(1));
        }
        if input.key_pressed(Key::ArrowUp) || input.key_pressed(Key::K) {
            actions.push(Action::MoveSelection(-1));
        }
        let Some(selected) = &walk.selected else {
            return;
        };
        for (key, status) in [
            (Key::Num1, Status::Done),
            (Key::Num2, Status::Partly),
            (Key::Num3, Status::Todo),
            (Key::Num4, Status::NotApplicable),
            (Key::Num0, Status::Unanswered),
        ] {
            if input.key_pressed(key) {
                actions.push(Action::SetStatus(selected.clone(), status));
            }
        }
        if input.key_pressed(Key::Enter) {
            actions.push(Action::ToggleDetails(selected.clone()));
        }
    });
}

fn header_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    walk: &Walk,
    library: &Library,
    actions: &mut Vec<Action>,
) {
    let p = Progress::of_dossier(&walk.dossier, &library.checklists);
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| pages::title_ui(ui, t, walk, actions));
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::ProgressBar::new(p.answered_fraction())
                .desired_width(160.0)
                .text((t.answered_of)(p.answered, p.total)),
        );
        ui.label(egui::RichText::new((t.score)(p.score())).strong())
            .on_hover_text(t.score_help);
        if p.open_critical > 0 {
            ui.colored_label(
                tokens.critical,
                egui::RichText::new((t.open_critical)(p.open_critical)).strong(),
            )
            .on_hover_text(t.critical_open_help);
        }
        pages::save_state_ui(ui, t, tokens, walk);
        if ui.button(t.edit_profile).clicked() {
            actions.push(Action::EditProfile);
        }
    });
    pages::pages_bar_ui(ui, t, walk, actions);
    let missing = walk.dossier.missing_checklists(&library.checklists);
    if !missing.is_empty() {
        let ids: Vec<&str> = missing.iter().map(crate::model::ChecklistId::as_str).collect();
        ui.colored_label(tokens.critical, (t.missing_checklists)(&ids.join(", ")));
    }
    ui.add_space(theme::SPACE_S);
}

fn filter_bar_ui(ui: &mut egui::Ui, t: &Tr, walk: &mut Walk) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.search);
        ui.add(
            egui::TextEdit::singleline(&mut walk.search)
                .hint_text(t.search_hint)
                .desired_width(220.0),
        )
        .labelled_by(label.id);

        let label = ui.label(t.filter_status);
        let current = match walk.status_filter {
            StatusFilter::All => t.all,
            StatusFilter::Open => t.open_items,
            StatusFilter::Is(s) => (t.status_name)(s),
        };
        egui::ComboBox::from_id_salt("status_filter")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut walk.status_filter, StatusFilter::All, t.all);
                ui.selectable_value(&mut walk.status_filter, StatusFilter::Open, t.open_items);
                for s in Status::CHOICES {
                    ui.selectable_value(&mut walk.status_filter, StatusFilter::Is(s), (t.status_name)(s));
                }
            })
            .response
            .labelled_by(label.id);

        let label = ui.label(t.filter_priority);
        egui::ComboBox::from_id_salt("priority_filter")
            .selected_text(walk.priority_filter.map_or(t.all, t.priority_name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut walk.priority_filter, None, t.all);
                for p in Priority::ALL {
                    ui.selectable_value(&mut walk.priority_filter, Some(p), (t.priority_name)(p));
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn item_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    lang: Lang,
    tokens: &theme::Tokens,
    walk: &Walk,
    item: &Item,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let status = walk.dossier.status(&item.id);
    let selected = walk.selected.as_ref() == Some(&item.id);
    let open_critical =
        item.priority == Priority::Critical && status != Status::Done && status != Status::NotApplicable;
    let stroke = if open_critical {
        egui::Stroke::new(1.5, tokens.critical)
    } else if selected {
        egui::Stroke::new(1.5, ui.visuals().selection.stroke.color)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let fill = if selected {
        tokens.selected_bg
    } else {
        tokens.card_bg
    };
    theme::card(fill, stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(item.id.as_str(), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(tokens.status(status), "●")
                        .on_hover_text((t.status_name)(status));
                    ui.label(
                        egui::RichText::new(format!("■ {}", (t.priority_name)(item.priority)))
                            .color(tokens.priority(item.priority))
                            .strong(),
                    );
                    let title = ui.add(
                        egui::Label::new(egui::RichText::new(item.title.get(lang)).strong().size(15.0))
                            .sense(egui::Sense::click()),
                    );
                    if title.clicked() {
                        actions.push(Action::Select(item.id.clone()));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let names = plan::status_names(t, walk.dossier.journey);
                    for choice in Status::CHOICES {
                        let text = egui::RichText::new(names(choice));
                        if ui.selectable_label(choice == status, text).clicked() {
                            actions.push(Action::Select(item.id.clone()));
                            actions.push(Action::SetStatus(item.id.clone(), choice));
                        }
                    }
                });
                let mut note = walk.dossier.note(&item.id).to_owned();
                let note_label = if walk.dossier.journey == Journey::Referent {
                    t.observation
                } else {
                    t.note
                };
                let label = ui.label(egui::RichText::new(note_label).weak());
                let edit = ui
                    .add(
                        egui::TextEdit::multiline(&mut note)
                            .desired_rows(1)
                            .desired_width(f32::INFINITY)
                            .hint_text(t.note_hint),
                    )
                    .labelled_by(label.id);
                if edit.changed() {
                    actions.push(Action::SetNote(item.id.clone(), note));
                }
                if edit.gained_focus() {
                    actions.push(Action::Select(item.id.clone()));
                }
                if walk.dossier.journey == Journey::Referent {
                    let mut recommendation = walk
                        .dossier
                        .answer(&item.id)
                        .map(|a| a.recommendation.clone())
                        .unwrap_or_default();
                    let label = ui.label(egui::RichText::new(t.recommendation).weak());
                    let edit = ui
                        .add(
                            egui::TextEdit::multiline(&mut recommendation)
                                .desired_rows(1)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if edit.changed() {
                        actions.push(Action::SetRecommendation(item.id.clone(), recommendation));
                    }
                    if edit.gained_focus() {
                        actions.push(Action::Select(item.id.clone()));
                    }
                }
                let expanded = walk.expanded.contains(&item.id);
                let header = egui::CollapsingHeader::new(t.guidance_and_sources)
                    .id_salt("details")
                    .open(Some(expanded))
                    .show(ui, |ui| {
                        ui.label(item.guidance.get(lang));
                        ui.add_space(theme::SPACE_S);
                        ui.label(egui::RichText::new(t.sources).weak());
                        for source in &item.sources {
                            ui.hyperlink(source);
                        }
                    });
                if header.header_response.clicked() {
                    actions.push(Action::Select(item.id.clone()));
                    actions.push(Action::ToggleDetails(item.id.clone()));
                }
            });
        })
        .response
}

fn orphans_ui(ui: &mut egui::Ui, t: &Tr, walk: &Walk, library: &Library) {
    let orphans = walk.dossier.orphan_answers(&library.checklists);
    if orphans.is_empty() || !walk.search.trim().is_empty() {
        return;
    }
    ui.add_space(theme::SPACE_L);
    ui.separator();
    ui.strong(t.orphans_title);
    ui.label(egui::RichText::new(t.orphans_help).weak());
    for (id, answer) in orphans {
        ui.horizontal_wrapped(|ui| {
            ui.monospace(id.as_str());
            ui.label((t.status_name)(answer.status));
            if !answer.note.is_empty() {
                ui.label(egui::RichText::new(&answer.note).italics());
            }
        });
    }
}
