//! The log of events and the exposure inventory in the window, driven
//! through `egui_kittest` as a user would: an event logged through the form
//! and found again after a restart, an entry typed but not saved surviving
//! a kill and a lock, the reminders of the form, the filters and the plate
//! seen again, the chronology exported, a re-check followed from due to
//! done, the inventory in the full report and never in the family handout,
//! and a damaged file left untouched.

use std::fs;
use std::path::Path;

use chrono::{Days, Local, NaiveDate};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use vigie::app::{AppState, Overlay, Screen};
use vigie::i18n::Lang;
use vigie::model::exposure::{ExposureState, Inventory};
use vigie::model::journal::{EventKind, Journal, ReportedTo};
use vigie::store::{AGE_MAGIC, Store};

use crate::journal::sample_journal;
use crate::security::{PASSPHRASE, fast_store, secret};
use crate::util::{click, harness, sample_dossier, type_into};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

pub fn journal_on_disk(root: &Path) -> Journal {
    Store::open(root).unwrap().load_household::<Journal>().unwrap().0
}

fn inventory_on_disk(root: &Path) -> Inventory {
    Store::open(root)
        .unwrap()
        .load_household::<Inventory>()
        .unwrap()
        .0
}

/// Replaces the text of the field labelled `label`, as a user selecting
/// it all and typing over it.
pub fn retype(h: &mut Harness<'_, AppState>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Clicks the widget labelled `label`, scrolled into view first (as a user
/// scrolls down the form).
pub fn press(h: &mut Harness<'_, AppState>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    click(h, label);
}

/// Leaves the focused field, as Tab does.
fn leave_field(h: &mut Harness<'_, AppState>) {
    h.key_press(egui::Key::Tab);
    h.run();
}

/// The draft's "what happened", as in memory.
fn draft_what(h: &Harness<'_, AppState>) -> Option<String> {
    let docs = h.state().household.as_ref()?;
    Some(docs.journal.doc()?.draft.as_ref()?.entry.what.clone())
}

fn with_sample_journal(root: &Path) {
    let store = Store::open(root).unwrap();
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    store.save_household(&mut file, &sample_journal()).unwrap();
}

#[test]
fn an_event_logged_through_the_form_is_found_again_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (0)");
    assert_eq!(h.state().screen, Screen::Journal);
    assert!(h.query_by_label_contains("Aucun fait noté").is_some());
    click(&mut h, "+ Noter un fait");
    click(&mut h, "Véhicule");
    retype(&mut h, "Date", "12/11/2026");
    leave_field(&mut h);
    retype(&mut h, "Heure", "21h40");
    leave_field(&mut h);
    type_into(&mut h, "Lieu", "Devant la maison");
    type_into(
        &mut h,
        "Ce qui s’est passé, avec vos mots",
        "Une voiture grise stationnée 40 minutes, phares éteints.",
    );
    press(&mut h, "+ Ajouter un véhicule");
    type_into(&mut h, "Immatriculation (même partielle)", "AB-123-CD");
    press(&mut h, "+ Ajouter un signalement");
    type_into(&mut h, "Référence", "MC-2026-4471");
    click(&mut h, "Enregistrer le fait");

    // Saved at once, the form closed, the entry on the timeline.
    let journal = journal_on_disk(dir.path());
    assert_eq!(journal.draft, None, "the draft went with the save");
    assert_eq!(journal.entries.len(), 1);
    let entry = &journal.entries[0];
    assert_eq!(entry.kind, EventKind::Vehicle);
    assert_eq!(entry.when.to_string(), "2026-11-12 21:40:00");
    assert_eq!(entry.place, "Devant la maison");
    assert_eq!(entry.vehicles[0].plate, "AB-123-CD");
    assert_eq!(entry.reports[0].to, ReportedTo::Police17);
    assert_eq!(entry.reports[0].date, today());
    assert_eq!(entry.reports[0].reference, "MC-2026-4471");
    assert!(h.query_by_label("12/11/2026 21:40").is_some());

    // A new window on the same folder finds it again.
    drop(h);
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (1)");
    assert!(h.query_by_label("12/11/2026 21:40").is_some());
    assert!(
        h.query_by_label_contains("Une voiture grise stationnée")
            .is_some()
    );
    assert!(h.query_by_label_contains("Signalé\u{a0}: 17, le").is_some());
}

