//! The printable summary: what a household keeps and what a référent hands
//! over.
//!
//! [`build`] turns a dossier and its checklists into a [`Report`]: plain data,
//! already in the reader's language and ordered for print. The renderers
//! ([`html::render`] and [`pdf::render`]) only lay it out; user text is always
//! passed to them as data, never as markup. No egui here.

pub mod chronology;
pub mod exposure;
pub mod household_text;
pub mod html;
pub mod pdf;
pub mod photos;

pub use photos::attach_photos;

use chrono::{DateTime, Local};
use serde::Serialize;

use crate::i18n::{Lang, ReportTr, tr};
use crate::library::Library;
use crate::model::checklist::{Checklist, Item, Priority};
use crate::model::{Dossier, Progress, Status};

/// Which summary to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The confidential report for the household or the référent.
    Full,
    /// A handout: the practices the family agreed and the emergency sheet;
    /// no weakness, no note.
    Family,
    /// One page: the numbers, who to call first, lines to fill by hand.
    Emergency,
    /// The checklist with empty boxes, for a visit on paper.
    Blank,
}

impl Profile {
    /// Every profile, in menu order.
    pub const ALL: [Self; 4] = [Self::Full, Self::Family, Self::Emergency, Self::Blank];
}

/// Counts and score, ready to print.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Items answered.
    pub answered: usize,
    /// Items that apply.
    pub total: usize,
    /// Items done.
    pub done: usize,
    /// Items partly done.
    pub partly: usize,
    /// Items to do.
    pub todo: usize,
    /// Items not applicable.
    pub not_applicable: usize,
    /// Open critical items.
    pub open_critical: usize,
    /// The score from 0 to 100, as text ("62/100" or "–").
    pub score: String,
    /// "12/40 answered".
    pub answered_text: String,
    /// A visit's findings, counted ("3 not compliant, 5 to improve…"); empty
    /// for the other journeys.
    pub findings: String,
}

impl Stats {
    fn of(p: &Progress, lang: Lang) -> Self {
        let t = tr(lang);
        Self {
            answered: p.answered,
            total: p.total,
            done: p.done,
            partly: p.partly,
            todo: p.todo,
            not_applicable: p.not_applicable,
            open_critical: p.open_critical,
            score: p.score().map_or_else(|| "–".to_owned(), |s| format!("{s}/100")),
            answered_text: (t.answered_of)(p.answered, p.total),
            findings: String::new(),
        }
    }
}

/// One section's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionRow {
    /// The checklist's title.
    pub checklist: String,
    /// The section's title.
    pub section: String,
    /// Its counts and score.
    pub stats: Stats,
}

/// One item of the action plan (not done yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanRow {
    /// The item's id.
    pub id: String,
    /// The priority's name.
    pub priority: String,
    /// Whether it is critical (printed in bold).
    pub critical: bool,
    /// The section's title.
    pub section: String,
    /// The item's title.
    pub title: String,
    /// The status's name.
    pub status: String,
    /// The note (the référent's observation), if any.
    pub note: String,
    /// The référent's recommendation, if any.
    pub recommendation: String,
    /// Who takes it in hand, if anyone.
    pub owner: String,
    /// The due date, formatted, if any.
    pub due: String,
    /// Whether the due date has passed.
    pub overdue: bool,
}

/// One item in place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DoneRow {
    /// The section's title.
    pub section: String,
    /// The item's title.
    pub title: String,
}

/// A note on an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteRow {
    /// The item's title.
    pub title: String,
    /// The status's name.
    pub status: String,
    /// The note.
    pub note: String,
    /// The référent's recommendation, if any.
    pub recommendation: String,
}

/// An answer whose item no longer exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrphanRow {
    /// The item id, as saved.
    pub id: String,
    /// The status's name.
    pub status: String,
    /// The note.
    pub note: String,
}

/// A group of items printed together (the practices of one audience, or
/// one section of a blank form).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group's title (checklist — section).
    pub title: String,
    /// The items.
    pub items: Vec<GroupItem>,
}

