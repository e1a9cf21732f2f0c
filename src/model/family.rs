//! The family briefing: members by role, the practice cards each member
//! reads, and who read and agreed which card.
//!
//! A card is an item of any of the dossier's checklists whose `audience`
//! names the roles that act on it; a member gets the cards of their role.
//! An item is done when every member concerned agreed it. Only a first name
//! or a nickname is asked: a briefing needs no surname.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, Item, ItemId, Section, Tag};
use super::dossier::{Dossier, Status};

/// The checklist written for the family briefing, audience by audience.
pub const FAMILY_CHECKLIST: &str = "family-vigilance";

/// A member's place in the household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// An adult of the household.
    Adult,
    /// A teenager.
    Teenager,
    /// A child.
    Child,
    /// An elderly parent or relative.
    Elderly,
    /// Household staff (nanny, cleaner, gardener…).
    Staff,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Self; 5] = [
        Self::Adult,
        Self::Teenager,
        Self::Child,
        Self::Elderly,
        Self::Staff,
    ];

    /// The household profile tag that a member of this role implies.
    #[must_use]
    pub fn tag(self) -> Option<Tag> {
        match self {
            Self::Adult => None,
            Self::Teenager => Some(Tag::Teenagers),
            Self::Child => Some(Tag::Children),
            Self::Elderly => Some(Tag::ElderlyRelatives),
            Self::Staff => Some(Tag::HouseholdStaff),
        }
    }
}

/// A member's id, stable within the dossier (acknowledgements refer to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub u32);

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One member of the family briefing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Stable id.
    pub id: MemberId,
    /// Their role.
    pub role: Role,
    /// A first name or a nickname.
    pub name: String,
}

/// One card to read: an item of an audience's section, with the members it
/// is for.
#[derive(Clone, Debug)]
pub struct Card<'a> {
    /// The audience.
    pub section: &'a Section,
    /// The practice.
    pub item: &'a Item,
    /// The members of that audience, in the order they were added.
    pub members: Vec<&'a Member>,
}

/// A member with their cards and whether each is acknowledged (the family
/// profile of the printed summary).
#[derive(Clone, Debug)]
pub struct MemberCards<'a> {
    /// The member.
    pub member: &'a Member,
    /// Their cards, in checklist order, with whether they read and agreed it.
    pub cards: Vec<(&'a Item, bool)>,
}

