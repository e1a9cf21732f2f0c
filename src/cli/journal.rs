//! `vigie journal …`: the household's log of suspicious events from the
//! command line. `list` prints the entries, newest first; `export` writes
//! the chronology of events (PDF or HTML, from the file's extension unless
//! `--format` says otherwise), which is not encrypted: a warning says so on
//! standard error.
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
use crate::report::household_text::{chronology_warning, datetime_format, event_kind_name};
use crate::report::{ExportError, Format, chronology};
use crate::store::{Encryption, PhotoOwner, Store};

/// What to do with the log of suspicious events.
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Print the entries, newest first: date and time, kind, place, whether
    /// reported.
    List,
    /// Write the chronology of events (oldest first) as PDF or HTML, to
    /// hand to the officer taking a complaint. The file is not encrypted.
    Export {
        /// Where to write it; `.pdf` or `.html` chooses the format.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The format, when the file's extension does not say.
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
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
    /// The output's extension says no format.
    pub unknown_format: &'static str,
    /// The prompt for the passphrase.
    pub passphrase: &'static str,
    /// The chronology was written (followed by the path).
    pub exported: &'static str,
}

const FR: Messages = Messages {
    empty: "Aucun fait noté dans le journal.",
    reported: "signalé",
    not_reported: "non signalé",
    unknown_format: "impossible de déduire le format de l’extension du fichier\u{a0}: utilisez .pdf ou .html, ou --format pdf|html",
    passphrase: "Phrase de passe de Vigie\u{a0}: ",
    exported: "Chronologie écrite dans",
};

const EN: Messages = Messages {
    empty: "No event in the journal.",
    reported: "reported",
    not_reported: "not reported",
    unknown_format: "cannot tell the format from the file's extension: use .pdf or .html, or --format pdf|html",
    passphrase: "Vigie passphrase: ",
    exported: "Chronology written to",
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
            for entry in journal.newest_first() {
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
                writeln!(out, "{line}")?;
            }
            Ok(0)
        }
        JournalCommand::Export { out: path, format } => {
            let format = export_format(path, *format).ok_or_else(|| anyhow::anyhow!(m.unknown_format))?;
            let (journal, store) = load_journal(cli, lang)?;
            let mut chronology = chronology::build(&journal, lang, chrono::Local::now());
            let folder = store.data_folder();
            chronology::attach_photos(&mut chronology, &journal, &mut |p| {
                folder.photo_for_report(&PhotoOwner::Journal, p)
            });
            chronology::export(&chronology, format, path).map_err(|e| match e {
                ExportError::Write(e) => anyhow::anyhow!((tr(lang).store_error)(&e)),
                other @ ExportError::Layout(_) => anyhow::anyhow!(other),
            })?;
            writeln!(err, "{}", chronology_warning(lang))?;
            writeln!(out, "{} {}", m.exported, path.display())?;
            Ok(0)
        }
    }
}
