//! Repeated identifiers: a plate, a phone number or an account that comes
//! back in several entries ("seen 3 times since 12/11").
//!
//! Identifiers are compared once normalised:
//!
//! - plates: upper case, letters and digits only (`ab-123 cd` is `AB123CD`);
//!   a partial plate of at least [`MIN_PARTIAL_PLATE`] characters matches a
//!   longer one that contains it (`AB-12` matches `AB-123-CD`). A partial
//!   plate contained in two different plates counts for both: it may be
//!   either;
//! - phone numbers: digits only, and a French number written
//!   internationally (`+33 6…`, `0033 6…`, `+33 (0)6…`) is the same as
//!   `06…`;
//! - e-mail addresses, accounts and other contacts: case and surrounding
//!   spaces ignored, and a leading `@` for accounts.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::{ContactKind, Entry, EntryId};

/// The shortest partial plate matched against longer ones; shorter ones
/// only match the same characters exactly.
pub const MIN_PARTIAL_PLATE: usize = 3;

/// What kind of identifier repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdentifierKind {
    /// A vehicle's plate.
    Plate,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// An account on a social network or messaging app.
    Account,
    /// Another contact.
    Other,
}

/// An identifier seen in more than one entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeated {
    /// Plate, phone, e-mail, account or other.
    pub kind: IdentifierKind,
    /// The identifier as first written (for a plate, its fullest form).
    pub shown: String,
    /// The normalised form it was matched on.
    pub key: String,
    /// The entries where it appears, oldest first.
    pub entries: Vec<EntryId>,
    /// When it was first seen.
    pub first_seen: NaiveDateTime,
    /// When it was last seen.
    pub last_seen: NaiveDateTime,
}

impl Repeated {
    /// In how many entries it appears.
    #[must_use]
    pub fn count(&self) -> usize {
        self.entries.len()
    }

    /// Whether entry `id` is one of them.
    #[must_use]
    pub fn involves(&self, id: &EntryId) -> bool {
        self.entries.contains(id)
    }
}

/// A plate as compared: upper case, letters and digits only.
#[must_use]
pub fn normalize_plate(plate: &str) -> String {
    plate
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether the plate `long` (normalised) stands for `short` (normalised):
/// the same, or `short` a partial plate contained in it.
#[must_use]
pub fn plate_covers(long: &str, short: &str) -> bool {
    !short.is_empty()
        && (long == short || (short.chars().count() >= MIN_PARTIAL_PLATE && long.contains(short)))
}

/// A phone number as compared: digits only, a French number in its
/// national form (`0612345678`), another country's with its `+` prefix.
/// `None` when it holds fewer than 3 digits.
#[must_use]
pub fn normalize_phone(number: &str) -> Option<String> {
    let trimmed = number.trim_start();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return None;
    }
    let international = if trimmed.starts_with('+') {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    Some(match international {
        Some(rest) => match rest.strip_prefix("33") {
            // "+33 (0)6 …" keeps its 0; "+33 6 …" gets it back.
            Some(national) if national.starts_with('0') => national.to_owned(),
            Some(national) => format!("0{national}"),
            None => format!("+{rest}"),
        },
        None => digits,
    })
}

/// An e-mail address, account or other contact as compared: lower case,
/// inner spaces collapsed; an account's leading `@` dropped. `None` when
/// empty.
#[must_use]
pub fn normalize_text(kind: ContactKind, value: &str) -> Option<String> {
    let text = value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let text = match text.strip_prefix('@') {
        Some(rest) if kind == ContactKind::Account => rest.to_owned(),
        _ => text,
    };
    (!text.is_empty()).then_some(text)
}

/// One occurrence of an identifier in an entry.
struct Seen<'a> {
    entry: &'a Entry,
    key: String,
    written: &'a str,
}

