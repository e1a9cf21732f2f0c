//! `vigie journal …`: the household's log of suspicious events from the
//! command line. `list` prints the entries, newest first; `verify` checks
//! the log's chain of seals and its photos' files (exit code 1 when
//! something was changed outside Vigie, each finding named); `export`
//! writes the chronology of events (PDF or HTML, from the file's extension
//! unless `--format` says otherwise) or, with `--bundle`, the evidence
//! bundle (zip). Exports are not encrypted: a warning says so on standard
//! error.
//!
//! An encrypted data folder asks for its passphrase (typed without echo on
//! a terminal, else the first line of standard input). Messages are in
//! French or English ([`Messages`]).

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Subcommand;

use super::{Cli, FormatArg, message_lang, read_passphrase};
use crate::i18n::tr;
use crate::lang::Lang;
use crate::model::journal::Journal;
use crate::model::journal::chain::sha256_hex;
use crate::report::chronology::findings;
use crate::report::household_text::{chronology_warning, datetime_format, event_kind_name};
use crate::report::{ExportError, Format, chronology};
use std::collections::BTreeMap;

use crate::model::journal::ChainProblem;
use crate::model::{PhotoId, PhotoRef};
use crate::store::{DataFolder, Encryption, PhotoOwner, PhotoSize, Store};

/// What to do with the log of suspicious events.
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Print the entries, newest first: date and time, kind, place, whether
    /// reported.
    List,
    /// Check the log's chain of seals and its photos' files: an entry
    /// changed, removed or moved outside Vigie is named. Exit code 1 when
    /// something is wrong.
    Verify,
    /// Write the chronology of events (oldest first) as PDF or HTML, or
    /// the evidence bundle (zip), to hand to the officer taking a
    /// complaint. The file is not encrypted.
    Export {
        /// Where to write the chronology; `.pdf` or `.html` chooses the
        /// format.
        #[arg(
            long,
            value_name = "FILE",
            required_unless_present = "bundle",
            conflicts_with = "bundle"
        )]
        out: Option<PathBuf>,
        /// The format, when the file's extension does not say.
        #[arg(long, value_enum, conflicts_with = "bundle")]
        format: Option<FormatArg>,
        /// Write the evidence bundle instead: the chronology as PDF, the
        /// photos, SHA256SUMS (checked with `sha256sum -c`), the chain's
        /// head and a note for the officer, in one zip.
        #[arg(long, value_name = "FILE.zip")]
        bundle: Option<PathBuf>,
    },
}

/// The command's messages in one language.
#[derive(Debug)]
pub struct Messages {
    /// The journal has no entry.
    pub empty: &'static str,
    /// "reported" in a listed line.
    pub reported: &'static str,
    /// "not reported" in a listed line.
    pub not_reported: &'static str,
    /// "withdrawn" in a listed line.
    pub withdrawn: &'static str,
    /// The output's extension says no format.
    pub unknown_format: &'static str,
    /// The prompt for the passphrase.
    pub passphrase: &'static str,
    /// The chronology was written (followed by the path).
    pub exported: &'static str,
    /// The bundle was written (path, files, photos).
    pub bundled: fn(&str, usize, usize) -> String,
    /// The chain is intact (its head).
    pub intact: fn(&str) -> String,
    /// The log has no chain yet.
    pub not_sealed: &'static str,
    /// Something was changed outside Vigie (how many findings).
    pub broken: fn(usize) -> String,
}

const FR: Messages = Messages {
    empty: "Aucun fait noté dans le journal.",
    reported: "signalé",
    not_reported: "non signalé",
    withdrawn: "retiré",
    unknown_format: "impossible de déduire le format de l’extension du fichier\u{a0}: utilisez .pdf ou .html, ou --format pdf|html",
    passphrase: "Phrase de passe de Vigie\u{a0}: ",
    exported: "Chronologie écrite dans",
    bundled: |path, files, photos| {
        format!(
            "Dossier de preuves écrit dans {path} ({files}\u{a0}fichiers dont {photos}\u{a0}photos, vérifiables avec sha256sum -c SHA256SUMS)"
        )
    },
    intact: |head| format!("Chaîne intacte\u{a0}: {head}"),
    not_sealed: "Journal pas encore scellé\u{a0}: sa chaîne commencera à sa prochaine modification.",
    broken: |n| format!("Journal modifié hors de Vigie\u{a0}: {n}\u{a0}constat(s)"),
};

