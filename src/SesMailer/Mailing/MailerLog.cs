using Microsoft.Extensions.Logging;
using SesMailer.Mime;
using SesMailer.Ses;

namespace SesMailer.Mailing;

/// <summary>
/// The mailer's log messages. Structured, and deliberately without addresses, subjects or bodies (personal
/// data) and without credentials: the email name, counts, the provider message id and error codes.
/// </summary>
/// <remarks>
/// Failures are logged by the facts that are safe to keep, never by the exception object: every logging provider
/// writes an exception's message and its inner exceptions' messages, and those quote addresses (a validation error
/// names the bad address, SES's <c>MessageRejected</c> lists unverified identities). The caller still gets the
/// whole exception, so the log needs no stack trace of a failed send.
/// </remarks>
internal static partial class MailerLog
{
    /// <summary>How many exceptions of a chain <see cref="ExceptionTypes"/> names; enough for any real wrapping.</summary>
    private const int MaxChainLength = 8;

    [LoggerMessage(1, LogLevel.Information, "Sent {EmailName} {Id} to {RecipientCount} recipient(s) as {MessageId} in {ElapsedMilliseconds} ms")]
    public static partial void Sent(ILogger logger, string emailName, string? id, int recipientCount, string messageId, long elapsedMilliseconds);

    [LoggerMessage(4, LogLevel.Information, "Sending {EmailName} was cancelled by an interceptor: {Reason}")]
    public static partial void Cancelled(ILogger logger, string emailName, string reason);

    /// <summary>Logs a failed send by its error type, and by the field, or the transport's code and request id, when there are.</summary>
    /// <param name="logger">Where to log.</param>
    /// <param name="emailName">The email's name.</param>
    /// <param name="errorType">The failure's kind, as <see cref="SendErrors"/> names it.</param>
    /// <param name="id">The message's stable id, when it had one; an in-doubt message is found by it.</param>
    /// <param name="exception">The failure; read, not logged.</param>
    public static void SendFailed(ILogger logger, string emailName, string errorType, string? id, Exception exception)
    {
        var types = ExceptionTypes(exception);

        // A split send that failed part-way is described by the failure that stopped it, as SendErrors does.
        var cause = exception is PartiallySentException { InnerException: { } inner } ? inner : exception;
        switch (cause)
        {
            case EmailValidationException invalid:
                Invalid(logger, emailName, errorType, invalid.Field, types);
                break;
            case IDeliveryFailure failure:
                DeliveryFailed(logger, emailName, id, errorType, (cause as SesException)?.RequestId,
                    failure.IsRetryable, failure.IsThrottled, failure.IsInDoubt, types);
                break;
            default:
                Failed(logger, emailName, errorType, types);
                break;
        }
    }

    /// <summary>Logs an observer's failure by its exception types and stack trace, without the exception's messages.</summary>
    /// <remarks>Unlike a failed send, this exception reaches no caller, so where it was thrown is kept: frames name methods, not data.</remarks>
    public static void ObserverFailed(ILogger logger, string observer, Exception exception) =>
        ObserverThrew(logger, observer, ExceptionTypes(exception), exception.StackTrace);

    /// <summary>The type names of <paramref name="exception"/> and its inner exceptions, outermost first: <c>PartiallySentException &gt; IOException</c>.</summary>
    internal static string ExceptionTypes(Exception exception)
    {
        var names = new List<string>();
        for (var e = exception; e is not null && names.Count < MaxChainLength; e = e.InnerException)
        {
            names.Add(e.GetType().Name);
        }

        return string.Join(" > ", names);
    }

    [LoggerMessage(2, LogLevel.Warning, "Sending {EmailName} was rejected before sending ({ErrorType}, field {Field}, {ExceptionTypes})")]
    private static partial void Invalid(ILogger logger, string emailName, string errorType, string field, string exceptionTypes);

    [LoggerMessage(3, LogLevel.Error, "Sending {EmailName} failed ({ErrorType}, {ExceptionTypes})")]
    private static partial void Failed(ILogger logger, string emailName, string errorType, string exceptionTypes);

    [LoggerMessage(5, LogLevel.Warning, "Email observer {Observer} failed ({ExceptionTypes}); the send itself is unaffected\n{StackTrace}")]
    private static partial void ObserverThrew(ILogger logger, string observer, string exceptionTypes, string? stackTrace);

    [LoggerMessage(6, LogLevel.Error, "Sending {EmailName} {Id} failed: the transport answered {ErrorType} (request id {RequestId}, retryable {IsRetryable}, throttled {IsThrottled}, in doubt {IsInDoubt}, {ExceptionTypes})")]
    private static partial void DeliveryFailed(ILogger logger, string emailName, string? id, string errorType, string? requestId, bool isRetryable, bool isThrottled, bool isInDoubt, string exceptionTypes);
}
