using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SesMailer.Compatibility.Features;

namespace SesMailer.Compatibility.Checks;

/// <summary>
/// A preheader is the hidden first text block of the body: the first text in the body (in document order, outside
/// <c>&lt;style&gt;</c> and <c>&lt;script&gt;</c>) sits inside an element hidden with an inline style of
/// <c>display:none</c>, <c>visibility:hidden</c>, <c>opacity:0</c>, <c>font-size:0</c>, <c>mso-hide:all</c>,
/// <c>max-height:0</c> or <c>height:0</c> with <c>overflow:hidden</c>, or the <c>hidden</c> attribute. Inboxes show it
/// after the subject; without one they show the first visible words, often "View in browser" or a logo's alt text.
/// </summary>
internal static class PreheaderCheck
{
    public static void Run(IHtmlDocument document, List<LintFinding> findings)
    {
        var body = document.Body;
        if (body is null)
        {
            return;
        }

        var first = FirstText(body);
        if (first is null)
        {
            findings.Add(Finding.Own(LintRules.MissingPreheader, "The body has no text, so it has no preheader; start the body with a hidden preheader (the shipped _Layout writes ViewData[\"Preheader\"] as one).", null));
            return;
        }

        for (var element = first.ParentElement; element is not null && element != body; element = element.ParentElement)
        {
            if (IsHidden(element))
            {
                return;
            }
        }

        var words = first.TextContent.Trim();
        words = words.Length <= 60 ? words : words[..57] + "...";
        findings.Add(Finding.Own(
            LintRules.MissingPreheader,
            $"The body begins with visible text ('{words}') rather than a hidden preheader, so inboxes show that beside the subject; set ViewData[\"Preheader\"] with the shipped _Layout, or start the body with a hidden block of text.",
            Lines.Of(first.ParentElement ?? body)));
    }

    private static IText? FirstText(IElement root)
    {
        foreach (var node in root.Descendants())
        {
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data)
                && text.ParentElement?.LocalName is not ("style" or "script" or "template"))
            {
                return text;
            }
        }

        return null;
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = Declarations(element.GetAttribute("style"));
        bool Is(string property, params string[] values) =>
            style.TryGetValue(property, out var value) && values.Contains(value.Replace("!important", string.Empty, StringComparison.Ordinal).Trim());

        var clipped = Is("overflow", "hidden");
        return Is("display", "none")
            || Is("visibility", "hidden")
            || Is("opacity", "0")
            || Is("font-size", "0", "0px")
            || Is("mso-hide", "all")
            || (clipped && (Is("max-height", "0", "0px") || Is("height", "0", "0px")));
    }

    private static Dictionary<string, string> Declarations(string? style)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in (style ?? string.Empty).Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                result[declaration[..colon].Trim().ToLowerInvariant()] = declaration[(colon + 1)..].Trim().ToLowerInvariant();
            }
        }

        return result;
    }
}
