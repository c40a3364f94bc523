using System.Globalization;
using System.Net;

namespace SesMailer.Ses;

/// <summary>
/// The answer was larger than <see cref="SesClientOptions.MaxResponseBytes"/>. SES answers are small XML documents,
/// so this comes from something else (a proxy, a wrong endpoint); the body was not read past the limit. Never
/// retried; for a send it is also in doubt, since the request reached the endpoint.
/// </summary>
public sealed class SesResponseTooLargeException : SesException
{
    private readonly bool _inDoubt;

    /// <summary>Creates the exception for an answer to <paramref name="action"/> that exceeded <paramref name="limit"/> bytes.</summary>
    /// <param name="action">The SES action that was answered.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="limit">The limit in bytes (<see cref="SesClientOptions.MaxResponseBytes"/>).</param>
    /// <param name="declaredLength">The answer's <c>Content-Length</c>, when it gave one.</param>
    /// <param name="inDoubt">Whether the request was a send that the endpoint may have acted on.</param>
    public SesResponseTooLargeException(string action, HttpStatusCode statusCode, int limit, long? declaredLength, bool inDoubt)
        : base("ResponseTooLarge", Describe(action, statusCode, limit, declaredLength, inDoubt), requestId: null, statusCode, isRetryable: false)
    {
        Action = action;
        Limit = limit;
        DeclaredLength = declaredLength;
        _inDoubt = inDoubt;
    }

    /// <summary>The SES action that was answered, for example <c>GetSendQuota</c>.</summary>
    public string Action { get; }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public int Limit { get; }

    /// <summary>The answer's <c>Content-Length</c>, or <see langword="null"/> when it gave none (a chunked body).</summary>
    public long? DeclaredLength { get; }

    /// <inheritdoc />
    public override bool IsInDoubt => _inDoubt;

    private static string Describe(string action, HttpStatusCode status, int limit, long? declared, bool inDoubt)
    {
        var size = declared is { } length
            ? string.Create(CultureInfo.InvariantCulture, $"Content-Length {length:N0} bytes")
            : "a chunked body";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The answer to {action} (HTTP {(int)status}, {size}) is larger than SesClientOptions.MaxResponseBytes ({limit:N0} bytes) and was not read further. SES answers are small XML documents: check that the endpoint is SES and not a proxy or another service.");
        return inDoubt ? text + " The request reached the endpoint, so the message may have been accepted: check before sending again." : text;
    }
}
