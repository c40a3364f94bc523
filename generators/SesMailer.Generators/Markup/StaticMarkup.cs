using System;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.AspNetCore.Razor.Language.Intermediate;

namespace SesMailer.Generators.Markup;

/// <summary>
/// The static markup of a template: its text with everything that is not literal HTML blanked out, at the same
/// offsets (so a position in it is a position in the .cshtml). Razor's own tree says what is HTML: the HTML
/// content nodes are copied; an attribute that holds C# (<c>href="@Model.Url"</c>) is copied with its C# values
/// replaced by <see cref="Dynamic"/>, so checks can tell a value the template does not fix from an absent one.
/// </summary>
internal static class StaticMarkup
{
    /// <summary>Stands for text that C# writes at run time.</summary>
    public const char Dynamic = '\u0001';

    public static string Extract(DocumentIntermediateNode document, string text, string path)
    {
        var buffer = new char[text.Length];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = text[i] is '\n' or '\r' ? text[i] : ' ';
        }

        Walk(document, buffer, text, path);
        return new string(buffer);
    }

    private static void Walk(IntermediateNode node, char[] buffer, string text, string path)
    {
        switch (node)
        {
            case HtmlContentIntermediateNode content:
                foreach (var child in content.Children)
                {
                    Copy(child.Source, buffer, text, path);
                }

                return;
            case HtmlAttributeIntermediateNode attribute:
                // The whole attribute as written, then its C# parts marked as dynamic.
                Copy(attribute.Source, buffer, text, path);
                foreach (var child in attribute.Children)
                {
                    if (child is not HtmlAttributeValueIntermediateNode)
                    {
                        Fill(child.Source, buffer, path, Dynamic);
                    }
                }

                return;
        }

        foreach (var child in node.Children)
        {
            Walk(child, buffer, text, path);
        }
    }

    private static void Copy(SourceSpan? span, char[] buffer, string text, string path)
    {
        if (Valid(span, buffer, path) is not { } s)
        {
            return;
        }

        Array.Copy(text.ToCharArray(s.AbsoluteIndex, s.Length), 0, buffer, s.AbsoluteIndex, s.Length);
    }

    private static void Fill(SourceSpan? span, char[] buffer, string path, char value)
    {
        if (Valid(span, buffer, path) is not { } s)
        {
            return;
        }

        for (var i = s.AbsoluteIndex; i < s.AbsoluteIndex + s.Length; i++)
        {
            buffer[i] = value;
        }
    }

    /// <summary>The span when it lies in this template's own text (imports have spans of their own files).</summary>
    private static SourceSpan? Valid(SourceSpan? span, char[] buffer, string path) =>
        span is { } s && s.AbsoluteIndex >= 0 && s.Length > 0 && s.AbsoluteIndex + s.Length <= buffer.Length
            && (string.IsNullOrEmpty(s.FilePath) || string.Equals(s.FilePath, path, StringComparison.Ordinal))
            ? s
            : null;
}