const EN: Messages = Messages {
    empty: "No event in the journal.",
    reported: "reported",
    not_reported: "not reported",
    withdrawn: "withdrawn",
    unknown_format: "cannot tell the format from the file's extension: use .pdf or .html, or --format pdf|html",
    passphrase: "Vigie passphrase: ",
    exported: "Chronology written to",
    bundled: |path, files, photos| {
        format!(
            "Evidence bundle written to {path} ({files} files, {photos} photos among them, checked with sha256sum -c SHA256SUMS)"
        )
    },
    intact: |head| format!("Chain intact: {head}"),
    not_sealed: "Log not sealed yet: its chain will start at its next change.",
    broken: |n| format!("Log changed outside Vigie: {n} finding(s)"),
};

/// The messages in `lang`.
#[must_use]
pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The format of an export: `--format` if given, else the file's
/// extension (`.pdf`, `.html` or `.htm`, case ignored).
#[must_use]
pub fn export_format(out: &Path, format: Option<FormatArg>) -> Option<Format> {
    if let Some(format) = format {
        return Some(format.into());
    }
    let extension = out.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "pdf" => Some(Format::Pdf),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// Opens the data folder and reads the journal, unlocking the folder
/// first when it is encrypted.
fn load_journal(cli: &Cli, lang: Lang) -> anyhow::Result<(Journal, Store)> {
    let root = Store::default_root(cli.data_dir.clone()).context("no data folder could be determined")?;
    let store_error = |e: &crate::store::StoreError| anyhow::anyhow!((tr(lang).store_error)(e));
    let mut store = Store::open(&root).map_err(|e| store_error(&e))?;
    if store.encryption() == Encryption::Locked {
        let passphrase = read_passphrase(messages(lang).passphrase)?;
        store.unlock(&passphrase).map_err(|e| store_error(&e))?;
    }
    let (journal, _) = store.load_household::<Journal>().map_err(|e| store_error(&e))?;
    Ok((journal, store))
}

/// Runs `vigie journal …`. Returns the exit code.
pub fn run(
    cli: &Cli,
    command: &JournalCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let lang = message_lang(cli, None);
    let m = messages(lang);
    match command {
        JournalCommand::List => {
            let (journal, _) = load_journal(cli, lang)?;
            if journal.entries.is_empty() {
                writeln!(out, "{}", m.empty)?;
            }
            for original in journal.newest_first() {
                let entry = original.current();
                let mut line = format!(
                    "{}  {}",
                    entry.when.format(datetime_format(lang)),
                    event_kind_name(entry.kind, lang)
                );
                if !entry.place.trim().is_empty() {
                    line.push_str(" — ");
                    line.push_str(entry.place.trim());
                }
                let _ = write!(
                    line,
                    "  [{}]",
                    if entry.is_reported() {
                        m.reported
                    } else {
                        m.not_reported
                    }
                );
                if entry.is_withdrawn() {
                    let _ = write!(line, " [{}]", m.withdrawn);
                }
                writeln!(out, "{line}")?;
            }
            Ok(0)
        }
        JournalCommand::Verify => verify(cli, lang, out),
        JournalCommand::Export {
            bundle: Some(path), ..
        } => {
            let (journal, store) = load_journal(cli, lang)?;
            let folder = store.data_folder();
            let mut load = |p: &crate::model::PhotoRef| folder.photo_for_report(&PhotoOwner::Journal, p);
            let bundle =
                chronology::bundle::export_bundle(&journal, lang, chrono::Local::now(), &mut load, path)
                    .map_err(|e| export_error(e, lang))?;
            writeln!(err, "{}", chronology_warning(lang))?;
            let shown = path.display().to_string();
            writeln!(
                out,
                "{}",
                (m.bundled)(&shown, bundle.sums.len() + 1, bundle.photos)
            )?;
            Ok(0)
        }
        JournalCommand::Export {
            out: None,
            bundle: None,
            ..
        } => Err(anyhow::anyhow!(m.unknown_format)),
        JournalCommand::Export {
            out: Some(path),
            format,
            ..
        } => {
            let format = export_format(path, *format).ok_or_else(|| anyhow::anyhow!(m.unknown_format))?;
            let (journal, store) = load_journal(cli, lang)?;
            let mut chronology = chronology::build(&journal, lang, chrono::Local::now());
            let folder = store.data_folder();
            chronology::attach_photos(&mut chronology, &journal, &mut |p| {
                folder.photo_for_report(&PhotoOwner::Journal, p)
            });
            chronology::export(&chronology, format, path).map_err(|e| export_error(e, lang))?;
            writeln!(err, "{}", chronology_warning(lang))?;
            writeln!(out, "{} {}", m.exported, path.display())?;
            Ok(0)
        }
    }
}

fn export_error(e: ExportError, lang: Lang) -> anyhow::Error {
    match e {
        ExportError::Write(e) => anyhow::anyhow!((tr(lang).store_error)(&e)),
        other @ ExportError::Layout(_) => anyhow::anyhow!(other),
    }
}

/// `vigie journal verify`: the chain, then the photos' files; each finding
/// on its own line. Returns 1 when something is wrong.
fn verify(cli: &Cli, lang: Lang, out: &mut dyn Write) -> anyhow::Result<u8> {
    let m = messages(lang);
    let (journal, store) = load_journal(cli, lang)?;
    let mut check = journal.verify();
    check
        .problems
        .extend(check_photos(&journal, &store.data_folder()));
    let lines = findings::verification_lines(&check, lang);
    if check.is_intact() {
        match &check.head {
            Some(head) => writeln!(out, "{}", (m.intact)(&findings::head_text(head, lang)))?,
            None => writeln!(out, "{}", m.not_sealed)?,
        }
        for line in lines {
            writeln!(out, "{line}")?;
        }
        return Ok(0);
    }
    writeln!(out, "{}", (m.broken)(check.problems.len()))?;
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(1)
}

/// Checks the sealed photos' files of `journal` against their seals: the
/// files are read and hashed on two threads (`vigie-verify`), each once.
#[must_use]
pub fn check_photos(journal: &Journal, folder: &DataFolder) -> Vec<ChainProblem> {
    let photos: Vec<&PhotoRef> = {
        let mut seen = std::collections::BTreeSet::new();
        journal
            .entries
            .iter()
            .flat_map(crate::model::journal::Entry::all_photos)
            .filter(|p| seen.insert(p.id.clone()))
            .collect()
    };
    let hash = |p: &PhotoRef| {
        folder
            .read_photo(&PhotoOwner::Journal, &p.id, PhotoSize::Full)
            .ok()
            .map(|bytes| sha256_hex(&bytes))
    };
    let half = photos.len().div_ceil(2);
    let (first, second) = photos.split_at(half);
    let mut hashes: BTreeMap<PhotoId, Option<String>> = BTreeMap::new();
    std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .name("vigie-verify".to_owned())
            .spawn_scoped(scope, || {
                second.iter().map(|p| (p.id.clone(), hash(p))).collect::<Vec<_>>()
            });
        hashes.extend(first.iter().map(|p| (p.id.clone(), hash(p))));
        match other {
            Ok(handle) => match handle.join() {
                Ok(done) => hashes.extend(done),
                // A panic there: those photos are hashed here.
                Err(_) => hashes.extend(second.iter().map(|p| (p.id.clone(), hash(p)))),
            },
            Err(_) => hashes.extend(second.iter().map(|p| (p.id.clone(), hash(p)))),
        }
    });
    journal.verify_photos(&mut |p| hashes.get(&p.id).cloned().flatten())
}
