//! The texts of the journeys' pages added with drafts that are kept, the
//! record of a signed visit, the one action plan and the family cards.

use crate::model::checklist::Priority;
use crate::report::Profile;

/// The texts.
#[derive(Debug)]
pub struct JourneysTr {
    /// A priority with its word: "Priorité critique".
    pub priority_label: fn(Priority) -> &'static str,
    /// A signed visit changed since: the day it was signed, the findings
    /// changed, whether the header changed.
    pub changed_since_signed: fn(&str, usize, bool) -> String,
    /// A member's first name is missing.
    pub need_member_name: &'static str,
    /// The date has the form of a date but the day does not exist.
    pub date_no_such_day: &'static str,
    /// Saves a changed visit header.
    pub save_visit: &'static str,
    /// The form holds a draft kept with the dossier.
    pub form_draft_kept: &'static str,
    /// Hint of the people present.
    pub people_present_hint: &'static str,
    /// Clears a finding.
    pub clear_finding: &'static str,
    /// What clearing does.
    pub clear_finding_help: &'static str,
    /// Signs a visit again.
    pub sign_again: &'static str,
    /// Nothing changed since the sign-off.
    pub unchanged_since_signed: &'static str,
    /// Heading of the changes since the sign-off.
    pub changes_since_signed_title: &'static str,
    /// How to take the changes into the signed record.
    pub sign_again_help: &'static str,
    /// Question before signing a visit again: the date and names of the
    /// signature it replaces.
    pub replace_signoff: fn(&str, &str, &str) -> String,
    /// What signing again does to the earlier signature.
    pub replace_signoff_explain: &'static str,
    /// The button that signs again, replacing the earlier signature.
    pub replace_signoff_action: &'static str,
    /// A signature replaced by a later one: its date, names, and when it
    /// was replaced.
    pub earlier_signed: fn(&str, &str, &str, &str) -> String,
    /// Heading of the findings to deal with, on the sign-off page.
    pub attested_findings: &'static str,
    /// More findings to deal with than the sign-off page lists.
    pub more_attested: fn(usize) -> String,
    /// The sign-off is dated before the visit.
    pub signed_before_visit: &'static str,
    /// The sign-off is dated after today.
    pub signed_in_future: &'static str,
    /// Question before signing with points not seen.
    pub sign_with_unseen: fn(usize) -> String,
    /// What signing with points not seen means.
    pub sign_with_unseen_explain: &'static str,
    /// Signs anyway.
    pub sign_anyway: &'static str,
    /// Who a card is for.
    pub card_for: fn(&str) -> String,
    /// Every member concerned agreed.
    pub agreed_by_all: &'static str,
    /// Cards agreed by everyone concerned, out of all.
    pub cards_agreed: fn(usize, usize) -> String,
    /// The plan's counts: entries, not answered yet, whether a visit.
    pub plan_counts: fn(usize, usize, bool) -> String,
    /// More entries than the preview shows.
    pub more_in_plan: fn(usize) -> String,
    /// What an export holds and that it is not encrypted, by profile.
    pub export_warning_for: fn(Profile) -> &'static str,
    /// Button: stay and correct the date.
    pub correct_date: &'static str,
    /// No file dialog could be shown.
    pub no_file_dialog: &'static str,
    /// Files converted while turning encryption on or off.
    pub files_converted: fn(usize, usize) -> String,
    /// When an item's advice was last checked against its sources.
    pub verified_on: fn(&str) -> String,
}

