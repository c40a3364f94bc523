using SesMailer.Rendering;
using System.Text;
using SesMailer.Mailing;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.Transport;

public class InMemoryTransportTests
{
    private readonly InMemoryTransport _transport = new();
    private readonly Mailer _mailer;

    public InMemoryTransportTests() => _mailer = Mailer.Create(m => m.UseInMemory(_transport).DefaultFrom("Acme <noreply@acme.example>"));

    [Fact]
    public async Task Exposes_what_a_recipient_would_see()
    {
        var message = new EmailMessage(new RenderedEmail("Your receipt", null, null), new EmailOptions(), new EmailDeclaration("Receipt")) { Subject = "Your receipt", HtmlBody = "<p>Total: <b>42 €</b></p><img src=\"cid:logo\">" };
        message.Options.To.Add(new EmailAddress("ann@example.com", "Ann"));
        message.Options.Cc.Add("carl@example.com");
        message.Options.Bcc.Add("audit@example.com");
        message.Options.ReplyTo.Add("support@acme.example");
        message.Options.Attachments.Add(EmailAttachment.FromBytes("receipt.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 fake")));
        message.Options.InlineImages.Add(EmailAttachment.FromBytes("logo.png", [0x89, 0x50, 0x4E, 0x47]).AsInline("logo"));
        message.Options.Tags.Add(new MessageTag("kind", "receipt"));

        var result = await _mailer.SendAsync(message);

        var sent = _transport.AssertSentTo("ann@example.com");
        Assert.Equal(result.MessageId, sent.MessageId);
        Assert.Equal("Receipt", sent.EmailName);
        Assert.Equal(new EmailAddress("noreply@acme.example", "Acme"), sent.From);
        Assert.Equal([new EmailAddress("ann@example.com", "Ann")], sent.To);
        Assert.Equal([new EmailAddress("carl@example.com")], sent.Cc);
        Assert.Equal(["audit@example.com"], sent.Bcc);
        Assert.Equal([new EmailAddress("support@acme.example")], sent.ReplyTo);
        Assert.Equal("Your receipt", sent.Subject);
        Assert.Contains("42 €", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Total: 42 €", sent.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(sent.Attachments);
        Assert.Equal("receipt.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal("%PDF-1.4 fake", Encoding.ASCII.GetString(attachment.Content.Span));
        var logo = Assert.Single(sent.InlineImages);
        Assert.Equal("logo", logo.ContentId);
        Assert.Equal("image/png", logo.ContentType);
        Assert.Equal([new MessageTag("kind", "receipt")], sent.Tags);
        Assert.Same(sent, Assert.Single(_transport.SentOf("Receipt")));
        Assert.Same(sent, _transport.AssertSentOf("Receipt", e => e.Attachments.Any(a => a.FileName == "receipt.pdf")));
        Assert.Throws<InMemoryTransportAssertionException>(() => _transport.AssertSentOf("Receipt", e => e.Subject == "Other"));
        Assert.Same(sent, _transport.Last);
        _transport.AssertSentCount(1);
        Assert.True(sent.IsSentTo("AUDIT@example.com"));
    }

    [Fact]
    public async Task Concurrent_sends_are_all_kept_with_distinct_ids()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => _mailer.SendAsync(TestMessages.Valid(m => m.Options.To[0] = $"user{i}@example.com")))));

        _transport.AssertSentCount(64);
        Assert.Equal(64, results.Select(r => r.MessageId).Distinct().Count());
        Assert.All(Enumerable.Range(0, 64), i => _transport.AssertSentTo($"user{i}@example.com"));
    }

    [Fact]
    public async Task Failed_assertions_say_what_was_sent()
    {
        _transport.AssertNothingSent();
        await _mailer.SendAsync(TestMessages.Valid(m => m.Options.From = null));

        var error = Assert.Throws<InMemoryTransportAssertionException>(() => _transport.AssertSentTo("bob@example.com"));
        Assert.Contains("'Your receipt' to ann@example.com", error.Message, StringComparison.Ordinal);
        Assert.Throws<InMemoryTransportAssertionException>(_transport.AssertNothingSent);
        Assert.Throws<InMemoryTransportAssertionException>(() => _transport.AssertSentCount(2));
        Assert.Throws<InMemoryTransportAssertionException>(() => _transport.AssertNotSent(e => e.Subject == "Your receipt"));
        _transport.AssertNotSent(e => e.Subject == "Other");

        var byName = Assert.Throws<InMemoryTransportAssertionException>(() => _transport.AssertSentOf("Welcome"));
        Assert.Contains("of email 'Welcome'", byName.Message, StringComparison.Ordinal);

        _transport.Clear();
        _transport.AssertNothingSent();
        Assert.Null(_transport.Last);
    }
}
