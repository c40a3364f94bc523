// Part of the rule book (src/Rules/README.md): compiled into the generator, SesMailer and SesMailer.Ses.
namespace SesMailer.Rules;

/// <summary>
/// Text that ends up in a header (subject, display name, header value, file name, address). A line break in a header
/// value is how header injection works (<c>"Hi\r\nBcc: victim@example.com"</c>), so it is refused, never stripped.
/// </summary>
internal static class HeaderTextRule
{
    /// <summary>Refuses CR, LF, the other Unicode line breaks and control characters (a tab is allowed).</summary>
    /// <param name="value">The text.</param>
    /// <param name="what">What the text is, for the message: <c>subject</c>, <c>display name</c>, <c>header value</c>…</param>
    public static RuleResult Check(string value, string what)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var lineBreak = c is '\r' or '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';
            if (lineBreak || (char.IsControl(c) && c != '\t'))
            {
                var kind = lineBreak ? "a line break" : "a control character";
                return RuleResult.Broken(RuleIds.NoLineBreaks,
                    $"the {what} contains {kind} (U+{(int)c:X4}) at position {i}. Line breaks in headers are rejected, not removed, " +
                    "because they would let the value inject headers.");
            }
        }

        return RuleResult.Valid();
    }
}
