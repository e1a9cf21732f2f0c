//! The household's exposure inventory: for each source (and each member,
//! for the sources that concern each person) where it stands, a note, and
//! when to look again.
//!
//! Entries are a `Vec` (readable and editable by hand in RON), keyed by
//! source id and member. An entry whose source disappeared (a user file
//! removed) is kept and listed by [`Inventory::orphans`], never dropped.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ExposureSource, Scope, SourceId};

/// The version of the inventory file format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// The longest member name accepted, in characters.
pub const MAX_MEMBER_NAME: usize = 40;

/// Where a source stands for the household or a member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ExposureState {
    /// Not checked yet.
    #[default]
    Unknown,
    /// The information is public.
    Exposed,
    /// A request to mask or remove it was sent on that date.
    RequestSent(NaiveDate),
    /// Masked or removed.
    MaskedOrRemoved,
    /// Does not concern the household or this member.
    NotApplicable,
}

impl ExposureState {
    /// How much it needs attention, for ordering: exposed first, then a
    /// request under way, not checked, masked, not applicable.
    #[must_use]
    pub fn rank(self) -> u8 {
        match self {
            Self::Exposed => 0,
            Self::RequestSent(_) => 1,
            Self::Unknown => 2,
            Self::MaskedOrRemoved => 3,
            Self::NotApplicable => 4,
        }
    }
}

/// The household's answer for one source (and one member).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryEntry {
    /// The source.
    pub source: SourceId,
    /// The member, for a per-member source; `None` for the household.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// Where it stands.
    #[serde(default)]
    pub state: ExposureState,
    /// Free text: where it was seen, what was asked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When to look again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<NaiveDate>,
    /// When it was last looked at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<NaiveDate>,
}

impl InventoryEntry {
    fn new(source: &SourceId, member: Option<&str>) -> Self {
        Self {
            source: source.clone(),
            member: member.map(str::to_owned),
            state: ExposureState::Unknown,
            note: String::new(),
            recheck: None,
            checked: None,
        }
    }

    fn is_for(&self, source: &SourceId, member: Option<&str>) -> bool {
        &self.source == source && self.member.as_deref() == member
    }
}

/// One line of the inventory as shown: a source for the household or a
/// member, with the answer if there is one.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    /// The source.
    pub source: &'a ExposureSource,
    /// The member, for a per-member source.
    pub member: Option<&'a str>,
    /// The answer, if any.
    pub entry: Option<&'a InventoryEntry>,
}

impl Row<'_> {
    /// Where it stands (not checked when there is no answer).
    #[must_use]
    pub fn state(&self) -> ExposureState {
        self.entry.map_or(ExposureState::Unknown, |e| e.state)
    }

    /// The re-check date, if any.
    #[must_use]
    pub fn recheck(&self) -> Option<NaiveDate> {
        self.entry.and_then(|e| e.recheck)
    }
}

/// A re-check that is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due<'a> {
    /// The source.
    pub source: &'a ExposureSource,
    /// The member, for a per-member source.
    pub member: Option<&'a str>,
    /// The date it fell due.
    pub recheck: NaiveDate,
    /// Where it stood at the last check.
    pub state: ExposureState,
}

/// A member name refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MemberError {
    /// Empty (or only spaces).
    #[error("the name is empty")]
    Empty,
    /// Longer than [`MAX_MEMBER_NAME`] characters.
    #[error("the name is longer than {MAX_MEMBER_NAME} characters")]
    TooLong,
    /// Another member has it already (case ignored).
    #[error("{0} is already a member")]
    Taken(String),
    /// No member has this name.
    #[error("{0} is not a member")]
    Unknown(String),
}

/// A change that does not fit the sources or the members.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InventoryError {
    /// A per-member source was given no member, or a household source a
    /// member.
    #[error("source {0}: wrong scope for this member")]
    Scope(SourceId),
    /// The member is not in the inventory's list.
    #[error(transparent)]
    Member(#[from] MemberError),
}

/// The household's exposure inventory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inventory {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub format_version: u32,
    /// The members, by first name or nickname (never a surname), in the
    /// order they were added.
    #[serde(default)]
    pub members: Vec<String>,
    /// The answers.
    #[serde(default)]
    pub entries: Vec<InventoryEntry>,
}

