using SesMailer.Benchmarks.Queue;
using SesMailer.TestSupport.Postgres;

namespace SesMailer.Benchmarks.Tests;

/// <summary>
/// The queue benchmark's correctness check, in-suite and small: its workers drain the queue with every message
/// accepted exactly once and no throttle (MeasureAsync throws otherwise), and its counters count something.
/// </summary>
public sealed class PostgresQueueBenchmarkTests
{
    [Fact]
    public async Task Two_workers_drain_a_small_queue_exactly_once_and_the_figures_are_counted()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var row = await PostgresQueueBenchmark.MeasureAsync(postgres, workers: 2, maxSendRate: 200, messages: 60);

        Assert.Equal(60, row.Messages);
        Assert.Equal(0, row.Throttles);
        Assert.True(row.RoundTripsPerMessage > 0, "no PostgreSQL round trip was counted");
        Assert.True(row.CpuMsPerMessage > 0);
        Assert.True(row.Rate > 0);
    }
}
