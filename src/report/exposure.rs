//! The exposure inventory as a section of the full report: every source
//! for the household and each member, where it stands, the note and the
//! re-check date, what needs attention first.
//!
//! [`add_exposure`] fills [`Report::exposure`] for the full report only:
//! the family handout and the emergency sheet never show where the
//! household is exposed.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use super::household_text::{ExposureLabels, date_format, exposure_state_name, whole_household};
use super::html::escape;
use super::{Profile, Report};
use crate::lang::Lang;
use crate::model::exposure::{ExposureSource, ExposureState, Inventory};

/// One line of the exposure section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExposureRow {
    /// The source's title.
    pub source: String,
    /// Whom it concerns: a member, or the whole household.
    pub member: String,
    /// Where it stands.
    pub state: String,
    /// Whether it is public still (printed in bold).
    pub exposed: bool,
    /// The note.
    pub note: String,
    /// The re-check date, formatted ("" when none).
    pub recheck: String,
    /// Whether the re-check date has come.
    pub due: bool,
}

/// Adds the household's exposure inventory to a full report (any other
/// profile is left without it). Nothing is added when nothing was checked
/// yet. Lines are ordered by what needs attention: exposed first, then
/// requests under way, not checked, masked, not applicable; then in the
/// order of the sources.
pub fn add_exposure(
    report: &mut Report,
    inventory: &Inventory,
    sources: &[ExposureSource],
    lang: Lang,
    today: NaiveDate,
) {
    report.exposure.clear();
    if report.profile != Profile::Full || inventory.entries.is_empty() {
        return;
    }
    let mut rows = inventory.rows(sources);
    rows.sort_by_key(|r| r.state().rank());
    report.exposure = rows
        .iter()
        .map(|row| {
            let state = row.state();
            ExposureRow {
                source: row.source.title.get(lang).to_owned(),
                member: row.member.unwrap_or(whole_household(lang)).to_owned(),
                state: exposure_state_name(state, lang),
                exposed: state == ExposureState::Exposed,
                note: row.entry.map(|e| e.note.clone()).unwrap_or_default(),
                recheck: row
                    .recheck()
                    .map(|d| d.format(date_format(lang)).to_string())
                    .unwrap_or_default(),
                due: row.recheck().is_some_and(|d| d <= today),
            }
        })
        .collect();
    report.exposure_labels = ExposureLabels::of(lang);
}

/// The section in the HTML report (nothing when it is empty).
pub(super) fn html(h: &mut String, r: &Report) {
    if r.exposure.is_empty() {
        return;
    }
    let l = &r.exposure_labels;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(&l.title),
        escape(&l.intro),
        escape(&l.col_source),
        escape(&l.col_member),
        escape(&l.col_state),
        escape(&l.col_note),
        escape(&l.col_recheck)
    );
    for row in &r.exposure {
        let mut recheck = escape(&row.recheck);
        if row.due {
            recheck = format!("<b>{recheck} ({})</b>", escape(&l.due));
        }
        let _ = writeln!(
            h,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td><td class=\"note\">{}</td><td>{recheck}</td></tr>",
            if row.exposed { " class=\"critical\"" } else { "" },
            escape(&row.source),
            escape(&row.member),
            escape(&row.state),
            escape(&row.note)
        );
    }
    h.push_str("</tbody>\n</table>\n");
}
