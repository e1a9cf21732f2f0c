//! The handover and backup file: a round trip from the référent to the
//! household with photos and encryption on both sides, importing the same
//! dossier again, backup and restore, and every bad input refused with
//! nothing written.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use vigie::archive::{
    ArchiveError, ArchiveKind, BackupOptions, IfAlreadyThere, Limits, Manifest, ManifestEntry, open_handover,
};
use vigie::model::checklist::{ItemId, Journey};
use vigie::model::{Dossier, DossierId};
use vigie::store::{AGE_MAGIC, PhotoOwner, PhotoSize, Store};

use crate::security::{PASSPHRASE, fast_store, secret};
use crate::util::{date, jpeg_with_gps, png, sample_dossier, snapshot};

/// The passphrase chosen for the handover (not the folders').
pub const HANDOVER: &str = "marmotte orageuse devant le phare 42";

pub fn now() -> chrono::DateTime<chrono::Utc> {
    date("2026-12-01T10:00:00Z")
}

/// A référent's visit with two photos, in an encrypted folder.
pub fn referent_folder(root: &Path) -> (Store, DossierId, Dossier) {
    let mut store = fast_store(root);
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let mut dossier = sample_dossier();
    dossier.journey = Journey::Referent;
    dossier.title = "Visite — famille Martin".into();
    let id = store.create(&dossier).unwrap();
    let owner = PhotoOwner::Dossier(id.clone());
    for (name, bytes, caption) in [
        ("lamp.jpg", jpeg_with_gps(40, 30, 1), "Lampe du portail cassée"),
        ("ladder.png", png(36, 24), "Échelle près de l'abri"),
    ] {
        let source = root.join(name);
        fs::write(&source, bytes).unwrap();
        let photo = store
            .data_folder()
            .add_photo_file(&owner, &source, caption, now())
            .unwrap();
        dossier.add_photo(&ItemId::from("alarm.lighting"), photo, now());
        fs::remove_file(source).unwrap();
    }
    store.save(&id, &dossier).unwrap();
    (store, id, dossier)
}

fn handover_file(dir: &Path) -> (PathBuf, Dossier, Store, DossierId) {
    let (store, id, dossier) = referent_folder(&dir.join("referent"));
    let file = dir.join("visite.vigie");
    let written = store
        .data_folder()
        .write_handover(&id, &dossier, &file, &secret(HANDOVER), now())
        .unwrap();
    assert_eq!(written.photos, 2, "both photos handed over");
    (file, dossier, store, id)
}

#[test]
fn a_visit_goes_from_the_referent_to_the_household_with_its_photos() {
    let dir = tempfile::tempdir().unwrap();
    let (file, dossier, referent, referent_id) = handover_file(dir.path());
    let bytes = fs::read(&file).unwrap();
    assert!(bytes.starts_with(AGE_MAGIC), "an age file");
    for needle in [&b"Martin"[..], b"jardin", b"JFIF", b"manifest"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{needle:?} in clear"
        );
    }
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&file), 0o600);

    // The household's folder is encrypted with its own passphrase.
    let home = dir.path().join("household");
    let mut household = fast_store(&home);
    household
        .enable_encryption(&secret("autre phrase de la maison Martin 7"))
        .unwrap();
    let opened = open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap();
    let preview = opened.preview.dossier.clone().unwrap();
    assert_eq!(preview.title, "Visite — famille Martin");
    assert_eq!((preview.photos, preview.answered, preview.notes), (2, 2, 1));
    assert_eq!(opened.preview.kind, ArchiveKind::Handover);
    assert!(
        snapshot(&home.join("dossiers")).is_empty(),
        "nothing written before the import"
    );

    let imported = household
        .import_handover(opened, IfAlreadyThere::KeepBoth, now())
        .unwrap();
    let loaded = household.load(&imported.id).unwrap();
    assert_eq!(loaded, dossier);
    let owner = PhotoOwner::Dossier(imported.id.clone());
    let from = PhotoOwner::Dossier(referent_id);
    for (_, photo) in loaded.all_photos() {
        for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
            let path = household.data_folder().photo_path(&owner, &photo.id, size);
            assert!(
                fs::read(&path).unwrap().starts_with(AGE_MAGIC),
                "encrypted at home too"
            );
            assert_eq!(
                *household
                    .data_folder()
                    .read_photo(&owner, &photo.id, size)
                    .unwrap(),
                *referent.data_folder().read_photo(&from, &photo.id, size).unwrap()
            );
        }
    }
    assert!(
        fs::read(household.dossier_path(&imported.id))
            .unwrap()
            .starts_with(AGE_MAGIC)
    );
}

