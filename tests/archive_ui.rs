//! The `.vigie` files in the window, driven through `egui_kittest`: a
//! handover written from the summary and imported on another computer
//! (what it holds shown first, the photo carried), a weak passphrase
//! refused, a wrong one said with the file's name and nothing written, and
//! a backup written and restored from the home screen's dialogs.

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{
    AppState, ArchiveAction, ArchiveCommand, ArchiveProblem, Command, Dialog, Navigation, Opened,
};
use vigie::archive::ArchiveError;
use vigie::i18n::Lang;
use vigie::model::DossierId;
use vigie::model::checklist::ItemId;
use vigie::store::{PhotoOwner, Store};

use crate::security::PASSPHRASE;
use crate::util::{click, harness, jpeg_with_gps, sample_dossier, snapshot, type_into};

/// The window on `root`, with cheap key derivations so that tests stay
/// fast.
fn window(root: &Path, lang: Lang) -> Harness<'static, AppState> {
    let mut h = harness(root, lang);
    h.state_mut().store.set_kdf_work_factor(10);
    h
}

/// The sample dossier with one photo on `alarm.lighting`, in `root`.
fn dossier_with_a_photo(root: &Path) -> DossierId {
    let mut store = Store::open(root).unwrap();
    let mut dossier = sample_dossier();
    let id = store.create(&dossier).unwrap();
    let source = root.join("lamp.jpg");
    std::fs::write(&source, jpeg_with_gps(64, 48, 1)).unwrap();
    let photo = store
        .data_folder()
        .add_photo_file(
            &PhotoOwner::Dossier(id.clone()),
            &source,
            "Lampe du portail",
            chrono::Utc::now(),
        )
        .unwrap();
    dossier.add_photo(&ItemId::from("alarm.lighting"), photo, chrono::Utc::now());
    store.save(&id, &dossier).unwrap();
    id
}

/// The `.vigie` dialog open.
fn dialog<'h>(h: &'h mut Harness<'_, AppState>) -> &'h mut vigie::app::ArchiveDialog {
    match &mut h.state_mut().dialog {
        Some(Dialog::Archive(dialog)) => dialog,
        other => panic!("no .vigie dialog: {other:?}"),
    }
}

/// Sets the file of the dialog open (in place of the documents folder the
/// dialog proposes, or of the file chooser).
fn set_path(h: &mut Harness<'_, AppState>, path: &Path) {
    dialog(h).path = path.display().to_string();
    h.run();
}

/// Writes the open dossier's handover to `file` through the dialog.
fn hand_over(h: &mut Harness<'_, AppState>, file: &Path) {
    h.state_mut().handle(Command::Navigate(Navigation::Summary));
    h.run();
    click(h, "Hand over…");
    assert!(
        h.query_by_label("Hand over the dossier").is_some(),
        "the handover dialog is open"
    );
    assert!(
        h.query_by_label_contains("and its 1 photo").is_some(),
        "says what the file holds"
    );
    assert!(
        h.query_by_label_contains("two different ways").is_some(),
        "the passphrases differ"
    );
    set_path(h, file);
    type_into(h, "Passphrase for this file", PASSPHRASE);
    type_into(h, "The same passphrase again", PASSPHRASE);
    click(h, "Write the handover file");
}

#[test]
fn a_handover_written_from_the_summary_is_imported_on_another_computer() {
    let (referent, household) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = household.path().join("visite.vigie");
    let id = dossier_with_a_photo(referent.path());
    let mut h = window(referent.path(), Lang::En);
    h.state_mut().handle(Command::Open(id));
    h.run();
    hand_over(&mut h, &file);
    assert!(h.state().dialog.is_none(), "the dialog closes once written");
    let notice = h.state().notice.as_ref().unwrap().text(h.state().tr());
    assert!(
        notice.contains("visite.vigie") && notice.contains("1 photo"),
        "{notice}"
    );
    assert!(file.exists());

    // The household imports it.
    let mut h = window(household.path(), Lang::Fr);
    click(&mut h, "Importer un dossier…");
    set_path(&mut h, &file);
    type_into(&mut h, "Phrase de passe du fichier", PASSPHRASE);
    let before = snapshot(household.path());
    click(&mut h, "Ouvrir le fichier");
    assert!(
        h.query_by_label("Ce que contient le fichier").is_some(),
        "shown first"
    );
    assert!(h.query_by_label("Domicile principal").is_some());
    assert!(h.query_by_label_contains("1\u{a0}photo").is_some());
    assert_eq!(
        snapshot(household.path()),
        before,
        "nothing written before the choice"
    );
    click(&mut h, "Importer");
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().dossiers.len(), 1, "listed");
    let mut store = Store::open(household.path()).unwrap();
    let listed = store.list().unwrap();
    let imported = store.load(&listed[0].id).unwrap();
    assert_eq!(imported.title, "Domicile principal");
    let photo = &imported.photos_of(&ItemId::from("alarm.lighting"))[0];
    assert_eq!(photo.caption, "Lampe du portail");
    let owner = PhotoOwner::Dossier(listed[0].id.clone());
    assert!(
        store
            .data_folder()
            .read_photo(&owner, &photo.id, vigie::store::PhotoSize::Full)
            .is_ok()
    );

    // The same file again: keep both or replace.
    click(&mut h, "Importer un dossier…");
    set_path(&mut h, &file);
    type_into(&mut h, "Phrase de passe du fichier", PASSPHRASE);
    click(&mut h, "Ouvrir le fichier");
    assert!(h.query_by_label_contains("Ce dossier est déjà là").is_some());
    click(&mut h, "Garder les deux");
    assert_eq!(h.state().dossiers.len(), 2);
}

