#!/usr/bin/env bash
# Builds Vigie for Windows (x86_64) on a Debian or Ubuntu machine, by
# cross-compilation, in one command:
#
#   packaging/build-windows.sh
#
# and leaves in dist/, beside what packaging/build.sh makes:
#   vigie-<version>-windows-x86_64.zip   the portable program: vigie.exe, the
#                                        read-mes (README-Windows.txt first),
#                                        the licences
#   vigie-<version>-setup.exe            the installer (NSIS): for the current
#                                        user, no administrator rights
#   SHA256SUMS                           every package in dist/
#
# Installs what it needs: the Rust target x86_64-pc-windows-gnu (rustup),
# and with apt-get (as root or through sudo) gcc-mingw-w64-x86-64 (the
# linker, and windres for the executable's icon and version information),
# nsis (makensis) and zip. CARGO_TARGET_DIR is honoured. Test the result
# with packaging/test-windows.sh. See packaging/README.md, "Windows".
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
start=$SECONDS
triple=x86_64-pc-windows-gnu

step() { printf '\n== %s\n' "$*"; }
die() { printf 'build-windows.sh: %s\n' "$*" >&2; exit 1; }
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo > /dev/null; then sudo "$@"
    else die "run as root or install sudo to install: ${*: -1}"
    fi
}

command -v cargo > /dev/null || die "cargo not found: install Rust from https://rustup.rs"
command -v rustup > /dev/null || die "rustup not found: the Windows target is added with rustup"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
[[ -n $version ]] || die "no version in Cargo.toml"
# Four numbers for the installer's version information: 0.1.0 -> 0.1.0.0.
IFS=.- read -r v1 v2 v3 _ <<< "$version"
version4="${v1:-0}.${v2:-0}.${v3:-0}.0"
target=$(cargo metadata --format-version 1 --no-deps --locked |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[[ -n $target ]] || die "cannot find cargo's target folder"
exe="$target/$triple/release/vigie.exe"
dist="$root/dist"
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2> /dev/null || date +%s)
export SOURCE_DATE_EPOCH

step "tools"
rustup target add "$triple"
need=()
command -v x86_64-w64-mingw32-gcc > /dev/null || need+=(gcc-mingw-w64-x86-64)
command -v makensis > /dev/null || need+=(nsis)
command -v zip > /dev/null || need+=(zip)
if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing ${need[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}"
fi
echo "$(x86_64-w64-mingw32-gcc --version | head -1)"
echo "makensis $(makensis -VERSION)"

step "release build (cargo build --release --locked --target $triple)"
t=$SECONDS
# build.rs compiles the icon, version information and manifest with
# windres; here a missing windres is an error, not a warning.
VIGIE_WINDOWS_RESOURCE=required cargo build --release --locked --target "$triple" --bin vigie
echo "built in $(elapsed "$t"): $(stat -c %s "$exe") bytes ($(du -h "$exe" | cut -f1)) $exe"

step "checks of vigie.exe"
headers=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q 'Subsystem.*(Windows GUI)' <<< "$headers" || die "vigie.exe is not a Windows GUI program"
echo "subsystem: Windows GUI (no console when opened from Explorer)"
x86_64-w64-mingw32-objdump -h "$exe" | grep -q ' \.rsrc ' || die "vigie.exe has no resource section"
strings -el "$exe" | grep -qx 'ProductVersion' || die "vigie.exe has no version information"
grep -aq 'requestedExecutionLevel level="asInvoker"' "$exe" || die "vigie.exe has no manifest"
echo "resources: icon, version information ($version), manifest (asInvoker)"
# Only DLLs that every Windows 10 has: no mingw runtime to ship beside it.
dlls=$(sed -n 's/^\s*DLL Name: //p' <<< "$headers" | LC_ALL=C sort -uf)
echo "imports: $(tr '\n' ' ' <<< "$dlls")"
if grep -Eiq 'libgcc|libstdc|libwinpthread|mingw' <<< "$dlls"; then
    die "vigie.exe needs a mingw runtime DLL"
fi

step "stage"
stage="$target/windows-stage"
name="vigie-$version-windows-x86_64"
rm -rf "$stage"
mkdir -p "$stage/$name/licences"
cp "$exe" "$stage/$name/vigie.exe"
# Windows text files: CRLF, so that every editor shows the lines.
crlf() { sed 's/\r*$/\r/' "$1" > "$2"; }
crlf packaging/windows/README-Windows.txt "$stage/$name/README-Windows.txt"
for doc in README.md SECURITY.md CHANGELOG.md; do crlf "$doc" "$stage/$name/$doc"; done
crlf assets/fonts/DejaVu-LICENSE.txt "$stage/$name/licences/DejaVu-LICENSE.txt"
# The licences of egui's built-in fonts, from the epaint_default_fonts crate
# that Cargo.lock names (as packaging/build.sh does).
fonts_manifest=$(cargo metadata --format-version 1 --locked --filter-platform "$triple" |
    grep -o '"manifest_path":"[^"]*/epaint_default_fonts[^/"]*/Cargo.toml"' | head -1 |
    sed 's/"manifest_path":"\(.*\)\/Cargo.toml"/\1/')
[[ -d $fonts_manifest/fonts ]] || die "cannot find the sources of epaint_default_fonts"
for licence in "$fonts_manifest"/fonts/*.txt; do
    crlf "$licence" "$stage/$name/licences/egui-$(basename "$licence")"
done
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
(cd "$stage/$name" && find . -type f | LC_ALL=C sort | sed 's|^\./|  |')

step "portable zip"
mkdir -p "$dist"
rm -f "$dist"/vigie-*-windows-*.zip "$dist"/vigie-*-setup.exe
(cd "$stage" && find "$name" | LC_ALL=C sort | TZ=UTC zip -X -9 -q "$dist/$name.zip" -@)
ls -l "$dist/$name.zip" | sed 's/^/  /'

step "installer (makensis)"
# makensis resolves File paths against the script's folder: absolute ones.
makensis -V2 -INPUTCHARSET UTF8 \
    "-DVERSION=$version" "-DVERSION4=$version4" \
    "-DSTAGE=$stage/$name" "-DOUT=$dist/vigie-$version-setup.exe" \
    packaging/windows/vigie.nsi
ls -l "$dist/vigie-$version-setup.exe" | sed 's/^/  /'

# One list for every package in dist/, Linux's and Windows'.
(cd "$dist" && shopt -s nullglob && sha256sum -- *.deb *.tar.gz *.zip *-setup.exe > SHA256SUMS)
rm -rf "$stage"
step "done in $(elapsed "$start")"
ls -l "$dist" | tail -n +2
echo "test them with: packaging/test-windows.sh"
