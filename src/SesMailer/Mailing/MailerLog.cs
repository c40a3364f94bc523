using Microsoft.Extensions.Logging;

namespace SesMailer.Mailing;

/// <summary>
/// The mailer's log messages. Structured, and deliberately without addresses, subjects or bodies (personal
/// data) and without credentials: the email name, counts, the provider message id and error codes.
/// </summary>
internal static partial class MailerLog
{
    [LoggerMessage(1, LogLevel.Information, "Sent {EmailName} to {RecipientCount} recipient(s) as {MessageId} in {ElapsedMilliseconds} ms")]
    public static partial void Sent(ILogger logger, string emailName, int recipientCount, string messageId, long elapsedMilliseconds);

    [LoggerMessage(2, LogLevel.Warning, "Sending {EmailName} was rejected before sending ({ErrorType}, field {Field})")]
    public static partial void Invalid(ILogger logger, string emailName, string errorType, string field, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Sending {EmailName} failed ({ErrorType})")]
    public static partial void Failed(ILogger logger, string emailName, string errorType, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Sending {EmailName} was cancelled by an interceptor: {Reason}")]
    public static partial void Cancelled(ILogger logger, string emailName, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Email observer {Observer} failed; the send itself is unaffected")]
    public static partial void ObserverFailed(ILogger logger, string observer, Exception exception);
}
