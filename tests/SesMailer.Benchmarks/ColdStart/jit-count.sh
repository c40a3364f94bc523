#!/usr/bin/env bash
# What the JIT compiles in one run of the plain-JIT quick start (the `jit` program of measure.sh): the methods whose
# compilation started, by assembly, with the JIT's time for them (wall time between the runtime's MethodJittingStarted
# and MethodLoadVerbose events: on a busy machine it includes waiting for a core, so read the counts first). The
# counting is done by JitCounter, a startup hook (DOTNET_STARTUP_HOOKS) that the quick start never references.
#
# usage: tests/SesMailer.Benchmarks/ColdStart/jit-count.sh [OUTPUT]   (OUTPUT keeps every method, one a line)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sesmailer-jitcount-XXXXXX")"
trap 'rm -rf "$work"' EXIT
output="${1:-$work/methods.txt}"

export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset DOTNET_TieredCompilation DOTNET_TC_QuickJitForLoops DOTNET_TieredPGO DOTNET_ReadyToRun DOTNET_TC_QuickJit

cd "$repo"
dotnet publish samples/QuickStart -c Release -p:PublishReadyToRun=false -o "$work/jit" -v quiet --nologo
dotnet build tests/SesMailer.Benchmarks/ColdStart/JitCounter -c Release -o "$work/counter" -v quiet --nologo

DOTNET_STARTUP_HOOKS="$work/counter/JitCounter.dll" JITCOUNTER_OUT="$output" \
    dotnet "$work/jit/QuickStart.dll" --outbox "$work/outbox" > /dev/null
[ "$(find "$work/outbox" -name '*.eml' | wc -l)" -eq 3 ] || { echo "the quick start did not write three messages" >&2; exit 1; }
grep -v '^method ' "$output"
