using System.Collections.Concurrent;
using System.Globalization;
using global::RazorLight;
using global::RazorLight.Compilation;
using global::RazorLight.Generation;
using SesMailer.Conventions;
using SesMailer.RazorLight.Projects;
using SesMailer.RazorLight.Templates;
using SesMailer.Rendering;

namespace SesMailer.RazorLight.Rendering;

/// <summary>
/// Compiles templates through RazorLight (which caches them by path) and runs them the way the build-time
/// <see cref="SesMailer.Rendering.TemplateRenderer"/> runs generated ones: the template, then its layouts (each handed the body and the
/// sections of the one below), with partials rendered on demand and one <c>ViewData</c> shared by all.
/// </summary>
internal sealed class TemplateRunner
{
    private const int MaxLayoutDepth = 16;

    private readonly IRazorLightEngine _engine;
    private readonly EmailTemplateProject _project;
    private readonly ConcurrentDictionary<(string Folder, string Name, TemplateKind Kind), string> _resolved = new();

    private readonly string _operatingAssembly;

    public TemplateRunner(IRazorLightEngine engine, EmailTemplateProject project, string operatingAssembly)
    {
        _engine = engine;
        _project = project;
        _operatingAssembly = operatingAssembly;
    }

    public EmailTemplateProject Project => _project;

    /// <summary>Whether a template exists at <paramref name="key"/>.</summary>
    public async Task<bool> ExistsAsync(string key) => (await _project.GetItemAsync(key).ConfigureAwait(false)).Exists;

    /// <summary>Renders the template at <paramref name="key"/> and its layouts.</summary>
    public async Task<string> RenderAsync(string key, object? model, string? defaultLayout, CancellationToken cancellationToken)
    {
        var viewData = new Dictionary<string, object?>(StringComparer.Ordinal);
        var template = await CompileAsync(key).ConfigureAwait(false);
        template.Layout = defaultLayout;
        var kind = TemplatePaths.KindOf(key);
        var body = await RunAsync(template, key, kind, model, viewData, cancellationToken).ConfigureAwait(false);

        var current = template;
        var currentKey = key;
        for (var depth = 0; current.Layout is { } layoutName; depth++)
        {
            if (depth == MaxLayoutDepth)
            {
                throw new EmailTemplateException(key, $"Layouts of '{key}' nest deeper than {MaxLayoutDepth} levels; is there a cycle through '{layoutName}'?");
            }

            var layoutKey = await ResolveAsync(layoutName, kind, currentKey, "Layout").ConfigureAwait(false);
            var layout = await CompileAsync(layoutKey).ConfigureAwait(false);
            var state = NewState(layoutKey, kind, viewData, cancellationToken);
            state.Body = body;
            state.ParentSections = current.Sections;
            state.SectionOwner = current;
            body = await RunAsync(layout, state, model).ConfigureAwait(false);
            current = layout;
            currentKey = layoutKey;
        }

        return body;
    }

