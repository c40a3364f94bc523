using System;
using System.IO;
using SesMailer.Generators.Helpers;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Razor;

/// <summary>How template files are named: <c>X.cshtml</c> is HTML, <c>X.text.cshtml</c> is text, <c>_ViewImports.cshtml</c> holds shared usings.</summary>
internal static class TemplateNames
{
    public const string Extension = ".cshtml";
    public const string TextExtension = ".text.cshtml";
    public const string ImportsFileName = "_ViewImports.cshtml";
    public const string GeneratedNamespace = "SesMailer.Generated";
    public const string SharedClassPrefix = "Template__shared_";

    public static bool IsTemplate(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    public static TemplateFile Describe(string path, string projectDirectory, string text)
    {
        var fileName = Path.GetFileName(path);
        var kind = fileName.EndsWith(TextExtension, StringComparison.OrdinalIgnoreCase) ? TemplateKind.Text : TemplateKind.Html;
        var name = fileName.Substring(0, fileName.Length - (kind == TemplateKind.Text ? TextExtension.Length : Extension.Length));
        var isImports = string.Equals(fileName, ImportsFileName, StringComparison.OrdinalIgnoreCase);
        return new TemplateFile(path, RelativePath(path, projectDirectory), name, kind, isImports, text);
    }

    /// <summary>The path relative to the project with '/' separators; files from elsewhere (SesMailer's shipped templates) go under <c>_shared/</c>.</summary>
    public static string RelativePath(string path, string projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        var root = projectDirectory.Replace('\\', '/');
        if (root.Length > 0 && !root.EndsWith("/", StringComparison.Ordinal))
        {
            root += "/";
        }

        if (root.Length > 0 && normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            return normalized.Substring(root.Length);
        }

        return "_shared/" + Path.GetFileName(normalized);
    }

    public static string ClassName(string relativePath)
    {
        var withoutExtension = relativePath.Substring(0, relativePath.Length - Extension.Length);
        return "Template_" + SourceWriter.Identifier(withoutExtension);
    }

    /// <summary>The folder part of a relative path ('' at the root), used to apply <c>_ViewImports.cshtml</c> files of ancestor folders.</summary>
    public static string Folder(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath.Substring(0, slash + 1);
    }
}
