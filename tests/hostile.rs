//! Files from someone else are hostile until checked, and every backup
//! Vigie writes, it restores (issue #22). The hostile inputs are built
//! here: hand-made `.vigie` files, odd data folders, photos with metadata
//! or lying headers, escape sequences in titles.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use vigie::archive::{ArchiveError, ArchiveKind, BackupOptions, IfAlreadyThere, Limits, open_handover};
use vigie::model::{DossierId, PhotoId};
use vigie::store::{PhotoOwner, Store};

use crate::handover::{HANDOVER, craft, dossier_bytes, manifest_of, now, raw, referent_folder};
use crate::security::{fast_store, secret};
use crate::util::{jpeg_segments, jpeg_with_gps, sample_dossier};

/// A small plain JPEG, as Vigie stores photos.
fn small_jpeg(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            shade,
            u8::try_from((x * 7) % 256).unwrap(),
            u8::try_from((y * 5) % 256).unwrap(),
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&image)
        .unwrap();
    out
}

/// A JPEG whose frame header announces `width × height` pixels, followed by
/// a few bytes of nothing: a decompression bomb of 13 KB or less.
fn lying_jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = small_jpeg(16, 16, 1);
    // Find the baseline frame (SOF0) and rewrite its dimensions.
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    jpeg
}

fn backup(store: &Store, out: &Path) -> vigie::archive::Written {
    store
        .data_folder()
        .write_backup(out, &secret(HANDOVER), BackupOptions::default(), now())
        .unwrap()
}

fn restore(into: &Path, file: &Path) -> Result<vigie::archive::Restored, ArchiveError> {
    let store = fast_store(into);
    let opened = store
        .data_folder()
        .open_backup(file, &secret(HANDOVER), &Limits::default())?;
    store.data_folder().restore_backup(opened)
}

