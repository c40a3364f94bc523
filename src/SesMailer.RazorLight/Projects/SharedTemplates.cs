using System.Reflection;

namespace SesMailer.RazorLight.Projects;

/// <summary>
/// SesMailer's shipped layout and partials (<c>_Layout</c>, <c>_Button</c>, <c>_Footer</c>), embedded in this assembly
/// from the repository's <c>templates/</c> folder: the very files the generator compiles, so both paths render them alike.
/// </summary>
internal static class SharedTemplates
{
    private const string ResourcePrefix = "SesMailer.SharedTemplates/";

    public static InMemoryTemplateProject Load()
    {
        var assembly = typeof(SharedTemplates).Assembly;
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                templates[name[ResourcePrefix.Length..]] = Read(assembly, name);
            }
        }

        return new InMemoryTemplateProject(templates);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
