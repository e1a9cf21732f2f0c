//! The texts of the log of suspicious events: its screen (timeline,
//! filters, export of the chronology), the entry form and its reminders,
//! the questions asked first, and a household file that cannot be read.
//! The names of event kinds, contacts, report destinations and the export
//! warning are shared with the chronology (`report::household_text`).

/// The log of events' texts.
#[derive(Debug)]
pub struct JournalTr {
    /// The screen's title.
    pub title: &'static str,
    /// What the log is for.
    pub help: &'static str,
    /// The home screen's entry: "Journal des faits (3)", with a draft.
    pub home_button: fn(usize, bool) -> String,
    /// ": " in the language's typography.
    pub colon: &'static str,
    /// A household file cannot be read.
    pub file_damaged: &'static str,
    /// What can be done about it.
    pub file_damaged_help: &'static str,
    /// The button that asks to start the file over.
    pub start_over_button: &'static str,
    /// The button that reads the file again.
    pub read_again: &'static str,
    /// Question before starting a file over (true: the journal).
    pub start_over_question: fn(bool) -> String,
    /// What starting over does.
    pub start_over_explain: &'static str,
    /// The button that starts over.
    pub start_over: &'static str,
    /// The button that starts an entry.
    pub new_entry: &'static str,
    /// Before the filters.
    pub show: &'static str,
    /// Every kind, with the count.
    pub all_kinds: fn(usize) -> String,
    /// Only the events not reported, with the count.
    pub not_reported_only: fn(usize) -> String,
    /// Heading of what came back.
    pub repeated_title: &'static str,
    /// The log is empty.
    pub empty: &'static str,
    /// No entry passes the filters.
    pub nothing_matches: &'static str,
    /// An entry's details, folded.
    pub details: &'static str,
    /// The button that starts an amendment to an entry.
    pub amend_entry: &'static str,
    /// The button that asks to withdraw an entry.
    pub withdraw_entry_button: &'static str,
    /// "Written on …" (when the entry was saved).
    pub written_on: fn(&str) -> String,
    /// "Amended on …".
    pub amended_on: fn(&str) -> String,
    /// "Withdrawn on … — reason: …".
    pub withdrawn_on: fn(&str, &str) -> String,
    /// Heading of an entry's history in its details.
    pub history: &'static str,
    /// Before the original text of what an amendment changed.
    pub as_first_written: &'static str,
    /// The log's chain was found changed outside Vigie.
    pub chain_broken: &'static str,
    /// What that means and what can be done.
    pub chain_broken_help: &'static str,
    /// The chain is intact: "Sealed log: 12 records, fingerprint …".
    pub chain_intact: fn(u64, &str) -> String,
    /// The evidence bundle's button (save dialog).
    pub export_bundle: &'static str,
    /// What the bundle holds.
    pub export_bundle_help: &'static str,
    /// Write the bundle to the path typed (its extension made `.zip`).
    pub bundle_to_path: &'static str,
    /// Not reported anywhere yet.
    pub not_reported: &'static str,
    /// "Signalé : 17, le 12/11/2026".
    pub reported_to: fn(&str, &str) -> String,
    /// "référence 2026/123".
    pub reference_is: fn(&str) -> String,
    /// Label of a person in the details.
    pub person: &'static str,
    /// Label of a vehicle in the details.
    pub vehicle: &'static str,
    /// Label of a report in the details.
    pub report: &'static str,
    /// Heading of the export.
    pub export_title: &'static str,
    /// What the chronology is.
    pub export_help: &'static str,
    /// Label of the household's name on the chronology.
    pub household_name: &'static str,
    /// Hint of that field.
    pub household_name_hint: &'static str,
    /// Export as PDF with the save dialog.
    pub export_pdf: &'static str,
    /// Export as HTML with the save dialog.
    pub export_html: &'static str,
    /// Export to the path typed.
    pub export_to_path: &'static str,
    /// Question before withdrawing an entry (when, kind).
    pub withdraw_entry_question: fn(&str, &str) -> String,
    /// What withdrawing does.
    pub withdraw_entry_explain: &'static str,
    /// Label of the reason.
    pub withdraw_reason: &'static str,
    /// The button that withdraws.
    pub withdraw_entry: &'static str,
    /// Why the button is off: no reason yet.
    pub withdraw_needs_reason: &'static str,
    /// Question before dropping the entry being typed.
    pub discard_draft_question: &'static str,
    /// What dropping does.
    pub discard_draft_explain: &'static str,
    /// The button that drops it.
    pub discard_draft: &'static str,

