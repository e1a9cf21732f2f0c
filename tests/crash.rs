//! Crash safety, proven: the real binary saves version after version of a
//! dossier (`vigie debug-save-loop`) and is killed with SIGKILL at varied
//! moments, many times over. Every time, the dossier file and its backup
//! must each be a whole version: the one before the save in progress, or
//! the one it was writing; never truncated, never missing. Both in plain
//! text and with encryption on.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use vigie::cli::{CRASH_TEST_ID, crash_test_version};
use vigie::model::checklist::ItemId;
use vigie::store::{AGE_MAGIC, Store};

use crate::security::{PASSPHRASE, fast_store, secret};

/// How many times the process is killed.
const ROUNDS: u64 = 40;

/// A small deterministic pseudo-random sequence (xorshift), so that the
/// kill moments vary without a random-number crate.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn save_loop(root: &Path, count: u64) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigie"));
    command
        .arg("--data-dir")
        .arg(root)
        .arg("debug-save-loop")
        .arg("--count")
        .arg(count.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

/// Checks that a file is a whole version, and returns that version.
fn whole_version(store: &Store, path: &Path) -> u64 {
    let dossier = store
        .read_dossier_file(path)
        .unwrap_or_else(|e| panic!("{} is damaged: {e}", path.display()));
    let version = crash_test_version(&dossier).expect("a crash-test dossier");
    let note = dossier.note(&ItemId::from("alarm.lighting"));
    assert_eq!(
        note.len(),
        usize::try_from(version % 997).unwrap(),
        "{}: torn content",
        path.display()
    );
    version
}

/// Starts the save loop, giving it the passphrase when there is one.
fn start(root: &Path, count: u64, passphrase: Option<&str>) -> Child {
    let mut command = save_loop(root, count);
    command.stdin(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(passphrase) = passphrase {
        writeln!(stdin, "{passphrase}").unwrap();
    }
    drop(stdin);
    child
}

/// Kills the save loop `rounds` times at varied moments; checks every file
/// after each kill; then lets one run finish.
fn kill_during_saves(root: &Path, rounds: u64, passphrase: Option<&str>) {
    let file = root.join("dossiers").join(format!("{CRASH_TEST_ID}.ron"));
    let backup = root.join("dossiers").join(format!("{CRASH_TEST_ID}.ron.bak"));
    let mut store = Store::open(root).unwrap();
    if let Some(passphrase) = passphrase {
        store.unlock(&secret(passphrase)).unwrap();
    }
    let mut on_disk: Option<u64> = None;
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    let mut killed_mid_run = 0;

    for _ in 0..rounds {
        let mut child = start(root, 1_000_000, passphrase);
        std::thread::sleep(Duration::from_millis(2 + next(&mut rng) % 40));
        child.kill().unwrap(); // SIGKILL on Unix.
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        // The last version the process confirmed, else what was there.
        let confirmed = out
            .lines()
            .filter_map(|l| l.trim().parse::<u64>().ok())
            .next_back()
            .or(on_disk);

        if file.exists() {
            let version = whole_version(&store, &file);
            let before = confirmed.unwrap_or(0);
            assert!(
                version == before || version == before + 1,
                "file at v{version}, last confirmed v{before}"
            );
            on_disk = Some(version);
            if passphrase.is_some() {
                assert!(fs::read(&file).unwrap().starts_with(AGE_MAGIC));
            }
        } else {
            assert_eq!(confirmed, None, "a saved dossier disappeared");
        }
        if backup.exists() {
            let version = whole_version(&store, &backup);
            assert!(
                Some(version) <= on_disk,
                "backup v{version} newer than the file {on_disk:?}"
            );
        }
    }
    assert!(
        killed_mid_run > rounds / 2,
        "only {killed_mid_run} kills hit a running process"
    );

    // After all that, a run that is not killed goes on from the last
    // version and finishes.
    let start_version = on_disk.unwrap_or(0);
    let status = start(root, start_version + 3, passphrase).wait().unwrap();
    assert!(status.success());
    assert_eq!(whole_version(&store, &file), start_version + 3);
}

#[test]
fn a_dossier_killed_during_saves_is_always_the_old_or_the_new_version() {
    let dir = tempfile::tempdir().unwrap();
    kill_during_saves(dir.path(), ROUNDS, None);
}

#[test]
fn an_encrypted_dossier_killed_during_saves_is_always_whole_too() {
    let dir = tempfile::tempdir().unwrap();
    fast_store(dir.path())
        .enable_encryption(&secret(PASSPHRASE))
        .unwrap();
    kill_during_saves(dir.path(), ROUNDS / 2, Some(PASSPHRASE));
}

#[test]
fn the_save_loop_is_hidden_from_help() {
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("validate") && help.contains("list"), "{help}");
    assert!(!help.contains("debug"), "{help}");
}

/// Checks every photo file of the crash-test dossier: each whole (it
/// decodes to the end), and each photo the dossier refers to present.
fn photos_whole(store: &Store, dossier_file: &Path) {
    use vigie::store::{PhotoOwner, PhotoSize};
    let owner = PhotoOwner::Dossier(vigie::model::DossierId(CRASH_TEST_ID.to_owned()));
    let folder = store.data_folder();
    let dir = store.photos_dir(&owner);
    for entry in fs::read_dir(&dir).into_iter().flatten() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // a temporary file: never read
        }
        let (id, size) = vigie::store::photo_id_of_file(&name).expect("only photo files");
        folder
            .load_pixels(&owner, &id, size)
            .unwrap_or_else(|e| panic!("{name} is damaged: {e}"));
    }
    if dossier_file.exists() {
        let dossier = store.read_dossier_file(dossier_file).unwrap();
        for (_, photo) in dossier.all_photos() {
            for size in [PhotoSize::Full, PhotoSize::Thumbnail] {
                assert!(
                    folder.photo_path(&owner, &photo.id, size).exists(),
                    "photo {} of the dossier is missing",
                    photo.id
                );
            }
        }
    }
}

#[test]
fn photos_written_while_killed_are_whole_and_never_missing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let file = root.join("dossiers").join(format!("{CRASH_TEST_ID}.ron"));
    let store = Store::open(root).unwrap();
    let mut rng = 0x2545_F491_4F6C_DD1D_u64;
    let mut confirmed_any = false;
    for _ in 0..ROUNDS / 2 {
        let mut command = save_loop(root, 1_000_000);
        let mut child = command.arg("--photos").stdin(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(5 + next(&mut rng) % 60));
        child.kill().unwrap();
        child.wait().unwrap();
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        confirmed_any |= out.lines().any(|l| l.trim().parse::<u64>().is_ok());
        if file.exists() {
            whole_version(&store, &file);
        }
        photos_whole(&store, &file);
    }
    assert!(confirmed_any, "no save finished between kills");
    assert!(store.read_dossier_file(&file).unwrap().photo_count() > 0);
}
