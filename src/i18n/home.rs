//! The texts of the home screen: the first launch (the three journeys),
//! the caseload (search, sort, filter), what is due, and the trash.

use crate::model::checklist::Journey;
use crate::settings::HomeSort;

/// The home screen's texts.
#[derive(Debug)]
pub struct HomeTr {
    /// First launch: the opening sentence.
    pub welcome: &'static str,
    /// The dossier list is being read, at start-up.
    pub reading_list: &'static str,
    /// Who a journey is for.
    pub journey_for: fn(Journey) -> &'static str,
    /// What one gets at the end of a journey.
    pub journey_gives: fn(Journey) -> &'static str,
    /// How long a journey takes.
    pub journey_takes: fn(Journey) -> &'static str,
    /// The button that starts a journey.
    pub journey_start: fn(Journey) -> &'static str,
    /// What Vigie keeps private, and where.
    pub privacy_line: fn(&str) -> String,
    /// Hint of the dossier search.
    pub search_hint: &'static str,
    /// "Sort by".
    pub sort_by: &'static str,
    /// A sort's name.
    pub sort_name: fn(HomeSort) -> &'static str,
    /// "All (12)".
    pub all_count: fn(usize) -> String,
    /// Heading of what is due.
    pub due_title: fn(usize) -> String,
    /// A review whose date has come.
    pub due_review: fn(&str, &str) -> String,
    /// A plan with overdue actions.
    pub due_actions: fn(&str, usize) -> String,
    /// "and 3 more".
    pub and_more: fn(usize) -> String,
    /// Overdue actions on a dossier's row.
    pub overdue_actions: fn(usize) -> String,
    /// The trash button.
    pub trash_button: &'static str,
    /// Heading of the trash dialog.
    pub trash_title: &'static str,
    /// What the trash is.
    pub trash_help: &'static str,
    /// The trash is empty.
    pub trash_empty: &'static str,
    /// When a dossier was deleted.
    pub deleted_on: fn(&str) -> String,
    /// The button that restores a dossier.
    pub restore: fn(&str) -> String,
    /// The button that asks to empty the trash.
    pub empty_trash_button: &'static str,
    /// Question before emptying the trash.
    pub empty_trash_question: &'static str,
    /// What emptying the trash does.
    pub empty_trash_explain: &'static str,
    /// The button that empties the trash.
    pub empty_trash: &'static str,
    /// Notice: a dossier came back.
    pub restored: fn(&str) -> String,
    /// Notice: the trash was emptied.
    pub trash_emptied: fn(usize) -> String,
    /// Heading: the user's checklists loaded with warnings.
    pub checklist_warnings: &'static str,
}

/// The French texts.
pub static FR: HomeTr = HomeTr {
    reading_list: "Lecture des dossiers…",
    welcome: "Bienvenue. Vigie vous accompagne dans les mesures de sûreté proposées par le ministère de l’Intérieur, sans être un service du ministère. Choisissez ce qui vous concerne\u{a0}:",
    journey_for: |j| match j {
        Journey::Personal => "Pour vous et votre foyer, seul ou en famille.",
        Journey::Referent => {
            "Pour le référent sûreté de la police ou de la gendarmerie qui visite un domicile."
        }
        Journey::Family => "Pour toute la famille, réunie autour de l’écran.",
    },
    journey_gives: |j| match j {
        Journey::Personal => {
            "Vous obtenez un plan d’action classé par priorité, à reprendre à chaque révision."
        }
        Journey::Referent => "Vous obtenez un compte rendu de visite zone par zone, à remettre au foyer.",
        Journey::Family => "Vous obtenez les pratiques convenues ensemble et la fiche d’urgence à imprimer.",
    },
    journey_takes: |j| match j {
        Journey::Personal => "Environ 45\u{a0}minutes, en plusieurs fois si vous le souhaitez.",
        Journey::Referent => "La durée de la visite\u{a0}; tout est enregistré au fil de l’eau.",
        Journey::Family => {
            "En une ou plusieurs séances, à votre rythme\u{a0}; tout est enregistré au fil de l’eau."
        }
    },
    journey_start: |j| match j {
        Journey::Personal => "Commencer ma checklist",
        Journey::Referent => "Commencer une visite",
        Journey::Family => "Commencer le briefing en famille",
    },
    privacy_line: |dir| {
        format!(
            "Tout reste sur cet ordinateur, dans {dir}\u{a0}: rien n’est envoyé nulle part. Vous pouvez chiffrer vos dossiers avec une phrase de passe (bouton «\u{a0}Sécurité…\u{a0}»)."
        )
    },
    search_hint: "titre, foyer, lieu…",
    sort_by: "Trier par",
    sort_name: |s| match s {
        HomeSort::LastChange => "Dernière modification",
        HomeSort::NextReview => "Prochaine révision",
        HomeSort::OpenCritical => "Points critiques ouverts",
        HomeSort::Journey => "Parcours",
    },
    all_count: |n| format!("Tous ({n})"),
    due_title: |n| {
        if n == 1 {
            "À faire maintenant\u{a0}: 1\u{a0}rappel".to_owned()
        } else {
            format!("À faire maintenant\u{a0}: {n}\u{a0}rappels")
        }
    },
    due_review: |title, day| format!("{title}\u{a0}: révision prévue le {day}"),
    due_actions: |title, n| {
        if n == 1 {
            format!("{title}\u{a0}: 1\u{a0}action en retard")
        } else {
            format!("{title}\u{a0}: {n}\u{a0}actions en retard")
        }
    },
    and_more: |n| format!("… et {n} de plus"),
    overdue_actions: |n| {
        if n == 1 {
            "1\u{a0}action en retard".to_owned()
        } else {
            format!("{n}\u{a0}actions en retard")
        }
    },
    trash_button: "Corbeille…",
    trash_title: "Corbeille",
    trash_help: "Les dossiers supprimés restent ici jusqu’à ce que vous vidiez la corbeille.",
    trash_empty: "La corbeille est vide.",
    deleted_on: |when| format!("supprimé le {when}"),
    restore: |title| format!("Restaurer «\u{a0}{title}\u{a0}»"),
    empty_trash_button: "Vider la corbeille…",
    empty_trash_question: "Vider la corbeille\u{a0}?",
    empty_trash_explain: "Les dossiers de la corbeille seront supprimés définitivement de cet ordinateur. Cette action est irréversible.",
    empty_trash: "Supprimer définitivement",
    restored: |title| format!("«\u{a0}{title}\u{a0}» est de retour dans vos dossiers."),
    trash_emptied: |n| {
        if n == 1 {
            "Corbeille vidée\u{a0}: 1\u{a0}dossier supprimé définitivement.".to_owned()
        } else {
            format!("Corbeille vidée\u{a0}: {n}\u{a0}dossiers supprimés définitivement.")
        }
    },
    checklist_warnings: "Vos checklists se chargent, avec ces avertissements\u{a0}:",
};

