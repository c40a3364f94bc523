using System.Globalization;

namespace SesMailer.Rendering;

/// <summary>
/// Decodes the HTML character references of an attribute value as a browser does, as far as the URL check needs:
/// numeric references (with or without <c>;</c>) and the named references that stand for ASCII characters or for
/// whitespace. Any other named reference stands for a character that is neither part of a URL scheme nor ignored in
/// one, so the check may read it as the <c>&amp;</c> it starts with.
/// </summary>
internal static class CharacterReferences
{
    private const char Replacement = '\uFFFD';

    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["Tab"] = "\t", ["NewLine"] = "\n", ["nbsp"] = "\u00A0", ["NonBreakingSpace"] = "\u00A0",
        ["excl"] = "!", ["quot"] = "\"", ["QUOT"] = "\"", ["num"] = "#", ["dollar"] = "$", ["percnt"] = "%",
        ["amp"] = "&", ["AMP"] = "&", ["apos"] = "'", ["lpar"] = "(", ["rpar"] = ")", ["ast"] = "*", ["midast"] = "*",
        ["plus"] = "+", ["comma"] = ",", ["period"] = ".", ["sol"] = "/", ["colon"] = ":", ["semi"] = ";",
        ["lt"] = "<", ["LT"] = "<", ["equals"] = "=", ["gt"] = ">", ["GT"] = ">", ["quest"] = "?", ["commat"] = "@",
        ["lsqb"] = "[", ["lbrack"] = "[", ["bsol"] = "\\", ["rsqb"] = "]", ["rbrack"] = "]", ["Hat"] = "^",
        ["lowbar"] = "_", ["UnderBar"] = "_", ["grave"] = "`", ["DiacriticalGrave"] = "`", ["lcub"] = "{",
        ["lbrace"] = "{", ["verbar"] = "|", ["vert"] = "|", ["VerticalLine"] = "|", ["rcub"] = "}", ["rbrace"] = "}",
        ["fjlig"] = "fj",
    };

    /// <summary>
    /// The text of the reference starting at <paramref name="start"/> (an <c>&amp;</c>) and where it ends, or
    /// <see langword="null"/> when none starts there.
    /// </summary>
    public static string? Decode(string html, int start, out int end)
    {
        end = start + 1;
        if (end < html.Length && html[end] == '#')
        {
            return DecodeNumber(html, start, out end);
        }

        var nameEnd = end;
        while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        // Only the forms with ';' are looked up: the legacy ones without it (&amp, &lt, &nbsp…) stand for characters
        // that are neither part of a scheme nor ignored in one, as the '&' they are read as.
        if (nameEnd == end || nameEnd >= html.Length || html[nameEnd] != ';'
            || !Named.TryGetValue(html.Substring(end, nameEnd - end), out var text))
        {
            return null;
        }

        end = nameEnd + 1;
        return text;
    }

    private static string? DecodeNumber(string html, int start, out int end)
    {
        var position = start + 2;
        var hex = position < html.Length && (html[position] == 'x' || html[position] == 'X');
        if (hex)
        {
            position++;
        }

        var digitsStart = position;
        var value = 0;
        while (position < html.Length && (hex ? char.IsAsciiHexDigit(html[position]) : char.IsAsciiDigit(html[position])))
        {
            // Past the last code point the value only matters as "too large".
            value = Math.Min((value * (hex ? 16 : 10)) + int.Parse(html.AsSpan(position, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture), 0x110000);
            position++;
        }

        if (position == digitsStart)
        {
            end = start + 1;
            return null;
        }

        if (position < html.Length && html[position] == ';')
        {
            position++;
        }

        end = position;
        // Characters outside the BMP are neither part of a scheme nor ignored: one stand-in character is enough.
        return value is 0 or > 0xFFFF || char.IsSurrogate((char)value) ? Replacement.ToString() : ((char)value).ToString();
    }
}
