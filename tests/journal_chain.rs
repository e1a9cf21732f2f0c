//! The log of events as evidence: written once and amended after (the
//! original kept, amendments and withdrawals dated and printed), sealed in
//! a chain of SHA-256 hashes that names an entry changed, removed, moved
//! or sealed again by hand in `journal.ron` (`vigie journal verify`, exit
//! code 1), photos' files sealed too, an old-format log read as before and
//! sealed from its first change, and the evidence bundle checked with
//! `sha256sum -c`.

use std::fs;
use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use vigie::lang::Lang;
use vigie::model::journal::chain::{expected_hash, sha256_hex};
use vigie::model::journal::{ChainProblem, Entry, EventKind, Journal, Part};
use vigie::model::{PhotoId, PhotoRef};
use vigie::report::chronology;
use vigie::store::{PhotoOwner, PhotoSize, Store};

use crate::chronology::vigie;
use crate::journal::{at, sample_journal};
use crate::util::date;

/// The sample journal saved (plain) in `dir`, with one amendment and one
/// withdrawal.
fn saved(dir: &Path) -> Journal {
    let mut journal = sample_journal();
    let later = date("2026-11-21T08:00:00Z");
    let call = journal.chronological()[1].clone();
    let mut amended = call.clone();
    amended
        .what
        .push_str(" Il a raccroché quand j’ai demandé son nom.");
    journal.amend(&call.id, &amended, later).unwrap();
    let last = journal.chronological()[3].id.clone();
    journal
        .withdraw(&last, "Écrit deux fois", date("2026-11-21T09:00:00Z"))
        .unwrap();
    save(dir, &journal);
    journal
}

/// Writes `journal` as it is (nothing sealed again), as a hand edit would.
fn save(dir: &Path, journal: &Journal) {
    let store = Store::open(dir).unwrap();
    let path = store.household_path::<Journal>();
    let _ = fs::remove_file(&path);
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    store.save_household(&mut file, journal).unwrap();
}

fn on_disk(dir: &Path) -> Journal {
    Store::open(dir).unwrap().load_household::<Journal>().unwrap().0
}

fn ron_path(dir: &Path) -> std::path::PathBuf {
    dir.join("journal.ron")
}

/// `vigie journal verify` in `lang`: exit code and standard output.
fn verify(dir: &Path, lang: &str) -> (i32, String) {
    let data = dir.to_str().unwrap();
    let out = vigie(&["--lang", lang, "--data-dir", data, "journal", "verify"], None);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn an_intact_log_verifies_and_its_head_moves_with_each_record() {
    let dir = tempfile::tempdir().unwrap();
    let journal = saved(dir.path());
    let check = journal.verify();
    assert!(check.is_intact(), "{:?}", check.problems);
    // Four entries, one amendment, one withdrawal.
    assert_eq!(check.records, 6);
    assert_eq!(journal.head().unwrap().records, 6);
    let (code, out) = verify(dir.path(), "fr");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Chaîne intacte"), "{out}");
    assert!(out.contains(&journal.head().unwrap().hash), "{out}");
}

#[test]
fn one_entry_s_text_changed_by_hand_is_named() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path());
    let path = ron_path(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("Même voix, se dit maintenant policier.", "Même voix.", 1);
    assert_ne!(text, edited);
    fs::write(&path, edited).unwrap();

    // The log still opens; the change is found and named.
    let journal = on_disk(dir.path());
    let check = journal.verify();
    assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
    let ChainProblem::Altered { entry, part } = &check.problems[0] else {
        panic!("{:?}", check.problems);
    };
    assert_eq!(
        (entry.number, entry.kind, *part),
        (4, EventKind::Call, Part::Original)
    );
    let (code, out) = verify(dir.path(), "fr");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Journal modifié hors de Vigie"), "{out}");
    assert!(
        out.contains("Le fait n°\u{a0}4 (16/11/2026 09:30, Appel téléphonique)\u{a0}: son texte d’origine a été modifié hors de Vigie"),
        "{out}"
    );
    let (code, out) = verify(dir.path(), "en");
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "Event no. 4 (2026-11-16 09:30, Phone call): its original text was changed outside Vigie"
        ),
        "{out}"
    );
}

