//! The log of suspicious events: operations, filters, repeated plates and
//! numbers, the store (plain, encrypted, backups, damaged and newer files,
//! conflicts, failed writes). The chronology and `vigie journal` are in
//! `chronology.rs`.

use std::fs;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use vigie::model::journal::{
    Contact, ContactKind, Entry, EntryId, EntryProblem, EventKind, Filter, IdentifierKind, Journal,
    JournalError, Person, Reported, ReportedTo, Vehicle,
};
use vigie::model::{PhotoId, PhotoRef};
use vigie::store::{AGE_MAGIC, Store, StoreError};

use crate::util::date;

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn vehicle(plate: &str) -> Vehicle {
    Vehicle {
        make: "Peugeot 308".into(),
        colour: "grise".into(),
        plate: plate.into(),
    }
}

fn contact(kind: ContactKind, value: &str) -> Contact {
    Contact {
        kind,
        value: value.into(),
    }
}

/// A journal of four events, added out of order: a car seen three times
/// (once with a partial plate), two calls from the same number written two
/// ways, one event reported.
pub fn sample_journal() -> Journal {
    let mut journal = Journal::new();
    journal.household = "Foyer Léa et Marc".into();
    let now = date("2026-11-20T10:00:00Z");

    let mut car_again = Entry::draft(EventKind::Vehicle, at("2026-11-14 08:15"), now);
    car_again.place = "Rue des Lilas, devant l’école".into();
    car_again.what = "La même voiture grise, moteur allumé, deux hommes à bord.".into();
    car_again.vehicles = vec![vehicle("ab 123 cd")];
    journal.add(car_again, now);

    let mut car = Entry::draft(EventKind::Watching, at("2026-11-12 21:40"), now);
    car.place = "Devant la maison".into();
    car.what =
        "Une voiture grise stationnée 40 minutes, phares éteints ; le conducteur photographiait la façade."
            .into();
    car.people = vec![Person {
        description: "Homme d’environ 40 ans, barbe".into(),
        clothing: "Veste noire".into(),
        language: String::new(),
    }];
    car.vehicles = vec![vehicle("AB-123-CD")];
    car.witnesses = "Léa (voisine)".into();
    car.reports = vec![Reported {
        to: ReportedTo::Police17,
        date: day("2026-11-12"),
        reference: "MC-2026-4471".into(),
    }];
    car.photos = vec![PhotoRef {
        id: PhotoId("p1".into()),
        caption: "La voiture depuis la fenêtre de l’étage".into(),
        width: 1600,
        height: 1200,
        added: now,
    }];
    journal.add(car, now);

    let mut call = Entry::draft(EventKind::Call, at("2026-11-13 18:05"), now);
    call.what = "Un « conseiller bancaire » demande de confirmer un virement en crypto-actifs.".into();
    call.contacts = vec![contact(ContactKind::Phone, "+33 6 12 34 56 78")];
    journal.add(call, now);

    let mut call_again = Entry::draft(EventKind::Call, at("2026-11-16 09:30"), now);
    call_again.what = "Même voix, se dit maintenant policier.".into();
    call_again.contacts = vec![contact(ContactKind::Phone, "06.12.34.56.78")];
    call_again.vehicles = vec![vehicle("AB-12")];
    journal.add(call_again, now);
    journal
}

