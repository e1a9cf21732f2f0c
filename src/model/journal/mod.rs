//! The household's log of suspicious events (*journal des faits*): what
//! happened between two visits, written down as it happens, for a complaint
//! or a *main courante*.
//!
//! One [`Journal`] per household (not per dossier). Each [`Entry`] holds the
//! facts in the person's own words: when (local wall time, as typed), what
//! kind of event, where, what happened, the people, vehicles and phone
//! numbers or accounts involved, who saw it, photos, and whether and where
//! it was reported. [`Journal::repeated`] points out a plate, a number or an
//! account that comes back (see [`repeated`]). The entry being typed is
//! kept in the journal as its [`EntryDraft`] (see [`draft`]).
//!
//! No egui, no I/O: the store reads and writes the journal
//! (`journal.ron`), the report prints its chronology.

pub mod draft;
pub mod repeated;

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{PhotoId, PhotoRef};

pub use draft::{DraftProblem, EntryDraft, TimeError, parse_time};
pub use repeated::{IdentifierKind, Repeated};

/// The version of the journal file format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// An entry's id: stable, unique in the journal, never reused, and safe as
/// a file or folder name (photos of an entry may be stored under it).
/// Letters, digits, `-` and `_`, 1 to 80 of them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EntryId(String);

impl EntryId {
    /// The id of an entry not added to the journal yet (a form being
    /// typed); [`Journal::add`] gives the real one.
    pub const UNSAVED: &'static str = "unsaved";

    /// Whether `s` is a well-formed id.
    #[must_use]
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 80
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    }

    /// The id, if `s` is well formed.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::is_valid(s).then(|| Self(s.to_owned()))
    }

    /// The id as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn unsaved() -> Self {
        Self(Self::UNSAVED.to_owned())
    }
}

impl TryFrom<String> for EntryId {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        if Self::is_valid(&s) {
            Ok(Self(s))
        } else {
            Err(format!(
                "entry id {s:?} must be 1 to 80 letters, digits, '-' or '_'"
            ))
        }
    }
}

impl From<EntryId> for String {
    fn from(id: EntryId) -> Self {
        id.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of event an entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// Someone watching the house, loitering, taking photos.
    Watching,
    /// A vehicle seen (parked, passing again, following).
    Vehicle,
    /// A phone call (a "bank adviser", a "police officer"…).
    Call,
    /// A text message, an e-mail, a letter.
    Message,
    /// Online: a social network, an account, a contact request.
    Online,
    /// A parcel or a delivery nobody ordered.
    Parcel,
    /// Someone at the door (a fake technician, a fake official…).
    Visitor,
    /// An intrusion or an attempt.
    Intrusion,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Every kind, in the order of the form's choices.
    pub const ALL: [Self; 9] = [
        Self::Watching,
        Self::Vehicle,
        Self::Call,
        Self::Message,
        Self::Online,
        Self::Parcel,
        Self::Visitor,
        Self::Intrusion,
        Self::Other,
    ];
}

/// A person involved, as described.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Appearance: build, age, hair, anything striking.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Clothing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub clothing: String,
    /// The language or accent heard.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
}

/// A vehicle involved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vehicle {
    /// Make and model, as far as known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub make: String,
    /// Colour.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub colour: String,
    /// The plate, even partial (`AB-12…`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plate: String,
}

/// What kind of contact called or wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ContactKind {
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// An account on a social network or a messaging app.
    Account,
    /// Anything else (a website, a postal address…).
    Other,
}

impl ContactKind {
    /// Every kind, in the order of the form's choices.
    pub const ALL: [Self; 4] = [Self::Phone, Self::Email, Self::Account, Self::Other];
}

/// A phone number or an account that called or wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Phone, e-mail, account or other.
    pub kind: ContactKind,
    /// The number or address as seen (`06 12 34 56 78`, `@name`…).
    pub value: String,
}

/// Where an event was reported.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReportedTo {
    /// The emergency number 17 (police or gendarmerie).
    Police17,
    /// A police station (*commissariat*).
    PoliceStation,
    /// A gendarmerie brigade.
    Gendarmerie,
    /// 17Cyber, the online help for victims of cyber attacks.
    Cyber17,
    /// Pharos, the reporting platform for illegal content online.
    Pharos,
    /// Somewhere else, named.
    Other(String),
}

/// A report made of an event: to whom, when, with which reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    /// To whom.
    pub to: ReportedTo,
    /// When.
    pub date: NaiveDate,
    /// The complaint or *main courante* number, if one was given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

/// One event, as written by the household.
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
    /// When it last changed.
    pub modified: DateTime<Utc>,
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
    /// and times are set by [`Journal::add`].
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
        }
    }

    /// Whether the event was reported anywhere.
    #[must_use]
    pub fn is_reported(&self) -> bool {
        !self.reports.is_empty()
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

/// Which entries the timeline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this kind; `None`: every kind.
    pub kind: Option<EventKind>,
    /// Only the events not reported yet.
    pub not_reported: bool,
}

