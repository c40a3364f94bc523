using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace SesMailer.TestSupport.FakeSes;

/// <summary>
/// Checks a received request's SigV4 signature independently of SesMailer's signer: its own canonical request
/// from what actually arrived on the wire, and AWSSDK.Core's HMAC chain.
/// </summary>
internal static class SignatureCheck
{
    public static bool IsValid(ImmutableCredentials credentials, string method, string path, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue("authorization", out var authorization) || !headers.TryGetValue("x-amz-date", out var amzDate))
        {
            return false;
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var scope = parts["Credential"].Split('/');
        if (scope[0] != credentials.AccessKey)
        {
            return false;
        }

        var signedHeaders = parts["SignedHeaders"];
        var canonical = new StringBuilder()
            .Append(method).Append('\n').Append(path).Append('\n').Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            canonical.Append(name).Append(':').Append(headers.TryGetValue(name, out var value) ? value.Trim() : string.Empty).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var expected = AWS4Signer.ComputeSignature(credentials, scope[2], signedAt, scope[3], signedHeaders, canonical.ToString()).Signature;
        return expected == parts["Signature"];
    }
}
