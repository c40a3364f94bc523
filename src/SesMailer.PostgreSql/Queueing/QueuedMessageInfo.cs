namespace SesMailer.PostgreSql.Queueing;

/// <summary>One queued message as <c>status</c> lists it: what became of it, never its content or addresses.</summary>
/// <param name="Id">Its stable id.</param>
/// <param name="State">Where it is.</param>
/// <param name="EmailName">The declared email it was rendered from, or <see langword="null"/>.</param>
/// <param name="Recipients">How many recipients it has.</param>
/// <param name="Attempts">How many times it was offered to SES.</param>
/// <param name="EnqueuedAt">When it was queued.</param>
/// <param name="SendingAt">When it last left for SES, or <see langword="null"/>.</param>
/// <param name="FinishedAt">When it reached its state, if final.</param>
/// <param name="SesMessageId">The id SES gave it, once sent.</param>
/// <param name="LastErrorCode">The last error's code (<c>MessageRejected</c>, <c>LeaseExpired</c>, <c>InDoubt</c>…).</param>
/// <param name="LastError">The last error's text.</param>
/// <param name="LeaseOwner">The worker that holds (or last held) it.</param>
public sealed record QueuedMessageInfo(
    string Id,
    QueueState State,
    string? EmailName,
    int Recipients,
    int Attempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? SendingAt,
    DateTimeOffset? FinishedAt,
    string? SesMessageId,
    string? LastErrorCode,
    string? LastError,
    string? LeaseOwner);
