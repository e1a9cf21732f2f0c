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
    /// The visit header changed.
    pub visit_header_changed: &'static str,
    /// A finding that changed: the item, before, now.
    pub finding_changed: fn(&str, &str, &str) -> String,
    /// How to take the changes into the signed record.
    pub sign_again_help: &'static str,
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
    /// Report: heading of the findings of a visit.
    pub report_findings: &'static str,
    /// Report: what the findings table holds.
    pub report_findings_intro: &'static str,
    /// Report: heading of the points not seen.
    pub report_unseen: &'static str,
    /// Report: what the points not seen are.
    pub report_unseen_intro: &'static str,
    /// Report: a signed visit changed since, on this day.
    pub report_changed_since_signed: fn(&str) -> String,
    /// Report: heading of the practices not agreed by everyone yet.
    pub report_pending: &'static str,
    /// Report: who has not agreed yet.
    pub report_not_yet_by: fn(&str) -> String,
    /// Report: the household did not say whether it lives in a house or a
    /// flat.
    pub report_dwelling_unspecified: &'static str,
    /// Report: the findings of a visit, counted.
    pub report_findings_label: &'static str,
    /// Report: a source and the day the advice citing it was checked.
    pub report_source_checked: fn(&str, &str) -> String,
    /// Report: what the full report of a référent's visit is (and is not).
    pub report_visit_subtitle: &'static str,
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
    visit_header_changed: "L’en-tête de la visite",
    finding_changed: |item, before, now| format!("• {item}\u{a0}: {before} → {now}"),
    sign_again_help: "Le compte rendu imprimé signale ces changements. Signez de nouveau pour que la signature couvre la visite telle qu’elle est.",
    sign_with_unseen: |n| {
        if n == 1 {
            "1\u{a0}point n’a pas été vu\u{a0}: signer quand même\u{a0}?".to_owned()
        } else {
            format!("{n}\u{a0}points n’ont pas été vus\u{a0}: signer quand même\u{a0}?")
        }
    },
    sign_with_unseen_explain: "Le compte rendu les listera à part, comme non vus.",
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
    report_findings: "Constats et recommandations",
    report_findings_intro: "Ce que le référent a constaté\u{a0}: d’abord les points non conformes, puis ceux à améliorer, chacun par priorité.",
    report_unseen: "Points non vus",
    report_unseen_intro: "Ces points n’ont pas été examinés pendant la visite\u{a0}: rien n’a été constaté à leur sujet.",
    report_changed_since_signed: |day| format!("Modifié après la signature du {day}"),
    report_pending: "Pas encore approuvé par tous",
    report_not_yet_by: |names| format!("pas encore\u{a0}: {names}"),
    report_dwelling_unspecified: "Logement non précisé (maison ou appartement)",
    report_findings_label: "Constats\u{a0}:",
    report_source_checked: |url, day| format!("{url} (conseil vérifié le {day})"),
    report_visit_subtitle: "Compte rendu de visite du référent sûreté, rédigé avec Vigie\u{a0}: ce n’est pas un diagnostic de sûreté officiel",
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
    visit_header_changed: "The visit header",
    finding_changed: |item, before, now| format!("• {item}: {before} → {now}"),
    sign_again_help: "The printed account says so. Sign again for the signature to cover the visit as it stands.",
    sign_with_unseen: |n| {
        if n == 1 {
            "1 point was not seen: sign anyway?".to_owned()
        } else {
            format!("{n} points were not seen: sign anyway?")
        }
    },
    sign_with_unseen_explain: "The account will list them apart, as not seen.",
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
    report_findings: "Findings and recommendations",
    report_findings_intro: "What the referent found: first the points not compliant, then those to improve, each by priority.",
    report_unseen: "Points not seen",
    report_unseen_intro: "These points were not examined during the visit: nothing was found about them.",
    report_changed_since_signed: |day| format!("Changed after the sign-off of {day}"),
    report_pending: "Not agreed by everyone yet",
    report_not_yet_by: |names| format!("not yet: {names}"),
    report_dwelling_unspecified: "Dwelling not given (house or flat)",
    report_findings_label: "Findings:",
    report_source_checked: |url, day| format!("{url} (advice checked on {day})"),
    report_visit_subtitle: "Report of the security referent's visit, written with Vigie: not an official security diagnostic",
};