#[test]
fn two_entries_swapped_by_hand_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = saved(dir.path());
    journal.entries.swap(0, 1);
    save(dir.path(), &journal);
    let check = on_disk(dir.path()).verify();
    assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
    let ChainProblem::OutOfOrder { first, second } = &check.problems[0] else {
        panic!("{:?}", check.problems);
    };
    // The car seen on 12/11 was written second, the car of 14/11 first.
    assert_eq!((first.number, second.number), (1, 3));
    let (code, out) = verify(dir.path(), "en");
    assert_eq!(code, 1);
    assert!(
        out.contains("Event no. 1 (2026-11-12 21:40, Watching, loitering) and event no. 3"),
        "{out}"
    );
    assert!(out.contains("were swapped in the file"), "{out}");
}

#[test]
fn an_entry_deleted_by_hand_is_found_missing_between_its_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = saved(dir.path());
    // The second entry written (the car of 12/11).
    journal.entries.remove(1);
    save(dir.path(), &journal);
    let check = on_disk(dir.path()).verify();
    assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
    let ChainProblem::Missing {
        from,
        to,
        after,
        before,
    } = &check.problems[0]
    else {
        panic!("{:?}", check.problems);
    };
    assert_eq!((*from, *to), (2, 2));
    assert_eq!(after.as_ref().unwrap().when, at("2026-11-14 08:15"));
    assert_eq!(before.as_ref().unwrap().when, at("2026-11-13 18:05"));
    let (code, out) = verify(dir.path(), "fr");
    assert_eq!(code, 1);
    assert!(
        out.contains("Enregistrement n°\u{a0}2 de la chaîne manquant"),
        "{out}"
    );

    // The last record (the withdrawal) removed: the head says so.
    let dir = tempfile::tempdir().unwrap();
    let mut journal = saved(dir.path());
    let withdrawn = journal
        .entries
        .iter_mut()
        .find(|e| e.withdrawn.is_some())
        .unwrap();
    withdrawn.withdrawn = None;
    save(dir.path(), &journal);
    let check = on_disk(dir.path()).verify();
    assert!(
        matches!(
            &check.problems[..],
            [ChainProblem::Missing {
                from: 6,
                to: 6,
                before: None,
                ..
            }]
        ),
        "{:?}",
        check.problems
    );
}

#[test]
fn two_amendments_swapped_by_hand_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = saved(dir.path());
    let call = journal.chronological()[1].clone();
    let mut again = call.current().into_owned();
    again.place = "Au téléphone fixe".into();
    journal
        .amend(&call.id, &again, date("2026-11-22T08:00:00Z"))
        .unwrap();
    let entry = journal.entries.iter_mut().find(|e| e.id == call.id).unwrap();
    entry.amendments.swap(0, 1);
    save(dir.path(), &journal);
    let check = on_disk(dir.path()).verify();
    assert!(
        matches!(&check.problems[..], [ChainProblem::HistoryOutOfOrder { entry }] if entry.number == 2),
        "{:?}",
        check.problems
    );
    let (code, out) = verify(dir.path(), "en");
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "Event no. 2 (2026-11-13 18:05, Phone call): its amendments or its withdrawal were moved"
        ),
        "{out}"
    );
}

#[test]
fn one_entry_sealed_again_alone_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = saved(dir.path());
    // Someone changes the car's plate and recomputes that entry's hash,
    // without the chain after it.
    let car = &mut journal.entries[1];
    car.vehicles[0].plate = "ZZ-999-ZZ".into();
    let hash = expected_hash(car, Part::Original).unwrap();
    car.seal.as_mut().unwrap().hash = hash;
    save(dir.path(), &journal);
    let check = on_disk(dir.path()).verify();
    assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
    let ChainProblem::Resealed { entry, part } = &check.problems[0] else {
        panic!("{:?}", check.problems);
    };
    assert_eq!((entry.when, *part), (at("2026-11-12 21:40"), Part::Original));
    let (code, out) = verify(dir.path(), "fr");
    assert_eq!(code, 1);
    assert!(out.contains("modifié et scellé à nouveau hors de Vigie"), "{out}");
}