/// An item in a [`Group`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupItem {
    /// The item's title.
    pub title: String,
    /// The priority's name.
    pub priority: String,
    /// Whether it is critical.
    pub critical: bool,
}

/// A labelled value (visit header, sign-off).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// The label.
    pub label: String,
    /// The value.
    pub value: String,
}

/// One family member's cards, for print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberSheet {
    /// The first name or nickname.
    pub name: String,
    /// The role's name.
    pub role: String,
    /// The member's cards: the practice and whether it was read and agreed.
    pub cards: Vec<CardLine>,
}

/// A card on a member's sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardLine {
    /// The practice.
    pub title: String,
    /// Whether the member read and agreed it.
    pub agreed: bool,
}

/// Everything a summary prints, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Which summary.
    pub profile: Profile,
    /// The language code ("fr" or "en").
    pub lang: &'static str,
    /// The fixed texts of the report.
    pub labels: &'static ReportTr,
    /// The dossier's (or checklist's) title.
    pub title: String,
    /// The journey, or what the blank form is for.
    pub subtitle: String,
    /// When the report was made.
    pub generated: String,
    /// When the dossier was created ("" for a blank form).
    pub created: String,
    /// When the dossier last changed ("" for a blank form).
    pub modified: String,
    /// The household profile, as names.
    pub household: Vec<String>,
    /// The checklists covered.
    pub checklists: Vec<String>,
    /// Overall counts and score.
    pub overall: Stats,
    /// Per-section counts and score.
    pub sections: Vec<SectionRow>,
    /// The action plan: every applicable item still open, in the order of
    /// [`crate::model::plan::action_plan`]; for a visit, only the findings
    /// (the points not seen are in [`Report::unseen`]).
    pub plan: Vec<PlanRow>,
    /// A visit's points not seen, by priority.
    pub unseen: Vec<GroupItem>,
    /// What is in place.
    pub in_place: Vec<DoneRow>,
    /// The notes.
    pub notes: Vec<NoteRow>,
    /// Answers whose item no longer exists.
    pub orphans: Vec<OrphanRow>,
    /// The public sources of the items covered.
    pub sources: Vec<String>,
    /// Family handout: the practices agreed, by audience.
    pub practices: Vec<Group>,
    /// Blank form: the items with empty boxes.
    pub blank: Vec<Group>,
    /// The visit header (référent's visits) and the next review date.
    pub details: Vec<Detail>,
    /// The sign-off heading ("" when the visit is not signed).
    pub signoff_title: String,
    /// The sign-off.
    pub signoff: Vec<Detail>,
    /// "Changed after the sign-off of …" ("" when unchanged or unsigned).
    pub signoff_changed_title: String,
    /// What changed since the sign-off, one line each.
    pub signoff_changes: Vec<String>,
    /// The changes heading ("" when the dossier is not a review).
    pub changes_title: String,
    /// What changed since the previous dossier: newly done, newly failing,
    /// still open.
    pub changes: Vec<Group>,
    /// The family members' cards (family handout).
    pub members: Vec<MemberSheet>,
    /// Family handout: the practices some members concerned have not
    /// agreed yet, with who.
    pub pending: Vec<Pending>,
    /// Fixed texts added with the journeys' record (moved into
    /// [`Report::labels`] with the report's own catalog).
    pub more: MoreLabels,
    /// Full report only: the household's exposure inventory, filled by
    /// [`exposure::add_exposure`] (empty: the section is not printed).
    pub exposure: Vec<exposure::ExposureRow>,
    /// The exposure section's fixed texts.
    pub exposure_labels: household_text::ExposureLabels,
    /// The photos of the items (full report only), added by
    /// [`attach_photos`].
    pub photos: photos::PhotoSection,
}

/// A practice not agreed by everyone it is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// The practice.
    pub title: String,
    /// Who has not agreed yet.
    pub not_yet: String,
}

/// Fixed texts of the findings, the points not seen, the pending practices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MoreLabels {
    /// Heading of a visit's findings.
    pub findings: String,
    /// What the findings table holds.
    pub findings_intro: String,
    /// Heading of the points not seen.
    pub unseen: String,
    /// What they are.
    pub unseen_intro: String,
    /// Heading of the practices not agreed by everyone.
    pub pending: String,
    /// Label of the findings counted.
    pub findings_label: String,
}

