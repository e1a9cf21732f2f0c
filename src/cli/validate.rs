//! `vigie validate`: checklist files and exposure-source files, each held
//! to the rules of its kind, every problem with its line and column.

use std::io::Write;
use std::path::PathBuf;

use super::{Cli, message_lang};
use crate::i18n::{Lang, tr};
use crate::library::validate_files;

/// Whether `text` is a file of exposure sources rather than a checklist:
/// the first field of its outer structure is `sources` (comments and
/// spaces skipped).
fn is_sources_file(text: &str) -> bool {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let Some(rest) = code.trim_start().strip_prefix('(') else {
        return false;
    };
    let field: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    field == "sources"
}

/// "file: valid (16 sources)".
fn sources_valid(lang: Lang, file: &str, n: usize) -> String {
    match lang {
        Lang::Fr => format!("{file}\u{a0}: valide ({n}\u{a0}sources d’exposition)"),
        Lang::En => format!("{file}: valid ({n} exposure sources)"),
    }
}

/// Checks `files`; returns 1 when one has errors, 0 otherwise. Warnings
/// and errors go to `err`.
pub fn run(cli: &Cli, files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let lang = message_lang(cli, None);
    let t = tr(lang);
    let (sources, checklists): (Vec<PathBuf>, Vec<PathBuf>) = files
        .iter()
        .cloned()
        .partition(|p| std::fs::read_to_string(p).is_ok_and(|text| is_sources_file(&text)));
    let today = chrono::Local::now().date_naive();
    let mut failed = 0;
    for (path, result) in sources
        .iter()
        .zip(crate::exposure_library::validate_files(&sources, today))
    {
        match result {
            Ok(parsed) => writeln!(
                out,
                "{}",
                sources_valid(lang, &path.display().to_string(), parsed.len())
            )?,
            Err(e) => {
                failed += 1;
                writeln!(err, "{}", e.describe(lang))?;
            }
        }
    }
    for result in validate_files(&checklists) {
        match result {
            Ok(parsed) => {
                let checklist = &parsed.checklist;
                let file = match &checklist.origin {
                    crate::model::checklist::Origin::User(p) => p.display().to_string(),
                    crate::model::checklist::Origin::BuiltIn(n) => n.clone(),
                };
                writeln!(out, "{}", (t.cli_valid)(&file, checklist.items().count()))?;
                // Warnings go with the errors, on standard error: the file
                // is valid, and they say what should still be fixed.
                if let Some(warnings) = &parsed.warnings {
                    writeln!(err, "{}", warnings.describe(lang))?;
                }
            }
            Err(e) => {
                failed += 1;
                writeln!(err, "{}", e.describe(lang))?;
            }
        }
    }
    if failed > 0 {
        writeln!(err, "{}", (t.cli_invalid_summary)(failed))?;
        Ok(1)
    } else {
        Ok(0)
    }
}

#[cfg(test)]
mod tests {
    use super::is_sources_file;

    #[test]
    fn a_sources_file_is_told_from_a_checklist() {
        assert!(
            is_sources_file("// a comment\n(\n    sources: [],\n)"),
            "sources first"
        );
        assert!(
            !is_sources_file("(\n    id: \"x\",\n    sections: [],\n)"),
            "a checklist"
        );
        assert!(!is_sources_file("not ron"), "anything else");
    }
}
