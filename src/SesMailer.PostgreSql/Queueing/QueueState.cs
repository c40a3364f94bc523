namespace SesMailer.PostgreSql.Queueing;

/// <summary>Where a queued message is (the <c>state</c> column; README: the states diagram).</summary>
public enum QueueState
{
    /// <summary>Waiting for a worker (<c>pending</c>); after a retryable failure, not before its <c>available_at</c>.</summary>
    Pending,

    /// <summary>Taken by a worker under a lease, not yet sent (<c>claimed</c>): back to pending if the lease expires.</summary>
    Claimed,

    /// <summary>Committed as leaving for SES (<c>sending</c>): in doubt if the lease expires, never pending.</summary>
    Sending,

    /// <summary>SES accepted it (<c>sent</c>); its SES message id is recorded.</summary>
    Sent,

    /// <summary>Refused for what it is (<c>rejected</c>): sending it again as it is would fail again.</summary>
    Rejected,

    /// <summary>A retryable failure on every attempt (<c>failed</c>).</summary>
    Failed,

    /// <summary>It may or may not have reached SES (<c>in_doubt</c>): a person decides with <see cref="PostgresOutbox.ResolveAsync"/>.</summary>
    InDoubt,

    /// <summary>Settled by a person as not to be sent (<c>cancelled</c>).</summary>
    Cancelled,
}