impl Report {
    /// A report of `profile` in `lang` with nothing in it yet.
    fn empty(profile: Profile, lang: Lang) -> Self {
        Self {
            profile,
            lang: lang.code(),
            labels: &tr(lang).report,
            title: String::new(),
            subtitle: String::new(),
            generated: String::new(),
            created: String::new(),
            modified: String::new(),
            household: Vec::new(),
            checklists: Vec::new(),
            overall: Stats::default(),
            sections: Vec::new(),
            plan: Vec::new(),
            unseen: Vec::new(),
            in_place: Vec::new(),
            notes: Vec::new(),
            orphans: Vec::new(),
            sources: Vec::new(),
            practices: Vec::new(),
            blank: Vec::new(),
            details: Vec::new(),
            signoff_title: String::new(),
            signoff: Vec::new(),
            signoff_changed_title: String::new(),
            signoff_changes: Vec::new(),
            changes_title: String::new(),
            changes: Vec::new(),
            members: Vec::new(),
            pending: Vec::new(),
            more: MoreLabels::of(lang),
            exposure: Vec::new(),
            exposure_labels: household_text::ExposureLabels::default(),
            photos: photos::PhotoSection::default(),
        }
    }
}

impl MoreLabels {
    fn of(lang: Lang) -> Self {
        let j = tr(lang).journeys;
        Self {
            findings: j.report_findings.to_owned(),
            findings_intro: j.report_findings_intro.to_owned(),
            unseen: j.report_unseen.to_owned(),
            unseen_intro: j.report_unseen_intro.to_owned(),
            pending: j.report_pending.to_owned(),
            findings_label: j.report_findings_label.to_owned(),
        }
    }
}

fn format_date(date: DateTime<Local>, lang: Lang) -> String {
    date.format(tr(lang).datetime_format).to_string()
}

/// Builds the summary of `dossier` for `profile`.
///
/// Only items that apply to the household are printed. The family profile
/// holds no note and no item that is not done; the emergency profile holds
/// only the header.
#[must_use]
pub fn build(
    dossier: &Dossier,
    library: &Library,
    profile: Profile,
    lang: Lang,
    now: DateTime<Local>,
) -> Report {
    let t = tr(lang);
    let checklists: Vec<&Checklist> = dossier.loaded_checklists(&library.checklists).collect();
    let mut report = Report {
        profile,
        lang: lang.code(),
        labels: &t.report,
        title: dossier.title.clone(),
        subtitle: if dossier.journey == crate::model::checklist::Journey::Referent && profile == Profile::Full
        {
            t.journeys.report_visit_subtitle.to_owned()
        } else {
            (t.journey_name)(dossier.journey).to_owned()
        },
        generated: format_date(now, lang),
        created: format_date(dossier.created.with_timezone(&Local), lang),
        modified: format_date(dossier.modified.with_timezone(&Local), lang),
        household: household_names(dossier, lang),
        checklists: checklists.iter().map(|c| c.title.get(lang).to_owned()).collect(),
        ..Report::empty(profile, lang)
    };
    if profile != Profile::Blank {
        fill_details(&mut report, dossier, profile, lang);
    }
    match profile {
        Profile::Full => fill_full(&mut report, dossier, &checklists, library, lang),
        Profile::Family => {
            fill_practices(&mut report, dossier, &checklists, library, lang);
            report.members = dossier
                .member_cards(&library.checklists)
                .into_iter()
                .map(|sheet| MemberSheet {
                    name: sheet.member.name.clone(),
                    role: (t.role_name)(sheet.member.role).to_owned(),
                    cards: sheet
                        .cards
                        .into_iter()
                        .map(|(item, agreed)| CardLine {
                            title: item.title.get(lang).to_owned(),
                            agreed,
                        })
                        .collect(),
                })
                .collect();
        }
        Profile::Emergency => {}
        Profile::Blank => report.blank = groups(&checklists, lang, |item| dossier.applies(item)),
    }
    report
}

