//! The check of the log's chain ([`Journal::verify`]) and of its photos'
//! files ([`Journal::verify_photos`]): each [`ChainProblem`] names the
//! entry and what happened to it. See [`super::chain`] for the seals.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::chain::{GENESIS, Head, Part, PhotoHasher, Seal, expected_hash};
use super::entry::Entry;
use super::{EntryId, EventKind, Journal};
use crate::model::PhotoRef;

/// An entry named in a finding: its number in the chronology (oldest
/// first, from 1), when it happened and its kind, as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryRef {
    /// Its id.
    pub id: EntryId,
    /// Its number in the chronology.
    pub number: usize,
    /// When it happened.
    pub when: NaiveDateTime,
    /// Its kind.
    pub kind: EventKind,
}

/// Something found wrong with the chain: which entry, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    /// A record's content no longer matches its seal: changed in the file.
    Altered {
        /// The entry.
        entry: EntryRef,
        /// Which of its records.
        part: Part,
    },
    /// A record matches its own seal, but the record written after it does
    /// not point at it: changed and sealed again alone.
    Resealed {
        /// The entry.
        entry: EntryRef,
        /// Which of its records.
        part: Part,
    },
    /// A record has no seal although the chain had started: added or
    /// changed by hand.
    Unsealed {
        /// The entry.
        entry: EntryRef,
        /// Which of its records.
        part: Part,
    },
    /// Records numbered `from` to `to` are missing: removed from the file.
    Missing {
        /// The first missing number.
        from: u64,
        /// The last missing number.
        to: u64,
        /// The entry of the record before them, if any.
        after: Option<EntryRef>,
        /// The entry of the record after them, if any.
        before: Option<EntryRef>,
    },
    /// Two records carry the same number: one was copied.
    Duplicated {
        /// The number.
        seq: u64,
        /// The entry of the second one.
        entry: EntryRef,
    },
    /// The file lists `second` after `first`, although `second` was written
    /// first: entries were moved.
    OutOfOrder {
        /// The entry listed first, written later.
        first: EntryRef,
        /// The entry listed after it, written earlier.
        second: EntryRef,
    },
    /// An entry's amendments (or its withdrawal) are not in the order
    /// they were written: moved in the file.
    HistoryOutOfOrder {
        /// The entry.
        entry: EntryRef,
    },
    /// The first record does not start the chain.
    BadStart {
        /// Its entry.
        entry: EntryRef,
    },
    /// Entries carry seals but the journal's chain is gone from the file.
    ChainRemoved,
    /// A photo's file is not the one sealed with its entry.
    PhotoChanged {
        /// The entry.
        entry: EntryRef,
        /// The photo.
        photo: PhotoRef,
    },
    /// A photo's file sealed with its entry cannot be read.
    PhotoMissing {
        /// The entry.
        entry: EntryRef,
        /// The photo.
        photo: PhotoRef,
    },
}

/// What [`Journal::verify`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    /// How many sealed records were found.
    pub records: u64,
    /// The chain's head as the file gives it (`None`: no chain yet).
    pub head: Option<Head>,
    /// When the chain started, and how many entries it found already
    /// written then (a log of an earlier Vigie).
    pub started: Option<(DateTime<Utc>, usize)>,
    /// Every problem, in the order of the chain.
    pub problems: Vec<ChainProblem>,
}

impl Verification {
    /// Whether nothing is wrong.
    #[must_use]
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

struct Rec<'a> {
    seal: &'a Seal,
    entry: &'a Entry,
    part: Part,
    valid: bool,
}

