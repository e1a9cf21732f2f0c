//! The référent's visit: its header (who, where, when) and the sign-off
//! that closes it.
//!
//! The address is optional and marked sensitive: it is the one field that
//! turns a list of weaknesses into a target, so the interface says so and
//! the report may leave it out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who visits whom, where and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// The référent sûreté's name.
    pub referent_name: String,
    /// The référent's unit (brigade, commissariat, groupement).
    #[serde(default)]
    pub referent_unit: String,
    /// The household visited (a family name, "M. et Mme D.").
    pub household: String,
    /// The day of the visit.
    pub date: NaiveDate,
    /// The place (a town, "main home").
    #[serde(default)]
    pub place: String,
    /// The people present, one per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    /// The address: optional and sensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The acknowledgement typed at the end of a visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    /// The référent's name, as typed.
    pub referent_name: String,
    /// The name of the household member who acknowledges, as typed.
    pub household_name: String,
    /// The day of the sign-off.
    pub date: NaiveDate,
}

/// Splits the "people present" text, one person per line or comma, into a
/// list without blanks.
#[must_use]
pub fn split_people(text: &str) -> Vec<String> {
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_split_by_line_or_comma() {
        assert_eq!(
            split_people("Mme D.\n  M. D., Léa ;\n\n"),
            vec!["Mme D.".to_owned(), "M. D.".to_owned(), "Léa".to_owned()]
        );
        assert!(split_people("  \n").is_empty());
    }
}
