//! Encryption, locking and failing saves in the window, driven through
//! `egui_kittest`: the security dialog, the unlock screen, the lock button
//! and the idle lock; a full disk and another copy of Vigie while a dossier
//! is open.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Command, Page, SaveState, Screen};
use vigie::i18n::Lang;
use vigie::model::Status;
use vigie::model::checklist::ItemId;
use vigie::settings::IdleLock;
use vigie::store::{AGE_MAGIC, Encryption, Store};

use crate::security::{PASSPHRASE, fast_store, secret};
use crate::util::{sample_dossier, type_into};

/// The window, with a cheap key derivation so that tests stay fast.
fn harness(root: &Path, lang: Lang) -> Harness<'static, AppState> {
    let mut h = crate::util::harness(root, lang);
    h.state_mut().store.set_kdf_work_factor(10);
    h
}

/// A data folder with one dossier, encrypted with `PASSPHRASE`.
fn encrypted_folder(root: &Path) -> vigie::model::DossierId {
    let mut store = fast_store(root);
    let id = store.create(&sample_dossier()).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    id
}

fn file_has_note(path: &Path) -> bool {
    let bytes = fs::read(path).unwrap();
    bytes
        .windows("Côté jardin".len())
        .any(|w| w == "Côté jardin".as_bytes())
}

fn unlock_error(h: &Harness<'_, AppState>) -> Option<String> {
    let t = h.state().tr();
    h.state().unlock_error.as_ref().map(|e| (t.store_error)(e))
}

/// The strength shown in the security dialog.
fn strength(h: &Harness<'_, AppState>) -> u8 {
    match &h.state().dialog {
        Some(vigie::app::Dialog::Security(dialog)) => dialog.form.strength.unwrap().score,
        other => panic!("no security dialog: {other:?}"),
    }
}

#[test]
fn turning_encryption_on_refuses_a_weak_passphrase_then_encrypts_everything() {
    let dir = tempfile::tempdir().unwrap();
    let id = fast_store(dir.path()).create(&sample_dossier()).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    let file = h.state().store.dossier_path(&id);
    assert!(file_has_note(&file));

    h.get_by_label("Sécurité…").click();
    h.run();
    assert!(
        h.query_by_label_contains("Le chiffrement est désactivé")
            .is_some()
    );

    // A weak passphrase: its strength is shown, and it is refused.
    type_into(&mut h, "Nouvelle phrase de passe", "azerty123");
    assert!(strength(&h) < 3);
    type_into(&mut h, "Confirmez la phrase de passe", "azerty123");
    h.get_by_label("Activer le chiffrement").click();
    h.run();
    assert!(
        h.query_by_label(
            "Cette phrase de passe est trop facile à deviner\u{a0}: ajoutez des mots peu courants."
        )
        .is_some()
    );
    assert_eq!(h.state().store.encryption(), Encryption::Off);
    assert!(file_has_note(&file));

    // A strong one, confirmed wrongly, then rightly.
    h.state_mut().dialog = None;
    h.state_mut().handle(Command::OpenSecurity);
    h.run();
    type_into(&mut h, "Nouvelle phrase de passe", PASSPHRASE);
    assert_eq!(strength(&h), 4);
    type_into(&mut h, "Confirmez la phrase de passe", "autre chose");
    h.get_by_label("Activer le chiffrement").click();
    h.run();
    assert!(
        h.query_by_label("Les deux phrases de passe ne sont pas identiques.")
            .is_some()
    );
    assert_eq!(h.state().store.encryption(), Encryption::Off);

    h.state_mut().dialog = None;
    h.state_mut().handle(Command::OpenSecurity);
    h.run();
    type_into(&mut h, "Nouvelle phrase de passe", PASSPHRASE);
    type_into(&mut h, "Confirmez la phrase de passe", PASSPHRASE);
    h.get_by_label("Activer le chiffrement").click();
    h.run();
    assert_eq!(h.state().store.encryption(), Encryption::Unlocked);
    assert!(h.state().dialog.is_none());
    assert!(
        h.state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text(h.state().tr()).starts_with("Chiffrement activé"))
    );
    assert!(fs::read(&file).unwrap().starts_with(AGE_MAGIC));
    assert!(!file_has_note(&file));
    // The list still shows the dossier, decrypted.
    assert!(h.query_by_label("Domicile principal").is_some());
    assert!(h.query_by_label("Verrouiller").is_some());
}

