//! Photos of the log's entries: added in the entry form (the path field
//! when no file chooser opens, or dropped on the window), captioned,
//! removed and put back; kept without their metadata and found again after
//! a restart; shown on the timeline; printed in the chronology; not saved
//! with an entry before they are ready; and their files tidied once no
//! entry, draft nor backup refers to them.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Utc;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use vigie::app::{Album, AppState, Command, Dialog, Notice, PhotoCommand, PhotoDialog, PhotoNotice, Picked};
use vigie::i18n::Lang;
use vigie::model::journal::{Entry, EntryDraft, EventKind, Journal};
use vigie::model::{PhotoId, PhotoRef};
use vigie::report::{Format, chronology};
use vigie::store::{PhotoOwner, PhotoSize, Store, StoreError};

use crate::journal::at;
use crate::journal_ui::{journal_on_disk, retype};
use crate::photo_report::pdf_images;
use crate::photos_ui::{drop_file, step_until};
use crate::util::{age_file, click, harness, jpeg_segments, jpeg_with_gps, mode, type_into};

/// A phone photo with its GPS position, beside the data folder.
fn phone_photo(dir: &Path) -> PathBuf {
    let path = dir.join("voiture.jpg");
    fs::write(&path, jpeg_with_gps(64, 48, 1)).unwrap();
    path
}

/// The photos of the entry being written, as in memory.
fn draft_photos(h: &Harness<'_, AppState>) -> Vec<PhotoRef> {
    h.state()
        .household
        .as_ref()
        .and_then(|d| d.journal.doc())
        .and_then(|j| j.draft.as_ref())
        .map(|d| d.entry.photos.clone())
        .unwrap_or_default()
}

/// The journal's screen in French, with a new entry being written.
fn writing_an_entry(root: &Path) -> Harness<'static, AppState> {
    let mut h = harness(root, Lang::Fr);
    click(&mut h, "Journal des faits (0)");
    click(&mut h, "+ Noter un fait");
    type_into(
        &mut h,
        "Ce qui s’est passé, avec vos mots",
        "Une voiture grise devant le portail, deux soirs de suite.",
    );
    h
}

#[test]
fn a_photo_added_to_an_entry_loses_its_metadata_and_is_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let source = phone_photo(dir.path());
    let mut h = writing_an_entry(dir.path());

    // No file chooser here: the path is typed.
    h.state_mut().photos.choosers.images = |_| Picked::NoDialog;
    click(&mut h, "Ajouter une photo…");
    assert!(
        matches!(
            &h.state().dialog,
            Some(Dialog::Photo(PhotoDialog::Path { to: Album::Draft, .. }))
        ),
        "the path dialog, for the entry: {:?}",
        h.state().dialog
    );
    type_into(&mut h, "Fichier de la photo", &source.display().to_string());
    click(&mut h, "Ajouter");
    assert_eq!(
        draft_photos(&h).len(),
        1,
        "the photo is on the entry being written"
    );
    type_into(&mut h, "Légende de la photo 1", "La voiture depuis l’étage");

    // The draft, photo included, is on disk before the entry is saved.
    let on_disk = journal_on_disk(dir.path());
    assert_eq!(on_disk.draft.as_ref().map(|d| d.entry.photos.len()), Some(1));

    click(&mut h, "Enregistrer le fait");
    let journal = journal_on_disk(dir.path());
    assert_eq!(journal.draft, None);
    let photo = journal.entries[0].photos[0].clone();
    assert_eq!(photo.caption, "La voiture depuis l’étage");
    assert_eq!((photo.width, photo.height), (64, 48));

    // Its files: private, and without the GPS position of the phone.
    let folder = dir.path().join("journal.photos");
    assert_eq!(mode(&folder), 0o700);
    for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
        let file = folder.join(size.file_name(&photo.id));
        assert_eq!(mode(&file), 0o600, "{}", file.display());
        let bytes = fs::read(&file).unwrap();
        assert!(
            !jpeg_segments(&bytes)
                .iter()
                .any(|(c, _)| (0xE1..=0xEF).contains(c)),
            "no metadata segment in {}",
            file.display()
        );
        assert!(
            !bytes.windows(3).any(|w| w == b"GPS"),
            "no GPS in {}",
            file.display()
        );
    }

    // A new window finds the photo on the timeline; looked at large, it
    // cannot be changed there (only through the entry's form).
    drop(h);
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Journal des faits (1)");
    let thumbnail = "Voir la photo 1\u{a0}: «\u{a0}La voiture depuis l’étage\u{a0}»";
    click(&mut h, thumbnail);
    assert!(
        h.query_by_label_contains("Photo 1 sur 1 — Véhicule").is_some()
            || h.query_by_label_contains("Photo 1 sur 1").is_some(),
        "the large view"
    );
    assert!(h.query_by_label("Retirer…").is_none(), "read only");
    assert!(h.query_by_label("Légende de la photo 1").is_none(), "read only");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().photos.viewer.is_none(), "Escape closes it");

    // The chronology prints the photo with its caption.
    h.state_mut().views.journal.chooser = |_, _| vigie::app::Chosen::NoDialog;
    click(&mut h, "Exporter la chronologie (PDF)…");
    let pdf = dir.path().join("chronologie.pdf");
    retype(&mut h, "Enregistrer sous", &pdf.display().to_string());
    click(&mut h, "Exporter la chronologie");
    assert_eq!(pdf_images(&fs::read(&pdf).unwrap()), 1, "the photo is in the PDF");
    let html = dir.path().join("chronologie.html");
    retype(&mut h, "Enregistrer sous", &html.display().to_string());
    click(&mut h, "Exporter la chronologie");
    let text = fs::read_to_string(&html).unwrap();
    assert_eq!(text.matches("src=\"data:image/jpeg;base64,").count(), 1);
    assert!(text.contains("La voiture depuis l’étage"));
    assert!(
        text.contains("img-src data:"),
        "the page allows its own images and nothing else"
    );
}

