using System.Globalization;
using System.Reflection;
using SesMailer.RazorLight;
using SesMailer.Rendering;

namespace SesMailer.Preview.Rendering;

/// <summary>
/// Renders an email from its <c>.cshtml</c> files on disk through SesMailer.RazorLight, the run-time path with the same
/// conventions as the generated code. RazorLight caches a compiled template for an engine's lifetime, so the engine is
/// rebuilt whenever a template under the root changes (a new write time or a file added or removed).
/// </summary>
internal sealed class HotReloadTemplates
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git"];
    private readonly object _gate = new();
    private readonly Dictionary<Assembly, RazorLightEmailEngine> _engines = [];
    private (long Fingerprint, int Count) _stamp;

    public HotReloadTemplates(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>Why <paramref name="email"/> cannot be rendered from disk, or <see langword="null"/> when it can.</summary>
    public string? CannotRender(EmailDescriptor email)
    {
        var path = email.HtmlTemplatePath ?? email.TextTemplatePath;
        if (path is null)
        {
            return "the email has no template path";
        }

        if (!File.Exists(Path.Combine(Root, path)))
        {
            return $"'{path}' is not under {Root} (set EmailPreviewOptions.TemplateRoot to the project folder)";
        }

        // RazorLight compiles each template into an assembly of its own, which sees only public types.
        return email.ModelType.IsVisible ? null : $"{email.ModelType.Name} is not public, and RazorLight can render only public model types";
    }

    public Task<RenderedEmail> RenderAsync(EmailDescriptor email, object model, CultureInfo culture, CancellationToken cancellationToken)
    {
        var path = email.HtmlTemplatePath ?? email.TextTemplatePath!;
        // Emails/WelcomeEmail.cshtml or Emails/WelcomeEmail.text.cshtml -> Emails/WelcomeEmail, the engine's template name.
        var stem = path[..^".cshtml".Length];
        if (stem.EndsWith(".text", StringComparison.OrdinalIgnoreCase))
        {
            stem = stem[..^".text".Length];
        }

        return Engine(email.ModelType.Assembly).RenderAsync(stem, model, email.SubjectTemplate, culture, cancellationToken);
    }

    private RazorLightEmailEngine Engine(Assembly assembly)
    {
        var stamp = Stamp();
        lock (_gate)
        {
            if (stamp != _stamp)
            {
                _engines.Clear();
                _stamp = stamp;
            }

            if (!_engines.TryGetValue(assembly, out var engine))
            {
                // Templates compile against the references of the assembly that declares the emails.
                engine = new RazorLightEmailEngineBuilder().UseFolder(Root).UseOperatingAssembly(assembly).Build();
                _engines[assembly] = engine;
            }

            return engine;
        }
    }

    /// <summary>
    /// A fingerprint of every template's path, write time and length: any edit, copy, rename or deletion changes it
    /// (a maximum of write times would miss an edit that leaves an older time stamp than another file's).
    /// </summary>
    private (long Fingerprint, int Count) Stamp()
    {
        long fingerprint = 0;
        var count = 0;
        var pending = new Stack<string>();
        pending.Push(Root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.cshtml"))
            {
                count++;
                var info = new FileInfo(file);
                // Summed, so the order directories are listed in does not matter.
                fingerprint += HashCode.Combine(StringComparer.Ordinal.GetHashCode(file), info.LastWriteTimeUtc.Ticks, info.Length);
            }
        }

        return (fingerprint, count);
    }
}
