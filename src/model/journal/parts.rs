//! The pieces of an entry's facts: its id, the kind of event, the people,
//! vehicles, contacts and reports it names. Plain data, no I/O.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An entry's id: stable, unique in the journal, never reused, and safe as
/// a file or folder name (photos of an entry may be stored under it).
/// Letters, digits, `-` and `_`, 1 to 80 of them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EntryId(pub(super) String);

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

    pub(super) fn unsaved() -> Self {
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