#[test]
fn a_weak_passphrase_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let id = dossier_with_a_photo(dir.path());
    let file = dir.path().join("out.vigie");
    let mut h = window(dir.path(), Lang::En);
    h.state_mut().handle(Command::Open(id));
    h.state_mut().handle(Command::Navigate(Navigation::Summary));
    h.run();
    click(&mut h, "Hand over…");
    set_path(&mut h, &file);
    type_into(&mut h, "Passphrase for this file", "soleil");
    type_into(&mut h, "The same passphrase again", "soleil");
    click(&mut h, "Write the handover file");
    assert!(matches!(dialog(&mut h).error, Some(ArchiveProblem::TooWeak)));
    assert!(!file.exists());

    // The rule holds for a command sent without the view's check.
    h.state_mut()
        .handle(Command::Archive(ArchiveCommand::WriteHandover {
            path: file.clone(),
            passphrase: SecretString::from("soleil".to_owned()),
        }));
    assert!(!file.exists(), "a weak passphrase never writes");
}

#[test]
fn a_wrong_passphrase_names_the_file_and_writes_nothing() {
    let (referent, household) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = household.path().join("remise.vigie");
    let id = dossier_with_a_photo(referent.path());
    {
        let mut store = Store::open(referent.path()).unwrap();
        store.set_kdf_work_factor(10);
        let dossier = store.load(&id).unwrap();
        store
            .data_folder()
            .write_handover(
                &id,
                &dossier,
                &file,
                &SecretString::from(PASSPHRASE.to_owned()),
                chrono::Utc::now(),
            )
            .unwrap();
    }
    let mut h = window(household.path(), Lang::En);
    h.state_mut()
        .handle(Command::Archive(ArchiveCommand::Ask(ArchiveAction::Import)));
    h.run();
    set_path(&mut h, &file);
    let before = snapshot(household.path());
    type_into(&mut h, "Passphrase of the file", "not the right one at all 77");
    click(&mut h, "Open the file");
    let error = dialog(&mut h).error.clone();
    assert!(
        matches!(&error, Some(ArchiveProblem::File(e)) if matches!(**e, ArchiveError::WrongPassphrase { .. })),
        "{error:?}"
    );
    assert!(
        h.query_by_label_contains("remise.vigie: wrong passphrase")
            .is_some(),
        "said with the file's name"
    );
    assert!(dialog(&mut h).passphrase.is_empty(), "to be typed again");
    assert!(dialog(&mut h).opened.is_none());
    assert_eq!(snapshot(household.path()), before, "nothing written");

    // A damaged file: named too.
    let damaged = household.path().join("abîmé.vigie");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&damaged, bytes).unwrap();
    set_path(&mut h, &damaged);
    type_into(&mut h, "Passphrase of the file", PASSPHRASE);
    click(&mut h, "Open the file");
    let text = dialog(&mut h)
        .error
        .as_ref()
        .expect("an error")
        .text(vigie::i18n::tr(Lang::En));
    assert!(text.contains("abîmé.vigie"), "{text}");
    assert!(h.state().store.list().unwrap().is_empty(), "no dossier added");
}

#[test]
fn a_backup_from_the_home_screen_is_restored_in_another_folder() {
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file: PathBuf = new.path().join("tout.vigie");
    dossier_with_a_photo(old.path());
    let mut h = window(old.path(), Lang::En);
    click(&mut h, "Back up everything…");
    assert!(h.query_by_label("Back up everything").is_some());
    set_path(&mut h, &file);
    type_into(&mut h, "Passphrase for this file", PASSPHRASE);
    type_into(&mut h, "The same passphrase again", PASSPHRASE);
    click(&mut h, "Write the backup");
    assert!(h.state().dialog.is_none(), "{:?}", h.state().dialog);
    assert!(file.exists());

    let mut h = window(new.path(), Lang::En);
    click(&mut h, "Restore…");
    assert!(h.query_by_label("Restore a backup").is_some());
    set_path(&mut h, &file);
    type_into(&mut h, "Passphrase of the file", PASSPHRASE);
    click(&mut h, "Open the file");
    assert!(
        matches!(dialog(&mut h).opened, Some(Opened::Backup(_))),
        "shown before writing"
    );
    assert!(h.query_by_label_contains("1 dossier, 1 photo").is_some());
    assert!(h.state().dossiers.is_empty(), "nothing restored yet");
    click(&mut h, "Restore");
    assert!(h.state().dialog.is_none());
    assert_eq!(h.state().dossiers.len(), 1, "restored and listed");
    let notice = h.state().notice.as_ref().unwrap().text(h.state().tr());
    assert!(notice.contains("1 dossier"), "{notice}");
}
