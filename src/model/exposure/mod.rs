//! The exposure inventory: where the household can be found from public
//! sources (company registers, the electoral roll, phone directories,
//! social networks, leaks, photos of the house…), where each stands, and
//! when to look again.
//!
//! - [`ExposureSource`]: one public way a household gets found, with what
//!   it is and how to get it masked or removed (built-in content in
//!   `checklists/exposure/`, extensible by the user's own files; parsed and
//!   checked by [`validate`]);
//! - [`Inventory`]: the household's answers, one [`InventoryEntry`] per
//!   source (and per member for the sources that concern each person), with
//!   a re-check date ([`Inventory::due_rechecks`] for the home screen).
//!
//! No egui, no I/O: the store reads and writes the inventory
//! (`exposure.ron`), `crate::exposure_library` loads the sources.

pub mod inventory;
pub mod validate;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use inventory::{
    Due, ExposureState, FORMAT_VERSION, Inventory, InventoryEntry, InventoryError, MemberError, Row,
};
pub use validate::{SourceProblem, SourceProblemKind, SourceRegistry, SourcesError, parse_sources};

use super::checklist::Text;

/// A source's id (`company-kbis-rne`): lower-case letters, digits and `-`;
/// unique among every loaded source and stable, since the household's
/// answers are saved under it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

impl SourceId {
    /// The id as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` is a well-formed source id.
    #[must_use]
    pub fn is_valid(s: &str) -> bool {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SourceId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

/// Whom a source concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Scope {
    /// The household as a whole (the house, a landline): one answer.
    Household,
    /// Each member (a social network account, a company directorship): one
    /// answer per member.
    PerMember,
}

/// Where a source was loaded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceOrigin {
    /// Embedded in the binary, with its file name.
    BuiltIn(String),
    /// The user's own file.
    User(std::path::PathBuf),
}

/// One public way a household gets found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExposureSource {
    /// Unique, stable id.
    pub id: SourceId,
    /// Its name (`Company registers: Kbis and RNE`).
    pub title: Text,
    /// What it is and how to get it masked or removed, in one to four
    /// sentences.
    pub guidance: Text,
    /// The household as a whole, or each member.
    pub scope: Scope,
    /// How often to look again, in days.
    pub recheck_days: u32,
    /// Public sources of the guidance (https addresses of the page itself).
    pub sources: Vec<String>,
    /// When the guidance was last checked against its sources.
    pub verified: NaiveDate,
    /// Where it was loaded from.
    pub origin: SourceOrigin,
}

impl ExposureSource {
    /// The date a re-check falls due when the source is looked at on
    /// `today`: `today` plus [`ExposureSource::recheck_days`].
    #[must_use]
    pub fn next_recheck(&self, today: NaiveDate) -> NaiveDate {
        today
            .checked_add_days(chrono::Days::new(u64::from(self.recheck_days)))
            .unwrap_or(NaiveDate::MAX)
    }
}