    // The form
    /// In danger now: call 17 first.
    pub danger_now: &'static str,
    /// The button that shows the emergency sheet.
    pub emergency_sheet: &'static str,
    /// Never write a secret.
    pub no_secrets: &'static str,
    /// Heading of a new entry.
    pub new_entry_title: &'static str,
    /// Heading of an amendment.
    pub amend_entry_title: &'static str,
    /// What an amendment does to the original.
    pub amend_note: &'static str,
    /// The draft is kept.
    pub draft_kept: &'static str,
    /// Save a new entry.
    pub save_entry: &'static str,
    /// Save an amendment.
    pub save_amendment: &'static str,
    /// Drop a new entry.
    pub discard_new: &'static str,
    /// Drop an amendment being typed.
    pub discard_amendment: &'static str,
    /// The event is dated in the future.
    pub in_future: &'static str,
    /// Nothing written in what happened.
    pub need_what: &'static str,
    /// A report elsewhere does not say where.
    pub need_report_place: &'static str,
    /// "The day: " before why the day is wrong.
    pub day_is: &'static str,
    /// The time is not a time of day.
    pub time_invalid: &'static str,
    /// "Report 2, the date: " before why.
    pub report_day_is: fn(usize) -> String,
    /// Label: the kind of event.
    pub kind: &'static str,
    /// Label: the day.
    pub day: &'static str,
    /// Label: the time.
    pub time: &'static str,
    /// Hint of the time.
    pub time_hint: &'static str,
    /// Label: the place.
    pub place: &'static str,
    /// Hint of the place.
    pub place_hint: &'static str,
    /// Label: what happened.
    pub what: &'static str,
    /// Hint of what happened.
    pub what_hint: &'static str,
    /// Heading: people.
    pub people: &'static str,
    /// Add a person.
    pub add_person: &'static str,
    /// Remove a row.
    pub remove: &'static str,
    /// Label: a person's description.
    pub description: &'static str,
    /// Hint of the description.
    pub description_hint: &'static str,
    /// Label: clothing.
    pub clothing: &'static str,
    /// Label: language or accent.
    pub language: &'static str,
    /// Heading: vehicles.
    pub vehicles: &'static str,
    /// Add a vehicle.
    pub add_vehicle: &'static str,
    /// Label: make and model.
    pub make: &'static str,
    /// Label: colour.
    pub colour: &'static str,
    /// Label: plate.
    pub plate: &'static str,
    /// Hint of the plate.
    pub plate_hint: &'static str,
    /// Heading: numbers and accounts.
    pub contacts: &'static str,
    /// Add a number or account.
    pub add_contact: &'static str,
    /// Label: the kind of contact.
    pub contact_kind: &'static str,
    /// Label: the number or account.
    pub contact_value: &'static str,
    /// Hint of the number or account.
    pub contact_hint: &'static str,
    /// Label: witnesses.
    pub witnesses: &'static str,
    /// Hint of the witnesses.
    pub witnesses_hint: &'static str,
    /// Heading: photos.
    pub photos: &'static str,
    /// Heading: where it was reported.
    pub reports: &'static str,
    /// What to note of a report.
    pub reports_help: &'static str,
    /// Label: reported to.
    pub reported_to_label: &'static str,
    /// The choice "elsewhere".
    pub elsewhere: &'static str,
    /// Label: where, for elsewhere.
    pub other_place: &'static str,
    /// Label: the report's date.
    pub report_day: &'static str,
    /// Label: the reference.
    pub reference: &'static str,
    /// Hint of the reference.
    pub reference_hint: &'static str,
    /// Add a report.
    pub add_report: &'static str,
}

