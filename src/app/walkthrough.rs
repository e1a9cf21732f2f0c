//! The item list of an open dossier: sections in a side panel with their
//! progress, items with their priority, status buttons, note, and guidance
//! that unfolds; filters, search and keyboard shortcuts.
//!
//! How the items are looked at ([`WalkUi`]: section, selection, search,
//! filters) is the view's own state; answers go out as commands.

use std::collections::BTreeSet;

use super::command::{Command, Navigation};
use super::pages::{self, View};
use super::shortcuts::{self, Scope, Shortcut};
use super::state::{Page, Session};
use super::{rows, theme, widgets};
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::library::Library;
use crate::model::checklist::{Checklist, Item, ItemId, Journey, Priority, Section};
use crate::model::{Dossier, Progress, Status};

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

/// How the open dossier's items are looked at.
#[derive(Clone, Debug, Default)]
pub struct WalkUi {
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

impl WalkUi {
    /// How `dossier` is first shown: the personal checklist most important
    /// first, the others on their first section; the first item selected.
    #[must_use]
    pub fn new(dossier: &Dossier, library: &Library, lang: Lang) -> Self {
        let mut walk = Self::default();
        if dossier.journey == Journey::Personal {
            walk.show_most_important(dossier, library, lang);
        } else {
            walk.select_section(0, dossier, library, lang);
        }
        walk
    }

    /// The items shown: the search results across every section when
    /// searching (in `lang`, the language they are shown in), else the
    /// current section's items; in both cases only the items that apply to
    /// the household and pass the filters.
    #[must_use]
    pub fn visible_items<'a>(&self, dossier: &Dossier, library: &'a Library, lang: Lang) -> Vec<&'a Item> {
        let needle = self.search.trim().to_lowercase();
        let sections = sections(dossier, library);
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
                        || dossier.note(&item.id).to_lowercase().contains(&needle)
                })
                .collect()
        };
        let mut items: Vec<&Item> = pool
            .into_iter()
            .filter(|item| dossier.applies(item))
            .filter(|item| self.status_filter.accepts(dossier.status(&item.id)))
            .filter(|item| self.priority_filter.is_none_or(|p| p == item.priority))
            .collect();
        if dossier.journey == Journey::Personal {
            // The personal checklist puts the most important items first
            // (a stable sort keeps the checklist's order among equals).
            items.sort_by_key(|item| item.priority);
        }
        items
    }

    /// Shows section `index`, clears the search and selects its first item.
    pub fn select_section(&mut self, index: usize, dossier: &Dossier, library: &Library, lang: Lang) {
        self.section = index;
        self.most_important_first = false;
        self.select_first(dossier, library, lang);
    }

    /// Shows every section's items, most important first, and selects the
    /// first.
    pub fn show_most_important(&mut self, dossier: &Dossier, library: &Library, lang: Lang) {
        self.most_important_first = true;
        self.select_first(dossier, library, lang);
    }

    /// Clears the search and selects the first item shown.
    fn select_first(&mut self, dossier: &Dossier, library: &Library, lang: Lang) {
        self.search.clear();
        self.selected = self
            .visible_items(dossier, library, lang)
            .first()
            .map(|item| item.id.clone());
        self.scroll_to_selected = true;
    }

    /// Moves the selection by `delta` items of the list as shown in `lang`;
    /// past the end of a section, on to the next or previous section.
    pub fn move_selection(&mut self, delta: isize, dossier: &Dossier, library: &Library, lang: Lang) {
        let visible: Vec<ItemId> = self
            .visible_items(dossier, library, lang)
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
        let count = sections(dossier, library).len();
        let mut section = self.section;
        loop {
            section = match section.checked_add_signed(delta.signum()) {
                Some(s) if s < count => s,
                _ => return,
            };
            self.section = section;
            let items = self.visible_items(dossier, library, lang);
            let pick = if delta > 0 { items.first() } else { items.last() };
            if let Some(item) = pick {
                self.selected = Some(item.id.clone());
                return;
            }
        }
    }
}

