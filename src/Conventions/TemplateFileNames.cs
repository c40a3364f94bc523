using System;

// The file-name conventions of email templates, compiled from this one file into two assemblies that link it in their
// project files: the generator (netstandard2.0, at build time) and SesMailer.RazorLight (at run time), so that both
// find the same templates for the same names.
namespace SesMailer.Conventions;

/// <summary><c>X.cshtml</c> is the HTML body, <c>X.text.cshtml</c> the text body, <c>_ViewImports.cshtml</c> holds shared usings.</summary>
internal static class TemplateFileNames
{
    public const string Extension = ".cshtml";
    public const string TextExtension = ".text.cshtml";
    public const string ImportsFileName = "_ViewImports.cshtml";

    /// <summary>Whether <paramref name="path"/> names a text template.</summary>
    public static bool IsText(string path) => path.EndsWith(TextExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path without its template extension: <c>Orders/Shipped.text.cshtml</c> and <c>Orders/Shipped.cshtml</c> give <c>Orders/Shipped</c>; other paths are returned as they are.</summary>
    public static string Stem(string path) =>
        IsText(path) ? path.Substring(0, path.Length - TextExtension.Length)
        : path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - Extension.Length)
        : path;
}