impl Dossier {
    /// Adds a member; returns their id. A blank name is refused (`None`).
    /// The household profile gains the member's tag (a teenager member
    /// shows the items for teenagers).
    pub fn add_member(&mut self, role: Role, name: &str, now: DateTime<Utc>) -> Option<MemberId> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let (Some(tag), Some(profile)) = (role.tag(), &mut self.profile) {
            profile.insert(tag);
        }
        let id = MemberId(self.members.iter().map(|m| m.id.0 + 1).max().unwrap_or(1));
        self.members.push(Member {
            id,
            role,
            name: name.to_owned(),
        });
        self.modified = now;
        Some(id)
    }

    /// Removes a member and their acknowledgements. Returns whether they
    /// were there.
    pub fn remove_member(&mut self, id: MemberId, now: DateTime<Utc>) -> bool {
        let before = self.members.len();
        self.members.retain(|m| m.id != id);
        if self.members.len() == before {
            return false;
        }
        for acks in self.acknowledgements.values_mut() {
            acks.remove(&id);
        }
        self.acknowledgements.retain(|_, acks| !acks.is_empty());
        self.modified = now;
        true
    }

    /// Whether `member` read and agreed the card `item`.
    #[must_use]
    pub fn acknowledged(&self, item: &ItemId, member: MemberId) -> bool {
        self.acknowledgements
            .get(item)
            .is_some_and(|acks| acks.contains(&member))
    }

    /// Records (or withdraws) a member's acknowledgement of a card. Returns
    /// whether anything changed; unknown members are ignored.
    pub fn set_acknowledged(
        &mut self,
        item: &ItemId,
        member: MemberId,
        yes: bool,
        now: DateTime<Utc>,
    ) -> bool {
        if self.acknowledged(item, member) == yes || !self.members.iter().any(|m| m.id == member) {
            return false;
        }
        if yes {
            self.acknowledgements
                .entry(item.clone())
                .or_default()
                .insert(member);
        } else if let Some(acks) = self.acknowledgements.get_mut(item) {
            acks.remove(&member);
            if acks.is_empty() {
                self.acknowledgements.remove(item);
            }
        }
        self.modified = now;
        true
    }

    /// The cards to read together: every item of the dossier's checklists
    /// that applies to the household and has members concerned — those
    /// whose role is in the item's `audience` — in checklist order. A card
    /// goes to the members who act on it: a child does not get a card about
    /// what the parents give the school.
    #[must_use]
    pub fn family_cards<'a>(&'a self, library: &'a [Checklist]) -> Vec<Card<'a>> {
        let mut cards = Vec::new();
        for section in self.loaded_checklists(library).flat_map(|c| c.sections.iter()) {
            for item in section
                .items
                .iter()
                .filter(|i| !i.audience.is_empty() && self.applies(i))
            {
                let members: Vec<&Member> = self
                    .members
                    .iter()
                    .filter(|m| item.audience.contains(&m.role))
                    .collect();
                if !members.is_empty() {
                    cards.push(Card {
                        section,
                        item,
                        members,
                    });
                }
            }
        }
        cards
    }

    /// Each member with their cards and acknowledgements, in the order the
    /// members were added.
    #[must_use]
    pub fn member_cards<'a>(&'a self, library: &'a [Checklist]) -> Vec<MemberCards<'a>> {
        let cards = self.family_cards(library);
        self.members
            .iter()
            .map(|member| MemberCards {
                member,
                cards: cards
                    .iter()
                    .filter(|c| c.members.iter().any(|m| m.id == member.id))
                    .map(|c| (c.item, self.acknowledged(&c.item.id, member.id)))
                    .collect(),
            })
            .collect()
    }

    /// How many cards every member concerned agreed, out of how many cards.
    #[must_use]
    pub fn cards_agreed(&self, library: &[Checklist]) -> (usize, usize) {
        let cards = self.family_cards(library);
        let agreed = cards.iter().filter(|c| self.agreed_by_all(c)).count();
        (agreed, cards.len())
    }

    /// Whether every member a card is for read and agreed it.
    #[must_use]
    pub fn agreed_by_all(&self, card: &Card<'_>) -> bool {
        !card.members.is_empty()
            && card
                .members
                .iter()
                .all(|m| self.acknowledged(&card.item.id, m.id))
    }

    /// Brings each card's status in line with its acknowledgements, so that
    /// progress, the action plan and the summary count what the family
    /// agreed: agreed by every member concerned, done; by some, partly; by
    /// none, back to not answered (a card marked to do or not applicable by
    /// hand keeps that). Returns whether anything changed.
    pub fn sync_card_statuses(&mut self, library: &[Checklist], now: DateTime<Utc>) -> bool {
        let wanted: Vec<(ItemId, Option<Status>)> = self
            .family_cards(library)
            .iter()
            .map(|card| {
                let agreed = card
                    .members
                    .iter()
                    .filter(|m| self.acknowledged(&card.item.id, m.id))
                    .count();
                let current = self.status(&card.item.id);
                let status = match (agreed, current) {
                    (_, Status::NotApplicable) => None,
                    (n, _) if n > 0 && n == card.members.len() => Some(Status::Done),
                    (n, _) if n > 0 => Some(Status::Partly),
                    (_, Status::Done | Status::Partly) => Some(Status::Unanswered),
                    _ => None,
                };
                (card.item.id.clone(), status)
            })
            .collect();
        let mut changed = false;
        for (item, status) in wanted {
            if let Some(status) = status {
                changed |= self.set_status(&item, status, now);
            }
        }
        changed
    }

    /// The members who have read every one of their cards.
    #[must_use]
    pub fn members_done(&self, library: &[Checklist]) -> BTreeSet<MemberId> {
        self.member_cards(library)
            .iter()
            .filter(|mc| mc.cards.iter().all(|(_, ack)| *ack))
            .map(|mc| mc.member.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checklist::{ChecklistId, Journey, Origin, Priority, SectionId, Text};

    /// An item whose audience follows its section's name (`adults.a` is
    /// for adults), as in the family-vigilance checklist.
    fn item(id: &str) -> Item {
        let audience = match id.split('.').next() {
            Some("adults") => [Role::Adult].into_iter().collect(),
            Some("teenagers") => [Role::Teenager].into_iter().collect(),
            Some("children") => [Role::Child].into_iter().collect(),
            Some("all") => Role::ALL.into_iter().collect(),
            _ => BTreeSet::new(),
        };
        Item {
            id: ItemId::from(id),
            title: Text::new(id, id),
            guidance: Text::new("g", "g"),
            priority: Priority::High,
            applies_if: BTreeSet::new(),
            sources: vec!["https://example.org".into()],
            verified: None,
            audience,
            measure: None,
        }
    }

    fn section(id: &str, items: &[&str]) -> Section {
        Section {
            id: SectionId::from(id),
            title: Text::new(id, id),
            items: items.iter().map(|i| item(i)).collect(),
        }
    }

    fn library() -> Vec<Checklist> {
        vec![Checklist {
            id: ChecklistId::from(FAMILY_CHECKLIST),
            version: 1,
            title: Text::new("f", "f"),
            summary: Text::new("s", "s"),
            journeys: vec![Journey::Family],
            sections: vec![
                section("adults", &["adults.a", "adults.b"]),
                section("teenagers", &["teenagers.a"]),
                section("children", &["children.a"]),
            ],
            origin: Origin::BuiltIn("f.ron".into()),
        }]
    }

    fn dossier() -> Dossier {
        Dossier::new(
            "F",
            Journey::Family,
            vec![FAMILY_CHECKLIST.into()],
            None,
            Utc::now(),
        )
    }

    #[test]
    fn members_get_the_cards_of_their_audience() {
        let lib = library();
        let mut d = dossier();
        let ana = d.add_member(Role::Adult, " Ana ", Utc::now()).unwrap();
        let leo = d.add_member(Role::Teenager, "Léo", Utc::now()).unwrap();
        assert_ne!(ana, leo);
        assert_eq!(d.members[0].name, "Ana");
        assert!(d.add_member(Role::Child, "  ", Utc::now()).is_none());
        let cards = d.family_cards(&lib);
        let ids: Vec<&str> = cards.iter().map(|c| c.item.id.as_str()).collect();
        assert_eq!(
            ids,
            ["adults.a", "adults.b", "teenagers.a"],
            "no child, no children's card"
        );
        assert_eq!(cards[2].members[0].id, leo);
    }

    #[test]
    fn acknowledgements_are_per_member_and_per_card() {
        let lib = library();
        let mut d = dossier();
        let ana = d.add_member(Role::Adult, "Ana", Utc::now()).unwrap();
        let bob = d.add_member(Role::Adult, "Bob", Utc::now()).unwrap();
        let card = ItemId::from("adults.a");
        assert!(d.set_acknowledged(&card, ana, true, Utc::now()));
        assert!(!d.set_acknowledged(&card, ana, true, Utc::now()));
        assert!(
            !d.set_acknowledged(&card, MemberId(99), true, Utc::now()),
            "unknown member"
        );
        assert!(d.acknowledged(&card, ana) && !d.acknowledged(&card, bob));
        d.set_acknowledged(&ItemId::from("adults.b"), ana, true, Utc::now());
        let profile = d.member_cards(&lib);
        assert_eq!(profile[0].cards.iter().filter(|(_, a)| *a).count(), 2);
        assert_eq!(profile[1].cards.iter().filter(|(_, a)| *a).count(), 0);
        assert_eq!(d.members_done(&lib), [ana].into_iter().collect());

        // Removing a member removes their acknowledgements.
        assert!(d.remove_member(ana, Utc::now()));
        assert!(d.acknowledgements.is_empty());
        let cleo = d.add_member(Role::Adult, "Cléo", Utc::now()).unwrap();
        assert!(cleo.0 > bob.0);
    }

    #[test]
    fn a_member_adds_their_audience_to_the_profile() {
        let mut d = dossier();
        d.profile = Some(BTreeSet::new());
        d.add_member(Role::Adult, "Ana", Utc::now());
        assert_eq!(d.profile, Some(BTreeSet::new()));
        d.add_member(Role::Elderly, "Mamie", Utc::now());
        assert_eq!(d.profile, Some([Tag::ElderlyRelatives].into_iter().collect()));
    }

    #[test]
    fn no_cards_from_checklists_the_dossier_does_not_cover() {
        let mut d = Dossier::new("F", Journey::Family, vec!["other".into()], None, Utc::now());
        d.add_member(Role::Adult, "Ana", Utc::now());
        assert!(d.family_cards(&library()).is_empty());
    }

    #[test]
    fn cards_come_from_every_checklist_and_go_to_who_acts_on_them() {
        let mut lib = library();
        lib.push(Checklist {
            id: ChecklistId::from("emergency"),
            version: 1,
            title: Text::new("e", "e"),
            summary: Text::new("s", "s"),
            journeys: vec![Journey::Family],
            sections: vec![section("numbers", &["all.call-17", "numbers.owner-task"])],
            origin: Origin::BuiltIn("e.ron".into()),
        });
        // A parents' task kept in the children's section: for adults only.
        lib[0].sections[2].items[0].audience = [Role::Adult].into_iter().collect();
        let mut d = Dossier::new(
            "F",
            Journey::Family,
            vec![FAMILY_CHECKLIST.into(), "emergency".into()],
            None,
            Utc::now(),
        );
        let ana = d.add_member(Role::Adult, "Ana", Utc::now()).unwrap();
        let zoe = d.add_member(Role::Child, "Zoé", Utc::now()).unwrap();
        let cards = d.family_cards(&lib);
        let for_zoe: Vec<&str> = cards
            .iter()
            .filter(|c| c.members.iter().any(|m| m.id == zoe))
            .map(|c| c.item.id.as_str())
            .collect();
        assert_eq!(for_zoe, ["all.call-17"], "the 17 card, not her parents' task");
        let for_ana: Vec<&str> = cards
            .iter()
            .filter(|c| c.members.iter().any(|m| m.id == ana))
            .map(|c| c.item.id.as_str())
            .collect();
        assert_eq!(for_ana, ["adults.a", "adults.b", "children.a", "all.call-17"]);
        assert!(
            !cards.iter().any(|c| c.item.id.as_str() == "numbers.owner-task"),
            "an owner's task is no one's card"
        );
    }
}
