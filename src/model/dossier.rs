//! A dossier: one household's (or one visit's) answers to a set of
//! checklists.
//!
//! Answers are keyed by item id, never by position or text: when a checklist
//! changes, answers are kept, and an answer whose item disappeared is kept
//! too (see [`Dossier::orphan_answers`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::changes::Baseline;
use super::checklist::{Checklist, ChecklistId, Item, ItemId, Journey, Tag};
use super::family::{Member, MemberId};
use super::forms::Drafts;
use super::photos::PhotoRef;
use super::visit::{EarlierSignOff, SignOff, Visit};

/// The version of the dossier file format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// A dossier's id: the stem of its file name (`2026-11-22-161502-a3f1`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DossierId(pub String);

impl DossierId {
    /// The id as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` is a well-formed dossier id (safe as a file name).
    #[must_use]
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 80
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    }
}

impl fmt::Display for DossierId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Not looked at yet.
    #[default]
    Unanswered,
    /// The measure is in place.
    Done,
    /// The measure is partly in place.
    Partly,
    /// The measure is not in place yet.
    Todo,
    /// The measure does not apply to this household.
    NotApplicable,
}

impl Status {
    /// The statuses a user can choose, in the order of the buttons and of
    /// the keyboard shortcuts 1 to 5.
    pub const CHOICES: [Self; 5] = [
        Self::Done,
        Self::Partly,
        Self::Todo,
        Self::NotApplicable,
        Self::Unanswered,
    ];

    /// Whether the item still needs work (to do, partly, or not looked at).
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(self, Self::Unanswered | Self::Todo | Self::Partly)
    }

    /// The share of the item's weight earned in the score.
    #[must_use]
    pub fn credit(self) -> f64 {
        match self {
            Self::Done => 1.0,
            Self::Partly => 0.5,
            Self::Todo | Self::Unanswered | Self::NotApplicable => 0.0,
        }
    }
}

/// The answer to one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Where the item stands.
    #[serde(default)]
    pub status: Status,
    /// Free text: what was seen, what was decided.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the status or note last changed.
    pub changed: DateTime<Utc>,
    /// What the référent recommends (referent visits).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    /// Who takes the item in hand (a first name, a role).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When the item should be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

impl Answer {
    /// An empty answer, changed at `now`.
    #[must_use]
    pub fn empty(now: DateTime<Utc>) -> Self {
        Self {
            status: Status::Unanswered,
            note: String::new(),
            changed: now,
            recommendation: String::new(),
            owner: String::new(),
            due: None,
        }
    }

    /// Whether the answer holds nothing worth keeping.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.status == Status::Unanswered
            && self.note.is_empty()
            && self.recommendation.is_empty()
            && self.owner.is_empty()
            && self.due.is_none()
    }
}

/// A new random dossier identity: 128 bits from the operating system,
/// in hexadecimal.
#[must_use]
pub fn new_uid() -> String {
    let mut bytes = [0_u8; 16];
    if getrandom::getrandom(&mut bytes).is_err() {
        // No random source: two photo ids (each random or, failing that,
        // unique to this process and time).
        return format!("{}{}", super::PhotoId::random(), super::PhotoId::random());
    }
    super::photos::hex(&bytes)
}

/// Whether a title holds a character that no title typed in Vigie has:
/// a control character (escape sequences, line breaks) or a
/// bidirectional override, which can disguise text on a terminal or a
/// screen. Files from someone else with such a title are refused.
#[must_use]
pub fn title_is_unsafe(title: &str) -> bool {
    title
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

/// A title as typed, made safe: surrounding spaces trimmed, control
/// characters and bidirectional overrides (pasted text can hold them)
/// left out.
#[must_use]
pub fn clean_title(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !title_is_unsafe(c.encode_utf8(&mut [0; 4])))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// One household's answers to a set of checklists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// The title the user gave.
    pub title: String,
    /// The journey the dossier follows.
    pub journey: Journey,
    /// The checklists it covers, in order.
    pub checklists: Vec<ChecklistId>,
    /// The household's profile tags; `None` shows every item.
    #[serde(default)]
    pub profile: Option<BTreeSet<Tag>>,
    /// The answers, by item id.
    #[serde(default)]
    pub answers: BTreeMap<ItemId, Answer>,
    /// When the dossier was created.
    pub created: DateTime<Utc>,
    /// A random identity (128 bits) given when the dossier is made and kept
    /// through handovers: what "the same dossier again" means on import.
    /// A copy or a review gets a new one. Files from before it have none,
    /// and are never taken for the same dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// When anything in it last changed.
    pub modified: DateTime<Utc>,
    /// The visit header (referent visits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<Visit>,
    /// The sign-off at the end of a referent visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signoff: Option<SignOff>,
    /// The sign-offs that a later one replaced, oldest first, each with
    /// the record it signed: a visit signed again keeps who signed before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_signoffs: Vec<EarlierSignOff>,
    /// When the dossier should next be reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_due: Option<NaiveDate>,
    /// The family members (family briefings), in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// Which members read and agreed each card, by item id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub acknowledgements: BTreeMap<ItemId, BTreeSet<MemberId>>,
    /// The previous dossier this one reviews, as it stood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Forms being typed (visit header, sign-off, a new member), saved with
    /// the dossier until they are complete.
    #[serde(default, skip_serializing_if = "Drafts::is_empty")]
    pub drafts: Drafts,
    /// Where the step-by-step visit stopped: the item shown last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_position: Option<ItemId>,
    /// The photos of each item, in the order they were added; the files
    /// are in the dossier's photo folder (see [`crate::store::PhotoOwner`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub photos: BTreeMap<ItemId, Vec<PhotoRef>>,
}

