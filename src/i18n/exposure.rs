//! The texts of the exposure inventory: its screen (members, sources,
//! states, notes, re-checks), the questions asked first, and the due
//! re-checks of the home screen. The names of the states and "whole
//! household" are shared with the report (`report::household_text`).

/// The exposure inventory's texts.
#[derive(Debug)]
pub struct ExposureTr {
    /// The screen's title.
    pub title: &'static str,
    /// What the inventory is for.
    pub help: &'static str,
    /// "2 re-checks due".
    pub due_count: fn(usize) -> String,
    /// Show only the re-checks due.
    pub due_only: &'static str,
    /// Nothing is due.
    pub nothing_due: &'static str,
    /// A due re-check on the home screen (source, who, day).
    pub home_due: fn(&str, &str, &str) -> String,
    /// Heading of a member's sources.
    pub for_member: fn(&str) -> String,
    /// Heading of the members.
    pub members: &'static str,
    /// What the members are.
    pub members_help: &'static str,
    /// No member yet.
    pub no_members: &'static str,
    /// Label of a member's new name.
    pub new_name_of: fn(&str) -> String,
    /// The button that renames a member.
    pub rename: fn(&str) -> String,
    /// The button that asks to remove a member.
    pub remove_button: fn(&str) -> String,
    /// Label of a new member's name.
    pub member_name: &'static str,
    /// Hint of that field.
    pub member_name_hint: &'static str,
    /// The button that adds a member.
    pub add_member: &'static str,
    /// A name is empty.
    pub name_empty: &'static str,
    /// A name is too long.
    pub name_too_long: &'static str,
    /// A name is taken.
    pub name_taken: fn(&str) -> String,
    /// Question before removing a member.
    pub remove_member_question: fn(&str) -> String,
    /// What removing does, with the number of answers.
    pub remove_member_explain: fn(usize) -> String,
    /// The button that removes.
    pub remove_member: &'static str,
    /// Before the state choices.
    pub state: &'static str,
    /// The choice "request sent" (its date beside it).
    pub request_sent: &'static str,
    /// Label of the request's date.
    pub sent_on: &'static str,
    /// Label of the note.
    pub note: &'static str,
    /// Hint of the note.
    pub note_hint: &'static str,
    /// Label of the re-check date.
    pub recheck_on: &'static str,
    /// The button: looked at again today.
    pub checked_today: &'static str,
    /// How often the source suggests to look again.
    pub every_days: fn(u32) -> String,
    /// When it was last looked at.
    pub last_checked: fn(&str) -> String,
    /// A re-check due since that day.
    pub due_since: fn(&str) -> String,
    /// Heading of the answers kept without their source.
    pub orphans: &'static str,
    /// Heading of the user's source files that failed.
    pub source_errors: &'static str,
}

/// The French texts.
pub static FR: ExposureTr = ExposureTr {
    title: "Inventaire d’exposition",
    help: "Où vous et vos proches pouvez être retrouvés à partir de sources publiques. Pour chaque source\u{a0}: où vous en êtes, une note, et quand revérifier.",
    due_count: |n| {
        if n == 1 {
            "1\u{a0}vérification à refaire".to_owned()
        } else {
            format!("{n}\u{a0}vérifications à refaire")
        }
    },
    due_only: "Seulement celles à refaire",
    nothing_due: "Aucune vérification à refaire pour l’instant.",
    home_due: |source, who, day| format!("À revérifier\u{a0}: {source} — {who} (prévu le {day})"),
    for_member: |name| format!("Pour {name}"),
    members: "Membres du foyer",
    members_help: "Un prénom ou un surnom par personne, jamais de nom de famille. Les sources qui concernent chacun (réseaux sociaux, sociétés…) se remplissent pour chaque membre.",
    no_members: "Ajoutez les membres du foyer pour remplir les sources qui concernent chacun.",
    new_name_of: |name| format!("Nouveau nom de {name}"),
    rename: |name| format!("Renommer {name}"),
    remove_button: |name| format!("Retirer {name}…"),
    member_name: "Prénom ou surnom",
    member_name_hint: "ex.\u{a0}: Camille",
    add_member: "Ajouter le membre",
    name_empty: "Tapez un prénom ou un surnom.",
    name_too_long: "Ce nom est trop long (40\u{a0}caractères au plus).",
    name_taken: |name| format!("{name} est déjà dans la liste."),
    remove_member_question: |name| format!("Retirer {name} de l’inventaire\u{a0}?"),
    remove_member_explain: |n| {
        if n == 1 {
            "Sa réponse (situation, note, date) sera supprimée.".to_owned()
        } else {
            format!("Ses {n}\u{a0}réponses (situation, note, date) seront supprimées.")
        }
    },
    remove_member: "Retirer",
    state: "Situation\u{a0}:",
    request_sent: "Demande envoyée",
    sent_on: "le",
    note: "Note",
    note_hint: "où c’est visible, ce qui a été demandé…",
    recheck_on: "À revérifier le",
    checked_today: "Vérifié aujourd’hui",
    every_days: |days| format!("à revoir tous les {days}\u{a0}jours"),
    last_checked: |day| format!("dernière vérification le {day}"),
    due_since: |day| format!("À revérifier (prévu le {day})"),
    orphans: "Réponses gardées dont la source n’est plus chargée",
    source_errors: "Sources personnelles non chargées",
};

/// The English texts.
pub static EN: ExposureTr = ExposureTr {
    title: "Exposure inventory",
    help: "Where you and your family can be found from public sources. For each source: where it stands, a note, and when to check again.",
    due_count: |n| {
        if n == 1 {
            "1 re-check due".to_owned()
        } else {
            format!("{n} re-checks due")
        }
    },
    due_only: "Only those due",
    nothing_due: "No re-check due for now.",
    home_due: |source, who, day| format!("Check again: {source} — {who} (due on {day})"),
    for_member: |name| format!("For {name}"),
    members: "Household members",
    members_help: "A first name or a nickname per person, never a surname. The sources that concern each person (social networks, companies…) are filled in for each member.",
    no_members: "Add the household's members to fill in the sources that concern each of them.",
    new_name_of: |name| format!("New name for {name}"),
    rename: |name| format!("Rename {name}"),
    remove_button: |name| format!("Remove {name}…"),
    member_name: "First name or nickname",
    member_name_hint: "e.g. Camille",
    add_member: "Add the member",
    name_empty: "Type a first name or a nickname.",
    name_too_long: "This name is too long (40 characters at most).",
    name_taken: |name| format!("{name} is already listed."),
    remove_member_question: |name| format!("Remove {name} from the inventory?"),
    remove_member_explain: |n| {
        if n == 1 {
            "Their answer (status, note, date) will be deleted.".to_owned()
        } else {
            format!("Their {n} answers (status, note, date) will be deleted.")
        }
    },
    remove_member: "Remove",
    state: "Status:",
    request_sent: "Request sent",
    sent_on: "on",
    note: "Note",
    note_hint: "where it shows, what was asked…",
    recheck_on: "Check again on",
    checked_today: "Checked today",
    every_days: |days| format!("worth checking every {days} days"),
    last_checked: |day| format!("last checked on {day}"),
    due_since: |day| format!("Check again (due on {day})"),
    orphans: "Answers kept whose source is no longer loaded",
    source_errors: "Your own sources not loaded",
};
