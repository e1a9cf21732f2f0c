//! Dates typed by hand: `JJ/MM/AAAA` (French) or `YYYY-MM-DD` (ISO), both
//! accepted in either language since their separators tell them apart.

use chrono::NaiveDate;

/// Why a typed date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Nothing was typed where a date is needed.
    #[error("no date given")]
    Missing,
    /// The text is not a date in either form.
    #[error("not a date")]
    Invalid,
    /// The text has the form of a date, but that day does not exist
    /// (`31/02/2026`).
    #[error("no such day")]
    NoSuchDay,
}

/// Parses `31/12/2026` or `2026-12-31`, surrounding spaces ignored.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Missing);
    }
    let numbers: Vec<&str> = text.split(['/', '-']).collect();
    let shape = match numbers.as_slice() {
        [d, m, y] if text.contains('/') && !text.contains('-') => Some((*y, *m, *d)),
        [y, m, d] if text.contains('-') && !text.contains('/') => Some((*y, *m, *d)),
        _ => None,
    };
    let Some((y, m, d)) = shape else {
        return Err(DateError::Invalid);
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return Err(DateError::Invalid);
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(DateError::Invalid);
    };
    if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateError::Invalid);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay)
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
        assert_eq!(parse_date("31/02/2026"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2026-02-31"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("2026-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(
            parse_date("29/02/2028").map(|d| d.to_string()),
            Ok("2028-02-29".to_owned())
        );
        assert_eq!(parse_date("12/31/2026"), Err(DateError::Invalid), "no 31st month");
        assert_eq!(
            parse_date("2026-11"),
            Err(DateError::Invalid),
            "a prefix is not a date"
        );
        assert_eq!(parse_date("2026-11-1x"), Err(DateError::Invalid));
        assert_eq!(parse_date("demain"), Err(DateError::Invalid));
        assert_eq!(
            parse_date("1/1/2026").map(|d| d.to_string()),
            Ok("2026-01-01".to_owned())
        );
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(parse_optional_date("1/1/20"), Err(DateError::Invalid));
    }
}