#[test]
fn a_photo_dropped_on_the_entry_form_goes_to_the_entry_and_can_be_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let source = phone_photo(dir.path());
    let mut h = harness(dir.path(), Lang::En);
    click(&mut h, "Log of events (0)");

    // Nothing is being written: a file dropped goes nowhere, and says so.
    drop_file(&mut h, source.clone());
    h.run();
    assert!(matches!(
        h.state().notice,
        Some(Notice::Photo(PhotoNotice::DropNowhere))
    ));
    click(&mut h, "Close");

    click(&mut h, "+ Write down an event");
    assert!(
        h.query_by_label_contains("they go to this entry").is_some(),
        "the hint"
    );
    drop_file(&mut h, source);
    h.run();
    let photos = draft_photos(&h);
    assert_eq!(photos.len(), 1, "dropped on the entry being written");

    // Down the form, where the photos are (a photo out of view is not
    // drawn).
    h.get_by_label("Add photo…").scroll_to_me();
    h.run();
    click(&mut h, "Remove…");
    assert!(
        h.query_by_label_contains("no longer be in this entry").is_some(),
        "asked first, about the entry"
    );
    click(&mut h, "Remove the photo");
    assert!(draft_photos(&h).is_empty());
    assert!(h.query_by_label("Photo removed from the entry.").is_some());
    let on_disk = journal_on_disk(dir.path());
    assert_eq!(
        on_disk.draft.map(|d| d.entry.photos.len()),
        Some(0),
        "saved at once"
    );

    click(&mut h, "Put the photo back");
    assert_eq!(draft_photos(&h), photos, "back whole");
    let folder = Store::open(dir.path()).unwrap().data_folder();
    assert!(
        folder
            .read_photo(&PhotoOwner::Journal, &photos[0].id, PhotoSize::Full)
            .is_ok(),
        "its file stayed"
    );
}

#[test]
fn an_entry_waits_for_its_photos_and_a_dropped_entry_gets_none() {
    let dir = tempfile::tempdir().unwrap();
    let source = phone_photo(dir.path());
    let mut h = writing_an_entry(dir.path());
    // As in the window: the photo is prepared on its own thread.
    h.state_mut().tasks.background = true;
    h.state_mut().handle(Command::Photo(PhotoCommand::Add {
        to: Album::Draft,
        files: vec![source.clone()],
    }));
    h.step();
    let save = h.get_by_label("Enregistrer le fait");
    assert!(save.accesskit_node().is_disabled(), "not saved before its photos");
    step_until(&mut h, "the photo", |s| s.photos.adding.is_empty());
    assert_eq!(draft_photos(&h).len(), 1);
    assert!(
        !h.get_by_label("Enregistrer le fait")
            .accesskit_node()
            .is_disabled()
    );

    // A photo ready after its entry was dropped goes to no other entry.
    h.state_mut().handle(Command::Photo(PhotoCommand::Add {
        to: Album::Draft,
        files: vec![source],
    }));
    h.state_mut()
        .handle(vigie::app::HouseholdCommand::DiscardDraft.into());
    h.state_mut()
        .handle(vigie::app::HouseholdCommand::NewEntry.into());
    step_until(&mut h, "the photo", |s| s.photos.adding.is_empty());
    assert!(draft_photos(&h).is_empty(), "not on the new entry");
    assert!(matches!(
        h.state().notice,
        Some(Notice::Photo(PhotoNotice::EntryClosed(1)))
    ));
}

