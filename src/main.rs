//! The `vigie` executable: parses the command line, then opens the window
//! or runs a command, and turns errors into an exit code.
//!
//! On Windows, `vigie.exe` is a Windows (GUI) program: opened from Explorer
//! or the Start menu it shows its window and no console. Run from a terminal
//! with a subcommand (or `--help`, or wrong arguments), it attaches to the
//! terminal's console first, so that it prints and reads there as on Linux
//! (see packaging/README.md, "Windows").

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use vigie::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // `--help`, `--version` or wrong arguments: printed, as clap does.
            attach_console();
            err.exit()
        }
    };
    let result = match &cli.command {
        None => vigie::app::run(cli.data_dir.clone(), cli.lang.map(Into::into)).map(|()| 0),
        Some(command) => {
            attach_console();
            run(
                &cli,
                command,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            )
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            attach_console();
            eprintln!("vigie: {}", vigie::cli::terminal_safe(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

/// On Windows, attaches to the console of the terminal that ran `vigie.exe`
/// (if any, and once). Nothing to do elsewhere.
fn attach_console() {
    #[cfg(windows)]
    {
        static ATTACHED: std::sync::Once = std::sync::Once::new();
        ATTACHED.call_once(|| {
            let _ = vigie_win32::attach_parent_console();
        });
    }
}
