using System.Text;
using MimeKit;
using QuickStart;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>The quick start with no switches: three typed emails written as .eml files, read back with MimeKit.</summary>
public sealed class QuickStartOutboxTests : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "sesmailer-quickstart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Writes_the_three_sample_emails_as_parseable_multipart_messages()
    {
        var output = new StringWriter();
        var exit = await QuickStartApp.RunAsync(["--outbox", _outbox, "--to", "ann@example.com"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains(Path.GetFullPath(_outbox), output.ToString(), StringComparison.Ordinal);
        var files = Directory.GetFiles(_outbox, "*.eml");
        Assert.Equal(3, files.Length);

        var messages = files.Select(file => MimeMessage.Load(file)).ToDictionary(m => m.Subject ?? string.Empty);
        Assert.Equal(["Reset your Acme password", "Welcome to Acme, Ann!", "Your receipt A-1042"], messages.Keys.Order(StringComparer.Ordinal));
        foreach (var message in messages.Values)
        {
            Assert.Equal("ann@example.com", Assert.Single(message.To.Mailboxes).Address);
            Assert.Equal("hello@acme.example", Assert.Single(message.From.Mailboxes).Address);
            var alternative = Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        }

        var welcome = messages["Welcome to Acme, Ann!"];
        Assert.Contains("href=\"https://acme.example/confirm?token=3f9a\"", welcome.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://acme.example/confirm?token=3f9a", welcome.TextBody, StringComparison.Ordinal);

        // The receipt has no text template: its text part is derived from the HTML, and its HTML is encoded.
        var receipt = messages["Your receipt A-1042"];
        Assert.Contains("Grinder &lt;Pro&gt;", receipt.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Grinder <Pro>", receipt.TextBody, StringComparison.Ordinal);
        // Sent in fr-FR: French date and separators, and the order's dollars are still dollars ($US), never euros.
        Assert.Contains("138,60 $US", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("mercredi 25 novembre 2026", receipt.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("€", receipt.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_written_file_uses_CRLF_line_endings_and_7_bit_lines_of_at_most_998_octets()
    {
        Assert.Equal(0, await QuickStartApp.RunAsync(["--outbox", _outbox], TextWriter.Null, TextWriter.Null));

        foreach (var file in Directory.GetFiles(_outbox, "*.eml"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.All(bytes, b => Assert.True(b < 0x80, $"{Path.GetFileName(file)} holds a non-ASCII byte"));
            var text = Encoding.ASCII.GetString(bytes);
            Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 998, $"a line of {line.Length} octets"));
        }
    }

    [Fact]
    public async Task A_bad_option_is_a_usage_error_that_sends_nothing()
    {
        var error = new StringWriter();

        var exit = await QuickStartApp.RunAsync(["--outbox", _outbox, "--endpoint", "http://127.0.0.1:1"], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("--endpoint and --region only apply with --ses", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_outbox));
    }

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }
}
