//! Progress and the risk-weighted score of a dossier, a checklist or a
//! section.
//!
//! Progress counts the answered items. The score weighs each item by its
//! priority (critical 8, high 4, medium 2, low 1, see
//! [`super::Priority::weight`]): a done item earns its whole weight, a partly
//! done one half of it; not-applicable items are left out. One open critical
//! item therefore costs as much as eight low ones, and open critical items are
//! also counted apart so that the interface can make them stand out.

use super::checklist::{Checklist, Item, Priority};
use super::dossier::{Dossier, Status};

/// Counts and score over a set of items.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    /// Items that apply to the household.
    pub total: usize,
    /// Items with an answer other than unanswered.
    pub answered: usize,
    /// Items done.
    pub done: usize,
    /// Items partly done.
    pub partly: usize,
    /// Items to do.
    pub todo: usize,
    /// Items not applicable.
    pub not_applicable: usize,
    /// Critical items that are not done (nor not applicable).
    pub open_critical: usize,
    /// Sum of the weights earned.
    pub earned_weight: f64,
    /// Sum of the weights that could be earned.
    pub possible_weight: f64,
}

impl Progress {
    /// Progress over `items`, counting only those that apply to the dossier's
    /// household.
    pub fn of_items<'a>(items: impl IntoIterator<Item = &'a Item>, dossier: &Dossier) -> Self {
        let mut p = Self::default();
        for item in items {
            if !dossier.applies(item) {
                continue;
            }
            p.add(item.priority, dossier.status(&item.id));
        }
        p
    }

    /// Progress over the dossier's loaded checklists.
    #[must_use]
    pub fn of_dossier(dossier: &Dossier, library: &[Checklist]) -> Self {
        Self::of_items(
            dossier.loaded_checklists(library).flat_map(Checklist::items),
            dossier,
        )
    }

    fn add(&mut self, priority: Priority, status: Status) {
        self.total += 1;
        match status {
            Status::Unanswered => {}
            Status::Done => self.done += 1,
            Status::Partly => self.partly += 1,
            Status::Todo => self.todo += 1,
            Status::NotApplicable => self.not_applicable += 1,
        }
        if status != Status::Unanswered {
            self.answered += 1;
        }
        if status != Status::NotApplicable {
            let weight = f64::from(priority.weight());
            self.possible_weight += weight;
            self.earned_weight += weight * status.credit();
            if priority == Priority::Critical && status != Status::Done {
                self.open_critical += 1;
            }
        }
    }

    /// The share of items answered, from 0 to 1 (1 when there is nothing to
    /// answer).
    #[must_use]
    pub fn answered_fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            ratio(self.answered, self.total)
        }
    }

    /// The risk-weighted score from 0 to 100, `None` when no item counts
    /// (all not applicable, or none at all).
    #[must_use]
    pub fn score(&self) -> Option<u8> {
        if self.possible_weight <= 0.0 {
            return None;
        }
        let pct = (100.0 * self.earned_weight / self.possible_weight).round();
        // The ratio is within 0..=1, so the rounded percentage fits in a u8.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0..=100")]
        Some(pct.clamp(0.0, 100.0) as u8)
    }
}

#[expect(clippy::cast_precision_loss, reason = "item counts are far below 2^23")]
fn ratio(a: usize, b: usize) -> f32 {
    a as f32 / b as f32
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::Utc;

    use super::*;
    use crate::model::checklist::{ItemId, Journey, Tag, Text};

    fn item(id: &str, priority: Priority, tags: &[Tag]) -> Item {
        Item {
            id: ItemId::from(id),
            title: Text::new("t", "t"),
            guidance: Text::new("g", "g"),
            priority,
            applies_if: tags.iter().copied().collect(),
            sources: vec!["https://example.org".into()],
            verified: None,
            audience: BTreeSet::new(),
            measure: None,
        }
    }

    #[test]
    fn critical_items_weigh_most() {
        let items = [item("a", Priority::Critical, &[]), item("b", Priority::Low, &[])];
        let mut d = Dossier::new("t", Journey::Personal, vec![], None, Utc::now());
        d.set_status(&ItemId::from("b"), Status::Done, Utc::now());
        let p = Progress::of_items(&items, &d);
        assert_eq!(p.score(), Some(11)); // 1 of 9
        assert_eq!(p.open_critical, 1);
        assert_eq!(p.answered, 1);

        d.set_status(&ItemId::from("a"), Status::Done, Utc::now());
        d.set_status(&ItemId::from("b"), Status::Todo, Utc::now());
        let p = Progress::of_items(&items, &d);
        assert_eq!(p.score(), Some(89)); // 8 of 9
        assert_eq!(p.open_critical, 0);
    }

    #[test]
    fn partly_earns_half_and_not_applicable_is_left_out() {
        let items = [item("a", Priority::High, &[]), item("b", Priority::High, &[])];
        let mut d = Dossier::new("t", Journey::Personal, vec![], None, Utc::now());
        d.set_status(&ItemId::from("a"), Status::Partly, Utc::now());
        d.set_status(&ItemId::from("b"), Status::NotApplicable, Utc::now());
        let p = Progress::of_items(&items, &d);
        assert_eq!(p.score(), Some(50));
        assert!((p.answered_fraction() - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn the_profile_hides_items_that_do_not_apply() {
        let items = [
            item("house", Priority::High, &[Tag::House]),
            item("flat", Priority::High, &[Tag::Flat]),
            item("all", Priority::High, &[]),
        ];
        let profile: BTreeSet<Tag> = [Tag::Flat].into_iter().collect();
        let d = Dossier::new("t", Journey::Personal, vec![], Some(profile), Utc::now());
        assert_eq!(Progress::of_items(&items, &d).total, 2);
        let d = Dossier::new("t", Journey::Personal, vec![], None, Utc::now());
        assert_eq!(Progress::of_items(&items, &d).total, 3);
    }

    #[test]
    fn nothing_to_score() {
        let d = Dossier::new("t", Journey::Personal, vec![], None, Utc::now());
        assert_eq!(Progress::of_items(&[], &d).score(), None);
    }
}
