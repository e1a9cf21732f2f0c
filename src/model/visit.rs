//! The référent's visit: its header (who, where, when) and the sign-off
//! that closes it.
//!
//! The address is optional and marked sensitive: it is the one field that
//! turns a list of weaknesses into a target, so the interface says so and
//! the report may leave it out.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{Checklist, Item, ItemId, Section};
use super::dossier::{Dossier, Status};

/// Who visits whom, where and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// The référent sûreté's name.
    pub referent_name: String,
    /// The référent's unit (brigade, commissariat, groupement).
    #[serde(default)]
    pub referent_unit: String,
    /// The household visited (a family name, "M. et Mme D.").
    pub household: String,
    /// The day of the visit.
    pub date: NaiveDate,
    /// The place (a town, "main home").
    #[serde(default)]
    pub place: String,
    /// The people present, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    /// The address: optional and sensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The acknowledgement typed at the end of a visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    /// The référent's name, as typed.
    pub referent_name: String,
    /// The name of the household member who acknowledges, as typed.
    pub household_name: String,
    /// The day of the sign-off.
    pub date: NaiveDate,
    /// The visit as it stood when it was signed, to tell what changed
    /// since. Absent in files signed before Vigie recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<SignedRecord>,
}

/// A sign-off that a later one replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierSignOff {
    /// The sign-off, with the record it signed.
    pub signoff: SignOff,
    /// When it was replaced.
    pub replaced_at: DateTime<Utc>,
}

/// What a signed visit said when it was signed: the header and every
/// finding with its observation and recommendation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedRecord {
    /// When it was signed.
    pub signed_at: DateTime<Utc>,
    /// The visit header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Visit>,
    /// The findings, by item (items without any are left out).
    #[serde(default)]
    pub findings: BTreeMap<ItemId, Finding>,
}

/// A finding as signed: what was found, observed and recommended.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Finding {
    /// The finding.
    pub status: Status,
    /// The observation.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The recommendation.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
}

impl Finding {
    fn is_empty(&self) -> bool {
        self.status == Status::Unanswered && self.note.is_empty() && self.recommendation.is_empty()
    }
}

/// A field of the visit header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderField {
    /// The référent's name.
    ReferentName,
    /// The référent's unit.
    ReferentUnit,
    /// The household.
    Household,
    /// The day of the visit.
    Date,
    /// The place.
    Place,
    /// The people present.
    Present,
    /// The address.
    Address,
}

impl HeaderField {
    /// The fields in which `before` and `now` differ, in the form's order
    /// (a header added or removed: every field).
    #[must_use]
    pub fn changed(before: Option<&Visit>, now: Option<&Visit>) -> Vec<Self> {
        let all = [
            Self::ReferentName,
            Self::ReferentUnit,
            Self::Household,
            Self::Date,
            Self::Place,
            Self::Present,
            Self::Address,
        ];
        match (before, now) {
            (None, None) => Vec::new(),
            (Some(b), Some(n)) => all
                .into_iter()
                .filter(|f| match f {
                    Self::ReferentName => b.referent_name != n.referent_name,
                    Self::ReferentUnit => b.referent_unit != n.referent_unit,
                    Self::Household => b.household != n.household,
                    Self::Date => b.date != n.date,
                    Self::Place => b.place != n.place,
                    Self::Present => b.present != n.present,
                    Self::Address => b.address != n.address,
                })
                .collect(),
            _ => all.to_vec(),
        }
    }
}

/// A finding that changed since the visit was signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingChange {
    /// The item.
    pub item: ItemId,
    /// The finding as signed.
    pub before: Finding,
    /// The finding now.
    pub now: Finding,
}

impl FindingChange {
    /// Whether what was found changed (not only the words).
    #[must_use]
    pub fn status_changed(&self) -> bool {
        self.before.status != self.now.status
    }

    /// Whether the observation changed.
    #[must_use]
    pub fn note_changed(&self) -> bool {
        self.before.note != self.now.note
    }

    /// Whether the recommendation changed.
    #[must_use]
    pub fn recommendation_changed(&self) -> bool {
        self.before.recommendation != self.now.recommendation
    }
}

/// How a signed visit changed since it was signed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangesSinceSigned {
    /// The fields of the visit header that changed.
    pub header: Vec<HeaderField>,
    /// The findings that changed, in item id order until
    /// [`Self::in_visit_order`].
    pub findings: Vec<FindingChange>,
}

impl ChangesSinceSigned {
    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.findings.is_empty()
    }

    /// The findings in the order of the visit's `steps` (items no longer in
    /// the visit last).
    #[must_use]
    pub fn in_visit_order(mut self, steps: &[Step<'_>]) -> Self {
        self.findings.sort_by_key(|c| {
            steps
                .iter()
                .position(|s| s.item.id == c.item)
                .unwrap_or(usize::MAX)
        });
        self
    }
}

/// One step of a visit: an item, its zone, and where it stands.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The zone (section).
    pub section: &'a Section,
    /// The item.
    pub item: &'a Item,
    /// 1-based position in the zone.
    pub in_zone: usize,
    /// Number of items of the zone.
    pub zone_len: usize,
}

