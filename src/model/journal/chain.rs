//! The log's chain of seals: what makes a change made outside Vigie show.
//!
//! Every record written to the log (an entry as first written, each
//! amendment, a withdrawal) gets a [`Seal`] when it is saved: its number in
//! the order of writing (`seq`, from 1), the hash of the record before it
//! (`prev`), the SHA-256 of each of its photos' files, and its own hash:
//! SHA-256 over the compact JSON of
//! `{"vigie":"journal-record-1","seq":…,"prev":"…","entry":"…","record":…,"photos":{…}}`
//! where `record` is `{"Written":{"created":…,"facts":…}}`,
//! `{"Amended":{"at":…,"facts":…}}` or `{"Withdrawn":{"at":…,"reason":…}}`
//! (fields in the order of the structs, dates as RFC 3339, empty lists
//! and texts left out). The journal keeps the last hash and the number of
//! records as its [`Head`].
//!
//! [`super::Journal::verify`] recomputes every hash and follows the links:
//! a record changed in the file (its hash no longer matches), sealed again
//! alone (the next record no longer points at it), removed (a number is
//! missing), moved (the file's order is not the order of writing), or added
//! by hand (no seal) is named, with its entry. It proves that the file was
//! not changed *without the chain being recomputed*; whoever has the file
//! can recompute a whole chain, and nothing here is a trusted time: see
//! SECURITY.md. The check itself is in [`super::verify`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::entry::{Amendment, Entry, Facts, Withdrawal};
use super::{EntryId, FORMAT_VERSION, Journal};
use crate::model::photos::hex;
use crate::model::{PhotoId, PhotoRef};

/// The `prev` of the first record: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A record's place in the chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// Its number in the order of writing, from 1.
    pub seq: u64,
    /// The hash of the record before it ([`GENESIS`] for the first).
    pub prev: String,
    /// Its own hash (lowercase hexadecimal SHA-256).
    pub hash: String,
    /// The SHA-256 of each photo file of the record, by photo.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub photos: BTreeMap<PhotoId, String>,
}

/// The end of the chain: how many records, and the last one's hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// How many records the chain holds.
    pub records: u64,
    /// The hash of the last one ([`GENESIS`] when there is none).
    pub hash: String,
}

impl std::fmt::Display for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.records, self.hash)
    }
}

/// The chain of a journal, from its first sealed change on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chain {
    /// When the chain started (the journal's first change in a Vigie that
    /// seals it).
    pub started: DateTime<Utc>,
    /// How many entries were written before that, and sealed as they stood
    /// then (0 for a log begun with sealing).
    #[serde(default)]
    pub legacy: usize,
    /// The end of the chain.
    pub head: Head,
}

/// A record's content, as hashed.
#[derive(Serialize)]
enum Record<'a> {
    Written {
        created: &'a DateTime<Utc>,
        facts: &'a Facts,
    },
    Amended {
        at: &'a DateTime<Utc>,
        facts: &'a Facts,
    },
    Withdrawn {
        at: &'a DateTime<Utc>,
        reason: &'a str,
    },
}

#[derive(Serialize)]
struct Canonical<'a> {
    vigie: &'static str,
    seq: u64,
    prev: &'a str,
    entry: &'a EntryId,
    record: Record<'a>,
    photos: &'a BTreeMap<PhotoId, String>,
}

fn record_hash(
    seq: u64,
    prev: &str,
    entry: &EntryId,
    record: Record<'_>,
    photos: &BTreeMap<PhotoId, String>,
) -> String {
    let canonical = Canonical {
        vigie: "journal-record-1",
        seq,
        prev,
        entry,
        record,
        photos,
    };
    // Serializing plain data with string keys cannot fail; an empty text
    // would only give a hash that matches nothing.
    let json = serde_json::to_vec(&canonical).unwrap_or_default();
    hex(&Sha256::digest(&json))
}

/// SHA-256 of bytes, as lowercase hexadecimal (a photo file's hash).
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Which record of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The entry as first written.
    Original,
    /// Its amendment number `n` (from 1).
    Amendment(usize),
    /// Its withdrawal.
    Withdrawal,
}

