namespace SesMailer.Mailing;

/// <summary>
/// Runs before a message is composed and sent, in registration order: it may change the message (redirect
/// recipients, add headers or tags) or cancel the send. The message it sees already has the mailer's defaults.
/// </summary>
public interface IEmailInterceptor
{
    /// <summary>Inspects or changes <see cref="EmailSendingContext.Message"/>, or calls <see cref="EmailSendingContext.Cancel"/>.</summary>
    ValueTask OnSendingAsync(EmailSendingContext context, CancellationToken cancellationToken);
}

/// <summary>The message about to be sent, handed to each <see cref="IEmailInterceptor"/>.</summary>
public sealed class EmailSendingContext
{
    internal EmailSendingContext(EmailMessage message) => Message = message;

    /// <summary>The message (a copy of the caller's, so changes here do not leak back to it).</summary>
    public EmailMessage Message { get; }

    /// <summary>Whether an interceptor cancelled the send.</summary>
    public bool IsCancelled => CancellationReason is not null;

    /// <summary>Why the send was cancelled, or <see langword="null"/>.</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>Cancels the send: nothing is sent, and the caller gets a result with <see cref="SendResult.IsCancelled"/>.</summary>
    public void Cancel(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CancellationReason = reason;
    }
}
