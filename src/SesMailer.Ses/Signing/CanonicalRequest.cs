using System.Globalization;
using System.Text;

namespace SesMailer.Ses.Signing;

/// <summary>Builds the SigV4 canonical request: method, URI, query, headers, signed header list, payload hash.</summary>
internal static class CanonicalRequest
{
    /// <summary>Builds the canonical request and the <c>SignedHeaders</c> list.</summary>
    /// <param name="request">The request parts.</param>
    /// <param name="normalizePath">
    /// Whether to remove dot segments and repeated slashes from the path. Every AWS service but S3 normalizes.
    /// </param>
    public static (string Text, string SignedHeaders) Build(SigV4Request request, bool normalizePath = true)
    {
        var headers = CanonicalHeaders(request.Headers);
        var signedHeaders = string.Join(';', headers.Select(static h => h.Key));
        var builder = new StringBuilder(256);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(request.Path, normalizePath)).Append('\n');
        builder.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(signedHeaders).Append('\n');
        builder.Append(request.PayloadHash);
        return (builder.ToString(), signedHeaders);
    }

    /// <summary>Lower-cased names in ordinal order; values trimmed, inner runs of spaces collapsed, repeats joined by commas.</summary>
    /// <remarks>A request signs a handful of headers: a list searched in place is cheaper than a sorted dictionary.</remarks>
    private static List<KeyValuePair<string, string>> CanonicalHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var result = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var trimmed = CollapseSpaces(value);
            var existing = result.Count - 1;
            while (existing >= 0 && result[existing].Key != key)
            {
                existing--;
            }

            if (existing < 0)
            {
                result.Add(new(key, trimmed));
            }
            else
            {
                result[existing] = new(key, result[existing].Value + "," + trimmed);
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    private static string CollapseSpaces(string value)
    {
        // Most values (dates, hosts, content types, tokens) have nothing to trim or collapse: keep them as they are.
        if (value.Length == 0 || (!char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
            && value.AsSpan().IndexOfAny('\t', '\r', '\n') < 0 && !value.Contains("  ", StringComparison.Ordinal)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            // Folded header lines (obsolete line folding) count as whitespace too.
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string CanonicalPath(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path) || path == "/")
        {
            return "/";
        }

        if (normalize)
        {
            path = RemoveDotSegments(path);
        }

        var segments = path.Split('/');
        return string.Join('/', segments.Select(s => UriEncode(Uri.UnescapeDataString(s))));
    }

    /// <summary>RFC 3986 §5.2.4 dot-segment removal, plus collapsing empty segments as the AWS suite expects.</summary>
    private static string RemoveDotSegments(string path)
    {
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(segment);
        }

        var trailingSlash = path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal);
        var joined = "/" + string.Join('/', output);
        return trailingSlash && output.Count > 0 ? joined + "/" : joined;
    }

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add((UriEncode(Uri.UnescapeDataString(key)), UriEncode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Percent-encodes everything but the RFC 3986 unreserved characters, with upper-case hex.</summary>
    /// <remarks>
    /// That is exactly what <see cref="Uri.EscapeDataString(string)"/> does (UTF-8, unreserved = A–Z a–z 0–9 - _ . ~),
    /// and the SigV4 suite's UTF-8 and unreserved cases prove it. It is about four times faster than encoding byte by
    /// byte, which matters here: a SendRawEmail body is the whole message in base64, up to ~13 MB.
    /// </remarks>
    public static string UriEncode(string value) => Uri.EscapeDataString(value);
}
