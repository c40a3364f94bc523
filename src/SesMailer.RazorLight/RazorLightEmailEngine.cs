using System.Globalization;
using System.Reflection;
using SesMailer.Conventions;
using SesMailer.Globalization;
using SesMailer.RazorLight.Projects;
using SesMailer.RazorLight.Rendering;
using SesMailer.RazorLight.Subjects;
using SesMailer.Rendering;

namespace SesMailer.RazorLight;

/// <summary>
/// Renders emails from Razor templates that exist only at run time (a folder, a database), with the conventions of
/// the build-time generator: <c>{name}.cshtml</c> is the HTML body (expressions HTML-encoded),
/// <c>{name}.text.cshtml</c> the text body (written as is), <c>@model</c>, <c>Layout = "_Layout"</c>,
/// <c>@RenderBody()</c>, <c>@section</c>/<c>@RenderSectionAsync</c>, <c>@await Partial("_Button", model)</c>,
/// <c>@Html.Raw</c>/<c>@Raw</c>, <c>ViewData</c>, <c>_ViewImports.cshtml</c>, and SesMailer's shipped
/// <c>_Layout</c>, <c>_Button</c> and <c>_Footer</c>. The same <c>.cshtml</c> renders the same text both ways.
/// </summary>
/// <remarks>
/// Create one engine per set of templates and share it (it is thread-safe): each template is compiled by Roslyn on
/// first use (about a second) and cached by path. The host project needs
/// <c>&lt;PreserveCompilationContext&gt;true&lt;/PreserveCompilationContext&gt;</c>, and model types must be public.
/// </remarks>
/// <example>
/// <code>
/// var engine = new RazorLightEmailEngineBuilder().UseFolder("EmailTemplates").Build();
/// RenderedEmail email = await engine.RenderAsync("Welcome", new WelcomeModel("Ann"), "Welcome, {Name}!", ct);
/// await mailer.SendTemplateAsync(engine, "Welcome", new WelcomeModel("Ann"), options, "Welcome, {Name}!", ct);
/// </code>
/// </example>
public sealed class RazorLightEmailEngine
{
    private readonly TemplateRunner _runner;

    internal RazorLightEmailEngine(TemplateRunner runner)
    {
        _runner = runner;
    }

    /// <summary>
    /// Renders template <paramref name="name"/> with <paramref name="model"/>; the subject and default layout come from
    /// the model type's <see cref="EmailAttribute"/> when it has one (else the subject is empty).
    /// </summary>
    /// <inheritdoc cref="RenderAsync{TModel}(string, TModel, string?, CancellationToken)"/>
    public Task<RenderedEmail> RenderAsync<TModel>(string name, TModel model, CancellationToken cancellationToken = default) =>
        RenderAsync(name, model, subject: null, cancellationToken);

    /// <summary>Renders the subject, HTML and text of template <paramref name="name"/> with <paramref name="model"/>.</summary>
    /// <param name="name">
    /// The template's path without extension, relative to the source's root: <c>Welcome</c> renders
    /// <c>Welcome.cshtml</c> and <c>Welcome.text.cshtml</c> (either may be missing, not both); <c>Orders/Shipped</c> looks in a folder.
    /// </param>
    /// <param name="model">The model; its type must match the templates' <c>@model</c>.</param>
    /// <param name="subject">
    /// The subject, with <c>{Member}</c>, <c>{Member.Path}</c> and <c>{Member:format}</c> placeholders filled from the model;
    /// <see langword="null"/> takes the model type's <see cref="EmailAttribute.Subject"/>, if any.
    /// </param>
    /// <param name="cancellationToken">Cancels the render.</param>
    /// <returns>The subject and bodies (a body is <see langword="null"/> when its template does not exist).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or leaves the templates' root, or the subject is malformed or names no member.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="EmailTemplateNotFoundException">Neither template exists, or a layout or partial they name does not.</exception>
    /// <exception cref="EmailTemplateCompilationException">A template has a Razor or C# error (listed with path, line and column).</exception>
    /// <exception cref="EmailTemplateModelException">A template's <c>@model</c> is another type than the model given to it.</exception>
    public Task<RenderedEmail> RenderAsync<TModel>(string name, TModel model, string? subject, CancellationToken cancellationToken = default) =>
        RenderAsync(name, model, subject, CultureInfo.CurrentCulture, cancellationToken);

