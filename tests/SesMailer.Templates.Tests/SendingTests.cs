using SesMailer.Templates.Tests.Emails;
using SesMailer.Templates.Tests.Models;
using Xunit;

namespace SesMailer.Templates.Tests;

public class SendingTests
{
    private static readonly ReceiptEmail Receipt = new("R-1", new Customer("Ann", null), [new LineItem("Widget", 1, 2m)], null);

    [Fact]
    public async Task Send_to_one_address_renders_and_applies_the_declared_defaults()
    {
        var mailer = new RecordingMailer();

        var result = await mailer.SendReceiptAsync("ann@example.com", Receipt);

        var message = Assert.Single(mailer.Sent);
        Assert.Equal("sent-1", result.MessageId);
        Assert.Equal("Receipt", message.EmailName);
        Assert.Equal(new EmailAddress("ann@example.com"), Assert.Single(message.To));
        Assert.Equal(new EmailAddress("billing@acme.example"), message.From);
        Assert.Equal(new EmailAddress("support@acme.example", "Acme Billing"), Assert.Single(message.ReplyTo));
        Assert.Equal([new MessageTag("category", "billing"), new MessageTag("kind", "receipt")], message.Tags);
        Assert.Equal("Receipt R-1 for Ann: 2.00 EUR", message.Subject);
        Assert.Contains("<h1>Receipt R-1</h1>", message.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Receipt R-1 for Ann", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_win_over_the_declared_defaults()
    {
        var mailer = new RecordingMailer();
        var options = new EmailOptions { From = new EmailAddress("sales@acme.example", "Sales"), ConfigurationSet = "marketing" };
        options.To.Add("ann@example.com");
        options.Bcc.Add("audit@acme.example");
        options.ReplyTo.Add("desk@acme.example");
        options.Tags.Add(new MessageTag("category", "vip"));

        await mailer.SendReceiptAsync(options, Receipt);

        var message = Assert.Single(mailer.Sent);
        Assert.Equal(new EmailAddress("sales@acme.example", "Sales"), message.From);
        Assert.Equal(new EmailAddress("desk@acme.example"), Assert.Single(message.ReplyTo));
        Assert.Equal(new EmailAddress("audit@acme.example"), Assert.Single(message.Bcc));
        Assert.Equal("marketing", message.ConfigurationSet);
        Assert.Equal([new MessageTag("category", "vip"), new MessageTag("kind", "receipt")], message.Tags);
    }

    [Fact]
    public async Task Null_arguments_are_rejected_before_anything_is_sent()
    {
        var mailer = new RecordingMailer();

        await Assert.ThrowsAsync<ArgumentNullException>(() => mailer.SendReceiptAsync((string)null!, Receipt));
        await Assert.ThrowsAsync<ArgumentNullException>(() => mailer.SendReceiptAsync("ann@example.com", null!));
        Assert.Empty(mailer.Sent);
    }

    private sealed class RecordingMailer : IMailer
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.FromResult(new SendResult("sent-" + Sent.Count));
        }
    }
}
