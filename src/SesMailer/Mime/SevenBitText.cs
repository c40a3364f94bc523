using SesMailer.Rules;

namespace SesMailer.Mime;

/// <summary>
/// Text that goes out as it is, 7-bit, with no Content-Transfer-Encoding: what MimeKit's
/// <c>Prepare(EncodingConstraint.SevenBit, 998)</c> leaves alone, found without its byte-by-byte filter.
/// </summary>
/// <remarks>
/// Deliberately stricter than MimeKit: a text refused here is prepared by MimeKit itself, so a refusal costs time,
/// never a different message. MimeKit encodes a text with a NUL (base64), a non-ASCII character (quoted-printable or
/// base64), a line of more than 998 octets or a leading <c>From </c> (quoted-printable); this refuses all of those and
/// also a <c>From </c> at the start of any line.
/// </remarks>
internal static class SevenBitText
{
    /// <summary>Whether <paramref name="text"/> (LF line endings) is ASCII without NUL, with lines of at most 998 characters, none starting "From ".</summary>
    public static bool IsSafe(ReadOnlySpan<char> text)
    {
        // ASCII without NUL: each character is one UTF-8 byte, so characters count octets below.
        if (text.IndexOfAnyExceptInRange('\u0001', '\u007F') >= 0)
        {
            return false;
        }

        while (true)
        {
            if (text.StartsWith("From ", StringComparison.Ordinal))
            {
                return false;
            }

            var end = text.IndexOf('\n');
            if ((end < 0 ? text.Length : end) > RuleLimits.LineLengthLimit)
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            text = text[(end + 1)..];
        }
    }
}
