//! The fixed texts of the household documents, in French and English: the
//! chronology of events, the exposure section of the full report, and the
//! names of event kinds, contacts, report destinations and exposure
//! states (which the interface may use too). Kept here, not in the UI's
//! catalog, so that the report never depends on the interface.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::exposure::ExposureState;
use crate::model::journal::{ContactKind, EventKind, IdentifierKind, ReportedTo};

/// The fixed texts of the chronology of events.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct ChronologyLabels {
    /// The document's title.
    pub title: &'static str,
    /// The confidentiality mark.
    pub confidential: &'static str,
    /// "Household".
    pub household: &'static str,
    /// "Period covered".
    pub period: &'static str,
    /// "Made on".
    pub made_on: &'static str,
    /// "Events".
    pub count: &'static str,
    /// What the document is.
    pub intro: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "What happened".
    pub what: &'static str,
    /// "People".
    pub people: &'static str,
    /// "Vehicles".
    pub vehicles: &'static str,
    /// "Phone numbers and accounts".
    pub contacts: &'static str,
    /// "Witnesses".
    pub witnesses: &'static str,
    /// "Reported".
    pub reports: &'static str,
    /// "Not reported".
    pub not_reported: &'static str,
    /// "Photos".
    pub photos: &'static str,
    /// Heading of the identifiers seen more than once.
    pub repeated: &'static str,
    /// What that list is.
    pub repeated_intro: &'static str,
    /// "No event recorded".
    pub empty: &'static str,
    /// The last line: who wrote it, with what.
    pub footer: &'static str,
    /// "Page".
    pub page: &'static str,
    /// "Written on" (when the entry was saved).
    pub written_on: &'static str,
    /// "Amended on".
    pub amended_on: &'static str,
    /// "Withdrawn on".
    pub withdrawn_on: &'static str,
    /// "reason".
    pub reason: &'static str,
    /// "Date and time" (an amendment's change).
    pub when: &'static str,
    /// "Kind" (an amendment's change).
    pub kind: &'static str,
    /// "photo added".
    pub photo_added: &'static str,
    /// "photo taken out".
    pub photo_removed: &'static str,
    /// "caption changed".
    pub photo_recaptioned: &'static str,
    /// "(none)" for a list emptied by an amendment.
    pub none: &'static str,
    /// Before the chain's head, on every page.
    pub chain_head: &'static str,
    /// What the head is, under the title.
    pub chain_intro: &'static str,
}

const CHRONOLOGY_FR: ChronologyLabels = ChronologyLabels {
    title: "Chronologie des faits",
    confidential: "Confidentiel",
    household: "Foyer",
    period: "Période couverte",
    made_on: "Établie le",
    count: "Faits notés",
    intro: "Faits notés par le foyer au fil des jours, du plus ancien au plus récent, tels qu’ils ont été écrits sur le moment.",
    place: "Lieu",
    what: "Ce qui s’est passé",
    people: "Personnes",
    vehicles: "Véhicules",
    contacts: "Numéros et comptes",
    witnesses: "Témoins",
    reports: "Signalé",
    not_reported: "Non signalé",
    photos: "Photos",
    repeated: "Identifiants revus",
    repeated_intro: "Immatriculations, numéros et comptes notés dans plusieurs faits (une immatriculation partielle est rapprochée de celles qui la contiennent).",
    empty: "Aucun fait noté.",
    footer: "Document rédigé par le foyer avec Vigie, à partir de ses propres notes.",
    page: "Page",
    written_on: "Écrit le",
    amended_on: "Rectifié le",
    withdrawn_on: "Retiré le",
    reason: "motif",
    when: "Date et heure",
    kind: "Type",
    photo_added: "photo ajoutée",
    photo_removed: "photo retirée",
    photo_recaptioned: "légende changée",
    none: "(aucun)",
    chain_head: "Empreinte du journal",
    chain_intro: "Chaque fait est imprimé tel qu’il a été écrit la première fois, avec l’heure où il l’a été, puis ses rectifications et son retrait éventuel, datés. L’empreinte du journal (SHA-256 du dernier enregistrement de sa chaîne, avec leur nombre), imprimée en bas de chaque page, permet de vérifier que le journal n’a pas changé depuis ce document.",
};

