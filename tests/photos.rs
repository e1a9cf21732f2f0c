//! Photos: taken in upright and without metadata, bad input refused with
//! nothing written, files private and encrypted, and carried or removed
//! with their dossier (duplicate, review, trash, restore, delete).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use vigie::model::checklist::ItemId;
use vigie::model::{Dossier, DossierId, PhotoRef};
use vigie::photo::{PhotoError, decode_rgba, prepare_bytes};
use vigie::store::{AGE_MAGIC, PhotoFileError, PhotoOwner, PhotoSize, Store};

use crate::security::{PASSPHRASE, fast_store, secret};
use crate::util::{age_file, date, jpeg_segments, jpeg_with_gps, png, sample_dossier};

fn item() -> ItemId {
    ItemId::from("alarm.lighting")
}

/// A store with the sample dossier and one photo on `alarm.lighting`.
fn store_with_photo(root: &Path) -> (Store, DossierId, PhotoRef) {
    let mut store = fast_store(root);
    let mut dossier = sample_dossier();
    let id = store.create(&dossier).unwrap();
    let source = root.join("lamp.jpg");
    fs::write(&source, jpeg_with_gps(48, 32, 1)).unwrap();
    let photo = store
        .data_folder()
        .add_photo_file(
            &PhotoOwner::Dossier(id.clone()),
            &source,
            "Lampe cassée",
            date("2026-11-02T10:00:00Z"),
        )
        .unwrap();
    dossier.add_photo(&item(), photo.clone(), date("2026-11-02T10:00:00Z"));
    store.save(&id, &dossier).unwrap();
    (store, id, photo)
}

#[test]
fn an_imported_photo_has_no_metadata_and_stands_upright() {
    // Orientation 6: the camera was turned; the picture must be turned a
    // quarter clockwise to be seen upright.
    let source = jpeg_with_gps(40, 24, 6);
    assert!(
        jpeg_segments(&source).iter().any(|(code, _)| *code == 0xE1),
        "the fixture has EXIF"
    );
    let prepared = prepare_bytes(&source, Path::new("phone.jpg")).unwrap();
    for bytes in [&prepared.photo, &prepared.thumbnail] {
        let segments = jpeg_segments(bytes);
        let app: Vec<u8> = segments
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| (0xE1..=0xEF).contains(c) || *c == 0xFE)
            .collect();
        assert!(app.is_empty(), "metadata segments left: {app:x?}");
        for needle in [&b"Exif"[..], b"GPS", b"Vigiecam", b"MM\0\x2a"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{needle:?} left"
            );
        }
    }
    assert_eq!((prepared.width, prepared.height), (24, 40), "turned upright");
    // The red corner (top left in the file) is now top right.
    let pixels = decode_rgba(&prepared.photo, Path::new("out.jpg")).unwrap();
    let at = |x: u32, y: u32| {
        let i = usize::try_from((y * pixels.width + x) * 4).unwrap();
        [pixels.rgba[i], pixels.rgba[i + 1], pixels.rgba[i + 2]]
    };
    let [r, g, _] = at(pixels.width - 3, 2);
    assert!(
        r > 180 && g < 90,
        "top right is red: {:?}",
        at(pixels.width - 3, 2)
    );
    let [r, ..] = at(2, 2);
    assert!(r < 100, "top left is not: {:?}", at(2, 2));
}

#[test]
fn large_photos_are_shrunk_and_get_a_thumbnail() {
    let prepared = prepare_bytes(&png(2400, 600), Path::new("wide.png")).unwrap();
    assert_eq!((prepared.width, prepared.height), (2000, 500));
    let thumb = decode_rgba(&prepared.thumbnail, Path::new("t.jpg")).unwrap();
    assert_eq!((thumb.width, thumb.height), (320, 80));
    assert_eq!(thumb.rgba.len(), 320 * 80 * 4);
}