/// The hash a record's seal should carry for its content, with its seal's
/// number, link and photos; `None` when the part or its seal is not there.
/// (Tests use it to play someone sealing one record again by hand.)
#[must_use]
pub fn expected_hash(entry: &Entry, part: Part) -> Option<String> {
    match part {
        Part::Original => {
            let seal = entry.seal.as_ref()?;
            let facts = entry.facts();
            let record = Record::Written {
                created: &entry.created,
                facts: &facts,
            };
            Some(record_hash(seal.seq, &seal.prev, &entry.id, record, &seal.photos))
        }
        Part::Amendment(n) => {
            let a = entry.amendments.get(n.checked_sub(1)?)?;
            let seal = a.seal.as_ref()?;
            let record = Record::Amended {
                at: &a.at,
                facts: &a.facts,
            };
            Some(record_hash(seal.seq, &seal.prev, &entry.id, record, &seal.photos))
        }
        Part::Withdrawal => {
            let w = entry.withdrawn.as_ref()?;
            let seal = w.seal.as_ref()?;
            let record = Record::Withdrawn {
                at: &w.at,
                reason: &w.reason,
            };
            Some(record_hash(seal.seq, &seal.prev, &entry.id, record, &seal.photos))
        }
    }
}

/// Gives the SHA-256 (hexadecimal) of a photo's file, or `None` when it
/// cannot be read.
pub type PhotoHasher<'a> = dyn FnMut(&PhotoRef) -> Option<String> + 'a;

fn photo_hashes(photos: &[PhotoRef], hash: &mut PhotoHasher<'_>) -> BTreeMap<PhotoId, String> {
    photos
        .iter()
        .filter_map(|p| hash(p).map(|h| (p.id.clone(), h)))
        .collect()
}

impl Journal {
    /// The next seal for a record of entry `id`; moves the head on.
    fn next_seal(&mut self, id: &EntryId, record: Record<'_>, photos: BTreeMap<PhotoId, String>) -> Seal {
        let head = self.chain.as_ref().map(|c| c.head.clone());
        let (seq, prev) = head.map_or((1, GENESIS.to_owned()), |h| (h.records + 1, h.hash));
        let hash = record_hash(seq, &prev, id, record, &photos);
        if let Some(chain) = &mut self.chain {
            chain.head = Head {
                records: seq,
                hash: hash.clone(),
            };
        }
        Seal {
            seq,
            prev,
            hash,
            photos,
        }
    }

    /// Starts the chain if it has not started: the entries written before
    /// (by an earlier Vigie) are sealed first, as they stand, in the
    /// file's order, and counted as such ([`Chain::legacy`]).
    pub(super) fn start_chain(&mut self, now: DateTime<Utc>, hash: &mut PhotoHasher<'_>) {
        if self.chain.is_some() {
            return;
        }
        self.format_version = FORMAT_VERSION;
        self.chain = Some(Chain {
            started: now,
            legacy: self.entries.len(),
            head: Head {
                records: 0,
                hash: GENESIS.to_owned(),
            },
        });
        for i in 0..self.entries.len() {
            let entry = self.entries[i].clone();
            let facts = entry.facts();
            let photos = photo_hashes(&entry.photos, hash);
            let record = Record::Written {
                created: &entry.created,
                facts: &facts,
            };
            let seal = self.next_seal(&entry.id, record, photos);
            self.entries[i].seal = Some(seal);
        }
    }

    /// Seals a new entry as first written.
    pub(super) fn seal_written(&mut self, entry: &mut Entry, hash: &mut PhotoHasher<'_>) {
        let facts = entry.facts();
        let photos = photo_hashes(&entry.photos, hash);
        let record = Record::Written {
            created: &entry.created,
            facts: &facts,
        };
        entry.seal = Some(self.next_seal(&entry.id, record, photos));
    }

    /// Seals an amendment of entry `id`.
    pub(super) fn seal_amendment(
        &mut self,
        id: &EntryId,
        amendment: &mut Amendment,
        hash: &mut PhotoHasher<'_>,
    ) {
        let photos = photo_hashes(&amendment.facts.photos, hash);
        let record = Record::Amended {
            at: &amendment.at,
            facts: &amendment.facts,
        };
        amendment.seal = Some(self.next_seal(id, record, photos));
    }

    /// Seals the withdrawal of entry `id`.
    pub(super) fn seal_withdrawal(&mut self, id: &EntryId, withdrawal: &mut Withdrawal) {
        let record = Record::Withdrawn {
            at: &withdrawal.at,
            reason: &withdrawal.reason,
        };
        withdrawal.seal = Some(self.next_seal(id, record, BTreeMap::new()));
    }

    /// The end of the chain, once it started.
    #[must_use]
    pub fn head(&self) -> Option<&Head> {
        self.chain.as_ref().map(|c| &c.head)
    }
}
