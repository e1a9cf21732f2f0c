//! Embeds every `checklists/*.ron` file in the binary (see `src/library.rs`),
//! and every `checklists/exposure/*.ron` file (the built-in exposure sources,
//! see `src/exposure_library.rs`; a folder of its own, so that the checklist
//! loader never takes them for checklists).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=checklists");
    // Read when the script runs, not when it is compiled: a build script
    // compiled once may serve several checkouts sharing a target folder.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let dir = Path::new(&manifest).join("checklists");
    embed(&dir, "checklist", "BUILT_IN", "builtin.rs");
    embed(
        &dir.join("exposure"),
        "exposure source",
        "BUILT_IN_EXPOSURE",
        "builtin_exposure.rs",
    );
}

/// Writes `OUT_DIR/out_file`, a constant `name` listing every `*.ron` file
/// of `dir` as (file name, contents), sorted by name.
fn embed(dir: &Path, what: &str, name: &str, out_file: &str) {
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
    let mut code = format!(
        "/// The built-in {what} files: (file name, contents).\npub const {name}: &[(&str, &str)] = &[\n"
    );
    for path in &files {
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(
            code,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join(out_file);
    if let Err(err) = std::fs::write(&out, code) {
        println!("cargo::error=cannot write {}: {err}", out.display());
    }
}
