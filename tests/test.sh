#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine (.NET 10 SDK and Node.js 20.19+ present).
# It installs what the tests need first, so CI and a new clone run exactly the same thing:
#   - the SES emulator (aws-ses-v2-local) from the committed lock file, with `npm ci`;
#   - clang and zlib1g-dev from Debian's packages when missing: Native AOT links with them;
#   - chromium from Debian's packages when missing: the browser tests (tests/SesMailer.Browser.Tests) drive it headless;
#   - postgresql from Debian's packages when initdb is missing: the queue tests start their own server.
# Extra arguments go to `dotnet test` (for example: tests/test.sh --filter "FullyQualifiedName~Mime").
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Without it, a machine with no AWS credentials waits ~16 s on the EC2 instance-metadata endpoint.
export AWS_EC2_METADATA_DISABLED=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== installing the SES emulator (npm ci, tests/ses-emulator)"
npm ci --prefix tests/ses-emulator --no-audit --no-fund --loglevel=error

# Native AOT compiles with the ILCompiler package but links with the system's clang against zlib. The browser tests
# launch /usr/lib/chromium/chromium through Playwright, which downloads no browser of its own.
missing=()
command -v clang > /dev/null || missing+=(clang)
dpkg -s zlib1g-dev > /dev/null 2>&1 || missing+=(zlib1g-dev)
dpkg -s chromium > /dev/null 2>&1 || missing+=(chromium)
# The PostgreSQL queue tests start a server of their own in a temporary folder (initdb, pg_ctl), never a service.
if ! command -v initdb > /dev/null && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    missing+=(postgresql)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]} (apt-get, for Native AOT, the browser tests and the PostgreSQL tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

echo "== building"
dotnet build SesMailer.sln -c Release --nologo -v quiet

echo "== testing"
log="$(mktemp)"
status=0
dotnet test SesMailer.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects' own summaries.
awk '/(Passed|Failed)!  - Failed:/ {
        for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
