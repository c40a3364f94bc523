namespace SesMailer.PostgreSql.Queueing;

/// <summary>The queue at a glance (<c>sesmailer queue status</c>, the metrics, the health check).</summary>
/// <param name="Counts">How many rows are in each state (states with none are 0).</param>
/// <param name="OldestPendingAge">How long the oldest pending message has waited, or <see langword="null"/> when none is pending.</param>
/// <param name="ExpiredLeases">Claimed or sending rows whose lease has expired and that no worker has swept yet (no worker running?).</param>
/// <param name="QuotaStoppedUntil">Until when every worker stands still for the daily quota, or <see langword="null"/>.</param>
/// <param name="QuotaStopReason">Why, or <see langword="null"/>.</param>
public sealed record QueueStatus(IReadOnlyDictionary<QueueState, long> Counts, TimeSpan? OldestPendingAge, long ExpiredLeases, DateTimeOffset? QuotaStoppedUntil, string? QuotaStopReason)
{
    /// <summary>Messages not yet settled: pending, claimed or being sent.</summary>
    public long Depth => Counts[QueueState.Pending] + Counts[QueueState.Claimed] + Counts[QueueState.Sending];

    /// <summary>Messages a person must settle.</summary>
    public long InDoubt => Counts[QueueState.InDoubt];
}
