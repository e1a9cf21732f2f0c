//! Checklists as users see them: validated, with typed ids.
//!
//! RON files are first parsed into the `Raw*` structs of [`super::validate`],
//! then checked and turned into the types here. Code that holds a
//! [`Checklist`] can rely on its invariants: ids well formed and unique,
//! every text present in both languages, at least one source per item.

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::family::Role;
use crate::lang::Lang;

/// A text in French and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The French text (the reference).
    pub fr: String,
    /// The English text.
    pub en: String,
}

impl Text {
    /// Builds a text from its two translations.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// Where a checklist is offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Journey {
    /// An individual's own safety checklist and action plan.
    Personal,
    /// A référent sûreté's guided home visit.
    Referent,
    /// A family reviewing vigilance practices together.
    Family,
}

impl Journey {
    /// Every journey, in display order.
    pub const ALL: [Self; 3] = [Self::Personal, Self::Referent, Self::Family];
}

/// How much an item matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Its absence is exactly what attackers exploit.
    Critical,
    /// Strongly reduces the risk.
    High,
    /// A worthwhile improvement.
    Medium,
    /// Good practice once the rest is in place.
    Low,
}

impl Priority {
    /// Every priority, most important first.
    pub const ALL: [Self; 4] = [Self::Critical, Self::High, Self::Medium, Self::Low];

    /// The weight of the priority in the risk-weighted score.
    #[must_use]
    pub fn weight(self) -> u32 {
        match self {
            Self::Critical => 8,
            Self::High => 4,
            Self::Medium => 2,
            Self::Low => 1,
        }
    }
}

/// A household profile tag: an item with `applies_if` tags is shown only to
/// households that have one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tag {
    /// Children under 13.
    Children,
    /// Teenagers.
    Teenagers,
    /// Elderly parents or relatives.
    ElderlyRelatives,
    /// Household staff.
    HouseholdStaff,
    /// A company director listed in a company register.
    CompanyDirector,
    /// Someone known publicly.
    PublicProfile,
    /// Crypto-assets held.
    CryptoHoldings,
    /// Lives in a house.
    House,
    /// Lives in a flat.
    Flat,
    /// Has a second home.
    SecondHome,
}

impl Tag {
    /// Every tag, in display order.
    pub const ALL: [Self; 10] = [
        Self::Children,
        Self::Teenagers,
        Self::ElderlyRelatives,
        Self::HouseholdStaff,
        Self::CompanyDirector,
        Self::PublicProfile,
        Self::CryptoHoldings,
        Self::House,
        Self::Flat,
        Self::SecondHome,
    ];
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as a string.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

string_id!(
    /// A checklist's id (`home-consultation`).
    ChecklistId
);
string_id!(
    /// A section's id, unique within its checklist (`perimeter`).
    SectionId
);
string_id!(
    /// An item's id, unique across every loaded checklist and stable forever:
    /// answers are saved under it (`perimeter.lighting`).
    ItemId
);

/// Where a checklist was loaded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary, with its file name.
    BuiltIn(String),
    /// The user's own folder.
    User(PathBuf),
}

/// A validated checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Checklist {
    /// Unique id.
    pub id: ChecklistId,
    /// Raised when items change meaning.
    pub version: u32,
    /// Title.
    pub title: Text,
    /// One or two sentences on what the checklist covers.
    pub summary: Text,
    /// Where the checklist is offered.
    pub journeys: Vec<Journey>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Where it was loaded from.
    pub origin: Origin,
}

impl Checklist {
    /// Every item of every section, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// The item with this id, if the checklist has it.
    #[must_use]
    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items().find(|item| &item.id == id)
    }

    /// Whether the checklist is offered in `journey`.
    #[must_use]
    pub fn offered_in(&self, journey: Journey) -> bool {
        self.journeys.contains(&journey)
    }
}

/// A group of items (a zone of the home, an audience, a topic).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Unique within the checklist.
    pub id: SectionId,
    /// Title.
    pub title: Text,
    /// The items, in order.
    pub items: Vec<Item>,
}

/// A public page an item cites, with the sentence of that page that
/// supports the item.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The page's web address.
    pub url: String,
    /// The sentence of the page that supports the item, copied exactly, in
    /// the page's language. `None` for a source written as a plain address
    /// (a user's checklist written before quotes were asked for).
    pub quote: Option<String>,
}

impl Source {
    /// A source with its supporting quote.
    pub fn quoted(url: impl Into<String>, quote: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            quote: Some(quote.into()),
        }
    }
}

impl From<&str> for Source {
    /// A plain address, without a quote.
    fn from(url: &str) -> Self {
        Self {
            url: url.to_owned(),
            quote: None,
        }
    }
}

/// One measure to check.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable, unique id.
    pub id: ItemId,
    /// The measure, phrased as in place.
    pub title: Text,
    /// Why it matters and how to do it.
    pub guidance: Text,
    /// How much it matters.
    pub priority: Priority,
    /// Shown only to households with one of these tags; empty: everyone.
    pub applies_if: BTreeSet<Tag>,
    /// Public sources: the pages that say what the item says.
    pub sources: Vec<Source>,
    /// The day the advice was last checked against its sources. Always
    /// set in the built-in checklists; a user's own file may leave it out.
    pub verified: Option<NaiveDate>,
    /// The family members who act on this practice: it decides who gets
    /// which card in the family briefing. Empty for technical tasks of the
    /// household's owner.
    pub audience: BTreeSet<Role>,
    /// A key shared by the items of different checklists that express the
    /// same measure; they carry the same priority.
    pub measure: Option<String>,
}

impl Item {
    /// Whether the item applies to a household with this profile.
    /// `None` (no profile given) shows every item.
    #[must_use]
    pub fn applies_to(&self, profile: Option<&BTreeSet<Tag>>) -> bool {
        match profile {
            None => true,
            Some(tags) => self.applies_if.is_empty() || !self.applies_if.is_disjoint(tags),
        }
    }
}