impl Default for Inventory {
    fn default() -> Self {
        Self::new()
    }
}

impl Inventory {
    /// An empty inventory.
    #[must_use]
    pub fn new() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            members: Vec::new(),
            entries: Vec::new(),
        }
    }

    fn member_index(&self, name: &str) -> Option<usize> {
        let name = name.trim().to_lowercase();
        self.members.iter().position(|m| m.to_lowercase() == name)
    }

    fn checked_name(&self, name: &str, except: Option<usize>) -> Result<String, MemberError> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(MemberError::Empty);
        }
        if name.chars().count() > MAX_MEMBER_NAME {
            return Err(MemberError::TooLong);
        }
        match self.member_index(&name) {
            Some(i) if Some(i) != except => Err(MemberError::Taken(self.members[i].clone())),
            _ => Ok(name),
        }
    }

    /// Adds a member (a first name or nickname).
    pub fn add_member(&mut self, name: &str) -> Result<(), MemberError> {
        let name = self.checked_name(name, None)?;
        self.members.push(name);
        Ok(())
    }

    /// Renames a member, and their answers with them.
    pub fn rename_member(&mut self, old: &str, new: &str) -> Result<(), MemberError> {
        let index = self
            .member_index(old)
            .ok_or_else(|| MemberError::Unknown(old.to_owned()))?;
        let new = self.checked_name(new, Some(index))?;
        let previous = std::mem::replace(&mut self.members[index], new.clone());
        for entry in &mut self.entries {
            if entry.member.as_deref() == Some(previous.as_str()) {
                entry.member = Some(new.clone());
            }
        }
        Ok(())
    }

    /// Removes a member and their answers, which are returned (the caller
    /// asks first).
    pub fn remove_member(&mut self, name: &str) -> Result<Vec<InventoryEntry>, MemberError> {
        let index = self
            .member_index(name)
            .ok_or_else(|| MemberError::Unknown(name.to_owned()))?;
        let removed_name = self.members.remove(index);
        let (removed, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|e| e.member.as_deref() == Some(removed_name.as_str()));
        self.entries = kept;
        Ok(removed)
    }

    /// The answer for `source` and `member`, if any.
    #[must_use]
    pub fn entry(&self, source: &SourceId, member: Option<&str>) -> Option<&InventoryEntry> {
        self.entries.iter().find(|e| e.is_for(source, member))
    }

    /// Checks that `member` fits the source's scope and is a member; returns
    /// the member's name as listed.
    fn target(
        &self,
        source: &ExposureSource,
        member: Option<&str>,
    ) -> Result<Option<String>, InventoryError> {
        match (source.scope, member) {
            (Scope::Household, None) => Ok(None),
            (Scope::PerMember, Some(name)) => {
                let index = self
                    .member_index(name)
                    .ok_or_else(|| MemberError::Unknown(name.to_owned()))?;
                Ok(Some(self.members[index].clone()))
            }
            _ => Err(InventoryError::Scope(source.id.clone())),
        }
    }

    /// The answer for `source` and `member`, created if needed.
    fn entry_mut(
        &mut self,
        source: &ExposureSource,
        member: Option<&str>,
    ) -> Result<&mut InventoryEntry, InventoryError> {
        let member = self.target(source, member)?;
        let member = member.as_deref();
        let index = if let Some(index) = self.entries.iter().position(|e| e.is_for(&source.id, member)) {
            index
        } else {
            self.entries.push(InventoryEntry::new(&source.id, member));
            self.entries.len() - 1
        };
        Ok(&mut self.entries[index])
    }

    /// Sets where `source` stands for the household (`member` `None`) or a
    /// member, on `today`. When the state changes, the re-check date becomes
    /// `today` plus the source's re-check interval (none for "not
    /// checked"). Returns whether anything changed.
    pub fn set_state(
        &mut self,
        source: &ExposureSource,
        member: Option<&str>,
        state: ExposureState,
        today: NaiveDate,
    ) -> Result<bool, InventoryError> {
        let entry = self.entry_mut(source, member)?;
        if entry.state == state {
            return Ok(false);
        }
        entry.state = state;
        entry.checked = Some(today);
        entry.recheck = (state != ExposureState::Unknown).then(|| source.next_recheck(today));
        Ok(true)
    }

    /// Records that `source` was looked at again on `today`, its state
    /// unchanged: the next re-check is `today` plus the interval. Returns
    /// whether anything changed.
    pub fn mark_rechecked(
        &mut self,
        source: &ExposureSource,
        member: Option<&str>,
        today: NaiveDate,
    ) -> Result<bool, InventoryError> {
        let entry = self.entry_mut(source, member)?;
        let next = Some(source.next_recheck(today));
        let changed = entry.checked != Some(today) || entry.recheck != next;
        entry.checked = Some(today);
        entry.recheck = next;
        Ok(changed)
    }

    /// Sets the re-check date by hand (`None`: no re-check). Returns
    /// whether anything changed.
    pub fn set_recheck(
        &mut self,
        source: &ExposureSource,
        member: Option<&str>,
        recheck: Option<NaiveDate>,
    ) -> Result<bool, InventoryError> {
        let entry = self.entry_mut(source, member)?;
        let changed = entry.recheck != recheck;
        entry.recheck = recheck;
        Ok(changed)
    }

    /// Sets the note. Returns whether anything changed.
    pub fn set_note(
        &mut self,
        source: &ExposureSource,
        member: Option<&str>,
        note: &str,
    ) -> Result<bool, InventoryError> {
        let entry = self.entry_mut(source, member)?;
        let changed = entry.note != note;
        note.clone_into(&mut entry.note);
        Ok(changed)
    }

    /// Every line of the inventory, in the order of `sources`: a household
    /// source once, a per-member source once per member.
    #[must_use]
    pub fn rows<'a>(&'a self, sources: &'a [ExposureSource]) -> Vec<Row<'a>> {
        let mut rows = Vec::new();
        for source in sources {
            match source.scope {
                Scope::Household => rows.push(Row {
                    source,
                    member: None,
                    entry: self.entry(&source.id, None),
                }),
                Scope::PerMember => rows.extend(self.members.iter().map(|m| Row {
                    source,
                    member: Some(m.as_str()),
                    entry: self.entry(&source.id, Some(m)),
                })),
            }
        }
        rows
    }

    /// The answers that match no line: their source is no longer loaded,
    /// or their member or scope no longer fits. Kept, never dropped.
    #[must_use]
    pub fn orphans(&self, sources: &[ExposureSource]) -> Vec<&InventoryEntry> {
        self.entries
            .iter()
            .filter(|e| {
                let Some(source) = sources.iter().find(|s| s.id == e.source) else {
                    return true;
                };
                match (source.scope, e.member.as_deref()) {
                    (Scope::Household, None) => false,
                    (Scope::PerMember, Some(m)) => !self.members.iter().any(|x| x == m),
                    _ => true,
                }
            })
            .collect()
    }

    /// The re-checks due on `today` (their date is today or past), the
    /// oldest first, for the home screen.
    #[must_use]
    pub fn due_rechecks<'a>(&'a self, sources: &'a [ExposureSource], today: NaiveDate) -> Vec<Due<'a>> {
        let mut due: Vec<Due<'a>> = self
            .rows(sources)
            .into_iter()
            .filter_map(|row| {
                let recheck = row.recheck().filter(|d| *d <= today)?;
                Some(Due {
                    source: row.source,
                    member: row.member,
                    recheck,
                    state: row.state(),
                })
            })
            .collect();
        // Stable: among equal dates, the order of the sources.
        due.sort_by_key(|d| d.recheck);
        due
    }

    /// The next re-check date still to come after `today`, if any.
    #[must_use]
    pub fn next_recheck(&self, sources: &[ExposureSource], today: NaiveDate) -> Option<NaiveDate> {
        self.rows(sources)
            .iter()
            .filter_map(Row::recheck)
            .filter(|d| *d > today)
            .min()
    }

    /// How many lines were never checked.
    #[must_use]
    pub fn unchecked_count(&self, sources: &[ExposureSource]) -> usize {
        self.rows(sources)
            .iter()
            .filter(|r| r.state() == ExposureState::Unknown)
            .count()
    }
}
