//! What each problem of a checklist file says, in French and in English:
//! the validator's own words, shown by `vigie validate` and by the app.
//!
//! French typography: a non-breaking space before `:` `;` `?` `!` and inside
//! « guillemets ».

use super::problem::{Field, IdKind, ProblemKind};
use crate::lang::Lang;

/// The problem told in `lang`.
#[must_use]
pub fn message(p: &ProblemKind, lang: Lang) -> String {
    match lang {
        Lang::Fr => french(p),
        Lang::En => english(p),
    }
}

fn french(p: &ProblemKind) -> String {
    match p {
    ProblemKind::Unreadable(e) => format!("fichier illisible\u{a0}: {e}"),
    ProblemKind::Syntax(e) => format!("erreur de syntaxe RON\u{a0}: {e}"),
    ProblemKind::BadId { kind, id } => {
        let what = match kind {
            IdKind::Checklist => "de liste",
            IdKind::Section => "de section",
            IdKind::Item => "de point",
        };
        format!(
            "identifiant {what} «\u{a0}{id}\u{a0}» invalide\u{a0}: utilisez des minuscules a-z, des chiffres et '-'{}",
            if matches!(kind, IdKind::Checklist) { "" } else { " ou '.'" }
        )
    }
    ProblemKind::DuplicateSection(id) => {
        format!("la section «\u{a0}{id}\u{a0}» apparaît deux fois\u{a0}: donnez-lui un autre identifiant")
    }
    ProblemKind::DuplicateItem { id, first_in } => format!(
        "le point «\u{a0}{id}\u{a0}» existe déjà dans la liste «\u{a0}{first_in}\u{a0}»\u{a0}: les identifiants de points doivent être uniques"
    ),
    ProblemKind::DuplicateChecklist(id) => {
        format!("une liste «\u{a0}{id}\u{a0}» est déjà chargée\u{a0}: choisissez un autre identifiant")
    }
    ProblemKind::EmptyText { owner, field, lang } => {
        let field = match field {
            Field::Title => "le titre",
            Field::Summary => "le résumé",
            Field::Guidance => "le conseil",
        };
        let lang = match lang {
            super::Lang::Fr => "français",
            super::Lang::En => "anglais",
        };
        format!("«\u{a0}{owner}\u{a0}»\u{a0}: {field} en {lang} est vide")
    }
    ProblemKind::NoJourney => "la liste n’est proposée dans aucun parcours\u{a0}: ajoutez Personal, Referent ou Family à journeys".to_owned(),
    ProblemKind::NoSection => "la liste n’a aucune section".to_owned(),
    ProblemKind::EmptySection(id) => format!("la section «\u{a0}{id}\u{a0}» n’a aucun point"),
    ProblemKind::NoSource(id) => {
        format!("le point «\u{a0}{id}\u{a0}» ne cite aucune source\u{a0}: ajoutez au moins une adresse web publique")
    }
    ProblemKind::BadSource { item, source } => format!(
        "le point «\u{a0}{item}\u{a0}» cite «\u{a0}{source}\u{a0}», qui n’est pas une adresse web (https://…)"
    ),
    ProblemKind::WeakSource { item, source } => format!(
        "le point «\u{a0}{item}\u{a0}» cite «\u{a0}{source}\u{a0}»\u{a0}: citez la page https:// qui dit ce que dit le point, pas la page d’accueil d’un site ni une adresse http:// (obligatoire dans les listes intégrées)"
    ),
    ProblemKind::NoQuote { item, source } => format!(
        "le point «\u{a0}{item}\u{a0}» cite «\u{a0}{source}\u{a0}» sans citation\u{a0}: écrivez (url: \"…\", quote: \"…\") avec la phrase de la page qui appuie le point, copiée telle quelle"
    ),
    ProblemKind::NoVerified(id) => format!(
        "le point «\u{a0}{id}\u{a0}» ne dit pas quand ses conseils ont été vérifiés\u{a0}: ajoutez verified: \"AAAA-MM-JJ\" (obligatoire dans les listes intégrées)"
    ),
    ProblemKind::BadVerified { item, value } => format!(
        "le point «\u{a0}{item}\u{a0}»\u{a0}: verified vaut «\u{a0}{value}\u{a0}», qui n’est pas une date écrite AAAA-MM-JJ"
    ),
    ProblemKind::FutureVerified { item, date } => format!(
        "le point «\u{a0}{item}\u{a0}» dit avoir été vérifié le {date}, une date à venir\u{a0}: indiquez le jour où ses sources ont été relues"
    ),
    ProblemKind::BadMeasure { item, measure } => format!(
        "le point «\u{a0}{item}\u{a0}»\u{a0}: la mesure «\u{a0}{measure}\u{a0}» est invalide\u{a0}: utilisez des minuscules a-z, des chiffres, '-' ou '.'"
    ),
    ProblemKind::MeasurePriority {
        measure,
        item,
        priority,
        other,
        other_priority,
    } => format!(
        "le point «\u{a0}{item}\u{a0}» ({priority:?}) partage la mesure «\u{a0}{measure}\u{a0}» avec «\u{a0}{other}\u{a0}» ({other_priority:?})\u{a0}: une même mesure a la même priorité partout"
    ),
}
}

