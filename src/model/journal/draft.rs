//! The entry being typed ([`EntryDraft`]): kept in the journal itself and
//! saved with it, so that leaving the screen, locking the app or a crash
//! loses nothing of what was typed.
//!
//! Dates and times follow the rule of the other forms: a date is taken when
//! its field is left or on Enter, never while it is typed; until then (and
//! while it is wrong) the text stays in the draft as typed, with why.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Entry, EntryId, EntryProblem, EventKind};
use crate::model::dates::{DateError, parse_date};
use crate::model::{PhotoId, PhotoRef};

/// Why a time of day typed was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// Nothing was typed.
    #[error("no time given")]
    Missing,
    /// Not a time of day (`14:30`, `14h30`, `14 h`).
    #[error("not a time of day")]
    Invalid,
}

/// Parses a time of day: `14:30`, `9:05`, `14h30`, `14 h 30`, `14h` (spaces
/// ignored).
pub fn parse_time(text: &str) -> Result<NaiveTime, TimeError> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Err(TimeError::Missing);
    }
    let lower = text.to_lowercase();
    let (hours, minutes) = lower
        .split_once(':')
        .or_else(|| lower.split_once('h'))
        .ok_or(TimeError::Invalid)?;
    let number = |s: &str, max: u32, empty_ok: bool| -> Result<u32, TimeError> {
        if s.is_empty() && empty_ok {
            return Ok(0);
        }
        if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TimeError::Invalid);
        }
        s.parse::<u32>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or(TimeError::Invalid)
    };
    let with_h = !lower.contains(':');
    let h = number(hours, 23, false)?;
    // "14h" is 14:00; "14:" is not a time.
    if !with_h && minutes.len() != 2 {
        return Err(TimeError::Invalid);
    }
    let m = number(minutes, 59, with_h)?;
    NaiveTime::from_hms_opt(h, m, 0).ok_or(TimeError::Invalid)
}

/// Something that keeps a draft from becoming an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftProblem {
    /// The entry itself is incomplete.
    #[error(transparent)]
    Entry(#[from] EntryProblem),
    /// The day typed is not a date.
    #[error("the day: {0}")]
    Day(DateError),
    /// The time typed is not a time of day.
    #[error("the time: {0}")]
    Time(TimeError),
    /// The date typed for report `index` (from 0) is not a date.
    #[error("the date of report {0}: {1}")]
    ReportDay(usize, DateError),
    /// The event is dated after now.
    #[error("the event is dated in the future")]
    InFuture,
}

/// An entry being typed, new or changed, as the form shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    /// The entry as typed so far. Its id is [`EntryId::UNSAVED`] for a new
    /// entry, or the id of the entry being changed.
    pub entry: Entry,
    /// The day it happened, as typed, until taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
    /// The time it happened, as typed, until taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The date of a report as typed, until taken, by the report's index.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub report_days: BTreeMap<usize, String>,
}

impl EntryDraft {
    /// A new entry of `kind` that happened at `when`, written at `now`.
    #[must_use]
    pub fn new(kind: EventKind, when: NaiveDateTime, now: chrono::DateTime<chrono::Utc>) -> Self {
        Self::of(Entry::draft(kind, when, now))
    }

    /// The draft of an amendment to `entry`: its facts as they stand,
    /// without its seals and history (the journal keeps those).
    #[must_use]
    pub fn amending(entry: &Entry) -> Self {
        let mut current = entry.current().into_owned();
        current.seal = None;
        current.amendments.clear();
        current.withdrawn = None;
        Self::of(current)
    }

    /// The draft of `entry` as it is.
    #[must_use]
    pub fn of(entry: Entry) -> Self {
        Self {
            entry,
            day: None,
            time: None,
            report_days: BTreeMap::new(),
        }
    }

    /// Whether the draft is a new entry (not a change to one in the
    /// journal).
    #[must_use]
    pub fn is_new(&self) -> bool {
        self.entry.id.as_str() == EntryId::UNSAVED
    }

    /// Whether nothing was written in it yet (only its kind and time).
    #[must_use]
    pub fn is_blank(&self) -> bool {
        let e = &self.entry;
        self.is_new()
            && e.place.trim().is_empty()
            && e.what.trim().is_empty()
            && e.people.is_empty()
            && e.vehicles.is_empty()
            && e.contacts.is_empty()
            && e.witnesses.trim().is_empty()
            && e.reports.is_empty()
            && e.photos.is_empty()
            && self.day.is_none()
            && self.time.is_none()
    }

    /// Sets the caption of photo `id`; returns whether it changed.
    pub fn set_photo_caption(&mut self, id: &PhotoId, caption: &str) -> bool {
        match self.entry.photos.iter_mut().find(|p| &p.id == id) {
            Some(photo) if photo.caption != caption => {
                caption.clone_into(&mut photo.caption);
                true
            }
            _ => false,
        }
    }

    /// Takes photo `id` out of the entry: its place and itself (its files
    /// stay until the journal no longer refers to them).
    pub fn remove_photo(&mut self, id: &PhotoId) -> Option<(usize, PhotoRef)> {
        let index = self.entry.photos.iter().position(|p| &p.id == id)?;
        Some((index, self.entry.photos.remove(index)))
    }

    /// Puts a photo back at `index` (at the end when the list is shorter);
    /// nothing when the entry already has it.
    pub fn put_back_photo(&mut self, index: usize, photo: PhotoRef) -> bool {
        if self.entry.photos.iter().any(|p| p.id == photo.id) {
            return false;
        }
        let index = index.min(self.entry.photos.len());
        self.entry.photos.insert(index, photo);
        true
    }

