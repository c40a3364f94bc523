#!/bin/bash
# Profiles one row of the full send (EndToEnd/FullSendLoop.cs) with Linux perf, in its steady state only.
#   usage: EndToEnd/profile.sh mimekit|typed|composer|razorlight [seconds] [out-dir]   (from tests/SesMailer.Benchmarks, after a Release build)
# Then: perf report -i OUT/ROW.data --no-children --sort sym      (self time)
#       perf report -i OUT/ROW.data --children --sort sym         (inclusive time)
set -euo pipefail
row=${1:?mimekit, typed, composer or razorlight}
seconds=${2:-20}
out=${3:-$(mktemp -d /tmp/fullsend-profile-XXXXXX)}
"$(dirname "$0")/../perf-attach.sh" "$out" "$row" "^steady" -- \
  dotnet bin/Release/net10.0/SesMailer.Benchmarks.dll --full-send-loop "$row" "$seconds"
cat "$out/$row.log"
echo "profile: $out/$row.data"
