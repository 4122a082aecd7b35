#!/usr/bin/env bash
# On-CPU profile of the running benchmark's services with Linux perf (software clock, so it works
# where hardware counters are not exposed). Node's own --cpu-prof samples wall time on the main
# thread: a sample taken while the process waits for a core lands in whatever it was doing (often
# `writev`), which overstates system calls on a busy machine; perf counts only time on a CPU, GC
# threads and the kernel included.
#
#   npm run bench -w @eco/bench -- --only inbox --duration 30 --service-node-flags=--perf-basic-prof &
#   bench/scripts/perf-record.sh 10 /tmp/perf-inbox     # once the measurement you want is running
#   perf report -i /tmp/perf-inbox/rectification.data --no-children --sort sym -g none
set -euo pipefail
seconds=${1:?seconds to record}
out=${2:?output directory}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
pids=()
for pid in $(pgrep -f 'dist/main.js' || true); do
  name=$(basename "$(readlink "/proc/$pid/cwd")")
  perf record -q -e cpu-clock -F 999 -g -p "$pid" -o "$out/$name.data" -- sleep "$seconds" 2>/dev/null &
  pids+=("$!")
done
[ ${#pids[@]} -gt 0 ] || { echo "no service processes (dist/main.js under $root) are running" >&2; exit 1; }
wait "${pids[@]}"
for data in "$out"/*.data; do
  printf '%-14s %7d samples\n' "$(basename "$data" .data)" "$(perf script -i "$data" -F comm 2>/dev/null | wc -l)"
done