#[test]
fn the_passphrase_can_be_changed_without_rewriting_the_dossiers() {
    const NEW: &str = "trois hérons sur la Loire en 2031";
    let dir = tempfile::tempdir().unwrap();
    let id = encrypted_folder(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    h.run();
    let file = h.state().store.dossier_path(&id);
    let before = fs::read(&file).unwrap();
    h.get_by_label("Sécurité…").click();
    h.run();
    h.get_by_label("Changer la phrase de passe…").click();
    h.run();
    assert!(
        h.query_by_label_contains("Une ancienne copie du fichier key.age")
            .is_some()
    );

    // A wrong current passphrase, then a weak new one: refused.
    type_into(&mut h, "Phrase de passe actuelle", "pas la bonne");
    type_into(&mut h, "Nouvelle phrase de passe", NEW);
    type_into(&mut h, "Confirmez la phrase de passe", NEW);
    h.get_by_label("Changer la phrase de passe").click();
    h.run();
    assert!(h.query_by_label_contains("phrase de passe incorrecte").is_some());
    type_into(&mut h, "Phrase de passe actuelle", PASSPHRASE);
    h.get_by_label("Nouvelle phrase de passe").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Nouvelle phrase de passe").type_text("azerty123");
    h.run();
    h.get_by_label("Changer la phrase de passe").click();
    h.run();
    assert!(h.query_by_label_contains("trop facile à deviner").is_some());
    assert!(fast_store(dir.path()).unlock(&secret(PASSPHRASE)).is_ok());

    // Right: done, the dialog closes, the dossier file is untouched.
    h.get_by_label("Nouvelle phrase de passe").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Nouvelle phrase de passe").type_text(NEW);
    h.run();
    h.get_by_label("Changer la phrase de passe").click();
    h.run();
    assert!(h.state().dialog.is_none());
    assert!(
        h.state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text(h.state().tr()).starts_with("Phrase de passe changée"))
    );
    assert_eq!(fs::read(&file).unwrap(), before);
    assert!(fast_store(dir.path()).unlock(&secret(PASSPHRASE)).is_err());
    let mut store = fast_store(dir.path());
    store.unlock(&secret(NEW)).unwrap();
    assert_eq!(store.load(&id).unwrap().title, "Domicile principal");
}

#[test]
fn the_unlock_screen_refuses_a_wrong_passphrase_then_opens() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    assert!(matches!(h.state().screen, Screen::Unlock));
    assert!(h.query_by_label("Vigie est verrouillé").is_some());
    assert!(h.state().dossiers.is_empty());
    assert!(h.query_by_label("Domicile principal").is_none());
    assert!(
        h.query_by_label("Sécurité…").is_none(),
        "no settings while locked"
    );

    type_into(&mut h, "Phrase de passe", "pas la bonne");
    h.get_by_label("Déverrouiller").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Unlock));
    assert_eq!(
        unlock_error(&h).as_deref(),
        Some("phrase de passe incorrecte\u{a0}; rien n’a été modifié")
    );
    assert!(
        h.query_by_label("phrase de passe incorrecte\u{a0}; rien n’a été modifié")
            .is_some()
    );

    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(matches!(h.state().screen, Screen::Home));
    assert!(h.query_by_label("Domicile principal").is_some());
}