#[test]
fn entries_are_added_edited_removed_and_sorted() {
    let mut journal = sample_journal();
    let whens: Vec<String> = journal
        .newest_first()
        .iter()
        .map(|e| e.when.to_string())
        .collect();
    assert_eq!(
        whens,
        [
            "2026-11-16 09:30:00",
            "2026-11-14 08:15:00",
            "2026-11-13 18:05:00",
            "2026-11-12 21:40:00"
        ]
    );
    let oldest = journal.chronological()[0].id.clone();
    assert_eq!(journal.get(&oldest).unwrap().kind, EventKind::Watching);

    // Four entries added at the same instant still get four ids, file-safe.
    let ids: std::collections::BTreeSet<&str> = journal.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 4);
    assert!(
        ids.iter()
            .all(|id| EntryId::is_valid(id) && *id != EntryId::UNSAVED)
    );

    // Amending with the same facts changes nothing; a new fact is an
    // amendment beside the original, never over it.
    let later = date("2026-11-21T08:00:00Z");
    let same = journal.get(&oldest).unwrap().clone();
    assert_eq!(journal.amend(&oldest, &same, later), Ok(false));
    let mut changed = same;
    changed.what.push_str(" Il est reparti vers 22 h 20.");
    assert_eq!(journal.amend(&oldest, &changed, later), Ok(true));
    let edited = journal.get(&oldest).unwrap();
    assert_eq!(edited.modified, later);
    assert_eq!(edited.created, date("2026-11-20T10:00:00Z"));
    assert!(!edited.what.ends_with("22 h 20."), "the original stays");
    assert!(edited.current().what.ends_with("22 h 20."));
    assert_eq!(edited.amendments.len(), 1);
    assert_eq!(edited.amendments[0].at, later);

    // Withdrawn: kept, marked, with the reason; never twice, never amended.
    assert_eq!(
        journal.withdraw(&oldest, "  ", later),
        Err(JournalError::NoReason)
    );
    journal.withdraw(&oldest, "Erreur de date", later).unwrap();
    assert_eq!(journal.entries.len(), 4);
    let withdrawn = journal.get(&oldest).unwrap();
    assert_eq!(withdrawn.withdrawn.as_ref().unwrap().reason, "Erreur de date");
    assert_eq!(
        journal.withdraw(&oldest, "encore", later),
        Err(JournalError::Withdrawn(oldest.clone()))
    );
    assert_eq!(
        journal.amend(&oldest, &changed, later),
        Err(JournalError::Withdrawn(oldest.clone()))
    );
    assert!(journal.verify().is_intact());
    // A new entry never takes the id of one added at that instant.
    let again = journal.add(
        Entry::draft(
            EventKind::Other,
            at("2026-11-17 10:00"),
            date("2026-11-20T10:00:00Z"),
        ),
        date("2026-11-20T10:00:00Z"),
    );
    assert!(journal.get(&again).is_some());
}

#[test]
fn an_entry_needs_what_happened() {
    let mut entry = Entry::draft(
        EventKind::Parcel,
        at("2026-11-18 12:00"),
        date("2026-11-18T11:00:00Z"),
    );
    assert_eq!(entry.problems(), [EntryProblem::NothingWritten]);
    entry.what = "Un colis que personne n’a commandé.".into();
    entry.reports.push(Reported {
        to: ReportedTo::Other("  ".into()),
        date: day("2026-11-18"),
        reference: String::new(),
    });
    assert_eq!(entry.problems(), [EntryProblem::ReportedToNobody]);
    entry.reports[0].to = ReportedTo::Other("Mairie".into());
    assert!(entry.problems().is_empty());
}

#[test]
fn the_timeline_filters_by_kind_and_not_reported() {
    let journal = sample_journal();
    let calls = journal.timeline(&Filter {
        kind: Some(EventKind::Call),
        not_reported: false,
    });
    assert_eq!(calls.len(), 2);
    assert!(calls[0].when > calls[1].when, "newest first");
    let unreported = journal.timeline(&Filter {
        kind: None,
        not_reported: true,
    });
    assert_eq!(unreported.len(), 3);
    assert!(unreported.iter().all(|e| !e.is_reported()));
    assert_eq!(journal.unreported_count(), 3);
    let watching_unreported = journal.timeline(&Filter {
        kind: Some(EventKind::Watching),
        not_reported: true,
    });
    assert!(
        watching_unreported.is_empty(),
        "the only watching event was reported"
    );
    assert_eq!(journal.timeline(&Filter::default()).len(), 4);
}

