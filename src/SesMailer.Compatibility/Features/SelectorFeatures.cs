namespace SesMailer.Compatibility.Features;

/// <summary>
/// The caniemail selector features of a selector list (as AngleSharp.Css serialises it): simple selectors,
/// combinators, grouping, chaining, pseudo-classes and pseudo-elements, and nesting (<c>&amp;</c>).
/// </summary>
internal static class SelectorFeatures
{
    public static IReadOnlyDictionary<string, string> ByPseudo { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["active"] = "css-pseudo-class-active",
        ["checked"] = "css-pseudo-class-checked",
        ["default"] = "css-pseudo-class-default",
        ["first-child"] = "css-pseudo-class-first-child",
        ["first-of-type"] = "css-pseudo-class-first-of-type",
        ["focus-visible"] = "css-pseudo-class-focus-visible",
        ["focus-within"] = "css-pseudo-class-focus-within",
        ["focus"] = "css-pseudo-class-focus",
        ["has"] = "css-pseudo-class-has",
        ["hover"] = "css-pseudo-class-hover",
        ["lang"] = "css-pseudo-class-lang",
        ["last-child"] = "css-pseudo-class-last-child",
        ["last-of-type"] = "css-pseudo-class-last-of-type",
        ["link"] = "css-pseudo-class-link",
        ["not"] = "css-pseudo-class-not",
        ["nth-child"] = "css-pseudo-class-nth-child",
        ["nth-last-child"] = "css-pseudo-class-nth-last-child",
        ["nth-last-of-type"] = "css-pseudo-class-nth-last-of-type",
        ["nth-of-type"] = "css-pseudo-class-nth-of-type",
        ["only-child"] = "css-pseudo-class-only-child",
        ["only-of-type"] = "css-pseudo-class-only-of-type",
        ["target"] = "css-pseudo-class-target",
        ["visited"] = "css-pseudo-class-visited",
        ["after"] = "css-pseudo-element-after",
        ["before"] = "css-pseudo-element-before",
        ["first-letter"] = "css-pseudo-element-first-letter",
        ["first-line"] = "css-pseudo-element-first-line",
        ["marker"] = "css-pseudo-element-marker",
        ["placeholder"] = "css-pseudo-element-placeholder",
        ["-webkit-input-placeholder"] = "css-pseudo-element-placeholder",
        ["-moz-placeholder"] = "css-pseudo-element-placeholder",
    };

    public static IReadOnlyList<string> Special { get; } =
    [
        "css-selector-adjacent-sibling", "css-selector-attribute", "css-selector-chaining", "css-selector-child",
        "css-selector-class", "css-selector-descendant", "css-selector-general-sibling", "css-selector-grouping",
        "css-selector-id", "css-selector-type", "css-selector-universal", "css-nesting",
    ];

    public static void Find(string selectors, FeatureHits hits, int? line)
    {
        var list = SplitTopLevel(selectors, ',');
        if (list.Count > 1)
        {
            hits.Add("css-selector-grouping", line);
        }

        foreach (var selector in list)
        {
            Complex(selector.Trim(), hits, line);
        }
    }

    private static void Complex(string selector, FeatureHits hits, int? line)
    {
        var simpleInCompound = 0;
        var sawCompound = false;
        var pendingSpace = false;
        var i = 0;

        void Simple(string slug)
        {
            if (pendingSpace && sawCompound)
            {
                hits.Add("css-selector-descendant", line);
            }

            pendingSpace = false;
            hits.Add(slug, line);
            if (++simpleInCompound == 2)
            {
                hits.Add("css-selector-chaining", line);
            }

            sawCompound = true;
        }

        void Combinator(string slug)
        {
            hits.Add(slug, line);
            pendingSpace = false;
            simpleInCompound = 0;
        }

        while (i < selector.Length)
        {
            var c = selector[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (simpleInCompound > 0 || sawCompound)
                    {
                        pendingSpace = true;
                        simpleInCompound = 0;
                    }

                    i++;
                    break;
                case '>':
                    Combinator("css-selector-child");
                    i++;
                    break;
                case '+':
                    Combinator("css-selector-adjacent-sibling");
                    i++;
                    break;
                case '~':
                    Combinator("css-selector-general-sibling");
                    i++;
                    break;
                case '&':
                    if (pendingSpace && sawCompound)
                    {
                        hits.Add("css-selector-descendant", line);
                    }

                    pendingSpace = false;
                    hits.Add("css-nesting", line);
                    sawCompound = true;
                    i++;
                    break;
                case '*':
                    Simple("css-selector-universal");
                    i++;
                    break;
                case '.':
                    Simple("css-selector-class");
                    i = SkipIdentifier(selector, i + 1);
                    break;
                case '#':
                    Simple("css-selector-id");
                    i = SkipIdentifier(selector, i + 1);
                    break;
                case '[':
                    Simple("css-selector-attribute");
                    i = SkipBracket(selector, i, '[', ']');
                    break;
                case ':':
                    if (pendingSpace && sawCompound)
                    {
                        hits.Add("css-selector-descendant", line);
                    }

                    pendingSpace = false;
                    sawCompound = true;
                    var start = i + (i + 1 < selector.Length && selector[i + 1] == ':' ? 2 : 1);
                    var end = SkipIdentifier(selector, start);
                    var name = selector[start..end].ToLowerInvariant();
                    if (ByPseudo.TryGetValue(name, out var slug))
                    {
                        hits.Add(slug, line);
                    }

                    i = end;
                    if (i < selector.Length && selector[i] == '(')
                    {
                        var close = SkipBracket(selector, i, '(', ')');
                        var inner = selector[(i + 1)..Math.Max(i + 1, close - 1)];
                        if (name is "not" or "has" or "is" or "where")
                        {
                            Find(inner, hits, line);
                        }

                        i = close;
                    }

                    break;
                default:
                    if (char.IsLetter(c) || c is '_' or '-' || c > 127)
                    {
                        Simple("css-selector-type");
                        i = SkipIdentifier(selector, i);
                    }
                    else
                    {
                        i++;
                    }

                    break;
            }
        }
    }

    private static int SkipIdentifier(string text, int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '\\' || text[i] > 127))
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i, text.Length);
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="open"/> (quotes and nesting respected).</summary>
    private static int SkipBracket(string text, int open, char opening, char closing)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == opening)
            {
                depth++;
            }
            else if (c == closing && --depth == 0)
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>Splits at <paramref name="separator"/> outside brackets, parentheses and quotes.</summary>
    public static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