/// Builds a blank form of `checklist`: every item, with empty boxes.
#[must_use]
pub fn build_blank(checklist: &Checklist, lang: Lang, now: DateTime<Local>) -> Report {
    let t = tr(lang);
    Report {
        profile: Profile::Blank,
        lang: lang.code(),
        labels: &t.report,
        title: checklist.title.get(lang).to_owned(),
        subtitle: checklist.summary.get(lang).to_owned(),
        generated: format_date(now, lang),
        checklists: vec![checklist.title.get(lang).to_owned()],
        blank: groups(&[checklist], lang, |_| true),
        ..Report::empty(Profile::Blank, lang)
    }
}

/// The visit header, the next review date and the sign-off.
fn fill_details(report: &mut Report, dossier: &Dossier, profile: Profile, lang: Lang) {
    let t = tr(lang);
    let day = |d: chrono::NaiveDate| d.format(t.date_format).to_string();
    let detail = |label: &str, value: String| Detail {
        label: label.to_owned(),
        value,
    };
    if let Some(visit) = &dossier.visit {
        report
            .details
            .push(detail(t.referent_name, visit.referent_name.clone()));
        if !visit.referent_unit.is_empty() {
            report
                .details
                .push(detail(t.referent_unit, visit.referent_unit.clone()));
        }
        report.details.push(detail(t.household, visit.household.clone()));
        report.details.push(detail(t.visit_date, day(visit.date)));
        if !visit.place.is_empty() {
            report.details.push(detail(t.place, visit.place.clone()));
        }
        if !visit.present.is_empty() {
            report
                .details
                .push(detail(t.people_present, visit.present.join(", ")));
        }
        // The address is sensitive: only the confidential full report has it.
        if profile == Profile::Full
            && let Some(address) = visit.address.as_ref().filter(|a| !a.is_empty())
        {
            report
                .details
                .push(detail(t.address, format!("{address} ({})", t.address_sensitive)));
        }
    }
    if let Some(review) = dossier.review_due {
        report.details.push(detail(t.review_due_label, day(review)));
    }
    if let Some(signoff) = &dossier.signoff {
        t.signoff_title.clone_into(&mut report.signoff_title);
        report.signoff = vec![
            detail(t.referent_name, signoff.referent_name.clone()),
            detail(t.signoff_household, signoff.household_name.clone()),
            detail(t.signoff_date, day(signoff.date)),
        ];
    }
}

/// The name of a status in this dossier's journey (findings for a visit).
fn status_name(dossier: &Dossier, status: Status, lang: Lang) -> String {
    let t = tr(lang);
    if dossier.journey == crate::model::checklist::Journey::Referent {
        (t.finding_name)(status).to_owned()
    } else {
        (t.status_name)(status).to_owned()
    }
}