/// Steps frames until the key read on the `vigie-unlock` thread is taken in.
fn wait_for_key(h: &mut Harness<'_, AppState>) {
    for _ in 0..4000 {
        if !h.state().tasks.is_running(vigie::app::TaskKind::Unlock) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    panic!("the key was never read");
}

/// Types the passphrase and presses Enter, then runs the two frames that
/// start reading the key (the first shows "One moment…").
fn submit_passphrase(h: &mut Harness<'_, AppState>, passphrase: &str) {
    type_into(h, "Phrase de passe", passphrase);
    h.key_press(egui::Key::Enter);
    h.step();
    h.step();
}

#[test]
fn in_the_window_the_key_is_read_off_the_ui_thread() {
    let dir = tempfile::tempdir().unwrap();
    // A key derivation long enough (tens of milliseconds) for the frames
    // right after the spawn to see the thread still at work.
    let mut store = Store::open(dir.path()).unwrap();
    store.set_kdf_work_factor(16);
    store.create(&sample_dossier()).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().tasks.background = true;

    // A wrong passphrase: a spinner while the key is read, then the error.
    submit_passphrase(&mut h, "pas la bonne");
    assert!(
        h.state().tasks.is_running(vigie::app::TaskKind::Unlock),
        "the key is read on its thread, the window keeps drawing"
    );
    h.step();
    assert!(h.query_by_label("Un instant…").is_some());
    wait_for_key(&mut h);
    h.run();
    assert_eq!(
        unlock_error(&h).as_deref(),
        Some("phrase de passe incorrecte\u{a0}; rien n’a été modifié")
    );
    assert_eq!(h.state().store.encryption(), Encryption::Locked);

    // The right one: unlocked, the list shown.
    submit_passphrase(&mut h, PASSPHRASE);
    wait_for_key(&mut h);
    h.run();
    assert!(matches!(h.state().screen, Screen::Home));
    assert_eq!(h.state().store.encryption(), Encryption::Unlocked);
    assert!(h.query_by_label("Domicile principal").is_some());
}

#[test]
fn lock_hides_the_dossier_and_unlock_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let id = encrypted_folder(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    type_into(&mut h, "Passphrase", PASSPHRASE);
    h.get_by_label("Unlock").click();
    h.run();
    h.state_mut().handle(Command::Open(id.clone()));
    h.run();
    let item = ItemId::from("alarm.tests");
    h.state_mut()
        .handle(Command::SetStatus(item.clone(), Status::Done));
    h.run();

    h.get_by_label("Lock").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Unlock));
    assert_eq!(h.state().store.encryption(), Encryption::Locked);
    assert!(h.state().session().is_none());
    assert!(h.query_by_label("Domicile principal").is_none());
    // The change was saved, encrypted, before locking.
    let mut store = fast_store(dir.path());
    store.unlock(&secret(PASSPHRASE)).unwrap();
    assert_eq!(store.load(&id).unwrap().status(&item), Status::Done);

    type_into(&mut h, "Passphrase", PASSPHRASE);
    h.get_by_label("Unlock").click();
    h.run();
    let walk = h.state().session().expect("the dossier is open again");
    assert_eq!(walk.id, id);
    assert_eq!(walk.dossier.status(&item), Status::Done);
}

#[test]
fn the_app_locks_itself_after_the_idle_time() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    type_into(&mut h, "Passphrase", PASSPHRASE);
    h.get_by_label("Unlock").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Home));

    h.state_mut().handle(Command::SetIdleLock(IdleLock(5)));
    let now = Instant::now();
    h.state_mut().last_activity = now;
    // Not yet: it says when to look again, and stays unlocked.
    let wait = h.state_mut().idle_lock(now + Duration::from_mins(1)).unwrap();
    assert_eq!(wait, Duration::from_mins(4));
    assert!(matches!(h.state().screen, Screen::Home));
    // Never: no deadline at all.
    h.state_mut().handle(Command::SetIdleLock(IdleLock(0)));
    assert_eq!(h.state_mut().idle_lock(now + Duration::from_hours(10)), None);
    assert!(matches!(h.state().screen, Screen::Home));
    // Five minutes without input: locked.
    h.state_mut().handle(Command::SetIdleLock(IdleLock(5)));
    assert_eq!(h.state_mut().idle_lock(now + Duration::from_secs(301)), None);
    assert!(matches!(h.state().screen, Screen::Unlock));
    assert_eq!(h.state().store.encryption(), Encryption::Locked);
    // The choice is kept in the settings.
    assert_eq!(
        Store::open(dir.path())
            .unwrap()
            .load_settings()
            .unwrap()
            .idle_lock,
        IdleLock(5)
    );
}

