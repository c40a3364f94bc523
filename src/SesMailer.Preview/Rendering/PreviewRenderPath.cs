namespace SesMailer.Preview.Rendering;

/// <summary>Which path rendered a preview's templates.</summary>
public enum PreviewRenderPath
{
    /// <summary>The generated code compiled at build time (<c>Render{Name}Async</c>): what the running app sends.</summary>
    Compiled,

    /// <summary>The <c>.cshtml</c> files on disk through SesMailer.RazorLight: edits show without a rebuild.</summary>
    HotReload,
}