impl Filter {
    /// Whether `entry` passes the filter.
    #[must_use]
    pub fn matches(&self, entry: &Entry) -> bool {
        self.kind.is_none_or(|k| k == entry.kind) && !(self.not_reported && entry.is_reported())
    }
}

/// An operation on an entry that is not in the journal.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    /// No entry has this id.
    #[error("no entry {0} in the journal")]
    NoSuchEntry(EntryId),
}

/// The household's log of suspicious events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// How the household is named on the printed chronology (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub household: String,
    /// The entries, in the order they were added.
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// The entry being typed, if any (new, or a change to an entry): saved
    /// with the journal so that nothing typed is lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<EntryDraft>,
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

impl Journal {
    /// An empty journal.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            household: String::new(),
            entries: Vec::new(),
            draft: None,
        }
    }

    /// The entry with this id.
    #[must_use]
    pub fn get(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Adds `entry` under a fresh id (from `now`, never one already in the
    /// journal), written and changed at `now`. Returns the id.
    pub fn add(&mut self, mut entry: Entry, now: DateTime<Utc>) -> EntryId {
        let base = now.format("%Y%m%d-%H%M%S-%3f").to_string();
        let mut id = EntryId(base.clone());
        let mut n = 1_u32;
        while self.get(&id).is_some() {
            id = EntryId(format!("{base}-{n}"));
            n += 1;
        }
        entry.id = id.clone();
        entry.created = now;
        entry.modified = now;
        self.entries.push(entry);
        id
    }

    /// Replaces the facts of entry `id` with those of `entry` (its id and
    /// creation time are kept). Returns whether anything changed; the
    /// change time is set only then.
    pub fn edit(&mut self, id: &EntryId, entry: Entry, now: DateTime<Utc>) -> Result<bool, JournalError> {
        let old = self
            .entries
            .iter_mut()
            .find(|e| &e.id == id)
            .ok_or_else(|| JournalError::NoSuchEntry(id.clone()))?;
        let new = Entry {
            id: old.id.clone(),
            created: old.created,
            modified: old.modified,
            ..entry
        };
        if &new == old {
            return Ok(false);
        }
        *old = Entry { modified: now, ..new };
        Ok(true)
    }

    /// Removes entry `id` and returns it.
    pub fn remove(&mut self, id: &EntryId) -> Result<Entry, JournalError> {
        let index = self
            .entries
            .iter()
            .position(|e| &e.id == id)
            .ok_or_else(|| JournalError::NoSuchEntry(id.clone()))?;
        Ok(self.entries.remove(index))
    }

    /// Every entry, newest first (by when it happened, then by when it was
    /// written).
    #[must_use]
    pub fn newest_first(&self) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self.entries.iter().collect();
        list.sort_by(|a, b| {
            b.when
                .cmp(&a.when)
                .then_with(|| b.created.cmp(&a.created))
                .then_with(|| b.id.cmp(&a.id))
        });
        list
    }

    /// Every entry, oldest first: the order of the printed chronology.
    #[must_use]
    pub fn chronological(&self) -> Vec<&Entry> {
        let mut list = self.newest_first();
        list.reverse();
        list
    }

    /// The timeline: the entries that pass `filter`, newest first.
    #[must_use]
    pub fn timeline(&self, filter: &Filter) -> Vec<&Entry> {
        self.newest_first()
            .into_iter()
            .filter(|e| filter.matches(e))
            .collect()
    }

    /// How many events were not reported anywhere yet.
    #[must_use]
    pub fn unreported_count(&self) -> usize {
        self.entries.iter().filter(|e| !e.is_reported()).count()
    }

    /// The period the entries cover: the first and last time, if any.
    #[must_use]
    pub fn period(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let first = self.entries.iter().map(|e| e.when).min()?;
        let last = self.entries.iter().map(|e| e.when).max()?;
        Some((first, last))
    }

    /// The plates, phone numbers and accounts seen in more than one entry,
    /// the most frequent first (see [`repeated::find`]).
    #[must_use]
    pub fn repeated(&self) -> Vec<Repeated> {
        repeated::find(&self.entries)
    }

    /// The ids of every photo the journal refers to: its entries' and the
    /// draft's (their files must stay).
    #[must_use]
    pub fn photo_ids(&self) -> std::collections::BTreeSet<PhotoId> {
        self.entries
            .iter()
            .chain(self.draft.as_ref().map(|d| &d.entry))
            .flat_map(|e| e.photos.iter().map(|p| p.id.clone()))
            .collect()
    }

    /// The first entry id used twice, if any (a file edited by hand).
    #[must_use]
    pub fn duplicate_id(&self) -> Option<&EntryId> {
        let mut seen = std::collections::BTreeSet::new();
        self.entries.iter().map(|e| &e.id).find(|id| !seen.insert(*id))
    }
}