#[test]
fn an_entry_typed_but_not_saved_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (0)");
    click(&mut h, "+ Noter un fait");
    type_into(
        &mut h,
        "Ce qui s’est passé, avec vos mots",
        "Un homme a sonné, se disant du gaz",
    );
    type_into(&mut h, "Heure", "x");
    // Killed: no flush, no exit. What was typed is already in the file,
    // the time typed wrong as typed.
    drop(h);
    let draft = journal_on_disk(dir.path()).draft.expect("the draft was saved");
    assert_eq!(draft.entry.what, "Un homme a sonné, se disant du gaz");
    assert!(draft.time.is_some_and(|t| t.ends_with('x')));
    assert!(journal_on_disk(dir.path()).entries.is_empty());

    // Opened again: the home screen says a draft is waiting, the form shows
    // it with the time still wrong, and saving waits for it.
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (0) — brouillon en cours");
    assert_eq!(
        draft_what(&h).as_deref(),
        Some("Un homme a sonné, se disant du gaz")
    );
    assert!(h.query_by_label("Noter un fait").is_some());
    assert!(h.query_by_label_contains("L’heure doit s’écrire").is_some());
    click(&mut h, "Enregistrer le fait");
    assert!(
        journal_on_disk(dir.path()).entries.is_empty(),
        "not with a wrong time"
    );
    retype(&mut h, "Heure", "7:05");
    leave_field(&mut h);
    // Not in the future, whatever the time the test runs.
    retype(&mut h, "Date", "01/11/2026");
    leave_field(&mut h);
    click(&mut h, "Enregistrer le fait");
    let journal = journal_on_disk(dir.path());
    assert_eq!(journal.entries.len(), 1);
    assert_eq!(journal.entries[0].when.format("%H:%M").to_string(), "07:05");
    assert_eq!(journal.draft, None);
}

#[test]
fn a_date_is_taken_when_left_and_a_wrong_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (0)");
    click(&mut h, "+ Noter un fait");
    let day = |h: &Harness<'_, AppState>| {
        let docs = h.state().household.as_ref().unwrap();
        docs.journal
            .doc()
            .unwrap()
            .draft
            .as_ref()
            .unwrap()
            .entry
            .when
            .date()
    };
    // Never taken while the field has the keyboard; when left, only if it
    // is a day that exists.
    retype(&mut h, "Date", "31/11/2026");
    assert_eq!(day(&h), today(), "not taken while typed");
    leave_field(&mut h);
    assert_eq!(day(&h), today(), "a day that does not exist is not taken");
    assert!(h.query_by_label_contains("Ce jour n’existe pas").is_some());
    retype(&mut h, "Date", "30/11/2026");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(day(&h), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert!(h.query_by_label_contains("Ce jour n’existe pas").is_none());
}

#[test]
fn the_form_reminds_to_call_17_first_and_never_to_write_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (0)");
    assert!(h.query_by_label_contains("Appelez d’abord le 17").is_none());
    click(&mut h, "+ Noter un fait");
    assert!(h.query_by_label_contains("Appelez d’abord le 17").is_some());
    assert!(
        h.query_by_label_contains("jamais de code, de mot de passe ni de phrase de récupération")
            .is_some()
    );
    click(&mut h, "Fiche d’urgence");
    assert_eq!(h.state().overlay, Some(Overlay::Emergency));

    // And in English.
    h.state_mut().overlay = None;
    h.state_mut().lang = Lang::En;
    h.run();
    assert!(h.query_by_label_contains("Call 17 (or 112) first").is_some());
    assert!(h.query_by_label_contains("Never write a code").is_some());
}

