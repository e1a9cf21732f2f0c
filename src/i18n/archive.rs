//! The texts of the `.vigie` files in the window: the handover of a
//! dossier, its import, the backup of everything and its restore; with
//! their errors, in words a user understands.

use std::path::Path;

use super::photos::{image_error_en, image_error_fr, plural, plural_en};
use crate::archive::{ArchiveError, ArchiveKind, BackupCounts};

/// The texts.
#[derive(Debug)]
pub struct ArchiveTr {
    /// The button that opens the handover dialog.
    pub handover_button: &'static str,
    /// What a handover is, under its button.
    pub handover_help: &'static str,
    /// Heading of the handover dialog.
    pub handover_title: &'static str,
    /// What the handover file holds: the title, the photos.
    pub handover_explain: fn(&str, usize) -> String,
    /// The file and the passphrase go by two different ways.
    pub two_channels: &'static str,
    /// The label of the passphrase chosen for a file.
    pub file_passphrase: &'static str,
    /// The label of its confirmation.
    pub file_passphrase_again: &'static str,
    /// The label of the passphrase of a file to open.
    pub passphrase_of_file: &'static str,
    /// The label of the path of the file to write.
    pub file_to_write: &'static str,
    /// The label of the path of the file to open.
    pub file_to_open: &'static str,
    /// The button that opens the file chooser.
    pub choose: &'static str,
    /// No file chooser could open: type the path.
    pub no_chooser_path: &'static str,
    /// The filter name of `.vigie` files in the file chooser.
    pub vigie_filter: &'static str,
    /// The button that writes the handover file.
    pub write_handover: &'static str,
    /// Shown while a file is written.
    pub writing: &'static str,
    /// Shown while a file is read and checked.
    pub reading: &'static str,
    /// No path was given.
    pub need_path: &'static str,
    /// Notice: the handover file was written (path, photos).
    pub handed_over: fn(&str, usize) -> String,

    /// The button that opens the import dialog.
    pub import_button: &'static str,
    /// Heading of the import dialog.
    pub import_title: &'static str,
    /// What importing does.
    pub import_explain: &'static str,
    /// The button that opens and checks the file.
    pub open_file: &'static str,
    /// Heading of what a file holds.
    pub preview_heading: &'static str,
    /// When and by which Vigie the file was written.
    pub preview_written: fn(&str, &str) -> String,
    /// Created and last changed.
    pub preview_dates: fn(&str, &str) -> String,
    /// Items answered, notes, photos.
    pub preview_counts: fn(usize, usize, usize) -> String,
    /// The référent of a visit, and whether it is signed.
    pub preview_referent: fn(&str, bool) -> String,
    /// Nothing was written yet.
    pub nothing_written_yet: &'static str,
    /// The button that imports.
    pub import: &'static str,
    /// The same dossier is already here (its titles).
    pub already_here: fn(&[String]) -> String,
    /// Keep both.
    pub keep_both: &'static str,
    /// Replace the one already here.
    pub replace: &'static str,
    /// Notice: a dossier was imported (title, the titles of those replaced,
    /// how many).
    pub imported: fn(&str, &str, usize) -> String,

    /// The button that opens the backup dialog.
    pub backup_button: &'static str,
    /// Heading of the backup dialog.
    pub backup_title: &'static str,
    /// What a backup holds.
    pub backup_explain: &'static str,
    /// Whether the trash goes in.
    pub include_trash: &'static str,
    /// The button that writes the backup.
    pub write_backup: &'static str,
    /// The start of a backup's file name (the date follows).
    pub backup_file: &'static str,
    /// Notice: the backup was written (path, files, photos).
    pub backed_up: fn(&str, usize, usize) -> String,
    /// Files of the data folder a backup left out (not files Vigie
    /// writes), named.
    pub backup_left_out: fn(&str) -> String,