/// The identifiers that appear in more than one entry: the most frequent
/// first, then the most recently seen.
#[must_use]
pub fn find(entries: &[Entry]) -> Vec<Repeated> {
    // Oldest first, so that "as first written" and the entry lists follow
    // the order of events.
    let mut ordered: Vec<&Entry> = entries.iter().collect();
    ordered.sort_by(|a, b| a.when.cmp(&b.when).then_with(|| a.created.cmp(&b.created)));

    let mut plates = Vec::new();
    let mut others: BTreeMap<(IdentifierKind, String), Vec<Seen<'_>>> = BTreeMap::new();
    for entry in &ordered {
        for vehicle in &entry.vehicles {
            let key = normalize_plate(&vehicle.plate);
            if !key.is_empty() {
                plates.push(Seen {
                    entry,
                    key,
                    written: vehicle.plate.trim(),
                });
            }
        }
        for contact in &entry.contacts {
            let (kind, key) = match contact.kind {
                ContactKind::Phone => (IdentifierKind::Phone, normalize_phone(&contact.value)),
                ContactKind::Email => (
                    IdentifierKind::Email,
                    normalize_text(contact.kind, &contact.value),
                ),
                ContactKind::Account => (
                    IdentifierKind::Account,
                    normalize_text(contact.kind, &contact.value),
                ),
                ContactKind::Other => (
                    IdentifierKind::Other,
                    normalize_text(contact.kind, &contact.value),
                ),
            };
            if let Some(key) = key {
                others.entry((kind, key.clone())).or_default().push(Seen {
                    entry,
                    key,
                    written: contact.value.trim(),
                });
            }
        }
    }

    let mut found = plate_groups(&plates);
    for ((kind, key), seen) in &others {
        let refs: Vec<&Seen<'_>> = seen.iter().collect();
        if let Some(repeated) = group(*kind, key, &refs) {
            found.push(repeated);
        }
    }
    found.sort_by(|a, b| {
        b.count()
            .cmp(&a.count())
            .then_with(|| b.last_seen.cmp(&a.last_seen))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.key.cmp(&b.key))
    });
    found
}

/// Plates grouped under each fullest plate: every plate not contained in
/// another, with the occurrences it covers.
fn plate_groups(plates: &[Seen<'_>]) -> Vec<Repeated> {
    let mut distinct: Vec<&str> = plates.iter().map(|s| s.key.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct
        .iter()
        .filter(|key| {
            !distinct
                .iter()
                .any(|other| other != *key && plate_covers(other, key))
        })
        .filter_map(|fullest| {
            let covered: Vec<&Seen<'_>> = plates.iter().filter(|s| plate_covers(fullest, &s.key)).collect();
            group(IdentifierKind::Plate, fullest, &covered)
        })
        .collect()
}

/// The occurrences of one identifier as a [`Repeated`], when they span
/// more than one entry. `seen` is oldest first.
fn group(kind: IdentifierKind, key: &str, seen: &[&Seen<'_>]) -> Option<Repeated> {
    let mut entries: Vec<EntryId> = Vec::new();
    for s in seen {
        if !entries.contains(&s.entry.id) {
            entries.push(s.entry.id.clone());
        }
    }
    if entries.len() < 2 {
        return None;
    }
    let shown = seen
        .iter()
        .find(|s| s.key == key)
        .or_else(|| seen.first())
        .map(|s| s.written.to_owned())?;
    Some(Repeated {
        kind,
        shown,
        key: key.to_owned(),
        entries,
        first_seen: seen.iter().map(|s| s.entry.when).min()?,
        last_seen: seen.iter().map(|s| s.entry.when).max()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_are_normalised() {
        assert_eq!(normalize_plate(" ab-123 cd "), "AB123CD");
        assert_eq!(normalize_plate("ab.12"), "AB12");
        assert!(plate_covers("AB123CD", "AB12"));
        assert!(plate_covers("AB123CD", "123CD"));
        assert!(!plate_covers("AB123CD", "AB"), "too short to be matched inside");
        assert!(plate_covers("AB", "AB"));
        assert!(!plate_covers("AB123CD", "AB124"));
    }

    #[test]
    fn french_numbers_match_in_both_forms() {
        let national = normalize_phone("06 12 34 56 78");
        assert_eq!(national.as_deref(), Some("0612345678"));
        assert_eq!(normalize_phone("+33 6 12 34 56 78"), national);
        assert_eq!(normalize_phone("0033 612345678"), national);
        assert_eq!(normalize_phone("+33 (0)6 12-34-56-78"), national);
        assert_eq!(
            normalize_phone("+44 20 7946 0000").as_deref(),
            Some("+442079460000")
        );
        assert_ne!(
            normalize_phone("+44 20 7946 0000"),
            normalize_phone("020 7946 0000")
        );
        assert_eq!(normalize_phone("12"), None);
    }

    #[test]
    fn accounts_ignore_case_and_the_at_sign() {
        assert_eq!(
            normalize_text(ContactKind::Account, " @Faux_Conseiller "),
            normalize_text(ContactKind::Account, "faux_conseiller")
        );
        assert_eq!(
            normalize_text(ContactKind::Email, "A.B@Example.org").as_deref(),
            Some("a.b@example.org")
        );
        assert_eq!(normalize_text(ContactKind::Other, "   "), None);
    }
}
