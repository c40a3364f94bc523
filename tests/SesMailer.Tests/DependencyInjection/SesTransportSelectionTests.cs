using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.Transport;

namespace SesMailer.Tests.DependencyInjection;

public class SesTransportSelectionTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> values, Action<MailerBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(p => "SesMailer:" + p.Key, p => p.Value)).Build();
        var services = new ServiceCollection();
        var builder = services.AddSesMailer(configuration.GetSection("SesMailer"));
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static List<string> StartFailures(ServiceProvider provider)
    {
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return error.Failures.ToList();
    }

    [Fact]
    public void Auto_chooses_ses_when_an_ses_setting_is_present()
    {
        using var provider = Provider(new() { ["Ses:Region"] = "eu-west-1", ["Ses:Endpoint"] = "http://127.0.0.1:9/" });
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<SesTransport>(provider.GetRequiredService<IEmailTransport>());
        var client = Assert.IsType<SesClient>(provider.GetRequiredService<ISesClient>());
        Assert.Equal("eu-west-1", client.Region);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), client.Endpoint);
    }

    [Fact]
    public void Transport_Ses_uses_the_regional_endpoint_and_profile_from_configuration()
    {
        using var provider = Provider(new() { ["Transport"] = "Ses", ["Ses:Region"] = "ap-southeast-2", ["Ses:Profile"] = "mailer" });

        var options = provider.GetRequiredService<IOptions<MailerOptions>>().Value.Ses;
        var client = Assert.IsType<SesClient>(provider.GetRequiredService<ISesClient>());

        Assert.Equal("mailer", options.Profile);
        Assert.Equal(new Uri("https://email.ap-southeast-2.amazonaws.com/"), client.Endpoint);
    }

    [Fact]
    public void A_plain_http_endpoint_that_is_not_loopback_fails_start_up_unless_the_configuration_opts_in()
    {
        using var refused = Provider(new() { ["Ses:Region"] = "eu-west-1", ["Ses:Endpoint"] = "http://ses.internal.example:8005" });
        Assert.Contains(StartFailures(refused), f => f.StartsWith("SesMailer:Ses: ", StringComparison.Ordinal) && f.Contains("AllowInsecureHttp", StringComparison.Ordinal));

        using var optedIn = Provider(new() { ["Ses:Region"] = "eu-west-1", ["Ses:Endpoint"] = "http://ses.internal.example:8005", ["Ses:AllowInsecureHttp"] = "true" });
        optedIn.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(new Uri("http://ses.internal.example:8005/"), Assert.IsType<SesClient>(optedIn.GetRequiredService<ISesClient>()).Endpoint);
    }

    [Fact]
    public void Code_settings_override_the_ses_section()
    {
        using var provider = Provider(new() { ["Ses:Region"] = "eu-west-1" }, b => b.UseSes(o => o.Region = "us-west-2"));

        Assert.Equal("us-west-2", Assert.IsType<SesClient>(provider.GetRequiredService<ISesClient>()).Region);
    }

    [Fact]
    public void Bad_ses_settings_fail_at_start_up_naming_the_setting()
    {
        using var provider = Provider(new() { ["Ses:Region"] = "Mars", ["Ses:Endpoint"] = "ftp://files.example" });

        var failures = StartFailures(provider);

        Assert.Contains(failures, f => f.StartsWith("SesMailer:Ses:Region: 'Mars'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SesMailer:Ses:Endpoint: 'ftp://files.example/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Outbox_settings_do_not_require_any_aws_setting()
    {
        using var provider = Provider(new() { ["Transport"] = "Outbox" });
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<FileOutboxTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public async Task Ses_throttling_is_counted_as_throttled_and_failed_with_its_code()
    {
        using var telemetry = new MailerTelemetry();
        using var failed = new MetricCollector<long>(telemetry.Meter, MailerTelemetry.FailedCounter);
        using var throttled = new MetricCollector<long>(telemetry.Meter, MailerTelemetry.ThrottledCounter);
        var mailer = Mailer.Create(m => m.UseTelemetry(telemetry).UseTransport(new ThrowingTransport(
            new SesSendingRateExceededException("Maximum sending rate exceeded.", "req-1", HttpStatusCode.BadRequest))));
        var rejecting = Mailer.Create(m => m.UseTelemetry(telemetry).UseTransport(new ThrowingTransport(
            new SesMessageRejectedException("Email address is not verified.", "req-2", HttpStatusCode.BadRequest))));

        await Assert.ThrowsAsync<SesSendingRateExceededException>(() => mailer.SendAsync(TestMessages.Valid()));
        await Assert.ThrowsAsync<SesMessageRejectedException>(() => rejecting.SendAsync(TestMessages.Valid()));

        Assert.Equal(["Throttling", "MessageRejected"], failed.GetMeasurementSnapshot().Select(m => (string)m.Tags["error.type"]!));
        Assert.Equal(1, throttled.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task A_console_mailer_sends_through_an_ses_client_of_its_own()
    {
        var handler = new AnsweringHandler();
        using var mailer = Mailer.Create(m =>
        {
            m.UseSes(o => o.Region = "eu-west-1", SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret"));
            m.Services.AddHttpClient(SesMailerServiceCollectionExtensions.SesHttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        });

        var result = await mailer.SendAsync(TestMessages.Valid(m => m.Options.Bcc.Add("audit@example.com")));

        Assert.Equal("0100-answer", result.MessageId);
        Assert.Equal(new Uri("https://email.eu-west-1.amazonaws.com/"), handler.RequestUri);
        Assert.Contains("Action=SendRawEmail", handler.Body, StringComparison.Ordinal);
        Assert.Contains("Destinations.member.2=audit%40example.com", handler.Body, StringComparison.Ordinal);
    }

    private sealed class ThrowingTransport(Exception exception) : IEmailTransport
    {
        public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default) => Task.FromException<SendResult>(exception);
    }

    private sealed class AnsweringHandler : HttpMessageHandler
    {
        public Uri? RequestUri { get; private set; }

        public string Body { get; private set; } = string.Empty;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestUri = request.RequestUri;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("<SendRawEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><SendRawEmailResult><MessageId>0100-answer</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></SendRawEmailResponse>"),
            };
        }
    }
}

/// <summary>Auto never falls back to the outbox silently outside Development; the choice is logged at start.</summary>
public class AutoTransportEnvironmentTests
{
    private static ServiceProvider Provider(string environment, Dictionary<string, string?> values, RecordingLoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(p => "SesMailer:" + p.Key, p => p.Value)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Environment(environment));
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs));
        }

        services.AddSesMailer(configuration.GetSection("SesMailer"));
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Auto_with_no_region_fails_start_up_outside_development_naming_the_transport_setting(string environment)
    {
        using var provider = Provider(environment, new() { ["From"] = "noreply@acme.example" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("SesMailer:Transport: is Auto and no AWS region is configured", failure, StringComparison.Ordinal);
        Assert.Contains($"'{environment}' environment", failure, StringComparison.Ordinal);
        Assert.Contains("set Transport to Outbox", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_with_no_region_writes_to_the_outbox_in_development_and_warns_where_mail_goes()
    {
        var logs = new RecordingLoggerProvider();
        using var provider = Provider("Development", new() { ["Outbox:Folder"] = "dev-outbox" }, logs);
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<FileOutboxTransport>(provider.GetRequiredService<IEmailTransport>());
        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 21);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("dev-outbox", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Transport is Auto and no AWS region is configured anywhere", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outbox_asked_for_by_name_is_fine_in_production_and_logged_at_start_by_the_hosted_service()
    {
        var logs = new RecordingLoggerProvider();
        using var provider = Provider("Production", new() { ["Transport"] = "Outbox" }, logs);
        provider.GetRequiredService<IStartupValidator>().Validate();

        foreach (var service in provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 20);
        Assert.Contains("the outbox folder", entry.Message, StringComparison.Ordinal);
        Assert.Contains("the Transport setting", entry.Message, StringComparison.Ordinal);
    }

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
