//! Encryption at rest, simulated disk faults and two copies of Vigie on one
//! data folder, at the store level.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use age::secrecy::SecretString;
use vigie::model::Status;
use vigie::model::checklist::ItemId;
use vigie::store::{AGE_MAGIC, Encryption, KEY_FILE, LOCK_FILE, Store, StoreError};

use crate::util::{date, sample_dossier};

/// A passphrase strong enough for the app to accept.
pub const PASSPHRASE: &str = "violet tramway sous la pluie 1987";

/// The note of `sample_dossier`, searched for in the files.
const NOTE: &[u8] = "Côté jardin".as_bytes();

pub fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A store with a cheap key derivation, so that tests stay fast.
pub fn fast_store(root: &Path) -> Store {
    let mut store = Store::open(root).unwrap();
    store.set_kdf_work_factor(10);
    store
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The files of the data folder that contain the note in plain text.
fn plaintext_copies(root: &Path) -> Vec<PathBuf> {
    files_under(root)
        .into_iter()
        .filter(|p| contains(&fs::read(p).unwrap(), NOTE))
        .collect()
}

/// A data folder with a dossier, its backup, a trashed dossier and a
/// temporary file left by a crash, all in plain text.
fn folder_with_history(root: &Path) -> (Store, vigie::model::DossierId) {
    let mut store = fast_store(root);
    let id = store.create(&sample_dossier()).unwrap();
    let gone = store.create(&sample_dossier()).unwrap();
    store.trash(&gone, date("2026-11-03T09:00:00Z")).unwrap();
    // A new session, so that the next save keeps a backup.
    let mut store = fast_store(root);
    let mut dossier = store.load(&id).unwrap();
    dossier.set_status(
        &ItemId::from("alarm.tests"),
        Status::Done,
        date("2026-11-04T09:00:00Z"),
    );
    store.save(&id, &dossier).unwrap();
    assert!(store.backup_path(&id).exists());
    fs::write(
        store.dossiers_dir().join(".left-by-a-crash.ron.1234.tmp"),
        "Côté jardin",
    )
    .unwrap();
    assert!(plaintext_copies(root).len() >= 4, "{:?}", plaintext_copies(root));
    (store, id)
}

#[test]
fn turning_encryption_on_leaves_no_plain_copy_and_everything_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = folder_with_history(dir.path());
    let before = store.load(&id).unwrap();

    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    assert_eq!(store.encryption(), Encryption::Unlocked);
    assert_eq!(plaintext_copies(dir.path()), Vec::<PathBuf>::new());
    for path in files_under(&dir.path().join("dossiers"))
        .into_iter()
        .chain(files_under(&dir.path().join("trash")))
    {
        assert!(
            fs::read(&path).unwrap().starts_with(AGE_MAGIC),
            "{}",
            path.display()
        );
        assert_eq!(crate::util::mode(&path), 0o600, "{}", path.display());
    }
    assert!(
        fs::read(dir.path().join(KEY_FILE))
            .unwrap()
            .starts_with(AGE_MAGIC)
    );

    // The open dossier can still be saved: converting it is not a change by
    // someone else.
    let mut edited = before.clone();
    edited.set_note(
        &ItemId::from("alarm.tests"),
        "Testée le 4",
        date("2026-11-04T10:00:00Z"),
    );
    store.save(&id, &edited).unwrap();
    assert!(plaintext_copies(dir.path()).is_empty());

    // A new session starts locked: nothing is readable.
    let mut store = fast_store(dir.path());
    assert_eq!(store.encryption(), Encryption::Locked);
    assert!(matches!(store.load(&id), Err(StoreError::Locked { .. })));
    assert!(matches!(
        store.list().unwrap()[0].summary,
        Err(StoreError::Locked { .. })
    ));
    store.unlock(&secret(PASSPHRASE)).unwrap();
    assert_eq!(store.load(&id).unwrap(), edited);
    assert_eq!(store.load_backup(&id).unwrap(), sample_dossier());
    let trashed = files_under(&store.trash_dir());
    let trashed_dossier = trashed
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    assert_eq!(
        store.read_dossier_file(trashed_dossier).unwrap(),
        sample_dossier()
    );
}