fn english(p: &ProblemKind) -> String {
    match p {
        ProblemKind::Unreadable(e) => format!("cannot read the file: {e}"),
        ProblemKind::Syntax(e) => format!("RON syntax error: {e}"),
        ProblemKind::BadId { kind, id } => {
            let what = match kind {
                IdKind::Checklist => "checklist",
                IdKind::Section => "section",
                IdKind::Item => "item",
            };
            format!(
                "invalid {what} id “{id}”: use lower-case letters a-z, digits and '-'{}",
                if matches!(kind, IdKind::Checklist) {
                    ""
                } else {
                    " or '.'"
                }
            )
        }
        ProblemKind::DuplicateSection(id) => format!("section “{id}” appears twice: give it another id"),
        ProblemKind::DuplicateItem { id, first_in } => {
            format!("item “{id}” already exists in checklist “{first_in}”: item ids must be unique")
        }
        ProblemKind::DuplicateChecklist(id) => {
            format!("a checklist “{id}” is already loaded: choose another id")
        }
        ProblemKind::EmptyText { owner, field, lang } => {
            let field = match field {
                Field::Title => "title",
                Field::Summary => "summary",
                Field::Guidance => "guidance",
            };
            let lang = match lang {
                super::Lang::Fr => "French",
                super::Lang::En => "English",
            };
            format!("“{owner}”: the {lang} {field} is empty")
        }
        ProblemKind::NoJourney => {
            "the checklist is offered in no journey: add Personal, Referent or Family to journeys".to_owned()
        }
        ProblemKind::NoSection => "the checklist has no section".to_owned(),
        ProblemKind::EmptySection(id) => format!("section “{id}” has no item"),
        ProblemKind::NoSource(id) => {
            format!("item “{id}” cites no source: add at least one public web address")
        }
        ProblemKind::BadSource { item, source } => {
            format!("item “{item}” cites “{source}”, which is not a web address (https://…)")
        }
        ProblemKind::WeakSource { item, source } => format!(
            "item “{item}” cites “{source}”: cite the https:// page that says what the item says, not a site's home page or an http:// address (required in the built-in checklists)"
        ),
        ProblemKind::NoQuote { item, source } => format!(
            "item “{item}” cites “{source}” without a quote: write (url: \"…\", quote: \"…\") with the sentence of the page that supports the item, copied exactly"
        ),
        ProblemKind::NoVerified(id) => format!(
            "item “{id}” does not say when its advice was checked: add verified: \"YYYY-MM-DD\" (required in the built-in checklists)"
        ),
        ProblemKind::BadVerified { item, value } => {
            format!("item “{item}”: verified is “{value}”, which is not a date written YYYY-MM-DD")
        }
        ProblemKind::FutureVerified { item, date } => format!(
            "item “{item}” says it was checked on {date}, a date still to come: give the day its sources were read"
        ),
        ProblemKind::BadMeasure { item, measure } => format!(
            "item “{item}”: measure “{measure}” is invalid: use lower-case letters a-z, digits, '-' or '.'"
        ),
        ProblemKind::MeasurePriority {
            measure,
            item,
            priority,
            other,
            other_priority,
        } => format!(
            "item “{item}” ({priority:?}) shares measure “{measure}” with “{other}” ({other_priority:?}): one measure has one priority everywhere"
        ),
    }
}
