using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SesMailer.Compatibility.Features;

namespace SesMailer.Compatibility.Checks;

/// <summary>Images without an <c>alt</c> attribute, or without both a width and a height.</summary>
internal static class ImageCheck
{
    public static void Run(IHtmlDocument document, List<LintFinding> findings)
    {
        foreach (var image in document.QuerySelectorAll("img"))
        {
            var line = Lines.Of(image);
            var name = Name(image);
            if (!image.HasAttribute("alt"))
            {
                findings.Add(Finding.Own(LintRules.ImageWithoutAlt, $"The image {name} has no alt attribute; describe it, or write alt=\"\" if it is decorative.", line));
            }

            var style = image.GetAttribute("style") ?? string.Empty;
            var hasWidth = image.HasAttribute("width") || HasProperty(style, "width");
            var hasHeight = image.HasAttribute("height") || HasProperty(style, "height");
            if (!hasWidth || !hasHeight)
            {
                var missing = !hasWidth && !hasHeight ? "a width and a height" : !hasWidth ? "a width" : "a height";
                findings.Add(Finding.Own(LintRules.ImageWithoutDimensions, $"The image {name} has no {missing}; set the width and height attributes (Outlook on Windows ignores CSS sizes on images).", line));
            }
        }
    }

    private static string Name(IElement image)
    {
        var source = image.GetAttribute("src")?.Trim() ?? string.Empty;
        if (source.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return "(data: URL)";
        }

        return source.Length == 0 ? "(no src)" : "'" + (source.Length <= 80 ? source : source[..77] + "...") + "'";
    }

    /// <summary>Whether an inline style declares <paramref name="property"/> itself (not max-width or min-height).</summary>
    private static bool HasProperty(string style, string property)
    {
        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(declaration[..colon].Trim(), property, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
