//! The action plan: every item still open (to do, partly done, or not
//! answered yet), most important first; among equals the ones found to need
//! work before the ones not looked at yet, then by due date, with the
//! overdue ones marked.
//!
//! This one definition serves the *Action plan* page, the summary, the
//! printed report and the home screen, so that they always agree. Items
//! hidden by the household profile are left out.

use chrono::NaiveDate;

use super::checklist::{Checklist, Item, Journey, Section};
use super::dossier::{Dossier, Status};

/// One line of the action plan.
#[derive(Clone, Debug)]
pub struct PlanEntry<'a> {
    /// The checklist of the item.
    pub checklist: &'a Checklist,
    /// Its section (a zone, an audience, a topic).
    pub section: &'a Section,
    /// The item.
    pub item: &'a Item,
    /// To do, partly, or not answered yet.
    pub status: Status,
    /// Who takes it in hand (empty: nobody yet).
    pub owner: &'a str,
    /// When it should be done.
    pub due: Option<NaiveDate>,
    /// Whether the due date is past.
    pub overdue: bool,
}

/// The open items of the dossier, most important first: by priority, then
/// those found to need work before those not answered yet, then due date
/// (dated items first, earliest first), then checklist order.
///
/// A référent's visit puts what was found first: the points found not
/// compliant, then those to improve, each by priority and due date, then
/// the points not seen yet.
#[must_use]
pub fn action_plan<'a>(
    dossier: &'a Dossier,
    library: &'a [Checklist],
    today: NaiveDate,
) -> Vec<PlanEntry<'a>> {
    let mut plan: Vec<PlanEntry<'a>> = dossier
        .loaded_checklists(library)
        .flat_map(|c| c.sections.iter().map(move |s| (c, s)))
        .flat_map(|(c, s)| s.items.iter().map(move |i| (c, s, i)))
        .filter(|(_, _, item)| dossier.applies(item))
        .filter_map(|(checklist, section, item)| {
            let status = dossier.status(&item.id);
            if !status.is_open() {
                return None;
            }
            let answer = dossier.answer(&item.id);
            let due = answer.and_then(|a| a.due);
            Some(PlanEntry {
                checklist,
                section,
                item,
                status,
                owner: answer.map_or("", |a| a.owner.as_str()),
                due,
                overdue: due.is_some_and(|d| d < today),
            })
        })
        .collect();
    // A stable sort keeps the checklist order among equals.
    if dossier.journey == Journey::Referent {
        let severity = |s: Status| match s {
            Status::Todo => 0,
            Status::Partly => 1,
            _ => 2,
        };
        plan.sort_by_key(|e| (severity(e.status), e.item.priority, e.due.is_none(), e.due));
    } else {
        plan.sort_by_key(|e| {
            (
                e.item.priority,
                e.status == Status::Unanswered,
                e.due.is_none(),
                e.due,
            )
        });
    }
    plan
}

/// How many entries of a plan are overdue.
#[must_use]
pub fn overdue_count(plan: &[PlanEntry<'_>]) -> usize {
    plan.iter().filter(|e| e.overdue).count()
}

impl Dossier {
    /// Whether the next review date has come.
    #[must_use]
    pub fn review_is_due(&self, today: NaiveDate) -> bool {
        self.review_due.is_some_and(|d| d <= today)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::Utc;

    use super::*;
    use crate::model::checklist::{ChecklistId, ItemId, Journey, Origin, Priority, SectionId, Tag, Text};

    fn item(id: &str, priority: Priority, tags: &[Tag]) -> Item {
        Item {
            id: ItemId::from(id),
            title: Text::new(id, id),
            guidance: Text::new("g", "g"),
            priority,
            applies_if: tags.iter().copied().collect(),
            sources: vec!["https://example.org".into()],
            verified: None,
            audience: BTreeSet::new(),
            measure: None,
        }
    }

    fn library() -> Vec<Checklist> {
        vec![Checklist {
            id: ChecklistId::from("c"),
            version: 1,
            title: Text::new("c", "c"),
            summary: Text::new("s", "s"),
            journeys: vec![Journey::Personal],
            sections: vec![Section {
                id: SectionId::from("s"),
                title: Text::new("s", "s"),
                items: vec![
                    item("low", Priority::Low, &[]),
                    item("high-late", Priority::High, &[]),
                    item("high-undated", Priority::High, &[]),
                    item("high-soon", Priority::High, &[]),
                    item("critical", Priority::Critical, &[]),
                    item("done", Priority::Critical, &[]),
                    item("unanswered", Priority::Critical, &[]),
                    item("house-only", Priority::Critical, &[Tag::House]),
                ],
            }],
            origin: Origin::BuiltIn("c.ron".into()),
        }]
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn the_plan_is_sorted_by_priority_then_due_date() {
        let lib = library();
        let now = Utc::now();
        let flat: BTreeSet<Tag> = [Tag::Flat].into_iter().collect();
        let mut d = Dossier::new("t", Journey::Personal, vec!["c".into()], Some(flat), now);
        for id in ["low", "high-late", "high-undated", "critical", "house-only"] {
            d.set_status(&id.into(), Status::Todo, now);
        }
        d.set_status(&"high-soon".into(), Status::Partly, now);
        d.set_status(&"done".into(), Status::Done, now);
        d.set_due(&"high-late".into(), Some(day(20)), now);
        d.set_due(&"high-soon".into(), Some(day(5)), now);
        d.set_owner(&"high-soon".into(), "Paul", now);

        let plan = action_plan(&d, &lib, day(10));
        let ids: Vec<&str> = plan.iter().map(|e| e.item.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "critical",
                "unanswered",
                "high-soon",
                "high-late",
                "high-undated",
                "low"
            ],
            "not answered yet comes after what was found to need work"
        );
        assert_eq!(plan[1].status, Status::Unanswered);
        assert!(plan[2].overdue && plan[2].owner == "Paul" && plan[2].status == Status::Partly);
        assert!(!plan[3].overdue, "due later");
        assert!(!plan[4].overdue, "no date, never overdue");
        assert_eq!(overdue_count(&plan), 1);
    }

    #[test]
    fn a_visit_puts_what_was_found_first_and_what_was_not_seen_last() {
        let lib = library();
        let now = Utc::now();
        let mut d = Dossier::new("v", Journey::Referent, vec!["c".into()], None, now);
        d.set_status(&"low".into(), Status::Todo, now);
        d.set_status(&"high-late".into(), Status::Partly, now);
        d.set_status(&"critical".into(), Status::Partly, now);
        let plan = action_plan(&d, &lib, day(10));
        let ids: Vec<&str> = plan.iter().map(|e| e.item.id.as_str()).collect();
        assert_eq!(
            ids[..3],
            ["low", "critical", "high-late"],
            "not compliant first, even of low priority; then to improve, by priority"
        );
        assert!(
            plan[3..].iter().all(|e| e.status == Status::Unanswered),
            "then what was not seen"
        );
        assert_eq!(plan[3].item.priority, Priority::Critical, "not seen, by priority");
    }

    #[test]
    fn the_review_is_due_on_its_day() {
        let mut d = Dossier::new("t", Journey::Personal, vec![], None, Utc::now());
        assert!(!d.review_is_due(day(10)));
        d.review_due = Some(day(10));
        assert!(!d.review_is_due(day(9)));
        assert!(d.review_is_due(day(10)));
    }
}
