#!/usr/bin/env bash
# Cold start as users meet it: whole processes, each sending the quick start's three emails (welcome, password reset,
# receipt) to a fresh outbox folder, from process start to exit.
#
#   jit         samples/QuickStart, framework-dependent, plain JIT (-p:PublishReadyToRun=false, default tiered compilation)
#   native      samples/QuickStart published with Native AOT (-r linux-x64 -p:PublishAot=true)
#   razorlight  ColdStart/RazorLightColdStart: the same templates and models rendered by RazorLight, compiled at run time
#
# Each program runs once unmeasured (so all three start with the files in the OS cache), then RUNS times, the three
# interleaved so that noise from the rest of the machine falls on all of them alike. Reported: the median, min and max
# wall time (nanosecond clock around the process), the median CPU time (user + system, GNU time's %U + %S: less
# sensitive than wall time to other work on the machine, but it counts every thread, so a program that compiles on
# several threads pays for each) and the median peak RSS (%M), and RazorLight's median wall and CPU time as multiples
# of each program's. tests/SesMailer.Aot.Tests checks that the three write the same messages.
#
# usage: tests/SesMailer.Benchmarks/ColdStart/measure.sh [RUNS]     (RUNS >= 7, default 11)
set -euo pipefail

runs="${1:-11}"
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 7 ]; then
    echo "usage: $0 [RUNS]   (RUNS is a whole number, at least 7)" >&2
    exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sesmailer-coldstart-XXXXXX")"
trap 'rm -rf "$work"' EXIT

export AWS_EC2_METADATA_DISABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The runtime's defaults, whatever this shell had set.
unset DOTNET_TieredCompilation DOTNET_TC_QuickJitForLoops DOTNET_TieredPGO DOTNET_ReadyToRun DOTNET_TC_QuickJit

# GNU time for peak memory (the shell keyword cannot report it); clang and zlib1g-dev for Native AOT.
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v clang > /dev/null || missing+=(clang)
dpkg -s zlib1g-dev > /dev/null 2>&1 || missing+=(zlib1g-dev)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== installing ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

cd "$repo"
echo "== publishing into $work"
dotnet publish samples/QuickStart -c Release -p:PublishReadyToRun=false -o "$work/jit" -v quiet --nologo
dotnet publish samples/QuickStart -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" -v quiet --nologo
dotnet publish tests/SesMailer.Benchmarks/ColdStart/RazorLightColdStart -c Release -p:PublishReadyToRun=false \
    -o "$work/razorlight" -v quiet --nologo

programs=(jit native razorlight)
declare -A command=(
    [jit]="dotnet $work/jit/QuickStart.dll"
    [native]="$work/native/QuickStart"
    [razorlight]="dotnet $work/razorlight/RazorLightColdStart.dll"
)

# One run: a fresh outbox, then "<wall ms> <peak RSS KiB> <CPU ms>" on stdout; fails unless the program wrote three messages.
run_once() {
    local name="$1" outbox="$work/outbox-$1"
    rm -rf "$outbox"
    local start end
    start=$(date +%s%N)
    # shellcheck disable=SC2086 # the command is words on purpose
    /usr/bin/time -f '%M %U %S' -o "$work/rss" ${command[$name]} --outbox "$outbox" > "$work/stdout" 2>&1 || {
        echo "$name failed:" >&2; cat "$work/stdout" >&2; exit 1; }
    end=$(date +%s%N)
    local written
    written=$(find "$outbox" -name '*.eml' | wc -l)
    [ "$written" -eq 3 ] || { echo "$name wrote $written messages, not 3" >&2; exit 1; }
    echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$work/rss" | awk '{ printf "%d %d", $1, ($2 + $3) * 1000 }')"
}

echo "== warming the file cache (one unmeasured run each)"
for name in "${programs[@]}"; do run_once "$name" > /dev/null; done

echo "== $runs runs each, interleaved"
for ((i = 1; i <= runs; i++)); do
    for name in "${programs[@]}"; do
        run_once "$name" >> "$work/$name.samples"
    done
    printf '.'
done
echo

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A wall rss low high cpu
for name in "${programs[@]}"; do
    wall[$name]=$(cut -d' ' -f1 "$work/$name.samples" | median)
    low[$name]=$(cut -d' ' -f1 "$work/$name.samples" | sort -n | head -n 1)
    high[$name]=$(cut -d' ' -f1 "$work/$name.samples" | sort -n | tail -n 1)
    rss[$name]=$(cut -d' ' -f2 "$work/$name.samples" | median)
    cpu[$name]=$(cut -d' ' -f3 "$work/$name.samples" | median)
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each"
printf '| %s | %s | %s | %s | %s | %s | %s |\n' program "median wall ms" "min–max wall ms" "median CPU ms" "peak RSS MiB" \
    "RazorLight wall / this" "RazorLight CPU / this"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' --- ---: ---: ---: ---: ---: ---:
for name in "${programs[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "${wall[$name]}" "${low[$name]}–${high[$name]}" "${cpu[$name]}" \
        "$(awk -v k="${rss[$name]}" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(awk -v r="${wall[razorlight]}" -v t="${wall[$name]}" 'BEGIN { printf "%.1f×", r / t }')" \
        "$(awk -v r="${cpu[razorlight]}" -v t="${cpu[$name]}" 'BEGIN { printf "%.1f×", r / t }')"
done
