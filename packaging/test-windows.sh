#!/usr/bin/env bash
# Tests the Windows packages that packaging/build-windows.sh made, under
# wine (64-bit) and Xvfb, as a user of Windows would use them:
#
#   packaging/test-windows.sh [DIST_DIR]        (default: dist/)
#
# 1. The portable zip, unzipped: vigie.exe's headers and resources (GUI
#    subsystem, icon, version information, manifest, no mingw DLL); then,
#    run under wine: --help and --version; `validate` on every built-in
#    checklist (checklists/*.ron); a dossier saved through the real store
#    (the hidden debug-save-loop command) in the default data folder, which
#    must be %APPDATA%\Vigie\vigie\data in the wine prefix, then `list`
#    (paths printed with `\`) and `export` to a PDF (checked with pdfinfo
#    and pdftotext); `handover` of that dossier, then `import` into another
#    data folder (--data-dir), listed there; from cmd.exe in a
#    pseudo-terminal, vigie.exe attaches to its console and reads a
#    passphrase there, without echo; a save while another program holds
#    the dossier open fails cleanly and succeeds once it is closed; the
#    window: it closes itself
#    after its first frame (VIGIE_EXIT_AFTER_FIRST_FRAME=1, exit code 0),
#    then opens again, is found with xdotool, photographed
#    (DIST_DIR/test-windows/window.png) and closed as a user would (exit
#    code 0); opened once more, it must save and close by itself when the
#    session ends (wineboot --end-session, which sends WM_QUERYENDSESSION
#    and WM_ENDSESSION as Windows does at log-off, then ends what is left).
# 2. The installer, run silently (/S): the files it installs under
#    %LOCALAPPDATA%\Programs\Vigie, the Start-menu shortcut, the entry of
#    Settings > Apps (registry); the installed vigie.exe runs; then the
#    uninstaller, silently: every file it installed must be gone, and the
#    data folder byte for byte as it was.
#
# Everything happens in a temporary wine prefix (WINEPREFIX), removed at
# the end; the host's menus are not touched (winemenubuilder is disabled).
# Wine 8 (Debian 12) lacks ProcessPrng (bcryptprimitives.dll, Windows 10
# and later), which Rust's standard library needs: when the wine here has
# no bcryptprimitives.dll, a small one made with mingw from
# packaging/windows/wine/processprng.c goes into the prefix's system32, for
# the test only; it is never shipped. Installs what it needs with apt-get
# when missing: wine, wine64, xvfb, xauth, xdotool, imagemagick,
# poppler-utils, unzip, gcc-mingw-w64-x86-64. Logs and the screenshot go to
# DIST_DIR/test-windows/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(cd "${1:-$root/dist}" && pwd)"
out="$dist/test-windows"
failures=0
passes=0

start=$SECONDS
step() { printf '\n== %s  [%ds]\n' "$*" $((SECONDS - start)); }
ok() { printf '  ok    %s\n' "$*"; passes=$((passes + 1)); }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...: runs the command, quietly
    local what=$1
    shift
    if "$@" > "$out/last.log" 2>&1; then ok "$what"; else fail "$what"; sed 's/^/        /' "$out/last.log" | tail -15; fi
}
die() { printf 'test-windows.sh: %s\n' "$*" >&2; exit 1; }
as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo > /dev/null; then sudo "$@"
    else die "run as root or install sudo to install: ${*: -1}"
    fi
}

