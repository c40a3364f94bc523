using System.Reflection;
using global::RazorLight;
using global::RazorLight.Razor;
using SesMailer.RazorLight.Projects;
using SesMailer.RazorLight.Rendering;

namespace SesMailer.RazorLight;

/// <summary>Configures a <see cref="RazorLightEmailEngine"/>: where its templates come from and what they may reference.</summary>
/// <example>
/// <code>
/// var fromFolder = new RazorLightEmailEngineBuilder().UseFolder("EmailTemplates").Build();
/// var fromDatabase = new RazorLightEmailEngineBuilder()
///     .UseTemplates(await db.Templates.ToDictionaryAsync(t => t.Path, t => t.Razor))   // "Welcome.cshtml" → text
///     .AddNamespaces("MyApp.Emails")
///     .Build();
/// </code>
/// </example>
public sealed class RazorLightEmailEngineBuilder
{
    private readonly List<string> _namespaces = [];
    private RazorLightProject? _source;
    private bool _sharedTemplates = true;
    private Assembly? _operatingAssembly;

    /// <summary>Templates from <paramref name="folder"/> and its subfolders.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public RazorLightEmailEngineBuilder UseFolder(string folder)
    {
        _source = new FolderTemplateProject(folder);
        return this;
    }

    /// <summary>Templates held as text, keyed by path (<c>Welcome.cshtml</c>, <c>Welcome.text.cshtml</c>, <c>_ViewImports.cshtml</c>).</summary>
    /// <exception cref="ArgumentException">A path does not end in <c>.cshtml</c> or is given twice.</exception>
    public RazorLightEmailEngineBuilder UseTemplates(IEnumerable<KeyValuePair<string, string>> templates)
    {
        _source = new InMemoryTemplateProject(templates);
        return this;
    }

    /// <summary>
    /// Templates from any RazorLight project (for example one reading a database table). Keys are paths relative to a
    /// root with '/' separators, ending in <c>.cshtml</c>; listing them (<see cref="RazorLightProject.GetKnownKeysAsync"/>)
    /// lets layouts and partials be found in any folder, as the generator finds them.
    /// </summary>
    public RazorLightEmailEngineBuilder UseProject(RazorLightProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        _source = project;
        return this;
    }

    /// <summary>Leaves out SesMailer's shipped <c>_Layout</c>, <c>_Button</c> and <c>_Footer</c> (on by default; the application's own templates of those names win anyway).</summary>
    public RazorLightEmailEngineBuilder WithoutSharedTemplates()
    {
        _sharedTemplates = false;
        return this;
    }

    /// <summary>Adds <c>@using</c> namespaces to every template (as a root <c>_ViewImports.cshtml</c> would).</summary>
    public RazorLightEmailEngineBuilder AddNamespaces(params string[] namespaces)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        foreach (var ns in namespaces)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ns, nameof(namespaces));
            _namespaces.Add(ns);
        }

        return this;
    }

    /// <summary>
    /// The assembly whose compilation context (its references, kept by <c>PreserveCompilationContext</c>) templates
    /// compile against. The default is the entry assembly; test projects pass their own assembly.
    /// </summary>
    public RazorLightEmailEngineBuilder UseOperatingAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _operatingAssembly = assembly;
        return this;
    }

    /// <summary>Builds the engine.</summary>
    /// <exception cref="InvalidOperationException">No template source was chosen.</exception>
    public RazorLightEmailEngine Build()
    {
        if (_source is null)
        {
            throw new InvalidOperationException("Choose where templates come from: UseFolder, UseTemplates or UseProject.");
        }

        var project = new EmailTemplateProject(_source, _sharedTemplates ? SharedTemplates.Load() : null, _namespaces);
        var builder = new global::RazorLight.RazorLightEngineBuilder()
            .UseProject(project)
            .UseMemoryCachingProvider();
        if (_operatingAssembly is not null)
        {
            builder.SetOperatingAssembly(_operatingAssembly);
        }

        var engine = builder.Build();
        var operatingAssembly = (_operatingAssembly ?? Assembly.GetEntryAssembly())?.GetName().Name ?? "the entry assembly";
        return new RazorLightEmailEngine(new TemplateRunner(engine, project, operatingAssembly));
    }
}
