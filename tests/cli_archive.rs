//! `vigie attach`, `handover`, `import`, `backup` and `restore`, run as a
//! process, passphrases on standard input.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use vigie::store::Store;

use crate::util::{jpeg_with_gps, sample_dossier};

const FILE_PASSPHRASE: &str = "girafe bleue au marché du samedi 31";

/// Runs `vigie --data-dir ROOT --lang LANG ARGS…` with `stdin` as its
/// standard input.
fn vigie(root: &Path, lang: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .arg("--data-dir")
        .arg(root)
        .args(["--lang", lang])
        .args(args)
        .env_remove("VIGIE_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_referent_attaches_photos_hands_over_and_the_household_imports() {
    let dir = tempfile::tempdir().unwrap();
    let referent = dir.path().join("referent");
    // The first built-in checklist and its first item, whatever the
    // built-in content.
    let library = vigie::library::Library::load(None);
    let checklist = library.checklists.first().unwrap();
    let item = checklist.items().next().unwrap().id.to_string();
    let item = item.as_str();
    let mut dossier = sample_dossier();
    dossier.checklists = vec![checklist.id.clone()];
    let mut store = Store::open(&referent).unwrap();
    let id = store.create(&dossier).unwrap();
    let photo = dir.path().join("IMG_0001.jpg");
    fs::write(&photo, jpeg_with_gps(32, 24, 1)).unwrap();
    let junk = dir.path().join("notes.txt");
    fs::write(&junk, "not a photo").unwrap();

    // A refused photo: nothing added, the file named.
    let out = vigie(
        &referent,
        "fr",
        &[
            "attach",
            id.as_str(),
            item,
            &photo.display().to_string(),
            &junk.display().to_string(),
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("notes.txt"), "{}", text(&out.stderr));
    assert_eq!(store.load(&id).unwrap().photo_count(), 0);

    // By title, with a caption.
    let out = vigie(
        &referent,
        "en",
        &[
            "attach",
            "Domicile principal",
            item,
            &photo.display().to_string(),
            "--caption",
            "Gate lamp",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("without metadata"),
        "{}",
        text(&out.stdout)
    );
    let dossier = store.load(&id).unwrap();
    assert_eq!(dossier.photo_count(), 1);
    assert_eq!(dossier.all_photos().next().unwrap().1.caption, "Gate lamp");

    // An unknown item.
    let out = vigie(
        &referent,
        "en",
        &[
            "attach",
            id.as_str(),
            "no.such.item",
            &photo.display().to_string(),
        ],
        "",
    );
    assert!(!out.status.success());

    // Handover by file path; a weak passphrase first.
    let file = dir.path().join("visit.vigie");
    let path = store.dossier_path(&id).display().to_string();
    let out = vigie(
        &referent,
        "fr",
        &["handover", &path, "--out", &file.display().to_string()],
        "1234\n",
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("trop facile"), "{}", text(&out.stderr));
    assert!(!file.exists());
    let out = vigie(
        &referent,
        "fr",
        &["handover", &path, "--out", &file.display().to_string()],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("deux canaux"), "{}", text(&out.stdout));

    // The household imports it: preview, then the dossier.
    let home = dir.path().join("home");
    let out = vigie(
        &home,
        "en",
        &["import", &file.display().to_string()],
        "wrong passphrase here\n",
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("wrong passphrase"),
        "{}",
        text(&out.stderr)
    );
    let out = vigie(
        &home,
        "en",
        &["import", &file.display().to_string()],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(
        shown.contains("Domicile principal") && shown.contains("photos: 1"),
        "{shown}"
    );
    let home_store = Store::open(&home).unwrap();
    assert_eq!(home_store.list().unwrap().len(), 1);

    // Again: without a choice it stops; with --replace the first goes to the trash.
    let out = vigie(
        &home,
        "en",
        &["import", &file.display().to_string()],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--replace"), "{}", text(&out.stderr));
    let out = vigie(
        &home,
        "en",
        &["import", &file.display().to_string(), "--replace"],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(home_store.list().unwrap().len(), 1);
    assert_eq!(home_store.list_trash().unwrap().len(), 1);

    // A full backup of the household, restored elsewhere.
    let backup = dir.path().join("all.vigie");
    let out = vigie(
        &home,
        "en",
        &["backup", "--out", &backup.display().to_string()],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let elsewhere = dir.path().join("new-computer");
    let out = vigie(
        &elsewhere,
        "en",
        &["restore", &backup.display().to_string(), "--yes"],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let restored = Store::open(&elsewhere).unwrap();
    assert_eq!(restored.list().unwrap().len(), 1);
    assert_eq!(restored.list_trash().unwrap().len(), 1);
    let out = vigie(
        &elsewhere,
        "fr",
        &["import", &backup.display().to_string()],
        &format!("{FILE_PASSPHRASE}\n"),
    );
    assert!(
        text(&out.stderr).contains("vigie restore"),
        "{}",
        text(&out.stderr)
    );
}