#[test]
fn a_plate_seen_again_is_pointed_out_partial_plates_included() {
    let journal = sample_journal();
    let repeated = journal.repeated();
    let plate = repeated
        .iter()
        .find(|r| r.kind == IdentifierKind::Plate)
        .expect("the grey car is pointed out");
    assert_eq!(plate.key, "AB123CD");
    assert_eq!(plate.shown, "AB-123-CD", "as first written, fullest form");
    assert_eq!(plate.count(), 3, "full plate twice and the partial AB-12 once");
    assert_eq!(plate.first_seen, at("2026-11-12 21:40"));
    assert_eq!(plate.last_seen, at("2026-11-16 09:30"));
    let order: Vec<NaiveDateTime> = plate
        .entries
        .iter()
        .map(|id| journal.get(id).unwrap().when)
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "entries oldest first");

    // A two-character fragment is too short to be matched inside a plate,
    // and a plate seen once is not pointed out.
    let mut other = sample_journal();
    for e in &mut other.entries {
        for v in &mut e.vehicles {
            if v.plate == "AB-12" {
                v.plate = "AB".into();
            }
        }
    }
    let mut once = Entry::draft(
        EventKind::Vehicle,
        at("2026-11-19 07:00"),
        date("2026-11-20T10:00:00Z"),
    );
    once.vehicles = vec![vehicle("XY-999-ZZ")];
    other.add(once, date("2026-11-20T10:00:00Z"));
    let repeated = other.repeated();
    let plates: Vec<_> = repeated
        .iter()
        .filter(|r| r.kind == IdentifierKind::Plate)
        .collect();
    assert_eq!(plates.len(), 1);
    assert_eq!(plates[0].count(), 2);
}

#[test]
fn a_number_is_the_same_with_plus_33_or_0_and_accounts_ignore_case() {
    let mut journal = sample_journal();
    let now = date("2026-11-20T10:00:00Z");
    let mut message = Entry::draft(EventKind::Online, at("2026-11-17 22:00"), now);
    message.what = "Demande d’ami d’un compte inconnu, puis message privé.".into();
    message.contacts = vec![
        contact(ContactKind::Account, "@Faux_Conseiller"),
        // The same number twice in one entry counts once.
        contact(ContactKind::Phone, "0033 612345678"),
        contact(ContactKind::Phone, "06 12 34 56 78"),
    ];
    journal.add(message, now);
    let mut again = Entry::draft(EventKind::Message, at("2026-11-18 08:00"), now);
    again.contacts = vec![contact(ContactKind::Account, "faux_conseiller")];
    journal.add(again, now);

    let repeated = journal.repeated();
    let phone = repeated.iter().find(|r| r.kind == IdentifierKind::Phone).unwrap();
    assert_eq!(phone.key, "0612345678");
    assert_eq!(phone.count(), 3);
    assert_eq!(phone.shown, "+33 6 12 34 56 78");
    let account = repeated
        .iter()
        .find(|r| r.kind == IdentifierKind::Account)
        .unwrap();
    assert_eq!(account.count(), 2);
    assert_eq!(account.first_seen, at("2026-11-17 22:00"));
    // Most frequent first.
    assert!(repeated.windows(2).all(|w| w[0].count() >= w[1].count()));
    // A foreign number is not the French one.
    let mut foreign = Journal::new();
    for when in ["2026-11-01 10:00", "2026-11-02 10:00"] {
        let mut e = Entry::draft(EventKind::Call, at(when), now);
        e.contacts = vec![contact(
            ContactKind::Phone,
            if when.ends_with("01 10:00") {
                "+44 6 12 34 56 78"
            } else {
                "06 12 34 56 78"
            },
        )];
        foreign.add(e, now);
    }
    assert!(foreign.repeated().is_empty());
}

