namespace SesMailer.Mime;

/// <summary>
/// Rules for text that ends up in a header. A line break in a header value is how header injection works
/// (<c>"Hi\r\nBcc: victim@example.com"</c>), so it is rejected, never stripped.
/// </summary>
internal static class HeaderRules
{
    /// <summary>Headers SesMailer writes itself; setting them as custom headers would duplicate or contradict them.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Description",
        "List-Unsubscribe", "List-Unsubscribe-Post", "X-Priority", "Priority", "Importance",
        "X-SES-CONFIGURATION-SET", "X-SES-MESSAGE-TAGS", "Return-Path", "Received", "DKIM-Signature",
    };

    /// <summary>Throws when <paramref name="value"/> contains CR, LF, another line break or a control character.</summary>
    public static void RejectLineBreaks(string value, string field, string what)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var lineBreak = c is '\r' or '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';
            if (lineBreak || (char.IsControl(c) && c != '\t'))
            {
                var name = lineBreak ? "a line break" : "a control character";
                throw new EmailValidationException(field, EmailRules.NoLineBreaks,
                    $"{field}: the {what} contains {name} (U+{(int)c:X4}) at position {i}. Line breaks in headers are " +
                    "rejected, not removed, because they would let the value inject headers.");
            }
        }
    }

    /// <summary>Checks a custom header's name and value.</summary>
    public static void CheckCustomHeader(string name, string? value)
    {
        var field = $"Headers[{name}]";
        if (string.IsNullOrEmpty(name))
        {
            throw new EmailValidationException("Headers", EmailRules.CustomHeader, "Headers: a custom header has an empty name.");
        }

        foreach (var c in name)
        {
            // RFC 5322 field name: printable ASCII except ':'.
            if (c < 33 || c > 126 || c == ':')
            {
                throw new EmailValidationException(field, EmailRules.CustomHeader,
                    $"{field}: a header name may only contain printable ASCII characters other than ':' (found U+{(int)c:X4}).");
            }
        }

        if (Reserved.Contains(name))
        {
            throw new EmailValidationException(field, EmailRules.CustomHeader,
                $"{field}: '{name}' is written by SesMailer itself; set the matching EmailMessage property instead.");
        }

        if (value is null)
        {
            throw new EmailValidationException(field, EmailRules.Required, $"{field}: the value is null.");
        }

        RejectLineBreaks(value, field, "header value");
    }
}