/// Tries to add `bytes` as a photo; returns the error, and checks that
/// nothing was written and that the message names the file.
fn refused(name: &str, bytes: &[u8]) -> PhotoError {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let source = dir.path().join(name);
    fs::write(&source, bytes).unwrap();
    let owner = PhotoOwner::Dossier(DossierId("d".into()));
    let err = store
        .data_folder()
        .add_photo_file(&owner, &source, "", date("2026-11-02T10:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().contains(name), "{err}");
    assert!(!store.photos_dir(&owner).exists(), "nothing written");
    match err {
        PhotoFileError::Photo(e) => e,
        PhotoFileError::Store(e) => panic!("{e}"),
    }
}

/// A PNG header announcing `width × height`, with a few bytes of data: a
/// decompression bomb is no bigger.
fn png_announcing(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFF_u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        let mut body = kind.to_vec();
        body.extend(data);
        c.extend(&body);
        c.extend(crc32(&body).to_be_bytes());
        c
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    // zlib: a stored empty block would do; any few bytes will.
    out.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    ));
    out.extend(chunk(b"IEND", &[]));
    out
}

#[test]
fn bad_photos_are_refused_with_the_file_named_and_nothing_written() {
    assert!(matches!(
        refused("notes.jpg", b"not an image at all"),
        PhotoError::NotAnImage { .. }
    ));

    let jpeg = jpeg_with_gps(64, 64, 1);
    let cut = &jpeg[..jpeg.len() * 2 / 3];
    assert!(
        matches!(refused("cut.jpg", cut), PhotoError::Damaged { .. }),
        "truncated JPEG"
    );
    let p = png(64, 64);
    assert!(
        matches!(refused("cut.png", &p[..p.len() / 2]), PhotoError::Damaged { .. }),
        "truncated PNG"
    );

    assert!(matches!(
        refused("huge.png", &png_announcing(20_000, 20_000)),
        PhotoError::TooManyPixels { width: 20_000, .. }
    ));
    // Within the side limit but a gigabyte of pixels: a bomb, refused on
    // its header, before any allocation.
    let bomb = png_announcing(16_000, 16_000);
    assert!(bomb.len() < 100);
    assert!(matches!(
        refused("bomb.png", &bomb),
        PhotoError::TooManyPixels { .. }
    ));

    let mut heic = vec![0, 0, 0, 24];
    heic.extend(b"ftypheic\0\0\0\0mif1heic");
    let err = refused("IMG_0001.HEIC", &heic);
    assert!(matches!(err, PhotoError::Heic { .. }));
    assert!(err.to_string().contains("JPEG"), "says how to convert: {err}");
}

#[test]
fn a_file_too_large_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jpg");
    let file = fs::File::create(&path).unwrap();
    file.set_len(vigie::photo::MAX_FILE_BYTES + 1).unwrap();
    let err = vigie::photo::prepare_file(&path).unwrap_err();
    assert!(matches!(err, PhotoError::FileTooLarge { .. }), "{err}");
}

#[test]
fn photo_files_are_private_and_encrypted_when_encryption_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, photo) = store_with_photo(dir.path());
    let owner = PhotoOwner::Dossier(id.clone());
    let full = store.data_folder().photo_path(&owner, &photo.id, PhotoSize::Full);
    assert!(
        full.exists()
            && store
                .data_folder()
                .photo_path(&owner, &photo.id, PhotoSize::Thumbnail)
                .exists()
    );
    #[cfg(unix)]
    {
        assert_eq!(crate::util::mode(&full), 0o600);
        assert_eq!(crate::util::mode(&store.photos_dir(&owner)), 0o700);
    }
    let plain = fs::read(&full).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    assert!(
        fs::read(&full).unwrap().starts_with(AGE_MAGIC),
        "converted with the dossiers"
    );
    let folder = store.data_folder();
    assert_eq!(
        *folder.read_photo(&owner, &photo.id, PhotoSize::Full).unwrap(),
        plain
    );
    let pixels = folder
        .load_pixels(&owner, &photo.id, PhotoSize::Thumbnail)
        .unwrap();
    assert_eq!((pixels.width, pixels.height), (48, 32));
    // A new photo is written encrypted.
    let source = dir.path().join("ladder.png");
    fs::write(&source, png(30, 20)).unwrap();
    let second = folder
        .add_photo_file(&owner, &source, "", date("2026-11-03T10:00:00Z"))
        .unwrap();
    let path = folder.photo_path(&owner, &second.id, PhotoSize::Full);
    assert!(fs::read(path).unwrap().starts_with(AGE_MAGIC));
    // Locked, nothing reads.
    store.lock();
    assert!(
        store
            .data_folder()
            .read_photo(&owner, &photo.id, PhotoSize::Full)
            .is_err()
    );
}