/// Writes a photo file (both sizes) for the journal, and returns its id.
fn journal_photo_file(store: &Store, name: &str) -> PhotoId {
    let id = PhotoId(name.to_owned());
    let folder = store.data_folder();
    for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
        folder
            .write_photo_bytes(&PhotoOwner::Journal, &id, size, &jpeg_with_gps(8, 8, 1))
            .unwrap();
    }
    id
}

fn photo_ref(id: &PhotoId) -> PhotoRef {
    PhotoRef {
        id: id.clone(),
        caption: String::new(),
        width: 8,
        height: 8,
        added: Utc::now(),
    }
}

#[test]
fn photo_files_no_entry_draft_nor_backup_refers_to_are_tidied_when_old() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let [in_entry, in_draft, in_backup, orphan, young] =
        ["entry", "draft", "backup", "orphan", "young"].map(|n| journal_photo_file(&store, n));

    // The first save keeps nothing; the second keeps the first as backup.
    let (mut journal, mut file) = store.load_household::<Journal>().unwrap();
    let mut old = Entry::draft(EventKind::Other, at("2026-11-10 10:00"), Utc::now());
    old.what = "Avant".into();
    old.photos = vec![photo_ref(&in_backup)];
    journal.add(old, Utc::now());
    store.save_household(&mut file, &journal).unwrap();
    let (mut journal, mut file) = store.load_household::<Journal>().unwrap();
    journal.entries[0].photos = vec![photo_ref(&in_entry)];
    let mut draft = EntryDraft::new(EventKind::Call, at("2026-11-12 09:00"), Utc::now());
    draft.entry.photos = vec![photo_ref(&in_draft)];
    journal.draft = Some(draft);
    store.save_household(&mut file, &journal).unwrap();

    let folder = dir.path().join("journal.photos");
    for id in [&in_entry, &in_draft, &in_backup, &orphan] {
        for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
            age_file(&folder.join(size.file_name(id)), 60);
        }
    }
    store.load_household::<Journal>().unwrap();
    let left = store.data_folder().photo_files(&PhotoOwner::Journal).unwrap();
    assert_eq!(
        left,
        [in_entry, in_draft, in_backup, young].into_iter().collect(),
        "only the old photo that nothing refers to went"
    );
}

#[test]
fn a_photo_id_that_is_not_a_file_name_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "(\n    format_version: 1,\n    entries: [\n        (\n            id: \"e1\",\n            when: \"2026-11-12T21:40:00\",\n            kind: Other,\n            what: \"x\",\n            photos: [(id: \"../../x\", width: 1, height: 1, added: \"2026-11-12T21:40:00Z\")],\n            created: \"2026-11-12T21:40:00Z\",\n            modified: \"2026-11-12T21:40:00Z\",\n        ),\n    ],\n)\n";
    fs::write(dir.path().join("journal.ron"), text).unwrap();
    let store = Store::open(dir.path()).unwrap();
    match store.load_household::<Journal>() {
        Err(StoreError::Parse { line, message, .. }) => {
            assert_eq!(line, 9, "{message}");
            assert!(message.contains("not a photo id"), "{message}");
        }
        other => panic!("refused: {other:?}"),
    }
}

#[test]
fn the_chronology_prints_each_readable_photo_and_the_caption_of_one_that_is_not() {
    let mut journal = Journal::new();
    let mut entry = Entry::draft(EventKind::Vehicle, at("2026-11-12 21:40"), Utc::now());
    entry.what = "Voiture grise".into();
    let (seen, lost) = (PhotoId("seen".into()), PhotoId("lost".into()));
    entry.photos = vec![
        PhotoRef {
            caption: "La plaque".into(),
            ..photo_ref(&seen)
        },
        PhotoRef {
            caption: "Le conducteur".into(),
            ..photo_ref(&lost)
        },
    ];
    journal.add(entry, Utc::now());
    let mut c = chronology::build(&journal, Lang::Fr, chrono::Local::now());
    chronology::attach_photos(&mut c, &journal, &mut |p| {
        (p.id == seen).then(|| jpeg_with_gps(16, 12, 1))
    });
    let pdf = chronology::render(&c, Format::Pdf).unwrap();
    assert_eq!(pdf_images(&pdf), 1);
    let html = String::from_utf8(chronology::render(&c, Format::Html).unwrap()).unwrap();
    assert_eq!(html.matches("data:image/jpeg;base64,").count(), 1);
    assert!(html.contains("La plaque") && html.contains("Le conducteur"));
}
