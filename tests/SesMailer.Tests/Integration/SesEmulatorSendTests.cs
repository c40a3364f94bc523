using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.TestSupport.Emulator;
using SesMailer.Transport;

namespace SesMailer.Tests.Integration;

/// <summary>
/// Messages composed by SesMailer and sent through <see cref="SesTransport"/> to the real aws-ses-v2-local, which
/// parses the MIME with mailparser: what its <c>GET /store</c> shows is what a real MIME parser made of our bytes.
/// </summary>
public sealed class SesEmulatorSendTests(SesEmulatorFixture emulator) : IClassFixture<SesEmulatorFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public async Task Attachments_an_inline_image_and_reply_to_arrive_as_sent()
    {
        using var client = emulator.Client();
        var mailer = Mailer.Create(m => m.UseSes(client).DefaultFrom("Acme Shop <shop@acme.example>"));
        var subject = "Receipt Nº " + Guid.NewGuid().ToString("N")[..8] + " — merci";
        var message = new EmailMessage
        {
            Subject = subject,
            HtmlBody = "<p>Thanks, Zoë!</p><img src=\"cid:logo\" alt=\"Acme\"><p>Total: <b>12.50 €</b></p>",
        };
        message.Options.To.Add(new EmailAddress("ann@example.com", "Ann Ångström"));
        message.Options.Cc.Add("carl@example.com");
        message.Options.Bcc.Add("audit@example.com");
        message.Options.ReplyTo.Add("support@acme.example");
        message.Options.ReplyTo.Add(new EmailAddress("sales@acme.example", "Sales"));
        message.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", Png).AsInline("logo"));
        message.Options.Attachments.Add(EmailAttachment.FromBytes("receipt.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% receipt\n")));
        message.Options.Attachments.Add(EmailAttachment.FromBytes("données.csv", Encoding.UTF8.GetBytes("article;prix\nthé;12,50\n")));
        message.Options.Tags.Add(new MessageTag("kind", "receipt"));

        var result = await mailer.SendAsync(message, Timeout());

        var stored = await StoredAsync(subject);
        Assert.Equal(result.MessageId, stored.GetProperty("messageId").GetString());
        Assert.Contains("shop@acme.example", stored.GetProperty("from").GetString(), StringComparison.Ordinal);
        var replyTo = stored.GetProperty("replyTo")[0].GetString()!;
        Assert.Contains("support@acme.example", replyTo, StringComparison.Ordinal);
        Assert.Contains("Sales", replyTo, StringComparison.Ordinal);
        Assert.Contains("<sales@acme.example>", replyTo, StringComparison.Ordinal);
        var to = stored.GetProperty("destination").GetProperty("to")[0].GetString();
        Assert.Contains("Ann Ångström", to, StringComparison.Ordinal);
        Assert.Contains("<ann@example.com>", to, StringComparison.Ordinal);
        Assert.Equal(subject, stored.GetProperty("subject").GetString());
        Assert.Equal(0, stored.GetProperty("destination").GetProperty("bcc").GetArrayLength());
        Assert.Contains("Thanks, Zoë!", stored.GetProperty("body").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("12.50 €", stored.GetProperty("body").GetProperty("html").GetString(), StringComparison.Ordinal);

        var attachments = stored.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(3, attachments.Count);
        var logo = Assert.Single(attachments, a => a.GetProperty("filename").GetString() == "logo.png");
        Assert.Equal("logo", logo.GetProperty("cid").GetString());
        Assert.Equal("inline", logo.GetProperty("contentDisposition").GetString());
        Assert.True(logo.GetProperty("related").GetBoolean());
        Assert.Equal(Png, Convert.FromBase64String(logo.GetProperty("content").GetString()!));
        var pdf = Assert.Single(attachments, a => a.GetProperty("filename").GetString() == "receipt.pdf");
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        Assert.Equal("attachment", pdf.GetProperty("contentDisposition").GetString());
        Assert.Equal("%PDF-1.4\n% receipt\n", Encoding.ASCII.GetString(Convert.FromBase64String(pdf.GetProperty("content").GetString()!)));
        var csv = Assert.Single(attachments, a => a.GetProperty("filename").GetString() == "données.csv");
        Assert.Equal("article;prix\nthé;12,50\n", Encoding.UTF8.GetString(Convert.FromBase64String(csv.GetProperty("content").GetString()!)));
    }

    [Fact]
    public async Task AddSesMailer_sends_through_ses_chosen_by_configuration_over_the_http_client_factory()
    {
        var counter = new CountingHandler();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SesMailer:From"] = "Acme <noreply@acme.example>",
            ["SesMailer:Ses:Region"] = "us-east-1",
            ["SesMailer:Ses:Endpoint"] = emulator.Endpoint.ToString(),
            // A configured rate: the pacing does not ask GetSendQuota (which the emulator never answers), so the one request counted is the send.
            ["SesMailer:Sending:MaxSendRate"] = "10",
        }).Build();
        var services = new ServiceCollection();
        services.AddSesMailer(configuration.GetSection("SesMailer"))
            .UseSes(o => o.AttemptTimeout = TimeSpan.FromSeconds(10), SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret"));
        services.AddHttpClient(SesMailerServiceCollectionExtensions.SesHttpClientName).AddHttpMessageHandler(() => counter);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<SesTransport>(provider.GetRequiredService<IEmailTransport>());
        var options = provider.GetRequiredService<IOptions<MailerOptions>>().Value.Ses;
        Assert.Equal(emulator.Endpoint, options.Endpoint);
        Assert.Equal("us-east-1", options.Region);
        var subject = "DI " + Guid.NewGuid().ToString("N");
        var message = new EmailMessage { Subject = subject, TextBody = "Hello from DI" };
        message.Options.To.Add("ann@example.com");

        var result = await provider.GetRequiredService<IMailer>().SendAsync(message, Timeout());

        var stored = await StoredAsync(subject);
        Assert.Equal(result.MessageId, stored.GetProperty("messageId").GetString());
        Assert.Contains("noreply@acme.example", stored.GetProperty("from").GetString(), StringComparison.Ordinal);
        Assert.Equal("Hello from DI", stored.GetProperty("body").GetProperty("text").GetString()!.Trim());
        Assert.Equal(1, counter.Requests);
    }

    private async Task<JsonElement> StoredAsync(string subject)
    {
        // Read as raw JSON: the typed store view leaves out the inline-image fields (cid, related, disposition).
        using var http = new HttpClient();
        using var store = await http.GetFromJsonAsync<JsonDocument>(new Uri(emulator.Endpoint, "store"), Timeout());
        var match = store!.RootElement.GetProperty("emails").EnumerateArray().Where(e => e.GetProperty("subject").GetString() == subject).ToList();
        return Assert.Single(match).Clone();
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