impl Journal {
    /// The entries named as findings name them, by id.
    fn entry_refs(&self) -> BTreeMap<&EntryId, EntryRef> {
        self.chronological()
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let current = e.current();
                let reference = EntryRef {
                    id: e.id.clone(),
                    number: i + 1,
                    when: current.when,
                    kind: current.kind,
                };
                (&e.id, reference)
            })
            .collect()
    }

    /// Checks the chain: every record's hash, the links between them, the
    /// numbers, the file's order and the head. Photos' files are checked
    /// by [`Journal::verify_photos`].
    #[must_use]
    pub fn verify(&self) -> Verification {
        let refs = self.entry_refs();
        let name = |e: &Entry| {
            refs.get(&e.id).cloned().unwrap_or_else(|| EntryRef {
                id: e.id.clone(),
                number: 0,
                when: e.when,
                kind: e.kind,
            })
        };
        let mut problems = Vec::new();
        let Some(chain) = &self.chain else {
            let sealed = self
                .entries
                .iter()
                .any(|e| e.seal.is_some() || !e.amendments.is_empty() || e.withdrawn.is_some());
            if sealed {
                problems.push(ChainProblem::ChainRemoved);
            }
            return Verification {
                records: 0,
                head: None,
                started: None,
                problems,
            };
        };
        let mut records = Vec::new();
        for entry in &self.entries {
            let parts = std::iter::once((Part::Original, entry.seal.as_ref()))
                .chain(
                    entry
                        .amendments
                        .iter()
                        .enumerate()
                        .map(|(k, a)| (Part::Amendment(k + 1), a.seal.as_ref())),
                )
                .chain(
                    entry
                        .withdrawn
                        .iter()
                        .map(|w| (Part::Withdrawal, w.seal.as_ref())),
                );
            for (part, seal) in parts {
                let Some(seal) = seal else {
                    problems.push(ChainProblem::Unsealed {
                        entry: name(entry),
                        part,
                    });
                    continue;
                };
                let valid = expected_hash(entry, part).as_deref() == Some(seal.hash.as_str());
                if !valid {
                    problems.push(ChainProblem::Altered {
                        entry: name(entry),
                        part,
                    });
                }
                records.push(Rec {
                    seal,
                    entry,
                    part,
                    valid,
                });
            }
        }
        // The file's order is the order of writing.
        let written: Vec<(&Entry, u64)> = self
            .entries
            .iter()
            .filter_map(|e| e.seal.as_ref().map(|s| (e, s.seq)))
            .collect();
        for pair in written.windows(2) {
            if pair[0].1 > pair[1].1 {
                problems.push(ChainProblem::OutOfOrder {
                    first: name(pair[0].0),
                    second: name(pair[1].0),
                });
            }
        }
        // An entry's own records in the order they were written: the
        // original, its amendments, its withdrawal.
        for entry in &self.entries {
            let seqs: Vec<u64> = std::iter::once(entry.seal.as_ref())
                .chain(entry.amendments.iter().map(|a| a.seal.as_ref()))
                .chain(entry.withdrawn.iter().map(|w| w.seal.as_ref()))
                .flatten()
                .map(|s| s.seq)
                .collect();
            if seqs.windows(2).any(|w| w[0] > w[1]) {
                problems.push(ChainProblem::HistoryOutOfOrder { entry: name(entry) });
            }
        }
        records.sort_by_key(|r| r.seal.seq);
        let mut expected = 1;
        let mut previous: Option<&Rec<'_>> = None;
        for r in &records {
            if r.seal.seq < expected {
                problems.push(ChainProblem::Duplicated {
                    seq: r.seal.seq,
                    entry: name(r.entry),
                });
                continue;
            }
            if r.seal.seq > expected {
                problems.push(ChainProblem::Missing {
                    from: expected,
                    to: r.seal.seq - 1,
                    after: previous.map(|p| name(p.entry)),
                    before: Some(name(r.entry)),
                });
            } else {
                let link = previous.map_or(GENESIS, |p| p.seal.hash.as_str());
                if r.seal.prev != link && r.valid {
                    match previous {
                        Some(p) if p.valid => problems.push(ChainProblem::Resealed {
                            entry: name(p.entry),
                            part: p.part,
                        }),
                        Some(_) => {}
                        None => problems.push(ChainProblem::BadStart { entry: name(r.entry) }),
                    }
                }
            }
            expected = r.seal.seq + 1;
            previous = Some(r);
        }
        let last = previous.map_or(0, |p| p.seal.seq);
        if chain.head.records > last {
            problems.push(ChainProblem::Missing {
                from: last + 1,
                to: chain.head.records,
                after: previous.map(|p| name(p.entry)),
                before: None,
            });
        } else if let Some(p) = previous
            && p.valid
            && (chain.head.records < last || chain.head.hash != p.seal.hash)
        {
            problems.push(ChainProblem::Resealed {
                entry: name(p.entry),
                part: p.part,
            });
        }
        Verification {
            records: records.len() as u64,
            head: Some(chain.head.clone()),
            started: Some((chain.started, chain.legacy)),
            problems,
        }
    }

    /// Checks each sealed photo's file: `read` gives its SHA-256
    /// (hexadecimal), or `None` when it cannot be read. Each photo is
    /// read once.
    pub fn verify_photos(&self, read: &mut PhotoHasher<'_>) -> Vec<ChainProblem> {
        let refs = self.entry_refs();
        let mut seen = BTreeSet::new();
        let mut problems = Vec::new();
        for entry in &self.entries {
            let versions = std::iter::once((&entry.photos, entry.seal.as_ref())).chain(
                entry
                    .amendments
                    .iter()
                    .map(|a| (&a.facts.photos, a.seal.as_ref())),
            );
            for (photos, seal) in versions {
                let Some(seal) = seal else { continue };
                for photo in photos {
                    let Some(sealed) = seal.photos.get(&photo.id) else {
                        continue;
                    };
                    if !seen.insert((photo.id.clone(), sealed.clone())) {
                        continue;
                    }
                    let Some(entry_ref) = refs.get(&entry.id).cloned() else {
                        continue;
                    };
                    match read(photo) {
                        None => problems.push(ChainProblem::PhotoMissing {
                            entry: entry_ref,
                            photo: photo.clone(),
                        }),
                        Some(found) if &found != sealed => problems.push(ChainProblem::PhotoChanged {
                            entry: entry_ref,
                            photo: photo.clone(),
                        }),
                        Some(_) => {}
                    }
                }
            }
        }
        problems
    }
}
