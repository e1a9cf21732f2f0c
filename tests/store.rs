//! The data folder: round trips, backups, kept answers, damaged files,
//! permissions, conflicts, trash.

use std::fs;

use vigie::library::Library;
use vigie::model::checklist::ItemId;
use vigie::model::{Dossier, Progress, Status};
use vigie::settings::{Settings, Theme};
use vigie::store::{Store, StoreError};

use crate::util::{date, sample_dossier};

#[test]
fn a_dossier_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let dossier = sample_dossier();
    let id = store.create(&dossier).unwrap();
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded, dossier);
    let text = fs::read_to_string(store.dossier_path(&id)).unwrap();
    assert!(text.contains("format_version: 1"), "{text}");
    assert!(text.contains("\"entrances.locked-at-home\""), "{text}");
}

#[test]
fn the_first_save_of_a_session_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let item = ItemId::from("alarm.tests");
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let first = fs::read_to_string(store.dossier_path(&id)).unwrap();
    assert!(
        !store.backup_path(&id).exists(),
        "a new dossier has nothing to back up"
    );

    // A new session: its first save backs up the file as it was.
    let mut store = Store::open(dir.path()).unwrap();
    let mut dossier2 = store.load(&id).unwrap();
    dossier2.set_status(&item, Status::Done, date("2026-11-02T09:00:00Z"));
    store.save(&id, &dossier2).unwrap();
    assert_eq!(fs::read_to_string(store.backup_path(&id)).unwrap(), first);

    // Later saves of the same session keep that backup.
    dossier2.set_status(&item, Status::Todo, date("2026-11-02T09:01:00Z"));
    store.save(&id, &dossier2).unwrap();
    assert_eq!(fs::read_to_string(store.backup_path(&id)).unwrap(), first);
    assert_eq!(store.load(&id).unwrap().status(&item), Status::Todo);
}

#[test]
fn answers_to_unknown_items_are_kept_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let mut dossier = sample_dossier();
    let gone = ItemId::from("perimeter.moat");
    dossier.set_status(&gone, Status::Done, date("2026-11-01T10:00:00Z"));
    dossier.set_note(&gone, "Fossé comblé", date("2026-11-01T10:00:00Z"));
    let id = store.create(&dossier).unwrap();

    let library = Library::load(None);
    let mut loaded = store.load(&id).unwrap();
    let orphans = loaded.orphan_answers(&library.checklists);
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].0, &gone);
    assert_eq!(orphans[0].1.note, "Fossé comblé");
    // The unknown answer does not count in the progress…
    let p = Progress::of_dossier(&loaded, &library.checklists);
    assert_eq!(p.answered, 2);
    // …and survives a later save.
    loaded.set_status(
        &ItemId::from("alarm.tests"),
        Status::Todo,
        date("2026-11-03T10:00:00Z"),
    );
    store.save(&id, &loaded).unwrap();
    assert_eq!(store.load(&id).unwrap().status(&gone), Status::Done);
}

#[test]
fn a_damaged_file_is_reported_with_its_line_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    // A second session saves once, so that a backup exists.
    let mut store = Store::open(dir.path()).unwrap();
    let mut d = store.load(&id).unwrap();
    d.title = "Deuxième version".into();
    store.save(&id, &d).unwrap();

    let path = store.dossier_path(&id);
    let mut broken = fs::read_to_string(&path).unwrap();
    broken = broken.replacen("journey: Personal", "journey: Castle", 1);
    fs::write(&path, &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("Castle")).unwrap() + 1;

    let listed = store.list().unwrap();
    let entry = listed.iter().find(|l| l.id == id).unwrap();
    assert!(entry.has_backup);
    match &entry.summary {
        Err(StoreError::Parse { path: p, line: l, .. }) => {
            assert_eq!(p, &path);
            assert_eq!(*l, line);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let mut store = Store::open(dir.path()).unwrap();
    assert!(store.load(&id).is_err());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        broken,
        "the damaged file is untouched"
    );

    // Opening the backup keeps the damaged file aside, byte for byte.
    let restored = store.load_backup(&id).unwrap();
    assert_eq!(restored.title, "Domicile principal");
    let aside = store.dossiers_dir().join(format!("{id}.ron.damaged"));
    assert_eq!(fs::read_to_string(aside).unwrap(), broken);
    store.save(&id, &restored).unwrap();
    assert_eq!(store.load(&id).unwrap().title, "Domicile principal");
    // The backup is still the good copy.
    assert!(
        fs::read_to_string(store.backup_path(&id))
            .unwrap()
            .contains("Domicile principal")
    );
}

