using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace SesMailer.Benchmarks.Ses;

/// <summary>
/// The baseline of the SES request benchmarks: the least a developer can write to call SendRawEmail over
/// <see cref="HttpClient"/>: the form body by hand, signed with AWSSDK.Core's own SigV4 primitive
/// (<see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>),
/// the MessageId read from the XML. No input checks, no retries, no error mapping.
/// </summary>
public sealed class HandRolledSesRequest(HttpClient http, Uri endpoint, string region, ImmutableCredentials credentials, TimeProvider clock)
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private const string SignedHeaders = "content-type;host;x-amz-date";
    private static readonly XNamespace Ses = "http://ses.amazonaws.com/doc/2010-12-01/";

    /// <summary>Sends <paramref name="raw"/> to <paramref name="destinations"/>; unsigned when <paramref name="sign"/> is false.</summary>
    public async Task<string> SendRawEmailAsync(byte[] raw, IReadOnlyList<string> destinations, bool sign, CancellationToken cancellationToken = default)
    {
        var form = new StringBuilder(raw.Length * 2)
            .Append("Action=SendRawEmail&Version=2010-12-01&RawMessage.Data=")
            .Append(Uri.EscapeDataString(Convert.ToBase64String(raw)));
        for (var i = 0; i < destinations.Count; i++)
        {
            form.Append("&Destinations.member.").Append(i + 1).Append('=').Append(Uri.EscapeDataString(destinations[i]));
        }

        var body = Encoding.UTF8.GetBytes(form.ToString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        if (sign)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var canonical = string.Concat(
                "POST\n/\n\ncontent-type:", ContentType, "\nhost:", endpoint.Authority, "\nx-amz-date:", amzDate,
                "\n\n", SignedHeaders, "\n", Convert.ToHexStringLower(SHA256.HashData(body)));
            var signature = AWS4Signer.ComputeSignature(credentials, region, now, "ses", SignedHeaders, canonical);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return xml.Descendants(Ses + "MessageId").Single().Value;
    }
}
