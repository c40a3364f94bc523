using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SesMailer.Compatibility.Features;

/// <summary>The caniemail HTML features (elements, attributes, links, the doctype, comments) of a parsed document.</summary>
internal static class HtmlFeatures
{
    /// <summary>Element name → slug, for features an element alone decides.</summary>
    public static IReadOnlyDictionary<string, string> ByElement { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["abbr"] = "html-abbr",
        ["acronym"] = "html-acronym",
        ["address"] = "html-address",
        ["audio"] = "html-audio",
        ["base"] = "html-base",
        ["bdi"] = "html-bdi",
        ["blockquote"] = "html-blockquote",
        ["code"] = "html-code",
        ["del"] = "html-del",
        ["dfn"] = "html-dfn",
        ["dialog"] = "html-dialog",
        ["div"] = "html-div",
        ["form"] = "html-form",
        ["h1"] = "html-h1-h6",
        ["h2"] = "html-h1-h6",
        ["h3"] = "html-h1-h6",
        ["h4"] = "html-h1-h6",
        ["h5"] = "html-h1-h6",
        ["h6"] = "html-h1-h6",
        ["hr"] = "html-hr",
        ["img"] = "html-img",
        ["link"] = "html-link",
        ["ul"] = "html-lists",
        ["ol"] = "html-lists",
        ["dl"] = "html-lists",
        ["map"] = "html-image-maps",
        ["marquee"] = "html-marquee",
        ["meter"] = "html-meter",
        ["object"] = "html-object",
        ["p"] = "html-p",
        ["picture"] = "html-picture",
        ["pre"] = "html-pre",
        ["progress"] = "html-progress",
        ["rp"] = "html-rp",
        ["rt"] = "html-rt",
        ["ruby"] = "html-ruby",
        ["select"] = "html-select",
        ["small"] = "html-small",
        ["span"] = "html-span",
        ["strike"] = "html-strike",
        ["strong"] = "html-strong",
        ["style"] = "html-style",
        ["svg"] = "html-svg",
        ["table"] = "html-table",
        ["textarea"] = "html-textarea",
        ["video"] = "html-video",
        ["wbr"] = "html-wbr",
        // HTML5 semantics: the sectioning and text-level elements caniemail tests together.
        ["article"] = "html-semantics",
        ["aside"] = "html-semantics",
        ["details"] = "html-semantics",
        ["figcaption"] = "html-semantics",
        ["figure"] = "html-semantics",
        ["footer"] = "html-semantics",
        ["header"] = "html-semantics",
        ["main"] = "html-semantics",
        ["mark"] = "html-semantics",
        ["nav"] = "html-semantics",
        ["section"] = "html-semantics",
        ["summary"] = "html-semantics",
        ["time"] = "html-semantics",
    };

    /// <summary>Attribute name → slug, for features an attribute alone decides (on any element).</summary>
    public static IReadOnlyDictionary<string, string> ByAttribute { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["align"] = "html-align",
        ["aria-describedby"] = "html-aria-describedby",
        ["aria-hidden"] = "html-aria-hidden",
        ["aria-label"] = "html-aria-label",
        ["aria-labelledby"] = "html-aria-labelledby",
        ["aria-live"] = "html-aria-live",
        ["background"] = "html-background",
        ["cellpadding"] = "html-cellpadding",
        ["cellspacing"] = "html-cellspacing",
        ["dir"] = "html-dir",
        ["height"] = "html-height",
        ["hidden"] = "html-hidden",
        ["inert"] = "css-inert-attribute",
        ["lang"] = "html-lang",
        ["loading"] = "html-loading-attribute",
        ["popover"] = "html-popover",
        ["required"] = "html-required",
        ["role"] = "html-role",
        ["sizes"] = "html-srcset",
        ["srcset"] = "html-srcset",
        ["target"] = "html-target",
        ["usemap"] = "html-image-maps",
        ["valign"] = "html-valign",
        ["width"] = "html-width",
    };

    /// <summary>The slugs decided by something other than the tables above.</summary>
    public static IReadOnlyList<string> Special { get; } =
    [
        "amp", "html-anchor-links", "html-body", "html-button-reset", "html-button-submit", "html-comments", "html-doctype",
        "html-input-checkbox", "html-input-hidden", "html-input-radio", "html-input-reset", "html-input-submit", "html-input-text",
        "html-mailto-links", "html-meta-color-scheme",
    ];

    public static void Find(IHtmlDocument document, FeatureHits hits)
    {
        if (document.Doctype is { } doctype && string.Equals(doctype.Name, "html", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(doctype.PublicIdentifier) && string.IsNullOrEmpty(doctype.SystemIdentifier))
        {
            hits.Add("html-doctype", Lines.Of(doctype));
        }

        if (document.DocumentElement is { } root && (root.HasAttribute("amp") || root.HasAttribute("⚡") || root.HasAttribute("⚡4email")))
        {
            hits.Add("amp", Lines.Of(root));
        }

        // The parser adds <body> when the source has none; only a written one has a source position.
        if (document.Body is { SourceReference: not null } body)
        {
            hits.Add("html-body", Lines.Of(body));
        }

        foreach (var node in document.Descendants())
        {
            if (node is IComment comment)
            {
                hits.Add("html-comments", Lines.Of(comment));
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            var line = Lines.Of(element);
            if (ByElement.TryGetValue(name, out var slug))
            {
                hits.Add(slug, line);
            }

            foreach (var attribute in element.Attributes)
            {
                if (ByAttribute.TryGetValue(attribute.LocalName, out var attributeSlug))
                {
                    hits.Add(attributeSlug, line);
                }
            }

            switch (name)
            {
                case "a" or "area" when element.GetAttribute("href") is { } href:
                    var trimmed = href.Trim();
                    if (trimmed.Length > 1 && trimmed[0] == '#')
                    {
                        hits.Add("html-anchor-links", line);
                    }
                    else if (trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add("html-mailto-links", line);
                    }

                    break;
                case "button":
                    var buttonType = element.GetAttribute("type")?.Trim().ToLowerInvariant();
                    if (buttonType == "reset")
                    {
                        hits.Add("html-button-reset", line);
                    }
                    else if (buttonType is null or "submit")
                    {
                        hits.Add("html-button-submit", line);
                    }

                    break;
                case "input":
                    var inputSlug = (element.GetAttribute("type")?.Trim().ToLowerInvariant() ?? "text") switch
                    {
                        "checkbox" => "html-input-checkbox",
                        "hidden" => "html-input-hidden",
                        "radio" => "html-input-radio",
                        "reset" => "html-input-reset",
                        "submit" => "html-input-submit",
                        "text" => "html-input-text",
                        _ => null,
                    };
                    if (inputSlug is not null)
                    {
                        hits.Add(inputSlug, line);
                    }

                    break;
                case "meta" when element.GetAttribute("name")?.Trim().ToLowerInvariant() is "color-scheme" or "supported-color-schemes":
                    hits.Add("html-meta-color-scheme", line);
                    break;
            }
        }
    }
}
