//! The texts of photos on items (adding, captions, the large view, files
//! dropped on the window), and of the `.vigie` files: the handover of a
//! dossier, its import, the backup of everything and its restore; with the
//! errors of each, in words a user understands.

use std::path::Path;

use crate::archive::{ArchiveError, ArchiveKind, BackupCounts};
use crate::photo::PhotoError;
use crate::store::PhotoFileError;

/// The texts.
#[derive(Debug)]
pub struct PhotosTr {
    /// Heading of an item's photos.
    pub heading: &'static str,
    /// The button that adds photos to an item.
    pub add_photo: &'static str,
    /// Photos being added to an item.
    pub adding: fn(usize) -> String,
    /// Hint on the selected item card: photos can be dropped.
    pub drop_hint_list: &'static str,
    /// Hint on a visit step: photos can be dropped.
    pub drop_hint_step: &'static str,
    /// Shown while files are dragged over the window: where they will go.
    pub drop_here: fn(&str) -> String,
    /// Files dragged or dropped where no item is shown.
    pub drop_nowhere: &'static str,
    /// The accessible name of a thumbnail: its number and caption.
    pub view_photo: fn(usize, &str) -> String,
    /// The label of a photo's caption field.
    pub caption_label: fn(usize) -> String,
    /// Hint of a caption field.
    pub caption_hint: &'static str,
    /// The button that asks before removing a photo.
    pub remove: &'static str,
    /// Hover text of that button.
    pub remove_help: &'static str,
    /// Question before removing a photo.
    pub remove_question: &'static str,
    /// What removing a photo does.
    pub remove_explain: &'static str,
    /// The button that removes it.
    pub remove_confirm: &'static str,
    /// Notice: a photo was removed.
    pub removed: &'static str,
    /// The button that puts a photo just removed back.
    pub undo: &'static str,
    /// A photo being decoded.
    pub loading: &'static str,
    /// A photo whose file cannot be shown.
    pub unreadable: &'static str,
    /// The large view's title: photo n of m, the item.
    pub viewer_title: fn(usize, usize, &str) -> String,
    /// The formats accepted.
    pub formats: &'static str,
    /// Heading of the dialog that asks for a photo's path.
    pub path_title: &'static str,
    /// No file chooser could open: type the photo's path.
    pub no_chooser: &'static str,
    /// The label of the photo's path field.
    pub path_label: &'static str,
    /// The button that adds the photo typed.
    pub add: &'static str,
    /// The filter name of image files in the file chooser.
    pub images_filter: &'static str,
    /// Notice: photos refused, each error naming its file; how many were
    /// added nonetheless.
    pub refused: fn(&[String], usize) -> String,
    /// Notice: photos added to a dossier that was closed meanwhile.
    pub added_to: fn(usize, &str) -> String,
    /// Notice: photos whose dossier could not take them.
    pub not_added: fn(&str) -> String,
    /// Notice: the photo import stopped unexpectedly.
    pub import_crashed: &'static str,
    /// A photo refused, naming its file.
    pub photo_error: fn(&PhotoFileError) -> String,

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
    /// Notice: a dossier was imported (title, how many were replaced).
    pub imported: fn(&str, usize) -> String,

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

/// "« caption »" or nothing.
fn quoted_fr(caption: &str) -> String {
    if caption.trim().is_empty() {
        String::new()
    } else {
        format!("\u{a0}: «\u{a0}{}\u{a0}»", caption.trim())
    }
}

fn photo_error_fr(error: &PhotoFileError) -> String {
    match error {
        PhotoFileError::Store(e) => (super::tr(super::Lang::Fr).store_error)(e),
        PhotoFileError::Photo(e) => image_error_fr(e),
    }
}

fn image_error_fr(e: &PhotoError) -> String {
    match e {
        PhotoError::Read { path, .. } => format!("{}\u{a0}: impossible de lire ce fichier", shown(path)),
        PhotoError::FileTooLarge { path, .. } => {
            format!(
                "{}\u{a0}: fichier trop gros pour une photo (50\u{a0}Mo au plus)",
                shown(path)
            )
        }
        PhotoError::NotAnImage { path } => {
            format!("{}\u{a0}: ce n’est pas une image JPEG, PNG ou WebP", shown(path))
        }
        PhotoError::Heic { path } => format!(
            "{}\u{a0}: les photos HEIC ne sont pas prises en charge\u{a0}; convertissez-la en JPEG (sur iPhone\u{a0}: Réglages › Appareil photo › Formats › Le plus compatible, ou partagez-la en JPEG)",
            shown(path)
        ),
        PhotoError::Damaged { path, .. } => format!("{}\u{a0}: image abîmée ou incomplète", shown(path)),
        PhotoError::TooManyPixels { path, width, height } => format!(
            "{}\u{a0}: image trop grande ({width}\u{a0}×\u{a0}{height} pixels)",
            shown(path)
        ),
        PhotoError::Encode { path, .. } => {
            format!("{}\u{a0}: la photo n’a pas pu être enregistrée", shown(path))
        }
    }
}

fn photo_error_en(error: &PhotoFileError) -> String {
    match error {
        PhotoFileError::Store(e) => (super::tr(super::Lang::En).store_error)(e),
        PhotoFileError::Photo(e) => image_error_en(e),
    }
}

fn image_error_en(e: &PhotoError) -> String {
    match e {
        PhotoError::Read { path, .. } => format!("{}: this file cannot be read", shown(path)),
        PhotoError::FileTooLarge { path, .. } => {
            format!("{}: too large a file for a photo (50 MB at most)", shown(path))
        }
        PhotoError::NotAnImage { path } => format!("{}: not a JPEG, PNG or WebP image", shown(path)),
        PhotoError::Heic { path } => format!(
            "{}: HEIC photos are not supported; convert it to JPEG first (on an iPhone: Settings › Camera › Formats › Most Compatible, or share it as JPEG)",
            shown(path)
        ),
        PhotoError::Damaged { path, .. } => format!("{}: damaged or incomplete image", shown(path)),
        PhotoError::TooManyPixels { path, width, height } => {
            format!("{}: image too large ({width} × {height} pixels)", shown(path))
        }
        PhotoError::Encode { path, .. } => format!("{}: the photo could not be stored", shown(path)),
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

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1\u{a0}{one}")
    } else {
        format!("{n}\u{a0}{many}")
    }
}

fn plural_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The French texts.
pub static FR: PhotosTr = PhotosTr {
    heading: "Photos",
    add_photo: "Ajouter une photo…",
    adding: |n| format!("Ajout de {}…", plural(n, "photo", "photos")),
    drop_hint_list: "Vous pouvez aussi glisser des photos sur la fenêtre\u{a0}: elles vont au point sélectionné.",
    drop_hint_step: "Vous pouvez aussi glisser des photos sur la fenêtre\u{a0}: elles vont au point affiché.",
    drop_here: |title| format!("Déposez les photos pour les ajouter à «\u{a0}{title}\u{a0}»"),
    drop_nowhere: "Pour ajouter des photos, ouvrez d’abord un point du dossier (liste des points ou visite), puis déposez-les.",
    view_photo: |n, caption| format!("Voir la photo {n}{}", quoted_fr(caption)),
    caption_label: |n| format!("Légende de la photo {n}"),
    caption_hint: "Ce que montre la photo",
    remove: "Retirer…",
    remove_help: "Retirer cette photo du dossier",
    remove_question: "Retirer cette photo\u{a0}?",
    remove_explain: "Elle ne figurera plus dans ce dossier ni dans ses rapports. Vous pourrez la remettre juste après.",
    remove_confirm: "Retirer la photo",
    removed: "Photo retirée du dossier.",
    undo: "Remettre la photo",
    loading: "Chargement…",
    unreadable: "Cette photo ne peut pas être affichée.",
    viewer_title: |n, of, item| format!("Photo {n} sur {of} — {item}"),
    formats: "Photos JPEG, PNG ou WebP. Les photos HEIC d’iPhone sont à convertir en JPEG d’abord. Vigie enlève leurs métadonnées (position GPS, appareil, date).",
    path_title: "Ajouter une photo",
    no_chooser: "Aucune fenêtre de choix de fichier n’a pu s’ouvrir sur ce système\u{a0}: tapez le chemin de la photo.",
    path_label: "Fichier de la photo",
    add: "Ajouter",
    images_filter: "Images",
    refused: |errors, added| {
        let head = if errors.len() == 1 {
            "Photo refusée, rien n’a été ajouté pour elle\u{a0}:".to_owned()
        } else {
            format!(
                "{} photos refusées, rien n’a été ajouté pour elles\u{a0}:",
                errors.len()
            )
        };
        let added = if added == 0 {
            String::new()
        } else {
            format!(
                "\n{} bien {}.",
                plural(added, "autre photo", "autres photos"),
                if added == 1 { "ajoutée" } else { "ajoutées" }
            )
        };
        format!("{head}\n{}{added}", errors.join("\n"))
    },
    added_to: |n, title| {
        if n == 1 {
            format!("1\u{a0}photo ajoutée à «\u{a0}{title}\u{a0}».")
        } else {
            format!("{n}\u{a0}photos ajoutées à «\u{a0}{title}\u{a0}».")
        }
    },
    not_added: |why| format!("Les photos n’ont pas pu être ajoutées au dossier\u{a0}: {why}"),
    import_crashed: "L’ajout des photos s’est arrêté de façon inattendue\u{a0}; rien n’a été ajouté au dossier.",
    photo_error: photo_error_fr,

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
    imported: |title, replaced| match replaced {
        0 => format!("«\u{a0}{title}\u{a0}» importé."),
        1 => format!("«\u{a0}{title}\u{a0}» importé\u{a0}; l’ancien est dans la corbeille."),
        n => format!("«\u{a0}{title}\u{a0}» importé\u{a0}; les {n}\u{a0}anciens sont dans la corbeille."),
    },

    backup_button: "Sauvegarder tout…",
    backup_title: "Sauvegarder tout",
    backup_explain: "Un seul fichier chiffré avec tous vos dossiers et leurs photos, vos listes de contrôle, vos réglages et le journal du foyer. Jamais votre clé de chiffrement\u{a0}: la sauvegarde a sa propre phrase de passe. Gardez le fichier hors de cet ordinateur (clé USB, disque externe), et la phrase de passe ailleurs.",
    include_trash: "Inclure la corbeille",
    write_backup: "Écrire la sauvegarde",
    backup_file: "vigie-sauvegarde",
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
pub static EN: PhotosTr = PhotosTr {
    heading: "Photos",
    add_photo: "Add photo…",
    adding: |n| format!("Adding {}…", plural_en(n, "photo", "photos")),
    drop_hint_list: "You can also drop photos onto the window: they go to the selected item.",
    drop_hint_step: "You can also drop photos onto the window: they go to the item shown.",
    drop_here: |title| format!("Drop the photos to add them to “{title}”"),
    drop_nowhere: "To add photos, first open an item of a dossier (the item list or the visit), then drop them.",
    view_photo: |n, caption| {
        if caption.trim().is_empty() {
            format!("View photo {n}")
        } else {
            format!("View photo {n}: “{}”", caption.trim())
        }
    },
    caption_label: |n| format!("Caption of photo {n}"),
    caption_hint: "What the photo shows",
    remove: "Remove…",
    remove_help: "Remove this photo from the dossier",
    remove_question: "Remove this photo?",
    remove_explain: "It will no longer be in this dossier nor in its reports. You can put it back right after.",
    remove_confirm: "Remove the photo",
    removed: "Photo removed from the dossier.",
    undo: "Put the photo back",
    loading: "Loading…",
    unreadable: "This photo cannot be shown.",
    viewer_title: |n, of, item| format!("Photo {n} of {of} — {item}"),
    formats: "JPEG, PNG or WebP photos. iPhone HEIC photos must be converted to JPEG first. Vigie removes their metadata (GPS position, camera, date).",
    path_title: "Add a photo",
    no_chooser: "No file chooser could open on this system: type the photo's path.",
    path_label: "Photo file",
    add: "Add",
    images_filter: "Images",
    refused: |errors, added| {
        let head = if errors.len() == 1 {
            "Photo refused, nothing was added for it:".to_owned()
        } else {
            format!("{} photos refused, nothing was added for them:", errors.len())
        };
        let added = if added == 0 {
            String::new()
        } else {
            format!(
                "\n{} added.",
                plural_en(added, "other photo was", "other photos were")
            )
        };
        format!("{head}\n{}{added}", errors.join("\n"))
    },
    added_to: |n, title| format!("{} added to “{title}”.", plural_en(n, "photo", "photos")),
    not_added: |why| format!("The photos could not be added to the dossier: {why}"),
    import_crashed: "Adding the photos stopped unexpectedly; nothing was added to the dossier.",
    photo_error: photo_error_en,

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
    imported: |title, replaced| match replaced {
        0 => format!("“{title}” imported."),
        1 => format!("“{title}” imported; the old one is in the trash."),
        n => format!("“{title}” imported; the {n} old ones are in the trash."),
    },

    backup_button: "Back up everything…",
    backup_title: "Back up everything",
    backup_explain: "One encrypted file with all your dossiers and their photos, your checklists, your settings and the household's log. Never your encryption key: the backup has a passphrase of its own. Keep the file off this computer (USB key, external disk), and the passphrase elsewhere.",
    include_trash: "Include the trash",
    write_backup: "Write the backup",
    backup_file: "vigie-backup",
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn photo_errors_name_the_file_in_both_languages() {
        let error = PhotoFileError::Photo(PhotoError::Heic {
            path: PathBuf::from("/tmp/IMG_0001.HEIC"),
        });
        for text in [(FR.photo_error)(&error), (EN.photo_error)(&error)] {
            assert!(text.contains("IMG_0001.HEIC"), "{text}");
            assert!(text.contains("JPEG"), "{text}");
        }
    }

    #[test]
    fn french_punctuation_has_its_non_breaking_space() {
        let texts = [
            (FR.refused)(&["a".to_owned()], 2),
            (FR.imported)("Maison", 1),
            (FR.already_here)(&["Maison".to_owned()]),
            FR.two_channels.to_owned(),
            FR.remove_question.to_owned(),
        ];
        for text in texts {
            for mark in [':', ';', '?', '!', '»'] {
                for (i, c) in text.char_indices() {
                    if c == mark && i > 0 {
                        let before = text[..i].chars().next_back();
                        assert_eq!(before, Some('\u{a0}'), "{mark} in {text:?}");
                    }
                }
            }
        }
    }
}
