using System.Net;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary>
/// A message that left for SES without an SES answer is in doubt: exit code 3, named by its stable id, never
/// resent; a plain SES refusal stays exit code 1.
/// </summary>
public sealed class InDoubtExitTests : IAsyncLifetime
{
    private const string Mime = "From: shop@example.com\r\nTo: ann@example.com\r\nSubject: Raw\r\nX-SesMailer-Id: order-42\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello\r\n";

    private FakeSesServer _server = null!;
    private string _file = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSesServer.StartAsync();
        _file = Path.Combine(Path.GetTempPath(), $"sesmailer-cli-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(_file, Mime);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_file);
        await _server.DisposeAsync();
    }

    private string[] Global(params string[] args) => [.. args, "--region", "eu-west-1", "--endpoint", _server.Endpoint.ToString()];

    [Fact]
    public async Task Send_raw_answered_by_a_proxy_504_exits_3_names_the_files_id_and_is_sent_once()
    {
        _server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.GatewayTimeout, "<html><body>504 Gateway Time-out</body></html>"));

        var run = await CliRun.RunAsync(_server, Global("send-raw", "--file", _file));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("in doubt: message order-42: ", run.Err, StringComparison.Ordinal);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("sesmailer-id", request["Tags.member.1.Name"]);
        Assert.Equal("order-42", request["Tags.member.1.Value"]);
    }

    [Fact]
    public async Task Send_whose_connection_resets_after_the_body_left_exits_3_with_the_id_it_sent_as_a_tag()
    {
        _server.EnqueueFault(FakeSesFault.ConnectionReset);

        var run = await CliRun.RunAsync(_server, Global("send", "--from", "a@example.com", "--to", "b@example.com", "--subject", "s", "--text", "t"));

        Assert.Equal(3, run.ExitCode);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("sesmailer-id", request["Tags.member.1.Name"]);
        Assert.StartsWith($"in doubt: message {request["Tags.member.1.Value"]}: ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sent_raw_message_reports_its_id()
    {
        var run = await CliRun.RunAsync(_server, Global("send-raw", "--file", _file));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Id\s+order-42", run.Out);
    }
}
