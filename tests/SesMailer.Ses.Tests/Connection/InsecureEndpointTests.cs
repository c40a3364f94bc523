using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SesMailer.Ses.Tests.FakeServer;
using SesMailer.TestSupport.FakeSes;
using SesMailer.TestSupport.Net;
using Xunit;

namespace SesMailer.Ses.Tests.Connection;

/// <summary>
/// Plain http carries the access key id, signatures, session tokens and messages in clear text: it is refused
/// unless the host is loopback or the caller opts in with <see cref="SesClientOptions.AllowInsecureHttp"/>.
/// (The endpoint from AWS_ENDPOINT_URL_SES and AWS_ENDPOINT_URL is covered in <see cref="ChainTests"/>.)
/// </summary>
public sealed class InsecureEndpointTests
{
    [Theory]
    [InlineData("http://ses.internal.example:8005/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://128.0.0.1/")]
    [InlineData("http://[::2]:8005/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://0.0.0.0:8005/")]
    public void A_plain_http_endpoint_that_is_not_loopback_is_refused_naming_the_setting_and_the_risk(string endpoint)
    {
        var error = Assert.Throws<SesConfigurationException>(() => Client(new Uri(endpoint)));

        Assert.StartsWith("SesClientOptions.Endpoint is \"" + new Uri(endpoint).GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
        Assert.Contains("clear text", error.Message, StringComparison.Ordinal);
        Assert.Contains("session token", error.Message, StringComparison.Ordinal);
        Assert.Contains("SesClientOptions.AllowInsecureHttp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8005/")]
    [InlineData("http://127.45.6.7/")]
    [InlineData("http://[::1]:8005/")]
    [InlineData("http://[::ffff:127.0.0.1]:8005/")]
    [InlineData("http://localhost:8005/")]
    [InlineData("http://LocalHost/")]
    [InlineData("https://ses.internal.example/")]
    public void Loopback_http_and_any_https_endpoint_are_accepted_without_a_warning(string endpoint)
    {
        var log = new FakeLogger();
        using var ses = Client(new Uri(endpoint), logger: log);

        Assert.Equal(new Uri(endpoint), ses.Endpoint);
        Assert.Empty(log.Collector.GetSnapshot());
    }

    [Fact]
    public async Task The_opt_in_accepts_a_remote_http_endpoint_warns_once_without_user_info_and_the_requests_go_through()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.ExpectedCredentials = new(FakeSes.AccessKey, FakeSes.SecretKey, null);
        var log = new FakeLogger();
        using var http = RoutedHttpClient.To(server.Endpoint);
        using var ses = Client(new Uri("http://mailer:hunter2@ses.internal.example:8005/"), allowInsecureHttp: true, logger: log, http: http);

        await ses.GetSendQuotaAsync(TestMessages.Timeout());
        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        var warning = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("http://ses.internal.example:8005/", warning.Message, StringComparison.Ordinal);
        Assert.Contains("clear text", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("ses.internal.example:8005", r.Headers["host"]);
            Assert.True(r.SignatureValid);
        });
    }

    [Fact]
    public void The_opt_in_on_a_loopback_endpoint_logs_nothing()
    {
        var log = new FakeLogger();
        using var ses = Client(new Uri("http://127.0.0.1:8005/"), allowInsecureHttp: true, logger: log);

        Assert.Empty(log.Collector.GetSnapshot());
    }

    [Fact]
    public void The_settings_bind_from_configuration_with_documented_defaults()
    {
        var defaults = new SesClientOptions();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ses:AllowInsecureHttp"] = "true",
            ["Ses:MaxResponseBytes"] = "65536",
        }).Build();

        var bound = configuration.GetSection("Ses").Get<SesClientOptions>()!;

        Assert.False(defaults.AllowInsecureHttp);
        Assert.Equal(1024 * 1024, defaults.MaxResponseBytes);
        Assert.True(bound.AllowInsecureHttp);
        Assert.Equal(65536, bound.MaxResponseBytes);
    }

    private static SesClient Client(Uri endpoint, bool allowInsecureHttp = false, ILogger? logger = null, HttpClient? http = null) => new(
        new SesClientOptions { Region = "us-east-1", Endpoint = endpoint, AllowInsecureHttp = allowInsecureHttp },
        http,
        credentials: SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey),
        logger: logger);
}
