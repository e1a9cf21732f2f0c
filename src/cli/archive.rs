//! The commands of photos, handover and backup: `attach`, `handover`,
//! `import`, `backup`, `restore`; and the photos of `debug-save-loop
//! --photos` (the crash test).
//!
//! A DOSSIER argument is, as for `vigie export`, a dossier file of the data
//! folder (`…/dossiers/<id>.ron`); or a dossier's id (the file's name
//! without `.ron`); or its exact title, when only one dossier has it.
//!
//! Passphrases: the data folder's own (when it is encrypted) is asked
//! first; then the file's. On a terminal each is typed twice, without
//! echo; otherwise each is one line of standard input, in that order.
//! Messages are in the `--lang` language (French by default).

use std::io::{BufRead as _, IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret as _, SecretString};
use anyhow::Context as _;
use chrono::Utc;

use super::{Cli, message_lang, read_passphrase};
use crate::archive::{ArchiveError, IfAlreadyThere, Limits, Preview};
use crate::i18n::tr;
use crate::lang::Lang;
use crate::model::{DossierId, ItemId};
use crate::store::{Encryption, PhotoFileError, PhotoOwner, Store, StoreError};

/// A message in the language of the command line.
fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Opens the data folder, unlocked when it is encrypted (its passphrase
/// asked first).
fn open_store(cli: &Cli) -> anyhow::Result<(Store, Lang)> {
    let root = Store::default_root(cli.data_dir.clone()).context("no data folder could be determined")?;
    let lang = message_lang(cli, None);
    let mut store = Store::open(&root).map_err(|e| anyhow::anyhow!((tr(lang).store_error)(&e)))?;
    let lang = message_lang(cli, Some(&store));
    if store.encryption() == Encryption::Locked {
        let passphrase = read_passphrase(tr(lang).passphrase_prompt)?;
        store
            .unlock(&passphrase)
            .map_err(|e| anyhow::anyhow!((tr(lang).store_error)(&e)))?;
    }
    Ok((store, lang))
}

/// Reads the passphrase of a `.vigie` file: twice without echo on a
/// terminal (the two must match), else one line of standard input.
fn read_file_passphrase(lang: Lang) -> anyhow::Result<SecretString> {
    read_new_or_existing_passphrase(lang, true)
}

/// The passphrase of a `.vigie` file to open: asked once.
fn read_existing_file_passphrase(lang: Lang) -> anyhow::Result<SecretString> {
    read_new_or_existing_passphrase(lang, false)
}

/// Asks for a `.vigie` file's passphrase; a new one (for a file about to
/// be written) is asked twice on a terminal, so that a typo does not lock
/// the file for ever.
fn read_new_or_existing_passphrase(lang: Lang, new: bool) -> anyhow::Result<SecretString> {
    let first = read_passphrase(t(
        lang,
        "Phrase de passe du fichier\u{a0}: ",
        "Passphrase of the file: ",
    ))?;
    if new && std::io::stdin().is_terminal() {
        let again = read_passphrase(t(lang, "La même, encore\u{a0}: ", "The same again: "))?;
        anyhow::ensure!(
            first.expose_secret() == again.expose_secret(),
            t(
                lang,
                "les deux phrases de passe diffèrent",
                "the two passphrases differ"
            )
        );
    }
    Ok(first)
}

/// The dossier named by a DOSSIER argument (see the module's
/// documentation).
fn find_dossier(store: &Store, arg: &str, lang: Lang) -> anyhow::Result<DossierId> {
    let path = Path::new(arg);
    if path.is_file() {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        let same_dir = dir.canonicalize().ok() == store.dossiers_dir().canonicalize().ok();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        anyhow::ensure!(
            same_dir && DossierId::is_valid(stem),
            "{}: {}",
            path.display(),
            t(
                lang,
                "ce fichier n'est pas un dossier du dossier de données (voir --data-dir)",
                "this file is not a dossier of the data folder (see --data-dir)"
            )
        );
        return Ok(DossierId(stem.to_owned()));
    }
    if DossierId::is_valid(arg) && store.dossier_path(&DossierId(arg.to_owned())).is_file() {
        return Ok(DossierId(arg.to_owned()));
    }
    let listed = store
        .list()
        .map_err(|e| anyhow::anyhow!((tr(lang).store_error)(&e)))?;
    let matching: Vec<DossierId> = listed
        .iter()
        .filter(|l| l.summary.as_ref().is_ok_and(|s| s.title == arg))
        .map(|l| l.id.clone())
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.clone()),
        [] => anyhow::bail!(
            "{arg}: {}",
            t(
                lang,
                "aucun dossier de ce fichier, de cet identifiant ou de ce titre (vigie list)",
                "no dossier of that file, id or title (vigie list)"
            )
        ),
        _ => anyhow::bail!(
            "{arg}: {}",
            t(
                lang,
                "plusieurs dossiers portent ce titre\u{a0}: donnez le fichier ou l'identifiant",
                "several dossiers have that title: give the file or the id"
            )
        ),
    }
}

