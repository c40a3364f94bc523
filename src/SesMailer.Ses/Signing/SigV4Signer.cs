using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace SesMailer.Ses.Signing;

/// <summary>
/// AWS Signature Version 4 (header form). Produces the canonical request, the string to sign, the signature
/// and the <c>Authorization</c> header; proven byte for byte against the AWS SigV4 test suite.
/// </summary>
/// <remarks>
/// The derived signing key depends only on the secret, the date, the region and the service, so it is cached
/// for the day: a busy sender derives it once a day instead of four HMACs per request.
/// </remarks>
internal sealed class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    private readonly Lock _gate = new();
    private CachedKey? _cachedKey;

    /// <summary>How many times a signing key was derived (the cache is per day; tests check it).</summary>
    internal int KeyDerivations { get; private set; }

    /// <summary>The result of signing one request.</summary>
    public sealed record Signature(string CanonicalRequest, string StringToSign, string Value, string SignedHeaders, string Authorization);

    /// <summary>Signs <paramref name="request"/>, whose headers must already hold every header to sign (host, x-amz-date, any token).</summary>
    public Signature Sign(SigV4Request request, ImmutableCredentials credentials, SigV4Scope scope, bool normalizePath = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var (canonical, signedHeaders) = CanonicalRequest.Build(request, normalizePath);
        var stringToSign = string.Join('\n', Algorithm, scope.AmzDate, scope.CredentialScope, HexSha256(Encoding.UTF8.GetBytes(canonical)));
        var key = SigningKey(credentials, scope);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKey}/{scope.CredentialScope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new Signature(canonical, stringToSign, signature, signedHeaders, authorization);
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private byte[] SigningKey(ImmutableCredentials credentials, SigV4Scope scope)
    {
        var date = scope.Date;
        lock (_gate)
        {
            var cached = _cachedKey;
            if (cached is not null && cached.Matches(credentials.SecretKey, date, scope.Region, scope.Service))
            {
                return cached.Key;
            }

            var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), Encoding.UTF8.GetBytes(date));
            var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(scope.Region));
            var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(scope.Service));
            var kSigning = HMACSHA256.HashData(kService, "aws4_request"u8);
            _cachedKey = new CachedKey(SecretFingerprint(credentials.SecretKey), new WeakReference<string>(credentials.SecretKey), date, scope.Region, scope.Service, kSigning);
            KeyDerivations++;
            return kSigning;
        }
    }

    // The cache keeps a hash of the secret, not the secret, so a heap dump of the cache reveals nothing new. It also
    // holds the secret string it was derived from weakly: credentials objects hand out the same string on every
    // call, so recognising it by reference spares the SHA-256 of the secret per request, and a weak reference keeps
    // the secret no longer than the credentials object does.
    private static byte[] SecretFingerprint(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private sealed record CachedKey(byte[] SecretHash, WeakReference<string> Secret, string Date, string Region, string Service, byte[] Key)
    {
        public bool Matches(string secret, string date, string region, string service)
        {
            if (Date != date || Region != region || Service != service)
            {
                return false;
            }

            if (Secret.TryGetTarget(out var known) && ReferenceEquals(known, secret))
            {
                return true;
            }

            // Another string (refreshed credentials): equal only if its hash is.
            if (!CryptographicOperations.FixedTimeEquals(SecretHash, SecretFingerprint(secret)))
            {
                return false;
            }

            Secret.SetTarget(secret);
            return true;
        }
    }
}