#[test]
fn a_wrong_passphrase_is_refused_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _id) = folder_with_history(dir.path());
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let snapshot: Vec<(PathBuf, Vec<u8>)> = files_under(dir.path())
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();

    let mut store = fast_store(dir.path());
    assert!(matches!(
        store.unlock(&secret("not it")),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(store.encryption(), Encryption::Locked);
    assert!(matches!(
        store.disable_encryption(&secret("not it either")),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(store.encryption(), Encryption::Locked);
    for (path, bytes) in &snapshot {
        assert_eq!(&fs::read(path).unwrap(), bytes, "{} changed", path.display());
    }
    assert_eq!(files_under(dir.path()).len(), snapshot.len());
}

#[test]
fn changing_the_passphrase_rewraps_the_key_and_leaves_the_dossiers_alone() {
    const NEW: &str = "trois hérons sur la Loire en 2031";
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = folder_with_history(dir.path());
    let before = store.load(&id).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let dossiers: Vec<(PathBuf, Vec<u8>)> = files_under(&store.dossiers_dir())
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    let key_before = fs::read(dir.path().join(KEY_FILE)).unwrap();

    // A wrong current passphrase changes nothing.
    let mut store = fast_store(dir.path());
    assert!(matches!(
        store.change_passphrase(&secret("not it"), &secret(NEW)),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(store.encryption(), Encryption::Locked);
    assert_eq!(fs::read(dir.path().join(KEY_FILE)).unwrap(), key_before);

    store
        .change_passphrase(&secret(PASSPHRASE), &secret(NEW))
        .unwrap();
    assert_eq!(store.encryption(), Encryption::Unlocked);
    assert_ne!(fs::read(dir.path().join(KEY_FILE)).unwrap(), key_before);
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&dir.path().join(KEY_FILE)), 0o600);
    for (path, bytes) in &dossiers {
        assert_eq!(&fs::read(path).unwrap(), bytes, "{} changed", path.display());
    }
    assert!(plaintext_copies(dir.path()).is_empty());

    // The old passphrase no longer opens the folder; the new one does.
    let mut store = fast_store(dir.path());
    assert!(matches!(
        store.unlock(&secret(PASSPHRASE)),
        Err(StoreError::WrongPassphrase)
    ));
    store.unlock(&secret(NEW)).unwrap();
    assert_eq!(store.load(&id).unwrap(), before);
    let mut plain = fast_store(tempfile::tempdir().unwrap().path());
    assert!(matches!(
        plain.change_passphrase(&secret(NEW), &secret(PASSPHRASE)),
        Err(StoreError::NotEncrypted)
    ));
}

#[test]
fn turning_encryption_off_asks_for_the_passphrase_and_restores_plain_files() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = folder_with_history(dir.path());
    let before = store.load(&id).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    assert!(matches!(
        store.enable_encryption(&secret(PASSPHRASE)),
        Err(StoreError::AlreadyEncrypted)
    ));

    let mut store = fast_store(dir.path());
    store.disable_encryption(&secret(PASSPHRASE)).unwrap();
    assert_eq!(store.encryption(), Encryption::Off);
    assert!(!dir.path().join(KEY_FILE).exists());
    for path in files_under(&store.dossiers_dir()) {
        assert!(
            !fs::read(&path).unwrap().starts_with(AGE_MAGIC),
            "{}",
            path.display()
        );
    }
    assert_eq!(
        vigie::store::read_dossier(&store.dossier_path(&id)).unwrap(),
        before
    );
    assert!(matches!(
        store.disable_encryption(&secret(PASSPHRASE)),
        Err(StoreError::NotEncrypted)
    ));

    // A new session opens without a passphrase.
    let mut store = fast_store(dir.path());
    assert_eq!(store.encryption(), Encryption::Off);
    assert_eq!(store.load(&id).unwrap(), before);
}

#[test]
fn locking_forgets_the_key_and_refuses_to_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    assert!(fs::read(store.dossier_path(&id)).unwrap().starts_with(AGE_MAGIC));
    store.lock();
    assert_eq!(store.encryption(), Encryption::Locked);
    assert!(matches!(store.load(&id), Err(StoreError::Locked { .. })));
    assert!(matches!(
        store.save(&id, &sample_dossier()),
        Err(StoreError::Locked { .. })
    ));
    store.unlock(&secret(PASSPHRASE)).unwrap();
    assert_eq!(store.load(&id).unwrap(), sample_dossier());
}

#[test]
fn an_interrupted_conversion_is_finished_at_the_next_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let id = store.create(&sample_dossier()).unwrap();
    let other = store.create(&sample_dossier()).unwrap();
    // The disk fills up while the second dossier is converted.
    let other_path = store.dossier_path(&other);
    store.set_fault_hook(Some(Arc::new(move |p: &Path| {
        (p == other_path).then_some(io::ErrorKind::StorageFull)
    })));
    let err = store.enable_encryption(&secret(PASSPHRASE)).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
    // Nothing is lost: the half-converted folder still reads.
    assert_eq!(store.load(&id).unwrap(), sample_dossier());
    assert_eq!(store.load(&other).unwrap(), sample_dossier());

    let mut store = fast_store(dir.path());
    store.unlock(&secret(PASSPHRASE)).unwrap();
    assert!(plaintext_copies(dir.path()).is_empty());
    assert_eq!(store.load(&other).unwrap(), sample_dossier());
}