/// The French texts.
pub static FR: JourneysTr = JourneysTr {
    priority_label: |p| match p {
        Priority::Critical => "Priorité critique",
        Priority::High => "Priorité haute",
        Priority::Medium => "Priorité moyenne",
        Priority::Low => "Priorité basse",
    },
    changed_since_signed: |day, n, header| {
        let what = match (n, header) {
            (0, _) => "l’en-tête".to_owned(),
            (1, false) => "1\u{a0}constat".to_owned(),
            (1, true) => "1\u{a0}constat et l’en-tête".to_owned(),
            (n, false) => format!("{n}\u{a0}constats"),
            (n, true) => format!("{n}\u{a0}constats et l’en-tête"),
        };
        format!("Visite modifiée depuis sa signature du {day}\u{a0}: {what}. Voir «\u{a0}Signature\u{a0}».")
    },
    need_member_name: "Indiquez un prénom ou un surnom.",
    date_no_such_day: "Ce jour n’existe pas (par exemple, il n’y a pas de 31\u{a0}février).",
    save_visit: "Enregistrer l’en-tête",
    form_draft_kept: "Brouillon conservé avec le dossier\u{a0}: il n’est pas encore enregistré comme en-tête de la visite.",
    people_present_hint: "Une personne par ligne",
    clear_finding: "Effacer le constat",
    clear_finding_help: "Remet ce point à «\u{a0}Non vu\u{a0}»\u{a0}: le constat et sa place dans le plan d’action disparaissent.",
    sign_again: "Signer de nouveau",
    unchanged_since_signed: "Rien n’a changé depuis la signature.",
    changes_since_signed_title: "Modifié depuis la signature",
    sign_again_help: "Le compte rendu imprimé signale ces changements. Signez de nouveau pour que la signature couvre la visite telle qu’elle est.",
    sign_with_unseen: |n| {
        if n == 1 {
            "1\u{a0}point n’a pas été vu\u{a0}: signer quand même\u{a0}?".to_owned()
        } else {
            format!("{n}\u{a0}points n’ont pas été vus\u{a0}: signer quand même\u{a0}?")
        }
    },
    sign_with_unseen_explain: "Le compte rendu les listera à part, comme non vus.",
    replace_signoff: |day, referent, household| {
        format!("Remplacer la signature du {day} par {referent} et {household}\u{a0}?")
    },
    replace_signoff_explain: "La nouvelle signature couvre la visite telle qu’elle est maintenant. La précédente n’est pas effacée\u{a0}: elle reste dans le dossier avec ce qu’elle couvrait, et le compte rendu la mentionne.",
    replace_signoff_action: "Remplacer la signature",
    earlier_signed: |day, referent, household, replaced| {
        format!("Signée auparavant le {day} par {referent} et {household} (remplacée le {replaced}).")
    },
    attested_findings: "Les constats à traiter, présentés au foyer\u{a0}:",
    more_attested: |n| format!("… et {n} autres, dans le plan d’action et le compte rendu."),
    signed_before_visit: "La signature ne peut pas précéder la visite\u{a0}: indiquez le jour de la visite ou un jour suivant.",
    signed_in_future: "La signature ne peut pas porter une date à venir\u{a0}: indiquez le jour où elle est faite.",
    sign_anyway: "Signer quand même",
    card_for: |names| format!("Pour\u{a0}: {names}"),
    agreed_by_all: "Lu et approuvé par tous les membres concernés",
    cards_agreed: |n, total| format!("{n} cartes sur {total} approuvées par tous"),
    plan_counts: |n, unanswered, visit| {
        let unseen = if visit { "non vus" } else { "sans réponse" };
        format!("{n}\u{a0}points à traiter, dont {unanswered}\u{a0}{unseen} pour l’instant.")
    },
    more_in_plan: |n| format!("… et {n} autres dans le plan d’action"),
    export_warning_for: |p| match p {
        Profile::Full => {
            "Le fichier exporté n’est pas chiffré. Ce rapport complet décrit les points faibles du domicile, les constats et les notes\u{a0}: gardez-le en lieu sûr et ne l’envoyez pas sans protection."
        }
        Profile::Family => {
            "Le fichier exporté n’est pas chiffré. Ce livret contient les prénoms des membres de la famille, les pratiques convenues et la fiche d’urgence, sans aucun point faible du domicile."
        }
        Profile::Emergency => {
            "Le fichier exporté n’est pas chiffré. La fiche d’urgence contient les numéros utiles et des lignes à remplir à la main."
        }
        Profile::Blank => {
            "Le fichier exporté n’est pas chiffré. Le formulaire vierge ne contient que les points des checklists, sans aucune réponse."
        }
    },
    correct_date: "Corriger la date",
    no_file_dialog: "Aucune fenêtre de choix de fichier n’a pu s’ouvrir sur ce système\u{a0}: tapez le chemin du fichier dans le champ ci-dessous, puis «\u{a0}Exporter\u{a0}».",
    files_converted: |done, total| format!("{done}\u{a0}fichiers sur {total}"),
    verified_on: |day| format!("Conseil vérifié auprès de ces sources le {day}"),
};

