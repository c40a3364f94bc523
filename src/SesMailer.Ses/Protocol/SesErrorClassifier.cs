using System.Net;

namespace SesMailer.Ses.Protocol;

/// <summary>Turns an SES error code (not the HTTP status: SES throttling is HTTP 400) into the matching exception.</summary>
internal static class SesErrorClassifier
{
    private static readonly HashSet<string> AuthCodes = new(StringComparer.Ordinal)
    {
        "SignatureDoesNotMatch", "InvalidClientTokenId", "IncompleteSignature", "MissingAuthenticationToken",
        "ExpiredToken", "AccessDenied", "AccessDeniedException", "RequestExpired", "InvalidSignatureException",
        "UnrecognizedClientException", "NotAuthorized", "OptInRequired",
    };

    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "InternalFailure", "InternalError", "ServiceUnavailable", "ServiceUnavailableException", "RequestTimeout",
    };

    /// <summary>Builds the exception for one <c>ErrorResponse</c>.</summary>
    public static SesException Classify(string code, string message, string? requestId, HttpStatusCode status, string? type)
    {
        SesException error = code switch
        {
            "MessageRejected" => new SesMessageRejectedException(message, requestId, status),
            "Throttling" or "ThrottlingException" or "TooManyRequestsException" when IsDailyQuota(message) =>
                new SesDailyQuotaExceededException(message, requestId, status),
            "Throttling" when message.Contains("sending rate", StringComparison.OrdinalIgnoreCase) =>
                new SesSendingRateExceededException(message, requestId, status),
            "Throttling" or "ThrottlingException" or "TooManyRequestsException" =>
                new SesThrottlingException(code, message, requestId, status),
            "MailFromDomainNotVerified" or "MailFromDomainNotVerifiedException" =>
                new SesMailFromDomainNotVerifiedException(code, message, requestId, status),
            "ConfigurationSetDoesNotExist" or "ConfigurationSetDoesNotExistException" =>
                new SesConfigurationSetDoesNotExistException(code, message, requestId, status),
            "AccountSendingPausedException" or "ConfigurationSetSendingPausedException" =>
                new SesSendingPausedException(code, message, requestId, status),
            _ when AuthCodes.Contains(code) => new SesAuthenticationException(code, message, requestId, status),
            _ => new SesException(code, message, requestId, status, RetryableCodes.Contains(code) || (int)status >= 500),
        };
        error.ErrorType = type;
        return error;
    }

    private static bool IsDailyQuota(string message) =>
        message.Contains("Daily message quota", StringComparison.OrdinalIgnoreCase);
}
