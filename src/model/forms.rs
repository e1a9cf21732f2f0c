//! Forms whose text only becomes part of the dossier once it is complete:
//! the référent's visit header, the sign-off and a family member being
//! added. What is typed is kept as a draft in the dossier itself
//! ([`Drafts`]), so that it is autosaved like everything else and never
//! lost, and kept apart from the validated values until it is complete.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{DateError, parse_date};
use super::family::Role;
use super::visit::{SignOff, Visit, split_people};

/// What keeps a form from being saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormProblem {
    /// The référent's name is missing.
    ReferentName,
    /// The household is missing.
    Household,
    /// A name of the sign-off is missing.
    Names,
    /// A member's first name is missing.
    MemberName,
    /// The date is missing or wrong.
    Date(DateError),
    /// The sign-off is dated before the visit.
    SignedBeforeVisit,
    /// The sign-off is dated after today.
    SignedInFuture,
}

/// The visit header as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitForm {
    /// The référent's name.
    pub referent_name: String,
    /// The référent's unit.
    pub referent_unit: String,
    /// The household.
    pub household: String,
    /// The date as typed.
    pub date: String,
    /// The place.
    pub place: String,
    /// The people present, one per line.
    pub present: String,
    /// The address (optional, sensitive).
    pub address: String,
}

impl VisitForm {
    /// The form showing `visit`, or an empty one dated `today`; dates are
    /// written with `date_format`.
    #[must_use]
    pub fn of(visit: Option<&Visit>, today: NaiveDate, date_format: &str) -> Self {
        let Some(v) = visit else {
            return Self {
                date: today.format(date_format).to_string(),
                ..Self::default()
            };
        };
        Self {
            referent_name: v.referent_name.clone(),
            referent_unit: v.referent_unit.clone(),
            household: v.household.clone(),
            date: v.date.format(date_format).to_string(),
            place: v.place.clone(),
            present: v.present.join("\n"),
            address: v.address.clone().unwrap_or_default(),
        }
    }

    /// The visit, or every problem in the form.
    pub fn to_visit(&self) -> Result<Visit, Vec<FormProblem>> {
        let mut problems = Vec::new();
        if self.referent_name.trim().is_empty() {
            problems.push(FormProblem::ReferentName);
        }
        if self.household.trim().is_empty() {
            problems.push(FormProblem::Household);
        }
        let date = parse_date(&self.date).map_err(|e| problems.push(FormProblem::Date(e)));
        match date {
            Ok(date) if problems.is_empty() => Ok(Visit {
                referent_name: self.referent_name.trim().to_owned(),
                referent_unit: self.referent_unit.trim().to_owned(),
                household: self.household.trim().to_owned(),
                date,
                place: self.place.trim().to_owned(),
                present: split_people(&self.present),
                address: Some(self.address.trim().to_owned()).filter(|a| !a.is_empty()),
            }),
            _ => Err(problems),
        }
    }
}

/// The sign-off as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOffForm {
    /// The référent's name.
    pub referent_name: String,
    /// The household member's name.
    pub household_name: String,
    /// The date as typed.
    pub date: String,
}

impl SignOffForm {
    /// The form showing `signoff`, or a new one: the référent's name from
    /// the visit header, dated `today`; the household member types their
    /// own name.
    #[must_use]
    pub fn of(signoff: Option<&SignOff>, visit: Option<&Visit>, today: NaiveDate, date_format: &str) -> Self {
        if let Some(s) = signoff {
            return Self {
                referent_name: s.referent_name.clone(),
                household_name: s.household_name.clone(),
                date: s.date.format(date_format).to_string(),
            };
        }
        Self {
            referent_name: visit.map(|v| v.referent_name.clone()).unwrap_or_default(),
            household_name: String::new(),
            date: today.format(date_format).to_string(),
        }
    }

