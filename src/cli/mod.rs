//! The command line: `vigie` (the window), `vigie validate FILE…`,
//! `vigie list`, `vigie export`, and the photos, handover and backup
//! commands (`attach`, `handover`, `import`, `backup`, `restore`, in
//! [`archive`]).
//!
//! [`Cli`] is what clap parses; [`run`] carries out a command and returns
//! the process exit code. Output goes to the writers it is given, so the
//! commands are tested without a process.

pub mod archive;
pub mod journal;
mod terminal;
mod validate;

pub use terminal::{TerminalSafe, terminal_safe};

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{Lang, tr};
use crate::library::Library;
use crate::model::checklist::Origin;
use crate::model::validate::{IdRegistry, parse_checklist};
use crate::report::{Format, Profile};
use crate::store::Store;

/// Vigie: home security and family vigilance checklists, kept on this
/// computer.
#[derive(Debug, Parser)]
#[command(name = "vigie", version, about)]
pub struct Cli {
    /// The data folder (default: `$VIGIE_DATA_DIR`, else the platform's data
    /// folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The language of messages (default: the system's, French when unknown).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// What to do; no command opens the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A language on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Fr => Self::Fr,
            LangArg::En => Self::En,
        }
    }
}

/// An export format on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A4 PDF.
    Pdf,
    /// One self-contained HTML file.
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Pdf => Self::Pdf,
            FormatArg::Html => Self::Html,
        }
    }
}

/// What to print, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    /// The confidential report for the household or the référent.
    Full,
    /// A handout: the practices the family agreed and the emergency sheet.
    Family,
    /// One page: the numbers, who to call first, lines to fill by hand.
    Emergency,
    /// The checklist with empty boxes, for a visit on paper.
    Blank,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Full => Self::Full,
            ProfileArg::Family => Self::Family,
            ProfileArg::Emergency => Self::Emergency,
            ProfileArg::Blank => Self::Blank,
        }
    }
}

