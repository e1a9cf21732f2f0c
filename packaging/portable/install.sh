#!/bin/sh
# Installs Vigie for the current user, from this unpacked archive, under
# ~/.local: the program in ~/.local/bin, the menu entry, icons, man pages,
# shell completions and documents in ~/.local/share (or $XDG_DATA_HOME).
# No administrator rights are needed.
#
#   ./install.sh            install (a previous installation is replaced)
#   ./install.sh --force    also replace files of the same name that another
#                           installation put there
#
# Every file and folder it creates is listed in
# ~/.local/share/vigie-install/manifest, which uninstall.sh reads.
# Vigie's data folder (~/.local/share/vigie) is never touched.
set -eu

die() { echo "install.sh: $*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
[ -n "${HOME:-}" ] || die "HOME is not set"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
bin_dir=$HOME/.local/bin
man_dir=$HOME/.local/share/man
state=$data_home/vigie-install
manifest=$state/manifest
data_dir=$data_home/vigie

force=no
case "${1:-}" in
    --force) force=yes ;;
    "") ;;
    *) die "unknown option $1 (usage: ./install.sh [--force])" ;;
esac
[ -x "$here/bin/vigie" ] || die "run me from the unpacked archive: $here/bin/vigie is missing"

# Where a file of the archive goes.
dest_of() {
    case $1 in
        bin/*) echo "$bin_dir/${1#bin/}" ;;
        share/man/*) echo "$man_dir/${1#share/man/}" ;;
        share/zsh/vendor-completions/*) echo "$data_home/zsh/site-functions/${1#share/zsh/vendor-completions/}" ;;
        share/*) echo "$data_home/${1#share/}" ;;
        *) return 1 ;;
    esac
}

files=$(cd "$here" && find bin share -type f | LC_ALL=C sort)

if [ -f "$manifest" ]; then
    echo "A previous installation was found: it is removed first (your data stays)."
    sh "$here/uninstall.sh" --quiet
fi

if [ "$force" = no ]; then
    conflicts=""
    for f in $files; do
        d=$(dest_of "$f")
        if [ -e "$d" ]; then conflicts="$conflicts
  $d"; fi
    done
    if [ -n "$conflicts" ]; then
        die "these files exist already, from another installation:$conflicts
remove them, or run ./install.sh --force to replace them"
    fi
fi

tmp_manifest=$(mktemp)
trap 'rm -f "$tmp_manifest"' EXIT

# mkdir -p that lists each folder it creates, parents first.
make_dir() {
    [ -d "$1" ] && return 0
    make_dir "$(dirname "$1")"
    mkdir "$1"
    echo "d $1" >> "$tmp_manifest"
}

for f in $files; do
    d=$(dest_of "$f")
    make_dir "$(dirname "$d")"
    case $f in
        bin/*) install_mode=755 ;;
        *) install_mode=644 ;;
    esac
    cp "$here/$f" "$d"
    chmod "$install_mode" "$d"
    echo "f $d" >> "$tmp_manifest"
done

# The menu entry starts the program by its full path: ~/.local/bin may not
# be in the session's PATH until the next login.
desktop=$data_home/applications/fr.vigie.Vigie.desktop
case $bin_dir in
    *[!A-Za-z0-9/._+-]*)
        case $bin_dir in
            *[\"\`\$\\]*) echo "note: $bin_dir has quotes or backslashes: the menu entry runs 'vigie' from PATH" ;;
            *) sed -i "s|^Exec=vigie\$|Exec=\"$bin_dir/vigie\"|" "$desktop" ;;
        esac ;;
    *) sed -i "s|^Exec=vigie\$|Exec=$bin_dir/vigie|" "$desktop" ;;
esac

# The uninstaller, kept next to the manifest.
make_dir "$state"
cp "$here/uninstall.sh" "$state/uninstall.sh"
chmod 755 "$state/uninstall.sh"
echo "f $state/uninstall.sh" >> "$tmp_manifest"
cp "$tmp_manifest" "$manifest"
chmod 644 "$manifest"

echo "Vigie $("$bin_dir/vigie" --version | sed 's/^vigie //') is installed: $(grep -c '^f ' "$manifest") files."
echo "  program:    $bin_dir/vigie (and in your applications menu)"
echo "  your data:  $data_dir (never removed by uninstall.sh)"
echo "  uninstall:  $state/uninstall.sh"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "note: $bin_dir is not in your PATH yet; it usually is after the next login." ;;
esac
case "${SHELL:-}" in
    */zsh) echo "note (zsh): for completions, add to ~/.zshrc before compinit: fpath+=($data_home/zsh/site-functions)" ;;
esac