#[test]
fn the_timeline_filters_and_points_out_a_plate_seen_again() {
    let dir = tempfile::tempdir().unwrap();
    with_sample_journal(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (4)");
    let entries = |h: &Harness<'_, AppState>| h.query_all_by_label("Rectifier").count();
    assert_eq!(entries(&h), 4);
    // Newest first.
    let dates: Vec<String> = h
        .query_all_by_label_contains("/11/2026 ")
        .map(|n| {
            n.accesskit_node()
                .label()
                .or_else(|| n.value())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        dates,
        [
            "16/11/2026 09:30",
            "14/11/2026 08:15",
            "13/11/2026 18:05",
            "12/11/2026 21:40"
        ]
    );
    // The plate seen three times (once partial), on the box and on each
    // entry involved; the number written two ways, twice.
    let plate = "(immatriculation)\u{a0}: vu 3\u{a0}fois depuis le 12/11/2026";
    assert_eq!(h.query_all_by_label_contains(plate).count(), 1 + 3);
    let phone = "(téléphone)\u{a0}: vu 2\u{a0}fois depuis le 13/11/2026";
    assert_eq!(h.query_all_by_label_contains(phone).count(), 1 + 2);

    // By kind, with the counts.
    click(&mut h, "Appel téléphonique (2)");
    assert_eq!(entries(&h), 2);
    click(&mut h, "Tous (4)");
    assert_eq!(entries(&h), 4);
    // Not reported yet: one of the four was.
    click(&mut h, "Seulement les faits pas encore signalés (3)");
    assert_eq!(entries(&h), 3);
    assert!(h.query_by_label("12/11/2026 21:40").is_none());
    click(&mut h, "Surveillance, repérage (1)");
    assert_eq!(entries(&h), 0);
    assert!(h.query_by_label_contains("Aucun fait ne correspond").is_some());
}

#[test]
fn an_entry_is_amended_beside_its_original_and_withdrawn_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    with_sample_journal(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (4)");
    h.get_all_by_label("Rectifier").next().unwrap().click();
    h.run();
    assert!(h.query_by_label("Rectifier le fait").is_some());
    assert!(h.query_by_label_contains("Le texte d’origine reste").is_some());
    type_into(&mut h, "Lieu", " (portable)");
    click(&mut h, "Enregistrer la rectification");
    let journal = journal_on_disk(dir.path());
    let newest = journal.newest_first()[0].clone();
    assert!(!newest.place.ends_with(" (portable)"), "the original stays");
    assert!(
        newest.current().place.ends_with(" (portable)"),
        "{}",
        newest.current().place
    );
    assert_eq!(newest.amendments.len(), 1);
    assert_eq!(journal.entries.len(), 4);
    assert!(journal.verify().is_intact());
    // The history shows in the details.
    h.get_all_by_label("Détails").next().unwrap().click();
    h.run();
    assert!(h.query_by_label_contains("Rectifié le ").is_some());
    assert!(h.query_by_label_contains("Écrit le ").is_some());

    // Withdrawing asks why, and keeps the entry, marked.
    h.get_all_by_label("Retirer le fait…").next().unwrap().click();
    h.run();
    assert!(
        h.query_by_label_contains("Retirer le fait du 16/11/2026 09:30")
            .is_some()
    );
    click(&mut h, "Annuler");
    assert!(
        journal_on_disk(dir.path())
            .entries
            .iter()
            .all(|e| e.withdrawn.is_none())
    );
    h.get_all_by_label("Retirer le fait…").next().unwrap().click();
    h.run();
    assert!(
        h.get_by_label("Retirer le fait").accesskit_node().is_disabled(),
        "no reason, no withdrawal"
    );
    type_into(
        &mut h,
        "Motif du retrait (obligatoire)",
        "Doublon du fait du 14/11",
    );
    click(&mut h, "Retirer le fait");
    let journal = journal_on_disk(dir.path());
    assert_eq!(journal.entries.len(), 4);
    let withdrawn = journal.get(&newest.id).unwrap();
    assert_eq!(
        withdrawn.withdrawn.as_ref().unwrap().reason,
        "Doublon du fait du 14/11"
    );
    assert!(journal.verify().is_intact());
    assert!(h.query_all_by_label_contains("Retiré le ").count() >= 1);
    assert!(
        h.query_all_by_label_contains("motif\u{a0}: Doublon du fait du 14/11")
            .count()
            >= 1
    );
    // Neither amended nor withdrawn again.
    assert_eq!(h.query_all_by_label("Rectifier").count(), 3);
}

#[cfg(unix)]
#[test]
fn the_chronology_is_exported_oldest_first_private_with_the_warning() {
    let dir = tempfile::tempdir().unwrap();
    with_sample_journal(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (4)");
    assert!(
        h.query_by_label_contains("le fichier exporté n’est pas chiffré")
            .is_some(),
        "the warning shows before the export"
    );
    // No save dialog can be shown: the path field is offered.
    h.state_mut().views.journal.chooser = |_, _| vigie::app::Chosen::NoDialog;
    click(&mut h, "Exporter la chronologie (PDF)…");
    assert!(matches!(h.state().notice, Some(vigie::app::Notice::NoFileDialog)));

    let html = dir.path().join("chronologie.html");
    retype(&mut h, "Enregistrer sous", &html.display().to_string());
    click(&mut h, "Exporter la chronologie");
    let text = fs::read_to_string(&html).unwrap();
    assert_eq!(crate::util::mode(&html), 0o600);
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} not in the chronology"))
    };
    assert!(at("12/11/2026 21:40") < at("13/11/2026 18:05"));
    assert!(at("13/11/2026 18:05") < at("14/11/2026 08:15"));
    assert!(at("14/11/2026 08:15") < at("16/11/2026 09:30"));
    assert!(matches!(&h.state().notice, Some(vigie::app::Notice::Exported(p)) if *p == html));

    let pdf = dir.path().join("chronologie.pdf");
    retype(&mut h, "Enregistrer sous", &pdf.display().to_string());
    click(&mut h, "Exporter la chronologie");
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert_eq!(crate::util::mode(&pdf), 0o600);
}

/// An inventory with one member whose company register line was due for
/// a re-check five days ago.
fn with_due_recheck(root: &Path) -> NaiveDate {
    let due = today().checked_sub_days(Days::new(5)).unwrap();
    let store = Store::open(root).unwrap();
    let (_, mut file) = store.load_household::<Inventory>().unwrap();
    let mut inventory = Inventory::new();
    inventory.add_member("Camille").unwrap();
    inventory.entries.push(vigie::model::exposure::InventoryEntry {
        source: "company-kbis-rne".into(),
        member: Some("Camille".to_owned()),
        state: ExposureState::RequestSent(due),
        note: "Occultation demandée au guichet unique".to_owned(),
        recheck: Some(due),
        checked: None,
    });
    store.save_household(&mut file, &inventory).unwrap();
    due
}

#[test]
fn a_recheck_goes_from_due_on_the_home_screen_to_done() {
    let dir = tempfile::tempdir().unwrap();
    let due = with_due_recheck(dir.path());
    let mut h = harness(dir.path(), Lang::Fr);
    let day = due.format("%d/%m/%Y").to_string();
    let home_line = format!(
        "À revérifier\u{a0}: Adresse personnelle au registre du commerce (Kbis, RNE) — Camille (prévu le {day})"
    );
    assert!(
        h.query_by_label_contains("À faire maintenant\u{a0}: 1\u{a0}rappel")
            .is_some()
    );
    click(&mut h, &home_line);
    assert_eq!(h.state().screen, Screen::Exposure);
    assert!(
        h.query_by_label_contains("1\u{a0}vérification à refaire")
            .is_some()
    );
    let badge = format!("▲ À revérifier (prévu le {day})");
    assert!(h.query_by_label(&badge).is_some(), "due, with a shape and words");

    click(&mut h, "Vérifié aujourd’hui");
    let entry = inventory_on_disk(dir.path()).entries[0].clone();
    assert_eq!(entry.checked, Some(today()));
    assert_eq!(entry.recheck, today().checked_add_days(Days::new(365)));
    assert!(h.query_by_label(&badge).is_none());
    assert!(
        h.query_by_label_contains("Aucune vérification à refaire")
            .is_some()
    );
    h.get_by_label("← Dossiers").click();
    h.run();
    assert!(h.query_by_label_contains("À revérifier\u{a0}:").is_none());
    assert!(h.query_by_label_contains("À faire maintenant").is_none());
}

#[test]
fn members_are_added_and_a_state_is_set_on_the_exposure_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::En);
    click(&mut h, "Exposure inventory");
    type_into(&mut h, "First name or nickname", "Sam");
    click(&mut h, "Add the member");
    assert_eq!(inventory_on_disk(dir.path()).members, ["Sam"]);
    // A name already taken is said so, and not added.
    type_into(&mut h, "First name or nickname", "sam");
    assert!(h.query_by_label("Sam is already listed.").is_some());
    assert_eq!(inventory_on_disk(dir.path()).members, ["Sam"]);
    assert!(h.query_by_label("For Sam").is_some());

    // The first line of the whole household: exposed; a re-check date
    // follows from the source.
    h.get_all_by_label("Exposed").next().unwrap().click();
    h.run();
    let inventory = inventory_on_disk(dir.path());
    let entry = &inventory.entries[0];
    assert_eq!(entry.member, None);
    assert_eq!(entry.state, ExposureState::Exposed);
    assert!(entry.recheck.is_some_and(|d| d > today()));
}

