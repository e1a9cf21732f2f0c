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
# time); hyperfine if present (apt-get install hyperfine), else a loop in
# which the two programs take turns, each run timed, medians compared
# (RUNS=N runs each, 20 by default).
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
    # Three warm-up runs each, not timed (they build Vigie's index). Then
    # the two programs take turns, so that a busy moment of the machine
    # weighs on both; each run is timed on its own and the medians are
    # compared.
    # "list": until the first frame that shows the dossier list, which is
    # read while the first frame is drawn.
    for _ in 1 2 3; do $bare; sleep 0.3; $vigie_cmd; sleep 0.3; done
    : > "$data/bare.ms"; : > "$data/vigie.ms"; : > "$data/list.ms"
    for _ in \$(seq $runs); do
        for which in bare vigie list; do
            case \$which in
                bare) cmd="$bare" ;;
                vigie) cmd="$vigie_cmd" ;;
                list) cmd="env VIGIE_EXIT_AFTER_FIRST_FRAME=list $vigie_cmd" ;;
            esac
            sleep 0.3
            start=\$(date +%s%N)
            \$cmd
            end=\$(date +%s%N)
            echo \$(( (end - start) / 1000 )) >> "$data/\$which.ms"
        done
    done
    median() { sort -n "\$1" | awk '{a[NR]=\$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'; }
    b=\$(median "$data/bare.ms"); v=\$(median "$data/vigie.ms"); l=\$(median "$data/list.ms")
    echo "bare eframe window: median \$b ms over $runs runs"
    echo "vigie, $dossiers dossiers, first frame: median \$v ms over $runs runs"
    echo "vigie, $dossiers dossiers, until the list shows: median \$l ms over $runs runs"
    awk -v b="\$b" -v v="\$v" -v l="\$l" 'BEGIN {printf "ratio of the medians: first frame %.2fx, list shown %.2fx\n", v / b, l / b}'
fi
for cmd in "$bare" "$vigie_cmd"; do
    rss=\$( { /usr/bin/time -v \$cmd > /dev/null; } 2>&1 | awk -F': ' '/Maximum resident/ {print \$2}')
    echo "max RSS \$rss kB: \$cmd"
done
INNER
xvfb-run -a -s "-screen 0 1280x1024x24" bash "$data/inner.sh"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