/// The item list screen.
pub fn walkthrough_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    walk: &mut WalkUi,
    keyboard: bool,
    commands: &mut Vec<Command>,
) {
    let (t, lang, library) = (view.t, view.lang, view.library);
    let dossier = &session.dossier;
    let sections = sections(dossier, library);

    if keyboard {
        keys(ui, view, dossier, walk, commands);
    }
    egui::Panel::top("walk_header").show(ui, |ui| {
        pages::header_ui(ui, view, session, Page::List, true, commands);
    });
    egui::Panel::bottom("walk_keys").show(ui, |ui| {
        let help = shortcuts::help_line(t, Scope::List, Some(dossier.journey));
        ui.label(egui::RichText::new(help).weak().small());
    });
    egui::Panel::left("sections")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| sections_ui(ui, view, dossier, walk, &sections));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        filter_bar_ui(ui, t, walk);
        ui.separator();
        let visible = walk.visible_items(dossier, library, lang);
        let scroll_to = std::mem::take(&mut walk.scroll_to_selected);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                list_heading_ui(ui, t, lang, dossier, walk, &sections, visible.len());
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
                    item_ui(ui, view, session, walk, visible[index], commands);
                    ui.add_space(theme::SPACE_S);
                });
                if walk.search.trim().is_empty()
                    && (walk.most_important_first || walk.section + 1 >= sections.len())
                {
                    ui.add_space(theme::SPACE_M);
                    let (text, page) = match dossier.journey {
                        Journey::Referent => (t.to_signoff, Page::SignOff),
                        Journey::Personal | Journey::Family => (t.to_plan, Page::Plan),
                    };
                    if ui.button(egui::RichText::new(text).strong()).clicked() {
                        commands.push(Command::Navigate(Navigation::Page(page)));
                    }
                }
                orphans_ui(ui, t, dossier, walk, library);
            });
    });
}

/// The keyboard: ↓/↑ (J/K) move, 1–4 set the status, 0 clears, Enter
/// unfolds the guidance.
fn keys(ui: &egui::Ui, view: &View<'_>, dossier: &Dossier, walk: &mut WalkUi, commands: &mut Vec<Command>) {
    for shortcut in shortcuts::pressed(ui, Scope::List) {
        match shortcut {
            Shortcut::Next => walk.move_selection(1, dossier, view.library, view.lang),
            Shortcut::Previous => walk.move_selection(-1, dossier, view.library, view.lang),
            Shortcut::SetStatus(status) => {
                if let Some(item) = &walk.selected {
                    commands.push(Command::SetStatus(item.clone(), status));
                }
            }
            Shortcut::Unfold => {
                if let Some(item) = walk.selected.clone()
                    && !walk.expanded.remove(&item)
                {
                    walk.expanded.insert(item);
                }
            }
            _ => {}
        }
    }
}

fn sections_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    dossier: &Dossier,
    walk: &mut WalkUi,
    sections: &[(&Checklist, &Section)],
) {
    let (t, lang) = (view.t, view.lang);
    ui.strong(t.sections);
    if dossier.journey == Journey::Personal {
        ui.add_space(theme::SPACE_S);
        let selected = walk.search.trim().is_empty() && walk.most_important_first;
        if ui.selectable_label(selected, t.most_important_first).clicked() {
            walk.show_most_important(dossier, view.library, lang);
        }
    }
    let mut last_checklist = None;
    for (index, (checklist, section)) in sections.iter().enumerate() {
        if last_checklist != Some(&checklist.id) {
            ui.add_space(theme::SPACE_M);
            ui.label(egui::RichText::new(checklist.title.get(lang)).weak());
            last_checklist = Some(&checklist.id);
        }
        let p = Progress::of_items(&section.items, dossier);
        if p.total == 0 {
            // Every item is hidden by the household profile.
            continue;
        }
        let mut text = egui::text::LayoutJob::default();
        let format = |color| egui::TextFormat {
            color,
            ..Default::default()
        };
        text.append(section.title.get(lang), 0.0, format(ui.visuals().text_color()));
        text.append(
            &format!("  {}/{}", p.answered, p.total),
            0.0,
            format(ui.visuals().weak_text_color()),
        );
        if p.open_critical > 0 {
            text.append("  ▲", 0.0, format(view.tokens.critical));
        }
        let selected = walk.search.trim().is_empty() && !walk.most_important_first && walk.section == index;
        let mut response = ui.selectable_label(selected, text);
        if p.open_critical > 0 {
            response = response.on_hover_text((t.open_critical)(p.open_critical));
        }
        if response.clicked() {
            walk.select_section(index, dossier, view.library, lang);
        }
    }
}

