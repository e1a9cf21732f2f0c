//! Building a [`Report`] from a dossier (or a blank form from a
//! checklist): the header and details, the counts, the action plan, what
//! is in place, notes, the référent's visit and sign-off, the changes since
//! the previous review, the family's cards; every text in the reader's
//! language, from the report's own words ([`super::labels`]).

use chrono::{DateTime, Local};

use super::labels::texts;
use super::{
    CardLine, Detail, DoneRow, Group, GroupItem, MemberSheet, NoteRow, OrphanRow, Pending, PlanRow, Profile,
    Report, SectionRow, SourceRow, Stats,
};
use crate::lang::Lang;
use crate::library::Library;
use crate::model::checklist::{Checklist, Item, ItemId, Priority};
use crate::model::{Dossier, Progress, Status};

/// A source of the report: the earliest day an item citing it was checked,
/// and the quotes that support those items.
type Cited = (Option<chrono::NaiveDate>, std::collections::BTreeSet<String>);

fn format_date(date: DateTime<Local>, lang: Lang) -> String {
    date.format(texts(lang).datetime_format).to_string()
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
    let t = texts(lang);
    let checklists: Vec<&Checklist> = dossier.loaded_checklists(&library.checklists).collect();
    let mut report = Report {
        profile,
        lang: lang.code(),
        labels: &t.labels,
        title: dossier.title.clone(),
        subtitle: if dossier.journey == crate::model::checklist::Journey::Referent && profile == Profile::Full
        {
            t.report_visit_subtitle.to_owned()
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
    let t = texts(lang);
    Report {
        profile: Profile::Blank,
        lang: lang.code(),
        labels: &t.labels,
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
    let t = texts(lang);
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
        for earlier in dossier.earlier_signoffs.iter().rev() {
            let s = &earlier.signoff;
            let replaced = earlier.replaced_at.with_timezone(&Local).date_naive();
            report.signoff.push(detail(
                t.report_earlier_signoff,
                (t.report_earlier_signoff_value)(
                    &day(s.date),
                    &s.referent_name,
                    &s.household_name,
                    &day(replaced),
                ),
            ));
        }
    }
}

/// The name of a status in this dossier's journey (findings for a visit).
fn status_name(dossier: &Dossier, status: Status, lang: Lang) -> String {
    let t = texts(lang);
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
    let t = texts(lang);
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
    // Each source with the earliest day an item citing it was checked, and
    // the quotes that support those items.
    let mut sources: std::collections::BTreeMap<String, Cited> = std::collections::BTreeMap::new();
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
                    let (day, quotes) = sources
                        .entry(source.url.clone())
                        .or_insert_with(|| (item.verified, std::collections::BTreeSet::new()));
                    *day = match (*day, item.verified) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        _ => None,
                    };
                    quotes.extend(source.quote.clone());
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
        .map(|(url, (day, quotes))| SourceRow {
            source: match day {
                Some(day) => (t.report_source_checked)(&url, &day.format(t.date_format).to_string()),
                None => url,
            },
            quotes: quotes.into_iter().collect(),
        })
        .collect();
}

/// A signed visit that changed since: says when it was signed and what
/// changed, point by point.
fn fill_signoff_changes(report: &mut Report, dossier: &Dossier, library: &Library, lang: Lang) {
    let t = texts(lang);
    let (Some(signoff), Some(changes)) = (&dossier.signoff, dossier.changes_since_signed()) else {
        return;
    };
    if changes.is_empty() {
        return;
    }
    let day = signoff.date.format(t.date_format).to_string();
    report.signoff_changed_title = (t.report_changed_since_signed)(&day);
    report.signoff_notice =
        (t.report_changed_notice)(&day, changes.header.len().min(1) + changes.findings.len());
    let steps = dossier.visit_steps(&library.checklists);
    let changes = changes.in_visit_order(&steps);
    let title = |id: &ItemId| {
        steps
            .iter()
            .find(|s| &s.item.id == id)
            .map_or_else(|| id.to_string(), |s| s.item.title.get(lang).to_owned())
    };
    report.signoff_changes = crate::words::signoff_changes(lang, &changes, &title);
}

/// The household's profile as names; a household that did not say whether
/// it lives in a house or a flat reads so, not as living in both.
fn household_names(dossier: &Dossier, lang: Lang) -> Vec<String> {
    use crate::model::checklist::Tag;
    let t = texts(lang);
    let Some(tags) = &dossier.profile else {
        return Vec::new();
    };
    let both = tags.contains(&Tag::House) && tags.contains(&Tag::Flat);
    let mut names = Vec::new();
    if both {
        names.push(t.report_dwelling_unspecified.to_owned());
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
    let t = texts(lang);
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
                not_yet: (t.report_not_yet_by)(&not_yet.join(", ")),
            }
        })
        .collect();
}

fn groups(checklists: &[&Checklist], lang: Lang, keep: impl Fn(&Item) -> bool) -> Vec<Group> {
    let t = texts(lang);
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
