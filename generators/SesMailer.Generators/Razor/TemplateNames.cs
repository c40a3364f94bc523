using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SesMailer.Generators.Helpers;
using SesMailer.Conventions;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Razor;

/// <summary>How template files are named: <c>X.cshtml</c> is HTML, <c>X.text.cshtml</c> is text, <c>_ViewImports.cshtml</c> holds shared usings.</summary>
internal static class TemplateNames
{
    private const string GeneratedNamespaceRoot = "SesMailer.Generated";
    public const string SharedClassPrefix = "Template__shared_";

    /// <summary>
    /// The namespace of an assembly's generated templates and registry: <c>SesMailer.Generated.Assembly_{name}</c>.
    /// Unique per assembly, so that two assemblies joined by InternalsVisibleTo (an app and its tests, both using
    /// SesMailer) never declare the same internal type (CS0436).
    /// </summary>
    public static string GeneratedNamespace(string assemblyName) => GeneratedNamespaceRoot + ".Assembly_" + SourceWriter.Identifier(assemblyName);

    public static bool IsTemplate(string path) => path.EndsWith(TemplateFileNames.Extension, StringComparison.OrdinalIgnoreCase);

    public static TemplateFile Describe(string path, string projectDirectory, string text)
    {
        var fileName = Path.GetFileName(path);
        var kind = TemplateFileNames.IsText(fileName) ? TemplateKind.Text : TemplateKind.Html;
        var name = TemplateFileNames.Stem(fileName);
        var isImports = string.Equals(fileName, TemplateFileNames.ImportsFileName, StringComparison.OrdinalIgnoreCase);
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

    /// <summary>
    /// Orders templates (the project's first, then shipped ones under <c>_shared/</c>, each by path) and gives each a
    /// class name from its path, numbered when two paths read the same as identifiers (<c>a_b.cshtml</c>, <c>a/b.cshtml</c>).
    /// </summary>
    public static EquatableArray<TemplateEntry> AssignClassNames(IEnumerable<TemplateEntry> entries)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<TemplateEntry>();
        foreach (var entry in entries
            .OrderBy(static e => e.RelativePath.StartsWith("_shared/", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(static e => e.RelativePath, StringComparer.Ordinal))
        {
            var name = ClassName(entry.RelativePath);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(entry with { ClassName = unique });
        }

        return result.ToEquatableArray();
    }

    public static string ClassName(string relativePath)
    {
        var withoutExtension = relativePath.Substring(0, relativePath.Length - TemplateFileNames.Extension.Length);
        return "Template_" + SourceWriter.Identifier(withoutExtension);
    }

    /// <summary>The folder part of a relative path ('' at the root), used to apply <c>_ViewImports.cshtml</c> files of ancestor folders.</summary>
    public static string Folder(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? string.Empty : relativePath.Substring(0, slash + 1);
    }
}
