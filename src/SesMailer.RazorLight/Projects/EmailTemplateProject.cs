using System.Collections.Concurrent;
using System.Text;
using global::RazorLight.Razor;
using SesMailer.Conventions;

namespace SesMailer.RazorLight.Projects;

/// <summary>
/// The one RazorLight project the engine compiles from: the application's templates (a folder, memory, a database)
/// and SesMailer's shipped templates under <c>_shared/</c>. It also writes the imports every template gets, which is
/// how run-time templates see the same API and usings as generated ones:
/// <c>@inherits RuntimeEmailTemplate&lt;TModel&gt;</c>, <c>@using SesMailer</c>, <c>@using SesMailer.Rendering</c>,
/// the application's namespaces, <c>_ViewImports.cshtml</c> of the template's folder and its ancestors, and for an
/// email's own templates the model's namespace and type (so <c>@model</c> may be omitted, as with the generator).
/// </summary>
internal sealed class EmailTemplateProject : RazorLightProject
{
    private readonly RazorLightProject? _source;
    private readonly RazorLightProject? _shared;
    private readonly string _commonImports;
    private readonly ConcurrentDictionary<string, Type> _boundModels = new(StringComparer.Ordinal);

    public EmailTemplateProject(RazorLightProject? source, RazorLightProject? shared, IEnumerable<string> namespaces)
    {
        _source = source;
        _shared = shared;
        var imports = new StringBuilder()
            .Append("@inherits global::").Append(typeof(Templates.RuntimeEmailTemplate<>).Namespace).Append(".RuntimeEmailTemplate<TModel>\n")
            .Append("@using SesMailer\n")
            .Append("@using SesMailer.Rendering\n");
        foreach (var ns in namespaces)
        {
            imports.Append("@using ").Append(ns).Append('\n');
        }

        _commonImports = imports.ToString();
    }

    /// <summary>
    /// Declares that the template at <paramref name="key"/> renders an email of <paramref name="modelType"/> (the
    /// generator's binding of an email's templates). Only the first binding counts: the template is compiled once.
    /// </summary>
    public void Bind(string key, Type modelType) => _boundModels.TryAdd(key, modelType);

    public static bool IsShared(string key) => key.StartsWith(TemplatePaths.SharedPrefix, StringComparison.Ordinal);

    public override string NormalizeKey(string templateKey) => templateKey;

    public override async Task<RazorLightProjectItem> GetItemAsync(string templateKey)
    {
        ArgumentNullException.ThrowIfNull(templateKey);
        var (project, innerKey) = Route(templateKey);
        if (project is null)
        {
            return new TextProjectItem(templateKey, null);
        }

        var item = await project.GetItemAsync(innerKey).ConfigureAwait(false);
        return new KeyedProjectItem(templateKey, item);
    }

    public override async Task<IEnumerable<RazorLightProjectItem>> GetImportsAsync(string templateKey)
    {
        // RazorLight inserts each import in front of the previous ones: list them innermost first.
        var result = new List<RazorLightProjectItem>();
        if (!IsShared(templateKey) && _source is not null)
        {
            foreach (var folder in TemplatePaths.FolderAndAncestors(TemplatePaths.Folder(templateKey)))
            {
                var imports = await _source.GetItemAsync(folder + TemplateFileNames.ImportsFileName).ConfigureAwait(false);
                if (imports.Exists)
                {
                    result.Add(new KeyedProjectItem(folder + TemplateFileNames.ImportsFileName, imports));
                }
            }
        }

        result.Add(new TextProjectItem("_SesMailerImports.cshtml", CommonImports(templateKey)));
        return result;
    }

    public override async Task<IEnumerable<string>> GetKnownKeysAsync()
    {
        var keys = new List<string>();
        if (_source is not null)
        {
            keys.AddRange((await _source.GetKnownKeysAsync().ConfigureAwait(false)).Select(TemplatePaths.Normalize));
        }

        if (_shared is not null)
        {
            keys.AddRange((await _shared.GetKnownKeysAsync().ConfigureAwait(false)).Select(k => TemplatePaths.SharedPrefix + TemplatePaths.Normalize(k)));
        }

        return keys;
    }

    /// <summary>The keys of the application's own templates (not the shipped ones).</summary>
    public async Task<IReadOnlyList<string>> GetSourceKeysAsync() =>
        _source is null ? [] : (await _source.GetKnownKeysAsync().ConfigureAwait(false)).Select(TemplatePaths.Normalize).ToList();

    private string CommonImports(string templateKey)
    {
        if (!_boundModels.TryGetValue(templateKey, out var model))
        {
            return _commonImports;
        }

        var text = new StringBuilder(_commonImports);
        if (!string.IsNullOrEmpty(model.Namespace))
        {
            text.Append("@using ").Append(model.Namespace).Append('\n');
        }

        // A template that omits @model renders the email's type, as the generator's do; its own @model wins.
        if (TypeNames.CanName(model))
        {
            text.Append("@model ").Append(TypeNames.CSharp(model)).Append('\n');
        }

        return text.ToString();
    }

    private (RazorLightProject? Project, string Key) Route(string key) => IsShared(key)
        ? (_shared, key[TemplatePaths.SharedPrefix.Length..])
        : (_source, key);
}