#[test]
fn the_same_dossier_again_is_kept_beside_or_replaces_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _, _) = handover_file(dir.path());
    let mut home = fast_store(&dir.path().join("home"));
    let open = || open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap();
    let first = home
        .import_handover(open(), IfAlreadyThere::KeepBoth, now())
        .unwrap();
    assert_eq!(
        home.same_dossiers(&first.dossier).unwrap(),
        vec![(first.id.clone(), first.dossier.title.clone())]
    );
    let second = home
        .import_handover(open(), IfAlreadyThere::KeepBoth, now())
        .unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(home.list().unwrap().len(), 2);

    let third = home
        .import_handover(open(), IfAlreadyThere::Replace, now())
        .unwrap();
    let mut replaced: Vec<DossierId> = third.replaced.iter().map(|(id, _)| id.clone()).collect();
    replaced.sort();
    assert_eq!(replaced, vec![first.id.clone(), second.id.clone()]);
    let listed: Vec<DossierId> = home.list().unwrap().into_iter().map(|l| l.id).collect();
    assert_eq!(listed, vec![third.id.clone()]);
    // The replaced ones are in the trash, with their photos.
    let trash = home.list_trash().unwrap();
    assert_eq!(trash.len(), 2);
    let photo_folders = fs::read_dir(home.trash_dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "photos")
        })
        .count();
    assert_eq!(photo_folders, 2);
}

#[test]
fn a_weak_passphrase_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id, dossier) = referent_folder(&dir.path().join("r"));
    let file = dir.path().join("x.vigie");
    let err = store
        .data_folder()
        .write_handover(&id, &dossier, &file, &secret("azerty"), now())
        .unwrap_err();
    assert!(matches!(err, ArchiveError::WeakPassphrase), "{err}");
    assert!(!file.exists());
}

fn open_err(file: &Path, passphrase: &str) -> ArchiveError {
    open_handover(file, &secret(passphrase), &Limits::default()).unwrap_err()
}

#[test]
fn a_wrong_passphrase_a_cut_or_altered_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _, _) = handover_file(dir.path());
    assert!(matches!(
        open_err(&file, "pas la bonne phrase du tout 12"),
        ArchiveError::WrongPassphrase { .. }
    ));

    let bytes = fs::read(&file).unwrap();
    let cut = dir.path().join("cut.vigie");
    fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let err = open_err(&cut, HANDOVER);
    assert!(matches!(err, ArchiveError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("cut.vigie"), "{err}");
    // Cut just before the end: the last chunk is missing.
    fs::write(&cut, &bytes[..bytes.len() - 10]).unwrap();
    assert!(matches!(open_err(&cut, HANDOVER), ArchiveError::Damaged { .. }));

    let altered = dir.path().join("altered.vigie");
    let mut changed = bytes.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x20;
    fs::write(&altered, changed).unwrap();
    assert!(matches!(
        open_err(&altered, HANDOVER),
        ArchiveError::Damaged { .. }
    ));

    let other = dir.path().join("photo.vigie");
    fs::write(&other, png(4, 4)).unwrap();
    assert!(matches!(
        open_err(&other, HANDOVER),
        ArchiveError::NotAnArchive { .. }
    ));
}

/// One entry of a hand-made archive: its name written as is in the tar
/// header (no checks), its type and content.
pub struct Raw {
    pub name: String,
    pub kind: tar::EntryType,
    pub bytes: Vec<u8>,
}

pub fn raw(name: &str, bytes: &[u8]) -> Raw {
    Raw {
        name: name.to_owned(),
        kind: tar::EntryType::Regular,
        bytes: bytes.to_vec(),
    }
}

