using System.Globalization;
using QuickStart.Emails;
using SesMailer.Mailing;
using SesMailer.Rendering;
using SesMailer.Transport;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>
/// The code blocks of README.md, compiled and run here so that the README never shows code that does not work.
/// Each region below is quoted in the README; keep them in step.
/// </summary>
public sealed class ReadmeExamplesTests
{
    [Fact]
    public async Task Testing_your_emails()
    {
        // README: testing your emails
        var sent = new InMemoryTransport();
        var mailer = Mailer.Create(m => m.DefaultFrom("Acme <hello@acme.example>").UseInMemory(sent));

        await mailer.SendWelcomeAsync("ann@example.com", new WelcomeEmail("Ann", "Acme", new Uri("https://acme.example/confirm")));

        var welcome = sent.AssertSentTo("ann@example.com");
        Assert.Equal("Welcome to Acme, Ann!", welcome.Subject);
        Assert.Contains("https://acme.example/confirm", welcome.TextBody, StringComparison.Ordinal);
        // end README
    }

    [Fact]
    public async Task Languages()
    {
        var sent = new InMemoryTransport();
        var receipt = new ReceiptEmail("Ann", "A-1042", new DateOnly(2026, 11, 25), "USD", [new LineItem("Coffee beans, 1 kg", 2, 18.50m)]);
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            // README: languages
            var mailer = Mailer.Create(m => m.DefaultFrom("Acme <hello@acme.example>").DefaultCulture("en-US").UseInMemory(sent));

            await mailer.SendReceiptAsync("ann@example.com", receipt);                                    // en-US: $37.00
            await mailer.SendReceiptAsync("marie@example.fr", receipt, CultureInfo.GetCultureInfo("fr-FR")); // 37,00 $US

            RenderedEmail preview = await receipt.RenderReceiptAsync(CultureInfo.GetCultureInfo("en-CA"));   // US$37.00
            // end README

            Assert.Contains("$37.00", sent.AssertSentTo("ann@example.com").TextBody, StringComparison.Ordinal);
            Assert.Contains("Wednesday, November 25, 2026", sent.AssertSentTo("ann@example.com").TextBody, StringComparison.Ordinal);
            Assert.Contains("37,00 $US", sent.AssertSentTo("marie@example.fr").TextBody, StringComparison.Ordinal);
            Assert.Contains("mercredi 25 novembre 2026", sent.AssertSentTo("marie@example.fr").TextBody, StringComparison.Ordinal);
            Assert.Contains("US$37.00", preview.Html, StringComparison.Ordinal);
            Assert.Equal("en-GB", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Rendering_without_sending()
    {
        // README: rendering without sending
        RenderedEmail rendered = await new WelcomeEmail("Ann", "Acme", new Uri("https://acme.example/confirm")).RenderWelcomeAsync();

        Assert.Equal("Welcome to Acme, Ann!", rendered.Subject);
        Assert.Contains("<h1>Welcome to Acme, Ann!</h1>", rendered.Html, StringComparison.Ordinal);
        // end README
    }

    [Fact]
    public async Task Sending_with_options()
    {
        var sent = new InMemoryTransport();
        var mailer = Mailer.Create(m => m.DefaultFrom("Acme <hello@acme.example>").UseInMemory(sent));
        var pdf = Path.Combine(Path.GetTempPath(), "receipt-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4 sample"u8.ToArray());
        try
        {
            var receipt = new ReceiptEmail("Ann", "A-1042", new DateOnly(2026, 11, 25), "USD", [new LineItem("Coffee beans, 1 kg", 2, 18.50m)]);

            // README: sending with options
            var options = new EmailOptions
            {
                ConfigurationSet = "receipts",
                ListUnsubscribe = ListUnsubscribe.OneClickUrl(new Uri("https://acme.example/unsubscribe?u=ann")),
            };
            options.To.Add("ann@example.com");
            options.Bcc.Add("archive@acme.example");
            options.Attachments.Add(EmailAttachment.FromFile(pdf));
            options.Tags.Add(new MessageTag("kind", "receipt"));

            await mailer.SendReceiptAsync(options, receipt);
            // end README

            var email = sent.AssertSentTo("archive@acme.example");
            Assert.Contains("archive@acme.example", email.Destinations);
            Assert.False(email.Mime.Headers.Contains("Bcc"));
            Assert.Equal("application/pdf", Assert.Single(email.Attachments).ContentType);
            Assert.Equal("receipts", email.ConfigurationSet);
            Assert.Equal("List-Unsubscribe=One-Click", email.Header("List-Unsubscribe-Post"));
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