/// Every file under `dir`, relative, sorted (hidden files left out).
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                dirs.push(entry.path());
            } else {
                out.push(
                    entry
                        .path()
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_messy_data_folder_backs_up_and_restores_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("mine");
    let mut store = fast_store(&root);
    let id = store.create(&sample_dossier()).unwrap();
    // Thousands of photos (written as the store keeps them).
    let photos = root.join("dossiers").join(format!("{id}.photos"));
    fs::create_dir_all(&photos).unwrap();
    let jpeg = small_jpeg(24, 16, 9);
    let thumb = small_jpeg(12, 8, 9);
    for n in 0..1500 {
        fs::write(photos.join(format!("p{n:05}.jpg")), &jpeg).unwrap();
        fs::write(photos.join(format!("p{n:05}.thumb.jpg")), &thumb).unwrap();
    }
    // The user's own names, their exposure sources, a file set aside.
    let checklists = store.checklists_dir();
    for name in ["Ma liste été.ron", "l’abri d'Ève.ron", "deux  espaces.ron"] {
        fs::write(checklists.join(name), format!("// {name}")).unwrap();
    }
    fs::create_dir_all(checklists.join("exposure")).unwrap();
    fs::write(
        checklists.join("exposure").join("Mes sources à moi.ron"),
        "// sources",
    )
    .unwrap();
    fs::write(
        root.join("trash").join("journal.ron-20261201-101500.damaged"),
        "damaged",
    )
    .unwrap();
    // A file that is not Vigie's: left out, and named.
    fs::write(root.join("dossiers").join("notes.txt"), "stray").unwrap();

    let file = dir.path().join("all.vigie");
    let written = backup(&store, &file);
    assert_eq!(written.photos, 1500);
    assert_eq!(
        written.left_out,
        vec![(
            "dossiers/notes.txt".to_owned(),
            "not a file this kind of archive holds"
        )]
    );

    let into = dir.path().join("restored");
    let restored = restore(&into, &file).unwrap();
    assert_eq!(restored.set_aside, 1);
    assert_eq!(restored.checklists, 4);
    let mut expected = tree(&root);
    expected.retain(|p| p != "dossiers/notes.txt");
    assert_eq!(tree(&into), expected, "every file Vigie wrote is back");
    // Restored again beside itself: every dossier and set-aside file comes
    // back under a free name, nothing is overwritten.
    let again = restore(&into, &file).unwrap();
    assert_eq!(again.dossiers.len(), 1);
    assert_ne!(again.dossiers[0].0, again.dossiers[0].1);
    assert_eq!(again.set_aside, 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever the name of a user's checklist, the backup either holds it
    /// and restores it, or leaves it out and says so: never a backup that
    /// does not restore.
    #[test]
    fn any_checklist_name_backs_up_and_restores_or_is_named(name in "[ -~àéèêçÉ’'\\u{1b}:*?]{1,40}") {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("mine");
        let store = fast_store(&root);
        let file_name = format!("{name}.ron");
        if file_name.contains('/') || fs::write(store.checklists_dir().join(&file_name), "// x").is_err() {
            return Ok(());
        }
        let file = dir.path().join("all.vigie");
        let written = backup(&store, &file);
        let entry = format!("checklists/{file_name}");
        let taken = !written.left_out.iter().any(|(n, _)| *n == entry);
        let restored = restore(&dir.path().join("restored"), &file);
        prop_assert!(restored.is_ok(), "{entry}: {restored:?}");
        prop_assert_eq!(
            dir.path().join("restored/checklists").join(&file_name).exists(),
            taken
        );
    }
}

#[test]
fn a_restore_that_must_rename_a_long_id_keeps_it_listed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("mine");
    let store = fast_store(&root);
    let long = "a".repeat(80);
    fs::write(root.join("dossiers").join(format!("{long}.ron")), dossier_bytes()).unwrap();
    let file = dir.path().join("all.vigie");
    backup(&store, &file);
    let into = dir.path().join("restored");
    restore(&into, &file).unwrap();
    let again = restore(&into, &file).unwrap();
    let renamed = &again.dossiers[0].1;
    assert!(DossierId::is_valid(&renamed.0), "{renamed}");
    assert_eq!(fast_store(&into).list().unwrap().len(), 2, "both listed");
}

#[test]
fn photos_from_a_handover_lose_their_metadata_and_liars_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let id = PhotoId::random();
    let mut dossier = sample_dossier();
    dossier.add_photo(
        &vigie::model::ItemId::from("alarm.lighting"),
        vigie::model::PhotoRef {
            id: id.clone(),
            caption: "x".into(),
            width: 40,
            height: 30,
            added: now(),
        },
        now(),
    );
    let dossier_ron = {
        let d = tempfile::tempdir().unwrap();
        let mut store = Store::open(d.path()).unwrap();
        let i = store.create(&dossier).unwrap();
        fs::read(store.dossier_path(&i)).unwrap()
    };
    let handover = |name: &str, full: Vec<u8>| {
        let entries = vec![
            raw("dossier.ron", &dossier_ron),
            raw(&format!("photos/{id}.jpg"), &full),
            raw(&format!("photos/{id}.thumb.jpg"), &small_jpeg(20, 15, 3)),
        ];
        let file = dir.path().join(name);
        craft(&file, &manifest_of(ArchiveKind::Handover, &entries), &entries);
        file
    };

    // EXIF with a GPS position, a camera, a comment, bytes after the end.
    let mut phone = jpeg_with_gps(40, 30, 1);
    let com = b"\xFF\xFE\x00\x0Dwhere: home";
    phone.splice(2..2, com.iter().copied());
    phone.extend_from_slice(b"trailing secrets");
    let opened = open_handover(
        &handover("gps.vigie", phone),
        &secret(HANDOVER),
        &Limits::default(),
    )
    .unwrap();
    let mut store = fast_store(&dir.path().join("house"));
    let imported = store
        .import_handover(opened, IfAlreadyThere::KeepBoth, now())
        .unwrap();
    let stored = store
        .data_folder()
        .read_photo(
            &PhotoOwner::Dossier(imported.id.clone()),
            &id,
            vigie::store::PhotoSize::Full,
        )
        .unwrap();
    let segments = jpeg_segments(&stored);
    let markers: Vec<u8> = segments.iter().map(|(m, _)| *m).collect();
    assert!(
        !markers.iter().any(|m| (0xE1..=0xEF).contains(m) || *m == 0xFE),
        "{markers:x?}"
    );
    // At most a bare JFIF header (no thumbnail in it).
    for (_, data) in segments.iter().filter(|(m, _)| *m == 0xE0) {
        assert!(data.starts_with(b"JFIF\0") && data.len() <= 16, "{data:x?}");
    }
    for needle in [&b"GPS"[..], b"Vigiecam", b"where", b"trailing"] {
        assert!(
            !stored.windows(needle.len()).any(|w| w == needle),
            "{needle:?} kept"
        );
    }
    image::load_from_memory(&stored).unwrap();

    // A JPEG header followed by garbage; a header that lies about its size.
    let mut garbage = small_jpeg(40, 30, 2)[..200].to_vec();
    garbage.extend(std::iter::repeat_n(0x55, 4000));
    for (name, photo) in [
        ("garbage.vigie", garbage),
        ("bomb.vigie", lying_jpeg(65000, 65000)),
    ] {
        let err = open_handover(&handover(name, photo), &secret(HANDOVER), &Limits::default()).unwrap_err();
        let shown = err.to_string();
        assert!(matches!(err, ArchiveError::Photo(_)), "{name}: {err:?}");
        assert!(
            shown.contains(&format!("photos/{id}.jpg")),
            "names the photo: {shown}"
        );
    }
}

