using System.Net;

namespace SesMailer.Ses;

/// <summary>
/// An error answered by SES (its <c>ErrorResponse</c>), or a failure to get an answer at all. Carries the SES
/// error code, the message, the request id, the HTTP status and whether trying again can help.
/// </summary>
/// <remarks>Subclasses exist for the codes a sender reacts to differently; catch this type for everything.</remarks>
public class SesException : Exception, IDeliveryFailure
{
    /// <summary>Creates an exception from the parts of an SES error.</summary>
    public SesException(string code, string message, string? requestId, HttpStatusCode? statusCode, bool isRetryable, Exception? innerException = null)
        : base(Describe(code, message, requestId), innerException)
    {
        Code = code;
        ErrorMessage = message;
        RequestId = requestId;
        StatusCode = statusCode;
        IsRetryable = isRetryable;
    }

    /// <summary>The SES error code, for example <c>MessageRejected</c> or <c>Throttling</c>.</summary>
    public string Code { get; }

    /// <summary>The message SES gave, without the code and request id that <see cref="Exception.Message"/> adds.</summary>
    public string ErrorMessage { get; }

    /// <summary>The SES request id, or <see langword="null"/> when there was no answer.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the answer, or <see langword="null"/> when there was none.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether sending the same request again later can succeed (the client already retried it).</summary>
    public bool IsRetryable { get; }

    /// <summary>Whether SES refused the request for sending too much (rate or daily quota).</summary>
    public virtual bool IsThrottled => false;

    /// <summary>Whether SES may have accepted the request although no answer said so (see <see cref="SesInDoubtException"/>).</summary>
    public virtual bool IsInDoubt => false;

    /// <summary>Whether the call was refused before anything was sent to SES (see <see cref="SesCircuitOpenException"/>).</summary>
    public virtual bool IsNotAttempted => false;

    /// <summary>Whether the account's 24-hour sending quota is used up (see <see cref="SesDailyQuotaExceededException"/>).</summary>
    public virtual bool IsQuotaExhausted => false;

    /// <summary>The sender or the service is at fault, as SES's <c>Type</c> says (<c>Sender</c> or <c>Receiver</c>), when known.</summary>
    public string? ErrorType { get; internal set; }

    private static string Describe(string code, string message, string? requestId) =>
        requestId is null ? $"{code}: {message}" : $"{code}: {message} (request id {requestId})";
}

/// <summary>SES refused the message itself (<c>MessageRejected</c>): an unverified address in the sandbox, a virus, a bad header. Never retried.</summary>
public sealed class SesMessageRejectedException(string message, string? requestId, HttpStatusCode? statusCode)
    : SesException("MessageRejected", message, requestId, statusCode, isRetryable: false);

/// <summary>Throttling: too many requests or recipients per second. Retried with backoff by the client; this surfaces when the attempts ran out.</summary>
public class SesThrottlingException(string code, string message, string? requestId, HttpStatusCode? statusCode, bool isRetryable = true)
    : SesException(code, message, requestId, statusCode, isRetryable)
{
    /// <inheritdoc />
    public override bool IsThrottled => true;
}

/// <summary>
/// The account's maximum sending rate was exceeded (<c>Throttling</c>, "Maximum sending rate exceeded.").
/// Retried with capped exponential backoff and full jitter; surfaces only when every attempt was throttled.
/// </summary>
public sealed class SesSendingRateExceededException(string message, string? requestId, HttpStatusCode? statusCode)
    : SesThrottlingException("Throttling", message, requestId, statusCode, isRetryable: true);

/// <summary>
/// The account's 24-hour sending quota is used up (<c>Throttling</c>, "Daily message quota exceeded.").
/// Not retried in a loop: defer the send by minutes or hours, or ask AWS for a higher quota.
/// </summary>
public sealed class SesDailyQuotaExceededException(string message, string? requestId, HttpStatusCode? statusCode)
    : SesThrottlingException("Throttling", message, requestId, statusCode, isRetryable: false)
{
    /// <inheritdoc />
    public override bool IsQuotaExhausted => true;
}

