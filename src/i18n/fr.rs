//! Le catalogue français (la langue par défaut).
//!
//! Typographie : espace insécable (`\u{a0}`) avant `:` `;` `?` `!` et à
//! l'intérieur des « guillemets ».

use super::Tr;
use crate::model::checklist::{Journey, Priority, Tag};
use crate::model::dossier::Status;
use crate::model::validate::{Field, IdKind, ProblemKind};
use crate::store::{IoAction, StoreError, Theme};

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
    journey_name: |j| match j {
        Journey::Personal => "Checklist personnelle",
        Journey::Referent => "Visite du référent sûreté",
        Journey::Family => "Briefing en famille",
    },
    journey_help: |j| match j {
        Journey::Personal => {
            "Vous faites le point sur votre propre sécurité et obtenez un plan d’action classé par priorité."
        }
        Journey::Referent => {
            "Un référent sûreté de la police ou de la gendarmerie visite le domicile, zone par zone, et consigne ses constats."
        }
        Journey::Family => {
            "La famille passe en revue ensemble les bonnes pratiques de vigilance, membre par membre."
        }
    },
    priority_name: |p| match p {
        Priority::Critical => "Critique",
        Priority::High => "Haute",
        Priority::Medium => "Moyenne",
        Priority::Low => "Basse",
    },
    status_name: |s| match s {
        Status::Done => "Fait",
        Status::Partly => "En partie",
        Status::Todo => "À faire",
        Status::NotApplicable => "Sans objet",
        Status::Unanswered => "Non répondu",
    },
    tag_name: |t| match t {
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
            "1 point critique ouvert".to_owned()
        } else {
            format!("{n} points critiques ouverts")
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
    keyboard_help: "Clavier\u{a0}: ↓ ↑ ou J K point suivant ou précédent · 1 Fait · 2 En partie · 3 À faire · 4 Sans objet · 0 Effacer · Entrée déplier",
    orphans_title: "Réponses à des points qui n’existent plus",
    orphans_help: "Ces points ont été retirés ou renommés dans leur liste. Vos réponses sont conservées dans le dossier.",
    missing_checklists: |ids| format!("Listes introuvables (réponses conservées)\u{a0}: {ids}"),
    changed_on: |d| format!("Modifié le {d}"),
    critical_open_help: "Point critique encore ouvert\u{a0}: c’est exactement ce qu’exploitent les agresseurs.",
    sections: "Sections",

    problem: |p| {
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
    }
    },
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
            "{} a été modifié en dehors de cette fenêtre (une autre copie de Vigie est-elle ouverte\u{a0}?)\u{a0}; pour ne rien écraser, revenez à la liste et rouvrez le dossier",
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
    cli_locked: |dir| {
        format!(
            "Les dossiers de {dir} sont chiffrés\u{a0}: ouvrez Vigie et saisissez votre phrase de passe pour les voir."
        )
    },
};
