using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesMailer.Transport;
using WebApp;
using Xunit;

namespace SesMailer.IntegrationTests;

/// <summary>
/// The ASP.NET Core sample in a test host: SesMailer registered from configuration, the transport switched to
/// in-memory by configuration alone, a typed email sent by an endpoint and inspected as a user's test would.
/// </summary>
public sealed class WebAppTests
{
    [Fact]
    public async Task Signing_up_sends_the_typed_welcome_email_through_the_configured_transport()
    {
        await using var app = new WebAppFactory(new() { ["SesMailer:Transport"] = "InMemory" });
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/signup", new SignupRequest("Ann <3", "ann@example.com"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = app.Services.GetRequiredService<InMemoryTransport>();
        var email = sent.AssertSentTo("ann@example.com");
        Assert.Equal("Welcome", email.EmailName);
        Assert.Equal("Welcome, Ann <3!", email.Subject);
        Assert.Contains("<h1>Welcome, Ann &lt;3!</h1>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Welcome, Ann <3!", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(new EmailAddress("hello@acme.example", "Acme"), email.From);
    }

    [Fact]
    public void A_bad_setting_stops_the_app_at_start_up_naming_the_setting()
    {
        using var app = new WebAppFactory(new() { ["SesMailer:From"] = "not an address" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("SesMailer:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_sample_serves_its_email_previews()
    {
        await using var app = new WebAppFactory(new() { ["SesMailer:Transport"] = "InMemory" });
        using var client = app.CreateClient();

        var index = await client.GetStringAsync(new Uri("/emails", UriKind.Relative));
        Assert.Contains("<li data-preview=\"Long name\"><a href=\"/emails/Welcome/Long%20name\">Long name</a>", index, StringComparison.Ordinal);

        var html = await client.GetStringAsync(new Uri("/emails/Welcome/Long%20name/html", UriKind.Relative));
        Assert.Contains("Maximilian Alexander von Habsburg-Lothringen", html, StringComparison.Ordinal);
        // A preview is not a send: nothing reached the application's transport.
        app.Services.GetRequiredService<InMemoryTransport>().AssertNothingSent();
    }

    private sealed class WebAppFactory(Dictionary<string, string?> settings) : WebApplicationFactory<SignupRequest>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }
}
