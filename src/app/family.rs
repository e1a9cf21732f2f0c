//! The family briefing: the members (role and first name), the practice
//! cards read together one at a time with each member's "read and agreed",
//! and who read what.

use super::pages::{Steps, View, steps_ui};
use super::visit::field_ui;
use super::walkthrough::Walk;
use super::{Action, Page, theme};
use crate::model::family::Role;

/// The member being added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDraft {
    /// Their role.
    pub role: Role,
    /// Their first name or nickname as typed.
    pub name: String,
}

impl Default for MemberDraft {
    fn default() -> Self {
        Self {
            role: Role::Adult,
            name: String::new(),
        }
    }
}

/// The members screen.
pub fn members_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &mut Walk, actions: &mut Vec<Action>) {
    let t = view.t;
    egui::Panel::bottom("members_buttons").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        let next = egui::Button::new(egui::RichText::new(t.to_cards).strong()).min_size(theme::BIG_BUTTON);
        if ui.add_enabled(!walk.dossier.members.is_empty(), next).clicked() {
            actions.push(Action::ShowPage(Page::Cards(0)));
        }
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.members_title);
            ui.label(egui::RichText::new(t.members_help).weak());
            ui.add_space(theme::SPACE_M);
            if walk.dossier.members.is_empty() {
                ui.label(t.no_members);
            }
            for member in &walk.dossier.members {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(&member.name).strong());
                    ui.label(egui::RichText::new((t.role_name)(member.role)).weak());
                    if ui.button((t.remove_member)(&member.name)).clicked() {
                        actions.push(Action::RemoveMember(member.id));
                    }
                });
            }
            ui.add_space(theme::SPACE_L);
            let draft = &mut walk.drafts.member;
            let label = ui.label(t.role);
            egui::ComboBox::from_id_salt("member_role")
                .selected_text((t.role_name)(draft.role))
                .show_ui(ui, |ui| {
                    for role in Role::ALL {
                        ui.selectable_value(&mut draft.role, role, (t.role_name)(role));
                    }
                })
                .response
                .labelled_by(label.id);
            let edit = field_ui(ui, t.member_name, &mut draft.name, "");
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.add_enabled(!draft.name.trim().is_empty(), egui::Button::new(t.add_member));
            if add.clicked() || (enter && !draft.name.trim().is_empty()) {
                actions.push(Action::AddMember);
            }
        });
    });
}

/// The cards, read one at a time, at card `index`.
pub fn cards_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &Walk, index: usize, actions: &mut Vec<Action>) {
    let t = view.t;
    let cards = walk.dossier.family_cards(&view.library.checklists);
    let index = index.min(cards.len().saturating_sub(1));
    let steps = Steps {
        index,
        count: cards.len(),
        page: Page::Cards,
        then: Page::Acknowledgements,
        then_text: t.to_acks,
    };
    steps_ui(ui, "cards_buttons", t, &steps, actions);
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(card) = cards.get(index) else {
            ui.label(t.no_cards);
            return;
        };
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 900.0);
            ui.label(
                egui::RichText::new(card.section.title.get(view.lang))
                    .size(22.0)
                    .strong(),
            );
            ui.label(egui::RichText::new((t.card_position)(index + 1, cards.len())).weak());
            ui.add_space(theme::SPACE_L);
            egui::Frame::new()
                .fill(view.tokens.card_bg)
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(8.0)
                .inner_margin(theme::SPACE_L)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        egui::RichText::new(format!("■ {}", (t.priority_name)(card.item.priority)))
                            .color(view.tokens.priority(card.item.priority))
                            .strong(),
                    );
                    ui.label(
                        egui::RichText::new(card.item.title.get(view.lang))
                            .size(20.0)
                            .strong(),
                    );
                    ui.add_space(theme::SPACE_M);
                    ui.label(egui::RichText::new(card.item.guidance.get(view.lang)).size(15.0));
                });
            ui.add_space(theme::SPACE_L);
            for member in &card.members {
                let mut read = walk.dossier.acknowledged(&card.item.id, member.id);
                let text = egui::RichText::new((t.read_and_agreed)(&member.name)).size(17.0);
                if ui.checkbox(&mut read, text).changed() {
                    actions.push(Action::SetAcknowledged(card.item.id.clone(), member.id, read));
                }
            }
        });
    });
}

/// Who read and agreed which card, member by member.
pub fn acks_ui(ui: &mut egui::Ui, view: &View<'_>, walk: &Walk) {
    let t = view.t;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading(t.acks_title);
            ui.add_space(theme::SPACE_M);
            for mc in walk.dossier.member_cards(&view.library.checklists) {
                let read = mc.cards.iter().filter(|(_, ack)| *ack).count();
                egui::Frame::group(ui.style())
                    .fill(view.tokens.card_bg)
                    .inner_margin(theme::SPACE_M)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new(&mc.member.name).strong().size(16.0));
                            ui.label(egui::RichText::new((t.role_name)(mc.member.role)).weak());
                            ui.label((t.acks_count)(read, mc.cards.len()));
                        });
                        for (item, ack) in &mc.cards {
                            let (mark, color) = if *ack {
                                ("✔", view.tokens.status(crate::model::Status::Done))
                            } else {
                                ("○", ui.visuals().weak_text_color())
                            };
                            ui.horizontal_wrapped(|ui| {
                                ui.colored_label(color, mark);
                                ui.label(item.title.get(view.lang));
                            });
                        }
                    });
                ui.add_space(theme::SPACE_S);
            }
        });
    });
}
