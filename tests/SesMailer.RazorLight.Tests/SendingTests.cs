using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.RazorLight.Tests.Emails;
using SesMailer.RazorLight.Tests.Models;
using SesMailer.Transport;
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
        Assert.Equal("Greeting", message.Email?.Name);
        Assert.Equal("Hello Ann", message.Subject);
        Assert.Equal(new EmailAddress("hello@acme.example", "Acme"), message.Options.From);
        Assert.Equal([new EmailAddress("ann@example.com")], message.Options.To);
        Assert.Equal([new EmailAddress("audit@acme.example")], message.Options.Bcc);
        Assert.Equal([new MessageTag("kind", "greeting")], message.Options.Tags);
        Assert.Equal("cs", message.Options.ConfigurationSet);
        Assert.Contains("<p class=\"Ann\">Hi Ann</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Hi Ann\n- x\n", message.TextBody);
    }

    [Fact]
    public async Task Sends_to_one_address_and_sends_nothing_when_rendering_fails()
    {
        var mailer = new RecordingMailer();

        await mailer.SendTemplateAsync(fixture.Engine, "TextOnly", new Greeting("Bo", []), "bo@example.com", "Hi");
        await Assert.ThrowsAsync<EmailTemplateNotFoundException>(() => mailer.SendTemplateAsync(fixture.Engine, "Missing", new Greeting("Bo", []), "bo@example.com", "Hi"));

        var message = Assert.Single(mailer.Sent);
        Assert.Equal([new EmailAddress("bo@example.com")], message.Options.To);
        Assert.Null(message.HtmlBody);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Without_a_subject_from_the_call_or_an_Email_attribute_nothing_is_sent(string? subject)
    {
        var mailer = new RecordingMailer();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => mailer.SendTemplateAsync(fixture.Engine, "TextOnly", new Greeting("Bo", []), "bo@example.com", subject));

        Assert.Equal("subject", error.ParamName);
        Assert.Contains("Template 'TextOnly' has no subject", error.Message, StringComparison.Ordinal);
        Assert.Contains("[Email(Subject = ", error.Message, StringComparison.Ordinal);
        Assert.Empty(mailer.Sent);
    }

    [Fact]
    public async Task The_model_types_declared_defaults_rank_like_a_generated_send()
    {
        var engine = new RazorLightEmailEngineBuilder()
            .UseTemplates(new Dictionary<string, string> { ["Welcome.cshtml"] = "@model SesMailer.RazorLight.Tests.Emails.WelcomeEmail\n<p>Hi @Model.Name</p>\n" })
            .UseOperatingAssembly(typeof(WelcomeEmail).Assembly)
            .Build();
        var transport = new InMemoryTransport();
        var mailer = Mailer.Create(m => m.UseInMemory(transport).Configure(o =>
        {
            o.From = "noreply@acme.example";
            o.Tags = new Dictionary<string, string> { ["category"] = "global", ["app"] = "shop" };
            o.Emails["Welcome"] = new EmailDefaults { Tags = new Dictionary<string, string> { ["category"] = "onboarding" } };
        }));
        var model = new WelcomeEmail("Ann", new Uri("https://acme.example/c"), []);

        await mailer.SendTemplateAsync(engine, "Welcome", model, "ann@example.com");
        var options = new EmailOptions { From = "desk@acme.example" };
        options.To.Add("ann@example.com");
        await mailer.SendTemplateAsync(engine, "Welcome", model, options);

        Assert.Equal("Welcome, Ann! {beta}", transport.Sent[0].Subject);
        Assert.Equal(new EmailAddress("hello@acme.example", "Acme"), transport.Sent[0].From); // [Email] beats global
        Assert.Equal([new MessageTag("category", "onboarding"), new MessageTag("app", "shop")], transport.Sent[0].Tags); // per email beats [Email]
        Assert.Equal(new EmailAddress("desk@acme.example"), transport.Sent[1].From); // the call site beats all
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