#[test]
fn photos_of_a_restored_backup_are_cleaned_too() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id, _) = referent_folder(&dir.path().join("mine"));
    // A photo replaced by hand with one that carries a position.
    let photos = dir.path().join("mine/dossiers").join(format!("{id}.photos"));
    let one = fs::read_dir(&photos)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| !p.to_string_lossy().ends_with(".thumb.jpg"))
        .unwrap();
    store
        .data_folder()
        .write_private(&one, &jpeg_with_gps(40, 30, 1))
        .unwrap();
    let file = dir.path().join("all.vigie");
    store
        .data_folder()
        .write_backup(&file, &secret(HANDOVER), BackupOptions::default(), now())
        .unwrap();
    let into = dir.path().join("restored");
    let restored = restore(&into, &file).unwrap();
    assert!(restored.photo_files >= 4);
    for path in tree(&into).iter().filter(|p| p.to_lowercase().ends_with(".jpg")) {
        let bytes = fs::read(into.join(path)).unwrap();
        assert!(!bytes.windows(3).any(|w| w == b"GPS"), "{path}");
    }
}

/// A `.vigie` file whose age header is made by hand: `stanzas` lines.
fn age_file_with(path: &Path, stanzas: &[String]) {
    let mut bytes = b"age-encryption.org/v1\n".to_vec();
    for s in stanzas {
        bytes.extend_from_slice(format!("-> {s}\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n").as_bytes());
    }
    bytes.extend_from_slice(b"--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
    bytes.extend_from_slice(&[0_u8; 64]);
    fs::write(path, bytes).unwrap();
}

#[test]
fn costly_age_headers_and_non_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |file: &Path| {
        let err = open_handover(file, &secret(HANDOVER), &Limits::default()).unwrap_err();
        assert!(
            matches!(err, ArchiveError::Refused { .. }),
            "{}: {err:?}",
            file.display()
        );
        err.to_string()
    };
    let work = dir.path().join("work.vigie");
    age_file_with(&work, &["scrypt AAAAAAAAAAAAAAAAAAAAAA 23".to_owned()]);
    assert!(refused(&work).contains("2^23"));
    let many = dir.path().join("many.vigie");
    let stanzas: Vec<String> = (0..80_000)
        .map(|_| "scrypt AAAAAAAAAAAAAAAAAAAAAA 10".to_owned())
        .collect();
    age_file_with(&many, &stanzas);
    refused(&many);
    let two = dir.path().join("two.vigie");
    age_file_with(
        &two,
        &[
            "scrypt AAAAAAAAAAAAAAAAAAAAAA 10".to_owned(),
            "scrypt AAAAAAAAAAAAAAAAAAAAAA 10".to_owned(),
        ],
    );
    assert!(refused(&two).contains("2 recipients"));
    #[cfg(unix)]
    {
        assert!(refused(Path::new("/dev/zero")).contains("not a regular file"));
        let fifo = dir.path().join("fifo.vigie");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        refused(&fifo);
        refused(dir.path());
    }
    // The window and the command line say it in words.
    let err = open_handover(&work, &secret(HANDOVER), &Limits::default()).unwrap_err();
    for lang in [vigie::i18n::Lang::Fr, vigie::i18n::Lang::En] {
        let text = (vigie::i18n::tr(lang).archive.archive_error)(&err);
        assert!(
            !text.to_lowercase().contains("damaged") && !text.contains("abîmé"),
            "{text}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_data_folder_is_refused_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    store.create(&sample_dossier()).unwrap();
    for name in ["dossiers/2026-9.ron", "journal.ron"] {
        assert!(
            std::process::Command::new("mkfifo")
                .arg(dir.path().join(name))
                .status()
                .unwrap()
                .success()
        );
    }
    // Each read refuses at once (a blocking read would hang the test).
    let err = store
        .read_dossier_file(&dir.path().join("dossiers/2026-9.ron"))
        .unwrap_err();
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 2);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["--lang", "en", "list"])
        .env("VIGIE_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("not a regular file"), "{text}");
}

#[test]
fn escape_sequences_in_a_title_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let mut dossier = sample_dossier();
    dossier.title = "Visite\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}".into();
    let id = store.create(&dossier).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["--lang", "en", "list"])
        .env("VIGIE_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        !out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07),
        "raw control bytes"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Visite\\x1b]0;pwned\\x07\\x1b[2J\\u{202e}"),
        "{text}"
    );

    // The same title in a handover is refused on the way in.
    let file = dir.path().join("t.vigie");
    store
        .data_folder()
        .write_handover(&id, &dossier, &file, &secret(HANDOVER), now())
        .unwrap();
    let err = open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap_err();
    assert!(matches!(err, ArchiveError::Refused { .. }), "{err:?}");
    // Typed or pasted in the window, it is cleaned.
    assert_eq!(vigie::model::dossier::clean_title(" a\u{1b}[2Jb\n "), "a[2Jb");
}

