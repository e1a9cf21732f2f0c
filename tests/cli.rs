//! The command line, run as a process.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use vigie::store::Store;

use crate::util::sample_dossier;

fn vigie(args: &[&str], env_data_dir: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigie"));
    command.args(args).env_remove("VIGIE_DATA_DIR");
    if let Some(dir) = env_data_dir {
        command.env("VIGIE_DATA_DIR", dir);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn builtin_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn validate_accepts_the_builtin_checklists() {
    let files = builtin_files();
    let mut args = vec!["--lang", "en", "validate"];
    args.extend(files.iter().map(String::as_str));
    let out = vigie(&args, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), files.len());
    assert!(text(&out.stdout).contains("valid ("));
}

#[test]
fn validate_checks_exposure_sources_with_their_own_rules() {
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/checklists/exposure/sources.ron");
    let out = vigie(&["--lang", "en", "validate", builtin], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("exposure sources"),
        "{}",
        text(&out.stdout)
    );
    // A source without its links is refused, with its line.
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.ron");
    fs::write(&mine, "(\n    sources: [\n        (id: \"x\"),\n    ],\n)\n").unwrap();
    let out = vigie(&["--lang", "en", "validate", mine.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("mine.ron"), "{}", text(&out.stderr));
}

#[test]
fn validate_lists_every_error_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let bad = dir.path().join("bad.ron");
    let source = fs::read_to_string(&builtin_files()[0]).unwrap();
    // A copy of a built-in checklist under another id clashes on every item.
    let copy = source.replacen("id: \"home-consultation\"", "id: \"my-visit\"", 1);
    fs::write(&good, "(id: \"x\", version: 1, title: (fr: \"Titre\", en: \"Title\"), summary: (fr: \"Résumé\", en: \"Summary\"), journeys: [Personal], sections: [(id: \"s\", title: (fr: \"S\", en: \"S\"), items: [(id: \"s.a\", title: (fr: \"A\", en: \"A\"), guidance: (fr: \"G\", en: \"G\"), priority: Low, sources: [\"https://example.org\"])])])").unwrap();
    fs::write(&bad, copy).unwrap();
    let out = vigie(
        &[
            "--lang",
            "en",
            "validate",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let bad_name = bad.display().to_string();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&bad_name)).collect();
    assert!(errors.len() > 10, "{stderr}");
    assert!(
        errors[0].contains("already exists in checklist “home-consultation”"),
        "{stderr}"
    );
    // file:line:col: message
    let rest = &errors[0][bad_name.len() + 1..];
    let mut parts = rest.splitn(3, ':');
    assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{rest}");
    assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{rest}");
    assert!(stderr.contains("1 file has errors"));
    assert!(text(&out.stdout).contains("good.ron: valid (1 items)") || text(&out.stdout).contains("valid"));
}

#[test]
fn validate_reports_syntax_errors_in_french_by_default_language_flag() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("cassé.ron");
    fs::write(&bad, "(\n    id: \"x\",\n    version: one,\n)").unwrap();
    let out = vigie(&["--lang", "fr", "validate", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("{}:3:", bad.display())), "{stderr}");
    assert!(stderr.contains("erreur de syntaxe RON"), "{stderr}");
}

#[test]
fn validate_without_files_is_a_usage_error() {
    let out = vigie(&["validate"], None);
    assert!(!out.status.success());
    assert!(!out.stderr.is_empty());
}

#[test]
fn list_prints_the_dossiers_of_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();

    for out in [
        vigie(
            &["--lang", "en", "--data-dir", dir.path().to_str().unwrap(), "list"],
            None,
        ),
        vigie(&["--lang", "en", "list"], Some(dir.path())),
    ] {
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.starts_with("Title"), "{stdout}");
        assert!(stdout.contains("Domicile principal"), "{stdout}");
        assert!(stdout.contains("Personal checklist"), "{stdout}");
        assert!(stdout.contains("2/"), "{stdout}");
        assert!(stdout.contains(&format!("{id}.ron")), "{stdout}");
    }
    // Every column named in the language asked for.
    let out = vigie(&["--lang", "fr", "list"], Some(dir.path()));
    let header = text(&out.stdout).lines().next().unwrap_or_default().to_owned();
    assert!(
        header.starts_with("Titre") && header.contains("Fichier"),
        "{header}"
    );
}