#[test]
fn the_key_file_is_a_standard_age_file() {
    // The recovery path: the key file decrypts with the passphrase alone
    // (as `age -d key.age` would), and the identity inside decrypts a
    // dossier (as `age -d -i key.txt dossier.ron` would).
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let id = store.create(&sample_dossier()).unwrap();

    let key_file = fs::read(dir.path().join(KEY_FILE)).unwrap();
    let scrypt = age::scrypt::Identity::new(secret(PASSPHRASE));
    let mut key_text = String::new();
    age::Decryptor::new(&key_file[..])
        .unwrap()
        .decrypt(std::iter::once(&scrypt as &dyn age::Identity))
        .unwrap()
        .read_to_string(&mut key_text)
        .unwrap();
    let identities = age::IdentityFile::from_buffer(key_text.as_bytes())
        .unwrap()
        .into_identities()
        .unwrap();
    let dossier_file = fs::read(store.dossier_path(&id)).unwrap();
    let mut plain = String::new();
    age::Decryptor::new(&dossier_file[..])
        .unwrap()
        .decrypt(identities.iter().map(|i| &**i as &dyn age::Identity))
        .unwrap()
        .read_to_string(&mut plain)
        .unwrap();
    assert!(plain.contains("Côté jardin"), "{plain}");
}

#[test]
fn a_full_disk_fails_clearly_keeps_the_old_file_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let id = store.create(&sample_dossier()).unwrap();
    let before = fs::read(store.dossier_path(&id)).unwrap();
    let full = Arc::new(AtomicBool::new(true));
    let flag = Arc::clone(&full);
    store.set_fault_hook(Some(Arc::new(move |_: &Path| {
        flag.load(Ordering::SeqCst).then_some(io::ErrorKind::StorageFull)
    })));
    let mut edited = sample_dossier();
    edited.title = "Modifié".into();
    match store.save(&id, &edited) {
        Err(StoreError::Io { source, .. }) => assert_eq!(source.kind(), io::ErrorKind::StorageFull),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read(store.dossier_path(&id)).unwrap(), before);
    assert_eq!(files_under(&store.dossiers_dir()), vec![store.dossier_path(&id)]);

    // Space is freed: the same store saves again.
    full.store(false, Ordering::SeqCst);
    store.save(&id, &edited).unwrap();
    assert_eq!(store.load(&id).unwrap().title, "Modifié");
}

#[test]
fn a_same_length_change_within_the_same_second_is_still_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = fast_store(dir.path());
    let id = first.create(&sample_dossier()).unwrap();
    let mut mine = first.load(&id).unwrap();
    let path = first.dossier_path(&id);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();

    // Another copy writes a version of exactly the same length, and the
    // file's time is put back as it was (a coarse-grained file system).
    let text = fs::read_to_string(&path).unwrap();
    let theirs = text.replace("Domicile principal", "Domicile secondair");
    assert_eq!(theirs.len(), text.len());
    fs::write(&path, &theirs).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();

    mine.title = "Ma version".into();
    assert!(matches!(
        first.save(&id, &mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their version is kept"
    );
}

#[test]
fn a_save_waits_while_another_copy_holds_the_folder_lock() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let id = store.create(&sample_dossier()).unwrap();
    let mut dossier = store.load(&id).unwrap();
    dossier.title = "Pendant le verrou".into();
    let job = store.save_job(&id, &dossier).unwrap();

    // Another copy of Vigie, in the middle of its own save, holds the lock:
    // this save must not check and write in between.
    let held = fs::File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.path().join(LOCK_FILE))
        .unwrap();
    held.lock().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    let saver = std::thread::Builder::new()
        .spawn(move || sender.send(job.run()).unwrap())
        .unwrap();
    assert!(
        receiver
            .recv_timeout(std::time::Duration::from_millis(300))
            .is_err(),
        "the save waits for the lock"
    );
    let path = store.dossier_path(&id);
    assert!(fs::read_to_string(&path).unwrap().contains("Domicile principal"));

    drop(held);
    let done = receiver.recv_timeout(std::time::Duration::from_mins(1)).unwrap();
    saver.join().unwrap();
    store.finish_save(done).unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("Pendant le verrou"));
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&dir.path().join(LOCK_FILE)), 0o600);
}

