using SesMailer.Rules;
using SesMailer.Ses;

namespace SesMailer.Mime;

/// <summary>
/// The last check on composed bytes: CRLF line endings only, every byte 7-bit, every line at most 998 octets.
/// MimeKit's encoders guarantee this for bodies; the check catches what cannot be encoded, such as a header
/// value of more than 998 characters without a place to fold it.
/// </summary>
internal static class MimeLines
{
    /// <summary>Finds the first violation in <paramref name="mime"/>, or <see langword="null"/> when there is none.</summary>
    public static string? FindViolation(ReadOnlySpan<byte> mime) => IsSesSafe(mime) ? null : Describe(mime);

    /// <summary>
    /// The same check with vectorised searches: every byte in 1–127, then line by line (a search for LF) that each LF
    /// follows a CR, that no other CR is in the line and that the line is at most 998 octets. A message of a few KB
    /// is checked in well under a microsecond instead of a byte-at-a-time loop; only a failure is described by
    /// <see cref="Describe"/>, which walks the bytes to name the line.
    /// </summary>
    private static bool IsSesSafe(ReadOnlySpan<byte> mime)
    {
        if (mime.IndexOfAnyExceptInRange((byte)1, (byte)0x7F) >= 0)
        {
            return false;
        }

        while (true)
        {
            var end = mime.IndexOf((byte)'\n');
            if (end < 0)
            {
                // The last line, without a line break.
                return mime.Length <= RuleLimits.LineLengthLimit && !mime.Contains((byte)'\r');
            }

            if (end == 0 || mime[end - 1] != (byte)'\r')
            {
                return false;
            }

            var line = mime[..(end - 1)];
            if (line.Length > RuleLimits.LineLengthLimit || line.Contains((byte)'\r'))
            {
                return false;
            }

            mime = mime[(end + 1)..];
        }
    }

    private static string? Describe(ReadOnlySpan<byte> mime)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < mime.Length; i++)
        {
            var b = mime[i];
            if (b > 0x7F)
            {
                return $"line {line} has a non-ASCII byte 0x{b:X2}";
            }

            if (b == 0)
            {
                return $"line {line} has a NUL byte";
            }

            if (b == (byte)'\r')
            {
                if (i + 1 >= mime.Length || mime[i + 1] != (byte)'\n')
                {
                    return $"line {line} has a CR without LF";
                }

                if (i - lineStart > RuleLimits.LineLengthLimit)
                {
                    return $"line {line} is {i - lineStart} octets long (the limit is {RuleLimits.LineLengthLimit} without CRLF)";
                }

                i++;
                line++;
                lineStart = i + 1;
            }
            else if (b == (byte)'\n')
            {
                return $"line {line} ends with a bare LF";
            }
        }

        return mime.Length - lineStart > RuleLimits.LineLengthLimit
            ? $"line {line} is {mime.Length - lineStart} octets long (the limit is {RuleLimits.LineLengthLimit} without CRLF)"
            : null;
    }

    /// <summary>Throws when <paramref name="mime"/> is not CRLF-only, 7-bit, with lines of at most 998 octets.</summary>
    /// <exception cref="EmailValidationException">A violation was found (rule <c>mime-lines</c>).</exception>
    public static void EnsureSesSafe(ReadOnlySpan<byte> mime)
    {
        if (FindViolation(mime) is { } violation)
        {
            throw new EmailValidationException("Message", RuleIds.MimeLines,
                $"Message: the composed MIME cannot be sent as is: {violation}. This happens with a header value longer than 998 characters without spaces; shorten it.");
        }
    }
}
