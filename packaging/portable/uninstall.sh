#!/bin/sh
# Removes Vigie as installed by install.sh: exactly the files listed in
# ~/.local/share/vigie-install/manifest, then the folders install.sh created
# when they are empty. Never Vigie's data folder (~/.local/share/vigie):
# your dossiers, settings and checklists stay.
#
#   ./uninstall.sh     (or ~/.local/share/vigie-install/uninstall.sh)
set -eu

die() { echo "uninstall.sh: $*" >&2; exit 1; }

[ -n "${HOME:-}" ] || die "HOME is not set"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
state=$data_home/vigie-install
manifest=$state/manifest
data_dir=$data_home/vigie
quiet=no
[ "${1:-}" = --quiet ] && quiet=yes

[ -f "$manifest" ] || die "no installation found: $manifest is missing"

removed=0
while read -r kind path; do
    [ "$kind" = f ] || continue
    case $path in
        "$data_dir" | "$data_dir"/*) echo "kept (in the data folder): $path" >&2; continue ;;
    esac
    if [ -f "$path" ] || [ -L "$path" ]; then
        rm -f -- "$path"
        removed=$((removed + 1))
    fi
done < "$manifest"

# Folders install.sh created, deepest first, when nothing else is in them.
dirs=$(sed -n 's/^d //p' "$manifest" | LC_ALL=C sort -r)
rm -f -- "$manifest"
echo "$dirs" | while IFS= read -r dir; do
    [ -n "$dir" ] || continue
    case $dir in
        "$data_dir" | "$data_dir"/*) continue ;;
    esac
    rmdir -- "$dir" 2> /dev/null || true
done

if [ "$quiet" = no ]; then
    echo "Vigie is uninstalled ($removed files removed)."
    if [ -d "$data_dir" ]; then
        echo "Your data is still in $data_dir; delete that folder yourself if you no longer need it."
    fi
fi
