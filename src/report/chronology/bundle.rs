//! The evidence bundle of the log of events: one zip file to hand to the
//! officer taking a complaint, holding
//!
//! - the chronology as PDF (the chain's head on every page),
//! - the photos of the entries, every version's (`photos/`),
//! - `EMPREINTE-HEAD.txt`: the chain's head, and what the check found,
//! - `LISEZ-MOI.txt` and `README.txt`: how to check the files with
//!   standard tools, in French and in English,
//! - `SHA256SUMS`: the SHA-256 of every other file, in the format of
//!   `sha256sum -c`.
//!
//! Files are stored, not compressed (PDF and JPEG are compressed already),
//! with a fixed date, so that the same log gives the same files. The zip
//! is written crash-safely and privately (`0600`), and is **not
//! encrypted**, like every export. No network, no clock but the one given.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::path::Path;

use chrono::{DateTime, Local};

use super::findings::{head_text, verification_lines};
use super::{attach_photos, build, render_pdf};
use crate::lang::Lang;
use crate::model::journal::chain::sha256_hex;
use crate::model::journal::{Journal, Verification};
use crate::model::{PhotoId, PhotoRef};
use crate::report::ExportError;

/// The chronology's name in the bundle.
#[must_use]
pub fn chronology_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "chronologie-des-faits.pdf",
        Lang::En => "chronology-of-events.pdf",
    }
}

/// The file holding the chain's head.
pub const HEAD_FILE: &str = "EMPREINTE-HEAD.txt";
/// The list of hashes.
pub const SUMS_FILE: &str = "SHA256SUMS";

/// What a bundle holds, once written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// The zip's bytes.
    pub zip: Vec<u8>,
    /// Every file but `SHA256SUMS`, with its SHA-256, by name.
    pub sums: BTreeMap<String, String>,
    /// How many photos it holds.
    pub photos: usize,
    /// How many photos could not be read (their captions stay in the PDF).
    pub unread_photos: usize,
}

const README_FR: &str = "Journal des faits — dossier de preuves écrit par Vigie
=====================================================

Ce dossier contient la chronologie des faits notés par le foyer (PDF), les
photos jointes aux faits (dossier photos/), l’empreinte du journal
(EMPREINTE-HEAD.txt) et la liste des empreintes SHA-256 de chaque fichier
(SHA256SUMS).

Vérifier que les fichiers n’ont pas changé depuis qu’ils ont été écrits :

    unzip FICHIER.zip -d preuves && cd preuves
    sha256sum -c SHA256SUMS

Chaque ligne doit finir par « OK » (ou « Réussi »). Sous Windows
(PowerShell) : Get-FileHash -Algorithm SHA256 NOM, à comparer à la ligne de
SHA256SUMS ; sous macOS : shasum -a 256 -c SHA256SUMS.

Ce que cela prouve, et ce que cela ne prouve pas : si vous conservez
SHA256SUMS (ou son empreinte, sha256sum SHA256SUMS, notée dans votre
procès-verbal), tout changement ultérieur d’un fichier se verra. En
revanche, ce n’est pas un horodatage de confiance : Vigie fonctionne hors
ligne, les dates sont celles de l’ordinateur du foyer, et quiconque détient
le journal peut recalculer sa chaîne d’empreintes. L’empreinte du journal,
imprimée en bas de chaque page du PDF, permet de comparer ce document à un
export ultérieur du même journal.

Les photos sont celles enregistrées dans Vigie, redressées, réduites et
sans leurs métadonnées (position, appareil, date).
";

const README_EN: &str = "Log of events — evidence bundle written by Vigie
================================================

This folder holds the chronology of the events written down by the
household (PDF), the photos of the events (folder photos/), the log's
fingerprint (EMPREINTE-HEAD.txt) and the SHA-256 of every file
(SHA256SUMS).

To check that the files have not changed since they were written:

    unzip FILE.zip -d evidence && cd evidence
    sha256sum -c SHA256SUMS

Every line must end with \"OK\". On Windows (PowerShell): Get-FileHash
-Algorithm SHA256 NAME, to compare with the line in SHA256SUMS; on macOS:
shasum -a 256 -c SHA256SUMS.

What this proves, and what it does not: if you keep SHA256SUMS (or its own
hash, sha256sum SHA256SUMS, written in your report), any later change to a
file will show. It is not a trusted timestamp: Vigie works offline, the
dates are those of the household's computer, and whoever holds the log can
recompute its chain of hashes. The log's fingerprint, printed at the foot
of every page of the PDF, lets you compare this document with a later
export of the same log.

The photos are those stored in Vigie: turned upright, shrunk, and without
their metadata (position, camera, date).
";

