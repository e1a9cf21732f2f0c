//! The HTML summary: one self-contained file (no external request, enforced
//! by its Content-Security-Policy), with print CSS. Every piece of text is
//! escaped.

use std::fmt::Write as _;

use super::{Group, Profile, Report, Stats};

const CSS: &str = r"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #111;
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.4; }
.mark { display: flex; justify-content: space-between; font-size: 8.5pt; text-transform: uppercase;
        letter-spacing: .08em; border-bottom: 1.5pt solid #111; padding-bottom: .3rem; }
h1 { font-size: 20pt; margin: 1.2rem 0 .2rem; }
h2 { font-size: 13.5pt; margin: 1.8rem 0 .5rem; border-bottom: .75pt solid #999; padding-bottom: .2rem;
     break-after: avoid; }
h3 { font-size: 11pt; margin: 1.2rem 0 .3rem; break-after: avoid; }
.sub { margin: 0 0 .8rem; color: #333; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: .6rem 0; }
.figure { border: .75pt solid #777; padding: .4rem .8rem; min-width: 10rem; }
.figure b { display: block; font-size: 15pt; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 .8rem; }
th, td { border: .5pt solid #888; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.box { width: 3.2rem; text-align: center; font-size: 13pt; }
.critical { font-weight: bold; }
.critical .prio::before { content: '▲ '; }
.note { white-space: pre-wrap; }
.muted { color: #555; font-size: 9pt; }
.lines div { border-bottom: .75pt solid #444; height: 2.1rem; margin-top: .6rem; font-size: 9pt; color: #333; }
.sources { font-size: 8.5pt; word-break: break-all; }
.sources .quote { margin: 0.1em 0 0.3em 1em; font-style: italic; word-break: normal; }
.warning, .changed { border: 1pt solid #111; padding: .5rem .8rem; }
.warning { font-weight: bold; }
td { hyphens: auto; overflow-wrap: anywhere; }
footer { margin-top: 2rem; border-top: .75pt solid #999; padding-top: .4rem; font-size: 8.5pt; color: #333; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
";

/// Escapes text for HTML content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the report as one HTML document.
#[must_use]
pub fn render(report: &Report) -> String {
    let l = report.labels;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>{} — {}</title>\n<style>{CSS}{}</style>\n</head>\n<body>\n",
        report.lang,
        escape(&report.title),
        escape(l.confidential),
        super::photos::CSS
    );
    let _ = write!(
        h,
        "<div class=\"mark\"><span>{}</span><span>{} {}</span></div>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        escape(l.confidential),
        escape(l.generated_on),
        escape(&report.generated),
        escape(&report.title),
        escape(&report.subtitle)
    );
    meta(&mut h, report);
    details(&mut h, &report.details);
    if !report.signoff_notice.is_empty() {
        let _ = writeln!(
            h,
            "<div class=\"changed\"><b>{}</b></div>",
            escape(&report.signoff_notice)
        );
    }
    match report.profile {
        Profile::Full => full(&mut h, report),
        Profile::Family => {
            practices(&mut h, report);
            members(&mut h, report);
            emergency(&mut h, report);
        }
        Profile::Emergency => emergency(&mut h, report),
        Profile::Blank => blank(&mut h, report),
    }
    let _ = write!(
        h,
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(report.footer)
    );
    h
}

fn meta(h: &mut String, r: &Report) {
    let l = r.labels;
    let mut rows: Vec<(&str, String)> = Vec::new();
    if !r.created.is_empty() {
        rows.push((l.created_on, r.created.clone()));
        rows.push((l.modified_on, r.modified.clone()));
    }
    if !r.household.is_empty() && r.profile == Profile::Full {
        rows.push((l.household, r.household.join(", ")));
    }
    if !r.checklists.is_empty() && r.profile != Profile::Emergency {
        rows.push((l.checklists, r.checklists.join(", ")));
    }
    if rows.is_empty() {
        return;
    }
    h.push_str("<dl class=\"meta\">\n");
    for (k, v) in rows {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(&v));
    }
    h.push_str("</dl>\n");
}

fn details(h: &mut String, rows: &[super::Detail]) {
    if rows.is_empty() {
        return;
    }
    h.push_str("<dl class=\"meta\">\n");
    for d in rows {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", escape(&d.label), escape(&d.value));
    }
    h.push_str("</dl>\n");
}

/// A note cell: the note, then the recommendation under its label.
fn note_cell(note: &str, recommendation: &str, label: &str) -> String {
    let mut cell = escape(note);
    if !recommendation.is_empty() {
        if !cell.is_empty() {
            cell.push_str("<br>");
        }
        let _ = write!(cell, "<b>{}</b> {}", escape(label), escape(recommendation));
    }
    cell
}

fn stats_cells(s: &Stats) -> String {
    format!(
        "<td class=\"num\">{}/{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        s.answered,
        s.total,
        escape(&s.score),
        s.open_critical
    )
}

/// Opens a table with a header row of `headers` (escaped) and its body.
fn table_start(h: &mut String, headers: &[&str]) {
    h.push_str("<table>\n");
    if !headers.is_empty() {
        h.push_str("<thead><tr>");
        for header in headers {
            let _ = write!(h, "<th>{}</th>", escape(header));
        }
        h.push_str("</tr></thead>\n");
    }
    h.push_str("<tbody>\n");
}

/// Closes what [`table_start`] opened.
fn table_end(h: &mut String) {
    h.push_str("</tbody>\n</table>\n");
}

#[expect(
    clippy::too_many_lines,
    reason = "the full report's sections in print order, each a few lines"
)]
fn full(h: &mut String, r: &Report) {
    let l = r.labels;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<div class=\"figures\"><div class=\"figure\">{}<b>{}/{}</b></div>\
         <div class=\"figure\">{}<b>{}</b></div><div class=\"figure\">{}<b>{}</b></div></div>\n\
         <p class=\"muted\">{}</p>\n",
        escape(l.overview),
        escape(l.answered),
        r.overall.answered,
        r.overall.total,
        escape(l.score),
        escape(&r.overall.score),
        escape(l.open_critical),
        r.overall.open_critical,
        escape(l.score_explained)
    );
    if !r.overall.findings.is_empty() {
        let _ = writeln!(
            h,
            "<p><b>{}</b> {}</p>",
            escape(&r.more.findings_label),
            escape(&r.overall.findings)
        );
    }
    let _ = writeln!(h, "<h3>{}</h3>", escape(l.by_section));
    table_start(h, &[l.col_section, l.col_answered, l.col_score, l.col_critical]);
    for s in &r.sections {
        let _ = writeln!(
            h,
            "<tr><td>{} <span class=\"muted\">({})</span></td>{}</tr>",
            escape(&s.section),
            escape(&s.checklist),
            stats_cells(&s.stats)
        );
    }
    table_end(h);

    if !r.changes_title.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>", escape(&r.changes_title));
        group_list(h, &r.changes);
    }

    let (heading, intro) = if r.overall.findings.is_empty() {
        (escape(l.action_plan), escape(l.action_plan_intro))
    } else {
        (escape(&r.more.findings), escape(&r.more.findings_intro))
    };
    let _ = write!(h, "<h2>{heading}</h2>\n<p class=\"muted\">{intro}</p>\n");
    if r.plan.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(l.nothing));
    } else {
        let owner_due = format!("{} / {}", l.col_owner, l.col_due);
        table_start(
            h,
            &[
                l.col_priority,
                l.col_item,
                l.col_section,
                l.col_status,
                &owner_due,
                l.col_note,
            ],
        );
        for p in &r.plan {
            let mut due = escape(&p.due);
            if p.overdue {
                due = format!("<b>{due} ({})</b>", escape(l.overdue));
            }
            let owner_due = match (p.owner.is_empty(), due.is_empty()) {
                (false, false) => format!("{}<br>{due}", escape(&p.owner)),
                (false, true) => escape(&p.owner),
                (true, _) => due,
            };
            let _ = writeln!(
                h,
                "<tr{}><td class=\"prio\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{owner_due}</td><td class=\"note\">{}</td></tr>",
                if p.critical { " class=\"critical\"" } else { "" },
                escape(&p.priority),
                escape(&p.title),
                escape(&p.section),
                escape(&p.status),
                note_cell(&p.note, &p.recommendation, l.col_recommendation)
            );
        }
        table_end(h);
    }

    if !r.unseen.is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
            escape(&r.more.unseen),
            escape(&r.more.unseen_intro)
        );
        table_start(h, &[l.col_priority, l.col_item]);
        for i in &r.unseen {
            let _ = writeln!(
                h,
                "<tr{}><td class=\"prio\">{}</td><td>{}</td></tr>",
                if i.critical { " class=\"critical\"" } else { "" },
                escape(&i.priority),
                escape(&i.title)
            );
        }
        table_end(h);
    }

    let _ = writeln!(h, "<h2>{}</h2>", escape(l.in_place));
    if r.in_place.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(l.nothing));
    } else {
        table_start(h, &[l.col_item, l.col_section]);
        for d in &r.in_place {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&d.title),
                escape(&d.section)
            );
        }
        table_end(h);
    }

    if !r.notes.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>", escape(l.notes));
        table_start(h, &[l.col_item, l.col_status, l.col_note]);
        for n in &r.notes {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"note\">{}</td></tr>",
                escape(&n.title),
                escape(&n.status),
                note_cell(&n.note, &n.recommendation, l.col_recommendation)
            );
        }
        table_end(h);
    }

    super::photos::html(h, r);

    if !r.orphans.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>", escape(l.orphans));
        table_start(h, &[]);
        for o in &r.orphans {
            let _ = writeln!(
                h,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"note\">{}</td></tr>",
                escape(&o.id),
                escape(&o.status),
                escape(&o.note)
            );
        }
        table_end(h);
    }

    if !r.signoff_title.is_empty() {
        let _ = writeln!(h, "<h2>{}</h2>", escape(&r.signoff_title));
        details(h, &r.signoff);
        if !r.signoff_changed_title.is_empty() {
            let _ = write!(
                h,
                "<div class=\"changed\"><b>{}</b>\n<ul>\n",
                escape(&r.signoff_changed_title)
            );
            for c in &r.signoff_changes {
                let _ = writeln!(h, "<li>{}</li>", escape(c));
            }
            h.push_str("</ul></div>\n");
        }
    }

    super::exposure::html(h, r);

    if !r.sources.is_empty() {
        let _ = write!(h, "<h2>{}</h2>\n<ul class=\"sources\">\n", escape(l.sources));
        for s in &r.sources {
            let _ = write!(h, "<li>{}", escape(&s.source));
            for quote in &s.quotes {
                let _ = write!(h, "<blockquote class=\"quote\">{}</blockquote>", escape(quote));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
}

fn group_list(h: &mut String, groups: &[Group]) {
    for g in groups {
        let _ = write!(h, "<h3>{}</h3>\n<ul>\n", escape(&g.title));
        for i in &g.items {
            let _ = writeln!(h, "<li>{}</li>", escape(&i.title));
        }
        h.push_str("</ul>\n");
    }
}

fn practices(h: &mut String, r: &Report) {
    let l = r.labels;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
        escape(l.practices),
        escape(l.practices_intro)
    );
    if r.practices.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", escape(l.no_practice_agreed));
    }
    group_list(h, &r.practices);
    if !r.pending.is_empty() {
        let _ = write!(h, "<h2>{}</h2>\n<ul>\n", escape(&r.more.pending));
        for p in &r.pending {
            let _ = writeln!(
                h,
                "<li>{} — <em>{}</em></li>",
                escape(&p.title),
                escape(&p.not_yet)
            );
        }
        h.push_str("</ul>\n");
    }
}