/// A manifest listing `entries` as they are (sizes and checksums right).
pub fn manifest_of(kind: ArchiveKind, entries: &[Raw]) -> Manifest {
    use sha2::Digest as _;
    Manifest {
        format: "vigie-archive".into(),
        version: 1,
        kind,
        app_version: "0.1.0".into(),
        created: now(),
        dossier: None,
        entries: entries
            .iter()
            .map(|e| ManifestEntry {
                path: e.name.clone(),
                size: e.bytes.len() as u64,
                sha256: sha2::Sha256::digest(&e.bytes)
                    .iter()
                    .fold(String::new(), |mut hex, b| {
                        use std::fmt::Write as _;
                        write!(hex, "{b:02x}").unwrap();
                        hex
                    }),
                damaged: false,
            })
            .collect(),
    }
}

/// Writes a hand-made `.vigie` file: the manifest, then `entries`, their
/// names put in the tar headers unchecked.
pub fn craft(path: &Path, manifest: &Manifest, entries: &[Raw]) {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(HANDOVER.to_owned()));
    recipient.set_work_factor(10);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut out = Vec::new();
    let writer = encryptor.wrap_output(&mut out).unwrap();
    let mut tar = tar::Builder::new(writer);
    let manifest_bytes = serde_json::to_vec(manifest).unwrap();
    let all = std::iter::once(raw("manifest.json", &manifest_bytes)).chain(entries.iter().map(|e| Raw {
        name: e.name.clone(),
        kind: e.kind,
        bytes: e.bytes.clone(),
    }));
    for entry in all {
        let mut header = tar::Header::new_old();
        let name = entry.name.as_bytes();
        header.as_old_mut().name[..name.len()].copy_from_slice(name);
        header.set_entry_type(entry.kind);
        header.set_size(entry.bytes.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        tar.append(&header, entry.bytes.as_slice()).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    fs::File::create(path).unwrap().write_all(&out).unwrap();
}

pub fn dossier_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    fs::read(store.dossier_path(&id)).unwrap()
}

#[test]
fn hand_made_files_with_bad_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.vigie");
    let good = dossier_bytes();
    let check = |entries: Vec<Raw>, manifest: Option<Manifest>| {
        let manifest = manifest.unwrap_or_else(|| manifest_of(ArchiveKind::Handover, &entries));
        craft(&file, &manifest, &entries);
        open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap_err()
    };

    // The hand-made file itself is fine.
    let entries = vec![raw("dossier.ron", &good)];
    craft(&file, &manifest_of(ArchiveKind::Handover, &entries), &entries);
    open_handover(&file, &secret(HANDOVER), &Limits::default()).unwrap();

    let err = check(
        vec![raw("dossier.ron", &good), raw("/etc/cron.d/x", b"* * * * * x")],
        None,
    );
    assert!(
        matches!(
            err,
            ArchiveError::UnsafeEntry {
                reason: "an absolute path",
                ..
            }
        ),
        "{err}"
    );
    let err = check(
        vec![raw("dossier.ron", &good), raw("photos/../../x.jpg", b"x")],
        None,
    );
    assert!(matches!(err, ArchiveError::UnsafeEntry { .. }), "{err}");
    let link = Raw {
        name: "photos/ab.jpg".to_owned(),
        kind: tar::EntryType::Symlink,
        bytes: Vec::new(),
    };
    let err = check(vec![raw("dossier.ron", &good), link], None);
    assert!(
        matches!(err, ArchiveError::UnsafeEntry { reason: "a link", .. }),
        "{err}"
    );

    // Larger than the manifest says.
    let entries = vec![raw("dossier.ron", &good)];
    let mut manifest = manifest_of(ArchiveKind::Handover, &entries);
    manifest.entries[0].size -= 1;
    let err = check(entries, Some(manifest));
    assert!(matches!(err, ArchiveError::EntryTooLarge { .. }), "{err}");
    // Larger than the limit.
    let entries = vec![raw("dossier.ron", &good)];
    craft(&file, &manifest_of(ArchiveKind::Handover, &entries), &entries);
    let small = Limits {
        max_entry: 100,
        ..Limits::default()
    };
    let err = open_handover(&file, &secret(HANDOVER), &small).unwrap_err();
    assert!(
        matches!(err, ArchiveError::EntryTooLarge { max: 100, .. }),
        "{err}"
    );

    // Altered inside (checksum), not listed, missing.
    let entries = vec![raw("dossier.ron", &good)];
    let mut manifest = manifest_of(ArchiveKind::Handover, &entries);
    manifest.entries[0].sha256 = "0".repeat(64);
    assert!(matches!(
        check(entries, Some(manifest)),
        ArchiveError::Mismatch { .. }
    ));
    let manifest = manifest_of(ArchiveKind::Handover, &[raw("dossier.ron", &good)]);
    let err = check(
        vec![raw("dossier.ron", &good), raw("photos/ab.jpg", b"x")],
        Some(manifest),
    );
    assert!(
        matches!(
            err,
            ArchiveError::Mismatch {
                problem: "is not in the manifest",
                ..
            }
        ),
        "{err}"
    );

    // From a newer Vigie.
    let entries = vec![raw("dossier.ron", &good)];
    let mut manifest = manifest_of(ArchiveKind::Handover, &entries);
    manifest.version = 99;
    let err = check(entries, Some(manifest));
    assert!(matches!(err, ArchiveError::TooNew { version: 99, .. }), "{err}");

    // A dossier that does not parse: the error names the entry and line.
    let err = check(
        vec![raw("dossier.ron", b"(format_version: 1,\n title: oops")],
        None,
    );
    assert!(matches!(err, ArchiveError::Dossier(_)), "{err}");
    assert!(err.to_string().contains("bad.vigie:dossier.ron:"), "{err}");

    // A backup opened as a handover.
    let entries = vec![raw("settings.ron", b"()")];
    let manifest = manifest_of(ArchiveKind::Backup, &entries);
    assert!(matches!(
        check(entries, Some(manifest)),
        ArchiveError::WrongKind { .. }
    ));
}

