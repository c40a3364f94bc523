using System.Text.Json;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary>The commands against the local fake SES: output in text and JSON, and the exit codes.</summary>
public sealed class CommandTests : IAsyncLifetime
{
    private FakeSesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string[] Global(params string[] args) => [.. args, "--region", "eu-west-1", "--endpoint", _server.Endpoint.ToString()];

    [Fact]
    public async Task Quota_as_json_is_one_object_with_the_SES_member_names_and_numbers()
    {
        var run = await CliRun.RunAsync(_server, Global("quota", "--output", "json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(["Max24HourSend", "MaxSendRate", "SentLast24Hours", "RequestId"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, root.GetProperty("Max24HourSend").GetDouble());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("MaxSendRate").ValueKind);
        Assert.StartsWith("{\"Max24HourSend\":200,\"MaxSendRate\":1,\"SentLast24Hours\":0,\"RequestId\":\"fake-", run.Out, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/ses/aws4_request", Assert.Single(_server.Requests).Headers["authorization"], StringComparison.Ordinal);
        Assert.True(_server.Requests[0].SignatureValid);
    }

    [Fact]
    public async Task Quota_as_text_is_a_readable_table()
    {
        _server.State.Max24HourSend = -1;

        var run = await CliRun.RunAsync(_server, Global("quota"));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Max24HourSend\s+unlimited \(-1\)", run.Out);
        Assert.Matches(@"MaxSendRate\s+1 per second", run.Out);
        Assert.Matches(@"RequestId\s+fake-", run.Out);
    }

    [Fact]
    public async Task Stats_prints_the_points_and_the_bounce_and_complaint_rates()
    {
        var t0 = new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);
        _server.State.DataPoints.Add((t0, 200, 4, 1, 0));

        var text = await CliRun.RunAsync(_server, Global("stats"));
        var json = await CliRun.RunAsync(_server, Global("stats", "--output", "json"));

        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"Timestamp\s+DeliveryAttempts\s+Bounces\s+Complaints\s+Rejects", text.Out);
        Assert.Matches(@"2026-11-24 10:15Z\s+200\s+4\s+1\s+0", text.Out);
        Assert.Contains("Bounce rate: 2.00 %", text.Out, StringComparison.Ordinal);
        Assert.Contains("Complaint rate: 0.50 %", text.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        var point = doc.RootElement.GetProperty("SendDataPoints")[0];
        Assert.Equal("2026-11-24T10:15:00Z", point.GetProperty("Timestamp").GetString());
        Assert.Equal(200, point.GetProperty("DeliveryAttempts").GetInt32());
        Assert.Equal(0.02, doc.RootElement.GetProperty("BounceRate").GetDouble(), 10);
    }

    [Fact]
    public async Task Verify_list_and_delete_identities_like_the_seed()
    {
        var verifyEmail = await CliRun.RunAsync(_server, Global("verify-email", "ann@example.com"));
        _server.State.MarkVerified("ann@example.com");
        var listVerified = await CliRun.RunAsync(_server, Global("list-verified", "--output", "json"));
        var verifyDomain = await CliRun.RunAsync(_server, Global("verify-identity", "example.com"));
        var domains = await CliRun.RunAsync(_server, Global("list-identities", "--type", "Domain"));
        var deleted = await CliRun.RunAsync(_server, Global("delete-identity", "example.com"));
        var deletedVerified = await CliRun.RunAsync(_server, Global("delete-verified", "ann@example.com"));
        var all = await CliRun.RunAsync(_server, Global("list-identities", "--output", "json"));

        Assert.All(new[] { verifyEmail, listVerified, verifyDomain, domains, deleted, deletedVerified, all }, r => Assert.Equal(0, r.ExitCode));
        Assert.Contains("Verification email sent to ann@example.com", verifyEmail.Out, StringComparison.Ordinal);
        Assert.StartsWith("{\"VerifiedEmailAddresses\":[\"ann@example.com\"]", listVerified.Out, StringComparison.Ordinal);
        Assert.Matches(@"_amazonses\.example\.com\s+TXT\s+\S+", verifyDomain.Out);
        Assert.Matches(@"Identity\s+-+\s+example\.com", domains.Out);
        Assert.Equal("{\"Identities\":[]}", all.Out.Trim());
        Assert.Equal("Domain", _server.Requests.Single(r => r.Action == "ListIdentities" && r["IdentityType"] is not null)["IdentityType"]);
    }

    [Fact]
    public async Task Send_passes_every_option_and_prints_the_message_id()
    {
        var run = await CliRun.RunAsync(_server, Global(
            "send", "--from", "shop@example.com", "--to", "ann@example.com", "--to", "ben@example.com", "--cc", "cc@example.com",
            "--bcc", "bcc@example.com", "--reply-to", "help@example.com", "--subject", "Hello", "--text", "Hi there", "--html", "<p>Hi</p>",
            "--configuration-set", "cli", "--tag", "kind=test", "--tag", "run=1", "--output", "json"));

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(["MessageId", "RequestId", "Id"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var request = Assert.Single(_server.Requests);
        Assert.Equal(["ann@example.com", "ben@example.com"], request.List("Destination.ToAddresses"));
        Assert.Equal(["bcc@example.com"], request.List("Destination.BccAddresses"));
        Assert.Equal(["help@example.com"], request.List("ReplyToAddresses"));
        Assert.Equal("Hi there", request["Message.Body.Text.Data"]);
        Assert.Equal("cli", request["ConfigurationSetName"]);
        Assert.Equal("run", request["Tags.member.2.Name"]);
        Assert.Equal("1", request["Tags.member.2.Value"]);
    }

    [Fact]
    public async Task Send_raw_sends_the_file_with_every_recipient_of_the_file_as_destinations()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sesmailer-cli-{Guid.NewGuid():N}.eml");
        var mime = "From: shop@example.com\r\nTo: ann@example.com\r\nCc: cc@example.com\r\nBcc: hidden@example.com\r\nSubject: Raw\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello\r\n";
        await File.WriteAllTextAsync(path, mime);
        try
        {
            var run = await CliRun.RunAsync(_server, Global("send-raw", "--file", path, "--configuration-set", "raw", "--tag", "k=v"));

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"MessageId\s+\S+", run.Out);
            var request = Assert.Single(_server.Requests);
            Assert.Equal(mime, System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(request["RawMessage.Data"]!)));
            Assert.Equal(["ann@example.com", "cc@example.com", "hidden@example.com"], request.List("Destinations"));
            Assert.Null(request["Source"]);
            Assert.Equal("raw", request["ConfigurationSetName"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_SES_error_exits_1_with_code_message_and_request_id_on_stderr()
    {
        _server.EnqueueFault(FakeSesFault.MessageRejected("Email address is not verified."));

        var run = await CliRun.RunAsync(_server, Global("send", "--from", "a@example.com", "--to", "b@example.com", "--subject", "s", "--text", "t"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Matches(@"^error: MessageRejected: Email address is not verified\. \(request id fake-[^)]+\)\r?\n$", run.Err);
    }

    [Fact]
    public async Task List_identities_against_an_endpoint_repeating_its_page_token_exits_1_instead_of_looping()
    {
        _server.State.AddIdentity("a@example.com");
        _server.State.StuckNextToken = "c3R1Y2s=";

        var run = await CliRun.RunAsync(_server, Global("list-identities"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("error: PagingLoop: ListIdentities answered the NextToken \"c3R1Y2s=\" a second time", run.Err, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_network_error_exits_1()
    {
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();

        var run = await CliRun.RunAsync(null, "quota", "--region", "us-east-1", "--endpoint", endpoint.ToString());
        _server = await FakeSesServer.StartAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ConnectionFailure: GetSendQuota could not reach SES", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var run = await CliRun.RunAsync(null, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sesmailer [command] [options]", run.Out, StringComparison.Ordinal);
        foreach (var command in new[] { "verify-email", "list-verified", "delete-verified", "verify-identity", "list-identities", "delete-identity", "send", "send-raw", "quota", "stats" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("unknown-command")]
    [InlineData("send", "--to", "b@example.com", "--subject", "s", "--text", "t")]
    [InlineData("quota", "--output", "yaml")]
    [InlineData("verify-email")]
    public async Task Bad_usage_exits_2_naming_the_problem(params string[] args)
    {
        var run = await CliRun.RunAsync(_server, Global(args));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Err, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Invalid_input_exits_2_naming_the_field_and_sends_nothing()
    {
        var noBody = await CliRun.RunAsync(_server, Global("send", "--from", "a@example.com", "--to", "b@example.com", "--subject", "s"));
        var badTag = await CliRun.RunAsync(_server, Global("send", "--from", "a@example.com", "--to", "b@example.com", "--subject", "s", "--text", "t", "--tag", "novalue"));
        var badTagChars = await CliRun.RunAsync(_server, Global("send", "--from", "a@example.com", "--to", "b@example.com", "--subject", "s", "--text", "t", "--tag", "k=a b"));
        var missingFile = await CliRun.RunAsync(_server, Global("send-raw", "--file", "/nonexistent/message.eml"));
        var badEndpoint = await CliRun.RunAsync(_server, "quota", "--region", "us-east-1", "--endpoint", "not a url");

        Assert.All(new[] { noBody, badTag, badTagChars, missingFile, badEndpoint }, r => Assert.Equal(2, r.ExitCode));
        Assert.Contains("--text or --html", noBody.Err, StringComparison.Ordinal);
        Assert.Contains("--tag must be NAME=VALUE", badTag.Err, StringComparison.Ordinal);
        Assert.Contains("Tags[0].Value", badTagChars.Err, StringComparison.Ordinal);
        Assert.Contains("--file", missingFile.Err, StringComparison.Ordinal);
        Assert.Contains("--endpoint", badEndpoint.Err, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
