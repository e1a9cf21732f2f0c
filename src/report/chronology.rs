//! The chronology of events (*chronologie des faits*): the household's log
//! of suspicious events as a document to hand to the officer taking a
//! complaint. Oldest first, factual: for each event its date and time,
//! kind, place, what happened, people, vehicles, numbers and accounts,
//! witnesses, where it was reported with the reference, and its photos
//! with their captions; then the identifiers seen more than once.
//!
//! [`build`] turns the journal into a [`Chronology`] (plain data, in the
//! reader's language; [`attach_photos`] adds the photos themselves, read
//! through the loader it is given); [`render`] lays it out as an A4 PDF (typst, with
//! `chronology.typ`: user text goes in as JSON data, never as markup) or as
//! one self-contained HTML file (every text escaped, a CSP that forbids any
//! external request). Exports are not encrypted: the caller shows
//! [`super::household_text::chronology_warning`] first.

use std::fmt::Write as _;

use chrono::{DateTime, Local};
use serde::Serialize;

use super::household_text::{
    ChronologyLabels, chronology_labels, contact_kind_name, date_format, datetime_format, event_kind_name,
    identifier_kind_name, reported_to_name, seen_times,
};
use super::html::escape;
use super::photos::ReportPhoto;
use super::{ExportError, Format, pdf};
use crate::lang::Lang;
use crate::model::PhotoRef;
use crate::model::journal::{Change, Entry, Facts, Journal};

pub mod bundle;
pub mod findings;

const TEMPLATE: &str = include_str!("chronology.typ");

/// One event, ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChronologyEntry {
    /// Its number in the chronology, from 1.
    pub number: usize,
    /// Date and time.
    pub when: String,
    /// The kind of event.
    pub kind: String,
    /// Where.
    pub place: String,
    /// What happened, as written.
    pub what: String,
    /// The people, one line each.
    pub people: Vec<String>,
    /// The vehicles, one line each.
    pub vehicles: Vec<String>,
    /// Phone numbers and accounts, one line each.
    pub contacts: Vec<String>,
    /// Who saw it.
    pub witnesses: String,
    /// Where it was reported, with date and reference, one line each.
    pub reports: Vec<String>,
    /// Its photos, of every version: each caption, and, once
    /// [`attach_photos`] read it, the image.
    pub photos: Vec<ReportPhoto>,
    /// "Written on …": when the entry was saved.
    pub written: String,
    /// Its amendments, oldest first.
    pub amendments: Vec<ChronologyAmendment>,
    /// "Withdrawn on …, reason …", or "".
    pub withdrawn: String,
}

/// An amendment, ready to print: when, and each change with its new value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChronologyAmendment {
    /// "Amended on …".
    pub title: String,
    /// "Place: …", one line per change.
    pub lines: Vec<String>,
}

/// The chronology of events, ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chronology {
    /// The language code.
    pub lang: &'static str,
    /// The fixed texts.
    pub labels: &'static ChronologyLabels,
    /// How the household is named ("" when not given).
    pub household: String,
    /// The period covered ("" when there is no event).
    pub period: String,
    /// When the document was made.
    pub generated: String,
    /// How many events.
    pub count: usize,
    /// The events, oldest first.
    pub entries: Vec<ChronologyEntry>,
    /// The identifiers seen in more than one event, one line each.
    pub repeated: Vec<String>,
    /// The chain's head (`records:sha256`), printed on every page; "" for
    /// a log not sealed yet.
    pub head: String,
    /// Notes on the chain: a log begun before sealing, a chain found
    /// broken; each printed under the title.
    pub chain_notes: Vec<String>,
}