#[test]
fn list_shows_damaged_files_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(store.dossiers_dir().join("broken.ron"), "(title: ").unwrap();
    let out = vigie(
        &["--lang", "en", "--data-dir", dir.path().to_str().unwrap(), "list"],
        None,
    );
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("(unreadable)") && stdout.contains("line 1"),
        "{stdout}"
    );
}

#[test]
fn list_of_an_empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = vigie(
        &["--lang", "fr", "--data-dir", dir.path().to_str().unwrap(), "list"],
        None,
    );
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("Aucun dossier"));
}

#[test]
fn export_writes_a_dossier_summary_and_a_blank_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.create(&sample_dossier()).unwrap();
    let dossier_file = store.dossier_path(&id);
    let data = dir.path().to_str().unwrap();

    let html = dir.path().join("famille.html");
    let out = vigie(
        &[
            "--lang",
            "en",
            "--data-dir",
            data,
            "export",
            dossier_file.to_str().unwrap(),
            "--format",
            "html",
            "--profile",
            "family",
            "--out",
            html.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("not encrypted"), "the user is told");
    assert!(
        !text(&out.stderr).contains("weak points"),
        "the family handout holds no weak point, and the warning says what it holds: {}",
        text(&out.stderr)
    );
    let page = fs::read_to_string(&html).unwrap();
    assert!(page.contains("Family handout") || page.contains("Our vigilance practices"));
    assert!(!page.contains("à revoir"), "no note in the family handout");

    let pdf = dir.path().join("full.pdf");
    let out = vigie(
        &[
            "--lang",
            "fr",
            "--data-dir",
            data,
            "export",
            dossier_file.to_str().unwrap(),
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let blank = dir.path().join("vierge.pdf");
    let out = vigie(
        &[
            "export",
            "--checklist",
            &builtin_files()[0],
            "--profile",
            "blank",
            "--format",
            "pdf",
            "--out",
            blank.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(fs::read(&blank).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn export_to_a_bare_file_name_writes_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .current_dir(dir.path())
        .env_remove("VIGIE_DATA_DIR")
        .args(["export", "--checklist", &builtin_files()[0], "--profile", "blank"])
        .args(["--format", "html", "--out", "formulaire.html"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("introuvable"),
        "{}",
        text(&out.stderr)
    );
    let page = fs::read_to_string(dir.path().join("formulaire.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&dir.path().join("formulaire.html")), 0o600);
}

#[test]
fn export_refuses_a_blank_form_with_another_profile_and_a_bad_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.pdf");
    let out = vigie(
        &[
            "export",
            "--checklist",
            &builtin_files()[0],
            "--format",
            "pdf",
            "--out",
            target.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--profile blank"));
    let bad = dir.path().join("bad.ron");
    fs::write(&bad, "(id: \"x\",").unwrap();
    let out = vigie(
        &[
            "--lang",
            "en",
            "export",
            "--checklist",
            bad.to_str().unwrap(),
            "--profile",
            "blank",
            "--format",
            "html",
            "--out",
            target.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("bad.ron:1:"), "{}", text(&out.stderr));
    assert!(!target.exists());
}

#[test]
fn export_takes_the_format_from_the_file_name_and_says_when_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        Command::new(env!("CARGO_BIN_EXE_vigie"))
            .current_dir(dir.path())
            .env_remove("VIGIE_DATA_DIR")
            .args([
                "--lang",
                "en",
                "export",
                "--checklist",
                &builtin_files()[0],
                "--profile",
                "blank",
            ])
            .args(["--out", name])
            .output()
            .unwrap()
    };
    let out = run("form.html");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        fs::read_to_string(dir.path().join("form.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let out = run("form.PDF");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        fs::read(dir.path().join("form.PDF"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let out = run("form.txt");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("cannot tell the format"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("form.txt").exists(), "nothing written");
}
