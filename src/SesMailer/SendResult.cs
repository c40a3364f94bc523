namespace SesMailer;

/// <summary>The outcome of one send.</summary>
/// <param name="MessageId">
/// The id the transport gave the message (the SES message id, or the outbox file name); the first one when the
/// send was split per recipient; empty when an interceptor cancelled the send.
/// </param>
public sealed record SendResult(string MessageId)
{
    /// <summary>Every message id of this send: one, or one per recipient when the send was split.</summary>
    public IReadOnlyList<string> MessageIds { get; init; } = MessageId.Length == 0 ? [] : [MessageId];

    /// <summary>
    /// The stable id of the message (<see cref="EmailOptions.Id"/>, or the one assigned when it was composed); the
    /// first one when the send was split per recipient. <see langword="null"/> when the send was cancelled.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Every stable id of this send, in the order of <see cref="MessageIds"/>.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Whether an interceptor cancelled the send (nothing was sent).</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Why the send was cancelled, when <see cref="IsCancelled"/>.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>A result for a send that an interceptor cancelled.</summary>
    public static SendResult Cancelled(string reason) => new(string.Empty) { IsCancelled = true, CancellationReason = reason };
}