/// A command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check checklist files and list every error and warning (exit code 1
    /// only when a file has an error).
    Validate {
        /// The checklist files (RON).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the dossiers: title, journey, progress, last change, file.
    List,
    /// Export a dossier's summary, or a blank form of a checklist, as PDF
    /// or HTML. The exported file is not encrypted.
    Export {
        /// The dossier file (RON), for the full, family and emergency
        /// profiles.
        #[arg(value_name = "DOSSIER_FILE", required_unless_present = "checklist")]
        dossier: Option<PathBuf>,
        /// A checklist file (built-in or your own), for a blank form.
        #[arg(long, value_name = "CHECKLIST_FILE", conflicts_with = "dossier")]
        checklist: Option<PathBuf>,
        /// The output format (default: from the file's extension, `.pdf` or
        /// `.html`).
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// What to print.
        #[arg(long, value_enum, default_value = "full")]
        profile: ProfileArg,
        /// Where to write the file.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// The household's log of suspicious events: list it, or export the
    /// chronology of events (not encrypted).
    Journal {
        /// What to do.
        #[command(subcommand)]
        command: journal::JournalCommand,
    },
    /// Add photos to an item of a dossier: each is turned upright, shrunk
    /// and stripped of its metadata (GPS position, camera, date). DOSSIER:
    /// a dossier file of the data folder, its id, or its exact title.
    Attach {
        /// The dossier.
        #[arg(value_name = "DOSSIER")]
        dossier: String,
        /// The item's id (as in the checklists, e.g. `alarm.lighting`).
        #[arg(value_name = "ITEM_ID")]
        item: String,
        /// The photos (JPEG, PNG or WebP).
        #[arg(required = true, value_name = "PHOTO")]
        photos: Vec<PathBuf>,
        /// A caption for the photos.
        #[arg(long, value_name = "TEXT")]
        caption: Option<String>,
    },
    /// Write a dossier and its photos into one file encrypted with a
    /// passphrase, to hand over (pass the passphrase by another channel).
    Handover {
        /// The dossier: a dossier file of the data folder, its id, or its
        /// exact title.
        #[arg(value_name = "DOSSIER")]
        dossier: String,
        /// Where to write the file (`.vigie`).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Add the dossier of a handover file as a new dossier, after showing
    /// what it holds.
    Import {
        /// The handover file (`.vigie`).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not ask before importing.
        #[arg(long)]
        yes: bool,
        /// When the same dossier is already here, move it to the trash.
        #[arg(long, conflicts_with = "keep_both")]
        replace: bool,
        /// When the same dossier is already here, keep both.
        #[arg(long)]
        keep_both: bool,
    },
    /// Write the whole data folder into one file encrypted with a
    /// passphrase.
    Backup {
        /// Where to write the file (`.vigie`).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Leave the trash out.
        #[arg(long)]
        no_trash: bool,
    },
    /// Restore a backup file beside the dossiers here, overwriting none.
    Restore {
        /// The backup file (`.vigie`).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not ask before restoring.
        #[arg(long)]
        yes: bool,
    },
    /// For the crash test: saves versions of the dossier `crash-test`
    /// through the real store, one after the other, printing each version
    /// number once it is saved. An encrypted data folder is unlocked with
    /// the passphrase read from standard input. Hidden from `--help`.
    #[command(hide = true)]
    DebugSaveLoop {
        /// The last version to save.
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        /// Also add a photo before each save (written first).
        #[arg(long)]
        photos: bool,
    },
}

/// The id of the dossier that `debug-save-loop` writes.
pub const CRASH_TEST_ID: &str = "crash-test";

/// The version number `debug-save-loop` wrote in a dossier's title.
#[must_use]
pub fn crash_test_version(dossier: &crate::model::Dossier) -> Option<u64> {
    dossier.title.strip_prefix('v')?.parse().ok()
}

/// `debug-save-loop`: saves versions after the one on disk up to `count`.
/// Each version has a note of a different length, so a torn write would
/// show as a truncated file.
/// Reads the passphrase of an encrypted data folder: typed without echo
/// when standard input is a terminal (after `prompt` on standard error),
/// else the first line of standard input.
fn read_passphrase(prompt: &str) -> anyhow::Result<age::secrecy::SecretString> {
    use std::io::IsTerminal as _;
    let line = if std::io::stdin().is_terminal() {
        zeroize::Zeroizing::new(rpassword::prompt_password(prompt)?)
    } else {
        let mut line = zeroize::Zeroizing::new(String::new());
        std::io::stdin().read_line(&mut line)?;
        line
    };
    Ok(age::secrecy::SecretString::from(
        line.trim_end_matches(['\r', '\n']).to_owned(),
    ))
}

fn debug_save_loop(cli: &Cli, count: u64, photos: bool, out: &mut dyn Write) -> anyhow::Result<u8> {
    use crate::model::checklist::{ItemId, Journey};
    use crate::model::{Dossier, DossierId};

    let root = Store::default_root(cli.data_dir.clone()).context("no data folder could be determined")?;
    let mut store = Store::open(&root).map_err(|e| anyhow::anyhow!("{e}"))?;
    if store.encryption() == crate::store::Encryption::Locked {
        // An encrypted folder: the passphrase comes on standard input.
        let passphrase = read_passphrase("")?;
        store.unlock(&passphrase).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let id = DossierId(CRASH_TEST_ID.to_owned());
    let now = chrono::Utc::now();
    let (mut dossier, first) = if store.dossier_path(&id).exists() {
        let dossier = store.load(&id).map_err(|e| anyhow::anyhow!("{e}"))?;
        let last = crash_test_version(&dossier).context("not a crash-test dossier")?;
        (dossier, last + 1)
    } else {
        let dossier = Dossier::new(
            "v0",
            Journey::Personal,
            vec!["home-consultation".into()],
            None,
            now,
        );
        (dossier, 1)
    };
    let item = ItemId::from("alarm.lighting");
    for version in first..=count {
        dossier.title = format!("v{version}");
        let len = usize::try_from(version % 997).unwrap_or(0);
        dossier.set_note(&item, &"x".repeat(len), now);
        if photos {
            archive::crash_photo_round(&store, &id, &mut dossier, version, now)?;
        }
        store.save(&id, &dossier).map_err(|e| anyhow::anyhow!("{e}"))?;
        writeln!(out, "{version}")?;
        out.flush()?;
    }
    Ok(0)
}

/// The language for messages: `--lang`, else the settings, else the system.
#[must_use]
pub fn message_lang(cli: &Cli, store: Option<&Store>) -> Lang {
    cli.lang.map_or_else(
        || {
            store
                .and_then(|s| s.load_settings().ok())
                .and_then(|s| s.lang)
                .unwrap_or_else(Lang::from_system)
        },
        Lang::from,
    )
}

/// Runs a command. Returns the exit code: 0 on success, 1 when a checked
/// file has errors; errors about the data folder are returned.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    remove_temporary_files_when_interrupted();
    // Text from files (titles, notes, names) never reaches the terminal raw.
    let out = &mut TerminalSafe::new(out);
    let err = &mut TerminalSafe::new(err);
    run_command(cli, command, out, err)
}

/// On Ctrl-C, SIGTERM or SIGHUP, a command removes the temporary file it
/// was writing (an export, a handover, a backup) before it exits, from the
/// `vigie-signals` thread; what it was replacing is untouched. A restore
/// cut short is undone at the next start (see `store::restore_journal`).
fn remove_temporary_files_when_interrupted() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("vigie-signals".to_owned())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    crate::store::remove_temporary_files_in_progress();
                    std::process::exit(128 + signal);
                }
            });
    }
}

