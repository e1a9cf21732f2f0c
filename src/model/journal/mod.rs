//! The household's log of suspicious events (*journal des faits*): what
//! happened between two visits, written down as it happens, for a complaint
//! or a *main courante*.
//!
//! One [`Journal`] per household (not per dossier). Each [`Entry`] holds the
//! facts in the person's own words: when (local wall time, as typed), what
//! kind of event, where, what happened, the people, vehicles and phone
//! numbers or accounts involved, who saw it, photos, and whether and where
//! it was reported. An entry is written once: a change after it is saved is
//! an [`Amendment`] kept beside the original, and withdrawing it keeps it,
//! marked, with the reason ([`Withdrawal`]); see [`entry`]. Every record
//! is sealed in a chain of SHA-256 hashes that shows a change made outside
//! Vigie ([`chain`], [`Journal::verify`]). [`Journal::repeated`] points out
//! a plate, a number or an account that comes back (see [`repeated`]). The
//! entry being typed is kept in the journal as its [`EntryDraft`] (see
//! [`draft`]).
//!
//! No egui, no I/O: the store reads and writes the journal
//! (`journal.ron`), the report prints its chronology.

pub mod chain;
pub mod draft;
pub mod entry;
pub mod parts;
pub mod repeated;
pub mod verify;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::PhotoId;

pub use chain::{Chain, Head, Part, PhotoHasher, Seal};
pub use draft::{DraftProblem, EntryDraft, TimeError, parse_time};
pub use entry::{Amendment, Change, Entry, EntryProblem, Facts, Withdrawal};
pub use parts::{Contact, ContactKind, EntryId, EventKind, Person, Reported, ReportedTo, Vehicle};
pub use repeated::{IdentifierKind, Repeated};
pub use verify::{ChainProblem, EntryRef, Verification};

/// The version of the journal file format written by this build: 2 adds
/// the seals, amendments and withdrawals. A file of version 1 is read as
/// it is, and written as version 2 from its first sealed change.
pub const FORMAT_VERSION: u32 = 2;

/// Which entries the timeline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this kind; `None`: every kind.
    pub kind: Option<EventKind>,
    /// Only the events not reported yet (withdrawn ones left out).
    pub not_reported: bool,
}

impl Filter {
    /// Whether `entry` (as it stands) passes the filter.
    #[must_use]
    pub fn matches(&self, entry: &Entry) -> bool {
        let current = entry.current();
        self.kind.is_none_or(|k| k == current.kind)
            && !(self.not_reported && (current.is_reported() || current.is_withdrawn()))
    }
}

/// An operation the journal refuses.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    /// No entry has this id.
    #[error("no entry {0} in the journal")]
    NoSuchEntry(EntryId),
    /// The entry was withdrawn: it is not changed any more.
    #[error("entry {0} was withdrawn")]
    Withdrawn(EntryId),
    /// A withdrawal must say why.
    #[error("a withdrawal needs a reason")]
    NoReason,
}

/// The household's log of suspicious events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// How the household is named on the printed chronology (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub household: String,
    /// The entries, in the order they were written.
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// The chain of seals, from the first change made by a Vigie that
    /// seals the log (`None` for a log of an earlier Vigie, until then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<Chain>,
    /// The entry being typed, if any (new, or an amendment to an entry):
    /// saved with the journal so that nothing typed is lost. Not sealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<EntryDraft>,
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

/// For entries whose photos' files are not hashed (tests, tools).
fn no_photo_hashes(_: &crate::model::PhotoRef) -> Option<String> {
    None
}

