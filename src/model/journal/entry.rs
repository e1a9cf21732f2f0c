//! One entry of the log ([`Entry`]): its facts as first written, the
//! amendments made after it was saved ([`Amendment`], each with its own
//! time, never over the original), and its withdrawal ([`Withdrawal`],
//! with a reason): an entry is never changed nor removed in place.
//!
//! [`Facts`] is what an entry says (when, what, who…); [`Entry::current`]
//! is the entry as it stands after its last amendment, what the timeline
//! shows; [`Facts::changes_from`] names what an amendment changed, for the
//! window and the chronology.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::chain::Seal;
use super::{Contact, EntryId, EventKind, Person, Reported, ReportedTo, Vehicle};
use crate::model::PhotoRef;

/// What an entry says: when, what kind, where, what happened, who and
/// what was involved, its photos and where it was reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// When it happened: local wall time, as typed.
    pub when: NaiveDateTime,
    /// What kind of event.
    pub kind: EventKind,
    /// Where.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// What happened, in the person's own words.
    #[serde(default)]
    pub what: String,
    /// The people involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The vehicles involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vehicles: Vec<Vehicle>,
    /// Phone numbers or accounts that called or wrote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Who saw it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub witnesses: String,
    /// Photos, with their captions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<PhotoRef>,
    /// Where and when it was reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Reported>,
}

/// A change made to an entry after it was saved: the facts as they stand
/// from then on, kept beside the original.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// When the amendment was written.
    pub at: DateTime<Utc>,
    /// The entry's facts after the amendment.
    pub facts: Facts,
    /// Its place in the log's chain (`None` only in a file edited by hand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

/// An entry withdrawn: it stays in the log, marked, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    /// When it was withdrawn.
    pub at: DateTime<Utc>,
    /// Why, in the person's words.
    pub reason: String,
    /// Its place in the log's chain (`None` only in a file edited by hand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
}

/// One event, as written by the household. The fields of the facts are
/// those of the entry *as first written*; later changes are
/// [`Entry::amendments`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable, unique id.
    pub id: EntryId,
    /// When it happened: local wall time, as typed.
    pub when: NaiveDateTime,
    /// What kind of event.
    pub kind: EventKind,
    /// Where.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// What happened, in the person's own words.
    #[serde(default)]
    pub what: String,
    /// The people involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The vehicles involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vehicles: Vec<Vehicle>,
    /// Phone numbers or accounts that called or wrote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Who saw it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub witnesses: String,
    /// Photos, with their captions: their files are in the journal's
    /// photo folder (`journal.photos/`), upright and without metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<PhotoRef>,
    /// Where and when it was reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Reported>,
    /// When the entry was written.
    pub created: DateTime<Utc>,
    /// When it last changed (amended or withdrawn).
    pub modified: DateTime<Utc>,
    /// Its place in the log's chain: `None` for an entry written before
    /// the log was sealed (a file of an earlier Vigie), until its first
    /// change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
    /// The changes made after it was saved, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// Its withdrawal, if it was withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

/// Something an entry needs before it is added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntryProblem {
    /// Nothing was written in *what happened*.
    #[error("nothing is written in what happened")]
    NothingWritten,
    /// A report to "somewhere else" does not say where.
    #[error("a report does not say to whom")]
    ReportedToNobody,
}

impl Entry {
    /// A new entry being typed: `kind`, at `when`, nothing else yet. Its id
    /// and times are set by [`super::Journal::add`].
    #[must_use]
    pub fn draft(kind: EventKind, when: NaiveDateTime, now: DateTime<Utc>) -> Self {
        Self {
            id: EntryId::unsaved(),
            when,
            kind,
            place: String::new(),
            what: String::new(),
            people: Vec::new(),
            vehicles: Vec::new(),
            contacts: Vec::new(),
            witnesses: String::new(),
            photos: Vec::new(),
            reports: Vec::new(),
            created: now,
            modified: now,
            seal: None,
            amendments: Vec::new(),
            withdrawn: None,
        }
    }

    /// The facts as first written.
    #[must_use]
    pub fn facts(&self) -> Facts {
        Facts {
            when: self.when,
            kind: self.kind,
            place: self.place.clone(),
            what: self.what.clone(),
            people: self.people.clone(),
            vehicles: self.vehicles.clone(),
            contacts: self.contacts.clone(),
            witnesses: self.witnesses.clone(),
            photos: self.photos.clone(),
            reports: self.reports.clone(),
        }
    }

    /// This entry with `facts` in place of its own (its id, times, seal,
    /// amendments and withdrawal kept).
    #[must_use]
    pub fn with_facts(&self, facts: &Facts) -> Self {
        let f = facts.clone();
        Self {
            when: f.when,
            kind: f.kind,
            place: f.place,
            what: f.what,
            people: f.people,
            vehicles: f.vehicles,
            contacts: f.contacts,
            witnesses: f.witnesses,
            photos: f.photos,
            reports: f.reports,
            ..self.clone()
        }
    }

