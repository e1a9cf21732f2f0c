//! Every keyboard shortcut in one table: the same table listens to the
//! keyboard ([`pressed`]), writes the help line under a list ([`help_line`])
//! and fills the *Keyboard shortcuts* window ([`help_rows`]).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Tr;
use crate::model::Status;
use crate::model::checklist::Journey;

/// Where a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere.
    Global,
    /// The item list.
    List,
    /// One at a time: the visit's steps and the family cards.
    Steps,
}

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// The next item.
    Next,
    /// The previous item.
    Previous,
    /// Set the selected item's status (or the step's finding).
    SetStatus(Status),
    /// Unfold or fold the selected item's guidance.
    Unfold,
    /// The next step or card.
    NextStep,
    /// The previous step or card.
    PreviousStep,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Normal text size.
    ZoomReset,
    /// The emergency sheet.
    Emergency,
    /// The keyboard shortcuts window.
    Help,
}

/// One row of the table: a shortcut, where it works, and its keys (the
/// first is the one the help shows).
struct Binding {
    shortcut: Shortcut,
    scopes: &'static [Scope],
    keys: &'static [KeyboardShortcut],
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const LIST: &[Scope] = &[Scope::List];
const STEPS: &[Scope] = &[Scope::Steps];
const LIST_AND_STEPS: &[Scope] = &[Scope::List, Scope::Steps];
const GLOBAL: &[Scope] = &[Scope::Global];

/// The table.
const TABLE: &[Binding] = &[
    Binding {
        shortcut: Shortcut::Next,
        scopes: LIST,
        keys: &[key(Key::ArrowDown), key(Key::J)],
    },
    Binding {
        shortcut: Shortcut::Previous,
        scopes: LIST,
        keys: &[key(Key::ArrowUp), key(Key::K)],
    },
    Binding {
        shortcut: Shortcut::SetStatus(Status::Done),
        scopes: LIST_AND_STEPS,
        keys: &[key(Key::Num1)],
    },
    Binding {
        shortcut: Shortcut::SetStatus(Status::Partly),
        scopes: LIST_AND_STEPS,
        keys: &[key(Key::Num2)],
    },
    Binding {
        shortcut: Shortcut::SetStatus(Status::Todo),
        scopes: LIST_AND_STEPS,
        keys: &[key(Key::Num3)],
    },
    Binding {
        shortcut: Shortcut::SetStatus(Status::NotApplicable),
        scopes: LIST_AND_STEPS,
        keys: &[key(Key::Num4)],
    },
    Binding {
        shortcut: Shortcut::SetStatus(Status::Unanswered),
        scopes: LIST_AND_STEPS,
        keys: &[key(Key::Num0)],
    },
    Binding {
        shortcut: Shortcut::Unfold,
        scopes: LIST,
        keys: &[key(Key::Enter)],
    },
    Binding {
        shortcut: Shortcut::PreviousStep,
        scopes: STEPS,
        keys: &[key(Key::ArrowLeft)],
    },
    Binding {
        shortcut: Shortcut::NextStep,
        scopes: STEPS,
        keys: &[key(Key::ArrowRight)],
    },
    Binding {
        shortcut: Shortcut::ZoomIn,
        scopes: GLOBAL,
        keys: &[command(Key::Plus), command(Key::Equals)],
    },
    Binding {
        shortcut: Shortcut::ZoomOut,
        scopes: GLOBAL,
        keys: &[command(Key::Minus)],
    },
    Binding {
        shortcut: Shortcut::ZoomReset,
        scopes: GLOBAL,
        keys: &[command(Key::Num0)],
    },
    Binding {
        shortcut: Shortcut::Emergency,
        scopes: GLOBAL,
        keys: &[key(Key::F2)],
    },
    Binding {
        shortcut: Shortcut::Help,
        scopes: GLOBAL,
        keys: &[key(Key::F1)],
    },
];

/// The shortcuts of `scope` pressed in this frame. Call it only when no
/// text field has the keyboard (for the list and the steps) or no dialog is
/// open.
pub fn pressed(ui: &egui::Ui, scope: Scope) -> Vec<Shortcut> {
    let mut found = Vec::new();
    ui.input_mut(|input| {
        for binding in TABLE.iter().filter(|b| b.scopes.contains(&scope)) {
            // Consumed, so that Ctrl 0 is not also 0.
            if binding.keys.iter().any(|k| input.consume_shortcut(k)) {
                found.push(binding.shortcut);
            }
        }
    });
    found
}

/// The name of a shortcut in the help, with the journey's status names.
fn describe(t: &Tr, shortcut: Shortcut, journey: Option<Journey>) -> String {
    let status = |s| {
        if journey == Some(Journey::Referent) {
            (t.finding_name)(s)
        } else {
            (t.status_name)(s)
        }
    };
    match shortcut {
        Shortcut::Next => t.keys.next.to_owned(),
        Shortcut::Previous => t.keys.previous.to_owned(),
        Shortcut::SetStatus(s) => status(s).to_owned(),
        Shortcut::Unfold => t.keys.unfold.to_owned(),
        Shortcut::NextStep => t.keys.next_step.to_owned(),
        Shortcut::PreviousStep => t.keys.previous_step.to_owned(),
        Shortcut::ZoomIn => t.keys.zoom_in.to_owned(),
        Shortcut::ZoomOut => t.keys.zoom_out.to_owned(),
        Shortcut::ZoomReset => t.keys.zoom_reset.to_owned(),
        Shortcut::Emergency => t.keys.emergency.to_owned(),
        Shortcut::Help => t.keys.help.to_owned(),
    }
}

/// A key as the help shows it.
fn key_name(key: Key) -> &'static str {
    match key {
        Key::ArrowDown => "↓",
        Key::ArrowUp => "↑",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::Plus => "+",
        Key::Equals => "=",
        Key::Minus => "−",
        other => other.name(),
    }
}

