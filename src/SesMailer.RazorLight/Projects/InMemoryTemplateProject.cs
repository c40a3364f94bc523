using global::RazorLight.Razor;
using SesMailer.Conventions;

namespace SesMailer.RazorLight.Projects;

/// <summary>
/// Templates held as text, keyed by path (<c>Welcome.cshtml</c>, <c>Emails/_ViewImports.cshtml</c>): templates loaded
/// from a database or built by the application. The set is fixed when the project is created, because compiled
/// templates are cached by path; to change a template, build a new engine.
/// </summary>
public sealed class InMemoryTemplateProject : RazorLightProject
{
    private readonly Dictionary<string, string> _templates = new(StringComparer.Ordinal);

    /// <summary>Holds <paramref name="templates"/> (path → Razor text).</summary>
    /// <exception cref="ArgumentException">A path is empty, does not end in <c>.cshtml</c>, or appears twice.</exception>
    public InMemoryTemplateProject(IEnumerable<KeyValuePair<string, string>> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var (path, text) in templates)
        {
            ArgumentNullException.ThrowIfNull(text);
            var key = TemplatePaths.Normalize(path ?? string.Empty);
            if (key.Length == 0 || !key.EndsWith(TemplateFileNames.Extension, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Template path '{path}' must be a file name ending in '.cshtml' (for example 'Welcome.cshtml' or 'Welcome.text.cshtml').", nameof(templates));
            }

            if (!_templates.TryAdd(key, text))
            {
                throw new ArgumentException($"Template path '{key}' is given twice.", nameof(templates));
            }
        }
    }

    /// <inheritdoc />
    public override Task<RazorLightProjectItem> GetItemAsync(string templateKey)
    {
        ArgumentNullException.ThrowIfNull(templateKey);
        var key = TemplatePaths.Normalize(templateKey);
        return Task.FromResult<RazorLightProjectItem>(new TextProjectItem(templateKey, _templates.GetValueOrDefault(key)));
    }

    /// <inheritdoc />
    public override Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey) =>
        Task.FromResult(Enumerable.Empty<RazorLightProjectItem>());

    /// <inheritdoc />
    public override Task<IEnumerable<string>> GetKnownKeysAsync() =>
        Task.FromResult<IEnumerable<string>>(_templates.Keys.Order(StringComparer.Ordinal).ToList());
}