#[test]
fn a_photo_file_changed_or_lost_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let folder = store.data_folder();
    let id = PhotoId("f00d".into());
    let jpeg = crate::util::jpeg_with_gps(40, 30, 1);
    folder
        .write_photo_bytes(&PhotoOwner::Journal, &id, PhotoSize::Full, &jpeg)
        .unwrap();
    let mut journal = Journal::new();
    let mut entry = Entry::draft(
        EventKind::Watching,
        at("2026-11-12 21:40"),
        date("2026-11-20T10:00:00Z"),
    );
    entry.what = "Un homme photographiait le portail.".into();
    entry.photos.push(PhotoRef {
        id: id.clone(),
        caption: "Le portail".into(),
        width: 40,
        height: 30,
        added: date("2026-11-20T10:00:00Z"),
    });
    let mut hash = |p: &PhotoRef| {
        folder
            .read_photo(&PhotoOwner::Journal, &p.id, PhotoSize::Full)
            .ok()
            .map(|b| sha256_hex(&b))
    };
    journal.add_with(entry, date("2026-11-20T10:00:00Z"), &mut hash);
    save(dir.path(), &journal);
    assert_eq!(verify(dir.path(), "en").0, 0);

    folder
        .write_photo_bytes(
            &PhotoOwner::Journal,
            &id,
            PhotoSize::Full,
            &crate::util::png(40, 30),
        )
        .unwrap();
    let (code, out) = verify(dir.path(), "en");
    assert_eq!(code, 1);
    assert!(
        out.contains("the file of photo \u{201c}Le portail\u{201d} (f00d) is no longer the one sealed"),
        "{out}"
    );
    fs::remove_file(folder.photo_path(&PhotoOwner::Journal, &id, PhotoSize::Full)).unwrap();
    let (code, out) = verify(dir.path(), "en");
    assert_eq!(code, 1);
    assert!(out.contains("cannot be found"), "{out}");
}

/// A journal as an earlier Vigie wrote it: format 1, no seals.
const OLD_FORMAT: &str = r#"(
    format_version: 1,
    household: "Foyer D.",
    entries: [
        (
            id: "20261101-100000-000",
            when: "2026-11-01T09:30:00",
            kind: Call,
            what: "Un faux conseiller bancaire.",
            contacts: [(kind: Phone, value: "06 12 34 56 78")],
            created: "2026-11-01T10:00:00Z",
            modified: "2026-11-01T10:00:00Z",
        ),
        (
            id: "20261102-100000-000",
            when: "2026-11-02T18:00:00",
            kind: Vehicle,
            what: "La voiture grise encore.",
            created: "2026-11-02T10:00:00Z",
            modified: "2026-11-03T10:00:00Z",
        ),
    ],
)"#;

#[test]
fn an_old_format_log_is_read_as_before_and_sealed_from_its_first_change() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(ron_path(dir.path()), OLD_FORMAT).unwrap();
    let journal = on_disk(dir.path());
    assert_eq!(journal.entries.len(), 2);
    assert_eq!(journal.entries[1].what, "La voiture grise encore.");
    let check = journal.verify();
    assert!(check.is_intact() && check.head.is_none());
    let (code, out) = verify(dir.path(), "fr");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("pas encore scellé"), "{out}");
    // Read as before: listed.
    let data = dir.path().to_str().unwrap();
    let list = vigie(&["--lang", "fr", "--data-dir", data, "journal", "list"], None);
    assert!(String::from_utf8_lossy(&list.stdout).contains("02/11/2026 18:00"));

    // The first change seals the entries as they stand, and says so.
    let mut journal = journal;
    let id = journal.entries[0].id.clone();
    let mut amended = journal.entries[0].clone();
    amended.what.push_str(" Il rappelle tous les jours.");
    journal
        .amend(&id, &amended, date("2026-12-01T10:00:00Z"))
        .unwrap();
    save(dir.path(), &journal);
    let journal = on_disk(dir.path());
    assert_eq!(journal.format_version, 2);
    let check = journal.verify();
    assert!(check.is_intact(), "{:?}", check.problems);
    assert_eq!(check.records, 3);
    assert_eq!(check.started.unwrap().1, 2);
    let (code, out) = verify(dir.path(), "fr");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Sa chaîne commence le 01/12/2026"), "{out}");
    assert!(
        out.contains("les 2\u{a0}faits écrits avant ont été scellés"),
        "{out}"
    );
    let c = chronology::build(&journal, Lang::En, chrono::Local::now());
    assert!(c.chain_notes[0].contains("the 2 events written before were sealed as they stood"));
}