    /// <summary>
    /// Renders the subject, HTML and text of template <paramref name="name"/> in <paramref name="culture"/>: numbers and
    /// dates follow it whatever the current culture (which is left as it was), and a localized template is chosen as
    /// the generated methods choose it (<c>Welcome.fr-CA.cshtml</c>, else <c>Welcome.fr.cshtml</c>, else <c>Welcome.cshtml</c>;
    /// the same for text).
    /// </summary>
    /// <param name="name">The template's path without extension, relative to the source's root.</param>
    /// <param name="model">The model; its type must match the templates' <c>@model</c>.</param>
    /// <param name="subject">
    /// The subject template; <see langword="null"/> takes the model type's <see cref="EmailAttribute.Subject"/>, if any, or,
    /// with <see cref="EmailAttribute.SubjectResource"/>, the string under that key in <paramref name="culture"/>.
    /// </param>
    /// <param name="culture">The culture to render in.</param>
    /// <param name="cancellationToken">Cancels the render.</param>
    /// <returns>The subject and bodies (a body is <see langword="null"/> when its template does not exist).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or leaves the templates' root, the subject is malformed or names no member, or the declared subject resource has no string under its key.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="culture"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The app runs with invariant globalization and <paramref name="culture"/> is not the invariant culture.</exception>
    /// <exception cref="EmailTemplateNotFoundException">Neither neutral template exists, or a layout or partial they name does not.</exception>
    /// <exception cref="EmailTemplateCompilationException">A template has a Razor or C# error (listed with path, line and column).</exception>
    /// <exception cref="EmailTemplateModelException">A template's <c>@model</c> is another type than the model given to it.</exception>
    public async Task<RenderedEmail> RenderAsync<TModel>(string name, TModel model, string? subject, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(culture);
        var stem = Stem(name);
        var modelType = model.GetType();
        var declared = modelType.GetCustomAttribute<EmailAttribute>();
        // A declared subject may be a key of a .resx ([Email(SubjectResource = …)]), looked up in the send's culture.
        var subjectTemplate = subject
            ?? (declared is { SubjectResource: { } resource, Subject: { } key } ? SubjectResources.Lookup(resource, key, culture) : declared?.Subject);

        var htmlKey = TemplatePaths.FileName(stem, TemplateKind.Html);
        var textKey = TemplatePaths.FileName(stem, TemplateKind.Text);
        var hasHtml = await _runner.ExistsAsync(htmlKey).ConfigureAwait(false);
        var hasText = await _runner.ExistsAsync(textKey).ConfigureAwait(false);
        if (!hasHtml && !hasText)
        {
            throw new EmailTemplateNotFoundException(
                htmlKey,
                $"Email template '{stem}' not found: neither '{htmlKey}' nor '{textKey}' exists in the engine's templates.",
                [htmlKey, textKey]);
        }

        using (EmailCulture.Enter(culture))
        {
            var subjectText = subjectTemplate is null ? string.Empty : SubjectTemplate.Parse(subjectTemplate, modelType).Format(model);
            var html = hasHtml ? await RenderBodyAsync(await LocalizedKeyAsync(stem, TemplateKind.Html, culture).ConfigureAwait(false), model, modelType, declared?.Layout, cancellationToken).ConfigureAwait(false) : null;
            var text = hasText ? await RenderBodyAsync(await LocalizedKeyAsync(stem, TemplateKind.Text, culture).ConfigureAwait(false), model, modelType, declared?.Layout, cancellationToken).ConfigureAwait(false) : null;
            return new RenderedEmail(subjectText, html, text);
        }
    }

    /// <summary>The template of <paramref name="kind"/> for <paramref name="culture"/> by the shared convention: its own, each parent's, else the neutral one.</summary>
    private async Task<string> LocalizedKeyAsync(string stem, TemplateKind kind, CultureInfo culture)
    {
        for (var candidate = culture; candidate.Name.Length > 0; candidate = candidate.Parent)
        {
            var key = TemplatePaths.FileName(TemplateCultures.LocalizedStem(stem, candidate.Name), kind);
            if (await _runner.ExistsAsync(key).ConfigureAwait(false))
            {
                return key;
            }
        }

        return TemplatePaths.FileName(stem, kind);
    }

    /// <summary>Whether template <paramref name="name"/> exists (its HTML or its text form).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or leaves the templates' root.</exception>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        var stem = Stem(name);
        cancellationToken.ThrowIfCancellationRequested();
        return await _runner.ExistsAsync(TemplatePaths.FileName(stem, TemplateKind.Html)).ConfigureAwait(false)
            || await _runner.ExistsAsync(TemplatePaths.FileName(stem, TemplateKind.Text)).ConfigureAwait(false);
    }

    private Task<string> RenderBodyAsync(string key, object model, Type modelType, string? defaultLayout, CancellationToken cancellationToken)
    {
        _runner.Project.Bind(key, modelType);
        return _runner.RenderAsync(key, model, defaultLayout, cancellationToken);
    }

    /// <summary>The template path without extension; <c>Welcome.cshtml</c> and <c>Welcome.text.cshtml</c> are accepted as <c>Welcome</c>.</summary>
    private static string Stem(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = TemplateFileNames.Stem(TemplatePaths.Normalize(name));

        if (path.Length == 0 || path.StartsWith(TemplatePaths.SharedPrefix, StringComparison.Ordinal) || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Template name '{name}' must be a path inside the templates' root, such as 'Welcome' or 'Orders/Shipped'.", nameof(name));
        }

        return path;
    }
}