#[test]
fn a_file_from_a_newer_vigie_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let path = store.dossier_path(&id);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("format_version: 1", "format_version: 9")
        .replacen("title:", "colour: \"blue\",\n    title:", 1);
    fs::write(&path, &text).unwrap();
    assert!(matches!(
        store.load(&id),
        Err(StoreError::TooNew { version: 9, .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn files_are_private() {
    use crate::util::mode;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let mut store = Store::open(&root).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let mut store = Store::open(&root).unwrap();
    let d = store.load(&id).unwrap();
    store.save(&id, &d).unwrap();
    store.save_settings(&Settings::default()).unwrap();
    for folder in [
        root.clone(),
        store.dossiers_dir(),
        store.trash_dir(),
        store.checklists_dir(),
    ] {
        assert_eq!(mode(&folder), 0o700, "{}", folder.display());
    }
    for file in [
        store.dossier_path(&id),
        store.backup_path(&id),
        root.join("settings.ron"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[test]
fn a_change_made_elsewhere_is_never_silently_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open(dir.path()).unwrap();
    let id = first.create(&sample_dossier()).unwrap();
    let mut mine = first.load(&id).unwrap();

    let mut second = Store::open(dir.path()).unwrap();
    let mut theirs = second.load(&id).unwrap();
    theirs.title = "Leur version, plus longue".into();
    second.save(&id, &theirs).unwrap();

    mine.title = "Ma version".into();
    assert!(matches!(
        first.save(&id, &mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert_eq!(first.load(&id).unwrap().title, "Leur version, plus longue");
}

#[test]
fn delete_moves_to_the_trash_and_duplicate_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let copy = store
        .duplicate(&id, "Copie", date("2026-11-05T08:00:00Z"))
        .unwrap();
    assert_ne!(copy, id);
    let copied: Dossier = store.load(&copy).unwrap();
    assert_eq!(copied.title, "Copie");
    assert_eq!(copied.answers, sample_dossier().answers);

    let trashed = store.trash(&id, date("2026-11-05T09:00:00Z")).unwrap();
    assert!(trashed.starts_with(store.trash_dir()));
    assert_eq!(vigie::store::read_dossier(&trashed).unwrap(), sample_dossier());
    let ids: Vec<_> = store.list().unwrap().into_iter().map(|l| l.id).collect();
    assert_eq!(ids, vec![copy]);
}

#[test]
fn the_list_shows_the_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let mut old = sample_dossier();
    old.title = "Ancien".into();
    let mut new = sample_dossier();
    new.title = "Récent".into();
    new.modified = date("2026-11-20T09:00:00Z");
    store.create(&old).unwrap();
    store.create(&new).unwrap();
    fs::write(store.dossiers_dir().join("notes.txt"), "not a dossier").unwrap();
    let titles: Vec<_> = store
        .list()
        .unwrap()
        .into_iter()
        .map(|l| l.summary.unwrap().title)
        .collect();
    assert_eq!(titles, ["Récent", "Ancien"]);
}

#[test]
fn settings_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.load_settings().unwrap(), Settings::default());
    let settings = Settings {
        lang: Some(vigie::i18n::Lang::En),
        theme: Theme::Dark,
        ..Settings::default()
    };
    store.save_settings(&settings).unwrap();
    assert_eq!(store.load_settings().unwrap(), settings);
}

#[test]
fn no_temporary_file_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    store.save(&id, &sample_dossier()).unwrap();
    let names: Vec<String> = fs::read_dir(store.dossiers_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("{id}.ron")]);
}

#[test]
fn a_long_list_is_read_whole_and_in_order() {
    // Enough dossiers for the list to be read by several threads.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let mut ids = Vec::new();
    for n in 0..150_i64 {
        let mut d = sample_dossier();
        d.title = format!("Dossier {n}");
        d.created += chrono::Duration::seconds(n);
        d.modified += chrono::Duration::seconds(n);
        ids.push(store.create(&d).unwrap());
    }
    fs::write(store.dossier_path(&ids[7]), "( pas du RON").unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 150);
    // Newest first, the damaged one last.
    let titles: Vec<String> = listed[..149]
        .iter()
        .map(|l| l.summary.as_ref().unwrap().title.clone())
        .collect();
    let expected: Vec<String> = (0..150)
        .rev()
        .filter(|&n| n != 7)
        .map(|n| format!("Dossier {n}"))
        .collect();
    assert_eq!(titles, expected);
    assert_eq!(listed[149].id, ids[7]);
    assert!(listed[149].summary.is_err());
}

#[test]
fn a_hand_written_optional_value_needs_no_some() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = vigie::model::DossierId("by-hand".into());
    let text = r#"(
        format_version: 1, title: "À la main", journey: Personal, checklists: ["home-consultation"],
        answers: {"entrances.locked-at-home": (status: Todo, changed: "2026-11-01T09:00:00Z", due: "2026-12-20")},
        created: "2026-11-01T09:00:00Z", modified: "2026-11-01T09:00:00Z",
        review_due: "2027-01-15",
    )"#;
    fs::write(store.dossier_path(&id), text).unwrap();
    let dossier = store.load(&id).expect("a date without Some( ) is read");
    let item = ItemId::from("entrances.locked-at-home");
    assert_eq!(
        dossier.answers[&item].due,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 20)
    );
    assert_eq!(dossier.review_due, chrono::NaiveDate::from_ymd_opt(2027, 1, 15));
    // The explicit form still reads, and is what Vigie writes.
    store.save(&id, &dossier).unwrap();
    let written = fs::read_to_string(store.dossier_path(&id)).unwrap();
    assert!(written.contains("due: Some(\"2026-12-20\")"), "{written}");
    assert_eq!(store.load(&id).unwrap(), dossier);
}

