//! Photos in the window, driven through `egui_kittest`: *Add photo…* with
//! the path field when no file chooser opens, files dropped on the window,
//! thumbnails decoded on a background thread, the large view (Escape
//! closes it), captions, removing and putting back, and the full report
//! that carries the photos when the family handout never does.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{
    Album, AppState, Command, Dialog, ExportRequest, Navigation, PhotoCommand, PhotoDialog, Picked,
};
use vigie::i18n::Lang;
use vigie::model::DossierId;
use vigie::model::checklist::ItemId;
use vigie::report::{Format, Profile};
use vigie::store::{PhotoOwner, PhotoSize, Store};

use crate::util::{click, harness, jpeg_with_gps, png, sample_dossier, type_into};

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn drop_file(h: &mut Harness<'_, AppState>, path: PathBuf) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
}

/// A folder with the sample dossier, open in the window on its item list,
/// and a phone photo (`phone.jpg`) and a PNG (`plan.png`) beside it.
fn open_with_photos_at_hand(
    root: &Path,
    lang: Lang,
) -> (Harness<'static, AppState>, DossierId, PathBuf, PathBuf) {
    let id = Store::open(root).unwrap().create(&sample_dossier()).unwrap();
    let jpeg = root.join("phone.jpg");
    std::fs::write(&jpeg, jpeg_with_gps(64, 48, 1)).unwrap();
    let png_file = root.join("plan.png");
    std::fs::write(&png_file, png(40, 30)).unwrap();
    let mut h = harness(root, lang);
    h.state_mut().handle(Command::Open(id.clone()));
    h.run();
    (h, id, jpeg, png_file)
}

fn selected(h: &Harness<'_, AppState>) -> ItemId {
    h.state()
        .views
        .walk
        .selected
        .clone()
        .expect("an item is selected")
}

fn photo_count(h: &Harness<'_, AppState>) -> usize {
    h.state()
        .session()
        .expect("a dossier is open")
        .dossier
        .photo_count()
}

/// Steps frames (in real time) until `done`, for work on other threads.
pub fn step_until(h: &mut Harness<'_, AppState>, what: &str, done: impl Fn(&AppState) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
}

#[test]
fn add_photo_without_a_file_chooser_asks_for_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id, jpeg, _) = open_with_photos_at_hand(dir.path(), Lang::Fr);
    h.state_mut().photos.choosers.images = |_| Picked::NoDialog;
    let item = selected(&h);

    // The selected card's button (each card has one; the selected one is
    // the first drawn on a fresh list).
    h.get_all_by_label("Ajouter une photo…").next().unwrap().click();
    h.run();
    let Some(Dialog::Photo(PhotoDialog::Path {
        to: Album::Item(asked),
        ..
    })) = &h.state().dialog
    else {
        panic!("the path dialog opens: {:?}", h.state().dialog);
    };
    let asked = asked.clone();
    type_into(&mut h, "Fichier de la photo", &jpeg.display().to_string());
    click(&mut h, "Ajouter");
    assert!(h.state().dialog.is_none(), "the dialog closes");
    let dossier = &h.state().session().unwrap().dossier;
    assert_eq!(
        dossier.photos_of(&asked).len(),
        1,
        "the photo is on the card's item"
    );
    let photo = &dossier.photos_of(&asked)[0];
    assert_eq!((photo.width, photo.height), (64, 48));

    // Written in the data folder, without its GPS position, and saved.
    let mut store = Store::open(dir.path()).unwrap();
    let owner = PhotoOwner::Dossier(id.clone());
    let bytes = store
        .data_folder()
        .read_photo(&owner, &photo.id, PhotoSize::Full)
        .unwrap();
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no metadata left");
    assert_eq!(store.load(&id).unwrap().photo_count(), 1, "the dossier was saved");
    assert_eq!(asked, item, "the first card is the selected one");
}

#[test]
fn a_file_that_is_not_an_image_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, _, _) = open_with_photos_at_hand(dir.path(), Lang::En);
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a picture").unwrap();
    let item = selected(&h);
    h.state_mut().handle(Command::Photo(PhotoCommand::Add {
        to: Album::Item(item),
        files: vec![notes],
    }));
    h.run();
    assert_eq!(photo_count(&h), 0);
    let notice = h.state().notice.as_ref().expect("said once");
    assert!(notice.is_error());
    let text = notice.text(h.state().tr());
    assert!(text.contains("notes.txt"), "{text}");
    assert!(h.query_by_label_contains("notes.txt").is_some(), "shown");
}

#[test]
fn files_dropped_on_the_window_go_to_the_selected_item() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, jpeg, png_file) = open_with_photos_at_hand(dir.path(), Lang::En);
    let item = selected(&h);
    for path in [jpeg, png_file] {
        drop_file(&mut h, path);
    }
    h.run();
    let dossier = &h.state().session().unwrap().dossier;
    assert_eq!(
        dossier.photos_of(&item).len(),
        2,
        "JPEG and PNG, on the selected item"
    );

    // On the home screen there is no item in view: nothing is added, and
    // the user is told why.
    h.state_mut().handle(Command::Navigate(Navigation::Home));
    h.run();
    drop_file(&mut h, dir.path().join("phone.jpg"));
    h.run();
    assert!(
        h.query_by_label_contains("To add photos, first open an item")
            .is_some()
    );
}

