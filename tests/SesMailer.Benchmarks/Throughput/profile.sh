#!/bin/bash
# Profiles one path of the throughput loop with Linux perf, in its steady state only: perf attaches once a warm-up
# round JIT-compiled nothing more, so the profile holds optimised (Tier-1) code and no JIT.
#   usage: Throughput/profile.sh ses|raw [rounds] [out-dir]      (from tests/SesMailer.Benchmarks, after a Release build)
# Then: perf report -i OUT/PATH.data --no-children --sort dso,sym
#       perf script -i OUT/PATH.data > OUT/PATH.script && python3 Throughput/perf-categories.py OUT/PATH.script CPU_US_PER_MSG
set -euo pipefail
path=${1:?ses or raw}
rounds=${2:-6}
out=${3:-$(mktemp -d /tmp/throughput-profile-XXXXXX)}
"$(dirname "$0")/../perf-attach.sh" "$out" "$path" "warm-up round .*: 0 methods" -- \
  dotnet bin/Release/net10.0/SesMailer.Benchmarks.dll --throughput "$rounds" "$path"
grep -v "warm-up" "$out/$path.log"
echo "profile: $out/$path.data"
