using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SesMailer.PostgreSql.Observability;

namespace SesMailer.PostgreSql.Workers;

/// <summary>
/// The hosted worker <c>AddSesMailerWorker</c> registers: runs a <see cref="PostgresQueueWorker"/> for the life of the
/// host, refreshes the queue's gauges every few seconds and purges sent rows past their retention every hour.
/// </summary>
internal sealed partial class PostgresWorkerService(PostgresQueueWorker worker, PostgresOutbox outbox, QueueMetrics metrics, ILogger<PostgresWorkerService>? logger) : BackgroundService
{
    private static readonly TimeSpan MetricsEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var housekeeping = HousekeepAsync(stoppingToken);
        await worker.RunAsync(stoppingToken).ConfigureAwait(false);
        await housekeeping.ConfigureAwait(false);
    }

    private async Task HousekeepAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await metrics.RefreshAsync(stoppingToken).ConfigureAwait(false);
                if (DateTimeOffset.UtcNow - lastPurge > PurgeEvery)
                {
                    lastPurge = DateTimeOffset.UtcNow;
                    var purged = await outbox.PurgeAsync(stoppingToken).ConfigureAwait(false);
                    if (logger is not null && purged > 0)
                    {
                        LogPurged(logger, purged);
                    }
                }

                await Task.Delay(MetricsEvery, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or IOException or TimeoutException or System.Net.Sockets.SocketException)
            {
                // The worker reports the outage; the gauges keep their last values meanwhile.
                await Task.Delay(MetricsEvery, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(60, LogLevel.Information, "Purged {Count} sent message(s) past their retention")]
    private static partial void LogPurged(ILogger logger, long count);
}
