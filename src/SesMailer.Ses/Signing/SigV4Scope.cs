using System.Globalization;

namespace SesMailer.Ses.Signing;

/// <summary>Who signs, where and when: the inputs to the credential scope and the signing key.</summary>
/// <remarks>
/// The date strings are formatted once, when the scope is made: a signature needs them five or six times, and each
/// custom date format is a parse of the pattern and a new string.
/// </remarks>
internal readonly record struct SigV4Scope
{
    /// <summary>Creates the scope of a request signed at <paramref name="signedAt"/>.</summary>
    /// <param name="region">The region of the endpoint, for example <c>us-west-2</c>.</param>
    /// <param name="service">The signing name of the service (<c>ses</c> for SES v1).</param>
    /// <param name="signedAt">The signing instant (converted to UTC).</param>
    public SigV4Scope(string region, string service, DateTimeOffset signedAt)
    {
        Region = region;
        Service = service;
        SignedAt = signedAt;
        AmzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Date = AmzDate[..8];
        CredentialScope = $"{Date}/{region}/{service}/aws4_request";
    }

    /// <summary>The region of the endpoint.</summary>
    public string Region { get; }

    /// <summary>The signing name of the service.</summary>
    public string Service { get; }

    /// <summary>The signing instant.</summary>
    public DateTimeOffset SignedAt { get; }

    /// <summary>The <c>YYYYMMDD</c> date of the scope.</summary>
    public string Date { get; }

    /// <summary>The <c>X-Amz-Date</c> value, <c>YYYYMMDD'T'HHMMSS'Z'</c>.</summary>
    public string AmzDate { get; }

    /// <summary>The credential scope, <c>date/region/service/aws4_request</c>.</summary>
    public string CredentialScope { get; }
}
