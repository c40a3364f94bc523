using System.Net;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary><c>sesmailer send-outbox DIR</c> in-process against the fake SES: outcomes, summary and exit codes.</summary>
public sealed class SendOutboxTests : IDisposable
{
    private readonly OutboxFolderSupport _outbox = new();

    public void Dispose() => _outbox.Dispose();

    private Task<CliRun> SendOutboxAsync(FakeSesServer server, params string[] extra) =>
        CliRun.RunAsync(server, ["send-outbox", _outbox.Folder, "--region", "us-east-1", "--endpoint", server.Endpoint.ToString(), "--max-send-rate", "1000", .. extra]);

    [Fact]
    public async Task Every_message_sent_exits_0_with_one_plain_line_each_when_output_is_redirected()
    {
        await using var server = await FakeSesServer.StartAsync();
        var ids = await _outbox.QueueAsync(3);

        var run = await SendOutboxAsync(server);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Err);
        foreach (var id in ids)
        {
            Assert.Contains("sent      " + id, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("3 sent, 0 failed, 0 rejected, 0 in doubt, 0 still queued", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, _outbox.Count("sent"));
        Assert.Equal(3, server.Requests.Count(r => r.Action == "SendRawEmail" && r.List("Destinations").Contains("audit@example.com")));
    }

    [Fact]
    public async Task A_rejected_message_exits_1()
    {
        await using var server = await FakeSesServer.StartAsync();
        await _outbox.QueueAsync(2);
        server.EnqueueFault(FakeSesFault.MessageRejected(), "SendRawEmail");

        var run = await SendOutboxAsync(server, "--concurrency", "1");

        Assert.Equal(ExitCodes.SesError, run.ExitCode);
        Assert.Contains("1 sent, 0 failed, 1 rejected", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, _outbox.Count("failed"));
    }

    [Fact]
    public async Task A_message_in_doubt_exits_3_and_is_named_by_its_id_even_beside_a_rejection()
    {
        await using var server = await FakeSesServer.StartAsync();
        var ids = await _outbox.QueueAsync(3);
        server.EnqueueFault(FakeSesFault.MessageRejected(), "SendRawEmail");
        server.EnqueueFault(FakeSesFault.Malformed(HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>"), "SendRawEmail");

        var run = await SendOutboxAsync(server, "--concurrency", "1");

        Assert.Equal(ExitCodes.InDoubt, run.ExitCode);
        // In name order, the second message met the proxy's page.
        Assert.Contains($"in doubt: message {ids[1]}:", run.Err, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), (_outbox.Count("sent"), _outbox.Count("failed"), _outbox.Count("in-doubt")));
    }

    [Fact]
    public async Task Json_output_is_one_object_per_message_then_the_summary()
    {
        await using var server = await FakeSesServer.StartAsync();
        var ids = await _outbox.QueueAsync(2);

        var run = await SendOutboxAsync(server, "--output", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Err);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(ids, id => Assert.Contains(lines, l => l.Contains($"\"Id\":\"{id}\"", StringComparison.Ordinal) && l.Contains("\"Outcome\":\"Sent\"", StringComparison.Ordinal)));
        Assert.Contains("\"Sent\":2", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_or_a_bad_concurrency_exits_2()
    {
        await using var server = await FakeSesServer.StartAsync();

        var missing = await SendOutboxAsync(server);
        Directory.CreateDirectory(_outbox.Folder);
        var zero = await SendOutboxAsync(server, "--concurrency", "0");

        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("does not exist", missing.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, zero.ExitCode);
        Assert.Contains("--concurrency", zero.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_another_run_holds_exits_2_and_sends_nothing()
    {
        await using var server = await FakeSesServer.StartAsync();
        await _outbox.QueueAsync(1);
        // The same lock another send-outbox process takes: .lock opened with no sharing.
        using (new FileStream(Path.Combine(_outbox.Folder, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var run = await SendOutboxAsync(server);

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("Another process is already sending", run.Err, StringComparison.Ordinal);
        }

        Assert.Empty(server.Requests);
        Assert.Equal(1, _outbox.Count());
    }
}