/// A data folder with two dossiers (photos on one), one in the trash, a
/// checklist of the user's, settings and a journal file.
fn full_folder(root: &Path) -> Store {
    let (mut store, _, _) = referent_folder(root);
    let mut other = sample_dossier();
    other.title = "Résidence secondaire".into();
    other.created = date("2026-10-01T09:00:00Z");
    let gone = store.create(&other).unwrap();
    store.trash(&gone, now()).unwrap();
    store.create(&other).unwrap();
    fs::write(store.checklists_dir().join("mine.ron"), b"// my checklist").unwrap();
    store
        .save_settings(&vigie::settings::Settings::default())
        .unwrap();
    store
        .data_folder()
        .write_private(&root.join("journal.ron"), b"()")
        .unwrap();
    store
}

#[test]
fn a_backup_restores_into_an_empty_folder_and_beside_existing_dossiers() {
    let dir = tempfile::tempdir().unwrap();
    let store = full_folder(&dir.path().join("a"));
    let file = dir.path().join("all.vigie");
    store
        .data_folder()
        .write_backup(&file, &secret(HANDOVER), BackupOptions::default(), now())
        .unwrap();

    // Into a new, empty, encrypted folder.
    let mut fresh = fast_store(&dir.path().join("b"));
    fresh
        .enable_encryption(&secret("une autre phrase pour b 2026"))
        .unwrap();
    let opened = fresh
        .data_folder()
        .open_backup(&file, &secret(HANDOVER), &Limits::default())
        .unwrap();
    let counts = opened.preview.backup.clone().unwrap();
    assert_eq!(
        (counts.dossiers, counts.photos, counts.checklists, counts.trashed),
        (2, 2, 1, 1)
    );
    assert!(counts.settings && counts.household_files == 1);
    let restored = fresh.data_folder().restore_backup(opened).unwrap();
    assert_eq!(restored.dossiers.len(), 2);
    assert!(restored.dossiers.iter().all(|(a, b)| a == b));
    assert_eq!(fresh.list().unwrap().len(), 2);
    assert_eq!(fresh.list_trash().unwrap().len(), 1);
    assert!(dir.path().join("b/checklists/mine.ron").exists());
    let staging_left = fs::read_dir(dir.path().join("b"))
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().starts_with(".restore"));
    assert!(!staging_left, "the staging folder is gone");
    for (path, bytes) in snapshot(&dir.path().join("b/dossiers")) {
        assert!(
            bytes.starts_with(AGE_MAGIC),
            "{} encrypted with b's key",
            path.display()
        );
    }
    let keys: Vec<_> = snapshot(&dir.path().join("b"))
        .into_iter()
        .filter(|(p, _)| p.file_name().is_some_and(|n| n == "key.age"))
        .collect();
    assert_eq!(keys.len(), 1, "b's own key only");

    // Again, beside them: every id clashes, nothing is overwritten.
    let before = snapshot(&dir.path().join("b"));
    let opened = fresh
        .data_folder()
        .open_backup(&file, &secret(HANDOVER), &Limits::default())
        .unwrap();
    let again = fresh.data_folder().restore_backup(opened).unwrap();
    assert!(again.dossiers.iter().all(|(a, b)| a != b), "{:?}", again.dossiers);
    assert!(again.kept_existing.contains(&"settings.ron".to_owned()));
    assert!(again.kept_existing.contains(&"checklists/mine.ron".to_owned()));
    assert_eq!(fresh.list().unwrap().len(), 4);
    assert_eq!(fresh.list_trash().unwrap().len(), 2);
    let after = snapshot(&dir.path().join("b"));
    for (path, bytes) in &before {
        let now = after.iter().find(|(p, _)| p == path).map(|(_, b)| b);
        assert_eq!(now, Some(bytes), "{} unchanged", path.display());
    }
}