    /// Removes report `index`, and the date typed for it.
    pub fn remove_report(&mut self, index: usize) {
        if index >= self.entry.reports.len() {
            return;
        }
        self.entry.reports.remove(index);
        self.report_days = std::mem::take(&mut self.report_days)
            .into_iter()
            .filter(|(i, _)| *i != index)
            .map(|(i, text)| (if i > index { i - 1 } else { i }, text))
            .collect();
    }

    /// The entry with every date and time typed taken, or what keeps it
    /// from being one; `now` is the local wall time (an event cannot be
    /// dated after it).
    pub fn to_entry(&self, now: NaiveDateTime) -> Result<Entry, Vec<DraftProblem>> {
        let mut entry = self.entry.clone();
        let mut problems = Vec::new();
        let mut day = entry.when.date();
        let mut time = entry.when.time();
        if let Some(text) = &self.day {
            match parse_date(text) {
                Ok(d) => day = d,
                Err(err) => problems.push(DraftProblem::Day(err)),
            }
        }
        if let Some(text) = &self.time {
            match parse_time(text) {
                Ok(t) => time = t,
                Err(err) => problems.push(DraftProblem::Time(err)),
            }
        }
        entry.when = NaiveDateTime::new(day, time);
        if entry.when > now {
            problems.push(DraftProblem::InFuture);
        }
        for (&index, text) in &self.report_days {
            let Some(report) = entry.reports.get_mut(index) else {
                continue;
            };
            match parse_date(text) {
                Ok(date) => report.date = date,
                Err(err) => problems.push(DraftProblem::ReportDay(index, err)),
            }
        }
        problems.extend(entry.problems().into_iter().map(DraftProblem::Entry));
        if problems.is_empty() {
            Ok(entry)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::journal::{Reported, ReportedTo};

    fn time(h: u32, m: u32) -> Result<NaiveTime, TimeError> {
        NaiveTime::from_hms_opt(h, m, 0).ok_or(TimeError::Invalid)
    }

    #[test]
    fn times_are_read_in_the_usual_forms() {
        assert_eq!(parse_time("14:30"), time(14, 30));
        assert_eq!(parse_time(" 9:05 "), time(9, 5));
        assert_eq!(parse_time("14h30"), time(14, 30));
        assert_eq!(parse_time("14 h 30"), time(14, 30));
        assert_eq!(parse_time("14H"), time(14, 0));
        assert_eq!(parse_time(""), Err(TimeError::Missing));
        assert_eq!(parse_time("24:00"), Err(TimeError::Invalid));
        assert_eq!(parse_time("14:5"), Err(TimeError::Invalid));
        assert_eq!(parse_time("14:"), Err(TimeError::Invalid));
        assert_eq!(parse_time("midi"), Err(TimeError::Invalid));
        assert_eq!(parse_time("1430"), Err(TimeError::Invalid));
    }

    fn far_future() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2100, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("a time")
    }

    #[test]
    fn an_event_after_now_is_refused() {
        let mut d = draft();
        d.entry.what = "Une voiture.".to_owned();
        let before = NaiveDate::from_ymd_opt(2026, 11, 12)
            .and_then(|d| d.and_hms_opt(21, 39, 0))
            .expect("a time");
        assert_eq!(d.to_entry(before), Err(vec![DraftProblem::InFuture]));
        assert!(d.to_entry(before + chrono::Duration::minutes(1)).is_ok());
    }

    fn draft() -> EntryDraft {
        let when = NaiveDate::from_ymd_opt(2026, 11, 12)
            .and_then(|d| d.and_hms_opt(21, 40, 0))
            .expect("a time");
        EntryDraft::new(EventKind::Vehicle, when, chrono::Utc::now())
    }

    #[test]
    fn typed_dates_are_taken_or_refused_with_why() {
        let mut d = draft();
        assert!(d.is_blank());
        assert_eq!(
            d.to_entry(far_future()),
            Err(vec![DraftProblem::Entry(EntryProblem::NothingWritten)])
        );
        d.entry.what = "Une voiture grise arrêtée devant le portail.".to_owned();
        d.day = Some("13/11/2026".to_owned());
        d.time = Some("7h15".to_owned());
        let entry = d.to_entry(far_future()).expect("complete");
        assert_eq!(entry.when.to_string(), "2026-11-13 07:15:00");
        d.day = Some("31/11/2026".to_owned());
        d.time = Some("7h75".to_owned());
        assert_eq!(
            d.to_entry(far_future()),
            Err(vec![
                DraftProblem::Day(DateError::NoSuchDay),
                DraftProblem::Time(TimeError::Invalid)
            ])
        );
    }

    #[test]
    fn removing_a_report_keeps_the_dates_typed_for_the_others() {
        let mut d = draft();
        let day = NaiveDate::from_ymd_opt(2026, 11, 12).expect("a day");
        for to in [ReportedTo::Police17, ReportedTo::Pharos, ReportedTo::Cyber17] {
            d.entry.reports.push(Reported {
                to,
                date: day,
                reference: String::new(),
            });
        }
        d.report_days.insert(0, "1/1/2026".to_owned());
        d.report_days.insert(2, "faux".to_owned());
        d.remove_report(1);
        assert_eq!(d.entry.reports.len(), 2);
        assert_eq!(d.report_days.get(&1).map(String::as_str), Some("faux"));
        assert_eq!(d.report_days.get(&0).map(String::as_str), Some("1/1/2026"));
        assert!(!d.is_blank());
    }
}