    /// The entry as it stands: its facts after the last amendment.
    #[must_use]
    pub fn current(&self) -> Cow<'_, Self> {
        match self.amendments.last() {
            None => Cow::Borrowed(self),
            Some(last) => Cow::Owned(self.with_facts(&last.facts)),
        }
    }

    /// When it happened, as it stands (after the last amendment).
    #[must_use]
    pub fn current_when(&self) -> NaiveDateTime {
        self.amendments.last().map_or(self.when, |a| a.facts.when)
    }

    /// Whether it was withdrawn.
    #[must_use]
    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn.is_some()
    }

    /// Whether the event was reported anywhere (as the entry stands).
    #[must_use]
    pub fn is_reported(&self) -> bool {
        !self
            .amendments
            .last()
            .map_or(&self.reports, |a| &a.facts.reports)
            .is_empty()
    }

    /// Every photo of every version of the entry (their files must stay).
    pub fn all_photos(&self) -> impl Iterator<Item = &PhotoRef> {
        self.photos
            .iter()
            .chain(self.amendments.iter().flat_map(|a| a.facts.photos.iter()))
    }

    /// What is missing before the entry can be added (empty: nothing).
    #[must_use]
    pub fn problems(&self) -> Vec<EntryProblem> {
        let mut problems = Vec::new();
        if self.what.trim().is_empty() {
            problems.push(EntryProblem::NothingWritten);
        }
        if self
            .reports
            .iter()
            .any(|r| matches!(&r.to, ReportedTo::Other(name) if name.trim().is_empty()))
        {
            problems.push(EntryProblem::ReportedToNobody);
        }
        problems
    }
}

/// One thing an amendment changed, with its new value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The date and time.
    When(NaiveDateTime),
    /// The kind of event.
    Kind(EventKind),
    /// The place.
    Place(String),
    /// What happened.
    What(String),
    /// The people.
    People(Vec<Person>),
    /// The vehicles.
    Vehicles(Vec<Vehicle>),
    /// The numbers and accounts.
    Contacts(Vec<Contact>),
    /// The witnesses.
    Witnesses(String),
    /// The photos: those added and those taken out.
    Photos {
        /// Added by the amendment.
        added: Vec<PhotoRef>,
        /// Taken out by the amendment (their files are kept).
        removed: Vec<PhotoRef>,
        /// Kept, with a caption changed.
        recaptioned: Vec<PhotoRef>,
    },
    /// The reports.
    Reports(Vec<Reported>),
}

impl Facts {
    /// What changed from `before` to these facts, in the order of the form.
    #[must_use]
    pub fn changes_from(&self, before: &Self) -> Vec<Change> {
        let mut changes = Vec::new();
        if self.when != before.when {
            changes.push(Change::When(self.when));
        }
        if self.kind != before.kind {
            changes.push(Change::Kind(self.kind));
        }
        if self.place != before.place {
            changes.push(Change::Place(self.place.clone()));
        }
        if self.what != before.what {
            changes.push(Change::What(self.what.clone()));
        }
        if self.people != before.people {
            changes.push(Change::People(self.people.clone()));
        }
        if self.vehicles != before.vehicles {
            changes.push(Change::Vehicles(self.vehicles.clone()));
        }
        if self.contacts != before.contacts {
            changes.push(Change::Contacts(self.contacts.clone()));
        }
        if self.witnesses != before.witnesses {
            changes.push(Change::Witnesses(self.witnesses.clone()));
        }
        if self.photos != before.photos {
            let had = |p: &PhotoRef, list: &[PhotoRef]| list.iter().any(|q| q.id == p.id);
            let added = self
                .photos
                .iter()
                .filter(|p| !had(p, &before.photos))
                .cloned()
                .collect();
            let removed = before
                .photos
                .iter()
                .filter(|p| !had(p, &self.photos))
                .cloned()
                .collect();
            let recaptioned = self
                .photos
                .iter()
                .filter(|p| {
                    before
                        .photos
                        .iter()
                        .any(|q| q.id == p.id && q.caption != p.caption)
                })
                .cloned()
                .collect();
            changes.push(Change::Photos {
                added,
                removed,
                recaptioned,
            });
        }
        if self.reports != before.reports {
            changes.push(Change::Reports(self.reports.clone()));
        }
        changes
    }
}

impl Entry {
    /// Each amendment with what it changed from the version before it.
    #[must_use]
    pub fn history(&self) -> Vec<(&Amendment, Vec<Change>)> {
        let mut before = self.facts();
        let mut out = Vec::new();
        for amendment in &self.amendments {
            out.push((amendment, amendment.facts.changes_from(&before)));
            before = amendment.facts.clone();
        }
        out
    }
}
