//! Les mots du rapport, en français.

use super::{EmergencyNumber, Labels, Texts};
use crate::lang::Lang;
use crate::report::Profile;
use crate::words;

/// The French words of the report.
pub static FR: Texts = Texts {
    labels: Labels {
        confidential: "Confidentiel",
        page: "Page",
        generated_on: "Édité le",
        created_on: "Créé le",
        modified_on: "Modifié le",
        household: "Foyer",
        checklists: "Listes",
        overview: "Vue d’ensemble",
        answered: "Points répondus",
        score: "Score pondéré",
        score_explained: "Chaque point pèse selon sa priorité (critique 8, haute 4, moyenne 2, basse 1)\u{a0}; un point fait rapporte tout son poids, un point fait en partie la moitié.",
        open_critical: "Points critiques encore ouverts",
        by_section: "Par section",
        col_section: "Section",
        col_answered: "Répondus",
        col_score: "Score",
        col_critical: "Critiques ouverts",
        col_priority: "Priorité",
        col_item: "Point",
        col_status: "État",
        col_note: "Note",
        action_plan: "Plan d’action",
        action_plan_intro: "Tous les points qui ne sont pas encore faits, du plus important au moins important.",
        in_place: "Ce qui est en place",
        notes: "Notes",
        orphans: "Réponses à des points qui n’existent plus",
        sources: "Sources",
        nothing: "Rien à signaler.",
        no_practice_agreed: "Aucune pratique n’est encore approuvée par tous les membres concernés\u{a0}: passez les cartes en revue ensemble dans Vigie.",
        practices: "Nos pratiques de vigilance",
        practices_intro: "Les pratiques que la famille a passées en revue et adoptées ensemble.",
        emergency_title: "Fiche d’urgence",
        emergency_intro: "À garder près du téléphone, hors de la vue des visiteurs, et à connaître par cœur.",
        numbers: &[
            EmergencyNumber {
                number: "17",
                name: "Police ou gendarmerie",
                when: "Danger immédiat, intrusion, agression, filature, enlèvement ou appel de rançon, même si on vous a interdit d’appeler",
            },
            EmergencyNumber {
                number: "112",
                name: "Numéro d’urgence européen",
                when: "Depuis tout pays de l’Union européenne, ou si un autre numéro ne passe pas",
            },
            EmergencyNumber {
                number: "114",
                name: "Urgence par SMS, application, tchat ou visio",
                when: "Si vous ne pouvez pas parler\u{a0}: personne sourde ou malentendante, ou pour alerter discrètement\u{a0}; gratuit, 24\u{a0}h/24",
            },
            EmergencyNumber {
                number: "15",
                name: "SAMU",
                when: "Urgence médicale",
            },
            EmergencyNumber {
                number: "18",
                name: "Sapeurs-pompiers",
                when: "Incendie, accident, secours à personne",
            },
            EmergencyNumber {
                number: "masecurite.interieur.gouv.fr",
                name: "Ma Sécurité",
                when: "Tchat 24\u{a0}h/24 avec un policier ou un gendarme\u{a0}: signaler, demander conseil",
            },
            EmergencyNumber {
                number: "17cyber.gouv.fr",
                name: "17Cyber",
                when: "Attaque en ligne\u{a0}: piratage, chantage, escroquerie",
            },
            EmergencyNumber {
                number: "33\u{a0}700",
                name: "Signalement",
                when: "SMS ou appel frauduleux reçu",
            },
            EmergencyNumber {
                number: "0\u{a0}805\u{a0}805\u{a0}817",
                name: "Info Escroqueries",
                when: "Conseils sur une escroquerie, pas de dépôt de plainte\u{a0}; gratuit",
            },
            EmergencyNumber {
                number: "116\u{a0}006",
                name: "Aide aux victimes",
                when: "Après une agression\u{a0}: écoute et soutien, victimes et proches\u{a0}; gratuit, 7\u{a0}j/7",
            },
        ],
        col_number: "Numéro",
        col_who: "Qui répond",
        col_when: "Quand l’appeler",
        call_first: "Qui appeler en premier",
        call_first_text: "En cas de danger\u{a0}: d’abord le 17 (ou le 112), dès que vous pouvez appeler sans être vu, même si des agresseurs ou des ravisseurs vous l’ont interdit. Si vous ne pouvez pas parler, envoyez un SMS au 114. Ensuite seulement, prévenez vos proches selon l’ordre convenu. Appel d’enlèvement ou de rançon\u{a0}: appelez le 17 tout de suite, ne coupez pas le contact, ne payez rien seul\u{a0}; une seule personne parle aux ravisseurs, en suivant les enquêteurs, et note chaque appel (heure, numéro, mots exacts)\u{a0}; ne publiez rien et n’en parlez qu’aux enquêteurs et aux proches concernés.",
        by_hand: "À remplir à la main",
        by_hand_lines: &[
            "Point de rendez-vous près du domicile",
            "Point de rendez-vous hors du quartier",
            "Personne de confiance à prévenir",
            "Deuxième personne de confiance",
            "Contact sûreté de l’entreprise",
        ],
        by_hand_warning: "N’écrivez sur cette fiche aucun code, mot de passe, mot de vérification, signal de détresse ni phrase de récupération.",
        blank_intro: "Cochez une case par point pendant la visite\u{a0}; notez vos constats en bas de chaque section.",
        blank_columns: &["Fait", "En partie", "À faire", "Sans objet"],
        observations: "Constats et recommandations",
        col_owner: "Responsable",
        col_due: "Échéance",
        col_recommendation: "Recommandation",
        overdue: "en retard",
        members_title: "Les cartes de chacun",
        members_intro: "Pour chaque membre de la famille, les pratiques qui le concernent\u{a0}; ✓\u{a0}: lu et approuvé ensemble.",
        agreed: "✓ lu et approuvé",
        not_yet: "à lire ensemble",
    },
    keep_safe_for: |p| match p {
        Profile::Full => {
            "Document confidentiel\u{a0}: il décrit les points faibles d’un domicile. Conservez-le en lieu sûr et détruisez-le quand il ne sert plus."
        }
        Profile::Family => {
            "Document de la famille\u{a0}: les prénoms, les pratiques convenues et la fiche d’urgence, sans aucun point faible du domicile. Gardez-le hors de la vue des visiteurs."
        }
        Profile::Emergency => {
            "Fiche d’urgence\u{a0}: elle ne décrit pas le domicile, mais ce qui y est écrit à la main est personnel. Gardez-la près du téléphone, hors de la vue des visiteurs."
        }
        Profile::Blank => {
            "Formulaire vierge\u{a0}: une fois rempli, il décrira les points faibles d’un domicile. Conservez-le alors en lieu sûr."
        }
    },
    date_format: "%d/%m/%Y",
    datetime_format: "%d/%m/%Y %H:%M",
    answered_of: |a, t| format!("{a}/{t} répondus"),
    journey_name: |j| words::journey(Lang::Fr, j),
    role_name: |r| words::role(Lang::Fr, r),
    tag_name: |t| words::tag(Lang::Fr, t),
    priority_name: |p| words::priority(Lang::Fr, p),
    status_name: |s| words::status(Lang::Fr, s),
    finding_name: |s| words::finding(Lang::Fr, s),
    referent_name: "Nom du référent sûreté",
    referent_unit: "Unité",
    household: "Foyer visité",
    visit_date: "Date de la visite",
    place: "Lieu",
    people_present: "Personnes présentes",
    address: "Adresse (facultative)",
    address_sensitive: "Information sensible\u{a0}: avec les constats, l’adresse désigne une cible. Ne la notez que si c’est utile.",
    review_due_label: "Prochaine revue",
    signoff_title: "Signature de la visite",
    signoff_household: "Nom du membre du foyer",
    signoff_date: "Date de la signature",
    findings_summary: |done, partly, todo, na, unseen| {
        format!(
            "{done} conforme(s), {partly} à améliorer, {todo} non conforme(s), {na} sans objet, {unseen} non vu(s)"
        )
    },
    changes_since: |t, d| format!("Depuis «\u{a0}{t}\u{a0}» ({d})"),
    newly_done: |n| format!("Nouvellement faits ({n})"),
    newly_failing: |n| format!("Nouvellement en défaut ({n})"),
    still_open: |n| format!("Toujours ouverts ({n})"),
    report_visit_subtitle: "Compte rendu de visite du référent sûreté, rédigé avec Vigie\u{a0}: ce n’est pas un diagnostic de sûreté officiel",
    report_findings: "Constats et recommandations",
    report_findings_intro: "Ce que le référent a constaté\u{a0}: d’abord les points non conformes, puis ceux à améliorer, chacun par priorité.",
    report_unseen: "Points non vus",
    report_unseen_intro: "Ces points n’ont pas été examinés pendant la visite\u{a0}: rien n’a été constaté à leur sujet.",
    report_pending: "Pas encore approuvé par tous",
    report_findings_label: "Constats\u{a0}:",
    report_source_checked: |url, day| format!("{url} (conseil vérifié le {day})"),
    report_changed_since_signed: |day| format!("Modifié après la signature du {day}"),
    report_changed_notice: |day, n| {
        let what = if n == 1 {
            "1\u{a0}changement".to_owned()
        } else {
            format!("{n}\u{a0}changements")
        };
        format!(
            "Visite signée le {day}, puis modifiée ({what})\u{a0}: voir «\u{a0}Modifié après la signature\u{a0}» en fin de compte rendu. Les constats ci-dessous sont ceux d’aujourd’hui."
        )
    },
    report_earlier_signoff: "Signature précédente",
    report_earlier_signoff_value: |day, referent, household, replaced| {
        format!("{day}, par {referent} et {household} (remplacée le {replaced})")
    },
    report_dwelling_unspecified: "Logement non précisé (maison ou appartement)",
    report_not_yet_by: |names| format!("pas encore\u{a0}: {names}"),
};
