using SesMailer.RazorLight.Tests.Models;
using Xunit;

namespace SesMailer.RazorLight.Tests;

/// <summary>The send path: render at run time, build the message from the caller's options, hand it to the mailer.</summary>
public sealed class SendingTests(MemoryEngineFixture fixture) : IClassFixture<MemoryEngineFixture>
{
    [Fact]
    public async Task Sends_the_rendered_email_with_the_callers_options()
    {
        var mailer = new RecordingMailer();
        var options = new EmailOptions { From = new EmailAddress("hello@acme.example", "Acme"), ConfigurationSet = "cs" };
        options.To.Add("ann@example.com");
        options.Bcc.Add("audit@acme.example");
        options.Tags.Add(new MessageTag("kind", "greeting"));

        var result = await mailer.SendTemplateAsync(fixture.Engine, "Greeting", new Greeting("Ann", ["x"]), options, "Hello {Name}");

        Assert.Equal("id-1", result.MessageId);
        var message = Assert.Single(mailer.Sent);
        Assert.Equal("Greeting", message.EmailName);
        Assert.Equal("Hello Ann", message.Subject);
        Assert.Equal(new EmailAddress("hello@acme.example", "Acme"), message.From);
        Assert.Equal([new EmailAddress("ann@example.com")], message.To);
        Assert.Equal([new EmailAddress("audit@acme.example")], message.Bcc);
        Assert.Equal([new MessageTag("kind", "greeting")], message.Tags);
        Assert.Equal("cs", message.ConfigurationSet);
        Assert.Contains("<p class=\"Ann\">Hi Ann</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Hi Ann\n- x\n", message.TextBody);
    }

    [Fact]
    public async Task Sends_to_one_address_and_sends_nothing_when_rendering_fails()
    {
        var mailer = new RecordingMailer();

        await mailer.SendTemplateAsync(fixture.Engine, "TextOnly", new Greeting("Bo", []), "bo@example.com");
        await Assert.ThrowsAsync<EmailTemplateNotFoundException>(() => mailer.SendTemplateAsync(fixture.Engine, "Missing", new Greeting("Bo", []), "bo@example.com"));

        var message = Assert.Single(mailer.Sent);
        Assert.Equal([new EmailAddress("bo@example.com")], message.To);
        Assert.Null(message.HtmlBody);
    }

    /// <summary>An <see cref="IMailer"/> that keeps what it is given (the mailer itself is tested elsewhere).</summary>
    private sealed class RecordingMailer : IMailer
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.FromResult(new SendResult("id-" + Sent.Count));
        }
    }
}
