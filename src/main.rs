//! The `vigie` executable: parses the command line, then opens the window
//! or runs a command, and turns errors into an exit code.

use std::process::ExitCode;

use clap::Parser as _;
use vigie::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => vigie::app::run(cli.data_dir.clone(), cli.lang.map(Into::into)).map(|()| 0),
        Some(command) => run(
            &cli,
            command,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("vigie: {err:#}");
            ExitCode::from(2)
        }
    }
}
