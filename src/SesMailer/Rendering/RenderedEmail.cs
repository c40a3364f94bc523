namespace SesMailer.Rendering;

/// <summary>What a typed email renders to before any MIME is built.</summary>
/// <param name="Subject">The subject with its placeholders filled.</param>
/// <param name="Html">The HTML body (HTML-encoded output), or <see langword="null"/> when the email has none.</param>
/// <param name="Text">The plain-text body, or <see langword="null"/> when the email has no text template.</param>
public sealed record RenderedEmail(string Subject, string? Html, string? Text);