/// `vigie attach DOSSIER ITEM_ID PHOTO… [--caption TEXT]`.
pub fn attach(
    cli: &Cli,
    dossier: &str,
    item: &str,
    photos: &[PathBuf],
    caption: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (mut store, lang) = open_store(cli)?;
    let id = find_dossier(&store, dossier, lang)?;
    let store_error = |e: &StoreError| anyhow::anyhow!((tr(lang).store_error)(e));
    let mut loaded = store.load(&id).map_err(|e| store_error(&e))?;
    let item = ItemId::from(item);
    let library = crate::library::Library::load(Some(&store.checklists_dir()));
    let known = loaded
        .loaded_checklists(&library.checklists)
        .flat_map(crate::model::Checklist::items)
        .any(|i| i.id == item);
    anyhow::ensure!(
        known,
        "{item}: {}",
        t(
            lang,
            "aucun point de ce dossier ne porte cet identifiant",
            "no item of this dossier has that id"
        )
    );
    let folder = store.data_folder();
    let owner = PhotoOwner::Dossier(id.clone());
    let now = Utc::now();
    // Every photo is prepared and written before the dossier is saved: a
    // refused photo stops the command with nothing added.
    let mut added = Vec::new();
    for path in photos {
        let photo = folder
            .add_photo_file(&owner, path, caption.unwrap_or_default(), now)
            .map_err(|e| anyhow::anyhow!(describe_photo(&e, lang)))?;
        added.push(photo);
    }
    for photo in added {
        loaded.add_photo(&item, photo, now);
    }
    store.save(&id, &loaded).map_err(|e| store_error(&e))?;
    writeln!(
        out,
        "{} {}",
        photos.len(),
        t(
            lang,
            "photo(s) ajoutée(s), sans métadonnées.",
            "photo(s) added, without metadata."
        )
    )?;
    Ok(0)
}

/// `vigie handover DOSSIER --out FILE`.
pub fn handover(cli: &Cli, dossier: &str, path: &Path, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (mut store, lang) = open_store(cli)?;
    let id = find_dossier(&store, dossier, lang)?;
    let loaded = store
        .load(&id)
        .map_err(|e| anyhow::anyhow!((tr(lang).store_error)(&e)))?;
    let passphrase = read_file_passphrase(lang)?;
    let written = store
        .data_folder()
        .write_handover(&id, &loaded, path, &passphrase, Utc::now())
        .map_err(|e| anyhow::anyhow!(describe(&e, lang)))?;
    writeln!(
        out,
        "{} {} ({} photo(s)).\n{}",
        t(
            lang,
            "Fichier de passation écrit\u{a0}:",
            "Handover file written:"
        ),
        written.path.display(),
        written.photos,
        t(
            lang,
            "Transmettez le fichier et la phrase de passe par deux canaux différents (par exemple le fichier sur une clé USB, la phrase de passe de vive voix).",
            "Pass on the file and the passphrase by two different channels (say, the file on a USB key, the passphrase read aloud)."
        )
    )?;
    Ok(0)
}

