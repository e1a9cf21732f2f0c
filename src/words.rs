//! The words of Vigie's domain in French and English, shared by the
//! window's catalog (`crate::i18n`) and the printed report
//! (`crate::report::labels`): the names of journeys, family roles,
//! household tags, priorities, statuses and a référent's findings, and
//! how a signed visit changed since its sign-off.

use crate::lang::Lang;
use crate::model::checklist::{ItemId, Journey, Priority, Tag};
use crate::model::dossier::Status;
use crate::model::family::Role;
use crate::model::visit::{ChangesSinceSigned, HeaderField};

/// A journey's name.
#[must_use]
pub fn journey(lang: Lang, value: Journey) -> &'static str {
    match lang {
        Lang::Fr => match value {
            Journey::Personal => "Checklist personnelle",
            Journey::Referent => "Visite du référent sûreté",
            Journey::Family => "Briefing en famille",
        },
        Lang::En => match value {
            Journey::Personal => "Personal checklist",
            Journey::Referent => "Security referent visit",
            Journey::Family => "Family briefing",
        },
    }
}

/// A family role's name.
#[must_use]
pub fn role(lang: Lang, value: Role) -> &'static str {
    match lang {
        Lang::Fr => match value {
            Role::Adult => "Adulte",
            Role::Teenager => "Adolescent",
            Role::Child => "Enfant",
            Role::Elderly => "Parent âgé",
            Role::Staff => "Personnel de maison",
        },
        Lang::En => match value {
            Role::Adult => "Adult",
            Role::Teenager => "Teenager",
            Role::Child => "Child",
            Role::Elderly => "Elderly parent",
            Role::Staff => "Household staff",
        },
    }
}

/// A household tag's name.
#[must_use]
pub fn tag(lang: Lang, value: Tag) -> &'static str {
    match lang {
        Lang::Fr => match value {
            Tag::Children => "Enfants",
            Tag::Teenagers => "Adolescents",
            Tag::ElderlyRelatives => "Proches âgés",
            Tag::HouseholdStaff => "Personnel de maison",
            Tag::CompanyDirector => "Dirigeant de société",
            Tag::PublicProfile => "Personne publique",
            Tag::CryptoHoldings => "Cryptoactifs",
            Tag::House => "Maison",
            Tag::Flat => "Appartement",
            Tag::SecondHome => "Résidence secondaire",
        },
        Lang::En => match value {
            Tag::Children => "Children",
            Tag::Teenagers => "Teenagers",
            Tag::ElderlyRelatives => "Elderly relatives",
            Tag::HouseholdStaff => "Household staff",
            Tag::CompanyDirector => "Company director",
            Tag::PublicProfile => "Public profile",
            Tag::CryptoHoldings => "Crypto holdings",
            Tag::House => "House",
            Tag::Flat => "Flat",
            Tag::SecondHome => "Second home",
        },
    }
}

/// A priority's name.
#[must_use]
pub fn priority(lang: Lang, value: Priority) -> &'static str {
    match lang {
        Lang::Fr => match value {
            Priority::Critical => "Critique",
            Priority::High => "Haute",
            Priority::Medium => "Moyenne",
            Priority::Low => "Basse",
        },
        Lang::En => match value {
            Priority::Critical => "Critical",
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        },
    }
}

/// An item's status, as the checklists name it.
#[must_use]
pub fn status(lang: Lang, value: Status) -> &'static str {
    match lang {
        Lang::Fr => match value {
            Status::Done => "Fait",
            Status::Partly => "En partie",
            Status::Todo => "À faire",
            Status::NotApplicable => "Sans objet",
            Status::Unanswered => "Non répondu",
        },
        Lang::En => match value {
            Status::Done => "Done",
            Status::Partly => "Partly",
            Status::Todo => "To do",
            Status::NotApplicable => "Not applicable",
            Status::Unanswered => "Unanswered",
        },
    }
}

/// A status as a référent's finding ("Non conforme" for *To do*).
#[must_use]
pub fn finding(lang: Lang, value: Status) -> &'static str {
    match lang {
        Lang::Fr => match value {
            Status::Done => "Conforme",
            Status::Partly => "À améliorer",
            Status::Todo => "Non conforme",
            Status::NotApplicable => "Sans objet",
            Status::Unanswered => "Non vu",
        },
        Lang::En => match value {
            Status::Done => "Compliant",
            Status::Partly => "To improve",
            Status::Todo => "Not compliant",
            Status::NotApplicable => "Not applicable",
            Status::Unanswered => "Not seen",
        },
    }
}

/// A field of the visit header, as a lowercase noun.
#[must_use]
pub fn header_field(lang: Lang, value: HeaderField) -> &'static str {
    match lang {
        Lang::Fr => match value {
            HeaderField::ReferentName => "nom du référent",
            HeaderField::ReferentUnit => "unité",
            HeaderField::Household => "foyer",
            HeaderField::Date => "date",
            HeaderField::Place => "lieu",
            HeaderField::Present => "personnes présentes",
            HeaderField::Address => "adresse",
        },
        Lang::En => match value {
            HeaderField::ReferentName => "referent's name",
            HeaderField::ReferentUnit => "unit",
            HeaderField::Household => "household",
            HeaderField::Date => "date",
            HeaderField::Place => "place",
            HeaderField::Present => "people present",
            HeaderField::Address => "address",
        },
    }
}

/// How a signed visit changed, one line each, in the order of `changes`
/// (sort it with [`ChangesSinceSigned::in_visit_order`]): the header's
/// fields, then each finding with what changed in it, the signed words
/// beside the current ones. `title` names an item.
#[must_use]
pub fn signoff_changes(
    lang: Lang,
    changes: &ChangesSinceSigned,
    title: &dyn Fn(&ItemId) -> String,
) -> Vec<String> {
    let fr = lang == Lang::Fr;
    let colon = if fr { "\u{a0}: " } else { ": " };
    let quoted = |text: &str| {
        let text = text.trim();
        match (text.is_empty(), fr) {
            (true, true) => "(vide)".to_owned(),
            (true, false) => "(none)".to_owned(),
            (false, true) => format!("«\u{a0}{text}\u{a0}»"),
            (false, false) => format!("“{text}”"),
        }
    };
    let mut lines = Vec::new();
    if !changes.header.is_empty() {
        let fields: Vec<&str> = changes.header.iter().map(|f| header_field(lang, *f)).collect();
        let header = if fr {
            "En-tête de la visite"
        } else {
            "Visit header"
        };
        lines.push(format!("{header}{colon}{}", fields.join(", ")));
    }
    for change in &changes.findings {
        let mut parts = Vec::new();
        if change.status_changed() {
            parts.push(format!(
                "{} → {}",
                finding(lang, change.before.status),
                finding(lang, change.now.status)
            ));
        }
        let texts = [
            (
                change.note_changed(),
                "observation",
                &change.before.note,
                &change.now.note,
            ),
            (
                change.recommendation_changed(),
                if fr { "recommandation" } else { "recommendation" },
                &change.before.recommendation,
                &change.now.recommendation,
            ),
        ];
        for (changed, what, before, now) in texts {
            if changed {
                parts.push(format!("{what} {} → {}", quoted(before), quoted(now)));
            }
        }
        let separator = if fr { "\u{a0}; " } else { "; " };
        lines.push(format!("{}{colon}{}", title(&change.item), parts.join(separator)));
    }
    lines
}
