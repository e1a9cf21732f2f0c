#!/usr/bin/env bash
# Times, in release, how fast and how light Vigie refuses each kind of
# costly file from someone else, and backs up and restores a large data
# folder (issue #22; figures and budgets in BENCHMARKS.md).
#
#   benches/hostile.sh                 # costly files only
#   benches/hostile.sh 10000 20000     # and a folder of 10,000 dossiers, 20,000 photos
#
# Needs /usr/bin/time (Debian's `time` package) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

# The program measured is the release build; the files are made by an
# example built in the dev profile (its speed is not measured).
# NO_BUILD=1 uses the release binary already built.
if [ -z "${NO_BUILD:-}" ]; then
  cargo build --release --locked --bin vigie >/dev/null
fi
cargo build --locked --example hostile_files >/dev/null
vigie=target/release/vigie
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass="marmotte orageuse devant le phare 42"

target/debug/examples/hostile_files files "$work/in" >/dev/null
mkfifo "$work/in/fifo.vigie"

measure() { # label, then the command; prints seconds and peak kB
  local label=$1
  shift
  /usr/bin/time -f "%e s, %M kB" -o "$work/time" "$@" >"$work/out" 2>&1 </dev/null || true
  printf '%-34s %s   %s\n' "$label" "$(cat "$work/time" | tail -1)" "$(tail -1 "$work/out" | cut -c1-90)"
}

piped() { # the passphrase on standard input
  local label=$1
  shift
  printf '%s\n' "$pass" >"$work/pass"
  /usr/bin/time -f "%e s, %M kB" -o "$work/time" "$@" >"$work/out" 2>&1 <"$work/pass" || true
  printf '%-34s %s   %s\n' "$label" "$(tail -1 "$work/time")" "$(tail -1 "$work/out" | cut -c1-90)"
}

echo "== refusing costly files (vigie import, release)"
mkdir -p "$work/data"
piped "scrypt work factor 2^23" "$vigie" --lang en --data-dir "$work/data" import --yes "$work/in/work-2-23.vigie"
piped "80,000 recipient stanzas" "$vigie" --lang en --data-dir "$work/data" import --yes "$work/in/stanzas-80000.vigie"
piped "/dev/zero" "$vigie" --lang en --data-dir "$work/data" import --yes /dev/zero
piped "a FIFO" "$vigie" --lang en --data-dir "$work/data" import --yes "$work/in/fifo.vigie"
piped "photo 65000x65000, scrypt 2^19" "$vigie" --lang en --data-dir "$work/data" import --yes "$work/in/photo-65000.vigie"
piped "photo 65000x65000, scrypt 2^10" "$vigie" --lang en --data-dir "$work/data" import --yes "$work/in/photo-65000-cheap-kdf.vigie"

if [ $# -ge 2 ]; then
  echo "== backup and restore of $1 dossiers with $2 photos (release)"
  target/debug/examples/hostile_files folder "$work/big" "$1" "$2"
  du -sh "$work/big"
  printf '%s\n%s\n' "$pass" "$pass" >"$work/pass2"
  /usr/bin/time -f "%e s, %M kB" -o "$work/time" "$vigie" --lang en --data-dir "$work/big" backup --out "$work/all.vigie" <"$work/pass2" >"$work/out" 2>&1
  printf '%-34s %s   %s\n' "backup" "$(tail -1 "$work/time")" "$(tail -1 "$work/out" | cut -c1-90)"
  ls -l "$work/all.vigie" | awk '{print "  file: " $5 " bytes"}'
  mkdir -p "$work/restored"
  /usr/bin/time -f "%e s, %M kB" -o "$work/time" "$vigie" --lang en --data-dir "$work/restored" restore --yes "$work/all.vigie" <"$work/pass" >"$work/out" 2>&1
  printf '%-34s %s   %s\n' "restore" "$(tail -1 "$work/time")" "$(tail -1 "$work/out" | cut -c1-90)"
  # The disk's own speed, for comparison: copy the folder.
  sync
  /usr/bin/time -f "%e s, %M kB" -o "$work/time" cp -r "$work/big" "$work/copy"
  printf '%-34s %s\n' "cp -r of the folder (the disk)" "$(tail -1 "$work/time")"
fi
