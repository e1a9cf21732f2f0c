#!/usr/bin/env bash
# Installs the packages that packaging/build.sh made, as a user would, and
# checks them:
#
#   sudo packaging/test.sh [DIST_DIR]        (default: dist/)
#
# 1. The .deb, into this system (dpkg -i): `vigie --help`, `man vigie` and
#    the pages of the subcommands, the desktop entry (desktop-file-validate)
#    and the AppStream metadata (appstreamcli), icons and completions; the
#    installed app is launched under Xvfb on a fresh data folder and must
#    open its window (once closing itself after the first frame, once found
#    with xdotool, photographed, then closed like a user would); then the
#    package is purged: every file it installed must be gone, and the data
#    folders must be byte for byte as they were.
# 2. The portable archive, installed with its install.sh into a temporary
#    home, checked and launched the same way, then removed with
#    uninstall.sh: the home must be as before, but for the data folder,
#    untouched.
#
# Must run as root (dpkg). Refuses to run when a package named vigie is
# already installed. Installs what it needs with apt-get when missing: xvfb,
# xauth, xdotool, imagemagick (the screenshot), desktop-file-utils,
# appstream, man-db. Screenshots and logs go to DIST_DIR/test/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(cd "${1:-$root/dist}" && pwd)"
out="$dist/test"
failures=0

start=$SECONDS
step() { printf '\n== %s  [%ds]\n' "$*" $((SECONDS - start)); }
ok() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: runs the command, quietly
    local what=$1
    shift
    if "$@" > "$out/last.log" 2>&1; then ok "$what"; else fail "$what"; sed 's/^/        /' "$out/last.log" | tail -15; fi
}
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root (it installs the .deb with dpkg): sudo $0"
deb=$(ls "$dist"/vigie_*.deb 2> /dev/null | head -1)
tarball=$(ls "$dist"/vigie-*-linux-*.tar.gz 2> /dev/null | head -1)
[[ -f $deb && -f $tarball ]] || die "no packages in $dist: run packaging/build.sh first"
if dpkg-query -W -f '${Status}' vigie 2> /dev/null | grep -q installed; then
    die "a package named vigie is installed already: remove it first (dpkg -r vigie)"
fi
version=$(dpkg-deb -f "$deb" Version)
version=${version%-*}
rm -rf "$out"
mkdir -p "$out"

step "tools"
need=()
for tool in Xvfb:xvfb xauth:xauth xdotool:xdotool import:imagemagick \
    desktop-file-validate:desktop-file-utils appstreamcli:appstream man:man-db; do
    command -v "${tool%%:*}" > /dev/null || need+=("${tool#*:}")
done
if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing ${need[*]}"
    apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" > /dev/null
fi
echo "deb: $deb"
echo "archive: $tarball"

tmp=$(mktemp -d /tmp/vigie-package-test.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2> /dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2> /dev/null || true
    # Stopped half-way: the package this script installed goes too.
    if dpkg-query -W -f '${Status}' vigie 2> /dev/null | grep -q installed; then
        echo "removing the package this test installed"
        dpkg --purge vigie > /dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# One X server for every launch, on a free display; no window manager.
for n in $(seq 150 199); do
    if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=":$n"; break; fi
done
[[ -n ${display:-} ]] || die "no free X display"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
export DISPLAY=$display
# X11 only, and no session bus: as on a bare desktop.
unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
runtime="$tmp/runtime"
mkdir -m 700 "$runtime"
export XDG_RUNTIME_DIR=$runtime
# Caches (Mesa's shader cache) outside the homes that are compared.
export XDG_CACHE_HOME="$tmp/cache"

# Sends WM_DELETE_WINDOW to a window, as a window manager's close button
# does (xdotool of Debian 12 has no windowclose).
close_window() {
    python3 - "$1" << 'PY'
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]
class Event(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(Event)]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
d = x.XOpenDisplay(None)
if not d:
    sys.exit("cannot open the display")
ev = Event()
ev.xclient.type = 33  # ClientMessage
ev.xclient.window = int(sys.argv[1])
ev.xclient.message_type = x.XInternAtom(d, b"WM_PROTOCOLS", 0)
ev.xclient.format = 32
ev.xclient.data[0] = x.XInternAtom(d, b"WM_DELETE_WINDOW", 0)
x.XSendEvent(d, int(sys.argv[1]), 0, 0, ctypes.byref(ev))
x.XFlush(d)
x.XCloseDisplay(d)
PY
}

