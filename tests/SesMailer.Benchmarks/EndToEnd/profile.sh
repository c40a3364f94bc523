#!/bin/bash
# Profiles one row of the full send (EndToEnd/FullSendLoop.cs) with Linux perf, in its steady state only.
#   usage: EndToEnd/profile.sh mimekit|typed|composer|razorlight|disposed [seconds] [out-dir]   (from tests/SesMailer.Benchmarks, after a Release build)
# Then: perf report -i OUT/ROW.data --no-children --sort sym      (self time)
#       perf report -i OUT/ROW.data --children --sort sym         (inclusive time)
# Needs perf (Debian: linux-perf) and root or kernel.perf_event_paranoid <= 1.
set -euo pipefail
row=${1:?mimekit, typed, composer, razorlight or disposed}
seconds=${2:-20}
out=${3:-$(mktemp -d /tmp/fullsend-profile-XXXXXX)}
mkdir -p "$out"
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# perf finds JIT-compiled code through /tmp/perf-PID.map; W^X double mapping would hide it.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
log="$out/$row.log"
dotnet bin/Release/net10.0/SesMailer.Benchmarks.dll --full-send-loop "$row" "$seconds" > "$log" 2>&1 &
app=$!
until grep -q "^steady" "$log"; do
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
perf record -F 999 -g -p "$app" -o "$out/$row.data" 2>/dev/null &
recorder=$!
wait "$app"
kill -INT "$recorder" 2>/dev/null || true
wait "$recorder" || true
cat "$log"
echo "profile: $out/$row.data"