#[test]
fn the_chronology_prints_each_entry_as_first_written_with_its_amendments_and_withdrawal() {
    let dir = tempfile::tempdir().unwrap();
    let journal = saved(dir.path());
    let c = chronology::build(&journal, Lang::Fr, chrono::Local::now());
    let call = &c.entries[1];
    assert_eq!(
        call.what,
        "Un « conseiller bancaire » demande de confirmer un virement en crypto-actifs."
    );
    assert!(
        call.written.starts_with("Écrit le 20/11/2026"),
        "{}",
        call.written
    );
    assert_eq!(call.amendments.len(), 1);
    assert!(call.amendments[0].title.starts_with("Rectifié le 21/11/2026"));
    assert!(call.amendments[0].lines[0].contains("Il a raccroché quand j’ai demandé son nom."));
    assert!(c.entries[3].withdrawn.starts_with("Retiré le 21/11/2026"));
    assert!(c.entries[3].withdrawn.ends_with("motif\u{a0}: Écrit deux fois"));
    assert_eq!(c.head, journal.head().unwrap().to_string());

    let pdf = chronology::render(&c, vigie::report::Format::Pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let squeezed: String = text.split_whitespace().collect();
    for expected in [
        "Écritle20/11/2026",
        "Rectifiéle21/11/2026",
        "Ilaraccroché",
        "Retiréle21/11/2026",
        "Écritdeuxfois",
    ] {
        assert!(squeezed.contains(expected), "{expected} in the PDF");
    }
    // The head on every page.
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    assert_eq!(
        squeezed.matches(&journal.head().unwrap().hash[..16]).count(),
        pages
    );

    let html = chronology::render_html(&c);
    assert!(html.contains("Rectifié le 21/11/2026"));
    assert!(html.contains(&journal.head().unwrap().hash));
}

#[test]
fn the_evidence_bundle_round_trips_and_passes_sha256sum() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let folder = store.data_folder();
    let mut journal = saved(dir.path());
    // A photo with its file, on a new entry.
    let id = PhotoId("cafe01".into());
    let jpeg = crate::util::jpeg_with_gps(40, 30, 1);
    folder
        .write_photo_bytes(&PhotoOwner::Journal, &id, PhotoSize::Full, &jpeg)
        .unwrap();
    let mut entry = Entry::draft(
        EventKind::Parcel,
        at("2026-11-18 11:00"),
        date("2026-11-21T10:00:00Z"),
    );
    entry.what = "Un colis sans expéditeur.".into();
    entry.photos.push(PhotoRef {
        id: id.clone(),
        caption: "Le colis".into(),
        width: 40,
        height: 30,
        added: date("2026-11-21T10:00:00Z"),
    });
    journal.add_with(entry, date("2026-11-21T10:00:00Z"), &mut |p| {
        folder
            .read_photo(&PhotoOwner::Journal, &p.id, PhotoSize::Full)
            .ok()
            .map(|b| sha256_hex(&b))
    });
    save(dir.path(), &journal);

    let zip_path = dir.path().join("preuves.zip");
    let data = dir.path().to_str().unwrap();
    let out = vigie(
        &[
            "--lang",
            "fr",
            "--data-dir",
            data,
            "journal",
            "export",
            "--bundle",
            zip_path.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n’est pas chiffré"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Dossier de preuves écrit"));
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&zip_path) & 0o777, 0o600);

    // Extracted with the zip crate.
    let extract = tempfile::tempdir().unwrap();
    let mut archive = zip::ZipArchive::new(fs::File::open(&zip_path).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        let target = extract.path().join(&name);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
        names.push(name);
    }
    names.sort();
    assert_eq!(
        names,
        [
            "EMPREINTE-HEAD.txt",
            "LISEZ-MOI.txt",
            "README.txt",
            "SHA256SUMS",
            "chronologie-des-faits.pdf",
            "photos/0005-1-cafe01.jpg",
        ]
    );
    // The photo is the stored file, byte for byte.
    assert_eq!(
        fs::read(extract.path().join("photos/0005-1-cafe01.jpg")).unwrap(),
        jpeg
    );
    let head = on_disk(dir.path()).head().unwrap().clone();
    let head_file = fs::read_to_string(extract.path().join("EMPREINTE-HEAD.txt")).unwrap();
    assert!(head_file.contains(&format!("records: {}\nsha256: {}\n", head.records, head.hash)));
    assert!(head_file.contains("intacte"));
    let readme = fs::read_to_string(extract.path().join("LISEZ-MOI.txt")).unwrap();
    assert!(readme.contains("sha256sum -c SHA256SUMS"));
    assert!(
        fs::read_to_string(extract.path().join("README.txt"))
            .unwrap()
            .contains("not a trusted timestamp")
    );
    let sums = fs::read_to_string(extract.path().join("SHA256SUMS")).unwrap();
    assert_eq!(sums.lines().count(), 5);
    let pdf = fs::read(extract.path().join("chronologie-des-faits.pdf")).unwrap();
    assert!(sums.contains(&format!("{}  chronologie-des-faits.pdf", sha256_hex(&pdf))));

    // Checked with the standard tool, when there is one; a file changed
    // after the handover fails it.
    if Command::new("sha256sum").arg("--version").output().is_ok() {
        let check = |dir: &Path| {
            Command::new("sha256sum")
                .args(["-c", "SHA256SUMS"])
                .current_dir(dir)
                .output()
                .unwrap()
        };
        let ok = check(extract.path());
        assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
        fs::write(extract.path().join("README.txt"), "changed").unwrap();
        let bad = check(extract.path());
        assert!(!bad.status.success());
        assert!(String::from_utf8_lossy(&bad.stdout).contains("README.txt: FAILED"));
    }
    // Also by `unzip`, when installed.
    if Command::new("unzip").arg("-v").output().is_ok() {
        let again = tempfile::tempdir().unwrap();
        let out = Command::new("unzip")
            .args([
                "-q",
                zip_path.to_str().unwrap(),
                "-d",
                again.path().to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let ok = Command::new("sha256sum")
            .args(["-c", "--quiet", "SHA256SUMS"])
            .current_dir(again.path())
            .output()
            .unwrap();
        assert!(ok.status.success());
    }
}

#[test]
fn the_window_shows_a_broken_chain_and_keeps_the_log_read_only() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path());
    let path = ron_path(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("Même voix, se dit maintenant policier.", "Même voix.", 1),
    )
    .unwrap();
    let mut h = crate::util::harness(dir.path(), vigie::i18n::Lang::Fr);
    crate::util::click(&mut h, "Journal des faits (4)");
    assert!(
        h.query_by_label_contains("Ce journal a été modifié hors de Vigie.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(
            "Le fait n°\u{a0}4 (16/11/2026 09:30, Appel téléphonique)\u{a0}: son texte d’origine"
        )
        .is_some()
    );
    // Read only: nothing new, nothing amended or withdrawn; still exported.
    assert!(h.get_by_label("+ Noter un fait").accesskit_node().is_disabled());
    assert_eq!(h.query_all_by_label("Rectifier").count(), 0);
    assert!(h.query_by_label("Exporter la chronologie (PDF)…").is_some());
    let before = fs::read(&path).unwrap();
    h.state_mut().handle(vigie::app::Command::Household(
        vigie::app::HouseholdCommand::NewEntry,
    ));
    h.run();
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "never sealed over, never repaired"
    );
}