fn fill_full(
    report: &mut Report,
    dossier: &Dossier,
    checklists: &[&Checklist],
    library: &Library,
    lang: Lang,
) {
    let today = Local::now().date_naive();
    let t = tr(lang);
    let overall = Progress::of_dossier(dossier, &library.checklists);
    report.overall = Stats::of(&overall, lang);
    let visit = dossier.journey == crate::model::checklist::Journey::Referent;
    if visit {
        report.overall.findings = (t.findings_summary)(
            overall.done,
            overall.partly,
            overall.todo,
            overall.not_applicable,
            overall.total - overall.answered,
        );
    }
    // Each source with the earliest day an item citing it was checked.
    let mut sources: std::collections::BTreeMap<String, Option<chrono::NaiveDate>> =
        std::collections::BTreeMap::new();
    for checklist in checklists {
        for section in &checklist.sections {
            let p = Progress::of_items(&section.items, dossier);
            if p.total == 0 {
                continue;
            }
            report.sections.push(SectionRow {
                checklist: checklist.title.get(lang).to_owned(),
                section: section.title.get(lang).to_owned(),
                stats: Stats::of(&p, lang),
            });
            for item in section.items.iter().filter(|i| dossier.applies(i)) {
                let status = dossier.status(&item.id);
                let note = dossier.note(&item.id).to_owned();
                for source in &item.sources {
                    let day = sources.entry(source.clone()).or_insert(item.verified);
                    *day = match (*day, item.verified) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        _ => None,
                    };
                }
                let recommendation = dossier
                    .answer(&item.id)
                    .map(|a| a.recommendation.clone())
                    .unwrap_or_default();
                if status == Status::Done {
                    report.in_place.push(DoneRow {
                        section: section.title.get(lang).to_owned(),
                        title: item.title.get(lang).to_owned(),
                    });
                }
                if !note.is_empty() || !recommendation.is_empty() {
                    report.notes.push(NoteRow {
                        title: item.title.get(lang).to_owned(),
                        status: status_name(dossier, status, lang),
                        note,
                        recommendation,
                    });
                }
            }
        }
    }
    // The one action plan, as the app shows it.
    for entry in crate::model::plan::action_plan(dossier, &library.checklists, today) {
        let item = entry.item;
        if visit && entry.status == Status::Unanswered {
            report.unseen.push(GroupItem {
                title: item.title.get(lang).to_owned(),
                priority: (t.priority_name)(item.priority).to_owned(),
                critical: item.priority == Priority::Critical,
            });
            continue;
        }
        let answer = dossier.answer(&item.id);
        report.plan.push(PlanRow {
            id: item.id.to_string(),
            priority: (t.priority_name)(item.priority).to_owned(),
            critical: item.priority == Priority::Critical,
            section: entry.section.title.get(lang).to_owned(),
            title: item.title.get(lang).to_owned(),
            status: status_name(dossier, entry.status, lang),
            note: dossier.note(&item.id).to_owned(),
            recommendation: answer.map(|a| a.recommendation.clone()).unwrap_or_default(),
            owner: entry.owner.to_owned(),
            due: entry
                .due
                .map(|d| d.format(t.date_format).to_string())
                .unwrap_or_default(),
            overdue: entry.overdue,
        });
    }
    fill_signoff_changes(report, dossier, library, lang);
    if let (Some(baseline), Some(changes)) = (&dossier.baseline, dossier.changes(&library.checklists)) {
        let date = baseline
            .modified
            .with_timezone(&Local)
            .format(t.date_format)
            .to_string();
        report.changes_title = (t.changes_since)(&baseline.title, &date);
        let titles = |items: &[&Item]| -> Vec<GroupItem> {
            items
                .iter()
                .map(|i| GroupItem {
                    title: i.title.get(lang).to_owned(),
                    priority: (t.priority_name)(i.priority).to_owned(),
                    critical: i.priority == Priority::Critical,
                })
                .collect()
        };
        report.changes = vec![
            Group {
                title: (t.newly_done)(changes.newly_done.len()),
                items: titles(&changes.newly_done),
            },
            Group {
                title: (t.newly_failing)(changes.newly_failing.len()),
                items: titles(&changes.newly_failing),
            },
            Group {
                title: (t.still_open)(changes.still_open.len()),
                items: titles(&changes.still_open),
            },
        ];
    }
    report.orphans = dossier
        .orphan_answers(&library.checklists)
        .into_iter()
        .map(|(id, answer)| OrphanRow {
            id: id.to_string(),
            status: (t.status_name)(answer.status).to_owned(),
            note: answer.note.clone(),
        })
        .collect();
    report.sources = sources
        .into_iter()
        .map(|(url, day)| match day {
            Some(day) => (t.journeys.report_source_checked)(&url, &day.format(t.date_format).to_string()),
            None => url,
        })
        .collect();
}

/// A signed visit that changed since: says when it was signed and what
/// changed, point by point.
fn fill_signoff_changes(report: &mut Report, dossier: &Dossier, library: &Library, lang: Lang) {
    let t = tr(lang);
    let (Some(signoff), Some(changes)) = (&dossier.signoff, dossier.changes_since_signed()) else {
        return;
    };
    if changes.is_empty() {
        return;
    }
    let day = signoff.date.format(t.date_format).to_string();
    report.signoff_changed_title = (t.journeys.report_changed_since_signed)(&day);
    if changes.header {
        report
            .signoff_changes
            .push(t.journeys.visit_header_changed.to_owned());
    }
    let steps = dossier.visit_steps(&library.checklists);
    for (id, before, now) in &changes.findings {
        let title = steps
            .iter()
            .find(|s| &s.item.id == id)
            .map_or_else(|| id.to_string(), |s| s.item.title.get(lang).to_owned());
        report.signoff_changes.push(
            (t.journeys.finding_changed)(
                &title,
                (t.finding_name)(before.status),
                (t.finding_name)(now.status),
            )
            .trim_start_matches("• ")
            .to_owned(),
        );
    }
}