impl Journal {
    /// An empty journal.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            household: String::new(),
            entries: Vec::new(),
            chain: None,
            draft: None,
        }
    }

    /// The entry with this id.
    #[must_use]
    pub fn get(&self, id: &EntryId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Adds `entry` under a fresh id (from `now`, never one already in the
    /// journal), written at `now`, and seals it without its photos' files
    /// (see [`Journal::add_with`]). Returns the id.
    pub fn add(&mut self, entry: Entry, now: DateTime<Utc>) -> EntryId {
        self.add_with(entry, now, &mut no_photo_hashes)
    }

    /// Adds `entry` under a fresh id, written at `now`, and seals it with
    /// its photos' files (`hash` gives each file's SHA-256). Returns the id.
    pub fn add_with(&mut self, mut entry: Entry, now: DateTime<Utc>, hash: &mut PhotoHasher<'_>) -> EntryId {
        self.start_chain(now, hash);
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
        entry.seal = None;
        entry.amendments.clear();
        entry.withdrawn = None;
        self.seal_written(&mut entry, hash);
        self.entries.push(entry);
        id
    }

    /// Amends entry `id` with the facts of `entry`, without photo hashes
    /// (see [`Journal::amend_with`]).
    pub fn amend(&mut self, id: &EntryId, entry: &Entry, now: DateTime<Utc>) -> Result<bool, JournalError> {
        self.amend_with(id, entry, now, &mut no_photo_hashes)
    }

    /// Amends entry `id`: when the facts of `entry` differ from the entry
    /// as it stands, they are kept as an amendment written at `now`, beside
    /// the original (never over it), and sealed. Returns whether anything
    /// changed. A withdrawn entry is not amended.
    pub fn amend_with(
        &mut self,
        id: &EntryId,
        entry: &Entry,
        now: DateTime<Utc>,
        hash: &mut PhotoHasher<'_>,
    ) -> Result<bool, JournalError> {
        let index = self.index_of(id)?;
        let old = &self.entries[index];
        if old.is_withdrawn() {
            return Err(JournalError::Withdrawn(id.clone()));
        }
        let facts = entry.facts();
        if old.current().facts() == facts {
            return Ok(false);
        }
        self.start_chain(now, hash);
        let mut amendment = Amendment {
            at: now,
            facts,
            seal: None,
        };
        self.seal_amendment(id, &mut amendment, hash);
        let old = &mut self.entries[index];
        old.amendments.push(amendment);
        old.modified = now;
        Ok(true)
    }

    /// Withdraws entry `id` at `now`, for `reason` (see
    /// [`Journal::withdraw_with`]), without photo hashes.
    pub fn withdraw(&mut self, id: &EntryId, reason: &str, now: DateTime<Utc>) -> Result<(), JournalError> {
        self.withdraw_with(id, reason, now, &mut no_photo_hashes)
    }

    /// Withdraws entry `id` at `now`, for `reason`: it stays in the log,
    /// marked, and the withdrawal is sealed (`hash` seals the photos of a
    /// log of an earlier Vigie, when this is its first change).
    pub fn withdraw_with(
        &mut self,
        id: &EntryId,
        reason: &str,
        now: DateTime<Utc>,
        hash: &mut PhotoHasher<'_>,
    ) -> Result<(), JournalError> {
        let index = self.index_of(id)?;
        if self.entries[index].is_withdrawn() {
            return Err(JournalError::Withdrawn(id.clone()));
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(JournalError::NoReason);
        }
        self.start_chain(now, hash);
        let mut withdrawal = Withdrawal {
            at: now,
            reason: reason.to_owned(),
            seal: None,
        };
        self.seal_withdrawal(id, &mut withdrawal);
        let entry = &mut self.entries[index];
        entry.withdrawn = Some(withdrawal);
        entry.modified = now;
        Ok(())
    }

    fn index_of(&self, id: &EntryId) -> Result<usize, JournalError> {
        self.entries
            .iter()
            .position(|e| &e.id == id)
            .ok_or_else(|| JournalError::NoSuchEntry(id.clone()))
    }

    /// Every entry, newest first (by when it happened as it stands, then by
    /// when it was written).
    #[must_use]
    pub fn newest_first(&self) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self.entries.iter().collect();
        list.sort_by(|a, b| {
            b.current_when()
                .cmp(&a.current_when())
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

    /// The entries not withdrawn, as they stand.
    #[must_use]
    pub fn standing(&self) -> Vec<Entry> {
        self.entries
            .iter()
            .filter(|e| !e.is_withdrawn())
            .map(|e| e.current().into_owned())
            .collect()
    }

    /// How many events (not withdrawn) were not reported anywhere yet.
    #[must_use]
    pub fn unreported_count(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| !e.is_reported() && !e.is_withdrawn())
            .count()
    }

    /// The period the entries cover: the first and last time, if any.
    #[must_use]
    pub fn period(&self) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        let first = self.entries.iter().map(Entry::current_when).min()?;
        let last = self.entries.iter().map(Entry::current_when).max()?;
        Some((first, last))
    }

    /// The plates, phone numbers and accounts seen in more than one entry
    /// (as they stand, withdrawn ones left out), the most frequent first
    /// (see [`repeated::find`]).
    #[must_use]
    pub fn repeated(&self) -> Vec<Repeated> {
        repeated::find(&self.standing())
    }

    /// The ids of every photo the journal refers to: every version of its
    /// entries' and the draft's (their files must stay).
    #[must_use]
    pub fn photo_ids(&self) -> std::collections::BTreeSet<PhotoId> {
        self.entries
            .iter()
            .flat_map(Entry::all_photos)
            .chain(self.draft.iter().flat_map(|d| d.entry.photos.iter()))
            .map(|p| p.id.clone())
            .collect()
    }

    /// The first entry id used twice, if any (a file edited by hand).
    #[must_use]
    pub fn duplicate_id(&self) -> Option<&EntryId> {
        let mut seen = std::collections::BTreeSet::new();
        self.entries.iter().map(|e| &e.id).find(|id| !seen.insert(*id))
    }
}