/// <summary>The custom MAIL FROM domain is not verified (<c>MailFromDomainNotVerifiedException</c>). Never retried.</summary>
public sealed class SesMailFromDomainNotVerifiedException(string code, string message, string? requestId, HttpStatusCode? statusCode)
    : SesException(code, message, requestId, statusCode, isRetryable: false);

/// <summary>The configuration set named in the request does not exist (<c>ConfigurationSetDoesNotExist</c>). Never retried.</summary>
public sealed class SesConfigurationSetDoesNotExistException(string code, string message, string? requestId, HttpStatusCode? statusCode)
    : SesException(code, message, requestId, statusCode, isRetryable: false);

/// <summary>Sending is paused for the account or the configuration set (<c>AccountSendingPausedException</c>, <c>ConfigurationSetSendingPausedException</c>). Never retried.</summary>
public sealed class SesSendingPausedException(string code, string message, string? requestId, HttpStatusCode? statusCode)
    : SesException(code, message, requestId, statusCode, isRetryable: false);

/// <summary>
/// SES did not accept the credentials or the signature (<c>SignatureDoesNotMatch</c>, <c>InvalidClientTokenId</c>,
/// <c>ExpiredToken</c>, <c>AccessDenied</c>, <c>RequestExpired</c>…). Never retried: fix the keys, the clock or the policy.
/// </summary>
public sealed class SesAuthenticationException(string code, string message, string? requestId, HttpStatusCode? statusCode)
    : SesException(code, message, requestId, statusCode, isRetryable: false);

/// <summary>
/// The answer was not SES XML (a proxy error page, a truncated body). The message quotes the HTTP status and the
/// start of the body so the cause can be seen.
/// </summary>
public sealed class SesUnexpectedResponseException(HttpStatusCode statusCode, string bodyStart, bool isRetryable, Exception? innerException = null)
    : SesException("UnexpectedResponse", $"HTTP {(int)statusCode} with a body that is not an SES XML response: \"{bodyStart}\"", requestId: null, statusCode, isRetryable, innerException)
{
    /// <summary>The first characters of the body (at most 200).</summary>
    public string BodyStart { get; } = bodyStart;
}

/// <summary>
/// The request never reached SES (connection refused, reset or DNS failure before the body was sent). Safe to
/// retry; the client already did.
/// </summary>
public sealed class SesConnectionException(string message, Exception innerException)
    : SesException("ConnectionFailure", message, requestId: null, statusCode: null, isRetryable: true, innerException);

/// <summary>
/// The request left for SES but no answer from SES said what became of it: a timeout, a connection lost after the
/// body left, a cancellation after it left, an answer that was not SES's (a proxy's HTML 502 or 504) or a truncated
/// success. SES may have accepted the message and it has no idempotency token, so the client does not resend:
/// check (SES event data, the recipient) before sending again.
/// </summary>
public sealed class SesInDoubtException(string action, Exception innerException)
    : SesException("InDoubt", $"{action} left for SES but no answer from SES came back ({innerException.Message}); SES may have accepted it. It was not resent: check the recipient or SES event data before sending again.", requestId: null, statusCode: null, isRetryable: false, innerException)
{
    /// <summary>The SES action that was in flight, for example <c>SendRawEmail</c>.</summary>
    public string Action { get; } = action;

    /// <inheritdoc />
    public override bool IsInDoubt => true;
}

/// <summary>
/// The client refused to call SES because too many recent calls failed with server errors or lost connections
/// (its circuit breaker is open); nothing was sent. Trying again after <see cref="RetryAfter"/> can succeed.
/// </summary>
public sealed class SesCircuitOpenException(TimeSpan? retryAfter, Exception innerException)
    : SesException("CircuitOpen", $"SES calls are paused after repeated server errors{(retryAfter is { } wait ? $"; trying again in {wait.TotalSeconds:0.#} s" : string.Empty)}; nothing was sent.", requestId: null, statusCode: null, isRetryable: true, innerException)
{
    /// <summary>How long the breaker stays open, when known.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <inheritdoc />
    public override bool IsNotAttempted => true;
}
