//! Crash safety, proven: the real binary saves version after version of a
//! dossier (`vigie debug-save-loop`) and is killed with SIGKILL at varied
//! moments, many times over. Every time, the dossier file and its backup
//! must each be a whole version: the one before the save in progress, or
//! the one it was writing; never truncated, never missing.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use vigie::cli::{CRASH_TEST_ID, crash_test_version};
use vigie::model::checklist::ItemId;
use vigie::store::read_dossier;

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
fn whole_version(path: &Path) -> u64 {
    let dossier = read_dossier(path).unwrap_or_else(|e| panic!("{} is damaged: {e}", path.display()));
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

#[test]
fn a_dossier_killed_during_saves_is_always_the_old_or_the_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let file = root.join("dossiers").join(format!("{CRASH_TEST_ID}.ron"));
    let backup = root.join("dossiers").join(format!("{CRASH_TEST_ID}.ron.bak"));
    let mut on_disk: Option<u64> = None;
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    let mut killed_mid_run = 0;

    for _ in 0..ROUNDS {
        let mut child = save_loop(root, 1_000_000).spawn().unwrap();
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
            let version = whole_version(&file);
            let before = confirmed.unwrap_or(0);
            assert!(
                version == before || version == before + 1,
                "file at v{version}, last confirmed v{before}"
            );
            on_disk = Some(version);
        } else {
            assert_eq!(confirmed, None, "a saved dossier disappeared");
        }
        if backup.exists() {
            let version = whole_version(&backup);
            assert!(
                Some(version) <= on_disk,
                "backup v{version} newer than the file {on_disk:?}"
            );
        }
    }
    assert!(
        killed_mid_run > ROUNDS / 2,
        "only {killed_mid_run} kills hit a running process"
    );

    // After all that, a run that is not killed goes on from the last
    // version and finishes.
    let start = on_disk.unwrap_or(0);
    let status = save_loop(root, start + 3).status().unwrap();
    assert!(status.success());
    assert_eq!(whole_version(&file), start + 3);
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
