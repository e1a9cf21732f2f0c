//! What can be wrong in a checklist file: [`ProblemKind`], its
//! [`Severity`], where it is ([`Problem`]), and every problem of one file
//! ([`ChecklistError`]).

use std::fmt;

use super::messages::message;
use crate::lang::Lang;
use crate::model::checklist::Priority;

/// Which kind of id a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A checklist id.
    Checklist,
    /// A section id.
    Section,
    /// An item id.
    Item,
}

/// Which text field a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A title.
    Title,
    /// The checklist summary.
    Summary,
    /// An item's guidance.
    Guidance,
}

/// What is wrong, independent of the language it is told in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read.
    Unreadable(String),
    /// The RON parser's message.
    Syntax(String),
    /// An id has characters outside the allowed set.
    BadId {
        /// Checklist, section or item.
        kind: IdKind,
        /// The id as written.
        id: String,
    },
    /// A section id used twice in the checklist.
    DuplicateSection(String),
    /// An item id already used, in this checklist or another one.
    DuplicateItem {
        /// The item id.
        id: String,
        /// The checklist that already has it.
        first_in: String,
    },
    /// A checklist id already used by another loaded checklist.
    DuplicateChecklist(String),
    /// A text is empty in one language.
    EmptyText {
        /// The id of the checklist, section or item the text belongs to.
        owner: String,
        /// Which text.
        field: Field,
        /// The language that is missing.
        lang: Lang,
    },
    /// The checklist is offered in no journey.
    NoJourney,
    /// The checklist has no section.
    NoSection,
    /// A section has no item.
    EmptySection(String),
    /// An item cites no source.
    NoSource(String),
    /// A source is not a web address.
    BadSource {
        /// The item id.
        item: String,
        /// The source as written.
        source: String,
    },
    /// A source is a web address but not an `https` page with a path (a
    /// plain `http` address or a site's home page).
    WeakSource {
        /// The item id.
        item: String,
        /// The source as written.
        source: String,
    },
    /// A source gives no quote: the sentence of the page that supports the
    /// item. Always a warning.
    NoQuote {
        /// The item id.
        item: String,
        /// The source's address.
        source: String,
    },
    /// An item does not say when its advice was last checked.
    NoVerified(String),
    /// `verified` is not a date written `YYYY-MM-DD`.
    BadVerified {
        /// The item id.
        item: String,
        /// The value as written.
        value: String,
    },
    /// `verified` is a date after today.
    FutureVerified {
        /// The item id.
        item: String,
        /// The date as written.
        date: String,
    },
    /// A `measure` key has characters outside the allowed set.
    BadMeasure {
        /// The item id.
        item: String,
        /// The key as written.
        measure: String,
    },
    /// Two items share a `measure` key but not the same priority.
    MeasurePriority {
        /// The shared key.
        measure: String,
        /// The item found second.
        item: String,
        /// Its priority.
        priority: Priority,
        /// The item found first.
        other: String,
        /// The first item's priority.
        other_priority: Priority,
    },
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The checklist is not loaded.
    Error,
    /// The checklist loads; the problem should still be fixed.
    Warning,
}

/// One problem, with where it is when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Whether it stops the checklist from loading.
    pub severity: Severity,
}

impl Problem {
    /// An error found at no particular place (an unreadable file).
    #[must_use]
    pub fn error(kind: ProblemKind) -> Self {
        Self {
            position: None,
            kind,
            severity: Severity::Error,
        }
    }

    /// The problem told in `lang`, with its position.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let text = message(&self.kind, lang);
        match self.position {
            Some((line, col)) => format!("{line}:{col}: {text}"),
            None => text,
        }
    }
}

/// Everything wrong with one checklist file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ChecklistError {
    /// The file's name or path, as shown to the user.
    pub file: String,
    /// Every problem found, in file order where known.
    pub problems: Vec<Problem>,
}

impl ChecklistError {
    /// Whether any problem is an error (and not only warnings).
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Every problem as `file:line:col: message`, one per line, in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| format!("{}:{}", self.file, p.describe(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for ChecklistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}
