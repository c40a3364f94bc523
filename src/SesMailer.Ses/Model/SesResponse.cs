namespace SesMailer.Ses.Model;

/// <summary>What every SES answer carries.</summary>
public abstract record SesResponse
{
    /// <summary>
    /// The SES request id (<c>ResponseMetadata/RequestId</c>): quote it to AWS support. Empty only when the server
    /// sent none (some emulators do not).
    /// </summary>
    public required string RequestId { get; init; }
}

/// <summary>The answer of a call that returns nothing but its request id (verify, delete).</summary>
public sealed record SesEmptyResponse : SesResponse;
