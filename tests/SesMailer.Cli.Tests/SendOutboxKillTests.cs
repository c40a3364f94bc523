using System.Diagnostics;
using System.Text.Json;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.Cli.Tests;

/// <summary>
/// The built tool sending 200 messages, killed (SIGKILL) mid-run and started again on the same folder: every message
/// is delivered exactly once, except those reported in doubt, which are delivered at most once.
/// </summary>
public sealed class SendOutboxKillTests : IDisposable
{
    private const int Messages = 200;

    private readonly OutboxFolderSupport _outbox = new();

    public void Dispose() => _outbox.Dispose();

    private Process Start(Uri endpoint)
    {
        var start = CliProcess.StartInfo(["send-outbox", _outbox.Folder, "--region", "us-east-1", "--endpoint", endpoint.ToString(), "--concurrency", "4", "--max-send-rate", "1000"]);
        return Process.Start(start)!;
    }

    /// <summary>The value of the request's <c>sesmailer-id</c> tag.</summary>
    private static string StableIdOf(FakeSesRequest request)
    {
        var name = request.Parameters.Single(p => p.Value == "sesmailer-id" && p.Key.EndsWith(".Name", StringComparison.Ordinal)).Key;
        return request[name[..^".Name".Length] + ".Value"]!;
    }

    [Fact]
    public async Task Killed_mid_run_and_restarted_every_message_is_delivered_once_except_those_reported_in_doubt()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.ExpectedCredentials = new Amazon.Runtime.ImmutableCredentials(CliRun.AccessKey, CliRun.SecretKey, null);
        var ids = await _outbox.QueueAsync(Messages);
        // Each request held 30 ms on its way: the run takes over a second, so the kill lands while sends are in flight.
        await using var relay = new SlowRelay(server.Endpoint, TimeSpan.FromMilliseconds(30));

        // First run: killed (SIGKILL) once the fake has received a fifth of the messages, while sends are in flight
        // (4 at a time). A dedicated thread watches and kills, so no scheduling of the test's own tasks can delay it.
        using (var first = Start(relay.Endpoint))
        {
            var output = Task.WhenAll(first.StandardOutput.ReadToEndAsync(), first.StandardError.ReadToEndAsync());
            var killed = false;
            var watcher = new Thread(() =>
            {
                while (!first.HasExited)
                {
                    if (server.Requests.Count(r => r.Action == "SendRawEmail") >= Messages / 5)
                    {
                        first.Kill(entireProcessTree: true);
                        killed = true;
                        return;
                    }

                    Thread.Sleep(1);
                }
            });
            watcher.Start();
            await first.WaitForExitAsync();
            watcher.Join();
            var (_, errors) = ((await output)[0], (await output)[1]);
            Assert.True(killed, "the first run ended before it could be killed: " + errors);
        }

        Assert.True(_outbox.Count("sent") < Messages, $"the kill landed after the last message (relayed {relay.Chunks} chunks)");

        // Second run on the same folder: finishes what is queued, reports what the kill left in sending/ as in doubt.
        using var second = Start(relay.Endpoint);
        var stdout = second.StandardOutput.ReadToEndAsync();
        var stderr = second.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            await second.WaitForExitAsync(timeout.Token);
        }

        var err = await stderr;
        var inDoubt = Directory.Exists(_outbox.Sub("in-doubt"))
            ? Directory.GetFiles(_outbox.Sub("in-doubt"), "*.envelope.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("Id").GetString()!).ToHashSet()
            : [];
        Assert.Equal(inDoubt.Count > 0 ? ExitCodes.InDoubt : ExitCodes.Success, second.ExitCode);
        foreach (var id in inDoubt)
        {
            Assert.Contains($"in doubt: message {id}:", err, StringComparison.Ordinal);
        }

        var delivered = server.Requests
            .Where(r => r.Action == "SendRawEmail")
            .GroupBy(StableIdOf)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var id in ids)
        {
            var count = delivered.GetValueOrDefault(id);
            if (inDoubt.Contains(id))
            {
                Assert.True(count <= 1, $"{id} (in doubt) was delivered {count} times");
            }
            else
            {
                Assert.True(count == 1, $"{id} was delivered {count} times");
            }
        }

        Assert.Equal(Messages, _outbox.Count("sent") + inDoubt.Count);
        Assert.Equal((0, 0, 0), (_outbox.Count(), _outbox.Count("sending"), _outbox.Count("failed")));
        _ = await stdout;
    }
}