    /// <summary>Renders partial <paramref name="name"/> for the template whose state is <paramref name="caller"/> (no layouts).</summary>
    public async Task<string> RenderPartialAsync(string name, object? model, TemplateState caller)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = await ResolveAsync(name, caller.Kind, caller.Key, "Partial").ConfigureAwait(false);
        var partial = await CompileAsync(key).ConfigureAwait(false);
        return await RunAsync(partial, key, caller.Kind, model, caller.ViewData, caller.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds a layout or partial by name, as the generator does (by file name, the application's templates before the
    /// shipped ones): first in the folder of the template naming it and its ancestors, then anywhere in the
    /// application's templates (ordinal order of paths), then among the shipped templates.
    /// </summary>
    private async Task<string> ResolveAsync(string name, TemplateKind kind, string fromKey, string what)
    {
        var folder = EmailTemplateProject.IsShared(fromKey) ? string.Empty : TemplatePaths.Folder(fromKey);
        if (_resolved.TryGetValue((folder, name, kind), out var cached))
        {
            return cached;
        }

        var fileName = TemplatePaths.FileName(name, kind);
        var searched = new List<string>();
        foreach (var candidate in TemplatePaths.FolderAndAncestors(folder).Select(f => f + fileName))
        {
            searched.Add(candidate);
            if (await ExistsAsync(candidate).ConfigureAwait(false))
            {
                return _resolved[(folder, name, kind)] = candidate;
            }
        }

        foreach (var candidate in await _project.GetSourceKeysAsync().ConfigureAwait(false))
        {
            if (string.Equals(TemplatePaths.GetFileName(candidate), fileName, StringComparison.Ordinal) && await ExistsAsync(candidate).ConfigureAwait(false))
            {
                return _resolved[(folder, name, kind)] = candidate;
            }
        }

        var shared = TemplatePaths.SharedPrefix + fileName;
        searched.Add(shared);
        if (await ExistsAsync(shared).ConfigureAwait(false))
        {
            return _resolved[(folder, name, kind)] = shared;
        }

        throw new EmailTemplateNotFoundException(
            fromKey,
            $"{what} '{name}' ({kind}) named by '{fromKey}' not found; looked for {string.Join(", ", searched.Select(s => "'" + s + "'"))} and any '{fileName}' among the templates.",
            searched);
    }

    /// <summary>Compiles (or takes from RazorLight's cache) the template at <paramref name="key"/>, turning RazorLight's errors into SesMailer's.</summary>
    private async Task<IRuntimeTemplate> CompileAsync(string key)
    {
        ITemplatePage page;
        try
        {
            page = await _engine.CompileTemplateAsync(key).ConfigureAwait(false);
        }
        catch (TemplateCompilationException exception)
        {
            var errors = exception.CompilationDiagnostics.Count > 0
                ? exception.CompilationDiagnostics.Select(d => ToError(key, d)).ToList()
                : exception.CompilationErrors.Select(e => new TemplateError(key, 0, 0, null, e)).ToList();
            // Errors outside any template mean the generated scaffolding itself lacks references (System.Linq, RazorLight).
            var hint = errors.Any(e => !e.Path.EndsWith(TemplateFileNames.Extension, StringComparison.OrdinalIgnoreCase))
                ? $"Templates compile against the references of the operating assembly ({_operatingAssembly}): the host project needs <PreserveCompilationContext>true</PreserveCompilationContext>, and UseOperatingAssembly must name an assembly of that project."
                : null;
            throw new EmailTemplateCompilationException(key, errors, exception, hint);
        }
        catch (TemplateGenerationException exception)
        {
            var errors = exception.Diagnostics.Select(d => new TemplateError(
                string.IsNullOrEmpty(d.Span.FilePath) ? key : d.Span.FilePath,
                d.Span.LineIndex + 1,
                d.Span.CharacterIndex + 1,
                d.Id,
                d.GetMessage(CultureInfo.InvariantCulture))).ToList();
            throw new EmailTemplateCompilationException(key, errors, exception);
        }
        catch (TemplateNotFoundException)
        {
            throw new EmailTemplateNotFoundException(key, $"Template '{key}' not found.", [key]);
        }

        return page as IRuntimeTemplate
            ?? throw new EmailTemplateException(key, $"Template '{key}' derives from {page.GetType().BaseType}; run-time email templates must not use @inherits (SesMailer supplies the base class).");
    }

    /// <summary>A C# error at its place in the template (Razor's #line mapping makes Roslyn report template lines); RazorLight does not pass on the CS id.</summary>
    private static TemplateError ToError(string key, TemplateCompilationDiagnostic diagnostic) => diagnostic.LineSpan is { } span
        ? new TemplateError(string.IsNullOrEmpty(span.Path) ? key : span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, null, diagnostic.ErrorMessage)
        : new TemplateError(key, 0, 0, null, diagnostic.ErrorMessage);

    private TemplateState NewState(string key, TemplateKind kind, IDictionary<string, object?> viewData, CancellationToken cancellationToken) =>
        new(key, kind, this, viewData, cancellationToken);

    private Task<string> RunAsync(IRuntimeTemplate template, string key, TemplateKind kind, object? model, IDictionary<string, object?> viewData, CancellationToken cancellationToken) =>
        RunAsync(template, NewState(key, kind, viewData, cancellationToken), model);

    private static async Task<string> RunAsync(IRuntimeTemplate template, TemplateState state, object? model)
    {
        state.CancellationToken.ThrowIfCancellationRequested();
        template.State = state;
        template.AssignModel(model);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        state.Output = writer;
        if (template is ITemplatePage page)
        {
            // RazorLight's own members (ViewBag, tag helper scopes) read the page context.
            page.PageContext = new PageContext { Writer = writer };
        }

        await template.ExecuteAsync().ConfigureAwait(false);
        return writer.ToString();
    }
}
