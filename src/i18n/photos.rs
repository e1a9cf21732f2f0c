//! The texts of photos on items (adding, captions, the large view, files
//! dropped on the window, removing and putting back), with their errors in
//! words a user understands. The `.vigie` files' texts are in `archive.rs`.

use std::path::Path;

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
    /// Hint in the form of a journal entry: photos can be dropped.
    pub drop_hint_entry: &'static str,
    /// Shown while files are dragged over the window: where they will go.
    pub drop_here: fn(&str) -> String,
    /// Shown while files are dragged over the journal's entry form.
    pub drop_here_entry: &'static str,
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
    /// What removing a photo of a journal entry does.
    pub remove_explain_entry: &'static str,
    /// The button that removes it.
    pub remove_confirm: &'static str,
    /// Notice: a photo was removed.
    pub removed: &'static str,
    /// Notice: a photo was removed from the entry being written.
    pub removed_from_entry: &'static str,
    /// Notice: photos were ready after their entry was saved or dropped.
    pub entry_closed: fn(usize) -> String,
    /// Why the entry cannot be saved yet: its photos are being added.
    pub wait_for_photos: &'static str,
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

/// A photo refused, in French.
pub(super) fn image_error_fr(e: &PhotoError) -> String {
    match e {
        PhotoError::Read { path, .. } => format!("{}\u{a0}: impossible de lire ce fichier", shown(path)),
        PhotoError::FileTooLarge { path, .. } => {
            format!(
                "{}\u{a0}: fichier trop gros pour une photo (50\u{a0}Mo au plus)",
                shown(path)
            )
        }
        PhotoError::NotAnImage { path } => format!(
            "{}\u{a0}: Vigie ne sait pas lire ce fichier comme une image (il prend les photos JPEG, PNG et WebP)",
            shown(path)
        ),
        PhotoError::NotStored { path } => format!(
            "{}\u{a0}: ce n’est pas une photo telle que Vigie les enregistre (JPEG)\u{a0}; refusée",
            shown(path)
        ),
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

/// A photo refused, in English.
pub(super) fn image_error_en(e: &PhotoError) -> String {
    match e {
        PhotoError::Read { path, .. } => format!("{}: this file cannot be read", shown(path)),
        PhotoError::FileTooLarge { path, .. } => {
            format!("{}: too large a file for a photo (50 MB at most)", shown(path))
        }
        PhotoError::NotAnImage { path } => format!(
            "{}: not an image Vigie can read (it takes JPEG, PNG and WebP photos)",
            shown(path)
        ),
        PhotoError::NotStored { path } => {
            format!(
                "{}: not a photo as Vigie stores them (a JPEG); refused",
                shown(path)
            )
        }
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

/// "1 photo", "3 photos", with a non-breaking space (French).
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1\u{a0}{one}")
    } else {
        format!("{n}\u{a0}{many}")
    }
}

/// "1 photo", "3 photos" (English).
pub(super) fn plural_en(n: usize, one: &str, many: &str) -> String {
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
    drop_hint_entry: "Vous pouvez aussi glisser des photos sur la fenêtre\u{a0}: elles vont à ce fait.",
    drop_here: |title| format!("Déposez les photos pour les ajouter à «\u{a0}{title}\u{a0}»"),
    drop_here_entry: "Déposez les photos pour les ajouter au fait en cours d’écriture",
    drop_nowhere: "Pour ajouter des photos, ouvrez d’abord un point d’un dossier (liste des points ou visite) ou un fait du journal, puis déposez-les.",
    view_photo: |n, caption| format!("Voir la photo {n}{}", quoted_fr(caption)),
    caption_label: |n| format!("Légende de la photo {n}"),
    caption_hint: "Ce que montre la photo",
    remove: "Retirer…",
    remove_help: "Retirer cette photo du dossier",
    remove_question: "Retirer cette photo\u{a0}?",
    remove_explain: "Elle ne figurera plus dans ce dossier ni dans ses rapports. Vous pourrez la remettre juste après.",
    remove_explain_entry: "Elle ne figurera plus dans ce fait ni dans la chronologie des faits. Vous pourrez la remettre juste après.",
    remove_confirm: "Retirer la photo",
    removed: "Photo retirée du dossier.",
    removed_from_entry: "Photo retirée du fait.",
    entry_closed: |n| {
        format!(
            "Le fait a été enregistré ou abandonné avant la fin de l’ajout ({})\u{a0}: rien n’y a été ajouté. Ouvrez le fait avec «\u{a0}Modifier\u{a0}» pour ajouter les photos.",
            plural(n, "photo", "photos")
        )
    },
    wait_for_photos: "Les photos sont en cours d’ajout\u{a0}: le fait pourra être enregistré dès qu’elles seront prêtes.",
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
};

/// The English texts.
pub static EN: PhotosTr = PhotosTr {
    heading: "Photos",
    add_photo: "Add photo…",
    adding: |n| format!("Adding {}…", plural_en(n, "photo", "photos")),
    drop_hint_list: "You can also drop photos onto the window: they go to the selected item.",
    drop_hint_step: "You can also drop photos onto the window: they go to the item shown.",
    drop_hint_entry: "You can also drop photos onto the window: they go to this entry.",
    drop_here: |title| format!("Drop the photos to add them to “{title}”"),
    drop_here_entry: "Drop the photos to add them to the entry being written",
    drop_nowhere: "To add photos, first open an item of a dossier (the item list or the visit) or an entry of the log, then drop them.",
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
    remove_explain_entry: "It will no longer be in this entry nor in the chronology of events. You can put it back right after.",
    remove_confirm: "Remove the photo",
    removed: "Photo removed from the dossier.",
    removed_from_entry: "Photo removed from the entry.",
    entry_closed: |n| {
        format!(
            "The entry was saved or dropped before the photos were ready ({}): nothing was added to it. Open the entry with “Edit” to add them.",
            plural_en(n, "photo", "photos")
        )
    },
    wait_for_photos: "The photos are being added: the entry can be saved as soon as they are ready.",
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
            (super::super::archive::FR.imported)("Maison", "Maison", 1),
            (super::super::archive::FR.already_here)(&["Maison".to_owned()]),
            super::super::archive::FR.two_channels.to_owned(),
            FR.remove_question.to_owned(),
            (FR.entry_closed)(2),
            FR.wait_for_photos.to_owned(),
            FR.drop_hint_entry.to_owned(),
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