fn join_some(parts: &[String], separator: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The lines of a set of facts, as the chronology prints them.
struct FactLines {
    people: Vec<String>,
    vehicles: Vec<String>,
    contacts: Vec<String>,
    reports: Vec<String>,
}

fn fact_lines(facts: &Facts, lang: Lang) -> FactLines {
    let fr = lang == Lang::Fr;
    let (colon, semicolon) = if fr {
        ("\u{a0}: ", "\u{a0}; ")
    } else {
        (": ", "; ")
    };
    let (clothing, language, plate, reference) = if fr {
        ("tenue", "langue", "immatriculation", "référence")
    } else {
        ("clothing", "language", "plate", "reference")
    };
    let labelled = |label: &str, value: &str| {
        if value.trim().is_empty() {
            String::new()
        } else {
            format!("{label}{colon}{}", value.trim())
        }
    };
    FactLines {
        people: facts
            .people
            .iter()
            .map(|p| {
                join_some(
                    &[
                        p.description.clone(),
                        labelled(clothing, &p.clothing),
                        labelled(language, &p.language),
                    ],
                    semicolon,
                )
            })
            .filter(|line| !line.is_empty())
            .collect(),
        vehicles: facts
            .vehicles
            .iter()
            .map(|v| {
                join_some(
                    &[v.make.clone(), v.colour.clone(), labelled(plate, &v.plate)],
                    ", ",
                )
            })
            .filter(|line| !line.is_empty())
            .collect(),
        contacts: facts
            .contacts
            .iter()
            .filter(|c| !c.value.trim().is_empty())
            .map(|c| labelled(contact_kind_name(c.kind, lang), &c.value))
            .collect(),
        reports: facts
            .reports
            .iter()
            .map(|r| {
                let day = r.date.format(date_format(lang)).to_string();
                join_some(
                    &[
                        format!("{} — {day}", reported_to_name(&r.to, lang)),
                        labelled(reference, &r.reference),
                    ],
                    ", ",
                )
            })
            .collect(),
    }
}

/// A time of writing, in local time.
fn local(at: DateTime<chrono::Utc>, lang: Lang) -> String {
    at.with_timezone(&Local).format(datetime_format(lang)).to_string()
}

/// "Place: …": the lines of one amendment's changes (`after`: the facts
/// it left).
#[must_use]
pub fn change_lines(changes: &[Change], after: &Facts, lang: Lang) -> Vec<String> {
    let l = chronology_labels(lang);
    let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
    let lines = fact_lines(after, lang);
    let list = |label: &str, items: &[String]| {
        let value = if items.is_empty() {
            l.none.to_owned()
        } else {
            items.join(" / ")
        };
        format!("{label}{colon}{value}")
    };
    let text = |label: &str, value: &str| {
        let value = if value.trim().is_empty() {
            l.none
        } else {
            value.trim()
        };
        format!("{label}{colon}{value}")
    };
    let mut out = Vec::new();
    for change in changes {
        match change {
            Change::When(when) => out.push(text(l.when, &when.format(datetime_format(lang)).to_string())),
            Change::Kind(kind) => out.push(text(l.kind, event_kind_name(*kind, lang))),
            Change::Place(place) => out.push(text(l.place, place)),
            Change::What(what) => out.push(text(l.what, what)),
            Change::People(_) => out.push(list(l.people, &lines.people)),
            Change::Vehicles(_) => out.push(list(l.vehicles, &lines.vehicles)),
            Change::Contacts(_) => out.push(list(l.contacts, &lines.contacts)),
            Change::Witnesses(w) => out.push(text(l.witnesses, w)),
            Change::Photos {
                added,
                removed,
                recaptioned,
            } => {
                let name = |p: &PhotoRef| format!("«\u{a0}{}\u{a0}»", p.caption.trim());
                for (what, photos) in [
                    (l.photo_added, added),
                    (l.photo_removed, removed),
                    (l.photo_recaptioned, recaptioned),
                ] {
                    for p in photos {
                        out.push(format!("{}{colon}{what} {}", l.photos, name(p)));
                    }
                }
            }
            Change::Reports(_) => out.push(list(l.reports, &lines.reports)),
        }
    }
    out
}

fn entry_row(number: usize, entry: &Entry, lang: Lang) -> ChronologyEntry {
    let l = chronology_labels(lang);
    let facts = entry.facts();
    let lines = fact_lines(&facts, lang);
    let mut seen = std::collections::BTreeSet::new();
    let photos = entry
        .all_photos()
        .filter(|p| seen.insert(p.id.clone()))
        .map(|p| ReportPhoto {
            caption: p.caption.trim().to_owned(),
            file: String::new(),
            jpeg: Vec::new(),
        })
        .collect();
    let amendments = entry
        .history()
        .into_iter()
        .map(|(a, changes)| ChronologyAmendment {
            title: format!("{} {}", l.amended_on, local(a.at, lang)),
            lines: change_lines(&changes, &a.facts, lang),
        })
        .collect();
    let withdrawn = entry.withdrawn.as_ref().map_or_else(String::new, |w| {
        let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
        format!(
            "{} {} — {}{colon}{}",
            l.withdrawn_on,
            local(w.at, lang),
            l.reason,
            w.reason.trim()
        )
    });
    ChronologyEntry {
        number,
        when: entry.when.format(datetime_format(lang)).to_string(),
        kind: event_kind_name(entry.kind, lang).to_owned(),
        place: entry.place.trim().to_owned(),
        what: entry.what.trim().to_owned(),
        people: lines.people,
        vehicles: lines.vehicles,
        contacts: lines.contacts,
        witnesses: entry.witnesses.trim().to_owned(),
        reports: lines.reports,
        photos,
        written: format!("{} {}", l.written_on, local(entry.created, lang)),
        amendments,
        withdrawn,
    }
}

/// Adds the images of the entries' photos to `chronology`, built from
/// `journal`: `load` gives a photo's JPEG bytes (the full photo), or `None`
/// when its file cannot be read; that photo then keeps only its caption.
pub fn attach_photos(
    chronology: &mut Chronology,
    journal: &Journal,
    load: &mut dyn FnMut(&PhotoRef) -> Option<Vec<u8>>,
) {
    let mut n = 0;
    for (row, entry) in chronology.entries.iter_mut().zip(journal.chronological()) {
        let mut seen = std::collections::BTreeSet::new();
        let photos = entry.all_photos().filter(|p| seen.insert(p.id.clone()));
        for (shown, photo) in row.photos.iter_mut().zip(photos) {
            // A photo that is not a JPEG of a size Vigie stores keeps only
            // its caption, as one whose file cannot be read.
            if let Some(jpeg) = load(photo).filter(|jpeg| super::photos::is_printable(jpeg)) {
                n += 1;
                shown.file = format!("/photos/{n}.jpg");
                shown.jpeg = jpeg;
            }
        }
    }
}

impl Chronology {
    /// The photos whose image is in the chronology, in order.
    pub fn photo_files(&self) -> impl Iterator<Item = &ReportPhoto> {
        self.entries
            .iter()
            .flat_map(|e| e.photos.iter())
            .filter(|p| !p.file.is_empty())
    }
}

/// Builds the chronology of `journal` in `lang`, made at `now`.
#[must_use]
pub fn build(journal: &Journal, lang: Lang, now: DateTime<Local>) -> Chronology {
    let chronological = journal.chronological();
    let entries: Vec<ChronologyEntry> = chronological
        .iter()
        .enumerate()
        .map(|(i, e)| entry_row(i + 1, e, lang))
        .collect();
    let number_of = |id| chronological.iter().position(|e| &e.id == id).map(|i| i + 1);
    let fr = lang == Lang::Fr;
    let repeated = journal
        .repeated()
        .iter()
        .map(|r| {
            let numbers: Vec<String> = r
                .entries
                .iter()
                .filter_map(&number_of)
                .map(|n| n.to_string())
                .collect();
            let since = r.first_seen.format(date_format(lang)).to_string();
            format!(
                "{} ({}){} {} {} — {}",
                r.shown,
                identifier_kind_name(r.kind, lang),
                if fr { "\u{a0}:" } else { ":" },
                if fr { "faits n°" } else { "events no." },
                numbers.join(", "),
                seen_times(r.count(), &since, lang)
            )
        })
        .collect();
    let period = journal.period().map_or_else(String::new, |(first, last)| {
        let day = |d: chrono::NaiveDateTime| d.format(date_format(lang)).to_string();
        if first.date() == last.date() {
            day(first)
        } else if fr {
            format!("du {} au {}", day(first), day(last))
        } else {
            format!("{} to {}", day(first), day(last))
        }
    });
    let head = journal.head().map_or_else(String::new, ToString::to_string);
    Chronology {
        head,
        chain_notes: findings::verification_lines(&journal.verify(), lang),
        lang: lang.code(),
        labels: chronology_labels(lang),
        household: journal.household.trim().to_owned(),
        period,
        generated: now.format(datetime_format(lang)).to_string(),
        count: entries.len(),
        entries,
        repeated,
    }
}

/// Lays out the chronology as an A4 PDF.
pub fn render_pdf(chronology: &Chronology) -> Result<Vec<u8>, ExportError> {
    let data = serde_json::to_vec(chronology).map_err(|e| ExportError::Layout(e.to_string()))?;
    let photos = pdf::photo_files(chronology.photo_files());
    pdf::typeset(TEMPLATE, data, chronology.labels.title, photos)
}

const CSS: &str = r"
:root { color-scheme: light; }
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #111;
       max-width: 50rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
.mark { display: flex; justify-content: space-between; font-size: 8.5pt; text-transform: uppercase;
        letter-spacing: .08em; border-bottom: 1.5pt solid #111; padding-bottom: .3rem; }
h1 { font-size: 19pt; margin: 1.2rem 0 .4rem; }
h2 { font-size: 13pt; margin: 1.8rem 0 .5rem; border-bottom: .75pt solid #999; padding-bottom: .2rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.intro, .muted { color: #444; font-size: 9.5pt; }
.event { border-top: .75pt solid #999; padding: .6rem 0 .4rem; break-inside: avoid; }
.event h3 { font-size: 11pt; margin: 0 0 .3rem; }
.what { white-space: pre-wrap; margin: .2rem 0 .4rem; }
.none { font-style: italic; }
footer { margin-top: 2rem; border-top: .75pt solid #999; padding-top: .4rem; font-size: 8.5pt; color: #333; }
.photos { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem 1rem; margin: .3rem 0 .8rem; }
.photos figure { margin: 0; break-inside: avoid; }
.photos img { display: block; width: 100%; height: 7cm; object-fit: contain; background: #f2f2f2; }
.photos figcaption { font-size: 9pt; color: #333; margin-top: .2rem; }
.amend { border-left: 2pt solid #777; padding: .1rem 0 .1rem .6rem; margin: .4rem 0; white-space: pre-wrap; }
.withdrawn { border-left: 2pt solid #b00; padding: .1rem 0 .1rem .6rem; margin: .4rem 0; font-weight: bold; }
.notes { border: 1pt solid #b00; padding: .4rem .6rem; }
.head { font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; word-break: break-all; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
";

/// A labelled list in a `<dl>`, skipped when empty.
fn list(h: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let lines: Vec<String> = items.iter().map(|i| escape(i)).collect();
    let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(label), lines.join("<br>"));
}

/// Renders the chronology as one self-contained HTML document.
#[must_use]
pub fn render_html(c: &Chronology) -> String {
    let l = c.labels;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        c.lang,
        escape(l.title),
        escape(l.confidential)
    );
    let _ = write!(
        h,
        "<div class=\"mark\"><span>{}</span><span>{} {}</span></div>\n<h1>{}</h1>\n<dl>\n",
        escape(l.confidential),
        escape(l.made_on),
        escape(&c.generated),
        escape(l.title)
    );
    let mut head = Vec::new();
    if !c.household.is_empty() {
        head.push((l.household, c.household.clone()));
    }
    if !c.period.is_empty() {
        head.push((l.period, c.period.clone()));
    }
    head.push((l.made_on, c.generated.clone()));
    head.push((l.count, c.count.to_string()));
    for (k, v) in head {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(&v));
    }
    let _ = writeln!(h, "</dl>\n<p class=\"intro\">{}</p>", escape(l.intro));
    if !c.head.is_empty() {
        let _ = writeln!(h, "<p class=\"intro\">{}</p>", escape(l.chain_intro));
    }
    if !c.chain_notes.is_empty() {
        let notes: Vec<String> = c.chain_notes.iter().map(|n| escape(n)).collect();
        let _ = writeln!(h, "<p class=\"notes\">{}</p>", notes.join("<br>"));
    }
    if c.entries.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(l.empty));
    }
    for e in &c.entries {
        let _ = write!(
            h,
            "<section class=\"event\">\n<h3>{}. {} — {}</h3>\n<dl>\n",
            e.number,
            escape(&e.when),
            escape(&e.kind)
        );
        let _ = writeln!(h, "<dt></dt><dd class=\"muted\">{}</dd>", escape(&e.written));
        if !e.place.is_empty() {
            let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(l.place), escape(&e.place));
        }
        h.push_str("</dl>\n");
        let _ = writeln!(h, "<p class=\"what\">{}</p>\n<dl>", escape(&e.what));
        list(&mut h, l.people, &e.people);
        list(&mut h, l.vehicles, &e.vehicles);
        list(&mut h, l.contacts, &e.contacts);
        if !e.witnesses.is_empty() {
            let _ = writeln!(
                h,
                "<dt>{}</dt><dd>{}</dd>",
                escape(l.witnesses),
                escape(&e.witnesses)
            );
        }
        if e.reports.is_empty() {
            let _ = writeln!(
                h,
                "<dt>{}</dt><dd class=\"none\">{}</dd>",
                escape(l.reports),
                escape(l.not_reported)
            );
        } else {
            list(&mut h, l.reports, &e.reports);
        }
        let unread: Vec<String> = e
            .photos
            .iter()
            .filter(|p| p.file.is_empty())
            .map(|p| p.caption.clone())
            .collect();
        list(&mut h, l.photos, &unread);
        h.push_str("</dl>\n");
        super::photos::figures_html(&mut h, e.photos.iter().filter(|p| !p.file.is_empty()));
        for a in &e.amendments {
            let lines: Vec<String> = a.lines.iter().map(|l| escape(l)).collect();
            let _ = writeln!(
                h,
                "<div class=\"amend\"><strong>{}</strong><br>{}</div>",
                escape(&a.title),
                lines.join("<br>")
            );
        }
        if !e.withdrawn.is_empty() {
            let _ = writeln!(h, "<p class=\"withdrawn\">{}</p>", escape(&e.withdrawn));
        }
        h.push_str("</section>\n");
    }
    if !c.repeated.is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n<ul>\n",
            escape(l.repeated),
            escape(l.repeated_intro)
        );
        for r in &c.repeated {
            let _ = writeln!(h, "<li>{}</li>", escape(r));
        }
        h.push_str("</ul>\n");
    }
    let head = if c.head.is_empty() {
        String::new()
    } else {
        format!(
            "<br><span class=\"head\">{} {}</span>",
            escape(l.chain_head),
            escape(&c.head)
        )
    };
    let _ = write!(
        h,
        "<footer>{}{head}</footer>\n</body>\n</html>\n",
        escape(l.footer)
    );
    h
}

/// Renders the chronology in `format`.
pub fn render(chronology: &Chronology, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Pdf => render_pdf(chronology),
        Format::Html => Ok(render_html(chronology).into_bytes()),
    }
}

/// Renders and writes the chronology to `path`, crash-safely and
/// privately (`0600`). Not encrypted: the caller shows
/// [`super::household_text::chronology_warning`].
pub fn export(chronology: &Chronology, format: Format, path: &std::path::Path) -> Result<(), ExportError> {
    let bytes = render(chronology, format)?;
    crate::store::write_atomic(path, &bytes)?;
    Ok(())
}