#[test]
fn the_journal_round_trips_through_the_store_plain_and_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let journal = sample_journal();
    {
        let store = Store::open(dir.path()).unwrap();
        let (empty, mut file) = store.load_household::<Journal>().unwrap();
        assert!(empty.entries.is_empty(), "no file yet: an empty journal");
        store.save_household(&mut file, &journal).unwrap();
        let text = fs::read_to_string(store.household_path::<Journal>()).unwrap();
        assert!(text.contains("AB-123-CD") && text.contains("Police17"), "{text}");
        #[cfg(unix)]
        assert_eq!(crate::util::mode(&store.household_path::<Journal>()), 0o600);
    }
    let mut store = Store::open(dir.path()).unwrap();
    let (loaded, mut file) = store.load_household::<Journal>().unwrap();
    assert_eq!(loaded, journal);

    // Turning encryption on converts the file; the handle taken before
    // still saves (the content did not change, only its encryption).
    store.set_kdf_work_factor(2);
    let passphrase = age::secrecy::SecretString::from("cheval agrafe batterie correcte".to_owned());
    store.enable_encryption(&passphrase).unwrap();
    let raw = fs::read(store.household_path::<Journal>()).unwrap();
    assert!(raw.starts_with(AGE_MAGIC), "journal.ron is encrypted");
    let mut more = loaded.clone();
    more.household = "Foyer L. et M.".into();
    store.save_household(&mut file, &more).unwrap();
    let raw = fs::read(store.household_path::<Journal>()).unwrap();
    assert!(raw.starts_with(AGE_MAGIC));
    assert!(!String::from_utf8_lossy(&raw).contains("AB-123-CD"));
    let backup = fs::read(store.household_backup_path::<Journal>()).unwrap();
    assert!(backup.starts_with(AGE_MAGIC), "the backup is encrypted too");

    let mut store = Store::open(dir.path()).unwrap();
    assert!(matches!(
        store.load_household::<Journal>(),
        Err(StoreError::Locked { .. })
    ));
    store.unlock(&passphrase).unwrap();
    let (reread, _) = store.load_household::<Journal>().unwrap();
    assert_eq!(reread, more);
}

#[test]
fn the_first_save_of_a_session_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (mut journal, mut file) = store.load_household::<Journal>().unwrap();
    journal.household = "v1".into();
    store.save_household(&mut file, &journal).unwrap();
    assert!(
        !store.household_backup_path::<Journal>().exists(),
        "nothing to back up yet"
    );
    let first = fs::read_to_string(store.household_path::<Journal>()).unwrap();

    let store = Store::open(dir.path()).unwrap();
    let (mut journal, mut file) = store.load_household::<Journal>().unwrap();
    journal.household = "v2".into();
    store.save_household(&mut file, &journal).unwrap();
    journal.household = "v3".into();
    store.save_household(&mut file, &journal).unwrap();
    assert_eq!(
        fs::read_to_string(store.household_backup_path::<Journal>()).unwrap(),
        first,
        "the backup is the file as it was before the session"
    );
}

#[test]
fn a_hand_edited_file_with_an_error_names_file_line_and_column_and_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    store.save_household(&mut file, &sample_journal()).unwrap();
    // A second session backs the good file up.
    let (mut journal, mut file) = store.load_household::<Journal>().unwrap();
    journal.household = "Sauvegarde".into();
    let store2 = Store::open(dir.path()).unwrap();
    store2.save_household(&mut file, &journal).unwrap();

    // Hand edit: a kind that does not exist, on a known line.
    let path = store.household_path::<Journal>();
    let text = fs::read_to_string(&path).unwrap();
    let broken = text.replacen("kind: Call", "kind: Appel", 1);
    fs::write(&path, &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("Appel")).unwrap() + 1;
    let err = store.load_household::<Journal>().unwrap_err();
    let StoreError::Parse {
        path: p,
        line: l,
        col,
        message,
    } = &err
    else {
        panic!("{err}");
    };
    assert_eq!((p.as_path(), *l), (path.as_path(), line), "{err}");
    assert!(*col > 1, "{err}");
    assert!(message.contains("Appel"), "{message}");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:{line}:", path.display()))
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken, "left as it is");

    // The backup can be opened instead: the damaged file goes to the trash.
    let (backup, mut file) = store
        .load_household_backup::<Journal>(date("2026-11-21T09:00:00Z"))
        .unwrap();
    assert_eq!(backup.household, "Foyer Léa et Marc");
    let aside = file.set_aside().unwrap().to_owned();
    assert!(aside.starts_with(store.trash_dir()));
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        broken,
        "the damaged file is kept"
    );
    assert!(!path.exists());
    store.save_household(&mut file, &backup).unwrap();
    assert_eq!(store.load_household::<Journal>().unwrap().0, backup);
    // The trash does not list it as a dossier.
    assert!(store.list_trash().unwrap().is_empty());
}