impl Dossier {
    /// The visit's steps: every item that applies to the household, zone
    /// by zone, in checklist order.
    #[must_use]
    pub fn visit_steps<'a>(&'a self, library: &'a [Checklist]) -> Vec<Step<'a>> {
        let mut steps = Vec::new();
        for section in self.loaded_checklists(library).flat_map(|c| c.sections.iter()) {
            let items: Vec<&Item> = section.items.iter().filter(|i| self.applies(i)).collect();
            let zone_len = items.len();
            for (i, item) in items.into_iter().enumerate() {
                steps.push(Step {
                    section,
                    item,
                    in_zone: i + 1,
                    zone_len,
                });
            }
        }
        steps
    }

    /// Where the step-by-step visit should open: where it stopped, else
    /// the first point not seen yet, else the first.
    #[must_use]
    pub fn visit_resume_step(&self, library: &[Checklist]) -> usize {
        let steps = self.visit_steps(library);
        let stopped = self
            .visit_position
            .as_ref()
            .and_then(|id| steps.iter().position(|s| &s.item.id == id));
        stopped
            .or_else(|| {
                steps
                    .iter()
                    .position(|s| self.status(&s.item.id) == Status::Unanswered)
            })
            .unwrap_or(0)
    }

    /// The finding recorded for an item now.
    #[must_use]
    pub fn finding(&self, item: &ItemId) -> Finding {
        self.answer(item).map_or_else(Finding::default, |a| Finding {
            status: a.status,
            note: a.note.clone(),
            recommendation: a.recommendation.clone(),
        })
    }

    /// Signs the visit off: the names and date typed, and a record of the
    /// visit as it stands, so that later changes show. A sign-off already
    /// there is kept among the earlier ones, with its record.
    pub fn sign(
        &mut self,
        referent_name: String,
        household_name: String,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) {
        let findings = self
            .answers
            .keys()
            .map(|id| (id.clone(), self.finding(id)))
            .filter(|(_, f)| !f.is_empty())
            .collect();
        if let Some(earlier) = self.signoff.take() {
            self.earlier_signoffs.push(EarlierSignOff {
                signoff: earlier,
                replaced_at: now,
            });
        }
        self.signoff = Some(SignOff {
            referent_name,
            household_name,
            date,
            record: Some(SignedRecord {
                signed_at: now,
                visit: self.visit.clone(),
                findings,
            }),
        });
        self.modified = now;
    }

    /// What changed in the visit since it was signed; `None` when it is not
    /// signed, or was signed before Vigie kept a record.
    #[must_use]
    pub fn changes_since_signed(&self) -> Option<ChangesSinceSigned> {
        let record = self.signoff.as_ref()?.record.as_ref()?;
        let mut ids: Vec<&ItemId> = record.findings.keys().chain(self.answers.keys()).collect();
        ids.sort();
        ids.dedup();
        let findings = ids
            .into_iter()
            .filter_map(|id| {
                let before = record.findings.get(id).cloned().unwrap_or_default();
                let now = self.finding(id);
                (before != now).then(|| FindingChange {
                    item: id.clone(),
                    before,
                    now,
                })
            })
            .collect();
        Some(ChangesSinceSigned {
            header: HeaderField::changed(record.visit.as_ref(), self.visit.as_ref()),
            findings,
        })
    }
}

/// Splits the "people present" text, one person per line or comma, into a
/// list without blanks.
#[must_use]
pub fn split_people(text: &str) -> Vec<String> {
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Journey;

    #[test]
    fn a_change_after_the_signoff_shows() {
        let t0 = Utc::now();
        let mut d = Dossier::new("v", Journey::Referent, vec![], None, t0);
        let lamp = ItemId::from("lighting.gate");
        d.set_status(&lamp, Status::Todo, t0);
        d.set_recommendation(&lamp, "Changer la lampe", t0);
        assert_eq!(d.changes_since_signed(), None, "not signed");
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        d.sign("Martin".into(), "Claire".into(), day, t0);
        assert_eq!(d.changes_since_signed(), Some(ChangesSinceSigned::default()));
        d.set_status(&lamp, Status::Done, t0);
        d.set_note(&ItemId::from("doors.front"), "Porte fendue", t0);
        let changes = d.changes_since_signed().unwrap();
        assert!(changes.header.is_empty());
        let ids: Vec<&str> = changes.findings.iter().map(|c| c.item.as_str()).collect();
        assert_eq!(ids, ["doors.front", "lighting.gate"]);
        assert_eq!(changes.findings[1].before.status, Status::Todo);
        assert_eq!(changes.findings[1].now.status, Status::Done);
        assert!(changes.findings[0].note_changed() && !changes.findings[0].status_changed());
        // Back as it was signed: nothing changed.
        d.set_status(&lamp, Status::Todo, t0);
        d.set_note(&ItemId::from("doors.front"), "", t0);
        assert!(d.changes_since_signed().unwrap().is_empty());
    }

    #[test]
    fn people_are_split_by_line_or_comma() {
        assert_eq!(
            split_people("Mme D.\n  M. D., Léa ;\n\n"),
            vec!["Mme D.".to_owned(), "M. D.".to_owned(), "Léa".to_owned()]
        );
        assert!(split_people("  \n").is_empty());
    }
}