#[test]
fn a_crafted_file_cannot_send_another_dossier_to_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(&dir.path().join("house"));
    let mine = sample_dossier();
    let mine_id = store.create(&mine).unwrap();
    // Same creation time and journey, another identity: not the same.
    let mut forged = sample_dossier();
    forged.uid = Some(vigie::model::dossier::new_uid());
    assert_eq!(forged.created, mine.created);
    assert_ne!(forged.uid, mine.uid);
    forged.title = "Forged".into();
    assert!(store.same_dossiers(&forged).unwrap().is_empty());
    let id = store.create(&forged).unwrap();
    let file = dir.path().join("f.vigie");
    store
        .data_folder()
        .write_handover(&id, &forged, &file, &secret(HANDOVER), now())
        .unwrap();
    store.trash(&id, now()).unwrap();
    let opened = open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap();
    let imported = store
        .import_handover(opened, IfAlreadyThere::Replace, now())
        .unwrap();
    assert!(imported.replaced.is_empty());
    assert!(store.load(&mine_id).is_ok(), "the other dossier stays");
    // The same dossier again (its own identity) is found, with its title.
    let opened = open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap();
    let same = store.same_dossiers(&opened.dossier).unwrap();
    assert_eq!(same, vec![(imported.id.clone(), "Forged".to_owned())]);
}

