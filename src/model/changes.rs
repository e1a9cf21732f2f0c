//! A review compared with the dossier it started from: what was newly done,
//! what newly fails, what is still open.
//!
//! When a dossier is started from a previous one ([`Dossier::review_of`]),
//! the previous statuses are kept as its [`Baseline`]; the comparison reads
//! only that snapshot, so the previous file may be renamed or deleted.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, Item, ItemId};
use super::dossier::{Dossier, Status};

/// The previous dossier, as it stood when the review started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Its title.
    pub title: String,
    /// When it was last changed.
    pub modified: DateTime<Utc>,
    /// Its statuses, by item id (unanswered items left out).
    #[serde(default)]
    pub statuses: BTreeMap<ItemId, Status>,
}

/// What changed since the baseline, each list in checklist order.
#[derive(Clone, Debug, Default)]
pub struct Changes<'a> {
    /// Done now, not done before.
    pub newly_done: Vec<&'a Item>,
    /// Done (or not applicable) before, to do or partly now.
    pub newly_failing: Vec<&'a Item>,
    /// To do or partly before, and still not done.
    pub still_open: Vec<&'a Item>,
}

impl Dossier {
    /// A new dossier reviewing `previous`: same journey, checklists,
    /// profile, visit header and members; its answers (statuses, notes,
    /// owners, due dates) carried over to be updated; the previous statuses
    /// kept as the baseline. The sign-off, the next review date and the
    /// acknowledgements start afresh. The photos are carried too (the
    /// household expects to see the référent's): save the review with
    /// [`crate::store::Store::create_with_photos_from`], which copies their
    /// files.
    #[must_use]
    pub fn review_of(previous: &Dossier, title: impl Into<String>, now: DateTime<Utc>) -> Self {
        let mut review = Self::new(
            title,
            previous.journey,
            previous.checklists.clone(),
            previous.profile.clone(),
            now,
        );
        review.answers.clone_from(&previous.answers);
        review.visit.clone_from(&previous.visit);
        if let Some(visit) = &mut review.visit {
            visit.date = now.date_naive();
        }
        review.members.clone_from(&previous.members);
        review.photos.clone_from(&previous.photos);
        review.baseline = Some(Baseline {
            title: previous.title.clone(),
            modified: previous.modified,
            statuses: previous
                .answers
                .iter()
                .filter(|(_, a)| a.status != Status::Unanswered)
                .map(|(id, a)| (id.clone(), a.status))
                .collect(),
        });
        review
    }

    /// What changed since the baseline (`None` without one), over the
    /// items of the loaded checklists that apply to the household.
    #[must_use]
    pub fn changes<'a>(&'a self, library: &'a [Checklist]) -> Option<Changes<'a>> {
        let baseline = self.baseline.as_ref()?;
        let mut changes = Changes::default();
        for item in self.loaded_checklists(library).flat_map(Checklist::items) {
            if !self.applies(item) {
                continue;
            }
            let before = baseline.statuses.get(&item.id).copied().unwrap_or_default();
            let now = self.status(&item.id);
            let was_failing = matches!(before, Status::Todo | Status::Partly);
            let fails = matches!(now, Status::Todo | Status::Partly);
            if now == Status::Done && before != Status::Done {
                changes.newly_done.push(item);
            } else if fails && matches!(before, Status::Done | Status::NotApplicable) {
                changes.newly_failing.push(item);
            } else if was_failing && now != Status::Done && now != Status::NotApplicable {
                changes.still_open.push(item);
            }
        }
        Some(changes)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::checklist::{ChecklistId, Journey, Origin, Priority, Section, SectionId, Text};

    fn library() -> Vec<Checklist> {
        let items = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|id| Item {
                id: ItemId::from(*id),
                title: Text::new(*id, *id),
                guidance: Text::new("g", "g"),
                priority: Priority::Medium,
                applies_if: BTreeSet::new(),
                sources: vec!["https://example.org".into()],
                verified: None,
                audience: BTreeSet::new(),
                measure: None,
            })
            .collect();
        vec![Checklist {
            id: ChecklistId::from("c"),
            version: 1,
            title: Text::new("c", "c"),
            summary: Text::new("s", "s"),
            journeys: vec![Journey::Referent],
            sections: vec![Section {
                id: SectionId::from("s"),
                title: Text::new("s", "s"),
                items,
            }],
            origin: Origin::BuiltIn("c.ron".into()),
        }]
    }

    fn ids(items: &[&Item]) -> Vec<String> {
        items.iter().map(|i| i.id.to_string()).collect()
    }

    #[test]
    fn a_review_shows_what_changed() {
        let lib = library();
        let t0 = Utc::now();
        let mut first = Dossier::new("Visite 1", Journey::Referent, vec!["c".into()], None, t0);
        first.set_status(&"a".into(), Status::Todo, t0);
        first.set_status(&"b".into(), Status::Done, t0);
        first.set_status(&"c".into(), Status::Partly, t0);
        first.set_status(&"d".into(), Status::Todo, t0);
        first.set_owner(&"d".into(), "Paul", t0);
        first.review_due = chrono::NaiveDate::from_ymd_opt(2027, 1, 1);
        assert!(first.changes(&lib).is_none(), "no baseline, no comparison");

        let mut review = Dossier::review_of(&first, "Visite 2", t0);
        assert_eq!(review.answers, first.answers, "answers carried over");
        assert!(review.review_due.is_none());
        assert_eq!(review.baseline.as_ref().unwrap().title, "Visite 1");
        review.set_status(&"a".into(), Status::Done, t0);
        review.set_status(&"b".into(), Status::Partly, t0);
        review.set_status(&"e".into(), Status::Todo, t0);

        let changes = review.changes(&lib).unwrap();
        assert_eq!(ids(&changes.newly_done), ["a"]);
        assert_eq!(ids(&changes.newly_failing), ["b"]);
        assert_eq!(ids(&changes.still_open), ["c", "d"]);
    }
}