#[test]
fn a_damaged_file_without_backup_can_be_started_over_and_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.household_path::<Journal>();
    fs::write(&path, "(format_version: 1, entries: [(id: \"../../etc\", ").unwrap();
    assert!(matches!(
        store.load_household::<Journal>(),
        Err(StoreError::Parse { .. })
    ));
    assert!(matches!(
        store.load_household_backup::<Journal>(date("2026-11-21T09:00:00Z")),
        Err(StoreError::NoBackup { .. })
    ));
    let (journal, file) = store
        .start_household_over::<Journal>(date("2026-11-21T09:00:00Z"))
        .unwrap();
    assert!(journal.entries.is_empty());
    assert!(file.set_aside().unwrap().exists());
    assert!(!path.exists());
}

#[test]
fn an_unsafe_or_duplicate_entry_id_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    store.save_household(&mut file, &sample_journal()).unwrap();
    let path = store.household_path::<Journal>();
    let text = fs::read_to_string(&path).unwrap();
    let journal = sample_journal();
    let (first, second) = (journal.entries[0].id.as_str(), journal.entries[1].id.as_str());

    let duplicate = text.replace(second, first);
    fs::write(&path, &duplicate).unwrap();
    let err = store.load_household::<Journal>().unwrap_err();
    let second_line = duplicate
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(first))
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(
        matches!(&err, StoreError::Parse { line, message, .. } if *line == second_line && message.contains("twice")),
        "{err}"
    );

    let escaping = text.replace(first, "../../x");
    fs::write(&path, &escaping).unwrap();
    let err = store.load_household::<Journal>().unwrap_err();
    assert!(
        matches!(&err, StoreError::Parse { message, .. } if message.contains("entry id")),
        "{err}"
    );
}

#[test]
fn a_journal_from_a_newer_vigie_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.household_path::<Journal>();
    // A newer format with a field this build does not know.
    fs::write(&path, "(format_version: 9, entries: [], hologram: true)").unwrap();
    let err = store.load_household::<Journal>().unwrap_err();
    assert!(matches!(err, StoreError::TooNew { version: 9, .. }), "{err}");
    fs::write(&path, "(format_version: 3)").unwrap();
    assert!(matches!(
        store.load_household::<Journal>(),
        Err(StoreError::TooNew { version: 3, .. })
    ));
}

#[test]
fn a_change_made_elsewhere_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (mut mine, mut my_file) = store.load_household::<Journal>().unwrap();
    // Another copy creates the file after we loaded: we must not replace it.
    let other = Store::open(dir.path()).unwrap();
    let (mut theirs, mut their_file) = other.load_household::<Journal>().unwrap();
    theirs.household = "theirs".into();
    other.save_household(&mut their_file, &theirs).unwrap();
    mine.household = "mine".into();
    assert!(matches!(
        store.save_household(&mut my_file, &mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    let path = store.household_path::<Journal>();
    assert!(fs::read_to_string(&path).unwrap().contains("theirs"));

    // Reloaded, ours saves; then a change on disk is noticed again, as is
    // the file removed.
    let (mut mine, mut my_file) = store.load_household::<Journal>().unwrap();
    theirs.household = "theirs again".into();
    other.save_household(&mut their_file, &theirs).unwrap();
    mine.household = "mine".into();
    assert!(matches!(
        store.save_household(&mut my_file, &mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    let (mine, mut my_file) = store.load_household::<Journal>().unwrap();
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        store.save_household(&mut my_file, &mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert!(!path.exists(), "not recreated");
}

#[test]
fn a_failed_save_leaves_the_file_and_succeeds_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    let journal = sample_journal();
    store.save_household(&mut file, &journal).unwrap();
    let before = fs::read(store.household_path::<Journal>()).unwrap();
    store.set_fault_hook(Some(std::sync::Arc::new(|path: &Path| {
        path.ends_with("journal.ron")
            .then_some(std::io::ErrorKind::StorageFull)
    })));
    let mut changed = journal.clone();
    changed.household = "changé".into();
    let err = store.save_household(&mut file, &changed).unwrap_err();
    assert!(
        matches!(&err, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull)
    );
    assert_eq!(fs::read(store.household_path::<Journal>()).unwrap(), before);
    store.set_fault_hook(None);
    store.save_household(&mut file, &changed).unwrap();
    assert_eq!(store.load_household::<Journal>().unwrap().0, changed);
}