    /// The button that opens the restore dialog.
    pub restore_button: &'static str,
    /// Heading of the restore dialog.
    pub restore_title: &'static str,
    /// What restoring does.
    pub restore_explain: &'static str,
    /// What a backup holds, counted.
    pub backup_counts: fn(&BackupCounts) -> String,
    /// What restoring will do, given the dossiers already here.
    pub restore_what_happens: fn(usize) -> String,
    /// The button that restores.
    pub restore: &'static str,
    /// Notice: restored (dossiers, trashed, files kept because already
    /// here).
    pub restored: fn(usize, usize, usize) -> String,
    /// A handover, backup, import or restore that stopped unexpectedly.
    pub archive_crashed: &'static str,
    /// Why a `.vigie` file could not be written or read.
    pub archive_error: fn(&ArchiveError) -> String,
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Why a file was refused before it was opened, in French (the reasons
/// are written in English by the archive module).
fn refused_fr(reason: &str) -> String {
    if reason.contains("work factor") {
        "il demande un effort de calcul bien plus grand que ceux qu’écrit Vigie".to_owned()
    } else if reason.contains("recipients")
        || reason.contains("header")
        || reason.contains("encrypted the way")
    {
        "son en-tête de chiffrement n’est pas celui qu’écrit Vigie".to_owned()
    } else if reason.contains("pipe") || reason.contains("folder") || reason.contains("regular") {
        "ce n’est pas un fichier ordinaire".to_owned()
    } else if reason.contains("title") {
        "le titre du dossier contient des caractères de contrôle".to_owned()
    } else if reason.contains("bytes") {
        "sa taille est impossible pour un fichier de Vigie".to_owned()
    } else {
        reason.to_owned()
    }
}

fn archive_error_fr(error: &ArchiveError) -> String {
    let t = super::tr(super::Lang::Fr);
    match error {
        ArchiveError::WeakPassphrase => t.passphrase_too_weak.to_owned(),
        ArchiveError::WrongPassphrase { path } => format!(
            "{}\u{a0}: phrase de passe incorrecte. Vérifiez-la auprès de la personne qui vous a remis le fichier.",
            shown(path)
        ),
        ArchiveError::NotAnArchive { path } => format!(
            "{}\u{a0}: ce n’est pas un fichier de remise ou de sauvegarde de Vigie",
            shown(path)
        ),
        ArchiveError::Damaged { path, .. }
        | ArchiveError::UnsafeEntry { path, .. }
        | ArchiveError::Mismatch { path, .. }
        | ArchiveError::EntryTooLarge { path, .. } => format!(
            "{}\u{a0}: fichier abîmé, incomplet ou modifié. Rien n’a été écrit.",
            shown(path)
        ),
        ArchiveError::TooLarge { path, .. } => {
            format!("{}\u{a0}: fichier trop gros. Rien n’a été écrit.", shown(path))
        }
        ArchiveError::Refused { path, reason } => format!(
            "{}\u{a0}: refusé, ce n’est pas un fichier que Vigie aurait écrit ({}). Rien n’a été écrit.",
            shown(path),
            refused_fr(reason)
        ),
        ArchiveError::TooNew { path, version } => format!(
            "{}\u{a0}: écrit par une version plus récente de Vigie (format {version})\u{a0}; mettez Vigie à jour pour l’ouvrir",
            shown(path)
        ),
        ArchiveError::WrongKind { path, found, .. } => match found {
            ArchiveKind::Backup => format!(
                "{}\u{a0}: c’est une sauvegarde complète\u{a0}; ouvrez-la avec «\u{a0}Restaurer…\u{a0}» sur l’écran d’accueil",
                shown(path)
            ),
            ArchiveKind::Handover => format!(
                "{}\u{a0}: c’est le fichier de remise d’un dossier\u{a0}; ouvrez-le avec «\u{a0}Importer un dossier…\u{a0}»",
                shown(path)
            ),
        },
        ArchiveError::Dossier(e) => format!("{}. Rien n’a été écrit.", (t.store_error)(e)),
        ArchiveError::Store(e) => (t.store_error)(e),
        ArchiveError::Photo(e) => format!("{}. Rien n’a été écrit.", image_error_fr(e)),
        ArchiveError::ChangedDuringBackup { path } => format!(
            "{} a changé pendant l’écriture de la sauvegarde\u{a0}: recommencez.",
            shown(path)
        ),
    }
}

fn archive_error_en(error: &ArchiveError) -> String {
    let t = super::tr(super::Lang::En);
    match error {
        ArchiveError::WeakPassphrase => t.passphrase_too_weak.to_owned(),
        ArchiveError::WrongPassphrase { path } => format!(
            "{}: wrong passphrase. Check it with the person who gave you the file.",
            shown(path)
        ),
        ArchiveError::NotAnArchive { path } => {
            format!("{}: not a Vigie handover or backup file", shown(path))
        }
        ArchiveError::Damaged { path, .. }
        | ArchiveError::UnsafeEntry { path, .. }
        | ArchiveError::Mismatch { path, .. }
        | ArchiveError::EntryTooLarge { path, .. } => format!(
            "{}: the file is damaged, incomplete or was altered. Nothing was written.",
            shown(path)
        ),
        ArchiveError::TooLarge { path, .. } => {
            format!("{}: too large a file. Nothing was written.", shown(path))
        }
        ArchiveError::Refused { path, reason } => format!(
            "{}: refused, not a file Vigie would have written ({reason}). Nothing was written.",
            shown(path)
        ),
        ArchiveError::TooNew { path, version } => format!(
            "{}: written by a newer Vigie (format {version}); update Vigie to open it",
            shown(path)
        ),
        ArchiveError::WrongKind { path, found, .. } => match found {
            ArchiveKind::Backup => format!(
                "{}: this is a full backup; open it with “Restore…” on the home screen",
                shown(path)
            ),
            ArchiveKind::Handover => format!(
                "{}: this is a dossier's handover file; open it with “Import a dossier…”",
                shown(path)
            ),
        },
        ArchiveError::Dossier(e) => format!("{}. Nothing was written.", (t.store_error)(e)),
        ArchiveError::Store(e) => (t.store_error)(e),
        ArchiveError::Photo(e) => format!("{}. Nothing was written.", image_error_en(e)),
        ArchiveError::ChangedDuringBackup { path } => format!(
            "{} changed while the backup was being written: try again.",
            shown(path)
        ),
    }
}

/// The French texts.
pub static FR: ArchiveTr = ArchiveTr {
    handover_button: "Remettre le dossier…",
    handover_help: "Un seul fichier chiffré avec le dossier et ses photos, à remettre au foyer ou à un autre ordinateur.",
    handover_title: "Remettre le dossier",
    handover_explain: |title, photos| {
        format!(
            "Vigie écrit un seul fichier (.vigie) qui contient «\u{a0}{title}\u{a0}» et {}. Il est chiffré avec une phrase de passe choisie pour cette remise, que vos dossiers soient chiffrés ou non.",
            if photos == 0 {
                "aucune photo".to_owned()
            } else {
                format!("ses {}", plural(photos, "photo", "photos"))
            }
        )
    },
    two_channels: "Transmettez le fichier et la phrase de passe par deux chemins différents, jamais ensemble\u{a0}: par exemple le fichier sur une clé USB, la phrase de passe de vive voix.",
    file_passphrase: "Phrase de passe de ce fichier",
    file_passphrase_again: "La même phrase de passe, encore",
    passphrase_of_file: "Phrase de passe du fichier",
    file_to_write: "Fichier à écrire",
    file_to_open: "Fichier à ouvrir",
    choose: "Choisir…",
    no_chooser_path: "Aucune fenêtre de choix de fichier n’a pu s’ouvrir sur ce système\u{a0}: tapez le chemin du fichier dans le champ.",
    vigie_filter: "Fichiers Vigie",
    write_handover: "Écrire le fichier de remise",
    writing: "Chiffrement et écriture du fichier…",
    reading: "Déchiffrement et vérification du fichier…",
    need_path: "Indiquez le fichier.",
    handed_over: |path, photos| {
        format!(
            "Fichier de remise écrit\u{a0}: {path} ({}). Transmettez la phrase de passe par un autre chemin que le fichier.",
            plural(photos, "photo", "photos")
        )
    },

    import_button: "Importer un dossier…",
    import_title: "Importer un dossier",
    import_explain: "Ouvrez un fichier de remise (.vigie) reçu d’un référent ou d’un autre ordinateur, avec sa phrase de passe. Vigie vous montre ce qu’il contient avant d’écrire quoi que ce soit.",
    open_file: "Ouvrir le fichier",
    preview_heading: "Ce que contient le fichier",
    preview_written: |when, version| format!("Fichier écrit le {when} par Vigie {version}"),
    preview_dates: |created, modified| format!("Créé le {created}, modifié le {modified}"),
    preview_counts: |answered, notes, photos| {
        format!(
            "{} renseignés, {}, {}",
            plural(answered, "point", "points"),
            plural(notes, "note", "notes"),
            plural(photos, "photo", "photos")
        )
    },
    preview_referent: |name, signed| {
        if signed {
            format!("Visite de {name}, signée")
        } else {
            format!("Visite de {name}, pas encore signée")
        }
    },
    nothing_written_yet: "Rien n’a encore été écrit dans vos dossiers.",
    import: "Importer",
    already_here: |titles| {
        let titles: Vec<String> = titles.iter().map(|t| format!("«\u{a0}{t}\u{a0}»")).collect();
        format!(
            "Ce dossier est déjà là\u{a0}: {}. Gardez les deux, ou remplacez l’ancien (il va à la corbeille, d’où vous pouvez le restaurer).",
            titles.join(", ")
        )
    },
    keep_both: "Garder les deux",
    replace: "Remplacer l’ancien",
    imported: |title, names, replaced| match replaced {
        0 => format!("«\u{a0}{title}\u{a0}» importé."),
        _ => format!("«\u{a0}{title}\u{a0}» importé\u{a0}; mis à la corbeille\u{a0}: {names}."),
    },

    backup_button: "Sauvegarder tout…",
    backup_title: "Sauvegarder tout",
    backup_explain: "Un seul fichier chiffré avec tous vos dossiers et leurs photos, vos listes de contrôle, vos réglages et le journal du foyer. Jamais votre clé de chiffrement\u{a0}: la sauvegarde a sa propre phrase de passe. Gardez le fichier hors de cet ordinateur (clé USB, disque externe), et la phrase de passe ailleurs.",
    include_trash: "Inclure la corbeille",
    write_backup: "Écrire la sauvegarde",
    backup_file: "vigie-sauvegarde",
    backup_left_out: |names| {
        format!("Laissés de côté, ce ne sont pas des fichiers que Vigie sauvegarde\u{a0}: {names}.")
    },
    backed_up: |path, files, photos| {
        format!(
            "Sauvegarde écrite\u{a0}: {path} ({}, dont {}).",
            plural(files, "fichier", "fichiers"),
            plural(photos, "photo", "photos")
        )
    },

    restore_button: "Restaurer…",
    restore_title: "Restaurer une sauvegarde",
    restore_explain: "Ouvrez un fichier de sauvegarde de Vigie avec sa phrase de passe. Vous verrez ce qu’il contient avant toute écriture.",
    backup_counts: |c| {
        format!(
            "{}, {}, {}, {} à la corbeille",
            plural(c.dossiers, "dossier", "dossiers"),
            plural(c.photos, "photo", "photos"),
            plural(c.checklists, "liste de contrôle", "listes de contrôle"),
            c.trashed
        )
    },
    restore_what_happens: |existing| {
        if existing == 0 {
            "Ce dossier de données ne contient aucun dossier\u{a0}: tout y sera restauré. Si la restauration échoue en cours de route, tout est remis comme avant.".to_owned()
        } else {
            format!(
                "Les dossiers de la sauvegarde seront ajoutés à côté de vos {}\u{a0}; aucun ne sera écrasé. Vos réglages, vos listes de contrôle et le journal du foyer déjà présents sont gardés. Si la restauration échoue en cours de route, tout est remis comme avant.",
                plural(existing, "dossier", "dossiers")
            )
        }
    },
    restore: "Restaurer",
    restored: |dossiers, trashed, kept| {
        let mut text = format!(
            "Sauvegarde restaurée\u{a0}: {}, {} à la corbeille.",
            plural(dossiers, "dossier", "dossiers"),
            trashed
        );
        if kept > 0 {
            text.push(' ');
            text.push_str(&plural(kept, "fichier", "fichiers"));
            text.push_str(" déjà là, gardés tels quels.");
        }
        text
    },
    archive_crashed: "L’opération s’est arrêtée de façon inattendue\u{a0}; rien n’a été écrit dans vos dossiers.",
    archive_error: archive_error_fr,
};

/// The English texts.
pub static EN: ArchiveTr = ArchiveTr {
    handover_button: "Hand over…",
    handover_help: "One encrypted file with the dossier and its photos, for the household or another computer.",
    handover_title: "Hand over the dossier",
    handover_explain: |title, photos| {
        format!(
            "Vigie writes one file (.vigie) holding “{title}” and {}. It is encrypted with a passphrase chosen for this handover, whether your dossiers are encrypted or not.",
            if photos == 0 {
                "no photo".to_owned()
            } else {
                format!("its {}", plural_en(photos, "photo", "photos"))
            }
        )
    },
    two_channels: "Pass on the file and the passphrase by two different ways, never together: say, the file on a USB key and the passphrase read aloud.",
    file_passphrase: "Passphrase for this file",
    file_passphrase_again: "The same passphrase again",
    passphrase_of_file: "Passphrase of the file",
    file_to_write: "File to write",
    file_to_open: "File to open",
    choose: "Choose…",
    no_chooser_path: "No file chooser could open on this system: type the file's path in the field.",
    vigie_filter: "Vigie files",
    write_handover: "Write the handover file",
    writing: "Encrypting and writing the file…",
    reading: "Decrypting and checking the file…",
    need_path: "Give the file.",
    handed_over: |path, photos| {
        format!(
            "Handover file written: {path} ({}). Pass on the passphrase by another way than the file.",
            plural_en(photos, "photo", "photos")
        )
    },

    import_button: "Import a dossier…",
    import_title: "Import a dossier",
    import_explain: "Open a handover file (.vigie) received from a référent or another computer, with its passphrase. Vigie shows you what it holds before anything is written.",
    open_file: "Open the file",
    preview_heading: "What the file holds",
    preview_written: |when, version| format!("File written on {when} by Vigie {version}"),
    preview_dates: |created, modified| format!("Created on {created}, changed on {modified}"),
    preview_counts: |answered, notes, photos| {
        format!(
            "{} answered, {}, {}",
            plural_en(answered, "item", "items"),
            plural_en(notes, "note", "notes"),
            plural_en(photos, "photo", "photos")
        )
    },
    preview_referent: |name, signed| {
        if signed {
            format!("Visit by {name}, signed")
        } else {
            format!("Visit by {name}, not signed yet")
        }
    },
    nothing_written_yet: "Nothing was written in your dossiers yet.",
    import: "Import",
    already_here: |titles| {
        let titles: Vec<String> = titles.iter().map(|t| format!("“{t}”")).collect();
        format!(
            "This dossier is already here: {}. Keep both, or replace the old one (it goes to the trash, where you can restore it from).",
            titles.join(", ")
        )
    },
    keep_both: "Keep both",
    replace: "Replace the old one",
    imported: |title, names, replaced| match replaced {
        0 => format!("“{title}” imported."),
        _ => format!("“{title}” imported; moved to the trash: {names}."),
    },

    backup_button: "Back up everything…",
    backup_title: "Back up everything",
    backup_explain: "One encrypted file with all your dossiers and their photos, your checklists, your settings and the household's log. Never your encryption key: the backup has a passphrase of its own. Keep the file off this computer (USB key, external disk), and the passphrase elsewhere.",
    include_trash: "Include the trash",
    write_backup: "Write the backup",
    backup_file: "vigie-backup",
    backup_left_out: |names| format!("Left out, not files Vigie backs up: {names}."),
    backed_up: |path, files, photos| {
        format!(
            "Backup written: {path} ({}, {} among them).",
            plural_en(files, "file", "files"),
            plural_en(photos, "photo", "photos")
        )
    },

    restore_button: "Restore…",
    restore_title: "Restore a backup",
    restore_explain: "Open a Vigie backup file with its passphrase. You will see what it holds before anything is written.",
    backup_counts: |c| {
        format!(
            "{}, {}, {}, {} in the trash",
            plural_en(c.dossiers, "dossier", "dossiers"),
            plural_en(c.photos, "photo", "photos"),
            plural_en(c.checklists, "checklist", "checklists"),
            c.trashed
        )
    },
    restore_what_happens: |existing| {
        if existing == 0 {
            "This data folder holds no dossier: everything will be restored into it. If the restore fails half way, everything is put back as it was.".to_owned()
        } else {
            format!(
                "The backup's dossiers will be added beside your {}; none will be overwritten. Your settings, checklists and household log already here are kept. If the restore fails half way, everything is put back as it was.",
                plural_en(existing, "dossier", "dossiers")
            )
        }
    },
    restore: "Restore",
    restored: |dossiers, trashed, kept| {
        let mut text = format!(
            "Backup restored: {}, {trashed} in the trash.",
            plural_en(dossiers, "dossier", "dossiers")
        );
        if kept > 0 {
            text.push(' ');
            text.push_str(&plural_en(kept, "file", "files"));
            text.push_str(" already here, kept as they were.");
        }
        text
    },
    archive_crashed: "The operation stopped unexpectedly; nothing was written in your dossiers.",
    archive_error: archive_error_en,
};
