using SesMailer.Compatibility;
using SesMailer.Preview.Rendering;

namespace SesMailer.Preview;

/// <summary>How <see cref="EmailPreviewEndpoints.MapEmailPreviews"/> serves previews.</summary>
public sealed class EmailPreviewOptions
{
    /// <summary>
    /// Maps the pages outside the Development environment too. Off by default: previews render sample data and the
    /// application's templates, which production visitors have no business seeing. Opt in only behind
    /// <c>.RequireAuthorization()</c>.
    /// </summary>
    public bool EnableOutsideDevelopment { get; set; }

    /// <summary>
    /// In Development, renders templates from the files on disk through SesMailer.RazorLight (the run-time path), so
    /// an edited <c>.cshtml</c> shows on the next refresh without a rebuild. On by default; never used outside Development.
    /// </summary>
    public bool HotReload { get; set; } = true;

    /// <summary>
    /// The folder template paths are relative to (the project folder); <see langword="null"/> for the host's content
    /// root, which is the project folder under <c>dotnet run</c>.
    /// </summary>
    public string? TemplateRoot { get; set; }

    /// <summary>The recipient given to a preview whose options name none (a send needs one); the page says when it was used.</summary>
    public string SampleRecipient { get; set; } = EmailPreviewRenderer.DefaultSampleRecipient;

    /// <summary>
    /// The mail clients the compatibility report judges each preview against, named as caniemail does
    /// (<c>outlook.windows</c>, <c>gmail.*</c>); <see cref="LintOptions.DefaultClients"/> by default.
    /// </summary>
    public IList<string> Clients { get; } = [.. LintOptions.DefaultClients];
}