#[test]
fn a_photo_no_dossier_refers_to_is_cleaned_up_at_the_next_load() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, kept) = store_with_photo(dir.path());
    let owner = PhotoOwner::Dossier(id.clone());
    let folder = store.data_folder();
    // A crash between writing a photo and saving the dossier.
    let prepared = prepare_bytes(&png(20, 20), Path::new("x.png")).unwrap();
    let orphan = prepared.photo_ref("", date("2026-11-02T10:00:00Z"));
    folder.write_photo(&owner, &orphan.id, &prepared).unwrap();
    let young = prepared.photo_ref("", date("2026-11-02T10:00:00Z"));
    folder.write_photo(&owner, &young.id, &prepared).unwrap();
    for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
        age_file(&folder.photo_path(&owner, &orphan.id, size), 30);
        age_file(&folder.photo_path(&owner, &kept.id, size), 30);
    }
    store.load(&id).unwrap();
    let left = folder.photo_files(&owner).unwrap();
    assert!(left.contains(&kept.id), "a photo of the dossier stays");
    assert!(!left.contains(&orphan.id), "an old unreferenced photo goes");
    assert!(left.contains(&young.id), "a photo being added (young) stays");
}

#[test]
fn a_photo_removed_stays_while_the_backup_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, id, photo) = store_with_photo(dir.path());
    // A new session: its first save keeps the version with the photo as
    // the backup.
    let mut store = fast_store(dir.path());
    let mut dossier = store.load(&id).unwrap();
    dossier.remove_photo(&photo.id, date("2026-11-04T10:00:00Z"));
    store.save(&id, &dossier).unwrap();
    let owner = PhotoOwner::Dossier(id.clone());
    for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
        age_file(&store.data_folder().photo_path(&owner, &photo.id, size), 30);
    }
    store.load(&id).unwrap();
    assert!(
        store
            .data_folder()
            .photo_files(&owner)
            .unwrap()
            .contains(&photo.id)
    );
    let backup = store.load_backup(&id).unwrap();
    assert_eq!(
        backup.photo_count(),
        1,
        "the backup still shows it, and it is there"
    );
}

#[test]
fn duplicates_and_reviews_carry_copies_of_the_photos() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, photo) = store_with_photo(dir.path());
    let copy = store
        .duplicate(&id, "Copie", date("2026-11-05T10:00:00Z"))
        .unwrap();
    let previous = store.load(&id).unwrap();
    let review = Dossier::review_of(&previous, "Revue", date("2026-11-06T10:00:00Z"));
    assert_eq!(
        review.photo_count(),
        1,
        "the review carries the référent's photos"
    );
    let review_id = store
        .create_with_photos_from(&review, &PhotoOwner::Dossier(id.clone()))
        .unwrap();
    let folder = store.data_folder();
    let original = folder
        .read_photo(&PhotoOwner::Dossier(id.clone()), &photo.id, PhotoSize::Full)
        .unwrap();
    for new in [&copy, &review_id] {
        let owner = PhotoOwner::Dossier(new.clone());
        assert_eq!(store.load(new).unwrap().photo_count(), 1);
        assert_eq!(
            *folder.read_photo(&owner, &photo.id, PhotoSize::Full).unwrap(),
            *original
        );
    }
    // Removing the original's folder leaves the copies whole.
    store.trash(&id, date("2026-11-07T10:00:00Z")).unwrap();
    store.empty_trash().unwrap();
    assert!(
        folder
            .read_photo(&PhotoOwner::Dossier(copy), &photo.id, PhotoSize::Full)
            .is_ok()
    );
}

