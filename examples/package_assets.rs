//! Writes what the packages carry besides the binary, generated from the
//! clap definitions in `src/cli.rs`: a man page for `vigie` and one for each
//! visible subcommand, found recursively (`vigie-validate.1`, …), and the
//! shell completions for bash, zsh and fish. Used by `packaging/build.sh`:
//!
//! ```sh
//! cargo run --release --example package_assets -- OUT_DIR
//! ```
//!
//! writes `OUT_DIR/man/*.1` and `OUT_DIR/completions/{vigie.bash,_vigie,vigie.fish}`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory as _;
use clap_complete::Shell;

/// What the top page says after the options: the environment and the files.
const ROOT_EXTRA: &str = r".SH ENVIRONMENT
.TP
\fBVIGIE_DATA_DIR\fR
The data folder, when \fB\-\-data\-dir\fR is not given.
.TP
\fBXDG_DATA_HOME\fR
On Linux, the default data folder is \fI$XDG_DATA_HOME/vigie\fR.
.SH FILES
.TP
\fI~/.local/share/vigie/\fR
The data folder on Linux: \fIdossiers/\fR (one RON file per dossier and its
\fI.bak\fR backup), \fItrash/\fR, \fIchecklists/\fR (your own checklists) and
\fIsettings.ron\fR. Removing the package never removes it.
.SH NOTES
Vigie has no network code: nothing leaves the computer.
Exports (PDF, HTML) are not encrypted.
";

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: package_assets OUT_DIR");
        return ExitCode::from(2);
    };
    match write_all(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("package_assets: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(out: &Path) -> anyhow::Result<()> {
    let mut cmd = vigie::cli::Cli::command().disable_help_subcommand(true);
    cmd.build();

    let man = out.join("man");
    std::fs::create_dir_all(&man).with_context(|| format!("cannot create {}", man.display()))?;
    write_man(&cmd, &man, true)?;

    let completions = out.join("completions");
    std::fs::create_dir_all(&completions)
        .with_context(|| format!("cannot create {}", completions.display()))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = cmd.clone();
        clap_complete::generate_to(shell, &mut cmd, "vigie", &completions)
            .with_context(|| format!("cannot write the {shell} completions"))?;
    }
    Ok(())
}

/// Writes the man page of `cmd`, then those of its visible subcommands,
/// recursively: a command added to `src/cli.rs` gets its page without a
/// change here.
fn write_man(cmd: &clap::Command, dir: &Path, root: bool) -> anyhow::Result<()> {
    let page = clap_mangen::Man::new(cmd.clone());
    let path = dir.join(page.get_filename());
    let mut text = Vec::new();
    page.render(&mut text)?;
    if root {
        // Before the VERSION section, where such sections usually go.
        let mut rendered = String::from_utf8(text)?;
        let at = rendered.find("\n.SH VERSION").map_or(rendered.len(), |i| i + 1);
        rendered.insert_str(at, ROOT_EXTRA);
        text = rendered.into_bytes();
    }
    let mut file =
        std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(&text)
        .with_context(|| format!("cannot write {}", path.display()))?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_man(sub, dir, false)?;
    }
    Ok(())
}
