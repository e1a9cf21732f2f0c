//! The printable summary: what a household keeps and what a référent hands
//! over.
//!
//! [`build`] turns a dossier and its checklists into a [`Report`]: plain data,
//! already in the reader's language and ordered for print. The renderers
//! ([`html::render`] and [`pdf::render`]) only lay it out; user text is always
//! passed to them as data, never as markup. No egui here.

mod build;
pub mod chronology;
pub mod exposure;
pub mod household_text;
pub mod html;
pub mod labels;
pub mod pdf;
pub mod photos;

pub use build::{build, build_blank};
pub use photos::attach_photos;

use serde::Serialize;

use crate::lang::Lang;
use crate::model::Progress;
use labels::{Labels, texts};

/// Which summary to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The confidential report for the household or the référent.
    Full,
    /// A handout: the practices the family agreed and the emergency sheet;
    /// no weakness, no note.
    Family,
    /// One page: the numbers, who to call first, lines to fill by hand.
    Emergency,
    /// The checklist with empty boxes, for a visit on paper.
    Blank,
}

impl Profile {
    /// Every profile, in menu order.
    pub const ALL: [Self; 4] = [Self::Full, Self::Family, Self::Emergency, Self::Blank];
}

/// Counts and score, ready to print.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Items answered.
    pub answered: usize,
    /// Items that apply.
    pub total: usize,
    /// Items done.
    pub done: usize,
    /// Items partly done.
    pub partly: usize,
    /// Items to do.
    pub todo: usize,
    /// Items not applicable.
    pub not_applicable: usize,
    /// Open critical items.
    pub open_critical: usize,
    /// The score from 0 to 100, as text ("62/100" or "–").
    pub score: String,
    /// "12/40 answered".
    pub answered_text: String,
    /// A visit's findings, counted ("3 not compliant, 5 to improve…"); empty
    /// for the other journeys.
    pub findings: String,
}

impl Stats {
    fn of(p: &Progress, lang: Lang) -> Self {
        let t = texts(lang);
        Self {
            answered: p.answered,
            total: p.total,
            done: p.done,
            partly: p.partly,
            todo: p.todo,
            not_applicable: p.not_applicable,
            open_critical: p.open_critical,
            score: p.score().map_or_else(|| "–".to_owned(), |s| format!("{s}/100")),
            answered_text: (t.answered_of)(p.answered, p.total),
            findings: String::new(),
        }
    }
}

/// One section's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionRow {
    /// The checklist's title.
    pub checklist: String,
    /// The section's title.
    pub section: String,
    /// Its counts and score.
    pub stats: Stats,
}

/// One item of the action plan (not done yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanRow {
    /// The item's id.
    pub id: String,
    /// The priority's name.
    pub priority: String,
    /// Whether it is critical (printed in bold).
    pub critical: bool,
    /// The section's title.
    pub section: String,
    /// The item's title.
    pub title: String,
    /// The status's name.
    pub status: String,
    /// The note (the référent's observation), if any.
    pub note: String,
    /// The référent's recommendation, if any.
    pub recommendation: String,
    /// Who takes it in hand, if anyone.
    pub owner: String,
    /// The due date, formatted, if any.
    pub due: String,
    /// Whether the due date has passed.
    pub overdue: bool,
}

/// One item in place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DoneRow {
    /// The section's title.
    pub section: String,
    /// The item's title.
    pub title: String,
}

/// A note on an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteRow {
    /// The item's title.
    pub title: String,
    /// The status's name.
    pub status: String,
    /// The note.
    pub note: String,
    /// The référent's recommendation, if any.
    pub recommendation: String,
}

/// A public source of the items covered, with the sentences of it that
/// support them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceRow {
    /// The address, with the day the advice citing it was checked.
    pub source: String,
    /// The sentences of the page that support the items citing it, copied
    /// exactly, in the page's language; empty when none was given.
    pub quotes: Vec<String>,
}

/// An answer whose item no longer exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrphanRow {
    /// The item id, as saved.
    pub id: String,
    /// The status's name.
    pub status: String,
    /// The note.
    pub note: String,
}

/// A group of items printed together (the practices of one audience, or
/// one section of a blank form).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group's title (checklist — section).
    pub title: String,
    /// The items.
    pub items: Vec<GroupItem>,
}

/// An item in a [`Group`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupItem {
    /// The item's title.
    pub title: String,
    /// The priority's name.
    pub priority: String,
    /// Whether it is critical.
    pub critical: bool,
}

/// A labelled value (visit header, sign-off).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// The label.
    pub label: String,
    /// The value.
    pub value: String,
}

/// One family member's cards, for print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberSheet {
    /// The first name or nickname.
    pub name: String,
    /// The role's name.
    pub role: String,
    /// The member's cards: the practice and whether it was read and agreed.
    pub cards: Vec<CardLine>,
}

/// A card on a member's sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardLine {
    /// The practice.
    pub title: String,
    /// Whether the member read and agreed it.
    pub agreed: bool,
}

