using SesMailer.Templates.Tests.Emails;
using SesMailer.Templates.Tests.Models;
using Xunit;

namespace SesMailer.Templates.Tests;

public class SendingTests
{
    private static readonly ReceiptEmail Receipt = new("R-1", new Customer("Ann", null), [new LineItem("Widget", 1, 2m)], null);

    [Fact]
    public async Task Send_to_one_address_renders_and_hands_the_declared_defaults_to_the_mailer()
    {
        var mailer = new RecordingMailer();

        var result = await mailer.SendReceiptAsync("ann@example.com", Receipt);

        var message = Assert.Single(mailer.Sent);
        Assert.Equal("sent-1", result.MessageId);
        Assert.Equal("Receipt", message.Email?.Name);
        Assert.Equal(new EmailAddress("ann@example.com"), Assert.Single(message.Options.To));
        // The mailer ranks them (options > configuration for this email > declared > global); the message leaves them open.
        Assert.Null(message.Options.From);
        Assert.Empty(message.Options.ReplyTo);
        Assert.Empty(message.Options.Tags);
        var declared = Assert.IsType<EmailDeclaration>(message.Email);
        Assert.Equal(new EmailAddress("billing@acme.example"), declared.From);
        Assert.Equal(new EmailAddress("support@acme.example", "Acme Billing"), Assert.Single(declared.ReplyTo));
        Assert.Equal([new MessageTag("category", "billing"), new MessageTag("kind", "receipt")], declared.Tags);
        Assert.Equal("Receipt R-1 for Ann: 2.00 EUR", message.Subject);
        Assert.Contains("<h1>Receipt R-1</h1>", message.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Receipt R-1 for Ann", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_are_set_on_the_message_beside_the_declared_defaults()
    {
        var mailer = new RecordingMailer();
        var options = new EmailOptions { From = new EmailAddress("sales@acme.example", "Sales"), ConfigurationSet = "marketing" };
        options.To.Add("ann@example.com");
        options.Bcc.Add("audit@acme.example");
        options.ReplyTo.Add("desk@acme.example");
        options.Tags.Add(new MessageTag("category", "vip"));

        await mailer.SendReceiptAsync(options, Receipt);

        var message = Assert.Single(mailer.Sent);
        Assert.Equal(new EmailAddress("sales@acme.example", "Sales"), message.Options.From);
        Assert.Equal(new EmailAddress("desk@acme.example"), Assert.Single(message.Options.ReplyTo));
        Assert.Equal(new EmailAddress("audit@acme.example"), Assert.Single(message.Options.Bcc));
        Assert.Equal("marketing", message.Options.ConfigurationSet);
        Assert.Equal([new MessageTag("category", "vip")], message.Options.Tags);
        Assert.NotEmpty(message.Email!.Tags);
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