#[test]
fn thumbnails_are_decoded_in_the_background_then_the_large_view_opens_and_escape_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, jpeg, _) = open_with_photos_at_hand(dir.path(), Lang::En);
    // As in the window: tasks and decoding on their own threads.
    h.state_mut().tasks.background = true;
    let item = selected(&h);
    h.state_mut().handle(Command::Photo(PhotoCommand::Add {
        to: Album::Item(item.clone()),
        files: vec![jpeg],
    }));
    assert_eq!(
        photo_count(&h),
        0,
        "written on the import thread, not in the frame"
    );
    step_until(&mut h, "the photo import", |s| {
        s.session().unwrap().dossier.photo_count() == 1
    });
    assert_eq!(
        h.state().photos.cache.texture_count(),
        0,
        "no texture made in line"
    );
    step_until(&mut h, "the thumbnail", |s| s.photos.cache.texture_count() == 1);
    let photo = h.state().session().unwrap().dossier.photos_of(&item)[0]
        .id
        .clone();
    assert!(
        h.state()
            .photos
            .cache
            .texture(&photo, PhotoSize::Thumbnail)
            .is_some(),
        "the thumbnail, not the full photo, for the card"
    );

    h.get_by_label("View photo 1").click();
    h.step();
    assert_eq!(
        h.state().photos.viewer.as_ref(),
        Some(&(Album::Item(item.clone()), photo.clone()))
    );
    step_until(&mut h, "the full photo", |s| {
        s.photos.cache.texture(&photo, PhotoSize::Full).is_some()
    });
    assert!(
        h.query_by_label_contains("Photo 1 of 1").is_some(),
        "the large view's title"
    );

    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert!(h.state().photos.viewer.is_none(), "Escape closes the large view");
    assert!(h.query_by_label_contains("Photo 1 of 1").is_none());

    // Nothing left to decode: the decoder holds no copy of the folder's
    // key; leaving the dossier drops the textures.
    step_until(&mut h, "the decoder to let go", |s| {
        !s.tasks.running_decoder().unwrap().holds_data_folder()
    });
    h.state_mut().handle(Command::Navigate(Navigation::Home));
    h.step();
    assert_eq!(
        h.state().photos.cache.texture_count(),
        0,
        "textures dropped with the dossier"
    );
}

#[test]
fn a_caption_is_typed_on_the_card_and_a_photo_removed_can_be_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id, jpeg, _) = open_with_photos_at_hand(dir.path(), Lang::En);
    let item = selected(&h);
    h.state_mut().handle(Command::Photo(PhotoCommand::Add {
        to: Album::Item(item.clone()),
        files: vec![jpeg],
    }));
    h.run();
    type_into(&mut h, "Caption of photo 1", "Ladder by the shed");
    let dossier = &h.state().session().unwrap().dossier;
    assert_eq!(dossier.photos_of(&item)[0].caption, "Ladder by the shed");
    assert!(
        h.query_by_label("View photo 1: “Ladder by the shed”").is_some()
            || h.query_by_label_contains("Ladder by the shed").is_some()
    );

    click(&mut h, "Remove…");
    assert!(h.query_by_label("Remove this photo?").is_some(), "asked first");
    click(&mut h, "Remove the photo");
    assert_eq!(photo_count(&h), 0);
    assert_eq!(
        Store::open(dir.path()).unwrap().load(&id).unwrap().photo_count(),
        0
    );
    click(&mut h, "Put the photo back");
    let dossier = &h.state().session().unwrap().dossier;
    assert_eq!(dossier.photos_of(&item).len(), 1, "put back");
    assert_eq!(
        dossier.photos_of(&item)[0].caption,
        "Ladder by the shed",
        "with its caption"
    );
    let photo = dossier.photos_of(&item)[0].id.clone();
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(store.load(&id).unwrap().photo_count(), 1, "saved");
    let owner = PhotoOwner::Dossier(id);
    assert!(
        store
            .data_folder()
            .read_photo(&owner, &photo, PhotoSize::Full)
            .is_ok(),
        "its file is whole"
    );
}

#[test]
fn the_full_report_has_the_photos_and_the_family_handout_never() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, jpeg, _) = open_with_photos_at_hand(dir.path(), Lang::En);
    let item = selected(&h);
    h.state_mut().handle(Command::Photo(PhotoCommand::Add {
        to: Album::Item(item),
        files: vec![jpeg],
    }));
    h.run();
    let export = |h: &mut Harness<'_, AppState>, profile, name: &str| {
        let path = dir.path().join(name);
        h.state_mut().handle(Command::Export(ExportRequest {
            profile,
            format: Format::Html,
            path: path.clone(),
            open_after: false,
        }));
        std::fs::read_to_string(path).unwrap()
    };
    let full = export(&mut h, Profile::Full, "full.html");
    assert!(
        full.contains("data:image/jpeg;base64,"),
        "the full report shows the photo"
    );
    for profile in [Profile::Family, Profile::Emergency] {
        let text = export(&mut h, profile, "other.html");
        assert!(!text.contains("data:image/jpeg"), "{profile:?} has no photo");
    }
}
