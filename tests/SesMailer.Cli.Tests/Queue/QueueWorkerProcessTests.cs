using System.Diagnostics;
using System.Text;
using Npgsql;
using SesMailer.PostgreSql;
using SesMailer.PostgreSql.Queueing;
using SesMailer.Sending;
using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;
using Xunit;
using Xunit.Abstractions;

namespace SesMailer.Cli.Tests.Queue;

/// <summary>
/// <c>sesmailer queue work</c> processes (the built tool) against a real PostgreSQL and the SES fake enforcing
/// MaxSendRate in recipients: several workers share one rate, a killed worker's messages are finished by the others
/// (its in-flight one in doubt, never resent), only committed messages are sent, and a PostgreSQL restart loses or
/// doubles nothing.
/// </summary>
[Collection(QueuePostgresGroup.Name)]
public sealed class QueueWorkerProcessTests(QueuePostgres postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Three_workers_share_one_rate_without_a_throttle_and_deliver_each_message_once()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.State.MaxSendRate = 30;
        server.State.EnforceSendRate = true;
        var (cs, outbox) = await NewQueueAsync();
        // 300 messages of 1, 2 or 3 recipients (400 in all after the mix below): about 13 s at 30 per second.
        var ids = await EnqueueAsync(outbox, 300, i => i % 4 == 0 ? 2 : i % 10 == 1 ? 3 : 1);
        var workers = Enumerable.Range(0, 3).Select(i => Start(cs, server.Endpoint, "30", $"w{i}")).ToList();
        var results = await Task.WhenAll(workers.Select(w => w.WaitAsync(TimeSpan.FromSeconds(120))));

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Success, r.ToString()));
        Assert.Equal(0, server.State.Throttles);
        Assert.All(ids, id => Assert.Equal(1, server.State.AcceptedCount(id)));
        Assert.Equal(300, (await outbox.GetStatusAsync()).Counts[QueueState.Sent]);
        // Each worker sent a share: the rate is shared, not one worker's.
        Assert.All(results, r => Assert.Contains(" sent,", r.Out, StringComparison.Ordinal));

        // The combined rate, by the fake's own clock: never over the account's (zero throttles says so per second too),
        // and at least 85 % of it (the issue's figure; bulk may use the interactive share while no interactive message waits).
        var accepted = server.State.Accepted.OrderBy(a => a.Timestamp).ToList();
        var seconds = (accepted[^1].Timestamp - accepted[0].Timestamp) / (double)Stopwatch.Frequency;
        var rate = (accepted.Sum(a => a.Recipients) - accepted[0].Recipients) / seconds;
        output.WriteLine($"combined rate {rate:0.0} recipients/s ({rate / 30:P0} of 30) over {seconds:0.0} s");
        Assert.True(rate <= 30 * 1.05, $"combined rate {rate:0.0} recipients/s is over the account's 30");
        Assert.True(rate >= 30 * 0.85, $"combined rate {rate:0.0} recipients/s is below 85 % of the account's 30");
    }

    [Fact]
    public async Task A_killed_workers_claims_are_finished_by_the_others_and_its_send_in_flight_is_in_doubt_not_resent()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.State.MaxSendRate = 1000;
        var (cs, outbox) = await NewQueueAsync();
        var ids = await EnqueueAsync(outbox, 60, _ => 1);
        // The victim's requests crawl through a relay (3 s each), so it is caught holding claimed rows and a send in flight.
        await using var relay = new SlowRelay(server.Endpoint, TimeSpan.FromSeconds(3));
        var victim = Start(cs, relay.Endpoint, "1000", "victim", concurrency: 1);
        await using var dataSource = NpgsqlDataSource.Create(cs);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (await CountAsync(dataSource, "state = 'sending' AND lease_owner = 'victim'") == 0
                || await CountAsync(dataSource, "state = 'claimed' AND lease_owner = 'victim'") == 0)
            {
                await Task.Delay(20, wait.Token);
            }
        }

        victim.Kill();
        var sending = await IdsAsync(dataSource, "state = 'sending' AND lease_owner = 'victim'");
        var claimed = await IdsAsync(dataSource, "state = 'claimed' AND lease_owner = 'victim'");
        Assert.NotEmpty(claimed);
        Assert.NotEmpty(sending); // a worker sends the messages of one budget chunk at once: one or a few

        var others = Enumerable.Range(0, 2).Select(i => Start(cs, server.Endpoint, "1000", $"other{i}")).ToList();
        WorkerResult[] results;
        try
        {
            results = await Task.WhenAll(others.Select(w => w.WaitAsync(TimeSpan.FromSeconds(60))));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; rows: {string.Join(", ", await StatesAsync(dataSource))}", e);
        }

        Assert.All(results, r => Assert.True(r.ExitCode is ExitCodes.Success or ExitCodes.InDoubt, r.ToString()));

        var inDoubt = await IdsAsync(dataSource, "state = 'in_doubt'");
        Assert.Equal(sending, inDoubt);
        // The relay may still have passed the killed worker's request on: at most once, never resent.
        Assert.All(inDoubt, id => Assert.InRange(server.State.AcceptedCount(id), 0, 1));
        foreach (var id in ids.Except(inDoubt))
        {
            Assert.Equal(1, server.State.AcceptedCount(id));
        }

        Assert.Equal(60 - inDoubt.Count, await CountAsync(dataSource, "state = 'sent'"));
        Assert.Equal(claimed.Count, await CountAsync(dataSource, $"state = 'sent' AND id = ANY(ARRAY['{string.Join("','", claimed)}'])"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_queues_nothing_and_a_committed_one_is_sent()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.State.MaxSendRate = 1000;
        var (cs, outbox) = await NewQueueAsync();
        var rolledBack = Composed(1);
        var committed = Composed(2);
        await using var dataSource = NpgsqlDataSource.Create(cs);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using (var tx = await connection.BeginTransactionAsync())
            {
                await outbox.EnqueueAsync(rolledBack, connection, tx);
                await tx.RollbackAsync();
            }

            await using (var tx = await connection.BeginTransactionAsync())
            {
                await outbox.EnqueueAsync(committed, connection, tx);
                await tx.CommitAsync();
            }
        }

        var result = await Start(cs, server.Endpoint, "1000", "w").WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(1, server.State.AcceptedCount(committed.Id!));
        Assert.Equal(0, server.State.AcceptedCount(rolledBack.Id!));
        Assert.Single(server.State.Accepted);
    }

    [Fact]
    public async Task Workers_reconnect_after_a_postgresql_restart_and_finish_with_nothing_lost_or_doubled()
    {
        await using var server = await FakeSesServer.StartAsync();
        server.State.MaxSendRate = 40;
        server.State.EnforceSendRate = true;
        var (cs, outbox) = await NewQueueAsync();
        var ids = await EnqueueAsync(outbox, 240, _ => 1);
        var workers = Enumerable.Range(0, 2).Select(i => Start(cs, server.Endpoint, "40", $"w{i}")).ToList();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (server.State.Accepted.Count < 60)
            {
                await Task.Delay(20, wait.Token);
            }
        }

        await postgres.Server.RestartAsync(TimeSpan.FromSeconds(2));
        var results = await Task.WhenAll(workers.Select(w => w.WaitAsync(TimeSpan.FromSeconds(120))));
        // Strict: an answer SES gave while the database was away is held and recorded once it is back, even after the
        // sending lease (3 s; the server is down 2 s, and reconnecting backs off) declared the row in doubt.
        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Success, r.ToString()));

        await using var dataSource = NpgsqlDataSource.Create(cs);
        Assert.Equal(0, await CountAsync(dataSource, "state = 'in_doubt'"));
        Assert.Equal(ids.Count, await CountAsync(dataSource, "state = 'sent'"));
        foreach (var id in ids)
        {
            // Nothing doubled, nothing lost: each delivered exactly once, recorded with the SES message id it got.
            Assert.Equal(1, server.State.AcceptedCount(id));
            Assert.Equal(1, await CountAsync(dataSource, $"id = '{id}' AND ses_message_id = '{server.State.MessageIdsOf(id).Single()}'"));
        }

        Assert.Equal(0, server.State.Throttles);
    }

    private async Task<(string ConnectionString, PostgresOutbox Outbox)> NewQueueAsync()
    {
        var (cs, outbox) = await postgres.NewDatabaseAsync();
        await outbox.MigrateAsync();
        return (cs, outbox);
    }

    private static async Task<IReadOnlyList<string>> EnqueueAsync(PostgresOutbox outbox, int count, Func<int, int> recipients)
    {
        var ids = new List<string>(count);
        await using var connection = await outbox.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
        {
            var email = Composed(recipients(i));
            await outbox.EnqueueAsync(email, connection, tx);
            ids.Add(email.Id!);
        }

        await tx.CommitAsync();
        return ids;
    }

    private static OutgoingEmail Composed(int recipients)
    {
        var id = StableId.New();
        var to = Enumerable.Range(0, recipients).Select(r => $"r{r}-{id[..8]}@example.com").ToArray();
        var mime = $"From: noreply@acme.example\r\nTo: {string.Join(", ", to)}\r\nSubject: Hi\r\n{StableId.HeaderName}: {id}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello.\r\n";
        return new OutgoingEmail { Mime = Encoding.ASCII.GetBytes(mime), From = "noreply@acme.example", Destinations = to, Id = id, Lane = SendLane.Bulk };
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string where)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM sesmailer.messages WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> StatesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT k || ' ' || count(*) FROM (SELECT state || '/' || coalesce(lease_owner, '-') || '/expired=' || coalesce((lease_expires_at < clock_timestamp())::text, '-') AS k FROM sesmailer.messages) t GROUP BY k");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<List<string>> IdsAsync(NpgsqlDataSource dataSource, string where)
    {
        await using var command = dataSource.CreateCommand($"SELECT id FROM sesmailer.messages WHERE {where} ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Starts <c>sesmailer queue work --until-empty</c> with short leases, the connection in the environment.</summary>
    private static WorkerProcess Start(string connectionString, Uri endpoint, string maxSendRate, string workerId, int concurrency = 4)
    {
        var start = CliProcess.StartInfo(
        [
            "queue", "work", "--until-empty", "--max-send-rate", maxSendRate, "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--claim-lease", "3", "--sending-lease", "3", "--worker-id", workerId, "--region", "us-east-1", "--endpoint", endpoint.ToString(),
        ]);
        foreach (var variable in new[] { "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD" })
        {
            start.Environment.Remove(variable);
        }

        // The connection comes from the environment, as an operator would give it (no password in argv).
        start.Environment["SESMAILER_POSTGRES"] = connectionString;
        return new WorkerProcess(Process.Start(start)!);
    }

    private sealed class WorkerProcess(Process process)
    {
        private readonly Task<string> _out = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> _err = process.StandardError.ReadToEndAsync();

        public void Kill() => process.Kill(entireProcessTree: true);

        public async Task<WorkerResult> WaitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the worker did not finish in {timeout}: {await _err}");
            }

            var result = new WorkerResult(process.ExitCode, await _out, await _err);
            process.Dispose();
            return result;
        }
    }

    private sealed record WorkerResult(int ExitCode, string Out, string Err);
}