/// `vigie backup --out FILE [--no-trash]`.
pub fn backup(cli: &Cli, path: &Path, no_trash: bool, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (store, lang) = open_store(cli)?;
    let passphrase = read_file_passphrase(lang)?;
    let options = crate::archive::BackupOptions {
        include_trash: !no_trash,
    };
    let written = store
        .data_folder()
        .write_backup(path, &passphrase, options, Utc::now())
        .map_err(|e| anyhow::anyhow!(describe(&e, lang)))?;
    writeln!(
        out,
        "{} {} ({} {}, {} photo(s)).",
        t(lang, "Sauvegarde écrite\u{a0}:", "Backup written:"),
        written.path.display(),
        written.entries,
        t(lang, "fichiers", "files"),
        written.photos
    )?;
    for (name, why) in &written.left_out {
        writeln!(
            out,
            "  {} {name} ({why})",
            t(
                lang,
                "Laissé de côté, ce n'est pas un fichier que Vigie sauvegarde\u{a0}:",
                "Left out, not a file Vigie backs up:"
            )
        )?;
    }
    Ok(0)
}

/// Asks a question on the terminal; `None` when standard input is not one.
fn ask(question: &str, err: &mut dyn Write) -> anyhow::Result<Option<String>> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    write!(err, "{question} ")?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(Some(line.trim().to_lowercase()))
}

/// Whether an answer says yes (`o`, `oui`, `y`, `yes`).
fn is_yes(answer: &str) -> bool {
    matches!(answer, "o" | "oui" | "y" | "yes")
}

/// `vigie import FILE [--yes] [--replace | --keep-both]`.
pub fn import(
    cli: &Cli,
    file: &Path,
    yes: bool,
    replace: Option<IfAlreadyThere>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (mut store, lang) = open_store(cli)?;
    let passphrase = read_existing_file_passphrase(lang)?;
    let opened = crate::archive::open_handover(file, &passphrase, &Limits::default())
        .map_err(|e| anyhow::anyhow!(describe(&e, lang)))?;
    print_preview(&opened.preview, lang, out)?;
    let same = store
        .same_dossiers(&opened.dossier)
        .map_err(|e| anyhow::anyhow!((tr(lang).store_error)(&e)))?;
    let choice = if same.is_empty() {
        IfAlreadyThere::KeepBoth
    } else if let Some(choice) = replace {
        choice
    } else {
        let names = same
            .iter()
            .map(|(id, title)| format!("« {title} » ({id})"))
            .collect::<Vec<_>>()
            .join(", ");
        let question = match lang {
            Lang::Fr => format!(
                "Ce dossier est déjà là\u{a0}: {names}. [g] garder les deux, [r] remplacer ({names} va à la corbeille), [a] annuler\u{a0}:"
            ),
            Lang::En => format!(
                "This dossier is already here: {names}. [k] keep both, [r] replace ({names} goes to the trash), [c] cancel:"
            ),
        };
        match ask(&question, err)?.as_deref() {
            Some("g" | "k") => IfAlreadyThere::KeepBoth,
            Some("r") => IfAlreadyThere::Replace,
            Some(_) => return Ok(1),
            None => anyhow::bail!(t(
                lang,
                "ce dossier est déjà là\u{a0}: choisissez --replace ou --keep-both",
                "this dossier is already here: choose --replace or --keep-both"
            )),
        }
    };
    if !yes && same.is_empty() {
        let question = t(
            lang,
            "Importer ce dossier\u{a0}? [o/N]",
            "Import this dossier? [y/N]",
        );
        if ask(question, err)?.is_some_and(|a| !is_yes(&a)) {
            return Ok(1);
        }
    }
    let imported = store
        .import_handover(opened, choice, Utc::now())
        .map_err(|e| anyhow::anyhow!(describe(&e, lang)))?;
    writeln!(
        out,
        "{} {}",
        t(lang, "Dossier importé\u{a0}:", "Dossier imported:"),
        store.dossier_path(&imported.id).display()
    )?;
    for (id, title) in &imported.replaced {
        writeln!(
            out,
            "{} « {title} » ({id})",
            t(lang, "Mis à la corbeille\u{a0}:", "Moved to the trash:")
        )?;
    }
    Ok(0)
}