#[test]
fn an_event_dated_in_the_future_is_refused_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = crate::util::harness(dir.path(), vigie::i18n::Lang::Fr);
    crate::util::click(&mut h, "Journal des faits (0)");
    crate::util::click(&mut h, "+ Noter un fait");
    crate::journal_ui::retype(&mut h, "Date", "01/01/2099");
    h.key_press(egui::Key::Tab);
    h.run();
    crate::util::type_into(&mut h, "Ce qui s’est passé, avec vos mots", "Plus tard.");
    assert!(
        h.query_by_label("La date et l’heure du fait sont dans le futur.")
            .is_some()
    );
    crate::util::click(&mut h, "Enregistrer le fait");
    assert!(on_disk(dir.path()).entries.is_empty());
    assert!(h.query_all_by_label_contains("dans le futur").count() >= 1);
}

#[cfg(unix)]
#[test]
fn the_window_writes_the_evidence_bundle_beside_the_chronology() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path());
    let mut h = crate::util::harness(dir.path(), vigie::i18n::Lang::Fr);
    crate::util::click(&mut h, "Journal des faits (4)");
    // No save dialog: the path typed, its extension made .zip.
    h.state_mut().views.journal.bundle_chooser = |_| vigie::app::Chosen::NoDialog;
    crate::journal_ui::press(&mut h, "Dossier de preuves (ZIP)…");
    assert!(matches!(h.state().notice, Some(vigie::app::Notice::NoFileDialog)));
    let typed = dir.path().join("preuves.pdf");
    crate::journal_ui::retype(&mut h, "Enregistrer sous", &typed.display().to_string());
    crate::journal_ui::press(&mut h, "Écrire le dossier de preuves (.zip)");
    let zip_path = dir.path().join("preuves.zip");
    assert!(matches!(&h.state().notice, Some(vigie::app::Notice::Exported(p)) if *p == zip_path));
    assert_eq!(crate::util::mode(&zip_path) & 0o777, 0o600);
    let archive = zip::ZipArchive::new(fs::File::open(&zip_path).unwrap()).unwrap();
    assert!(archive.file_names().any(|n| n == "SHA256SUMS"));
    assert!(archive.file_names().any(|n| n == "chronologie-des-faits.pdf"));
}