#[test]
fn photos_go_to_the_trash_come_back_and_are_deleted_with_their_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, photo) = store_with_photo(dir.path());
    let owner = PhotoOwner::Dossier(id.clone());
    store.trash(&id, date("2026-11-08T10:00:00Z")).unwrap();
    assert!(!store.photos_dir(&owner).exists());
    let trashed = store.list_trash().unwrap();
    assert_eq!(trashed.len(), 1, "the photo folder is not listed as a dossier");
    assert!(store.list().unwrap().is_empty());

    // Restored under its id.
    let back = store.restore(&trashed[0].id).unwrap();
    assert_eq!(back, id);
    assert!(
        store
            .data_folder()
            .photo_files(&owner)
            .unwrap()
            .contains(&photo.id)
    );

    // Restored under a new id when the old one is taken.
    store.trash(&id, date("2026-11-09T10:00:00Z")).unwrap();
    let mut other = sample_dossier();
    other.title = "Autre".into();
    store.save(&id, &other).unwrap();
    let trashed = store.list_trash().unwrap();
    let new_id = store.restore(&trashed[0].id).unwrap();
    assert_ne!(new_id, id);
    let moved = PhotoOwner::Dossier(new_id.clone());
    assert!(
        store
            .data_folder()
            .photo_files(&moved)
            .unwrap()
            .contains(&photo.id)
    );
    assert!(
        !store.photos_dir(&owner).exists(),
        "the other dossier has no photos"
    );

    // Deleted for good, photos too; emptying the trash too.
    store.trash(&new_id, date("2026-11-10T10:00:00Z")).unwrap();
    let trashed = store.list_trash().unwrap();
    store.delete_forever(&trashed[0].id).unwrap();
    store.trash(&id, date("2026-11-10T10:00:01Z")).unwrap();
    store.empty_trash().unwrap();
    let left: Vec<_> = fs::read_dir(store.trash_dir()).unwrap().collect();
    assert!(left.is_empty(), "nothing left in the trash: {left:?}");
}

#[test]
fn a_photo_folder_left_behind_by_a_crash_is_found_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id, photo) = store_with_photo(dir.path());
    let owner = PhotoOwner::Dossier(id.clone());
    // Killed while trashing: the dossier file moved, its photos did not.
    let trashed = store.trash_dir().join(format!("{id}-20261111-100000.ron"));
    fs::rename(store.dossier_path(&id), &trashed).unwrap();
    let restored = store.restore(&store.list_trash().unwrap()[0].id).unwrap();
    assert!(
        store
            .data_folder()
            .photo_files(&PhotoOwner::Dossier(restored.clone()))
            .unwrap()
            .contains(&photo.id)
    );

    // Killed while restoring: the dossier is back, its photos still in the
    // trash; loading it brings them.
    let photos = store.photos_dir(&PhotoOwner::Dossier(restored.clone()));
    fs::rename(&photos, store.trash_dir().join("gone-20261112-100000.photos")).unwrap();
    store.load(&restored).unwrap();
    assert!(photos.exists(), "brought back when loaded");
    let _ = owner;
}

#[test]
fn old_dossiers_without_photos_load_and_save_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let before = fs::read_to_string(store.dossier_path(&id)).unwrap();
    assert!(!before.contains("photos"), "{before}");
    let dossier = store.load(&id).unwrap();
    assert!(dossier.photos.is_empty());
    store.save(&id, &dossier).unwrap();
    assert_eq!(fs::read_to_string(store.dossier_path(&id)).unwrap(), before);
    // A copy of a dossier without photos gets no photo folder.
    store
        .duplicate(&id, "Copie", date("2026-11-05T10:00:00Z"))
        .unwrap();
    let folders = fs::read_dir(store.dossiers_dir())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(folders, 0);
}

#[test]
fn stale_temporary_photo_files_are_removed_at_open_and_ids_stay_free() {
    let dir = tempfile::tempdir().unwrap();
    let (_, id, _) = store_with_photo(dir.path());
    let folder = dir.path().join("dossiers").join(format!("{id}.photos"));
    let tmp = folder.join(".abc.jpg.123.tmp");
    fs::write(&tmp, b"half a photo").unwrap();
    age_file(&tmp, 30);
    let staging = dir.path().join(".restore-1-0.tmp");
    fs::create_dir(&staging).unwrap();
    age_file(&staging, 30);
    let mut store = Store::open(dir.path()).unwrap();
    assert!(!tmp.exists() && !staging.exists());
    // A photo folder without its dossier keeps its id taken.
    fs::remove_file(store.dossier_path(&id)).unwrap();
    let other = store.create(&sample_dossier()).unwrap();
    assert_ne!(other, id);
    let ids: BTreeSet<_> = store.list().unwrap().into_iter().map(|l| l.id).collect();
    assert_eq!(ids, BTreeSet::from([other]));
}