#[test]
fn a_dossier_deleted_elsewhere_is_not_silently_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = fast_store(dir.path());
    let id = first.create(&sample_dossier()).unwrap();
    let mine = first.load(&id).unwrap();
    let mut second = fast_store(dir.path());
    second.trash(&id, date("2026-11-05T09:00:00Z")).unwrap();
    assert!(matches!(
        first.save(&id, &mine),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert!(!first.dossier_path(&id).exists());
}

#[test]
fn a_read_only_folder_is_named_in_the_error_and_saving_works_once_fixed() {
    use vigie::i18n::{Lang, tr};
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let id = store.create(&sample_dossier()).unwrap();
    let before = fs::read(store.dossier_path(&id)).unwrap();
    for (kind, fr, en) in [
        (
            io::ErrorKind::ReadOnlyFilesystem,
            "le disque est en lecture seule",
            "read-only",
        ),
        (
            io::ErrorKind::PermissionDenied,
            "accès refusé",
            "permission denied",
        ),
        (io::ErrorKind::StorageFull, "le disque est plein", "disk is full"),
    ] {
        store.set_fault_hook(Some(Arc::new(move |_: &Path| Some(kind))));
        let err = store.save(&id, &sample_dossier()).unwrap_err();
        let fr_text = (tr(Lang::Fr).store_error)(&err);
        assert!(fr_text.contains(fr), "{fr_text}");
        assert!(
            fr_text.contains(&store.dossier_path(&id).display().to_string()),
            "{fr_text}"
        );
        let en_text = (tr(Lang::En).store_error)(&err).to_lowercase();
        assert!(en_text.contains(en), "{en_text}");
        assert_eq!(fs::read(store.dossier_path(&id)).unwrap(), before);
    }
    store.set_fault_hook(None);
    let mut edited = sample_dossier();
    edited.title = "Réparé".into();
    store.save(&id, &edited).unwrap();
    assert_eq!(store.load(&id).unwrap().title, "Réparé");
}

#[test]
fn passphrase_strength_refuses_the_easy_ones() {
    use vigie::passphrase::Strength;
    for weak in ["", "azerty", "motdepasse", "Vigie2025!", "password123"] {
        assert!(!Strength::of(weak).is_enough(), "{weak:?} accepted");
    }
    for strong in [
        PASSPHRASE,
        "cheval agrafe batterie correcte",
        "Lune-rousse_sur.Quimper44",
    ] {
        assert!(Strength::of(strong).is_enough(), "{strong:?} refused");
    }
}

#[test]
fn temporary_files_left_by_a_crash_are_removed_when_old() {
    let dir = tempfile::tempdir().unwrap();
    let store = fast_store(dir.path());
    let old = store.dossiers_dir().join(".20261101-090000.ron.4242.tmp");
    let fresh = store.dossiers_dir().join(".20261101-090000.ron.4343.tmp");
    let not_ours = store.dossiers_dir().join("notes.tmp");
    for path in [&old, &fresh, &not_ours] {
        fs::write(path, "Côté jardin").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    for path in [&old, &not_ours] {
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    drop(fast_store(dir.path()));
    assert!(!old.exists(), "an old leftover is removed");
    assert!(fresh.exists(), "a save in progress elsewhere is left alone");
    assert!(not_ours.exists(), "only Vigie's own temporary files");
}

#[test]
fn vigie_list_on_an_encrypted_folder_says_so_and_shows_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    store.create(&sample_dossier()).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["--lang", "en", "--data-dir"])
        .arg(dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("are encrypted: open Vigie and type your passphrase"),
        "{text}"
    );
    assert!(!text.contains("Domicile"), "{text}");
}

#[test]
fn an_encrypted_dossier_exports_with_the_passphrase_on_standard_input() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let mut store = fast_store(dir.path());
    let id = store.create(&crate::util::sample_dossier()).unwrap();
    store.enable_encryption(&secret(PASSPHRASE)).unwrap();
    let file = store.dossier_path(&id);
    let out = dir.path().join("export.html");
    let run = |passphrase: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args([
                "--lang",
                "en",
                "--data-dir",
                dir.path().to_str().unwrap(),
                "export",
            ])
            .arg(&file)
            .args(["--format", "html", "--out", out.to_str().unwrap()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{passphrase}").unwrap();
        child.wait_with_output().unwrap()
    };
    let refused = run("not the passphrase");
    assert!(!refused.status.success());
    assert!(!out.exists());
    let done = run(PASSPHRASE);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Domicile principal")
    );
}
