using Npgsql;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.PostgreSql.Workers;
using SesMailer.TestSupport.FakeSes;
using SesMailer.TestSupport.Postgres;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

/// <summary>
/// A server of its own: it is restarted under the workers. In the collection of the other PostgreSQL tests all the
/// same, so that a restart's load never runs beside the shared-rate measurements.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task Workers_reconnect_after_a_PostgreSQL_restart_and_nothing_is_lost_or_sent_twice()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var queue = await QueueAsync(server);
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 60);
        var summaries = await RunAsync(queue, ses, null, async () =>
        {
            await W.WaitUntilAsync(() => Task.FromResult(ses.State.Accepted.Count >= 10), "the run got going");
            await server.RestartAsync(TimeSpan.FromSeconds(1));
        });

        await AssertEverySentOnceAsync(queue, ses, ids);
        Assert.Equal(60, summaries.Sum(s => s.Sent));
        Assert.All(summaries, s => Assert.Empty(s.Unrecorded));
    }

    [Fact]
    public async Task The_database_going_down_between_the_ses_answer_and_its_recording_still_ends_sent_with_the_ses_message_id()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var queue = await QueueAsync(server);
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 12);
        var sendingLease = TimeSpan.FromSeconds(2);
        string? cut = null;
        Task? restart = null;
        var accepted = 0;
        // When SES accepts the 3rd message, the database stops before the answer is written; it comes back after the
        // sending lease has run out, so the row is due to be declared in doubt by whichever worker sweeps first.
        ses.OnSendAccepted = async id =>
        {
            if (Interlocked.Increment(ref accepted) == 3)
            {
                cut = id;
                await server.StopAsync();
                restart = Task.Run(async () =>
                {
                    await Task.Delay(sendingLease + TimeSpan.FromSeconds(2));
                    await server.StartAgainAsync();
                });
            }
        };

        var summaries = await RunAsync(queue, ses, o => o.SendingLease = sendingLease, () => Task.CompletedTask);
        await restart!;

        await AssertEverySentOnceAsync(queue, ses, ids);
        Assert.NotNull(cut);
        var row = Assert.Single(await queue.RowsAsync("SELECT state, ses_message_id FROM {s}.messages WHERE id = $1", cut));
        Assert.Equal("sent", row["state"]);
        Assert.Equal(Assert.Single(ses.State.MessageIdsOf(cut)), row["ses_message_id"]);
        Assert.True(summaries.Sum(s => s.RecordedLate) >= 1, "the cut answer was recorded late");
        Assert.Equal(12, summaries.Sum(s => s.Sent));
    }

    private static async Task<TestQueue> QueueAsync(PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var queue = new TestQueue(connectionString, dataSource, new PostgresOutbox(dataSource));
        await queue.Outbox.MigrateAsync();
        return queue;
    }

    /// <summary>Two workers run until the queue is empty while <paramref name="meanwhile"/> happens.</summary>
    private static async Task<WorkerSummary[]> RunAsync(TestQueue queue, FakeSesServer ses, Action<PostgresWorkerOptions>? change, Func<Task> meanwhile)
    {
        var workers = Enumerable.Range(1, 2).Select(i => W.Ses(queue, ses, 30, $"r{i}", change)).ToList();
        try
        {
            var runs = workers.Select(w => w.Worker.RunUntilEmptyAsync()).ToList();
            await meanwhile();
            return await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(120));
        }
        finally
        {
            workers.ForEach(w => w.Client.Dispose());
        }
    }

    /// <summary>Strict: every row sent with the SES message id the fake answered, each accepted exactly once, none in doubt.</summary>
    private static async Task AssertEverySentOnceAsync(TestQueue queue, FakeSesServer ses, List<string> ids)
    {
        var rows = (await queue.RowsAsync("SELECT id, state, ses_message_id FROM {s}.messages")).ToDictionary(r => (string)r["id"]!);
        Assert.Equal(ids.Count, rows.Count);
        foreach (var id in ids)
        {
            Assert.True((string)rows[id]["state"]! == "sent", $"{id} is {rows[id]["state"]}");
            Assert.Equal(1, ses.State.AcceptedCount(id));
            Assert.Equal(Assert.Single(ses.State.MessageIdsOf(id)), rows[id]["ses_message_id"]);
        }

        Assert.Equal(0, await queue.CountAsync("state = 'in_doubt'"));
    }
}