/// The French texts.
pub static FR: JournalTr = JournalTr {
    title: "Journal des faits",
    help: "Notez les faits suspects au fil des jours, avec vos mots\u{a0}: la date, l’heure, ce que vous avez vu ou entendu. Une plainte ou une main courante s’appuie sur ces notes, et la mémoire s’efface en quelques jours.",
    home_button: |n, draft| {
        let draft = if draft { " — brouillon en cours" } else { "" };
        format!("Journal des faits ({n}){draft}")
    },
    colon: "\u{a0}: ",
    file_damaged: "Ce fichier ne peut pas être ouvert. Il est laissé tel quel\u{a0}: rien n’est écrit par-dessus.",
    file_damaged_help: "Ouvrez sa sauvegarde (la version d’avant la dernière session), ou recommencez à zéro. Dans les deux cas, le fichier abîmé est mis de côté dans la corbeille. Si vous l’avez corrigé à la main, relisez-le.",
    start_over_button: "Recommencer à zéro…",
    read_again: "Relire le fichier",
    start_over_question: |journal| {
        if journal {
            "Recommencer le journal des faits à zéro\u{a0}?".to_owned()
        } else {
            "Recommencer l’inventaire d’exposition à zéro\u{a0}?".to_owned()
        }
    },
    start_over_explain: "Un fichier vide remplace le fichier abîmé, qui est mis de côté dans la corbeille du dossier de données (il n’est pas supprimé).",
    start_over: "Recommencer à zéro",
    new_entry: "+ Noter un fait",
    show: "Afficher\u{a0}:",
    all_kinds: |n| format!("Tous ({n})"),
    not_reported_only: |n| format!("Seulement les faits pas encore signalés ({n})"),
    repeated_title: "Revus plusieurs fois",
    empty: "Aucun fait noté pour l’instant. Notez le premier dès qu’un fait vous inquiète, même s’il vous paraît anodin.",
    nothing_matches: "Aucun fait ne correspond à ces filtres.",
    details: "Détails",
    amend_entry: "Rectifier",
    withdraw_entry_button: "Retirer le fait…",
    written_on: |at| format!("Écrit le {at}"),
    amended_on: |at| format!("Rectifié le {at}"),
    withdrawn_on: |at, reason| format!("Retiré le {at} — motif\u{a0}: {reason}"),
    history: "Historique",
    as_first_written: "Tel qu’écrit la première fois\u{a0}:",
    chain_broken: "Ce journal a été modifié hors de Vigie.",
    chain_broken_help: "Il reste lisible et exportable, mais en lecture seule\u{a0}: Vigie ne scelle pas par-dessus une chaîne rompue et ne la répare pas. Le fichier est laissé tel quel. Vous pouvez ouvrir sa sauvegarde (le fichier modifié est alors mis de côté dans la corbeille).",
    chain_intact: |records, head| {
        format!("Journal scellé\u{a0}: {records}\u{a0}enregistrements, empreinte {head}")
    },
    export_bundle: "Dossier de preuves (ZIP)…",
    export_bundle_help: "La chronologie en PDF, les photos, les empreintes SHA-256 de chaque fichier (SHA256SUMS) et une notice en français et en anglais pour les vérifier avec sha256sum -c. Non chiffré.",
    bundle_to_path: "Écrire le dossier de preuves (.zip)",
    not_reported: "Pas encore signalé",
    reported_to: |to, day| format!("Signalé\u{a0}: {to}, le {day}"),
    reference_is: |reference| format!("référence {reference}"),
    person: "Personne",
    vehicle: "Véhicule",
    report: "Signalement",
    export_title: "Chronologie des faits",
    export_help: "Les faits du plus ancien au plus récent, tels que vous les avez notés, à remettre à l’enquêteur qui prend votre plainte ou votre main courante.",
    household_name: "Foyer (sur le document, facultatif)",
    household_name_hint: "ex.\u{a0}: famille D., Lyon",
    export_pdf: "Exporter la chronologie (PDF)…",
    export_html: "Exporter la chronologie (HTML)…",
    export_to_path: "Exporter la chronologie",
    withdraw_entry_question: |when, kind| format!("Retirer le fait du {when} ({kind})\u{a0}?"),
    withdraw_entry_explain: "Un fait enregistré n’est jamais effacé\u{a0}: il reste dans le journal et dans la chronologie, marqué «\u{a0}retiré\u{a0}», avec la date et le motif.",
    withdraw_reason: "Motif du retrait (obligatoire)",
    withdraw_entry: "Retirer le fait",
    withdraw_needs_reason: "Écrivez d’abord le motif.",
    discard_draft_question: "Abandonner ce que vous avez tapé\u{a0}?",
    discard_draft_explain: "Le brouillon est effacé. Un fait déjà enregistré reste tel qu’il était.",
    discard_draft: "Abandonner",
    danger_now: "En danger en ce moment\u{a0}? Appelez d’abord le 17 (ou le 112)\u{a0}; notez les faits ensuite, une fois en sécurité.",
    emergency_sheet: "Fiche d’urgence",
    no_secrets: "N’écrivez jamais de code, de mot de passe ni de phrase de récupération (seed phrase) dans ce journal.",
    new_entry_title: "Noter un fait",
    amend_entry_title: "Rectifier le fait",
    amend_note: "Le texte d’origine reste tel qu’il a été écrit\u{a0}: la rectification est ajoutée à côté, datée, et les deux figurent dans la chronologie.",
    draft_kept: "Ce que vous tapez est gardé comme brouillon avec le journal, même si vous quittez Vigie, jusqu’à ce que vous l’enregistriez.",
    save_entry: "Enregistrer le fait",
    save_amendment: "Enregistrer la rectification",
    discard_new: "Abandonner ce fait…",
    discard_amendment: "Abandonner la rectification…",
    in_future: "La date et l’heure du fait sont dans le futur.",
    need_what: "Décrivez ce qui s’est passé.",
    need_report_place: "Un signalement «\u{a0}ailleurs\u{a0}» doit dire où.",
    day_is: "La date du fait\u{a0}: ",
    time_invalid: "L’heure doit s’écrire 14:30 ou 14h30.",
    report_day_is: |n| format!("La date du signalement {n}\u{a0}: "),
    kind: "Type de fait",
    day: "Date",
    time: "Heure",
    time_hint: "HH:MM",
    place: "Lieu",
    place_hint: "devant le portail, rue des Lilas, au téléphone…",
    what: "Ce qui s’est passé, avec vos mots",
    what_hint: "Ce que vous avez vu ou entendu, dans l’ordre, sans interpréter.",
    people: "Personnes",
    add_person: "+ Ajouter une personne",
    remove: "Retirer",
    description: "Description",
    description_hint: "taille, âge, cheveux, signe particulier",
    clothing: "Tenue",
    language: "Langue ou accent",
    vehicles: "Véhicules",
    add_vehicle: "+ Ajouter un véhicule",
    make: "Marque et modèle",
    colour: "Couleur",
    plate: "Immatriculation (même partielle)",
    plate_hint: "AB-123-CD ou AB-12…",
    contacts: "Numéros et comptes qui ont appelé ou écrit",
    add_contact: "+ Ajouter un numéro ou un compte",
    contact_kind: "Type",
    contact_value: "Numéro ou compte",
    contact_hint: "06 12 34 56 78, @compte, adresse…",
    witnesses: "Témoins",
    witnesses_hint: "Qui d’autre a vu ou entendu (un prénom suffit).",
    photos: "Photos",
    reports: "Signalement",
    reports_help: "Si vous l’avez signalé\u{a0}: à qui, quand, et le numéro de plainte ou de main courante donné.",
    reported_to_label: "À",
    elsewhere: "Ailleurs",
    other_place: "Où",
    report_day: "Le",
    reference: "Référence",
    reference_hint: "numéro donné",
    add_report: "+ Ajouter un signalement",
};

