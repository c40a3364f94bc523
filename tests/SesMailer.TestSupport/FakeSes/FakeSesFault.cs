using System.Net;

namespace SesMailer.TestSupport.FakeSes;

/// <summary>A failure the fake SES server answers with instead of handling a request.</summary>
public abstract record FakeSesFault
{
    /// <summary>The send-rate throttling error (HTTP 400, <c>Throttling</c>, "Maximum sending rate exceeded.").</summary>
    public static FakeSesFault SendingRateExceeded { get; } = new ErrorFault(HttpStatusCode.BadRequest, "Sender", "Throttling", "Maximum sending rate exceeded.");

    /// <summary>The daily-quota throttling error (HTTP 400, <c>Throttling</c>, "Daily message quota exceeded.").</summary>
    public static FakeSesFault DailyQuotaExceeded { get; } = new ErrorFault(HttpStatusCode.BadRequest, "Sender", "Throttling", "Daily message quota exceeded.");

    /// <summary>HTTP 503 <c>ServiceUnavailable</c>.</summary>
    public static FakeSesFault ServiceUnavailable { get; } = new ErrorFault(HttpStatusCode.ServiceUnavailable, "Receiver", "ServiceUnavailable", "Service is unavailable. Please try again later.");

    /// <summary>HTTP 500 <c>InternalFailure</c>.</summary>
    public static FakeSesFault InternalFailure { get; } = new ErrorFault(HttpStatusCode.InternalServerError, "Receiver", "InternalFailure", "The request processing has failed because of an unknown error.");

    /// <summary><c>MessageRejected</c> with the given reason.</summary>
    public static FakeSesFault MessageRejected(string reason = "Email address is not verified. The following identities failed the check in region US-EAST-1: ann@example.com") =>
        new ErrorFault(HttpStatusCode.BadRequest, "Sender", "MessageRejected", reason);

    /// <summary>The connection is dropped after the request was read, without an answer.</summary>
    public static FakeSesFault ConnectionReset { get; } = new ResetFault();

    /// <summary>
    /// A 200 answer of <paramref name="bytes"/> bytes, far more than SES ever sends, written until the client stops
    /// reading. With <paramref name="declareLength"/> its <c>Content-Length</c> says so up front; else it is chunked.
    /// </summary>
    public static FakeSesFault Oversized(long bytes, bool declareLength) => new OversizedFault(bytes, declareLength);

    /// <summary>
    /// SES accepts the message (it counts as delivered, see <see cref="FakeSesState.AcceptedCount"/>), then the client
    /// gets <paramref name="then"/> instead of the answer: a proxy's 504 page, a reset, a delay past the client's timeout.
    /// </summary>
    public static FakeSesFault AcceptedThen(FakeSesFault then) => new AcceptedThenFault(then);

    /// <summary>An answer that is not SES XML (a proxy page, a truncated document).</summary>
    public static FakeSesFault Malformed(HttpStatusCode status, string body, string contentType = "text/html") => new MalformedFault(status, body, contentType);
}

/// <summary>An SES <c>ErrorResponse</c>.</summary>
public sealed record ErrorFault(HttpStatusCode Status, string Type, string Code, string Message) : FakeSesFault;

/// <summary>Handles the request as SES would (a send is accepted), then answers with <see cref="Then"/> instead.</summary>
public sealed record AcceptedThenFault(FakeSesFault Then) : FakeSesFault;

/// <summary>Aborts the connection.</summary>
public sealed record ResetFault : FakeSesFault;

/// <summary>Answers with an arbitrary body.</summary>
public sealed record MalformedFault(HttpStatusCode Status, string Body, string ContentType) : FakeSesFault;

/// <summary>Holds the answer until the given time has passed or the request is aborted.</summary>
public sealed record DelayFault(TimeSpan Delay) : FakeSesFault;

/// <summary>Answers 200 with a body of <see cref="Bytes"/> bytes (see <see cref="FakeSesFault.Oversized"/>).</summary>
public sealed record OversizedFault(long Bytes, bool DeclareLength) : FakeSesFault;
