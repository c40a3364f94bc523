namespace SesMailer.Ses.Signing;

/// <summary>Who signs, where and when: the inputs to the credential scope and the signing key.</summary>
/// <param name="Region">The region of the endpoint, for example <c>us-west-2</c>.</param>
/// <param name="Service">The signing name of the service (<c>ses</c> for SES v1).</param>
/// <param name="SignedAt">The signing instant (UTC).</param>
internal readonly record struct SigV4Scope(string Region, string Service, DateTimeOffset SignedAt)
{
    /// <summary>The <c>YYYYMMDD</c> date of the scope.</summary>
    public string Date => SignedAt.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>X-Amz-Date</c> value, <c>YYYYMMDD'T'HHMMSS'Z'</c>.</summary>
    public string AmzDate => SignedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The credential scope, <c>date/region/service/aws4_request</c>.</summary>
    public string CredentialScope => $"{Date}/{Region}/{Service}/aws4_request";
}