#[test]
fn a_restore_cut_short_is_undone_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let store = fast_store(root);
    drop(store);
    // A restore that moved one file of two, then died.
    let staging = root.join(".restore-1-0.tmp");
    fs::create_dir_all(staging.join("dossiers")).unwrap();
    let moves: Vec<(PathBuf, PathBuf)> = ["a", "b"]
        .iter()
        .map(|n| {
            (
                staging.join(format!("dossiers/{n}.ron")),
                root.join(format!("dossiers/{n}.ron")),
            )
        })
        .collect();
    for (from, _) in &moves {
        fs::write(from, dossier_bytes()).unwrap();
    }
    let underway = vigie::store::restore_journal::begin(root, &staging, &moves).unwrap();
    fs::rename(&moves[0].0, &moves[0].1).unwrap();
    drop(underway); // as the system does when the process dies
    let store = Store::open(root).unwrap();
    assert_eq!(store.interrupted_restore(), Some(1));
    assert!(store.list().unwrap().is_empty(), "the folder is as before");
    assert!(!staging.exists());
    assert!(!root.join(vigie::store::restore_journal::RESTORE_JOURNAL).exists());
    assert_eq!(Store::open(root).unwrap().interrupted_restore(), None);
}

#[test]
fn an_import_killed_half_way_leaves_no_photo_folder_for_ever() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut store = fast_store(root);
    let id = store.create(&sample_dossier()).unwrap();
    let orphan = root.join("dossiers/2026-77.photos");
    let kept = root.join(format!("dossiers/{id}.photos"));
    for folder in [&orphan, &kept] {
        fs::create_dir_all(folder).unwrap();
        fs::write(folder.join("ab.jpg"), small_jpeg(8, 8, 0)).unwrap();
        crate::util::age_file(folder, 30);
    }
    drop(store);
    Store::open(root).unwrap();
    assert!(!orphan.exists(), "no dossier of its id: removed");
    assert!(kept.exists());
}

#[cfg(unix)]
#[test]
fn an_open_data_folder_is_made_private_and_said_so() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    fs::create_dir_all(&root).unwrap();
    fs::set_permissions(&root, fs::Permissions::from_mode(0o755)).unwrap();
    let store = Store::open(&root).unwrap();
    assert_eq!(crate::util::mode(&root), 0o700);
    assert_eq!(store.tightened_folders(), std::slice::from_ref(&root));
    assert!(Store::open(&root).unwrap().tightened_folders().is_empty());
}

#[cfg(unix)]
#[test]
fn an_export_never_follows_a_link_planted_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "mine").unwrap();
    // The name an export used to write to first.
    let planted = dir
        .path()
        .join(format!(".rapport.html.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    vigie::store::write_atomic(&dir.path().join("rapport.html"), b"<html>").unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "mine");
    assert_eq!(fs::read(dir.path().join("rapport.html")).unwrap(), b"<html>");
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
        })
        .collect();
    // Only the planted link is left: no temporary file of the export.
    let planted_name = planted.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(left, vec![planted_name]);
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&dir.path().join("rapport.html")), 0o600);
}

#[test]
fn a_report_skips_a_photo_that_lies_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id, dossier) = referent_folder(&dir.path().join("mine"));
    let library = vigie::library::Library::load(None);
    let mut report = vigie::report::build(
        &dossier,
        &library,
        vigie::report::Profile::Full,
        vigie::i18n::Lang::En,
        chrono::Local::now(),
    );
    let owner = PhotoOwner::Dossier(id);
    let mut first = true;
    vigie::report::attach_photos(
        &mut report,
        &dossier,
        &library,
        vigie::i18n::Lang::En,
        &mut |photo| {
            if std::mem::take(&mut first) {
                Some(lying_jpeg(65000, 65000))
            } else {
                store
                    .data_folder()
                    .read_photo(&owner, &photo.id, vigie::store::PhotoSize::Full)
                    .ok()
                    .map(|b| b.to_vec())
            }
        },
    );
    assert_eq!(report.photos.missing, 1);
    assert_eq!(report.photo_files().filter(|p| !p.file.is_empty()).count(), 1);
    let pdf = dir.path().join("r.pdf");
    vigie::report::export(&report, vigie::report::Format::Pdf, &pdf).unwrap();
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

