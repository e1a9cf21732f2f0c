//! The chronology of events, the log's export for a complaint: PDF and
//! HTML (oldest first, accents, markup kept literal, self-contained), and
//! `vigie journal list` and `vigie journal export` as a process.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{Local, TimeZone as _};
use vigie::lang::Lang;
use vigie::model::journal::{Entry, EventKind, Journal};
use vigie::report::{Format, chronology};
use vigie::store::Store;

use crate::journal::{at, sample_journal};
use crate::util::date;

fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).unwrap()
}

fn made_on() -> chrono::DateTime<Local> {
    Local.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

const HOSTILE: &str = "<script>alert('x')</script> & #set page(width: 2cm) *gras* $x^2$ #panic(\"boom\") ]";

#[test]
fn the_chronology_pdf_is_oldest_first_with_accents_and_literal_markup() {
    let mut journal = sample_journal();
    let mut hostile = Entry::draft(
        EventKind::Other,
        at("2026-11-15 12:00"),
        date("2026-11-20T10:00:00Z"),
    );
    hostile.what = HOSTILE.into();
    journal.add(hostile, date("2026-11-20T10:00:00Z"));
    let c = chronology::build(&journal, Lang::Fr, made_on());
    assert_eq!(c.count, 5);
    assert_eq!(c.period, "du 12/11/2026 au 16/11/2026");
    let numbers: Vec<usize> = c.entries.iter().map(|e| e.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert!(
        c.repeated
            .iter()
            .any(|r| r.contains("AB-123-CD") && r.contains("3\u{a0}fois"))
    );

    let pdf = chronology::render(&c, Format::Pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for expected in [
        "Chronologie des faits",
        "CONFIDENTIEL",
        "Foyer Léa et Marc",
        "Véhicule",
        "MC-2026-4471",
        "Non signalé",
        "La voiture depuis la fenêtre de l’étage",
        "Document rédigé par le foyer avec Vigie",
        "#set page(width: 2cm)",
        "*gras*",
        "#panic(\"boom\")",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    // Oldest first: the watching (12/11), the call (13/11), the car again
    // (14/11), the hostile text (15/11), the second call (16/11).
    let order: Vec<usize> = ["photographiait", "conseiller", "allumé", "#set", "policier"]
        .iter()
        .map(|needle| text.find(needle).unwrap_or_else(|| panic!("{needle} in {text}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn the_chronology_html_is_escaped_and_self_contained() {
    let mut journal = sample_journal();
    journal.household = HOSTILE.into();
    let c = chronology::build(&journal, Lang::En, made_on());
    let html = chronology::render_html(&c);
    assert!(html.contains("default-src 'none'"));
    for external in ["<link", "<script", "src=", "url(", "@import"] {
        assert!(!html.contains(external), "has {external}");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; #set page"));
    assert!(html.contains("Chronology of events") && html.contains("Not reported"));
    assert!(html.contains("seen 3 times since 2026-11-12"));
    let first = html.find("photographiait").unwrap();
    let last = html.find("se dit maintenant policier").unwrap();
    assert!(first < last, "oldest first");
}

pub fn vigie(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigie"));
    command
        .args(args)
        .env_remove("VIGIE_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    {
        use std::io::Write as _;
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn saved_sample(dir: &Path) {
    let store = Store::open(dir).unwrap();
    let (_, mut file) = store.load_household::<Journal>().unwrap();
    store.save_household(&mut file, &sample_journal()).unwrap();
}

#[test]
fn the_cli_exports_by_extension_or_by_format_and_warns() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let data = dir.path().to_str().unwrap();
    let pdf = dir.path().join("chronologie.PDF");
    let out = vigie(
        &[
            "--lang",
            "en",
            "--data-dir",
            data,
            "journal",
            "export",
            "--out",
            pdf.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not encrypted"), "{stderr}");
    #[cfg(unix)]
    assert_eq!(crate::util::mode(&pdf), 0o600);

    let txt = dir.path().join("chronologie.txt");
    let out = vigie(
        &[
            "--lang",
            "fr",
            "--data-dir",
            data,
            "journal",
            "export",
            "--out",
            txt.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format"));
    assert!(!txt.exists());

    let out = vigie(
        &[
            "--lang",
            "fr",
            "--data-dir",
            data,
            "journal",
            "export",
            "--out",
            txt.to_str().unwrap(),
            "--format",
            "html",
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = fs::read_to_string(&txt).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Chronologie des faits"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n’est pas chiffré"));
    // --format wins over the extension.
    let out = vigie(
        &[
            "--data-dir",
            data,
            "journal",
            "export",
            "--out",
            pdf.to_str().unwrap(),
            "--format",
            "html",
        ],
        None,
    );
    assert!(out.status.success());
    assert!(fs::read_to_string(&pdf).unwrap().starts_with("<!DOCTYPE html>"));
}

#[test]
fn the_cli_lists_newest_first_and_unlocks_an_encrypted_folder() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let mut store = Store::open(dir.path()).unwrap();
    store.set_kdf_work_factor(2);
    let passphrase = "cheval agrafe batterie correcte";
    store
        .enable_encryption(&age::secrecy::SecretString::from(passphrase.to_owned()))
        .unwrap();
    let data = dir.path().to_str().unwrap();
    let out = vigie(
        &["--lang", "en", "--data-dir", data, "journal", "list"],
        Some(&format!("{passphrase}\n")),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("2026-11-16 09:30  Phone call"), "{stdout}");
    assert!(
        lines[3].contains("Devant la maison") && lines[3].ends_with("[reported]"),
        "{stdout}"
    );

    let out = vigie(
        &["--lang", "en", "--data-dir", data, "journal", "list"],
        Some("wrong\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("passphrase"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// A journal file cut short or with a byte flipped never crashes the
    /// loader: it loads or fails with an error, and is left as it was.
    #[test]
    fn a_damaged_journal_file_is_an_error_not_a_crash(
        cut in proptest::prelude::any::<usize>(),
        at in proptest::prelude::any::<usize>(),
        mask in 1..=255_u8,
    ) {
        let dir = tempfile::tempdir().unwrap();
        saved_sample(dir.path());
        let store = Store::open(dir.path()).unwrap();
        let path = store.household_path::<Journal>();
        let mut bytes = fs::read(&path).unwrap();
        let len = bytes.len();
        bytes[at % len] ^= mask;
        bytes.truncate(cut % (len + 1));
        fs::write(&path, &bytes).unwrap();
        if store.load_household::<Journal>().is_err() {
            proptest::prop_assert_eq!(fs::read(&path).unwrap(), bytes);
        }
    }
}
