using System;
using System.Collections.Generic;

// Shared markup rules (src/MarkupRules/README.md): compiled into SesMailer.Compatibility and the generator.
namespace SesMailer.MarkupRules;

/// <summary>
/// Which caniemail feature a CSS property belongs to (<c>border-top-left-radius</c> → <c>css-border-radius</c>).
/// Only features that a property name alone decides; features that depend on a value (<c>display:flex</c>), a unit,
/// a function, a selector or an at-rule are detected by SesMailer.Compatibility.
/// </summary>
internal static class CssPropertyFeatures
{
    private static readonly string[] VendorPrefixes = ["-webkit-", "-moz-", "-ms-", "-o-"];

    /// <summary>Property name (lower case, unprefixed) → caniemail slug.</summary>
    public static IReadOnlyDictionary<string, string> ByProperty { get; } = Build();

    /// <summary>The caniemail slug of <paramref name="property"/> (any case, vendor prefix ignored), or null.</summary>
    public static string? SlugOf(string property)
    {
        var name = property.Trim().ToLowerInvariant();
        foreach (var prefix in VendorPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }

        return ByProperty.TryGetValue(name, out var slug) ? slug : null;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(string slug, params string[] properties)
        {
            foreach (var property in properties)
            {
                map.Add(property, slug);
            }
        }

        string[] Sides(string prefix, string suffix = "") =>
            [prefix + "-top" + suffix, prefix + "-right" + suffix, prefix + "-bottom" + suffix, prefix + "-left" + suffix];

        Add("css-accent-color", "accent-color");
        Add("css-align-items", "align-items");
        Add("css-animation", "animation", "animation-name", "animation-duration", "animation-timing-function", "animation-delay", "animation-iteration-count", "animation-direction", "animation-fill-mode", "animation-play-state");
        Add("css-aspect-ratio", "aspect-ratio");
        Add("css-backdrop-filter", "backdrop-filter");
        Add("css-background-blend-mode", "background-blend-mode");
        Add("css-background-clip", "background-clip");
        Add("css-background-color", "background-color");
        Add("css-background-image", "background-image");
        Add("css-background-origin", "background-origin");
        Add("css-background-position", "background-position", "background-position-x", "background-position-y");
        Add("css-background-repeat", "background-repeat");
        Add("css-background-size", "background-size");
        Add("css-background", "background");
        Add("css-block-inline-size", "block-size");
        Add("css-inline-size", "inline-size");
        Add("css-border-collapse", "border-collapse");
        Add("css-border-image", "border-image", "border-image-source", "border-image-slice", "border-image-width", "border-image-outset", "border-image-repeat");
        Add("css-border-inline-block-individual", "border-inline-start", "border-inline-end", "border-block-start", "border-block-end");
        Add("css-border-inline-block-longhand",
            "border-inline-width", "border-inline-style", "border-inline-color", "border-block-width", "border-block-style", "border-block-color",
            "border-inline-start-width", "border-inline-start-style", "border-inline-start-color", "border-inline-end-width", "border-inline-end-style", "border-inline-end-color",
            "border-block-start-width", "border-block-start-style", "border-block-start-color", "border-block-end-width", "border-block-end-style", "border-block-end-color");
        Add("css-border-inline-block", "border-inline", "border-block");
        Add("css-border-radius-logical", "border-start-start-radius", "border-start-end-radius", "border-end-start-radius", "border-end-end-radius");
        Add("css-border-radius", "border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-right-radius", "border-bottom-left-radius");
        Add("css-border-spacing", "border-spacing");
        Add("css-border", ["border", "border-width", "border-style", "border-color", .. Sides("border"), .. Sides("border", "-width"), .. Sides("border", "-style"), .. Sides("border", "-color")]);
        Add("css-box-shadow", "box-shadow");
        Add("css-box-sizing", "box-sizing");
        Add("css-caption-side", "caption-side");
        Add("css-clear", "clear");
        Add("css-clip-path", "clip-path");
        Add("css-color-scheme", "color-scheme");
        Add("css-column-count", "column-count");
        Add("css-column-layout-properties", "columns", "column-width", "column-rule", "column-rule-width", "column-rule-style", "column-rule-color", "column-span", "column-fill");
        Add("css-cursor", "cursor");
        Add("css-direction", "direction");
        Add("css-display", "display");
        Add("css-empty-cells", "empty-cells");
        Add("css-filter", "filter");
        Add("css-float", "float");
        Add("css-font-kerning", "font-kerning");
        Add("css-font-size-adjust", "font-size-adjust");
        Add("css-font-size", "font-size");
        Add("css-font-stretch", "font-stretch");
        Add("css-font-weight", "font-weight");
        Add("css-font", "font");
        Add("css-gap", "gap", "column-gap", "row-gap", "grid-gap", "grid-column-gap", "grid-row-gap");
        Add("css-grid-template", "grid-template", "grid-template-columns", "grid-template-rows", "grid-template-areas");
        Add("css-height", "height");
        Add("css-hyphenate-character", "hyphenate-character");
        Add("css-hyphenate-limit-chars", "hyphenate-limit-chars");
        Add("css-hyphens", "hyphens");
        Add("css-inset", "inset", "inset-inline", "inset-block", "inset-inline-start", "inset-inline-end", "inset-block-start", "inset-block-end");
        Add("css-justify-content", "justify-content");
        Add("css-left-right-top-bottom", "left", "right", "top", "bottom");
        Add("css-letter-spacing", "letter-spacing");
        Add("css-line-height", "line-height");
        Add("css-list-style-image", "list-style-image");
        Add("css-list-style-position", "list-style-position");
        Add("css-list-style-type", "list-style-type");
        Add("css-list-style", "list-style");
        Add("css-margin-block-start-end", "margin-block-start", "margin-block-end");
        Add("css-margin-inline-block", "margin-inline", "margin-block");
        Add("css-margin-inline-start-end", "margin-inline-start", "margin-inline-end");
        Add("css-margin", ["margin", .. Sides("margin")]);
        Add("css-mask-image", "mask-image");
        Add("css-max-block-size", "max-block-size");
        Add("css-max-height", "max-height");
        Add("css-max-inline-size", "max-inline-size");
        Add("css-max-width", "max-width");
        Add("css-min-block-size", "min-block-size");
        Add("css-min-height", "min-height");
        Add("css-min-inline-size", "min-inline-size");
        Add("css-min-width", "min-width");
        Add("css-mix-blend-mode", "mix-blend-mode");
        Add("css-object-fit", "object-fit");
        Add("css-object-position", "object-position");
        Add("css-opacity", "opacity");
        Add("css-orphans", "orphans");
        Add("css-outline-offset", "outline-offset");
        Add("css-outline", "outline", "outline-width", "outline-style", "outline-color");
        Add("css-overflow-wrap", "overflow-wrap");
        Add("css-overflow", "overflow", "overflow-x", "overflow-y");
        Add("css-padding-block-start-end", "padding-block-start", "padding-block-end");
        Add("css-padding-inline-block", "padding-inline", "padding-block");
        Add("css-padding-inline-start-end", "padding-inline-start", "padding-inline-end");
        Add("css-padding", ["padding", .. Sides("padding")]);
        Add("css-position", "position");
        Add("css-resize", "resize");
        Add("css-scroll-snap", "scroll-snap-type", "scroll-snap-align", "scroll-snap-stop");
        Add("css-shape-margin", "shape-margin");
        Add("css-shape-outside", "shape-outside");
        Add("css-tab-size", "tab-size");
        Add("css-table-layout", "table-layout");
        Add("css-text-align-last", "text-align-last");
        Add("css-text-align", "text-align");
        Add("css-text-decoration-color", "text-decoration-color");
        Add("css-text-decoration-line", "text-decoration-line");
        Add("css-text-decoration-skip-ink", "text-decoration-skip-ink");
        Add("css-text-decoration-style", "text-decoration-style");
        Add("css-text-decoration-thickness", "text-decoration-thickness");
        Add("css-text-decoration", "text-decoration");
        Add("css-text-emphasis-position", "text-emphasis-position");
        Add("css-text-emphasis", "text-emphasis", "text-emphasis-style", "text-emphasis-color");
        Add("css-text-indent", "text-indent");
        Add("css-text-justify", "text-justify");
        Add("css-text-orientation", "text-orientation");
        Add("css-text-overflow", "text-overflow");
        Add("css-text-shadow", "text-shadow");
        Add("css-text-transform", "text-transform");
        Add("css-text-underline-offset", "text-underline-offset");
        Add("css-text-underline-position", "text-underline-position");
        Add("css-text-wrap", "text-wrap", "text-wrap-mode", "text-wrap-style");
        Add("css-transform", "transform", "transform-origin", "transform-style", "translate", "rotate", "scale");
        Add("css-transition", "transition", "transition-property", "transition-duration", "transition-timing-function", "transition-delay");
        Add("css-user-select", "user-select");
        Add("css-vertical-align", "vertical-align");
        Add("css-visibility", "visibility");
        Add("css-white-space-collapse", "white-space-collapse");
        Add("css-white-space", "white-space");
        Add("css-widows", "widows");
        Add("css-width", "width");
        Add("css-word-break", "word-break");
        Add("css-word-spacing", "word-spacing");
        Add("css-word-wrap", "word-wrap");
        Add("css-writing-mode", "writing-mode");
        Add("css-z-index", "z-index");
        return map;
    }
}
