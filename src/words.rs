//! The words of Vigie's domain in French and English, shared by the
//! window's catalog (`crate::i18n`) and the printed report
//! (`crate::report::labels`): the names of journeys, family roles,
//! household tags, priorities, statuses and a référent's findings.

use crate::lang::Lang;
use crate::model::checklist::{Journey, Priority, Tag};
use crate::model::dossier::Status;
use crate::model::family::Role;

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