/// The English texts.
pub static EN: JournalTr = JournalTr {
    title: "Log of events",
    help: "Write down suspicious events as they happen, in your own words: the date, the time, what you saw or heard. A complaint or a main courante stands on these notes, and memory fades within days.",
    home_button: |n, draft| {
        let draft = if draft { " — draft in progress" } else { "" };
        format!("Log of events ({n}){draft}")
    },
    colon: ": ",
    file_damaged: "This file cannot be opened. It is left as it is: nothing is written over it.",
    file_damaged_help: "Open its backup (the version from before the last session), or start over. Either way, the damaged file is set aside in the trash. If you fixed it by hand, read it again.",
    start_over_button: "Start over…",
    read_again: "Read the file again",
    start_over_question: |journal| {
        if journal {
            "Start the log of events over?".to_owned()
        } else {
            "Start the exposure inventory over?".to_owned()
        }
    },
    start_over_explain: "An empty file replaces the damaged one, which is set aside in the data folder's trash (it is not deleted).",
    start_over: "Start over",
    new_entry: "+ Write down an event",
    show: "Show:",
    all_kinds: |n| format!("All ({n})"),
    not_reported_only: |n| format!("Only the events not reported yet ({n})"),
    repeated_title: "Seen more than once",
    empty: "No event written down yet. Write the first one as soon as something worries you, even if it seems trivial.",
    nothing_matches: "No event matches these filters.",
    details: "Details",
    amend_entry: "Amend",
    withdraw_entry_button: "Withdraw…",
    written_on: |at| format!("Written on {at}"),
    amended_on: |at| format!("Amended on {at}"),
    withdrawn_on: |at, reason| format!("Withdrawn on {at} — reason: {reason}"),
    history: "History",
    as_first_written: "As first written:",
    chain_broken: "This log was changed outside Vigie.",
    chain_broken_help: "It can still be read and exported, but not changed: Vigie does not seal over a broken chain, nor repair it. The file is left as it is. You can open its backup (the changed file is then set aside in the trash).",
    chain_intact: |records, head| format!("Sealed log: {records} records, fingerprint {head}"),
    export_bundle: "Evidence bundle (ZIP)…",
    export_bundle_help: "The chronology as PDF, the photos, the SHA-256 of every file (SHA256SUMS) and a note in French and English on checking them with sha256sum -c. Not encrypted.",
    bundle_to_path: "Write the evidence bundle (.zip)",
    not_reported: "Not reported yet",
    reported_to: |to, day| format!("Reported: {to}, on {day}"),
    reference_is: |reference| format!("reference {reference}"),
    person: "Person",
    vehicle: "Vehicle",
    report: "Report",
    export_title: "Chronology of events",
    export_help: "The events oldest first, as you wrote them down, to hand to the officer taking your complaint or main courante.",
    household_name: "Household (on the document, optional)",
    household_name_hint: "e.g. the D. family, Lyon",
    export_pdf: "Export the chronology (PDF)…",
    export_html: "Export the chronology (HTML)…",
    export_to_path: "Export the chronology",
    withdraw_entry_question: |when, kind| format!("Withdraw the event of {when} ({kind})?"),
    withdraw_entry_explain: "A saved event is never erased: it stays in the log and in the chronology, marked \u{201c}withdrawn\u{201d}, with the date and the reason.",
    withdraw_reason: "Reason for withdrawing (required)",
    withdraw_entry: "Withdraw the event",
    withdraw_needs_reason: "Write the reason first.",
    discard_draft_question: "Drop what you typed?",
    discard_draft_explain: "The draft is erased. An event already saved stays as it was.",
    discard_draft: "Drop it",
    danger_now: "In danger right now? Call 17 (or 112) first; write the events down later, once safe.",
    emergency_sheet: "Emergency sheet",
    no_secrets: "Never write a code, a password or a recovery phrase (seed phrase) in this log.",
    new_entry_title: "Write down an event",
    amend_entry_title: "Amend the event",
    amend_note: "The original text stays as it was written: the amendment is added beside it, dated, and both are in the chronology.",
    draft_kept: "What you type is kept as a draft with the log, even if you leave Vigie, until you save it.",
    save_entry: "Save the event",
    save_amendment: "Save the amendment",
    discard_new: "Drop this event…",
    discard_amendment: "Drop the amendment…",
    in_future: "The event's date and time are in the future.",
    need_what: "Describe what happened.",
    need_report_place: "A report \u{201c}elsewhere\u{201d} must say where.",
    day_is: "The day of the event: ",
    time_invalid: "Write the time as 14:30.",
    report_day_is: |n| format!("The date of report {n}: "),
    kind: "Kind of event",
    day: "Date",
    time: "Time",
    time_hint: "HH:MM",
    place: "Place",
    place_hint: "in front of the gate, Lilac street, on the phone…",
    what: "What happened, in your own words",
    what_hint: "What you saw or heard, in order, without interpreting.",
    people: "People",
    add_person: "+ Add a person",
    remove: "Remove",
    description: "Description",
    description_hint: "height, age, hair, anything striking",
    clothing: "Clothing",
    language: "Language or accent",
    vehicles: "Vehicles",
    add_vehicle: "+ Add a vehicle",
    make: "Make and model",
    colour: "Colour",
    plate: "Plate (even partial)",
    plate_hint: "AB-123-CD or AB-12…",
    contacts: "Numbers and accounts that called or wrote",
    add_contact: "+ Add a number or an account",
    contact_kind: "Kind",
    contact_value: "Number or account",
    contact_hint: "06 12 34 56 78, @account, address…",
    witnesses: "Witnesses",
    witnesses_hint: "Who else saw or heard it (a first name is enough).",
    photos: "Photos",
    reports: "Reported",
    reports_help: "If you reported it: to whom, when, and the complaint or main courante number you were given.",
    reported_to_label: "To",
    elsewhere: "Elsewhere",
    other_place: "Where",
    report_day: "On",
    reference: "Reference",
    reference_hint: "number given",
    add_report: "+ Add a report",
};
