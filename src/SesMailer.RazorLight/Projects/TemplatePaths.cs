using SesMailer.Rendering;

namespace SesMailer.RazorLight.Projects;

/// <summary>
/// The naming conventions shared with the generator: <c>X.cshtml</c> is HTML, <c>X.text.cshtml</c> is text,
/// <c>_ViewImports.cshtml</c> holds shared <c>@using</c>s; paths use '/' and are relative to the source's root.
/// </summary>
internal static class TemplatePaths
{
    public const string Extension = ".cshtml";
    public const string TextExtension = ".text.cshtml";
    public const string ImportsFileName = "_ViewImports.cshtml";

    /// <summary>The prefix of the shipped templates (<c>_shared/_Layout.cshtml</c>), as the generator names them.</summary>
    public const string SharedPrefix = "_shared/";

    public static string FileName(string name, TemplateKind kind) => name + (kind == TemplateKind.Text ? TextExtension : Extension);

    public static TemplateKind KindOf(string path) =>
        path.EndsWith(TextExtension, StringComparison.OrdinalIgnoreCase) ? TemplateKind.Text : TemplateKind.Html;

    /// <summary>'/' separators, no leading '/'.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');

    /// <summary>The folder part of a path ('' at the root), with its trailing '/'.</summary>
    public static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..(slash + 1)];
    }

    public static string GetFileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>A folder and its ancestors, innermost first: <c>a/b/</c>, <c>a/</c>, <c>''</c>.</summary>
    public static IEnumerable<string> FolderAndAncestors(string folder)
    {
        var current = folder;
        while (true)
        {
            yield return current;
            if (current.Length == 0)
            {
                yield break;
            }

            var slash = current.LastIndexOf('/', current.Length - 2);
            current = slash < 0 ? string.Empty : current[..(slash + 1)];
        }
    }
}