impl Dossier {
    /// A new, empty dossier.
    #[must_use]
    pub fn new(
        title: impl Into<String>,
        journey: Journey,
        checklists: Vec<ChecklistId>,
        profile: Option<BTreeSet<Tag>>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: title.into(),
            journey,
            checklists,
            profile,
            answers: BTreeMap::new(),
            created: now,
            uid: Some(new_uid()),
            modified: now,
            visit: None,
            signoff: None,
            earlier_signoffs: Vec::new(),
            review_due: None,
            members: Vec::new(),
            acknowledgements: BTreeMap::new(),
            baseline: None,
            drafts: Drafts::default(),
            visit_position: None,
            photos: BTreeMap::new(),
        }
    }

    /// The answer to an item, if it has one.
    #[must_use]
    pub fn answer(&self, item: &ItemId) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// Changes an item's answer with `change`, which returns whether
    /// anything changed; records the time and drops an emptied answer.
    pub fn edit_answer(
        &mut self,
        item: &ItemId,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Answer) -> bool,
    ) -> bool {
        let answer = self
            .answers
            .entry(item.clone())
            .or_insert_with(|| Answer::empty(now));
        let changed = change(answer);
        if changed {
            answer.changed = now;
            self.modified = now;
        }
        self.prune(item);
        changed
    }

    /// Sets an item's recommendation. Returns whether anything changed.
    pub fn set_recommendation(&mut self, item: &ItemId, text: &str, now: DateTime<Utc>) -> bool {
        self.edit_answer(item, now, |a| replace(&mut a.recommendation, text))
    }

    /// Sets who takes an item in hand. Returns whether anything changed.
    pub fn set_owner(&mut self, item: &ItemId, owner: &str, now: DateTime<Utc>) -> bool {
        self.edit_answer(item, now, |a| replace(&mut a.owner, owner))
    }

    /// Sets an item's due date. Returns whether anything changed.
    pub fn set_due(&mut self, item: &ItemId, due: Option<NaiveDate>, now: DateTime<Utc>) -> bool {
        self.edit_answer(item, now, |a| {
            let changed = a.due != due;
            a.due = due;
            changed
        })
    }

    /// The status of an item (unanswered when it has no answer).
    #[must_use]
    pub fn status(&self, item: &ItemId) -> Status {
        self.answers.get(item).map_or(Status::Unanswered, |a| a.status)
    }

    /// The note on an item (empty when none).
    #[must_use]
    pub fn note(&self, item: &ItemId) -> &str {
        self.answers.get(item).map_or("", |a| a.note.as_str())
    }

    /// Sets an item's status. Returns whether anything changed.
    pub fn set_status(&mut self, item: &ItemId, status: Status, now: DateTime<Utc>) -> bool {
        self.edit_answer(item, now, |a| {
            let changed = a.status != status;
            a.status = status;
            changed
        })
    }

    /// Sets an item's note. Returns whether anything changed.
    pub fn set_note(&mut self, item: &ItemId, note: &str, now: DateTime<Utc>) -> bool {
        self.edit_answer(item, now, |a| replace(&mut a.note, note))
    }

    /// Drops an answer that holds nothing.
    fn prune(&mut self, item: &ItemId) {
        if self.answers.get(item).is_some_and(Answer::is_empty) {
            self.answers.remove(item);
        }
    }

    /// The checklists of the dossier that are loaded, in the dossier's order.
    pub fn loaded_checklists<'a>(
        &'a self,
        library: &'a [Checklist],
    ) -> impl Iterator<Item = &'a Checklist> + 'a {
        self.checklists
            .iter()
            .filter_map(|id| library.iter().find(|c| &c.id == id))
    }

    /// The checklist ids of the dossier that are not loaded (removed from
    /// the user's folder, or failing to load).
    #[must_use]
    pub fn missing_checklists(&self, library: &[Checklist]) -> Vec<ChecklistId> {
        self.checklists
            .iter()
            .filter(|id| !library.iter().any(|c| &c.id == *id))
            .cloned()
            .collect()
    }

    /// Whether the item is shown for this dossier's household profile.
    #[must_use]
    pub fn applies(&self, item: &Item) -> bool {
        item.applies_to(self.profile.as_ref())
    }

    /// Answers whose item is in none of the dossier's loaded checklists. They
    /// are kept in the file and shown as such, never dropped.
    #[must_use]
    pub fn orphan_answers<'a>(&'a self, library: &[Checklist]) -> Vec<(&'a ItemId, &'a Answer)> {
        let known: BTreeSet<&ItemId> = self
            .loaded_checklists(library)
            .flat_map(Checklist::items)
            .map(|item| &item.id)
            .collect();
        self.answers
            .iter()
            .filter(|(id, _)| !known.contains(id))
            .collect()
    }
}