#[test]
fn the_inventory_is_in_the_full_report_and_never_in_the_family_handout() {
    let dir = tempfile::tempdir().unwrap();
    with_due_recheck(dir.path());
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().handle(vigie::app::Command::Open(id));
    h.run();
    click(&mut h, "Synthèse et export…");
    let export = |h: &mut Harness<'_, AppState>, name: &str| {
        let path = dir.path().join(name);
        retype(h, "Enregistrer sous", &path.display().to_string());
        click(h, "Exporter");
        fs::read_to_string(&path).unwrap()
    };
    let full = export(&mut h, "complet.html");
    assert!(full.contains("Exposition publique du foyer"));
    assert!(full.contains("Occultation demandée au guichet unique"));
    click(&mut h, "Fiche famille");
    let family = export(&mut h, "famille.html");
    assert!(!family.contains("Exposition publique du foyer"));
    assert!(!family.contains("Occultation demandée"));
    assert!(!family.contains("registre du commerce"));
}

#[test]
fn lock_and_unlock_with_the_journal_open_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fast_store(dir.path())
        .enable_encryption(&secret(PASSPHRASE))
        .unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    h.state_mut().store.set_kdf_work_factor(10);
    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    h.run();
    click(&mut h, "Journal des faits (0)");
    click(&mut h, "+ Noter un fait");
    type_into(
        &mut h,
        "Ce qui s’est passé, avec vos mots",
        "Appel d’un faux conseiller bancaire",
    );
    click(&mut h, "Verrouiller");
    assert_eq!(h.state().screen, Screen::Unlock);
    assert!(h.state().household.is_none(), "dropped from memory");
    let file = fs::read(dir.path().join("journal.ron")).unwrap();
    assert!(file.starts_with(AGE_MAGIC), "encrypted on disk");
    assert!(!file.windows(5).any(|w| w == b"Appel"));

    type_into(&mut h, "Phrase de passe", PASSPHRASE);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().screen, Screen::Journal, "back where it was");
    assert_eq!(
        draft_what(&h).as_deref(),
        Some("Appel d’un faux conseiller bancaire")
    );
    assert!(h.query_by_label("Noter un fait").is_some());
    click(&mut h, "Enregistrer le fait");
    let mut store = fast_store(dir.path());
    store.unlock(&secret(PASSPHRASE)).unwrap();
    let (journal, _) = store.load_household::<Journal>().unwrap();
    assert_eq!(journal.entries[0].what, "Appel d’un faux conseiller bancaire");
}

