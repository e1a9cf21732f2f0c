//! The layers of the code hold: the model, the store, the report, the
//! archive and the photo code never use egui nor the window's text catalog
//! (`crate::i18n`), so that they are tested without a window and print the
//! same words whatever the window shows.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, and `dir` itself when it is a file.
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut out = Vec::new();
    for entry in fs::read_dir(path).unwrap() {
        out.extend(rust_files(&entry.unwrap().path()));
    }
    out.retain(|p| p.extension().is_some_and(|e| e == "rs"));
    out.sort();
    out
}

#[test]
fn model_store_report_and_archive_know_nothing_of_the_window() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let below_the_window = [
        "model",
        "store",
        "report",
        "archive",
        "photo.rs",
        "words.rs",
        "lang.rs",
        "library.rs",
        "exposure_library.rs",
        "settings.rs",
    ];
    let mut checked = 0;
    for part in below_the_window {
        let files = rust_files(&src.join(part));
        assert!(!files.is_empty(), "{part} exists");
        for file in files {
            // The code, not its comments (which may say "no egui here").
            let text: String = fs::read_to_string(&file)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for forbidden in ["egui", "eframe", "crate::i18n", "crate::app", "super::i18n"] {
                assert!(!text.contains(forbidden), "{} uses {forbidden}", file.display());
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} files checked");
}