#[cfg(unix)]
#[test]
fn an_interrupted_backup_leaves_no_temporary_file_beside_it() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let mut store = fast_store(&root);
    let id = store.create(&sample_dossier()).unwrap();
    let photos = root.join("dossiers").join(format!("{id}.photos"));
    fs::create_dir_all(&photos).unwrap();
    let jpeg = small_jpeg(400, 300, 4);
    for n in 0..3000 {
        fs::write(photos.join(format!("p{n:05}.jpg")), &jpeg).unwrap();
    }
    let out_dir = dir.path().join("out");
    fs::create_dir_all(&out_dir).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["--lang", "en", "--data-dir"])
        .arg(&root)
        .args(["backup", "--out"])
        .arg(out_dir.join("all.vigie"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{HANDOVER}").unwrap();
    // Wait until the temporary file exists, then interrupt.
    let started = std::time::Instant::now();
    let tmp_exists = || {
        fs::read_dir(&out_dir)
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    };
    while !tmp_exists() && started.elapsed() < std::time::Duration::from_mins(1) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the backup ended before its temporary file could be seen"
    );
    let pid = i32::try_from(child.id()).unwrap();
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    assert!(!status.success());
    let left: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_chronology_prints_a_lying_photo_as_its_caption() {
    use vigie::model::journal::{Entry, EventKind, Journal};
    use vigie::report::{Format, chronology};
    let mut journal = Journal::new();
    let mut entry = Entry::draft(
        EventKind::Vehicle,
        crate::journal::at("2026-11-12 21:40"),
        chrono::Utc::now(),
    );
    entry.what = "Voiture grise".into();
    let (good, liar) = (PhotoId("good".into()), PhotoId("liar".into()));
    entry.photos = [(&good, "La plaque"), (&liar, "Le conducteur")]
        .into_iter()
        .map(|(id, caption)| vigie::model::PhotoRef {
            id: id.clone(),
            caption: caption.into(),
            width: 8,
            height: 8,
            added: chrono::Utc::now(),
        })
        .collect();
    journal.add(entry, chrono::Utc::now());
    let mut c = chronology::build(&journal, vigie::i18n::Lang::Fr, chrono::Local::now());
    chronology::attach_photos(&mut c, &journal, &mut |p| {
        Some(if p.id == good {
            small_jpeg(16, 12, 1)
        } else {
            lying_jpeg(65000, 65000)
        })
    });
    assert_eq!(c.photo_files().count(), 1, "only the true photo is printed");
    let pdf = chronology::render(&c, Format::Pdf).unwrap();
    assert_eq!(crate::photo_report::pdf_images(&pdf), 1);
    let html = String::from_utf8(chronology::render(&c, Format::Html).unwrap()).unwrap();
    assert!(html.contains("Le conducteur"), "its caption stays");
}

#[test]
fn a_backup_with_a_photo_that_lies_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("mine");
    let mut store = fast_store(&root);
    let id = store.create(&sample_dossier()).unwrap();
    let photos = root.join("dossiers").join(format!("{id}.photos"));
    fs::create_dir_all(&photos).unwrap();
    for n in 0..40 {
        fs::write(photos.join(format!("p{n:03}.jpg")), small_jpeg(24, 16, 2)).unwrap();
    }
    fs::write(photos.join("p999.jpg"), lying_jpeg(65000, 65000)).unwrap();
    let file = dir.path().join("all.vigie");
    backup(&store, &file);
    let into = dir.path().join("restored");
    let err = restore(&into, &file).unwrap_err();
    assert!(matches!(err, ArchiveError::Photo(_)), "{err:?}");
    assert!(err.to_string().contains("p999.jpg"), "{err}");
    assert!(fast_store(&into).list().unwrap().is_empty(), "nothing restored");
}
