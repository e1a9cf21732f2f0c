#!/usr/bin/env bash
# Start-up and memory of Vigie against a bare eframe window (same backend,
# features and window size), both closing right after their first frame,
# under Xvfb. Vigie opens a data folder holding 10,000 dossiers (DOSSIERS=N
# for another count); its index is built by the warm-up runs, as it would
# be by the first start.
#
#   benches/startup.sh [release|debug]      (default: release)
#
# Needs: xvfb-run (apt-get install xvfb), /usr/bin/time (apt-get install
# time); hyperfine if present (apt-get install hyperfine), else a loop.
# Build first: cargo build --release --bin vigie --example bare_window
set -euo pipefail

profile="${1:-release}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}/$profile"
vigie="$target/vigie"
bare="$target/examples/bare_window"
runs="${RUNS:-20}"
dossiers="${DOSSIERS:-10000}"
for bin in "$vigie" "$bare"; do
    [[ -x "$bin" ]] || { echo "missing $bin: cargo build --$profile --bin vigie --example bare_window" >&2; exit 1; }
done

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# One real dossier written by the store, copied to as many ids.
"$vigie" --data-dir "$data" debug-save-loop --count 1 > /dev/null
for n in $(seq -w 1 $((dossiers - 1))); do
    cp "$data/dossiers/crash-test.ron" "$data/dossiers/bench-$n.ron"
done
echo "data folder: $(ls "$data/dossiers" | wc -l) dossiers"

export VIGIE_EXIT_AFTER_FIRST_FRAME=1
vigie_cmd="$vigie --data-dir $data --lang fr"

# Both run inside one X server, started once, so that only the programs
# are timed. A pause before each run (not timed): Xvfb now and then refuses
# a connection opened right after the previous one closed.
cat > "$data/inner.sh" <<INNER
set -euo pipefail
if command -v hyperfine > /dev/null; then
    hyperfine --warmup 3 --runs $runs -N --prepare "sleep 0.3" --export-markdown "$data/times.md" \
        -n "bare eframe window" "$bare" -n "vigie, $dossiers dossiers" "$vigie_cmd"
    cat "$data/times.md"
else
    for cmd in "$bare" "$vigie_cmd"; do
        # Three warm-up runs, not timed (they build Vigie's index).
        for _ in 1 2 3; do \$cmd; sleep 0.3; done
        start=\$(date +%s%N)
        for _ in \$(seq $runs); do \$cmd; done
        end=\$(date +%s%N)
        echo "\$cmd: \$(( (end - start) / $runs / 1000000 )) ms per run"
    done
fi
for cmd in "$bare" "$vigie_cmd"; do
    rss=\$( { /usr/bin/time -v \$cmd > /dev/null; } 2>&1 | awk -F': ' '/Maximum resident/ {print \$2}')
    echo "max RSS \$rss kB: \$cmd"
done
INNER
xvfb-run -a -s "-screen 0 1280x1024x24" bash "$data/inner.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