#[test]
fn the_trash_lists_restores_and_empties() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let t0 = date("2026-12-01T10:15:00Z");
    store.trash(&id, t0).unwrap();
    assert!(store.list().unwrap().is_empty());
    let trashed = store.list_trash().unwrap();
    assert_eq!(trashed.len(), 1);
    assert_eq!(trashed[0].dossier_id, id);
    assert_eq!(trashed[0].deleted, Some(t0));
    assert_eq!(trashed[0].dossier.as_ref().unwrap().title, "Domicile principal");

    // Restored under its own id, with its answers.
    let back = store.restore(&trashed[0].id).unwrap();
    assert_eq!(back, id);
    assert_eq!(store.load(&id).unwrap(), sample_dossier());
    assert!(store.list_trash().unwrap().is_empty());

    // Deleted twice in the same second: two entries, none lost.
    let copy = store.duplicate(&id, "Copie", t0).unwrap();
    store.trash(&id, t0).unwrap();
    store.trash(&copy, t0).unwrap();
    assert_eq!(store.list_trash().unwrap().len(), 2);
    assert_eq!(store.empty_trash().unwrap(), 2);
    assert!(store.list_trash().unwrap().is_empty());
    assert_eq!(
        fs::read_dir(store.trash_dir()).unwrap().count(),
        0,
        "nothing left"
    );
}

#[test]
fn a_dossier_restored_over_a_taken_id_gets_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    store.trash(&id, date("2026-12-01T10:15:00Z")).unwrap();
    // A dossier now has that id (written by hand, or by another copy).
    let text = fs::read_to_string(store.trash_dir().join(format!("{id}-20261201-101500.ron"))).unwrap();
    fs::write(store.dossier_path(&id), &text).unwrap();
    let trashed = store.list_trash().unwrap();
    let back = store.restore(&trashed[0].id).unwrap();
    assert_ne!(back, id, "the dossier in place is not overwritten");
    assert_eq!(store.list().unwrap().len(), 2);
}