#[test]
fn a_damaged_journal_is_left_untouched_and_its_backup_can_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    with_sample_journal(dir.path());
    // A second save keeps the first as backup.
    let store = Store::open(dir.path()).unwrap();
    let (mut journal, mut file) = store.load_household::<Journal>().unwrap();
    journal.household = "Autre".to_owned();
    store.save_household(&mut file, &journal).unwrap();
    let path = dir.path().join("journal.ron");
    fs::write(&path, "(format_version: 1, entries: [(id: 3)])").unwrap();

    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "▲ Journal des faits");
    assert!(
        h.query_by_label_contains("Ce fichier ne peut pas être ouvert")
            .is_some()
    );
    assert!(h.query_by_label_contains("ligne 1, colonne").is_some());
    // Nothing written over it, even when leaving or closing.
    h.get_by_label("← Dossiers").click();
    h.run();
    h.state_mut().flush();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(format_version: 1, entries: [(id: 3)])"
    );
    click(&mut h, "▲ Journal des faits");
    click(&mut h, "Ouvrir la sauvegarde");
    assert_eq!(journal_on_disk(dir.path()).entries.len(), 4);
    assert!(h.query_by_label("Journal des faits").is_some());
    let trash: Vec<_> = fs::read_dir(dir.path().join("trash")).unwrap().collect();
    assert_eq!(trash.len(), 1, "the damaged file is set aside");
}