#[test]
fn turning_encryption_off_asks_for_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let id = encrypted_folder(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.get_by_label("Déverrouiller").click();
    h.run();
    h.get_by_label("Sécurité…").click();
    h.run();
    type_into(&mut h, "Phrase de passe actuelle", "mauvaise");
    h.get_by_label("Désactiver le chiffrement").click();
    h.run();
    assert_eq!(h.state().store.encryption(), Encryption::Unlocked);
    assert!(
        h.query_by_label("phrase de passe incorrecte\u{a0}; rien n’a été modifié")
            .is_some()
    );

    type_into(&mut h, "Phrase de passe actuelle", PASSPHRASE);
    h.get_by_label("Désactiver le chiffrement").click();
    h.run();
    assert_eq!(h.state().store.encryption(), Encryption::Off);
    assert!(file_has_note(&h.state().store.dossier_path(&id)));
    assert!(!dir.path().join("key.age").exists());
}

#[test]
fn a_full_disk_keeps_the_edits_says_so_once_and_saves_after_retry() {
    let dir = tempfile::tempdir().unwrap();
    let id = fast_store(dir.path()).create(&sample_dossier()).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().handle(Command::Open(id.clone()));
    h.run();
    let full = Arc::new(AtomicBool::new(true));
    let flag = Arc::clone(&full);
    h.state_mut().store.set_fault_hook(Some(Arc::new(move |_: &Path| {
        flag.load(Ordering::SeqCst).then_some(io::ErrorKind::StorageFull)
    })));

    let item = ItemId::from("alarm.tests");
    h.state_mut()
        .handle(Command::SetStatus(item.clone(), Status::Done));
    h.run();
    assert_eq!(h.state().session().unwrap().save, SaveState::Failed);
    assert_eq!(
        h.state().session().unwrap().dossier.status(&item),
        Status::Done,
        "kept in memory"
    );
    let notice = h.state().notice.clone().expect("the failure is shown");
    assert!(notice.is_error());
    let text = notice.text(h.state().tr());
    assert!(text.contains("le disque est plein"), "{text}");
    // Shown once: one notice, not one per frame or per change.
    h.state_mut()
        .handle(Command::SetStatus(ItemId::from("alarm.lighting"), Status::Done));
    h.run();
    assert_eq!(h.query_all_by_label_contains("le disque est plein").count(), 1);
    assert!(h.query_by_label("Réessayer").is_some(), "retry offered");
    // Leaving would lose the edits: refused.
    h.state_mut()
        .handle(Command::Navigate(vigie::app::Navigation::Home));
    assert!(h.state().session().is_some());
    let on_disk = vigie::store::read_dossier(&h.state().store.dossier_path(&id)).unwrap();
    assert_eq!(on_disk, sample_dossier(), "the file is untouched");

    // Space is freed: "Try again" saves, and the notice goes.
    full.store(false, Ordering::SeqCst);
    h.get_by_label("Réessayer").click();
    h.run();
    assert_eq!(h.state().session().unwrap().save, SaveState::Saved);
    assert!(h.state().notice.is_none());
    let on_disk = vigie::store::read_dossier(&h.state().store.dossier_path(&id)).unwrap();
    assert_eq!(on_disk.status(&item), Status::Done);
    assert_eq!(on_disk.status(&ItemId::from("alarm.lighting")), Status::Done);
}

