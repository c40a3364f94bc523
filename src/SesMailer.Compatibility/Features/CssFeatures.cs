using AngleSharp;
using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SesMailer.MarkupRules;

namespace SesMailer.Compatibility.Features;

/// <summary>
/// The caniemail CSS features of a document: every <c>&lt;style&gt;</c> sheet and <c>style</c> attribute, parsed
/// by AngleSharp.Css into rules, selectors, at-rules and declarations. Declarations are kept as written (see
/// <see cref="AsWrittenDeclarations"/>), so <c>border</c> is not read as twelve longhands nor <c>red</c> as <c>rgba()</c>.
/// </summary>
internal static class CssFeatures
{
    public static IReadOnlyList<string> Special { get; } =
    [
        "css-at-font-face", "css-at-import", "css-at-keyframes", "css-at-media", "css-at-media-device-pixel-ratio",
        "css-at-media-hover", "css-at-media-orientation", "css-at-media-prefers-color-scheme",
        "css-at-media-prefers-reduced-motion", "css-at-supports", "css-comments", "css-display-flex", "css-display-grid",
        "css-display-none", "css-flex-direction", "css-flex-wrap", "css-important", "css-variables",
    ];

    private static readonly (string Feature, string Slug)[] MediaFeatures =
    [
        ("device-pixel-ratio", "css-at-media-device-pixel-ratio"),
        ("any-hover", "css-at-media-hover"),
        ("hover", "css-at-media-hover"),
        ("orientation", "css-at-media-orientation"),
        ("prefers-color-scheme", "css-at-media-prefers-color-scheme"),
        ("prefers-reduced-motion", "css-at-media-prefers-reduced-motion"),
    ];

    private static readonly CssParserOptions ParserOptions = new()
    {
        IsIncludingUnknownDeclarations = true,
        IsIncludingUnknownRules = true,
        IsToleratingInvalidSelectors = true,
    };

    public static void Find(IHtmlDocument document, FeatureHits hits)
    {
        var parser = new CssParser(ParserOptions, BrowsingContext.New(Configuration.Default.WithCss().WithOnly<IDeclarationFactory>(new AsWrittenDeclarations())));
        foreach (var style in document.QuerySelectorAll("style"))
        {
            var line = Lines.Of(style);
            var text = style.TextContent;
            if (text.Contains("/*", StringComparison.Ordinal))
            {
                hits.Add("css-comments", line);
            }

            var sheet = parser.ParseStyleSheet(text);
            Rules(sheet.Rules, hits, line, nested: false);
        }

        foreach (var element in document.QuerySelectorAll("[style]"))
        {
            var line = Lines.Of(element);
            var text = element.GetAttribute("style")!;
            if (text.Contains("/*", StringComparison.Ordinal))
            {
                hits.Add("css-comments", line);
            }

            if (parser.ParseDeclaration(text) is { } declarations)
            {
                Declarations(declarations, hits, line);
            }
        }
    }

    private static void Rules(ICssRuleList rules, FeatureHits hits, int? line, bool nested)
    {
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case ICssStyleRule style:
                    if (nested)
                    {
                        hits.Add("css-nesting", line);
                    }

                    SelectorFeatures.Find(style.SelectorText, hits, line);
                    Declarations(style.Style, hits, line);
                    if (style.Rules.Length > 0)
                    {
                        Rules(style.Rules, hits, line, nested: true);
                    }

                    break;
                case ICssMediaRule media:
                    hits.Add("css-at-media", line);
                    var condition = media.ConditionText.ToLowerInvariant();
                    foreach (var (feature, slug) in MediaFeatures)
                    {
                        if (condition.Contains(feature, StringComparison.Ordinal))
                        {
                            hits.Add(slug, line);
                        }
                    }

                    Rules(media.Rules, hits, line, nested);
                    break;
                case ICssSupportsRule supports:
                    hits.Add("css-at-supports", line);
                    Rules(supports.Rules, hits, line, nested);
                    break;
                case ICssFontFaceRule:
                    hits.Add("css-at-font-face", line);
                    break;
                case ICssImportRule:
                    hits.Add("css-at-import", line);
                    break;
                case ICssKeyframesRule:
                    hits.Add("css-at-keyframes", line);
                    break;
            }
        }
    }

    private static void Declarations(ICssStyleDeclaration declarations, FeatureHits hits, int? line)
    {
        foreach (var declaration in declarations)
        {
            var name = declaration.Name.ToLowerInvariant();
            var value = declaration.Value ?? string.Empty;
            if (name.StartsWith("--", StringComparison.Ordinal))
            {
                hits.Add("css-variables", line);
            }
            else if (CssPropertyFeatures.SlugOf(name) is { } slug)
            {
                hits.Add(slug, line);
            }

            if (declaration.IsImportant)
            {
                hits.Add("css-important", line);
            }

            var lower = value.Trim().ToLowerInvariant();
            switch (name)
            {
                case "display" when lower is "flex" or "inline-flex":
                    hits.Add("css-display-flex", line);
                    break;
                case "display" when lower is "grid" or "inline-grid":
                    hits.Add("css-display-grid", line);
                    break;
                case "display" when lower == "none":
                    hits.Add("css-display-none", line);
                    break;
                case "flex-direction" when lower.StartsWith("column", StringComparison.Ordinal):
                    hits.Add("css-flex-direction", line);
                    break;
                case "flex-wrap" when lower.StartsWith("wrap", StringComparison.Ordinal):
                    hits.Add("css-flex-wrap", line);
                    break;
            }

            ValueFeatures.Find(value, hits, line);
        }
    }

    /// <summary>
    /// Makes AngleSharp.Css treat every property as one it does not know: it then keeps the declaration as written
    /// (name and raw value) instead of expanding shorthands into longhands and normalising values, which would report
    /// features the author never used.
    /// </summary>
    private sealed class AsWrittenDeclarations : IDeclarationFactory
    {
        private static readonly DeclarationInfo Unknown = new DefaultDeclarationFactory().Create("x-sesmailer-unknown");

        public DeclarationInfo Create(string propertyName) => new(propertyName, Unknown.Converter, PropertyFlags.Unknown);
    }
}
