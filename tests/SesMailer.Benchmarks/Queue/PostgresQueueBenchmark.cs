using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using SesMailer.PostgreSql;
using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Workers;
using SesMailer.Sending;
using SesMailer.Ses;
using SesMailer.TestSupport.FakeSes;
using SesMailer.TestSupport.Postgres;
using SesMailer.Transport;

namespace SesMailer.Benchmarks.Queue;

/// <summary>
/// The PostgreSQL queue drained by 1, 2 or 4 workers (in this process, each with its own data source, budget client
/// and SES client, as separate processes would have) against the SES fake enforcing MaxSendRate in recipients:
/// achieved rate, CPU time per message and PostgreSQL round trips per message. Round trips are counted as the
/// <c>Npgsql</c> ActivitySource's command and batch activities (one request/response each); the COMMIT of an explicit
/// transaction and LISTEN waits are not activities and are not counted. Each run first checks what it measured:
/// every message accepted by SES exactly once, no throttle. Run: <c>dotnet run -c Release -- pgqueue</c>.
/// </summary>
public static class PostgresQueueBenchmark
{
    public sealed record Row(int Workers, double MaxSendRate, int Messages, double Seconds, double Rate, double CpuMsPerMessage, double RoundTripsPerMessage, int Throttles);

    public static async Task<int> RunAsync(TextWriter output)
    {
        await using var postgres = await PostgresServer.StartAsync();
        output.WriteLine("| workers | MaxSendRate | messages | seconds | achieved (msg/s) | of the rate | CPU per message (ms) | round trips per message | throttles |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var rate in new[] { 50, 200, 1000 })
        {
            foreach (var workers in new[] { 1, 2, 4 })
            {
                // About four seconds of sending at the allowed rate, at least 200 messages.
                var row = await MeasureAsync(postgres, workers, rate, Math.Max(200, rate * 4));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {row.Workers} | {row.MaxSendRate} | {row.Messages} | {row.Seconds:0.0} | {row.Rate:0.0} | {row.Rate / row.MaxSendRate:P0} | {row.CpuMsPerMessage:0.00} | {row.RoundTripsPerMessage:0.0} | {row.Throttles} |"));
            }
        }

        return 0;
    }

    /// <summary>One configuration: queue <paramref name="messages"/> one-recipient messages, drain them, check and measure.</summary>
    /// <exception cref="InvalidOperationException">A message was not accepted exactly once, or SES throttled (the figures would be wrong).</exception>
    public static async Task<Row> MeasureAsync(PostgresServer postgres, int workers, double maxSendRate, int messages)
    {
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.MaxSendRate = maxSendRate;
        ses.State.EnforceSendRate = true;
        var connectionString = await postgres.CreateDatabaseAsync("bench");
        var ids = new List<string>(messages);
        await using (var setup = NpgsqlDataSource.Create(connectionString))
        {
            var outbox = new PostgresOutbox(setup);
            await outbox.MigrateAsync();
            await using var connection = await setup.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            for (var i = 0; i < messages; i++)
            {
                var email = Composed();
                await outbox.EnqueueAsync(email, connection, tx);
                ids.Add(email.Id!);
            }

            await tx.CommitAsync();
        }

        long roundTrips = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = _ => Interlocked.Increment(ref roundTrips),
        };
        ActivitySource.AddActivityListener(listener);

        var sources = new List<NpgsqlDataSource>();
        var clients = new List<SesClient>();
        var runs = new List<Func<Task<WorkerSummary>>>();
        for (var w = 0; w < workers; w++)
        {
            var dataSource = NpgsqlDataSource.Create(connectionString);
            sources.Add(dataSource);
            var outbox = new PostgresOutbox(dataSource);
            var client = new SesClient(
                new SesClientOptions { Region = "us-east-1", Endpoint = ses.Endpoint },
                credentials: SesCredentials.FromAccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
            clients.Add(client);
            var budget = new PostgresSendBudget(outbox, new PostgresBudgetOptions { MaxSendRate = maxSendRate });
            var worker = new PostgresQueueWorker(outbox, new SesTransport(client, budget), budget, new PostgresWorkerOptions { WorkerId = $"bench-{w}", MaxConcurrency = 4 });
            runs.Add(() => worker.RunUntilEmptyAsync());
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(runs.Select(r => Task.Run(r)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var trips = Interlocked.Read(ref roundTrips);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var dataSource in sources)
        {
            await dataSource.DisposeAsync();
        }

        var wrong = ids.Where(id => ses.State.AcceptedCount(id) != 1).Take(5).ToList();
        if (wrong.Count > 0 || ses.State.Throttles > 0)
        {
            throw new InvalidOperationException($"{workers} workers at {maxSendRate}/s: {wrong.Count}+ messages not accepted exactly once ({string.Join(", ", wrong)}), {ses.State.Throttles} throttles.");
        }

        // The rate from the fake's own clock (first to last acceptance), as SES would count it.
        var accepted = ses.State.Accepted.OrderBy(a => a.Timestamp).ToList();
        var span = (accepted[^1].Timestamp - accepted[0].Timestamp) / (double)Stopwatch.Frequency;
        var rate = span > 0 ? (accepted.Count - 1) / span : double.NaN;
        return new Row(workers, maxSendRate, messages, seconds, rate, cpuUsed.TotalMilliseconds / messages, trips / (double)messages, ses.State.Throttles);
    }

    private static OutgoingEmail Composed()
    {
        var id = StableId.New();
        var to = $"r-{id[..12]}@example.com";
        var mime = $"From: noreply@acme.example\r\nTo: {to}\r\nSubject: Hi\r\n{StableId.HeaderName}: {id}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello.\r\n";
        return new OutgoingEmail { Mime = Encoding.ASCII.GetBytes(mime), From = "noreply@acme.example", Destinations = [to], Id = id, Lane = SendLane.Bulk };
    }
}
