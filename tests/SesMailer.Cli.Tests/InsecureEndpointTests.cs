using SesMailer.TestSupport.FakeSes;
using SesMailer.TestSupport.Net;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary>
/// A plain http endpoint on a host that is not loopback needs --allow-insecure-http. The HTTP client used here sends
/// every connection to the fake SES on 127.0.0.1 whatever host the URL names, so "nothing was sent" is observed at
/// the server, and the same run with the flag proves the route works.
/// </summary>
public sealed class InsecureEndpointTests : IAsyncLifetime
{
    private const string RemoteHttp = "http://ses.internal.example:8005";

    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_the_flag_a_remote_http_endpoint_exits_2_naming_the_flags_and_sends_nothing()
    {
        using var http = RoutedHttpClient.To(_server.Endpoint);

        var run = await CliRun.RunAsync(_server, http, "quota", "--endpoint", RemoteHttp, "--region", "us-east-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("error: --endpoint http://ses.internal.example:8005/ is plain http to a host that is not loopback", run.Err, StringComparison.Ordinal);
        Assert.Contains("clear text", run.Err, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-http", run.Err, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task With_the_flag_the_same_command_reaches_SES()
    {
        using var http = RoutedHttpClient.To(_server.Endpoint);

        var run = await CliRun.RunAsync(_server, http, "quota", "--endpoint", RemoteHttp, "--region", "us-east-1", "--allow-insecure-http", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.StartsWith("{\"Max24HourSend\":200", run.Out, StringComparison.Ordinal);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("ses.internal.example:8005", request.Headers["host"]);
        Assert.True(request.SignatureValid);
    }

    [Fact]
    public async Task Loopback_http_needs_no_flag()
    {
        var run = await CliRun.RunAsync(_server, "quota", "--endpoint", _server.Endpoint.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal), "--region", "us-east-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(_server.Requests);
    }
}
