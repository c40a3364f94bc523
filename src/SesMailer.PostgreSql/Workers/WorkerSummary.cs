namespace SesMailer.PostgreSql.Workers;

/// <summary>What one worker did during a run.</summary>
/// <param name="Sent">Messages SES accepted.</param>
/// <param name="Rejected">Messages refused for what they are (final).</param>
/// <param name="Failed">Messages whose retryable failure ran out of attempts (final).</param>
/// <param name="Retried">Failed sends put back to pending with a backoff.</param>
/// <param name="InDoubt">Messages that left for SES without an answer: a person resolves them.</param>
/// <param name="Released">Claimed messages given back to pending unsent (a stop, the daily quota, a database outage before the send).</param>
public sealed record WorkerSummary(int Sent, int Rejected, int Failed, int Retried, int InDoubt, int Released)
{
    /// <summary>Outcomes held through a database outage and recorded once it came back (included in the counts above).</summary>
    public int RecordedLate { get; init; }

    /// <summary>
    /// SES answers the worker could not record before it stopped (the database stayed unreachable through the stop's
    /// grace period): not in the counts above. Each needs a person (<c>queue resolve</c>); the CLI exits 3.
    /// </summary>
    public IReadOnlyList<UnrecordedOutcome> Unrecorded { get; init; } = [];
}
