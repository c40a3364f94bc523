namespace SesMailer.Mailing;

/// <summary>
/// Told about every send once it is over (sent, failed or cancelled), for logging, metrics or an audit trail.
/// An observer that throws is logged and ignored: the email has been sent either way, and a failure here must
/// not make the caller send it again.
/// </summary>
public interface IEmailObserver
{
    /// <summary>Called after each send.</summary>
    ValueTask OnSendCompletedAsync(EmailSendOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>How one send ended.</summary>
public sealed class EmailSendOutcome
{
    internal EmailSendOutcome(EmailMessage message, SendResult? result, Exception? exception, TimeSpan duration)
    {
        Message = message;
        Result = result;
        Exception = exception;
        Duration = duration;
    }

    /// <summary>The message as it was sent (after defaults and interceptors).</summary>
    public EmailMessage Message { get; }

    /// <summary>The result, or <see langword="null"/> when the send failed.</summary>
    public SendResult? Result { get; }

    /// <summary>Why the send failed, or <see langword="null"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>How long the send took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether the message was handed to the transport and accepted.</summary>
    public bool Succeeded => Result is { IsCancelled: false };
}
