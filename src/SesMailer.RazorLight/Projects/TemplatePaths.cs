using SesMailer.Conventions;
using SesMailer.Rendering;

namespace SesMailer.RazorLight.Projects;

/// <summary>
/// Paths of run-time templates: '/' separators, relative to the source's root. The file-name conventions themselves
/// (<see cref="TemplateFileNames"/>, in src/Conventions) are the generator's too, compiled into both.
/// </summary>
internal static class TemplatePaths
{
    /// <summary>The prefix of the shipped templates (<c>_shared/_Layout.cshtml</c>), as the generator names them.</summary>
    public const string SharedPrefix = "_shared/";

    public static string FileName(string name, TemplateKind kind) => name + (kind == TemplateKind.Text ? TemplateFileNames.TextExtension : TemplateFileNames.Extension);

    public static TemplateKind KindOf(string path) =>
        TemplateFileNames.IsText(path) ? TemplateKind.Text : TemplateKind.Html;

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
