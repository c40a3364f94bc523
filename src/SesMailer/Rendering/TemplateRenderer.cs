using System.ComponentModel;

namespace SesMailer.Rendering;

/// <summary>
/// Runs a compiled template and then its layouts (a layout may name its own layout), handing each layout the
/// rendered body and the sections of the template below it. Generated <c>Render{Name}Async</c> methods call this.
/// </summary>
/// <remarks>Infrastructure for generated code and SesMailer.RazorLight, hidden from IntelliSense: not a supported API, it may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateRenderer
{
    private const int MaxLayoutDepth = 16;

    /// <summary>Renders <paramref name="template"/> with <paramref name="model"/> and returns the output.</summary>
    /// <param name="template">A new instance of the compiled template.</param>
    /// <param name="model">The model.</param>
    /// <param name="factory">Finds layouts and partials by name.</param>
    /// <param name="defaultLayout">The layout declared on <c>[Email]</c>, used unless the template sets <c>Layout</c> itself.</param>
    /// <param name="cancellationToken">Cancels the render.</param>
    /// <exception cref="InvalidOperationException">A layout or partial is missing, or layouts form a cycle.</exception>
    public static Task<string> RenderAsync<TModel>(EmailTemplate<TModel> template, TModel model, ITemplateFactory factory, string? defaultLayout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(factory);
        template.Layout = defaultLayout;

        // Templates that never wait on anything (the usual case) complete synchronously: no state machine is boxed
        // and the only task allocated is the one returned.
        var render = RenderWithLayoutsAsync(template, model, factory, cancellationToken);
        return render.IsCompletedSuccessfully ? Task.FromResult(render.Result) : render.AsTask();
    }

    /// <summary>Runs <paramref name="template"/> (no layout) with its output going to <paramref name="output"/>; partials run this way.</summary>
    internal static Task RunAsync(EmailTemplate template, object? model, ITemplateFactory factory, IDictionary<string, object?> viewData, TextWriter output, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        template.SetModel(model);
        template.Factory = factory;
        template.ViewData = viewData;
        template.CancellationToken = cancellationToken;
        template.Output = output;
        return template.ExecuteAsync();
    }

    /// <summary>
    /// The template into one render buffer, then each layout into another that holds the body's buffer by reference
    /// where the layout places it (see <see cref="RenderBuffer.Place"/>); the last buffer, read once into a string of
    /// the exact length, is the email. Every buffer goes back to the cache, whatever happens: each layout's buffer owns
    /// the one below it, so returning the last returns them all.
    /// </summary>
    private static async ValueTask<string> RenderWithLayoutsAsync(EmailTemplate template, object? model, ITemplateFactory factory, CancellationToken cancellationToken)
    {
        var viewData = new Dictionary<string, object?>(StringComparer.Ordinal);
        var output = RenderBuffer.Rent();
        try
        {
            await RunAsync(template, model, factory, viewData, output, cancellationToken).ConfigureAwait(false);
            var current = template;
            for (var depth = 0; current.Layout is { } layoutName; depth++)
            {
                if (depth == MaxLayoutDepth)
                {
                    throw new InvalidOperationException($"Layouts nest deeper than {MaxLayoutDepth} levels; is there a cycle through '{layoutName}'?");
                }

                var layout = factory.Create(layoutName, current.Kind)
                    ?? throw new InvalidOperationException($"Layout '{layoutName}' ({current.Kind}) not found.");
                var body = output;
                output = RenderBuffer.Rent();
                output.Owned = body;
                layout.Body = body;
                layout.ParentSections = current.Sections;
                layout.SectionOwner = current;
                await RunAsync(layout, model, factory, viewData, output, cancellationToken).ConfigureAwait(false);
                layout.Body = null;
                EnsureSectionsRendered(current, layoutName);
                current = layout;
            }

            EnsureSectionsRendered(current, layoutName: null);
            return output.ToString();
        }
        finally
        {
            RenderBuffer.Return(output);
        }
    }

    /// <summary>A section that no layout places would vanish from the email without a word: say so instead (as ASP.NET Core does).</summary>
    private static void EnsureSectionsRendered(EmailTemplate template, string? layoutName)
    {
        if (template.Sections.Count == 0)
        {
            return;
        }

        foreach (var name in template.Sections.Keys)
        {
            if (!template.RenderedSections.Contains(name))
            {
                throw new InvalidOperationException(layoutName is null
                    ? $"Template {template.GetType().Name} defines section '{name}' but has no layout to render it; set Layout or remove the section."
                    : $"Template {template.GetType().Name} defines section '{name}' but its layout '{layoutName}' does not render it; call RenderSection(\"{name}\") there or remove the section.");
            }
        }
    }
}
