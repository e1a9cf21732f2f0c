//! Le catalogue français (la langue par défaut).
//!
//! Typographie : espace insécable (`\u{a0}`) avant `:` `;` `?` `!` et à
//! l'intérieur des « guillemets ».

use super::{Lang, Tr};
use crate::model::checklist::{Journey, Tag};
use crate::model::dossier::Status;
use crate::report::Profile;
use crate::settings::Theme;
use crate::store::{IoAction, StoreError};

/// The French catalog.
pub static FR: Tr = Tr {
    app_name: "Vigie",
    tagline: "Sûreté du domicile et vigilance en famille, sur votre ordinateur uniquement",
    cancel: "Annuler",
    close: "Fermer",
    language: "Langue",
    theme: "Thème",
    theme_name: |t| match t {
        Theme::System => "Système",
        Theme::Light => "Clair",
        Theme::Dark => "Sombre",
    },
    journey_name: |j| crate::words::journey(Lang::Fr, j),
    journey_help: |j| match j {
        Journey::Personal => {
            "Vous faites le point sur votre propre sécurité et obtenez un plan d’action classé par priorité."
        }
        Journey::Referent => {
            "Un référent sûreté de la police ou de la gendarmerie visite le domicile, zone par zone. Les constats et les conseils donnés oralement sont notés dans un compte rendu de visite rédigé avec Vigie, qui n’est pas un diagnostic de sûreté officiel."
        }
        Journey::Family => {
            "La famille passe en revue ensemble les bonnes pratiques de vigilance, membre par membre."
        }
    },
    priority_name: |p| crate::words::priority(Lang::Fr, p),
    status_name: |s| crate::words::status(Lang::Fr, s),
    tag_name: |t| crate::words::tag(Lang::Fr, t),
    saved: "Enregistré",
    unsaved: "Modifications en cours d’enregistrement",
    save_failed: "Échec de l’enregistrement",
    datetime_format: "%d/%m/%Y %H:%M",
    data_folder: |p| format!("Dossier des données\u{a0}: {p}"),

    home_title: "Vos dossiers",
    new_dossier: "Nouveau dossier…",
    no_dossier: "Aucun dossier pour l’instant. Créez-en un pour commencer\u{a0}: tout reste sur cet ordinateur.",
    col_title: "Titre",
    col_journey: "Parcours",
    col_progress: "Avancement",
    col_modified: "Dernière modification",
    col_file: "Fichier",
    open: "Ouvrir",
    rename: "Renommer…",
    duplicate: "Dupliquer",
    delete: "Supprimer…",
    copy_of: |t| format!("{t} (copie)"),
    rename_title: "Renommer le dossier",
    title_label: "Titre",
    delete_question: |t| format!("Mettre «\u{a0}{t}\u{a0}» à la corbeille\u{a0}?"),
    delete_explain: |p| {
        format!(
            "Le dossier et sa sauvegarde sont déplacés dans la corbeille de Vigie\u{a0}: {p}. Vous pourrez les y retrouver."
        )
    },
    move_to_trash: "Mettre à la corbeille",
    trashed: |p| format!("Dossier déplacé dans la corbeille\u{a0}: {p}"),
    damaged_dossier: "Ce dossier ne peut pas être ouvert. Le fichier est laissé tel quel.",
    open_backup: "Ouvrir la sauvegarde",
    backup_opened: |p| format!("La sauvegarde a été ouverte. Le fichier endommagé est conservé sous {p}."),
    checklist_errors: "Listes personnelles non chargées",
    open_critical: |n| {
        if n == 1 {
            "1 point de priorité critique ouvert".to_owned()
        } else {
            format!("{n} points de priorité critique ouverts")
        }
    },
    answered_of: |a, t| format!("{a}/{t} répondus"),
    score: |s| match s {
        Some(s) => format!("Score\u{a0}: {s}/100"),
        None => "Score\u{a0}: –".to_owned(),
    },
    score_help: "Le score pondère chaque point par sa priorité (critique 8, haute 4, moyenne 2, basse 1)\u{a0}: un point fait rapporte tout son poids, un point fait en partie la moitié. Les points sans objet ne comptent pas.",

    new_title: "Nouveau dossier",
    step_journey: "1. Le parcours",
    step_checklists: "2. Les listes",
    step_household: "3. Votre foyer",
    household_help: "Ces quelques questions servent à masquer ce qui ne vous concerne pas. Vous pourrez les modifier plus tard sans perdre vos réponses.",
    step_title: "4. Un titre",
    title_hint: "Par exemple\u{a0}: Domicile principal",
    create: "Créer le dossier",
    need_title: "Donnez un titre au dossier.",
    need_checklist: "Choisissez au moins une liste.",
    item_count: |n| {
        if n == 1 {
            "1 point".to_owned()
        } else {
            format!("{n} points")
        }
    },
    q_dwelling: "Vous habitez…",
    dwelling_house: "une maison",
    dwelling_flat: "un appartement",
    dwelling_both: "les deux, ou je préfère ne pas répondre",
    question: |t| match t {
        Tag::Children => "Des enfants de moins de 13 ans vivent au foyer",
        Tag::Teenagers => "Des adolescents vivent au foyer",
        Tag::ElderlyRelatives => "Des parents ou proches âgés pourraient être visés",
        Tag::HouseholdStaff => "Vous employez du personnel à domicile (ménage, garde d’enfants, jardin…)",
        Tag::CompanyDirector => "Un membre du foyer dirige une société inscrite au registre",
        Tag::PublicProfile => {
            "Un membre du foyer est connu publiquement (conférences, médias, réseaux sociaux)"
        }
        Tag::CryptoHoldings => "Le foyer détient des cryptoactifs",
        Tag::House => "Vous habitez une maison",
        Tag::Flat => "Vous habitez un appartement",
        Tag::SecondHome => "Vous avez une résidence secondaire",
    },
    profile_title: "Profil du foyer",
    edit_profile: "Profil du foyer…",
    apply: "Appliquer",
    hidden_by_profile: |n| {
        if n == 1 {
            "1 point masqué par le profil du foyer".to_owned()
        } else {
            format!("{n} points masqués par le profil du foyer")
        }
    },

    back_to_list: "← Dossiers",
    search: "Rechercher",
    search_hint: "Rechercher dans les points…",
    filter_status: "État",
    filter_priority: "Priorité",
    all: "Tous",
    open_items: "Restant à traiter",
    note: "Note",
    note_hint: "Ce que vous avez constaté ou décidé. N’écrivez jamais un code, un mot de passe ou une phrase de récupération.",
    guidance_and_sources: "Pourquoi et comment",
    sources: "Sources",
    nothing_matches: "Aucun point ne correspond.",
    search_results: |n| format!("Résultats de la recherche ({n})"),
    keyboard_help: |name| {
        format!(
            "Clavier\u{a0}: ↓ ↑ ou J K point suivant ou précédent · 1 {} · 2 {} · 3 {} · 4 {} · 0 Effacer · Entrée déplier",
            name(Status::Done),
            name(Status::Partly),
            name(Status::Todo),
            name(Status::NotApplicable)
        )
    },
    orphans_title: "Réponses à des points qui n’existent plus",
    orphans_help: "Ces points ont été retirés ou renommés dans leur liste. Vos réponses sont conservées dans le dossier.",
    missing_checklists: |ids| format!("Listes introuvables (réponses conservées)\u{a0}: {ids}"),
    changed_on: |d| format!("Modifié le {d}"),
    critical_open_help: "Point critique encore ouvert\u{a0}: c’est exactement ce qu’exploitent les agresseurs.",
    sections: "Sections",

    store_error: |e| match e {
        StoreError::Io { path, action, source } => {
            let what = match action {
                IoAction::CreateFolder => "de créer le dossier",
                IoAction::Read => "de lire",
                IoAction::Write => "d’écrire",
                IoAction::Move => "de déplacer",
            };
            let why = match source.kind() {
                std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
                std::io::ErrorKind::StorageFull => "le disque est plein".to_owned(),
                std::io::ErrorKind::ReadOnlyFilesystem => "le disque est en lecture seule".to_owned(),
                std::io::ErrorKind::NotFound => "introuvable".to_owned(),
                _ if crate::store::NotRegular::is(source) => {
                    "ce n’est pas un fichier ordinaire (un tube, un périphérique ou un dossier)\u{a0}: refusé"
                        .to_owned()
                }
                _ => source.to_string(),
            };
            format!("impossible {what} {}\u{a0}: {why}", path.display())
        }
        StoreError::Parse {
            path,
            line,
            col,
            message,
        } => format!(
            "{}, ligne {line}, colonne {col}\u{a0}: le fichier n’est pas lisible ({message})",
            path.display()
        ),
        StoreError::TooNew { path, version } => format!(
            "{}\u{a0}: ce fichier vient d’une version plus récente de Vigie (format {version})\u{a0}; mettez Vigie à jour pour l’ouvrir",
            path.display()
        ),
        StoreError::ChangedOnDisk { path } => format!(
            "{} a été modifié en dehors de Vigie depuis son ouverture (une autre copie de Vigie est-elle ouverte\u{a0}?)\u{a0}; rien n’a été écrasé",
            path.display()
        ),
        StoreError::NoBackup { path } => format!("aucune sauvegarde\u{a0}: {}", path.display()),
        StoreError::WrongPassphrase => "phrase de passe incorrecte\u{a0}; rien n’a été modifié".to_owned(),
        StoreError::Locked { path } => format!(
            "{} est chiffré et Vigie est verrouillé\u{a0}: déverrouillez-le avec votre phrase de passe",
            path.display()
        ),
        StoreError::Crypto { path, message } => format!(
            "{}\u{a0}: ce fichier ne peut pas être déchiffré ou chiffré ({message})",
            path.display()
        ),
        StoreError::Encode { path, .. } => format!(
            "{}\u{a0}: impossible de mettre ce fichier en forme pour l’écrire\u{a0}; le fichier sur le disque n’a pas changé",
            path.display()
        ),
        StoreError::TooLarge { path, bytes } => format!(
            "{}\u{a0}: {bytes} octets, plus que ce que Vigie sait relire\u{a0}; rien n’a été écrit",
            path.display()
        ),
        StoreError::AlreadyEncrypted => "le chiffrement est déjà activé".to_owned(),
        StoreError::NotEncrypted => "le chiffrement n’est pas activé".to_owned(),
    },
    save_error: |why| {
        format!(
            "Impossible d’enregistrer\u{a0}: {why}. Vos modifications restent en mémoire\u{a0}; Vigie réessaiera à la prochaine modification."
        )
    },
    retry: "Réessayer",
    data_folder_error: |why| format!("Impossible d’ouvrir le dossier des données\u{a0}: {why}"),
    open_interrupted: "sa lecture s’est arrêtée sur une erreur interne. Vos fichiers n’ont pas été modifiés\u{a0}; relancez Vigie.",

    cli_valid: |file, n| format!("{file}\u{a0}: valide ({n} points)"),
    cli_invalid_summary: |n| {
        if n == 1 {
            "1 fichier contient des erreurs".to_owned()
        } else {
            format!("{n} fichiers contiennent des erreurs")
        }
    },
    cli_no_dossier: |dir| format!("Aucun dossier dans {dir}"),
    cli_damaged: "(illisible)",

    profile_name: |p| match p {
        Profile::Full => "Rapport complet",
        Profile::Family => "Fiche famille",
        Profile::Emergency => "Fiche d’urgence",
        Profile::Blank => "Formulaire vierge",
    },
    profile_help: |p| match p {
        Profile::Full => {
            "Le rapport confidentiel\u{a0}: avancement, plan d’action, ce qui est en place, notes et sources. Pour une visite de référent, c’est le compte rendu de visite rédigé avec Vigie, pas un diagnostic de sûreté officiel."
        }
        Profile::Family => {
            "À remettre à la famille\u{a0}: les pratiques adoptées et la fiche d’urgence, sans point faible ni note."
        }
        Profile::Emergency => {
            "Une page\u{a0}: les numéros, qui appeler en premier, des lignes à remplir à la main."
        }
        Profile::Blank => "Les listes du dossier avec des cases vides, pour une visite sur papier.",
    },
    summary_button: "Synthèse et export…",
    back_to_walk: "← Retour aux points",
    summary_title: "Synthèse",
    summary_profile: "Document",
    export_pdf: "Exporter en PDF…",
    export_html: "Exporter en HTML…",
    open_after_export: "Ouvrir après l’export",
    export_path: "Enregistrer sous",
    export_to_path: "Exporter",
    exported: |p| format!("Exporté\u{a0}: {p}"),
    export_failed: |why| format!("Impossible d’exporter\u{a0}: {why}"),
    open_failed: |p, why| format!("Impossible d’ouvrir {p}\u{a0}: {why}"),
    plan_preview: |n| format!("Plan d’action ({n} points à traiter)"),
    passphrase_prompt: "Phrase de passe de Vigie\u{a0}: ",
    cli_exported: |p| format!("Exporté\u{a0}: {p}"),

    finding_name: |s| crate::words::finding(Lang::Fr, s),
    page_list: "Tous les points",
    page_visit_header: "En-tête de visite",
    page_visit: "Visite pas à pas",
    page_signoff: "Signature",
    page_plan: "Plan d’action",
    page_members: "Membres",
    page_cards: "Cartes",
    page_acks: "Qui a lu quoi",
    date_format: "%d/%m/%Y",
    date_hint: "JJ/MM/AAAA",
    date_invalid: "Date non reconnue\u{a0}: écrivez-la JJ/MM/AAAA, par exemple 31/12/2026.",
    date_missing: "Indiquez une date.",
    visit_title: "En-tête de la visite",
    visit_help: "Qui visite, quel foyer, où et quand. Ces informations figureront sur le compte rendu de visite rédigé avec Vigie (ce n’est pas un diagnostic de sûreté officiel).",
    referent_name: "Nom du référent sûreté",
    referent_unit: "Unité",
    household: "Foyer visité",
    visit_date: "Date de la visite",
    place: "Lieu",
    people_present: "Personnes présentes",
    address: "Adresse (facultative)",
    address_sensitive: "Information sensible\u{a0}: avec les constats, l’adresse désigne une cible. Ne la notez que si c’est utile.",
    start_visit: "Enregistrer et commencer la visite",
    need_referent_name: "Indiquez le nom du référent.",
    need_household: "Indiquez le foyer visité.",
    zone_position: |i, n| format!("Point {i} sur {n} de la zone"),
    visit_position: |i, n| format!("{i} / {n} sur l’ensemble de la visite"),
    finding: "Constat",
    observation: "Observation",
    recommendation: "Recommandation",
    previous: "← Précédent",
    next: "Suivant →",
    to_signoff: "Vers la signature →",
    nothing_to_visit: "Aucun point à visiter\u{a0}: le profil du foyer les masque tous.",
    signoff_title: "Signature de la visite",
    signoff_help: "En tapant vos noms, le référent et le foyer attestent que les constats ont été présentés et lus ensemble. Ce n’est pas une signature électronique.",
    signoff_household: "Nom du membre du foyer",
    signoff_date: "Date de la signature",
    sign: "Signer",
    form_not_saved: "Formulaire pas encore enregistré",
    unsaved_form_title: "Ce formulaire n’est pas enregistré",
    unsaved_changes_title: "Vos modifications ne sont pas enregistrées",
    unsaved_changes_explain: |conflict| {
        if conflict {
            "Le fichier du dossier a été modifié ailleurs depuis son ouverture. Gardez vos modifications comme un nouveau dossier, ou enregistrez-les par-dessus l’autre version, qui ira à la corbeille\u{a0}: rien n’est perdu.".to_owned()
        } else {
            "Gardez-les comme un nouveau dossier, ou restez pour réessayer une fois le problème réglé. Ne pas les enregistrer les perd.".to_owned()
        }
    },
    save_as_new: "Garder comme nouveau dossier",
    overwrite_other: "Enregistrer par-dessus (l’autre version va à la corbeille)",
    discard_changes: "Abandonner mes modifications",
    stay: "Rester",
    unsaved_form_explain: "Ce que vous venez de taper n’est pas encore dans le dossier. L’enregistrer avant de quitter cette page\u{a0}?",
    unsaved_date_explain: "Une date tapée n’est pas valide et n’a donc pas été enregistrée. Corrigez-la (JJ/MM/AAAA), ou quittez la page sans elle.",
    save_form: "Enregistrer",
    discard_form: "Ne pas enregistrer",
    need_both_names: "Tapez les deux noms.",
    signed: |date, referent, household| format!("Signé le {date} par {referent} et {household}."),
    findings_summary: |done, partly, todo, na, unseen| {
        format!(
            "{done} conforme(s), {partly} à améliorer, {todo} non conforme(s), {na} sans objet, {unseen} non vu(s)"
        )
    },
    plan_title: "Plan d’action",
    plan_help: "Les points à traiter, du plus important au moins important, puis par échéance. Donnez à chacun un responsable et une échéance.",
    plan_empty: "Aucun point à traiter pour l’instant.",
    not_in_plan: |n| {
        if n == 1 {
            "1 point pas encore répondu n’est pas dans le plan.".to_owned()
        } else {
            format!("{n} points pas encore répondus ne sont pas dans le plan.")
        }
    },
    owner: "Responsable",
    owner_hint: "Prénom, rôle…",
    due: "Échéance",
    overdue: "En retard",
    review_due_label: "Prochaine revue",
    review_due_badge: |d| format!("Revue à faire (prévue le {d})"),
    changes_since: |t, d| format!("Depuis «\u{a0}{t}\u{a0}» ({d})"),
    newly_done: |n| format!("Nouvellement faits ({n})"),
    newly_failing: |n| format!("Nouvellement en défaut ({n})"),
    still_open: |n| format!("Toujours ouverts ({n})"),
    to_plan: "Voir le plan d’action →",
    new_review: "Nouvelle revue à partir de ce dossier",
    review_title: |t, d| format!("{t} – revue du {d}"),
    members_title: "Les membres de la famille",
    members_help: "Un prénom ou un surnom suffit\u{a0}: aucun nom de famille n’est demandé. Chacun lira les cartes de son public.",
    role_name: |r| crate::words::role(Lang::Fr, r),
    role: "Rôle",
    member_name: "Prénom ou surnom",
    add_member: "Ajouter",
    remove_member: |n| format!("Retirer {n}"),
    no_members: "Ajoutez au moins un membre pour lire les cartes.",
    to_cards: "Lire les cartes ensemble →",
    card_position: |i, n| format!("Carte {i} sur {n}"),
    read_and_agreed: |n| format!("{n}\u{a0}: lu et approuvé"),
    no_cards: "Aucune carte\u{a0}: il faut la checklist «\u{a0}Vigilance en famille\u{a0}» et au moins un membre dont le public y figure.",
    to_acks: "Voir qui a lu quoi →",
    acks_title: "Qui a lu et approuvé quoi",
    acks_count: |a, n| format!("{a} carte(s) sur {n} lue(s) et approuvée(s)"),
    finding_of: |f| format!("Constat\u{a0}: {f}"),
    most_important_first: "Les plus importants d’abord",
    remove_member_question: |n| format!("Retirer {n}\u{a0}?"),
    remove_member_explain: |n| format!("Ses {n} carte(s) lue(s) et approuvée(s) seront effacées du dossier."),
    security_button: "Sécurité…",
    lock: "Verrouiller",
    lock_help: "Enregistre, oublie la clé et masque vos dossiers jusqu’à la saisie de la phrase de passe",
    locked_title: "Vigie est verrouillé",
    locked_help: "Vos dossiers sont chiffrés. Saisissez votre phrase de passe pour les ouvrir.",
    passphrase: "Phrase de passe",
    unlock: "Déverrouiller",
    forgot_help: "Sans la phrase de passe, vos dossiers ne peuvent pas être lus\u{a0}: personne ne peut la retrouver pour vous.",
    security_title: "Sécurité",
    encryption_on: "Le chiffrement est activé\u{a0}: vos dossiers, leurs sauvegardes et la corbeille sont chiffrés sur le disque.",
    encryption_off: "Le chiffrement est désactivé\u{a0}: quiconque accède à vos fichiers peut lire vos dossiers.",
    encryption_explain: "Choisissez une phrase de plusieurs mots, facile à retenir pour vous seul. Vigie la demandera à chaque ouverture. Si vous l’oubliez, vos dossiers seront perdus\u{a0}: notez-la et rangez-la en lieu sûr.",
    new_passphrase: "Nouvelle phrase de passe",
    confirm_passphrase: "Confirmez la phrase de passe",
    current_passphrase: "Phrase de passe actuelle",
    strength: |score| {
        let word = match score {
            0 => "très faible",
            1 => "faible",
            2 => "moyenne",
            3 => "bonne",
            _ => "excellente",
        };
        if score < crate::passphrase::MIN_SCORE {
            format!("Solidité\u{a0}: {word} (il faut au moins «\u{a0}bonne\u{a0}»)")
        } else {
            format!("Solidité\u{a0}: {word}")
        }
    },
    passphrase_too_weak: "Cette phrase de passe est trop facile à deviner\u{a0}: ajoutez des mots peu courants.",
    passphrases_differ: "Les deux phrases de passe ne sont pas identiques.",
    enable_encryption: "Activer le chiffrement",
    disable_encryption: "Désactiver le chiffrement",
    disable_explain: "Vos dossiers seront de nouveau enregistrés en clair. Saisissez votre phrase de passe pour confirmer.",
    idle_lock: "Verrouiller après une inactivité de",
    idle_lock_choice: |minutes| {
        if minutes == 0 {
            "jamais".to_owned()
        } else {
            format!("{minutes}\u{a0}min")
        }
    },
    encryption_enabled: "Chiffrement activé. Gardez votre phrase de passe en lieu sûr\u{a0}: sans elle, vos dossiers ne peuvent pas être lus.",
    encryption_disabled: "Chiffrement désactivé\u{a0}: vos dossiers sont de nouveau enregistrés en clair.",
    working: "Un instant…",
    change_passphrase_button: "Changer la phrase de passe…",
    change_passphrase_explain: "Vos dossiers restent chiffrés avec la même clé\u{a0}: seule la phrase de passe qui protège cette clé change, sans réécrire vos dossiers. Une ancienne copie du fichier key.age (dans une sauvegarde) s’ouvrirait encore avec l’ancienne phrase.",
    change_passphrase: "Changer la phrase de passe",
    passphrase_changed: "Phrase de passe changée. Utilisez la nouvelle au prochain déverrouillage.",
    back: "Retour",
    photos_left_out: |n| {
        format!("{n}\u{a0}photo(s) illisible(s)\u{a0}: seule leur légende est imprimée dans le rapport.")
    },
    restore_undone: |n| {
        format!(
            "Une restauration a été interrompue (Vigie a été fermé pendant qu’elle déplaçait les fichiers)\u{a0}: elle a été annulée ({n}\u{a0}fichier(s) remis en place), le dossier de données est comme avant elle. Vous pouvez la relancer, la sauvegarde n’a pas changé."
        )
    },
    cli_tightened: |dir| {
        format!(
            "{dir} était lisible par les autres utilisateurs de cet ordinateur\u{a0}: il est maintenant privé (0700)."
        )
    },
    cli_locked: |dir| {
        format!(
            "Les dossiers de {dir} sont chiffrés\u{a0}: ouvrez Vigie et saisissez votre phrase de passe pour les voir."
        )
    },
    home: &super::home::FR,
    keys: &super::keys::FR,
    journeys: &super::journeys::FR,
    journal: &super::journal::FR,
    exposure: &super::exposure::FR,
    photos: &super::photos::FR,
    archive: &super::archive::FR,
};