/// The English texts.
pub static EN: HomeTr = HomeTr {
    reading_list: "Reading the dossiers…",
    welcome: "Welcome. Vigie walks you through the security measures offered by the French Ministry of the Interior; it is not a service of the ministry. Choose what applies to you:",
    journey_for: |j| match j {
        Journey::Personal => "For you and your household, alone or together.",
        Journey::Referent => "For the police or gendarmerie security referent visiting a home.",
        Journey::Family => "For the whole family, gathered around the screen.",
    },
    journey_gives: |j| match j {
        Journey::Personal => "You get an action plan ranked by priority, to take up again at each review.",
        Journey::Referent => "You get a zone-by-zone account of the visit to hand to the household.",
        Journey::Family => "You get the practices agreed together and the emergency sheet to print.",
    },
    journey_takes: |j| match j {
        Journey::Personal => "About 45 minutes, in several sittings if you like.",
        Journey::Referent => "As long as the visit; everything is saved as you go.",
        Journey::Family => "In one sitting or several, at your own pace; everything is saved as you go.",
    },
    journey_start: |j| match j {
        Journey::Personal => "Start my checklist",
        Journey::Referent => "Start a visit",
        Journey::Family => "Start the family briefing",
    },
    privacy_line: |dir| {
        format!(
            "Everything stays on this computer, in {dir}: nothing is sent anywhere. You can encrypt your dossiers with a passphrase (the “Security…” button)."
        )
    },
    search_hint: "title, household, place…",
    sort_by: "Sort by",
    sort_name: |s| match s {
        HomeSort::LastChange => "Last change",
        HomeSort::NextReview => "Next review",
        HomeSort::OpenCritical => "Open critical items",
        HomeSort::Journey => "Journey",
    },
    all_count: |n| format!("All ({n})"),
    due_title: |n| {
        if n == 1 {
            "Due now: 1 reminder".to_owned()
        } else {
            format!("Due now: {n} reminders")
        }
    },
    due_review: |title, day| format!("{title}: review due on {day}"),
    due_actions: |title, n| {
        if n == 1 {
            format!("{title}: 1 overdue action")
        } else {
            format!("{title}: {n} overdue actions")
        }
    },
    and_more: |n| format!("… and {n} more"),
    overdue_actions: |n| {
        if n == 1 {
            "1 overdue action".to_owned()
        } else {
            format!("{n} overdue actions")
        }
    },
    trash_button: "Trash…",
    trash_title: "Trash",
    trash_help: "Deleted dossiers stay here until you empty the trash.",
    trash_empty: "The trash is empty.",
    deleted_on: |when| format!("deleted on {when}"),
    restore: |title| format!("Restore “{title}”"),
    empty_trash_button: "Empty the trash…",
    empty_trash_question: "Empty the trash?",
    empty_trash_explain: "The dossiers in the trash will be deleted from this computer for good. This cannot be undone.",
    empty_trash: "Delete for good",
    restored: |title| format!("“{title}” is back in your dossiers."),
    trash_emptied: |n| {
        if n == 1 {
            "Trash emptied: 1 dossier deleted for good.".to_owned()
        } else {
            format!("Trash emptied: {n} dossiers deleted for good.")
        }
    },
    checklist_warnings: "Your checklists load, with these warnings:",
};
