using SesMailer.TestSupport.Emulator;
using Xunit;

namespace SesMailer.Ses.Tests.Integration;

public sealed class EmulatorFixtureTests
{
    [Fact]
    public void A_missing_install_fails_with_the_command_that_installs_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SesEmulatorFixture.EnsureInstalled("/nonexistent/node_modules/aws-ses-v2-local/dist/cli.js"));

        Assert.Contains("npm ci --prefix tests/ses-emulator", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/node_modules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_fixture_stops_the_emulator()
    {
        var fixture = new SesEmulatorFixture();
        await fixture.InitializeAsync();
        var endpoint = fixture.Endpoint;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using (var alive = await http.GetAsync(new Uri(endpoint, "health-check")))
        {
            Assert.True(alive.IsSuccessStatusCode);
        }

        await fixture.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(endpoint, "health-check")));
    }
}
