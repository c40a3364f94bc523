namespace SesMailer.Sending;

/// <summary>What became of one message of a run of sends (bulk, folder outbox, queue).</summary>
public enum SendOutcomeKind
{
    /// <summary>SES accepted it; <see cref="SendOutcome.SesMessageId"/> says under which id.</summary>
    Sent,

    /// <summary>Refused for what it is (an invalid address, <c>MessageRejected</c>, an SES rule): sending it again as it is will fail again.</summary>
    Rejected,

    /// <summary>A failure that was retried until the retry budget ran out (throttling, server errors, no connection); SES did not take it.</summary>
    Failed,

    /// <summary>It left for SES but no answer from SES said what became of it: it may have been delivered. Never resent automatically.</summary>
    InDoubt,

    /// <summary>It was never offered to SES: the run was cancelled, the daily quota ran out, or the circuit breaker was open.</summary>
    NotAttempted,
}
