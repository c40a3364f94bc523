using System;
using System.Collections.Generic;

namespace SesMailer.Generators.Markup;

/// <summary>An attribute of a start tag: its name (lower case), its value (null when written bare) and where the value starts.</summary>
internal sealed record MarkupAttribute(string Name, string? Value, int NameOffset, int ValueOffset);

/// <summary>A start tag in static markup, with where it starts and, for <c>&lt;style&gt;</c>, the sheet it holds.</summary>
internal sealed record MarkupTag(string Name, int Offset, IReadOnlyList<MarkupAttribute> Attributes, string? Content, int ContentOffset)
{
    public MarkupAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }
}

/// <summary>
/// A small, forgiving reader of start tags for the generator's build-time checks (the generator cannot carry an
/// HTML parser). It skips comments, end tags and text, reads attributes as browsers do (quoted, unquoted, bare) and
/// hands over the text of <c>&lt;style&gt;</c> elements.
/// </summary>
internal static class MarkupTags
{
    public static List<MarkupTag> Read(string markup)
    {
        var tags = new List<MarkupTag>();
        var i = 0;
        while ((i = markup.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(markup, i, "<!--", 0, 4) == 0)
            {
                var end = markup.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? markup.Length : end + 3;
                continue;
            }

            if (i + 1 >= markup.Length || !IsLetter(markup[i + 1]))
            {
                i++;
                continue;
            }

            var start = i;
            i++;
            var nameStart = i;
            while (i < markup.Length && (IsLetter(markup[i]) || char.IsDigit(markup[i]) || markup[i] == '-'))
            {
                i++;
            }

            var name = markup.Substring(nameStart, i - nameStart).ToLowerInvariant();
            var attributes = new List<MarkupAttribute>();
            i = ReadAttributes(markup, i, attributes);
            string? content = null;
            var contentOffset = -1;
            if (name == "style" && i < markup.Length)
            {
                var close = markup.IndexOf("</style", i, StringComparison.OrdinalIgnoreCase);
                contentOffset = i;
                content = markup.Substring(i, (close < 0 ? markup.Length : close) - i);
                i = close < 0 ? markup.Length : close;
            }

            tags.Add(new MarkupTag(name, start, attributes, content, contentOffset));
        }

        return tags;
    }

    /// <summary>Reads attributes up to the end of the tag; returns the index after its <c>&gt;</c>.</summary>
    private static int ReadAttributes(string markup, int i, List<MarkupAttribute> attributes)
    {
        while (i < markup.Length)
        {
            var c = markup[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (char.IsWhiteSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            var nameStart = i;
            while (i < markup.Length && !char.IsWhiteSpace(markup[i]) && markup[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = markup.Substring(nameStart, i - nameStart).ToLowerInvariant();
            var j = SkipSpace(markup, i);
            if (j < markup.Length && markup[j] == '=')
            {
                j = SkipSpace(markup, j + 1);
                if (j < markup.Length && markup[j] is '"' or '\'')
                {
                    var quote = markup[j];
                    var end = markup.IndexOf(quote, j + 1);
                    end = end < 0 ? markup.Length : end;
                    attributes.Add(new MarkupAttribute(name, markup.Substring(j + 1, end - j - 1), nameStart, j + 1));
                    i = Math.Min(end + 1, markup.Length);
                }
                else
                {
                    var valueStart = j;
                    while (j < markup.Length && !char.IsWhiteSpace(markup[j]) && markup[j] != '>')
                    {
                        j++;
                    }

                    attributes.Add(new MarkupAttribute(name, markup.Substring(valueStart, j - valueStart), nameStart, valueStart));
                    i = j;
                }
            }
            else if (name.Length > 0)
            {
                attributes.Add(new MarkupAttribute(name, null, nameStart, nameStart));
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
