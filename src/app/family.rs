//! The family briefing: the members (role and first name), the practice
//! cards read together one at a time with the "read and agreed" of each
//! member concerned, and who read what.

use super::command::{Command, Navigation};
use super::pages::{Steps, View, steps_ui};
use super::state::{Page, Session};
use super::visit::{field_ui, problem_text};
use super::{theme, widgets};
use crate::model::Status;
use crate::model::family::Role;
use crate::model::forms::MemberForm;

/// The members screen.
pub fn members_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    attempted: &mut bool,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let dossier = &session.dossier;
    egui::Panel::bottom("members_buttons").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        let next = egui::Button::new(egui::RichText::new(t.to_cards).strong()).min_size(theme::BIG_BUTTON);
        if ui.add_enabled(!dossier.members.is_empty(), next).clicked() {
            commands.push(Command::Navigate(Navigation::Page(Page::Cards(0))));
        }
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            theme::limit_width(ui, 760.0);
            ui.heading(t.members_title);
            ui.label(egui::RichText::new(t.members_help).weak());
            ui.add_space(theme::SPACE_M);
            if dossier.members.is_empty() {
                ui.label(t.no_members);
            }
            for member in &dossier.members {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(&member.name).strong());
                    ui.label(egui::RichText::new((t.role_name)(member.role)).weak());
                    if ui.button((t.remove_member)(&member.name)).clicked() {
                        commands.push(Command::RemoveMember(member.id));
                    }
                });
            }
            ui.add_space(theme::SPACE_L);
            let mut form = dossier.drafts.member.clone().unwrap_or_default();
            let before = form.clone();
            let label = ui.label(t.role);
            egui::ComboBox::from_id_salt("member_role")
                .selected_text((t.role_name)(form.role))
                .show_ui(ui, |ui| {
                    for role in Role::ALL {
                        ui.selectable_value(&mut form.role, role, (t.role_name)(role));
                    }
                })
                .response
                .labelled_by(label.id);
            let edit = field_ui(ui, t.member_name, &mut form.name, "");
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.add_enabled(!form.name.trim().is_empty(), egui::Button::new(t.add_member));
            if add.clicked() || enter {
                match form.to_member() {
                    Ok((role, name)) => commands.push(Command::AddMember(role, name)),
                    Err(_) => *attempted = true,
                }
            } else if form != before {
                commands.push(Command::EditMemberForm(MemberForm {
                    role: form.role,
                    name: form.name.clone(),
                }));
            }
            if *attempted && let Err(problems) = form.to_member() {
                for p in problems {
                    ui.colored_label(view.tokens.critical, problem_text(t, p));
                }
            }
        });
    });
}

/// The cards, read one at a time, at card `index`.
pub fn cards_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    session: &Session,
    index: usize,
    keyboard: bool,
    commands: &mut Vec<Command>,
) {
    let t = view.t;
    let dossier = &session.dossier;
    let cards = dossier.family_cards(&view.library.checklists);
    let index = index.min(cards.len().saturating_sub(1));
    let steps = Steps {
        index,
        count: cards.len(),
        page: Page::Cards,
        then: Page::Acknowledgements,
        then_text: t.to_acks,
        status_keys: false,
    };
    // The status keys mean nothing on a card: each member ticks it.
    let _ = steps_ui(ui, "cards_buttons", t, &steps, keyboard, commands);
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
                    widgets::priority_badge(ui, t, view.tokens, card.item.priority);
                    ui.label(
                        egui::RichText::new(card.item.title.get(view.lang))
                            .size(20.0)
                            .strong(),
                    );
                    ui.add_space(theme::SPACE_M);
                    ui.label(egui::RichText::new(card.item.guidance.get(view.lang)).size(15.0));
                    let read_only = super::photo_strip::StripMode::ReadOnly;
                    super::photo_strip::strip_ui(ui, view, session, &card.item.id, read_only, commands);
                });
            ui.add_space(theme::SPACE_L);
            ui.label(egui::RichText::new((t.journeys.card_for)(&names(&card.members))).weak());
            for member in &card.members {
                let mut read = dossier.acknowledged(&card.item.id, member.id);
                let text = egui::RichText::new((t.read_and_agreed)(&member.name)).size(17.0);
                if ui.checkbox(&mut read, text).changed() {
                    commands.push(Command::SetAcknowledged(card.item.id.clone(), member.id, read));
                }
            }
            if dossier.status(&card.item.id) == Status::Done {
                ui.add_space(theme::SPACE_S);
                ui.colored_label(
                    view.tokens.status(Status::Done),
                    format!("✔ {}", t.journeys.agreed_by_all),
                );
            }
        });
    });
}

fn names(members: &[&crate::model::family::Member]) -> String {
    members
        .iter()
        .map(|m| m.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who read and agreed which card, member by member.
pub fn acks_ui(ui: &mut egui::Ui, view: &View<'_>, session: &Session) {
    let t = view.t;
    let dossier = &session.dossier;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading(t.acks_title);
            let (agreed, total) = dossier.cards_agreed(&view.library.checklists);
            ui.label((t.journeys.cards_agreed)(agreed, total));
            ui.add_space(theme::SPACE_M);
            for mc in dossier.member_cards(&view.library.checklists) {
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
                                ("✔", view.tokens.status(Status::Done))
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