/// The photo's name in the bundle: `photos/<event>-<n>-<id>.jpg`.
fn photo_name(number: usize, n: usize, id: &PhotoId) -> String {
    format!("photos/{number:04}-{n}-{id}.jpg")
}

/// Builds the bundle of `journal` in `lang`, made at `now`; `load` gives
/// a photo's JPEG bytes (the full photo), or `None` when its file cannot
/// be read.
pub fn build_bundle(
    journal: &Journal,
    lang: Lang,
    now: DateTime<Local>,
    load: &mut dyn FnMut(&PhotoRef) -> Option<Vec<u8>>,
) -> Result<Bundle, ExportError> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut by_id: BTreeMap<PhotoId, Vec<u8>> = BTreeMap::new();
    let mut unread_photos = 0;
    for (i, entry) in journal.chronological().into_iter().enumerate() {
        let mut n = 0;
        for photo in entry.all_photos() {
            if by_id.contains_key(&photo.id) {
                continue;
            }
            let Some(jpeg) = load(photo) else {
                unread_photos += 1;
                continue;
            };
            n += 1;
            files.push((photo_name(i + 1, n, &photo.id), jpeg.clone()));
            by_id.insert(photo.id.clone(), jpeg);
        }
    }
    let photos = files.len();
    // The photos' files against their seals, from the bytes just read.
    let mut check = journal.verify();
    check
        .problems
        .extend(journal.verify_photos(&mut |p| by_id.get(&p.id).map(|b| sha256_hex(b))));
    let mut chronology = build(journal, lang, now);
    chronology.chain_notes = verification_lines(&check, lang);
    attach_photos(&mut chronology, journal, &mut |p| by_id.get(&p.id).cloned());
    drop(by_id);
    let pdf = render_pdf(&chronology)?;
    drop(chronology);
    files.insert(0, (chronology_file(lang).to_owned(), pdf));
    files.push((HEAD_FILE.to_owned(), head_file(journal, &check, now).into_bytes()));
    files.push(("LISEZ-MOI.txt".to_owned(), README_FR.as_bytes().to_vec()));
    files.push(("README.txt".to_owned(), README_EN.as_bytes().to_vec()));
    let sums: BTreeMap<String, String> = files
        .iter()
        .map(|(name, bytes)| (name.clone(), sha256_hex(bytes)))
        .collect();
    let sums_text = sums.iter().fold(String::new(), |mut text, (name, hash)| {
        let _ = writeln!(text, "{hash}  {name}");
        text
    });
    files.push((SUMS_FILE.to_owned(), sums_text.into_bytes()));
    let zip = write_zip(&files).map_err(|e| ExportError::Layout(format!("zip: {e}")))?;
    Ok(Bundle {
        zip,
        sums,
        photos,
        unread_photos,
    })
}

/// The head file: the chain's head in both languages, and what the check
/// of the chain found when the bundle was made.
fn head_file(journal: &Journal, check: &Verification, now: DateTime<Local>) -> String {
    let mut text = String::new();
    let made = now.format("%Y-%m-%d %H:%M %:z");
    match journal.head() {
        Some(head) => {
            let _ = write!(text, "records: {}\nsha256: {}\n\n", head.records, head.hash);
            let _ = writeln!(text, "Empreinte du journal\u{a0}: {}", head_text(head, Lang::Fr));
            let _ = writeln!(text, "Log fingerprint: {}", head_text(head, Lang::En));
        }
        None => {
            text.push_str("records: 0\n\nJournal pas encore scellé (aucune modification depuis une version de Vigie qui ne le scellait pas).\nLog not sealed yet (no change since a version of Vigie that did not seal it).\n");
        }
    }
    let _ = write!(text, "\nÉcrit le / written on: {made}\n");
    for lang in [Lang::Fr, Lang::En] {
        let lines = verification_lines(check, lang);
        if check.is_intact() {
            text.push_str(match lang {
                Lang::Fr => "Vérification de la chaîne à l’écriture : intacte.\n",
                Lang::En => "Check of the chain when written: intact.\n",
            });
        }
        for line in lines {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn write_zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, zip::result::ZipError> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o600);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Builds the bundle and writes it to `path`, crash-safely and privately
/// (`0600`). Not encrypted: the caller shows
/// [`crate::report::household_text::chronology_warning`].
pub fn export_bundle(
    journal: &Journal,
    lang: Lang,
    now: DateTime<Local>,
    load: &mut dyn FnMut(&PhotoRef) -> Option<Vec<u8>>,
    path: &Path,
) -> Result<Bundle, ExportError> {
    let bundle = build_bundle(journal, lang, now, load)?;
    crate::store::write_atomic(path, &bundle.zip)?;
    Ok(bundle)
}
