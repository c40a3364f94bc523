using SesMailer.TestSupport.Emulator;
using SesMailer.Transport;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.Integration;

/// <summary>The send paths against the real aws-ses-v2-local.</summary>
public sealed class EmulatorSendTests(SesEmulatorFixture emulator) : IClassFixture<SesEmulatorFixture>
{
    private SesClient Client() => emulator.Client();

    [Fact]
    public async Task A_raw_MIME_message_sent_through_SesTransport_arrives_with_its_subject_bodies_and_recipients()
    {
        var subject = "Receipt " + Guid.NewGuid().ToString("N");
        var mime = TestMessages.Mime("Shop <shop@example.com>", "ann@example.com", subject, "Total: 12.50 EUR", "<p>Total: <b>12.50 EUR</b></p>", cc: "bob@example.com");
        using var client = Client();
        var transport = new SesTransport(client);

        var result = await transport.SendAsync(new OutgoingEmail
        {
            Mime = mime,
            From = "shop@example.com",
            Destinations = ["ann@example.com", "bob@example.com", "hidden@example.com"],
            ConfigurationSet = "receipts",
            Tags = [new MessageTag("kind", "receipt")],
        }, TestMessages.Timeout());

        Assert.False(string.IsNullOrEmpty(result.MessageId));
        var store = await emulator.GetStoreAsync(TestMessages.Timeout());
        var stored = Assert.Single(store.Emails, e => e.Subject == subject);
        Assert.Equal(result.MessageId, stored.MessageId);
        Assert.Contains("shop@example.com", stored.From, StringComparison.Ordinal);
        Assert.Equal(["ann@example.com"], stored.Destination.To);
        Assert.Equal(["bob@example.com"], stored.Destination.Cc);
        Assert.Equal("Total: 12.50 EUR", stored.Body.Text?.Trim());
        Assert.Equal("<p>Total: <b>12.50 EUR</b></p>", stored.Body.Html?.Trim());
    }

    [Fact]
    public async Task SendEmail_arrives_with_every_part()
    {
        var subject = "Welcome " + Guid.NewGuid().ToString("N");
        using var client = Client();

        var response = await client.SendEmailAsync(new SendEmailRequest
        {
            Source = "team@example.com",
            ToAddresses = ["ann@example.com"],
            CcAddresses = ["cc@example.com"],
            BccAddresses = ["bcc@example.com"],
            ReplyToAddresses = ["help@example.com"],
            Subject = subject,
            TextBody = "Hello Ann",
            HtmlBody = "<h1>Hello Ann</h1>",
            Tags = [new SesMessageTag("campaign", "welcome")],
        }, TestMessages.Timeout());

        var stored = Assert.Single((await emulator.GetStoreAsync(TestMessages.Timeout())).Emails, e => e.Subject == subject);
        Assert.Equal(response.MessageId, stored.MessageId);
        Assert.Equal("team@example.com", stored.From);
        Assert.Equal(["ann@example.com"], stored.Destination.To);
        Assert.Equal(["cc@example.com"], stored.Destination.Cc);
        Assert.Equal(["bcc@example.com"], stored.Destination.Bcc);
        Assert.Equal(["help@example.com"], stored.ReplyTo);
        Assert.Equal("Hello Ann", stored.Body.Text);
        Assert.Equal("<h1>Hello Ann</h1>", stored.Body.Html);
    }

    [Fact]
    public async Task ClearAsync_empties_the_store()
    {
        using var client = Client();
        await client.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = TestMessages.Mime("a@example.com", "b@example.com", "to clear", "x", "<p>x</p>"),
            Destinations = ["b@example.com"],
        }, TestMessages.Timeout());
        Assert.NotEmpty((await emulator.GetStoreAsync(TestMessages.Timeout())).Emails);

        Assert.Empty((await emulator.GetStoreAsync(DateTimeOffset.UtcNow.AddMinutes(5), TestMessages.Timeout())).Emails);
        await emulator.ClearAsync(TestMessages.Timeout());

        Assert.Empty((await emulator.GetStoreAsync(TestMessages.Timeout())).Emails);
    }

    [Fact]
    public async Task The_emulators_JSON_error_is_reported_with_its_status_and_body()
    {
        using var client = Client();
        var noFrom = "To: b@example.com\r\nSubject: no sender\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx\r\n"u8.ToArray();

        var error = await Assert.ThrowsAsync<SesUnexpectedResponseException>(() => client.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = noFrom,
            Destinations = ["b@example.com"],
        }, TestMessages.Timeout()));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Missing source or from value", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
    }
}
