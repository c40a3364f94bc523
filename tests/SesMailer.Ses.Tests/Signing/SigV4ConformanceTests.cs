using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using SesMailer.Ses.Signing;
using Xunit;

namespace SesMailer.Ses.Tests.Signing;

/// <summary>
/// The AWS SigV4 test suite (vectors/, Apache-2.0, see NOTICE.md there): canonical request, string to sign and
/// signature must match byte for byte. Every header-signing case of the suite applies to a Query API client.
/// </summary>
public sealed class SigV4ConformanceTests
{
    private static string VectorsRoot => Path.Combine(AppContext.BaseDirectory, "Signing", "vectors");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(VectorsRoot).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void The_suite_is_present()
    {
        Assert.True(Cases().Count >= 30, "the SigV4 vectors were not copied to the output");
        Assert.True(File.Exists(Path.Combine(VectorsRoot, "NOTICE.md")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_request_string_to_sign_and_signature_match_the_suite(string name)
    {
        var vector = Vector.Load(Path.Combine(VectorsRoot, name));

        var signature = new SigV4Signer().Sign(vector.Request, vector.Credentials, vector.Scope, vector.Normalize);

        Assert.Equal(vector.ExpectedCanonicalRequest, signature.CanonicalRequest);
        Assert.Equal(vector.ExpectedStringToSign, signature.StringToSign);
        Assert.Equal(vector.ExpectedSignature, signature.Value);
    }

    [Fact]
    public void The_signing_key_is_derived_once_per_day_and_again_the_next_day()
    {
        var signer = new SigV4Signer();
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
        var request = new SigV4Request("POST", "/", "", [new("Host", "email.us-east-1.amazonaws.com")], SigV4Signer.HexSha256([]));
        var morning = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

        signer.Sign(request, credentials, new SigV4Scope("us-east-1", "ses", morning));
        signer.Sign(request, credentials, new SigV4Scope("us-east-1", "ses", morning.AddHours(15)));
        Assert.Equal(1, signer.KeyDerivations);

        signer.Sign(request, credentials, new SigV4Scope("us-east-1", "ses", morning.AddDays(1)));
        Assert.Equal(2, signer.KeyDerivations);

        var rotated = new ImmutableCredentials("AKIDEXAMPLE", "another-secret", null);
        signer.Sign(request, rotated, new SigV4Scope("us-east-1", "ses", morning.AddDays(1)));
        Assert.Equal(3, signer.KeyDerivations);
    }

    private sealed record Vector(
        SigV4Request Request,
        ImmutableCredentials Credentials,
        SigV4Scope Scope,
        bool Normalize,
        string ExpectedCanonicalRequest,
        string ExpectedStringToSign,
        string ExpectedSignature)
    {
        public static Vector Load(string dir)
        {
            using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
            var root = context.RootElement;
            var creds = root.GetProperty("credentials");
            var token = creds.TryGetProperty("token", out var t) ? t.GetString() : null;
            var omitToken = root.TryGetProperty("omit_session_token", out var o) && o.GetBoolean();
            var signBody = root.GetProperty("sign_body").GetBoolean();
            var scope = new SigV4Scope(
                root.GetProperty("region").GetString()!,
                root.GetProperty("service").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

            var (method, path, query, headers, body) = ParseRequest(File.ReadAllText(Path.Combine(dir, "request.txt")));
            var payloadHash = SigV4Signer.HexSha256(Encoding.UTF8.GetBytes(body));
            headers.Add(new("X-Amz-Date", scope.AmzDate));
            if (token is not null && !omitToken)
            {
                headers.Add(new("X-Amz-Security-Token", token));
            }

            if (signBody)
            {
                headers.Add(new("X-Amz-Content-Sha256", payloadHash));
            }

            return new Vector(
                new SigV4Request(method, path, query, headers, payloadHash),
                new ImmutableCredentials(creds.GetProperty("access_key_id").GetString(), creds.GetProperty("secret_access_key").GetString(), token),
                scope,
                root.GetProperty("normalize").GetBoolean(),
                File.ReadAllText(Path.Combine(dir, "header-canonical-request.txt")),
                File.ReadAllText(Path.Combine(dir, "header-string-to-sign.txt")),
                File.ReadAllText(Path.Combine(dir, "header-signature.txt")).Trim());
        }

        /// <summary>Reads <c>request.txt</c>: request line, headers (indented lines continue the previous one), blank line, body.</summary>
        private static (string Method, string Path, string Query, List<KeyValuePair<string, string>> Headers, string Body) ParseRequest(string text)
        {
            var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
            var head = split < 0 ? normalized.TrimEnd('\n') : normalized[..split];
            var body = split < 0 ? string.Empty : normalized[(split + 2)..];
            var lines = head.Split('\n');

            var requestLine = lines[0];
            var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
            var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
            var q = target.IndexOf('?', StringComparison.Ordinal);
            var path = q < 0 ? target : target[..q];
            var query = q < 0 ? string.Empty : target[(q + 1)..];

            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in lines.Skip(1))
            {
                if (line.Length > 0 && char.IsWhiteSpace(line[0]) && headers.Count > 0)
                {
                    var last = headers[^1];
                    headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers.Add(new(line[..colon], line[(colon + 1)..]));
            }

            return (method, path, query, headers, body);
        }
    }
}