# Every file and folder under a folder, with its mode, and each file's hash.
snapshot() {
    (cd "$1" && find . -printf '%y %m %p\n' | LC_ALL=C sort &&
        find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# window_checks NAME ENV... -- VIGIE [ARGS...]: the app must open its window
# and close itself after the first frame (exit code 0), then open it again,
# be found by its class, photographed and closed.
window_checks() {
    local name=$1
    shift
    local envs=()
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    local code=0
    env "${envs[@]}" VIGIE_EXIT_AFTER_FIRST_FRAME=1 timeout 60 "$@" > "$out/$name-first-frame.log" 2>&1 || code=$?
    if [[ $code -eq 0 ]]; then ok "$name: window opened, first frame drawn, closed (exit code 0)"; else
        fail "$name: exit code $code after the first frame"
        tail -15 "$out/$name-first-frame.log" | sed 's/^/        /'
    fi

    env "${envs[@]}" "$@" > "$out/$name-window.log" 2>&1 &
    app_pid=$!
    local win=""
    for _ in $(seq 100); do
        win=$(xdotool search --onlyvisible --class vigie 2> /dev/null | head -1 || true)
        [[ -n $win ]] && break
        kill -0 "$app_pid" 2> /dev/null || break
        sleep 0.2
    done
    if [[ -z $win ]]; then
        fail "$name: no visible window of class vigie"
        tail -15 "$out/$name-window.log" | sed 's/^/        /'
        kill "$app_pid" 2> /dev/null || true
        wait "$app_pid" 2> /dev/null || true
        app_pid=""
        return
    fi
    ok "$name: window found by xdotool search --class vigie (id $win, title '$(xdotool getwindowname "$win")', $(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p'))"
    sleep 2
    import -window "$win" "$out/$name.png" && ok "$name: screenshot $out/$name.png"
    close_window "$win" || fail "$name: WM_DELETE_WINDOW could not be sent"
    code=0
    for _ in $(seq 50); do kill -0 "$app_pid" 2> /dev/null || break; sleep 0.2; done
    if kill -0 "$app_pid" 2> /dev/null; then
        fail "$name: still running 10 s after the window was asked to close"
        kill "$app_pid" 2> /dev/null || true
    fi
    wait "$app_pid" || code=$?
    app_pid=""
    if [[ $code -eq 0 ]]; then ok "$name: closed by WM_DELETE_WINDOW (exit code 0)"; else fail "$name: exit code $code when closed"; fi
}

# ---------------------------------------------------------------- .deb
step "Debian package: install (dpkg -i)"
if dpkg -i "$deb" > "$out/dpkg-install.log" 2>&1; then
    ok "dpkg -i $(basename "$deb")"
else
    echo "  dpkg -i stopped on missing dependencies; apt-get install -f installs them"
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >> "$out/dpkg-install.log" 2>&1
fi
check "package state: install ok installed" sh -c "dpkg-query -W -f '\${Status}' vigie | grep -qx 'install ok installed'"
dpkg -L vigie | LC_ALL=C sort > "$out/deb-files.txt"

step "Debian package: what it installed"
check "vigie is /usr/bin/vigie" sh -c '[ "$(command -v vigie)" = /usr/bin/vigie ]'
check "vigie --help lists validate, list and export" sh -c 'vigie --help | grep -q validate && vigie --help | grep -q list && vigie --help | grep -q export'
check "vigie --version is $version" sh -c "vigie --version | grep -qx 'vigie $version'"
for page in vigie vigie-validate vigie-list vigie-export; do
    check "man $page" sh -c "man -w $page | grep -q '^/usr/share/man/man1/$page.1.gz$' && MANPAGER=cat MANWIDTH=80 man $page 2> /dev/null | grep -qi '$page'"
done
check "man vigie names the data folder and VIGIE_DATA_DIR" sh -c 'MANPAGER=cat man vigie 2> /dev/null | grep -q VIGIE_DATA_DIR'
check "desktop-file-validate /usr/share/applications/fr.vigie.Vigie.desktop" \
    desktop-file-validate /usr/share/applications/fr.vigie.Vigie.desktop
check "appstreamcli validate --no-net /usr/share/metainfo/fr.vigie.Vigie.metainfo.xml" \
    appstreamcli validate --no-net /usr/share/metainfo/fr.vigie.Vigie.metainfo.xml
for size in 16 24 32 48 64 128 256 512; do
    [[ -f /usr/share/icons/hicolor/${size}x$size/apps/fr.vigie.Vigie.png ]] || fail "icon ${size}x$size missing"
done
check "icons: scalable and 16 to 512 px, named fr.vigie.Vigie" test -f /usr/share/icons/hicolor/scalable/apps/fr.vigie.Vigie.svg
check "bash completion loads and completes subcommands" bash -c \
    'source /usr/share/bash-completion/completions/vigie && COMP_WORDS=(vigie ex) COMP_CWORD=1 COMP_LINE="vigie ex" COMP_POINT=8 && _vigie vigie ex vigie && [[ " ${COMPREPLY[*]} " == *" export "* ]]'
if command -v zsh > /dev/null; then check "zsh completion parses (zsh -n)" zsh -n /usr/share/zsh/vendor-completions/_vigie; fi
if command -v fish > /dev/null; then check "fish completion parses (fish -n)" fish -n /usr/share/fish/vendor_completions.d/vigie.fish; fi
check "font licences in /usr/share/doc/vigie/fonts" sh -c 'test -f /usr/share/doc/vigie/fonts/DejaVu-LICENSE.txt && ls /usr/share/doc/vigie/fonts/egui/*.txt'
check "copyright file" test -f /usr/share/doc/vigie/copyright

step "Debian package: the installed app opens its window (Xvfb $display)"
# A fresh data folder given by VIGIE_DATA_DIR, and a fresh home whose
# default data folder (~/.local/share/vigie) is used when none is given.
data="$tmp/deb-data"
home="$tmp/deb-home"
mkdir -p "$home"
# Launched as the menu would: the Exec line of the installed desktop entry.
deb_exec=$(sed -n 's/^Exec=//p' /usr/share/applications/fr.vigie.Vigie.desktop)
window_checks deb-data-dir VIGIE_DATA_DIR="$data" HOME="$home" -- "$deb_exec"
check "the data folder was created: $data" test -d "$data/dossiers"
window_checks deb-default-home HOME="$home" XDG_DATA_HOME= -- "$deb_exec"
check "the default data folder was created: ~/.local/share/vigie" test -d "$home/.local/share/vigie/dossiers"
# A dossier in each, saved by the real store, and a checklist of the user's
# own, so that there is data to protect.
check "a dossier saved in each data folder" sh -c "vigie --data-dir '$data' debug-save-loop --count 3 && HOME='$home' XDG_DATA_HOME= VIGIE_DATA_DIR= vigie debug-save-loop --count 2"
cp "$root/checklists/01-home-consultation.ron" "$data/checklists/my-checklist.ron"
cp "$root/checklists/01-home-consultation.ron" "$home/.local/share/vigie/checklists/my-checklist.ron"
check "vigie list shows it" sh -c "vigie --data-dir '$data' --lang en list | grep -q crash-test"
snapshot "$data" > "$out/deb-data-before.txt"
snapshot "$home" > "$out/deb-home-before.txt"

step "Debian package: purge (dpkg --purge)"
check "dpkg --purge vigie" dpkg --purge vigie
check "package state: not installed" sh -c '! dpkg-query -W -f "\${Status}" vigie 2> /dev/null | grep -q installed'
left=0
while IFS= read -r f; do
    [[ -f $f || -L $f ]] && { fail "left after purge: $f"; left=$((left + 1)); }
done < "$out/deb-files.txt"
[[ $left -eq 0 ]] && ok "none of its $(wc -l < "$out/deb-files.txt") paths is left as a file"
check "vigie is no longer on PATH" sh -c '! command -v vigie'
snapshot "$data" > "$out/deb-data-after.txt"
snapshot "$home" > "$out/deb-home-after.txt"
check "data folder byte-identical after purge ($(grep -c '^[0-9a-f]\{64\} ' "$out/deb-data-before.txt") files hashed)" \
    diff "$out/deb-data-before.txt" "$out/deb-data-after.txt"
check "home and its default data folder byte-identical after purge ($(grep -c '^[0-9a-f]\{64\} ' "$out/deb-home-before.txt") files hashed)" \
    diff "$out/deb-home-before.txt" "$out/deb-home-after.txt"

# ------------------------------------------------------ portable archive
step "Portable archive: install.sh into a temporary home"
phome="$tmp/portable-home"
mkdir -p "$phome/.local/share/applications"
echo "another application's entry" > "$phome/.local/share/applications/other.desktop"
mkdir -p "$tmp/unpacked"
tar -xzf "$tarball" -C "$tmp/unpacked"
unpacked=$(ls -d "$tmp"/unpacked/vigie-*)
snapshot "$phome" > "$out/portable-home-before-install.txt"
# The user's environment: their home, ~/.local/bin in PATH, no XDG_DATA_HOME.
user_env=(HOME="$phome" XDG_DATA_HOME= VIGIE_DATA_DIR= PATH="$phome/.local/bin:/usr/bin:/bin")
check "install.sh" env "${user_env[@]}" "$unpacked/install.sh"
sed 's/^/        /' "$out/last.log"
check "vigie is ~/.local/bin/vigie" env "${user_env[@]}" sh -c '[ "$(command -v vigie)" = "$HOME/.local/bin/vigie" ]'
check "vigie --help" env "${user_env[@]}" sh -c 'vigie --help | grep -q export'
check "man vigie finds ~/.local/share/man (through PATH)" env "${user_env[@]}" sh -c \
    'man -w vigie | grep -q "^$HOME/.local/share/man/man1/vigie.1.gz$" && man -w vigie-export > /dev/null && MANPAGER=cat man vigie 2> /dev/null | grep -q VIGIE_DATA_DIR'
check "desktop-file-validate ~/.local/share/applications/fr.vigie.Vigie.desktop" \
    desktop-file-validate "$phome/.local/share/applications/fr.vigie.Vigie.desktop"
check "the menu entry starts ~/.local/bin/vigie by its full path" \
    grep -qx "Exec=$phome/.local/bin/vigie" "$phome/.local/share/applications/fr.vigie.Vigie.desktop"
check "icons in ~/.local/share/icons/hicolor" sh -c "ls '$phome'/.local/share/icons/hicolor/*/apps/fr.vigie.Vigie.* | wc -l | grep -qx 9"
check "completions: bash, zsh, fish under ~/.local/share" sh -c "test -f '$phome/.local/share/bash-completion/completions/vigie' && test -f '$phome/.local/share/zsh/site-functions/_vigie' && test -f '$phome/.local/share/fish/vendor_completions.d/vigie.fish'"
if command -v fish > /dev/null; then
    # (fish's own settings folder kept out of the home that is compared)
    check "fish finds the completion" env "${user_env[@]}" XDG_CONFIG_HOME="$tmp/fish-config" \
        fish -c 'complete -C "vigie ex" | grep -q export'
fi

step "Portable archive: the installed app opens its window"
portable_exec=$(sed -n 's/^Exec=//p' "$phome/.local/share/applications/fr.vigie.Vigie.desktop")
window_checks portable "${user_env[@]}" -- "$portable_exec"
check "the default data folder was created: ~/.local/share/vigie" test -d "$phome/.local/share/vigie/dossiers"
check "a dossier saved in it" env "${user_env[@]}" vigie debug-save-loop --count 3
cp "$root/checklists/01-home-consultation.ron" "$phome/.local/share/vigie/checklists/my-checklist.ron"
snapshot "$phome/.local/share/vigie" > "$out/portable-data-before.txt"

step "Portable archive: uninstall.sh"
check "uninstall.sh" env "${user_env[@]}" "$unpacked/uninstall.sh"
sed 's/^/        /' "$out/last.log"
snapshot "$phome/.local/share/vigie" > "$out/portable-data-after.txt"
check "data folder byte-identical after uninstall ($(grep -c '^[0-9a-f]\{64\} ' "$out/portable-data-before.txt") files hashed)" \
    diff "$out/portable-data-before.txt" "$out/portable-data-after.txt"
# The home as before the installation, but for the data folder.
snapshot "$phome" | grep -v ' \./\.local/share/vigie\(/\|$\)' > "$out/portable-home-after.txt" || true
check "the home is as before install.sh, but for the data folder (every file and folder install.sh made is gone, other.desktop kept)" \
    diff "$out/portable-home-before-install.txt" "$out/portable-home-after.txt"

step "summary"
rm -f "$out/last.log"
if [[ $failures -eq 0 ]]; then
    echo "all checks passed; screenshots and logs in $out"
else
    echo "$failures check(s) failed; logs in $out"
    exit 1
fi
