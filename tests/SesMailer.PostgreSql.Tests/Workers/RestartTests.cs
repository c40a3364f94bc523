using Npgsql;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using SesMailer.TestSupport.Postgres;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

/// <summary>A server of its own: it is restarted under the workers.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Workers_reconnect_after_a_PostgreSQL_restart_and_nothing_is_lost_or_sent_twice()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var queue = new TestQueue(connectionString, dataSource, new PostgresOutbox(dataSource));
        await queue.Outbox.MigrateAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 60);
        var workers = Enumerable.Range(1, 2).Select(i => W.Ses(queue, ses, 30, $"r{i}")).ToList();
        try
        {
            var runs = workers.Select(w => w.Worker.RunUntilEmptyAsync()).ToList();
            await W.WaitUntilAsync(() => Task.FromResult(ses.State.Accepted.Count >= 10), "the run got going");
            await server.RestartAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(120));
        }
        finally
        {
            workers.ForEach(w => w.Client.Dispose());
        }

        // Sent exactly once, or (a send whose 'sending' commit or answer was cut by the restart) in doubt and sent at most once.
        var rows = await queue.RowsAsync("SELECT id, state FROM {s}.messages");
        Assert.Equal(60, rows.Count);
        foreach (var row in rows)
        {
            var id = (string)row["id"]!;
            var state = (string)row["state"]!;
            Assert.True(state is "sent" or "in_doubt", $"{id} is {state}");
            Assert.Equal(state == "sent" ? 1 : ses.State.AcceptedCount(id), ses.State.AcceptedCount(id));
            Assert.True(ses.State.AcceptedCount(id) <= 1, $"{id} was sent {ses.State.AcceptedCount(id)} times");
        }

        Assert.True(rows.Count(r => (string)r["state"]! == "sent") >= 55, "most messages should be sent");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
