using Npgsql;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

/// <summary>An error no retry fixes stops the worker with what to do, instead of retrying it forever.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PermanentErrorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_worker_on_a_database_that_was_never_migrated_fails_fast_with_the_migrate_hint()
    {
        await using var queue = await postgres.NewQueueAsync(migrate: false);
        await using var ses = await FakeSesServer.StartAsync();
        var (worker, _, client) = W.Ses(queue, ses, 10, "unmigrated");
        using (client)
        {
            // A guard against a hang, not a timing assertion: retrying forever is the failure this test catches.
            var failure = await Assert.ThrowsAsync<QueueDatabaseException>(() => worker.RunUntilEmptyAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal("42P01", failure.SqlState);
            Assert.Contains("sesmailer queue migrate", failure.Message, StringComparison.Ordinal);
            Assert.IsType<PostgresException>(failure.InnerException);
            Assert.Empty(failure.Summary.Unrecorded);
        }

        Assert.Empty(ses.State.Accepted);
    }

    [Fact]
    public async Task A_worker_whose_login_is_refused_fails_fast_naming_the_login()
    {
        await using var queue = await postgres.NewQueueAsync();
        var refused = new NpgsqlConnectionStringBuilder(queue.ConnectionString) { Username = "no_such_role_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(refused);
        await using var ses = await FakeSesServer.StartAsync();
        await using var other = new TestQueue(refused, dataSource, new PostgresOutbox(dataSource));
        var (worker, _, client) = W.Ses(other, ses, 10, "refused");
        using (client)
        {
            var failure = await Assert.ThrowsAsync<QueueDatabaseException>(() => worker.RunAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal("28000", failure.SqlState);
            Assert.Contains("refused the login", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_table_dropped_under_running_workers_stops_them_and_their_loops_end()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var (worker, _, client) = W.Ses(queue, ses, 50, "dropped", o => o.PollInterval = TimeSpan.FromMilliseconds(200));
        using (client)
        {
            var run = worker.RunAsync();
            await W.EnqueueAsync(queue, 2);
            await W.WaitUntilAsync(async () => await queue.CountAsync("state = 'sent'") == 2, "the first messages were sent");
            await queue.ScalarAsync<object>("DROP TABLE {s}.messages");
            var failure = await Assert.ThrowsAsync<QueueDatabaseException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal("42P01", failure.SqlState);
            Assert.Equal(2, failure.Summary.Sent);
        }
    }
}
