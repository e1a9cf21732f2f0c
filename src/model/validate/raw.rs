//! The exact shape of a checklist file, as people write it: what RON is
//! parsed into before every rule is checked.

use serde::Deserialize;

use crate::model::checklist::{Journey, Priority, Tag, Text};
use crate::model::family::Role;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecklist {
    pub(super) id: String,
    pub(super) version: u32,
    pub(super) title: Text,
    pub(super) summary: Text,
    pub(super) journeys: Vec<Journey>,
    pub(super) sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) id: String,
    pub(super) title: Text,
    pub(super) items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: String,
    pub(super) title: Text,
    pub(super) guidance: Text,
    pub(super) priority: Priority,
    #[serde(default)]
    pub(super) applies_if: Vec<Tag>,
    #[serde(default)]
    pub(super) sources: Vec<RawSource>,
    // `verified` and `measure` are plain strings (empty when absent) rather
    // than `Option`s, so that a file reads the same whether or not RON's
    // implicit `Some` is turned on.
    #[serde(default)]
    pub(super) verified: String,
    #[serde(default)]
    pub(super) audience: Vec<Role>,
    #[serde(default)]
    pub(super) measure: String,
}

/// A source as written: `(url: "…", quote: "…")`, or a plain address (the
/// form of files written before quotes were asked for, still read).
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawSource {
    /// `(url: "…", quote: "…")`.
    Quoted(RawQuotedSource),
    /// `"https://…"`.
    Plain(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuotedSource {
    pub(super) url: String,
    #[serde(default)]
    pub(super) quote: String,
}

impl RawSource {
    /// The address.
    pub(super) fn url(&self) -> &str {
        match self {
            Self::Quoted(q) => &q.url,
            Self::Plain(url) => url,
        }
    }

    /// The supporting quote, trimmed; `None` when absent or blank.
    pub(super) fn quote(&self) -> Option<&str> {
        match self {
            Self::Quoted(q) => Some(q.quote.trim()).filter(|q| !q.is_empty()),
            Self::Plain(_) => None,
        }
    }
}
