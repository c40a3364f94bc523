using Microsoft.Extensions.Logging.Testing;
using SesMailer.Ses.Tests.FakeServer;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using SesMailer.Ses.Model;

namespace SesMailer.Ses.Tests.Connection;

/// <summary>Tests that change process environment variables cannot run beside others.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// Region, endpoint and credentials from the standard AWS chain (through AWSSDK.Core), and secrets kept out of
/// logs, messages and ToString.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ChainTests : IAsyncLifetime, IDisposable
{
    // Set up on construction and restored last (xunit calls DisposeAsync, then Dispose).
    private readonly IsolatedAwsEnvironment _environment = new();
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task With_nothing_set_in_options_the_environment_gives_region_endpoint_and_session_credentials()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", FakeSes.AccessKey);
        _environment.Set("AWS_SECRET_ACCESS_KEY", FakeSes.SecretKey);
        _environment.Set("AWS_SESSION_TOKEN", FakeSes.SessionToken);
        _environment.Set("AWS_REGION", "ap-southeast-2");
        _environment.Set("AWS_ENDPOINT_URL_SES", _server.Endpoint.ToString());
        _environment.Set("AWS_ENDPOINT_URL", "http://127.0.0.1:1/");
        _server.ExpectedCredentials = new(FakeSes.AccessKey, FakeSes.SecretKey, FakeSes.SessionToken);
        using var ses = new SesClient(new SesClientOptions());

        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        Assert.Equal("ap-southeast-2", ses.Region);
        Assert.Equal(_server.Endpoint, ses.Endpoint);
        var request = Assert.Single(_server.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(FakeSes.SessionToken, request.Headers["x-amz-security-token"]);
        Assert.Contains("/ap-southeast-2/ses/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_falls_back_to_AWS_ENDPOINT_URL_then_to_the_regional_SES_endpoint()
    {
        _environment.Set("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
        using (var general = new SesClient(new SesClientOptions { Region = "us-east-1" }))
        {
            Assert.Equal(new Uri("http://127.0.0.1:4566/"), general.Endpoint);
        }

        _environment.Set("AWS_ENDPOINT_URL", null);
        using var regional = new SesClient(new SesClientOptions { Region = "eu-central-1" });
        Assert.Equal(new Uri("https://email.eu-central-1.amazonaws.com/"), regional.Endpoint);

        using var explicitEndpoint = new SesClient(new SesClientOptions { Region = "eu-central-1", Endpoint = _server.Endpoint });
        Assert.Equal(_server.Endpoint, explicitEndpoint.Endpoint);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_SES")]
    [InlineData("AWS_ENDPOINT_URL")]
    public void A_plain_http_endpoint_from_the_environment_that_is_not_loopback_is_refused_naming_the_variable(string variable)
    {
        _environment.Set(variable, "http://ses.internal.example:8005");
        var options = new SesClientOptions { Region = "us-east-1" };

        var error = Assert.Throws<SesConfigurationException>(() => new SesClient(options));
        options.AllowInsecureHttp = true;
        using var optedIn = new SesClient(options);

        Assert.StartsWith($"{variable} is \"http://ses.internal.example:8005/\": plain http", error.Message, StringComparison.Ordinal);
        Assert.Contains("clear text", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://ses.internal.example:8005/"), optedIn.Endpoint);
    }

    [Fact]
    public async Task A_named_profile_gives_credentials_and_region()
    {
        await File.WriteAllTextAsync(IsolatedAwsEnvironment.CredentialsFile, $"[mailer]\naws_access_key_id = {FakeSes.AccessKey}\naws_secret_access_key = {FakeSes.SecretKey}\n");
        await File.WriteAllTextAsync(IsolatedAwsEnvironment.ConfigFile, "[profile mailer]\nregion = sa-east-1\n");
        _server.ExpectedCredentials = new(FakeSes.AccessKey, FakeSes.SecretKey, null);
        using var ses = new SesClient(new SesClientOptions { Profile = "mailer", Endpoint = _server.Endpoint });

        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        Assert.Equal("sa-east-1", ses.Region);
        Assert.True(Assert.Single(_server.Requests).SignatureValid);
    }

    [Fact]
    public async Task Missing_region_profile_or_credentials_say_which_setting_to_provide()
    {
        var noRegion = Assert.Throws<SesConfigurationException>(() => new SesClient(new SesClientOptions()));
        var noProfile = Assert.Throws<SesConfigurationException>(() => new SesClient(new SesClientOptions { Region = "us-east-1", Profile = "nope" }).GetSendQuotaAsync().GetAwaiter().GetResult());
        using var noCredentials = new SesClient(new SesClientOptions { Region = "us-east-1", Endpoint = _server.Endpoint });
        var missing = await Assert.ThrowsAsync<SesConfigurationException>(() => noCredentials.GetSendQuotaAsync(TestMessages.Timeout()));

        Assert.Contains("AWS_REGION", noRegion.Message, StringComparison.Ordinal);
        Assert.Contains("\"nope\"", noProfile.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", missing.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_secret_and_token_never_appear_in_logs_exception_messages_or_ToString()
    {
        var log = new FakeLogger();
        using var ses = FakeSes.Client(_server, token: FakeSes.SessionToken, logger: log);
        var options = new SesClientOptions { Region = "us-east-1" };
        var credentials = SesCredentials.FromAccessKey(FakeSes.AccessKey, FakeSes.SecretKey, FakeSes.SessionToken);
        _server.EnqueueFault(FakeSesFault.SendingRateExceeded);
        _server.EnqueueFault(FakeSesFault.ConnectionReset);
        _server.EnqueueFault(FakeSesFault.MessageRejected(), "SendRawEmail");
        await ses.GetSendQuotaAsync(TestMessages.Timeout());
        var error = await Assert.ThrowsAsync<SesMessageRejectedException>(() => ses.SendRawEmailAsync(new SendRawEmailRequest
        {
            RawMessage = TestMessages.Mime("a@example.com", "b@example.com", "s", "t", "<p>h</p>"),
            Destinations = ["b@example.com"],
        }, TestMessages.Timeout()));
        _server.ExpectedCredentials = new(FakeSes.AccessKey, "other", null);
        var auth = await Assert.ThrowsAsync<SesAuthenticationException>(() => ses.GetSendQuotaAsync(TestMessages.Timeout()));

        var everything = string.Join('\n', log.Collector.GetSnapshot().Select(r => r.Message + r.Exception))
            + error + auth + options + ses + credentials;
        Assert.NotEmpty(log.Collector.GetSnapshot());
        Assert.DoesNotContain(FakeSes.SecretKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSes.SessionToken, everything, StringComparison.Ordinal);
    }
}
