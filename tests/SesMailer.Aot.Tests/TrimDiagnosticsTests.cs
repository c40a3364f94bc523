using SesMailer.Aot.Tests.Support;
using Xunit;

namespace SesMailer.Aot.Tests;

/// <summary>The publish log check finds trimming and AOT diagnostics, and only those: the no-warning test can fail.</summary>
public sealed class TrimDiagnosticsTests
{
    [Theory]
    [InlineData("/src/Program.cs(12,5): warning IL2026: Using member 'X' which has 'RequiresUnreferencedCodeAttribute'")]
    [InlineData("ILC : AOT analysis warning IL3050: Program.<Main>$(String[]): Using member 'Y' which has 'RequiresDynamicCodeAttribute'")]
    [InlineData("/root/.nuget/packages/x/lib/X.dll : error IL2104: Assembly 'X' produced trim warnings.")]
    public void A_trimming_or_AOT_diagnostic_is_found(string line) =>
        Assert.Equal([line], TrimDiagnostics.In("  Generating native code\n" + line + "\n  QuickStart -> /tmp/native/\n"));

    [Theory]
    [InlineData("/src/Program.cs(12,5): warning CS1591: Missing XML comment for publicly visible type")]
    [InlineData("warning NU1603: X depends on Y (>= 1.0.0) but Y 1.0.0 was not found")]
    [InlineData("  QuickStart -> /tmp/native/")]
    public void Other_lines_are_not(string line) => Assert.Empty(TrimDiagnostics.In(line));
}
