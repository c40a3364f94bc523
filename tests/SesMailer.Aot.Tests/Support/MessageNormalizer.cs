using System.Text.RegularExpressions;

namespace SesMailer.Aot.Tests.Support;

/// <summary>
/// Replaces what differs between two runs of the same program with placeholders, and nothing else: the Date and
/// Message-Id headers, the MIME boundaries (random per message), and SesMailer's per-message id (the
/// <c>X-SesMailer-Id</c> header, and that same id wherever else the message carries it, such as a tag). Two messages
/// that differ in any other byte still differ after this.
/// </summary>
internal static partial class MessageNormalizer
{
    public static string Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The id first (its value may appear elsewhere, for example as a tag), then the headers themselves.
        foreach (Match id in SesMailerIdHeader().Matches(message))
        {
            var value = Unfold(id.Groups["value"].Value);
            if (value.Length > 0)
            {
                message = message.Replace(value, "<sesmailer-id>", StringComparison.Ordinal);
            }
        }

        message = VaryingHeader().Replace(message, match => $"{match.Groups["name"].Value}: <{match.Groups["name"].Value.ToLowerInvariant()}>");

        var boundaries = Boundary().Matches(message).Select(m => m.Groups["value"].Value).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < boundaries.Count; i++)
        {
            message = message.Replace(boundaries[i], $"<boundary-{i + 1}>", StringComparison.Ordinal);
        }

        return message;
    }

    private static string Unfold(string value) => FoldingWhiteSpace().Replace(value, " ").Trim();

    // A header line with its folded continuation lines (RFC 5322 2.2.3).
    [GeneratedRegex(@"^(?<name>Date|Message-Id|X-SesMailer-Id):(?<value>[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VaryingHeader();

    [GeneratedRegex(@"^X-SesMailer-Id:(?<value>[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SesMailerIdHeader();

    [GeneratedRegex(@"boundary=""?(?<value>[^"";\r\n]+)""?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\r?\n[ \t]+")]
    private static partial Regex FoldingWhiteSpace();
}
