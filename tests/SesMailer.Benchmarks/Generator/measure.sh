#!/usr/bin/env bash
# Generator cost per email (issue 12, target: under 2 ms per email, two templates each).
# Generates projects of 10 and 100 emails (an HTML template on a layout and a text template each) under /tmp,
# builds each once to warm up, then RUNS more builds that recompile (a source file is touched) and prints
# the median of `Total generator execution time` from -p:ReportAnalyzer=true -v:d.
#   usage: measure.sh [runs=5] [server=on|off] [templates=same|edited]
# templates=same: only the C# file changes between builds (the usual edit); the compiler server keeps the generator
# loaded, and templates it compiled before come from its store (Razor/CompiledTemplates.cs).
# templates=edited: before each build every template (the shipped ones too, from a copy) gets a new first line, so
# every template is compiled by Razor again: the cost of a build after all templates changed.
set -euo pipefail
runs=${1:-5}
server=${2:-on}
variant=${3:-same}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
root=$(mktemp -d /tmp/sesperf-gen-XXXX)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 AWS_EC2_METADATA_DISABLED=true
shared=true; [ "$server" = off ] && shared=false

make_project() { # $1 = number of emails
  local dir=$root/Emails$1
  mkdir -p "$dir/Emails"
  cp "$repo/global.json" "$root/" 2>/dev/null || true
  mkdir -p "$root/shared$1" && cp "$repo"/templates/*.cshtml "$root/shared$1/"
  cat > "$dir/Emails$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><SesMailerSharedTemplatesDirectory>$root/shared$1/</SesMailerSharedTemplatesDirectory></PropertyGroup>
  <Import Project="$repo/generators/UseSesMailer.targets" />
</Project>
XML
  printf '<html><body><main>@RenderBody()</main></body></html>\n' > "$dir/Emails/_Layout.cshtml"
  printf '@RenderBody()\n-- Demo\n' > "$dir/Emails/_Layout.text.cshtml"
  { echo 'using SesMailer;'; echo 'namespace Demo;'; } > "$dir/Emails.cs"
  for i in $(seq -w 1 "$1"); do
    echo "[Email(Subject = \"Hello {Name}\", Layout = \"_Layout\")] public sealed partial record Email$i(string Name, decimal Total);" >> "$dir/Emails.cs"
    printf '<h1>Hello, @Model.Name</h1>\n@if (Model.Total > 0)\n{\n<p>Total: @Model.Total.ToString("0.00")</p>\n}\n<p>Email %s</p>\n' "$i" > "$dir/Emails/Email$i.cshtml"
    printf 'Hello @Model.Name, email %s\n' "$i" > "$dir/Emails/Email$i.text.cshtml"
  done
  mkdir -p "$root/orig$1" && cp -r "$dir/Emails" "$root/shared$1" "$root/orig$1/"
  echo "$dir"
}

edit_templates() { # $1 = number of emails, $2 = run: a new first line in every template (the copies kept in orig$1)
  local f
  for f in "$root/orig$1"/Emails/*.cshtml; do printf '@* edit %s *@\n' "$2" | cat - "$f" > "$root/Emails$1/Emails/$(basename "$f")"; done
  for f in "$root/orig$1"/shared$1/*.cshtml; do printf '@* edit %s *@\n' "$2" | cat - "$f" > "$root/shared$1/$(basename "$f")"; done
}

for n in 10 100; do
  dir=$(make_project $n)
  dotnet build "$dir" -c Release -p:UseSharedCompilation=$shared -v:q > "$dir/warmup.log" 2>&1 || { cat "$dir/warmup.log"; exit 1; }
  times=(); own=()
  for r in $(seq 1 "$runs"); do
    touch "$dir/Emails.cs"
    [ "$variant" = edited ] && edit_templates "$n" "$r"
    dotnet build "$dir" -c Release --no-dependencies -p:UseSharedCompilation=$shared -p:ReportAnalyzer=true -v:d > "$dir/run$r.log" 2>&1
    times+=("$(grep -m1 'Total generator execution time' "$dir/run$r.log" | grep -oE '[0-9]+([.,][0-9]+)?' | head -1)")
    # SesMailer's own line of the per-generator table (seconds first): the rest is the SDK's generators.
    own+=("$(grep -m1 'SesMailer.Generators.EmailGenerator' "$dir/run$r.log" | grep -oE '[0-9]+([.,][0-9]+)?' | head -1)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mine=$(printf '%s\n' "${own[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "emails=$n server=$server templates=$variant load=$(cut -d' ' -f1 /proc/loadavg) total: ${times[*]} s; median ${median} s = $(awk -v m="$median" -v n=$n 'BEGIN {printf "%.2f", m*1000/n}') ms/email; SesMailer generator: ${own[*]} s, median ${mine} s = $(awk -v m="$mine" -v n=$n 'BEGIN {printf "%.2f", m*1000/n}') ms/email"
done