#[test]
fn another_copy_s_change_is_shown_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let id = fast_store(dir.path()).create(&sample_dossier()).unwrap();
    let mut h = harness(dir.path(), Lang::En);
    h.state_mut().handle(Command::Open(id.clone()));
    h.run();

    // Another copy of Vigie saves the same dossier.
    let mut other = fast_store(dir.path());
    let mut theirs = other.load(&id).unwrap();
    theirs.title = "Their title".into();
    other.save(&id, &theirs).unwrap();

    h.state_mut()
        .handle(Command::SetStatus(ItemId::from("alarm.tests"), Status::Done));
    h.run();
    assert_eq!(h.state().session().unwrap().save, SaveState::Failed);
    let text = h.state().notice.clone().unwrap().text(h.state().tr());
    assert!(text.contains("was changed outside Vigie"), "{text}");
    assert!(
        h.query_by_label_contains("is another copy of Vigie open?")
            .is_some()
    );
    let on_disk = vigie::store::read_dossier(&h.state().store.dossier_path(&id)).unwrap();
    assert_eq!(on_disk.title, "Their title");
    // Trying again does not overwrite either.
    h.state_mut().handle(Command::SaveNow);
    let on_disk = vigie::store::read_dossier(&h.state().store.dossier_path(&id)).unwrap();
    assert_eq!(on_disk.title, "Their title");
}

#[test]
fn locking_keeps_a_form_being_typed_behind_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let mut visit = sample_dossier();
    visit.journey = vigie::model::checklist::Journey::Referent;
    let id = store.create(&visit).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    h.run();
    h.state_mut().handle(Command::Open(id));
    h.run();
    assert_eq!(h.state().page(), Some(Page::VisitHeader));
    type_into(&mut h, "Foyer visité", "Famille D.");

    // Locked (say, when idle), without asking: the form waits behind the lock.
    h.state_mut().handle(Command::Lock);
    h.run();
    assert!(matches!(h.state().screen, Screen::Unlock));
    assert!(h.query_by_label("Famille D.").is_none());
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    h.run();
    let session = h.state().session().expect("the dossier is back");
    assert_eq!(h.state().page(), Some(Page::VisitHeader));
    assert_eq!(
        session.dossier.drafts.visit.as_ref().unwrap().household,
        "Famille D."
    );
}

#[test]
fn locking_with_unsaved_changes_keeps_them_behind_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let id = encrypted_folder(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    type_into(&mut h, "Passphrase", PASSPHRASE);
    h.get_by_label("Unlock").click();
    h.run();
    h.state_mut().handle(Command::Open(id.clone()));
    h.run();
    let full = Arc::new(AtomicBool::new(true));
    let flag = Arc::clone(&full);
    h.state_mut().store.set_fault_hook(Some(Arc::new(move |_: &Path| {
        flag.load(Ordering::SeqCst).then_some(io::ErrorKind::StorageFull)
    })));
    let item = ItemId::from("alarm.tests");
    h.state_mut()
        .handle(Command::SetNote(item.clone(), "Testée le 4".into()));
    h.run();
    assert_eq!(h.state().session().unwrap().save, SaveState::Failed);

    // Locked (say, when idle): the dossier is hidden, not dropped.
    h.state_mut().handle(Command::Lock);
    h.run();
    assert!(matches!(h.state().screen, Screen::Unlock));
    assert!(h.query_by_label("Domicile principal").is_none());

    // Space is freed meanwhile; unlocking brings the edits back and saves.
    full.store(false, Ordering::SeqCst);
    type_into(&mut h, "Passphrase", PASSPHRASE);
    h.get_by_label("Unlock").click();
    h.run();
    let walk = h.state().session().expect("the dossier is back");
    assert_eq!(walk.dossier.note(&item), "Testée le 4");
    assert_eq!(walk.save, SaveState::Saved);
    let mut store = fast_store(dir.path());
    store.unlock(&secret(PASSPHRASE)).unwrap();
    assert_eq!(store.load(&id).unwrap().note(&item), "Testée le 4");
}
