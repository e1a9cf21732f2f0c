#!/usr/bin/env bash
# Builds Vigie's packages from a clone of the repository, in one command:
#
#   packaging/build.sh
#
# and leaves in dist/:
#   vigie_<version>-1_<arch>.deb             the Debian/Ubuntu package (cargo-deb)
#   vigie-<version>-linux-<arch>.tar.gz      the same files, with install.sh and
#                                            uninstall.sh (under ~/.local)
#   SHA256SUMS
#
# Needs a Rust toolchain and a Debian or Ubuntu system (dpkg). cargo-deb is
# installed from crates.io when missing (`cargo install cargo-deb --locked`),
# dpkg-dev (dpkg-shlibdeps, for the package's dependencies) with apt-get.
# The desktop entry and the AppStream metadata are validated when
# desktop-file-validate (desktop-file-utils) and appstreamcli (appstream) are
# there. CARGO_TARGET_DIR is honoured. See packaging/README.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
start=$SECONDS

step() { printf '\n== %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo > /dev/null; then sudo "$@"
    else die "run as root or install sudo to install: ${*: -1}"
    fi
}

command -v cargo > /dev/null || die "cargo not found: install Rust from https://rustup.rs"
command -v dpkg > /dev/null || die "dpkg not found: the packages are built on Debian or Ubuntu"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
[[ -n $version ]] || die "no version in Cargo.toml"
arch=$(dpkg --print-architecture)
# The real target folder (CARGO_TARGET_DIR, .cargo/config…), as cargo sees it.
target=$(cargo metadata --format-version 1 --no-deps --locked |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[[ -n $target ]] || die "cannot find cargo's target folder"
assets="$target/release/package-assets"
dist="$root/dist"
# Reproducible dates in the archives: the last commit's, when there is one.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2> /dev/null || date +%s)
export SOURCE_DATE_EPOCH

step "tools"
if ! command -v dpkg-shlibdeps > /dev/null; then
    echo "installing dpkg-dev (dpkg-shlibdeps)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq dpkg-dev
fi
if ! cargo deb --version > /dev/null 2>&1; then
    t=$SECONDS
    echo "installing cargo-deb from crates.io (a few minutes)"
    # Its own temporary target folder, not the project's.
    env -u CARGO_TARGET_DIR cargo install cargo-deb --locked
    echo "cargo-deb installed in $(elapsed "$t")"
fi
echo "cargo-deb: $(cargo deb --version)"

step "release build (cargo build --release --locked)"
t=$SECONDS
cargo build --release --locked --bin vigie
echo "built in $(elapsed "$t"): $(du -h "$target/release/vigie" | cut -f1) $target/release/vigie"

step "man pages and shell completions (examples/package_assets.rs)"
# A cargo invocation of its own, so that the binary above is exactly what
# `cargo build --release` makes: an example brings the dev-dependencies,
# which change the features of shared crates (memchr, under psm's build
# script), so that typst-eval, typst and the library compile a second time.
t=$SECONDS
rm -rf "$assets"
cargo run --release --locked --quiet --example package_assets -- "$assets"
gzip -9 -n "$assets"/man/*.1
# The licences of egui's built-in fonts (Ubuntu, Hack, Noto Emoji, emoji
# icons), embedded in the binary by eframe's default_fonts: taken from the
# source of the epaint_default_fonts crate that Cargo.lock names.
fonts_manifest=$(cargo metadata --format-version 1 --locked |
    grep -o '"manifest_path":"[^"]*/epaint_default_fonts[^/"]*/Cargo.toml"' | head -1 |
    sed 's/"manifest_path":"\(.*\)\/Cargo.toml"/\1/')
[[ -d $fonts_manifest/fonts ]] || die "cannot find the sources of epaint_default_fonts"
mkdir -p "$assets/fonts"
cp "$fonts_manifest"/fonts/*.txt "$assets/fonts/"
# The changelogs where Debian looks for them: the upstream one as
# changelog.gz, and a one-entry changelog.Debian.gz for this package build.
gzip -9 -n -c CHANGELOG.md > "$assets/changelog.gz"
maintainer=$(sed -n 's/^maintainer = "\(.*\)"$/\1/p' Cargo.toml | head -1)
printf '%s\n' "vigie ($version-1) unstable; urgency=medium" "" \
    "  * Vigie $version: see changelog.gz." "" \
    " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")" |
    gzip -9 -n > "$assets/changelog.Debian.gz"
ls "$assets" "$assets"/man "$assets"/completions "$assets"/fonts | sed 's/^/  /'
echo "done in $(elapsed "$t")"

step "checks of the desktop entry and the AppStream metadata"
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate packaging/fr.vigie.Vigie.desktop && echo "desktop-file-validate: ok"
else
    echo "desktop-file-validate not found (apt-get install desktop-file-utils): skipped"
fi
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net packaging/fr.vigie.Vigie.metainfo.xml
else
    echo "appstreamcli not found (apt-get install appstream): skipped"
fi

step "Debian package (cargo deb)"
mkdir -p "$dist"
# Only this script's packages: the Windows ones (build-windows.sh) stay.
rm -f "$dist"/vigie_*.deb "$dist"/vigie-*-linux-*.tar.gz
cargo deb --no-build --locked --output "$dist/"
deb=$(ls "$dist"/vigie_"$version"-*_"$arch".deb)
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

step "portable archive"
name="vigie-$version-linux-$arch"
stage="$target/package-stage"
rm -rf "$stage"
mkdir -p "$stage/$name"
# The same files as the package: its /usr becomes the archive's root.
dpkg-deb -x "$deb" "$stage/deb"
mv "$stage/deb/usr/"* "$stage/$name/"
install -m 755 packaging/portable/install.sh packaging/portable/uninstall.sh "$stage/$name/"
install -m 644 packaging/portable/README.txt "$stage/$name/"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    -C "$stage" -cf - "$name" | gzip -9 -n > "$dist/$name.tar.gz"
rm -rf "$stage"

# One list for every package in dist/, Linux's and Windows'.
(cd "$dist" && shopt -s nullglob && sha256sum -- *.deb *.tar.gz *.zip *-setup.exe > SHA256SUMS)
step "done in $(elapsed "$start")"
ls -l "$dist" | tail -n +2
echo "test them with: sudo packaging/test.sh"
