using System.Diagnostics.Metrics;
using Npgsql;
using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Observability;
using SesMailer.PostgreSql.Queueing;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.PostgreSql.Workers;
using SesMailer.Ses;
using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Workers;

/// <summary>
/// A worker cut off from the database exactly between SES's answers and their recording: its own role is locked out
/// (CONNECTION LIMIT 0, its sessions ended) from the fake SES's hook before the answers are written, while the test
/// keeps its own connection to sweep, resolve and look. What SES answered is held and recorded when the worker gets
/// back in, even into rows declared in doubt meanwhile, but never over a person's decision.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OutageTests(PostgresFixture postgres)
{
    private static readonly TimeSpan SendingLease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Answers_held_through_an_outage_settle_in_doubt_rows_but_never_a_persons_decision()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 3);
        using var metrics = new QueueMetrics(queue.Outbox);
        var late = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == "sesmailer.queue.late_outcomes")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var from = tags.ToArray().First(t => t.Key == "from").Value as string;
            lock (late)
            {
                late.AddRange(Enumerable.Repeat(from!, (int)value));
            }
        });
        listener.Start();
        await using var locked = await LockableWorkerAsync(queue, ses, "held", metrics: metrics);
        locked.LockAfterAccepts(3);
        var run = locked.Worker.RunUntilEmptyAsync();
        await locked.Locked.WaitAsync(TimeSpan.FromSeconds(60));

        // The answers went out while the worker was locked out: the rows stay 'sending' until their lease runs out.
        await W.WaitUntilAsync(async () => await SweepAsync(queue) == 3 || await queue.CountAsync("state = 'in_doubt'") == 3, "the sending leases expired");
        Assert.Equal(3, await queue.CountAsync("state = 'in_doubt'"));
        var (cancelled, resent, untouched) = (ids[0], ids[1], ids[2]);
        Assert.True(await queue.Outbox.ResolveAsync(cancelled, InDoubtResolution.Cancel));
        Assert.True(await queue.Outbox.ResolveAsync(resent, InDoubtResolution.Resend));
        // Another worker sends the re-queued message again (a person decided to).
        var (other, _, otherClient) = W.Ses(queue, ses, 50, "other");
        using (otherClient)
        {
            var summary = await other.RunUntilEmptyAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(1, summary.Sent);
        }

        await locked.UnlockAsync();
        var held = await run.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(3, held.Sent);
        Assert.Equal(3, held.RecordedLate);
        Assert.Empty(held.Unrecorded);
        // The metric counts the same three late records: one settled an in-doubt row, two found the row changed.
        lock (late)
        {
            Assert.Equal(["changed", "changed", "in_doubt"], late.Order());
        }

        var rows = (await queue.RowsAsync("SELECT id, state, ses_message_id, attempts, lease_owner FROM {s}.messages")).ToDictionary(r => (string)r["id"]!);
        // The untouched in-doubt row takes the answer the worker held: sent, with the fake's message id.
        Assert.Equal("sent", rows[untouched]["state"]);
        Assert.Equal(Assert.Single(ses.State.MessageIdsOf(untouched)), rows[untouched]["ses_message_id"]);
        // The cancelled one stays cancelled.
        Assert.Equal("cancelled", rows[cancelled]["state"]);
        Assert.Null(rows[cancelled]["ses_message_id"]);
        // The re-sent one keeps its second send's record, not the first worker's late answer.
        Assert.Equal("sent", rows[resent]["state"]);
        Assert.Equal(2, rows[resent]["attempts"]);
        Assert.Equal(ses.State.MessageIdsOf(resent)[1], rows[resent]["ses_message_id"]);
        Assert.Equal(2, ses.State.AcceptedCount(resent));
    }

    [Fact]
    public async Task A_stop_while_the_database_is_away_reports_the_unrecorded_answers_with_their_ses_message_ids()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var ids = await W.EnqueueAsync(queue, 3);
        await using var locked = await LockableWorkerAsync(queue, ses, "stopped", o => o.StopGracePeriod = TimeSpan.FromSeconds(1));
        locked.LockAfterAccepts(3);
        using var stop = new CancellationTokenSource();
        var run = locked.Worker.RunAsync(stop.Token);
        await locked.Locked.WaitAsync(TimeSpan.FromSeconds(60));
        await W.WaitUntilAsync(() => Task.FromResult(ses.State.Accepted.Count == 3), "the answers went out");
        await Task.Delay(500); // the answers reach the worker, which cannot record them
        await stop.CancelAsync();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, summary.Sent);
        Assert.Equal(3, summary.Unrecorded.Count);
        foreach (var unrecorded in summary.Unrecorded)
        {
            Assert.Contains(unrecorded.Id, ids);
            Assert.Equal("sent", unrecorded.State);
            Assert.Equal(1, unrecorded.Attempt);
            Assert.Equal(Assert.Single(ses.State.MessageIdsOf(unrecorded.Id)), unrecorded.SesMessageId);
        }

        // Left for a person: sending now, in doubt once the lease expires; never pending (never resent).
        Assert.Equal(3, await queue.CountAsync("state IN ('sending', 'in_doubt')"));
    }

    /// <summary>Sweeps expired sending leases into in_doubt as a worker would; returns how many rows it moved.</summary>
    private static async Task<long> SweepAsync(TestQueue queue) => await queue.ScalarAsync<long>("""
        WITH swept AS (
            UPDATE {s}.messages SET state = 'in_doubt', finished_at = clock_timestamp(), last_error_code = 'LeaseExpired'
            WHERE state = 'sending' AND lease_expires_at < clock_timestamp() RETURNING 1)
        SELECT count(*) FROM swept
        """);

    private static async Task<LockableWorker> LockableWorkerAsync(TestQueue queue, FakeSesServer ses, string name, Action<PostgresWorkerOptions>? change = null, QueueMetrics? metrics = null)
    {
        // A role of the worker's own, not a superuser (a connection limit does not bind superusers).
        var role = $"worker_{name}_{Guid.NewGuid().ToString("N")[..8]}";
        await queue.ScalarAsync<object>($"CREATE ROLE {role} LOGIN");
        await queue.ScalarAsync<object>($"GRANT USAGE ON SCHEMA {{s}} TO {role}");
        await queue.ScalarAsync<object>($"GRANT ALL ON ALL TABLES IN SCHEMA {{s}} TO {role}");
        await queue.ScalarAsync<object>($"GRANT ALL ON ALL SEQUENCES IN SCHEMA {{s}} TO {role}");
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(queue.ConnectionString) { Username = role }.ConnectionString);
        var outbox = new PostgresOutbox(dataSource, new PostgresQueueOptions { Schema = queue.Outbox.Schema });
        var client = W.Client(ses);
        var budget = new PostgresSendBudget(outbox, new PostgresBudgetOptions { MaxSendRate = 30, ChunkSize = 3, ChunkLease = TimeSpan.FromSeconds(5) });
        var options = W.Fast(name, o =>
        {
            o.MaxConcurrency = 1;
            o.BatchSize = 3;
            o.SendingLease = SendingLease;
            change?.Invoke(o);
        });
        return new LockableWorker(queue, ses, role, dataSource, client, new PostgresQueueWorker(outbox, new SesTransport(client, budget), budget, options, metrics: metrics));
    }

    private sealed class LockableWorker(TestQueue queue, FakeSesServer ses, string role, NpgsqlDataSource dataSource, SesClient client, PostgresQueueWorker worker) : IAsyncDisposable
    {
        private readonly TaskCompletionSource _locked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _accepted;

        public PostgresQueueWorker Worker => worker;

        public Task Locked => _locked.Task;

        /// <summary>When SES has accepted <paramref name="count"/> sends, locks the role out before any of their answers is written.</summary>
        public void LockAfterAccepts(int count) => ses.OnSendAccepted = async _ =>
        {
            var n = Interlocked.Increment(ref _accepted);
            if (n == count)
            {
                await queue.ScalarAsync<object>($"ALTER ROLE {role} CONNECTION LIMIT 0");
                await queue.ScalarAsync<object>($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '{role}'");
                _locked.TrySetResult();
            }

            if (n <= count)
            {
                await _locked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        };

        public async Task UnlockAsync() => await queue.ScalarAsync<object>($"ALTER ROLE {role} CONNECTION LIMIT -1");

        public async ValueTask DisposeAsync()
        {
            ses.OnSendAccepted = null;
            client.Dispose();
            await dataSource.DisposeAsync();
        }
    }
}
