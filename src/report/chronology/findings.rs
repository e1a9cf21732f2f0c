//! What the check of the log's chain found, in words (French or
//! English): each [`ChainProblem`] naming its entry, the note on a log
//! begun before sealing, and the chain's head. Used by the chronology, the
//! evidence bundle, `vigie journal verify` and the window.

use chrono::{DateTime, Local, Utc};

use crate::lang::Lang;
use crate::model::journal::{ChainProblem, EntryRef, Head, Part, Verification};
use crate::report::household_text::{date_format, datetime_format, event_kind_name};

/// "entry 3 (12/11/2026 21:40, Phone call)".
#[must_use]
pub fn entry_name(e: &EntryRef, lang: Lang) -> String {
    let when = e.when.format(datetime_format(lang));
    let kind = event_kind_name(e.kind, lang);
    match lang {
        Lang::Fr => format!("le fait n°\u{a0}{} ({when}, {kind})", e.number),
        Lang::En => format!("event no. {} ({when}, {kind})", e.number),
    }
}

fn part_name(part: Part, lang: Lang) -> String {
    match (part, lang) {
        (Part::Original, Lang::Fr) => "son texte d’origine".to_owned(),
        (Part::Original, Lang::En) => "its original text".to_owned(),
        (Part::Amendment(n), Lang::Fr) => format!("sa rectification n°\u{a0}{n}"),
        (Part::Amendment(n), Lang::En) => format!("its amendment no. {n}"),
        (Part::Withdrawal, Lang::Fr) => "son retrait".to_owned(),
        (Part::Withdrawal, Lang::En) => "its withdrawal".to_owned(),
    }
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One problem, in a sentence that names the entry and what happened.
#[expect(clippy::too_many_lines, reason = "one sentence per problem, in two languages")]
#[must_use]
pub fn problem_text(p: &ChainProblem, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let name = |e: &EntryRef| entry_name(e, lang);
    let text = match p {
        ChainProblem::Altered { entry, part } => {
            if fr {
                format!(
                    "{} : {} a été modifié hors de Vigie (il ne correspond plus à son sceau).",
                    name(entry),
                    part_name(*part, lang)
                )
            } else {
                format!(
                    "{}: {} was changed outside Vigie (it no longer matches its seal).",
                    name(entry),
                    part_name(*part, lang)
                )
            }
        }
        ChainProblem::Resealed { entry, part } => {
            if fr {
                format!(
                    "{} : {} a été modifié et scellé à nouveau hors de Vigie (l’enregistrement suivant ne pointe plus vers lui).",
                    name(entry),
                    part_name(*part, lang)
                )
            } else {
                format!(
                    "{}: {} was changed and sealed again outside Vigie (the record after it no longer points to it).",
                    name(entry),
                    part_name(*part, lang)
                )
            }
        }
        ChainProblem::Unsealed { entry, part } => {
            if fr {
                format!(
                    "{} : {} n’a pas de sceau : ajouté ou modifié hors de Vigie.",
                    name(entry),
                    part_name(*part, lang)
                )
            } else {
                format!(
                    "{}: {} has no seal: added or changed outside Vigie.",
                    name(entry),
                    part_name(*part, lang)
                )
            }
        }
        ChainProblem::Missing {
            from,
            to,
            after,
            before,
        } => {
            let which = if from == to {
                format!("{from}")
            } else {
                format!("{from}–{to}")
            };
            let place = match (after, before, fr) {
                (Some(a), Some(b), true) => format!(", écrit après {} et avant {}", name(a), name(b)),
                (Some(a), Some(b), false) => format!(", written after {} and before {}", name(a), name(b)),
                (Some(a), None, true) => format!(", écrit après {}", name(a)),
                (Some(a), None, false) => format!(", written after {}", name(a)),
                (None, Some(b), true) => format!(", écrit avant {}", name(b)),
                (None, Some(b), false) => format!(", written before {}", name(b)),
                (None, None, _) => String::new(),
            };
            if fr {
                format!(
                    "Enregistrement n°\u{a0}{which} de la chaîne manquant (un fait, une rectification ou un retrait supprimé du fichier){place}."
                )
            } else {
                format!(
                    "Record no. {which} of the chain is missing (an event, an amendment or a withdrawal removed from the file){place}."
                )
            }
        }
        ChainProblem::Duplicated { seq, entry } => {
            if fr {
                format!(
                    "{} : porte le numéro d’enregistrement {seq} déjà pris (copié dans le fichier).",
                    name(entry)
                )
            } else {
                format!(
                    "{}: carries record number {seq}, already taken (copied in the file).",
                    name(entry)
                )
            }
        }
        ChainProblem::OutOfOrder { first, second } => {
            if fr {
                format!(
                    "{} et {} ont été intervertis dans le fichier (l’ordre n’est plus celui de l’écriture).",
                    name(first),
                    name(second)
                )
            } else {
                format!(
                    "{} and {} were swapped in the file (the order is no longer the order of writing).",
                    name(first),
                    name(second)
                )
            }
        }
        ChainProblem::HistoryOutOfOrder { entry } => {
            if fr {
                format!(
                    "{} : ses rectifications ou son retrait ont été déplacés dans le fichier (l’ordre n’est plus celui de l’écriture).",
                    name(entry)
                )
            } else {
                format!(
                    "{}: its amendments or its withdrawal were moved in the file (the order is no longer the order of writing).",
                    name(entry)
                )
            }
        }
        ChainProblem::BadStart { entry } => {
            if fr {
                format!(
                    "{} : le premier enregistrement ne commence pas la chaîne (des enregistrements ont été supprimés avant lui).",
                    name(entry)
                )
            } else {
                format!(
                    "{}: the first record does not start the chain (records before it were removed).",
                    name(entry)
                )
            }
        }
        ChainProblem::ChainRemoved => if fr {
            "La chaîne du journal a été retirée du fichier alors que ses faits sont scellés."
        } else {
            "The log's chain was removed from the file although its events are sealed."
        }
        .to_owned(),
        ChainProblem::PhotoChanged { entry, photo } => {
            if fr {
                format!(
                    "{} : le fichier de la photo «\u{a0}{}\u{a0}» ({}) n’est plus celui scellé avec le fait.",
                    name(entry),
                    photo.caption.trim(),
                    photo.id
                )
            } else {
                format!(
                    "{}: the file of photo \u{201c}{}\u{201d} ({}) is no longer the one sealed with the event.",
                    name(entry),
                    photo.caption.trim(),
                    photo.id
                )
            }
        }
        ChainProblem::PhotoMissing { entry, photo } => {
            if fr {
                format!(
                    "{} : le fichier de la photo «\u{a0}{}\u{a0}» ({}) est introuvable.",
                    name(entry),
                    photo.caption.trim(),
                    photo.id
                )
            } else {
                format!(
                    "{}: the file of photo \u{201c}{}\u{201d} ({}) cannot be found.",
                    name(entry),
                    photo.caption.trim(),
                    photo.id
                )
            }
        }
    };
    let text = if fr { text.replace(" : ", "\u{a0}: ") } else { text };
    upper_first(&text)
}

/// The note on a log begun before sealing: from when it is sealed, and
/// what that means for the entries written before.
#[must_use]
pub fn legacy_note(started: DateTime<Utc>, legacy: usize, lang: Lang) -> Option<String> {
    if legacy == 0 {
        return None;
    }
    let day = started.with_timezone(&Local).format(date_format(lang));
    Some(match lang {
        Lang::Fr => format!(
            "Ce journal a été commencé avec une version de Vigie qui ne le scellait pas. Sa chaîne commence le {day}, à sa première modification\u{a0}: les {legacy}\u{a0}faits écrits avant ont été scellés tels qu’ils étaient ce jour-là, et rien ne garantit qu’ils n’ont pas changé avant."
        ),
        Lang::En => format!(
            "This log was begun with a version of Vigie that did not seal it. Its chain starts on {day}, at its first change: the {legacy} events written before were sealed as they stood that day, and nothing shows whether they changed before."
        ),
    })
}

/// The chain's head in words: "12 records, SHA-256 …".
#[must_use]
pub fn head_text(head: &Head, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}enregistrements, SHA-256 {}", head.records, head.hash),
        Lang::En => format!("{} records, SHA-256 {}", head.records, head.hash),
    }
}

/// What a check found, one line each: the legacy note, then each problem.
/// Empty for an intact chain begun with sealing.
#[must_use]
pub fn verification_lines(v: &Verification, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some((started, legacy)) = v.started {
        lines.extend(legacy_note(started, legacy, lang));
    }
    if !v.is_intact() {
        lines.push(
            match lang {
                Lang::Fr => "Attention\u{a0}: Vigie a trouvé ce journal modifié hors de Vigie.",
                Lang::En => "Warning: Vigie found this log changed outside Vigie.",
            }
            .to_owned(),
        );
    }
    lines.extend(v.problems.iter().map(|p| problem_text(p, lang)));
    lines
}
