//! Embeds every `checklists/*.ron` file in the binary (see `src/library.rs`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=checklists");
    // Read when the script runs, not when it is compiled: a build script
    // compiled once may serve several checkouts sharing a target folder.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let dir = Path::new(&manifest).join("checklists");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// The built-in checklist files: (file name, contents).\npub const BUILT_IN: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("builtin.rs");
    if let Err(err) = std::fs::write(&out, code) {
        println!("cargo::error=cannot write {}: {err}", out.display());
    }
    embed_exposure_sources(&dir.join("exposure"));
}

/// Embeds every `checklists/exposure/*.ron` file (the built-in exposure
/// sources, see `src/exposure_library.rs`). A folder of its own, so that
/// the checklist loader above never takes them for checklists.
fn embed_exposure_sources(dir: &Path) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// The built-in exposure source files: (file name, contents).\npub const BUILT_IN_EXPOSURE: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("builtin_exposure.rs");
    if let Err(err) = std::fs::write(&out, code) {
        println!("cargo::error=cannot write {}: {err}", out.display());
    }
}