zip=$(ls "$dist"/vigie-*-windows-x86_64.zip 2> /dev/null | head -1)
setup=$(ls "$dist"/vigie-*-setup.exe 2> /dev/null | head -1)
[[ -f $zip && -f $setup ]] || die "no Windows packages in $dist: run packaging/build-windows.sh first"
version=$(basename "$setup")
version=${version#vigie-}
version=${version%-setup.exe}
rm -rf "$out"
mkdir -p "$out"

step "tools"
need=()
for tool in wine:wine wine64:wine64 Xvfb:xvfb xauth:xauth xdotool:xdotool import:imagemagick \
    pdftotext:poppler-utils unzip:unzip x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64; do
    command -v "${tool%%:*}" > /dev/null || need+=("${tool#*:}")
done
if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing ${need[*]}"
    as_root apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" > /dev/null
fi
echo "$(wine --version); zip: $zip; installer: $setup"

tmp=$(mktemp -d /tmp/vigie-windows-test.XXXXXX)
xvfb_pid=""
app_pid=""
export WINEPREFIX="$tmp/prefix"
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2> /dev/null || true
    wineserver -k 2> /dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2> /dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
# No wine debug output; no Mono or Gecko to offer; no host menu entries.
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export WINEARCH=win64
unset VIGIE_DATA_DIR WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

# One X server for everything wine shows, on a free display.
for n in $(seq 150 199); do
    if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=":$n"; break; fi
done
[[ -n ${display:-} ]] || die "no free X display"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
export DISPLAY=$display

step "wine prefix"
wineboot -i > "$out/wineboot.log" 2>&1 || die "wineboot failed (see $out/wineboot.log)"
wineserver -w
user_dir="$WINEPREFIX/drive_c/users/$(id -un)"
[[ -d $user_dir/AppData/Roaming ]] || die "no AppData in the wine prefix ($user_dir)"
ok "prefix made: $WINEPREFIX"
if find /usr/lib /opt -path '*x86_64-windows/bcryptprimitives.dll' 2> /dev/null | grep -q .; then
    echo "  this wine has bcryptprimitives.dll: no shim"
else
    x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
        "$root/packaging/windows/wine/processprng.c" "$root/packaging/windows/wine/processprng.def" -ladvapi32
    ok "ProcessPrng shim (wine only) in the prefix's system32"
fi

# Sends WM_DELETE_WINDOW to a window, as a window manager's close button
# does (xdotool of Debian 12 has no windowclose); wine turns it into
# WM_CLOSE, as the close button of a Windows title bar.
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

# w PATH: the Windows form of a host path (Z:\...).
w() { winepath -w "$1" 2> /dev/null; }
# vigie ARGS...: the unzipped vigie.exe under wine, from its folder.
vigie() { wine "$exe" "$@"; }

# ---------------------------------------------------------------- zip
step "portable zip: contents and vigie.exe"
unzip -q "$zip" -d "$tmp/zip"
folder=$(ls -d "$tmp"/zip/vigie-*-windows-x86_64)
exe="$folder/vigie.exe"
for f in vigie.exe README-Windows.txt README.md SECURITY.md CHANGELOG.md licences/DejaVu-LICENSE.txt; do
    check "zip holds $f" test -s "$folder/$f"
done
check "README-Windows.txt says where the data lives and how to uninstall" \
    sh -c "grep -q 'APPDATA.*Vigie.*vigie.*data' '$folder/README-Windows.txt' && grep -qi uninstall '$folder/README-Windows.txt'"
headers=$(x86_64-w64-mingw32-objdump -p "$exe")
check "vigie.exe is a Windows GUI program (no console from Explorer)" grep -q 'Subsystem.*(Windows GUI)' <<< "$headers"
check "vigie.exe has its icon, version information ($version) and manifest" \
    sh -c "x86_64-w64-mingw32-objdump -h '$exe' | grep -q ' .rsrc ' && strings -el '$exe' | grep -qx '$version' && grep -aq asInvoker '$exe'"
dlls=$(sed -n 's/^\s*DLL Name: //p' <<< "$headers" | LC_ALL=C sort -uf | tr '\n' ' ')
check "vigie.exe needs no mingw DLL (imports: $dlls)" sh -c "! echo '$dlls' | grep -Eiq 'libgcc|libwinpthread|libstdc'"

step "portable zip: commands under wine"
check "vigie.exe --help lists validate, list, export, handover, import" \
    sh -c "wine '$exe' --help > '$out/help.txt' 2>&1; for c in validate list export handover import; do grep -q \"^  \$c\" '$out/help.txt' || exit 1; done"
check "vigie.exe --version is $version" sh -c "wine '$exe' --version | tr -d '\r' | grep -qx 'vigie $version'"
for checklist in "$root"/checklists/*.ron; do
    check "validate $(basename "$checklist")" vigie validate "$(w "$checklist")"
done
check "validate reports a broken checklist (exit code 1)" \
    sh -c "printf '(id: \"x\",' > '$tmp/broken.ron'; wine '$exe' validate '$(w "$tmp/broken.ron")' > '$out/broken.log' 2>&1; [ \$? -eq 1 ]"

# A dossier through the real store, in the default data folder.
data="$user_dir/AppData/Roaming/Vigie/vigie/data"
check "a dossier saved in the default data folder" sh -c "wine '$exe' debug-save-loop --count 3 | tr -d '\r' | tail -1 | grep -qx 3"
check "the default data folder is %APPDATA%\\Vigie\\vigie\\data" test -d "$data"
find "$data" -type f | sed "s|^$data/|        |" | LC_ALL=C sort
vigie list > "$out/list.txt" 2>&1 || true
sed 's/^/        /' "$out/list.txt" | tr -d '\r'
check "list shows the dossier v3" grep -q 'v3' "$out/list.txt"
check "list prints Windows paths (C:\\...\\data\\...)" grep -qE 'C:\\.*\\data\\' "$out/list.txt"
dossier_file=$(find "$data" -name 'crash-test.ron' | head -1)
check "the dossier's file is in the data folder" test -f "$dossier_file"
pdf="$tmp/export/plan.pdf"
mkdir -p "$tmp/export"
check "export of the dossier to a PDF" vigie export "$(w "$dossier_file")" --out "$(w "$pdf")"
check "the PDF is a real PDF (pdfinfo)" sh -c "pdfinfo '$pdf' > '$out/pdfinfo.txt' && grep -q '^Pages:' '$out/pdfinfo.txt'"
check "the PDF's text has the dossier's title (pdftotext)" sh -c "pdftotext '$pdf' - | grep -q 'v3'"

handover="$tmp/export/crash-test.vigie"
other="$tmp/other-data"
check "handover of the dossier (passphrase on standard input)" \
    sh -c "echo 'correct horse battery staple' | wine '$exe' handover crash-test --out '$(w "$handover")'"
check "the handover file is written" test -s "$handover"
check "import into another data folder (--data-dir)" \
    sh -c "echo 'correct horse battery staple' | wine '$exe' --data-dir '$(w "$other")' import '$(w "$handover")' --yes"
check "the other data folder lists the dossier" sh -c "wine '$exe' --data-dir '$(w "$other")' list | grep -q v3"
check "a wrong passphrase is refused (exit code 2)" \
    sh -c "echo wrong | wine '$exe' --data-dir '$(w "$other")' import '$(w "$handover")' --yes > '$out/wrong.log' 2>&1; [ \$? -eq 2 ]"

# A save while another program holds the dossier open without sharing its
# deletion (as a scanner may, for an instant): Windows refuses to replace
# the file, so the save must fail with a message naming it, leave the file
# as it was and no temporary file, then succeed once the file is closed.
# (With deletion shared, Windows 10 and later replace it; wine 8 refuses
# that too, so only this case is checked here.)
x86_64-w64-mingw32-gcc -municode -O2 -o "$tmp/hold.exe" "$root/packaging/windows/wine/hold.c"
dossiers=$(dirname "$dossier_file")
before=$(sha256sum < "$dossier_file")
wine "$tmp/hold.exe" "$(w "$dossier_file")" 6 0 > "$out/hold.log" 2>&1 &
hold_pid=$!
for _ in $(seq 50); do grep -q holding "$out/hold.log" && break; sleep 0.2; done
code=0
wine "$exe" debug-save-loop --count 4 > "$out/held-save.log" 2>&1 || code=$?
check "a save while the file is held open fails (exit code $code), naming the file" \
    sh -c "[ $code -ne 0 ] && grep -q 'crash-test.ron' '$out/held-save.log'"
check "... the file is as it was" sh -c "[ \"\$(sha256sum < '$dossier_file')\" = '$before' ]"
check "... and no temporary file is left" sh -c "! ls -A '$dossiers' | grep -q tmp"
wait "$hold_pid" || true
check "... then, the file closed, the save succeeds" sh -c "wine '$exe' debug-save-loop --count 4 | tr -d '\r' | tail -1 | grep -qx 4"

# From a terminal: cmd.exe in a pseudo-terminal gets a console; vigie.exe,
# started by it, attaches to that console and reads the passphrase there,
# twice, without echo.
cat > "$tmp/console.py" << 'PY'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execvp("wine", ["wine", "cmd", "/c", sys.argv[1] + " handover crash-test --out " + sys.argv[2]])
out = b""
def read_for(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return
            if not data:
                return
            out += data
read_for(10)
os.write(fd, b"Tr0ub4dor and 3 more words\r")
read_for(3)
os.write(fd, b"Tr0ub4dor and 3 more words\r")
read_for(10)
sys.stdout.write(out.decode("utf-8", "replace"))
PY
console_file="$tmp/export/console.vigie"
python3 "$tmp/console.py" "$(w "$exe")" "$(w "$console_file")" > "$out/console.log" 2>&1 || true
check "in a console (cmd.exe): vigie.exe attaches to it and asks for the passphrase twice" \
    sh -c "grep -q 'Passphrase of the file' '$out/console.log' && grep -q 'The same again' '$out/console.log'"
check "... typed without echo" sh -c "! grep -q 'Tr0ub4dor' '$out/console.log'"
check "... and the handover file is written" test -s "$console_file"

# ---------------------------------------------------------------- window
step "the window"
code=0
VIGIE_EXIT_AFTER_FIRST_FRAME=1 timeout 120 wine "$exe" > "$out/first-frame.log" 2>&1 || code=$?
if [[ $code -eq 0 ]]; then ok "window opened, first frame drawn, closed (exit code 0)"; else
    fail "exit code $code after the first frame"
    tail -15 "$out/first-frame.log" | sed 's/^/        /'
fi

# open_window LOG [VAR=VALUE...]: starts vigie.exe (with those variables)
# and waits for its window; sets app_pid and win.
open_window() {
    local log=$1
    shift
    env "$@" wine "$exe" > "$out/$log" 2>&1 &
    app_pid=$!
    win=""
    for _ in $(seq 150); do
        win=$(xdotool search --onlyvisible --name '^Vigie$' 2> /dev/null | head -1 || true)
        [[ -n $win ]] && break
        kill -0 "$app_pid" 2> /dev/null || break
        sleep 0.2
    done
}
# wait_exit WHAT: waits up to 20 s for vigie.exe to end, checks its code.
wait_exit() {
    local code=0
    for _ in $(seq 100); do kill -0 "$app_pid" 2> /dev/null || break; sleep 0.2; done
    if kill -0 "$app_pid" 2> /dev/null; then
        fail "$1: still running 20 s later"
        kill "$app_pid" 2> /dev/null || true
    fi
    wait "$app_pid" || code=$?
    app_pid=""
    if [[ $code -eq 0 ]]; then ok "$1 (exit code 0)"; else fail "$1: exit code $code"; fi
}

open_window window.log
if [[ -n $win ]]; then
    ok "window found by xdotool (id $win, title '$(xdotool getwindowname "$win")', $(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p'))"
    sleep 3
    if import -window root -crop "$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')+$(xdotool getwindowgeometry "$win" | sed -n 's/.*Position: \([0-9]*\),\([0-9]*\).*/\1+\2/p')" \
        +repage "$out/window.png"; then
        ok "screenshot $out/window.png"
    else
        fail "screenshot"
    fi
    close_window "$win" || fail "WM_DELETE_WINDOW could not be sent"
    wait_exit "closed like a user would"
else
    fail "no visible window named Vigie"
    tail -15 "$out/window.log" | sed 's/^/        /'
    kill "$app_pid" 2> /dev/null || true
    app_pid=""
fi

# Wine ends every program after WM_ENDSESSION, with TerminateProcess, which
# also gives exit code 0: the proof that Vigie closed itself is that its
# DLLs were detached as ExitProcess does (DLL_PROCESS_DETACH of OPENGL32.dll,
# which only Vigie loads), which TerminateProcess never does. Wine's relay
# channel logs DLL entry points; RelayInclude keeps it to them.
wine reg add 'HKCU\Software\Wine\Debug' /v RelayInclude /t REG_SZ /d 'kernel32.Beep' /f > /dev/null 2>&1
open_window session-end.log WINEDEBUG=+relay
if [[ -n $win ]]; then
    sleep 2
    timeout 60 wineboot --end-session > "$out/end-session.log" 2>&1 || true
    wait_exit "the session's end (wineboot --end-session): the window closed"
    check "... by itself, through ExitProcess (OPENGL32.dll detached), not ended by wine" \
        grep -q 'OPENGL32.dll",reason=PROCESS_DETACH' "$out/session-end.log"
    gzip -9 "$out/session-end.log"
else
    fail "no window for the session-end test"
    kill "$app_pid" 2> /dev/null || true
    app_pid=""
fi
wineserver -w

# ---------------------------------------------------------------- installer
step "installer: silent install (/S)"
snapshot() { # every file under a folder, with its hash
    (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}
snapshot "$data" > "$tmp/data-before"
check "vigie-$version-setup.exe /S" timeout 300 wine "$setup" /S
wineserver -w
installed="$user_dir/AppData/Local/Programs/Vigie"
shortcut="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Vigie.lnk"
(cd "$installed" && find . | LC_ALL=C sort) > "$out/installed-files.txt" 2> /dev/null || true
sed 's/^/        /' "$out/installed-files.txt"
for f in vigie.exe uninstall.exe README-Windows.txt README.md SECURITY.md CHANGELOG.md licences/DejaVu-LICENSE.txt; do
    check "installed: %LOCALAPPDATA%\\Programs\\Vigie\\$f" test -s "$installed/$f"
done
check "installed vigie.exe is the zip's" cmp "$installed/vigie.exe" "$exe"
check "Start-menu shortcut to vigie.exe, with its icon" \
    sh -c "strings -el '$shortcut' | grep -q 'Programs\\\\Vigie\\\\vigie.exe'"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Vigie' 2> /dev/null | tr -d '\r' > "$out/registry.txt" || true
check "Settings > Apps entry (HKCU uninstall key, version $version)" \
    sh -c "grep -q 'DisplayVersion.*$version' '$out/registry.txt' && grep -q 'UninstallString.*uninstall.exe' '$out/registry.txt'"
check "installed vigie.exe runs (list, default data folder)" sh -c "wine '$installed/vigie.exe' list | grep -q 'crash-test.ron'"
check "no administrator rights asked (RequestExecutionLevel user)" grep -aq 'level="asInvoker"' "$setup"

step "installer: silent uninstall"
check "uninstall.exe /S" timeout 300 wine "$installed/uninstall.exe" /S
# The uninstaller copies itself to a temporary folder and runs from there.
wineserver -w
check "every installed file is gone" test ! -e "$installed"
check "the Start-menu shortcut is gone" test ! -e "$shortcut"
check "the Settings > Apps entry is gone" sh -c "! wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Vigie' > /dev/null 2>&1"
snapshot "$data" > "$tmp/data-after"
check "the data folder is byte for byte as before" cmp "$tmp/data-before" "$tmp/data-after"

step "done: $passes passed, $failures failed"
echo "logs and screenshot: $out"
[[ $failures -eq 0 ]]
