using SesMailer.Ses;

namespace SesMailer.Sending;

/// <summary>
/// The outcome of one message of a run of sends: which input it was (<see cref="Index"/>), its stable id, and what
/// became of it. Every message of a run gets exactly one outcome, whatever happens to the run.
/// </summary>
/// <param name="Index">The message's position in the input, from 0.</param>
/// <param name="Id">The message's stable id (<see cref="StableId"/>), or <see langword="null"/> when it failed before one was given.</param>
/// <param name="Kind">What became of it.</param>
public sealed record SendOutcome(int Index, string? Id, SendOutcomeKind Kind)
{
    /// <summary>The id SES gave the message, when <see cref="Kind"/> is <see cref="SendOutcomeKind.Sent"/>.</summary>
    public string? SesMessageId { get; init; }

    /// <summary>
    /// A short, stable code for anything but a send: the SES error code (<c>MessageRejected</c>, <c>Throttling</c>),
    /// the rule id of an invalid message (<c>valid-address</c>), <c>InDoubt</c>, <c>Cancelled</c>, <c>DailyQuota</c>
    /// or <c>CircuitOpen</c>.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>What went wrong, for a person; may quote addresses, so keep it out of logs.</summary>
    public string? Message { get; init; }

    /// <summary>The exception behind the outcome, when there was one.</summary>
    public Exception? Exception { get; init; }

    /// <summary>A message SES accepted.</summary>
    public static SendOutcome Sent(int index, string? id, string sesMessageId) =>
        new(index, id, SendOutcomeKind.Sent) { SesMessageId = sesMessageId };

    /// <summary>A message never offered to SES, for the reason <paramref name="code"/> (<c>Cancelled</c>, <c>DailyQuota</c>, <c>CircuitOpen</c>).</summary>
    public static SendOutcome NotAttempted(int index, string? id, string code, string message) =>
        new(index, id, SendOutcomeKind.NotAttempted) { Code = code, Message = message };

    /// <summary>
    /// Classifies the failure of one message: in doubt, never attempted, rejected or failed, read from
    /// <see cref="IDeliveryFailure"/> so that any transport's errors are understood.
    /// </summary>
    public static SendOutcome FromException(int index, string? id, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (kind, code) = exception switch
        {
            IDeliveryFailure { IsInDoubt: true } f => (SendOutcomeKind.InDoubt, f.Code),
            IDeliveryFailure { IsQuotaExhausted: true } => (SendOutcomeKind.NotAttempted, "DailyQuota"),
            IDeliveryFailure { IsNotAttempted: true } f => (SendOutcomeKind.NotAttempted, f.Code),
            IDeliveryFailure { IsRetryable: true } f => (SendOutcomeKind.Failed, f.Code),
            IDeliveryFailure f => (SendOutcomeKind.Rejected, f.Code),
            EmailValidationException v => (SendOutcomeKind.Rejected, v.Rule),
            OperationCanceledException => (SendOutcomeKind.NotAttempted, "Cancelled"),
            _ => (SendOutcomeKind.Failed, exception.GetType().Name),
        };
        return new SendOutcome(index, id, kind) { Code = code, Message = exception.Message, Exception = exception };
    }
}
