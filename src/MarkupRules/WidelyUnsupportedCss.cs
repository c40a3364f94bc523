using System.Collections.Generic;

// Shared markup rules (src/MarkupRules/README.md): compiled into SesMailer.Compatibility and the generator.
namespace SesMailer.MarkupRules;

/// <summary>How many of the default clients' platforms do not support a CSS feature (latest tested version).</summary>
internal sealed record CssFeatureSupport(string Title, int Unsupported, int Platforms);

/// <summary>
/// The CSS property features that at least half of the default clients' platforms (outlook.windows,
/// outlook.outlook-com, gmail.*, apple-mail.*, yahoo.*) do not support in their latest tested version, from the
/// caniemail snapshot of 2026-05-13. The generator warns about them at build time (SESM0406) without reading the
/// data; SesMailer.Compatibility's tests recompute this table from the data, so the two cannot drift apart.
/// </summary>
internal static class WidelyUnsupportedCss
{
    public static IReadOnlyDictionary<string, CssFeatureSupport> BySlug { get; } = new Dictionary<string, CssFeatureSupport>(System.StringComparer.Ordinal)
    {
        ["css-accent-color"] = new("accent-color", 9, 11),
        ["css-align-items"] = new("align-items", 8, 11),
        ["css-animation"] = new("animation", 9, 11),
        ["css-aspect-ratio"] = new("aspect-ratio", 9, 11),
        ["css-backdrop-filter"] = new("backdrop-filter", 9, 11),
        ["css-block-inline-size"] = new("block-size & inline-size", 9, 11),
        ["css-border-image"] = new("border-image", 9, 11),
        ["css-border-inline-block"] = new("border-inline & border-block", 9, 11),
        ["css-border-inline-block-individual"] = new("border-inline & border-block individual logical properties", 9, 11),
        ["css-border-inline-block-longhand"] = new("border-inline & border-block longhand properties", 9, 11),
        ["css-border-radius-logical"] = new("border-radius logical properties", 9, 11),
        ["css-box-shadow"] = new("box-shadow", 6, 11),
        ["css-clip-path"] = new("clip-path", 9, 11),
        ["css-color-scheme"] = new("color-scheme CSS property", 9, 11),
        ["css-cursor"] = new("cursor", 7, 10),
        ["css-filter"] = new("filter", 9, 11),
        ["css-grid-template"] = new("grid-template-* properties", 9, 11),
        ["css-hyphenate-character"] = new("hyphenate-character", 9, 11),
        ["css-hyphenate-limit-chars"] = new("hyphenate-limit-chars", 11, 11),
        ["css-hyphens"] = new("hyphens", 8, 10),
        ["css-inline-size"] = new("inline-size", 11, 11),
        ["css-inset"] = new("inset", 9, 11),
        ["css-justify-content"] = new("justify-content", 8, 11),
        ["css-left-right-top-bottom"] = new("left, right, top, bottom", 8, 11),
        ["css-list-style-image"] = new("list-style-image", 9, 11),
        ["css-margin-block-start-end"] = new("margin-block-start & margin-block-end", 9, 11),
        ["css-margin-inline-block"] = new("margin-inline & margin-block", 9, 11),
        ["css-margin-inline-start-end"] = new("margin-inline-start & margin-inline-end", 9, 11),
        ["css-mask-image"] = new("mask-image", 9, 11),
        ["css-max-block-size"] = new("max-block-size", 8, 10),
        ["css-max-inline-size"] = new("max-inline-size", 9, 11),
        ["css-min-block-size"] = new("min-block-size", 9, 11),
        ["css-min-inline-size"] = new("min-inline-size", 9, 11),
        ["css-orphans"] = new("orphans", 8, 11),
        ["css-outline-offset"] = new("outline-offset", 9, 11),
        ["css-overflow-wrap"] = new("overflow-wrap", 8, 10),
        ["css-padding-block-start-end"] = new("padding-block-start & padding-block-end", 9, 11),
        ["css-padding-inline-block"] = new("padding-inline & padding-block", 9, 11),
        ["css-padding-inline-start-end"] = new("padding-inline-start & padding-inline-end", 9, 11),
        ["css-resize"] = new("resize", 9, 10),
        ["css-scroll-snap"] = new("scroll-snap", 9, 11),
        ["css-shape-margin"] = new("shape-margin", 9, 11),
        ["css-shape-outside"] = new("shape-outside", 9, 11),
        ["css-tab-size"] = new("tab-size", 7, 10),
        ["css-text-decoration-skip-ink"] = new("text-decoration-skip-ink", 9, 11),
        ["css-text-decoration-thickness"] = new("text-decoration-thickness", 9, 11),
        ["css-text-emphasis"] = new("text-emphasis", 6, 11),
        ["css-text-emphasis-position"] = new("text-emphasis-position", 9, 11),
        ["css-text-justify"] = new("text-justify", 6, 11),
        ["css-text-shadow"] = new("text-shadow", 6, 11),
        ["css-text-underline-offset"] = new("text-underline-offset", 9, 11),
        ["css-text-wrap"] = new("text-wrap", 9, 11),
        ["css-transform"] = new("transform", 9, 11),
        ["css-transition"] = new("transition", 6, 11),
        ["css-user-select"] = new("user-select", 8, 10),
        ["css-white-space-collapse"] = new("white-space-collapse", 9, 11),
        ["css-widows"] = new("widows", 8, 11),
    };
}
