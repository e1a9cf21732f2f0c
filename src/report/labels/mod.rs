//! The report's own words, in French and English: the fixed texts the
//! renderers print ([`Labels`], passed to typst and the HTML writer as
//! data), and what the report's builder writes into it ([`Texts`]). The
//! window has its own catalog (`crate::i18n`); the names of priorities,
//! statuses and the other words of the domain come from [`crate::words`],
//! shared by both.

use serde::Serialize;

use super::Profile;
use crate::lang::Lang;
use crate::model::checklist::{Journey, Priority, Tag};
use crate::model::dossier::Status;

mod en;
mod fr;

/// An emergency number on the emergency sheet.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct EmergencyNumber {
    /// The number or address to call.
    pub number: &'static str,
    /// Who answers.
    pub name: &'static str,
    /// When to call it.
    pub when: &'static str,
}

/// The fixed texts of the printed summary (passed to the renderers as data).
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// Marking on every page.
    pub confidential: &'static str,
    /// "Page".
    pub page: &'static str,
    /// "Made on".
    pub generated_on: &'static str,
    /// "Created on".
    pub created_on: &'static str,
    /// "Last changed".
    pub modified_on: &'static str,
    /// "Household".
    pub household: &'static str,
    /// "Checklists".
    pub checklists: &'static str,
    /// Heading: overview.
    pub overview: &'static str,
    /// "Items answered".
    pub answered: &'static str,
    /// "Risk-weighted score".
    pub score: &'static str,
    /// How the score is computed.
    pub score_explained: &'static str,
    /// "Critical items still open".
    pub open_critical: &'static str,
    /// Heading: by section.
    pub by_section: &'static str,
    /// Column: section.
    pub col_section: &'static str,
    /// Column: answered.
    pub col_answered: &'static str,
    /// Column: score.
    pub col_score: &'static str,
    /// Column: critical.
    pub col_critical: &'static str,
    /// Column: priority.
    pub col_priority: &'static str,
    /// Column: item.
    pub col_item: &'static str,
    /// Column: status.
    pub col_status: &'static str,
    /// Column: note.
    pub col_note: &'static str,
    /// Heading: action plan.
    pub action_plan: &'static str,
    /// What the action plan is.
    pub action_plan_intro: &'static str,
    /// Heading: in place.
    pub in_place: &'static str,
    /// Heading: notes.
    pub notes: &'static str,
    /// Heading: answers to items that no longer exist.
    pub orphans: &'static str,
    /// Heading: sources.
    pub sources: &'static str,
    /// Shown under an empty heading.
    pub nothing: &'static str,
    /// Shown when no practice is agreed by every member concerned yet.
    pub no_practice_agreed: &'static str,
    /// Heading: the practices agreed.
    pub practices: &'static str,
    /// What the practices list is.
    pub practices_intro: &'static str,
    /// Heading: emergency sheet.
    pub emergency_title: &'static str,
    /// What the emergency sheet is for.
    pub emergency_intro: &'static str,
    /// The numbers.
    pub numbers: &'static [EmergencyNumber],
    /// Column: number.
    pub col_number: &'static str,
    /// Column: who.
    pub col_who: &'static str,
    /// Column: when.
    pub col_when: &'static str,
    /// Heading: who to call first.
    pub call_first: &'static str,
    /// Who to call first.
    pub call_first_text: &'static str,
    /// Heading: to fill by hand.
    pub by_hand: &'static str,
    /// The lines to fill by hand.
    pub by_hand_lines: &'static [&'static str],
    /// Warning: never write a secret on the sheet.
    pub by_hand_warning: &'static str,
    /// What the blank form is for.
    pub blank_intro: &'static str,
    /// The status columns of the blank form.
    pub blank_columns: &'static [&'static str],
    /// Heading for the observations of the blank form.
    pub observations: &'static str,
    /// Column: owner.
    pub col_owner: &'static str,
    /// Column: due date.
    pub col_due: &'static str,
    /// Column: recommendation.
    pub col_recommendation: &'static str,
    /// Marks an overdue date.
    pub overdue: &'static str,
    /// Heading: the members' cards.
    pub members_title: &'static str,
    /// What the members' cards are.
    pub members_intro: &'static str,
    /// A card read and agreed.
    pub agreed: &'static str,
    /// A card not read yet.
    pub not_yet: &'static str,
}

