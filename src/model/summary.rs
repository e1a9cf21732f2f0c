//! What the dossier list shows of each dossier, worked out once when the
//! list is read: title, household, place, journey, dates, progress, what is
//! due. The home screen searches, sorts and filters these, never the whole
//! dossiers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, Journey};
use super::dossier::Dossier;
use super::plan::action_plan;
use super::progress::Progress;

/// A dossier as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierSummary {
    /// The title.
    pub title: String,
    /// The journey.
    pub journey: Journey,
    /// The household visited (référent's visits), if given.
    #[serde(default)]
    pub household: String,
    /// The place of the visit, if given.
    #[serde(default)]
    pub place: String,
    /// When it was created (with the journey, what tells the same dossier
    /// handed over again).
    // As a number in the index: 10,000 dates read as text cost more than
    // the rest of the index together.
    #[serde(with = "chrono::serde::ts_nanoseconds")]
    pub created: DateTime<Utc>,
    /// When it last changed.
    #[serde(with = "chrono::serde::ts_nanoseconds")]
    pub modified: DateTime<Utc>,
    /// When it should next be reviewed.
    #[serde(default)]
    pub review_due: Option<NaiveDate>,
    /// Items answered.
    pub answered: usize,
    /// Items that apply.
    pub total: usize,
    /// The risk-weighted score.
    #[serde(default)]
    pub score: Option<u8>,
    /// Open critical items.
    pub open_critical: usize,
    /// The due dates of the plan's actions, earliest first (overdue ones
    /// are told on the day the list is shown).
    #[serde(default)]
    pub due_dates: Vec<NaiveDate>,
    /// Family cards agreed by every member concerned, and cards in all.
    #[serde(default)]
    pub cards: (usize, usize),
}

impl DossierSummary {
    /// The summary of `dossier` (the progress counts need its checklists:
    /// with none, they are zero).
    #[must_use]
    pub fn of(dossier: &Dossier, library: &[Checklist]) -> Self {
        let p = Progress::of_dossier(dossier, library);
        // The plan's due dates do not depend on the day.
        let mut due_dates: Vec<NaiveDate> = action_plan(dossier, library, NaiveDate::MIN)
            .iter()
            .filter_map(|e| e.due)
            .collect();
        due_dates.sort_unstable();
        Self {
            title: dossier.title.clone(),
            journey: dossier.journey,
            household: dossier
                .visit
                .as_ref()
                .map(|v| v.household.clone())
                .unwrap_or_default(),
            place: dossier
                .visit
                .as_ref()
                .map(|v| v.place.clone())
                .unwrap_or_default(),
            created: dossier.created,
            modified: dossier.modified,
            review_due: dossier.review_due,
            answered: p.answered,
            total: p.total,
            score: p.score(),
            open_critical: p.open_critical,
            due_dates,
            cards: if dossier.journey == Journey::Family {
                dossier.cards_agreed(library)
            } else {
                (0, 0)
            },
        }
    }

    /// How many of the plan's actions are overdue on `today`.
    #[must_use]
    pub fn overdue(&self, today: NaiveDate) -> usize {
        self.due_dates.partition_point(|d| *d < today)
    }

    /// Whether the review date has come on `today`.
    #[must_use]
    pub fn review_is_due(&self, today: NaiveDate) -> bool {
        self.review_due.is_some_and(|d| d <= today)
    }

    /// Whether the dossier matches a search (title, household, place; any
    /// case), `needle` already lower-case.
    #[must_use]
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || [&self.title, &self.household, &self.place]
                .iter()
                .any(|field| field.to_lowercase().contains(needle))
    }
}