#[test]
fn a_backup_leaves_out_the_key_the_lock_and_temporary_files_and_maybe_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let store = full_folder(&dir.path().join("a"));
    fs::write(store.dossiers_dir().join(".x.ron.1.tmp"), b"partial").unwrap();
    let file = dir.path().join("all.vigie");
    let options = BackupOptions { include_trash: false };
    store
        .data_folder()
        .write_backup(&file, &secret(HANDOVER), options, now())
        .unwrap();
    let home = fast_store(&dir.path().join("b"));
    let opened = home
        .data_folder()
        .open_backup(&file, &secret(HANDOVER), &Limits::default())
        .unwrap();
    let names: Vec<&str> = opened.manifest.entries.iter().map(|e| e.path.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("key.age") && !n.contains(".lock") && !n.contains(".tmp")),
        "{names:?}"
    );
    assert!(names.iter().all(|n| !n.starts_with("trash/")), "{names:?}");
    assert!(
        names.contains(&"settings.ron") && names.contains(&"journal.ron"),
        "{names:?}"
    );
}

#[test]
fn a_restore_that_fails_half_way_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = full_folder(&dir.path().join("a"));
    let file = dir.path().join("all.vigie");
    store
        .data_folder()
        .write_backup(&file, &secret(HANDOVER), BackupOptions::default(), now())
        .unwrap();
    let root = dir.path().join("b");
    let mut target = fast_store(&root);
    let mut mine = sample_dossier();
    mine.title = "À moi".into();
    target.create(&mine).unwrap();
    let before = snapshot(&root);
    // The move of the trashed dossier fails (a full disk, say): the
    // dossiers already moved go back.
    target.set_fault_hook(Some(std::sync::Arc::new(|path: &Path| {
        let staged = path.to_string_lossy().contains(".restore-");
        (!staged
            && path.parent().is_some_and(|p| p.ends_with("trash"))
            && path.extension().is_some_and(|e| e == "ron"))
        .then_some(std::io::ErrorKind::StorageFull)
    })));
    let opened = target
        .data_folder()
        .open_backup(&file, &secret(HANDOVER), &Limits::default())
        .unwrap();
    let err = target.data_folder().restore_backup(opened).unwrap_err();
    assert!(err.to_string().contains("trash"), "{err}");
    assert_eq!(snapshot(&root), before, "the folder is as it was");
    // Failing while staging (writing the photos) changes nothing either.
    target.set_fault_hook(Some(std::sync::Arc::new(|path: &Path| {
        path.extension()
            .is_some_and(|e| e == "jpg")
            .then_some(std::io::ErrorKind::StorageFull)
    })));
    assert!(
        target
            .data_folder()
            .open_backup(&file, &secret(HANDOVER), &Limits::default())
            .is_err()
    );
    assert_eq!(snapshot(&root), before);
}