fn members(h: &mut String, r: &Report) {
    let l = r.labels;
    if r.members.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
        escape(l.members_title),
        escape(l.members_intro)
    );
    for m in &r.members {
        let _ = write!(
            h,
            "<h3>{} <span class=\"muted\">({})</span></h3>\n<ul>\n",
            escape(&m.name),
            escape(&m.role)
        );
        for c in &m.cards {
            let _ = writeln!(
                h,
                "<li>{} — <i>{}</i></li>",
                escape(&c.title),
                escape(if c.agreed { l.agreed } else { l.not_yet })
            );
        }
        h.push_str("</ul>\n");
    }
}

fn emergency(h: &mut String, r: &Report) {
    let l = r.labels;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p class=\"muted\">{}</p>\n",
        escape(l.emergency_title),
        escape(l.emergency_intro)
    );
    table_start(h, &[l.col_number, l.col_who, l.col_when]);
    for n in l.numbers {
        let _ = writeln!(
            h,
            "<tr><td><b>{}</b></td><td>{}</td><td>{}</td></tr>",
            escape(n.number),
            escape(n.name),
            escape(n.when)
        );
    }
    table_end(h);
    let _ = write!(
        h,
        "<h3>{}</h3>\n<p>{}</p>\n<h3>{}</h3>\n<div class=\"lines\">\n",
        escape(l.call_first),
        escape(l.call_first_text),
        escape(l.by_hand)
    );
    for line in l.by_hand_lines {
        let _ = writeln!(h, "<div>{}</div>", escape(line));
    }
    let _ = writeln!(
        h,
        "</div>\n<p class=\"warning\">{}</p>",
        escape(l.by_hand_warning)
    );
}

fn blank(h: &mut String, r: &Report) {
    let l = r.labels;
    let _ = writeln!(h, "<p class=\"muted\">{}</p>", escape(l.blank_intro));
    for g in &r.blank {
        let _ = writeln!(h, "<h3>{}</h3>", escape(&g.title));
        let mut headers = vec![l.col_priority, l.col_item];
        headers.extend(l.blank_columns);
        table_start(h, &headers);
        for i in &g.items {
            let _ = write!(
                h,
                "<tr{}><td class=\"prio\">{}</td><td>{}</td>",
                if i.critical { " class=\"critical\"" } else { "" },
                escape(&i.priority),
                escape(&i.title)
            );
            for _ in l.blank_columns {
                h.push_str("<td class=\"box\">☐</td>");
            }
            h.push_str("</tr>\n");
        }
        table_end(h);
        let _ = writeln!(
            h,
            "<div class=\"lines\"><div>{}</div><div></div></div>",
            escape(l.observations)
        );
    }
}
