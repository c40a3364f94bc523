using System.Text.RegularExpressions;

namespace SesMailer.Aot.Tests.Support;

/// <summary>Finds trimming and AOT analysis diagnostics (IL2xxx, IL3xxx) in a build log.</summary>
internal static partial class TrimDiagnostics
{
    /// <summary>Each distinct diagnostic line of <paramref name="log"/>.</summary>
    public static IReadOnlyList<string> In(string log) =>
        Diagnostic().Matches(log).Select(m => m.Value.Trim()).Distinct(StringComparer.Ordinal).ToList();

    // As MSBuild prints them: "…: warning IL2026: …", "ILC : AOT analysis warning IL3050: …", or "error" under
    // warnings-as-errors (the repository's setting). IL2104 ("assembly produced trim warnings") is one of them.
    [GeneratedRegex(@"[^\r\n]*(?:warning|error) IL[23]\d{3}\b[^\r\n]*")]
    private static partial Regex Diagnostic();
}