/// The English texts.
pub static EN: JourneysTr = JourneysTr {
    priority_label: |p| match p {
        Priority::Critical => "Critical priority",
        Priority::High => "High priority",
        Priority::Medium => "Medium priority",
        Priority::Low => "Low priority",
    },
    changed_since_signed: |day, n, header| {
        let what = match (n, header) {
            (0, _) => "the header".to_owned(),
            (1, false) => "1 finding".to_owned(),
            (1, true) => "1 finding and the header".to_owned(),
            (n, false) => format!("{n} findings"),
            (n, true) => format!("{n} findings and the header"),
        };
        format!("Visit changed since it was signed on {day}: {what}. See “Sign-off”.")
    },
    need_member_name: "Give a first name or a nickname.",
    date_no_such_day: "That day does not exist (there is no 31 February, for example).",
    save_visit: "Save the header",
    form_draft_kept: "Draft kept with the dossier: not saved as the visit header yet.",
    people_present_hint: "One person per line",
    clear_finding: "Clear the finding",
    clear_finding_help: "Puts this point back to “Not seen”: the finding and its place in the action plan go.",
    sign_again: "Sign again",
    unchanged_since_signed: "Nothing changed since the sign-off.",
    changes_since_signed_title: "Changed since the sign-off",
    sign_again_help: "The printed report lists these changes. Sign again for the signature to cover the visit as it stands.",
    sign_with_unseen: |n| {
        if n == 1 {
            "1 item was not seen: sign anyway?".to_owned()
        } else {
            format!("{n} items were not seen: sign anyway?")
        }
    },
    sign_with_unseen_explain: "The report will list them separately, as not seen.",
    replace_signoff: |day, referent, household| {
        format!("Replace the signature of {day} by {referent} and {household}?")
    },
    replace_signoff_explain: "The new signature covers the visit as it is now. The earlier one is not erased: it stays in the dossier with what it covered, and the report mentions it.",
    replace_signoff_action: "Replace the signature",
    earlier_signed: |day, referent, household, replaced| {
        format!("Signed before on {day} by {referent} and {household} (replaced on {replaced}).")
    },
    attested_findings: "The findings to deal with, presented to the household:",
    more_attested: |n| format!("… and {n} more, in the action plan and the report."),
    signed_before_visit: "The sign-off cannot come before the visit: give the day of the visit or a later one.",
    signed_in_future: "The sign-off cannot be dated in the future: give the day it is made.",
    sign_anyway: "Sign anyway",
    card_for: |names| format!("For: {names}"),
    agreed_by_all: "Read and agreed by every member concerned",
    cards_agreed: |n, total| format!("{n} of {total} cards agreed by everyone"),
    plan_counts: |n, unanswered, visit| {
        let unseen = if visit { "not seen" } else { "not answered" };
        format!("{n} points to deal with, {unanswered} of them {unseen} yet.")
    },
    more_in_plan: |n| format!("… and {n} more in the action plan"),
    export_warning_for: |p| match p {
        Profile::Full => {
            "The exported file is not encrypted. This full report describes the home's weak points, the findings and the notes: keep it somewhere safe and do not send it unprotected."
        }
        Profile::Family => {
            "The exported file is not encrypted. This handout holds the family members' first names, the practices agreed and the emergency sheet, and no weak point of the home."
        }
        Profile::Emergency => {
            "The exported file is not encrypted. The emergency sheet holds the useful numbers and lines to fill in by hand."
        }
        Profile::Blank => {
            "The exported file is not encrypted. The blank form holds only the checklists' items, with no answer."
        }
    },
    correct_date: "Correct the date",
    no_file_dialog: "No file chooser could open on this system: type the file's path in the field below, then “Export”.",
    files_converted: |done, total| format!("{done} of {total} files"),
    verified_on: |day| format!("Advice checked against these sources on {day}"),
};
