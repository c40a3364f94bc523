#!/bin/bash
# Profiles one path of the throughput loop with Linux perf, in its steady state only: perf attaches once a warm-up
# round JIT-compiled nothing more, so the profile holds optimised (Tier-1) code and no JIT.
#   usage: Throughput/profile.sh ses|raw [rounds] [out-dir]      (from tests/SesMailer.Benchmarks, after a Release build)
# Then: perf report -i OUT/PATH.data --no-children --sort dso,sym
#       perf script -i OUT/PATH.data > OUT/PATH.script && python3 Throughput/perf-categories.py OUT/PATH.script CPU_US_PER_MSG
# Needs perf (Debian: linux-perf) and root or kernel.perf_event_paranoid <= 1.
set -euo pipefail
path=${1:?ses or raw}
rounds=${2:-6}
out=${3:-$(mktemp -d /tmp/throughput-profile-XXXXXX)}
mkdir -p "$out"
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# perf finds JIT-compiled code through /tmp/perf-PID.map; W^X double mapping would hide it.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
log="$out/$path.log"
dotnet bin/Release/net10.0/SesMailer.Benchmarks.dll --throughput "$rounds" "$path" > "$log" 2>&1 &
app=$!
until grep -q "warm-up round .*: 0 methods" "$log"; do
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
perf record -F 999 -g -p "$app" -o "$out/$path.data" 2>/dev/null &
recorder=$!
wait "$app" || true
# perf stops by itself when the process ends; interrupting it while it writes its data leaves an empty file.
for _ in $(seq 20); do kill -0 "$recorder" 2>/dev/null || break; sleep 0.5; done
kill -INT "$recorder" 2>/dev/null || true
wait "$recorder" || true
grep -v "warm-up" "$log"
echo "profile: $out/$path.data"
