using SesMailer.RazorLight.Rendering;
using SesMailer.Rendering;

namespace SesMailer.RazorLight.Templates;

/// <summary>
/// The per-render state of one template instance: where it writes, the shared view data, and, for a layout, the body
/// and sections of the template below it. The renderer fills it in before the template runs.
/// </summary>
internal sealed class TemplateState
{
    /// <summary>The state of a template that is not being rendered (it writes nowhere).</summary>
    public static TemplateState Detached => new(string.Empty, TemplateKind.Html, null, new Dictionary<string, object?>(), CancellationToken.None);

    public TemplateState(string key, TemplateKind kind, TemplateRunner? runner, IDictionary<string, object?> viewData, CancellationToken cancellationToken)
    {
        Key = key;
        Kind = kind;
        Runner = runner;
        ViewData = viewData;
        CancellationToken = cancellationToken;
    }

    /// <summary>The template's key: its path in the template source (<c>Emails/Welcome.cshtml</c>, <c>_shared/_Layout.cshtml</c>).</summary>
    public string Key { get; }

    public TemplateKind Kind { get; }

    /// <summary>The renderer, or <see langword="null"/> while detached.</summary>
    public TemplateRunner? Runner { get; }

    public IDictionary<string, object?> ViewData { get; }

    public CancellationToken CancellationToken { get; }

    public TextWriter Output { get; set; } = TextWriter.Null;

    public string? Body { get; set; }

    public IReadOnlyDictionary<string, Func<Task>> ParentSections { get; set; } = new Dictionary<string, Func<Task>>();

    public IRuntimeTemplate? SectionOwner { get; set; }
}
