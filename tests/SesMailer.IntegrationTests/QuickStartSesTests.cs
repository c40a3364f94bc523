using QuickStart;
using SesMailer.TestSupport.Emulator;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>
/// The quick start with <c>--ses</c>, pointed at a real aws-ses-v2-local: the three typed emails go through the
/// SES transport (SendRawEmail, SigV4) and the emulator, which parses the MIME with a real parser, shows them.
/// </summary>
public sealed class QuickStartSesTests(SesEmulatorFixture emulator) : IClassFixture<SesEmulatorFixture>
{
    [Fact]
    public async Task The_sample_emails_arrive_with_their_subjects_bodies_and_recipients()
    {
        var recipient = $"ann+{Guid.NewGuid():N}@example.com";
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await QuickStartApp.RunAsync(
            ["--ses", "--endpoint", emulator.Endpoint.ToString(), "--to", recipient, "--from", "Acme <hello@acme.example>"],
            output,
            error);

        Assert.True(exit == 0, error.ToString());
        Assert.Equal(3, output.ToString().Split('\n').Count(line => line.Contains("sent through SES", StringComparison.Ordinal)));

        var store = await emulator.GetStoreAsync();
        var received = store.Emails.Where(email => email.Destination.To.Contains(recipient)).ToDictionary(email => email.Subject);
        Assert.Equal(["Reset your Acme password", "Welcome to Acme, Ann!", "Your receipt A-1042"], received.Keys.Order(StringComparer.Ordinal));
        foreach (var email in received.Values)
        {
            Assert.Contains("hello@acme.example", email.From, StringComparison.Ordinal);
            Assert.Empty(email.Destination.Cc);
            Assert.Empty(email.Destination.Bcc);
        }

        var welcome = received["Welcome to Acme, Ann!"];
        Assert.Contains("<h1>Welcome to Acme, Ann!</h1>", welcome.Body.Html, StringComparison.Ordinal);
        Assert.Contains("https://acme.example/confirm?token=3f9a", welcome.Body.Text, StringComparison.Ordinal);

        var reset = received["Reset your Acme password"];
        Assert.Contains("The link works for 30 minutes.", reset.Body.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://acme.example/reset?token=b71c\"", reset.Body.Html, StringComparison.Ordinal);

        var receipt = received["Your receipt A-1042"];
        Assert.Contains("Grinder &lt;Pro&gt;", receipt.Body.Html, StringComparison.Ordinal);
        Assert.Contains("Filter papers", receipt.Body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_as_an_error_exit()
    {
        var error = new StringWriter();

        // Port 9 (discard) on loopback: nothing listens, so the connection is refused before anything is sent.
        var exit = await QuickStartApp.RunAsync(["--ses", "--endpoint", "http://127.0.0.1:9"], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
    }
}
