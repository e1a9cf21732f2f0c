//! The small pieces every screen draws the same way: a priority badge (a
//! shape and a word beside the colour, readable without colour), a
//! dossier's progress row, an item's guidance with its sources, a
//! labelled note editor, and a date field that takes its date only when it
//! is left.

use super::theme::{self, Tokens};
use crate::i18n::Tr;
use crate::lang::Lang;
use crate::model::checklist::{Item, Priority};
use crate::model::{Progress, Status};

/// The shape drawn beside a priority's colour, so that priorities read
/// apart without colour (and in black and white).
#[must_use]
pub fn priority_shape(priority: Priority) -> &'static str {
    match priority {
        Priority::Critical => "▲",
        Priority::High => "◆",
        Priority::Medium => "●",
        Priority::Low => "○",
    }
}

/// "▲ Priorité critique": the priority's shape and name in its colour.
pub fn priority_badge(ui: &mut egui::Ui, t: &Tr, tokens: &Tokens, priority: Priority) -> egui::Response {
    ui.label(
        egui::RichText::new(format!(
            "{} {}",
            priority_shape(priority),
            (t.journeys.priority_label)(priority)
        ))
        .color(tokens.priority(priority))
        .strong(),
    )
}

/// The progress bar, the score and the open critical items of a dossier
/// (or part of one).
pub fn progress_row(ui: &mut egui::Ui, t: &Tr, tokens: &Tokens, p: &Progress) {
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
            egui::RichText::new(format!("▲ {}", (t.open_critical)(p.open_critical))).strong(),
        )
        .on_hover_text(t.critical_open_help);
    }
}

/// An item's guidance and its public sources, each with the sentence of
/// the page that supports the item, and the date the advice was last
/// checked against them.
pub fn guidance_ui(ui: &mut egui::Ui, t: &Tr, lang: Lang, item: &Item) {
    ui.label(item.guidance.get(lang));
    ui.add_space(theme::SPACE_S);
    ui.label(egui::RichText::new(t.sources).weak());
    for source in &item.sources {
        ui.hyperlink(&source.url);
        if let Some(quote) = &source.quote {
            ui.indent(("quote", item.id.as_str(), &source.url), |ui| {
                let quoted = match lang {
                    Lang::Fr => format!("«\u{a0}{quote}\u{a0}»"),
                    Lang::En => format!("“{quote}”"),
                };
                ui.label(egui::RichText::new(quoted).italics());
            });
        }
    }
    if let Some(day) = item.verified {
        let day = day.format(t.date_format).to_string();
        ui.label(egui::RichText::new((t.journeys.verified_on)(&day)).weak().small());
    }
}

/// The guidance of an item in a header that unfolds; returns the header's
/// response (clicked to unfold or fold).
pub fn guidance_fold(
    ui: &mut egui::Ui,
    t: &Tr,
    lang: Lang,
    item: &Item,
    open: Option<bool>,
) -> egui::CollapsingResponse<()> {
    egui::CollapsingHeader::new(t.guidance_and_sources)
        .id_salt(("details", item.id.as_str()))
        .open(open)
        .show(ui, |ui| guidance_ui(ui, t, lang, item))
}

/// A labelled multi-line text field for `current`; returns the response and
/// the new text when it was changed.
pub fn note_editor(
    ui: &mut egui::Ui,
    label: egui::RichText,
    current: &str,
    hint: &str,
    rows: usize,
) -> (egui::Response, Option<String>) {
    let mut text = current.to_owned();
    let label = ui.label(label);
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    let changed = edit.changed().then_some(text);
    (edit, changed)
}

/// A status mark: a shape and a colour (the name shows on hover).
pub fn status_mark(ui: &mut egui::Ui, tokens: &Tokens, name: &str, status: Status) {
    let shape = match status {
        Status::Done => "✔",
        Status::Partly => "◐",
        Status::Todo => "✖",
        Status::NotApplicable => "–",
        Status::Unanswered => "○",
    };
    ui.colored_label(tokens.status(status), shape).on_hover_text(name);
}

/// A date field for `stored`, with the text being typed in `typed`.
/// Returns the new date when one is taken (Enter, or the field left) and
/// differs; shows why when the text is not a date.
#[expect(
    clippy::option_option,
    reason = "no change, or a change that sets or clears the date"
)]
pub fn date_field_ui(
    ui: &mut egui::Ui,
    view: &super::pages::View<'_>,
    label: &str,
    stored: Option<chrono::NaiveDate>,
    typed: &mut Option<String>,
) -> Option<Option<chrono::NaiveDate>> {
    let t = view.t;
    let shown =
        |d: Option<chrono::NaiveDate>| d.map(|d| d.format(t.date_format).to_string()).unwrap_or_default();
    let mut text = typed.clone().unwrap_or_else(|| shown(stored));
    let label = ui.label(label);
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(t.date_hint)
                .desired_width(100.0),
        )
        .labelled_by(label.id);
    if edit.changed() {
        *typed = Some(text);
    }
    let mut taken = None;
    if edit.lost_focus()
        && let Some(text) = typed.as_ref()
        && let Ok(date) = crate::model::dates::parse_optional_date(text)
    {
        *typed = None;
        taken = (date != stored).then_some(date);
    }
    if !edit.has_focus()
        && let Some(Err(err)) = typed
            .as_ref()
            .map(|text| crate::model::dates::parse_optional_date(text))
    {
        ui.colored_label(
            view.tokens.critical,
            super::visit::problem_text(t, crate::model::forms::FormProblem::Date(err)),
        );
    }
    taken
}