/// Everything a summary prints, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Which summary.
    pub profile: Profile,
    /// The language code ("fr" or "en").
    pub lang: &'static str,
    /// The fixed texts of the report.
    pub labels: &'static Labels,
    /// The dossier's (or checklist's) title.
    pub title: String,
    /// The journey, or what the blank form is for.
    pub subtitle: String,
    /// The last line: what the document holds and how to keep it.
    pub footer: &'static str,
    /// When the report was made.
    pub generated: String,
    /// When the dossier was created ("" for a blank form).
    pub created: String,
    /// When the dossier last changed ("" for a blank form).
    pub modified: String,
    /// The household profile, as names.
    pub household: Vec<String>,
    /// The checklists covered.
    pub checklists: Vec<String>,
    /// Overall counts and score.
    pub overall: Stats,
    /// Per-section counts and score.
    pub sections: Vec<SectionRow>,
    /// The action plan: every applicable item still open, in the order of
    /// [`crate::model::plan::action_plan`]; for a visit, only the findings
    /// (the points not seen are in [`Report::unseen`]).
    pub plan: Vec<PlanRow>,
    /// A visit's points not seen, by priority.
    pub unseen: Vec<GroupItem>,
    /// What is in place.
    pub in_place: Vec<DoneRow>,
    /// The notes.
    pub notes: Vec<NoteRow>,
    /// Answers whose item no longer exists.
    pub orphans: Vec<OrphanRow>,
    /// The public sources of the items covered, with their quotes.
    pub sources: Vec<SourceRow>,
    /// Family handout: the practices agreed, by audience.
    pub practices: Vec<Group>,
    /// Blank form: the items with empty boxes.
    pub blank: Vec<Group>,
    /// The visit header (référent's visits) and the next review date.
    pub details: Vec<Detail>,
    /// The sign-off heading ("" when the visit is not signed).
    pub signoff_title: String,
    /// The sign-off.
    pub signoff: Vec<Detail>,
    /// "Changed after the sign-off of …" ("" when unchanged or unsigned).
    pub signoff_changed_title: String,
    /// What changed since the sign-off, one line each.
    pub signoff_changes: Vec<String>,
    /// On the first page: the visit was signed, then changed ("" when
    /// unchanged or unsigned).
    pub signoff_notice: String,
    /// The changes heading ("" when the dossier is not a review).
    pub changes_title: String,
    /// What changed since the previous dossier: newly done, newly failing,
    /// still open.
    pub changes: Vec<Group>,
    /// The family members' cards (family handout).
    pub members: Vec<MemberSheet>,
    /// Family handout: the practices some members concerned have not
    /// agreed yet, with who.
    pub pending: Vec<Pending>,
    /// Fixed texts added with the journeys' record (moved into
    /// [`Report::labels`] with the report's own catalog).
    pub more: MoreLabels,
    /// Full report only: the household's exposure inventory, filled by
    /// [`exposure::add_exposure`] (empty: the section is not printed).
    pub exposure: Vec<exposure::ExposureRow>,
    /// The exposure section's fixed texts.
    pub exposure_labels: household_text::ExposureLabels,
    /// The photos of the items (full report only), added by
    /// [`attach_photos`].
    pub photos: photos::PhotoSection,
}

/// A practice not agreed by everyone it is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// The practice.
    pub title: String,
    /// Who has not agreed yet.
    pub not_yet: String,
}

/// Fixed texts of the findings, the points not seen, the pending practices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MoreLabels {
    /// Heading of a visit's findings.
    pub findings: String,
    /// What the findings table holds.
    pub findings_intro: String,
    /// Heading of the points not seen.
    pub unseen: String,
    /// What they are.
    pub unseen_intro: String,
    /// Heading of the practices not agreed by everyone.
    pub pending: String,
    /// Label of the findings counted.
    pub findings_label: String,
}

impl Report {
    /// A report of `profile` in `lang` with nothing in it yet.
    fn empty(profile: Profile, lang: Lang) -> Self {
        Self {
            profile,
            lang: lang.code(),
            labels: &texts(lang).labels,
            title: String::new(),
            subtitle: String::new(),
            footer: (texts(lang).keep_safe_for)(profile),
            generated: String::new(),
            created: String::new(),
            modified: String::new(),
            household: Vec::new(),
            checklists: Vec::new(),
            overall: Stats::default(),
            sections: Vec::new(),
            plan: Vec::new(),
            unseen: Vec::new(),
            in_place: Vec::new(),
            notes: Vec::new(),
            orphans: Vec::new(),
            sources: Vec::new(),
            practices: Vec::new(),
            blank: Vec::new(),
            details: Vec::new(),
            signoff_title: String::new(),
            signoff: Vec::new(),
            signoff_changed_title: String::new(),
            signoff_changes: Vec::new(),
            signoff_notice: String::new(),
            changes_title: String::new(),
            changes: Vec::new(),
            members: Vec::new(),
            pending: Vec::new(),
            more: MoreLabels::of(lang),
            exposure: Vec::new(),
            exposure_labels: household_text::ExposureLabels::default(),
            photos: photos::PhotoSection::default(),
        }
    }
}

impl MoreLabels {
    fn of(lang: Lang) -> Self {
        let j = texts(lang);
        Self {
            findings: j.report_findings.to_owned(),
            findings_intro: j.report_findings_intro.to_owned(),
            unseen: j.report_unseen.to_owned(),
            unseen_intro: j.report_unseen_intro.to_owned(),
            pending: j.report_pending.to_owned(),
            findings_label: j.report_findings_label.to_owned(),
        }
    }
}

/// The file name extension of a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A4 PDF.
    Pdf,
    /// One self-contained HTML file.
    Html,
}

impl Format {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
        }
    }
}

/// An export that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The PDF layout failed (a bug in Vigie's template).
    #[error("PDF layout failed: {0}")]
    Layout(String),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] crate::store::StoreError),
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => pdf::render(report),
        Format::Html => Ok(html::render(report).into_bytes()),
    }
}

/// Renders and writes `report` to `path`, crash-safely and privately
/// (`0600`). Exports are never encrypted: the caller tells the user.
pub fn export(report: &Report, format: Format, path: &std::path::Path) -> Result<(), ExportError> {
    let bytes = render(report, format)?;
    crate::store::write_atomic(path, &bytes)?;
    Ok(())
}
