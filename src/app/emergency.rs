//! The emergency sheet in the window: who to call, when, and what to say,
//! the same as the printed sheet, one click away from every screen.

use super::theme;
use crate::i18n::{Lang, Tr};
use crate::report::labels::texts;

/// The sheet's content: the printed sheet's words, in `lang`.
pub fn emergency_ui(ui: &mut egui::Ui, t: &Tr, lang: Lang) {
    let sheet = &texts(lang).labels;
    ui.label(egui::RichText::new(sheet.call_first_text).strong().size(16.0));
    ui.add_space(theme::SPACE_M);
    ui.strong(t.keys.what_to_say_title);
    for line in t.keys.what_to_say {
        ui.label(format!("• {line}"));
    }
    ui.add_space(theme::SPACE_M);
    egui::Grid::new("emergency_numbers")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for number in sheet.numbers {
                ui.label(egui::RichText::new(number.number).strong().size(16.0));
                ui.vertical(|ui| {
                    ui.label(egui::RichText::new(number.name).strong());
                    ui.label(number.when);
                });
                ui.end_row();
            }
        });
    ui.add_space(theme::SPACE_M);
    ui.label(egui::RichText::new(sheet.by_hand_warning).weak());
}