#[expect(clippy::too_many_lines, reason = "one arm per subcommand, each a few lines")]
fn run_command(cli: &Cli, command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    match command {
        Command::DebugSaveLoop { count, photos } => debug_save_loop(cli, *count, *photos, out),
        Command::Attach {
            dossier,
            item,
            photos,
            caption,
        } => archive::attach(cli, dossier, item, photos, caption.as_deref(), out),
        Command::Handover { dossier, out: path } => archive::handover(cli, dossier, path, out),
        Command::Import {
            file,
            yes,
            replace,
            keep_both,
        } => {
            let choice = match (*replace, *keep_both) {
                (true, _) => Some(crate::archive::IfAlreadyThere::Replace),
                (_, true) => Some(crate::archive::IfAlreadyThere::KeepBoth),
                _ => None,
            };
            archive::import(cli, file, *yes, choice, out, err)
        }
        Command::Backup { out: path, no_trash } => archive::backup(cli, path, *no_trash, out),
        Command::Restore { file, yes } => archive::restore(cli, file, *yes, out, err),
        Command::Journal { command } => journal::run(cli, command, out, err),
        Command::Validate { files } => validate::run(cli, files, out, err),
        Command::Export {
            dossier,
            checklist,
            format,
            profile,
            out: path,
        } => {
            let lang = message_lang(cli, None);
            let format = journal::export_format(path, *format)
                .ok_or_else(|| anyhow::anyhow!(journal::messages(lang).unknown_format))?;
            let profile = Profile::from(*profile);
            let t = tr(lang);
            let now = chrono::Local::now();
            let report = if let Some(file) = checklist {
                anyhow::ensure!(
                    profile == Profile::Blank,
                    "--checklist makes a blank form: use --profile blank"
                );
                let source = std::fs::read_to_string(file)
                    .with_context(|| format!("cannot read {}", file.display()))?;
                let name = file.display().to_string();
                let checklist =
                    parse_checklist(&source, &name, Origin::User(file.clone()), &mut IdRegistry::new())
                        .map_err(|e| anyhow::anyhow!("{}", e.describe(lang)))?
                        .checklist;
                crate::report::build_blank(&checklist, lang, now)
            } else if let Some(file) = dossier {
                let mut unlocked = None;
                let dossier = match crate::store::read_dossier(file) {
                    Err(crate::store::StoreError::Locked { .. }) => {
                        // An encrypted dossier: unlock the data folder.
                        let root = Store::default_root(cli.data_dir.clone())
                            .context("no data folder could be determined")?;
                        let mut store =
                            Store::open(&root).map_err(|e| anyhow::anyhow!((t.store_error)(&e)))?;
                        let passphrase = read_passphrase(t.passphrase_prompt)?;
                        store
                            .unlock(&passphrase)
                            .map_err(|e| anyhow::anyhow!((t.store_error)(&e)))?;
                        let dossier = store
                            .read_dossier_file(file)
                            .map_err(|e| anyhow::anyhow!((t.store_error)(&e)))?;
                        unlocked = Some(store);
                        dossier
                    }
                    other => other.map_err(|e| anyhow::anyhow!((t.store_error)(&e)))?,
                };
                let user_dir = Store::default_root(cli.data_dir.clone()).map(|root| root.join("checklists"));
                let library = Library::load(user_dir.as_deref());
                let mut report = crate::report::build(&dossier, &library, profile, lang, now);
                archive::attach_export_photos(&mut report, &dossier, &library, lang, file, unlocked.as_ref());
                report
            } else {
                anyhow::bail!("give a dossier file or --checklist");
            };
            crate::report::export(&report, format, path).map_err(|e| match e {
                crate::report::ExportError::Write(e) => anyhow::anyhow!((t.store_error)(&e)),
                other @ crate::report::ExportError::Layout(_) => anyhow::anyhow!(other),
            })?;
            writeln!(err, "{}", (t.journeys.export_warning_for)(profile))?;
            if report.photos.missing > 0 {
                writeln!(err, "{}", (t.photos_left_out)(report.photos.missing))?;
            }
            writeln!(out, "{}", (t.cli_exported)(&path.display().to_string()))?;
            Ok(0)
        }
        Command::List => {
            let root =
                Store::default_root(cli.data_dir.clone()).context("no data folder could be determined")?;
            let store = Store::open(&root)
                .map_err(|e| anyhow::anyhow!((tr(message_lang(cli, None)).store_error)(&e)))?;
            let lang = message_lang(cli, Some(&store));
            let t = tr(lang);
            if let Some(n) = store.interrupted_restore() {
                writeln!(err, "{}", (t.restore_undone)(n))?;
            }
            for dir in store.tightened_folders() {
                writeln!(err, "{}", (t.cli_tightened)(&dir.display().to_string()))?;
            }
            if store.encryption() == crate::store::Encryption::Locked {
                writeln!(
                    out,
                    "{}",
                    (t.cli_locked)(&store.dossiers_dir().display().to_string())
                )?;
                return Ok(0);
            }
            let library = Library::load(Some(&store.checklists_dir()));
            let listed = store
                .list_with(&library.checklists)
                .map_err(|e| anyhow::anyhow!((t.store_error)(&e)))?;
            if listed.is_empty() {
                writeln!(
                    out,
                    "{}",
                    (t.cli_no_dossier)(&store.dossiers_dir().display().to_string())
                )?;
                return Ok(0);
            }
            let mut rows = vec![[
                t.col_title.to_owned(),
                t.col_journey.to_owned(),
                t.col_progress.to_owned(),
                t.col_modified.to_owned(),
                t.col_file.to_owned(),
            ]];
            for entry in &listed {
                let file = entry.path.display().to_string();
                rows.push(match &entry.summary {
                    Ok(d) => [
                        d.title.clone(),
                        (t.journey_name)(d.journey).to_owned(),
                        format!(
                            "{} · {}",
                            (t.answered_of)(d.answered, d.total),
                            (t.score)(d.score)
                        ),
                        d.modified
                            .with_timezone(&chrono::Local)
                            .format(t.datetime_format)
                            .to_string(),
                        file,
                    ],
                    Err(e) => [
                        t.cli_damaged.to_owned(),
                        String::new(),
                        (t.store_error)(e),
                        String::new(),
                        file,
                    ],
                });
            }
            let widths: Vec<usize> = (0..5)
                .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
                .collect();
            for row in &rows {
                let mut line = String::new();
                for (c, cell) in row.iter().enumerate() {
                    line.push_str(cell);
                    if c + 1 < row.len() {
                        line.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
                    }
                }
                writeln!(out, "{}", line.trim_end())?;
            }
            Ok(0)
        }
    }
}
