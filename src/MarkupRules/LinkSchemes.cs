using System;

// Shared markup rules (src/MarkupRules/README.md): compiled into SesMailer.Compatibility and the generator.
namespace SesMailer.MarkupRules;

/// <summary>What the scheme of a link says about it.</summary>
internal enum LinkKind
{
    /// <summary>https:, mailto:, tel:, sms:, cid: and other schemes that are neither unsafe nor plain http.</summary>
    Fine,

    /// <summary>A local anchor (<c>#top</c>), a caniemail feature of its own.</summary>
    Anchor,

    /// <summary>Plain http:.</summary>
    Http,

    /// <summary>No scheme: relative (<c>/account</c>), a bare host, or empty.</summary>
    NoScheme,

    /// <summary>javascript:, vbscript:, data:, file:, or the URL SesMailer's encoder writes in place of a value it refused.</summary>
    Unsafe,
}

/// <summary>Classifies a link's URL by its scheme, the way browsers read it (case-insensitive, leading spaces and controls ignored).</summary>
internal static class LinkSchemes
{
    /// <summary>What SesMailer's HTML encoder writes in place of a URL attribute value whose scheme it refused.</summary>
    public const string NeutralisedUrl = "about:invalid#sesmailer-unsafe-url";

    private static readonly string[] UnsafeSchemes = ["javascript", "vbscript", "data", "file"];

    public static LinkKind Classify(string url)
    {
        var value = url.Trim();
        if (value.Length == 0)
        {
            return LinkKind.NoScheme;
        }

        if (value[0] == '#')
        {
            return LinkKind.Anchor;
        }

        if (value.StartsWith(NeutralisedUrl, StringComparison.OrdinalIgnoreCase))
        {
            return LinkKind.Unsafe;
        }

        var scheme = Scheme(value);
        if (scheme is null)
        {
            return LinkKind.NoScheme;
        }

        foreach (var dangerous in UnsafeSchemes)
        {
            if (string.Equals(scheme, dangerous, StringComparison.OrdinalIgnoreCase))
            {
                return LinkKind.Unsafe;
            }
        }

        return string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) ? LinkKind.Http : LinkKind.Fine;
    }

    /// <summary>
    /// The scheme (RFC 3986: a letter, then letters, digits, <c>+ - .</c>, then <c>:</c>), ignoring tabs and line
    /// breaks inside it as browsers do (<c>java&#9;script:</c> is javascript:), or null when there is none.
    /// </summary>
    public static string? Scheme(string url)
    {
        var scheme = new System.Text.StringBuilder();
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (c == ':')
            {
                return scheme.Length > 0 ? scheme.ToString() : null;
            }

            var letter = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
            if (!(letter || (scheme.Length > 0 && (c is >= '0' and <= '9' or '+' or '-' or '.'))))
            {
                return null;
            }

            scheme.Append(c);
        }

        return null;
    }
}