/// `vigie restore FILE [--yes]`.
pub fn restore(
    cli: &Cli,
    file: &Path,
    yes: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (store, lang) = open_store(cli)?;
    let passphrase = read_existing_file_passphrase(lang)?;
    let folder = store.data_folder();
    let opened = folder
        .open_backup(file, &passphrase, &Limits::default())
        .map_err(|e| anyhow::anyhow!(describe(&e, lang)))?;
    print_preview(&opened.preview, lang, out)?;
    if !yes {
        let question = t(
            lang,
            "Restaurer à côté des dossiers présents (rien n'est écrasé)\u{a0}? [o/N]",
            "Restore beside the dossiers here (nothing is overwritten)? [y/N]",
        );
        if ask(question, err)?.is_some_and(|a| !is_yes(&a)) {
            return Ok(1);
        }
    }
    let restored = folder
        .restore_backup(opened)
        .map_err(|e| anyhow::anyhow!(describe(&e, lang)))?;
    writeln!(
        out,
        "{} {} {}, {} {}, {} {}.",
        t(lang, "Restauré\u{a0}:", "Restored:"),
        restored.dossiers.len(),
        t(lang, "dossier(s)", "dossier(s)"),
        restored.trashed,
        t(lang, "à la corbeille", "in the trash"),
        restored.checklists,
        t(lang, "liste(s) de contrôle", "checklist(s)")
    )?;
    for (before, after) in restored.dossiers.iter().filter(|(a, b)| a != b) {
        writeln!(out, "{before} → {after}")?;
    }
    for name in &restored.kept_existing {
        writeln!(
            out,
            "{} {name}",
            t(lang, "Gardé (déjà présent)\u{a0}:", "Kept (already here):")
        )?;
    }
    Ok(0)
}

/// Prints what a `.vigie` file holds.
fn print_preview(preview: &Preview, lang: Lang, out: &mut dyn Write) -> anyhow::Result<()> {
    let tr = tr(lang);
    let date = |d: chrono::DateTime<Utc>| {
        d.with_timezone(&chrono::Local)
            .format(tr.datetime_format)
            .to_string()
    };
    writeln!(
        out,
        "{} {} (Vigie {})",
        t(lang, "Fichier écrit le", "File written on"),
        date(preview.created),
        preview.app_version
    )?;
    if let Some(d) = &preview.dossier {
        writeln!(
            out,
            "  {} {} ({})",
            t(lang, "Dossier\u{a0}:", "Dossier:"),
            d.title,
            (tr.journey_name)(d.journey)
        )?;
        writeln!(
            out,
            "  {} {}, {} {}",
            t(lang, "Créé le", "Created on"),
            date(d.created),
            t(lang, "modifié le", "changed on"),
            date(d.modified)
        )?;
        writeln!(
            out,
            "  {} {}, {} {}, {} {}",
            t(lang, "Points renseignés\u{a0}:", "Items answered:"),
            d.answered,
            t(lang, "notes\u{a0}:", "notes:"),
            d.notes,
            t(lang, "photos\u{a0}:", "photos:"),
            d.photos
        )?;
        if let Some(referent) = &d.referent {
            writeln!(out, "  {} {referent}", t(lang, "Référent\u{a0}:", "Référent:"))?;
        }
    }
    if let Some(b) = &preview.backup {
        writeln!(
            out,
            "  {} {}, {} {}, {} {}, {} {}",
            t(lang, "Dossiers\u{a0}:", "Dossiers:"),
            b.dossiers,
            t(lang, "photos\u{a0}:", "photos:"),
            b.photos,
            t(lang, "listes de contrôle\u{a0}:", "checklists:"),
            b.checklists,
            t(lang, "à la corbeille\u{a0}:", "in the trash:"),
            b.trashed
        )?;
    }
    Ok(())
}

