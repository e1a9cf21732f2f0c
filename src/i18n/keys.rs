//! The texts of the keyboard shortcuts help, of the "In danger now?" entry
//! and of the windows over the screen.

/// The texts.
#[derive(Debug)]
pub struct KeysTr {
    /// Title of the shortcuts window.
    pub shortcuts_title: &'static str,
    /// Where: everywhere.
    pub everywhere: &'static str,
    /// Where: the item list.
    pub in_list: &'static str,
    /// Where: one at a time.
    pub in_steps: &'static str,
    /// Next item.
    pub next: &'static str,
    /// Previous item.
    pub previous: &'static str,
    /// Unfold the guidance.
    pub unfold: &'static str,
    /// Next step or card.
    pub next_step: &'static str,
    /// Previous step or card.
    pub previous_step: &'static str,
    /// Larger text.
    pub zoom_in: &'static str,
    /// Smaller text.
    pub zoom_out: &'static str,
    /// Normal text size.
    pub zoom_reset: &'static str,
    /// The emergency sheet.
    pub emergency: &'static str,
    /// This help.
    pub help: &'static str,
    /// Tab moves between fields.
    pub tab: &'static str,
    /// Escape closes.
    pub escape: &'static str,
    /// The "In danger now?" button.
    pub in_danger: &'static str,
    /// Its tooltip.
    pub in_danger_help: &'static str,
    /// Title of the emergency sheet window.
    pub emergency_title: &'static str,
    /// Heading: what to say when calling.
    pub what_to_say_title: &'static str,
    /// What to say when calling, in order.
    pub what_to_say: &'static [&'static str],
}

/// The French texts.
pub static FR: KeysTr = KeysTr {
    shortcuts_title: "Raccourcis clavier",
    everywhere: "Partout",
    in_list: "Liste des points",
    in_steps: "Un point à la fois",
    next: "point suivant",
    previous: "point précédent",
    unfold: "déplier le «\u{a0}pourquoi et comment\u{a0}»",
    next_step: "étape suivante",
    previous_step: "étape précédente",
    zoom_in: "agrandir le texte",
    zoom_out: "réduire le texte",
    zoom_reset: "taille normale",
    emergency: "fiche d’urgence",
    help: "cette aide",
    tab: "passer d’un champ ou d’un bouton à l’autre (Entrée ou Espace l’active)",
    escape: "fermer la fenêtre ou la boîte de dialogue ouverte",
    in_danger: "En danger\u{a0}?",
    in_danger_help: "La fiche d’urgence\u{a0}: qui appeler, que dire (F2)",
    emergency_title: "En danger maintenant",
    what_to_say_title: "Au téléphone avec le 17",
    what_to_say: &[
        "Votre adresse exacte d’abord\u{a0}: commune, rue, numéro, étage, code d’accès.",
        "Ce qui se passe, en une phrase\u{a0}: intrusion, menace, enlèvement, appel de rançon.",
        "Combien de personnes, si elles sont armées, s’il y a des blessés.",
        "Restez en ligne et suivez les consignes de l’opérateur.",
        "Si vous ne pouvez pas parler\u{a0}: SMS au 114.",
    ],
};

/// The English texts.
pub static EN: KeysTr = KeysTr {
    shortcuts_title: "Keyboard shortcuts",
    everywhere: "Everywhere",
    in_list: "Item list",
    in_steps: "One at a time",
    next: "next item",
    previous: "previous item",
    unfold: "unfold “why and how”",
    next_step: "next step",
    previous_step: "previous step",
    zoom_in: "larger text",
    zoom_out: "smaller text",
    zoom_reset: "normal size",
    emergency: "emergency sheet",
    help: "this help",
    tab: "move between fields and buttons (Enter or Space activates)",
    escape: "close the open window or dialog",
    in_danger: "In danger now?",
    in_danger_help: "The emergency sheet: who to call, what to say (F2)",
    emergency_title: "In danger now",
    what_to_say_title: "On the phone with 17",
    what_to_say: &[
        "Your exact address first: town, street, number, floor, door code.",
        "What is happening, in one sentence: break-in, threat, kidnapping, ransom call.",
        "How many people, whether they are armed, whether anyone is hurt.",
        "Stay on the line and do what the operator tells you.",
        "If you cannot speak: text 114.",
    ],
};
