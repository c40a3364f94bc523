namespace SesMailer.PostgreSql.Workers;

/// <summary>
/// An SES answer a worker held but could not record before it stopped (the database stayed unreachable). The row is
/// left <c>sending</c> and becomes <c>in_doubt</c> when its lease expires: settle it with
/// <see cref="PostgresOutbox.ResolveAsync"/> (<c>sesmailer queue resolve ID --sent --ses-message-id …</c>).
/// </summary>
/// <param name="Id">The message's stable id.</param>
/// <param name="Attempt">The attempt the answer belongs to (the row's <c>attempts</c>).</param>
/// <param name="State">The state it should have been recorded as: <c>sent</c>, <c>rejected</c>, <c>failed</c>, <c>in_doubt</c> or <c>pending</c> (never sent).</param>
/// <param name="SesMessageId">The SES message id when SES accepted it.</param>
/// <param name="ErrorCode">SES's error code when it refused it.</param>
public sealed record UnrecordedOutcome(string Id, int Attempt, string State, string? SesMessageId, string? ErrorCode);
