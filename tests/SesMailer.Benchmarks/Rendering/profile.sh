#!/bin/bash
# Profiles one generated render (Rendering/RenderLoop.cs) with Linux perf, in its steady state only.
#   usage: Rendering/profile.sh catalogue|receipt|welcome [seconds] [out-dir]   (from tests/SesMailer.Benchmarks, after a Release build)
# Then: perf report -i OUT/NAME.data --no-children --sort sym      (self time)
set -euo pipefail
name=${1:?catalogue, receipt or welcome}
seconds=${2:-15}
out=${3:-$(mktemp -d /tmp/render-profile-XXXXXX)}
mkdir -p "$out"
export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# perf finds JIT-compiled code through /tmp/perf-PID.map; W^X double mapping would hide it.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
log="$out/$name.log"
dotnet bin/Release/net10.0/SesMailer.Benchmarks.dll --render-loop "$name" "$seconds" > "$log" 2>&1 &
app=$!
until grep -q "^steady" "$log"; do
  kill -0 "$app" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
perf record -F 999 -g -p "$app" -o "$out/$name.data" 2>/dev/null &
recorder=$!
wait "$app"
kill -INT "$recorder" 2>/dev/null || true
wait "$recorder" || true
cat "$log"
echo "profile: $out/$name.data"