fn list_heading_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    lang: Lang,
    dossier: &Dossier,
    walk: &WalkUi,
    sections: &[(&Checklist, &Section)],
    shown: usize,
) {
    let hidden = if !walk.search.trim().is_empty() {
        ui.strong((t.search_results)(shown));
        0
    } else if walk.most_important_first {
        ui.heading(t.most_important_first);
        sections
            .iter()
            .flat_map(|(_, s)| s.items.iter())
            .filter(|i| !dossier.applies(i))
            .count()
    } else if let Some((_, section)) = sections.get(walk.section) {
        ui.heading(section.title.get(lang));
        section.items.iter().filter(|i| !dossier.applies(i)).count()
    } else {
        0
    };
    if hidden > 0 {
        ui.label(egui::RichText::new((t.hidden_by_profile)(hidden)).weak());
    }
}

fn filter_bar_ui(ui: &mut egui::Ui, t: &Tr, walk: &mut WalkUi) {
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
    view: &View<'_>,
    session: &Session,
    walk: &mut WalkUi,
    item: &Item,
    commands: &mut Vec<Command>,
) {
    let (t, lang, tokens) = (view.t, view.lang, view.tokens);
    let dossier = &session.dossier;
    let status = dossier.status(&item.id);
    let selected = walk.selected.as_ref() == Some(&item.id);
    let open_critical = item.priority == Priority::Critical && status.is_open();
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
    let names = pages::status_names(t, dossier.journey);
    theme::card(fill, stroke).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(item.id.as_str(), |ui| {
            ui.horizontal_wrapped(|ui| {
                widgets::status_mark(ui, tokens, names(status), status);
                widgets::priority_badge(ui, t, tokens, item.priority);
                let title = ui.add(
                    egui::Label::new(egui::RichText::new(item.title.get(lang)).strong().size(15.0))
                        .sense(egui::Sense::click()),
                );
                if title.clicked() {
                    walk.selected = Some(item.id.clone());
                }
            });
            ui.horizontal_wrapped(|ui| {
                for choice in Status::CHOICES {
                    if ui.selectable_label(choice == status, names(choice)).clicked() {
                        walk.selected = Some(item.id.clone());
                        if choice != status {
                            commands.push(Command::SetStatus(item.id.clone(), choice));
                        }
                    }
                }
            });
            let referent = dossier.journey == Journey::Referent;
            let label = if referent { t.observation } else { t.note };
            let (edit, changed) = widgets::note_editor(
                ui,
                egui::RichText::new(label).weak(),
                dossier.note(&item.id),
                t.note_hint,
                1,
            );
            if let Some(note) = changed {
                commands.push(Command::SetNote(item.id.clone(), note));
            }
            if edit.gained_focus() {
                walk.selected = Some(item.id.clone());
            }
            if referent {
                let current = dossier.answer(&item.id).map_or("", |a| a.recommendation.as_str());
                let (edit, changed) =
                    widgets::note_editor(ui, egui::RichText::new(t.recommendation).weak(), current, "", 1);
                if let Some(text) = changed {
                    commands.push(Command::SetRecommendation(item.id.clone(), text));
                }
                if edit.gained_focus() {
                    walk.selected = Some(item.id.clone());
                }
            }
            let strip = super::photo_strip::StripMode::Card { selected };
            super::photo_strip::strip_ui(ui, view, session, &item.id, strip, commands);
            let expanded = walk.expanded.contains(&item.id);
            let header = widgets::guidance_fold(ui, t, lang, item, Some(expanded));
            if header.header_response.clicked() {
                walk.selected = Some(item.id.clone());
                if !walk.expanded.remove(&item.id) {
                    walk.expanded.insert(item.id.clone());
                }
            }
        });
    });
}

fn orphans_ui(ui: &mut egui::Ui, t: &Tr, dossier: &Dossier, walk: &WalkUi, library: &Library) {
    let orphans = dossier.orphan_answers(&library.checklists);
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