/// An archive error in the user's language: the window's words (one
/// catalog), which name the file and say whether anything was written.
#[must_use]
pub fn describe(error: &ArchiveError, lang: Lang) -> String {
    match error {
        // The window names its buttons; the command line its commands.
        ArchiveError::WrongKind { path, found, .. } => format!(
            "{}: {}",
            path.display(),
            match found {
                crate::archive::ArchiveKind::Backup => t(
                    lang,
                    "c'est une sauvegarde complète\u{a0}: utilisez vigie restore",
                    "this is a full backup: use vigie restore"
                ),
                crate::archive::ArchiveKind::Handover => t(
                    lang,
                    "c'est un fichier de remise\u{a0}: utilisez vigie import",
                    "this is a handover file: use vigie import"
                ),
            }
        ),
        other => (crate::i18n::tr(lang).archive.archive_error)(other),
    }
}

/// A photo that could not be added, in the user's language.
#[must_use]
pub fn describe_photo(error: &PhotoFileError, lang: Lang) -> String {
    (crate::i18n::tr(lang).photos.photo_error)(error)
}

/// `debug-save-loop --photos`: before each save, one photo more (a small
/// generated picture whose size changes with the version, so that a torn
/// file would show), written first; the dossier keeps the last three.
pub fn crash_photo_round(
    store: &Store,
    id: &DossierId,
    dossier: &mut crate::model::Dossier,
    version: u64,
    now: chrono::DateTime<Utc>,
) -> anyhow::Result<()> {
    let side = 8 + u32::try_from(version % 23).unwrap_or(0);
    let shade = u8::try_from(version % 251).unwrap_or(0);
    let image = image::RgbImage::from_fn(side * 2, side, |x, y| {
        image::Rgb([
            shade,
            u8::try_from((x * 7) % 256).unwrap_or(0),
            u8::try_from((y * 11) % 256).unwrap_or(0),
        ])
    });
    let mut png = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image).write_to(&mut png, image::ImageFormat::Png)?;
    let prepared = crate::photo::prepare_bytes(png.get_ref(), Path::new("crash-test.png"))?;
    let photo = prepared.photo_ref(&format!("v{version}"), now);
    store
        .data_folder()
        .write_photo(&PhotoOwner::Dossier(id.clone()), &photo.id, &prepared)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let item = ItemId::from("alarm.lighting");
    dossier.add_photo(&item, photo, now);
    while dossier.photos_of(&item).len() > 3 {
        let oldest = dossier.photos_of(&item)[0].id.clone();
        dossier.remove_photo(&oldest, now);
    }
    Ok(())
}

/// The photos of a full report exported from the dossier file `file`: its
/// photo folder beside it (`<id>.photos`), decrypted with `store` when it
/// is unlocked.
pub fn attach_export_photos(
    report: &mut crate::report::Report,
    dossier: &crate::model::Dossier,
    library: &crate::library::Library,
    lang: Lang,
    file: &Path,
    store: Option<&Store>,
) {
    let dir = file.with_extension(crate::store::PHOTOS_EXT);
    let folder = store.map(Store::data_folder);
    crate::report::attach_photos(report, dossier, library, lang, &mut |photo| {
        let path = dir.join(crate::store::PhotoSize::Full.file_name(&photo.id));
        match &folder {
            Some(folder) => folder.read_private(&path).ok().map(|b| b.to_vec()),
            None => std::fs::read(&path).ok().filter(|b| !crate::store::is_age(b)),
        }
    });
}