    /// The names and date of the sign-off, or every problem in the form:
    /// a visit is signed on the day of the visit or later, and never
    /// after `today`.
    pub fn to_names(
        &self,
        visit_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<(String, String, NaiveDate), Vec<FormProblem>> {
        let mut problems = Vec::new();
        if self.referent_name.trim().is_empty() || self.household_name.trim().is_empty() {
            problems.push(FormProblem::Names);
        }
        let date = parse_date(&self.date).map_err(|e| problems.push(FormProblem::Date(e)));
        if let Ok(date) = date {
            if visit_date.is_some_and(|visit| date < visit) {
                problems.push(FormProblem::SignedBeforeVisit);
            }
            if date > today {
                problems.push(FormProblem::SignedInFuture);
            }
        }
        match date {
            Ok(date) if problems.is_empty() => Ok((
                self.referent_name.trim().to_owned(),
                self.household_name.trim().to_owned(),
                date,
            )),
            _ => Err(problems),
        }
    }
}

/// A family member being added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberForm {
    /// Their role.
    pub role: Role,
    /// Their first name or nickname as typed.
    #[serde(default)]
    pub name: String,
}

impl Default for MemberForm {
    fn default() -> Self {
        Self {
            role: Role::Adult,
            name: String::new(),
        }
    }
}

impl MemberForm {
    /// The role and the trimmed name, or what is missing.
    pub fn to_member(&self) -> Result<(Role, String), Vec<FormProblem>> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(vec![FormProblem::MemberName]);
        }
        Ok((self.role, name.to_owned()))
    }
}

/// The forms being typed in a dossier, not yet complete or not yet saved as
/// validated values. Saved with the dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drafts {
    /// The visit header being typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visit: Option<VisitForm>,
    /// The sign-off being typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signoff: Option<SignOffForm>,
    /// The family member being added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberForm>,
}

impl Drafts {
    /// Whether no form is being typed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.visit.is_none() && self.signoff.is_none() && self.member.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_header_form_says_what_is_missing() {
        let mut form = VisitForm::of(None, today(), "%d/%m/%Y");
        assert_eq!(form.date, "22/11/2026");
        form.date = "31/02/2026".into();
        assert_eq!(
            form.to_visit(),
            Err(vec![
                FormProblem::ReferentName,
                FormProblem::Household,
                FormProblem::Date(DateError::NoSuchDay)
            ])
        );
        form.referent_name = "Adjudant Martin".into();
        form.household = "Famille D.".into();
        form.date = "2026-11-22".into();
        form.present = "Mme D.\nM. D.".into();
        let visit = form.to_visit().unwrap();
        assert_eq!(visit.present.len(), 2);
        assert_eq!(visit.address, None, "an empty address is no address");
        assert_eq!(
            VisitForm::of(Some(&visit), today(), "%d/%m/%Y").household,
            "Famille D."
        );
    }

    #[test]
    fn the_signoff_needs_both_names() {
        let mut form = SignOffForm::of(None, None, today(), "%Y-%m-%d");
        assert_eq!(form.to_names(None, today()), Err(vec![FormProblem::Names]));
        form.referent_name = "Martin".into();
        form.household_name = "Claire".into();
        assert_eq!(form.to_names(None, today()).unwrap().2, today());
    }

    #[test]
    fn a_signoff_is_dated_from_the_visit_to_today() {
        let mut form = SignOffForm::of(None, None, today(), "%Y-%m-%d");
        form.referent_name = "Martin".into();
        form.household_name = "Claire".into();
        let visit = today();
        form.date = "2026-11-21".into();
        assert_eq!(
            form.to_names(Some(visit), today()),
            Err(vec![FormProblem::SignedBeforeVisit]),
            "the day before the visit"
        );
        form.date = "2027-06-01".into();
        assert_eq!(
            form.to_names(Some(visit), today()),
            Err(vec![FormProblem::SignedInFuture]),
            "months ahead"
        );
        form.date = "2026-11-22".into();
        assert!(
            form.to_names(Some(visit), today()).is_ok(),
            "the day of the visit"
        );
    }

    #[test]
    fn a_member_needs_a_name() {
        assert_eq!(
            MemberForm::default().to_member(),
            Err(vec![FormProblem::MemberName])
        );
        let form = MemberForm {
            role: Role::Child,
            name: " Léo ".into(),
        };
        assert_eq!(form.to_member(), Ok((Role::Child, "Léo".to_owned())));
    }

    #[test]
    fn drafts_are_written_only_when_there_are_some() {
        let drafts = Drafts::default();
        assert!(drafts.is_empty());
        let written = ron::to_string(&drafts).unwrap();
        assert_eq!(written, "()");
    }
}