/// The household's profile as names; a household that did not say whether
/// it lives in a house or a flat reads so, not as living in both.
fn household_names(dossier: &Dossier, lang: Lang) -> Vec<String> {
    use crate::model::checklist::Tag;
    let t = tr(lang);
    let Some(tags) = &dossier.profile else {
        return Vec::new();
    };
    let both = tags.contains(&Tag::House) && tags.contains(&Tag::Flat);
    let mut names = Vec::new();
    if both {
        names.push(t.journeys.report_dwelling_unspecified.to_owned());
    }
    names.extend(
        tags.iter()
            .filter(|tag| !(both && matches!(tag, Tag::House | Tag::Flat)))
            .map(|tag| (t.tag_name)(*tag).to_owned()),
    );
    names
}

/// The family handout's practices: what every member concerned agreed
/// (and the practices done that are no one's card), then what some have
/// not agreed yet, with who.
fn fill_practices(
    report: &mut Report,
    dossier: &Dossier,
    checklists: &[&Checklist],
    library: &Library,
    lang: Lang,
) {
    let t = tr(lang);
    let cards = dossier.family_cards(&library.checklists);
    let card_of = |item: &Item| cards.iter().find(|c| c.item.id == item.id);
    report.practices = groups(checklists, lang, |item| {
        dossier.applies(item)
            && match card_of(item) {
                Some(card) => dossier.agreed_by_all(card),
                None => dossier.status(&item.id) == Status::Done,
            }
    });
    report.pending = cards
        .iter()
        .filter(|card| !dossier.agreed_by_all(card))
        .map(|card| {
            let not_yet: Vec<&str> = card
                .members
                .iter()
                .filter(|m| !dossier.acknowledged(&card.item.id, m.id))
                .map(|m| m.name.as_str())
                .collect();
            Pending {
                title: card.item.title.get(lang).to_owned(),
                not_yet: (t.journeys.report_not_yet_by)(&not_yet.join(", ")),
            }
        })
        .collect();
}

fn groups(checklists: &[&Checklist], lang: Lang, keep: impl Fn(&Item) -> bool) -> Vec<Group> {
    let t = tr(lang);
    checklists
        .iter()
        .flat_map(|c| c.sections.iter().map(move |s| (c, s)))
        .filter_map(|(c, s)| {
            let items: Vec<GroupItem> = s
                .items
                .iter()
                .filter(|i| keep(i))
                .map(|i| GroupItem {
                    title: i.title.get(lang).to_owned(),
                    priority: (t.priority_name)(i.priority).to_owned(),
                    critical: i.priority == Priority::Critical,
                })
                .collect();
            (!items.is_empty()).then(|| Group {
                title: format!("{} — {}", c.title.get(lang), s.title.get(lang)),
                items,
            })
        })
        .collect()
}

/// The file name extension of a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A4 PDF.
    Pdf,
    /// One self-contained HTML file.
    Html,
}

impl Format {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
        }
    }
}

/// An export that could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The PDF layout failed (a bug in Vigie's template).
    #[error("PDF layout failed: {0}")]
    Layout(String),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] crate::store::StoreError),
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => pdf::render(report),
        Format::Html => Ok(html::render(report).into_bytes()),
    }
}

/// Renders and writes `report` to `path`, crash-safely and privately
/// (`0600`). Exports are never encrypted: the caller tells the user.
pub fn export(report: &Report, format: Format, path: &std::path::Path) -> Result<(), ExportError> {
    let bytes = render(report, format)?;
    crate::store::write_atomic(path, &bytes)?;
    Ok(())
}