const CHRONOLOGY_EN: ChronologyLabels = ChronologyLabels {
    title: "Chronology of events",
    confidential: "Confidential",
    household: "Household",
    period: "Period covered",
    made_on: "Made on",
    count: "Events recorded",
    intro: "Events written down by the household as they happened, oldest first, as they were written at the time.",
    place: "Place",
    what: "What happened",
    people: "People",
    vehicles: "Vehicles",
    contacts: "Phone numbers and accounts",
    witnesses: "Witnesses",
    reports: "Reported",
    not_reported: "Not reported",
    photos: "Photos",
    repeated: "Identifiers seen again",
    repeated_intro: "Plates, numbers and accounts written down in more than one event (a partial plate is matched with the plates that contain it).",
    empty: "No event recorded.",
    footer: "Written by the household with Vigie, from its own notes.",
    page: "Page",
    written_on: "Written on",
    amended_on: "Amended on",
    withdrawn_on: "Withdrawn on",
    reason: "reason",
    when: "Date and time",
    kind: "Kind",
    photo_added: "photo added",
    photo_removed: "photo taken out",
    photo_recaptioned: "caption changed",
    none: "(none)",
    chain_head: "Log fingerprint",
    chain_intro: "Each event is printed as first written, with when it was written, then its amendments and its withdrawal if any, dated. The log's fingerprint (SHA-256 of the last record of its chain, with how many there are), printed at the foot of every page, lets anyone check that the log has not changed since this document.",
};

/// The chronology's fixed texts in `lang`.
#[must_use]
pub fn chronology_labels(lang: Lang) -> &'static ChronologyLabels {
    match lang {
        Lang::Fr => &CHRONOLOGY_FR,
        Lang::En => &CHRONOLOGY_EN,
    }
}

/// The fixed texts of the exposure section of the full report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExposureLabels {
    /// The section's heading.
    pub title: String,
    /// What it holds.
    pub intro: String,
    /// Column: the source.
    pub col_source: String,
    /// Column: whom it concerns.
    pub col_member: String,
    /// Column: where it stands.
    pub col_state: String,
    /// Column: the note.
    pub col_note: String,
    /// Column: the re-check date.
    pub col_recheck: String,
    /// "due" after a past re-check date.
    pub due: String,
}

impl ExposureLabels {
    /// The labels in `lang`.
    #[must_use]
    pub fn of(lang: Lang) -> Self {
        let (title, intro, source, member, state, note, recheck, due) = match lang {
            Lang::Fr => (
                "Exposition publique du foyer",
                "Où le foyer et ses membres peuvent être retrouvés à partir de sources publiques, où en est chaque démarche et quand vérifier à nouveau.",
                "Source",
                "Qui",
                "Situation",
                "Note",
                "À revérifier le",
                "à faire",
            ),
            Lang::En => (
                "Public exposure of the household",
                "Where the household and its members can be found from public sources, where each request stands, and when to check again.",
                "Source",
                "Who",
                "Status",
                "Note",
                "Check again on",
                "due",
            ),
        };
        Self {
            title: title.to_owned(),
            intro: intro.to_owned(),
            col_source: source.to_owned(),
            col_member: member.to_owned(),
            col_state: state.to_owned(),
            col_note: note.to_owned(),
            col_recheck: recheck.to_owned(),
            due: due.to_owned(),
        }
    }
}

/// The date format of `lang` (`31/12/2026`, `2026-12-31`).
#[must_use]
pub fn date_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "%d/%m/%Y",
        Lang::En => "%Y-%m-%d",
    }
}

/// The date and time format of `lang`.
#[must_use]
pub fn datetime_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "%d/%m/%Y %H:%M",
        Lang::En => "%Y-%m-%d %H:%M",
    }
}

/// The name of an event kind.
#[must_use]
pub fn event_kind_name(kind: EventKind, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match kind {
        EventKind::Watching => {
            if fr {
                "Surveillance, repérage"
            } else {
                "Watching, loitering"
            }
        }
        EventKind::Vehicle => {
            if fr {
                "Véhicule"
            } else {
                "Vehicle"
            }
        }
        EventKind::Call => {
            if fr {
                "Appel téléphonique"
            } else {
                "Phone call"
            }
        }
        EventKind::Message => {
            if fr {
                "Message ou courriel"
            } else {
                "Message or e-mail"
            }
        }
        EventKind::Online => {
            if fr {
                "En ligne (réseau social, compte)"
            } else {
                "Online (social network, account)"
            }
        }
        EventKind::Parcel => {
            if fr {
                "Colis ou livraison"
            } else {
                "Parcel or delivery"
            }
        }
        EventKind::Visitor => {
            if fr {
                "Visiteur à la porte"
            } else {
                "Visitor at the door"
            }
        }
        EventKind::Intrusion => {
            if fr {
                "Intrusion ou tentative"
            } else {
                "Intrusion or attempt"
            }
        }
        EventKind::Other => {
            if fr {
                "Autre"
            } else {
                "Other"
            }
        }
    }
}

