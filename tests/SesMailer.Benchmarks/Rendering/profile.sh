#!/bin/bash
# Profiles one generated render (Rendering/RenderLoop.cs) with Linux perf, in its steady state only.
#   usage: Rendering/profile.sh catalogue|receipt|welcome [seconds] [out-dir]   (from tests/SesMailer.Benchmarks, after a Release build)
# Then: perf report -i OUT/NAME.data --no-children --sort sym      (self time)
set -euo pipefail
name=${1:?catalogue, receipt or welcome}
seconds=${2:-15}
out=${3:-$(mktemp -d /tmp/render-profile-XXXXXX)}
"$(dirname "$0")/../perf-attach.sh" "$out" "$name" "^steady" -- \
  dotnet bin/Release/net10.0/SesMailer.Benchmarks.dll --render-loop "$name" "$seconds"
cat "$out/$name.log"
echo "profile: $out/$name.data"
