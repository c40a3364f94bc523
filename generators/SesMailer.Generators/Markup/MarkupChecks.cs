using System;
using System.Collections.Generic;
using System.Globalization;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Model;
using SesMailer.Generators.Razor;
using SesMailer.MarkupRules;

namespace SesMailer.Generators.Markup;

/// <summary>
/// The build-time half of the compatibility report (SESM04xx): links, images and CSS in a template's static markup,
/// judged by the rules SesMailer.Compatibility applies to rendered emails (src/MarkupRules). Values that C# writes
/// are not judged here; the report judges them once rendered.
/// </summary>
internal static class MarkupChecks
{
    public static void Run(string markup, string text, string path, List<DiagnosticInfo> diagnostics)
    {
        foreach (var tag in MarkupTags.Read(markup))
        {
            switch (tag.Name)
            {
                case "a" or "area":
                    Link(tag, text, path, diagnostics);
                    break;
                case "img":
                    Image(tag, text, path, diagnostics);
                    break;
                case "style" when tag.Content is not null:
                    Css(tag.Content, tag.ContentOffset, text, path, diagnostics);
                    break;
            }

            if (tag.Attribute("style") is { Value: { } style } styleAttribute)
            {
                Css(style, styleAttribute.ValueOffset, text, path, diagnostics);
            }
        }
    }

    private static void Link(MarkupTag tag, string text, string path, List<DiagnosticInfo> diagnostics)
    {
        if (tag.Attribute("href") is not { Value: { } href } attribute)
        {
            return;
        }

        // A value C# completes is judged only when its scheme is written in the template ("javascript:@x").
        var dynamic = href.IndexOf(StaticMarkup.Dynamic);
        var fixedPart = dynamic < 0 ? href : href.Substring(0, dynamic);
        if (dynamic >= 0 && fixedPart.IndexOf(':') < 0)
        {
            return;
        }

        var shown = Shorten(fixedPart.Trim()) + (dynamic >= 0 ? "…" : string.Empty);
        var location = At(text, path, attribute.ValueOffset, Math.Max(fixedPart.Length, 1));
        switch (LinkSchemes.Classify(fixedPart))
        {
            case LinkKind.Unsafe:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeLink, location, shown, LinkSchemes.Scheme(fixedPart.Trim()) ?? fixedPart.Trim()));
                break;
            case LinkKind.Http:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HttpLink, location, shown));
                break;
            case LinkKind.NoScheme when dynamic < 0:
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LinkWithoutScheme, location, shown));
                break;
        }
    }

    private static void Image(MarkupTag tag, string text, string path, List<DiagnosticInfo> diagnostics)
    {
        var location = At(text, path, tag.Offset, 4);
        if (tag.Attribute("alt") is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ImageWithoutAlt, location));
        }

        var style = tag.Attribute("style")?.Value;
        if (style is not null && style.IndexOf(StaticMarkup.Dynamic) >= 0)
        {
            return; // C# writes part of the style: it may size the image
        }

        var width = tag.Attribute("width") is not null || Declares(style, "width");
        var height = tag.Attribute("height") is not null || Declares(style, "height");
        if (!width || !height)
        {
            var missing = !width && !height ? "a width and a height" : !width ? "a width" : "a height";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ImageWithoutDimensions, location, missing));
        }
    }

    /// <summary>
    /// Each declaration of a style sheet or style attribute whose property most default clients ignore. A sheet is read
    /// as segments between <c>{ } ;</c>: a segment that ends with <c>{</c> is a selector or at-rule, the others are
    /// declarations (<c>name: value</c>).
    /// </summary>
    private static void Css(string css, int offset, string text, string path, List<DiagnosticInfo> diagnostics)
    {
        var start = 0;
        for (var i = 0; i <= css.Length; i++)
        {
            if (i < css.Length && css[i] == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length - 1 : end + 1;
                start = i + 1;
                continue;
            }

            if (i < css.Length && css[i] is not ('{' or '}' or ';'))
            {
                continue;
            }

            if (i == css.Length || css[i] != '{')
            {
                Declaration(css, start, i, offset, text, path, diagnostics);
            }

            start = i + 1;
        }
    }

    private static void Declaration(string css, int start, int end, int offset, string text, string path, List<DiagnosticInfo> diagnostics)
    {
        var colon = css.IndexOf(':', start, end - start);
        if (colon < 0)
        {
            return;
        }

        var nameStart = start;
        while (nameStart < colon && char.IsWhiteSpace(css[nameStart]))
        {
            nameStart++;
        }

        var name = css.Substring(nameStart, colon - nameStart).TrimEnd();
        if (name.Length == 0 || !IsPropertyName(name)
            || CssPropertyFeatures.SlugOf(name) is not { } slug
            || !WidelyUnsupportedCss.BySlug.TryGetValue(slug, out var support))
        {
            return;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.WidelyUnsupportedCss,
            At(text, path, offset + nameStart, name.Length),
            name,
            support.Title,
            support.Unsupported.ToString(CultureInfo.InvariantCulture),
            support.Platforms.ToString(CultureInfo.InvariantCulture),
            slug));
    }

    private static bool IsPropertyName(string name)
    {
        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Declares(string? style, string property)
    {
        if (style is null)
        {
            return false;
        }

        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':');
            if (colon > 0 && string.Equals(declaration.Substring(0, colon).Trim(), property, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static LocationInfo At(string text, string path, int offset, int length)
    {
        var (line, column) = LineDirectives.Position(text, offset);
        return LocationInfo.InFile(path, offset, line, column, length);
    }

    private static string Shorten(string url) => url.Length <= 60 ? url : url.Substring(0, 57) + "...";
}
