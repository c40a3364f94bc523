#!/usr/bin/env bash
# Builds a throwaway project with N emails (HTML + text template each, a shared layout and partial) against the
# repository's generator and prints the compiler's "Total generator execution time" (-p:ReportAnalyzer=true).
# Usage: generators/perf/measure.sh [N=100]
set -euo pipefail
count="${1:-100}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Emails"
echo "<Project/>" > "$work/Directory.Build.props"
echo "<Project/>" > "$work/Directory.Packages.props"
cat > "$work/Perf.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <Import Project="$repo/generators/UseSesMailer.targets" />
</Project>
XML
for i in $(seq 1 "$count"); do
  cat > "$work/Emails/Message${i}Email.cs" <<CS
namespace Perf.Emails;
[SesMailer.Email(Subject = "Message $i for {Name}: {Total:0.00}", Layout = "_Layout")]
public sealed record Message${i}Email(string Name, decimal Total, IReadOnlyList<string> Lines, Uri Link);
CS
  cat > "$work/Emails/Message${i}Email.cshtml" <<'CSHTML'
@{ ViewData["Title"] = "Message"; ViewData["Preheader"] = Model.Name; }
<h1>Hello @Model.Name</h1>
<ul>
@foreach (var line in Model.Lines)
{
    <li class="@(line.Length > 10 ? "long" : "short")">@line</li>
}
</ul>
<p>Total: @Model.Total.ToString("0.00")</p>
@await Partial("_Button", new ButtonModel("Open", Model.Link))
CSHTML
  cat > "$work/Emails/Message${i}Email.text.cshtml" <<'CSHTML'
Hello @Model.Name
@foreach (var line in Model.Lines)
{
@:- @line
}
Total: @Model.Total.ToString("0.00")
CSHTML
done
cd "$work"
# First build: the generator, the runtime and the project (warms the compiler server); then the project alone, three
# times from scratch, so the report holds only its own compilation.
dotnet build > build.log 2>&1 || { tail -50 build.log; exit 1; }
for run in 1 2 3; do
  dotnet build --no-dependencies --no-incremental -p:ReportAnalyzer=true -v:d > "report$run.log" 2>&1 || { tail -50 "report$run.log"; exit 1; }
  echo "run $run: $(grep -m1 'Total generator execution time' "report$run.log" | sed 's/^ *//')"
  grep -m1 'SesMailer.Generators.EmailGenerator' "report$run.log" | sed 's/^ */  time, % of generator time, generator: /'
done
