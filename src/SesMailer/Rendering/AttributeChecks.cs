using System.Buffers;
using System.Globalization;
using System.Text;

namespace SesMailer.Rendering;

/// <summary>
/// Which attributes are checked, and the checks: a URL attribute must not get its scheme from code unless the scheme is
/// a safe one; a <c>style</c> attribute must not get from code what would take CSS out of the value.
/// See <see cref="UnsafeAttributeValue"/> for the rules as users read them.
/// </summary>
internal static class AttributeChecks
{
    // Attributes holding one URL in HTML, SVG and the legacy HTML that mail clients still render.
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "background", "poster", "cite", "xlink:href", "longdesc", "lowsrc",
        "dynsrc", "data", "codebase", "classid", "usemap", "manifest", "icon", "profile",
    };

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel", "cid"];

    private static readonly string[] SafeImageTypes = ["image/png", "image/gif", "image/jpeg", "image/webp"];

    private static readonly string[] StyleFunctions = ["url(", "expression("];

    private static readonly SearchValues<char> ReferenceOrFunction = SearchValues.Create("&(");

    // What code must not write into a style value (see IsUnsafePlainStyle): the characters that leave the value, and
    // those of a comment's "/*".
    private static readonly SearchValues<char> StyleBreakers = SearchValues.Create(";{}<>\"'\\/*");

    public static AttributeKind Classify(string name) =>
        UrlAttributes.Contains(name) ? AttributeKind.Url
        : string.Equals(name, "style", StringComparison.OrdinalIgnoreCase) ? AttributeKind.Style
        : AttributeKind.Other;

    /// <summary>Whether <paramref name="value"/> is a URL whose scheme code made unsafe (see <see cref="UnsafeAttributeValue.Url"/>).</summary>
    public static bool IsUnsafeUrl(AttributeValue value)
    {
        if (IsUnsafePlainUrl(value) is { } decided)
        {
            return decided;
        }

        using var characters = value.Decoded(forUrl: true).GetEnumerator();
        var scheme = new StringBuilder();
        var fromCode = false;
        while (true)
        {
            if (!characters.MoveNext())
            {
                return false; // no ':': a relative URL
            }

            var (character, code) = characters.Current;
            fromCode |= code;
            if (IsIgnored(character))
            {
                continue;
            }

            if (character == ':')
            {
                break;
            }

            if (!IsSchemeCharacter(character))
            {
                return false; // a '/', '?', '#' or anything else before any ':': a relative URL
            }

            scheme.Append(ToAsciiLower(character));
        }

        var name = scheme.ToString();
        if (name.Length == 0 || Array.IndexOf(SafeSchemes, name) >= 0)
        {
            return false;
        }

        if (name == "data")
        {
            // The media type decides what a data: URL is; it ends at its first parameter or at the data.
            var mediaType = new StringBuilder();
            while (characters.MoveNext())
            {
                var (character, code) = characters.Current;
                fromCode |= code;
                if (character is ',' or ';')
                {
                    break;
                }

                if (!IsIgnored(character))
                {
                    mediaType.Append(ToAsciiLower(character));
                }
            }

            if (Array.IndexOf(SafeImageTypes, mediaType.ToString()) >= 0)
            {
                return false;
            }
        }

        return fromCode;
    }

    /// <summary>Whether code wrote into <paramref name="value"/> anything that could take CSS out of its value (see <see cref="UnsafeAttributeValue.Style"/>).</summary>
    public static bool IsUnsafeStyle(AttributeValue value)
    {
        // The usual case, decided without reading the value character by character: no character reference (so every
        // character reads as written), no '(' (so no url( or expression(), and nothing from code that could end the
        // declaration, the attribute or the element, or open or close a comment.
        if (value.Span.IndexOfAny(ReferenceOrFunction) < 0 && !value.CodeContainsAny(StyleBreakers))
        {
            return false;
        }

        if (!value.Span.Contains('&') && value.Span.Length <= MaxPlainStyle)
        {
            return IsUnsafePlainStyle(value);
        }

        var characters = value.Decoded(forUrl: false).ToList();
        for (var i = 0; i < characters.Count; i++)
        {
            var (character, code) = characters[i];
            if (code && character is ';' or '{' or '}' or '<' or '>' or '"' or '\'' or '\\')
            {
                return true;
            }

            if (character == '/' && i + 1 < characters.Count && characters[i + 1].Character == '*' && (code || characters[i + 1].FromCode))
            {
                return true;
            }
        }

        // url( and expression( in any case, and with whitespace before the parenthesis, which some engines allowed.
        var significant = characters.Where(c => !IsIgnored(c.Character)).Select(c => (Character: ToAsciiLower(c.Character), c.FromCode)).ToList();
        var text = new string(significant.Select(c => c.Character).ToArray());
        foreach (var function in StyleFunctions)
        {
            for (var at = text.IndexOf(function, StringComparison.Ordinal); at >= 0; at = text.IndexOf(function, at + 1, StringComparison.Ordinal))
            {
                if (significant.Skip(at).Take(function.Length).Any(c => c.FromCode))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The same checks as above without decoding, for a value with no character reference (where every character is
    // read as it is written): the usual case, checked without allocating.
    private const int MaxPlainStyle = 512;

    /// <summary>
    /// The URL check over the characters as written, or <see langword="null"/> when a character reference comes before
    /// the check has decided: characters after the point where it stops (the scheme's ':', the data URL's media type) are
    /// never read, so a reference there, such as the <c>&amp;amp;</c> of a query string, changes nothing.
    /// </summary>
    private static bool? IsUnsafePlainUrl(AttributeValue value)
    {
        var html = value.Span;
        Span<char> scheme = stackalloc char[16];
        var schemeLength = 0;
        var fromCode = false;
        var at = 0;
        for (; ; at++)
        {
            if (at == html.Length)
            {
                return false; // no ':': a relative URL
            }

            var character = html[at];
            if (character == '&')
            {
                return null;
            }

            fromCode |= value.IsCode(at, at + 1, forUrl: true);
            if (IsIgnored(character))
            {
                continue;
            }

            if (character == ':')
            {
                break;
            }

            if (!IsSchemeCharacter(character))
            {
                return false; // a '/', '?', '#' or anything else before any ':': a relative URL
            }

            // A scheme longer than the buffer is none of the safe ones (nor "data"): counted, not kept.
            if (schemeLength < scheme.Length)
            {
                scheme[schemeLength] = ToAsciiLower(character);
            }

            schemeLength++;
        }

        if (schemeLength == 0)
        {
            return false;
        }

        if (schemeLength <= scheme.Length)
        {
            var name = scheme[..schemeLength];
            foreach (var safe in SafeSchemes)
            {
                if (name.SequenceEqual(safe))
                {
                    return false;
                }
            }

            if (name.SequenceEqual("data"))
            {
                Span<char> mediaType = stackalloc char[16];
                var mediaLength = 0;
                for (at++; at < html.Length; at++)
                {
                    var character = html[at];
                    if (character == '&')
                    {
                        return null;
                    }

                    fromCode |= value.IsCode(at, at + 1, forUrl: true);
                    if (character is ',' or ';')
                    {
                        break;
                    }

                    if (!IsIgnored(character))
                    {
                        if (mediaLength < mediaType.Length)
                        {
                            mediaType[mediaLength] = ToAsciiLower(character);
                        }

                        mediaLength++;
                    }
                }

                if (mediaLength <= mediaType.Length)
                {
                    foreach (var safe in SafeImageTypes)
                    {
                        if (mediaType[..mediaLength].SequenceEqual(safe))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return fromCode;
    }

    private static bool IsUnsafePlainStyle(AttributeValue value)
    {
        var html = value.Span;
        Span<char> significant = stackalloc char[html.Length];
        Span<bool> significantFromCode = stackalloc bool[html.Length];
        var count = 0;
        for (var i = 0; i < html.Length; i++)
        {
            var character = html[i];
            var code = value.IsCode(i, i + 1, forUrl: false);
            if (code && character is ';' or '{' or '}' or '<' or '>' or '"' or '\'' or '\\')
            {
                return true;
            }

            if (character == '/' && i + 1 < html.Length && html[i + 1] == '*' && (code || value.IsCode(i + 1, i + 2, forUrl: false)))
            {
                return true;
            }

            if (!IsIgnored(character))
            {
                significant[count] = ToAsciiLower(character);
                significantFromCode[count] = code;
                count++;
            }
        }

        var text = significant[..count];
        foreach (var function in StyleFunctions)
        {
            for (var from = 0; from < text.Length;)
            {
                var found = text[from..].IndexOf(function, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                var at = from + found;
                if (significantFromCode.Slice(at, function.Length).Contains(true))
                {
                    return true;
                }

                from = at + 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Characters the check skips: more than the tab, line feed, carriage return and leading C0 controls and spaces that
    /// browsers drop from URLs, so that a browser never reads a scheme the check did not; a URL made odd by an
    /// invisible character is at worst replaced.
    /// </summary>
    private static bool IsIgnored(char character) => char.GetUnicodeCategory(character) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsSchemeCharacter(char character) => char.IsAsciiLetterOrDigit(character) || character is '+' or '-' or '.';

    private static char ToAsciiLower(char character) => char.IsAsciiLetterUpper(character) ? (char)(character + ('a' - 'A')) : character;
}

/// <summary>What a template's attribute holds, for the checks of <see cref="AttributeChecks"/>.</summary>
internal enum AttributeKind
{
    Other,
    Url,
    Style,
}