/// Replaces `slot` with `text`; returns whether it differed.
fn replace(slot: &mut String, text: &str) -> bool {
    if slot == text {
        return false;
    }
    text.clone_into(slot);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn setting_status_and_note_records_the_change() {
        let mut d = Dossier::new("Maison", Journey::Personal, vec!["a".into()], None, now());
        let id = ItemId::from("perimeter.lighting");
        assert_eq!(d.status(&id), Status::Unanswered);
        let later = now() + chrono::Duration::minutes(5);
        assert!(d.set_status(&id, Status::Partly, later));
        assert!(!d.set_status(&id, Status::Partly, later));
        assert!(d.set_note(&id, "Côté jardin", later));
        assert_eq!(d.note(&id), "Côté jardin");
        assert_eq!(d.answers[&id].changed, later);
        assert_eq!(d.modified, later);
    }

    #[test]
    fn an_empty_answer_is_not_kept() {
        let mut d = Dossier::new("Maison", Journey::Personal, vec![], None, now());
        let id = ItemId::from("x.y");
        d.set_status(&id, Status::Done, now());
        d.set_status(&id, Status::Unanswered, now());
        assert!(d.answers.is_empty());
    }

    #[test]
    fn owner_due_and_recommendation_are_kept_alone() {
        let mut d = Dossier::new("Maison", Journey::Referent, vec![], None, now());
        let id = ItemId::from("x.y");
        let due = NaiveDate::from_ymd_opt(2026, 12, 1);
        assert!(d.set_owner(&id, "Paul", now()));
        assert!(d.set_due(&id, due, now()));
        assert!(d.set_recommendation(&id, "Poser un judas", now()));
        assert_eq!(d.answers[&id].status, Status::Unanswered, "kept without a status");
        assert!(!d.set_due(&id, due, now()));
        d.set_owner(&id, "", now());
        d.set_due(&id, None, now());
        d.set_recommendation(&id, "", now());
        assert!(d.answers.is_empty());
    }

    #[test]
    fn a_file_without_the_journey_fields_still_loads() {
        let text = r#"(format_version: 1, title: "Ancien", journey: Personal, checklists: ["a"],
            answers: {"x.y": (status: Done, changed: "2026-11-01T09:00:00Z")},
            created: "2026-11-01T09:00:00Z", modified: "2026-11-01T09:00:00Z")"#;
        let d: Dossier = ron::from_str(text).unwrap();
        assert!(d.visit.is_none() && d.members.is_empty() && d.baseline.is_none());
        assert_eq!(d.answers[&ItemId::from("x.y")].owner, "");
        // And what this build writes for it carries none of them.
        let written = ron::to_string(&d).unwrap();
        assert!(
            !written.contains("members") && !written.contains("owner"),
            "{written}"
        );
    }

    #[test]
    fn open_statuses() {
        assert!(Status::Todo.is_open());
        assert!(Status::Partly.is_open());
        assert!(Status::Unanswered.is_open());
        assert!(!Status::Done.is_open());
        assert!(!Status::NotApplicable.is_open());
    }

    #[test]
    fn dossier_ids_are_safe_file_names() {
        assert!(DossierId::is_valid("2026-11-22-101500-ab12"));
        assert!(!DossierId::is_valid("../etc/passwd"));
        assert!(!DossierId::is_valid(""));
    }
}
