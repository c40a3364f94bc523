using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SesMailer.PostgreSql.Observability;

/// <summary>
/// The queue's health: unhealthy when its database cannot be read; degraded when messages are in doubt (a person
/// must settle them), when every worker stands still for the daily quota, or when expired leases wait unswept (no
/// worker is running); healthy otherwise. The data holds the counts.
/// </summary>
public sealed class QueueHealthCheck(PostgresOutbox outbox) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Queueing.QueueStatus status;
        try
        {
            status = await outbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Unhealthy, "The queue's database cannot be read.", e);
        }

        var data = new Dictionary<string, object>
        {
            ["depth"] = status.Depth,
            ["in_doubt"] = status.InDoubt,
            ["expired_leases"] = status.ExpiredLeases,
            ["oldest_pending_seconds"] = status.OldestPendingAge?.TotalSeconds ?? 0,
        };
        if (status.QuotaStoppedUntil is { } until)
        {
            data["quota_stopped_until"] = until;
            return HealthCheckResult.Degraded($"Every worker is stopped until {until:O}: {status.QuotaStopReason}", data: data);
        }

        if (status.InDoubt > 0)
        {
            return HealthCheckResult.Degraded($"{status.InDoubt} message(s) in doubt: check and settle them (sesmailer queue resolve).", data: data);
        }

        if (status.ExpiredLeases > 0)
        {
            return HealthCheckResult.Degraded($"{status.ExpiredLeases} expired lease(s) not swept: is any worker running?", data: data);
        }

        return HealthCheckResult.Healthy($"{status.Depth} message(s) queued.", data);
    }
}
