//! Embeds every `checklists/*.ron` file in the binary (see `src/library.rs`),
//! and every `checklists/exposure/*.ron` file (the built-in exposure sources,
//! see `src/exposure_library.rs`; a folder of its own, so that the checklist
//! loader never takes them for checklists).
//!
//! For a Windows target, also compiles `vigie.exe`'s resource (its icon,
//! version information and manifest) with windres: see
//! [`windows_resource`] and `packaging/README.md`.

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
    windows_resource();
}

/// For a Windows target: writes `vigie.rc` (the icon, `packaging/windows/
/// vigie.ico`; the version information, from Cargo.toml; the manifest,
/// `packaging/windows/vigie.exe.manifest`), compiles it with windres
/// (`$WINDRES`, else `x86_64-w64-mingw32-windres` from a non-Windows host,
/// Debian's gcc-mingw-w64-x86-64) and links it into the `vigie` binary.
/// Without windres the executable is built without them and a warning says
/// so (`cargo check` needs no mingw), unless `VIGIE_WINDOWS_RESOURCE` is
/// `required` (packaging/build-windows.sh), when the build fails.
fn windows_resource() {
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    if env("CARGO_CFG_TARGET_OS") != "windows" {
        return;
    }
    println!("cargo::rerun-if-changed=packaging/windows/vigie.ico");
    println!("cargo::rerun-if-changed=packaging/windows/vigie.exe.manifest");
    println!("cargo::rerun-if-env-changed=WINDRES");
    println!("cargo::rerun-if-env-changed=VIGIE_WINDOWS_RESOURCE");
    let required = env("VIGIE_WINDOWS_RESOURCE") == "required";
    let fail = |message: String| {
        if required {
            println!("cargo::error={message}");
        } else {
            println!("cargo::warning={message}; vigie.exe has no icon nor version information");
        }
    };
    if env("CARGO_CFG_TARGET_ENV") != "gnu" {
        fail("the Windows resource is compiled with windres, for the -gnu targets only".to_owned());
        return;
    }
    let manifest = env("CARGO_MANIFEST_DIR").replace('\\', "/");
    let out = Path::new(&env("OUT_DIR")).to_path_buf();
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| {
        if cfg!(windows) {
            "windres".to_owned()
        } else {
            format!("{}-w64-mingw32-windres", env("CARGO_CFG_TARGET_ARCH"))
        }
    });
    let version = env("CARGO_PKG_VERSION");
    // "0.1.0-beta.2" -> 0,1,0,0: four numbers, as Windows wants them.
    let mut numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .map_while(|part| part.parse().ok())
        .take(3)
        .collect();
    numbers.resize(4, 0);
    let numbers = numbers.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
    let rc = format!(
        r#"#pragma code_page(65001)
1 ICON "{manifest}/packaging/windows/vigie.ico"
1 24 "{manifest}/packaging/windows/vigie.exe.manifest"
1 VERSIONINFO
FILEVERSION {numbers}
PRODUCTVERSION {numbers}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "The Vigie authors"
      VALUE "FileDescription", "Vigie"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "vigie"
      VALUE "LegalCopyright", "2025-2026, the Vigie authors. MIT OR Apache-2.0"
      VALUE "OriginalFilename", "vigie.exe"
      VALUE "ProductName", "Vigie"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#
    );
    let rc_path = out.join("vigie.rc");
    let object = out.join("vigie-resource.o");
    if let Err(err) = std::fs::write(&rc_path, rc) {
        fail(format!("cannot write {}: {err}", rc_path.display()));
        return;
    }
    let status = std::process::Command::new(&windres)
        .args(["--input-format=rc", "--output-format=coff", "-i"])
        .arg(&rc_path)
        .arg("-o")
        .arg(&object)
        .status();
    match status {
        Ok(status) if status.success() => {
            println!("cargo::rustc-link-arg-bins={}", object.display());
        }
        Ok(status) => fail(format!("{windres} failed ({status})")),
        Err(err) => fail(format!(
            "cannot run {windres} (Debian: apt-get install gcc-mingw-w64-x86-64): {err}"
        )),
    }
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
