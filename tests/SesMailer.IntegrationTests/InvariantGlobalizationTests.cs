using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>
/// An app running in invariant globalization mode that asks for a culture is stopped at start-up with the setting
/// named and the way out, not by a CultureNotFoundException at the first send. Run as a real process: the mode is
/// fixed when the runtime starts.
/// </summary>
public sealed class InvariantGlobalizationTests
{
    [Fact]
    public async Task The_web_app_refuses_to_start_naming_SesMailer_Culture()
    {
        var start = WebAppProcess.StartInfo();
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["SesMailer__Culture"] = "fr-FR";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";

        var (exitCode, output) = await WebAppProcess.RunUntilItStopsAsync(start, "The web app started in invariant globalization mode with SesMailer:Culture set.");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("SesMailer:Culture: Culture 'fr-FR' cannot be used to render emails", output, StringComparison.Ordinal);
        Assert.Contains("<InvariantGlobalization>false</InvariantGlobalization>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CultureNotFoundException", output, StringComparison.Ordinal);
    }
}
