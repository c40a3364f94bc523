#!/bin/bash
# Runs a benchmark program and attaches Linux perf to it once it prints MARKER (its steady state), so the profile holds
# optimised code only; shared by the profile.sh scripts of EndToEnd, Rendering and Throughput.
#   usage: perf-attach.sh OUT NAME MARKER -- COMMAND...     (writes OUT/NAME.log and OUT/NAME.data)
# Needs perf (Debian: linux-perf) and root or kernel.perf_event_paranoid <= 1.
set -euo pipefail
out=$1 name=$2 marker=$3
shift 3
[ "${1:-}" = "--" ] && shift
mkdir -p "$out"
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# perf finds JIT-compiled code through /tmp/perf-PID.map; W^X double mapping would hide it.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
log="$out/$name.log"
"$@" > "$log" 2>&1 &
app=$!
until grep -q "$marker" "$log"; do
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
perf record -F 999 -g -p "$app" -o "$out/$name.data" 2>/dev/null &
recorder=$!
wait "$app" || true
# perf stops by itself when the process ends; interrupting it while it writes its data leaves an empty file.
for _ in $(seq 20); do kill -0 "$recorder" 2>/dev/null || break; sleep 0.5; done
kill -INT "$recorder" 2>/dev/null || true
wait "$recorder" || true