/// The keys of a binding as the help shows them ("↓ / J", "Ctrl+−").
fn keys_text(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| {
            let modifiers = egui::ModifierNames::NAMES.format(&k.modifiers, false);
            if modifiers.is_empty() {
                key_name(k.logical_key).to_owned()
            } else {
                format!("{modifiers}+{}", key_name(k.logical_key))
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The help line under a list or the steps: every shortcut of `scope`,
/// the status keys named as `statuses`' journey names them, or left out
/// when `statuses` is `None` (a family card is ticked by each member, not
/// given a status).
#[must_use]
pub fn help_line(t: &Tr, scope: Scope, statuses: Option<Journey>) -> String {
    TABLE
        .iter()
        .filter(|b| b.scopes.contains(&scope))
        .filter(|b| statuses.is_some() || !matches!(b.shortcut, Shortcut::SetStatus(_)))
        .map(|b| format!("{} {}", keys_text(b), describe(t, b.shortcut, statuses)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Every shortcut for the help window: where it works, its keys and what
/// it does.
#[must_use]
pub fn help_rows(t: &Tr) -> Vec<(&'static str, String, String)> {
    let mut rows = Vec::new();
    for scope in [Scope::Global, Scope::List, Scope::Steps] {
        let name = match scope {
            Scope::Global => t.keys.everywhere,
            Scope::List => t.keys.in_list,
            Scope::Steps => t.keys.in_steps,
        };
        for binding in TABLE.iter().filter(|b| b.scopes.contains(&scope)) {
            rows.push((name, keys_text(binding), describe(t, binding.shortcut, None)));
        }
    }
    rows.push((t.keys.everywhere, "Tab / ⇧ Tab".to_owned(), t.keys.tab.to_owned()));
    rows.push((t.keys.everywhere, "Esc".to_owned(), t.keys.escape.to_owned()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_line_names_every_key_of_the_list() {
        let line = help_line(
            crate::i18n::tr(crate::lang::Lang::En),
            Scope::List,
            Some(Journey::Referent),
        );
        for key in ["↓ / J", "↑ / K", "1", "2", "3", "4", "0", "Enter"] {
            assert!(line.contains(key), "{key} missing from {line}");
        }
        assert!(line.contains("Compliant"), "a visit names its findings: {line}");
    }

    #[test]
    fn a_family_card_shows_no_status_key() {
        let t = crate::i18n::tr(crate::lang::Lang::Fr);
        let cards = help_line(t, Scope::Steps, None);
        assert!(!cards.contains("Conforme") && !cards.contains("1 "), "{cards}");
        assert!(cards.contains('←') && cards.contains('→'), "{cards}");
        let visit = help_line(t, Scope::Steps, Some(Journey::Referent));
        assert!(visit.contains("1 Conforme"), "{visit}");
    }

    #[test]
    fn no_two_bindings_of_one_scope_share_a_key() {
        for scope in [Scope::Global, Scope::List, Scope::Steps] {
            let keys: Vec<_> = TABLE
                .iter()
                .filter(|b| b.scopes.contains(&scope))
                .flat_map(|b| b.keys.iter())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} twice in {scope:?}");
            }
        }
    }
}
