//! Dates typed by hand: `JJ/MM/AAAA` (French) or `YYYY-MM-DD` (ISO), both
//! accepted in either language since their separators tell them apart.

use chrono::NaiveDate;

/// Why a typed date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Nothing was typed where a date is needed.
    #[error("no date given")]
    Missing,
    /// The text is not a date in either form, or not a real day.
    #[error("not a date")]
    Invalid,
}

/// Parses `31/12/2026` or `2026-12-31`, surrounding spaces ignored.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Missing);
    }
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
        .filter(|d| (1900..=9999).contains(&chrono::Datelike::year(d)))
        .ok_or(DateError::Invalid)
}

/// Parses an optional date: empty text is `None`.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, DateError> {
    match parse_date(text) {
        Ok(date) => Ok(Some(date)),
        Err(DateError::Missing) => Ok(None),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_are_read() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(parse_date("31/12/2026"), Ok(d));
        assert_eq!(parse_date(" 2026-12-31 "), Ok(d));
    }

    #[test]
    fn wrong_dates_are_refused() {
        assert_eq!(parse_date(""), Err(DateError::Missing));
        assert_eq!(parse_date("31/02/2026"), Err(DateError::Invalid));
        assert_eq!(parse_date("12/31/2026"), Err(DateError::Invalid));
        assert_eq!(parse_date("demain"), Err(DateError::Invalid));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(parse_optional_date("1/1/20"), Err(DateError::Invalid));
    }
}