/// Everything the report writes in words.
#[derive(Debug)]
pub struct Texts {
    /// The fixed texts, passed to the renderers.
    pub labels: Labels,
    /// The last line of each document: what it holds and how to keep it.
    pub keep_safe_for: fn(Profile) -> &'static str,
    /// chrono format of a day (`%d/%m/%Y`).
    pub date_format: &'static str,
    /// Date and time format for chrono (`%d/%m/%Y %H:%M`).
    pub datetime_format: &'static str,
    /// "{answered}/{total} answered".
    pub answered_of: fn(usize, usize) -> String,
    /// Journey names.
    pub journey_name: fn(Journey) -> &'static str,
    /// Role names.
    pub role_name: fn(crate::model::family::Role) -> &'static str,
    /// Tag names (short).
    pub tag_name: fn(Tag) -> &'static str,
    /// Priority names.
    pub priority_name: fn(Priority) -> &'static str,
    /// Status names (buttons).
    pub status_name: fn(Status) -> &'static str,
    /// Referent findings: the status names of a référent's visit.
    pub finding_name: fn(Status) -> &'static str,
    /// "Référent's name".
    pub referent_name: &'static str,
    /// "Unit".
    pub referent_unit: &'static str,
    /// "Household".
    pub household: &'static str,
    /// "Date of the visit".
    pub visit_date: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "People present".
    pub people_present: &'static str,
    /// "Address (optional)".
    pub address: &'static str,
    /// Why the address is sensitive.
    pub address_sensitive: &'static str,
    /// Next review field label.
    pub review_due_label: &'static str,
    /// Sign-off heading.
    pub signoff_title: &'static str,
    /// Label of the household member's name.
    pub signoff_household: &'static str,
    /// Sign-off date label.
    pub signoff_date: &'static str,
    /// Findings counts: compliant, to improve, critical, not applicable, not seen.
    pub findings_summary: fn(usize, usize, usize, usize, usize) -> String,
    /// "Since «{title}» ({date})".
    pub changes_since: fn(&str, &str) -> String,
    /// "Newly done ({n})".
    pub newly_done: fn(usize) -> String,
    /// "Newly failing ({n})".
    pub newly_failing: fn(usize) -> String,
    /// "Still open ({n})".
    pub still_open: fn(usize) -> String,
    /// Report: what the full report of a référent's visit is (and is not).
    pub report_visit_subtitle: &'static str,
    /// Report: heading of the findings of a visit.
    pub report_findings: &'static str,
    /// Report: what the findings table holds.
    pub report_findings_intro: &'static str,
    /// Report: heading of the points not seen.
    pub report_unseen: &'static str,
    /// Report: what the points not seen are.
    pub report_unseen_intro: &'static str,
    /// Report: heading of the practices not agreed by everyone yet.
    pub report_pending: &'static str,
    /// Report: the findings of a visit, counted.
    pub report_findings_label: &'static str,
    /// Report: a source and the day the advice citing it was checked.
    pub report_source_checked: fn(&str, &str) -> String,
    /// Report: a signed visit changed since, on this day.
    pub report_changed_since_signed: fn(&str) -> String,
    /// Report, first page: the visit was signed on this day and this many
    /// things changed since; where to read them.
    pub report_changed_notice: fn(&str, usize) -> String,
    /// Report: the label of a sign-off replaced by a later one.
    pub report_earlier_signoff: &'static str,
    /// Report: a sign-off replaced: its day, names, and the day it was
    /// replaced.
    pub report_earlier_signoff_value: fn(&str, &str, &str, &str) -> String,
    /// Report: the household did not say whether it lives in a house or a
    /// flat.
    pub report_dwelling_unspecified: &'static str,
    /// Report: who has not agreed yet.
    pub report_not_yet_by: fn(&str) -> String,
}

/// The report's words in `lang`.
#[must_use]
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &fr::FR,
        Lang::En => &en::EN,
    }
}