/// The name of a contact kind.
#[must_use]
pub fn contact_kind_name(kind: ContactKind, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match kind {
        ContactKind::Phone => {
            if fr {
                "Téléphone"
            } else {
                "Phone"
            }
        }
        ContactKind::Email => {
            if fr {
                "Courriel"
            } else {
                "E-mail"
            }
        }
        ContactKind::Account => {
            if fr {
                "Compte"
            } else {
                "Account"
            }
        }
        ContactKind::Other => {
            if fr {
                "Autre"
            } else {
                "Other"
            }
        }
    }
}

/// The name of a kind of repeated identifier.
#[must_use]
pub fn identifier_kind_name(kind: IdentifierKind, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match kind {
        IdentifierKind::Plate => {
            if fr {
                "immatriculation"
            } else {
                "plate"
            }
        }
        IdentifierKind::Phone => {
            if fr {
                "téléphone"
            } else {
                "phone"
            }
        }
        IdentifierKind::Email => {
            if fr {
                "courriel"
            } else {
                "e-mail"
            }
        }
        IdentifierKind::Account => {
            if fr {
                "compte"
            } else {
                "account"
            }
        }
        IdentifierKind::Other => {
            if fr {
                "autre"
            } else {
                "other"
            }
        }
    }
}

/// Where an event was reported, named.
#[must_use]
pub fn reported_to_name(to: &ReportedTo, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match to {
        ReportedTo::Police17 => "17".to_owned(),
        ReportedTo::PoliceStation => if fr {
            "Commissariat de police"
        } else {
            "Police station"
        }
        .to_owned(),
        ReportedTo::Gendarmerie => if fr {
            "Brigade de gendarmerie"
        } else {
            "Gendarmerie"
        }
        .to_owned(),
        ReportedTo::Cyber17 => "17Cyber".to_owned(),
        ReportedTo::Pharos => "Pharos".to_owned(),
        ReportedTo::Other(name) => name.clone(),
    }
}

/// "seen 3 times since 12/11/2026": how often an identifier came back.
#[must_use]
pub fn seen_times(count: usize, since: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("vu {count}\u{a0}fois depuis le {since}"),
        Lang::En => format!("seen {count} times since {since}"),
    }
}

/// The name of an exposure state, with its date for a request sent.
#[must_use]
pub fn exposure_state_name(state: ExposureState, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match state {
        ExposureState::Unknown => if fr {
            "Pas encore vérifié"
        } else {
            "Not checked yet"
        }
        .to_owned(),
        ExposureState::Exposed => if fr { "Exposé" } else { "Exposed" }.to_owned(),
        ExposureState::RequestSent(date) => {
            let day = date.format(date_format(lang));
            if fr {
                format!("Demande envoyée le {day}")
            } else {
                format!("Request sent on {day}")
            }
        }
        ExposureState::MaskedOrRemoved => if fr {
            "Masqué ou retiré"
        } else {
            "Masked or removed"
        }
        .to_owned(),
        ExposureState::NotApplicable => if fr { "Non concerné" } else { "Not applicable" }.to_owned(),
    }
}

/// "The household": whom a household-wide source concerns.
#[must_use]
pub fn whole_household(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Tout le foyer",
        Lang::En => "Whole household",
    }
}

/// The warning shown before the chronology is exported: the file is not
/// encrypted.
#[must_use]
pub fn chronology_warning(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "Attention\u{a0}: le fichier exporté n’est pas chiffré. La chronologie décrit des faits, des personnes et des lieux\u{a0}; remettez-la à l’enquêteur ou gardez-la en lieu sûr, ne l’envoyez pas par courriel et supprimez-la quand elle ne sert plus."
        }
        Lang::En => {
            "Warning: the exported file is not encrypted. The chronology describes events, people and places; hand it to the officer or keep it somewhere safe, do not e-mail it, and delete it when it is no longer needed."
        }
    }
}
